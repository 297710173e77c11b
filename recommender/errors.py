"""The one error users see for bad input, listing every problem at once (its message shows
the first fifty, and how many more)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["MAX_SHOWN_PROBLEMS", "PairRuleError", "Problem", "StaleDecisionError",
           "UnknownIdError", "ValidationError", "shown_problems"]


MAX_SHOWN_PROBLEMS = 50
"""How many problems a message lists (the error's text, the command line, the page); the
exception's ``problems`` keeps them all. A file of 100 000 bad rows must not become a 10 MB
message: the first fifty show what is wrong, and fixing those usually fixes the rest."""


@dataclass(frozen=True, slots=True)  # slots: a big file's error may hold 100 000s of these
class Problem:
    """One thing wrong with the input: where (file, row, column) and what."""

    source: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = [self.source]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column '{self.column}'")
        return f"{', '.join(where)}: {self.message}"


class ValidationError(ValueError):
    """Raised when input is rejected; nothing of the batch was stored.

    Attributes:
        problems: every problem found, in file order.

    Its text lists the first :data:`MAX_SHOWN_PROBLEMS` problems, then how many more there
    are and in how many rows; ``problems`` holds every one.
    """

    def __init__(self, problems: Sequence[Problem]):
        self.problems = tuple(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the input, nothing was stored:"
        shown, more = shown_problems(self.problems)
        lines = [head, *(f"  - {p}" for p in shown)]
        if more:
            lines.append(f"  - … {more}")
        super().__init__("\n".join(lines))


def _more_problems(hidden: Sequence[Problem]) -> str:
    """The line that stands for problems left out of a message: ``"and 99950 more problems
    in 99950 rows"`` (rows counted once; problems of the whole file have none)."""
    rows = len({p.row for p in hidden if p.row is not None})
    where = f" in {rows} row{'s' if rows != 1 else ''}" if rows else ""
    return f"and {len(hidden)} more problem{'s' if len(hidden) != 1 else ''}{where}"


def shown_problems(problems: Sequence[Problem], limit: int = MAX_SHOWN_PROBLEMS
                   ) -> tuple[Sequence[Problem], str]:
    """The problems a message lists, and the line for the others (``""`` when none is
    left out): at most ``limit``, in their order."""
    if len(problems) <= limit:
        return problems, ""
    return problems[:limit], _more_problems(problems[limit:])


class UnknownIdError(KeyError):
    """Raised when a person or pair id is not in the workspace.

    Attributes:
        kind: ``"person"`` or ``"pair"``.
        id: the id asked for.
    """

    def __init__(self, kind: str, id: str):
        super().__init__(id)
        self.kind = kind
        self.id = id

    def __str__(self) -> str:
        return f"unknown {self.kind} id '{self.id}'"


class StaleDecisionError(ValueError):
    """A pair decision made on an outdated view: someone changed the pair since.

    Attributes:
        expected: the version the decision was made on; ``found`` / ``status``: the pair's
            version and status now (``None`` when it no longer exists).
    """

    def __init__(self, mentor_id: str, mentee_id: str, expected: int, found: int | None,
                 status: str | None):
        self.mentor_id, self.mentee_id = mentor_id, mentee_id
        self.expected, self.found, self.status = expected, found, status
        now = "no longer exists" if found is None else f"is now '{status}' (version {found})"
        super().__init__(f"pair {mentor_id} -> {mentee_id} changed since it was shown "
                         f"(version {expected}): it {now}; reload and decide again")


class PairRuleError(ValueError):
    """A pair a hard rule forbids (a manual pairing).

    Attributes:
        violations: the rules it breaks, in words.
    """

    def __init__(self, mentor_id: str, mentee_id: str, violations: tuple[str, ...]):
        self.violations = violations
        super().__init__(f"{mentor_id} cannot mentor {mentee_id}: {'; '.join(violations)}")
