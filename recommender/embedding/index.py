"""FAISS vector index keyed by the store's integer ids.

Exact inner product (``IndexIDMap2`` over ``IndexFlatIP``) by default; an IVF option for very
large programmes. The index is derived data: it is saved beside the store with a fingerprint
of what it holds and a checksum, and rebuilt from the store whenever it is missing, stale,
unreadable, altered, or holds other vectors than the store's (checked on every load: an
edited file must not give wrong neighbours nor break every search).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import threading
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import faiss
import numpy as np

from ..records import Segment, SentenceHit

__all__ = ["IndexSet", "VectorIndex", "ids_fingerprint", "index_problem", "sentence_hits"]

logger = logging.getLogger(__name__)


def ids_fingerprint(model_id: str, ids: np.ndarray) -> str:
    """A digest of the model and the sorted ids an index should hold."""
    digest = hashlib.sha256(model_id.encode())
    digest.update(np.sort(np.asarray(ids, dtype=np.int64)).tobytes())
    return digest.hexdigest()


class VectorIndex:
    """Inner-product search over unit vectors with int64 ids.

    Args:
        dimension: vector size.
        kind: ``"flat"`` (exact, the default) or ``"ivf"`` (approximate, for very large sets).
        nlist: IVF cells; default ``4 * sqrt(n)`` at build time.
        nprobe: IVF cells visited per query.
    """

    def __init__(self, dimension: int, kind: str = "flat", nlist: int | None = None,
                 nprobe: int = 16):
        if kind not in ("flat", "ivf"):
            raise ValueError(f"unknown index kind '{kind}': use 'flat' or 'ivf'")
        self.dimension = dimension
        self.kind = kind
        self.nlist = nlist
        self.nprobe = nprobe
        self._index: faiss.Index | None = None

    def _new_index(self, training: np.ndarray) -> faiss.Index:
        if self.kind == "flat" or len(training) < 256:
            return faiss.IndexIDMap2(faiss.IndexFlatIP(self.dimension))
        nlist = self.nlist or max(1, min(int(4 * np.sqrt(len(training))), len(training) // 39))
        quantizer = faiss.IndexFlatIP(self.dimension)
        ivf = faiss.IndexIVFFlat(quantizer, self.dimension, nlist, faiss.METRIC_INNER_PRODUCT)
        ivf.train(training)
        ivf.nprobe = self.nprobe
        return faiss.IndexIDMap2(ivf)

    def build(self, ids: np.ndarray, vectors: np.ndarray) -> VectorIndex:
        """Index ``vectors`` ``(n, dimension)`` under ``ids`` ``(n,)``; returns self."""
        vectors = np.ascontiguousarray(vectors, dtype=np.float32).reshape(-1, self.dimension)
        self._index = self._new_index(vectors)
        self.add(ids, vectors)
        return self

    @property
    def index(self) -> faiss.Index:
        if self._index is None:
            self._index = faiss.IndexIDMap2(faiss.IndexFlatIP(self.dimension))
        return self._index

    def add(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        """Add vectors under ids (ids must not be in the index yet)."""
        ids = np.ascontiguousarray(ids, dtype=np.int64)
        if len(ids):
            vectors = np.ascontiguousarray(vectors, dtype=np.float32).reshape(-1, self.dimension)
            self.index.add_with_ids(vectors, ids)

    def remove(self, ids: np.ndarray) -> int:
        """Remove ids; returns how many were removed."""
        ids = np.ascontiguousarray(ids, dtype=np.int64)
        return int(self.index.remove_ids(ids)) if len(ids) else 0  # type: ignore[arg-type]

    def __len__(self) -> int:
        return int(self.index.ntotal)

    def ids(self) -> np.ndarray:
        """The ids held, shape ``(n,)``."""
        return faiss.vector_to_array(self.index.id_map).astype(np.int64)  # type: ignore[attr-defined]

    def search(self, queries: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Top-``k`` neighbours of each query.

        Returns:
            ``(scores, ids)``, both ``(n_queries, k)``; missing neighbours have id ``-1``.
        """
        queries = np.ascontiguousarray(queries, dtype=np.float32).reshape(-1, self.dimension)
        k = max(1, min(k, len(self))) if len(self) else 1
        if len(self) == 0:
            n = len(queries)
            return np.full((n, k), -np.inf, np.float32), np.full((n, k), -1, np.int64)
        scores, ids = self.index.search(queries, k)
        return scores, ids

    def save(self, path: str | Path, model_id: str) -> None:
        """Write ``<path>.faiss`` and ``<path>.json`` (kind, dimension, model, fingerprint,
        the SHA-256 of the ``.faiss`` file).

        Each file is written aside and moved into place, so a reader never sees half a file.
        """
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        suffix = f".{os.getpid()}.{threading.get_ident()}.tmp"
        data = faiss.serialize_index(self.index).tobytes()
        tmp_index = path.with_name(path.name + ".faiss" + suffix)
        tmp_index.write_bytes(data)
        os.replace(tmp_index, path.with_suffix(".faiss"))
        tmp_meta = path.with_name(path.name + ".json" + suffix)
        tmp_meta.write_text(json.dumps(
            {"kind": self.kind, "dimension": self.dimension, "model_id": model_id,
             "fingerprint": ids_fingerprint(model_id, self.ids()), "count": len(self),
             "sha256": hashlib.sha256(data).hexdigest()}))
        os.replace(tmp_meta, path.with_suffix(".json"))

    @classmethod
    def load(cls, path: str | Path, model_id: str, ids: np.ndarray,
             vectors: np.ndarray | None = None) -> VectorIndex | None:
        """Read a saved index; ``None`` when missing, unreadable, not holding exactly ``ids``
        embedded by ``model_id`` (stale), or, given ``vectors`` ``(n, d)`` (the rows of
        ``ids`` ``(n,)`` as the store holds them), not holding those very vectors.

        A file altered since it was written (its SHA-256 is not the one recorded) is not
        parsed at all; any doubt and the index is rebuilt, with a warning naming the file.
        """
        path = Path(path)
        index_file = path.with_suffix(".faiss")
        expected = ids_fingerprint(model_id, ids)
        try:
            meta = json.loads(path.with_suffix(".json").read_text())
            if not isinstance(meta, dict) or meta.get("fingerprint") != expected:
                logger.info("index %s is stale, it will be rebuilt", path.name)
                return None
            if "sha256" not in meta:  # written by an earlier version: nothing to check it by
                logger.info("index %s has no checksum, it will be rebuilt", path.name)
                return None
            data = index_file.read_bytes()
            if hashlib.sha256(data).hexdigest() != meta["sha256"]:
                raise ValueError("altered since it was written: its checksum differs")
            loaded = cls(int(meta["dimension"]), str(meta.get("kind", "flat")))
            loaded._index = faiss.deserialize_index(np.frombuffer(data, dtype=np.uint8))
            problem = index_problem(loaded.index, loaded.dimension, model_id, ids, vectors)
            if problem:
                raise ValueError(problem)
            return loaded
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, RuntimeError) as exc:
            logger.warning("index %s is unusable (%s), it will be rebuilt", index_file, exc)
            return None


