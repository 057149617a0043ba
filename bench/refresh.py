"""Refresh job throughput and conditional-GET savings, on loopback sites with latency.

    .venv/bin/python bench/refresh.py [--sources 2000] [--sites 20] [--latency 0.1]
                                      [--concurrency 50] [--per-host 5] [--local 200]
                                      [--db URL]

Serves ``--sources`` small pages from ``--sites`` servers on 127.0.0.1 (one
port each, so one site each: the refresh job keeps its politeness per origin),
each answer delayed by ``--latency`` seconds, in a separate
process (so its CPU is not counted), then runs two refresh passes over a
fresh database:

1. every source fetched in full (200 + ETag), snapshots stored;
2. the same unchanged corpus again: every answer should be a 304.

Prints, per pass: wall time, sources/s and its share of the ideal
(concurrency / latency), CPU milliseconds per source of the refresh process
(all its threads), the body bytes the servers sent, and the write
transactions the pass committed. The pass runs as ``factdesk refresh``
does: fetching threads (one httpx client per site) and one writer thread
storing the outcomes in batched transactions (``sources.refresh.writer``).
For PostgreSQL, create an empty database first and drop it afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from db.engine import Database
from db.migrate import upgrade
from db.models import Source
from db.urls import sqlite_url
from sources.fetching import FetchPolicy
from sources.refresh import RefreshPolicy, run_pass

PAGE = (
    "Rapport {n}.\n\nLe registre national recense {n}.000 coopératives actives en 2024. "
    "Leur chiffre d'affaires atteint {n} milliards de dirhams.\n\nMéthodologie : données "
    "administratives consolidées.\n"
)


def serve(sites: int, latency: float) -> None:
    """Child process: one server per site; prints their addresses, then body bytes on request."""
    from tests.support.httpserver import Exchange, HTTPTestServer

    sent = [0]
    lock = threading.Lock()

    def page(exchange: Exchange) -> None:
        if exchange.request.path == "/robots.txt":
            exchange.send(404)  # no robots.txt: everything allowed, no body
            return
        n = exchange.request.path.rsplit("/", 1)[-1]
        etag = f'"v{n}"'
        if exchange.wait(latency):
            return
        if exchange.request.header("If-None-Match") == etag:
            exchange.send(304, {"ETag": etag})
            return
        body = PAGE.format(n=n).encode()
        with lock:
            sent[0] += len(body)
        exchange.send(200, {"Content-Type": "text/plain; charset=utf-8", "ETag": etag}, body)

    servers = []
    for _ in range(sites):
        server = HTTPTestServer()
        server.handle("/p", page)
        servers.append(server.start())
    # Any path under /p/: route by prefix.
    for server in servers:
        server._routes = _PrefixRoutes(page)
    print(json.dumps([s.base_url for s in servers]), flush=True)
    for line in sys.stdin:
        if line.strip() == "bytes":
            with lock:
                print(sent[0], flush=True)
                sent[0] = 0


class _PrefixRoutes(dict):  # type: ignore[type-arg]
    def __init__(self, handler: object) -> None:
        super().__init__()
        self.handler = handler

    def get(self, key: object, default: object = None) -> object:
        return self.handler


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sources", type=int, default=2000)
    parser.add_argument("--sites", type=int, default=20, help="servers, each its own origin")
    parser.add_argument("--latency", type=float, default=0.1)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--per-host", type=int, default=5, help="requests in flight per site")
    parser.add_argument(
        "--local", type=int, default=200, help="file: sources too, which no pass may check"
    )
    parser.add_argument("--db", default=None)
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.sites, args.latency)
        return
    child = subprocess.Popen(
        [
            sys.executable,
            __file__,
            "--serve",
            "--sites",
            str(args.sites),
            "--latency",
            str(args.latency),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdin is not None
    assert child.stdout is not None
    bases = json.loads(child.stdout.readline())
    tmp = tempfile.mkdtemp(prefix="factdesk-bench-")
    url = args.db or sqlite_url(Path(tmp) / "bench.sqlite3")
    database = Database(url)
    upgrade(database.engine)
    with database.write() as session:
        for n in range(args.sources):
            session.add(Source(url=f"{bases[n % len(bases)]}/p/{n}"))
        for n in range(args.local):
            session.add(Source(url=f"file:///srv/desk/saved-{n}.html"))
    policy = RefreshPolicy(
        concurrency=args.concurrency, per_host=args.per_host, host_delay=0.0, lease_s=600
    )
    fetch_policy = FetchPolicy(allow_private_networks=True)
    ideal = args.concurrency / args.latency
    print(
        f"{args.sources} sources (+{args.local} local), {args.sites} sites, "
        f"{args.latency * 1000:.0f} ms latency, "
        f"concurrency {args.concurrency}, per site {args.per_host}; ideal {ideal:.0f}/s; {url}"
    )
    for label, scope in (("pass 1 (full fetch)", "due"), ("pass 2 (unchanged)", "all")):
        wall0, cpu0 = time.perf_counter(), time.process_time()
        result = run_pass(database, policy=policy, fetch_policy=fetch_policy, scope=scope)
        wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
        child.stdin.write("bytes\n")
        child.stdin.flush()
        sent = int(child.stdout.readline())
        checked = result.counts.get("checked", 0)
        # Local sources are never leased: a pass checks the web sources only.
        assert checked == args.sources, f"{checked} checked, {args.sources} web sources"
        rate = checked / wall
        print(
            f"{label}: {checked} checked in {wall:.2f} s = {rate:.0f}/s "
            f"({rate / ideal:.2f} of ideal), CPU {cpu / max(checked, 1) * 1000:.2f} ms/source, "
            f"body bytes sent {sent}; {result.transactions} write transactions; "
            f"counts {result.counts}"
        )
    child.terminate()
    database.dispose()
    if args.db is None:
        for f in Path(tmp).iterdir():
            os.remove(f)
        os.rmdir(tmp)


if __name__ == "__main__":
    main()
