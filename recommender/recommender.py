"""The :class:`Recommender` facade: orchestration only, records at the edge.

It validates input (ingest), keeps the truth in the store, embeds through the cache, keeps
the FAISS indices in step (index), and calls the stages (cohort, match, explain, topics,
themes, health). Every formula lives in a stage; this module only moves data between them.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .demo import demo_path, load_demo  # importable from here as before
from .embedding.backends import CachedEmbedder, Embedder, EmbeddingCache, make_embedder
from .embedding.index import IndexSet, VectorIndex, sentence_hits
from .errors import PairRuleError, UnknownIdError
from .insights import topics as topic_stage
from .insights.health import HealthParams, judging_day, programme_health
from .insights.themes import ThemeParams, programme_themes
from .insights.topics import TopicParams
from .intake.validate import rows_from, validate_notes, validate_people
from .matching import kernel as match_stage
from .matching import pairing
from .matching.cache import CohortArrays, CohortCache, LocatedPair, cohort_arrays, located_pairs
from .matching.cohort import PersonSentences, sentences_by_person
from .matching.explain import pair_language, pair_reasons, unmatched
from .matching.kernel import ProgressFn
from .profiles.intent import IntentClassifier, segment_people
from .records import (
    PAIR_STATUSES,
    CoveredTopic,
    ImportResult,
    PairingResult,
    PairSuggestion,
    Person,
    ProgrammeHealth,
    Segment,
    SentenceHit,
    SessionNote,
    StoredPair,
    Theme,
    Topic,
    TopicSuggestion,
    Unmatched,
)
from .storage.store import Store
from .workspace import Workspace

if TYPE_CHECKING:
    from .intake.forms.propose import ColumnMapping, MappingProposal

__all__ = ["NOTES_VISIBLE_SETTING", "ProgressFn", "Recommender", "demo_path", "load_demo"]

logger = logging.getLogger(__name__)

NOTES_VISIBLE_SETTING = "coordinators_read_notes"


class Recommender:
    """Pairs, topics and health of one mentoring programme.

    Args:
        embedder: an embedder name (``"use-multilingual"``, ``"minilm"``, ``"hashing"``,
            ``"sentence-transformers:<folder>"``) or an object following
            :class:`~recommender.embed.Embedder`.
        path: a workspace folder (see :meth:`open`); ``None`` keeps everything in memory.
        params: matching settings (see :class:`~recommender.match.MatchParams`).
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
                 params: match_stage.MatchParams | None = None,
                 embedding_cache: EmbeddingCache | None = None, index_kind: str = "flat",
                 workspace: Workspace | None = None, database_url: str | None = None):
        if workspace is None and database_url:
            workspace = Workspace.open(path, database_url) if path is not None \
                else Workspace.at(database_url)
        self.workspace = workspace or Workspace(Path(path) if path is not None else None)
        self.embedder = embedder
        self.params = params or match_stage.MatchParams()
        self.embedding_cache = embedding_cache
        self._store: Store | None = None
        self._cached: CachedEmbedder | None = None
        self._classifier: IntentClassifier | None = None
        self._indexes = IndexSet(self.workspace.index_path, index_kind, lambda: self.model_id,
                                 lambda texts: self.encoder.encode(texts))
        self._cohorts = CohortCache(folder=self.workspace.index_path("cohort"))

    @classmethod
    def open(cls, path: str | Path, embedder: str | Embedder | None = None,
             params: match_stage.MatchParams | None = None,
             index_kind: str | None = None, direction: str | None = None,
             database_url: str | None = None) -> Recommender:
        """Open the workspace folder ``path``, creating it when absent.

        ``database_url`` keeps the truth on a database server (``postgresql://user@host/db``;
        else ``$TANDEM_DATABASE_URL``, else the URL the folder was last opened with, else
        ``store.sqlite`` in the folder): see :class:`~recommender.workspace.Workspace`.

        The embedder is remembered in ``workspace.json``; passing another one switches the
        workspace to it (texts are then embedded again with the new model). So is the
        programme's ``direction`` (``"reverse"``, ``"classic"`` or ``"peer"``): given here, it
        is saved; otherwise the saved one applies, else that of ``params``.
        """
        if direction is not None:
            match_stage.MatchParams(direction=direction)  # a clear error before anything is written
        workspace = Workspace.open(path, database_url,
                                   embedder=embedder if isinstance(embedder, str) else None,
                                   index_kind=index_kind, direction=direction)
        params = params or match_stage.MatchParams()
        params = replace(params, direction=workspace.get("direction", params.direction))
        return cls(embedder=embedder or workspace.get("embedder"), params=params,
                   index_kind=workspace.get("index_kind", "flat"), workspace=workspace)

    @property
    def index_kind(self) -> str:
        """How new indices are built: ``"flat"`` (exact) or ``"ivf"`` (approximate)."""
        return self._indexes.kind

    @index_kind.setter
    def index_kind(self, kind: str) -> None:
        self._indexes.kind = kind

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

    # ------------------------------------------------------------------ settings
    def notes_visible(self) -> bool:
        """Whether coordinators may read session note texts (off by default)."""
        return bool(self.store.get_setting(NOTES_VISIBLE_SETTING, False))

    def set_notes_visible(self, visible: bool) -> None:
        self.store.set_setting(NOTES_VISIBLE_SETTING, bool(visible))

    # ------------------------------------------------------------------ people
    def _classifier_for_model(self) -> IntentClassifier:
        if self._classifier is None:
            self._classifier = IntentClassifier.for_embedder(self.model_id, self.encoder.encode)
        return self._classifier

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
        texts = [s.text for s in segments]
        # Embed at import, so that matching is quick.
        self.encoder.encode(texts, progress=(
            (lambda done, total: progress(0.1 + 0.85 * done / total, "embedding"))
            if progress else None))
        added, updated, removed, new_ids = self.store.upsert_people(people, segments, self.model_id)
        self._indexes.update("segments", removed, new_ids, texts)
        logger.info("people: %d added, %d updated", added, updated)
        return added + updated

    def import_people(self, rows: Any, source: str = "rows", *,
                      mapping: ColumnMapping | None = None, role: str | None = None,
                      partial: bool = False, progress: ProgressFn | None = None) -> ImportResult:
        """Import a people file or rows, optionally through a sign-up form's column mapping.

        Args:
            rows: a file path (any format :func:`~recommender.ingest.read_table` reads), or
                rows as for :meth:`add_people`.
            mapping: how the form's columns feed the project's fields (see
                :mod:`recommender.mapping`); it is saved in the workspace for the next file
                with the same columns (:meth:`saved_mapping`).
            role: ``"mentor"`` or ``"mentee"`` for every row (one form per side).
            partial: store the valid rows and report the others; by default one bad row
                rejects the whole file and nothing is stored.

        Raises:
            ValidationError: a problem (any, or one that is not a row's when ``partial``).
        """
        from .intake.forms.propose import people_rows, read_form

        source, table = read_form(rows, source)
        ready = people_rows(table, source, mapping, role, partial)
        stored = self.add_people(ready.rows, source=source, progress=progress) if ready.rows else 0
        if ready.mapping is not None:
            self.store.set_setting(ready.setting, ready.mapping.to_dict())
        return ImportResult(stored, ready.skipped, ready.report)

    def saved_mapping(self, rows: Any) -> ColumnMapping | None:
        """The mapping saved by the last import of a file with the same columns, if any."""
        from .intake.forms.propose import ColumnMapping, form_key, header_of, read_form

        _, table = read_form(rows)
        saved = self.store.get_setting(f"mapping:{form_key(header_of(table))}")
        return ColumnMapping.from_dict(saved, "workspace") if saved else None

    def propose_mapping(self, rows: Any, role: str | None = None) -> MappingProposal:
        """A proposed column mapping for a sign-up form's rows (or file), to confirm."""
        from .intake.forms.propose import header_of, propose_mapping, read_form

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
            self._indexes.forget("segments")

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
                             {s.id: s for s in self.store.segments()}, k, kind)

    # ------------------------------------------------------------------ notes and topics
    def add_notes(self, rows: Any, source: str = "rows") -> int:
        """Add session notes (``mentor_id, mentee_id, date, text``, optional ``rating``).

        Raises:
            ValidationError: any bad row, including ids unknown to the workspace; nothing is
                stored then.
        """
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
        topics = topic_stage.topics_from(rows, source)
        self.store.replace_topics(topics)  # marks the catalogue as chosen, atomically
        return len(topics)

    def add_topics(self, rows: Any, source: str = "rows") -> int:
        """Add topics to the catalogue (a topic with a known id replaces it)."""
        self.topics()  # make sure the default catalogue is in before adding to it
        topics = topic_stage.topics_from(rows, source)
        self.store.add_topics(topics)
        return len(topics)

    def topics(self) -> list[Topic]:
        """The topic catalogue (the shipped bilingual one until replaced)."""
        if not self.store.get_setting("topics_initialised", False):
            self.set_topics(topic_stage.default_catalogue())
        return self.store.topics()

    # ------------------------------------------------------------------ pairs
    def pairs(self, statuses: Iterable[str] | None = None) -> list[StoredPair]:
        """Stored pairs with status, lock, score, parts and reasons, best score first."""
        return self.store.pairs(statuses)

    def set_pair_status(self, mentor_id: str, mentee_id: str, status: str,
                        locked: bool | None = None, expected_version: int | None = None) -> None:
        """Accept, reject, activate or end a pair, and optionally lock it.

        Accepted, active and locked pairs are kept by later runs of :meth:`suggest_pairs`;
        rejected and ended pairs are never proposed again.

        Args:
            expected_version: the :attr:`StoredPair.version` the decision was made on; when
                the pair has changed since (another coordinator, a new matching run),
                :class:`~recommender.errors.StaleDecisionError` is raised and nothing is
                written. ``None`` decides whatever the current state.
        """
        if status not in PAIR_STATUSES:
            raise ValueError(f"unknown status '{status}': use {', '.join(PAIR_STATUSES)}")
        self.person(mentor_id)
        self.person(mentee_id)
        pair = self._stored_pair(mentor_id, mentee_id) or StoredPair(mentor_id, mentee_id, status)
        self.store.decide_pair(replace(pair, status=status,
                                       locked=pair.locked if locked is None else locked),
                               expected_version)

    def _stored_pair(self, mentor_id: str, mentee_id: str) -> StoredPair | None:
        return next((p for p in self.store.pairs() if p.key == (mentor_id, mentee_id)), None)

    def _cohort(self, params: match_stage.MatchParams
                ) -> tuple[CohortArrays, list[LocatedPair]]:
        """The programme's arrays (rebuilt only when profiles, model or shaping settings
        changed) and the stored pairs placed on them, read now."""
        version = self.store.profiles_version()
        arrays = self._cohorts.get(
            version, self.model_id, params,
            lambda: cohort_arrays(self.people(), self.segments(), self.encoder.encode, params),
            lambda saved: CohortArrays(self.people(), saved, {s.id: s for s in self.segments()}),
            lambda: self.store.profiles_version() == version)
        return arrays, located_pairs(arrays.people, self.store.pair_decisions())

    def _params(self, params: match_stage.MatchParams | None,
                overrides: dict[str, Any]) -> match_stage.MatchParams:
        return replace(params or self.params, **overrides)

    def suggest_pairs(self, params: match_stage.MatchParams | None = None,
                      progress: ProgressFn | None = None, **overrides: Any) -> PairingResult:
        """The best global assignment of the cohort under the hard rules.

        Accepted, active and locked pairs stay as they are and only the rest is matched;
        rejected and ended pairs are never proposed again. New proposals are stored with
        status ``proposed`` (replacing the previous unlocked proposals).

        Args:
            params: matching settings; defaults to the recommender's.
            progress: called with ``(fraction, message)`` at each stage.
            **overrides: single settings to change, e.g. ``min_experience_gap=5``.

        Returns:
            the pairs (kept ones first, then new proposals by score) and the unmatched people
            with a reason each.
        """
        params = self._params(params, overrides)
        tell = progress or (lambda fraction, message: None)
        tell(0.02, "reading profiles")
        arrays, kept = pairing.matching_cohort(*self._cohort(params))
        def step(fraction: float, message: str) -> None:
            tell(0.1 + 0.7 * fraction, message)

        # The scored candidates are kept while profiles and scoring settings are unchanged:
        # a run after a few decisions only re-applies them.
        graph, known = self._cohorts.graph(
            arrays, params,
            lambda: match_stage.candidate_graph(arrays.cohort, params,
                                                lambda f, m: step(0.7 * f, m)))
        new = match_stage.solve(arrays.cohort, params, [(p.mentor, p.mentee) for p in kept],
                                progress=step, graph=graph)
        tell(0.85, f"writing {len(new) + len(kept)} pairs")
        suggestions = pairing.run_suggestions(arrays, kept, new, params, known)
        self.store.replace_proposals([StoredPair.from_suggestion(s) for s in suggestions])
        tell(0.95, "explaining who is left")
        left = unmatched(arrays.people, arrays.cohort, pairing.paired_people(kept, new), params,
                         candidates=graph)
        tell(1.0, "done")
        return PairingResult(tuple(suggestions), tuple(left))

    def _rank_partners(self, person_id: str, k: int, as_mentee: bool) -> list[PairSuggestion]:
        self.person(person_id)
        return pairing.partner_suggestions(*self._cohort(self.params), person_id, k,
                                           as_mentee, self.params)

    def suggest_mentors(self, mentee_id: str, k: int = 5) -> list[PairSuggestion]:
        """The ``k`` best eligible mentors for a mentee, under the same rules and scores."""
        return self._rank_partners(mentee_id, k, as_mentee=True)

    def suggest_mentees(self, mentor_id: str, k: int = 5) -> list[PairSuggestion]:
        """The ``k`` best eligible mentees for a mentor, under the same rules and scores."""
        return self._rank_partners(mentor_id, k, as_mentee=False)

    def unmatched(self, language: str = "en") -> list[Unmatched]:
        """Everyone without a proposed, accepted or active pair now, and why (in ``language``)."""
        return pairing.unmatched_now(*self._cohort(self.params), self.params, language)

    # ------------------------------------------------------------------ one pair, reviewed
    def _two(self, mentor_id: str, mentee_id: str, params: match_stage.MatchParams
             ) -> tuple[CohortArrays, StoredPair | None]:
        """A cohort of just the two people, and their pair as stored (if it is)."""
        mentor, mentee = self.person(mentor_id), self.person(mentee_id)
        stored = self._stored_pair(mentor_id, mentee_id)
        two = pairing.cohort_of_two(mentor, mentee, self.segments(), self.encoder.encode,
                                    params, stored)
        return two, stored

    def explain_pair(self, mentor_id: str, mentee_id: str, language: str | None = None,
                     params: match_stage.MatchParams | None = None) -> PairSuggestion:
        """Any two people as a pair, scored now: score, parts, the sentences it rests on,
        reasons in ``language`` (the pair's own by default). Rules are not checked (see
        :meth:`rule_violations`)."""
        params = params or self.params
        two, stored = self._two(mentor_id, mentee_id, params)
        return pairing.scored_pair(two, params, stored, language)

    def pair_reasons(self, pair: StoredPair, language: str) -> tuple[str, ...]:
        """A stored pair's reasons worded in ``language``, from what was stored (no rescoring)."""
        return pair_reasons(self.person(pair.mentor_id), self.person(pair.mentee_id),
                            pair.quotes, pair.signals, language=language,
                            direction=self.params.direction)

    def rule_violations(self, mentor_id: str, mentee_id: str,
                        language: str = "en") -> tuple[str, ...]:
        """The hard rules that forbid ``mentor_id`` mentoring ``mentee_id`` (empty: allowed)."""
        two, _ = self._two(mentor_id, mentee_id, self.params)
        return match_stage.broken_rules(two.cohort, 0, 1, self.params, language)

    def add_pair(self, mentor_id: str, mentee_id: str, status: str = "accepted",
                 locked: bool = False) -> PairSuggestion:
        """Pair two people by hand, scored and explained like any pair.

        Raises:
            PairRuleError: a hard rule forbids it (the message names each one).
        """
        broken = self.rule_violations(mentor_id, mentee_id)
        if broken:
            raise PairRuleError(mentor_id, mentee_id, broken)
        pair = replace(self.explain_pair(mentor_id, mentee_id), status=status, locked=locked)
        self.store.set_pairs([StoredPair.from_suggestion(pair)])
        return pair

    # ------------------------------------------------------------------ topics for a pair
    def covered_topics(self, mentor_id: str, mentee_id: str, params: TopicParams | None = None,
                       language: str | None = None) -> list[CoveredTopic]:
        """Catalogue topics the pair's notes already discussed, with the covering session;
        titles in ``language`` (default: the pair's)."""
        lang = pair_language(self.person(mentor_id), self.person(mentee_id))
        return topic_stage.covered_for_pair(self.topics(), lang, self.notes(mentor_id, mentee_id),
                                            self.encoder.encode, params or TopicParams(),
                                            language)

    def suggest_topics(self, mentor_id: str, mentee_id: str, k: int = 5,
                       params: TopicParams | None = None,
                       language: str | None = None) -> list[TopicSuggestion]:
        """Next discussion topics for a pair, best first.

        Relevant to the mentee's wants, within the mentor's offers, never a topic the pair's
        notes already covered (see :meth:`covered_topics`), lower when close to one, varied
        (maximal marginal relevance), in the pair's shared language, and informed by how
        pairs with similar wants rated the topic in their sessions. Titles, reasons and
        starters are in ``language`` when given (a page's), else the pair's.
        """
        mentor, mentee = self.person(mentor_id), self.person(mentee_id)
        topics = self.topics()
        if not topics:
            return []
        return topic_stage.suggest_for_pair(
            topics, mentor, mentee, self._sentences(), self.notes(mentor_id, mentee_id),
            self.notes(), self.encoder.encode, lambda q, n: self.note_index().search(q, n), k,
            params or TopicParams(), language)

    # ------------------------------------------------------------------ themes and health
    def themes(self, params: ThemeParams | None = None) -> list[Theme]:
        """Themes of all session notes, labelled by their characteristic words.

        Each theme has its size, its notes per month, its nearest catalogue topic, and a flag
        when it is far from every topic (a candidate new topic for the catalogue).
        """
        notes = self.notes()
        if not notes:
            return []  # and the default catalogue is not written for nothing
        return programme_themes(notes, self.people(), self.topics(), self.encoder.encode,
                                params or ThemeParams())

    def health(self, as_of: dt.date | str | None = None, params: HealthParams | None = None,
               language: str = "en") -> ProgrammeHealth:
        """Health of every active or accepted pair (and any pair with notes), and of the
        programme: share of mentees' wants covered by at least one session, pairs at risk.

        Args:
            as_of: the day to judge from (default today).
            language: language of the at-risk reasons (``"en"`` or ``"fr"``).
        """
        return programme_health(self.notes(), self.store.pairs(), self._sentences(),
                                self.encoder.encode, judging_day(as_of),
                                params or HealthParams(), language)

