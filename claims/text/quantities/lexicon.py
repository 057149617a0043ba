"""Word lists the finder matches after and before a number, per language.

Everything here is data: scale words, currencies, units, duration words,
months, fractions, factors and the small function-word lists that stop a
counted-noun guess. `finder` compiles them into regexes once, at import.
Keys are lower-case unless the case carries meaning ("M", "MW", "mW").
"""

from __future__ import annotations

from typing import Final

from claims.text.quantities.model import QuantityKind


def words(block: str) -> frozenset[str]:
    """A word set written as a whitespace-separated block."""
    return frozenset(block.split())


# Scale words written after digits ("4,2 milliards", "1.5 million", "€10bn").
# French "billion" is 10**12 (long scale); English "billion" is 10**9.
SCALES: Final[dict[str, dict[str, float]]] = {
    "fr": {
        "mille": 1e3,
        "millier": 1e3,
        "milliers": 1e3,
        "million": 1e6,
        "millions": 1e6,
        "milliard": 1e9,
        "milliards": 1e9,
        "md": 1e9,
        "mds": 1e9,
        "mrd": 1e9,
        "mrds": 1e9,
        "billion": 1e12,
        "billions": 1e12,
        "billiard": 1e15,
        "billiards": 1e15,
        "trillion": 1e18,
        "trillions": 1e18,
        "douzaine": 12,
        "douzaines": 12,
    },
    "en": {
        "thousand": 1e3,
        "thousands": 1e3,
        "million": 1e6,
        "millions": 1e6,
        "mn": 1e6,
        "mln": 1e6,
        "billion": 1e9,
        "billions": 1e9,
        "bn": 1e9,
        "bln": 1e9,
        "trillion": 1e12,
        "trillions": 1e12,
        "tn": 1e12,
        "dozen": 12,
        "dozens": 12,
    },
}
# The number grammars the tables of this package hold, one key each: every
# per-language table here and in `words/` has an entry for each of them.
NUMBER_GRAMMARS: Final = tuple(SCALES)
# Endings text2num needs accented: French written without accents is read
# as if it had them ("vingtieme" -> "vingtième", "zero" -> "zéro").
RESTORED_ACCENTS: Final[dict[str, tuple[tuple[str, str], ...]]] = {
    "fr": (
        ("iemes", "ièmes"), ("ieme", "ième"), ("premieres", "premières"),
        ("premiere", "première"), ("zero", "zéro"),
    ),
}  # fmt: skip
# Scale words that text2num does not read after number words: the French long
# scale ("un billion" is 10**12, "un billiard" 10**15) and dozens ("trois
# douzaines" is 36, "two dozen" 24). `tails` reads them after words too.
SCALES_AFTER_WORDS: Final[dict[str, frozenset[str]]] = {
    "fr": frozenset(
        {"billion", "billions", "billiard", "billiards", "trillion", "trillions",
         "douzaine", "douzaines"}
    ),
    "en": frozenset({"dozen", "dozens"}),
}  # fmt: skip
# One-letter scales are only read as scales next to a currency ("$5m", "€10M",
# "10 M DH"): elsewhere "5 m" is five metres.
MONEY_SCALES: Final[dict[str, float]] = {
    "m": 1e6,
    "M": 1e6,
    "b": 1e9,
    "B": 1e9,
    "T": 1e12,
    "K": 1e3,
    "k": 1e3,
}

