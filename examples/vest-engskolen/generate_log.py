"""Engskolen's roster and Aula export for 2025-2026 (seeded; output committed).

    python3 examples/vest-engskolen/generate_log.py

The log is written as Aula would export it (Danish column names, `;`, UTF-8 with BOM,
dd-mm-yyyy) and is read through examples/mappings/aula.yaml (`--mapping`). The gaps:
  - 6A held its first forældremøde, and elected its klasseforældreråd, in week 9 of the year
  - elev-9a-05 never had a skole/hjemsamtale
  - elev-6a-03's talk was held without the contact teacher
  - elev-3a-04's parents were invited five days before the talk
  - elev-0a-02's parents never answered the invitation (flagged "Intet svar"), so no talk was
    held; the school called them, so its duty is met
  - one message from home (T-2107) was answered after five working days
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from activity import Log, make_classes, weekdays, working_day, write_roster  # noqa: E402

D = dt.date
SCHOOL = "Engskolen"
HOLIDAY_WEEKS = {D(2025, 10, 17), D(2025, 12, 26), D(2026, 1, 2), D(2026, 2, 13), D(2026, 4, 3)}
# canonical value -> the label Aula writes (examples/mappings/aula.yaml maps them back)
AULA_TYPES = {"melding": "Besked", "henvendelse": "Besked fra forældre", "svar": "Svar på besked",
              "foreldremote": "Forældremøde", "skole-hjem-samtale": "Skole/hjem-samtale", "invitasjon": "Invitation",
              "klasseforaeldreraad-valg": "Valg af klasseforældreråd", "meddelelsesbog": "Meddelelsesbog delt",
              "dialogmote": "Dialogmøde"}
AULA_ROLES = {"foresatt": "Forældre", "kontaktlaerer": "Kontaktlærer", "laerer": "Lærer", "rektor": "Skoleleder"}
AULA_CHANNELS = {"aula": "Aula besked", "telefon": "SMS", "mote": "Møde"}
AULA_FLAGS = {"no-response": "Intet svar", "declined": "Afslået"}
AULA_COLUMNS = ["Id", "Dato", "Begivenhedstype", "Skole", "Klasse", "Elev", "Deltagere", "Kanal", "Tråd", "Markering"]


def class_meetings(log: Log, rng: random.Random, classes) -> None:
    for cls in classes:
        day = D(2025, 10, 9) if cls.id == "6A" else working_day(D(2025, 8, 20), rng, 0, 20)
        log.add(day, "foreldremote", cls.id, roles="foresatt|kontaktlaerer|laerer", channel="mote")
        log.add(day, "klasseforaeldreraad-valg", cls.id, roles="foresatt", channel="mote")
    for day in (D(2025, 10, 28), D(2026, 3, 17)):
        log.add(day, "dialogmote", roles="foresatt|rektor", channel="mote")


def pupil_talks(log: Log, rng: random.Random, classes) -> None:
    for cls in classes:
        for n, pupil in enumerate(cls.pupils, start=1):
            log.add(working_day(D(2026, 1, 12), rng, 0, 11), "meddelelsesbog", cls.id, pupil, "foresatt", "aula")
            if pupil == "elev-9a-05":
                continue
            thread = f"S-{cls.id}-{n:02d}"
            talk = working_day(D(2025, 11, 3), rng, 0, 25)
            notice = 5 if pupil == "elev-3a-04" else rng.randint(14, 21)
            unanswered = "no-response" if pupil == "elev-0a-02" else ""
            log.add(talk - dt.timedelta(days=notice), "invitasjon", cls.id, pupil, "foresatt", "aula", thread, unanswered)
            if unanswered:
                continue
            roles = "foresatt|laerer" if pupil == "elev-6a-03" else "foresatt|kontaktlaerer"
            log.add(talk, "skole-hjem-samtale", cls.id, pupil, roles, "mote", thread)


def messages(log: Log, rng: random.Random, classes) -> None:
    """Weekly class messages on Aula (a few by SMS), and 20 threads from home."""
    for cls in classes:
        for monday in weekdays(D(2025, 8, 11), D(2026, 6, 22), 0, {d - dt.timedelta(days=4) for d in HOLIDAY_WEEKS}):
            log.add(monday, "melding", cls.id, roles="kontaktlaerer|foresatt", channel="telefon" if rng.random() < 0.05 else "aula")
    pupils = [(cls.id, pupil) for cls in classes for pupil in cls.pupils]
    for n, day in enumerate(sorted(working_day(D(2025, 8, 18), rng, 0, 280) for _ in range(20)), start=1):
        cls, pupil = rng.choice(pupils)
        thread = f"T-{2100 + n}"
        log.add(day, "henvendelse", cls, pupil, "foresatt", "aula", thread)
        reply = working_day(day, rng, 7, 7) if n == 7 else working_day(day, rng, 0, 2)
        log.add(reply, "svar", cls, pupil, "kontaktlaerer", "aula", thread)


def write_aula(log: Log, path: Path) -> None:
    def aula(row: dict) -> list[str]:
        roles = ",".join(AULA_ROLES[role] for role in row["roles"].split("|") if role)
        return [row["id"], row["date"].strftime("%d-%m-%Y"), AULA_TYPES[row["type"]], row["school"], row["class"],
                row["pupil"], roles, AULA_CHANNELS.get(row["channel"], ""), row["thread"], AULA_FLAGS.get(row["flags"], row["flags"])]
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow(AULA_COLUMNS)
        writer.writerows(aula(row) for row in log.sorted_rows())


def main() -> None:
    rng = random.Random(2026)
    classes = make_classes([("0A", 0), ("3A", 3), ("6A", 6), ("9A", 9)], rng)
    write_roster(HERE / "roster.yaml", SCHOOL, "2025-2026", classes, rng)
    log = Log("ENG", SCHOOL)
    for part in (class_meetings, pupil_talks, messages):
        part(log, rng, classes)
    write_aula(log, HERE / "aula-eksport.csv")


if __name__ == "__main__":
    main()
