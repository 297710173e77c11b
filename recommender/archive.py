"""Portable workspace archives: back up a programme, or move it between SQLite and PostgreSQL.

An archive is a zip file::

    manifest.json            format, schema version, when, the workspace's settings, row counts
    tables/<table>.jsonl     one JSON object per row (people, notes, topics, pairs, segments,
                             settings), ids included, so the indices rebuilt from it match
    embeddings/<n>.npy       the cached vectors of one model: a float32 matrix (no pickle)
    embeddings/<n>.jsonl     the text hash of each of its rows, in order

``export_workspace`` writes one from any workspace; ``import_workspace`` fills a new (empty)
workspace from one, on either backend, in one transaction. Nothing is pickled: the vectors
are read as raw float32 after their ``.npy`` header is checked. An archive of an older schema
imports into the current one (columns added since take their defaults); one of a newer
schema is refused.

**An archive is untrusted input.** Before anything is created or stored, an import checks
the whole archive, and refuses it (:class:`~recommender.errors.ValidationError`, naming the
archive, the member, the row and the column) when:

- its directory breaks a limit, before any member is read: more than :data:`MAX_MEMBERS`
  members or a directory over :data:`MAX_DIRECTORY_BYTES`; a member over
  :data:`MAX_MEMBER_BYTES` uncompressed, or over :data:`MAX_RATIO` times its compressed size
  (members under :data:`RATIO_FLOOR` excepted); all members over :data:`MAX_TOTAL_BYTES`, or
  over :data:`MAX_RATIO` times the archive's size plus :data:`RATIO_FLOOR`; an encrypted
  member, another compression than deflate, or a member that is no part of the format;
- a line of a ``.jsonl`` member is over :data:`MAX_LINE_BYTES`, or the manifest over
  :data:`MAX_MANIFEST_BYTES` (members are read in bounded pieces: nothing is read whole);
- a row fails the validators a file import goes through (people, notes, topics; pairs with
  their statuses, labelled sentences, settings with the workspace's typed readers), names
  an unknown person, repeats a key, or the row counts differ from the manifest;
- a vector is not finite or not of unit length, a vector matrix is not the float32 matrix
  its manifest entry declares (:data:`MAX_DIMENSION` columns at most), or a text hash is no
  SHA-256;
- a workspace setting names anything but a known embedder (never a path or a model to
  download), a direction, an index kind, matching numbers or rules the workspace reads.

A failed import leaves nothing behind: a folder it created is removed, an existing one gets
its ``workspace.json`` back and loses only what the import added.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import logging
import re
import shutil
import zipfile
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, NoReturn

import numpy as np

from .errors import Problem, ValidationError
from .intake.cells import BAD_CHARS, show
from .intake.forms.mapping import ColumnMapping
from .intake.validate import (
    ATTRIBUTE_PREFIX,
    FIELD_LIMITS,
    PEOPLE_COLUMNS,
    validate_fields,
    validate_notes,
    validate_pairs,
    validate_people,
    validate_segments,
    validate_topics,
)
from .matching.params import DIRECTIONS, MatchParams
from .matching.programme import rules_from_dict, rules_to_dict
from .storage.rows import person_values
from .storage.schema import HEAD_REVISION, SCHEMA_VERSION, TOPICS_CHOSEN, metadata
from .storage.store import Store
from .workspace import Workspace

__all__ = [
    "ARCHIVE_FORMAT",
    "MAX_DIMENSION",
    "MAX_DIRECTORY_BYTES",
    "MAX_LINE_BYTES",
    "MAX_MANIFEST_BYTES",
    "MAX_MEMBERS",
    "MAX_MEMBER_BYTES",
    "MAX_RATIO",
    "MAX_TOTAL_BYTES",
    "RATIO_FLOOR",
    "export_workspace",
    "import_workspace",
    "read_manifest",
]

logger = logging.getLogger(__name__)

ARCHIVE_FORMAT = "tandem-workspace-archive"
ARCHIVE_VERSION = 1
TABLES = ("people", "notes", "topics", "pairs", "segments", "settings")
# Where a workspace is and whose it is, not what it holds: never carried from one place to
# another (the workspace's own location keys, and its dates and format).
_LOCAL_SETTINGS = ("database_url", "name", "programme", "workspace_id", "created", "format")
# Store settings that describe the database, not the programme (its schema, a token that
# changes with every write of profiles): the importing store keeps its own.
_STORE_ONLY_SETTINGS = ("schema_version", "profiles_version")

_MiB = 1 << 20
_GiB = 1 << 30

# The limits. A programme of 100 000 people (the largest the benchmarks run) exports about
# 1 GB: 400 000 sentence vectors of 512 float32 (800 MB, which deflate cannot shrink) and
# a few hundred MB of JSON Lines (which it shrinks 3 to 6 times; the vectors of the
# "hashing" test embedder, mostly zeros, about 55 times at 256 dimensions, 160 at 1024).
# A zip bomb is a member of zeros or of one repeated value: deflate shrinks it about 1000
# times. Each limit is several times what such a programme needs and far below a bomb.
MAX_MEMBERS = 1000
"""Most members of an archive (an export writes 7, plus 2 per embedding model)."""
MAX_DIRECTORY_BYTES = 1 * _MiB
"""Largest zip directory, checked before :mod:`zipfile` reads it (about 100 bytes a member)."""
MAX_MEMBER_BYTES = 4 * _GiB
"""Largest member, uncompressed (the vectors of 100 000 people: about 800 MB)."""
MAX_TOTAL_BYTES = 16 * _GiB
"""Largest archive, all members uncompressed."""
MAX_RATIO = 200
"""Largest uncompressed / compressed size of a member, and of all members to the archive's
size: JSON Lines 3-6, dense vectors 1.1, "hashing" vectors up to 160; a bomb about 1000."""
RATIO_FLOOR = 1 * _MiB
"""A member this small is not held to :data:`MAX_RATIO` (whatever it holds, it is small)."""
MAX_LINE_BYTES = 1 * _MiB
"""Longest row of a ``.jsonl`` member (a person's 10 000 characters, a pair's quoted
sentences: 200 kB at most, in UTF-8 and escaped)."""
MAX_MANIFEST_BYTES = 1 * _MiB
"""Largest ``manifest.json`` (settings, rules and counts: a few kB)."""
MAX_DIMENSION = 4096
"""Widest embedding vector (the shipped models: 512 and 384)."""

_CHUNK_ROWS = 1000
_CHUNK_BYTES = 4 * _MiB
"""Rows are validated this many at a time (or this many bytes of them), so that memory
stays bounded whatever the member's length: only the keys other rows refer to are kept."""
_VECTOR_BYTES = 4 * _MiB
"""Vectors are read this many bytes at a time."""

