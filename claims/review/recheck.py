"""Claim-aware change detection: what a new snapshot of a source means for claims.

Called by the refresh job inside the transaction that stores the new snapshot
(see :func:`sources.refresh.run_pass`'s ``on_new_snapshot``). Three levels:

1. raw body hash: the refresh job only calls here when the body changed;
2. normalised main-text hash: the same article with another timestamp, ad or
   session token re-anchors quotes (offsets may shift) but flags nothing;
3. evidence: every live evidence quote on the source, and every claim's own
   sentence in its article, is re-anchored in the new text
   (:func:`claims.text.anchoring.reanchor`: position, exact text, fuzzy).

Each re-anchoring appends a :class:`QuoteAnchor` row (the evidence and claim
rows keep their original anchors, so every anchor stays on record). A quote
that changed or vanished, or whose figures changed, moves its claim to
``needs_recheck`` with one review event per quote saying how: old and new
text, old and new figures, and for evidence the new cross-check.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlmodel import Session, col, select

from claims.language_choice import FALLBACK, declared_language
from claims.review.events import Change, append, ensure_state, live_evidence_ids
from claims.review.evidence import claim_quantities
from claims.text.anchoring import (
    Anchor,
    Reanchored,
    TextPositionSelector,
    TextQuoteSelector,
    reanchor,
)
from claims.text.crosscheck import crosscheck
from claims.text.languages import language
from claims.text.quantities import Quantity, find_quantities
from db.models import Claim, Evidence, QuoteAnchor, Snapshot, Source
from sources.refresh.normalise import normalised_hash

REVIEWER = "refresh"


@dataclass(frozen=True)
class QuoteChange:
    """One quote whose claim needs a new look, and how it changed."""

    claim_id: int
    evidence_id: int | None
    status: str
    old_text: str
    new_text: str | None
    old_figures: list[dict[str, Any]]
    new_figures: list[dict[str, Any]]
    crosscheck: list[dict[str, Any]] | None

    @property
    def figures_changed(self) -> bool:
        return _values(self.old_figures) != _values(self.new_figures)

    def describe(self, source_url: str) -> str:
        what = f"evidence {self.evidence_id}" if self.evidence_id else "the claim's own sentence"
        if self.status == "vanished":
            how = "is no longer in the page"
        elif self.figures_changed:
            old = ", ".join(f["surface"] for f in self.old_figures) or "none"
            new = ", ".join(f["surface"] for f in self.new_figures) or "none"
            how = f"changed its figures ({old} -> {new})"
        else:
            how = "was reworded"
        return f"{what} at {source_url} {how}"


def _values(figures: Sequence[dict[str, Any]]) -> list[tuple[Any, Any, Any]]:
    return [(f["value"], f["low"], f["high"]) for f in figures]


def _figures(quantities: Sequence[Quantity]) -> list[dict[str, Any]]:
    return [
        {"surface": q.surface, "value": q.value, "low": q.low, "high": q.high, "unit": q.unit}
        for q in quantities
    ]


def _language(*candidates: str | None) -> str:
    return declared_language(*candidates) or FALLBACK


def _anchor_of(exact: str, prefix: str, suffix: str, start: int, end: int) -> Anchor:
    return Anchor(
        TextPositionSelector(start, end), TextQuoteSelector(exact, prefix, suffix), "position", 1.0
    )


def _last_anchor(
    session: Session, claim_id: int, evidence_id: int | None
) -> tuple[QuoteAnchor | None, QuoteAnchor | None]:
    """(latest anchor row, latest row that found the quote) of one quote."""
    rows = session.exec(
        select(QuoteAnchor)
        .where(QuoteAnchor.claim_id == claim_id, QuoteAnchor.evidence_id == evidence_id)
        .order_by(col(QuoteAnchor.id).desc())
    ).all()
    found = next((r for r in rows if r.exact is not None), None)
    return (rows[0] if rows else None), found


def _record(
    session: Session,
    claim_id: int,
    evidence_id: int | None,
    old: Snapshot,
    new: Snapshot,
    result: Reanchored,
) -> None:
    anchor = result.anchor
    session.add(
        QuoteAnchor(
            claim_id=claim_id,
            evidence_id=evidence_id,
            snapshot_id=new.id or 0,
            previous_snapshot_id=old.id or 0,
            status=result.status,
            exact=anchor.quote.exact if anchor else None,
            prefix=anchor.quote.prefix if anchor else None,
            suffix=anchor.quote.suffix if anchor else None,
            start=anchor.position.start if anchor else None,
            end=anchor.position.end if anchor else None,
            method=anchor.method if anchor else None,
            score=result.similarity,
        )
    )


def _recheck_quote(
    session: Session,
    *,
    claim_id: int,
    evidence_id: int | None,
    original: Anchor,
    old: Snapshot,
    new: Snapshot,
    lang: str,
) -> QuoteChange | None:
    latest, found = _last_anchor(session, claim_id, evidence_id)
    start_from = original
    if found is not None and found.exact is not None:
        start_from = _anchor_of(
            found.exact, found.prefix or "", found.suffix or "", found.start or 0, found.end or 0
        )
    result = reanchor(new.text, start_from)
    _record(session, claim_id, evidence_id, old, new, result)
    new_text = result.anchor.quote.exact if result.anchor else None
    numbers = language(lang).numbers
    change = QuoteChange(
        claim_id=claim_id,
        evidence_id=evidence_id,
        status=result.status,
        old_text=start_from.quote.exact,
        new_text=new_text,
        old_figures=_figures(find_quantities(start_from.quote.exact, numbers)),
        new_figures=_figures(find_quantities(new_text, numbers)) if new_text else [],
        crosscheck=None,
    )
    if result.status == "vanished" and latest is not None and latest.status == "vanished":
        return None  # already flagged when it first vanished
    if result.status in ("changed", "vanished") or change.figures_changed:
        return change
    return None


def recheck_snapshot(
    session: Session, source: Source, old: Snapshot, new: Snapshot, *, reviewer: str = REVIEWER
) -> list[QuoteChange]:
    """Re-anchor every quote on ``source`` in ``new``; flag the claims whose ground moved."""
    if old.text_sha256 == new.text_sha256:
        return []
    quiet = normalised_hash(old.text) == normalised_hash(new.text)
    changes: list[QuoteChange] = []
    evidence_rows = session.exec(
        select(Evidence).where(Evidence.source_id == source.id).order_by(col(Evidence.id))
    ).all()
    live: dict[int, set[int]] = {}
    for ev in evidence_rows:
        assert ev.id is not None
        if ev.claim_id not in live:
            live[ev.claim_id] = live_evidence_ids(session, ev.claim_id)
        if ev.id not in live[ev.claim_id]:
            continue
        claim = session.get(Claim, ev.claim_id)
        lang = _language(new.language, old.language, claim.language if claim else None)
        change = _recheck_quote(
            session,
            claim_id=ev.claim_id,
            evidence_id=ev.id,
            original=_anchor_of(ev.exact, ev.prefix, ev.suffix, ev.start, ev.end),
            old=old,
            new=new,
            lang=lang,
        )
        if change is not None:
            checks = crosscheck(claim_quantities(session, ev.claim_id), change.new_text or "", lang)
            changes.append(replace(change, crosscheck=[c.to_json() for c in checks]))
    claims = session.exec(
        select(Claim).where(Claim.source_id == source.id).order_by(col(Claim.id))
    ).all()
    for claim in claims:
        assert claim.id is not None
        change = _recheck_quote(
            session,
            claim_id=claim.id,
            evidence_id=None,
            original=_anchor_of(claim.exact, claim.prefix, claim.suffix, claim.start, claim.end),
            old=old,
            new=new,
            lang=_language(claim.language, new.language),
        )
        if change is not None:
            changes.append(change)
    session.flush()
    if quiet:
        return []
    _flag(session, source, new, changes, reviewer)
    return changes


def _flag(
    session: Session, source: Source, new: Snapshot, changes: Sequence[QuoteChange], reviewer: str
) -> None:
    by_claim: dict[int, list[QuoteChange]] = {}
    for change in changes:
        by_claim.setdefault(change.claim_id, []).append(change)
    for claim_id, quote_changes in by_claim.items():
        state = ensure_state(session, claim_id)
        events = [
            Change(
                "evidence_changed" if c.evidence_id else "source_changed",
                before={"quote": c.old_text, "figures": c.old_figures},
                after={
                    "status": c.status,
                    "quote": c.new_text,
                    "figures": c.new_figures,
                    "crosscheck": c.crosscheck,
                    "snapshot_id": new.id,
                    "source": source.url,
                },
                text=c.describe(source.url),
                evidence_id=c.evidence_id,
            )
            for c in quote_changes
        ]
        updates: dict[str, Any] = {}
        if state.status != "needs_recheck":
            events.append(
                Change(
                    "status",
                    before=state.status,
                    after="needs_recheck",
                    text=f"a new snapshot of {source.url} changed the ground of this claim",
                )
            )
            updates["status"] = "needs_recheck"
        append(
            session,
            claim_id,
            events,
            reviewer=reviewer,
            expected_version=None,
            state_updates=updates,
        )


def flagged_claims(changes: Sequence[QuoteChange]) -> int:
    return len({c.claim_id for c in changes})
