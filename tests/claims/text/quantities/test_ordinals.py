"""An ordinal is a figure only when it ranks or counts something measurable.

"le deuxième exportateur mondial" can be checked against a ranking; "le
premier Sommet" names an event and "au premier plan" is an idiom: a figure
1 there would be noise in a fact-checker's queue.
"""

from __future__ import annotations

import pytest

from claims.text.quantities import find_quantities

# text, lang, rank
RANKS = [
    ("Le Maroc est le deuxième exportateur mondial de phosphates.", "fr", 2),
    ("Kénitra est le premier port exportateur d'agrumes du Royaume.", "fr", 1),
    ("Casablanca est la première ville du pays.", "fr", 1),
    ("Tanger est la deuxième ville la plus peuplée.", "fr", 2),
    ("C'est la troisième économie d'Afrique.", "fr", 3),
    ("la 3e économie du continent", "fr", 3),
    ("Le pays se hisse au cinquième rang mondial.", "fr", 5),
    ("Le groupe est le deuxième plus grand employeur privé.", "fr", 2),
    ("Pour la troisième année consécutive, les ventes ont baissé.", "fr", 3),
    ("Elle a terminé troisième.", "fr", 3),
    ("The bridge is the country's third-longest, at 2.4 km.", "en", 3),
    ("Morocco is the world's second-largest phosphate exporter.", "en", 2),
    ("It is the third largest economy in Africa.", "en", 3),
    ("Nigeria is the continent's biggest oil producer and the fourth biggest in OPEC.", "en", 4),
    ("the second most populous city", "en", 2),
    ("Prices fell for the fifth straight year.", "en", 5),
    ("For the second year in a row, exports fell.", "en", 2),
    ("She finished third.", "en", 3),
    ("Lagos is the third bank in Africa by assets.", "en", 3),
]


@pytest.mark.parametrize(("text", "lang", "rank"), RANKS)
def test_an_ordinal_that_ranks_is_a_figure(text: str, lang: str, rank: float) -> None:
    ordinals = [q for q in find_quantities(text, lang) if q.kind == "ordinal"]
    assert [q.value for q in ordinals] == [rank]


NOT_FIGURES = [
    ("Le premier Sommet Pact for Impact s'ouvre à Paris.", "fr"),
    ("Le premier forum régional se tiendra à Rabat.", "fr"),
    ("La première édition a eu lieu à Lyon.", "fr"),
    ("La deuxième session du conseil.", "fr"),
    ("C'est la première fois que le pays exporte.", "fr"),
    ("Au 3e trimestre, la croissance ralentit.", "fr"),
    ("Au XXe siècle, sous la Ve République.", "fr"),
    ("Le projet est au premier plan.", "fr"),
    ("Les soignants sont en première ligne.", "fr"),
    ("En premier lieu, il faut vérifier.", "fr"),
    ("Le Premier ministre a parlé.", "fr"),
    ("Mon premier arrive avant mon deuxième et mon troisième.", "fr"),
    ("Il a été le premier à signer.", "fr"),
    ("Un douzième essai a échoué.", "fr"),
    ("Le deuxième tour aura lieu dimanche.", "fr"),
    ("Elle vit dans le 13e arrondissement.", "fr"),
    ("The first summit was held in Paris.", "en"),
    ("The first edition drew 300 visitors.", "en"),
    ("First of all, we thank the organisers.", "en"),
    ("First, we thank the organisers.", "en"),
    ("The second Lagrangian point is far away.", "en"),
    ("Concepts for advanced 21st-century telescopes.", "en"),
    ("We are in the 21st century.", "en"),
    ("He was the first to arrive.", "en"),
    ("She won a second term.", "en"),
    ("The first lady spoke.", "en"),
    ("Growth slowed in the third quarter.", "en"),
    ("For the first time, exports fell.", "en"),
    ("He bought it second-hand.", "en"),
]


@pytest.mark.parametrize(("text", "lang"), NOT_FIGURES)
def test_an_ordinal_that_names_an_event_or_an_instance_is_no_figure(text: str, lang: str) -> None:
    assert "ordinal" not in {q.kind for q in find_quantities(text, lang)}


def test_a_list_of_ordinals_reads_as_written() -> None:
    qs = find_quantities("Premier, deuxième, troisième.", "fr")
    assert [(q.kind, q.value) for q in qs] == [("ordinal", 1), ("ordinal", 2), ("ordinal", 3)]


def test_the_other_figures_of_an_event_sentence_stay() -> None:
    qs = find_quantities("The first edition drew 300 visitors in 2019.", "en")
    assert [(q.kind, q.value) for q in qs] == [("count", 300), ("date", 2019)]
