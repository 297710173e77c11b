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
    assert "a mapping is needed" in run.stderr
    # the questions as the form wrote them, never as keys
    assert "'How did you hear about the programme?' -> not used" in run.stderr
    assert "how_did_you_hear" not in run.stderr
    assert "'Senior Ph.D. Student (3rd year or more of Ph.D.)' -> 4.0 (suggested" in run.stderr
    assert not (forms / "ws").exists()  # a failed first import creates nothing
    proposal = json.loads((forms / "google_mentees_en.mapping.json").read_text())
    assert proposal["role"] == "mentee"
    assert proposal["fields"]["years_experience"] == ["What is your current position?"]


def test_classic_programme_from_two_forms_end_to_end(forms):
    for side in ("mentees", "mentors"):
        first = tandem("import", "--workspace", "ws", f"google_{side}_en.csv", "--role",
                       side[:-1], cwd=forms)
        assert first.returncode == 2
    # The coordinator edits one suggested value of the mentors' mapping and confirms both.
    path = forms / "google_mentors_en.mapping.json"
    mapping = json.loads(path.read_text())
    assert mapping["value_maps"]["years_experience"]["Industry Researcher"] == 10
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


def test_an_answer_the_mapping_cannot_read_warns_and_a_row_lacking_a_text_stops(forms):
    """What the mapping cannot read is a warning and the row is kept; a row without what a
    person needs (a text to match on) is an error: the whole file by default, that row
    only with --partial."""
    tandem("import", "--workspace", "ws", "google_mentees_en.csv", "--role", "mentee", cwd=forms)
    table = list(csv.reader((forms / "google_mentees_en.csv").open(encoding="utf-8-sig")))
    header, first = table[0], table[1]
    first[header.index("What is your current position?")] = "Astronaut"
    unread = forms / "unread.csv"
    with unread.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(table)
    kept = tandem("import", "--workspace", "ws", "unread.csv", "--map",
                  "google_mentees_en.mapping.json", cwd=forms)
    assert kept.returncode == 0, kept.stderr
    assert "row 2, column 'What is your current position?': 'Astronaut' is not a number" \
        in kept.stderr
    for question in ("Research areas", "Career goals", "What skills would you like to develop?"):
        first[header.index(question)] = ""
    with (forms / "bad.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(table)
    atomic = tandem("import", "--workspace", "ws2", "bad.csv", "--map",
                    "google_mentees_en.mapping.json", cwd=forms)
    assert atomic.returncode == 2 and "row 2" in atomic.stderr and "empty text" in atomic.stderr
    assert not (forms / "ws2").exists()
    partial = tandem("import", "--workspace", "ws2", "bad.csv", "--map",
                     "google_mentees_en.mapping.json", "--partial", cwd=forms)
    assert partial.returncode == 0, partial.stderr
    assert "left out" in partial.stderr and "empty text" in partial.stderr
    total = len(table) - 1
    assert f"{total - 1} people" in partial.stdout


@pytest.mark.parametrize("gap", ["-100", "-0.5"])
def test_a_negative_gap_is_an_error_not_a_switch(forms, gap):
    run = tandem("import", "--workspace", "ws", "google_mentees_en.csv", "--min-gap", gap,
                 cwd=forms)
    assert run.returncode == 2 and "min_experience_gap must be" in run.stderr
