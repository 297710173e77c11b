"""A programme's own rules as data: a level ladder with a window, bans and bonuses on
shared answers, an identity match people opt into, a time-zone window, the preferences
people state about a partner.

The rules live in the workspace's settings (``workspace.json``, section ``rules``), in a
JSON or TOML file given to ``tandem match --rules``, or in Python
(:class:`ProgrammeRules`); :func:`rules_from_dict` reads the first two and names every
mistake. Each rule is hard (it forbids pairs) or soft (it adds points to a pair's score,
with a named weight in the score's units: a pair's text match is worth about 0.3 to 0.9).

Example (TOML)::

    preferences = "hard"          # people's stated conditions on a partner: "hard" or "off"
                                  # (top-level keys come before the first [table])

    [levels]
    ladder = "academic"           # or a list of steps, low to high: ["AA", "AO", ...]
    min_steps = 1                 # the mentor at least one step above (classic) ...
    max_steps = 3                 # ... and at most three
    points = { 1 = 0.09, 2 = 0.12 }

    [[same]]
    field = "department"          # or "location", or an attribute such as "profession"
    effect = "forbid"             # "forbid", "require" or "points"

    [[same]]
    field = "profession"
    effect = "points"
    weight = 0.10

    [[identity]]
    field = "characteristics"     # the mentor's values that may share the mentee's ...
    mentee_field = "identity"     # ... values of this attribute (default: the same)
    opt_in = "similar_identity"   # the mentee's yes/no attribute: only for those who asked
    weight = 0.06

    [time_zone]
    max_hours = 3                 # hard: never more than 3 hours apart
    weight = 0.05                 # soft: up to 0.05 for the same time zone

The level rule replaces the years-of-experience gap when a ladder is set: the distance is
counted in steps of the ladder, from the mentee up to the mentor in a classic programme,
from the mentor up to the mentee in reverse mentoring, either way among peers.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ValidationError
from ..intake.readers import nesting_too_deep, read_text_file
from ..language.levels import LADDERS, ladder_positions, level_key

__all__ = [
    "LADDERS",
    "SAME_EFFECTS",
    "Condition",
    "IdentityRule",
    "LevelRule",
    "ProgrammeRules",
    "SameRule",
    "TimeZoneRule",
    "ladder_positions",
    "load_rules",
    "parse_conditions",
    "parse_rules_text",
    "rules_from_dict",
    "rules_to_dict",
]

MAX_RULES_BYTES = 256 * 1024
"""The largest rules text or file read (rules take a few hundred bytes; a ladder of a few
dozen steps a few kilobytes)."""
MAX_RULES_DEPTH = 16
"""The deepest nesting of lists and tables read (rules need 3); deeper is refused before
parsing, where the parsers would recurse out of stack."""


SAME_EFFECTS = ("forbid", "require", "points")
_FIELDS_OF_PEOPLE = ("department", "location", "role", "level")


@dataclass(frozen=True)
class LevelRule:
    """Levels on a ladder, and how far apart a mentor and a mentee may be.

    Attributes:
        ladder: the steps, low to high; each step a name and other words that name it.
        min_steps: the least distance, in steps, in the programme's direction (0 allows
            the same step; classic: mentor above the mentee, reverse: below).
        max_steps: the most (``None``: no limit).
        points: ``((steps, points), ...)``: points added to a pair that many steps apart.
        hard: the window forbids pairs outside it (else it only gives points).
    """

    ladder: tuple[tuple[str, ...], ...]
    min_steps: int = 1
    max_steps: int | None = None
    points: tuple[tuple[int, float], ...] = ()
    hard: bool = True


@dataclass(frozen=True)
class SameRule:
    """Mentor and mentee sharing a value of ``field`` (``department``, ``location``,
    ``role``, ``level``, or an attribute's name): forbidden, required, or worth
    ``weight`` points. People who did not answer share nothing: a ``require`` rule
    leaves them alone, a ``forbid`` rule never fires on them."""

    field: str
    effect: str = "forbid"
    weight: float = 0.0


@dataclass(frozen=True)
class IdentityRule:
    """Points for a mentor whose ``field`` values include one of the mentee's
    ``mentee_field`` values, for mentees whose ``opt_in`` attribute says yes (everyone
    when ``opt_in`` is empty); ``hard``: such mentees get only such mentors."""

    field: str
    mentee_field: str = ""
    opt_in: str = ""
    weight: float = 0.0
    hard: bool = False


@dataclass(frozen=True)
class TimeZoneRule:
    """Time zones: never more than ``max_hours`` apart (``None``: no limit), and up to
    ``weight`` points for the same zone, falling to 0 at ``max_hours`` (or 12 hours).
    People who gave no time zone are not held by it."""

    max_hours: float | None = None
    weight: float = 0.0


@dataclass(frozen=True)
class Condition:
    """One condition a person set on a partner: ``field op value`` (``field`` empty:
    any of the partner's answers; ``op`` one of ``=``, ``!=``, ``>=``, ``<=``)."""

    field: str
    op: str
    value: str
    text: str


@dataclass(frozen=True)
class ProgrammeRules:
    """A programme's rules (see the module's documentation for the file format).

    Attributes:
        levels: the ladder and window (``None``: the years-of-experience gap applies).
        same: rules on a shared answer: bans, requirements, points.
        identity: identity matches people opt into.
        time_zone: the time-zone window and points.
        preferences: ``"hard"``: the conditions people state on a partner must hold;
            ``"off"``: they are ignored.
    """

    levels: LevelRule | None = None
    same: tuple[SameRule, ...] = ()
    identity: tuple[IdentityRule, ...] = ()
    time_zone: TimeZoneRule | None = None
    preferences: str = "hard"

    def __post_init__(self) -> None:
        problems = _problems(self)
        if problems:
            raise ValueError("invalid programme rules: " + "; ".join(problems))

    @property
    def gives_points(self) -> bool:
        return bool((self.levels and self.levels.points)
                    or any(r.effect == "points" and r.weight for r in self.same)
                    or any(r.weight for r in self.identity)
                    or (self.time_zone and self.time_zone.weight))


def _problems(rules: ProgrammeRules) -> list[str]:
    out: list[str] = []
    if rules.levels is not None:
        lv = rules.levels
        if len(lv.ladder) < 2 or any(not step or not all(isinstance(n, str) and n.strip()
                                                         for n in step) for step in lv.ladder):
            out.append("levels.ladder needs at least two steps, each named")
        if lv.min_steps < 0:
            out.append("levels.min_steps must be >= 0")
        if lv.max_steps is not None and lv.max_steps < lv.min_steps:
            out.append("levels.max_steps must be >= levels.min_steps")
        for steps, points in lv.points:
            if steps < 0 or not np.isfinite(points) or points < 0:
                out.append(f"levels.points: {steps} steps -> {points}: steps and points "
                           "must be >= 0")
    for i, rule in enumerate(rules.same):
        if rule.effect not in SAME_EFFECTS:
            out.append(f"same[{i}].effect must be one of {', '.join(SAME_EFFECTS)}, "
                       f"not '{rule.effect}'")
        if not rule.field.strip():
            out.append(f"same[{i}].field is empty")
        if not np.isfinite(rule.weight) or rule.weight < 0:
            out.append(f"same[{i}].weight must be >= 0")
    for i, ident in enumerate(rules.identity):
        if not ident.field.strip():
            out.append(f"identity[{i}].field is empty")
        if not np.isfinite(ident.weight) or ident.weight < 0:
            out.append(f"identity[{i}].weight must be >= 0")
    tz = rules.time_zone
    if tz is not None:
        if tz.max_hours is not None and not 0 <= tz.max_hours <= 26:
            out.append("time_zone.max_hours must be between 0 and 26")
        if not np.isfinite(tz.weight) or tz.weight < 0:
            out.append("time_zone.weight must be >= 0")
    if rules.preferences not in ("hard", "off"):
        out.append(f"preferences must be 'hard' or 'off', not '{rules.preferences}'")
    return out


# ------------------------------------------------------------------------ conditions
_CONDITION = re.compile(r"^\s*(?:(?P<field>[^=<>!]*?)\s*)?(?P<op>>=|<=|!=|=|≥|≤|≠)\s*"
                        r"(?P<value>.+?)\s*$")


def parse_conditions(text: str) -> tuple[tuple[Condition, ...], tuple[str, ...]]:
    """The conditions of a ``preferences`` text (``;`` between them), and the parts that
    are no condition (said, never guessed)."""
    conditions: list[Condition] = []
    bad: list[str] = []
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        found = _CONDITION.match(part)
        if not found or not found["value"].strip():
            bad.append(part)
            continue
        op = {"≥": ">=", "≤": "<=", "≠": "!="}.get(found["op"], found["op"])
        conditions.append(Condition(level_key(found["field"] or ""), op,
                                    found["value"].strip(), part))
    return tuple(conditions), tuple(bad)


# ------------------------------------------------------------------------ files
def _ladder(value: Any, where: str) -> tuple[tuple[str, ...], ...]:
    if isinstance(value, str):
        if value not in LADDERS:
            raise ValueError(f"{where}: unknown ladder '{value}' (shipped: "
                             f"{', '.join(LADDERS)}; or give the steps, low to high)")
        return LADDERS[value]
    if not isinstance(value, Sequence):
        raise ValueError(f"{where}: a ladder is a shipped name or a list of steps")
    steps = []
    for step in value:
        if isinstance(step, str):
            steps.append(tuple(s.strip() for s in step.split("|") if s.strip()))
        elif isinstance(step, Sequence) and all(isinstance(s, str) for s in step):
            steps.append(tuple(step))
        else:
            raise ValueError(f"{where}: each step is a name ('Postdoc | Research fellow') "
                             "or a list of names")
    return tuple(steps)


def _only(data: Mapping[str, Any], allowed: Sequence[str], where: str) -> None:
    unknown = [k for k in data if k not in allowed]
    if unknown:
        raise ValueError(f"{where}: unknown setting(s) {', '.join(map(repr, unknown))} "
                         f"(known: {', '.join(allowed)})")


class _Table:
    """One table of a rules file, read setting by setting with the kind each must have."""

    def __init__(self, data: Any, where: str, allowed: Sequence[str]) -> None:
        if not isinstance(data, Mapping):
            raise ValueError(f"{where}: must be a table of settings (got "
                             f"{type(data).__name__})")
        _only(data, allowed, where)
        self.data, self.where = data, where

    def _get(self, key: str, default: Any) -> Any:
        value = self.data.get(key, default)
        return default if value is None else value

    def integer(self, key: str, default: int | None) -> int | None:
        value = self._get(key, default)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(f"{self.where}.{key} must be a whole number, got {value!r}")
        return value

    def number(self, key: str, default: float | None) -> float | None:
        value = self._get(key, default)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) \
                or not np.isfinite(value):
            raise ValueError(f"{self.where}.{key} must be a number, got {value!r}")
        return float(value)

    def flag(self, key: str, default: bool) -> bool:
        value = self._get(key, default)
        if not isinstance(value, bool):
            raise ValueError(f"{self.where}.{key} must be true or false, got {value!r}")
        return value

    def text(self, key: str, default: str) -> str:
        value = self._get(key, default)
        if not isinstance(value, str):
            raise ValueError(f"{self.where}.{key} must be text, got {value!r}")
        return value

    def tables(self, key: str) -> list[Any]:
        value = self._get(key, [])
        if isinstance(value, Mapping):
            return [value]  # one [same] table where [[same]] was meant
        if not isinstance(value, list):
            raise ValueError(f"{self.where}.{key} must be a list of tables, got {value!r}")
        return value


def rules_from_dict(data: Mapping[str, Any], source: str = "rules") -> ProgrammeRules:
    """The rules of a parsed JSON or TOML document (see the module's documentation).

    Raises:
        ValueError: naming ``source`` and the setting at fault.
    """
    try:
        top = _Table(data, source, ("levels", "same", "identity", "time_zone", "preferences"))
        levels = None
        if data.get("levels") is not None:
            lv = _Table(data["levels"], f"{source}: levels",
                        ("ladder", "min_steps", "max_steps", "points", "hard"))
            points = lv._get("points", {})
            if not isinstance(points, Mapping):
                raise ValueError(f"{source}: levels.points must be a table of steps -> "
                                 f"points, got {points!r}")
            pairs = []
            for k, v in points.items():
                if not str(k).strip().isdigit() or isinstance(v, bool) \
                        or not isinstance(v, (int, float)):
                    raise ValueError(f"{source}: levels.points: {k!r} = {v!r}: steps are "
                                     "whole numbers, points numbers")
                pairs.append((int(k), float(v)))
            levels = LevelRule(
                ladder=_ladder(lv._get("ladder", ""), f"{source}: levels.ladder"),
                min_steps=lv.integer("min_steps", 1) or 0,
                max_steps=lv.integer("max_steps", None),
                points=tuple(sorted(pairs)), hard=lv.flag("hard", True))
        same = []
        for i, raw in enumerate(top.tables("same")):
            rule = _Table(raw, f"{source}: same[{i}]", ("field", "effect", "weight"))
            same.append(SameRule(rule.text("field", ""), rule.text("effect", "forbid"),
                                 rule.number("weight", 0.0) or 0.0))
        identity = []
        for i, raw in enumerate(top.tables("identity")):
            rule = _Table(raw, f"{source}: identity[{i}]",
                          ("field", "mentee_field", "opt_in", "weight", "hard"))
            identity.append(IdentityRule(rule.text("field", ""), rule.text("mentee_field", ""),
                                         rule.text("opt_in", ""),
                                         rule.number("weight", 0.0) or 0.0,
                                         rule.flag("hard", False)))
        time_zone = None
        if data.get("time_zone") is not None:
            tz = _Table(data["time_zone"], f"{source}: time_zone", ("max_hours", "weight"))
            time_zone = TimeZoneRule(tz.number("max_hours", None), tz.number("weight", 0.0) or 0.0)
        return ProgrammeRules(levels, tuple(same), tuple(identity), time_zone,
                              top.text("preferences", "hard"))
    except ValueError as exc:
        text = str(exc)
        raise ValueError(text if text.startswith(source) else f"{source}: {text}") from exc


def parse_rules_text(text: str, source: str = "rules", syntax: str | None = None) -> Any:
    """The document of a rules text: ``syntax`` ``"toml"`` or ``"json"``, or ``None`` for
    JSON, else TOML (what a coordinator types on the page; empty: no rules).

    Raises:
        ValueError: naming ``source``: not a rules document.
    """
    if len(text) > MAX_RULES_BYTES:
        raise ValueError(f"{source}: {len(text)} characters, at most {MAX_RULES_BYTES} "
                         "accepted (a programme's rules take a few hundred)")
    deep = nesting_too_deep(text, MAX_RULES_DEPTH)
    if deep is not None:  # refused before the parsers recurse into it
        raise ValueError(f"{source}: line {deep[0]}, column {deep[1]}: lists or tables nested "
                         f"more than {MAX_RULES_DEPTH} deep; rules need 3")
    if syntax is None:
        if not text.strip():
            return {}
        try:
            return json.loads(text)
        except json.JSONDecodeError as json_error:
            try:
                return tomllib.loads(text)
            except tomllib.TOMLDecodeError:
                raise ValueError(f"{source}: not JSON ({json_error})") from None
    try:
        return tomllib.loads(text) if syntax == "toml" else json.loads(text)
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{source}: not a rules file ({exc})") from exc


def load_rules(path: str | Path) -> ProgrammeRules:
    """The rules of a TOML (``.toml``) or JSON file; a JSON file may hold them under a
    ``rules`` key (``workspace.json`` itself).

    Raises:
        ValueError: an unreadable file, or a setting at fault (named with the file).
    """
    path = Path(path)
    try:
        text = read_text_file(path, max_bytes=MAX_RULES_BYTES, what="rules file",
                              why=" (rules take a few hundred bytes: is this the right file?)")
    except ValidationError as exc:
        raise ValueError("; ".join(str(p) for p in exc.problems)) from None
    data = parse_rules_text(text, path.name, "toml" if path.suffix.lower() == ".toml"
                            else "json")
    if isinstance(data, Mapping) and isinstance(data.get("rules"), Mapping):
        data = data["rules"]
    return rules_from_dict(data, path.name)


def rules_to_dict(rules: ProgrammeRules) -> dict[str, Any]:
    """The rules as :func:`rules_from_dict` reads them (JSON-ready; a shipped ladder is
    written by name)."""
    out: dict[str, Any] = {}
    if rules.levels is not None:
        lv = rules.levels
        name = next((n for n, ladder in LADDERS.items() if ladder == lv.ladder), None)
        out["levels"] = {"ladder": name or [" | ".join(step) for step in lv.ladder],
                         "min_steps": lv.min_steps, "max_steps": lv.max_steps,
                         "points": {str(k): v for k, v in lv.points}, "hard": lv.hard}
    if rules.same:
        out["same"] = [{"field": r.field, "effect": r.effect, "weight": r.weight}
                       for r in rules.same]
    if rules.identity:
        out["identity"] = [{"field": r.field, "mentee_field": r.mentee_field,
                            "opt_in": r.opt_in, "weight": r.weight, "hard": r.hard}
                           for r in rules.identity]
    if rules.time_zone is not None:
        out["time_zone"] = {"max_hours": rules.time_zone.max_hours,
                            "weight": rules.time_zone.weight}
    out["preferences"] = rules.preferences
    return out


