"""Front-end helpers of the coordinator page: handlers, strings, launch safety."""

from .coordinator import Coordinator, pair_key, split_pair_key
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
