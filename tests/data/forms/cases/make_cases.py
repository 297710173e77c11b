"""Labelled sign-up form exports: one folder per case, each with the export and ``expected.json``.

Run ``.venv/bin/python tests/data/forms/cases/make_cases.py`` from the project root to rewrite
every case folder beside this script, then check them (``--check`` only checks).

Every person, company, e-mail address and answer below is invented; e-mail domains end in
``.example``. The files copy the shapes of real exports:

- Google Forms "Download responses (.csv)": every field quoted, a ``Timestamp`` column like
  ``2026/03/12 9:14:02 AM GMT+1``, checkbox answers joined by ``", "`` in the form's option
  order, an "Other" answer typed in as free text after the ticked options.
- Microsoft Forms "Open results in Excel" (XLSX, first sheet): ``ID``, start and end times as
  date cells shown ``12/03/2026 09:14:02``, the respondent's e-mail and name, the last
  modification time, then the questions; multiple choice joined by ``";"`` with a trailing
  ``";"``. A form open to anyone writes ``anonymous`` and no name.
- Typeform CSV: a ``#`` response token first, the questions, then ``Response Type``,
  ``Start Date (UTC)``, ``Stage Date (UTC)``, ``Submit Date (UTC)``, ``Network ID``, ``Tags``;
  yes/no questions as ``1`` / ``0``; an unfinished response as ``partial`` with empty answers.
- hand-made spreadsheets saved as CSV (German Excel: ``;``, UTF-8 with BOM; Google Sheets: ``,``).

``expected.json`` says, for every column, the people field a human would map it to, and why
for the columns where that is not obvious.
"""

from __future__ import annotations

import csv
import datetime as dt
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


@dataclass
class Case:
    name: str
    tool: str
    language: str
    direction: str
    role: str | None
    split: str
    world: str
    columns: list[tuple[str, str, str]]  # (header, field, why; "" when obvious)
    rows: list[list[object]]
    # CSV only: delimiter, BOM, quote every field, line ending
    delimiter: str = ","
    bom: bool = False
    quote_all: bool = False
    newline: str = "\r\n"
    extra: dict = field(default_factory=dict)


# --------------------------------------------------------------------------- small helpers

def moments(n: int, start: dt.datetime, seed: int, min_gap: int = 4,
            max_gap: int = 400) -> list[dt.datetime]:
    """``n`` increasing submission times from ``start``, gaps drawn with a fixed seed."""
    rng = random.Random(seed)
    out, now = [], start
    for _ in range(n):
        now = now + dt.timedelta(minutes=rng.randint(min_gap, max_gap),
                                 seconds=rng.randint(0, 59))
        out.append(now)
    return out


def google_ts(moment: dt.datetime, tz: str) -> str:
    """Google Forms CSV timestamp: ``2026/03/12 9:14:02 AM GMT+1``."""
    hour = moment.hour % 12 or 12
    half = "AM" if moment.hour < 12 else "PM"
    return f"{moment:%Y/%m/%d} {hour}:{moment:%M:%S} {half} {tz}"


def typeform_ts(moment: dt.datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M:%S}"


def pick(options: list[str], *chosen: str) -> str:
    """Google checkbox answer: ticked options in form order, then an "Other" text."""
    ticked = [o for o in options if o in chosen]
    other = [c for c in chosen if c not in options]
    return ", ".join(ticked + other)


def ms_pick(options: list[str], *chosen: str) -> str:
    """Microsoft Forms multiple choice: ``a;b;`` (form order, "Other" text last)."""
    ticked = [o for o in options if o in chosen]
    other = [c for c in chosen if c not in options]
    return "".join(f"{c};" for c in ticked + other)


def google_rows(rows: list[list[object]], start: dt.datetime, seed: int,
                tz: str) -> list[list[object]]:
    times = moments(len(rows), start, seed)
    return [[google_ts(t, tz), *row] for t, row in zip(times, rows, strict=True)]


def ms_rows(rows: list[list[object]], ids: list[int], start: dt.datetime, seed: int,
            modified: dict[int, int], anonymous: bool = False) -> list[list[object]]:
    """Prepend ID, start, end, (e-mail, name,) last modified. ``rows`` hold e-mail and name
    first unless ``anonymous``; ``modified`` maps a row index to minutes after its end."""
    rng = random.Random(seed + 1)
    out = []
    for i, (row, begun) in enumerate(zip(rows, moments(len(rows), start, seed), strict=True)):
        ended = begun + dt.timedelta(minutes=rng.randint(2, 14), seconds=rng.randint(0, 59))
        changed = ended + dt.timedelta(minutes=modified[i]) if i in modified else None
        who, answers = ([ "anonymous", None], row) if anonymous else (row[:2], row[2:])
        out.append([ids[i], begun, ended, *who, changed, *answers])
    return out


def typeform_rows(rows: list[list[object]], start: dt.datetime, seed: int,
                  partial: set[int] = frozenset(), tags: dict[int, str] | None = None
                  ) -> list[list[object]]:
    """Prepend the ``#`` token, append Response Type, the three dates, Network ID, Tags."""
    rng = random.Random(seed)
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
    tags = tags or {}
    out = []
    for i, (row, begun) in enumerate(zip(rows, moments(len(rows), start, seed + 7), strict=True)):
        token = "".join(rng.choice(alphabet) for _ in range(32))
        network = "".join(rng.choice("0123456789abcdef") for _ in range(10))
        spent = dt.timedelta(minutes=rng.randint(1, 16), seconds=rng.randint(0, 59))
        if i in partial:
            tail = ["partial", typeform_ts(begun), typeform_ts(begun + spent), "", network]
        else:
            done = typeform_ts(begun + spent)
            tail = ["completed", typeform_ts(begun), done, done, network]
        out.append([token, *row, *tail, tags.get(i, "")])
    return out


# =========================================================================== the cases
# --------------------------------------------------------------------------- 1
VALMONDE = "valmonde-assurances.example"


def v(local: str) -> str:
    return f"{local}@{VALMONDE}"


FR_LANGS = ["Français", "Anglais", "Espagnol", "Allemand", "Italien"]
IA = "IA générative (ChatGPT, Copilot…)"
RS = "Réseaux sociaux"
COLLAB = "Outils collaboratifs (Teams, SharePoint)"
DATA = "Data et tableaux de bord"
CYBER = "Cybersécurité"
NOCODE = "No-code et automatisation"
VIDEO = "Vidéo et podcasts"
OUTILS = [IA, RS, COLLAB, DATA, CYBER, NOCODE, VIDEO]
CONSENT = "J'accepte"


def fr_langs(*chosen: str) -> str:
    return ms_pick(FR_LANGS, *chosen)


def outils(*chosen: str) -> str:
    return ms_pick(OUTILS, *chosen)


def fr_reverse_juniors_ms() -> Case:
    columns = [
        ("ID", "ignored", "Microsoft Forms response number (1..N), not a person id: the "
         "leaders' form of the same programme reuses the same numbers."),
        ("Heure de début", "ignored", ""),
        ("Heure de fin", "ignored", ""),
        ("Adresse de messagerie", "email", ""),
        ("Nom", "name", ""),
        ("Heure de la dernière modification", "ignored", "Form metadata: when an answer "
         "was edited, mostly empty."),
        ("Depuis combien de temps êtes-vous dans l'entreprise ?", "years_experience",
         "Tenure in ranges (\"Moins d'un an\", \"1 à 2 ans\"): the only seniority the form "
         "gives."),
        ("Direction / service", "department", ""),
        ("Site", "location", ""),
        ("Intitulé de poste", "role", ""),
        ("Quelles langues parlez-vous ?", "languages", ""),
        ("Quels sujets aimeriez-vous transmettre à un dirigeant ?", "offers",
         "In reverse mentoring the junior is the mentor: what they would pass on to a "
         "leader is what they offer, although it is phrased as a wish (\"aimeriez\")."),
        ("Sur quels outils ou usages êtes-vous à l'aise ?", "offers",
         "The junior's own skills (multiple choice), which are what they coach the leader "
         "on."),
        ("Qu'attendez-vous de ce programme pour vous-même ?", "wants",
         "What the junior expects for themselves: a want, even on the mentors' form."),
        ("Y a-t-il des sujets que vous ne souhaitez pas aborder ?", "ignored",
         "Topics to AVOID: feeding them to offers or wants would match on the very "
         "subjects the person refuses."),
        ("Combien de dirigeants pouvez-vous accompagner ?", "capacity",
         "How many leaders one junior can take on (\"1\", \"2\", \"1 ou 2\")."),
        ("E-mail de votre manager", "manager_id", ""),
        ("J'accepte que mes réponses soient utilisées pour constituer les binômes",
         "ignored", "Consent checkbox, the same answer on every row."),
    ]
    rows = [
        [v("ines.benali"), "Inès Benali", "1 à 2 ans", "Marketing & Communication",
         "Paris - La Défense", "Chargée de communication digitale",
         fr_langs("Français", "Anglais", "Arabe"),
         "Comment ma génération s'informe et consomme : TikTok, newsletters, podcasts. Et les "
         "codes de LinkedIn pour la marque employeur.",
         outils(RS, VIDEO, IA),
         "Comprendre comment se prennent les grandes décisions et gagner en aisance à l'oral "
         "face à un comex.", None, "1", v("julie.marchand"), CONSENT],
        [v("lucas.moreau-pieri"), "Lucas Moreau-Pieri", "Moins d'un an",
         "DSI - Infrastructure", "Lyon", "Alternant ingénieur cloud",
         fr_langs("Français", "Anglais"),
         "Le cloud et ce que ça change pour les métiers, l'usage de Copilot au quotidien, le "
         "travail hybride vu par un alternant.",
         outils(IA, COLLAB, NOCODE),
         "Avoir un regard sur la stratégie du groupe et me faire connaître pour une embauche "
         "après l'alternance", "Non", "2", v("stephane.rigaud"), CONSENT],
        [v("chloe.vasseur"), "Chloé Vasseur", "3 à 5 ans", "Indemnisation", "Nantes",
         "Gestionnaire sinistres", fr_langs("Français"),
         "La réalité du terrain côté gestion des sinistres : les outils qui nous ralentissent, "
         "ce que les clients nous disent au téléphone.",
         outils(COLLAB, DATA),
         "Prendre du recul sur mon métier et réfléchir à une évolution vers la gestion de "
         "projet.", "Ma situation personnelle", "1", v("nadia.bensalem"), CONSENT],
        [v("yanis.haddad"), "Yanis Haddad", "1 à 2 ans",
         "Direction des Systèmes d'Information", "Paris - La Défense", "Analyste SOC",
         fr_langs("Français", "Anglais", "Arabe"),
         "Cybersécurité concrète : phishing, mots de passe, ce qu'on voit passer au SOC chaque "
         "semaine. Je peux faire une démo d'attaque simulée.",
         outils(CYBER, IA), "Développer mon réseau en dehors de la DSI", None, "1 ou 2",
         v("francois.aubert"), CONSENT],
        [v("manon.legoff"), "Manon Le Goff", "Moins d'un an", "RH - Développement des talents",
         "Lille", "Chargée de recrutement", fr_langs("Français", "Anglais", "Espagnol"),
         "Les attentes des jeunes diplômés vis à vis d'un employeur (sens, flexibilité, RSE) "
         "et comment on les recrute aujourd'hui",
         outils(RS, COLLAB),
         "Mieux connaître les métiers de l'assurance et avoir des conseils de carrière", "Non",
         "2", v("cecile.perrin"), CONSENT],
        [v("theo.marchetti"), "Théo Marchetti", "1 à 2 ans", "Finance - Contrôle de gestion",
         "Paris - La Défense", "Contrôleur de gestion junior",
         fr_langs("Français", "Anglais", "Italien"),
         "Power BI et l'automatisation des reportings. Montrer qu'un tableau de bord peut "
         "remplacer 3 fichiers Excel.",
         outils(DATA, NOCODE, IA),
         "Comprendre les arbitrages budgétaires au niveau direction générale",
         "Rien de particulier", "1", v("delphine.arnaud"), CONSENT],
        [v("awa.diallo"), "Awa Diallo", "3 à 5 ans", "Relation client", "Marseille",
         "Conseillère clientèle senior", fr_langs("Français", "Anglais", "Wolof"),
         "La diversité et l'inclusion, mon parcours (reconversion après un BTS), la relation "
         "client par messagerie instantanée",
         outils(RS, COLLAB),
         "Avoir plus de visibilité, qu'on sache qu'on existe en agence. Et apprendre à "
         "présenter un projet.", None, "1", v("valerie.marchal"), CONSENT],
        [v("hugo.lefranc"), "Hugo Lefranc", "Moins d'un an", "Innovation & Data Lab",
         "Paris - La Défense", "Data scientist",
         fr_langs("Français", "Anglais", "Allemand"),
         "IA générative : ce que ça sait faire, ce que ça ne sait pas faire, les risques. "
         "Prompting de base.",
         outils(IA, DATA, NOCODE),
         "Apprendre à vulgariser et à convaincre des décideurs non techniques", "Non", "2",
         v("thomas.renaud"), CONSENT],
        [v("sarah.kowalczyk"), "Sarah Kowalczyk", "1 à 2 ans", "Juridique",
         "Paris - La Défense", "Juriste conformité",
         fr_langs("Français", "Anglais", "Polonais"), "RGPD et IA, sobriété numérique",
         outils(IA, CYBER), None, "Non", "1", v("elise.caron"), CONSENT],
        [v("maxime.roussel"), "Maxime Roussel", "3 à 5 ans", "Actuariat", "Paris - La Défense",
         "Actuaire", fr_langs("Français", "Anglais"),
         "Python et la culture data, le télétravail vu par les moins de 30 ans",
         outils(DATA, NOCODE),
         "Échanger avec un dirigeant sur son parcours, savoir comment on devient manager",
         "Les sujets politiques", "1 ou 2", v("vincent.morel"), CONSENT],
        [v("lea.nguyen"), "Léa Nguyen", "Moins d'un an", "Marketing & Communication", "Lyon",
         "Community manager", fr_langs("Français", "Anglais", "Vietnamien"),
         "Instagram, TikTok, les créateurs de contenu et comment une marque d'assurance peut "
         "exister sur ces réseaux sans être ringarde 😅",
         outils(RS, VIDEO), "Oser prendre la parole, gagner en confiance", None, "2",
         v("julie.marchand"), CONSENT],
        [v("romain.ferrand"), "Romain Ferrand", "1 à 2 ans", "DSI - Études et développement",
         "Niort", "Développeur full stack", fr_langs("Français"),
         "les méthodes agiles, le no-code, comment on travaille en squad",
         outils(NOCODE, COLLAB, IA), "Comprendre la vision long terme de la DSI groupe",
         "non", "1", v("laurent.petit"), CONSENT],
        [v("jade.mercier"), "Jade Mercier", "3 à 5 ans", "RSE", "Paris - La Défense",
         "Chargée de mission RSE", fr_langs("Français", "Anglais", "Espagnol"),
         "Engagement climat et RSE, la fresque du climat, comment les jeunes choisissent une "
         "entreprise selon ses engagements",
         outils(RS, VIDEO),
         "Porter des sujets RSE plus haut dans l'organisation, apprendre à influencer",
         "Pas de sujet RH individuel svp", "1", v("marion.faure"), CONSENT],
        [v("nassim.cherif"), "Nassim Cherif", "Moins d'un an", "Indemnisation", "Marseille",
         "Gestionnaire sinistres auto", fr_langs("Français", "Anglais", "Arabe"),
         "Le quotidien en plateau, les outils métiers, et comment on utilise ChatGPT en douce "
         "pour rédiger des courriers",
         outils(IA), "Découvrir d'autres métiers du groupe", None, "1", v("nadia.bensalem"),
         CONSENT],
        [v("pauline.garnier"), "Pauline Garnier", "1 à 2 ans", "Finance - Trésorerie",
         "Paris - La Défense", "Trésorière junior", fr_langs("Français", "Anglais"), None,
         outils(COLLAB, DATA), "Réseau, conseils de carrière", "Non", "1",
         v("arnaud.lebrun"), CONSENT],
        [v("kevin.tran"), "Kevin Tran", "3 à 5 ans", "DSI - Workplace", "Lille",
         "Technicien support poste de travail", fr_langs("Français", "Anglais"),
         "Teams, SharePoint, OneDrive : les bonnes pratiques que personne n'utilise. Et la "
         "cybersécurité au quotidien (phishing).",
         outils(COLLAB, CYBER, NOCODE),
         "Évoluer vers un poste de chef de projet, savoir ce que la direction attend", None,
         "2", None, CONSENT],
        [v("margaux.delaunay"), "Margaux Delaunay", "Moins d'un an",
         "Direction commerciale - Partenariats", "Bordeaux", "Chargée de partenariats",
         fr_langs("Français", "Anglais", "Espagnol", "Italien"),
         "Les nouveaux modes de consommation (abonnement, paiement fractionné), le parcours "
         "client 100% mobile",
         outils(RS, IA), "Mieux comprendre les enjeux de la direction commerciale", "Non",
         "1 ou 2", v("olivia.chevalier"), CONSENT],
        [v("enzo.barbier"), "Enzo Barbier", "1 à 2 ans", "Communication interne",
         "Paris - La Défense", "Chargé de communication interne",
         fr_langs("Français", "Anglais"),
         "Podcasts, vidéo courte, comment faire passer un message interne auprès des jeunes "
         "collaborateurs",
         outils(VIDEO, RS, COLLAB),
         "Apprendre à accompagner un dirigeant dans sa prise de parole, et de la visibilité",
         "Non merci", "1", v("benoit.lambert"), CONSENT],
    ]
    return Case(
        name="fr_reverse_juniors_ms", tool="microsoft", language="fr", direction="reverse",
        role="mentor", split="dev",
        world="Valmonde Assurances, a French insurer, runs a reverse-mentoring programme in "
              "which juniors coach its leaders; juniors sign up on an internal Microsoft Form.",
        columns=columns,
        rows=ms_rows(rows, list(range(1, len(rows) + 1)), dt.datetime(2026, 3, 2, 8, 30),
                     seed=101, modified={3: 95, 10: 1440, 14: 38}),
    )


