"""Sign-up form exports in the shapes of Google Forms and Microsoft Forms, for the tests.

The people are invented. ``python tests/data/forms/make_forms.py`` rewrites the CSV files
beside this script (the tests check that they match it); add ``--xlsx`` to write the two XLSX
files there too, to open them by hand. The tests write their own XLSX copies in a temporary
folder, so the XLSX files are not kept.

- ``google_mentees_en.csv``, ``google_mentors_en.csv``: Google Forms "Download responses
  (.csv)": comma separated, UTF-8, a ``Timestamp`` column, ``Email Address``, questions as
  headers in English, checkbox answers joined by ``", "``, seniority as the form's categories,
  free-text answers in English, Spanish and Portuguese.
- ``ms_mentors_fr.xlsx``, ``ms_mentees_fr.xlsx``: Microsoft Forms "Open results in Excel" in
  French: ``ID``, ``Heure de début``, ``Heure de fin``, ``Adresse de messagerie``, ``Nom``, then
  the questions; multiple-choice answers joined by ``";"`` with a trailing ``";"``; years of
  experience as ranges (``0-2 ans``, ``3-5 ans``, ``6-10 ans``, ``Plus de 10 ans``).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

SENIOR_PHD = "Senior Ph.D. Student (3rd year or more of Ph.D.)"
JUNIOR_PHD = "Junior Ph.D. Student (1st or 2nd year of Ph.D.)"

GOOGLE_MENTEES_HEADER = [
    "Timestamp", "Email Address", "Full name", "What is your current position?",
    "Department / Faculty", "Country of residence", "Which languages do you speak?",
    "Research areas", "Career goals", "What skills would you like to develop?",
    "How did you hear about the programme?",
]
GOOGLE_MENTEES = [
    ["2024/03/05 10:12:33 PM GMT-3", "ana.souza@ufmg.example", "Ana Souza", "Master's Student",
     "Computer Science", "Brazil", "Portuguese, English",
     "Machine Learning, Natural Language Processing", "Academia, Industry research",
     "Quero aprender a escrever artigos científicos e a apresentar em conferências "
     "internacionais.", "Twitter"],
    ["2024/03/05 11:02:10 PM GMT-3", "lucia.fernandez@uba.example", "Lucía Fernández",
     JUNIOR_PHD, "Biology", "Argentina", "Spanish, English",
     "Computational Biology, Machine Learning", "Academia",
     "Me gustaría mejorar mi inglés, aprender estadística bayesiana y conseguir una estancia "
     "en el extranjero.", "A friend"],
    ["2024/03/06 9:45:01 AM GMT-3", "john.okafor@uct.example", "John Okafor", SENIOR_PHD,
     "Physics", "South Africa", "English", "Computer Vision, Robotics",
     "Industry research, Startup",
     "I want to learn how to move from academia to industry, and how to negotiate a first "
     "job offer.", "Newsletter"],
    ["2024/03/06 2:20:45 PM GMT-3", "mariana.lima@usp.example", "Mariana Lima", SENIOR_PHD,
     "Ecology", "Brazil", "", "Computational Biology", "Academia",
     "Gostaria de aprender a coordenar um laboratório e a orientar alunos de iniciação "
     "científica.", "Twitter"],
    ["2024/03/07 8:03:12 AM GMT-3", "diego.ramirez@unal.example", "Diego Ramírez",
     "Undergraduate Student", "Systems Engineering", "Colombia", "Spanish",
     "Machine Learning, Robotics", "Industry research",
     "Quiero aprender a programar mejor en Python, trabajar en equipo y preparar entrevistas "
     "técnicas.", "A professor"],
    ["2024/03/07 6:40:00 PM GMT-3", "sofia.martins@ulisboa.example", "Sofia Martins",
     "Master's Student", "Mathematics", "Portugal", "Portuguese, Spanish, English",
     "Natural Language Processing", "Academia, Startup",
     "Quero desenvolver competências de comunicação científica e aprender a pedir "
     "financiamento.", "Newsletter"],
    ["2024/03/08 7:15:27 AM GMT-3", "carlos.mendoza@unam.example", "Carlos Mendoza",
     JUNIOR_PHD, "Chemistry", "Mexico", "Spanish, English",
     "Computational Biology, Natural Language Processing", "Industry research",
     "Me interesa aprender a publicar en revistas de alto impacto y a gestionar mi tiempo "
     "durante el doctorado.", "A friend"],
    ["2024/03/08 9:30:55 PM GMT-3", "grace.mensah@ug.example", "Grace Mensah",
     "Master's Student", "Computer Science", "Ghana", "English, French",
     "Machine Learning, Computer Vision", "Academia",
     "I would like to improve my academic writing, find a PhD position abroad, and build a "
     "network.", "Twitter"],
    ["2024/03/09 10:10:10 AM GMT-3", "pedro.alves@unicamp.example", "Pedro Alves",
     "Undergraduate Student", "Electrical Engineering", "Brazil", "English, Português (nativo)",
     "Robotics, Machine Learning", "Startup",
     "Quero aprender a transformar minha pesquisa em produto e a falar com investidores.",
     "A professor"],
    ["2024/03/09 4:44:44 PM GMT-3", "valentina.rojas@uchile.example", "Valentina Rojas",
     SENIOR_PHD, "Astronomy", "Chile", "Spanish, English", "Computer Vision",
     "Academia, Industry research",
     "Quiero aprender a liderar proyectos internacionales y a postular a posiciones "
     "postdoctorales.", "A professor"],
]

GOOGLE_MENTORS_HEADER = [
    "Timestamp", "Email Address", "Full name", "What is your current position?",
    "Department / Faculty", "Country of residence", "Languages you can mentor in",
    "Research areas", "What can you offer a mentee?", "How many mentees can you take?",
]
GOOGLE_MENTORS = [
    ["2024/02/20 9:00:01 AM GMT-3", "helena.costa@fiocruz.example", "Helena Costa", "Postdoc",
     "Public Health", "Brazil", "Portuguese, English, Spanish", "Computational Biology",
     "Posso ajudar com escrita científica, bolsas de pós-doutorado e a vida no exterior.", "2"],
    ["2024/02/20 10:30:12 AM GMT-3", "miguel.torres@csic.example", "Miguel Torres",
     "Faculty Member", "Computer Science", "Spain", "Spanish, English",
     "Machine Learning, Natural Language Processing",
     "Puedo ayudar a preparar solicitudes de becas, revisar artículos y planificar la carrera "
     "académica.", "3"],
    ["2024/02/21 1:15:40 PM GMT-3", "sarah.nguyen@mila.example", "Sarah Nguyen",
     "Faculty Member", "Computer Science", "Canada", "English, French",
     "Computer Vision, Machine Learning",
     "I can help with research statements, faculty applications and work-life balance.", "2"],
    ["2024/02/21 5:05:05 PM GMT-3", "rafael.pereira@usp.example", "Rafael Pereira",
     SENIOR_PHD, "Ecology", "Brazil", "Portuguese, Spanish",
     "Computational Biology",
     "Posso ensinar R, estatística e como organizar o trabalho de campo.", "1"],
    ["2024/02/22 8:45:00 AM GMT-3", "amara.diallo@deepmind.example", "Amara Diallo",
     "Industry Researcher", "Research", "United Kingdom", "English, French",
     "Natural Language Processing, Robotics",
     "I can share how to move from a PhD to an industry lab, and how interviews work there.",
     "2"],
    ["2024/02/22 3:30:30 PM GMT-3", "lucas.gomez@conicet.example", "Lucas Gómez", "Postdoc",
     "Physics", "Argentina", "Spanish, English", "Computer Vision, Robotics",
     "Puedo ayudar con Python, visión por computadora y a escribir el primer artículo.", "1"],
    ["2024/02/23 11:11:11 AM GMT-3", "ines.carvalho@ulisboa.example", "Inês Carvalho",
     "Faculty Member", "Mathematics", "Portugal", "Portuguese, English, French",
     "Natural Language Processing, Machine Learning",
     "Posso ajudar a planear a carreira académica e a supervisionar alunos.", "2"],
    ["2024/02/23 7:00:00 PM GMT-3", "kwame.asante@ug.example", "Kwame Asante", "Postdoc",
     "Computer Science", "Ghana", "English", "Machine Learning, Computer Vision",
     "I can help with coding interviews, open-source contributions and building a network.",
     "1"],
]

MS_MENTORS_HEADER = [
    "ID", "Heure de début", "Heure de fin", "Adresse de messagerie", "Nom",
    "Nombre d'années d'expérience", "Service / Direction", "Langues parlées",
    "Que pouvez-vous apporter à votre binôme ?", "Que souhaitez-vous apprendre ?",
    "Thématiques qui vous intéressent", "Responsable hiérarchique",
]
MS_MENTORS = [
    ["ines.benali@groupe.example", "Inès Benali", "0-2 ans", "Ressources humaines",
     "Français;Anglais;", "Je gère le compte TikTok du recrutement et je connais les attentes "
     "des jeunes diplômés.", "Je veux comprendre comment se prennent les décisions budgétaires.",
     "Réseaux sociaux;Recrutement;", "sylvie.martin@groupe.example"],
    ["yanis.haddad@groupe.example", "Yanis Haddad", "0-2 ans", "Logistique", "Français;",
     "Je fais les tournées de livraison et j'utilise les applications de suivi en temps réel.",
     "J'aimerais apprendre à présenter un projet devant un comité de direction.",
     "Outils numériques;Logistique;", ""],
    ["lea.moreau@groupe.example", "Léa Moreau", "3-5 ans", "Marketing",
     "Français;Anglais;Espagnol;",
     "Je peux montrer comment utiliser l'intelligence artificielle générative au quotidien.",
     "Je souhaite progresser en négociation.",
     "Intelligence artificielle;Réseaux sociaux;", ""],
    ["tom.nguyen@groupe.example", "Tom Nguyen", "0-2 ans", "Informatique", "Anglais;Français;",
     "Je connais le cloud, l'automatisation et les outils collaboratifs.",
     "Je veux apprendre à gérer une équipe.", "Outils numériques;Intelligence artificielle;",
     ""],
    ["chloe.petit@groupe.example", "Chloé Petit", "3-5 ans", "Finance", "Français;Anglais;",
     "Je peux expliquer les attentes de ma génération sur le télétravail et la diversité.",
     "J'aimerais comprendre la stratégie du groupe.", "Diversité et inclusion;Recrutement;",
     ""],
    ["karim.said@groupe.example", "Karim Saïd", "0-2 ans", "Magasins", "Français;Arabe;",
     "Je peux partager comment les clients utilisent Instagram et les avis en ligne.",
     "Je veux apprendre à construire un budget.", "Réseaux sociaux;Outils numériques;", ""],
]

MS_MENTEES_HEADER = [
    "ID", "Heure de début", "Heure de fin", "Adresse de messagerie", "Nom",
    "Nombre d'années d'expérience", "Service / Direction", "Site", "Langues parlées",
    "Que souhaitez-vous apprendre ?", "Que pouvez-vous apporter à votre binôme ?",
    "Thématiques qui vous intéressent", "Avez-vous des contraintes de disponibilité ?",
]
MS_MENTEES = [
    ["sylvie.martin@groupe.example", "Sylvie Martin", "Plus de 10 ans", "Ressources humaines",
     "Paris", "Français;Anglais;",
     "Je veux comprendre le recrutement sur TikTok et comment les jeunes cherchent un emploi.",
     "Je peux partager mon expérience du management.", "Réseaux sociaux;Recrutement;",
     "Je ne suis pas disponible le vendredi après-midi ni pendant les vacances scolaires."],
    ["marc.durand@groupe.example", "Marc Durand", "Plus de 10 ans", "Magasins", "Lyon",
     "Français;",
     "Je voudrais comprendre les avis en ligne et Instagram pour mes magasins.",
     "Je connais la gestion d'un magasin et des équipes.", "Réseaux sociaux;Outils numériques;",
     ""],
    ["anne.leroy@groupe.example", "Anne Leroy", "6-10 ans", "Finance", "Paris", "",
     "J'aimerais apprendre à utiliser l'intelligence artificielle générative dans mon travail.",
     "Je peux expliquer la construction d'un budget et les décisions d'investissement.",
     "Intelligence artificielle;Outils numériques;",
     "Le matin de préférence, avant les réunions de direction du lundi."],
    ["paul.girard@groupe.example", "Paul Girard", "Plus de 10 ans", "Direction générale",
     "Paris", "Français;Anglais;",
     "Je souhaite mieux comprendre les attentes de la nouvelle génération sur le télétravail.",
     "Je peux partager la stratégie du groupe et la prise de parole en comité.",
     "Diversité et inclusion;Recrutement;", ""],
    ["nadia.benkacem@groupe.example", "Nadia Benkacem", "6-10 ans", "Logistique", "Lille",
     "Français;Arabe;",
     "Je veux découvrir les applications de suivi des tournées et le cloud.",
     "Je peux aider à négocier avec les fournisseurs.", "Logistique;Outils numériques;", ""],
    ["eric.blanc@groupe.example", "Éric Blanc", "Plus de 10 ans", "Informatique", "Nantes",
     "Français;Anglais;", "Je veux comprendre les usages de l'IA chez les jeunes collègues.",
     "Je peux transmettre la gestion d'équipe et la conduite de projets.",
     "Intelligence artificielle;Diversité et inclusion;", ""],
]


def _csv_text(header: list[str], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def google_csv_texts() -> dict[str, str]:
    """File name -> text of the two Google Forms CSV exports."""
    return {
        "google_mentees_en.csv": _csv_text(GOOGLE_MENTEES_HEADER, GOOGLE_MENTEES),
        "google_mentors_en.csv": _csv_text(GOOGLE_MENTORS_HEADER, GOOGLE_MENTORS),
    }


def _ms_rows(rows: list[list[str]], day: int) -> list[list[object]]:
    out: list[list[object]] = []
    for i, answers in enumerate(rows, start=1):
        start = dt.datetime(2024, 9, day, 9, 0) + dt.timedelta(minutes=37 * i)
        end = start + dt.timedelta(minutes=6, seconds=13 * i)
        out.append([i, start, end, *[a if a != "" else None for a in answers]])
    return out


def write_ms_xlsx(folder: Path) -> dict[str, Path]:
    """Write the two Microsoft Forms XLSX exports into ``folder``; name -> path."""
    from openpyxl import Workbook

    paths = {}
    for name, header, rows, day in (
        ("ms_mentors_fr.xlsx", MS_MENTORS_HEADER, MS_MENTORS, 2),
        ("ms_mentees_fr.xlsx", MS_MENTEES_HEADER, MS_MENTEES, 3),
    ):
        workbook = Workbook()
        sheet = workbook.active
        assert sheet is not None
        sheet.title = "Sheet1"
        sheet.append(header)
        for row in _ms_rows(rows, day):
            sheet.append(row)
        paths[name] = folder / name
        workbook.save(paths[name])
    return paths


def write_all(folder: Path = HERE, xlsx: bool = True) -> list[Path]:
    """Write the form exports into ``folder`` (the XLSX ones only if ``xlsx``)."""
    written = []
    for name, text in google_csv_texts().items():
        path = folder / name
        path.write_text(text, encoding="utf-8", newline="")
        written.append(path)
    if xlsx:
        written.extend(write_ms_xlsx(folder).values())
    return written


if __name__ == "__main__":
    for path in write_all(xlsx="--xlsx" in sys.argv[1:]):
        print(path)
