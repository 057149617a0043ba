"""Claimants that are institutions and documents, and reporting verbs beyond "say".

"selon le rapport de la Cour des comptes" is the Court's claim; "selon cette
projection" is the projection's, since no author is named; "accused",
"warned", "a constaté" report speech as "said" does.
"""

from __future__ import annotations

import pytest

from tests.claims.text.extraction.claimants import case_id, claimant_of, same_speaker

FRENCH = [
    ("Près de deux tiers des élèves ont réussi l'examen, selon le rectorat.", "rectorat"),
    (
        "Le déficit a atteint 3 milliards de dirhams, selon le rapport de la Cour des comptes.",
        "Cour des comptes",
    ),
    (
        "La dette publique atteindrait 1.200 milliards d'euros selon cette projection.",
        "cette projection",
    ),
    ("D'après l'Insee, le PIB a progressé de 0,4 % au troisième trimestre.", "Insee"),
    (
        "Selon les chiffres du ministère de l'Intérieur, 45.000 personnes ont manifesté.",
        "ministère de l'Intérieur",
    ),
    (
        "Selon une étude publiée mardi par l'Observatoire national du développement humain, "
        "30 % des jeunes sont sans emploi.",
        "Observatoire national du développement humain",
    ),
    ("Selon la Banque mondiale, la croissance atteindra 3,1 % en 2025.", "Banque mondiale"),
    (
        "Le taux de chômage des jeunes atteint 35 %, selon le Haut-Commissariat au Plan (HCP).",
        "Haut-Commissariat au Plan (HCP)",
    ),
    (
        "Selon la ministre de l'Économie, Nadia Fettah, le déficit sera ramené à 4 % du PIB.",
        "Nadia Fettah",
    ),
    (
        "« Le taux de pauvreté est passé de 15 % à 12 % », peut-on lire dans le rapport de la "
        "Banque mondiale.",
        "Banque mondiale",
    ),
    (
        "Le nombre de coopératives a doublé en cinq ans, peut-on lire dans le bilan annuel "
        "de l'Office du développement de la coopération.",
        "Office du développement de la coopération",
    ),
    ("Le syndicat estime que 2.000 postes sont menacés.", "syndicat"),
    (
        "La Cour des comptes a constaté que 40 % des projets ont pris du retard.",
        "Cour des comptes",
    ),
    ("Le ministre a martelé que 300.000 emplois seraient créés.", "ministre"),
    ("La direction a précisé que 150 salariés seraient concernés.", "direction"),
    ("Le rapport souligne que 60 % des communes n'ont pas de médecin.", "rapport"),
    ("Les syndicats affirment que 5.000 emplois ont disparu.", "syndicats"),
    (
        "Le gouverneur de Bank Al-Maghrib, Abdellatif Jouahri, a averti que l'inflation pourrait "
        "atteindre 6 %.",
        "Abdellatif Jouahri",
    ),
    ("La fédération a reconnu que les ventes avaient baissé de 10 %.", "fédération"),
    ("L'association dénonce la fermeture de 12 classes dans la province.", "association"),
    ("Le rectorat a souligné que 92 % des candidats ont été admis.", "rectorat"),
    ("L'ONG a chiffré à 3.000 le nombre de familles déplacées.", "ONG"),
    # The imperfect reports too, and a document speaks for the author it names.
    (
        "Une étude de l'Insee publiée en 2022 relevait que 14 % des ménages vivent sous le "
        "seuil de pauvreté.",
        "Insee",
    ),
    ("« Le déficit atteindra 4 % du PIB », lit-on dans le communiqué.", "communiqué"),
    (
        "Les importations ont augmenté de 11 %, note l'Office des changes dans son dernier "
        "bulletin.",
        "Office des changes",
    ),
    (
        "D'après un sondage réalisé par l'institut Ipsos, 58 % des Français soutiennent la mesure.",
        "institut Ipsos",
    ),
    (
        "La Cour des comptes a constaté lors de son audit que 40 % des projets ont pris du retard.",
        "Cour des comptes",
    ),
    # A present tense is a verb even after a bare name opening the sentence.
    (
        "Eurostat estime de son côté le taux de chômage à 6,5 % dans la zone euro.",
        "Eurostat",
    ),
    ("« Nous perdrons 300 emplois », a réagi la CFDT.", "CFDT"),
]

