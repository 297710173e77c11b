"""A programme's own rules as data: a level ladder with a window, bans and points on shared
answers, an identity match people opt into, a time-zone window, stated preferences; read
from a file, saved in the workspace, named in reasons and in why someone is left alone."""

from __future__ import annotations

import itertools
import json
from dataclasses import replace

import numpy as np
import pytest

from recommender import (
    LADDERS,
    MatchParams,
    ProgrammeRules,
    Recommender,
    SameRule,
    TimeZoneRule,
    ValidationError,
    load_rules,
    rules_from_dict,
)
from recommender.embedding.backends import HashingEmbedder
from recommender.intake.cells import utc_offset
from recommender.language.levels import ladder_positions
from recommender.matching.programme import parse_conditions, rules_to_dict

SUBJECT = "machine learning research papers and grant writing"


def person(pid: str, level: str, *, side: str, text: str = SUBJECT, **extra) -> dict:
    row = {"id": pid, "name": pid.upper(), "years_experience": 5, "level": level,
           "role_preference": side, "languages": "en"}
    row["offers" if side == "mentor" else "wants"] = (
        f"I can help with {text}." if side == "mentor" else f"I want to learn {text}.")
    return {**row, **extra}


def recommender(rows: list[dict]) -> Recommender:
    rec = Recommender(embedder=HashingEmbedder())
    rec.add_people(rows)
    return rec


ACADEMIC = {"levels": {"ladder": "academic", "min_steps": 1, "max_steps": 3}}


# ----------------------------------------------------------------------- reading
@pytest.mark.parametrize(("answer", "step"), [
    ("Undergraduate student", 0), ("Master's Student", 1), ("M.Sc. student", 1),
    ("Junior Ph.D. Student (1st or 2nd year of Ph.D.)", 2), ("Ph.D. student", 2),
    ("Senior Ph.D. Student (3rd year or more of Ph.D.)", 3), ("Doctorante", 2),
    ("Postdoc", 4), ("Industry researcher", 4), ("Faculty Member", 5),
    ("Maître de conférences", 5), ("Professora associada", 5), ("Retired", -1), ("", -1)])
def test_the_academic_ladder_reads_how_people_answer(answer, step):
    assert ladder_positions(LADDERS["academic"], [answer])[0] == step


def test_civil_service_grades_and_corporate_bands():
    grades = ["AA", "AO", "EO", "HEO", "SEO", "Grade 7", "Grade 6", "SCS1", "SCS2", "SCS3",
              "SCS4"]
    assert ladder_positions(LADDERS["civil-service"], grades).tolist() == list(range(11))
    bands = ["Stagiaire", "Junior analyst", "Senior engineer", "Team lead", "Directrice RH"]
    assert ladder_positions(LADDERS["corporate"], bands).tolist() == [0, 1, 3, 4, 6]


@pytest.mark.parametrize(("text", "hours"), [
    ("(GMT-03:00) Brasilia", -3), ("(GMT+05:30) Chennai, Kolkata", 5.5), ("UTC+1", 1),
    ("-8", -8), ("CET/CEST", 1), ("PST", -8), ("IST", 5.5), ("Europe/Paris", 1),
    ("America/Sao_Paulo", -3), ("(GMT) London", 0), ("Brasilia", None), ("9 to 5", None)])
def test_time_zones_as_people_write_them(text, hours):
    assert utc_offset(text) == hours


def test_conditions_are_parsed_and_the_rest_is_said():
    conditions, bad = parse_conditions("level >= Master's student; = Academia; papers>=1; "
                                       "prefers academia")
    assert [(c.field, c.op, c.value) for c in conditions] == [
        ("level", ">=", "Master's student"), ("", "=", "Academia"), ("papers", ">=", "1")]
    assert bad == ("prefers academia",)


def test_a_rules_file_names_every_mistake(tmp_path):
    for data, words in (({"levls": {}}, "unknown setting(s) 'levls'"),
                        ({"levels": {"ladder": "army"}}, "unknown ladder 'army'"),
                        ({"same": [{"field": "department", "effect": "ban"}]},
                         "same[0].effect must be one of forbid, require, points"),
                        ({"levels": {"ladder": "academic", "min_steps": 3, "max_steps": 1}},
                         "max_steps must be >= levels.min_steps"),
                        ({"time_zone": {"max_hours": -1}}, "time_zone.max_hours")):
        with pytest.raises(ValueError, match=r"rules\.toml") as error:
            path = tmp_path / "rules.toml"
            path.write_text(_toml(data), encoding="utf-8")
            load_rules(path)
        assert words in str(error.value)


