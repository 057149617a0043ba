"""Lists of claims: which claims a filter selects, in which order, a page at a time.

The one place where a :class:`ClaimFilter` becomes SQL. The SQL is plain text
with ``:name`` parameters, run through ``db.reader.Rows``: on a driver
connection of its own at start-up (``factdesk claims``, no SQLAlchemy
imported), or on an open session's connection (the queue, exports;
``claims.review.queries.list_claims`` loads the ORM rows of the ids it picks
here). Table and column names are the ORM's (``db.models``), unaliased, so a
condition from here also reads inside an ORM query.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from claims.errors import ClaimError
from claims.review.folding import fold_words
from claims.review.statuses import parse_status
from db.ids import as_id
from db.reader import Rows, json_value, timestamp_param, utc


@dataclass(frozen=True)
class ClaimFilter:
    """What a list of claims is narrowed to; None means any."""

    source: str | None = None
    """A source id or (part of) its URL."""
    kind: str | None = None
    status: str | None = None
    text: str | None = None
    """Words the sentence, claimant, notes or evidence quotes hold (case, accents and the
    spacing of names folded: "El Moussali" finds "Elmoussali")."""
    claimant: str | None = None
    verdict: str | None = None
    reviewer: str | None = None
    """Claims assigned to this reviewer."""
    order: str | None = None
    """One of ORDERS; None is text order (source, then position in the text)."""
    per_group: bool = False
    """One row per group of claims (its first claim), with how many sources it was seen in."""
    evidence_changed: bool = False
    """Only claims with live evidence whose passage moved, changed or is gone (after a refresh)."""
    since: datetime | None = None
    """Only claims stored after this moment ("new since you last looked")."""


# How a list of claims can be ordered; text order breaks ties in every one.
ORDERS: dict[str, tuple[str, ...]] = {
    "status": ("claim_state.status",),
    "verdict": ("claim_state.verdict",),
    "kind": ("claim.kind",),
    "claimant": ("claim.claimant",),
    "checkworthiness": ("claim.checkworthiness DESC",),
    "evidence": ("claim_state.evidence_count DESC",),
    "newest": ("claim.created_at DESC",),
}
TEXT_ORDER = ("claim.source_id", "claim.snapshot_id", "claim.start", "claim.id")

STALE_ORDER = ("moved", "changed", "gone")
"""Freshness states a queue row marks, mildest first (the row shows the worst)."""

# The latest anchor of each live evidence row, compared with the passage as it was
# linked: the rules of ``claims.review.freshness`` in SQL, so that the queue can
# filter on them and mark a page's rows with one query instead of one per claim.
STALE_EVIDENCE = """
SELECT a.claim_id,
       CASE WHEN a.exact IS NULL THEN 'gone'
            WHEN a.exact <> e.exact THEN 'changed'
            ELSE 'moved' END
FROM quote_anchor a JOIN evidence e ON e.id = a.evidence_id
WHERE a.id = (SELECT max(later.id) FROM quote_anchor later
              WHERE later.claim_id = a.claim_id AND later.evidence_id = a.evidence_id)
  AND (a.exact IS NULL OR a.exact <> e.exact
       OR (a.start IS NOT NULL AND (a.start <> e.start OR a."end" <> e."end")))
  AND NOT EXISTS (SELECT 1 FROM review_event withdrawn
                  WHERE withdrawn.evidence_id = e.id AND withdrawn.action = 'evidence_removed')
