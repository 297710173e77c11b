"""The programme as the match stage's arrays, built once and kept while nothing changes.

A matching run, a ranking of one person's partners and the list of the unmatched all need
the whole cohort as arrays (:func:`~recommender.matching.cohort.build_cohort`: every sentence
embedded, weighted, read in context). :class:`CohortCache` keeps the last one built while
the store's profiles version, the embedder and the settings that shape the arrays stay the
same; :func:`located_pairs` places the stored pairs on it, read afresh each time.

Given a folder, the cache also keeps the arrays and the scored candidate graphs on disk
(``.npz`` files, no pickle), so that a new process (a command-line run, the app restarted)
over unchanged profiles and settings starts where the last one stopped. Like the FAISS
indices they are derived data: any doubt (another profiles version, model, setting, code
or library version, a damaged file, other people) and they are built again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import sys
import threading
import unicodedata
import uuid
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import replace
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from ..records import Pair, Person, Segment
from .cohort import Cohort, Sentences, build_cohort
from .explain import SuggestionKey
from .kernel import EdgeScores, combine
from .params import COHORT_SETTINGS, SIGNALS, MatchParams

__all__ = [
    "CohortArrays",
    "CohortCache",
    "LocatedPair",
    "code_fingerprint",
    "code_sources",
    "cohort_arrays",
    "load_cohort",
    "load_graph",
    "located_pairs",
    "save_cohort",
    "save_graph",
]

logger = logging.getLogger(__name__)


class LocatedPair(NamedTuple):
    """A stored pair and its people's positions in a cohort."""

    pair: Pair
    mentor: int
    mentee: int


class CohortArrays(NamedTuple):
    """People, the match stage's arrays of them, and the sentences the arrays refer to.

    Attributes:
        people: the ``n`` people; ``people[i]`` is person ``i`` of ``cohort``.
        cohort: their arrays (``cohort.offers.ref`` and ``cohort.wants.ref`` hold segment ids).
        segments: their stored sentences by segment id, to quote.
    """

    people: list[Person]
    cohort: Cohort
    segments: dict[int, Segment]

    def excluding(self, pairs: Iterable[LocatedPair]) -> CohortArrays:
        """The same arrays with ``pairs`` (and only those) ruled out; ``self`` is unchanged."""
        excluded = {(p.mentor, p.mentee) for p in pairs}
        return self._replace(cohort=replace(self.cohort, excluded=excluded))


def cohort_arrays(people: Sequence[Person], segments: Sequence[Segment],
                  encode: Callable[[Sequence[str]], np.ndarray],
                  params: MatchParams) -> CohortArrays:
    """Arrays of ``people`` from their ``segments``.

    Args:
        people: the ``n`` people of the cohort.
        segments: their stored sentences (``S`` of them).
        encode: texts ``(S,)`` -> unit vectors ``(S, d)``, through the embedding cache.
        params: the settings that shape the arrays (:data:`COHORT_SETTINGS`).
    """
    vectors = encode([s.text for s in segments])
    return CohortArrays(list(people), build_cohort(people, segments, vectors, params),
                        {s.id: s for s in segments})


def located_pairs(people: Sequence[Person], pairs: Iterable[Pair]) -> list[LocatedPair]:
    """``pairs`` with their people's positions in ``people``.

    A pair whose mentor or mentee is not in ``people`` (another process imported them since
    ``people`` was read) is left out: it belongs to the next run, not this one.
    """
    index_of = {p.id: i for i, p in enumerate(people)}
    return [LocatedPair(p, index_of[p.mentor_id], index_of[p.mentee_id]) for p in pairs
            if p.mentor_id in index_of and p.mentee_id in index_of]


# ------------------------------------------------------------------------- on disk
FILE_FORMAT = 1
"""Bumped when the files' layout changes (the code's own changes are in the key anyway)."""


def code_sources() -> tuple[Path, list[Path]]:
    """The package's folder and every module in it, sub-packages included, in order."""
    package = Path(__file__).resolve().parents[1]
    return package, sorted(package.rglob("*.py"))