_TABLE_MEMBERS = {f"tables/{name}.jsonl": name for name in TABLES}
_EMBEDDING_MEMBER = re.compile(r"embeddings/\d{1,6}\.(npy|jsonl)")
_TEXT_HASH = re.compile(r"[0-9a-f]{64}")

_EMBEDDERS = ("use-multilingual", "use", "use-multilingual-v3", "minilm", "all-minilm-l6-v2",
              "all-MiniLM-L6-v2")
_HASHING = re.compile(r"hashing(?:-(\d{1,4}))?(?:-v2)?")
_HASHING_DIMENSIONS = (16, 1024)
"""A "hashing" embedder's width (``hashing-256``): wider, its vectors are mostly zeros (and
over :data:`MAX_RATIO`), and a wide one is a lot of memory for each text it embeds."""
_MODEL_DIMENSIONS = {"use-multilingual-v3": 512, "st:all-MiniLM-L6-v2": 384}
_HASHING_MODEL = re.compile(r"hashing-(\d+)-v2")

_MATCHING_SETTINGS: dict[str, type] = {
    "min_experience_gap": float, "cross_department_bonus": float,
    "max_mentors_per_mentee": int, "max_mentees_per_mentor": int, "min_score": float,
}
"""The matching numbers ``workspace.json`` keeps (``Recommender.open`` reads them with
:func:`~recommender.recommender.saved_settings`; a test keeps the two lists the same)."""
_INDEX_KINDS = ("flat", "ivf")
_NOTES_VISIBLE = "coordinators_read_notes"
"""The facade's ``NOTES_VISIBLE_SETTING`` (a test keeps the two the same)."""
_UNIT_TOLERANCE = 1e-3
"""Every embedder normalises its vectors (float32 rounding: about 1e-7)."""


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


# ------------------------------------------------------------------------ reading
def _size(n: float) -> str:
    for unit in ("bytes", "kB", "MB", "GB"):
        if n < 1000 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1000
    return f"{n:.1f} GB"


def _directory_extent(handle: IO[bytes]) -> tuple[int, int] | None:
    """The member count and directory size the end of a zip file declares (``None``: no
    end record; :mod:`zipfile` then says what is wrong). Read before :mod:`zipfile` loads
    the whole directory into memory."""
    handle.seek(0, io.SEEK_END)
    size = handle.tell()
    tail_size = min(size, 22 + 0xFFFF)  # the end record, then a comment of up to 64 kB
    handle.seek(size - tail_size)
    tail = handle.read(tail_size)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) < at + 22:
        return None
    members = int.from_bytes(tail[at + 10:at + 12], "little")
    directory = int.from_bytes(tail[at + 12:at + 16], "little")
    locator = at - 20
    if (members == 0xFFFF or directory == 0xFFFFFFFF) and locator >= 0 \
            and tail[locator:locator + 4] == b"PK\x06\x07":  # zip64: the real numbers
        handle.seek(int.from_bytes(tail[locator + 8:locator + 16], "little"))
        record = handle.read(56)
        if record[:4] == b"PK\x06\x06" and len(record) == 56:
            members = int.from_bytes(record[32:40], "little")
            directory = int.from_bytes(record[40:48], "little")
    return members, directory


