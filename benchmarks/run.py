"""Time the activity-log checker against the floor of only parsing the same CSV files.

(a) floor: `csv.reader` over every school's CSV; (b) checker: the four log rules of
benchmarks/pack, school by school as an audit runs (roster loaded, one pass per school).
Each measurement runs in a fresh process (so peak RSS is its own); floor and checker runs
alternate, and each figure is the median of `--runs` (5: the machines are shared and noisy);
the paired ratio is each round's checker time over the floor measured just before it, so
that a slow spell of the shared machine hits both sides of the ratio. Both kinds of process
start as `policycheck` and each audit worker do (`runtime.settle_process`, the garbage
collector's settings). Peak memory is reported as the process's peak RSS and, from a separate
traced run, the Python heap peak (tracemalloc). No timings are asserted anywhere: this only reports.

    python benchmarks/run.py              # 100k and 1M events
    python benchmarks/run.py --with-10m   # and 10M (slow: generates ~1 GB of CSV)
    python benchmarks/run.py --tiers 1m-quoted   # 1M with every field quoted
    POLICYCHECK_CACHE_DIR=off python benchmarks/run.py   # holidays computed in every run (a first run)
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

HERE = Path(__file__).resolve().parent
SIZES = {"100k": 100_000, "1m": 1_000_000, "10m": 10_000_000, "1m-quoted": 1_000_000}
QUOTED = {"1m-quoted"}  # every field quoted, as some school systems export: the csv.reader path


def floor(folder: Path) -> int:
    rows = 0
    for path in sorted(folder.glob("school-*.csv")):
        with path.open(newline="", encoding="utf-8") as handle:
            for _ in csv.reader(handle):
                rows += 1
    return rows


def checker(folder: Path) -> int:
    pack = load_pack(str(HERE / "pack"))
    plan, view = load_plan(folder / "plan.yaml", pack)
    rows = 0
    for path in sorted(folder.glob("school-*.csv")):
        roster = folder / path.name.replace("school-", "roster-")
        options = logrun.LogOptions(logs=(path,), roster=roster)
        prepared = logrun.prepare(options, "NO", "2025-2026", dt.date(2026, 6, 30))
        evaluate(pack, plan, view, as_of=dt.date(2026, 6, 30), events=prepared.events, log=prepared.inputs)
        rows += logrun.finish(prepared, options).rows_read
    return rows


def one(kind: str, folder: Path, traced: bool) -> dict:
    """Run one measurement in this process and describe it (imports happen before the clock starts)."""
    if kind == "checker":
        global logrun, evaluate, load_pack, load_plan
        from policycheck import logrun
        from policycheck.engine import evaluate
        from policycheck.loading.packs import load_pack
        from policycheck.loading.plans import load_plan
    from policycheck.runtime import settle_process
    settle_process()  # as `policycheck` and each audit worker start: the floor's process gets the same
    if traced:
        tracemalloc.start()
    began = time.perf_counter()
    rows = {"floor": floor, "checker": checker}[kind](folder)
    seconds = time.perf_counter() - began
    heap = tracemalloc.get_traced_memory()[1] if traced else None
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {"seconds": seconds, "rows": rows, "rss_mb": rss, "heap_mb": heap / 2**20 if heap else None}


def environment() -> dict:
    """The checker's environment: this checkout's code, and a holiday cache of the benchmark's own (or `off`)."""
    return {**os.environ, "PYTHONPATH": str(HERE.parent / "src"),
            "POLICYCHECK_CACHE_DIR": os.environ.get("POLICYCHECK_CACHE_DIR") or str(HERE / "out" / "cache")}


def warm_holiday_cache() -> None:
    """Fill the holiday cache once, so every measured run is a warm run, as a user's second run is."""
    code = "from policycheck.calendar import public_holidays; public_holidays('NO', 2025, 2026)"
    subprocess.run([sys.executable, "-c", code], env=environment(), check=True)


def measure(kind: str, folder: Path, traced: bool = False) -> dict:
    args = [sys.executable, __file__, "--one", kind, "--folder", str(folder)] + (["--traced"] if traced else [])
    return json.loads(subprocess.run(args, env=environment(), check=True, capture_output=True, text=True).stdout)


def tier(name: str, out: Path, runs: int) -> dict:
    folder = out / name
    if not (folder / "plan.yaml").exists():
        quoting = ["--quote-all"] if name in QUOTED else []
        subprocess.run([sys.executable, str(HERE / "generate.py"), "--events", str(SIZES[name]), "--out", str(folder), *quoting],
                       check=True)
    result = {"tier": name}
    measured = [{kind: measure(kind, folder) for kind in ("floor", "checker")} for _ in range(runs)]
    # Each round's checker over its own floor: a spell when the shared machine is slow hits both.
    result["paired"] = sorted(round_["checker"]["seconds"] / round_["floor"]["seconds"] for round_ in measured)
    for kind in ("floor", "checker"):
        samples = [round_[kind] for round_ in measured]
        result[kind] = {"seconds": statistics.median(r["seconds"] for r in samples), "rows": samples[0]["rows"],
                        "rss_mb": max(r["rss_mb"] for r in samples)}
    result["checker"]["heap_mb"] = measure("checker", folder, traced=True)["heap_mb"]
    return result


def report(results: list[dict]) -> str:
    lines = ["| events | floor s | checker s | ratio | paired ratio, median (range) | checker events/s "
             "| floor RSS MB | checker RSS MB | checker heap MB |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for r in results:
        f, c, paired = r["floor"], r["checker"], r["paired"]
        lines.append(f"| {c['rows']:,} ({r['tier']}) | {f['seconds']:.2f} | {c['seconds']:.2f} | {c['seconds'] / f['seconds']:.2f}x "
                     f"| {statistics.median(paired):.2f}x ({paired[0]:.2f}x-{paired[-1]:.2f}x) "
                     f"| {c['rows'] / c['seconds']:,.0f} | {f['rss_mb']:.0f} | {c['rss_mb']:.0f} | {c['heap_mb']:.1f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=HERE / "out")
    parser.add_argument("--with-10m", action="store_true")
    parser.add_argument("--tiers", nargs="*", default=None, choices=sorted(SIZES))
    parser.add_argument("--runs", type=int, default=5, help="fresh-process runs per figure (the median is shown)")
    parser.add_argument("--one", choices=["floor", "checker"], help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--traced", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.folder, args.traced)))
        return
    names = args.tiers or ["100k", "1m"] + (["10m"] if args.with_10m else [])
    warm_holiday_cache()
    print(report([tier(name, args.out, args.runs) for name in names]))


if __name__ == "__main__":
    main()
