"""``import-workspace`` treats an archive as untrusted input: zip bombs are refused from the
zip directory before anything is read, members are read in bounded pieces, every row goes
through the validators of a file import before anything is written, and a failed import
leaves nothing behind (exit code 2, the archive, member, row and column named, no
traceback)."""

from __future__ import annotations

import io
import json
import shutil
import struct
import time
import tracemalloc
import zipfile
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from recommender import Recommender, load_demo
from recommender import archive as archive_module
from recommender.archive import (
    MAX_LINE_BYTES,
    MAX_MEMBERS,
    MAX_RATIO,
    export_workspace,
    import_workspace,
    read_manifest,
)
from recommender.errors import ValidationError
from recommender.recommender import NOTES_VISIBLE_SETTING, SAVED_SETTINGS
from recommender.storage.store import Store

_MiB = 1 << 20
TABLES = ("people", "notes", "topics", "pairs", "segments", "settings")


# ------------------------------------------------------------------------ building archives
@pytest.fixture(scope="module")
def demo_archive(tmp_path_factory) -> Path:
    """A real export: the demo programme with a decision, a lock and cached vectors."""
    folder = tmp_path_factory.mktemp("demo") / "ws"
    rec = load_demo(folder, embedder="hashing")
    fresh = [p for p in rec.suggest_pairs(min_experience_gap=12).pairs if p.status == "proposed"]
    rec.set_pair_status(fresh[0].mentor_id, fresh[0].mentee_id, "accepted")
    rec.set_pair_status(fresh[1].mentor_id, fresh[1].mentee_id, "proposed", locked=True)
    rec.search("TikTok")
    rec.close()
    out = folder.parent / "demo.zip"
    export_workspace(folder, out)
    return out


Change = bytes | Callable[[bytes], bytes] | None


def tampered(source: Path, out: Path, changes: dict[str, Change],
             compression: int = zipfile.ZIP_DEFLATED) -> Path:
    """``source`` with members replaced (bytes), edited (a function of the old bytes),
    removed (``None``) or added."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(out, "w", compression) as dst:
        for name in src.namelist():
            change = changes.get(name, src.read(name))
            data = change(src.read(name)) if callable(change) else change
            if data is not None:
                dst.writestr(name, data)
        for name, change in changes.items():
            if name not in src.namelist() and isinstance(change, bytes):
                dst.writestr(name, change)
    return out


def edit_row(index: int, **values: Any) -> Callable[[bytes], bytes]:
    """Set columns of the ``index``-th row of a JSON Lines member."""
    def edit(data: bytes) -> bytes:
        lines = data.decode().splitlines()
        lines[index] = json.dumps({**json.loads(lines[index]), **values})
        return ("\n".join(lines) + "\n").encode()
    return edit


def replace_line(index: int, line: str) -> Callable[[bytes], bytes]:
    def edit(data: bytes) -> bytes:
        lines = data.decode().splitlines()
        lines[index] = line
        return ("\n".join(lines) + "\n").encode()
    return edit


def edit_json(path: str, value: Any) -> Callable[[bytes], bytes]:
    """Set ``a.b`` of a JSON document (the manifest)."""
    def edit(data: bytes) -> bytes:
        document = json.loads(data)
        *parents, last = path.split(".")
        node = document
        for key in parents:
            node = node.setdefault(key, {})
        node[last] = value
        return json.dumps(document).encode()
    return edit


def edit_details(index: int, **values: Any) -> Callable[[bytes], bytes]:
    """Set entries of the JSON ``details`` of the ``index``-th pair."""
    def edit(data: bytes) -> bytes:
        lines = data.decode().splitlines()
        row = json.loads(lines[index])
        row["details"] = json.dumps({**json.loads(row["details"]), **values})
        lines[index] = json.dumps(row)
        return ("\n".join(lines) + "\n").encode()
    return edit


def edit_vectors(change: Callable[[np.ndarray], Any]) -> Callable[[bytes], bytes]:
    def edit(data: bytes) -> bytes:
        vectors = np.load(io.BytesIO(data), allow_pickle=False)
        vectors = change(vectors)
        buffer = io.BytesIO()
        np.save(buffer, vectors, allow_pickle=True)
        return buffer.getvalue()
    return edit


def deflated(pieces: Iterable[tuple[bytes, int]]) -> tuple[bytes, int, int]:
    """A raw deflate stream of each piece repeated ``times`` (its CRC and size), made in a
    second however large: after a full flush, the same piece compresses to the same bytes,
    so it is compressed twice and its bytes repeated."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    out, crc, size = [], 0, 0
    for piece, times in pieces:
        first = compressor.compress(piece) + compressor.flush(zlib.Z_FULL_FLUSH)
        out.append(first)
        if times > 1:
            again = compressor.compress(piece) + compressor.flush(zlib.Z_FULL_FLUSH)
            out.append(again * (times - 1))
        for _ in range(times):
            crc = zlib.crc32(piece, crc)
        size += len(piece) * times
    out.append(compressor.flush())
    return b"".join(out), crc, size


