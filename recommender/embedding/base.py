"""The embedder contract: texts in, unit float32 rows out; and where vectors are cached."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Protocol, runtime_checkable

import numpy as np

__all__ = ["Embedder", "EmbeddingCache", "EncodeFn", "normalise"]




@runtime_checkable
class Embedder(Protocol):
    """Anything that turns texts into an ``(n, dimension)`` float32 matrix of unit rows.

    :func:`recommender.embedding.testing.check_embedder` checks an implementation against this
    contract (unit norms, empty input, batching, determinism).
    """

    @property
    def model_id(self) -> str:
        """A stable name of the model; cache entries are keyed by it."""
        ...

    @property
    def dimension(self) -> int:
        """The length of every vector."""
        ...

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed ``texts``.

        Returns:
            float32 array of shape ``(len(texts), dimension)``, each row of unit L2 norm.
        """
        ...


def normalise(vectors: np.ndarray) -> np.ndarray:
    """Return float32 rows scaled to unit L2 norm (zero rows stay zero)."""
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.ndim == 1:
        vectors = vectors[None, :]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.ascontiguousarray(vectors / np.maximum(norms, 1e-12), dtype=np.float32)


class EmbeddingCache(Protocol):
    """Where :class:`CachedEmbedder` keeps vectors (the workspace store implements it)."""

    def get_embeddings(self, model_id: str, hashes: Sequence[str]) -> Mapping[str, np.ndarray]:
        """Vectors already stored for these text hashes (missing ones are absent), as read:
        the reader checks them (a damaged row may read as a vector of another length)."""
        ...

    def put_embeddings(self, model_id: str, items: Mapping[str, np.ndarray],
                       replace: bool = False) -> None:
        """Store vectors by text hash; one already stored is kept unless ``replace``."""
        ...


EncodeFn = Callable[[Sequence[str]], np.ndarray]
