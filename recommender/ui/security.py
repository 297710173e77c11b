"""Launch safety: loopback by default, a login required anywhere else, password hashes only.

Users come from a JSON file (``{"users": {"name": "<hash>"}}``) or the ``TANDEM_USERS``
environment variable (``name:<hash>,other:<hash>``). Hashes are PBKDF2-SHA256
(``pbkdf2_sha256$<iterations>$<salt hex>$<hash hex>``); make one with
``tandem hash-password``.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import os
import secrets
from collections.abc import Callable, Mapping
from pathlib import Path

__all__ = ["LaunchRefused", "authenticator", "check_launch", "hash_password", "is_loopback",
           "load_users", "verify_password"]

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


def authenticator(users: Mapping[str, str]) -> Callable[[str, str], bool]:
    """A Gradio ``auth`` callable checking against the hashes."""
    def check(username: str, password: str) -> bool:
        stored = users.get(username)
        return stored is not None and verify_password(password, stored)

    return check
