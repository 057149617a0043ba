"""Each review's key terms and figures are kept at import and read back when matching."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import col, func, select

from claims.factchecks import ensure_terms, import_factchecks, match_text
from claims.text.matching import analyser
from db.engine import Database
from db.models import FactCheckTerms
from sources.fetching import FetchPolicy
from tests.claims.factchecks.reviews import COOPS, TOURISM, data_feed, dumps

COOPS_CLAIM = "Le Maroc compte 20.000 coopératives."


def _kept(database: Database) -> int:
    with database.read() as session:
        query = select(func.count()).select_from(FactCheckTerms)
        return int(session.exec(query.where(FactCheckTerms.analyser == analyser())).one())


def _import(database: Database, tmp_path: Path) -> None:
    feed = tmp_path / "feed.json"
    feed.write_bytes(dumps(data_feed(COOPS, TOURISM)))
    import_factchecks(database, str(feed), policy=FetchPolicy())


def test_import_keeps_each_reviews_terms_once(database: Database, tmp_path: Path) -> None:
    _import(database, tmp_path)
    assert _kept(database) == 2
    _import(database, tmp_path)
    assert _kept(database) == 2
    with database.read() as session:
        rows = session.exec(
            select(FactCheckTerms).order_by(col(FactCheckTerms.fact_check_id))
        ).all()
    assert "cooperative" in rows[0].keys.split()
    assert '"value": 20000.0' in rows[0].figures


def test_reviews_kept_without_terms_still_match_and_get_them_once(
    database: Database, tmp_path: Path
) -> None:
    _import(database, tmp_path)
    # As an index imported before migration 0015 (the table is derived data).
    with database.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM fact_check_terms")
    with database.read() as session:
        found = match_text(session, COOPS_CLAIM, lang="fr")
    assert [m.factcheck.claim_reviewed for m in found] == [COOPS["claimReviewed"]]
    assert _kept(database) == 0  # a read does not write
    assert ensure_terms(database) == 2
    assert ensure_terms(database) == 0
    assert _kept(database) == 2
    with database.read() as session:
        again = match_text(session, COOPS_CLAIM, lang="fr")
    assert [(m.factcheck.id, m.result) for m in again] == [
        (m.factcheck.id, m.result) for m in found
    ]


def test_matches_read_kept_terms_in_either_language(database: Database, tmp_path: Path) -> None:
    _import(database, tmp_path)
    with database.read() as session:
        matches = match_text(session, "Morocco welcomed 13 million tourists in 2019", lang="en")
        assert [m.factcheck.rating for m in matches] == ["Vrai"]
        assert match_text(session, "Senegal started producing oil in 2024.", lang="en") == []