@cache
def code_fingerprint() -> str:
    """What the arrays and the scores are computed by: this package's source, Python's
    version (its Unicode tables fold the words) and the versions of the libraries that
    compute them. A file made by other code is not read. Without sources to read (an
    install of compiled files only) the fingerprint is this process's own: nothing is
    shared between processes then, nothing wrong is read either."""
    h = hashlib.sha256(f"{sys.version}|{unicodedata.unidata_version}".encode())
    package, sources = code_sources()
    if not sources:
        return uuid.uuid4().hex
    for source in sources:
        h.update(source.relative_to(package).as_posix().encode() + b"\0"
                 + source.read_bytes())
    for library in ("numpy", "scipy", "scikit-learn"):
        try:
            h.update(f"{library}={metadata.version(library)}".encode())
        except metadata.PackageNotFoundError:  # a frozen install without metadata
            h.update(f"{library}=?".encode())
    return h.hexdigest()


def _digest(*parts: Any) -> str:
    text = json.dumps([FILE_FORMAT, code_fingerprint(), *parts], sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:24]


def _write_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """Write atomically: a reader never sees half a file, a failed write leaves nothing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.partial")
    try:
        with open(partial, "wb") as out:
            np.savez(out, allow_pickle=False, **arrays)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)  # it holds personal data: never left behind


def save_cohort(path: Path, arrays: CohortArrays, token: str) -> None:
    """Save ``arrays.cohort`` (every field but the decisions), its people's ids and
    ``token``, which names these arrays for the graphs scored on them."""
    out: dict[str, np.ndarray] = {"people": np.array([p.id for p in arrays.people], dtype=str),
                                  "token": np.array([token])}
    for f in dataclasses.fields(Cohort):
        value = getattr(arrays.cohort, f.name)
        if f.name == "excluded":
            continue  # decisions: applied per run, never part of the arrays
        if isinstance(value, np.ndarray):
            out[f.name] = value
        elif isinstance(value, Sentences):
            out.update({f"{f.name}.{g.name}": getattr(value, g.name)
                        for g in dataclasses.fields(Sentences)})
        elif value is None:
            out[f"{f.name}.none"] = np.zeros(0)
        elif hasattr(value, "tocsr"):
            csr = value.tocsr()
            out.update({f"{f.name}.data": csr.data, f"{f.name}.indices": csr.indices,
                        f"{f.name}.indptr": csr.indptr, f"{f.name}.shape": np.array(csr.shape)})
        else:
            raise TypeError(f"cannot save Cohort.{f.name} of type {type(value).__name__}")
    _write_npz(path, out)


def load_cohort(path: Path) -> tuple[Cohort, list[str], str]:
    """The cohort saved by :func:`save_cohort`, its people's ids in order, and its token.

    Raises:
        OSError, ValueError, KeyError, zipfile.BadZipFile: no such file, or a damaged one.
    """
    from scipy import sparse

    with np.load(path, allow_pickle=False) as data:
        values: dict[str, Any] = {}
        for f in dataclasses.fields(Cohort):
            if f.name == "excluded":
                continue
            if f.name in data:
                values[f.name] = data[f.name]
            elif f"{f.name}.none" in data:
                values[f.name] = None
            elif f"{f.name}.vectors" in data:
                values[f.name] = Sentences(**{g.name: data[f"{f.name}.{g.name}"]
                                              for g in dataclasses.fields(Sentences)})
            else:
                values[f.name] = sparse.csr_matrix(
                    (data[f"{f.name}.data"], data[f"{f.name}.indices"],
                     data[f"{f.name}.indptr"]), shape=tuple(data[f"{f.name}.shape"]))
        return Cohort(**values), data["people"].tolist(), str(data["token"][0])


def save_graph(path: Path, graph: EdgeScores, token: str) -> None:
    """Save a candidate graph: its edges, their signals (scores follow from them) and the
    token of the arrays it was scored on."""
    _write_npz(path, {"mentor": graph.mentor, "mentee": graph.mentee,
                      "token": np.array([token]),
                      **{f"signal.{k}": v for k, v in graph.signals.items()}})


def load_graph(path: Path, params: MatchParams, token: str) -> EdgeScores:
    """The graph saved by :func:`save_graph`, scored under ``params`` (the settings it was
    saved under: the file's name says which).

    Raises:
        ValueError: the graph was scored on other arrays than those of ``token``.
    Raises:
        OSError, ValueError, KeyError, zipfile.BadZipFile: no such file, or a damaged one.
    """
    with np.load(path, allow_pickle=False) as data:
        if str(data["token"][0]) != token:
            raise ValueError(f"{path}: scored on other arrays")
        signals = {name: data[f"signal.{name}"] for name in SIGNALS}
        mentor, mentee = data["mentor"], data["mentee"]
    if not all(len(v) == len(mentor) == len(mentee) for v in signals.values()):
        raise ValueError(f"{path}: edges and signals differ in length")
    score, parts = combine(signals, params)
    return EdgeScores(mentor, mentee, score, parts, signals)


class CohortCache:
    """The last cohort built, kept while what shapes it is the same, and per scoring
    settings the candidate graph scored on it (:func:`~recommender.matching.candidates.candidate_graph`)
    and the pair records already made from it.

    Safe to share between threads (the app serves several pages from one recommender): one
    build at a time, and a graph is kept only with the arrays it was scored on.

    Args:
        max_graphs: scored graphs kept in memory (and on disk) for one cohort.
        folder: where the arrays and graphs are also saved (``None``: memory only). Only
            the current cohort's files are kept there.
    """

    def __init__(self, max_graphs: int = 2, folder: Path | None = None) -> None:
        self.max_graphs = max_graphs
        self.folder = folder
        self._lock = threading.Lock()
        self._key: Hashable | None = None
        self._file: str | None = None  # the cached arrays' name on disk ...
        self._token = ""  # ... and what names these very arrays for their graphs
        self._arrays: CohortArrays | None = None
        self._graphs: dict[MatchParams, tuple[EdgeScores, dict[SuggestionKey, Pair]]]
        self._graphs = {}

    def get(self, profiles_version: str, model_id: str, params: MatchParams,
            build: Callable[[], CohortArrays],
            restore: Callable[[Cohort], CohortArrays] | None = None,
            still_current: Callable[[], bool] | None = None) -> CohortArrays:
        """The cached arrays, or those ``build`` returns when the store's profiles version
        (another process's import changes it), the model or a setting of
        :data:`COHORT_SETTINGS` differs from the last build's.

        Args:
            restore: a cohort read from the folder -> its arrays (the people and sentences
                read now); used instead of ``build`` when the folder holds the arrays of the
                same profiles version, model, settings and code, of the same people, and
                every sentence they quote still exists.
            still_current: whether ``profiles_version`` is still the store's; checked
                after the arrays are saved, whose file is removed when it is not (a person
                erased meanwhile must not stay in it).
        """
        key = (profiles_version, model_id, *(getattr(params, name) for name in COHORT_SETTINGS))
        with self._lock:
            if self._arrays is None or self._key != key:
                name = _digest(*key)
                restored = self._restored(name, restore) if restore else None
                if restored is None:
                    logger.debug("building the cohort's arrays")
                    arrays, token = build(), uuid.uuid4().hex
                    self._save(name, arrays, token, still_current)
                else:
                    arrays, token = restored
                self._remove_other_cohorts(name)
                self._arrays, self._key, self._file, self._token = arrays, key, name, token
                self._graphs.clear()
            return self._arrays

    def graph(self, arrays: CohortArrays, params: MatchParams, build: Callable[[], EdgeScores]
              ) -> tuple[EdgeScores, dict[SuggestionKey, Pair]]:
        """The candidate graph of ``arrays`` (from :meth:`get`) under ``params``: the one
        kept from an earlier run with the same scoring settings (in memory, or on disk
        when scored on these very arrays), or what ``build`` returns; and the records made
        from it so far (see :func:`~recommender.matching.explain.pair_suggestions`).

        When ``arrays`` are no longer the cached ones (another thread rebuilt them
        meanwhile), the graph is built and returned but not kept. The capacity settings do
        not shape the graph (a run applies them), so they are not in the key.
        """
        key = replace(params, max_mentors_per_mentee=1, max_mentees_per_mentor=None)
        with self._lock:
            # ``arrays`` may be the cached ones with decisions applied (a copy sharing the
            # same sentence arrays): compare what they were built from.
            if self._arrays is None or arrays.cohort.offers is not self._arrays.cohort.offers:
                return build(), {}
            if key not in self._graphs:
                if len(self._graphs) >= self.max_graphs:
                    self._graphs.pop(next(iter(self._graphs)))
                path, token = self._graph_path(key), self._token
                graph = (self._read(path, lambda p: load_graph(p, params, token))
                         if path else None)
                if graph is None:
                    graph = build()
                    if path:
                        self._write(path, lambda p: save_graph(p, graph, token))
                        self._prune(path)
                self._graphs[key] = (graph, {})
            return self._graphs[key]

    def clear(self) -> None:
        """Forget everything, in memory and on disk (a person was erased: their vectors
        must not outlive them in a cache file)."""
        with self._lock:
            self._arrays = self._key = self._file = None
            self._token = ""
            self._graphs.clear()
            for path in self._files("*") + self._partial_files():
                _unlink(path)

    # -------------------------------------------------------------- the folder's files
    def _files(self, pattern: str) -> list[Path]:
        return sorted(self.folder.glob(f"{pattern}.npz")) if self.folder else []

    def _partial_files(self) -> list[Path]:
        """Files a process stopped while writing left behind."""
        return sorted(self.folder.glob(".*.partial")) if self.folder else []

    def _graph_path(self, key: MatchParams) -> Path | None:
        if self.folder is None or self._file is None:
            return None
        return self.folder / f"graph-{self._file}-{_digest(dataclasses.asdict(key))}.npz"

    @staticmethod
    def _read(path: Path, load: Callable[[Path], Any]) -> Any:
        if not path.exists():
            return None
        try:
            return load(path)
        except Exception as error:  # derived data: any doubt, and it is computed again
            logger.warning("%s: unreadable (%s), computed again", path, error)
            return None

    @staticmethod
    def _write(path: Path, save: Callable[[Path], None]) -> None:
        try:
            save(path)
        except OSError as error:  # a full or read-only disk costs time, never the run
            logger.warning("%s: not saved (%s)", path, error)

    def _restored(self, name: str, restore: Callable[[Cohort], CohortArrays]
                  ) -> tuple[CohortArrays, str] | None:
        if self.folder is None:
            return None
        path = self.folder / f"cohort-{name}.npz"
        loaded = self._read(path, load_cohort)
        if loaded is None:
            return None
        cohort, ids, token = loaded
        arrays = restore(cohort)
        if [p.id for p in arrays.people] != ids:
            logger.info("%s: saved for other people, built again", path)
            return None
        quoted = np.union1d(cohort.offers.ref, cohort.wants.ref)
        if not np.isin(quoted, np.fromiter(arrays.segments, dtype=np.int64)).all():
            logger.info("%s: quotes sentences that changed since, built again", path)
            return None
        logger.debug("cohort arrays read from %s", path)
        return arrays, token

    def _save(self, name: str, arrays: CohortArrays, token: str,
              still_current: Callable[[], bool] | None) -> None:
        if self.folder is None:
            return
        for stale in self._files(f"graph-{name}-*"):
            _unlink(stale)  # scored on other arrays of the same name (never read: tokens)
        path = self.folder / f"cohort-{name}.npz"
        self._write(path, lambda p: save_cohort(p, arrays, token))
        if still_current is not None and not still_current():
            _unlink(path)  # the profiles changed while it was built: maybe someone erased

    def _remove_other_cohorts(self, name: str) -> None:
        """Another cohort's files are never read again: they go (with any person erased)."""
        for old in self._files("cohort-*") + self._files("graph-*"):
            if name not in old.name:
                _unlink(old)

    def _prune(self, newest: Path) -> None:
        """Keep the ``max_graphs`` most recent graphs of the current cohort."""
        graphs = sorted((p for p in self._files(f"graph-{self._file}-*") if p != newest),
                        key=_modified, reverse=True)
        for old in graphs[max(self.max_graphs - 1, 0):]:
            _unlink(old)


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:  # removed meanwhile by another process
        return 0.0


def _unlink(path: Path) -> None:
    """Remove a cache file; another process may have done it, or the folder may be
    read-only: neither stops a matching run."""
    try:
        path.unlink(missing_ok=True)
    except OSError as error:
        logger.warning("%s: not removed (%s)", path, error)
