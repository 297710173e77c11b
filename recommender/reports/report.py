"""A self-contained HTML report a coordinator can email as it is (charts as inline SVG)."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping, Sequence

from ..records import PairingResult, ProgrammeHealth, Theme, TopicSuggestion
from .charts import coverage_chart, score_chart, sessions_chart, to_svg

__all__ = ["render_report"]

_STYLE = """
body {font-family: system-ui, -apple-system, Segoe UI, sans-serif; margin: 2em auto;
      max-width: 1100px; color: #1d2533; line-height: 1.4;}
h1 {margin-bottom: 0;} h2 {border-bottom: 2px solid #2f6db5; padding-bottom: 4px; margin-top: 2em;}
table {border-collapse: collapse; width: 100%; font-size: 0.92em;}
th, td {border: 1px solid #d0d7e2; padding: 6px 8px; text-align: left; vertical-align: top;}
th {background: #eef3fa;}
.charts {display: flex; flex-wrap: wrap; gap: 12px;} .charts svg {max-width: 360px; height: auto;}
.muted {color: #5b6676;} ul {margin: 0; padding-left: 1.2em;}
"""


def _e(value: object) -> str:
    return html.escape(str(value))


def _list(items: Sequence[str]) -> str:
    return "<ul>" + "".join(f"<li>{_e(x)}</li>" for x in items) + "</ul>"


def render_report(
    title: str, result: PairingResult, names: Mapping[str, str],
    topics: Mapping[tuple[str, str], Sequence[TopicSuggestion]], themes: Sequence[Theme],
    health: ProgrammeHealth, show_theme_words: bool = True, topics_note: str = "",
) -> str:
    """The report as one HTML document; every piece of user text is escaped.

    Args:
        show_theme_words: label themes with words from the notes (off when note texts are
            confidential; the nearest catalogue topic is shown instead).
        topics_note: where the next topics come from and how well the catalogue answers
            the programme's wishes, in words, shown above them.
    """
    n = names.get
    pair_rows = "".join(
        f"<tr><td>{_e(n(p.mentor_id, p.mentor_id))}</td><td>{_e(n(p.mentee_id, p.mentee_id))}</td>"
        f"<td>{p.score:.3f}</td><td>{_e(p.status)}</td><td>{_list(p.reasons)}</td></tr>"
        for p in result.pairs)
    unmatched_rows = "".join(
        f"<tr><td>{_e(u.name)}</td><td>{_e(u.reason)}</td></tr>" for u in result.unmatched)
    topic_blocks = []
    for (mentor, mentee), suggestions in topics.items():
        items = "".join(
            f"<li><b>{_e(s.title)}</b> <span class='muted'>({s.score:.2f})</span>"
            f"{_list(s.reasons)}<i>{_e(' / '.join(s.starters))}</i></li>" for s in suggestions)
        topic_blocks.append(f"<h3>{_e(n(mentor, mentor))} → {_e(n(mentee, mentee))}</h3><ol>{items}</ol>")
    theme_rows = "".join(
        f"<tr><td>{_e(', '.join(t.keywords) if show_theme_words else t.nearest_topic_id)}</td>"
        f"<td>{t.size}</td><td>{_e(' '.join(f'{m}: {c}' for m, c in t.by_month.items()))}</td>"
        f"<td>{_e(t.nearest_topic_id)} ({t.nearest_topic_similarity:.2f})</td>"
        f"<td>{'candidate new topic' if t.candidate_new_topic else ''}</td></tr>" for t in themes)
    risk_rows = "".join(
        f"<tr><td>{_e(n(p.mentor_id, p.mentor_id))}</td><td>{_e(n(p.mentee_id, p.mentee_id))}</td>"
        f"<td>{p.sessions}</td><td>{_e(p.last_session or '')}</td>"
        f"<td>{_list(p.risk_reasons)}</td></tr>" for p in health.pairs if p.at_risk)
    charts = "".join(to_svg(fig) for fig in (
        sessions_chart(health.sessions_by_month, "Sessions per month"),
        score_chart([p.score for p in result.pairs], "Pair scores"),
        coverage_chart(health.wants_covered_share, "Wants covered by a session", "covered",
                       "not yet")))
    today = dt.date.today().isoformat()
    note = f"<p class='muted' id='topics-note'>{_e(topics_note)}</p>" if topics_note else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{_e(title)}</title>
<style>{_STYLE}</style></head><body>
<h1>{_e(title)}</h1><p class="muted">Generated on {today}: {len(result.pairs)} pairs,
{len(result.unmatched)} people not matched, {health.pairs_at_risk} pairs at risk,
{health.wants_covered_share:.0%} of wants covered by a session.</p>
<h2>Programme at a glance</h2><div class="charts">{charts}</div>
<h2>Pairs</h2><table><tr><th>Mentor</th><th>Mentee</th><th>Score</th><th>Status</th>
<th>Why</th></tr>{pair_rows}</table>
<h2>Not matched</h2><table><tr><th>Name</th><th>Reason</th></tr>{unmatched_rows}</table>
<h2>Next topics</h2>{note}{''.join(topic_blocks) or '<p>No pair to suggest topics for.</p>'}
<h2>Themes in session notes</h2><table><tr><th>Theme</th><th>Notes</th><th>By month</th>
<th>Nearest topic</th><th></th></tr>{theme_rows}</table>
<h2>Pairs at risk</h2><table><tr><th>Mentor</th><th>Mentee</th><th>Sessions</th>
<th>Last session</th><th>Reasons</th></tr>{risk_rows}</table>
</body></html>
"""