# Currency written before the figure ("$12.4 billion", "€3.1 million", "USD 5").
CURRENCY_PREFIXES: Final[dict[str, str]] = {
    "US$": "USD",
    "$US": "USD",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "C$": "CAD",
    "CA$": "CAD",
    "A$": "AUD",
    "CHF": "CHF",
    "USD": "USD",
    "EUR": "EUR",
    "GBP": "GBP",
    "MAD": "MAD",
    "JPY": "JPY",
    "CAD": "CAD",
    "₹": "INR",
    "₦": "NGN",
    "R$": "BRL",
    "HK$": "HKD",
    "S$": "SGD",
    "NZ$": "NZD",
    "Rs": "INR",
    "Rs.": "INR",
    "CN¥": "CNY",
    "AU$": "AUD",
    "Dh": "MAD",
    "DH": "MAD",
    **{
        code: code
        for code in (
            "AED AUD BRL CNY DKK DZD EGP HKD ILS INR KES KRW KWD MXN NGN NOK NZD PKR PLN "
            "QAR RUB SAR SEK SGD TND TRY XAF XOF ZAR"
        ).split()
    },
}
# One-letter currency marks glued to an amount with a scale: "N500m", "N2.5bn"
# (Nigerian naira in the Nigerian press). Without a scale "N95" is a name.
LETTER_CURRENCY_PREFIXES: Final[dict[str, str]] = {"N": "NGN"}
# Currency written after the figure; the scale it carries ("300 MDH" is
# 300 million dirhams, the Moroccan press's shorthand).
CURRENCY_SUFFIXES: Final[dict[str, tuple[str, float]]] = {
    "€": ("EUR", 1),
    "euros": ("EUR", 1),
    "euro": ("EUR", 1),
    "eur": ("EUR", 1),
    "$": ("USD", 1),
    "dollars": ("USD", 1),
    "dollar": ("USD", 1),
    "usd": ("USD", 1),
    "dollars américains": ("USD", 1),
    "us dollars": ("USD", 1),
    "£": ("GBP", 1),
    "livres sterling": ("GBP", 1),
    "pounds sterling": ("GBP", 1),
    "gbp": ("GBP", 1),
    "sterling": ("GBP", 1),
    "dh": ("MAD", 1),
    "dhs": ("MAD", 1),
    "dirhams": ("MAD", 1),
    "dirham": ("MAD", 1),
    "mad": ("MAD", 1),
    "mdh": ("MAD", 1e6),
    "mmdh": ("MAD", 1e9),
    "mds dh": ("MAD", 1e9),
    "md dh": ("MAD", 1e9),
    "m dh": ("MAD", 1e6),
    "m€": ("EUR", 1e6),
    "md€": ("EUR", 1e9),
    "mds€": ("EUR", 1e9),
    "mrd€": ("EUR", 1e9),
    "k€": ("EUR", 1e3),
    "m$": ("USD", 1e6),
    "md$": ("USD", 1e9),
    "francs cfa": ("XOF", 1),
    "fcfa": ("XOF", 1),
    "yen": ("JPY", 1),
    "yens": ("JPY", 1),
    "francs suisses": ("CHF", 1),
    "chf": ("CHF", 1),
    "yuans": ("CNY", 1),
    "yuan": ("CNY", 1),
    "roupies": ("INR", 1),
    "rupees": ("INR", 1),
    "dinars": ("DZD", 1),
    "pence": ("GBX", 1),
    "penny": ("GBX", 1),
    # a subunit with no code of its own is read in its currency: "30 cents" is 0.30 USD
    "cents": ("USD", 0.01),
    "us cents": ("USD", 0.01),
    "euro cents": ("EUR", 0.01),
    "centimes d'euro": ("EUR", 0.01),
    "centimes d’euro": ("EUR", 0.01),
    "centimes de dirham": ("MAD", 0.01),
    "hong kong dollars": ("HKD", 1),
    "dollars de hong kong": ("HKD", 1),
    "dollars hongkongais": ("HKD", 1),
    "singapore dollars": ("SGD", 1),
    "dollars de singapour": ("SGD", 1),
    "australian dollars": ("AUD", 1),
    "dollars australiens": ("AUD", 1),
    "canadian dollars": ("CAD", 1),
    "dollars canadiens": ("CAD", 1),
    "new zealand dollars": ("NZD", 1),
    "taiwan dollars": ("TWD", 1),
    "naira": ("NGN", 1),
    "nairas": ("NGN", 1),
    "rand": ("ZAR", 1),
    "rands": ("ZAR", 1),
    "reais": ("BRL", 1),
    "réais": ("BRL", 1),
    "brazilian reais": ("BRL", 1),
    "roubles": ("RUB", 1),
    "rubles": ("RUB", 1),
    "livres égyptiennes": ("EGP", 1),
    "egyptian pounds": ("EGP", 1),
    "dinars tunisiens": ("TND", 1),
    "tunisian dinars": ("TND", 1),
    "dinars algériens": ("DZD", 1),
    "algerian dinars": ("DZD", 1),
    "riyals": ("SAR", 1),
    "saudi riyals": ("SAR", 1),
    "rials saoudiens": ("SAR", 1),
    "dirhams émiratis": ("AED", 1),
    "uae dirhams": ("AED", 1),
    "emirati dirhams": ("AED", 1),
    "indian rupees": ("INR", 1),
    "roupies indiennes": ("INR", 1),
    "pakistani rupees": ("PKR", 1),
    "renminbi": ("CNY", 1),
    "kenyan shillings": ("KES", 1),
    "cfa francs": ("XOF", 1),
    "f cfa": ("XOF", 1),
    "francs cfa bceao": ("XOF", 1),
    "francs cfa beac": ("XAF", 1),
    "south korean won": ("KRW", 1),
    "pesos mexicains": ("MXN", 1),
    "mexican pesos": ("MXN", 1),
    "turkish lira": ("TRY", 1),
    "livres turques": ("TRY", 1),
    "zlotys": ("PLN", 1),
    "shekels": ("ILS", 1),
}
# "pounds" is money only with a scale ("20 million pounds"); otherwise weight.
POUNDS: Final[frozenset[str]] = frozenset({"pounds", "pound", "livres"})

