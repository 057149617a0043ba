"""What can be a counted noun after a figure, and what cannot.

"12 new wind farms" counts farms, "40 full-time equivalent posts" counts
posts, "3.000 jeunes formés" counts jeunes; "28 s'est", "3 hier", "300
attended" count nothing. `claims.text.quantities.tails` reads these tables.
"""

from __future__ import annotations

from typing import Final

# The longest run of words read after an English figure to find its plural
# noun ("12 new offshore wind farms").
EN_NOUN_REACH: Final = 4
