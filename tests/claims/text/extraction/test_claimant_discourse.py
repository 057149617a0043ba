"""Claimants across sentences: quotations that carry on, pronouns, repeated mentions.

A quotation keeps its speaker for as long as it runs, across sentences and
paragraphs; a pronoun goes to the nearest person (or group) it can agree with
in gender and number, and to nobody when the text leaves two candidates.
"""

from __future__ import annotations

from tests.claims.text.extraction.claimants import claimant_of


def test_a_quotation_of_several_sentences_has_one_speaker() -> None:
    text = (
        "« Nous avons construit 300 logements. Nous en livrerons 200 autres en 2025 », "
        "a précisé le maire, Paul Durand."
    )
    assert claimant_of(text, "300 logements", "fr") == "Paul Durand"
    assert claimant_of(text, "200 autres", "fr") == "Paul Durand"


def test_the_next_quotation_keeps_the_speaker() -> None:
    text = (
        "« Nous avons construit 300 logements », a précisé le maire, Paul Durand. "
        "« Deux cents autres seront livrés en 2025. »"
    )
    assert claimant_of(text, "Deux cents", "fr") == "Paul Durand"
    text = (
        '"We hired 200 nurses this year," said Dr Amara Okafor.\n\n'
        '"Another 150 nurses will start in January."'
    )
    assert claimant_of(text, "Another 150", "en") == "Amara Okafor"


def test_a_quotation_running_over_paragraphs_keeps_the_speaker_named_at_its_end() -> None:
    # Print convention: an open quotation mark at each paragraph, one closing mark.
    text = (
        "« Le port a traité 5 millions de tonnes en 2023.\n"
        "« Le trafic a augmenté de 8 % », a dit le directeur, Omar Tazi."
    )
    assert claimant_of(text, "5 millions", "fr") == "Omar Tazi"
    text = (
        '"Attendance rose 12 percent in 2023.\n'
        '"Ticket sales doubled to 40,000," said the director, Tom Reed.'
    )
    assert claimant_of(text, "12 percent", "en") == "Tom Reed"


def test_narration_between_quotations_breaks_the_chain() -> None:
    text = (
        "« Nous avons construit 300 logements », a précisé le maire, Paul Durand. "
        "La ville compte 45.000 habitants. "
        "« 120 familles attendent encore. »"
    )
    assert claimant_of(text, "45.000 habitants", "fr") is None
    assert claimant_of(text, "120 familles", "fr") is None


def test_a_pronoun_goes_to_the_person_named_before() -> None:
    text = (
        "La ministre de la Santé, Nadia El Fassi, a visité l'hôpital mardi. "
        "Elle a indiqué que 1.200 lits ont été ajoutés."
    )
    assert claimant_of(text, "1.200 lits", "fr") == "Nadia El Fassi"


def test_a_pronoun_skips_people_of_the_other_gender() -> None:
    text = (
        "Le directeur Karim Tazi a reçu la ministre Amina Alaoui sur le site. "
        "Le budget atteint 3 millions de dirhams, a-t-il précisé."
    )
    assert claimant_of(text, "3 millions", "fr") == "Karim Tazi"
    text = "Mrs Mary Jones met Mr Peter Smith on Monday. Revenue rose 3 percent last year, he said."
    assert claimant_of(text, "3 percent", "en") == "Peter Smith"


def test_a_pronoun_goes_to_the_nearest_compatible_person() -> None:
    text = (
        "« Nous avons créé 300 emplois », a déclaré la ministre Nadia Alami. "
        "M. Karim Tazi, directeur de l'usine, a présenté le site. "
        "Elle a ajouté que 40 % des postes sont occupés par des femmes."
    )
    assert claimant_of(text, "40 %", "fr") == "Nadia Alami"
    text = (
        "« Nous avons créé 300 emplois », a déclaré la ministre Nadia Alami. "
        "La directrice de l'usine, Sara Bennani, a présenté le site. "
        "Elle a ajouté que 40 % des postes sont occupés par des femmes."
    )
    assert claimant_of(text, "40 %", "fr") == "Sara Bennani"


def test_a_plural_pronoun_goes_to_a_group_not_to_a_person() -> None:
    text = (
        "Les syndicats affirment que 2.000 postes sont menacés. "
        "Ils estiment que 500 autres le seront en 2025."
    )
    assert claimant_of(text, "500 autres", "fr") == "Les syndicats"
    text = "The unions say 3,000 jobs are at risk. They said 500 more could go next year."
    assert claimant_of(text, "500 more", "en") == "The unions"


def test_a_pronoun_nobody_agrees_with_gives_no_claimant() -> None:
    text = "Mme Nadia Alami a visité l'usine. Ils ont indiqué que 300 emplois seraient créés."
    assert claimant_of(text, "300 emplois", "fr") is None
    text = "Jane Doe visited the plant on Monday. They said 300 jobs would be created."
    assert claimant_of(text, "300 jobs", "en") is None


def test_two_people_of_unknown_gender_leave_a_pronoun_unresolved() -> None:
    text = "Jane Smith met John Brown on Monday. Sales rose 4 percent, she said."
    assert claimant_of(text, "4 percent", "en") is None