"""

ROW_FIGURES = 2
"""Figures a list row shows."""


@dataclass(frozen=True)
class Where:
    """A filter as SQL: conditions joined by AND, their parameters, the tables they read."""

    conditions: tuple[str, ...]
    params: dict[str, Any]
    tables: frozenset[str]
    """Beside ``claim``: which of source, claim_state, claim_index the conditions read."""

    def sql(self) -> str:
        return " AND ".join(self.conditions) if self.conditions else "1 = 1"


def like_pattern(needle: str) -> str:
    """``needle`` as a LIKE pattern (``ESCAPE '/'``) for "holds": "_" and "%" typed by a
    person are characters, not wildcards."""
    escaped = needle.replace("/", "//").replace("%", "/%").replace("_", "/_")
    return f"%{escaped}%"


def source_where(source: str) -> Where:
    """Claims of source id ``source``, or of the sources whose URL holds it."""
    source_id = as_id(source)
    if source_id is not None:
        return Where(("claim.source_id = :source_id",), {"source_id": source_id}, frozenset())
    return Where(
        ("source.url LIKE :source_url ESCAPE '/'",),
        {"source_url": like_pattern(source)},
        frozenset({"source"}),
    )


def where(filters: ClaimFilter, dialect: str) -> Where:
    """The conditions ``filters`` set (``dialect`` decides how a timestamp is passed)."""
    conditions: list[str] = []
    params: dict[str, Any] = {}
    tables: set[str] = set()

    def add(condition: str, table: str | None = None, **values: Any) -> None:
        conditions.append(condition)
        params.update(values)
        if table:
            tables.add(table)

    if filters.source:
        by_source = source_where(filters.source)
        conditions.extend(by_source.conditions)
        params.update(by_source.params)
        tables.update(by_source.tables)
    if filters.kind:
        add("claim.kind = :kind", kind=filters.kind)
    if filters.status:
        add("claim_state.status = :status", "claim_state", status=parse_status(filters.status))
    if filters.verdict:
        add("claim_state.verdict = :verdict", "claim_state", verdict=filters.verdict)
    if filters.reviewer:
        add("claim_state.assignee = :assignee", "claim_state", assignee=filters.reviewer)
    for column, needle, name in (
        ("claim_index.claimant_key", filters.claimant, "claimant"),
        ("claim_index.search", filters.text, "text"),
    ):
        if needle:
            folded = fold_words(needle)
            if not folded:  # only spaces and punctuation: nothing to look for
                add("1 = 0")
            else:
                add(
                    f"{column} LIKE :{name} ESCAPE '/'",
                    "claim_index",
                    **{name: like_pattern(folded)},
                )
    if filters.per_group:
        # Alone, or the first of its group (a group's id is its smallest claim id).
        add("(claim_index.group_id IS NULL OR claim_index.group_id = claim.id)", "claim_index")
    if filters.evidence_changed:
        add(f"EXISTS (SELECT 1 FROM ({STALE_EVIDENCE}) stale WHERE stale.claim_id = claim.id)")
    if filters.since is not None:
        add("claim.created_at > :since", since=timestamp_param(filters.since, dialect))
    return Where(tuple(conditions), params, frozenset(tables))


def order_by(order: str | None) -> str:
    if order is not None and order not in ORDERS:
        raise ClaimError(f"order {order!r} is unknown; use one of: {', '.join(ORDERS)}")
    keys = ORDERS[order] if order is not None else ()
    return ", ".join((*keys, *TEXT_ORDER))


_JOINS = {
    "source": "JOIN source ON source.id = claim.source_id",
    "claim_state": "JOIN claim_state ON claim_state.claim_id = claim.id",
    "claim_index": "LEFT JOIN claim_index ON claim_index.claim_id = claim.id",
}


def _joins(tables: frozenset[str] | set[str]) -> str:
    return " ".join(join for table, join in _JOINS.items() if table in tables)


def count_claims(rows: Rows, filters: ClaimFilter = ClaimFilter()) -> int:
    """How many claims match ``filters``."""
    # Only the joins the filters need: on 100,000 claims an unfiltered count
    # is an index scan of one table.
    found = where(filters, rows.dialect)
    sql = f"SELECT count(*) FROM claim {_joins(found.tables)} WHERE {found.sql()}"
    return int(rows(sql, found.params)[0][0])


def claim_ids(
    rows: Rows, filters: ClaimFilter = ClaimFilter(), *, offset: int = 0, limit: int = 200
) -> list[int]:
    """The ids of one page of the claims matching ``filters``, in the list's order."""
    found = where(filters, rows.dialect)
    tables = set(found.tables)
    if filters.order in ("status", "verdict", "evidence"):
        tables.add("claim_state")
    sql = (
        f"SELECT claim.id FROM claim {_joins(tables)} WHERE {found.sql()} "
        f"ORDER BY {order_by(filters.order)} LIMIT :limit OFFSET :offset"
    )
    return [int(row[0]) for row in rows(sql, {**found.params, "limit": limit, "offset": offset})]


def _placeholders(prefix: str, values: Sequence[int]) -> tuple[str, dict[str, int]]:
    names = {f"{prefix}{n}": value for n, value in enumerate(values)}
    return ", ".join(f":{name}" for name in names), names


def stale_evidence_of(rows: Rows, claim_ids: Sequence[int]) -> dict[int, str]:
    """For each of ``claim_ids`` with evidence not as linked, its worst state
    (``moved``, ``changed`` or ``gone``); claims whose evidence is current are left out."""
    found: dict[int, str] = {}
    if not claim_ids:
        return found
    rank = {state: n for n, state in enumerate(STALE_ORDER)}
    marks, params = _placeholders("claim", claim_ids)
    sql = f"SELECT * FROM ({STALE_EVIDENCE}) stale WHERE stale.claim_id IN ({marks})"
    for claim_id, state in rows(sql, params):
        if rank[state] >= rank.get(found.get(claim_id, ""), -1):
            found[claim_id] = state
    return found


def sources_per_group(rows: Rows, group_ids: Sequence[int]) -> dict[int, int]:
    """How many sources each group's claims come from."""
    if not group_ids:
        return {}
    marks, params = _placeholders("group", sorted(set(group_ids)))
    sql = (
        "SELECT claim_index.group_id, count(DISTINCT claim.source_id) FROM claim_index "
        "JOIN claim ON claim.id = claim_index.claim_id "
        f"WHERE claim_index.group_id IN ({marks}) GROUP BY claim_index.group_id"
    )
    return {int(group): int(n) for group, n in rows(sql, params)}


