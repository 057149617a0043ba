"""The claim screen's evidence table: which columns, and how wide at a given screen width.

At 120 columns the old fixed widths (4+9+60+40+30) pushed the source off the
right edge and cut the cross-check to 40 characters. Now the id, stance and
source keep their room, the cross-check gets what it needs up to three fifths
of what is left, and the quote takes the rest; the detail dialog (Enter) shows all.
"""

from __future__ import annotations

EVIDENCE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "id"),
    ("stance", "stance"),
    ("quote", "quote"),
    ("check", "cross-check"),
    ("source", "source"),
)
FIXED = {"id": 4, "stance": 9}
SOURCE = (16, 30)
QUOTE_MIN = 20
PADDING = 2  # DataTable's cell padding, each column
CHROME = 6  # scrollbar and the screen's padding


def evidence_widths(screen_width: int, check_needed: int) -> dict[str, int]:
    """Cell widths at ``screen_width`` when the cross-check needs ``check_needed`` characters."""
    room = max(screen_width - CHROME - PADDING * len(EVIDENCE_COLUMNS), 40)
    room -= sum(FIXED.values())
    source = max(SOURCE[0], min(SOURCE[1], room // 6))
    room -= source
    # The cross-check decides the claim; the quote is in full one Enter away.
    check = max(12, min(check_needed, room * 3 // 5, room - QUOTE_MIN))
    quote = max(QUOTE_MIN, room - check)
    return {**FIXED, "quote": quote, "check": check, "source": source}
