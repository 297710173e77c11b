"""Pairing at scale: the FAISS candidate graph + exact sparse assignment vs dense optimum.

Usage:
    python benchmarks/bench_pairing.py [--sizes 1000 10000 100000] [--dim 64]

For each synthetic cohort (half juniors offering, half seniors wanting; 2 offer and 2 want
sentences each, clustered around 200 latent themes; two languages, ten departments, managers
and role preferences) it prints, in one run:
- ours: ``match.solve`` (every pair scored when mentors x mentees <= 4M, else FAISS top-k
  both ways, pruned to each side's top-k, then an exact min-cost flow with OR-Tools);
- dense: every pair scored, then scipy's ``linear_sum_assignment`` (the exact optimum), where
  it fits in memory;
- time, peak memory (RSS of a fresh process per run) and the optimality gap.
Targets (issue #3): 10k in at most a fifth of the dense time with a gap <= 0.1%; 100k in
<= 10 minutes and <= 8 GiB.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from recommender import MatchParams
from recommender.matching.assign import solve
from recommender.matching.cohort import Cohort
from recommender.matching.kernel import score_edges
from recommender.matching.rules import eligible


def synthetic_cohort(n: int, dim: int, seed: int = 0) -> Cohort:
    rng = np.random.default_rng(seed)
    themes = rng.normal(size=(200, dim)).astype(np.float32)

    def sentences(count: int) -> np.ndarray:
        centre = themes[rng.integers(0, len(themes), (n, count))]
        v = centre + 0.7 * rng.normal(size=(n, count, dim)).astype(np.float32)
        return v / np.linalg.norm(v, axis=-1, keepdims=True)

    junior = np.arange(n) % 2 == 0
    years = np.where(junior, rng.uniform(0, 5, n), rng.uniform(8, 35, n))
    preference = np.where(junior, 0, 1).astype(np.int8)
    preference[rng.random(n) < 0.1] = 2
    languages = rng.choice(np.array([1, 2, 3], dtype=np.int64), n, p=[0.45, 0.15, 0.4])
    manager = np.where(rng.random(n) < 0.5, rng.integers(0, n, n), -1)
    return Cohort.from_padded(
        years=years, preference=preference, capacity=np.ones(n, dtype=np.int64),
        department=rng.integers(0, 10, n), manager=manager, languages=languages,
        offers=sentences(2), offer_weight=np.ones((n, 2), dtype=np.float32),
        wants=sentences(2), want_weight=np.ones((n, 2), dtype=np.float32),
    )


def dense_optimum(cohort: Cohort, params: MatchParams) -> float:
    from scipy.optimize import linear_sum_assignment

    mentors = np.flatnonzero(cohort.can_mentor())
    mentees = np.flatnonzero(cohort.can_be_mentee())
    weights = np.zeros((len(mentors), len(mentees)), dtype=np.float64)
    for i0 in range(0, len(mentors), 256):
        block = mentors[i0:i0 + 256]
        m = np.repeat(block, len(mentees))
        s = np.tile(mentees, len(block))
        ok = eligible(cohort, m, s, params)
        w = np.zeros(len(m))
        w[ok] = score_edges(cohort, m[ok], s[ok], params).score
        weights[i0:i0 + len(block)] = np.maximum(w, 0).reshape(len(block), len(mentees))
    rows, cols = linear_sum_assignment(weights, maximize=True)
    return float(weights[rows, cols].sum())


def run(method: str, n: int, dim: int, queue: mp.Queue) -> None:
    cohort = synthetic_cohort(n, dim)
    params = MatchParams()
    start = time.perf_counter()
    if method == "ours":
        scores = solve(cohort, params)
        total, pairs = float(scores.score.sum()), len(scores.score)
    else:
        total, pairs = dense_optimum(cohort, params), -1
    seconds = time.perf_counter() - start
    peak_gib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024**2
    queue.put((seconds, peak_gib, total, pairs))


def measure(method: str, n: int, dim: int) -> tuple[float, float, float, int]:
    ctx = mp.get_context("spawn")  # a fresh process: its peak RSS is this run's alone
    queue = ctx.Queue()
    proc = ctx.Process(target=run, args=(method, n, dim, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--dim", type=int, default=64)
    parser.add_argument("--dense-max", type=int, default=20_000,
                        help="largest cohort for the dense baseline (memory)")
    args = parser.parse_args()
    print(f"{'people':>8} {'method':<6} {'seconds':>9} {'peak GiB':>9} {'total score':>12} "
          f"{'pairs':>7} {'gap':>8} {'time vs dense':>14}")
    for n in args.sizes:
        ours = measure("ours", n, args.dim)
        dense = measure("dense", n, args.dim) if n <= args.dense_max else None
        gap = f"{(dense[2] - ours[2]) / dense[2]:.4%}" if dense else "n/a"
        ratio = f"{ours[0] / dense[0]:.3f}x" if dense else "n/a"
        print(f"{n:>8} {'ours':<6} {ours[0]:>9.2f} {ours[1]:>9.2f} {ours[2]:>12.2f} {ours[3]:>7} "
              f"{gap:>8} {ratio:>14}", flush=True)
        if dense:
            print(f"{n:>8} {'dense':<6} {dense[0]:>9.2f} {dense[1]:>9.2f} {dense[2]:>12.2f} "
                  f"{'':>7} {'':>8} {'':>14}", flush=True)


if __name__ == "__main__":
    main()
