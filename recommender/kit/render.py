"""The introductions' templates: plain text with named fields (Jinja2), shipped in English and
French, replaceable per workspace.

A template is ``intro_<language>.txt`` (and, optionally, ``intro_<language>.html`` for an
HTML version of the e-mail). The shipped ones are in this package's ``templates/`` folder;
a workspace's own, in its ``templates/`` folder, win, and a workspace may add a language
(``intro_es.txt``): a pair who shares it is then introduced in it. The first line, when it
reads ``Subject: ...``, is the e-mail's subject.

Templates are rendered in Jinja2's sandbox (a template cannot reach Python's internals:
``{{ ''.__class__ }}`` is refused) with strict fields: a field the kit does not know, or a
typo in one (``{{ mentor.nmae }}``), is an error naming the template and the line, as is a
syntax error, a refused access or any other error while rendering; HTML templates escape
every field (autoescape), plain text ones write them as they are. A template stands alone:
``include``, ``import`` and ``extends`` are refused, and so are repetitions that would make
a text of millions of characters (``{{ "x" * 10**9 }}``).
"""

from __future__ import annotations

import logging
import re
import traceback
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, meta, nodes
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment

__all__ = ["TEMPLATE_FIELDS", "KitTemplate", "KitTemplateError", "check_template", "load_template",
           "render_template", "split_subject", "template_languages"]

logger = logging.getLogger(__name__)

TEMPLATE_FIELDS: dict[str, str] = {
    "language": "the introduction's language code (en, fr...)",
    "programme": "the programme's name (may be empty)",
    "coordinator": "who signs (may be empty)",
    "direction": "reverse, classic or peer",
    "mentor": "the mentor: name, first_name, email (empty when unknown or not an e-mail "
              "address), role, department, location, time_zone",
    "mentee": "the mentee: the same fields",
    "wish": "the mentee's wish the pair rests on, quoted from their answers",
    "offer": "the mentor's answer that meets it, quoted",
    "back_wish": "what the mentor wishes in return, quoted (may be empty)",
    "back_offer": "what the mentee can share in return, quoted (may be empty)",
    "languages": "the languages both speak, named in the introduction's language (a list)",
    "same_location": "true when both gave the same location",
    "location": "that location (empty otherwise)",
    "hours": "working hours: window (the day assumed, e.g. 9:00–18:00), common (true when "
             "both days share the time of a meeting), same_zone, known (false when neither "
             "gave a time zone: the coordinator's is assumed), mentor and mentee (the hours "
             "that suit both, each in their own time), assumed (a sentence when one time "
             "zone was not given)",
    "meeting": "the first meeting proposed: mentor_date, mentor_time, mentee_date, "
               "mentee_time, minutes, within_hours",
    "topics": "the first topics: a list of title and starter",
    "cadence": "how often the programme expects the pair to meet, in words",
    "notes_confidential": "true when session notes stay between the pair",
}
"""Every field a template may use, and what it holds."""

_NAME = re.compile(r"intro_([a-z]{2,3})\.(txt|html)")
_PACKAGED = "templates"
_SUBJECT = re.compile(r"(?i)(subject|objet)\s*:")
MAX_TEMPLATE_CHARS = 100_000
"""The longest template read (an introduction is a few thousand characters)."""
_MAX_REPEAT = 10_000  # the longest text or list ``*`` may make
_MAX_POWER = 64  # the largest exponent ``**`` takes
_STANDALONE = {nodes.Include: "include", nodes.Import: "import", nodes.FromImport: "import",
               nodes.Extends: "extends"}


class KitTemplateError(ValueError):
    """A template that cannot be used: a syntax error or an unknown field, with the
    template and the line."""

    def __init__(self, template: str, line: int | None, message: str):
        self.template = template
        self.line = line
        where = f"{template}, line {line}" if line else template
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class KitTemplate:
    """A template's name (its file name), text, and where it comes from."""

    name: str
    source: str
    origin: str  # "shipped" or the workspace file's path

    @property
    def html(self) -> bool:
        return self.name.endswith(".html")


