"""The coordinator page's handlers, called in process with the fake embedder (no server)."""

from __future__ import annotations

import csv
import json
import re

import pytest

from recommender import HashingEmbedder, Recommender
from recommender.ui.common import Result, pair_key
from recommender.ui.coordinator import Coordinator


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
    assert not refused.ok and "Years of experience" in refused.message
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


def test_edit_form_is_filled_and_saved_in_french(coordinator):
    fields = coordinator.person_fields("s2")
    assert fields[:4] == ["Marc", 22, "Stores", ""] and fields[8] == "either"
    assert coordinator.person_fields("nobody")[0] == ""
    fields[0] = "Marc D."
    assert coordinator.save_person("s2", *fields, lang="fr") == Result(True, "Enregistré.")
    fields[1] = None  # the number box emptied
    refused = coordinator.save_person("s2", *fields, lang="fr")
    assert not refused.ok and refused.message.startswith("Non enregistré")
    assert "Années d'expérience" in refused.message and "upload" not in refused.message
    assert coordinator.rec.person("s2").name == "Marc D."


def test_tables_follow_the_page_language(coordinator):
    coordinator.rec.add_people([{"id": "x", "name": "Xavier", "years_experience": 30.2,
                                 "offers": "I know retail.", "role_preference": "mentee"}])
    people = coordinator.people_table("Xavier", "fr")
    assert people.iloc[0]["années"] == "30,2" and people.iloc[0]["préférence"] == "mentoré"
    coordinator.run_matching(3, 0.05, 1)
    pairs = coordinator.pairs_table("fr")
    assert set(pairs["statut"]) == {"proposé"}
    assert all(re.fullmatch(r"(fort|bon|moyen|faible) · \d+ %", m) for m in pairs["accord"])
    english = coordinator.pairs_table("en")
    assert "can help" in english.iloc[0]["reasons"] and "peut aider" in pairs.iloc[0]["raisons"]
    unmatched = coordinator.unmatched_table("fr")
    assert "Xavier" in set(unmatched["nom"]) and "mentoré" in " ".join(unmatched["raison"])


def test_review_decide_with_version_and_stale_decision(coordinator):
    coordinator.run_matching(3, 0.05, 1)
    key = pair_key("j1", "s1")
    review = coordinator.review(key, "fr")
    assert review.key == key and review.version >= 1
    assert review.buttons["accept"] == "Accepter"  # short: the panel names the pair
    assert "Inès → Sylvie" in review.html
    assert review.enabled["accept"] and not review.enabled["reopen"]
    assert '<mark class="main">' in review.html and "Autres mentors pour Sylvie" in review.html
    assert re.search(r"Accord (fort|bon|moyen|faible) : \d+ %", review.html)
    # Somebody else accepts the pair meanwhile: the page's decision is refused, not applied.
    coordinator.rec.set_pair_status("j1", "s1", "accepted")
    stale = coordinator.set_pair_status(key, "reject", "en", version=review.version)
    assert not stale.ok and "changed this pair since it was shown" in stale.message
    assert "accepted" in stale.message
    assert {p.key: p.status for p in coordinator.rec.pairs()}[("j1", "s1")] == "accepted"
    fresh = coordinator.review(key, "en")
    assert fresh.version > review.version
    assert coordinator.set_pair_status(key, "lock", "en", version=fresh.version).ok
    locked = coordinator.review(key, "en")
    assert locked.buttons["lock"] == "Unlock"
    assert not locked.enabled["accept"] and locked.enabled["reject"]  # accepted already


def test_a_rejected_pair_is_reopened_and_a_decision_undone(coordinator):
    coordinator.run_matching(3, 0.05, 1)
    key = pair_key("j1", "s1")
    version = coordinator.review(key, "en").version
    rejected, undo = coordinator.decide(key, "reject", "en", version=version)
    assert rejected.ok and undo and undo[0][:3] == [key, "proposed", False]
    review = coordinator.review(key, "en")
    assert review.enabled["reopen"] and not review.enabled["reject"]
    # undo puts it back as it was
    undone = coordinator.undo(undo, "en")
    assert undone.ok and "proposed" in undone.message
    assert coordinator.rec.pair("j1", "s1").status == "proposed"
    assert not coordinator.undo([], "en").ok
    # reject again, then reopen from the review
    version = coordinator.review(key, "en").version
    coordinator.decide(key, "reject", "en", version=version)
    reopened, _ = coordinator.decide(key, "reopen", "fr",
                                     version=coordinator.review(key, "en").version)
    assert reopened.ok and "proposé" in reopened.message
    assert coordinator.rec.pair("j1", "s1").status == "proposed"
    # an undo after somebody else changed the pair leaves it as it is
    _, undo = coordinator.decide(key, "accept", "en",
                                 version=coordinator.review(key, "en").version)
    coordinator.rec.set_pair_status("j1", "s1", "active")
    stale = coordinator.undo(undo, "en")
    assert not stale.ok and "changed since" in stale.message
    assert coordinator.rec.pair("j1", "s1").status == "active"


