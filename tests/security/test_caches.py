"""Damaged or edited caches and saved arrays: each is checked when read, and what fails is
computed again with one warning naming the file; never a traceback, never a wrong result.

Three places are probed, through the ``tandem`` command line:
- the embedding cache of file runs (``$XDG_CACHE_HOME/tandem/embeddings.sqlite``): the whole
  file (truncated, random bytes, a pickle) and single vectors (3 bytes, zeroed, NaN, cut);
- the vectors kept in a workspace's store;
- a workspace's saved arrays under ``index/``: the cohort and candidate graph ``.npz`` files
  and the FAISS index of the notes, edited naively (the checksum no longer matches) or
  carefully (the checksum recomputed: the arrays' own checks must catch it).
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import pickle
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import faiss
import numpy as np
import pytest

from recommender import HashingEmbedder, demo_path
from recommender.embedding.cached import CachedEmbedder, open_embedding_cache
from recommender.embedding.checks import unit_rows, usable_vectors
from recommender.embedding.index import VectorIndex
from recommender.language.text import text_hash
from recommender.matching.cache import arrays_digest
from recommender.storage.rows import vector_from
from recommender.storage.store import Store

from ..shared import CliResult, run_cli

PEOPLE = demo_path("demo_people.csv")
NOTES = demo_path("demo_notes.csv")


# ------------------------------------------------------------------------------ helpers
def outputs(folder: Path) -> dict[str, str]:
    """Every file a run wrote, by name."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())}


def warnings_of(result: CliResult) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("WARNING")]


def assert_warned_once(result: CliResult, path: Path) -> None:
    """The run succeeded, without a traceback, with one warning, naming ``path``."""
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    found = warnings_of(result)
    assert len(found) == 1 and str(path) in found[0], result.stderr


def assert_quiet(result: CliResult) -> None:
    assert result.returncode == 0, result.stderr
    assert not warnings_of(result), result.stderr


def edit_vectors(database: Path, change: Callable[[list[tuple[str, bytes]]], dict[str, object]]
                 ) -> int:
    """Rewrite stored vectors: ``change(rows)`` returns ``{text hash: new value}``."""
    with sqlite3.connect(database) as conn:
        rows = conn.execute("SELECT text_hash, vector FROM embeddings ORDER BY text_hash"
                            ).fetchall()
        new = change(rows)
        conn.executemany("UPDATE embeddings SET vector = ? WHERE text_hash = ?",
                         [(v, h) for h, v in new.items()])
    return len(new)


def _with_nan(blob: bytes) -> bytes:
    values = np.frombuffer(blob, np.float32).copy()
    values[3] = np.nan
    return values.tobytes()


