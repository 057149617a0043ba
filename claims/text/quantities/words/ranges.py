"""Words that join two figures into a range, or make them a change between two.

A range needs two ends of one kind ("entre 10 et 20 %", "from 3 to 5
million"); a change states two figures ("passé de 62 % à 71 %", "climbed 9 per
cent to $2.3 billion"). `claims.text.quantities.ranges` reads these tables.
"""

from __future__ import annotations

from typing import Final

# Openers after which "et"/"and" joins the ends ("entre 10 et 20").
AND_OPENERS: Final[frozenset[str]] = frozenset({"entre", "between"})
AND_JOINERS: Final[frozenset[str]] = frozenset({"et", "and"})
DASH_JOINERS: Final[frozenset[str]] = frozenset({"-", "–", "—"})
# Stems of verbs of change: before "de X à Y" / "from X to Y", or before a
# figure with its own unit and "to" ("rose 9 % to 12 %"), the two figures are
# the old and the new level, not a range.
CHANGE_VERB_STEMS: Final[tuple[str, ...]] = (
    # French
    "pass", "augment", "baiss", "recul", "progress", "grimp", "chut", "diminu", "réduit",
    "hauss", "bondi", "gagn", "perd", "cédé", "envol", "effondr", "fléchi", "monté",
    "descendu", "évolu", "ramen", "port",
    # English
    "rose", "risen", "rising", "rise", "fell", "fallen", "fall", "grew", "grown", "grow",
    "increas", "decreas", "reduc", "cut", "climb", "jump", "drop", "went", "changed",
    "moved", "slid", "plunged", "soared", "surged", "gained", "lost", "declin", "slipp",
    "edged", "tumbl", "leapt", "leaped", "widen", "narrow", "shrank", "shrunk", "expand",
    "rais", "lower", "boost", "slash",
)  # fmt: skip
