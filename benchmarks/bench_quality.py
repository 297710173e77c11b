"""Designed pairs found and mentor hit@1 on hard labelled cohorts: project vs two baselines.

Usage:
    python benchmarks/bench_quality.py [--split dev|test|all] [--embedder use-multilingual]
                                       [--style messy ...] [--json out.json] [--details]

The cohorts are ``tests/data/realistic_pairs.json``: seven writing styles (wishes spread over
sentences, wishes worded as problems, messy one-liners, bullet lists, mixed and other
languages, generic form items, careful well-written forms), a ``dev`` and a ``test`` programme
per style (two ``dev`` programmes for the context and multilingual styles), with decoys.
Weights are chosen on ``dev`` with ``benchmarks/tune_quality.py`` (careful was added after).
For every cohort, in one run and on the same embeddings, it scores (see ``quality.py``):

- ``project``: ``Recommender.suggest_pairs()`` and ``suggest_mentors(mentee, k=1)``;
- ``B1 whole-profile``: whole-profile cosine, hard-rule mask, Hungarian assignment;
- ``B2 regex-want``: best cosine between regex-detected "want" sentences and the other
  sentences, same mask and assignment.

It prints, per split, a table by style: designed pairs found in the assignment (x/N) and
mentor hit@1 (x/N) per method, then the seconds each method took. ``--json`` writes the same
figures, per cohort (with each method's pairs and top-1 mentors) and summed, for a test to
read.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.quality import (
    DATA_PATH,
    METHOD_LABELS,
    METHODS,
    Cohort,
    Figures,
    evaluate_cohort,
    load_cohorts,
    summarise,
)

STYLE_ORDER = ("context", "problem", "messy", "bullets", "multilingual", "generic", "careful")


def _ratio(found: int, total: int) -> str:
    return f"{found}/{total}"


def format_table(split: str, table: Mapping[str, Mapping[str, Figures]]) -> str:
    """One split's figures as a text table (styles as rows, methods as columns).

    Args:
        split: ``dev``, ``test`` or ``all``.
        table: ``{style or "all": {method: Figures}}`` as :func:`summarise` makes it.
    """
    width = max(len(METHOD_LABELS[m]) for m in METHODS) + 2
    styles = [s for s in STYLE_ORDER if s in table] + sorted(
        s for s in table if s not in STYLE_ORDER and s != "all")
    head = "".join(f"{METHOD_LABELS[m]:>{width}}" for m in METHODS)
    lines = [
        f"== split: {split} ==",
        f"{'':<14}{'designed pairs found':^{width * len(METHODS)}} | "
        f"{'mentor hit@1':^{width * len(METHODS)}}",
        f"{'style':<14}{head} | {head}",
    ]
    for style in [*styles, "all"]:
        row = table[style]
        found = "".join(f"{_ratio(row[m].found, row[m].total):>{width}}" for m in METHODS)
        hits = "".join(f"{_ratio(row[m].hits, row[m].total):>{width}}" for m in METHODS)
        if style == "all":
            lines.append("-" * len(lines[-1]))
        lines.append(f"{style:<14}{found} | {hits}")
    seconds = "".join(f"{table['all'][m].seconds:>{width - 2}.1f} s" for m in METHODS)
    lines.append(f"{'seconds':<14}{seconds}")
    return "\n".join(lines)


def format_details(cohort: Cohort, figures: Mapping[str, Figures]) -> str:
    """Each designed mentee of ``cohort`` with the mentor every method ranked first."""
    lines = [f"-- {cohort.name}"]
    for mentor, mentee in cohort.expected:
        picks = []
        for method in METHODS:
            got = figures[method].top1.get(mentee, "")
            assigned = next((m for m, s in figures[method].pairs if s == mentee), "-")
            mark = "ok" if got == mentor else f"{got or 'none'}"
            picks.append(f"{METHOD_LABELS[method]}: top1 {mark}, pair {assigned}")
        lines.append(f"   {mentee} <- {mentor}:  " + "; ".join(picks))
    return "\n".join(lines)


def report(results: Sequence[tuple[Cohort, Mapping[str, Figures]]], embedder: str,
           seconds: float) -> dict[str, Any]:
    """The JSON document written by ``--json``.

    Shape: ``{"embedder", "seconds", "methods": {key: label}, "cohorts": [{"style", "split",
    "people", "results": {method: {"found", "hits", "total", "seconds", "pairs", "top1"}}}],
    "summary": {split: {style or "all": {method: {"found", "hits", "total", "seconds"}}}}}``.
    """
    summary = summarise(results)
    return {
        "embedder": embedder,
        "seconds": round(seconds, 2),
        "methods": dict(METHOD_LABELS),
        "cohorts": [{
            "style": cohort.style, "split": cohort.split, "people": len(cohort.people),
            "results": {m: figures[m].as_dict() for m in METHODS},
        } for cohort, figures in results],
        "summary": {split: {style: {m: row[m].as_dict(details=False) for m in METHODS}
                            for style, row in table.items()}
                    for split, table in summary.items()},
    }


def main(argv: Sequence[str] | None = None) -> None:
    """Run the benchmark from the command line."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--split", choices=("dev", "test", "all"), default="all")
    parser.add_argument("--embedder", default="use-multilingual")
    parser.add_argument("--data", type=Path, default=DATA_PATH)
    parser.add_argument("--style", nargs="+", help="only these styles")
    parser.add_argument("--json", type=Path, help="write the figures there")
    parser.add_argument("--details", action="store_true",
                        help="print every method's top-1 mentor and assigned mentor per mentee")
    args = parser.parse_args(argv)

    cohorts = load_cohorts(args.data, args.split, args.style)
    if not cohorts:
        parser.error("no cohort matches the split and styles given")
    start = time.perf_counter()
    results = []
    for cohort in cohorts:
        figures = evaluate_cohort(cohort, args.embedder)
        results.append((cohort, figures))
        if args.details:
            print(format_details(cohort, figures), flush=True)
    elapsed = time.perf_counter() - start

    print(f"embedder: {args.embedder}; {len(cohorts)} cohorts, "
          f"{sum(len(c.people) for c in cohorts)} people, "
          f"{sum(len(c.expected) for c in cohorts)} designed pairs")
    for split, table in summarise(results).items():
        print()
        print(format_table(split, table))
    print(f"\nelapsed: {elapsed:.1f} s (model loading included)")
    if args.json:
        args.json.write_text(json.dumps(report(results, args.embedder, elapsed), indent=1,
                                        ensure_ascii=False), encoding="utf-8")
        print(f"figures written to {args.json}")


if __name__ == "__main__":
    main()
