"""Password guessing: a back-off per user name and per address, the same work for an unknown
name as for a known one, and one answer whether locked or wrong."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
import types
import urllib.error
import urllib.parse
import urllib.request

import pytest

from recommender.ui import security
from recommender.ui.security import Backoff, LoginGuard, client_address, hash_password

from ..e2e_support import AppServer

ITER = 1000  # cheap hashes: the tests count them, they do not time them
USERS = {"ana": hash_password("ana-right", iterations=ITER),
         "bob": hash_password("bob-right", iterations=ITER)}
MINUTE = 60.0


class FakeClock:
    def __init__(self) -> None:
        self.now = 10_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def guard(clock) -> LoginGuard:
    return LoginGuard(USERS, clock=clock)


def test_the_back_off_rules_are_the_documented_ones():
    rules = Backoff()
    assert (rules.failures, rules.window, rules.first_lock) == (5, 15 * MINUTE, 15 * MINUTE)
    assert rules.lock_time(1) == 15 * MINUTE and rules.lock_time(2) == 30 * MINUTE
    assert rules.lock_time(20) == rules.longest_lock == 4 * 60 * MINUTE


def test_guessing_locks_the_name_and_the_address_until_the_time_is_over(guard, clock, caplog):
    caplog.set_level(logging.INFO, logger=security.__name__)
    for i in range(4):
        assert not guard.check("ana", f"guess-{i}", "10.0.0.1")
    assert guard.check("bob", "bob-right", "10.0.0.9")  # others are not held up meanwhile
    assert not guard.check("ana", "guess-4", "10.0.0.1")  # the 5th failure: locked
    assert not guard.check("ana", "ana-right", "10.0.0.1")  # even the right password
    assert not guard.check("ana", "ana-right", "10.0.0.2")  # the name, from anywhere
    assert not guard.check("bob", "bob-right", "10.0.0.1")  # the address, for any name
    assert guard.check("bob", "bob-right", "10.0.0.3")
    clock.advance(15 * MINUTE - 1)
    assert not guard.check("ana", "ana-right", "10.0.0.2")
    clock.advance(1)
    assert guard.check("ana", "ana-right", "10.0.0.1")  # released, both name and address

    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("'ana'" in m and "10.0.0.1" in m and "locked" in m for m in warnings)
    assert any("'bob'" in m and "10.0.0.1" in m and "refused" in m and "address" in m
               for m in warnings)
    assert sum(m.startswith("failed login") for m in warnings) == 5
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "guess-" not in logged and "right" not in logged  # never a password


def test_each_new_lock_lasts_longer(guard, clock):
    for round_, minutes in enumerate((15, 30, 60, 120, 240, 240), start=1):
        for i in range(5):
            assert not guard.check("eve", f"g{round_}-{i}", f"10.1.0.{round_}")
        clock.advance(minutes * MINUTE - 1)
        assert not guard.check("eve", "anything", f"10.2.0.{round_}"), round_
        clock.advance(1)
    # a day without failures: the next lock is the first one's length again
    clock.advance(24 * 60 * MINUTE)
    for i in range(5):
        guard.check("eve", f"later-{i}", "10.3.0.1")
    clock.advance(15 * MINUTE)
    assert not guard.check("eve", "anything", "10.3.0.2")  # failure, not refusal: counted
    assert len(guard._records[("user", "eve")].failures) == 1


def test_failures_spread_wider_than_the_window_do_not_lock(guard, clock):
    for i in range(4):
        assert not guard.check("ana", f"guess-{i}", "10.0.0.1")
    clock.advance(15 * MINUTE + 1)
    for i in range(4):
        assert not guard.check("ana", f"again-{i}", "10.0.0.1")
    assert guard.check("ana", "ana-right", "10.0.0.1")


def test_a_success_clears_the_name_but_not_the_address(guard):
    for i in range(4):
        guard.check("ana", f"guess-{i}", "10.0.0.1")
    assert guard.check("bob", "bob-right", "10.0.0.1")  # a guesser with an account of their own
    assert not guard.check("ana", "guess-4", "10.0.0.1")
    assert not guard.check("bob", "bob-right", "10.0.0.1")  # the address is locked all the same


def test_attempts_being_checked_count_against_the_limit(guard, monkeypatch):
    for i in range(4):
        guard.check("ana", f"guess-{i}", "10.0.0.1")
    started: list[bool] = []
    answers: list[bool] = []

    def hashing(name: str, password: bytes, salt: bytes, iterations: int, *rest):
        if not started:  # while the 5th guess is being hashed, a 6th comes in parallel
            started.append(True)
            answers.append(guard.check("ana", "ana-right", "10.0.0.2"))
        return hashlib.pbkdf2_hmac(name, password, salt, iterations, *rest)

    monkeypatch.setattr(security, "hashlib", types.SimpleNamespace(pbkdf2_hmac=hashing))
    assert not guard.check("ana", "guess-4", "10.0.0.1")
    assert answers == [False]  # refused, though right: no sixth try by going in parallel


@pytest.fixture
def hashes(monkeypatch) -> list[int]:
    """The iterations of every PBKDF2 computation the login makes."""
    calls: list[int] = []

    def counting(name: str, password: bytes, salt: bytes, iterations: int, *rest):
        calls.append(iterations)
        return hashlib.pbkdf2_hmac(name, password, salt, iterations, *rest)

    monkeypatch.setattr(security, "hashlib", types.SimpleNamespace(pbkdf2_hmac=counting))
    return calls


def test_every_answer_costs_one_hash_of_the_same_strength(clock, hashes):
    guard = LoginGuard({**USERS, "broken": "not-a-hash"}, clock=clock)
    cases = [("ana", "ana-right"), ("ana", "wrong"), ("nobody", "wrong"), ("", ""),
             ("broken", "x"), ("nobody-" * 100, "x" * 10_000)]
    for name, password in cases:
        hashes.clear()
        guard.check(name, password, "10.0.0.5")
        assert hashes == [ITER], name
    for i in range(5):
        guard.check("zed", f"g{i}", "10.0.0.6")
    for name, password in [("zed", "x"), ("ana", "ana-right")]:  # locked name, address
        hashes.clear()
        assert not guard.check(name, password, "10.0.0.6")
        assert hashes == [ITER], name


def test_an_unknown_name_is_locked_like_a_known_one(guard, clock):
    for i in range(5):
        assert not guard.check("nobody", f"g{i}", f"10.0.1.{i}")
    assert guard._records[("user", "nobody")].locked_until > clock.now
    assert not guard.check("nobody", "g5", "10.0.2.1")


def test_gradio_receives_an_async_check_reading_the_request_address(clock):
    guard = LoginGuard(USERS, clock=clock)

    async def attempt(address: str | None, password: str) -> bool:
        token = client_address.set(address)  # what the middleware does for each request
        try:
            return await guard.login("ana", password)
        finally:
            client_address.reset(token)

    for i in range(5):
        assert not asyncio.run(attempt("10.9.9.9", f"g{i}"))
    assert not asyncio.run(attempt("10.9.9.8", "ana-right"))  # the name is locked
    assert ("address", "10.9.9.9") in guard._records
    assert asyncio.run(attempt(None, "bob-right")) is False  # the name still counts
    assert ("address", None) not in guard._records  # no address known: no shared lock


def post_login(url: str, username: str, password: str) -> tuple[int, str, float]:
    form = urllib.parse.urlencode({"username": username, "password": password}).encode()
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(urllib.request.Request(url + "login", data=form),
                                    timeout=30) as response:
            return response.status, response.read().decode(), time.perf_counter() - start
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode(), time.perf_counter() - start


@pytest.mark.subprocess
def test_the_login_route_locks_a_guesser_out(tmp_path):
    users = ",".join(f"{name}:{digest}" for name, digest in USERS.items())
    server = AppServer(tmp_path / "workspace", "--embedder", "hashing",
                       env={"TANDEM_USERS": users}).wait()
    try:
        assert post_login(server.url, "bob", "bob-right")[0] == 200
        wrong = [post_login(server.url, "ana", f"guess-{i}") for i in range(5)]
        assert {(status, body) for status, body, _ in wrong} == {
            (400, '{"detail":"Incorrect credentials."}')}
        locked = post_login(server.url, "ana", "ana-right")
        assert locked[:2] == wrong[0][:2]  # locked or wrong: the same answer
        assert post_login(server.url, "bob", "bob-right")[:2] == wrong[0][:2]  # this address
    finally:
        server.stop()
    log = server.log.read_text()
    assert "WARNING recommender.ui.security" in log
    assert "'ana'" in log and "127.0.0.1" in log and "locked" in log
    assert "guess-" not in log and "ana-right" not in log and "bob-right" not in log