def index_problem(index: faiss.Index, dimension: int, model_id: str, ids: np.ndarray,
                  vectors: np.ndarray | None) -> str | None:
    """What is wrong with a read ``index`` that should hold ``ids`` ``(n,)`` embedded by
    ``model_id``, and, when given, exactly ``vectors`` ``(n, d)`` (the store's); ``None``
    when nothing is."""
    if index.d != dimension:
        return f"vectors of {index.d} dimensions, its description says {dimension}"
    if vectors is not None and vectors.shape[1:] != (dimension,):
        return f"vectors of {dimension} dimensions, the model's have {vectors.shape[-1]}"
    id_map = getattr(index, "id_map", None)
    if id_map is None:
        return f"not an index keyed by ids ({type(index).__name__})"
    held = faiss.vector_to_array(id_map).astype(np.int64)
    if len(held) != index.ntotal or ids_fingerprint(model_id, held) != \
            ids_fingerprint(model_id, ids):
        return "it does not hold the ids its description says"
    if vectors is None:
        return None
    ivf = _ivf_of(index)
    if ivf is not None:
        centroids = ivf.quantizer.reconstruct_n(0, ivf.quantizer.ntotal)
        if not np.isfinite(centroids).all():
            return "cells with non-finite centroids"
        ivf.make_direct_map()  # to read vectors back by id; dropped below (it blocks removal)
    try:
        stored = index.reconstruct_batch(np.ascontiguousarray(ids, dtype=np.int64)) \
            if len(ids) else np.zeros((0, dimension), np.float32)
    finally:
        if ivf is not None:
            ivf.make_direct_map(False)
    # Flat and IVF-flat indices keep the very float32 values given: equal, not close (a NaN
    # is never equal).
    same = (stored == vectors).all(axis=1)
    if not same.all():
        return f"{int((~same).sum())} of its {len(same)} vectors differ from the store's"
    return None


