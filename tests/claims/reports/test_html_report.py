"""The HTML report: self-contained, script-free, hostile text escaped, ClaimReview
JSON-LD that a real structured-data consumer reads and schema.org's vocabulary allows."""

from __future__ import annotations

import json
import re
from typing import Any

import extruct  # type: ignore[import-untyped]
import msgspec
import pytest
from bs4 import BeautifulSoup
from msgspec_schemaorg.models import (  # type: ignore[import-untyped]
    Claim,
    ClaimReview,
    CreativeWork,
    Organization,
    Person,
    Rating,
)

from claims.reports.claimreview import reads_as_person
from tests.claims.reports.conftest import (
    ARTICLE_URL,
    CLAIM_URL,
    ORGANISATION,
    PUBLISHER_URL,
    Desk,
    ok,
)

VOCABULARY: dict[str, type[msgspec.Struct]] = {
    "ClaimReview": ClaimReview,
    "Claim": Claim,
    "Rating": Rating,
    "Organization": Organization,
    "Person": Person,
    "CreativeWork": CreativeWork,
}


def assert_in_vocabulary(node: dict[str, Any], path: str = "") -> None:
    """Every property of ``node`` (and its nested nodes) is one schema.org gives its type."""
    kind = node["@type"]
    assert kind in VOCABULARY, f"{path}: unexpected type {kind}"
    # The generated structs list every property of the type and of its ancestors.
    fields = set(VOCABULARY[kind].__struct_encode_fields__)
    for key, value in node.items():
        if key.startswith("@"):
            continue
        assert key in fields, f"{path}{kind}.{key} is not a schema.org property of {kind}"
        if isinstance(value, dict):
            assert_in_vocabulary(value, f"{path}{kind}.{key} -> ")


def review_of(reviews: list[dict[str, Any]], words: str) -> dict[str, Any]:
    return next(r for r in reviews if words in r["claimReviewed"])


@pytest.mark.parametrize(
    ("name", "person"),
    [
        ("Amina Berrada", True),
        ("Charles de Gaulle", True),
        ("le ministère", False),
        ("Le ministère de l'Agriculture", False),
    ],
)
def test_claimant_kind(name: str, person: bool) -> None:
    assert reads_as_person(name) is person


def claim_reviews(html: str) -> list[dict[str, Any]]:
    data = extruct.extract(html, base_url="https://factcheck.example/report", syntaxes=["json-ld"])
    return [item for item in data["json-ld"] if item.get("@type") == "ClaimReview"]


def test_claimreview_embedded_in_html_reads_as_schema_org(desk: Desk) -> None:
    result, path = desk.report("html", "--publish-url", "https://factcheck.example/report")
    assert ok(result)
    n = len(desk.claims)
    assert f"{n - 2} of {n} claims left out of ClaimReview: {n - 2} without a verdict" in (
        result.stderr
    )
    reviews = claim_reviews(path.read_text(encoding="utf-8"))
    assert len(reviews) == 2, "one ClaimReview per claim with a verdict, none for the others"
    for review in reviews:
        assert review["@context"] in ("https://schema.org", "http://schema.org")
        assert_in_vocabulary(review)
        assert review["author"] == {
            "@type": "Organization",
            "name": ORGANISATION,
            "url": PUBLISHER_URL,
        }
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", review["datePublished"])
        item = review["itemReviewed"]
        assert item["@type"] == "Claim"
        assert item["appearance"]["url"] == ARTICLE_URL
        # The page gives no date: the day it was fetched is not when the claim was made.
        assert "datePublished" not in item

    coops = review_of(reviews, "20.000")
    coops_claim = desk.claim("20.000")
    assert coops["claimReviewed"] == coops_claim["text"]
    assert coops["url"] == f"https://factcheck.example/report#claim-{coops_claim['id']}"
    assert coops["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "Mostly true",
        "ratingValue": 4,
        "bestRating": 5,
        "worstRating": 1,
    }
    # --publish-url (an option) beats the configured claim URL.
    # The claimant is a body, not a person.
    assert coops["itemReviewed"]["author"] == {"@type": "Organization", "name": "le ministère"}

    women = review_of(reviews, "40 %")
    assert women["itemReviewed"]["author"] == {"@type": "Person", "name": "Amina Berrada"}
    # Unverifiable is off the numeric scale: published by name only.
    assert women["reviewRating"] == {"@type": "Rating", "alternateName": "Unverifiable"}


