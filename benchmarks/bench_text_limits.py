"""What a very long text costs: import time and memory against the length of one field.

Usage:
    python benchmarks/bench_text_limits.py [--sizes 1000 5000 10000 20000 100000]
                                           [--embedder use-multilingual] [--repeat 3]

Through the public API only: an in-memory ``Recommender(embedder=...)``, then
``add_people`` with one person whose ``profile`` has N characters, and ``add_notes`` with one
session note of N characters, beside a baseline (a usual 300-character profile or note) in
the same process. Two shapes of text:

- ``sentences``: real profile sentences one after the other (what a long CV pasted in looks
  like); the profile is split into sentences and each one is embedded;
- ``run-on``: the same words with no sentence end at all (a pasted blob); it is embedded as
  one piece.

Each (shape, N) runs in its own fresh process, so its peak memory is its own. Printed per
case: seconds for the baseline and for the long text (the best of ``--repeat`` calls, each on
a new text), the peak resident memory of the
process (``resource.getrusage``) before and after the long text, and the peak of Python and
numpy allocations during the long text alone (``tracemalloc``, measured on a second, distinct
text of the same length so that the embedding cache does not hide the work).
"""

from __future__ import annotations

import argparse
import itertools
import json
import resource
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from recommender import Recommender, demo_path
from recommender.intake import validate
from recommender.intake.readers import read_table
from recommender.language.text import split_sentences

SHAPES = ("sentences", "run-on")
BASELINE_CHARS = 300


def _sentences() -> list[str]:
    base = []
    for _, row in read_table(demo_path("demo_people.csv")):
        for field in ("profile", "offers", "wants"):
            base.extend(split_sentences(str(row.get(field) or "")))
    return list(dict.fromkeys(base))


def make_text(n: int, shape: str, variant: int) -> str:
    """``n`` characters of realistic text; ``variant`` makes otherwise equal texts differ."""
    parts = []
    total = 0
    for i, sentence in enumerate(itertools.cycle(_sentences())):
        piece = f"{sentence.rstrip('.')} ({variant}-{i})."
        if shape == "run-on":
            piece = piece.replace(".", "").replace("!", "").replace("?", "").replace(";", "")
        parts.append(piece)
        total += len(piece) + 1
        if total >= n:
            break
    return " ".join(parts)[:n]


def _rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _person(pid: str, profile: str) -> dict:
    return {"id": pid, "name": pid, "years_experience": 10, "profile": profile}


def _best(repeat: int, run: Callable[[int], object]) -> float:
    """The shortest of ``repeat`` timed calls (the machine is shared: the minimum is the
    cost, the rest is other people's load)."""
    times = []
    for r in range(repeat):
        start = time.perf_counter()
        run(r)
        times.append(time.perf_counter() - start)
    return min(times)


def child(n: int, shape: str, embedder: str, repeat: int) -> dict:
    """One measurement in this (fresh) process; returns the figures."""
    # Measuring past the limits is the point: lift them in this process only.
    validate.MAX_TEXT_CHARS = validate.MAX_PERSON_CHARS = 10 * n
    rec = Recommender(embedder=embedder)
    rec.add_people([_person("warm-up", "I run our TikTok account. Je veux apprendre Excel."),
                    _person("mentee", "Je veux comprendre les réseaux sociaux.")])
    figures: dict = {"n": n, "shape": shape}

    def note(text: str, day: int) -> list[dict]:
        return [{"mentor_id": "warm-up", "mentee_id": "mentee",
                 "date": f"2026-01-{1 + day % 28:02d}", "text": text}]

    # Every call embeds a new text (a variant), so the embedding cache never answers.
    figures["people_base_s"] = _best(repeat, lambda r: rec.add_people(
        [_person(f"base-{r}", make_text(BASELINE_CHARS, "sentences", 10 + r))]))
    figures["notes_base_s"] = _best(repeat, lambda r: rec.add_notes(
        note(make_text(BASELINE_CHARS, "sentences", 20 + r), r)))
    figures["rss_before_mb"] = _rss_mb()
    figures["people_s"] = _best(repeat, lambda r: rec.add_people(
        [_person(f"long-{r}", make_text(n, shape, 30 + r))]))
    figures["notes_s"] = _best(repeat, lambda r: rec.add_notes(
        note(make_text(n, shape, 40 + r), r)))
    figures["rss_after_mb"] = _rss_mb()
    figures["segments"] = sum(1 for s in rec.segments() if s.person_id == "long-0")

    tracemalloc.start()
    rec.add_people([_person("long-traced", make_text(n, shape, 50))])
    figures["people_peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.reset_peak()
    rec.add_notes(note(make_text(n, shape, 60), 0))
    figures["notes_peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000, 10000, 20000, 100000])
    parser.add_argument("--shapes", nargs="+", choices=SHAPES, default=list(SHAPES))
    parser.add_argument("--embedder", default="use-multilingual")
    parser.add_argument("--repeat", type=int, default=3, help="timed calls per case (minimum)")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--shape", choices=SHAPES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(child(args.child, args.shape, args.embedder, args.repeat)))
        return

    print(f"embedder: {args.embedder}; baseline: a {BASELINE_CHARS}-character profile / note "
          f"in the same process; seconds: best of {args.repeat}")
    head = (f"{'shape':<10}{'chars':>8}{'sent.':>6}{'add_people s':>14}{'(base)':>8}"
            f"{'add_notes s':>13}{'(base)':>8}{'peak RSS MB':>13}{'(before)':>10}"
            f"{'alloc MB people/notes':>23}")
    print(head)
    for shape in args.shapes:
        for n in args.sizes:
            out = subprocess.run(
                [sys.executable, __file__, "--child", str(n), "--shape", shape,
                 "--embedder", args.embedder, "--repeat", str(args.repeat)],
                capture_output=True, text=True, check=True)
            f = json.loads(out.stdout.strip().splitlines()[-1])
            print(f"{shape:<10}{n:>8}{f['segments']:>6}{f['people_s']:>14.3f}"
                  f"{f['people_base_s']:>8.3f}{f['notes_s']:>13.3f}{f['notes_base_s']:>8.3f}"
                  f"{f['rss_after_mb']:>13.0f}{f['rss_before_mb']:>10.0f}"
                  f"{f['people_peak_mb']:>12.1f} /{f['notes_peak_mb']:>8.1f}", flush=True)


if __name__ == "__main__":
    main()