PERCENT_WORDS: Final[frozenset[str]] = frozenset(
    {
        "%",
        "pc",
        "p.c.",
        "pour cent",
        "pour-cent",
        "pourcent",
        "per cent",
        "percent",
        "pct",
        "pour cents",
    }
)
# Percentage points: kind percent, unit "pp".
POINT_WORDS: Final[frozenset[str]] = frozenset(
    {
        "points de pourcentage",
        "point de pourcentage",
        "percentage points",
        "percentage point",
        "pp",
        "pts de pourcentage",
    }
)

# Measure units -> the unit the contract stores (short symbol where one exists).
MEASURE_UNITS: Final[dict[str, str]] = {
    # length
    "km": "km",
    "kilomètres": "km",
    "kilomètre": "km",
    "kilometres": "km",
    "kilometre": "km",
    "kilometers": "km",
    "kilometer": "km",
    "m": "m",
    "mètres": "m",
    "mètre": "m",
    "metres": "m",
    "metre": "m",
    "meters": "m",
    "meter": "m",
    "cm": "cm",
    "centimètres": "cm",
    "centimetres": "cm",
    "centimeters": "cm",
    "mm": "mm",
    "millimètres": "mm",
    "millimetres": "mm",
    "millimeters": "mm",
    "nm": "nm",
    "nanometers": "nm",
    "nanomètres": "nm",
    "nanometres": "nm",
    "µm": "µm",
    "microns": "µm",
    "miles": "mi",
    "mile": "mi",
    "mi": "mi",
    "milles": "mi",
    "feet": "ft",
    "foot": "ft",
    "ft": "ft",
    "pieds": "ft",
    "inches": "in",
    "inch": "in",
    "pouces": "in",
    "yards": "yd",
    # area
    "km²": "km²",
    "km2": "km²",
    "kilomètres carrés": "km²",
    "square kilometers": "km²",
    "square kilometres": "km²",
    "m²": "m²",
    "m2": "m²",
    "mètres carrés": "m²",
    "square metres": "m²",
    "square meters": "m²",
    "sq mi": "sq mi",
    "square miles": "sq mi",
    "ha": "ha",
    "hectares": "ha",
    "hectare": "ha",
    "acres": "acre",
    "acre": "acre",
    # volume
    "m³": "m³",
    "m3": "m³",
    "mètres cubes": "m³",
    "cubic metres": "m³",
    "cubic meters": "m³",
    "km³": "km³",
    "cubic kilometers": "km³",
    "l": "l",
    "L": "l",
    "litres": "l",
    "litre": "l",
    "liters": "l",
    "liter": "l",
    "ml": "ml",
    "cl": "cl",
    "hl": "hl",
    "hectolitres": "hl",
    "gallons": "gal",
    "gallon": "gal",
    "barils": "bbl",
    "barrels": "bbl",
    "barrel": "bbl",
    "bbl": "bbl",
    # mass
    "kg": "kg",
    "kilogrammes": "kg",
    "kilogramme": "kg",
    "kilograms": "kg",
    "kilogram": "kg",
    "kilos": "kg",
    "g": "g",
    "grammes": "g",
    "grams": "g",
    "mg": "mg",
    "milligrammes": "mg",
    "milligrams": "mg",
    "t": "t",
    "tonnes": "t",
    "tonne": "t",
    "tons": "t",
    "ton": "t",
    "quintaux": "q",
    "lb": "lb",
    "lbs": "lb",
    "oz": "oz",
    "ounces": "oz",
    "tpd": "t/d",
    # energy, power
    "mw": "MW",
    "MW": "MW",
    "gw": "GW",
    "GW": "GW",
    "kW": "kW",
    "kw": "kW",
    "W": "W",
    "watts": "W",
    "watt": "W",
    "mégawatts": "MW",
    "megawatts": "MW",
    "gigawatts": "GW",
    "kWh": "kWh",
    "kwh": "kWh",
    "MWh": "MWh",
    "mwh": "MWh",
    "GWh": "GWh",
    "gwh": "GWh",
    "TWh": "TWh",
    "twh": "TWh",
    "Wh": "Wh",
    "eV": "eV",
    "TeV": "TeV",
    "GeV": "GeV",
    "MeV": "MeV",
    "V": "V",
    "volts": "V",
    "kV": "kV",
    "J": "J",
    "joules": "J",
    # temperature
    "°C": "°C",
    "° C": "°C",
    "°F": "°F",
    "degrés Celsius": "°C",
    "degrees Celsius": "°C",
    "degrés": "°",
    "degrees": "°",
    "degree": "°",
    "°": "°",
    "degrees Fahrenheit": "°F",
    "kelvins": "K",
    "km^2": "km²",
    "km^3": "km³",
    "m^2": "m²",
    "m^3": "m³",
    # speed, data, frequency
    "km/h": "km/h",
    "mph": "mph",
    "km/s": "km/s",
    "m/s": "m/s",
    "noeuds": "kn",
    "knots": "kn",
    "GHz": "GHz",
    "MHz": "MHz",
    "Hz": "Hz",
    "Mbps": "Mbit/s",
    "Mb/s": "Mbit/s",
    "Go": "GB",
    "Mo": "MB",
    "To": "TB",
    "GB": "GB",
    "MB": "MB",
    "TB": "TB",
    "kb": "kb",
    "Ko": "kB",
    "kB": "kB",
    "bytes": "B",
    "octets": "B",
    "bits": "bit",
    "exabytes": "EB",
    "gigabytes": "GB",
    "mégaoctets": "MB",
    "gigaoctets": "GB",
    "Gy": "Gy",
    "mGy": "mGy",
    "sigma": "σ",
}
# Unit nouns that "a"/"an" turns into one unit ("a gallon of beer" -> 1 gal,
# "a penny" -> 1 GBX; "a cent" is `ONE_SUBUNIT_WORDS`). Only nouns with no
# idiomatic use: not "a ton of", "a degree", "a foot", "a mile", "a second".
ONE_UNIT_WORDS: Final[dict[str, tuple[QuantityKind, str]]] = {
    "gallon": ("measure", "gal"), "litre": ("measure", "l"), "liter": ("measure", "l"),
    "kilometre": ("measure", "km"), "kilometer": ("measure", "km"),
    "metre": ("measure", "m"), "meter": ("measure", "m"), "kilogram": ("measure", "kg"),
    "kilogramme": ("measure", "kg"), "gram": ("measure", "g"), "hectare": ("measure", "ha"),
    "acre": ("measure", "acre"), "barrel": ("measure", "bbl"), "kilowatt": ("measure", "kW"),
    "megawatt": ("measure", "MW"), "gigawatt": ("measure", "GW"),
    "kibibyte": ("measure", "KiB"), "kilobyte": ("measure", "kB"),
    "megabyte": ("measure", "MB"), "gigabyte": ("measure", "GB"),
    "terabyte": ("measure", "TB"), "penny": ("money", "GBX"),
}  # fmt: skip
# Subunits that "a"/"an" turns into a hundredth of their currency, as "30
# cents" is 0.30 USD: "a cent" -> 0.01 USD.
ONE_SUBUNIT_WORDS: Final[dict[str, tuple[str, float]]] = {"cent": ("USD", 0.01)}
# Units read only when glued to the figure: "-10C", "75F" (the British press's
# temperatures); apart, "10 C" is a grade or a name.
GLUED_UNITS: Final[dict[str, str]] = {"C": "°C", "F": "°F", "K": "K"}

