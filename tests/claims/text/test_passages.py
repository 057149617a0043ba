"""Proposing the evidence passages that bear on a claim (`evidence add --auto`)."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import pytest

from claims.text.extraction import split_sentences
from claims.text.passages import propose_passages
from claims.text.quantities import find_quantities
from sources.extraction import extract_article
from tests.support.paths import DEMO


@cache
def manifest() -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads((DEMO / "manifest.json").read_text("utf-8"))
    return data


@cache
def page_text(name: str) -> str:
    entry = next(e for e in manifest() if e["file"] == name)
    raw = (DEMO / name).read_bytes().decode(entry["encoding"])
    return extract_article(raw).text


def page_lang(name: str) -> str:
    lang: str = next(e["lang"] for e in manifest() if e["file"] == name)
    return lang


def claim_sentence(article: str, contains: str) -> str:
    text = page_text(article)
    lang = next(e["lang"] for e in manifest() if e["file"] == article)
    return next(s.text for s in split_sentences(text, lang) if contains in s.text)


# article, sentence_contains, source, words of the passage expected first
NUMERIC = [
    (
        "fr-courrier-rabat-cooperatives.html",
        "nous en comptons aujourd'hui 20.000",
        "src-ancs-chiffres-cles-2025.html",
        "20 347 coopératives actives",
    ),
    (
        "fr-courrier-rabat-cooperatives.html",
        "Plus de 40 % des coopératives",
        "src-ancs-chiffres-cles-2025.html",
        "dirigées par des femmes s'établit à 31 %",
    ),
    (
        "fr-courrier-rabat-cooperatives.html",
        "Leur nombre a doublé depuis 2014",
        "src-ancs-chiffres-cles-2025.html",
        "contre 10 112 fin 2014",
    ),
    # across languages: pays / countries
    (
        "fr-courrier-rabat-cooperatives.html",
        "une cinquantaine de pays",
        "src-meridian-wire-lyon-summit.html",
        "about 50 countries",
    ),
    (
        "fr-vigie-port-emplois.html",
        "Le port de Kénitra-Atlantique emploie désormais",
        "src-apka-rapport-annuel-2025.html",
        "12 480 emplois directs",
    ),
]


@pytest.mark.parametrize(("article", "contains", "source", "expected"), NUMERIC)
def test_sentence_with_the_matching_figure_ranks_first(
    article: str, contains: str, source: str, expected: str
) -> None:
    sentence = claim_sentence(article, contains)
    lang = next(e["lang"] for e in manifest() if e["file"] == article)
    evidence = page_text(source)
    passages = propose_passages(
        sentence, find_quantities(sentence, lang), "numeric", evidence, lang=page_lang(source)
    )
    assert passages, "nothing proposed"
    best = passages[0]
    assert expected in best.text, [p.text for p in passages]
    assert evidence[best.start : best.end] == best.text
    assert best.reasons
    assert [p.score for p in passages] == sorted((p.score for p in passages), reverse=True)


def test_refuting_figure_is_proposed_next_to_an_agreeing_one() -> None:
    # "4,100 jobs ... depend on port activity" also has jobs and agrees with "more than
    # 3,000": without reading "create" as "new", both come first; the refuting one is near
    sentence = claim_sentence("en-harbour-gazette-terminal.html", "create more than 3,000 jobs")
    passages = propose_passages(
        sentence,
        find_quantities(sentence, "en"),
        "numeric",
        page_text("src-callow-harbour-jobs-2025.html"),
        lang="en",
        limit=3,
    )
    assert any("around 1,900 new jobs" in p.text for p in passages[:2])


def test_factual_claim_finds_the_sentence_sharing_its_names_across_languages() -> None:
    sentence = claim_sentence(
        "fr-courrier-rabat-cooperatives.html",
        "Le Sommet est organisé par l'Alliance internationale",
    )
    passages = propose_passages(
        sentence, [], "factual", page_text("src-meridian-wire-lyon-summit.html"), lang="en"
    )
    assert "organised by the International Alliance" in passages[0].text
    assert any(r.startswith("names:") for r in passages[0].reasons)


def test_factual_claim_in_one_language() -> None:
    evidence = (
        "Le port a reçu 1 340 escales en 2025. Kénitra-Atlantique est le deuxième port "
        "exportateur d'agrumes du Royaume, derrière Agadir. Le bassin sera agrandi."
    )
    claim = "Kénitra-Atlantique est le premier port exportateur d'agrumes du Royaume."
    passages = propose_passages(claim, [], "factual", evidence, lang="fr")
    assert passages[0].text.startswith("Kénitra-Atlantique est le deuxième port")


def test_limit_and_empty_evidence() -> None:
    evidence = page_text("src-ancs-chiffres-cles-2025.html")
    claim = "Plus de 40 % des coopératives sont dirigées par des femmes"
    assert (
        len(
            propose_passages(
                claim, find_quantities(claim, "fr"), "numeric", evidence, lang="fr", limit=2
            )
        )
        == 2
    )
    assert propose_passages(claim, find_quantities(claim, "fr"), "numeric", "  ", lang="fr") == []


def test_every_manifest_quote_anchors_exactly_in_its_source() -> None:
    from claims.text.anchoring import anchor_quote

    checked = 0
    for entry in manifest():
        for link in entry.get("bears_on", []):
            anchor = anchor_quote(page_text(entry["file"]), link["quote"])
            assert anchor.quote.exact == link["quote"]
            checked += 1
    assert checked == 42
