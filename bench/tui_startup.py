"""TUI speed on a large queue: process start to first painted page, and page/filter changes.

Builds a temporary SQLite database with N synthetic claims (default 100,000),
then:

1. starts ``python bench/tui_startup.py --child URL T0`` R times: the child
   imports factdesk, opens the app headless and prints the seconds from T0
   (taken by the parent just before spawning) to the first painted queue page;
   taking turns with it, ``--bare T0`` does the same for a bare Textual app (a
   label and a footer), the floor that Python and Textual set on this machine
   in this run, and ``--widgets T0`` for a bare app holding the queue's
   widgets (three Selects, three Inputs, a progress bar, a footer of 17 keys,
   a Static for the table) and no factdesk code: what Textual's widgets add;
2. in-process, times R page changes (``]``) and R filter changes (free text),
   each from the key/filter to the page painted; then the same with one row
   per group (``g``; a fifth of the claims are in groups of two).

    .venv/bin/python bench/tui_startup.py                 # 100,000 claims, 5 runs
    .venv/bin/python bench/tui_startup.py --claims 20000 --repeat 9

Targets (issue 11): first paint within 0.4 s of the bare app's, a page change
with the key held within 50 ms, a free-text filter change within 100 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import hashlib
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

if TYPE_CHECKING:
    from textual.app import ComposeResult

WORDS = (
    "coopératives budget emplois port pays région programme santé vaccins écoles "
    "ministère rapport hausse baisse millions milliards agence registre sommet"
).split()
CLAIMANTS = (None, "Nadia Berrada", "Rachid Bensliman", "the ministry", "Min-seo Park")
STATUSES = ("new", "in_review", "checked", "needs_recheck", "dismissed")


def build(url: str, n: int) -> None:
    from sqlalchemy import insert

    from claims.review.folding import search_key
    from db.bodies import store_body
    from db.engine import Database
    from db.migrate import upgrade
    from db.models import Claim, ClaimIndex, ClaimQuantity, ClaimState, Snapshot, Source

    database = Database(url)
    upgrade(database.engine)
    now = datetime.now(UTC)
    rng = random.Random(5)
    with database.write() as session:
        source = Source(url="https://bench.example/big")
        session.add(source)
        session.flush()
        digest = store_body(session, b"bench")
        snapshot = Snapshot(
            source_id=source.id or 0,
            fetched_at=now,
            final_url=source.url,
            http_status=200,
            media_type="text/plain",
            body_sha256=digest,
            body_size=5,
            text="bench",
            text_sha256=hashlib.sha256(b"bench").hexdigest(),
            extractor="bench",
        )
        session.add(snapshot)
        session.flush()
        source_id, snapshot_id = source.id, snapshot.id
    claims: list[dict[str, object]] = []
    states: list[dict[str, object]] = []
    quantities: list[dict[str, object]] = []
    indexes: list[dict[str, object]] = []
    for i in range(1, n + 1):
        words = " ".join(rng.choice(WORDS) for _ in range(12))
        value = rng.randint(1, 100_000)
        text = f"Claim {i}: {value} {words}."
        claims.append(
            {
                "id": i,
                "snapshot_id": snapshot_id,
                "source_id": source_id,
                "text": text,
                "start": i * 10,
                "end": i * 10 + len(text),
                "spans": [],
                "exact": text,
                "prefix": "",
                "suffix": "",
                "kind": "numeric",
                "claimant": rng.choice(CLAIMANTS),
                "language": "fr",
                "checkworthiness": 0.5,
                "fingerprint": f"{i:064x}",
                "extractor": "bench",
                "derived_from": [],
                "created_at": now,
            }
        )
        who = claims[-1]["claimant"]
        claimant = who if isinstance(who, str) else None
        # What ingest stores beside each claim: the folded keys search reads.
        # Claims x1 and x2 of every ten form a group (its id: the smaller claim's).
        indexes.append(
            {
                "claim_id": i,
                "group_id": i - i % 10 + 1 if i % 10 in (1, 2) else None,
                "corrections": {},
                "search": search_key(text, claimant),
                "claimant_key": search_key(claimant),
            }
        )
        states.append(
            {
                "claim_id": i,
                "version": 0,
                "status": rng.choice(STATUSES),
                "evidence_count": 0,
                "updated_at": now,
            }
        )
        quantities.append(
            {
                "claim_id": i,
                "position": 0,
                "value": float(value),
                "kind": "count",
                "unit": rng.choice(WORDS),
                "approximate": False,
                "surface": str(value),
                "start": i * 10,
                "end": i * 10 + 5,
            }
        )
    with database.engine.begin() as conn:
        tables = (
            (Claim.__table__, claims),  # type: ignore[attr-defined]
            (ClaimState.__table__, states),  # type: ignore[attr-defined]
            (ClaimQuantity.__table__, quantities),  # type: ignore[attr-defined]
            (ClaimIndex.__table__, indexes),  # type: ignore[attr-defined]
        )
        for table, rows in tables:
            for start in range(0, len(rows), 20_000):
                conn.execute(insert(table), rows[start : start + 20_000])
    database.dispose()


def painted(t0: float, what: str = "") -> None:
    """Report the first paint: wall seconds since T0, CPU seconds of this process."""
    # Textual captures print() while it runs; write to the real stdout.
    os.write(1, f"{time.time() - t0:.4f} {time.process_time():.4f} {what}\n".encode())


def child(url: str, t0: float, *, cli: bool) -> None:
    from tui.app import FactdeskApp, make_app
    from tui.screens.queue import QueueScreen
    from tui.settings import Settings

    class Timed(FactdeskApp):
        def on_queue_screen_page_shown(self, message: QueueScreen.PageShown) -> None:
            painted(t0, message.page.describe())
            self.exit()

    settings = Settings(database_url=url)
    if cli:
        # What `factdesk --db URL` does: import every command module, then open
        # the app as `open_app` does (the schema checked first).
        import tui.cli  # noqa: F401
        from tui.cli.context import CliContext
        from tui.cli.tui_cmds import app_for

        factdesk = app_for(CliContext(settings))
    else:
        factdesk = make_app(settings)
    Timed(factdesk.desk, owns_database=True).run(headless=True, size=(160, 50))


def paint_once(compose: Callable[[], ComposeResult], t0: float, keys: str = "") -> None:
    """Run a bare Textual app of ``compose``'s widgets (and a footer of ``keys``) until
    its first paint, and report that paint."""
    from textual.app import App
    from textual.binding import Binding
    from textual.widgets import Footer

    class Bare(App[None]):
        BINDINGS = [Binding(key, "bell", key) for key in keys]  # noqa: RUF012

        def compose(self) -> ComposeResult:
            yield from compose()
            yield Footer()

        def on_mount(self) -> None:
            self.call_after_refresh(self.painted)

        def painted(self) -> None:
            painted(t0)
            self.exit()

    Bare().run(headless=True, size=(160, 50))


def bare(t0: float) -> None:
    """A bare Textual app: a label and a footer."""
    from textual.widgets import Label

    def label() -> ComposeResult:
        yield Label("bare")

    paint_once(label, t0)


def widgets(t0: float) -> None:
    """A bare Textual app with the queue's widgets and no factdesk code: Textual's floor.

    The queue's own table draws its visible lines itself; here a Static of as
    many lines stands in for it, so that only Textual's standard widgets count.
    """
    from textual.containers import Horizontal
    from textual.widgets import Input, ProgressBar, Select, Static

    choices = [("one", "one"), ("two", "two")]
    row = "Claim {}: 20,000 coopératives  Nadia Berrada  new"
    lines = "\n".join(row.format(i) for i in range(45))

    def queue_widgets() -> ComposeResult:
        with Horizontal():
            for prompt in ("status", "verdict", "kind"):
                yield Select(choices, prompt=prompt)
            for placeholder in ("source", "assigned to", "search text"):
                yield Input(placeholder=placeholder)
        yield Static(lines)
        yield Static("1-200 of 100,000")
        yield ProgressBar(total=5)

    # As many keys in the footer as the queue shows.
    paint_once(queue_widgets, t0, keys="abcdefghijklmnopq")


def first_paint(*args: str) -> list[str]:
    """Run this script as a child (``--child URL``, ``--cli URL`` or ``--bare``); its output."""
    t0 = time.time()
    return subprocess.run(
        [sys.executable, __file__, *args, repr(t0)],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout.split()


@dataclass
class Changes:
    held: list[float] = field(default_factory=list)
    read: list[float] = field(default_factory=list)
    filtered: list[float] = field(default_factory=list)
    counted: list[float] = field(default_factory=list)
    last: str = ""
    group_held: list[float] = field(default_factory=list)
    group_filtered: list[float] = field(default_factory=list)
    group_last: str = ""


async def changes(url: str, repeat: int) -> Changes:
    from textual import events
    from textual.widgets import Input

    from tui.app import FactdeskApp, make_app
    from tui.screens.queue import QueueScreen
    from tui.settings import Settings

    # Each with the time it happened: the coroutine waiting on a queue may
    # resume later than that on a loaded machine.
    shown: asyncio.Queue[tuple[float, QueueScreen.PageShown]] = asyncio.Queue()
    counted: asyncio.Queue[tuple[float, str]] = asyncio.Queue()

    class Timed(FactdeskApp):
        def on_queue_screen_page_shown(self, message: QueueScreen.PageShown) -> None:
            shown.put_nowait((time.perf_counter(), message))

        def on_queue_screen_counted(self, message: QueueScreen.Counted) -> None:
            # Bubbled up once the screen has put the count on its page line.
            screen = self.screen
            assert isinstance(screen, QueueScreen)
            assert screen.claim_page is not None
            counted.put_nowait((time.perf_counter(), screen.claim_page.describe()))

    app = Timed(make_app(Settings(database_url=url)).desk, owns_database=True)
    out = Changes()

    def next_page() -> None:
        # As a terminal delivers a key. Pilot.press would add its idle waits
        # (two sleeps of 20 ms or more) to every figure.
        app.post_message(events.Key("right_square_bracket", "]"))

    async with app.run_test(size=(160, 50)):
        await shown.get()
        # Start-up's background work (the claim screen's imports) is over
        # before a reviewer pages; Pilot.press used to wait for it too.
        await app.workers.wait_for_complete()
        for _ in range(repeat):
            t = time.perf_counter()
            next_page()
            out.held.append((await shown.get())[0] - t)
        for _ in range(repeat):
            # A reviewer reads a page before the next: the read-ahead has finished.
            await asyncio.sleep(0.5)
            await app.workers.wait_for_complete()
            t = time.perf_counter()
            next_page()
            out.read.append((await shown.get())[0] - t)
        screen = app.screen
        assert isinstance(screen, QueueScreen)
        for i in range(repeat):
            # A reviewer types a search after reading: earlier counts are in.
            await asyncio.sleep(0.5)
            await app.workers.wait_for_complete()
            while not counted.empty():
                counted.get_nowait()
            t = time.perf_counter()
            screen.query_one("#f-text", Input).value = WORDS[i % len(WORDS)]
            screen.apply_filters()
            at, message = await shown.get()
            out.filtered.append(at - t)
            if message.page.total is None:  # a full page: counted after it is shown
                at, out.last = await counted.get()
            else:
                out.last = message.page.describe()
            out.counted.append(at - t)
        # One row per group: the same paging and filtering.
        with screen.prevent(Input.Changed):
            screen.query_one("#f-text", Input).value = ""
        await asyncio.sleep(0.5)
        await app.workers.wait_for_complete()
        while not shown.empty():
            shown.get_nowait()
        app.post_message(events.Key("g", "g"))
        out.group_last = (await shown.get())[1].page.describe()
        # As for the claim rows: the mode's first count and read-ahead are over.
        await asyncio.sleep(0.5)
        await app.workers.wait_for_complete()
        for _ in range(repeat):
            t = time.perf_counter()
            next_page()
            out.group_held.append((await shown.get())[0] - t)
        for i in range(repeat):
            await asyncio.sleep(0.5)
            await app.workers.wait_for_complete()
            t = time.perf_counter()
            screen.query_one("#f-text", Input).value = WORDS[i % len(WORDS)]
            screen.apply_filters()
            at, message = await shown.get()
            out.group_filtered.append(at - t)
    return out


def ms(values: list[float]) -> str:
    return f"median {statistics.median(values) * 1000:.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--child", nargs=2, metavar=("URL", "T0"), help=argparse.SUPPRESS)
    parser.add_argument("--cli", nargs=2, metavar=("URL", "T0"), help=argparse.SUPPRESS)
    parser.add_argument("--bare", metavar="T0", help=argparse.SUPPRESS)
    parser.add_argument("--widgets", metavar="T0", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child or args.cli:
        url, t0 = args.child or args.cli
        child(url, float(t0), cli=bool(args.cli))
        return
    if args.bare:
        bare(float(args.bare))
        return
    if args.widgets:
        widgets(float(args.widgets))
        return
    # As an installed copy runs after its first start: from bytecode. Without
    # this, a checkout under PYTHONDONTWRITEBYTECODE (these machines set it)
    # compiles every changed module again in every child.
    root = Path(__file__).resolve().parent.parent
    for package in ("claims", "db", "sources", "tui"):
        compileall.compile_dir(root / package, quiet=2)
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.sqlite3"
        t = time.perf_counter()
        build(url, args.claims)
        print(f"built {args.claims:,} claims in {time.perf_counter() - t:.1f} s")
        runs: dict[str, list[list[str]]] = {"bare": [], "widgets": [], "queue": [], "cli": []}
        for _ in range(args.repeat):
            # Taking turns, so that all four see the same load on a shared machine.
            runs["bare"].append(first_paint("--bare"))
            runs["widgets"].append(first_paint("--widgets"))
            runs["queue"].append(first_paint("--child", url))
            runs["cli"].append(first_paint("--cli", url))
        walls = {k: [float(r[0]) for r in v] for k, v in runs.items()}
        cpus = {k: [float(r[1]) for r in v] for k, v in runs.items()}
        floor = statistics.median(walls["bare"])
        labels = {
            "bare": "bare Textual app (a label, a footer)",
            "widgets": "bare Textual app with the queue's widgets, no factdesk code",
            "queue": f"queue ({' '.join(runs['queue'][-1][2:])}), make_app",
            "cli": "queue through the factdesk command's imports and schema check",
        }
        print("first paint, from process start; medians of wall and of CPU seconds:")
        for key, label in labels.items():
            wall = statistics.median(walls[key])
            over = "" if key == "bare" else f"  +{wall - floor:.3f} s over bare"
            print(
                f"  {label}: wall {wall:.3f} s, CPU {statistics.median(cpus[key]):.3f} s{over}"
                f"  (wall runs: {', '.join(f'{w:.3f}' for w in walls[key])})"
            )
        print("  target: the queue (make_app) within 0.4 s of the bare app")
        found = asyncio.run(changes(url, args.repeat))
        print(f"page change, key held down: {ms(found.held)}  target 50 ms")
        print(f"page change after reading the page (read-ahead done): {ms(found.read)}")
        print(
            f"filter change (free text, {found.last}): rows painted {ms(found.filtered)}"
            f"  target 100 ms; the count on the page line {ms(found.counted)}"
        )
        print(f"one row per group ({found.group_last}):")
        print(f"  page change, key held down: {ms(found.group_held)}  target 50 ms")
        filtered = ms(found.group_filtered)
        print(f"  filter change (free text): rows painted {filtered}  target 100 ms")


if __name__ == "__main__":
    main()
