"""The shape of the words that let a part and its share imply a total (data per
language: `DERIVED_WORDS` in each `claims.text.languages` module).

A share is "of a whole" when the words after it name the whole:

- `totality`: markers that say the share is of all of something ("de l'ensemble des",
  "du total des", "of all the", "of the total"); the noun after them may be missing
  ("soit 40 % du total").
- `of_the`: plain "of" ("des", "du", "of the"); a share is then of a whole only when
  an explicit `links` word ties the part to it ("20.000, soit 50 % des coopératives").

A part is tied to its share by `links`, written between them ("20.000, ce qui
représente 50 pc …", "3,000 trainees, or 15% of all …"), or, with the share first,
by `links_back` ("50 % des coopératives, soit 20.000"). A link that starts with a
comma needs it: "3 or 4 per cent" is a range, ", or 4 per cent" a share. `adverbs` may stand between
a link and the share ("représentent désormais 15 %").

The noun phrase of the whole runs to the first `stop` word, punctuation or digit;
its head noun is in the chunk before the first of `prepositions`.
`money_wholes` and `measure_wholes` are head nouns of wholes measured in money or
in a unit: a count cannot be a share of them ("Trois appels d'offres, soit 40 % de
l'enveloppe" implies no number of tenders). `open_wholes` are counted in money as
often as in units or items ("des exportations", "sales"): any amount may be a
share of them. Any other head noun is a whole of counted things.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DerivedLexicon:
    """What one language writes around a part, its share and the whole."""

    totality: tuple[str, ...]
    of_the: tuple[str, ...]
    links: tuple[str, ...]
    links_back: tuple[str, ...]
    adverbs: tuple[str, ...]
    stops: frozenset[str]
    """Words that end the noun phrase of the whole (an elided one ends in ')."""
    prepositions: frozenset[str]
    """Words that end the head chunk of the noun phrase ("coopératives actives | dans …")."""
    money_wholes: frozenset[str]
    measure_wholes: frozenset[str]
    open_wholes: frozenset[str]
    generic_wholes: frozenset[str]
    """Nouns that name a total without saying of what ("total", "ensemble")."""
    of_prefixes: tuple[tuple[str, str], ...]
    """How the "of" before a whole is taken off to name it ("du total" -> "le total")."""
    noun_first: bool
    """The head noun opens the noun phrase (French) or closes its first chunk (English)."""
