"""Labelled sign-up form exports: one folder per case, each with the export and
``expected.json`` (same format as ``../cases``, ``"split": "test"``). Written as held-out
forms, measured once unseen, then used to improve the reading.

Run ``.venv/bin/python tests/data/forms/cases2/make_cases2.py`` from the project root to
rewrite every case folder beside this script; ``--check`` only checks (that the files on disk
are exactly what this script writes, and that each expected.json fits its export).

These forms are for measuring only: do not tune on them.

Every person, organisation, e-mail address and answer below is invented; e-mail domains end
in ``.example``. Randomness (submission times, response numbers, tokens) is seeded, and the
XLSX files get fixed zip and document dates, so two runs write byte-identical files.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import random
import re
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent

FIELDS = {"id", "name", "email", "years_experience", "department", "role", "location",
          "languages", "profile", "offers", "wants", "role_preference", "capacity",
          "manager_id", "ignored"}
TOOLS = {"google", "microsoft", "typeform", "spreadsheet"}
LANGUAGES = {"fr", "en", "es", "pt", "de", "multi"}
DIRECTIONS = {"reverse", "classic", "peer"}
TYPEFORM_TAIL = ["Response Type", "Start Date (UTC)", "Stage Date (UTC)", "Submit Date (UTC)",
                 "Network ID", "Tags"]


@dataclass
class Case:
    name: str
    tool: str
    language: str
    direction: str
    role: str | None
    world: str
    columns: list[tuple[str, str, str]]  # (header, field, why; "" when obvious)
    rows: list[list[object]]
    tool_columns: set[str] = field(default_factory=set)  # written by the tool, not answered
    needs_person: list[int] = field(default_factory=list)  # 1-based file rows, header = 1
    export: str = "csv"  # "csv" or "xlsx"
    quote_all: bool = False
    newline: str = "\r\n"
    sheet_title: str = "Sheet1"
    creator: str = "Microsoft Forms"
    extra_sheets: dict[str, list[list[object]]] = field(default_factory=dict)
    date_format: str = "dd/mm/yyyy hh:mm:ss"


# --------------------------------------------------------------------------- helpers

def moments(n: int, start: dt.datetime, seed: int, min_gap: int = 3,
            max_gap: int = 380) -> list[dt.datetime]:
    rng = random.Random(seed)
    out, now = [], start
    for _ in range(n):
        now = now + dt.timedelta(minutes=rng.randint(min_gap, max_gap),
                                 seconds=rng.randint(0, 59))
        out.append(now)
    return out


def google_ts(moment: dt.datetime, tz: str, am: str, pm: str) -> str:
    """Google Forms CSV timestamp with the locale's AM/PM marker."""
    hour = moment.hour % 12 or 12
    half = am if moment.hour < 12 else pm
    return f"{moment:%Y/%m/%d} {hour}:{moment:%M:%S} {half} {tz}"


def gpick(options: list[str], *chosen: str) -> str:
    """Google checkbox answer: ticked options in form order, then typed "Other" text."""
    ticked = [o for o in options if o in chosen]
    other = [c for c in chosen if c not in options]
    return ", ".join(ticked + other)


def mpick(options: list[str], *chosen: str) -> str:
    """Microsoft Forms multiple choice: ``a;b;`` in form order, "Other" text last."""
    ticked = [o for o in options if o in chosen]
    other = [c for c in chosen if c not in options]
    return "".join(f"{c};" for c in ticked + other)


def google_rows(rows: list[list[object]], start: dt.datetime, seed: int, tz: str,
                am: str = "AM", pm: str = "PM") -> list[list[object]]:
    times = moments(len(rows), start, seed)
    return [[google_ts(t, tz, am, pm), *row] for t, row in zip(times, rows, strict=True)]


def ms_rows(rows: list[list[object]], start: dt.datetime, seed: int,
            modified: dict[int, int]) -> list[list[object]]:
    """Prepend ID (response numbers with gaps left by deleted test answers), start, end,
    then e-mail and name (the first two cells of each row), the last-modified time, then the
    answers. ``modified`` maps a row index to minutes after its end."""
    rng = random.Random(seed)
    ids, number = [], rng.randint(2, 4)
    for _ in rows:
        ids.append(number)
        number += 1 if rng.random() < 0.8 else rng.randint(2, 3)
    out = []
    for i, (row, begun) in enumerate(zip(rows, moments(len(rows), start, seed + 1), strict=True)):
        ended = begun + dt.timedelta(minutes=rng.randint(3, 19), seconds=rng.randint(0, 59))
        changed = ended + dt.timedelta(minutes=modified[i]) if i in modified else None
        out.append([ids[i], begun, ended, row[0], row[1], changed, *row[2:]])
    return out


def typeform_ts(moment: dt.datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M:%S}"


def typeform_rows(rows: list[list[object] | None], start: dt.datetime, seed: int,
                  width: int, tags: dict[int, str]) -> list[list[object]]:
    """Prepend the ``#`` token and append the Typeform tail; a ``None`` row is an unfinished
    response with no answer (``partial``, no submit date)."""
    rng = random.Random(seed)
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
    out = []
    for i, (row, begun) in enumerate(zip(rows, moments(len(rows), start, seed + 3), strict=True)):
        token = "".join(rng.choice(alphabet) for _ in range(32))
        network = "".join(rng.choice("0123456789abcdef") for _ in range(10))
        spent = dt.timedelta(minutes=rng.randint(2, 14), seconds=rng.randint(0, 59))
        if row is None:
            answers = [""] * width
            tail = ["partial", typeform_ts(begun), typeform_ts(begun + spent), "", network]
        else:
            answers = row
            done = typeform_ts(begun + spent)
            tail = ["completed", typeform_ts(begun), done, done, network]
        out.append([token, *answers, *tail, tags.get(i, "")])
    return out


# =========================================================================== 1
# A French teaching hospital's reverse mentoring: the seniors' (mentees') Microsoft Form.
CHU = "chu-valbrune.example"


def chu(local: str) -> str:
    return f"{local}@{CHU}"


USAGES = ["Dossier patient informatisé (DPI)", "Téléconsultation, télé-expertise",
          "Messageries et outils collaboratifs", "Réseaux sociaux et image de l'établissement",
          "Intelligence artificielle en santé", "Tableurs, requêtes, indicateurs",
          "Codes et attentes des jeunes professionnels"]
DPI, TELE, MSG, RSX, IAS, TAB, JEUNES = USAGES
FR_LANGUES = ["Français", "Anglais", "Espagnol", "Arabe", "Allemand"]
TEMPS = ["1 h", "2 h", "3 h ou plus"]


def usages(*c: str) -> str:
    return mpick(USAGES, *c)


def langues(*c: str) -> str:
    return mpick(FR_LANGUES, *c)


