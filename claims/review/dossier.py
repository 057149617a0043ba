"""A claim's dossier: the claim, its provenance, evidence, verdicts and history.

The one place that gathers everything known about a claim; ``factdesk show``,
the TUI's claim screen and the reports read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from claims.language_choice import choose_language
from claims.review.events import current_verdicts, event_json, history
from claims.review.evidence import EvidenceView, list_evidence
from claims.review.index import rated_twins
from claims.review.queries import ClaimView, get_claim
from claims.text.extraction import ScoreExplanation, explain_claim
from db.models import ClaimQuantity, ReviewEvent


@dataclass(frozen=True)
class Dossier:
    view: ClaimView
    evidence: list[EvidenceView]
    events: list[ReviewEvent]
    verdicts: dict[str | None, dict[str, Any]]
    computed_from: tuple[ClaimQuantity, ...] = ()
    """For a derived claim: the stated figures its total is computed from."""
    rated_twins: tuple[tuple[int, str], ...] = ()
    """(claim id, verdict) of the other claims of its group that are checked and rated."""

    def verdicts_taken_back(self, status: str) -> list[tuple[int, str]]:
        """(claim id, verdict) of the claims, this one first, that moving it to
        ``status`` unrates: a status reaches the whole group, and leaving
        "checked" takes a verdict back."""
        if status == "checked":
            return []
        claim_id, verdict = self.view.claim.id, self.view.verdict
        if claim_id is None or verdict is None or self.view.status != "checked":
            return list(self.rated_twins)
        return [(claim_id, verdict), *self.rated_twins]

    def score_explanation(self) -> ScoreExplanation:
        """Why the claim scored what it did (with the extractor's current weights).

        Computed on demand, not part of `to_json`: reports carry what
        `to_json` gives for every claim, and need the score, not its parts.
        """
        claim = self.view.claim
        return explain_claim(
            claim.text, choose_language(claim.text, claim.language), claim.claimant
        )

    def to_json(self) -> dict[str, Any]:
        # Reports hold exactly these keys: ``computed_from`` stays out, as the
        # figures ``derived_from`` names carry their ids in every listing.
        data = self.view.to_json()
        whole = self.verdicts.get(None)
        data["verdict_detail"] = whole
        data["figure_verdicts"] = {
            target: verdict for target, verdict in self.verdicts.items() if target is not None
        }
        data["evidence"] = [e.to_json() for e in self.evidence]
        data["history"] = [event_json(e) for e in self.events]
        return data


def load_dossier(session: Session, claim_id: int, *, include_removed: bool = True) -> Dossier:
    view = get_claim(session, claim_id)
    events = history(session, claim_id)
    return Dossier(
        view=view,
        evidence=list_evidence(session, claim_id, include_removed=include_removed),
        events=events,
        verdicts=current_verdicts(session, claim_id),
        computed_from=_figures(session, view.claim.derived_from),
        rated_twins=tuple(rated_twins(session, claim_id)) if view.group else (),
    )


def _figures(session: Session, ids: list[int]) -> tuple[ClaimQuantity, ...]:
    if not ids:
        return ()
    rows = session.exec(select(ClaimQuantity).where(col(ClaimQuantity.id).in_(ids))).all()
    by_id = {row.id: row for row in rows}
    return tuple(by_id[i] for i in ids if i in by_id)
