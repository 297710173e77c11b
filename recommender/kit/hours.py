"""When two people can meet: a working window in each one's time zone, and a first meeting.

Nobody's availability is known: everybody is assumed to work from ``day_start`` to
``day_end`` local time, Monday to Friday (:class:`~.records.KitSettings`). A time zone is a
fixed number of hours east of UTC (:attr:`~recommender.records.Person.utc_offset`); a person
without one is assumed to be in the other's, else in ``default_offset`` (the coordinator's).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence

from .records import KitSettings, MeetingSlot

__all__ = ["common_hours", "format_offset", "meeting_slot", "offsets_of"]

logger = logging.getLogger(__name__)

_STEP = 15  # minutes between the starts tried
_SEARCH_DAYS = 14


def offsets_of(mentor_offset: float | None, mentee_offset: float | None,
               default_offset: float) -> tuple[tuple[float, float], tuple[str, ...]]:
    """The offsets used for the mentor and the mentee, and whose were assumed."""
    assumed = tuple(who for who, off in (("mentor", mentor_offset), ("mentee", mentee_offset))
                    if off is None)
    if mentor_offset is None and mentee_offset is None:
        return (default_offset, default_offset), assumed
    mentor = mentor_offset if mentor_offset is not None else mentee_offset
    mentee = mentee_offset if mentee_offset is not None else mentor_offset
    assert mentor is not None and mentee is not None
    return (float(mentor), float(mentee)), assumed


def format_offset(offset: float) -> str:
    """``UTC+1``, ``UTC−5``, ``UTC+5:30``, ``UTC`` (a true minus sign)."""
    if not offset:
        return "UTC"
    minutes = round(abs(offset) * 60)
    sign = "+" if offset > 0 else "\u2212"
    hours, rest = divmod(minutes, 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def _day_minutes(hour: float) -> int:
    return round(hour * 60)


def common_hours(offsets: Sequence[float], settings: KitSettings) -> list[tuple[int, int]]:
    """The minutes of a UTC day (``0..1440``, as ``(start, end)`` intervals) inside every
    person's working window, weekdays aside; empty when their windows do not meet."""
    minutes = [m for m in range(0, 1440, 5)
               if all(_inside_window((m + round(o * 60)) % 1440, settings) for o in offsets)]
    spans: list[tuple[int, int]] = []
    for m in minutes:
        if spans and spans[-1][1] == m:
            spans[-1] = (spans[-1][0], m + 5)
        else:
            spans.append((m, m + 5))
    return spans


def _inside_window(local_minute: int, settings: KitSettings) -> bool:
    return _day_minutes(settings.day_start) <= local_minute < _day_minutes(settings.day_end)


def _outside(start: dt.datetime, minutes: int, offset: float, settings: KitSettings) -> int:
    """Minutes of ``[start, start + minutes)`` (UTC) outside the person's working window
    (a weekend counts as outside)."""
    local = start + dt.timedelta(hours=offset)
    out = 0
    for step in range(0, minutes, 5):
        moment = local + dt.timedelta(minutes=step)
        minute = moment.hour * 60 + moment.minute
        if moment.weekday() >= 5 or not _inside_window(minute, settings):
            out += 5
    return out


def meeting_slot(mentor_offset: float | None, mentee_offset: float | None,
                 first_day: dt.date, settings: KitSettings,
                 default_offset: float = 0.0) -> MeetingSlot:
    """The first meeting to propose: on the first day from ``first_day`` (UTC) with a start
    inside both working windows, an hour after their common window opens when it is long
    enough (else at its opening); with no common hour, the start least far outside both
    windows (``within_hours`` false).
    """
    offsets, assumed = offsets_of(mentor_offset, mentee_offset, default_offset)
    length = settings.meeting_minutes
    best: tuple[int, dt.datetime] | None = None
    origin = dt.datetime.combine(first_day, dt.time(), tzinfo=dt.UTC)
    for day in range(_SEARCH_DAYS):
        fitting: list[dt.datetime] = []
        for minute in range(0, 1440, _STEP):
            start = origin + dt.timedelta(days=day, minutes=minute)
            cost = sum(_outside(start, length, off, settings) for off in offsets)
            if cost == 0:
                fitting.append(start)
            elif best is None or cost < best[0]:
                best = (cost, start)
        if fitting:
            # a run of fitting starts: take the first one an hour after the run opens
            first_run = [fitting[0]]
            for start in fitting[1:]:
                if start - first_run[-1] != dt.timedelta(minutes=_STEP):
                    break
                first_run.append(start)
            later = [s for s in first_run if s - first_run[0] >= dt.timedelta(hours=1)]
            chosen = later[0] if later else first_run[0]
            return MeetingSlot(chosen, chosen + dt.timedelta(minutes=length), True, offsets,
                               assumed)
    assert best is not None
    logger.info("no common working hour for offsets %s: proposing the closest slot", offsets)
    return MeetingSlot(best[1], best[1] + dt.timedelta(minutes=length), False, offsets, assumed)