def test_a_bulk_acceptance_is_undone_as_one_decision(coordinator):
    coordinator.run_matching(3, 0.05, 1)
    proposed = {p.key for p in coordinator.rec.pairs(("proposed",))}
    result, undo = coordinator.bulk_decide("weak", "en")
    assert result.ok and len(undo) == len(proposed) > 0
    assert coordinator.undo(undo, "en").ok
    assert {p.key for p in coordinator.rec.pairs(("proposed",))} == proposed


def test_a_rejected_pair_paired_by_hand_is_accepted_again(coordinator):
    coordinator.run_matching(3, 0.05, 1)
    coordinator.rec.set_pair_status("j1", "s1", "rejected")
    again = coordinator.add_manual_pair("j1", "s1", "en")
    assert again.ok and "was rejected: now accepted" in again.message
    assert coordinator.rec.pair("j1", "s1").status == "accepted"
    twice = coordinator.add_manual_pair("j1", "s1", "en")
    assert not twice.ok and "already accepted" in twice.message


def test_manual_pairing_checks_the_rules(coordinator):
    forbidden = coordinator.add_manual_pair("s1", "j1", "fr")  # the senior as mentor
    assert not forbidden.ok and forbidden.message.startswith("Sylvie → Inès ne peut pas")
    assert not coordinator.add_manual_pair("j1", "j1").ok
    made = coordinator.add_manual_pair("j2", "s1", "en")
    assert made.ok and "paired by hand" in made.message
    assert {p.key: p.status for p in coordinator.rec.pairs()}[("j2", "s1")] == "accepted"


def test_bulk_accept_above_a_level(coordinator):
    coordinator.run_matching(3, 0.05, 1)
    scores = {p.key: p.score for p in coordinator.rec.pairs(("proposed",))}
    result = coordinator.bulk_accept("weak", "en")
    assert result.ok and f"Accepted {len(scores)}" in result.message
    assert not coordinator.rec.pairs(("proposed",))


def test_filters_of_the_pairs_table(coordinator):
    coordinator.run_matching(3, 0.05, 1)
    coordinator.set_pair_status(pair_key("j1", "s1"), "accept")
    assert len(coordinator.pairs_table("en", status="accepted")) == 1
    assert len(coordinator.pairs_table("en", department="Stores")) == 1
    levels = {lv for lv in ("strong", "good", "fair", "weak")
              if len(coordinator.pairs_table("en", level=lv))}
    assert sum(len(coordinator.pairs_table("en", level=lv)) for lv in levels) == 2


def test_dates_in_french_are_accepted_and_shown_in_french(coordinator):
    coordinator.rec.set_pair_status("j1", "s1", "active")
    key = pair_key("j1", "s1")
    assert coordinator.log_note(key, "28/11/2026", "On a parlé de TikTok.", 4, "fr").ok
    assert coordinator.rec.notes("j1", "s1")[0].date == "2026-11-28"
    refused = coordinator.log_note(key, "28/11/2026", "x", 4, "en")
    assert not refused.ok and "YYYY-MM-DD" in refused.message
    assert coordinator.pair_history(key, "fr").iloc[0]["date"] == "28/11/2026"


def test_a_session_in_the_future_is_refused(coordinator):
    import datetime as dt

    coordinator.rec.set_pair_status("j1", "s1", "active")
    key = pair_key("j1", "s1")
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    refused = coordinator.log_note(key, tomorrow, "Next week we talk about TikTok.", 4, "en")
    assert not refused.ok and "in the future" in refused.message
    assert coordinator.rec.notes("j1", "s1") == []
    assert coordinator.log_note(key, dt.date.today().isoformat(), "Today.", 4, "en").ok


