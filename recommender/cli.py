"""``tandem``: batch runs of the recommender from the command line.

    tandem import --workspace DIR people.xlsx [notes.csv] [--topics topics.csv]
    tandem match  (--workspace DIR | --people people.csv [--notes notes.csv]) --out DIR
    tandem topics (--workspace DIR | --people ...) --out DIR [--pair MENTOR:MENTEE] [-k 5]
    tandem report (--workspace DIR | --people ...) --out DIR
    tandem texts  (--workspace DIR | --people ...) --out DIR   (texts to precompute vectors for)
    tandem hash-password
    tandem export-workspace --workspace DIR --out archive.zip
    tandem import-workspace archive.zip --workspace DIR
    tandem kit --workspace DIR --out kits/ [--pairs accepted] [--language fr|en] [--preview]
    tandem checkin --workspace DIR (--out form.xlsx | --import answers.csv ...)

Every command working on a workspace takes ``--database-url`` (else ``$TANDEM_DATABASE_URL``,
else the URL the folder was last opened with, else the folder's own SQLite file).

Exit codes: 0 success, 2 bad input (every problem on stderr, with file, row and column; an
unknown person or pair id; a setting out of range), 1 any other failure.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import json
import logging
import os
import random
import shutil
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from .embedding.backends import DEFAULT_EMBEDDER, make_embedder
from .embedding.cached import open_embedding_cache
from .embedding.precomputed import PrecomputedEmbedder
from .errors import UnknownIdError, ValidationError, shown_problems
from .insights.fit import fit_sentence
from .intake.forms.mapping import ColumnMapping
from .intake.forms.propose import header_of, missing_fields
from .intake.readers import read_form_table, read_table
from .intake.validate import load_topics
from .matching.params import DIRECTIONS, MatchParams
from .matching.programme import ProgrammeRules, load_rules
from .recommender import TOPIC_SOURCES, Recommender
from .records import KEPT_STATUSES, PairingResult, TopicSuggestion
from .reports.export import FORMATS, pair_table, write_table
from .storage.connection import DatabaseConnectionError

__all__ = ["main"]

logger = logging.getLogger("recommender.cli")

PAIR_COLUMNS = ["mentor_id", "mentor_name", "mentee_id", "mentee_name", "score", "reasons"]
"""The columns of a run's pairs.csv (those of :func:`~recommender.reports.export.pair_table`
a run's proposals need: no status, no lock)."""
UNMATCHED_COLUMNS = ["id", "name", "reason"]
TOPIC_COLUMNS = ["mentor_id", "mentee_id", "rank", "topic_id", "title", "score", "reasons",
                 "starters"]
DRAWN_TOPIC_COLUMNS = ("id", "language", "category", "title", "description", "starters",
                       "wishes", "whose_wishes")
"""drawn_topics.csv: a catalogue's columns (so it loads with --topics once edited), then who
each topic speaks for."""


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tandem"


class _Progress:
    """A tqdm bar fed by the facade's ``(fraction, message)`` callbacks (off with -q, and
    when stderr is no terminal)."""

    def __init__(self, label: str, enabled: bool):
        self.bar: Any = None
        if enabled and sys.stderr.isatty():  # a bar in a log file is noise
            from tqdm import tqdm

            self.bar = tqdm(total=100, desc=label, file=sys.stderr, leave=False,
                            bar_format="{desc} {percentage:3.0f}%|{bar}| {elapsed}")

    def __call__(self, fraction: float, message: str) -> None:
        if self.bar is not None:
            self.bar.set_description(message)
            self.bar.n = int(100 * min(max(fraction, 0.0), 1.0))
            self.bar.refresh()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _embedder(args: argparse.Namespace) -> Any:
    if args.embeddings:
        fallback = make_embedder(args.model) if args.model else None
        return PrecomputedEmbedder.load(args.embeddings, fallback)
    return args.model or None


def _recommender(args: argparse.Namespace) -> Recommender:
    """The workspace named by --workspace, or an in-memory one filled from --people/--notes."""
    return _recommender_with(args, _embedder(args))


class BadSetting(ValueError):
    """A command-line setting out of range (exit code 2, like bad input)."""


class NeedsMapping(ValueError):
    """A people file whose columns are not the project's: a mapping was proposed."""


