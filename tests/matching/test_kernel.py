"""The match stage on arrays: rules, scores, exact assignment (with a brute-force check)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recommender import MatchParams
from recommender.matching.assign import assign, solve
from recommender.matching.cohort import Cohort
from recommender.matching.kernel import best_sentences, score_edges
from recommender.matching.rules import eligible, ineligibility_reason


def unit(rng: np.random.Generator, *shape: int) -> np.ndarray:
    v = rng.normal(size=shape).astype(np.float32)
    return v / np.linalg.norm(v, axis=-1, keepdims=True)


def random_cohort(seed: int, n: int, d: int = 8) -> Cohort:
    rng = np.random.default_rng(seed)
    offers_w = (rng.random((n, 2)) < 0.8).astype(np.float32)
    wants_w = (rng.random((n, 2)) < 0.8).astype(np.float32)
    offers_w[:, 0] = 1.0
    manager = np.where(rng.random(n) < 0.3, rng.integers(0, n, n), -1)
    manager[manager == np.arange(n)] = -1
    cohort = Cohort.from_padded(
        years=rng.integers(0, 25, n).astype(float),
        preference=rng.integers(0, 3, n).astype(np.int8),
        capacity=rng.integers(0, 3, n),
        department=rng.integers(-1, 3, n),
        manager=manager,
        languages=rng.integers(1, 4, n).astype(np.int64),
        offers=unit(rng, n, 2, d), offer_weight=offers_w,
        wants=unit(rng, n, 2, d), want_weight=wants_w,
    )
    pairs = [(a, b) for a in range(n) for b in range(n) if a != b]
    cohort.excluded = {p for p in pairs if rng.random() < 0.1}
    return cohort


def brute_force(mentor, mentee, weight, mentor_cap, mentee_cap) -> tuple[int, float]:
    """The fair optimum by trying every subset of edges (small graphs only): the most people
    with a partner (mentors with a mentee plus mentees with a mentor), then the largest
    total weight. Branch and bound on that order, independent of the flow."""
    order = np.argsort(-weight)
    mentor, mentee, weight = mentor[order], mentee[order], weight[order]
    used_m = dict.fromkeys(range(len(mentor_cap)), 0)
    used_s = dict.fromkeys(range(len(mentee_cap)), 0)
    suffix = np.concatenate([np.cumsum(np.maximum(weight, 0)[::-1])[::-1], [0.0]])
    last_m = {int(a): i for i, a in enumerate(mentor)}
    last_s = {int(b): i for i, b in enumerate(mentee)}
    best: tuple[int, float] = (0, 0.0)

    def covered() -> int:
        return sum(v > 0 for v in used_m.values()) + sum(v > 0 for v in used_s.values())

    def go(i: int, total: float) -> None:
        nonlocal best
        now = (covered(), round(total, 9))
        best = max(best, now)
        if i == len(weight):
            return
        reachable = now[0] + sum(1 for a, j in last_m.items() if j >= i and not used_m[a]) \
            + sum(1 for b, j in last_s.items() if j >= i and not used_s[b])
        if (reachable, total + suffix[i]) <= (best[0], best[1] + 1e-12):
            return
        a, b = int(mentor[i]), int(mentee[i])
        if weight[i] > 0 and used_m[a] < mentor_cap[a] and used_s[b] < mentee_cap[b]:
            used_m[a] += 1
            used_s[b] += 1
            go(i + 1, total + float(weight[i]))
            used_m[a] -= 1
            used_s[b] -= 1
        go(i + 1, total)

    go(0, 0.0)
    return best


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), n=st.integers(2, 7), per_mentee=st.sampled_from([1, 1, 2]),
       gap=st.sampled_from([0.0, 3.0, 6.0]))
def test_random_cohorts_break_no_rule_and_reach_the_optimum(seed, n, per_mentee, gap):
    cohort = random_cohort(seed, n)
    # Every positive pair may be chosen here: the brute force knows no minimum score.
    params = MatchParams(min_experience_gap=gap, max_mentors_per_mentee=per_mentee, min_score=0.0)
    scores = solve(cohort, params)
    mentor, mentee = scores.mentor, scores.mentee
    # Every chosen pair passes every rule...
    assert eligible(cohort, mentor, mentee, params).all()
    assert all((int(a), int(b)) not in cohort.excluded for a, b in zip(mentor, mentee, strict=True))
    assert (cohort.years[mentor] + gap <= cohort.years[mentee]).all()
    assert not np.isin(cohort.preference[mentor], [1]).any()
    assert not np.isin(cohort.preference[mentee], [0]).any()
    assert ((cohort.languages[mentor] & cohort.languages[mentee]) != 0).all()
    assert (cohort.manager[mentor] != mentee).all() and (cohort.manager[mentee] != mentor).all()
    assert (np.bincount(mentor, minlength=n) <= cohort.capacity).all()
    assert (np.bincount(mentee, minlength=n) <= per_mentee).all()
    assert len(set(zip(mentor.tolist(), mentee.tolist(), strict=True))) == len(mentor)
    # ...and it is the fair optimum over all eligible pairs: the most people with a partner,
    # then the largest total.
    a = np.repeat(np.arange(n), n)
    b = np.tile(np.arange(n), n)
    ok = eligible(cohort, a, b, params)
    a, b = a[ok], b[ok]
    all_scores = score_edges(cohort, a, b, params).score
    people, total = brute_force(a, b, all_scores, cohort.capacity, np.full(n, per_mentee))
    assert len(set(mentor.tolist())) + len(set(mentee.tolist())) == people
    assert scores.score.sum() == pytest.approx(total, abs=1e-6)


def test_a_second_partner_goes_to_someone_only_when_it_takes_a_first_from_nobody():
    """Mentor 0 could take both mentees (0.9 + 0.8) and leave mentor 1 alone; fair: each
    mentor gets one, though the total is lower. Mentee 0 could have two mentors while
    mentee 1 has none: fair, one each."""
    chosen = assign(np.array([0, 0, 1]), np.array([0, 1, 1]), np.array([0.9, 0.8, 0.3]),
                    np.array([2, 1]), np.array([1, 1]))
    assert chosen.tolist() == [True, False, True]
    chosen = assign(np.array([0, 1, 1]), np.array([0, 0, 1]), np.array([0.9, 0.8, 0.3]),
                    np.array([1, 1]), np.array([2, 1]))
    assert chosen.tolist() == [True, False, True]


def test_assign_prefers_total_score_over_greedy():
    # Greedy would take (0,0)=10 and leave mentee 1 alone; the optimum is 9 + 9.
    mentor = np.array([0, 0, 1])
    mentee = np.array([0, 1, 0])
    weight = np.array([10.0, 9.0, 9.0])
    chosen = assign(mentor, mentee, weight, np.array([1, 1]), np.array([1, 1]))
    assert chosen.tolist() == [False, True, True]


def test_assign_respects_capacity_and_allows_unmatched():
    mentor = np.array([0, 0, 0])
    mentee = np.array([1, 2, 3])
    weight = np.array([0.5, 0.9, -0.1])
    chosen = assign(mentor, mentee, weight, np.array([2, 0, 0, 0]), np.ones(4, dtype=int))
    assert chosen.tolist() == [True, True, False]


def two_person_cohort(**overrides) -> Cohort:
    base = dict(
        years=np.array([1.0, 20.0]), preference=np.array([2, 2], dtype=np.int8),
        capacity=np.array([1, 1]), department=np.array([0, 1]), manager=np.array([-1, -1]),
        languages=np.array([1, 1]),
        offers=np.array([[[1, 0]], [[0, 1]]], dtype=np.float32), offer_weight=np.ones((2, 1)),
        wants=np.array([[[0, 1]], [[1, 0]]], dtype=np.float32), want_weight=np.ones((2, 1)),
    )
    base.update(overrides)
    return Cohort.from_padded(**base)


@pytest.mark.parametrize("overrides, reason", [
    ({"years": np.array([19.0, 20.0])}, "nobody with at least 3 fewer years"),
    ({"preference": np.array([1, 1], dtype=np.int8)}, "role preferences"),
    ({"languages": np.array([1, 2])}, "no shared language"),
    ({"manager": np.array([1, -1])}, "same reporting line"),
])
def test_each_hard_rule_blocks_and_is_named(overrides, reason):
    params = MatchParams()
    cohort = two_person_cohort(**overrides)
    assert not eligible(cohort, np.array([0]), np.array([1]), params)[0]
    assert reason in ineligibility_reason(cohort, 1, as_mentee=True, params=params)


def test_excluded_pair_is_never_proposed():
    cohort = two_person_cohort()
    params = MatchParams()
    assert len(solve(cohort, params).mentor) == 1
    cohort.excluded = {(0, 1)}
    assert len(solve(cohort, params).mentor) == 0
    assert "already exists" in ineligibility_reason(cohort, 1, True, params)


def test_fixed_pairs_use_capacity():
    cohort = two_person_cohort()
    mentor = solve(cohort, MatchParams(), fixed=[(0, 1)]).mentor
    assert len(mentor) == 0


def test_score_is_directional_and_sentence_level():
    # The mentee wants [1, 0]; mentor A offers exactly that among unrelated sentences,
    # mentor B is "similar" overall but never offers it.
    wants = np.zeros((3, 2, 3), dtype=np.float32)
    wants[2, 0] = [1, 0, 0]
    offers = np.zeros((3, 3, 3), dtype=np.float32)
    offers[0] = [[0, 0, 1], [1, 0, 0], [0, 0, 1]]
    offers[1] = [[0, 0.6, 0.8], [0, 0.8, 0.6], [0, 1, 0]]
    offer_w = np.ones((3, 3), dtype=np.float32)
    want_w = np.zeros((3, 2), dtype=np.float32)
    want_w[2, 0] = 1
    cohort = Cohort.from_padded(years=np.array([1.0, 1.0, 20.0]), preference=np.array([0, 0, 1], np.int8),
                    capacity=np.ones(3, int), department=np.array([0, 1, 1]),
                    manager=np.full(3, -1), languages=np.ones(3, np.int64), offers=offers,
                    offer_weight=offer_w, wants=wants, want_weight=want_w)
    scores = score_edges(cohort, np.array([0, 1]), np.array([2, 2]), MatchParams())
    assert scores.coverage[0] == pytest.approx(1.0)
    assert scores.coverage[1] == pytest.approx(0.0)
    rows = best_sentences(cohort, np.array([0]), np.array([2]))
    offer_pos = rows.offer - cohort.offers.ptr[0]
    want_pos = rows.want - cohort.wants.ptr[2]
    assert offer_pos[0] == 1 and want_pos[0] == 0
    assert scores.cross_department.tolist() == [1.0, 0.0]


@pytest.mark.parametrize("seed", range(20))
def test_reasons_for_many_people_equal_the_reason_of_each(seed):
    from recommender.matching.rules import ineligibility_reasons

    cohort = random_cohort(seed, 7)
    params = MatchParams(min_experience_gap=3.0)
    people = np.arange(cohort.size)
    for as_mentee in (True, False):
        many = ineligibility_reasons(cohort, people, as_mentee, params, "fr", block=3)
        assert many == [ineligibility_reason(cohort, int(i), as_mentee, params, "fr")
                        for i in people]


def test_top_k_matrix_keeps_each_rows_and_columns_best_valid_cells():
    from recommender.matching.candidates import _top_k_matrix

    rng = np.random.default_rng(0)
    score = rng.random((30, 20)).astype(np.float32)
    valid = rng.random((30, 20)) < 0.7
    keep = _top_k_matrix(score, valid, 4)
    masked = np.where(valid, score, -np.inf)
    expected = np.zeros_like(valid)
    for i in range(30):
        expected[i, np.argsort(-masked[i])[:4]] = True
    for j in range(20):
        expected[np.argsort(-masked[:, j])[:4], j] = True
    assert (keep == (expected & valid)).all()


def ragged(rng: np.random.Generator, n: int, d: int, most: int):
    from recommender.matching.cohort import Sentences

    counts = rng.integers(0, most + 1, n)
    ptr = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
    return Sentences(unit(rng, int(ptr[-1]), d), rng.uniform(0.3, 1, ptr[-1]).astype(np.float32),
                     np.arange(ptr[-1]), ptr)


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10_000), block=st.sampled_from([8, 64, 1 << 24]))
def test_the_block_kernel_and_the_best_sentences_agree_with_the_formula(seed, block):
    """coverage_matrix (buckets, blocks, position-major layout) and best_sentences (batched
    by sentence counts) against the docstring's formula, pair by pair."""
    from recommender.matching.cohort import Sentences
    from recommender.matching.kernel import coverage_matrix

    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 40))
    offers, wants = ragged(rng, n, 6, 4), ragged(rng, n, 6, 5)
    sources, targets = rng.permutation(n)[: rng.integers(1, n + 1)], rng.permutation(n)
    got = coverage_matrix(offers, wants, sources, targets, 0.3, block_floats=block)

    def rows(s: Sentences, i: int) -> np.ndarray:
        r = np.arange(s.ptr[i], s.ptr[i + 1])
        return s.vectors[r] * s.weight[r, None]

    for a, i in enumerate(sources):
        for b, j in enumerate(targets):
            o, w = rows(offers, i), rows(wants, j)
            if not len(o) or not len(w):
                assert got[a, b] == 0
                continue
            best = (o @ w.T).max(axis=0)
            assert got[a, b] == pytest.approx(0.3 * best.max() + 0.7 * best.mean(), abs=1e-5)
    cohort = Cohort(years=np.zeros(n), preference=np.zeros(n, np.int8), capacity=np.ones(n),
                    department=np.zeros(n), manager=np.full(n, -1),
                    languages=np.ones(n, np.int64), offers=offers, wants=wants)
    m, s = rng.integers(0, n, 30), rng.integers(0, n, 30)
    found = best_sentences(cohort, m, s)
    for e in range(30):
        o, w = rows(offers, m[e]), rows(wants, s[e])
        if not len(o) or not len(w):
            assert found.want[e] == found.offer[e] == -1
            continue
        sims = o @ w.T
        want = int(sims.max(axis=0).argmax())
        assert found.want[e] == wants.ptr[s[e]] + want
        assert found.offer[e] == offers.ptr[m[e]] + int(sims[:, want].argmax())


