"""The effective claim: what the extractor found, with the reviewers' latest corrections.

Every reader (``show``, JSON listings, the queue, reports, cross-checks)
reads a claim's claimant, sentence and figures through :func:`effective`,
so a correction shows everywhere while the extractor's original stays in the
claim row. ``corrections`` is ``claim_index.corrections``:

    {"claimant": "Name" | None,
     "span": {"start": 10, "end": 80, "text": "..."},
     "figures": {"0": {"value": 5.0, "unit": "pays", ...}}}
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from db.models import Claim, ClaimQuantity

FIGURE_FIELDS: tuple[str, ...] = ("value", "kind", "unit", "low", "high", "hedge")
FIGURE_KINDS: tuple[str, ...] = (
    "count",
    "percent",
    "money",
    "measure",
    "ordinal",
    "duration",
    "date",
    "factor",
)


@dataclass(frozen=True)
class EffectiveClaim:
    text: str
    start: int
    end: int
    claimant: str | None
    quantities: tuple[ClaimQuantity, ...]
    corrected: tuple[str, ...]
    """What reviewers corrected: "claimant", "span", "figure:N"."""


def effective_claimant(claim: Claim, corrections: dict[str, Any]) -> str | None:
    if "claimant" in corrections:
        value = corrections["claimant"]
        return str(value) if value else None
    return claim.claimant


def effective(
    claim: Claim, quantities: Sequence[ClaimQuantity], corrections: dict[str, Any]
) -> EffectiveClaim:
    span = corrections.get("span") or {}
    figures = corrections.get("figures") or {}
    shown: list[ClaimQuantity] = []
    for q in quantities:
        override = figures.get(str(q.position))
        if override:
            # A detached copy: the stored figure is the extractor's and stays as found.
            q = ClaimQuantity.model_validate({**q.model_dump(), **override})
        shown.append(q)
    corrected: list[str] = [name for name in ("claimant", "span") if name in corrections]
    corrected.extend(f"figure:{n}" for n in sorted(figures, key=int))
    return EffectiveClaim(
        text=span.get("text", claim.text),
        start=span.get("start", claim.start),
        end=span.get("end", claim.end),
        claimant=effective_claimant(claim, corrections),
        quantities=tuple(shown),
        corrected=tuple(corrected),
    )
