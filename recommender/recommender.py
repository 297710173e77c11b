"""The :class:`Recommender` facade: orchestration only, records at the edge.

It validates input (ingest), keeps the truth in the store, embeds through the cache, keeps
the FAISS indices in step, and calls the algorithm stages (match, topics, themes, health).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import shutil
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from . import match as match_stage
from .cohort import build_cohort
from .embed import DEFAULT_EMBEDDER, CachedEmbedder, Embedder, EmbeddingCache, make_embedder
from .explain import pair_language, pair_reasons, topic_reasons
from .health import HealthParams, PairStats, pair_health
from .index import VectorIndex
from .ingest import rows_from, validate_notes, validate_people, validate_topics
from .records import (
    PAIR_STATUSES,
    CoveredTopic,
    PairHealth,
    PairingResult,
    PairSuggestion,
    Person,
    ProgrammeHealth,
    SentenceHit,
    SessionNote,
    Theme,
    Topic,
    TopicSuggestion,
    Unmatched,
)
from .segment import IntentClassifier, segment_people
from .store import Segment, Store
from .text import fold, split_sentences, words
from .themes import ThemeParams, find_themes
from .topics import (
    TopicParams,
    covered_by_notes,
    history_evidence,
    lexical_similarity,
    mmr,
    score_topics,
)

__all__ = ["Recommender"]

logger = logging.getLogger(__name__)

WORKSPACE_FORMAT = 1
ProgressFn = Callable[[float, str], None]

_WORKSPACE_CARD = """# Reverse-mentoring workspace

Created by `tandem-recommender` on {created}.

- `workspace.json`: settings (embedder, format version).
- `store.sqlite`: the source of truth: people, session notes, topics, pairs with their status,
  and the embedding cache (float32 vectors keyed by model id and text hash). No pickle.
- `index/`: FAISS indices derived from the store; delete them freely, they are rebuilt.