def test_a_kept_graph_still_finds_partners_for_people_whose_best_partners_were_taken():
    """Everyone ranks partners alike (one shared direction): after the best pairs are
    fixed, the free people's top candidates in a pruned graph are all taken; the run must
    score them again rather than leave them alone (found in review)."""
    from dataclasses import replace

    from recommender.matching.candidates import candidate_graph

    rng = np.random.default_rng(3)
    n, d = 40, 16
    shared = unit(rng, d)

    def near(count: int) -> np.ndarray:
        v = shared + 0.3 * rng.normal(size=(count, 1, d))
        return (v / np.linalg.norm(v, axis=-1, keepdims=True)).astype(np.float32)

    people = 2 * n
    offers, wants = near(people), near(people)
    offer_weight = np.r_[np.linspace(1.0, 0.3, n), np.zeros(n)][:, None].astype(np.float32)
    want_weight = np.r_[np.zeros(n), np.linspace(1.0, 0.3, n)][:, None].astype(np.float32)
    cohort = Cohort.from_padded(
        years=np.r_[np.ones(n), np.full(n, 20.0)], preference=np.r_[np.zeros(n), np.ones(n)
                                                                      ].astype(np.int8),
        capacity=np.r_[np.ones(n), np.zeros(n)].astype(int), department=np.full(people, -1),
        manager=np.full(people, -1), languages=np.ones(people, np.int64),
        offers=offers, offer_weight=offer_weight, wants=wants, want_weight=want_weight)
    params = MatchParams(candidates_k=2, exact_edges=50, min_score=0.0, lexical_weight=0.0,
                         cross_department_bonus=0.0, reverse_weight=0.0)
    fixed = [(i, n + i) for i in range(30)]
    graph = candidate_graph(cohort, params)
    assert len(graph) < n * n  # pruned
    kept = solve(cohort, params, fixed, graph=graph)
    exact = solve(cohort, replace(params, exact_edges=10**9), fixed)
    assert len(kept) == len(exact) == 10
    assert kept.score.sum() == pytest.approx(exact.score.sum(), rel=1e-3)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000), block=st.sampled_from([16, 200, 1 << 24]),
       exact_edges=st.sampled_from([0, 30, 10**9]), keep=st.sampled_from([1, 3, 50]),
       compact_from=st.sampled_from([None, 0]))
