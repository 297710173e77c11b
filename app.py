"""The coordinator page: ``python app.py --workspace DIR [--host H] [--port P] [--demo]``.

Everything is in :mod:`recommender.ui.page`; this file only starts it.
"""

import sys

from recommender.ui.page import main

if __name__ == "__main__":
    sys.exit(main())