def _recommender_with(args: argparse.Namespace, embedder: Any) -> Recommender:
    # the settings given on this command line; the others are the workspace's (or the
    # defaults on a file run)
    given = {name: value for name, value in (
        ("min_experience_gap", args.min_gap), ("cross_department_bonus", args.bonus),
        ("max_mentors_per_mentee", args.per_mentee),
        ("max_mentees_per_mentor", args.per_mentor)) if value is not None}
    try:
        rules = load_rules(args.rules) if getattr(args, "rules", None) else None
        params = MatchParams(direction=args.direction or MatchParams.direction,
                             rules=rules if rules is not None else ProgrammeRules(), **given)
    except ValueError as exc:
        raise BadSetting(str(exc)) from exc
    args.given_settings = given
    # Every file is read before anything is created or stored: an unreadable notes file must
    # not leave the people of the same command stored, nor a new empty workspace behind.
    people = read_form_table(args.people) if args.people else None
    notes = read_table(args.notes) if args.notes else None
    topics = load_topics(args.topics_file) if getattr(args, "topics_file", None) else None
    mapping = ColumnMapping.load(args.map) if args.map else None
    created = bool(args.workspace) and not Path(args.workspace).exists()
    try:
        rec = _open(args, embedder, params)
        if people is not None:
            mapping = mapping or _mapping_for(rec, people, args)
            _import_people(rec, people, mapping, args)
        progress = _Progress("import", not args.quiet)
        try:
            if notes is not None:
                rec.add_notes(notes, source=Path(args.notes).name)
            if topics is not None:
                rec.set_topics(topics)
        finally:
            progress.close()
    except BaseException:
        if created:  # a failed first import leaves no workspace behind
            shutil.rmtree(args.workspace, ignore_errors=True)
        raise
    return rec


def _open(args: argparse.Namespace, embedder: Any, params: MatchParams) -> Recommender:
    if args.workspace:
        # rules given on the command line are the programme's from now on (saved); else
        # the workspace's saved rules apply
        rules = params.rules if getattr(args, "rules", None) else None
        rec = Recommender.open(args.workspace, embedder, direction=args.direction,
                               database_url=args.database_url, rules=rules)
        given = getattr(args, "given_settings", {})
        if given:  # numbers given on a workspace are the programme's from now on, as the
            # direction and the rules are: every front end starts from them
            rec.save_settings(replace(rec.params, **given))
        return rec
    if not args.people:
        raise SystemExit("give --workspace DIR or --people FILE")
    cache = None
    if not args.no_cache:
        folder = Path(args.cache or _cache_dir())
        folder.mkdir(parents=True, exist_ok=True)
        cache = open_embedding_cache(folder / "embeddings.sqlite")  # checked; rebuilt if damaged
    return Recommender(embedder or DEFAULT_EMBEDDER, params=params, embedding_cache=cache)


def _mapping_for(rec: Recommender, rows: list[tuple[int, dict[str, Any]]],
                 args: argparse.Namespace) -> ColumnMapping | None:
    """``None`` when the file has the project's columns; else the mapping saved by the last
    import of the same form; else a proposal is written beside the file and the run stops."""
    header = header_of(rows)
    missing = missing_fields(header)
    if not missing:
        return None
    saved = rec.saved_mapping(rows)
    source = Path(args.people)
    if saved is not None:
        print(f"{source.name}: using the column mapping saved by the last import of this form",
              file=sys.stderr)
        return saved
    proposal = rec.propose_mapping(rows, role=args.role)
    out = proposal.mapping.save(source.with_name(f"{source.stem}.mapping.json"))
    lines = [f"{source.name}: no column for {', '.join(missing)}: a mapping is needed",
             *proposal.describe(),
             f"A proposed mapping is in {out}: check it, then run again with --map {out}"]
    raise NeedsMapping("\n".join(lines))


def _import_people(rec: Recommender, rows: list[tuple[int, dict[str, Any]]],
                   mapping: ColumnMapping | None, args: argparse.Namespace) -> None:
    progress = _Progress("import", not args.quiet)
    try:
        result = rec.import_people(rows, Path(args.people).name, mapping=mapping, role=args.role,
                                   partial=args.partial, update=args.update, progress=progress)
    finally:
        progress.close()
    for line in () if args.quiet else result.report:  # every question's fate, and warnings
        print(line, file=sys.stderr)
    if result.skipped:
        print(f"{len(result.skipped)} problem(s): the rows concerned were left out "
              "(--partial):", file=sys.stderr)
        shown, more = shown_problems(result.skipped)
        for problem in shown:
            print(f"  - {problem}", file=sys.stderr)
        if more:
            print(f"  - … {more}", file=sys.stderr)
    if not args.quiet:
        print(f"{Path(args.people).name}: {result.stored} people added or updated",
              file=sys.stderr)


