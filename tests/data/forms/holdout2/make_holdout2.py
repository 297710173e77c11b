"""Held-out labelled sign-up form exports (split ``holdout2``): one folder per case, each
with one export (``form.csv`` or ``form.xlsx``) and ``expected.json``.

Run ``.venv/bin/python tests/data/forms/holdout2/make_holdout2.py`` from the project root to
rewrite every case folder beside this script; ``--check`` only checks that the files on disk
are byte for byte what this script writes, and that they are well formed (labels, counts,
allowed values, ``.example`` e-mail domains).

Only the standard library and openpyxl; all data are literals below, every random draw is
seeded, and the xlsx zip is stamped with a fixed time, so two runs give the same bytes.

Every person, organisation, e-mail address, phone number and answer below is invented;
e-mail domains end in ``.example`` and IP addresses come from the documentation ranges.
The exports copy the shapes of real ones:

- Microsoft Forms "Open results in Excel" (XLSX, first sheet): ``ID``, start and completion
  times as date cells, the respondent's e-mail and display name, then the questions;
  multiple choice joined by ``";"`` with a trailing ``";"``.
- SurveyMonkey CSV, flattened to a single header row: ``Respondent ID``, ``Collector ID``,
  ``Start Date``, ``End Date``, ``IP Address``, ``Email Address``, ``First Name``,
  ``Last Name``, ``Custom Data 1``, then the questions; each "Other (please specify)" box
  is its own column, so that header repeats.
- Jotform CSV (UTF-8 with BOM, every field quoted): ``Submission Date`` first, checkbox
  answers one per line inside the cell, ``Submission IP`` and ``Submission ID`` last.
- a hand-kept sheet saved as CSV with ``;`` and comma decimals.
- Google Forms CSV (every field quoted): the timestamp column, then the questions;
  checkbox answers joined by ``", "``.
- Typeform CSV: the ``#`` token, the questions (a multiple-selection question becomes one
  column per choice, holding the choice when ticked), then ``Response Type``,
  ``Start Date (UTC)``, ``Stage Date (UTC)``, ``Submit Date (UTC)``, ``Network ID``, ``Tags``.

``expected.json`` gives every column's people field (or ``ignored``), why for the columns
where that is not obvious, and in ``needs_person`` the file rows (header = row 1) that hold
no person (an unfinished response).
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
SPLIT = "holdout2"

FIELDS = {"id", "name", "email", "years_experience", "department", "role", "location",
          "languages", "profile", "offers", "wants", "role_preference", "capacity",
          "manager_id", "ignored"}
TOOLS = {"google", "microsoft", "typeform", "spreadsheet", "surveymonkey", "jotform",
         "limesurvey"}
LANGUAGES = {"fr", "en", "es", "pt", "de", "it", "multi"}
DIRECTIONS = {"reverse", "classic", "peer"}
MIN_ROWS, MAX_ROWS = 12, 20


@dataclass
class Case:
    name: str
    tool: str
    language: str
    direction: str
    role: str | None
    world: str
    columns: list[tuple[str, str, str]]  # (header as written, field, why; "" if obvious)
    rows: list[list[object]]
    export: str = "csv"  # or "xlsx"
    delimiter: str = ","
    bom: bool = False
    quote_all: bool = False
    newline: str = "\r\n"
    needs_person: list[int] = field(default_factory=list)


# --------------------------------------------------------------------------- helpers

def moments(n: int, start: dt.datetime, seed: int, min_gap: int = 5,
            max_gap: int = 420) -> list[dt.datetime]:
    """``n`` increasing submission times after ``start``, gaps drawn with a fixed seed."""
    rng = random.Random(seed)
    out, now = [], start
    for _ in range(n):
        now += dt.timedelta(minutes=rng.randint(min_gap, max_gap), seconds=rng.randint(0, 59))
        out.append(now)
    return out


def gpick(options: list[str], *chosen: str) -> str:
    """Google checkbox answer: ticked options in form order, then typed "Other" text."""
    return ", ".join([o for o in options if o in chosen] + [c for c in chosen
                                                             if c not in options])


def mpick(options: list[str], *chosen: str) -> str:
    """Microsoft Forms multiple choice: ``a;b;`` in form order, "Other" text last."""
    picked = [o for o in options if o in chosen] + [c for c in chosen if c not in options]
    return "".join(f"{c};" for c in picked)


def jpick(options: list[str], *chosen: str) -> str:
    """Jotform checkbox answer: one ticked option per line, "Other" text last."""
    return "\n".join([o for o in options if o in chosen] + [c for c in chosen
                                                             if c not in options])


def ms_rows(rows: list[list[object]], start: dt.datetime, seed: int) -> list[list[object]]:
    """Prepend ID (response numbers with gaps left by deleted test answers), start and
    completion times; each row starts with the e-mail and display name."""
    rng = random.Random(seed)
    out, number = [], rng.randint(1, 3)
    for row, begun in zip(rows, moments(len(rows), start, seed + 1), strict=True):
        ended = begun + dt.timedelta(minutes=rng.randint(3, 21), seconds=rng.randint(0, 59))
        out.append([number, begun, ended, *row])
        number += 1 if rng.random() < 0.8 else rng.randint(2, 4)
    return out


def google_ts(moment: dt.datetime, tz: str, am: str, pm: str) -> str:
    hour = moment.hour % 12 or 12
    half = am if moment.hour < 12 else pm
    return f"{moment:%Y/%m/%d} {hour}:{moment:%M:%S} {half} {tz}"


def google_rows(rows: list[list[object]], start: dt.datetime, seed: int, tz: str,
                am: str, pm: str) -> list[list[object]]:
    times = moments(len(rows), start, seed)
    return [[google_ts(t, tz, am, pm), *row] for t, row in zip(times, rows, strict=True)]


def surveymonkey_rows(rows: list[list[object]], start: dt.datetime,
                      seed: int) -> list[list[object]]:
    """Prepend Respondent ID, Collector ID, Start/End Date, IP Address; each row starts with
    the e-mail, first and last name the invitation collector knows, and Custom Data 1."""
    rng = random.Random(seed)
    collectors = ["431877520", "431877520", "432016894"]  # invitation, then its reminder
    nets = ["192.0.2.", "198.51.100.", "203.0.113."]
    respondent = 118_402_000_000 + rng.randint(0, 99_999)
    out = []
    for i, (row, begun) in enumerate(zip(rows, moments(len(rows), start, seed + 1),
                                         strict=True)):
        respondent += rng.randint(1_200, 90_000)
        ended = begun + dt.timedelta(minutes=rng.randint(4, 26), seconds=rng.randint(0, 59))
        collector = collectors[0] if i < len(rows) * 2 // 3 else collectors[2]
        ip = rng.choice(nets) + str(rng.randint(2, 254))
        out.append([str(respondent), collector, f"{begun:%m/%d/%Y %I:%M:%S %p}",
                    f"{ended:%m/%d/%Y %I:%M:%S %p}", ip, *row])
    return out


def jotform_rows(rows: list[list[object]], start: dt.datetime,
                 seed: int) -> list[list[object]]:
    """Prepend Submission Date; append Submission IP and Submission ID."""
    rng = random.Random(seed)
    nets = ["192.0.2.", "198.51.100.", "203.0.113."]
    out, sid = [], 6_184_000_000_000_000_000 + rng.randint(0, 10**12)
    for row, moment in zip(rows, moments(len(rows), start, seed + 1, max_gap=900),
                           strict=True):
        sid += rng.randint(10**9, 10**13)
        out.append([f"{moment:%Y-%m-%d %H:%M:%S}", *row,
                    rng.choice(nets) + str(rng.randint(2, 254)), str(sid)])
    return out


def typeform_ts(moment: dt.datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M:%S}"


def typeform_rows(rows: list[list[object]], start: dt.datetime, seed: int,
                  partial: set[int], tags: dict[int, str]) -> list[list[object]]:
    """Prepend the ``#`` token and append the Typeform tail; a row in ``partial`` is an
    unfinished response (``partial``, no submit date)."""
    rng = random.Random(seed)
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
    out = []
    for i, (row, begun) in enumerate(zip(rows, moments(len(rows), start, seed + 3),
                                         strict=True)):
        token = "".join(rng.choice(alphabet) for _ in range(32))
        network = "".join(rng.choice("0123456789abcdef") for _ in range(10))
        spent = dt.timedelta(minutes=rng.randint(2, 15), seconds=rng.randint(0, 59))
        if i in partial:
            tail = ["partial", typeform_ts(begun), typeform_ts(begun + spent), "", network]
        else:
            done = typeform_ts(begun + spent)
            tail = ["completed", typeform_ts(begun), done, done, network]
        out.append([token, *row, *tail, tags.get(i, "")])
    return out


# =========================================================================== 1
# Italian utility, reverse mentoring: the juniors' (mentors') Microsoft Form.
IDX = "idrolux.example"


def ix(local: str) -> str:
    return f"{local}@{IDX}"


IT_LINGUE = ["Italiano", "Inglese", "Francese", "Spagnolo", "Tedesco"]
AI = "Intelligenza artificiale e ChatGPT"
SOC = "Social network e personal branding"
M365 = "Strumenti Microsoft 365 (Teams, Planner...)"
DATI = "Analisi dati ed Excel avanzato"
SOST = "Sostenibilità e transizione energetica"
GENZ = "Linguaggi e abitudini della Gen Z"
APP = "App e servizi digitali per i clienti"
IT_TEMI = [AI, SOC, M365, DATI, SOST, GENZ, APP]
PRIVACY = "Acconsento"


def lingue(*c: str) -> str:
    return mpick(IT_LINGUE, *c)


def temi(*c: str) -> str:
    return mpick(IT_TEMI, *c)


def it_reverse_giovani_ms() -> Case:
    columns = [
        ("ID", "ignored", "Microsoft Forms response number, not a person id."),
        ("Ora di inizio", "ignored", ""),
        ("Ora di completamento", "ignored", ""),
        ("Posta elettronica", "email", ""),
        ("Nome", "name", ""),
        ("Da quanto tempo lavori in Idrolux?", "years_experience",
         "Tenure in ranges, the only seniority the form asks."),
        ("Direzione di appartenenza", "department", ""),
        ("In quale sede lavori?", "location", ""),
        ("Ruolo attuale", "role", ""),
        ("Lingue che parli", "languages", ""),
        ("Su quali temi potresti fare da guida a un/una manager?", "offers",
         "Reverse mentoring: the junior guides the manager, so these are offers."),
        ("C'è qualcos'altro che ti piacerebbe insegnare? (facoltativo)", "offers",
         "What the junior would like to TEACH: an offer although phrased as a wish."),
        ("Parlaci di te: studi, esperienze precedenti, interessi", "profile", ""),
        ("E tu, cosa vorresti portarti a casa da questa esperienza?", "wants",
         "What the junior (the mentor) expects for themselves."),
        ("Temi su cui preferisci non essere coinvolto/a", "ignored", "Topics to avoid."),
        ("Quante ore al mese riesci a dedicare?", "capacity", "Time per month."),
        ("Preferisci essere abbinato/a a un manager di un'altra direzione?", "ignored",
         "Preference about the partner."),
        ("Mail del tuo responsabile", "manager_id", ""),
        ("Hai mai fatto da tutor o formatore?", "ignored", "Yes/no question."),
        ("Ho letto l'informativa privacy e acconsento al trattamento dei dati", "ignored",
         "Consent box, the same answer on every row."),
    ]
    rows = [
        [ix("giulia.ferraresi"), "Giulia Ferraresi", "Da 1 a 2 anni", "IT & Digital",
         "Brescia", "Data analyst", lingue("Italiano", "Inglese"), temi(AI, DATI),
         "Power BI e un po' di Python",
         "Laurea magistrale in statistica a Padova, prima esperienza in una startup. "
         "Corro mezze maratone.",
         "Capire come si prendono le decisioni ai piani alti e migliorare nel parlare in "
         "pubblico", "", "3-4 ore", "Sì", ix("marco.zanetti"), "No", PRIVACY],
        [ix("luca.bertoldi"), "Luca Bertoldi", "Meno di un anno", "Rete elettrica",
         "Bergamo", "Junior engineer - cabine primarie",
         lingue("Italiano", "Inglese", "Tedesco"), temi(SOST, APP), "",
         "Ing. elettrico (Politecnico di Milano), tesi su smart grid",
         "networking e visibilità interna", "politica aziendale", "1-2 ore", "Indifferente",
         ix("s.moretti"), "Sì", PRIVACY],
        [ix("amira.benali"), "Amira Ben Ali", "Da 1 a 2 anni", "Customer Operations",
         "Milano - Porta Nuova", "Addetta customer care digitale",
         lingue("Italiano", "Francese", "Inglese", "Arabo"), temi(SOC, GENZ, APP),
         "TikTok e reel su Instagram",
         "Cresciuta tra Tunisi e Milano, laurea in mediazione linguistica",
         "Vorrei capire se c'è spazio per crescere verso il marketing", "N/A", "3-4 ore",
         "Sì", ix("paola.greco"), "No", PRIVACY],
        [ix("matteo.rinaldi"), "Matteo Rinaldi", "Da 3 a 5 anni", "IT & Digital", "Brescia",
         "Cloud engineer", lingue("Italiano", "Inglese"), temi(AI, M365),
         "automazioni con Power Automate",
         "Diploma ITIS, poi triennale in informatica lavorando. Smanettone da sempre.",
         "feedback sul mio modo di comunicare con i non tecnici", "", "più di 4 ore", "No",
         ix("marco.zanetti"), "Sì", PRIVACY],
        [ix("sofia.colombo"), "Sofia Colombo", "Meno di un anno", "Risorse Umane",
         "Milano - Porta Nuova", "Stagista HR", lingue("Italiano", "Inglese", "Spagnolo"),
         temi(SOC, GENZ), "employer branding su Linkedin",
         "Laurea in psicologia del lavoro, Erasmus a Valencia",
         "Imparare come si gestisce un team", "Nessuno", "1-2 ore", "Indifferente",
         ix("chiara.villa"), "No", PRIVACY],
        [ix("davide.esposito"), "Davide Esposito", "Da 1 a 2 anni", "Trading energia",
         "Milano - Porta Nuova", "Analista mercati energetici jr",
         lingue("Italiano", "Inglese"), temi(DATI, SOST), "",
         "Economia in Bocconi. Appassionato di scacchi.",
         "Un punto di vista su come si costruisce una carriera qui dentro", "", "1-2 ore",
         "Sì", ix("f.gatti"), "No", PRIVACY],
        [ix("elena.marchetti"), "Elena Marchetti", "Da 3 a 5 anni", "Acqua e ambiente",
         "Cremona", "Tecnica di laboratorio", lingue("Italiano"), temi(APP, M365),
         "usare bene lo smartphone per i sopralluoghi",
         "Perito chimico, in azienda dal 2021. Faccio volontariato in Croce Rossa", "-",
         "Non voglio parlare di questioni sindacali", "1-2 ore", "No",
         ix("roberto.fontana"), "No", PRIVACY],
        [ix("andrea.lombardi"), "Andrea Lombardi", "Da 1 a 2 anni",
         "Comunicazione e Relazioni esterne", "Milano - Porta Nuova",
         "Social media specialist", lingue("Italiano", "Inglese", "Francese"),
         temi(AI, SOC, GENZ), "podcast, video brevi, Canva",
         "Prima di Idrolux lavoravo in agenzia. Scrivo una newsletter sulla musica indie.",
         "Mi piacerebbe capire la strategia dell'azienda sulla transizione energetica", "",
         "più di 4 ore", "Indifferente", ix("giorgia.ricci"), "Sì", PRIVACY],
        [ix("francesca.deluca"), "Francesca De Luca", "Meno di un anno",
         "Finanza e Controllo", "Brescia", "Graduate program - controllo di gestione",
         lingue("Italiano", "Inglese", "Tedesco"), temi(M365, DATI), "Excel (macro VBA)",
         "Laurea in economia a Brescia, 6 mesi di stage in Germania",
         "crescita professionale, consigli su come muovermi tra direzioni",
         "argomenti personali", "3-4 ore", "Sì", ix("l.barbieri"), "No", PRIVACY],
        [ix("simone.gallo"), "Simone Gallo", "Da 1 a 2 anni", "Rete elettrica", "Bergamo",
         "Tecnico di rete", lingue("Italiano"), temi(APP),
         "droni per le ispezioni delle linee",
         "Istituto tecnico e corso da elettricista. Pilota di droni con patentino",
         "capire come funziona l'azienda oltre il mio reparto", "", "1-2 ore",
         "Indifferente", ix("s.moretti"), "No", PRIVACY],
        [ix("ioana.popescu"), "Ioana Popescu", "Da 3 a 5 anni", "IT & Digital", "Brescia",
         "UX designer", lingue("Italiano", "Inglese", "Rumeno"), temi(AI, APP),
         "Figma, design thinking, accessibilità",
         "Nata a Cluj, in Italia dal 2012. Design della comunicazione al Politecnico",
         "Leadership e come si presenta un'idea al board", "N/A", "3-4 ore", "Sì",
         ix("marco.zanetti"), "Sì", PRIVACY],
        [ix("nicolo.ferri"), "Nicolò Ferri", "Meno di un anno", "Customer Operations",
         "full remote (Bari)", "Back office fatturazione", lingue("Italiano", "Inglese"),
         temi(SOC, GENZ), "gaming e Twitch, se può servire :)", "",
         "boh, vediamo! conoscere persone nuove", "", "1-2 ore", "Indifferente",
         ix("paola.greco"), "No", PRIVACY],
        [ix("martina.costa"), "Martina Costa", "Da 1 a 2 anni", "Sostenibilità",
         "Milano - Porta Nuova", "ESG analyst", lingue("Italiano", "Inglese", "Spagnolo"),
         temi(AI, DATI, SOST), "reporting CSRD",
         "Laurea in scienze ambientali, master in sustainability management",
         "Imparare a negoziare e a gestire gli stakeholder", "", "più di 4 ore", "No",
         ix("alessandro.conti"), "No", PRIVACY],
        [ix("omar.elsayed"), "Omar El Sayed", "Da 3 a 5 anni", "Rete gas", "Cremona",
         "Tecnico programmazione interventi", lingue("Italiano", "Inglese", "Arabo"),
         temi(M365, APP), "", "Diploma da geometra, lavoro su turni",
         "Vorrei crescere come coordinatore", "turni e straordinari", "1-2 ore", "Sì",
         ix("roberto.fontana"), "No", PRIVACY],
        [ix("beatrice.moro"), "Beatrice Moro", "Meno di un anno", "Legale e Compliance",
         "Milano - Porta Nuova", "Junior legal counsel",
         lingue("Italiano", "Inglese", "Francese"), temi(AI),
         "IA e privacy: cosa si può fare e cosa no", "Giurisprudenza a Pavia, LLM a Londra",
         "confrontarmi su come si bilancia lavoro e vita privata nei ruoli di "
         "responsabilità", "", "1-2 ore", "Indifferente", ix("v.santoro"), "No", PRIVACY],
        [ix("kevin.brambilla"), "Kevin Brambilla", "Da 1 a 2 anni", "IT & Digital",
         "Milano - Porta Nuova", "Cybersecurity analyst", lingue("Italiano", "Inglese"),
         temi(AI, M365), "phishing e sicurezza degli account personali",
         "Appassionato di CTF, triennale in sicurezza informatica", "", "", "3-4 ore", "No",
         ix("marco.zanetti"), "Sì", PRIVACY],
    ]
    return Case(
        name="it_reverse_giovani_ms", tool="microsoft", language="it", direction="reverse",
        role="mentor",
        world="Idrolux Energia, an invented Italian multi-utility (electricity, gas, water), "
              "runs reverse mentoring in which young employees coach its managers; the "
              "juniors (mentors) sign up on an internal Microsoft Form.",
        columns=columns,
        rows=ms_rows(rows, dt.datetime(2026, 2, 9, 8, 30), seed=7101),
        export="xlsx",
    )


# =========================================================================== 2
# English university alumni mentoring: the alumni (mentors') SurveyMonkey survey.
SECTOR_OTHER = "Other (please specify)"
CV = "CV and cover letters"
INTERVIEW = "Interview practice"
PATH = "Choosing a career path"
INDUSTRY = "Getting into my industry"
POSTGRAD = "Postgraduate study"
BUSINESS = "Starting a business"
BALANCE = "Work-life balance"
HELP = [CV, INTERVIEW, PATH, INDUSTRY, POSTGRAD, BUSINESS, BALANCE]


def helps(*c: str) -> str:
    return gpick(HELP, *c)


def en_alumni_mentors_surveymonkey() -> Case:
    columns = [
        ("Respondent ID", "ignored", "SurveyMonkey response number, not a person id."),
        ("Collector ID", "ignored", "Which SurveyMonkey collector (invitation) was used."),
        ("Start Date", "ignored", ""),
        ("End Date", "ignored", ""),
        ("IP Address", "ignored", ""),
        ("Email Address", "email", "Filled by the e-mail invitation collector."),
        ("First Name", "name", "Name split over two columns."),
        ("Last Name", "name", "Name split over two columns."),
        ("Custom Data 1", "ignored", "SurveyMonkey custom variable, empty here."),
        ("Degree(s) you completed at Thornbury", "profile", "The alumnus's background."),
        ("Who do you work for at the moment?", "department", "Employer."),
        ("Job title", "role", ""),
        ("Which sector best describes your work?", "profile",
         "Own field of work, not an organisation unit."),
        ("Other (please specify)", "profile",
         "Typed answer to the sector question (its 'Other' box)."),
        ("Roughly how many years have you been working since you graduated?",
         "years_experience", ""),
        ("Where are you based? (city, country)", "location", ""),
        ("Which of these could you help a current student or recent graduate with? "
         "(tick all that apply)", "offers", ""),
        ("Other (please specify)", "offers",
         "Second 'Other' box, belonging to the help question: typed offers."),
        ("In a few sentences, how has your career unfolded since university?", "profile", ""),
        ("What are you hoping to gain from volunteering as a mentor?", "wants",
         "What the mentor expects for themselves."),
        ("How many mentees would you be willing to take on this year?", "capacity", ""),
        ("Do you have any preferences about the mentee you are paired with (course, year, "
         "background)?", "ignored", "Preference about the partner."),
        ("Can you mentor in a language other than English? If so, which?", "languages",
         "Languages besides English, with 'No' / 'N/A' answers."),
        ("LinkedIn URL (optional)", "ignored", "Profile link."),
        ("Are you happy for us to feature you on the alumni website?", "ignored",
         "Yes/no publicity consent."),
    ]
    rows = [
        ["sarah.okafor@mailbox.example", "Sarah", "Okafor", "", "BSc Economics (2008)",
         "Halden Capital", "Portfolio Manager", "Finance & banking", "", "10-19",
         "London, UK", helps(CV, INTERVIEW, INDUSTRY), "",
         "Grad scheme at a bank, then moved to asset management in 2013. Now run a small "
         "fixed-income team.",
         "Giving something back, and honestly keeping in touch with what students worry "
         "about now", "2", "Prefer someone interested in finance", "No",
         "https://www.linkedin.example/in/sarahokafor", "Yes"],
        ["t.whitfield@ardencole.example", "Tom", "Whitfield", "", "MEng Civil Engineering",
         "Arden & Cole Consulting Engineers", "Associate Director", SECTOR_OTHER,
         "Engineering / construction", "20+", "Manchester",
         helps(PATH, INDUSTRY, BALANCE), "Chartership (ICE) applications",
         "Site engineer -> design -> now run bridge projects. Chartered 2007.",
         "New perspectives; I manage grads at work so it'll help me there too", "1", "",
         "", "", "Yes"],
        ["priya.raman@inbox.example", "Priya", "Raman", "", "BSc Computer Science, MSc Data "
         "Science", "Self-employed", "Founder, data consultancy", "Technology", "", "5-9",
         "Bangalore, India / London", helps(INDUSTRY, POSTGRAD, BUSINESS), "Freelancing",
         "Worked at two startups then set up my own consultancy in 2021",
         "To improve my coaching skills", "3", "No preference", "Tamil, Hindi",
         "linkedin.example/in/praman", "Yes"],
        ["jmcallister@kerrdoyle.example", "James", "McAllister", "", "LLB Law 1996",
         "Kerr Doyle LLP", "Partner", "Law", "", "20+", "Edinburgh",
         helps(CV, INTERVIEW, PATH), "",
         "Trained in Glasgow, partner since 2011, specialising in employment law.", "N/A",
         "2", "Would prefer a law student if possible", "N/A", "", "No"],
        ["chloe.baptiste@courriel.example", "Chloé", "Baptiste", "", "BA French & Spanish",
         "Lumen Translations", "Localisation project manager", SECTOR_OTHER,
         "Translation & localisation", "5-9", "Lyon, France",
         helps(PATH, POSTGRAD, BALANCE), "Working abroad / moving countries",
         "Moved to France after my year abroad and never left!",
         "Meet students, practise mentoring, maybe find interns", "1", "",
         "French, Spanish (fluent), some Italian", "", "Yes"],
        ["d.osei@mailbox.example", "Daniel", "Osei", "", "MBChB Medicine",
         "Wexley General Hospital", "Consultant anaesthetist", "Healthcare", "", "10-19",
         "Leeds", helps(INTERVIEW, PATH, BALANCE),
         "Applying for specialty training", "",
         "I had no mentor at uni and wish I had. Want to be that for someone.", "2",
         "Ideally first-generation students", "Twi (basic)", "", "Yes"],
        ["hannah.lloyd@brynderw.example", "Hannah", "Lloyd", "", "BA History, PGCE",
         "Bryn Derw High School", "Head of Humanities", "Education", "", "10-19",
         "Cardiff, Wales", helps(CV, PATH, POSTGRAD), "Teacher training applications",
         "Taught in London for 5 yrs then came home to Wales",
         "Refresh my own sense of purpose tbh", "2", "", "Welsh", "", "Yes"],
        ["marcus.feld@orbitra.example", "Marcus", "Feld", "", "BSc Physics",
         "Orbitra Space Systems", "Senior Systems Engineer", "Technology", "", "5-9",
         "Bremen, Germany", helps(INTERVIEW, INDUSTRY, POSTGRAD), "PhD applications",
         "PhD in astrophysics then moved into industry (satellites)",
         "learn how students see the job market now", "1", "physics or engineering pls",
         "German", "https://linkedin.example/in/marcusfeld", "Yes"],
        ["aisha.karimi@novalis.example", "Aisha", "Karimi", "", "BSc Pharmacology",
         "Novalis Pharma", "Regulatory Affairs Manager", "Healthcare", "", "10-19",
         "Cambridge, UK", helps(CV, INTERVIEW, INDUSTRY, BALANCE),
         "Returning to work after a career break",
         "Lab -> regulatory. Took 3 years out with my kids and came back.",
         "Build my confidence as a leader", "1-2", "", "Farsi, Dari", "", "No"],
        ["ben.thornton@sproutly.example", "Ben", "Thornton", "",
         "BA Business Management (2019)", "Sproutly", "Growth Marketing Lead", "Technology",
         "", "5-9", "Remote - Bristol", helps(CV, INDUSTRY, BUSINESS),
         "LinkedIn & personal brand",
         "Joined a startup straight out of uni, now lead a team of 4",
         "Get better at giving feedback", "3", "", "no",
         "linkedin.example/in/benthornton", "Yes"],
        ["grace.nwosu@inbox.example", "Grace", "Nwosu", "", "MSc Public Policy",
         "Department for Regional Growth", "Senior Policy Adviser", "Public sector", "",
         "5-9", "London", helps(INTERVIEW, PATH, POSTGRAD), "Civil Service Fast Stream",
         "Policy roles in 3 departments, currently on housing", "Exposure to new ideas",
         "2", "Happy with anyone", "Igbo, some French", "", "Yes"],
        ["liam.oconnor@vantor.example", "Liam", "O'Connor", "", "BEng Mechanical",
         "Vantor Automotive", "Powertrain engineer", SECTOR_OTHER, "Automotive", "0-4",
         "Coventry", helps(INTERVIEW, INDUSTRY), "", "Grad scheme, 2 yrs in",
         "Im only a couple of years out so thought I could help final years with the "
         "grad scheme stuff", "1", "", "", "", "Yes"],
        ["meilin.chen@kellerbrandt.example", "Mei-Lin", "Chen", "",
         "BSc Accounting & Finance", "Keller Brandt (Audit)", "Audit Senior Manager",
         "Finance & banking", "", "10-19", "Hong Kong",
         helps(CV, INTERVIEW, PATH, BALANCE), "Professional qualifications (ACA/ACCA)",
         "Trained in London, transferred to the HK office 2016",
         "To stay connected with Thornbury", "2",
         "students interested in working in Asia", "Mandarin, Cantonese", "", "Yes"],
        ["rob@robhughes-illustration.example", "Rob", "Hughes", "", "BA Fine Art 1991",
         "Freelance", "Illustrator / art director", SECTOR_OTHER, "Creative industries",
         "20+", "Brighton", helps(PATH, BUSINESS, BALANCE), "portfolio reviews",
         "Worked in advertising agencies for 15 years before going freelance",
         "No idea yet! Curious", "1", "", "N/A",
         "www.robhughes-illustration.example", "Yes"],
        ["fz.bennani@courriel.example", "Fatima Zahra", "Bennani", "",
         "MSc Environmental Science", "GreenLoop", "Sustainability consultant",
         SECTOR_OTHER, "Environmental consulting", "0-4", "Casablanca, Morocco",
         helps(INDUSTRY, POSTGRAD), "Climate jobs",
         "MSc 2022, joined a consultancy working on corporate carbon footprints",
         "Develop my mentoring and listening skills", "2", "", "Arabic, French", "",
         "Yes"],
    ]
    return Case(
        name="en_alumni_mentors_surveymonkey", tool="surveymonkey", language="en",
        direction="classic", role="mentor",
        world="Thornbury University, an invented UK university, asks its alumni to mentor "
              "students and recent graduates; alumni answer a SurveyMonkey survey sent by "
              "e-mail invitation, exported as CSV with a single header row.",
        columns=columns,
        rows=surveymonkey_rows(rows, dt.datetime(2026, 1, 19, 10, 0), seed=7202),
    )


# =========================================================================== 3
# French network of women entrepreneurs, peer mentoring: one Jotform for everyone.
FIN = "Finance et gestion"
MKT = "Marketing et réseaux sociaux"
JUR = "Juridique et statuts"
FONDS = "Recherche de financements"
COM = "Commercial et négociation"
POSTURE = "Confiance en soi et posture"
NUM = "Outils numériques"
COMPETENCES = [FIN, MKT, JUR, FONDS, COM, POSTURE, NUM]
CHARTE = "J'ai lu et j'accepte la charte"


def comp(*c: str) -> str:
    return jpick(COMPETENCES, *c)


def fr_entrepreneures_pairs_jotform() -> Case:
    columns = [
        ("Submission Date", "ignored", ""),
        ("Prénom", "name", "First name; the name is split over two columns."),
        ("Nom", "name", "Surname; the name is split over two columns."),
        ("E-mail", "email", ""),
        ("Numéro de téléphone", "ignored", "Phone number: contact detail, no people field."),
        ("Nom de votre entreprise ou projet", "department",
         "The respondent's own business: the only organisation column."),
        ("Secteur d'activité", "profile", "Own field of work."),
        ("Stade de votre activité", "years_experience",
         "How far along the business is (idea, under a year, 1-3 years...): the "
         "entrepreneur's career stage."),
        ("Ville ou département", "location",
         "A French 'département' is an administrative area (e.g. 34), not a team."),
        ("Vous souhaitez rejoindre le réseau en tant que :", "role_preference",
         "Marraine / Filleule / Les deux."),
        ("Ce que vous pouvez apporter aux autres entrepreneures", "offers", ""),
        ("Sur quoi aimeriez-vous être épaulée ?", "wants", ""),
        ("Présentez-vous en quelques lignes (parcours, ce que vous faites)", "profile", ""),
        ("Temps disponible par mois", "capacity", ""),
        ("Langues parlées", "languages", ""),
        ("Des sujets à éviter ?", "ignored", "Topics to avoid."),
        ("Vous préférez être mise en relation avec quelqu'un :", "ignored",
         "Preference about the partner (same sector or not)."),
        ("Nombre de salarié·es dans votre structure", "ignored",
         "Headcount of her business, not how many people she can take on."),
        ("Comment avez-vous connu Audacieuses ?", "ignored", "Acquisition channel."),
        ("Charte du réseau", "ignored", "Consent box, the same answer on every row."),
        ("Submission IP", "ignored", ""),
        ("Submission ID", "ignored", "Jotform submission number, not a person id."),
    ]
    rows = [
        ["Nadia", "Belkacem", "nadia.belkacem@gmail.example", "06 12 45 78 90",
         "Les Délices de Nadia", "Restauration / traiteur", "1 à 3 ans", "Montpellier (34)",
         "Les deux", comp(COM, POSTURE), comp(FIN, FONDS),
         "Ancienne assistante comptable, j'ai lancé mon activité de traiteur oriental en "
         "2023.", "2h", "Français, Arabe", "", "Peu importe", "1", "Instagram", CHARTE],
        ["Claire", "Dumontet", "claire@atelier-dumontet.example", "04 67 22 11 09",
         "Atelier Dumontet", "Artisanat (céramique)", "Plus de 3 ans", "Sète", "Marraine",
         comp(MKT, COM, NUM), "",
         "Céramiste depuis 12 ans, boutique-atelier à Sète, je forme aussi des apprenties.",
         "une demi-journée par mois", "Français, Anglais", "Pas de sujets perso svp",
         "D'un autre secteur", "3", "Bouche-à-oreille", CHARTE],
        ["Inès", "Carvalho", "ines.carvalho@orange.example", "+33 6 98 10 44 21",
         "Projet : épicerie vrac itinérante", "Commerce", "Idée / projet", "Nîmes - 30",
         "Filleule", "", comp(FIN, JUR, FONDS),
         "Aide-soignante en reconversion, je veux lancer un camion épicerie vrac dans les "
         "villages du Gard.", "4h", "Français, Portugais", "", "Peu importe", "0",
         "France Travail", CHARTE],
        ["Sophie", "Marchal", "sophie.marchal@kalypto.example", "06 71 30 52 18", "Kalypto",
         "Conseil / numérique", "Plus de 3 ans", "Toulouse", "Marraine",
         comp(FIN, FONDS, NUM), comp(POSTURE),
         "Ingénieure, j'ai cofondé une ESN de 15 personnes en 2016. Levée de fonds en 2022.",
         "2 à 3 h", "Français, Anglais, Allemand", "", "D'un autre secteur", "15",
         "LinkedIn", CHARTE],
        ["Aminata", "Diallo", "aminata.d@free.example", "07 55 21 36 80",
         "Aminata Coiffure Afro", "Beauté / coiffure", "1 à 3 ans", "Montpellier",
         "Les deux", comp(MKT), comp(FIN, JUR),
         "Coiffeuse spécialisée cheveux afro, salon ouvert en 2024 à Figuerolles",
         "1h ou 2h", "Français, Wolof, Anglais (un peu)", "", "Du même secteur", "2",
         "Instagram", CHARTE],
        ["Julie", "Ferrand", "julie.ferrand@gmail.example", "06 40 87 12 33",
         "Julie Ferrand Photographie", "Photo / vidéo", "Moins d'un an", "Perpignan (66)",
         "Filleule", "", comp(MKT, COM, POSTURE),
         "Photographe de mariage, je me suis lancée après un licenciement économique",
         "2h", "Français, Catalan", "la compta (j'ai déjà une expert-comptable)",
         "Peu importe", "0", "Une amie", CHARTE],
        ["Hélène", "Roussel-Vidal", "h.rousselvidal@cabinet-rv.example", "04 67 58 90 12",
         "Cabinet Roussel-Vidal Avocats", "Juridique", "Plus de 3 ans", "Montpellier",
         "Marraine", comp(JUR, COM, POSTURE), "",
         "Avocate en droit des affaires depuis 20 ans, associée de mon cabinet.",
         "2h / mois", "Français, Anglais, Espagnol", "", "D'un autre secteur", "6", "CCI",
         CHARTE],
        ["Lina", "Haddad", "lina.haddad@gmail.example", "06 23 14 65 97", "Bloom & Co",
         "Fleuriste", "1 à 3 ans", "Béziers", "Les deux", comp(MKT, NUM), comp(FONDS, COM),
         "Fleuriste éco-responsable, boutique + ateliers, 28 ans", "3h",
         "Français, Arabe, Anglais", "", "Peu importe", "1", "Instagram", CHARTE],
        ["Marie-Pierre", "Lafon", "mp.lafon@wanadoo.example", "05 65 70 21 43",
         "Gîtes du Causse", "Tourisme", "Plus de 3 ans", "Aveyron (12)", "Marraine",
         comp(FIN, COM), comp(NUM),
         "Agricultrice reconvertie dans l'hébergement touristique, 3 gîtes depuis 2009.",
         "1 demi-journée", "Français, Occitan", "religion, politique", "Peu importe", "2",
         "Bouche-à-oreille", CHARTE],
        ["Yasmine", "Ouali", "yasmine.ouali@outlook.example", "06 88 02 19 54",
         "Projet d'appli de covoiturage pour parents", "Tech / appli", "Idée / projet",
         "Toulouse (31)", "Filleule", comp(NUM), comp(FIN, JUR, FONDS),
         "Développeuse web salariée, je prépare mon projet le soir. Maman solo de 2 "
         "enfants.", "2h max", "Français, Anglais, Arabe", "", "Du même secteur", "0",
         "LinkedIn", CHARTE],
        ["Camille", "Roux", "camille@miellerie-roux.example", "06 31 77 48 02",
         "Miellerie Roux", "Agriculture / agroalimentaire", "Plus de 3 ans", "Lozère",
         "Les deux", comp(FONDS, COM), comp(MKT, NUM),
         "Apicultrice, vente en direct et en épiceries fines. Ancienne prof de SVT.", "N/A",
         "Français", "", "Peu importe", "1", "Salon des producteurs", CHARTE],
        ["Fatou", "Sarr", "fatou.sarr@gmail.example", "07 61 50 93 27", "Wax & Co",
         "Mode / textile", "Moins d'un an", "Montpellier", "Filleule", "",
         comp(FIN, COM, POSTURE),
         "Je crée des sacs et accessoires en wax, vente sur les marchés et en ligne.",
         "3 heures", "Français, Wolof", "", "Du même secteur", "0",
         "Une association de quartier", CHARTE],
        ["Anne-Laure", "Giraud", "al.giraud@sagesse-rh.example", "06 09 66 25 81",
         "Sagesse RH", "Conseil RH / coaching", "Plus de 3 ans", "Carcassonne (11)",
         "Marraine", comp(COM, POSTURE, "Recrutement et droit du travail"), "",
         "DRH pendant 15 ans dans l'industrie, coach certifiée depuis 2019.", "4h",
         "Français, Anglais", "", "D'un autre secteur", "0", "LinkedIn", CHARTE],
        ["Océane", "Martin", "oceane.martin@laposte.example", "06 52 38 74 10",
         "Maison de santé des Arceaux (projet)", "Santé / paramédical", "1 à 3 ans",
         "Nîmes", "Les deux", comp(NUM), comp(FIN, MKT),
         "Kinésithérapeute libérale, j'ouvre une maison de santé avec 2 collègues.", "1h",
         "Français, anglais", "", "Peu importe", "0", "Instagram", CHARTE],
        ["Rachida", "Benmoussa", "r.benmoussa@gmail.example", "06 14 92 37 65",
         "Taxi Rachida", "Transport", "Plus de 3 ans", "Perpignan", "Marraine",
         comp(FIN, COM, POSTURE), comp(NUM),
         "Chauffeuse de taxi à mon compte depuis 11 ans, je gère aussi 2 licences.", "2h",
         "Français, Arabe, Espagnol", "", "Peu importe", "2", "Radio locale", CHARTE],
        ["Élodie", "Pujol", "elodie.pujol@proton.example", "06 77 45 18 29",
         "Micro-crèche Les Petits Pas", "Petite enfance", "Idée / projet", "Hérault",
         "Filleule", "", comp(JUR, FONDS, FIN),
         "Éducatrice de jeunes enfants, projet de micro-crèche pour 2027.", "", "Français",
         "", "Peu importe", "", "France Travail", CHARTE],
        ["Sandrine", "Estève", "sandrine@esteve-conseil.example", "04 67 10 28 56",
         "Estève Conseil", "Expertise comptable", "Plus de 3 ans", "Montpellier",
         "Les deux", comp(FIN, JUR), comp(MKT),
         "Expert-comptable indépendante depuis 2015, j'accompagne beaucoup de TPE.", "2h",
         "Français, English", "", "D'un autre secteur", "3", "CCI", CHARTE],
    ]
    return Case(
        name="fr_entrepreneures_pairs_jotform", tool="jotform", language="fr",
        direction="peer", role=None,
        world="Audacieuses, an invented association of women entrepreneurs in Occitanie, "
              "pairs its members for peer mentoring; everyone answers the same Jotform and "
              "says whether she wants to be a marraine, a filleule or both.",
        columns=columns,
        rows=jotform_rows(rows, dt.datetime(2026, 1, 26, 9, 0), seed=7303),
        bom=True, quote_all=True,
    )


# =========================================================================== 4
# Spanish provincial administration, reverse mentoring: the seniors' (mentees') sheet.
DIP = "dip-valdeoro.example"


def dv(local: str) -> str:
    return f"{local}@{DIP}"


def es_senior_ap_spreadsheet() -> Case:
    columns = [
        ("Nº", "ignored", "Row counter of the sheet."),
        ("NRP", "id", "Número de Registro de Personal: the civil servant's staff number."),
        ("Apellidos y nombre", "name", "'Surnames, first name' in one column."),
        ("Email", "email", ""),
        ("Puesto", "role", ""),
        ("Grupo", "years_experience",
         "Civil-service grade (A1, A2, C1, C2, AP): grade level."),
        ("Antigüedad (años)", "years_experience", "Years of service, comma decimals."),
        ("Servicio / Área", "department", ""),
        ("Sede", "location", ""),
        ("Necesidades formativas digitales", "wants",
         "What the senior (the mentee) wants to learn."),
        ("Experiencia que puede compartir con su mentor/a", "offers",
         "What the senior can give the young mentor in return."),
        ("Trayectoria (resumen)", "profile", ""),
        ("Horas/mes", "capacity", "Hours per month, comma decimals."),
        ("Idiomas", "languages", ""),
        ("Responsable (email)", "manager_id", ""),
        ("Días teletrabajo/semana", "ignored",
         "Count of telework days: not people, not time for mentoring."),
        ("Excluir temas", "ignored", "Topics to avoid."),
        ("Fecha inscripción", "ignored", ""),
        ("Consentimiento", "ignored", "Consent Sí/No."),
        ("Observaciones RRHH", "ignored", "HR's own notes."),
    ]
    rows = [
        ["1", "1245789635A1111", "Martínez Soler, Pilar", dv("pilar.martinez"),
         "Jefa de Servicio de Contratación", "A1", "28,5", "Contratación y Patrimonio",
         "Palacio Provincial",
         "Firma electrónica avanzada, Teams, IA para redactar pliegos",
         "Contratación pública y cómo funciona la casa por dentro",
         "Licenciada en Derecho, funcionaria desde 1997, antes en el Ayto. de Almadén del "
         "Río", "2", "Castellano, Francés (medio)", dv("l.marin"), "1", "", "03/02/2026",
         "Sí", ""],
        ["2", "0834521977A1146", "Gómez Ruiz, Antonio", dv("antonio.gomez"),
         "Jefe de Negociado de Registro", "C1", "33", "Secretaría General",
         "Palacio Provincial",
         "Manejo básico del ordenador, carpeta ciudadana, sede electrónica",
         "Atención al ciudadano, procedimiento administrativo",
         "Auxiliar administrativo desde 1991, promoción interna a C1", "1,5", "Castellano",
         dv("r.vargas"), "0", "Redes sociales personales", "03/02/2026", "Sí",
         "Nivel digital muy bajo"],
        ["3", "5120348866A1135", "Fernández Campos, M.ª Luisa", dv("mluisa.fernandez"),
         "Técnica de Administración General", "A1", "19", "Recursos Humanos",
         "Palacio Provincial", "Excel avanzado, Power BI, nóminas en el nuevo ERP",
         "Normativa de personal, oposiciones, negociación con sindicatos",
         "Licenciada en Económicas. Trabajó 6 años en banca.", "2",
         "Castellano, Inglés (B1)", dv("c.ortiz"), "2", "", "04/02/2026", "Sí", ""],
        ["4", "3398127450A1100", "Navarro Gil, José Ramón", dv("joseramon.navarro"),
         "Jefe de Sección de Carreteras", "A1", "24,5", "Vías y Obras",
         "Parque de Maquinaria (Ctra. N-432 km 8)", "Drones y SIG, apps de inspección",
         "Gestión de obra, trato con alcaldes de municipios pequeños",
         "Ingeniero de Caminos, 10 años en empresa privada antes de opositar", "3",
         "Castellano, Inglés", dv("a.benitez"), "0", "", "04/02/2026", "Sí", ""],
        ["5", "2076654312A1146", "Ortega Ramos, Encarnación", dv("encarna.ortega"),
         "Administrativa", "C1", "36", "Servicios Sociales",
         "Centro Comarcal Sierra Norte (Villafranca)",
         "videollamadas, correo en el móvil, no me aclaro con la nube",
         "Conozco todos los pueblos de la comarca y a sus trabajadoras sociales", "", "1",
         "Castellano", dv("m.cabello"), "0", "Nada de temas de salud", "05/02/2026", "Sí",
         "Se jubila en 2028"],
        ["6", "4417890023A3011", "López de Haro, Fernando", dv("fernando.lopezdeharo"),
         "Interventor adjunto", "A1", "21", "Intervención", "Palacio Provincial",
         "Automatizar informes, IA generativa, ciberseguridad",
         "Control del gasto, presupuestos, fiscalización",
         "Habilitado nacional, ha pasado por tres diputaciones", "2,5",
         "Castellano, Inglés, Italiano", dv("j.solis"), "1", "", "05/02/2026", "Sí", ""],
        ["7", "6603214598A1146", "Sánchez Peña, Rosario", dv("rosario.sanchez"),
         "Auxiliar de Biblioteca", "C2", "17", "Cultura - Biblioteca Provincial",
         "Biblioteca Provincial", "Redes sociales para difundir actividades, Canva",
         "Fondo antiguo, animación a la lectura, archivo", "Diplomada en Biblioteconomía",
         "2", "Castellano, Portugués", dv("e.crespo"), "1", "", "06/02/2026", "Sí", ""],
        ["8", "1890456671A1146", "Pérez Molina, Joaquín", dv("joaquin.perez"),
         "Conductor-mecánico", "AP", "30", "Parque Móvil",
         "Parque de Maquinaria (Ctra. N-432 km 8)",
         "Usar el móvil para los partes de trabajo, WhatsApp, correo",
         "Mecánica, mantenimiento de la flota",
         "Mecánico de camiones antes de entrar en la Diputación", "1", "Castellano",
         dv("a.benitez"), "0", "política", "06/02/2026", "Sí",
         "Prefiere sesiones presenciales"],
        ["9", "7751023349A1135", "Castro Vidal, Inmaculada", dv("inma.castro"),
         "Trabajadora Social", "A2", "22,5", "Servicios Sociales",
         "Centro Comarcal Vega (Almadén del Río)",
         "Expedientes en la nueva plataforma, firma digital, IA",
         "Intervención familiar, trabajo en red con ONG",
         "Diplomada en Trabajo Social, máster en mediación", "2",
         "Castellano, Inglés básico", dv("m.cabello"), "1", "", "09/02/2026", "Sí", ""],
        ["10", "3067789912A1100", "Romero Jiménez, Francisco Javier", dv("fj.romero"),
         "Jefe de Servicio de Informática", "A1", "26",
         "Informática y Nuevas Tecnologías", "Palacio Provincial",
         "Tendencias: IA, low-code, cómo trabajan los jóvenes",
         "Arquitectura de sistemas, administración electrónica",
         "Ingeniero Informático, empezó como programador COBOL en 1999", "3",
         "Castellano, Inglés", dv("p.alonso"), "2", "", "09/02/2026", "Sí",
         "Pide mentor/a ajeno a su servicio"],
        ["11", "5590132287A1135", "Herrera Blanco, Dolores", dv("dolores.herrera"),
         "Técnica de Turismo", "A2", "15", "Turismo y Desarrollo Local",
         "Oficina de Turismo (Plaza Mayor)",
         "Instagram, TikTok, promoción digital, IA para traducir",
         "Ferias, promoción turística, contactos con el sector",
         "Licenciada en Geografía e Historia, guía turística habilitada", "2",
         "Castellano, Inglés, Francés, Alemán (básico)", dv("s.prieto"), "1", "",
         "10/02/2026", "Sí", ""],
        ["12", "0912334456A1135", "Iglesias Mora, Manuel", dv("manuel.iglesias"),
         "Arquitecto técnico", "A2", "31,5", "Cooperación Municipal", "Palacio Provincial",
         "BIM, Teams, firma electrónica", "Asistencia técnica a ayuntamientos, urbanismo",
         "Aparejador, 30 años en la casa", "", "Castellano", dv("t.garrido"), "0", "",
         "10/02/2026", "No", "Falta el consentimiento firmado"],
        ["13", "2281907764A1135", "Delgado Prieto, Ana Isabel", dv("anaisabel.delgado"),
         "Jefa de Sección de Tesorería", "A2", "20", "Tesorería y Recaudación",
         "Oficina de Recaudación (c/ Ancha 12)", "Excel, Power Query, ciberseguridad",
         "Recaudación, relación con entidades bancarias", "Diplomada en Empresariales",
         "1,5", "Castellano, Inglés", dv("j.solis"), "1", "temas personales",
         "11/02/2026", "Sí", ""],
        ["14", "4730098815A3015", "Vargas Luque, Rafael", dv("rafael.vargas"),
         "Vicesecretario", "A1", "18", "Secretaría General", "Palacio Provincial",
         "Protección de datos e IA, transparencia, redes",
         "Procedimiento, órganos colegiados, régimen local",
         "Habilitado nacional (Secretaría), antes secretario de ayuntamientos pequeños",
         "2", "Castellano, Inglés, Gallego", dv("l.marin"), "1", "", "12/02/2026", "Sí",
         "Entra en la 2ª ronda"],
    ]
    return Case(
        name="es_senior_ap_spreadsheet", tool="spreadsheet", language="es",
        direction="reverse", role="mentee",
        world="Diputación Provincial de Valdeoro, an invented Spanish provincial "
              "administration, runs reverse mentoring in which young staff coach senior "
              "civil servants; the training unit keeps the seniors (mentees) in a "
              "hand-filled sheet saved as CSV with ';' and comma decimals.",
        columns=columns, rows=rows, delimiter=";", newline="\n",
    )


# =========================================================================== 5
# German engineering company, classic mentoring: the mentees' Microsoft Form.
KES = "kessler-antriebe.example"


def ks(local: str) -> str:
    return f"{local}@{KES}"


FUEHRUNG = "Führungskompetenz"
PROJEKT = "Projektleitung"
KARRIERE = "Karriereplanung"
FACH = "Fachliche Vertiefung"
NETZ = "Netzwerk im Unternehmen"
AUSLAND = "Auslandseinsatz"
BALANCE_DE = "Vereinbarkeit Beruf und Familie"
ZIELE = [FUEHRUNG, PROJEKT, KARRIERE, FACH, NETZ, AUSLAND, BALANCE_DE]
DE_SPR = ["Deutsch", "Englisch", "Französisch", "Spanisch", "Chinesisch"]
DATENSCHUTZ = "Ja"


def ziele(*c: str) -> str:
    return mpick(ZIELE, *c)


def spr(*c: str) -> str:
    return mpick(DE_SPR, *c)


def de_mentees_ms() -> Case:
    columns = [
        ("ID", "ignored", "Microsoft Forms response number, not a person id."),
        ("Startzeit", "ignored", ""),
        ("Fertigstellungszeit", "ignored", ""),
        ("E-Mail", "email", ""),
        ("Name", "name", "Display name as 'Surname, First name'."),
        ("Seit wann sind Sie bei Kessler?", "years_experience", "Tenure, free text."),
        ("Karrierestufe", "years_experience", "Career stage (entry level ... team lead)."),
        ("Organisationseinheit", "department", ""),
        ("Werk / Standort", "location", ""),
        ("Jobbezeichnung", "role", ""),
        ("Wobei soll Ihre Mentorin oder Ihr Mentor Sie begleiten?", "wants",
         "Mentees' form: where the mentee wants support."),
        ("Ihr wichtigstes Ziel für das Mentoring-Jahr", "wants", ""),
        ("Kurz zu Ihrer Person: Ausbildung, bisherige Stationen", "profile", ""),
        ("Welches Know-how könnten Sie im Tandem selbst einbringen?", "offers",
         "What the mentee can give in return: an offer on the mentees' form."),
        ("Zeitbudget pro Monat", "capacity", ""),
        ("Sprachkenntnisse", "languages", ""),
        ("E-Mail-Adresse Ihrer disziplinarischen Führungskraft", "manager_id", ""),
        ("Soll Ihre Mentorin/Ihr Mentor aus einem anderen Geschäftsbereich kommen?",
         "ignored", "Preference about the partner."),
        ("Themen, die im Tandem tabu sein sollen", "ignored", "Topics to avoid."),
        ("Ist die Teilnahme mit Ihrer Führungskraft abgestimmt?", "ignored",
         "Yes/no question."),
        ("Datenschutzhinweise gelesen und akzeptiert", "ignored", "Consent box."),
    ]
    rows = [
        [ks("lena.hartmann"), "Hartmann, Lena", "seit 2021", "Fachkraft",
         "Entwicklung Getriebe", "Werk Schweinfurt", "Berechnungsingenieurin",
         ziele(FUEHRUNG, KARRIERE, NETZ),
         "Klarheit, ob Fach- oder Führungslaufbahn",
         "Maschinenbau-Studium (TH Würzburg), Werkstudentin bei Kessler, dann Festanstellung",
         "FEM-Simulation, Python-Skripte für Auswertungen", "2-3 Std.",
         spr("Deutsch", "Englisch"), ks("m.kraus"), "Ja", "", "Ja", DATENSCHUTZ],
        [ks("tobias.reinhardt"), "Reinhardt, Tobias", "3 Jahre", "Senior-Fachkraft",
         "Vertrieb Industriekunden", "Zentrale Nürnberg", "Key Account Manager",
         ziele(FUEHRUNG, PROJEKT), "Vorbereitung auf die erste Teamleitung",
         "Wirtschaftsingenieur, vorher 4 Jahre bei einem Zulieferer im Vertrieb",
         "Verhandlungsführung, Kundensicht", "4h", spr("Deutsch", "Englisch", "Spanisch"),
         ks("s.engel"), "Egal", "Gehalt", "Ja", DATENSCHUTZ],
        [ks("aylin.demir"), "Demir, Aylin", "01/2024", "Berufseinsteiger/in",
         "Qualitätssicherung", "Werk Chemnitz", "Qualitätsingenieurin",
         ziele(KARRIERE, FACH, NETZ), "Netzwerk aufbauen, Standorte kennenlernen",
         "B.Eng. Fahrzeugtechnik, Abschlussarbeit zu Prüfständen",
         "Six Sigma Green Belt, Türkisch", "2h", spr("Deutsch", "Englisch", "Türkisch"),
         ks("h.lorenz"), "Ja", "", "Ja", DATENSCHUTZ],
        [ks("jonas.weber"), "Weber, Jonas", "knapp 4 Jahre", "Fachkraft", "IT / SAP",
         "Zentrale Nürnberg", "SAP-Berater PP/QM", ziele(PROJEKT, AUSLAND),
         "ein Auslandsprojekt (Pune oder Suzhou) übernehmen",
         "Fachinformatiker Anwendungsentwicklung, dann berufsbegleitend Wirtschaftsinformatik",
         "SAP S/4HANA, Power BI", "3 Std", spr("Deutsch", "Englisch"), ks("d.brandt"),
         "Egal", "", "Ja", DATENSCHUTZ],
        [ks("marie.schulze"), "Schulze, Marie", "seit Sept. 2022", "Fachkraft", "Einkauf",
         "Werk Schweinfurt", "Strategische Einkäuferin",
         ziele(FUEHRUNG, BALANCE_DE),
         "Rückkehr aus der Elternzeit gut gestalten, Teilzeit + Verantwortung",
         "Studium Internationales Management, Auslandssemester in Lyon",
         "Lieferantenverhandlungen, Französisch", "2 Stunden",
         spr("Deutsch", "Englisch", "Französisch"), ks("k.vogt"), "Ja", "", "Ja",
         DATENSCHUTZ],
        [ks("wei.zhang"), "Zhang, Wei", "2 Jahre", "Senior-Fachkraft", "Entwicklung Elektronik",
         "Werk Chemnitz", "Embedded Software Engineer", ziele(KARRIERE, NETZ),
         "Verstehen, wie Entscheidungen im Konzern laufen",
         "Promotion in Elektrotechnik an der TU Chemnitz, vorher Studium in Shanghai",
         "Embedded C, Chinesisch-Kontakte zum Werk Suzhou", "3-4 Std.",
         spr("Deutsch", "Englisch", "Chinesisch"), ks("h.lorenz"), "Egal", "keine",
         "Ja", DATENSCHUTZ],
        [ks("felix.brunner"), "Brunner, Felix", "seit 2019", "Teamleitung",
         "Montage Großgetriebe", "Werk Schweinfurt", "Teamleiter Montage",
         ziele(FUEHRUNG, PROJEKT), "Mit schwierigen Gesprächen besser umgehen",
         "Industriemechaniker, Meisterschule, seit 2 Jahren Teamleiter",
         "Shopfloor-Management, Lean", "1-2 Std", spr("Deutsch"), ks("m.kraus"), "Nein",
         "Betriebsrat", "Ja", DATENSCHUTZ],
        [ks("sarah.koenig"), "König, Sarah", "< 1 Jahr", "Berufseinsteiger/in", "Personal",
         "Zentrale Nürnberg", "HR Business Partner (Junior)", ziele(KARRIERE, NETZ, FACH),
         "Sparringspartner für meine Entwicklung",
         "Psychologie (M.Sc.), Traineeprogramm bei Kessler", "Moderation, Workshops",
         "2h", spr("Deutsch", "Englisch"), ks("s.engel"), "Ja", "", "Nein", DATENSCHUTZ],
        [ks("david.okonkwo"), "Okonkwo, David", "5 Jahre", "Senior-Fachkraft",
         "Service & Inbetriebnahme", "Außendienst (Homeoffice Hamburg)",
         "Inbetriebnahme-Techniker", ziele(AUSLAND, KARRIERE),
         "Langfristig ins Projektgeschäft wechseln",
         "Mechatroniker, viel auf Montage in Skandinavien",
         "Kundeneinsätze weltweit, Englisch im Alltag", "schwierig, ca. 1h",
         spr("Deutsch", "Englisch"), ks("d.brandt"), "Egal", "", "Ja", DATENSCHUTZ],
        [ks("anna.lindner"), "Lindner, Anna", "seit 2020", "Fachkraft", "Controlling",
         "Zentrale Nürnberg", "Werkscontrollerin", ziele(FUEHRUNG, KARRIERE),
         "Mich sichtbarer machen", "BWL Studium, Controlling-Zertifikat IHK",
         "Excel/VBA", "2-3 h", spr("Deutsch", "Englisch"), ks("k.vogt"), "Ja",
         "privates", "Ja", DATENSCHUTZ],
        [ks("rahul.iyer"), "Iyer, Rahul", "1,5 Jahre", "Fachkraft", "Entwicklung Getriebe",
         "Standort Pune (Indien)", "Design Engineer", ziele(NETZ, AUSLAND, FACH),
         "Kontakte in die deutschen Werke, evtl. Entsendung",
         "Mechanical engineering (IIT), 3 years with a gearbox supplier in Pune",
         "CAD (Creo), knowledge of Indian supplier market", "3 hours",
         spr("Englisch", "Hindi", "Marathi"), ks("m.kraus"), "Ja", "", "Ja", DATENSCHUTZ],
        [ks("julia.baumann"), "Baumann, Julia", "7 Jahre", "Senior-Fachkraft",
         "Produktmanagement", "Zentrale Nürnberg", "Produktmanagerin Industriegetriebe",
         ziele(FUEHRUNG, BALANCE_DE), "",
         "Dipl.-Ing. Maschinenbau, erst Konstruktion, dann Produktmanagement",
         "Marktanalysen, Produkt-Roadmaps", "4 Std./Monat", spr("Deutsch", "Englisch"),
         ks("s.engel"), "Egal", "", "Ja", DATENSCHUTZ],
        [ks("mehmet.yilmaz"), "Yilmaz, Mehmet", "seit 2017", "Teamleitung", "Logistik",
         "Werk Chemnitz", "Schichtleiter Logistik", ziele(FUEHRUNG, KARRIERE),
         "Weiterbildung zum Logistikmeister planen",
         "Fachkraft für Lagerlogistik, seit 2023 Schichtleiter", "Staplerschulungen, SAP EWM",
         "1 Std.", spr("Deutsch", "Türkisch"), ks("h.lorenz"), "Nein", "", "Ja",
         DATENSCHUTZ],
        [ks("carla.ferreira"), "Ferreira, Carla", "2023", "Berufseinsteiger/in",
         "Nachhaltigkeit", "Zentrale Nürnberg", "Referentin Nachhaltigkeit",
         ziele(PROJEKT, NETZ), "Projekte sicher leiten lernen",
         "Umweltingenieurwesen in Porto und München", "CO2-Bilanzierung, Portugiesisch",
         "2-3 Std.", spr("Deutsch", "Englisch", "Spanisch", "Portugiesisch"),
         ks("k.vogt"), "Egal", "", "Ja", DATENSCHUTZ],
        [ks("niklas.berger"), "Berger, Niklas", "4 J.", "Fachkraft", "Prüffeld",
         "Werk Schweinfurt", "Prüfingenieur", ziele(FACH, KARRIERE), "N/A",
         "Elektrotechnik (Bachelor), Hobby: Segelfliegen", "", "2h",
         spr("Deutsch", "Englisch"), ks("m.kraus"), "Ja", "", "Ja", DATENSCHUTZ],
    ]
    return Case(
        name="de_mentees_ms", tool="microsoft", language="de", direction="classic",
        role="mentee",
        world="Kessler Antriebstechnik, an invented German gearbox and drive manufacturer, "
              "runs a classic one-year mentoring programme; mentees sign up on an internal "
              "Microsoft Form in German.",
        columns=columns,
        rows=ms_rows(rows, dt.datetime(2026, 3, 2, 7, 15), seed=7505),
        export="xlsx",
    )


# =========================================================================== 6
# Portuguese university, PhD mentoring: the mentors' Google Form (pt-PT).
UM = "umondego.example"


def um(local: str) -> str:
    return f"{local}@{UM}"


ESCRITA = "Escrita de artigos e da tese"
BOLSAS = "Candidaturas a bolsas e projetos"
TEMPO = "Gestão do tempo e da orientação"
FORA = "Carreira fora da academia"
BEMESTAR = "Bem-estar e equilíbrio"
INTERNAC = "Internacionalização e mobilidade"
APOIOS = [ESCRITA, BOLSAS, TEMPO, FORA, BEMESTAR, INTERNAC]


def apoios(*c: str) -> str:
    return gpick(APOIOS, *c)


def pt_doutoramento_mentores_google() -> Case:
    columns = [
        ("Carimbo de data/hora", "ignored", ""),
        ("Endereço de email", "email", ""),
        ("Nome completo", "name", ""),
        ("Instituição / Unidade orgânica", "department", "Faculty or research unit."),
        ("Área científica", "profile",
         "The mentor's discipline: who they are, not an organisation unit."),
        ("Categoria profissional", "role",
         "Academic job title (Professor Auxiliar, Investigador...)."),
        ("Há quantos anos concluiu o doutoramento?", "years_experience", ""),
        ("Cidade onde trabalha", "location", ""),
        ("Em que aspetos pode apoiar doutorandos?", "offers", ""),
        ("Gostaria de ajudar noutro tema? Qual?", "offers",
         "Another topic the mentor would like to HELP with: an offer."),
        ("O que espera ganhar com esta experiência?", "wants",
         "What the mentor expects for themselves."),
        ("Breve nota biográfica e linhas de investigação", "profile", ""),
        ("Quantos doutorandos consegue acompanhar em simultâneo?", "capacity", ""),
        ("Com que frequência se pode reunir?", "capacity", "Time the mentor can give."),
        ("Línguas de trabalho", "languages", ""),
        ("Prefere doutorandos da sua área científica?", "ignored",
         "Preference about the partner."),
        ("É atualmente orientador(a) de doutoramento?", "ignored", "Yes/no question."),
        ("Número de teses de doutoramento que já orientou", "ignored",
         "Count of supervised theses, not of people one can take on."),
        ("Autorizo o tratamento dos meus dados pessoais no âmbito do programa", "ignored",
         "Consent box."),
    ]
    auth = "Autorizo"
    rows = [
        [um("ana.figueiredo"), "Ana Margarida Figueiredo", "Faculdade de Ciências e Tecnologia",
         "Química", "Professora Auxiliar", "12", "Coimbra",
         apoios(ESCRITA, BOLSAS, BEMESTAR), "",
         "Reconhecer o que os doutorandos de hoje precisam; melhorar a minha orientação",
         "Doutorada em Química (Coimbra), pós-doc em Grenoble. Trabalho em catálise verde.",
         "2", "1 vez por mês", "Português, Inglês, Francês", "Indiferente", "Sim", "4",
         auth],
        [um("rui.mesquita"), "Rui Mesquita", "Faculdade de Letras", "História Moderna",
         "Professor Associado", "19", "Coimbra", apoios(ESCRITA, TEMPO),
         "Publicar o primeiro livro", "Contacto com outras áreas",
         "Historiador do período moderno, arquivos ibéricos.", "1",
         "quinzenalmente", "Português, Espanhol", "Sim", "Sim", "9", auth],
        ["catarina.lobo@inesc-mondego.example", "Catarina Lobo",
         "INESC Mondego (unidade de investigação)", "Engenharia Informática",
         "Investigadora Auxiliar", "7", "Coimbra", apoios(BOLSAS, FORA, INTERNAC),
         "Candidaturas ERC", "Alargar a rede; talvez recrutar",
         "Aprendizagem automática aplicada à saúde. Passei 4 anos em Delft.", "3",
         "mensal", "Português, Inglês, Neerlandês (básico)", "Não", "Não", "0", auth],
        [um("jpaiva"), "João Paiva", "Faculdade de Medicina", "Ciências Biomédicas",
         "Professor Catedrático", "25", "Coimbra", apoios(BOLSAS, TEMPO, BEMESTAR),
         "Equilíbrio entre clínica e investigação",
         "Dar de volta o que recebi dos meus mentores",
         "Médico e investigador em neurociências, coordenador de grupo.", "2",
         "1x/mês, mais se necessário", "Português, Inglês", "Indiferente", "Sim", "17",
         auth],
        [um("sofia.albuquerque"), "Sofia Albuquerque", "Faculdade de Economia",
         "Economia", "Professora Auxiliar", "6", "Coimbra", apoios(ESCRITA, FORA),
         "Entrevistas de emprego fora da universidade",
         "Aprender a acompanhar pessoas de forma mais estruturada",
         "Trabalhei no Banco de Portugal antes de voltar à academia.", "2", "mensal",
         "Português, Inglês", "Não", "Não", "1", auth],
        ["miguel.arruda@ipleiria-norte.example", "Miguel Arruda",
         "Escola Superior de Tecnologia (Politécnico)", "Engenharia Mecânica",
         "Professor Adjunto", "10", "Leiria", apoios(FORA, TEMPO),
         "Ligação à indústria, patentes", "Networking com a universidade",
         "Doutoramento em parceria com uma empresa de moldes; 8 anos na indústria.", "1",
         "de 3 em 3 semanas", "Português, Inglês, Alemão", "Sim", "Sim", "2", auth],
        [um("helena.tavares"), "Helena Tavares", "Faculdade de Psicologia",
         "Psicologia Clínica", "Professora Associada", "15", "Coimbra",
         apoios(BEMESTAR, TEMPO, ESCRITA), "Saúde mental no doutoramento",
         "N/A", "Psicóloga clínica, investigo burnout em estudantes de pós-graduação.", "3",
         "quinzenal", "Português, Inglês", "Indiferente", "Sim", "6", auth],
        ["pedro.nunes.inv@cibio-sul.example", "Pedro Nunes Carvalho",
         "Centro de Biodiversidade (laboratório associado)", "Biologia / Ecologia",
         "Investigador Principal", "14", "Évora", apoios(BOLSAS, INTERNAC),
         "Trabalho de campo e logística de expedições", "",
         "Ecologia de aves migratórias, muito trabalho de campo em África.", "2",
         "mensal (online)", "Português, Inglês, Francês", "Sim", "Sim", "5", auth],
        [um("ines.cordeiro"), "Inês Cordeiro", "Faculdade de Direito", "Direito Público",
         "Professora Auxiliar", "4", "Coimbra", apoios(ESCRITA, FORA),
         "Carreira na magistratura ou advocacia", "Perspetiva de outras faculdades",
         "Doutorei-me em 2022 sobre contratação pública europeia.", "1", "mensalmente",
         "Português, Inglês, Italiano", "Sim", "Não", "0", auth],
        [um("tiago.ramalho"), "Tiago Ramalho", "Faculdade de Ciências e Tecnologia",
         "Física", "Investigador Júnior", "3", "Coimbra", apoios(INTERNAC, FORA),
         "Transição para a indústria de semicondutores",
         "ganhar experiência em mentoria para o meu CV",
         "Pós-doc em física da matéria condensada; estive 2 anos no CERN", "2",
         "2 vezes por mês", "Português, Inglês", "Indiferente", "Não", "0", auth],
        [um("marta.silveira"), "Marta Silveira", "Faculdade de Ciências do Desporto",
         "Ciências do Desporto", "Professora Auxiliar", "9", "Coimbra",
         apoios(TEMPO, BEMESTAR), "", "Conhecer colegas de outras áreas",
         "Ex-atleta de alta competição, investigo fisiologia do exercício.", "2",
         "mensal", "Português, Inglês, Espanhol", "Indiferente", "Sim", "3", auth],
        [um("antonio.bettencourt"), "António Bettencourt", "Faculdade de Letras",
         "Linguística", "Professor Catedrático", "28", "Coimbra",
         apoios(ESCRITA, BOLSAS, INTERNAC), "Edição científica, revisão por pares",
         "Manter-me em contacto com as novas gerações",
         "Natural dos Açores, linguística histórica, dirigi o programa doutoral 2015-2021.",
         "1", "quando for preciso", "Português, Inglês, Francês, Latim (leitura)", "Sim",
         "Sim", "21", auth],
        ["r.okeke@ipo-mondego.example", "Rita Okeke",
         "Instituto de Oncologia (centro de investigação)", "Biologia Molecular",
         "Investigadora Auxiliar", "8", "Coimbra", apoios(BOLSAS, FORA, BEMESTAR),
         "Mulheres em ciência, maternidade durante o doutoramento",
         "Contribuir para uma academia mais inclusiva",
         "Cresci em Lisboa, doutoramento em Londres, investigo resistência a fármacos.",
         "2", "mensal", "Português, Inglês", "Indiferente", "Não", "1", auth],
        [um("duarte.vaz"), "Duarte Vaz", "Faculdade de Arquitetura", "Arquitetura",
         "Professor Auxiliar Convidado", "5", "Porto / Coimbra", apoios(FORA, TEMPO),
         "Conciliar atelier e doutoramento", "-",
         "Arquiteto com atelier próprio no Porto, doutoramento em reabilitação urbana.",
         "1", "1 vez por mês", "Português, Inglês, Espanhol", "Não", "Não", "0", auth],
    ]
    return Case(
        name="pt_doutoramento_mentores_google", tool="google", language="pt",
        direction="classic", role="mentor",
        world="Universidade do Mondego, an invented Portuguese university, pairs PhD "
              "students with experienced researchers; mentors (from the university and "
              "partner research units) answer a Google Form in European Portuguese.",
        columns=columns,
        rows=google_rows(rows, dt.datetime(2026, 2, 16, 9, 0), seed=7606, tz="GMT",
                         am="da manhã", pm="da tarde"),
        quote_all=True,
    )


# =========================================================================== 7
# Global tech company, reverse mentoring: the juniors' (mentors') Typeform.
CV_ = "corvane.example"


def cv(local: str) -> str:
    return f"{local}@{CV_}"


def tick(label: str, on: bool) -> str:
    return label if on else ""


def en_reverse_juniors_typeform() -> Case:
    columns = [
        ("#", "ignored", "Typeform response token, not a person id."),
        ("Hey 👋 what should we call you?", "name", ""),
        ("And your work email?", "email", ""),
        ("Which hub do you work out of?", "location", ""),
        ("What time zone are you in?", "location", "Time zone counts as location."),
        ("Which org are you part of?", "department", ""),
        ("Your job title", "role", ""),
        ("How long have you been working (all jobs count, internships too)?",
         "years_experience", ""),
        ("What could you show a senior leader that they probably haven't figured out yet?",
         "offers", "Reverse mentoring: the junior teaches the leader."),
        ("GenAI tools", "offers",
         "One column per ticked choice of a multiple-selection question on topics the "
         "junior can coach on; the header is the choice itself."),
        ("Creator platforms & short video", "offers", "Choice column of the same question."),
        ("How Gen Z shops and works", "offers", "Choice column of the same question."),
        ("Inclusive & accessible design", "offers", "Choice column of the same question."),
        ("Other", "offers", "Typed 'Other' choice of the same question."),
        ("What do you want to get out of being paired with an exec?", "wants",
         "What the junior (the mentor) expects for themselves."),
        ("Tell us one thing about you that isn't on your CV", "profile", ""),
        ("Hours per month you can realistically commit", "capacity", ""),
        ("Languages you're fluent in", "languages", ""),
        ("Your manager's email", "manager_id", ""),
        ("Is there a particular exec you'd love to be paired with?", "ignored",
         "Preference about the partner."),
        ("Does your manager know you're applying?", "ignored", "Yes/no (1 / 0)."),
        ("Anything that's off-limits for you in these conversations?", "ignored",
         "Topics to avoid."),
        ("Response Type", "ignored", "Typeform metadata (completed / partial)."),
        ("Start Date (UTC)", "ignored", ""),
        ("Stage Date (UTC)", "ignored", ""),
        ("Submit Date (UTC)", "ignored", ""),
        ("Network ID", "ignored", "Typeform network id, not a person id."),
        ("Tags", "ignored", "Tags set by the organisers."),
    ]
    g, c, z, a = ("GenAI tools", "Creator platforms & short video",
                  "How Gen Z shops and works", "Inclusive & accessible design")

    def topics(*chosen: str, other: str = "") -> list[str]:
        return [tick(g, g in chosen), tick(c, c in chosen), tick(z, z in chosen),
                tick(a, a in chosen), other]

    rows = [
        ["Maya Okonjo", cv("maya.okonjo"), "London", "GMT", "Product Design",
         "Product Designer II", "3 years",
         "How people my age actually discover products - it's not Google anymore",
         *topics(c, z, a, other="Social listening"),
         "Understanding how strategy gets set, and getting visible beyond my squad",
         "I used to DJ at uni and still do the odd set", "4", "English, Yoruba",
         cv("t.marsh"), "Our CPO if possible!", "1", "", "emea"],
        ["Arjun Mehta", cv("arjun.mehta"), "Bengaluru", "IST (UTC+5:30)",
         "Platform Engineering", "Software Engineer", "2 yrs",
         "Using copilots and agents properly in day-to-day work", *topics(g),
         "Career advice, how to grow into staff eng",
         "Competitive quizzer, was on a national TV quiz", "3", "English, Hindi, Kannada",
         cv("s.rao"), "", "1", "", "apac"],
        ["Jordan", "", "", "", "", "", "", "", *topics(), "", "", "", "", "", "", "", "",
         ""],
        ["Lucía Fernández", cv("lucia.fernandez"), "Madrid", "CET", "Marketing",
         "Content Marketing Associate", "1 year (plus 2 internships)",
         "TikTok, short-form video, how to sound human online", *topics(c, z),
         "A mentor in reverse! Learn how execs think about brand", "Speak 4 languages badly",
         "2-3", "Spanish, English, Portuguese", cv("m.duval"), "", "1", "", "emea"],
        ["Kenji Watanabe", cv("kenji.watanabe"), "Tokyo", "JST", "Data & Analytics",
         "Data Analyst", "4 years",
         "Prompting + dashboards that actually get read", *topics(g),
         "Exposure to global leadership", "Former pro e-sports player (briefly)", "2",
         "Japanese, English", cv("a.tanaka"), "", "0", "", "apac"],
        ["Chloe Nguyen", cv("chloe.nguyen"), "San Francisco", "PST", "Customer Success",
         "Customer Success Manager", "18 months",
         "what customers say about us on Reddit/Discord", *topics(c, z),
         "Learn to pitch ideas upward", "", "3", "English, Vietnamese", cv("j.harlow"),
         "", "1", "performance reviews", "amer"],
        ["Samuel Adeyemi", cv("samuel.adeyemi"), "Lagos", "WAT", "Sales",
         "Sales Development Rep", "2 years",
         "How to sell to Gen Z buyers + using WhatsApp for business", *topics(z),
         "Visibility + advice on moving into account management",
         "I run a small sneaker resale business on the side", "4", "English, Yoruba, Pidgin",
         cv("b.kamara"), "", "1", "", "emea"],
        ["Priyanka Das", cv("priyanka.das"), "Singapore", "SGT", "Security",
         "Security Analyst", "3y",
         "Personal cyber hygiene for execs, deepfake/voice scams", *topics(g),
         "Understanding risk appetite at the top",
         "Grew up in Kolkata, moved to SG for uni", "2", "English, Bengali, Hindi",
         cv("w.lim"), "Our CISO", "1", "", "apac"],
        ["Tom Becker", cv("tom.becker"), "Berlin", "CET/CEST", "Engineering",
         "Frontend Engineer", "5 years",
         "Accessibility, screen readers, why it matters", *topics(a),
         "to learn how the business side works", "I'm partially sighted myself", "3",
         "German, English", cv("k.schmidt"), "", "1", "health stuff", "emea"],
        ["Amara Diallo", cv("amara.diallo"), "Paris", "CET", "People & Culture",
         "People Partner Associate", "2 ans",
         "Gen Z expectations at work, hybrid, mental health", *topics(z),
         "Feedback on my career plan", "Ran a student association of 300 ppl", "2",
         "French, English, Wolof", cv("c.moreau"), "", "0", "", "emea"],
        ["Diego Ramírez", cv("diego.ramirez"), "Mexico City", "CST (UTC-6)",
         "Product Management", "Associate Product Manager", "1 year",
         "No-code tools and AI for prototyping", *topics(g, c),
         "Learn how execs make trade-offs", "", "4", "Spanish, English", cv("l.ortega"),
         "", "1", "", "amer"],
        ["Hannah Kowalski", cv("hannah.kowalski"), "Toronto", "EST", "Finance",
         "Financial Analyst", "2 yrs",
         "automating reporting w/ Python & LLMs", *topics(g),
         "Mentorship on leadership presence", "Competitive rower", "2",
         "English, Polish", cv("r.chen"), "", "1", "", "amer"],
        ["Ravi Kumar", cv("ravi.kumar"), "Bengaluru", "IST", "Developer Relations",
         "Developer Advocate", "3 years",
         "YouTube/streaming, dev communities on Discord", *topics(c),
         "Help telling our story to leadership", "Run a tech channel with 40k subs", "N/A",
         "English, Tamil, Hindi", cv("s.rao"), "", "1", "", "apac"],
        ["Sofia Lindqvist", cv("sofia.lindqvist"), "Stockholm", "CET", "Design Systems",
         "UX Researcher", "4 years",
         "How younger users really use our product; inclusive research", *topics(z, a),
         "Stretch assignment ideas", "Knit my own sweaters", "3",
         "Swedish, English, Finnish", cv("e.berg"), "", "1", "", "emea"],
        ["Omar Haddad", cv("omar.haddad"), "Dubai", "GST (UTC+4)", "IT",
         "IT Support Engineer", "6 months",
         "Everyday AI tricks in Office", *topics(g, other="Arabic social media trends"),
         "advice on moving into cloud roles", "", "2", "Arabic, English, French",
         cv("n.saleh"), "", "0", "", "emea"],
        ["Grace Liu", cv("grace.liu"), "Sydney", "AEST", "Marketing",
         "Social Media Coordinator", "1.5 years",
         "Creator partnerships, LinkedIn for execs", *topics(c, z),
         "Build confidence speaking to senior people", "Was a child actor (ads only)", "3",
         "English, Mandarin", cv("p.walsh"), "Anyone in the exec team", "1", "", "apac"],
    ]
    return Case(
        name="en_reverse_juniors_typeform", tool="typeform", language="en",
        direction="reverse", role="mentor",
        world="Corvane, an invented global software company, runs reverse mentoring in "
              "which early-career staff coach executives; the juniors (mentors) apply on a "
              "Typeform. One response was abandoned after the first question.",
        columns=columns,
        rows=typeform_rows([r[:-1] for r in rows], dt.datetime(2026, 3, 9, 6, 0),
                           seed=7707, partial={2},
                           tags={i: r[-1] for i, r in enumerate(rows) if r[-1]}),
        needs_person=[4],
    )


CASES = [it_reverse_giovani_ms, en_alumni_mentors_surveymonkey,
         fr_entrepreneures_pairs_jotform, es_senior_ap_spreadsheet, de_mentees_ms,
         pt_doutoramento_mentores_google, en_reverse_juniors_typeform]


# =========================================================================== writing

def keyed(headers: list[str]) -> list[str]:
    """Headers as ``expected.json`` keys: a header's repeats become "<header> (2)", ..."""
    seen: dict[str, int] = {}
    keys = []
    for header in headers:
        seen[header] = seen.get(header, 0) + 1
        keys.append(header if seen[header] == 1 else f"{header} ({seen[header]})")
    return keys


