"""Each log check kind: a passing and a failing case, and the cases where data is missing."""

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policycheck.checks.count import CountCheck
from policycheck.checks.forbidden import ForbiddenCheck
from policycheck.checks.lead_time import LeadTimeCheck
from policycheck.checks.participants import ParticipantsCheck
from policycheck.checks.reply_within import ReplyWithinCheck
from policycheck.checks.share import ShareCheck
from policycheck.checks.within_window import WithinWindowCheck
from policycheck.messages import Message
from policycheck.models.common import Status
from logtools import ev, run_check

TALKS = CountCheck(types=["utviklingssamtale"], per="pupil", min=2)


def talks(*pupils):
    return [ev(day, "utviklingssamtale", pupil=p) for p in pupils for day in ("2025-10-06", "2026-03-02")]


def test_count_passes_when_every_pupil_has_two_talks():
    assert run_check(TALKS, talks("P1", "P2", "P3")).status is Status.passed


def test_count_finds_the_pupil_with_no_talk_through_the_roster():
    outcome = run_check(TALKS, talks("P1", "P2"))
    assert outcome.status is Status.fail
    assert [e.group for e in outcome.evidence] == ["pupil P3 (8A)"]
    assert outcome.evidence[0].count == 0


def test_count_is_insufficient_before_the_year_ends_and_without_roster_or_log():
    assert run_check(TALKS, talks("P1"), as_of=dt.date(2025, 12, 1)).status is Status.insufficient_data
    assert run_check(TALKS, talks("P1"), roster=None).status is Status.insufficient_data
    assert run_check(TALKS, talks("P1"), log=False).status is Status.insufficient_data


def test_count_per_half_year_and_maximum_per_class():
    per_half = CountCheck(types=["utviklingssamtale"], per="pupil", period="half_year", min=1)
    assert run_check(per_half, talks("P1", "P2", "P3")).status is Status.passed
    autumn_only = [e for e in talks("P1", "P2", "P3") if e.day.year == 2025]
    assert run_check(per_half, autumn_only).status is Status.fail
    meetings = CountCheck(types=["foreldremote"], per="class", max=1)
    two = [ev("2025-09-01", "foreldremote", class_="1A"), ev("2025-11-01", "foreldremote", class_="1A")]
    assert run_check(meetings, two).status is Status.fail


def test_count_per_half_year_splits_on_new_year_and_ignores_days_outside_the_school_year():
    per_half = CountCheck(types=["utviklingssamtale"], per="pupil", period="half_year", min=1, max=1)
    events = [ev(day, "utviklingssamtale", pupil=p) for p in ("P1", "P2", "P3") for day in ("2025-12-31", "2026-01-01")]
    assert run_check(per_half, events).status is Status.passed
    outside = [ev("2025-06-01", "utviklingssamtale", pupil="P1"), ev("2026-08-20", "utviklingssamtale", pupil="P1")]
    assert run_check(per_half, events + outside).status is Status.passed


def test_school_wide_count_limited_to_grades():
    check = CountCheck(types=["informasjonsmote"], per="school", grades=[8], min=1)
    assert run_check(check, [ev("2025-09-01", "informasjonsmote", class_="1A")], roster=None).status is Status.fail
    assert run_check(check, [ev("2025-09-01", "informasjonsmote", class_="8B")], roster=None).status is Status.passed


def test_count_uses_a_pack_parameter():
    check = CountCheck(types=["elevsamtale"], per="school", min_parameter="n")
    events = [ev("2025-09-01", "elevsamtale", pupil="P1")] * 3
    assert run_check(check, events, parameters={"n": 3}, roster=None).status is Status.passed
    assert run_check(check, events, parameters={"n": 4}, roster=None).status is Status.fail


INVITED = CountCheck(types=["utviklingssamtale"], per="pupil", min=2, counts="invited")


def test_counts_invited_meets_the_duty_when_parents_decline_or_do_not_answer():
    events = talks("P1", "P2") + [ev("2025-10-06", "utviklingssamtale", pupil="P3"),
                                  ev("2026-03-02", "invitasjon", pupil="P3", flags={"declined"})]
    outcome = run_check(INVITED, events)
    assert outcome.status is Status.passed
    assert outcome.message.render("nb").endswith("(3 kontrollert); 1 invitasjon ble avslått")
    assert run_check(TALKS, events).status is Status.fail  # held: the declined talk was never held