# --------------------------------------------------------------------------- 2
DISPOS = ["Lundi matin", "Mardi midi", "Jeudi après-midi", "Vendredi matin",
          "En fin de journée"]


def dispos(*chosen: str) -> str:
    return ms_pick(DISPOS, *chosen)


def fr_reverse_leaders_ms() -> Case:
    columns = [
        ("ID", "ignored", "Microsoft Forms response number with gaps (deleted tests); the "
         "juniors' form has the same numbers, so it cannot identify a person."),
        ("Heure de début", "ignored", ""),
        ("Heure de fin", "ignored", ""),
        ("Adresse de messagerie", "email", ""),
        ("Nom", "name", ""),
        ("Heure de la dernière modification", "ignored", "Form metadata."),
        ("Votre niveau de responsabilité", "ignored",
         "A grade band (Cadre / Cadre dirigeant / Comité de direction), not a job title and "
         "coarser than the management-years question, which feeds years_experience; only one "
         "column can."),
        ("Depuis combien d'années exercez-vous des fonctions de management ?",
         "years_experience", "Years in ranges (\"5-10 ans\", \"Plus de 15 ans\"): a number "
         "of years, chosen over the grade band."),
        ("Direction", "department", ""),
        ("Votre fonction", "role", ""),
        ("Site de rattachement", "location", ""),
        ("Qu'aimeriez-vous comprendre ou apprendre grâce à un mentor junior ?", "wants",
         "The leader is the mentee in reverse mentoring: what they want to learn."),
        ("Que pourriez-vous partager en retour ?", "offers",
         "What the leader gives back to the junior: an offer from the mentee's side."),
        ("Sujets à éviter", "ignored", "Topics to avoid, never offers or wants."),
        ("Langues parlées", "languages", ""),
        ("E-mail de votre N+1", "manager_id", "\"N+1\" is French office jargon for one's "
         "direct manager."),
        ("Disponibilités privilégiées", "ignored", "Availability slots, not used to match."),
    ]
    rows = [
        [v("bertrand.valcourt"), "Bertrand Valcourt", "Membre du comité de direction",
         "Plus de 15 ans", "Direction Financière", "Directeur financier groupe",
         "Paris - La Défense",
         "Comprendre l'IA générative sans jargon, et ce que les jeunes collaborateurs "
         "attendent d'un employeur.",
         "Lecture d'un bilan, les arbitrages d'investissement, mon parcours.", "Non",
         fr_langs("Français", "Anglais"), v("helene.castellan"),
         dispos("Lundi matin", "Vendredi matin")],
        [v("isabelle.ferrandi"), "Isabelle Ferrandi", "Cadre dirigeant", "10-15 ans",
         "Ressources Humaines", "DRH adjointe", "Paris - La Défense",
         "Les réseaux sociaux, la marque employeur vue par les moins de 30 ans, comment ils "
         "cherchent un emploi",
         "La gestion de carrière, négocier, comment fonctionne un comité de nomination",
         "Les dossiers individuels de collaborateurs",
         fr_langs("Français", "Anglais", "Italien"), v("marc.villiers"),
         dispos("Mardi midi")],
        [v("jean-marc.thibault"), "Jean-Marc Thibault", "Cadre dirigeant", "Plus de 15 ans",
         "Indemnisation", "Directeur indemnisation", "Nantes",
         "Les outils collaboratifs, Teams au-delà de la visio, le travail hybride",
         "Le métier de l'indemnisation de A à Z, la gestion de crise (tempêtes, grêle)",
         None, fr_langs("Français"), v("herve.castaing"),
         dispos("Jeudi après-midi", "En fin de journée")],
        [v("nathalie.olivier-roche"), "Nathalie Olivier-Roche",
         "Membre du comité de direction", "Plus de 15 ans",
         "Direction Marketing & Communication", "Directrice marketing et communication",
         "Paris - La Défense", "TikTok et les nouveaux usages des réseaux, les influenceurs",
         "La construction d'une stratégie de marque, prise de parole en public", "Non",
         fr_langs("Français", "Anglais", "Espagnol"), v("helene.castellan"),
         dispos("Vendredi matin")],
        [v("christophe.lemaire"), "Christophe Lemaire", "Cadre", "5-10 ans", "DSI",
         "Responsable domaine applicatif", "Lyon",
         "L'IA générative au quotidien, les attentes des jeunes développeurs",
         "Piloter un budget et des fournisseurs", "Les sujets syndicaux",
         fr_langs("Français", "Anglais"), v("cyril.mathieu"),
         dispos("Lundi matin", "Mardi midi", "En fin de journée")],
        [v("sophie.delorme"), "Sophie Delorme", "Cadre dirigeant", "10-15 ans",
         "Direction des Risques", "Directrice des risques", "Paris - La Défense",
         "Cybersécurité : ce que je devrais savoir et faire moi-même. Et apprendre à utiliser "
         "Power BI.",
         "Comprendre la réglementation (Solvabilité II) et ce qu'elle implique ; comment on "
         "construit une carrière de femme dans la finance", None,
         fr_langs("Français", "Anglais", "Allemand"), v("catherine.bouvier"),
         dispos("Jeudi après-midi")],
        [v("olivier.kessler"), "Olivier Kessler", "Cadre", "Moins de 5 ans",
         "Direction commerciale", "Directeur régional Nord", "Lille",
         "Comment les jeunes clients achètent (mobile, comparateurs)",
         "Le management d'équipes commerciales, la négociation", "Non",
         fr_langs("Français", "Anglais"), v("paul.girard"), dispos("En fin de journée")],
        [v("catherine.bouvier"), "Catherine Bouvier", "Membre du comité de direction",
         "Plus de 15 ans", "Direction Juridique & Conformité", "Secrétaire générale",
         "Paris - La Défense",
         "L'IA et ses risques concrets, et sortir un peu de ma bulle",
         "la gouvernance, le droit des sociétés, travailler avec un conseil d'administration",
         "Rien", fr_langs("Français", "Anglais"), v("helene.castellan"),
         dispos("Mardi midi", "Vendredi matin")],
        [v("frederic.anselme"), "Frédéric Anselme", "Cadre dirigeant", "5-10 ans",
         "Actuariat", "Directeur de l'actuariat", "Paris - La Défense",
         "Nouveaux usages data, Python, no-code : comprendre ce que font mes équipes juniors.",
         "Modélisation des risques, la carrière d'actuaire", None,
         fr_langs("Français", "Anglais"), v("bertrand.valcourt"), dispos("Lundi matin")],
        [v("valerie.marchal"), "Valérie Marchal", "Cadre", "5-10 ans", "Relation client",
         "Responsable plateau relation client", "Marseille",
         "Les messageries instantanées, les chatbots, l'IA dans la relation client",
         "Management de proximité, gérer la charge émotionnelle en centre d'appels", "Non",
         fr_langs("Français", "Espagnol"), v("herve.castaing"),
         dispos("Jeudi après-midi", "En fin de journée")],
        [v("herve.castaing"), "Hervé Castaing", "Membre du comité de direction",
         "Plus de 15 ans", "Direction des Opérations", "Directeur des opérations", "Niort",
         "comprendre ce qui motive la génération Z, le sens au travail", None, "La politique",
         fr_langs("Français"), v("helene.castellan"), dispos("Vendredi matin")],
        [v("anne-laure.piquet"), "Anne-Laure Piquet", "Cadre dirigeant", "10-15 ans",
         "Direction RSE", "Directrice RSE", "Paris - La Défense",
         "Comment parler climat aux jeunes sans greenwashing, les réseaux sociaux",
         "Reporting extra-financier, comment faire bouger un grand groupe", None,
         fr_langs("Français", "Anglais", "Espagnol"), v("helene.castellan"),
         dispos("Mardi midi")],
        [v("patrick.meunier"), "Patrick Meunier", "Cadre", "Plus de 15 ans", "DSI",
         "Responsable infrastructures", "Lyon",
         "Mieux utiliser Copilot et comprendre le no-code",
         "30 ans d'infra, les grands projets de migration, ce qu'il ne faut pas faire :)",
         "Non", fr_langs("Français"), v("cyril.mathieu"),
         dispos("Lundi matin", "Jeudi après-midi")],
        [v("delphine.arnaud"), "Delphine Arnaud", "Cadre dirigeant", "5-10 ans",
         "Direction Financière", "Directrice du contrôle de gestion", "Paris - La Défense",
         "Les attentes des jeunes sur le télétravail et la flexibilité, les nouveaux outils",
         "Construire un budget, présenter au comex", "Ma rémunération",
         fr_langs("Français", "Anglais"), v("bertrand.valcourt"), dispos("En fin de journée")],
    ]
    ids = [3, 4, 5, 7, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21]
    return Case(
        name="fr_reverse_leaders_ms", tool="microsoft", language="fr", direction="reverse",
        role="mentee", split="test",
        world="Valmonde Assurances' reverse-mentoring programme: the leaders (mentees) sign "
              "up on a second Microsoft Form with their own questions.",
        columns=columns,
        rows=ms_rows(rows, ids, dt.datetime(2026, 3, 9, 7, 50), seed=202,
                     modified={0: 260, 7: 12}),
    )


# --------------------------------------------------------------------------- 3, 4
ACAD_LANGS = ["English", "Spanish", "Portuguese"]
S_WRITE = "Academic writing"
S_READ = "Reading papers"
S_CODE = "Coding and experiments"
S_MATH = "Math foundations"
S_PRES = "Presenting research"
S_GRAD = "Applying to grad school (MSc, PhD)"
S_NET = "Networking"
S_TIME = "Time management"
SKILLS = [S_WRITE, S_READ, S_CODE, S_MATH, S_PRES, S_GRAD, S_NET, S_TIME]
NLP = "Natural Language Processing"
CV = "Computer Vision"
RL = "Reinforcement Learning"
THEORY = "Machine Learning Theory"
HEALTH = "AI for Health"
ROBOT = "Robotics"
FAIR = "Fairness and Ethics in AI"
SPEECH = "Speech and Audio"
GRAPH = "Graph Learning"
AREAS = [NLP, CV, RL, THEORY, HEALTH, ROBOT, FAIR, SPEECH, GRAPH]
LANG_Q = ("What language(s) do you speak? / ¿Qué idioma(s) hablas? / "
          "Que idioma(s) você fala?")
NAME_Q = "Full name / Nombre completo / Nome completo"
OTHER_Q = "If you answered other to the question above, please elaborate."
TZ_BA = "(GMT -3:00) Brazil, Buenos Aires"
TZ_LIMA = "(GMT -5:00) Eastern Time (US & Canada), Bogota, Lima"
TZ_MX = "(GMT -6:00) Central Time (US & Canada), Mexico City"
TZ_LP = "(GMT -4:00) Atlantic Time (Canada), Caracas, La Paz"
TZ_PARIS = "(GMT +1:00) Brussels, Copenhagen, Madrid, Paris"
TZ_LISBON = "(GMT +0:00) Western Europe Time, London, Lisbon, Casablanca"
POSTDOC = "Post Doc or Early Career PhD"
FACULTY = "Faculty Member"
SENIOR_IND = "Senior Researcher in Industry"
ENG_IND = "Research Engineer in Industry"
SENIOR_PHD_M = "Senior Ph.D. Student (3rd year or more)"
NOPREF = "No preference"
PREF_COUNTRY = "Students from my own country"
PREF_WOMEN = "Women and non-binary students"
PREF_NEW = "Students without research experience"
T_1W = "1 hour per week"
T_2W = "2 hours per week"
T_2M = "1 hour every two weeks"
T_FEW = "A few hours per month"


def skills(*chosen: str) -> str:
    return pick(SKILLS, *chosen)


def areas(*chosen: str) -> str:
    return pick(AREAS, *chosen)


def acad_langs(*chosen: str) -> str:
    return pick(ACAD_LANGS, *chosen)


