"""Matching: complementary pairs under the programme's rules, each explained.

:mod:`.params` holds the settings; :mod:`.cohort` turns people and their sentence vectors
into arrays; :mod:`.rules` is the one table of hard rules; :mod:`.kernel` computes every
signal of a pair and the one score formula (:func:`~.kernel.combine`); :mod:`.candidates`
scores every pair block by block (or FAISS candidates on huge cohorts); :mod:`.assign`
solves the assignment (min-cost flow); :mod:`.explain` words pairs and the unmatched;
:mod:`.pairing` runs a matching and scores one pair on the whole cohort; :mod:`.cache`
keeps a cohort's arrays and scored candidates between runs and on disk.
"""
