"""From a pair's records to its kit: the template's fields, the introduction, the e-mail,
the invitation and the ``mailto:`` link. Pure functions: records in, texts and bytes out.

What goes into a kit: the two people's names, roles, e-mail addresses, locations and time
zones; the profile sentences their pairing rests on (their own words); the languages they
share; the first topics' titles and one starter each (from the catalogue); the programme's
settings. Never anything of a session note: topic reasons, which may speak of past sessions,
are not read.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from collections.abc import Mapping
from typing import Any

from ..language.formats import format_month, format_number
from ..language.text import shorten
from ..records import Person
from .hours import common_hours, format_offset, meeting_slot
from .ics import invitation
from .mail import clean_address, mailto_link, message_bytes, one_line
from .records import MeetingSlot, PairKit, PairKitInput
from .render import KitTemplate, render_template, split_subject

__all__ = ["compose_kit", "file_stem", "intro_fields", "invitation_uid_seed", "language_name"]

logger = logging.getLogger(__name__)

_QUOTE_LIMIT = 300

_LANGUAGE_NAMES = {
    "en": {"en": "English", "fr": "French", "es": "Spanish", "pt": "Portuguese",
           "de": "German", "it": "Italian", "nl": "Dutch", "ar": "Arabic", "zh": "Chinese"},
    "fr": {"en": "anglais", "fr": "français", "es": "espagnol", "pt": "portugais",
           "de": "allemand", "it": "italien", "nl": "néerlandais", "ar": "arabe",
           "zh": "chinois"},
}
"""Language names as an introduction writes them (a code it does not know stays a code)."""

_PHRASES = {
    "en": {
        "weekdays": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split(),
        "once": "about once a month", "twice": "about twice a month",
        "times": "about {n} times a month",
        "assumed_one": "{name} gave no time zone: the same as {other}'s is assumed.",
        "summary": "First meeting: {mentor} and {mentee}",
        "description": "A first meeting proposed by the mentoring programme to {mentor} and "
                       "{mentee}. Move it to a time that suits you both.",
        "video": "Video call",
    },
    "fr": {
        "weekdays": "lundi mardi mercredi jeudi vendredi samedi dimanche".split(),
        "once": "environ une fois par mois", "twice": "environ deux fois par mois",
        "times": "environ {n} fois par mois",
        "assumed_one": "{name} n'a pas indiqué de fuseau horaire : celui de {other} est "
                       "supposé.",
        "summary": "Première rencontre : {mentor} et {mentee}",
        "description": "Une première rencontre proposée par le programme de mentorat à "
                       "{mentor} et {mentee}. Déplacez-la à un moment qui vous convient à "
                       "tous les deux.",
        "video": "Visioconférence",
    },
}


def _phrases(language: str) -> Mapping[str, Any]:
    return _PHRASES.get(language, _PHRASES["en"])


def language_name(code: str, language: str) -> str:
    """The name of the language ``code`` in ``language`` (English names by default)."""
    return _LANGUAGE_NAMES.get(language, _LANGUAGE_NAMES["en"]).get(code, code)


def _clock(minute_of_day: int, language: str) -> str:
    hours, minutes = divmod(minute_of_day % 1440, 60)
    if language == "fr":
        return f"{hours} h {minutes:02d}" if minutes else f"{hours} h"
    return f"{hours}:{minutes:02d}"


def _span(start: int, end: int, language: str) -> str:
    return f"{_clock(start, language)}–{_clock(end if end < 1440 else 0, language)}" \
        if end - start < 1440 else ""


def _date(moment: dt.datetime, language: str) -> str:
    weekday = _phrases(language)["weekdays"][moment.weekday()]
    return f"{weekday} {moment.day} {format_month(moment.strftime('%Y-%m'), language)}"


def _name(person: Person) -> str:
    """The person's name on one line (a spreadsheet cell may hold a line break)."""
    return one_line(person.name)


def _first_name(person: Person) -> str:
    """The first word of the name; the word after the comma in ``"MARTIN, Inès"`` (a
    directory's ``Last, First``: one word before the comma, so that ``"Anne Roy, Jr"`` stays
    Anne)."""
    name = _name(person)
    last, comma, first = name.partition(",")
    if comma and len(last.split()) == 1 and first.split() and "," not in first:
        return first.split()[0]
    words = name.replace(",", " ").split()
    return words[0] if words else name


