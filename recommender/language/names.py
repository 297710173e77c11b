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
from collections.abc import Mapping
from types import MappingProxyType

from .text import fold, words

__all__ = ["ISO_639_1", "LANGUAGE_NAMES", "is_filler", "language_code", "language_parts",
           "parse_languages", "part_languages", "read_part"]

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

# The English name of every other ISO 639-1 language (and some other names met in forms), so
# that any language someone speaks is read, not refused: "Punjabi", "Wolof", "Aymara".
_OTHER_NAMES: dict[str, tuple[str, ...]] = {
    "aa": ("afar",), "ab": ("abkhazian", "abkhaz"), "ae": ("avestan",),
    "af": ("afrikaans",), "ak": ("akan", "twi"), "am": ("amharic", "amharique", "amárico"),
    "an": ("aragonese", "aragonés"), "as": ("assamese",), "av": ("avaric", "avar"),
    "ay": ("aymara", "aimara"), "az": ("azerbaijani", "azeri", "azerbaïdjanais"),
    "ba": ("bashkir",), "be": ("belarusian", "biélorusse", "bielorruso"),
    "bi": ("bislama",), "bm": ("bambara",), "bo": ("tibetan", "tibétain"),
    "br": ("breton", "bretón", "brezhoneg"), "bs": ("bosnian", "bosniaque", "bosnio"),
    "ce": ("chechen",), "ch": ("chamorro",), "co": ("corsican", "corse", "corso"),
    "cr": ("cree",), "cu": ("church slavonic",), "cv": ("chuvash",),
    "cy": ("welsh", "gallois", "galés", "cymraeg"), "dv": ("divehi", "dhivehi", "maldivian"),
    "dz": ("dzongkha",), "ee": ("ewe",), "eo": ("esperanto", "espéranto"),
    "et": ("estonian", "estonien", "estonio", "eesti"), "ff": ("fulah", "fula", "peul",
                                                              "pulaar", "fulfulde"),
    "fj": ("fijian",), "fo": ("faroese", "féroïen"), "fy": ("western frisian", "frisian",
                                                          "frison"),
    "ga": ("irish", "irlandais", "irlandés", "gaeilge"), "gd": ("scottish gaelic", "gaelic",
                                                              "gaélique écossais"),
    "gu": ("gujarati", "goudjarati", "guyaratí"), "gv": ("manx",), "ha": ("hausa", "haoussa"),
    "ho": ("hiri motu",), "ht": ("haitian creole", "haitian", "créole haïtien", "kreyòl"),
    "hy": ("armenian", "arménien", "armenio"), "hz": ("herero",), "ia": ("interlingua",),
    "ie": ("interlingue",), "ig": ("igbo",), "ii": ("sichuan yi", "nuosu"),
    "ik": ("inupiaq",), "io": ("ido",), "is": ("icelandic", "islandais", "islandés"),
    "iu": ("inuktitut",), "jv": ("javanese", "javanais", "javanés"),
    "ka": ("georgian", "géorgien", "georgiano"), "kg": ("kongo", "kikongo"),
    "ki": ("kikuyu", "gikuyu"), "kj": ("kuanyama",), "kk": ("kazakh", "kazakh"),
    "kl": ("greenlandic", "kalaallisut"), "km": ("khmer", "cambodian"),
    "kn": ("kannada",), "kr": ("kanuri",), "ks": ("kashmiri",),
    "ku": ("kurdish", "kurde", "kurdo"), "kv": ("komi",), "kw": ("cornish",),
    "ky": ("kyrgyz", "kirghiz"), "la": ("latin", "latín", "latim"),
    "lb": ("luxembourgish", "luxembourgeois", "luxemburgués"), "lg": ("ganda", "luganda"),
    "li": ("limburgish",), "ln": ("lingala",), "lo": ("lao", "laotian"),
    "lt": ("lithuanian", "lituanien", "lituano"), "lu": ("luba katanga",),
    "lv": ("latvian", "letton", "letón"), "mg": ("malagasy", "malgache"),
    "mh": ("marshallese",), "mi": ("maori", "māori"), "mk": ("macedonian", "macédonien",
                                                           "macedonio"),
    "ml": ("malayalam",), "mn": ("mongolian", "mongol"), "mr": ("marathi",),
    "mt": ("maltese", "maltais", "maltés"), "my": ("burmese", "birman", "birmano"),
    "na": ("nauru", "nauruan"), "nb": ("norwegian bokmål", "bokmål", "bokmal"),
    "nd": ("north ndebele",), "ne": ("nepali", "népalais"), "ng": ("ndonga",),
    "nn": ("norwegian nynorsk", "nynorsk"), "nr": ("south ndebele",),
    "nv": ("navajo", "navaho"), "ny": ("chichewa", "nyanja", "chewa"),
    "oc": ("occitan", "occitano"), "oj": ("ojibwe", "ojibwa"), "om": ("oromo",),
    "or": ("odia", "oriya"), "os": ("ossetian",), "pa": ("punjabi", "panjabi", "pendjabi",
                                                        "penyabí"),
    "pi": ("pali",), "ps": ("pashto", "pachto", "pastún"), "rm": ("romansh", "romanche"),
    "rn": ("kirundi", "rundi"), "rw": ("kinyarwanda", "rwanda"), "sa": ("sanskrit",
                                                                      "sánscrito"),
    "sc": ("sardinian", "sarde", "sardo"), "sd": ("sindhi",), "se": ("northern sami", "sami"),
    "sg": ("sango",), "si": ("sinhala", "sinhalese", "cingalais"),
    "sl": ("slovenian", "slovene", "slovène", "esloveno", "slovenščina"),
    "sm": ("samoan",), "sn": ("shona",), "so": ("somali", "somalien"),
    "sq": ("albanian", "albanais", "albanés", "shqip"), "ss": ("swati", "swazi"),
    "st": ("sesotho", "southern sotho", "sotho"), "su": ("sundanese",),
    "te": ("telugu", "télougou"), "tg": ("tajik", "tadjik"), "ti": ("tigrinya", "tigrigna"),
    "tk": ("turkmen", "turkmène"), "tn": ("tswana", "setswana"), "to": ("tongan",),
    "ts": ("tsonga",), "tt": ("tatar",), "tw": ("twi",), "ty": ("tahitian", "tahitien"),
    "ug": ("uyghur", "uighur", "ouïghour"), "uz": ("uzbek", "ouzbek"), "ve": ("venda",),
    "vo": ("volapük", "volapuk"), "wa": ("walloon", "wallon"), "wo": ("wolof",),
    "xh": ("xhosa",), "yi": ("yiddish",), "yo": ("yoruba",), "za": ("zhuang",),
    "zu": ("zulu", "zoulou"), "eu": ("euskera", "euskara"), "ca": ("valencian", "valenciano",
                                                                  "valencià"),
    "gl": ("galego",), "cs": ("cesky",), "sv": ("svenska",),
}


