"""Topics drawn from a cohort's own wishes and offers, for programmes the catalogue does not fit.

The steps, each a pure function over arrays so a test can feed known vectors:

1. :func:`cluster_sentences`: the cohort's want and offer sentences ``(n, d)`` grouped by
   average-linkage agglomerative clustering on cosine distance, cut at a distance threshold
   (no number of topics to guess; a wish nobody shares stays a topic of its own).
2. :func:`candidate_phrases` + :func:`key_phrases`: KeyBERT's recipe: the n-grams (1-3
   words, no function or wish word at either end) of a topic's sentences, embedded and ranked
   by closeness to the topic's centroid, a little lifted by how many sentences use them,
   and picked by maximal marginal relevance so the phrases differ; once per language the
   topic's sentences are written in.
3. :func:`topic_kind` + :data:`STARTERS`: conversation starters without a language model:
   templates per kind of topic (a tool or skill, a career step, writing and publishing,
   well-being, understanding a world) and language, filled with the topic's own phrase.

:func:`cohort_topics` puts them together into :class:`CohortTopic` records: a
:class:`~recommender.records.Topic` (id ``cohort-01``..., title and description per language,
starters) with the people whose wishes it gathers and those who offer it.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from ..language.stopwords import OFFER_WORDS, WISH_WORDS, function_words
from ..language.text import fold, shorten, words
from ..records import Person, Segment, Topic
from .coverage import COHORT_CATEGORY
from .params import CohortTopicParams
from .topics import mmr

__all__ = [
    "STARTERS",
    "CohortSentence",
    "CohortTopic",
    "candidate_phrases",
    "cluster_sentences",
    "cohort_sentences",
    "cohort_topics",
    "key_phrases",
    "merge_topics",
    "subject_words",
    "topic_kind",
]

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class CohortSentence:
    """A sentence of the cohort as topics are drawn from it.

    Attributes:
        person_id: who wrote it.
        kind: ``"want"`` or ``"offer"``.
        text: the sentence (the answer, without its form question).
        language: the language it is written in (ISO 639-1).
    """

    person_id: str
    kind: str
    text: str
    language: str


@dataclass(frozen=True)
class CohortTopic:
    """A topic drawn from the cohort: the topic itself and who it speaks for.

    Attributes:
        topic: the topic as a catalogue holds it (``category``
            :data:`~.coverage.COHORT_CATEGORY`).
        wishers: ids of the people whose wishes it gathers.
        offerers: ids of the people who offer it.
        wishes: its wish sentences as people wrote them, most central first.
        offers: its offer sentences, most central first.
    """

    topic: Topic
    wishers: tuple[str, ...]
    offerers: tuple[str, ...]
    wishes: tuple[str, ...]
    offers: tuple[str, ...] = ()


def cohort_sentences(people: Sequence[Person], segments: Sequence[Segment]
                     ) -> list[CohortSentence]:
    """The wishes of the people who may be mentored (a mentor's wants are what they expect of
    the programme, not topics for their mentee) and everyone's offers, each with the language
    it is written in (among the person's own languages when they gave some)."""
    from ..language.langid import detect_language

    by_id = {p.id: p for p in people}
    out = []
    for segment in segments:
        person = by_id.get(segment.person_id)
        if segment.kind not in ("want", "offer") or person is None:
            continue
        if segment.kind == "want" and person.role_preference == "mentor":
            continue
        spoken = person.languages or ("en", "fr")
        language = spoken[0] if len(spoken) == 1 else detect_language(
            segment.text, spoken, default=spoken[0])
        out.append(CohortSentence(person.id, segment.kind, segment.text, language))
    return out


def subject_words(text: str) -> str:
    """What a sentence is about, as its content words: no function words, no words that only
    say that one wishes or offers ("I would love to understand how interns choose a company"
    -> "interns choose company"); the sentence itself when nothing is left."""
    written = words(text)
    folded = [fold(w) for w in written]
    stop = function_words(folded) | WISH_WORDS | OFFER_WORDS
    kept = [w for w, key in zip(written, folded, strict=True) if key not in stop and len(key) > 2]
    return " ".join(kept) or text


def cluster_sentences(vectors: np.ndarray, threshold: float, max_direct: int = 2500,
                      seed: int = 0) -> np.ndarray:
    """Group unit vectors ``(n, d)`` by average-linkage clustering on cosine distance.

    Two groups merge while their mean cosine distance is below ``threshold``. Above
    ``max_direct`` sentences (the linkage holds ``n²/2`` distances), k-means first reduces
    them to ``max_direct`` small groups, which are then linked.

    Returns:
        ``(n,)`` labels ``0..k-1``, numbered by first appearance (stable for one input).
    """
    from scipy.cluster.hierarchy import fcluster, linkage

    n = len(vectors)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    if n == 1:
        return np.zeros(1, dtype=np.int64)
    points, members = vectors.astype(np.float64), np.arange(n)
    if n > max_direct:
        from sklearn.cluster import MiniBatchKMeans

        members = MiniBatchKMeans(max_direct, random_state=seed, n_init=1).fit_predict(points)
        points = np.stack([points[members == c].mean(axis=0) if (members == c).any()
                           else np.zeros(points.shape[1]) for c in range(max_direct)])
    tree = linkage(points, method="average", metric="cosine")
    groups = fcluster(tree, t=threshold, criterion="distance")[members]
    order: dict[int, int] = {}
    return np.array([order.setdefault(int(g), len(order)) for g in groups], dtype=np.int64)


_TOKEN = re.compile(r"[^\W_][\w'’+#.-]*[\w+#]|[^\W_]", re.UNICODE)
_ELISION = re.compile(r"^(?:[cdjlmnst]|qu)['’]", re.IGNORECASE)
# The only function words a phrase may hold inside it: those that link nouns ("impostor
# syndrome", "annotation de corpus", "Bewerbung für ein Stipendium"), not verbs or pronouns.
_LINKING = frozenset("""of for and on in with to de du des la le les et en pour sur avec a au
    aux del el los las y con para por da do das dos e com der die das den dem und fur mit von
    zum zur""".split())


def candidate_phrases(texts: Sequence[str], max_words: int = 3) -> Counter[str]:
    """The n-grams of ``texts`` (1 to ``max_words`` words, as written) that may name a topic:
    no function word, wish word ("learn", "apprendre") or offer word ("show") at either end,
    inside only words that link nouns ("of", "de", "für"), no number alone; elided articles
    dropped ("l'annotation" -> "annotation"); counted once per sentence, case folded for the
    count (the first spelling is kept)."""
    counts: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    for text in texts:
        tokens = [_ELISION.sub("", t) for t in _TOKEN.findall(text)]
        folded = [fold(t) for t in tokens]
        stop = function_words(folded) | WISH_WORDS | OFFER_WORDS
        seen: set[str] = set()
        for size in range(1, max_words + 1):
            for i in range(len(tokens) - size + 1):
                first, last = folded[i], folded[i + size - 1]
                if first in stop or last in stop or any(len(w) < 2 for w in (first, last)):
                    continue
                inner = folded[i + 1:i + size - 1]
                if any(w in stop and w not in _LINKING for w in inner) or \
                        any(w in WISH_WORDS or w in OFFER_WORDS for w in inner):
                    continue
                if all(w.isdigit() for w in folded[i:i + size]):
                    continue
                key = " ".join(folded[i:i + size])
                if key not in seen:
                    seen.add(key)
                    spelling.setdefault(key, " ".join(tokens[i:i + size]))
                    counts[spelling[key]] += 1
    return counts


def key_phrases(phrases: Sequence[str], phrase_vecs: np.ndarray, counts: Sequence[int],
                centroid: np.ndarray, k: int, diversity: float, support_weight: float,
                background: np.ndarray | None = None, background_weight: float = 0.0,
                everywhere: Sequence[int] | None = None, elsewhere_weight: float = 0.0
                ) -> list[int]:
    """KeyBERT-style choice of the ``k`` phrases that best name a group.

    Args:
        phrases: the candidates; ``phrase_vecs`` ``(p, d)`` their unit vectors.
        counts: ``(p,)`` how many of the group's sentences use each phrase.
        centroid: ``(d,)`` the group's unit mean vector.
        support_weight: lift per doubling of the sentences using a phrase (a phrase several
            people wrote names the group better than one person's aside).
        background: ``(d,)`` the whole cohort's unit mean vector; a phrase as close to it
            as to the group ("young people" in a programme about young people) names
            nothing in particular and loses ``background_weight`` per unit of closeness.
        everywhere: ``(p,)`` how many of the whole cohort's sentences use each phrase; a
            phrase written mostly in other groups loses up to ``elsewhere_weight`` (the
            class-based term frequency of BERTopic's c-TF-IDF, as a share).

    Returns:
        indices into ``phrases``, best first.
    """
    if not len(phrases):
        return []
    here = np.asarray(counts, dtype=float)
    score = phrase_vecs @ centroid + support_weight * np.log2(here)
    if background is not None:
        score = score - background_weight * (phrase_vecs @ background)
    if everywhere is not None:
        score = score - elsewhere_weight * (1 - here / np.maximum(everywhere, here))
    return mmr(score, phrase_vecs @ phrase_vecs.T, k, diversity)


# Kinds of topics and the words that tell them (folded, any of the five languages).
_KIND_WORDS: dict[str, frozenset[str]] = {
    "career": frozenset("""career careers job jobs apply applying application applications
        position positions phd doctorate internship internships interview interviews hiring
        promotion industry faculty postdoc grant grants fellowship scholarship
        carriere emploi emplois poste postes candidater candidature candidatures doctorat
        stage stages entretien entretiens bourse bourses recrutement
        carrera trabajo empleo puesto doctorado pasantia beca becas entrevista
        carreira emprego vaga doutorado estagio bolsa bolsas entrevista
        karriere stelle bewerbung promotion praktikum stipendium""".split()),
    "writing": frozenset("""write writing paper papers publish publishing publication
        publications article articles thesis reviewers rebuttal conference conferences
        ecrire rediger redaction publier publication article these relecteurs conference
        escribir redactar publicar publicacion articulo tesis revisores
        escrever redigir publicar publicacao artigo tese dissertacao revisores
        schreiben veroffentlichen artikel dissertation""".split()),
    "wellbeing": frozenset("""stress burnout balance wellbeing well-being impostor anxiety
        health sleep motivation confidence
        equilibre sante bien-etre epuisement imposteur anxiete confiance motivation
        equilibrio salud bienestar ansiedad confianza impostor
        saude bem-estar ansiedade confianca impostor
        gesundheit gleichgewicht selbstvertrauen""".split()),
    "tool": frozenset("""tool tools software app apps use using python excel chatgpt code
        coding programming platform platforms dashboard dashboards automation data
        outil outils logiciel utiliser application programmation tableau tableaux donnees
        herramienta herramientas usar programacion datos plataforma
        ferramenta ferramentas usar programacao dados plataforma
        werkzeug werkzeuge nutzen programmieren daten""".split()),
}
_KIND_ORDER = ("career", "writing", "wellbeing", "tool")

STARTERS: Mapping[str, Mapping[str, tuple[str, ...]]] = {
    "en": {
        "tool": ("How do you use {phrase} in a typical week?",
                 "What would you like to be able to do with {phrase} in three months?",
                 "Where do people usually get stuck with {phrase}?"),
        "career": ("Where do you stand today with {phrase}?",
                   "What did you learn about {phrase} that nobody told you at first?",
                   "What would be a good next step on {phrase} before we meet again?"),
        "writing": ("What are you writing now, and what is it for ({phrase})?",
                    "What is the one point a reader should keep from it?",
                    "Who could read a draft before it goes out?"),
        "wellbeing": ("What does a good week look like for you ({phrase})?",
                      "When was {phrase} hardest lately, and what helped?",
                      "What small change could you try before our next meeting?"),
        "understanding": ("What made you curious about {phrase}?",
                          "Can you tell me about a recent example of {phrase}?",
                          "What would you like to understand about {phrase} by the end "
                          "of the programme?"),
    },
    "fr": {
        "tool": ("Comment utilisez-vous {phrase} dans une semaine type ?",
                 "Que voudriez-vous savoir faire avec {phrase} dans trois mois ?",
                 "Où bloque-t-on le plus souvent avec {phrase} ?"),
        "career": ("Où en êtes-vous aujourd'hui sur « {phrase} » ?",
                   "Qu'avez-vous appris sur « {phrase} » que personne ne vous avait dit ?",
                   "Quelle prochaine étape sur « {phrase} » avant notre prochaine séance ?"),
        "writing": ("Qu'écrivez-vous en ce moment, et pour quoi (« {phrase} ») ?",
                    "Quelle est l'idée qu'un lecteur doit retenir ?",
                    "Qui pourrait relire un brouillon avant l'envoi ?"),
        "wellbeing": ("À quoi ressemble une bonne semaine pour vous (« {phrase} ») ?",
                      "Quand « {phrase} » a-t-il été le plus difficile, et qu'est-ce qui a aidé ?",
                      "Quel petit changement pourriez-vous essayer d'ici la prochaine séance ?"),
        "understanding": ("Qu'est-ce qui vous a rendu curieux de « {phrase} » ?",
                          "Pouvez-vous raconter un exemple récent de « {phrase} » ?",
                          "Que voudriez-vous avoir compris de « {phrase} » à la fin du "
                          "programme ?"),
    },
    "es": {
        "tool": ("¿Cómo usas {phrase} en una semana normal?",
                 "¿Qué te gustaría saber hacer con {phrase} en tres meses?",
                 "¿Dónde suele atascarse la gente con {phrase}?"),
        "career": ("¿Dónde estás hoy con «{phrase}»?",
                   "¿Qué aprendiste sobre «{phrase}» que nadie te contó al principio?",
                   "¿Cuál sería un buen próximo paso en «{phrase}» antes de la próxima reunión?"),
        "writing": ("¿Qué estás escribiendo ahora y para qué («{phrase}»)?",
                    "¿Qué idea debería quedarle al lector?",
                    "¿Quién podría leer un borrador antes de enviarlo?"),
        "wellbeing": ("¿Cómo es una buena semana para ti («{phrase}»)?",
                      "¿Cuándo fue más difícil «{phrase}» últimamente y qué ayudó?",
                      "¿Qué pequeño cambio podrías probar antes de la próxima reunión?"),
        "understanding": ("¿Qué te despertó la curiosidad por «{phrase}»?",
                          "¿Puedes contarme un ejemplo reciente de «{phrase}»?",
                          "¿Qué te gustaría entender de «{phrase}» al final del programa?"),
    },
    "pt": {
        "tool": ("Como você usa {phrase} numa semana normal?",
                 "O que você gostaria de saber fazer com {phrase} em três meses?",
                 "Onde as pessoas costumam travar com {phrase}?"),
        "career": ("Onde você está hoje com «{phrase}»?",
                   "O que você aprendeu sobre «{phrase}» que ninguém contou no começo?",
                   "Qual seria um bom próximo passo em «{phrase}» antes do próximo encontro?"),
        "writing": ("O que você está escrevendo agora, e para quê («{phrase}»)?",
                    "Qual ideia o leitor deve guardar?",
                    "Quem poderia ler um rascunho antes do envio?"),
        "wellbeing": ("Como é uma boa semana para você («{phrase}»)?",
                      "Quando «{phrase}» foi mais difícil, e o que ajudou?",
                      "Que pequena mudança você poderia testar antes do próximo encontro?"),
        "understanding": ("O que despertou sua curiosidade por «{phrase}»?",
                          "Pode contar um exemplo recente de «{phrase}»?",
                          "O que você gostaria de entender de «{phrase}» até o fim do "
                          "programa?"),
    },
    "de": {
        "tool": ("Wie nutzen Sie {phrase} in einer normalen Woche?",
                 "Was möchten Sie in drei Monaten mit {phrase} können?",
                 "Wo bleibt man bei {phrase} am häufigsten hängen?"),
        "career": ("Wo stehen Sie heute bei „{phrase}“?",
                   "Was haben Sie über „{phrase}“ gelernt, das Ihnen anfangs niemand sagte?",
                   "Was wäre ein guter nächster Schritt bei „{phrase}“ bis zum nächsten Treffen?"),
        "writing": ("Woran schreiben Sie gerade, und wofür („{phrase}“)?",
                    "Welchen Gedanken soll ein Leser mitnehmen?",
                    "Wer könnte einen Entwurf vor dem Absenden lesen?"),
        "wellbeing": ("Wie sieht eine gute Woche für Sie aus („{phrase}“)?",
                      "Wann war „{phrase}“ zuletzt am schwersten, und was hat geholfen?",
                      "Welche kleine Änderung könnten Sie bis zum nächsten Treffen ausprobieren?"),
        "understanding": ("Was hat Ihre Neugier auf „{phrase}“ geweckt?",
                          "Können Sie ein aktuelles Beispiel für „{phrase}“ erzählen?",
                          "Was möchten Sie am Ende des Programms über „{phrase}“ verstanden "
                          "haben?"),
    },
}
"""Conversation starters per language and kind of topic; ``{phrase}`` is the topic's own."""

_DESCRIPTION = {
    "en": "{phrases}. Wishes such as: \u201c{example}\u201d",
    "fr": "{phrases}. Des souhaits comme : « {example} »",
    "es": "{phrases}. Deseos como: «{example}»",
    "pt": "{phrases}. Desejos como: «{example}»",
    "de": "{phrases}. Wünsche wie: „{example}“",
}


_EXAMPLE_JOIN = " / "


def topic_kind(texts: Sequence[str]) -> str:
    """The kind of a topic from its sentences' words: the first of career, writing,
    well-being and tool that at least a third of them speak of, else ``"understanding"``."""
    if not texts:
        return "understanding"
    folded = [set(fold(w) for w in words(t)) for t in texts]
    for kind in _KIND_ORDER:
        if sum(bool(ws & _KIND_WORDS[kind]) for ws in folded) * 3 >= len(texts):
            return kind
    return "understanding"


def _unit(vector: np.ndarray) -> np.ndarray:
    return vector / max(float(np.linalg.norm(vector)), 1e-12)


def cohort_topics(sentences: Sequence[CohortSentence], vectors: np.ndarray,
                  encode: Callable[[Sequence[str]], np.ndarray], params: CohortTopicParams
                  ) -> list[CohortTopic]:
    """Topics from the cohort's sentences, the most wished for first.

    Args:
        sentences: the ``n`` want and offer sentences of the cohort.
        vectors: ``(n, d)`` their unit vectors.
        encode: texts ``(m,)`` -> unit vectors ``(m, d)``, for their subject words
            (:func:`subject_words`) and the candidate phrases.
        params: the clustering threshold, phrases per topic, diversity...

    Returns:
        one topic per group holding at least ``params.min_wishes`` wishes, ordered by how
        many people wish for it; groups of offers alone are no topic (nobody asked).
    """
    if not sentences:
        return []
    # A wish and an offer of one subject are phrased apart ("I want to learn..." / "I can
    # show..."): each sentence is read as itself and as its subject words, together.
    vectors = vectors + encode([subject_words(s.text) for s in sentences])
    vectors = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    # The same answer given by many (a ticked option of the form) is clustered once: repeated,
    # it would pull every group near it into one.
    keys = [fold(s.text).strip(" .;,!?") for s in sentences]
    first = {key: i for i, key in reversed(list(enumerate(keys)))}
    distinct = list(dict.fromkeys(keys))
    # An answer several people gave word for word is an option of the form: the programme
    # named that topic already, and it stays one (options of one form are alike in words).
    givers: dict[str, set[str]] = {}
    for key, sentence in zip(keys, sentences, strict=True):
        givers.setdefault(key, set()).add(sentence.person_id)
    options = [k for k in distinct if len(givers[k]) >= params.option_min_people]
    free = [k for k in distinct if len(givers[k]) < params.option_min_people]
    label_of = {key: i for i, key in enumerate(options)}
    if free:
        grouped = cluster_sentences(vectors[[first[k] for k in free]],
                                    params.distance_threshold, seed=params.seed)
        label_of.update({k: len(options) + int(g) for k, g in zip(free, grouped, strict=True)})
    labels = np.array([label_of[k] for k in keys], dtype=np.int64)
    groups = []
    for label in range(int(labels.max()) + 1):
        rows = [int(i) for i in np.flatnonzero(labels == label)]
        wishes = [i for i in rows if sentences[i].kind == "want"]
        if len(wishes) >= params.min_wishes:
            option = sentences[rows[0]].text.strip(" .;,") if label < len(options) else None
            groups.append((rows, wishes, option))
    groups.sort(key=lambda g: (-len({sentences[i].person_id for i in g[1]}), g[0][0]))
    groups = groups[:params.max_topics]

    # Every group's candidate phrases, embedded in one call.
    per_group: list[dict[str, Counter[str]]] = []
    all_phrases: dict[str, int] = {}
    for rows, _, _ in groups:
        by_language: dict[str, Counter[str]] = {}
        for lang in sorted({sentences[i].language for i in rows}):
            texts = [sentences[i].text for i in rows if sentences[i].language == lang]
            by_language[lang] = candidate_phrases(texts, params.max_words)
            for phrase in by_language[lang]:
                all_phrases.setdefault(phrase, len(all_phrases))
        per_group.append(by_language)
    phrase_list = list(all_phrases)
    phrase_vecs = encode(phrase_list) if phrase_list else np.zeros((0, vectors.shape[1]))

    background = _unit(vectors.mean(axis=0))
    everywhere = Counter({fold(p): n for p, n in candidate_phrases(
        [x.text for x in sentences], params.max_words).items()})
    out = []
    for number, ((rows, wishes, option), by_language) in enumerate(
            zip(groups, per_group, strict=True), start=1):
        if option is not None:  # named by the form, in the language most of its givers read
            spoken = Counter(sentences[i].language for i in rows).most_common(1)[0][0]
            by_language = {spoken: Counter({option: len(rows)})}
        centroid = _unit(vectors[rows].mean(axis=0))
        wish_centrality = vectors[wishes] @ centroid
        central = [wishes[int(j)] for j in np.argsort(-wish_centrality)]
        kind = topic_kind([sentences[i].text for i in rows])
        titles: dict[str, str] = {}
        descriptions: dict[str, str] = {}
        starters: dict[str, tuple[str, ...]] = {}
        for lang, counts in by_language.items():
            names = list(counts)
            if not names:
                continue
            if option is not None:
                picked = [option]
            else:
                index = [all_phrases[p] for p in names]
                chosen = key_phrases(names, phrase_vecs[index], [counts[p] for p in names],
                                     centroid, params.phrases, params.diversity,
                                     params.support_weight, background,
                                     params.background_weight,
                                     [everywhere[fold(p)] for p in names],
                                     params.elsewhere_weight)
                picked = [names[j] for j in chosen]
            title = picked[0][:1].upper() + picked[0][1:]
            titles[lang] = title
            examples = [sentences[i].text for i in central if sentences[i].language == lang]
            examples = (examples or [sentences[central[0]].text])[:params.examples]
            template = _DESCRIPTION.get(lang, _DESCRIPTION["en"])
            descriptions[lang] = template.format(
                phrases=", ".join([title, *picked[1:]]),
                example=_EXAMPLE_JOIN.join(shorten(e, 140) for e in examples))
            lines = STARTERS.get(lang, STARTERS["en"])[kind]
            starters[lang] = tuple(line.format(phrase=picked[0]) for line in lines)
        if not titles:
            continue
        topic = Topic(f"cohort-{number:02d}", titles, descriptions, COHORT_CATEGORY, starters)
        offered = [i for i in rows if sentences[i].kind == "offer"]
        offered.sort(key=lambda i: -float(vectors[i] @ centroid))
        out.append(CohortTopic(
            topic,
            tuple(dict.fromkeys(sentences[i].person_id for i in wishes)),
            tuple(dict.fromkeys(sentences[i].person_id for i in offered)),
            tuple(sentences[i].text for i in central),
            tuple(sentences[i].text for i in offered)))
    logger.info("%d topics from %d sentences", len(out), len(sentences))
    return out


def merge_topics(topics: Sequence[Topic], ids: Sequence[str], title: str | None = None
                 ) -> list[Topic]:
    """``topics`` with those of ``ids`` merged into the first of them: its id, the given
    ``title`` (else its own) in every language, descriptions and starters of all of them.

    Raises:
        ValueError: fewer than two ids, or an id not among ``topics``.
    """
    known = {t.id: t for t in topics}
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise ValueError(f"ids: unknown topic(s) {', '.join(unknown)}; "
                         f"expected some of {', '.join(known)}")
    if len(set(ids)) < 2:
        raise ValueError("ids: name at least two different topics to merge")
    parts = [known[i] for i in dict.fromkeys(ids)]
    first = parts[0]
    languages = list(dict.fromkeys(lang for t in parts for lang in t.title))
    titles = {lang: title or first.title.get(lang) or first.title[first.language_for(lang)]
              for lang in languages}
    descriptions = {lang: " ".join(t.description[lang] for t in parts if t.description.get(lang))
                    for lang in languages}
    starters = {lang: tuple(dict.fromkeys(s for t in parts for s in t.starters.get(lang, ())))
                for lang in languages}
    merged = Topic(first.id, titles, descriptions, first.category, starters)
    gone = set(ids) - {first.id}
    return [merged if t.id == first.id else t for t in topics if t.id not in gone]
