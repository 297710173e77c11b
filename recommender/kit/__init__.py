"""Pair kits: from an accepted pair to its first meeting.

For each pair, an introduction in the pair's language (who they are to each other, why they
were paired in their own words, their practical overlap, the first topics with a starter,
what the programme expects), from templates a workspace may replace
(:mod:`.render`); the introduction as an ``.eml`` draft and a ``mailto:`` link
(:mod:`.mail`), the first meeting as an ``.ics`` invitation inside both people's working
hours (:mod:`.hours`, :mod:`.ics`); files and a zip (:mod:`.bundle`); and the check-in form
whose answers come back as session notes (:mod:`.checkin`). Nothing is sent.

This package reads records only: the facade (:meth:`recommender.Recommender.pair_kit`)
gathers the people, the pair's quotes, its topics and the programme's settings, and passes
them in. No session note's text is ever part of a kit.
"""

from .bundle import index_html, kit_files, write_kits, zip_kits
from .checkin import CHECKIN_COLUMNS, CHECKIN_KEYS, CheckinAnswers, checkin_header, checkin_rows, read_answers
from .compose import compose_kit, file_stem, intro_fields, language_name
from .hours import common_hours, format_offset, meeting_slot
from .ics import invitation
from .mail import clean_address, mailto_link, message_bytes
from .records import CheckinResult, KitSettings, MeetingSlot, PairKit, PairKitInput
from .render import (
    TEMPLATE_FIELDS,
    KitTemplate,
    KitTemplateError,
    check_template,
    load_template,
    render_template,
    split_subject,
    template_languages,
)

__all__ = [
    "CHECKIN_COLUMNS",
    "CHECKIN_KEYS",
    "TEMPLATE_FIELDS",
    "CheckinAnswers",
    "CheckinResult",
    "KitSettings",
    "KitTemplate",
    "KitTemplateError",
    "MeetingSlot",
    "PairKit",
    "PairKitInput",
    "check_template",
    "checkin_header",
    "checkin_rows",
    "clean_address",
    "common_hours",
    "compose_kit",
    "file_stem",
    "format_offset",
    "index_html",
    "intro_fields",
    "invitation",
    "kit_files",
    "language_name",
    "load_template",
    "mailto_link",
    "meeting_slot",
    "message_bytes",
    "read_answers",
    "render_template",
    "split_subject",
    "template_languages",
    "write_kits",
    "zip_kits",
]
