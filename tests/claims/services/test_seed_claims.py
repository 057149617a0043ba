"""Ingesting the seed article yields what shared/seed/expected-claims.json asks."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.support.cli import CliRun
from tests.support.rulings import as_ruled
from tests.support.shared import shared_file

SEED_URL = "https://medias24.com/2019/06/20/maroc-pact-for-impact/"


@pytest.fixture
def seed_claims(cli: CliRun) -> list[dict[str, Any]]:
    seed = shared_file("seed", "medias24-maroc-pact-for-impact.txt")
    result = cli("ingest", str(seed), "--lang", "fr", "--url", SEED_URL)
    assert result.exit_code == 0, result.stderr
    listing = cli("claims", "--format", "json", "--limit", "1000")
    assert listing.exit_code == 0, listing.stderr
    claims: list[dict[str, Any]] = json.loads(listing.stdout)["claims"]
    return claims


def _expected() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        shared_file("seed", "expected-claims.json").read_text(encoding="utf-8")
    )
    return as_ruled(data)


def _matches(claim: dict[str, Any], item: dict[str, Any]) -> bool:
    if "sentence_contains" in item and item["sentence_contains"] not in claim["text"]:
        return False
    if "claimant_contains" in item and item["claimant_contains"] not in (claim["claimant"] or ""):
        return False
    if item.get("factual"):
        return claim["kind"] == "factual" or bool(claim["quantities"])
    if "value" not in item:
        return True
    for q in claim["quantities"]:
        if q["value"] is None or abs(q["value"] - item["value"]) > 1e-6:
            continue
        if "kind" in item and q["kind"] != item["kind"]:
            continue
        if "unit_contains" in item and item["unit_contains"] not in (q["unit"] or ""):
            continue
        if "approximate" in item and q["approximate"] != item["approximate"]:
            continue
        if item.get("bounds_bracket_value") and not (
            q["low"] is not None and q["high"] is not None and q["low"] < q["value"] < q["high"]
        ):
            continue
        return True
    return False


def test_every_must_is_stored_exactly_once(seed_claims: list[dict[str, Any]]) -> None:
    for item in _expected()["must"]:
        found = [c for c in seed_claims if _matches(c, item)]
        assert len(found) == 1, f"{item} matched {len(found)} claims"
        assert found[0]["status"] == "new"
        start, end = found[0]["start"], found[0]["end"]
        assert end - start == len(found[0]["text"])


def test_no_must_not(seed_claims: list[dict[str, Any]]) -> None:
    for item in _expected()["must_not"]:
        if "value" in item:
            values = [q["value"] for c in seed_claims for q in c["quantities"]]
            assert item["value"] not in values, item["why"]
        if "sentence_contains" in item:
            assert not [c for c in seed_claims if item["sentence_contains"] in c["text"]]


def test_shoulds_reached(seed_claims: list[dict[str, Any]]) -> None:
    missed = [i for i in _expected()["should"] if not any(_matches(c, i) for c in seed_claims)]
    assert missed == []


def test_claimant_resolved_to_full_name(seed_claims: list[dict[str, Any]]) -> None:
    coop = next(c for c in seed_claims if "20.000 coopératives" in c["text"])
    assert coop["claimant"] == "Jamila Elmoussali"
    assert coop["snapshot_sha256"]
    assert coop["source_url"] == SEED_URL
    assert coop["selector"]["exact"] == coop["text"]
    assert len(coop["selector"]["prefix"]) == 32
    assert len(coop["selector"]["suffix"]) == 32


def test_show_marks_the_sentence_and_gives_provenance(
    cli: CliRun, seed_claims: list[dict[str, Any]]
) -> None:
    coop = next(c for c in seed_claims if "20.000 coopératives" in c["text"])
    shown = cli("show", str(coop["id"]))
    assert shown.exit_code == 0, shown.stderr
    assert "⟦A cette occasion" in shown.stdout
    assert coop["snapshot_sha256"] in shown.stdout
    assert SEED_URL in shown.stdout
    assert f"{coop['start']}-{coop['end']}" in shown.stdout
    missing = cli("show", "999999")
    assert missing.exit_code == 1
    assert "no such claim" in missing.stderr


def test_claims_filters_and_csv(cli: CliRun, seed_claims: list[dict[str, Any]]) -> None:
    numeric = json.loads(cli("claims", "--kind", "numeric", "--format", "json").stdout)
    assert numeric["total"] == sum(1 for c in seed_claims if c["kind"] == "numeric")
    assert all(c["kind"] == "numeric" for c in numeric["claims"])
    coop = json.loads(cli("claims", "--text", "COOPÉRATIVES", "--format", "json").stdout)
    assert any("20.000" in c["text"] for c in coop["claims"])
    csv_out = cli("claims", "--format", "csv").stdout
    assert csv_out.splitlines()[0] == "id,status,kind,figures,claimant,text,source_url"
    assert len(csv_out.splitlines()) == len(seed_claims) + 1


def test_part_and_share_imply_a_derived_total(
    cli: CliRun, seed_claims: list[dict[str, Any]]
) -> None:
    [coop] = [c for c in seed_claims if c["kind"] == "derived"]
    assert "20.000 coopératives" in coop["text"]
    (total,) = coop["quantities"]
    assert total["value"] == pytest.approx(40_000)
    assert total["low"] < 40_000 < total["high"]
    assert total["unit"] == "coopératives actives dans le monde arabe"
    assert "20,000 / 0.5 = about 40,000 (38,614–41,412" in coop["reasoning"]
    [stated] = [c for c in seed_claims if c["kind"] != "derived" and c["start"] == coop["start"]]
    named = {q["id"]: q["surface"] for q in stated["quantities"]}
    assert [named[i] for i in coop["derived_from"]] == ["20.000 coopératives", "50 pc"]

    shown = cli("show", str(coop["id"]))
    assert shown.exit_code == 0, shown.stderr
    assert f"{coop['id']} (derived, new" in shown.stdout
    assert "reasoning  20.000 coopératives is 50 pc of" in shown.stdout
    assert f"from  20.000 coopératives (claim {stated['id']}, figure 0)" in shown.stdout
    assert f"from  50 pc (claim {stated['id']}, figure 1)" in shown.stdout
    as_json = json.loads(cli("show", str(coop["id"]), "--format", "json").stdout)
    assert (as_json["derived_from"], as_json["reasoning"]) == (
        coop["derived_from"],
        coop["reasoning"],
    )


def test_every_figure_is_an_expected_one_or_a_total_naming_its_figures(
    seed_claims: list[dict[str, Any]],
) -> None:
    """No orphan totals on sentences without figures, no figure outside its claim."""
    expected = _expected()["must"] + _expected()["should"]
    for claim in seed_claims:
        if claim["kind"] == "derived":
            assert len(claim["derived_from"]) == 2
            continue
        at = claim["start"]
        for q in claim["quantities"]:
            assert claim["text"][q["start"] - at : q["end"] - at] == q["surface"]
        if claim["quantities"]:
            assert any(_matches(claim, item) for item in expected), claim["text"]
    assert sum(c["kind"] == "derived" for c in seed_claims) == 1
