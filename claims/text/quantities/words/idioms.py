"""Idioms whose number words are no figures: "au premier plan", "à la une",
"first of all", "one more minute". A quantity that overlaps one is dropped
(`claims.text.quantities.idioms`). Matched as words, any case, any spacing.
"""

from __future__ import annotations
