"""Checks for code that plugs into the package, in the spirit of scikit-learn's
``check_estimator``: ``check_embedder(MyEmbedder())`` raises ``AssertionError`` with what
is wrong, or returns quietly.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..storage.store import Store
from .base import Embedder
from .cached import CachedEmbedder

__all__ = ["CountingEmbedder", "check_embedder"]

_TEXTS = (
    "I run the TikTok account of our recruiting team.",
    "Je veux apprendre à automatiser mes tableaux avec Python.",
    "x",
    "Ich möchte verstehen, wie junge Leute ihren Arbeitgeber wählen.",
    "   spaced   out   text   ",
)


class CountingEmbedder:
    """Wraps an embedder and counts the calls and texts that reach it.

    Args:
        inner: the embedder doing the work.
        model_id: the id to report (default: the inner one's), e.g. to test a model switch.
    """

    def __init__(self, inner: Embedder, model_id: str | None = None):
        self.inner = inner
        self._model_id = model_id
        self.texts = 0
        self.calls = 0

    @property
    def model_id(self) -> str:
        return self._model_id or self.inner.model_id

    @property
    def dimension(self) -> int:
        return self.inner.dimension

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls += 1
        self.texts += len(texts)
        return self.inner.encode(texts)


def check_embedder(embedder: Embedder, atol: float = 1e-4) -> None:
    """Check ``embedder`` against the :class:`~recommender.embedding.base.Embedder` contract.

    Checks: ``model_id`` is a non-empty string; ``dimension`` is a positive int and every
    result has that width; results are float32 with unit rows; ``encode([])`` is
    ``(0, dimension)`` and does not reach the model; the same text gives the same vector
    whatever its batch, position or repetition; and the cache wrapper
    (:class:`~recommender.embedding.cached.CachedEmbedder`) returns the backend's vectors and does not
    embed a text twice.

    Raises:
        AssertionError: the first broken rule, named.
    """
    assert isinstance(embedder.model_id, str) and embedder.model_id, "model_id must be a non-empty str"
    dim = embedder.dimension
    assert isinstance(dim, (int, np.integer)) and dim > 0, f"dimension must be a positive int, not {dim!r}"

    counting = CountingEmbedder(embedder)
    empty = counting.encode([])
    assert empty.shape == (0, dim), f"encode([]) must have shape (0, {dim}), not {empty.shape}"
    assert empty.dtype == np.float32, f"encode([]) must be float32, not {empty.dtype}"

    texts = list(_TEXTS)
    whole = embedder.encode(texts)
    assert isinstance(whole, np.ndarray), "encode must return a numpy array"
    assert whole.shape == (len(texts), dim), f"encode must return ({len(texts)}, {dim}), not {whole.shape}"
    assert whole.dtype == np.float32, f"encode must return float32, not {whole.dtype}"
    assert np.isfinite(whole).all(), "encode returned NaN or infinite values"
    norms = np.linalg.norm(whole, axis=1)
    assert np.allclose(norms, 1.0, atol=atol), f"rows must have unit L2 norm, got {norms}"

    one_by_one = np.vstack([embedder.encode([t]) for t in texts])
    assert np.allclose(whole, one_by_one, atol=atol), "results depend on the batch"
    shuffled = embedder.encode(texts[::-1])[::-1]
    assert np.allclose(whole, shuffled, atol=atol), "results depend on the order of the texts"
    again = embedder.encode(texts + texts[:2])
    assert np.allclose(again[: len(texts)], whole, atol=atol), "results are not deterministic"
    assert np.allclose(again[len(texts):], whole[:2], atol=atol), "a repeated text changed"

    cached = CachedEmbedder(counting, Store())
    assert cached.dimension == dim, "the cache wrapper reports another dimension"
    first = cached.encode(texts)
    assert np.allclose(first, whole, atol=atol), "the cache wrapper changed the vectors"
    seen = counting.texts
    second = cached.encode(texts[::-1])
    assert counting.texts == seen, "the cache wrapper embedded known texts again"
    assert np.allclose(second[::-1], whole, atol=atol), "cached vectors differ from the backend's"
    assert cached.encode([]).shape == (0, dim), "the cache wrapper's encode([]) has the wrong shape"
    assert counting.texts == seen, "encode([]) reached the model"
