#!/usr/bin/env python3
"""Run jonodrew/mentor-match's matching on a folder holding mentors.csv + mentees.csv.

Standalone: needs only the PyPI library their web app uses, pinned as in their
poetry.lock (mentor-match==7.0.1, munkres==1.1.4), e.g.

    python3 -m venv /tmp/mmvenv
    /tmp/mmvenv/bin/pip install mentor-match==7.0.1 munkres==1.1.4
    /tmp/mmvenv/bin/python run_their_tool.py benchmarks/data/mentor_match

The web app's own code (Flask/Celery) is not importable without Flask, Celery and
Redis, so the few pieces that matter are copied below, verbatim in logic, from
jonodrew/mentor-match @ 66b1425c75b06ee44a151f31a13227cc5da4d522
(Open Government Licence v3.0):

  * CSPerson / CSMentee / CSMentor   <- mentor_match_web/app/classes.py
  * base_rules()                      <- mentor_match_web/app/helpers.py:178-198
  * async_process_data()              <- mentor_match_web/app/tasks/tasks.py:21-34
  * most_mentees_with_at_least_one_mentor() + find_best_output()
                                      <- mentor_match_web/app/tasks/helpers.py:11-19,
                                         mentor_match_web/app/tasks/tasks.py:37-63

Modes (the web app's /options page, templates/options.html:36,44):
  quality  (default, "Optimise for the best possible matches"): one run,
           3 rounds, UnmatchedBonus(6).
  quantity ("Optimise so that the most number of mentees receive a match"):
           one run per unmatched bonus 0..36, keep the run with most mentees
           having >=1 mentor, ties broken by most mentors having >=1 mentee,
           first such run wins.

Output CSV columns: mentor_id, mentee_id (both = the "email address" column),
points (the pair's score in the round it was made, as their Match object
computed it, INCLUDING the unmatched bonus if it applied), round (1..3).
"""
from __future__ import annotations

import argparse
import csv
import operator
import pathlib
import sys
from copy import deepcopy

import matching.rules.rule as rl
from matching.mentee import Mentee
from matching.mentor import Mentor
from matching.person import Person
from matching.process import (
    create_participant_list_from_path,
    generate_match_matrix,
    match_and_assign_participants,
)
from matching.rules.rule import UnmatchedBonus

sys.setrecursionlimit(10000)  # as tasks.py:13


# ---- mentor_match_web/app/classes.py ------------------------------------
class CSPerson(Person):
    grade_mapping = [  # noqa: RUF012  (as their classes.py writes it)
        "AA",
        "AO",
        "EO",
        "HEO",
        "SEO",
        "Grade 7",
        "Grade 6",
        "SCS1",
        "SCS2",
        "SCS3",
        "SCS4",
    ]

    def __init__(self, **kwargs):
        self.biography = kwargs.get("biography")
        self.both = True if kwargs.get("both mentor and mentee") == "yes" else False  # noqa: SIM210
        kwargs = self.map_input_to_model(kwargs)
        super().__init__(**kwargs)
        self._connections: list[CSPerson] = []

    @classmethod
    def str_grade_to_val(cls, grade: str):
        return cls.grade_mapping.index(grade)

    @property
    def connections(self) -> list[CSPerson]:
        return self._connections

    @connections.setter
    def connections(self, new_connections):
        self._connections = new_connections

    @staticmethod
    def map_input_to_model(data: dict):
        data["role"] = data["job title"]
        data["email"] = data.get("email address", data.get("email"))
        data["grade"] = CSPerson.str_grade_to_val(data.get("grade", ""))
        return data


class CSMentee(CSPerson, Mentee):
    def __init__(self, **kwargs):
        self.characteristic = kwargs.get("identity to match")
        super().__init__(**kwargs)

    @property
    def target_profession(self):
        return self.profession


class CSMentor(CSPerson, Mentor):
    def __init__(self, **kwargs):
        self.characteristics: list[str] = kwargs.get("characteristics", "").split(", ")
        super().__init__(**kwargs)

    @property
    def current_profession(self):
        return self.profession


# ---- mentor_match_web/app/helpers.py:178-198 ------------------------------
def base_rules() -> list:
    return [
        rl.Disqualify(
            lambda match: match.mentee.organisation == match.mentor.organisation
        ),
        rl.Disqualify(rl.Grade(target_diff=2, logical_operator=operator.gt).evaluate),
        rl.Disqualify(rl.Grade(target_diff=0, logical_operator=operator.le).evaluate),
        rl.Disqualify(lambda match: match.mentee in match.mentor.mentees),
        rl.Grade(2, operator.eq, {True: 12, False: 0}),
        rl.Grade(1, operator.eq, {True: 9, False: 0}),
        rl.Generic(
            {True: 10, False: 0},
            lambda match: match.mentee.target_profession
            == match.mentor.current_profession,
        ),
        rl.Generic(
            {True: 6, False: 0},
            lambda match: match.mentee.characteristic in match.mentor.characteristics
            and match.mentee.characteristic != "",
        ),
    ]


# ---- mentor_match_web/app/tasks/tasks.py:21-34 + matching/process.py:100-119
def async_process_data(mentors, mentees, unmatched_bonus: int = 6):
    """Same as their task, but records which round each pair was made in and
    the pair's score in that round. The calls into the library are the same
    ones, in the same order, as matching.process.process_data."""
    all_rules = [base_rules() for _ in range(3)]
    for ruleset in all_rules:
        ruleset.append(UnmatchedBonus(unmatched_bonus))
    pairs = []  # (mentor, mentee, points, round)
    for rnd, rules in enumerate(all_rules, start=1):
        matrix = generate_match_matrix(mentors, mentees, rules)
        before = {(i, j): matrix[i][j].score for i in range(len(matrix))
                  for j in range(len(matrix[i]))}
        had = {id(m): list(m.mentees) for m in mentors}
        match_and_assign_participants(matrix)
        for i, mentor in enumerate(mentors):
            for mentee in mentor.mentees:
                if any(mentee is x for x in had[id(mentor)]):
                    continue
                j = next(k for k, x in enumerate(mentees) if x is mentee)
                pairs.append((mentor, mentee, before[(i, j)], rnd))
    return mentors, mentees, unmatched_bonus, pairs