def _names(rec: Recommender) -> dict[str, str]:
    return {p.id: p.name for p in rec.people()}


def _match(rec: Recommender, args: argparse.Namespace) -> PairingResult:
    if not args.quiet:  # what in the rules or the answers cannot work as written
        for warning in rec.rule_warnings():
            print(f"rules: {warning}", file=sys.stderr)
    progress = _Progress("matching", not args.quiet)
    try:
        return rec.suggest_pairs(progress=progress)
    finally:
        progress.close()


def _write(rows: list[dict[str, Any]], columns: list[str], out: Path, stem: str,
           fmt: str) -> Path:
    return write_table(rows, columns, out / f"{stem}.{fmt}", fmt)


def _topic_pairs(rec: Recommender, args: argparse.Namespace,
                 result: PairingResult | None) -> list[tuple[str, str]]:
    if args.pair:
        mentor, _, mentee = args.pair.partition(":")
        return [(mentor, mentee)]
    pairs = [p.key for p in rec.pairs(KEPT_STATUSES)]
    with_notes = {(n.mentor_id, n.mentee_id) for n in rec.notes()}
    pairs += sorted(with_notes - set(pairs))
    if not pairs and result is not None:
        pairs = [(p.mentor_id, p.mentee_id) for p in result.pairs]
    return pairs


def _topics_note(rec: Recommender, source: str) -> str:
    """Where next topics come from and how well the catalogue fits, in a sentence."""
    fit = fit_sentence(rec.catalogue_fit())
    chosen = rec.topic_source() if source == "auto" else source
    origin = ("next topics are drawn from the programme's own wishes" if chosen == "cohort"
              else "next topics come from the catalogue")
    return f"{fit[:1].upper()}{fit[1:]}: {origin}."


def _topics(rec: Recommender, pairs: Sequence[tuple[str, str]], k: int,
            quiet: bool, source: str = "auto") -> dict[tuple[str, str], list[TopicSuggestion]]:
    if not quiet:
        print(_topics_note(rec, source), file=sys.stderr)
    progress = _Progress("topics", not quiet)
    out = {}
    try:
        for i, pair in enumerate(pairs):
            out[pair] = rec.suggest_topics(*pair, k=k, source=source)
            progress((i + 1) / max(len(pairs), 1), "topics")
    finally:
        progress.close()
    return out


# ------------------------------------------------------------------------ commands
def cmd_import(args: argparse.Namespace) -> int:
    rec = _recommender(args)
    print(f"{len(rec.people())} people, {len(rec.notes())} notes, {len(rec.topics())} topics "
          f"in {args.workspace}")
    return 0


def cmd_match(args: argparse.Namespace) -> int:
    rec = _recommender(args)
    result = _match(rec, args)
    names = _names(rec)
    out = Path(args.out)
    _write(pair_table(result.pairs, names), PAIR_COLUMNS, out, "pairs", args.format)
    _write([{"id": u.id, "name": u.name, "reason": u.reason} for u in result.unmatched],
           UNMATCHED_COLUMNS, out, "unmatched", args.format)
    detail = [{"mentor_id": p.mentor_id, "mentee_id": p.mentee_id, "score": p.score,
               "parts": dict(p.parts), "reasons": list(p.reasons), "status": p.status,
               "locked": p.locked} for p in result.pairs]
    (out / "pairs.json").write_text(json.dumps(detail, ensure_ascii=False, indent=2),
                                    encoding="utf-8")
    logger.info("%d pairs, %d unmatched -> %s", len(result.pairs), len(result.unmatched), out)
    return 0


