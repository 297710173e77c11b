"""Several writers at once lose nothing: threads on both backends, and two app processes
plus the command line on one PostgreSQL workspace (READ COMMITTED, the server's default).

The app processes act as the page does: they import people, log sessions, run matching and
decide on pairs with the version they were shown (``expected_version``); both also decide on
the same pairs from the same view at the same moment. The command line imports and matches
meanwhile. Afterwards every write is there, and every pair's status is the one of its last
accepted decision: no decision was overwritten by a stale page or by a matching run.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import threading
import uuid
from collections import Counter
from pathlib import Path

import pytest

import recommender
from recommender import Person, Recommender, demo_path
from recommender.errors import StaleDecisionError
from recommender.intake.readers import read_table
from recommender.records import Segment, StoredPair

from ..pg_support import Backend, drop_schema


def run_threads(n: int, work) -> list[BaseException | object]:
    """Run ``work(i)`` in ``n`` threads released together; their results or errors."""
    results: list[BaseException | object] = [None] * n
    start = threading.Barrier(n)

    def one(i: int) -> None:
        start.wait()
        try:
            results[i] = work(i)
        except BaseException as exc:  # compared by the test
            results[i] = exc

    threads = [threading.Thread(target=one, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def test_one_decision_wins_on_the_same_view(backend):
    store = backend.store()
    store.set_pairs([StoredPair("a", "b", "proposed")])
    stores = [backend.store() for _ in range(6)]
    statuses = ["accepted", "rejected"] * 3
    results = run_threads(6, lambda i: stores[i].decide_pair(
        StoredPair("a", "b", statuses[i]), expected_version=1))
    wins = [i for i, r in enumerate(results) if r is None]
    assert len(wins) == 1, results
    assert all(isinstance(r, StaleDecisionError) for i, r in enumerate(results) if i not in wins)
    (pair,) = store.pairs()
    assert (pair.status, pair.version) == (statuses[wins[0]], 2)
    for s in [store, *stores]:
        s.close()


def test_decisions_without_a_version_on_a_new_pair_all_land(backend):
    stores = [backend.store() for _ in range(6)]
    stores[0].fingerprint()
    results = run_threads(6, lambda i: stores[i].decide_pair(
        StoredPair("a", "b", "accepted"), expected_version=None))
    assert results == [None] * 6
    (pair,) = stores[0].pairs()
    assert (pair.status, pair.version) == ("accepted", 6)  # one insert, five updates
    for s in stores:
        s.close()


def test_simultaneous_imports_of_the_same_people_keep_one_set_of_sentences(backend):
    stores = [backend.store() for _ in range(4)]
    stores[0].fingerprint()
    people = [Person(id=f"p{i}", name=f"P{i}", years_experience=i, offers="x") for i in range(30)]

    def import_all(i: int) -> object:
        segments = [Segment(p.id, "offer", k, f"{p.id} sentence {k} from {i}")
                    for p in people for k in range(3)]
        order = people if i % 2 else people[::-1]  # different orders: no deadlock either
        return stores[i].upsert_people(order, segments, "m")

    results = run_threads(4, import_all)
    assert not [r for r in results if isinstance(r, BaseException)], results
    segments = stores[0].segments()
    per_person = Counter(s.person_id for s in segments)
    assert per_person == {p.id: 3 for p in people}
    writers = {s.text.rsplit(" ", 1)[1] for s in segments if s.person_id == "p0"}
    assert len(writers) == 1  # the sentences of one import, not a mix
    assert len(stores[0].people()) == 30
    for s in stores:
        s.close()


def test_first_openings_at_once_install_one_catalogue_and_share_vectors(backend, tmp_path):
    recs = [Recommender.open(tmp_path / f"m{i}", embedder="hashing",
                             database_url=backend.database_url) if backend.database_url
            else Recommender.open(tmp_path / "m", embedder="hashing") for i in range(4)]
    recs[0].people()
    texts = [f"shared sentence {k}" for k in range(200)]
    results = run_threads(4, lambda i: (recs[i].topics(), recs[i].encoder.encode(texts)))
    assert not [r for r in results if isinstance(r, BaseException)], results
    catalogue = recs[0].topics()
    assert len(catalogue) >= 40 and len({t.id for t in catalogue}) == len(catalogue)
    assert recs[0].store.count_embeddings(recs[0].model_id) == 200
    for r in recs:
        r.close()


# ---------------------------------------------------------------------- processes
APP = r"""
import json, random, sys, time
from pathlib import Path

