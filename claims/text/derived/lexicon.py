"""Words that let a part and its share imply a total, as data, per language.

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
from typing import Final


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


# Apostrophes: both ' and ’ are accepted wherever a pattern writes '.
FRENCH: Final = DerivedLexicon(
    totality=(
        "de l'ensemble des",
        "de l'ensemble du",
        "de l'ensemble de la",
        "de l'ensemble de l'",
        "de l'ensemble",
        "du total des",
        "du total du",
        "du total de la",
        "du total de l'",
        "du total",
        "de la totalité des",
        "de la totalité du",
        "de la totalité de la",
        "de la totalité de l'",
        "du nombre total des",
        "du nombre total de",
        "du nombre total d'",
        "du montant total des",
        "du montant total du",
        "du montant total de la",
        "du montant total de l'",
        "du montant total",
        "de tous les",
        "de toutes les",
    ),
    of_the=("des", "du", "de la", "de l'", "d'"),
    links=(
        "ce qui représente",
        "ce qui équivaut à",
        "ce qui correspond à",
        "qui représentent",
        "qui représente",
        "représentant",
        "représentent",
        "représente",
        "constituent",
        "constitue",
        "correspondant à",
        "correspondent à",
        "correspond à",
        "équivalant à",
        "équivalent à",
        "soit",
        ", c'est-à-dire",
        ", ou",
    ),
    links_back=("soit", ", c'est-à-dire", ", ou"),
    adverbs=("désormais", "aujourd'hui", "déjà", "actuellement", "à eux seuls", "à elles seules"),
    stops=frozenset(
        """
        qui que qu' lorsqu' puisqu' jusqu' dont où et ou mais selon a ont est sont sera
        seront était étaient soit ce cette ces il elle ils elles eux celles ceux entre
        contre depuis
        """.split()
    ),
    prepositions=frozenset("de du des d' la le les l' dans en au aux à sur pour par avec".split()),
    money_wholes=frozenset(
        """
        budget budgets enveloppe enveloppes montant montants coût coûts dépense dépenses
        recette recettes pib chiffre investissement investissements financement financements
        dette dettes revenu revenus subvention subventions crédit crédits prêt prêts fonds
        capital somme sommes facture factures épargne masse
        """.split()
    ),
    measure_wholes=frozenset(
        """
        capacité capacités puissance superficie surface surfaces consommation
        électricité énergie volume volumes poids longueur distance émissions
        """.split()
    ),
    open_wholes=frozenset(
        """
        production productions exportations importations ventes achats commandes
        échanges récolte récoltes
        """.split()
    ),
    generic_wholes=frozenset({"total", "ensemble", "totalité"}),
    of_prefixes=(
        ("de l'", "l'"),
        ("de l’", "l’"),
        ("de la ", "la "),
        ("du ", "le "),
        ("des ", "les "),
        ("de ", ""),
        ("d'", ""),
        ("d’", ""),
    ),
    noun_first=True,
)

ENGLISH: Final = DerivedLexicon(
    totality=(
        "of all the",
        "of all",
        "of the total number of",
        "of the total amount of",
        "of the total",
        "of total",
        "of the entire",
        "of the whole",
    ),
    of_the=("of the", "of its", "of their", "of"),
    links=(
        "which represents",
        "which represent",
        "which is",
        "which are",
        "representing",
        "represents",
        "represent",
        "accounting for",
        "accounts for",
        "account for",
        "making up",
        "makes up",
        "make up",
        "equal to",
        ", or",
        ", i.e.",
        ", that is",
    ),
    links_back=(", or", ", i.e.", ", that is"),
    adverbs=("now", "already", "currently", "alone", "roughly", "some"),
    stops=frozenset(
        """
        which that who whom whose and or but is are was were has have had will would
        said says according as since them those these it this what whatever one ones
        """.split()
    ),
    prepositions=frozenset("of in on at for from by with across to the a an".split()),
    money_wholes=frozenset(
        """
        budget budgets cost costs spending expenditure expenditures revenue revenues gdp
        turnover investment investments funding financing debt debts income amount sum
        bill funds capital loan loans grant grants
        """.split()
    ),
    measure_wholes=frozenset(
        """
        capacity power area surface consumption electricity energy volume weight length
        distance emissions
        """.split()
    ),
    open_wholes=frozenset(
        """
        output production exports imports sales purchases orders trade harvest harvests
        """.split()
    ),
    generic_wholes=frozenset({"total", "whole"}),
    of_prefixes=(("of ", ""),),
    noun_first=False,
)

LEXICONS: Final[dict[str, DerivedLexicon]] = {"fr": FRENCH, "en": ENGLISH}


def lexicon_for(lang: str) -> DerivedLexicon | None:
    """The words of `lang`, or None for a language without them (no totals derived)."""
    return LEXICONS.get(lang)
