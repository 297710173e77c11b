"""Portable archives: a workspace exported and imported again is the same, table by table,
from SQLite to PostgreSQL and back; nothing is pickled."""

from __future__ import annotations

import json
import shutil
import zipfile

import numpy as np
import pytest

from recommender import Recommender, load_demo
from recommender.archive import export_workspace, import_workspace, read_manifest
from recommender.cli import main as tandem
from recommender.storage.schema import SCHEMA_VERSION, metadata


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "ws"
    rec = load_demo(path, embedder="hashing")
    fresh = [p for p in rec.suggest_pairs(min_experience_gap=12).pairs if p.status == "proposed"]
    rec.set_pair_status(fresh[0].mentor_id, fresh[0].mentee_id, "accepted")
    rec.set_pair_status(fresh[1].mentor_id, fresh[1].mentee_id, "proposed", locked=True)
    rec.search("TikTok")
    rec.close()
    return path


def tables_of(folder, database_url=None) -> dict:
    """Every table's content, row by row (embedding vectors as bytes); of the settings, the
    programme's (not the token a store renews whenever profiles are written)."""
    rec = Recommender.open(folder, embedder="hashing", database_url=database_url)
    try:
        return {name: [row for row in rec.store.table_rows(name)
                       if name != "settings" or row["key"] != "profiles_version"]
                for name in metadata.tables}
    finally:
        rec.close()


def test_archive_round_trips_sqlite_to_postgresql_and_back(demo_folder, backend, tmp_path):
    """SQLite -> backend -> SQLite; on the PostgreSQL run that is both directions."""
    source = tmp_path / "source"
    shutil.copytree(demo_folder, source)
    original = tables_of(source)
    assert all(original[name] for name in metadata.tables)  # every table has rows
    first = tmp_path / "first.zip"
    manifest = export_workspace(source, first)
    assert manifest["schema_version"] == SCHEMA_VERSION
    assert manifest["tables"]["people"] == len(original["people"])

    moved = tmp_path / "moved"
    import_workspace(first, moved, backend.database_url)
    assert tables_of(moved) == original  # the folder remembers where its store is
    second = tmp_path / "second.zip"
    export_workspace(moved, second)
    back = tmp_path / "back"
    import_workspace(second, back)
    assert tables_of(back) == original
    assert json.loads((back / "workspace.json").read_text())["embedder"] == "hashing"

    # The moved workspace works: same pairs kept, search on indices rebuilt from it.
    rec = Recommender.open(moved, embedder="hashing")
    kept = {p.key for p in rec.pairs() if p.kept}
    rec.suggest_pairs(min_experience_gap=12)
    assert kept <= {p.key for p in rec.pairs() if p.kept}
    assert len(rec.search("TikTok", k=3)) == 3
    rec.close()


def test_archive_holds_json_lines_and_npy_only(demo_folder, tmp_path):
    out = tmp_path / "a.zip"
    manifest = export_workspace(demo_folder, out)
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        assert all(n == "manifest.json" or n.endswith((".jsonl", ".npy")) for n in names)
        entry = manifest["embeddings"][0]
        vectors = np.load(zf.open(entry["vectors"]), allow_pickle=False)
        assert vectors.dtype == np.float32 and vectors.shape == (entry["count"], entry["dimension"])
        first = json.loads(zf.read("tables/people.jsonl").splitlines()[0])
        assert {"id", "name", "profile"} <= set(first)


def test_import_refuses_a_workspace_that_holds_data_and_bad_archives(demo_folder, backend,
                                                                    tmp_path):
    out = tmp_path / "a.zip"
    export_workspace(demo_folder, out)
    target = tmp_path / "t"
    import_workspace(out, target, backend.database_url)
    before = tables_of(target)
    with pytest.raises(ValueError, match="not empty"):
        import_workspace(out, target, backend.database_url)
    assert tables_of(target) == before
    newer = tmp_path / "newer.zip"
    with zipfile.ZipFile(out) as src, zipfile.ZipFile(newer, "w") as dst:
        for item in src.namelist():
            data = src.read(item)
            if item == "manifest.json":
                data = json.dumps({**json.loads(data), "schema_version": SCHEMA_VERSION + 1}).encode()
            dst.writestr(item, data)
    with pytest.raises(ValueError, match="newer version"):
        read_manifest(newer)
    (tmp_path / "junk.zip").write_bytes(b"not a zip")
    with pytest.raises(ValueError, match="not a workspace archive"):
        read_manifest(tmp_path / "junk.zip")


def test_command_line_export_and_import(demo_folder, backend, tmp_path, capsys):
    out = tmp_path / "cli.zip"
    assert tandem(["export-workspace", "--workspace", str(demo_folder), "--out", str(out),
                   "-q"]) == 0
    target = tmp_path / "cli-ws"
    args = ["import-workspace", str(out), "--workspace", str(target), "-q"]
    if backend.database_url:
        args += ["--database-url", backend.database_url]
    assert tandem(args) == 0
    assert tables_of(target) == tables_of(demo_folder)
    assert tandem(args) == 1  # not empty any more
    assert "not empty" in capsys.readouterr().err
    assert tandem(["export-workspace", "--workspace", str(tmp_path / "nothing"), "--out",
                   str(tmp_path / "x.zip"), "-q"]) == 1