def test_html_is_self_contained_and_hostile_text_is_inert(desk: Desk) -> None:
    result, path = desk.report("html")
    assert ok(result)
    html = path.read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    csp = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert csp is not None
    policy = str(csp["content"])
    assert "default-src 'none'" in policy
    assert "script-src 'none'" in policy
    scripts = soup.find_all("script")
    assert scripts
    assert all(s.get("type") == "application/ld+json" for s in scripts)
    assert not soup.find_all(["img", "iframe", "object", "embed", "link", "form", "base"])
    for tag in soup.find_all(True):
        assert not [a for a in tag.attrs if a.lower().startswith("on")], tag.name
    hrefs = [str(a["href"]) for a in soup.find_all("a")]
    assert hrefs
    assert all(h.startswith(("http://", "https://")) for h in hrefs)
    assert not any("javascript" in h for h in hrefs)
    # Page text is shown as text: the markup it carries is visible, not live.
    text = soup.get_text()
    assert '<script>alert("x")</script>' in text
    assert "<img src=x onerror=alert(1)>" in text
    assert "[lien](javascript:alert(1))" in text
    assert "<i>registry</i> =1+1" in text
    for block in scripts:
        json.loads(block.string or "")
        assert "</" not in (block.string or "")


def test_a_local_file_address_is_not_a_link(desk: Desk, tmp_path: Any) -> None:
    page = tmp_path / "note.html"
    page.write_text(
        "<html><body><article><p>Le port a traité 12 millions de tonnes en 2023, "
        "selon le rapport annuel publié par l'autorité portuaire.</p></article></body></html>",
        encoding="utf-8",
    )
    ok(desk.cli("ingest", str(page), "--lang", "fr"))
    result, path = desk.report("html", "--source", "file:")
    assert ok(result)
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    assert "file://" in soup.get_text()
    assert not [a for a in soup.find_all("a") if "file:" in str(a.get("href"))]


def test_claimreview_of_a_local_file_publishes_no_local_path(desk: Desk, tmp_path: Any) -> None:
    page = tmp_path / "note.html"
    page.write_text(
        "<html><head><title>Rapport annuel</title></head><body><article><p>Le port a "
        "traité 12 millions de tonnes en 2023, selon le rapport annuel publié par "
        "l'autorité portuaire.</p></article></body></html>",
        encoding="utf-8",
    )
    ok(desk.cli("ingest", str(page), "--lang", "fr"))
    listed = json.loads(ok(desk.cli("claims", "--source", "file:", "--format", "json")).stdout)
    [claim] = listed["claims"]
    ok(desk.cli("verdict", str(claim["id"]), "true", "--why", "Port authority figures"))
    result, path = desk.report("claimreview", "--source", "file:")
    assert ok(result)
    [review] = json.loads(path.read_text(encoding="utf-8"))
    # A file: address is the desk's own disk: no reader can open it, and it says
    # where the desk keeps its files. The work is still named by its title.
    assert "file:" not in path.read_text(encoding="utf-8")
    assert review["itemReviewed"]["appearance"] == {
        "@type": "CreativeWork",
        "headline": "Rapport annuel",
    }
    assert_in_vocabulary(review)


@pytest.mark.parametrize("fmt", ["claimreview"])
def test_claimreview_export_skips_claims_without_verdict(desk: Desk, fmt: str) -> None:
    result, path = desk.report(fmt)
    assert ok(result)
    reviews = json.loads(path.read_text(encoding="utf-8"))
    assert len(reviews) == 2
    n = len(desk.claims)
    without = sorted(c["id"] for c in desk.claims if not c["verdict"])
    assert (
        f"{n - 2} of {n} claims left out of ClaimReview: {n - 2} without a verdict "
        f"(claim {', '.join(map(str, without))})"
    ) in result.stderr
    for review in reviews:
        assert_in_vocabulary(review)
        assert review["url"] in {CLAIM_URL.format(id=c["id"]) for c in desk.claims}