FIXED_TIME = (2026, 4, 27, 0, 0, 0)
STAMP = "2026-04-27T00:00:00Z"


def xlsx_bytes(case: Case) -> bytes:
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
    book.properties.lastModifiedBy = "Microsoft Forms"
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
    writer = csv.writer(buffer, delimiter=case.delimiter, lineterminator=case.newline,
                        quoting=csv.QUOTE_ALL if case.quote_all else csv.QUOTE_MINIMAL)
    writer.writerow([h for h, _, _ in case.columns])
    for row in case.rows:
        writer.writerow(["" if c is None else c for c in row])
    return (("\ufeff" if case.bom else "") + buffer.getvalue()).encode("utf-8")


def expected(case: Case) -> dict:
    keys = keyed([h for h, _, _ in case.columns])
    data = {
        "world": case.world,
        "tool": case.tool,
        "language": case.language,
        "direction": case.direction,
        "role": case.role,
        "split": SPLIT,
        "rows": len(case.rows),
        "fields": {k: f for k, (_, f, _) in zip(keys, case.columns, strict=True)},
        "needs": {k: why for k, (_, _, why) in zip(keys, case.columns, strict=True) if why},
    }
    if case.needs_person:
        data["needs_person"] = case.needs_person
    return data


def case_files(case: Case) -> dict[str, bytes]:
    """File name -> bytes for one case folder."""
    width = len(case.columns)
    for i, row in enumerate(case.rows):
        assert len(row) == width, (case.name, i, len(row), width)
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
    first = text.split("\n", 1)[0]
    delimiter = max((";", ","), key=first.count)
    table = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    return table[0], table[1:]


