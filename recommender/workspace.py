"""A programme's workspace on disk: its folder, settings file, card, store and index paths.

A workspace is a folder::

    workspace.json   settings (embedder, index kind, programme direction, format version,
                     the database URL without its password, the programme's name)
    README.md        what the folder holds (a card for whoever finds it)
    store.sqlite     the source of truth (see :mod:`recommender.storage.store`), unless the
                     workspace lives on a database server
    index/           FAISS indices derived from the store, rebuilt when missing or stale

**On a server.** ``Workspace.open(folder, database_url="postgresql://user@host/db")`` (or
the ``TANDEM_DATABASE_URL`` environment variable) keeps the truth in PostgreSQL, in the
schema named after the programme (the folder's name, or ``?workspace=NAME`` at the end of
the URL; see :func:`programme_name`: two names never share a schema). The schema records
the workspace it belongs to (its full name and a random id), checked at every opening: a
schema of another workspace is refused (:class:`~.storage.identity.WorkspaceConflictError`).
The folder stays local to each machine: settings and the FAISS indices, which are
derived and rebuilt from the database on any machine that finds them missing or stale (they
are kept under ``index/<database>/``, so a folder pointed at another database never reuses
them). The URL is remembered without its password: give that through ``~/.pgpass`` or
``PGPASSWORD``, or pass the whole URL again.

``Workspace(None)`` is an in-memory workspace (nothing on disk).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import logging
import os
import re
import threading
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from .embedding.backends import DEFAULT_EMBEDDER
from .storage.connection import check_schema_name, find_schema, normalise_url
from .storage.files import FILE_MODE, make_private, private_folder
from .storage.identity import WorkspaceIdentity
from .storage.store import Store

__all__ = ["DATABASE_URL_VARIABLE", "WORKSPACE_FORMAT", "Workspace", "programme_name"]

logger = logging.getLogger(__name__)

DATABASE_URL_VARIABLE = "TANDEM_DATABASE_URL"

WORKSPACE_FORMAT = 1

_CARD = """# Mentoring programme workspace

Created by `tandem-recommender` on {created}.

- `workspace.json`: settings (embedder, index kind, programme direction, format version).
- `store.sqlite`: the source of truth: people, session notes, topics, pairs with their status,
  and the embedding cache (float32 vectors keyed by model id and text hash). No pickle.
- `index/`: FAISS indices derived from the store; delete them freely, they are rebuilt.

When `workspace.json` names a `database_url`, the truth is on that database server instead
(in the schema named `name`, which records the workspace `programme` and its `workspace_id`
as its owner) and this folder holds only settings and indices.

