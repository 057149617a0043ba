"""Schema 2 of the JSON report: fetch records, re-anchored quotes, values kept exact.

The JSON report is encoded by the database (claims.reports.json_claims) while
the other formats read claims as dicts (claims.reports.selection); these
tests hold the two to the same values.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import update
from sqlmodel import col

from claims.reports import ReportFormat, ReportSelection, export_report, verify_bundle
from claims.reports.selection import iter_claims
from db.engine import Database
from db.models import ClaimQuantity, Evidence, QuoteAnchor
from tests.claims.reports.bulk import fill
from tests.claims.reports.conftest import Desk, ok
from tests.claims.reports.test_json_report import validate
from tests.support.cli import CliRun
from tests.support.httpserver import HTTPTestServer

ARTICLE = (
    "Rapport annuel des coopératives.\n\n"
    "Selon la secrétaire d'État, le pays compte 20.000 coopératives actives en 2024.\n\n"
    "Le reste de la page parle du temps qu'il fait."
)
REGISTRY = (
    "Chiffres clés du secteur coopératif.\n\n"
    "Le registre national recense 20.347 coopératives actives au 31 décembre 2024. "
    "Leur chiffre d'affaires cumulé atteint 3 milliards de dirhams."
)
QUOTE = "Le registre national recense 20.347 coopératives actives au 31 décembre 2024."


def _without_v2(claim: dict[str, Any]) -> dict[str, Any]:
    claim = {k: v for k, v in claim.items() if k != "anchors"}
    claim["evidence"] = [{k: v for k, v in e.items() if k != "anchors"} for e in claim["evidence"]]
    return claim


def test_json_claims_are_the_dossiers_every_other_format_reads(
    desk: Desk, database: Database
) -> None:
    report = desk.report_json()
    with database.read() as session:
        dossiers = [c for page in iter_claims(session, ReportSelection()) for c in page]
    assert [_without_v2(c) for c in report["claims"]] == orjson.loads(orjson.dumps(dossiers))
    assert all(e["freshness"] == "current" for c in report["claims"] for e in c["evidence"]), (
        "nothing was refreshed yet"
    )
    assert all(c["anchors"] == [] for c in report["claims"]), "nothing was refreshed yet"


def test_figures_and_scores_keep_their_exact_value(database: Database, tmp_path: Path) -> None:
    """Doubles that need 16-17 digits come back bit for bit, on every database."""
    fill(database, 3)
    third, awkward, score = 1 / 3, 0.1 + 0.2, 2 / 3
    with database.write() as session:
        session.execute(
            update(ClaimQuantity)
            .where(col(ClaimQuantity.claim_id) == 2)
            .values(value=third, low=awkward, high=None, approximate=True)
        )
        evidence = session.get(Evidence, 3)
        assert evidence is not None
        # A fuzzy re-anchoring, as a refresh records it.
        session.add(
            QuoteAnchor(
                claim_id=3, evidence_id=3, snapshot_id=evidence.snapshot_id,
                previous_snapshot_id=evidence.snapshot_id, status="changed",
                exact=evidence.exact, prefix="", suffix="", start=evidence.start,
                end=evidence.end, method="fuzzy", score=score,
            )
        )  # fmt: skip
    path = tmp_path / "exact.json"
    export_report(database, ReportFormat.json, ReportSelection(), output=path)
    report = json.loads(path.read_text(encoding="utf-8"))
    validate(report)
    claims = {c["id"]: c for c in report["claims"]}
    (quantity,) = claims[2]["quantities"]
    assert (quantity["value"], quantity["low"], quantity["high"]) == (third, awkward, None)
    assert quantity["approximate"] is True
    assert claims[1]["quantities"][0]["approximate"] is False
    (anchor,) = claims[3]["evidence"][0]["anchors"]
    assert (anchor["status"], anchor["score"]) == ("changed", score)


def test_a_refreshed_evidence_page_whose_quote_moved_shows_both_anchors(
    cli: CliRun, http_server: HTTPTestServer, tmp_path: Path
) -> None:
    text = "text/plain; charset=utf-8"
    http_server.route("/article", ARTICLE, content_type=text)
    http_server.route("/registry", REGISTRY, content_type=text)
    ok(cli("ingest", http_server.url("/article"), "--lang", "fr"))
    ok(cli("ingest", http_server.url("/registry"), "--lang", "fr"))
    claims = json.loads(ok(cli("claims", "--format", "json")).stdout)["claims"]
    claim = next(c for c in claims if "20.000" in c["text"])
    registry = http_server.url("/registry")
    ok(cli("evidence", "add", str(claim["id"]), registry, "--stance", "refutes", "--quote", QUOTE))
    # The registry page is reorganised: the quote is still there, further down.
    notice = "Avertissement : page réorganisée en novembre.\n\n"
    http_server.route("/registry", notice + REGISTRY, content_type=text)
    ok(cli("refresh", "--all", "--host-delay", "0"))

    path = tmp_path / "report.json"
    ok(cli("report", "--format", "json", "--claim", str(claim["id"]), "-o", str(path)))
    report = json.loads(path.read_text(encoding="utf-8"))
    validate(report)
    (dossier,) = report["claims"]
    (evidence,) = dossier["evidence"]
    (anchor,) = evidence["anchors"]
    position = evidence["selector"][1]
    # The first anchor stays where the quote was; the refresh adds where it is now.
    assert evidence["quote"] == anchor["exact"] == QUOTE
    assert anchor["status"] == "moved"
    assert anchor["previous_snapshot_id"] == evidence["snapshot_id"]
    assert anchor["snapshot_id"] != evidence["snapshot_id"]
    assert anchor["start"] == position["start"] + len(notice)
    assert anchor["end"] - anchor["start"] == position["end"] - position["start"]

    snapshots = {s["id"]: s for s in report["snapshots"]}
    before, after = snapshots[evidence["snapshot_id"]], snapshots[anchor["snapshot_id"]]
    assert after["body_sha256"] == anchor["snapshot_sha256"] != before["body_sha256"]
    # Every fetch of the registry, each under the snapshot it stored or found unchanged.
    assert [f["outcome"] for f in before["fetches"]] == ["stored", "unchanged"]
    assert [f["outcome"] for f in after["fetches"]] == ["stored"]
    fetches = before["fetches"] + after["fetches"]
    assert {(f["requested_url"], f["via"], f["http_status"]) for f in fetches} == {
        (registry, "http", 200)
    }
    assert [f["started_at"] for f in fetches] == sorted(f["started_at"] for f in fetches)
    article = snapshots[dossier["snapshot_id"]]
    assert article["fetches"][-1]["outcome"] == "unchanged"

    bundle = tmp_path / "bundle.zip"
    ok(cli("report", "--format", "bundle", "--claim", str(claim["id"]), "-o", str(bundle)))
    check = verify_bundle(bundle)
    assert check.ok, check.problems
    # The sentence, the quote where it was, and where the refresh found it: a third
    # party checks the new anchor against the newer bytes too.
    assert check.passages == 3
