"""Small text helpers shared by the stages: sentence splitting, language guess, stop words."""

from __future__ import annotations

import functools
import hashlib
import re
import sys
import unicodedata

__all__ = [
    "ANAPHORA_WORDS",
    "ENGLISH_STOP_WORDS",
    "FRENCH_STOP_WORDS",
    "OTHER_STOP_WORDS",
    "WISH_WORDS",
    "content_words",
    "detect_language",
    "fold",
    "split_sentences",
    "text_hash",
]

FRENCH_STOP_WORDS = frozenset(
    """
    a à afin ai aie aient aies ait alors as au aucun aucune aujourd aupres auquel aussi autre
    autres aux auxquelles auxquels avaient avais avait avant avec avez aviez avions avoir avons
    bien c ça car ce ceci cela celle celles celui cependant certain certaines certains ces cet
    cette ceux chaque chez ci comme comment d dans de des donc dont du elle elles en encore
    entre es est et étaient étais était étant été être eu eux fait faire fois font hors ici il
    ils j je jusqu l la là le les leur leurs lui m ma mais me même mêmes mes moi mon n ne ni nos
    notre nous on ont ou où par parce pas peu peut plus pour pourquoi qu quand que quel quelle
    quelles quels qui quoi s sa sans se ses si sien soi son sont sous suis sur t ta te tes toi
    ton tous tout toute toutes très tu un une vers via voici voilà vos votre vous y
    avoir faire être cest jai nest sest quil quils quon dun dune lors
    """.split()
)

ENGLISH_STOP_WORDS = frozenset(
    """
    a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers herself him himself his how i if in into is it its itself
    just me more most my myself no nor not now of off on once only or other our ours ourselves out
    over own same she should so some such than that the their theirs them themselves then there
    these they this those through to too under until up very was we were what when where which
    while who whom why will with would you your yours yourself yourselves also how i'm i've im ive
    """.split()
)

OTHER_STOP_WORDS = frozenset(
    """
    aber als am an auch auf aus bei bin bis da damit dann das dass dem den der des die dies
    diese diesem diesen dieser dieses doch du durch ein eine einem einen einer eines er es
    fur hat habe haben hier ich ihm ihn ihnen ihr ihre ihrem ihren im in ist ja jede jeden
    jeder kann kein keine mich mir mit muss nach nicht noch nun nur ob oder ohne schon sehr
    sein seine sich sie sind so uber um und uns unser unsere unter vom von vor war waren was
    weil welche wenn wer wie wir wird wo zu zum zur auch etwas wirklich beim mal
    al algo algun alguna como con cual cuando de del desde donde el ella ellas ellos en entre
    era es esa esas ese eso esos esta estas este esto estos fue ha han hay la las le les lo
    los mas me mi mis muy ni no nos nosotros nuestra nuestro nuestros o os otra otro para pero
    poco por porque que quien se ser si sin sobre son su sus tambien te tiene todo tu un una
    uno unos usted y ya yo
    ao aos as at com da das de dela dele deles do dos e ela elas ele eles em entre era essa
    esse esta este eu foi ha isso isto ja lhe lhes mais mas me meu minha muito na nas nao nem
    no nos nossa nosso num numa o os ou para pela pelas pelo pelos por qual quando que quem se
    sem ser seu sua suas tem tambem te voce um uma umas uns ainda ai
    ad agli ai al alla alle allo anche che chi ci coi col come con cui da dal dalla dalle dei
    del della delle dello di e ed era gli ha hanno ho il in io la le lei li lo loro lui ma me
    mi mia mio ne negli nei nel nella nelle noi non nostra nostro o per perche piu quale quando
    quella quelle quello questa queste questi questo se si sono su sua suo sul sulla tra tu un
    una uno vi voi cosa che
    """.split()
)
"""Function words of German, Spanish, Portuguese and Italian, lower-case and accent-free
(compare with :func:`fold` output): profiles in those languages get the same treatment of
rare words as French and English ones."""

WISH_WORDS = frozenset(
    """
    want wants wanted wanna would like love wish hope need needs keen curious eager learn
    understand know discover explore improve better get grip grips figure find out see
    veux voudrais voudrait souhaite souhaiterais aimerais aimerait aimer vouloir envie besoin
    apprendre comprendre savoir decouvrir saisir mieux trouver connaitre
    mochte mochten mochte will wurde gern gerne lernen verstehen wissen erfahren
    quero queria gostaria desejo desejaria preciso aprender entender perceber saber conhecer
    quiero queria gustaria deseo necesito comprender
    vorrei voglio desidero piacerebbe imparare capire sapere conoscere
    """.split()
)
"""Words that say *that* someone wishes (want, learn, understand... in the six languages of
the intent model), not *what* they wish: they carry no topic of their own."""

