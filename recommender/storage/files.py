"""Files and folders of personal data, readable by their owner only.

A workspace folder holds people's answers and notes (``store.sqlite``), and what the
programme is (``workspace.json``): on a shared machine the usual umask (022) would let every
local user read them. They are made 0600 (folders 0700) whatever the umask, and those an
older version left readable by others are tightened when the workspace is opened.
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
from pathlib import Path

__all__ = ["create_private_file", "make_private", "private_folder"]

logger = logging.getLogger(__name__)

FILE_MODE = 0o600
FOLDER_MODE = 0o700


def private_folder(folder: Path) -> None:
    """Create ``folder`` (and its parents) when absent, itself 0700; an existing one is made
    private too (see :func:`make_private`)."""
    if not folder.exists():
        folder.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileExistsError):  # another process made it meanwhile
            folder.mkdir(mode=FOLDER_MODE)
    make_private(folder)


def create_private_file(path: Path) -> bool:
    """Create the empty file ``path`` 0600 unless it exists (an empty file is an empty
    SQLite database, whose journals SQLite then creates with its mode); whether it was
    made here."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return False
    os.close(fd)
    return True


def make_private(path: Path) -> None:
    """Take the group's and others' rights off ``path`` (a file or folder) when it has any.

    A file this process may not change (another user's) is left as it is, with a warning:
    opening the workspace still works."""
    try:
        current = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return
    if not current & 0o077:
        return
    try:
        path.chmod(current & 0o700)
    except OSError as exc:
        logger.warning("%s is readable by other users (mode %o) and could not be made "
                       "private: %s", path, current, exc)
        return
    logger.info("%s was readable by other users (mode %o): made private to its owner "
                "(mode %o)", path, current, current & 0o700)
