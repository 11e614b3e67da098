"""Public holidays from the `holidays` package, cached on disk so most runs never import it.

Importing `holidays` and its ~200 country modules costs ~0.3 s per process, most of a short
`policycheck check`. The answer only changes with the package's version, so it is kept as JSON in
`<cache dir>/holidays/<holidays version>/<country>-<first year>-<last year>.json`.

The cache is data, never code. A file that cannot be read, does not parse, or does not hold exactly
what we would have written (same metadata; sorted ISO dates inside the years) is ignored and
recomputed. Writes are atomic (temporary file in the same folder, then `os.replace`), so parallel
processes never read half a file. Any OSError while writing is ignored: the cache is an optimisation,
and a read-only or full disk must not change the answer. docs/decisions.md has the settings.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import tempfile
from functools import lru_cache
from importlib import metadata
from pathlib import Path

ENV_VARIABLE = "POLICYCHECK_CACHE_DIR"
DISABLED = ("off", "0")
FORMAT = 1  # bump when the file's layout changes
MAX_BYTES = 1 << 20  # a two-year file is ~0.5 KiB; anything near this is not ours
SAFE_VERSION = re.compile(r"[A-Za-z0-9][A-Za-z0-9.+!_-]*")  # it becomes a folder name


def public_holidays(country: str, first_year: int, last_year: int) -> frozenset[dt.date]:
    """The country's public holidays in the years: from the cache file when valid, else computed and stored."""
    folder, version = cache_dir(), _holidays_version()
    if folder is None or version is None:
        return compute(country, first_year, last_year)
    key = {"format": FORMAT, "holidays_version": version, "country": country,
           "first_year": first_year, "last_year": last_year}
    path = folder / "holidays" / version / f"{country}-{first_year}-{last_year}.json"
    days = _read(path, key)
    if days is None:
        days = compute(country, first_year, last_year)
        _write(path, {**key, "dates": sorted(day.isoformat() for day in days)})
    return days


def compute(country: str, first_year: int, last_year: int) -> frozenset[dt.date]:
    """Ask the `holidays` package, imported only here (a cache miss)."""
    import holidays

    return frozenset(holidays.country_holidays(country, years=range(first_year, last_year + 1)))


def cache_dir() -> Path | None:
    """$POLICYCHECK_CACHE_DIR, else $XDG_CACHE_HOME/policycheck, else ~/.cache/policycheck.

    None (no cache) when POLICYCHECK_CACHE_DIR is `off` or `0`, or when there is no home folder.
    An empty variable counts as unset, and a relative XDG_CACHE_HOME is ignored, as the XDG spec says.
    """
    own = os.environ.get(ENV_VARIABLE, "")
    if own.lower() in DISABLED:
        return None
    if own:
        return Path(own)
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):
        return Path(xdg) / "policycheck"
    try:
        return Path.home() / ".cache" / "policycheck"
    except RuntimeError:  # no HOME and no password-database entry
        return None


@lru_cache(maxsize=1)
def _holidays_version() -> str | None:
    """The installed `holidays` version, read from its metadata without importing it (None: no cache)."""
    try:
        version = metadata.version("holidays")
    except metadata.PackageNotFoundError:
        return None
    return version if SAFE_VERSION.fullmatch(version) else None


def _read(path: Path, key: dict) -> frozenset[dt.date] | None:
    """The dates stored at `path` if the file is exactly what `_write` would write for `key`, else None."""
    try:
        with open(path, "rb") as stream:
            raw = stream.read(MAX_BYTES + 1)
        data = json.loads(raw)
    except (OSError, ValueError, RecursionError):  # ValueError covers bad JSON and bad encodings
        return None
    if len(raw) > MAX_BYTES or not isinstance(data, dict) or data.keys() != key.keys() | {"dates"}:
        return None
    if any(type(data[name]) is not type(value) or data[name] != value for name, value in key.items()):
        return None
    return _dates(data["dates"], key["first_year"], key["last_year"])


def _dates(texts: object, first_year: int, last_year: int) -> frozenset[dt.date] | None:
    """Strictly increasing ISO dates (YYYY-MM-DD) within the years, else None."""
    if not isinstance(texts, list) or not all(isinstance(text, str) for text in texts):
        return None
    try:
        days = [dt.date.fromisoformat(text) for text in texts]
    except ValueError:
        return None
    canonical = all(day.isoformat() == text for day, text in zip(days, texts))  # not 20250101 etc.
    increasing = all(earlier < later for earlier, later in zip(days, days[1:]))
    inside = all(first_year <= day.year <= last_year for day in days)
    return frozenset(days) if canonical and increasing and inside else None


def _write(path: Path, data: dict) -> None:
    """Write the file atomically; on any OSError (read-only, full disk, a file in the way) write nothing."""
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(data, stream)
        os.replace(temporary, path)
    except OSError:
        if temporary is not None:
            try:
                os.remove(temporary)
            except OSError:
                pass
