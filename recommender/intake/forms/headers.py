"""What a form's header says about the field a column feeds."""

from __future__ import annotations

import difflib
import re

from ..cells import canonical_column
from ..validate import PEOPLE_ALIASES
from .mapping import FIELDS

__all__ = ["WATCHED", "header_scores", "header_words"]

WATCHED = frozenset({"id", "name", "email", "languages", "manager_id", "years_experience",
                      "role_preference", "capacity"})


# --------------------------------------------------------------------------- header rules
# (regex on the folded header words, field, weight). "_meta": form metadata to ignore;
# "_topics": subjects of interest, to offers for mentors, wants for mentees, else profile.
_RULES: tuple[tuple[str, str, float], ...] = (
    (r"\btimestamp\b|horodat|marca temporal|carimbo|\bstart time\b|\bcompletion time\b|"
     r"heure de debut|heure de fin|last modified|derniere modification|submitted at|"
     r"date de soumission|hora de inicio|hora de finalizacion|\btotal points\b|"
     r"\bquiz feedback\b", "_meta", 1.0),
    (r"\bemployee (id|number)\b|\bidentifiant\b|\bmatricule\b|\bstaff (id|number)\b|"
     r"numero d employe", "id", 0.95),
    (r"\bid\b", "id", 0.7),
    (r"\bfull name\b|nom et prenom|nom prenom|prenom et nom|nom complet|nombre completo|"
     r"nome completo|\byour name\b|votre nom|\bnombre y apellido", "name", 0.95),
    (r"\bfirst name\b|\blast name\b|\bsurname\b|\bprenom\b|nom de famille|\bapellidos?\b|"
     r"\bsobrenome\b|\bgiven name\b|\bfamily name\b", "name", 0.9),
    (r"\bname\b|\bnom\b|\bnome\b", "name", 0.75),
    (r"\bnombre\b(?! d)", "name", 0.6),
    (r"\be ?mail\b|\bcourriel\b|messagerie|\bcorreo\b|\bmail\b", "email", 0.95),
    (r"years? of (professional |work )?experience|annees d experience|nombre d annees|"
     r"anos de experiencia|\bseniority\b|\banciennete\b|\bcareer stage\b|"
     r"depuis combien|how long have you", "years_experience", 0.95),
    (r"\byears\b|\bannees\b|\bexperience level\b|niveau d experience|\bstatut\b|"
     r"academic (level|status|position)|current (position|status|stage)|"
     r"\bposicion actual\b|\bcargo atual\b", "years_experience", 0.65),
    (r"\bdepartment\b|\bdepartement\b|\bdepartamento\b|\bservice\b|\bdirection\b|"
     r"\bfaculty\b|\bfaculte\b|\bfacultad\b|\bteam\b|\bequipe\b|\baffiliation\b|"
     r"\binstitution\b|\buniversity\b|\buniversite\b|\buniversidad\b|\buniversidade\b|"
     r"\bcompany\b|\bentreprise\b|\bemployer\b|\bemployeur\b|\bempresa\b|\blab(oratory)?\b|"
     r"\blaboratoire\b", "department", 0.85),
    (r"\bjob title\b|\bposte\b|\bfonction\b|\bintitule\b|\boccupation\b|\bprofession\b|"
     r"\bmetier\b|\bcargo\b|\bpuesto\b|\bposition\b|\bjob\b", "role", 0.7),
    (r"\blocation\b|\bcity\b|\bville\b|\bcountry\b|\bpays\b|\bpais\b|\bciudad\b|\bcidade\b|"
     r"\bsite\b|\blieu\b|\blocalisation\b|based in|where are you based|ou etes vous|"
     r"\bregion\b", "location", 0.85),
    (r"\blanguages?\b|\blangues?\b|\bidiomas?\b|\blinguas?\b|\blenguas?\b|\bsprachen?\b",
     "languages", 0.95),
    (r"\bspeak\b|\bparlez\b|\bhablas?\b|\bfala\b", "languages", 0.7),
    (r"nationalit|citizenship|citoyennete|nacionalidad|country of (origin|birth)|"
     r"pays d origine|pays de naissance", "_nationality", 0.9),
    (r"about (you|yourself)|\bbio\b|\bbiography\b|\bprofile?\b|presentez vous|presentation|"
     r"\bparcours\b|\bbackground\b|describe yourself|decrivez vous|tell us|\bmotivation\b|"
     r"why do you want|pourquoi souhaitez|sobre (ti|voce|usted)", "profile", 0.8),
    (r"\boffer\b|\boffrir\b|\bapporter\b|\bshare\b|\bpartager\b|help (with|others|a mentee)|"
     r"\bexpertise\b|\bstrengths?\b|points forts|\bteach\b|\benseigner\b|\bofrecer\b|"
     r"\boferecer\b|\bcompartir\b|\bcompartilhar\b|can you bring|pouvez vous aider|"
     r"\bsavoir faire\b", "offers", 0.85),
    (r"\blearn\b|\bapprendre\b|\baprender\b|\bdevelop\b|\bdevelopper\b|\bdesarrollar\b|"
     r"\bdesenvolver\b|\bimprove\b|\bameliorer\b|\bmejorar\b|\bmelhorar\b|\bgoals?\b|"
     r"\bobjectifs?\b|\bobjetivos?\b|\bexpect|\battentes?\b|\bexpectativas?\b|\bhope\b|"
     r"\bneeds?\b|\bbesoins?\b|looking for|\bcherchez\b|\bwish|\bsouhaits?\b|\bwant\b|"
     r"\bprogresser\b|\bgrow\b", "wants", 0.85),
    (r"research (areas?|interests?|topics?|fields?)|fields? of (interest|research|study)|"
     r"areas? of (interest|research|expertise)|\btopics?\b|\bthemes?\b|\bthematiques?\b|"
     r"\bsujets?\b|domaines?|centres? d interet|\binterests?\b|areas? de (investigacion|"
     r"interes|pesquisa)|\btemas?\b|\bdisciplines?\b", "_topics", 0.8),
    (r"mentor or (a )?mentee|mentor ou mentore|role preference|preferred role|"
     r"would you like to be|souhaitez vous etre|participate as|participer en tant que|"
     r"\brole souhaite\b|participar como", "role_preference", 0.95),
    (r"how many mentees|combien de (mentores|personnes|binomes)|\bcapacity\b|\bcapacite\b|"
     r"number of mentees|max(imum)? (number of )?mentees|cuantos|quantos", "capacity", 0.95),
    (r"\bmanager\b|\bresponsable\b|\bsupervisor\b|\bsuperieur\b|\badvisor\b|\bn 1\b|"
     r"directeur de these|directrice de these|\bjefe\b|\bchefe\b|\bgestor\b",
     "manager_id", 0.8),
)