def test_a_later_mention_by_surname_or_role_is_the_same_person() -> None:
    text = (
        "La secrétaire d'État chargée de l'Artisanat, Jamila Elmoussali, a ouvert le salon. "
        "« Nous comptons 20.000 coopératives », a dit Mme El Moussali. "
        "Le secteur emploie 500.000 personnes, a ajouté la secrétaire d'État."
    )
    assert claimant_of(text, "20.000", "fr") == "Jamila Elmoussali"
    assert claimant_of(text, "500.000", "fr") == "Jamila Elmoussali"


def test_a_role_goes_to_the_holder_of_that_role_not_of_another() -> None:
    text = (
        "Le ministre de l'Intérieur, Ahmed Benali, et la ministre de la Santé, Nadia Fassi, "
        "ont présenté le plan mardi. "
        "Quelque 1.500 agents seront recrutés, a précisé le ministre de l'Intérieur."
    )
    assert claimant_of(text, "1.500 agents", "fr") == "Ahmed Benali"


def test_the_listener_of_told_is_not_the_speaker() -> None:
    text = (
        "Anna Berg, the port's director, opened the terminal. "
        "She told the newspaper that traffic rose 6% in 2024."
    )
    assert claimant_of(text, "6%", "en") == "Anna Berg"
    text = (
        "Le ministre Karim Alaoui était à Tanger. Le port a traité 9 millions de conteneurs, "
        "a-t-il confié au quotidien L'Économiste."
    )
    assert claimant_of(text, "9 millions", "fr") == "Karim Alaoui"


def test_a_pronoun_after_an_adverb_goes_to_the_person_named_before() -> None:
    text = (
        "M. Tazi a rencontré le ministre lundi. "
        "Il a ensuite déclaré que 500 emplois seraient créés."
    )
    assert claimant_of(text, "500 emplois", "fr") == "M. Tazi"
    text = '"We lost 40% of our customers," he said.'
    assert claimant_of(text, "40%", "en") is None


def test_a_pronoun_goes_to_a_person_introduced_with_a_title() -> None:
    text = (
        "Health minister Wes Streeting visited the hospital. "
        "He told the BBC that 300 beds had been added."
    )
    assert claimant_of(text, "300 beds", "en") == "Wes Streeting"


def test_an_organisation_reads_the_same_by_its_name_and_its_acronym() -> None:
    text = (
        "Leur nombre a doublé depuis 2014, selon l'Agence nationale de la coopération "
        "solidaire (ANCS). Un rapport de l'ANCS relevait que moins de 15 % d'entre elles "
        "dépassaient 100.000 dirhams de chiffre d'affaires."
    )
    both = "Agence nationale de la coopération solidaire (ANCS)"
    assert claimant_of(text, "doublé", "fr") == both
    assert claimant_of(text, "moins de 15 %", "fr") == both


def test_a_pronoun_does_not_reach_back_to_a_speaker_many_sentences_away() -> None:
    text = (
        "« Nous avons créé 300 emplois », a déclaré le ministre Karim Alaoui. "
        "Le salon a fermé ses portes dimanche. Les exposants étaient nombreux. "
        "La fréquentation a été forte. Les organisateurs ont remercié les bénévoles. "
        "Le prochain salon se tiendra à Fès. Les inscriptions ouvriront en mars. "
        "Le ministère a publié son bilan. Il estime que 2.000 postes sont menacés."
    )
    assert claimant_of(text, "2.000 postes", "fr") is None


def test_a_role_named_again_brings_its_holder_near() -> None:
    text = (
        "La secrétaire d'État, Nadia Berrada, a ouvert le sommet. "
        "Le salon a fermé ses portes dimanche. Les exposants étaient nombreux. "
        "La fréquentation a été forte. Les organisateurs ont remercié les bénévoles. "
        "Le prochain salon se tiendra à Fès. Les inscriptions ouvriront en mars. "
        "La secrétaire d'État a ensuite présenté la stratégie. "
        "Plus de 40 % des coopératives sont dirigées par des femmes, a-t-elle ajouté."
    )
    assert claimant_of(text, "40 %", "fr") == "Nadia Berrada"


def test_a_title_before_a_name_gives_the_name() -> None:
    text = '"We scored 40 goals this season," said manager Chris Dane.'
    assert claimant_of(text, "40 goals", "en") == "Chris Dane"
    text = "« Nous avons gagné 12 matches sur 15 », a déclaré l'entraîneur Jean Dupont."
    assert claimant_of(text, "12 matches", "fr") == "Jean Dupont"
    # A charity is no person's title.
    text = (
        "Around 6.5 million households are in fuel poverty, the charity Warm Homes Action "
        "estimates."
    )
    assert claimant_of(text, "6.5 million", "en") == "the charity Warm Homes Action"


def test_a_pronoun_goes_to_a_person_not_to_a_company_with_a_name_like_one() -> None:
    text = (
        "Opposition leader Mark Daley called the plan too little, too late. "
        "He said his party would spend £8 billion."
    )
    assert claimant_of(text, "£8 billion", "en") == "Mark Daley"
    text = "Greenfield Foods said profit rose 18% last year. He added that 300 jobs would go."
    assert claimant_of(text, "300 jobs", "en") is None
