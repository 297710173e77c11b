"""Next topics on labelled programmes: the catalogue, topics from the cohort, and a baseline.

For each labelled programme of ``tests/data/topics_eval`` (an academic one, a corporate one:
people whose every wish and offer sentence carries its gold subject, pairs with the subjects
a coordinator would pick and notes that paraphrase what they already covered), prints:

- **relevant in top 3**: pairs whose three first topics include one of their relevant,
  not yet covered subjects;
- **distinct first topics**: how many different topics come first, over the pairs;
- **covered re-suggested**: topics of a subject the pair's notes covered, among the five
  suggested (over the pairs with notes);

for the shipped catalogue, for topics drawn from the cohort and for a simple baseline (the
mentee's wish sentence most similar to the mentor's offers, as the topic, notes ignored), in
one run with the default model. A catalogue topic stands for the subjects mapped to it in the
set; a topic from the cohort for the subject most of its wish sentences have; the baseline's
for its sentence's own.

It also prints the catalogue fit (wishes answered / all) against the gold answer (a wish is
answerable when its subject maps to a catalogue topic), with the threshold chosen on the
people of even rank and reported on those of odd rank; the clustering's agreement with the
gold subjects (adjusted Rand index) for a few distance thresholds; and the paraphrase set of
``tests/data/labelled_topics_paraphrased.json`` (covered topics re-suggested in the top 5,
relevant in the top 3).

    python benchmarks/bench_topics.py            # everything, about 2 minutes
    python benchmarks/bench_topics.py --real     # + the five most frequent first topics of
                                                 #   the real academic forms (../shared/data)
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from recommender import Recommender  # noqa: E402
from recommender.insights.cohort_topics import (  # noqa: E402
    cluster_sentences,
    cohort_sentences,
    subject_words,
)
from recommender.insights.coverage import topic_views  # noqa: E402
from recommender.insights.fit import wish_answers  # noqa: E402
from recommender.insights.params import CohortTopicParams, TopicParams  # noqa: E402
from recommender.matching.params import MatchParams  # noqa: E402

EVAL = ROOT / "tests" / "data" / "topics_eval"
PARAPHRASES = ROOT / "tests" / "data" / "labelled_topics_paraphrased.json"
REAL = ROOT.parent / "shared" / "data" / "real_forms"
REAL_EXPECTED = ROOT / "benchmarks" / "real_forms_expected.json"


def load(name: str) -> dict[str, Any]:
    return json.loads((EVAL / f"{name}.json").read_text(encoding="utf-8"))


def build(data: dict[str, Any]) -> tuple[Recommender, dict[str, str]]:
    """The programme as a workspace in memory, and the gold subject of every sentence."""
    rec = Recommender(params=MatchParams(direction=data["direction"]))
    gold: dict[str, str] = {}
    rows = []
    for person in data["people"]:
        for text, subject in person["wants"] + person["offers"]:
            if subject:
                gold[text] = subject
        rows.append({"id": person["id"], "name": person["name"],
                     "years_experience": person["years_experience"],
                     "languages": person["languages"],
                     "role_preference": person["role_preference"],
                     "wants": " ".join(t for t, _ in person["wants"]),
                     "offers": " ".join(t for t, _ in person["offers"])})
    rec.add_people(rows)
    for pair in data["pairs"]:
        rec.add_pair(pair["mentor"], pair["mentee"], status="accepted")
    rec.add_notes([{"mentor_id": p["mentor"], "mentee_id": p["mentee"], **note}
                   for p in data["pairs"] for note in p.get("notes", ())])
    return rec, gold


def subject_of(text: str, gold: dict[str, str]) -> str | None:
    """A sentence's gold subject (the segmenter may have trimmed it a little)."""
    if text in gold:
        return gold[text]
    for sentence, subject in gold.items():
        if text in sentence or sentence in text:
            return subject
    return None


Row = tuple[list[set[str]], set[str], set[str], bool, str]
"""A pair's outcome: the subjects of each suggested topic in order, its relevant and covered
subjects, whether it has notes, and the id of its first topic."""


def scores(rows: list[Row]) -> dict[str, tuple[int, int]]:
    """``(count, out of)`` per figure: relevant in top 3, distinct first topics (by id),
    covered subjects re-suggested in the top 5 (pairs with notes)."""
    top3 = sum(bool(set().union(*s[:3]) & (rel - cov)) for s, rel, cov, _, _ in rows)
    firsts = {first for *_, first in rows if first}
    resuggested = sum(len(set().union(*s[:5]) & cov) for s, _, cov, notes, _ in rows if notes)
    covered = sum(len(cov) for _, _, cov, notes, _ in rows if notes)
    return {"top3": (top3, len(rows)), "distinct_first": (len(firsts), len(rows)),
            "resuggested": (resuggested, covered)}


