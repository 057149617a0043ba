"""Shares of a whole written in words: which words make one and what they are worth.

A share is a percent (DESIGN.md): "un cinquième des ménages" is 20, "deux
tiers" 66.67, "one in five" 20. `claims.text.quantities.shares` reads these tables.
"""

from __future__ import annotations

from typing import Final

# With these, a numerator above one makes a share only over a base that
# states a rate ("sept sur dix", "three out of four"); over another whole it is
# a part and its whole, two counts ("neuf régions sur douze"). "in" always
# states a rate ("two in five").
RATIO_WORDS_NEEDING_A_BASE: Final[frozenset[str]] = frozenset({"sur", "out of"})
RATE_BASES: Final[frozenset[int]] = frozenset({2, 3, 4, 5, 10, 100, 1000})
