"""One reader of a cell, whatever the file and whoever reads it (the people reader, the
sign-up form importer, the notes and topics readers): blanks, text, numbers with a decimal
comma, lists of ticked options, languages, dates; and how a value is named in a message.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from typing import Any

from ..language.names import language_parts, parse_languages
from ..language.text import fold

__all__ = ["BAD_CHARS", "CHAR_NAMES", "answer_parts", "canonical_column", "cell_text", "is_blank", "iso_date",
           "kind_of", "languages", "number", "show", "split_items", "utc_offset", "value_key"]


def canonical_column(header: Any) -> str:
    """Fold a header to a key: lower case, no accents, ``_`` between words; ``#`` is
    "number" (Typeform's first column, "Ticket #")."""
    text = fold(str(header)).replace("#", " number ")
    return re.sub(r"[^a-z0-9]+", "_", text.strip()).strip("_")


BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


CHAR_NAMES = {0x00: "NUL", 0x08: "backspace", 0x0B: "vertical tab", 0x0C: "form feed",
               0x1B: "escape", 0x7F: "delete"}


def kind_of(value: Any) -> str:
    """How a user would call a value's type."""
    if isinstance(value, Mapping):
        return "an object {...}"
    if isinstance(value, (list, tuple, set, frozenset)):
        return "a list [...]"
    if isinstance(value, (bytes, bytearray)):
        return "bytes"
    if isinstance(value, bool):
        return "true/false"
    if value is None:
        return "null"
    if isinstance(value, (int, float)):
        return "a number"
    return "a text"


def show(value: Any, width: int = 60) -> str:
    """A value as quoted in a message: containers named, long texts cut."""
    if isinstance(value, (Mapping, list, tuple, set, frozenset, bytes, bytearray)):
        return kind_of(value)
    text = str(value)
    text = BAD_CHARS.sub("?", text)
    return text if len(text) <= width else f"{text[:width]}…"


# --------------------------------------------------------------------------- values
def is_blank(value: Any) -> bool:
    """Whether a cell holds nothing (``None``, NaN, pandas' missing values, spaces)."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if type(value).__name__ in ("NAType", "NaTType"):  # pandas' missing values
        return True
    return isinstance(value, str) and value.strip() == ""


def cell_text(value: Any) -> str:
    """A cell as text, trimmed; ``""`` when blank; a whole float without its ``.0`` (a
    spreadsheet's ``3.0`` is the ``3`` someone typed)."""
    if is_blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def value_key(value: Any) -> str:
    """How answers are compared with each other and with value-map keys: folded, single
    spaces."""
    return " ".join(fold(cell_text(value)).split())


def number(value: Any) -> float | None:
    """A cell as a finite number (French decimal comma and thin-space thousands read), or
    ``None`` when it is not one (text, true/false, NaN, infinity, too large)."""
    if isinstance(value, bool):
        return None
    try:
        if isinstance(value, (int, float)):
            result = float(value)
        else:
            result = float(re.sub(r"[\s\u202f\u00a0]", "", cell_text(value)).replace(",", "."))
    except (ValueError, OverflowError):
        return None
    return result if math.isfinite(result) else None


def split_items(answer: Any) -> list[str]:
    """Split a list of ticked options into its items, each once.

    Google Forms joins the ticked options with ``", "``, Microsoft Forms with ``";"``;
    new lines separate items too. Commas inside brackets do not split
    (``"Junior Ph.D. Student (1st, 2nd year)"`` stays whole).
    """
    text = cell_text(answer)
    items: list[str] = []
    depth = 0
    current: list[str] = []
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        if ch in ";\n" or (ch == "," and depth == 0):
            items.append("".join(current))
            current = []
            continue
        current.append(ch)
    items.append("".join(current))
    out: list[str] = []
    for item in (i.strip() for i in items):
        if item and item not in out:
            out.append(item)
    return out


def answer_parts(value: Any, checkbox: bool) -> list[str]:
    """The parts of a languages answer that each name languages, as the proposal and the
    import both read them: a checkbox answer's ticked items first (:func:`split_items`),
    then each cut at separators and "and" (:func:`~recommender.language.names.language_parts`)."""
    items = split_items(value) if checkbox else [cell_text(value)]
    return [part for item in items for part in language_parts(item)]


def languages(value: Any) -> tuple[list[str], list[str]]:
    """The ISO 639-1 codes a languages cell names (``"fr;en"``, ``"Inglés; Français"``,
    ``"English and Spanish (native)"``, a list of names; any ISO 639-1 code) and the parts
    that name no language (see :func:`~recommender.language.names.parse_languages`)."""
    if isinstance(value, (list, tuple)):
        value = ";".join(str(v) for v in value)
    return parse_languages(cell_text(value), any_code=True)


def iso_date(value: Any) -> str:
    """A date cell (a date, a datetime, an ISO 8601 text) as ``YYYY-MM-DD``.

    Raises:
        ValueError: not a date.
    """
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return dt.datetime.fromisoformat(cell_text(value)).date().isoformat()


_OFFSET = re.compile(r"(?:\b(?:utc|gmt|z)\s*)?(?P<sign>[+\-−–])\s*(?P<hours>\d{1,2})"
                     r"(?:\s*[:h.]\s*(?P<minutes>\d{1,2}))?(?!\d)", re.IGNORECASE)
_ZONE = re.compile(r"\b[A-Z][A-Za-z_]+/[A-Za-z_]+(?:/[A-Za-z_]+)?\b")
_UTC_ALONE = re.compile(r"^\(?\s*(utc|gmt|z)\s*\)?(\s|$)", re.IGNORECASE)
_ABBREVIATIONS = {
    "pst": -8, "pdt": -7, "mst": -7, "mdt": -6, "cst": -6, "cdt": -5, "est": -5, "edt": -4,
    "ast": -4, "nst": -3.5, "brt": -3, "art": -3, "clt": -4, "wet": 0, "west": 1, "bst": 1,
    "gmt": 0, "utc": 0, "cet": 1, "cest": 2, "met": 1, "eet": 2, "eest": 3, "msk": 3,
    "wat": 1, "cat": 2, "sast": 2, "eat": 3, "gst": 4, "pkt": 5, "ist": 5.5, "npt": 5.75,
    "ict": 7, "wib": 7, "sgt": 8, "hkt": 8, "awst": 8, "pht": 8, "jst": 9, "kst": 9,
    "acst": 9.5, "aest": 10, "aedt": 11, "nzst": 12, "nzdt": 13, "hst": -10, "akst": -9,
}
"""Time-zone abbreviations people write, in hours (IST: India, the commonest in forms)."""


def utc_offset(value: Any, when: dt.date | None = None) -> float | None:
    """The hours east of UTC a time-zone cell says, or ``None`` when it says none.

    Reads what forms and people write: ``"(GMT-03:00) Brasilia"``, ``"UTC+5:30"``,
    ``"GMT +1"``, ``"-3"``, ``"+05.45"``, ``"UTC"``, abbreviations in capitals (``"CET"``,
    ``"PST"``, ``"IST"`` read as India's), and IANA names (``"Europe/Paris"``:
    its offset on ``when``, by default the 15th of January of this year, so that a
    programme's people compare on one date). A plain number is read as hours; an offset
    outside -12..+14 is no offset.
    """
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        hours = float(value)
        return hours if math.isfinite(hours) and -12 <= hours <= 14 else None
    text = cell_text(value)
    if not text:
        return None
    etc = re.search(r"\bEtc/GMT([+-]\d{1,2})\b", text)
    if etc:  # the IANA "Etc" zones count the other way: Etc/GMT+3 is UTC-3
        hours = -float(etc.group(1))
        return hours if -12 <= hours <= 14 else None
    found = _OFFSET.search(text)
    if found and (found.group(0)[:1].isalpha() or re.fullmatch(r"\s*\(?\s*[+\-−–]?\s*[\d:h.]+\s*\)?"
                                                               r"(\s.*)?", text)):
        sign = -1 if found["sign"] in "-−–" else 1
        tail = found["minutes"] or ""
        # "5:30", "05.45": minutes; "5.5", "5.75", "5.25": decimal hours
        decimal = "." in found.group(0) and tail in ("50", "25", "75", "5")
        hours = sign * (int(found["hours"]) + (int(tail) / 10 ** len(tail) if decimal
                                              else int(tail or 0) / 60))
        return hours if -12 <= hours <= 14 else None
    if number(text) is not None:
        hours = float(number(text) or 0.0)
        return hours if -12 <= hours <= 14 else None
    zone = _ZONE.search(text)
    if zone:
        import zoneinfo

        try:
            tz: dt.tzinfo | None = zoneinfo.ZoneInfo(zone.group(0))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            tz = None  # "CET/CEST": no zone name, maybe abbreviations
        if tz is not None:
            day = when or dt.date(dt.date.today().year, 1, 15)
            offset = dt.datetime(day.year, day.month, day.day, 12, tzinfo=tz).utcoffset()
            return offset.total_seconds() / 3600 if offset is not None else None
    if _UTC_ALONE.match(text):
        return 0.0
    for word in re.findall(r"[A-Za-z]{2,5}", text):
        if word.isupper() and word.lower() in _ABBREVIATIONS:
            return float(_ABBREVIATIONS[word.lower()])
    return None
