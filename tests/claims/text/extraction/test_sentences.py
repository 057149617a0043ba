"""Sentence segmentation: abbreviations, quotations, numbers, paragraphs, exact offsets."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claims.text.extraction import split_sentences


def texts(text: str, lang: str) -> list[str]:
    return [s.text for s in split_sentences(text, lang)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mme Dupont est arrivée. M. Martin l'a reçue. MM. Durand et Petit étaient là.",
            ["Mme Dupont est arrivée.", "M. Martin l'a reçue.", "MM. Durand et Petit étaient là."],
        ),
        (
            "SM le Roi a reçu le Dr. Alami hier. Le Pr. Benali aussi.",
            ["SM le Roi a reçu le Dr. Alami hier.", "Le Pr. Benali aussi."],
        ),
        (
            "Il habite à St. Malo depuis 3.5 ans. Voilà.",
            ["Il habite à St. Malo depuis 3.5 ans.", "Voilà."],
        ),
        (
            "Le pays compte 20.000 coopératives, soit 1,5 % du total. Elles emploient 3 000 gens.",
            [
                "Le pays compte 20.000 coopératives, soit 1,5 % du total.",
                "Elles emploient 3 000 gens.",
            ],
        ),
        (
            "« C'est fini ! », a déclaré Mme Elmoussali. Puis elle est partie.",
            ["« C'est fini ! », a déclaré Mme Elmoussali.", "Puis elle est partie."],
        ),
        (
            "« Nous avons réussi. » a dit le ministre. Il a ensuite quitté la salle.",
            ["« Nous avons réussi. » a dit le ministre.", "Il a ensuite quitté la salle."],
        ),
        (
            "Les ministres (Economie, Finances, etc.) étaient présents. Le sommet a suivi.",
            [
                "Les ministres (Economie, Finances, etc.) étaient présents.",
                "Le sommet a suivi.",
            ],
        ),
    ],
)
def test_french_sentences(text: str, expected: list[str]) -> None:
    assert texts(text, "fr") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.S. economy grew 3.5 percent. J. Smith said so, e.g. in a memo, etc. and more.",
            [
                "The U.S. economy grew 3.5 percent.",
                "J. Smith said so, e.g. in a memo, etc. and more.",
            ],
        ),
        (
            "“We are done.” he said. “It is over,” said Dr. Brown. Next sentence.",
            ["“We are done.” he said.", "“It is over,” said Dr. Brown.", "Next sentence."],
        ),
        (
            "Mr. Jones met Mrs. Lee at St. Paul's. They moved to the U.S. The firm grew.",
            ["Mr. Jones met Mrs. Lee at St. Paul's.", "They moved to the U.S.", "The firm grew."],
        ),
        (
            "Sales hit 20,000 units, up 1.5%. Is that a record? Nobody knows!",
            ["Sales hit 20,000 units, up 1.5%.", "Is that a record?", "Nobody knows!"],
        ),
    ],
)
def test_english_sentences(text: str, expected: list[str]) -> None:
    assert texts(text, "en") == expected


def test_paragraph_break_always_ends_a_sentence() -> None:
    text = "Premier paragraphe sans point final\n\nDeuxième paragraphe, suite"
    expected = ["Premier paragraphe sans point final", "Deuxième paragraphe, suite"]
    assert texts(text, "fr") == expected


def test_a_line_that_only_wraps_a_sentence_does_not_end_it() -> None:
    text = "Le ministre a annoncé un plan\nde relance hier.\nQuoi de neuf ?\nAbonnez-vous."
    assert texts(text, "fr") == [
        "Le ministre a annoncé un plan\nde relance hier.",
        "Quoi de neuf ?",
        "Abonnez-vous.",
    ]


def test_bullets_and_blank_lines_are_not_sentences() -> None:
    text = "  • Newsletter\n\n    Abonnez-vous à nos newsletters.\n \n"
    sentences = split_sentences(text, "fr")
    assert [s.text for s in sentences] == ["Newsletter", "Abonnez-vous à nos newsletters."]
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_the_number_of_a_list_item_stays_with_its_item() -> None:
    text = "1. Turn your thermostat down by one degree. 2. Bleed your radiators.\n3. Check it."
    assert [s.text for s in split_sentences(text, "en")] == [
        "1. Turn your thermostat down by one degree.",
        "2. Bleed your radiators.",
        "3. Check it.",
    ]
    # A sentence that ends on a number still ends there.
    text = "Le taux a atteint 12. Il était de 9 en 2019."
    assert len(split_sentences(text, "fr")) == 2


def test_seed_article_sentences_end_where_the_article_does(seed_article: str) -> None:
    sentences = split_sentences(seed_article, "fr")
    assert all(seed_article[s.start : s.end] == s.text for s in sentences)
    assert len(sentences) == 16
    assert sentences[-1].text == "(MAP)"
    quoted = [s.text for s in sentences if "a dit la Secrétaire d'Etat" in s.text]
    assert len(quoted) == 1
    assert quoted[0].startswith("« Ces rencontres ont été aussi")


@given(st.text(alphabet=st.sampled_from(list('ab A.?!«»"\n 1,é')), max_size=80))
def test_offsets_are_exact_and_ordered(text: str) -> None:
    previous_end = 0
    for sentence in split_sentences(text, "fr"):
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()
        assert sentence.start >= previous_end
        previous_end = sentence.end