def _toml(data: dict) -> str:
    # a tiny writer for the cases above (tomllib only reads)
    lines = []
    for key, value in data.items():
        if isinstance(value, list):
            for item in value:
                lines.append(f"[[{key}]]")
                lines += [f"{k} = {json.dumps(v)}" for k, v in item.items()]
        else:
            lines.append(f"[{key}]")
            lines += [f"{k} = {json.dumps(v)}" for k, v in value.items()]
    return "\n".join(lines) + "\n"


def test_rules_round_trip_through_a_file_and_the_workspace(tmp_path):
    rules = rules_from_dict({**ACADEMIC, "same": [{"field": "department"}],
                             "time_zone": {"max_hours": 3, "weight": 0.05}})
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(rules_to_dict(rules)), encoding="utf-8")
    assert load_rules(path) == rules
    rec = Recommender.open(tmp_path / "ws", embedder=HashingEmbedder(), rules=rules)
    rec.close()
    again = Recommender.open(tmp_path / "ws", embedder=HashingEmbedder())
    assert again.params.rules == rules
    again.set_rules(ProgrammeRules())
    again.close()
    assert Recommender.open(tmp_path / "ws", embedder=HashingEmbedder()).params.rules == \
        ProgrammeRules()


# ----------------------------------------------------------------------- matching
def test_the_level_window_holds_and_replaces_the_years():
    mentors = [person("fac", "Faculty member", side="mentor"),
               person("post", "Postdoc", side="mentor"),
               person("sphd", "Senior Ph.D. student", side="mentor")]
    mentees = [person("ug", "Undergraduate student", side="mentee"),
               person("msc", "Master's student", side="mentee"),
               person("jphd", "Junior Ph.D. student", side="mentee")]
    rec = recommender(mentors + mentees)
    narrow = {"levels": {"ladder": "academic", "min_steps": 1, "max_steps": 2}}
    params = MatchParams(direction="classic", rules=rules_from_dict(narrow),
                         max_mentees_per_mentor=3)
    result = rec.suggest_pairs(params)
    steps = {"fac": 5, "post": 4, "sphd": 3, "ug": 0, "msc": 1, "jphd": 2}
    assert result.pairs
    for pair in result.pairs:
        assert 1 <= steps[pair.mentor_id] - steps[pair.mentee_id] <= 2
        assert any("step(s) above" in r for r in pair.reasons)
        assert not any("years of experience" in r for r in pair.reasons)
    # every pair the window allows and nothing else (all have the same years: the
    # default 3-year gap would have allowed none)
    allowed = {(m, s) for m, s in itertools.product(("fac", "post", "sphd"),
                                                     ("ug", "msc", "jphd"))
               if 1 <= steps[m] - steps[s] <= 2}
    assert {p.key for p in result.pairs} <= allowed
    assert rec.suggest_pairs(MatchParams(direction="classic")).pairs == ()
    alone = {u.id: u.reason for u in result.unmatched}
    assert "fac" in alone and "1 to 2 step(s) below their level" in alone["fac"]


def test_a_level_on_no_step_is_said():
    rec = recommender([person("a", "Wizard", side="mentor"),
                       person("b", "Master's student", side="mentee")])
    result = rec.suggest_pairs(MatchParams(direction="classic",
                                           rules=rules_from_dict(ACADEMIC)))
    assert not result.pairs
    assert "level is on no step" in {u.id: u.reason for u in result.unmatched}["b"]


