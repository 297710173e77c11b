"""Kits as files: per pair ``<pair>.eml``, ``<pair>.ics`` and ``<pair>.txt`` (the
introduction to read or paste), an ``index.html`` with a ``mailto:`` link per pair, and the
same in one zip for a download.

Every file is written readable by its owner only (0600): a kit holds names, e-mail addresses
and what people wrote about themselves.
"""

from __future__ import annotations

import html
import logging
import os
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from .records import PairKit

__all__ = ["index_html", "kit_files", "write_kits", "zip_kits"]

logger = logging.getLogger(__name__)

FILE_MODE = 0o600

_INDEX = {
    "en": {"title": "Pair kits", "pair": "Pair", "language": "Language",
           "meeting": "First meeting proposed", "files": "Files", "send": "E-mail",
           "open": "Open in your mail client", "none": "no e-mail address known",
           "invalid": "left out, not an e-mail address:",
           "outside": "outside someone's usual hours",
           "intro": "One introduction per pair: open the .eml in your mail client (it opens as "
                    "a draft to send), or click the link; the .ics is the first meeting's "
                    "invitation. Nothing has been sent.",
           "empty": "No pair to introduce."},
    "fr": {"title": "Kits des binômes", "pair": "Binôme", "language": "Langue",
           "meeting": "Première rencontre proposée", "files": "Fichiers", "send": "Courriel",
           "open": "Ouvrir dans la messagerie", "none": "aucune adresse connue",
           "invalid": "écartée, ce n'est pas une adresse :",
           "outside": "hors des horaires habituels de l'un d'eux",
           "intro": "Une présentation par binôme : ouvrez le .eml dans votre messagerie (il "
                    "s'ouvre en brouillon à envoyer), ou cliquez sur le lien ; le .ics est "
                    "l'invitation à la première rencontre. Rien n'a été envoyé.",
           "empty": "Aucun binôme à présenter."},
}


def kit_files(kit: PairKit) -> dict[str, bytes]:
    """A kit's files by name: ``.eml``, ``.ics`` and ``.txt`` (subject and introduction)."""
    return {f"{kit.stem}.eml": kit.eml, f"{kit.stem}.ics": kit.ics.encode("utf-8"),
            f"{kit.stem}.txt": f"{kit.subject}\n\n{kit.body}".encode()}


def _all_files(kits: Sequence[PairKit], index: str,
               extra: Mapping[str, bytes] | None) -> dict[str, bytes]:
    """Every file of a set of kits by name, ``index.html`` and ``extra`` files.

    Raises:
        ValueError: two files would share a name (the same pair twice, or an extra file
            named like a kit's), which would lose one of them; or a name is not a plain
            file name (a folder in it, ``..``).
    """
    files: dict[str, bytes] = {}
    for name, content in [*(item for kit in kits for item in kit_files(kit).items()),
                          ("index.html", index.encode("utf-8")), *(extra or {}).items()]:
        if not name or name in (".", "..") or "/" in name or "\\" in name:
            raise ValueError(f"{name!r} is not a plain file name")
        if name in files:
            raise ValueError(f"two kit files are named {name!r}: is a pair listed twice?")
        files[name] = content
    return files


def index_html(kits: Sequence[PairKit], language: str = "en") -> str:
    """A page listing the kits with a ``mailto:`` link each (every value escaped)."""
    p = _INDEX.get(language, _INDEX["en"])
    esc = html.escape
    rows = []
    for kit in kits:
        files = " · ".join(f'<a href="{esc(name)}">{esc(name)}</a>' for name in kit_files(kit))
        link = f'<a href="{esc(kit.mailto)}">{esc(p["open"])}</a>' + (
            "" if kit.recipients else f" ({esc(p['none'])})") + "".join(
            f"<br>{esc(name)}: {esc(p['invalid'])} <code>{esc(address)}</code>"
            for name, address in kit.invalid_emails)
        when = kit.slot.start.strftime("%Y-%m-%d %H:%M UTC")
        if not kit.slot.within_hours:
            when += f" ({p['outside']})"
        rows.append(f"<tr><td>{esc(kit.mentor.name)} → {esc(kit.mentee.name)}</td>"
                    f"<td>{esc(kit.language)}</td><td>{esc(when)}</td><td>{files}</td>"
                    f"<td>{link}</td></tr>")
    table = (f"<table><thead><tr><th>{esc(p['pair'])}</th><th>{esc(p['language'])}</th>"
             f"<th>{esc(p['meeting'])}</th><th>{esc(p['files'])}</th>"
             f"<th>{esc(p['send'])}</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
             if rows else f"<p>{esc(p['empty'])}</p>")
    return (f'<!DOCTYPE html>\n<html lang="{esc(language)}"><head><meta charset="utf-8">'
            f"<title>{esc(p['title'])}</title><style>body{{font-family:sans-serif;"
            "margin:2em}td,th{border-bottom:1px solid #ccc;padding:4px 8px;text-align:left}"
            f"</style></head><body><h1>{esc(p['title'])}</h1><p>{esc(p['intro'])}</p>"
            f"{table}</body></html>\n")


def _write_private(path: Path, content: bytes) -> None:
    path.unlink(missing_ok=True)  # made anew with the mode below
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    with os.fdopen(fd, "wb") as handle:
        handle.write(content)


def write_kits(kits: Sequence[PairKit], folder: str | Path, language: str = "en",
               extra: Mapping[str, bytes] | None = None) -> list[Path]:
    """Write every kit's files and ``index.html`` (and ``extra`` files, e.g. the check-in
    form) into ``folder`` (created); returns the paths written.

    Raises:
        ValueError: two files would share a name, or a name is not a plain file name
            (nothing is written then).
    """
    folder = Path(folder)
    files = _all_files(kits, index_html(kits, language), extra)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in files.items():
        path = folder / name
        _write_private(path, content)
        written.append(path)
    logger.info("%d kit(s) written to %s", len(kits), folder)
    return written


def zip_kits(kits: Sequence[PairKit], path: str | Path, language: str = "en",
             extra: Mapping[str, bytes] | None = None) -> Path:
    """Every kit's files, ``index.html`` and ``extra`` files in one zip at ``path``.

    Raises:
        ValueError: as :func:`write_kits` (nothing is written then).
    """
    path = Path(path)
    files = _all_files(kits, index_html(kits, language), extra)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    with os.fdopen(fd, "wb") as handle, \
            zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    logger.info("%d kit(s) zipped in %s", len(kits), path)
    return path