def fr_chu_seniors_ms() -> Case:
    columns = [
        ("ID", "ignored", "Microsoft Forms response number (with gaps), not a person id."),
        ("Heure de début", "ignored", ""),
        ("Heure de fin", "ignored", ""),
        ("Adresse de messagerie", "email", ""),
        ("Nom", "name", "Microsoft Forms' respondent name, written \"NOM Prénom\" by the "
         "hospital's directory."),
        ("Heure de la dernière modification", "ignored", "Form metadata, mostly empty."),
        ("Pôle ou direction de rattachement", "department", ""),
        ("Métier / grade", "role", "Job title, sometimes with the civil-service grade "
         "(\"Cadre supérieure de santé\", \"PH\"): the person's position, not a seniority."),
        ("Ancienneté à l'hôpital public", "years_experience",
         "Free-text years (\"31 ans dont 12 comme cadre\", \"+ de 20 ans\")."),
        ("Lieu d'exercice", "location", "Hospital site, EHPAD or building."),
        ("Votre parcours en deux ou trois phrases", "profile", ""),
        ("Quels usages numériques voudriez-vous explorer avec votre binôme ?", "wants",
         "Multiple choice of what the senior (mentee) wants to learn."),
        ("Une difficulté concrète du quotidien sur laquelle vous aimeriez être aidé(e)",
         "wants", "A concrete problem the mentee wants help with: a want."),
        ("En échange, que pourriez-vous faire découvrir à votre jeune mentor ?", "offers",
         "What the senior gives back to the junior mentor: an offer from the mentee side."),
        ("Langue(s) de travail", "languages", ""),
        ("Courriel de votre supérieur hiérarchique", "manager_id",
         "The line manager's e-mail; a few answers are functional mailboxes of a direction."),
        ("Temps disponible pour le programme (par mois)", "capacity",
         "How much time the person can give (hours per month): the form's only capacity."),
        ("Préférez-vous un mentor travaillant dans votre pôle ?", "ignored",
         "A preference about the partner."),
        ("Avez-vous déjà été accompagné(e) par un mentor ?", "ignored", "Yes/no question."),
        ("J'autorise la cellule RH à utiliser mes réponses pour former les binômes",
         "ignored", "Consent."),
    ]
    rows = [
        [chu("odile.lefebvre-martin"), "LEFEBVRE-MARTIN Odile", "Pôle Femme-Enfant",
         "Cadre supérieure de santé", "31 ans dont 12 comme cadre", "Hôpital Nord",
         "Sage-femme de formation, cadre depuis 2013, je coordonne 4 unités de maternité.",
         usages(DPI, MSG, JEUNES),
         "Je n'arrive pas à suivre les échanges de l'équipe sur WhatsApp et je ne sais pas "
         "ce qui est autorisé ou pas", "Mon expérience de la gestion d'équipe et des crises",
         langues("Français"), chu("p.garnier"), "2 h", "Non", "Non", "Oui"],
        [chu("henri.castagnet"), "CASTAGNET Henri", "Pôle Anesthésie-Réanimation",
         "PH anesthésiste-réanimateur, chef de service", "25 ans", "Hôpital Nord",
         "Réanimation polyvalente. Ancien président de CME.", usages(IAS, TAB),
         "Savoir ce que l'IA peut vraiment faire pour nous, sans le discours commercial",
         "Parcours hospitalo-universitaire, publier, préparer les concours",
         langues("Français", "Anglais"), chu("m.ribeiro"), "1 h", "Non", "Oui", "Oui"],
        [chu("nadia.bensalem"), "BENSALEM Nadia", "Direction des ressources humaines",
         "Attachée d'administration hospitalière", "18 ans",
         "Siège - bâtiment administratif",
         "RH depuis 2008, je m'occupe du recrutement paramédical.", usages(RSX, JEUNES),
         "On publie nos offres d'emploi mais les jeunes diplômés ne répondent pas",
         "Les statuts, les concours et les rouages de la FPH", langues("Français", "Arabe"),
         chu("drh"), "2 h", "Oui", "Non", "Oui"],
        [chu("jm.pelletier"), "PELLETIER Jean-Marc", "Pôle Logistique et Travaux",
         "Ingénieur hospitalier principal", "+ de 20 ans", "Site Saint-Roch", "",
         usages(MSG, TAB), "N/A", "La connaissance des bâtiments et des circuits logistiques",
         langues("Français"), None, "1 h", "Peu importe", "Non", "Oui"],
        [chu("catherine.roussel"), "ROUSSEL Catherine", "Direction des soins",
         "Directrice des soins", "34 ans", "Hôpital Nord",
         "IDE, puis cadre, puis direction des soins. 34 ans de maison !",
         usages(DPI, TELE, IAS, JEUNES),
         "Comprendre pourquoi les jeunes IDE partent au bout de deux ans et comment leur "
         "parler", "Une vision d'ensemble de l'institution, l'accompagnement des projets pro",
         langues("Français", "Anglais"), chu("direction.generale"), "3 h ou plus", "Non",
         "Oui", "Oui"],
        [chu("philippe.mercier"), "MERCIER Philippe", "Pôle Biologie-Pathologie",
         "Biologiste, PU-PH", "22 ans", "Plateau technique",
         "Microbiologiste, responsable du laboratoire de bactériologie.", usages(IAS, TAB),
         "python ?? on m'en parle tout le temps", "Rédaction scientifique, appels à projets",
         langues("Français", "Anglais", "Espagnol"), chu("chef.pole.biologie"), "1 h",
         "Peu importe", "Non", "Oui"],
        [chu("sylvie.gauthier"), "GAUTHIER Sylvie", "Pôle Gériatrie", "Cadre de santé",
         "27ans", "EHPAD Les Tilleuls",
         "Cadre en gériatrie ; avant, 15 ans de nuit en médecine interne.",
         usages(TELE, MSG),
         "Mettre en place la téléconsultation avec les médecins traitants de nos résidents",
         "Le soin relationnel avec la personne âgée", langues("Français"),
         chu("b.lacombe"), "2 h", "Oui", "Non", "Oui"],
        [chu("mamadou.diallo"), "DIALLO Mamadou", "Direction du numérique (DSI)",
         "Responsable infrastructures et réseaux", "19 ans",
         "Siège - bâtiment administratif",
         "Réseaux et sécurité : je connais la technique, moins les usages des soignants.",
         usages(RSX, JEUNES), "Les usages réels des soignants, pas ceux qu'on imagine à la DSI",
         "Cybersécurité, hygiène numérique", langues("Français", "Anglais"), chu("dsi"),
         "2 h", "Non", "Non", "Oui"],
        [chu("agnes.fontaine"), "FONTAINE Agnès", "Pôle Urgences-SAMU",
         "Praticienne hospitalière urgentiste", "16 ans", "Hôpital Nord",
         "Urgentiste, régulation au SAMU deux jours par semaine.", usages(TELE, IAS), "",
         "Gestion du stress, travail en équipe dans l'urgence",
         langues("Français", "Espagnol"), None, "1 h", "Peu importe", "Non", "Oui"],
        [chu("thierry.vasseur"), "VASSEUR Thierry", "Direction des finances",
         "Directeur adjoint", "24 ans", "Siège", "Finances hospitalières, T2A, EPRD...",
         usages(RSX, TAB, JEUNES), "Faire une présentation qui ne soit pas 40 slides PowerPoint",
         "Comprendre le budget d'un hôpital", langues("Français", "Anglais"),
         chu("direction.generale"), "2 h", "Non", "Oui", "Oui"],
        [chu("aicha.nguessan"), "N'GUESSAN Aïcha", "Pôle Psychiatrie",
         "Cadre supérieure de santé", "21 ans", "CMP centre-ville",
         "Psychiatrie adulte, projets de réhabilitation psychosociale.", usages(MSG, RSX),
         "Mieux faire connaître nos actions, on est invisibles", "néant",
         langues("Français", "Anglais", "Dioula"), chu("j.perrot"), "2 h", "Oui", "Non",
         "Oui"],
        [chu("bernard.lambert"), "LAMBERT Bernard", "Pôle Chirurgie",
         "Chirurgien orthopédiste, chef de pôle", "30 ans", "Hôpital Nord",
         "Chirurgie ortho, chef de pôle depuis 2020.", usages(DPI, IAS),
         "Le DPI me fait perdre une heure par jour. je veux connaître les raccourcis",
         "L'enseignement au bloc", langues("Français"), None, "1 h", "Non", "Non", "Oui"],
        [chu("martine.colin"), "COLIN Martine", "Direction qualité et gestion des risques",
         "Ingénieure qualité", "15 ans", "Siège",
         "Certification HAS, gestion des événements indésirables.", usages(IAS, TAB),
         "Automatiser nos tableaux de bord qualité, on fait tout à la main",
         "Méthodes d'analyse des risques (RMM, CREX)", langues("Français", "Anglais"),
         chu("dqgr"), "2 h", "Peu importe", "Oui", "Oui"],
        [chu("dominique.tessier"), "TESSIER Dominique", "Pôle Imagerie",
         "Cadre manipulateur en électroradiologie", "29 ans", "Plateau technique",
         "Manip radio devenu cadre, 29 ans d'hôpital public.", usages(IAS),
         "L'IA pour lire les radios : menace ou aide ?",
         "L'organisation d'un plateau d'imagerie", langues("Français"), chu("p.garnier"),
         "1 h", "Non", "Non", "Oui"],
        [chu("francoise.renaud"), "RENAUD Françoise",
         "Institut de formation en soins infirmiers", "Directrice de l'IFSI", "33 ans",
         "IFSI - campus santé", "Formatrice puis directrice de l'IFSI depuis 2017.",
         usages(MSG, RSX, JEUNES),
         "Nos étudiants vivent sur Instagram et TikTok, je veux comprendre ces codes",
         "Pédagogie, accompagnement des étudiants en difficulté",
         langues("Français", "Anglais"), chu("catherine.roussel"), "3 h ou plus", "Non",
         "Oui", "Oui"],
    ]
    return Case(
        name="fr_chu_seniors_ms", tool="microsoft", language="fr", direction="reverse",
        role="mentee",
        world="The CHU de Valbrune, an invented French teaching hospital, runs a reverse-"
              "mentoring programme in which young staff coach senior managers and doctors "
              "on digital practice; the seniors (mentees) sign up on a Microsoft Form.",
        columns=columns,
        rows=ms_rows(rows, dt.datetime(2026, 4, 6, 8, 10), seed=2101, modified={2: 35, 10: 4}),
        export="xlsx",
    )


# =========================================================================== 2
# A German university's mentoring for doctoral researchers: the mentors' Google Form.
LIN = "uni-lindenau.example"


def lin(local: str) -> str:
    return f"{local}@{LIN}"


THEMEN = ["Planung und Struktur der Promotion", "Schreiben und Publizieren",
          "Karrierewege in der Wissenschaft", "Berufseinstieg außerhalb der Hochschule",
          "Drittmittelanträge", "Promovieren mit Familie", "Konflikte in der Betreuung",
          "Auslandsaufenthalte und Netzwerke"]
PLAN, SCHREIB, KARR, IND, DRITT, FAM, KONF, AUSL = THEMEN
DE_SPR = ["Deutsch", "Englisch", "Französisch", "Spanisch"]


def themen(*c: str) -> str:
    return gpick(THEMEN, *c)


def spr(*c: str) -> str:
    return gpick(DE_SPR, *c)


ERL = "Bitte erläutern (optional)"


