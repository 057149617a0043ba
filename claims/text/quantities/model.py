"""The value object every quantity finder returns: one figure found in a text.

Its JSON form is the "quantities" item of the claim extraction contract
(DESIGN.md, "Claim extraction contract"); `to_json` emits exactly those keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

QuantityKind = Literal[
    "count", "percent", "money", "measure", "ordinal", "duration", "date", "factor"
]


@dataclass(frozen=True)
class Quantity:
    """One quantity as written in a text, with its hedge turned into bounds.

    `value` is the figure (percents in percent: "50 pc" -> 50.0); it is None
    only for a range written without any point value. `low`/`high` carry the
    bounds a hedge or a range gives ("plus de 40" -> low 40). `start`/`end`
    are code-point offsets of `surface` in the text that was searched.
    """

    value: float | None
    low: float | None
    high: float | None
    kind: QuantityKind
    unit: str | None
    approximate: bool
    hedge: str | None
    surface: str
    start: int
    end: int

    def to_json(self) -> dict[str, Any]:
        """The contract's quantity object, keys in the contract's order."""
        return {
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "kind": self.kind,
            "unit": self.unit,
            "approximate": self.approximate,
            "hedge": self.hedge,
            "surface": self.surface,
            "start": self.start,
            "end": self.end,
        }