_WORD_CODES = frozenset({"no"})
"""Codes that are also a common answer ("No"): a language only where a cell is known to
name languages (``any_code``), never when a column is being recognised."""

# Words around a language name that say nothing more (levels, "native", "and", "of"...).
# Some are also ISO codes ("de", "da", "la", "a"): see :func:`read_part`.
_FILLERS = frozenset(
    "and et y e und ed or ou o native natif native_speaker maternelle langue language idioma "
    "lingua fluent courant fluido fluente basic basique basico intermediate "
    "intermediaire intermedio advanced avance avanzado avancado level niveau nivel good bon "
    "bonne bueno bom notions some un peu little speaker mother tongue c1 c2 b1 b2 a1 a2 "
    "brazilian bresilien brasileno brasileiro european british american mexican "
    "medio media medium mittel gut fliessend muttersprache nativo nativa materna materno "
    "bilingue bilingual conversational professional working proficiency proficient "
    "elementary beginner debutant principiante iniciante anfanger grundkenntnisse "
    "spoken written oral ecrit parle hablado escrito falado very tres muy muito sehr "
    "fluently fluency bit of a the in de la le les el do da der die das du des d l "
    "lu read only seulement solo".split()
)
_SPLIT = re.compile(r"[,;/|\n&+]+|\s+(?:and|et|y|e|und|ed|or|ou|o)\s+", re.IGNORECASE)
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
# A locale tag: a language code, then a region or a script ("pt-BR", "zh_Hant", "es-419").
# Words of an answer: letters and digits ("B2"), a locale tag kept whole, elisions split.
_TOKEN = re.compile(r"[^\W_]+(?:[-_][^\W_]+)?", re.UNICODE)
_LOCALE_TAG = re.compile(r"^([a-z]{2,3})[-_](?:[a-z]{2}|\d{3}|[a-z]{4})$")


@functools.cache
def _by_name() -> Mapping[str, str]:
    """Folded name -> code (built on first use; read only: every caller shares it)."""
    tables = (_OTHER_NAMES, LANGUAGE_NAMES)  # the main table's names win
    return MappingProxyType({fold(name): code for table in tables
                             for code, names in table.items() for name in names})


