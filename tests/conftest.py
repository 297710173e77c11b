"""Shared fixtures: a deterministic fake embedder and small cohorts."""

from __future__ import annotations

import os
from collections.abc import Sequence

import numpy as np
import pytest

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

from recommender import HashingEmbedder, Recommender

from .pg_support import backend, postgres_url  # noqa: F401  (SQLite and PostgreSQL)


class CountingEmbedder:
    """The hashing embedder, counting how many texts it was asked to embed."""

    def __init__(self, dimension: int = 256, model_id: str | None = None):
        self.inner = HashingEmbedder(dimension)
        self._model_id = model_id or self.inner.model_id
        self.calls = 0
        self.texts = 0

    @property
    def model_id(self) -> str:
        return self._model_id

    @property
    def dimension(self) -> int:
        return self.inner.dimension

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        self.texts += len(texts)
        return self.inner.encode(texts)


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
