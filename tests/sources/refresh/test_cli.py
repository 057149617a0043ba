"""`factdesk refresh` as cron runs it: one pass, exit 0 even when sources fail; history."""

from __future__ import annotations

import json

from tests.sources.refresh.conftest import ARTICLE, text_page
from tests.support.cli import CliRun
from tests.support.httpserver import HTTPTestServer


def test_refresh_exits_0_when_a_source_fails_and_history_lists_the_run(
    cli: CliRun, http_server: HTTPTestServer
) -> None:
    text_page(http_server, "/ok", ARTICLE)
    text_page(http_server, "/bad", ARTICLE)
    assert cli("ingest", http_server.url("/ok"), http_server.url("/bad")).exit_code == 0
    http_server.route("/bad", "oops", status=500, content_type="text/plain")

    run = cli("refresh", "--host-delay", "0", "--format", "json")
    past = cli("refresh", "--history", "--format", "json")

    assert run.exit_code == 0, run.stderr
    counts = json.loads(run.stdout)
    assert (counts["checked"], counts["failed"], counts["unchanged"]) == (2, 1, 1)
    [listed] = json.loads(past.stdout)
    assert listed["id"] == counts["id"]
    assert listed["status"] == "done"


def test_refresh_of_an_unknown_source_fails_with_one_line(cli: CliRun) -> None:
    result = cli("refresh", "--source", "999")

    assert result.exit_code == 1
    assert "source 999: no such source" in result.stderr


def test_a_pass_off_a_terminal_prints_one_counter_line_per_source(
    cli: CliRun, http_server: HTTPTestServer
) -> None:
    text_page(http_server, "/a", ARTICLE)
    text_page(http_server, "/b", ARTICLE.replace("20.000", "21.000"))
    assert cli("ingest", http_server.url("/a"), http_server.url("/b")).exit_code == 0
    http_server.route("/b", "oops", status=404, content_type="text/plain")

    run = cli("refresh", "--all", "--host-delay", "0")

    lines = [line.split(" ", 2) for line in run.stderr.splitlines() if line.startswith("refresh ")]

    # In the order the sources finish: the counter counts, the text says which and how.
    assert [counter for _, counter, _ in lines] == ["1/2", "2/2"]
    assert sorted(what for _, _, what in lines) == [
        f"{http_server.url('/a')}: unchanged",
        f"{http_server.url('/b')}: failed",
    ]