def _ivf_of(index: faiss.Index) -> Any:
    """The inverted-file index inside ``index``, ``None`` for a flat one."""
    try:
        return faiss.extract_index_ivf(index)
    except RuntimeError:
        return None


class IndexSet:
    """A workspace's named indices (``"segments"``, ``"notes"``): held in memory, saved beside
    the store when the workspace has a folder, rebuilt when they no longer hold the store's ids.

    Args:
        path_of: the path (without suffix) an index is saved under, ``None`` to keep it in
            memory only (e.g. :meth:`~recommender.workspace.Workspace.index_path`).
        kind: ``"flat"`` or ``"ivf"`` (see :class:`VectorIndex`).
        model_id: returns the embedder's id (called when needed, so the model loads late).
        encode: texts ``(n,)`` -> unit vectors ``(n, d)``, used to build or extend an index.
    """

    def __init__(self, path_of: Callable[[str], Path | None], kind: str,
                 model_id: Callable[[], str], encode: Callable[[Sequence[str]], np.ndarray]):
        self.path_of = path_of
        self.kind = kind
        self.model_id = model_id
        self.encode = encode
        self._held: dict[str, VectorIndex] = {}

    def get(self, name: str, ids: Sequence[int], texts: Sequence[str]) -> VectorIndex:
        """The index ``name``: in memory, else saved, if it holds exactly ``ids`` ``(n,)``; else
        rebuilt from ``texts`` ``(n,)`` (another process may have added or removed rows)."""
        id_array = np.array(ids, dtype=np.int64)
        held = self._held.get(name)
        if held is not None and (len(held) != len(id_array)
                                 or not np.array_equal(np.sort(held.ids()), np.sort(id_array))):
            self._held.pop(name)
        if name not in self._held:
            path = self.path_of(name)
            # The store's vectors (through the checked cache): a saved index is used only
            # when it holds exactly these.
            vectors = self.encode(list(texts))
            loaded = VectorIndex.load(path, self.model_id(), id_array, vectors) \
                if path is not None else None
            if loaded is None:
                loaded = VectorIndex(vectors.shape[1], self.kind).build(id_array, vectors)
            self._held[name] = loaded
            if path is not None:
                self._save(name)
        return self._held[name]

    def update(self, name: str, removed: Sequence[int], new_ids: Sequence[int] = (),
               texts: Sequence[str] = ()) -> None:
        """Remove ``removed`` ids and add ``new_ids`` embedding ``texts`` (both ``(m,)``) in the
        index ``name`` when it is held, and save it; an index not held is left to :meth:`get`."""
        held = self._held.get(name)
        if held is None:
            return
        held.remove(np.array(removed, dtype=np.int64))
        if len(new_ids):
            held.add(np.array(new_ids, dtype=np.int64), self.encode(list(texts)))
        self._save(name)

    def forget(self, name: str) -> None:
        """Let go of the index ``name`` held in memory (its saved copy is checked at :meth:`get`)."""
        self._held.pop(name, None)

    def drop(self, name: str) -> None:
        """Forget the index ``name`` and delete its saved files: it is rebuilt when next read."""
        self.forget(name)
        path = self.path_of(name)
        if path is not None:
            for suffix in (".faiss", ".json"):
                path.with_suffix(suffix).unlink(missing_ok=True)

    def _save(self, name: str) -> None:
        path = self.path_of(name)
        if path is not None:
            self._held[name].save(path, self.model_id())


def sentence_hits(index: VectorIndex, query: np.ndarray, segments: Mapping[int, Segment],
                  k: int, kind: str | None = None) -> list[SentenceHit]:
    """The ``k`` profile sentences of ``index`` nearest to ``query``, best first.

    Args:
        query: ``(1, d)`` unit vector.
        segments: the stored sentences by id (ids the store no longer holds are skipped).
        kind: only sentences of this kind (``offer``, ``want``, ``other``); the index is
            searched deeper so that ``k`` of them are usually found.
    """
    scores, ids = index.search(query, k if kind is None else 4 * k + 20)
    hits = [SentenceHit(seg.person_id, seg.kind, seg.text, float(score))
            for score, sid in zip(scores[0], ids[0], strict=True)
            if (seg := segments.get(int(sid))) is not None and kind in (None, seg.kind)]
    return hits[:k]
