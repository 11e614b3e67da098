"""`reply_within`: every inquiry (henvendelse) gets a reply (svar) on its thread within N working days.

Each inquiry is answered by the first reply on its thread dated on or after it (a reply the
same day counts); inquiries answered by the same reply are one inquiry, dated first (a
parent asking again before the school answered). That depends on each thread's events, not
on the order a log lists them in (newest first, by pupil, or split over files): threads are
matched once the stream has ended. Exactness needs each thread remembered to the end (a
date-sorted log whose last line is an inquiry dated before its thread's reply can only be
judged by remembering that reply), so state is per thread, a conversation: a thread's own
history is folded to one inquiry and one reply per day when histories grow, and an inquiry
answered in time is kept as one small tuple. Inquiries still unanswered at the end fail once
their deadline has passed by the run's date; inquiries without a thread id cannot show a
reply and make the rule `insufficient_data` unless it already fails.
"""

from __future__ import annotations

import operator
from itertools import chain, compress, repeat
from typing import Any, ClassVar, Iterable, Iterator, Literal, Mapping

from pydantic import model_validator

from policycheck.checks.base import CheckContext, Outcome, amount
from policycheck.checks.logbase import (LogCheck, LogEvaluation, Sample, event_evidence, group_label, order,
                                        shown_note, types_field)
from policycheck.messages import AnyTerms, Message
from policycheck.models.common import Status
from policycheck.models.events import Event

FOLD_AT = 4096  # events kept beyond twice the threads' folded size before histories are folded again
UNRANKED = 1 << 40  # a day outside the calendar's span: makes a wait huge, so the exact count decides
EVENT_TYPE, DAY, THREAD = operator.attrgetter("type"), operator.attrgetter("day"), operator.attrgetter("thread")
# What an inquiry answered in time still needs (it is never evidence again: a reply read later only shortens its
# wait, an earlier inquiry would come first), and what its reply needs for a note: kept as one tuple of atomic
# values, which the garbage collector stops tracking and which holds no string of the block it came from but the id.
ASKED_FIELDS = operator.attrgetter("day", "type", "file", "line")
REPLY_FIELDS = operator.attrgetter("day", "type", "id", "file", "line")
NONE: frozenset[str] = frozenset()


class ReplyWithinCheck(LogCheck):
    """Passes when no inquiry waits longer than `days` working days for its reply."""

    kind: Literal["reply_within"] = "reply_within"
    request: list[str] = ["henvendelse"]
    reply: list[str] = ["svar"]
    days: int | None = None
    parameter: str | None = None

    needs_columns: ClassVar[tuple[str, ...]] = ("thread",)
    _types = types_field("request", "reply")

    @model_validator(mode="after")
    def _valid(self) -> "ReplyWithinCheck":
        if (self.days is None) == (self.parameter is None):
            raise ValueError("give exactly one of 'days' or 'parameter' (working days)")
        if set(self.request) & set(self.reply):
            raise ValueError("'request' and 'reply' must not share a type")
        return self

    def describe(self, parameters: Mapping[str, Any]) -> Message:
        return Message("describe.reply", {"request": AnyTerms(self.request), "reply": AnyTerms(self.reply),
                                          "days": amount(self.days, self.parameter, parameters)})

    def wanted_types(self) -> frozenset[str]:
        return frozenset(self.request + self.reply)

    def begin(self, context: CheckContext) -> "ReplyEvaluation":
        return ReplyEvaluation(self, context)


