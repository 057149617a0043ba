"""Bad input: a one-line error naming the input, exit 1, and nothing half written."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlmodel import select

from db.engine import Database
from db.models import FetchRecord, Snapshot
from tests.support.cli import CliRun, counts
from tests.support.httpserver import HTTPTestServer, gzip_bomb, stall, unused_port

GOOD = (
    "<html><body><article><p>More than 3,000 people work at the terminal.</p>"
    "</article></body></html>"
)

Setup = Callable[[HTTPTestServer], str]


def _route(path: str, body: bytes | str, **kw: object) -> Setup:
    def setup(server: HTTPTestServer) -> str:
        server.route(path, body, **kw)  # type: ignore[arg-type]
        return server.url(path)

    return setup


def _loop(server: HTTPTestServer) -> str:
    server.redirect("/a", "/b")
    server.redirect("/b", "/a")
    return server.url("/a")


def _stall(server: HTTPTestServer) -> str:
    server.handle("/slow", stall(10))
    return server.url("/slow")


def _bomb(server: HTTPTestServer) -> str:
    server.handle("/bomb", gzip_bomb(1 << 30))
    return server.url("/bomb")


def _unreachable(server: HTTPTestServer) -> str:
    return f"http://127.0.0.1:{unused_port()}/page"


BAD_WEB_INPUTS: dict[str, tuple[Setup, str]] = {
    "unreachable host": (_unreachable, "connect"),
    "timeout": (_stall, "time"),
    "404": (_route("/gone", "nope", status=404), "404"),
    "500": (_route("/err", "boom", status=500), "500"),
    "redirect loop": (_loop, "redirect"),
    "body over the cap": (_route("/big", "<p>" + "x" * 200_000 + "</p>"), "cap"),
    "gzip bomb": (_bomb, "cap"),
    "malformed pdf": (
        _route("/a.pdf", b"%PDF-1.7 ...", content_type="application/pdf"),
        "not a readable PDF",
    ),
    "image": (_route("/a.png", b"\x89PNG\r\n\x1a\n", content_type="image/png"), "image/png"),
    "empty page": (_route("/empty", b""), "empty"),
}


@pytest.fixture
def tight_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACTDESK_FETCH__READ_TIMEOUT", "0.5")
    monkeypatch.setenv("FACTDESK_FETCH__TOTAL_TIMEOUT", "3")
    monkeypatch.setenv("FACTDESK_FETCH__MAX_BODY_MIB", "0.1")


def _assert_one_line_error(stderr: str, names: str, mentions: str) -> None:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    assert names in lines[0]
    assert mentions.lower() in lines[0].lower()


@pytest.mark.usefixtures("tight_limits")
@pytest.mark.parametrize("case", list(BAD_WEB_INPUTS))
def test_failed_first_ingest_stores_nothing_but_the_attempt(
    case: str, cli: CliRun, database: Database, http_server: HTTPTestServer
) -> None:
    setup, mentions = BAD_WEB_INPUTS[case]
    url = setup(http_server)
    result = cli("ingest", url)
    assert result.exit_code == 1
    _assert_one_line_error(result.stderr, url, mentions)
    c = counts(database)
    assert (c.sources, c.snapshots, c.bodies) == (0, 0, 0)
    assert (c.fetches, c.failed_fetches) == (1, 1)
    with database.read() as session:
        record = session.exec(select(FetchRecord)).one()
    assert record.source_id is None
    assert record.error
    assert url in record.error


@pytest.mark.usefixtures("tight_limits")
@pytest.mark.parametrize("case", ["404", "500", "timeout", "malformed pdf"])
def test_failed_fetch_of_known_source_changes_nothing_stored(
    case: str, cli: CliRun, database: Database, http_server: HTTPTestServer
) -> None:
    setup, _ = BAD_WEB_INPUTS[case]
    url = setup(http_server)
    path = "/" + url.split("/", 3)[3]
    http_server.route(path, GOOD)
    assert cli("ingest", url).exit_code == 0
    with database.read() as session:
        before = session.exec(select(Snapshot)).one()
    setup(http_server)  # the same address now fails
    assert cli("ingest", url).exit_code == 1
    c = counts(database)
    assert (c.sources, c.snapshots, c.bodies, c.fetches, c.failed_fetches) == (1, 1, 1, 2, 1)
    with database.read() as session:
        after = session.exec(select(Snapshot)).one()
        failed = session.exec(select(FetchRecord).where(FetchRecord.outcome == "failed")).one()
    assert after.model_dump() == before.model_dump()
    assert failed.source_id == before.source_id


def test_private_address_is_refused_while_the_guard_is_on(
    cli: CliRun, database: Database, http_server: HTTPTestServer
) -> None:
    http_server.route("/page", GOOD)
    url = http_server.url("/page")
    result = cli("ingest", url, guard=True)
    assert result.exit_code == 1
    _assert_one_line_error(result.stderr, url, "--allow-private-networks")
    assert http_server.count("/page") == 0
    assert counts(database).snapshots == 0


def test_invalid_bytes_in_declared_charset_are_replaced_and_recorded(
    cli: CliRun, database: Database, http_server: HTTPTestServer
) -> None:
    body = "<html><body><p>Près de 3 000 emplois créés.</p></body></html>".encode()
    body = body.replace("créés".encode(), b"cr\xe9\xe9s")  # latin-1 bytes inside UTF-8
    http_server.route("/bad", body, content_type="text/html; charset=utf-8")
    result = cli("ingest", http_server.url("/bad"))
    assert result.exit_code == 0, result.stderr
    with database.read() as session:
        snapshot = session.exec(select(Snapshot)).one()
    assert "cr\ufffd\ufffds" in snapshot.text
    assert snapshot.replaced_bytes is True
    assert snapshot.charset == "utf-8"
    assert http_server.url("/bad") in result.stderr  # a warning names the page


def test_missing_file(cli: CliRun, database: Database, tmp_path: Path) -> None:
    missing = tmp_path / "nope.html"
    result = cli("ingest", str(missing))
    assert result.exit_code == 1
    _assert_one_line_error(result.stderr, str(missing), "no such file")
    c = counts(database)
    assert (c.sources, c.snapshots, c.failed_fetches) == (0, 0, 1)


def test_unsupported_file_type(cli: CliRun, tmp_path: Path) -> None:
    document = tmp_path / "report.docx"
    document.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    result = cli("ingest", str(document))
    assert result.exit_code == 1
    _assert_one_line_error(result.stderr, str(document), ".pdf")


def test_empty_stdin(cli: CliRun, database: Database) -> None:
    result = cli("ingest", "-", input=b"  \n")
    assert result.exit_code == 1
    _assert_one_line_error(result.stderr, "stdin", "empty")
    assert counts(database).sources == 0


def test_one_bad_target_does_not_stop_the_others(
    cli: CliRun, database: Database, http_server: HTTPTestServer
) -> None:
    http_server.route("/ok", GOOD)
    http_server.route("/missing", "no", status=404)
    result = cli("ingest", http_server.url("/missing"), http_server.url("/ok"))
    assert result.exit_code == 1
    assert counts(database).snapshots == 1
