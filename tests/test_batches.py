"""The engine hands events to the checks in batches; the outcome is the one of taking them one by one.

`reply_within` settles whole batches in C-level calls when that is the same as taking the
events in order (`ReplyEvaluation.observe_batch`); these tests protect that equivalence on
logs where threads are asked, answered and asked again within one batch, replies come early
or late, and days fall outside the calendar.
"""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from logtools import CALENDAR, ROSTER, YEAR_END
from policycheck.checks.base import CheckContext, LogInputs, PlanView
from policycheck.checks.reply_within import ReplyWithinCheck
from policycheck.engine import _batches
from policycheck.loading.events import BATCH, LogReading
from policycheck.models.events import EVENT_COLUMNS, Event

THREADS = ["T1", "T2", "T3", "T4", ""]
DAYS = [dt.date(2025, 9, 1) + dt.timedelta(days=n) for n in range(0, 40, 3)] + [dt.date(2024, 1, 5)]


def start(check):
    inputs = LogInputs(CALENDAR, ROSTER, [LogReading("log.csv", "csv", columns=frozenset(EVENT_COLUMNS))])
    return check.start(CheckContext("r-1", PlanView({}, "plan.yaml", {}), {}, YEAR_END, log=inputs))


def outcome(evaluation):
    result = evaluation.finish()
    return result.status, result.message, [(e.line, e.note) for e in result.evidence]


events = st.lists(st.tuples(st.sampled_from(["henvendelse", "svar"]), st.sampled_from(THREADS),
                            st.sampled_from(DAYS)), max_size=30)


@settings(max_examples=300, deadline=None)
@given(rows=events, cuts=st.lists(st.integers(0, 30), max_size=6), days=st.sampled_from([0, 2, 5]))
def test_reply_within_in_batches_equals_one_event_at_a_time(rows, cuts, days):
    log = [Event(f"e{line}", day, day, type_, "S", "1A", "P1", frozenset(), "aula", thread, frozenset(), "log.csv", line)
           for line, (type_, thread, day) in enumerate(rows, start=2)]
    check = ReplyWithinCheck(days=days)
    one_by_one = start(check)
    for event in log:
        one_by_one.observe(event)
    batched = start(check)
    edges = sorted({0, len(log), *(cut for cut in cuts if cut < len(log))})
    for low, high in zip(edges, edges[1:]):
        batched.observe_batch(log[low:high])
    assert outcome(batched) == outcome(one_by_one)


def test_the_fast_path_is_taken_for_new_threads_answered_in_time():
    """Guards the speed: a plain batch of new threads and their on-time replies never takes events one by one."""
    evaluation = start(ReplyWithinCheck(days=3))
    evaluation.observe = evaluation._ask = evaluation._settle = None  # what the one-by-one paths call
    day = dt.date(2025, 9, 2)
    log = [Event(f"e{n}", day, day, kind, "S", "1A", "P1", frozenset(), "aula", f"T{n // 2}", frozenset(), "f", n)
           for n, kind in enumerate(["henvendelse", "svar"] * 4)]
    evaluation.observe_batch(log)
    assert outcome(evaluation)[0].value == "pass" and not evaluation.open


def test_any_iterable_of_events_is_cut_into_batches():
    assert [len(batch) for batch in _batches(iter(range(BATCH * 2 + 1)))] == [BATCH, BATCH, 1]
    assert list(_batches([])) == []
