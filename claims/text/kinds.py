"""The kinds of claim: ``kind`` in the extraction contract (DESIGN.md).

Apart from ``claims.text.extraction`` so that whatever lists or filters claims can
name the kinds without importing the extractor and its quantity grammars
(a tenth of a second, which the TUI's queue would pay before its first paint).
"""

from __future__ import annotations

from typing import Final, Literal, get_args

ClaimKind = Literal["numeric", "factual", "derived"]
CLAIM_KINDS: Final[tuple[ClaimKind, ...]] = get_args(ClaimKind)
