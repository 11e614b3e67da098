"""Properties of the log pipeline: order, file splits, monotonicity, and robustness to junk."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from tempfile import TemporaryDirectory

from hypothesis import HealthCheck, given, settings, strategies as st

from policycheck.checks.base import LogInputs
from policycheck.engine import evaluate
from policycheck.errors import InputError
from policycheck.loading.events import LogReading, read_logs
from policycheck.loading.packs import load_pack
from policycheck.loading.plans import load_plan
from policycheck.models.events import EVENT_COLUMNS
from policycheck.models.mapping import ColumnMapping
from logtools import CALENDAR, ROSTER, YEAR_END

PACK = load_pack("tests/data/logpack")
PLAN, VIEW = load_plan(Path("tests/data/logschool/plan.yaml"), PACK)
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
START = dt.date(2025, 3, 1)


def _row(id_, day, type_, pupil="", class_="", roles="", channel="", thread="", flags=""):
    return [id_, day.isoformat(), type_, "S", class_, pupil, roles, channel, thread, flags]


@st.composite
def logs(draw) -> list[list[str]]:
    """Rows of a plausible log: talks, meetings, inquiry/reply threads, invitations, messages."""
    rows, day = [], st.integers(0, 480).map(lambda n: START + dt.timedelta(days=n))
    for n in range(draw(st.integers(0, 25))):
        pupil, cls = draw(st.sampled_from([("P1", "1A"), ("P2", "1A"), ("P3", "8A")]))
        kind = draw(st.sampled_from(["talk", "meeting", "thread", "message", "info"]))
        when = draw(day)
        if kind == "talk":
            invited = when - dt.timedelta(days=draw(st.integers(0, 30)))
            rows.append(_row(f"i{n}", invited, "invitasjon", pupil, cls, "foresatt", "aula", f"L{n}"))
            roles = draw(st.sampled_from(["elev;foresatt", "foresatt"]))
            rows.append(_row(f"t{n}", when, "utviklingssamtale", pupil, cls, roles, "mote", f"L{n}"))
        elif kind == "meeting":
            rows.append(_row(f"m{n}", when, "foreldremote", "", cls, "foresatt", "mote"))
        elif kind == "info":
            rows.append(_row(f"n{n}", when, "informasjonsmote", "", cls, "foresatt", "mote"))
        elif kind == "thread":
            rows.append(_row(f"h{n}", when, "henvendelse", pupil, cls, "foresatt", "aula", f"H{n}"))
            if draw(st.booleans()):
                reply = when + dt.timedelta(days=draw(st.integers(0, 12)))
                rows.append(_row(f"s{n}", reply, "svar", pupil, cls, "kontaktlaerer", "aula", f"H{n}"))
        else:
            channel = draw(st.sampled_from(["aula", "transponder"]))
            flag = draw(st.sampled_from(["", "sensitive"]))
            rows.append(_row(f"x{n}", when, "melding", pupil, cls, "kontaktlaerer", channel, "", flag))
    return rows


def _write(folder: Path, name: str, rows: list[list[str]]) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(EVENT_COLUMNS)
    writer.writerows(rows)
    path = folder / name
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def _report(paths: list[Path], events=None):
    readings: list[LogReading] = []
    stream = read_logs(paths, ColumnMapping(), readings) if events is None else events
    log = LogInputs(CALENDAR, ROSTER, readings or [LogReading("x", "csv", columns=frozenset(EVENT_COLUMNS))])
    return evaluate(PACK, PLAN, VIEW, as_of=YEAR_END, events=stream, log=log)


def _outcomes(report) -> dict:
    return {f.rule_id: (f.status, f.message) for f in report.findings}


@FAST
@given(logs(), st.randoms(use_true_random=False))
def test_shuffling_events_never_changes_the_report(rows, rnd):
    with TemporaryDirectory() as folder:
        events = list(read_logs([_write(Path(folder), "log.csv", rows)], ColumnMapping(), []))
    shuffled = events[:]
    rnd.shuffle(shuffled)
    assert _report([], events).model_dump() == _report([], shuffled).model_dump()


@FAST
@given(logs(), st.integers(1, 4))
def test_splitting_a_log_into_files_gives_the_same_findings(rows, parts):
    with TemporaryDirectory() as folder:
        whole = _report([_write(Path(folder), "all.csv", rows)])
        chunks = [rows[i::parts] for i in range(parts)]
        split = _report([_write(Path(folder), f"part{i}.csv", chunk) for i, chunk in enumerate(chunks)])
    assert _outcomes(whole) == _outcomes(split)


@FAST
@given(logs(), st.sampled_from(["P1", "P2", "P3"]), st.integers(0, 300), st.sampled_from(["1A", "8A"]))
def test_adding_a_required_event_never_turns_a_pass_into_a_fail(rows, pupil, offset, cls):
    when = dt.date(2025, 8, 18) + dt.timedelta(days=offset)
    more = rows + [_row("new-talk", when, "utviklingssamtale", pupil, "", "elev;foresatt", "mote", ""),
                   _row("new-meeting", when, "foreldremote", "", cls, "foresatt", "mote")]
    with TemporaryDirectory() as folder:
        before = _outcomes(_report([_write(Path(folder), "a.csv", rows)]))
        after = _outcomes(_report([_write(Path(folder), "b.csv", more)]))
    for rule in ("log-utviklingssamtaler", "log-foreldremote-start"):
        assert not (before[rule][0].value == "pass" and after[rule][0].value == "fail")


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400), st.sampled_from([b"", b"date,type\n", b"id;date;type;class\n"]),
       st.sampled_from(["log.csv", "log.jsonl"]))
def test_random_bytes_raise_nothing_but_input_error(data, header, name):
    with TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(header + data)
        try:
            list(read_logs([path], ColumnMapping(), []))
        except InputError:
            pass


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab,;"\n\r0123.-')), max_size=200))
def test_broken_csv_text_raises_nothing_but_input_error(text):
    with TemporaryDirectory() as folder:
        path = Path(folder) / "log.csv"
        path.write_text("date,type\n" + text, encoding="utf-8")
        try:
            list(read_logs([path], ColumnMapping(), []))
        except InputError:
            pass
