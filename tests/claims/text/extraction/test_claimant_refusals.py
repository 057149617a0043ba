"""Sentences that have no claimant, and candidates that are no speaker.

A wrong speaker costs a fact-checker more than a missing one: narration, the
opening words of a sentence, a clause, a reporting word used as a noun, and
"selon"/"according to" in their other senses ("depending on", "as planned")
give no claimant.
"""

from __future__ import annotations

import pytest

from tests.claims.text.extraction.claimants import claimant_of

FRENCH = [
    "Le Maroc compte 20.000 coopératives.",
    "Les exportations ont reculé de 8 % en 2023.",
    "Le ministère a dépensé 3 millions de dirhams pour la rénovation.",
    "La note de 15 sur 20 a été attribuée à 300 élèves.",
    "Le rapport de 200 pages a été publié mardi.",
    "Les salaires varient de 10 % à 30 % selon les régions.",
    "Selon toute vraisemblance, 40 % des électeurs s'abstiendront.",
    "Il note une hausse de 3 % des ventes en mars.",
    "Les ventes ont augmenté de 5 %, ce qui a permis de recruter 20 personnes.",
    "Le tarif est fixé à 12 euros ou 8 euros selon l'âge.",
    "Les 3.000 jeunes formés ont trouvé un emploi, a-t-on appris.",
    "Une cinquantaine de pays participent, dont 12 pays africains, a-t-on dit.",
    "Près de 700 personnes ont assisté à la conférence de presse du ministre.",
    "La déclaration de 2019 fixait un objectif de 30 %.",
    "Le projet prévoit la construction de 300 logements sociaux.",
    "Près de 8.000 tonnes ont été saisies en 2024, a-t-on appris de source douanière.",
    "Pour 2025, le budget prévoit 12 milliards de dirhams d'investissements.",
    "Les travaux avancent selon le calendrier prévu, avec 80 % du chantier achevé.",
    "Les députés ont adopté le texte par 300 voix contre 12.",
    "Il est estimé que 30 % des forêts ont disparu.",
    # The newspaper's own reckoning is narration.
    "Selon nos informations, 200 postes seront supprimés.",
    "D'après nos calculs, le coût dépasse 2 milliards d'euros.",
    "Selon que le prix dépasse 10 euros ou non, la taxe varie de 5 %.",
]

ENGLISH = [
    "Nearly 400 dockers are due to retire before 2030, which the board says makes it urgent.",
    "The report, published on Monday, runs to 300 pages.",
    "Despite a report that 3,000 jobs were lost, the plant stayed open.",
    "Their claim that 40% of voters agree is false.",
    "The works are progressing according to plan, with 80% of the work done.",
    "Costs vary between 10% and 30% depending on the region.",
    "Told to leave, 300 residents packed their bags.",
    "Said to be the largest in Africa, the plant produces 500 megawatts.",
    "The storm claimed 40 lives in the region.",
    "Police found 300 kg of cocaine in the container.",
    "Costs rose by 12% more than analysts estimate.",
    "The company's 2023 statement listed 14 subsidiaries.",
    "Some 300 reporters attended the press conference on Monday.",
    "Exports rose 4% in May, while imports fell 2%.",
    "Fares will rise by 5% in January, as reported last week.",
    "Analysts polled by Reuters had expected growth of 0.5%.",
    "The plant, said to be the largest in Africa, produces 500 megawatts.",
    "What officials said was that 300 jobs would go.",
    "According to our analysis, 45% of the funds went unspent.",
    # A participle used as an adjective after the opening noun.
    "Cases reported in May rose 12% on the year.",
]


@pytest.mark.parametrize("text", FRENCH, ids=lambda t: t[:40])
def test_french_sentences_without_a_speaker(text: str) -> None:
    assert claimant_of(text, text[:20], "fr") is None


@pytest.mark.parametrize("text", ENGLISH, ids=lambda t: t[:40])
def test_english_sentences_without_a_speaker(text: str) -> None:
    assert claimant_of(text, text[:20], "en") is None


def test_the_opening_clause_is_never_the_speaker() -> None:
    text = "Le Maroc compte désormais 20.000 coopératives, a affirmé jeudi."
    assert claimant_of(text, "20.000", "fr") is None
    text = "Unemployment fell to 4.1% in March, said on Friday."
    assert claimant_of(text, "4.1%", "en") is None


def test_a_clause_is_never_a_claimant() -> None:
    # Whatever the sentence, a stored claimant holds no figure and no verb.
    texts = [
        ("Le Maroc compte désormais 20.000 coopératives, a affirmé jeudi la ministre.", "fr"),
        ("Les prix ont augmenté de 3 %, souligne le rapport publié par l'Insee.", "fr"),
        ("Sales rose 5% and profits fell 2%, the company has said.", "en"),
        ("The plan, which cost $3 million, was approved, said the council.", "en"),
    ]
    for text, lang in texts:
        got = claimant_of(text, text[:15], lang)
        assert got is None or not any(ch.isdigit() for ch in got), got
        words = set((got or "").lower().split())
        assert not words & {"compte", "ont", "rose", "fell", "cost", "was", "augmenté"}, got


def test_a_list_after_the_source_is_not_an_apposition() -> None:
    text = "Selon le ministère, Rabat, Fès et Tanger ont reçu 40 % des fonds."
    assert claimant_of(text, "40 %", "fr") == "le ministère"
