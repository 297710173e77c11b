"""The :class:`Recommender` facade: orchestration only, records at the edge.

It validates input (:mod:`.intake`), keeps the truth in the store (:mod:`.storage`), embeds
through the cache and keeps the FAISS indices in step (:mod:`.embedding`), labels profiles
(:mod:`.profiles`), and calls the stages (:mod:`.matching`, :mod:`.insights`). Every formula
lives in a stage; this module only moves data between them.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from .embedding.backends import make_embedder
from .embedding.base import Embedder, EmbeddingCache
from .embedding.cached import CachedEmbedder
from .embedding.index import IndexSet, VectorIndex, sentence_hits
from .errors import PairRuleError, Problem, UnknownIdError, ValidationError
from .insights.catalogue import default_catalogue, topics_from
from .insights.cohort_topics import CohortTopic, cohort_sentences, cohort_topics
from .insights.coverage import topic_views
from .insights.fit import catalogue_fit, wish_answers
from .insights.health import HealthParams, judging_day, programme_health
from .insights.params import CohortTopicParams, TopicParams
from .insights.themes import ThemeParams, programme_themes
from .insights.topics import Gathered, covered_for_pair, suggest_for_pair
from .intake.cells import canonical_column
from .intake.forms.apply import check_updates, people_rows, read_form
from .intake.forms.mapping import ColumnMapping
from .intake.forms.propose import MappingProposal, header_of, mapping_setting, propose_mapping
from .intake.readers import read_table, rows_from
from .intake.validate import validate_notes, validate_people
from .kit import CheckinResult, KitSettings, KitTemplate, PairKit, PairKitInput, compose_kit
from .kit import checkin as kit_checkin
from .kit import render as kit_render
from .matching import pairing
from .matching.cache import CohortArrays, CohortCache, LocatedPair, cohort_arrays, located_pairs
from .matching.explain import pair_reasons
from .matching.params import MatchParams
from .matching.programme import ProgrammeRules, rules_from_dict, rules_to_dict
from .profiles.context import PersonSentences, sentences_by_person
from .profiles.segment import Labeller, label_and_embed
from .profiles.speakers import pair_language
from .records import (
    KEPT_STATUSES,
    PAIR_STATUSES,
    CatalogueFit,
    CoveredTopic,
    ImportResult,
    Pair,
    PairingResult,
    Person,
    ProgrammeHealth,
    ProgressFn,
    Segment,
    SentenceHit,
    SessionNote,
    Theme,
    Topic,
    TopicSuggestion,
    Unmatched,
)
from .reports.export import write_table
from .storage.store import Store
from .workspace import Workspace

__all__ = ["NOTES_VISIBLE_SETTING", "TOPIC_SOURCES", "Recommender"]

logger = logging.getLogger(__name__)

TOPIC_SOURCES = ("auto", "catalogue", "cohort")
"""Where next topics may come from (:meth:`Recommender.suggest_topics`)."""

NOTES_VISIBLE_SETTING = "coordinators_read_notes"


SAVED_SETTINGS = ("min_experience_gap", "cross_department_bonus", "max_mentors_per_mentee",
                  "max_mentees_per_mentor", "min_score")
"""The matching numbers a workspace keeps (with the direction and the rules)."""


def saved_settings(saved: Mapping[str, Any]) -> MatchParams:
    """Matching settings from ``workspace.json``'s ``matching`` section (the defaults for
    what it does not say).

    Raises:
        ValueError: a value out of range or unknown, naming ``workspace.json``.
    """
    unknown = [k for k in saved if k not in SAVED_SETTINGS]
    if unknown:
        raise ValueError(f"workspace.json: matching: unknown setting(s) {', '.join(unknown)}")
    try:
        return MatchParams(**{k: v for k, v in saved.items()})
    except (TypeError, ValueError) as exc:
        raise ValueError(f"workspace.json: matching: {exc}") from exc


class Recommender:
    """Pairs, topics and health of one mentoring programme.

    Args:
        embedder: an embedder name (``"use-multilingual"``, ``"minilm"``, ``"hashing"``,
            ``"sentence-transformers:<folder>"``) or an object following
            :class:`~recommender.embedding.base.Embedder`.
        path: a workspace folder (see :meth:`open`); ``None`` keeps everything in memory.
        params: matching settings (see :class:`~recommender.matching.params.MatchParams`).
        embedding_cache: where vectors are cached; the workspace's own store by default
            (the command line passes a cache that outlives an in-memory workspace).
        index_kind: ``"flat"`` (exact FAISS search, the default) or ``"ivf"`` (approximate,
            for programmes with hundreds of thousands of sentences).
        workspace: the workspace (folder and settings) when already opened.
        database_url: without ``path`` or ``workspace``, a store on a database server
            (``postgresql://user@host/db?workspace=NAME``) with indices kept in memory.

    Example:
        >>> rec = Recommender(embedder="hashing")
        >>> rec.add_people([{"id": "a", "name": "Ana", "years_experience": 1,
        ...                  "offers": "I run our TikTok account"}])
        1
    """

    def __init__(self, embedder: str | Embedder | None = None, path: str | Path | None = None,
                 params: MatchParams | None = None,
                 embedding_cache: EmbeddingCache | None = None, index_kind: str = "flat",
                 workspace: Workspace | None = None, database_url: str | None = None):
        if workspace is None and database_url:
            workspace = Workspace.open(path, database_url) if path is not None \
                else Workspace.at(database_url)
        self.workspace = workspace or Workspace(Path(path) if path is not None else None)
        self.embedder = embedder
        self.params = params or MatchParams()
        self.embedding_cache = embedding_cache
        self._store: Store | None = None
        self._cached: CachedEmbedder | None = None
        self._labeller: Labeller | None = None
        self._indexes = IndexSet(self.workspace.index_path, index_kind, lambda: self.model_id,
                                 lambda texts: self.encoder.encode(texts))
        self._cohorts = CohortCache(folder=self.workspace.index_path("cohort"))
        # Topics drawn from the cohort, for the sentences and settings they were drawn from.
        self._drawn: tuple[tuple[Any, ...], list[CohortTopic]] | None = None

    @classmethod
    def open(cls, path: str | Path, embedder: str | Embedder | None = None,
             params: MatchParams | None = None,
             index_kind: str | None = None, direction: str | None = None,
             database_url: str | None = None,
             rules: ProgrammeRules | None = None) -> Recommender:
        """Open the workspace folder ``path`` (created when absent; its truth on
        ``database_url`` when given, see :class:`~recommender.workspace.Workspace`). An
        ``embedder``, ``direction`` or programme ``rules`` given is saved in
        ``workspace.json``, else the saved ones apply (another embedder: texts are embedded
        again).

        Raises:
            ValueError: the saved rules are not valid (naming ``workspace.json`` and the
                setting at fault).
        """
        if direction is not None:
            MatchParams(direction=direction)  # a clear error before anything is written
        workspace = Workspace.open(path, database_url,
                                   embedder=embedder if isinstance(embedder, str) else None,
                                   index_kind=index_kind, direction=direction,
                                   rules=None if rules is None else rules_to_dict(rules))
        if params is None:  # the programme's saved matching settings, else the defaults
            params = saved_settings(workspace.get("matching") or {})
        saved = workspace.get("rules")
        params = replace(params, direction=workspace.get("direction", params.direction),
                         rules=rules if rules is not None else
                         rules_from_dict(saved, "workspace.json: rules") if saved
                         else params.rules)
        return cls(embedder=embedder or workspace.get("embedder"), params=params,
                   index_kind=workspace.get("index_kind", "flat"), workspace=workspace)

    @property
    def index_kind(self) -> str:
        """How new indices are built: ``"flat"`` (exact) or ``"ivf"`` (approximate)."""
        return self._indexes.kind

    @property
    def path(self) -> Path | None:
        return self.workspace.path

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = Store(self.workspace.database_url, self.workspace.database_schema)
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

    def notes_visible(self) -> bool:
        """Whether coordinators may read session note texts (off by default)."""
        return bool(self.store.get_setting(NOTES_VISIBLE_SETTING, False))

    def set_notes_visible(self, visible: bool) -> None:
        self.store.set_setting(NOTES_VISIBLE_SETTING, bool(visible))

    def rule_warnings(self, params: MatchParams | None = None) -> list[str]:
        """What in the programme's rules, or in what people answered, cannot work as
        written: a rule naming a field nobody answered, a stated preference that is no
        condition or that nobody meets, levels on no step of the ladder."""
        params = params or self.params
        arrays, _ = self._cohort(params)
        return pairing.rule_warnings(arrays, params)

    def save_settings(self, params: MatchParams | None = None) -> None:
        """Make ``params`` (default: the current ones) the programme's matching settings:
        direction, the numbers of :data:`SAVED_SETTINGS` and the rules, saved in
        ``workspace.json``, so that the page, the command line and the API all start from
        them."""
        params = params or self.params
        workspace = self.workspace.with_setting("direction", params.direction)
        workspace = workspace.with_setting(
            "matching", {name: getattr(params, name) for name in SAVED_SETTINGS})
        self.workspace = workspace.with_setting("rules", rules_to_dict(params.rules))
        self.params = params

    def set_rules(self, rules: ProgrammeRules) -> None:
        """Make ``rules`` the programme's (saved in ``workspace.json``: the next opening,
        the page and the command line read them)."""
        self.workspace = self.workspace.with_setting("rules", rules_to_dict(rules))
        self.params = replace(self.params, rules=rules)

    # ------------------------------------------------------------------ people
    def _labels(self) -> Labeller:
        if self._labeller is None:
            self._labeller = Labeller(self.model_id, self.encoder.encode)
        return self._labeller

    def _relabel_for_model(self) -> None:
        """Relabel everybody whose labels come from another embedder. Labels are derived
        from the profiles and the embedder, as the embedding cache is: whatever reads or
        writes them brings them to the current embedder first, so that no score mixes two."""
        models = self.store.segment_model_ids()
        if models and models != {self.model_id}:
            people = self.store.people()
            logger.info("embedder changed: relabelling %d profiles", len(people))
            self.store.replace_segments([p.id for p in people], self._labels().label(people),
                                        self.model_id)
            self._indexes.forget("segments")

    def add_people(self, rows: Any, source: str = "rows",
                   progress: ProgressFn | None = None) -> int:
        """Add or update people (iterable of dicts, or a pandas DataFrame); returns how many
        were added or updated (unchanged rows are skipped). Every row is validated first: on
        any problem nothing is stored and a :class:`~recommender.errors.ValidationError`
        lists them all."""
        people = validate_people(rows_from(rows, source), source=source)
        return self._store_people(people, None, progress)

    def _store_people(self, people: list[Person], origin: tuple[str, str] | None,
                      progress: ProgressFn | None) -> int:
        known = {p.id: p for p in self.store.people()}
        people = [p for p in people if known.get(p.id) != p]  # unchanged rows: nothing to do
        if not people:
            return 0
        self._relabel_for_model()
        segments = label_and_embed(people, self._labels(), self.encoder, progress)
        added, updated, removed, new_ids = self.store.upsert_people(people, segments,
                                                                    self.model_id, origin)
        self._indexes.update("segments", removed, new_ids, [s.text for s in segments])
        logger.info("people: %d added, %d updated", added, updated)
        return added + updated

    def import_people(self, rows: Any, source: str = "rows", *,
                      mapping: ColumnMapping | None = None, role: str | None = None,
                      partial: bool = False, update: bool = False,
                      progress: ProgressFn | None = None) -> ImportResult:
        """Import a people file (any format :func:`~recommender.intake.readers.read_table`
        reads) or rows, optionally through a sign-up form's column ``mapping``, saved in the
        workspace for the next file with the same columns (:meth:`saved_mapping`).

        Nothing is replaced in silence: an import that would update people imported from
        another form, or change anyone's role, stops and names them
        (:class:`~recommender.errors.ValidationError`, nothing stored) unless ``update``.

        Args:
            role: ``"mentor"`` or ``"mentee"`` for every row (one form per side).
            partial: store the valid rows and report the others; by default one bad row
                rejects the whole file and nothing is stored.
            update: update the people the file names even when they came from another
                form or change side.
        """
        source, table = read_form(rows, source)
        ready = people_rows(table, source, mapping, role, partial)
        stored = 0
        if ready.rows:
            people = validate_people(ready.rows, source=source)
            if not update:
                check_updates(people, [n for n, _ in ready.rows], source, ready.form,
                              {p.id: p for p in self.store.people()}, self.store.origins())
            stored = self._store_people(people, (source, ready.form), progress)
        if ready.mapping is not None:
            self.store.set_setting(ready.setting, ready.mapping.to_dict())
        return ImportResult(stored, ready.skipped, ready.report)

    def saved_mapping(self, rows: Any) -> ColumnMapping | None:
        """The mapping saved by the last import of a file with the same columns, if any."""
        _, table = read_form(rows)
        saved = self.store.get_setting(mapping_setting(table))
        return ColumnMapping.from_dict(saved, "workspace") if saved else None

    def propose_mapping(self, rows: Any, role: str | None = None) -> MappingProposal:
        """A proposed column mapping for a sign-up form's rows (or file), to confirm."""
        _, table = read_form(rows)
        return propose_mapping(header_of(table), table, role=role)

    def people(self) -> list[Person]:
        """Every person of the workspace, by id."""
        return self.store.people()

    def person(self, person_id: str) -> Person:
        """One person; :class:`~recommender.errors.UnknownIdError` when unknown."""
        found = self.store.person(person_id)
        if found is None:
            raise UnknownIdError("person", person_id)
        return found

    def delete_person(self, person_id: str) -> None:
        """Erase a person: their record, notes, pairs (pending or not) and vectors."""
        self.person(person_id)
        removed = self.store.delete_person(person_id)
        self._indexes.update("segments", removed)
        self._indexes.drop("notes")  # their notes are gone too
        self._cohorts.clear()  # and their vectors with the arrays saved to match faster
        logger.info("erased person %s", person_id)

    def segments(self) -> list[Segment]:
        """Every profile sentence with its label (offer / want / other), labelled by the
        current embedder's intent model (relabelled first if the workspace was labelled by
        another one)."""
        self._relabel_for_model()
        return self.store.segments()

    def _sentences(self) -> dict[str, PersonSentences]:
        return sentences_by_person(self.segments(), self.params.background_weight)

    # ------------------------------------------------------------------ indices
    def segment_index(self) -> VectorIndex:
        """The FAISS index of profile sentences (ids = segment ids), loaded or rebuilt."""
        segments = self.segments()
        return self._indexes.get("segments", [s.id for s in segments], [s.text for s in segments])

    def note_index(self) -> VectorIndex:
        """The FAISS index of session notes (ids = note ids), loaded or rebuilt."""
        notes = self.store.notes()
        return self._indexes.get("notes", [n.id for n in notes], [n.text for n in notes])

    def search(self, query: str, k: int = 5, kind: str | None = None) -> list[SentenceHit]:
        """Profile sentences closest in meaning to ``query`` (any language), best first."""
        return sentence_hits(self.segment_index(), self.encoder.encode([query]),
                             {s.id: s for s in self.segments()}, k, kind)

    # ------------------------------------------------------------------ notes and topics
    def add_notes(self, rows: Any, source: str = "rows") -> int:
        """Add session notes (``mentor_id, mentee_id, date, text``, optional ``rating``); a
        bad row (an unknown id too) raises ValidationError and nothing is stored."""
        notes = validate_notes(rows_from(rows, source), self.store.person_ids(), source=source)
        self.encoder.encode([n.text for n in notes])  # fill the cache before storing
        ids = self.store.add_notes(notes)
        self._indexes.drop("notes")
        return len(ids)

    def notes(self, mentor_id: str | None = None, mentee_id: str | None = None) -> list[SessionNote]:
        """Session notes, oldest first, optionally of one mentor and/or mentee."""
        return self.store.notes(mentor_id, mentee_id)

    def set_topics(self, rows: Any, source: str = "rows") -> int:
        """Replace the topic catalogue; returns the number of topics."""
        topics = topics_from(rows, source)
        self.store.replace_topics(topics)  # marks the catalogue as chosen, atomically
        return len(topics)

    def add_topics(self, rows: Any, source: str = "rows") -> int:
        """Add topics to the catalogue (the shipped one when none was chosen; same id: replaced)."""
        topics = topics_from(rows, source)
        self.store.add_topics(topics, default=default_catalogue)
        return len(topics)

    def use_shipped_topics(self) -> None:
        """Forget the workspace's own catalogue: the shipped bilingual one applies again."""
        self.store.forget_topics()

    def topics_chosen(self) -> bool:
        """Whether the workspace has a catalogue of its own (else the shipped one applies)."""
        return self.store.topics_chosen()

    def topics(self) -> list[Topic]:
        """The workspace's topic catalogue, else the shipped bilingual one (not stored)."""
        return self.store.topics() if self.store.topics_chosen() else default_catalogue()

    # ------------------------------------------------------------------ pairs
    def pairs(self, statuses: Iterable[str] | None = None) -> list[Pair]:
        """Stored pairs with status, lock, score, parts and reasons, best score first."""
        return self.store.pairs(statuses)

    def pair(self, mentor_id: str, mentee_id: str) -> Pair | None:
        """The stored pair ``mentor_id`` -> ``mentee_id``, or ``None``."""
        return self.store.pair(mentor_id, mentee_id)

    def set_pair_status(self, mentor_id: str, mentee_id: str, status: str,
                        locked: bool | None = None, expected_version: int | None = None) -> None:
        """Accept, reject, activate or end a pair, and optionally lock it. Accepted, active
        and locked pairs are kept by later runs; rejected and ended ones never come back.

        Args:
            expected_version: the :attr:`Pair.version` the decision was made on: if the pair
                changed since, :class:`~recommender.errors.StaleDecisionError` is raised and
                nothing is written (``None``: decide whatever the current state).
        """
        if status not in PAIR_STATUSES:
            raise ValueError(f"unknown status '{status}': use {', '.join(PAIR_STATUSES)}")
        self.person(mentor_id)
        self.person(mentee_id)
        pair = self.pair(mentor_id, mentee_id) or Pair(mentor_id, mentee_id, status)
        self.store.decide_pair(replace(pair, status=status,
                                       locked=pair.locked if locked is None else locked),
                               expected_version)

    def _cohort(self, params: MatchParams) -> tuple[CohortArrays, list[LocatedPair]]:
        """The programme's arrays (rebuilt only when profiles, model or shaping settings
        changed) and the stored pairs placed on them, read now."""
        self._relabel_for_model()
        version = self.store.profiles_version()
        arrays = self._cohorts.get(
            version, self.model_id, params,
            lambda: cohort_arrays(self.people(), self.segments(), self.encoder.encode, params),
            lambda saved: CohortArrays(self.people(), saved, {s.id: s for s in self.segments()}),
            lambda: self.store.profiles_version() == version)
        return arrays, located_pairs(arrays.people, self.store.pair_decisions())

    def suggest_pairs(self, params: MatchParams | None = None,
                      progress: ProgressFn | None = None, **overrides: Any) -> PairingResult:
        """The best global assignment of the cohort under the hard rules, stored as
        ``proposed`` pairs (replacing the previous unlocked proposals): accepted, active and
        locked pairs stay as they are; rejected and ended ones are never proposed again.

        ``params`` (the recommender's by default) with single ``**overrides``
        (``min_experience_gap=5``); ``progress`` gets ``(fraction, message)``. Returns the
        pairs (kept ones first, then new proposals by score) and the unmatched, with why.
        """
        params = replace(params or self.params, **overrides)
        tell = progress or (lambda fraction, message: None)
        tell(0.02, "reading profiles")
        self._relabel_for_model()
        pairs, left = pairing.run(*self._cohort(params), params, self._cohorts, tell)
        tell(0.95, f"writing {len(pairs)} pairs")
        self.store.replace_proposals(pairs)
        tell(1.0, "done")
        return PairingResult(tuple(pairs), tuple(left))

    def suggest_mentors(self, mentee_id: str, k: int = 5) -> list[Pair]:
        """The ``k`` best eligible mentors for a mentee, under the same rules and scores."""
        return pairing.partner_suggestions(*self._cohort(self.params), self.person(mentee_id).id,
                                           k, True, self.params)

    def suggest_mentees(self, mentor_id: str, k: int = 5) -> list[Pair]:
        """The ``k`` best eligible mentees for a mentor, under the same rules and scores."""
        return pairing.partner_suggestions(*self._cohort(self.params), self.person(mentor_id).id,
                                           k, False, self.params)

    def unmatched(self, language: str = "en") -> list[Unmatched]:
        """Everyone without a proposed, accepted or active pair now, and why (in ``language``)."""
        return pairing.unmatched_now(*self._cohort(self.params), self.params, language)

    # ------------------------------------------------------------------ one pair
    def _located(self, mentor_id: str, mentee_id: str, params: MatchParams
                 ) -> tuple[CohortArrays, LocatedPair]:
        self.person(mentor_id)
        self.person(mentee_id)
        arrays, stored = self._cohort(params)
        return arrays, pairing.located(arrays, stored, mentor_id, mentee_id)

    def explain_pair(self, mentor_id: str, mentee_id: str, language: str | None = None,
                     params: MatchParams | None = None) -> Pair:
        """Two people as a pair (score, parts, quotes; reasons in ``language``, default the
        pair's): a stored pair as its run computed it, else (or under ``params``) scored now
        on the whole cohort as a run scores it. Rules are not checked (:meth:`rule_violations`)."""
        stored = self.pair(mentor_id, mentee_id) if params is None else None
        if stored is not None and stored.quotes:
            return replace(stored, reasons=self.pair_reasons(stored, language))
        params = params or self.params
        return pairing.scored_pair(*self._located(mentor_id, mentee_id, params), params,
                                   language)

    def pair_reasons(self, pair: Pair, language: str | None = None) -> tuple[str, ...]:
        """A stored pair's reasons worded in ``language`` (the pair's own by default), from
        what was stored (no rescoring)."""
        return pair_reasons(self.person(pair.mentor_id), self.person(pair.mentee_id),
                            pair.quotes, pair.signals, language=language,
                            direction=self.params.direction)

    def rule_violations(self, mentor_id: str, mentee_id: str,
                        language: str = "en") -> tuple[str, ...]:
        """The hard rules that forbid ``mentor_id`` mentoring ``mentee_id`` (empty: allowed)."""
        return pairing.rules_broken(*self._located(mentor_id, mentee_id, self.params),
                                    self.params, language)

    def add_pair(self, mentor_id: str, mentee_id: str, status: str = "accepted",
                 locked: bool = False) -> Pair:
        """Pair two people by hand, scored and explained like any pair; a
        :class:`~recommender.errors.PairRuleError` names every hard rule that forbids it."""
        broken = self.rule_violations(mentor_id, mentee_id)
        if broken:
            raise PairRuleError(mentor_id, mentee_id, broken)
        pair = pairing.scored_pair(*self._located(mentor_id, mentee_id, self.params),
                                   self.params)
        pair = replace(pair, status=status, locked=locked)
        self.store.set_pairs([pair])
        return pair

    # ------------------------------------------------------------------ the catalogue's fit
    def catalogue_fit(self, topics: Iterable[Topic] | None = None,
                      params: TopicParams | None = None) -> CatalogueFit:
        """How many of the cohort's wishes (the want sentences of everyone who may be mentored,
        :func:`~recommender.insights.cohort_topics.cohort_sentences`) the catalogue answers: a wish is
        answered when its closest topic, in any of the topic's languages, is at least
        ``params.fit_threshold`` similar. ``topics``: another catalogue to weigh (default:
        the workspace's)."""
        params = params or TopicParams()
        if topics is None:
            catalogue = self.topics()
            # a workspace that stored the shipped catalogue as it is (the demo) still uses it
            own = self.store.topics_chosen() and catalogue != default_catalogue()
            source = "programme" if own else "shipped"
        else:
            catalogue, source = list(topics), "programme"
        wishes = [s.text for s in cohort_sentences(self.people(), self.segments())
                  if s.kind == "want"]
        texts, owner = topic_views(catalogue, starters=False)
        encode = self.encoder.encode
        similarity, best = wish_answers(
            encode(wishes) if wishes else np.zeros((0, 1)),
            encode(texts) if texts else np.zeros((0, 1)), owner, len(catalogue))
        return catalogue_fit(catalogue, wishes, similarity, best, params.fit_threshold, source)

    def cohort_topics(self, params: CohortTopicParams | None = None) -> list[CohortTopic]:
        """Topics drawn from the cohort's own wishes and offers, the most wished for first,
        each with the people whose wishes it gathers (see
        :mod:`~recommender.insights.cohort_topics`). Nothing is stored: keep, rename, merge
        or drop them, then :meth:`set_topics` to make them the programme's catalogue."""
        params = params or CohortTopicParams()
        sentences = cohort_sentences(self.people(), self.segments())
        key = (self.model_id, params, tuple(sentences))
        if self._drawn is None or self._drawn[0] != key:
            vectors = self.encoder.encode([s.text for s in sentences]) if sentences \
                else np.zeros((0, 1), dtype=np.float32)
            self._drawn = key, cohort_topics(sentences, vectors, self.encoder.encode, params)
        return list(self._drawn[1])

    def topic_source(self, params: TopicParams | None = None) -> str:
        """Where next topics come from by default: ``"catalogue"`` when the programme chose
        one, the shipped one answers at least ``params.min_fit`` of the cohort's wishes, or
        the cohort has fewer than ``params.min_fit_wishes`` wishes; else ``"cohort"`` (topics
        drawn from the cohort itself)."""
        params = params or TopicParams()
        if self.store.topics_chosen():
            return "catalogue"
        fit = self.catalogue_fit(params=params)
        thin = fit.wishes < params.min_fit_wishes
        return "catalogue" if thin or fit.share >= params.min_fit else "cohort"

    def _topics_from(self, source: str, params: TopicParams
                     ) -> tuple[list[Topic], dict[str, Gathered]]:
        """The topics of ``source`` and, for topics drawn from the cohort, the sentences each
        gathers (notes are compared with them)."""
        if source not in TOPIC_SOURCES:
            raise ValueError(f"source: {source!r} is not one of {', '.join(TOPIC_SOURCES)}")
        if source == "auto":
            source = self.topic_source(params)
        if source == "catalogue":
            return self.topics(), {}
        drawn = self.cohort_topics()
        wishers = len({w for c in drawn for w in c.wishers}) or 1
        return [c.topic for c in drawn], {
            c.topic.id: Gathered(c.wishes + c.offers, len(c.wishers) / wishers) for c in drawn}

    # ------------------------------------------------------------------ topics for a pair
    def covered_topics(self, mentor_id: str, mentee_id: str, params: TopicParams | None = None,
                       language: str | None = None, source: str = "auto"
                       ) -> list[CoveredTopic]:
        """Topics the pair's notes discussed, with when; titles in ``language``; topics
        from ``source`` as :meth:`suggest_topics` takes it."""
        params = params or TopicParams()
        topics, members = self._topics_from(source, params)
        return covered_for_pair(
            topics, self.person(mentor_id), self.person(mentee_id),
            self._sentences(), self.notes(mentor_id, mentee_id), self.notes(),
            self.encoder.encode, lambda q, n: self.note_index().search(q, n), params, language,
            members)

    def suggest_topics(self, mentor_id: str, mentee_id: str, k: int = 5,
                       params: TopicParams | None = None,
                       language: str | None = None, source: str = "auto"
                       ) -> list[TopicSuggestion]:
        """Next discussion topics for a pair, best first: relevant to the mentee's wants,
        within the mentor's offers, never one the pair's notes covered (lower when close to
        one), varied, informed by how pairs with similar wants rated them; in ``language``
        (a page's) when given, else the pair's (see :mod:`~recommender.insights.topics`).

        ``source``: ``"catalogue"`` (the programme's, else the shipped one), ``"cohort"``
        (topics drawn from the cohort's own wishes, :meth:`cohort_topics`), or ``"auto"``
        (:meth:`topic_source`: the cohort's when the shipped catalogue answers too few).
        """
        params = params or TopicParams()
        mentor, mentee = self.person(mentor_id), self.person(mentee_id)
        topics, members = self._topics_from(source, params)
        if not topics:
            return []
        return suggest_for_pair(
            topics, mentor, mentee, self._sentences(), self.notes(mentor_id, mentee_id),
            self.notes(), self.encoder.encode, lambda q, n: self.note_index().search(q, n), k,
            params, language, members)

    # ------------------------------------------------------------------ themes and health
    def themes(self, params: ThemeParams | None = None) -> list[Theme]:
        """Themes of all session notes, labelled by their characteristic words, with their
        size, notes per month, nearest catalogue topic, and a flag when far from every topic
        (a candidate new topic)."""
        notes = self.notes()
        if not notes:
            return []
        return programme_themes(notes, self.people(), self.topics(), self.encoder.encode,
                                params or ThemeParams())

    def health(self, as_of: dt.date | str | None = None, params: HealthParams | None = None,
               language: str = "en") -> ProgrammeHealth:
        """Health of every active or accepted pair (and any pair with notes), and of the
        programme (share of mentees' wants covered by a session, pairs at risk), judged on
        ``as_of`` (default today), reasons in ``language``."""
        return programme_health(self.notes(), self.store.pairs(), self._sentences(),
                                self.encoder.encode, judging_day(as_of),
                                params or HealthParams(), language)

    # ------------------------------------------------------------------ pair kits
    def kit_settings(self) -> KitSettings:
        """The programme's kit settings (``workspace.json``'s ``kit`` section: its name, who
        signs, the cadence, the working day assumed...; see
        :class:`~recommender.kit.KitSettings`).

        Raises:
            ValueError: a setting unknown or out of range, naming ``workspace.json``.
        """
        return KitSettings.from_dict(self.workspace.get("kit"), "workspace.json: kit")

    def set_kit_settings(self, settings: KitSettings) -> None:
        """Make ``settings`` the programme's kit settings (saved in ``workspace.json``)."""
        self.workspace = self.workspace.with_setting("kit", settings.to_dict())

    @property
    def kit_template_folder(self) -> Path | None:
        """The workspace's own introduction templates (``<workspace>/templates``, holding
        ``intro_<language>.txt`` and optionally ``.html``), ``None`` in memory."""
        return self.path / "templates" if self.path is not None else None

    def kit_template(self, language: str, html: bool = False) -> KitTemplate | None:
        """The introduction template in ``language``: the workspace's, else the shipped one
        (``None`` when neither exists; no HTML template is shipped)."""
        return kit_render.load_template(language, self.kit_template_folder, html)

    def _kit_input(self, mentor_id: str, mentee_id: str, language: str | None,
                   first_day: dt.date | None) -> PairKitInput:
        mentor, mentee = self.person(mentor_id), self.person(mentee_id)
        written = kit_render.template_languages(self.kit_template_folder)
        lang = language or pair_language(mentor, mentee, written)
        if lang not in written:
            raise kit_render.KitTemplateError(
                f"intro_{lang}.txt", None,
                f"no introduction template in '{lang}': there are templates in "
                f"{', '.join(written)} (add intro_{lang}.txt to "
                f"{self.kit_template_folder or 'the workspace templates folder'})")
        pair = self.explain_pair(mentor_id, mentee_id, language=lang)
        topics = self.suggest_topics(mentor_id, mentee_id, k=3, language=lang)
        settings = self.kit_settings()
        local = dt.datetime.now().astimezone().utcoffset()
        return PairKitInput(
            mentor, mentee, dict(pair.quotes), tuple(topics), self.params.direction, lang,
            not self.notes_visible(), settings,
            first_day or dt.date.today() + dt.timedelta(days=settings.days_ahead),
            local.total_seconds() / 3600 if local is not None else 0.0)

    def pair_kit(self, mentor_id: str, mentee_id: str, language: str | None = None, *,
                 first_day: dt.date | None = None) -> PairKit:
        """The kit of a pair: its introduction (in ``language``, else the pair's: the
        mentee's first language both speak among those with a template, else English), the
        ``.eml``, the first meeting's ``.ics`` (from ``first_day``, default
        ``days_ahead`` days from today, inside both people's working hours) and a
        ``mailto:`` link. Nothing is sent, and no session note's text is used.

        Raises:
            UnknownIdError: an unknown person, or two people who are not a pair.
            KitTemplateError: (a ``ValueError``) no template in ``language``, or a template
                with a syntax error or an unknown field, naming the template and the line.
        """
        if self.pair(mentor_id, mentee_id) is None:
            raise UnknownIdError("pair", f"{mentor_id}:{mentee_id}")
        inp = self._kit_input(mentor_id, mentee_id, language, first_day)
        template = self.kit_template(inp.language)
        assert template is not None  # the language was checked to have one
        return compose_kit(inp, template, self.kit_template(inp.language, html=True),
                           dt.datetime.now(dt.UTC))

    def pair_kits(self, statuses: Iterable[str] = ("accepted",), language: str | None = None,
                  *, first_day: dt.date | None = None) -> list[PairKit]:
        """The kits of every pair in ``statuses`` (accepted ones by default), best first."""
        return [self.pair_kit(p.mentor_id, p.mentee_id, language, first_day=first_day)
                for p in self.pairs(tuple(statuses))]

    def _checkin_pairs(self, statuses: Iterable[str]) -> list[tuple[Person, Person]]:
        people = {p.id: p for p in self.people()}
        return [(people[p.mentor_id], people[p.mentee_id]) for p in self.pairs(tuple(statuses))
                if p.mentor_id in people and p.mentee_id in people]

    def checkin_form(self, path: str | Path, language: str = "en",
                     statuses: Iterable[str] = KEPT_STATUSES) -> Path:
        """Write the check-in form (CSV or XLSX, by ``path``'s extension; headers in
        ``language``) with a row per pair in ``statuses`` (accepted and active by default),
        for the pairs to fill in and :meth:`import_checkin` to read back."""
        rows = kit_checkin.checkin_rows(self._checkin_pairs(statuses), language)
        return write_table(rows, kit_checkin.checkin_header(language), path)

    def import_checkin(self, *sources: Any,
                       statuses: Iterable[str] = KEPT_STATUSES) -> CheckinResult:
        """Read filled check-in forms (files, or rows) and store their answers as session
        notes with their ratings, which the programme's health reads. An answer already
        stored (a file imported twice) is left out. Every file is checked first: on any
        problem nothing is stored and a :class:`~recommender.errors.ValidationError` lists
        them all (file, row, column).

        Returns:
            the notes stored, the pairs that answered, and those that did not: the forms'
            pairs without an answer, and the pairs in ``statuses`` no form lists.
        """
        known = self.store.person_ids()
        notes: list[SessionNote] = []
        asked: list[tuple[str, str]] = []
        answered: list[tuple[str, str]] = []
        problems: list[Problem] = []
        for i, source in enumerate(sources, start=1):
            is_file = isinstance(source, (str, Path))
            name = Path(source).name if is_file else f"answers {i}"
            rows = read_table(source) if is_file else rows_from(source, name)
            try:
                answers = kit_checkin.read_answers(rows, canonical_column, source=name)
            except ValidationError as exc:  # not a check-in form
                problems += exc.problems
                continue
            try:
                checked = validate_notes(list(answers.notes), known, source=name)
            except ValidationError as exc:
                problems += answers.named(exc.problems)
                continue
            # an answer for two people who are not a pair of the programme is a mistake
            for (row, _), note in zip(answers.notes, checked, strict=True):
                if self.pair(note.mentor_id, note.mentee_id) is None:
                    problems.append(Problem(
                        name, row, answers.headers.get("mentee_id"),
                        f"{note.mentor_id} and {note.mentee_id} are not a pair of the "
                        "programme"))
            notes += checked
            asked += [k for k in answers.asked if k not in asked]
            answered += [k for k in answers.answered if k not in answered]
        if problems:
            raise ValidationError(problems)
        stored = {(n.mentor_id, n.mentee_id, n.date, n.text, n.rating) for n in self.notes()}
        new = [n for n in notes if (n.mentor_id, n.mentee_id, n.date, n.text, n.rating)
               not in stored]
        if new:
            self.add_notes([{"mentor_id": n.mentor_id, "mentee_id": n.mentee_id,
                             "date": n.date, "text": n.text, "rating": n.rating} for n in new],
                           source="check-in")
        asked += [p.key for p in self.pairs(tuple(statuses)) if p.key not in asked]
        return CheckinResult(len(new), tuple(answered),
                             tuple(k for k in asked if k not in answered),
                             len(notes) - len(new))
