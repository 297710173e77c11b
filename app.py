"""The coordinator page: parses the command line and serves :mod:`recommender.ui.page`.

    python app.py --workspace DIR [--host H] [--port P] [--auth-file users.json] [--demo]
"""

from __future__ import annotations

import argparse
import logging
import os
from collections.abc import Sequence

from recommender.ui.page import PageOptions, launch


def options(argv: Sequence[str] | None = None) -> PageOptions:
    """The page's options from the command line."""
    parser = argparse.ArgumentParser(description="Reverse-mentoring coordinator page")
    parser.add_argument("--workspace", default="workspace", help="workspace folder")
    parser.add_argument("--database-url",
                        help="the workspace's database, e.g. postgresql://user@host/db "
                        "(default: $TANDEM_DATABASE_URL, else the folder's own SQLite file)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int,
                        default=int(os.environ.get("GRADIO_SERVER_PORT", "7860")))
    parser.add_argument("--auth-file", help="JSON file of users and password hashes")
    parser.add_argument("--embedder", help="embedder for a new workspace (default USE)")
    parser.add_argument("--lang", choices=["en", "fr"], default="en")
    parser.add_argument("--demo", action="store_true",
                        help="fill an empty workspace with the bundled demo programme")
    args = parser.parse_args(argv)
    return PageOptions(args.workspace, args.database_url, args.host, args.port,
                       args.auth_file, args.embedder, args.lang, args.demo)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    launch(options())
