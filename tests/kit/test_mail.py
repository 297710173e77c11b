"""The e-mail and the invitation against hostile or unusual text: names and addresses with
line breaks, commas, quotes, accents and Chinese; addresses that are not addresses; long
lines; the invitation's folding, escaping and UID. Read back with the standard library's
e-mail parser and icalendar."""

from __future__ import annotations

import datetime as dt
import email.policy
import re
from email.message import EmailMessage
from email.parser import BytesParser

import icalendar
import pytest

from recommender.kit import clean_address, index_html, mailto_link, message_bytes
from recommender.kit.compose import file_stem
from recommender.kit.ics import escape_text, fold_line, invitation
from recommender.kit.records import KitSettings

from .conftest import MONDAY

NOW = dt.datetime(2026, 9, 1, 8, 30, tzinfo=dt.UTC)


def parse(raw: bytes) -> EmailMessage:
    message = BytesParser(policy=email.policy.default).parsebytes(raw)
    assert isinstance(message, EmailMessage)
    return message


def header_names(raw: bytes) -> list[str]:
    """The names of the message's top-level headers, as written."""
    head = raw.split(b"\r\n\r\n", 1)[0].decode("ascii")
    return [line.split(":", 1)[0] for line in head.split("\r\n") if line[:1] not in " \t"]


@pytest.mark.parametrize("address, expected", [
    ("anne@example.org", "anne@example.org"),
    ("  Anne.Roy+mentoring@example.co.uk ", "Anne.Roy+mentoring@example.co.uk"),
    ("o'neil@example.org", "o'neil@example.org"),
    ("anne@exämple.fr", "anne@xn--exmple-cua.fr"),
    ("anne@example.org,evil@example.net", None),
    ("anne@example.org\nBcc: evil@example.net", None),
    ("Anne <anne@example.org>", None),
    ('"anne roy"@example.org', None),
    ("a@b@example.org", None),
    ("annë@example.org", None),
    ("anne@localhost", None),
    ("anne@-example.org", None),
    ("anne..roy@example.org", None),
    ("not an address", None),
    ("", None),
])
def test_only_plain_addresses_are_written(address, expected):
    assert clean_address(address) == expected


@pytest.mark.parametrize("name, shown", [
    ("Roy, Anne", "Roy, Anne"),
    ('Anne "Nana" Roy', 'Anne "Nana" Roy'),
    ("Inès Martin-Lefèvre", "Inès Martin-Lefèvre"),
    ("王小明", "王小明"),
    ("Anne\r\nBcc: evil@example.net", "Anne Bcc: evil@example.net"),
    ("Anne\u2028Roy\tJr", "Anne Roy Jr"),
])
def test_display_names_are_quoted_encoded_and_one_line(name, shown):
    raw = message_bytes("Présentation : 王小明 et Inès", "Bonjour\n", [(name, "anne@example.org")],
                        NOW)
    message = parse(raw)
    [address] = message["To"].addresses
    assert address.display_name == shown and address.addr_spec == "anne@example.org"
    assert message["Subject"] == "Présentation : 王小明 et Inès"
    assert "Bcc" not in header_names(raw) and message["Bcc"] is None
    assert not message["To"].defects
    raw.decode("ascii")  # headers encoded (RFC 2047), the body's 8 bits aside
    assert all(len(line) <= 78 for line in raw.split(b"\r\n"))


def test_a_subject_with_a_line_break_cannot_add_a_header():
    raw = message_bytes("Hello\r\nBcc: evil@example.net", "Body\n",
                        [("Anne", "anne@example.org")], NOW)
    message = parse(raw)
    assert message["Subject"] == "Hello Bcc: evil@example.net"
    assert message["Bcc"] is None and "Bcc" not in header_names(raw)


