"""Sign-up forms read from both sides: per form, the columns the proposal gets right and the
rows its mapping, accepted unchanged, imports; this code beside an earlier commit's.

Usage:
    python benchmarks/bench_forms.py [--before 33b7dde] [--split dev|test|all] [--details]

The forms are the labelled exports of ``tests/data/forms/cases/<case>/`` (written for this
benchmark: corporate reverse mentoring in French on Microsoft Forms, academic programmes in
English, Spanish and Portuguese on Google Forms and Typeform, peer programmes, hand-kept
sheets; ``expected.json`` gives every column's field or ``ignored``, the form's role and its
split) and, when present, the real programme's exports of ``../shared/data/real_forms``
(labelled in ``benchmarks/real_forms_expected.json``; development set). Tune on ``dev``,
report on ``test``; ``cases2`` (test) and ``holdout2`` were each written apart as held-out
sets and measured once unseen before anything was tuned on them (their unseen figures are
in the closing note of the forms issue); a new held-out set goes in a new folder, and
``--details`` never prints a held-out set's questions.

What is measured is what a coordinator runs: :meth:`Recommender.propose_mapping` with the
form's role (the coordinator knows which side's form it is), then
:meth:`Recommender.import_people` with the proposed mapping as it is.

- **columns right**: a column expected to feed a field is proposed for that field; a column
  expected ``ignored`` is proposed for no field.
- **rows imported**: people stored by the import (a refused file stores none), out of the
  rows that hold what a person needs (``needs_person`` in ``expected.json`` lists rows that
  do not, like an unfinished Typeform response).

``--before COMMIT`` runs the same measures on that commit's code (a temporary git worktree,
its own package imported), in the same run: the baseline.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "data" / "forms" / "cases"
CASES2 = ROOT / "tests" / "data" / "forms" / "cases2"
HOLDOUT = ROOT / "tests" / "data" / "forms" / "holdout2"
REAL = ROOT.parent / "shared" / "data" / "real_forms"
REAL_EXPECTED = Path(__file__).resolve().parent / "real_forms_expected.json"
HELD_OUT: frozenset[str] = frozenset()
"""Splits not yet measured: their questions are never printed (none at present)."""


def forms(split: str) -> list[dict[str, Any]]:
    """Every labelled form: its file, expected mapping, role and split."""
    out = []
    found = [*CASES.glob("*/expected.json"), *CASES2.glob("*/expected.json"),
             *HOLDOUT.glob("*/expected.json")]
    for expected in sorted(found):
        data = json.loads(expected.read_text(encoding="utf-8"))
        files = [p for p in expected.parent.iterdir() if p.stem == "form"]
        out.append({"name": expected.parent.name, "file": str(files[0]), **data})
    if REAL.is_dir() and REAL_EXPECTED.is_file():
        for name, data in json.loads(REAL_EXPECTED.read_text(encoding="utf-8")).items():
            out.append({"name": f"real:{name}", "file": str(REAL / name), **data})
    return [f for f in out if split == "all" or f["split"] == split]


def evaluate(form: dict[str, Any]) -> dict[str, Any]:
    """Propose, then import the proposal unchanged, with the code importable as ``recommender``."""
    from recommender import Recommender, ValidationError

    rec = Recommender(embedder="hashing")
    started = time.perf_counter()
    try:
        proposal = rec.propose_mapping(form["file"], role=form["role"])
    except (ValidationError, ValueError, KeyError) as exc:
        return {"columns": {}, "imported": 0, "error": f"no proposal: {str(exc)[:200]}",
                "seconds": time.perf_counter() - started}
    columns: dict[str, str] = {}
    for header in form["fields"]:
        try:
            found = proposal.column(header)
        except KeyError:
            columns[header] = "(missing)"
            continue
        columns[header] = found.field or "ignored"
    try:
        result = rec.import_people(form["file"], mapping=proposal.mapping, role=form["role"])
        imported, error = len(rec.people()), ""
        del result
    except (ValidationError, ValueError, KeyError) as exc:
        imported, error = 0, str(exc).splitlines()[0][:200]
    return {"columns": columns, "imported": imported, "error": error,
            "seconds": time.perf_counter() - started}


def run_here(split: str) -> dict[str, dict[str, Any]]:
    return {form["name"]: evaluate(form) for form in forms(split)}


def run_before(commit: str, split: str) -> dict[str, dict[str, Any]]:
    """The same measures on ``commit``'s package: a worktree, this script run with it first
    on the import path."""
    with tempfile.TemporaryDirectory(prefix="bench-forms-") as tmp:
        tree = Path(tmp) / "tree"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "-f",
                        str(tree), commit], check=True, capture_output=True)
        try:
            out = Path(tmp) / "before.json"
            env = {**os.environ, "BENCH_FORMS_CODE": str(tree)}
            subprocess.run([sys.executable, __file__, "--split", split, "--raw", str(out)],
                           check=True, env=env, cwd=tmp)
            return dict(json.loads(out.read_text(encoding="utf-8")))
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)],
                           check=False, capture_output=True)


def right(form: dict[str, Any], found: dict[str, str]) -> int:
    return sum(label_matches(found.get(h, ""), f) for h, f in form["fields"].items())


def label_matches(found: str, label: str) -> bool:
    """A proposal is right when it names the labelled field; the label ``attr`` takes any
    named attribute (``attr_sector``), whose name is the proposal's choice."""
    return found == label or (label == "attr" and found.startswith("attr_"))


