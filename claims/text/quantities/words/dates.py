"""Words around figures that make them dates or times of day, not counts.

`claims.text.quantities.dates` reads these tables.
"""

from __future__ import annotations

from typing import Final

# English words before a four-digit year with a noun after it that make the
# figure a year: "the 2024 election", "Morocco's 2030 plan". A count of more
# than a thousand is written with a separator in English ("1,500 employees").
EN_YEAR_DETERMINERS: Final[frozenset[str]] = frozenset(
    {"the", "this", "that", "its", "their", "his", "her", "our", "your", "'s", "’s", "s'"}
)
