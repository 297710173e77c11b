"""The assignment: the best set of pairs under everyone's capacity (min-cost flow)."""

from __future__ import annotations

import logging
from collections.abc import Sequence

import numpy as np

from ..records import ProgressFn
from .candidates import candidate_graph, refill
from .cohort import Cohort
from .kernel import EdgeScores
from .params import MatchParams
from .rules import (
    eligible,
)

logger = logging.getLogger(__name__)

__all__ = ["assign", "solve"]


# ------------------------------------------------------------------------------ assignment
def assign(mentor: np.ndarray, mentee: np.ndarray, weight: np.ndarray,
           mentor_capacity: np.ndarray, mentee_capacity: np.ndarray) -> np.ndarray:
    """A fair maximum-weight b-matching: the edges to keep, as a boolean mask ``(E,)``.

    Each person ``i`` mentors at most ``mentor_capacity[i]`` and is mentored at most
    ``mentee_capacity[i]`` times; anyone may stay unmatched; an edge is used at most once and
    edges of weight <= 0 never. Lexicographic: first as many people as possible get a
    partner (mentors with a mentee plus mentees with a mentor), then the total weight is
    the largest: a second partner goes to someone only when it takes a first from nobody.

    Exact: a min-cost flow (OR-Tools) from a source through the mentors, the edges (cost
    ``-weight``) and the mentees to a sink. Each person's first place is an arc worth more
    than every edge together, the others arcs worth nothing; a free source-to-sink arc
    lets anyone stay alone. Scores are scaled to integers (1e-6 resolution, coarser on
    graphs so large that the costs would overflow 64 bits).
    """
    from ortools.graph.python import min_cost_flow

    chosen = np.zeros(len(weight), dtype=bool)
    usable = np.flatnonzero((weight > 0) & (mentor_capacity[mentor] > 0)
                            & (mentee_capacity[mentee] > 0))
    if len(usable) == 0:
        return chosen
    m, s, w = mentor[usable], mentee[usable], weight[usable]
    mentor_ids, m_local = np.unique(m, return_inverse=True)
    mentee_ids, s_local = np.unique(s, return_inverse=True)
    n_m, n_s = len(mentor_ids), len(mentee_ids)
    source, sink = 0, 1
    m_node = 2 + np.arange(n_m)
    s_node = 2 + n_m + np.arange(n_s)
    m_cap = mentor_capacity[mentor_ids].astype(np.int64)
    s_cap = mentee_capacity[mentee_ids].astype(np.int64)
    flow = int(min(m_cap.sum(), s_cap.sum()))
    # Scores to integers, 1e-6 resolution, coarser only if the total cost could overflow.
    scale = 1e6
    while (float(w.sum()) * scale + 1) * (n_m + n_s + 1) > 2.0**62:
        scale /= 10
    costs_w = -np.round(w * scale).astype(np.int64)
    first = int(-costs_w.sum()) + 1  # a first place outweighs every edge together
    m_extra = np.flatnonzero(m_cap > 1)
    s_extra = np.flatnonzero(s_cap > 1)
    tails = np.concatenate([np.full(n_m, source), np.full(len(m_extra), source),
                            m_node[m_local], s_node, s_node[s_extra], [source]])
    heads = np.concatenate([m_node, m_node[m_extra], s_node[s_local], np.full(n_s, sink),
                            np.full(len(s_extra), sink), [sink]])
    caps = np.concatenate([np.ones(n_m, dtype=np.int64), m_cap[m_extra] - 1,
                           np.ones(len(w), dtype=np.int64), np.ones(n_s, dtype=np.int64),
                           s_cap[s_extra] - 1, [flow]])
    costs = np.concatenate([np.full(n_m, -first, dtype=np.int64),
                            np.zeros(len(m_extra), dtype=np.int64), costs_w,
                            np.full(n_s, -first, dtype=np.int64),
                            np.zeros(len(s_extra) + 1, dtype=np.int64)])
    solver = min_cost_flow.SimpleMinCostFlow()
    arcs = solver.add_arcs_with_capacity_and_unit_cost(tails, heads, caps, costs)
    solver.set_nodes_supplies(np.array([source, sink]), np.array([flow, -flow]))
    status = solver.solve()
    if status != solver.OPTIMAL:
        raise RuntimeError(f"assignment failed: min-cost flow status {status}")
    start = n_m + len(m_extra)
    edge_arcs = arcs[start : start + len(w)]
    chosen[usable[solver.flows(edge_arcs) > 0]] = True
    return chosen


def capacities(cohort: Cohort, params: MatchParams,
               fixed: Sequence[tuple[int, int]] = ()) -> tuple[np.ndarray, np.ndarray]:
    """What is left of each person's ``(mentor capacity, mentee capacity)`` after ``fixed``.

    The programme's ``max_mentees_per_mentor`` is what every mentor takes unless their own
    answer says fewer; without it, a person who did not say takes one.
    """
    stated = cohort.capacity.astype(np.int64)
    setting = params.max_mentees_per_mentor
    if setting is None:
        mentor_cap = np.where(stated < 0, 1, stated)
    else:
        mentor_cap = np.where(stated < 0, setting, np.minimum(stated, setting))
    mentee_cap = np.full(cohort.size, params.max_mentors_per_mentee, dtype=np.int64)
    for a, b in fixed:
        mentor_cap[a] -= 1
        mentee_cap[b] -= 1
    return np.maximum(mentor_cap, 0), np.maximum(mentee_cap, 0)


def solve(cohort: Cohort, params: MatchParams, fixed: Sequence[tuple[int, int]] = (),
          progress: ProgressFn | None = None, graph: EdgeScores | None = None) -> EdgeScores:
    """Best global assignment under the rules, around pairs already ``fixed``.

    Fixed pairs (accepted, active or locked) use up their mentor's capacity and their
    mentee's place; only the rest of the cohort is matched. The assignment sees every edge
    of the candidate graph that the decisions leave open: every eligible pair up to
    ``exact_edges`` of them (the exact optimum), above that each person's best.

    Args:
        progress: called with ``(fraction, message)`` at each stage.
        graph: :func:`candidate_graph` of the same cohort and settings, kept from an
            earlier run (computed when ``None``); the decisions (``fixed``,
            ``cohort.excluded``) are applied here.

    Returns:
        the scores of the new pairs (fixed pairs are not repeated), best first.
    """
    def tell(fraction: float, message: str) -> None:
        if progress:
            progress(fraction, message)

    c = cohort
    mentor_cap, mentee_cap = capacities(c, params, fixed)
    if graph is None:
        graph = candidate_graph(c, params, lambda f, m: tell(0.7 * f, m))
    else:
        tell(0.5, f"{len(graph):,} scored candidate pairs")
    # Every rule again, not only the decisions: a graph passed in can never break one.
    open_ = ((mentor_cap[graph.mentor] > 0) & (mentee_cap[graph.mentee] > 0)
             & eligible(c, graph.mentor, graph.mentee, params))
    scores = refill(c, params, graph, graph.take(open_), c.can_mentor() & (mentor_cap > 0),
                     c.can_be_mentee() & (mentee_cap > 0))
    tell(0.7, f"assignment over {len(scores):,} pairs")
    logger.info("assignment over %d candidate edges", len(scores))
    chosen = assign(scores.mentor, scores.mentee, scores.score, mentor_cap, mentee_cap)
    result = scores.take(np.flatnonzero(chosen))
    return result.take(np.argsort(-result.score, kind="stable"))
