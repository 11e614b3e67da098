"""The pair-matching log checks (inquiry -> reply, invitation -> talk) judge each thread, not the order it was read in.

`reply_within` and `lead_time` keep state per thread and match pairs once the stream has
ended. These properties protect that: any order of the events, cut into any batches, gives
the outcome (status, message and evidence) of an oracle written independently of the
implementation, per inquiry or per talk. Threads here are dense: several inquiries and
replies per thread, same-day ties, weekends, the autumn break, a day outside the calendar.
"""

import datetime as dt
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from logtools import CALENDAR, YEAR_END, start_check
from policycheck.checks.lead_time import LeadTimeCheck
from policycheck.checks.logbase import SHOWN, order
from policycheck.checks.reply_within import FOLD_AT, ReplyWithinCheck
from policycheck.engine import _batches
from policycheck.loading.events import BATCH
from policycheck.models.common import Status
from policycheck.models.events import Event

THREADS = ["T1", "T2", "T3", ""]
DAYS = [dt.date(2025, 9, 26) + dt.timedelta(days=n) for n in range(0, 20, 2)] + [dt.date(2024, 1, 5)]
AS_OF = [YEAR_END, dt.date(2025, 10, 9)]


def run_in(check, events, cuts, as_of):
    """The events, in the order given, handed over in batches cut at `cuts`."""
    evaluation = start_check(check, as_of=as_of)
    edges = sorted({0, len(events), *(cut for cut in cuts if cut < len(events))})
    for low, high in zip(edges, edges[1:]):
        evaluation.observe_batch(events[low:high])
    result = evaluation.finish()
    return result.status, result.message.render("en"), [(e.line, e.note) for e in result.evidence]


def event(line, type_, thread, day):
    return Event(f"e{line}", day, day, type_, "S", "1A", "P1", frozenset(), "aula", thread, frozenset(), "log.csv", line)


def log_of(types):
    rows = st.lists(st.tuples(st.sampled_from(types), st.sampled_from(THREADS), st.sampled_from(DAYS)), max_size=24)
    return rows.map(lambda rows: [event(line, *row) for line, row in enumerate(rows, start=2)])


def expected_replies(events, limit, as_of):
    """Oracle: each inquiry's answer is the first reply on its thread dated on or after it; inquiries with the
    same answer (or none yet) are one inquiry, dated first."""
    inquiries = [e for e in events if e.type == "henvendelse"]
    unlinked = sum(not e.thread for e in inquiries)
    answered: dict[tuple, list[Event]] = {}
    for inquiry in (e for e in inquiries if e.thread):
        replies = [e for e in events if e.type == "svar" and e.thread == inquiry.thread and e.day >= inquiry.day]
        answer = min(replies, key=order, default=None)
        answered.setdefault((inquiry.thread, answer), []).append(inquiry)
    late, overdue, waiting = [], [], 0
    for (_, answer), asked in answered.items():
        first = min(asked, key=order)
        if answer is not None:
            waited = CALENDAR.working_days_between(first.day, answer.day)
            if waited > limit:
                late.append((first, f"replied {answer.day.isoformat()} ({answer.id}) after {counted(waited)}"))
        elif CALENDAR.working_days_between(first.day, as_of) > limit:
            overdue.append((first, "still open"))
        else:
            waiting += 1
    asked = len(answered) + unlinked
    gaps = sorted(late + overdue, key=lambda item: order(item[0]))
    if gaps:
        shown = ", first 5 shown" if len(gaps) > SHOWN else ""
        clauses = [f"{len(late)} {'was' if len(late) == 1 else 'were'} answered later than {counted(limit)}"] * bool(late)
        clauses += [f"{len(overdue)} {'is' if len(overdue) == 1 else 'are'} still open"] * bool(overdue)
        message = (f"of {asked:,} {'inquiry' if asked == 1 else 'inquiries'}, {' and '.join(clauses)}"
                   f"{' past the deadline' if overdue else ''}{shown}")
        return Status.fail, message, [(e.line, note) for e, note in gaps[:SHOWN]]
    if unlinked:
        return (Status.insufficient_data,
                f"{unlinked} of {asked} inquiries {'has' if unlinked == 1 else 'have'} no thread id, so "
                f"{'its reply' if unlinked == 1 else 'their replies'} cannot be found", [])
    answered_all = f"{asked} inquiry was" if asked == 1 else f"all {asked:,} inquiries were"
    return Status.passed, f"{answered_all} answered within {counted(limit)} ({waiting} still within the deadline)", []


def counted(count: int, unit: str = "working day") -> str:
    """'1 working day', '3 working days': the English plural the report writes."""
    return f"{count:,} {unit}{'' if count == 1 else 's'}"


@settings(max_examples=300, deadline=None)
@given(events=log_of(["henvendelse", "svar"]), cuts=st.lists(st.integers(0, 24), max_size=6),
       limit=st.sampled_from([0, 2, 5]), as_of=st.sampled_from(AS_OF), seed=st.integers(0, 2**16))
