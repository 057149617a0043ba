"""Revision 0006: derived claims stored by the first deriver become kind 'derived'."""

from __future__ import annotations

from alembic import command
from sqlalchemy import text

from db.engine import make_engine
from db.migrate import alembic_config, pending_differences, upgrade
from tests.db.test_migrations_with_data import BODY, FETCH, SNAPSHOT, SOURCE

CLAIM = (
    'INSERT INTO claim (id, snapshot_id, source_id, text, start, "end", spans, exact, prefix,'
    " suffix, kind, subject, checkworthiness, fingerprint, extractor, derived_from, created_at)"
    " VALUES (:id, 1, 1, 'Il y a 20.000 coopératives.', 0, 27, '[[0, 27]]',"
    " 'Il y a 20.000 coopératives.', '', '', 'numeric', :subject, 0.9, :fp, :extractor,"
    " :derived_from, :now)"
)
REASON = "20.000 is 50 pc of the total, so the total is 20,000 / 0.5 = 40,000"


def test_first_derived_claims_get_their_kind_and_reasoning(empty_db_url: str) -> None:
    engine = make_engine(empty_db_url)
    values = {"now": "2026-01-01 00:00:00", "sha": "a" * 64, "data": b"x", "false": False}
    rows = [
        (1, None, "f", "factdesk-claims/1", "[]"),
        (2, f"about 40,000 coopératives (implied: {REASON})", "derived:f", "factdesk-derived/1",
         "[1, 2]"),
        # pinned to a sentence without figures: computed from another sentence
        (3, f"about 40,000 coopératives (implied: {REASON})", "derived:g", "factdesk-derived/1",
         "[]"),
    ]  # fmt: skip
    try:
        upgrade(engine, "0005")
        with engine.begin() as conn:
            for statement in (SOURCE, BODY, SNAPSHOT, FETCH):
                conn.execute(text(statement), values)
            for id_, subject, fp, extractor, derived_from in rows:
                conn.execute(
                    text(CLAIM),
                    {**values, "id": id_, "subject": subject, "fp": fp,
                     "extractor": extractor, "derived_from": derived_from},
                )  # fmt: skip
        upgrade(engine)
        with engine.connect() as conn:
            got = conn.execute(
                text("SELECT id, kind, subject, reasoning FROM claim ORDER BY id")
            ).all()
        assert got[0] == (1, "numeric", None, None)
        assert got[1] == (2, "derived", "about 40,000 coopératives", REASON)
        assert got[2][1:3] == ("derived", "about 40,000 coopératives")
        assert got[2][3].startswith("Computed by factdesk-derived/1 from figures outside")
        assert got[2][3].endswith(REASON)
        assert pending_differences(engine) == []
    finally:
        engine.dispose()


def test_downgrade_puts_the_reasoning_back_in_the_subject(empty_db_url: str) -> None:
    engine = make_engine(empty_db_url)
    values = {"now": "2026-01-01 00:00:00", "sha": "a" * 64, "data": b"x", "false": False}
    try:
        upgrade(engine, "0005")
        with engine.begin() as conn:
            for statement in (SOURCE, BODY, SNAPSHOT, FETCH):
                conn.execute(text(statement), values)
            conn.execute(
                text(CLAIM),
                {**values, "id": 1, "subject": f"about 40,000 (implied: {REASON})",
                 "fp": "derived:f", "extractor": "factdesk-derived/1", "derived_from": "[1]"},
            )  # fmt: skip
        upgrade(engine)
        command.downgrade(alembic_config(engine), "0005")
        with engine.connect() as conn:
            got = conn.execute(text("SELECT kind, subject FROM claim")).one()
        assert got == ("numeric", f"about 40,000 (implied: {REASON})")
    finally:
        engine.dispose()
