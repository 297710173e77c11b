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
    r"(?:moins de|less than|under|below|menos de|weniger als|unter|<|<=|≤)\s*(\d+(?:[.,]\d+)?)")

_UNDER_ONE = re.compile(
    r"(?:moins d['’ ]?un|less than (?:a|one)|under (?:a|one)|menos de (?:un|um|uno)|weniger als "
    r"(?:ein|einem)|unter (?:einem|ein))\s*(?:an|annee|year|ano|jahr)")


_OTHER_UNITS = re.compile(
    r"\d\s*(?:\+\s*)?(?:times?|fois|veces|vezes|mal|papers?|articles?|articulos|artigos|"
    r"publications?|hours?|heures?|horas?|stunden|people|personnes|personas|pessoas|"
    r"mentees?|students?|etudiants|estudiantes)\b")


_SINGLE = re.compile(r"^(?:about |around |environ |env\.? |ca\.? |circa |cerca de |aprox\w*\.? |"
                     r"~)?(\d+(?:[.,]\d+)?)\s*"
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
    (r"master|\bm ?sc\b|maestria|mestrad|mestrand|\bm1\b|\bm2\b|\bmba\b|\bgraduate student|"
     r"\bgrad student|masterand", 1, "a master's student"),
    (r"undergrad|bachelor|licence|\bb ?sc\b|pregrado|\bgrado\b|graduacao|graduando|"
     r"licenciatura|\blicenciand|bachelorand|\bstudent\b|\betudiant|\bestudiante|"
     r"\bestudante|\bwerkstudent|\baluno", 0, "an undergraduate student"),
    (r"high school|lycee|lyceen|bachillerato|ensino medio|preparatoria|\babitur", 0,
     "a high school student or graduate"),
    (r"stagiaire|\bintern\b|internship|\bstage\b|estagiari|becari|pasante", 0, "an intern"),
    (r"alternan|apprenti|apprentice|work.study|aprendiz", 1, "an apprentice"),
    (r"executive|\bceo\b|\bcto\b|\bvp\b|vice.president|c.level|directeur general|comex|"
     r"director general|diretor geral|cadre dirigeant|comite de direction|\bcodir\b|"
     r"geschaftsfuhr|vorstand|c suite", 25, "an executive"),
    (r"director|directeur|directrice|directora|diretor|\bhead of\b|abteilungsleit|"
     r"bereichsleit", 20, "a director"),
    (r"\bcadre\b|manager|management|gestionnaire|gerente|encadrant|teamleit|"
     r"fuhrungskraft|responsable", 10, "a manager"),
    (r"expert|\blead\b|principal|staff", 12, "an expert or lead"),
    (r"\bsenior\b|\bsr\b|experimente|experiente|confirme|researcher|chercheur|"
     r"investigador|pesquisador|forscher|engineer|ingenieur|ingeniero|engenheiro|"
     r"scientist", 10, "a senior or a researcher"),
    (r"intermediate|mid.level|intermediaire|\bmedio\b|pleno", 5, "mid-level staff"),
    (r"\bjunior\b|\bjr\b|debutant|beginner|principiante|iniciante|early career|"
     r"jeune diplome|new graduate|recien|berufseinsteig|einsteiger", 2, "a junior"),
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
    if _OTHER_UNITS.search(text):  # "1-2 times", "3 papers": counts of something else
        return None
    years = number(text)
    if years is not None:
        return years, "a number of years"
    months = "mois" in text or "month" in text or "meses" in text
    if (m := _RANGE.search(text)) and not months:
        low, high = (float(g.replace(",", ".")) for g in m.groups())
        if low <= high:
            return (low + high) / 2, f"midpoint of the range {m.group(1)}-{m.group(2)}"
    if _UNDER_ONE.search(text):
        return 0.5, "less than a year: half a year"
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
                          "mentoreado mentoreada aprendiz filleul filleule mentored mentoriert "
                          "accompagne accompagnee acompanhado acompanhada acompanado acompanada "
                          "begleitet".split())


_MENTOR_WORDS = frozenset("mentor mentors mentora mentoras tuteur tutrice tutor tutora "
                          "marraine parrain mentorar mentorear mentorer mentorin".split())


_EITHER_WORDS = frozenset("both either any deux ambos ambas indifferent indiferente "
                          "peu importe dois duas beides entrambi".split())


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


MAX_CAPACITY = 20
"""The most mentees anyone takes (the mapping's own limit)."""

HOURS_PER_MENTEE = 2.0
"""Hours a month one mentee takes, to turn an answer in time into a number of people."""

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "un": 1, "une": 1, "deux": 2,
    "trois": 3, "quatre": 4, "cinq": 5, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4,
    "cinco": 5, "um": 1, "uma": 1, "dois": 2, "duas": 2, "quatro": 4, "ein": 1, "eine": 1,
    "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "funf": 5, "none": 0, "aucun": 0,
    "aucune": 0, "ninguno": 0, "nenhum": 0, "keine": 0, "keinen": 0,
}
_TIME = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*(?:-|–|to|a|à|ou|or|o|bis)?\s*(\d+(?:[.,]\d+)?)?\s*"
    r"(h\b|hours?|hrs?|heures?|horas?|stunden?|std|min\w*)"
    r"(?:\s*(?:/|per|a|an|each|par|por|al|pro|im|la|le|every)?\s*"
    r"(week|semaine|semana|woche|month|mois|mes|monat|sem|wk|mo))?")


def suggest_capacity(answer: Any) -> tuple[int, str] | None:
    """How many mentees an answer is worth, with its reason, or None.

    A number of people gives it, a range or a choice its upper bound ("2-3", "1 ou 2" -> 3, 2;
    "up to 4" -> 4), an open one its bound ("3+" -> 3); time gives one mentee per
    :data:`HOURS_PER_MENTEE` hours a month, at least one ("4 hours per month" -> 2, "30 min"
    -> 1, "1 h par semaine" -> 2); never more than :data:`MAX_CAPACITY`.
    """
    text = " ".join(fold(cell_text(answer)).split())
    if not text:
        return None
    text = re.sub(r"[^\W\d_]+", lambda w: str(_NUMBER_WORDS.get(w.group(0), w.group(0))), text)
    if m := _TIME.search(text):
        low = float(m.group(1).replace(",", "."))
        high = float(m.group(2).replace(",", ".")) if m.group(2) else low
        hours = high / 60 if m.group(3).startswith("min") else high
        weekly = (m.group(4) or "").startswith(("week", "semaine", "semana", "woche", "sem",
                                                  "wk"))
        monthly = hours * (4.3 if weekly else 1)
        people = max(1, min(5, round(monthly / HOURS_PER_MENTEE)))
        return people, (f"{m.group(0).strip()}: one mentee per {HOURS_PER_MENTEE:g} hours a "
                        "month, at least one")
    numbers = [float(x.replace(",", ".")) for x in re.findall(r"\d+(?:[.,]\d+)?", text)]
    if not numbers:
        return None
    top = int(max(numbers))
    how = "the upper bound of the answer" if len(numbers) > 1 else "the number in the answer"
    if top > MAX_CAPACITY:
        return MAX_CAPACITY, f"{how} ({top}), at most {MAX_CAPACITY}"
    return top, how
