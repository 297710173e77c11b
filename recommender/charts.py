"""Charts a coordinator would rather look at than read (matplotlib, no screen needed)."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["coverage_chart", "score_chart", "sessions_chart", "to_png", "to_svg"]

_BLUE, _GREY = "#2f6db5", "#c9d3e0"


def _figure(width: float = 5.0, height: float = 2.8) -> tuple[Any, Any]:
    # A bare Figure, not pyplot: no global backend switch, and safe in concurrent handlers.
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=100)
    ax = fig.add_subplot()
    ax.spines[["top", "right"]].set_visible(False)
    return fig, ax


def sessions_chart(by_month: Mapping[str, int], title: str) -> Any:
    """Bar chart of sessions per month (``{"2026-05": 10, ...}``)."""
    fig, ax = _figure()
    months = list(by_month)
    ax.bar(months, [by_month[m] for m in months], color=_BLUE)
    ax.set_title(title)
    ax.tick_params(axis="x", rotation=45, labelsize=8)
    fig.tight_layout()
    return fig


def score_chart(scores: Sequence[float], title: str) -> Any:
    """Histogram of pair scores."""
    fig, ax = _figure()
    ax.hist(list(scores) or [0.0], bins=12, color=_BLUE, edgecolor="white")
    ax.set_title(title)
    fig.tight_layout()
    return fig


def coverage_chart(share: float, title: str, covered: str, not_covered: str) -> Any:
    """Donut of the share of mentees' wants covered by at least one session."""
    fig, ax = _figure(width=3.6, height=2.8)
    share = min(max(share, 0.0), 1.0)
    ax.pie([share, 1 - share], colors=[_BLUE, _GREY], startangle=90, counterclock=False,
           wedgeprops={"width": 0.35, "edgecolor": "white"})
    ax.text(0, 0, f"{share:.0%}", ha="center", va="center", fontsize=16, fontweight="bold")
    ax.set_title(title)
    ax.legend([covered, not_covered], loc="lower center", bbox_to_anchor=(0.5, -0.2), ncol=2,
              frameon=False, fontsize=8)
    ax.axis("equal")
    fig.tight_layout()
    return fig


def to_svg(fig: Any) -> str:
    """The figure as inline SVG markup (for self-contained HTML reports)."""
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", bbox_inches="tight")
    svg = buffer.getvalue()
    return svg[svg.index("<svg"):]


def to_png(fig: Any) -> bytes:
    """The figure as PNG bytes (for notebooks and files)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight")
    return buffer.getvalue()
