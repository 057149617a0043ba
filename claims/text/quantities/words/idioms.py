"""Idioms whose number words are no figures: "au premier plan", "à la une",
"first of all", "one more minute". A quantity that overlaps one is dropped
(`claims.text.quantities.idioms`). Matched as words, any case, any spacing.
"""

from __future__ import annotations

from typing import Final

IDIOMS: Final[dict[str, tuple[str, ...]]] = {
    "fr": (
        "au premier plan", "en première ligne", "en premier lieu", "en second lieu",
        "au premier abord", "de premier ordre", "de second ordre", "de premier plan",
        "de première main", "de seconde main", "de première nécessité", "premier venu",
        "première venue", "à la une", "à la une de", "de deux choses l'une", "un à un",
        "une à une", "l'un après l'autre", "une fois pour toutes", "quatre à quatre",
        "tiers-monde", "tiers monde", "tiers payant", "tiers-payant", "tiers état",
        "quart de finale", "quarts de finale", "huitième de finale", "huitièmes de finale",
        "seizièmes de finale", "demi-finale", "demi-finales", "deux poids deux mesures",
        "d'une pierre deux coups", "se mettre en quatre", "trente-six chandelles",
        "tous les trente-six du mois", "à deux pas", "en un clin d'œil", "au septième ciel",
        "de seconde zone", "en premier", "en dernier", "au premier chef", "premier rôle",
        "premiers secours", "premier plan", "première ligne", "à la première personne",
        "au second plan", "second degré", "au second degré", "premier degré",
        "au premier degré", "sans deux", "jamais deux sans trois", "une fois n'est pas coutume",
        "pas une seule", "pas un seul", "pas un", "pas une", "les uns", "les unes", "l'un",
        "l'une", "c'est l'un", "cinq sur cinq", "dix sur dix",
    ),
    "en": (
        "first of all", "at first", "first-hand", "firsthand", "first aid", "first lady",
        "first things first", "in the first place", "first and foremost", "first-rate",
        "second-hand", "secondhand", "second to none", "second thoughts", "second thought",
        "on second thought", "second opinion", "second nature", "second-guess",
        "one more minute", "one more second", "one more time", "one more thing", "one more",
        "one day", "one by one", "one another", "one or two", "one of these days",
        "at once", "all at once", "once and for all", "number one", "in one go",
        "one-off", "one-on-one", "one-to-one", "one-sided", "nine to five", "nine-to-five",
        "twenty-four seven", "the first person", "first-person", "in the first instance",
        "seventh heaven", "at sixes and sevens", "on all fours", "high five", "take five",
        "a million thanks", "a thousand thanks", "catch-22", "catch 22", "ten to one",
    ),
}  # fmt: skip
