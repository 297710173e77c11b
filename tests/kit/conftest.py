"""Fixtures of the pair kit tests: the demo programme on the fake embedder, and a small
workspace on disk whose people have e-mail addresses and time zones."""

from __future__ import annotations

import datetime as dt

import pytest

from recommender import HashingEmbedder, Recommender, load_demo

MONDAY = dt.date(2026, 9, 7)
"""The first day a meeting may be proposed on, in every test (a Monday)."""

KIT_PEOPLE = [
    {"id": "m1", "name": "Inès Martin", "years_experience": 1, "department": "RH",
     "languages": "fr;en", "email": "ines.martin@example.org", "location": "Paris",
     "utc_offset": "+1", "role_preference": "mentor",
     "offers": "Je gère le compte TikTok du recrutement et je connais les jeunes diplômés."},
    {"id": "s1", "name": "Sylvie Renaud", "years_experience": 18, "department": "Finance",
     "languages": "fr;en", "email": "sylvie.renaud@example.org", "location": "Paris",
     "utc_offset": "+1", "role_preference": "mentee",
     "wants": "Je veux comprendre le recrutement sur TikTok et les jeunes diplômés."},
    {"id": "m2", "name": "Sam Carter", "years_experience": 2, "department": "Sales",
     "languages": "en", "email": "sam.carter@example.org", "location": "New York",
     "utc_offset": "-5", "role_preference": "mentor",
     "offers": "I run our LinkedIn and Instagram accounts and edit short videos."},
    {"id": "s2", "name": "Robert Walsh", "years_experience": 25, "department": "Legal",
     "languages": "en", "email": "robert.walsh@example.org", "location": "Paris",
     "utc_offset": "+1", "role_preference": "mentee",
     "wants": "I want to learn how to use LinkedIn and short videos to reach young people."},
    {"id": "m3", "name": "Léa Petit", "years_experience": 1, "department": "IT",
     "languages": "fr", "role_preference": "mentor",
     "offers": "Je code des outils d'automatisation avec Python et l'IA générative."},
    {"id": "s3", "name": "Marc Dubois", "years_experience": 22, "department": "Stores",
     "languages": "fr", "role_preference": "mentee",
     "wants": "Je veux apprendre à automatiser mes tableaux avec l'IA générative."},
]
"""Three pairs: a French one in one time zone, an English one six hours apart, a French one
without e-mail addresses or time zones."""


@pytest.fixture(scope="module")
def demo() -> Recommender:
    """The demo programme, in memory, on the fake embedder."""
    return load_demo(None, HashingEmbedder())


@pytest.fixture
def workspace(tmp_path) -> Recommender:
    """A workspace folder holding :data:`KIT_PEOPLE`, the three pairs accepted."""
    rec = Recommender.open(tmp_path / "ws", embedder="hashing")
    rec.add_people(KIT_PEOPLE)
    for mentor, mentee in (("m1", "s1"), ("m2", "s2"), ("m3", "s3")):
        rec.add_pair(mentor, mentee, status="accepted")
    return rec
