"""Numbers and dates as each language of the page writes them (``30,2`` and ``28/11/2026``
in French)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

__all__ = ["WRITTEN_LANGUAGES", "format_date", "format_month", "format_number", "format_percent",
           "parse_date"]


WRITTEN_LANGUAGES = ("en", "fr")
"""The languages this tool writes in: the page, reasons, reports."""

_MONTHS = {
    "en": "January February March April May June July August September October November "
    "December".split(),
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre "
    "décembre".split(),
}


def format_number(value: float | None, lang: str, digits: int = 1) -> str:
    """``30.2`` in English, ``30,2`` in French; integers without decimals."""
    if value is None:
        return ""
    rounded = round(float(value), digits)
    text = f"{rounded:g}" if rounded != int(rounded) else str(int(rounded))
    return text.replace(".", ",") if lang == "fr" else text


def format_percent(share: float, lang: str) -> str:
    """``0.814`` -> ``81%`` in English, ``81 %`` in French."""
    number = round(100 * float(share))
    return f"{number} %" if lang == "fr" else f"{number}%"


def format_date(iso: str | None, lang: str) -> str:
    """An ISO date as the page's language writes it (``28/11/2026`` in French)."""
    if not iso:
        return ""
    try:
        day = dt.date.fromisoformat(str(iso)[:10])
    except ValueError:
        return str(iso)
    return day.strftime("%d/%m/%Y") if lang == "fr" else day.isoformat()


def format_month(month: str, lang: str) -> str:
    """``2026-05`` -> ``May 2026`` / ``mai 2026``."""
    try:
        year, number = month.split("-")
        return f"{_MONTHS.get(lang, _MONTHS['en'])[int(number) - 1]} {year}"
    except (ValueError, IndexError):
        return month


def parse_date(text: Any, lang: str) -> str | None:
    """An ISO date from what a coordinator typed or picked: ``YYYY-MM-DD`` always, a date
    control's timestamp, and ``DD/MM/YYYY`` (or ``DD.MM.YYYY``, ``DD-MM-YYYY``) in French.
    ``None`` when it is not a date."""
    if text is None or text == "":
        return None
    if isinstance(text, (int, float)):
        return dt.datetime.fromtimestamp(float(text)).date().isoformat()
    value = str(text).strip()
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?", value)
    french = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", value)
    try:
        if iso:
            return dt.date(int(iso[1]), int(iso[2]), int(iso[3])).isoformat()
        if french and lang == "fr":
            return dt.date(int(french[3]), int(french[2]), int(french[1])).isoformat()
    except ValueError:
        return None
    return None