def write_zip(path: Path, members: dict[str, bytes | tuple[bytes, int, int]],
              flags: int = 0) -> Path:
    """A zip file written by hand (deflate), so that a member can be a stream made by
    :func:`deflated`."""
    local, central = bytearray(), bytearray()
    for name, content in members.items():
        if isinstance(content, bytes):
            compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
            data = compressor.compress(content) + compressor.flush()
            crc, size = zlib.crc32(content), len(content)
        else:
            data, crc, size = content
        encoded, offset = name.encode(), len(local)
        local += struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, flags, 8, 0, 0x21, crc, len(data),
                             size, len(encoded), 0) + encoded + data
        central += struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, flags, 8, 0, 0x21, crc,
                               len(data), size, len(encoded), 0, 0, 0, 0, 0, offset) + encoded
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members), len(central),
                      len(local), 0)
    path.write_bytes(bytes(local + central + end))
    return path


def manifest(embeddings: list[dict[str, Any]] | None = None, **tables: int) -> bytes:
    return json.dumps({
        "format": "tandem-workspace-archive", "version": 1, "schema_version": 5,
        "workspace": {"embedder": "hashing"},
        "tables": {name: tables.get(name, 0) for name in TABLES},
        "embeddings": embeddings or []}).encode()


EMPTY_TABLES: dict[str, bytes | tuple[bytes, int, int]] = {
    f"tables/{name}.jsonl": b"" for name in TABLES}


def npy_header(rows: int, dimension: int) -> bytes:
    header = io.BytesIO()
    np.lib.format.write_array_header_1_0(
        header, {"descr": "<f4", "fortran_order": False, "shape": (rows, dimension)})
    return header.getvalue()


