"""Profiles: what people wrote, read as sentences that offer, want or say something else.

:mod:`.intent` is the offer / want / other classifier (weights shipped in the package);
:mod:`.segment` labels each person's sentences with it (:class:`~.segment.Labeller`);
:mod:`.context` decides, once for matching, topics and health, which sentences count as a
person's wishes and offers; :mod:`.speakers` the languages people speak and the language to
address a pair in.
"""
