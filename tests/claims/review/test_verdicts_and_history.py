"""Verdicts, statuses, notes, assignment: append-only events, state derived from them."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from claims.review.events import derive_state, history
from db.engine import Database
from db.models import ClaimState
from tests.claims.review.conftest import claim_with
from tests.support.cli import CliRun


def _show(cli: CliRun, claim_id: int) -> dict[str, Any]:
    out = cli("show", str(claim_id), "--format", "json")
    assert out.exit_code == 0, out.stderr
    data: dict[str, Any] = json.loads(out.stdout)
    return data


def test_verdict_and_note_appear_in_history_in_order(
    cli: CliRun, database: Database, article_claims: list[dict[str, Any]]
) -> None:
    claim = claim_with(article_claims, "20.000")
    cid = str(claim["id"])
    assert cli("note", cid, "Call the ministry's press office").exit_code == 0
    verdict = cli("verdict", cid, "mostly-true", "--why", "Agency counts 20,347")
    assert verdict.exit_code == 0, verdict.stderr
    assert "Mostly true" in verdict.stdout
    events = json.loads(cli("history", cid, "--format", "json").stdout)
    assert [e["action"] for e in events] == ["note", "verdict", "status"]
    assert [e["version"] for e in events] == [1, 2, 3]
    assert events[1]["after"]["label"] == "Mostly true"
    assert events[1]["text"] == "Agency counts 20,347"
    assert (events[2]["before"], events[2]["after"]) == ("new", "checked")
    shown = _show(cli, claim["id"])
    assert shown["status"] == "checked"
    assert shown["verdict"] == "mostly-true"
    assert shown["verdict_detail"]["why"] == "Agency counts 20,347"
    assert [e["action"] for e in shown["history"]] == ["note", "verdict", "status"]
    table = cli("history", cid)
    assert "Agency counts 20,347" in table.stdout


def test_state_is_what_the_history_implies(
    cli: CliRun, database: Database, article_claims: list[dict[str, Any]]
) -> None:
    cid = claim_with(article_claims, "40 %")["id"]
    for args in (
        ("assign", str(cid), "amina"),
        ("status", str(cid), "in_review"),
        ("verdict", str(cid), "false", "--why", "31 % per the agency"),
        ("verdict", str(cid), "misleading", "--why", "depends on the year"),
        ("status", str(cid), "needs_recheck"),
    ):
        result = cli(*args)
        assert result.exit_code == 0, result.stderr
    with database.read() as session:
        stored = session.get(ClaimState, cid)
        derived = derive_state(cid, history(session, cid))
    assert stored is not None
    assert (stored.status, stored.verdict, stored.assignee, stored.version) == (
        derived.status,
        derived.verdict,
        derived.assignee,
        derived.version,
    )
    assert (stored.status, stored.verdict, stored.assignee) == (
        "needs_recheck",
        "misleading",
        "amina",
    )
    mine = json.loads(cli("claims", "--reviewer", "amina", "--format", "json").stdout)
    assert [c["id"] for c in mine["claims"]] == [cid]
    misleading = json.loads(cli("claims", "--verdict", "misleading", "--format", "json").stdout)
    assert misleading["total"] == 1
    rechecks = json.loads(cli("claims", "--status", "needs_recheck", "--format", "json").stdout)
    assert rechecks["total"] == 1


def test_a_figure_gets_its_own_verdict(cli: CliRun, article_claims: list[dict[str, Any]]) -> None:
    claim = claim_with(article_claims, "20.000")
    assert len(claim["quantities"]) >= 2
    result = cli("verdict", str(claim["id"]), "true", "--figure", "1", "--why", "50 % holds")
    assert result.exit_code == 0, result.stderr
    shown = _show(cli, claim["id"])
    assert shown["figure_verdicts"]["figure:1"]["rating"] == "true"
    assert shown["verdict"] is None
    assert shown["status"] == "new"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("verdict", "{id}", "pants-on-fire", "--why", "x"), "not on the scale"),
        (("verdict", "{id}", "false", "--why", "  "), "rationale"),
        (("verdict", "999999", "false", "--why", "x"), "no such claim"),
        (("status", "{id}", "archived"), "unknown"),
        (("note", "{id}", " "), "empty note"),
        (("history", "999999"), "no such claim"),
        (("evidence", "remove", "999999"), "no such evidence"),
    ],
)
def test_bad_review_input_is_refused_and_writes_nothing(
    cli: CliRun, article_claims: list[dict[str, Any]], args: tuple[str, ...], message: str
) -> None:
    cid = str(article_claims[0]["id"])
    result = cli(*(a.replace("{id}", cid) for a in args))
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert message in lines[0]
    events = json.loads(cli("history", cid, "--format", "json").stdout)
    assert events == []


def test_history_cannot_be_rewritten(
    cli: CliRun, database: Database, article_claims: list[dict[str, Any]]
) -> None:
    cid = article_claims[0]["id"]
    assert cli("note", str(cid), "first look").exit_code == 0
    for statement in (
        "UPDATE review_event SET text = 'forged'",
        "DELETE FROM review_event",
        "UPDATE snapshot SET text = 'forged'",
        "DELETE FROM fetch_record",
    ):
        with pytest.raises(DBAPIError, match="append-only"), database.write() as session:
            session.execute(text(statement))
    events = json.loads(cli("history", str(cid), "--format", "json").stdout)
    assert [e["text"] for e in events] == ["first look"]
