"""The pass's writer: batched transactions that still store each source whole or not at all."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlmodel import Session, col, select

from db.engine import Database
from db.models import FetchRecord, RefreshRun, Snapshot, Source
from sources.errors import SourceError
from sources.refresh import RefreshPolicy, run_pass
from sources.refresh.check import Task, check
from sources.refresh.sites import Sites
from sources.refresh.storing import store_page, write_pending
from sources.refresh.writer import Writer
from sources.snapshots import store_fetch
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
from tests.support.httpserver import HTTPTestServer


def _run(worker: str) -> Callable[[Session], str]:
    def job(session: Session) -> str:
        session.add(RefreshRun(worker=worker, started_at=datetime.now(UTC)))
        return worker

    return job


def _broken(session: Session) -> str:
    session.add(RefreshRun(worker="broken", started_at=datetime.now(UTC)))
    session.flush()
    raise ValueError("this job fails")


def test_a_failing_job_fails_alone_and_the_rest_of_its_batch_commits(
    database: Database,
) -> None:
    writer = Writer(database, batch=10)
    # Queued before the thread starts: the three land in one batch.
    futures = [writer.submit(job) for job in (_run("first"), _broken, _run("third"))]
    with writer:
        pass

    assert futures[0].result() == "first"
    assert futures[2].result() == "third"
    with pytest.raises(ValueError, match="this job fails"):
        futures[1].result()
    with database.read() as session:
        workers = session.exec(select(RefreshRun.worker).order_by(col(RefreshRun.id))).all()
    assert workers == ["first", "third"]


def test_a_store_the_new_snapshot_hook_refuses_is_recorded_and_the_others_stored(
    database: Database, sites: list[HTTPTestServer]
) -> None:
    ids = []
    for n, server in enumerate(sites):
        text_page(server, "/a", f"Page {n}.\n\n{ARTICLE}")
        source, _ = ingest(database, server.url("/a"), claims=False)
        assert source.id is not None
        ids.append(source.id)
        text_page(server, "/a", f"Page {n}, corrigée.\n\n{ARTICLE}")
    refused_id = ids[1]

    def hook(session: Session, source: Source, old: Snapshot, new: Snapshot) -> int:
        if source.id == refused_id:
            raise SourceError(f"claim 7 changed while source {source.id} was re-checked")
        return 0

    result = run_pass(
        database,
        policy=FAST,
        fetch_policy=fetch_policy(),
        scope="all",
        on_new_snapshot=hook,
    )

    assert (result.counts["changed"], result.counts["failed"]) == (2, 1)
    assert [snapshot_count(database, i) for i in ids] == [2, 1, 2]
    record = fetch_records(database, refused_id)[-1]
    assert record.outcome == "failed"
    assert record.error is not None
    assert "fetched but not stored" in record.error
    assert "claim 7 changed" in record.error
    refused = source_row(database, refused_id)
    assert refused.lease_owner is None
    assert refused.health == "ok"  # its health stays what it was: only the store failed
    assert refused.consecutive_failures == 1


def test_the_refresh_stores_the_same_snapshot_columns_as_ingest(
    database: Database, http_server: HTTPTestServer
) -> None:
    html = (
        "<html lang='fr'><head><title>Rapport</title>"
        "<meta property='og:site_name' content='Le Site'></head><body><article>"
        f"<h1>Rapport</h1><p>{ARTICLE}</p></article></body></html>"
    )
    http_server.route("/a", html, headers={"ETag": '"v1"'})
    url = http_server.url("/a")
    sites = Sites(RefreshPolicy(host_delay=0.0), fetch_policy())
    try:
        outcome = check(Task(1, url, None, None, 3600, True), sites, threading.Event())
    finally:
        sites.close()
    assert outcome.fetched is not None
    assert outcome.decoded is not None
    assert outcome.article is not None

    with database.write() as session:
        by_ingest = store_fetch(
            session,
            source_url=url,
            fetched=outcome.fetched,
            decoded=outcome.decoded,
            article=outcome.article,
        ).snapshot
        other = Source(url=url + "?copy")
        session.add(other)
        session.flush()
        stored = store_page(
            session,
            other,
            latest=None,
            fetched=outcome.fetched,
            decoded=outcome.decoded,
            article=outcome.article,
            worker="",
            defer=True,  # as a pass stores pages: rows written at the batch's end
        )
        assert stored.snapshot_id is None
        write_pending(session)
        session.flush()
        records = session.exec(select(FetchRecord).order_by(col(FetchRecord.id))).all()
        by_refresh = session.get(Snapshot, records[-1].snapshot_id)
        assert by_refresh is not None

    def columns(snapshot: Snapshot) -> dict[str, Any]:
        values = snapshot.model_dump()
        return {k: v for k, v in values.items() if k not in ("id", "source_id", "created_at")}

    assert columns(by_refresh) == columns(by_ingest)
    assert by_refresh.title == "Rapport"
    assert [r.snapshot_id for r in records] == [by_ingest.id, by_refresh.id]