def en_academic_mentors_google() -> Case:
    columns = [
        ("Timestamp", "ignored", ""),
        ("Email Address", "email", ""),
        (NAME_Q, "name", ""),
        ("Current Seniority Level / Nivel actual / Nível atual", "years_experience",
         "Seniority categories (\"Post Doc or Early Career PhD\", \"Faculty Member\") stand "
         "in for years of experience."),
        (OTHER_Q, "ignored", "Free text behind the seniority question's \"Other\" choice; "
         "the import should not use it."),
        ("Affiliation / Afiliación / Afiliação", "department", ""),
        ("Country of residence / País de residencia / País de residência", "location", ""),
        (LANG_Q, "languages", "Trilingual header: one question in English, Spanish and "
         "Portuguese."),
        ("Time zone / Zona horaria / Fuso horário", "ignored",
         "Time zone, not a location field the import uses."),
        ("Short bio / Breve biografía / Breve biografia", "profile", ""),
        ("What skills do you want to help mentees to improve? / ¿Qué habilidades quieres "
         "ayudar a mejorar a tus mentorados? / Quais habilidades você quer ajudar seus "
         "mentorados a melhorar?", "offers",
         "Says \"want\", but the mentor wants to HELP others improve: an offer."),
        ("What do you hope to contribute as a mentor in this program?", "offers",
         "\"Hope\" is about what the mentor contributes: an offer, not a want."),
        ("What are the research areas you can consider mentoring?", "offers",
         "Areas the mentor can mentor in (checkbox)."),
        ("How many academic research papers have you written?", "ignored",
         "A count of papers (\"0-2\", \"8+\"), not capacity."),
        ("Have you served as a reviewer before?", "ignored", "Yes/no fact."),
        ("How many mentees can you take?", "capacity", ""),
        ("How much time do you have available for mentoring?", "ignored",
         "Capacity already comes from \"How many mentees can you take?\"; hours per week "
         "cannot be turned into a number of mentees."),
        ("Do have any specific preferences for a mentee?", "ignored",
         "Preferences about the partner, not about the person answering."),
        (OTHER_Q, "ignored", "Second copy of the same header, after the mentee-preference "
         "question: its \"Other\" details."),
    ]
    rows = [
        ["valentina.rios@uba.example", "Valentina Ríos Agüero", POSTDOC, "",
         "Universidad de Buenos Aires", "Argentina", acad_langs("English", "Spanish"), TZ_BA,
         "Postdoc en procesamiento de lenguaje natural para español rioplatense. Antes "
         "trabajé dos años en una startup de chatbots.",
         skills(S_WRITE, S_READ, S_CODE),
         "I want to help students from Latin America get their first paper accepted, as "
         "someone helped me.", areas(NLP, FAIR), "6-8", "Yes", "2", T_1W, NOPREF, ""],
        ["mateus.dias@unicamp.example", "Mateus Carvalho Dias", FACULTY, "",
         "Universidade Estadual de Campinas", "Brazil",
         acad_langs("English", "Spanish", "Portuguese"), TZ_BA,
         "Professor de visão computacional; coordeno um laboratório com 8 alunos de mestrado "
         "e doutorado.", skills(S_WRITE, S_PRES, S_GRAD),
         "Ajudar alunos a planejar a carreira acadêmica e a escrever propostas de bolsa.",
         areas(CV, ROBOT), "8+", "Yes", "Up to 3", T_FEW, PREF_NEW, ""],
        ["julian.etcheverry@gmail.example", "Julián Etcheverry", SENIOR_IND, "",
         "Nubecita Labs", "Uruguay", acad_langs("English", "Spanish"), TZ_BA,
         "Research scientist working on recommender systems and RL for ads ranking.",
         skills(S_CODE, S_MATH),
         "Industry perspective: how research is done outside academia, and solid "
         "engineering practices.", areas(RL, GRAPH), "3-5", "No", "1", T_2M, NOPREF, ""],
        ["fquispe@pucp.example", "Fernanda Quispe Mamani", POSTDOC, "",
         "Pontificia Universidad Católica del Perú", "Peru",
         acad_langs("English", "Spanish", "Quechua"), TZ_LIMA,
         "Investigo NLP para lenguas indígenas de bajos recursos.",
         skills(S_WRITE, S_READ, S_NET),
         "Quiero acompañar a estudiantes que, como yo, vienen de contextos con pocos "
         "recursos.", areas(NLP, FAIR, SPEECH), "3-5", "Yes", "2", T_2W, "Other",
         "Students working on indigenous or low-resource languages if possible"],
        ["dokafor@epfl.example", "Daniel Okafor-Reyes", FACULTY, "", "EPFL", "Switzerland",
         acad_langs("English", "Spanish", "French"), TZ_PARIS,
         "Assistant professor in ML theory (optimization, generalization).",
         skills(S_READ, S_MATH, S_GRAD),
         "Help students build solid math foundations and navigate PhD applications in "
         "Europe.", areas(THEORY), "8+", "Yes", "1", T_2M, NOPREF, ""],
        ["camila.souza@usp.example", "Camila Andrade Souza", SENIOR_PHD_M, "",
         "Universidade de São Paulo", "Brazil", acad_langs("English", "Portuguese"), TZ_BA,
         "Doutoranda em IA para saúde, trabalho com imagens de raio-X e segmentação.",
         skills(S_CODE, S_PRES, S_TIME),
         "Compartilhar o que aprendi sobre organização do doutorado e reprodutibilidade de "
         "experimentos.", areas(CV, HEALTH), "3-5", "No", "1", T_1W, PREF_WOMEN, ""],
        ["afcardona@uniandes.example", "Andrés Felipe Cardona", FACULTY, "",
         "Universidad de los Andes", "Colombia", acad_langs("English", "Spanish"), TZ_LIMA,
         "Profesor asociado. Robótica móvil y aprendizaje por refuerzo.",
         skills(S_WRITE, S_CODE, S_GRAD, S_NET),
         "Conectar estudiantes con grupos de investigación fuera del país",
         areas(RL, ROBOT), "8+", "Yes", "Up to 3", T_2W, PREF_COUNTRY, ""],
        ["lucia.benitez@cimat.example", "Lucía Benítez Arce", "Other",
         "Research software engineer at a public research centre", "CIMAT", "Mexico",
         acad_langs("Spanish", "English"), TZ_MX,
         "Ingeniera de software de investigación. Mantengo librerías de visión por "
         "computadora.", skills(S_CODE),
         "Buenas prácticas de programación y cómo publicar código reproducible.", areas(CV),
         "0-2", "No", "1", T_2M, NOPREF, ""],
        ["rafael.lima@recifelab.example", "Rafael Nogueira Lima", ENG_IND, "",
         "Instituto de Pesquisa Recife", "Brazil", acad_langs("Portuguese", "English"), TZ_BA,
         "", skills(S_CODE, S_MATH),
         "Posso ajudar com implementação de modelos, PyTorch e deploy.", areas(NLP, SPEECH),
         "0-2", "No", "2", T_FEW, NOPREF, ""],
        ["svillarreal@cmu.example", "Sofía Villarreal", POSTDOC, "",
         "Carnegie Mellon University", "United States", acad_langs("English", "Spanish"),
         TZ_LIMA,
         "Postdoc working on fairness in speech recognition for accented English and "
         "Spanish.", skills(S_WRITE, S_PRES, S_GRAD, S_NET),
         "I'd like to give back: mock interviews for PhD programs in the US, feedback on "
         "statements of purpose.", areas(FAIR, SPEECH), "6-8", "Yes", "2", T_1W, PREF_NEW, ""],
        ["tomas.mendonca@ulisboa.example", "Tomás Mendonça", FACULTY, "",
         "Universidade de Lisboa", "Portugal",
         acad_langs("English", "Spanish", "Portuguese"), TZ_LISBON,
         "Professor auxiliar em aprendizagem em grafos e química computacional.",
         skills(S_WRITE, S_READ, S_MATH), "Orientação em escrita de artigos e leitura crítica.",
         areas(THEORY, GRAPH), "8+", "Yes", "1", T_2M, "Other",
         "Prefiro mentorados de países de língua portuguesa"],
        ["gpaz@uchile.example", "Gabriela Paz Henríquez", SENIOR_PHD_M, "",
         "Universidad de Chile", "Chile", acad_langs("English", "Spanish"), TZ_LP,
         "Doctoranda, visión por computadora para astronomía.",
         skills(S_READ, S_CODE, S_TIME),
         "Compartir mi experiencia del doctorado y ayudar con el código.", areas(CV), "3-5",
         "No", "1", T_1W, PREF_WOMEN, ""],
        ["kortiz@paytech.example", "Kevin Mauricio Ortiz", SENIOR_IND, "", "Paytech Latam",
         "Mexico", acad_langs("English", "Spanish"), TZ_MX,
         "Applied scientist, fraud detection with graph neural networks.",
         skills(S_CODE, S_PRES, S_NET),
         "How to move from academia to industry research and still publish",
         areas(THEORY, GRAPH), "3-5", "Yes", "Up to 3", T_FEW, NOPREF, ""],
        ["bia.nakamura@ufmg.example", "Beatriz Nakamura", POSTDOC, "",
         "Universidade Federal de Minas Gerais", "Brazil",
         acad_langs("English", "Portuguese", "Japanese"), TZ_BA,
         "Pós-doc em IA para saúde: prontuários eletrônicos e PLN clínico.",
         skills(S_WRITE, S_READ),
         "Quero ajudar com revisão de artigos e escrita científica em inglês.",
         areas(NLP, HEALTH), "6-8", "Yes", "2", T_2W, NOPREF, ""],
        ["iferreyra@unc.example", "Ignacio Ferreyra", "Other",
         "Adjunct lecturer and part-time PhD", "Universidad Nacional de Córdoba", "Argentina",
         acad_langs("English", "Spanish"), TZ_BA,
         "Docente de aprendizaje automático y doctorando a tiempo parcial.",
         skills(S_MATH, S_TIME),
         "Quiero ayudar a estudiantes de grado a dar sus primeros pasos en investigación.",
         areas(RL, THEORY), "0-2", "No", "1", T_2M, PREF_NEW, ""],
        ["mariana.echeverri@mila.example", "Mariana Echeverri", POSTDOC, "", "Mila",
         "Canada", acad_langs("English", "Spanish", "French"), TZ_LIMA,
         "Postdoc in RL for healthcare (treatment policies).",
         skills(S_WRITE, S_CODE, S_MATH, S_PRES),
         "Everything I wish I had known as an undergrad in Medellín.", areas(RL, HEALTH),
         "6-8", "Yes", "2", T_1W, PREF_COUNTRY, ""],
        ["jpbatista@gmail.example", "João Pedro Batista", ENG_IND, "", "Freelancer",
         "Brazil", acad_langs("English", "Portuguese"), TZ_BA,
         "Engenheiro de ML, trabalho com visão computacional para agro.", skills(S_CODE),
         "mentoria técnica, projetos práticos", areas(CV, ROBOT), "0-2", "No", "1", T_FEW,
         NOPREF, ""],
        ["atorrico@umsa.example", "Alejandra Torrico", FACULTY, "",
         "Universidad Mayor de San Andrés", "Bolivia",
         acad_langs("English", "Spanish", "Aymara"), TZ_LP,
         "Profesora de informática, investigación en ética de la IA y políticas públicas.",
         skills(S_WRITE, S_PRES, S_NET),
         "Ayudar a pensar la ética de la investigación y a presentar trabajos en eventos "
         "internacionales.", areas(FAIR), "6-8", "Yes", "Up to 3", T_2W, "Other",
         "Estudiantes de Bolivia o del altiplano"],
        ["henrique.v@inria.example", "Henrique Vasconcelos", "Other",
         "Permanent researcher at a public research institute (Inria)", "Inria", "France",
         acad_langs("English", "Portuguese", "French"), TZ_PARIS,
         "Chercheur permanent, apprentissage statistique et théorie.",
         skills(S_READ, S_MATH, S_GRAD),
         "Help with PhD applications in France and Europe, research fundamentals.",
         areas(THEORY), "8+", "Yes", "2", T_2M, NOPREF, ""],
        ["paula.restrepo@eafit.example", "Paula Restrepo Gil", POSTDOC, "",
         "Universidad EAFIT", "Colombia", acad_langs("English", "Spanish", "Portuguese"),
         TZ_LIMA, "Posdoctoral en robótica de manipulación.", skills(S_WRITE, S_CODE),
         "Me gustaría compartir cómo organizar un proyecto de investigación de principio a "
         "fin.", areas(CV, ROBOT), "3-5", "No", "1", T_1W, NOPREF, ""],
    ]
    return Case(
        name="en_academic_mentors_google", tool="google", language="multi",
        direction="classic", role="mentor", split="dev",
        world="A volunteer-run AI research mentoring programme for Latin American students; "
              "researchers sign up as mentors on a trilingual Google Form.",
        columns=columns,
        rows=google_rows(rows, dt.datetime(2026, 2, 10, 9, 0), seed=303, tz="GMT-3"),
        quote_all=True,
    )


HS = "High School Graduate"
UG = "Undergraduate Student (or already earned a B.Sc. degree)"
MSC = "M. Sc. Student"
JPHD = "Junior Ph.D. Student (1st or 2nd year of Ph.D.)"
SPHD = "Senior Ph.D. Student (3rd year or more of Ph.D.)"
H_TW = "Twitter / X"
H_LI = "LinkedIn"
H_FR = "A friend or colleague"
H_PR = "My professor"
H_DC = "Discord community"