def cmd_topics(args: argparse.Namespace) -> int:
    rec = _recommender(args)
    result = None if args.pair or rec.pairs(KEPT_STATUSES) else _match(rec, args)
    suggestions = _topics(rec, _topic_pairs(rec, args, result), args.k, args.quiet,
                          args.source)
    rows = [{"mentor_id": m, "mentee_id": s, "rank": rank, "topic_id": t.topic_id,
             "title": t.title, "score": t.score, "reasons": list(t.reasons),
             "starters": list(t.starters)}
            for (m, s), items in suggestions.items() for rank, t in enumerate(items, start=1)]
    out = Path(args.out)
    _write(rows, TOPIC_COLUMNS, out, "topics", args.format)
    if args.draw_topics:  # a catalogue to edit, then load with --topics
        drawn = rec.cohort_topics()
        names = _names(rec)
        _write([{"id": c.topic.id, "language": lang, "category": c.topic.category,
                 "title": title, "description": c.topic.description.get(lang, ""),
                 "starters": " | ".join(c.topic.starters.get(lang, ())),
                 "wishes": len(c.wishes),
                 "whose_wishes": ", ".join(names.get(i, i) for i in c.wishers)}
                for c in drawn for lang, title in c.topic.title.items()],
               list(DRAWN_TOPIC_COLUMNS), out, "drawn_topics", args.format)
        if not args.quiet:
            print(f"{len(drawn)} topics drawn from the programme's wishes -> "
                  f"{out / f'drawn_topics.{args.format}'} (edit it, then use it with --topics)",
                  file=sys.stderr)
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from .insights.themes import ThemeParams
    from .reports.report import render_report

    rec = _recommender(args)
    result = _match(rec, args)
    topics = _topics(rec, _topic_pairs(rec, args, result), args.k, args.quiet, args.source)
    themes = rec.themes(ThemeParams(seed=args.seed))
    visible = rec.notes_visible() if args.workspace else True  # a file run: the user's own files
    page = render_report(args.title, result, _names(rec), topics, themes, rec.health(),
                         show_theme_words=visible, topics_note=_topics_note(rec, args.source))
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "report.html").write_text(page, encoding="utf-8")
    return 0


class _Recorder:
    """A hashing embedder that remembers every text it was asked for."""

    model_id = "recorder"

    def __init__(self) -> None:
        from .embedding.backends import HashingEmbedder

        self.inner = HashingEmbedder()
        self.dimension = self.inner.dimension
        self.texts: set[str] = set()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.texts.update(texts)
        return self.inner.encode(texts)


def cmd_texts(args: argparse.Namespace) -> int:
    """Every text a run embeds, as JSON lines, to precompute vectors elsewhere (--embeddings)."""
    recorder = _Recorder()
    args.model, args.embeddings, args.no_cache = None, None, True
    rec = _recommender_with(args, recorder)
    result = _match(rec, args)
    for source in ("catalogue", "cohort"):  # whichever the run's fit chooses
        _topics(rec, _topic_pairs(rec, args, result), args.k, True, source)
    rec.themes()
    rec.health()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with (out / "texts.jsonl").open("w", encoding="utf-8") as handle:
        for text in sorted(recorder.texts):
            handle.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
    print(f"{len(recorder.texts)} texts -> {out / 'texts.jsonl'}")
    return 0


def cmd_export_workspace(args: argparse.Namespace) -> int:
    from .archive import export_workspace

    manifest = export_workspace(args.workspace, args.out, args.database_url)
    print(f"{args.out}: " + ", ".join(f"{n} {name}" for name, n in manifest["tables"].items())
          + f", {sum(e['count'] for e in manifest['embeddings'])} vectors")
    return 0


def cmd_import_workspace(args: argparse.Namespace) -> int:
    from .archive import import_workspace

    # A bad archive is a ValidationError (exit 2, archive, member and row named): it was
    # checked whole, and nothing of it was written.
    manifest = import_workspace(args.archive, args.workspace, args.database_url)
    print(f"{args.workspace}: " + ", ".join(f"{n} {name}"
                                            for name, n in manifest["tables"].items())
          + f", {sum(e['count'] for e in manifest['embeddings'])} vectors")
    return 0


_KIT_PAIRS = {"accepted": ("accepted",), "active": ("active",), "kept": KEPT_STATUSES}
"""The pairs ``--pairs`` names: accepted, active, or both (kept)."""


def _kit_workspace(args: argparse.Namespace) -> Recommender:
    if not args.database_url and not Path(args.workspace).is_dir():
        raise BadSetting(f"no workspace at {args.workspace}")
    return Recommender.open(args.workspace, database_url=args.database_url)


