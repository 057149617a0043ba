"""Filters match what was typed: "_" and "%" are characters, not LIKE wildcards."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.support.cli import CliRun

PAGES = {
    "https://news.example/a_b": (
        "<html lang='fr'><body><article><p>Plus de 40 % des coopératives sont dirigées par "
        "des femmes, a déclaré la ministre Amina Berrada.</p></article></body></html>"
    ),
    "https://news.example/axb": (
        "<html lang='fr'><body><article><p>Le Maroc compte 20.000 coopératives selon le "
        "ministère de l'Artisanat.</p></article></body></html>"
    ),
}


@pytest.fixture
def desk(cli: CliRun) -> CliRun:
    for url, page in PAGES.items():
        assert cli("ingest", "-", "--url", url, input=page).exit_code == 0
    return cli


def _claims(cli: CliRun, *filters: str) -> list[dict[str, Any]]:
    result = cli("claims", "--format", "json", *filters)
    assert result.exit_code == 0, result.stderr
    claims: list[dict[str, Any]] = json.loads(result.stdout)["claims"]
    return claims


def test_every_page_gave_claims(desk: CliRun) -> None:
    assert {c["source_url"] for c in _claims(desk)} == set(PAGES)


# Filters made of wildcards that no stored text, claimant or URL holds literally
# (one URL holds "_", one sentence "%": the tests below look for those).
WILDCARDS = [
    *[("--text", w) for w in ("_", "__", "_%_", "%%")],
    *[("--claimant", w) for w in ("_", "%", "%%")],
    *[("--source", w) for w in ("%", "%%", "%_%")],
]


@pytest.mark.parametrize(("option", "wildcard"), WILDCARDS)
def test_a_wildcard_alone_matches_nothing(desk: CliRun, option: str, wildcard: str) -> None:
    assert _claims(desk, option, wildcard) == []


def test_a_percent_sign_finds_the_sentences_that_hold_one(desk: CliRun) -> None:
    found = _claims(desk, "--text", "40 %")
    assert found
    assert all("40 %" in c["text"] for c in found)
    assert {c["source_url"] for c in found} == {"https://news.example/a_b"}


def test_an_underscore_in_a_source_filter_is_an_underscore(desk: CliRun) -> None:
    found = _claims(desk, "--source", "a_b")
    assert {c["source_url"] for c in found} == {"https://news.example/a_b"}


def test_reports_filter_sources_literally_too(desk: CliRun) -> None:
    result = desk("report", "--format", "json", "--source", "a_b")
    assert result.exit_code == 0, result.stderr
    urls = {c["source_url"] for c in json.loads(result.stdout)["claims"]}
    assert urls == {"https://news.example/a_b"}
    nothing = desk("report", "--format", "json", "--source", "%")
    assert nothing.exit_code == 1
    assert "no claim matches" in nothing.stderr