def en_academic_mentees_google() -> Case:
    columns = [
        ("Timestamp", "ignored", ""),
        ("Email Address", "email", ""),
        (NAME_Q, "name", ""),
        ("Current position / Posición actual / Posição atual", "years_experience",
         "Study-stage categories (\"M. Sc. Student\", \"High School Graduate\") stand in for "
         "seniority."),
        ("University or institution / Universidad o institución / Universidade ou "
         "instituição", "department", ""),
        ("Country / País", "location", ""),
        (LANG_Q, "languages", "Free-text answers mixing languages and levels (\"Español "
         "nativo, inglés B2\")."),
        ("What are the skills you are interested in being mentored in? / ¿En qué "
         "habilidades te interesa recibir mentoría? / Em quais habilidades você tem "
         "interesse em ser mentorado?", "wants",
         "Skills the mentee wants to be mentored in: a want."),
        ("Do you work in a specific research field? / ¿Trabajas en un campo de "
         "investigación específico? / Você trabalha em um campo de pesquisa específico?",
         "profile", "Reads like a yes/no question but the answers name the mentee's own "
         "current field: who they are, not what they want."),
        ("What are the top research areas you are interested in being mentored in?",
         "wants", "Areas to be mentored in (checkbox)."),
        ("What career goals do you want to achieve in the next three years?", "wants", ""),
        ("Which conferences would you like to present your research at?", "ignored",
         "A list of venue names (NeurIPS, ACL, CVPR): an aspiration no mentor column "
         "answers, and noise in the wants text."),
        ("Have you published a paper before?", "ignored", "Yes/no fact."),
        ("Would you be willing to be a mentor in future editions?", "ignored",
         "About future editions, not this programme's role: not role_preference."),
        ("How did you hear about us? / ¿Cómo te enteraste de nosotros? / Como você soube "
         "de nós?", "ignored", "How they heard of the programme."),
    ]
    rows = [
        ["maria.jose.paredes@espol.example", "María José Paredes", UG, "ESPOL", "Ecuador",
         "Español nativo, inglés B2", skills(S_WRITE, S_CODE, S_GRAD),
         "No todavía, pero me interesa la visión por computadora", areas(CV, HEALTH),
         "Entrar a una maestría en el extranjero con beca y publicar mi primer artículo.",
         "CVPR, LatinX in AI workshop", "No", "Yes", H_LI],
        ["lucas.ferreira@ufpe.example", "Lucas Ferreira Santos", MSC,
         "Universidade Federal de Pernambuco", "Brazil", "Portuguese and English",
         skills(S_WRITE, S_READ), "Yes, NLP for Portuguese legal documents", areas(NLP),
         "Finish my master's, publish at a main conference and start a PhD abroad",
         "ACL, EMNLP", "Yes", "Yes", H_PR],
        ["camila.huaman@gmail.example", "Camila Huamán Rojas", HS, "", "Peru", "Spanish",
         skills(S_CODE, S_MATH, S_GRAD), "Not yet", areas(CV, ROBOT),
         "Estudiar ingeniería de sistemas y participar en competencias de robótica", "",
         "No", "No", H_DC],
        ["diego.arce@unal.example", "Diego Arce", JPHD, "Universidad Nacional de Colombia",
         "Colombia", "Spanish, English (intermediate)", skills(S_WRITE, S_PRES, S_TIME),
         "Sí, aprendizaje por refuerzo aplicado a control de tráfico", areas(RL),
         "Publicar dos artículos y hacer una pasantía de investigación en la industria.",
         "NeurIPS, ICML, AAMAS", "Yes", "Yes", H_TW],
        ["ana.beatriz.melo@unifesp.example", "Ana Beatriz Melo", MSC,
         "Universidade Federal de São Paulo", "Brazil",
         "Português (nativo), Inglês (avançado), Espanhol básico", skills(S_READ, S_MATH),
         "Sim, IA aplicada a imagens médicas (mamografia)", areas(CV, HEALTH),
         "Terminar o mestrado e ingressar num doutorado em IA para saúde", "MICCAI", "No",
         "Yes", H_FR],
        ["kelly.mamani@umss.example", "Kelly Mamani", UG, "Universidad Mayor de San Simón",
         "Bolivia", "English, and I'd like to practice more. The level is Intermediate",
         skills(S_WRITE, S_PRES, S_NET),
         "I am starting in a lab about speech recognition for Quechua", areas(NLP, SPEECH),
         "Get into a good master's program and improve my English for conferences",
         "Interspeech", "No", "Yes", H_LI],
        ["jorge.salinas@udec.example", "Jorge Salinas Pino", SPHD,
         "Universidad de Concepción", "Chile", "Spanish, English", skills(S_PRES, S_NET),
         "Yes: graph neural networks for molecules", areas(THEORY, GRAPH),
         "Get a postdoc in Europe or a research scientist job", "ICLR, NeurIPS", "Yes", "Yes",
         H_TW],
        ["valeria.montes@itam.example", "Valeria Montes", UG, "ITAM", "Mexico",
         "Español, Inglés, Francés (básico)", skills(S_READ, S_MATH, S_GRAD), "No",
         areas(THEORY, FAIR),
         "Aplicar a un doctorado en EE. UU. en teoría de aprendizaje",
         "Todavía no sé", "No", "No", H_PR],
        ["thiago.oliveira@ufba.example", "Thiago Oliveira", UG,
         "Universidade Federal da Bahia", "Brazil", "Portugues, ingles intermediario",
         skills(S_WRITE, S_CODE),
         "Trabalho com visão computacional para contagem de gado (iniciação científica)",
         areas(CV), "Fazer mestrado e trabalhar com IA no agro", "", "No", "Yes",
         "Instagram"],
        ["sebastian.duarte@una.example", "Sebastián Duarte", MSC,
         "Universidad Nacional de Asunción", "Paraguay", "Spanish, Guaraní, English",
         skills(S_WRITE, S_READ, S_PRES), "Procesamiento de lenguaje natural para guaraní",
         areas(NLP, SPEECH), "Publicar sobre guaraní y crear un dataset abierto",
         "ACL, AmericasNLP workshop", "Yes", "Yes", H_FR],
        ["isabela.rocha@puc-rio.example", "Isabela Rocha", JPHD, "PUC-Rio", "Brazil",
         "Portuguese, English, Spanish", skills(S_WRITE, S_NET, S_TIME),
         "Sim: justiça algorítmica em sistemas de crédito", areas(FAIR),
         "Publicar na FAccT e fazer um estágio de pesquisa", "FAccT", "Yes", "Yes", H_TW],
        ["mateo.gonzalez@gmail.example", "Mateo González", HS, "", "Uruguay", "Español",
         skills(S_CODE, S_MATH), "", areas(ROBOT), "Entrar a la facultad de ingeniería", "",
         "No", "No", H_DC],
        ["carolina.vega@ucr.example", "Carolina Vega Solís", MSC,
         "Universidad de Costa Rica", "Costa Rica", "Spanish (native), English (fluent)",
         skills(S_READ, S_PRES, S_GRAD),
         "Yes, computer vision for wildlife monitoring with camera traps", areas(CV),
         "Start a PhD in 2027, ideally in Canada", "CVPR, WACV", "Yes", "Yes", H_LI],
        ["rodrigo.pacheco@unsa.example", "Rodrigo Pacheco", UG,
         "Universidad Nacional de San Agustín", "Peru", "spanish, a bit of english",
         skills(S_WRITE, S_CODE, S_GRAD), "no", areas(NLP, RL),
         "aprender a investigar, ganar experiencia", "no sé todavía", "No", "Yes", H_PR],
        ["leticia.campos@ufrgs.example", "Letícia Campos", SPHD,
         "Universidade Federal do Rio Grande do Sul", "Brazil", "Português, inglês fluente",
         skills(S_PRES, S_NET), "Sim, aprendizado por reforço para robótica",
         areas(RL, ROBOT),
         "Conseguir um pós-doutorado ou vaga em laboratório de pesquisa industrial",
         "ICRA, CoRL, IROS", "Yes", "Yes", H_FR],
        ["andres.lopez@usac.example", "Andrés López Xicará", UG,
         "Universidad de San Carlos de Guatemala", "Guatemala",
         "Español y kaqchikel, inglés básico", skills(S_WRITE, S_READ, S_CODE, S_GRAD),
         "Todavía no, me interesa la IA para salud", areas(HEALTH),
         "Obtener una beca para una maestría", "", "No", "Yes", H_LI],
        ["fernanda.rivas@usach.example", "Fernanda Rivas", JPHD,
         "Universidad de Santiago de Chile", "Chile", "Spanish, English",
         skills(S_READ, S_MATH, S_TIME), "Yes - optimization theory for deep learning",
         areas(THEORY), "Finish my PhD on time and publish at ICML", "ICML, NeurIPS", "Yes",
         "No", H_TW],
        ["gustavo.pereira@ufc.example", "Gustavo Pereira", MSC,
         "Universidade Federal do Ceará", "Brazil",
         "English (intermediate), Portuguese (native)", skills(S_CODE, S_PRES),
         "Sim, reconhecimento de fala em português com sotaques regionais", areas(SPEECH),
         "Publicar no Interspeech e trabalhar numa big tech", "Interspeech, ICASSP", "No",
         "Yes", H_DC],
        ["daniela.ortega@uam.example", "Daniela Ortega", UG,
         "Universidad Autónoma Metropolitana", "Mexico",
         "Español nativo, inglés C1, estoy aprendiendo portugués",
         skills(S_WRITE, S_GRAD, S_NET), "No, aún estoy explorando",
         areas(NLP, HEALTH, FAIR), "Decidir entre industria y doctorado", "", "No", "Yes",
         H_FR],
        ["pablo.ibarra@unt.example", "Pablo Ibarra", SPHD,
         "Universidad Nacional de Tucumán", "Argentina", "Spanish, English",
         skills(S_WRITE, S_NET), "Yes, graph learning for power grids", areas(GRAPH),
         "Get a research job in industry", "KDD, NeurIPS", "Yes", "Yes", H_TW],
        ["juliana.matos@ufam.example", "Juliana Matos", UG,
         "Universidade Federal do Amazonas", "Brazil", "Portuguese",
         skills(S_READ, S_CODE, S_MATH), "Ainda não", areas(CV, HEALTH),
         "Entrar no mestrado", "", "No", "No", "Instagram"],
        ["esteban.morales@ucb.example", "Esteban Morales", MSC,
         "Universidad Católica Boliviana", "Bolivia",
         "Spanish native, English B1, I want to improve", skills(S_WRITE, S_PRES),
         "Sí, detección de noticias falsas en redes sociales", areas(NLP, FAIR),
         "Publish my first paper in English", "EMNLP", "No", "Yes", H_LI],
    ]
    return Case(
        name="en_academic_mentees_google", tool="google", language="multi",
        direction="classic", role="mentee", split="test",
        world="The same volunteer AI research mentoring programme; students sign up as "
              "mentees on a second trilingual Google Form.",
        columns=columns,
        rows=google_rows(rows, dt.datetime(2026, 2, 12, 14, 0), seed=404, tz="GMT-3"),
        quote_all=True,
    )


# --------------------------------------------------------------------------- 5
ES_LANGS = ["Español", "Inglés", "Francés", "Portugués"]
GRADO = "Estudiante de grado"
MAESTRIA = "Estudiante de maestría"
DOC1 = "Doctorando de primer año"
DOC2 = "Doctorando de segundo año o más"
CU = "Ciudad Universitaria"
NORTE = "Campus Norte"
VALLE = "Campus Valle"
JURIQ = "Campus Juriquilla"
ACEPTO = "Acepto"


def es_langs(*chosen: str) -> str:
    return pick(ES_LANGS, *chosen)


def es_academic_mentees_google() -> Case:
    columns = [
        ("Marca temporal", "ignored", ""),
        ("Dirección de correo electrónico", "email", ""),
        ("Nombre completo", "name", ""),
        ("Número de cuenta", "id", "The student number the university gives every "
         "student: a real person id, unlike a response number."),
        ("¿En qué etapa de tu carrera estás?", "years_experience",
         "Study-stage categories (\"Estudiante de grado\", \"Doctorando de primer año\") "
         "stand in for seniority."),
        ("Facultad", "department", ""),
        ("Campus", "location", ""),
        ("¿Qué te gustaría aprender con tu mentor?", "wants", ""),
        ("¿En qué área investigas actualmente?", "profile",
         "The student's own current research: who they are, not a wish."),
        ("¿Qué idiomas hablas?", "languages", ""),
        ("¿Qué esperas del programa?", "wants", "What the mentee expects for themselves."),
        ("¿Prefieres que tu mentor sea de tu misma facultad?", "ignored",
         "A preference about the partner."),
        ("Acepto el aviso de privacidad", "ignored", "Consent."),
    ]
    rows = [
        ["xolvera@alumnos.uasa.example", "Ximena Olvera Durán", "318204576", MAESTRIA,
         "Facultad de Ciencias", CU,
         "Quiero aprender a escribir un artículo científico en inglés y a organizar mi tesis",
         "Ecología de poblaciones de murciélagos", es_langs("Español", "Inglés"),
         "Tener a alguien con experiencia que me oriente para entrar al doctorado",
         "Me da igual", ACEPTO],
        ["emiliano.castaneda@alumnos.uasa.example", "Emiliano Castañeda", "420113098",
         GRADO, "Facultad de Ingeniería", NORTE,
         "Programación para análisis de datos, cómo empezar a investigar",
         "Todavía no investigo", es_langs("Español", "Inglés"),
         "Conocer cómo es la vida de un investigador", "Sí", ACEPTO],
        ["renata.vs@alumnos.uasa.example", "Renata Villaseñor", "317550231", DOC1,
         "Facultad de Psicología", CU, "Métodos estadísticos (modelos mixtos), publicar",
         "Neuropsicología del envejecimiento", es_langs("Español", "Inglés", "Francés"),
         "Una red de contactos y consejos para mi primer congreso", "No", ACEPTO],
        ["luisangel.dominguez@alumnos.uasa.example", "Luis Ángel Domínguez", "419876002",
         GRADO, "Facultad de Química", NORTE,
         "quisiera aprender a usar software de modelado molecular",
         "Química computacional (servicio social)", es_langs("Español"),
         "experiencia, y saber si me conviene una maestría", "Me da igual", ACEPTO],
        ["andrea.tlapale@alumnos.uasa.example", "Andrea Tlapale Cruz", "316002451", DOC2,
         "Facultad de Filosofía y Letras", CU,
         "Cómo conseguir estancias de investigación en el extranjero y financiamiento",
         "Literatura náhuatl colonial", es_langs("Español", "Inglés", "Náhuatl"),
         "Que mi mentor me ayude a terminar la tesis a tiempo", "No", ACEPTO],
        ["diego.resendiz@alumnos.uasa.example", "Diego Armando Reséndiz", "421045789",
         GRADO, "Facultad de Ingeniería", VALLE,
         "Machine learning y cómo aplicar a una beca", "", es_langs("Español", "Inglés"),
         "Orientación vocacional", "Sí", ACEPTO],
        ["mariana.cervantes@alumnos.uasa.example", "Mariana Cervantes Ibarra", "320998114",
         MAESTRIA, "Facultad de Medicina", CU,
         "Diseño de ensayos clínicos y escritura de protocolos",
         "Epidemiología de la diabetes tipo 2 en población indígena",
         es_langs("Español", "Inglés"),
         "Mejorar mi productividad académica y conocer otras áreas", "Me da igual", ACEPTO],
        ["santiago.ferrer@alumnos.uasa.example", "Santiago Ferrer", "318777230", DOC1,
         "Facultad de Ciencias", JURIQ,
         "Cómo dar clases y al mismo tiempo investigar; cómo tratar con mi asesor",
         "Física de materiales, nanoestructuras",
         es_langs("Español", "Inglés", "Portugués"), "Apoyo emocional y consejos prácticos",
         "No", ACEPTO],
        ["paola.gutierrez@alumnos.uasa.example", "Paola Gutiérrez Mena", "419203345", GRADO,
         "Facultad de Economía", CU,
         "Econometría y cómo hacer una tesis de licenciatura",
         "Economía laboral, informalidad", es_langs("Español"), "", "Sí", ACEPTO],
        ["jesus.rangel@alumnos.uasa.example", "Jesús Alberto Rangel", "317440921", MAESTRIA,
         "Facultad de Ingeniería", NORTE,
         "Escritura académica en inglés, presentar en congresos",
         "Energías renovables: eficiencia de paneles solares", es_langs("Español", "Inglés"),
         "Un mentor que me ayude a decidir entre industria o doctorado", "Me da igual",
         ACEPTO],
        ["fer.ochoa@alumnos.uasa.example", "Fernanda Ochoa", "420567812", GRADO,
         "Facultad de Ciencias Políticas y Sociales", CU,
         "metodología cualitativa, entrevistas",
         "Movimientos sociales y redes sociales digitales",
         es_langs("Español", "Inglés", "Francés"), "Aprender y conocer gente", "No", ACEPTO],
        ["ivan.zuniga@alumnos.uasa.example", "Iván Zúñiga Ley", "316889034", DOC2,
         "Facultad de Ciencias", JURIQ, "Cómo buscar un posdoctorado, entrevistas",
         "Genómica de maíces nativos", es_langs("Español", "Inglés"),
         "Consejos para el mercado académico", "No", ACEPTO],
        ["valeria.sandoval@alumnos.uasa.example", "Valeria Sandoval", "421330657", GRADO,
         "Facultad de Arquitectura", CU,
         "Investigación en urbanismo, cómo hacer trabajo de campo", "Ninguna por ahora",
         es_langs("Español", "Inglés", "Italiano"), "Descubrir si me gusta la investigación",
         "Me da igual", ACEPTO],
        ["hector.avila@alumnos.uasa.example", "Héctor Manuel Ávila", "318045560", MAESTRIA,
         "Facultad de Medicina Veterinaria y Zootecnia", VALLE, "Bioestadística, R",
         "Enfermedades zoonóticas en fauna silvestre", es_langs("Español"),
         "Publicar mi primer artículo", "Sí", ACEPTO],
        ["regina.montoya@alumnos.uasa.example", "Regina Montoya", "419551280", DOC1,
         "Facultad de Psicología", CU, "Gestionar el tiempo y no quemarme",
         "Psicología educativa, ansiedad matemática en secundaria",
         es_langs("Español", "Inglés", "Portugués"),
         "Acompañamiento durante el primer año del doctorado", "No", ACEPTO],
        ["oscar.beltran@alumnos.uasa.example", "Óscar Beltrán", "320114478", GRADO,
         "Facultad de Ingeniería", NORTE, "Robótica, cómo entrar a un laboratorio",
         "En un proyecto de drones para agricultura (servicio social)",
         es_langs("Español", "Inglés"), "Que me recomienden para una estancia de verano",
         "Me da igual", ACEPTO],
    ]
    return Case(
        name="es_academic_mentees_google", tool="google", language="es",
        direction="classic", role="mentee", split="dev",
        world="A Mexican public university (Universidad Autónoma de Sierra Alta) pairs "
              "students with researchers; students sign up on a Spanish Google Form.",
        columns=columns,
        rows=google_rows(rows, dt.datetime(2026, 1, 26, 10, 0), seed=505, tz="GMT-6"),
        quote_all=True,
    )


