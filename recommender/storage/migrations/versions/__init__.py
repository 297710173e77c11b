"""The revisions, one file each (see :mod:`recommender.migrations`)."""
