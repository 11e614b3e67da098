"""Generate a fictional municipality of schools for `policycheck audit` (seeded, reproducible).

    python3 examples/municipality/generate.py OUT_DIR [--schools 35] [--seed 7]
    policycheck audit OUT_DIR --policy tests/data/minipack --as-of 2025-09-01 --format html -o audit.html

Each school folder gets a plan.yaml: a variant of tests/data/plan-gaps.yaml with some gaps
closed and others open. One school keeps its plan under another name (named in school.yaml),
and one has a broken plan, so the audit shows how both are handled.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import yaml

FIRST = ["Fjell", "Sjø", "Elve", "Lille", "Nord", "Sør", "Øst", "Vest", "Ås", "Bakke", "Strand", "Skog", "Myr"]
LAST = ["vegen", "byen", "haugen", "dalen", "lia", "tun", "moen"]
GRADES = [(1, 7), (1, 10), (8, 10), (1, 4), (5, 10)]


def school_name(index: int) -> str:
    return f"{FIRST[index % len(FIRST)]}{LAST[index // len(FIRST) % len(LAST)]} skole"


def plan(rng: random.Random, index: int) -> dict:
    low, high = rng.choice(GRADES)
    document = {"kind": "skole-hjem-plan", "policy": "minipack",
                "school": {"name": school_name(index), "id": f"S{index + 1:03d}", "grades": {"min": low, "max": high}},
                "school_year": "2025-2026",
                "kontaktlaerer": {"kanaler": rng.choice(["TODO", ["e-post", "transponder"], ["e-post"]])},
                "samtaler": {"per_ar": rng.choice([1, 2, 2, 3])},
                "organ": {"representert": rng.choice([["foreldre", "ansatte"], ["elever", "foreldre", "ansatte"]])},
                "kanal": rng.choice(["e-post", "transponder", "transponder"])}
    if rng.random() < 0.5:
        document["pc"] = {"kontrakt": "Signeres ved skolestart", "kostnad": rng.choice([0, 0, 200])}
    document["attestations"] = [{"rule": "mini-lytter", "statement": "Vi lytter.",
                                 "attested_by": {"name": "Kari Rektor", "role": "rektor"},
                                 "date": rng.choice(["2024-01-10", "2025-08-20"])}]
    return document


def write_school(out: Path, rng: random.Random, index: int) -> None:
    folder = out / f"skole-{index + 1:02d}"
    folder.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(plan(rng, index), allow_unicode=True, sort_keys=False)
    if index == 1:  # a school that names its plan in a manifest
        (folder / "school.yaml").write_text("plan: skole-hjem-plan-2025.yaml\n", encoding="utf-8")
        (folder / "skole-hjem-plan-2025.yaml").write_text(text, encoding="utf-8")
    elif index == 2:  # a broken plan: the audit reports it and goes on
        (folder / "plan.yaml").write_text(text.replace("school_year: 2025-2026", "school_year: [2025"), encoding="utf-8")
    else:
        (folder / "plan.yaml").write_text(text, encoding="utf-8")


def generate(out: Path, schools: int = 35, seed: int = 7) -> None:
    rng = random.Random(seed)
    for index in range(schools):
        write_school(out, rng, index)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--schools", type=int, default=35)
    parser.add_argument("--seed", type=int, default=7)
    arguments = parser.parse_args()
    generate(arguments.out, arguments.schools, arguments.seed)


if __name__ == "__main__":
    main()