def test_the_blocked_dense_graph_is_the_whole_matrix_graph(seed, block, exact_edges, keep,
                                                          compact_from):
    """Scoring one block of mentors at a time (a running top-k per column, rows whole)
    keeps exactly the cells that the whole matrices and their row/column top-k keep, with
    the same signals, in row-major order; ties at the k-th score and mentors without any
    offer included."""
    from recommender.matching.candidates import _dense_candidates, _top_k_matrix
    from recommender.matching.kernel import combine, signal_matrices
    from recommender.matching.rules import PROFILE_RULES

    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 40))
    cohort = random_cohort(seed, n)
    cohort.offers, cohort.wants = ragged(rng, n, 4, 3), ragged(rng, n, 4, 4)
    # Quarters: every product and sum is exact whatever the blocks, and many scores are
    # equal, so ties at the k-th cell occur (they must all be kept).
    for s in (cohort.offers, cohort.wants):
        s.vectors[:] = rng.integers(-2, 3, s.vectors.shape) / 4
        s.weight[:] = rng.choice([0.5, 1.0], len(s.weight))
    params = MatchParams(min_score=-1.0, exact_edges=exact_edges,
                         cross_department_bonus=float(rng.choice([0.05, 1.5])))
    mentors, mentees = np.flatnonzero(cohort.can_mentor()), np.flatnonzero(cohort.can_be_mentee())
    mentors = np.union1d(mentors, np.flatnonzero(cohort.offers.count == 0)[:2])
    if not len(mentors) or not len(mentees):
        return
    signals = signal_matrices(cohort, mentors, mentees, params)
    score, _ = combine(signals, params)
    valid = (eligible(cohort, mentors[:, None], mentees[None, :], params, PROFILE_RULES)
             & (score > params.min_score))
    if valid.sum() > exact_edges:
        valid = _top_k_matrix(score, valid, keep)
    rows, cols = np.nonzero(valid)
    got = _dense_candidates(cohort, mentors, mentees, params, keep, lambda f, m: None,
                            block_floats=block, compact_from=compact_from)
    assert got.mentor.tolist() == mentors[rows].tolist()
    assert got.mentee.tolist() == mentees[cols].tolist()
    for name, matrix in signals.items():
        assert np.array_equal(got.signals[name], matrix[rows, cols].astype(np.float64)), name


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 10_000))
def test_the_faiss_candidate_path_scores_like_the_dense_path(seed):
    """Above ``dense_limit`` candidates come from a FAISS search of the sentences: when the
    search reaches every sentence, the graph is the dense one, with the same signals; when
    it is pruned, every edge still passes the profile rules and is scored by the kernel."""
    from recommender.matching.candidates import candidate_graph
    from recommender.matching.rules import PROFILE_RULES

    cohort = random_cohort(seed, 30)
    base = MatchParams(min_score=0.0, exact_edges=10**9)
    dense = candidate_graph(cohort, base)
    searched = candidate_graph(cohort, replace(base, dense_limit=0, candidates_k=15))
    key = lambda g: sorted(zip(g.mentor.tolist(), g.mentee.tolist(), strict=True))  # noqa: E731
    assert key(searched) == key(dense)
    order_d = np.lexsort((dense.mentee, dense.mentor))
    order_s = np.lexsort((searched.mentee, searched.mentor))
    for name in dense.signals:
        np.testing.assert_allclose(searched.signals[name][order_s], dense.signals[name][order_d],
                                   atol=1e-6)
    pruned_params = replace(base, dense_limit=0, candidates_k=1, exact_edges=0)
    pruned = candidate_graph(cohort, pruned_params)
    assert len(pruned) < len(dense)
    assert eligible(cohort, pruned.mentor, pruned.mentee, pruned_params, PROFILE_RULES).all()
    assert (pruned.score > pruned_params.min_score).all()
    again = score_edges(cohort, pruned.mentor, pruned.mentee, pruned_params)
    np.testing.assert_allclose(again.score, pruned.score, atol=1e-6)