# Durations: the noun is the unit, as written.
DURATION_UNITS: Final[frozenset[str]] = frozenset(
    {
        "an",
        "ans",
        "année",
        "années",
        "mois",
        "semaine",
        "semaines",
        "jour",
        "jours",
        "journées",
        "heure",
        "heures",
        "h",
        "minute",
        "minutes",
        "min",
        "seconde",
        "secondes",
        "décennie",
        "décennies",
        "siècle",
        "siècles",
        "trimestre",
        "trimestres",
        "semestre",
        "semestres",
        "nuits",
        "year",
        "years",
        "yr",
        "yrs",
        "month",
        "months",
        "week",
        "weeks",
        "day",
        "days",
        "hour",
        "hours",
        "hrs",
        "hr",
        "second",
        "seconds",
        "sec",
        "decade",
        "decades",
        "century",
        "centuries",
        "quarter",
        "quarters",
        "nights",
        "weekends",
    }
)
# Adjectives between a number and its noun: "les dix prochaines années".
SKIPPABLE_ADJECTIVES: Final[frozenset[str]] = frozenset(
    {
        "prochain",
        "prochains",
        "prochaine",
        "prochaines",
        "dernier",
        "derniers",
        "dernière",
        "dernières",
        "premiers",
        "premières",
        "nouveaux",
        "nouvelles",
        "nouveau",
        "nouvelle",
        "autres",
        "grands",
        "grandes",
        "petits",
        "petites",
        "principaux",
        "principales",
        "supplémentaires",
        "consécutifs",
        "consécutives",
        "seuls",
        "seules",
        "next",
        "last",
        "past",
        "first",
        "new",
        "other",
        "more",
        "additional",
        "extra",
        "largest",
        "biggest",
        "main",
        "major",
        "consecutive",
        "full",
        "straight",
    }
)

