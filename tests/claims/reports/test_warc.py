"""WARC 1.1 export: `warcio check` passes, and pywb replays the original bytes offline."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from warcio.archiveiterator import ArchiveIterator  # type: ignore[import-untyped]

from tests.claims.reports.conftest import ARTICLE, ARTICLE_URL, EVIDENCE, Desk, ok
from tests.support.httpserver import HOST, unused_port

BIN = Path(sys.executable).parent


def records(path: Path) -> list[dict[str, Any]]:
    out = []
    with path.open("rb") as stream:
        for rec in ArchiveIterator(stream):
            out.append(
                {
                    "type": rec.rec_type,
                    "uri": rec.rec_headers.get_header("WARC-Target-URI"),
                    "date": rec.rec_headers.get_header("WARC-Date"),
                    "id": rec.rec_headers.get_header("WARC-Record-ID"),
                    "refers_to": rec.rec_headers.get_header("WARC-Refers-To"),
                    "http": rec.http_headers.headers if rec.http_headers else None,
                    "body": rec.content_stream().read(),
                    "version": rec.rec_headers.protocol,
                }
            )
    return out


def test_warc_passes_warcio_check_and_holds_what_was_fetched(desk: Desk) -> None:
    result, path = desk.report("warc")
    assert ok(result)
    check = subprocess.run(
        [str(BIN / "warcio"), "check", "-v", str(path)], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stdout + check.stderr
    assert "digest pass" in check.stdout
    recs = records(path)
    assert {r["version"] for r in recs} == {"WARC/1.1"}
    report = desk.report_json()
    fetched = {s["final_url"]: s for s in report["snapshots"]}

    (article,) = [r for r in recs if r["uri"] == ARTICLE_URL]
    # Read from stdin: no HTTP exchange to archive, so a resource record.
    assert article["type"] == "resource"
    assert article["body"] == ARTICLE.encode()
    assert article["date"].startswith(fetched[ARTICLE_URL]["fetched_at"][:19])

    web = [r for r in recs if r["uri"] == desk.evidence_url]
    assert sorted(str(r["type"]) for r in web) == ["request", "response"]
    response = next(r for r in web if r["type"] == "response")
    assert response["body"] == EVIDENCE, "the body as the fetcher decoded it"
    headers = dict(response["http"])
    assert headers["X-Archive-Orig-Content-Encoding"] == "gzip"
    assert headers["X-Served-By"] == "registry-1", "original headers are kept"
    assert headers["Content-Length"] == str(len(EVIDENCE))
    assert "Content-Encoding" not in headers

    claim_meta = [r for r in recs if r["type"] == "metadata" and "/claim/" in str(r["uri"])]
    assert len(claim_meta) == len(desk.claims)
    assert {r["refers_to"] for r in claim_meta} == {article["id"]}


@pytest.fixture
def wayback(tmp_path: Path) -> Path:
    root = tmp_path / "pywb"
    root.mkdir()
    init = subprocess.run(
        [str(BIN / "wb-manager"), "init", "factdesk"], cwd=root, capture_output=True, text=True
    )
    assert init.returncode == 0, init.stderr
    return root


def test_pywb_replays_the_original_bytes_offline(desk: Desk, wayback: Path) -> None:
    result, path = desk.report("warc")
    assert ok(result)
    added = subprocess.run(
        [str(BIN / "wb-manager"), "add", "factdesk", str(path)],
        cwd=wayback,
        capture_output=True,
        text=True,
    )
    assert added.returncode == 0, added.stderr
    port = unused_port()
    server = subprocess.Popen(
        [str(BIN / "wayback"), "-b", HOST, "-p", str(port)],
        cwd=wayback,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        report = desk.report_json()
        base = f"http://{HOST}:{port}/factdesk"
        for snapshot, original in (
            (
                next(s for s in report["snapshots"] if s["final_url"] == ARTICLE_URL),
                ARTICLE.encode(),
            ),
            (next(s for s in report["snapshots"] if s["final_url"] == desk.evidence_url), EVIDENCE),
        ):
            stamp = "".join(ch for ch in snapshot["fetched_at"][:19] if ch.isdigit())
            # id_ asks the replay for the archived bytes, not a rewritten page.
            answer = _get(f"{base}/{stamp}id_/{snapshot['final_url']}")
            assert answer.status_code == 200
            assert answer.content == original
    finally:
        server.terminate()
        server.wait(timeout=10)


def _get(url: str) -> httpx.Response:
    deadline = time.monotonic() + 30
    while True:
        try:
            return httpx.get(url, timeout=10)
        except httpx.TransportError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
