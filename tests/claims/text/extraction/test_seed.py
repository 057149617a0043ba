"""The seed article yields what seed/expected-claims.json asks for, and nothing it forbids."""

from __future__ import annotations

from typing import Any

import pytest

from claims.text.extraction import ExtractedClaim, extract_claims
from claims.text.quantities import Quantity


def quantity_matches(q: Quantity, want: dict[str, Any]) -> bool:
    if q.value is None or abs(q.value - want["value"]) > 1e-6:
        return False
    if "kind" in want and q.kind != want["kind"]:
        return False
    if "unit_contains" in want and want["unit_contains"] not in (q.unit or ""):
        return False
    if "approximate" in want and q.approximate != want["approximate"]:
        return False
    if want.get("bounds_bracket_value"):
        return q.low is not None and q.high is not None and q.low < q.value < q.high
    return True


def satisfied(claims: list[ExtractedClaim], want: dict[str, Any]) -> bool:
    for claim in claims:
        if want["sentence_contains"] not in claim.text:
            continue
        if want.get("factual") and claim.kind != "factual":
            continue
        if "claimant_contains" in want and want["claimant_contains"] not in (claim.claimant or ""):
            continue
        if "value" in want and not any(quantity_matches(q, want) for q in claim.quantities):
            continue
        return True
    return False


@pytest.mark.parametrize("group", ["must", "should"])
def test_seed_expectations_hold(
    seed_article: str, seed_expectations: dict[str, Any], group: str
) -> None:
    claims = extract_claims(seed_article, "fr")
    missing = [w for w in seed_expectations[group] if not satisfied(claims, w)]
    assert missing == []


def test_seed_forbidden_values_and_boilerplate_are_absent(
    seed_scrape: str, seed_expectations: dict[str, Any]
) -> None:
    claims = extract_claims(seed_scrape, "fr")
    values = {q.value for c in claims for q in c.quantities}
    for rule in seed_expectations["must_not"]:
        if "value" in rule:
            assert rule["value"] not in values, rule["why"]
        if "sentence_contains" in rule:
            assert not any(rule["sentence_contains"] in c.text for c in claims), rule["why"]


def test_the_scrape_carrying_the_article_twice_gives_each_claim_once(
    seed_scrape: str, seed_article: str
) -> None:
    once = extract_claims(seed_article, "fr")
    twice = extract_claims(seed_scrape, "fr")
    assert [c.text for c in twice] == [c.text for c in once]
    assert all(len(c.spans) == 2 for c in twice)
    for claim in twice:
        for span in claim.spans:
            assert seed_scrape[span.start : span.end] == claim.text


def test_offsets_of_claims_and_quantities_are_article_offsets(seed_article: str) -> None:
    claims = extract_claims(seed_article, "fr")
    assert claims
    for claim in claims:
        assert seed_article[claim.start : claim.end] == claim.text
        for q in claim.quantities:
            assert claim.start <= q.start < q.end <= claim.end
            # a derived total is written by factdesk ("about 40,000 …"), not in the text
            assert claim.kind == "derived" or seed_article[q.start : q.end] == q.surface


def test_the_cooperatives_claim_says_what_it_is_about(seed_article: str) -> None:
    claim = next(c for c in extract_claims(seed_article, "fr") if "20.000" in c.text)
    assert claim.kind == "numeric"
    assert claim.subject == "le nombre des coopératives"
    assert claim.checkworthiness >= 0.5
