"""A programme's rules on a cohort's arrays: which pairs they forbid, and the points they
give, on edges ``(E,)`` and on broadcast matrices (``(M, 1)`` x ``(1, S)``) alike.

The cohort keeps what people answered (levels, time zones, attributes, preferences) as
plain arrays; this module compiles them once per cohort and rules (:func:`compiled`) into
codes, ladder positions and value matrices, then reads them with numpy.
"""

from __future__ import annotations

import json
import re
import threading
import weakref
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy import sparse

from ..language.text import fold
from .cohort import Cohort
from .programme import (
    LADDERS,
    Condition,
    IdentityRule,
    ProgrammeRules,
    ladder_positions,
    parse_conditions,
)

__all__ = ["CompiledRules", "Values", "answer_key", "compiled", "forbidden_by", "hours_apart",
           "points_of", "rule_warnings", "shared"]

_YES = frozenset({"yes", "y", "true", "1", "oui", "si", "sim", "ja", "sí", "x"})
_LEVEL_NAMES = frozenset({"level", "niveau", "nivel", "grade", "career stage", "stage"})


def answer_key(text: str) -> str:
    """An answer or a field's name as rules compare them: folded, every mark a space (a
    rule's "Secteur d'activité" is the column ``attr_secteur_d_activite``)."""
    return " ".join(re.sub(r"[\W_]+", " ", fold(text)).split())


_value = answer_key


def hours_apart(a: Any, b: Any) -> Any:
    """Hours between UTC offsets ``a`` and ``b`` (numbers or arrays), the short way round
    the clock (+14 and -11 are 1 hour apart); NaN where one is unknown."""
    d = np.abs(np.asarray(a, dtype=np.float64) - b) % 24
    return np.minimum(d, 24 - d)


@dataclass(frozen=True)
class Values:
    """The values people gave for one field: ``matrix`` ``(n, V)`` sparse 0/1 rows, and
    ``codes`` ``(n,)`` when nobody gave more than one (-1: none), compared directly."""

    matrix: Any
    codes: np.ndarray | None

    @classmethod
    def of(cls, matrix: Any) -> Values:
        counts = np.diff(matrix.indptr)
        if counts.max(initial=0) <= 1:
            codes = np.full(matrix.shape[0], -1, dtype=np.int64)
            codes[counts == 1] = matrix.indices
            return cls(matrix, codes)
        return cls(matrix, None)

    def having(self, columns: list[int] | None = None) -> np.ndarray:
        """``(n,)`` who gave any value (of ``columns``)."""
        part = self.matrix if columns is None else self.matrix[:, columns]
        return np.asarray(part.sum(axis=1)).ravel() > 0

    def only(self, columns: list[int]) -> Values:
        return Values.of(self.matrix[:, columns].tocsr())


