"""The records of a pair kit: what the facade gathers for a pair, the programme's kit
settings, the meeting slot proposed, and the kit itself (texts and files' bytes).

Frozen dataclasses, no behaviour beyond reading and checking a settings mapping.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from ..records import Person, TopicSuggestion
from .mail import clean_address, one_line

__all__ = [
    "CheckinResult",
    "KitSettings",
    "MeetingSlot",
    "PairKit",
    "PairKitInput",
]


@dataclass(frozen=True)
class KitSettings:
    """What a programme says about its kits (``workspace.json``'s ``kit`` section; every
    field optional).

    Attributes:
        programme: the programme's name as the introductions write it ("" : none).
        coordinator: who signs the introductions ("": the programme team).
        coordinator_email: the ``From:`` of the ``.eml`` files and the ``ORGANIZER`` of the
            invitations ("": no ``From:``, the mail client fills it when the draft is sent).
        sessions_per_month: the cadence the programme expects.
        meeting_minutes: the length of the first meeting proposed.
        day_start, day_end: the working day assumed for everybody, local time (hours, 0-24):
            nobody's availability is known, so a meeting is proposed inside this window on
            weekdays in both people's time zones.
        days_ahead: the first meeting is proposed from this many days after the kit is made.
    """

    programme: str = ""
    coordinator: str = ""
    coordinator_email: str = ""
    sessions_per_month: float = 1.0
    meeting_minutes: int = 60
    day_start: float = 9.0
    day_end: float = 18.0
    days_ahead: int = 7

    def __post_init__(self) -> None:
        problems = []
        for name in ("programme", "coordinator", "coordinator_email"):
            value = getattr(self, name)
            if not isinstance(value, str):
                problems.append(f"{name} must be a text, got {value!r}")
            else:  # a subject, a From: and a signature are one line
                object.__setattr__(self, name, one_line(value))
        for name in ("sessions_per_month", "meeting_minutes", "day_start", "day_end",
                     "days_ahead"):
            value = getattr(self, name)
            whole = name in ("meeting_minutes", "days_ahead")
            if isinstance(value, bool) or not isinstance(value, (int, float)) or \
                    (whole and value != int(value)):
                problems.append(f"{name} must be a {'whole ' if whole else ''}number, got "
                                f"{value!r}")
            elif whole:  # 60.0 from a JSON file is written 60
                object.__setattr__(self, name, int(value))
        if problems:  # the ranges below cannot be checked on values of the wrong kind
            raise ValueError("; ".join(problems))
        if self.coordinator_email and clean_address(self.coordinator_email) is None:
            problems.append(f"coordinator_email {self.coordinator_email!r} is not an e-mail "
                            "address (name@example.org)")
        if not 0 <= self.day_start < self.day_end <= 24:
            problems.append(f"day_start {self.day_start:g} and day_end {self.day_end:g} must "
                            "be hours with 0 <= day_start < day_end <= 24")
        if not 15 <= self.meeting_minutes <= 240:
            problems.append(f"meeting_minutes must be from 15 to 240, got {self.meeting_minutes}")
        if not 0 < self.sessions_per_month <= 31:
            problems.append("sessions_per_month must be above 0 and at most 31, got "
                            f"{self.sessions_per_month:g}")
        if not 0 <= self.days_ahead <= 90:
            problems.append(f"days_ahead must be from 0 to 90, got {self.days_ahead}")
        if problems:
            raise ValueError("; ".join(problems))

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None, where: str = "kit") -> KitSettings:
        """Settings from a mapping (``workspace.json``'s ``kit`` section).

        Raises:
            ValueError: an unknown setting or a value out of range, naming ``where``.
        """
        if data is not None and not isinstance(data, Mapping):
            raise ValueError(f"{where}: expected settings by name ({{\"programme\": ...}}), "
                             f"got {type(data).__name__}")
        data = dict(data or {})
        known = {f.name for f in fields(cls)}
        unknown = sorted(k for k in data if k not in known)
        if unknown:
            raise ValueError(f"{where}: unknown setting(s) {', '.join(unknown)}; known: "
                             f"{', '.join(sorted(known))}")
        try:
            return cls(**data)
        except (TypeError, ValueError) as exc:
            raise ValueError(f"{where}: {exc}") from exc

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True)
class PairKitInput:
    """Everything a kit is made from, gathered by the facade (records only).

    Attributes:
        mentor, mentee: the two people.
        quotes: the profile sentences the pair's score rests on, as written (keys among
            ``want``, ``offer``, ``reverse_want``, ``reverse_offer``: see
            :class:`~recommender.records.Pair`).
        topics: the first topics suggested for the pair (their titles and starters only are
            used: never their reasons, which may speak of past sessions).
        direction: ``reverse``, ``classic`` or ``peer``.
        language: the language of the kit.
        notes_confidential: whether the workspace keeps note texts from coordinators (the
            introduction says so; no note text is ever part of a kit either way).
        settings: the programme's kit settings.
        first_day: the first day a meeting may be proposed on.
        default_offset: hours east of UTC assumed when neither person gave a time zone.
    """

    mentor: Person
    mentee: Person
    quotes: Mapping[str, str]
    topics: tuple[TopicSuggestion, ...]
    direction: str
    language: str
    notes_confidential: bool
    settings: KitSettings
    first_day: dt.date
    default_offset: float = 0.0


@dataclass(frozen=True)
class MeetingSlot:
    """The first meeting proposed to a pair.

    Attributes:
        start, end: in UTC (aware datetimes).
        within_hours: inside both people's working window (else no common hour was found
            and the slot is the least far outside them).
        offsets: the hours east of UTC used for the mentor and the mentee.
        assumed: which of ``"mentor"``, ``"mentee"`` had no time zone (the other's, or the
            coordinator's, was assumed).
    """

    start: dt.datetime
    end: dt.datetime
    within_hours: bool
    offsets: tuple[float, float]
    assumed: tuple[str, ...] = ()


@dataclass(frozen=True)
class PairKit:
    """One pair's kit: the introduction and its files.

    Attributes:
        mentor, mentee: the pair.
        language: the introduction's language.
        subject, body: the introduction (plain text); ``html``: its HTML version when the
            workspace has an HTML template, else ``None``.
        slot: the first meeting proposed.
        eml: the introduction as an RFC 5322 message (UTF-8, the invitation attached).
        ics: the invitation (RFC 5545).
        mailto: a ``mailto:`` link opening the introduction in the mail client.
        stem: the files' name without extension (``<mentor id>_<mentee id>``, made safe).
        invalid_emails: ``(name, address)`` of each person whose address is not a plain
            e-mail address (:func:`~.mail.clean_address`): left out of ``To:``, the
            invitation and the ``mailto:`` link, for the coordinator to fix.
    """

    mentor: Person
    mentee: Person
    language: str
    subject: str
    body: str
    html: str | None
    slot: MeetingSlot
    eml: bytes = field(repr=False)
    ics: str = field(repr=False)
    mailto: str = field(repr=False)
    stem: str = ""
    invalid_emails: tuple[tuple[str, str], ...] = ()

    @property
    def key(self) -> tuple[str, str]:
        return self.mentor.id, self.mentee.id

    @property
    def recipients(self) -> tuple[str, ...]:
        """The e-mail addresses the kit writes to (known and plain), mentor's first."""
        return tuple(a for p in (self.mentor, self.mentee)
                     if (a := clean_address(p.email)) is not None)


@dataclass(frozen=True)
class CheckinResult:
    """What an import of check-in answers did.

    Attributes:
        stored: session notes added.
        answered: the pairs with at least one answer in the file.
        missing: the pairs asked (in the form, or kept in the workspace) with no answer.
        duplicates: answers already stored (an answers file imported twice), left out.
    """

    stored: int
    answered: tuple[tuple[str, str], ...]
    missing: tuple[tuple[str, str], ...]
    duplicates: int = 0
