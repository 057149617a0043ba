"""Revision 0017: search keys made by older rules are made again after the upgrade.

The rules of a search key (its fields, its folding) live in the application:
a migration only marks every key as out of date, and the upgrade's next step
makes them again. Simulated here by a key that lacks a review note, as keys
made before evidence notes were searched lacked those.
"""

from __future__ import annotations

import json

from alembic import command
from sqlalchemy import text

from db.engine import make_engine
from db.migrate import alembic_config, pending_differences
from tests.support.cli import CliRun

SENTENCE = "Selon la ministre, le pays compte 20.000 coopératives actives en 2024.\n"


def test_an_upgrade_makes_again_the_search_keys_older_rules_made(cli: CliRun, db_url: str) -> None:
    assert cli("ingest", "-", "--url", "https://example.org/a", "--lang", "fr", input=SENTENCE)
    [row] = json.loads(cli("claims", "--format", "json").stdout)["claims"]
    claim = str(row["id"])
    assert cli("note", claim, "Registre du ministère de Rabat").exit_code == 0
    # A database of the version before: its keys knew nothing of notes.
    engine = make_engine(db_url)
    try:
        command.downgrade(alembic_config(engine), "0016_fact_check_terms")
        with engine.begin() as conn:
            conn.execute(text("UPDATE claim_index SET search = ''"))
    finally:
        engine.dispose()

    if db_url.startswith("sqlite"):
        # An SQLite file upgrades itself on first use, keys included, and says so.
        listed = cli("claims", "--text", "registre du ministere", "--format", "json")
        assert "search keys made again (new rules) 1/1" in listed.stderr
    else:
        upgraded = cli("db", "upgrade")  # a shared PostgreSQL is upgraded on purpose
        assert upgraded.exit_code == 0, upgraded.stderr
        assert "search keys of 1 claim made again" in upgraded.stdout
        listed = cli("claims", "--text", "registre du ministere", "--format", "json")

    assert [c["id"] for c in json.loads(listed.stdout)["claims"]] == [row["id"]]
    again = cli("db", "upgrade")
    assert "search keys" not in again.stdout  # made once: the keys are current now
    engine = make_engine(db_url)
    try:
        assert pending_differences(engine) == []
    finally:
        engine.dispose()
