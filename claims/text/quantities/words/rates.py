"""Rates: the period or denominator after an amount, kept in its unit.

"$20 million a week" is USD/week, "3 milliards de tonnes chaque année"
t/year, "0,5 mg par litre" mg/l, "500 dollars par habitant" USD/capita.
`claims.text.quantities.rates` reads these tables.
"""

from __future__ import annotations

from typing import Final

from claims.text.quantities.words.fold import with_unaccented

# Words that open a rate before its denominator.
RATE_LEADS: Final[dict[str, tuple[str, ...]]] = {
    "fr": ("par", "chaque", "tous les", "toutes les", "/"),
    "en": ("a", "an", "per", "each", "every", "/"),
}
# Denominator words -> the name the unit carries after its "/".
DENOMINATORS: Final[dict[str, dict[str, str]]] = {
    "fr": with_unaccented({
        "an": "year", "ans": "year", "année": "year", "années": "year", "jour": "day",
        "jours": "day", "journée": "day", "semaine": "week", "semaines": "week", "mois": "month",
        "heure": "h", "heures": "h", "h": "h", "trimestre": "quarter", "minute": "min",
        "seconde": "s", "habitant": "capita", "habitants": "capita", "tête": "capita",
        "personne": "capita", "résident": "capita", "litre": "l", "l": "l", "kilo": "kg",
        "kg": "kg", "kilogramme": "kg", "tonne": "t", "hectare": "ha", "ha": "ha", "km": "km",
        "kilomètre": "km", "ménage": "household", "foyer": "household", "salarié": "employee",
        "élève": "pupil", "m²": "m²", "m2": "m²", "m³": "m³", "baril": "bbl",
    }),
    "en": {
        "year": "year", "years": "year", "annum": "year", "yr": "year", "day": "day",
        "days": "day", "week": "week", "weeks": "week", "month": "month", "months": "month",
        "hour": "h", "hours": "h", "h": "h", "hr": "h", "quarter": "quarter", "minute": "min",
        "second": "s", "capita": "capita", "head": "capita", "person": "capita",
        "inhabitant": "capita", "resident": "capita", "litre": "l", "liter": "l", "l": "l",
        "kilo": "kg", "kg": "kg", "kilogram": "kg", "tonne": "t", "ton": "t", "hectare": "ha",
        "ha": "ha", "km": "km", "kilometre": "km", "kilometer": "km", "mile": "mi",
        "household": "household", "employee": "employee", "pupil": "pupil", "student": "pupil",
        "barrel": "bbl", "square metre": "m²", "square meter": "m²",
    },
}  # fmt: skip
# One word that is a whole rate: "500 millions de dirhams annuels", "20 deaths daily".
RATE_WORDS: Final[dict[str, dict[str, str]]] = {
    "fr": with_unaccented({
        "annuel": "year", "annuels": "year", "annuelle": "year", "annuelles": "year",
        "par an": "year", "l'an": "year", "quotidiens": "day", "quotidiennes": "day",
        "hebdomadaires": "week", "mensuels": "month", "mensuelles": "month",
        "par tête": "capita", "par habitant": "capita",
    }),
    "en": {
        "annually": "year", "yearly": "year", "per annum": "year", "a year": "year",
        "daily": "day", "weekly": "week", "monthly": "month", "per capita": "capita",
        "a head": "capita", "apiece": "capita",
    },
}  # fmt: skip
# Words after the denominator that make it a time reference, not a rate:
# "a week ago", "a year earlier", "l'an dernier", "l'an passé".
NOT_A_RATE_AFTER: Final[dict[str, frozenset[str]]] = {
    "fr": frozenset({"dernier", "dernière", "passé", "passée", "précédent", "précédente",
                     "prochain", "prochaine", "auparavant", "plus"}),
    "en": frozenset({"ago", "earlier", "later", "before", "after", "since", "from", "on",
                     "back", "into", "of", "or", "and"}),
}  # fmt: skip