@dataclass
class _Known:
    """What rows of one table may refer to in others, and what each table must not repeat
    (kept across the chunks of a member)."""

    people: set[str] = field(default_factory=set)
    seen: dict[str, set[Any]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)


class _Archive:
    """An archive whose directory passed the limits; every read of it is bounded."""

    def __init__(self, path: Path):
        self.path = path
        try:
            with path.open("rb") as handle:
                extent = _directory_extent(handle)
                size = handle.seek(0, io.SEEK_END)
        except OSError as exc:
            self.fail(None, f"cannot be read ({exc.strerror or exc})")
        if extent is not None:
            if extent[0] > MAX_MEMBERS:
                self.fail(None, f"holds {extent[0]} members, at most {MAX_MEMBERS}: refused "
                          "before reading it")
            if extent[1] > MAX_DIRECTORY_BYTES:
                self.fail(None, f"its zip directory takes {_size(extent[1])}, at most "
                          f"{_size(MAX_DIRECTORY_BYTES)}: refused before reading it")
        try:
            self.zf = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
            self.fail(None, f"not a workspace archive ({exc})")
        try:
            self._check_directory(size)
        except BaseException:
            self.zf.close()
            raise

    def close(self) -> None:
        self.zf.close()

    def where(self, member: str | None) -> str:
        return f"{self.path}: {member}" if member else str(self.path)

    def fail(self, member: str | None, message: str, row: int | None = None,
             column: str | None = None) -> NoReturn:
        raise ValidationError([Problem(self.where(member), row, column, message)])

    def _check_directory(self, archive_bytes: int) -> None:
        infos = self.zf.infolist()
        if len(infos) > MAX_MEMBERS:
            self.fail(None, f"holds {len(infos)} members, at most {MAX_MEMBERS}")
        total = 0
        names: set[str] = set()
        for info in infos:
            name = info.filename
            if name in names:
                self.fail(name, "appears twice in the archive")
            names.add(name)
            if name != "manifest.json" and name not in _TABLE_MEMBERS \
                    and not _EMBEDDING_MEMBER.fullmatch(name):
                self.fail(name, "is no part of a workspace archive (manifest.json, tables/, "
                          "embeddings/ only)")
            if info.flag_bits & 0x1:
                self.fail(name, "is encrypted")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                self.fail(name, "is compressed with another method than deflate")
            if info.file_size > MAX_MEMBER_BYTES:
                self.fail(name, f"declares {_size(info.file_size)} uncompressed, at most "
                          f"{_size(MAX_MEMBER_BYTES)} a member: refused before reading it")
            if info.file_size > RATIO_FLOOR \
                    and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                self.fail(name, f"declares {_size(info.file_size)} uncompressed from "
                          f"{_size(info.compress_size)} (ratio "
                          f"{info.file_size // max(info.compress_size, 1)}:1, at most "
                          f"{MAX_RATIO}:1): a zip bomb? Refused before reading it")
            total += info.file_size
        if total > MAX_TOTAL_BYTES or total > MAX_RATIO * archive_bytes + RATIO_FLOOR:
            self.fail(None, f"its members declare {_size(total)} uncompressed from "
                      f"{_size(archive_bytes)}, at most {_size(MAX_TOTAL_BYTES)} and "
                      f"{MAX_RATIO} times the archive: refused before reading it")
        self.names = names

    @contextlib.contextmanager
    def _reading(self, member: str) -> Iterator[None]:
        """Damaged data (a bad CRC, a broken deflate stream) named after its member."""
        try:
            yield
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, OSError) as exc:
            self.fail(member, f"cannot be read: the archive is damaged ({exc})")

    def _open(self, member: str) -> IO[bytes]:
        if member not in self.names:
            self.fail(member, "is missing from the archive")
        with self._reading(member):
            return self.zf.open(member)

    def _json(self, member: str, data: bytes, row: int | None = None) -> Any:
        try:
            return json.loads(data.decode("utf-8"))
        except UnicodeDecodeError:
            self.fail(member, "is not UTF-8 text", row)
        except RecursionError:
            self.fail(member, "nested too deeply to be a workspace's data", row)
        except ValueError as exc:  # JSONDecodeError, and numbers of over 4300 digits
            self.fail(member, f"not JSON ({exc})", row)

    def read_json(self, member: str, limit: int) -> Any:
        with self._open(member) as handle, self._reading(member):
            data = handle.read(limit + 1)
        if len(data) > limit:
            self.fail(member, f"is over {_size(limit)}")
        return self._json(member, data)

    def lines(self, member: str) -> Iterator[tuple[int, bytes]]:
        """``(line number, line)``, each at most :data:`MAX_LINE_BYTES` (read in bounded
        pieces: a one-line member of gigabytes stops at the limit)."""
        with self._open(member) as raw, io.BufferedReader(raw, 1 << 16) as handle:  # type: ignore[type-var]
            number = 0
            while True:
                with self._reading(member):
                    line = handle.readline(MAX_LINE_BYTES + 1)
                if not line:
                    return
                number += 1
                if len(line) > MAX_LINE_BYTES:
                    self.fail(member, f"longer than {_size(MAX_LINE_BYTES)}: refused", number)
                if line.strip():
                    yield number, line

    # -------------------------------------------------------------------- manifest
    def manifest(self) -> dict[str, Any]:
        if "manifest.json" not in self.names:
            self.fail(None, "not a workspace archive (no manifest.json)")
        manifest = self.read_json("manifest.json", MAX_MANIFEST_BYTES)
        if not isinstance(manifest, dict) or manifest.get("format") != ARCHIVE_FORMAT:
            self.fail(None, "not a workspace archive of a known version")
        version, schema = manifest.get("version", 0), manifest.get("schema_version", 0)
        if not _whole(version) or not _whole(schema) or version < 1:
            self.fail("manifest.json", "version and schema_version must be whole numbers")
        if version > ARCHIVE_VERSION:
            self.fail(None, "not a workspace archive of a known version")
        if schema > SCHEMA_VERSION:
            self.fail(None, f"made by a newer version (schema {schema}): upgrade tandem")
        tables = manifest.get("tables")
        if not isinstance(tables, dict) or set(tables) != set(TABLES) \
                or not all(_whole(n) for n in tables.values()):
            self.fail("manifest.json", f"'tables' must give the row count of {', '.join(TABLES)}")
        if not isinstance(manifest.get("workspace", {}), dict):
            self.fail("manifest.json", "'workspace' must be an object of settings")
        entries = manifest.setdefault("embeddings", [])
        if not isinstance(entries, list):
            self.fail("manifest.json", "'embeddings' must be a list")
        models: set[str] = set()
        named = {"manifest.json", *_TABLE_MEMBERS}
        for i, entry in enumerate(entries):
            self._check_entry(entry, f"embeddings[{i}]", models, named)
        for name in sorted(self.names - named):
            self.fail(name, "is not named by the manifest")
        for name in sorted(set(_TABLE_MEMBERS) - self.names):
            self.fail(name, "is missing from the archive")
        return manifest

    def _check_entry(self, entry: Any, where: str, models: set[str], named: set[str]) -> None:
        if not isinstance(entry, dict) or set(entry) != {"model_id", "vectors", "hashes",
                                                         "count", "dimension"}:
            self.fail("manifest.json", f"{where}: must give model_id, vectors, hashes, count, "
                      "dimension")
        model = entry["model_id"]
        if not isinstance(model, str) or not model or BAD_CHARS.search(model) \
                or len(model) > FIELD_LIMITS["model_id"] or model in models:
            self.fail("manifest.json", f"{where}: model_id must be a new text of at most "
                      f"{FIELD_LIMITS['model_id']} characters, got '{show(model)}'")
        models.add(model)
        count, dimension = entry["count"], entry["dimension"]
        if not _whole(count) or not _whole(dimension) or not 1 <= dimension <= MAX_DIMENSION:
            self.fail("manifest.json", f"{where}: count must be a whole number and dimension "
                      f"one from 1 to {MAX_DIMENSION}")
        hashing = _HASHING_MODEL.fullmatch(model)
        expected = int(hashing.group(1)) if hashing else _MODEL_DIMENSIONS.get(model)
        if expected is not None and dimension != expected:
            self.fail("manifest.json", f"{where}: the vectors of {model} have {expected} "
                      f"dimensions, not {dimension}")
        for key, suffix in (("vectors", ".npy"), ("hashes", ".jsonl")):
            name = entry[key]
            if not isinstance(name, str) or not _EMBEDDING_MEMBER.fullmatch(name) \
                    or not name.endswith(suffix) or name in named:
                self.fail("manifest.json", f"{where}: {key} must name its own "
                          f"embeddings/<n>{suffix} member, got '{show(name)}'")
            if name not in self.names:
                self.fail(name, "is missing from the archive")
            named.add(name)

    def settings(self, manifest: Mapping[str, Any]) -> dict[str, Any]:
        """The workspace settings the archive gives, each read as the workspace reads it."""
        given = {k: v for k, v in manifest.get("workspace", {}).items()
                 if k not in _LOCAL_SETTINGS}
        out: dict[str, Any] = {}
        for key, value in given.items():
            where = f"workspace.{key}"
            if key == "embedder":
                if not _known_embedder(value):
                    self.fail("manifest.json", f"'{show(value)}' is not an embedder an archive "
                              "may name (use-multilingual, minilm, hashing): an archive never "
                              "names a model folder or a model to download; import it, then "
                              "choose the model with --model", column=where)
                out[key] = value
            elif key == "index_kind":
                if value not in _INDEX_KINDS:
                    self.fail("manifest.json", f"must be one of {', '.join(_INDEX_KINDS)}, got "
                              f"'{show(value)}'", column=where)
                out[key] = value
            elif key == "direction":
                if value not in DIRECTIONS:
                    self.fail("manifest.json", f"must be one of {', '.join(DIRECTIONS)}, got "
                              f"'{show(value)}'", column=where)
                out[key] = value
            elif key == "matching":
                out[key] = self._matching(value, where)
            elif key == "rules":
                try:
                    out[key] = rules_to_dict(rules_from_dict(value, where))
                except ValueError as exc:
                    self.fail("manifest.json", str(exc))
            else:
                self.fail("manifest.json", "unknown setting", column=where)
        return out

    def _matching(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.fail("manifest.json", "must be an object of settings", column=where)
        for key, number in value.items():
            kind = _MATCHING_SETTINGS.get(key)
            if kind is None:
                self.fail("manifest.json", "unknown setting", column=f"{where}.{key}")
            if number is None and key == "max_mentees_per_mentor":
                continue
            if not (_whole(number) if kind is int else _finite(number)):
                self.fail("manifest.json", f"must be a {'whole ' if kind is int else ''}number, "
                          f"got '{show(number)}'", column=f"{where}.{key}")
        try:
            MatchParams(**value)
        except ValueError as exc:
            self.fail("manifest.json", str(exc), column=where)
        return dict(value)

    # -------------------------------------------------------------------- rows
    def rows(self, manifest: Mapping[str, Any]) -> dict[str, Iterator[dict[str, Any]]]:
        """Every table's rows and the vectors, validated as they are read (lazily, in this
        order: people first, whose ids the other tables refer to)."""
        known = _Known()
        tables: dict[str, Iterator[dict[str, Any]]] = {
            name: self._table(name, manifest["tables"][name], known) for name in TABLES}
        tables["embeddings"] = self._vectors(manifest["embeddings"])
        return tables

    def _table(self, name: str, expected: int, known: _Known) -> Iterator[dict[str, Any]]:
        member = f"tables/{name}.jsonl"
        convert = _CONVERTERS[name]
        count = 0
        for chunk in self._chunks(member, set(metadata.tables[name].columns.keys())):
            rows = convert(self.where(member), chunk, known)
            count += len(chunk)
            yield from rows
        if count != expected:
            self.fail(member, f"holds {count} rows, the manifest says {expected}")

    def _chunks(self, member: str, columns: set[str]
                ) -> Iterator[list[tuple[int, dict[str, Any]]]]:
        chunk: list[tuple[int, dict[str, Any]]] = []
        size = 0
        for number, line in self.lines(member):
            row = self._json(member, line, number)
            if not isinstance(row, dict):
                self.fail(member, f"a row must be an object {{column: value}}, found "
                          f"{show(row)}", number)
            unknown = set(row) - columns
            if unknown:
                self.fail(member, f"unknown column(s) {', '.join(sorted(map(show, unknown)))}",
                          number)
            chunk.append((number, row))
            size += len(line)
            if len(chunk) >= _CHUNK_ROWS or size >= _CHUNK_BYTES:
                yield chunk
                chunk, size = [], 0
        if chunk:
            yield chunk

    def _vectors(self, entries: Sequence[Mapping[str, Any]]) -> Iterator[dict[str, Any]]:
        for entry in entries:
            yield from self._model_vectors(entry)

    def _model_vectors(self, entry: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
        model, member, count, dimension = (entry["model_id"], entry["vectors"], entry["count"],
                                           entry["dimension"])
        declared = self.zf.getinfo(member).file_size
        with self._open(member) as handle:
            with self._reading(member):
                header = _npy_header(handle)
            if header is None or header[0] != (count, dimension) \
                    or declared != header[1] + count * dimension * 4:
                self.fail(member, f"must be a float32 matrix of {count} x {dimension} (its "
                          "manifest entry), without pickle")
            hashes = self.lines(entry["hashes"])
            seen: set[str] = set()
            per_read = max(1, _VECTOR_BYTES // (4 * dimension))
            for start in range(0, count, per_read):
                n = min(per_read, count - start)
                with self._reading(member):
                    data = handle.read(n * dimension * 4)
                if len(data) != n * dimension * 4:
                    self.fail(member, "ends before its last vector")
                block = np.frombuffer(data, dtype="<f4").reshape(n, dimension)
                norms = np.sqrt(np.einsum("ij,ij->i", block, block, dtype=np.float64))
                bad = ~np.isfinite(norms) | ((norms != 0) & (np.abs(norms - 1) > _UNIT_TOLERANCE))
                if bad.any():
                    self.fail(member, "not an embedding: a vector must be finite and of unit "
                              "length", start + int(np.argmax(bad)) + 1)
                for i in range(n):
                    found = next(hashes, None)
                    if found is None:
                        self.fail(entry["hashes"], f"fewer text hashes than the {count} vectors")
                    number, line = found
                    text_hash = self._json(entry["hashes"], line, number)
                    if not isinstance(text_hash, str) or not _TEXT_HASH.fullmatch(text_hash):
                        self.fail(entry["hashes"], "a text hash is 64 hexadecimal digits (a "
                                  f"SHA-256), got '{show(text_hash)}'", number)
                    if text_hash in seen:
                        self.fail(entry["hashes"], "the same text hash twice", number)
                    seen.add(text_hash)
                    yield {"model_id": model, "text_hash": text_hash,
                           "vector": np.ascontiguousarray(block[i], dtype=np.float32).tobytes()}
            if next(hashes, None) is not None:
                self.fail(entry["hashes"], f"more text hashes than the {count} vectors")


def _npy_header(handle: IO[bytes]) -> tuple[tuple[int, ...], int] | None:
    """The shape of a ``.npy`` holding a little-endian float32 matrix in C order, and its
    header's length; ``None`` for anything else (what :func:`numpy.load` would need a pickle,
    a big-endian or Fortran order for is refused, never converted)."""
    try:
        version = np.lib.format.read_magic(handle)
        if version == (1, 0):
            shape, fortran, dtype = np.lib.format.read_array_header_1_0(handle)
        elif version == (2, 0):
            shape, fortran, dtype = np.lib.format.read_array_header_2_0(handle)
        else:
            return None
    except (ValueError, SyntaxError, TypeError, EOFError):
        return None
    if fortran or dtype != np.dtype("<f4") or len(shape) != 2:
        return None
    return tuple(int(n) for n in shape), handle.tell()


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 2**31


def _finite(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) \
        and bool(np.isfinite(value))


def _known_embedder(spec: Any) -> bool:
    if not isinstance(spec, str):
        return False
    if spec in _EMBEDDERS:
        return True
    hashing = _HASHING.fullmatch(spec)
    low, high = _HASHING_DIMENSIONS
    return hashing is not None and (hashing.group(1) is None
                                    or low <= int(hashing.group(1)) <= high)


# ------------------------------------------------------------------------ tables
Rows = list[tuple[int, dict[str, Any]]]


def _problems(*checks: Callable[[], Any]) -> tuple[list[Any], list[Problem]]:
    """Run validators, each on the same rows: their results, and every problem they found."""
    results: list[Any] = []
    problems: list[Problem] = []
    for check in checks:
        try:
            results.append(check())
        except ValidationError as exc:
            results.append(None)
            problems.extend(exc.problems)
    return results, problems


def _raise(problems: list[Problem]) -> None:
    if problems:
        raise ValidationError(sorted(problems, key=lambda p: p.row or 0))


def _new(source: str, known: _Known, table: str, row: int, key: Any, column: str,
         problems: list[Problem]) -> None:
    """Record ``key`` as seen in ``table``; a problem when an earlier row had it."""
    seen = known.seen.setdefault(table, set())
    if key in seen:
        problems.append(Problem(source, row, column, f"duplicate {column} '{show(key)}'"))
    seen.add(key)


def _embedded_json(source: str, row: int, column: str, value: Any, problems: list[Problem],
                   empty: Any) -> Any:
    """A column holding JSON text (a person's attributes, a pair's details...), parsed;
    ``empty`` when blank or wrong (with a problem)."""
    if value is None or value == "":
        return empty
    if isinstance(value, str):
        try:
            parsed = json.loads(value)
        except (ValueError, RecursionError):
            parsed = None
        if isinstance(parsed, type(empty)):
            return parsed
    problems.append(Problem(source, row, column, f"must hold a JSON "
                            f"{'list' if isinstance(empty, list) else 'object'}"))
    return empty


def _people(source: str, chunk: Rows, known: _Known) -> list[dict[str, Any]]:
    problems: list[Problem] = []
    inputs = []
    for number, row in chunk:
        person = {k: row[k] for k in PEOPLE_COLUMNS if k in row}
        for item in _embedded_json(source, number, "attributes", row.get("attributes"),
                                   problems, []):
            if not isinstance(item, list) or len(item) != 2 or not isinstance(item[0], str) \
                    or not item[0] or len(item[0]) > FIELD_LIMITS["title"] \
                    or BAD_CHARS.search(item[0]):
                problems.append(Problem(source, number, "attributes",
                                        f"not a [name, value] pair: {show(item)}"))
            else:
                person[ATTRIBUTE_PREFIX + item[0]] = item[1]
        inputs.append((number, person))
    (people, fields), found = _problems(
        lambda: validate_people(inputs, source),
        lambda: validate_fields(chunk, ("updated_at", "source", "source_form"), source))
    problems.extend(found)
    _raise(problems)
    out = []
    for (number, _), person, extra in zip(chunk, people, fields, strict=True):
        _new(source, known, "people", number, person.id, "id", problems)
        known.people.add(person.id)
        out.append({**person_values(person), **extra, "updated_at": extra["updated_at"] or None})
    _raise(problems)
    return out


def _notes(source: str, chunk: Rows, known: _Known) -> list[dict[str, Any]]:
    problems: list[Problem] = []
    for number, row in chunk:
        if not _whole(row.get("id")) or row["id"] < 1:
            problems.append(Problem(source, number, "id", "must be a whole number >= 1, got "
                                    f"'{show(row.get('id'))}'"))
        else:
            _new(source, known, "notes", number, row["id"], "id", problems)
    (notes,), found = _problems(lambda: validate_notes(chunk, known.people, source))
    _raise(problems + found)
    return [{"id": row["id"], "mentor_id": n.mentor_id, "mentee_id": n.mentee_id,
             "date": n.date, "text": n.text, "rating": n.rating}
            for (_, row), n in zip(chunk, notes, strict=True)]


def _topics(source: str, chunk: Rows, known: _Known) -> list[dict[str, Any]]:
    problems: list[Problem] = []
    flat: Rows = []
    for number, row in chunk:
        if not _whole(row.get("position")):
            problems.append(Problem(source, number, "position", "must be a whole number >= 0"))
        else:
            _new(source, known, "topic positions", number, row["position"], "position",
                 problems)
        if isinstance(row.get("id"), str):
            _new(source, known, "topics", number, row["id"].strip(), "id", problems)
        before = len(problems)
        content = _embedded_json(source, number, "content", row.get("content"), problems, {})
        if len(problems) > before:
            continue
        parts = {k: content.get(k, {}) for k in ("title", "description", "starters")}
        if set(content) - set(parts) or not all(isinstance(v, dict) for v in parts.values()) \
                or not parts["title"]:
            problems.append(Problem(source, number, "content", "must hold title, description "
                                    "and starters, each by language"))
            continue
        flat.extend((number, {"id": row.get("id"), "category": row.get("category"),
                              "language": language, "title": title,
                              "description": parts["description"].get(language, ""),
                              "starters": parts["starters"].get(language, [])})
                    for language, title in parts["title"].items())
    (topics,), found = _problems(lambda: validate_topics(flat, source))
    _raise(problems + found)
    return [{"id": t.id, "position": row["position"], "category": t.category,
             "content": json.dumps({"title": dict(t.title), "description": dict(t.description),
                                    "starters": {k: list(v) for k, v in t.starters.items()}},
                                   ensure_ascii=False)}
            for (_, row), t in zip(chunk, topics, strict=True)]


_DETAILS = ("parts", "reasons", "quotes", "signals")


def _pairs(source: str, chunk: Rows, known: _Known) -> list[dict[str, Any]]:
    problems: list[Problem] = []
    inputs = []
    for number, row in chunk:
        details = _embedded_json(source, number, "details", row.get("details"), problems, {})
        if set(details) - set(_DETAILS):
            problems.append(Problem(source, number, "details", "unknown entries "
                                    f"{', '.join(sorted(map(show, set(details) - set(_DETAILS))))}"))
        inputs.append((number, {**{k: v for k, v in row.items() if k != "details"},
                                **{k: details[k] for k in _DETAILS if k in details}}))
    (pairs,), found = _problems(lambda: validate_pairs(inputs, known.people, source))
    _raise(problems + found)
    out = []
    for (number, _), p in zip(chunk, pairs, strict=True):
        _new(source, known, "pairs", number, p.key, "pair", problems)
        out.append({"mentor_id": p.mentor_id, "mentee_id": p.mentee_id, "status": p.status,
                    "locked": p.locked, "score": p.score,
                    "details": json.dumps({"parts": dict(p.parts), "reasons": list(p.reasons),
                                           "quotes": dict(p.quotes),
                                           "signals": dict(p.signals)}, ensure_ascii=False),
                    "updated_at": p.updated_at, "version": p.version})
    _raise(problems)
    return out


def _segments(source: str, chunk: Rows, known: _Known) -> list[dict[str, Any]]:
    (segments, fields), problems = _problems(
        lambda: validate_segments(chunk, known.people, source),
        lambda: validate_fields(chunk, ("model_id",), source))
    _raise(problems)
    out = []
    for (number, _), s, extra in zip(chunk, segments, fields, strict=True):
        if not s.id or not extra["model_id"]:
            problems.append(Problem(source, number, "id" if not s.id else "model_id",
                                    "missing"))
        _new(source, known, "segments", number, s.id, "id", problems)
        out.append({"id": s.id, "person_id": s.person_id, "kind": s.kind,
                    "position": s.position, "text": s.text, "confidence": s.confidence,
                    "p_want": s.p_want, "model_id": extra["model_id"]})
    _raise(problems)
    return out


def _settings(source: str, chunk: Rows, known: _Known) -> list[dict[str, Any]]:
    (keys,), problems = _problems(lambda: validate_fields(chunk, ("key",), source))
    _raise(problems)
    out = []
    for (number, row), checked in zip(chunk, keys, strict=True):
        key, raw = checked["key"], row.get("value")
        _new(source, known, "settings", number, key, "key", problems)
        if key in _STORE_ONLY_SETTINGS:
            continue  # the importing store keeps its own
        if key in (TOPICS_CHOSEN, _NOTES_VISIBLE):
            if raw not in ("true", "false"):
                problems.append(Problem(source, number, "value", "must be true or false"))
            value: Any = raw == "true"
        elif key.startswith("mapping:"):  # a sign-up form's confirmed column mapping
            before = len(problems)
            value = _embedded_json(source, number, "value", raw, problems, {})
            try:
                if len(problems) == before:
                    ColumnMapping.from_dict(value, f"{source}, row {number}, mapping")
            except ValidationError as exc:
                problems.extend(exc.problems)
        else:
            problems.append(Problem(source, number, "key", f"unknown setting '{show(key)}'"))
            continue
        out.append({"key": key, "value": json.dumps(value)})
    _raise(problems)
    return out


_CONVERTERS: dict[str, Callable[[str, Rows, _Known], list[dict[str, Any]]]] = {
    "people": _people, "notes": _notes, "topics": _topics, "pairs": _pairs,
    "segments": _segments, "settings": _settings,
}
"""Each table's rows -> the store's rows, through the validators of a file import."""


# ------------------------------------------------------------------------ the target
class _Target:
    """What an import may leave in the workspace folder, to take back when it fails."""

    def __init__(self, folder: Path):
        self.folder = folder
        # the topmost folder the import creates (``Workspace.open`` makes parents too)
        self.created: Path | None = None
        for candidate in (folder, *folder.parents):
            if candidate.exists():
                break
            self.created = candidate
        self.entries = set() if self.created else {p.name for p in folder.iterdir()}
        config = folder / "workspace.json"
        self.config = config.read_bytes() if not self.created and config.is_file() else None

    def undo(self) -> None:
        if self.created is not None:
            shutil.rmtree(self.created, ignore_errors=True)
            return
        for path in self.folder.iterdir():
            # a store that was there may be open elsewhere: its journal files are its own
            if path.name in self.entries or ("store.sqlite" in self.entries
                                             and path.name.startswith("store.sqlite")):
                continue
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
        if self.config is not None:
            (self.folder / "workspace.json").write_bytes(self.config)


def read_manifest(archive: str | Path) -> dict[str, Any]:
    """The manifest of ``archive``, checked (with the archive's directory: see the
    module's limits).

    Raises:
        ValidationError: not an archive of this format, of a newer schema, or over a limit.
    """
    reader = _Archive(Path(archive))
    try:
        return reader.manifest()
    finally:
        reader.close()


def import_workspace(archive: str | Path, workspace: str | Path,
                     database_url: str | None = None) -> dict[str, Any]:
    """Fill the new workspace ``workspace`` (a folder; its store on ``database_url`` when
    given) from ``archive``, in one transaction; returns the manifest. The workspace's
    settings (embedder, direction...) come from the archive; its indices are rebuilt on
    first use.

    The whole archive is read and validated first (see the module's notes): a bad one is
    refused before the folder or the store is touched. On any failure nothing is left
    behind.

    Raises:
        ValidationError: a bad archive (naming the archive, the member, the row and the
            column), over a limit, or made by a newer version.
        ValueError: a workspace that already holds data.
    """
    reader = _Archive(Path(archive))
    try:
        manifest = reader.manifest()
        settings = reader.settings(manifest)
        for rows in reader.rows(manifest).values():  # everything checked, nothing kept
            for _ in rows:
                pass
        target = _Target(Path(workspace))
        store: Store | None = None
        try:
            ws = Workspace.open(workspace, database_url, **settings)
            store = _store(ws)
            store.load_rows(reader.rows(manifest))  # read and checked again, as stored
        except BaseException:
            if store is not None:
                store.close()
                store = None
            target.undo()
            logger.info("%s: import failed, %s left as it was", archive, workspace)
            raise
        finally:
            if store is not None:
                store.close()
    finally:
        reader.close()
    logger.info("%s: imported into %s", archive, workspace)
    return manifest
