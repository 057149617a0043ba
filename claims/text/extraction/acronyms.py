"""Organisations an article names in full with their acronym: "l'Agence nationale de
la coopération solidaire (ANCS)", later "l'ANCS".

A claimant naming either form is shown as both, "Agence nationale de la
coopération solidaire (ANCS)", so one organisation reads the same on every
claim of the article and a search for either form finds it.
"""

from __future__ import annotations

import re

from claims.text.extraction.names import strip_leading
from claims.text.extraction.textfold import fold
from claims.text.languages.claim_lexicon import Lexicon

# "(ANCS)", "(HCP)", "(ONS)": two to eight capitals, digits allowed after the first.
_ACRONYM = re.compile(r"\(([A-Z][A-Z0-9&]{1,7})\)")
# The full name ends right before the bracket and starts after a mark or a verb's reach.
_BEFORE = re.compile(r"[^,;:()«»“”\"\n.]{3,120}$")
_MAX_NAME_WORDS = 9


def acronym_names(text: str, lexicon: Lexicon) -> dict[str, str]:
    """Acronym and full name (folded to lower case) -> "Full Name (ACRONYM)"."""
    found: dict[str, str] = {}
    for match in _ACRONYM.finditer(text):
        acronym = match.group(1)
        before = _BEFORE.search(text, max(0, match.start() - 120), match.start())
        if before is None:
            continue
        name = _name_ending(before.group().strip(), acronym, lexicon)
        if name is not None:
            shown = f"{name} ({acronym})"
            found.setdefault(acronym.lower(), shown)
            found.setdefault(name.lower(), shown)
    return found


def _name_ending(stretch: str, acronym: str, lexicon: Lexicon) -> str | None:
    """The name at the end of `stretch` whose capitalised words spell `acronym`, or the
    longest tail that starts with a capital and holds the acronym's first letter."""
    words = stretch.split()
    for size in range(min(len(words), _MAX_NAME_WORDS), 0, -1):
        tail = words[-size:]
        first = strip_leading(" ".join(tail[:1]), lexicon.determiners) or ""
        if not first[:1].isupper() or fold(first[:1]) != acronym[0].lower():
            continue
        name = strip_leading(" ".join(tail), lexicon.determiners)
        if len(name.split()) > 1 or name.isupper():
            return name
    return None
