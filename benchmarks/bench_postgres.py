"""The workspace on PostgreSQL beside SQLite: import, matching, decisions, session notes.

Usage:
    python benchmarks/bench_postgres.py [--people 4000] [--database-url postgresql://...]

The demo scaled to ``--people`` synthetic profiles (``bench_pairing_api.people_rows``: a few
thousand distinct sentences, French and English) is imported with the default embedder
(multilingual USE, the real model), then matched, in the same run on both backends:
- import: ``add_people`` of everybody into an empty workspace (labelling, embedding the
  distinct sentences, storing people, sentences and vectors);
- matching cold: ``suggest_pairs`` by a freshly opened workspace (everything read from the
  store, vectors from its cache); warm: the same call again;
- decisions: 200 ``set_pair_status`` with ``expected_version`` (one transaction each);
- notes: 1000 session notes in one ``add_notes`` (their vectors cached beforehand: the
  store's part).
The model is loaded and warmed before any timing; every run embeds the same texts into a
new workspace, and the backends alternate over ``--rounds`` (the machine is shared: the
median of the rounds is compared). Without ``--database-url`` (or
``$TANDEM_TEST_POSTGRES_URL``) the script runs itself beside a throw-away server started by
``tests/with_postgres.sh``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_pairing_api import people_rows  # noqa: E402

from recommender import Recommender  # noqa: E402
from recommender.embedding.backends import DEFAULT_EMBEDDER, make_embedder  # noqa: E402


def run(label: str, folder: Path, database_url: str | None, rows: list[dict],
        embedder: object) -> dict[str, float | int]:
    out: dict[str, float | int] = {}
    rec = Recommender.open(folder, embedder=embedder, database_url=database_url)
    t = time.perf_counter()
    rec.add_people(rows)
    out["import_s"] = time.perf_counter() - t
    out["segments"] = len(rec.store.segments())
    rec.close()
    rec = Recommender.open(folder, embedder=embedder, database_url=database_url)
    t = time.perf_counter()
    result = rec.suggest_pairs()
    out["match_cold_s"] = time.perf_counter() - t
    t = time.perf_counter()
    result = rec.suggest_pairs()
    out["match_warm_s"] = time.perf_counter() - t
    out["pairs"] = len(result.pairs)
    pairs = rec.pairs()[:200]
    t = time.perf_counter()
    for i, pair in enumerate(pairs):
        rec.set_pair_status(pair.mentor_id, pair.mentee_id, "accepted" if i % 3 else "rejected",
                            expected_version=pair.version)
    out["decision_ms"] = 1000 * (time.perf_counter() - t) / max(len(pairs), 1)
    notes = [{"mentor_id": p.mentor_id, "mentee_id": p.mentee_id,
              "date": f"2027-{1 + i % 12:02d}-{1 + i % 28:02d}",
              "text": f"Session {i}: we covered TikTok and recruiting.", "rating": 1 + i % 5}
             for i, p in enumerate(pairs * 5)][:1000]
    rec.encoder.encode([n["text"] for n in notes])  # the store's part only: vectors cached
    t = time.perf_counter()
    rec.add_notes(notes)
    out["notes_s"] = time.perf_counter() - t
    rec.close()
    print(f"{label:<11} {out['import_s']:>9.1f} {out['match_cold_s']:>9.2f} "
          f"{out['match_warm_s']:>9.2f} {out['decision_ms']:>12.1f} {out['notes_s']:>8.2f} "
          f"{out['pairs']:>6} {out['segments']:>8}", flush=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=4000)
    parser.add_argument("--database-url", help="a PostgreSQL database to write a schema in")
    parser.add_argument("--model", default=DEFAULT_EMBEDDER)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    url = args.database_url or os.environ.get("TANDEM_TEST_POSTGRES_URL")
    if not url:  # run again beside a throw-away server
        script = ROOT / "tests" / "with_postgres.sh"
        os.execv(str(script), [str(script), sys.executable, *sys.argv])
    embedder = make_embedder(args.model)
    embedder.encode(["warm up", "échauffement"])
    rows = people_rows(args.people)
    print(f"{args.people} people, embedder {args.model}, {args.rounds} rounds "
          "(backends alternate; each run in a new workspace)")
    print(f"{'backend':<11} {'import s':>9} {'match s':>9} {'warm s':>9} "
          f"{'decision ms':>12} {'notes s':>8} {'pairs':>6} {'segments':>8}")
    runs: dict[str, list[dict[str, float | int]]] = {"SQLite": [], "PostgreSQL": []}
    schemas = []
    import sqlalchemy as sa

    from recommender.storage.store import Store

    try:
        with tempfile.TemporaryDirectory() as tmp:
            for r in range(args.rounds):
                order = ["SQLite", "PostgreSQL"] if r % 2 == 0 else ["PostgreSQL", "SQLite"]
                for backend in order:
                    database_url = None
                    if backend == "PostgreSQL":
                        schemas.append(f"bench_{uuid.uuid4().hex[:8]}")
                        database_url = f"{url}?workspace={schemas[-1]}"
                    runs[backend].append(run(backend, Path(tmp) / f"{backend}-{r}",
                                             database_url, rows, embedder))
    finally:
        engine = sa.create_engine(Store(url).url)
        with engine.begin() as conn:
            for schema in schemas:
                conn.execute(sa.text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        engine.dispose()
    keys = ("import_s", "match_cold_s", "match_warm_s", "decision_ms", "notes_s")
    median = {b: {k: float(np.median([float(x[k]) for x in runs[b]])) for k in keys}
              for b in runs}
    print(f"median of {args.rounds} rounds, PostgreSQL / SQLite: " + ", ".join(
        f"{k} {median['PostgreSQL'][k]:.2f} / {median['SQLite'][k]:.2f}" for k in keys))

if __name__ == "__main__":
    main()
