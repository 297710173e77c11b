"""Launch safety, password hashes, and several writers on one workspace."""

from __future__ import annotations

import asyncio
import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from recommender import Recommender
from recommender.ui.coordinator import Coordinator
from recommender.ui.security import (
    LaunchRefused,
    authenticator,
    check_launch,
    hash_password,
    load_users,
    verify_password,
)

from ..e2e_support import free_port
from ..shared import ROOT


def test_loopback_needs_no_login_other_addresses_do():
    check_launch("127.0.0.1", {})
    check_launch("localhost", {})
    with pytest.raises(LaunchRefused, match="without a login"):
        check_launch("0.0.0.0", {})
    check_launch("0.0.0.0", {"coord": hash_password("s3cret", iterations=1000)})


def test_password_hashes(tmp_path):
    stored = hash_password("s3cret", iterations=1000)
    assert stored.startswith("pbkdf2_sha256$1000$") and "s3cret" not in stored
    assert verify_password("s3cret", stored) and not verify_password("nope", stored)
    assert not verify_password("s3cret", "garbage")
    users = load_users(env={"TANDEM_USERS": f"ana:{stored}, bob:{stored}"})
    assert set(users) == {"ana", "bob"}
    path = tmp_path / "users.json"
    path.write_text(json.dumps({"users": {"ana": stored}}))
    check = authenticator(load_users(path))  # async: Gradio awaits it

    def login(name: str, password: str) -> bool:
        return asyncio.run(check(name, password))

    assert login("ana", "s3cret") and not login("ana", "x") and not login("eve", "s3cret")


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_pair_exports_are_readable_by_this_account_only(rec, fmt):
    rec.set_pair_status("j1", "s1", "accepted")
    coordinator = Coordinator(rec)  # exports in a private temporary folder, as on the page
    before = os.umask(0o022)  # the usual umask, under which a new file is 0644
    try:
        first = Path(coordinator.export_pairs(fmt))
        again = Path(coordinator.export_pairs(fmt))  # within the same second: same file
    finally:
        os.umask(before)
    for path in (first, again):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, oct(path.stat().st_mode)
        assert path.stat().st_size > 0
    assert stat.S_IMODE(first.parent.stat().st_mode) == 0o700
    if fmt == "csv":
        assert "j1" in again.read_text(encoding="utf-8-sig")


@pytest.mark.subprocess
def test_app_refuses_a_non_loopback_launch_without_credentials(tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "app.py"), "--workspace", str(tmp_path / "w"),
         "--host", "0.0.0.0", "--port", str(free_port())],
        capture_output=True, text=True, timeout=120, env={"TANDEM_USERS": "", "PATH": ""})
    assert result.returncode != 0
    assert "refusing to serve on 0.0.0.0 without a login" in result.stderr
    assert not (tmp_path / "w").exists()  # refused before touching any data


def test_two_tabs_writing_at_once_lose_nothing(tmp_path, people_rows):
    folder = tmp_path / "shared"
    first = Recommender.open(folder, embedder="hashing")
    first.add_people(people_rows)
    errors: list[BaseException] = []

    def writer(tag: str) -> None:
        rec = Recommender.open(folder, embedder="hashing")  # like another process or tab
        try:
            for i in range(20):
                rec.add_notes([{"mentor_id": "j1", "mentee_id": "s1", "date": "2026-11-01",
                                "text": f"{tag} note {i}"}])
                rec.add_people([dict(people_rows[0], name=f"Sylvie {tag}{i}")])
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(tag,)) for tag in "AB"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    final = Recommender.open(folder, embedder="hashing")
    assert len(final.notes()) == 40
    assert final.person("s1").name in {"Sylvie A19", "Sylvie B19"}
    assert len(final.people()) == 4