def report(split: str, after: dict[str, dict[str, Any]],
           before: dict[str, dict[str, Any]] | None, details: bool) -> None:
    chosen = forms(split)
    head = f"{'form':38} {'split':5} {'tool':11} {'columns right':>21} {'rows imported':>21}"
    print(head)
    print(f"{'':38} {'':5} {'':11} {'before':>10} {'after':>10} {'before':>10} {'after':>10}")
    print("-" * len(head))
    for part in ("dev", "test", "holdout2"):
        total = {"cols": 0, "b_cols": 0, "a_cols": 0, "rows": 0, "b_rows": 0, "a_rows": 0}
        for form in (f for f in chosen if f["split"] == part):
            n_cols = len(form["fields"])
            rows = form["rows"] - len(form.get("needs_person", ()))
            a = after[form["name"]]
            b = before.get(form["name"]) if before else None
            b_cols = f"{right(form, b['columns'])}/{n_cols}" if b else "-"
            b_rows = f"{b['imported']}/{rows}" if b else "-"
            print(f"{form['name']:38} {part:5} {form['tool']:11} {b_cols:>10} "
                  f"{right(form, a['columns']):>6}/{n_cols:<3} {b_rows:>10} "
                  f"{a['imported']:>6}/{rows:<3}")
            total["cols"] += n_cols
            total["a_cols"] += right(form, a["columns"])
            total["rows"] += rows
            total["a_rows"] += min(a["imported"], rows)
            if b:
                total["b_cols"] += right(form, b["columns"])
                total["b_rows"] += min(b["imported"], rows)
            if details and part not in HELD_OUT:  # never show the held-out questions
                for label, found in (("before", b), ("after", a)):
                    if found is None:
                        continue
                    if found["error"]:
                        print(f"    {label}: {found['error']}")
                    for header, field in form["fields"].items():
                        got = found["columns"].get(header)
                        if not label_matches(got, field):
                            print(f"    {label}: {header[:60]!r}: expected {field}, got {got}")
        if total["cols"]:
            print(f"{'all ' + part:38} {part:5} {'':11} "
                  f"{(str(total['b_cols']) + '/' + str(total['cols'])) if before else '-':>10} "
                  f"{total['a_cols']:>6}/{total['cols']:<3} "
                  f"{(str(total['b_rows']) + '/' + str(total['rows'])) if before else '-':>10} "
                  f"{total['a_rows']:>6}/{total['rows']:<3}")
        print("-" * len(head))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("dev", "test", "holdout2", "all"), default="all")
    parser.add_argument("--before", metavar="COMMIT", help="also measure this commit's code")
    parser.add_argument("--details", action="store_true", help="list every wrong column")
    parser.add_argument("--json", type=Path, help="write the figures there")
    parser.add_argument("--raw", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    code = os.environ.get("BENCH_FORMS_CODE")
    sys.path.insert(0, code or str(ROOT))
    import logging

    logging.disable(logging.WARNING)  # the figures only
    if args.raw:  # a run for --before: figures only
        args.raw.write_text(json.dumps(run_here(args.split)), encoding="utf-8")
        return
    started = time.perf_counter()
    before = run_before(args.before, args.split) if args.before else None
    after = run_here(args.split)
    report(args.split, after, before, args.details)
    print(f"elapsed: {time.perf_counter() - started:.1f} s")
    if args.json:
        args.json.write_text(json.dumps({"before": before, "after": after}, indent=2,
                                        ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    main()
