"""Who asserts a claim: quotations, reported speech, neighbours, narration."""

from __future__ import annotations

from tests.claims.text.extraction.claimants import claimant_of


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


def test_a_document_speaks_for_its_author() -> None:
    text = (
        "Le port emploie 12 500 personnes, selon le rapport annuel publié mardi "
        "par l'Autorité portuaire."
    )
    assert claimant_of(text, "12 500", "fr") == "Autorité portuaire"
    text = "According to the board's own figures, 37 per cent of the workforce is over 50."
    assert claimant_of(text, "37 per cent", "en") == "the board"


def test_a_document_without_an_author_is_the_claimant() -> None:
    text = "Le port emploie 12 500 personnes, selon un rapport publié mardi."
    assert claimant_of(text, "12 500", "fr") == "un rapport"


def test_present_tense_reporting_verbs_without_that() -> None:
    text = "The board says the project will create more than 3,000 jobs over the next decade."
    assert claimant_of(text, "3,000", "en") == "The board"
    text = "The World Health Organization recommends at least 95 per cent coverage."
    assert claimant_of(text, "95 per cent", "en") == "World Health Organization"


def test_speaker_after_the_figure_at_the_end_of_the_sentence() -> None:
    text = "The port will need between 10 and 20 cranes, engineers working on the project estimate."
    assert claimant_of(text, "cranes", "en") == "engineers working on the project"


def test_organisations_speak_in_french() -> None:
    text = "Le ministère de la Santé indique que 40 % des lits sont occupés."
    assert claimant_of(text, "40 %", "fr") == "Le ministère de la Santé"
    text = "L'OMS estime que 30 % des enfants ne sont pas vaccinés."
    assert claimant_of(text, "30 %", "fr") == "OMS"


def test_no_speaker_for_a_relative_clause_or_a_pronoun_noting_something() -> None:
    text = "Nearly 400 dockers are due to retire before 2030, which the board says makes it urgent."
    assert claimant_of(text, "400 dockers", "en") is None
    text = "Il note une hausse de 3 % des ventes en mars."
    assert claimant_of(text, "3 %", "fr") is None


def test_pronoun_goes_to_the_last_person_of_its_gender() -> None:
    text = (
        "La ministre Nadia Alami a rencontré mardi le directeur Karim Tazi. "
        "Le budget atteindra 3 millions de dirhams, a-t-elle précisé."
    )
    assert claimant_of(text, "3 millions", "fr") == "Nadia Alami"
    text = (
        "Mrs Mary Jones met Mr Peter Smith on Monday. Revenue rose 3 percent last year, she said."
    )
    assert claimant_of(text, "3 percent", "en") == "Mary Jones"


def test_a_description_points_back_to_the_person_named_before() -> None:
    text = (
        "Mme Berrada a rencontré Min-seo Park, directrice des politiques sociales au ministère "
        "coréen de l'Économie. « Nous avons financé 300 coopératives », a expliqué la "
        "responsable coréenne."
    )
    assert claimant_of(text, "300 coopératives", "fr") == "Min-seo Park"
    text = (
        "Le programme a été présenté par Rachid Bensliman, président de la commission. "
        "« Nous créerons 1 500 emplois », a déclaré l'élu."
    )
    assert claimant_of(text, "1 500 emplois", "fr") == "Rachid Bensliman"


def test_a_reporting_word_used_as_a_noun_names_no_speaker() -> None:
    text = "Despite a report that 3,000 jobs were lost, the plant stayed open."
    assert claimant_of(text, "3,000", "en") is None
    text = "Their claim that 40% of voters agree is false."
    assert claimant_of(text, "40%", "en") is None
    text = "A spokesman said that 3,000 jobs were lost."
    assert claimant_of(text, "3,000", "en") == "A spokesman"