def de_promotion_mentoren_google() -> Case:
    columns = [
        ("Zeitstempel", "ignored", ""),
        ("E-Mail-Adresse", "email", ""),
        ("Vor- und Nachname", "name", "Full name, with academic titles (\"Dr.\", \"Prof. "
         "Dr.\") as people typed them."),
        ("Aktuelle Position", "role", "Job title (Postdoc, Privatdozentin, Teamleiterin), "
         "free text."),
        ("Fakultät / Einrichtung", "department", "Faculty, or \"extern\" plus the employer "
         "for mentors from outside the university."),
        ("Dienstort", "location", ""),
        ("Seit wie vielen Jahren sind Sie promoviert?", "years_experience",
         "Years since the doctorate, free text (\"seit 2009\", \"7 Jahre\")."),
        ("Ihr Fachgebiet und Ihre Forschungsschwerpunkte", "profile", ""),
        ("Zu welchen Themen möchten Sie Promovierende beraten?", "offers",
         "Phrased as a wish (\"möchten\"), but it is the topics the mentor advises on: an "
         "offer."),
        (ERL, "offers", "Elaborates the checkbox question just before it (the mentor's "
         "topics, incl. \"other\"): an offer."),
        ("Was erhoffen Sie sich persönlich von Ihrer Rolle als Mentor*in?", "wants",
         "What the mentor expects for themselves: a want, even on the mentors' form."),
        ("Wie viele Mentees könnten Sie parallel betreuen?", "capacity", ""),
        ("Mentoring möglich auf", "languages", "Checkbox of languages the mentoring can be "
         "held in."),
        ("Ungefähre Anzahl Ihrer Veröffentlichungen", "ignored",
         "A count of publications, not a capacity."),
        ("Waren Sie schon einmal als Mentor*in tätig?", "ignored", "Yes/no question."),
        (ERL + " (2)", "ignored", "The same header repeated: here it elaborates the yes/no "
         "question about earlier mentoring (where), not an offer."),
        ("Bevorzugen Sie Mentees aus Ihrem eigenen Fachbereich?", "ignored",
         "A preference about the partner."),
        ("Ich willige in die Verarbeitung meiner Angaben gemäß Datenschutzhinweis ein.",
         "ignored", "Consent."),
    ]
    rows = [
        [lin("k.wendler"), "Dr. Katharina Wendler", "Postdoc",
         "Fakultät für Chemie und Pharmazie", "Campus Nord", "5",
         "Organische Synthese, Naturstoffe; seit 2023 kleine eigene Nachwuchsgruppe",
         themen(SCHREIB, KARR, FAM), "", "Meine eigene Führungsrolle reflektieren", "2",
         spr("Deutsch", "Englisch"), "ca. 25", "Nein", "", "Egal", "Ja"],
        [lin("matthias.brandl"), "Prof. Dr. Matthias Brandl", "W3-Professur",
         "Philosophische Fakultät, Historisches Institut", "Campus Mitte", "seit 2009",
         "Neuere Geschichte, Migrationsgeschichte des 19. Jh.",
         themen(PLAN, KARR, DRITT, KONF), "",
         "Einblick in die Sorgen heutiger Promovierender – die sind andere als zu meiner Zeit",
         "1", spr("Deutsch", "Englisch", "Französisch"), "60+", "Ja",
         "Graduiertenschule, 2015-2019", "Lieber fachfremd", "Ja"],
        ["selin.aydin@biosynt.example", "Dr. Selin Aydın", "Senior Scientist",
         "extern – BioSynt GmbH", "Frankfurt am Main", "7 Jahre",
         "Promotion in Biochemie hier in Lindenau, seitdem Wirkstoffentwicklung in der "
         "Industrie", themen(IND, FAM), "Bewerbung in der Industrie, Gehaltsverhandlung",
         "Kontakt zur Uni halten, Netzwerk", "2-3", spr("Deutsch", "Englisch", "Türkisch"),
         "12", "Nein", "", "Keine Präferenz", "Ja"],
        [lin("jonas.feldkamp"), "Dr. Jonas Feldkamp", "Akademischer Rat",
         "Fakultät für Mathematik und Informatik", "Campus Mitte", "11",
         "Numerik partieller Differentialgleichungen", themen(PLAN, SCHREIB), "", "", "1",
         spr("Deutsch"), "30", "Nein", "", "Ja, gleiche Fakultät", "Ja"],
        [lin("amelie.roux"), "Dr. Amélie Roux", "Nachwuchsgruppenleiterin",
         "Medizinische Fakultät", "Campus Nord (Klinikum)", "6",
         "Immunologie, T-Zell-Gedächtnis", themen(KARR, DRITT, AUSL),
         "Vorbereitung auf ERC Starting Grant",
         "Übung im Mentoring, bevor ich eigene Doktorand*innen habe. Und ehrlich gesagt "
         "Netzwerk", "2", spr("Deutsch", "Englisch", "Französisch"), "18", "Ja",
         "Cross-Mentoring für Postdocs", "egal", "Ja"],
        [lin("u.sommerfeld"), "PD Dr. Ulrike Sommerfeld", "Privatdozentin",
         "Philosophische Fakultät, Germanistik", "Campus Mitte", "14",
         "Germanistische Linguistik, Sprachkontakt", themen(SCHREIB, FAM, KONF), "",
         "Austausch", "max. 2", spr("Deutsch"), "ca 40", "Ja", "", "", "Ja"],
        [lin("tobias.kraemer"), "Dr. Tobias Krämer", "Referent Forschungsförderung",
         "Dezernat Forschung", "Campus Mitte", "9",
         "Physiker, heute in der Forschungsförderung der Uni", themen(IND, DRITT), "",
         "Perspektivwechsel", "3", spr("Deutsch", "Englisch"), "k.A.", "Nein", "",
         "Keine Präferenz", "Ja"],
        ["lena.hoffmeister@voltaris.example", "Dr.-Ing. Lena Hoffmeister",
         "Teamleiterin F&E", "extern – Voltaris AG", "Stuttgart (remote)", "8",
         "Elektrotechnik, Leistungselektronik für E-Mobilität", themen(IND),
         "Wie ich den Wechsel in die Industrie erlebt habe", "Nachwuchs kennenlernen :)", "1",
         spr("Deutsch", "Englisch"), "9", "Nein", "", "Gern Ingenieurwissenschaften", "Ja"],
        [lin("paul.okafor"), "Dr. Paul Okafor", "Postdoc", "Fakultät für Physik",
         "Campus Nord", "2", "Quantum optics, cold atoms", themen(PLAN, AUSL), "",
         "Supervision experience for my CV", "1", spr("Englisch"), "7", "Nein", "",
         "No preference", "Ja"],
        [lin("b.auerswald"), "Prof. Dr. Birgit Auerswald", "Juniorprofessorin (Tenure Track)",
         "Wirtschaftswissenschaftliche Fakultät", "Campus Mitte", "6",
         "Verhaltensökonomik, Laborexperimente", themen(KARR, DRITT, FAM, KONF),
         "Tenure-Track und Berufungsverfahren", "Mal raus aus der eigenen Bubble", "2",
         spr("Deutsch", "Englisch"), "22", "Ja", "Peer-Mentoring für Juniorprofs",
         "Lieber fachfremd", "Ja"],
        [lin("hannes.vogt"), "Dr. Hannes Vogt", "wiss. Mitarbeiter (Postdoc)",
         "Institut für Sportwissenschaft", "Sportcampus", "1", "", themen(PLAN), "", "", "1",
         spr("Deutsch"), "3", "Nein", "", "", "Ja"],
        [lin("mirela.popescu"), "Dr. Mirela Popescu", "Koordinatorin Graduiertenkolleg",
         "Fakultät für Biologie", "Campus Nord", "10",
         "Ökologie, jetzt Wissenschaftsmanagement", themen(PLAN, KARR, KONF, AUSL),
         "Wissenschaftsmanagement als Karriereweg!",
         "Rückmeldung, was Promovierende wirklich brauchen", "3",
         spr("Deutsch", "Englisch", "Rumänisch"), "15", "Ja",
         "Buddy-Programm für internationale Doktorand*innen", "Keine Präferenz", "Ja"],
        [lin("reinhard.lutz"), "Prof. em. Dr. Reinhard Lutz", "Professor im Ruhestand",
         "Fakultät für Chemie und Pharmazie", "Lindenau", "35",
         "Anorganische Chemie, 30 Jahre Lehrstuhl", themen(PLAN, SCHREIB, KARR, DRITT), "",
         "Erfahrung weitergeben", "4", spr("Deutsch", "Englisch"), "über 200", "Ja",
         "viele Promotionen betreut", "Egal", "Ja"],
        ["s.nguyen@lindholm-partner.example", "Dr. Sarah Nguyen", "Rechtsanwältin",
         "extern – Kanzlei Lindholm & Partner", "Hamburg", "4",
         "Jura, Promotion im Völkerrecht, heute Kanzlei", themen(IND, FAM),
         "Promovieren neben Job oder Referendariat", "", "1",
         spr("Deutsch", "Englisch", "Vietnamesisch"), "5", "Nein", "", "Gern Jura", "Ja"],
        [lin("fabian.reiter"), "Dr. Fabian Reiter", "Postdoc",
         "Fakultät für Mathematik und Informatik", "Campus Mitte", "3",
         "Machine Learning, Graph Neural Networks", themen(SCHREIB, AUSL), "", "n/a", "2",
         spr("Deutsch", "Englisch"), "14", "Nein", "", "Keine Präferenz", "Ja"],
        [lin("yasmin.haddad"), "Dr. med. Yasmin Haddad", "Clinician Scientist",
         "Medizinische Fakultät", "Campus Nord (Klinikum)", "5",
         "Kardiologie, klinische Studien", themen(KARR, FAM),
         "Dr. med. vs. PhD, Clinician-Scientist-Programme",
         "gute Frage... vielleicht Motivation für die eigene Forschung", "1",
         spr("Deutsch", "Englisch", "Arabisch"), "20", "Nein", "", "Gern Medizin", "Ja"],
    ]
    return Case(
        name="de_promotion_mentoren_google", tool="google", language="de",
        direction="classic", role="mentor",
        world="The graduate academy of the invented Universität Lindenau pairs doctoral "
              "researchers with postdocs, professors and alumni from industry; mentors sign "
              "up on a German Google Form.",
        columns=columns,
        rows=google_rows(rows, dt.datetime(2026, 4, 13, 9, 0), seed=2202, tz="MESZ",
                         am="vorm.", pm="nachm."),
        quote_all=True,
    )


