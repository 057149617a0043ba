"""Report selection: the claims a queue's filters list, as a report selects them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from sqlalchemy import select as select_columns
from sqlmodel import col

from claims.review.listing import ClaimFilter
from claims.review.listing import claim_ids as listed_ids  # `claim_ids` is a parameter here
from claims.services.claim_listing import rows_of
from db.engine import Database
from db.models import ClaimIndex

if TYPE_CHECKING:
    from claims.reports import ReportSelection

EXPORT_PAGE = 1000
GROUP_CHUNK = 500
"""Ids per ``IN (...)`` list: well under every engine's limit on bound parameters."""


class NothingSelected(ValueError):
    """The filters list no claim: a report of them would be empty."""


def report_selection(
    database: Database, filters: ClaimFilter, *, claim_ids: tuple[int, ...] | None = None
) -> ReportSelection:
    """The report selection that covers exactly the claims ``filters`` list.

    Reports select by source, status and verdict themselves; the queue's other
    filters are passed as the list of matching ids (NothingSelected when none match).
    ``claim_ids`` (the rows a reviewer marked) selects those claims only. In the
    queue's group view (``filters.per_group``) a row stands for its whole group,
    so each listed or marked claim brings every claim of its group.
    """
    # Here, not at the top: the reports package is heavy and only exports need it.
    from claims.reports import ReportSelection

    if claim_ids is not None:
        if filters.per_group:
            claim_ids = with_their_groups(database, claim_ids)
        return ReportSelection(claim_ids=claim_ids)
    # A report knows none of the queue's own filters (kind, words, assignee,
    # claimant, changed evidence, new since): those pass as the listed ids.
    # A group's other claims may come from other sources: the source filter of a
    # report would leave them out, so the group view selects by ids then.
    by_ids = (
        filters.kind
        or filters.text
        or filters.reviewer
        or filters.claimant
        or filters.evidence_changed
        or filters.since is not None
    )
    if not (by_ids or (filters.per_group and filters.source)):
        return ReportSelection(
            source=filters.source, status=filters.status, verdict=filters.verdict
        )
    ids: list[int] = []
    # Ids only: the listing's own query, no ORM rows and no count per page.
    with rows_of(database) as rows:
        while page := listed_ids(rows, filters, offset=len(ids), limit=EXPORT_PAGE):
            ids.extend(page)
            if len(page) < EXPORT_PAGE:
                break
    if not ids:
        # An empty id list would mean "any claim" to a report.
        raise NothingSelected("no claim matches the queue's filters; nothing to export")
    if filters.per_group:
        return ReportSelection(claim_ids=with_their_groups(database, ids))
    return ReportSelection(claim_ids=tuple(ids))


def with_their_groups(database: Database, claim_ids: Iterable[int]) -> tuple[int, ...]:
    """``claim_ids`` and every other claim of the groups they are in, sorted."""
    found = set(claim_ids)
    wanted = sorted(found)
    with database.read() as session:
        groups: set[int] = set()
        for start in range(0, len(wanted), GROUP_CHUNK):
            chunk = wanted[start : start + GROUP_CHUNK]
            groups.update(
                session.execute(
                    select_columns(col(ClaimIndex.group_id)).where(
                        col(ClaimIndex.claim_id).in_(chunk), col(ClaimIndex.group_id).is_not(None)
                    )
                ).scalars()
            )
        group_ids = sorted(groups)
        for start in range(0, len(group_ids), GROUP_CHUNK):
            chunk = group_ids[start : start + GROUP_CHUNK]
            found.update(
                session.execute(
                    select_columns(col(ClaimIndex.claim_id)).where(
                        col(ClaimIndex.group_id).in_(chunk)
                    )
                ).scalars()
            )
    return tuple(sorted(found))