def test_same_department_forbidden_even_for_the_best_text():
    rows = [person("m1", "Postdoc", side="mentor", department="USP"),
            person("m2", "Postdoc", side="mentor", department="UBA",
                   text="grant writing and field work"),
            person("s1", "Master's student", side="mentee", department="USP")]
    rec = recommender(rows)
    free = rec.suggest_pairs(MatchParams(direction="classic", rules=rules_from_dict(ACADEMIC)))
    assert [p.key for p in free.pairs] == [("m1", "s1")]
    banned = rules_from_dict({**ACADEMIC, "same": [{"field": "department",
                                                    "effect": "forbid"}]})
    rec.params = MatchParams(direction="classic", rules=banned)
    result = rec.suggest_pairs()
    assert [p.key for p in result.pairs] == [("m2", "s1")]
    assert "department: the same answer is forbidden" in rec.rule_violations("m1", "s1")
    assert "department : la même réponse est interdite" in rec.rule_violations(
        "m1", "s1", language="fr")


def test_points_for_a_shared_category_move_the_assignment_and_are_named():
    rows = [person("m1", "Postdoc", side="mentor", attr_profession="Policy"),
            person("m2", "Postdoc", side="mentor", attr_profession="Data"),
            person("s1", "Master's student", side="mentee", attr_profession="Data")]
    rec = recommender(rows)
    base = MatchParams(direction="classic", rules=rules_from_dict(ACADEMIC))
    rec.params = base
    scores = {p.mentor_id: p.score for p in rec.suggest_mentors("s1", k=2)}
    assert scores["m1"] == pytest.approx(scores["m2"])  # same texts: a tie
    rules = rules_from_dict({**ACADEMIC, "same": [{"field": "profession", "effect": "points",
                                                   "weight": 0.1}]})
    result = rec.suggest_pairs(MatchParams(direction="classic", rules=rules))
    (pair,) = result.pairs
    assert pair.key == ("m2", "s1")
    assert pair.parts["programme"] == pytest.approx(0.1)
    assert pair.score == pytest.approx(sum(pair.parts.values()))
    assert "Same profession: Data" in pair.reasons
    assert base.rules != rules


def test_identity_points_only_for_mentees_who_asked():
    rows = [person("m1", "Postdoc", side="mentor", attr_characteristics="LGBTQ+; Carer"),
            person("s1", "Master's student", side="mentee", attr_identity="LGBTQ+",
                   attr_similar="Yes"),
            person("s2", "Master's student", side="mentee", attr_identity="LGBTQ+",
                   attr_similar="No")]
    rules = rules_from_dict({**ACADEMIC, "identity": [{
        "field": "characteristics", "mentee_field": "identity", "opt_in": "similar",
        "weight": 0.06}]})
    rec = recommender(rows)
    rec.params = MatchParams(direction="classic", rules=rules, max_mentees_per_mentor=2)
    pairs = {p.mentee_id: p for p in rec.suggest_pairs().pairs}
    assert pairs["s1"].parts["programme"] == pytest.approx(0.06)
    assert pairs["s2"].parts["programme"] == 0
    assert any("shares their identity: LGBTQ+" in r for r in pairs["s1"].reasons)


def test_a_time_zone_window_and_its_reason():
    rows = [person("far", "Postdoc", side="mentor", utc_offset="(GMT+09:00) Tokyo"),
            person("near", "Postdoc", side="mentor", utc_offset="(GMT-05:00) Bogota",
                   text="grant writing"),
            person("s1", "Master's student", side="mentee", utc_offset="(GMT-03:00) Brasilia"),
            person("s2", "Master's student", side="mentee", utc_offset="(GMT+01:00) Paris")]
    rules = ProgrammeRules(levels=rules_from_dict(ACADEMIC).levels,
                           time_zone=TimeZoneRule(max_hours=3))
    rec = recommender(rows)
    result = rec.suggest_pairs(MatchParams(direction="classic", rules=rules))
    assert [p.key for p in result.pairs] == [("near", "s1")]
    assert "Time zones 2 h apart" in result.pairs[0].reasons
    alone = {u.id: u.reason for u in result.unmatched}
    assert alone["s2"] == "as mentee: no candidate within 3 hours of their time zone"
    rec.params = MatchParams(direction="classic", rules=rules)
    assert "more than 3 hours apart" in rec.rule_violations("far", "s1")