This folder holds personal data: keep it on the coordinator's machine.
"""


# A plain name is its own schema: lower-case ASCII words joined by single underscores,
# starting with a letter. Every other name gets "__" and a hash, which no plain name has.
_PLAIN = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
_MAX_SCHEMA = 63  # bytes: PostgreSQL cuts longer identifiers (NAMEDATALEN - 1)
_HASH_LENGTH = 10
# Where the store is and whose it is: never taken from settings passed to open() (an
# archive's settings are its origin's).
_LOCATION_KEYS = ("database_url", "name", "programme", "workspace_id")


def programme_name(text: str, explicit: bool = False) -> str:
    """The PostgreSQL schema of the workspace named ``text``; two different names never get
    the same schema.

    A plain name (lower-case ASCII letters and digits, words joined by single ``_``,
    starting with a letter, at most 63 characters) is its own schema: ``"hr_2026"`` ->
    ``"hr_2026"``. Any other name gets a readable slug (accents folded, other characters
    ``_``, cut to fit) followed by ``__`` and 10 hex digits of the SHA-256 of the whole name:
    ``"HR 2026"`` -> ``"hr_2026__1f0c…"``, ``"Équipe"`` -> ``"equipe__…"``, ``"研究"`` ->
    ``"w__…"``. A plain name has no ``__``, so the two kinds never meet. The name is read in
    Unicode's composed form (NFC): an accent typed on macOS or Linux is the same name.

    Args:
        explicit: the name was given as ``?workspace=NAME``: ``public``, PostgreSQL's
            shared schema, is then allowed (never from a folder's name).

    Raises:
        ValueError: PostgreSQL's own schemas (``pg_*``, ``information_schema``), or
            ``public`` not asked for by name.
    """
    name = unicodedata.normalize("NFC", text)
    if _PLAIN.fullmatch(name) and len(name) <= _MAX_SCHEMA:
        if name == "public" and not explicit:
            raise ValueError("the workspace 'public' would live in PostgreSQL's shared schema "
                             "'public': rename the folder, or ask for that schema by name "
                             "(?workspace=public at the end of the database URL)")
        return check_schema_name(name)
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    slug = re.sub(r"[^a-z0-9]+", "_", folded).strip("_")
    if not slug[:1].isalpha() or f"{slug}_".startswith("pg_"):  # pg_ is PostgreSQL's
        slug = f"w_{slug}".rstrip("_")
    slug = slug[: _MAX_SCHEMA - 2 - _HASH_LENGTH].rstrip("_")
    return f"{slug}__{hashlib.sha256(name.encode()).hexdigest()[:_HASH_LENGTH]}"


def _older_schema_name(text: str) -> str:
    """The schema an older version gave the workspace ``text`` (not injective: ``研究`` and
    ``营销`` were both ``w``), to find the schemas it made."""
    name = re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")[:50].rstrip("_")
    if not name or not name[0].isalpha():
        name = f"w_{name}".rstrip("_")
    return name


def _locate(config: Mapping[str, Any], folder_name: str, asked: str | None
            ) -> tuple[str, str, str | None]:
    """The schema and full name of a folder's programme, and the schema an older version
    would have named after it (to look for when the folder records no schema).

    The schema a folder records is kept (``name`` in workspace.json), so that workspaces of
    the older naming keep theirs; a new programme gets :func:`programme_name`'s.
    """
    recorded, known = config.get("name"), config.get("programme")
    if recorded:
        if known is not None:
            if asked is None or asked == known:
                return recorded, known, None
        elif asked is not None:
            if _older_schema_name(asked) == recorded:
                return recorded, asked, None
        else:
            # Recorded by an older version: named after the folder, else after a
            # ?workspace=NAME given then, of which the schema's name is all that is left.
            return recorded, folder_name if _older_schema_name(folder_name) == recorded \
                else recorded, None
    name = asked if asked is not None else folder_name
    schema = programme_name(name, explicit=asked is not None)
    older = _older_schema_name(name)
    return schema, name, older if older != schema else None


def _claim(url: str, schema: str, identity: WorkspaceIdentity, older: str | None
           ) -> tuple[str, WorkspaceIdentity]:
    """Create or migrate the programme's schema and check that it is this workspace's (see
    :mod:`recommender.storage.identity`); the schema used and its owner."""
    if older is not None:
        schema = find_schema(url, schema, identity.name, older)
    store = Store(url, schema, identity=identity)
    try:
        store.engine  # noqa: B018  (connects, migrates, checks the owner)
    finally:
        store.close()
    return schema, store.identity or identity


def _split_url(url: str) -> tuple[str, str | None]:
    """The database URL without its ``workspace=`` query parameter, and that parameter."""
    parsed = sa.engine.make_url(normalise_url(url))
    name = parsed.query.get("workspace")
    if isinstance(name, tuple):
        name = name[-1]
    parsed = parsed.difference_update_query(["workspace"])
    return parsed.render_as_string(hide_password=False), \
        unicodedata.normalize("NFC", name) if name else None


def _without_password(url: str) -> str:
    return sa.engine.make_url(url)._replace(password=None).render_as_string(hide_password=False)


def _write_atomic(path: Path, text: str) -> None:
    # Another tab or process may be reading the file at this moment.
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()  # left by a crash: made anew, with the mode below
    # Readable by the owner only (settings name the programme, its server and rules).
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.replace(tmp, path)


@dataclass(frozen=True)
class Workspace:
    """Where a programme lives, and its settings.

    Attributes:
        path: the folder, or ``None`` for an in-memory workspace.
        config: the settings read from ``workspace.json`` (``embedder``, ``index_kind``,
            ``direction``, ``created``, ``format``).
    """

    path: Path | None = None
    config: Mapping[str, Any] = field(default_factory=dict)
    url: str | None = field(default=None, repr=False, compare=False)
    """The database URL in use (with its password, if given; never written to disk);
    ``None``: the folder's own SQLite file (see :attr:`database_url`)."""

    @classmethod
    def open(cls, path: str | Path, database_url: str | None = None,
             **settings: Any) -> Workspace:
        """Open the folder ``path``, creating it when absent (readable by its owner only,
        as are the files holding the programme).

        Settings given (not ``None``) replace the stored ones and are written back, so the
        next opening remembers them (e.g. ``embedder="minilm"``, ``direction="classic"``).

        On PostgreSQL the programme's schema is created or migrated here, and checked to be
        this workspace's (named as the folder, or ``?workspace=NAME``; a folder that records
        its schema keeps it, as those of the older naming do).

        Args:
            database_url: where the store is (``postgresql://user@host/db``, optionally
                ``?workspace=NAME``); else ``$TANDEM_DATABASE_URL``, else the URL this folder
                was last opened with, else ``store.sqlite`` in the folder.

        Raises:
            ValueError: the folder was made by a newer version; an unsupported URL; a
                PostgreSQL system schema (``pg_*``, ``information_schema``), or ``public``
                not asked for by name.
            WorkspaceConflictError: (a ``ValueError``) the schema is another workspace's.
            DatabaseConnectionError: the database server cannot be reached or refuses the
                login (nothing is written then).
        """
        folder = Path(path)
        config_path = folder / "workspace.json"
        config: dict[str, Any] = {}
        if config_path.exists():
            config = json.loads(config_path.read_text(encoding="utf-8"))
            if config.get("format", 1) > WORKSPACE_FORMAT:
                raise ValueError(f"{config_path}: made by a newer version (format {config['format']})")
        config.update({k: v for k, v in settings.items()
                       if v is not None and k not in _LOCATION_KEYS})
        url = database_url or os.environ.get(DATABASE_URL_VARIABLE) or None
        asked: str | None = None
        if url:
            url, asked = _split_url(url)
            where = _without_password(url)
            if config.get("database_url") != where:
                config.pop("workspace_id", None)  # the id of a schema in another database
            config["database_url"] = where
        elif config.get("database_url"):
            url = config["database_url"]
        if url and sa.engine.make_url(url).get_backend_name() == "postgresql":
            folder_name = unicodedata.normalize("NFC", folder.resolve().name)
            schema, programme, older = _locate(config, folder_name, asked)
            if config.get("name") != schema or config.get("programme", programme) != programme:
                config.pop("workspace_id", None)  # another programme's
            schema, owner = _claim(url, schema, WorkspaceIdentity(
                programme, config.get("workspace_id")), older)
            config.update(name=schema, programme=programme, workspace_id=owner.id)
        config.setdefault("embedder", DEFAULT_EMBEDDER)
        config.setdefault("created", dt.date.today().isoformat())
        config["format"] = WORKSPACE_FORMAT
        private_folder(folder)
        make_private(config_path)
        text = json.dumps(config, indent=2)
        if not config_path.exists() or config_path.read_text(encoding="utf-8") != text:
            _write_atomic(config_path, text)
        card = folder / "README.md"
        if not card.exists():
            _write_atomic(card, _CARD.format(created=config["created"]))
        return cls(folder, config, url)

    @classmethod
    def at(cls, database_url: str) -> Workspace:
        """A workspace with no folder whose store is at ``database_url`` (named by its
        ``?workspace=NAME``, else ``default``); indices are kept in memory. On PostgreSQL
        its schema is created or migrated, and checked as by :meth:`open`.

        Raises:
            ValueError: as :meth:`open`.
            DatabaseConnectionError: as :meth:`open`.
        """
        url, asked = _split_url(database_url)
        name = asked or "default"
        schema = programme_name(name, explicit=True)
        config: dict[str, Any] = {"name": schema, "programme": name}
        if sa.engine.make_url(url).get_backend_name() == "postgresql":
            older = _older_schema_name(name)
            schema, owner = _claim(url, schema, WorkspaceIdentity(name),
                                   older if older != schema else None)
            config.update(name=schema, workspace_id=owner.id)
        return cls(None, config, url)

    @property
    def database_url(self) -> str:
        """The store's SQLAlchemy URL: the server's when one is set, else the folder's SQLite
        file (in memory when the workspace has no folder)."""
        if self.url:
            return self.url
        return f"sqlite:///{self.path / 'store.sqlite'}" if self.path else "sqlite://"

    @property
    def database_schema(self) -> str | None:
        """The PostgreSQL schema holding this programme (``None`` on SQLite)."""
        if sa.engine.make_url(self.database_url).get_backend_name() != "postgresql":
            return None
        return str(self.config.get("name") or "default")

    def index_path(self, name: str) -> Path | None:
        """Where the index ``name`` is saved (``None`` in memory). Indices of a store on a
        server are kept apart per database and schema."""
        if self.path is None:
            return None
        if not self.url:
            return self.path / "index" / name
        where = sa.engine.make_url(_without_password(self.url)).set(drivername="db")
        tag = hashlib.sha256(f"{where.render_as_string()}#{self.database_schema}".encode())
        return self.path / "index" / tag.hexdigest()[:16] / name

    def get(self, key: str, default: Any = None) -> Any:
        """A setting of ``workspace.json``."""
        return self.config.get(key, default)

    def with_setting(self, key: str, value: Any) -> Workspace:
        """This workspace with the setting ``key`` changed, written to ``workspace.json``
        (a workspace with no folder keeps it in memory)."""
        config = {**self.config, key: value}
        if self.path is not None:
            _write_atomic(self.path / "workspace.json", json.dumps(config, indent=2))
        return replace(self, config=config)
