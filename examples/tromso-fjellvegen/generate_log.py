"""Fjellvegen skole's roster and activity log for 2025-2026 (seeded; output committed).

    python3 examples/tromso-fjellvegen/generate_log.py

A year as the school's systems would export it (canonical columns, Transponder as the
message channel), with a handful of gaps a principal would want to see:
  - elev-5a-04 had only the autumn development talk (the spring one was postponed, never held)
  - elev-3a-02's autumn development talk was held with the parents alone
  - elev-1a-03's parents declined the spring development talk (an invitation flagged declined):
    the school invited twice, so its duty is met
  - 7A had only one parent meeting (the spring meeting was cancelled)
  - an inquiry (H-1105) was answered after six working days, and one (H-1124) never was
  - a message about a pupil's health went through Transponder, flagged sensitive
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from activity import Log, make_classes, weekdays, working_day, write_roster  # noqa: E402

D = dt.date
SCHOOL = "Fjellvegen skole"
HOLIDAY_WEEKS = {D(2025, 10, 3), D(2025, 12, 26), D(2026, 1, 2), D(2026, 2, 27), D(2026, 4, 3)}
TALK = "elev|foresatt|kontaktlaerer"


def talk_day(rng: random.Random, start: D, days: int) -> D:
    return working_day(start, rng, 0, days)


def talks(log: Log, rng: random.Random, classes) -> None:
    for cls in classes:
        for pupil in cls.pupils:
            log.add(talk_day(rng, D(2025, 9, 15), 35), "elevsamtale", cls.id, pupil, "elev|kontaktlaerer", "mote")
            log.add(talk_day(rng, D(2026, 1, 12), 35), "elevsamtale", cls.id, pupil, "elev|kontaktlaerer", "mote")
            autumn = "foresatt|kontaktlaerer" if pupil == "elev-3a-02" else TALK
            log.add(talk_day(rng, D(2025, 10, 20), 30), "utviklingssamtale", cls.id, pupil, autumn, "mote")
            if pupil == "elev-1a-03":
                day = talk_day(rng, D(2026, 3, 9), 24)
                log.add(day - dt.timedelta(days=14), "invitasjon", cls.id, pupil, "foresatt", "transponder",
                        f"U-{pupil}", flags="declined")
            elif pupil != "elev-5a-04":
                log.add(talk_day(rng, D(2026, 3, 9), 24), "utviklingssamtale", cls.id, pupil, TALK, "mote")


def meetings(log: Log, rng: random.Random, classes) -> None:
    log.add(D(2025, 6, 5), "informasjonsmote", "1A", roles="foresatt|rektor|kontaktlaerer", channel="mote")
    for cls in classes:
        log.add(talk_day(rng, D(2025, 9, 2), 9), "foreldremote", cls.id, roles="foresatt|kontaktlaerer", channel="mote")
        if cls.id != "7A":
            log.add(talk_day(rng, D(2026, 2, 3), 9), "foreldremote", cls.id, roles="foresatt|kontaktlaerer", channel="mote")
    for day in (D(2025, 9, 10), D(2025, 11, 12), D(2026, 2, 11), D(2026, 5, 6)):
        log.add(day, "fau-mote", roles="rektor|foresatt", channel="mote")


def messages(log: Log, rng: random.Random, classes) -> None:
    for cls in classes:
        for friday in weekdays(D(2025, 8, 22), D(2026, 6, 19), 4, HOLIDAY_WEEKS):
            log.add(friday, "melding", cls.id, roles="kontaktlaerer|foresatt", channel="transponder")
    for day, cls, pupil in ((D(2025, 10, 14), "3A", "elev-3a-05"), (D(2026, 3, 18), "7A", "elev-7a-01")):
        log.add(day, "melding", cls, pupil, "kontaktlaerer|foresatt", "visma", flags="sensitive")
    log.add(D(2026, 1, 14), "melding", "5A", "elev-5a-06", "kontaktlaerer|foresatt", "transponder", flags="sensitive")


def inquiries(log: Log, rng: random.Random, classes) -> None:
    """24 threads from home; most answered within two days, H-1105 late and H-1124 never."""
    pupils = [(cls.id, pupil) for cls in classes for pupil in cls.pupils]
    days = sorted(working_day(D(2025, 8, 20), rng, 0, 270) for _ in range(22))
    for n, day in enumerate([*days[:4], D(2025, 11, 3), *days[4:], D(2026, 5, 27)], start=1):
        cls, pupil = rng.choice(pupils)
        thread = f"H-{1100 + n}"
        log.add(day, "henvendelse", cls, pupil, "foresatt", "transponder", thread)
        if n == 5:
            log.add(D(2025, 11, 11), "svar", cls, pupil, "kontaktlaerer", "transponder", thread)
        elif n != 24:
            log.add(working_day(day, rng, 0, 2), "svar", cls, pupil, "kontaktlaerer", "transponder", thread)


def main() -> None:
    rng = random.Random(2025)
    classes = make_classes([("1A", 1), ("3A", 3), ("5A", 5), ("7A", 7)], rng)
    write_roster(HERE / "roster.yaml", SCHOOL, "2025-2026", classes, rng)
    log = Log("FJ", SCHOOL)
    for part in (talks, meetings, messages, inquiries):
        part(log, rng, classes)
    log.write_csv(HERE / "log.csv")


if __name__ == "__main__":
    main()
