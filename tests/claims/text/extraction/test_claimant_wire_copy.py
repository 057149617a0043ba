"""Claimants in wire copy: reporting clauses after the claim, with a day, a place or a
listener between the verb and the speaker, and the speaker's name in apposition.

Each case is one sentence and the speaker a fact-checker would call. Written by
hand from the shapes agency copy uses (AFP, MAP, Reuters, AP), not from what
the extractor prints.
"""

from __future__ import annotations

import pytest

from tests.claims.text.extraction.claimants import case_id, claimant_of, same_speaker

FRENCH = [
    # Verb, day, speaker with a title and the name right after it.
    (
        "Le Maroc compte désormais 20.000 coopératives, a affirmé jeudi la secrétaire "
        "d'État Jamila Elmoussali.",
        "Jamila Elmoussali",
    ),
    # Verb, day, place, role, apposition.
    (
        "Les exportations de textile ont reculé de 8 % l'an dernier, a indiqué lundi à "
        "Casablanca le président de la fédération, Karim Alaoui.",
        "Karim Alaoui",
    ),
    (
        "Le pays compte désormais 12.400 associations agréées, a affirmé mercredi la ministre "
        "de la Solidarité, Salma Bennani.",
        "Salma Bennani",
    ),
    (
        "Le chômage a baissé à 11,8 % au deuxième trimestre, a annoncé mardi le "
        "Haut-Commissariat au Plan.",
        "Haut-Commissariat au Plan",
    ),
    (
        "Quelque 3.500 logements ont été livrés en 2023, a précisé vendredi soir à Rabat le "
        "ministre de l'Habitat, Youssef Berrada.",
        "Youssef Berrada",
    ),
    (
        "Le trafic aérien a progressé de 12 % en un an, a souligné hier le directeur général "
        "de l'aéroport, Adil Fakir.",
        "Adil Fakir",
    ),
    # An audience ("devant les députés") between verb and speaker.
    (
        "La production de phosphate a atteint 38 millions de tonnes, a déclaré mercredi devant "
        "les députés la ministre de l'Énergie, Leila Benali.",
        "Leila Benali",
    ),
    (
        "Plus de 1.200 enseignants ont été recrutés, a fait savoir dimanche le ministère de "
        "l'Éducation nationale.",
        "ministère de l'Éducation nationale",
    ),
    (
        "Les recettes touristiques ont atteint 104 milliards de dirhams, a relevé jeudi "
        "dernier l'Office des changes.",
        "Office des changes",
    ),
    (
        "Le taux de remplissage des barrages s'établit à 27 %, a indiqué ce lundi le "
        "porte-parole du gouvernement, Mustapha Baitas.",
        "Mustapha Baitas",
    ),
    # A press conference between verb and speaker: "de presse" is not the speaker.
    (
        "Près de 40 % des ménages sont concernés, a estimé samedi à Paris lors d'une "
        "conférence de presse la présidente de l'association, Claire Dupont.",
        "Claire Dupont",
    ),
    # What follows the speaker ("dans un communiqué ...") is not part of it.
    (
        "L'inflation a ralenti à 2,1 % en mars, a annoncé la Banque centrale dans un "
        "communiqué publié vendredi.",
        "Banque centrale",
    ),
    # A listener ("à l'AFP") between verb and speaker.
    (
        "Le nombre de touristes a doublé en cinq ans, a affirmé mercredi à l'AFP le directeur "
        "de l'office du tourisme, Marc Lefèvre.",
        "Marc Lefèvre",
    ),
    (
        "Le budget atteint 2 milliards d'euros, a déclaré le 12 mars le maire de Lyon, "
        "Grégory Doucet.",
        "Grégory Doucet",
    ),
    (
        "Les ventes ont chuté de 15 %, a expliqué en début de semaine le PDG du groupe, "
        "Antoine Martin.",
        "Antoine Martin",
    ),
    (
        "Le projet créera 600 emplois, a assuré à la presse le wali de la région, Mohamed Mhidia.",
        "Mohamed Mhidia",
    ),
    (
        "Le déficit commercial s'est creusé de 7 %, a confié au journal Le Monde le ministre "
        "de l'Économie, Bruno Lemaire.",
        "Bruno Lemaire",
    ),
    # Speaker first, then where and to whom.
    (
        "La région a attiré 2,3 milliards de dirhams d'investissements, a déclaré Mme Nadia "
        "Tazi à la MAP jeudi.",
        "Nadia Tazi",
    ),
    (
        "Le port a traité 5 millions de conteneurs, a précisé son directeur, Omar Kettani.",
        "Omar Kettani",
    ),
    # An incise inside the sentence.
    (
        "Le secteur emploie, a rappelé mardi la fédération, plus de 90.000 personnes.",
        "fédération",
    ),
    # Subject before the verb, with its apposition.
    (
        "Le président de la fédération, Karim Alaoui, a indiqué que les exportations ont "
        "reculé de 8 %.",
        "Karim Alaoui",
    ),
    (
        "Karim Alaoui, président de la fédération, a indiqué que les exportations ont reculé "
        "de 8 %.",
        "Karim Alaoui",
    ),
    (
        "« Nous avons formé 5.000 jeunes en deux ans », a déclaré jeudi à Tanger la "
        "directrice de l'agence, Samia Bennis.",
        "Samia Bennis",
    ),
    (
        "« Le chiffre d'affaires a progressé de 9 % », s'est félicité mardi le président du "
        "club, Hassan Ouali.",
        "Hassan Ouali",
    ),
    # A role and no name: the role is who spoke, never the clause before the verb.
    (
        "Le Maroc compte désormais 20.000 coopératives, a affirmé jeudi la secrétaire d'État.",
        "secrétaire d'État",
    ),
    # An incise after the speaker ("cité par la MAP") is not part of it.
    (
        "« Les exportations ont reculé de 8 % », a souligné M. Karim Alaoui, cité par la MAP.",
        "Karim Alaoui",
    ),
    # After an agency's acronym, a person's full name starts the speaker.
    (
        "« Le marché a progressé de 7 % », explique à l'AFP Marc Durand, économiste chez "
        "BNP Paribas.",
        "Marc Durand",
    ),
    ("« Nous attendons 40.000 visiteurs », ont indiqué les organisateurs.", "organisateurs"),
    # A forecast verb, inverted.
    ("L'inflation devrait atteindre 3 % cette année, prévoit Bank Al-Maghrib.", "Bank Al-Maghrib"),
    # Passive: the agent spoke.
    (
        "Ces chiffres ont été annoncés mardi par le ministre de l'Intérieur, Abdelouafi "
        "Laftit, devant les députés, qui ont salué une baisse de 12 %.",
        "Abdelouafi Laftit",
    ),
    # An incise between the subject and its verb.
    (
        "Le ministre de l'Économie, cité par Le Monde, a affirmé que la croissance atteindrait "
        "1,2 %.",
        "ministre de l'Économie",
    ),
    (
        "La société, qui emploie 3.000 personnes, a annoncé que 200 postes seraient supprimés.",
        "société",
    ),
    (
        "Interrogé par la MAP, le directeur de l'agence, Karim Tazi, a indiqué que 300 dossiers "
        "ont été traités.",
        "Karim Tazi",
    ),
    # An aside after the subject makes the verb look inverted: what follows it is
    # the object ("la fermeture des écoles"), the subject spoke.
    (
        "Le ministère, de son côté, a annoncé mardi la fermeture des écoles rurales de la "
        "province, soit 12 établissements.",
        "ministère",
    ),
    ("Le syndicat, pour sa part, estime que 2.000 postes sont menacés.", "syndicat"),
    # "comme l'a souligné X": the speaker follows the verb.
    ("Comme l'a souligné le ministre, 40 % des ménages sont endettés.", "ministre"),
    (
        "Ainsi que l'a rappelé la Cour des comptes, la dette atteint 70 % du PIB.",
        "Cour des comptes",
    ),
    ("Le patron de Renault, Luca de Meo, estime à 15 % la baisse du marché.", "Luca de Meo"),
    (
        "L'entreprise, fondée en 1998, a indiqué que son chiffre d'affaires a progressé de 12 %.",
        "entreprise",
    ),
    (
        "Les exportations de textile, a indiqué le président de la fédération, ont reculé de 8 %.",
        "président de la fédération",
    ),
    (
        "Le Premier ministre a affirmé mardi à l'Assemblée que 1,2 million d'emplois ont été "
        "créés.",
        "Premier ministre",
    ),
]

