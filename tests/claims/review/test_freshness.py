"""Evidence says whether its passage is still in its page as it was linked."""

from __future__ import annotations

import json
from typing import Any

from claims.services.refresh import refresh
from db.engine import Database
from tests.sources.refresh.conftest import ARTICLE as PAGE
from tests.sources.refresh.conftest import (
    FAST,
    REPORT,
    fetch_policy,
    sites,  # noqa: F401  (fixture)
    text_page,
)
from tests.support.cli import CliRun
from tests.support.httpserver import HTTPTestServer

QUOTE = "Le registre national recense 20.000 coopératives actives au 31 décembre 2024."


def _evidence(cli: CliRun, site: list[HTTPTestServer]) -> tuple[int, int]:
    text_page(site[0], "/article", PAGE)
    text_page(site[1], "/report", REPORT)
    assert cli("ingest", site[0].url("/article")).exit_code == 0
    claims = json.loads(cli("claims", "--format", "json").stdout)["claims"]
    claim_id = next(c["id"] for c in claims if "20.000" in c["text"])
    out = cli(
        "evidence",
        "add",
        str(claim_id),
        site[1].url("/report"),
        "--quote",
        QUOTE,
        "--stance",
        "supports",
        "--format",
        "json",
    )
    assert out.exit_code == 0, out.stderr
    return claim_id, json.loads(out.stdout)["id"]


def _item(cli: CliRun, claim_id: int) -> dict[str, Any]:
    shown = json.loads(cli("show", str(claim_id), "--format", "json").stdout)
    [item] = shown["evidence"]
    return dict(item)


def _refresh(database: Database) -> None:
    refresh(database, policy=FAST, fetch_policy=fetch_policy(), scope="all")


def test_fresh_evidence_is_current(cli: CliRun, sites: list[HTTPTestServer]) -> None:  # noqa: F811
    claim_id, _ = _evidence(cli, sites)
    item = _item(cli, claim_id)
    assert (item["freshness"], item["changed_at"], item["now"]) == ("current", None, None)


def test_changed_evidence_says_so_with_the_new_quote_and_crosscheck(
    cli: CliRun,
    database: Database,
    sites: list[HTTPTestServer],  # noqa: F811
) -> None:
    claim_id, _ = _evidence(cli, sites)
    text_page(sites[1], "/report", REPORT.replace("20.000 coopératives", "18.500 coopératives"))
    _refresh(database)
    item = _item(cli, claim_id)
    assert item["freshness"] == "changed"
    assert item["changed_at"]
    assert item["quote"] == QUOTE  # the passage as linked stays
    assert "18.500" in item["now"]["quote"]
    assert item["now"]["crosscheck"]
    shown = cli("show", str(claim_id)).stdout
    assert "CHANGED since" in shown
    assert "18.500" in shown
    listed = cli("evidence", "list", str(claim_id)).stdout
    assert "freshness: CHANGED" in listed
    history = cli("history", str(claim_id)).stdout
    assert "18.500" in history
    assert "{" not in history  # words, not dicts


def test_moved_and_gone_evidence(
    cli: CliRun,
    database: Database,
    sites: list[HTTPTestServer],  # noqa: F811
) -> None:
    claim_id, _ = _evidence(cli, sites)
    text_page(sites[1], "/report", "Avertissement : page réorganisée.\n\n" + REPORT)
    _refresh(database)
    assert _item(cli, claim_id)["freshness"] == "moved"
    text_page(sites[1], "/report", REPORT.replace(QUOTE + " ", ""))
    _refresh(database)
    item = _item(cli, claim_id)
    assert item["freshness"] == "gone"
    assert item["now"]["quote"] is None
