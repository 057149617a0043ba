"""Evidence on the demo corpus: anchored quotes, --auto proposals, cross-checks."""

from __future__ import annotations

import json
from typing import Any

import pytest

from db.engine import Database
from sources.demo import demo_pages
from tests.claims.review.conftest import claim_with
from tests.support.cli import CliRun, counts
from tests.support.httpserver import HTTPTestServer

ARTICLE = "fr-courrier-rabat-cooperatives.html"
AGENCY = "src-ancs-chiffres-cles-2025.html"


@pytest.fixture
def served(http_server: HTTPTestServer) -> dict[str, str]:
    """The demo pages served over HTTP on 127.0.0.1, by file name -> URL."""
    urls = {}
    for page in demo_pages():
        media = "text/plain" if page.path.suffix == ".txt" else "text/html"
        charset = page.entry.get("encoding", "utf-8")
        http_server.route(
            f"/{page.path.name}", page.path.read_bytes(), content_type=f"{media}; charset={charset}"
        )
        urls[page.path.name] = http_server.url(f"/{page.path.name}")
    return urls


@pytest.fixture
def article(cli: CliRun, served: dict[str, str]) -> list[dict[str, Any]]:
    result = cli("ingest", served[ARTICLE], "--lang", "fr")
    assert result.exit_code == 0, result.stderr
    claims: list[dict[str, Any]] = json.loads(cli("claims", "--format", "json").stdout)["claims"]
    return claims


def _claim(claims: list[dict[str, Any]], words: str) -> int:
    return int(claim_with(claims, words)["id"])


def _add(cli: CliRun, *args: str) -> dict[str, Any]:
    result = cli("evidence", "add", *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_auto_ranks_the_matching_figure_first_and_crosscheck_is_within(
    cli: CliRun, article: list[dict[str, Any]], served: dict[str, str]
) -> None:
    cid = _claim(article, "nous en comptons aujourd'hui 20.000")
    added = _add(cli, str(cid), served[AGENCY], "--auto", "--stance", "supports")
    assert "20 347 coopératives actives" in added["proposals"][0]["text"]
    assert "20 347" in added["quote"]
    assert added["anchor"]["method"] == "position"
    within = [c for c in added["crosscheck"] if c["result"] == "within"]
    assert any(c["evidence"]["value"] == 20347 for c in within)


def test_inconsistent_figure_is_outside_with_its_deviation(
    cli: CliRun, article: list[dict[str, Any]], served: dict[str, str]
) -> None:
    cid = _claim(article, "Plus de 40 % des coopératives")
    added = _add(
        cli,
        str(cid),
        served[AGENCY],
        "--quote",
        "La part des coopératives dirigées par des femmes s'établit à 31 %",
        "--stance",
        "refutes",
    )
    (check,) = [c for c in added["crosscheck"] if c["evidence"]["value"] == 31]
    assert check["result"] == "outside"
    assert check["deviation"] == pytest.approx(-0.225, abs=0.001)
    shown = json.loads(cli("show", str(cid), "--format", "json").stdout)
    assert shown["status"] == "in_review"
    assert shown["evidence"][0]["crosscheck"][0]["result"] == "outside"
    assert shown["evidence"][0]["selector"][1]["type"] == "TextPositionSelector"


def test_verdict_and_note_follow_evidence_in_history(
    cli: CliRun, article: list[dict[str, Any]], served: dict[str, str]
) -> None:
    cid = _claim(article, "Plus de 40 % des coopératives")
    _add(cli, str(cid), served[AGENCY], "--quote", "s'établit à 31 %", "--stance", "refutes")
    assert cli("note", str(cid), "Agency figure is for 2025").exit_code == 0
    assert cli("verdict", str(cid), "false", "--why", "31 %, not more than 40 %").exit_code == 0
    actions = [e["action"] for e in json.loads(cli("history", str(cid), "--format", "json").stdout)]
    assert actions == ["evidence_added", "status", "note", "verdict", "status"]


def test_a_quote_not_in_the_page_is_refused_with_the_closest_passage(
    cli: CliRun, database: Database, article: list[dict[str, Any]], served: dict[str, str]
) -> None:
    cid = _claim(article, "Plus de 40 % des coopératives")
    before = counts(database)
    result = cli(
        "evidence",
        "add",
        str(cid),
        served[AGENCY],
        "--quote",
        "dirigées par des femmes s'établit à 41 %",
    )
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()
    assert "closest passage" in line
    assert "31 %" in line
    after = counts(database)
    assert (after.sources, after.snapshots) == (before.sources, before.snapshots)
    assert json.loads(cli("evidence", "list", str(cid), "--format", "json").stdout) == []
    assert json.loads(cli("history", str(cid), "--format", "json").stdout) == []


def test_an_evidence_page_that_fails_to_fetch_writes_no_evidence(
    cli: CliRun, article: list[dict[str, Any]], http_server: HTTPTestServer
) -> None:
    cid = _claim(article, "Plus de 40 % des coopératives")
    http_server.route("/gone", "no", status=404)
    result = cli("evidence", "add", str(cid), http_server.url("/gone"), "--quote", "31 %")
    assert result.exit_code == 1
    assert "404" in result.stderr
    assert json.loads(cli("history", str(cid), "--format", "json").stdout) == []


def test_removed_evidence_stays_in_the_history(
    cli: CliRun, article: list[dict[str, Any]], served: dict[str, str]
) -> None:
    cid = _claim(article, "Plus de 40 % des coopératives")
    added = _add(cli, str(cid), served[AGENCY], "--quote", "s'établit à 31 %")
    removed = cli("evidence", "remove", str(added["id"]), "--why", "wrong year")
    assert removed.exit_code == 0, removed.stderr
    assert json.loads(cli("evidence", "list", str(cid), "--format", "json").stdout) == []
    everything = json.loads(
        cli("evidence", "list", str(cid), "--removed", "--format", "json").stdout
    )
    assert [e["removed"] for e in everything] == [True]
    events = json.loads(cli("history", str(cid), "--format", "json").stdout)
    assert [e["action"] for e in events][-1] == "evidence_removed"
    assert events[-1]["text"] == "wrong year"
    again = cli("evidence", "remove", str(added["id"]))
    assert again.exit_code == 1
    assert "already removed" in again.stderr
