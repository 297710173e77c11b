"""Launch safety: loopback by default, a login required anywhere else, password hashes only.

Users come from a JSON file (``{"users": {"name": "<hash>"}}``) or the ``TANDEM_USERS``
environment variable (``name:<hash>,other:<hash>``). Hashes are PBKDF2-SHA256
(``pbkdf2_sha256$<iterations>$<salt hex>$<hash hex>``); make one with
``tandem hash-password``.

Logins go through :class:`LoginGuard`: after :attr:`Backoff.failures` failed attempts within
:attr:`Backoff.window`, the user name and the address they came from are refused for a while,
longer after each new lock; an unknown name costs the same hash as a known one, and a refused
login gets the same answer as a wrong password.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import logging
import os
import secrets
import threading
import time
from collections import Counter, deque
from collections.abc import Awaitable, Callable, Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import anyio.to_thread
from starlette.middleware import Middleware
from starlette.types import ASGIApp, Receive, Scope, Send

__all__ = ["Backoff", "ClientAddress", "LaunchRefused", "LoginGuard", "authenticator",
           "check_launch", "client_address", "hash_password", "is_loopback", "load_users",
           "login_middleware", "verify_password"]

logger = logging.getLogger(__name__)

ITERATIONS = 310_000


class LaunchRefused(SystemExit):
    """The app must not start with these settings (the message says why)."""


def hash_password(password: str, iterations: int = ITERATIONS) -> str:
    """A salted PBKDF2-SHA256 hash of ``password``."""
    salt = secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations)
    return f"pbkdf2_sha256${iterations}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    """Whether ``password`` matches a hash made by :func:`hash_password` (constant time)."""
    try:
        scheme, iterations, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "pbkdf2_sha256":
        return False
    candidate = hashlib.pbkdf2_hmac("sha256", password.encode(), bytes.fromhex(salt),
                                    int(iterations))
    return hmac.compare_digest(candidate.hex(), digest)


def load_users(path: str | Path | None = None,
               env: Mapping[str, str] | None = None) -> dict[str, str]:
    """Users and password hashes from a JSON file, else from ``TANDEM_USERS``."""
    if path:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        users = data.get("users", data)
        return {str(k): str(v) for k, v in users.items()}
    raw = (env if env is not None else os.environ).get("TANDEM_USERS", "")
    users = {}
    for item in filter(None, (x.strip() for x in raw.split(","))):
        name, _, digest = item.partition(":")
        if name and digest:
            users[name] = digest
    return users


def is_loopback(host: str) -> bool:
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_launch(host: str, users: Mapping[str, str]) -> None:
    """Refuse to serve beyond this machine without a login.

    Raises:
        LaunchRefused: ``host`` is not a loopback address and no user is configured.
    """
    if not is_loopback(host) and not users:
        raise LaunchRefused(
            f"refusing to serve on {host} without a login: personal data must not be open to "
            "the network. Configure users with --auth-file or TANDEM_USERS "
            "(hashes from `tandem hash-password`), or serve on 127.0.0.1.")


client_address: ContextVar[str | None] = ContextVar("client_address", default=None)
"""The address of the client whose request is being served (set by :class:`ClientAddress`)."""


class ClientAddress:
    """ASGI middleware: the client's address for the login check.

    Gradio's login route calls ``auth(username, password)`` and passes nothing of the
    request, so the address is put in a context variable here: the route runs in the same
    task, and the check's thread gets a copy of the context. The address is the connection's
    peer, as uvicorn reports it (which takes ``X-Forwarded-For`` only from a proxy on this
    machine, its default ``forwarded_allow_ips``): a header a client sets itself is not trusted.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        client = scope.get("client") if scope["type"] == "http" else None
        token = client_address.set(str(client[0]) if client else None)
        try:
            await self.app(scope, receive, send)
        finally:
            client_address.reset(token)


def login_middleware() -> list[Middleware]:
    """The middleware to give the page's app (``launch(app_kwargs={"middleware": ...})``):
    Gradio creates the app inside ``launch`` and none can be added once it has started."""
    return [Middleware(ClientAddress)]


@dataclass(frozen=True)
class Backoff:
    """When logins are refused.

    Attributes:
        failures: failed attempts within ``window`` (seconds) that lock a user name, and
            separately the address they came from.
        first_lock: how long the first lock lasts (seconds); each further one twice as long,
            up to ``longest_lock``.
        forget: a name or address without a failure for this long starts afresh.
    """

    failures: int = 5
    window: float = 15 * 60
    first_lock: float = 15 * 60
    longest_lock: float = 4 * 3600
    forget: float = 24 * 3600

    def lock_time(self, locks: int) -> float:
        """How long the ``locks``-th lock lasts."""
        return min(self.first_lock * 2 ** min(max(locks - 1, 0), 30), self.longest_lock)


@dataclass
class _Record:
    """Recent failures of one user name or address, its lock, and its attempts being
    checked now (counted as failures until answered: parallel guesses get no more tries)."""

    failures: deque[float] = field(default_factory=deque)
    locked_until: float = 0.0
    locks: int = 0
    last: float = 0.0
    pending: int = 0


Key = tuple[str, str]

_MAX_RECORDS = 10_000
"""Records kept before the stale ones are dropped (a spray of made-up names)."""


def _iterations(stored: str) -> int | None:
    """The iterations of a well-formed hash, else ``None``."""
    try:
        scheme, iterations, salt, digest = stored.split("$")
        count = int(iterations)
        well_formed = bool(bytes.fromhex(salt)) and bool(bytes.fromhex(digest))
    except ValueError:
        return None
    return count if scheme == "pbkdf2_sha256" and count > 0 and well_formed else None


