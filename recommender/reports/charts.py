"""Charts a coordinator would rather look at than read (matplotlib, no screen needed)."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["coverage_chart", "score_chart", "sessions_chart", "to_png", "to_svg"]

_BLUE, _GREY = "#2f6db5", "#c9d3e0"


def _figure(width: float = 5.0, height: float = 3.2) -> tuple[Any, Any]:
    # A bare Figure, not pyplot: no global backend switch, and safe in concurrent handlers.
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=100)
    ax = fig.add_subplot()
    ax.spines[["top", "right"]].set_visible(False)
    return fig, ax


def _finish(fig: Any, ax: Any, title: str) -> Any:
    # The title is drawn by the figure, above the axes, with room left for it, and the
    # y-axis gets headroom so its top label and the tallest bar are never cut.
    fig.suptitle(title, fontsize=12, fontweight="bold", y=0.97)
    low, high = ax.get_ylim()
    if ax.name == "rectilinear" and high > low:
        ax.set_ylim(low, high * 1.12 if high > 0 else high)
    fig.tight_layout(rect=(0, 0, 1, 0.9))
    return fig


def _nothing(fig: Any, ax: Any, title: str, message: str) -> Any:
    # no data: the message where the chart would be, not empty axes with made-up ticks
    ax.set_axis_off()
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=11, color="#4b5563",
            wrap=True, transform=ax.transAxes)
    fig.suptitle(title, fontsize=12, fontweight="bold", y=0.97)
    return fig


def sessions_chart(by_month: Mapping[str, int], title: str, ylabel: str = "",
                   empty: str = "No session logged yet") -> Any:
    """Bar chart of sessions per month (``{"2026-05": 10, ...}``, or month names); ``empty``
    is said instead when there is none."""
    fig, ax = _figure()
    if not by_month:
        return _nothing(fig, ax, title, empty)
    months = list(by_month)
    bars = ax.bar(months, [by_month[m] for m in months], color=_BLUE)
    ax.bar_label(bars, fontsize=8, padding=2)
    ax.set_ylabel(ylabel)
    ax.yaxis.get_major_locator().set_params(integer=True)
    ax.tick_params(axis="x", rotation=40, labelsize=8)
    for label in ax.get_xticklabels():
        label.set_horizontalalignment("right")
    return _finish(fig, ax, title)


def score_chart(scores: Sequence[float], title: str, xlabel: str = "", ylabel: str = "",
                levels: Sequence[tuple[str, float]] = (), empty: str = "No pair yet") -> Any:
    """Histogram of pair scores, in percent, with the match levels' floors marked; ``empty``
    is said instead when there is no pair."""
    fig, ax = _figure()
    if not scores:
        return _nothing(fig, ax, title, empty)
    values = [100 * s for s in scores]
    ax.hist(values, bins=range(0, 105, 5), color=_BLUE, edgecolor="white")
    ax.set_xlim(0, 100)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.yaxis.get_major_locator().set_params(integer=True)
    top = ax.get_ylim()[1] * 1.12
    ax.set_ylim(0, top)
    for name, floor in levels:
        ax.axvline(100 * floor, color="#888", linestyle="--", linewidth=0.8)
        ax.text(100 * floor + 1, top * 0.95, name, fontsize=8, color="#555", va="top")
    fig.suptitle(title, fontsize=12, fontweight="bold", y=0.97)
    fig.tight_layout(rect=(0, 0, 1, 0.9))
    return fig


def coverage_chart(share: float, title: str, covered: str, not_covered: str,
                   share_text: str | None = None) -> Any:
    """Donut of the share of mentees' wants covered by at least one session."""
    fig, ax = _figure(width=3.8, height=3.2)
    share = min(max(share, 0.0), 1.0)
    ax.pie([share, 1 - share], colors=[_BLUE, _GREY], startangle=90, counterclock=False,
           wedgeprops={"width": 0.35, "edgecolor": "white"})
    ax.text(0, 0, share_text or f"{share:.0%}", ha="center", va="center", fontsize=16,
            fontweight="bold")
    ax.legend([covered, not_covered], loc="lower center", bbox_to_anchor=(0.5, -0.18), ncol=2,
              frameon=False, fontsize=9)
    ax.axis("equal")
    fig.suptitle(title, fontsize=12, fontweight="bold", y=0.97)
    fig.tight_layout(rect=(0, 0, 1, 0.9))
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
