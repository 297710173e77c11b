"""A programme's own rules, judged on two programmes: a peer tool's sample data under its
own rules, and an academic two-form cohort with designed pairs.

Usage:
    python benchmarks/bench_rules.py [--part peer|academic|all] [--their-python PATH]

**Peer** (``benchmarks/data/mentor_match/``: jonodrew/mentor-match's ``sample_data/small``,
OGL v3.0, its rules read from its code in the folder's README). Their rules written as
Tandem rules (``benchmarks/data/mentor_match/rules.toml``) and checked by this script's own
reading of theirs (not by Tandem's engine). Their sample has no text to match on: everyone
gets the same sentence, so that only the rules decide (the embedder does not matter then;
the fake one is used). Printed beside their tool's pairs (``their_pairs.csv``, made by
``run_their_tool.py`` in its own virtualenv; ``--their-python`` runs it again): pairs, the
most one-to-one pairs their rules allow (a maximum bipartite matching), mentees paired, rules
broken, total points by their formula, and every one-to-one disagreement with both pairs'
points.

**Academic** (``tests/data/programmes/academic/``: 35 mentors, 28 mentees, Google Forms
exports in English, Spanish, Portuguese and French, 27 designed pairs and 28 decoys that
break one rule each, written for this project). Both forms are imported with the proposed
mapping as it is (the coordinator's page would show the same), the rules of
``rules.toml`` beside them, and the default embedder. Printed: designed pairs found, pairs
breaking a stated preference, further apart than the time-zone window, outside the level
window, in the same institution, without a shared language; before (the matching as it
was: classic direction, years gap, no programme rules, no stated preferences), after, and a
simple baseline under the same rules (whole-profile cosine, Hungarian assignment).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from recommender import MatchParams, ProgrammeRules, Recommender, load_rules
from recommender.embedding.backends import HashingEmbedder

ROOT = Path(__file__).resolve().parents[1]
PEER = ROOT / "benchmarks" / "data" / "mentor_match"
ACADEMIC = ROOT / "tests" / "data" / "programmes" / "academic"


# ============================================================================ peer
GRADES = ["AA", "AO", "EO", "HEO", "SEO", "Grade 7", "Grade 6", "SCS1", "SCS2", "SCS3", "SCS4"]


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def their_rules_allow(mentor: dict[str, str], mentee: dict[str, str]) -> bool:
    """Their bans (mentor_match_web/app/helpers.py:178-185)."""
    gap = GRADES.index(mentor["grade"]) - GRADES.index(mentee["grade"])
    return mentor["organisation"] != mentee["organisation"] and 0 < gap <= 2


def their_points(mentor: dict[str, str], mentee: dict[str, str]) -> int:
    """Their points without the round bonus (helpers.py:186-197)."""
    gap = GRADES.index(mentor["grade"]) - GRADES.index(mentee["grade"])
    points = {2: 12, 1: 9}.get(gap, 0)
    points += 10 * (mentor["profession"] == mentee["profession"])
    identity = mentee["identity to match"]
    points += 6 * (identity != "" and identity in mentor["characteristics"].split(", "))
    return points


def peer_people(mentors: list[dict[str, str]], mentees: list[dict[str, str]]
                ) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for m in mentors:
        rows.append({"id": m["email address"], "name": f"{m['first name']} {m['last name']}",
                     "years_experience": 0, "role_preference": "mentor", "languages": "en",
                     "level": m["grade"], "department": m["organisation"],
                     "attr_profession": m["profession"],
                     "attr_characteristics": ";".join(
                         c for c in m["characteristics"].split(", ") if c),
                     "offers": "I can share what I have learnt in the civil service."})
    for s in mentees:
        rows.append({"id": s["email address"], "name": f"{s['first name']} {s['last name']}",
                     "years_experience": 0, "role_preference": "mentee", "languages": "en",
                     "level": s["grade"], "department": s["organisation"],
                     "attr_profession": s["profession"],
                     "attr_identity": s["identity to match"],
                     "attr_similar_identity": s["match with similar identity"],
                     "wants": "I want to learn from a colleague in the civil service."})
    return rows


def max_one_to_one(mentors: list[dict[str, str]], mentees: list[dict[str, str]]) -> int:
    from scipy.optimize import linear_sum_assignment

    allowed = np.array([[their_rules_allow(m, s) for s in mentees] for m in mentors], float)
    rows, cols = linear_sum_assignment(allowed, maximize=True)
    return int(allowed[rows, cols].sum())


def run_peer(their_python: str | None) -> None:
    mentors, mentees = read_csv(PEER / "mentors.csv"), read_csv(PEER / "mentees.csv")
    by_id = {r["email address"]: r for r in mentors + mentees}
    if their_python:
        subprocess.run([their_python, str(PEER / "run_their_tool.py"), str(PEER)], check=True)
    theirs = [(r["mentor_id"], r["mentee_id"], int(r["round"]))
              for r in read_csv(PEER / "their_pairs.csv")]
    rules = load_rules(PEER / "rules.toml")
    rec = Recommender(embedder=HashingEmbedder())
    rec.add_people(peer_people(mentors, mentees))
    runs: dict[str, list[tuple[str, str]]] = {}
    seconds: dict[str, float] = {}
    identity_given: dict[str, int] = {}
    said_no = {r["email address"] for r in mentees if r["match with similar identity"] != "yes"}

    def run(name: str, params: MatchParams) -> None:
        started = time.perf_counter()
        pairs = rec.suggest_pairs(params).pairs
        seconds[name] = time.perf_counter() - started
        runs[name] = [p.key for p in pairs]
        identity_given[name] = sum(
            1 for p in pairs if p.mentee_id in said_no
            and any(k.startswith("rule:identity") and v > 0 for k, v in p.signals.items()))

    # before: the grade as years (its ladder index) with the default gap, or no rule at all
    years_rec = Recommender(embedder=HashingEmbedder())
    years_rec.add_people([{**r, "years_experience": GRADES.index(r["level"])}
                          for r in peer_people(mentors, mentees)])
    started = time.perf_counter()
    runs["before: grades as years, gap 3"] = [
        p.key for p in years_rec.suggest_pairs(MatchParams(direction="classic")).pairs]
    seconds["before: grades as years, gap 3"] = time.perf_counter() - started
    run("before: peer, no rule", MatchParams(direction="peer",
                                             rules=ProgrammeRules(preferences="off")))
    # their formula exactly (identity points whatever the mentee said), then Tandem's rule
    # (identity points only for mentees who asked for them)
    parity = replace(rules, identity=tuple(replace(r, opt_in="") for r in rules.identity))
    run("Tandem, their points, 1 each", MatchParams(direction="classic", rules=parity))
    run("Tandem, their points, up to 3", MatchParams(
        direction="classic", rules=parity, max_mentors_per_mentee=3, max_mentees_per_mentor=3))
    run("Tandem rules.toml, 1 each", MatchParams(direction="classic", rules=rules))
    run("Tandem rules.toml, up to 3", MatchParams(
        direction="classic", rules=rules, max_mentors_per_mentee=3, max_mentees_per_mentor=3))
    columns = {"their tool, round 1": [(m, s) for m, s, r in theirs if r == 1],
               "their tool, 3 rounds": [(m, s) for m, s, _ in theirs], **runs}
    print("Peer: jonodrew/mentor-match sample_data/small (50 mentors, 50 mentees), their rules")
    print(f"most one-to-one pairs their rules allow: {max_one_to_one(mentors, mentees)}")
    head = f"{'':34}{'pairs':>7}{'mentees paired':>16}{'rules broken':>14}{'their points':>14}"
    print(head)
    for name, pairs in columns.items():
        broken = sum(not their_rules_allow(by_id[m], by_id[s]) for m, s in pairs)
        points = sum(their_points(by_id[m], by_id[s]) for m, s in pairs)
        print(f"{name:34}{len(pairs):>7}{len({s for _, s in pairs}):>16}{broken:>14}"
              f"{points:>14}")
    print("(their points: 12 / 9 for 2 / 1 grades apart, 10 same profession, 6 identity, "
          "without their round bonus)")
    one = dict((s, m) for m, s in runs["Tandem, their points, 1 each"])
    first = dict((s, m) for m, s, r in theirs if r == 1)
    differ = sorted(s for s in set(one) | set(first) if one.get(s) != first.get(s))
    better = Counter()
    print(f"\none-to-one disagreements (their round 1 / Tandem with their points): "
          f"{len(differ)} mentees")
    print(f"{'mentee':22}{'their mentor':22}{'pts':>5}  {'Tandem mentor':22}{'pts':>5}")
    for s in differ:
        pts = {}
        for who, m in (("theirs", first.get(s)), ("tandem", one.get(s))):
            pts[who] = their_points(by_id[m], by_id[s]) if m else 0
        better["theirs" if pts["theirs"] > pts["tandem"] else "tandem"
               if pts["tandem"] > pts["theirs"] else "equal"] += 1
        print(f"{s:22}{first.get(s, '-'):22}{pts['theirs']:>5}  {one.get(s, '-'):22}"
              f"{pts['tandem']:>5}")
    print(f"by their own points: theirs better {better['theirs']}, Tandem better "
          f"{better['tandem']}, equal {better['equal']} (Tandem maximises the total: "
          f"a pair's loss is another's gain)")
    theirs_no = sum(1 for m, s in columns["their tool, 3 rounds"] if s in said_no
                    and by_id[s]["identity to match"]
                    and by_id[s]["identity to match"] in by_id[m]["characteristics"].split(", "))
    print(f"identity points given to mentees who answered 'no' to 'match with similar "
          f"identity': their tool {theirs_no}, " + ", ".join(
              f"{k} {v}" for k, v in identity_given.items() if k.startswith("Tandem")))
    print("seconds: " + ", ".join(f"{k} {v:.2f}" for k, v in seconds.items()))


# ============================================================================ academic
_LEVELS = {"undergraduate": 0, "master": 1, "junior ph": 2, "senior ph": 3, "postdoc": 4,
           "industry researcher": 4, "faculty": 5}


def _level(text: str) -> int:
    low = text.lower().replace(".", "")
    return next(v for k, v in _LEVELS.items() if k.replace(".", "") in low)


def _offset(text: str) -> float:
    found = re.search(r"GMT([+-]\d{2}):(\d{2})", text)
    return float(found.group(1)) + np.sign(float(found.group(1)) or 1) * int(found.group(2)) / 60


def academic_checks(mentor: dict[str, str], mentee: dict[str, str]) -> list[str]:
    """The programme's rules read from the answers (this script's own reading)."""
    broken = []
    gap = _level(mentor["Current position"]) - _level(mentee["Current position"])
    if not 1 <= gap <= 3:
        broken.append("level window")
    if mentor["Institution / organisation"] == mentee["Institution / organisation"]:
        broken.append("same institution")
    apart = abs(_offset(mentor[TZ]) - _offset(mentee[TZ]))
    if min(apart, 24 - apart) > 3:
        broken.append("time zone")
    minimum = mentor["Minimum academic level of your mentees"]
    need = {"No minimum": 0, "Master's student": 1, "Ph.D. student": 2}[minimum]
    sector = mentor[PREFER]
    if _level(mentee["Current position"]) < need or sector not in ("No preference",
                                                                   mentee["Sector"]):
        broken.append("stated preference")
    langs_m = set(mentor[LANG_M].split(", "))
    if not langs_m & set(mentee["Languages / Idiomas"].split(", ")):
        broken.append("language")
    return broken


TZ = "Time zone / Zona horaria / Fuso horário"
PREFER = ("Do you prefer mentees from academia or industry? / ¿Prefieres mentorados de la "
          "academia o de la industria?")
LANG_M = "Languages you can mentor in / Idiomas en los que puedes mentorear"


def baseline_pairs(rec: Recommender, params: MatchParams) -> list[tuple[str, str]]:
    """Whole-profile cosine (the same model), the same hard rules, capacities, Hungarian."""
    from scipy.optimize import linear_sum_assignment

    people = rec.people()
    mentors = [p for p in people if p.role_preference == "mentor"]
    mentees = [p for p in people if p.role_preference == "mentee"]
    vectors = rec.encoder.encode([" ".join(x for x in (p.profile, p.offers, p.wants) if x)
                                  for p in mentors + mentees])
    sims = vectors[: len(mentors)] @ vectors[len(mentors):].T
    rec.params = params
    slots, rows = [], []
    for i, m in enumerate(mentors):
        for _ in range(m.capacity or 1):
            slots.append(i)
            rows.append([sims[i, j] if not rec.rule_violations(m.id, s.id) else -1e6
                         for j, s in enumerate(mentees)])
    cost = -np.array(rows)
    r, c = linear_sum_assignment(cost)
    return [(mentors[slots[a]].id, mentees[b].id) for a, b in zip(r, c, strict=True)
            if cost[a, b] < 1e5]


def run_academic() -> None:
    mentors = {r["Email Address"]: r for r in read_csv(ACADEMIC / "mentors.csv")}
    mentees = {r["Email Address"]: r for r in read_csv(ACADEMIC / "mentees.csv")}
    designed = json.loads((ACADEMIC / "designed_pairs.json").read_text(encoding="utf-8"))
    wanted = {(p["mentor"], p["mentee"]) for p in designed["pairs"]}
    rules = load_rules(ACADEMIC / "rules.toml")
    started = time.perf_counter()
    rec = Recommender()  # the default embedder
    for name, role in (("mentors.csv", "mentor"), ("mentees.csv", "mentee")):
        rows = ACADEMIC / name
        proposal = rec.propose_mapping(str(rows), role=role)
        rec.import_people(str(rows), name, mapping=proposal.mapping, role=role)
    email_of = {p.id: p.email for p in rec.people()}
    load = time.perf_counter() - started
    variants = {
        "before (years gap, no rules)": MatchParams(
            direction="classic", rules=ProgrammeRules(preferences="off")),
        "after (rules.toml)": MatchParams(direction="classic", rules=rules),
    }
    results: dict[str, list[tuple[str, str]]] = {}
    seconds: dict[str, float] = {}
    for name, params in variants.items():
        started = time.perf_counter()
        pairs = rec.suggest_pairs(params).pairs
        seconds[name] = time.perf_counter() - started
        results[name] = [(email_of[p.mentor_id], email_of[p.mentee_id]) for p in pairs]
    started = time.perf_counter()
    results["baseline: whole-profile cosine + rules"] = [
        (email_of[m], email_of[s]) for m, s in baseline_pairs(rec, variants["after (rules.toml)"])]
    seconds["baseline: whole-profile cosine + rules"] = time.perf_counter() - started
    print(f"\nAcademic two-form cohort: {len(mentors)} mentors, {len(mentees)} mentees, "
          f"{len(wanted)} designed pairs (import {load:.1f} s)")
    kinds = ("stated preference", "time zone", "level window", "same institution", "language")
    print(f"{'':42}{'pairs':>6}{'designed':>10}" + "".join(f"{k:>19}" for k in kinds))
    for name, pairs in results.items():
        broken = Counter(b for m, s in pairs for b in academic_checks(mentors[m], mentees[s]))
        print(f"{name:42}{len(pairs):>6}{len(wanted & set(pairs)):>7}/{len(wanted):<2}"
              + "".join(f"{broken[k]:>19}" for k in kinds))
    alone = designed.get("unpaired", [])
    after = {s for _, s in results["after (rules.toml)"]}
    print(f"mentees no rule-abiding mentor can take, left unpaired after: "
          f"{sum(u['mentee'] not in after for u in alone)}/{len(alone)}")
    print("seconds: " + ", ".join(f"{k} {v:.2f}" for k, v in seconds.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("peer", "academic", "all"), default="all")
    parser.add_argument("--their-python", help="a Python with mentor-match installed: run "
                        "their tool again (else their kept output is read)")
    args = parser.parse_args()
    if args.part in ("peer", "all"):
        run_peer(args.their_python)
    if args.part in ("academic", "all"):
        run_academic()


if __name__ == "__main__":
    main()
