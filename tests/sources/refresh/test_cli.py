"""`factdesk refresh` as cron runs it: one pass, exit 0 even when sources fail; history."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys

from tests.sources.refresh.conftest import ARTICLE, text_page
from tests.support.cli import CliRun
from tests.support.httpserver import HTTPTestServer
from tests.support.paths import ROOT


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


def test_a_pass_on_a_terminal_draws_its_bar_on_stderr_and_leaves_stdout_clean(
    cli: CliRun, db_url: str, http_server: HTTPTestServer
) -> None:
    text_page(http_server, "/a", ARTICLE)
    text_page(http_server, "/b", ARTICLE.replace("20.000", "21.000"))
    assert cli("ingest", http_server.url("/a"), http_server.url("/b")).exit_code == 0
    # stderr on a terminal, stdout into a file: `factdesk refresh --format json > run.json`.
    terminal, stderr = pty.openpty()
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from tui.cli import main; raise SystemExit(main())",
            "--db",
            db_url,
            "--allow-private-networks",
            "refresh",
            "--all",
            "--host-delay",
            "0",
            "--format",
            "json",
        ],
        env={**os.environ, "PYTHONPATH": str(ROOT), "TERM": "xterm", "COLUMNS": "100"},
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=stderr,
    )
    os.close(stderr)
    drawn = b""
    while True:
        try:
            chunk = os.read(terminal, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        drawn += chunk
    stdout = process.stdout.read() if process.stdout else b""
    os.close(terminal)

    assert process.wait(timeout=120) == 0, drawn
    # The bar is drawn on the terminal the user watches, not into the file...
    assert b"refresh" in drawn
    assert b"/2" in drawn
    assert b"refresh 1/2 " not in drawn, "a terminal gets the bar, not counter lines"
    # ...and the file holds the JSON alone, from its first byte.
    assert stdout.startswith(b"{"), stdout[:40]
    assert json.loads(stdout)["checked"] == 2
