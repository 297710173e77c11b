"""Language names and codes: one table for every reader (people files, sign-up forms).

A language is written as its ISO 639-1 code (``fr``), its ISO 639-2 code (``fra``, ``fre``),
or its name in English, French, Spanish, Portuguese, German or Italian, or in the language
itself (``Inglés``, ``Anglais``, ``Englisch``, ``Deutsch``, ``русский``, ``中文``...).
:func:`language_code` reads one name; :func:`parse_languages` reads a whole answer
(``"Inglés; Français"``, ``"English and Spanish (native)"``, ``"fr en"``).
"""

from __future__ import annotations

import functools
import re

from .text import fold, words

__all__ = ["ISO_639_1", "LANGUAGE_NAMES", "is_filler", "language_code", "language_parts",
           "parse_languages", "part_languages"]

ISO_639_1 = frozenset("""
aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de
dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia
id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo
lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl
ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk
tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
""".split())
"""Every ISO 639-1 code: a code outside it is not a language."""

LANGUAGE_NAMES: dict[str, tuple[str, ...]] = {
    # code: ISO 639-2 codes, then names in EN, FR, ES, PT, DE, IT, then the language's own
    "en": ("eng", "english", "anglais", "inglés", "inglês", "englisch", "inglese"),
    "fr": ("fra", "fre", "french", "français", "francés", "francês", "französisch",
           "francese"),
    "es": ("spa", "spanish", "espagnol", "español", "castellano", "castillan", "espanhol",
           "castelhano", "spanisch", "spagnolo"),
    "pt": ("por", "portuguese", "portugais", "portugués", "português", "portugiesisch",
           "portoghese"),
    "de": ("deu", "ger", "german", "allemand", "alemán", "alemão", "deutsch", "tedesco"),
    "it": ("ita", "italian", "italien", "italiano", "italienisch"),
    "nl": ("nld", "dut", "dutch", "néerlandais", "hollandais", "holandés", "neerlandés",
           "holandês", "neerlandês", "niederländisch", "olandese", "nederlands", "flemish",
           "flamand", "vlaams"),
    "ar": ("ara", "arabic", "arabe", "árabe", "arabisch", "arabo", "العربية"),
    "zh": ("zho", "chi", "chinese", "chinois", "chino", "chinês", "chinesisch", "cinese",
           "mandarin", "mandarín", "mandarim", "cantonese", "cantonais", "中文", "汉语", "漢語",
           "普通话", "普通話"),
    "ja": ("jpn", "japanese", "japonais", "japonés", "japonês", "japanisch", "giapponese",
           "日本語"),
    "ko": ("kor", "korean", "coréen", "coreano", "koreanisch", "한국어"),
    "ru": ("rus", "russian", "russe", "ruso", "russo", "russisch", "русский"),
    "pl": ("pol", "polish", "polonais", "polaco", "polonês", "polnisch", "polacco", "polski"),
    "tr": ("tur", "turkish", "turc", "turco", "türkisch", "türkçe"),
    "th": ("tha", "thai", "thaï", "tailandés", "tailandês", "thailändisch", "tailandese",
           "ไทย"),
    "ca": ("cat", "catalan", "català", "catalán", "catalão", "katalanisch", "catalano"),
    "gl": ("glg", "galician", "galicien", "gallego", "galego", "galicisch"),
    "eu": ("eus", "baq", "basque", "euskara", "vasco", "baskisch"),
    "el": ("ell", "gre", "greek", "grec", "griego", "grego", "griechisch", "greco",
           "ελληνικά"),
    "ro": ("ron", "rum", "romanian", "roumain", "rumano", "romeno", "rumänisch", "română"),
    "sv": ("swe", "swedish", "suédois", "sueco", "schwedisch", "svedese", "svenska"),
    "uk": ("ukr", "ukrainian", "ukrainien", "ucraniano", "ukrainisch", "ucraino",
           "українська"),
    "he": ("heb", "hebrew", "hébreu", "hebreo", "hebraico", "hebräisch", "ebraico", "עברית"),
    "fa": ("fas", "per", "persian", "persan", "farsi", "persa", "persisch", "فارسی"),
    "hi": ("hin", "hindi", "हिन्दी"),
    "vi": ("vie", "vietnamese", "vietnamien", "vietnamita", "vietnamesisch", "tiếng việt"),
    "qu": ("que", "quechua"),
    "gn": ("grn", "guarani", "guaraní"),
    "no": ("nor", "nob", "norwegian", "norvégien", "noruego", "norueguês", "norwegisch",
           "norvegese", "norsk"),
    "da": ("dan", "danish", "danois", "danés", "dinamarquês", "dänisch", "danese", "dansk"),
    "fi": ("fin", "finnish", "finnois", "finlandés", "finlandês", "finnisch", "finlandese",
           "suomi"),
    "cs": ("ces", "cze", "czech", "tchèque", "checo", "tcheco", "tschechisch", "ceco",
           "čeština"),
    "hu": ("hun", "hungarian", "hongrois", "húngaro", "ungarisch", "ungherese", "magyar"),
    "id": ("ind", "indonesian", "indonésien", "indonesio", "indonésio", "indonesisch",
           "indonesiano", "bahasa indonesia"),
    "ms": ("msa", "may", "malay", "malais", "malayo", "malaio", "malaiisch", "malese",
           "bahasa melayu"),
    "sw": ("swa", "swahili", "kiswahili", "suaíli"),
    "bn": ("ben", "bengali", "bangla", "বাংলা"),
    "ur": ("urd", "urdu", "ourdou", "اردو"),
    "ta": ("tam", "tamil", "tamoul", "தமிழ்"),
    "tl": ("tgl", "fil", "tagalog", "filipino"),
    "hr": ("hrv", "croatian", "croate", "croata", "kroatisch", "hrvatski"),
    "sr": ("srp", "serbian", "serbe", "serbio", "sérvio", "serbisch", "serbo", "српски"),
    "bg": ("bul", "bulgarian", "bulgare", "búlgaro", "bulgarisch", "bulgaro", "български"),
    "sk": ("slk", "slo", "slovak", "slovaque", "eslovaco", "slowakisch", "slovacco",
           "slovenčina"),
}
"""Names of the languages met in sign-up forms (their two-letter codes are read too)."""