ANAPHORA_WORDS = frozenset(
    """
    they them their theirs it its this that these those there such
    ca cela ceci cet cette ces leur leurs eux ils elles celui celle ceux celles
    das dies diese dieser dieses es sie ihnen ihre ihren dafur damit daruber davon dazu dort
    isso isto aquilo eles elas deles delas lhes esse essa esses essas disso nisso
    eso esto ello ellos ellas aquello ahi alli
    cio questo questa questi queste quello quella quelli loro
    """.split()
)
"""Pronouns and demonstratives that point back to an earlier sentence ("I want to
understand what *they* expect", "*Das* möchte ich besser machen", "ce que *ça* vaut"), in the
six languages of the intent model, accent-free."""

_FR_MARKERS = frozenset(
    "le la les des une est et je j nous vous pour avec dans sur du au aux que qui pas mais "
    "ou leur sont être avoir comment veux voudrais souhaite aimerais".split()
)
_EN_MARKERS = frozenset(
    "the and is are i we you for with in on of to that this what how want would like "
    "learn my our their be have it".split()
)

_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+|\s+[•·▪-]\s+|^\s*[•·▪*-]\s+", re.MULTILINE)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
_APOSTROPHE = re.compile(r"['’]")


@functools.cache
def _combining() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Every combining mark NFKD decomposition may leave (accents, cedillas, diaereses...),
    as two classes: those of the basic plane, and the rest. Python matches a class of basic
    plane characters by a bitmap; one with any other character checks each of its ~900
    members in turn, 20x slower (it was most of the time spent reading a cohort's words).
    Built on first use, not at import."""
    marks = [chr(c) for c in range(0x300, sys.maxunicode + 1) if unicodedata.combining(chr(c))]
    return (re.compile("[" + "".join(m for m in marks if m <= "\uffff") + "]"),
            re.compile("[" + "".join(m for m in marks if m > "\uffff") + "]"))


def fold(text: str) -> str:
    """Lower-case ``text`` and strip its accents (``"Année"`` -> ``"annee"``)."""
    if text.isascii():  # most words: nothing to strip
        return text.lower()
    basic, other = _combining()
    folded = basic.sub("", unicodedata.normalize("NFKD", text.lower()))
    return other.sub("", folded) if folded and max(folded) > "\uffff" else folded


def text_hash(text: str) -> str:
    """A stable hash of ``text`` (SHA-256 hex), the key of the embedding cache."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def split_sentences(text: str, min_chars: int = 3) -> list[str]:
    """Split free text into sentences or bullet items, dropping empty fragments."""
    parts = (p.strip(" \t-•·▪*") for p in _SENTENCE_END.split(text or ""))
    return [p for p in parts if len(p) >= min_chars]


def words(text: str) -> list[str]:
    """Lower-case words of ``text`` (letters only; elisions like ``l'IA`` are split)."""
    out: list[str] = []
    for token in _WORD.findall(text.lower()):
        if "'" in token or "’" in token:
            out.extend(t for t in _APOSTROPHE.split(token) if t)
        else:
            out.append(token)
    return out


def detect_language(text: str, default: str = "en") -> str:
    """Guess ``"fr"`` or ``"en"`` from stop-word counts; ``default`` when undecided."""
    tokens = words(text)
    fr = sum(t in _FR_MARKERS for t in tokens) + sum(
        1 for ch in text if ch in "éèêàçùâîôû"
    )
    en = sum(t in _EN_MARKERS for t in tokens)
    if fr == en:
        return default
    return "fr" if fr > en else "en"


def content_words(text: str) -> list[str]:
    """The words of ``text`` that can carry a topic: not a function word (French, English,
    German, Spanish, Portuguese, Italian), not a wish word (:data:`WISH_WORDS`), more than
    two letters; accent-free and lower-case."""
    return [w for w in words(fold(text)) if len(w) > 2 and w not in _NOT_CONTENT]


_NOT_CONTENT = frozenset(fold(w) for w in (
    FRENCH_STOP_WORDS | ENGLISH_STOP_WORDS | OTHER_STOP_WORDS | WISH_WORDS))