def cmd_kit(args: argparse.Namespace) -> int:
    """Introductions, .eml, .ics and an index with mailto: links, one set per pair."""
    from .kit import KitTemplateError, write_kits

    rec = _kit_workspace(args)
    try:
        if args.pair:
            mentor, _, mentee = args.pair.partition(":")
            pair = rec.pair(mentor, mentee)
            if pair is not None and pair.status not in KEPT_STATUSES:
                raise BadSetting(f"{args.pair} is {pair.status}: a kit is for an accepted or "
                                 "active pair")
            kits = [rec.pair_kit(mentor, mentee, args.language)]
        else:
            kits = rec.pair_kits(_KIT_PAIRS[args.pairs], args.language)
    except KitTemplateError as exc:  # the workspace's template to fix: bad input
        raise BadSetting(str(exc)) from exc
    if not kits:
        print(f"no {args.pairs} pair: accept pairs first (the page's Pairs tab, or "
              "Recommender.set_pair_status)", file=sys.stderr)
        return 0
    if args.preview:  # read before anything is written
        for kit in kits:
            print(f"=== {kit.mentor.name} → {kit.mentee.name} ({kit.language}; to: "
                  f"{', '.join(kit.recipients) or 'no e-mail address known'}) ===")
            print(f"Subject: {kit.subject}\n\n{kit.body}")
            _left_out(kit)
        return 0
    if not args.out:
        raise BadSetting("give --out FOLDER (or --preview to read the introductions)")
    for kit in kits:
        _left_out(kit)
    written = write_kits(kits, args.out, args.language or "en")
    print(f"{len(kits)} kit(s) in {args.out}: {len(written)} files; open index.html for a "
          "mailto: link per pair. Nothing was sent.")
    return 0


def _left_out(kit: Any) -> None:
    for name, address in kit.invalid_emails:
        print(f"{kit.mentor.name} → {kit.mentee.name}: {name}'s '{address}' left out, not an "
              "e-mail address", file=sys.stderr)


def cmd_checkin(args: argparse.Namespace) -> int:
    """Write the check-in form, or import filled ones and say who has not answered."""
    rec = _kit_workspace(args)
    if args.answers:
        result = rec.import_checkin(*args.answers, statuses=_KIT_PAIRS[args.pairs])
        names = _names(rec)
        print(f"{result.stored} session note(s) stored from {len(result.answered)} pair(s)"
              + (f"; {result.duplicates} answer(s) already stored, left out"
                 if result.duplicates else ""))
        if result.missing:
            print(f"No answer from {len(result.missing)} pair(s):")
            for mentor, mentee in result.missing:
                print(f"  {names.get(mentor, mentor)} → {names.get(mentee, mentee)} "
                      f"({mentor}:{mentee})")
        else:
            print("Every pair answered.")
        return 0
    if not args.out:
        raise BadSetting("give --out form.xlsx (or .csv) to write the form, or --import "
                         "answers.xlsx to read answers back")
    path = rec.checkin_form(args.out, args.language or "en", _KIT_PAIRS[args.pairs])
    print(f"{path}: the check-in form for the {args.pairs} pairs")
    return 0


def cmd_hash_password(args: argparse.Namespace) -> int:
    from .ui.security import hash_password

    password = sys.stdin.readline().rstrip("\n") if not sys.stdin.isatty() else \
        getpass.getpass("Password: ")
    if not password:
        print("empty password", file=sys.stderr)
        return 2
    print(hash_password(password))
    return 0