_WORD_CODES = frozenset({"no"})
"""Codes that are also a common answer ("No"): a language only where a cell is known to
name languages (``any_code``), never when a column is being recognised."""

# Words around a language name that say nothing more (levels, "native", "and"...).
_FILLERS = frozenset(
    "and et y e und ed or ou o native natif native_speaker maternelle langue language idioma "
    "lingua fluent courant fluido fluente basic basique basico intermediate "
    "intermediaire intermedio advanced avance avanzado avancado level niveau nivel good bon "
    "bonne bueno bom notions some un peu little speaker mother tongue c1 c2 b1 b2 a1 a2 "
    "brazilian bresilien brasileno brasileiro european british american mexican".split()
)
_SPLIT = re.compile(r"[,;/|\n&+]+|\s+(?:and|et|y|e|und|ed|or|ou|o)\s+", re.IGNORECASE)
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")


@functools.cache
def _by_name() -> dict[str, str]:
    """Folded name -> code (built on first use)."""
    return {fold(name): code for code, names in LANGUAGE_NAMES.items() for name in names}


def _is_code(token: str, any_code: bool) -> bool:
    if any_code:
        return token in ISO_639_1
    return token in LANGUAGE_NAMES and token not in _WORD_CODES


def language_code(name: str, any_code: bool = False) -> str | None:
    """The ISO 639-1 code of one language name or code (``"Inglés"``, ``"Anglais"``,
    ``"EN"``, ``"eng"`` -> ``"en"``); ``None`` when it names no language.

    Args:
        any_code: take any ISO 639-1 code (a cell known to hold languages); by default
            only the codes of the languages named here, and not ``"no"``.
    """
    key = " ".join(fold(name).split())
    if _is_code(key, any_code):
        return key
    return _by_name().get(key)


def language_parts(answer: str) -> list[str]:
    """An answer about languages cut into the parts that each name languages: split at
    ``, ; / | & +``, new lines and "and", "et", "y"...; words in brackets left out
    ("Spanish (native)")."""
    parts = (p.strip(" .:-–") for p in _SPLIT.split(_BRACKETS.sub(" ", answer or "")))
    return [p for p in parts if p]


def is_filler(part: str) -> bool:
    """Whether ``part`` only says something about a language (a level, "native", "and")."""
    return set(fold(part).split()) <= _FILLERS


def part_languages(part: str, any_code: bool = False) -> list[str]:
    """The codes one part of an answer names: the part as a whole when it is a code or a
    name (``"EN"``, ``"Português"``), else every name among its words ("Inglés avanzado",
    "French German"); a two-letter word inside a phrase is a code only when every word of
    the part is a code ("fr en"), never otherwise ("de" in "Inglés de nivel medio")."""
    code = language_code(part, any_code)
    if code:
        return [code]
    tokens = words(fold(part))
    if tokens and all(_is_code(t, any_code) for t in tokens):
        return list(dict.fromkeys(tokens))
    return list(dict.fromkeys(c for c in (_by_name().get(t) for t in tokens) if c))


def parse_languages(answer: str, any_code: bool = False) -> tuple[list[str], list[str]]:
    """The codes an answer names, in order, and its parts that name no language (a level or
    "native" alone is not unknown: :func:`is_filler`); ``any_code`` as for
    :func:`language_code`."""
    codes: list[str] = []
    unknown: list[str] = []
    for part in language_parts(answer):
        found = part_languages(part, any_code)
        if not found and not is_filler(part):
            unknown.append(part)
        codes.extend(c for c in found if c not in codes)
    return codes, unknown