def test_counts_invited_says_how_many_were_declined_and_unanswered_in_each_language():
    events = talks("P1") + [ev(day, "invitasjon", pupil=p, flags={flag}) for p, flag in (("P2", "declined"), ("P3", "no-response"))
                            for day in ("2025-10-06", "2026-03-02")]
    outcome = run_check(INVITED, events)
    assert outcome.status is Status.passed
    assert outcome.message.render("da").endswith("; 2 indkaldelser blev afslået; 2 indkaldelser fik intet svar")
    assert outcome.message.render("en").endswith("; 2 invitations were declined; 2 invitations got no answer")


def test_an_invitation_and_its_talk_on_one_thread_count_once():
    one_talk = [ev("2025-09-20", "invitasjon", pupil=p, thread=f"T-{p}") for p in ("P1", "P2", "P3")]
    one_talk += [ev("2025-10-06", "utviklingssamtale", pupil=p, thread=f"T-{p}") for p in ("P1", "P2", "P3")]
    assert run_check(INVITED, one_talk).status is Status.fail
    second = [ev("2026-03-02", "invitasjon", pupil=p, thread=f"U-{p}") for p in ("P1", "P2", "P3")]
    assert run_check(INVITED, one_talk + second).status is Status.passed


def test_counts_held_does_not_count_a_declined_talk_row():
    events = talks("P1", "P2", "P3")
    events[-1] = events[-1]._replace(flags=frozenset({"declined"}))
    assert run_check(TALKS, events).status is Status.fail


def test_invited_describes_invitations_and_may_not_count_one_type_twice():
    assert "development talk or invitation" in INVITED.describe({}).render("en")
    with pytest.raises(ValueError, match="must not share"):
        CountCheck(types=["invitasjon"], min=1, counts="invited")


def test_participants_skip_a_declined_talk():
    check = ParticipantsCheck(types=["utviklingssamtale"], roles=["elev"])
    events = [ev("2025-10-06", "utviklingssamtale", pupil="P1", roles={"elev"}),
              ev("2025-10-07", "utviklingssamtale", pupil="P2", flags={"declined"})]
    outcome = run_check(check, events)
    assert outcome.status is Status.passed and outcome.message.params["n"] == 1  # the seen talks


MEETING = WithinWindowCheck(types=["foreldremøte"], per="class", weeks=4)


def test_within_window_passes_with_a_meeting_per_class_in_the_first_weeks():
    events = [ev("2025-08-25", "foreldremote", class_="1A"), ev("2025-09-08", "foreldremote", pupil="P3")]
    assert run_check(MEETING, events).status is Status.passed


def test_within_window_fails_for_a_class_whose_meeting_came_late():
    events = [ev("2025-08-25", "foreldremote", class_="1A"), ev("2025-10-20", "foreldremote", class_="8A")]
    outcome = run_check(MEETING, events)
    assert outcome.status is Status.fail
    assert outcome.evidence[0].group == "class 8A" and "outside" in outcome.evidence[0].note


def test_within_window_before_start_per_grade():
    check = WithinWindowCheck(types=["informasjonsmote"], per="grade", grades=[1, 8], window="before_start", days=120)
    events = [ev("2025-05-10", "informasjonsmote", class_="1A")]
    outcome = run_check(check, events)
    assert outcome.status is Status.fail and outcome.evidence[0].group == "grade 8"
    events.append(ev("2025-06-01", "informasjonsmote", class_="8B"))  # not in the roster: grade from its name
    assert run_check(check, events).status is Status.passed


def test_within_window_pending_while_the_window_is_open():
    assert run_check(MEETING, [], as_of=dt.date(2025, 8, 20)).status is Status.insufficient_data


REPLY = ReplyWithinCheck(days=3)


def test_reply_within_passes_when_answered_in_time_counting_working_days():
    # Friday 26 Sept -> Tuesday 7 Oct: the autumn break (29 Sept - 3 Oct) is not counted.
    events = [ev("2025-09-26", "henvendelse", thread="T1"), ev("2025-10-07", "svar", thread="T1")]
    assert run_check(REPLY, events).status is Status.passed


