"""The ``tandem`` command line on small files (in process; one test runs the entry point)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import numpy as np
import pytest
from openpyxl import load_workbook

from recommender import HashingEmbedder
from recommender.storage.store import Store

from ..e2e_support import CHROMIUM, CHROMIUM_ARGS
from ..shared import ARTIFACTS, CliResult, run_cli, run_cli_process

PEOPLE = """\
id,name,years_experience,department,languages,profile,offers,wants,role_preference,manager_id
s1,Sylvie,18,HR,fr;en,I lead HR.,,I want to understand recruiting on TikTok and how graduates search jobs.,mentee,
s2,Marc,22,Stores,fr,Je dirige le magasin.,,Je veux comprendre les tournées de livraison et les livreurs.,mentee,
j1,Inès,1,HR,fr;en,,I run the TikTok account for recruiting and know how graduates search jobs.,,mentor,
j2,Yanis,0.5,Logistics,fr,,"Je fais les tournées de livraison, je connais les livreurs.",,mentor,
j3,=HYPERLINK("http://x"),1,Sales,fr,,@SUM(1) -2 +3 je fais des vidéos,,mentor,s2
"""
NOTES = """mentor_id,mentee_id,date,text,rating
j1,s1,2026-10-01,We talked about TikTok recruiting videos.,5
j1,s1,2026-11-01,"Graduates search jobs on TikTok, we compared job ads.",4
"""


@pytest.fixture
def files(tmp_path):
    (tmp_path / "people.csv").write_text(PEOPLE, encoding="utf-8")
    (tmp_path / "notes.csv").write_text(NOTES, encoding="utf-8")
    return tmp_path


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def tandem(*args: str, cwd: Path) -> CliResult:
    return run_cli(*args, cwd=cwd)


def run_match(files: Path, out: str, *extra: str) -> CliResult:
    return tandem("match", "-q", "--people", "people.csv", "--notes", "notes.csv", "--out", out,
                  "--model", "hashing", "--cache", "cache", *extra, cwd=files)


def test_match_writes_pairs_unmatched_and_json(files):
    result = run_match(files, "out")
    assert result.returncode == 0, result.stderr
    pairs = read_csv(files / "out" / "pairs.csv")
    assert list(pairs[0]) == ["mentor_id", "mentor_name", "mentee_id", "mentee_name", "score",
                              "reasons"]
    found = {(p["mentor_id"], p["mentee_id"]) for p in pairs}
    assert found == {("j1", "s1"), ("j2", "s2")}
    assert "TikTok" in next(p["reasons"] for p in pairs if p["mentee_id"] == "s1")
    unmatched = read_csv(files / "out" / "unmatched.csv")
    assert list(unmatched[0]) == ["id", "name", "reason"]
    assert {u["id"] for u in unmatched} == {"j3"}
    detail = json.loads((files / "out" / "pairs.json").read_text())
    assert {"parts", "reasons", "score", "status"} <= set(detail[0])


def test_formula_injection_is_neutralised(files):
    assert run_match(files, "out", "--min-gap", "40").returncode == 0
    unmatched = read_csv(files / "out" / "unmatched.csv")
    name = next(u["name"] for u in unmatched if u["id"] == "j3")
    assert name == "'=HYPERLINK(\"http://x\")"
    assert run_match(files, "xl", "--min-gap", "40", "--format", "xlsx").returncode == 0
    sheet = load_workbook(files / "xl" / "unmatched.xlsx").active
    cells = [c.value for row in sheet.iter_rows() for c in row]
    assert "'=HYPERLINK(\"http://x\")" in cells
    assert all(not (isinstance(c, str) and c.startswith(("=", "+", "-", "@"))) for c in cells)
    assert run_match(files, "js", "--min-gap", "40", "--format", "json").returncode == 0
    rows = json.loads((files / "js" / "unmatched.json").read_text())
    assert any(r["name"] == "'=HYPERLINK(\"http://x\")" for r in rows)


def test_bad_input_exits_2_with_row_level_errors(files):
    (files / "bad.csv").write_text("id,name,years_experience,profile\na,Ann,lots,text\n"
                                   "a,Bob,2,\n", encoding="utf-8")
    result = tandem("match", "-q", "--people", "bad.csv", "--out", "out", "--model", "hashing",
                    "--no-cache", cwd=files)
    assert result.returncode == 2
    assert "bad.csv, row 2, column 'years_experience': not a number: 'lots'" in result.stderr
    assert "bad.csv, row 3, column 'id': duplicate id 'a'" in result.stderr
    assert "bad.csv, row 3, column 'profile'" in result.stderr
    assert not (files / "out").exists()


def test_other_failures_exit_1(files):
    result = tandem("match", "-q", "--people", "people.csv", "--out", "out", "--model",
                    "no-such-model", cwd=files)
    assert result.returncode == 1 and "unknown embedder 'no-such-model'" in result.stderr
    assert tandem("match", "-q", "--out", "out", cwd=files).returncode == 1


def test_same_input_same_output_and_cache_reuse(files):
    assert run_match(files, "a").returncode == 0
    cached = Store(f"sqlite:///{files / 'cache' / 'embeddings.sqlite'}").count_embeddings()
    assert cached > 0
    assert run_match(files, "b").returncode == 0
    assert Store(f"sqlite:///{files / 'cache' / 'embeddings.sqlite'}").count_embeddings() == cached
    for name in ("pairs.csv", "unmatched.csv", "pairs.json"):
        assert (files / "a" / name).read_bytes() == (files / "b" / name).read_bytes(), name


def test_precomputed_embeddings_and_seed(files):
    listed = tandem("texts", "-q", "--people", "people.csv", "--notes", "notes.csv", "--out",
                    "t", cwd=files)
    assert listed.returncode == 0, listed.stderr
    lines = (files / "t" / "texts.jsonl").read_text(encoding="utf-8").splitlines()
    ordered = [json.loads(line)["text"] for line in lines]
    assert any("TikTok" in t for t in ordered) and len(ordered) > 50
    np.savez(files / "emb.npz", texts=np.array(ordered), vectors=HashingEmbedder().encode(ordered))
    outs = []
    for out in ("p1", "p2"):
        result = tandem("topics", "-q", "--people", "people.csv", "--notes", "notes.csv",
                        "--out", out, "--embeddings", "emb.npz", "--seed", "7", "--no-cache",
                        cwd=files)
        assert result.returncode == 0, result.stderr
        outs.append((files / out / "topics.csv").read_bytes())
    assert outs[0] == outs[1]
    rows = read_csv(files / "p1" / "topics.csv")
    assert list(rows[0]) == ["mentor_id", "mentee_id", "rank", "topic_id", "title", "score",
                             "reasons", "starters"]
    assert {r["rank"] for r in rows if r["mentee_id"] == "s1"} == {"1", "2", "3", "4", "5"}
    (files / "other.csv").write_text(PEOPLE.replace("I lead HR.", "I lead HR in Lyon."))
    missing = tandem("match", "-q", "--people", "other.csv", "--out", "x", "--embeddings",
                     "emb.npz", "--no-cache", cwd=files)
    assert missing.returncode == 1 and "no precomputed embedding" in missing.stderr


def test_topics_say_how_the_catalogue_fits_and_draw_the_programmes_own(files):
    result = tandem("topics", "--people", "people.csv", "--notes", "notes.csv", "--out", "d",
                    "--model", "hashing", "--no-cache", "--draw-topics", cwd=files)
    assert result.returncode == 0, result.stderr
    assert "The shipped catalogue answers" in result.stderr
    assert "wishes of this programme: next topics come from the catalogue." in result.stderr
    drawn = read_csv(files / "d" / "drawn_topics.csv")
    assert drawn and list(drawn[0]) == ["id", "language", "category", "title", "description",
                                        "starters", "wishes", "whose_wishes"]
    assert {r["category"] for r in drawn} == {"cohort"}
    assert any("Sylvie" in r["whose_wishes"] for r in drawn)
    # edited, it loads as the programme's catalogue; asked for, topics come from the cohort
    loaded = tandem("topics", "-q", "--people", "people.csv", "--out", "e", "--model",
                    "hashing", "--no-cache", "--topics", "d/drawn_topics.csv", cwd=files)
    assert loaded.returncode == 0, loaded.stderr
    assert {r["topic_id"] for r in read_csv(files / "e" / "topics.csv")} <= \
        {r["id"] for r in drawn}
    cohort = tandem("topics", "-q", "--people", "people.csv", "--out", "f", "--model",
                    "hashing", "--no-cache", "--source", "cohort", cwd=files)
    assert cohort.returncode == 0, cohort.stderr
    assert all(r["topic_id"].startswith("cohort-")
               for r in read_csv(files / "f" / "topics.csv"))
    report = tandem("report", "-q", "--people", "people.csv", "--out", "r", "--model",
                    "hashing", "--no-cache", cwd=files)
    assert report.returncode == 0, report.stderr
    assert "id='topics-note'>The shipped catalogue answers" in \
        (files / "r" / "report.html").read_text(encoding="utf-8")


def test_import_into_workspace_then_match_it(files):
    result = tandem("import", "-q", "people.csv", "notes.csv", "--workspace", "ws", "--model",
                    "hashing", cwd=files)
    assert result.returncode == 0, result.stderr
    assert "5 people, 2 notes" in result.stdout
    result = tandem("match", "-q", "--workspace", "ws", "--out", "out", cwd=files)
    assert result.returncode == 0, result.stderr
    assert json.loads((files / "ws" / "workspace.json").read_text())["embedder"] == "hashing"


@pytest.mark.e2e
def test_report_opens_in_chromium_without_errors(files):
    result = tandem("report", "-q", "--people", "people.csv", "--notes", "notes.csv", "--out",
                    "rep", "--model", "hashing", "--no-cache", cwd=files)
    assert result.returncode == 0, result.stderr
    page_file = files / "rep" / "report.html"
    content = page_file.read_text(encoding="utf-8")
    assert content.count("<svg") == 3
    # Self-contained: nothing is fetched from elsewhere when the file is opened.
    assert "<script" not in content and "<link" not in content and 'src="http' not in content
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(page_file.as_uri())
        assert page.locator("h2").count() == 6
        assert page.locator("svg").count() == 3
        assert "Inès" in page.inner_text("body")
        page.screenshot(path=str(ARTIFACTS / "report.png"),
                        full_page=True)
        browser.close()
    assert not errors


@pytest.mark.subprocess
def test_python_dash_m_is_the_command_line(files):
    """The entry point users type, as a real process: exit codes and messages on stderr."""
    ok = run_cli_process("match", "-q", "--people", "people.csv", "--out", "out", "--model",
                         "hashing", "--no-cache", cwd=files)
    assert ok.returncode == 0, ok.stderr
    assert (files / "out" / "pairs.csv").is_file()
    bad = run_cli_process("match", "-q", "--people", "missing.csv", "--out", "out", cwd=files)
    assert bad.returncode == 2 and "missing.csv" in bad.stderr


def test_a_run_logs_once_and_leaves_the_hosts_logging_as_it_was(files):
    """A host (a notebook, a service) that configured the root logger gets no copy of the
    run's lines, and finds its loggers as they were after the run."""
    import logging

    seen: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            seen.append(record)

    root = logging.getLogger()
    host = Keep(level=logging.DEBUG)
    root.addHandler(host)
    package = logging.getLogger("recommender")
    before = {name: (logging.getLogger(name).level, logging.getLogger(name).propagate,
                     list(logging.getLogger(name).handlers))
              for name in ("recommender", "faiss", "sentence_transformers")}
    try:
        result = tandem("match", "-v", "--people", "people.csv", "--out", "out", "--model",
                        "hashing", cwd=files)
    finally:
        root.removeHandler(host)
    assert result.returncode == 0, result.stderr
    assert "pairs" in result.stderr  # the run's own lines, on its stderr
    assert result.stderr.count("pairs, ") == 1
    assert not [r for r in seen if r.name.startswith("recommender")]
    assert {name: (logging.getLogger(name).level, logging.getLogger(name).propagate,
                   list(logging.getLogger(name).handlers)) for name in before} == before
    assert package.propagate