from recommender import Recommender
from recommender.errors import StaleDecisionError

folder, url, tag, work = sys.argv[1:5]
work = Path(work)
rec = Recommender.open(folder, embedder="hashing", database_url=url)
rng = random.Random(tag)
people = json.loads((work / f"people-{tag}.json").read_text())
log = {"people": [], "notes": [], "decided": [], "stale": 0, "same_view": []}


def decide(pair, status):
    try:
        rec.set_pair_status(pair.mentor_id, pair.mentee_id, status,
                            expected_version=pair.version)
        log["decided"].append([pair.mentor_id, pair.mentee_id, status, pair.version])
    except StaleDecisionError:
        log["stale"] += 1


for round_ in range(4):
    batch = people[round_ * 6 : (round_ + 1) * 6]
    shared = dict(people[-1], profile=f"Updated by {tag} in round {round_}. J'anime TikTok.")
    rec.add_people(batch + [shared])
    log["people"] += [p["id"] for p in batch]
    known = sorted(p.id for p in rec.people() if p.id.startswith("P0"))
    notes = [{"mentor_id": known[(round_ + i) % len(known)],
              "mentee_id": known[(round_ + i + 1) % len(known)], "date": f"2027-0{round_ + 1}-1{i}",
              "text": f"Session {tag}-{round_}-{i}: TikTok et recrutement.", "rating": 1 + i}
             for i in range(3)]
    rec.add_notes(notes)
    log["notes"] += [n["text"] for n in notes]
    rec.suggest_pairs(min_experience_gap=5)
    view = [p for p in rec.pairs() if p.status == "proposed" and not p.locked]
    time.sleep(rng.random() * 0.05)  # the coordinator reads the page
    for pair in rng.sample(view, min(3, len(view))):
        decide(pair, rng.choice(["accepted", "rejected"]))
    if round_ == 1:  # both apps decide on the same pairs, shown at the same moment
        (work / f"ready-{tag}").write_text("")
        while len(list(work.glob("ready-*"))) < 2:
            time.sleep(0.01)
        view = sorted((p for p in rec.pairs() if p.status == "proposed" and not p.locked),
                      key=lambda p: p.key)[:4]
        (work / f"seen-{tag}").write_text("")
        while len(list(work.glob("seen-*"))) < 2:
            time.sleep(0.01)
        for pair in view:
            before = len(log["decided"])
            decide(pair, "accepted" if tag == "a" else "rejected")
            log["same_view"].append([pair.mentor_id, pair.mentee_id, pair.version,
                                     len(log["decided"]) > before])
