"""`extract_claims` and `factdesk extract` give a derived total as a claim of its own."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from claims.text.extraction import ExtractedClaim, extract_claims
from tui.cli import app

QUOTE = (
    "« Nous en comptons aujourd'hui 20.000, ce qui représente 50 pc de l'ensemble des "
    "coopératives actives dans le monde arabe », a déclaré Mme Amina Tazi."
)


def sentence_and_total(claims: list[ExtractedClaim]) -> tuple[ExtractedClaim, ExtractedClaim]:
    [total] = [c for c in claims if c.kind == "derived"]
    [sentence] = [c for c in claims if c.kind != "derived" and c.start == total.start]
    return sentence, total


def test_a_total_follows_the_claim_of_its_sentence_and_names_its_figures() -> None:
    text = f"Le sommet s'est ouvert mercredi à Lyon. {QUOTE}"
    claims = extract_claims(text, "fr")
    sentence, total = sentence_and_total(claims)
    assert claims.index(total) == claims.index(sentence) + 1
    assert (total.text, total.start, total.end) == (sentence.text, sentence.start, sentence.end)
    assert total.claimant == sentence.claimant == "Amina Tazi"
    assert [sentence.quantities[i].surface for i in total.derived_from] == ["20.000", "50 pc"]
    [figure] = total.quantities
    assert figure.value == 40_000
    assert figure.unit == "coopératives actives dans le monde arabe"
    assert sentence.start <= figure.start < figure.end <= sentence.end
    assert total.reasoning is not None
    assert "20,000 / 0.5 = about 40,000 (38,614–41,412" in total.reasoning
    assert total.fingerprint.startswith("derived:")
    assert total.fingerprint != sentence.fingerprint


def test_sentences_without_a_part_and_its_share_get_no_total() -> None:
    # The first deriver searched the whole article for any sentence without a
    # figure and pinned the article's first part/share total on it.
    text = (
        f"{QUOTE} Mme Tazi a ensuite rencontré les délégations du Mali et du Québec. "
        "Le sommet doit se conclure jeudi par une feuille de route commune, a-t-elle ajouté."
    )
    claims = extract_claims(text, "fr")
    derived = [c for c in claims if c.kind == "derived"]
    assert [c.text for c in derived] == [QUOTE]


def test_a_part_and_a_share_in_two_sentences_imply_nothing() -> None:
    text = (
        "Trois appels d'offres ont été lancés en 2024. "
        "L'État doit apporter 40 % de l'ensemble des appels d'offres, selon la région."
    )
    assert [c for c in extract_claims(text, "fr") if c.kind == "derived"] == []


def test_a_repeated_sentence_gives_one_total_with_every_span() -> None:
    text = f"{QUOTE}\n\nLe sommet a eu lieu à Lyon.\n\n{QUOTE}"
    sentence, total = sentence_and_total(extract_claims(text, "fr"))
    assert len(total.spans) == 2
    assert total.spans == sentence.spans


def test_the_json_contract_carries_kind_derived_from_and_reasoning() -> None:
    lines = [
        QUOTE,
        "Trois appels d'offres ont été lancés, pour un montant de plus de 40 millions de dirhams.",
    ]
    done = CliRunner().invoke(app, ["extract", "--lines", "--lang", "fr"], input="\n".join(lines))
    assert done.exit_code == 0, done.output
    first, second = (json.loads(line)["claims"] for line in done.stdout.splitlines())
    stated, total = first
    assert (stated["kind"], stated["derived_from"], stated["reasoning"]) == ("numeric", [], None)
    assert total["kind"] == "derived"
    assert total["derived_from"] == [0, 1]
    assert total["reasoning"].startswith("20.000 is 50 pc of “l'ensemble des coopératives")
    assert [q["value"] for q in total["quantities"]] == [40_000]
    assert [c["kind"] for c in second] == ["numeric"]
    assert 7.5 not in [q["value"] for c in second for q in c["quantities"]]
