"""Hedge vocabulary as data: what each hedge phrase does to a figure's bounds.

A hedge written before a number turns into bounds by its rule:

    rule      approximate  low                 high
    "about"   True         value * (1 - 0.1)   value * (1 + 0.1)   ("environ", "about")
    "near"    True         value * (1 - 0.1)   value               ("près de", "nearly")
    "low"     False        value               None                ("plus de", "more than")
    "high"    False        None                value               ("moins de", "up to")

Approximate collectives ("une cinquantaine", "a dozen") stand for a number
themselves; each row gives (value, low, high). A plural collective
("des centaines", "hundreds") has no point value: value None, low = 2 x the
base, high = 10 x the base ("des centaines" -> [200, 1000]). A collective
followed by a scale ("une dizaine de milliers") multiplies all three.

Ranges ("entre 10 et 20", "from 3 to 4") are recognised in `finder`: value
None, low and high the two ends, hedge the opening word or the joining word.

Elided forms ("près d'un", "plus d'un") are derived from the " de" forms.
"""

from __future__ import annotations

from typing import Final, Literal

from claims.text.quantities.words.fold import with_unaccented

HedgeRule = Literal["about", "near", "low", "high"]

# Relative half-width of the interval an approximator gives.
APPROX_SPREAD: Final = 0.1

HEDGES: Final[dict[str, dict[str, HedgeRule]]] = {
    # French is also read without accents ("pres de", "jusqu'a").
    "fr": with_unaccented(
        {
            "environ": "about",
            "à peu près": "about",
            "quelque": "about",
            "quelques": "about",
            "autour de": "about",
            "approximativement": "about",
            "aux alentours de": "about",
            "de l'ordre de": "about",
            "plus ou moins": "about",
            "grosso modo": "about",
            "pas loin de": "near",
            "près de": "near",
            "presque": "near",
            "quasiment": "near",
            "avoisinant": "near",
            "frôlant": "near",
            "~": "about",
            "env.": "about",
            "plus de": "low",
            "au moins": "low",
            "au-delà de": "low",
            "au delà de": "low",
            "pas moins de": "low",
            "supérieur à": "low",
            "supérieure à": "low",
            "supérieurs à": "low",
            "supérieures à": "low",
            "minimum": "low",
            "au minimum": "low",
            "dépassant": "low",
            "dépasser": "low",
            "dépasse": "low",
            "franchi la barre de": "low",
            "la barre des": "low",
            "plus d'une": "low",
            "moins de": "high",
            "jusqu'à": "high",
            "pas plus de": "high",
            "au plus": "high",
            "au maximum": "high",
            "tout au plus": "high",
            "inférieur à": "high",
            "inférieure à": "high",
            "inférieurs à": "high",
            "inférieures à": "high",
            "maximum": "high",
            "à peine": "high",
            "tout juste": "high",
        }
    ),
    "en": {
        "about": "about",
        "around": "about",
        "roughly": "about",
        "approximately": "about",
        "approx.": "about",
        "some": "about",
        "circa": "about",
        "c.": "about",
        "~": "about",
        "an estimated": "about",
        "estimated": "about",
        "somewhere around": "about",
        "in the region of": "about",
        "of the order of": "about",
        "on the order of": "about",
        "or so": "about",
        "nearly": "near",
        "almost": "near",
        "close to": "near",
        "just under": "near",
        "just shy of": "near",
        "not far from": "near",
        "getting on for": "near",
        "more than": "low",
        "at least": "low",
        "over": "low",
        "upwards of": "low",
        "in excess of": "low",
        "no fewer than": "low",
        "no less than": "low",
        "above": "low",
        "exceeding": "low",
        "greater than": "low",
        "over and above": "low",
        "just over": "low",
        "well over": "low",
        "a minimum of": "low",
        "minimum of": "low",
        "beyond": "low",
        "topping": "low",
        "surpassing": "low",
        "fewer than": "high",
        "less than": "high",
        "up to": "high",
        "under": "high",
        "at most": "high",
        "no more than": "high",
        "below": "high",
        "as many as": "high",
        "as much as": "high",
        "a maximum of": "high",
        "maximum of": "high",
        "not more than": "high",
        "not exceeding": "high",
        "barely": "high",
    },
}