# =========================================================================== 3
# A Mexican bank's reverse mentoring: the junior mentors' Google Form, in Spanish.
BSM = "bancosierramadre.example"


def bsm(local: str) -> str:
    return f"{local}@{BSM}"


TEMAS = ["Redes sociales y marca personal", "Banca digital y apps",
         "Inteligencia artificial generativa", "Fintech y criptoactivos",
         "Diversidad e inclusión", "Sostenibilidad y finanzas verdes",
         "Cómo piensa y consume la Generación Z",
         "Trabajo híbrido y herramientas colaborativas"]
REDES, APPS, IAG, FINTECH, DEI, VERDE, GENZ, HIBRIDO = TEMAS


def temas(*c: str) -> str:
    return gpick(TEMAS, *c)


def es_banco_mentores_jr_google() -> Case:
    columns = [
        ("Marca temporal", "ignored", ""),
        ("Dirección de correo electrónico", "email", ""),
        ("Nombre y apellidos", "name", ""),
        ("No. de empleado", "id", "The bank's employee number, unique per person."),
        ("Área", "department", ""),
        ("Puesto", "role", ""),
        ("¿Cuánto tiempo llevas en el banco?", "years_experience",
         "Tenure in months and years, free text (\"8 meses\", \"1 año y medio\")."),
        ("Ciudad / sucursal", "location", ""),
        ("¿En qué temas te sientes fuerte para compartirlos con un directivo?", "offers",
         "In reverse mentoring the junior is the mentor: topics they can pass on to an "
         "executive (checkboxes)."),
        ("Platícanos de ti: qué estudiaste y a qué te dedicas en el banco", "profile",
         "Mexican \"platícanos\" (tell us): background and current work."),
        ("¿Qué te gustaría llevarte tú de esta experiencia?", "wants",
         "What the junior mentor hopes to get for themselves: a want."),
        ("¿Cuántos directivos podrías acompañar al mismo tiempo?", "capacity", ""),
        ("Idiomas que manejas", "languages", ""),
        ("Correo de tu jefe(a) inmediato(a)", "manager_id", ""),
        ("¿Tu jefe(a) ya sabe que te estás inscribiendo?", "ignored", "Yes/no question."),
        ("¿Cómo prefieres las sesiones?", "ignored", "Meeting format, not used to match."),
        ("He leído y acepto el reglamento del programa", "ignored", "Consent."),
    ]
    rows = [
        [bsm("valeria.rios"), "Valeria Ríos Cárdenas", "0061734", "DGA Banca Digital",
         "Analista UX", "1 año 3 meses", "CDMX - Corporativo Santa Fe",
         temas(REDES, APPS, GENZ),
         "Diseñadora por la UAM, hago pruebas de usabilidad de la app",
         "Entender cómo se toman las decisiones allá arriba", "1", "Español, Inglés",
         bsm("mauricio.leal"), "Sí", "Presencial", "Acepto"],
        [bsm("diego.salgado"), "Diego Armando Salgado", "0063310", "DGA Tecnología",
         "Ingeniero de datos Jr", "8 meses", "Guadalajara", temas(IAG, HIBRIDO),
         "Ing. en computación, armo pipelines de datos en la nube",
         "Networking y visibilidad, la neta", "2", "Español, Inglés (intermedio)",
         bsm("claudia.esparza"), "Sí", "En línea", "Acepto"],
        [bsm("fernanda.trevino"), "Fernanda Treviño Garza", "0059982",
         "DGA Banca Empresarial", "Ejecutiva de cuenta Pyme", "2 años",
         "Monterrey - Sucursal Valle", temas(APPS, DEI, VERDE),
         "Soy administradora, atiendo clientes pyme del norte", "Aprender de liderazgo",
         "1", "Español", bsm("hector.garza"), "Todavía no", "Me da igual", "Acepto"],
        [bsm("joseluis.pacheco"), "José Luis Pacheco", "0064105", "DGA Riesgos",
         "Analista de riesgo de crédito", "6 meses", "CDMX - Corporativo Santa Fe",
         temas(IAG, FINTECH), "Actuaría, modelos de score", "Conocer otras áreas del banco",
         "2", "Español, Inglés", bsm("ricardo.ponce"), "Sí", "Presencial", "Acepto"],
        [bsm("mariana.quezada"), "Mariana Quezada", "0060227", "Mercadotecnia",
         "Community manager", "1 año y medio", "CDMX", temas(REDES, GENZ),
         "Comunicación, manejo las redes del banco", "", "3",
         "Español, Inglés, Francés básico", bsm("lorena.villalobos"), "Sí", "En línea",
         "Acepto"],
        [bsm("brenda.ortega"), "Brenda Yazmín Ortega", "0065012", "Capital Humano",
         "Becaria de reclutamiento", "4 meses", "CDMX - Torre Reforma",
         temas(DEI, GENZ, HIBRIDO),
         "Estudio psicología (último semestre), apoyo en reclutamiento de talento joven",
         "Que un director vea mi trabajo jaja y aprender cómo crecer aquí", "1", "Español",
         bsm("patricia.solis"), "No", "Presencial", "Acepto"],
        [bsm("emilio.castaneda"), "Emilio Castañeda Ruiz", "0058841", "DGA Tecnología",
         "Desarrollador móvil", "2 años 2 meses", "Querétaro", temas(APPS, IAG, HIBRIDO), "",
         "n/a", "2", "Español, Inglés", bsm("claudia.esparza"), "Sí", "Me da igual",
         "Acepto"],
        [bsm("anasofia.medina"), "Ana Sofía Medina", "0062590", "Sustentabilidad",
         "Analista ESG", "11 meses", "CDMX - Corporativo Santa Fe", temas(DEI, VERDE),
         "Ing. ambiental, reporto indicadores ESG y bonos verdes",
         "Negociación y hablar en público", "1", "Español, Inglés, Portugués",
         bsm("gabriela.ochoa"), "Sí", "Presencial", "Acepto"],
        [bsm("rodrigo.villasenor"), "Rodrigo Villaseñor", "0063977",
         "DGA Banca de Consumo", "Gerente de sucursal Jr.", "2 años",
         "Puebla - Sucursal Angelópolis", temas(APPS, GENZ),
         "Empecé de cajero, ahora soy gerente jr de sucursal",
         "Consejos para crecer a gerente regional", "1", "Español", bsm("arturo.mejia"),
         "Sí", "Presencial", "Acepto"],
        [bsm("daniela.ibarra"), "Daniela Ibarra", "0064450", "DGA Tecnología",
         "Analista de ciberseguridad", "9 meses", "Guadalajara",
         temas(IAG, FINTECH, HIBRIDO), "Ciberseguridad, hago pentesting interno",
         "Aprender a presentar un tema técnico a la dirección", "2", "Español, Inglés",
         bsm("claudia.esparza"), "Sí", "En línea", "Acepto"],
        [bsm("luisf.aguilar"), "Luis Fernando Aguilar", "0061102", "Finanzas",
         "Analista FP&A", "1 año", "CDMX - Torre Reforma", temas(FINTECH, VERDE),
         "Economista, hago proyecciones financieras", "", "1",
         "Español, Inglés, Alemán (básico)", bsm("ernesto.cabrera"), "No", "Me da igual",
         "Acepto"],
        [bsm("karla.nava"), "Karla Guadalupe Nava", "0065230", "Atención a Clientes",
         "Asesora de contact center", "3 meses", "León, Gto.", temas(REDES, APPS, GENZ),
         "Atiendo clientes por chat y WhatsApp, estudio mercadotecnia en línea",
         "Crecer profesionalmente y que me tomen en cuenta para otras vacantes", "1",
         "Español", bsm("sergio.rangel"), "Sí", "En línea", "Acepto"],
        [bsm("santiago.herrera"), "Santiago Herrera Olmos", "0062871", "DGA Banca Digital",
         "Product Owner Jr", "1 año 8 meses", "CDMX - Corporativo Santa Fe",
         temas(APPS, IAG, GENZ, HIBRIDO),
         "Ingeniero industrial, llevo el backlog de la app de inversiones",
         "Visión de negocio y estrategia", "2", "Español, Inglés", bsm("mauricio.leal"),
         "Sí", "Me da igual", "Acepto"],
        [bsm("itzel.moreno"), "Itzel Moreno", "0064788", "Jurídico", "Abogada Jr",
         "7 meses", "CDMX - Torre Reforma", temas(FINTECH, DEI),
         "Derecho; regulación fintech y protección de datos", "N/A", "1", "Español, Inglés",
         bsm("adriana.salas"), "Sí", "Presencial", "Acepto"],
        [bsm("alan.gomez"), "Alan Gómez", "0065391", "DGA Tecnología", "Becario de IA",
         "2 meses", "Monterrey", temas(IAG),
         "Estudio ciencia de datos, hago mis prácticas en el equipo de IA",
         "aprender cómo funciona un banco por dentro", "1", "Español, Inglés", "", "No",
         "En línea", "Acepto"],
        [bsm("paola.jimenez"), "Paola Jiménez Lugo", "0060915", "Mercadotecnia",
         "Diseñadora gráfica", "1 año 10 meses", "CDMX", temas(REDES, DEI, GENZ),
         "Diseño gráfico, campañas para redes", "Aprender a defender mis ideas ante directivos",
         "2", "Español, Inglés", bsm("lorena.villalobos"), "Sí", "Presencial", "Acepto"],
        [bsm("oscar.benitez"), "Óscar Benítez", "0063544", "DGA Riesgos",
         "Científico de datos", "1 año 2 meses", "Guadalajara", temas(IAG, FINTECH),
         "Matemático, modelos de detección de fraude", "Conocer el negocio", "3",
         "Español, Inglés", bsm("ricardo.ponce"), "Sí", "En línea", "Acepto"],
    ]
    return Case(
        name="es_banco_mentores_jr_google", tool="google", language="es",
        direction="reverse", role="mentor",
        world="Banco Sierra Madre, an invented Mexican bank, runs a reverse-mentoring "
              "programme in which young employees mentor executives; the junior mentors "
              "sign up on a Spanish Google Form.",
        columns=columns,
        rows=google_rows(rows, dt.datetime(2026, 3, 23, 8, 30), seed=2303, tz="GMT-6",
                         am="a.m.", pm="p.m."),
        quote_all=True,
    )


