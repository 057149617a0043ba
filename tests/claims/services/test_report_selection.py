"""What the queue exports is what the queue lists, for every one of its filters."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from claims.review.listing import ClaimFilter
from claims.services.report_selection import NothingSelected, report_selection
from db.engine import Database
from tests.claims.services.conftest import listing
from tests.support.cli import CliRun

FIRST = (
    "Rapport annuel des coopératives.\n\n"
    "Selon la secrétaire d'État, le pays compte 20.000 coopératives actives en 2024.\n"
)
SECOND = (
    "Chiffres clés du secteur.\n\n"
    "Le registre national recense 18.500 coopératives au 31 décembre 2024.\n"
)


def ingest(cli: CliRun, path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    done = cli("ingest", str(path), "--lang", "fr")
    assert done.exit_code == 0, done.stderr


def test_new_since_exports_only_the_claims_stored_after_that_moment(
    cli: CliRun, database: Database, tmp_path: Path
) -> None:
    ingest(cli, tmp_path / "first.txt", FIRST)
    before = {c["id"] for c in listing(cli)}
    time.sleep(0.01)  # timestamps must tell the two ingests apart
    since = datetime.now(UTC)
    ingest(cli, tmp_path / "second.txt", SECOND)
    new = {c["id"] for c in listing(cli)} - before
    assert before
    assert new

    selection = report_selection(database, ClaimFilter(since=since))
    assert set(selection.claim_ids) == new


def test_filters_that_match_nothing_refuse_to_export_everything(
    cli: CliRun, database: Database, tmp_path: Path
) -> None:
    ingest(cli, tmp_path / "first.txt", FIRST)
    later = datetime.now(UTC) + timedelta(hours=1)
    for nothing in (
        ClaimFilter(since=later),
        ClaimFilter(evidence_changed=True),  # nothing was refreshed
        ClaimFilter(text="no such words anywhere"),
    ):
        with pytest.raises(NothingSelected):
            report_selection(database, nothing)