# ---- tasks/helpers.py:11-19 + tasks/tasks.py:37-63 ------------------------
def quantity_mode(mentors, mentees):
    max_score = sum(rule.results.get(True) for rule in base_rules())  # = 37
    best, highest = None, {"mentors": 0, "mentees": 0}
    for bonus in range(max_score):
        out = async_process_data(deepcopy(mentors), deepcopy(mentees), bonus)
        if best is None:
            best = out
        cur = {
            "mentors": sum(len(p.connections) > 0 for p in out[0]),
            "mentees": sum(len(p.connections) > 0 for p in out[1]),
        }
        if cur["mentees"] > highest["mentees"] or (
            cur["mentees"] == highest["mentees"] and cur["mentors"] > highest["mentors"]
        ):
            best, highest = out, cur
    return best


# ---- independent re-check of every pair against their rules ---------------
def check(pairs, rows_mentor, rows_mentee, bonus):
    ladder = CSPerson.grade_mapping
    problems, no_optin_identity = [], 0
    conn: dict[str, int] = {}
    seen = set()
    before = dict(conn)  # connection counts at the start of the current round
    cur_round = None
    for mentor, mentee, points, rnd in sorted(pairs, key=lambda p: p[3]):
        if rnd != cur_round:
            before, cur_round = dict(conn), rnd
        a, b = rows_mentor[mentor.email], rows_mentee[mentee.email]
        diff = ladder.index(a["grade"]) - ladder.index(b["grade"])
        key = (mentor.email, mentee.email)
        if a["organisation"] == b["organisation"]:
            problems.append(f"{key}: same organisation")
        if diff not in (1, 2):
            problems.append(f"{key}: grade gap {diff}")
        if key in seen:
            problems.append(f"{key}: repeated pair")
        seen.add(key)
        ident = b["identity to match"]
        id_hit = ident != "" and ident in a["characteristics"].split(", ")
        if id_hit and b["match with similar identity"] != "yes":
            no_optin_identity += 1
        unpaired = before.get(mentor.email, 0) == 0 or before.get(mentee.email, 0) == 0
        expect = ({2: 12, 1: 9}.get(diff, 0) + 10 * (a["profession"] == b["profession"])
                  + 6 * id_hit + bonus * unpaired)
        if expect != points:
            problems.append(f"{key}: points {points} != recomputed {expect}")
        conn[mentor.email] = conn.get(mentor.email, 0) + 1
        conn[mentee.email] = conn.get(mentee.email, 0) + 1
    if max(conn.values(), default=0) > 3:
        problems.append("someone has more than 3 connections")
    return problems, no_optin_identity


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", type=pathlib.Path, help="folder with mentors.csv, mentees.csv")
    ap.add_argument("--mode", choices=["quality", "quantity"], default="quality")
    ap.add_argument("--out", type=pathlib.Path, default=None,
                    help="default: <folder>/their_pairs.csv (quality) or "
                         "<folder>/their_pairs_quantity.csv (quantity)")
    args = ap.parse_args()
    out = args.out or args.folder / (
        "their_pairs.csv" if args.mode == "quality" else "their_pairs_quantity.csv")

    # as mentor_match_web/app/main/routes.py:133-144
    mentors = create_participant_list_from_path(CSMentor, path_to_data=args.folder)
    mentees = create_participant_list_from_path(CSMentee, path_to_data=args.folder)
    if args.mode == "quality":
        mentors, mentees, bonus, pairs = async_process_data(mentors, mentees)
    else:
        mentors, mentees, bonus, pairs = quantity_mode(mentors, mentees)

    pairs.sort(key=lambda p: (p[3], p[0].email, p[1].email))
    with open(out, "w", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["mentor_id", "mentee_id", "points", "round"])
        for mentor, mentee, points, rnd in pairs:
            w.writerow([mentor.email, mentee.email, points, rnd])

    with open(args.folder / "mentors.csv") as fm, open(args.folder / "mentees.csv") as fe:
        rows_m = {r["email address"]: r for r in csv.DictReader(fm)}
        rows_e = {r["email address"]: r for r in csv.DictReader(fe)}
    problems, no_optin = check(pairs, rows_m, rows_e, bonus)
    per_round = {r: sum(p[3] == r for p in pairs) for r in (1, 2, 3)}
    print(f"mode={args.mode} unmatched_bonus={bonus} -> {out}")
    print(f"mentors={len(mentors)} mentees={len(mentees)}")
    print(f"pairs per round={per_round} total={len(pairs)}")
    print(f"mentees with >=1 mentor={sum(len(m.mentors) > 0 for m in mentees)}"
          f" mentors with >=1 mentee={sum(len(m.mentees) > 0 for m in mentors)}")
    for label, people in (("mentees", mentees), ("mentors", mentors)):
        dist = {i: sum(len(p.connections) == i for p in people) for i in range(4)}
        print(f"{label} by number of matches: {dist}")
    print(f"total points={sum(p[2] for p in pairs)}")
    print(f"pairs given the +6 identity points although mentee's "
          f"'match with similar identity' != yes: {no_optin}")
    print(f"rule violations: {len(problems)}")
    for p in problems:
        print("  ", p)


if __name__ == "__main__":
    main()
