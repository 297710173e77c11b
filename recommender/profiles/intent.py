"""The offer / want / other classifier of profile sentences.

A scikit-learn logistic regression over the sentence embedding plus a few cue features in
six languages ("je veux", "I would like", "j'anime", "I run"...). Its weights for the
default embedder ship inside the package (``recommender/data/intent/``, ``.npz`` arrays, no
pickle, read with ``importlib.resources``; the training script and model card stay in
``models/intent/``); for any other embedder it is fitted on the fly from the labelled
sentence set shipped as package data (a few hundred sentences: a second or two).
"""

from __future__ import annotations

import io
import json
import logging
import re
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import numpy as np

from ..embedding.base import EncodeFn
from ..language.text import fold

__all__ = ["KINDS", "IntentClassifier", "cue_features", "load_intent_sentences"]

logger = logging.getLogger(__name__)

KINDS = ("offer", "want", "other")

_WANT_CUES = [
    r"\bje (veux|voudrais|souhaite|souhaiterais|cherche a|tiens a|desire|compte)\b",
    r"\b(j'aimerais|j’aimerais|aimerais|envie d|besoin d|j'espere|objectif)\b",
    r"\b(apprendre|comprendre|decouvrir|me former|progresser|savoir comment|en savoir plus)\b",
    r"\b(curieux|curieuse|curious|keen|eager|hope|wish|goal)\b",
    r"\bi('d| would| want| wish| need|'m looking| am looking| hope)\b",
    r"\b(learn|understand|discover|get better|get started|explore|improve my)\b",
    r"\b(help me|show me|teach me|aidez-moi|montrez-moi|apprenez-moi|qu'on me montre)\b",
    # Gaps said as gaps: "my blind spot", "je ne maîtrise pas", "reste un mystère"...
    r"\b(blind spot|never (really )?understood|struggle with|not comfortable|feel lost|"
    r"know little|a mystery|me manque|ne maitrise pas|n'ai jamais (vraiment )?compris|"
    r"pas (encore )?a l'aise|suis perdue?|connais mal|un mystere|coup de main)\b",
    # Questions and problems: "how do we...?", "comment recruter... ?", "pourquoi..."
    r"\?\s*$|\?\?",
    r"\b(how (do|can|could|should|to) (i|we|you)?|comment (on|faire|je|nous|garder|recruter|"
    r"attirer)|pourquoi|why do|what makes|what do|c'est quoi|que faut.il|where do i start|"
    r"par ou commencer)\b",
    r"\b(no idea|aucune idee|j'?ignore|cant figure|can't figure|je sais pas|je ne sais pas|"
    r"comprends rien|still lost|never used|jamais utilise)\b",
    # Typos and SMS spellings of the usual wish verbs.
    r"\b(wnat|wanna|wud love|lern|undrestand|understnad|jveux|jvoudrais|voudrai|j ?aimerais|"
    r"chaude? pr|envie de m'?y mettre|besoin d'?aide)\b",
    # The same wishes in Portuguese, Spanish, German and Italian.
    r"\b(quero|gostaria|desejo|quiero|me gustaria|mochte|ich will|wurde gern|vorrei|"
    r"mi piacerebbe|voglio|aprender|entender|lernen|verstehen|imparare|capire|"
    r"como (posso|se)|come posso|wie (kann|erreicht))\b",
    # Short wishes that point back ("Das möchte ich...", "vale a pena?") and "I don't know".
    r"\b(das mochte ich|mochte ich|will ich|mich interessiert|me interesa|mi interessa|"
    r"quero perceber|perceber|gostaria de saber|nao sei|no se|non so|wei(ss|ß) nicht|"
    r"lohnt sich|taugt|vale a pena|vale la pena|ca vaut|worth it)\b",
]
_OFFER_CUES = [
    r"\b(j'anime|je gere|je peux|je maitrise|je connais|j'ai cree|je pilote|je forme|je dirige)\b",
    r"\b(je m'occupe|j'utilise|je realise|je fais|je partage|je coordonne|j'organise|je cree)\b",
    r"\b(j'automatise|je moderer?|je negocie|j'accompagne|j'ai recrute|j.ecris)\b",
    r"\bi (run|manage|can|know|use|built|create|make|automate|teach|lead|coordinate|organise)\b",
    r"\bi (handle|write|moderate|mentor|share|have led|have recruited|track|set up|speak)\b",
    r"\b(expert|expertise|happy to share|depuis \w+ ans|for (two|\w+) (decades|years))\b",
    r"\b(can show|show (u|you) how|happy to help|dispo pr|je peux (te |vous )?montrer|"
    r"can walk|i mod|jfais|je gere|i run our)\b",
    r"\b(eu (cuido|faco|gerencio)|se usar|gestisco|ich erstelle|ich betreue|yo gestiono)\b",
    # "I know why / how / what..." (not "I don't know how"): a junior's offer.
    r"(?<!ne )(?<!nao )(?<!no )(?<!non )\b(je sais (pourquoi|comment|ce qu|ce que|ou)|"
    r"i know (why|how|what|which)|sei (o que|como|porque)|se (como|lo que|por que)|"
    r"ich wei(ss|ß),? (wie|was|warum)|ich kenne|so (come|cosa|perche)|conosco)\b",
]
_CUES = [re.compile(p) for p in _WANT_CUES + _OFFER_CUES]


