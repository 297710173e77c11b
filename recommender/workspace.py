"""A programme's workspace on disk: its folder, settings file, card, store and index paths.

A workspace is a folder::

    workspace.json   settings (embedder, index kind, programme direction, format version)
    README.md        what the folder holds (a card for whoever finds it)
    store.sqlite     the source of truth (see :mod:`recommender.store`)
    index/           FAISS indices derived from the store, rebuilt when missing or stale

``Workspace(None)`` is an in-memory workspace (nothing on disk).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .embed import DEFAULT_EMBEDDER

__all__ = ["WORKSPACE_FORMAT", "Workspace"]

WORKSPACE_FORMAT = 1

_CARD = """# Mentoring programme workspace

Created by `tandem-recommender` on {created}.

- `workspace.json`: settings (embedder, index kind, programme direction, format version).
- `store.sqlite`: the source of truth: people, session notes, topics, pairs with their status,
  and the embedding cache (float32 vectors keyed by model id and text hash). No pickle.
- `index/`: FAISS indices derived from the store; delete them freely, they are rebuilt.

This folder holds personal data: keep it on the coordinator's machine.
"""


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

    @classmethod
    def open(cls, path: str | Path, **settings: Any) -> Workspace:
        """Open the folder ``path``, creating it when absent.

        Settings given (not ``None``) replace the stored ones and are written back, so the
        next opening remembers them (e.g. ``embedder="minilm"``, ``direction="classic"``).

        Raises:
            ValueError: the folder was made by a newer version.
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
        config.setdefault("embedder", DEFAULT_EMBEDDER)
        config.setdefault("created", dt.date.today().isoformat())
        config["format"] = WORKSPACE_FORMAT
        text = json.dumps(config, indent=2)
        if not config_path.exists() or config_path.read_text(encoding="utf-8") != text:
            _write_atomic(config_path, text)
        card = folder / "README.md"
        if not card.exists():
            card.write_text(_CARD.format(created=config["created"]), encoding="utf-8")
        return cls(folder, config)

    @property
    def database_url(self) -> str:
        """The store's SQLAlchemy URL (in memory when the workspace has no folder)."""
        return f"sqlite:///{self.path / 'store.sqlite'}" if self.path else "sqlite://"

    def index_path(self, name: str) -> Path | None:
        """Where the index ``name`` is saved (``None`` in memory)."""
        return self.path / "index" / name if self.path else None

    def get(self, key: str, default: Any = None) -> Any:
        """A setting of ``workspace.json``."""
        return self.config.get(key, default)
