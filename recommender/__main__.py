"""``python -m recommender``: the ``tandem`` command line."""

import sys

from .cli import main

sys.exit(main())
