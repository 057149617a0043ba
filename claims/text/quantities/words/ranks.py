"""When an ordinal is a figure: the words that make it rank something measurable.

"le deuxième exportateur mondial", "the country's third-longest bridge", "la
troisième année consécutive" rank or count something a fact-checker can
check; "le premier Sommet", "the first edition", "au premier plan" name an
event, an instance or nothing at all. `claims.text.quantities.ordinals` applies
these tables (the rule is written there).
"""

from __future__ import annotations

from typing import Final

from claims.text.quantities.words.fold import words_with_unaccented

# Nouns that hold a rank by themselves: "le deuxième exportateur", "the third
# largest economy", "au troisième rang", "finished in second place".
RANK_NOUNS: Final[dict[str, frozenset[str]]] = {
    "fr": words_with_unaccented(
        """
        exportateur exportateurs exportatrice producteur producteurs productrice importateur
        importateurs importatrice économie économies puissance puissances employeur employeurs
        fournisseur fournisseurs client clients partenaire partenaires marché marchés
        destination destinations investisseur investisseurs émetteur émetteurs consommateur
        consommateurs contributeur contributeurs bailleur bailleurs créancier créanciers
        rang place places position positions marge poste acheteur acheteurs vendeur vendeurs
        fabricant fabricants opérateur opérateurs constructeur constructeurs pourvoyeur
        employeuse émettrice
    """.split()
    ),
    "en": frozenset(
        """
        exporter exporters producer producers importer importers economy economies power powers
        employer employers supplier suppliers customer customers partner partners market
        markets destination destinations investor investors emitter emitters consumer
        consumers contributor contributors donor donors creditor creditors buyer buyers
        seller sellers maker makers manufacturer manufacturers operator operators place rank
        position spot
    """.split()
    ),
}
# Superlatives after the ordinal: "le deuxième plus grand", "the second most
# populous", "third-largest" (English: any word in -est after a hyphen or a
# space is read as one, plus these).
SUPERLATIVE_WORDS: Final[dict[str, frozenset[str]]] = {
    "fr": frozenset({"plus", "moins", "meilleur", "meilleure", "meilleurs", "meilleures",
                     "pire", "pires"}),
    "en": frozenset({"most", "least", "best", "worst", "biggest", "largest", "ranked"}),
}  # fmt: skip
# Words in -est that are no superlatives: "the first test", "second request".
NOT_SUPERLATIVES: Final[frozenset[str]] = frozenset(
    {"test", "tests", "request", "requests", "interest", "interests", "contest", "contests",
     "protest", "protests", "harvest", "harvests", "quest", "guest", "guests", "forest",
     "forests", "nest", "west", "chest", "rest", "vest", "arrest", "arrests", "inquest",
     "conquest", "manifest", "digest", "behest", "bequest", "unrest", "honest", "modest",
     "earnest", "suggest", "invest", "priest", "priests", "crest", "zest", "pest", "pests"}
)  # fmt: skip
# An ordinal that counts a streak: "la troisième année consécutive", "for the
# fifth straight year", "a second year in a row".
STREAK_WORDS: Final[dict[str, tuple[str, ...]]] = {
    "fr": ("consécutive", "consécutives", "consécutif", "consécutifs", "d'affilée",
           "de suite", "consecutive", "consecutif", "consecutifs", "consecutives"),
    "en": ("consecutive", "straight", "successive", "in a row", "running"),
}  # fmt: skip
# A scope after the noun makes a ranking of a thing that is no event: "la
# deuxième ville du pays", "the third bank in Africa", "le premier port du Royaume".
SCOPES: Final[dict[str, tuple[str, ...]]] = {
    "fr": ("du pays", "du monde", "au monde", "mondial", "mondiale", "mondiaux", "mondiales",
           "d'afrique", "du continent", "africain", "africaine", "du royaume", "d'europe",
           "européen", "européenne", "de la région", "du classement", "au classement",
           "du marché", "de france", "du maroc", "de l'union", "arabe", "du monde arabe"),
    "en": ("in the world", "worldwide", "globally", "in the country", "in africa", "in europe",
           "in the region", "nationally", "on the continent", "of the world", "in the us",
           "in the uk", "in france", "in morocco", "in asia", "on the list", "in the ranking",
           "in the rankings", "in the league"),
}  # fmt: skip
# Nouns that name an event or an instance, never a rank, even with a scope
# after them: "le premier forum mondial", "the first global summit".
EVENT_NOUNS: Final[dict[str, frozenset[str]]] = {
    "fr": words_with_unaccented(
        """
        sommet sommets forum forums édition éditions session sessions conférence conférences
        réunion réunions rencontre rencontres fois round rounds tour tours phase phases étape
        étapes vague vagues dose doses mandat mandats trimestre trimestres semestre semestres
        moitié siècle siècles millénaire anniversaire jour jours semaine semaines mois année
        années an ans journée journées plan ligne lieu temps ministre ministres partie parties
        chapitre chapitres article articles volet volets tranche tranches match matchs manche
        manches tome tomes épisode épisodes saison saisons étage étages arrondissement
        république empire guerre guerres congrès festival festivals salon salons colloque
        séminaire atelier assemblée législature visite visites voyage voyages version versions
        génération générations enfant enfants fils fille filles cas étape acte alinéa
        tentative tentatives essai essais coup volet secteur session seconde secondes
        minute minutes heure heures
    """.split()
    ),
    "en": frozenset(
        """
        summit summits forum forums edition editions session sessions conference conferences
        meeting meetings time times round rounds phase phases stage stages wave waves dose
        doses term terms quarter quarters half halves century centuries millennium anniversary
        day days week weeks month months year years minister ministers part parts chapter
        chapters article articles installment instalment match matches game games leg legs
        volume volumes episode episodes season seasons floor floors war wars congress festival
        visit visits trip trips version versions generation generations child children son
        daughter lady case cases act attempt attempts try tries person people one ones
        amendment amendments second seconds minute minutes hour hours
    """.split()
    ),
}
# A possessive before an ordinal with no noun makes it a noun of its own, an
# instance ("mon premier arrive avant mon deuxième", "his second was a flop").
POSSESSIVES: Final[dict[str, frozenset[str]]] = {
    "fr": frozenset("mon ma mes ton ta tes son sa ses notre nos votre vos leur leurs".split()),
    "en": frozenset("my your his her its our their".split()),
}
# Ordinals that open a sentence as a discourse marker: "First, we thank you."
DISCOURSE_ORDINALS: Final[dict[str, frozenset[str]]] = {
    "fr": frozenset(),
    "en": frozenset({"first", "second", "third", "fourth", "fifth"}),
}