def _is_code(token: str, any_code: bool) -> bool:
    if any_code:
        return token in ISO_639_1
    return token in LANGUAGE_NAMES and token not in _WORD_CODES


def language_code(name: str, any_code: bool = False) -> str | None:
    """The ISO 639-1 code of one language name, code or locale tag (``"Inglés"``,
    ``"Anglais"``, ``"EN"``, ``"eng"``, ``"en-GB"`` -> ``"en"``); ``None`` when it names no
    language.

    Args:
        any_code: take any ISO 639-1 code (a cell known to hold languages); by default
            only the codes of the languages named here, and not ``"no"``.
    """
    key = " ".join(fold(name).split())
    if _is_code(key, any_code):
        return key
    tag = _LOCALE_TAG.match(key)
    if tag:  # the region or script says nothing more about the language
        return language_code(tag.group(1), any_code=True)
    return _by_name().get(key)


def language_parts(answer: str) -> list[str]:
    """An answer about languages cut into the parts that each name languages: split at
    ``, ; / | & +``, new lines and "and", "et", "y"...; words in brackets left out
    ("Spanish (native)")."""
    parts = (p.strip(" .:-–") for p in _SPLIT.split(_BRACKETS.sub(" ", answer or "")))
    return [p for p in parts if p]


def is_filler(part: str) -> bool:
    """Whether ``part`` only says something about a language (a level, "native", "and")."""
    return set(words(fold(part))) <= _FILLERS


def read_part(part: str, any_code: bool = False) -> tuple[list[str], list[str]]:
    """The codes one part of an answer names, and its words that name no language and say
    nothing about one (``"English Klingon"`` -> ``(["en"], ["Klingon"])``).

    The part as a whole may be a code, a name or a locale tag (``"EN"``, ``"Português"``,
    ``"pt-BR"``); else each word is read: names and locale tags count; a code counts when
    every word of the part is a name or a code (``"fr en"``, ``"English fr"``) or when it
    is written in capitals (``"Anglais courant, FR"``), never otherwise (``"de"`` in
    ``"Inglés de nivel avanzado"``); levels and link words say nothing more (:data:`_FILLERS`).
    """
    code = language_code(part, any_code)
    if code:
        return [code], []
    names = _by_name()
    tokens = [t for t in _TOKEN.findall(part) if t]
    folded = [fold(t) for t in tokens]
    found: list[tuple[int, str]] = []
    codes: list[tuple[int, str, bool]] = []  # position, code, whether it may be a word
    unknown: list[str] = []
    fillers = 0
    skip = False
    for i, (token, key) in enumerate(zip(tokens, folded, strict=True)):
        if skip:
            skip = False
            continue
        pair = f"{key} {folded[i + 1]}" if i + 1 < len(folded) else ""
        tag = _LOCALE_TAG.match(key)
        if pair in names:  # "bahasa indonesia", "tiếng việt"
            found.append((i, names[pair]))
            skip = True
        elif key in names:
            found.append((i, names[key]))
        elif tag and _is_code(tag.group(1), True):
            found.append((i, tag.group(1)))
        elif _is_code(key, any_code):
            # "de", "la", "lu" are words too: a code there only in capitals ("DE")
            word = key in _FILLERS and not (token.isupper() and len(token) >= 2)
            codes.append((i, key, word))
        elif key in _FILLERS:
            fillers += 1
        else:
            unknown.append(token)
    if found:  # beside a name, a code that may be a word is that word
        codes = [c for c in codes if not c[2]]
        only_languages = not fillers and not unknown
        taken = found + [(i, c) for i, c, _ in codes if only_languages or tokens[i].isupper()]
    else:  # codes alone ("fr de") are codes, whatever else they could mean
        taken = [(i, c) for i, c, word in codes if not (word and (fillers or unknown))]
    ordered = [c for _, c in sorted(taken)]
    return list(dict.fromkeys(ordered)), unknown


def part_languages(part: str, any_code: bool = False) -> list[str]:
    """The codes one part of an answer names (:func:`read_part` without the unknown words)."""
    return read_part(part, any_code)[0]


def parse_languages(answer: str, any_code: bool = False) -> tuple[list[str], list[str]]:
    """The codes an answer names, in order, and what in it names no language: a part with
    no language, or the words beside a language that are neither a language nor a level
    ("Klingon" in "English Klingon"); ``any_code`` as for :func:`language_code`."""
    codes: list[str] = []
    unknown: list[str] = []
    for part in language_parts(answer):
        found, others = read_part(part, any_code)
        if not found:
            if not is_filler(part):
                unknown.append(part)
        else:
            unknown.extend(others)
        codes.extend(c for c in found if c not in codes)
    return codes, unknown