def vector_bomb(path: Path, rows: int = 1_000_000, dimension: int = 384,
                value: float = 0.0) -> Path:
    """The probe's bomb: a 1M x 384 float32 matrix of one value (1.5 GB) in a 1.6 MB zip."""
    chunk = np.full(4 * _MiB, value, dtype="<f4").tobytes()  # 16 MiB
    data = rows * dimension * 4
    pieces = [(npy_header(rows, dimension), 1), (chunk, data // len(chunk))]
    if data % len(chunk):
        pieces.append((chunk[: data % len(chunk)], 1))
    entry = {"model_id": f"hashing-{dimension}-v2", "vectors": "embeddings/0.npy",
             "hashes": "embeddings/0.jsonl", "count": rows, "dimension": dimension}
    return write_zip(path, {**EMPTY_TABLES, "embeddings/0.npy": deflated(pieces),
                            "embeddings/0.jsonl": b'"' + b"0" * 64 + b'"\n',
                            "manifest.json": manifest([entry])})


def line_bomb(path: Path, size: int = 2 << 30) -> Path:
    """The probe's other bomb: one JSON Lines row of ``size`` bytes (2 GB in a 2 MB zip)."""
    chunk = b"a" * (16 * _MiB)
    pieces = [(b'{"id": "p1", "name": "', 1), (chunk, size // len(chunk)), (b'"}\n', 1)]
    return write_zip(path, {**EMPTY_TABLES, "tables/people.jsonl": deflated(pieces),
                            "manifest.json": manifest(people=1)})


def refused(archive: Path, target: Path) -> tuple[str, int, float]:
    """Import ``archive`` expecting a refusal: its message, the peak of memory allocated
    meanwhile (tracemalloc sees Python's and numpy's allocations, zlib's buffers included)
    and the seconds it took."""
    tracemalloc.start()
    start = time.perf_counter()
    try:
        with pytest.raises(ValidationError) as info:
            import_workspace(archive, target)
        took = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return str(info.value), peak, took


# ------------------------------------------------------------------------ 1. archive bombs
def test_the_vector_bomb_is_refused_from_the_zip_directory(tmp_path):
    """The probe's 1.5 MB zip of a 1M x 384 .npy reached 3.1 GB in 21 s."""
    bomb = vector_bomb(tmp_path / "vectors.zip")
    assert bomb.stat().st_size < 2 * _MiB
    message, peak, took = refused(bomb, tmp_path / "ws")
    assert f"{bomb}: embeddings/0.npy" in message
    assert "1.5 GB uncompressed" in message and f"at most {MAX_RATIO}:1" in message
    assert "zip bomb" in message and "before reading it" in message
    assert peak < 4 * _MiB, peak  # nothing was decompressed
    assert took < 5, took
    assert not (tmp_path / "ws").exists()


def test_the_line_bomb_is_refused_from_the_zip_directory(tmp_path):
    """The probe's 2.1 MB zip of a 2 GB one-line JSON Lines member reached 4.3 GB."""
    bomb = line_bomb(tmp_path / "line.zip")
    assert bomb.stat().st_size < 3 * _MiB
    message, peak, took = refused(bomb, tmp_path / "ws")
    assert f"{bomb}: tables/people.jsonl" in message and "2.1 GB uncompressed" in message
    assert peak < 4 * _MiB, peak
    assert took < 5, took
    assert not (tmp_path / "ws").exists()


def test_a_long_line_stops_at_its_limit_even_past_the_directory_checks(tmp_path,
                                                                     monkeypatch):
    """Members are read in bounded pieces: with the ratio and size checks off, a 256 MB
    one-line member is still refused once a line passes MAX_LINE_BYTES."""
    monkeypatch.setattr(archive_module, "MAX_RATIO", 10**9)
    bomb = line_bomb(tmp_path / "line.zip", size=256 * _MiB)
    message, peak, _ = refused(bomb, tmp_path / "ws")
    assert f"{bomb}: tables/people.jsonl, row 1: longer than 1.0 MB" in message
    assert peak < 8 * MAX_LINE_BYTES, peak
    assert not (tmp_path / "ws").exists()


def test_vectors_are_read_in_bounded_pieces_past_the_directory_checks(tmp_path, monkeypatch):
    """With the ratio check off, a 1.5 GB matrix of non-embeddings stops at its first
    piece: vectors are never loaded whole."""
    monkeypatch.setattr(archive_module, "MAX_RATIO", 10**9)
    bomb = vector_bomb(tmp_path / "vectors.zip", value=7.0)
    message, peak, took = refused(bomb, tmp_path / "ws")
    assert f"{bomb}: embeddings/0.npy, row 1: not an embedding" in message
    assert peak < 32 * _MiB, peak
    assert took < 5, took


def test_many_members_are_refused_before_the_directory_is_read(tmp_path):
    members: dict[str, bytes | tuple[bytes, int, int]] = {
        f"embeddings/{i}.jsonl": b"" for i in range(MAX_MEMBERS + 1)}
    archive = write_zip(tmp_path / "many.zip", members)
    message, _, _ = refused(archive, tmp_path / "ws")
    assert f"{archive}: holds {MAX_MEMBERS + 1} members, at most {MAX_MEMBERS}" in message


def test_a_big_zip_directory_is_refused_before_it_is_read(demo_archive, tmp_path,
                                                         monkeypatch):
    monkeypatch.setattr(archive_module, "MAX_DIRECTORY_BYTES", 100)
    message, _, _ = refused(demo_archive, tmp_path / "ws")
    assert "its zip directory takes" in message


def test_small_members_cannot_add_up_to_a_bomb(tmp_path):
    """Members under RATIO_FLOOR are not held to the ratio one by one, but all of them
    together are, against the archive's size."""
    blank = deflated([(b"\n" * _MiB, 1)])
    archive = write_zip(tmp_path / "sum.zip", {
        **{f"tables/{name}.jsonl": blank for name in TABLES}, "manifest.json": manifest()})
    message, _, _ = refused(archive, tmp_path / "ws")
    assert f"{archive}: its members declare 6.3 MB uncompressed" in message


def test_encrypted_members_other_compressions_and_strangers_are_refused(demo_archive,
                                                                       tmp_path):
    encrypted = write_zip(tmp_path / "encrypted.zip", {"manifest.json": manifest()}, flags=1)
    assert "manifest.json: is encrypted" in refused(encrypted, tmp_path / "ws")[0]
    bzip2 = tampered(demo_archive, tmp_path / "bzip2.zip", {}, zipfile.ZIP_BZIP2)
    assert "compressed with another method" in refused(bzip2, tmp_path / "ws")[0]
    stranger = tampered(demo_archive, tmp_path / "stranger.zip", {"../evil.sh": b"rm -rf /"})
    assert "../evil.sh: is no part of a workspace archive" in refused(stranger,
                                                                      tmp_path / "ws")[0]
    unnamed = tampered(demo_archive, tmp_path / "unnamed.zip", {"embeddings/9.npy": b""})
    assert "embeddings/9.npy: is not named by the manifest" in refused(unnamed,
                                                                       tmp_path / "ws")[0]
    assert not (tmp_path / "ws").exists()


def test_a_real_export_is_well_under_the_limits(demo_archive):
    """What the limits were chosen against: the compression of a real export."""
    with zipfile.ZipFile(demo_archive) as zf:
        ratios = {i.filename: i.file_size / i.compress_size for i in zf.infolist()}
    assert max(ratios.values()) < MAX_RATIO / 2, ratios  # hashing vectors about 55, text < 6
    assert max(r for name, r in ratios.items() if name.endswith(".jsonl")) < 10


# ------------------------------------------------------------------------ 2. contents
DEEP = '{"id": "p1", "name": ' + "[" * 100_000 + "]" * 100_000 + "}"
PEOPLE, NOTES, PAIRS = "tables/people.jsonl", "tables/notes.jsonl", "tables/pairs.jsonl"
TOPICS, SEGMENTS, SETTINGS = "tables/topics.jsonl", "tables/segments.jsonl", \
    "tables/settings.jsonl"
MANIFEST, VECTORS, HASHES = "manifest.json", "embeddings/0.npy", "embeddings/0.jsonl"

BAD_ROWS: dict[str, tuple[str, Change, int | None, str | None, str]] = {
    # name: (member, change, row, column, what the message says)
    "years -50": (PEOPLE, edit_row(0, years_experience=-50), 1, "years_experience",
                  "must be between 0 and 70, got -50"),
    "capacity 1e6": (PEOPLE, edit_row(1, capacity=1e6), 2, "capacity",
                     "must be a whole number from 0 to 20"),
    "profile over its limit": (PEOPLE, edit_row(0, profile="x" * 6000), 1, "profile",
                               "text too long: 6000 characters, at most 5000"),
    "a 2 MB profile": (PEOPLE, edit_row(0, profile="x" * 2_000_000), 1, None,
                       "longer than 1.0 MB: refused"),
    "role_preference boss": (PEOPLE, edit_row(2, role_preference="boss"), 3,
                             "role_preference", "must be one of mentor, mentee, either"),
    "a name of the wrong type": (PEOPLE, edit_row(0, name=["a", "list"]), 1, "name",
                                 "expected a text, found a list"),
    "years of the wrong type": (PEOPLE, edit_row(0, years_experience={"a": 1}), 1,
                                "years_experience", "not a number"),
    "a control character": (PEOPLE, edit_row(0, name="Ana\x1b[2J"), 1, "name",
                            "control character U+001B"),
    "a row that is a list": (PEOPLE, replace_line(0, "[1, 2, 3]"), 1, None,
                             "a row must be an object"),
    "a deeply nested row": (PEOPLE, replace_line(0, DEEP), 1, None, "nested too deeply"),
    "broken JSON": (PEOPLE, replace_line(1, '{"id": "x", "name": '), 2, None, "not JSON"),
    "an unknown column": (PEOPLE, edit_row(0, is_admin=True), 1, None,
                          "unknown column(s) is_admin"),
    "broken attributes": (PEOPLE, edit_row(0, attributes="[[1, 2, 3]]"), 1, "attributes",
                          "not a [name, value] pair"),
    "a duplicate person": (PEOPLE, lambda d: d + d.splitlines(keepends=True)[0], 63, "id",
                           "duplicate id"),
    "a note of nobody": (NOTES, edit_row(0, mentor_id="ghost"), 1, "mentor_id",
                         "unknown person id 'ghost'"),
    "a note id that is text": (NOTES, edit_row(0, id="x"), 1, "id", "must be a whole number"),
    "a note id over the store's integers": (NOTES, edit_row(0, id=2**40), 1, "id",
                                            "must be a whole number"),
    "pair status hacked": (PAIRS, edit_row(0, status="hacked"), 1, "status",
                           "must be one of proposed, accepted, rejected, active, ended"),
    "broken pair details": (PAIRS, edit_row(0, details="{not json"), 1, "details",
                            "must hold a JSON object"),
    "a part that is no number": (PAIRS, edit_details(0, parts={"coverage": "high"}), 1,
                                 "parts", "'coverage' must be a number"),
    "a pair of nobody": (PAIRS, edit_row(0, mentee_id="ghost"), 1, "mentee_id",
                         "unknown person id 'ghost'"),
    "a pair with itself": (PAIRS, edit_row(0, mentee_id="P031", mentor_id="P031"), 1,
                           "mentee_id", "the same person"),
    "a pair version of 0": (PAIRS, edit_row(0, version=0), 1, "version",
                            "must be a whole number from 1"),
    "a topic without title": (TOPICS, edit_row(0, content='{"title": {}}'), 1, "content",
                              "must hold title, description and starters"),
    "a sentence of another kind": (SEGMENTS, edit_row(0, kind="admin"), 1, "kind",
                                   "must be one of offer, want, other"),
    "a sentence probability of 3": (SEGMENTS, edit_row(0, p_want=3), 1, "p_want",
                                    "must be a number from 0 to 1"),
    "an unknown store setting": (SETTINGS, edit_row(0, key="is_admin"), 1, "key",
                                 "unknown setting 'is_admin'"),
    "a setting of the wrong type": (SETTINGS, edit_row(0, value='"yes"'), 1, "value",
                                    "must be true or false"),
    "a form mapping that is wrong": (SETTINGS, edit_row(0, key="mapping:abc", value=json.dumps(
        {"version": 1, "fields": 3})), 1, "fields", "must map field names to lists"),
    "a text hash that is no hash": (HASHES, replace_line(0, '"../../etc/passwd"'), 1, None,
                                    "64 hexadecimal digits"),
    "a vector with NaN": (VECTORS, edit_vectors(lambda v: np.where(
        np.arange(v.shape[0])[:, None] == 2, np.nan, v).astype(np.float32)), 3, None,
        "must be finite and of unit length"),
    "vectors of another shape": (VECTORS, edit_vectors(lambda v: v[1:]), None, None,
                                 "must be a float32 matrix of"),
    "pickled vectors": (VECTORS, edit_vectors(lambda v: np.array([{"a": 1}], dtype=object)),
                        None, None, "without pickle"),
    "one row less than the manifest says": (PEOPLE, lambda d: b"".join(
        d.splitlines(keepends=True)[:-1]), None, None, "holds 61 rows, the manifest says 62"),
    "an embedder that is a path": (MANIFEST, edit_json(
        "workspace.embedder", "sentence-transformers:/any/path"), None, "workspace.embedder",
        "never names a model folder or a model to download"),
    "an embedder that is a folder": (MANIFEST, edit_json("workspace.embedder", "/tmp"), None,
                                     "workspace.embedder", "is not an embedder"),
    "a huge hashing embedder": (MANIFEST, edit_json("workspace.embedder", "hashing-100000"),
                                None, "workspace.embedder", "is not an embedder"),
    "direction bogus": (MANIFEST, edit_json("workspace.direction", "bogus"), None,
                        "workspace.direction", "must be one of reverse, classic, peer"),
    "a matching number that is text": (MANIFEST, edit_json("workspace.matching",
                                                           {"min_score": "x"}), None,
                                       "workspace.matching.min_score", "must be a number"),
    "a matching number out of range": (MANIFEST, edit_json(
        "workspace.matching", {"max_mentors_per_mentee": 0}), None, "workspace.matching",
        "max_mentors_per_mentee must be at least 1"),
    "an unknown matching setting": (MANIFEST, edit_json("workspace.matching",
                                                        {"dense_limit": 1}), None,
                                    "workspace.matching.dense_limit", "unknown setting"),
    "rules that are wrong": (MANIFEST, edit_json("workspace.rules", {"levels": {
        "ladder": "corporate", "min_steps": "x"}}), None, None,
        "workspace.rules: levels.min_steps must be a whole number"),
    "an unknown workspace setting": (MANIFEST, edit_json("workspace.database_path", "/etc"),
                                     None, "workspace.database_path", "unknown setting"),
    "a manifest count that is text": (MANIFEST, edit_json("tables.people", "62"), None, None,
                                      "'tables' must give the row count"),
    "a model of the wrong width": (MANIFEST, edit_json("embeddings", [{
        "model_id": "use-multilingual-v3", "vectors": VECTORS, "hashes": HASHES,
        "count": 568, "dimension": 256}]), None, None, "have 512 dimensions, not 256"),
}


@pytest.mark.parametrize("case", BAD_ROWS, ids=list(BAD_ROWS))
def test_a_bad_archive_is_refused_before_anything_is_written(case, demo_archive, tmp_path):
    """Every row goes through the validators of a file import, the settings through the
    workspace's typed readers, all of it before the folder or the store is touched; the
    error names the archive, the member, the row and the column."""
    member, change, row, column, says = BAD_ROWS[case]
    bad = tampered(demo_archive, tmp_path / "bad.zip", {member: change})
    target = tmp_path / "ws"
    with pytest.raises(ValidationError) as info:
        import_workspace(bad, target)
    message = str(info.value)
    assert f"{bad}: {member}" in message or (member == MANIFEST and f"{bad}" in message)
    assert says in message
    if row is not None:
        assert f", row {row}" in message
    if column is not None:
        assert f"column '{column}'" in message or column in message
    assert not target.exists()  # no folder, no workspace.json, no store
    assert "Traceback" not in message


def test_rows_and_vectors_are_checked_piece_by_piece(demo_archive, tmp_path, monkeypatch):
    """Small pieces (7 rows, 4 vectors): the same workspace as in one piece, and a key
    repeated in another piece is still found."""
    import_workspace(demo_archive, tmp_path / "whole")
    monkeypatch.setattr(archive_module, "_CHUNK_ROWS", 7)
    monkeypatch.setattr(archive_module, "_VECTOR_BYTES", 4 * 256 * 4)
    import_workspace(demo_archive, tmp_path / "pieces")
    stores = [Store(f"sqlite:///{tmp_path / name / 'store.sqlite'}") for name in
              ("whole", "pieces")]
    tables = [{name: [r for r in s.table_rows(name) if name != "settings"
                      or r["key"] != "profiles_version"] for name in (*TABLES, "embeddings")}
              for s in stores]
    for s in stores:
        s.close()
    # hundreds of vectors: read in many pieces of 4
    assert tables[0] == tables[1] and len(tables[0]["embeddings"]) > 400
    again = tampered(demo_archive, tmp_path / "again.zip", {
        PEOPLE: lambda d: d + d.splitlines(keepends=True)[0],
        MANIFEST: edit_json("tables.people", 63)})
    with pytest.raises(ValidationError, match=r"people.jsonl, row 63, column 'id': duplicate"):
        import_workspace(again, tmp_path / "ws")
    assert not (tmp_path / "ws").exists()


def test_a_corrupt_member_is_named(demo_archive, tmp_path):
    bad = tmp_path / "corrupt.zip"
    shutil.copy(demo_archive, bad)
    with zipfile.ZipFile(bad) as zf:
        info = zf.getinfo(PEOPLE)
    data = bytearray(bad.read_bytes())
    header = struct.unpack("<4s5H3L2H", data[info.header_offset:info.header_offset + 30])
    start = info.header_offset + 30 + header[-2] + header[-1]
    for i in range(start + 100, start + 200):
        data[i] ^= 0x5A
    bad.write_bytes(bytes(data))
    with pytest.raises(ValidationError) as caught:
        import_workspace(bad, tmp_path / "ws")
    assert f"{bad}: {PEOPLE}: cannot be read: the archive is damaged" in str(caught.value)
    assert not (tmp_path / "ws").exists()


def test_the_command_line_exits_2_without_a_traceback_and_a_retry_works(demo_archive,
                                                                       tmp_path, tandem):
    """The probe's case: rows were committed before the manifest check failed (exit 1),
    and the retry then said the workspace was not empty."""
    target = tmp_path / "ws"
    for name, change in (("boss", {PEOPLE: edit_row(2, role_preference="boss")}),
                         ("count", {PEOPLE: lambda d: b"".join(d.splitlines(True)[:-1])}),
                         ("hacked", {PAIRS: edit_row(0, status="hacked")}),
                         ("path", {MANIFEST: edit_json("workspace.embedder",
                                                       "sentence-transformers:/any/path")})):
        bad = tampered(demo_archive, tmp_path / f"{name}.zip", change)
        result = tandem("import-workspace", str(bad), "--workspace", str(target), "-q")
        assert result.returncode == 2, result
        assert "Traceback" not in result.stderr and f"{bad}:" in result.stderr
        assert "nothing was stored" in result.stderr
        assert not target.exists()
    result = tandem("import-workspace", str(demo_archive), "--workspace", str(target), "-q")
    assert result.returncode == 0, result
    assert "62 people" in result.stdout


def test_a_bomb_on_the_command_line_exits_2(tmp_path, tandem):
    bomb = vector_bomb(tmp_path / "vectors.zip", rows=200_000)
    result = tandem("import-workspace", str(bomb), "--workspace", str(tmp_path / "ws"), "-q")
    assert result.returncode == 2, result
    assert f"{bomb}: embeddings/0.npy: declares" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "ws").exists()


# ------------------------------------------------------------------------ nothing left behind
def test_a_failure_while_storing_removes_the_folders_it_created(demo_archive, tmp_path,
                                                                monkeypatch):
    """A failure after the checks (the database, here) rolls the transaction back and
    removes the folder the import made, its new parents included."""
    def failing(store: Store, rows: dict[str, Any]) -> None:
        for _ in rows["people"]:
            pass
        raise RuntimeError("the database went away")

    monkeypatch.setattr(Store, "load_rows", failing)
    target = tmp_path / "new" / "deeper" / "ws"
    with pytest.raises(RuntimeError):
        import_workspace(demo_archive, target)
    assert not (tmp_path / "new").exists()


def test_a_failure_leaves_an_existing_folder_as_it_was(demo_archive, tmp_path, monkeypatch):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("the coordinator's own file")
    def failing(store: Store, rows: dict[str, Any]) -> None:
        raise RuntimeError("the database went away")

    monkeypatch.setattr(Store, "load_rows", failing)
    with pytest.raises(RuntimeError):
        import_workspace(demo_archive, folder)
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]


def test_a_workspace_that_holds_data_keeps_its_settings(demo_archive, tmp_path):
    """Its workspace.json is not rewritten with the archive's settings."""
    target = tmp_path / "ws"
    import_workspace(demo_archive, target)
    before = {p.name: p.read_bytes() for p in target.iterdir() if p.is_file()
              and p.name != "store.sqlite"}
    other = tampered(demo_archive, tmp_path / "classic.zip",
                     {MANIFEST: edit_json("workspace.direction", "classic")})
    with pytest.raises(ValueError, match="not empty"):
        import_workspace(other, target)
    after = {p.name: p.read_bytes() for p in target.iterdir() if p.is_file()
             and p.name != "store.sqlite"}
    assert after == before
    assert json.loads((target / "workspace.json").read_text()).get("direction") != "classic"


# ------------------------------------------------------------------------ settings
def test_settings_are_read_as_the_workspace_reads_them(demo_archive, tmp_path):
    rules = {"time_zone": {"max_hours": 3, "weight": 0.1}}
    good = tampered(demo_archive, tmp_path / "good.zip", {MANIFEST: edit_json("workspace", {
        "embedder": "hashing", "direction": "classic", "index_kind": "flat",
        "matching": {"min_score": 0.2, "max_mentees_per_mentor": None},
        "rules": rules, "created": "2020-01-01", "database_url": "postgresql://evil/db"})})
    target = tmp_path / "ws"
    import_workspace(good, target)
    config = json.loads((target / "workspace.json").read_text())
    assert "database_url" not in config and config["created"] != "2020-01-01"
    rec = Recommender.open(target)
    assert rec.params.direction == "classic" and rec.params.min_score == 0.2
    assert rec.params.rules.time_zone is not None and rec.params.rules.time_zone.max_hours == 3
    assert rec.embedder == "hashing"
    rec.close()


def test_a_form_mapping_is_carried(demo_archive, tmp_path):
    mapping = {"version": 1, "role": None, "generate_ids": False, "detect_languages": True,
               "candidate_languages": ["en", "fr"], "fields": {"name": ["Full name"]},
               "checkbox": [], "labels": {}, "value_maps": {}, "ignored": []}
    row = json.dumps({"key": "mapping:abc", "value": json.dumps(mapping)}).encode()
    good = tampered(demo_archive, tmp_path / "good.zip", {
        SETTINGS: lambda d: d + row + b"\n",
        MANIFEST: edit_json("tables.settings", 3)})
    import_workspace(good, tmp_path / "ws")
    store = Store(f"sqlite:///{tmp_path / 'ws' / 'store.sqlite'}")
    assert store.get_setting("mapping:abc")["fields"] == {"name": ["Full name"]}
    store.close()


@pytest.mark.parametrize("name", ["hashing", "hashing-512", "hashing-128-v2",
                                  "use-multilingual", "minilm"])
def test_the_known_embedders_are_accepted(name, demo_archive, tmp_path):
    archive = tampered(demo_archive, tmp_path / "a.zip",
                       {MANIFEST: edit_json("workspace.embedder", name)})
    import_workspace(archive, tmp_path / "ws")
    assert json.loads((tmp_path / "ws" / "workspace.json").read_text())["embedder"] == name


def test_the_archive_reads_the_settings_the_workspace_keeps():
    """The archive cannot import the facade (they are one layer): the lists it keeps of the
    facade's settings must stay the same."""
    assert set(archive_module._MATCHING_SETTINGS) == set(SAVED_SETTINGS)
    assert archive_module._NOTES_VISIBLE == NOTES_VISIBLE_SETTING


def test_read_manifest_applies_the_same_checks(tmp_path):
    bomb = line_bomb(tmp_path / "line.zip", size=64 * _MiB)
    with pytest.raises(ValidationError, match="zip bomb"):
        read_manifest(bomb)
    with pytest.raises(ValidationError, match="cannot be read"):
        read_manifest(tmp_path / "missing.zip")
