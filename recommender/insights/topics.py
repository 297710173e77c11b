"""Next discussion topics for a pair: relevant, within reach, not yet covered, varied.

For a pair (mentor = the junior, mentee = the senior) and a catalogue of ``T`` topics::

    relevance(t)  = best cosine between t and the mentee's want sentences
    capability(t) = best cosine between t and the mentor's offer (and background) sentences
    base(t)       = relevance_weight * relevance + capability_weight * capability
    score(t)      = base - novelty_weight * closeness to the covered topics
                    - overlap_weight * partial coverage by the pair's notes
                    + evidence_weight * evidence from pairs with similar wants

A topic is *covered* when one of the pair's note sentences (or two consecutive ones, read
together) has it as its nearest catalogue topic and is close enough, or stands out among the
catalogue for that sentence (a note that says it "in other words" is often only moderately
close to any topic text, but far closer to one than to the rest), or is very close to it;
covered topics are never suggested. The final list is chosen by maximal marginal relevance so
it is varied, then shown best score first; each card quotes the wish and strength it rests
on, with the words they share with that topic.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple

import numpy as np

from ..embedding.base import EncodeFn
from ..language.stopwords import OFFER_WORDS, WISH_WORDS, function_words
from ..language.text import fold, shorten, words
from ..profiles.context import PersonSentences
from ..profiles.speakers import pair_language
from ..records import (
    CoveredTopic,
    Person,
    SessionNote,
    Topic,
    TopicSuggestion,
)
from .coverage import (
    CoverageViews,
    covered_by_notes,
    covered_by_notes_matrix,
    covered_records,
    note_clauses,
    note_sentences,
    topic_views,
    view_similarity,
)
from .params import TopicParams

__all__ = [
    "Gathered",
    "PairTopics",
    "TopicScores",
    "covered_for_pair",
    "history_evidence",
    "lexical_similarity",
    "mean_direction",
    "mmr",
    "pair_history_evidence",
    "score_pair",
    "score_topics",
    "shared_words",
    "suggest_for_pair",
    "suggestion_records",
    "topic_reasons",
]

SHOWN_STARTERS = 3
"""Starters a suggestion shows (a catalogue may hold more: they help recognise the topic in
notes, see :func:`~.coverage.topic_views`)."""

SearchFn = Callable[[np.ndarray, int], tuple[np.ndarray, np.ndarray]]
"""``(queries (q, d), k) -> (scores, ids)``, both ``(q, k)``, id ``-1`` for none."""
_NO_SENTENCES = PersonSentences((), ())


class TopicScores(NamedTuple):
    """Per-topic arrays ``(T,)`` behind a suggestion.

    ``want_pos`` / ``offer_pos`` are the best matching want and offer sentence per topic,
    ``covered_by`` the note sentence covering the topic (-1 when not covered), ``closest``
    the most similar covered topic (-1 when none).
    """

    score: np.ndarray
    relevance: np.ndarray
    capability: np.ndarray
    evidence: np.ndarray
    want_pos: np.ndarray
    offer_pos: np.ndarray
    covered_by: np.ndarray
    closest: np.ndarray
    closeness: np.ndarray


def history_evidence(topic_vecs: np.ndarray, mentee_want: np.ndarray,
                     other_wants: np.ndarray, note_vecs: np.ndarray, note_pair: np.ndarray,
                     note_rating: np.ndarray, params: TopicParams) -> tuple[np.ndarray, np.ndarray]:
    """How pairs with similar wants fared with each topic.

    Args:
        topic_vecs: ``(T, d)``.
        mentee_want: ``(d,)`` mean want vector of this pair's mentee.
        other_wants: ``(P, d)`` mean want vectors of the other pairs' mentees.
        note_vecs: ``(N, d)`` the other pairs' notes; ``note_pair`` ``(N,)`` their pair index;
            ``note_rating`` ``(N,)`` ratings 1-5 (0 when missing).

    Returns:
        ``(evidence (T,) in [-1, 1], supporting notes count (T,))``: the mean of
        ``(rating - 3) / 2`` over notes of similar pairs that cover the topic.
    """
    t = len(topic_vecs)
    if len(note_vecs) == 0 or len(other_wants) == 0:
        return np.zeros(t), np.zeros(t, dtype=np.int64)
    pair_sim = other_wants @ mentee_want
    similar = pair_sim[note_pair] >= params.similar_pair_min
    covering = covered_by_notes_matrix(topic_vecs, note_vecs, params)  # (N, T)
    valid = covering & similar[:, None] & (note_rating > 0)[:, None]
    value = ((note_rating - 3.0) / 2.0)[:, None] * valid
    count = valid.sum(axis=0)
    return np.where(count > 0, value.sum(axis=0) / np.maximum(count, 1), 0.0), count


def lexical_similarity(queries: list[str], docs: list[str]) -> np.ndarray:
    """TF-IDF cosine of content words, ``(len(queries), len(docs))``.

    Words are folded (no case, no accents), the function words of the text's language
    dropped (:func:`~recommender.language.stopwords.function_words`), and cut to their first
    six letters, a crude stem that joins "recrutement"/"recruter".
    """
    from sklearn.feature_extraction.text import TfidfVectorizer

    def analyse(text: str) -> list[str]:
        folded = words(fold(text))
        stop = function_words(folded)
        return [w[:6] for w in folded if len(w) > 2 and w not in stop]

    if not queries or not docs:
        return np.zeros((len(queries), len(docs)))
    vectorizer = TfidfVectorizer(analyzer=analyse)
    matrix = vectorizer.fit_transform(list(docs) + list(queries))
    return (matrix[len(docs):] @ matrix[: len(docs)].T).toarray()


def score_topics(topic_vecs: np.ndarray, want_vecs: np.ndarray, want_weight: np.ndarray,
                 offer_vecs: np.ndarray, offer_weight: np.ndarray, note_vecs: np.ndarray,
                 evidence: np.ndarray | None, params: TopicParams,
                 want_lexical: np.ndarray | None = None,
                 offer_lexical: np.ndarray | None = None,
                 views: CoverageViews | None = None,
                 want_member: np.ndarray | None = None,
                 offer_member: np.ndarray | None = None) -> TopicScores:
    """Score every topic for one pair.

    Args:
        topic_vecs: ``(T, d)`` catalogue in the pair's language.
        want_vecs: ``(Sw, d)`` mentee want sentences, ``want_weight`` ``(Sw,)``.
        offer_vecs: ``(So, d)`` mentor offer sentences, ``offer_weight`` ``(So,)``.
        note_vecs: ``(N, d)`` sentences of the pair's notes.
        evidence: ``(T,)`` from :func:`history_evidence`, or ``None``.
        want_lexical / offer_lexical: ``(Sw, T)`` / ``(So, T)`` from
            :func:`lexical_similarity`, or ``None``.
        views: the topics' other texts and the notes' clauses that coverage compares too
            (:class:`~.coverage.CoverageViews`); ``None``: ``topic_vecs`` and sentences alone.
        want_member / offer_member: ``(T, Sw)`` / ``(T, So)``, how fully a topic drawn from
            the cohort answers a sentence it gathers (0: it does not gather it), in place of
            their similarity.
    """
    n_topics = len(topic_vecs)

    def best(vecs: np.ndarray, weight: np.ndarray, lexical: np.ndarray | None,
             member: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
        if len(vecs) == 0:
            return np.zeros(n_topics), np.full(n_topics, -1, dtype=np.int64)
        sims = topic_vecs @ vecs.T
        if lexical is not None:
            sims = sims + params.lexical_weight * lexical.T
        if member is not None:
            sims = np.where(member > 0, member, sims)
        sims = sims * weight[None, :]
        return sims.max(axis=1), sims.argmax(axis=1)

    relevance, want_pos = best(want_vecs, want_weight, want_lexical, want_member)
    capability, offer_pos = best(offer_vecs, offer_weight, offer_lexical, offer_member)
    base = params.relevance_weight * relevance + params.capability_weight * capability
    # The topics this pair would be offered, which its notes most likely went through.
    candidates = np.argsort(-base, kind="stable")
    if views is None:
        covered_by = covered_by_notes(topic_vecs, note_vecs, params, candidates=candidates)
    else:
        covered_by = covered_by_notes(views.view_vecs, note_vecs, params, views.view_topic,
                                      n_topics, views.clause_vecs, views.clause_sentence,
                                      candidates)
    covered = covered_by >= 0
    if want_member is not None and covered.any() and want_member.shape[1]:
        # A wish the notes went through is covered: so is every topic drawn from the cohort
        # that rests on it (the same wish, gathered elsewhere with other people's).
        gathered = np.asarray(want_member[covered] > 0)
        done = np.asarray(gathered.any(axis=0))  # (Sw,)
        carrier = np.where(done, covered_by[covered][gathered.argmax(axis=0)], -1)
        also = ~covered & (want_pos >= 0) & done[np.maximum(want_pos, 0)]
        covered_by = np.where(also, carrier[np.maximum(want_pos, 0)], covered_by)
        covered = covered_by >= 0
    topic_sims = topic_vecs @ topic_vecs.T
    closest = np.full(n_topics, -1, dtype=np.int64)
    closeness = np.zeros(n_topics)
    if covered.any():
        masked = np.where(covered[None, :], topic_sims, -np.inf)
        np.fill_diagonal(masked, -np.inf)
        closest = masked.argmax(axis=1)
        closeness = np.where(np.isfinite(masked.max(axis=1)), masked.max(axis=1), 0.0)
        closest[~np.isfinite(masked.max(axis=1))] = -1
    overlap = (note_vecs @ topic_vecs.T).max(axis=0) if len(note_vecs) else np.zeros(n_topics)
    if views is not None and len(note_vecs):
        overlap = view_similarity(note_vecs, views.view_vecs, views.view_topic,
                                  n_topics).max(axis=0)
    evidence = np.zeros(n_topics) if evidence is None else evidence
    score = (base
             - params.novelty_weight * np.maximum(closeness, 0)
             - params.overlap_weight * np.maximum(overlap, 0)
             # Evidence only lifts topics that are relevant to this mentee in the first place.
             + params.evidence_weight * evidence
             * np.clip(relevance / max(float(relevance.max()), 1e-9), 0, 1))
    score = np.where(covered, -np.inf, score)
    return TopicScores(score, relevance, capability, evidence, want_pos, offer_pos, covered_by,
                       closest, closeness)


def mmr(scores: np.ndarray, similarity: np.ndarray, k: int, diversity: float) -> list[int]:
    """Maximal marginal relevance: pick ``k`` items, trading score against redundancy.

    Args:
        scores: ``(T,)`` relevance; ``-inf`` marks items that may not be picked.
        similarity: ``(T, T)`` similarity between items.
        diversity: 0 ranks by score only; 1 by novelty only.

    Returns:
        indices of the chosen items, in order of choice.
    """
    candidates = [i for i in np.argsort(-scores) if np.isfinite(scores[i])]
    chosen: list[int] = []
    while candidates and len(chosen) < k:
        if chosen:
            redundancy = similarity[np.ix_(candidates, chosen)].max(axis=1)
        else:
            redundancy = np.zeros(len(candidates))
        value = (1 - diversity) * scores[candidates] - diversity * redundancy
        pick = candidates[int(np.argmax(value))]
        chosen.append(int(pick))
        candidates.remove(pick)
    return chosen


def mean_direction(vectors: np.ndarray) -> np.ndarray:
    """The unit mean of ``(n, d)`` vectors (zeros when there are none)."""
    if not len(vectors):
        return np.zeros(vectors.shape[1] if vectors.ndim == 2 else 0, dtype=np.float32)
    mean = vectors.mean(axis=0)
    return mean / max(float(np.linalg.norm(mean)), 1e-12)


_CARD_PHRASES = {
    "en": {
        "want": '{mentee} wants: "{want}"',
        "offer": 'Within {mentor}\'s strengths: "{offer}"',
        "shared": "in common with this topic: {words}",
        "closest": 'close in meaning to "{title}", with no word in common',
        "closest_offer": 'close in meaning to "{title}", with no word in common',
    },
    "fr": {
        "want": "{mentee} souhaite : « {want} »",
        "offer": "Dans les forces de {mentor} : « {offer} »",
        "shared": "en commun avec ce sujet : {words}",
        "closest": "proche par le sens de « {title} », sans mot en commun",
        "closest_offer": "proche par le sens de « {title} », sans mot en commun",
    },
}


def shared_words(sentence: str, topic_text: str, limit: int = 4) -> list[str]:
    """Words of ``sentence`` that ``topic_text`` uses too (up to a plural or verb ending), as
    written in the sentence, in its order."""
    def stem(word: str) -> str:
        return re.sub(r"(ees|ee|es|er|s|x|e)$", "", fold(word))

    topic_words = words(fold(topic_text))
    # nor a word that only says one wishes ("aimerais"), which a topic's quoted wishes hold
    stop = function_words(topic_words) | function_words(words(fold(sentence))) | WISH_WORDS \
        | OFFER_WORDS
    topic_stems = {stem(w) for w in topic_words if len(w) > 1 and w not in stop}
    out: list[str] = []
    seen: set[str] = set()
    for match in re.finditer(r"[^\W\d_]+", sentence):
        word = match.group(0)
        key = stem(word)
        if len(word) < 2 or fold(word) in stop or key not in topic_stems or key in seen:
            continue
        seen.add(key)
        out.append(word.upper() if len(word) == 2 else word)
        if len(out) == limit:
            break
    return out


def _card_line(kind: str, language: str, names: dict[str, str], quote: str,
               topic_text: str, title: str) -> str:
    """The wish (or strength) a card rests on, and what ties it to this very topic."""
    p = _CARD_PHRASES.get(language, _CARD_PHRASES["en"])
    line = p[kind].format(**names, **{kind: shorten(quote)})
    common = shared_words(quote, topic_text)
    if common:
        tail = p["shared"].format(words=", ".join(common))
    else:
        tail = p["closest" if kind == "want" else "closest_offer"].format(**names, title=title)
    return f"{line} — {tail}"


def suggestion_records(topics: Sequence[Topic], language: str, mentor: Person, mentee: Person,
                       scores: TopicScores, chosen: Sequence[int], wants: Sequence[str],
                       offers: Sequence[str], note_dates: Sequence[str], owner: np.ndarray,
                       support: np.ndarray) -> list[TopicSuggestion]:
    """Records for the ``chosen`` topics, best score first, with reasons specific to each topic:
    the wish and the strength it rests on and the words they share with it (or how close they
    are), whether a covered topic is near, and evidence from other pairs.

    Args:
        wants / offers: the texts ``scores.want_pos`` / ``scores.offer_pos`` point into.
        note_dates: the date of each of the pair's notes; ``owner`` maps note sentences to them.
        support: ``(T,)`` how many sessions of other pairs back each topic's evidence.
    """
    covered_date = {i: note_dates[owner[c]] for i, c in enumerate(scores.covered_by) if c >= 0}
    names = {"mentor": mentor.name, "mentee": mentee.name}
    out = []
    # MMR chose a varied set; it is shown in the order of the score printed on each card.
    for i in sorted(chosen, key=lambda j: -float(scores.score[j])):
        near = int(scores.closest[i])
        near_is_close = near >= 0 and scores.closeness[i] >= 0.5
        topic = topics[i]
        title_lang = topic.language_for(language)
        topic_text = topic.text(title_lang)
        reasons: list[str] = []
        if len(wants):
            reasons.append(_card_line("want", language, names, wants[scores.want_pos[i]],
                                      topic_text, topic.title[title_lang]))
        if len(offers):
            reasons.append(_card_line("offer", language, names, offers[scores.offer_pos[i]],
                                      topic_text, topic.title[title_lang]))
        reasons += topic_reasons(
            language, mentor.name, mentee.name, want=None, offer=None,
            near_title=topics[near].title.get(title_lang) if near_is_close else None,
            near_date=covered_date.get(near) if near_is_close else None,
            evidence_count=int(support[i]), evidence=float(scores.evidence[i]),
        )
        out.append(TopicSuggestion(
            topic.id, topic.title[title_lang], round(float(scores.score[i]), 4), tuple(reasons),
            tuple(topic.starters.get(title_lang, ()))[:SHOWN_STARTERS], title_lang))
    return out


class Gathered(NamedTuple):
    """What a topic drawn from the cohort gathers: its wish and offer sentences, and the
    share of the cohort's wishers whose wishes it holds."""

    sentences: tuple[str, ...]
    share: float