def blank(value: object) -> bool:
    return value is None or str(value).strip() == ""


def check() -> list[str]:
    """Problems in the case folders beside this script (empty when all is well)."""
    problems = []
    made = {case.name: case for case in (make() for make in CASES)}
    folders = sorted(p for p in HERE.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))
    if [f.name for f in folders] != sorted(made):
        problems.append(f"case folders {[f.name for f in folders]} differ from {sorted(made)}")
    for folder in folders:
        case = made.get(folder.name)
        present = sorted(p.name for p in folder.iterdir())
        exports = [p for p in ("form.csv", "form.xlsx") if p in present]
        if len(exports) != 1 or "expected.json" not in present or len(present) != 2:
            problems.append(f"{folder.name}: needs exactly one export and expected.json, "
                            f"has {present}")
            continue
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
        if len(rows) != spec["rows"] or not MIN_ROWS <= len(rows) <= MAX_ROWS:
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
                or spec["split"] != SPLIT):
            problems.append(f"{folder.name}: bad metadata")
        expected_export = "form.xlsx" if spec["tool"] == "microsoft" else "form.csv"
        if exports != [expected_export]:
            problems.append(f"{folder.name}: {spec['tool']} export should be {expected_export}")
        for needed in ("name", "email"):
            if needed not in spec["fields"].values():
                problems.append(f"{folder.name}: no column labelled {needed}")
        # rows that hold no person: listed, in range, and empty but for the tool's columns
        listed = spec.get("needs_person", [])
        tool_cols = {i for i, (k, f) in enumerate(spec["fields"].items()) if f == "ignored"}
        for number in listed:
            if not 2 <= number <= len(rows) + 1:
                problems.append(f"{folder.name}: needs_person row {number} out of range")
        for number, row in enumerate(rows, start=2):
            answered = [v for i, v in enumerate(row) if i not in tool_cols and not blank(v)]
            people_cols = [v for i, v in enumerate(row)
                           if list(spec["fields"].values())[i] in ("email",) and not blank(v)]
            unfinished = "partial" in [str(v) for v in row]
            if (unfinished or not answered) and number not in listed:
                problems.append(f"{folder.name}: row {number} looks unfinished, not listed")
            if number in listed and people_cols:
                problems.append(f"{folder.name}: listed row {number} has an e-mail")
        text = json.dumps([header, rows], default=str, ensure_ascii=False)
        domains = re.findall(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)*)", text)
        if not domains or any(not d.endswith(".example") for d in domains):
            problems.append(f"{folder.name}: an e-mail domain does not end in .example")
        urls = re.findall(r"(?:https?://)?(?:www\.)?([\w-]+(?:\.[\w-]+)+)/", text)
        if any(not u.endswith(".example") for u in urls):
            problems.append(f"{folder.name}: a web address does not end in .example")
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
        print(f"ok: {len(CASES)} cases")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