def figure_surfaces(rows: Rows, claim_ids: Sequence[int]) -> dict[int, list[str]]:
    """Each claim's figures as written in the sentence, in sentence order."""
    found: dict[int, list[str]] = {}
    if not claim_ids:
        return found
    marks, params = _placeholders("claim", claim_ids)
    sql = (
        "SELECT claim_id, surface FROM claim_quantity "
        f"WHERE claim_id IN ({marks}) ORDER BY claim_id, position"
    )
    for claim_id, surface in rows(sql, params):
        found.setdefault(claim_id, []).append(surface)
    return found


@dataclass(frozen=True)
class FigureRow:
    """What a list shows of a claim's figure (the fields of ``ClaimQuantity`` it reads)."""

    value: float | None
    low: float | None
    high: float | None
    kind: str
    unit: str | None
    approximate: bool


@dataclass(frozen=True)
class ClaimRow:
    """What a list of claims shows of one claim: plain values, no ORM objects."""

    id: int
    text: str
    kind: str
    claimant: str | None
    created_at: datetime
    source_url: str
    status: str
    verdict: str | None
    evidence_count: int
    figures: tuple[FigureRow, ...]
    """The first ``ROW_FIGURES`` figures, in sentence order (as corrected)."""
    group_id: int | None = None
    sources: int = 1
    """How many sources the claim's group was seen in (1 for a claim alone)."""
    stale: str | None = None
    """The worst state of its live evidence when not as linked: moved, changed or gone."""


def describe_page(offset: int, shown: int, total: int | None) -> str:
    """'1-200 of 12,345' style summary; '1-200 of …' before the count."""
    of = "…" if total is None else f"{total:,}"
    return f"0 of {of}" if not shown else f"{offset + 1:,}-{offset + shown:,} of {of}"


@dataclass(frozen=True)
class ClaimRowPage:
    rows: list[ClaimRow]
    total: int | None
    """None: not counted (the page is full; ``count_claims`` says how many)."""
    offset: int
    limit: int

    def describe(self) -> str:
        return describe_page(self.offset, len(self.rows), self.total)


_ROW_COLUMNS = (
    "claim.id, claim.text, claim.kind, claim.claimant, claim.created_at, source.url, "
    "claim_state.status, claim_state.verdict, claim_state.evidence_count, "
    "claim_index.corrections, claim_index.group_id"
)


def claim_rows(
    rows: Rows,
    filters: ClaimFilter = ClaimFilter(),
    *,
    offset: int = 0,
    limit: int = 200,
    total: int | None = None,
) -> ClaimRowPage:
    """One page of claims as plain rows, without counting.

    ``total`` is the caller's count of the matches when it has one (paging
    through the same filters); without it the page's total is known only when
    the page is not full.
    """
    found = where(filters, rows.dialect)
    sql = (
        f"SELECT {_ROW_COLUMNS} FROM claim {_joins(set(_JOINS))} WHERE {found.sql()} "
        f"ORDER BY {order_by(filters.order)} LIMIT :limit OFFSET :offset"
    )
    page = rows(sql, {**found.params, "limit": limit, "offset": offset})
    ids = [row[0] for row in page]
    figures = _row_figures(rows, ids)
    sources = sources_per_group(rows, [row[-1] for row in page if row[-1] is not None])
    stale = stale_evidence_of(rows, ids)
    out = []
    for n, text, kind, who, at, url, status, verdict, evidence, corrections, group in page:
        fixes = json_value(corrections) or {}
        shown = tuple(
            _corrected(row, (fixes.get("figures") or {}).get(str(position)))
            for position, row in enumerate(figures.get(n, ()))
        )
        out.append(
            ClaimRow(
                n,
                (fixes.get("span") or {}).get("text", text),
                kind,
                fixes.get("claimant") if "claimant" in fixes else who,
                utc(at),
                url,
                status,
                verdict,
                evidence,
                shown,
                group,
                sources.get(group, 1) if group is not None else 1,
                stale.get(n),
            )
        )
    if total is None and (len(out) < limit and (out or offset == 0)):
        total = offset + len(out)
    return ClaimRowPage(out, total, offset, limit)


def _row_figures(rows: Rows, claim_ids: Sequence[int]) -> dict[int, list[FigureRow]]:
    figures: dict[int, list[FigureRow]] = {}
    if not claim_ids:
        return figures
    marks, params = _placeholders("claim", claim_ids)
    sql = (
        "SELECT claim_id, value, low, high, kind, unit, approximate FROM claim_quantity "
        f"WHERE claim_id IN ({marks}) AND position < {ROW_FIGURES} "
        "ORDER BY claim_id, position"
    )
    for claim_id, value, low, high, kind, unit, approximate in rows(sql, params):
        row = FigureRow(value, low, high, kind, unit, bool(approximate))
        figures.setdefault(claim_id, []).append(row)
    return figures


def _corrected(row: FigureRow, fix: dict[str, Any] | None) -> FigureRow:
    if not fix:
        return row
    return replace(row, **{k: v for k, v in fix.items() if k in FigureRow.__dataclass_fields__})
