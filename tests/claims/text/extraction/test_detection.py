"""Page furniture, questions, instructions, method notes and stories never reach the queue.

Each class has examples that are not claims even with a figure in them, and a
near neighbour that is a claim, so a rule that reaches too far fails too.
"""

from __future__ import annotations

import pytest

from claims.text.extraction import extract_claims
from claims.text.extraction.detection import not_a_claim
from claims.text.extraction.extract import sentence_quantities
from claims.text.languages import language

NOT_CLAIMS = [
    # table rows: the figure means something only under the header
    ("| Agriculture | 12 412 |", "fr", "table-row"),
    # datelines and update times
    ("Publié le 03.04.2021 à 10h12", "fr", "dateline"),
    ("Mis à jour le 15/05/2023 à 09:30", "fr", "dateline"),
    ("Mise à jour : 16 février 2026, après adoption par le conseil régional.", "fr", "dateline"),
    ("May 2, 2024 10:41 AM GMT+1 Updated 2 hours ago", "en", "dateline"),
    ("Saturday 4 May 2024 17:45", "en", "dateline"),
    ("Last updated: 2 March 2026.", "en", "dateline"),
    # bylines, agency credits, embedded posts' signatures, author notes
    ("Par Jean Dupont, à Rabat", "fr", "byline"),
    ("By Sam Whitaker, Chief Sports Writer", "en", "byline"),
    ("(Reporting by Anna Berg; Writing by Tom Weller; Editing by Frances Kerry)", "en", "byline"),
    ("— Jane Doe (@jdoe) May 2, 2021", "en", "byline"),
    ("The writer is a former councillor and runs a bookshop on Bridge Street.", "en", "byline"),
    # photo credits and captions
    ("© Photo : AFP / Fadel Senna", "fr", "photo-credit"),
    ("Photo: Jane Porter/Westbury Echo", "en", "photo-credit"),
    # sharing, subscription, cookies, related links
    (
        "Ce site utilise des cookies pour améliorer votre expérience de navigation.",
        "fr",
        "furniture",
    ),
    ("Partager sur Facebook", "fr", "furniture"),
    ("Télécharger la publication (PDF, 1,2 Mo) · Données au format CSV", "fr", "furniture"),
    ("More than 3,000 readers have already subscribed.", "en", "furniture"),
    ("Related: Five ways to cut your heating bill this winter", "en", "furniture"),
    # numbered instructions and method steps
    ("1- Vérifier les sources", "fr", "instruction"),
    ("2. Contactez les auteurs de la publication", "fr", "instruction"),
    ("1. Turn your thermostat down by one degree.", "en", "instruction"),
    ("1. We compared the post with Home Office data.", "en", "instruction"),
    # notes on method and sources
    ("Les chiffres cités proviennent de l'enquête Revenus fiscaux et sociaux.", "fr", "method"),
    ("Figures are rounded to the nearest whole number.", "en", "method"),
    ("Source : Insee, enquête Emploi 2023.", "fr", "method"),
    ("An earlier version of this article said 24 million kilometres.", "en", "method"),
    # first-person stories
    ("J'habite Marseille depuis vingt ans et il fait de plus en plus chaud.", "fr", "anecdote"),
    ("I have lived in this town for 40 years.", "en", "anecdote"),
    ('"My youngest got her jab in ten minutes," said Claire Hodgson.', "en", "anecdote"),
    # questions, also a quoted one with its speaker
    ("Vrai ou faux : la France compte-t-elle vraiment 10 millions de pauvres ?", "fr", "question"),
    (
        '"How many of the 3,000 jobs will go to locals?" asked its chair, Tom Ashdown.',
        "en",
        "question",
    ),
    # headings
    ("Deux mesures phares", "fr", "heading"),
    ("Une stratégie pour les dix prochaines années", "fr", "heading"),
    ("Rapport annuel 2025 : les chiffres clés", "fr", "heading"),
    ("How we checked this claim:", "en", "heading"),
]

CLAIMS = [
    # a sentence that opens like a byline, a dateline or a list is still read
    ("By Friday, the fund had raised £3m from 1,200 donors.", "en"),
    ("Par ailleurs, le chômage a reculé de 0,3 point au troisième trimestre.", "fr"),
    ("Published in January, the report found that 40% of wells had run dry.", "en"),
    ("1. Unemployment rose to 5.2% in March, the highest rate since 2021.", "en"),
    ("1. Le chômage des jeunes a atteint 18,3 % en 2023.", "fr"),
    ("Entre 2010 et 2020, le nombre de coopératives a doublé.", "fr"),
    # a headline with a statistic in digits, a share or an amount
    ("Renault va supprimer 1.600 postes en France", "fr"),
    ("Government unveils £4bn plan to cut energy bills", "en"),
    # a politician's first person is a claim; a life story is not
    ("« Nous avons créé 200.000 emplois en deux ans », a affirmé le ministre.", "fr"),
    ('"I cut the deficit by £20 billion," the chancellor said.', "en"),
    # cookie and subscription words as the subject of a statistic
    ("Netflix gained 9 million subscribers in the first quarter.", "en"),
    ("La CNIL a infligé une amende de 150 millions d'euros à Google pour ses cookies.", "fr"),
]


@pytest.mark.parametrize(("text", "lang", "cls"), NOT_CLAIMS)
def test_non_claims_are_not_stored_and_say_why(text: str, lang: str, cls: str) -> None:
    reading = language(lang)
    assert not_a_claim(text, reading.claims, sentence_quantities(text, reading)) == cls
    assert extract_claims(text, lang) == []


@pytest.mark.parametrize(("text", "lang"), CLAIMS)
def test_near_neighbours_of_non_claims_stay_numeric_claims(text: str, lang: str) -> None:
    claims = extract_claims(text, lang)
    assert [c.kind for c in claims] == ["numeric"]


def test_a_page_keeps_its_claims_and_drops_its_furniture() -> None:
    page = "\n".join(
        [
            "Vaccination : le cap des 5 millions de doses franchi au Maroc",
            "Par Jean Dupont, à Rabat",
            "Publié le 12 mars 2021 à 18h05",
            "Partager sur Facebook",
            "Plus de 5 millions de doses ont été administrées depuis le 28 janvier, selon le "
            "ministère de la Santé.",
            "Le Royaume occupe ainsi la première place en Afrique pour le nombre de doses.",
            "« Ce sera un succès, j'en suis convaincu », a assuré le ministre.",
            "Lire aussi : Covid-19 : ce que l'on sait du variant britannique",
            "© Photo : AFP / Fadel Senna",
            "Abonnez-vous pour lire la suite de l'article.",
        ]
    )
    texts = [c.text for c in extract_claims(page, "fr")]
    assert texts == [
        "Vaccination : le cap des 5 millions de doses franchi au Maroc",
        "Plus de 5 millions de doses ont été administrées depuis le 28 janvier, selon le "
        "ministère de la Santé.",
        "Le Royaume occupe ainsi la première place en Afrique pour le nombre de doses.",
    ]