# Words that may stand between a hedge and its figure: "up to an additional
# 15 per cent" is at most 15; "jusqu'à un total de 300" at most 300.
HEDGE_FILLERS: Final[dict[str, tuple[str, ...]]] = {
    "fr": ("un total de", "encore", "un supplément de", "un nouveau", "une nouvelle"),
    "en": ("an additional", "a further", "another", "an extra", "additional", "extra",
           "a total of", "a record", "an estimated"),
}  # fmt: skip

# Collectives: phrase -> (value, low, high); approximate by nature.
COLLECTIVES: Final[dict[str, dict[str, tuple[float, float, float]]]] = {
    "fr": {
        "une dizaine": (10, 8, 12),
        "une douzaine": (12, 10, 14),
        "une quinzaine": (15, 13, 17),
        "une vingtaine": (20, 17, 23),
        "une trentaine": (30, 25, 35),
        "une quarantaine": (40, 35, 45),
        "une cinquantaine": (50, 45, 55),
        "une soixantaine": (60, 55, 65),
        "une centaine": (100, 90, 110),
        "un millier": (1000, 900, 1100),
    },
    "en": {
        "a dozen": (12, 12, 12),
        "half a dozen": (6, 6, 6),
        "a score of": (20, 20, 20),
        "a couple of": (2, 2, 2),
        "a couple": (2, 2, 2),
        "a handful of": (5, 3, 7),
    },
}
# "a dozen" and "a couple" are exact in English; only these French forms are vague.
EXACT_COLLECTIVES: Final[frozenset[str]] = frozenset(
    {"a dozen", "half a dozen", "a score of", "a couple of", "a couple"}
)

# Plural collectives: phrase -> base. Value None, bounds [2 x base, 10 x base].
PLURAL_COLLECTIVES: Final[dict[str, dict[str, float]]] = {
    "fr": {
        "des dizaines": 10,
        "des centaines": 100,
        "des milliers": 1e3,
        "des millions": 1e6,
        "des milliards": 1e9,
        "plusieurs dizaines": 10,
        "plusieurs centaines": 100,
        "plusieurs milliers": 1e3,
        "plusieurs millions": 1e6,
        "plusieurs milliards": 1e9,
        "quelques dizaines": 10,
        "quelques centaines": 100,
        "quelques milliers": 1e3,
        "des dizaines de milliers": 1e4,
        "des centaines de milliers": 1e5,
        "des dizaines de millions": 1e7,
        "des centaines de millions": 1e8,
    },
    "en": {
        "dozens": 12,
        "scores": 20,
        "hundreds": 100,
        "thousands": 1e3,
        "millions": 1e6,
        "billions": 1e9,
        "several hundred": 100,
        "several thousand": 1e3,
        "several million": 1e6,
        "several billion": 1e9,
        "tens of thousands": 1e4,
        "hundreds of thousands": 1e5,
        "tens of millions": 1e7,
        "hundreds of millions": 1e8,
        "several dozen": 12,
        "a few hundred": 100,
        "a few thousand": 1e3,
    },
}


def bounds(rule: HedgeRule, value: float) -> tuple[float | None, float | None, bool]:
    """(low, high, approximate) that `rule` gives a written `value`."""
    if rule == "about":
        lo, hi = value * (1 - APPROX_SPREAD), value * (1 + APPROX_SPREAD)
        return min(lo, hi), max(lo, hi), True
    if rule == "near":
        lo = value * (1 - APPROX_SPREAD)
        return min(lo, value), max(lo, value), True
    if rule == "low":
        return value, None, False
    return None, value, False