class PairTopics(NamedTuple):
    """A pair's topics as scored: the scores and what the records quote.

    ``want_texts`` / ``offer_texts``: what ``scores.want_pos`` / ``scores.offer_pos`` point
    into; ``note_texts`` the pair's note sentences and ``owner`` ``(S,)`` the note of each;
    ``note_similarity`` ``(S, T)`` sentences x topics; ``support`` ``(T,)`` sessions of other
    pairs behind each topic's evidence; ``topic_vecs`` ``(T, d)``.
    """

    scores: TopicScores
    topic_vecs: np.ndarray
    want_texts: list[str]
    offer_texts: list[str]
    note_texts: list[str]
    owner: np.ndarray
    note_similarity: np.ndarray
    support: np.ndarray


def score_pair(topics: Sequence[Topic], mentor: Person, mentee: Person,
               sentences: Mapping[str, PersonSentences], pair_notes: Sequence[SessionNote],
               notes: Sequence[SessionNote], encode: EncodeFn, search_notes: SearchFn,
               params: TopicParams, members: Mapping[str, Gathered] | None = None,
               with_evidence: bool = True) -> PairTopics:
    """Every topic scored for a pair (:func:`score_topics`) over the mentee's wants, the
    mentor's offers, the pair's notes (read against every text of a topic, in every
    language, sentence by sentence and clause by clause) and other pairs' ratings.

    Args:
        topics: the catalogue (``T`` topics), read in the pair's language.
        sentences: everyone's wants and offers (:func:`~recommender.profiles.context.sentences_by_person`).
        pair_notes: the pair's notes, oldest first; ``notes`` every note of the programme.
        encode: texts ``(n,)`` -> unit vectors ``(n, d)``.
        search_notes: nearest notes (ids) to query vectors, e.g. the note index's search.
        members: by topic id, what a topic drawn from the cohort gathers (:class:`Gathered`):
            a wish of the mentee's it gathers answers it fully, the less so the more of the
            cohort wished it too (``params.commonness_weight``); notes are compared with its
            sentences too.
        with_evidence: read other pairs' ratings (what covered topics do not need).
    """
    language = pair_language(mentor, mentee)
    topic_texts = [t.text(language) for t in topics]
    topic_vecs = encode(topic_texts)
    wants = sentences.get(mentee.id, _NO_SENTENCES).wants
    offers = sentences.get(mentor.id, _NO_SENTENCES).offers
    want_texts, offer_texts = [s.text for s, _ in wants], [s.text for s, _ in offers]
    want_vecs = encode(want_texts)
    texts, owner = note_sentences(pair_notes)
    note_vecs = encode(texts)
    clauses, clause_sentence = note_clauses(texts)
    views, view_topic = topic_views(
        topics, extra={key: m.sentences for key, m in (members or {}).items()})
    view_vecs = encode(views)
    evidence, support = pair_history_evidence(
        topic_vecs, (mentor.id, mentee.id), want_vecs, notes, sentences, encode, search_notes,
        params) if with_evidence else (None, np.zeros(len(topics), dtype=np.int64))
    scores = score_topics(
        topic_vecs, want_vecs, np.array([w for _, w in wants]),
        encode(offer_texts), np.array([w for _, w in offers]),
        note_vecs, evidence, params,
        lexical_similarity(want_texts, topic_texts), lexical_similarity(offer_texts, topic_texts),
        CoverageViews(view_vecs, view_topic, encode(clauses).reshape(-1, topic_vecs.shape[1]),
                      clause_sentence),
        _membership(topics, members, want_texts, params.commonness_weight),
        _membership(topics, members, offer_texts, 0.0))
    return PairTopics(scores, topic_vecs, want_texts, offer_texts, texts, owner,
                      view_similarity(note_vecs, view_vecs, view_topic, len(topics)), support)


