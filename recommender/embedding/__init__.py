"""Embedding: texts to unit vectors, cached, and searched.

:mod:`.base` is the contract (:class:`~.base.Embedder`: texts in, ``(n, d)`` float32 unit
rows out) and where vectors are cached; :mod:`.backends` the shipped embedders (multilingual
USE, MiniLM, any sentence-transformers folder, a hashing one for tests), :mod:`.precomputed`
vectors computed elsewhere, :mod:`.cached` any of them behind the cache; :mod:`.index` the
FAISS indices (derived data, rebuilt when stale); :mod:`.checks` what a vector read back
from a cache or a file must be to be used (the model's length, finite, unit norm);
:mod:`.testing` the conformance check every embedder passes.
"""
