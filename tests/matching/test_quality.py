"""Pairs from profiles as people really write them (issue #10), on the labelled set
tests/data/realistic_pairs.json with the real multilingual model: the figures the closing
note reports (weights were chosen on `dev`; `test` was not used to choose anything)."""

from __future__ import annotations

import sys

import pytest

from ..shared import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

from quality import evaluate_cohort, load_cohorts, summarise

# (designed pairs found, mentor hit@1) of this project: out of 57 on dev (36 + two cohorts
# added for tuning, context and multilingual, + the 9 pairs of careful/dev), out of 45 on test
# (36 + the 9 pairs of careful/test).
REACHED = {"dev": (55, 55), "test": (36, 36)}

# The careful style (well-written forms) was added after the weights were chosen: the project
# finds all 9 pairs of each half, but B2 (regex want + best sentence) also finds all 9 on test,
# so there it ties instead of beating B2 (B2's hit@1 is 8/9 on both halves, its found 8/9 on
# dev). It is held to what it reaches, not to the strict margin of the other styles.
CAREFUL_REACHED = {"dev": (9, 9), "test": (9, 9)}
STRICT_STYLES_EXCLUDED = {"careful"}


@pytest.fixture(scope="module")
def summary() -> dict:
    results = [(c, evaluate_cohort(c, "use-multilingual")) for c in load_cohorts(split="all")]
    return summarise(results)


@pytest.mark.slow
@pytest.mark.parametrize("split", ["dev", "test"])
def test_the_reported_figures_are_reached(summary, split):
    figures = summary[split]["all"]
    found, hits = REACHED[split]
    assert figures["project"].found >= found, figures
    assert figures["project"].hits >= hits, figures
    for baseline in ("whole_profile", "regex_want"):
        assert figures["project"].found > figures[baseline].found + 5, figures
        assert figures["project"].hits > figures[baseline].hits + 5, figures


@pytest.mark.slow
def test_every_style_beats_both_baselines(summary):
    """On every style of both halves, more designed pairs found than either baseline, and
    mentor hit@1 at least as good (careful: see the next test)."""
    for split in ("dev", "test"):
        for style, figures in summary[split].items():
            if style in STRICT_STYLES_EXCLUDED:
                continue
            for baseline in ("whole_profile", "regex_want"):
                ours, theirs = figures["project"], figures[baseline]
                assert ours.found > theirs.found, (split, style, baseline, ours, theirs)
                assert ours.hits >= theirs.hits, (split, style, baseline, ours, theirs)


@pytest.mark.slow
@pytest.mark.parametrize("split", ["dev", "test"])
def test_careful_profiles_reach_the_reported_figures(summary, split):
    """Careful profiles: every designed pair found and ranked first, never behind a baseline;
    both halves together, more found and more hits than either baseline."""
    figures = summary[split]["careful"]
    found, hits = CAREFUL_REACHED[split]
    assert figures["project"].found >= found, figures
    assert figures["project"].hits >= hits, figures
    for baseline in ("whole_profile", "regex_want"):
        ours, theirs = figures["project"], figures[baseline]
        assert ours.found >= theirs.found, (split, baseline, ours, theirs)
        assert ours.hits >= theirs.hits, (split, baseline, ours, theirs)
    both = summary["all"]["careful"]
    for baseline in ("whole_profile", "regex_want"):
        assert both["project"].found > both[baseline].found, both
        assert both["project"].hits > both[baseline].hits, both