def test_stated_preferences_hold_both_ways_and_can_be_turned_off():
    rows = [person("m1", "Faculty member", side="mentor",
                   preferences="level >= Junior Ph.D. student; = Academia"),
            person("s1", "Master's student", side="mentee", attr_sector="Academia"),
            person("s2", "Senior Ph.D. student", side="mentee", attr_sector="Industry"),
            person("s3", "Junior Ph.D. student", side="mentee", attr_sector="Academia",
                   text="grant writing")]
    rec = recommender(rows)
    window = rules_from_dict({"levels": {"ladder": "academic", "min_steps": 1,
                                         "max_steps": 4}})
    result = rec.suggest_pairs(MatchParams(direction="classic", rules=window))
    assert [p.key for p in result.pairs] == [("m1", "s3")]
    rec.params = MatchParams(direction="classic", rules=window)
    assert rec.rule_violations("m1", "s1") == (
        "stated preference not met: level >= Junior Ph.D. student",)
    assert rec.rule_violations("m1", "s2") == ("stated preference not met: = Academia",)
    off = ProgrammeRules(levels=window.levels, preferences="off")
    result = rec.suggest_pairs(MatchParams(direction="classic", rules=off))
    # without them the wish closest to the offer wins (s3 only shares "grant writing")
    assert [p.mentee_id for p in result.pairs] in (["s1"], ["s2"])


def test_a_preference_on_levels_reads_without_a_ladder_in_the_rules():
    rows = [person("m1", "Postdoc", side="mentor", years_experience=9,
                   preferences="level >= Master's student"),
            person("s1", "Undergraduate student", side="mentee", years_experience=1),
            person("s2", "Master's student", side="mentee", years_experience=2,
                   text="grant writing")]
    result = recommender(rows).suggest_pairs(MatchParams(direction="classic"))
    assert [p.key for p in result.pairs] == [("m1", "s2")]


def test_people_files_carry_the_new_fields_and_refuse_a_bad_time_zone():
    rec = recommender([person("a", "HEO", side="mentor", utc_offset="UTC+1",
                              attr_profession="Policy; Data", preferences="= Policy")])
    got = rec.person("a")
    assert (got.level, got.utc_offset, got.preferences) == ("HEO", 1.0, "= Policy")
    assert got.attribute("profession") == ("Policy", "Data")
    with pytest.raises(ValidationError) as error:
        recommender([person("b", "HEO", side="mentor", utc_offset="teatime")])
    (problem,) = error.value.problems
    assert (problem.row, problem.column) == (1, "utc_offset")
    assert "not a time zone: 'teatime'" in problem.message


def test_the_programme_points_are_one_part_of_one_score_everywhere():
    rows = [person("m1", "Postdoc", side="mentor", attr_profession="Data",
                   utc_offset="-3"),
            person("s1", "Master's student", side="mentee", attr_profession="Data",
                   utc_offset="-3")]
    rules = ProgrammeRules(levels=rules_from_dict(
        {"levels": {"ladder": "academic", "min_steps": 1, "max_steps": 3,
                    "points": {"3": 0.12}}}).levels,
        same=(SameRule("profession", "points", 0.1),), time_zone=TimeZoneRule(3, 0.05))
    rec = recommender(rows)
    rec.params = MatchParams(direction="classic", rules=rules)
    (pair,) = rec.suggest_pairs().pairs
    assert pair.parts["programme"] == pytest.approx(0.12 + 0.1 + 0.05)
    explained = rec.explain_pair("m1", "s1")
    assert explained.score == pair.score and explained.parts == pair.parts
    assert np.isclose(sum(pair.parts.values()), pair.score)


def test_what_cannot_work_as_written_is_said():
    rows = [person("m1", "Postdoc", side="mentor", preferences="secter = Academia; likes cats"),
            person("m2", "Wizard", side="mentor"),
            person("s1", "Master's student", side="mentee", attr_sector="Academia")]
    rec = recommender(rows)
    rec.params = MatchParams(direction="classic", rules=rules_from_dict(
        {**ACADEMIC, "same": [{"field": "profesion", "effect": "forbid"}]}))
    warnings = rec.rule_warnings()
    assert any("nobody answered 'profesion'" in w for w in warnings)
    assert any("M1: preference 'likes cats' is no condition" in w for w in warnings)
    assert any("preference 'secter = Academia' (M1): nobody meets it" in w for w in warnings)
    assert any("1 people have a level on no step" in w and "'Wizard'" in w for w in warnings)