def _person_fields(person: Person, offset: float) -> dict[str, Any]:
    return {"name": _name(person), "first_name": _first_name(person),
            "email": clean_address(person.email) or "", "role": one_line(person.role),
            "department": one_line(person.department), "location": one_line(person.location),
            "time_zone": format_offset(offset)}


def _cadence(per_month: float, language: str) -> str:
    p = _phrases(language)
    if per_month == 1:
        return str(p["once"])
    if per_month == 2:
        return str(p["twice"])
    return str(p["times"]).format(n=format_number(per_month, language))


def _common_span(offsets: tuple[float, float], inp: PairKitInput) -> tuple[int, int] | None:
    """The longest stretch of a UTC day inside both working windows (minutes; it may run
    past midnight, ``end`` > 1440)."""
    spans = common_hours(offsets, inp.settings)
    if not spans:
        return None
    if len(spans) > 1 and spans[0][0] == 0 and spans[-1][1] == 1440:  # across midnight UTC
        spans = [(spans[-1][0], spans[0][1] + 1440), *spans[1:-1]]
    return max(spans, key=lambda s: s[1] - s[0])


def _hours_fields(inp: PairKitInput, slot: MeetingSlot) -> dict[str, Any]:
    language = inp.language
    settings = inp.settings
    window = _span(round(settings.day_start * 60), round(settings.day_end * 60), language)
    mentor_off, mentee_off = slot.offsets
    span = _common_span(slot.offsets, inp)
    if span is not None and span[1] - span[0] < settings.meeting_minutes:
        span = None  # a common quarter of an hour is no time to meet
    p = _phrases(language)
    assumed = ""  # neither gave one: the coordinator's is assumed and not worth a word
    if len(slot.assumed) == 1:
        who, other = (inp.mentor, inp.mentee) if slot.assumed[0] == "mentor" \
            else (inp.mentee, inp.mentor)
        assumed = str(p["assumed_one"]).format(name=_first_name(who), other=_first_name(other))
    fields: dict[str, Any] = {"window": window, "common": span is not None,
                              "same_zone": mentor_off == mentee_off,
                              "known": len(slot.assumed) < 2, "assumed": assumed,
                              "mentor": "", "mentee": ""}
    if span is not None:
        start, end = span
        for side, off in (("mentor", mentor_off), ("mentee", mentee_off)):
            shift = round(off * 60)
            fields[side] = _span(start + shift, end + shift, language)
    return fields


def _meeting_fields(inp: PairKitInput, slot: MeetingSlot) -> dict[str, Any]:
    language = inp.language
    out: dict[str, Any] = {"minutes": inp.settings.meeting_minutes,
                           "within_hours": slot.within_hours}
    for side, off in (("mentor", slot.offsets[0]), ("mentee", slot.offsets[1])):
        start = slot.start + dt.timedelta(hours=off)
        end = slot.end + dt.timedelta(hours=off)
        out[f"{side}_date"] = _date(start, language)
        out[f"{side}_time"] = (f"{_clock(start.hour * 60 + start.minute, language)}–"
                              f"{_clock(end.hour * 60 + end.minute, language)}")
    return out


def _quote(text: str | None) -> str:
    return shorten(text or "", _QUOTE_LIMIT)


def _quotes(quotes: Mapping[str, str]) -> dict[str, str]:
    """The pair's sentences as the template reads them; a sentence of the other way round
    that repeats one already quoted is left empty (someone who wrote one profile text has
    it read as both an offer and a wish)."""
    out = {"wish": _quote(quotes.get("want")), "offer": _quote(quotes.get("offer")),
           "back_wish": _quote(quotes.get("reverse_want")),
           "back_offer": _quote(quotes.get("reverse_offer"))}
    for key in ("back_wish", "back_offer"):
        if out[key] in (out["wish"], out["offer"]):
            out[key] = ""
    return out


