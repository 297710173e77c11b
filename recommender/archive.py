"""Portable workspace archives: back up a programme, or move it between SQLite and PostgreSQL.

An archive is a zip file::

    manifest.json            format, schema version, when, the workspace's settings, row counts
    tables/<table>.jsonl     one JSON object per row (people, notes, topics, pairs, segments,
                             settings), ids included, so the indices rebuilt from it match
    embeddings/<n>.npy       the cached vectors of one model: a float32 matrix (no pickle)
    embeddings/<n>.jsonl     the text hash of each of its rows, in order

``export_workspace`` writes one from any workspace; ``import_workspace`` fills a new (empty)
workspace from one, on either backend, in one transaction. Nothing is pickled: the vectors
are read with ``numpy.load(allow_pickle=False)``. An archive of an older schema imports
into the current one (columns added since take their defaults); one of a newer schema is
refused.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import numpy as np

from .storage.schema import HEAD_REVISION, SCHEMA_VERSION, metadata
from .storage.store import Store
from .workspace import Workspace

__all__ = ["ARCHIVE_FORMAT", "export_workspace", "import_workspace", "read_manifest"]

ARCHIVE_FORMAT = "tandem-workspace-archive"
ARCHIVE_VERSION = 1
TABLES = ("people", "notes", "topics", "pairs", "segments", "settings")
# Where a workspace is, not what it holds: never carried from one place to another.
_LOCAL_SETTINGS = ("database_url", "name", "created", "format")
# Store settings that describe the database, not the programme (its schema, a token that
# changes with every write of profiles): the importing store keeps its own.
_STORE_ONLY_SETTINGS = ("schema_version", "profiles_version")


def _store(workspace: Workspace) -> Store:
    return Store(workspace.database_url, workspace.database_schema)


def export_workspace(workspace: str | Path, out: str | Path,
                     database_url: str | None = None) -> dict[str, Any]:
    """Write the workspace folder ``workspace`` (its store wherever it is) to the zip
    ``out``; returns the manifest.

    Raises:
        ValueError: no workspace there.
    """
    folder = Path(workspace)
    if not (folder / "workspace.json").exists():
        raise ValueError(f"{folder}: not a workspace (no workspace.json)")
    ws = Workspace.open(folder, database_url)
    store = _store(ws)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    manifest: dict[str, Any] = {
        "format": ARCHIVE_FORMAT, "version": ARCHIVE_VERSION, "schema_version": SCHEMA_VERSION,
        "revision": HEAD_REVISION,
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "workspace": {k: v for k, v in ws.config.items() if k not in _LOCAL_SETTINGS},
        "tables": {}, "embeddings": [],
    }
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for name in TABLES:
                count = 0
                with zf.open(f"tables/{name}.jsonl", "w") as handle:
                    for row in store.table_rows(name):
                        if name == "settings" and row["key"] in _STORE_ONLY_SETTINGS:
                            continue
                        handle.write(json.dumps(row, ensure_ascii=False).encode() + b"\n")
                        count += 1
                manifest["tables"][name] = count
            for i, (model_id, hashes, vectors) in enumerate(_vectors_by_model(store)):
                buffer = io.BytesIO()
                np.save(buffer, vectors, allow_pickle=False)
                zf.writestr(f"embeddings/{i}.npy", buffer.getvalue())
                zf.writestr(f"embeddings/{i}.jsonl",
                            "".join(json.dumps(h) + "\n" for h in hashes))
                manifest["embeddings"].append({
                    "model_id": model_id, "vectors": f"embeddings/{i}.npy",
                    "hashes": f"embeddings/{i}.jsonl", "count": len(hashes),
                    "dimension": int(vectors.shape[1])})
            zf.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
        tmp.replace(out)
    finally:
        tmp.unlink(missing_ok=True)
        store.close()
    return manifest


def _vectors_by_model(store: Store) -> Iterator[tuple[str, list[str], np.ndarray]]:
    model: str | None = None
    hashes: list[str] = []
    rows: list[np.ndarray] = []
    for row in store.table_rows("embeddings"):  # ordered by model, then hash
        if row["model_id"] != model:
            if model is not None:
                yield model, hashes, np.stack(rows)
            model, hashes, rows = row["model_id"], [], []
        hashes.append(row["text_hash"])
        rows.append(np.frombuffer(row["vector"], dtype=np.float32))
    if model is not None:
        yield model, hashes, np.stack(rows)


def read_manifest(archive: str | Path) -> dict[str, Any]:
    """The manifest of ``archive``, checked.

    Raises:
        ValueError: not an archive of this format, or of a newer schema.
    """
    try:
        with zipfile.ZipFile(archive) as zf:
            manifest = json.loads(zf.read("manifest.json"))
    except (zipfile.BadZipFile, KeyError, json.JSONDecodeError) as exc:
        raise ValueError(f"{archive}: not a workspace archive ({exc})") from exc
    if manifest.get("format") != ARCHIVE_FORMAT or manifest.get("version", 0) > ARCHIVE_VERSION:
        raise ValueError(f"{archive}: not a workspace archive of a known version")
    if int(manifest.get("schema_version", 0)) > SCHEMA_VERSION:
        raise ValueError(f"{archive}: made by a newer version (schema "
                         f"{manifest['schema_version']}): upgrade tandem")
    return dict(manifest)


def _rows(zf: zipfile.ZipFile, name: str) -> Iterator[dict[str, Any]]:
    columns = set(metadata.tables[name].columns.keys())
    with zf.open(f"tables/{name}.jsonl") as handle:
        for number, line in enumerate(handle, start=1):
            row = json.loads(line)
            if not isinstance(row, dict) or not set(row) <= columns:
                raise ValueError(f"tables/{name}.jsonl, row {number}: unexpected columns "
                                 f"{sorted(set(row) - columns) if isinstance(row, dict) else row}")
            yield row


def _embedding_rows(zf: zipfile.ZipFile, entries: list[Mapping[str, Any]]
                    ) -> Iterator[dict[str, Any]]:
    for entry in entries:
        with zf.open(entry["vectors"]) as handle:
            vectors = np.load(io.BytesIO(handle.read()), allow_pickle=False)
        hashes = [json.loads(line) for line in zf.read(entry["hashes"]).splitlines() if line]
        if vectors.dtype != np.float32 or vectors.ndim != 2 or len(vectors) != len(hashes):
            raise ValueError(f"{entry['vectors']}: {vectors.shape} {vectors.dtype} vectors "
                             f"for {len(hashes)} hashes")
        for text_hash, vector in zip(hashes, vectors, strict=True):
            yield {"model_id": entry["model_id"], "text_hash": text_hash,
                   "vector": np.ascontiguousarray(vector).tobytes()}


def import_workspace(archive: str | Path, workspace: str | Path,
                     database_url: str | None = None) -> dict[str, Any]:
    """Fill the new workspace ``workspace`` (a folder; its store on ``database_url`` when
    given) from ``archive``, in one transaction; returns the manifest. The workspace's
    settings (embedder, direction...) come from the archive; its indices are rebuilt on
    first use.

    Raises:
        ValueError: a bad archive, or a workspace that already holds data.
    """
    manifest = read_manifest(archive)
    settings = {k: v for k, v in manifest.get("workspace", {}).items()
                if k not in _LOCAL_SETTINGS}
    ws = Workspace.open(workspace, database_url, **settings)
    store = _store(ws)
    try:
        with zipfile.ZipFile(archive) as zf:
            tables: dict[str, Any] = {name: _rows(zf, name) for name in TABLES}
            tables["embeddings"] = _embedding_rows(zf, manifest.get("embeddings", []))
            store.load_rows(tables)
        counts = store.fingerprint()
        expected = {**manifest["tables"], "embeddings": sum(
            int(e["count"]) for e in manifest.get("embeddings", []))}
        wrong = {k: (counts[k], v) for k, v in expected.items() if k != "settings" and counts[k] != v}
        if wrong:
            raise ValueError(f"{archive}: rows stored differ from the manifest: {wrong}")
    finally:
        store.close()
    return manifest