# --------------------------------------------------------------------------- 6
ESCRITA = "Escrita científica"
CARREIRA = "Carreira acadêmica"
BOLSAS = "Bolsas e financiamento"
ESTAT = "Estatística e análise de dados"
EXTERIOR = "Pesquisa no exterior"
INOVA = "Inovação e empreendedorismo"
ENSINO = "Ensino e didática"
TEMAS = [ESCRITA, CARREIRA, BOLSAS, ESTAT, EXTERIOR, INOVA, ENSINO]
PT_LANGS = ["Português", "Inglês", "Espanhol", "Francês", "Alemão"]
ASSOC = "Professor associado"
ADJ = "Professor adjunto"
TIT = "Professor titular"
ASSIST = "Professor assistente"
POSDOC = "Pesquisador de pós-doutorado"
EMPRESA = "Pesquisador em empresa"
INSTITUTO = "Pesquisador em instituto público"


def temas(*chosen: str) -> str:
    return pick(TEMAS, *chosen)


def pt_langs(*chosen: str) -> str:
    return pick(PT_LANGS, *chosen)


TYPEFORM_TAIL = [
    ("Response Type", "ignored", "Typeform metadata (completed / partial)."),
    ("Start Date (UTC)", "ignored", ""),
    ("Stage Date (UTC)", "ignored", ""),
    ("Submit Date (UTC)", "ignored", ""),
    ("Network ID", "ignored", "Typeform network id, not a person id."),
    ("Tags", "ignored", "Typeform tags the organisers set."),
]


def pt_academic_mentors_typeform() -> Case:
    columns = [
        ("#", "ignored", "Typeform response token, not a person id."),
        ("Nome", "name", ""),
        ("E-mail", "email", ""),
        ("Qual é o seu cargo atual?", "years_experience",
         "Academic rank categories (\"Professor associado\", \"Pesquisador de "
         "pós-doutorado\") stand in for seniority rather than a free job title."),
        ("Instituição", "department", ""),
        ("Cidade", "location", ""),
        ("Conte um pouco sobre sua trajetória", "profile", ""),
        ("Em que você pode ajudar um mentorado?", "offers", ""),
        ("Quais temas você gostaria de orientar?", "offers",
         "\"gostaria\" is a wish, but it is about topics the mentor would guide: an offer."),
        ("Quantos mentorados você pode acompanhar?", "capacity", ""),
        ("Quantos artigos você publicou?", "ignored",
         "A count of papers, not capacity."),
        ("Você já foi mentor antes?", "ignored",
         "Yes/no fact, exported by Typeform as 1 / 0 (not a capacity)."),
        ("Idiomas", "languages", ""),
        *TYPEFORM_TAIL,
    ]
    rows = [
        ["Helena Barcellos Prado", "helena.prado@ufsc.example", ASSOC,
         "Universidade Federal de Santa Catarina", "Florianópolis",
         "Professora de engenharia química há 14 anos, coordeno um grupo de pesquisa em "
         "catálise.",
         "Posso ajudar com escrita de artigos, planejamento do doutorado e pedidos de bolsa "
         "da CAPES e do CNPq.", temas(ESCRITA, CARREIRA, BOLSAS), "3", "62", "1",
         pt_langs("Português", "Inglês", "Espanhol")],
        ["Ricardo Tavares Neto", "rtavares@ufpr.example", POSDOC,
         "Universidade Federal do Paraná", "Curitiba",
         "Pós-doc em ecologia, doutorado sanduíche na Alemanha.",
         "Doutorado sanduíche, vida no exterior, análise de dados em R",
         temas(ESTAT, EXTERIOR), "2", "11", "0", pt_langs("Português", "Inglês", "Alemão")],
        ["Patrícia Moura", "pmoura@fiocruz.example", INSTITUTO, "Fiocruz", "Rio de Janeiro",
         "Epidemiologista, trabalho com vigilância em saúde.",
         "Posso orientar sobre carreira fora da universidade, saúde pública e estatística.",
         temas(CARREIRA, ESTAT), "2", "48", "1",
         pt_langs("Português", "Inglês", "Espanhol")],
        ["Anderson Luiz Siqueira", "anderson.siqueira@ufmg.example", ADJ,
         "Universidade Federal de Minas Gerais", "Belo Horizonte",
         "Professor de ciência da computação, área de sistemas distribuídos.",
         "ajudo em programação, organização da pesquisa e preparação para processos "
         "seletivos de doutorado", temas(CARREIRA, ENSINO), "1", "23", "0",
         pt_langs("Português", "Inglês")],
        ["Marina Kato", "marina.kato@embrapa.example", INSTITUTO, "Embrapa", "Campinas",
         "Engenheira agrônoma, pesquisadora em melhoramento genético.",
         "Projetos com a indústria, inovação no agro, escrita de patentes.",
         temas(ESCRITA, INOVA), "2", "35", "1", pt_langs("Português", "Inglês", "Francês")],
        ["Felipe Arantes", "felipe@arandubio.example", EMPRESA, "Arandu Biotech",
         "São Paulo", "Doutor em bioquímica, hoje lidero P&D numa startup.",
         "Como sair da academia para a indústria, empreender com ciência, preparar pitch.",
         temas(CARREIRA, INOVA), "3", "9", "1", pt_langs("Português", "Inglês")],
        ["Luciana Ribeiro Franco", "lfranco@unb.example", TIT, "Universidade de Brasília",
         "Brasília", "Professora de sociologia, 25 anos de docência.",
         "Metodologia qualitativa, escrita de tese, docência no ensino superior.",
         temas(ESCRITA, CARREIRA, ENSINO), "4", "87", "1",
         pt_langs("Português", "Espanhol", "Francês")],
        ["Gustavo Henrique Lopes", "gh.lopes@ufba.example", "", "", "", "", "", "", "", "",
         "", ""],
        ["Camila Teixeira", "camila.teixeira@usp.example", POSDOC,
         "Universidade de São Paulo", "São Carlos",
         "Física computacional, pós-doc com bolsa FAPESP.",
         "Bolsas FAPESP, escrita em inglês, Python científico.",
         temas(ESCRITA, BOLSAS, ESTAT), "1", "14", "0", pt_langs("Português", "Inglês")],
        ["Roberto Cardoso Filho", "rcardoso@ufrj.example", ASSOC,
         "Universidade Federal do Rio de Janeiro", "Rio de Janeiro", "",
         "Orientação em carreira acadêmica e concursos para docente.",
         temas(CARREIRA, ENSINO), "2", "41", "1", pt_langs("Português")],
        ["Aline Fonseca", "aline.fonseca@ufpe.example", ADJ,
         "Universidade Federal de Pernambuco", "Recife",
         "Professora de linguística, estudo línguas indígenas do Nordeste.",
         "Trabalho de campo, ética em pesquisa com comunidades, bolsas internacionais.",
         temas(BOLSAS, EXTERIOR), "2", "19", "0",
         pt_langs("Português", "Inglês", "Espanhol")],
        ["Thiago Brandão", "thiago.brandao@ita.example", ASSIST,
         "Instituto Tecnológico de Aeronáutica", "São José dos Campos",
         "Engenharia aeroespacial, controle de satélites.",
         "Modelagem matemática, programação (MATLAB/Python), parceria com indústria",
         temas(ESTAT, INOVA), "1", "7", "0", pt_langs("Português", "Inglês")],
        ["Renata Goulart", "rgoulart@ufrgs.example", TIT,
         "Universidade Federal do Rio Grande do Sul", "Porto Alegre",
         "Neurocientista, coordeno programa de pós-graduação.",
         "Posso ajudar a planejar a carreira, lidar com orientador, publicar em revistas "
         "internacionais e equilibrar vida pessoal.", temas(ESCRITA, CARREIRA, EXTERIOR),
         "3", "112", "1", pt_langs("Português", "Inglês", "Espanhol")],
        ["Eduardo Nakashima", "eduardo.n@unicamp.example", POSDOC,
         "Universidade Estadual de Campinas", "Campinas", "Químico, pós-doc em materiais.",
         "Experimentos de laboratório, escrita, bolsas.", temas(ESCRITA, BOLSAS), "1", "6",
         "0", pt_langs("Português", "Inglês", "Japonês")],
        ["Sandra Oliveira Maciel", "sandra.maciel@ufc.example", ASSOC,
         "Universidade Federal do Ceará", "Fortaleza",
         "Matemática aplicada; estatística bayesiana.",
         "Estatística, análise de dados, revisão de artigos", temas(ESCRITA, ESTAT), "2",
         "30", "1", pt_langs("Português", "Inglês")],
    ]
    return Case(
        name="pt_academic_mentors_typeform", tool="typeform", language="pt",
        direction="classic", role="mentor", split="test",
        world="A Brazilian research network (Rede Sabiá de Pesquisa) recruits researchers "
              "to mentor graduate students through a Portuguese Typeform.",
        columns=columns,
        rows=typeform_rows(rows, dt.datetime(2026, 2, 16, 11, 0), seed=606, partial={7},
                           tags={0: "convite-direto", 6: "edicao-2025", 12: "edicao-2025"}),
        newline="\n",
    )


# --------------------------------------------------------------------------- 7
KESSLER = "kessler-antriebe.example"


def k(local: str) -> str:
    return f"{local}@{KESSLER}"


def de_peer_spreadsheet() -> Case:
    columns = [
        ("Nr.", "ignored", "Running row number of the hand-made list, not a person id."),
        ("Personalnummer", "id", "The employee number: the person id."),
        ("Vorname", "name", "First name; the name is split over two columns."),
        ("Nachname", "name", "Last name; the name is split over two columns."),
        ("E-Mail", "email", ""),
        ("Abteilung", "department", ""),
        ("Standort", "location", ""),
        ("Berufserfahrung (Jahre)", "years_experience", ""),
        ("Was kann ich anderen beibringen?", "offers", ""),
        ("Was möchte ich lernen?", "wants", ""),
        ("Möchten Sie Mentor, Mentee oder beides sein?", "role_preference", ""),
        ("Sprachen", "languages", ""),
        ("Führungskraft (E-Mail)", "manager_id", "\"Führungskraft\" is the person's "
         "manager."),
        ("Bemerkung HR", "ignored", "HR's own notes (leave, part time), not the person's "
         "answers."),
    ]
    rows = [
        ["1", "100482", "Jonas", "Albrecht-Wiese", k("jonas.albrecht-wiese"), "Konstruktion",
         "Ulm", "12", "CAD (Creo), Toleranzrechnung, technische Zeichnungen lesen",
         "Projektmanagement, Präsentieren vor Kunden", "Beides", "Deutsch, Englisch",
         k("markus.hollenbach"), ""],
        ["2", "100517", "Katrin", "Oberholzer", k("katrin.oberholzer"), "Einkauf",
         "Heilbronn", "8", "Verhandlungsführung mit Lieferanten, SAP MM",
         "Excel-Makros / Power Query", "Mentor", "Deutsch, Englisch, Italienisch",
         k("bettina.brenner"), ""],
        ["3", "101203", "Mehmet", "Yıldız", k("mehmet.yildiz"), "Fertigung / Montage", "Ulm",
         "3", "Montageabläufe, 5S, Lean-Grundlagen", "Englisch für den Job, Schichtleitung",
         "Mentee", "Deutsch, Türkisch", k("ralf.steiner"),
         "Schichtdienst - Termine nur vormittags"],
        ["4", "100033", "Anja", "Pfeiffer", k("anja.pfeiffer"), "Personal", "Ulm", "25",
         "Arbeitsrecht-Basics, Gesprächsführung, Konfliktmoderation",
         "Digitale Tools, MS Teams richtig nutzen", "Beides",
         "Deutsch, Englisch, Französisch", k("claudia.wendt"), ""],
        ["5", "101877", "Lukas", "Brandstätter", k("lukas.brandstaetter"), "IT", "Chemnitz",
         "0,5", "Python, Automatisierung mit Power Automate",
         "Wie funktioniert die Fertigung eigentlich? Grundlagen Maschinenbau", "Beides",
         "Deutsch, Englisch", k("oliver.franke"), "Werkstudent, ab 1.4. fest"],
        ["6", "100954", "Svenja", "Kuhlmann", k("svenja.kuhlmann"), "Vertrieb Inland",
         "Heilbronn", "ca. 15", "Kundengespräche, Angebotskalkulation, CRM", "", "Mentor",
         "Deutsch, Englisch, Niederländisch", k("frank.meissner"), ""],
        ["7", "101345", "Tobias", "Riedl", k("tobias.riedl"), "Qualitätssicherung", "Ulm",
         "6", "Messtechnik, FMEA, 8D-Reports",
         "Führung ohne Vorgesetztenfunktion, Moderation", "Beides", "Deutsch",
         k("petra.kohler"), ""],
        ["8", "101990", "Elena", "Wójcik", k("elena.wojcik"), "Controlling",
         "Ulm (Homeoffice)", "2", "Power BI Dashboards",
         "Kostenrechnung in der Praxis, SAP CO", "Mentee", "Deutsch, Polnisch, Englisch",
         k("sabine.lorenz-adler"), ""],
        ["9", "100211", "Felix", "Hartung", k("felix.hartung"), "Entwicklung Elektronik",
         "Chemnitz", "18", "Leiterplattendesign, EMV, Embedded C",
         "Agile Methoden (Scrum) – wir fangen gerade an", "Mentor", "Deutsch, Englisch",
         k("markus.hollenbach"), "nur bis Sommer verfügbar"],
        ["10", "101566", "Miriam", "Scholl", k("miriam.scholl"), "Marketing", "Heilbronn",
         "4", "Social Media, Canva, Messeplanung",
         "Technisches Verständnis unserer Produkte (Getriebe!)", "Beides",
         "Deutsch, Englisch, Spanisch", k("frank.meissner"), ""],
        ["11", "100738", "Dragan", "Petrović", k("dragan.petrovic"), "Instandhaltung", "Ulm",
         "22", "Hydraulik, Fehlersuche an Anlagen, SPS-Grundlagen",
         "Computerkenntnisse, Excel", "Beides", "Deutsch, Serbisch, Kroatisch",
         k("ralf.steiner"), ""],
        ["12", "100409", "Sabine", "Lorenz-Adler", k("sabine.lorenz-adler"),
         "Finanzbuchhaltung", "Ulm", "30", "Buchhaltung, Jahresabschluss, DATEV",
         "Englisch auffrischen", "Mentor", "Deutsch", k("thomas.baumgartner"),
         "Teilzeit 60%"],
        ["13", "102004", "Niklas", "Vogt", k("niklas.vogt"), "Entwicklung Mechanik", "Ulm",
         "1", "3D-Druck, Simulation (FEM)",
         "Normen und Zulassung, wie läuft ein Entwicklungsprojekt von A bis Z", "Mentee",
         "Deutsch, Englisch", k("markus.hollenbach"), ""],
        ["14", "101122", "Hannah", "Engström", k("hannah.engstrom"), "Logistik", "Chemnitz",
         "7", "Lagerverwaltung, Zoll und Export",
         "Führungskompetenz, Mitarbeitergespräche", "Beides",
         "Deutsch, Schwedisch, Englisch", "", "Elternzeit bis Mai"],
        ["15", "100865", "Oliver", "Franke", k("oliver.franke"), "IT", "Ulm", "10",
         "SAP-Basis, IT-Sicherheit im Alltag", "Präsentationstechnik", "Beides",
         "Deutsch, Englisch", k("thomas.baumgartner"), ""],
        ["16", "101704", "Aylin", "Demir", k("aylin.demir"), "Personal", "Heilbronn", "2,5",
         "Recruiting über Social Media, Employer Branding",
         "Arbeitsrecht, Gehaltsabrechnung", "Mentee", "Deutsch, Türkisch, Englisch",
         k("anja.pfeiffer"), ""],
    ]
    return Case(
        name="de_peer_spreadsheet", tool="spreadsheet", language="de", direction="peer",
        role=None, split="dev",
        world="HR at Kessler Antriebstechnik, a German gear manufacturer, keeps the sign-ups "
              "for its peer-learning programme in a hand-made Excel sheet saved as CSV.",
        columns=columns, rows=rows, delimiter=";", bom=True,
    )