VECTOR_DAMAGE: dict[str, Callable[[list[tuple[str, bytes]]], dict[str, object]]] = {
    "three-bytes": lambda rows: {rows[0][0]: b"abc"},
    "zeroed": lambda rows: {h: bytes(len(v)) for h, v in rows},
    "nan": lambda rows: {h: _with_nan(v) for h, v in rows[::2]},
    "cut-short": lambda rows: {h: v[: len(v) // 2] for h, v in rows[:40]},
    "not-bytes": lambda rows: {rows[0][0]: "a text where a vector was"},
}


# ------------------------------------------------------------------ pure checks
def test_unit_rows_and_usable_vectors_reject_what_cannot_be_a_unit_vector():
    good = np.eye(3, 4, dtype=np.float32)
    assert unit_rows(good).all()
    bad = np.array([[0, 0, 0, 0], [np.nan, 1, 0, 0], [np.inf, 0, 0, 0], [-2, 0, 0, 0]],
                   dtype=np.float32)
    assert not unit_rows(bad).any()
    assert unit_rows(-good).all()  # a negated vector is unit: the checksums catch that
    vectors = [good[0], good[1][:3], good[2].astype(np.float64), np.zeros(0, np.float32),
               bad[1]]
    assert usable_vectors(vectors, 4).tolist() == [True, False, False, False, False]


def test_a_stored_value_that_is_no_vector_reads_as_an_empty_one():
    assert vector_from(np.ones(4, np.float32).tobytes()).tolist() == [1, 1, 1, 1]
    for value in (b"abc", "text", 12, 1.5, None):
        assert vector_from(value).shape == (0,)


class _ZeroForEmpty:
    """The hashing embedder, but a zero vector for an empty text (a contract breach)."""

    model_id, dimension = "zero-for-empty", 256

    def __init__(self) -> None:
        self.inner, self.calls = HashingEmbedder(), 0

    def encode(self, texts):
        self.calls += len(texts)
        out = self.inner.encode(texts)
        out[[i for i, t in enumerate(texts) if not t]] = 0
        return out


def test_a_fresh_vector_that_fails_the_checks_is_used_but_not_cached(caplog):
    store, backend = Store(), _ZeroForEmpty()
    cached = CachedEmbedder(backend, store)
    with caplog.at_level(logging.WARNING):
        first = cached.encode(["", "a sentence"])
    assert not first[0].any() and "not cached" in caplog.text
    assert store.count_embeddings(backend.model_id) == 1
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        again = cached.encode(["a sentence"])  # the cached one: no warning, no model call
    assert backend.calls == 2 and not caplog.text
    assert np.array_equal(again[0], first[1])


def test_a_cache_made_by_a_newer_version_is_left_alone(tmp_path, caplog):
    path = tmp_path / "embeddings.sqlite"
    made = Store(f"sqlite:///{path}")
    assert made.count_embeddings() == 0  # the tables made
    made.close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'from_the_future'")
    with caplog.at_level(logging.WARNING):
        assert open_embedding_cache(path) is None
    assert str(path) in caplog.text and "newer" in caplog.text
    assert path.exists() and not (tmp_path / "embeddings.sqlite.damaged").exists()


# ------------------------------------------------------- the file runs' embedding cache
def match_file(tandem, out: str) -> CliResult:
    return tandem("match", "--people", str(PEOPLE), "--model", "hashing", "--out", out)


@pytest.fixture
def file_cache(tandem, tmp_path) -> tuple[Path, dict[str, str]]:
    """The embedding cache a clean file run filled, and that run's outputs."""
    clean = match_file(tandem, "clean")
    assert_quiet(clean)
    gc.collect()  # the run's connections closed, as at the end of a process
    cache = tmp_path / ".tandem-cache" / "tandem" / "embeddings.sqlite"
    assert cache.exists()
    return cache, outputs(tmp_path / "clean")


@pytest.mark.parametrize("damage", ["truncated", "random-bytes", "pickle"])
def test_an_unreadable_cache_file_is_moved_aside_and_rebuilt(tandem, tmp_path, file_cache,
                                                             damage):
    cache, clean = file_cache
    whole = cache.read_bytes()
    cache.write_bytes({"truncated": whole[:3000],
                       "random-bytes": np.random.default_rng(0).bytes(len(whole) // 3),
                       "pickle": pickle.dumps({"vectors": [[0.5] * 256] * 20})}[damage])
    result = match_file(tandem, "damaged")
    assert_warned_once(result, cache)
    assert outputs(tmp_path / "damaged") == clean
    assert (cache.parent / "embeddings.sqlite.damaged").exists()


def test_a_cache_that_cannot_be_opened_is_left_alone(tandem, tmp_path, file_cache):
    cache, clean = file_cache
    for each in cache.parent.glob("embeddings.sqlite*"):
        each.unlink()
    cache.mkdir()  # not a file SQLite can open (as a file of another user's would be)
    result = match_file(tandem, "out")
    assert_warned_once(result, cache)
    assert outputs(tmp_path / "out") == clean
    assert cache.is_dir() and not (cache.parent / "embeddings.sqlite.damaged").exists()


@pytest.mark.parametrize("damage", sorted(VECTOR_DAMAGE))
def test_damaged_cached_vectors_are_embedded_again_and_replaced(tandem, tmp_path, file_cache,
                                                                damage):
    cache, clean = file_cache
    assert edit_vectors(cache, VECTOR_DAMAGE[damage])
    result = match_file(tandem, "damaged")
    assert_warned_once(result, cache)
    assert outputs(tmp_path / "damaged") == clean
    again = match_file(tandem, "again")  # replaced: the damage does not last
    assert_quiet(again)
    assert outputs(tmp_path / "again") == clean


# ----------------------------------------------------------------- a workspace
@pytest.fixture(scope="module")
def clean_workspace(tmp_path_factory) -> tuple[Path, dict[str, str], dict[str, str]]:
    """A workspace of the demo's people and notes after a clean ``match`` and ``topics``
    (its saved arrays written), and the outputs of both."""
    root = tmp_path_factory.mktemp("clean")
    ws = root / "ws"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(root / ".tandem-cache"))
        steps = [("import", "--workspace", str(ws), str(PEOPLE), str(NOTES), "--model",
                  "hashing"),
                 ("match", "--workspace", str(ws), "--out", str(root / "match")),
                 ("topics", "--workspace", str(ws), "--out", str(root / "topics"))]
        for step in steps:
            result = run_cli(*step, cwd=root)
            assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert list((ws / "index" / "cohort").glob("cohort-*.npz"))
    assert list((ws / "index" / "cohort").glob("graph-*.npz"))
    assert (ws / "index" / "notes.faiss").exists()
    return ws, outputs(root / "match"), outputs(root / "topics")


@pytest.fixture
def workspace(clean_workspace, tmp_path) -> Path:
    """A copy of the clean workspace, to damage."""
    return Path(shutil.copytree(clean_workspace[0], tmp_path / "ws"))


def check_runs(tandem, tmp_path: Path, ws: Path, clean_workspace, damaged: Path,
               then_match: bool = True) -> None:
    """``topics`` (then ``match``) on the damaged workspace: the first warns once, naming
    ``damaged``; both give the clean results; the files are sound again after."""
    _, clean_match, clean_topics = clean_workspace
    topics = tandem("topics", "--workspace", str(ws), "--out", str(tmp_path / "topics"))
    assert_warned_once(topics, damaged)
    assert outputs(tmp_path / "topics") == clean_topics
    if not then_match:
        return
    match = tandem("match", "--workspace", str(ws), "--out", str(tmp_path / "match"))
    assert_quiet(match)
    assert outputs(tmp_path / "match") == clean_match


@pytest.mark.parametrize("damage", ["three-bytes", "zeroed", "nan"])
def test_damaged_vectors_in_a_workspace_store_are_embedded_again(tandem, tmp_path, workspace,
                                                                 clean_workspace, damage):
    store = workspace / "store.sqlite"
    with sqlite3.connect(store) as conn:  # the vectors of the profiles' sentences
        read = {text_hash(t) for (t,) in conn.execute("SELECT text FROM segments")}
    assert edit_vectors(store, lambda rows: VECTOR_DAMAGE[damage](
        [(h, v) for h, v in rows if h in read]))
    shutil.rmtree(workspace / "index")  # derived: rebuilt from the store's vectors
    _, clean_match, clean_topics = clean_workspace
    match = tandem("match", "--workspace", str(workspace), "--out", str(tmp_path / "match"))
    assert_warned_once(match, store)
    assert outputs(tmp_path / "match") == clean_match
    topics = tandem("topics", "--workspace", str(workspace), "--out", str(tmp_path / "topics"))
    assert_quiet(topics)
    assert outputs(tmp_path / "topics") == clean_topics
    # The damaged vectors read were replaced: the next run has nothing to warn about.
    again = tandem("match", "--workspace", str(workspace), "--out", str(tmp_path / "again"))
    assert_quiet(again)
    assert outputs(tmp_path / "again") == clean_match


# ------------------------------------------------------- the saved arrays under index/
def edit_npz(path: Path, change: Callable[[dict[str, np.ndarray]], None],
             careful: bool) -> None:
    """Edit the arrays of a saved ``.npz``; a ``careful`` edit writes their checksum anew."""
    with np.load(path) as data:
        arrays = {name: data[name] for name in data.files}
    digest = arrays.pop("digest", None)
    change(arrays)
    if careful:
        digest = np.array([arrays_digest(arrays)])
    np.savez(path, **arrays, **({} if digest is None else {"digest": digest}))


def _swap_first_people(arrays: dict[str, np.ndarray]) -> None:
    ptr, ref = arrays["offers.ptr"], arrays["offers.ref"]
    first = next(i for i in range(len(ptr) - 1) if ptr[i + 1] > ptr[i])
    other = next(i for i in range(first + 1, len(ptr) - 1) if ptr[i + 1] > ptr[i])
    ref[ptr[first]], ref[ptr[other]] = ref[ptr[other]], ref[ptr[first]]


def _set(name: str, where: tuple[int, ...] | slice, value: float) -> Callable[[dict], None]:
    def change(arrays: dict[str, np.ndarray]) -> None:
        arrays[name][where] = value
    return change


def _cut(arrays: dict[str, np.ndarray]) -> None:
    for kind in ("offers", "wants"):
        arrays[f"{kind}.vectors"] = np.ascontiguousarray(arrays[f"{kind}.vectors"][:, :100])


def _negate(arrays: dict[str, np.ndarray]) -> None:
    arrays["offers.vectors"] *= -1


def _drop_rows(arrays: dict[str, np.ndarray]) -> None:
    arrays["offers.vectors"] = arrays["offers.vectors"][:-3]


def _edit_years(arrays: dict[str, np.ndarray]) -> None:
    arrays["years"] = arrays["years"][::-1].copy()


COHORT_DAMAGE = {  # name: (change, whether its own checks catch it with a new checksum)
    "nan": (_set("offers.vectors", (0, 0), np.nan), True),
    "negated": (_negate, False),
    "short-vectors": (_cut, True),
    "rows-missing": (_drop_rows, True),
    "ptr-out-of-range": (_set("offers.ptr", (-1,), 10_000), True),
    "manager-out-of-range": (_set("manager", (0,), 999), True),
    "sentences-swapped": (_swap_first_people, True),
    "edited-years": (_edit_years, False),
}


def _cases() -> list:
    cases = [pytest.param(name, False, id=f"{name}-checksum-stale") for name in COHORT_DAMAGE]
    cases += [pytest.param(name, True, id=f"{name}-checksum-recomputed")
              for name, (_, caught) in COHORT_DAMAGE.items() if caught]
    return cases


@pytest.mark.parametrize(("damage", "careful"), _cases())
def test_edited_cohort_arrays_are_rebuilt(tandem, tmp_path, workspace, clean_workspace,
                                          damage, careful):
    folder = workspace / "index" / "cohort"
    cohort = next(folder.glob("cohort-*.npz"))
    edit_npz(cohort, COHORT_DAMAGE[damage][0], careful)
    for graph in folder.glob("graph-*.npz"):  # so that the arrays are scored, not skipped
        graph.unlink()
    check_runs(tandem, tmp_path, workspace, clean_workspace, cohort)


def _mentor_out_of_range(arrays: dict[str, np.ndarray]) -> None:
    arrays["mentor"][0] = 10_000


def _better_signal(arrays: dict[str, np.ndarray]) -> None:
    arrays["signal.coverage"][::2] += 0.5


@pytest.mark.parametrize(("change", "careful"), [
    pytest.param(_mentor_out_of_range, False, id="out-of-range-checksum-stale"),
    pytest.param(_mentor_out_of_range, True, id="out-of-range-checksum-recomputed"),
    pytest.param(_set("signal.lexical", (0,), np.nan), True, id="nan-checksum-recomputed"),
    pytest.param(_better_signal, False, id="edited-scores-checksum-stale"),
])
def test_an_edited_candidate_graph_is_scored_again(tandem, tmp_path, workspace,
                                                   clean_workspace, change, careful):
    graph = next((workspace / "index" / "cohort").glob("graph-*.npz"))
    edit_npz(graph, change, careful)
    _, clean_match, _ = clean_workspace
    match = tandem("match", "--workspace", str(workspace), "--out", str(tmp_path / "match"))
    assert_warned_once(match, graph)
    assert outputs(tmp_path / "match") == clean_match


def edit_faiss(base: Path, change: Callable[[np.ndarray], np.ndarray], careful: bool) -> None:
    """Rewrite the vectors of a saved index under the same ids; a ``careful`` edit records
    the new file's checksum and dimension in its description."""
    index = faiss.read_index(str(base.with_suffix(".faiss")))
    ids = faiss.vector_to_array(index.id_map).astype(np.int64)
    vectors = np.ascontiguousarray(change(index.reconstruct_batch(ids)), dtype=np.float32)
    edited = faiss.IndexIDMap2(faiss.IndexFlatIP(vectors.shape[1]))
    edited.add_with_ids(vectors, ids)
    data = faiss.serialize_index(edited).tobytes()
    base.with_suffix(".faiss").write_bytes(data)
    if careful:
        meta = json.loads(base.with_suffix(".json").read_text())
        meta.update(sha256=hashlib.sha256(data).hexdigest(), dimension=vectors.shape[1])
        base.with_suffix(".json").write_text(json.dumps(meta))


def _nan_vector(v: np.ndarray) -> np.ndarray:
    v[0, 0] = np.nan
    return v


FAISS_DAMAGE = {
    "negated": lambda v: -v,
    "nan": _nan_vector,
    "zeroed": np.zeros_like,
    "short-vectors": lambda v: v[:, :100],
    "other-vectors": lambda v: v[::-1],
}


@pytest.mark.parametrize("careful", [False, True], ids=["checksum-stale", "checksum-recomputed"])
@pytest.mark.parametrize("damage", sorted(FAISS_DAMAGE))
def test_an_edited_faiss_index_is_rebuilt(tandem, tmp_path, workspace, clean_workspace,
                                          damage, careful):
    base = workspace / "index" / "notes"
    edit_faiss(base, FAISS_DAMAGE[damage], careful)
    check_runs(tandem, tmp_path, workspace, clean_workspace, base.with_suffix(".faiss"),
               then_match=False)  # matching reads no FAISS file


@pytest.mark.parametrize("kind", ["flat", "ivf"])
def test_a_loaded_index_must_hold_the_stores_vectors(tmp_path, kind, caplog):
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(600, 16)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    ids = np.arange(100, 700)
    VectorIndex(16, kind).build(ids, vectors).save(tmp_path / "x", "m")
    loaded = VectorIndex.load(tmp_path / "x", "m", ids, vectors)
    assert loaded is not None and len(loaded) == 600
    assert loaded.remove(ids[:5]) == 5  # reading the vectors back left it as it was
    other = vectors.copy()
    other[7] *= -1
    assert VectorIndex.load(tmp_path / "x", "m", ids, other) is None
    assert str(tmp_path / "x.faiss") in caplog.text