# =========================================================================== 4
# A Brazilian fintech start-up's peer mentoring: one Typeform for everyone.
CAJUI = "cajui.example"


def cj(local: str) -> str:
    return f"{local}@{CAJUI}"


MENTORAR, MENTORADO, OS_DOIS = "Quero mentorar", "Quero ser mentorado(a)", "Os dois!"


def pt_startup_peer_typeform() -> Case:
    columns = [
        ("#", "ignored", "Typeform response token, not a person id."),
        ("Como você se chama?", "name", ""),
        ("Seu e-mail da Cajuí", "email", ""),
        ("Em qual squad ou time você está?", "department", ""),
        ("Qual é a sua função hoje?", "role", "Job title (\"Tech Lead\", \"QA\")."),
        ("Há quanto tempo você trabalha na área?", "years_experience",
         "Free-text years (\"uns 4 anos\", \"6 meses\")."),
        ("Você trabalha de onde?", "location", "City, or \"Remoto - <city>\"."),
        ("Como você quer participar?", "role_preference",
         "Mentor / mentee / both, chosen in the form."),
        ("O que você sabe fazer bem e toparia ensinar?", "offers", ""),
        ("E o que você gostaria de aprender com alguém?", "wants", ""),
        ("Quantas horas por mês dá pra dedicar?", "capacity",
         "Hours per month the person can give: how much time they have."),
        ("Conta um pouco da sua história (formação, trajetória, hobbies)", "profile", ""),
        ("Em quais idiomas você consegue conversar?", "languages", "Free text."),
        ("E-mail da sua liderança", "manager_id", "\"Liderança\" is start-up Portuguese "
         "for one's manager."),
        ("Você lidera pessoas?", "ignored", "Yes/no, exported by Typeform as 1 / 0."),
        ("Prefere fazer par com alguém de outro squad?", "ignored",
         "Yes/no preference about the partner (1 / 0)."),
        ("Response Type", "ignored", "Typeform metadata (completed / partial)."),
        ("Start Date (UTC)", "ignored", ""),
        ("Stage Date (UTC)", "ignored", ""),
        ("Submit Date (UTC)", "ignored", ""),
        ("Network ID", "ignored", "Typeform network id, not a person id."),
        ("Tags", "ignored", "Tags the organisers set in Typeform."),
    ]
    rows: list[list[object] | None] = [
        ["Larissa Mendes", cj("larissa.mendes"), "Squad Pix", "Engenheira de software backend",
         "5 anos", "São Paulo", OS_DOIS, "Go, Kafka, arquitetura de pagamentos",
         "Liderança técnica, como virar tech lead", "4",
         "Ciência da computação na USP, corro maratona nas horas vagas", "Português, inglês",
         cj("thiago.barros"), 0, 1],
        ["Pedro Henrique Almeida", cj("pedro.almeida"), "Squad Cartões", "Dev frontend jr",
         "1 ano", "Remoto - Recife", MENTORADO, "",
         "React Native, testes automatizados, me organizar melhor", "2",
         "Fiz bootcamp depois de largar engenharia civil", "portugues", cj("renata.okada"), 0,
         1],
        ["Camila Figueiredo", cj("camila.figueiredo"), "Dados", "Analytics Engineer",
         "6 anos", "Florianópolis", MENTORAR,
         "SQL, dbt, modelagem de dados, preparar pra entrevista técnica", "", "6",
         "Estatística na UFSC. Mãe do Theo e da Nina.", "Português, inglês e espanhol",
         cj("marcelo.viana"), 0, 0],
        ["Rafael Tavares", cj("rafael.tavares"), "Plataforma/Infra", "SRE pleno",
         "uns 4 anos", "BH", OS_DOIS, "kubernetes, terraform, observabilidade",
         "falar em público, escrever melhor", "3", "", "pt, en", cj("igor.sampaio"), 0, 0],
        ["Juliana Costa Ribeiro", cj("juliana.ribeiro"), "Produto", "Product Manager",
         "8 anos (3 como PM)", "São Paulo", MENTORAR,
         "Discovery, priorização, transição de carreira pra produto", "SQL básico", "4",
         "Vim do marketing, virei PM em 2023", "Português, Inglês, Francês",
         cj("ana.prado"), 0, 1],
        ["Gustavo Nakamura", cj("gustavo.nakamura"), "Squad Crédito", "Tech Lead",
         "10 anos", "São Paulo", MENTORAR,
         "Carreira em Y, code review, lidar com dívida técnica",
         "Gestão de pessoas (sou novo no cargo)", "5", "Toco baixo numa banda de garagem",
         "Português, Inglês, Japonês (pouco)", cj("thiago.barros"), 1, 0],
        ["Beatriz Lopes", cj("beatriz.lopes"), "Design", "Product Designer jr", "2 anos",
         "Remoto - Salvador", MENTORADO, "Figma, protótipos",
         "UX research, apresentar meu trabalho pros stakeholders", "2",
         "Designer formada na UFBA", "Português", cj("luana.freitas"), 0, 1],
        ["Thiago Barros", cj("thiago.barros"), "Engenharia", "Engineering Manager",
         "12 anos", "São Paulo", OS_DOIS, "Gestão de times, 1:1, plano de carreira",
         "Finanças, entender o P&L da empresa", "2", "Engenheiro pela Poli, ex-dev Java",
         "Português e inglês", cj("felipe.araujo"), 1, 1],
        ["Aline Souza", cj("aline.souza"), "Atendimento / CX", "Analista de CX", "3 anos",
         "Remoto - Porto Alegre", MENTORADO, "Conheço muito o cliente e as dores dele",
         "Migrar pra produto ou dados", "3", "", "Português, espanhol (intermediário)",
         cj("carla.menezes"), 0, 1],
        None,
        ["Matheus Oliveira", cj("matheus.oliveira"), "Squad Pix", "QA", "1 ano e meio",
         "São Paulo", OS_DOIS, "Cypress, testes de API", "Automação com Python", "2",
         "Ex-professor de física, migrei pra tech", "PT", cj("renata.okada"), 0, 1],
        ["Natália Ferraz", cj("natalia.ferraz"), "Jurídico / Compliance", "Advogada",
         "7 anos", "São Paulo", MENTORAR, "LGPD, regulação do Banco Central, contratos",
         "N/A", "2", "Direito na PUC-SP", "Português, inglês", cj("ana.prado"), 0, 0],
        ["Vinícius Rocha", cj("vinicius.rocha"), "Dados", "Cientista de dados", "2 anos",
         "Remoto - Curitiba", OS_DOIS, "Python, modelos de fraude", "Cloud (AWS), MLOps", "4",
         "mestre em matemática aplicada", "português/inglês", cj("marcelo.viana"), 0, 1],
        ["Priscila Yamamoto", cj("priscila.yamamoto"), "People", "HR Business Partner",
         "9 anos", "São Paulo", MENTORAR, "Feedback, plano de carreira, entrevistas",
         "Entender mais de tecnologia", "3",
         "Psicóloga, trabalho com RH de startups desde 2017", "Português, inglês",
         cj("daniela.klein"), 1, 1],
        ["Lucas Martins", cj("lucas.martins"), "Squad Cartões", "Estagiário de dev",
         "6 meses", "São Paulo", MENTORADO, "",
         "tudo rs. git, boas práticas, carreira", "2", "Cursando ADS", "Português",
         cj("renata.okada"), 0, 0],
        ["Isabela Cardoso", cj("isabela.cardoso"), "Marketing", "Growth", "4 anos",
         "Rio de Janeiro", OS_DOIS, "Growth, SEO, testes A/B", "SQL e análise de dados", "3",
         "Publicitária, surfo aos fins de semana", "Português, Inglês", cj("rodrigo.paiva"),
         0, 1],
    ]
    width = len(columns) - 1 - len(TYPEFORM_TAIL)
    return Case(
        name="pt_startup_peer_typeform", tool="typeform", language="pt", direction="peer",
        role=None,
        world="Cajuí, an invented Brazilian fintech start-up, runs a peer-mentoring "
              "programme; everyone fills in the same Portuguese Typeform and says whether "
              "they want to mentor, be mentored or both.",
        columns=columns,
        rows=typeform_rows(rows, dt.datetime(2026, 4, 1, 12, 0), seed=2404, width=width,
                           tags={0: "lote-1", 5: "lote-1", 13: "revisar"}),
        tool_columns={"#", *TYPEFORM_TAIL},
        needs_person=[11],
        newline="\n",
    )


# =========================================================================== 5
# An English nurses' association branch: the coordinator's own Excel sheet, both sides.
MV = "merseyvale.nhs.example"
CW = "cheshirewest.nhs.example"