def test_reply_within_matches_each_thread_whatever_the_order_and_batches(events, cuts, limit, as_of, seed):
    shuffled = events[:]
    random.Random(seed).shuffle(shuffled)
    result = run_in(ReplyWithinCheck(days=limit), shuffled, cuts, as_of)
    status, message, evidence = expected_replies(events, limit, as_of)
    assert result == (status, message, evidence)


def test_reply_within_a_reply_between_two_inquiries_splits_them_in_every_order():
    """Asked on 6 Oct, answered 8 Oct, asked again 10 Oct and never answered: the second inquiry is open.

    Read newest first (as some exports list messages) or any other way, the report is the same."""
    day = dt.date(2025, 10, 6)
    first, reply, again = (event(2, "henvendelse", "T1", day), event(3, "svar", "T1", day + dt.timedelta(days=2)),
                           event(4, "henvendelse", "T1", day + dt.timedelta(days=4)))
    orders = [[first, reply, again], [again, reply, first], [again, first, reply], [reply, again, first],
              [first, again, reply], [reply, first, again]]
    results = [run_in(ReplyWithinCheck(days=2), order_, [], YEAR_END) for order_ in orders]
    assert all(result == results[0] for result in results)
    status, message, evidence = results[0]
    assert status is Status.fail and evidence == [(4, "still open")]
    assert message.startswith("of 2 inquiries, 1 is still open past the deadline")


def test_reply_within_asked_again_before_the_reply_is_one_inquiry_dated_first():
    day = dt.date(2025, 11, 3)
    events = [event(2, "henvendelse", "T1", day), event(3, "henvendelse", "T1", day + dt.timedelta(days=1)),
              event(4, "svar", "T1", day + dt.timedelta(days=9))]
    status, message, evidence = run_in(ReplyWithinCheck(days=3), events[::-1], [], YEAR_END)
    assert status is Status.fail and message.startswith("of 1 inquiry, 1 was answered later than 3 working days")
    assert evidence == [(2, "replied 2025-11-12 (e4) after 7 working days")]


def test_reply_within_state_is_folded_to_a_day_per_kind_per_thread():
    """A thread repeated over and over is kept as one inquiry and one reply per day (4 here), plus at most
    `FOLD_AT` events read since the last fold: memory follows the threads and days, not the events."""
    day = dt.date(2025, 11, 3)
    events = [event(line, "henvendelse" if line % 2 else "svar", "T1" if line % 3 else "", day + dt.timedelta(line % 4))
              for line in range(2, FOLD_AT * 3)]
    evaluation = start_check(ReplyWithinCheck(days=3))
    for batch in _batches(events):
        evaluation.observe_batch(batch)
    def kept():
        return len(evaluation.alone) + 2 * len(evaluation.answered) + 2 * len(evaluation.paired) + len(evaluation.more)
    assert kept() <= 2 * 4 + FOLD_AT + BATCH
    evaluation._fold()
    assert kept() == 4
    result = evaluation.finish()
    assert (result.status, result.message.render("en")) == expected_replies(events, 3, YEAR_END)[:2]


def expected_lead_time(events, days):
    """Oracle: a talk is invited in time when its thread's earliest invitation is at least `days` days before it."""
    talks = [e for e in events if e.type == "utviklingssamtale"]
    unlinked = sum(not e.thread for e in talks)
    short = []
    for talk in (t for t in talks if t.thread):
        invitations = [e for e in events if e.type == "invitasjon" and e.thread == talk.thread]
        first = min(invitations, key=order, default=None)
        if first is None:
            short.append((talk, "no invitation on its thread"))
        elif (talk.day - first.day).days < days:
            short.append((talk, f"invited {first.day.isoformat()}, {counted((talk.day - first.day).days, 'day')} ahead"))
    short.sort(key=lambda item: order(item[0]))
    return len(talks), unlinked, [(e.line, note) for e, note in short[:SHOWN]], len(short)


@settings(max_examples=300, deadline=None)
@given(events=log_of(["invitasjon", "utviklingssamtale"]), cuts=st.lists(st.integers(0, 24), max_size=6),
       days=st.sampled_from([0, 3, 14]), seed=st.integers(0, 2**16))
def test_lead_time_judges_each_talk_by_its_threads_first_invitation_whatever_the_order(events, cuts, days, seed):
    shuffled = events[:]
    random.Random(seed).shuffle(shuffled)
    status, message, evidence = run_in(LeadTimeCheck(meeting=["utviklingssamtale"], days=days), shuffled, cuts, YEAR_END)
    held, unlinked, expected_evidence, short = expected_lead_time(events, days)
    assert evidence == expected_evidence
    if not held:
        assert status is Status.insufficient_data
    elif short:
        assert status is Status.fail and message.startswith(f"{short} of {held} talks")
    else:
        assert status is (Status.insufficient_data if unlinked else Status.passed)


def test_any_iterable_of_events_is_cut_into_batches():
    assert [len(batch) for batch in _batches(iter(range(BATCH * 2 + 1)))] == [BATCH, BATCH, 1]
    assert list(_batches([])) == []