def _membership(topics: Sequence[Topic], members: Mapping[str, Gathered] | None,
                texts: Sequence[str], commonness_weight: float) -> np.ndarray | None:
    """``(T, len(texts))``: how fully each topic answers each of ``texts`` it gathers,
    ``1 - commonness_weight * share`` (a topic nearly everyone wished for tells little about
    this pair), 0 for a text it does not gather; ``None`` when no topic gathers any."""
    if not members:
        return None
    out = np.zeros((len(topics), len(texts)))
    for i, topic in enumerate(topics):
        gathered = members.get(topic.id)
        if gathered is not None:
            mine = set(gathered.sentences)
            value = 1.0 - commonness_weight * gathered.share
            out[i] = [value if text in mine else 0.0 for text in texts]
    return out


def suggest_for_pair(topics: Sequence[Topic], mentor: Person, mentee: Person,
                     sentences: Mapping[str, PersonSentences], pair_notes: Sequence[SessionNote],
                     notes: Sequence[SessionNote], encode: EncodeFn, search_notes: SearchFn,
                     k: int, params: TopicParams,
                     display_language: str | None = None,
                     members: Mapping[str, Gathered] | None = None
                     ) -> list[TopicSuggestion]:
    """The ``k`` next topics for a pair, best first: :func:`score_pair`, then :func:`mmr`
    for variety; titles, reasons and starters in ``display_language`` (default: the pair's).
    """
    scored = score_pair(topics, mentor, mentee, sentences, pair_notes, notes, encode,
                        search_notes, params, members)
    chosen = mmr(scored.scores.score, scored.topic_vecs @ scored.topic_vecs.T, k,
                 params.diversity)
    # Scored in the pair's language; titles, reasons and starters shown in the page's.
    return suggestion_records(topics, display_language or pair_language(mentor, mentee),
                              mentor, mentee, scored.scores, chosen, scored.want_texts,
                              scored.offer_texts, [n.date for n in pair_notes], scored.owner,
                              scored.support)


