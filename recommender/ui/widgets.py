"""Small pieces the page's builders and events share: texts and choices in a language."""

from __future__ import annotations

from typing import Any

import gradio as gr

from ..language.formats import format_percent
from ..matching.params import DIRECTIONS
from .forms import fields_help
from .i18n import LEVELS, t, word

__all__ = ["choices_update", "direction_choices", "flagged", "markdown_text", "pref_choices",
           "role_choices"]


def markdown_text(key: str, lang: str) -> str:
    if key == "levels_explained":
        floors = {name: format_percent(floor, lang) for name, floor in LEVELS[:-1]}
        return t(key, lang, **floors)
    if key in ("review_title", "manual_title", "map_title"):
        return f"### {t(key, lang)}"
    if key == "map_fields_help":
        return fields_help(lang)
    return t(key, lang)


def pref_choices(lang: str) -> list[tuple[str, str]]:
    return [(word(x, lang), x) for x in ("mentor", "mentee", "either")]


def role_choices(lang: str) -> list[tuple[str, str]]:
    return [(word("mentor", lang), "mentor"), (word("mentee", lang), "mentee"),
            (t("role_from_file", lang), "file")]


def flagged(table: Any) -> Any:
    """The value maps with the answers that have no suggestion highlighted."""
    if not hasattr(table, "style") or table.empty:
        return table
    last = table.columns[-1]

    def colour(row: Any) -> list[str]:
        flag = str(row[last]).startswith("⚠")
        return ["background-color: #fdf1d6; font-weight: 600" if flag else ""] * len(row)

    return table.style.apply(colour, axis=1)


def choices_update(choices: list[tuple[str, str]], value: Any) -> Any:
    values = {v for _, v in choices}
    return gr.update(choices=choices, value=value if value in values else None)


def direction_choices(lang: str) -> list[tuple[str, str]]:
    """The programme's directions, labelled in ``lang`` (value: the direction's name)."""
    return [(t(f"direction_{d}", lang), d) for d in DIRECTIONS]
