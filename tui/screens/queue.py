"""The claim queue: one page of claims from the database, filters, sort.

Pages come from ``claims.review.listing.claim_rows`` (offset paging, plain rows) in a
thread worker, and the table draws only the rows on screen, so a queue of
100,000 claims opens as fast as its first page; the line under the table says
which rows it shows ("1-200 of 12,345"; "1-200 of …" until the count is in).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, ProgressBar, Select, Static
from textual.worker import Worker, get_current_worker

from claims.review.listing import ClaimFilter, ClaimRowPage, claim_rows, count_claims
from claims.review.statuses import STATUS_LABELS, STATUSES
from claims.services.ingest_request import INGEST_STEPS, IngestRequest, IngestSummary
from claims.text.kinds import CLAIM_KINDS
from claims.wording import counted
from tui.bindings import QUEUE_KEYS, bindings
from tui.screens.base import DeskScreen
from tui.settings import Settings
from tui.terminal_text import literal
from tui.widgets.key_footer import KeyFooter
from tui.widgets.queue_columns import SORTS
from tui.widgets.queue_table import QueueTable

if TYPE_CHECKING:
    from claims.services.database import Database
    from claims.services.lazy_database import LazyDatabase
    from sources.fetching import FetchPolicy
    from tui.dialogs.export import ExportChoice

AHEAD_FRESH_S = 20.0
AHEAD_DELAY_S = 0.3


def _blank_to_none(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


class QueueScreen(DeskScreen):
    """Claims matching the filters, a page at a time."""

    AREA = "Claim queue"
    BINDINGS = bindings(QUEUE_KEYS)
    # Textual types this as an instance variable, so it cannot be a ClassVar.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]  # noqa: RUF012

    class PageLoaded(Message):
        def __init__(self, filters: ClaimFilter, page: ClaimRowPage) -> None:
            super().__init__()
            self.filters = filters
            self.page = page

    class Counted(Message):
        """All the claims the filters match are counted (and the page line says so)."""

        def __init__(self, filters: ClaimFilter, total: int) -> None:
            super().__init__()
            self.filters = filters
            self.total = total

    class Exported(Message):
        def __init__(self, claims: int, skipped: int, path: str) -> None:
            super().__init__()
            self.claims = claims
            self.skipped = skipped
            self.path = path

    class PageAhead(Message):
        def __init__(self, filters: ClaimFilter, page: ClaimRowPage, at: float) -> None:
            super().__init__()
            self.filters = filters
            self.page = page
            self.at = at

    class IngestStep(Message):
        def __init__(self, label: str, done: int) -> None:
            super().__init__()
            self.label = label
            self.done = done

    class Ingested(Message):
        def __init__(self, summary: IngestSummary) -> None:
            super().__init__()
            self.summary = summary

    class BulkDone(Message):
        def __init__(self, said: str) -> None:
            super().__init__()
            self.said = said

    class Visited(Message):
        """The visit is recorded; ``since`` is the reviewer's previous one (None: first)."""

        def __init__(self, since: datetime | None) -> None:
            super().__init__()
            self.since = since

    class PageShown(Message):
        """A page is in the table and painted (benchmarks wait for this)."""

        def __init__(self, page: ClaimRowPage) -> None:
            super().__init__()
            self.page = page

    def __init__(self) -> None:
        super().__init__()
        self.claim_filter = ClaimFilter()
        self.page_offset = 0
        self.claim_page: ClaimRowPage | None = None
        self.sort_index = 0
        self._debounce: Timer | None = None
        self._reselect: int | None = None
        self._warmed = False
        self._ahead: dict[tuple[ClaimFilter, int], tuple[ClaimRowPage, float]] = {}
        self._total: int | None = None
        self._counting: ClaimFilter | None = None
        self.per_group = False
        self.new_only = False
        self.changed_only = False
        self.new_since: datetime | None = None
        """The reviewer's previous visit, for the whole session: what is "new"."""
        self._visited = False

    def compose(self) -> ComposeResult:
        ratings = [(r.label, r.key) for r in self.desk.scale]
        with Horizontal(id="filters"):
            yield Select([(STATUS_LABELS[s], s) for s in STATUSES], prompt="status", id="f-status")
            yield Select(ratings, prompt="verdict", id="f-verdict")
            yield Select([(k, k) for k in CLAIM_KINDS], prompt="kind", id="f-kind")
            yield Input(placeholder="source", id="f-source")
            yield Input(placeholder="assigned to", id="f-reviewer")
            yield Input(placeholder="search text  (/)", id="f-text")
        yield QueueTable(self.desk.age, id="claims")
        yield Static(id="page-info", markup=False)
        with Horizontal(id="queue-bar"):
            yield Static(id="queue-bar-label", markup=False)
            yield ProgressBar(total=INGEST_STEPS, id="queue-bar-progress", show_eta=False)
        yield KeyFooter()

    @property
    def table(self) -> QueueTable:
        return self.query_one("#claims", QueueTable)

    def on_mount(self) -> None:
        self.title = "Claim queue"
        self.query_one("#queue-bar").display = False
        self.table.focus()
        self.reload()

    def on_unmount(self) -> None:
        if self._visited:
            self._record_close(self.desk.database, self.desk.reviewer)

    # Visits ------------------------------------------------------------------
    # Opening the queue is recorded once the first page is painted: the write
    # opens the database (SQLAlchemy and the tables), which the first page is
    # read without. The flags appear when the previous visit is known.

    @work(thread=True, exit_on_error=False, group="queue-visit")
    def _open_visit(self, store: LazyDatabase, reviewer: str) -> None:
        from claims.review.visits import open_queue

        with store.database.write() as session:
            since = open_queue(session, reviewer)
        self.post_message(self.Visited(since))

    def _record_close(self, database: Database, reviewer: str) -> None:
        from claims.review.visits import record_visit

        with database.write() as session:
            record_visit(session, reviewer, "close")

    def on_queue_screen_visited(self, message: Visited) -> None:
        self._visited = True
        self.new_since = message.since
        self.table.flag_new_since(message.since)
        if self.new_only:
            self.apply_filters()

    # Loading -----------------------------------------------------------------
    # A page is plain rows (claims.review.listing.claim_rows: a few ms for 200). The
    # count of all matches is a query of its own, run once the rows are on
    # screen: a free-text count scans every claim, which the page seldom needs
    # to. Paging through the same filters reuses the count.

    def reload(self) -> None:
        """Load the current page again and recount (shows others' changes)."""
        self._ahead.clear()
        self._total = None
        self._counting = None
        self.query_one("#page-info", Static).update("loading…")
        self._request(self.page_offset)

    def _request(self, offset: int) -> None:
        limit = self.desk.settings.tui.page_size
        self._load(self.desk.store, self.claim_filter, offset, limit, self._total)

    @work(thread=True, exclusive=True, exit_on_error=False, group="queue-load")
    def _load(
        self, store: LazyDatabase, filters: ClaimFilter, offset: int, limit: int, total: int | None
    ) -> None:
        with store.rows() as rows:
            page = claim_rows(rows, filters, offset=offset, limit=limit, total=total)
            if page.total is None and not page.rows:
                # Past the end (others' changes): the count says where the end is.
                page = replace(page, total=count_claims(rows, filters))
        if not get_current_worker().is_cancelled:
            self.post_message(self.PageLoaded(filters, page))

    @work(thread=True, exclusive=True, exit_on_error=False, group="queue-count")
    def _count(self, store: LazyDatabase, filters: ClaimFilter) -> None:
        with store.rows() as rows:
            total = count_claims(rows, filters)
        if not get_current_worker().is_cancelled:
            self.post_message(self.Counted(filters, total))

    def on_queue_screen_page_loaded(self, message: PageLoaded) -> None:
        if message.filters != self.claim_filter:
            return  # loaded for filters since changed
        page = message.page
        if page.total is None:
            page = replace(page, total=self._total)
        else:
            self._total = page.total
        if not page.rows and page.offset > 0 and page.total:
            # The page emptied under us (others' changes): go back to the last one.
            self.page_offset = max(0, (page.total - 1) // page.limit * page.limit)
            self.reload()
            return
        self.claim_page = page
        self._fill()

    @on(QueueTable.Painted, "#claims")
    def _painted(self) -> None:
        page = self.claim_page
        if page is None:
            return
        self.post_message(self.PageShown(page))
        # Count and read ahead once the rows are on screen: their threads
        # would slow the paint down.
        if page.total is None and self._counting != self.claim_filter:
            self._counting = self.claim_filter
            self._count(self.desk.store, self.claim_filter)
        filters = self.claim_filter
        self.set_timer(AHEAD_DELAY_S, lambda: self._read_ahead(filters, page.offset))
        if not self._warmed:
            self._warmed = True
            self._open_visit(self.desk.store, self.desk.reviewer)
            self._warm_up()

    def on_queue_screen_counted(self, message: Counted) -> None:
        if message.filters != self.claim_filter:
            return
        self._total = message.total
        self._counting = None
        if self.claim_page is not None:
            self.claim_page = replace(self.claim_page, total=message.total)
            self._describe()

    # Read-ahead: the pages either side of the one shown are loaded in the
    # background, so that paging is as fast as painting. A page read ahead
    # serves for AHEAD_FRESH_S seconds; reload (ctrl+r) always reads afresh.

    def _read_ahead(self, filters: ClaimFilter, shown: int) -> None:
        page = self.claim_page
        if page is None or page.offset != shown or filters != self.claim_filter:
            return  # another page came meanwhile; it reads ahead for itself
        offsets = [
            offset
            for offset in (page.offset + page.limit, page.offset - page.limit)
            if offset >= 0
            and (page.total is None or offset < page.total)
            and not self._fresh(offset)
        ]
        if offsets:
            self._load_ahead(self.desk.store, self.claim_filter, offsets, page.limit, self._total)

    def _fresh(self, offset: int) -> ClaimRowPage | None:
        cached = self._ahead.get((self.claim_filter, offset))
        if cached is None or time.monotonic() - cached[1] > AHEAD_FRESH_S:
            return None
        return cached[0]

    @work(thread=True, exclusive=True, exit_on_error=False, group="queue-ahead")
    def _load_ahead(
        self,
        store: LazyDatabase,
        filters: ClaimFilter,
        offsets: list[int],
        limit: int,
        total: int | None,
    ) -> None:
        worker = get_current_worker()
        for offset in offsets:
            with store.rows() as rows:
                page = claim_rows(rows, filters, offset=offset, limit=limit, total=total)
            if worker.is_cancelled:
                return
            self.post_message(self.PageAhead(filters, page, time.monotonic()))

    def on_queue_screen_page_ahead(self, message: PageAhead) -> None:
        if message.filters == self.claim_filter:
            self._ahead[(message.filters, message.page.offset)] = (message.page, message.at)

    def _go_to(self, offset: int) -> None:
        self.page_offset = offset
        self._reselect = 0
        page = self._fresh(offset)
        if page is None:
            self._request(offset)
        else:
            self.post_message(self.PageLoaded(self.claim_filter, page))

    @work(thread=True, exit_on_error=False, group="warm-up")
    def _warm_up(self) -> None:
        # The claim screen pulls in fetching and extraction (a few hundred ms of
        # imports); load them while the reviewer reads the queue, not on first Enter.
        import tui.screens.claim  # noqa: F401

    def _fill(self) -> None:
        if self.claim_page is None:
            return
        table = self.table
        keep = table.cursor_row if self._reselect is None else self._reselect
        table.show(self.claim_page.rows, cursor=keep, per_group=self.claim_filter.per_group)
        self._reselect = None
        self._describe()

    def _describe(self) -> None:
        if self.claim_page is None:
            return
        parts = [self.claim_page.describe()]
        if self.desk.settings.is_demo_database:
            parts.insert(0, "DEMO DATABASE")
        if self.claim_filter.per_group:
            parts.append("one row per group")
        if active := self._active_filters():
            parts.append("filters: " + ", ".join(active))
        if self.sort_index:
            parts.append(f"sorted by {SORTS[self.sort_index].label}")
        if marked := len(self.table.marked):
            parts.append(f"{marked:,} marked")
        parts.append("[ ] pages")
        self.query_one("#page-info", Static).update(literal("  ·  ".join(parts)))

    def _active_filters(self) -> list[str]:
        filters = self.claim_filter
        shown = {"order", "per_group", "evidence_changed", "since"}
        active = [f"{k}={v}" for k, v in vars(filters).items() if v and k not in shown]
        if filters.since is not None:
            active.append("new since you last looked")
        if filters.evidence_changed:
            active.append("evidence changed")
        return active

    # Filters -----------------------------------------------------------------

    def current_filters(self) -> ClaimFilter:
        def select(name: str) -> str | None:
            return _blank_to_none(self.query_one(f"#f-{name}", Select).value)

        def text(name: str) -> str | None:
            return _blank_to_none(self.query_one(f"#f-{name}", Input).value.strip())

        return ClaimFilter(
            status=select("status"),
            verdict=select("verdict"),
            kind=select("kind"),
            source=text("source"),
            reviewer=text("reviewer"),
            text=text("text"),
            order=SORTS[self.sort_index].order,
            per_group=self.per_group,
            evidence_changed=self.changed_only,
            since=self.new_since if self.new_only else None,
        )

    def apply_filters(self) -> None:
        wanted = self.current_filters()
        if wanted != self.claim_filter:
            self.claim_filter = wanted
            self.page_offset = 0
            self._reselect = 0
            self.reload()

    @on(Select.Changed)
    def _select_changed(self) -> None:
        self.apply_filters()

    @on(Input.Changed)
    def _input_changed(self) -> None:
        if self._debounce is not None:
            self._debounce.stop()
        self._debounce = self.set_timer(0.3, self.apply_filters)

    @on(Input.Submitted)
    def _input_submitted(self) -> None:
        if self._debounce is not None:
            self._debounce.stop()
        self.apply_filters()
        self.table.focus()

    # Actions -----------------------------------------------------------------

    @on(QueueTable.Chosen, "#claims")
    def _row_chosen(self, event: QueueTable.Chosen) -> None:
        self.open_claim(event.claim_id)

    @on(QueueTable.MarksChanged, "#claims")
    def _marks_changed(self) -> None:
        self._describe()

    def open_claim(self, claim_id: int) -> None:
        from tui.screens.claim import ClaimScreen

        self.app.push_screen(ClaimScreen(claim_id), callback=lambda _: self.reload())

    def highlighted_claim(self) -> int | None:
        return self.table.highlighted_claim

    def action_open_claim(self) -> None:
        claim_id = self.highlighted_claim()
        if claim_id is not None:
            self.open_claim(claim_id)

    def action_mark(self) -> None:
        self.table.toggle_mark()

    def action_mark_up(self) -> None:
        self.table.extend_marks(-1)

    def action_mark_down(self) -> None:
        self.table.extend_marks(1)

    def action_focus_search(self) -> None:
        self.query_one("#f-text", Input).focus()

    def action_next_page(self) -> None:
        page = self.claim_page
        # Not counted yet: the page was full, so there may be more.
        if page is not None and (page.total is None or self.page_offset + page.limit < page.total):
            self._go_to(self.page_offset + page.limit)

    def action_prev_page(self) -> None:
        if self.claim_page is not None and self.page_offset > 0:
            self._go_to(max(0, self.page_offset - self.claim_page.limit))

    def action_cycle_sort(self) -> None:
        self.sort_index = (self.sort_index + 1) % len(SORTS)
        self.apply_filters()
        self.notify(f"sorted by {SORTS[self.sort_index].label}", timeout=2)

    def action_clear_filters(self) -> None:
        self.new_only = self.changed_only = False
        with self.prevent(Select.Changed, Input.Changed):
            for select in self.query(Select):
                select.clear()
            for field in self.query("#filters Input").results(Input):
                field.value = ""
        self.apply_filters()

    def action_reload(self) -> None:
        self.reload()

    def action_toggle_groups(self) -> None:
        self.per_group = not self.per_group
        self.apply_filters()
        self.notify(
            "one row per group of claims" if self.per_group else "one row per claim", timeout=2
        )

    def action_toggle_new(self) -> None:
        if not self.new_only and self.new_since is None:
            self.notify(
                "this is your first visit to the queue: no claim is new to you yet", timeout=4
            )
            return
        self.new_only = not self.new_only
        self.apply_filters()
        self.notify(
            "claims new since you last looked" if self.new_only else "claims old and new",
            timeout=2,
        )

    def action_toggle_changed(self) -> None:
        self.changed_only = not self.changed_only
        self.apply_filters()
        self.notify(
            "claims whose evidence moved, changed or is gone"
            if self.changed_only
            else "claims whatever their evidence",
            timeout=2,
        )

    # Many claims ---------------------------------------------------------------
    # Acting on "the marked ones", or on the highlighted claim when none is marked.

    def chosen_claims(self) -> tuple[int, ...]:
        marked = self.table.marked
        if marked:
            return tuple(sorted(marked))
        highlighted = self.highlighted_claim()
        return () if highlighted is None else (highlighted,)

    def _which(self, ids: tuple[int, ...]) -> str:
        return f"the {len(ids)} marked claims" if self.table.marked else f"claim {ids[0]}"

    def action_bulk_status(self) -> None:
        from claims.review.statuses import STATUS_LABELS, STATUSES
        from claims.services.bulk_review import rated_and_checked
        from tui.dialogs.prompts import ChoiceDialog, ConfirmDialog

        ids = self.chosen_claims()
        if not ids:
            return
        database = self.desk.database

        def chosen(status: str | None) -> None:
            if not status:
                return
            rated = [] if status == "checked" else rated_and_checked(database, ids)
            if not rated:
                self._bulk_status(ids, status)
                return
            question = (
                f"{len(rated)} of {self._which(ids)} are checked with a verdict; moving them "
                f"to {STATUS_LABELS[status]} takes those verdicts back (they stay in the "
                "history). Move them?"
            )
            self.app.push_screen(
                ConfirmDialog(question, yes=f"Move to {STATUS_LABELS[status]}"),
                lambda yes: self._bulk_status(ids, status) if yes else None,
            )

        self.app.push_screen(
            ChoiceDialog(
                f"Status of {self._which(ids)}", [(s, STATUS_LABELS[s]) for s in STATUSES]
            ),
            chosen,
        )

    def _bulk_status(self, ids: tuple[int, ...], status: str) -> None:
        from claims.review.statuses import STATUS_LABELS
        from claims.services.bulk_review import set_status_of_many

        desk = self.desk
        self._bulk(
            lambda: set_status_of_many(desk.database, ids, status, reviewer=desk.reviewer).describe(
                f"set to {STATUS_LABELS[status]}"
            )
        )

    def action_bulk_assign(self) -> None:
        from claims.services.bulk_review import assign_many
        from tui.dialogs.prompts import TextDialog

        ids = self.chosen_claims()
        if not ids:
            return
        desk = self.desk

        def typed(who: str | None) -> None:
            if who is None:
                return
            verb = f"assigned to {who.strip()}" if who.strip() else "unassigned"
            self._bulk(
                lambda: assign_many(desk.database, ids, who, reviewer=desk.reviewer).describe(verb)
            )

        self.app.push_screen(
            TextDialog(f"Assign {self._which(ids)} to (empty: nobody)", value=desk.reviewer),
            typed,
        )

    def action_bulk_dismiss(self) -> None:
        from claims.services.bulk_review import dismiss_many
        from tui.dialogs.prompts import TextDialog

        ids = self.chosen_claims()
        if not ids:
            return
        desk = self.desk

        def typed(why: str | None) -> None:
            if why is None:
                return
            if not why.strip():
                self.notify("nothing dismissed: give the reason they are not claims", timeout=4)
                return
            self._bulk(
                lambda: dismiss_many(desk.database, ids, why, reviewer=desk.reviewer).describe(
                    "dismissed as not claims"
                )
            )

        self.app.push_screen(
            TextDialog(f"Why are {self._which(ids)} not claims? (one reason for all)"), typed
        )

    def action_bulk_group(self) -> None:
        from claims.services.bulk_review import group_many
        from tui.dialogs.prompts import ConfirmDialog

        ids = tuple(sorted(self.table.marked))
        if len(ids) < 2:
            self.notify("mark two claims or more (space) to group them", timeout=4)
            return
        desk = self.desk

        def merge() -> str:
            group_id = group_many(desk.database, ids, reviewer=desk.reviewer)
            return f"{len(ids)} claims grouped as group {group_id}"

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._bulk(merge)

        self.app.push_screen(
            ConfirmDialog(
                f"Group the {len(ids)} marked claims as one claim seen in several articles? "
                "A verdict, status or evidence given to one then applies to all.",
                yes="Group",
            ),
            confirmed,
        )

    @work(thread=True, exclusive=True, exit_on_error=False, group="queue-bulk")
    def _bulk(self, act: Callable[[], str]) -> None:
        self.post_message(self.BulkDone(act()))

    def on_queue_screen_bulk_done(self, message: BulkDone) -> None:
        self.notify(message.said, timeout=6, markup=False)
        self.reload()

    def action_toggle_mine(self) -> None:
        field = self.query_one("#f-reviewer", Input)
        me = self.desk.reviewer
        with self.prevent(Input.Changed):
            field.value = "" if field.value.strip() == me else me
        self.apply_filters()
        self.notify(
            f"claims assigned to {me}" if field.value else "claims of every reviewer",
            timeout=2,
            markup=False,
        )

    # Ingest ------------------------------------------------------------------

    def action_ingest(self) -> None:
        from tui.dialogs.ingest import IngestDialog

        desk = self.desk

        def asked(request: IngestRequest | None) -> None:
            if request is not None:
                self._show_progress(f"reading {request.describe()}", 0)
                self._ingest(desk.database, request, desk.settings.fetch_policy())

        self.app.push_screen(IngestDialog(), asked)

    @work(thread=True, exclusive=True, exit_on_error=False, group="queue-ingest")
    def _ingest(self, database: Database, request: IngestRequest, policy: FetchPolicy) -> None:
        from claims.services.ingest_request import ingest_request

        summary = ingest_request(
            database,
            request,
            policy=policy,
            step=lambda label, done: self.post_message(self.IngestStep(label, done)),
        )
        self.post_message(self.Ingested(summary))

    def _show_progress(self, label: str, done: int) -> None:
        self.query_one("#queue-bar").display = True
        self.query_one("#queue-bar-label", Static).update(literal(label))
        self.query_one("#queue-bar-progress", ProgressBar).update(progress=done)

    def on_queue_screen_ingest_step(self, message: IngestStep) -> None:
        self._show_progress(message.label, message.done)

    def on_queue_screen_ingested(self, message: Ingested) -> None:
        summary = message.summary
        if summary.unchanged:
            said = f"{summary.source_url}: unchanged since its last snapshot; no new claims"
        else:
            said = (
                f"{summary.source_url}: snapshot {summary.snapshot_id} stored, "
                f"{counted(len(summary.claim_ids), 'claim')} found"
            )
        self.notify(said, title="ingest", timeout=6, markup=False)
        self.reload()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # DeskScreen's handler (failures as notices) runs too: Textual calls each class's.
        if event.worker.group == "queue-ingest" and event.worker.is_finished:
            self.query_one("#queue-bar").display = False

    # Export ------------------------------------------------------------------

    def action_export(self) -> None:
        from tui.dialogs.export import ExportDialog

        marked = tuple(sorted(self.table.marked)) or None
        matching = 0 if self.claim_page is None else self.claim_page.total
        if marked is not None:
            matching = len(marked)
        if matching is None:
            self.notify("still counting the matching claims; export in a moment", timeout=3)
            return
        if matching == 0:
            self.notify("no claim matches the filters: nothing to export", timeout=4)
            return
        desk = self.desk
        filters = self.claim_filter

        def chosen(choice: ExportChoice | None) -> None:
            if choice is not None:
                rows = "groups" if filters.per_group else "claims"
                self.notify(
                    f"exporting {matching:,} {rows} to {choice.path}…", timeout=3, markup=False
                )
                self._export(desk.database, desk.settings, filters, choice, marked)

        dialog = ExportDialog(
            matching,
            directory=Path.cwd(),
            marked=marked is not None,
            groups=filters.per_group,
        )
        self.app.push_screen(dialog, chosen)

    @work(thread=True, exclusive=True, exit_on_error=False, group="queue-export")
    def _export(
        self,
        database: Database,
        settings: Settings,
        filters: ClaimFilter,
        choice: ExportChoice,
        marked: tuple[int, ...] | None = None,
    ) -> None:
        from claims.reports import ReportOptions, export_report
        from claims.services.report_selection import report_selection

        summary = export_report(
            database,
            choice.format,
            report_selection(database, filters, claim_ids=marked),
            output=choice.path,
            options=ReportOptions(
                organisation=settings.organisation,
                scale=settings.rating_scale(),
                publisher=settings.report_publisher(),
            ),
        )
        self.post_message(self.Exported(summary.claims, summary.skipped, str(choice.path)))

    def on_queue_screen_exported(self, message: Exported) -> None:
        skipped = f" ({message.skipped} without a verdict left out)" if message.skipped else ""
        self.notify(
            f"{counted(message.claims, 'claim')} exported to {message.path}{skipped}",
            timeout=6,
            markup=False,
        )
