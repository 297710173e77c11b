"""Insights: next topics for a pair, what notes already covered, themes, health.

:mod:`.catalogue` is the topic catalogue (shipped or the programme's own); :mod:`.topics`
scores the next topics for a pair (relevant, within reach, varied, informed by other
pairs' ratings) with :mod:`.params`; :mod:`.coverage` finds the topics a pair's notes
already discussed; :mod:`.themes` clusters the notes into labelled themes; :mod:`.health`
judges every pair (cadence, ratings, drift) and the programme.
"""