def en_nurses_coordinator_sheet() -> Case:
    columns = [
        ("Status", "ignored", "The coordinator's status (Matched / Awaiting match / "
         "Withdrawn / On hold)."),
        ("Role", "role_preference", "Mentor or Mentee: which side the member signed up for, "
         "not a job title (that is \"Job title / band\")."),
        ("Surname", "name", "The name is split over two columns."),
        ("First name", "name", "The name is split over two columns."),
        ("Member no.", "id", "The association's membership number, unique per member."),
        ("Email", "email", ""),
        ("Job title / band", "role", "Job title with the NHS pay band (\"B6\")."),
        ("Employer", "department", "The member's trust or employer, the only organisation "
         "column."),
        ("Base", "location", ""),
        ("Yrs qualified", "years_experience", "Years since registration (\"NQ\" for newly "
         "qualified)."),
        ("Specialist area", "profile", "The member's own clinical field."),
        ("Can help with", "offers", "Filled in for mentors, and by a few mentees."),
        ("Looking for", "wants", "Filled in for mentees, and by a few mentors."),
        ("Max mentees", "capacity", ""),
        ("Other languages", "languages", ""),
        ("Line manager email", "manager_id", ""),
        ("Notes", "ignored", "The member's free comments copied from the sign-up (mostly "
         "preferences about the partner and practicalities)."),
        ("PIN checked", "ignored", "Y/N: the coordinator checked the nursing registration."),
        ("Contacted on", "ignored", "The coordinator's date of last contact."),
        ("Matched with", "ignored", "The coordinator's record of the pairing: another "
         "person's name."),
        ("Notes (2)", "ignored", "The same header repeated: the coordinator's own notes."),
    ]
    d = dt.datetime
    rows = [
        ["Matched", "Mentor", "Okonjo", "Grace", "ACDN-10442", f"grace.okonjo@{MV}",
         "District Nursing Sister (B6)", "Mersey Vale NHS Trust", "Widnes", 19,
         "District nursing, leg ulcers", "Wound care, running a caseload, prescribing (V100)",
         None, 2, "Igbo", f"s.hartley@{MV}", "Happy to meet in Widnes or Runcorn", "Y",
         d(2026, 2, 3), "Chloe Brennan", "Great at last year's event"],
        ["Matched", "Mentee", "Brennan", "Chloe", "ACDN-13387", f"chloe.brennan@{MV}",
         "Staff Nurse B5", "Mersey Vale NHS Trust", "Runcorn", "NQ", "Community nursing",
         None, "Support through preceptorship, confidence with complex wound care", None,
         None, f"s.hartley@{MV}", "Would prefer someone not in my own team", "Y",
         d(2026, 2, 3), "Grace Okonjo", ""],
        ["Awaiting match", "Mentee", "Kaur", "Harpreet", "ACDN-12905",
         "harpreet.kaur@hotmail.example", "Community Staff Nurse (B5)",
         "Cheshire West Community Health", "Ellesmere Port", 3, "Palliative & end of life",
         None, "Want to go for my B6 / SPQ in district nursing next year", None,
         "Punjabi, Hindi", f"m.doyle@{CW}", "", "Y", d(2026, 2, 10), "",
         "Needs a DN with SPQ ideally"],
        ["Matched", "Mentor", "Whitfield", "Alison", "ACDN-08811", f"alison.whitfield@{CW}",
         "Community Matron (8a)", "Cheshire West Community Health", "Chester", 27,
         "Long-term conditions, COPD/heart failure",
         "Leadership, band 7/8a interviews, managing complex patients at home",
         "Keeping up with digital stuff tbh", 3, "-", f"director.nursing@{CW}",
         "Evenings best", "Y", d(2026, 1, 28), "Harriet Sowerby; Joel Mensah", ""],
        ["Matched", "Mentee", "Sowerby", "Harriet", "ACDN-13020",
         f"harriet.sowerby@{CW}", "Staff nurse", "Cheshire West Community Health",
         "Northwich", 1, "Community nursing", None,
         "Long term conditions, thinking about a matron role one day", None, None,
         f"m.doyle@{CW}", "", "Y", d(2026, 1, 28), "Alison Whitfield", ""],
        ["Withdrawn", "Mentor", "Tennant", "Derek", "ACDN-06132",
         "derek.tennant@btinternet.example", "Practice Nurse", "Riverside Medical Practice",
         "Warrington", 31, "General practice nursing, diabetes",
         "Diabetes, cytology, moving from hospital to GP practice", None, 1, None, None,
         "", "Y", d(2026, 1, 20), "", "Withdrew 12/02 - retiring in April"],
        ["Awaiting match", "Mentor", "Adeyemi", "Folake", "ACDN-09974", f"f.adeyemi@{MV}",
         "Tissue Viability Nurse Specialist B7", "Mersey Vale NHS Trust", "Warrington", 15,
         "Tissue viability", "Tissue viability, pressure ulcer prevention, audit, teaching",
         "Research - I'd like to start a small project", 2, "Yoruba",
         f"tv.lead@{MV}", "", "Y", d(2026, 2, 12), "", ""],
        ["Matched", "Mentee", "Mensah", "Joel", "ACDN-13311", "joel.mensah@gmail.example",
         "Community Staff Nurse", "Cheshire West Community Health", "Chester", "2",
         "District nursing", "I can show people the new e-rostering app",
         "Managing my time on a big caseload, heart failure", None, "Twi", f"m.doyle@{CW}",
         "Male mentor preferred if poss", "Y", d(2026, 1, 28), "Alison Whitfield", ""],
        ["On hold", "Mentee", "O'Driscoll", "Siobhan", "ACDN-12790",
         "siobhan.odriscoll@outlook.example", "Band 5 RN", "Halton Hospice", "Widnes", 4,
         "Hospice / palliative care", None, "Not sure yet - general career chat", None,
         None, None, "On maternity leave until June", "N", None, "", "Chase in May"],
        ["Awaiting match", "Mentor", "Lowe", "Patricia", "ACDN-05507",
         "trish.lowe@btinternet.example", "Retired DN team leader", "n/a (retired)",
         "Frodsham", 38, "District nursing, team leadership",
         "Anything DN! Team leading, caseload management, difficult conversations", None, 3,
         None, None, "Can drive to anywhere in Cheshire", "Y", d(2026, 2, 14), "",
         "Lovely on the phone"],
        ["Matched", "Mentor", "Nowak", "Kasia", "ACDN-10893", f"katarzyna.nowak@{MV}",
         "Specialist Nurse Heart Failure (B7)", "Mersey Vale NHS Trust", "Runcorn", 12,
         "Cardiology / heart failure",
         "Heart failure management, non-medical prescribing, getting published", None, 1,
         "Polish", f"cardio.matron@{MV}", "", "Y", d(2026, 2, 3), "Ruth Ellison", ""],
        ["Matched", "Mentee", "Ellison", "Ruth", "ACDN-11460", f"ruth.ellison@{MV}",
         "Staff nurse (B5), cardiology ward -> moving to community",
         "Mersey Vale NHS Trust", "Warrington", 6, "Cardiology", None,
         "Making the move from the ward into the community", None, None, f"s.hartley@{MV}",
         "", "Y", d(2026, 2, 3), "Kasia Nowak", ""],
        ["Awaiting match", "Mentee", "Reyes", "Maricel", "ACDN-13402",
         "maricel.reyes@yahoo.example", "Community Staff Nurse B5",
         "Cheshire West Community Health", "Ellesmere Port", 1,
         "Community nursing (trained in the Philippines, 8 yrs ICU there)",
         "ICU skills, lines and drains", "Adapting to UK community practice, revalidation",
         None, "Tagalog", f"m.doyle@{CW}", "Weekends better", "Y", d(2026, 2, 16), "",
         "OSCE done 2025"],
        ["Awaiting match", "Mentor", "Hughes", "Gareth", "ACDN-07741",
         f"gareth.hughes@{CW}", "Clinical Lead, District Nursing",
         "Cheshire West Community Health", "Chester", 22, "District nursing, service redesign",
         "Service improvement, QI projects, leadership", "", "2", "Welsh",
         f"director.nursing@{CW}", "", "Y", d(2026, 2, 16), "", ""],
        ["Matched", "Mentor", "Chaudhry", "Nadia", "ACDN-09120", f"nadia.chaudhry@{MV}",
         "Macmillan CNS (B7)", "Mersey Vale NHS Trust", "Widnes", 14,
         "Palliative care, oncology", "Palliative care, advance care planning, self-care!",
         None, 1, "Urdu", f"macmillan.lead@{MV}", "", "Y", d(2026, 2, 10),
         "Harpreet Kaur?", "Check with HK before confirming"],
        ["Awaiting match", "Mentee", "Pritchard", "Owen", "ACDN-13455",
         "owen.pritchard@gmail.example", "Student nurse (3rd yr)", "University placement",
         "Chester", 0, "Adult nursing", None,
         "Getting my first community job, interview practice", None, None, None, "",
         "N", d(2026, 2, 18), "", "Student - eligible? check rules"],
        ["Matched", "Mentee", "Farrell", "Bethany", "ACDN-12233", f"bethany.farrell@{MV}",
         "Community Staff Nurse B5", "Mersey Vale NHS Trust", "Widnes", 2,
         "Community nursing", None, "Wound care, leg ulcer clinics", None, None,
         f"s.hartley@{MV}", "", "Y", d(2026, 2, 3), "Grace Okonjo", "GO has 2 now - full"],
        ["Awaiting match", "Mentor", "Sutcliffe", "Janet", "ACDN-04418",
         f"janet.sutcliffe@{CW}", "Team Leader (B7) - Community Nursing",
         "Cheshire West Community Health", "Northwich", "25+", "District nursing",
         "Team leading, rota headaches, supporting new starters", "", 2, None,
         f"alison.whitfield@{CW}", "Not Mondays", "Y", d(2026, 2, 20), "", ""],
    ]
    return Case(
        name="en_nurses_coordinator_sheet", tool="spreadsheet", language="en",
        direction="classic", role=None,
        world="The North West branch of an invented community nurses' association runs a "
              "classic mentoring scheme; its volunteer coordinator keeps mentors and mentees "
              "in one Excel workbook, with a Role column and her own tracking columns.",
        columns=columns, rows=rows, export="xlsx", sheet_title="Mentoring 2026",
        creator="Maureen Atherton", date_format="dd/mm/yyyy",
        extra_sheets={"Lists": [["Status", "Role"], ["Awaiting match", "Mentor"],
                                ["Matched", "Mentee"], ["On hold", None],
                                ["Withdrawn", None]]},
    )


