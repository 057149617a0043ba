"""Sources: health and why, last and next check, snapshot counts; a snapshot's text; diffs.

Enter on a source lists its snapshots, newest first, and its fetch history
(time, status, outcome, bytes, snapshot, and the highlighted fetch's reason
under it: what ``factdesk sources show`` prints); Enter on a snapshot shows
its extracted text; ``d`` shows what changed since the snapshot before it (a
unified diff of the two texts, computed with difflib). Every query goes
through :mod:`claims.services.refresh`.

Below the sources, the watches (`factdesk watch`): each feed or sitemap with
its interval, whether it is paused, its last read and outcome, its entries
found, ingested and failed, and when it is next due; ``p`` pauses or resumes
the highlighted watch, ``w`` reads it now and ingests what it lists (through
:mod:`claims.services.watching` and :mod:`claims.services.watch_run`).
"""

from __future__ import annotations

import difflib
import threading
from datetime import datetime
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Static

from db.engine import Database
from sources.ingest import worker_name
from tui.bindings import SOURCE_KEYS, bindings
from tui.screens.base import DeskScreen
from tui.settings import Settings
from tui.terminal_text import literal, safe
from tui.widgets.formatting import short
from tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from claims.services.watching import WatchRow
    from sources.refresh import AppliedKind, FetchEntry, SnapshotView, SourceStatus

HEALTH_STYLES = {
    "ok": "green",
    "changed": "yellow",
    "moved": "yellow",
    "gone": "red",
    "failing": "bold red",
    "robots_down": "red",
    "blocked": "red",
    "local": "dim",
}
FETCHES_SHOWN = 20
OUTCOME_STYLES = {"failed": "bold red", "bad feed": "bold red", "never read": "dim"}


def _table(
    table_id: str, columns: tuple[tuple[str, str, int], ...], *, zebra: bool = False
) -> DataTable[Text]:
    """A row-cursor table with these (key, label, width) columns."""
    table: DataTable[Text] = DataTable(id=table_id, cursor_type="row", zebra_stripes=zebra)
    for key, label, width in columns:
        table.add_column(label, key=key, width=width)
    return table


def _cursor_key(table: DataTable[Text]) -> int | None:
    """The id (row key) of the row under the table's cursor; None when it is empty."""
    if not table.row_count:
        return None
    key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
    return None if key is None else int(key)


def _show_why(line: Static, why: str | None) -> None:
    """Why the highlighted row failed, in full under its table (hidden when nothing
    failed): a column would be cut at the table's right edge."""
    line.display = bool(why)
    if why:
        line.update(literal(" ".join(why.split())))


def short_url(url: str, width: int) -> str:
    """``url`` without its scheme, cut in the middle: the host and the path's end
    (``sitemap-index.xml``) tell watches apart better than either alone."""
    flat = " ".join(url.split()).removeprefix("https://").removeprefix("http://")
    if len(flat) <= width:
        return flat
    head = (width - 1) // 2
    return flat[:head] + "…" + flat[len(flat) - (width - 1 - head) :]


def every(seconds: int) -> str:
    """ "1h", "30m", "1d": a watch's interval as `watch add --every` takes it."""
    for unit, size in (("d", 86_400), ("h", 3600), ("m", 60)):
        if seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


def diff_text(old: SnapshotView, new: SnapshotView) -> Text:
    """A unified diff of two snapshots' texts, coloured, every line made safe."""
    lines = difflib.unified_diff(
        old.text.splitlines(),
        new.text.splitlines(),
        fromfile=f"snapshot {old.id} ({old.body_sha256[:12]})",
        tofile=f"snapshot {new.id} ({new.body_sha256[:12]})",
        lineterm="",
        n=1,
    )
    out = Text()
    for line in lines:
        style = ""
        if line.startswith(("+++", "---")):
            style = "bold"
        elif line.startswith("+"):
            style = "green"
        elif line.startswith("-"):
            style = "red"
        elif line.startswith("@@"):
            style = "cyan"
        out.append_text(literal(line, style=style))
        out.append("\n")
    out.rstrip()
    return out or Text("the two texts are the same", style="dim")


