"""Covered topics on the paraphrase set: what is detected, re-suggested, and suggested instead.

Usage:
    python benchmarks/diagnose_covered.py [--case NAME ...]

The set is ``tests/data/labelled_topics_paraphrased.json``: pairs whose notes discuss a
catalogue topic in other words, often in the other language than the pair's (names ending in
``-crosslingual``), some with a ``trap`` (a relevant topic named only in passing or as not
discussed). Each case is built like ``build()`` in ``tests/insights/test_topics_quality.py``
(the real default model) and the script prints, per case:

- ``covered``: every expected covered topic detected by ``covered_topics`` (and what it found,
  with the covering sentence's similarity);
- ``leak``: an expected covered topic re-suggested in the top 5 of ``suggest_topics(k=5)``;
- ``relevant@3``: a ``relevant`` topic in the top 3;
- ``false cover``: a ``relevant`` topic that ``covered_topics`` reports as covered (what a trap
  tests); ``also covered``: any other topic it reports (not a failure: unlabelled);

then the totals, overall and split same-language / cross-lingual, and the failures. It only
reports: it changes no setting.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.insights.test_topics_quality import build  # noqa: E402

SET = ROOT / "tests" / "data" / "labelled_topics_paraphrased.json"


def diagnose(case: dict) -> dict:
    rec = build(case)
    found = rec.covered_topics("mentor", "mentee", source="catalogue")
    found_ids = {c.topic_id for c in found}
    top5 = [s.topic_id for s in rec.suggest_topics("mentor", "mentee", k=5, source="catalogue")]
    covered, relevant = set(case["covered"]), set(case["relevant"])
    return {
        "name": case["name"],
        "language": case["language"],
        "crosslingual": case["name"].endswith("-crosslingual"),
        "trap": "trap" in case,
        "expected": sorted(covered),
        "relevant": case["relevant"],
        "found": [(c.topic_id, c.similarity) for c in found],
        "detected": covered <= found_ids,
        "leaks": [t for t in top5 if t in covered],
        "relevant_top3": bool(relevant & set(top5[:3])),
        "false_cover": sorted(relevant & found_ids),
        "extra": sorted(found_ids - covered - relevant),
        "top5": top5,
    }


def line(r: dict) -> str:
    found = ", ".join(f"{t}:{s:.2f}" for t, s in r["found"]) or "-"
    return (f"{r['name']:36} {r['language']} {'X' if r['crosslingual'] else ' '}"
            f"{'T' if r['trap'] else ' '} covered={'yes' if r['detected'] else 'NO '} "
            f"leak={'YES' if r['leaks'] else 'no '} "
            f"relevant@3={'yes' if r['relevant_top3'] else 'NO '} "
            f"false_cover={','.join(r['false_cover']) or '-'} "
            f"also_covered={','.join(r['extra']) or '-'}\n"
            f"{'':40}expected {r['expected']}, found [{found}]\n"
            f"{'':40}relevant {r['relevant']}, top5 {r['top5']}")


def totals(results: list[dict], label: str) -> str:
    n = len(results)
    if not n:
        return f"{label:16} (none)"
    traps = [r for r in results if r["trap"]]
    return (f"{label:16} n={n:2}  covered detected {sum(r['detected'] for r in results)}/{n}"
            f"  no leak in top5 {sum(not r['leaks'] for r in results)}/{n}"
            f"  relevant in top3 {sum(r['relevant_top3'] for r in results)}/{n}"
            f"  no false cover {sum(not r['false_cover'] for r in results)}/{n}"
            f" (traps {sum(not r['false_cover'] for r in traps)}/{len(traps)})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", nargs="*", help="only these case names")
    args = parser.parse_args(argv)
    cases = json.loads(SET.read_text(encoding="utf-8"))["cases"]
    if args.case:
        cases = [c for c in cases if c["name"] in set(args.case)]
    start = time.perf_counter()
    results = []
    for case in cases:
        results.append(diagnose(case))
        print(line(results[-1]), flush=True)
    print(f"\n{len(results)} cases in {time.perf_counter() - start:.0f} s "
          "(X: notes in the other language, T: trap)")
    print(totals(results, "all"))
    print(totals([r for r in results if not r["crosslingual"]], "same-language"))
    print(totals([r for r in results if r["crosslingual"]], "cross-lingual"))
    print(totals([r for r in results if r["language"] == "fr"], "pair fr"))
    print(totals([r for r in results if r["language"] == "en"], "pair en"))
    failures = [(r["name"], what) for r in results for what, bad in (
        (f"covered not detected {sorted(set(r['expected']) - {t for t, _ in r['found']})}",
         not r["detected"]),
        (f"covered re-suggested in top 5 {r['leaks']}", bool(r["leaks"])),
        (f"no relevant topic in top 3 (top 3 {r['top5'][:3]})", not r["relevant_top3"]),
        (f"relevant topic reported covered {r['false_cover']}", bool(r["false_cover"])),
    ) if bad]
    print(f"\nfailures: {len(failures)}")
    for name, what in failures:
        print(f"  {name}: {what}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