def evaluate(name: str) -> dict[str, Any]:
    data = load(name)
    rec, gold = build(data)
    subjects = data["subjects"]
    by_topic: dict[str, set[str]] = {}
    for key, subject in subjects.items():
        for topic_id in subject.get("catalogue", ()):
            by_topic.setdefault(topic_id, set()).add(key)
    drawn = rec.cohort_topics()
    cohort_subject = {}
    for topic in drawn:
        votes = Counter(s for s in (subject_of(w, gold) for w in topic.wishes) if s)
        cohort_subject[topic.topic.id] = {votes.most_common(1)[0][0]} if votes else set()
    sentences = rec._sentences()
    encode = rec.encoder.encode
    rows: dict[str, list[Row]] = {"catalogue": [], "cohort": [], "baseline": []}
    firsts: dict[str, Counter[str]] = {"catalogue": Counter(), "cohort": Counter()}
    for pair in data["pairs"]:
        relevant, covered = set(pair["relevant"]), set(pair.get("covered", ()))
        has_notes = bool(pair.get("notes"))
        for source, mapping in (("catalogue", by_topic), ("cohort", cohort_subject)):
            found = rec.suggest_topics(pair["mentor"], pair["mentee"], k=5, source=source)
            rows[source].append(([mapping.get(t.topic_id, set()) for t in found], relevant,
                                 covered, has_notes, found[0].topic_id if found else ""))
            if found:
                firsts[source][found[0].title] += 1
        wants = [s.text for s, _ in sentences.get(pair["mentee"]).wants]
        offers = [s.text for s, _ in sentences.get(pair["mentor"]).offers]
        if wants and offers:
            closeness = (encode(wants) @ encode(offers).T).max(axis=1)
            ranked = [wants[i] for i in np.argsort(-closeness)]
        else:
            ranked = wants
        rows["baseline"].append(([{s} if (s := subject_of(w, gold)) else set()
                                  for w in ranked[:5]], relevant, covered, has_notes,
                                 ranked[0] if ranked else ""))
    fit = rec.catalogue_fit()
    return {"name": name, "people": len(data["people"]), "pairs": len(data["pairs"]),
            "drawn": len(drawn), "scores": {k: scores(v) for k, v in rows.items()},
            "firsts": firsts, "fit": (fit.answered, fit.wishes), "source": rec.topic_source()}


def evaluation_lines(found: dict[str, Any]) -> list[str]:
    def cell(pair: tuple[int, int]) -> str:
        return f"{pair[0]}/{pair[1]}"

    lines = [f"{found['name']}: {found['people']} people, {found['pairs']} pairs, "
             f"{found['drawn']} topics drawn from the cohort"]
    for source in ("catalogue", "cohort", "baseline"):
        r = found["scores"][source]
        lines.append(f"  {source:10s} relevant in top 3 {cell(r['top3']):>6s}   distinct first "
                     f"topics {cell(r['distinct_first']):>6s}   covered re-suggested (top 5) "
                     f"{cell(r['resuggested']):>6s}")
    for source in ("catalogue", "cohort"):
        top = ", ".join(f"{t} ({n})" for t, n in found["firsts"][source].most_common(5))
        lines.append(f"  most frequent first topics, {source}: {top}")
    lines.append(f"  fit: the shipped catalogue answers {found['fit'][0]} of {found['fit'][1]} "
                 f"wishes; topic source chosen: {found['source']}")
    return lines


def fit_study(names: list[str]) -> list[str]:
    """Threshold of the catalogue fit: chosen on even-rank people, reported on odd."""
    rec = Recommender()
    catalogue = rec.topics()
    texts, owner = topic_views(catalogue, starters=False)
    view_vecs = rec.encoder.encode(texts)
    sims: list[float] = []
    truth: list[bool] = []
    half: list[int] = []
    for name in names:
        data = load(name)
        answerable = {k for k, s in data["subjects"].items() if s.get("catalogue")}
        for rank, person in enumerate(data["people"]):
            for text, subject in person["wants"]:
                if subject is None:
                    continue
                sims.append(float(wish_answers(rec.encoder.encode([text]), view_vecs, owner,
                                               len(catalogue))[0][0]))
                truth.append(subject in answerable)
                half.append(rank % 2)
    s, t, h = np.array(sims), np.array(truth), np.array(half)

    def balanced(mask: np.ndarray, threshold: float) -> float:
        pred = s[mask] >= threshold
        pos, neg = t[mask], ~t[mask]
        return 0.5 * ((pred & pos).sum() / max(pos.sum(), 1)
                      + (~pred & neg).sum() / max(neg.sum(), 1))

    grid = np.round(np.arange(0.2, 0.7, 0.01), 2)
    tune, report = h == 0, h == 1
    best = max(grid, key=lambda x: (balanced(tune, x), -abs(x - 0.4)))
    current = TopicParams().fit_threshold
    return [
        f"catalogue fit: {len(s)} labelled wishes ({int(t.sum())} answerable by the shipped "
        f"catalogue)",
        f"  threshold chosen on even-rank people: {best:.2f} (balanced accuracy "
        f"{balanced(tune, best):.2f}); on odd-rank people: {balanced(report, best):.2f}",
        f"  the default ({current:.2f}): balanced accuracy {balanced(report, current):.2f} on "
        f"odd-rank people, {balanced(tune | report, current):.2f} on all",
    ]


