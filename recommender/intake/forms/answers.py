"""What a column's answers look like, and how that corrects the header's reading."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ...language.names import language_code, parse_languages
from ...language.text import fold, words
from ..cells import canonical_column, cell_text, is_blank, number, split_items
from .mapping import TEXT_FIELDS
from .values import suggest_role, suggest_years

__all__ = ["EMAIL", "Answers", "analyse", "with_answers"]

# --------------------------------------------------------------------------- answers
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


_DATETIME = re.compile(
    r"^\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?\s*"
    r"(?:[ap]\.?m\.?)?\s*(?:gmt|utc)?[+\-]?[\d:]*)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Answers:
    """What a column's answers look like."""

    count: int  # non-empty answers
    rows: int
    distinct: tuple[str, ...]
    kind: str
    mean_words: float
    language_share: float
    checkbox: bool
    years: tuple[tuple[str, tuple[float, str] | None], ...] = ()
    roles: tuple[tuple[str, tuple[str, str] | None], ...] = ()
    single_codes: bool = False  # every answer is one ISO 639-1 code ("FR", "IT")
    rising: bool = False  # whole numbers rising from row to row (a response number)

    @property
    def years_share(self) -> float:
        return sum(1 for _, s in self.years if s) / len(self.years) if self.years else 0.0


def _looks_checkbox(values: Sequence[str]) -> bool:
    """Answers made of ticked options: several items per answer, items repeated across rows."""
    split = [split_items(v) for v in values]
    multi = sum(1 for items in split if len(items) >= 2)
    if not values or multi < max(1, 0.2 * len(values)):
        return False
    counts = Counter(item.casefold() for items in split for item in items)
    total = sum(counts.values())
    repeated = sum(c for c in counts.values() if c >= 2)
    mean_words = sum(len(i.split()) * c for i, c in counts.items()) / total
    # Options can be long ("Machine Learning (Supervised / Semi-Supervised / Online)"): what
    # tells them from sentences is that the same ones come back, row after row.
    return repeated / total >= 0.5 and mean_words <= 12


_YES_NO = frozenset("yes no oui non si sim nao ja nein true false vrai faux never jamais "
                    "nunca nie always toujours siempre sempre".split())


def _yes_no(texts: Sequence[str]) -> bool:
    """Answers that say yes or no, possibly more ("Yes, with another organization")."""
    first = [next(iter(words(fold(t))), "") for t in texts]
    return bool(texts) and sum(w in _YES_NO for w in first) >= 0.8 * len(texts)


def _single_codes(texts: Sequence[str]) -> bool:
    return bool(texts) and all(language_code(t, any_code=True) and len(t.strip()) <= 3
                               for t in texts)


def _language_share(texts: Sequence[str]) -> float:
    """The share of answers that name languages, less for every part that names none.

    Answers that are a single two-letter code each ("IT", "HR", "FR") count only when some
    answer names a language in words or lists several codes ("FR; EN"): a department
    column (IT, HR) is not a languages column, whatever ISO 639 says; its header decides
    (:func:`with_answers`)."""
    named = single = unknown = 0
    for t in texts:
        found, missing = parse_languages(t)
        unknown += len(missing)
        if found and len(found) == 1 and all(len(w) <= 3 for w in words(fold(t))):
            single += 1
        elif found:
            named += 1
    counted = named + single if named else 0
    return counted / (len(texts) + unknown)


def analyse(cells: Sequence[Any]) -> Answers:
    values = [v for v in cells if not is_blank(v)]
    texts = [cell_text(v) for v in values]
    distinct = tuple(dict.fromkeys(texts))
    n = len(texts)
    if not n:
        return Answers(0, len(cells), (), "empty", 0.0, 0.0, False)
    mean_words = sum(len(t.split()) for t in texts) / n
    language_share = _language_share(texts)
    checkbox = _looks_checkbox(texts)
    numbers = [number(v) for v in values]
    kind = "text" if mean_words >= 6 else "short"
    if all(isinstance(v, (dt.date, dt.datetime, dt.time)) or _DATETIME.match(t)
           for v, t in zip(values, texts, strict=True)):
        kind = "date"
    elif all(x is not None for x in numbers):
        ints = [x for x in numbers if x is not None]
        kind = "sequence" if sorted(ints) == [float(i) for i in range(1, n + 1)] and n > 1 \
            else "number"
    elif sum(bool(EMAIL.fullmatch(t)) for t in texts) >= 0.7 * n:
        kind = "email"
    elif _yes_no(texts):
        kind = "yesno"
    elif checkbox:
        kind = "checkbox"
    elif language_share >= 0.6:
        kind = "languages"
    elif len(distinct) <= 12 and len(distinct) <= 0.7 * n and mean_words <= 12:
        kind = "category"
    years = tuple((d, suggest_years(d)) for d in distinct) if kind in (
        "category", "short", "number") else ()
    roles = tuple((d, suggest_role(d)) for d in distinct) if kind in ("category", "short") \
        else ()
    ints = [x for x in numbers if x is not None and x == int(x)]
    rising = len(ints) == n > 1 and all(b > a for a, b in itertools.pairwise(ints))
    return Answers(n, len(cells), distinct, kind, mean_words, language_share, checkbox,
                    years, roles, _single_codes(texts), rising)


