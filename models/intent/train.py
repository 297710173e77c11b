"""Train the offer / want / other intent model and write its weights and metrics.

Usage (from the repository root, in the project's venv):

    python models/intent/train.py [--embedder use-multilingual]

Writes `recommender/data/intent_sentences.jsonl` (the labelled set, shipped with the package),
`recommender/data/intent/<model id>.npz` + `.json` (weights, no pickle, shipped inside the
package) and `models/intent/metrics.json`
(5-fold stratified cross-validated accuracy, overall and per language).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.model_selection import StratifiedKFold

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from sentences import labelled_sentences  # noqa: E402

from recommender.embedding.backends import make_embedder  # noqa: E402
from recommender.profiles.intent import KINDS, IntentClassifier, safe_name  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--embedder", default="use-multilingual")
    args = parser.parse_args()

    rows = labelled_sentences()
    data_file = ROOT / "recommender" / "data" / "intent_sentences.jsonl"
    data_file.write_text("".join(
        json.dumps({"text": t, "label": y, "language": lang}, ensure_ascii=False) + "\n"
        for t, y, lang in rows), encoding="utf-8")

    embedder = make_embedder(args.embedder)
    texts = [r[0] for r in rows]
    labels = np.array([r[1] for r in rows])
    langs = np.array([r[2] for r in rows])
    X = embedder.encode(texts)
    strata = np.array([f"{y}-{lang}" for y, lang in zip(labels, langs, strict=True)])
    predicted = np.empty(len(texts), dtype=object)
    for train, test in StratifiedKFold(5, shuffle=True, random_state=0).split(X, strata):
        clf = IntentClassifier().fit(X[train], [texts[i] for i in train], labels[train],
                                     embedder.model_id)
        proba = clf.predict_proba(X[test], [texts[i] for i in test])
        predicted[test] = [KINDS[k] for k in proba.argmax(axis=1)]
    correct = predicted == labels
    metrics = {
        "embedder": embedder.model_id,
        "sentences": len(texts),
        "cv_accuracy": round(float(correct.mean()), 3),
        "cv_accuracy_fr": round(float(correct[langs == "fr"].mean()), 3),
        "cv_accuracy_en": round(float(correct[langs == "en"].mean()), 3),
        "per_class_recall": {k: round(float(correct[labels == k].mean()), 3) for k in KINDS},
    }
    print(json.dumps(metrics, indent=2))
    errors = [(t, y, p) for t, y, p, ok in zip(texts, labels, predicted, correct, strict=True) if not ok]
    for t, y, p in errors:
        print(f"  wrong: [{y} -> {p}] {t}")
    clf = IntentClassifier().fit(X, texts, labels, embedder.model_id)
    clf.save(ROOT / "recommender" / "data" / "intent" / safe_name(embedder.model_id))
    (HERE / f"metrics-{safe_name(embedder.model_id)}.json").write_text(
        json.dumps(metrics, indent=2) + "\n")


if __name__ == "__main__":
    main()
