"""Bring your own sign-up form: proposal, mapping file, mapped rows, validation (issue #12)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from recommender import ValidationError
from recommender.intake.cells import canonical_column, split_items
from recommender.intake.forms.apply import apply_mapping, people_from_mapped
from recommender.intake.forms.mapping import MAPPING_VERSION, ColumnMapping
from recommender.intake.forms.propose import form_key, header_of, missing_fields, propose_mapping
from recommender.intake.forms.values import suggest_years
from recommender.intake.readers import read_table
from recommender.intake.validate import PEOPLE_COLUMNS, validate_people
from recommender.language.langid import LangidGuesser, StopWordGuesser
from recommender.language.names import language_code

from ...shared import FORMS

sys.path.insert(0, str(FORMS))
import make_forms

GOOGLE_MENTEES = FORMS / "google_mentees_en.csv"
GOOGLE_MENTORS = FORMS / "google_mentors_en.csv"


@pytest.fixture(scope="module")
def ms_forms(tmp_path_factory) -> dict[str, Path]:
    return make_forms.write_ms_xlsx(tmp_path_factory.mktemp("forms"))


@pytest.fixture(scope="module")
def guesser() -> LangidGuesser:
    return LangidGuesser()


def _proposal(path: Path, role: str | None):
    rows = read_table(path)
    return rows, propose_mapping(header_of(rows), rows, role=role)


# --------------------------------------------------------------------------- fixtures
def test_committed_csv_fixtures_match_their_generator():
    for name, text in make_forms.google_csv_texts().items():
        assert (FORMS / name).read_bytes().decode("utf-8") == text, name


def test_readers_take_the_form_exports(ms_forms):
    rows = read_table(GOOGLE_MENTEES)
    assert len(rows) == len(make_forms.GOOGLE_MENTEES)
    assert rows[0][0] == 2  # the header is row 1
    first = rows[0][1]
    assert first["timestamp"] == "2024/03/05 10:12:33 PM GMT-3"
    assert first["which_languages_do_you_speak"] == "Portuguese, English"
    assert first["what_is_your_current_position"] == "Master's Student"
    ms = read_table(ms_forms["ms_mentors_fr.xlsx"])
    assert len(ms) == len(make_forms.MS_MENTORS)
    assert ms[0][1]["id"] == 1
    assert ms[0][1]["langues_parlees"] == "Français;Anglais;"
    assert ms[0][1]["nombre_d_annees_d_experience"] == "0-2 ans"
    assert "heure_de_debut" in ms[0][1] and "adresse_de_messagerie" in ms[0][1]


# --------------------------------------------------------------------------- proposal
def test_google_mentees_proposal_maps_every_needed_field_with_reasons():
    _, proposal = _proposal(GOOGLE_MENTEES, "mentee")
    m = proposal.mapping
    assert m.fields == {
        "name": ("full_name",),
        "years_experience": ("what_is_your_current_position",),
        "department": ("department_faculty",),
        "location": ("country_of_residence",),
        "languages": ("which_languages_do_you_speak",),
        "wants": ("research_areas", "career_goals", "what_skills_would_you_like_to_develop"),
        "email": ("email_address",),
    }
    assert m.role == "mentee" and m.generate_ids
    assert m.ignored == ("timestamp",)
    assert set(m.checkbox) == {"which_languages_do_you_speak", "research_areas", "career_goals"}
    assert "what_skills_would_you_like_to_develop" not in m.checkbox  # free text: never split
    assert proposal.unused == ("how_did_you_hear_about_the_programme",)
    for column in proposal.columns:
        assert column.reason, column
        if column.field:
            assert column.confidence >= 0.5, column
    position = proposal.column("What is your current position?")
    assert "seniority" in position.reason
    assert proposal.column("research_areas").reason.endswith("(mentees' subjects)")
    assert m.value_maps["years_experience"] == {
        "Master's Student": 1.0, make_forms.JUNIOR_PHD: 2.0, make_forms.SENIOR_PHD: 4.0,
        "Undergraduate Student": 0.0,
    }
    assert m.value_maps["languages"]["Português"] == "pt"


def test_proposal_describes_every_column_and_marks_suggestions():
    _, proposal = _proposal(GOOGLE_MENTEES, "mentee")
    text = "\n".join(proposal.describe())
    for header in make_forms.GOOGLE_MENTEES_HEADER:
        assert f"'{canonical_column(header)}' ->" in text
    assert "'timestamp' -> ignored: form metadata" in text
    assert "'how_did_you_hear_about_the_programme' -> not used" in text
    assert f"'{make_forms.SENIOR_PHD}' -> 4.0 (suggested" in text
    assert "confirm or edit them under value_maps" in text
    assert "no id column: ids will be generated from the e-mail address" in text


def test_proposal_reads_original_form_wording_as_well():
    rows = read_table(GOOGLE_MENTORS)
    proposal = propose_mapping(make_forms.GOOGLE_MENTORS_HEADER, rows, role="mentor")
    m = proposal.mapping
    assert m.columns_of("offers") == ("Research areas", "What can you offer a mentee?")
    assert m.columns_of("capacity") == ("How many mentees can you take?",)
    assert m.columns_of("languages") == ("Languages you can mentor in",)
    assert m.columns_of("email") == ("Email Address",)
    assert m.ignored == ("Timestamp",)
    # every category gets a value with its reason, so the proposal imports as it is
    suggested = {v.answer: v for v in proposal.column(
        m.columns_of("years_experience")[0]).values}
    assert suggested["Industry Researcher"].target == 10.0
    assert "researcher" in suggested["Industry Researcher"].reason
    assert m.value_maps["years_experience"]["Faculty Member"] == 12.0


def test_topics_follow_the_role_of_the_file():
    rows = read_table(GOOGLE_MENTORS)
    assert propose_mapping(header_of(rows), rows, role="mentor").mapping.field_of(
        "research_areas") == "offers"
    assert propose_mapping(header_of(rows), rows, role="mentee").mapping.field_of(
        "research_areas") == "wants"
    assert propose_mapping(header_of(rows), rows).mapping.field_of("research_areas") == "profile"


def test_microsoft_forms_french_proposal(ms_forms):
    _, proposal = _proposal(ms_forms["ms_mentors_fr.xlsx"], "mentor")
    m = proposal.mapping
    assert m.columns_of("email") == ("adresse_de_messagerie",)
    assert m.columns_of("name") == ("nom",)
    assert m.columns_of("years_experience") == ("nombre_d_annees_d_experience",)
    assert m.columns_of("department") == ("service_direction",)
    assert m.columns_of("languages") == ("langues_parlees",)
    assert m.columns_of("offers") == ("que_pouvez_vous_apporter_a_votre_binome",
                                      "thematiques_qui_vous_interessent")
    assert m.columns_of("wants") == ("que_souhaitez_vous_apprendre",)
    assert m.columns_of("manager_id") == ("responsable_hierarchique",)
    # Microsoft Forms' ID is a response number: never a person's id
    assert set(m.ignored) == {"id", "heure_de_debut", "heure_de_fin"}
    assert "response number" in proposal.column("ID").reason
    assert m.generate_ids
    assert m.value_maps["years_experience"] == {"0-2 ans": 1.0, "3-5 ans": 4.0}
    assert set(m.checkbox) == {"langues_parlees", "thematiques_qui_vous_interessent"}


def test_microsoft_forms_mentees_ranges_and_unused_free_text(ms_forms):
    _, proposal = _proposal(ms_forms["ms_mentees_fr.xlsx"], "mentee")
    m = proposal.mapping
    assert m.value_maps["years_experience"] == {"Plus de 10 ans": 10.0, "6-10 ans": 8.0}
    assert m.columns_of("location") == ("site",)
    assert m.columns_of("wants") == ("que_souhaitez_vous_apprendre",
                                     "thematiques_qui_vous_interessent")
    assert proposal.unused == ("avez_vous_des_contraintes_de_disponibilite",)
    assert "free text" in proposal.column(
        "avez_vous_des_contraintes_de_disponibilite").reason


def test_languages_like_column_left_unmapped_is_a_warning():
    header = ["Email", "Full name", "Years of experience", "Programming languages you use",
              "What do you want to learn?"]
    rows = [
        (2, {"email": "a@x.org", "full_name": "Ann Lee", "years_of_experience": "3",
             "programming_languages_you_use": "Python, R",
             "what_do_you_want_to_learn": "I want to learn to lead a team."}),
        (3, {"email": "b@x.org", "full_name": "Bo Chen", "years_of_experience": "12",
             "programming_languages_you_use": "Java",
             "what_do_you_want_to_learn": "How young people use social media."}),
    ]
    proposal = propose_mapping(header, rows)
    assert proposal.mapping.columns_of("languages") == ()
    assert "Programming languages you use" in proposal.unused
    warning = next(w for w in proposal.warnings if "Programming languages you use" in w)
    assert "looks like languages" in warning
    # applying a mapping that leaves such a column out warns too
    mapped = apply_mapping(rows, proposal.mapping, "people.csv", guesser=StopWordGuesser())
    assert any("programming_languages_you_use" in w and "looks like languages" in w
               for w in mapped.report.warnings)
    assert "programming_languages_you_use" in mapped.report.unused


def test_a_header_alone_is_enough_for_a_proposal():
    proposal = propose_mapping(make_forms.MS_MENTEES_HEADER)
    assert proposal.mapping.columns_of("languages") == ("Langues parlées",)
    assert proposal.mapping.columns_of("email") == ("Adresse de messagerie",)
    assert proposal.mapping.columns_of("years_experience") == ("Nombre d'années d'expérience",)
    assert set(proposal.mapping.ignored) == {"Heure de début", "Heure de fin"}


def test_an_email_header_whose_answers_are_not_addresses_is_not_used():
    rows = [(i, {"email": "anonymous", "name": f"P{i}", "years": str(i)}) for i in range(2, 6)]
    proposal = propose_mapping(["Email", "Name", "Years"], rows)
    assert proposal.mapping.columns_of("email") == ()
    assert any("'Email' looks like email" in w for w in proposal.warnings)


# --------------------------------------------------------------------------- mapping file
def test_mapping_saved_then_loaded_is_equal(tmp_path, ms_forms):
    for path, role in ((GOOGLE_MENTEES, "mentee"), (ms_forms["ms_mentors_fr.xlsx"], "mentor")):
        _, proposal = _proposal(path, role)
        saved = proposal.mapping.save(tmp_path / "workspace" / "mapping.json")
        loaded = ColumnMapping.load(saved)
        assert loaded == proposal.mapping
        assert json.loads(saved.read_text(encoding="utf-8"))["version"] == MAPPING_VERSION
        assert ColumnMapping.from_json(proposal.mapping.to_json()) == proposal.mapping
        assert ColumnMapping.load(saved).with_role(None) != proposal.mapping
    _, google = _proposal(GOOGLE_MENTEES, "mentee")
    text = google.mapping.save(tmp_path / "google.json").read_text(encoding="utf-8")
    assert '"Português": "pt"' in text  # written as the coordinator reads it


def test_hand_written_mapping_file(tmp_path):
    path = tmp_path / "mapping.json"
    path.write_text(json.dumps({
        "version": 1, "role": "mentor",
        "fields": {"email": "Email Address", "name": ["Full name"],
                   "years_experience": "What is your current position?",
                   "offers": ["What can you offer a mentee?", "Research areas"]},
        "checkbox": ["Research areas"],
        "value_maps": {"years_experience": {"Postdoc": 6}},
    }), encoding="utf-8")
    mapping = ColumnMapping.load(path)
    assert mapping.columns_of("email") == ("Email Address",)
    assert mapping.role == "mentor" and not mapping.generate_ids
    assert mapping.is_checkbox("research_areas")


@pytest.mark.parametrize(("content", "column", "words"), [
    ("{not json", None, "not a JSON file (line 1"),
    ('["fields"]', None, "must be a JSON object"),
    ('{"version": 1, "fields": {"wantz": ["Goals"]}}', "fields.wantz", "did you mean 'wants'"),
    ('{"version": 1, "fields": {"wants": 3}}', "fields.wants", "a column name or a list"),
    ('{"version": 1, "feilds": {}}', "feilds", "did you mean 'fields'"),
    ('{"fields": {}}', "version", "missing version"),
    ('{"version": 7, "fields": {}}', "version", "newer version"),
    ('{"version": 1, "role": "boss"}', "role", "must be one of mentor, mentee, either"),
    ('{"version": 1, "value_maps": {"years_experience": {"Postdoc": "six"}}}',
     "value_maps.years_experience", "'Postdoc': years must be a number from 0 to 70"),
    ('{"version": 1, "value_maps": {"languages": {"Castellano": "spanish"}}}',
     "value_maps.languages", "ISO 639-1 code"),
    ('{"version": 1, "fields": {"offers": ["Goals"], "wants": ["goals"]}}', "fields.wants",
     "already feeds offers"),
    ('{"version": 1, "fields": {"wants": ["Goals"]}, "ignored": ["Goals"]}', "ignored",
     "both ignored and used"),
    ('{"version": 1, "generate_ids": "yes"}', "generate_ids", "must be true or false"),
])
def test_malformed_mapping_file_names_the_file_and_the_key(tmp_path, content, column, words):
    path = tmp_path / "my-mapping.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        ColumnMapping.load(path)
    problems = caught.value.problems
    assert len(problems) == 1, problems
    assert problems[0].source == "my-mapping.json"
    assert problems[0].row is None
    assert problems[0].column == column
    assert words in problems[0].message
    assert "my-mapping.json" in str(caught.value)


def test_missing_mapping_file(tmp_path):
    with pytest.raises(ValidationError, match="mapping file not found"):
        ColumnMapping.load(tmp_path / "absent.json")


# --------------------------------------------------------------------------- applying
def test_google_mentees_become_valid_people(guesser):
    rows, proposal = _proposal(GOOGLE_MENTEES, "mentee")
    mapped = apply_mapping(rows, proposal.mapping, "google_mentees_en.csv", guesser=guesser)
    assert not mapped.report.problems
    people = {p.name: p for p in people_from_mapped(mapped)}
    assert len(people) == len(make_forms.GOOGLE_MENTEES)
    ana, john, pedro = people["Ana Souza"], people["John Okafor"], people["Pedro Alves"]
    assert ana.years_experience == 1.0 and john.years_experience == 4.0
    assert people["Diego Ramírez"].years_experience == 0.0
    assert ana.languages == ("pt", "en")
    assert pedro.languages == ("en", "pt")  # "Português (nativo)", an "Other" answer
    assert people["Grace Mensah"].languages == ("en", "fr")
    assert all(p.role_preference == "mentee" for p in people.values())
    assert ana.email == "ana.souza@ufmg.example" and ana.department == "Computer Science"
    assert ana.location == "Brazil"
    # three columns feed wants, a line each: checkbox items split, free text whole and labelled
    assert john.wants.splitlines() == [
        "Computer Vision; Robotics",
        "Industry research; Startup",
        "What skills would you like to develop ▸ I want to learn how to move from academia "
        "to industry, and how to negotiate a first job offer.",
    ]
    # ids generated from the e-mail address, said in the report
    report = mapped.report
    assert len(report.generated_ids) == len(people)
    assert {i for _, i, _ in report.generated_ids} == {p.id for p in people.values()}
    assert all(how == "the e-mail address" for _, _, how in report.generated_ids)
    assert ana.id.startswith("p-") and len(ana.id) == 12
    again = apply_mapping(rows, proposal.mapping, "again.csv", guesser=guesser)
    assert again.rows[0][1]["id"] == mapped.rows[0][1]["id"]  # stable from one import to the next
    # Mariana gave no languages: guessed from her Portuguese answer, and reported
    assert people["Mariana Lima"].languages == ("pt",)
    assert report.guessed_languages == ((5, ("pt",)),)
    assert report.unused == ("how_did_you_hear_about_the_programme",)
    text = "\n".join(report.describe())
    assert "row 5 pt" in text
    assert "Ids generated for 10 rows (from the e-mail address): row 2 'p-" in text
    assert "'timestamp' -> ignored" in text and "'research_areas' -> wants (checkbox)" in text


def test_microsoft_forms_mentors_and_mentees_become_valid_people(ms_forms, guesser):
    people = {}
    reports = {}
    for name, role, header in (("ms_mentors_fr.xlsx", "mentor", make_forms.MS_MENTORS_HEADER),
                               ("ms_mentees_fr.xlsx", "mentee", None)):
        rows = read_table(ms_forms[name])
        # the form's own wording when the caller has it, else the keys read_table gives
        proposal = propose_mapping(header or header_of(rows), rows, role=role)
        mapped = apply_mapping(rows, proposal.mapping, name, guesser=guesser)
        reports[name] = mapped.report
        people.update({p.name: p for p in people_from_mapped(mapped)})
    ines, sylvie, anne = people["Inès Benali"], people["Sylvie Martin"], people["Anne Leroy"]
    assert ines.years_experience == 1.0 and people["Léa Moreau"].years_experience == 4.0
    assert sylvie.years_experience == 10.0 and anne.years_experience == 8.0
    assert ines.languages == ("fr", "en") and people["Karim Saïd"].languages == ("fr", "ar")
    assert ines.role_preference == "mentor" and sylvie.role_preference == "mentee"
    # the manager, given by e-mail address, gets the id generated for that address
    assert ines.manager_id == sylvie.id
    assert ines.offers.splitlines() == [
        "Que pouvez-vous apporter à votre binôme ▸ Je gère le compte TikTok du recrutement et je "
        "connais les attentes des jeunes diplômés.", "Réseaux sociaux; Recrutement"]
    # read_table's keys: the label lost its accents
    assert sylvie.wants.splitlines()[0].startswith("Que souhaitez vous apprendre ▸ Je veux")
    assert anne.languages == ("fr",)
    assert reports["ms_mentees_fr.xlsx"].guessed_languages == ((4, ("fr",)),)
    assert "avez_vous_des_contraintes_de_disponibilite" in reports["ms_mentees_fr.xlsx"].unused
    assert len({p.id for p in people.values()}) == len(people)


def test_a_category_the_mapping_does_not_know_is_a_warning_of_its_row_and_column(guesser):
    """An answer the value map does not know (a new export brought it) keeps its row: it
    counts as the median of the years the map gives, and a warning names row, column and
    answer; the coordinator who adds it gets it read."""
    rows, proposal = _proposal(GOOGLE_MENTORS, "mentor")
    data = proposal.mapping.to_dict()
    del data["value_maps"]["years_experience"]["Industry Researcher"]
    known = list(data["value_maps"]["years_experience"].values())
    mapped = apply_mapping(rows, ColumnMapping.from_dict(data), "google_mentors_en.csv",
                           guesser=guesser)
    assert not mapped.report.problems
    warning = next(w for w in mapped.report.warnings if "Industry Researcher" in w)
    assert warning.startswith("row 6, column 'what_is_your_current_position'")
    assert "value_maps" in warning
    people = {p.name: p for p in people_from_mapped(mapped)}
    import statistics

    assert people["Amara Diallo"].years_experience == statistics.median(known)
    # the coordinator adds the category: it is read
    data["value_maps"]["years_experience"]["Industry researcher"] = 7
    mapped = apply_mapping(rows, ColumnMapping.from_dict(data), "google_mentors_en.csv",
                           guesser=guesser)
    people = {p.name: p for p in people_from_mapped(mapped)}
    assert people["Amara Diallo"].years_experience == 7
    assert people["Miguel Torres"].capacity == 3
    assert people["Helena Costa"].languages == ("pt", "en", "es")
    assert people["Helena Costa"].offers.startswith("Computational Biology\nWhat can you offer "
                                                   "a mentee ▸ Posso ajudar")
    labelled = ColumnMapping.from_dict({**data, "labels": {
        "research_areas": "Research areas", "what_can_you_offer_a_mentee": ""}})
    mapped = apply_mapping(rows, labelled, "google_mentors_en.csv", guesser=guesser)
    assert mapped.rows[0][1]["offers"].splitlines() == [
        "Research areas ▸ Computational Biology",
        "Posso ajudar com escrita científica, bolsas de pós-doutorado e a vida no exterior."]


def test_mapped_rows_go_through_ingest_validation_unchanged(guesser):
    rows, proposal = _proposal(GOOGLE_MENTEES, "mentee")
    mapped = apply_mapping(rows, proposal.mapping, "m.csv", guesser=guesser)
    assert validate_people(mapped.rows, "m.csv") == people_from_mapped(mapped)
    assert {k for _, row in mapped.rows for k in row} <= set(PEOPLE_COLUMNS)
    # a seniority answered as a category is also the person's level (a ladder reads it)
    position = next(c for c in proposal.mapping.columns_of("years_experience"))
    assert [row["level"] for _, row in mapped.rows] == [
        r[position] for _, r in rows if any(str(v).strip() for v in r.values())]
    assert "Master's Student" in {row["level"] for _, row in mapped.rows}


def test_validation_problems_come_with_the_mapping_problems():
    mapping = ColumnMapping(fields={"id": ("ID",), "name": ("Name",), "years_experience": (
        "Level",), "languages": ("Languages",), "wants": ("Wants",)})
    rows = [(2, {"id": "a", "name": "Ann", "level": "Guru", "languages": "Klingon, English",
                 "wants": "I want to learn."}),
            (3, {"id": "b", "name": "", "level": "4", "languages": "fr", "wants": ""})]
    mapped = apply_mapping(rows, mapping, "f.csv", guesser=StopWordGuesser())
    assert mapped.rows[0][1]["languages"] == "en"
    # what the mapping could not read is a warning; what a person lacks, an error
    assert any(w.startswith("row 2, column 'Level': 'Guru'") for w in mapped.report.warnings)
    assert any(w.startswith("row 2, column 'Languages': 'Klingon' names no language")
               for w in mapped.report.warnings)
    with pytest.raises(ValidationError) as caught:
        people_from_mapped(mapped)
    found = [(p.row, p.column) for p in caught.value.problems]
    assert found == [(3, "name"), (3, "profile")]
    # "" in the value map ignores an answer on purpose
    quiet = ColumnMapping(fields=mapping.fields, value_maps={
        "languages": {"klingon": ""}, "years_experience": {"Guru": 30}})
    again = apply_mapping(rows[:1], quiet, "f.csv", guesser=StopWordGuesser())
    assert people_from_mapped(again)[0].languages == ("en",)
    assert people_from_mapped(again)[0].years_experience == 30


def test_a_column_the_file_lacks_is_named_with_the_columns_it_has():
    mapping = ColumnMapping(fields={"id": ("ID",), "name": ("Name",),
                                    "years_experience": ("Years",), "wants": ("Wants",),
                                    "languages": ("Which languages do you speak?",)})
    rows = [(2, {"id": "a", "name": "Ann", "years": 3, "wants": "To learn.",
                 "langues": "fr"})]
    mapped = apply_mapping(rows, mapping, "f.csv", guesser=StopWordGuesser())
    problem = mapped.report.problems[0]
    assert problem.row is None and problem.column == "Which languages do you speak?"
    assert "no such column" in problem.message and "langues" in problem.message
    assert any("'langues' looks like languages" in w for w in mapped.report.warnings)


def test_role_for_the_whole_file_and_names_from_the_email():
    mapping = ColumnMapping(fields={"email": ("Mail",), "years_experience": ("Years",),
                                    "profile": ("About",), "role_preference": ("Role",)},
                            generate_ids=True, detect_languages=False)
    rows = [(2, {"mail": "jean-luc.picard@x.org", "years": "20", "about": "Captain.",
                 "role": "mentee"})]
    mapped = apply_mapping(rows, mapping.with_role("mentor"), "f.csv")
    person = people_from_mapped(mapped)[0]
    assert person.role_preference == "mentor"
    assert person.name == "Jean Luc Picard"
    assert mapped.report.generated_names == ((2, "Jean Luc Picard"),)
    assert person.languages == () and mapped.report.guessed_languages == ()


def test_free_text_is_never_split_on_commas():
    mapping = ColumnMapping(fields={"id": ("id",), "name": ("name",),
                                    "years_experience": ("years",), "offers": ("offers",)},
                            detect_languages=False)
    text = "I can help with Python, R and statistics, and with writing."
    mapped = apply_mapping([(2, {"id": "a", "name": "A", "years": 1, "offers": text})],
                           mapping)
    assert mapped.rows[0][1]["offers"] == text


# --------------------------------------------------------------------------- values
@pytest.mark.parametrize(("answer", "years"), [
    ("0-2 ans", 1.0), ("3-5 ans", 4.0), ("6-10 ans", 8.0), ("3 - 5 years", 4.0),
    ("Plus de 10 ans", 10.0), ("10+ years", 10.0), ("More than 15 years", 15.0),
    ("Moins de 2 ans", 1.0), ("less than 1 year", 0.5), ("6 mois", 0.5), ("7", 7.0),
    ("12,5", 12.5), ("5 ans", 5.0),
    ("Undergraduate Student", 0.0), ("Master's Student", 1.0),
    ("Junior Ph.D. Student (1st or 2nd year of Ph.D.)", 2.0),
    ("Senior Ph.D. Student (3rd year or more of Ph.D.)", 4.0), ("Doctorant", 3.0),
    ("Postdoc", 6.0), ("Post-doctorant", 6.0), ("Faculty Member", 12.0),
    ("Maître de conférences", 12.0), ("Stagiaire", 0.0), ("Alternant", 1.0), ("Cadre", 10.0),
    ("Directeur", 20.0), ("Directrice commerciale", 20.0),
])
def test_suggest_years(answer, years):
    suggestion = suggest_years(answer)
    assert suggestion is not None and suggestion[0] == years, suggestion
    assert suggestion[1]


@pytest.mark.parametrize("answer", ["", "Other", "Autre", "Bonjour"])
def test_suggest_years_says_when_it_does_not_know(answer):
    assert suggest_years(answer) is None


@pytest.mark.parametrize(("name", "code"), [
    ("English", "en"), ("Anglais", "en"), ("Inglés", "en"), ("Inglês", "en"), ("EN", "en"),
    ("Français", "fr"), ("Francés", "fr"), ("Francês", "fr"), ("french", "fr"),
    ("Español", "es"), ("Espagnol", "es"), ("Castellano", "es"), ("Espanhol", "es"),
    ("Português", "pt"), ("Portugais", "pt"), ("Portugués", "pt"),
    ("Deutsch", "de"), ("Allemand", "de"), ("Alemán", "de"), ("Alemão", "de"),
    ("Italiano", "it"), ("Italien", "it"), ("Arabe", "ar"), ("Mandarin", "zh"),
])
def test_language_names_in_the_forms_languages(name, code):
    assert language_code(name) == code


def test_language_code_unknown():
    assert language_code("Klingon") is None


def test_a_short_word_inside_an_answer_is_not_a_language_code():
    mapping = ColumnMapping(fields={"id": ("id",), "name": ("name",), "years_experience": (
        "years",), "languages": ("langs",), "wants": ("wants",)}, detect_languages=False)
    rows = [(2, {"id": "a", "name": "A", "years": 1, "wants": "Aprender.",
                 "langs": "Inglés de nivel medio y español (nativo)"})]
    mapped = apply_mapping(rows, mapping)
    assert mapped.rows[0][1]["languages"] == "en;es" and not mapped.report.problems


def test_a_nationality_column_is_not_taken_for_languages():
    rows = [(i, {"nationality": n, "name": f"P{i}", "years": "3", "goals": "Learn to lead."})
            for i, n in enumerate(["French", "Spanish", "French", "Portuguese"], start=2)]
    proposal = propose_mapping(["Nationality", "Name", "Years", "Goals"], rows)
    assert proposal.mapping.columns_of("languages") == ()
    assert "Nationality" in proposal.unused


def test_what_a_file_lacks_without_a_mapping():
    assert missing_fields(["id", "nom", "années d'expérience", "profil"]) == []
    assert missing_fields(make_forms.GOOGLE_MENTEES_HEADER) == [
        "id", "years_experience", "profile/offers/wants"]


def test_form_key_names_a_form_whatever_the_order_and_case_of_its_columns():
    header = make_forms.MS_MENTORS_HEADER
    assert form_key(header) == form_key([h.upper() for h in reversed(header)])
    assert form_key(header) == form_key([canonical_column(h) for h in header])
    assert form_key(header) != form_key(make_forms.MS_MENTEES_HEADER)


def test_an_unknown_candidate_language_is_a_problem_of_the_mapping():
    """"qq" is two letters but no ISO 639-1 code: the mapping is refused when made, before
    any row is read."""
    with pytest.raises(ValidationError, match=r"candidate_languages.*'qq' is not an ISO 639-1"):
        ColumnMapping(fields={"id": ("id",), "name": ("name",), "years_experience": (
            "years",), "wants": ("wants",)}, candidate_languages=("fr", "qq"))


def test_split_items():
    assert split_items("Machine Learning, Computer Vision") == ["Machine Learning",
                                                                "Computer Vision"]
    assert split_items("Français;Anglais;") == ["Français", "Anglais"]
    assert split_items("A (x, y), B\nC, B") == ["A (x, y)", "B", "C"]
    assert split_items(None) == []


# --------------------------------------------------------------------------- language ids
@pytest.mark.parametrize(("text", "code"), [
    ("Je veux apprendre à gérer une équipe et à parler en public.", "fr"),
    ("I want to learn how to lead a team and speak in public.", "en"),
    ("Quiero aprender a liderar un equipo y hablar en público.", "es"),
    ("Quero aprender a liderar uma equipe e falar em público.", "pt"),
    ("Bioinformática, genómica, biología computacional.", "es"),
])
def test_langid_guesser(guesser, text, code):
    assert guesser.guess(text)[0][0] == code


def test_langid_guesser_finds_two_languages_in_a_mixed_profile(guesser):
    text = ("Je travaille dans la logistique depuis trois ans. "
            "I would like to learn how to manage a budget and a team.")
    assert [lang for lang, _ in guesser.guess(text)] == ["en", "fr"]
    assert guesser.guess("") == []


def test_langid_guesser_keeps_to_its_candidates():
    only = LangidGuesser(("fr", "en"))
    assert only.candidates == ("fr", "en")
    assert only.guess("Quiero aprender a liderar un equipo.")[0][0] in ("fr", "en")
    with pytest.raises(ValueError, match="xx"):
        LangidGuesser(("fr", "xx"))


def test_stop_word_baseline():
    baseline = StopWordGuesser()
    assert baseline.guess("Je veux apprendre le budget et la gestion.") == [("fr", 1.0)]
    assert baseline.guess("Bioinformatics genomics") == []
