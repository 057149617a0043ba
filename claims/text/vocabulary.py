"""Bilingual vocabulary as data: which counted nouns, units and terms mean the same thing.

A claim in French and its evidence in English count the same things with other
words ("20.000 coopératives" / "20,347 cooperatives", "une cinquantaine de pays" /
"about 50 countries"). Every word goes through `fold` (lower case, accents off,
light plural/participle stemming), then `concept` maps it to one key shared by
both languages:

    concept("coopératives") == concept("cooperatives") == "cooperative"
    concept("pays") == concept("countries") == "country"
    concept("emplois") == concept("jobs") == "job"
    concept("dirhams") == concept("MAD") == concept("DH") == "MAD"

A word missing from `CONCEPTS` is its own concept once folded, so two spellings
that fold alike still match (tonnes/tonnes, dockers/dockers).

`GENERIC_NOUNS` are head nouns that say nothing about *what* is counted
("12 500 personnes" may be 12,480 jobs): they match any count, like a figure
written without a noun, but only when nothing matches better.

`TERMS` pairs common French and English content words for ranking passages
(sommet/summit, organisé/organised); `STOPWORDS` are left out of term matching.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final, Literal

# concept -> the words (any language, any number) that name it; folded at import.
CONCEPTS: Final[dict[str, tuple[str, ...]]] = {
    # counted nouns
    "cooperative": ("coopérative", "coopératives", "cooperative", "cooperatives", "coop", "coops"),
    "country": ("pays", "country", "countries", "nation", "nations", "état", "états", "state"),
    "job": ("emploi", "emplois", "job", "jobs", "poste", "postes", "post", "posts"),
    "employee": (
        "salarié",
        "salariés",
        "employé",
        "employés",
        "employee",
        "employees",
        "travailleur",
        "travailleurs",
        "worker",
        "workers",
        "effectif",
        "effectifs",
        "staff",
    ),
    "member": ("adhérent", "adhérents", "membre", "membres", "member", "members"),
    "inhabitant": ("habitant", "habitants", "inhabitant", "inhabitants", "resident", "residents"),
    "child": ("enfant", "enfants", "child", "children", "kid", "kids"),
    "school": ("école", "écoles", "school", "schools"),
    "farm": ("exploitation", "exploitations", "ferme", "fermes", "farm", "farms"),
    "case": ("cas", "case", "cases"),
    "dose": ("dose", "doses"),
    "team": ("équipe", "équipes", "team", "teams"),
    "apprentice": ("apprenti", "apprentis", "apprentice", "apprentices"),
    "apprenticeship": ("apprentissage", "apprentissages", "apprenticeship", "apprenticeships"),
    "docker": ("docker", "dockers", "docker", "docker"),
    "call": ("escale", "escales", "call", "calls", "port call", "port calls"),
    "tender": ("appel", "appels", "appel d'offres", "appels d'offres", "tender", "tenders"),
    "delegation": ("délégation", "délégations", "delegation", "delegations"),
    "company": (
        "entreprise",
        "entreprises",
        "société",
        "sociétés",
        "company",
        "companies",
        "firm",
        "firms",
        "business",
        "businesses",
    ),
    "student": (
        "étudiant",
        "étudiants",
        "élève",
        "élèves",
        "student",
        "students",
        "pupil",
        "pupils",
    ),
    "visitor": (
        "visiteur",
        "visiteurs",
        "visitor",
        "visitors",
        "touriste",
        "touristes",
        "tourist",
        "tourists",
    ),
    "household": ("ménage", "ménages", "foyer", "foyers", "household", "households"),
    "death": (
        "mort",
        "morts",
        "décès",
        "death",
        "deaths",
        "victime",
        "victimes",
        "victim",
        "victims",
    ),
    "vessel": ("navire", "navires", "bateau", "bateaux", "ship", "ships", "vessel", "vessels"),
    "region": ("région", "régions", "region", "regions"),
    "city": ("ville", "villes", "city", "cities", "town", "towns", "commune", "communes"),
    # units of measure
    "MW": ("mw", "mégawatt", "mégawatts", "megawatt", "megawatts"),
    "GW": ("gw", "gigawatt", "gigawatts"),
    "km": ("km", "kilomètre", "kilomètres", "kilometre", "kilometres", "kilometer", "kilometers"),
    "ha": ("ha", "hectare", "hectares"),
    "t": ("t", "tonne", "tonnes", "ton", "tons"),
    "TEU": ("evp", "teu", "teus", "conteneur", "conteneurs", "container", "containers"),
    "year": ("an", "ans", "année", "années", "year", "years"),
    "month": ("mois", "month", "months"),
    "day": ("jour", "jours", "day", "days"),
    # currencies (the quantity finder writes ISO codes where it knows them)
    "MAD": ("mad", "dh", "dhs", "dirham", "dirhams"),
    "EUR": ("eur", "€", "euro", "euros"),
    "USD": ("usd", "$", "us$", "dollar", "dollars"),
    "GBP": ("gbp", "£", "livre sterling", "livres sterling", "pound", "pounds", "sterling"),
}

GENERIC_NOUNS: Final[frozenset[str]] = frozenset(
    {
        "personne",
        "personnes",
        "people",
        "person",
        "persons",
        "individu",
        "individus",
        "individual",
        "individuals",
        "unité",
        "unités",
        "unit",
        "units",
        "fois",
        "times",
        # time words a figure can be read with ("10 112 fin 2014"): never a counted noun
        "fin",
        "début",
        "mi",
        "end",
        "start",
        "mid",
    }
)

# Plain content words worth pairing across languages when ranking passages.
TERMS: Final[dict[str, tuple[str, ...]]] = {
    "summit": ("sommet", "sommets", "summit", "summits"),
    "organise": (
        "organisé",
        "organisée",
        "organiser",
        "organise",
        "organised",
        "organized",
        "organize",
    ),
    "alliance": ("alliance", "alliances"),
    "economy": ("économie", "economy", "économique", "economic"),
    "world": ("mondial", "mondiale", "monde", "world", "global"),
    "first": ("premier", "première", "first"),
    "second": ("deuxième", "second"),
    "port": ("port", "ports", "harbour", "harbor"),
    "woman": ("femme", "femmes", "woman", "women"),
    "vaccination": ("vaccination", "vaccinations", "vacciné", "vaccinés", "vaccinated"),
    "coverage": ("couverture", "coverage"),
    "traffic": ("trafic", "traffic", "cargo"),
    "fund": ("fonds", "fund", "funds"),
    "loan": ("prêt", "loan"),
    "agreement": ("accord", "agreement", "contrat", "contract"),
    "power": ("puissance", "capacité", "capacity", "power"),
    "solar": ("solaire", "solar"),
    "rural": ("rural", "rurale", "rurales", "ruraux"),
}

STOPWORDS: Final[frozenset[str]] = frozenset(
    """
    le la les l un une des du de d au aux a à et ou en dans par pour sur avec sans sous
    ce cet cette ces se sa son ses leur leurs nous vous ils elles il elle on qui que qu
    quoi dont où est sont été être avoir ont avait ai as ne pas plus moins très tout tous
    toute toutes aussi mais donc or ni car comme selon entre depuis vers chez y lui eux
    même autre autres aujourd hui c s n m j t
    the a an and or of to in on at by for with from as is are was were be been being has
    have had it its this that these those which who whom what there their they them he she
    his her we our you your not no than then so such into over under about after before
    more most less also but if will would can could may might said says say per cent
    """.split()
)

_PLURAL_ENDINGS: Final = ("ies", "aux", "es", "s", "x")
_STEM_ENDINGS: Final = ("ements", "ement", "ées", "ée", "és", "é", "ed", "ing", "er", "e")
# Apostrophes split words: elisions ("l'Alliance", "d'offres") leave their article apart.
_WORD = re.compile(r"[\w$€£%]+", re.UNICODE)


def strip_accents(text: str) -> str:
    """`text` without combining marks ("coopérative" -> "cooperative")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(word: str) -> str:
    """A word reduced for matching: lower case, no accents, plural and participle
    endings off ("Coopératives" -> "cooperativ", "organised" -> "organis")."""
    w = strip_accents(word.casefold().replace("’", "'")).strip("'")
    if len(w) <= 3:
        return w
    for ending in _PLURAL_ENDINGS:
        if w.endswith(ending) and len(w) - len(ending) >= 3:
            w = w[: -len(ending)] + ("y" if ending == "ies" else "")
            break
    for ending in _STEM_ENDINGS:
        if w.endswith(ending) and len(w) - len(ending) >= 4:
            return w[: -len(ending)]
    return w