def _seniority(answers: Answers) -> bool:
    """Categories or ranges that say how experienced someone is."""
    if answers.kind not in ("category", "short") or not answers.years:
        return False
    ranges = all(s is not None and not s[1].startswith("typical") for _, s in answers.years)
    return answers.years_share >= 0.6 and (answers.kind == "category" or ranges)


_NUMBER_HEADERS = frozenset({"id", "number", "nr", "no", "n", "num", "numero",
                             "response_number", "n_number", "row"})
"""Headers a form gives its response number under (Microsoft Forms: "ID")."""


def with_answers(scores: dict[str, tuple[float, str]], answers: Answers,
                  meta_present: bool, canonical: str) -> dict[str, tuple[float, str]]:
    """Adjust header scores with what the answers look like."""
    out = dict(scores)

    def put(name: str, score: float, reason: str) -> None:
        old = out.get(name)
        if old is None or score > old[0]:
            joined = f"{reason}; {old[1]}" if old else reason
            out[name] = (min(score, 1.0), joined)

    def cap(name: str, score: float, why: str) -> None:
        if name in out and out[name][0] > score:
            out[name] = (score, f"{out[name][1]}, but {why}")

    kind = answers.kind
    if answers.rows == 0:  # a header without rows: the header alone decides
        return out
    if kind == "empty":
        for name in list(out):
            if not name.startswith("_"):
                cap(name, min(out[name][0], 0.45), "no row answers it")
        return out
    if kind == "date":
        put("_meta", 0.9, "the answers are dates and times")
    if canonical in _NUMBER_HEADERS and answers.rising and (meta_present
                                                          or kind == "sequence"):
        out.pop("id", None)
        put("_meta", 0.97, "the answers are a response number (1, 2, 3... rising from row to "
            "row) that every form restarts, so it cannot identify a person")
    if answers.distinct and all(canonical_column(d) == canonical for d in answers.distinct):
        # Typeform and others give each ticked option its own column, headed by the option
        put("_topics", 0.8, "each answer repeats the header: a ticked option of a "
            "multiple-choice question")
    if "id" in out and len(answers.distinct) < answers.count:
        cap("id", 0.3, "the answers repeat, so they cannot identify people")
    if kind == "yesno":
        # a yes to "Would you prefer a mentor from another team?" is a preference: the
        # question says what (the coordinator writes it as a condition)
        for name in [n for n in out if not n.startswith("_") and n != "preferences"]:
            cap(name, 0.3, "the answers say yes or no")
    if kind == "email" and out.get("manager_id", (0.0, ""))[0] >= 0.7:
        put("manager_id", 0.97, "the header names a manager and the answers are e-mail "
            "addresses (the manager's)")
    elif kind == "email":
        put("email", max(out.get("email", (0.0, ""))[0], 0.9), "the answers are e-mail addresses")
    else:
        cap("email", 0.35, "the answers are not e-mail addresses")
    if kind == "languages" or answers.language_share >= 0.6:
        header_says = out.get("languages", (0.0, ""))[0]
        put("languages", max(header_says, 0.85 if header_says >= 0.5 else 0.6),
            f"{answers.language_share:.0%} of the answers name languages")
        if "_nationality" in out:
            cap("languages", 0.35, "the header asks for a nationality")
    elif answers.single_codes and out.get("languages", (0.0, ""))[0] >= 0.5:
        put("languages", max(out["languages"][0], 0.85),
            "the header asks for languages and the answers are language codes")
    elif answers.single_codes:
        put("languages", 0.45, "the answers are two-letter codes, which may be languages or "
            "not (IT, HR): the header does not say")
    elif "languages" in out:
        cap("languages", 0.4, f"only {answers.language_share:.0%} of the answers name "
            "languages")
    if _seniority(answers):
        share = answers.years_share
        put("years_experience", max(out.get("years_experience", (0.0, ""))[0] + 0.1, 0.85),
            f"the answers are {len(answers.distinct)} seniority categories or ranges "
            f"({share:.0%} recognised)")
        cap("role", 0.45, "its answers are seniority categories")
        cap("name", 0.3, "its answers are categories")
    elif "years_experience" in out and kind not in ("number", "category", "short"):
        cap("years_experience", 0.4, "the answers are neither numbers nor categories")
    if "years_experience" in out and kind == "number":
        put("years_experience", out["years_experience"][0] + 0.05, "the answers are numbers")
    if kind in ("text", "checkbox"):
        for name in ("name", "id", "years_experience", "capacity"):
            cap(name, 0.3, "the answers are free text")
    if kind in ("number", "sequence", "date"):
        for name in (*TEXT_FIELDS, "_topics", "name", "languages"):
            cap(name, 0.3, f"the answers are {'dates' if kind == 'date' else 'numbers'}")
    roles = [r for _, r in answers.roles if r]
    if answers.roles and len(roles) >= 0.8 * len(answers.roles):
        put("role_preference", max(out.get("role_preference", (0.0, ""))[0], 0.8),
            "the answers name the mentor and mentee roles")
        cap("years_experience", 0.4, "its answers name the mentor and mentee roles")
        cap("role", 0.4, "its answers are the mentor and mentee roles, not job titles")
    return out
