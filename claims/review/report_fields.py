"""What review adds to a report's claims: corrections, groups and evidence freshness.

Reports read claims page by page at the SQL level (``claims.reports``); this
module gives them, for one page of claim ids, the fields ``factdesk show``
has beyond the stored rows, computed the same way (:mod:`.effective`,
:mod:`.freshness`), so that a report says what ``show`` says:

- per claim: ``corrected``, ``original`` and ``group``, and the corrected
  sentence, span, claimant and figures laid over the stored ones;
- per evidence item: ``freshness``, ``changed_at`` and ``now``.

Few claims are corrected, grouped or have re-checked evidence: the queries
read only those rows, a page of claims without any costs two range scans.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, select

from claims.review.effective import FIGURE_FIELDS
from claims.review.freshness import CURRENT, freshness_of
from db.models import ClaimIndex, Evidence, QuoteAnchor, ReviewEvent

CURRENT_JSON = CURRENT.to_json()


@dataclass(frozen=True)
class ReviewFields:
    corrections: dict[int, dict[str, Any]] = field(default_factory=dict)
    groups: dict[int, dict[str, Any]] = field(default_factory=dict)
    """Claim id -> {"id": group, "claims": [ids]}."""
    evidence: dict[int, dict[str, Any]] = field(default_factory=dict)
    """Evidence id -> freshness keys, for evidence that is not current."""

    def claim_keys(self, claim_id: int) -> dict[str, Any]:
        """``corrected``/``original``/``group`` of an uncorrected claim."""
        return {"corrected": [], "original": None, "group": self.groups.get(claim_id)}

    def evidence_keys(self, evidence_id: int) -> dict[str, Any]:
        return self.evidence.get(evidence_id, CURRENT_JSON)

    def apply(self, claim: dict[str, Any]) -> dict[str, Any]:
        """Lay the review fields over a report's claim dict (in place); returns it."""
        claim_id = claim["id"]
        claim.update(self.claim_keys(claim_id))
        fixes = self.corrections.get(claim_id)
        if fixes:
            _correct(claim, fixes)
        for item in claim.get("evidence") or []:
            item.update(self.evidence_keys(item["id"]))
        return claim


def _correct(claim: dict[str, Any], fixes: dict[str, Any]) -> None:
    claim["original"] = {
        "text": claim["text"],
        "start": claim["start"],
        "end": claim["end"],
        "claimant": claim["claimant"],
        "quantities": copy.deepcopy(claim["quantities"]),
    }
    corrected: list[str] = []
    if "claimant" in fixes:
        claim["claimant"] = fixes["claimant"] or None
        corrected.append("claimant")
    if fixes.get("span"):
        span = fixes["span"]
        claim.update(text=span["text"], start=span["start"], end=span["end"])
        corrected.append("span")
    figures = fixes.get("figures") or {}
    for position in sorted(figures, key=int):
        n = int(position)
        if n < len(claim["quantities"]):
            claim["quantities"][n].update(
                {k: v for k, v in figures[position].items() if k in FIGURE_FIELDS}
            )
        corrected.append(f"figure:{n}")
    claim["corrected"] = corrected


def review_fields(session: Session, claim_ids: Sequence[int]) -> ReviewFields:
    """The review fields of one page of claims."""
    if not claim_ids:
        return ReviewFields()
    low, high = min(claim_ids), max(claim_ids)
    wanted = set(claim_ids)
    corrections: dict[int, dict[str, Any]] = {}
    group_of: dict[int, int] = {}
    for claim_id, fixes, group_id in session.exec(
        select(ClaimIndex.claim_id, ClaimIndex.corrections, ClaimIndex.group_id).where(
            col(ClaimIndex.claim_id).between(low, high)
        )
    ).all():
        if claim_id not in wanted:
            continue
        if fixes:
            corrections[claim_id] = dict(fixes)
        if group_id is not None:
            group_of[claim_id] = group_id
    members: dict[int, list[int]] = {}
    if group_of:
        for claim_id, group_id in session.exec(
            select(ClaimIndex.claim_id, ClaimIndex.group_id)
            .where(col(ClaimIndex.group_id).in_(sorted(set(group_of.values()))))
            .order_by(col(ClaimIndex.claim_id))
        ).all():
            assert group_id is not None
            members.setdefault(group_id, []).append(claim_id)
    groups = {
        claim_id: {"id": group_id, "claims": members.get(group_id, [claim_id])}
        for claim_id, group_id in group_of.items()
    }
    return ReviewFields(corrections, groups, _freshness(session, low, high, wanted))


def _freshness(session: Session, low: int, high: int, wanted: set[int]) -> dict[int, Any]:
    anchors: dict[int, list[QuoteAnchor]] = {}
    for anchor in session.exec(
        select(QuoteAnchor)
        .where(
            col(QuoteAnchor.claim_id).between(low, high),
            col(QuoteAnchor.evidence_id).is_not(None),
        )
        .order_by(col(QuoteAnchor.id))
    ).all():
        if anchor.claim_id in wanted and anchor.evidence_id is not None:
            anchors.setdefault(anchor.evidence_id, []).append(anchor)
    if not anchors:
        return {}
    changes: dict[int, list[ReviewEvent]] = {}
    for event in session.exec(
        select(ReviewEvent)
        .where(
            col(ReviewEvent.evidence_id).in_(sorted(anchors)),
            ReviewEvent.action == "evidence_changed",
        )
        .order_by(col(ReviewEvent.version))
    ).all():
        assert event.evidence_id is not None
        changes.setdefault(event.evidence_id, []).append(event)
    out: dict[int, Any] = {}
    for evidence in session.exec(select(Evidence).where(col(Evidence.id).in_(sorted(anchors)))):
        assert evidence.id is not None
        fresh = freshness_of(evidence, anchors[evidence.id], changes.get(evidence.id, []))
        if fresh.state != "current" or fresh.changed_at is not None:
            out[evidence.id] = fresh.to_json()
    return out
