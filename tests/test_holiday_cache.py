"""The on-disk public-holiday cache: hits skip the `holidays` package, anything odd is recomputed."""

import datetime as dt
import json
import os
import subprocess
import sys
from importlib import metadata

import holidays
import pytest

from policycheck import calendar, holiday_cache

VERSION = metadata.version("holidays")
EXPECTED = frozenset(holidays.country_holidays("NO", years=[2025, 2026]))


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """A fresh cache dir; returns the NO 2025-2026 file's path."""
    monkeypatch.setenv("POLICYCHECK_CACHE_DIR", str(tmp_path))
    return tmp_path / "holidays" / VERSION / "NO-2025-2026.json"


def no_library(monkeypatch):
    """Make a cache miss fail loudly: proves an answer came from the file."""
    def refuse(*args):
        raise AssertionError("the holidays library was asked")
    monkeypatch.setattr(holiday_cache, "compute", refuse)


def test_cold_miss_writes_the_file_with_the_librarys_answer(cache):
    assert holiday_cache.public_holidays("NO", 2025, 2026) == EXPECTED
    data = json.loads(cache.read_text())
    assert data == {"format": holiday_cache.FORMAT, "holidays_version": VERSION, "country": "NO",
                    "first_year": 2025, "last_year": 2026, "dates": sorted(d.isoformat() for d in EXPECTED)}
    assert [path.name for path in cache.parent.iterdir()] == [cache.name]  # no temporary file left


def test_warm_hit_does_not_ask_the_library(cache, monkeypatch):
    holiday_cache.public_holidays("NO", 2025, 2026)
    no_library(monkeypatch)
    assert holiday_cache.public_holidays("NO", 2025, 2026) == EXPECTED
    calendar.public_holidays.cache_clear()  # the calendar's lru_cache sits on top of the file
    assert calendar.public_holidays("NO", 2025, 2026) == EXPECTED


def valid_file() -> dict:
    return {"format": holiday_cache.FORMAT, "holidays_version": VERSION, "country": "NO",
            "first_year": 2025, "last_year": 2026, "dates": sorted(d.isoformat() for d in EXPECTED)}


def edited(**changes) -> bytes:
    return json.dumps({**valid_file(), **changes}).encode()


BAD_FILES = {
    "empty": b"",
    "truncated": json.dumps(valid_file()).encode()[:150],
    "not json": b"def f(): pass",
    "not utf-8": b"\xff\xfe\xfa\x00garbage",
    "deeply nested": b"[" * 100_000,
    "too big": json.dumps(valid_file()).encode() + b" " * holiday_cache.MAX_BYTES,
    "a list": json.dumps(valid_file()["dates"]).encode(),
    "missing dates": json.dumps({k: v for k, v in valid_file().items() if k != "dates"}).encode(),
    "extra key": edited(note="hi"),
    "other holidays version": edited(holidays_version="0.1"),
    "other format": edited(format=holiday_cache.FORMAT + 1),
    "other country": edited(country="DK"),
    "other years": edited(first_year=2024),
    "years as text": edited(first_year="2025"),
    "format as bool": edited(format=True),
    "dates not a list": edited(dates="2025-01-01"),
    "dates as numbers": edited(dates=[20250101]),
    "impossible date": edited(dates=["2025-02-30"]),
    "not YYYY-MM-DD": edited(dates=["20250101"]),
    "date outside the years": edited(dates=["2024-12-25", "2025-01-01"]),
    "unsorted": edited(dates=["2025-12-25", "2025-01-01"]),
    "duplicated": edited(dates=["2025-01-01", "2025-01-01"]),
}


@pytest.mark.parametrize("content", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_a_bad_file_is_recomputed_and_overwritten(cache, monkeypatch, content):
    cache.parent.mkdir(parents=True)
    cache.write_bytes(content)
    assert holiday_cache.public_holidays("NO", 2025, 2026) == EXPECTED
    assert cache.read_bytes() == json.dumps(valid_file()).encode()
    no_library(monkeypatch)
    assert holiday_cache.public_holidays("NO", 2025, 2026) == EXPECTED


def test_another_holidays_version_uses_its_own_folder(cache, monkeypatch):
    holiday_cache.public_holidays("NO", 2025, 2026)
    monkeypatch.setattr(holiday_cache, "_holidays_version", lambda: "99.0")
    asked = []
    monkeypatch.setattr(holiday_cache, "compute", lambda *args: asked.append(args) or EXPECTED)
    holiday_cache.public_holidays("NO", 2025, 2026)
    assert asked == [("NO", 2025, 2026)]
    assert (cache.parent.parent / "99.0" / cache.name).exists() and cache.exists()


def test_an_unwritable_cache_still_gives_the_answer(tmp_path, monkeypatch):
    in_the_way = tmp_path / "a file"
    in_the_way.write_text("")
    monkeypatch.setenv("POLICYCHECK_CACHE_DIR", str(in_the_way))
    assert holiday_cache.public_holidays("NO", 2025, 2026) == EXPECTED


def test_a_failed_write_leaves_no_temporary_file(cache, monkeypatch):
    def disk_full(*args):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "replace", disk_full)
    assert holiday_cache.public_holidays("NO", 2025, 2026) == EXPECTED
    assert list(cache.parent.iterdir()) == []


@pytest.mark.parametrize("switch", ["off", "OFF", "0"])
def test_the_switch_disables_the_cache(tmp_path, monkeypatch, switch):
    monkeypatch.setenv("POLICYCHECK_CACHE_DIR", switch)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    assert holiday_cache.public_holidays("NO", 2025, 2026) == EXPECTED
    assert list(tmp_path.iterdir()) == []


def test_where_the_cache_lives(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("POLICYCHECK_CACHE_DIR", str(tmp_path / "own"))
    assert holiday_cache.cache_dir() == tmp_path / "own"
    monkeypatch.setenv("POLICYCHECK_CACHE_DIR", "")  # empty counts as unset
    assert holiday_cache.cache_dir() == tmp_path / "xdg" / "policycheck"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative")  # ignored, as the XDG spec says
    assert holiday_cache.cache_dir() == tmp_path / "home" / ".cache" / "policycheck"


def in_fresh_python(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()


def test_importing_policycheck_does_not_import_holidays():
    assert in_fresh_python("import sys, policycheck.calendar, policycheck.cli; "
                           "print('holidays' in sys.modules)") == "False"


def test_a_warm_run_never_imports_holidays(cache):
    ask = ("import sys; from policycheck.calendar import public_holidays as p; "
           "print(len(p('NO', 2025, 2026)), 'holidays' in sys.modules)")
    assert in_fresh_python(ask) == f"{len(EXPECTED)} True"
    assert in_fresh_python(ask) == f"{len(EXPECTED)} False"
