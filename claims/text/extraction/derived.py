"""Derived totals as claims of their own, beside the claims of their sentence.

Each claim whose sentence ties a part to its share of a whole (`claims.text.derived`)
is followed by one claim of kind ``derived`` per total: the same sentence, span
and claimant, the total as its only figure, `derived_from` the positions of the
part and the share among the sentence claim's quantities, and the reasoning.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from claims.text.derived import DerivedTotal, derived_totals
from claims.text.extraction.model import ExtractedClaim
from claims.text.languages.derived_lexicon import DerivedLexicon

DERIVED_PREFIX = "derived:"
"""Fingerprints of derived claims start with it: a total is never the sentence's claim."""


def with_derived_totals(
    claims: Sequence[ExtractedClaim], words: DerivedLexicon | None
) -> list[ExtractedClaim]:
    """`claims`, each followed by the totals its own sentence implies (none without `words`)."""
    if words is None:
        return list(claims)
    out: list[ExtractedClaim] = []
    for claim in claims:
        out.append(claim)
        if claim.kind == "derived":
            continue
        local = [
            replace(q, start=q.start - claim.start, end=q.end - claim.start)
            for q in claim.quantities
        ]
        out.extend(
            _derived_claim(claim, total) for total in derived_totals(local, claim.text, words)
        )
    return out


def _derived_claim(claim: ExtractedClaim, total: DerivedTotal) -> ExtractedClaim:
    part, share = total.derived_from
    return replace(
        claim,
        kind="derived",
        subject=total.whole,
        quantities=(total.as_quantity(claim.start),),
        fingerprint=f"{DERIVED_PREFIX}{claim.fingerprint}:{part}-{share}",
        derived_from=total.derived_from,
        reasoning=total.reasoning,
    )
