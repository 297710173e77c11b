"""Shared fixtures: a deterministic fake embedder and small cohorts."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

from recommender import HashingEmbedder, Recommender
from recommender.embedding.testing import CountingEmbedder as _Counting

from .pg_support import backend, postgres_url  # noqa: F401  (SQLite and PostgreSQL)


def CountingEmbedder(dimension: int = 256, model_id: str | None = None) -> _Counting:
    """The hashing embedder, counting how many texts it was asked to embed."""
    return _Counting(HashingEmbedder(dimension), model_id)


PEOPLE = [
    {"id": "s1", "name": "Sylvie", "years_experience": 18, "department": "HR", "languages": "fr;en",
     "profile": "I have led HR for years.",
     "wants": "I want to understand recruiting on TikTok and how graduates search jobs."},
    {"id": "s2", "name": "Marc", "years_experience": 22, "department": "Stores", "languages": "fr",
     "profile": "Je dirige le magasin.",
     "wants": "Je veux comprendre les tournées de livraison et les livreurs."},
    {"id": "j1", "name": "Inès", "years_experience": 1, "department": "HR", "languages": "fr;en",
     "offers": "I run the TikTok account for recruiting and know how graduates search jobs.",
     "role_preference": "mentor"},
    {"id": "j2", "name": "Yanis", "years_experience": 0.5, "department": "Logistics",
     "languages": "fr", "offers": "Je fais les tournées de livraison, je connais les livreurs.",
     "role_preference": "mentor"},
]


@pytest.fixture
def people_rows() -> list[dict]:
    return [dict(p) for p in PEOPLE]


@pytest.fixture
def rec(people_rows) -> Recommender:
    r = Recommender(embedder=HashingEmbedder())
    r.add_people(people_rows)
    return r
