"""The "map the columns" step of the coordinator page, in process (fake embedder)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from recommender import HashingEmbedder, Recommender
from recommender.ui.coordinator import Coordinator

from ..shared import FORMS, NAMELESS_FORM


@pytest.fixture
def coordinator() -> Coordinator:
    return Coordinator(Recommender(embedder=HashingEmbedder()))


def upload(tmp_path: Path, name: str) -> str:
    folder = tmp_path / "gradio"
    folder.mkdir(exist_ok=True)
    return shutil.copy(FORMS / name, folder / name)


def set_value(values, answer: str, value: str):
    table = values.copy()
    rows = table.index[table.iloc[:, 2] == answer]
    assert len(rows) == 1, table
    table.iloc[rows[0], 3] = value
    return table


def test_mapping_step_edit_import_both_forms_and_reuse(coordinator, tmp_path):
    c = coordinator
    first = upload(tmp_path, "google_mentors_en.csv")
    step = c.start_mapping(first, "en")
    assert step.needed and step.role == "mentor"
    assert not Path(first).exists() and Path(step.path).exists()  # kept privately
    assert "Full name" in step.intro and "proposed mapping" in step.intro
    fields = dict(zip(step.columns.iloc[:, 0], step.columns.iloc[:, 1], strict=True))
    assert fields["What is your current position?"] == "years_experience"
    assert fields["Timestamp"] == "ignore"
    suggested = step.values[step.values.iloc[:, 2] == "Industry Researcher"]
    assert suggested.iloc[0, 3] == "10" and "researcher" in suggested.iloc[0, 4]
    assert len(step.preview) == 5 and step.preview.iloc[0, 1] == "Helena Costa"
    # The proposal as it is would import every row.
    assert "All 8 rows can be imported" in step.checks

    # Give "Industry Researcher" 8 years: the preview shows it, then the import stores it.
    values = set_value(step.values, "Industry Researcher", "8")
    preview, checks = c.preview_mapping(step.path, step.columns, values, "mentor", "en")
    assert "All 8 rows can be imported" in checks
    assert list(preview.iloc[4, :3]) == ["p-fca45bff46", "Amara Diallo", "8"]
    done = c.import_mapped(step.path, step.columns, values, "mentor", lang="en")
    assert done.ok, done.message
    assert "Imported 8 participant(s) from google_mentors_en.csv (role: mentor)" in done.message
    assert "Ids generated for 8 rows" in done.message and "Mapping saved" in done.message
    assert not Path(step.path).exists()
    people = {p.name: p for p in c.rec.people()}
    assert people["Amara Diallo"].years_experience == 8.0
    assert people["Helena Costa"].years_experience == 6.0
    assert {p.role_preference for p in people.values()} == {"mentor"}

    mentees = c.start_mapping(upload(tmp_path, "google_mentees_en.csv"), "fr")
    assert mentees.role == "mentee" and "rôle" in mentees.intro.lower()
    assert "Non utilisées" in mentees.checks  # the "how did you hear" column is listed
    result = c.import_mapped(mentees.path, mentees.columns, mentees.values, "mentee", lang="fr")
    assert result.ok, result.message
    stored = c.rec.people()
    assert len(stored) == 8 + 10
    assert sum(p.role_preference == "mentee" for p in stored) == 10
    undergraduate = [p for p in stored if p.role_preference == "mentee"
                     and p.years_experience == 0.0]
    assert undergraduate

    # The next export of the mentors' form: the saved mapping (with the 8 years) comes first.
    again = c.start_mapping(upload(tmp_path, "google_mentors_en.csv"), "en")
    assert "saved for this form" in again.intro
    assert set(again.columns.iloc[:, 2]) == {"saved"}
    assert "8" in list(again.values[again.values.iloc[:, 2] == "Industry Researcher"].iloc[:, 3])
    assert "All 8 rows can be imported" in again.checks


def test_a_typed_field_is_checked_and_a_column_can_be_reassigned(coordinator, tmp_path):
    c = coordinator
    step = c.start_mapping(upload(tmp_path, "google_mentors_en.csv"), "en", role="")
    columns = step.columns.copy()
    row = columns.index[columns.iloc[:, 0] == "Research areas"][0]
    columns.iloc[row, 1] = "skills"
    mapping, errors = c.mapping_from_tables(step.path, columns, step.values, "", "en")
    assert mapping is None and "'skills' is not a field" in errors[0]
    columns.iloc[row, 1] = "souhaite apprendre"  # a field's French label is understood
    values, preview, checks = c.refresh_mapping(step.path, columns, step.values, "", "en")
    mapping, errors = c.mapping_from_tables(step.path, columns, values, "", "en")
    assert mapping is not None and mapping.columns_of("wants") == ("Research areas",)
    assert "Computational Biology" in preview.iloc[0, 6]
    columns.iloc[row, 1] = ""  # not used: listed, never silent
    _, checks = c.preview_mapping(step.path, columns, values, "", "en")
    assert "Not used: 'Research areas'" in checks
    c.discard_mapping(step.path)
    assert not Path(step.path).exists()


def test_a_file_with_the_project_columns_needs_no_mapping(coordinator, tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("id,name,years_experience,offers\na,Ana,1,I run TikTok.\n", encoding="utf-8")
    assert not coordinator.start_mapping(str(path), "en").needed
    assert path.exists()


def test_a_question_asked_twice_gets_a_proposal_with_both_columns(coordinator, tmp_path):
    """Google Forms repeats "please elaborate" after each 'Other' option: the page proposes
    a mapping, with the two columns told apart, instead of refusing the file."""
    path = tmp_path / "mentors.csv"
    path.write_text(
        "Timestamp,Email Address,Full name,Years of experience,What can you offer a mentee?,"
        '"If other, please elaborate.",Which areas do you mentor?,'
        '"If other, please elaborate."\n'
        "2026/09/01 10:00:00,ana@uni.example,Ana,12,Grant writing,,NLP,\n"
        "2026/09/01 11:00:00,bo@uni.example,Bo,9,Career advice,Teaching,Vision,Robotics\n",
        encoding="utf-8")
    step = coordinator.start_mapping(str(path), "en")
    assert step.needed
    questions = list(step.columns.iloc[:, 0])
    assert "If other, please elaborate." in questions
    assert "If other, please elaborate. (2)" in questions
    done = coordinator.import_mapped(step.path, step.columns, step.values, "mentor", lang="en")
    assert done.ok, done.message
    assert len(coordinator.rec.people()) == 2



def test_every_stated_default_of_the_proposal_reads_in_french():
    """The reasons the proposal gives its stated defaults are shown translated on a French
    page, none left half English."""
    from recommender.intake.forms.propose import propose_mapping
    from recommender.ui.forms import reason_text

    header = ["Nom", "Ancienneté dans l'entreprise", "Je souhaite être",
              "Combien de mentorés pouvez-vous accompagner ?", "Langues parlées",
              "Ce que je peux apporter"]
    answers = [("Ana Lima", "Moins de 2 ans", "mentor", "2", "Français", "Python et R"),
               ("Léo Martin", "Plus de 10 ans", "mentoré", "1", "Anglais", "Statistiques"),
               ("Zoé Petit", "Entre 3 et 5 ans", "mentor", "1", "Français, Anglais", "SQL"),
               ("Hugo Roy", "Entre 5 et 10 ans", "mentoré", "2", "Espagnol", "Excel"),
               ("Inès Diaz", "Autre chose", "peu m'importe", "beaucoup", "Klingon",
                "Écriture d'articles")]
    rows = [(n, dict(zip(header, a, strict=True))) for n, a in enumerate(answers, start=2)]
    proposal = propose_mapping(header, rows)
    reasons = {v.reason for c in proposal.columns for v in c.values
               if "default" in v.reason or "no language" in v.reason}
    assert len(reasons) >= 3, [(c.column, c.values) for c in proposal.columns]
    for reason in reasons:
        french = reason_text(reason, "fr")
        for english in ("figure", "median", "default", "either", "answer", "language"):
            assert english not in french, french
        assert reason_text(reason, "en") == reason


def test_the_import_report_says_what_was_stored(coordinator, tmp_path):
    """Unfinished responses and skipped rows are not counted as imported, nor as given an
    id; names made without an e-mail address are not said to come from one."""
    folder = tmp_path / "gradio"
    folder.mkdir()
    form = folder / "inscriptions.csv"
    # the shared form, and one answer that is no number (counted as the median, said)
    form.write_text(NAMELESS_FORM.replace(
        "2026/11/02 10:15", "2026/11/02 10:12,beaucoup,,Je veux apprendre à monter des "
        "vidéos courtes.\n2026/11/02 10:15"), encoding="utf-8")
    c = coordinator
    step = c.start_mapping(str(form), "fr")
    assert step.needed
    done = c.import_mapped(step.path, step.columns, step.values, "", partial=True, lang="fr")
    assert done.ok, done.message
    assert len(c.rec.people()) == 3
    assert "3 participant(s) importé(s)" in done.message
    assert "Ids créés pour 3 lignes (d'après les réponses)" in done.message
    assert "1 ligne(s) écartée(s)" in done.message and "ligne 6" in done.message
    assert "e-mail" not in done.message
    assert "Pas de nom dans le formulaire pour 3 lignes" in done.message


def test_the_mapping_step_follows_the_page_language_keeping_the_edits(coordinator, tmp_path):
    c = coordinator
    step = c.start_mapping(upload(tmp_path, "google_mentors_en.csv"), "en")
    values = set_value(step.values, "Industry Researcher", "8")
    intro, columns, table, preview, checks = c.translate_mapping(
        step.path, step.columns, values, "mentor", "en", "fr")
    assert "proposed mapping" not in intro and "mentor" in intro
    assert intro != step.intro
    assert list(columns.columns) != list(step.columns.columns)  # headers in French
    edited = table[table.iloc[:, 2] == "Industry Researcher"]
    assert edited.iloc[0, 3] == "8"  # the coordinator's value kept
    assert "Amara Diallo" in preview.to_string() and "8" in preview.to_string()
    assert "lignes" in checks
    assert c.translate_mapping(None, None, None, "", "en", "fr") == (None,) * 5
