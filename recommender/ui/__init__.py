"""The coordinator page: handlers per tab without Gradio, then the Gradio page itself.

:class:`~.coordinator.Coordinator` gathers the handlers of every tab (:mod:`.people`,
:mod:`.mapping`, :mod:`.pairs`, :mod:`.sessions`, :mod:`.insights`), plain functions over the
facade that tests and scripts call without a browser; :mod:`.i18n` holds the page's strings
in English and French, :mod:`.review` the review panel's HTML, :mod:`.forms` the mapping
step's helpers, :mod:`.security` the launch and login rules. :mod:`.page` builds the Gradio
page (one builder per tab), :mod:`.events` wires it, :mod:`.widgets` and :mod:`.assets` serve
both; only those import Gradio.
"""

from .common import pair_key, split_pair_key
from .coordinator import Coordinator
from .i18n import LANGUAGES, t
from .security import check_launch, hash_password, load_users, verify_password

__all__ = [
    "LANGUAGES",
    "Coordinator",
    "check_launch",
    "hash_password",
    "load_users",
    "pair_key",
    "split_pair_key",
    "t",
    "verify_password",
]
