"""The coordinator page's handlers, called in process with the fake embedder (no server)."""

from __future__ import annotations

import csv

import pytest

from recommender import HashingEmbedder, Recommender
from recommender.ui import Coordinator, pair_key
from recommender.ui.handlers import Result


@pytest.fixture
def coordinator(rec: Recommender, tmp_path) -> Coordinator:
    return Coordinator(rec, export_dir=tmp_path / "exports")


def write_people(path, rows: list[dict]) -> str:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return str(path)


def test_import_reports_success_and_removes_the_upload(tmp_path):
    c = Coordinator(Recommender(embedder=HashingEmbedder()))
    upload = write_people(tmp_path / "people.csv", [
        {"id": "a", "name": "Ana", "years_experience": 1, "offers": "I run TikTok."}])
    result = c.import_files(upload, None, "fr")
    assert result == Result(True, "1 participant(s) importé(s).")
    assert not (tmp_path / "people.csv").exists()
    assert [p.id for p in c.rec.people()] == ["a"]


def test_import_of_a_bad_file_is_a_failure_naming_row_and_column(tmp_path):
    c = Coordinator(Recommender(embedder=HashingEmbedder()))
    upload = write_people(tmp_path / "people.csv", [
        {"id": "a", "name": "Ana", "years_experience": "many", "offers": "I run TikTok."}])
    result = c.import_files(upload, None, "en")
    assert not result.ok
    assert "people.csv, row 2, column 'years_experience'" in result.message
    assert c.rec.people() == []


def test_no_file_is_a_failure(coordinator):
    assert not coordinator.import_files(None, None).ok


def test_edit_save_and_delete(coordinator):
    fields = coordinator.person_fields("j1")
    assert fields[0] == "Inès"
    fields[1] = 2.0  # years
    saved = coordinator.save_person("j1", *fields)
    assert saved.ok and coordinator.rec.person("j1").years_experience == 2.0
    fields[1] = -5
    refused = coordinator.save_person("j1", *fields)
    assert not refused.ok and "years" in refused.message
    assert coordinator.rec.person("j1").years_experience == 2.0
    assert not coordinator.delete_person("j1", confirmed=False).ok
    assert coordinator.delete_person("j1", confirmed=True).ok
    assert "j1" not in {p.id for p in coordinator.rec.people()}


def test_match_decide_log_and_read(coordinator):
    summary, pairs, _ = coordinator.run_matching(3, 0.05, 1)
    assert len(pairs) == 2 and "2" in summary
    key = pair_key("j1", "s1")
    assert key in [value for _, value in coordinator.pair_choices()]
    accepted = coordinator.set_pair_status(key, "accept")
    assert accepted.ok and "accepted" in accepted.message
    assert {p.key: p.status for p in coordinator.rec.pairs()}[("j1", "s1")] == "accepted"
    locked = coordinator.set_pair_status(key, "lock")
    assert locked.ok and {p.key: p for p in coordinator.rec.pairs()}[("j1", "s1")].locked
    assert not coordinator.set_pair_status(None, "accept").ok

    bad = coordinator.log_note(key, "yesterday", "We met.", 4)
    assert not bad.ok and "date" in bad.message
    good = coordinator.log_note(key, "2026-11-02", "We compared TikTok job ads.", 4)
    assert good.ok
    history = coordinator.pair_history(key)
    assert len(history) == 1
    coordinator.set_notes_visible(False)
    assert coordinator.pair_history(key).iloc[0, -1] == "—"
    topics = coordinator.next_topics(key, k=3)
    assert len(topics) == 3 and all(t["reasons"] for t in topics)
    assert coordinator.next_topics_html(key, k=3).count('class="topic-card"') == 3
    export = coordinator.export_pairs("csv")
    assert export.endswith(".csv")
