"""Introduction templates: the workspace's own win, a language can be added, a mistake is an
error naming the template and the line, HTML versions escape every field."""

from __future__ import annotations

import email.policy
from email.parser import BytesParser

import pytest

from recommender.kit import TEMPLATE_FIELDS, KitTemplate, KitTemplateError, render_template
from recommender.kit.render import check_template, load_template, template_languages

from .conftest import MONDAY


def own_template(rec, name: str, text: str) -> None:
    folder = rec.kit_template_folder
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")


def test_the_shipped_templates_use_only_known_fields():
    for language in ("en", "fr"):
        template = load_template(language, None)
        assert template is not None and template.origin == "shipped"
        check_template(template)
    assert load_template("es", None) is None and load_template("en", None, html=True) is None
    assert set(TEMPLATE_FIELDS) >= {"mentor", "mentee", "wish", "offer", "topics", "hours"}


def test_a_workspace_template_wins_and_is_previewed(workspace):
    own_template(workspace, "intro_fr.txt",
                 "Objet : Votre binôme {{ mentor.first_name }} + {{ mentee.first_name }}\n\n"
                 "{{ mentee.first_name }} a écrit « {{ wish }} ».\n"
                 "{% for t in topics %}- {{ t.title }}\n{% endfor %}")
    kit = workspace.pair_kit("m1", "s1", first_day=MONDAY)
    assert kit.subject == "Votre binôme Inès + Sylvie"
    assert kit.body.startswith("Sylvie a écrit « Je veux comprendre le recrutement sur TikTok")
    assert kit.body.count("\n- ") + kit.body.startswith("- ") >= 1
    # the English pair keeps the shipped English template
    assert workspace.pair_kit("m2", "s2", first_day=MONDAY).body.startswith("Hello Sam")


@pytest.mark.parametrize("text, line, says", [
    ("Subject: Hi\n\nHello {{ mentor.name }},\nyour {{ favourite_colour }} pair\n", 4,
     "unknown field 'favourite_colour'"),
    ("Subject: Hi\n\n{% if wish %}\n{{ wish }}\n", 4, "syntax error"),
    ("Subject: Hi\n\n{{ mentor.name }}\n{{ mentee.nmae }}\n", 4, "has no attribute 'nmae'"),
    ("Subject: Hi\n{% for t in topics %}\n{{ t.titel }}\n{% endfor %}\n", 3,
     "has no attribute 'titel'"),
])
def test_a_template_mistake_names_the_template_and_the_line(workspace, text, line, says):
    own_template(workspace, "intro_en.txt", text)
    with pytest.raises(KitTemplateError) as caught:
        workspace.pair_kit("m2", "s2", first_day=MONDAY)
    assert caught.value.template == "intro_en.txt" and caught.value.line == line
    assert f"intro_en.txt, line {line}: " in str(caught.value) and says in str(caught.value)


def test_an_unknown_field_lists_the_known_ones():
    template = KitTemplate("intro_en.txt", "{{ mentor.name }} {{ colour }}", "test")
    with pytest.raises(KitTemplateError, match="the fields are language, programme"):
        check_template(template)


@pytest.mark.parametrize("text, line", [
    ("Hello\n{{ ''.__class__ }}", 2),
    ("{{ ''.__class__.__mro__[1].__subclasses__() }}", 1),
    ("Hi\n\n{% if mentor.__class__ %}x{% endif %}", 3),
    ("{{ programme | attr('__class__') }}", 1),
    ("{{ '{0.__class__}'.format(programme) }}", 1),
])
def test_the_sandbox_keeps_python_out(text, line):
    template = KitTemplate("intro_en.txt", text, "test")
    with pytest.raises(KitTemplateError) as caught:
        render_template(template, {"mentor": {"name": "x"}, "programme": "P"})
    assert caught.value.line == line
    assert str(caught.value).startswith(f"intro_en.txt, line {line}: refused by the template "
                                        "sandbox: access to attribute '__class__'")


@pytest.mark.parametrize("text, line, says", [
    ("Hi\n{% include 'intro_fr.txt' %}", 2, "'include' is not available"),
    ("{% import 'macros.txt' as m %}", 1, "'import' is not available"),
    ("{% from 'macros.txt' import x %}", 1, "'import' is not available"),
    ("{% extends 'intro_fr.txt' %}", 1, "'extends' is not available"),
    ("Hi\n\n{{ 1 / 0 }}", 3, "ZeroDivisionError"),
    ("{{ 'x' * 1000000000 }}", 1, "a repetition longer than"),
    ("{{ 10 ** 100000 }}", 1, "an exponent above"),
])
def test_what_a_template_cannot_do_is_a_clear_error(text, line, says):
    with pytest.raises(KitTemplateError) as caught:
        render_template(KitTemplate("intro_en.txt", text, "test"), {"programme": "P"})
    assert caught.value.line == line and says in str(caught.value)


