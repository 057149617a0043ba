"""Figures that label a thing instead of counting it: names ("Paris 13",
"Windows 11"), references ("loi n°2019-222") and list numbers ("1- Vérifier
les sources"). `claims.text.quantities.labels` reads these tables; the names that
end in a figure are `lexicon.NAME_BEFORE_FIGURE`.
"""

from __future__ import annotations

from typing import Final

# Reference marks glued or spaced before a number: "n°2019-222", "No. 5", "#12".
REFERENCE_MARKS: Final[tuple[str, ...]] = ("n°", "nº", "n °", "no.", "nos.", "n.", "#")
