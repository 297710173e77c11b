"""When two people can meet: a slot inside both working days, however far apart their time
zones, or a clear word when their days do not meet."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest

from recommender.kit import KitSettings, common_hours, format_offset, meeting_slot

from .conftest import MONDAY

SETTINGS = KitSettings()


def local(moment: dt.datetime, offset: float) -> dt.datetime:
    return moment + dt.timedelta(hours=offset)


def inside_day(start: dt.datetime, end: dt.datetime, offset: float) -> bool:
    a, b = local(start, offset), local(end, offset)
    return (a.date() == b.date() and a.weekday() < 5 and
            dt.time(9) <= a.time() and b.time() <= dt.time(18))


@pytest.mark.parametrize("mentor, mentee", [
    (1, 1), (1, -5), (-5, 1), (5.5, 1), (9, 1), (-7, 1), (10, 2), (-3, 4.5), (0, 8)])
def test_a_slot_inside_both_days_when_they_meet(mentor, mentee):
    slot = meeting_slot(mentor, mentee, MONDAY, SETTINGS)
    assert slot.within_hours
    assert inside_day(slot.start, slot.end, mentor) and inside_day(slot.start, slot.end, mentee)
    assert slot.start.tzinfo == dt.UTC and slot.end - slot.start == dt.timedelta(hours=1)
    assert slot.start.date() >= MONDAY


def test_six_hours_apart_share_the_end_of_one_day_and_the_start_of_the_other():
    assert common_hours([1, -5], SETTINGS) == [(14 * 60, 17 * 60)]  # 15-18 Paris, 9-12 NY
    slot = meeting_slot(1, -5, MONDAY, SETTINGS)
    assert local(slot.start, -5).hour == 10 and local(slot.start, 1).hour == 16


def test_days_that_do_not_meet_get_the_closest_slot_and_say_so():
    assert common_hours([9, -5], SETTINGS) == []  # 14 hours apart
    slot = meeting_slot(9, -5, MONDAY, SETTINGS)
    assert not slot.within_hours
    # the least far outside: one of them is still inside their day
    assert inside_day(slot.start, slot.end, 9) or inside_day(slot.start, slot.end, -5)
    # a common quarter of an hour is no time for a meeting of an hour either
    assert common_hours([-3, 5.75], SETTINGS) == [(12 * 60, 12 * 60 + 15)]
    assert not meeting_slot(-3, 5.75, MONDAY, SETTINGS).within_hours


def test_a_weekend_start_moves_to_monday():
    saturday = dt.date(2026, 9, 5)
    slot = meeting_slot(1, 1, saturday, SETTINGS)
    assert local(slot.start, 1).date() == MONDAY and local(slot.start, 1).hour == 10


def test_a_missing_time_zone_is_the_other_one_or_the_coordinators():
    slot = meeting_slot(None, -5, MONDAY, SETTINGS, default_offset=1)
    assert slot.offsets == (-5, -5) and slot.assumed == ("mentor",)
    slot = meeting_slot(None, None, MONDAY, SETTINGS, default_offset=2)
    assert slot.offsets == (2, 2) and slot.assumed == ("mentor", "mentee")


def test_the_working_day_is_the_programmes():
    settings = KitSettings(day_start=13, day_end=15, meeting_minutes=30)
    slot = meeting_slot(0, 0, MONDAY, settings)
    assert local(slot.start, 0).time() == dt.time(14) and slot.end - slot.start == \
        dt.timedelta(minutes=30)
    with pytest.raises(ValueError, match="day_start"):
        KitSettings(day_start=18, day_end=9)
    with pytest.raises(ValueError, match="kit: unknown setting"):
        KitSettings.from_dict({"hours": 3})


def test_offsets_are_written_as_people_read_them():
    assert [format_offset(x) for x in (0, 1, -5, 5.5, -3.5)] == [
        "UTC", "UTC+1", "UTC\u22125", "UTC+5:30", "UTC\u22123:30"]


def test_pairs_six_hours_apart_are_told_their_common_hours(workspace):
    kit = workspace.pair_kit("m2", "s2", first_day=MONDAY)  # New York and Paris
    assert kit.language == "en"
    assert ("Hours that suit you both on weekdays: 9:00–12:00 for Sam (UTC\u22125), which is "
            "15:00–18:00 for Robert (UTC+1)") in kit.body
    assert "10:00–11:00 for Sam" in kit.body and "16:00–17:00 for Robert" in kit.body
    event = icalendar.Calendar.from_ical(kit.ics).walk("VEVENT")[0]
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert inside_day(start, end, -5) and inside_day(start, end, 1)
    assert "by video call (Sam is in New York, Robert in Paris)" in kit.body


def test_pairs_whose_days_do_not_meet_are_told_so(workspace):
    workspace.add_people([{"id": "m9", "name": "Kenji Sato", "years_experience": 1,
                           "languages": "en", "utc_offset": "+10", "role_preference": "mentor",
                           "offers": "I run our LinkedIn and Instagram accounts."}])
    workspace.add_pair("m9", "s2")
    kit = workspace.pair_kit("m9", "s2", "en", first_day=MONDAY)
    assert not kit.slot.within_hours
    assert "Your working days have no common time for a 60-minute meeting: Kenji is in " \
        "UTC+10, Robert in UTC+1" in kit.body
    french = workspace.pair_kit("m9", "s2", "fr", first_day=MONDAY)
    assert "Vos journées de travail n'ont pas de créneau commun de 60 minutes" in french.body


def test_one_missing_time_zone_is_said(workspace):
    workspace.add_people([{"id": "m8", "name": "Zoé Blanc", "years_experience": 1,
                           "languages": "fr", "role_preference": "mentor",
                           "offers": "Je gère le compte TikTok du recrutement."}])
    workspace.add_pair("m8", "s1")
    kit = workspace.pair_kit("m8", "s1", first_day=MONDAY)
    assert "Zoé n'a pas indiqué de fuseau horaire : celui de Sylvie est supposé." in kit.body
    assert "même fuseau horaire (UTC+1)" in kit.body