def test_search_misses_are_not_read_as_the_last_sentence(monkeypatch):
    """An inverted file may find fewer than k neighbours and pads with -1: those are no
    candidates (read as an index, -1 is the last sentence's owner)."""
    import recommender.matching.candidates as candidates

    cohort = random_cohort(3, 12)
    params = MatchParams(min_experience_gap=0, direction="peer")

    def nothing_found(base, queries, k):
        return np.full((len(queries), k), -1, dtype=np.int64)

    monkeypatch.setattr(candidates, "_search", nothing_found)
    m, s = candidates.candidate_edges(cohort, params)
    assert len(m) == len(s) == 0


@pytest.mark.parametrize("seed", range(4))
def test_assign_is_the_fair_optimum_of_random_graphs_with_several_places(seed):
    """Several places on both sides (up to 3), negative weights, people on both sides:
    the flow's choice equals the exhaustive search's, graph after graph."""
    rng = np.random.default_rng(seed)
    for _ in range(60):
        n = int(rng.integers(2, 5))
        pairs = sorted({(int(a), int(b)) for a, b in rng.integers(0, n, (int(rng.integers(1, 11)),
                                                                           2))})
        mentor = np.array([a for a, _ in pairs])
        mentee = np.array([b for _, b in pairs])
        weight = np.round(rng.uniform(-0.2, 1.0, len(pairs)), 3)
        mentor_cap, mentee_cap = rng.integers(0, 4, n), rng.integers(0, 4, n)
        chosen = assign(mentor, mentee, weight, mentor_cap, mentee_cap)
        assert (np.bincount(mentor[chosen], minlength=n) <= mentor_cap).all()
        assert (np.bincount(mentee[chosen], minlength=n) <= mentee_cap).all()
        people = len(set(mentor[chosen].tolist())) + len(set(mentee[chosen].tolist()))
        best = brute_force(mentor, mentee, weight, mentor_cap, mentee_cap)
        assert people == best[0]
        assert float(weight[chosen].sum()) == pytest.approx(best[1], abs=1e-6)


def test_a_programme_setting_means_what_it_says_unless_a_person_said_fewer():
    """``max_mentees_per_mentor=2``: two mentees for each mentor who did not say (-1), one
    for a mentor who said 1, two for one who said 3; without the setting, one for those who
    did not say."""
    from recommender.matching.assign import capacities

    cohort = two_person_cohort(capacity=np.array([-1, 1]))
    cohort.capacity = np.array([-1, 1])
    mentor_cap, _ = capacities(cohort, MatchParams(max_mentees_per_mentor=2))
    assert mentor_cap.tolist() == [2, 1]
    cohort.capacity = np.array([3, -1])
    assert capacities(cohort, MatchParams(max_mentees_per_mentor=2))[0].tolist() == [2, 2]
    assert capacities(cohort, MatchParams())[0].tolist() == [3, 1]