ENGLISH = [
    (
        "Unemployment fell to 4.1% in March, the statistics office said on Friday.",
        "statistics office",
    ),
    (
        "The port handled 3.2 million containers last year, its chief executive told reporters "
        "in Tangier.",
        "chief executive",
    ),
    ("About 10k people marched, organisers said, while police counted 6,500.", "organisers"),
    ("Inflation rose to 3.2% in May, Reuters reported.", "Reuters"),
    (
        "Sales fell 12% in the third quarter, the company said in a statement on Tuesday.",
        "company",
    ),
    (
        "More than 300 people were injured, the health ministry said late on Sunday.",
        "health ministry",
    ),
    ("Exports rose 7 per cent, said John Smith, the trade minister.", "John Smith"),
    ("Exports rose 7 per cent, said the trade minister, John Smith.", "John Smith"),
    (
        "The factory will employ 1,500 workers, Governor Maria Lopez told a news conference in "
        "Austin on Monday.",
        "Maria Lopez",
    ),
    (
        "Profits doubled to $4 billion, the bank's chief financial officer, Anna Berg, told "
        "analysts on a call.",
        "Anna Berg",
    ),
    ("At least 40 people died, local officials told the BBC.", "local officials"),
    (
        "The deal is worth $2 billion, two people familiar with the matter told Reuters.",
        "two people familiar with the matter",
    ),
    (
        "Revenue rose 9% to $2.3 billion, the company said on Thursday in a filing.",
        "company",
    ),
    ("Crime fell 8 per cent last year, police said.", "police"),
    (
        "Turnout reached 61 per cent, election officials said on Sunday evening in the capital.",
        "election officials",
    ),
    ("Some 2,000 homes lost power, the utility said in a post on X.", "utility"),
    # The speaker names a listener and a medium: neither of them spoke.
    ("Sales rose 5% last year, Jane Doe told the Financial Times.", "Jane Doe"),
    ("Mr Patel told the newspaper that 400 jobs would go.", "Mr Patel"),
    ("The minister told parliament that 12,000 homes had been built.", "minister"),
    ("“We sold 2 million cars,” the chief executive told the Guardian.", "chief executive"),
    ('"We sold 2 million cars," Ms Chen told The Times on Monday.', "Ms Chen"),
    # Quotation, inverted verb, name and apposition.
    ('"Attendance rose 12 percent," said Linda Park, the museum\'s director.', "Linda Park"),
    # Subject first, apposition between it and the verb.
    (
        "The central bank's governor, Peter Lang, said inflation would fall to 2% next year.",
        "Peter Lang",
    ),
    (
        "Peter Lang, the central bank's governor, said inflation would fall to 2% next year.",
        "Peter Lang",
    ),
    ("The central bank said on Wednesday that it had bought $3 billion of bonds.", "central bank"),
    ("Some 300 people, police said, were arrested during the protests.", "police"),
    ("Unemployment rose to 5.1%, U.S. officials said Tuesday.", "U.S. officials"),
    ("The company, which employs 3,000 people, said it would cut 200 jobs.", "company"),
    ("The minister, speaking in Paris, said 40% of the funds had been spent.", "minister"),
    (
        "A spokesman for the ministry said 12 people had been detained.",
        "A spokesman for the ministry",
    ),
    ("Prime Minister Keir Starmer said 1.5 million homes would be built.", "Keir Starmer"),
    ("Mr. Smith said sales rose 4% last year.", "Mr. Smith"),
    (
        "The figures were released by the Office for National Statistics on Tuesday, showing a "
        "0.3% rise.",
        "Office for National Statistics",
    ),
    # "forecasts" here is a noun, "beating" no speaker: the data spoke.
    (
        "Retail sales rose 0.4% in June, beating forecasts, data showed on Thursday.",
        "data",
    ),
    (
        "The death toll has risen to 45, the state news agency reported, citing local officials.",
        "state news agency",
    ),
    ("Inflation eased to 2.4% in September, Eurostat said in a flash estimate.", "Eurostat"),
    ("Sources said the deal was worth $3 billion.", "Sources"),
    ("The 12-member committee said it would review 40 cases.", "12-member committee"),
    ("“It is 40% cheaper,” says the brochure.", "brochure"),
    ("In a statement, the ministry said 14 people died.", "ministry"),
    ("Unemployment fell to 4%, the lowest since 2008, the bureau said.", "bureau"),
    (
        "The bill, which passed 52-48, cuts taxes by $1.5 trillion, Republicans said.",
        "Republicans",
    ),
    (
        "Some 2,000 people attended, said Mayor Lisa Brown, who called it a record.",
        "Lisa Brown",
    ),
    ("The firm, founded in 1998, said revenue rose 12%.", "firm"),
    ("As the minister said, 40% of households are in debt.", "minister"),
    # A title, then a name, at the start of the sentence; a conjunction before a subject.
    (
        "Transport minister Ana Ruiz said the figures showed that delays fell 14%.",
        "Ana Ruiz",
    ),
    (
        "But the opposition's finance spokesman, Omar Haddad, said the deficit was 4.5% of GDP.",
        "Omar Haddad",
    ),
]


@pytest.mark.parametrize(("text", "want"), FRENCH, ids=case_id)
def test_french_wire_copy_names_the_speaker(text: str, want: str) -> None:
    got = claimant_of(text, text[:20], "fr")
    assert same_speaker(got, want), got


@pytest.mark.parametrize(("text", "want"), ENGLISH, ids=case_id)
def test_english_wire_copy_names_the_speaker(text: str, want: str) -> None:
    got = claimant_of(text, text[:20], "en")
    assert same_speaker(got, want), got
