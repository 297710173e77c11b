"""Helpers of the "map the columns" step of the Participants tab (no Gradio here)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import ValidationError
from ..intake.cells import canonical_column, number
from ..intake.forms.mapping import FIELDS, is_field
from ..intake.forms.propose import header_of
from ..intake.readers import read_form_table
from ..language.text import fold
from .i18n import LANGUAGES, t

__all__ = ["IGNORE", "PREVIEW_ROWS", "MappingStep", "field_choices", "field_of_cell", "fields_help",
           "guess_role", "original_headers", "reason_text", "short", "warning_text", "years_value"]

logger = logging.getLogger(__name__)


# ---------------------------------------------------------------------- sign-up forms
IGNORE = "ignore"
_IGNORE_WORDS = frozenset({"ignore", "ignored", "ignorer", "ignoree", "ignorees", "(ignored)",
                           "(ignoree)", "-"})
PREVIEW_ROWS = 5
_FIELD_WORDS = {"years_experience": "years", "manager_id": "manager",
                "role_preference": "side", "email": "email", "location": "location", "id": "id"}


def _fold_word(text: Any) -> str:
    return canonical_column(str(text or "")).replace("_", " ").strip()


def field_choices(lang: str = "en") -> list[tuple[str, str]]:
    """The fields a form column can feed, labelled in ``lang`` (value: the field's name)."""
    out = [(f"{name} — {t('field_' + name, lang)}", name) for name in FIELDS]
    return [*out, (f"{IGNORE} — {t('field_ignore', lang)}", IGNORE)]


def field_of_cell(cell: Any, lang: str) -> str | None:
    """The field a coordinator typed in the mapping table: a field's name or its label in
    either language, ``ignore``; ``""`` for not used; None when it names no field."""
    key = _fold_word(cell)
    if not key:
        return ""
    if is_field(key.replace(" ", "_")):
        return key.replace(" ", "_")
    if key.replace(" ", "") in {w.replace("(", "").replace(")", "") for w in _IGNORE_WORDS} \
            or key in {_fold_word(t("field_ignore", lg)) for lg in LANGUAGES}:
        return IGNORE
    for name in FIELDS:
        if key in {_fold_word(t("field_" + name, lg)) for lg in LANGUAGES}:
            return name
        if key.replace(" ", "_") == name.split("_")[0]:  # "years", "manager", "role"
            return name
    return None


def guess_role(file_name: str) -> str:
    stem = fold(Path(file_name).stem)
    if re.search(r"(?<![a-z])(mentees?|mentores?|mentorees?|mentorados?|mentoradas?)(?![a-z])",
                 stem):
        return "mentee"
    if re.search(r"(?<![a-z])(mentors?|mentoras?|tuteurs?)(?![a-z])", stem):
        return "mentor"
    return ""


def original_headers(path: str | Path) -> dict[str, str]:
    """Folded column key -> the question as the form wrote it (for display only), as the
    form reader reads it (a question asked twice told apart: "... (2)")."""
    try:
        rows = read_form_table(path)
    except ValidationError as exc:
        logger.debug("could not read the header of %s: %s", Path(path).name, exc)
        return {}
    return {canonical_column(h): h for h in header_of(rows)}


def years_value(cell: Any) -> float | None:
    """A number of years typed in a table cell (``"3,5"``), None when it is no number: the
    cell reader's rule (:func:`~recommender.intake.cells.number`)."""
    return number(cell)


def short(value: Any, size: int = 70) -> str:
    text = " ".join(str(value or "").split())
    return text if len(text) <= size else text[:size - 1] + "…"


@dataclass(frozen=True)
class MappingStep:
    """The "map the columns" step of an upload, as the page shows it.

    Attributes:
        needed: whether the file needs a mapping (else import it as it is).
        path: the private copy of the upload that the step imports (None: nothing pending).
        intro: Markdown: the file, its rows and columns found, what the project misses, and
            whether a mapping saved for this form is proposed.
        columns: the mapping table (form column, field, confidence, examples, how it is read).
        values: the value maps to confirm (form column, answer, value, suggestion).
        role: ``mentor``, ``mentee`` or ``""`` (from the file).
        preview: the first rows as they would be imported.
        checks: Markdown: warnings, unused columns, problems found in the file.
        message: a line for the import report box.
    """

    needed: bool
    path: str | None
    intro: str = ""
    columns: pd.DataFrame | None = None
    values: pd.DataFrame | None = None
    role: str = ""
    preview: pd.DataFrame | None = None
    checks: str = ""
    message: str = ""


_FR_REASONS: tuple[tuple[str, str], ...] = (
    (r"form metadata: ", "métadonnée du formulaire : "),
    (r"the header mentions ", "l'en-tête mentionne "),
    (r"close to the form wording '([^']*)' \((\d+)% alike\)",
     r"proche de la question « \1 » (\2 % de ressemblance)"),
    (r"the answers are (\d+) seniority categories or ranges \((\d+)% recognised\)",
     r"les réponses sont \1 catégories ou tranches d'ancienneté (\2 % reconnues)"),
    (r": subjects of interest", " : sujets d'intérêt"),
    (r"no field recognised", "aucun champ reconnu"),
    (r"answers chosen from a list", "réponses choisies dans une liste"),
    (r"short answers", "réponses courtes"),
    (r"no row answers it", "aucune ligne n'y répond"),
    (r"free-text answers: add it to profile, offers or wants if they help matching",
     "réponses libres : associez-la à profile, offers ou wants si elles aident l'appariement"),
    (r"already comes from", "vient déjà de"),
    (r"\(confidence (\d+)%\)", r"(confiance \1 %)"),
    (r"typical for an? ", "valeur typique : "),
    (r"language name", "nom de langue"),
    (r"midpoint of the range", "milieu de la tranche"),
    (r"no figure recognised: ", "aucun chiffre reconnu : "),
    (r"the median of the column's other answers", "la médiane des autres réponses de la "
     "colonne"),
    (r"names no role: either side", "ne nomme aucun rôle : l'un ou l'autre côté"),
    (r"no number in the answer: ", "aucun nombre dans la réponse : "),
    (r"names no language this tool knows: left out unless you give its ISO 639-1 code",
     "ne nomme aucune langue connue de l'outil : laissée de côté sauf si vous donnez son "
     "code ISO 639-1"),
    (r", a default to confirm", ", valeur par défaut à confirmer"),
    (r"no preference: no condition", "pas de préférence : aucune condition"),
    (r"free text: write the condition \(e\.g\. 'level >= Master's student', 'sector = "
     r"Academia'\) or leave it empty", "texte libre : écrivez la condition (par ex. "
     "« level >= Master's student », « sector = Academia ») ou laissez vide"),
    (r"yes: write the condition the question describes \(e\.g\. 'department != Finance'\) "
     r"or leave it empty", "oui : écrivez la condition que décrit la question (par ex. "
     "« department != Finance ») ou laissez vide"),
    (r"a level: a condition on the partner's level, to confirm",
     "un niveau : une condition sur le niveau du binôme, à confirmer"),
    (r"a choice: the partner must have given this answer, to confirm",
     "un choix : le binôme doit avoir donné cette réponse, à confirmer"),
)


def reason_text(reason: str, lang: str) -> str:
    """A reason of the proposal (written in English by :mod:`recommender.intake.forms`) in
    ``lang``: the usual wordings are translated, anything else is kept as written."""
    if lang != "fr":
        return reason
    for pattern, replacement in _FR_REASONS:
        reason = re.sub(pattern, replacement, reason)
    return reason


_LOOKS_LIKE = re.compile(r"column '(?P<column>.+?)' looks like (?P<field>\w+) but is not used")
_NO_LANGUAGE = re.compile(r"row (?P<row>\d+): no languages given or guessed")


def warning_text(warning: str, lang: str, labels: dict[str, str]) -> str:
    """A warning of the import report in ``lang`` (columns named as the form wrote them)."""
    found = _LOOKS_LIKE.search(warning)
    if found:
        column = found["column"]
        return t("warn_looks_like", lang, column=labels.get(column, column),
                 field=found["field"])
    found = _NO_LANGUAGE.search(warning)
    if found:
        return t("warn_no_language", lang, row=found["row"])
    return warning


def fields_help(lang: str) -> str:
    """The legend under the mapping table: every field's name and what it is, in ``lang``."""
    names = [f"**{n}** ({t('field_' + n, lang)})" for n in (*FIELDS, IGNORE)]
    return t("map_fields_help", lang, fields=", ".join(names))
