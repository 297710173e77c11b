"""What a form's answers are worth: years for a seniority answer, a role, a capacity.

Years suggested for answers (:func:`suggest_years`), all to be confirmed: a closed range
(``"3-5 years"``, ``"0-2 ans"``) gives its midpoint; an open one gives its bound
(``"10+ years"``, ``"Plus de 10 ans"`` -> 10; ``"less than 2 years"`` -> 1, half the
bound); a number of years or months gives it; known categories give a typical figure
(undergraduate 0, master's student 1, junior PhD student 2, PhD student 3, senior PhD
student 4, postdoc 6, faculty member 12, intern 0, apprentice 1, junior 2, mid-level 5,
senior 10, expert or lead 12, manager (``cadre``) 10, director 20, executive 25).
"""

from __future__ import annotations

import re
from typing import Any

from ...language.text import fold, words
from ..cells import cell_text, number

__all__ = ["suggest_capacity", "suggest_role", "suggest_years"]


_RANGE = re.compile(
    r"(?<![\d.])(\d+(?:[.,]\d+)?)\s*(?:-|–|—|à|a|to|y|e|bis|until|hasta|ate|até)\s*"
    r"(\d+(?:[.,]\d+)?)(?![\d.])")


_OPEN_UP = re.compile(
    r"(?:plus de|more than|over|above|au[- ]dela de|mais de|mas de|más de|\+|>|>=|≥)\s*"
    r"(\d+(?:[.,]\d+)?)|(\d+(?:[.,]\d+)?)\s*(?:\+|ans? (?:et|ou) plus|years? (?:and|or) more|"
    r"or more|and more|et plus|ou plus|y mas|ou mais|e mais)")


_OPEN_DOWN = re.compile(
    r"(?:moins de|less than|under|below|menos de|<|<=|≤)\s*(\d+(?:[.,]\d+)?)")


_SINGLE = re.compile(r"^(?:about |environ |~)?(\d+(?:[.,]\d+)?)\s*"
                     r"(ans?|annees?|years?|yrs?|anos?|jahre?|anni|mois|months?|meses)?$")


# (pattern on the folded answer, years, what it is); the first that matches wins.
_CATEGORIES: tuple[tuple[str, float, str], ...] = (
    (r"\bsenior\b.*\b(ph ?d|doctora|doutora)|(ph ?d|doctora|doutora).*\b(3rd|third|3e|3eme|"
     r"troisieme|4th|final|last)\b", 4, "a senior PhD student"),
    (r"\bjunior\b.*\b(ph ?d|doctora|doutora)|(ph ?d|doctora|doutora).*\b(1st|first|2nd|second|"
     r"1re|1ere|2e|2eme|premiere|deuxieme)\b", 2, "a junior PhD student"),
    (r"post ?-?doc|postdoctora|pos ?-?doutora|pos ?-?doc", 6, "a postdoc"),
    (r"\bph ?d\b|doctoran|doctorad|doutorand|doutorad|doctoral|\bthese\b|\btesis\b",
     3, "a PhD student"),
    (r"\bfaculty\b|professor|professeur|profesor|lecturer|maitre de conferences|\bdocente\b|"
     r"enseignant.chercheur|tenure", 12, "a faculty member"),
    (r"master|\bmsc\b|maestria|mestrad|\bm1\b|\bm2\b", 1, "a master's student"),
    (r"undergrad|bachelor|licence|\bbsc\b|pregrado|\bgrado\b|graduacao|graduando|"
     r"licenciatura", 0, "an undergraduate student"),
    (r"stagiaire|\bintern\b|internship|\bstage\b|estagiari|becari|pasante", 0, "an intern"),
    (r"alternan|apprenti|apprentice|work.study|aprendiz", 1, "an apprentice"),
    (r"executive|\bceo\b|\bcto\b|\bvp\b|vice.president|c.level|directeur general|comex|"
     r"director general|diretor geral", 25, "an executive"),
    (r"director|directeur|directrice|directora|diretor|\bhead of\b", 20, "a director"),
    (r"\bcadre\b|manager|gestionnaire|gerente|encadrant", 10, "a manager"),
    (r"expert|\blead\b|principal|staff", 12, "an expert or lead"),
    (r"\bsenior\b|\bsr\b|experimente|experiente|confirme", 10, "a senior"),
    (r"intermediate|mid.level|intermediaire|\bmedio\b|pleno", 5, "mid-level staff"),
    (r"\bjunior\b|\bjr\b|debutant|beginner|principiante|iniciante|early career|"
     r"jeune diplome|new graduate|recien", 2, "a junior"),
)


def suggest_years(answer: Any) -> tuple[float, str] | None:
    """A suggested number of years of experience for a seniority answer, with its reason.

    See the module docstring for the rules. ``None`` when nothing is recognised.

    >>> suggest_years("3-5 ans")
    (4.0, 'midpoint of the range 3-5')
    """
    text = " ".join(fold(cell_text(answer)).split())
    if not text:
        return None
    years = number(text)
    if years is not None:
        return years, "a number of years"
    months = "mois" in text or "month" in text or "meses" in text
    if (m := _RANGE.search(text)) and not months:
        low, high = (float(g.replace(",", ".")) for g in m.groups())
        if low <= high:
            return (low + high) / 2, f"midpoint of the range {m.group(1)}-{m.group(2)}"
    if m := _OPEN_DOWN.search(text):
        bound = float(m.group(1).replace(",", "."))
        bound = bound / 12 if months else bound
        return round(bound / 2, 2), f"half of the upper bound {m.group(1)}"
    if m := _OPEN_UP.search(text):
        bound = float((m.group(1) or m.group(2)).replace(",", "."))
        bound = bound / 12 if months else bound
        return bound, f"lower bound of the open range {m.group(0).strip()}"
    if m := _SINGLE.match(text):
        value = float(m.group(1).replace(",", "."))
        unit = m.group(2) or ""
        if unit.startswith(("mois", "month", "mes")):
            return round(value / 12, 2), f"{m.group(1)} months"
        return value, f"{m.group(1)} years"
    plain = text.replace(".", "")  # "Ph.D." -> "phd"
    for pattern, years, label in _CATEGORIES:
        if re.search(pattern, plain):
            return float(years), f"typical for {label}"
    return None


_MENTEE_WORDS = frozenset("mentee mentees mentore mentoree mentorado mentorada mentorados "
                          "mentoreado mentoreada aprendiz filleul filleule".split())


_MENTOR_WORDS = frozenset("mentor mentors mentora mentoras tuteur tutrice tutor tutora "
                          "marraine parrain".split())


_EITHER_WORDS = frozenset("both either any deux ambos ambas indifferent indiferente "
                          "peu importe".split())


def suggest_role(answer: Any) -> tuple[str, str] | None:
    tokens = set(words(fold(cell_text(answer))))
    mentee = bool(tokens & _MENTEE_WORDS)
    mentor = bool(tokens & _MENTOR_WORDS)
    if tokens & _EITHER_WORDS or (mentee and mentor):
        return "either", "names both roles"
    if mentee:
        return "mentee", "names the mentee role"
    if mentor:
        return "mentor", "names the mentor role"
    return None


def suggest_capacity(answer: Any) -> tuple[int, str] | None:
    if m := re.search(r"\d+", cell_text(answer)):
        return int(m.group(0)), "the number in the answer"
    return None