def test_the_topic_catalogue_is_loaded_edited_and_reset_on_the_page(coordinator, tmp_path):
    shipped = len(coordinator.rec.topics())
    assert "shipped catalogue" in coordinator.catalogue_status("en")
    upload = tmp_path / "research.csv"
    upload.write_text(
        "id,language,category,title,description,starters\n"
        "rev,en,research,Peer review,How to review a paper well,What makes a review fair?\n"
        "rev,fr,recherche,Relecture,Bien relire un article,Qu'est-ce qu'une relecture juste ?\n"
        "grant,en,research,Grant writing,Writing a first grant proposal,Who reads a grant?\n",
        encoding="utf-8")
    loaded = coordinator.load_catalogue(str(upload), "en")
    assert loaded.ok and "2 topic(s)" in loaded.message and not upload.exists()
    assert "own catalogue (2 topics, in en, fr)" in coordinator.catalogue_status("en")
    table = coordinator.catalogue_table()
    assert list(table["id"]) == ["rev", "rev", "grant"]
    # edited on the page: a title changed, a blank row dropped, a topic added
    rows = table.values.tolist()
    rows[2][3] = "Writing grants"
    rows.append(["", "", "", "", "", ""])
    rows.append(["ethics", "en", "research", "Research ethics", "Consent and data", ""])
    saved = coordinator.save_catalogue({"headers": list(table.columns), "data": rows}, "en")
    assert saved.ok and "3 topic(s)" in saved.message
    titles = {tp.id: tp.title["en"] for tp in coordinator.rec.topics()}
    assert titles == {"rev": "Peer review", "grant": "Writing grants",
                      "ethics": "Research ethics"}
    # a mistake is named and changes nothing
    rows[-1][3] = ""
    refused = coordinator.save_catalogue(rows, "en")
    assert not refused.ok and "row 5" in refused.message and "title" in refused.message
    assert len(coordinator.rec.topics()) == 3
    assert coordinator.use_shipped_catalogue("en").ok
    assert len(coordinator.rec.topics()) == shipped
    assert "catalogue fourni" in coordinator.catalogue_status("fr")


def test_topics_drawn_from_the_programme_are_edited_merged_and_saved(coordinator):
    status = coordinator.catalogue_status("en")
    assert re.search(r"The shipped catalogue answers \d+ of \d+ wishes of this programme\.",
                     status), status
    assert re.search(r"Le catalogue fourni répond à \d+ des \d+ souhaits",
                     coordinator.catalogue_status("fr"))
    result, table, who = coordinator.draw_topics("fr")
    assert result.ok and "tiré(s) de" in result.message
    assert table is not None and set(table["category"]) == {"cohort"}
    ids = list(dict.fromkeys(table["id"]))
    assert ids[0] == "cohort-01" and len(ids) >= 2
    assert list(who.columns) == ["id", "titre", "souhaits", "souhaits de", "exemples"]
    assert who.iloc[0]["souhaits de"]  # the people, by name
    names = {p.name for p in coordinator.rec.people()}
    assert set(who.iloc[0]["souhaits de"].split(", ")) <= names
    assert coordinator.rec.topics_chosen() is False  # nothing stored by drawing
    # merged in the table (not saved), then a mistake is refused with the table unchanged
    merged_result, merged = coordinator.merge_rows(table, f"{ids[0]}, {ids[1]}", "Both", "en")
    assert merged_result.ok and merged is not None
    assert ids[1] not in set(merged["id"]) and set(merged[merged["id"] == ids[0]]["title"]) \
        == {"Both"}
    refused, unchanged = coordinator.merge_rows(merged, f"{ids[0]}, nope", "", "en")
    assert not refused.ok and unchanged is None and "nope" in refused.message
    saved = coordinator.save_catalogue(merged, "en")
    assert saved.ok and coordinator.rec.topics_chosen()
    assert "This programme's catalogue answers 2 of 2" in coordinator.catalogue_status("en")
    assert "drawn from the programme's own wishes" not in coordinator.catalogue_status("en")