def test_rules_from_a_file_are_applied_saved_and_named_when_wrong(files):
    # j1 and s1 are both in HR and the best match on text: the ban keeps them apart; a
    # mistake in the file stops the run with exit 2, nothing written or saved
    (files / "rules.toml").write_text('[[same]]\nfield = "department"\neffect = "forbid"\n',
                                      encoding="utf-8")
    result = tandem("import", "-q", "people.csv", "--workspace", "ws", "--model", "hashing",
                    "--rules", "rules.toml", cwd=files)
    assert result.returncode == 0, result.stderr
    saved = json.loads((files / "ws" / "workspace.json").read_text())["rules"]
    assert saved["same"] == [{"field": "department", "effect": "forbid", "weight": 0.0}]
    result = tandem("match", "-q", "--workspace", "ws", "--out", "out", cwd=files)
    assert result.returncode == 0, result.stderr
    people = {r["id"]: r for r in read_csv(files / "people.csv")}
    pairs = read_csv(files / "out" / "pairs.csv")
    assert pairs
    for pair in pairs:
        assert people[pair["mentor_id"]]["department"] != people[pair["mentee_id"]]["department"]
    (files / "bad.toml").write_text('[levels]\nladder = "army"\n', encoding="utf-8")
    result = tandem("match", "-q", "--workspace", "ws", "--out", "out2", "--rules", "bad.toml",
                    cwd=files)
    assert result.returncode == 2
    assert "bad.toml: levels.ladder: unknown ladder 'army'" in result.stderr
    assert not (files / "out2").exists()
    assert json.loads((files / "ws" / "workspace.json").read_text())["rules"] == saved


def test_settings_given_on_a_workspace_are_kept_for_the_next_run(files):
    result = tandem("import", "-q", "people.csv", "--workspace", "ws", "--model", "hashing",
                    cwd=files)
    assert result.returncode == 0, result.stderr
    result = tandem("match", "-q", "--workspace", "ws", "--out", "out", "--per-mentee", "2",
                    "--min-gap", "1", cwd=files)
    assert result.returncode == 0, result.stderr
    saved = json.loads((files / "ws" / "workspace.json").read_text())["matching"]
    assert saved["max_mentors_per_mentee"] == 2 and saved["min_experience_gap"] == 1
    assert saved["cross_department_bonus"] == 0.05  # not given: the default, as it was
    first = read_csv(files / "out" / "pairs.csv")
    # the next run, without the numbers, starts from the saved ones: the same pairs
    result = tandem("match", "-q", "--workspace", "ws", "--out", "out2", cwd=files)
    assert result.returncode == 0, result.stderr
    assert read_csv(files / "out2" / "pairs.csv") == first
    result = tandem("match", "-q", "--workspace", "ws", "--out", "out3", "--per-mentee", "0",
                    cwd=files)
    assert result.returncode == 2 and "max_mentors_per_mentee must be at least 1" in \
        result.stderr
