"""What an editor reads in a report agrees with what the desk's other views say.

- History: one line per event in words, the same line ``factdesk show`` prints
  (claims/review/history_text.py), never a Python dict, in Markdown and HTML.
- Sources failing: the summary counts the sources ``factdesk sources --failing``
  lists; a file source is never failing, whatever its stored row says.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from bs4 import BeautifulSoup
from sqlmodel import col, update

from db.engine import Database
from db.models import Source
from tests.claims.reports.conftest import EVIDENCE, Desk, ok
from tests.support.httpserver import HTTPTestServer

RAW_DICT_MARKS = ("{'", "': ", "None", '{"')


def _evidence_id(desk: Desk, claim_id: str) -> int:
    listed = json.loads(ok(desk.cli("evidence", "list", claim_id, "--format", "json")).stdout)
    items = listed["evidence"] if isinstance(listed, dict) else listed
    return int(items[0]["id"])


def _history_desk(desk: Desk, http_server: HTTPTestServer) -> str:
    """The 20.000 claim with evidence, a verdict, a figure edit and a changed source."""
    coops = str(desk.claim("20.000")["id"])
    ok(desk.cli("edit", coops, "--figure", "0", "--value", "21000"))
    # The registry now says something else: the refresh records how the evidence changed.
    changed = EVIDENCE.replace(b"20.347", b"18.950")
    http_server.route("/registry", gzip.compress(changed), headers=[("Content-Encoding", "gzip")])
    ok(desk.cli("refresh", "--all", "--host-delay", "0"))
    return coops


def _show_lines(desk: Desk, claim_id: str) -> list[str]:
    shown = json.loads(ok(desk.cli("show", claim_id, "--format", "json")).stdout)
    from claims.review.history_text import history_lines

    return history_lines(shown["history"])


def test_markdown_and_html_history_is_one_line_per_event_in_words(
    desk: Desk, http_server: HTTPTestServer
) -> None:
    coops = _history_desk(desk, http_server)
    expected = _show_lines(desk, coops)
    assert any("rated Mostly true" in line for line in expected)
    assert any("corrected figure 0: value 20,000 → 21,000" in line for line in expected)
    assert any("evidence" in line and "changed" in line for line in expected), expected

    result, md_path = desk.report("md")
    ok(result)
    section = md_path.read_text(encoding="utf-8").split(f"## Claim {coops}", 1)[1]
    history = section.split("### History", 1)[1].split("## Claim", 1)[0]
    items = [line[2:] for line in history.splitlines() if line.startswith("- ")]
    assert len(items) == len(expected)
    assert "rated Mostly true" in history
    assert "corrected figure 0: value 20,000 → 21,000" in history
    assert not any(mark in history for mark in RAW_DICT_MARKS), history

    result, html_path = desk.report("html")
    ok(result)
    soup = BeautifulSoup(html_path.read_text(encoding="utf-8"), "html.parser")
    claim = soup.find("section", id=f"claim-{coops}")
    assert claim is not None
    lines = [li.get_text() for li in claim.select("ol.history > li")]
    assert lines == expected
    assert not any(mark in line for line in lines for mark in RAW_DICT_MARKS), lines

    # The command line says the same lines: `show` and `history`.
    shown = ok(desk.cli("show", coops)).stdout
    told = [line for line in shown.splitlines() if line.strip().startswith("history")]
    assert len(told) == len(expected)
    assert not any(mark in line for line in told for mark in RAW_DICT_MARKS), told
    listed = ok(desk.cli("history", coops)).stdout.splitlines()
    assert len(listed) == len(expected)
    assert not any(mark in line for line in listed for mark in RAW_DICT_MARKS), listed


def test_summary_counts_the_sources_that_sources_failing_lists(
    desk: Desk, http_server: HTTPTestServer, tmp_path: Path, db_url: str
) -> None:
    article = tmp_path / "local-article.txt"
    article.write_text(
        "Le Maroc compte 12.000 coopératives agricoles selon le ministère.", encoding="utf-8"
    )
    ok(desk.cli("ingest", str(article), "--lang", "fr"))
    # Rows written before local sources existed say "failing" for a file source.
    database = Database(db_url)
    with database.write() as session:
        session.execute(
            update(Source).where(col(Source.url).startswith("file:")).values(health="failing")
        )
    database.dispose()
    # The registry now fails: a source that needs a human.
    http_server.route("/registry", b"down", status=500)
    ok(desk.cli("refresh", "--all", "--host-delay", "0"))

    listed = json.loads(ok(desk.cli("sources", "--failing", "--format", "json")).stdout)
    rows = listed["sources"] if isinstance(listed, dict) else listed
    failing_urls = sorted(row["url"] for row in rows)
    assert desk.evidence_url in failing_urls
    assert not any(url.startswith("file:") for url in failing_urls)

    result, md_path = desk.report("md")
    ok(result)
    summary = md_path.read_text(encoding="utf-8").split("## Summary", 1)[1].split("## Claim", 1)[0]
    assert f"- **Sources failing:** {len(failing_urls)}" in summary
    assert all(url in summary for url in failing_urls)
    assert "file:" not in summary
    # With the reason `sources show` gives, so the editor knows what to chase.
    reasons = {row["url"]: row["reason"] for row in rows}
    assert reasons[desk.evidence_url]
    assert reasons[desk.evidence_url] in summary

    result, html_path = desk.report("html")
    ok(result)
    text = BeautifulSoup(html_path.read_text(encoding="utf-8"), "html.parser").get_text()
    assert f"Sources failing: {len(failing_urls)}" in text
    assert reasons[desk.evidence_url] in text
    assert "local-article" not in text.split("Claim", 1)[0]