@pytest.mark.parametrize("seed", range(5))
def test_shared_values_match_a_dense_reading_in_every_orientation(seed):
    from scipy import sparse

    from recommender.matching.traits import Values, shared

    rng = np.random.default_rng(seed)
    n, v = 15, 6
    multi = (rng.random((n, v)) < 0.25).astype(np.float32)
    single = np.zeros((n, v), np.float32)
    single[np.arange(n), rng.integers(0, v, n)] = 1
    single[rng.random(n) < 0.3] = 0
    for dense in (multi, single):
        values = Values.of(sparse.csr_matrix(dense))
        truth = (dense @ dense.T) > 0
        m, s = rng.integers(0, n, 7), rng.integers(0, n, 9)
        assert (shared(values, values, m[:, None], s[None, :]) == truth[m[:, None], s]).all()
        assert (shared(values, values, s[None, :], m[:, None]) == truth[s[None, :], m[:, None]]
                ).all()
        e, f = rng.integers(0, n, 30), rng.integers(0, n, 30)
        assert (shared(values, values, e, f) == truth[e, f]).all()


def test_identity_asks_only_with_a_value_and_a_yes_however_written():
    rows = [person("m1", "Postdoc", side="mentor", attr_characteristics="Carer"),
            person("s1", "Master's student", side="mentee", attr_identity="Carer",
                   attr_similar="Yes, please"),
            person("s2", "Master's student", side="mentee")]
    hard = rules_from_dict({**ACADEMIC, "identity": [
        {"field": "characteristics", "mentee_field": "identity", "opt_in": "Similar",
         "hard": True, "weight": 0.06}]})
    rec = recommender(rows)
    rec.params = MatchParams(direction="classic", rules=hard, max_mentees_per_mentor=2)
    pairs = {p.mentee_id: p for p in rec.suggest_pairs().pairs}
    assert set(pairs) == {"s1", "s2"}  # s2 has no identity to match: not held by the rule
    assert pairs["s1"].parts["programme"] == pytest.approx(0.06)


def test_time_zones_across_the_date_line():
    rows = [person("m1", "Postdoc", side="mentor", utc_offset="UTC+14"),
            person("s1", "Master's student", side="mentee", utc_offset="UTC-11")]
    rules = ProgrammeRules(levels=rules_from_dict(ACADEMIC).levels,
                           time_zone=TimeZoneRule(max_hours=0.5))
    result = recommender(rows).suggest_pairs(MatchParams(direction="classic", rules=rules))
    assert result.pairs == ()  # 1 hour apart, the short way round: over 0.5
    rules = replace(rules, time_zone=TimeZoneRule(max_hours=1))
    result = recommender(rows).suggest_pairs(MatchParams(direction="classic", rules=rules))
    assert "Time zones 1 h apart" in result.pairs[0].reasons


def test_rule_file_values_of_the_wrong_kind_are_named():
    for data, words in (({"levels": {"ladder": "academic", "hard": "false"}},
                         "levels.hard must be true or false"),
                        ({"levels": {"ladder": "academic", "min_steps": 1.7}},
                         "levels.min_steps must be a whole number"),
                        ({"time_zone": {"max_hours": float("inf")}},
                         "time_zone.max_hours must be a number"),
                        ({"levels": "academic"}, "levels: must be a table")):
        with pytest.raises(ValueError, match=r"^rules: ") as error:
            rules_from_dict(data)
        assert words in str(error.value)
    # one [same] table where [[same]] was meant still reads
    assert rules_from_dict({"same": {"field": "department"}}).same[0].field == "department"


def test_field_names_compare_the_same_in_rules_and_columns():
    rows = [person("m1", "Postdoc", side="mentor", **{"attr_secteur_d_activite": "Santé"}),
            person("s1", "Master's student", side="mentee",
                   **{"attr_secteur_d_activite": "Santé"})]
    rules = rules_from_dict({**ACADEMIC, "same": [{"field": "Secteur d'activité",
                                                   "effect": "forbid"}]})
    result = recommender(rows).suggest_pairs(MatchParams(direction="classic", rules=rules))
    assert result.pairs == ()
