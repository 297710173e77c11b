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

A file read back is checked before use, for it may have been damaged or edited since: its
SHA-256 (written in it) must match, and the arrays must fit together (shapes, types, indices
in range, finite unit vectors, each sentence its person's): :func:`cohort_problem` and
:func:`graph_problem`. A file that fails is computed again with a warning naming it; an
edited array must neither break every run (an index out of range) nor be used in silence.
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

from ..embedding.checks import unit_rows
from ..records import Pair, Person, Segment
from .cohort import MAX_SENTENCES_PER_KIND, Cohort, Sentences, build_cohort
from .explain import SuggestionKey
from .kernel import EdgeScores, combine
from .params import COHORT_SETTINGS, SIGNALS, MatchParams

__all__ = [
    "CohortArrays",
    "CohortCache",
    "LocatedPair",
    "arrays_digest",
    "code_fingerprint",
    "code_sources",
    "cohort_arrays",
    "cohort_problem",
    "graph_problem",
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
FILE_FORMAT = 2
"""Bumped when the files' layout changes (the code's own changes are in the key anyway).
2: each file holds the SHA-256 of its arrays."""


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


def arrays_digest(arrays: dict[str, np.ndarray]) -> str:
    """SHA-256 of named arrays: names, types, shapes and values (in name order)."""
    h = hashlib.sha256()
    for name in sorted(arrays):
        value = np.ascontiguousarray(arrays[name])
        h.update(json.dumps([name, value.dtype.str, value.shape]).encode() + b"\0")
        h.update(value.reshape(-1).view(np.uint8).data)  # the bytes, without a copy
    return h.hexdigest()


def _write_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """Write atomically (a reader never sees half a file, a failed write leaves nothing),
    with the digest of the arrays (:func:`_read_npz` checks it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.partial")
    try:
        with open(partial, "wb") as out:
            np.savez(out, allow_pickle=False, digest=np.array([arrays_digest(arrays)]),
                     **arrays)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)  # it holds personal data: never left behind


def _read_npz(path: Path) -> dict[str, np.ndarray]:
    """Every array of a file written by :func:`_write_npz`, once its digest is checked.

    Raises:
        ValueError: the arrays are not those written (no digest, or another one).
        OSError, zipfile.BadZipFile: no such file, or one that is no archive.
    """
    with np.load(path, allow_pickle=False) as data:
        arrays = {name: data[name] for name in data.files}
    digest = arrays.pop("digest", None)
    if digest is None or digest.shape != (1,) or str(digest[0]) != arrays_digest(arrays):
        raise ValueError("altered since it was written: its checksum differs")
    return arrays


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
    """The cohort saved by :func:`save_cohort`, its people's ids in order, and its token;
    checked (:func:`_read_npz`, :func:`cohort_problem`).

    Raises:
        OSError, ValueError, KeyError, zipfile.BadZipFile: no such file, a damaged one, or
            arrays that are not those written or do not fit together.
    """
    from scipy import sparse

    data = _read_npz(path)
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
            shape = data[f"{f.name}.shape"]
            if shape.shape != (2,) or shape.dtype.kind not in "iu":
                raise ValueError(f"{f.name}.shape: not the shape of a matrix")
            values[f.name] = sparse.csr_matrix(
                (data[f"{f.name}.data"], data[f"{f.name}.indices"],
                 data[f"{f.name}.indptr"]), shape=tuple(int(x) for x in shape))
    cohort, people = Cohort(**values), data["people"]
    if people.ndim != 1 or people.dtype.kind != "U" or data["token"].shape != (1,):
        raise ValueError("people, token: not a list of ids and one token")
    problem = cohort_problem(cohort, len(people))
    if problem:
        raise ValueError(problem)
    return cohort, people.tolist(), str(data["token"][0])


def _per_person(name: str, values: np.ndarray, n: int, kinds: str) -> str | None:
    if values.shape != (n,) or values.dtype.kind not in kinds:
        return f"{name}: {values.dtype} of shape {values.shape} for {n} people"
    return None


def _sentences_problem(name: str, s: Sentences, n: int) -> str | None:
    """What is wrong with one kind of sentences of ``n`` people, ``None`` when nothing."""
    rows = s.ref.shape[0] if s.ref.ndim == 1 else -1
    if s.ptr.shape != (n + 1,) or s.ptr.dtype.kind != "i" or s.ref.dtype.kind != "i" \
            or rows < 0:
        return f"{name}: offsets or references of the wrong shape or type"
    count = np.diff(s.ptr)
    if s.ptr[0] != 0 or s.ptr[-1] != rows or (count < 0).any() \
            or (count > MAX_SENTENCES_PER_KIND).any():
        return f"{name}.ptr: offsets out of range for {rows} sentences"
    if s.vectors.dtype != np.float32 or s.vectors.ndim != 2 or s.vectors.shape[0] != rows \
            or s.vectors.shape[1] == 0:
        return f"{name}.vectors: {s.vectors.dtype} of shape {s.vectors.shape} for {rows} sentences"
    # Unit rows; a zero row only where an embedder gave a zero vector (then never unit).
    if not (unit_rows(s.vectors) | ~s.vectors.any(axis=1)).all():
        return f"{name}.vectors: not finite unit vectors"
    if s.weight.shape != (rows,) or s.weight.dtype.kind != "f" or \
            not (np.isfinite(s.weight) & (s.weight >= 0)).all():  # 0: background_weight=0
        return f"{name}.weight: not a finite weight >= 0 per sentence"
    return None


def cohort_problem(cohort: Cohort, n: int) -> str | None:
    """What makes arrays read back unusable as the cohort of ``n`` people: shapes, types,
    indices out of range, values that are not finite, vectors that are not unit; ``None``
    when nothing does. Pure: what is read from a file must not break a run later with an
    index out of range, nor be used when it cannot be right."""
    for name, kinds in (("years", "f"), ("preference", "i"), ("capacity", "i"),
                        ("department", "i"), ("manager", "i"), ("languages", "i")):
        problem = _per_person(name, getattr(cohort, name), n, kinds)
        if problem:
            return problem
    if not (np.isfinite(cohort.years).all() and np.isin(cohort.preference, (0, 1, 2)).all()
            and (cohort.capacity >= -1).all() and (cohort.department >= -1).all()):
        return "years, preference, capacity or department: a value out of range"
    if ((cohort.manager < -1) | (cohort.manager >= n)).any():
        return "manager: an index out of range"
    for name in ("offers", "wants"):
        problem = _sentences_problem(name, getattr(cohort, name), n)
        if problem:
            return problem
    if cohort.offers.vectors.shape[1] != cohort.wants.vectors.shape[1]:
        return "offers and wants: vectors of different lengths"
    lexical = (cohort.lexical_offer, cohort.lexical_want)
    if (lexical[0] is None) != (lexical[1] is None):
        return "lexical_offer, lexical_want: one without the other"
    if lexical[0] is not None:
        width = lexical[0].shape[1]
        for matrix in lexical:
            try:
                matrix.check_format(full_check=True)  # indices in range, offsets in order
            except ValueError as error:
                return f"lexical rows: {error}"
            if matrix.shape != (n, width) or not np.isfinite(matrix.data).all():
                return "lexical rows: of the wrong shape, or not finite"
    if cohort.utc_offset is not None:
        problem = _per_person("utc_offset", cohort.utc_offset, n, "f")
        offsets = cohort.utc_offset[~np.isnan(cohort.utc_offset)]
        if problem or (np.abs(offsets) > 24).any():
            return problem or "utc_offset: out of range"
    if cohort.answers is not None:
        return _answers_problem(cohort.answers, n)
    return None


def _answers_problem(answers: np.ndarray, n: int) -> str | None:
    """The answers must be the JSON list of ``n`` people's answers that the rules read."""
    if answers.shape != (1,) or answers.dtype.kind != "U":
        return "answers: not one JSON text"
    try:
        people = json.loads(str(answers[0]))
    except ValueError:
        return "answers: not JSON"
    if not isinstance(people, list) or len(people) != n or not all(
            isinstance(p, dict) and isinstance(p.get("level", ""), str)
            and isinstance(p.get("preferences", ""), str)
            and isinstance(p.get("fields", []), list)
            and all(isinstance(f, list) and len(f) == 2 for f in p.get("fields", []))
            for p in people):
        return f"answers: not the answers of {n} people"
    return None


def graph_problem(mentor: np.ndarray, mentee: np.ndarray, signals: dict[str, np.ndarray],
                  n: int | None) -> str | None:
    """What makes a candidate graph read back unusable (for ``n`` people, when known):
    edges of other lengths or types, people out of range, signals that are not finite;
    ``None`` when nothing does."""
    edges = mentor.shape
    if len(edges) != 1 or mentee.shape != edges or mentor.dtype.kind != "i" \
            or mentee.dtype.kind != "i":
        return "mentor, mentee: not one person index per edge"
    if n is not None and edges[0] and (min(mentor.min(), mentee.min()) < 0
                                       or max(mentor.max(), mentee.max()) >= n):
        return f"mentor, mentee: a person index out of range for {n} people"
    for name, values in signals.items():
        if values.shape != edges or values.dtype.kind != "f" or not np.isfinite(values).all():
            return f"signal.{name}: not one finite value per edge"
    return None


def save_graph(path: Path, graph: EdgeScores, token: str) -> None:
    """Save a candidate graph: its edges, their signals (scores follow from them) and the
    token of the arrays it was scored on."""
    _write_npz(path, {"mentor": graph.mentor, "mentee": graph.mentee,
                      "token": np.array([token]),
                      **{f"signal.{k}": v for k, v in graph.signals.items()}})


def load_graph(path: Path, params: MatchParams, token: str,
               size: int | None = None) -> EdgeScores:
    """The graph saved by :func:`save_graph`, scored under ``params`` (the settings it was
    saved under: the file's name says which); checked (:func:`_read_npz`,
    :func:`graph_problem`, people indices below ``size`` when given).

    Raises:
        ValueError: the graph was scored on other arrays than those of ``token``, or its
            arrays are not those written or do not fit together.
        OSError, ValueError, KeyError, zipfile.BadZipFile: no such file, or a damaged one.
    """
    data = _read_npz(path)
    if data["token"].shape != (1,) or str(data["token"][0]) != token:
        raise ValueError(f"{path}: scored on other arrays")
    signals = {name: data[f"signal.{name}"] for name in SIGNALS}
    mentor, mentee = data["mentor"], data["mentee"]
    problem = graph_problem(mentor, mentee, signals, size)
    if problem:
        raise ValueError(problem)
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
                size = arrays.cohort.size
                graph = (self._read(path, lambda p: load_graph(p, params, token, size))
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
            logger.warning("%s: unreadable or altered (%s), computed again", path, error)
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
        if not _sentences_of_their_people(cohort, ids, arrays.segments):
            logger.warning("%s: unreadable or altered (sentences under people who did not "
                           "write them), computed again", path)
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


def _sentences_of_their_people(cohort: Cohort, ids: Sequence[str],
                                segments: dict[int, Segment]) -> bool:
    """Whether every sentence row of ``cohort`` quotes a sentence of the person it is under
    (``ids[i]`` is person ``i``; ``segments`` the store's, holding every quoted id)."""
    people = np.array(ids, dtype=object)
    for s in (cohort.offers, cohort.wants):
        owner = np.repeat(np.arange(len(ids)), s.count)
        writer = np.array([segments[int(r)].person_id for r in s.ref], dtype=object)
        if len(writer) and not (writer == people[owner]).all():
            return False
    return True


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