def test_reply_within_fails_when_late_or_left_open():
    late = [ev("2025-11-03", "henvendelse", thread="T1"), ev("2025-11-12", "svar", thread="T1")]
    outcome = run_check(REPLY, late)
    assert outcome.status is Status.fail and outcome.evidence[0].group == "thread T1"
    still_open = [ev("2025-11-03", "henvendelse", thread="T2")]
    assert run_check(REPLY, still_open).status is Status.fail
    assert run_check(REPLY, still_open, as_of=dt.date(2025, 11, 4)).status is Status.passed


def test_reply_within_reply_read_before_its_inquiry_still_counts():
    events = [ev("2025-11-04", "svar", thread="T1"), ev("2025-11-03", "henvendelse", thread="T1")]
    assert run_check(REPLY, events).status is Status.passed


def test_reply_within_counts_days_outside_the_calendar_years_too():
    # The calendar covers 2025-2026; an inquiry from 2023 answered in 2025 is late, whichever side is outside.
    before = [ev("2023-06-01", "henvendelse", thread="T1"), ev("2025-11-12", "svar", thread="T1")]
    after = [ev("2026-12-01", "henvendelse", thread="T1"), ev("2027-03-01", "svar", thread="T1")]
    assert run_check(REPLY, before).status is Status.fail
    assert run_check(REPLY, after, as_of=dt.date(2027, 6, 1)).status is Status.fail
    next_day = [ev("2027-03-01", "henvendelse", thread="T1"), ev("2027-03-02", "svar", thread="T1")]
    assert run_check(REPLY, next_day, as_of=dt.date(2027, 6, 1)).status is Status.passed


@pytest.mark.parametrize("asked, answered, verdict", [
    ("2024-12-13", "2024-12-21", Status.passed),  # Fri -> next Sat: 5 working days (issue 18: was 6)
    ("2024-12-13", "2024-12-23", Status.fail),  # Fri -> Mon: 6
    ("2024-12-20", "2024-12-30", Status.passed),  # Fri -> Mon over Christmas 2024: 4 (23, 24, 27, 30 Dec)
])
def test_reply_within_before_the_calendar_years_gives_the_day_by_day_verdict(asked, answered, verdict):
    events = [ev(asked, "henvendelse", thread="T1"), ev(answered, "svar", thread="T1")]
    assert run_check(ReplyWithinCheck(days=5), events).status is verdict


def test_reply_within_inquiry_without_thread_is_insufficient():
    assert run_check(REPLY, [ev("2025-11-03", "henvendelse")]).status is Status.insufficient_data


PUPIL_PRESENT = ParticipantsCheck(types=["utviklingssamtale"], roles=["eleven", "forældre"])


def test_participants_pass_and_fail():
    good = ev("2025-10-06", "utviklingssamtale", pupil="P1", roles={"elev", "foresatt", "kontaktlaerer"})
    bad = ev("2025-10-07", "utviklingssamtale", pupil="P2", class_="1A", roles={"foresatt"}, id="x9")
    assert run_check(PUPIL_PRESENT, [good]).status is Status.passed
    outcome = run_check(PUPIL_PRESENT, [good, bad])
    assert outcome.status is Status.fail
    assert outcome.evidence[0].event_id == "x9" and outcome.evidence[0].group == "pupil P2 (1A)"
    assert run_check(PUPIL_PRESENT, []).status is Status.insufficient_data


def test_forbidden_sensitive_through_transponder_and_cost():
    sensitive = ForbiddenCheck(channels=["transponder"], flags=["sensitiv"])
    fine = [ev("2025-10-06", "melding", channel="transponder"), ev("2025-10-06", "melding", channel="aula", flags={"sensitive"})]
    assert run_check(sensitive, fine).status is Status.passed
    bad = fine + [ev("2025-10-07", "melding", channel="transponder", flags={"sensitive"})]
    assert run_check(sensitive, bad).status is Status.fail
    cost = ForbiddenCheck(flags=["kostnad"])
    assert run_check(cost, [ev("2025-10-07", "hendelse", flags={"cost"})]).status is Status.fail


def test_share_of_messages_through_aula():
    check = ShareCheck(types=["melding"], channel="Aula", min_percent=75)
    events = [ev("2025-10-06", "melding", channel="aula")] * 3 + [ev("2025-10-06", "melding", channel="e-post")]
    assert run_check(check, events).status is Status.passed
    assert run_check(check, events + [ev("2025-10-06", "melding", channel="transponder")]).status is Status.fail
    assert run_check(check, []).status is Status.insufficient_data