This folder holds personal data: keep it on the coordinator's machine.
"""


class Recommender:
    """Pairs, topics and health of one reverse-mentoring programme.

    Args:
        embedder: an embedder name (``"use-multilingual"``, ``"minilm"``, ``"hashing"``,
            ``"sentence-transformers:<folder>"``) or an object following
            :class:`~recommender.embed.Embedder`.
        path: a workspace folder; ``None`` keeps everything in memory.
        params: matching settings (see :class:`~recommender.match.MatchParams`).
        embedding_cache: where vectors are cached; the workspace's own store by default
            (the command line passes a cache that outlives an in-memory workspace).
        index_kind: ``"flat"`` (exact FAISS search, the default) or ``"ivf"`` (approximate,
            for programmes with hundreds of thousands of sentences).

    Example:
        >>> rec = Recommender(embedder="hashing")
        >>> rec.add_people([{"id": "a", "name": "Ana", "years_experience": 1,
        ...                  "offers": "I run our TikTok account"}])
        1
    """

    def __init__(
        self,
        embedder: str | Embedder | None = None,
        path: str | Path | None = None,
        params: match_stage.MatchParams | None = None,
        embedding_cache: EmbeddingCache | None = None,
        index_kind: str = "flat",
    ):
        self.embedder = embedder
        self.index_kind = index_kind
        self.path = Path(path) if path is not None else None
        self.params = params or match_stage.MatchParams()
        self.embedding_cache = embedding_cache
        self._store: Store | None = None
        self._cached: CachedEmbedder | None = None
        self._classifier: IntentClassifier | None = None
        self._segment_index: VectorIndex | None = None
        self._note_index: VectorIndex | None = None

    # ------------------------------------------------------------------ workspace
    @classmethod
    def open(
        cls, path: str | Path, embedder: str | Embedder | None = None,
        params: match_stage.MatchParams | None = None, index_kind: str | None = None,
    ) -> Recommender:
        """Open the workspace folder ``path``, creating it when absent.

        The embedder is remembered in ``workspace.json``; passing another one switches the
        workspace to it (texts are then embedded again with the new model).
        """
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        config_path = folder / "workspace.json"
        config: dict[str, Any] = {}
        if config_path.exists():
            config = json.loads(config_path.read_text(encoding="utf-8"))
            if config.get("format", 1) > WORKSPACE_FORMAT:
                raise ValueError(f"{config_path}: made by a newer version (format {config['format']})")
        if embedder is None:
            embedder = config.get("embedder", DEFAULT_EMBEDDER)
        if isinstance(embedder, str):
            config["embedder"] = embedder
        if index_kind is not None:
            config["index_kind"] = index_kind
        config.setdefault("created", dt.date.today().isoformat())
        config["format"] = WORKSPACE_FORMAT
        text = json.dumps(config, indent=2)
        if not config_path.exists() or config_path.read_text(encoding="utf-8") != text:
            # Atomic replace: another tab or process may be reading it at this moment.
            tmp = config_path.with_name(f".workspace.{os.getpid()}.{threading.get_ident()}.tmp")
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, config_path)
        card = folder / "README.md"
        if not card.exists():
            card.write_text(_WORKSPACE_CARD.format(created=config["created"]), encoding="utf-8")
        return cls(embedder=embedder, path=folder, params=params,
                   index_kind=config.get("index_kind", "flat"))

    @property
    def store(self) -> Store:
        if self._store is None:
            url = f"sqlite:///{self.path / 'store.sqlite'}" if self.path else "sqlite://"
            self._store = Store(url)
        return self._store

    @property
    def encoder(self) -> CachedEmbedder:
        """The embedder wrapped with the workspace's cache."""
        if self._cached is None:
            cache = self.embedding_cache if self.embedding_cache is not None else self.store
            self._cached = CachedEmbedder(make_embedder(self.embedder), cache)
        return self._cached

    @property
    def model_id(self) -> str:
        return self.encoder.model_id

    def close(self) -> None:
        """Release the store's connections."""
        if self._store is not None:
            self._store.close()

    def _classifier_for_model(self) -> IntentClassifier:
        if self._classifier is None:
            self._classifier = IntentClassifier.for_embedder(self.model_id, self.encoder.encode)
        return self._classifier

    # ------------------------------------------------------------------ people
    def add_people(self, rows: Any, source: str = "rows",
                   progress: ProgressFn | None = None) -> int:
        """Add or update people (iterable of dicts, or a pandas DataFrame).

        Validates every row first: on any problem nothing is stored and a
        :class:`~recommender.errors.ValidationError` lists them all.

        Returns:
            how many people were added or updated (unchanged rows are skipped).
        """
        people = validate_people(rows_from(rows, source), source=source)
        known = {p.id: p for p in self.store.people()}
        people = [p for p in people if known.get(p.id) != p]  # unchanged rows: nothing to do
        if not people:
            return 0
        self._sync_segments()
        if progress:
            progress(0.05, "labelling profile sentences")
        segments = segment_people(people, self.encoder.encode, self._classifier_for_model())
        # Embed at import, so that matching is quick.
        self.encoder.encode([s[3] for s in segments], progress=(
            (lambda done, total: progress(0.1 + 0.85 * done / total, "embedding"))
            if progress else None))
        added, updated, removed, new_ids = self.store.upsert_people(people, segments, self.model_id)
        self._update_segment_index(removed, new_ids, [s[3] for s in segments])
        logger.info("people: %d added, %d updated", added, updated)
        return added + updated

    def people(self) -> list[Person]:
        """Every person of the workspace, by id."""
        return self.store.people()

    def person(self, person_id: str) -> Person:
        """One person; ``KeyError`` when unknown."""
        found = self.store.person(person_id)
        if found is None:
            raise KeyError(f"unknown person id '{person_id}'")
        return found

    def delete_person(self, person_id: str) -> None:
        """Erase a person: their record, notes, pairs (pending or not) and vectors."""
        self.person(person_id)
        removed = self.store.delete_person(person_id)
        if self._segment_index is not None:
            self._segment_index.remove(np.array(removed, dtype=np.int64))
            self._save_index(self._segment_index, "segments")
        self._note_index = None  # their notes are gone too
        self._drop_saved_index("notes")
        logger.info("erased person %s", person_id)

    def segments(self) -> list[Segment]:
        """Every profile sentence with its label (offer / want / other)."""
        self._sync_segments()
        return self.store.segments()

    def _sync_segments(self) -> None:
        """Relabel everybody when the workspace's segments come from another embedder."""
        models = self.store.segment_model_ids()
        if models and models != {self.model_id}:
            people = self.store.people()
            logger.info("embedder changed: relabelling %d profiles", len(people))
            segments = segment_people(people, self.encoder.encode, self._classifier_for_model())
            self.store.replace_segments([p.id for p in people], segments, self.model_id)
            self._segment_index = None

    # ------------------------------------------------------------------ index
    def _index_path(self, name: str) -> Path | None:
        return self.path / "index" / name if self.path else None

    def _save_index(self, index: VectorIndex, name: str) -> None:
        path = self._index_path(name)
        if path is not None:
            index.save(path, self.model_id)

    def _drop_saved_index(self, name: str) -> None:
        path = self._index_path(name)
        if path is not None:
            for suffix in (".faiss", ".json"):
                path.with_suffix(suffix).unlink(missing_ok=True)

    def segment_index(self) -> VectorIndex:
        """The FAISS index of profile sentences (ids = segment ids), loaded or rebuilt."""
        if self._segment_index is None:
            self._sync_segments()
            segments = self.store.segments()
            self._segment_index = self._load_or_build(
                "segments", [s.id for s in segments], [s.text for s in segments])
        return self._segment_index

    def _load_or_build(self, name: str, ids: Sequence[int], texts: Sequence[str]) -> VectorIndex:
        """The saved index ``name`` if it holds exactly ``ids``, else one built from ``texts``."""
        id_array = np.array(ids, dtype=np.int64)
        path = self._index_path(name)
        loaded = VectorIndex.load(path, self.model_id, id_array) if path is not None else None
        if loaded is None:
            vectors = self.encoder.encode(list(texts))
            loaded = VectorIndex(vectors.shape[1], self.index_kind).build(id_array, vectors)
            self._save_index(loaded, name)
        return loaded

    def _update_segment_index(self, removed: list[int], new_ids: list[int],
                              texts: list[str]) -> None:
        if self._segment_index is None:
            return  # built on first use, from the store
        self._segment_index.remove(np.array(removed, dtype=np.int64))
        if new_ids:
            self._segment_index.add(np.array(new_ids, dtype=np.int64), self.encoder.encode(texts))
        self._save_index(self._segment_index, "segments")

    def search(self, query: str, k: int = 5, kind: str | None = None) -> list[SentenceHit]:
        """Profile sentences closest in meaning to ``query`` (any language), best first."""
        index = self.segment_index()
        by_id = {s.id: s for s in self.store.segments()}
        wanted = k if kind is None else 4 * k + 20
        scores, ids = index.search(self.encoder.encode([query]), wanted)
        hits = []
        for score, sid in zip(scores[0], ids[0], strict=True):
            seg = by_id.get(int(sid))
            if seg is not None and (kind is None or seg.kind == kind):
                hits.append(SentenceHit(seg.person_id, seg.kind, seg.text, float(score)))
        return hits[:k]

    # ------------------------------------------------------------------ notes
    def add_notes(self, rows: Any, source: str = "rows") -> int:
        """Add session notes (``mentor_id, mentee_id, date, text``, optional ``rating``).

        Raises:
            ValidationError: any bad row, including ids unknown to the workspace; nothing is
                stored then.
        """
        notes = validate_notes(rows_from(rows, source), self.store.person_ids(), source=source)
        self.encoder.encode([n.text for n in notes])  # fill the cache before storing
        ids = self.store.add_notes(notes)
        self._note_index = None
        self._drop_saved_index("notes")
        return len(ids)

    def notes(self, mentor_id: str | None = None, mentee_id: str | None = None) -> list[SessionNote]:
        """Session notes, oldest first, optionally of one mentor and/or mentee."""
        return self.store.notes(mentor_id, mentee_id)

    def note_index(self) -> VectorIndex:
        """The FAISS index of session notes (ids = note ids), loaded or rebuilt."""
        if self._note_index is None:
            notes = self.store.notes()
            self._note_index = self._load_or_build(
                "notes", [n.id for n in notes], [n.text for n in notes])
        return self._note_index

    # ------------------------------------------------------------------ topics
    def set_topics(self, rows: Any, source: str = "rows") -> int:
        """Replace the topic catalogue; returns the number of topics."""
        topics = rows if _all_topics(rows) else validate_topics(rows_from(rows, source), source)
        self.store.replace_topics(topics)
        self.store.set_setting("topics_initialised", True)
        return len(topics)

    def add_topics(self, rows: Any, source: str = "rows") -> int:
        """Add topics to the catalogue (a topic with a known id replaces it)."""
        self.topics()  # make sure the default catalogue is in before adding to it
        topics = rows if _all_topics(rows) else validate_topics(rows_from(rows, source), source)
        self.store.add_topics(topics)
        return len(topics)

    def topics(self) -> list[Topic]:
        """The topic catalogue (the shipped bilingual one until replaced)."""
        if not self.store.get_setting("topics_initialised", False):
            from .topics import default_catalogue

            self.store.replace_topics(default_catalogue())
            self.store.set_setting("topics_initialised", True)
        return self.store.topics()

    # ------------------------------------------------------------------ pairs
    def pairs(self, statuses: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """Stored pairs with status, lock, score and details (``parts``, ``reasons``)."""
        return self.store.pairs(statuses)

    def set_pair_status(self, mentor_id: str, mentee_id: str, status: str,
                        locked: bool | None = None) -> None:
        """Accept, reject, activate or end a pair, and optionally lock it.

        Accepted, active and locked pairs are kept by later runs of :meth:`suggest_pairs`;
        rejected and ended pairs are never proposed again.
        """
        if status not in PAIR_STATUSES:
            raise ValueError(f"unknown status '{status}': use {', '.join(PAIR_STATUSES)}")
        self.person(mentor_id)
        self.person(mentee_id)
        current = {(p["mentor_id"], p["mentee_id"]): p for p in self.store.pairs()}
        before = current.get((mentor_id, mentee_id), {})
        self.store.set_pairs([{
            "mentor_id": mentor_id, "mentee_id": mentee_id, "status": status,
            "locked": before.get("locked", False) if locked is None else locked,
            "score": before.get("score", 0.0), "details": before.get("details", {}),
        }])

    def _cohort(self, people: Sequence[Person]) -> tuple[match_stage.Cohort, dict[int, Segment]]:
        """People and their labelled sentences as arrays for the match stage."""
        self._sync_segments()
        segments = self.store.segments()
        vectors = self.encoder.encode([s.text for s in segments])
        cohort = build_cohort(people, segments, vectors, self.params.background_weight)
        return cohort, {s.id: s for s in segments}

    def _suggestion(self, people: Sequence[Person], cohort: match_stage.Cohort,
                    by_segment: Mapping[int, Segment], scores: match_stage.EdgeScores, e: int,
                    mentor: int, mentee: int, status: str = "proposed",
                    locked: bool = False) -> PairSuggestion:
        assert cohort.want_ref is not None and cohort.offer_ref is not None
        def quote(ref: np.ndarray, i: int, pos: int) -> str | None:
            seg = by_segment.get(int(ref[i, pos]))
            return seg.text if seg is not None else None

        want_seg = by_segment.get(int(cohort.want_ref[mentee, scores.want_pos[e]]))
        reasons = pair_reasons(
            people[mentor], people[mentee],
            want=quote(cohort.want_ref, mentee, int(scores.want_pos[e])) or "",
            offer=quote(cohort.offer_ref, mentor, int(scores.offer_pos[e])) or "",
            coverage=float(scores.coverage[e]),
            reverse_want=quote(cohort.want_ref, mentor, int(scores.rev_want_pos[e])),
            reverse_offer=quote(cohort.offer_ref, mentee, int(scores.rev_offer_pos[e])),
            reverse=float(scores.reverse[e]), cross_department=bool(scores.cross_department[e]),
            want_inferred=want_seg is not None and want_seg.kind != "want",
        )
        parts = {
            "coverage": round(float(scores.coverage[e]), 4),
            "reverse": round(float(self.params.reverse_weight * scores.reverse[e]
                                   * max(float(scores.coverage[e]), 0.0)), 4),
            "cross_department": round(
                float(self.params.cross_department_bonus * scores.cross_department[e]), 4),
        }
        return PairSuggestion(people[mentor].id, people[mentee].id, round(float(scores.score[e]), 4),
                              parts, reasons, status, locked)

    def suggest_pairs(self, params: match_stage.MatchParams | None = None,
                      progress: ProgressFn | None = None, **overrides: Any) -> PairingResult:
        """The best global assignment of the cohort under the hard rules.

        Accepted, active and locked pairs stay as they are and only the rest is matched;
        rejected and ended pairs are never proposed again. New proposals are stored with
        status ``proposed`` (replacing the previous unlocked proposals).

        Args:
            params: matching settings; defaults to the recommender's.
            progress: called with ``(fraction, message)`` on long steps.
            **overrides: single settings to change, e.g. ``min_experience_gap=5``.

        Returns:
            the pairs (kept ones first, then new proposals by score) and the unmatched people
            with a reason each.
        """
        params = replace(params or self.params, **overrides)
        people = self.people()
        if progress:
            progress(0.05, "embedding profiles")
        cohort, by_segment = self._cohort(people)
        index_of = {p.id: i for i, p in enumerate(people)}
        stored = self.store.pairs()
        kept = [p for p in stored if p["status"] in ("accepted", "active") or p["locked"]]
        fixed = [(index_of[p["mentor_id"]], index_of[p["mentee_id"]]) for p in kept]
        cohort.excluded = {
            (index_of[p["mentor_id"]], index_of[p["mentee_id"]])
            for p in stored if p["status"] != "proposed" or p["locked"]
        }
        if progress:
            progress(0.4, "matching")
        mentor, mentee, scores = match_stage.solve(cohort, params, fixed)
        order = np.argsort(-scores.score, kind="stable")
        proposals = [self._suggestion(people, cohort, by_segment, scores, int(e), int(mentor[e]),
                                      int(mentee[e])) for e in order]
        kept_suggestions = self._rescore_kept(people, cohort, by_segment, kept, params)
        self.store.delete_pairs("proposed")
        self.store.set_pairs({
            "mentor_id": s.mentor_id, "mentee_id": s.mentee_id, "status": s.status,
            "locked": s.locked, "score": s.score,
            "details": {"parts": dict(s.parts), "reasons": list(s.reasons)},
        } for s in kept_suggestions + proposals)
        paired = {i for pair in fixed for i in pair} | set(mentor.tolist()) | set(mentee.tolist())
        if progress:
            progress(0.9, "explaining")
        unmatched = self._unmatched(people, cohort, paired, params)
        return PairingResult(tuple(kept_suggestions + proposals), tuple(unmatched))

    def _rescore_kept(self, people: Sequence[Person], cohort: match_stage.Cohort,
                      by_segment: Mapping[int, Segment], kept: Sequence[Mapping[str, Any]],
                      params: match_stage.MatchParams) -> list[PairSuggestion]:
        if not kept:
            return []
        index_of = {p.id: i for i, p in enumerate(people)}
        m = np.array([index_of[p["mentor_id"]] for p in kept])
        s = np.array([index_of[p["mentee_id"]] for p in kept])
        scores = match_stage.score_edges(cohort, m, s, params)
        return [self._suggestion(people, cohort, by_segment, scores, e, int(m[e]), int(s[e]),
                                 kept[e]["status"], kept[e]["locked"]) for e in range(len(kept))]

    def _unmatched(self, people: Sequence[Person], cohort: match_stage.Cohort, paired: set[int],
                   params: match_stage.MatchParams) -> list[Unmatched]:
        roles = {"mentor": [False], "mentee": [True], "either": [True, False]}
        out = []
        for i, person in enumerate(people):
            if i in paired:
                continue
            if person.role_preference == "mentor" and person.capacity == 0:
                out.append(Unmatched(person.id, person.name, "capacity is 0: not available"))
                continue
            reasons = []
            for as_mentee in roles[person.role_preference]:
                why = match_stage.ineligibility_reason(cohort, i, as_mentee, params)
                if why is None:
                    why = ("every eligible mentor is taken by pairs with a higher total score"
                           if as_mentee else
                           "every eligible mentee is better served by another mentor")
                label = "as mentee" if as_mentee else "as mentor"
                reasons.append(f"{label}: {why}")
            out.append(Unmatched(person.id, person.name, "; ".join(reasons)))
        return out

    def _rank_partners(self, person_id: str, k: int, as_mentee: bool) -> list[PairSuggestion]:
        people = self.people()
        index_of = {p.id: i for i, p in enumerate(people)}
        if person_id not in index_of:
            raise KeyError(f"unknown person id '{person_id}'")
        cohort, by_segment = self._cohort(people)
        stored = self.store.pairs()
        cohort.excluded = {(index_of[p["mentor_id"]], index_of[p["mentee_id"]])
                           for p in stored if p["status"] in ("rejected", "ended")}
        me = index_of[person_id]
        others = np.array([i for i in range(len(people)) if i != me], dtype=np.int64)
        mine = np.full_like(others, me)
        mentor, mentee = (others, mine) if as_mentee else (mine, others)
        ok = match_stage.eligible(cohort, mentor, mentee, self.params)
        mentor, mentee = mentor[ok], mentee[ok]
        scores = match_stage.score_edges(cohort, mentor, mentee, self.params)
        top = np.argsort(-scores.score, kind="stable")[:k]
        return [self._suggestion(people, cohort, by_segment, scores, int(e), int(mentor[e]),
                                 int(mentee[e])) for e in top]

    def suggest_mentors(self, mentee_id: str, k: int = 5) -> list[PairSuggestion]:
        """The ``k`` best eligible mentors for a mentee, under the same rules and scores."""
        return self._rank_partners(mentee_id, k, as_mentee=True)

    def suggest_mentees(self, mentor_id: str, k: int = 5) -> list[PairSuggestion]:
        """The ``k`` best eligible mentees for a mentor, under the same rules and scores."""
        return self._rank_partners(mentor_id, k, as_mentee=False)

    # ------------------------------------------------------------------ topics for a pair
    def _sentences_by_person(self) -> dict[str, tuple[list[Segment], list[Segment]]]:
        """Everyone's (wants, offers), read once; background sentences count as offers, and
        the most wish-like sentence stands in for wants when none is stated."""
        grouped: dict[str, list[Segment]] = {}
        for segment in self.segments():
            grouped.setdefault(segment.person_id, []).append(segment)
        table = {}
        for person_id, mine in grouped.items():
            wants = [s for s in mine if s.kind == "want"]
            offers = [s for s in mine if s.kind == "offer"]
            others = [s for s in mine if s.kind == "other"]
            fallback = [max(mine, key=lambda s: s.p_want)]  # the most wish-like sentence
            table[person_id] = (wants or fallback, offers + others)
        return table

    def _note_sentences(self, notes: Sequence[SessionNote]) -> tuple[list[str], list[int]]:
        texts, owner = [], []
        for i, note in enumerate(notes):
            for sentence in split_sentences(note.text) or [note.text]:
                texts.append(sentence)
                owner.append(i)
        return texts, owner

    def covered_topics(self, mentor_id: str, mentee_id: str,
                       params: TopicParams | None = None) -> list[CoveredTopic]:
        """Catalogue topics the pair's notes already discussed, with the covering session."""
        params = params or TopicParams()
        lang = pair_language(self.person(mentor_id), self.person(mentee_id))
        topics = self.topics()
        notes = self.notes(mentor_id, mentee_id)
        texts, owner = self._note_sentences(notes)
        if not texts or not topics:
            return []
        topic_vecs = self.encoder.encode([t.text(lang) for t in topics])
        note_vecs = self.encoder.encode(texts)
        covering = covered_by_notes(topic_vecs, note_vecs, params)
        sims = note_vecs @ topic_vecs.T
        return [
            CoveredTopic(t.id, t.title[t.language_for(lang)],
                         notes[owner[c]].id, notes[owner[c]].date, round(float(sims[c, i]), 4))
            for i, (t, c) in enumerate(zip(topics, covering, strict=True)) if c >= 0
        ]

    def suggest_topics(self, mentor_id: str, mentee_id: str, k: int = 5,
                       params: TopicParams | None = None) -> list[TopicSuggestion]:
        """Next discussion topics for a pair, best first.

        Relevant to the mentee's wants, within the mentor's offers, never a topic the pair's
        notes already covered (see :meth:`covered_topics`), lower when close to one, varied
        (maximal marginal relevance), in the pair's shared language, and informed by how
        pairs with similar wants rated the topic in their sessions.
        """
        params = params or TopicParams()
        mentor, mentee = self.person(mentor_id), self.person(mentee_id)
        lang = pair_language(mentor, mentee)
        topics = self.topics()
        if not topics:
            return []
        topic_texts = [t.text(lang) for t in topics]
        topic_vecs = self.encoder.encode(topic_texts)
        sentences = self._sentences_by_person()
        wants = sentences.get(mentee_id, ([], []))[0]
        offers = sentences.get(mentor_id, ([], []))[1]
        w_bg = self.params.background_weight
        want_vecs = self.encoder.encode([s.text for s in wants])
        offer_vecs = self.encoder.encode([s.text for s in offers])
        want_w = np.array([1.0 if s.kind == "want" else w_bg for s in wants])
        offer_w = np.array([1.0 if s.kind == "offer" else w_bg for s in offers])
        notes = self.notes(mentor_id, mentee_id)
        texts, owner = self._note_sentences(notes)
        note_vecs = self.encoder.encode(texts)
        evidence, support = self._history_evidence(topic_vecs, mentor_id, mentee_id,
                                                   want_vecs, params, sentences)
        scores = score_topics(
            topic_vecs, want_vecs, want_w, offer_vecs, offer_w, note_vecs, evidence, params,
            lexical_similarity([s.text for s in wants], topic_texts),
            lexical_similarity([s.text for s in offers], topic_texts))
        chosen = mmr(scores.score, topic_vecs @ topic_vecs.T, k, params.diversity)
        covered_date: dict[int, str] = {}
        for i, c in enumerate(scores.covered_by):
            if c >= 0:
                covered_date[i] = notes[owner[c]].date
        out = []
        for i in chosen:
            near = int(scores.closest[i])
            near_is_close = near >= 0 and scores.closeness[i] >= 0.5
            topic = topics[i]
            title_lang = topic.language_for(lang)
            reasons = topic_reasons(
                lang, mentor.name, mentee.name,
                want=wants[scores.want_pos[i]].text if len(wants) else None,
                offer=offers[scores.offer_pos[i]].text if len(offers) else None,
                near_title=topics[near].title.get(title_lang) if near_is_close else None,
                near_date=covered_date.get(near) if near_is_close else None,
                evidence_count=int(support[i]), evidence=float(evidence[i]),
            )
            out.append(TopicSuggestion(
                topic.id, topic.title[title_lang], round(float(scores.score[i]), 4), reasons,
                tuple(topic.starters.get(title_lang, ())), title_lang))
        return out

    def _history_evidence(self, topic_vecs: np.ndarray, mentor_id: str, mentee_id: str,
                          want_vecs: np.ndarray, params: TopicParams,
                          sentences: Mapping[str, tuple[list[Segment], list[Segment]]]
                          ) -> tuple[np.ndarray, np.ndarray]:
        """Ratings of other pairs' notes near each topic, weighted to pairs with similar wants."""
        all_notes = {n.id: n for n in self.notes()}
        others = [n for n in all_notes.values()
                  if (n.mentor_id, n.mentee_id) != (mentor_id, mentee_id)]
        if not others or not len(want_vecs):
            return np.zeros(len(topic_vecs)), np.zeros(len(topic_vecs), dtype=np.int64)
        # FAISS narrows the programme's notes to those near some topic.
        _, hits = self.note_index().search(topic_vecs, 20)
        near_ids = {int(h) for h in hits.ravel() if h >= 0}
        candidates = [n for n in others if n.id in near_ids]
        if not candidates:
            return np.zeros(len(topic_vecs)), np.zeros(len(topic_vecs), dtype=np.int64)
        pair_keys = sorted({(n.mentor_id, n.mentee_id) for n in candidates})
        pair_index = {key: i for i, key in enumerate(pair_keys)}
        mean_wants = []
        for _, other_mentee in pair_keys:
            wants, _ = sentences.get(other_mentee, ([], []))
            v = self.encoder.encode([s.text for s in wants]).mean(axis=0) if wants else None
            mean_wants.append(v if v is not None else np.zeros(want_vecs.shape[1]))
        mine = want_vecs.mean(axis=0)
        mine /= max(float(np.linalg.norm(mine)), 1e-12)
        others_w = np.array(mean_wants)
        others_w /= np.maximum(np.linalg.norm(others_w, axis=1, keepdims=True), 1e-12)
        return history_evidence(
            topic_vecs, mine, others_w, self.encoder.encode([n.text for n in candidates]),
            np.array([pair_index[(n.mentor_id, n.mentee_id)] for n in candidates]),
            np.array([n.rating or 0 for n in candidates], dtype=float), params)

    # ------------------------------------------------------------------ themes and health
    def themes(self, params: ThemeParams | None = None) -> list[Theme]:
        """Themes of all session notes, labelled by their characteristic words.

        Each theme has its size, its notes per month, its nearest catalogue topic, and a flag
        when it is far from every topic (a candidate new topic for the catalogue).
        """
        params = params or ThemeParams()
        notes = self.notes()
        if not notes:
            return []
        vectors = self.encoder.encode([n.text for n in notes])
        names = frozenset(fold(w) for p in self.people() for w in words(p.name))
        found = find_themes(vectors, [n.text for n in notes], params, names)
        topics = self.topics()
        topic_vecs = (self.encoder.encode([t.text(lang) for t in topics for lang in t.title])
                      if topics else np.zeros((0, vectors.shape[1])))
        owners = [t for t in topics for _ in t.title]
        themes = []
        for c, keywords in enumerate(found.keywords):
            members = [n for n, lab in zip(notes, found.labels, strict=True) if lab == c]
            by_month: dict[str, int] = {}
            for n in members:
                by_month[n.date[:7]] = by_month.get(n.date[:7], 0) + 1
            sims = topic_vecs @ found.centroids[c] if len(topic_vecs) else np.zeros(1)
            best = int(np.argmax(sims))
            similarity = float(sims[best]) if len(topic_vecs) else 0.0
            themes.append(Theme(
                id=c, label=", ".join(keywords[:3]) or f"theme {c + 1}", keywords=tuple(keywords),
                size=len(members), by_month=dict(sorted(by_month.items())),
                nearest_topic_id=owners[best].id if owners else "",
                nearest_topic_similarity=round(similarity, 4),
                candidate_new_topic=similarity < params.new_topic_below,
                note_ids=tuple(n.id for n in members)))
        return sorted(themes, key=lambda t: -t.size)

    def health(self, as_of: dt.date | str | None = None, params: HealthParams | None = None,
               language: str = "en") -> ProgrammeHealth:
        """Health of every active or accepted pair (and any pair with notes), and of the
        programme: share of mentees' wants covered by at least one session, pairs at risk.

        Args:
            as_of: the day to judge from (default today).
            language: language of the at-risk reasons (``"en"`` or ``"fr"``).
        """
        params = params or HealthParams()
        today = (dt.date.fromisoformat(as_of) if isinstance(as_of, str)
                 else as_of or dt.date.today())
        notes = self.notes()
        by_pair: dict[tuple[str, str], list[SessionNote]] = {}
        for n in notes:
            by_pair.setdefault((n.mentor_id, n.mentee_id), []).append(n)
        stored = {(p["mentor_id"], p["mentee_id"]): p for p in self.store.pairs()}
        keys = [k for k, p in stored.items() if p["status"] in ("accepted", "active")]
        keys += [k for k in by_pair if k not in keys and
                 stored.get(k, {}).get("status") not in ("ended", "rejected")]
        results, total_wants, covered_wants = [], 0, 0
        sentences = self._sentences_by_person()
        for mentor_id, mentee_id in keys:
            pair_notes = sorted(by_pair.get((mentor_id, mentee_id), []), key=lambda n: n.date)
            wants, _ = sentences.get(mentee_id, ([], []))
            want_vecs = self.encoder.encode([s.text for s in wants])
            relevance = np.zeros(len(pair_notes))
            texts, owner = self._note_sentences(pair_notes)
            if texts and len(want_vecs):
                sims = self.encoder.encode(texts) @ want_vecs.T  # (sentences, wants)
                owner_arr = np.array(owner)
                for i in range(len(pair_notes)):
                    relevance[i] = sims[owner_arr == i].max()
                total_wants += len(want_vecs)
                covered_wants += int((sims.max(axis=0) >= params.want_covered_at).sum())
            else:
                total_wants += len(want_vecs)
            updated = stored.get((mentor_id, mentee_id), {}).get("updated_at")
            start = pair_notes[0].date if pair_notes else (updated or today.isoformat())[:10]
            stats = PairStats([n.date for n in pair_notes], [n.rating for n in pair_notes],
                              relevance, start)
            figures, reasons = pair_health(stats, today, params, language)
            if not pair_notes and (today - dt.date.fromisoformat(start)).days <= params.inactive_days:
                reasons = ()  # a pair that has just started is not at risk yet
            results.append(PairHealth(
                mentor_id, mentee_id, int(figures["sessions"] or 0),
                figures["last_session"],  # type: ignore[arg-type]
                figures["days_since_last"],  # type: ignore[arg-type]
                float(figures["sessions_per_month"] or 0), float(figures["cadence_ratio"] or 0),
                figures["rating_trend"],  # type: ignore[arg-type]
                bool(reasons), reasons))
        by_month: dict[str, int] = {}
        for n in notes:
            by_month[n.date[:7]] = by_month.get(n.date[:7], 0) + 1
        return ProgrammeHealth(
            tuple(results), round(covered_wants / total_wants, 4) if total_wants else 0.0,
            sum(r.at_risk for r in results), dict(sorted(by_month.items())))


def _all_topics(rows: Any) -> bool:
    return isinstance(rows, (list, tuple)) and bool(rows) and all(isinstance(r, Topic) for r in rows)


def demo_path(name: str) -> Path:
    """Path of a bundled demo file (``demo_people.csv``, ``demo_notes.csv``...)."""
    return Path(str(resources.files("recommender") / "data" / name))


def load_demo(path: str | Path | None = None, embedder: str | Embedder | None = None,
              reset: bool = False) -> Recommender:
    """A recommender holding the bundled demo programme (people, notes, default topics).

    Args:
        path: workspace folder to fill (created; emptied first when ``reset``); ``None`` for
            an in-memory workspace.
    """
    from .ingest import read_table

    if path is not None and reset and Path(path).exists():
        shutil.rmtree(path)
    rec = Recommender.open(path, embedder) if path is not None else Recommender(embedder)
    if rec.store.person_ids():
        return rec
    rec.add_people(read_table(demo_path("demo_people.csv")), source="demo_people.csv")
    rec.add_notes(read_table(demo_path("demo_notes.csv")), source="demo_notes.csv")
    for row in read_table(demo_path("demo_pairs.csv")):
        r = row[1]
        rec.set_pair_status(str(r["mentor_id"]), str(r["mentee_id"]), str(r["status"]))
    rec.topics()
    return rec


__all__ += ["demo_path", "load_demo"]
