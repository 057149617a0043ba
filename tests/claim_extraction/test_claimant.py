"""Who asserts a claim: quotations, reported speech, neighbours, narration."""

from __future__ import annotations

from claims.extraction import extract_claims


def claimant_of(text: str, needle: str, lang: str) -> str | None:
    """The claimant of the claim whose sentence contains `needle`."""
    matches = [c for c in extract_claims(text, lang) if needle in c.text]
    assert len(matches) == 1, [c.text for c in extract_claims(text, lang)]
    return matches[0].claimant


def test_direct_quote_with_inverted_verb() -> None:
    text = "« Le pays compte 20.000 coopératives », a déclaré Mme Amina Tazi à la presse."
    assert claimant_of(text, "20.000", "fr") == "Amina Tazi"


def test_indirect_speech_names_the_subject() -> None:
    text = "Le ministre Karim Alaoui a indiqué que le chômage a reculé de 2 points en 2023."
    assert claimant_of(text, "chômage", "fr") == "Karim Alaoui"


def test_quote_speaker_named_in_a_later_sentence() -> None:
    text = (
        "« Nous avons créé 3 000 emplois. Le chiffre d'affaires a doublé en 2022 », "
        "a souligné M. Youssef Amrani."
    )
    assert claimant_of(text, "3 000 emplois", "fr") == "Youssef Amrani"
    assert claimant_of(text, "doublé", "fr") == "Youssef Amrani"


def test_role_and_surname_variants_resolve_to_the_full_name() -> None:
    text = (
        "La réunion a été présidée par la ministre de la Santé, Nadia El Fassi, mardi. "
        "« Les hôpitaux ont reçu 1 200 lits », a dit la ministre. "
        "Mme Elfassi a ajouté que 40 % des lits sont neufs."
    )
    assert claimant_of(text, "1 200 lits", "fr") == "Nadia El Fassi"
    assert claimant_of(text, "40 %", "fr") == "Nadia El Fassi"


def test_selon_names_the_source() -> None:
    text = "Selon le Haut-Commissariat au Plan, le taux de chômage atteint 13 %."
    assert claimant_of(text, "13 %", "fr") == "Haut-Commissariat au Plan"


def test_according_to_names_the_source() -> None:
    text = "According to the World Bank, growth slowed to 2.1% last year."
    assert claimant_of(text, "2.1%", "en") == "World Bank"


def test_english_said_forms() -> None:
    text = (
        "Mary Jones, the mayor, said the park cost $4 million. "
        '"Attendance rose 12 percent," said John Smith. '
        "Revenue fell 3 percent, he said."
    )
    assert claimant_of(text, "$4 million", "en") == "Mary Jones"
    assert claimant_of(text, "12 percent", "en") == "John Smith"
    assert claimant_of(text, "3 percent", "en") == "John Smith"


def test_narration_has_no_claimant() -> None:
    text = "Des délégations d'une cinquantaine de pays prennent part au sommet de Paris."
    assert claimant_of(text, "cinquantaine", "fr") is None


def test_seed_claimants(seed_article: str) -> None:
    assert claimant_of(seed_article, "20.000 coopératives", "fr") == "Jamila Elmoussali"
    assert claimant_of(seed_article, "dix prochaines années", "fr") == "Jamila Elmoussali"
    assert claimant_of(seed_article, "Namhee Jeong", "fr") == "Namhee Jeong"
    assert claimant_of(seed_article, "une cinquantaine de pays", "fr") is None
    assert claimant_of(seed_article, "Haut patronage", "fr") is None