# --------------------------------------------------------------------------- 8
BRIGHT = "brightwater.example"


def b(local: str) -> str:
    return f"{local}@{BRIGHT}"


EN_LANGS = ["English", "Spanish", "Portuguese", "French", "Polish", "Hindi"]
LT1 = "Less than a year"
Y13 = "1-3 years"
Y47 = "4-7 years"
Y8 = "8+ years"
H1 = "1 hour"
H2 = "2 hours"
HALF = "Half a day"
STRETCHED = "I'm stretched right now - 30 min"


def en_langs(*chosen: str) -> str:
    return pick(EN_LANGS, *chosen)


def en_corporate_peer_typeform() -> Case:
    columns = [
        ("#", "ignored", "Typeform response token, not a person id."),
        ("What's your name?", "name", ""),
        ("Work e-mail", "email", ""),
        ("Team", "department", ""),
        ("Office", "location", ""),
        ("How long have you worked in this field?", "years_experience",
         "Years in ranges (\"Less than a year\", \"8+ years\")."),
        ("What could you teach a colleague?", "offers", ""),
        ("What would you like a colleague to help you with?", "wants",
         "The respondent RECEIVES the help: a want, although \"help\" usually signals an "
         "offer."),
        ("How much time can you give per month?", "capacity",
         "The only capacity question: time one can give to mentoring."),
        ("Anything you'd rather not talk about?", "ignored", "Topics to avoid."),
        ("Would you rather mentor, be mentored, or both?", "role_preference", ""),
        ("Which languages are you comfortable working in?", "languages", ""),
        ("Are you a people manager?", "ignored",
         "Yes/no fact (Typeform 1 / 0), not the manager's id."),
        ("Your line manager's e-mail", "manager_id", ""),
        *TYPEFORM_TAIL,
    ]
    rows = [
        ["Priya Raghunathan", b("priya.raghunathan"), "Data Engineering", "London", Y8,
         "Airflow, dbt, designing data pipelines that don't fall over at 3am",
         "Public speaking, I freeze in all-hands", H2, "", "Both",
         en_langs("English", "Hindi", "Tamil"), "1", b("tom.whitcombe")],
        ["Callum McAllister", b("callum.mcallister"), "Product", "Edinburgh", Y47,
         "Writing PRDs, running discovery interviews", "SQL beyond SELECT *", H1,
         "Politics please", "Both", en_langs("English"), "0", b("rachel.ashdown")],
        ["Sofia Marques", b("sofia.marques"), "Design", "Lisbon", Y13,
         "Figma, design systems, accessibility basics",
         "How to push back on stakeholders without sounding rude", H2, "", "Both",
         en_langs("English", "Portuguese", "Spanish"), "0", b("rachel.ashdown")],
        ["Daniel Osei", b("daniel.osei"), "Platform", "London", Y8,
         "Kubernetes, incident management, on-call sanity", "", HALF, "Nope", "Mentor",
         en_langs("English", "French"), "1", b("tom.whitcombe")],
        ["Megan Holt", b("megan.holt"), "Customer Success", "Manchester", LT1,
         "Client calls, keeping renewals on track",
         "Understanding our data model, basic Python", H1, "", "Be mentored",
         en_langs("English"), "0", b("oliver.trent")],
        ["Arjun Mehta", b("arjun.mehta"), "Machine Learning", "Remote (UK)", Y47,
         "Model evaluation, experiment tracking, writing clear notebooks",
         "Managing up and career progression to staff level", H2, "My visa situation",
         "Both", en_langs("English", "Hindi"), "0", b("daniel.osei")],
        ["Ewa Nowak", b("ewa.nowak"), "QA", "Manchester", Y47,
         "Test automation with Playwright", "Moving into a dev role, backend fundamentals",
         H1, "", "Both", en_langs("English", "Polish"), "0", b("tomas.ferreira")],
        ["Rhys Pritchard", b("rhys.pritchard"), "Finance", "London", Y8,
         "Budgeting, reading a P&L, how the company actually makes money",
         "Get comfortable with our BI tools", STRETCHED, "Salary conversations", "Mentor",
         en_langs("English", "Welsh"), "1", b("joanna.feld")],
        ["Chloe Anderson", b("chloe.anderson"), "Data Science", "Edinburgh", Y13,
         "Statistics refresher, A/B test design",
         "Writing production code, code review etiquette", H2, "", "Both",
         en_langs("English", "French"), "0", b("grace.whitfield")],
        ["Tomás Ferreira", b("tomas.ferreira"), "Backend", "Lisbon", Y8,
         "Go, distributed systems, system design interviews",
         "Leadership - I just became tech lead", HALF, "", "Both",
         en_langs("English", "Spanish", "Portuguese"), "1", b("tom.whitcombe")],
        ["Hannah Okoye", b("hannah.okoye"), "People & Talent", "London", Y47,
         "Interviewing, writing a good CV, giving feedback",
         "Data literacy: understanding our engagement survey numbers", H1,
         "Anything about specific colleagues", "Both", en_langs("English"), "0",
         b("joanna.feld")],
        ["Niall Donnelly", b("niall.donnelly"), "Sales", "Manchester", Y13, "",
         "Demo skills, understanding the product deeply", H1, "", "Be mentored",
         en_langs("English"), "0", b("oliver.trent")],
        ["Aisha Rahman", b("aisha.rahman"), "Security", "Remote (UK)", Y8,
         "Threat modelling, secure code review, phishing awareness", "", H2, "", "Mentor",
         en_langs("English", "Bengali", "Urdu"), "0", b("tom.whitcombe")],
        ["Mateusz Zielinski", b("mateusz.zielinski"), "Frontend", "London", LT1,
         "React hooks, TypeScript tricks I picked up at bootcamp",
         "Everything :) mostly architecture and testing", H1, "", "Be mentored",
         en_langs("English", "Polish"), "0", b("tomas.ferreira")],
        ["Grace Whitfield", b("grace.whitfield"), "Analytics", "Edinburgh", Y47,
         "Looker, dashboard design, storytelling with data", "Python for analysis", H2,
         "no", "Both", en_langs("English"), "1", b("rachel.ashdown")],
        ["Kenji Watanabe-Clarke", b("kenji.watanabe-clarke"), "Machine Learning", "London",
         Y13, "PyTorch, reading papers quickly",
         "Stakeholder management, presenting results to non-technical people", H1, "",
         "Both", en_langs("English", "Japanese"), "0", b("daniel.osei")],
        ["Beatriz Alonso", b("beatriz.alonso"), "Data Engineering", "Lisbon", Y13,
         "Spark optimisation", "Cloud cost management, AWS certs", HALF, "", "Both",
         en_langs("English", "Spanish", "Portuguese"), "0", b("priya.raghunathan")],
        ["Oliver Trent", b("oliver.trent"), "Operations", "Manchester", Y8,
         "Process mapping, vendor management, keeping calm",
         "Learn some basic automation (Zapier, scripting)", STRETCHED, "", "Both",
         en_langs("English"), "1", b("joanna.feld")],
    ]
    return Case(
        name="en_corporate_peer_typeform", tool="typeform", language="en", direction="peer",
        role=None, split="test",
        world="Brightwater Analytics, a UK software company, runs an internal peer-mentoring "
              "scheme; staff sign up on a Typeform and choose to mentor, be mentored or both.",
        columns=columns,
        rows=typeform_rows(rows, dt.datetime(2026, 3, 4, 8, 0), seed=808,
                           tags={3: "pilot-2025", 9: "pilot-2025"}),
        newline="\n",
    )


# --------------------------------------------------------------------------- 9
NORTH = "northhaven.example"


def n(local: str) -> str:
    return f"{local}@{NORTH}"


RM = "Reverse mentor (junior)"
EX = "Executive mentee"


def en_reverse_corporate_google() -> Case:
    columns = [
        ("Timestamp", "ignored", ""),
        ("Email Address", "email", ""),
        ("Name", "name", ""),
        ("Are you signing up as a reverse mentor (junior) or as an executive mentee?",
         "role_preference", "One form for both sides: this says which side the person "
         "signs up for."),
        ("Years at the company", "years_experience", "Tenure in years (\"<1\", \"2.5\")."),
        ("Business unit", "department", ""),
        ("Job title", "role", ""),
        ("Office", "location", ""),
        ("Languages", "languages", ""),
        ("If you are a reverse mentor: what could you show an executive?", "offers",
         "Asked only of the juniors, who are the mentors; empty for executives."),
        ("If you are a reverse mentor: how many executives could you take on?", "capacity",
         "Asked only of the juniors; empty for executives."),
        ("If you are an executive: what do you want to understand better?", "wants",
         "Asked only of the executives, who are the mentees; empty for juniors."),
        ("What do you hope to get out of the programme?", "wants",
         "Asked of both sides: what each person expects for themselves."),
        ("Preferred meeting format", "ignored", "Logistics preference."),
    ]
    rows = [
        [n("maya.singh-lachance"), "Maya Singh-Lachance", RM, "2", "Digital Banking",
         "Associate Product Manager", "Toronto HQ", "English, French, Punjabi",
         "How Gen Z actually uses banking apps, TikTok finance content, and what makes us "
         "switch banks", "2", "",
         "Visibility with senior leaders and a better sense of how strategy gets made",
         "Video call"],
        [n("gregory.haldane"), "Gregory Haldane", EX, "23", "Commercial Banking",
         "EVP, Commercial Banking", "Toronto HQ", "English", "", "",
         "How younger clients and employees use AI tools and social media, and what they "
         "expect from a bank", "A fresh perspective. I'm aware I'm out of touch on some "
         "things.", "In person"],
        [n("emilie.gagnon"), "Émilie Gagnon", RM, "1.5", "Technology", "Software Developer",
         "Montréal", "French, English",
         "Generative AI at work (Copilot, ChatGPT), automating boring stuff, and how devs "
         "feel about return-to-office", "1", "",
         "Apprendre comment les dirigeants prennent des décisions, réseauter", "Either"],
        [n("jordan.blackwood"), "Jordan Blackwood", RM, "<1", "Wealth Management",
         "Client Service Representative", "Calgary", "English",
         "What new investors are watching (YouTube, Reddit), crypto curiosity among clients "
         "my age", "1", "", "Career advice, I'm thinking about going into advising",
         "Video call"],
        [n("patricia.lindqvist"), "Patricia Lindqvist", EX, "17", "Human Resources",
         "Chief Human Resources Officer", "Toronto HQ", "English, Swedish", "", "",
         "What early-career employees need to stay, how they see hybrid work and DEI "
         "efforts", "Honest feedback from people who don't usually get to give it to me",
         "In person"],
        [n("samuel.nwosu"), "Samuel Nwosu", RM, "3", "Risk", "Risk Analyst", "Toronto HQ",
         "English, Igbo",
         "Python and data visualisation, how junior analysts actually spend their week",
         "2", "", "Learn how the executive committee thinks about risk appetite", "Either"],
        [n("claire.beaumont"), "Claire Beaumont", EX, "12", "Marketing",
         "SVP Marketing & Brand", "Montréal", "French, English", "", "",
         "Les réseaux sociaux et les créateurs de contenu — comment les jeunes perçoivent "
         "notre marque", "Comprendre une génération que je dois convaincre", "Either"],
        [n("ahmed.farouk"), "Ahmed Farouk", RM, "2", "Technology", "Cloud Engineer",
         "Vancouver", "English, Arabic, French",
         "Cloud basics without jargon, cybersecurity hygiene (passwords, phishing), and "
         "Slack/Teams culture", "1", "", "", "Video call"],
        [n("deborah.whitman"), "Deborah Whitman", EX, "26", "Retail Banking",
         "President, Retail Banking", "Toronto HQ", "English", "", "",
         "Mobile-first customer habits, why young people bank with fintechs",
         "I want to challenge my assumptions", "In person"],
        [n("lily.chen"), "Lily Chen", RM, "1", "Marketing", "Social Media Coordinator",
         "Vancouver", "English, Mandarin, Cantonese",
         "Instagram and TikTok strategy, influencer culture, short video", "2", "",
         "Mentorship and understanding the business side", "Video call"],
        [n("rohan.kapadia"), "Rohan Kapadia", RM, "4", "Finance", "Financial Analyst",
         "Toronto HQ", "English, Gujarati, Hindi",
         "Power BI, automating reporting, sustainable investing as young people see it",
         "1", "", "Exposure to senior leadership and advice on the CFA path", "Either"],
        [n("marc-andre.tremblay"), "Marc-André Tremblay", EX, "19", "Operations",
         "Chief Operating Officer", "Montréal", "French, English", "", "",
         "Automatisation et IA dans les opérations, comment les jeunes employés veulent "
         "travailler", "Voir l'organisation par les yeux des nouveaux", "Either"],
        [n("zoe.hart"), "Zoe Hart", RM, "<1", "Human Resources", "HR Coordinator",
         "Halifax", "English",
         "Mental health conversations at work, what young employees look for in benefits",
         "1", "", "Confidence speaking with leaders", "Video call"],
        [n("fiona.macleod"), "Fiona MacLeod", EX, "9", "Technology",
         "Chief Information Officer", "Toronto HQ", "English", "", "",
         "Hands-on use of generative AI; how junior devs use GitHub Copilot",
         "A reality check on our tech culture", "In person"],
        [n("gabriel.moreau"), "Gabriel Moreau", RM, "2", "Commercial Banking",
         "Credit Analyst", "Montréal", "Français, anglais",
         "Comment ma génération utilise l'IA pour analyser des états financiers, et les "
         "outils no-code", "1", "", "Comprendre la stratégie de la banque commerciale",
         "Either"],
        [n("nadia.rahimi"), "Nadia Rahimi", RM, "3", "Digital Banking", "UX Researcher",
         "Toronto HQ", "English, Farsi, French",
         "Accessibility, how we test apps with young users, user research basics", "2", "",
         "Influence product decisions at a higher level", "Video call"],
        [n("howard.kingsley"), "Howard Kingsley", EX, "31", "Wealth Management",
         "Head of Wealth Management", "Calgary", "English", "", "",
         "Digital investing platforms, crypto, how the next generation thinks about advice",
         "", "In person"],
        [n("tyler.brooks"), "Tyler Brooks", RM, "1", "Operations", "Operations Analyst",
         "Calgary", "English",
         "Process automation with Power Automate, gaming and Discord communities", "1", "",
         "Career growth", "Either"],
        [n("anjali.deshpande"), "Anjali Deshpande", EX, "14", "Risk", "Chief Risk Officer",
         "Toronto HQ", "English, Marathi, Hindi", "", "",
         "Cyber risks young people see, social media misinformation",
         "Build a habit of listening to junior voices", "Video call"],
        [n("chloe.bergeron"), "Chloé Bergeron", RM, "2.5", "Legal & Compliance",
         "Compliance Analyst", "Montréal", "French, English, Spanish",
         "AI regulation basics, ESG expectations of younger clients", "1", "",
         "Réseau et mentorat en retour", "Either"],
    ]
    return Case(
        name="en_reverse_corporate_google", tool="google", language="en",
        direction="reverse", role=None, split="dev",
        world="Northhaven Financial, a Canadian bank, runs one Google Form for both sides of "
              "its reverse-mentoring programme: juniors as mentors, executives as mentees.",
        columns=columns,
        rows=google_rows(rows, dt.datetime(2026, 3, 16, 8, 0), seed=909, tz="GMT-4"),
        quote_all=True,
    )


