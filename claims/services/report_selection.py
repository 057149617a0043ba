"""Report selection: the claims a queue's filters list, as a report selects them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from claims.review.listing import ClaimFilter
from claims.review.queries import list_claims
from db.engine import Database

if TYPE_CHECKING:
    from claims.reports import ReportSelection

EXPORT_PAGE = 1000


def report_selection(
    database: Database, filters: ClaimFilter, *, claim_ids: tuple[int, ...] | None = None
) -> ReportSelection:
    """The report selection that covers exactly the claims ``filters`` list.

    Reports select by source, status and verdict themselves; the queue's other
    filters (kind, words, assignee) are passed as the list of matching ids.
    ``claim_ids`` (the rows a reviewer marked) selects those claims only.
    """
    # Here, not at the top: the reports package is heavy and only exports need it.
    from claims.reports import ReportSelection

    if claim_ids is not None:
        return ReportSelection(claim_ids=claim_ids)
    if not (filters.kind or filters.text or filters.reviewer or filters.claimant):
        return ReportSelection(
            source=filters.source, status=filters.status, verdict=filters.verdict
        )
    ids: list[int] = []
    with database.read() as session:
        offset = 0
        while True:
            page = list_claims(session, filters, offset=offset, limit=EXPORT_PAGE)
            ids.extend(view.claim.id for view in page.rows if view.claim.id is not None)
            offset += EXPORT_PAGE
            if offset >= page.total or not page.rows:
                break
    return ReportSelection(claim_ids=tuple(ids))
