"""Importing fact-checks from files and the loopback server, and matching the seed's claim."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import func, select

from claims.factchecks import import_factchecks
from db.engine import Database
from db.models import FactCheck, FactCheckMatch
from sources.fetching import FetchPolicy
from tests.claims.factchecks.reviews import COOPS, COOPS_URL, TOURISM, data_feed, dumps, page
from tests.support.cli import CliRun
from tests.support.httpserver import HTTPTestServer
from tests.support.shared import seed_file

SEED_URL = "https://medias24.com/2019/06/20/maroc-pact-for-impact/"


def _count(db_url: str, model: type) -> int:
    database = Database(db_url)
    try:
        with database.read() as session:
            return int(session.exec(select(func.count()).select_from(model)).one())
    finally:
        database.dispose()


def _index(cli: CliRun) -> list[dict[str, Any]]:
    listing = cli("factchecks", "list", "--format", "json")
    assert listing.exit_code == 0, listing.stderr
    rows: list[dict[str, Any]] = json.loads(listing.stdout)["fact_checks"]
    return rows


def test_a_file_imported_twice_gives_one_index(cli: CliRun, tmp_path: Path) -> None:
    feed = tmp_path / "feed.json"
    feed.write_bytes(dumps(data_feed(COOPS, TOURISM)))
    first = cli("factchecks", "import", str(feed))
    assert first.exit_code == 0, first.stderr
    assert "2 fact-checks read, 2 added, 0 already in the index" in first.stdout
    again = cli("factchecks", "import", str(feed), "--format", "json")
    assert again.exit_code == 0, again.stderr
    assert json.loads(again.stdout) == [
        {"source": str(feed), "found": 2, "added": 0, "known": 2, "ids": []}
    ]
    rows = _index(cli)
    assert [r["url"] for r in rows] == [
        "https://factcheck.example/2024/05/maroc-tourisme",
        COOPS_URL,
    ]
    coops = rows[1]
    assert (coops["rating"], coops["author"], coops["date_published"], coops["language"]) == (
        "Mostly false",
        "Desk Check",
        "2024-03-02",
        "en",
    )


def test_the_same_review_in_another_shape_is_known_too(cli: CliRun, tmp_path: Path) -> None:
    single, html = tmp_path / "one.json", tmp_path / "page.html"
    single.write_bytes(dumps(COOPS))
    html.write_text(page(COOPS, TOURISM), encoding="utf-8")
    assert cli("factchecks", "import", str(single)).exit_code == 0
    result = cli("factchecks", "import", str(html))
    assert result.exit_code == 0, result.stderr
    assert "2 fact-checks read, 1 added, 1 already in the index" in result.stdout


def test_import_from_a_url_goes_through_the_fetcher(
    cli: CliRun, http_server: HTTPTestServer
) -> None:
    http_server.route("/feed", dumps(data_feed(COOPS)), content_type="application/ld+json")
    http_server.route("/review", page(TOURISM))
    result = cli("factchecks", "import", http_server.url("/feed"), http_server.url("/review"))
    assert result.exit_code == 0, result.stderr
    assert len(_index(cli)) == 2
    guarded = cli("factchecks", "import", http_server.url("/feed"), guard=True)
    assert guarded.exit_code == 1
    assert "refuses non-public addresses" in guarded.stderr


@pytest.mark.parametrize(
    ("body", "says"),
    [
        (b"not json at all", "not JSON"),
        (dumps([COOPS, {**TOURISM, "claimReviewed": {"text": 1}}]), "claimReviewed is an object"),
        (dumps({"@type": "DataFeed", "dataFeedElement": []}), "no ClaimReview found"),
    ],
)
def test_hostile_input_changes_nothing(
    cli: CliRun, db_url: str, tmp_path: Path, body: bytes, says: str
) -> None:
    good = tmp_path / "good.json"
    good.write_bytes(dumps(COOPS))
    assert cli("factchecks", "import", str(good)).exit_code == 0
    bad = tmp_path / "bad.json"
    bad.write_bytes(body)
    result = cli("factchecks", "import", str(bad))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"factdesk: error: {bad}: ")
    assert says in result.stderr
    assert result.stderr.count("\n") == 1
    assert _count(db_url, FactCheck) == 1


def test_a_file_over_the_size_cap_is_refused_unread(
    cli: CliRun, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FACTDESK_FETCH__MAX_BODY_MIB", "0.01")
    huge = tmp_path / "huge.json"
    huge.write_bytes(dumps([COOPS] * 200))
    result = cli("factchecks", "import", str(huge))
    assert result.exit_code == 1
    assert "cap" in result.stderr
    assert _count(db_url, FactCheck) == 0


def test_a_missing_file_is_named(cli: CliRun, tmp_path: Path) -> None:
    result = cli("factchecks", "import", str(tmp_path / "nope.json"))
    assert result.exit_code == 1
    assert "nope.json: no such file" in result.stderr


def _seed_coop_claim(cli: CliRun) -> dict[str, Any]:
    ingested = cli("ingest", str(seed_file()), "--lang", "fr", "--url", SEED_URL)
    assert ingested.exit_code == 0, ingested.stderr
    listing = json.loads(cli("claims", "--format", "json", "--limit", "1000").stdout)["claims"]
    (claim,) = [c for c in listing if "20.000 coopératives" in c["text"] and c["kind"] == "numeric"]
    return dict(claim)


def test_the_seed_claim_matches_the_cooperatives_check_and_not_the_tourism_one(
    cli: CliRun, db_url: str, tmp_path: Path
) -> None:
    feed = tmp_path / "feed.json"
    feed.write_bytes(dumps(data_feed(COOPS, TOURISM)))
    assert cli("factchecks", "import", str(feed)).exit_code == 0
    claim = _seed_coop_claim(cli)

    shown = cli("show", str(claim["id"]))
    assert shown.exit_code == 0, shown.stderr
    assert "already checked by Desk Check on 2024-03-02: Mostly false" in shown.stdout
    assert "same figure: 20.000 coopératives = 20,000 cooperatives" in shown.stdout
    assert "touristes" not in shown.stdout

    as_json = json.loads(cli("show", str(claim["id"]), "--format", "json").stdout)
    assert [m["url"] for m in as_json["fact_checks"]] == [COOPS_URL]
    assert as_json["fact_checks"][0]["score"] >= 0.55

    matched = json.loads(cli("factchecks", "match", str(claim["id"]), "--format", "json").stdout)
    assert [m["url"] for m in matched] == [COOPS_URL]

    # Ingest recorded the match with the claim (the index was there first), and only it.
    database = Database(db_url)
    try:
        with database.read() as session:
            rows = list(session.exec(select(FactCheckMatch)))
            urls = {session.get(FactCheck, r.fact_check_id).url for r in rows}  # type: ignore[union-attr]
    finally:
        database.dispose()
    assert claim["id"] in {r.claim_id for r in rows}
    assert urls == {COOPS_URL}

    listed = json.loads(cli("factchecks", "matches", "--format", "json").stdout)
    assert listed["total"] == len(rows)
    assert claim["id"] in {m["claim_id"] for m in listed["matches"]}
    assert {m["rating"] for m in listed["matches"]} == {"Mostly false"}
    table = cli("factchecks", "matches")
    assert "Mostly false" in table.stdout
    assert f"of {len(rows)}" in table.stderr


def test_a_fact_check_imported_after_the_claim_shows_too(cli: CliRun, tmp_path: Path) -> None:
    claim = _seed_coop_claim(cli)
    assert "already checked" not in cli("show", str(claim["id"])).stdout
    assert json.loads(cli("factchecks", "matches", "--format", "json").stdout)["total"] == 0
    single = tmp_path / "one.json"
    single.write_bytes(dumps(COOPS))
    assert cli("factchecks", "import", str(single)).exit_code == 0
    assert "already checked by Desk Check" in cli("show", str(claim["id"])).stdout


def test_match_takes_a_claim_text_in_either_language(cli: CliRun, tmp_path: Path) -> None:
    feed = tmp_path / "feed.json"
    feed.write_bytes(dumps(data_feed(COOPS, TOURISM)))
    assert cli("factchecks", "import", str(feed)).exit_code == 0
    french = cli("factchecks", "match", "Le Maroc compte 20.000 coopératives.", "--lang", "fr")
    assert french.exit_code == 0, french.stderr
    assert "already checked by Desk Check on 2024-03-02: Mostly false" in french.stdout
    assert "1 matching fact-checks" in french.stderr
    english = cli("factchecks", "match", "Morocco welcomed 13 million tourists in 2019")
    assert "Vrai" in english.stdout
    none = cli("factchecks", "match", "Senegal started producing oil in 2024.")
    assert none.stdout == ""
    unknown = cli("factchecks", "match", "999999")
    assert unknown.exit_code == 1
    assert "claim 999999: no such claim" in unknown.stderr


def test_fetched_text_is_shown_as_text(cli: CliRun, tmp_path: Path) -> None:
    hostile = {**COOPS, "author": {"name": "[bold red]Evil[/] \x1b[31mDesk"}}
    single = tmp_path / "one.json"
    single.write_bytes(dumps(hostile))
    assert cli("factchecks", "import", str(single)).exit_code == 0
    out = cli("factchecks", "match", "Le Maroc compte 20.000 coopératives.").stdout
    assert "[bold red]Evil[/]" in out
    assert "\x1b" not in out


def test_a_long_import_reports_its_steps(database: Database, tmp_path: Path) -> None:
    feed = tmp_path / "feed.json"
    feed.write_bytes(dumps(data_feed(COOPS, TOURISM)))
    heard: list[str] = []
    import_factchecks(database, str(feed), policy=FetchPolicy(), progress=heard.append)
    assert heard == [
        f"reading {feed}",
        f"parsing {feed.stat().st_size:,} bytes",
        "storing 2 fact-checks",
    ]