def covered_for_pair(topics: Sequence[Topic], mentor: Person, mentee: Person,
                     sentences: Mapping[str, PersonSentences], pair_notes: Sequence[SessionNote],
                     notes: Sequence[SessionNote], encode: EncodeFn, search_notes: SearchFn,
                     params: TopicParams, display_language: str | None = None,
                     members: Mapping[str, Gathered] | None = None
                     ) -> list[CoveredTopic]:
    """The topics a pair's notes already discussed, with the covering session: the same
    reading as :func:`suggest_for_pair` (so a topic shown as covered is never suggested and
    the reverse); titles in ``display_language`` (default: the pair's)."""
    if not pair_notes or not topics:
        return []
    scored = score_pair(topics, mentor, mentee, sentences, pair_notes, notes, encode,
                        search_notes, params, members, with_evidence=False)
    return covered_records(topics, display_language or pair_language(mentor, mentee),
                           pair_notes, scored.owner, scored.scores.covered_by,
                           scored.note_similarity)


def pair_history_evidence(topic_vecs: np.ndarray, pair: tuple[str, str], want_vecs: np.ndarray,
                          notes: Sequence[SessionNote], sentences: Mapping[str, PersonSentences],
                          encode: EncodeFn, search_notes: SearchFn, params: TopicParams
                          ) -> tuple[np.ndarray, np.ndarray]:
    """Ratings of other pairs' notes near each topic, weighted to pairs with similar wants.

    Args:
        topic_vecs: ``(T, d)``; ``want_vecs`` ``(W, d)`` the wants of the ``pair``'s mentee.
        pair: ``(mentor id, mentee id)``, whose own notes are left out.
        notes: every note of the programme; ``sentences`` everyone's wants.
        search_notes: narrows ``notes`` to the 20 nearest each topic (called only when other
            pairs have notes and the mentee has wants).

    Returns:
        ``(evidence (T,), supporting notes (T,))`` as :func:`history_evidence`.
    """
    nothing = np.zeros(len(topic_vecs)), np.zeros(len(topic_vecs), dtype=np.int64)
    others = [n for n in notes if (n.mentor_id, n.mentee_id) != pair]
    if not others or not len(want_vecs):
        return nothing
    _, hits = search_notes(topic_vecs, 20)
    near_ids = {int(h) for h in hits.ravel() if h >= 0}
    candidates = [n for n in others if n.id in near_ids]
    if not candidates:
        return nothing
    pair_keys = sorted({(n.mentor_id, n.mentee_id) for n in candidates})
    pair_index = {key: i for i, key in enumerate(pair_keys)}
    their_wants = np.array([mean_direction(encode(
        [s.text for s, _ in sentences.get(mentee, _NO_SENTENCES).wants]
    ).reshape(-1, want_vecs.shape[1])) for _, mentee in pair_keys])
    return history_evidence(
        topic_vecs, mean_direction(want_vecs), their_wants,
        encode([n.text for n in candidates]),
        np.array([pair_index[(n.mentor_id, n.mentee_id)] for n in candidates]),
        np.array([n.rating or 0 for n in candidates], dtype=float), params)


