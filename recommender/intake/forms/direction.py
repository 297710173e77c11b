"""Which way a form's question points: what the person answering can give, wants to get,
is, would rather avoid, or prefers in a partner.

A sign-up form's questions say "want" and "help" in both directions: a mentor's "What skills
do you want to help mentees to improve?" asks what the mentor *offers*; a mentee's "What are
the skills you are interested in being mentored in?" what the mentee *wants*; "Do you work in
a specific research field?" what the person *is*. :func:`read_direction` reads a question,
in English, French, Spanish, Portuguese or German (a bilingual header is read in all its
languages), for who is helped and who learns, in this order:

1. ``avoid``: subjects not to discuss ("Y a-t-il des sujets que vous ne souhaitez pas
   aborder ?"): a preference, never an offer or a wish;
2. ``partner``: preferences about the partner ("Do you have preferences for a mentee?");
3. ``want`` by receiving: being mentored, helped, accompanied ("How could a colleague help
   you?", "Sur quels points aimeriez-vous être accompagné ?");
4. ``offer`` by giving: helping, teaching, sharing, contributing, passing on, showing,
   mentoring others ("skills you want to help mentees improve", "Que souhaitez-vous
   transmettre ?");
5. ``want`` by learning: learn, improve, develop, understand, expect, goals;
6. ``offer`` by strength: what one is good at, comfortable with, an expert in;
7. ``self``: one's own field, work, background;
8. ``topics``: subjects with no direction (research areas, themes): the file's role decides
   (offers for mentors, wants for mentees).

Words are read folded (no case, no accents, punctuation as spaces): patterns are written so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["DIRECTIONS", "Direction", "read_direction"]

DIRECTIONS = ("avoid", "partner", "want", "offer", "self", "topics")

# Who the question is about when it is not the person answering.
_OTHERS = (r"(your |the |a |an |our |des |les |un |une |vos |los |las |unos |os |as |um |uma |"
           r"seus |die |den |einen |einer )?"
           r"(mentees?|mentored|mentors?|students?|juniors?|seniors?|others?|colleagues?|people|"
           r"someone|"
           r"leaders?|executives?|managers?|peers?|mentores|mentorees?|dirigeants?|collegues?|"
           r"autres|etudiants?|cadres?|estudiantes?|companeros?|otros|alunos?|colegas?|"
           r"mentorados?|outros|andere[nm]?|kollegen|kolleg(inn)?en|mitarbeitende[nr]?|"
           r"doutorand\w*|doctorand\w*|doktorand\w*|dottorand\w*|phd students?|"
           r"managers?|dirigenti|manager|promovierende\w*|studierende\w*|nachwuchs\w*)")
_YOU = (r"(you|yourself|vous|toi|te|ti|voce|usted|ihnen|dir|dich)")
_PARTNER = (r"(mentees?|mentors?|binomes?|partners?|partenaires?|pairs?|mentores?|"
            r"mentorad[oa]s?|companer[oa]s?|parceir[oa]s?|mentorees?|doutorand\w*|"
            r"doctorand\w*|doktorand\w*|dottorand\w*|students?|estudiantes|alunos|"
            r"mentorin|mentorinnen|tandem\w*)")

_RULES: tuple[tuple[str, str, float], ...] = (
    # 1. subjects to avoid: a negated "discuss", or "avoid"
    ("avoid", r"\b(not|rather not|don t|do not|n|ne|pas|no|nao|nicht|kein\w*)\b[\w ]{0,40}"
              r"\b(discuss\w*|talk\w*|address\w*|cover\w*|aborder|parler|evoquer|traiter|"
              r"tratar|hablar|abordar|falar|discutir|besprechen|sprechen|reden)\b", 0.95),
    ("avoid", r"\b(avoid|eviter|a eviter|evitar|vermeiden|off limits|tabous?|tabu|taboo|"
              r"sensitive topics|sujets sensibles|exclude|exclure|excluir|ausschliessen|"
              r"escludere|no tocar|nicht ansprechen)\b", 0.9),
    # 2. preferences about the partner
    ("partner", r"\b(preferences?|preferez|preferencias?|preferiria|bevorzug\w*|wunsche)"
                r"( \w+){0,2}? (for|pour|para|an|with|avec|con|com|mit|sur|regarding|about|"
                r"concernant|sobre|uber|per) (a |an |"
                r"the |your |un |une |votre |ton |tu |seu |sua |einen |eine |ihren |ihre )?"
                + _PARTNER + r"\b", 0.9),
    ("partner", r"\b(prefer|bevorzug|prefier|privilegi)\w*( \w+){0,2}? (a |an |the |des |"
                r"los |las |os |as )?" + _PARTNER
                + r" (from|who|with|in|de|que|qui|aus|die|der|with|del|da|do|dal)\b", 0.9),
    # "Minimum academic level of your mentees", "Nivel mínimo de tus mentorados"
    ("partner", r"\b(minimum|minimal|maximum|at least|au moins|minimo|minima|maximo|mindest\w*|"
                r"hochst\w*|minimale?|maximale?)\b( \w+){0,4} (of|for|de|pour|para|der|des|"
                r"do|da|dos|das|fur|ihrer|ihres)( \w+)? " + _PARTNER + r"\b", 0.95),
    ("partner", r"\b(ideal|preferred) (mentee|mentor|partner|match)\b|\b(mentee|mentor) "
                r"(should|must) (be|have)\b", 0.9),
    # "Préférez-vous un mentor travaillant...", "¿Prefieres que tu mentor sea...", never "Which
    # area do you prefer to mentor?" (a verb, no determiner)
    ("partner", r"\b(prefer|prefier|bevorzug|preferisc|prefere)\w*\b( \w+){0,8}? ((a|an|the|"
                r"your|un|une|votre|ton|tu|su|seu|sua|um|uma|einen|eine|ihren|ihre|il|lo|"
                r"la) (mentor\w*|mentee\w*|partner\w*|binome|pair|match|tandem\w*|"
                r"companer[oa]s?|colleague|manager)|abbinat\w*|alguien|alguem|quelqu un|"
                r"jemand\w*|par com)\b", 0.9),
    # 3. wanting by receiving help
    ("want", r"\b(be|being|get|getting|to be) (mentored|coached|helped|supported|accompanied|"
             r"guided|trained|advised)\b", 0.92),
    ("want", r"\b(want|like|hope|wish|need|expect)( \w+){0,2} (to )?(get|gain|receive|obtain)\b|"
             r"\bget from (a |an |the |your )?" + _PARTNER + r"\b|\b(like|need|appreciate|welcome|"
             r"want)( some| more| any)? (support|help|guidance|advice|feedback) (with|on|in|for|"
             r"about)\b", 0.9),
    ("want", r"\b(etre|d etre) (accompagne|mentore|aide|guide|coache|forme|conseille|epaule|"
             r"soutenu|appuye|suivi|encourage)e?s?\b", 0.92),
    ("want", r"\b(soll|sollen|kann|konnte|darf|wurde) (\w+ ){0,6}sie (\w+ ){0,2}(begleiten|"
             r"unterstutzen|beraten|betreuen|fordern)\b|"
             r"\b(ti|la) (possa|potrebbe) (aiutare|guidare|accompagnare)\b", 0.92),
    ("want", r"\bser (mentoread|acompanad|guiad|asesorad|orientad|mentorad|apoiad)[oa]s?\b",
     0.92),
    ("want", r"\b(begleitet|betreut|gecoacht|unterstutzt|beraten) (zu )?werden\b", 0.92),
    ("want", r"\b(help|helps|helping|assist|support|coach|guide|mentor|teach|show) " + _YOU
             + r"\b", 0.92),
    # "vous aider" after "pouvez-vous" is the person answering who helps: not here.
    ("want", r"(?<!pouvez )(?<!pourriez )(?<!voulez )(?<!souhaitez )(?<!aimeriez )"
             r"\bvous (aider|accompagner|guider|conseiller|former)\b|\b(ayudarte|ayudarle|"
             r"te (puede|pueda|podria|pode|possa|poderia) (ayudar|ajudar)|te ayude|te ajude|"
             r"ajudar voce|ajuda lo|ihnen (\w+ ){0,2}helfen|dir (\w+ ){0,2}helfen)\b", 0.92),
    # 4. offering by giving
    ("offer", r"\b(potresti|puoi|vorresti|potrebbe) (fare da (guida|mentore|tutor)|guidare|"
              r"aiutare|insegnare|accompagnare|trasmettere)\b|\b(insegnare|trasmettere|"
              r"condividere)\b|\b(einbringen|mitbringen|beisteuern)\b|\b(pode|poderia|"
              r"consegue) (apoiar|ajudar|orientar)\b|\b(can|could) (\w+ )?help (with|on)\b|"
              r"\b(peux|peut|pouvez|pourriez) (vous )?aider "
              r"(sur|pour|avec)\b|\b(puedes|puede|podrias|podria) ayudar (con|en)\b|\b(pode|"
              r"poderia) ajudar (com|em)\b|\bkann (\w+ )?helfen (bei|mit)\b|\bfaire "
              r"(decouvrir|connaitre)\b|\bpuoi aiutare\b|\bpotresti (insegnare|aiutare)\b",
     0.9),
    ("offer", r"\b(help|helping|assist|support|coach|guide|mentoring|teach|teaching|"
              r"train|advise|show|explain)\b( \w+){0,2} " + _OTHERS + r"\b", 0.92),
    ("offer", r"\b(aider|accompagner|guider|conseiller|former|montrer|expliquer|ayudar|"
              r"apoyar|guiar|orientar|ensenar|ajudar|apoiar|ensinar|helfen|unterstutzen|"
              r"beibringen|zeigen|erklaren|beraten|betreuen|begleiten)\b( \w+){0,2} "
              r"(a |aux |a un |a une )?" + _OTHERS + r"\b", 0.92),
    ("offer", r"\b(contribute|contributing|contribution|share|sharing|offer|offering|bring|"
              r"pass on|teach|teaching|give back|transmettre|transmission|partager|offrir|"
              r"apporter|enseigner|contribuer|compartir|ofrecer|aportar|contribuir|ensenar|"
              r"compartilhar|partilhar|oferecer|ensinar|contribuir|teilen|anbieten|"
              r"beitragen|weitergeben|vermitteln|beibringen)\b", 0.9),
    ("offer", r"\b(can|could|would like to|want to|prefer to|able to|willing to|consider)"
              r"( \w+)? (mentor|mentoring|coach|coaching|guide|guiding|advise|advising)\b|"
              r"\b(pouvez|pourriez|aimeriez|souhaitez|puedes|puede|podrias|podria|gustaria|"
              r"pode|poderia|gostaria de|konnen|mochten) (vous |usted )?(mentorer|accompagner|"
              r"encadrer|orienter|tutorer|mentorear|mentorizar|tutorizar|asesorar|orientar|"
              r"guiar|acompanar|mentorar|tutorar|acompanhar|betreuen|begleiten)\b", 0.9),
    ("offer", r"\b(pouvez vous|pourriez vous|puedes|podrias|pode|poderia|konnen sie|konntest"
              r"|could you|can you)\b( \w+){0,2} (aider|montrer|expliquer|ayudar|mostrar|"
              r"ajudar|helfen|zeigen|show|explain|help)\b", 0.88),
    # 5. wanting by learning
    ("want", r"\b(like|want|wish|hope|aimeriez|souhaitez|voudriez|gustaria|gostaria|"
             r"mochten|wurden) (to )?(\w+ )?(work on|travailler sur|trabajar en|trabalhar em|"
             r"arbeiten an)\b", 0.88),
    ("want", r"\b(learn|learning|improve|improving|develop|developing|grow|growing|understand|"
             r"expect|expectations?|goals?|objectives?|hope to (get|gain|learn|achieve)|"
             r"get out of|gain|achieve|need help|looking for|interested in learning|wish|"
             r"apprendre|comprendre|ameliorer|developper|progresser|attendez|attentes?|"
             r"objectifs?|besoins?|esperez|aprender|mejorar|desarrollar|entender|esperas|"
             r"expectativas?|objetivos?|necesitas|melhorar|desenvolver|espera|lernen|"
             r"verbessern|entwickeln|verstehen|erwarten|erwartungen|ziele|erhoff\w*|"
             r"llevarte|levar|mitnehmen|take away|emporter|explore|explorer|explorar|"
             r"erkunden|decouvrir|discover|descubrir|descobrir|kennenlernen|imparare|"
             r"migliorare|capire|aspettative|obiettivi|scoprire|ziel|portarti|portare a casa|"
             r"necesidad\w*|necessidade\w*|needs|bedarf|formation souhaitee)\b", 0.88),
    # 6. offering by strength
    ("offer", r"\b(comfortable (with|using)|good at|strengths?|expertise|expert in|skills you "
              r"have|your skills|a l aise|points forts|savoir faire|maitrisez|fortalezas|"
              r"dominas|pontos fortes|domina|starken|kenne (ich|mich) aus)\b", 0.85),
    # 7. one's own field, work, background
    ("self", r"\b(work (in|on)|working (in|on)|your (own )?(research )?(field|work|research|"
             r"background|thesis|project)|current (research|work|project)|field you work"
             r"|what do you (do|work on)|about (you|yourself)|bio|biography|background|"
             r"describe yourself|tell us about|votre domaine|votre parcours|votre these|porte "
             r"votre these|vos recherches|presentez vous|en que (area )?(investigas|trabajas)|"
             r"tu area|tu campo|investigas actualmente|seu campo|sua area|sua pesquisa|"
             r"ihr fachgebiet|ihre forschung|uber sie|parcours|presentation|motivation|"
             r"trajetoria|trayectoria|werdegang|lebenslauf|conte (um pouco )?sobre|"
             r"cuentanos (sobre|de)|sobre (voce|ti|usted|si mism[oa]|ella|el)|erzahlen sie "
             r"(uns )?(von|uber) sich|platicanos|hablanos|a que te dedicas|que estudiaste|"
             r"quem e voce|qui etes vous|speciali[sz]\w*|specialty|especialidad|especialidade|"
             r"fachrichtung|fachgebiet|presentati|parlaci di te|di cosa ti occupi|"
             r"zu ihrer person|zur person|bisherige stationen|career (has )?(unfolded|evolved)|"
             r"your career|votre carriere|tu carrera|sua carreira|ihre laufbahn|degrees?|"
             r"diplomes?|titulacion|abschluss|secteur|sector|setor|branche|industry|"
             r"area cientifica|area de investigacao|linhas de investigacao|lineas de "
             r"investigacion|nota biografica|biografi\w*|research field)\b", 0.87),
    # 8. subjects with no direction
    ("topics", r"research (areas?|interests?|topics?|fields?)|fields? of (interest|research|"
               r"study)|areas? of (interest|research)|\btopics?\b|\bthemes?\b|"
               r"\bthematiques?\b|\bsujets?\b|\bdomaines?\b|centres? d interet|\binterests?\b|"
               r"areas? de (investigacion|interes|pesquisa)|\btemas?\b|\bdisciplines?\b|"
               r"\bthemen\b|\bgebiete?\b", 0.8),
)
_COMPILED = tuple((kind, re.compile(pattern), weight) for kind, pattern, weight in _RULES)


@dataclass(frozen=True)
class Direction:
    """What a question asks of the person answering.

    Attributes:
        kind: one of :data:`DIRECTIONS`.
        confidence: 0 to 1.
        words: the words that decided, as read (folded).
    """

    kind: str
    confidence: float
    words: str


def read_direction(text: str) -> Direction | None:
    """The direction of a question whose words are ``text`` (folded, punctuation as
    spaces), or ``None`` when it says none of them."""
    for kind, pattern, weight in _COMPILED:
        found = pattern.search(text)
        if found:
            return Direction(kind, weight, " ".join(found.group(0).split()))
    return None