def cue_features(texts: Sequence[str]) -> np.ndarray:
    """Binary cue features, shape ``(len(texts), n_cues)`` (want cues first, then offer cues)."""
    folded = [fold(t).replace("’", "'") for t in texts]
    return np.array([[1.0 if c.search(t) else 0.0 for c in _CUES] for t in folded],
                    dtype=np.float32).reshape(len(texts), len(_CUES))


def load_intent_sentences() -> list[tuple[str, str, str]]:
    """The shipped labelled set as ``(text, label, language)`` rows."""
    path = resources.files("recommender") / "data" / "intent_sentences.jsonl"
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            rows.append((item["text"], item["label"], item["language"]))
    return rows


class IntentClassifier:
    """Offer / want / other sentence classifier (multinomial logistic regression).

    Args:
        C: inverse regularisation strength of the logistic regression.
        cue_weight: scale of the cue features next to the unit-norm embedding.

    Attributes:
        coef_: ``(3, dimension + n_cues)`` weights after :meth:`fit` or :meth:`load`.
        intercept_: ``(3,)`` biases.
        model_id_: the embedder the weights belong to.
    """

    def __init__(self, C: float = 4.0, cue_weight: float = 0.5):
        self.C = C
        self.cue_weight = cue_weight

    def _features(self, embeddings: np.ndarray, texts: Sequence[str]) -> np.ndarray:
        return np.hstack([embeddings, self.cue_weight * cue_features(texts)])

    def fit(
        self, embeddings: np.ndarray, texts: Sequence[str], labels: Sequence[str], model_id: str
    ) -> IntentClassifier:
        """Fit on sentence embeddings ``(n, dimension)`` with their texts and labels."""
        from sklearn.linear_model import LogisticRegression

        if len(texts) != embeddings.shape[0] or len(labels) != len(texts):
            raise ValueError("embeddings, texts and labels must have the same length")
        unknown = set(labels) - set(KINDS)
        if unknown:
            raise ValueError(f"unknown labels {sorted(unknown)}; use {', '.join(KINDS)}")
        y = np.array([KINDS.index(label) for label in labels])
        model = LogisticRegression(C=self.C, max_iter=2000)
        model.fit(self._features(embeddings, texts), y)
        coef = np.zeros((len(KINDS), model.coef_.shape[1]), dtype=np.float64)
        intercept = np.zeros(len(KINDS), dtype=np.float64)
        coef[model.classes_] = model.coef_
        intercept[model.classes_] = model.intercept_
        self.coef_, self.intercept_, self.model_id_ = coef, intercept, model_id
        return self

    def predict_proba(self, embeddings: np.ndarray, texts: Sequence[str]) -> np.ndarray:
        """Class probabilities, shape ``(n, 3)`` in the order of :data:`KINDS`."""
        logits = self._features(embeddings, texts) @ self.coef_.T + self.intercept_
        logits -= logits.max(axis=1, keepdims=True)
        p = np.exp(logits)
        return p / p.sum(axis=1, keepdims=True)

    def save(self, path: str | Path) -> None:
        """Write ``<path>.npz`` (arrays) and ``<path>.json`` (settings); no pickle."""
        path = Path(path)
        np.savez(path.with_suffix(".npz"), coef=self.coef_, intercept=self.intercept_)
        path.with_suffix(".json").write_text(json.dumps(
            {"model_id": self.model_id_, "C": self.C, "cue_weight": self.cue_weight,
             "classes": list(KINDS), "n_cues": len(_CUES)}, indent=2))

    @classmethod
    def load(cls, path: str | Path) -> IntentClassifier:
        """Read weights written by :meth:`save` (``<path>.json`` and ``<path>.npz``)."""
        path = Path(path)
        return cls._from(path.name, path.with_suffix(".json").read_text(),
                         path.with_suffix(".npz").read_bytes())

    @classmethod
    def _from(cls, name: str, config_text: str, arrays: bytes) -> IntentClassifier:
        config = json.loads(config_text)
        if config.get("n_cues") != len(_CUES):
            raise ValueError(f"{name}: weights were trained with other cue features")
        clf = cls(C=config["C"], cue_weight=config["cue_weight"])
        with np.load(io.BytesIO(arrays), allow_pickle=False) as data:
            clf.coef_, clf.intercept_ = data["coef"], data["intercept"]
        clf.model_id_ = config["model_id"]
        return clf

    @classmethod
    def shipped(cls, model_id: str) -> IntentClassifier | None:
        """The weights for ``model_id`` shipped inside the package, if there are any."""
        folder = resources.files("recommender") / "data" / "intent"
        name = safe_name(model_id)
        config, arrays = folder / f"{name}.json", folder / f"{name}.npz"
        if not (config.is_file() and arrays.is_file()):
            return None
        return cls._from(name, config.read_text(encoding="utf-8"), arrays.read_bytes())

    @classmethod
    def for_embedder(cls, model_id: str, encode: EncodeFn) -> IntentClassifier:
        """Shipped weights for ``model_id`` when they exist, else fit on the shipped set."""
        try:
            shipped = cls.shipped(model_id)
        except (OSError, ValueError, KeyError) as exc:
            logger.warning("ignoring the shipped intent weights for %s: %s", model_id, exc)
            shipped = None
        if shipped is not None:
            return shipped
        rows = load_intent_sentences()
        texts = [r[0] for r in rows]
        logger.info("fitting the intent model for %s on %d sentences", model_id, len(texts))
        return cls().fit(encode(texts), texts, [r[1] for r in rows], model_id)


def safe_name(model_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", model_id)


