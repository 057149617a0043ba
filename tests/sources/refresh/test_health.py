"""Health transitions and politeness: gone, moved, failing, Retry-After, timeouts, robots.txt."""

from __future__ import annotations

from dataclasses import replace

from claims.services.refresh import refresh, sources_status
from db.engine import Database
from sources.refresh import override_robots, pause, resume
from tests.sources.refresh.conftest import (
    ARTICLE,
    FAST,
    fetch_policy,
    fetch_records,
    ingest,
    snapshot_count,
    source_row,
    text_page,
)
from tests.support.httpserver import Exchange, HTTPTestServer, stall


def _run(database: Database, **fetch: float) -> dict[str, int]:
    return refresh(database, policy=FAST, fetch_policy=fetch_policy(**fetch), scope="all").counts


def _seed(database: Database, server: HTTPTestServer, path: str = "/a") -> int:
    text_page(server, path, ARTICLE)
    source, _ = ingest(database, server.url(path), claims=False)
    assert source.id is not None
    return source.id


def test_404_becomes_gone_after_n_checks_in_a_row(
    database: Database, http_server: HTTPTestServer
) -> None:
    source_id = _seed(database, http_server)
    http_server.route("/a", "gone", status=404, content_type="text/plain")

    _run(database)
    first = source_row(database, source_id)
    counts = _run(database)  # FAST.gone_after == 2
    second = source_row(database, source_id)

    assert first.health == "failing"
    assert second.health == "gone"
    assert counts["gone"] == 1
    assert second.consecutive_gone == 2
    assert [r.http_status for r in fetch_records(database, source_id)[-2:]] == [404, 404]
    assert snapshot_count(database, source_id) == 1  # the last good snapshot stays


def test_a_404_after_a_success_starts_the_count_again(
    database: Database, http_server: HTTPTestServer
) -> None:
    source_id = _seed(database, http_server)
    http_server.route("/a", "gone", status=410, content_type="text/plain")
    _run(database)
    text_page(http_server, "/a", ARTICLE)
    _run(database)
    http_server.route("/a", "gone", status=410, content_type="text/plain")
    _run(database)

    assert source_row(database, source_id).health == "failing"


def test_301_marks_the_source_moved_with_its_new_address(
    database: Database, http_server: HTTPTestServer
) -> None:
    source_id = _seed(database, http_server)
    text_page(http_server, "/new", ARTICLE)
    http_server.redirect("/a", "/new", status=301)

    counts = _run(database)

    row = source_row(database, source_id)
    assert counts["moved"] == 1
    assert row.health == "moved"
    assert row.moved_to == http_server.url("/new")


def test_a_temporary_redirect_is_not_a_move(
    database: Database, http_server: HTTPTestServer
) -> None:
    source_id = _seed(database, http_server)
    text_page(http_server, "/new", ARTICLE)
    http_server.redirect("/a", "/new", status=302)

    _run(database)

    assert source_row(database, source_id).health == "ok"


def test_429_with_retry_after_is_waited_then_retried(
    database: Database, http_server: HTTPTestServer
) -> None:
    source_id = _seed(database, http_server)
    answers = iter([429])

    def limited(exchange: Exchange) -> None:
        status = next(answers, 200)
        if status == 429:
            exchange.send(429, {"Retry-After": "1", "Content-Type": "text/plain"}, b"slow down")
        else:
            exchange.send(200, {"Content-Type": "text/plain; charset=utf-8"}, ARTICLE.encode())

    http_server.handle("/a", limited)

    counts = _run(database)

    assert counts["unchanged"] == 1
    assert source_row(database, source_id).health == "ok"
    _ingest, limited_request, retry = http_server.requests("/a")
    # The retry waited the second the server asked for (FAST.retry_base is 0.01 s).
    assert retry.received_at - limited_request.received_at >= 1.0


def test_a_long_retry_after_ends_the_check_and_schedules_after_it(
    database: Database, http_server: HTTPTestServer
) -> None:
    source_id = _seed(database, http_server)
    http_server.route(
        "/a", "busy", status=503, content_type="text/plain", headers={"Retry-After": "7200"}
    )

    counts = _run(database)

    row = source_row(database, source_id)
    assert counts["failed"] == 1
    assert http_server.count("/a") == 2  # no retry within the check
    assert row.health == "failing"
    assert row.next_check_at is not None
    assert row.last_checked_at is not None
    assert (row.next_check_at - row.last_checked_at).total_seconds() >= 7200


def test_a_server_too_slow_for_the_timeout_fails_the_check(
    database: Database, http_server: HTTPTestServer
) -> None:
    source_id = _seed(database, http_server)
    http_server.handle("/a", stall(5))

    counts = refresh(
        database,
        policy=replace(FAST, retries=0),
        fetch_policy=fetch_policy(read_timeout=0.3, total_timeout=1.0),
        scope="all",
    ).counts

    record = fetch_records(database, source_id)[-1]
    assert counts["failed"] == 1
    assert record.outcome == "failed"
    assert record.error is not None
    assert "timed out" in record.error
    assert source_row(database, source_id).health == "failing"


def test_robots_txt_disallow_is_obeyed_and_can_be_overridden_on_record(
    database: Database, http_server: HTTPTestServer
) -> None:
    source_id = _seed(database, http_server, "/private/a")
    http_server.route(
        "/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain"
    )

    counts = _run(database)

    assert counts["blocked"] == 1
    assert http_server.count("/private/a") == 1  # only the ingest
    record = fetch_records(database, source_id)[-1]
    assert record.error is not None
    assert "robots.txt" in record.error
    assert "--ignore" in record.error
    # Not "ok": nothing is fetched until a person acts, so it is listed for one.
    assert source_row(database, source_id).health == "blocked"
    failing = {s.id: s for s in sources_status(database, failing=True)}
    assert source_id in failing
    assert "robots.txt" in (failing[source_id].reason or "")

    with database.write() as session:
        override_robots(session, str(source_id), ignore=True, who="editor", why="our own page")
    counts = _run(database)

    assert counts["unchanged"] == 1
    assert source_row(database, source_id).health == "ok"
    assert http_server.count("/private/a") == 2
    override = source_row(database, source_id).robots_override
    assert override is not None
    assert "editor" in override
    assert "our own page" in override


def test_a_paused_source_is_not_refreshed_until_resumed(
    database: Database, http_server: HTTPTestServer
) -> None:
    source_id = _seed(database, http_server)
    with database.write() as session:
        pause(session, str(source_id))

    paused = _run(database)
    with database.write() as session:
        resume(session, http_server.url("/a"))
    resumed = _run(database)

    assert paused.get("checked", 0) == 0
    assert resumed["checked"] == 1
    assert http_server.count("/a") == 2
