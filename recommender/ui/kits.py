"""Pair kits on the page: the kit of the pair under review (its introduction shown, a
``mailto:`` link, the ``.eml`` and ``.ics`` to download), one zip of the kits of every
accepted pair, with the check-in form, and the import of filled check-in forms (the answers
stored as session notes, and the pairs that have not answered). Nothing is sent.

Files are written readable by this account only (0600), in a private folder of the export
directory, like every export of the page.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import UnknownIdError, ValidationError
from ..kit import PairKit, zip_kits
from ..kit.compose import language_name
from ..kit.mail import clean_address
from ..language.formats import format_date
from ..records import KEPT_STATUSES
from .base import HandlerBase
from .common import Result, problems_text, remove_upload, split_pair_key
from .i18n import t

__all__ = ["MAILTO_SAFE_LENGTH", "KitHandlers", "KitView"]

logger = logging.getLogger(__name__)

_PREVIEW_STYLE = ("border:1px solid #d0d7e2;border-radius:8px;padding:10px 14px;"
                  "background:#fbfcfe;color:#1f2937;margin-top:6px")
_BODY_STYLE = ("white-space:pre-wrap;font-family:inherit;font-size:0.95em;background:#fff;"
               "color:#1f2937;border:1px solid #e6ebf2;border-radius:6px;padding:8px 12px;"
               "overflow-wrap:anywhere")
_LINK_STYLE = ("display:inline-block;padding:6px 14px;border-radius:6px;background:#2f6db5;"
               "color:#fff;text-decoration:none;font-weight:600")
_WARN_STYLE = "color:#8a4b00;font-size:0.9em;margin:4px 0"
_HINT_STYLE = "color:#4b5563;font-size:0.9em"

MAILTO_SAFE_LENGTH = 2000
"""Longer ``mailto:`` links are cut or refused by some mail clients (Outlook on Windows
stops near 2 000 characters); the preview says so, the ``.eml`` has no such limit."""

@dataclass(frozen=True)
class KitView:
    """What the Kit button shows: a message, the preview's HTML (empty when there is no
    kit) and the files to download."""

    ok: bool
    message: str
    html: str
    files: list[str]


def _private_file(path: Path, content: bytes) -> str:
    # names, e-mail addresses and quotes: this account's only, from the file's creation on
    path.touch(mode=0o600)
    path.chmod(0o600)
    path.write_bytes(content)
    return str(path)


class KitHandlers(HandlerBase):
    """The Kit action of the review, the kits of every accepted pair in one zip, and the
    import of check-in answers."""

    def _kit_folder(self) -> Path:
        self.export_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix="kit-", dir=self.export_dir))

    def kit_preview_html(self, kit: PairKit, lang: str) -> str:
        """The introduction as the pair will read it, with who it goes to (the addresses
        the kit writes to; one that is not an address is said), the first meeting, in the
        page's language around it (every value escaped)."""
        esc = html.escape
        pair = f"{kit.mentor.name} → {kit.mentee.name}"
        to = ", ".join(f"{p.name} <{address}>" for p in (kit.mentor, kit.mentee)
                       if (address := clean_address(p.email)) is not None)
        warnings = [t("invalid_email", lang, name=name, address=address)
                    for name, address in kit.invalid_emails]
        hint = t("kit_files_hint", lang)
        if len(kit.mailto) > MAILTO_SAFE_LENGTH:
            hint += " " + t("long_mailto", lang)

        def local(offset: float) -> str:
            start = kit.slot.start + dt.timedelta(hours=offset)
            return f"{format_date(start.date().isoformat(), lang)} {start.strftime('%H:%M')}"

        mentor_off, mentee_off = kit.slot.offsets
        when = local(mentor_off) if mentor_off == mentee_off else \
            f"{kit.mentor.name} {local(mentor_off)}; {kit.mentee.name} {local(mentee_off)}"
        meeting = t("kit_meeting", lang, when=when)
        if not kit.slot.within_hours:
            meeting += " " + t("kit_outside", lang)
        return (
            f'<div class="kit-preview" style="{_PREVIEW_STYLE}">'
            f'<h4 style="margin:2px 0 6px 0;color:#1f2937">'
            f'{esc(t("kit_title", lang, pair=pair, language=language_name(kit.language, lang)))}'
            "</h4>"
            f'<div><b>{esc(t("kit_to", lang))}</b> {esc(to or t("kit_no_email", lang))}</div>'
            f'<div><b>{esc(t("kit_subject", lang))}</b> {esc(kit.subject)}</div>'
            f'<div style="margin:4px 0">{esc(meeting)}</div>'
            + "".join(f'<div class="kit-warning" style="{_WARN_STYLE}">{esc(warning)}</div>'
                      for warning in warnings)
            + f'<pre class="kit-body" style="{_BODY_STYLE}">{esc(kit.body)}</pre>'
            f'<p style="margin:8px 0 2px 0"><a class="kit-mailto" href="{esc(kit.mailto)}" '
            f'style="{_LINK_STYLE}">{esc(t("kit_mailto", lang))}</a> '
            f'<span style="{_HINT_STYLE}">{esc(hint)}</span></p></div>')

    def pair_kit(self, key: str | None, lang: str = "en") -> KitView:
        """The kit of the pair ``key`` (``mentor|mentee``), accepted or active: its
        introduction shown, its ``.eml`` and ``.ics`` written for download. A template or
        a kit setting to fix is a message naming it, not an error."""
        pair = split_pair_key(key)
        stored = self.rec.pair(*pair) if pair is not None else None
        if pair is None or stored is None:
            return KitView(False, t("choose_pair", lang), "", [])
        if stored.status not in KEPT_STATUSES:
            return KitView(False, t("kit_not_kept", lang), "", [])
        try:
            with self.lock:
                kit = self.rec.pair_kit(*pair)
        except UnknownIdError:
            return KitView(False, t("choose_pair", lang), "", [])
        except ValueError as exc:  # a template to fix (KitTemplateError), or kit settings
            logger.info("no kit for %s -> %s: %s", *pair, exc)
            return KitView(False, t("kit_error", lang, why=str(exc)), "", [])
        folder = self._kit_folder()
        files = [_private_file(folder / f"{kit.stem}.eml", kit.eml),
                 _private_file(folder / f"{kit.stem}.ics", kit.ics.encode("utf-8"))]
        message = t("kit_ready", lang, pair=f"{kit.mentor.name} → {kit.mentee.name}")
        return KitView(True, message, self.kit_preview_html(kit, lang), files)

    def accepted_kits_zip(self, lang: str = "en") -> tuple[str, str | None]:
        """The kits of every accepted pair in one zip (with ``index.html``, a ``mailto:``
        link per pair, and the check-in form in ``lang``); a message and the zip's path
        (``None`` when there is no accepted pair, or a template or a kit setting is
        wrong)."""
        try:
            with self.lock:
                kits = self.rec.pair_kits(("accepted",))
                if not kits:
                    return t("kits_none", lang), None
                folder = self._kit_folder()
                form = self.rec.checkin_form(folder / f"checkin-{lang}.xlsx", lang,
                                             ("accepted",))
            extra = {form.name: form.read_bytes()}
            form.unlink()
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            path = zip_kits(kits, folder / f"kits-{stamp}.zip", lang, extra)
        except ValueError as exc:  # a template to fix (KitTemplateError), or kit settings
            logger.info("no kits zip: %s", exc)
            return t("kit_error", lang, why=str(exc)), None
        return t("kits_done", lang, n=len(kits)), str(path)

    def import_checkin(self, files: str | Sequence[str] | None, lang: str = "en") -> Result:
        """Import filled check-in forms (uploaded CSV or XLSX): their answers stored as
        session notes with their ratings (the Insights tab's health reads them), then the
        pairs that have not answered. On any problem nothing is stored and every problem is
        listed (file, row, column). The uploads are deleted afterwards."""
        paths = [files] if isinstance(files, str) else [f for f in files or [] if f]
        if not paths:
            return Result(False, t("checkin_none", lang))
        try:
            with self.lock:
                result = self.rec.import_checkin(*paths)
                names = self._names()
        except ValidationError as exc:
            return Result(False, problems_text(exc, lang))
        finally:
            for path in paths:
                remove_upload(path)
        lines = [t("checkin_done", lang, stored=result.stored, pairs=len(result.answered))]
        if result.duplicates:
            lines.append(t("checkin_duplicates", lang, n=result.duplicates))
        if result.missing:
            lines.append(t("checkin_missing", lang, n=len(result.missing)))
            lines += [f"  {self._pair_name(mentor, mentee, names)}"
                      for mentor, mentee in result.missing]
        else:
            lines.append(t("checkin_all", lang))
        return Result(True, "\n".join(lines))
