"""An invitation proposal for a pair's first meeting, as RFC 5545 text written by hand.

Lines end with CRLF and are folded at 75 octets (never inside a UTF-8 character); text
values are escaped (backslash, semicolon, comma, line breaks); times are UTC (``...Z``).
``METHOD:PUBLISH``: a proposal the pair adds to their calendars, not a meeting request a
server tracks. One ``ATTENDEE`` per known e-mail address, an ``ORGANIZER`` when the
programme gave its coordinator's address (only plain addresses: see
:func:`.mail.clean_address`).

The ``UID`` is the caller's to make stable: the same event (a pair's first meeting) keeps
its ``UID`` when the kit is made again, so importing the new invitation moves the event
instead of adding a second one (RFC 5546: same ``SEQUENCE``, a later ``DTSTAMP`` wins).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from collections.abc import Sequence

from .mail import clean_address, one_line

__all__ = ["Attendee", "escape_text", "fold_line", "invitation"]

logger = logging.getLogger(__name__)

PRODID = "-//Tandem//Pair kit//EN"
_LIMIT = 75  # octets per line, CRLF aside


Attendee = tuple[str, str]
"""``(name, e-mail address)``."""


def escape_text(value: str) -> str:
    """A TEXT value escaped as RFC 5545 3.3.11 asks (control characters other than a tab
    and a line break, which TEXT does not allow, removed)."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", value)
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def _param(value: str) -> str:
    """A parameter value (a ``CN``): no double quote or control character; quoted when it
    holds ``:``, ``;`` or ``,``."""
    value = re.sub(r'["\x00-\x1f\x7f-\x9f]', "", one_line(value))
    return f'"{value}"' if re.search(r"[:;,]", value) else value


def fold_line(line: str) -> str:
    """One content line folded at 75 octets (continuations start with a space), CRLF ended."""
    out: list[str] = []
    current = b""
    limit = _LIMIT
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > limit:
            out.append(current.decode("utf-8"))
            current = b""
            limit = _LIMIT - 1  # a continuation line begins with one space
        current += encoded
    out.append(current.decode("utf-8"))
    return "\r\n ".join(out) + "\r\n"


def _utc(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def invitation(summary: str, description: str, start: dt.datetime, end: dt.datetime,
               attendees: Sequence[Attendee], uid_seed: str, stamp: dt.datetime,
               location: str = "", organizer: Attendee | None = None) -> str:
    """The ``.ics`` text of one event.

    Args:
        summary, description, location: plain text (escaped here).
        start, end: aware datetimes (written in UTC).
        attendees: ``(name, e-mail)`` of each person with a known address.
        uid_seed: what makes the event's ``UID`` (the same seed, the same UID: a second
            import updates the event instead of adding one).
        stamp: the ``DTSTAMP`` (when the kit was made).
        organizer: ``(name, e-mail)`` of the coordinator, when known.
    """
    uid = hashlib.sha256(uid_seed.encode("utf-8")).hexdigest()[:32]
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", "BEGIN:VEVENT", f"UID:{uid}@tandem.invalid",
             f"DTSTAMP:{_utc(stamp)}", f"DTSTART:{_utc(start)}", f"DTEND:{_utc(end)}",
             "SEQUENCE:0",
             f"SUMMARY:{escape_text(summary)}", f"DESCRIPTION:{escape_text(description)}"]
    if location:
        lines.append(f"LOCATION:{escape_text(location)}")
    if organizer is not None and (address := clean_address(organizer[1])) is not None:
        lines.append(f"ORGANIZER;CN={_param(organizer[0])}:mailto:{address}")
    for name, email in attendees:
        if (address := clean_address(email)) is not None:
            lines.append(f"ATTENDEE;CN={_param(name)};ROLE=REQ-PARTICIPANT;"
                         f"PARTSTAT=NEEDS-ACTION:mailto:{address}")
    lines += ["STATUS:TENTATIVE", "TRANSP:OPAQUE", "END:VEVENT", "END:VCALENDAR"]
    return "".join(fold_line(line) for line in lines)
