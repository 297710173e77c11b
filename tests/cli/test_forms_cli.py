"""Importing real-shaped sign-up form exports through `tandem`: a proposed mapping, an
explicit one, reuse, one form per side, bad rows, programme direction (issue #12)."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest

from ..shared import FORMS, CliResult, run_cli


def tandem(*args: str, cwd: Path) -> CliResult:
    return run_cli(*args, "--model", "hashing", cwd=cwd)


@pytest.fixture
def forms(tmp_path: Path) -> Path:
    for name in ("google_mentees_en.csv", "google_mentors_en.csv"):
        shutil.copy(FORMS / name, tmp_path / name)
    return tmp_path


def rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def test_a_form_export_gets_a_proposed_mapping_and_no_workspace(forms):
    run = tandem("import", "--workspace", "ws", "google_mentees_en.csv", "--role", "mentee",
                 cwd=forms)
    assert run.returncode == 2
    assert "no column for id, years_experience" in run.stderr
    assert "columns found: timestamp, email_address" in run.stderr
    assert "'how_did_you_hear_about_the_programme' -> not used" in run.stderr
    assert "'Senior Ph.D. Student (3rd year or more of Ph.D.)' -> 4.0 (suggested" in run.stderr
    assert not (forms / "ws").exists()  # a failed first import creates nothing
    proposal = json.loads((forms / "google_mentees_en.mapping.json").read_text())
    assert proposal["role"] == "mentee"
    assert proposal["fields"]["years_experience"] == ["what_is_your_current_position"]


def test_classic_programme_from_two_forms_end_to_end(forms):
    for side in ("mentees", "mentors"):
        first = tandem("import", "--workspace", "ws", f"google_{side}_en.csv", "--role",
                       side[:-1], cwd=forms)
        assert first.returncode == 2
    # The coordinator confirms the mentors' mapping, giving the category it could not guess.
    path = forms / "google_mentors_en.mapping.json"
    mapping = json.loads(path.read_text())
    refused = tandem("import", "--workspace", "ws", "google_mentors_en.csv", "--map", str(path),
                     cwd=forms)
    assert refused.returncode == 2
    assert "row 6, column 'what_is_your_current_position': 'Industry Researcher'" in refused.stderr
    mapping["value_maps"]["years_experience"]["Industry Researcher"] = 8
    path.write_text(json.dumps(mapping))
    for side in ("mentees", "mentors"):
        ok = tandem("import", "--workspace", "ws", f"google_{side}_en.csv", "--map",
                    f"google_{side}_en.mapping.json", cwd=forms)
        assert ok.returncode == 0, ok.stderr
    # Reverse (the default) pairs nobody: the mentors are the seniors here.
    reverse = tandem("match", "--workspace", "ws", "--out", "rev", "-q", cwd=forms)
    assert reverse.returncode == 0
    assert rows(forms / "rev" / "pairs.csv") == []
    assert "reverse mentoring: the mentor is the junior" in (forms / "rev" / "unmatched.csv").read_text()
    classic = tandem("match", "--workspace", "ws", "--direction", "classic", "--out", "out", "-q",
                     cwd=forms)
    assert classic.returncode == 0, classic.stderr
    pairs = rows(forms / "out" / "pairs.csv")
    assert len(pairs) >= 8
    assert all("is the senior mentor" in p["reasons"] for p in pairs)
    assert not any(";\"" in p["reasons"] or "; (" in p["reasons"] for p in pairs)
    assert json.loads((forms / "ws" / "workspace.json").read_text())["direction"] == "classic"
    # The direction is remembered; the mapping too, for the next export of the same form.
    again = tandem("match", "--workspace", "ws", "--out", "again", "-q", cwd=forms)
    assert again.returncode == 0, again.stderr
    assert len(rows(forms / "again" / "pairs.csv")) == len(pairs)
    reuse = tandem("import", "--workspace", "ws", "google_mentees_en.csv", cwd=forms)
    assert reuse.returncode == 0, reuse.stderr
    assert "using the column mapping saved by the last import of this form" in reuse.stderr


def test_bad_rows_are_atomic_by_default_and_skipped_with_partial(forms, tmp_path):
    tandem("import", "--workspace", "ws", "google_mentees_en.csv", "--role", "mentee", cwd=forms)
    text = (forms / "google_mentees_en.csv").read_text(encoding="utf-8")
    (forms / "bad.csv").write_text(text.replace("Master's Student", "Astronaut", 1),
                                   encoding="utf-8")
    atomic = tandem("import", "--workspace", "ws", "bad.csv", "--map",
                    "google_mentees_en.mapping.json", cwd=forms)
    assert atomic.returncode == 2 and "'Astronaut'" in atomic.stderr
    assert not (forms / "ws").exists()
    partial = tandem("import", "--workspace", "ws", "bad.csv", "--map",
                     "google_mentees_en.mapping.json", "--partial", cwd=forms)
    assert partial.returncode == 0, partial.stderr
    assert "left out" in partial.stderr and "'Astronaut'" in partial.stderr
    total = len(rows(forms / "bad.csv"))
    assert f"{total - 1} people" in partial.stdout


@pytest.mark.parametrize("gap", ["-100", "-0.5"])
def test_a_negative_gap_is_an_error_not_a_switch(forms, gap):
    run = tandem("import", "--workspace", "ws", "google_mentees_en.csv", "--min-gap", gap,
                 cwd=forms)
    assert run.returncode == 2 and "min_experience_gap must be" in run.stderr