def test_addresses_that_are_not_plain_are_left_out_not_written():
    raw = message_bytes("S", "B\n", [("Anne", "anne@example.org,evil@example.net"),
                                     ("Bob", "a@b@c"), ("Chen", "chen@example.cn")], NOW,
                        sender=("Coord", "nobody"))
    message = parse(raw)
    assert [a.addr_spec for a in message["To"].addresses] == ["chen@example.cn"]
    assert message["From"] is None
    assert b"evil" not in raw and b"a@b@c" not in raw
    link = mailto_link("S", "B", ["anne@example.org,evil@example.net", "chen@example.cn",
                                  "x?cc=evil@example.net"])
    # a legal address holding "?" and "=" stays one address: encoded, it adds no header
    assert link.startswith("mailto:chen@example.cn,x%3Fcc%3Devil@example.net?subject=S&")
    assert link.count("?") == 1 and "anne@" not in link


def test_long_lines_and_long_subjects_are_folded():
    subject = "Présentation de " + "Jean-Baptiste Alexandre de La Rochefoucauld " * 4
    body = "Une très longue phrase sans retour à la ligne, " * 60 + "\n"
    raw = message_bytes(subject, body, [("Jean-Baptiste Alexandre de La Rochefoucauld "
                                         "d'Estissac", "jb@example.org")], NOW)
    assert all(len(line) <= 78 for line in raw.split(b"\r\n"))
    message = parse(raw)
    assert message["Subject"] == subject.strip()
    plain = message.get_body(("plain",))
    assert plain is not None and plain.get_content().replace("\r\n", "\n") == body


def test_kits_of_people_with_hostile_names_and_addresses(workspace):
    workspace.add_people([
        {"id": "m7", "name": "Roy, Anne", "years_experience": 1, "languages": "en",
         "email": "anne@example.org", "role_preference": "mentor", "utc_offset": "+1",
         "offers": "I run our LinkedIn and Instagram accounts and edit short videos."},
        {"id": "s7", "name": "王小明\nBcc: evil@example.net", "years_experience": 20,
         "languages": "en", "email": "a,b@example.org", "role_preference": "mentee",
         "utc_offset": "+8", "wants": "I want to learn LinkedIn and short videos."}])
    workspace.add_pair("m7", "s7", status="accepted")
    kit = workspace.pair_kit("m7", "s7", first_day=MONDAY)
    message = parse(kit.eml)
    assert [a.addr_spec for a in message["To"].addresses] == ["anne@example.org"]
    assert message["To"].addresses[0].display_name == "Roy, Anne"
    assert message["Bcc"] is None and "Bcc" not in header_names(kit.eml)
    assert message["Subject"] == "Introducing Roy, Anne and 王小明 Bcc: evil@example.net"
    assert kit.recipients == ("anne@example.org",)
    assert kit.invalid_emails == (("王小明 Bcc: evil@example.net", "a,b@example.org"),)
    assert kit.body.startswith("Hello Anne, hello 王小明,")
    assert "a,b@example.org" not in kit.ics and "a%2Cb" not in kit.mailto
    event = icalendar.Calendar.from_ical(kit.ics).walk("VEVENT")[0]
    assert [str(a) for a in [event["ATTENDEE"]]] == ["mailto:anne@example.org"]
    assert str(event["SUMMARY"]) == "First meeting: Roy, Anne and 王小明 Bcc: evil@example.net"
    index = index_html([kit], "en")
    assert "王小明 Bcc: evil@example.net: left out, not an e-mail address: " \
        "<code>a,b@example.org</code>" in index
    assert kit.stem == "m7_s7"


def test_a_coordinator_address_must_be_an_address():
    with pytest.raises(ValueError, match="coordinator_email 'coord' is not an e-mail address"):
        KitSettings(coordinator_email="coord")
    with pytest.raises(ValueError, match="meeting_minutes must be a whole number"):
        KitSettings.from_dict({"meeting_minutes": "60"})
    with pytest.raises(ValueError, match="kit: expected settings by name"):
        KitSettings.from_dict("programme")
    with pytest.raises(ValueError, match="programme must be a text, got 3"):
        KitSettings.from_dict({"programme": 3})
    settings = KitSettings.from_dict({"programme": "Tandem\n2026", "meeting_minutes": 45.0})
    assert settings.programme == "Tandem 2026" and settings.meeting_minutes == 45
    assert isinstance(settings.meeting_minutes, int)


