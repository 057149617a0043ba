"""The values claim extraction returns: sentences, spans and extracted claims.

`ExtractedClaim.to_json` is the claim object of the extraction contract
(DESIGN.md, "Claim extraction contract"), plus subject, checkworthiness,
fingerprint and spans.

A claim of kind ``derived`` is a figure nobody wrote: a total implied by a part
and its share in its sentence (`claims.text.derived`). It has the sentence's text and
span, the total as its only quantity, `derived_from` the positions of the part
and the share among the quantities of the sentence's own claim, and `reasoning`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from claims.text.kinds import ClaimKind as ClaimKind  # re-exported: the kinds live apart
from claims.text.quantities import Quantity


@dataclass(frozen=True, slots=True)
class Span:
    """Code-point offsets of one occurrence in the article text."""

    start: int
    end: int

    def to_json(self) -> dict[str, int]:
        return {"start": self.start, "end": self.end}


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: `text` is exactly `article[start:end]`."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ExtractedClaim:
    """A checkable assertion found in an article's text.

    `text` is `article[start:end]` for the first occurrence; `spans` lists
    every occurrence in the same text. Quantity offsets are article offsets.
    `claimant` is None for plain narration (the article's own voice).
    `derived_from` and `reasoning` are set on derived claims only.
    """

    text: str
    start: int
    end: int
    spans: tuple[Span, ...]
    kind: ClaimKind
    claimant: str | None
    subject: str | None
    quantities: tuple[Quantity, ...]
    checkworthiness: float
    fingerprint: str
    derived_from: tuple[int, ...] = ()
    reasoning: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The contract's claim object, contract keys first."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "claimant": self.claimant,
            "quantities": [q.to_json() for q in self.quantities],
            "derived_from": list(self.derived_from),
            "reasoning": self.reasoning,
            "subject": self.subject,
            "checkworthiness": self.checkworthiness,
            "fingerprint": self.fingerprint,
            "spans": [s.to_json() for s in self.spans],
        }