def test_drawing_topics_without_wishes_says_so_and_keeps_the_table():
    empty = Coordinator(Recommender(embedder=HashingEmbedder()))
    result, table, who = empty.draw_topics("en")
    assert not result.ok and "Nobody has said" in result.message
    assert table is None and who.empty
    assert "No wish to answer yet" in empty.catalogue_status("en")


def test_the_page_says_where_the_programme_stands(tmp_path, coordinator):
    empty = Coordinator(Recommender(embedder=HashingEmbedder()))
    assert "Start here" in empty.overview("en") and "Par où commencer" in empty.overview("fr")
    assert empty.header("en").startswith("# Reverse mentoring coordinator")
    assert "participant(s)" in coordinator.overview("en")
    assert "run the matching" in coordinator.overview("en")
    coordinator.run_matching(3, 0.05, 1, direction="classic")
    assert coordinator.header("fr").startswith("# Coordination du mentorat\n")
    coordinator.run_matching(3, 0.05, 1, direction="reverse")
    assert "proposed" in coordinator.overview("en") and "review" in coordinator.overview("en")


def test_the_programme_rules_are_edited_on_the_page_and_saved(tmp_path):
    rec = Recommender.open(tmp_path / "ws", embedder=HashingEmbedder())
    c = Coordinator(rec)
    toml = ('preferences = "off"\n[levels]\nladder = "academic"\nmin_steps = 1\n'
            'max_steps = 3\n[[same]]\nfield = "department"\neffect = "forbid"\n')
    message, shown = c.save_rules(toml, "en")
    assert message.startswith("Rules saved")
    assert rec.params.rules.levels is not None and rec.params.rules.preferences == "off"
    assert '"ladder": "academic"' in shown  # shown back as saved (JSON)
    again = Recommender.open(tmp_path / "ws", embedder=HashingEmbedder())
    assert again.params.rules == rec.params.rules
    message, shown = c.save_rules('{"levels": {"ladder": "navy"}}', "fr")
    assert message.startswith("Règles non enregistrées") and "unknown ladder 'navy'" in message
    assert shown == '{"levels": {"ladder": "navy"}}'  # what was typed stays, to fix it
    assert rec.params.rules.levels is not None and rec.params.rules.levels.ladder[0][0] == \
        "Undergraduate student"
    message, _ = c.save_rules("levels = [", "en")
    assert message.startswith("Rules not saved: rules: not JSON")


def test_the_page_runs_a_classic_programme_and_every_front_end_starts_from_its_settings(
        tmp_path):
    rows = [{"id": f"s{i}", "name": f"Senior {i}", "years_experience": 20,
             "role_preference": "mentor", "offers": "I can teach budgeting and negotiation."}
            for i in range(3)]
    rows += [{"id": f"j{i}", "name": f"Junior {i}", "years_experience": 1,
              "role_preference": "mentee", "wants": "I want to learn budgeting."}
             for i in range(3)]
    rec = Recommender.open(tmp_path / "ws", embedder=HashingEmbedder())
    rec.add_people(rows)
    c = Coordinator(rec)
    summary, _, _ = c.run_matching(3, 0.05, 1, 0, "en")  # the demo's reverse default
    assert summary.startswith("0 pair(s) proposed")
    summary, _, _ = c.run_matching(3, 0.05, 1, 2, "en", direction="classic", min_score=0.05)
    assert summary.startswith("3 pair(s) proposed")
    pair = rec.pairs()[0]
    assert any("senior mentor" in r for r in pair.reasons)
    assert not any("junior mentor" in r for r in pair.reasons)
    rec.close()
    again = Recommender.open(tmp_path / "ws", embedder=HashingEmbedder())
    p = again.params
    assert (p.direction, p.max_mentees_per_mentor, p.min_score) == ("classic", 2, 0.05)
    again.close()
    saved = json.loads((tmp_path / "ws" / "workspace.json").read_text(encoding="utf-8"))
    assert saved["direction"] == "classic" and saved["matching"]["min_score"] == 0.05


def test_empty_charts_say_so_instead_of_drawing_empty_axes():
    empty = Coordinator(Recommender(embedder=HashingEmbedder()))
    sessions, scores, _ = empty.charts("fr")
    assert [t.get_text() for t in sessions.axes[0].texts] == ["Aucune séance enregistrée"]
    assert not sessions.axes[0].axison
    assert "lancez l'appariement" in scores.axes[0].texts[0].get_text()
