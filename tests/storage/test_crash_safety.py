"""Crash safety: an import or a matching run killed with SIGKILL loses nothing.

A child Python process opens a copy of a workspace (the demo programme with pairs accepted,
locked, rejected and proposed, its FAISS indexes saved) and runs one operation: importing a
large batch of people (new ones and updates), a large batch of session notes, or a matching
run. It is killed at several points:

- at transaction boundaries, found by counting the store's commits (SQLAlchemy events in the
  child): before the first commit, before the last one, right after the last one (the store
  holds the batch, the saved index does not);
- at moments spread over the run (a fraction of the time an uninterrupted run takes).

The parent then reopens the workspace and checks that it opens (SQLite integrity check
included), that it is either exactly as before the run or exactly as after an uninterrupted
run (people, notes, pairs with status, lock and score, profile sentences): nothing stored
before is lost or altered, the batch is all there or not at all; and that the FAISS indexes
match the store (rebuilt when stale) so that search and topics work.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import recommender
from recommender import Recommender, load_demo

pytestmark = pytest.mark.subprocess

CHILD = r"""
import json, os, signal, sys
from pathlib import Path

import sqlalchemy as sa

from recommender import Recommender

workspace, op, point, batch_file = sys.argv[1:5]
rec = Recommender.open(workspace, embedder="hashing")
rec.people()  # the store is open (schema checked) before the run starts
batch = json.loads(Path(batch_file).read_text(encoding="utf-8"))
commits = 0
when, _, n = point.partition(":")


def on_commit(conn):
    global commits
    commits += 1
    if when == "before" and commits == int(n):
        os.kill(os.getpid(), signal.SIGKILL)  # the transaction is not committed


def on_checkin(dbapi_connection, record):
    if when == "after" and commits >= int(n):
        os.kill(os.getpid(), signal.SIGKILL)  # committed, nothing after it done


sa.event.listen(sa.engine.Engine, "commit", on_commit)
sa.event.listen(sa.pool.Pool, "checkin", on_checkin)
print("ready", flush=True)
if op == "people":
    rec.add_people(batch, source="batch.json")
elif op == "notes":
    rec.add_notes(batch, source="batch.json")
else:
    rec.suggest_pairs()