_TOPIC_PHRASES = {
    "en": {
        "want": '{mentee} wants: "{want}"',
        "offer": 'Within {mentor}\'s strengths: "{offer}"',
        "new": "Not covered in your sessions yet",
        "near": 'Close to "{title}", already covered on {date}: ranked lower',
        "evidence_good": "Pairs with similar wishes found it useful: {n} session(s), "
        "average rating {avg:.1f}/5",
        "evidence_bad": "Pairs with similar wishes rated it low: {n} session(s), "
        "average rating {avg:.1f}/5",
    },
    "fr": {
        "want": "{mentee} souhaite : « {want} »",
        "offer": "Dans les forces de {mentor} : « {offer} »",
        "new": "Pas encore abordé dans vos séances",
        "near": "Proche de « {title} », déjà abordé le {date} : classé plus bas",
        "evidence_good": "Des binômes aux souhaits proches l'ont trouvé utile : {n} séance(s), "
        "note moyenne {avg:.1f}/5",
        "evidence_bad": "Des binômes aux souhaits proches l'ont peu apprécié : {n} séance(s), "
        "note moyenne {avg:.1f}/5",
    },
}


def topic_reasons(
    language: str, mentor: str, mentee: str, *, want: str | None, offer: str | None,
    near_title: str | None, near_date: str | None, evidence_count: int, evidence: float,
) -> tuple[str, ...]:
    """Reasons for a topic suggestion, in ``language`` (English when unknown)."""
    p = _TOPIC_PHRASES.get(language, _TOPIC_PHRASES["en"])
    reasons = []
    if want:
        reasons.append(p["want"].format(mentee=mentee, want=shorten(want)))
    if offer:
        reasons.append(p["offer"].format(mentor=mentor, offer=shorten(offer)))
    if near_title and near_date:
        reasons.append(p["near"].format(title=near_title, date=near_date))
    else:
        reasons.append(p["new"])
    if evidence_count:
        avg = 3 + 2 * evidence
        key = "evidence_good" if evidence >= 0 else "evidence_bad"
        reasons.append(p[key].format(n=evidence_count, avg=avg))
    return tuple(reasons)
