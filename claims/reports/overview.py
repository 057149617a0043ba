"""What a whole selection adds up to, read before its claims are streamed.

A report's summary (counts by status and verdict, re-checks, failing
sources), its page language and PROV's list of agents all describe the whole
selection, yet have to be written before the first claim: each is one
aggregate query here, so no writer needs the claims twice.

"Re-checked since the last report": factdesk keeps no record of the reports
it wrote, so the report window is the selection's ``since`` (give the date of
the previous report); without it, every re-check on record counts. A claim
counts when its status was set to needs_recheck inside the window, by a
refresh that found its ground changed or by a reviewer.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Subquery, Text, case, cast, func, literal, select, union
from sqlmodel import Session, col

from claims.reports.selection import ReportSelection, claim_ids_query, claim_status
from db.models import Claim, ClaimState, Evidence, ReviewEvent, Source
from sources.refresh.states import Health, health_of
from sources.refresh.status import fetch_history

NEEDS_RECHECK = "needs_recheck"

CALM = frozenset(h.value for h in Health if not h.needs_a_human)
"""Stored health that needs no one whatever the source: read in SQL so that only
the few other rows are looked at one by one (:func:`_failing_sources`)."""

RECHECKED_LISTED = 50
"""Re-checked claims and failing sources named one by one; beyond, counted."""


@dataclass(frozen=True)
class FailingSource:
    url: str
    health: str
    reason: str | None = None
    """Why its last check failed (the fetch record's words), as `sources show` gives it."""


@dataclass(frozen=True)
class ReportOverview:
    """The selection as a whole."""

    total: int
    by_status: dict[str, int]
    by_verdict: dict[str | None, int]
    """Rating key (None: no verdict yet; :data:`NEEDS_RECHECK`: a verdict under
    re-check, whatever its rating) -> claims."""
    languages: dict[str | None, int]
    rechecked: int
    """Claims set to needs_recheck inside the report window."""
    rechecked_ids: tuple[int, ...] = ()
    """The first :data:`RECHECKED_LISTED` of them."""
    failing_sources: tuple[FailingSource, ...] = ()
    failing_count: int = 0
    since: str | None = None

    @property
    def language(self) -> str | None:
        """The language most claims are in (ties: the first in alphabetical order)."""
        known = {k: v for k, v in self.languages.items() if k}
        if not known:
            return None
        return min(known, key=lambda lang: (-known[lang], lang))


def read_overview(session: Session, selection: ReportSelection) -> ReportOverview:
    ids = claim_ids_query(selection).subquery()
    in_selection = col(Claim.id).in_(select(ids.c.id))
    status = claim_status()
    by_status = {
        str(s): int(n)
        for s, n in session.execute(
            select(status, func.count())
            .select_from(Claim)
            .outerjoin(ClaimState, col(ClaimState.claim_id) == col(Claim.id))
            .where(in_selection)
            .group_by(status)
        ).all()
    }
    # A rating under re-check is one nobody stands by now: the claim's own section
    # says "verdict under re-check", so the summary counts it as that, not as its rating.
    verdict = case(
        (
            (status == NEEDS_RECHECK) & col(ClaimState.verdict).is_not(None),
            literal(NEEDS_RECHECK),
        ),
        else_=col(ClaimState.verdict),
    )
    by_verdict: dict[str | None, int] = {
        v: int(n)
        for v, n in session.execute(
            select(verdict, func.count())
            .select_from(Claim)
            .outerjoin(ClaimState, col(ClaimState.claim_id) == col(Claim.id))
            .where(in_selection)
            .group_by(verdict)
        ).all()
    }
    languages: dict[str | None, int] = {
        lang: int(n)
        for lang, n in session.execute(
            select(col(Claim.language), func.count())
            .where(in_selection)
            .group_by(col(Claim.language))
        ).all()
    }
    rechecked_query = (
        select(col(ReviewEvent.claim_id))
        .distinct()
        .where(
            col(ReviewEvent.claim_id).in_(select(ids.c.id)),
            col(ReviewEvent.action) == "status",
            # The JSON value's text: the same on SQLite and PostgreSQL.
            cast(col(ReviewEvent.after), Text) == f'"{NEEDS_RECHECK}"',
        )
    )
    if selection.since is not None:
        rechecked_query = rechecked_query.where(col(ReviewEvent.at) >= selection.since)
    rechecked = [int(i) for i in session.execute(rechecked_query).scalars()]
    failing, failing_count = _failing_sources(session, ids)
    return ReportOverview(
        total=sum(by_status.values()),
        by_status=by_status,
        by_verdict=by_verdict,
        languages=languages,
        rechecked=len(rechecked),
        rechecked_ids=tuple(sorted(rechecked)[:RECHECKED_LISTED]),
        failing_sources=failing,
        failing_count=failing_count,
        since=selection.since.isoformat() if selection.since else None,
    )


def _failing_sources(session: Session, ids: Subquery) -> tuple[tuple[FailingSource, ...], int]:
    """Sources of the selection's claims and evidence that need a human.

    The same notion as ``factdesk sources --failing`` (:func:`health_of`,
    :attr:`Health.needs_a_human`): a local source is never failing, whatever
    its row says (rows written before local sources existed say "failing").
    """
    claim_ids = select(ids.c.id)
    used = union(
        select(col(Claim.source_id).label("source_id")).where(col(Claim.id).in_(claim_ids)),
        select(col(Evidence.source_id).label("source_id")).where(
            col(Evidence.claim_id).in_(claim_ids)
        ),
    ).subquery()
    rows = session.execute(
        select(col(Source.id), col(Source.url), col(Source.health))
        .where(col(Source.id).in_(select(used.c.source_id)), col(Source.health).not_in(CALM))
        .order_by(col(Source.url))
    ).all()
    failing = [
        (source_id, url, health)
        for source_id, url, stored in rows
        if (health := health_of(url, stored)).needs_a_human
    ]
    listed = tuple(
        FailingSource(url, health.label, _last_failure(session, source_id))
        for source_id, url, health in failing[:RECHECKED_LISTED]
    )
    return listed, len(failing)


def _last_failure(session: Session, source_id: int) -> str | None:
    # One query per listed source: a report lists a few failing sources at most.
    last = fetch_history(session, source_id, limit=1)
    return last[0].reason if last and last[0].outcome == "failed" else None


def selection_reviewers(session: Session, selection: ReportSelection) -> list[str]:
    """Everyone who acted on the selected claims or added evidence to them, by name."""
    claim_ids = select(claim_ids_query(selection).subquery().c.id)
    names = union(
        select(col(ReviewEvent.reviewer).label("name")).where(
            col(ReviewEvent.claim_id).in_(claim_ids)
        ),
        select(col(Evidence.added_by).label("name")).where(col(Evidence.claim_id).in_(claim_ids)),
    ).subquery()
    return sorted(str(n) for n in session.execute(select(names.c.name)).scalars())