_COMPILED_RULES = tuple((re.compile(p), f, w) for p, f, w in _RULES)


# Form wordings seen in the wild (EN / FR), for fuzzy matching of whole headers.
_WORDINGS: dict[str, tuple[str, ...]] = {
    "_meta": ("Timestamp", "Horodateur", "Start time", "Completion time", "Heure de début",
              "Heure de fin", "Last modified time", "Heure de la dernière modification"),
    "name": ("Full name", "Name", "Nom et prénom", "Nom", "Your name", "Prénom Nom"),
    "email": ("Email Address", "Adresse e-mail", "Adresse de messagerie", "Email", "Courriel"),
    "years_experience": ("Years of experience", "Nombre d'années d'expérience",
                         "How many years of experience do you have?",
                         "What is your current position?", "Career stage", "Ancienneté"),
    "department": ("Department / Faculty", "Department", "Service / Direction", "Institution",
                   "Affiliation"),
    "role": ("Job title", "Poste occupé", "Intitulé de poste", "Current job"),
    "location": ("Country of residence", "City", "Ville", "Pays de résidence", "Site"),
    "languages": ("Which languages do you speak?", "Langues parlées",
                  "Languages spoken", "Quelles langues parlez-vous ?",
                  "In which languages can you do the mentoring?"),
    "profile": ("Tell us about yourself", "Présentez-vous en quelques lignes", "Short bio",
                "Why do you want to join the programme?"),
    "offers": ("What can you offer a mentee?", "What can you offer?",
               "Que pouvez-vous apporter ?", "Que pouvez-vous partager ?",
               "Areas where you can help"),
    "wants": ("What skills would you like to develop?", "Que souhaitez-vous apprendre ?",
              "What do you want to learn?", "Career goals", "What are your expectations?",
              "Quelles compétences souhaitez-vous développer ?"),
    "_topics": ("Research areas", "Fields of interest", "Domaines de recherche",
                "Thématiques qui vous intéressent"),
    "role_preference": ("Would you like to be a mentor or a mentee?",
                        "Souhaitez-vous être mentor ou mentoré ?"),
    "capacity": ("How many mentees can you take?", "Combien de mentorés pouvez-vous suivre ?"),
    "manager_id": ("Manager", "Responsable hiérarchique", "Your manager's email"),
}


def header_words(column: str) -> str:
    return canonical_column(column).replace("_", " ")


def header_scores(column: str) -> dict[str, tuple[float, str]]:
    """Score of each field (and _meta, _topics) for a header alone, with a reason."""
    text = header_words(column)
    scores: dict[str, tuple[float, str]] = {}

    def offer(name: str, score: float, reason: str) -> None:
        if score > scores.get(name, (0.0, ""))[0]:
            scores[name] = (score, reason)

    canonical = canonical_column(column)
    if canonical in FIELDS:
        offer(canonical, 1.0, "the header is the field's name")
    elif canonical in PEOPLE_ALIASES:
        offer(PEOPLE_ALIASES[canonical], 0.95, f"'{column}' is a known name of this field")
    hits: dict[str, list[tuple[float, str]]] = {}
    for regex, name, weight in _COMPILED_RULES:
        found = regex.search(text)
        if found:
            hits.setdefault(name, []).append((weight, found.group(0)))
    for name, matched in hits.items():
        matched.sort(reverse=True)
        score = min(1.0, matched[0][0] + 0.05 * (len(matched) - 1))
        words_found = ", ".join(f"'{w}'" for _, w in matched[:3])
        offer(name, score, f"the header mentions {words_found}")
    for name, wordings in _WORDINGS.items():
        for wording in wordings:
            ratio = difflib.SequenceMatcher(None, text, header_words(wording)).ratio()
            if ratio >= 0.8:
                offer(name, round(0.95 * ratio, 2), f"close to the form wording '{wording}' "
                      f"({ratio:.0%} alike)")
    return scores