(work / f"log-{tag}.json").write_text(json.dumps(log))
"""


@pytest.mark.subprocess
def test_two_app_processes_and_the_command_line_at_once(postgres_url, tmp_path):
    schema = f"t_{uuid.uuid4().hex[:10]}"
    url = f"{postgres_url}?workspace={schema}"
    try:
        run_together(url, tmp_path)
    finally:
        drop_schema(postgres_url, schema)


def people_batch(prefix: str, n: int) -> list[dict]:
    demo = [row for _, row in read_table(demo_path("demo_people.csv"))]
    out = []
    for i in range(n):
        row = {k: v for k, v in demo[i % len(demo)].items() if v not in (None, "")}
        row.update(id=f"{prefix}{i:03d}", name=f"{row['name']} {prefix}{i}", manager_id="")
        out.append(row)
    return out


def run_together(url: str, tmp_path: Path) -> None:
    setup = Recommender.open(tmp_path / "setup", embedder="hashing", database_url=url)
    setup.add_people([row for _, row in read_table(demo_path("demo_people.csv"))])
    setup.add_notes([row for _, row in read_table(demo_path("demo_notes.csv"))])
    setup.suggest_pairs(min_experience_gap=5)
    notes_before = len(setup.notes())
    setup.close()
    work = tmp_path / "work"
    work.mkdir()
    shared = people_batch("S", 1)[0]
    for tag in "ab":
        (work / f"people-{tag}.json").write_text(json.dumps(
            [*people_batch(f"A{tag}", 24), dict(shared, id="SHARED")]))
    cli_people = people_batch("C", 30)
    with (work / "cli-people.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=sorted({k for r in cli_people for k in r}))
        writer.writeheader()
        writer.writerows(cli_people)
    cli_notes = [{"mentor_id": "P031", "mentee_id": "P001", "date": f"2027-02-{d:02d}",
                  "text": f"Session CLI {d}: les réseaux sociaux.", "rating": 4}
                 for d in range(1, 11)]
    with (work / "cli-notes.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(cli_notes[0]))
        writer.writeheader()
        writer.writerows(cli_notes)

    root = str(Path(recommender.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        p for p in (root, os.environ.get("PYTHONPATH", "")) if p)}
    apps = [subprocess.Popen([sys.executable, "-c", APP, str(tmp_path / f"app-{tag}"), url, tag,
                              str(work)], env=env, stderr=subprocess.PIPE, text=True)
            for tag in "ab"]
    cli = [sys.executable, "-m", "recommender"]
    common = ["--workspace", str(tmp_path / "cli"), "--database-url", url, "--model", "hashing",
              "-q"]
    steps = [[*cli, "import", str(work / "cli-people.csv"), str(work / "cli-notes.csv"),
              *common]]
    steps += [[*cli, "match", *common, "--min-gap", "5", "--out", str(work / f"out{i}")]
              for i in range(3)]
    for step in steps:
        done = subprocess.run(step, env=env, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr
    for app in apps:
        _, err = app.communicate(timeout=600)
        assert app.returncode == 0, err

    logs = [json.loads((work / f"log-{tag}.json").read_text()) for tag in "ab"]
    check = Recommender.open(tmp_path / "check", embedder="hashing", database_url=url)
    people = {p.id: p for p in check.people()}
    # Every import is there, once, with its sentences once.
    expected = {i for log in logs for i in log["people"]} | {p["id"] for p in cli_people}
    assert expected <= set(people) and "SHARED" in people
    positions = Counter((s.person_id, s.position) for s in check.segments())
    assert max(positions.values()) == 1
    assert {s.person_id for s in check.segments()} >= expected
    # Every session note is there.
    texts = Counter(n.text for n in check.notes())
    logged = [t for log in logs for t in log["notes"]] + [n["text"] for n in cli_notes]
    assert all(texts[t] == 1 for t in logged)
    assert len(check.notes()) == notes_before + len(logged)
    # Decisions: no two on the same version of a pair, and the last one stands.
    decided: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for log in logs:
        for mentor, mentee, status, version in log["decided"]:
            decided.setdefault((mentor, mentee), []).append((version, status))
    assert decided
    stored = {p.key: p for p in check.pairs()}
    for key, made in decided.items():
        versions = [v for v, _ in made]
        assert len(versions) == len(set(versions)), (key, made)
        last_version, last_status = max(made)
        assert stored[key].status == last_status, (key, made, stored[key])
        assert stored[key].version > last_version
    # The same view, decided by both apps at once: at most one of them got through.
    same = Counter((m, e, v) for log in logs for m, e, v, ok in log["same_view"] if ok)
    assert logs[0]["same_view"] and max(same.values(), default=0) <= 1
    assert sum(log["stale"] for log in logs) >= len(logs[0]["same_view"])
    # Indices rebuilt here from the shared database hold exactly its rows.
    assert set(check.segment_index().ids().tolist()) == {s.id for s in check.segments()}
    assert set(check.note_index().ids().tolist()) == {n.id for n in check.notes()}
    check.close()


def test_the_processes_run_on_a_real_server_at_read_committed(postgres_url):
    """The test above runs on the server's default isolation, as deployments do."""
    backend = Backend("postgresql", postgres_url, f"t_{uuid.uuid4().hex[:10]}", Path("."))
    store = backend.store()
    try:
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("SHOW transaction_isolation").scalar() == "read committed"
            assert str(conn.exec_driver_sql("SELECT version()").scalar()).startswith("PostgreSQL")
    finally:
        store.close()
        drop_schema(postgres_url, backend.schema)
