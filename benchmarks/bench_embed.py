"""Embedding throughput: the workspace's cached path against the raw backend, same run.

Usage:
    python benchmarks/bench_embed.py [--embedder use-multilingual] [--texts 1200]

Prints texts/s of (1) the raw backend's ``encode``, (2) the workspace path (CachedEmbedder
over the SQLite store, cold cache), (3) the same path again on unchanged texts (warm cache),
and the end-to-end import of a cohort (segmentation + embedding + store) cold and warm.
Ratios, not absolute times, are what to compare across machines.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from recommender import Recommender, demo_path
from recommender.embedding.backends import make_embedder
from recommender.embedding.cached import CachedEmbedder
from recommender.intake.readers import read_table
from recommender.language.text import split_sentences
from recommender.storage.store import Store

SUFFIXES = ["", " au quotidien", " for my team", " dans mon service", " this year",
            " avec les jeunes", " in our stores", " pour le siège"]


def corpus(n: int) -> list[str]:
    """``n`` distinct, realistic sentences derived from the demo programme."""
    base = []
    for _, row in read_table(demo_path("demo_people.csv")):
        for field in ("profile", "offers", "wants"):
            base.extend(split_sentences(str(row.get(field) or "")))
    for _, row in read_table(demo_path("demo_notes.csv")):
        base.extend(split_sentences(str(row["text"])))
    texts = [f"{s.rstrip('.')}{suffix}." for suffix, s in itertools.product(SUFFIXES, base)]
    return list(dict.fromkeys(texts))[:n]


def cohort(copies: int) -> list[dict]:
    rows = [dict(r) for _, r in read_table(demo_path("demo_people.csv"))]
    out = []
    for c in range(copies):
        for r in rows:
            out.append(dict(r, id=f"{r['id']}-{c}", manager_id="",
                            profile=f"{r['profile']} {SUFFIXES[c % len(SUFFIXES)]}".strip()))
    return out


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--embedder", default="use-multilingual")
    parser.add_argument("--texts", type=int, default=1200)
    parser.add_argument("--copies", type=int, default=4, help="copies of the demo cohort")
    args = parser.parse_args()

    texts = corpus(args.texts)
    backend = make_embedder(args.embedder)
    backend.encode(["warm-up so that model loading is not timed"])
    print(f"embedder: {backend.model_id}; {len(texts)} distinct texts")

    raw_s, _ = timed(lambda: backend.encode(texts))
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{tmp}/store.sqlite")
        cached = CachedEmbedder(backend, store)
        cold_s, _ = timed(lambda: cached.encode(texts))
        warm_s, _ = timed(lambda: cached.encode(texts))
        store.close()

        people = cohort(args.copies)
        rec = Recommender.open(Path(tmp) / "ws", embedder=backend)
        rec.add_people(people[:1])  # load the intent model outside the timing
        import_cold, _ = timed(lambda: rec.add_people(people))
        import_warm, _ = timed(lambda: rec.add_people(people))
        rec.close()

    n = len(texts)
    print(f"{'path':<38}{'seconds':>9}{'texts/s':>10}{'vs raw':>9}")
    for name, secs in (("raw backend encode", raw_s), ("workspace path, cold cache", cold_s),
                       ("workspace path, warm cache (2nd run)", warm_s)):
        print(f"{name:<38}{secs:>9.2f}{n / secs:>10.0f}{raw_s / secs:>8.2f}x")
    print(f"cache speed-up on unchanged texts: {cold_s / warm_s:.0f}x "
          f"(cold/raw overhead {cold_s / raw_s - 1:+.1%})")
    print(f"import of {len(people)} people: first run {import_cold:.2f}s, "
          f"second run on unchanged data {import_warm:.2f}s "
          f"({import_cold / import_warm:.1f}x faster)")


if __name__ == "__main__":
    main()
