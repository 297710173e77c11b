"""Levels as programmes name them: shipped ladders (academic stages, civil-service
grades, corporate bands), each step with the words that name it in several languages, and
where an answer falls on a ladder."""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from .text import fold

__all__ = ["LADDERS", "ladder_positions", "level_key"]


LADDERS: dict[str, tuple[tuple[str, ...], ...]] = {
    "academic": (
        ("Undergraduate student", "undergraduate", "bachelor", "bsc", "licence", "graduacao",
         "pregrado", "grado", "licenciatura", "bachelor student", "estudiante de grado"),
        ("Master's student", "master", "masters", "msc", "m sc", "mestrado", "maestria",
         "master student", "masterand", "mestrando", "magister"),
        ("Junior Ph.D. student", "junior phd", "phd", "ph d", "doctorant", "doctorante",
         "doutorando", "doctorando", "doktorand", "phd student", "phd candidate",
         "early phd", "first year phd", "junior doctorant", "doctoral researcher",
         "phd researcher", "doctoral student", "doctoral candidate"),
        ("Senior Ph.D. student", "senior phd", "senior doctorant", "late phd",
         "final year phd", "senior doutorando", "senior doctorando"),
        ("Postdoc", "postdoc", "post doc", "postdoctoral", "pos doc", "posdoc",
         "research fellow", "industry researcher", "research scientist",
         "postdoctoral researcher", "research associate", "staff scientist"),
        ("Faculty member", "faculty", "professor", "lecturer", "assistant professor",
         "associate professor", "maitre de conferences", "professeur", "profesor",
         "professora", "docente", "group leader", "principal investigator", "pi"),
    ),
    "civil-service": (
        ("AA", "administrative assistant"), ("AO", "administrative officer"),
        ("EO", "executive officer"), ("HEO", "higher executive officer"),
        ("SEO", "senior executive officer"), ("G7", "grade 7"), ("G6", "grade 6"),
        ("SCS1", "scs 1", "deputy director"), ("SCS2", "scs 2", "director"),
        ("SCS3", "scs 3", "director general"), ("SCS4", "scs 4", "permanent secretary"),
    ),
    "corporate": (
        ("Intern", "intern", "apprentice", "stagiaire", "alternant", "trainee", "becario",
         "estagiario", "praktikant", "werkstudent"),
        ("Junior", "junior", "entry level", "graduate", "debutant", "junior associate"),
        ("Confirmed", "confirmed", "mid level", "intermediate", "confirme", "experienced",
         "pleno"),
        ("Senior", "senior", "expert", "specialist", "senior engineer", "senior associate"),
        ("Lead", "lead", "principal", "staff", "team lead", "tech lead"),
        ("Manager", "manager", "head of", "responsable", "gerente", "team manager",
         "chef de service"),
        ("Director", "director", "directeur", "directrice", "directora", "diretor",
         "senior manager", "head of department", "associate director"),
        ("Executive", "executive", "vp", "vice president", "c level", "chief", "ceo",
         "cto", "cfo", "partner", "membre du comex", "comex", "board"),
    ),
}
"""Shipped ladders, low to high: each step is its name then the words that name it
(accents, case and punctuation ignored; the longest name found in an answer decides)."""


def level_key(text: str) -> str:
    """An answer as the ladders and conditions compare it: folded, dots out of "Ph.D.",
    every other mark a space."""
    text = re.sub(r"(?<=\w)\.(?=\w)", "", fold(text)).replace(".", " ")
    return " ".join(re.sub(r"[^\w+]+", " ", text).split())



def ladder_positions(ladder: Sequence[Sequence[str]], answers: Sequence[str]) -> np.ndarray:
    """``(len(answers),)`` the step each answer names (-1: none): the longest name of a
    step found in the answer as whole words wins ("Senior Ph.D. student" is on the senior
    step although it also says "Ph.D.")."""
    names = sorted(((level_key(name), position) for position, step in enumerate(ladder)
                    for name in step if level_key(name)), key=lambda x: -len(x[0]))
    out = np.full(len(answers), -1, dtype=np.int64)
    for i, answer in enumerate(answers):
        text = f" {level_key(answer)} "
        if not text.strip():
            continue
        for name, position in names:
            if f" {name} " in text:
                out[i] = position
                break
    return out