# Words that are never a counted noun (function words, common verbs).
STOPWORDS: Final[dict[str, frozenset[str]]] = {
    "fr": words("""
        de des du la le les l d un une et ou en à au aux sur sous pour par avec sans dans
        chez entre vers contre qui que quoi dont où ce cet cette ces se sa son ses leur leurs
        il elle ils elles on nous vous je tu est sont a ont été était étaient sera seront
        fait font plus moins ne pas y se s c n qu mais donc or ni car comme selon dont
        soit tout tous toute toutes depuis pendant après avant jusqu lors afin ainsi aussi
        déjà encore très trop peu bien fois contre environ près presque seulement sur
        millions milliards mille millier milliers
    """),
    "en": words("""
        of the a an and or in on at to for by with from into onto over under than as is are
        was were be been being has have had will would can could may might shall should
        it its this that these those there their they he she we you i his her our your
        not no yes but so if then per each every up down out about around some all any
        more less most least which who whom whose what when where while after before since
        until during between among also only just very too times
        thousand thousands million millions billion billions trillion
    """),
}

MONTHS: Final[dict[str, dict[str, int]]] = {
    "fr": {
        "janvier": 1,
        "février": 2,
        "fevrier": 2,
        "mars": 3,
        "avril": 4,
        "mai": 5,
        "juin": 6,
        "juillet": 7,
        "août": 8,
        "aout": 8,
        "septembre": 9,
        "octobre": 10,
        "novembre": 11,
        "décembre": 12,
        "decembre": 12,
    },
    "en": {
        "January": 1,
        "February": 2,
        "March": 3,
        "April": 4,
        "May": 5,
        "June": 6,
        "July": 7,
        "August": 8,
        "September": 9,
        "October": 10,
        "November": 11,
        "December": 12,
        "Jan": 1,
        "Feb": 2,
        "Mar": 3,
        "Apr": 4,
        "Jun": 6,
        "Jul": 7,
        "Aug": 8,
        "Sep": 9,
        "Sept": 9,
        "Oct": 10,
        "Nov": 11,
        "Dec": 12,
    },
}

