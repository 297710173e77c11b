"""Vectors computed elsewhere, looked up by text."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from .base import Embedder, normalise

logger = logging.getLogger(__name__)

__all__ = ["PrecomputedEmbedder"]


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
