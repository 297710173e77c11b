"""The revisions, one file each (see :mod:`recommender.storage.migrations`)."""
