"""Any embedder behind a cache keyed by model id and text hash.

A cache is checked, never trusted: a cached vector of the wrong length, not finite or not of
unit norm is embedded again and replaced (one warning naming the cache), and a cache file
that cannot be read as a database is moved aside and made anew
(:func:`open_embedding_cache`). A cache that fails while running costs time, never the run.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
import sqlalchemy as sa

from ..language.text import text_hash
from ..records import CountProgressFn
from ..storage.store import Store
from .base import Embedder, EmbeddingCache
from .checks import usable_vectors

logger = logging.getLogger(__name__)

__all__ = ["CachedEmbedder", "cache_location", "open_embedding_cache"]

_CACHE_ERRORS = (sa.exc.SQLAlchemyError, OSError)
"""What a cache may raise when its file or server fails: the texts are embedded without it."""


def cache_location(cache: object) -> str:
    """Where ``cache`` is, for a message: a store's file, or its server without the
    password (and its schema)."""
    url = getattr(cache, "url", None)
    if not isinstance(url, str):
        return type(cache).__name__
    parsed = sa.engine.make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or "the in-memory store"
    schema = getattr(cache, "schema", None)
    where = parsed.render_as_string(hide_password=True)
    return f"{where} (schema {schema})" if schema else where


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
        self._dimension: int | None = None
        self._warned = False

    @property
    def model_id(self) -> str:
        return self.embedder.model_id

    @property
    def dimension(self) -> int:
        if self._dimension is None:
            self._dimension = int(self.embedder.dimension)
        return self._dimension

    def encode(self, texts: Sequence[str], progress: CountProgressFn | None = None) -> np.ndarray:
        """Embed ``texts``, reusing the cached vectors that pass the checks.

        Returns:
            float32 array of shape ``(len(texts), dimension)``.
        """
        hashes = [text_hash(t) for t in texts]
        unique = dict(zip(hashes, texts, strict=True))
        found, damaged = self._cached(list(unique))
        missing = [h for h in unique if h not in found]
        if missing:
            logger.info("%d texts: %d from the cache, %d to embed", len(unique), len(found),
                        len(missing))
        for start in range(0, len(missing), self.batch_size):
            batch = missing[start : start + self.batch_size]
            vectors = self.embedder.encode([unique[h] for h in batch])
            fresh = dict(zip(batch, vectors, strict=True))
            self._store(fresh, damaged)
            found.update(fresh)
            if progress is not None:
                progress(min(start + len(batch), len(missing)), len(missing))
        if not hashes:
            return np.zeros((0, self.dimension), dtype=np.float32)
        return np.vstack([found[h] for h in hashes]).astype(np.float32, copy=False)

    def _cached(self, hashes: list[str]) -> tuple[dict[str, np.ndarray], set[str]]:
        """The cached vectors that pass the checks, and the hashes of those that do not."""
        if not hashes:
            return {}, set()
        try:
            stored = dict(self.cache.get_embeddings(self.model_id, hashes))
        except _CACHE_ERRORS as error:
            say = logger.info if self._warned else logger.warning
            self._warned = True
            say("embedding cache %s cannot be read (%s): texts embedded without it",
                cache_location(self.cache), error)
            return {}, set()
        if not stored:
            return {}, set()
        keys = list(stored)
        ok = usable_vectors([np.asarray(stored[h]) for h in keys], self.dimension)
        damaged = {h for h, good in zip(keys, ok, strict=True) if not good}
        if damaged:
            # One warning per cache, not one per batch of texts read from it.
            say = logger.info if self._warned else logger.warning
            self._warned = True
            say("embedding cache %s: %d damaged vector(s) of %s (wrong length, not finite or "
                "not of unit norm): embedded again and replaced", cache_location(self.cache),
                len(damaged), self.model_id)
        return {h: stored[h] for h, good in zip(keys, ok, strict=True) if good}, damaged

    def _store(self, fresh: Mapping[str, np.ndarray], damaged: set[str]) -> None:
        """Cache fresh vectors (those replacing damaged rows overwrite them); a vector that
        fails the checks itself is used but not cached, or every read would reject it."""
        keys = list(fresh)
        ok = usable_vectors([np.asarray(fresh[h]) for h in keys], self.dimension)
        if not ok.all():
            logger.warning("%s returned %d vector(s) that are not finite unit vectors of length "
                           "%d: used, not cached", self.model_id, int((~ok).sum()),
                           self.dimension)
        good = [h for h, k in zip(keys, ok, strict=True) if k]
        try:
            new = {h: fresh[h] for h in good if h not in damaged}
            if new:
                self.cache.put_embeddings(self.model_id, new)
            repaired = {h: fresh[h] for h in good if h in damaged}
            if repaired:
                self.cache.put_embeddings(self.model_id, repaired, replace=True)
        except _CACHE_ERRORS as error:
            logger.warning("embedding cache %s cannot be written (%s): vectors not cached",
                           cache_location(self.cache), error)


def open_embedding_cache(path: str | Path) -> Store | None:
    """The embedding cache kept in the SQLite file ``path``, checked before use.

    A file that is not a readable database of this project's (truncated, overwritten,
    another format) is moved aside to ``<path>.damaged`` and made anew, with one warning
    naming it: a cache holds nothing that cannot be computed again. A file that cannot be
    opened now (locked, no permission) or that a newer version made is left alone and the
    run goes without a cache (``None``), with a warning.
    """
    path = Path(path)
    store = Store(f"sqlite:///{path}")
    problem = _check_cache(store)
    if problem is None:
        return store
    if not problem.startswith("damaged"):
        logger.warning("embedding cache %s not used (%s): texts are embedded without it",
                       path, problem)
        return None
    aside = path.with_name(path.name + ".damaged")
    try:
        # its logs too: a stale log must not be replayed into the new file
        for suffix in ("", "-wal", "-shm", "-journal"):
            source = Path(f"{path}{suffix}")
            if source.exists():
                os.replace(source, f"{aside}{suffix}")
    except OSError as error:
        logger.warning("embedding cache %s is %s and cannot be moved aside (%s): texts are "
                       "embedded without it", path, problem, error)
        return None
    logger.warning("embedding cache %s was %s: moved aside to %s, a new one is made",
                   path, problem, aside.name)
    store = Store(f"sqlite:///{path}")
    again = _check_cache(store)
    if again is None:
        return store
    logger.warning("embedding cache %s not used (%s): texts are embedded without it",
                   path, again)
    return None


def _check_cache(store: Store) -> str | None:
    """``None`` when ``store`` opens, SQLite's quick check finds its file sound and its
    vectors can be read; else what is wrong, starting with ``"damaged"`` when the file
    itself is at fault. The store is closed when it is not usable."""
    try:
        with store.engine.connect() as conn:
            verdict = conn.exec_driver_sql("PRAGMA quick_check").scalars().all()
        store.get_embeddings("", [""])  # the table and columns this code reads
    except ValueError as error:  # made by a newer version: it may well be sound
        problem = str(error)
    except Exception as error:  # not a database, malformed, an unknown schema: any doubt
        cause = _sqlite_cause(error)
        name = getattr(cause, "sqlite_errorname", None)
        now = (str(name).startswith(_NOT_THE_FILE) and name != "SQLITE_IOERR_SHORT_READ"
               if name is not None else isinstance(cause, OSError))
        problem = f"cannot be opened now: {cause}" if now else f"damaged ({cause})"
    else:
        if verdict == ["ok"]:
            return None
        problem = f"damaged ({'; '.join(map(str, verdict[:3]))})"
    store.close()
    return problem


_NOT_THE_FILE = ("SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_CANTOPEN", "SQLITE_PERM",
                 "SQLITE_READONLY", "SQLITE_FULL", "SQLITE_NOMEM", "SQLITE_IOERR", "SQLITE_AUTH")
"""SQLite errors that say the file cannot be used now (another process holds it, no
permission, a full disk), not that it is damaged: such a file is left where it is (a short
read, though, is a truncated file)."""


def _sqlite_cause(error: BaseException) -> BaseException:
    """The sqlite3 error behind ``error`` (SQLAlchemy and the store wrap it), else ``error``."""
    found: BaseException | None = error
    while found is not None:
        if hasattr(found, "sqlite_errorname"):
            return found
        found = getattr(found, "orig", None) or found.__cause__
    return error
