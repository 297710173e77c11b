"""Any embedder behind a cache keyed by model id and text hash."""

from __future__ import annotations

import logging
from collections.abc import Sequence

import numpy as np

from ..language.text import text_hash
from ..records import CountProgressFn
from .base import Embedder, EmbeddingCache

logger = logging.getLogger(__name__)

__all__ = ["CachedEmbedder"]


class CachedEmbedder:
    """An embedder that looks texts up in a cache before embedding them.

    Args:
        embedder: the backend doing the work on a cache miss.
        cache: where vectors are kept, keyed by ``(embedder.model_id, text hash)``.
        batch_size: texts embedded (and stored) per step, so progress can be reported.
    """

    def __init__(self, embedder: Embedder, cache: EmbeddingCache, batch_size: int = 512):
        self.embedder = embedder
        self.cache = cache
        self.batch_size = batch_size

    @property
    def model_id(self) -> str:
        return self.embedder.model_id

    @property
    def dimension(self) -> int:
        return int(self.embedder.dimension)

    def encode(self, texts: Sequence[str], progress: CountProgressFn | None = None) -> np.ndarray:
        """Embed ``texts``, reusing cached vectors.

        Returns:
            float32 array of shape ``(len(texts), dimension)``.
        """
        hashes = [text_hash(t) for t in texts]
        unique = dict(zip(hashes, texts, strict=True))
        found = dict(self.cache.get_embeddings(self.model_id, list(unique)))
        missing = [h for h in unique if h not in found]
        if missing:
            logger.info("%d texts: %d from the cache, %d to embed", len(unique), len(found),
                        len(missing))
        for start in range(0, len(missing), self.batch_size):
            batch = missing[start : start + self.batch_size]
            vectors = self.embedder.encode([unique[h] for h in batch])
            fresh = dict(zip(batch, vectors, strict=True))
            self.cache.put_embeddings(self.model_id, fresh)
            found.update(fresh)
            if progress is not None:
                progress(min(start + len(batch), len(missing)), len(missing))
        if not hashes:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.vstack([found[h] for h in hashes]).astype(np.float32, copy=False)
