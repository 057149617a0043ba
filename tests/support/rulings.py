"""Where issue 10 overrules older expectations (../shared/seed/expected-claims.json,
sources/demo/manifest.json).

Those files ask for ordinals that name an event or an instance ("le premier
Sommet", "the second dose", "the first new terminal"); issue 10 rules that such
an ordinal is no figure (claims.text.quantities.ordinals). The sentences must still
be stored: a seed item becomes "a factual claim", a demo item is left out.
"""

from __future__ import annotations

import copy
from typing import Any

# sentence_contains of an ordinal expectation -> why it is no figure
OVERRULED_ORDINALS: dict[str, str] = {
    "premier Sommet": "le premier Sommet names an event",
    "premier Sommet mondial": "le premier Sommet mondial names an event",
    "signed a $2.4bn agreement": "the first new terminal names an instance",
    "Coverage of the second dose rose to 89 per cent": "the second dose names an instance",
}


def overruled(item: dict[str, Any]) -> bool:
    """Is `item` an ordinal expectation that issue 10 rules out?"""
    return item.get("kind") == "ordinal" and item.get("sentence_contains") in OVERRULED_ORDINALS


def as_ruled(expectations: dict[str, Any]) -> dict[str, Any]:
    """Seed expectations with each overruled ordinal turned into "the sentence is
    a factual claim"."""
    out = copy.deepcopy(expectations)
    for group in ("must", "should"):
        out[group] = [
            {"factual": True, "sentence_contains": item["sentence_contains"]}
            if overruled(item)
            else item
            for item in out.get(group, [])
        ]
    return out