LEAD = LeadTimeCheck(meeting=["utviklingssamtale"], days=14)


def test_lead_time_pass_and_fail():
    good = [ev("2025-09-15", "invitasjon", thread="T1"), ev("2025-10-06", "utviklingssamtale", thread="T1")]
    assert run_check(LEAD, good).status is Status.passed
    short = [ev("2025-10-01", "invitasjon", thread="T2"), ev("2025-10-06", "utviklingssamtale", thread="T2")]
    assert run_check(LEAD, good + short).status is Status.fail
    uninvited = [ev("2025-10-06", "utviklingssamtale", thread="T3")]
    outcome = run_check(LEAD, uninvited)
    assert outcome.status is Status.fail and "no invitation" in outcome.evidence[0].note


def test_missing_column_makes_the_rule_insufficient():
    from policycheck.checks.base import CheckContext, LogInputs, PlanView
    from policycheck.loading.events import LogReading
    from logtools import CALENDAR

    readings = [LogReading("a.csv", "csv", columns=frozenset({"date", "type"}))]
    context = CheckContext("r", PlanView({}, "p", {}), {}, dt.date(2026, 7, 1), log=LogInputs(CALENDAR, None, readings))
    outcome = REPLY.start(context).finish()
    assert outcome.status is Status.insufficient_data
    assert outcome.message == Message("log.no_column", {"columns": ["thread"]})


def test_messages_render_in_every_language():
    outcome = run_check(TALKS, talks("P1", "P2"))
    rendered = {language: outcome.message.render(language) for language in ("nb", "da", "en")}
    assert rendered["en"].startswith("1 of 3 checked (pupil per school year)")
    assert rendered["nb"].startswith("1 av 3 kontrollert (elev per skoleår)")
    assert rendered["da"].startswith("1 af 3 kontrolleret (elev pr. skoleår)")


def test_count_per_half_year_shows_the_events_of_the_failing_half():
    """A maximum exceeded in spring names spring's events, however many autumn had (the kept events are per period)."""
    at_most_one = CountCheck(types=["foreldremote"], per="class", period="half_year", max=1)
    autumn = [ev(f"2025-09-{day:02d}", "foreldremote", class_="1A", id=f"a{day}") for day in range(1, 9)]
    spring = [ev("2026-03-02", "foreldremote", class_="1A", id="s1"), ev("2026-03-09", "foreldremote", class_="1A", id="s2")]
    outcome = run_check(at_most_one, spring + autumn)
    notes = {evidence.note for evidence in outcome.evidence}
    assert outcome.status is Status.fail
    assert "2 events in the spring half-year (s1, s2)" in notes
    assert "8 events in the autumn half-year (a1, a2, a3)" in notes


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 3)), max_size=40), st.integers(1, 5), st.randoms())
def test_first_events_are_the_first_by_event_order_whatever_the_arrival(rows, size, random):
    from policycheck.checks.logbase import FirstEvents, order

    events = [ev((dt.date(2025, 9, 1) + dt.timedelta(days=day)).isoformat(), "melding", file=f"f{file}.csv")
              for day, file in rows]
    arrived = events[:]
    random.shuffle(arrived)
    kept = FirstEvents(size)
    for event in arrived:
        kept.add(event)
    assert kept.events() == sorted(events, key=order)[:size]


@pytest.mark.parametrize("language, late_only, open_only", [
    ("en", "of 1 inquiry, 1 was answered later than 3 working days",
     "of 1 inquiry, 1 is still open past the deadline"),
    ("nb", "av 1 henvendelse ble 1 besvart senere enn 3 virkedager",
     "av 1 henvendelse er 1 fortsatt åpen etter fristen"),
    ("da", "af 1 henvendelse blev 1 besvaret senere end 3 arbejdsdage",
     "af 1 henvendelse er 1 stadig åben efter fristen"),
])
def test_reply_within_names_only_the_kind_of_gap_there_is(language, late_only, open_only):
    """'... and 0 are still open' is not written: a clause with a count of zero is left out."""
    late = run_check(REPLY, [ev("2025-11-03", "henvendelse", thread="T1"), ev("2025-11-12", "svar", thread="T1")])
    still_open = run_check(REPLY, [ev("2025-11-03", "henvendelse", thread="T2")])
    assert late.message.render(language) == late_only
    assert still_open.message.render(language) == open_only
