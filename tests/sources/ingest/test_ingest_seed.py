"""Ingesting the seed article and re-ingesting unchanged or changed pages."""

from __future__ import annotations

import json

from sqlmodel import select

from db.engine import Database
from db.models import FetchRecord, Snapshot
from tests.support.cli import CliRun, counts
from tests.support.httpserver import HTTPTestServer
from tests.support.shared import seed_file

SEED_URL = "https://medias24.com/2019/06/20/maroc-pact-for-impact/"

PAGE = """<!doctype html><html lang="en"><head><title>Harbour jobs</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour jobs grow</h1>
<p>The harbour authority said on Monday that more than 3,000 people now work at the
container terminal, up from 1,200 five years ago.</p>
<p>According to the authority, the terminal handled 450,000 containers last year.</p>
</article><footer>© The Harbour Gazette</footer></body></html>"""


def test_seed_is_stored_once_without_boilerplate(cli: CliRun, database: Database) -> None:
    seed = seed_file()
    result = cli("ingest", str(seed), "--lang", "fr", "--url", SEED_URL, "--format", "json")
    assert result.exit_code == 0, result.stderr
    (stored,) = json.loads(result.stdout)
    assert stored["language"] == "fr"
    assert stored["source_url"] == SEED_URL
    assert len(stored["snapshot_sha256"]) == 64
    c = counts(database)
    assert (c.sources, c.snapshots, c.bodies, c.fetches) == (1, 1, 1, 1)
    with database.read() as session:
        snapshot = session.exec(select(Snapshot)).one()
    text = snapshot.text
    assert text.count("20.000 coopératives") == 1
    assert text.count("une cinquantaine de pays") == 1
    assert "Abonnez-vous" not in text
    assert "Newsletter" not in text
    assert "Quoi de neuf" not in text
    assert "journal économique marocain" not in text
    assert snapshot.body_size == seed.stat().st_size
    assert snapshot.fetched_at.tzinfo is not None


def test_same_body_twice_stores_it_once_and_records_both_fetches(
    cli: CliRun, database: Database, http_server: HTTPTestServer
) -> None:
    http_server.route("/jobs", PAGE)
    url = http_server.url("/jobs")
    first = cli("ingest", url, "--format", "json")
    second = cli("ingest", url, "--format", "json")
    assert first.exit_code == second.exit_code == 0, first.stderr + second.stderr
    one, two = json.loads(first.stdout)[0], json.loads(second.stdout)[0]
    assert one["snapshot_sha256"] == two["snapshot_sha256"]
    assert (one["outcome"], two["outcome"]) == ("stored", "unchanged")
    c = counts(database)
    assert (c.sources, c.snapshots, c.bodies, c.fetches) == (1, 1, 1, 2)
    with database.read() as session:
        fetches = session.exec(select(FetchRecord).order_by(FetchRecord.id)).all()  # type: ignore[arg-type]
    assert [f.body_sha256 for f in fetches] == [one["snapshot_sha256"]] * 2
    assert all(f.http_status == 200 for f in fetches)
    assert http_server.count("/jobs") == 2


def test_changed_body_makes_a_second_snapshot(
    cli: CliRun, database: Database, http_server: HTTPTestServer
) -> None:
    http_server.route("/jobs", PAGE)
    url = http_server.url("/jobs")
    assert cli("ingest", url).exit_code == 0
    http_server.route("/jobs", PAGE.replace("3,000", "3,400"))
    assert cli("ingest", url).exit_code == 0
    c = counts(database)
    assert (c.sources, c.snapshots, c.bodies, c.fetches) == (1, 2, 2, 2)
    with database.read() as session:
        texts = [s.text for s in session.exec(select(Snapshot).order_by(Snapshot.id)).all()]  # type: ignore[arg-type]
    assert "3,000" in texts[0]
    assert "3,400" in texts[1]


def test_redirects_are_recorded_and_the_source_keeps_the_asked_address(
    cli: CliRun, database: Database, http_server: HTTPTestServer
) -> None:
    http_server.route("/final", PAGE)
    http_server.redirect("/old", "/final", status=301)
    result = cli("ingest", http_server.url("/old"), "--format", "json")
    assert result.exit_code == 0, result.stderr
    with database.read() as session:
        fetch = session.exec(select(FetchRecord)).one()
        snapshot = session.exec(select(Snapshot)).one()
    assert fetch.redirects == [
        {"url": http_server.url("/old"), "status": 301, "location": http_server.url("/final")}
    ]
    assert snapshot.final_url == http_server.url("/final")
    assert json.loads(result.stdout)[0]["source_url"] == http_server.url("/old")


def test_stdin_needs_no_file(cli: CliRun, database: Database) -> None:
    result = cli(
        "ingest", "-", "--url", "https://example.org/a", "--lang", "en", input=PAGE.encode()
    )
    assert result.exit_code == 0, result.stderr
    with database.read() as session:
        snapshot = session.exec(select(Snapshot)).one()
    assert "3,000 people" in snapshot.text
    assert snapshot.http_status is None


def test_sources_lists_last_fetch_and_snapshot_count(
    cli: CliRun, http_server: HTTPTestServer
) -> None:
    http_server.route("/jobs", PAGE)
    cli("ingest", http_server.url("/jobs"))
    cli("ingest", http_server.url("/jobs"))
    rows = json.loads(cli("sources", "--format", "json").stdout)
    assert len(rows) == 1
    assert rows[0]["snapshots"] == 1
    assert rows[0]["fetches"] == 2
    assert rows[0]["last_fetch_outcome"] == "unchanged"
    assert rows[0]["title"]
    table = cli("sources")
    assert table.exit_code == 0
    assert "127.0.0.1" in table.stdout


def test_ingesting_several_targets_counts_them_on_stderr(
    cli: CliRun, http_server: HTTPTestServer
) -> None:
    http_server.route("/one", PAGE)
    http_server.route("/two", PAGE.replace("3,000", "4,000"))

    result = cli("ingest", http_server.url("/one"), http_server.url("/two"))

    assert result.exit_code == 0, result.stderr
    # Off a terminal, one counter line per target, so a log says how far it got.
    lines = [line for line in result.stderr.splitlines() if line.startswith("ingest ")]
    assert lines == [
        f"ingest 1/2 {http_server.url('/one')}",
        f"ingest 2/2 {http_server.url('/two')}",
    ]


def test_plain_text_on_stdin_is_read_as_text(cli: CliRun, database: Database) -> None:
    text = (
        "Rapport annuel.\n\nSelon la ministre, le pays compte 20.000 coopératives "
        "actives en 2024, soit 12 % de plus qu'en 2023.\n"
    )

    # README: `cat page.txt | factdesk ingest - --url https://example.org/b`
    result = cli("ingest", "-", "--url", "https://example.org/b", "--format", "json", input=text)

    assert result.exit_code == 0, result.stderr
    (stored,) = json.loads(result.stdout)
    assert stored["claims"] >= 1
    with database.read() as session:
        snapshot = session.exec(select(Snapshot)).one()
    assert "20.000 coopératives" in snapshot.text


def test_an_ingest_of_one_claim_says_one_claim(cli: CliRun, database: Database) -> None:
    text = "Selon la ministre, le pays compte 20.000 coopératives actives en 2024.\n"

    result = cli("ingest", "-", "--url", "https://example.org/c", "--lang", "fr", input=text)

    assert result.exit_code == 0, result.stderr
    assert "lang fr, 1 claim\n" in result.stdout