# --------------------------------------------------------------------------- 10
GARONNE = "univ-garonne.example"


def gar(local: str) -> str:
    return f"{local}@{GARONNE}"


R_ART = "Rédaction d'articles"
R_TEMPS = "Gestion du temps et organisation"
R_DIR = "Relation avec la direction de thèse"
R_ACAD = "Après-thèse : carrière académique"
R_HORS = "Après-thèse : hors académie"
R_ORAL = "Prise de parole et conférences"
R_BIEN = "Bien-être et charge mentale"
ACCOMP = [R_ART, R_TEMPS, R_DIR, R_ACAD, R_HORS, R_ORAL, R_BIEN]
LANGUES = ["Français", "Anglais", "Espagnol"]
D_JOUR = "En semaine, en journée"
D_MIDI = "Le midi"
D_SOIR = "En soirée"
D_WE = "Le week-end"
DISPOS_G = [D_JOUR, D_MIDI, D_SOIR, D_WE]
LEMA = "Laboratoire d'Écologie des Milieux Aquatiques (LEMA)"
IRIG = "IRIG - Informatique"
CHS = "Centre d'Histoire Sociale"
LCM = "Laboratoire de Chimie Moléculaire"
LPC = "Laboratoire de Psychologie Cognitive (LPC)"
A1, A2, A3 = "1re année", "2e année", "3e année et plus"
CD, CIFRE, BOURSE, SANS = "Contrat doctoral", "CIFRE", "Bourse de mon pays", "Sans financement"


def accomp(*chosen: str) -> str:
    return pick(ACCOMP, *chosen)


def langues(*chosen: str) -> str:
    return pick(LANGUES, *chosen)


def quand(*chosen: str) -> str:
    return pick(DISPOS_G, *chosen)


def fr_academic_doctorants_google() -> Case:
    columns = [
        ("Horodateur", "ignored", ""),
        ("Adresse e-mail", "email", ""),
        ("Prénom", "name", "First name; the name is split over two columns."),
        ("Nom de famille", "name", "Last name; the name is split over two columns."),
        ("Année de thèse", "years_experience",
         "Year of the PhD (\"1re année\" … \"3e année et plus\") stands in for seniority."),
        ("Laboratoire", "department", ""),
        ("Sur quoi porte votre thèse ?", "profile", "The student's own subject: who they "
         "are, not what they want."),
        ("Sur quels points aimeriez-vous être accompagné(e) ?", "wants",
         "Checkbox of the points the doctoral student wants support on."),
        ("Précisez vos attentes (facultatif)", "wants", "Optional free-text detail of the "
         "same wants."),
        ("Langues de travail", "languages", ""),
        ("Financement de votre thèse", "ignored", "Funding type, a fact the matching does "
         "not use."),
        ("Nombre de publications", "ignored", "A count of papers, not capacity."),
        ("Directeur·rice de thèse (e-mail)", "manager_id",
         "The thesis supervisor plays the manager's part: the student must not be paired "
         "with them."),
        ("Disponibilités", "ignored", "Availability slots."),
    ]
    rows = [
        [gar("clemence.aubry"), "Clémence", "Aubry", A2, LEMA,
         "Effets des micropolluants sur les communautés de diatomées en rivière",
         accomp(R_ART, R_TEMPS, R_ORAL),
         "Je voudrais surtout apprendre à écrire mon premier article en anglais.",
         langues("Français", "Anglais"), CD, "0", gar("pierre.lacombe"),
         quand(D_JOUR, D_MIDI)],
        [gar("mamadou.sow"), "Mamadou", "Sow", A1, IRIG,
         "Apprentissage fédéré pour la santé : confidentialité et performances",
         accomp(R_TEMPS, R_DIR, R_ACAD), "", langues("Français", "Anglais", "Wolof"), BOURSE,
         "0", gar("nathalie.brun"), quand(D_SOIR)],
        [gar("juliette.roux-sanchez"), "Juliette", "Roux-Sanchez", A3, CHS,
         "Les grèves des ouvrières du textile dans le Sud-Ouest, 1900-1936",
         accomp(R_HORS, R_BIEN),
         "Je finis ma 4e année et je ne sais pas quoi faire après, je suis épuisée",
         langues("Français", "Espagnol"), SANS, "2", gar("jean.dupuy-marty"),
         quand(D_JOUR, D_SOIR)],
        [gar("antoine.lacaze"), "Antoine", "Lacaze", A2, LCM,
         "Synthèse de ligands pour la catalyse au cuivre", accomp(R_ART, R_HORS),
         "Intéressé par l'industrie pharmaceutique après la thèse",
         langues("Français", "Anglais"), CIFRE, "1", gar("sylvie.marquet"), quand(D_MIDI)],
        [gar("wen.zhao"), "Wen", "Zhao", A1, IRIG,
         "Vision par ordinateur pour le suivi de la faune", accomp(R_DIR, R_ORAL),
         "Améliorer mon français pour les présentations au labo",
         langues("Français", "Anglais", "Chinois"), BOURSE, "1", gar("nathalie.brun"),
         quand(D_JOUR)],
        [gar("lena.moreau"), "Léna", "Moreau", A3, LPC,
         "Mémoire de travail et bilinguisme chez l'enfant", accomp(R_ACAD, R_ORAL),
         "Préparer les auditions de maître de conférences", langues("Français", "Anglais"),
         CD, "3 ou plus", gar("agnes.teissier"), quand(D_MIDI, D_SOIR)],
        [gar("karim.bensaid"), "Karim", "Bensaïd", A2, LCM,
         "Électrochimie des batteries sodium-ion", accomp(R_TEMPS, R_DIR, R_BIEN),
         "Relation compliquée avec mon directeur, j'aimerais un regard extérieur",
         langues("Français", "Anglais", "Arabe"), CD, "0", gar("sylvie.marquet"),
         quand(D_SOIR, D_WE)],
        [gar("sofia.herrera-lugo"), "Sofía", "Herrera Lugo", A1, LEMA,
         "Dynamique du carbone dans les zones humides", accomp(R_ART, R_TEMPS), "",
         langues("Français", "Anglais", "Espagnol"), BOURSE, "0", gar("pierre.lacombe"),
         quand(D_JOUR)],
        [gar("baptiste.fontaine"), "Baptiste", "Fontaine", A3, IRIG,
         "Vérification formelle de protocoles cryptographiques", accomp(R_HORS),
         "Je vise une startup ou un poste d'ingénieur R&D", langues("Français", "Anglais"),
         CIFRE, "3 ou plus", gar("marc.oliveira"), quand(D_SOIR)],
        [gar("ines.carvalho"), "Inès", "Carvalho", A2, CHS,
         "Migrations portugaises en Gironde après 1960", accomp(R_ART, R_ACAD, R_ORAL),
         "Publier dans une revue à comité de lecture", langues("Français", "Portugais"), CD,
         "1", gar("jean.dupuy-marty"), quand(D_JOUR, D_MIDI)],
        [gar("thomas.vidal"), "Thomas", "Vidal", A1, LPC,
         "Attention et usage des écrans chez l'adolescent", accomp(R_TEMPS, R_BIEN), "",
         langues("Français"), CD, "0", gar("agnes.teissier"), quand(D_MIDI)],
        [gar("amina.traore"), "Amina", "Traoré", A3, LEMA,
         "Modélisation hydrologique du bassin de la Garonne sous changement climatique",
         accomp(R_ART, R_HORS, R_ORAL),
         "Passer de la recherche à un bureau d'études ou une agence de l'eau",
         langues("Français", "Anglais"), CD, "2", gar("pierre.lacombe"),
         quand(D_JOUR, D_SOIR)],
        [gar("hugo.perrin"), "Hugo", "Perrin", A2, IRIG,
         "Interfaces cerveau-machine non invasives", accomp(R_ART, R_ACAD),
         "aide pour candidater à des post-docs à l'étranger", langues("Français", "Anglais"),
         CD, "2", gar("marc.oliveira"), quand(D_WE)],
        [gar("elif.kaya"), "Elif", "Kaya", A1, LCM,
         "Matériaux poreux pour la capture du CO2", accomp(R_TEMPS, R_DIR, R_ORAL),
         "Comprendre les codes du monde académique français",
         langues("Français", "Anglais", "Turc"), BOURSE, "0", gar("sylvie.marquet"),
         quand(D_JOUR, D_MIDI)],
        [gar("margot.lefevre"), "Margot", "Lefèvre", A2, LPC,
         "Dyslexie et apprentissage de la lecture en CP", accomp(R_TEMPS, R_BIEN),
         "Gérer le doute et le syndrome de l'imposteur", langues("Français", "Anglais"),
         SANS, "1", gar("agnes.teissier"), quand(D_SOIR)],
        [gar("youssef.elamrani"), "Youssef", "El Amrani", A3, CHS,
         "Archives coloniales et mémoire ouvrière", accomp(R_ART, R_ACAD), "",
         langues("Français", "Anglais", "Arabe"), CD, "3 ou plus", gar("jean.dupuy-marty"),
         quand(D_JOUR)],
        [gar("paul.garcia"), "Paul", "Garcia", A1, IRIG,
         "Robotique sous-marine et navigation autonome", accomp(R_HORS, R_ORAL),
         "Je veux savoir si je veux rester dans la recherche",
         langues("Français", "Anglais", "Espagnol"), CIFRE, "0", gar("marc.oliveira"),
         quand(D_MIDI, D_WE)],
    ]
    return Case(
        name="fr_academic_doctorants_google", tool="google", language="fr",
        direction="classic", role="mentee", split="test",
        world="The doctoral school of the Université de Garonne pairs doctoral students with "
              "post-docs and alumni; students sign up on a French Google Form.",
        columns=columns,
        rows=google_rows(rows, dt.datetime(2026, 1, 12, 9, 0), seed=1010, tz="GMT+1"),
        quote_all=True,
    )


# --------------------------------------------------------------------------- 11
HARROW = "harrowpike.example"


def hp(local: str) -> str:
    return f"{local}@{HARROW}"


A_CHARTER = "Chartership (ICE / IStructE)"
A_TECH = "Technical skills"
A_CLIENT = "Client communication"
A_CAREER = "Career planning"
A_BALANCE = "Work-life balance"
A_LEAD = "Leadership"
SUPPORT = [A_CHARTER, A_TECH, A_CLIENT, A_CAREER, A_BALANCE, A_LEAD]


def support(*chosen: str) -> str:
    return ms_pick(SUPPORT, *chosen)


def en_graduate_mentees_ms_anonymous() -> Case:
    columns = [
        ("Id", "ignored", "Microsoft Forms response number, not a person id."),
        ("Start time", "ignored", ""),
        ("Completion time", "ignored", ""),
        ("Email", "ignored", "The form was open to anyone with the link: Microsoft writes "
         "\"anonymous\" here; the real address is the \"Work email address\" question."),
        ("Name", "ignored", "Empty for an anonymous form; the name is the \"Full name\" "
         "question."),
        ("Last modified time", "ignored", ""),
        ("Full name", "name", ""),
        ("Work email address", "email", "The person's e-mail, typed in because the form "
         "metadata column is \"anonymous\"."),
        ("Job title", "role", ""),
        ("Discipline", "department", "The engineering discipline / team the graduate "
         "works in."),
        ("Office", "location", ""),
        ("How many years have you been working since graduating?", "years_experience",
         "Free-text years (\"less than 1\", \"18 months\")."),
        ("Tell us about your background and current projects", "profile", ""),
        ("What do you most want to get from a mentor?", "wants", ""),
        ("Which areas would you like support with?", "wants",
         "Multiple choice of areas the mentee wants support on."),
        ("Is there anything you could help your mentor with in return?", "offers",
         "On a mentee form: what the mentee can give back is an offer."),
        ("Line manager's email", "manager_id", ""),
        ("Would you prefer a mentor from a different discipline?", "ignored",
         "A preference about the partner."),
        ("I consent to my details being shared with my mentor", "ignored", "Consent."),
    ]
    rows = [
        ["Ellie Fairbanks", hp("ellie.fairbanks"), "Graduate Structural Engineer",
         "Structures", "Bristol", "1",
         "MEng from Bath, working on a timber school extension and a car park assessment.",
         "Guidance through chartership and someone to sanity-check my calcs approach",
         support(A_CHARTER, A_TECH), "Happy to show Revit/Dynamo scripting tricks",
         hp("martin.osullivan"), "No", "Yes"],
        ["Kwame Asante", hp("kwame.asante"), "Graduate Geotechnical Engineer",
         "Geotechnics", "London", "2",
         "MSc Soil Mechanics. Site investigations for a rail project, lots of borehole "
         "logging.", "Career planning — should I specialise early?",
         support(A_CLIENT, A_CAREER), None, hp("deborah.kaye"), "No preference", "Yes"],
        ["Rosie Llewellyn", hp("rosie.llewellyn"), "Transport Planner",
         "Transport Planning", "Birmingham", "less than 1",
         "Geography grad, now doing traffic modelling (VISSIM) for a junction upgrade.",
         "Confidence in client meetings", support(A_CLIENT, A_BALANCE),
         "I can help with GIS and data visualisation", hp("sanjay.bhatt"), "Yes", "Yes"],
        ["Haris Qureshi", hp("haris.qureshi"), "Graduate Building Services Engineer", "MEP",
         "Leeds", "18 months",
         "Mechanical engineering degree, working on heat pump retrofit designs for "
         "hospitals.",
         "Technical depth in HVAC and someone to talk through my development objectives",
         support(A_TECH, A_CHARTER, A_CAREER), None, hp("gillian.roberts"), "No", "Yes"],
        ["Freya Dunbar", hp("freya.dunbar"), "Graduate Civil Engineer", "Water", "Glasgow",
         "1", "Drainage design and flood risk assessments.",
         "Help getting to IEng/CEng, and advice on moving to the water team in London",
         support(A_CHARTER, A_CAREER), "Python for automating flood calcs",
         hp("alasdair.munro"), "No preference", "Yes"],
        ["Ollie Brennan", hp("ollie.brennan"), "Engineer", "Structures", "London", "3",
         "Steel design for a mixed-use tower; I run the model and the connection checks.",
         "Leadership - I'm starting to supervise a grad", support(A_CLIENT, A_LEAD), None,
         hp("martin.osullivan"), "Yes", "Yes"],
        ["Priyanka Shah", hp("priyanka.shah"), "Graduate Engineer", "Bridges", "Birmingham",
         "2", "Bridge inspections and assessments on the motorway network.",
         "Technical mentoring on bridge assessment codes, and how to say no to extra work",
         support(A_TECH, A_BALANCE),
         "I'm fluent in Gujarati and Hindi if that ever helps on projects lol",
         hp("sanjay.bhatt"), "No", "Yes"],
        ["Tom Ashcroft", hp("tom.ashcroft"), "Graduate Geotechnical Engineer", "Geotechnics",
         "Leeds", "0", "Just joined from university. Dissertation on slope stability.",
         "Everything really! Mostly how the business works",
         support(A_TECH, A_CLIENT, A_CAREER), None, None, "No preference", "Yes"],
        ["Zainab Adeyemi", hp("zainab.adeyemi"), "Sustainability Consultant",
         "Sustainability", "London", "2", "Whole-life carbon assessments, BREEAM.",
         "How to influence engineers who see sustainability as an add-on",
         support(A_CLIENT, A_LEAD), "Carbon assessment tools — I can run a lunch & learn",
         hp("deborah.kaye"), "Yes", "Yes"],
        ["Callum Reid", hp("callum.reid"), "Graduate Structural Engineer", "Structures",
         "Glasgow", "1", None, "Chartership", support(A_CHARTER), None,
         hp("alasdair.munro"), "No", "Yes"],
        ["Megan Price", hp("megan.price"), "Graduate Transport Planner",
         "Transport Planning", "Bristol", "1",
         "Active travel schemes and cycle infrastructure design.",
         "Project management skills, running my own small jobs",
         support(A_CAREER, A_BALANCE, A_LEAD),
         "Social media / comms for project engagement", hp("sanjay.bhatt"),
         "No preference", "Yes"],
        ["Daniel Kowalski", hp("daniel.kowalski"), "Graduate Electrical Engineer", "MEP",
         "Birmingham", "2", "Lighting and power design, some data centre work.",
         "Technical skills and understanding fees and commercial side",
         support(A_TECH, A_CLIENT), None, hp("gillian.roberts"), "Yes", "Yes"],
        ["Aoife Byrne", hp("aoife.byrne"), "Engineer", "Water", "Leeds", "4",
         "Wastewater treatment works upgrades; I lead small design packages.",
         "Someone senior outside my team to talk about progression to senior engineer",
         support(A_CAREER, A_LEAD),
         "Mentoring the grads myself, happy to share what works", hp("gillian.roberts"),
         "No", "Yes"],
    ]
    return Case(
        name="en_graduate_mentees_ms_anonymous", tool="microsoft", language="en",
        direction="classic", role="mentee", split="dev",
        world="Harrow & Pike, a UK engineering consultancy, runs a graduate mentoring scheme; "
              "graduates sign up on a Microsoft Form open to anyone with the link, so it "
              "records them as anonymous.",
        columns=columns,
        rows=ms_rows(rows, list(range(1, len(rows) + 1)), dt.datetime(2026, 2, 23, 8, 45),
                     seed=1111, modified={5: 20}, anonymous=True),
    )


