"""What the tests share besides fixtures: paths, a small cohort, the fake embedder, and
one runner of the ``tandem`` command line (in process, or as a real process)."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from recommender import HashingEmbedder
from recommender.embedding.testing import CountingEmbedder as _Counting

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
FORMS = DATA / "forms"
ARTIFACTS = ROOT / "tests" / "artifacts"

NAMELESS_FORM = (
    "Horodateur,Combien d'années d'expérience avez-vous ?,Que pouvez-vous partager ?,"
    "Que voulez-vous apprendre ?\n"
    "2026/11/02 10:01,2,Je gère nos comptes TikTok et Instagram.,\n"
    "2026/11/02 10:05,,,\n"  # an unfinished response
    "2026/11/02 10:09,25,,Je veux comprendre comment les jeunes utilisent TikTok.\n"
    "2026/11/02 10:15,-3,,Je veux apprendre Canva.\n")  # refused: years below 0
"""A sign-up form export without names or e-mail addresses, with an unfinished response and
a row a partial import skips: what an import report must count right."""


def CountingEmbedder(dimension: int = 256, model_id: str | None = None) -> _Counting:
    """The hashing embedder, counting how many texts it was asked to embed."""
    return _Counting(HashingEmbedder(dimension), model_id)


PEOPLE = [
    {"id": "s1", "name": "Sylvie", "years_experience": 18, "department": "HR", "languages": "fr;en",
     "profile": "I have led HR for years.",
     "wants": "I want to understand recruiting on TikTok and how graduates search jobs."},
    {"id": "s2", "name": "Marc", "years_experience": 22, "department": "Stores", "languages": "fr",
     "profile": "Je dirige le magasin.",
     "wants": "Je veux comprendre les tournées de livraison et les livreurs."},
    {"id": "j1", "name": "Inès", "years_experience": 1, "department": "HR", "languages": "fr;en",
     "offers": "I run the TikTok account for recruiting and know how graduates search jobs.",
     "role_preference": "mentor"},
    {"id": "j2", "name": "Yanis", "years_experience": 0.5, "department": "Logistics",
     "languages": "fr", "offers": "Je fais les tournées de livraison, je connais les livreurs.",
     "role_preference": "mentor"},
]


@dataclass(frozen=True)
class CliResult:
    """What a run of ``tandem`` gave: exit code, standard output and error."""

    returncode: int
    stdout: str
    stderr: str


@contextlib.contextmanager
def _cwd(path: Path | None) -> Iterator[None]:
    before = Path.cwd()
    if path is not None:
        os.chdir(path)
    try:
        yield
    finally:
        os.chdir(before)


def run_cli(*args: str, cwd: Path | None = None, stdin: str = "") -> CliResult:
    """``tandem ARGS`` in this process (``recommender.cli.main``): what a user sees, without
    a new interpreter's start-up. An argparse error (exit 2) is returned, not raised."""
    from recommender.cli import main

    out, err = io.StringIO(), io.StringIO()
    with _cwd(cwd), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), \
            contextlib.ExitStack() as stack:
        if stdin:
            stack.enter_context(_stdin(stdin))
        try:
            code = main(list(args))
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
    return CliResult(code, out.getvalue(), err.getvalue())


@contextlib.contextmanager
def _stdin(text: str) -> Iterator[None]:
    before = sys.stdin
    sys.stdin = io.StringIO(text)
    try:
        yield
    finally:
        sys.stdin = before


def run_cli_process(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
                    timeout: float = 600) -> subprocess.CompletedProcess[str]:
    """``python -m recommender ARGS`` as a real process (for what only a process shows:
    the entry point, signals, environment variables)."""
    return subprocess.run([sys.executable, "-m", "recommender", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=timeout,
                          env={**os.environ, **(env or {})})


def tandem_args(*args: str, model: str | None = None) -> Sequence[str]:
    """``args`` with ``--model`` appended when given."""
    return [*args, *(("--model", model) if model else ())]
