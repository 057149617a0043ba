"""The JSON report: lossless, valid against its versioned schema, streamed page by page."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import pytest
from sqlalchemy import column, literal, select

from claims.reports import ReportFormat, ReportOptions, ReportSelection, export_report
from claims.reports.reading import iso_text
from db.engine import Database
from tests.claims.reports.conftest import ARTICLE_URL, EVIDENCE_QUOTE, ORGANISATION, Desk, ok
from tests.support.paths import ROOT

SCHEMAS = ROOT / "claims" / "reports" / "schema"
SCHEMA = SCHEMAS / "factdesk-report-2.schema.json"


def validate(report: dict[str, Any]) -> None:
    """Valid against the schema of the version the report says it is."""
    assert report["version"] == 2
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(report)]
    assert errors == []


@pytest.mark.parametrize("version", [1, 2])
def test_every_report_schema_is_a_valid_json_schema(version: int) -> None:
    """Version 1 stays in the repository: files written before version 2 still validate."""
    path = SCHEMAS / f"factdesk-report-{version}.schema.json"
    schema = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$id"].endswith(path.name)
    assert schema["properties"]["version"] == {"const": version}


def test_json_report_is_valid_and_holds_everything_show_does(desk: Desk) -> None:
    report = desk.report_json()
    validate(report)
    assert report["organisation"] == ORGANISATION
    assert report["summary"] == {"claims": len(desk.claims), "snapshots": 2, "evidence": 1}
    for claim in report["claims"]:
        shown = json.loads(ok(desk.cli("show", str(claim["id"]), "--format", "json")).stdout)
        # Everything `factdesk show` says is in the report, with the same values.
        for key, value in shown.items():
            if key == "fact_checks":
                # The report adds the headline and the why `show` prints in text.
                assert [
                    {k: m[k] for k in shown_m} for m, shown_m in zip(claim[key], value, strict=True)
                ] == value
            elif key == "verdict_detail" and value is not None:
                assert {**value, "at": claim[key]["at"]} == claim[key]
            elif key == "figure_verdicts":
                assert claim[key].keys() == value.keys()
            elif key == "evidence":
                # Version 2 adds the anchors a refresh found and the PDF page of the
                # quote (None here: web pages); `show` has the rest.
                added = ("anchors", "page")
                assert [{k: v for k, v in e.items() if k not in added} for e in claim[key]] == value
            else:
                assert claim[key] == value, key
    coops = next(c for c in report["claims"] if "20.000" in c["text"])
    assert coops["verdict_detail"]["why"].startswith("=cmd")
    assert [e["action"] for e in coops["history"]] == [
        "evidence_added",
        "status",
        "verdict",
        "status",
    ]
    (evidence,) = coops["evidence"]
    assert evidence["quote"] == EVIDENCE_QUOTE
    assert evidence["crosscheck"], "the cross-check of the figures travels with the evidence"
    by_id = {s["id"]: s for s in report["snapshots"]}
    article = by_id[coops["snapshot_id"]]
    assert article["final_url"] == ARTICLE_URL
    assert article["body_sha256"] == coops["snapshot_sha256"]
    archived = by_id[evidence["snapshot_id"]]
    assert archived["http_status"] == 200
    assert ["Content-Encoding", "gzip"] in archived["headers"]
    (fetch,) = archived["fetches"]
    assert (fetch["requested_url"], fetch["outcome"]) == (desk.evidence_url, "stored")


def test_paging_does_not_change_the_report(desk: Desk, database: Database, tmp_path: Path) -> None:
    """Keyset paging by one claim gives the report of one big page, claim for claim."""
    outputs = []
    for page_size in (1, 2, 500):
        path = tmp_path / f"paged-{page_size}.json"
        summary = export_report(
            database,
            ReportFormat.json,
            ReportSelection(),
            output=path,
            options=ReportOptions(page_size=page_size),
        )
        assert summary.claims == len(desk.claims)
        data = json.loads(path.read_text(encoding="utf-8"))
        outputs.append((data["claims"], data["snapshots"]))
    assert outputs[0] == outputs[1] == outputs[2]
    assert [c["id"] for c in outputs[0][0]] == sorted(c["id"] for c in desk.claims)


def test_progress_is_reported_per_page(desk: Desk, database: Database, tmp_path: Path) -> None:
    seen: list[int] = []
    export_report(
        database,
        ReportFormat.csv,
        ReportSelection(),
        output=tmp_path / "r.csv",
        options=ReportOptions(page_size=1),
        progress=seen.append,
    )
    assert seen == list(range(1, len(desk.claims) + 1))


@pytest.mark.parametrize(
    "stored",
    ["2026-01-02 03:04:05.000000", "2026-01-02 03:04:05.000123", "2026-12-31 23:59:59.999999"],
)
def test_sqlite_timestamps_read_as_isoformat_writes_them(stored: str) -> None:
    """The SQL that formats SQLite's stored text gives what datetime.isoformat gives."""
    parsed = datetime.fromisoformat(stored).replace(tzinfo=UTC)
    database = Database("sqlite://")
    with database.read() as session:
        query = select(iso_text(column("at"), sqlite=True)).select_from(
            select(literal(stored).label("at")).subquery()
        )
        assert session.execute(query).scalar_one() == parsed.isoformat()
