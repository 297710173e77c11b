"""Function words of every language the default embedder serves, in one table, and the
words that only say *that* someone wishes or point back to an earlier sentence.

The lists are written as each language writes its words (accents, other scripts); every
consumer compares *folded* words (:func:`~recommender.language.text.fold`: lower case, no
accents), so :func:`stop_words` folds them, once, on first use. Comparing folded text with
an unfolded list is how "très", "déjà" and "être" once counted as rare shared vocabulary.

Chinese, Japanese and Thai are written without spaces: :func:`~recommender.language.text.words`
reads a run of their characters as one word, so only the few function words that stand
alone between punctuation or spaces are listed for them.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from .text import fold, words

__all__ = ["ANAPHORA_WORDS", "DEFAULT_STOP_LANGUAGES", "OFFER_WORDS", "STOP_WORD_LANGUAGES",
           "WISH_WORDS",
           "content_words", "function_words", "stop_words"]

_WRITTEN: dict[str, str] = {
    "en": """
    a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers herself him himself his how i if in into is it its itself
    just me more most my myself no nor not now of off on once only or other our ours ourselves out
    over own same she should so some such than that the their theirs them themselves then there
    these they this those through to too under until up very was we were what when where which
    while who whom why will with would you your yours yourself yourselves also how i'm i've im ive
    """,
    "fr": """
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
    déjà toujours souvent vraiment beaucoup trop plutôt assez ainsi puis sinon
    """,
    "de": """
    aber als am an auch auf aus bei bin bis da damit dann das dass dem den der des die dies
    diese diesem diesen dieser dieses doch du durch ein eine einem einen einer eines er es
    für hat habe haben hier ich ihm ihn ihnen ihr ihre ihrem ihren im in ist ja jede jeden
    jeder kann kein keine mich mir mit muss nach nicht noch nun nur ob oder ohne schon sehr
    sein seine sich sie sind so über um und uns unser unsere unter vom von vor war waren was
    weil welche wenn wer wie wir wird wo zu zum zur etwas wirklich beim mal
    """,
    "es": """
    al algo algún alguna como con cual cuando de del desde donde el él ella ellas ellos en
    entre era es esa esas ese eso esos esta estas este esto estos fue ha han hay la las le les
    lo los más me mi mis muy ni no nos nosotros nuestra nuestro nuestros o os otra otro para
    pero poco por porque que qué quien se ser si sí sin sobre son su sus también te tiene todo
    tu tú un una uno unos usted y ya yo
    a mucho mucha muchos muchas cada soy estoy está están tan tanto unas
    """,
    "pt": """
    ao aos as às com da das de dela dele deles do dos e é ela elas ele eles em entre era essa
    esse esta está este eu foi há isso isto já lhe lhes mais mas me meu minha muito na nas não
    nem no nos nossa nosso num numa o os ou para pela pelas pelo pelos por qual quando que quem
    se sem ser seu sua suas tem também te você um uma umas uns ainda aí até
    a como onde sobre porque sou são estou estão seus meus minhas nossos nossas aquele aquela
    isso depois antes tão cada
    """,
    "it": """
    ad agli ai al alla alle allo anche che chi ci coi col come con cui da dal dalla dalle dei
    del della delle dello di e è ed era gli ha hanno ho il in io la le lei li lo loro lui ma me
    mi mia mio ne negli nei nel nella nelle noi non nostra nostro o per perché più quale quando
    quella quelle quello questa queste questi questo se si sono su sua suo sul sulla tra tu un
    una uno vi voi cosa
    a i molto molta molti tutto tutti tutte sempre già sto sta stato
    """,
    "nl": """
    aan al alles als bij dan dat de deze die dit doen dus een en er geen had heb hebben
    heeft het hier hij hoe hun ik in is je kan kunnen maar me meer met mij mijn moet na naar
    niet niets nog nu of om omdat ons ook op over te tegen toch toen tot u uit veel voor
    waren was wat we wel werd wie wij wordt zal ze zei zich zij zijn zo zonder zou
    """,
    "pl": """
    a aby bardzo bez bo by być był była było były czy dla do gdy gdzie i ich ile im
    jak jako jednak jego jej jest jestem już każdy kiedy kto która które który lub ma mam mi
    mnie może można mój na nad nam nas nie nich nim nią o od oraz po pod przez przy się są
    ta tak także tam te tego tej to tu tylko tym u w we więc wszystko z za że żeby
    """,
    "ru": """
    а без более бы был была были было быть в вам вас весь во вот все всё вы где да даже для
    до его ее её если есть ещё же за и из или им их к как когда кто ли либо между меня мне
    мой мы на над не нет ни них но о об однако он она они оно от очень по под при с со так
    также такой там те тем то того тоже только том ты у уже хотя чего чем что чтобы эта эти
    это этот я
    """,
    "tr": """
    acaba ancak bana bazı belki beni benim bir biri birkaç biz bizi bu buna bunu
    bunun çok çünkü da daha de defa diye en gibi hem hep her hiç için ile ise kadar ki mi
    mu mü ne neden nasıl o olan olarak oldu olduğu olmak ona onu onun sen sonra şey şu tüm ve
    veya ya yani
    """,
    "ar": """
    أن إن إلى على في من عن مع هذا هذه ذلك تلك التي الذي الذين هو هي هم نحن أنا أنت كان كانت
    يكون لم لن لا ما قد كل بعض أو ثم حتى بين عند لكن لأن إذا كما أي غير بعد قبل أيضا و ف ب ل
    """,
    "ko": """
    그 그리고 그러나 그런데 하지만 그래서 또는 및 또한 이 저 것 수 등 더 잘 안 못 때 중 위
    저는 제가 나는 내가 우리는 우리 저희 그것 이것 있다 있는 없는 하는 합니다 입니다
    """,
    "ja": """
    の に は を た が で て と し れ さ ある いる も する から な こと として い や など なっ
    ない この ため その あっ よう また もの という あり まで られ なる へ か だ これ によって
    """,
    "zh": """
    的 了 和 是 在 我 有 他 这 中 大 来 上 个 国 到 说 们 为 子 你 地 出 道 也 时 年 就 那 要
    下 以 生 会 自 着 去 之 过 家 学 对 可 她 里 后 小 么 心 多 天 而 能 好 都 然 没 日 于 起 还
    """,
    "th": """
    และ ที่ ของ ใน เป็น มี ได้ ไม่ ให้ การ จะ ว่า กับ แต่ นี้ ก็ หรือ ไป มา อยู่ คือ ผม ฉัน เรา
    """,
}
"""Function words as each language writes them (ISO 639-1 code -> words)."""

STOP_WORD_LANGUAGES: tuple[str, ...] = tuple(_WRITTEN)
"""The languages with a list: the 16 of the default embedder (Chinese counted once)."""


@functools.cache
def stop_words(*languages: str) -> frozenset[str]:
    """The folded function words of ``languages`` (every language with a list when none is
    named), to compare with folded words.

    Raises:
        ValueError: a language with no list.
    """
    unknown = [lang for lang in languages if lang not in _WRITTEN]
    if unknown:
        raise ValueError(f"no function words for {', '.join(unknown)}; languages with a "
                         f"list: {', '.join(STOP_WORD_LANGUAGES)}")
    return frozenset(fold(w) for lang in (languages or STOP_WORD_LANGUAGES)
                     for w in _WRITTEN[lang].split())


DEFAULT_STOP_LANGUAGES = ("en", "fr")
"""Whose function words a text too short to tell its language loses ("war for talent")."""


@functools.cache
def _languages_of() -> dict[str, tuple[str, ...]]:
    """Folded function word -> the languages that list it."""
    out: dict[str, list[str]] = {}
    for lang in STOP_WORD_LANGUAGES:
        for word in stop_words(lang):
            out.setdefault(word, []).append(lang)
    return {w: tuple(langs) for w, langs in out.items()}


def function_words(folded: Sequence[str]) -> frozenset[str]:
    """The function words to leave out of a text given as its folded words: those of the
    languages it is written in, told by the function words it uses (a language with at
    least two of them and at least half as many as the commonest); English and French
    for a text that shows no language so (a title, a list of tools). A word that is a
    function word only elsewhere stays: "war", "die", "hat" in English, "pod" in French.
    """
    hits: dict[str, int] = {}
    languages_of = _languages_of()
    for word in folded:
        for lang in languages_of.get(word, ()):
            hits[lang] = hits.get(lang, 0) + 1
    best = max(hits.values(), default=0)
    if best < 2:
        return stop_words(*DEFAULT_STOP_LANGUAGES)
    return stop_words(*sorted(lang for lang, n in hits.items() if n >= max(2, best / 2)))


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
the intent model), not *what* they wish: they carry no topic of their own. Folded."""

OFFER_WORDS = frozenset(
    """
    can could show help explain share teach know manage run use using lead happy glad
    peux pourrais sais montrer aider expliquer partager apprendre gere utilise connais
    puedo podria ayudar explicar mostrar compartir ensenar conozco uso
    posso poderia ajudar explicar mostrar compartilhar ensinar conheco uso
    kann konnte zeigen erklaren helfen teilen beibringen kenne nutze
    """.split()
)
"""Words that only say *that* someone offers (can, show, explain... in the five languages
of the programmes), not *what*: they carry no topic of their own. Folded."""

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
six languages of the intent model. Folded."""


def content_words(text: str) -> list[str]:
    """The words of ``text`` that can carry a topic: not a function word of its language
    (:func:`function_words`), not a wish word (:data:`WISH_WORDS`), more than two letters;
    folded."""
    folded = words(fold(text))
    stop = function_words(folded)
    return [w for w in folded if len(w) > 2 and w not in stop and w not in WISH_WORDS]