class ReplyEvaluation(LogEvaluation):
    """Each thread's events, kept until the end, and most threads judged as their second event is read.

    A thread is `alone` (its one event so far), then `answered` (its two events are an inquiry
    and a reply in time) or `paired` (any other two), and its later events go to `more`. Most
    threads are one inquiry and one reply, so events are placed, and pairs judged while their
    events are fresh in memory, a batch at a time with C-level `dict.update` and `map` calls.
    At the end only the threads that are alone, paired or have more events are sorted and
    walked; an `answered` thread needs no more than counting.
    """

    def __init__(self, check: ReplyWithinCheck, context: CheckContext) -> None:
        super().__init__(check, context)
        self.requests = frozenset(check.request)
        self.limit = self.number(check.days, check.parameter)
        self.ranks = self.log.calendar.day_ranks()
        self.alone: dict[str, Event] = {}  # thread id ('' for events without one) -> its only event so far
        self.answered: dict[str, tuple] = {}  # thread id -> ASKED_FIELDS + REPLY_FIELDS, a reply in time
        self.paired: dict[str, tuple[Event, Event]] = {}  # thread id -> any other two events
        self.more: list[Event] = []  # events of threads already answered or paired
        self.unlinked = 0
        self.fold_at = FOLD_AT

    def observe(self, event: Event) -> None:
        self.observe_batch([event])

    def observe_batch(self, events: list[Event]) -> None:
        threads = list(map(THREAD, events))
        later = list(map(operator.or_, map(self.answered.__contains__, threads), map(self.paired.__contains__, threads)))
        if any(later):
            self.more += compress(events, later)
            first_two = list(map(operator.not_, later))
            events, threads = list(compress(events, first_two)), list(compress(threads, first_two))
        events, threads = place(self.alone, events, threads)
        if events:
            self._pair(events, threads)
        if len(self.more) > self.fold_at:
            self._fold()

    def _pair(self, events: list[Event], threads: list[str]) -> None:
        """Second events of threads `alone`: each thread becomes `answered` or `paired` (a third goes to `more`)."""
        seconds: dict[str, Event] = {}
        self.more += place(seconds, events, threads)[0]
        threads = list(seconds)
        pairs = list(zip(map(self.alone.pop, threads), seconds.values()))
        first_asks = list(map(self.requests.__contains__, map(EVENT_TYPE, map(operator.itemgetter(0), pairs))))
        requests = list(map(operator.getitem, pairs, map(operator.not_, first_asks)))  # the first, if it asks
        replies = list(map(operator.getitem, pairs, first_asks))
        in_time = self._in_time(requests, replies)
        summaries = map(operator.add, map(ASKED_FIELDS, requests), map(REPLY_FIELDS, replies))
        self.answered.update(compress(zip(threads, summaries), in_time))
        self.paired.update(compress(zip(threads, pairs), map(operator.not_, in_time)))

    def _in_time(self, requests: list[Event], replies: list[Event]) -> list[bool]:
        """Per pair, column by column: an inquiry, and a reply dated on or after it within the limit."""
        asks = self.requests.__contains__
        one_of_each = map(operator.and_, map(asks, map(EVENT_TYPE, requests)),
                          map(operator.not_, map(asks, map(EVENT_TYPE, replies))))
        asked, answered = list(map(DAY, requests)), list(map(DAY, replies))
        ranks = self.ranks.get
        waited = map(operator.sub, map(ranks, answered, repeat(UNRANKED)), map(ranks, asked, repeat(-UNRANKED)))
        in_time = map(operator.and_, map(operator.le, asked, answered), map(operator.le, waited, repeat(self.limit)))
        return list(map(operator.and_, one_of_each, in_time))

    def _fold(self) -> None:
        """Keep one inquiry and one reply per thread and day (the first by file and line): the same matches.

        Events without a thread only count: their inquiries are added to `unlinked`.
        """
        self.unlinked += self._unlinked()
        more, self.more = self.more, []
        for thread, history in self._histories(more).items():
            firsts: dict[tuple, Event] = {}
            for event in sorted(history, key=order):
                firsts.setdefault((event.day, event.type in self.requests), event)
            kept = list(firsts.values())
            if len(kept) == 1:
                self.alone[thread] = kept[0]
            else:
                self.paired[thread] = kept[0], kept[1]
                self.more += kept[2:]
        self.fold_at = 2 * len(self.more) + FOLD_AT

    def _unlinked(self) -> int:
        """The inquiries without a thread id, taken out of the state."""
        events = [self.alone.pop("", None), *self._answered_pair("", ()), *self.paired.pop("", ())]
        if any(event.thread == "" for event in self.more):
            events += [event for event in self.more if event.thread == ""]
            self.more = [event for event in self.more if event.thread != ""]
        return sum(event is not None and event.type in self.requests for event in events)

    def _histories(self, more: Iterable[Event]) -> dict[str, list[Event]]:
        """Thread id -> all its events, for the threads that have events in `more`, taken out of the dicts."""
        histories: dict[str, list[Event]] = {}
        for event in more:
            history = histories.get(event.thread)
            if history is None:
                pair = self._answered_pair(event.thread, None) or self.paired.pop(event.thread)
                histories[event.thread] = history = list(pair)
            history.append(event)
        return histories

    def _answered_pair(self, thread: str, default: Any) -> tuple[Event, Event] | Any:
        """An answered thread's inquiry and reply as events again (taken out of `answered`), else `default`."""
        summary = self.answered.pop(thread, None)
        if summary is None:
            return default
        day, type_, file, line, replied, reply_type, reply_id, reply_file, reply_line = summary
        return (Event(None, day, day, type_, "", "", "", NONE, "", thread, NONE, file, line),
                Event(reply_id, replied, replied, reply_type, "", "", "", NONE, "", thread, NONE, reply_file, reply_line))

    def decide(self) -> Outcome:
        unlinked = self.unlinked + self._unlinked()
        histories = self._histories(self.more)
        asked, late, still_open = len(self.answered), Sample(), []
        for history in chain(histories.values(), self.paired.values(), ([event] for event in self.alone.values())):
            for request, reply in self._matches(history):
                asked += 1
                if reply is None:
                    still_open.append(request)
                else:
                    self._judge(request, reply, late)
        return self._outcome(asked, unlinked, late, still_open)

    def _matches(self, history: Iterable[Event]) -> Iterator[tuple[Event, Event | None]]:
        """(first inquiry, the reply that answers it, or None) for each inquiry a thread's replies split it into."""
        requests, asked = self.requests, None
        for event in sorted(history, key=lambda event: (event.day, event.type not in requests, event.file, event.line)):
            if event.type in requests:
                asked = asked or event
            elif asked is not None:
                yield asked, event
                asked = None
        if asked is not None:
            yield asked, None

    def _judge(self, request: Event, reply: Event, late: Sample) -> None:
        waited = self.log.calendar.working_days_between(request.day, reply.day)
        if waited > self.limit:
            note = Message("ev.replied_late", {"date": reply.day.isoformat(), "reply": reply.id or f"line {reply.line}",
                                               "days": waited})
            late.add(request, lambda: event_evidence(request, group_label("thread", request.thread), note))

    def _outcome(self, asked: int, unlinked: int, late: Sample, still_open: list[Event]) -> Outcome:
        calendar, as_of = self.log.calendar, self.context.as_of
        overdue = [e for e in still_open if calendar.working_days_between(e.day, as_of) > self.limit]
        params = {"asked": asked + unlinked, "late": late.total, "overdue": len(overdue), "days": self.limit,
                  "waiting": len(still_open) - len(overdue), "unlinked": unlinked}
        if late.total or overdue:
            for request in overdue:
                late.add(request, lambda: event_evidence(request, group_label("thread", request.thread),
                                                         Message("ev.still_open")))
            params["shown_note"] = shown_note(late.total)
            return Outcome(Status.fail, Message("reply.fail", params), late.evidence())
        if unlinked:
            return Outcome(Status.insufficient_data, Message("reply.unlinked", params))
        return Outcome(Status.passed, Message("reply.ok", params))


def place(slot: dict[str, Event], events: list[Event], threads: list[str]) -> tuple[list[Event], list[str]]:
    """Put one event of each thread that `slot` lacks into it; return the other events and their threads.

    C-level: `slot` grows as `update` reads the pairs, so a thread twice in `events` is placed once.
    """
    slot.update(compress(zip(threads, events), map(operator.not_, map(slot.__contains__, threads))))
    left = list(map(operator.is_not, map(slot.__getitem__, threads), events))
    if not any(left):
        return [], []
    return list(compress(events, left)), list(compress(threads, left))
