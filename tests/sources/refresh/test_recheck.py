"""Claim-aware re-check: evidence quotes and claim sentences re-anchored in new snapshots."""

from __future__ import annotations

from typing import Any

from sqlmodel import col, select

from claims.review.events import ensure_state, history
from claims.services.refresh import refresh
from db.engine import Database
from db.models import Evidence, QuoteAnchor
from tests.sources.refresh.conftest import (
    ARTICLE,
    FAST,
    REPORT,
    add_evidence,
    fetch_policy,
    ingest,
    text_page,
)
from tests.support.httpserver import HTTPTestServer

QUOTE = "Le registre national recense 20.000 coopératives actives au 31 décembre 2024."


def _setup(database: Database, sites: list[HTTPTestServer]) -> tuple[int, int, int]:
    """An article on site 1 with a claim; a report on site 2 as its evidence."""
    text_page(sites[0], "/article", ARTICLE)
    text_page(sites[1], "/report", REPORT)
    _, claims = ingest(database, sites[0].url("/article"))
    claim = next(c for c in claims if "20.000" in c.text)
    report, _ = ingest(database, sites[1].url("/report"), claims=False)
    assert claim.id is not None
    assert report.id is not None
    evidence_id = add_evidence(database, claim.id, report.id, QUOTE)
    return claim.id, report.id, evidence_id


def _run(database: Database) -> dict[str, int]:
    return refresh(database, policy=FAST, fetch_policy=fetch_policy(), scope="all").counts


def _events(database: Database, claim_id: int, action: str) -> list[Any]:
    with database.read() as session:
        return [e for e in history(session, claim_id) if e.action == action]


def _status(database: Database, claim_id: int) -> str:
    with database.read() as session:
        return ensure_state(session, claim_id).status


def test_a_quote_that_vanished_flags_its_claim(
    database: Database, sites: list[HTTPTestServer]
) -> None:
    claim_id, _, evidence_id = _setup(database, sites)
    text_page(sites[1], "/report", REPORT.replace(QUOTE + " ", ""))

    counts = _run(database)

    assert counts["flagged_claims"] == 1
    assert _status(database, claim_id) == "needs_recheck"
    [event] = _events(database, claim_id, "evidence_changed")
    assert event.evidence_id == evidence_id
    assert event.after["status"] == "vanished"
    assert event.before["quote"] == QUOTE
    assert "no longer in the page" in event.text


def test_a_figure_that_changed_is_reported_with_old_and_new_figure_and_crosscheck(
    database: Database, sites: list[HTTPTestServer]
) -> None:
    claim_id, _, _ = _setup(database, sites)
    text_page(sites[1], "/report", REPORT.replace("20.000 coopératives", "18.500 coopératives"))

    _run(database)

    assert _status(database, claim_id) == "needs_recheck"
    [event] = _events(database, claim_id, "evidence_changed")
    assert event.after["status"] == "changed"
    assert "18.500" in event.after["quote"]
    assert [f["value"] for f in event.before["figures"]][:1] == [20000.0]
    assert [f["value"] for f in event.after["figures"]][:1] == [18500.0]
    results = {c["result"] for c in event.after["crosscheck"]}
    assert results
    assert "match" not in results


def test_a_quote_that_only_moved_gets_a_new_anchor_and_keeps_the_old(
    database: Database, sites: list[HTTPTestServer]
) -> None:
    claim_id, _, evidence_id = _setup(database, sites)
    text_page(sites[1], "/report", "Avertissement : page réorganisée en novembre.\n\n" + REPORT)

    counts = _run(database)

    assert counts.get("flagged_claims", 0) == 0
    assert _status(database, claim_id) == "in_review"
    with database.read() as session:
        anchors = session.exec(
            select(QuoteAnchor)
            .where(QuoteAnchor.evidence_id == evidence_id)
            .order_by(col(QuoteAnchor.id))
        ).all()
        original = session.get(Evidence, evidence_id)
    assert [a.status for a in anchors] == ["moved"]
    assert original is not None
    assert anchors[0].start is not None
    assert anchors[0].exact == QUOTE == original.exact
    assert anchors[0].start > original.start  # the evidence row keeps its old anchor


def test_a_corrected_article_flags_the_claims_that_came_from_it(
    database: Database, sites: list[HTTPTestServer]
) -> None:
    claim_id, _, _ = _setup(database, sites)
    text_page(sites[0], "/article", ARTICLE.replace("20.000 coopératives", "2.000 coopératives"))

    _run(database)

    assert _status(database, claim_id) == "needs_recheck"
    [event] = _events(database, claim_id, "source_changed")
    assert event.evidence_id is None
    assert "2.000" in event.after["quote"]


def test_a_second_refresh_of_a_vanished_quote_does_not_flag_again(
    database: Database, sites: list[HTTPTestServer]
) -> None:
    claim_id, _, _ = _setup(database, sites)
    text_page(sites[1], "/report", REPORT.replace(QUOTE + " ", ""))
    _run(database)
    text_page(sites[1], "/report", REPORT.replace(QUOTE + " ", "") + "\n\nMise à jour mineure.")

    _run(database)

    assert len(_events(database, claim_id, "evidence_changed")) == 1