class _KitSandbox(SandboxedEnvironment):
    """Jinja2's sandbox, with ``*`` and ``**`` bounded (a text repeated a billion times would
    take the machine's memory before anything could stop it)."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "**" and isinstance(right, (int, float)) and abs(right) > _MAX_POWER:
            raise SecurityError(f"an exponent above {_MAX_POWER} is refused in a template")
        if operator == "*":
            for items, count in ((left, right), (right, left)):
                if isinstance(items, (str, list, tuple)) and isinstance(count, int) and \
                        len(items) * count > _MAX_REPEAT:
                    raise SecurityError(f"a repetition longer than {_MAX_REPEAT} is refused "
                                        "in a template")
        return super().call_binop(context, operator, left, right)


def _packaged(name: str) -> str | None:
    path = resources.files(__package__ or "recommender.kit") / _PACKAGED / name
    return path.read_text(encoding="utf-8") if path.is_file() else None


def template_languages(folder: Path | None) -> tuple[str, ...]:
    """The languages with a plain text template: the shipped ones (English, French) and
    those of ``folder`` (a workspace's ``templates/``), sorted."""
    found = {"en", "fr"}
    if folder is not None and folder.is_dir():
        for path in folder.iterdir():
            match = _NAME.fullmatch(path.name)
            if match and match[2] == "txt":
                found.add(match[1])
    return tuple(sorted(found))


def load_template(language: str, folder: Path | None, html: bool = False
                  ) -> KitTemplate | None:
    """The template of ``language``: the workspace's (``folder``) when it has one, else the
    shipped one; ``None`` when neither exists (HTML templates are not shipped)."""
    name = f"intro_{language}.{'html' if html else 'txt'}"
    if folder is not None and (folder / name).is_file():
        path = folder / name
        try:
            if path.stat().st_size > 4 * MAX_TEMPLATE_CHARS:
                raise KitTemplateError(name, None, f"{path.stat().st_size} bytes: a template "
                                       f"holds at most {MAX_TEMPLATE_CHARS} characters")
            return KitTemplate(name, path.read_text(encoding="utf-8-sig"), str(path))
        except UnicodeDecodeError as exc:
            raise KitTemplateError(name, None, f"not UTF-8 text (byte {exc.start + 1}): save "
                                   "it as UTF-8 in your editor") from None
        except OSError as exc:
            raise KitTemplateError(name, None, f"cannot be read: {exc.strerror or exc}") \
                from None
    source = _packaged(name)
    return KitTemplate(name, source, "shipped") if source is not None else None


def _environment(html: bool) -> SandboxedEnvironment:
    return _KitSandbox(undefined=StrictUndefined, autoescape=html, trim_blocks=True,
                       lstrip_blocks=True, keep_trailing_newline=True)


def _line_of(exc: BaseException) -> int | None:
    """The template line a rendering error happened on (Jinja2 rewrites the traceback so
    that the template's own frames carry its lines)."""
    lines = [frame.lineno for frame in traceback.extract_tb(exc.__traceback__)
             if frame.filename == "<template>"]
    return lines[-1] if lines else None


def check_template(template: KitTemplate) -> None:
    """Parse ``template`` and check that it uses only :data:`TEMPLATE_FIELDS` and stands
    alone (no ``include``, ``import``, ``extends``).

    Raises:
        KitTemplateError: a syntax error, an unknown field or a tag that reads another
            template, with its line.
    """
    if len(template.source) > MAX_TEMPLATE_CHARS:
        raise KitTemplateError(template.name, None, f"{len(template.source)} characters: a "
                               f"template holds at most {MAX_TEMPLATE_CHARS}")
    env = _environment(template.html)
    try:
        tree = env.parse(template.source, name=template.name)
    except TemplateSyntaxError as exc:
        raise KitTemplateError(template.name, exc.lineno, f"syntax error: {exc.message}") \
            from None
    for kind, tag in _STANDALONE.items():
        for refused in tree.find_all(kind):
            raise KitTemplateError(template.name, refused.lineno,
                                   f"'{tag}' is not available: a kit template stands alone "
                                   "(copy the text you need into it)")
    unknown = sorted(meta.find_undeclared_variables(tree) - set(TEMPLATE_FIELDS))
    if unknown:
        first: dict[str, int] = {}
        for node in tree.find_all(nodes.Name):
            if node.name in unknown and node.ctx == "load":
                first.setdefault(node.name, node.lineno)
        name = unknown[0]
        raise KitTemplateError(
            template.name, first.get(name),
            f"unknown field '{name}'" + (f" (and {', '.join(unknown[1:])})" if unknown[1:]
                                         else "")
            + f"; the fields are {', '.join(TEMPLATE_FIELDS)}")


def render_template(template: KitTemplate, fields: Mapping[str, Any]) -> str:
    """``template`` filled with ``fields``.

    Raises:
        KitTemplateError: the template is not valid (see :func:`check_template`), or it
            reads a part a field does not have (``{{ mentor.nmae }}``), with the line.
    """
    check_template(template)
    env = _environment(template.html)
    try:
        return env.from_string(template.source).render(**fields)
    except SecurityError as exc:
        raise KitTemplateError(template.name, _line_of(exc),
                               f"refused by the template sandbox: {exc}") from None
    except TemplateError as exc:
        raise KitTemplateError(template.name, _line_of(exc), str(exc)) from None
    except Exception as exc:  # a template's own arithmetic or filter call: 1/0, int("x")
        raise KitTemplateError(template.name, _line_of(exc),
                               f"{type(exc).__name__}: {exc}") from None


def split_subject(text: str) -> tuple[str, str]:
    """``(subject, body)`` of a rendered plain text introduction: a first line
    ``Subject: ...`` (``Objet : ...``) is the subject (empty when there is none); blank lines at the start and
    end of the body go."""
    first, _, rest = text.lstrip("\n").partition("\n")
    found = _SUBJECT.match(first)
    if found:
        return first[found.end():].strip(), rest.strip("\n") + "\n"
    return "", text.strip("\n") + "\n"