class SourcesScreen(DeskScreen):
    AREA = "Sources"
    BINDINGS = bindings(SOURCE_KEYS)
    # The watch list is short (a desk follows tens of outlets): a few rows, scrolled.
    DEFAULT_CSS = """
    SourcesScreen #watches-title {
        margin-top: 0;
    }
    SourcesScreen #watches {
        height: auto;
        max-height: 7;
    }
    SourcesScreen #source-why, SourcesScreen #watch-why, SourcesScreen #fetch-why {
        color: $error;
        padding: 0 1;
    }
    """

    class SourcesLoaded(Message):
        def __init__(self, statuses: list[SourceStatus], watches: list[WatchRow]) -> None:
            super().__init__()
            self.statuses = statuses
            self.watches = watches

    class WatchDone(Message):
        def __init__(self, said: str, *, problem: bool = False) -> None:
            super().__init__()
            self.said = said
            self.problem = problem

    class SnapshotsLoaded(Message):
        def __init__(
            self,
            source_id: int,
            snapshots: list[SnapshotView],
            status: SourceStatus,
            fetches: list[FetchEntry],
        ) -> None:
            super().__init__()
            self.source_id = source_id
            self.snapshots = snapshots
            self.status = status
            self.fetches = fetches

    class LatestSnapshot(Message):
        """The source's newest snapshot (None: it has none), to list its sentences."""

        def __init__(self, url: str, snapshot: SnapshotView | None) -> None:
            super().__init__()
            self.url = url
            self.snapshot = snapshot

    class RefreshStep(Message):
        def __init__(self, url: str, outcome: str, done: int) -> None:
            super().__init__()
            self.url = url
            self.outcome = outcome
            self.done = done

    class Refreshed(Message):
        def __init__(
            self,
            counts: dict[str, int],
            *,
            stopped: bool,
            failed: bool = False,
            refused: str | None = None,
        ) -> None:
            super().__init__()
            self.counts = counts
            self.stopped = stopped
            self.failed = failed
            self.refused = refused
            """Why the refresh was not run (a local source, say), in one line."""

    def __init__(self) -> None:
        super().__init__()
        self.snapshots: list[SnapshotView] = []
        self._watch_rows: dict[int, WatchRow] = {}
        self._source_reasons: dict[int, str] = {}
        self._fetch_reasons: dict[int, str] = {}
        self._state_shown: int | None = None
        self.source_id: int | None = None
        self._stop: threading.Event | None = None

    def compose(self) -> ComposeResult:
        sources = _table(
            "sources",
            (
                ("id", "id", 4),
                ("url", "source", 36),
                ("health", "health", 11),
                ("last", "last check UTC", 16),
                ("next", "next check UTC", 16),
                ("snaps", "snaps", 5),
                ("fetches", "fetches", 7),
                ("title", "title", 27),
            ),
            zebra=True,
        )
        yield sources
        yield Static(id="source-why", markup=False)
        yield Static(
            "Watches (p: pause/resume, w: read now)", id="watches-title", classes="section-title"
        )
        watches = _table(
            "watches",
            (
                ("id", "id", 4),
                ("url", "watch", 28),
                ("kind", "kind", 13),
                ("every", "every", 5),
                ("last", "last read UTC", 16),
                ("outcome", "outcome", 12),
                ("found", "found", 5),
                ("ingested", "ingested", 8),
                ("failed", "failed", 6),
                ("next", "next due UTC", 16),
            ),
            zebra=True,
        )
        yield watches
        yield Static(id="watch-why", markup=False)
        yield Static(id="source-state", markup=False)
        with Horizontal(id="snapshot-pane"):
            with Vertical(id="snapshot-list"):
                yield Static(
                    "Snapshots (enter: text, d: diff with previous)", classes="section-title"
                )
                snaps = _table(
                    "snapshots",
                    (
                        ("id", "id", 4),
                        ("fetched", "fetched", 20),
                        ("http", "http", 4),
                        ("sha", "sha256", 12),
                        ("size", "bytes", 8),
                    ),
                )
                yield snaps
                yield Static("Fetches, newest first", classes="section-title")
                fetches = _table(
                    "fetches",
                    (
                        ("at", "at UTC", 16),
                        ("http", "http", 4),
                        ("outcome", "outcome", 12),
                        ("bytes", "bytes", 9),
                        ("snap", "snap", 5),
                    ),
                )
                yield fetches
                yield Static(id="fetch-why", markup=False)
            with VerticalScroll(id="snapshot-view"):
                yield Static(id="snapshot-text", markup=False)
        yield Static(id="refresh-bar", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = "Sources"
        self.query_one("#refresh-bar").display = False
        for line in ("#source-why", "#watch-why", "#fetch-why"):
            self.query_one(line).display = False
        self.query_one("#sources", DataTable).focus()
        self.reload()

    def reload(self) -> None:
        self._load_sources(self.desk.database)

    @work(thread=True, exclusive=True, exit_on_error=False, group="sources-load")
    def _load_sources(self, database: Database) -> None:
        # Imported here: the refresh services bring in page extraction, which
        # the queue does not need to paint.
        from claims.services.refresh import sources_status
        from claims.services.watching import watch_rows

        self.post_message(self.SourcesLoaded(sources_status(database), watch_rows(database)))

    @work(thread=True, exclusive=True, exit_on_error=False, group="snapshots-load")
    def _load_snapshots(self, database: Database, source_id: int) -> None:
        from claims.services.refresh import snapshots_of, source_report

        detail = source_report(database, str(source_id), limit=FETCHES_SHOWN)
        snapshots = snapshots_of(database, source_id)
        self.post_message(self.SnapshotsLoaded(source_id, snapshots, detail.status, detail.history))

    # Refresh -----------------------------------------------------------------

    def _refresh(self, scope: str, source_ids: list[int]) -> None:
        if self._stop is not None:
            self.notify("a refresh is under way; esc stops it", timeout=3)
            return
        self._stop = threading.Event()
        bar = self.query_one("#refresh-bar", Static)
        bar.display = True
        bar.update(f"refreshing {'the source' if source_ids else 'due sources'}…  (esc: stop)")
        self._run_refresh(self.desk.database, self.desk.settings, scope, source_ids, self._stop)

    @work(thread=True, exclusive=True, exit_on_error=False, group="sources-refresh")
    def _run_refresh(
        self,
        database: Database,
        settings: Settings,
        scope: str,
        source_ids: list[int],
        stop: threading.Event,
    ) -> None:
        from claims.services.refresh import local_source_count, refresh, sources_to_refresh
        from sources.refresh import RefreshError, ScopeKind

        done = 0
        try:
            # A local source has nothing to fetch: say so rather than "nothing due".
            sources_to_refresh(database, [str(i) for i in source_ids], force=True)
        except RefreshError as exc:
            self.post_message(self.Refreshed({}, stopped=False, refused=str(exc)))
            return

        def progress(url: str, kind: AppliedKind) -> None:
            nonlocal done
            done += 1
            self.post_message(self.RefreshStep(url, kind.value.replace("_", " "), done))

        try:
            result = refresh(
                database,
                # The settings' policy: the one cron and `refresh --watch` use.
                policy=settings.refresh_policy(),
                fetch_policy=settings.fetch_policy(),
                scope=ScopeKind(scope),
                source_ids=source_ids,
                worker=worker_name(f"tui:{settings.reviewer_name()}"),
                progress=progress,
                stop=stop,
            )
        except BaseException:
            # The worker reports the error; the screen still needs to stand down.
            self.post_message(self.Refreshed({}, stopped=stop.is_set(), failed=True))
            raise
        counts = dict(result.counts)
        local = local_source_count(database)
        if local and not source_ids:
            counts["local, never refreshed"] = local
        self.post_message(self.Refreshed(counts, stopped=stop.is_set()))

    def on_sources_screen_refresh_step(self, message: RefreshStep) -> None:
        self.query_one("#refresh-bar", Static).update(
            literal(
                f"{message.done} checked · {short(message.url, 60)}: {message.outcome}  (esc: stop)"
            )
        )

    def on_sources_screen_refreshed(self, message: Refreshed) -> None:
        self._stop = None
        self.query_one("#refresh-bar").display = False
        if message.refused is not None:
            self.notify(message.refused, severity="warning", timeout=6, markup=False)
            return
        if message.failed:
            return
        summary = ", ".join(f"{k} {v}" for k, v in message.counts.items()) or "nothing due"
        stopped = " (stopped)" if message.stopped else ""
        self.notify(f"refresh{stopped}: {summary}", timeout=5, markup=False)
        self.reload()
        if self.source_id is not None:
            self._load_snapshots(self.desk.database, self.source_id)

    def _highlighted_source(self) -> int | None:
        return _cursor_key(self.query_one("#sources", DataTable))

    def _utc(self, at: datetime | None) -> str:
        """A time without " UTC": the column headers say it, and the 4 cells fit."""
        return self.desk.stamp(at).removesuffix(" UTC")

    def action_refresh(self) -> None:
        source_id = self.source_id if self.focused is self.query_one("#snapshots") else None
        source_id = source_id or self._highlighted_source()
        if source_id is not None:
            self._refresh("source", [source_id])

    def action_refresh_due(self) -> None:
        self._refresh("due", [])

    def on_sources_screen_sources_loaded(self, message: SourcesLoaded) -> None:
        # Fits 140 columns as the watch table does: addresses cut in the middle
        # without their scheme, times without " UTC", and why the highlighted
        # source failed in full under the table rather than in a column past the edge.
        table = self.query_one("#sources", DataTable)
        keep = table.cursor_row
        table.clear()
        self._source_reasons = {s.id: s.reason for s in message.statuses if s.reason}
        for s in message.statuses:
            local = s.health.value == "local"
            table.add_row(
                Text(str(s.id)),
                literal(short_url(s.url, 36)),
                Text(s.health.label, style=HEALTH_STYLES.get(s.health.value, "")),
                Text(self._utc(s.last_checked_at)),
                Text("never (local)" if local else self._utc(s.next_check_at)),
                Text(str(s.snapshots), justify="right"),
                Text(str(s.fetches), justify="right"),
                literal(short(s.title or "", 27)),
                key=str(s.id),
            )
        if table.row_count:
            table.move_cursor(row=min(max(keep, 0), table.row_count - 1))
        self._source_why()
        self._show_watches(message.watches)

    @on(DataTable.RowHighlighted, "#sources")
    def _source_why(self) -> None:
        source_id = self._highlighted_source()
        reason = None if source_id is None else self._source_reasons.get(source_id)
        if source_id == self._state_shown:
            reason = None  # the opened source's state line already gives it
        _show_why(
            self.query_one("#source-why", Static),
            None if reason is None else f"source {source_id}: {reason}",
        )

    def _show_watches(self, rows: list[WatchRow]) -> None:
        # Fits 140 columns: times without " UTC" (the headers say it), paused in the
        # next-due cell, and why a read failed in full under the table, for the
        # highlighted watch, instead of a column cut at the edge.
        table = self.query_one("#watches", DataTable)
        keep = table.cursor_row
        table.clear()
        self._watch_rows = {w.id: w for w in rows}
        for w in rows:
            table.add_row(
                Text(str(w.id)),
                literal(short_url(w.url, 28)),
                Text(w.kind),
                Text(every(w.every_s)),
                Text(self._utc(w.last_read_at)),
                Text(w.outcome.replace("_", " "), style=OUTCOME_STYLES.get(w.outcome, "")),
                Text(str(w.found), justify="right"),
                Text(str(w.ingested), justify="right"),
                Text(str(w.failed), justify="right", style="red" if w.failed else ""),
                Text("paused", style="yellow") if w.paused else Text(self._utc(w.next_due_at)),
                key=str(w.id),
            )
        if table.row_count:
            table.move_cursor(row=min(max(keep, 0), table.row_count - 1))
        self._watch_why()
        title = self.query_one("#watches-title", Static)
        title.update(
            f"Watches: {len(rows)} (p: pause/resume, w: read now)"
            if rows
            else "Watches: none (`factdesk watch add URL` follows a feed or sitemap)"
        )

    @on(DataTable.RowHighlighted, "#watches")
    def _watch_why(self) -> None:
        watch_id = _cursor_key(self.query_one("#watches", DataTable))
        row = None if watch_id is None else self._watch_rows.get(watch_id)
        _show_why(
            self.query_one("#watch-why", Static),
            f"watch {row.id}: {row.problem}" if row is not None and row.problem else None,
        )

    def _highlighted_watch(self) -> int | None:
        table = self.query_one("#watches", DataTable)
        if not table.row_count:
            self.notify("no watches: `factdesk watch add URL` follows a feed", timeout=4)
            return None
        return _cursor_key(table)

    def action_toggle_watch(self) -> None:
        watch_id = self._highlighted_watch()
        if watch_id is not None:
            self._toggle_watch(self.desk.database, watch_id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="watch-toggle")
    def _toggle_watch(self, database: Database, watch_id: int) -> None:
        from claims.services.watching import toggle_pause
        from db.errors import FactdeskError

        try:
            paused = toggle_pause(database, watch_id)
        except FactdeskError as exc:
            self.post_message(self.WatchDone(str(exc), problem=True))
            return
        self.post_message(self.WatchDone(f"watch {watch_id} {'paused' if paused else 'resumed'}"))

    def action_read_watch(self) -> None:
        watch_id = self._highlighted_watch()
        if watch_id is None:
            return
        bar = self.query_one("#refresh-bar", Static)
        bar.display = True
        bar.update(f"reading watch {watch_id}…")
        self._read_watch(self.desk.database, self.desk.settings, watch_id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="watch-read")
    def _read_watch(self, database: Database, settings: Settings, watch_id: int) -> None:
        from claims.services.watch_run import run_watches
        from db.errors import FactdeskError

        try:
            run = run_watches(
                database,
                policy=settings.refresh_policy(),
                fetch_policy=settings.fetch_policy(),
                every_feed=True,
                watch_ids=[watch_id],
                worker=worker_name(f"tui:{settings.reviewer_name()}"),
            )
        except FactdeskError as exc:
            self.post_message(self.WatchDone(str(exc), problem=True))
            return
        read = (
            ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in run.feeds.counts.items())
            if (run.feeds)
            else "paused or removed: not read"
        )
        done = run.ingest
        self.post_message(
            self.WatchDone(
                f"watch {watch_id}: {read}; {done.ingested} ingested ({done.claims} claims), "
                f"{done.failed} failed, {done.skipped} skipped",
                problem=bool(done.failed),
            )
        )

    def on_sources_screen_watch_done(self, message: WatchDone) -> None:
        self.query_one("#refresh-bar").display = False
        self.notify(
            message.said,
            severity="warning" if message.problem else "information",
            timeout=6,
            markup=False,
        )
        self.reload()

    def on_sources_screen_snapshots_loaded(self, message: SnapshotsLoaded) -> None:
        self.source_id = message.source_id
        self.snapshots = message.snapshots
        self._show_state(message.status)
        # The pane is 60 columns wide: the reason of the highlighted fetch goes
        # in full under the table, not in a column past the pane's edge.
        fetches = self.query_one("#fetches", DataTable)
        fetches.clear()
        self._fetch_reasons = {e.id: e.reason for e in message.fetches if e.reason}
        for entry in message.fetches:
            fetches.add_row(
                Text(self._utc(entry.started_at)),
                Text("—" if entry.http_status is None else str(entry.http_status)),
                Text(entry.outcome, style="red" if entry.outcome == "failed" else ""),
                Text("—" if entry.bytes is None else f"{entry.bytes:,}", justify="right"),
                Text("—" if entry.snapshot_id is None else str(entry.snapshot_id)),
                key=str(entry.id),
            )
        self._fetch_why()
        table = self.query_one("#snapshots", DataTable)
        table.clear()
        for snap in self.snapshots:
            table.add_row(
                Text(str(snap.id)),
                Text(self.desk.stamp(snap.fetched_at)),
                Text("—" if snap.http_status is None else str(snap.http_status)),
                Text(snap.body_sha256[:12]),
                Text(f"{snap.body_size:,}", justify="right"),
                key=str(snap.id),
            )
        if self.snapshots:
            self.show_text(self.snapshots[0])
        table.focus()

    @on(DataTable.RowHighlighted, "#fetches")
    def _fetch_why(self) -> None:
        fetch_id = _cursor_key(self.query_one("#fetches", DataTable))
        reason = None if fetch_id is None else self._fetch_reasons.get(fetch_id)
        _show_why(self.query_one("#fetch-why", Static), reason)

    def _show_state(self, status: SourceStatus) -> None:
        line = Text(f"source {status.id}: ", style="bold")
        line.append(status.health.label, style=HEALTH_STYLES.get(status.health.value, ""))
        if status.health.value == "local":
            line.append(" · read from a file or stdin: refresh never fetches it")
        elif status.consecutive_failures:
            line.append(f" · {status.failures_in_a_row}")
        if status.reason:
            line.append(" · ")
            line.append_text(literal(status.reason))
        self.query_one("#source-state", Static).update(line)
        self._state_shown = status.id
        self._source_why()

    def show_text(self, snap: SnapshotView) -> None:
        header = Text(f"snapshot {snap.id}  ·  ", style="bold")
        header.append_text(literal(safe(snap.title or snap.final_url)))
        header.append("\n\n")
        header.append_text(literal(snap.text))
        self.query_one("#snapshot-text", Static).update(header)
        self.query_one("#snapshot-view", VerticalScroll).scroll_home(animate=False)

    def _highlighted_snapshot(self) -> int | None:
        table = self.query_one("#snapshots", DataTable)
        if not table.row_count or not self.snapshots:
            return None
        return min(table.cursor_row, len(self.snapshots) - 1)

    @on(DataTable.RowSelected, "#sources")
    def _source_selected(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self._load_snapshots(self.desk.database, int(event.row_key.value))

    @on(DataTable.RowSelected, "#snapshots")
    def _snapshot_selected(self, event: DataTable.RowSelected) -> None:
        index = self._highlighted_snapshot()
        if index is not None:
            self.show_text(self.snapshots[index])

    def action_open(self) -> None:
        table = self.query_one("#sources", DataTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            if key is not None:
                self._load_snapshots(self.desk.database, int(key))

    def action_diff(self) -> None:
        index = self._highlighted_snapshot()
        if index is None:
            self.notify("open a source first (enter)", timeout=3)
            return
        if index + 1 >= len(self.snapshots):
            self.notify("this is the source's first snapshot: nothing to diff against", timeout=3)
            return
        new, old = self.snapshots[index], self.snapshots[index + 1]
        self.query_one("#snapshot-text", Static).update(diff_text(old, new))

    def action_add_claim(self) -> None:
        source_id = self.source_id if self.focused is self.query_one("#snapshots") else None
        source_id = source_id or self._highlighted_source()
        if source_id is None:
            self.notify("no sources yet: ingest an article first", timeout=3)
            return
        self._latest_snapshot(self.desk.database, source_id)

    @work(thread=True, exclusive=True, exit_on_error=False, group="sentences-open")
    def _latest_snapshot(self, database: Database, source_id: int) -> None:
        from claims.services.refresh import snapshots_of, source_report

        snapshots = snapshots_of(database, source_id)
        url = source_report(database, str(source_id), limit=1).status.url
        self.post_message(self.LatestSnapshot(url, snapshots[0] if snapshots else None))

    def on_sources_screen_latest_snapshot(self, message: LatestSnapshot) -> None:
        from tui.screens.sentences import SentenceScreen

        snapshot = message.snapshot
        if snapshot is None:
            self.notify(
                f"{message.url}: no snapshot yet, so no sentences; refresh it (r) first",
                timeout=4,
                markup=False,
            )
            return
        self.app.push_screen(SentenceScreen(snapshot.id, snapshot.title or message.url))

    def action_back(self) -> None:
        if self._stop is not None:
            self._stop.set()
            self.query_one("#refresh-bar", Static).update("stopping after the checks under way…")
            return
        self.app.switch_mode("queue")

    def action_reload(self) -> None:
        self.reload()