print(json.dumps({"commits": commits}), flush=True)
"""

OPS = ("people", "notes", "pairs")
POINTS = ("before-first-commit", "before-last-commit", "after-last-commit", "at-15%", "at-50%",
          "at-85%")


# ------------------------------------------------------------------ the workspace before
@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    """The demo programme, with pairs of every status and its indexes saved."""
    path = tmp_path_factory.mktemp("crash") / "base"
    rec = load_demo(path, embedder="hashing")
    proposals = rec.suggest_pairs(min_experience_gap=12).pairs
    fresh = [p for p in proposals if p.status == "proposed"]
    assert len(fresh) >= 4
    rec.set_pair_status(fresh[0].mentor_id, fresh[0].mentee_id, "accepted")
    rec.set_pair_status(fresh[1].mentor_id, fresh[1].mentee_id, "proposed", locked=True)
    rec.set_pair_status(fresh[2].mentor_id, fresh[2].mentee_id, "rejected")
    rec.search("TikTok")
    rec.suggest_topics("P031", "P001", k=2)
    assert (path / "index" / "segments.faiss").exists() and (path / "index" / "notes.json").exists()
    rec.close()
    return path


def batch_of(op: str, base: Path) -> list[dict[str, Any]]:
    rec = Recommender.open(base, embedder="hashing")
    people, notes = rec.people(), rec.notes()
    rec.close()
    if op == "people":
        rows = []
        for i in range(1500):
            p = people[i % len(people)]
            rows.append({"id": f"N{i:04d}", "name": f"{p.name} {i}", "department": p.department,
                         "years_experience": (p.years_experience + i) % 40,
                         "profile": f"{p.profile} Projet numéro {i}.", "offers": p.offers,
                         "wants": f"{p.wants} Topic {i}." if p.wants else "",
                         "languages": ";".join(p.languages)})
        for p in people[:2]:  # updates of people stored before: all or nothing too
            rows.append({"id": p.id, "name": p.name, "years_experience": p.years_experience,
                         "department": p.department, "profile": f"{p.profile} Mis à jour.",
                         "offers": p.offers, "wants": p.wants,
                         "languages": ";".join(p.languages), "manager_id": p.manager_id,
                         "role_preference": p.role_preference, "capacity": p.capacity})
        return rows
    if op == "notes":
        return [{"mentor_id": n.mentor_id, "mentee_id": n.mentee_id,
                 "date": f"2027-{1 + i % 12:02d}-{1 + i % 28:02d}",
                 "text": f"{n.text} Séance {i}.", "rating": 1 + i % 5}
                for i, n in enumerate(notes * 25)]
    return []


# ------------------------------------------------------------------ running and checking
def run_child(workspace: Path, op: str, point: str, batch: Path,
              kill_after: float | None = None) -> tuple[int, str, str, float]:
    # The child imports the same package as this process, wherever pytest was started.
    root = str(Path(recommender.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        p for p in (root, os.environ.get("PYTHONPATH", "")) if p)}
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(workspace), op, point, str(batch)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    assert proc.stdout is not None
    ready = proc.stdout.readline()
    started = time.monotonic()
    if ready.strip() != "ready":
        proc.kill()
        raise AssertionError(f"the child did not start: {ready}{proc.communicate()[1]}")
    if kill_after is not None:
        time.sleep(kill_after)
        proc.send_signal(signal.SIGKILL)
    out, err = proc.communicate(timeout=300)
    return proc.returncode, out, err, time.monotonic() - started


def snapshot(rec: Recommender) -> dict[str, Any]:
    """What the store holds (ids and timestamps left out: they are not the user's data)."""
    return {
        "people": tuple(rec.people()),
        "notes": tuple(sorted((n.mentor_id, n.mentee_id, n.date, n.text, n.rating)
                              for n in rec.notes())),
        "pairs": tuple(sorted((p.mentor_id, p.mentee_id, p.status, p.locked, round(p.score, 6))
                              for p in rec.pairs())),
        "segments": tuple(sorted((s.person_id, s.kind, s.position, s.text)
                                 for s in rec.segments())),
    }


def reopen(path: Path) -> dict[str, Any]:
    """Open a workspace after a crash, check that it works, and return what it holds."""
    with sqlite3.connect(path / "store.sqlite") as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    rec = Recommender.open(path, embedder="hashing")
    try:
        state = snapshot(rec)
        # The indexes hold exactly the store's rows (a stale saved index is rebuilt).
        assert set(rec.segment_index().ids().tolist()) == {s.id for s in rec.segments()}
        assert set(rec.note_index().ids().tolist()) == {n.id for n in rec.notes()}
        hits = rec.search("Je veux comprendre TikTok", k=3)
        assert len(hits) == 3 and {h.person_id for h in hits} <= {p.id for p in rec.people()}
        assert rec.suggest_topics("P031", "P001", k=2)
        return state
    finally:
        rec.close()


@pytest.fixture(scope="module")
def runs(base, tmp_path_factory) -> dict[str, dict[str, Any]]:
    """Per operation: the batch, the state before and after an uninterrupted run, how many
    commits the run makes and how long it takes."""
    folder = tmp_path_factory.mktemp("runs")
    before = reopen(shutil.copytree(base, folder / "before"))
    out: dict[str, dict[str, Any]] = {}
    for op in OPS:
        batch = folder / f"{op}.json"
        batch.write_text(json.dumps(batch_of(op, base)), encoding="utf-8")
        full = shutil.copytree(base, folder / f"full-{op}")
        code, stdout, stderr, seconds = run_child(full, op, "count:0", batch)
        assert code == 0, stderr
        commits = json.loads(stdout.splitlines()[-1])["commits"]
        after = reopen(full)
        assert after != before and commits >= 1
        out[op] = {"batch": batch, "before": before, "after": after, "commits": commits,
                   "seconds": seconds}
    return out


CASES = [pytest.param(op, point) for op in OPS for point in POINTS]


@pytest.mark.parametrize("op, point", CASES)
def test_a_killed_run_loses_nothing(base, runs, tmp_path, op, point):
    run = runs[op]
    workspace = shutil.copytree(base, tmp_path / "ws")
    if point.startswith("at-"):
        delay = run["seconds"] * int(point[3:-1]) / 100
        code, _, stderr, _ = run_child(workspace, op, "count:0", run["batch"], kill_after=delay)
        assert code in (0, -signal.SIGKILL), stderr  # it may have finished already
    else:
        spec = {"before-first-commit": "before:1", "before-last-commit": f"before:{run['commits']}",
                "after-last-commit": f"after:{run['commits']}"}[point]
        code, _, stderr, _ = run_child(workspace, op, spec, run["batch"])
        assert code == -signal.SIGKILL, stderr
    state = reopen(workspace)
    if point == "before-first-commit":
        assert state == run["before"]
    elif point == "after-last-commit":
        assert state == run["after"]
    else:
        assert state in (run["before"], run["after"]), {
            key: (len(state[key]), len(run["before"][key]), len(run["after"][key]))
            for key in state}
