"""``tandem kit`` and ``tandem checkin`` on a workspace (in process)."""

from __future__ import annotations

import csv
import email.policy
from email.parser import BytesParser

import icalendar
import pytest

from recommender.errors import UnknownIdError


def test_kit_writes_a_set_per_accepted_pair(workspace, tandem, tmp_path):
    out = tmp_path / "kits"
    result = tandem("kit", "--workspace", str(workspace.path), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "3 kit(s)" in result.stdout and "Nothing was sent" in result.stdout
    names = {p.name for p in out.iterdir()}
    assert {"m1_s1.eml", "m1_s1.ics", "m2_s2.eml", "m3_s3.txt", "index.html"} <= names
    message = BytesParser(policy=email.policy.default).parsebytes(
        (out / "m2_s2.eml").read_bytes())
    assert message["Subject"].startswith("Introducing Sam Carter and Robert Walsh")
    event = icalendar.Calendar.from_ical((out / "m2_s2.ics").read_text()).walk("VEVENT")[0]
    assert event.decoded("DTSTART").tzinfo is not None
    assert oct((out / "m1_s1.eml").stat().st_mode & 0o777) == "0o600"


def test_preview_prints_and_writes_nothing(workspace, tandem, tmp_path):
    result = tandem("kit", "--workspace", str(workspace.path), "--pair", "m1:s1",
                    "--language", "en", "--preview")
    assert result.returncode == 0, result.stderr
    assert "=== Inès Martin → Sylvie Renaud (en; to: ines.martin@example.org, " in result.stdout
    assert "Subject: Introducing Inès Martin and Sylvie Renaud" in result.stdout
    assert "Hello Inès, hello Sylvie," in result.stdout
    assert not (tmp_path / "kits").exists()


def test_no_accepted_pair_and_a_broken_template(workspace, tandem):
    none = tandem("kit", "--workspace", str(workspace.path), "--pairs", "active", "--out", "x")
    assert none.returncode == 0 and "no active pair" in none.stderr
    folder = workspace.kit_template_folder
    folder.mkdir()
    (folder / "intro_fr.txt").write_text("Objet : x\n\n{{ mentor.name }\n", encoding="utf-8")
    broken = tandem("kit", "--workspace", str(workspace.path), "--preview")
    assert broken.returncode == 2
    assert "intro_fr.txt, line 3: syntax error" in broken.stderr
    missing = tandem("kit", "--workspace", "nowhere", "--preview")
    assert missing.returncode == 2 and "no workspace at nowhere" in missing.stderr


def test_checkin_form_then_answers_and_who_has_not_answered(workspace, tandem, tmp_path):
    form = tmp_path / "form.csv"
    written = tandem("checkin", "--workspace", str(workspace.path), "--out", str(form))
    assert written.returncode == 0, written.stderr
    with form.open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    rows = [rows[0], *([*r[:4], "2026-09-10", "5", "A good first talk."]
                       for r in rows[1:] if r[0] == "m2"),
            *(r for r in rows[1:] if r[0] != "m2")]
    with form.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    result = tandem("checkin", "--workspace", str(workspace.path), "--import", str(form))
    assert result.returncode == 0, result.stderr
    assert "1 session note(s) stored from 1 pair(s)" in result.stdout
    assert "No answer from 2 pair(s):" in result.stdout
    assert "Inès Martin → Sylvie Renaud (m1:s1)" in result.stdout
    assert "Sam Carter" not in result.stdout.split("No answer", 1)[1]


def test_a_kit_is_for_a_pair_that_exists_and_is_kept(workspace, tandem):
    with pytest.raises(UnknownIdError, match="unknown pair id 'm1:s2'"):
        workspace.pair_kit("m1", "s2")
    workspace.set_pair_status("m2", "s2", "rejected")
    refused = tandem("kit", "--workspace", str(workspace.path), "--pair", "m2:s2", "--preview")
    assert refused.returncode == 2 and "m2:s2 is rejected" in refused.stderr
    unknown = tandem("kit", "--workspace", str(workspace.path), "--pair", "m1:s2", "--preview")
    assert unknown.returncode != 0 and "unknown pair id 'm1:s2'" in unknown.stderr