# =========================================================================== 6
# A Canadian software company's reverse mentoring: the executives' bilingual Microsoft Form.
NL = "northlake.example"


def nl(local: str) -> str:
    return f"{local}@{NL}"


THEMES = ["AI tools / Outils d'IA",
          "Social media and personal brand / Médias sociaux et marque personnelle",
          "Gen Z at work / La génération Z au travail",
          "Developer culture and open source / Culture développeur et logiciel libre",
          "Diversity, equity and inclusion / Diversité, équité et inclusion",
          "Hybrid work / Travail hybride"]
AI, SOCIAL, GENZ_, DEVX, DEI_, HYBRID = THEMES
LANGS = ["English", "Français"]
EN, FR = LANGS
FREQ = ["Every two weeks / Aux deux semaines", "Monthly / Une fois par mois",
        "Every 6-8 weeks / Aux 6 à 8 semaines"]
BIWEEKLY, MONTHLY, SIXWEEKS = FREQ
AGREE = "I agree / J'accepte"


def themes(*c: str) -> str:
    return mpick(THEMES, *c)


def lang(*c: str) -> str:
    return mpick(LANGS, *c)


def multi_tech_execs_ms() -> Case:
    columns = [
        ("ID", "ignored", "Microsoft Forms response number, not a person id."),
        ("Start time", "ignored", ""),
        ("Completion time", "ignored", ""),
        ("Email", "email", ""),
        ("Name", "name", ""),
        ("Last modified time", "ignored", ""),
        ("Department / Département", "department", ""),
        ("Job title / Titre du poste", "role", ""),
        ("How many years have you been in leadership roles? / Depuis combien d'années "
         "occupez-vous des postes de direction ?", "years_experience", ""),
        ("Office / Bureau", "location", ""),
        ("Preferred language for sessions / Langue privilégiée pour les rencontres",
         "languages", "English and/or Français ticked: the languages the sessions can be "
         "held in."),
        ("Tell us a bit about your career path / Parlez-nous un peu de votre parcours",
         "profile", ""),
        ("What would you like your reverse mentor to help you understand better? / "
         "Qu'aimeriez-vous que votre mentor inversé vous aide à mieux comprendre ?", "wants",
         "The executive is the mentee in reverse mentoring: what they want to learn."),
        ("Themes of interest / Thèmes d'intérêt", "wants",
         "Multiple choice of themes the executive wants to explore."),
        ("What could you offer your mentor in return? / Que pourriez-vous offrir à votre "
         "mentor en retour ?", "offers", "What the executive gives back: an offer from the "
         "mentee side."),
        ("Topics you'd rather not discuss / Sujets que vous préférez ne pas aborder",
         "ignored", "Topics to avoid, never offers or wants."),
        ("Any preferences regarding your mentor (team, office, language...)? / Des "
         "préférences concernant votre mentor (équipe, bureau, langue...) ?", "ignored",
         "Preferences about the partner."),
        ("How often could you meet? / À quelle fréquence pourriez-vous vous rencontrer ?",
         "capacity", "Meeting frequency: how much time the executive has."),
        ("Executive assistant's email / Courriel de votre adjoint(e) de direction",
         "ignored", "An e-mail address, but the assistant's, for scheduling: not the "
         "manager's."),
        ("I agree that my answers may be shared with the program team / J'accepte que mes "
         "réponses soient communiquées à l'équipe du programme", "ignored", "Consent."),
    ]
    rows = [
        [nl("genevieve.tremblay"), "Geneviève Tremblay", "Finance", "CFO / Cheffe de la "
         "direction financière", "14", "Montréal", lang(EN, FR),
         "CPA, Big Four puis Northlake depuis 2018.",
         "Comment nos jeunes devs utilisent vraiment l'IA au quotidien",
         themes(AI, GENZ_), "Lire un bilan, comprendre comment on finance une croissance",
         "Ma vie personnelle", "Quelqu'un hors de la finance svp", MONTHLY,
         nl("sophie.leblanc"), AGREE],
        [nl("robert.macleod"), "Robert MacLeod", "Sales / Ventes", "SVP Sales, Americas",
         "20+", "Toronto", lang(EN),
         "Enterprise software sales for 25 years, joined Northlake in 2021.",
         "How younger buyers research products - TikTok? Reddit?", themes(SOCIAL, GENZ_),
         "Negotiation, building a book of business", "Compensation", "", SIXWEEKS,
         nl("karen.walsh"), AGREE],
        [nl("priya.raman"), "Priya Raman", "Engineering / Ingénierie",
         "VP Engineering", "9", "Toronto", lang(EN),
         "Started as a backend dev, moved into management 9 yrs ago.",
         "What it's like to be a new grad engineer here now, onboarding pain points",
         themes(DEVX, DEI_, HYBRID), "Career growth in engineering, promotion packets",
         "N/A", "Not from my own org please (too awkward)", BIWEEKLY, None, AGREE],
        [nl("marcandre.gagnon"), "Marc-André Gagnon", "Operations / Opérations",
         "Directeur principal, Opérations", "11 ans", "Québec", lang(FR),
         "Ingénieur industriel, 11 ans en gestion des opérations.",
         "Les outils collaboratifs que les jeunes préfèrent et pourquoi",
         themes(AI, HYBRID), "Gestion de projets complexes", "Politique",
         "Francophone svp", MONTHLY, nl("julie.roy"), AGREE],
        [nl("susan.whitfield"), "Susan Whitfield", "People & Culture / Personnes et culture",
         "Chief People Officer", "16", "Toronto", lang(EN),
         "HR leader, previously at two SaaS scale-ups.",
         "What Gen Z actually wants from an employer, beyond the surveys",
         themes(GENZ_, DEI_, HYBRID), "Navigating org politics, giving hard feedback",
         "Individual employee cases", "", BIWEEKLY, nl("tanya.singh"), AGREE],
        [nl("kevin.obrien"), "Kevin O'Brien", "Product / Produit", "VP Product", "7",
         "Vancouver", lang(EN), "PM for 12 yrs, VP since 2019.",
         "AI-assisted prototyping, how juniors use Copilot/ChatGPT", themes(AI, DEVX),
         "Product strategy, saying no to customers", "", "Someone from engineering ideally",
         BIWEEKLY, None, AGREE],
        [nl("nathalie.belanger"), "Nathalie Bélanger", "Legal / Affaires juridiques",
         "Chief Legal Officer / Cheffe des affaires juridiques", "12", "Montréal",
         lang(EN, FR), "Avocate, Barreau du Québec 2004, en entreprise depuis 2012.",
         "Open source licences from a developer's point of view; réseaux sociaux",
         themes(SOCIAL, DEVX), "Legal basics every employee should know",
         "Litiges en cours", "", SIXWEEKS, nl("sophie.leblanc"), AGREE],
        [nl("wei.chen"), "Wei Chen", "Engineering / Ingénierie",
         "Director, Platform Engineering", "5", "Vancouver", lang(EN),
         "Infra/platform, ex-big tech, came to Northlake for the mission",
         "How to keep junior engineers engaged when working fully remote",
         themes(GENZ_, HYBRID), "System design, on-call culture", "n/a", "", BIWEEKLY, None,
         AGREE],
        [nl("claude.levesque"), "Claude Lévesque", "Executive Office / Bureau de la "
         "direction", "COO / Chef de l'exploitation", "22", "Montréal", lang(FR),
         "Cofondateur de Northlake (2009).",
         "Tout ce qui touche l'IA générative, je suis en retard", themes(AI),
         "L'histoire de l'entreprise, l'entrepreneuriat", "Rémunération, restructuration",
         "Peu importe", MONTHLY, nl("julie.roy"), AGREE],
        [nl("jennifer.kowalczyk"), "Jennifer Kowalczyk", "Marketing",
         "VP Marketing", "8", "Toronto", lang(EN),
         "B2B marketing, brand and demand gen.",
         "Creator economy, LinkedIn vs TikTok for B2B, how to sound less corporate",
         themes(SOCIAL, GENZ_), "Storytelling, building a personal brand the old way",
         "", "", BIWEEKLY, nl("karen.walsh"), AGREE],
        [nl("amir.haddadi"), "Amir Haddadi", "Customer Success / Succès client",
         "Directeur, Succès client", "6", "Ottawa", lang(EN, FR),
         "Support puis CS, gère 40 personnes entre Ottawa et Montréal.",
         "How the new generation wants to be managed / être géré",
         themes(GENZ_, DEI_, HYBRID), "Gestion d'équipe multi-sites", "", "",
         MONTHLY, None, AGREE],
        [nl("isabelle.cote"), "Isabelle Côté", "Information Security / Sécurité de "
         "l'information", "CISO / Cheffe de la sécurité de l'information", "10", "Québec",
         lang(FR, EN), "Sécurité informatique depuis 20 ans, CISO depuis 2020.",
         "Les comportements en ligne des jeunes employés (shadow IT, outils IA)",
         themes(AI, SOCIAL), "Cybersécurité, évidemment", "", "", SIXWEEKS, None, AGREE],
        [nl("david.thompson"), "David Thompson", "Finance", "VP Finance & Strategy", "4",
         "Toronto", lang(EN), "", "Not sure yet, open to suggestions",
         themes(AI, HYBRID), "", "", "", MONTHLY, nl("karen.walsh"), AGREE],
        [nl("helene.pelletier"), "Hélène Pelletier", "Product / Produit",
         "Directrice principale, Design", "7 ans", "Montréal", lang(EN, FR),
         "Designer UX, je dirige l'équipe design (15 pers.).",
         "L'accessibilité vue par la relève; et l'IA en design",
         themes(AI, DEI_, DEVX), "Critique de design, présenter à la haute direction",
         "Santé", "Quelqu'un d'une autre équipe que le design", BIWEEKLY,
         nl("sophie.leblanc"), AGREE],
    ]
    return Case(
        name="multi_tech_execs_ms", tool="microsoft", language="multi", direction="reverse",
        role="mentee",
        world="Northlake, an invented Canadian software company with offices in Montréal, "
              "Québec, Ottawa, Toronto and Vancouver, runs reverse mentoring; its executives "
              "(mentees) sign up on a bilingual English/French Microsoft Form.",
        columns=columns,
        rows=ms_rows(rows, dt.datetime(2026, 3, 30, 7, 40), seed=2606, modified={6: 1440}),
        export="xlsx",
    )


