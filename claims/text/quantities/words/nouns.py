"""What can be a counted noun after a figure, and what cannot.

"12 new wind farms" counts farms, "40 full-time equivalent posts" counts
posts, "3.000 jeunes formés" counts jeunes; "28 s'est", "3 hier", "300
attended" count nothing. `claims.text.quantities.tails` reads them, with the `NumberGrammar` of the
language (`not_nouns`, `clitics`, `plural_endings`…).
"""

from __future__ import annotations

from typing import Final

# The longest run of words read after a figure to find its plural noun when the
# noun ends its phrase (`NumberGrammar.noun_ends_phrase`: "12 new offshore wind farms").
LAST_NOUN_REACH: Final = 4
