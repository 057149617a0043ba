"""What every report writer is handed: the selection, options and a progress hook."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlmodel import Session

from claims.reports.overview import ReportOverview, read_overview, selection_reviewers
from claims.reports.publisher import Publisher
from claims.reports.selection import PAGE_SIZE, Detail, ReportSelection, iter_claims
from claims.reports.signing import SigningKey
from claims.review.ratings import RatingScale
from db.types import utcnow

Progress = Callable[[int], None]
"""Called after each page with the number of claims written so far."""

FACTDESK_VERSION = "0.1.0"


@dataclass(frozen=True)
class ReportOptions:
    """What a report says beyond its claims."""

    organisation: str = "factdesk"
    """The fact-checking organisation: ClaimReview's author, PROV's responsible agent."""
    scale: RatingScale = field(default_factory=RatingScale)
    publish_url: str | None = None
    """Address the report will be published at (its claims' anchors are #claim-ID)."""
    publisher: Publisher | None = None
    """Who publishes the checks and where: ClaimReview needs it (see :mod:`.publisher`);
    without it the HTML report embeds no ClaimReview."""
    csv_rows: str = "claims"
    """CSV: one row per "claims" or per "quantities"."""
    page_size: int = PAGE_SIZE
    signer: SigningKey | None = None
    """Signs a bundle (and is named in its report); None: the bundle is not signed."""


@dataclass
class ReportJob:
    """One export in progress: where it reads, what it counts."""

    session: Session
    selection: ReportSelection
    options: ReportOptions
    total: int
    progress: Progress | None = None
    generated_at: datetime = field(default_factory=utcnow)
    claims: int = 0
    skipped: int = 0
    """Claims left out of a format that cannot hold them (ClaimReview: no verdict)."""
    left_out: dict[str, list[int]] = field(default_factory=dict)
    """Why claims were left out of ClaimReview (reason -> claim ids)."""
    snapshots: int = 0
    _overview: ReportOverview | None = None

    def pages(self, detail: Detail = Detail.full) -> Iterator[list[dict[str, Any]]]:
        """The selected claims page by page; counts them and reports progress."""
        for page in iter_claims(
            self.session, self.selection, page_size=self.options.page_size, detail=detail
        ):
            yield page
            self.claims += len(page)
            if self.progress is not None:
                self.progress(self.claims)

    def claim_url(self, claim_id: int) -> str:
        """Where a reader finds this claim's review: the publisher's page for it, else
        the published report's anchor."""
        if self.options.publisher is not None:
            return self.options.publisher.review_url(claim_id)
        base = self.options.publish_url or ""
        return f"{base.split('#', 1)[0]}#claim-{claim_id}"

    def leave_out(self, reason: str, claim_id: int) -> None:
        self.skipped += 1
        self.left_out.setdefault(reason, []).append(claim_id)

    def overview(self) -> ReportOverview:
        """The whole selection's counts (one set of aggregate queries, read once)."""
        if self._overview is None:
            self._overview = read_overview(self.session, self.selection)
        return self._overview

    def reviewers(self) -> list[str]:
        return selection_reviewers(self.session, self.selection)

    def header(self) -> dict[str, Any]:
        return {
            "generated_at": self.generated_at.isoformat(),
            "generator": f"factdesk {FACTDESK_VERSION}",
            "organisation": self.options.organisation,
            "selection": self.selection.to_json(),
        }