def test_a_template_file_that_is_not_utf8_or_too_long_is_named(workspace):
    folder = workspace.kit_template_folder
    folder.mkdir()
    (folder / "intro_en.txt").write_bytes("Subject: Café\n\nBonjour".encode("latin-1"))
    with pytest.raises(KitTemplateError, match=r"intro_en\.txt: not UTF-8 text \(byte 13\)"):
        workspace.pair_kit("m2", "s2", first_day=MONDAY)
    (folder / "intro_en.txt").write_text("x" * 500_000, encoding="utf-8")
    with pytest.raises(KitTemplateError, match=r"intro_en\.txt: 500000 bytes"):
        workspace.pair_kit("m2", "s2", first_day=MONDAY)


def test_a_language_the_workspace_adds_is_used_for_pairs_who_share_it(workspace):
    workspace.add_people([
        {"id": "m5", "name": "Lucía Gómez", "years_experience": 1, "languages": "es;en",
         "role_preference": "mentor", "offers": "Gestiono nuestra cuenta de TikTok."},
        {"id": "s5", "name": "Javier Ruiz", "years_experience": 20, "languages": "es",
         "role_preference": "mentee", "wants": "Quiero entender TikTok."}])
    workspace.add_pair("m5", "s5")
    assert workspace.pair_kit("m5", "s5", first_day=MONDAY).language == "en"  # no template
    own_template(workspace, "intro_es.txt",
                 "Subject: Presentación de {{ mentor.name }} y {{ mentee.name }}\n\n"
                 "Hola {{ mentor.first_name }} y {{ mentee.first_name }}.\n")
    assert template_languages(workspace.kit_template_folder) == ("en", "es", "fr")
    kit = workspace.pair_kit("m5", "s5", first_day=MONDAY)
    assert kit.language == "es" and kit.body == "Hola Lucía y Javier.\n"
    with pytest.raises(KitTemplateError, match="no introduction template in 'de'"):
        workspace.pair_kit("m5", "s5", "de")


def test_an_html_version_escapes_every_field(workspace):
    workspace.add_people([{"id": "m6", "name": "<script>alert(1)</script> Kim",
                           "years_experience": 1, "languages": "en", "email": "kim@example.org",
                           "role_preference": "mentor",
                           "offers": "I run our LinkedIn & <b>Instagram</b> accounts."}])
    workspace.add_pair("m6", "s2")
    own_template(workspace, "intro_en.html",
                 "<p>Hello {{ mentor.name }}: {{ offer }}</p>")
    kit = workspace.pair_kit("m6", "s2", "en", first_day=MONDAY)
    assert kit.html is not None and "<script>" not in kit.html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Kim" in kit.html
    assert "&amp; &lt;b&gt;Instagram&lt;/b&gt;" in kit.html
    message = BytesParser(policy=email.policy.default).parsebytes(kit.eml)
    html_part = message.get_body(("html",))
    assert html_part is not None and html_part.get_content().strip() == kit.html.strip()
    plain = message.get_body(("plain",))
    assert plain is not None and "<script>alert(1)</script> Kim" in plain.get_content()


def test_the_why_section_neither_repeats_nor_stands_empty(workspace):
    workspace.add_people([
        {"id": "a", "name": "Ann Lee", "years_experience": 2, "languages": "en",
         "role_preference": "mentor", "profile": "Accountant for our stores."},
        {"id": "b", "name": "Bob Ray", "years_experience": 20, "languages": "en",
         "role_preference": "mentee", "profile": "Lawyer for the group."}])
    workspace.add_pair("a", "b", status="accepted")
    kit = workspace.pair_kit("a", "b", first_day=MONDAY)
    assert "Why you two" in kit.body and "And the other way round" not in kit.body
    assert kit.body.count("Accountant for our stores") == 1
    own_template(workspace, "intro_en.txt", (
        "Subject: s\n\nHello\n\n{% if wish or offer %}\nWhy\n{{ wish }}\n\n{% endif %}\nEnd\n"))
    assert workspace.pair_kit("a", "b", first_day=MONDAY).body.startswith("Hello\n\nWhy\n")


@pytest.mark.parametrize("language, no_zone, zone", [
    ("en", "10:00–11:00. The attached", "10:00–11:00 (UTC+1). The attached"),
    ("fr", "10 h–11 h. L'invitation", "10 h–11 h (UTC+1). L'invitation"),
])
def test_the_meeting_time_says_its_time_zone_when_one_is_known(workspace, language, no_zone,
                                                               zone):
    # the .ics is in UTC: the introduction's local time must say which zone it is in
    assert zone in workspace.pair_kit("m1", "s1", language, first_day=MONDAY).body
    assert no_zone in workspace.pair_kit("m3", "s3", language, first_day=MONDAY).body