def shared(x: Values, y: Values, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Whether ``a`` (rows of ``x``) and ``b`` (rows of ``y``, the same columns) share a
    value, over broadcast ``a`` and ``b``; memory: the result (and sparse products)."""
    if x.codes is not None and y.codes is not None:
        return (x.codes[a] == y.codes[b]) & (x.codes[a] >= 0)
    shape = np.broadcast_shapes(a.shape, b.shape)
    if a.ndim == 2 and b.ndim == 2:
        if a.shape[1] == 1 and b.shape[0] == 1:
            return (x.matrix[a[:, 0]] @ y.matrix[b[0]].T).toarray() > 0
        if a.shape[0] == 1 and b.shape[1] == 1:  # result[i, j]: a[0, j] with b[i, 0]
            return (y.matrix[b[:, 0]] @ x.matrix[a[0]].T).toarray() > 0
    aa, bb = np.broadcast_to(a, shape).ravel(), np.broadcast_to(b, shape).ravel()
    hit = np.asarray(x.matrix[aa].multiply(y.matrix[bb]).sum(axis=1)).ravel() > 0
    return hit.reshape(shape)


@dataclass(frozen=True)
class CompiledRules:
    """A cohort's answers laid out for the rules.

    Attributes:
        levels: ``(n,)`` each person's level as answered.
        position: ``(n,)`` ladder step of each person (-1: not on the ladder; all -1
            without a level rule).
        values: per field (people fields and attribute names, folded): which of the
            field's ``V`` values each person gave (:class:`Values`).
        names: per field, the ``V`` values as first written.
        numbers: per field, ``(n,)`` the first number of a person's value (NaN: none).
        conditions: every distinct condition people stated, with ``holders`` ``(C, n)``
            (who stated it) and ``meets`` ``(C, n)`` (who satisfies it as a partner).
        unreadable: ``(person, part)`` of preferences that are no condition.
    """

    levels: tuple[str, ...]
    position: np.ndarray
    values: dict[str, Values]
    names: dict[str, tuple[str, ...]]
    numbers: dict[str, np.ndarray]
    conditions: tuple[Condition, ...]
    holders: np.ndarray
    meets: np.ndarray
    unreadable: tuple[tuple[int, str], ...]


_CACHE: dict[tuple[int, ProgrammeRules], tuple[weakref.ref[np.ndarray], CompiledRules]] = {}
_LOCK = threading.Lock()


def compiled(cohort: Cohort, rules: ProgrammeRules) -> CompiledRules:
    """:class:`CompiledRules` of ``cohort`` under ``rules``, kept while the cohort's answers
    live (a matching run reads them block after block; a cohort's copies with decisions
    applied share them). Only a weak reference is kept: an old cohort is never held."""
    key = (id(cohort.answers), rules)
    with _LOCK:
        hit = _CACHE.get(key)
        if hit is not None and cohort.answers is not None and hit[0]() is cohort.answers:
            return hit[1]
    out = _compile(cohort, rules)
    if cohort.answers is not None:
        with _LOCK:
            for stale in [k for k, (ref, _) in _CACHE.items() if ref() is None]:
                del _CACHE[stale]
            if len(_CACHE) >= 8:
                _CACHE.pop(next(iter(_CACHE)))
            _CACHE[key] = (weakref.ref(cohort.answers), out)
    return out


def _compile(cohort: Cohort, rules: ProgrammeRules) -> CompiledRules:
    n = cohort.size
    answers = json.loads(str(cohort.answers[0])) if cohort.answers is not None \
        else [{} for _ in range(n)]
    conditions: dict[Condition, list[int]] = {}
    unreadable: list[tuple[int, str]] = []
    if rules.preferences == "hard":
        for i, person in enumerate(answers):
            stated, bad = parse_conditions(person.get("preferences", ""))
            unreadable.extend((i, b) for b in bad)
            for condition in stated:
                conditions.setdefault(condition, []).append(i)
    # only the fields a rule or a condition reads: a cohort of 100 000 people with 5 000
    # departments needs no (n, V) matrix of them unless a rule names departments
    needed = {_value(r.field) for r in rules.same}
    needed |= {_value(x) for r in rules.identity for x in (r.field, r.mentee_field, r.opt_in)
               if x}
    needed |= {_value(c.field) for c in conditions}
    every_field = "" in needed
    per_field: dict[str, list[list[str]]] = {}
    for i, person in enumerate(answers):
        for name, value in person.get("fields", []):
            key = _value(name)
            if not every_field and key not in needed:
                continue
            if key not in per_field:
                per_field[key] = [[] for _ in range(n)]
            per_field[key][i].extend(v.strip() for v in str(value).split(";") if v.strip())
    values: dict[str, Values] = {}
    names: dict[str, tuple[str, ...]] = {}
    numbers: dict[str, np.ndarray] = {}
    for key, column in per_field.items():
        index: dict[str, int] = {}
        first: list[str] = []
        rows: list[int] = []
        cols: list[int] = []
        nums = np.full(n, np.nan)
        for i, items in enumerate(column):
            for item in items:
                folded = _value(item)
                if folded not in index:
                    index[folded] = len(first)
                    first.append(item)
                rows.append(i)
                cols.append(index[folded])
                if np.isnan(nums[i]):
                    found = _first_number(item)
                    if found is not None:
                        nums[i] = found
        matrix = sparse.csr_matrix((np.ones(len(rows), np.float32), (rows, cols)),
                                   shape=(n, max(len(first), 1)))
        matrix.sum_duplicates()
        matrix.data[:] = 1.0  # a value given twice counts once
        values[key] = Values.of(matrix)
        names[key], numbers[key] = tuple(first), nums
    levels = [p.get("level", "") for p in answers]
    ladder = rules.levels.ladder if rules.levels is not None else (
        _likely_ladder(levels) if any(_value(c.field) in _LEVEL_NAMES for c in conditions)
        else None)
    position = (ladder_positions(ladder, levels) if ladder is not None
                else np.full(n, -1, dtype=np.int64))
    ordered = tuple(conditions)
    holders = np.zeros((len(ordered), n), dtype=bool)
    meets = np.zeros((len(ordered), n), dtype=bool)
    for c, condition in enumerate(ordered):
        holders[c, conditions[condition]] = True
        meets[c] = _meets(condition, values, names, numbers, position, ladder)
    return CompiledRules(tuple(levels), position, values, names, numbers, ordered, holders,
                         meets, tuple(unreadable))


def _likely_ladder(levels: list[str]) -> tuple[tuple[str, ...], ...] | None:
    """The shipped ladder that places the most of ``levels`` (``None``: it places none),
    so that "level >= Master's student" reads without a ladder in the rules."""
    best, placed = None, 0
    for ladder in LADDERS.values():
        found = int((ladder_positions(ladder, levels) >= 0).sum())
        if found > placed:
            best, placed = ladder, found
    return best


def _first_number(text: str) -> float | None:
    found = re.search(r"-?\d+(?:[.,]\d+)?", text)
    return float(found.group(0).replace(",", ".")) if found else None


def _meets(condition: Condition, values: dict[str, Values],
           names: dict[str, tuple[str, ...]], numbers: dict[str, np.ndarray],
           position: np.ndarray, ladder: tuple[tuple[str, ...], ...] | None) -> np.ndarray:
    """Who satisfies ``condition`` as a partner (``(n,)`` bool); unknown answers never do.
    A level is compared on ``ladder`` (the programme's, else the shipped ladder its
    people's levels are on)."""
    n = len(position)
    target = _value(condition.value)
    field = "level" if _value(condition.field) in _LEVEL_NAMES else _value(condition.field)
    if field == "level" and ladder is not None:
        wanted = int(ladder_positions(ladder, [condition.value])[0])
        if wanted < 0:
            return np.zeros(n, dtype=bool)
        compare = {">=": position >= wanted, "<=": position <= wanted,
                   "=": position == wanted, "!=": position != wanted}[condition.op]
        return (position >= 0) & compare
    if condition.op in (">=", "<="):
        number = _first_number(condition.value)
        if number is None or field not in numbers:
            return np.zeros(n, dtype=bool)
        got = numbers[field]
        known = ~np.isnan(got)
        filled = np.where(known, got, 0.0)
        return known & (filled >= number if condition.op == ">=" else filled <= number)
    has = np.zeros(n, dtype=bool)
    answered = np.zeros(n, dtype=bool)
    for name in ([field] if field else list(values)):
        if name not in values:
            continue
        answered |= values[name].having()
        hit = [j for j, v in enumerate(names[name]) if _value(v) == target]
        if hit:
            has |= values[name].having(hit)
    return has if condition.op == "=" else (answered & ~has)


# ------------------------------------------------------------------------ pairs
def _field(c: CompiledRules, name: str) -> Values | None:
    return c.values.get(_value(name))


def _steps(c: CompiledRules, m: np.ndarray, s: np.ndarray, direction: str
           ) -> tuple[np.ndarray, np.ndarray]:
    """(both levels on the ladder, the distance the window reads): steps from the mentee
    up to the mentor (classic), from the mentor up to the mentee (reverse), either way
    (peer)."""
    known = (c.position[m] >= 0) & (c.position[s] >= 0)
    up = c.position[m] - c.position[s]
    return known, (-up if direction == "reverse" else np.abs(up) if direction == "peer"
                   else up)


def level_allows(cohort: Cohort, rules: ProgrammeRules, direction: str, m: np.ndarray,
                 s: np.ndarray) -> np.ndarray:
    """The level window (everything when there is no ladder or it is soft)."""
    shape = np.broadcast_shapes(m.shape, s.shape)
    lv = rules.levels
    if lv is None or not lv.hard:
        return np.ones(shape, dtype=bool)
    known, steps = _steps(compiled(cohort, rules), m, s, direction)
    ok = known & (steps >= lv.min_steps)
    if lv.max_steps is not None:
        ok &= steps <= lv.max_steps
    return np.broadcast_to(ok, shape)


def same_allows(cohort: Cohort, rules: ProgrammeRules, m: np.ndarray,
                s: np.ndarray) -> np.ndarray:
    """The bans and requirements on shared answers."""
    ok = np.ones(np.broadcast_shapes(m.shape, s.shape), dtype=bool)
    hard = [r for r in rules.same if r.effect in ("forbid", "require")]
    if not hard:
        return ok
    c = compiled(cohort, rules)
    for rule in hard:
        values = _field(c, rule.field)
        both = (shared(values, values, m, s) if values is not None
                else np.zeros(ok.shape, dtype=bool))
        ok &= ~both if rule.effect == "forbid" else both
    return ok


def _hours(cohort: Cohort, m: np.ndarray, s: np.ndarray) -> np.ndarray:
    """Hours between two time zones (across the date line the short way); NaN: unknown."""
    if cohort.utc_offset is None:
        return np.full(np.broadcast_shapes(m.shape, s.shape), np.nan)
    return hours_apart(cohort.utc_offset[m], cohort.utc_offset[s])


def time_zone_allows(cohort: Cohort, rules: ProgrammeRules, m: np.ndarray,
                     s: np.ndarray) -> np.ndarray:
    shape = np.broadcast_shapes(m.shape, s.shape)
    tz = rules.time_zone
    if tz is None or tz.max_hours is None:
        return np.ones(shape, dtype=bool)
    hours = _hours(cohort, m, s)
    return np.broadcast_to(np.isnan(hours) | (hours <= tz.max_hours + 1e-9), shape)


def _opted_in(c: CompiledRules, name: str) -> np.ndarray | None:
    """Who answered yes to ``name`` ("Yes", "Yes, please", "Oui !")."""
    values = _field(c, name)
    if values is None:
        return None
    yes = [j for j, v in enumerate(c.names[_value(name)])
           if next(iter(_value(v).split()), "") in _YES]
    return values.having(yes) if yes else np.zeros(values.matrix.shape[0], dtype=bool)


def _identity_match(c: CompiledRules, rule: IdentityRule, m: np.ndarray, s: np.ndarray
                    ) -> tuple[np.ndarray, np.ndarray]:
    """(the mentee asked, the mentor's values include one of the mentee's). A mentee asks
    when they have a value to match on and, with ``opt_in``, said yes to it."""
    shape = np.broadcast_shapes(m.shape, s.shape)
    mine, theirs = _field(c, rule.field), _field(c, rule.mentee_field or rule.field)
    if theirs is None:
        return np.zeros(shape, dtype=bool), np.zeros(shape, dtype=bool)
    asking = theirs.having()
    if rule.opt_in:
        said_yes = _opted_in(c, rule.opt_in)
        asking = asking & (said_yes if said_yes is not None else False)
    asked = np.broadcast_to(asking[s], shape)
    if mine is None:
        return asked, np.zeros(shape, dtype=bool)
    names_m = [_value(v) for v in c.names[_value(rule.field)]]
    names_s = [_value(v) for v in c.names[_value(rule.mentee_field or rule.field)]]
    common = sorted(set(names_m) & set(names_s))
    if not common:
        return asked, np.zeros(shape, dtype=bool)
    a = mine.only([names_m.index(v) for v in common])
    b = theirs.only([names_s.index(v) for v in common])
    return asked, np.broadcast_to(shared(a, b, m, s), shape)


def identity_allows(cohort: Cohort, rules: ProgrammeRules, m: np.ndarray,
                    s: np.ndarray) -> np.ndarray:
    ok = np.ones(np.broadcast_shapes(m.shape, s.shape), dtype=bool)
    hard = [r for r in rules.identity if r.hard]
    if not hard:
        return ok
    c = compiled(cohort, rules)
    for rule in hard:
        asked, match = _identity_match(c, rule, m, s)
        ok &= ~asked | match
    return ok


def preferences_allow(cohort: Cohort, rules: ProgrammeRules, m: np.ndarray,
                      s: np.ndarray) -> np.ndarray:
    """Each person's stated conditions hold for their partner (both ways)."""
    ok = np.ones(np.broadcast_shapes(m.shape, s.shape), dtype=bool)
    if rules.preferences != "hard":
        return ok
    c = compiled(cohort, rules)
    if not len(c.conditions):
        return ok
    # a person's unmet conditions on a partner, as counts: holders (n, C) x fails (C, n)
    holders = sparse.csr_matrix(c.holders.T.astype(np.float32))
    fails = sparse.csr_matrix((~c.meets).T.astype(np.float32))
    unmet = Values(holders, None), Values(fails, None)
    ok &= ~shared(*unmet, m, s)  # the mentor's conditions on the mentee
    ok &= ~shared(*unmet, s, m)  # the mentee's on the mentor
    return ok


def forbidden_by(cohort: Cohort, rules: ProgrammeRules, direction: str, mentor: int,
                 mentee: int) -> list[str]:
    """The programme rules that forbid one pair, by name (``levels``, ``same:<field>``,
    ``time_zone``, ``identity:<field>``, ``preference:<condition>``)."""
    m, s = np.array([mentor]), np.array([mentee])
    out = []
    if not level_allows(cohort, rules, direction, m, s)[0]:
        out.append("levels")
    c = compiled(cohort, rules)
    for rule in rules.same:
        if rule.effect not in ("forbid", "require"):
            continue
        values = _field(c, rule.field)
        both = bool(values is not None and shared(values, values, m, s)[0])
        if both == (rule.effect == "forbid"):
            out.append(f"same:{rule.field}")
    if not time_zone_allows(cohort, rules, m, s)[0]:
        out.append("time_zone")
    for ident in rules.identity:
        if ident.hard:
            asked, match = _identity_match(c, ident, m, s)
            if asked[0] and not match[0]:
                out.append(f"identity:{ident.field}")
    if rules.preferences == "hard":
        for condition, holders, meets in zip(c.conditions, c.holders, c.meets, strict=True):
            if (holders[mentor] and not meets[mentee]) or (holders[mentee] and not meets[mentor]):
                out.append(f"preference:{condition.text}")
    return out


def points_of(cohort: Cohort, rules: ProgrammeRules, direction: str, m: np.ndarray,
              s: np.ndarray) -> dict[str, np.ndarray]:
    """The points each soft rule gives ``(m, s)`` (only rules that give any), each shaped
    like the broadcast pairs."""
    shape = np.broadcast_shapes(m.shape, s.shape)
    out: dict[str, np.ndarray] = {}
    if not rules.gives_points:
        return out
    c = compiled(cohort, rules)
    lv = rules.levels
    if lv is not None and lv.points:
        known, steps = _steps(c, m, s, direction)
        got = np.zeros(shape)
        for n_steps, points in lv.points:
            got = np.where(known & (steps == n_steps), points, got)
        out["levels"] = got
    for rule in rules.same:
        if rule.effect == "points" and rule.weight:
            values = _field(c, rule.field)
            both = (shared(values, values, m, s) if values is not None
                    else np.zeros(shape, dtype=bool))
            out[f"same:{rule.field}"] = rule.weight * np.broadcast_to(both, shape)
    for ident in rules.identity:
        if ident.weight:
            asked, match = _identity_match(c, ident, m, s)
            out[f"identity:{ident.field}"] = ident.weight * (asked & match)
    tz = rules.time_zone
    if tz is not None and tz.weight:
        hours = _hours(cohort, m, s)
        span = tz.max_hours if tz.max_hours else 12.0
        out["time_zone"] = np.broadcast_to(
            np.nan_to_num(tz.weight * np.clip(1 - hours / max(span, 1e-9), 0, 1), nan=0.0),
            shape)
    return out


def rule_warnings(cohort: Cohort, rules: ProgrammeRules, names: Sequence[str]
                  ) -> list[str]:
    """What in the rules or the answers cannot work as written, for the coordinator: a
    rule's field nobody answered, a stated preference that is no condition or that nobody
    meets, levels on no step of the ladder. ``names``: the people's names, index ``i``."""
    c = compiled(cohort, rules)
    out: list[str] = []
    fields = [("same", r.field) for r in rules.same]
    fields += [("identity", x) for r in rules.identity for x in (r.field, r.mentee_field,
                                                                   r.opt_in) if x]
    for kind, name in fields:
        if _field(c, name) is None:
            out.append(f"rule {kind}: nobody answered '{name}' (a people field or an "
                       "attribute: check the spelling)")
    for person, part in c.unreadable[:20]:
        out.append(f"{names[person]}: preference '{part}' is no condition (write it as "
                   "'field = value', 'level >= X'...): ignored")
    if len(c.unreadable) > 20:
        out.append(f"... and {len(c.unreadable) - 20} more preferences that are no condition")
    for condition, holders, meets in zip(c.conditions, c.holders, c.meets, strict=True):
        if not meets.any():
            who = ", ".join(names[i] for i in np.flatnonzero(holders)[:5])
            out.append(f"preference '{condition.text}' ({who}): nobody meets it, so they get "
                       "no partner")
    if rules.levels is not None:
        off = Counter(level for level, position in zip(c.levels, c.position, strict=True)
                      if position < 0)
        if off:
            shown = ", ".join(f"'{level or '(none)'}' ({n})" for level, n in off.most_common(5))
            out.append(f"{sum(off.values())} people have a level on no step of the ladder, "
                       f"so the level window pairs them with nobody: {shown}")
    return out
