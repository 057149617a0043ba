"""Refresh states that are true: a local source is "local" and never fetched; a failing
source says why in `sources`, `sources --failing` and `sources show`."""

from __future__ import annotations

import json
from pathlib import Path

from db.engine import Database
from sources.refresh import run_pass
from tests.sources.refresh.conftest import ARTICLE, FAST, fetch_policy, fetch_records, text_page
from tests.support.cli import CliRun
from tests.support.httpserver import HTTPTestServer


def _by_url(rows: list[dict[str, object]]) -> dict[str, dict[str, object]]:
    return {str(row["url"]): row for row in rows}


def test_a_file_source_is_never_fetched_by_refresh_and_shows_local(
    cli: CliRun, database: Database, http_server: HTTPTestServer, tmp_path: Path
) -> None:
    page = tmp_path / "article.txt"
    page.write_text(ARTICLE, encoding="utf-8")
    text_page(http_server, "/web", ARTICLE)
    assert cli("ingest", str(page), http_server.url("/web")).exit_code == 0
    listed = _by_url(json.loads(cli("sources", "--format", "json").stdout))
    [file_url] = [url for url in listed if url.startswith("file:")]
    file_id = int(str(listed[file_url]["id"]))

    run = cli("refresh", "--all", "--format", "json", "--host-delay", "0")
    again = run_pass(database, policy=FAST, fetch_policy=fetch_policy(), scope="due")
    forced = cli("refresh", "--source", str(file_id))
    after = _by_url(json.loads(cli("sources", "--format", "json").stdout))
    shown = cli("sources", "show", str(file_id))
    table = cli("sources")

    assert run.exit_code == 0, run.stderr
    summary = json.loads(run.stdout)
    assert summary["checked"] == 1  # the web page only
    assert summary["blocked"] == summary["failed"] == summary["robots_unavailable"] == 0
    assert summary["local_sources"] == 1
    assert again.counts.get("checked", 0) == 0  # the web page is not due; the file never is
    assert [r.outcome for r in fetch_records(database, file_id)] == ["stored"]  # ingest only
    assert forced.exit_code == 1
    assert "is local" in forced.stderr
    assert "ingest the file again" in forced.stderr
    assert after[file_url]["health"] == "local"
    assert after[file_url]["next_check_at"] is None
    assert after[http_server.url("/web")]["health"] == "ok"
    assert "health   local" in shown.stdout
    assert "refresh never fetches it" in shown.stdout
    assert "local" in table.stdout
    assert (
        "1 local sources (file, stdin) never refreshed"
        in cli("refresh", "--all", "--host-delay", "0").stdout
    )


def test_a_failing_source_says_why_in_sources_show_and_sources_failing(
    cli: CliRun, http_server: HTTPTestServer
) -> None:
    text_page(http_server, "/ok", ARTICLE)
    text_page(http_server, "/gone", ARTICLE)
    assert cli("ingest", http_server.url("/ok"), http_server.url("/gone")).exit_code == 0
    http_server.route("/gone", "no such page", status=404, content_type="text/plain")

    assert cli("refresh", "--all", "--host-delay", "0").exit_code == 0
    failing = json.loads(cli("sources", "--failing", "--format", "json").stdout)
    assert cli("sources", "--failing").stderr.strip() == "1 source needs a human"
    assert cli("sources").stderr.strip() == "2 sources"
    shown = cli("sources", "show", http_server.url("/gone"))
    history = json.loads(
        cli("sources", "show", http_server.url("/gone"), "--format", "json").stdout
    )

    # The first failure is enough: failing, with the answer that made it so.
    [row] = failing
    assert row["url"] == http_server.url("/gone")
    assert row["health"] == "failing"
    assert "404" in str(row["reason"])
    assert shown.exit_code == 0, shown.stderr
    assert "health   failing (1 failed check in a row)" in shown.stdout
    assert "why" in shown.stdout
    assert "404" in shown.stdout
    newest, first = history["history"]
    assert (newest["outcome"], newest["http_status"], newest["snapshot_id"]) == (
        "failed",
        404,
        None,
    )
    assert "404" in newest["reason"]
    assert first["outcome"] == "stored"
    assert first["bytes"] == len(ARTICLE.encode("utf-8"))
    assert first["snapshot_id"] is not None
    assert "2 fetches" in shown.stderr


def test_sources_show_of_an_unknown_source_fails_with_one_line(cli: CliRun) -> None:
    result = cli("sources", "show", "999")

    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0
    assert "source 999: no such source" in result.stderr
