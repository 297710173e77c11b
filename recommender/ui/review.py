"""HTML of the match review panel: two profiles side by side with the matched sentences
highlighted, the score in words and as a percentage with a bar per part, and the other
candidates of each person. Every piece of user text is escaped here."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence

from ..language.formats import format_number, format_percent
from ..records import Pair, Person
from .i18n import level_of, t, word

__all__ = ["highlight", "level_badge", "review_html"]

# Which quotes belong to whom, and how they are marked: the mentee's wish and the mentor's
# offer that answers it (the match itself), then the exchange in return.
_MENTOR_QUOTES = (("offer", "main"), ("reverse_want", "reverse"))
_MENTEE_QUOTES = (("want", "main"), ("reverse_offer", "reverse"))
_PART_ORDER = ("coverage", "lexical", "reverse", "cross_department", "programme")


def _loose(text: str) -> str:
    """A regex matching ``text`` (already escaped) whatever its spacing and end punctuation."""
    core = text.strip().rstrip(".!?;:")
    return r"\s+".join(re.escape(w) for w in core.split())


def highlight(text: str, quotes: Sequence[tuple[str, str]]) -> str:
    """``text`` escaped, with each quoted sentence wrapped in ``<mark class="...">``.

    A quote not found in ``text`` (e.g. worded differently by the sentence splitter) is
    appended, marked, so the coordinator still sees what the score rests on.
    """
    out = html.escape(text)
    missing = []
    for quote, kind in quotes:
        if not quote.strip():
            continue
        pattern = _loose(html.escape(quote))
        found = re.search(pattern, out) if pattern else None
        if found:
            out = (out[:found.start()] + f'<mark class="{kind}">{found.group(0)}</mark>'
                   + out[found.end():])
        else:
            missing.append(f'<mark class="{kind}">{html.escape(quote)}</mark>')
    body = out.replace("\n", "<br>")
    if missing:
        body += "<br>… " + " … ".join(missing)
    return body


def level_badge(score: float, lang: str) -> str:
    level = level_of(score)
    return (f'<span class="level level-{level}">'
            f'{html.escape(t("match", lang, level=word(level, lang), percent=format_percent(score, lang)))}'
            "</span>")


def _person_card(person: Person, role_key: str, quotes: Mapping[str, str],
                 which: Sequence[tuple[str, str]], lang: str) -> str:
    esc = html.escape
    facts = [x for x in (person.department, person.role, person.location) if x]
    facts.append(t("years_exp", lang, years=format_number(person.years_experience, lang)))
    texts = [x for x in (person.profile, person.offers, person.wants) if x.strip()]
    marked = highlight("\n".join(texts), [(quotes.get(k, ""), kind) for k, kind in which])
    return (f'<div class="profile-card"><div class="role-tag">{esc(t(role_key, lang))}</div>'
            f"<h4>{esc(person.name)} <small>({esc(person.id)})</small></h4>"
            f'<div class="facts">{esc(" · ".join(facts))}</div>'
            f'<p class="profile-text">{marked}</p></div>')


def _parts(parts: Mapping[str, float], lang: str) -> str:
    keys = [k for k in _PART_ORDER if k in parts] + sorted(k for k in parts if k not in _PART_ORDER)
    rows = []
    for key in keys:
        value = float(parts[key])
        if key == "programme" and not value:
            continue  # a programme without rules that give points: no empty bar
        label_key = f"part_{key}" if key in _PART_ORDER else "part_other"
        width = max(0.0, min(100.0, 100 * value))
        rows.append(
            f'<div class="part"><span class="part-label">{html.escape(t(label_key, lang))}</span>'
            f'<span class="bar"><span class="fill" style="width:{width:.0f}%"></span></span>'
            f'<span class="part-value">{html.escape(format_percent(value, lang))}</span></div>')
    return f'<div class="parts">{"".join(rows)}</div>'


def _alternatives(title: str, rows: Sequence[tuple[Person, Pair, str]],
                  lang: str) -> str:
    esc = html.escape
    if not rows:
        body = f"<p>{esc(t('no_alternative', lang))}</p>"
    else:
        items = "".join(
            f"<tr><td>{esc(p.name)} <small>({esc(p.id)})</small></td>"
            f"<td>{esc(p.department)}</td><td>{level_badge(s.score, lang)}</td>"
            + (f"<td>{esc(status)}</td>" if status else "") + "</tr>"
            for p, s, status in rows)
        body = f'<table class="alt-table">{items}</table>'
    return f'<div class="alternatives"><h4>{esc(title)}</h4>{body}</div>'


def review_html(mentor: Person, mentee: Person, scored: Pair,
                reasons: Sequence[str], status: str, locked: bool,
                other_mentors: Sequence[tuple[Person, Pair, str]],
                other_mentees: Sequence[tuple[Person, Pair, str]], lang: str) -> str:
    """The review panel of one pair, in ``lang`` (quoted profile text stays as written)."""
    esc = html.escape
    lock = t("locked_suffix", lang) if locked else ""
    # the pair the decision buttons below act on, named once here
    head = (f'<h3 class="pair-name">{esc(mentor.name)} → {esc(mentee.name)}</h3>'
            f'<div class="verdict">{level_badge(scored.score, lang)}'
            f'<span class="pair-status">{esc(t("pair_is", lang, status=word(status, lang), lock=lock))}'
            "</span></div>")
    legend = (f'<div class="legend"><mark class="main">{esc(t("legend_main", lang))}</mark> '
              f'<mark class="reverse">{esc(t("legend_reverse", lang))}</mark></div>')
    cards = (f'<div class="profiles">'
             f"{_person_card(mentor, 'as_mentor', scored.quotes, _MENTOR_QUOTES, lang)}"
             f"{_person_card(mentee, 'as_mentee', scored.quotes, _MENTEE_QUOTES, lang)}</div>")
    reason_list = "".join(f"<li>{esc(r)}</li>" for r in reasons)
    alternatives = (
        '<div class="alt-row">'
        + _alternatives(t("alt_mentors", lang, name=mentee.name), other_mentors, lang)
        + _alternatives(t("alt_mentees", lang, name=mentor.name), other_mentees, lang)
        + "</div>")
    return (f'<div class="review">{head}{_parts(scored.parts, lang)}{legend}{cards}'
            f'<ul class="reasons">{reason_list}</ul>{alternatives}</div>')
