"""A claim's review statuses: their names, labels and how a typed name is read.

Apart from ``claims.review.events`` so that a listing or a command's option
parser knows the statuses without loading the ORM that records them.
"""

from __future__ import annotations

from typing import Literal

from claims.errors import ClaimError

Status = Literal["new", "in_review", "checked", "needs_recheck", "dismissed"]
STATUSES: tuple[str, ...] = ("new", "in_review", "checked", "needs_recheck", "dismissed")
STATUS_LABELS = {
    "new": "new",
    "in_review": "in review",
    "checked": "checked",
    "needs_recheck": "needs re-check",
    "dismissed": "dismissed",
}


class UnknownStatus(ClaimError):
    pass


def parse_status(name: str) -> str:
    folded = name.strip().lower().replace("-", "_").replace(" ", "_")
    folded = {"needs_re_check": "needs_recheck", "review": "in_review"}.get(folded, folded)
    if folded not in STATUSES:
        raise UnknownStatus(f"status {name!r} is unknown; use one of: {', '.join(STATUSES)}")
    return folded