# --------------------------------------------------------------------------- 12
def es_ong_mentoras_spreadsheet() -> Case:
    columns = [
        ("Nombre", "name", "First name; the name is split over two columns."),
        ("Apellidos", "name", "Surnames; the name is split over two columns."),
        ("Correo", "email", ""),
        ("Empresa", "department", "The mentor's employer, the only organisation column."),
        ("Cargo", "role", ""),
        ("Años en tech", "years_experience", ""),
        ("Ciudad", "location", ""),
        ("Puede mentorizar en", "offers", ""),
        ("Sobre ella", "profile", "The coordinator's note on the mentor's background."),
        ("Nº mentorías a la vez", "capacity", "How many mentees at the same time."),
        ("Idiomas", "languages", ""),
        ("¿Edición anterior?", "ignored", "Yes/no: took part in a previous edition."),
        ("LinkedIn", "ignored", "Profile URL."),
        ("Estado", "ignored", "The coordinator's status (Confirmada / Pendiente / Baja)."),
        ("Emparejada con", "ignored", "The coordinator's record of past pairings: names of "
         "other people, not about this mentor."),
        ("Notas coordinación", "ignored", "The coordinator's own notes."),
    ]
    rows = [
        ["Lucía", "Montalbán Ríos", "lucia.montalban@gmail.example", "Fintrix",
         "Backend Engineer", "7", "Barcelona",
         "Backend (Java, Kotlin), entrevistas técnicas, primer empleo en tech",
         "Ingeniera informática, llegó a tech tras 2 años en banca.", "2",
         "Español, Catalán, Inglés", "Sí", "https://linkedin.example/in/luciamontalban",
         "Confirmada", "Noelia G. (ed. 2025)", "Prefiere videollamada"],
        ["Marta", "Egea", "marta.egea@nubelia.example", "Nubelia", "Data Scientist", "4",
         "Madrid", "Python, ML, portfolio para perfiles junior",
         "Física reconvertida a datos", "1", "Español, Inglés", "No",
         "https://linkedin.example/in/martaegea", "Confirmada", "", ""],
        ["Carmen", "Ortuño Vidal", "carmen.ortuno@outlook.example", "Freelance",
         "UX/UI Designer", "10+", "Valencia",
         "Diseño UX, accesibilidad, cómo trabajar como freelance", "", "2",
         "Español, Valenciano, Inglés, Francés", "Sí",
         "https://linkedin.example/in/carmenortuno", "Confirmada", "Sara P.", ""],
        ["Itziar", "Goikoetxea", "itziar.g@zentek.example", "Zentek Systems",
         "Engineering Manager", "15", "Bilbao",
         "Liderazgo de equipos, paso de IC a management, negociación salarial",
         "Lleva 15 años en software industrial, madre de dos.", "3",
         "Español, Euskera, Inglés", "Sí", "https://linkedin.example/in/itziargoiko",
         "Confirmada", "", "Puede coger 3 si son juniors"],
        ["Rocío", "Campillo", "rocio.campillo@nimbocloud.example", "Nimbo Cloud",
         "DevOps Engineer", "5", "Sevilla", "Cloud (AWS), CI/CD, certificaciones",
         "Empezó como administradora de sistemas", "1", "Español, Inglés", "No",
         "https://linkedin.example/in/rociocampillo", "Pendiente", "",
         "No responde al correo desde el 3/3"],
        ["Ana Belén", "Sáez", "anabelen.saez@bancolevante.example", "Banco del Levante",
         "QA Lead", "12", "Valencia",
         "Testing, automatización, volver al sector tras una pausa",
         "Volvió a trabajar tras 3 años de excedencia", "2", "Español", "Sí",
         "https://linkedin.example/in/anabelensaez", "Confirmada", "Irene M.", ""],
        ["Yolanda", "Pérez Cifuentes", "yperez@upcentro.example",
         "Universidad Politécnica del Centro", "Investigadora en ciberseguridad", "8",
         "Madrid", "Ciberseguridad, doctorado en informática, divulgación",
         "Doctora en informática", "1", "Español, Inglés, Portugués", "No",
         "https://linkedin.example/in/yolandaperezc", "Confirmada", "", ""],
        ["Nerea", "Lasa", "nerea@kubogames.example", "Kubo Games", "Game Developer", "3",
         "Barcelona", "Unity, C#, portfolio de videojuegos",
         "Autodidacta, vino de bellas artes", "1", "Español, Inglés, Catalán", "No",
         "https://linkedin.example/in/nerealasa", "Confirmada", "", ""],
        ["Gabriela", "Quintana", "gabriela.quintana@fintrix.example", "Fintrix",
         "Product Manager", "6", "Barcelona (remoto)",
         "Product management, cómo pasar de dev a PM",
         "Venezolana, lleva 4 años en España", "2", "Español, Inglés", "Sí",
         "https://linkedin.example/in/gquintana", "Baja", "",
         "Se da de baja por cambio de trabajo"],
        ["Sonia", "Manzano", "sonia.manzano@gmail.example", "Autónoma",
         "Consultora Salesforce", "9", "Málaga", "CRM, consultoría, trabajar en remoto", "",
         "1", "Español, Inglés, Alemán", "No", "", "Pendiente", "", ""],
        ["Paula", "Iglesias Roca", "paula.iglesias@nubelia.example", "Nubelia",
         "Frontend Developer", "2", "Madrid", "Frontend (React), bootcamp → primer empleo",
         "Hizo un bootcamp a los 35 tras ser profesora", "1", "Español, Inglés", "No",
         "https://linkedin.example/in/paulaiglesiasr", "Confirmada", "", "Muy motivada"],
        ["Elena", "Varela", "elena.varela@telconorte.example", "Telco Norte",
         "Arquitecta de soluciones", "20", "A Coruña",
         "Arquitectura de software, carrera técnica a largo plazo, hablar en conferencias",
         "Ponente habitual en eventos", "2", "Español, Gallego, Inglés", "Sí",
         "https://linkedin.example/in/elenavarela", "Confirmada", "Lorena T., Cris B.", ""],
        ["Fátima", "El Idrissi", "fatima.elidrissi@datalia.example", "Datalia",
         "Data Engineer", "3", "Zaragoza", "SQL, pipelines de datos", "", "1",
         "Español, Árabe, Francés, Inglés", "No",
         "https://linkedin.example/in/fatimaelidrissi", "Confirmada", "", ""],
        ["Begoña", "Ruiz de Azúa", "bego@zentek.example", "Zentek Systems", "CTO", "22",
         "Vitoria-Gasteiz", "Emprendimiento, dirección técnica, rondas de inversión",
         "Cofundadora de dos startups", "1", "Español, Euskera, Inglés", "Sí",
         "https://linkedin.example/in/begonaruizdeazua", "Confirmada", "",
         "Solo disponible a partir de abril"],
    ]
    return Case(
        name="es_ong_mentoras_spreadsheet", tool="spreadsheet", language="es",
        direction="classic", role="mentor", split="test",
        world="Código Violeta, a Spanish non-profit for women in tech, keeps its volunteer "
              "mentors in a Google Sheet its coordinator fills by hand, downloaded as CSV.",
        columns=columns, rows=rows,
    )


CASES = [
    fr_reverse_juniors_ms, fr_reverse_leaders_ms, en_academic_mentors_google,
    en_academic_mentees_google, es_academic_mentees_google, pt_academic_mentors_typeform,
    de_peer_spreadsheet, en_corporate_peer_typeform, en_reverse_corporate_google,
    fr_academic_doctorants_google, en_graduate_mentees_ms_anonymous,
    es_ong_mentoras_spreadsheet,
]


# =========================================================================== writing

def keyed(headers: list[str]) -> list[str]:
    """Headers as ``expected.json`` keys: a header's second copy becomes "<header> (2)"."""
    seen: dict[str, int] = {}
    keys = []
    for header in headers:
        seen[header] = seen.get(header, 0) + 1
        keys.append(header if seen[header] == 1 else f"{header} ({seen[header]})")
    return keys


FIXED_TIME = (2026, 3, 20, 0, 0, 0)


def write_xlsx(case: Case, path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append([h for h, _, _ in case.columns])
    for row in case.rows:
        sheet.append(row)
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, dt.datetime):
                cell.number_format = "dd/mm/yyyy hh:mm:ss"
    book.properties.creator = "Microsoft Forms"
    book.properties.created = dt.datetime(*FIXED_TIME)
    raw = io.BytesIO()
    book.save(raw)
    # openpyxl stamps the save time and zip entry dates: fix them so the bytes repeat.
    stamp = "2026-03-20T00:00:00Z"
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp.encode(),
                              data)
            dst.writestr(zipfile.ZipInfo(info.filename, FIXED_TIME), data,
                         compress_type=zipfile.ZIP_DEFLATED)
    path.write_bytes(out.getvalue())


def write_csv(case: Case, path: Path) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=case.delimiter, lineterminator=case.newline,
                        quoting=csv.QUOTE_ALL if case.quote_all else csv.QUOTE_MINIMAL)
    writer.writerow([h for h, _, _ in case.columns])
    for row in case.rows:
        writer.writerow(["" if c is None else c for c in row])
    path.write_bytes((("\ufeff" if case.bom else "") + buffer.getvalue()).encode("utf-8"))


def expected(case: Case) -> dict:
    keys = keyed([h for h, _, _ in case.columns])
    return {
        "world": case.world,
        "tool": case.tool,
        "language": case.language,
        "direction": case.direction,
        "role": case.role,
        "split": case.split,
        "rows": len(case.rows),
        "fields": {key: f for key, (_, f, _) in zip(keys, case.columns, strict=True)},
        "needs": {key: why for key, (_, _, why) in zip(keys, case.columns, strict=True) if why},
        **({"needs_person": NEEDS_PERSON[case.name]} if case.name in NEEDS_PERSON else {}),
    }


NEEDS_PERSON = {"pt_academic_mentors_typeform": [9]}
"""File rows (header = 1) that hold no person: a response the form tool marks unfinished."""


def write_case(case: Case) -> Path:
    width = len(case.columns)
    for i, row in enumerate(case.rows):
        assert len(row) == width, (case.name, i, len(row), width)
    folder = HERE / case.name
    folder.mkdir(exist_ok=True)
    if case.tool == "microsoft":
        write_xlsx(case, folder / "form.xlsx")
    else:
        write_csv(case, folder / "form.csv")
    text = json.dumps(expected(case), ensure_ascii=False, indent=2) + "\n"
    (folder / "expected.json").write_text(text, encoding="utf-8")
    return folder


# =========================================================================== checking

def read_export(folder: Path) -> tuple[list[str], list[list[object]]]:
    """The header and data rows of a case's export, read the way an importer would."""
    if (folder / "form.xlsx").exists():
        from openpyxl import load_workbook

        sheet = load_workbook(folder / "form.xlsx", read_only=True).worksheets[0]
        table = [list(r) for r in sheet.iter_rows(values_only=True)]
        return [str(h) for h in table[0]], table[1:]
    text = (folder / "form.csv").read_text(encoding="utf-8-sig")
    first = text.split("\n", 1)[0]
    delimiter = max((";", ","), key=first.count)
    table = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    return table[0], table[1:]


def check() -> list[str]:
    """Problems found in the case folders beside this script (empty when all is well)."""
    problems = []
    folders = sorted(p for p in HERE.iterdir() if p.is_dir() and not p.name.startswith("_"))
    for folder in folders:
        exports = [p for p in ("form.csv", "form.xlsx") if (folder / p).exists()]
        if len(exports) != 1 or not (folder / "expected.json").exists():
            problems.append(f"{folder.name}: needs one export and expected.json")
            continue
        spec = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
        header, rows = read_export(folder)
        keys = keyed(header)
        if keys != list(spec["fields"]):
            problems.append(f"{folder.name}: fields keys differ from the header")
        if len(rows) != spec["rows"] or not 12 <= len(rows) <= 25:
            problems.append(f"{folder.name}: rows {spec['rows']} but file has {len(rows)}")
        if any(len(r) != len(header) for r in rows):
            problems.append(f"{folder.name}: a row has the wrong number of cells")
        bad = {v for v in spec["fields"].values()} - FIELDS
        if bad:
            problems.append(f"{folder.name}: unknown fields {sorted(bad)}")
        if set(spec["needs"]) - set(spec["fields"]):
            problems.append(f"{folder.name}: needs names a column the file lacks")
        if (spec["tool"] not in TOOLS or spec["language"] not in LANGUAGES
                or spec["direction"] not in DIRECTIONS
                or spec["role"] not in ("mentor", "mentee", None)
                or spec["split"] not in ("dev", "test")):
            problems.append(f"{folder.name}: bad metadata")
        expected_export = "form.xlsx" if spec["tool"] == "microsoft" else "form.csv"
        if exports != [expected_export]:
            problems.append(f"{folder.name}: {spec['tool']} export should be {expected_export}")
        emails = re.findall(r"[\w.+-]+@([\w.-]+)", json.dumps(rows, default=str))
        if any(not d.endswith(".example") for d in emails):
            problems.append(f"{folder.name}: an e-mail domain does not end in .example")
    return problems


def main(argv: list[str]) -> int:
    if "--check" not in argv:
        for make in CASES:
            print(write_case(make()).relative_to(HERE.parent))
    problems = check()
    for problem in problems:
        print("PROBLEM:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
