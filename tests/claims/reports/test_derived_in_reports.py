"""Reports say that a derived total was computed, and how; none publishes it as said."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.claims.reports.test_json_report import validate
from tests.support.cli import CliRun

ARTICLE = (
    "Le Maroc compte aujourd'hui 20.000 coopératives, ce qui représente 50 pc de l'ensemble "
    "des coopératives actives dans le monde arabe, a déclaré la ministre Amina Berrada.\n\n"
    "Des délégations d'une cinquantaine de pays ont participé au sommet de Lyon.\n"
)
REASONING = "20.000 coopératives is 50 pc of “l'ensemble des coopératives actives"


@pytest.fixture
def derived_desk(cli: CliRun, tmp_path: Path) -> tuple[CliRun, Path, dict[str, Any]]:
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    ingest = cli("ingest", str(article), "--lang", "fr", "--url", "https://news.example/coops")
    assert ingest.exit_code == 0, ingest.stderr
    listing = json.loads(cli("claims", "--kind", "derived", "--format", "json").stdout)
    [total] = listing["claims"]
    verdict = cli("verdict", str(total["id"]), "mostly-true", "--why", "About 40,000 in 2025")
    assert verdict.exit_code == 0, verdict.stderr
    return cli, tmp_path, total


def report(desk: tuple[CliRun, Path, dict[str, Any]], fmt: str, *args: str) -> str:
    cli, tmp, _ = desk
    path = tmp / f"report.{fmt}"
    done = cli("report", "--format", fmt, "-o", str(path), *args)
    assert done.exit_code == 0, done.stderr
    return path.read_text(encoding="utf-8-sig")


def test_markdown_and_html_give_the_reasoning_not_a_hedge(
    derived_desk: tuple[CliRun, Path, dict[str, Any]],
) -> None:
    total = derived_desk[2]
    markdown = report(derived_desk, "md")
    section = markdown.split(f"## Claim {total['id']}", 1)[1].split("## Claim", 1)[0]
    assert "- **Derived:** computed by factdesk, not written: 20.000 coopératives is 50 pc" in (
        section
    )
    assert "| derived |" not in section
    html = report(derived_desk, "html")
    block = html.split(f'id="claim-{total["id"]}"', 1)[1].split("</section>", 1)[0]
    assert "<dt>Derived</dt><dd>computed by factdesk, not written: 20.000 coopératives" in block
    assert "38,614–41,412" in block
    assert '"@type": "ClaimReview"' not in block


def test_json_names_the_figures_a_total_comes_from(
    derived_desk: tuple[CliRun, Path, dict[str, Any]],
) -> None:
    data = json.loads(report(derived_desk, "json"))
    validate(data)
    claims = {c["id"]: c for c in data["claims"]}
    total = claims[derived_desk[2]["id"]]
    assert total["kind"] == "derived"
    assert total["reasoning"].startswith(REASONING)
    figures = {q["id"]: q["surface"] for c in data["claims"] for q in c["quantities"]}
    assert [figures[i] for i in total["derived_from"]] == ["20.000 coopératives", "50 pc"]
    assert all(c["reasoning"] is None for c in claims.values() if c["kind"] != "derived")


def test_csv_rows_say_derived_with_the_reasoning(
    derived_desk: tuple[CliRun, Path, dict[str, Any]],
) -> None:
    total = derived_desk[2]
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(report(derived_desk, "csv")))}
    row = rows[str(total["id"])]
    assert row["kind"] == "derived"
    assert row["reasoning"].startswith(REASONING)
    assert all(r["reasoning"] == "" for r in rows.values() if r["kind"] != "derived")
    per_figure = csv.DictReader(io.StringIO(report(derived_desk, "csv", "--rows", "quantities")))
    kinds = {r["surface"]: r["claim_kind"] for r in per_figure}
    assert kinds["about 40,000 coopératives actives dans le monde arabe"] == "derived"
    assert kinds["50 pc"] == "numeric"


def test_claimreview_does_not_publish_a_total_as_what_the_claimant_said(
    derived_desk: tuple[CliRun, Path, dict[str, Any]],
) -> None:
    publisher = (
        "--publisher-name",
        "Desk",
        "--publisher-url",
        "https://desk.example/",
        "--claim-url",
        "https://desk.example/checks/{id}",
    )
    reviews = json.loads(report(derived_desk, "claimreview", *publisher))
    assert reviews == []