ENGLISH = [
    (
        "About 10,000 people marched, according to the organisers.",
        "organisers",
    ),
    (
        "Unemployment stood at 5.2 per cent in June, according to the Office for National "
        "Statistics.",
        "Office for National Statistics",
    ),
    (
        "According to a report by the World Bank, 700 million people live in extreme poverty.",
        "World Bank",
    ),
    (
        "According to figures released on Monday by the Home Office, 45,000 people crossed the "
        "Channel.",
        "Home Office",
    ),
    ("According to Eurostat, the euro area grew 0.3% in the quarter.", "Eurostat"),
    ("The central bank raised its key rate to 5.25%, officials said.", "officials"),
    ("The opposition accused the government of hiding a $3 billion deficit.", "opposition"),
    ("Lawyers for the family argued that 12 warnings had been ignored.", "Lawyers for the family"),
    ("The IMF warned that growth could slow to 2.1% next year.", "IMF"),
    ("Dr Sarah Lee testified that 30 patients had been harmed.", "Sarah Lee"),
    ("The company claimed that 95% of its packaging is recyclable.", "company"),
    ("Analysts estimated that the strike cost $500 million.", "Analysts"),
    ("The mayor insisted that crime had fallen 20% since 2019.", "mayor"),
    ("The report noted that one in four children lives in poverty, or 2.5 million.", "report"),
    (
        "The Fed's chair, Jerome Powell, stressed that inflation remained above 3%.",
        "Jerome Powell",
    ),
    ("The union argues that 800 posts have gone since 2020.", "union"),
    (
        "A study by Oxford researchers found that 42% of teenagers sleep too little.",
        "Oxford researchers",
    ),
    ("The regulator warned on Tuesday that 1.2 million homes could lose power.", "regulator"),
    ("Campaigners claim 3,000 trees will be felled.", "Campaigners"),
    ("The ministry's data showed that exports fell 6% in May.", "ministry"),
    ("Data from the health ministry showed 1,200 new cases on Monday.", "health ministry"),
    ("Sales rose 10% in 2023, according to the company's annual report.", "the company"),
    ("According to Smith, 30% of the budget was wasted.", "Smith"),
    (
        "The study, published in The Lancet, found that 1 in 5 adults is obese.",
        "study",
    ),
    (
        "Researchers at Oxford University estimate that 30% of jobs are at risk.",
        "Researchers at Oxford University",
    ),
    # Adverbials between the verb and "that".
    (
        "A study by the institute found in 2019 that 40% of rivers were polluted.",
        "the institute",
    ),
    ("Mr Lee testified before Congress that 30 patients had been harmed.", "Mr Lee"),
    ("Insurers estimate the damage at 300 million euros.", "Insurers"),
    # The document alone when what follows it holds a figure.
    (
        "Smoking causes 75,000 deaths a year, according to a review of 120 studies published "
        "in 2022.",
        "a review",
    ),
    # A one-word name in apposition at the end of the sentence names the body.
    (
        "Energy bills have risen by 54% since April 2022, according to the regulator, Ofgem.",
        "Ofgem",
    ),
]


@pytest.mark.parametrize(("text", "want"), FRENCH, ids=case_id)
def test_french_sources_and_verbs(text: str, want: str) -> None:
    got = claimant_of(text, text[:20], "fr")
    assert same_speaker(got, want), got


@pytest.mark.parametrize(("text", "want"), ENGLISH, ids=case_id)
def test_english_sources_and_verbs(text: str, want: str) -> None:
    got = claimant_of(text, text[:20], "en")
    assert same_speaker(got, want), got