def intro_fields(inp: PairKitInput, slot: MeetingSlot) -> dict[str, Any]:
    """The fields a template reads (:data:`~.render.TEMPLATE_FIELDS`) for one pair."""
    mentor, mentee, language = inp.mentor, inp.mentee, inp.language
    shared = [code for code in mentee.languages if code in mentor.languages] \
        if mentor.languages and mentee.languages else []
    same_place = bool(one_line(mentor.location)) and \
        one_line(mentor.location).casefold() == one_line(mentee.location).casefold()
    return {
        "language": language,
        "programme": inp.settings.programme,
        "coordinator": inp.settings.coordinator,
        "direction": inp.direction,
        "mentor": _person_fields(mentor, slot.offsets[0]),
        "mentee": _person_fields(mentee, slot.offsets[1]),
        **_quotes(inp.quotes),
        "languages": [language_name(code, language) for code in shared],
        "same_location": same_place,
        "location": one_line(mentor.location) if same_place else "",
        "hours": _hours_fields(inp, slot),
        "meeting": _meeting_fields(inp, slot),
        # titles and starters only: a topic's reasons may speak of past sessions
        "topics": [{"title": t.title, "starter": t.starters[0] if t.starters else ""}
                   for t in inp.topics],
        "cadence": _cadence(inp.settings.sessions_per_month, language),
        "notes_confidential": inp.notes_confidential,
    }


def file_stem(mentor_id: str, mentee_id: str) -> str:
    """The pair's file name without extension: ``<mentor id>_<mentee id>``, each id made of
    ASCII letters, digits, ``-`` and ``.`` only (an id is user text), shortened to 60
    characters. When an id had to change (``_``, a space, an accent, a slash...), a short
    hash of both ids follows, so that two pairs never share a name (``a_b`` + ``c`` and
    ``a`` + ``b_c``; ``José`` and ``Jos-``)."""
    def safe(text: str) -> str:
        return re.sub(r"[^A-Za-z0-9.-]+", "-", text).strip(".-")[:60] or "x"

    stem = f"{safe(mentor_id)}_{safe(mentee_id)}"
    if (safe(mentor_id), safe(mentee_id)) != (mentor_id, mentee_id):
        digest = hashlib.sha256(f"{mentor_id}\x00{mentee_id}".encode()).hexdigest()[:8]
        stem += f"-{digest}"
    return stem


def invitation_uid_seed(inp: PairKitInput) -> str:
    """What the first meeting's ``UID`` is made from: the programme and the pair, not the
    slot, so that a kit made again (another day, another time) moves the event already in
    the pair's calendars instead of adding a second first meeting."""
    return "\x00".join(("first-meeting", inp.settings.programme, inp.mentor.id, inp.mentee.id))


def compose_kit(inp: PairKitInput, template: KitTemplate, html_template: KitTemplate | None,
                now: dt.datetime) -> PairKit:
    """The kit of one pair: the introduction rendered from ``template`` (and
    ``html_template`` when given), the first meeting, the ``.eml``, ``.ics`` and
    ``mailto:`` link.

    Args:
        now: when the kit is made (aware; the e-mail's ``Date:``, the invitation's stamp).

    Raises:
        KitTemplateError: a template with a syntax error or an unknown field.
    """
    slot = meeting_slot(inp.mentor.utc_offset, inp.mentee.utc_offset, inp.first_day,
                        inp.settings, inp.default_offset)
    fields = intro_fields(inp, slot)
    subject, body = split_subject(render_template(template, fields))
    p = _phrases(inp.language)
    names = {"mentor": _name(inp.mentor), "mentee": _name(inp.mentee)}
    subject = one_line(subject) or str(p["summary"]).format(**names)
    html = render_template(html_template, fields) if html_template is not None else None
    known: list[tuple[str, str]] = []
    invalid: list[tuple[str, str]] = []
    for person in (inp.mentor, inp.mentee):
        if person.email.strip():
            address = clean_address(person.email)
            if address is None:
                invalid.append((_name(person), person.email))
            else:
                known.append((_name(person), address))
    if invalid:
        logger.warning("kit %s -> %s: %d e-mail address(es) left out, not plain addresses",
                       inp.mentor.id, inp.mentee.id, len(invalid))
    settings = inp.settings
    organizer = (settings.coordinator or settings.programme or settings.coordinator_email,
                 settings.coordinator_email) if settings.coordinator_email else None
    location = fields["location"] or str(p["video"])
    ics = invitation(str(p["summary"]).format(**names), str(p["description"]).format(**names),
                     slot.start, slot.end, known, invitation_uid_seed(inp), now, location,
                     organizer)
    stem = file_stem(inp.mentor.id, inp.mentee.id)
    eml = message_bytes(subject, body, known, now, html, organizer,
                        [("first-meeting.ics", "calendar", ics)])
    return PairKit(inp.mentor, inp.mentee, inp.language, subject, body, html, slot, eml, ics,
                   mailto_link(subject, body, [a for _, a in known]), stem, tuple(invalid))
