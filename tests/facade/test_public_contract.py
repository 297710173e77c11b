"""The core's shape: one score with parts that add up, under every kind of override
(API, UI handler, CLI); named errors; the intent weights inside the built package."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile

import pytest

from recommender import HashingEmbedder, PairSuggestion, Recommender
from recommender.errors import UnknownIdError
from recommender.ui.coordinator import Coordinator

from ..shared import ROOT, run_cli

# j3 offers in the `offers` column only; s3 states no want, so the most wish-like of their
# sentences stands in for one, weighted `background_weight`.
EXTRA = [
    {"id": "s3", "name": "Odile", "years_experience": 25, "department": "Finance",
     "languages": "fr;en", "offers": "TikTok videos for recruiting remain a mystery to me. "
     "Consolidation and audits for the group.", "role_preference": "mentee"},
    {"id": "j3", "name": "Léa", "years_experience": 2, "department": "Marketing",
     "languages": "fr;en", "offers": "I shoot TikTok videos for recruiting every week.",
     "role_preference": "mentor"},
]


@pytest.fixture
def cohort_rec(people_rows) -> Recommender:
    rec = Recommender(embedder=HashingEmbedder())
    rec.add_people(people_rows + EXTRA)
    return rec


def assert_parts_add_up(pairs: list[PairSuggestion]) -> None:
    assert pairs
    for p in pairs:
        assert set(p.parts) >= {"coverage", "reverse", "cross_department"}
        assert sum(p.parts.values()) == pytest.approx(p.score, abs=2e-4), p


def by_key(pairs):
    return {(p.mentor_id, p.mentee_id): p for p in pairs}


def test_api_overrides_change_what_they_name_and_parts_add_up(cohort_rec):
    base = by_key(cohort_rec.suggest_pairs().pairs)
    assert_parts_add_up(list(base.values()))
    assert ("j3", "s3") in base

    bonus = by_key(cohort_rec.suggest_pairs(cross_department_bonus=0.2).pairs)
    assert_parts_add_up(list(bonus.values()))
    assert bonus[("j3", "s3")].parts["cross_department"] == pytest.approx(0.2)

    reverse = by_key(cohort_rec.suggest_pairs(reverse_weight=0.0).pairs)
    assert_parts_add_up(list(reverse.values()))
    assert all(p.parts["reverse"] == 0 for p in reverse.values())

    # The bug this shape fixes: a background_weight override used to be ignored.
    light = by_key(cohort_rec.suggest_pairs(background_weight=0.4).pairs)
    assert_parts_add_up(list(light.values()))
    assert light[("j3", "s3")].parts["coverage"] == pytest.approx(
        base[("j3", "s3")].parts["coverage"] * 0.4 / 0.8, rel=1e-3)

    # Stored pairs carry the same parts as the result.
    stored = {p.key: p for p in cohort_rec.pairs()}
    assert dict(stored[("j3", "s3")].parts) == dict(light[("j3", "s3")].parts)

    strict = cohort_rec.suggest_pairs(min_experience_gap=24)
    assert {(p.mentor_id, p.mentee_id) for p in strict.pairs} <= {("j1", "s3"), ("j2", "s3"),
                                                                  ("j3", "s3")}


def test_invalid_settings_are_clear_errors(cohort_rec):
    with pytest.raises(ValueError, match="min_experience_gap must be"):
        cohort_rec.suggest_pairs(min_experience_gap=-100)
    with pytest.raises(ValueError, match="direction must be one of"):
        cohort_rec.suggest_pairs(direction="sideways")


def test_classic_direction_flips_the_experience_rule_and_the_wording(cohort_rec):
    result = cohort_rec.suggest_pairs(direction="classic")
    years = {p.id: p.years_experience for p in cohort_rec.people()}
    for p in result.pairs:
        assert years[p.mentor_id] >= years[p.mentee_id] + 3
        assert any("senior mentor" in r for r in p.reasons)
    juniors = [u for u in result.unmatched if u.id in ("j1", "j2", "j3")]
    # The juniors only accept to mentor: in a classic programme nobody is junior enough.
    assert juniors and all("as mentor: nobody with at least 3 fewer years of experience"
                           in u.reason for u in juniors)


def test_ui_overrides_are_stored_with_parts_that_add_up(cohort_rec):
    coordinator = Coordinator(cohort_rec)
    coordinator.run_matching(min_gap=3, bonus=0.2, per_mentee=1)
    stored = cohort_rec.pairs()
    assert stored
    for p in stored:
        assert sum(p.parts.values()) == pytest.approx(p.score, abs=2e-4)
    assert {p.key: p for p in stored}[("j3", "s3")].parts["cross_department"] == pytest.approx(0.2)


def test_cli_overrides_reach_the_parts(tmp_path, people_rows):
    people = tmp_path / "people.json"
    people.write_text(json.dumps(people_rows + EXTRA), encoding="utf-8")
    result = run_cli(
        "match", "-q", "--people", str(people),
         "--model", "hashing", "--no-cache", "--bonus", "0.2", "--out", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    pairs = json.loads((tmp_path / "out" / "pairs.json").read_text())
    assert pairs
    for p in pairs:
        assert sum(p["parts"].values()) == pytest.approx(p["score"], abs=2e-4)
    crossed = [p for p in pairs if (p["mentor_id"], p["mentee_id"]) == ("j3", "s3")]
    assert crossed and crossed[0]["parts"]["cross_department"] == pytest.approx(0.2)


def test_unknown_ids_raise_the_named_error_and_the_cli_exits_2(tmp_path, cohort_rec):
    with pytest.raises(UnknownIdError, match="unknown person id 'nobody'"):
        cohort_rec.suggest_mentors("nobody")
    with pytest.raises(UnknownIdError):
        cohort_rec.suggest_topics("j1", "nobody")
    people = tmp_path / "people.json"
    people.write_text(json.dumps(EXTRA), encoding="utf-8")
    result = run_cli(
        "topics", "-q", "--people", str(people),
         "--model", "hashing", "--no-cache", "--pair", "j3:nobody", "--out", str(tmp_path))
    assert result.returncode == 2
    assert "unknown person id 'nobody'" in result.stderr
    bad_gap = run_cli(
        "match", "-q", "--people", str(people),
         "--model", "hashing", "--no-cache", "--min-gap", "-100", "--out", str(tmp_path))
    assert bad_gap.returncode == 2
    assert "min_experience_gap must be" in bad_gap.stderr


@pytest.mark.subprocess
def test_the_built_wheel_carries_the_intent_weights(tmp_path):
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path / "dist"), str(ROOT)], capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr
    wheel = next((tmp_path / "dist").glob("tandem_recommender-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        assert "recommender/data/intent/use-multilingual-v3.npz" in names
        assert "recommender/data/intent/use-multilingual-v3.json" in names
        archive.extractall(tmp_path / "site")
    # Import the package from the unpacked wheel (not from the repository) and load the
    # shipped weights with an encoder that fails if the classifier tries to refit.
    site, root = str(tmp_path / "site"), str(ROOT)
    probe = "\n".join([
        f"import sys; sys.path = [p for p in sys.path if p not in ('', {root!r})]",
        f"sys.path.insert(0, {site!r})",
        "import recommender",
        f"assert recommender.__file__.startswith({site!r}), recommender.__file__",
        "from recommender.profiles.intent import IntentClassifier",
        "def refit(texts): raise SystemExit('refitting: the weights were not found')",
        "clf = IntentClassifier.for_embedder('use-multilingual-v3', refit)",
        "print(clf.coef_.shape)",
    ])
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         cwd=tmp_path, timeout=300)
    assert run.returncode == 0, run.stderr + run.stdout
    assert run.stdout.strip().startswith("(3, ")


def test_a_long_running_process_sees_what_another_one_wrote(tmp_path, people_rows):
    page = Recommender.open(tmp_path / "ws", embedder=HashingEmbedder())
    page.add_people(people_rows)
    before = {(p.mentor_id, p.mentee_id) for p in page.suggest_pairs().pairs}
    assert page.search("TikTok videos", k=1)  # the index is now held in memory
    cli = Recommender.open(tmp_path / "ws", embedder=HashingEmbedder())
    cli.add_people(EXTRA)  # another process imports two people
    after = {(p.mentor_id, p.mentee_id) for p in page.suggest_pairs().pairs}
    assert ("j3", "s3") in after - before  # the cached arrays were rebuilt
    hits = page.search("shoot TikTok videos for recruiting every week", k=3)
    assert "j3" in {h.person_id for h in hits}  # so was the held index


def test_pairs_of_people_imported_during_a_run_wait_for_the_next_one(cohort_rec):
    # Another process imports j3 and accepts j3 -> s3 between this run's read of the people
    # and its read of the pairs: the run must go on without them (it crashed with KeyError).
    cohort_rec.set_pair_status("j3", "s3", "accepted")
    everyone = cohort_rec.people()
    cohort_rec.people = lambda: [p for p in everyone if p.id != "j3"]  # type: ignore[method-assign]
    result = cohort_rec.suggest_pairs()
    assert "j3" not in {p.mentor_id for p in result.pairs}
    assert {u.id for u in cohort_rec.unmatched()} <= {p.id for p in everyone}