def _shown(name: str) -> str:
    """A user name for the log: quoted (no forged lines), cut short."""
    return repr(name[:64])


class LoginGuard:
    """The page's login check, with a back-off against password guessing.

    Every attempt costs exactly one PBKDF2 computation of the users' strength: against the
    user's hash, or against a dummy one for an unknown name, a broken hash or a locked name
    or address. So the time of the answer tells neither whether a name exists nor whether it
    is locked, and a locked login answers ``False``, like a wrong password.

    Args:
        users: user names and their hashes.
        backoff: when logins are refused.
        clock: seconds, monotonic (a fake one in tests).
    """

    def __init__(self, users: Mapping[str, str], backoff: Backoff | None = None,
                 clock: Callable[[], float] = time.monotonic):
        self.backoff = backoff or Backoff()
        self.clock = clock
        strengths = {name: _iterations(digest) for name, digest in users.items()}
        for name in (n for n, it in strengths.items() if it is None):
            logger.warning("user %s has no valid password hash: every login will fail",
                           _shown(name))
        self.users = {name: users[name] for name, it in strengths.items() if it is not None}
        # the dummy hash has the users' usual strength, so an unknown name takes as long
        common = Counter(it for it in strengths.values() if it is not None).most_common()
        iterations = max((it for it, n in common if n == common[0][1]), default=ITERATIONS)
        self._dummy = (f"pbkdf2_sha256${iterations}${secrets.token_hex(16)}$"
                       f"{secrets.token_hex(32)}")
        self._records: dict[Key, _Record] = {}
        self._lock = threading.Lock()

    async def login(self, username: str, password: str) -> bool:
        """Gradio's ``auth`` callable: the address comes from :class:`ClientAddress`, and the
        hash is computed in a worker thread, not on the server's event loop."""
        address = client_address.get()
        return await anyio.to_thread.run_sync(self.check, username, password, address)

    def check(self, username: str, password: str, address: str | None) -> bool:
        """Whether this login may go in; failures and locks counted and logged.

        ``address`` ``None`` (not known): only the user name is counted, rather than one
        shared lock for every client.
        """
        keys: list[Key] = [("user", username)]
        if address:
            keys.append(("address", address))
        with self._lock:
            now = self.clock()
            held = [k for k in keys if self._held(k, now)]
            if not held:
                for key in keys:
                    self._record(key, now).pending += 1
        stored = self.users.get(username)
        matches = verify_password(password, self._dummy if held or stored is None else stored)
        ok = matches and stored is not None and not held
        where = address or "an unknown address"
        if held:
            logger.warning("login refused for user %s from %s: too many failed attempts of "
                           "the %s", _shown(username), where,
                           " and the ".join(k[0] for k in held))
            return False
        with self._lock:
            for key in keys:
                self._records[key].pending -= 1
            if ok:
                record = self._records[("user", username)]
                record.failures.clear()
                record.locks = 0
            else:
                self._failed(keys, now, username, where)
        if ok:
            logger.info("login of user %s from %s", _shown(username), where)
        return ok

    def _held(self, key: Key, now: float) -> bool:
        """Whether a login of this name or from this address is refused now: locked, or as
        many attempts being checked as the failures left before the lock."""
        record = self._records.get(key)
        if record is None:
            return False
        while record.failures and record.failures[0] <= now - self.backoff.window:
            record.failures.popleft()
        return (record.locked_until > now
                or len(record.failures) + record.pending >= self.backoff.failures)

    def _record(self, key: Key, now: float) -> _Record:
        record = self._records.get(key)
        if record is None or (record.locked_until <= now and not record.pending
                              and now - record.last >= self.backoff.forget):
            if len(self._records) >= _MAX_RECORDS:
                self._prune(now)
            record = self._records[key] = _Record()
        return record

    def _failed(self, keys: list[Key], now: float, username: str, where: str) -> None:
        rules = self.backoff
        for key in keys:
            record = self._record(key, now)
            record.last = now
            record.failures.append(now)
            while record.failures and record.failures[0] <= now - rules.window:
                record.failures.popleft()
            if key[0] == "user":
                logger.warning("failed login for user %s from %s (%d in %d min)",
                               _shown(username), where, len(record.failures),
                               rules.window // 60)
            if len(record.failures) >= rules.failures:
                record.locks += 1
                seconds = rules.lock_time(record.locks)
                record.locked_until = now + seconds
                record.failures.clear()  # after the lock, a new count
                what = f"user {_shown(username)}" if key[0] == "user" else f"address {where}"
                logger.warning("login locked for %s for %d min after %d failed attempts "
                               "(last: user %s from %s)", what, seconds // 60, rules.failures,
                               _shown(username), where)

    def _prune(self, now: float) -> None:
        """Drop the records that no longer hold a lock or a recent failure."""
        stale = [k for k, r in self._records.items() if r.locked_until <= now
                 and not r.pending and r.last < now - self.backoff.window]
        for key in stale:
            del self._records[key]


def authenticator(users: Mapping[str, str], **options: Any) -> Callable[[str, str],
                                                                       Awaitable[bool]]:
    """A Gradio ``auth`` callable checking against the hashes, with the back-off of
    :class:`LoginGuard` (``options``: its ``backoff`` and ``clock``)."""
    return LoginGuard(users, **options).login
