"""What an index keeps of a text for matching, and the name of what found it.

An index keeps each text's key terms and figures so a match reads them instead
of finding them again. They are valid only for the analysis that found them:
`analyser()` names it, from the key-term tables (`keys.KEYS_DIGEST`) and from
the figures `find_quantities` finds in a few probe sentences, so a change to
either (a new hedge, a new number word) gives another name and the index finds
them again.
"""

from __future__ import annotations

import hashlib
import json
from functools import cache
from typing import Final

from claims.text.languages import SUPPORTED
from claims.text.matching.keys import KEYS_DIGEST
from claims.text.quantities import Quantity, find_quantities

_PROBES: Final = (
    "Le Maroc compte plus de 20.000 coopératives, soit 50 pc de l'ensemble du monde arabe.",
    "Une cinquantaine de pays, un tiers des ménages, 3,5 milliards de dirhams en 2019.",
    "Prices rose 9 % to $2.3 billion, more than twice as many as the 40,000 reported in 2019.",
    "Nearly two in five adults, about 1.2 million tonnes a year, up from 60 per cent.",
)


@cache
def analyser() -> str:
    """The name of today's analysis (40 characters), kept beside what it found."""
    found = [
        [q.to_json() for q in find_quantities(probe, grammar)]
        for grammar in sorted(SUPPORTED)
        for probe in _PROBES
    ]
    digest = hashlib.sha256(f"{KEYS_DIGEST}:{json.dumps(found, sort_keys=True)}".encode())
    return "m1-" + digest.hexdigest()[:37]


def figures_json(quantities: list[Quantity]) -> str:
    """Figures as an index keeps them."""
    return json.dumps([q.to_json() for q in quantities], ensure_ascii=False)


def figures_from_json(kept: str) -> list[Quantity]:
    """Figures as `figures_json` kept them."""
    return [Quantity(**item) for item in json.loads(kept)]
