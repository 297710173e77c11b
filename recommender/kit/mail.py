"""The introduction as an e-mail: an RFC 5322 message (UTF-8) to open in a mail client, and
a ``mailto:`` link (RFC 6068). Nothing is sent: the coordinator sends the draft.

``X-Unsent: 1`` makes Outlook open the ``.eml`` as a draft to send; Thunderbird opens it as
a message ("Edit as New" makes it a draft). ``To:`` holds both people when their addresses
are known; without any, the message has no ``To:`` and is still written.

Header values are user text (names from a spreadsheet, a subject from a template): every one
is made a single line first (a cell's line break would otherwise end the header, or make the
library refuse the message), and an address is written only when it is a plain
``local@domain`` (:func:`clean_address`): one holding a comma, a bracket, a quote or a space
could add a recipient, so it is left out, and the kit says so (:attr:`.PairKit.invalid_emails`).
Headers are encoded (RFC 2047) and folded at 78 characters by the standard library's
``SMTP`` policy; body lines stay within 78 (quoted-printable when a line is longer).
"""

from __future__ import annotations

import datetime as dt
import email.policy
import logging
import re
from collections.abc import Sequence
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from urllib.parse import quote

__all__ = ["clean_address", "mailto_link", "message_bytes", "one_line"]

logger = logging.getLogger(__name__)

Recipient = tuple[str, str]
"""``(name, e-mail address)``."""

_ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LOCAL = re.compile(rf"{_ATEXT}(?:\.{_ATEXT})*")
_LABEL = re.compile(r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)")
_SPACES = re.compile(r"[\s\u2028\u2029\x85]+")
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def one_line(text: str | None) -> str:
    """``text`` as one line: any run of white space (line breaks, tabs, Unicode line and
    paragraph separators) becomes one space, other control characters go, ends stripped."""
    return _CONTROLS.sub("", _SPACES.sub(" ", text or "")).strip()


def clean_address(address: str | None) -> str | None:
    """``address`` as it can be written in a header and a ``mailto:`` link, or ``None`` when
    it is not a plain e-mail address.

    A plain address is a dot-atom local part (ASCII letters, digits and ``!#$%&'*+/=?^_`{|}~-``,
    dots between them) and a domain of at least two labels; a domain written in another
    script (``exämple.fr``) is written in its ASCII form (IDNA, ``xn--exmple-cua.fr``). Quoted
    local parts, comments, display names, several addresses and non-ASCII local parts (which
    only SMTPUTF8 servers take) are not plain.
    """
    text = (address or "").strip()
    local, at, domain = text.rpartition("@")
    if not at or len(text) > 254 or len(local) > 64 or not _LOCAL.fullmatch(local):
        return None
    try:
        ascii_domain = domain.encode("idna").decode("ascii") if not domain.isascii() \
            else domain
    except UnicodeError:
        return None
    labels = ascii_domain.rstrip(".").split(".")
    if len(labels) < 2 or not all(_LABEL.fullmatch(label) for label in labels):
        return None
    return f"{local}@{'.'.join(labels)}"


def _address(name: str, address: str) -> Address | None:
    """An address header value (the display name quoted or encoded as needed), or ``None``
    for an address that is not plain."""
    clean = clean_address(address)
    if clean is None:
        return None
    local, _, domain = clean.rpartition("@")
    return Address(display_name=one_line(name), username=local, domain=domain)


def message_bytes(subject: str, body: str, recipients: Sequence[Recipient], date: dt.datetime,
                  html: str | None = None, sender: Recipient | None = None,
                  attachments: Sequence[tuple[str, str, str]] = ()) -> bytes:
    """The message's bytes: plain text (and its HTML alternative when given), UTF-8, lines
    ending CRLF as RFC 5322 asks.

    Args:
        subject: the ``Subject:`` (made one line).
        recipients: ``(name, e-mail)`` of each person (``To:``); an address that is not
            plain (:func:`clean_address`) is left out, never written as it is.
        date: the ``Date:`` header (an aware datetime).
        sender: ``(name, e-mail)`` for ``From:`` (none, or an address that is not plain:
            no ``From:``, the mail client fills it).
        attachments: text files, ``(file name, text/ subtype, text)`` (``calendar``:
            an invitation, marked ``method=PUBLISH``).
    """
    message = EmailMessage(policy=email.policy.default)
    message["Subject"] = one_line(subject)
    if sender is not None and (from_ := _address(*sender)) is not None:
        message["From"] = from_
    to = [a for a in (_address(name, addr) for name, addr in recipients if addr)
          if a is not None]
    if len(to) < len([addr for _, addr in recipients if addr]):
        logger.warning("e-mail message: %d address(es) left out, not plain addresses",
                       len([addr for _, addr in recipients if addr]) - len(to))
    if to:
        message["To"] = to
    message["Date"] = format_datetime(date)
    message["Message-ID"] = make_msgid(domain="tandem.invalid")
    message["X-Unsent"] = "1"
    message.set_content(body, charset="utf-8")
    if html is not None:
        message.add_alternative(html, subtype="html", charset="utf-8")
    for filename, subtype, text in attachments:
        params = {"method": "PUBLISH"} if subtype == "calendar" else None
        message.add_attachment(text, subtype=subtype, charset="utf-8", filename=filename,
                               params=params)
    return message.as_bytes(policy=email.policy.SMTP)


def mailto_link(subject: str, body: str, addresses: Sequence[str]) -> str:
    """``mailto:a@x,b@y?subject=...&body=...``, every part percent-encoded (UTF-8); line
    breaks as CRLF (``%0D%0A``), as RFC 6068 asks. Addresses that are not plain are left
    out (one holding ``,`` or ``?`` would add a recipient or a header)."""
    clean = [c for c in (clean_address(a) for a in addresses if a) if c is not None]
    to = ",".join(quote(a, safe="@") for a in clean)
    body = body.replace("\r\n", "\n").replace("\n", "\r\n")
    return f"mailto:{to}?subject={quote(one_line(subject), safe='')}&body={quote(body, safe='')}"