# ---------------------------------------------------------------------- the invitation
@pytest.mark.parametrize("char", ["é", "€", "中", "😀"])
def test_folding_never_splits_a_character_wherever_it_falls(char):
    for shift in range(8):
        line = "DESCRIPTION:" + "x" * shift + char * 80
        folded = fold_line(line)
        assert folded.endswith("\r\n")
        pieces = folded[:-2].split("\r\n")
        assert all(len(p.encode("utf-8")) <= 75 for p in pieces)
        assert all(p.startswith(" ") for p in pieces[1:])
        assert pieces[0] + "".join(p[1:] for p in pieces[1:]) == line  # decoded pieces


def test_text_values_are_escaped_and_read_back():
    assert escape_text("a,b;c\\d\ne\r\nf\rg") == "a\\,b\\;c\\\\d\\ne\\nf\\ng"
    summary = "Été, café; «ok» \\ fin"
    description = "Ligne 1\nLigne 2, avec ; et \\ et 中文\x0b"
    text = invitation(summary, description, dt.datetime(2026, 9, 7, 8, tzinfo=dt.UTC),
                      dt.datetime(2026, 9, 7, 9, tzinfo=dt.UTC),
                      [("Roy, Anne\nJr", "anne@example.org"), ("Bob", "not an address")],
                      "seed", NOW)
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    event = icalendar.Calendar.from_ical(text).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == summary
    assert str(event["DESCRIPTION"]) == description.replace("\x0b", "")
    attendee = event["ATTENDEE"]
    assert str(attendee) == "mailto:anne@example.org" and attendee.params["CN"] == "Roy, Anne Jr"
    assert "DTSTART:20260907T080000Z\r\n" in text and "DTEND:20260907T090000Z\r\n" in text
    assert "DTSTAMP:20260901T083000Z\r\n" in text


def test_start_and_end_are_written_in_utc_whatever_the_zone_given():
    paris = dt.timezone(dt.timedelta(hours=2))
    text = invitation("S", "D", dt.datetime(2026, 9, 7, 10, tzinfo=paris),
                      dt.datetime(2026, 9, 7, 11, tzinfo=paris), [], "seed", NOW)
    assert "DTSTART:20260907T080000Z\r\n" in text and "DTEND:20260907T090000Z\r\n" in text


def test_the_uid_is_the_pairs_stable_from_one_kit_to_the_next(workspace):
    first = workspace.pair_kit("m1", "s1", first_day=MONDAY)
    later = workspace.pair_kit("m1", "s1", first_day=MONDAY + dt.timedelta(days=14))
    other = workspace.pair_kit("m2", "s2", first_day=MONDAY)

    def uid(kit):
        return str(icalendar.Calendar.from_ical(kit.ics).walk("VEVENT")[0]["UID"])

    assert later.slot.start != first.slot.start
    assert uid(later) == uid(first)  # the new proposal moves the event: no second one
    assert uid(other) != uid(first)
    assert uid(first).endswith("@tandem.invalid") and len(uid(first)) > 40


@pytest.mark.parametrize("ids", [[("a_b", "c"), ("a", "b_c")], [("José", "x"), ("Jos-", "x")],
                                 [("a/b", "c"), ("a b", "c")], [("../x", "y"), ("x", "y")]])
def test_file_names_are_safe_and_never_shared(ids):
    stems = [file_stem(*pair) for pair in ids]
    assert len(set(stems)) == len(stems)
    assert all(re.fullmatch(r"[A-Za-z0-9.-]+_[A-Za-z0-9.-]+(-[0-9a-f]{8})?", s) for s in stems)
    assert file_stem("P031", "P001") == "P031_P001"  # plain ids stay as they are