def cluster_study(names: list[str]) -> list[str]:
    """Agreement of the cohort's clusters with the gold subjects, per distance threshold."""
    from sklearn.metrics import adjusted_rand_score

    lines = ["clusters against gold subjects (adjusted Rand index, sentences with a subject):"]
    default = CohortTopicParams().distance_threshold
    for name in names:
        rec, gold = build(load(name))
        found = cohort_sentences(rec.people(), rec.segments())
        keep = [i for i, s in enumerate(found) if subject_of(s.text, gold)]
        texts = [found[i].text for i in keep]
        vectors = rec.encoder.encode(texts) + rec.encoder.encode([subject_words(t) for t in texts])
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        labels_true = [subject_of(found[i].text, gold) for i in keep]
        cells = []
        for threshold in (0.6, 0.65, 0.7, 0.75, 0.8):
            labels = cluster_sentences(vectors, threshold)
            mark = "*" if abs(threshold - default) < 1e-9 else " "
            cells.append(f"{threshold:.2f}{mark}{adjusted_rand_score(labels_true, labels):.2f} "
                         f"({labels.max() + 1})")
        lines.append(f"  {name:10s} " + "  ".join(cells))
    lines.append("  (* the default; in brackets, the number of clusters; "
                 f"gold subjects: {', '.join(str(len(load(n)['subjects'])) for n in names)})")
    return lines


def paraphrase_study() -> list[str]:
    found = paraphrases()
    n = found["cases"]
    return [f"paraphrase set: {n} cases ({found['crosslingual']} cross-lingual): covered "
            f"detected {found['detected']}/{n}, covered re-suggested in the top 5 "
            f"{found['leaks']}/{n}, relevant in the top 3 {found['relevant']}/{n}"]


def paraphrases() -> dict[str, int]:
    """The paraphrase set's figures (catalogue topics: the set is written for the shipped one)."""
    from tests.insights.test_topics_quality import build as pair_workspace

    cases = json.loads(PARAPHRASES.read_text(encoding="utf-8"))["cases"]
    leaks = relevant = detected = 0
    for case in cases:
        rec = pair_workspace(case)  # the two people, their pair active, its notes
        found = [t.topic_id for t in rec.suggest_topics("mentor", "mentee", k=5,
                                                        source="catalogue")]
        covered = {c.topic_id for c in rec.covered_topics("mentor", "mentee",
                                                          source="catalogue")}
        leaks += bool(set(case["covered"]) & set(found))
        relevant += bool(set(case.get("relevant", ())) & set(found[:3]))
        detected += set(case["covered"]) <= covered
    cross = sum(c["name"].endswith("-crosslingual") for c in cases)
    return {"cases": len(cases), "crosslingual": cross, "detected": detected, "leaks": leaks,
            "relevant": relevant}


def real_forms() -> list[str]:
    """The five most frequent first topics of the real academic programme's pairs."""
    expected = json.loads(REAL_EXPECTED.read_text(encoding="utf-8"))
    rec = Recommender(params=MatchParams(direction="classic"))
    for file, spec in expected.items():  # each form read with the mapping the tool proposes
        proposal = rec.propose_mapping(REAL / file, role=spec["role"])
        rec.import_people(REAL / file, file, mapping=proposal.mapping, role=spec["role"])
    result = rec.suggest_pairs()
    out = [f"real academic forms: {len(rec.people())} people, {len(result.pairs)} pairs"]
    for source in ("catalogue", "auto"):
        firsts: Counter[str] = Counter()
        for pair in result.pairs:
            found = rec.suggest_topics(pair.mentor_id, pair.mentee_id, k=5, source=source)
            if found:
                firsts[found[0].title] += 1
        top = ", ".join(f"{t} ({n})" for t, n in firsts.most_common(5))
        out.append(f"  first topics, source={source} ({rec.topic_source()} chosen by auto): "
                   f"{top}")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--real", action="store_true", help="also the real academic forms")
    parser.add_argument("--only", choices=("programmes", "fit", "clusters", "paraphrases"))
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    started = time.perf_counter()
    names = ["academic", "corporate"]
    blocks = {
        "programmes": lambda: [line for n in names for line in evaluation_lines(evaluate(n))],
        "fit": lambda: fit_study(names),
        "clusters": lambda: cluster_study(names),
        "paraphrases": paraphrase_study,
    }
    for key, block in blocks.items():
        if args.only in (None, key):
            print("\n".join(block()), flush=True)
    if args.real and REAL.exists():
        print("\n".join(real_forms()))
    print(f"({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
