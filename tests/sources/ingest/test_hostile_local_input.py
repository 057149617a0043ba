"""Hostile local input and addresses: one-line refusals, bounded memory, nothing stored.

Files and stdin are held to the fetch cap (the ``fetch.max_body_mib``
setting); what is not text is refused; the original address given with
``--url`` must be http(s); addresses no request could be sent to, or too long
for the source index, are refused before anything is stored.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlmodel import select

from db.engine import Database
from db.models import Snapshot, Source
from sources.local import TargetError, read_stdin
from sources.urls import MAX_URL_BYTES
from tests.support.cli import CliRun, Run, counts
from tests.support.httpserver import HTTPTestServer

PAGE = (
    "<html><body><article><p>Le Maroc compte 20.000 coopératives selon le ministère."
    "</p></article></body></html>"
)


def _one_line(result: Run, *mentions: str) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("factdesk: error: ")
    for words in mentions:
        assert words in lines[0], lines[0]
    return lines[0]


def _nothing_stored(database: Database) -> None:
    c = counts(database)
    assert (c.sources, c.snapshots, c.bodies) == (0, 0, 0)


@pytest.fixture
def small_cap(monkeypatch: pytest.MonkeyPatch) -> int:
    """The fetch cap, 0.1 MiB: the same setting caps files and stdin."""
    monkeypatch.setenv("FACTDESK_FETCH__MAX_BODY_MIB", "0.1")
    return int(0.1 * 1024 * 1024)


class Endless(io.RawIOBase):
    """A stdin that never ends: reading all of it would never return."""

    def __init__(self) -> None:
        self.served = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        chunk = b"<p>" + b"x" * (len(buffer) - 3) if len(buffer) > 3 else b"x" * len(buffer)
        buffer[: len(chunk)] = chunk
        self.served += len(chunk)
        return len(chunk)


def test_a_file_over_the_fetch_cap_is_refused(
    cli: CliRun, database: Database, tmp_path: Path, small_cap: int
) -> None:
    page = tmp_path / "long.html"
    page.write_text("<p>" + "x" * small_cap + "</p>", encoding="utf-8")
    result = cli("ingest", str(page))
    assert result.exit_code == 1
    _one_line(result, str(page), "0.1 MiB cap", "fetch.max_body_mib")
    _nothing_stored(database)
    assert counts(database).failed_fetches == 1


def test_an_endless_stdin_is_read_only_up_to_the_cap(small_cap: int) -> None:
    stdin = Endless()
    with pytest.raises(TargetError, match="cap"):
        read_stdin(io.BufferedReader(stdin), url=None, max_bytes=small_cap)
    assert stdin.served <= small_cap + io.DEFAULT_BUFFER_SIZE


def test_stdin_over_the_cap_is_refused(cli: CliRun, database: Database, small_cap: int) -> None:
    result = cli("ingest", "-", input=b"<p>" + b"x" * small_cap)
    assert result.exit_code == 1
    _one_line(result, "stdin", "cap")
    _nothing_stored(database)


# Runs factdesk, then prints its peak resident memory (KiB). VmHWM, unlike
# getrusage's ru_maxrss, starts afresh at exec: the forking test worker's own
# size does not count.
PEAK_RSS = (
    "import sys\n"
    "from tui.cli import main\n"
    "code = main()\n"
    "status = open('/proc/self/status').read()\n"
    "print(status.split('VmHWM:')[1].split()[0])\n"
    "sys.exit(code)\n"
)


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads /proc (Linux)")
def test_a_50_mb_one_line_page_costs_no_more_memory_than_the_cap(tmp_path: Path) -> None:
    """The audit's case: 50 MB of HTML on one line took 1.3 GB; now reading stops at 20 MiB."""
    page = tmp_path / "huge.html"
    with page.open("wb") as out:
        out.write(b"<html><body><p>")
        for _ in range(50):
            out.write(b"20.000 coop " * 87_381)
        out.write(b"</p></body></html>")
    db = f"sqlite:///{tmp_path / 'desk.sqlite3'}"
    done = subprocess.run(
        [sys.executable, "-c", PEAK_RSS, "--db", db, "ingest", str(page)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert "20 MiB cap" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    peak_kib = int(done.stdout.split()[-1])
    assert peak_kib < 400 * 1024, f"peak {peak_kib / 1024:.0f} MiB"


def test_the_text_command_has_the_same_cap(cli: CliRun, tmp_path: Path, small_cap: int) -> None:
    page = tmp_path / "long.txt"
    page.write_text("x" * (small_cap + 1), encoding="utf-8")
    result = cli("text", str(page))
    assert result.exit_code == 1
    _one_line(result, "cap")


def test_a_file_at_the_cap_is_read(cli: CliRun, database: Database, tmp_path: Path) -> None:
    page = tmp_path / "fits.html"
    page.write_text(PAGE, encoding="utf-8")
    assert cli("ingest", str(page)).exit_code == 0
    assert counts(database).snapshots == 1


BINARY = {
    "random bytes": os.urandom(64 * 1024),
    "text, then random bytes": b"Le Maroc compte 20.000 coop\xc3\xa9ratives. " * 40
    + os.urandom(32 * 1024),
    "a PDF": b"%PDF-1.7\n" + b"x" * 1000,
    "a zip archive": b"PK\x03\x04" + os.urandom(1000),
}


@pytest.mark.parametrize("case", list(BINARY))
def test_binary_junk_in_a_text_file_is_refused(
    case: str, cli: CliRun, database: Database, tmp_path: Path
) -> None:
    junk = tmp_path / "notes.txt"
    junk.write_bytes(BINARY[case])
    result = cli("ingest", str(junk))
    assert result.exit_code == 1
    _one_line(result, str(junk), "not text")
    _nothing_stored(database)
    stdin = cli("ingest", "-", input=BINARY[case])
    assert stdin.exit_code == 1
    # A pipe has no name to say it is not text; one that opens as a PDF is read as one.
    _one_line(stdin, "stdin", "not a readable PDF" if case == "a PDF" else "not text")
    _nothing_stored(database)


TEXTS = {
    "UTF-16 with a byte order mark": "\ufeffLe Maroc compte 20.000 coopératives selon le "
    "ministère.".encode("utf-16-le"),
    "a stray NUL in a long text": b"Le Maroc compte 20.000 coop\xc3\xa9ratives selon le "
    b"minist\xc3\xa8re. " * 40
    + b"\x00",
    "terminal bells and escapes (the display strips them)": b"\x1b[31mLe Maroc\x07 compte "
    b"20.000 coop\xc3\xa9ratives selon le minist\xc3\xa8re.\x07\x1b[0m " * 3,
}


@pytest.mark.parametrize("case", list(TEXTS))
def test_text_that_only_looks_odd_is_still_read(
    case: str, cli: CliRun, database: Database, tmp_path: Path
) -> None:
    page = tmp_path / "notes.txt"
    page.write_bytes(TEXTS[case])
    result = cli("ingest", str(page))
    assert result.exit_code == 0, result.stderr
    with database.read() as session:
        assert "20.000 coopératives" in session.exec(select(Snapshot.text)).one()


@pytest.mark.parametrize(
    "address", ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,<p>x</p>", "//x"]
)
def test_the_original_address_must_be_http(
    address: str, cli: CliRun, database: Database, tmp_path: Path
) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    for args in (["ingest", str(page)], ["ingest", "-"], ["text", str(page)]):
        result = cli(*args, "--url", address, input=PAGE)
        assert result.exit_code == 2
        _one_line(result, "--url", "http")
    _nothing_stored(database)
    assert counts(database).fetches == 0


@pytest.mark.parametrize(
    "address",
    ["http://[::1", "http://[::1/page", "http://xn--a.com/", "https://xn--zz-zzzzzz.example/"],
)
def test_an_address_no_request_could_go_to_is_refused(
    address: str, cli: CliRun, database: Database
) -> None:
    result = cli("ingest", address)
    assert result.exit_code == 1
    _one_line(result, address, "not a valid address")
    _nothing_stored(database)
    refresh = cli("refresh", "pause", address)
    assert refresh.exit_code == 1
    _one_line(refresh, "not a valid address")


@pytest.mark.parametrize("location", ["http://[::1", "http://a]/", "http://xn--a.com/next"])
def test_a_redirect_to_an_address_no_request_could_go_to_fails_in_one_line(
    location: str, cli: CliRun, database: Database, http_server: HTTPTestServer
) -> None:
    http_server.redirect("/moved", location)
    url = http_server.url("/moved")
    result = cli("ingest", url)
    assert result.exit_code == 1
    _one_line(result, url)
    _nothing_stored(database)
    assert counts(database).failed_fetches == 1


def test_an_address_too_long_for_the_source_index_is_refused(
    cli: CliRun, database: Database, http_server: HTTPTestServer
) -> None:
    # Random letters: PostgreSQL cannot compress them below its 2,704-byte index entry.
    query = os.urandom(1600).hex()
    http_server.route("/page", PAGE)
    url = http_server.url("/page") + "?q=" + query
    result = cli("ingest", url)
    assert result.exit_code == 1
    _one_line(result, f"{MAX_URL_BYTES:,}")
    _nothing_stored(database)
    assert http_server.count("/page") == 0
    just_fits = http_server.url("/page") + "?q=" + query[: MAX_URL_BYTES - len(url) + len(query)]
    assert cli("ingest", just_fits).exit_code == 0
    with database.read() as session:
        assert len(session.exec(select(Source.url)).one()) == MAX_URL_BYTES


def test_a_language_longer_than_its_column_is_bad_usage(
    cli: CliRun, database: Database, tmp_path: Path
) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE, encoding="utf-8")
    result = cli("ingest", str(page), "--lang", "français-de-france-" * 3)
    assert result.exit_code == 2
    _one_line(result, "--lang", "language tag")
    _nothing_stored(database)
    # A long but well-formed tag is kept as its language code.
    long_tag = "fr-" + "-".join(["abcdefgh"] * 6)
    assert cli("ingest", str(page), "--lang", long_tag).exit_code == 0
    with database.read() as session:
        assert session.exec(select(Snapshot.language)).one() == "fr"
