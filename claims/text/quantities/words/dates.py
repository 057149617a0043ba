"""Words around figures that make them dates or times of day, not counts.

`claims.text.quantities.dates` reads these tables.
"""

from __future__ import annotations
