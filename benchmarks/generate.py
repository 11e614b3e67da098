"""Seeded generator of a synthetic municipality: rosters and a school year of events per school.

Each school has `--pupils` pupils in classes of about 25 over grades 1-10, and about
`--events-per-pupil` events per pupil in 2025-2026, with realistic gaps: a pupil missing a
development talk, a class whose first parent meeting comes late, an inquiry answered late
or never, a talk invited to too late, a sensitive message sent through Transponder.
Schools are added until the municipality has `--events` events. Writes, per school,
the canonical CSV (sorted by date, as exports are) and the roster (CSV).

    python benchmarks/generate.py --events 1000000 --out benchmarks/out/1m
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import math
import random
from pathlib import Path

COLUMNS = ["id", "date", "type", "school", "class", "pupil", "roles", "channel", "thread", "flags"]
START, END = dt.date(2025, 8, 18), dt.date(2026, 6, 19)
SPAN = (END - START).days
CLASS_SIZE = 25


class School:
    def __init__(self, index: int, pupils: int, per_pupil: int, seed: int) -> None:
        self.name = f"Skole {index:03d}"
        self.rng = random.Random(seed * 100_003 + index)
        self.per_pupil = per_pupil
        self.classes = self._classes(pupils)
        self.rows: list[list[str]] = []
        self.serial = 0

    def _classes(self, pupils: int) -> list[tuple[str, int, list[str]]]:
        count = max(1, math.ceil(pupils / CLASS_SIZE))
        classes = []
        for n in range(count):
            grade, section = n % 10 + 1, "ABCDEFGH"[n // 10 % 8]
            size = min(CLASS_SIZE, pupils - n * CLASS_SIZE)
            classes.append((f"{grade}{section}", grade, [f"E{n:03d}{p:02d}" for p in range(size)]))
        return classes

    def day(self, low: int = 0, high: int = SPAN) -> dt.date:
        return START + dt.timedelta(days=self.rng.randint(low, high))

    def add(self, day: dt.date, type_: str, cls: str, pupil: str = "", roles: str = "", channel: str = "",
            thread: str = "", flags: str = "") -> None:
        self.serial += 1
        self.rows.append([f"{self.serial}", day.isoformat(), type_, self.name, cls, pupil, roles, channel, thread, flags])

    def generate(self) -> None:
        for cls, grade, pupils in self.classes:
            self._class_events(cls, grade)
            for pupil in pupils:
                self._pupil_events(cls, pupil)
        self.rows.sort(key=lambda row: row[1])

    def _class_events(self, cls: str, grade: int) -> None:
        late = self.rng.random() < 0.08
        self.add(self.day(40, 70) if late else self.day(3, 30), "foreldremote", cls, roles="foresatt|kontaktlaerer", channel="mote")
        for _ in range(self.rng.randint(1, 3)):
            self.add(self.day(60), "foreldremote", cls, roles="foresatt|kontaktlaerer", channel="mote")
        if grade in (1, 8):
            self.add(self.day(-120, -20), "informasjonsmote", cls, roles="foresatt|rektor", channel="mote")

    def _pupil_events(self, cls: str, pupil: str) -> None:
        rng = self.rng
        talks = 2 if rng.random() > 0.06 else rng.randint(0, 1)
        for n in range(talks):
            self._talk(cls, pupil, self.day(30, 120) if n == 0 else self.day(170, 280))
        for _ in range(rng.randint(2, 4)):
            self.add(self.day(), "elevsamtale", cls, pupil, "elev|kontaktlaerer", "mote")
        inquiries = rng.randint(4, 12)
        for _ in range(inquiries):
            self._inquiry(cls, pupil)
        for _ in range(max(0, self.per_pupil - 16 - 2 * inquiries)):
            self._message(cls, pupil)

    def _talk(self, cls: str, pupil: str, day: dt.date) -> None:
        thread = f"U{self.serial}"
        ahead = 5 if self.rng.random() < 0.04 else self.rng.randint(14, 28)
        self.add(day - dt.timedelta(days=ahead), "invitasjon", cls, pupil, "foresatt", "aula", thread)
        roles = "elev|foresatt|kontaktlaerer" if self.rng.random() > 0.03 else "foresatt|kontaktlaerer"
        self.add(day, "utviklingssamtale", cls, pupil, roles, "mote", thread)

    def _inquiry(self, cls: str, pupil: str) -> None:
        thread, day = f"H{self.serial}", self.day()
        self.add(day, "henvendelse", cls, pupil, "foresatt", self._channel(), thread)
        if self.rng.random() > 0.02:
            wait = self.rng.randint(0, 3) if self.rng.random() > 0.05 else self.rng.randint(6, 15)
            self.add(min(END, day + dt.timedelta(days=wait)), "svar", cls, pupil, "kontaktlaerer", self._channel(), thread)

    def _message(self, cls: str, pupil: str) -> None:
        flags = "sensitive" if self.rng.random() < 0.003 else ""
        self.add(self.day(), "melding", cls, pupil, "kontaktlaerer", self._channel(), "", flags)

    def _channel(self) -> str:
        roll = self.rng.random()
        return "aula" if roll < 0.85 else "transponder" if roll < 0.95 else "e-post"

    def write(self, folder: Path, index: int, quoting: int = csv.QUOTE_MINIMAL) -> int:
        with (folder / f"school-{index:03d}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, quoting=quoting)
            writer.writerow(COLUMNS)
            writer.writerows(self.rows)
        self._write_roster(folder / f"roster-{index:03d}.csv")
        return len(self.rows)

    def _write_roster(self, path: Path) -> None:
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["class", "grade", "pupil", "contact_teacher", "guardians"])
            for cls, grade, pupils in self.classes:
                writer.writerows([cls, grade, pupil, f"KL-{cls}", 1 + (self.rng.random() < 0.7)] for pupil in pupils)


def generate(events: int, pupils: int, per_pupil: int, seed: int, folder: Path,
             quoting: int = csv.QUOTE_MINIMAL) -> tuple[int, int]:
    """Write schools until `events` events are written; return (schools, events written)."""
    folder.mkdir(parents=True, exist_ok=True)
    written, index = 0, 0
    while written < events:
        school = School(index, pupils, per_pupil, seed)
        school.generate()
        written += school.write(folder, index, quoting)
        index += 1
    (folder / "plan.yaml").write_text("kind: skole-hjem-plan\npolicy: bench\nschool: {name: Benchmark, grades: {min: 1, max: 10}}\n"
                                      "school_year: 2025-2026\n", encoding="utf-8")
    return index, written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--pupils", type=int, default=300, help="Pupils per school")
    parser.add_argument("--events-per-pupil", type=int, default=100)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--quote-all", action="store_true",
                        help="Quote every field of the logs, as some school systems export them")
    args = parser.parse_args()
    quoting = csv.QUOTE_ALL if args.quote_all else csv.QUOTE_MINIMAL
    schools, written = generate(args.events, args.pupils, args.events_per_pupil, args.seed, args.out, quoting)
    print(f"{args.out}: {schools} schools, {written:,} events")


if __name__ == "__main__":
    main()