def _index(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    index: dict[str, str] = {}
    for key, words in table.items():
        for word in (key, *words):
            index.setdefault(fold(word), key)
    return index


_CONCEPT_INDEX: Final = _index(CONCEPTS)
_TERM_INDEX: Final = _index(TERMS)
_GENERIC: Final = frozenset(fold(w) for w in GENERIC_NOUNS)
_STOP: Final = frozenset(fold(w) for w in STOPWORDS) | STOPWORDS


def concept(unit: str | None) -> str | None:
    """The shared key of a counted noun, unit or currency; None for no noun or a
    generic one ("personnes"). Multi-word units try the whole, then each word for a
    known concept ("active cooperatives" -> "cooperative"), then the first word."""
    if unit is None or not unit.strip():
        return None
    whole = fold(unit.strip())
    if whole in _GENERIC:
        return None
    if whole in _CONCEPT_INDEX:
        return _CONCEPT_INDEX[whole]
    found = [fold(w) for w in _WORD.findall(unit)]
    if not found:
        return whole
    for word in found:
        if word in _CONCEPT_INDEX:
            return _CONCEPT_INDEX[word]
    return None if found[0] in _GENERIC else found[0]


def is_known(unit: str | None) -> bool:
    """True when `unit` (or one of its words) is a noun or unit of `CONCEPTS`."""
    if concept(unit) is None or unit is None:
        return False
    return fold(unit.strip()) in _CONCEPT_INDEX or any(
        fold(w) in _CONCEPT_INDEX for w in _WORD.findall(unit)
    )


def noun_match(a: str | None, b: str | None) -> Literal["same", "unknown", "other"]:
    """Do two counted nouns/units name the same thing?

    "same": one concept. "other": two different concepts both in `CONCEPTS`, or two
    different words neither of which is. "unknown": a side has no noun, a generic
    one, or a word outside `CONCEPTS` facing a known one (the finder sometimes
    reads an adjective as the noun: "40,000 active cooperatives" -> "active").
    """
    ca, cb = concept(a), concept(b)
    if ca is None or cb is None:
        return "unknown"
    if ca == cb:
        return "same"
    return "other" if is_known(a) == is_known(b) else "unknown"


def term_key(word: str) -> str | None:
    """The matching key of a content word for passage ranking; None for a stopword."""
    folded = fold(word)
    if not folded or folded in _STOP or word.casefold() in _STOP or folded.isdigit():
        return None
    if folded in _CONCEPT_INDEX:
        return _CONCEPT_INDEX[folded]
    return _TERM_INDEX.get(folded, folded)


def words(text: str) -> list[str]:
    """The words of `text` (letters, digits, currency signs)."""
    return _WORD.findall(text)