CASES = [fr_chu_seniors_ms, de_promotion_mentoren_google, es_banco_mentores_jr_google,
         pt_startup_peer_typeform, en_nurses_coordinator_sheet, multi_tech_execs_ms]


# =========================================================================== writing

def keyed(headers: list[str]) -> list[str]:
    """Headers as ``expected.json`` keys: a header's second copy becomes "<header> (2)"."""
    seen: dict[str, int] = {}
    keys = []
    for header in headers:
        seen[header] = seen.get(header, 0) + 1
        keys.append(header if seen[header] == 1 else f"{header} ({seen[header]})")
    return keys


def headers(case: Case) -> list[str]:
    """The header row as written in the file: a " (n)" key suffix is not in the file."""
    out = []
    for key, _, _ in case.columns:
        written = re.sub(r" \(\d+\)$", "", key)
        out.append(written if written in [k for k, _, _ in case.columns] else key)
    return out


FIXED_TIME = (2026, 4, 24, 0, 0, 0)
STAMP = "2026-04-24T00:00:00Z"


def xlsx_bytes(case: Case) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = case.sheet_title
    sheet.append(headers(case))
    for row in case.rows:
        sheet.append(row)
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, dt.datetime):
                cell.number_format = case.date_format
    for title, table in case.extra_sheets.items():
        extra = book.create_sheet(title)
        for row in table:
            extra.append(row)
    book.properties.creator = case.creator
    book.properties.lastModifiedBy = case.creator
    book.properties.created = dt.datetime(*FIXED_TIME)
    book.properties.modified = dt.datetime(*FIXED_TIME)
    raw = io.BytesIO()
    book.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(?:modified|created)[^>]*>)[^<]*",
                              rb"\g<1>" + STAMP.encode(), data)
            dst.writestr(zipfile.ZipInfo(info.filename, FIXED_TIME), data,
                         compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def csv_bytes(case: Case) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=case.newline,
                        quoting=csv.QUOTE_ALL if case.quote_all else csv.QUOTE_MINIMAL)
    writer.writerow(headers(case))
    for row in case.rows:
        writer.writerow(["" if c is None else c for c in row])
    return buffer.getvalue().encode("utf-8")


def expected(case: Case) -> dict:
    data = {
        "world": case.world,
        "tool": case.tool,
        "language": case.language,
        "direction": case.direction,
        "role": case.role,
        "split": "test",
        "rows": len(case.rows),
        "fields": {key: f for key, f, _ in case.columns},
        "needs": {key: why for key, _, why in case.columns if why},
    }
    if case.needs_person:
        data["needs_person"] = case.needs_person
    return data


def case_files(case: Case) -> dict[str, bytes]:
    """File name -> bytes for one case folder."""
    width = len(case.columns)
    for i, row in enumerate(case.rows):
        assert len(row) == width, (case.name, i, len(row), width)
    assert keyed(headers(case)) == [k for k, _, _ in case.columns], case.name
    export = (f"form.{case.export}",
              xlsx_bytes(case) if case.export == "xlsx" else csv_bytes(case))
    text = json.dumps(expected(case), ensure_ascii=False, indent=2) + "\n"
    return dict([export, ("expected.json", text.encode("utf-8"))])


# =========================================================================== checking

def read_export(folder: Path) -> tuple[list[str], list[list[object]]]:
    """The header and data rows of a case's export, read the way an importer would."""
    if (folder / "form.xlsx").exists():
        from openpyxl import load_workbook

        book = load_workbook(folder / "form.xlsx", read_only=True)
        table = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
        book.close()
        return [str(h) for h in table[0]], table[1:]
    text = (folder / "form.csv").read_text(encoding="utf-8-sig")
    table = list(csv.reader(io.StringIO(text, newline="")))
    return table[0], table[1:]


def blank(value: object) -> bool:
    return value is None or str(value).strip() == ""


def check() -> list[str]:
    """Problems in the case folders beside this script (empty when all is well)."""
    problems = []
    made = {make().name: make() for make in CASES}
    folders = sorted(p for p in HERE.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))
    if sorted(f.name for f in folders) != sorted(made):
        problems.append(f"case folders {[f.name for f in folders]} differ from {sorted(made)}")
    for folder in folders:
        exports = [p for p in ("form.csv", "form.xlsx") if (folder / p).exists()]
        present = sorted(p.name for p in folder.iterdir())
        if len(exports) != 1 or not (folder / "expected.json").exists():
            problems.append(f"{folder.name}: needs one export and expected.json")
            continue
        if len(present) != 2:
            problems.append(f"{folder.name}: unexpected files {present}")
        case = made.get(folder.name)
        if case is not None:
            for name, data in case_files(case).items():
                path = folder / name
                if not path.exists() or path.read_bytes() != data:
                    problems.append(f"{folder.name}/{name}: differs from what this script "
                                    "writes (run it without --check)")
        spec = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        header, rows = read_export(folder)
        if keyed(header) != list(spec["fields"]):
            problems.append(f"{folder.name}: fields keys differ from the header")
        if len(rows) != spec["rows"] or not 12 <= len(rows) <= 20:
            problems.append(f"{folder.name}: rows {spec['rows']} but file has {len(rows)}")
        if any(len(r) != len(header) for r in rows):
            problems.append(f"{folder.name}: a row has the wrong number of cells")
        bad = set(spec["fields"].values()) - FIELDS
        if bad:
            problems.append(f"{folder.name}: unknown fields {sorted(bad)}")
        if set(spec["needs"]) - set(spec["fields"]):
            problems.append(f"{folder.name}: needs names a column the file lacks")
        if (spec["tool"] not in TOOLS or spec["language"] not in LANGUAGES
                or spec["direction"] not in DIRECTIONS
                or spec["role"] not in ("mentor", "mentee", None)
                or spec["split"] != "test"):
            problems.append(f"{folder.name}: bad metadata")
        allowed = {"microsoft": {"form.xlsx"}, "google": {"form.csv"},
                   "typeform": {"form.csv"}}.get(spec["tool"], {"form.csv", "form.xlsx"})
        if exports[0] not in allowed:
            problems.append(f"{folder.name}: {spec['tool']} export is {exports[0]}")
        emails = re.findall(r"[\w.+-]+@([\w.-]+)", json.dumps(rows, default=str))
        if any(not d.endswith(".example") for d in emails):
            problems.append(f"{folder.name}: an e-mail domain does not end in .example")
        keys = list(spec["fields"])
        tool_cols = case.tool_columns if case is not None else set()
        for number in spec.get("needs_person", []):
            if not 2 <= number <= len(rows) + 1:
                problems.append(f"{folder.name}: needs_person row {number} out of range")
                continue
            row = rows[number - 2]
            if any(not blank(v) for k, v in zip(keys, row, strict=False) if k not in tool_cols):
                problems.append(f"{folder.name}: needs_person row {number} has answers")
        for number, row in enumerate(rows, start=2):
            if number in spec.get("needs_person", []):
                continue
            named = [v for k, v in zip(keys, row, strict=False) if spec["fields"][k] == "name"]
            if all(blank(v) for v in named):
                problems.append(f"{folder.name}: row {number} has no name "
                                "but is not in needs_person")
    return problems


def main(argv: list[str]) -> int:
    if "--check" not in argv:
        for make in CASES:
            case = make()
            folder = HERE / case.name
            folder.mkdir(exist_ok=True)
            for name, data in case_files(case).items():
                (folder / name).write_bytes(data)
            print(folder.relative_to(HERE.parent))
    problems = check()
    for problem in problems:
        print("PROBLEM:", problem)
    if not problems:
        digest = hashlib.sha256()
        for folder in sorted(p for p in HERE.iterdir() if p.is_dir()):
            for path in sorted(folder.iterdir()):
                digest.update(path.name.encode() + path.read_bytes())
        print(f"ok: {len(CASES)} cases, sha256 {digest.hexdigest()[:16]}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