# Factors: verbs of multiplication and the factor they state.
FACTOR_WORDS: Final[dict[str, dict[str, float]]] = {
    "fr": {
        "doublé": 2,
        "doublée": 2,
        "doublés": 2,
        "doublées": 2,
        "doubler": 2,
        "doublent": 2,
        "triplé": 3,
        "triplée": 3,
        "triplés": 3,
        "tripler": 3,
        "triplent": 3,
        "quadruplé": 4,
        "quadruplée": 4,
        "quadrupler": 4,
        "quintuplé": 5,
        "décuplé": 10,
        "décuplée": 10,
        "décupler": 10,
    },
    "en": {
        "doubled": 2,
        "doubling": 2,
        "tripled": 3,
        "tripling": 3,
        "quadrupled": 4,
        "quadrupling": 4,
        "twice": 2,
        "thrice": 3,
        "tenfold": 10,
        "twofold": 2,
        "threefold": 3,
        "fourfold": 4,
        "fivefold": 5,
        "hundredfold": 100,
        "half as many": 0.5,
        "half as much": 0.5,
        "a third as many": 1 / 3,
        "a third as much": 1 / 3,
    },
}
# Multiples named by a noun: "le double de l'an dernier" is a factor of 2 after
# "le"/"du"/"au", when "de" or a clause end follows ("le double langage" is no
# multiple).
FACTOR_NOUNS: Final[dict[str, dict[str, float]]] = {
    "fr": {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5, "décuple": 10},
    "en": {},
}
FACTOR_NOUN_LEADS: Final[dict[str, tuple[str, ...]]] = {
    "fr": ("le", "du", "au", "plus du", "près du", "presque le"),
    "en": (),
}
# Phrases whose following number is a factor: "multiplié par trois", "by a factor of 2".
FACTOR_LEADS: Final[dict[str, tuple[str, ...]]] = {
    "fr": (
        "multiplié par",
        "multipliée par",
        "multipliés par",
        "multipliées par",
        "multiplier par",
        "multiplie par",
        "divisé par",
        "divisée par",
        "diviser par",
    ),
    "en": ("multiplied by", "by a factor of", "a factor of", "divided by"),
}
# Number words that are articles or adjectives unless a unit or a list says otherwise.
ARTICLE_NUMBERS: Final[dict[str, frozenset[str]]] = {
    "fr": frozenset({"un", "une", "uns", "unes"}),
    "en": frozenset({"one", "a", "an"}),
}

# Names and labels a figure completes: "CAC 40", "SBF 120", "Ligue 1", "page
# 12", "Article 49", "Boeing 737". The figure names a thing; nothing to check.
NAME_BEFORE_FIGURE: Final[tuple[str, ...]] = (
    # stock indices
    "CAC", "SBF", "FTSE", "S&P", "Nikkei", "DAX", "MDAX", "TecDAX", "Stoxx", "STOXX",
    "Nasdaq", "NASDAQ", "Dow", "IBEX", "Ibex", "AEX", "BEL", "SMI", "ATX", "OMX", "MIB",
    "Euronext", "Russell", "MSCI", "Fortune", "Kospi", "KOSPI", "Sensex", "Nifty", "MASI",
    "MADEX", "ASX", "TSX", "Wilshire", "Top",
    # products, vehicles, competitions
    "Formula", "Formule", "Windows", "iPhone", "iOS", "Android", "Galaxy", "Pixel",
    "PlayStation", "Xbox", "Boeing", "Airbus", "Ligue", "Liga", "Serie", "Série", "Bundesliga",
    "Covid", "COVID", "Apollo", "Ariane", "Falcon", "Soyouz", "Soyuz", "Euro", "Web",
    # references inside documents and places
    "Article", "article", "Art.", "art.", "alinéa", "Chapter", "chapter", "Chapitre",
    "chapitre", "Section", "section", "Page", "page", "p.", "pp.", "Tome", "tome",
    "Volume", "volume", "Vol.", "vol.", "n°", "N°", "No.", "no.", "numéro", "Numéro",
    "Room", "Gate", "Terminal", "Flight", "Route", "route", "Interstate", "Highway",
    "Episode", "episode", "épisode", "Épisode", "Season", "Saison", "saison",
    # models and versions
    "Model", "Series", "Class", "Type", "Version", "Level", "Phase", "Gen", "Mark",
)  # fmt: skip


# Periods named by a word: "over the next decade" is a duration of 10 years.
# The determiner list keeps titles and names out ("Decade of Action").
PERIOD_WORDS: Final[dict[str, dict[str, tuple[float, str]]]] = {
    "en": {"decade": (10.0, "years"), "century": (100.0, "years")},
    "fr": {"décennie": (10.0, "ans"), "siècle": (100.0, "ans")},
}
PERIOD_LEADS: Final[dict[str, str]] = {
    "en": r"(?:next|past|last|coming|previous|whole|entire|same|a|one|the)",
    "fr": r"(?:prochaine|dernière|derniers?|une|la|cette|toute\s+la|un|le|ce|tout\s+le)",
}
