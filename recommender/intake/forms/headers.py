"""What a form's header says about the field a column feeds."""

from __future__ import annotations

import difflib
import re

from ..cells import canonical_column
from ..validate import PEOPLE_ALIASES
from .direction import read_direction
from .mapping import FIELDS

__all__ = ["WATCHED", "header_scores", "header_words", "question_text"]

WATCHED = frozenset({"id", "name", "email", "languages", "manager_id", "years_experience",
                      "role_preference", "capacity"})


# --------------------------------------------------------------------------- header rules
# (regex on the folded header words, field, weight). "_meta": form metadata to ignore;
# "_count": a count of things ("How many papers have you written?"), never a capacity or
# years. What a question asks of the person (offers, wants, profile, subjects to avoid,
# partner preferences, subjects with no direction) is read by .direction.
_RULES: tuple[tuple[str, str, float], ...] = (
    (r"\btimestamp\b|horodat|marca temporal|carimbo|\bstart time\b|\bcompletion time\b|"
     r"heure de debut|heure de fin|last modified|derniere modification|submitted at|"
     r"date de soumission|hora de inicio|hora de finalizacion|\btotal points\b|"
     r"\bquiz feedback\b|\b(network|response|respondent|submission) id\b|\bresponse type\b|"
     r"\b(start|stage|submit|end) date\b|\bsubmitted\b|\btags\b|zeitstempel|"
     r"\bstatus\b|\bstatut du dossier\b|\bestado\b|startzeit|fertigstellungszeit|"
     r"letzte anderung|ora di inizio|ora di completamento|ultima modifica|hora de conclusao|"
     r"ultima modificacao|ultima modificacion|begintijd|eindtijd|\bcollector id\b|"
     r"\bip address\b|\bsubmission (date|ip|id)\b|\bcustom data\b|\bdate created\b|"
     r"\bdate modified\b|\bsubmitted on\b", "_meta", 1.0),
    (r"^(number|nr|no|n|num|numero|n number|response number|row)$", "_meta", 0.85),
    (r"^(i agree|i consent|j accepte|acepto|concordo|ich stimme|ich bin einverstanden|"
     r"acconsento|autorizo)\b|\bconsent\w*|\bconsentement\b|\brgpd\b|\bgdpr\b|"
     r"\bdsgvo\b|\bdatenschutz\b|\bprotection des donnees\b|\bproteccion de datos\b",
     "_meta", 0.95),
    (r"\bemployee (id|number)\b|\bidentifiant\b|\bmatricule\b|\bstaff (id|number)\b|"
     r"numero d employe|\bstudent (id|number)\b|numero (de )?(cuenta|estudiante|empleado|"
     r"matricula|funcionario)|\bmatricula\b|personalnummer|mitarbeiter ?(nummer|id)|"
     r"matrikelnummer|\bnumero etudiant\b|\bmember(ship)? (no|number|id)\b|\bno de "
     r"(empleado|socio|matricula|colaborador)\b|\b(employee|staff|personnel) no\b|"
     r"\bnumero de (socio|colaborador)\b|\bnumero (de )?registro de personal\b|\bnrp\b|"
     r"\bmatricola\b|\bpersonnummer\b", "id", 0.95),
    (r"\bid\b", "id", 0.7),
    (r"\bfull name\b|nom et prenom|nom prenom|prenom et nom|nom complet|nombre completo|"
     r"nome completo|\byour name\b|votre nom|\bnombre y apellido", "name", 0.95),
    (r"\bfirst name\b|\blast name\b|\bsurname\b|\bprenom\b|nom de famille|\bapellidos?\b|"
     r"\bsobrenome\b|\bgiven name\b|\bfamily name\b|\bvorname\b|\bnachname\b|"
     r"\bfamilienname\b", "name", 0.9),
    (r"\bname\b|\bnom\b|\bnome\b|\bnombres?\b$|^nombres?\b", "name", 0.75),
    (r"como (voce )?se chama|como te llamas|comment vous appelez|comment t appelles|"
     r"wie heissen sie|wie heisst du|what should we call you|how should we call you|"
     r"\bcognome\b|\bnominativo\b", "name", 0.9),
    (r"\bnombre\b(?! d)", "name", 0.6),
    (r"\be ?mail\b|\bcourriel\b|messagerie|\bcorreo\b|\bmail\b", "email", 0.95),
    (r"years? of (professional |work )?experience|annees d experience|nombre d annees|"
     r"anos de experiencia|\bseniority\b|\banciennete\b|\bcareer stage\b|"
     r"depuis combien|how long have you|how many years|combien d annees|cuantos anos|"
     r"quantos anos|wie viele jahre|wie lange|berufserfahrung|\byears (at|in|with|of) |"
     r"\bannees (dans|chez|a|en)\b|\banos (en|na|no|de)\b|\bjahre (bei|im|in)\b|"
     r"\bdesde hace\b|\bha quanto tempo\b|\bhace cuanto\b|seit wie vielen jahren|seit wann|"
     r"cuanto tiempo llevas|cuantos anos llevas|quanto tempo (voce )?(esta|trabalha|tem)|"
     r"how long have you been|depuis quand|\byrs\b|years? qualified|qualified (since|for)|"
     r"\bantiguedad\b|\bantiguidade\b|\banzianita\b|da quanto tempo|quanti anni",
     "years_experience", 0.95),
    (r"karrierestufe|laufbahn(stufe)?|\bentgeltgruppe\b|\bbesoldungsgruppe\b|\bcareer "
     r"(level|stage)\b|etapa (de )?(tu |su )?carrera|stade (de )?(votre )?carriere|fase da "
     r"(sua )?carreira|\bgrupo profesional\b|\bescalao\b|\binquadramento\b|\blivello\b",
     "years_experience", 0.95),
    (r"annee de these|year of (your )?(phd|thesis|study|studies|program)|\bstudy year\b|"
     r"academic year|ano (de|do) (doutorado|mestrado|curso|tesis)|ano de (doctorado|carrera)|"
     r"\bsemest|studienjahr|\bniveau d etudes\b|\bnivel de estudios\b", "years_experience",
     0.85),
    (r"\byears\b|\bannees\b|\bexperience level\b|niveau d experience|\bstatut\b|"
     r"academic (level|status|position)|current (position|status|stage)|"
     r"\bposicion actual\b|\bcargo atual\b|\bnivel actual\b|\bnivel atual\b|"
     r"\bjahre\b|\banos\b|\berfahrung\b", "years_experience", 0.65),
    (r"\bdepartment\b|\bdepartement\b|\bdepartamento\b|\bservice\b|\bdirection\b|"
     r"\bfaculty\b|\bfaculte\b|\bfacultad\b|\bteam\b|\bequipe\b|\baffiliation\b|"
     r"\binstitution\b|\buniversity\b|\buniversite\b|\buniversidad\b|\buniversidade\b|"
     r"\bcompany\b|\bentreprise\b|\bemployer\b|\bemployeur\b|\bempresa\b|\blab(oratory)?\b|"
     r"\blaboratoire\b|business unit|\bdivision\b|\babteilung\b|\bbereich\b|"
     r"\bfachbereich\b|\binstitut\b|\bdiscipline\b|\bdisciplina\b|\bunidad\b|"
     r"\bunidade\b|^area$|\bbusiness area\b|\barea de (negocio|trabajo|atuacao)\b|"
     r"\bdireccion\b|\bdiretoria\b|\bteam\b|\bequipo\b|"
     r"\bequipa\b|\binstituicao\b|\binstitucion\b|\borganisation\b|\borganization\b|"
     r"\borganizacion\b|\bfakultat\b|\beinrichtung\b|\bsquad\b|\btribe\b|\btribo\b|"
     r"\bchapter\b|\bservicio\b|\bservico\b|\bgerencia\b|\bpole\b|\bufficio\b|"
     r"\bdipartimento\b|\bfacolta\b|\bdirezione\b|\bstruttura\b|organisationseinheit|"
     r"\borg\b|\borg unit\b|\bunidad organizativa\b|\bwork for\b|\btravaillez pour\b|"
     r"\btrabajas para\b|\btrabalha para\b|\barbeiten sie fur\b|\blavori per\b",
     "department", 0.85),
    (r"\bjob title\b|\bposte\b|\bfonction\b|\bintitule\b|\boccupation\b|\bprofession\b|"
     r"\bmetier\b|\bcargo\b|\bpuesto\b|\bposition\b|\bjob\b|\bfuncao\b|\bfuncion\b|"
     r"\bstelle\b|\btatigkeit\b|\bberuf\b|\bmansione\b|\bruolo\b|\bqualifica\b|"
     r"jobbezeichnung|stellenbezeichnung|berufsbezeichnung|\bcategoria profissional\b|"
     r"\bcategoria profesional\b|\bcategorie professionnelle\b", "role", 0.7),
    (r"\blocation\b|\bcity\b|\bville\b|\bcountry\b|\bpays\b|\bpais\b|\bciudad\b|\bcidade\b|"
     r"\bsite\b|\blieu\b|\blocalisation\b|based in|where are you based|ou etes vous|"
     r"\bregion\b|\boffice\b|\bbureau\b|\boficina\b|\bsede\b|\bcampus\b|\bstandort\b|"
     r"\bstadt\b|\bland\b|\bort\b|\bescritorio\b|\bunidade\b(?= de trabalho)|"
     r"\bwohnort\b|\bdienstort\b|\barbeitsort\b|^base$|\bbased\b|\bde onde\b|"
     r"\bdonde trabajas\b|\bou travaillez\b|\bsede di lavoro\b|\bcitta\b|\bpaese\b|"
     r"\blocalidade\b|\blocalidad\b|\bplanta\b", "location", 0.85),
    (r"time ?zone|fuseau horaire|zona horaria|fuso horario|zeitzone|fuso orario|"
     r"\b(utc|gmt) offset\b|huso horario", "utc_offset", 0.95),
    (r"\bville\b|\bcity\b|\bciudad\b|\bcidade\b|\bstadt\b|\bcitta\b|\bhub\b|"
     r"work out of|\btravaillez ou\b", "location", 0.9),
    (r"\blanguages?\b|\blangues?\b|\bidiomas?\b|\blinguas?\b|\blenguas?\b|\bsprachen?\b",
     "languages", 0.95),
    (r"\bspeak\b|\bparlez\b|\bhablas?\b|\bfala\b", "languages", 0.7),
    (r"nationalit|citizenship|citoyennete|nacionalidad|country of (origin|birth)|"
     r"pays d origine|pays de naissance", "_nationality", 0.9),
    (r"mentor or (a )?mentee|mentor ou mentore|role preference|preferred role|"
     r"would you like to be|souhaitez vous etre|participate as|participer en tant que|"
     r"\brole souhaite\b|participar como|sign(ing)? up as|inscri\w* (en tant que|comme)|"
     r"\bmentor\w*( \w+){0,6} (or|ou|o|oder) (\w+ ){0,4}(mentee|mentore|mentorad[oa]|"
     r"mentoread[oa]|be mentored|etre mentore|ser mentorad[oa]|both|les deux|ambos|beides|"
     r"executive|senior|dirigeant)|mentor mentee oder beides|mentor oder mentee",
     "role_preference", 0.95),
    (r"\b(how many|combien d[e']?|cuant[oa]s|quant[oa]s|wie viele|number of|nombre d[e']?|"
     r"numero de|max(imum)?( number of)?)( \w+){0,2} (mentees|people|persons|students|juniors|"
     r"seniors|leaders|executives|colleagues|peers|mentores|personnes|binomes|dirigeants|"
     r"etudiants|filleul(e)?s|collaborateurs|cadres|personas|estudiantes|aprendices|"
     r"mentoread[oa]s|mentorad[oa]s|pessoas|alunos|estudantes|personen|mitarbeitende|"
     r"kollegen|mentees|mentorias|mentorados|mentores)\b|\bcapacity\b|\bcapacite\b|"
     r"\bcapacidad\b|\bcapacidade\b|\bkapazitat\b|\bn (mentorias|mentees|mentorados|"
     r"mentores|filleuls)\b|\b(a la vez|at (a|one) time|en meme temps|ao mesmo tempo|"
     r"gleichzeitig)\b", "capacity", 0.95),
    (r"\b(how many|combien d[e']?|cuant[oa]s|quant[oa]s|wie viele|quant[ie]) \w+( \w+)? "
     r"(can|could|would|pouvez|pourriez|puedes|podrias|puede|podria|pode|poderia|konnen|"
     r"konnten|potresti|puoi|potrebbe|consegue|conseguiria|consigue|arrivez|schaffen) "
     r"(you |vous |usted |voce |sie |tu )?(take|accompany|"
     r"mentor|support|guide|follow|accompagner|suivre|encadrer|acompanar|tutorizar|acompanhar|"
     r"orientar|betreuen|begleiten|seguire|accompagnare)", "capacity", 0.95),
    (r"\bhow much time (can|could|do you|are you|would)|\b(hours?|time) (per|a|each) "
     r"(month|week)\b|\btime (can you|do you have|available|you can (give|spare|dedicate))|"
     r"\bavailable time\b|\bcombien de temps (pouvez|pourriez|consacr|dispon)|"
     r"\btemps disponible\b|\bdisponibilite\b|\b(heures?|temps) par (mois|semaine)\b|"
     r"\bcuanto tiempo (puedes|podrias|tienes|dedicar|disponible)|\btiempo disponible\b|"
     r"\bdisponibilidad\b|\bhoras (al|por|a la|ao|a) (mes|semana|mês)\b|\bquanto tempo "
     r"(pode|poderia|tem|dedicar|disponivel)|\btempo disponivel\b|\bdisponibilidade\b|"
     r"\bwie viel zeit\b|\bverfugbare zeit\b|\bstunden (pro|im) (monat|woche)\b|"
     r"\bquanto tempo (puoi|potresti)|\btempo (a )?disposizione\b|\bdisponibilita\b|"
     r"\bhow often|how frequently|\bfrequence\b|\bfrecuencia\b|\bfrequencia\b|"
     r"\bwie oft\b|\bfrequenza\b|\bogni quanto\b", "capacity", 0.85),
    (r"\b(how many|combien d[e']?|cuant[oa]s|quant[oa]s|wie viele|quante) (hours|heures|horas|"
     r"stunden|ore)\b|\b(horas|heures|hours|stunden|ore|hrs|h) (mes|mois|month|monat|mese|"
     r"semana|semaine|week|woche|settimana)\b|zeitbudget|time budget|budget temps|"
     r"\b(em|en) simultaneo\b|\bsimultanement\b|\bin parallel\b", "capacity", 0.95),
    (r"\b(how many|combien d[e']?|cuant[oa]s|quant[oa]s|wie viele|number of|nombre d[e']?)\b",
     "_count", 0.9),
    (r"\bmanager\b|\bresponsable\b|\bsupervisor\b|\bsuperieur\b|\badvisor\b|\bn 1\b|"
     r"directeur( \w+)? de these|directrice de these|\bjefe\b|\bchefe\b|\bgestor\b|"
     r"fuhrungskraft|vorgesetzte|\bbetreuer|thesis (supervisor|advisor)|director de tesis|"
     r"\borientador|\bencadrant|\blideranca\b|\bchefia\b|\blider\b|\bjefatura\b|"
     r"\bsuperior\b|\bresponsabile\b|\bline manager\b|\bchef\b|\bjefa\b",
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
    "role_preference": ("Would you like to be a mentor or a mentee?",
                        "Souhaitez-vous être mentor ou mentoré ?"),
    "capacity": ("How many mentees can you take?", "Combien de mentorés pouvez-vous suivre ?"),
    "manager_id": ("Manager", "Responsable hiérarchique", "Your manager's email"),
    "utc_offset": ("Time zone", "Fuseau horaire", "Zona horaria", "Fuso horário"),
}


# A bilingual form writes each question in every language, separated by " / " or " | ".
_TRANSLATIONS = re.compile(r"\s+[/|]\s+|\s*\n\s*")


def question_text(column: str, limit: int = 70) -> str:
    """A column's question as the form wrote it, to show a person: its first language's
    part (``"What language(s) do you speak? / ¿Qué idioma(s) hablas?"`` -> the English),
    cut at a word boundary past ``limit`` characters."""
    text = " ".join(str(column).split())
    first = _TRANSLATIONS.split(str(column).strip())[0].strip()
    if len(first) >= 8:  # not a split inside a short label ("N/A", "Nom / Name")
        text = " ".join(first.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def header_words(column: str) -> str:
    return canonical_column(column).replace("_", " ")


_SAYS = {"offer": "asks what the person answering can give",
         "want": "asks what the person answering wants to get",
         "self": "asks who the person answering is",
         "avoid": "asks for subjects to avoid",
         "partner": "asks for preferences about the partner",
         "topics": "names subjects"}
_DIRECTION_FIELDS = {"offer": "offers", "want": "wants", "self": "profile", "avoid": "_avoid",
                     "partner": "preferences", "topics": "_topics"}


def header_scores(column: str) -> dict[str, tuple[float, str]]:
    """Score of each field (and of ``_meta``, ``_count``, ``_avoid``, ``_partner``,
    ``_topics``) for a header alone, with a reason."""
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
    direction = read_direction(text)
    if direction is not None:
        offer(_DIRECTION_FIELDS[direction.kind], direction.confidence,
              f"the question {_SAYS[direction.kind]} ('{direction.words}')")
    for name, wordings in _WORDINGS.items():
        for wording in wordings:
            ratio = difflib.SequenceMatcher(None, text, header_words(wording)).ratio()
            if ratio >= 0.8:
                offer(name, round(0.95 * ratio, 2), f"close to the form wording '{wording}' "
                      f"({ratio:.0%} alike)")
    return scores
