"""A kit's files, read back with the standard library's e-mail parser and icalendar: the
introduction in French and English, To: both when known, the invitation inside both days."""

from __future__ import annotations

import datetime as dt
import email.policy
import re
import zipfile
from email.parser import BytesParser
from urllib.parse import unquote

import icalendar
import pytest

from recommender.kit import PairKit, write_kits, zip_kits
from recommender.kit.ics import escape_text, fold_line, invitation

from .conftest import MONDAY


def parse_eml(kit: PairKit) -> email.message.EmailMessage:
    message = BytesParser(policy=email.policy.default).parsebytes(kit.eml)
    assert isinstance(message, email.message.EmailMessage)
    return message


def parse_ics(text: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar.from_ical(text)
    assert isinstance(calendar, icalendar.Calendar)
    return calendar


def event_of(text: str) -> icalendar.Event:
    events = parse_ics(text).walk("VEVENT")
    assert len(events) == 1
    return events[0]


@pytest.mark.parametrize("language, hello, topics_head, start", [
    ("en", "Hello Yanis, hello Michel", "Your first topics", "To start:"),
    ("fr", "Bonjour Yanis, bonjour Michel", "Vos premiers sujets", "Pour commencer :"),
])
def test_the_demo_pair_is_introduced_in_english_and_french(demo, language, hello,
                                                           topics_head, start):
    kit = demo.pair_kit("P031", "P001", language, first_day=MONDAY)
    assert kit.language == language
    message = parse_eml(kit)
    assert message["Subject"] == kit.subject and "Yanis Belkacem" in kit.subject
    assert {a.addr_spec for a in message["To"].addresses} == {
        "yanis.belkacem@lumen.example", "michel.garnier@lumen.example"}
    assert message["Date"] is not None and message["Message-ID"]
    assert message["X-Unsent"] == "1"
    body = message.get_body(("plain",))
    assert body is not None and body.get_content_charset() == "utf-8"
    text = body.get_content()
    assert text.replace("\r\n", "\n") == kit.body
    assert text.startswith(hello)
    # why they were paired, quoted from their own answers
    assert "pourquoi les jeunes préparateurs quittent le magasin" in text
    # the first three topics, each with a starter
    topics = text.split(topics_head, 1)[1]
    assert re.search(r"^1\. .+\n   " + re.escape(start), topics, re.M)
    assert re.search(r"^3\. ", topics, re.M) and not re.search(r"^4\. ", topics, re.M)
    assert topics.count(start) == 3
    # the invitation travels with the message, the same as the .ics file
    [attached] = [p for p in message.iter_attachments()]
    assert attached.get_content_type() == "text/calendar"
    assert attached.get_filename() == "first-meeting.ics"
    assert attached.get_content().replace("\r\n", "\n") == kit.ics.replace("\r\n", "\n")


def test_the_invitation_is_rfc_5545(demo):
    kit = demo.pair_kit("P031", "P001", "fr", first_day=MONDAY)
    assert "\r\n" in kit.ics and "\n" not in kit.ics.replace("\r\n", "")
    assert all(len(line.encode()) <= 75 for line in kit.ics.split("\r\n"))
    calendar = parse_ics(kit.ics)
    assert calendar["METHOD"] == "PUBLISH" and calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    event = event_of(kit.ics)
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert start.tzinfo is not None and start.utcoffset() == dt.timedelta(0)
    assert end - start == dt.timedelta(minutes=60)
    assert start == kit.slot.start and start.date() >= MONDAY
    assert event["UID"] and event.decoded("DTSTAMP").tzinfo is not None
    attendees = {str(a) for a in event.get("ATTENDEE")}
    assert attendees == {"mailto:yanis.belkacem@lumen.example",
                         "mailto:michel.garnier@lumen.example"}
    assert "Yanis Belkacem" in str(event["SUMMARY"])
    # the same pair and slot give the same event (a second import updates it)
    again = demo.pair_kit("P031", "P001", "fr", first_day=MONDAY)
    assert event_of(again.ics)["UID"] == event["UID"]


def test_the_pair_language_is_the_default(demo):
    kit = demo.pair_kit("P031", "P001", first_day=MONDAY)  # both speak French
    assert kit.language == "fr" and kit.body.startswith("Bonjour")


def test_a_pair_without_e_mail_addresses_still_gets_its_files(workspace, tmp_path):
    kit = workspace.pair_kit("m3", "s3", first_day=MONDAY)
    assert kit.recipients == ()
    message = parse_eml(kit)
    assert message["To"] is None and message["Subject"]
    assert "ATTENDEE" not in kit.ics
    assert event_of(kit.ics).decoded("DTSTART")
    assert kit.mailto.startswith("mailto:?subject=")
    written = {p.name for p in write_kits([kit], tmp_path / "kits")}
    assert written == {"m3_s3.eml", "m3_s3.ics", "m3_s3.txt", "index.html"}
    index = (tmp_path / "kits" / "index.html").read_text(encoding="utf-8")
    assert "aucune adresse" not in index and "no e-mail address known" in index
    assert oct((tmp_path / "kits" / "m3_s3.eml").stat().st_mode & 0o777) == "0o600"


def test_mailto_links_carry_the_introduction(workspace):
    kit = workspace.pair_kit("m1", "s1", first_day=MONDAY)
    assert kit.mailto.startswith("mailto:ines.martin@example.org,sylvie.renaud@example.org?")
    query = kit.mailto.split("?", 1)[1]
    parts = dict(part.split("=", 1) for part in query.split("&"))
    assert unquote(parts["subject"]) == kit.subject
    assert unquote(parts["body"]) == kit.body.replace("\n", "\r\n")
    assert " " not in kit.mailto and "\n" not in kit.mailto


def test_kits_of_accepted_pairs_are_written_and_zipped(workspace, tmp_path):
    kits = workspace.pair_kits(first_day=MONDAY)
    assert {k.key for k in kits} == {("m1", "s1"), ("m2", "s2"), ("m3", "s3")}
    assert {k.key: k.language for k in kits} == {("m1", "s1"): "fr", ("m2", "s2"): "en",
                                                 ("m3", "s3"): "fr"}
    path = zip_kits(kits, tmp_path / "kits.zip", "en", {"checkin.csv": b"x"})
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    names = set(zipfile.ZipFile(path).namelist())
    assert {"index.html", "checkin.csv", "m2_s2.eml", "m2_s2.ics", "m2_s2.txt"} <= names
    index = zipfile.ZipFile(path).read("index.html").decode()
    assert index.count('href="mailto:') == 3
    assert workspace.pair_kits(("active",)) == []


def test_long_lines_are_folded_within_utf8_characters():
    line = "DESCRIPTION:" + escape_text("Réunion; « première », très longue " * 6)
    folded = fold_line(line)
    pieces = folded.split("\r\n")
    assert all(len(p.encode()) <= 75 for p in pieces)
    assert "".join(p[1:] if i else p for i, p in enumerate(pieces)) == line
    text = invitation("Été, café; «ok»", "Ligne 1\nLigne 2, avec ; et \\", dt.datetime(
        2026, 9, 7, 8, tzinfo=dt.UTC), dt.datetime(2026, 9, 7, 9, tzinfo=dt.UTC),
        [('Anne "Nana" Roy, Jr', "anne@example.org")], "seed",
        dt.datetime(2026, 9, 1, tzinfo=dt.UTC), "Lyon", ("Coordination", "coord@example.org"))
    event = event_of(text)
    assert str(event["SUMMARY"]) == "Été, café; «ok»"
    assert str(event["DESCRIPTION"]) == "Ligne 1\nLigne 2, avec ; et \\"
    assert str(event["ORGANIZER"]) == "mailto:coord@example.org"
    assert event["ATTENDEE"].params["CN"] == "Anne Nana Roy, Jr"


def test_a_pair_listed_twice_or_a_bad_extra_name_writes_nothing(workspace, tmp_path):
    kit = workspace.pair_kit("m1", "s1", first_day=MONDAY)
    with pytest.raises(ValueError, match=r"two kit files are named 'm1_s1\.eml'"):
        write_kits([kit, kit], tmp_path / "twice")
    with pytest.raises(ValueError, match="not a plain file name"):
        zip_kits([kit], tmp_path / "kits.zip", "en", {"../escape.txt": b"x"})
    assert not (tmp_path / "twice").exists() and not (tmp_path / "kits.zip").exists()
    assert not (tmp_path / "escape.txt").exists()
