"""Groups: the same claim seen in several articles is reviewed once."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlmodel import Session

from claims.review.events import history
from claims.review.index import claim_index, derive_index
from claims.review.listing import ClaimFilter, claim_rows
from db.engine import Database
from db.reader import SessionRows
from tests.claims.review.conftest import ARTICLE, claim_with
from tests.support.cli import CliRun
from tests.support.shared import seed_file


def _claims(cli: CliRun, *args: str) -> list[dict[str, Any]]:
    out = cli("claims", "--format", "json", "--limit", "1000", *args)
    assert out.exit_code == 0, out.stderr
    claims: list[dict[str, Any]] = json.loads(out.stdout)["claims"]
    return claims


def _show(cli: CliRun, claim_id: int) -> dict[str, Any]:
    out = cli("show", str(claim_id), "--format", "json")
    assert out.exit_code == 0, out.stderr
    data: dict[str, Any] = json.loads(out.stdout)
    return data


def test_the_seed_under_two_urls_is_one_group_per_claim(cli: CliRun, database: Database) -> None:
    seed = str(seed_file())
    for url in ("https://medias24.com/a/pact", "https://www.mapexpress.ma/pact"):
        out = cli("ingest", seed, "--lang", "fr", "--url", url)
        assert out.exit_code == 0, out.stderr
    claims = _claims(cli)
    first = [c for c in claims if c["source_url"].endswith("/a/pact")]
    second = [c for c in claims if c["source_url"].endswith("ma/pact")]
    assert len(first) == len(second) > 5
    for a, b in zip(first, second, strict=True):
        assert a["text"] == b["text"]
        assert a["group"] == b["group"] == {"id": a["id"], "claims": [a["id"], b["id"]]}
    # A verdict on one claim shows on the other, each with its own event.
    a, b = first[0], second[0]
    out = cli("verdict", str(b["id"]), "mostly-true", "--why", "the registry counts 20,347")
    assert out.exit_code == 0, out.stderr
    for claim in (a, b):
        shown = _show(cli, claim["id"])
        assert shown["verdict"] == "mostly-true"
        assert shown["status"] == "checked"
        verdicts = [e for e in shown["history"] if e["action"] == "verdict"]
        assert [e["text"] for e in verdicts] == ["the registry counts 20,347"]
    # The queue can show one row per group, seen in two sources.
    with database.read() as session:
        assert isinstance(session, Session)
        page = claim_rows(SessionRows(session), ClaimFilter(per_group=True), limit=1000)
    assert [r.id for r in page.rows] == [c["id"] for c in first]
    assert {r.sources for r in page.rows} == {2}
    groups = json.loads(cli("groups", "--format", "json").stdout)
    assert len(groups) == len(first)
    assert {g["sources"] for g in groups} == {2}


def test_a_figure_verdict_reaches_the_same_figure_in_the_group(
    cli: CliRun, article_claims: list[dict[str, Any]]
) -> None:
    seed = str(seed_file())
    urls = ("https://medias24.com/a/pact", "https://www.mapexpress.ma/pact")
    for url in urls:
        assert cli("ingest", seed, "--lang", "fr", "--url", url).exit_code == 0
    claims = _claims(cli)
    first = next(c for c in claims if c["source_url"] == urls[0] and "20.000" in c["text"])
    twin = next(c for c in claims if c["source_url"] == urls[1] and c["text"] == first["text"])
    out = cli("verdict", str(first["id"]), "false", "--figure", "0", "--why", "19,842 in 2025")
    assert out.exit_code == 0, out.stderr
    for claim in (first, twin):
        rated = _show(cli, claim["id"])["figure_verdicts"]
        assert rated["figure:0"]["rating"] == "false", claim["id"]
        assert rated["figure:0"]["why"] == "19,842 in 2025"
    # Merged by hand with a claim whose figure 0 is another figure: that one is not rated.
    other = claim_with(article_claims, "40 %")["id"]
    assert cli("merge", str(first["id"]), str(other)).exit_code == 0
    out = cli("verdict", str(twin["id"]), "mostly-false", "--figure", "0", "--why", "again")
    assert out.exit_code == 0, out.stderr
    assert _show(cli, first["id"])["figure_verdicts"]["figure:0"]["rating"] == "mostly-false"
    assert _show(cli, other)["figure_verdicts"] == {}


def test_each_claim_of_an_identical_pair_names_the_other_in_its_history(cli: CliRun) -> None:
    seed = str(seed_file())
    urls = ("https://medias24.com/a/pact", "https://www.mapexpress.ma/pact")
    for url in urls:
        assert cli("ingest", seed, "--lang", "fr", "--url", url).exit_code == 0
    claims = _claims(cli)
    first = next(c for c in claims if c["source_url"] == urls[0])
    second = next(c for c in claims if c["source_url"] == urls[1] and c["text"] == first["text"])
    for claim, other, url in ((first, second, urls[1]), (second, first, urls[0])):
        joined = [e for e in _show(cli, claim["id"])["history"] if e["action"] == "group"]
        assert [e["text"] for e in joined] == [f"same sentence as claim {other['id']} ({url})"]
    assert f"same sentence as claim {second['id']}" in cli("history", str(first["id"])).stdout


def test_merge_split_and_a_status_reaches_the_group(
    cli: CliRun, article_claims: list[dict[str, Any]]
) -> None:
    a = claim_with(article_claims, "20.000")["id"]
    b = claim_with(article_claims, "40 %")["id"]
    c = claim_with(article_claims, "cinquantaine")["id"]
    assert cli("merge", str(a)).exit_code == 1
    out = cli("merge", str(a), str(b), str(c))
    assert out.exit_code == 0, out.stderr
    assert _show(cli, c)["group"] == {"id": a, "claims": [a, b, c]}
    out = cli("status", str(b), "in_review", "--why", "calling the ministry")
    assert out.exit_code == 0, out.stderr
    assert {_show(cli, n)["status"] for n in (a, b, c)} == {"in_review"}
    # A split is refused, as every change to one claim, if the claim changed since it was read.
    stale = cli("split", str(a), "--expect-version", "1")
    assert stale.exit_code == 1
    assert "changed since it was loaded" in stale.stderr
    assert _show(cli, a)["group"] == {"id": a, "claims": [a, b, c]}
    version = str(_show(cli, a)["version"])
    assert cli("split", str(a), "--expect-version", version).exit_code == 0
    assert _show(cli, a)["group"] is None
    # The group's id follows its smallest claim, the one row the queue shows for it.
    assert _show(cli, b)["group"] == {"id": b, "claims": [b, c]}
    assert cli("split", str(b)).exit_code == 0
    # A group of one is no group.
    assert _show(cli, c)["group"] is None
    again = cli("split", str(c))
    assert again.exit_code == 1
    assert "in no group" in again.stderr
    history = cli("history", str(b)).stdout
    assert "joined group" in history
    assert "left group" in history


def test_proposed_groups_same_figures_about_the_same_thing(cli: CliRun) -> None:
    assert (
        cli("ingest", "-", "--url", "https://a.example/x", "--lang", "fr", input=ARTICLE).exit_code
        == 0
    )
    english = (
        "<html lang='en'><body><article><p>According to the ministry, Morocco today has "
        "20,000 cooperatives, or 50 pc of all cooperatives active in the Arab world.</p>"
        "</article></body></html>"
    )
    assert (
        cli("ingest", "-", "--url", "https://b.example/y", "--lang", "en", input=english).exit_code
        == 0
    )
    proposals = json.loads(cli("groups", "--proposed", "--format", "json").stdout)
    assert proposals, "the same figures about cooperatives in two sources"
    claims = {c["id"]: c for c in _claims(cli)}
    pair = proposals[0]["claims"]
    assert {claims[n]["source_url"] for n in pair} == {"https://a.example/x", "https://b.example/y"}
    assert all(20000 in [q["value"] for q in claims[n]["quantities"]] for n in pair)
    assert cli("merge", *map(str, pair)).exit_code == 0
    assert json.loads(cli("groups", "--proposed", "--format", "json").stdout) == []


def test_evidence_given_to_one_claim_reaches_its_group(
    cli: CliRun, database: Database, article_claims: list[dict[str, Any]], tmp_path: Path
) -> None:
    a = claim_with(article_claims, "20.000")["id"]
    b = claim_with(article_claims, "40 %")["id"]
    assert cli("merge", str(a), str(b)).exit_code == 0
    page = tmp_path / "registry.html"
    page.write_text(
        "<html lang='fr'><body><article><p>Le registre recense 19.842 coopératives actives."
        "</p></article></body></html>",
        encoding="utf-8",
    )
    out = cli(
        "evidence", "add", str(a), str(page), "--url", "https://registry.example/2025",
        "--quote", "Le registre recense 19.842 coopératives actives.", "--stance", "refutes",
    )  # fmt: skip
    assert out.exit_code == 0, out.stderr
    for claim_id in (a, b):
        shown = _show(cli, claim_id)
        assert [e["quote"] for e in shown["evidence"]] == [
            "Le registre recense 19.842 coopératives actives."
        ]
        assert shown["status"] == "in_review"
        assert [e["action"] for e in shown["history"]][-2:] == ["evidence_added", "status"]
    # The index is a projection of the events: replaying them gives what it holds.
    with database.read() as session:
        for claim_id in (a, b):
            events = history(session, claim_id)
            index = claim_index(session, claim_id)
            assert derive_index(events) == (index.corrections, index.group_id)


def test_evidence_withdrawn_from_one_claim_leaves_its_group(
    cli: CliRun, database: Database, article_claims: list[dict[str, Any]], tmp_path: Path
) -> None:
    a = claim_with(article_claims, "20.000")["id"]
    b = claim_with(article_claims, "40 %")["id"]
    c = claim_with(article_claims, "cinquantaine")["id"]
    assert cli("merge", str(a), str(b)).exit_code == 0
    page = tmp_path / "registry.html"
    page.write_text(
        "<html lang='fr'><body><article><p>Le registre recense 19.842 coopératives actives."
        "</p><p>Les femmes en dirigent 38 %.</p></article></body></html>",
        encoding="utf-8",
    )
    quote = "Le registre recense 19.842 coopératives actives."
    add = ("evidence", "add", str(a), str(page), "--url", "https://registry.example/2025")
    assert cli(*add, "--quote", quote, "--stance", "refutes").exit_code == 0
    assert (
        cli(*add, "--quote", "Les femmes en dirigent 38 %.", "--stance", "context").exit_code == 0
    )
    # Claim c, outside the group, links the same passage on its own: it keeps it.
    alone = cli(
        "evidence", "add", str(c), str(page), "--url", "https://registry.example/2025",
        "--quote", quote, "--stance", "context",
    )  # fmt: skip
    assert alone.exit_code == 0, alone.stderr
    on_b = json.loads(cli("evidence", "list", str(b), "--format", "json").stdout)
    withdrawn = next(e for e in on_b if e["quote"] == quote)

    out = cli("evidence", "remove", str(withdrawn["id"]), "--why", "the registry page is from 2019")
    assert out.exit_code == 0, out.stderr
    assert f"removed from claim {b}" in out.stdout
    assert f"removed from claim {a} (same group)" in out.stdout
    for claim_id in (a, b):
        shown = _show(cli, claim_id)
        assert [e["quote"] for e in shown["evidence"] if not e["removed"]] == [
            "Les femmes en dirigent 38 %."
        ]
        removals = [e for e in shown["history"] if e["action"] == "evidence_removed"]
        assert [e["text"] for e in removals] == ["the registry page is from 2019"]
        assert shown["evidence_count"] == 1
    assert [e["quote"] for e in _show(cli, c)["evidence"] if not e["removed"]] == [quote]
    # The index is still a projection of the events.
    with database.read() as session:
        for claim_id in (a, b):
            events = history(session, claim_id)
            index = claim_index(session, claim_id)
            assert derive_index(events) == (index.corrections, index.group_id)
    again = cli("evidence", "remove", str(withdrawn["id"]))
    assert again.exit_code == 1
    assert "already removed" in again.stderr
