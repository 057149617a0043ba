"""The queue's table: its columns, one row's cells, and the sorts of a page.

Sorting reorders the page on screen; ``claims.queries.list_claims`` decides
the order of pages (text order within each source).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from rich.text import Text

from claims.queries import ClaimView
from claims.review import STATUS_LABELS, STATUSES
from tui.terminal_text import literal
from tui.widgets.formatting import figure, host, short

STATUS_STYLES = {
    "new": "bold",
    "in_review": "yellow",
    "checked": "green",
    "needs_recheck": "bold red",
    "dismissed": "dim",
}

# The claim column takes whatever width the others leave (at least CLAIM_MIN).
COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("status", "status", 14),
    ("verdict", "verdict", 12),
    ("kind", "kind", 7),
    ("figure", "figure", 16),
    ("claim", "claim", 0),
    ("claimant", "claimant", 16),
    ("source", "source", 16),
    ("evidence", "ev", 3),
    ("age", "age", 4),
)
CLAIM_MIN = 30


def claim_width(screen_width: int) -> int:
    """What is left for the claim text: cells pad one column each side; 2 for the scrollbar."""
    others = sum(width for _, _, width in COLUMNS) + 2 * len(COLUMNS) + 2
    return max(CLAIM_MIN, screen_width - others)


@dataclass(frozen=True)
class SortOrder:
    label: str
    key: Callable[[ClaimView], Any] | None
    reverse: bool = False


def _first_value(view: ClaimView) -> float:
    values = [q.value for q in view.quantities if q.value is not None]
    return values[0] if values else float("-inf")


SORTS: tuple[SortOrder, ...] = (
    SortOrder("text order", None),
    SortOrder("status", lambda v: STATUSES.index(v.status)),
    SortOrder("verdict", lambda v: v.verdict or ""),
    SortOrder("kind", lambda v: v.claim.kind),
    SortOrder("figure", _first_value, reverse=True),
    SortOrder("claimant", lambda v: (v.claim.claimant or "").lower()),
    SortOrder("evidence", lambda v: v.state.evidence_count, reverse=True),
    SortOrder("newest", lambda v: v.claim.created_at, reverse=True),
)


def claim_cells(
    view: ClaimView, claim_width: int, age: Callable[[datetime | None], str]
) -> list[Text]:
    """One row of the queue; fetched text is shown literally."""
    claim = view.claim
    figures = ", ".join(figure(q) for q in view.quantities[:2])
    return [
        Text(
            STATUS_LABELS.get(view.status, view.status),
            style=STATUS_STYLES.get(view.status, ""),
        ),
        Text(view.verdict or "—"),
        Text(claim.kind),
        literal(short(figures, 16)),
        literal(short(claim.text, claim_width)),
        literal(short(claim.claimant or "", 16)),
        literal(short(host(view.source.url), 16)),
        Text(str(view.state.evidence_count), justify="right"),
        Text(age(claim.created_at)),
    ]
