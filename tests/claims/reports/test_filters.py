"""Filters choose the claims a report holds; they combine."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.claims.reports.conftest import Desk


def ids(desk: Desk, *args: str) -> list[int]:
    return [c["id"] for c in desk.report_json(*args)["claims"]]


def test_filters(desk: Desk) -> None:
    every = sorted(c["id"] for c in desk.claims)
    coops = desk.claim("20.000")["id"]
    women = desk.claim("40 %")["id"]
    noted = desk.claim("cinquantaine")["id"]
    assert ids(desk) == every
    assert ids(desk, "--claim", str(women), "--claim", str(coops)) == sorted([coops, women])
    assert ids(desk, "--verdict", "mostly-true") == [coops]
    assert ids(desk, "--status", "checked") == sorted([coops, women])
    assert ids(desk, "--status", "new") == sorted(set(every) - {coops, women})
    assert ids(desk, "--reviewer", "bilal") == sorted([women, noted])
    assert ids(desk, "--reviewer", "amina") == [coops]
    assert ids(desk, "--source", "news.example") == every
    assert ids(desk, "--reviewer", "bilal", "--status", "checked") == [women]
    future = (datetime.now(UTC) + timedelta(days=1)).isoformat()
    past = (datetime.now(UTC) - timedelta(days=1)).date().isoformat()
    assert ids(desk, "--since", past) == every
    result, _ = desk.report("json", "--since", future)
    assert result.exit_code == 1
    report = desk.report_json("--verdict", "mostly-true")
    assert report["selection"]["verdict"] == "mostly-true"
    assert report["summary"]["snapshots"] == 2


@pytest.mark.parametrize("source", ["127.0.0.1"])
def test_source_filter_keeps_the_evidence_snapshots_out_of_claims(desk: Desk, source: str) -> None:
    result, _ = desk.report("json", "--source", source)
    # The evidence page is a source with no claims of its own.
    assert result.exit_code == 1
    assert "no claim matches" in result.stderr
