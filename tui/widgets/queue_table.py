"""The queue's table: its columns, one row's cells, and the queue's sort orders.

Sorting is done by the database (``claims.queries.list_claims``), so it
orders the whole queue, not just the page on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from rich.text import Text

from claims.queries import ClaimView
from claims.review import STATUS_LABELS
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
    """One way to order the whole queue (``claims.queries.ORDERS``)."""

    label: str
    order: str | None


SORTS: tuple[SortOrder, ...] = (
    SortOrder("text order", None),
    SortOrder("most check-worthy", "checkworthiness"),
    SortOrder("status", "status"),
    SortOrder("verdict", "verdict"),
    SortOrder("kind", "kind"),
    SortOrder("claimant", "claimant"),
    SortOrder("most evidence", "evidence"),
    SortOrder("newest", "newest"),
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
