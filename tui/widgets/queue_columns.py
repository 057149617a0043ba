"""The queue's columns: which ones a terminal width holds, how wide, what a row says.

No Textual here: the table widget (``tui.widgets.queue_table``) asks
:func:`layout` for the columns of its width and :func:`claim_cells` for a
row's text, so both can be tested without an app.

A narrow terminal keeps the mark, the status and the claim, then adds columns
in the order of :data:`COLUMNS`' ``rank`` while the claim keeps
:data:`CLAIM_MIN` cells; the cheap extras (evidence count, kind, age) come in
only where the claim keeps :data:`CLAIM_COMFORT`. What is left widens the
claim to comfort, then the other columns to their natural width, then the
claim again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from rich.cells import cell_len, set_cell_size

from claims.review.listing import ClaimRow
from claims.review.statuses import STATUS_LABELS
from tui.terminal_text import safe
from tui.widgets.formatting import figure, host

GAP = 1
"""Blank cells before every column (and so at the left edge)."""
CLAIM_MIN = 30
CLAIM_COMFORT = 48
MARK = "✓"
NEW = "•"
"""Flag of a claim stored since the reviewer last looked at the queue."""
STALE = {"moved": "~", "changed": "!", "gone": "✗"}
"""Flag of a claim whose evidence passage is no longer as it was linked, by freshness."""

FLAG_STYLE = "bold"

STATUS_STYLES = {
    "new": "bold",
    "in_review": "yellow",
    "checked": "green",
    "needs_recheck": "bold red",
    "dismissed": "dim",
}


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    width: int
    """Natural width; the claim column has none (it takes what is left)."""
    least: int
    """Narrowest width that still reads."""
    rank: int
    """0: always shown; then the order in which columns are added as room allows."""
    extra: bool = False
    """Shown only where the claim keeps ``CLAIM_COMFORT`` cells."""
    right: bool = False


# Screen order. Ranks: the source before the verdict so that 120 columns hold it.
COLUMNS: tuple[Column, ...] = (
    Column("mark", " ", 1, 1, 0),
    Column("flags", "  ", 2, 2, 0),
    Column("status", "status", 14, 14, 0),
    Column("verdict", "verdict", 12, 12, 2),
    Column("kind", "kind", 8, 7, 7, extra=True),
    Column("figure", "figure", 16, 12, 3),
    Column("claim", "claim", 0, CLAIM_MIN, 0),
    Column("claimant", "claimant", 16, 12, 4),
    Column("source", "source", 16, 12, 1),
    Column("evidence", "ev", 3, 3, 5, extra=True, right=True),
    Column("age", "age", 4, 4, 6, extra=True),
)


@dataclass(frozen=True)
class Placed:
    """A column as drawn: its first cell (after the gap) and its width."""

    column: Column
    x: int
    width: int


def layout(width: int) -> tuple[Placed, ...]:
    """The columns that ``width`` cells hold, left to right, filling exactly ``width``."""
    shown = {c.key: c.least for c in COLUMNS if c.rank == 0}

    def claim_room(widths: dict[str, int]) -> int:
        return width - sum(w for key, w in widths.items() if key != "claim") - GAP * len(widths)

    for column in sorted((c for c in COLUMNS if c.rank), key=lambda c: c.rank):
        floor = CLAIM_COMFORT if column.extra else CLAIM_MIN
        if claim_room({**shown, column.key: column.least}) >= floor:
            shown[column.key] = column.least
    spare = claim_room(shown) - CLAIM_MIN
    to_comfort = min(max(spare, 0), CLAIM_COMFORT - CLAIM_MIN)
    spare -= to_comfort
    for column in sorted((c for c in COLUMNS if c.key in shown and c.width), key=lambda c: c.rank):
        grow = min(max(spare, 0), column.width - shown[column.key])
        shown[column.key] += grow
        spare -= grow
    shown["claim"] = max(1, claim_room(shown))
    placed: list[Placed] = []
    x = 0
    for column in COLUMNS:
        if column.key in shown:
            placed.append(Placed(column, x + GAP, shown[column.key]))
            x += GAP + shown[column.key]
    return tuple(placed)


def fit(text: str, width: int, *, right: bool = False) -> str:
    """``text`` in exactly ``width`` cells: cut with an ellipsis, or padded."""
    if text.isascii():  # one cell per character: the common case, without measuring
        if len(text) > width:
            return text[: width - 1] + "…" if width > 1 else text[:width]
        return text.rjust(width) if right else text.ljust(width)
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "…" if width > 1 else set_cell_size(text, width)
    if right:
        return " " * (width - cell_len(text)) + text
    return set_cell_size(text, width)


def flat(text: str) -> str:
    """Fetched text on one line, with nothing a terminal would act on."""
    return " ".join(safe(text).split())


def flags(row: ClaimRow, new_since: datetime | None) -> str:
    """The evidence flag (``STALE``), then the new flag (``NEW``); blanks where none."""
    stale = STALE.get(row.stale or "", " ")
    new = NEW if new_since is not None and row.created_at > new_since else " "
    return stale + new


def seen_in(row: ClaimRow) -> str:
    """What one row per group says of the group's spread, before its sentence."""
    if row.group_id is None:
        return ""
    return f"seen in {row.sources} source{'s' if row.sources != 1 else ''} · "


def claim_cells(
    row: ClaimRow,
    age: Callable[[datetime | None], str],
    *,
    new_since: datetime | None = None,
    per_group: bool = False,
) -> dict[str, str]:
    """Every column's text for one claim but the mark, whole (the table cuts it to width)."""
    return {
        "flags": flags(row, new_since),
        "status": STATUS_LABELS.get(row.status, row.status),
        "verdict": row.verdict or "—",
        "kind": row.kind,
        "figure": flat(", ".join(figure(q) for q in row.figures)),
        "claim": (seen_in(row) if per_group else "") + flat(row.text),
        "claimant": flat(row.claimant or ""),
        "source": flat(host(row.source_url)),
        "evidence": str(row.evidence_count),
        "age": age(row.created_at),
    }


@dataclass(frozen=True)
class SortOrder:
    """One way to order the whole queue (``claims.review.queries.ORDERS``)."""

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
