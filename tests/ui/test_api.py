"""Every UI handler with an api_name, called through gradio_client on a live server."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..e2e_support import AppServer

pytestmark = pytest.mark.subprocess


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    base = tmp_path_factory.mktemp("api")
    gradio_tmp = base / "gradio-tmp"
    gradio_tmp.mkdir()
    server = AppServer(base / "workspace", "--demo", "--embedder", "hashing",
                       env={"GRADIO_TEMP_DIR": str(gradio_tmp)}).wait()
    from gradio_client import Client

    client = Client(server.url, verbose=False)
    yield client, gradio_tmp
    server.stop()


def rows(table) -> list[list]:
    return table["data"] if isinstance(table, dict) else table


def test_endpoints_are_all_named(app):
    client, _ = app
    names = set(client.view_api(return_format="dict", print_info=False)["named_endpoints"])
    assert {"/import_files", "/people_table", "/person_fields", "/save_person",
            "/delete_person", "/run_matching", "/accept_pair", "/reject_pair", "/lock_pair",
            "/activate_pair", "/end_pair", "/export_pairs", "/log_note", "/pair_history",
            "/next_topics", "/insights", "/set_notes_visible", "/set_language", "/refresh",
            "/review_pair", "/bulk_accept", "/add_pair"} <= names


def test_import_validation_and_upload_cleanup(app, tmp_path):
    from gradio_client import handle_file

    client, gradio_tmp = app
    bad = tmp_path / "bad-api.csv"
    bad.write_text("id,name,years_experience,profile\nX1,Xena,old,hello\n")
    report, *_ = client.predict(handle_file(str(bad)), None, "en", api_name="/import_files")
    assert "bad-api.csv, row 2, column 'years_experience': not a number: 'old'" in report
    good = tmp_path / "good-api.csv"
    good.write_text("id,name,years_experience,offers,role_preference\n"
                    "X1,Xena,1,I run our Instagram account and make reels.,mentor\n")
    report, *_ = client.predict(handle_file(str(good)), None, "en", api_name="/import_files")
    assert "Imported 1" in report
    assert any(r[0] == "X1" for r in rows(client.predict("X1", "en", api_name="/people_table")))
    leftovers = [p.name for p in gradio_tmp.rglob("*") if p.name in ("good-api.csv",
                                                                     "bad-api.csv")]
    assert not leftovers


def test_people_search_edit_and_delete(app):
    client, _ = app
    table = client.predict("Xena", "en", api_name="/people_table")
    assert [r[0] for r in rows(table)] == ["X1"]
    fields = client.predict("X1", api_name="/person_fields")
    assert fields[0] == "Xena"
    message = client.predict("X1", "Xena B.", 1, "Digital", "Creator", "en", "",
                             "I run our Instagram account.", "", "mentor", 1, "", "en",
                             api_name="/save_person")
    assert message == "Saved."
    bad = client.predict("X1", "Xena B.", -4, "Digital", "Creator", "en", "", "x", "",
                         "mentor", 1, "", "en", api_name="/save_person")
    assert "Years of experience" in bad
    refused = client.predict("X1", False, "en", api_name="/delete_person")[0]
    assert "confirmation" in refused
    deleted = client.predict("X1", True, "en", api_name="/delete_person")[0]
    assert "Deleted X1" in deleted
    assert not rows(client.predict("Xena", "en", api_name="/people_table"))


def test_matching_statuses_export_sessions_topics_insights(app):
    client, _ = app
    summary = client.predict(3, 0.05, 1, 0, "reverse", 0.1, api_name="/run_matching")
    assert "pair(s) proposed" in summary
    key = "P031|P001"  # an active demo pair
    assert "Accept Yanis Belkacem → Michel Garnier" not in client.predict(
        key, "en", api_name="/review_pair")  # the buttons are not part of the HTML
    assert "Michel Garnier" in client.predict(key, "en", api_name="/review_pair")
    for action in ("accept", "lock", "activate"):
        message = client.predict(key, 0, "en", api_name=f"/{action}_pair")
        assert "Yanis Belkacem → Michel Garnier" in message
    stale = client.predict(key, 1, "en", api_name="/end_pair")  # version 1 is long gone
    assert "changed this pair since it was shown" in stale
    exported = client.predict("csv", api_name="/export_pairs")
    text = Path(exported).read_text(encoding="utf-8-sig")
    assert text.startswith("mentor_id,mentor_name,mentee_id,mentee_name,score")
    message, _ = client.predict(key, "2026-11-25", "=HYPERLINK(\"x\") we talked", 5,
                                "en", api_name="/log_note")
    assert message == "Session logged."
    assert "2026-11-25" in str(rows(client.predict(key, "en", api_name="/pair_history")))
    bad, _ = client.predict(key, "25/11/2026", "text", 5, "en", api_name="/log_note")
    assert "YYYY-MM-DD" in bad
    cards = client.predict(key, 3, "en", api_name="/next_topics")
    assert cards.count('class="topic-card"') == 3
    *_plots, _risk, themes = client.predict("en", api_name="/insights")
    assert rows(themes)
    other = "P060|P009"
    assert "rejected" in client.predict(other, 0, "en", api_name="/reject_pair")
    assert "ended" in client.predict("P048|P016", 0, "en", api_name="/end_pair")
    assert "Accepted" in client.predict("fair", "en", api_name="/bulk_accept")
    refused = client.predict("P001", "P031", "en", api_name="/add_pair")
    assert "cannot be paired" in refused
    assert rows(client.predict(key, "en", api_name="/pair_history"))


def test_confidential_notes_hide_texts(app):
    client, _ = app
    assert client.predict(False, api_name="/set_notes_visible") is False
    history = rows(client.predict("P032|P002", "en", api_name="/pair_history"))
    assert history and all(r[-1] == "—" for r in history)
    assert any(r[2] for r in history)  # covered topics are still shown
    *_plots, _risk, themes = client.predict("en", api_name="/insights")
    # Themes are named by their nearest catalogue topic, not by words taken from the notes.
    assert rows(themes) and all(r[3].startswith(r[0]) or r[0].startswith("Theme ")
                                for r in rows(themes))
    assert client.predict(True, api_name="/set_notes_visible") is True


def test_language_switch(app):
    client, _ = app
    empty = {"headers": ["a"], "data": [[""]]}
    result = client.predict("fr", "2026-11-20", empty, empty, "file",  # states are not inputs
                            api_name="/set_language")
    assert {"label": "Langue", "__type__": "update"} in result  # the State is not returned
    assert "20/11/2026" in result  # the date typed, written the French way
    refreshed = client.predict("fr", "", "", "", "", None, None, None, None, None, None,
                               api_name="/refresh")
    assert "Coordination du mentorat inversé" in refreshed[0]
    assert "participant(s)" in refreshed[1]
    assert "nom" in refreshed[2]["headers"] and "mentoré" in refreshed[4]["headers"]