# ------------------------------------------------------------------------ parser
def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    verbosity = common.add_mutually_exclusive_group()
    verbosity.add_argument("-q", "--quiet", action="store_true", help="errors only, no progress")
    verbosity.add_argument("-v", "--verbose", action="store_true",
                           help="log every step (the run is quiet without it)")
    parser = argparse.ArgumentParser(prog="tandem", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    def data_options(p: argparse.ArgumentParser, positional: bool = False) -> None:
        if positional:
            p.add_argument("people", help="people file (CSV, XLSX, JSON, JSONL)")
            p.add_argument("notes", nargs="?", help="session notes file")
            p.add_argument("--topics", dest="topics_file", help="topic catalogue to use")
            p.add_argument("--workspace", required=True, help="workspace folder")
        else:
            p.add_argument("--workspace", help="workspace folder (else work on --people)")
            p.add_argument("--people", help="people file")
            p.add_argument("--notes", help="session notes file")
            p.add_argument("--topics", dest="topics_file", help="topic catalogue to use")
            p.add_argument("--out", required=True, help="output folder")
        p.add_argument("--database-url", help="the workspace's database, e.g. "
                       "postgresql://user@host/db (default: $TANDEM_DATABASE_URL, else the "
                       "folder's own)")
        p.add_argument("--format", choices=FORMATS, default="csv", help="table format")
        p.add_argument("--model", help=f"embedder (default {DEFAULT_EMBEDDER}; 'minilm' is "
                       "English only; or a sentence-transformers folder)")
        p.add_argument("--embeddings", help=".npz of precomputed embeddings (texts, vectors)")
        p.add_argument("--seed", type=int, default=0, help="random seed (themes)")
        p.add_argument("--direction", choices=DIRECTIONS, default=None,
                       help="reverse: the mentor is the less experienced (the default); "
                       "classic: the more experienced; peer: no experience rule (saved in "
                       "the workspace)")
        p.add_argument("--map", help="column mapping of a sign-up form (JSON; without it, a "
                       "file with other columns gets a proposed mapping to check)")
        p.add_argument("--role", choices=("mentor", "mentee"),
                       help="everyone in the people file takes this role (one form per side)")
        p.add_argument("--partial", action="store_true",
                       help="store the valid rows and report the others (default: one bad "
                       "row rejects the whole file)")
        p.add_argument("--update", action="store_true",
                       help="update people imported from another form, or whose role "
                       "changes (without it, such an import stops and names them)")
        p.add_argument("--rules", help="the programme's rules (TOML or JSON: level ladder "
                       "and window, bans, points, time zones, preferences; saved in the "
                       "workspace; see docs/rules.md)")
        p.add_argument("--min-gap", type=float, default=None,
                       help="minimum experience gap in years (>= 0; default "
                       f"{MatchParams.min_experience_gap:g}; on a workspace, saved)")
        p.add_argument("--bonus", type=float, default=None,
                       help="cross-department bonus (default "
                       f"{MatchParams.cross_department_bonus:g}; on a workspace, saved)")
        p.add_argument("--per-mentee", type=int, default=None,
                       help="mentors per mentee (default 1; on a workspace, saved)")
        p.add_argument("--per-mentor", type=int, default=None,
                       help="mentees each mentor takes, unless their own answer says fewer "
                       "(default: each person's own, 1 when they did not say; on a "
                       "workspace, saved)")
        p.add_argument("-k", type=int, default=5, help="topics per pair")
        p.add_argument("--source", choices=TOPIC_SOURCES, default="auto",
                       help="where next topics come from: the catalogue, topics drawn from "
                       "the programme's own wishes (cohort), or auto: the cohort's when the "
                       "shipped catalogue answers too few of its wishes")
        p.add_argument("--draw-topics", action="store_true",
                       help="topics: also write drawn_topics.csv, topics drawn from the "
                       "programme's wishes, a catalogue to edit and load with --topics")
        p.add_argument("--pair", help="only this pair, as MENTOR_ID:MENTEE_ID")
        p.add_argument("--cache", help="embedding cache folder for file runs")
        p.add_argument("--no-cache", action="store_true", help="no embedding cache")
        p.add_argument("--title", default="Reverse mentoring programme", help="report title")

    data_options(sub.add_parser("import", parents=[common], help="load files into a workspace"),
                 positional=True)
    for name, text in (("match", "pairs.csv, unmatched.csv, pairs.json"),
                       ("topics", "topics.csv: next topics per pair"),
                       ("report", "report.html: pairs, topics, themes, risks, charts"),
                       ("texts", "texts.jsonl: every text a run embeds (for --embeddings)")):
        data_options(sub.add_parser(name, parents=[common], help=text))
    sub.add_parser("hash-password", parents=[common],
                   help="hash a password for --auth-file / TANDEM_USERS")
    database_help = ("the workspace's database, e.g. postgresql://user@host/db (default: "
                     "$TANDEM_DATABASE_URL, else the folder's own)")
    export = sub.add_parser("export-workspace", parents=[common],
                            help="write a portable archive of a workspace (backup, move)")
    export.add_argument("--workspace", required=True, help="workspace folder")
    export.add_argument("--out", required=True, help="archive to write (.zip)")
    export.add_argument("--database-url", help=database_help)
    restore = sub.add_parser("import-workspace", parents=[common],
                             help="fill a new workspace from an archive")
    restore.add_argument("archive", help="archive written by export-workspace (checked "
                         "whole, within size limits, before anything is written)")
    restore.add_argument("--workspace", required=True, help="workspace folder (new)")
    restore.add_argument("--database-url", help=database_help)
    kit = sub.add_parser("kit", parents=[common],
                         help="pair kits: an introduction per pair (.eml, .txt), the first "
                         "meeting's invitation (.ics), index.html with mailto: links")
    kit.add_argument("--workspace", required=True, help="workspace folder")
    kit.add_argument("--out", help="folder to write the kits to")
    kit.add_argument("--pairs", choices=tuple(_KIT_PAIRS), default="accepted",
                     help="which pairs: accepted (the default), active, or kept (both)")
    kit.add_argument("--pair", help="only this pair, as MENTOR_ID:MENTEE_ID")
    kit.add_argument("--language", help="the introductions' language (default: each pair's; "
                     "en, fr, or a language the workspace's templates/ has)")
    kit.add_argument("--preview", action="store_true",
                     help="print the introductions, write nothing")
    kit.add_argument("--database-url", help=database_help)
    checkin = sub.add_parser("checkin", parents=[common],
                             help="the check-in form (CSV/XLSX), or import its answers as "
                             "session notes and list who has not answered")
    checkin.add_argument("--workspace", required=True, help="workspace folder")
    checkin.add_argument("--out", help="form to write (.xlsx or .csv)")
    checkin.add_argument("--import", dest="answers", nargs="+", metavar="ANSWERS",
                         help="filled forms to import")
    checkin.add_argument("--pairs", choices=tuple(_KIT_PAIRS), default="kept",
                         help="which pairs are asked: kept (accepted and active, the default), "
                         "accepted or active")
    checkin.add_argument("--language", choices=("en", "fr"), help="the form's language")
    checkin.add_argument("--database-url", help=database_help)
    return parser


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "import": cmd_import, "match": cmd_match, "topics": cmd_topics, "report": cmd_report,
    "texts": cmd_texts, "hash-password": cmd_hash_password,
    "export-workspace": cmd_export_workspace, "import-workspace": cmd_import_workspace,
    "kit": cmd_kit, "checkin": cmd_checkin,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    # Quiet by default: what a run says is printed; its log lines are for -v.
    level = logging.ERROR if args.quiet else logging.INFO if args.verbose else logging.WARNING
    with _run_logging(level):
        return _run(args)


_NOISY = ("faiss", "httpx", "sentence_transformers")
"""Libraries whose warnings a run prints, formatted like its own lines, and nothing less."""
_logging_lock = threading.Lock()
_logging_depth = 0
_saved: dict[str, tuple[int, bool]] = {}  # level and propagate of each logger, restored after


@contextlib.contextmanager
def _run_logging(level: int) -> Iterator[None]:
    """The package's lines (and the noisy libraries' warnings) on stderr for this run only:
    :func:`main` may run again, or in several threads at once, in one process (a test, a
    notebook). Not passed on to the root logger either, which a host may have configured
    (each line would print twice). The first run in sets it up, the last one out undoes it."""
    global _logging_depth
    names = ("recommender", *_NOISY)
    with _logging_lock:
        _logging_depth += 1
        if _logging_depth == 1:
            handler = logging.StreamHandler(sys.stderr)
            handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
            handler.set_name("tandem-cli")
            for name in names:
                found = logging.getLogger(name)
                _saved[name] = (found.level, found.propagate)
                found.addHandler(handler)
                found.propagate = False
                found.setLevel(level if name == "recommender" else max(level, logging.WARNING))
    try:
        yield
    finally:
        with _logging_lock:
            _logging_depth -= 1
            if _logging_depth == 0:
                for name in names:
                    found = logging.getLogger(name)
                    for ours in [h for h in found.handlers if h.get_name() == "tandem-cli"]:
                        found.removeHandler(ours)
                    found.setLevel(_saved[name][0])
                    found.propagate = _saved[name][1]


def _run(args: argparse.Namespace) -> int:
    seed = getattr(args, "seed", 0)
    random.seed(seed)
    np.random.seed(seed)
    try:
        return COMMANDS[args.command](args)
    except ValidationError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except NeedsMapping as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except (UnknownIdError, BadSetting) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except DatabaseConnectionError as exc:  # a setting to fix (URL, password), as above
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except (KeyError, ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
