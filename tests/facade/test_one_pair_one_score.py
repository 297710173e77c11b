"""One pair, one score: the list, the explanation, the review and the exports read what the
matching computed, or compute it on the whole cohort, never on a cohort of two; getters
only read; the saved arrays are keyed by every module of the package."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recommender import Recommender, load_demo
from recommender.matching.cache import code_sources
from recommender.ui.coordinator import Coordinator


def check_one_score(rec: Recommender) -> int:
    result = rec.suggest_pairs()
    proposed = [p for p in result.pairs if p.status == "proposed"]
    assert proposed
    listed = {p.key: p for p in rec.pairs()}
    for pair in proposed:
        stored = listed[pair.key]
        assert stored.score == pair.score and dict(stored.parts) == dict(pair.parts)
        explained = rec.explain_pair(pair.mentor_id, pair.mentee_id)
        assert explained.score == pair.score and dict(explained.parts) == dict(pair.parts)
        assert explained.reasons == pair.reasons
        # Scored again on the whole cohort, with the run's settings: the same score (up to
        # float32 rounding of the products), every cohort-relative part included.
        again = rec.explain_pair(pair.mentor_id, pair.mentee_id, params=rec.params)
        assert again.score == pytest.approx(pair.score, abs=1e-6)
        for name, value in pair.parts.items():
            assert again.parts[name] == pytest.approx(value, abs=1e-6), name
        assert sum(again.parts.values()) == pytest.approx(again.score, abs=1e-12)
    return len(proposed)


def test_explain_pair_equals_the_list_for_every_proposed_pair_of_the_demo():
    assert check_one_score(load_demo(embedder="hashing")) >= 10


@pytest.mark.slow
def test_explain_pair_equals_the_list_with_the_default_model():
    assert check_one_score(load_demo()) >= 10


def test_the_review_and_the_export_show_the_listed_score(tmp_path):
    rec = load_demo(embedder="hashing")
    rec.suggest_pairs()
    page = Coordinator(rec, export_dir=tmp_path)
    for pair in rec.pairs(("proposed",)):
        score, parts, _, _ = page._scored(pair, "en", page._people())
        assert (score, parts) == (pair.score, dict(pair.parts))
    stored = {p.key: p for p in rec.pairs()}
    shown = 0
    for pair in rec.pairs(("proposed",)):
        ranked = rec.suggest_mentors(pair.mentee_id, 10)
        for _, alternative, _ in page._alternatives(ranked, "mentor_id", "", page._people(),
                                                    stored, "en", 10):
            if alternative.key in stored:
                assert alternative.score == stored[alternative.key].score
                shown += 1
    assert shown
    exported = json.loads(Path(page.export_pairs("json")).read_text(encoding="utf-8"))
    by_key = {(row["mentor_id"], row["mentee_id"]): row["score"] for row in exported}
    for key, pair in stored.items():
        if pair.status != "rejected":
            assert by_key[key] == pytest.approx(pair.score, abs=5e-5)  # written to 4 places


def test_getters_only_read(rec: Recommender):
    rec.suggest_pairs()
    before = rec.store.fingerprint()
    settings = {k: rec.store.get_setting(k) for k in ("profiles_version", "topics_initialised")}
    rec.segments()
    assert len(rec.topics()) >= 40  # the shipped catalogue, read, not written
    rec.pairs()
    rec.people()
    rec.notes()
    rec.health()
    rec.explain_pair("j1", "s1")
    assert rec.store.fingerprint() == before
    assert {k: rec.store.get_setting(k) for k in settings} == settings
    assert not rec.store.topics_chosen()


def test_the_saved_arrays_are_keyed_by_every_module_of_the_package():
    package, sources = code_sources()
    names = {p.relative_to(package).as_posix() for p in sources}
    assert {"matching/kernel.py", "language/text.py", "intake/forms/apply.py",
            "storage/migrations/helpers.py", "recommender.py"} <= names


def test_a_workspace_opened_with_another_embedder_reads_and_scores_with_its_labels(tmp_path):
    """Labels come from the embedder's intent model: a workspace labelled by one embedder
    and opened with another reads, explains and pairs by hand with the new one's labels,
    never a mix (a hand-made pair once kept a score built on the old labels)."""
    from recommender import HashingEmbedder
    from tests.shared import PEOPLE

    first = Recommender.open(tmp_path / "ws", embedder=HashingEmbedder(256))
    first.add_people([dict(p) for p in PEOPLE])
    first.close()
    rec = Recommender.open(tmp_path / "ws", embedder=HashingEmbedder(128))
    assert rec.store.segment_model_ids() == {"hashing-256-v2"}
    rec.segments()
    assert rec.store.segment_model_ids() == {"hashing-128-v2"}
    explained = rec.explain_pair("j1", "s1")
    pair = rec.add_pair("j1", "s1")
    assert pair.score == pytest.approx(explained.score, abs=1e-9)
    rec.suggest_pairs()  # labels already current: the hand-made pair's score stands
    again = rec.explain_pair("j1", "s1", params=rec.params)
    assert again.score == pytest.approx(pair.score, abs=1e-6)


def test_a_pair_stored_without_quotes_is_rescored_when_the_cohort_changes():
    """A hand-set pair (no quotes) is scored on the whole cohort by the page; when anybody
    joins, every cohort-relative part moves, so the page must not show the old score."""
    from recommender import HashingEmbedder
    from tests.shared import PEOPLE

    rec = Recommender(embedder=HashingEmbedder())
    rec.add_people([dict(p) for p in PEOPLE])
    rec.set_pair_status("j1", "s1", "accepted")
    page = Coordinator(rec)
    stored = rec.pair("j1", "s1")
    assert stored is not None and not stored.quotes
    shown = page._scored(stored, "en", page._people())[0]
    assert shown == rec.explain_pair("j1", "s1").score
    rec.add_people([{"id": f"x{i}", "name": f"X{i}", "years_experience": 1 + i,
                     "role_preference": "mentor",
                     "offers": f"I teach TikTok, Canva and podcasts to team {i}."}
                    for i in range(5)])
    now = rec.explain_pair("j1", "s1").score
    assert now != shown
    assert page._scored(stored, "en", page._people())[0] == now


def test_a_kept_pair_takes_the_score_of_the_whole_cohort_at_each_run():
    rec = load_demo(embedder="hashing")
    first = rec.suggest_pairs()
    accepted = [p for p in first.pairs if p.status == "proposed"][:3]
    for pair in accepted:
        rec.set_pair_status(pair.mentor_id, pair.mentee_id, "accepted")
    rec.add_people([{"id": "late", "name": "Late", "years_experience": 2,
                     "role_preference": "mentor",
                     "offers": "I can show how we use short videos and AI assistants."}])
    second = rec.suggest_pairs()
    kept = {p.key: p for p in second.pairs if p.status == "accepted"}
    assert set(kept) == {p.key for p in accepted}
    for key, pair in kept.items():
        again = rec.explain_pair(*key, params=rec.params)
        assert pair.score == pytest.approx(again.score, abs=1e-6), key
        assert rec.pair(*key).score == pair.score  # stored as the run scored it


def test_a_pair_comes_back_from_the_store_as_it_was_written():
    rec = load_demo(embedder="hashing")
    result = rec.suggest_pairs()
    stored = {p.key: p for p in rec.pairs()}
    for pair in result.pairs:
        back = stored[pair.key]
        assert (back.score, dict(back.parts), back.reasons, dict(back.quotes),
                dict(back.signals)) == (pair.score, dict(pair.parts), pair.reasons,
                                        dict(pair.quotes), dict(pair.signals))


def test_pair_fields_after_status_are_keyword_only():
    """Pair replaced two classes whose positional orders differed: a score given where the
    old PairSuggestion took it is refused, never read as a status."""
    from recommender import Pair, PairSuggestion

    with pytest.raises(TypeError):
        PairSuggestion("a", "b", 0.8, {"coverage": 0.8}, ("r",))  # type: ignore[misc]
    with pytest.raises(ValueError, match="unknown pair status"):
        PairSuggestion("a", "b", 0.8)  # type: ignore[arg-type]
    assert Pair("a", "b", "accepted", score=0.5).status == "accepted"


def test_the_fingerprint_changes_with_the_code(tmp_path, monkeypatch):
    from recommender.matching import cache

    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    module = package / "sub" / "kernel.py"
    module.write_text("A = 1\n")
    monkeypatch.setattr(cache, "code_sources", lambda: (package, [module]))
    cache.code_fingerprint.cache_clear()
    try:
        before = cache.code_fingerprint()
        module.write_text("A = 2\n")
        cache.code_fingerprint.cache_clear()
        assert cache.code_fingerprint() != before
    finally:
        monkeypatch.undo()
        cache.code_fingerprint.cache_clear()


def test_pairs_stored_rounded_by_an_earlier_version_are_not_rewritten_by_the_next_run():
    import json as json_

    import sqlalchemy as sa

    from recommender.storage.schema import pairs_table

    rec = load_demo(embedder="hashing")
    rec.suggest_pairs()
    with rec.store.engine.begin() as conn:  # as versions that rounded to 4 places stored them
        rows = conn.execute(sa.select(pairs_table.c.mentor_id, pairs_table.c.mentee_id,
                                      pairs_table.c.score, pairs_table.c.details)).all()
        for mentor, mentee, score, details in rows:
            data = json_.loads(details)
            for name in ("parts", "signals"):
                data[name] = {k: round(v, 4) for k, v in data[name].items()}
            conn.execute(pairs_table.update().where(sa.and_(
                pairs_table.c.mentor_id == mentor, pairs_table.c.mentee_id == mentee)).values(
                score=round(score, 4), details=json_.dumps(data, ensure_ascii=False)))
    versions = {p.key: p.version for p in rec.pairs()}
    rec.suggest_pairs()
    assert {p.key: p.version for p in rec.pairs()} == versions
