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
the URL). The folder stays local to each machine: settings and the FAISS indices, which are
derived and rebuilt from the database on any machine that finds them missing or stale (they
are kept under ``index/<database>/``, so a folder pointed at another database never reuses
them). The URL is remembered without its password: give that through ``~/.pgpass`` or
``PGPASSWORD``, or pass the whole URL again.

``Workspace(None)`` is an in-memory workspace (nothing on disk).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from .embedding.backends import DEFAULT_EMBEDDER
from .storage.connection import normalise_url

__all__ = ["DATABASE_URL_VARIABLE", "WORKSPACE_FORMAT", "Workspace", "programme_name"]

DATABASE_URL_VARIABLE = "TANDEM_DATABASE_URL"

WORKSPACE_FORMAT = 1

_CARD = """# Mentoring programme workspace

Created by `tandem-recommender` on {created}.

- `workspace.json`: settings (embedder, index kind, programme direction, format version).
- `store.sqlite`: the source of truth: people, session notes, topics, pairs with their status,
  and the embedding cache (float32 vectors keyed by model id and text hash). No pickle.
- `index/`: FAISS indices derived from the store; delete them freely, they are rebuilt.

When `workspace.json` names a `database_url`, the truth is on that database server instead
(in the schema named `name`) and this folder holds only settings and indices.

This folder holds personal data: keep it on the coordinator's machine.
"""


def programme_name(text: str) -> str:
    """A workspace name usable as a PostgreSQL schema: lower-case ASCII letters, digits and
    ``_``, starting with a letter, at most 50 characters (``"RH 2026"`` -> ``"rh_2026"``)."""
    name = re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")[:50].rstrip("_")
    if not name or not name[0].isalpha():
        name = f"w_{name}".rstrip("_")
    return name


def _split_url(url: str) -> tuple[str, str | None]:
    """The database URL without its ``workspace=`` query parameter, and that parameter."""
    parsed = sa.engine.make_url(normalise_url(url))
    name = parsed.query.get("workspace")
    if isinstance(name, tuple):
        name = name[-1]
    parsed = parsed.difference_update_query(["workspace"])
    return parsed.render_as_string(hide_password=False), name


def _without_password(url: str) -> str:
    return sa.engine.make_url(url)._replace(password=None).render_as_string(hide_password=False)


def _write_atomic(path: Path, text: str) -> None:
    # Another tab or process may be reading the file at this moment.
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    tmp.write_text(text, encoding="utf-8")
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
        """Open the folder ``path``, creating it when absent.

        Settings given (not ``None``) replace the stored ones and are written back, so the
        next opening remembers them (e.g. ``embedder="minilm"``, ``direction="classic"``).

        Args:
            database_url: where the store is (``postgresql://user@host/db``, optionally
                ``?workspace=NAME``); else ``$TANDEM_DATABASE_URL``, else the URL this folder
                was last opened with, else ``store.sqlite`` in the folder.

        Raises:
            ValueError: the folder was made by a newer version; an unsupported URL.
        """
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        config_path = folder / "workspace.json"
        config: dict[str, Any] = {}
        if config_path.exists():
            config = json.loads(config_path.read_text(encoding="utf-8"))
            if config.get("format", 1) > WORKSPACE_FORMAT:
                raise ValueError(f"{config_path}: made by a newer version (format {config['format']})")
        config.update({k: v for k, v in settings.items() if v is not None})
        url = database_url or os.environ.get(DATABASE_URL_VARIABLE) or None
        if url:
            url, name = _split_url(url)
            config["database_url"] = _without_password(url)
            if name:
                config["name"] = programme_name(name)
        elif config.get("database_url"):
            url = config["database_url"]
        if url and sa.engine.make_url(url).get_backend_name() == "postgresql":
            config.setdefault("name", programme_name(folder.resolve().name))
        config.setdefault("embedder", DEFAULT_EMBEDDER)
        config.setdefault("created", dt.date.today().isoformat())
        config["format"] = WORKSPACE_FORMAT
        text = json.dumps(config, indent=2)
        if not config_path.exists() or config_path.read_text(encoding="utf-8") != text:
            _write_atomic(config_path, text)
        card = folder / "README.md"
        if not card.exists():
            card.write_text(_CARD.format(created=config["created"]), encoding="utf-8")
        return cls(folder, config, url)

    @classmethod
    def at(cls, database_url: str) -> Workspace:
        """A workspace with no folder whose store is at ``database_url`` (named by its
        ``?workspace=NAME``, else ``default``); indices are kept in memory."""
        url, name = _split_url(database_url)
        return cls(None, {"name": programme_name(name or "default")}, url)

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
