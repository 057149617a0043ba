"""The queue's table: one page of claims, drawn a line at a time.

A ``DataTable`` measures and renders every cell of every row it holds (~85 ms
for a page of 200 claims); this table keeps the page as it came from the
database and renders only the lines on screen (Textual's Line API:
``render_line`` and an LRU cache of strips, as toolong does), so a new page
costs what the visible rows cost.

It also holds the reviewer's marks: a set of claim ids that outlives paging
and filtering, so that actions on many claims can take "the marked ones".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from functools import partial
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from claims.review.listing import ClaimRow
from tui.widgets.queue_columns import (
    FLAG_STYLE,
    GAP,
    MARK,
    STATUS_STYLES,
    Placed,
    claim_cells,
    fit,
    layout,
)

Age = Callable[[datetime | None], str]


class QueueTable(ScrollView, can_focus=True):
    """Claims of one page, a header line, a row cursor and marks."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "queue-table--header",
        "queue-table--cursor",
        "queue-table--even-row",
        "queue-table--marked",
    }
    DEFAULT_CSS = """
    QueueTable {
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
        overflow-y: auto;
        scrollbar-size-vertical: 1;
        &:focus {
            background-tint: $foreground 5%;
            & > .queue-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
        }
        & > .queue-table--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        & > .queue-table--even-row {
            background: $surface-lighten-1 50%;
        }
        &:dark > .queue-table--even-row {
            background: $surface-darken-1 40%;
        }
        & > .queue-table--marked {
            background: $accent 25%;
        }
        & > .queue-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """
    # Moving the cursor only; the keys a reviewer may remap live in tui.bindings.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "cursor_to_end(False)", "First row", show=False),
        Binding("end", "cursor_to_end(True)", "Last row", show=False),
    ]

    class Chosen(Message):
        """A row was clicked while highlighted: open its claim."""

        def __init__(self, table: QueueTable, claim_id: int) -> None:
            super().__init__()
            self.table = table
            self.claim_id = claim_id

        @property
        def control(self) -> QueueTable:
            return self.table

    class Painted(Message):
        """The page given to ``show`` is drawn: its lines are on their way to the terminal."""

        def __init__(self, table: QueueTable) -> None:
            super().__init__()
            self.table = table

        @property
        def control(self) -> QueueTable:
            return self.table

    class MarksChanged(Message):
        def __init__(self, table: QueueTable, count: int) -> None:
            super().__init__()
            self.table = table
            self.count = count

        @property
        def control(self) -> QueueTable:
            return self.table

    def __init__(self, age: Age, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._age = age
        self._rows: tuple[ClaimRow, ...] = ()
        self._pages = 0
        self._painted = 0
        self._cells: dict[int, dict[str, str]] = {}
        self._cursor = 0
        self._marked: set[int] = set()
        self._layout: tuple[int, tuple[Placed, ...]] = (-1, ())
        self._lines: LRUCache[tuple[object, ...], Strip] = LRUCache(256)
        self._base: dict[bool, Style] = {}
        self._status_styles = {k: Style.parse(v) for k, v in STATUS_STYLES.items()}
        self._flag_style = Style.parse(FLAG_STYLE)
        self._new_since: datetime | None = None
        self._per_group = False

    # What the screen reads and sets ------------------------------------------

    def show(
        self, rows: Sequence[ClaimRow], cursor: int = 0, *, per_group: bool | None = None
    ) -> None:
        """Show a new page; the cursor goes to row ``cursor`` (or the last row).

        ``per_group``: the rows are one per group (each says how many sources it
        was seen in); None keeps the mode of the page before."""
        if per_group is not None:
            self._per_group = per_group
        self._rows = tuple(rows)
        self._pages += 1
        self._cells.clear()
        self._lines.clear()
        self.virtual_size = Size(0, len(self._rows) + 1)
        self.scroll_to(y=0, animate=False, immediate=True)
        self.move_cursor(cursor)
        self.refresh()

    def flag_new_since(self, moment: datetime | None) -> None:
        """Flag the claims stored after ``moment`` as new (None: flag none)."""
        if moment != self._new_since:
            self._new_since = moment
            self._cells.clear()
            self._lines.clear()
            self.refresh()

    @property
    def row_count(self) -> int:
        return len(self._rows)

    @property
    def cursor_row(self) -> int:
        return self._cursor

    @property
    def claim_ids(self) -> tuple[int, ...]:
        return tuple(row.id for row in self._rows)

    @property
    def highlighted_claim(self) -> int | None:
        return self._rows[self._cursor].id if self._rows else None

    @property
    def marked(self) -> frozenset[int]:
        return frozenset(self._marked)

    def row_cells(self, claim_id: int) -> dict[str, str]:
        """A row's shown columns, each as drawn (cut to its width)."""
        index = self.claim_ids.index(claim_id)
        cells = self._row_cells(index, claim_id in self._marked)
        return {p.column.key: fit(cells[p.column.key], p.width).strip() for p in self._placed()}

    def move_cursor(self, row: int) -> None:
        """Highlight ``row`` (the nearest there is), scrolled into view."""
        if not self._rows:
            self._cursor = 0
            return
        self._cursor = min(max(row, 0), len(self._rows) - 1)
        visible = max(1, self.scrollable_content_region.height - 1)
        top = round(self.scroll_offset.y)
        if self._cursor < top:
            self.scroll_to(y=self._cursor, animate=False, immediate=True)
        elif self._cursor >= top + visible:
            self.scroll_to(y=self._cursor - visible + 1, animate=False, immediate=True)
        self.refresh()

    def toggle_mark(self) -> None:
        """Mark the highlighted claim, or unmark it if it was marked."""
        claim_id = self.highlighted_claim
        if claim_id is not None:
            self._marked.symmetric_difference_update({claim_id})
            self._marks_changed()

    def extend_marks(self, step: int) -> None:
        """Mark the highlighted claim and the one ``step`` rows away, which becomes highlighted."""
        claim_id = self.highlighted_claim
        if claim_id is None:
            return
        self._marked.add(claim_id)
        self.move_cursor(self._cursor + step)
        self._marked.add(self._rows[self._cursor].id)
        self._marks_changed()

    def _marks_changed(self) -> None:
        self.refresh()
        self.post_message(self.MarksChanged(self, len(self._marked)))

    # Keys and mouse ------------------------------------------------------------

    def action_cursor(self, step: int) -> None:
        self.move_cursor(self._cursor + step)

    def action_cursor_to_end(self, last: bool) -> None:
        self.move_cursor(len(self._rows) - 1 if last else 0)

    def action_page(self, direction: int) -> None:
        visible = max(1, self.scrollable_content_region.height - 1)
        self.move_cursor(self._cursor + direction * visible)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y == 0:
            return
        row = round(self.scroll_offset.y) + offset.y - 1
        if row >= len(self._rows):
            return
        event.stop()
        on_mark = any(p.column.key == "mark" and offset.x < p.x + p.width for p in self._placed())
        if on_mark:
            self.move_cursor(row)
            self.toggle_mark()
        elif row == self._cursor:
            self.post_message(self.Chosen(self, self._rows[row].id))
        else:
            self.move_cursor(row)

    # Drawing -------------------------------------------------------------------

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._lines.clear()
        self._base.clear()

    @property
    def _base_style(self) -> Style:
        # Widget.rich_style walks up the DOM to blend backgrounds: once per
        # style change (focus tints the background), not once per line.
        style = self._base.get(self.has_focus)
        if style is None:
            style = self._base[self.has_focus] = self.rich_style
        return style

    def _placed(self, width: int | None = None) -> tuple[Placed, ...]:
        width = self.scrollable_content_region.width if width is None else width
        if self._layout[0] != width:
            self._layout = (width, layout(width))
        return self._layout[1]

    def _row_cells(self, index: int, marked: bool) -> dict[str, str]:
        cells = self._cells.get(index)
        if cells is None:
            cells = self._cells[index] = claim_cells(
                self._rows[index], self._age, new_since=self._new_since, per_group=self._per_group
            )
        return {**cells, "mark": MARK if marked else " "}

    def render_lines(self, crop: Region) -> list[Strip]:
        strips = super().render_lines(crop)
        if self._painted != self._pages:
            self._painted = self._pages
            self.post_message(self.Painted(self))
        return strips

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        draw: Callable[[tuple[Placed, ...]], Strip]
        if y == 0:
            key: tuple[object, ...] = ("header", width, self.has_focus)
            draw = self._header
        else:
            index = round(self.scroll_offset.y) + y - 1
            if index >= len(self._rows):
                return Strip.blank(width, self._base_style)
            marked = self._rows[index].id in self._marked
            cursor = index == self._cursor
            key = (index, width, marked, cursor, self.has_focus)
            draw = partial(self._row, index, marked, cursor)
        strip = self._lines.get(key)
        if strip is None:
            strip = draw(self._placed(width)).adjust_cell_length(width, self._base_style)
            self._lines[key] = strip
        return strip

    def _header(self, placed: tuple[Placed, ...]) -> Strip:
        style = self._base_style + self.get_component_rich_style("queue-table--header")
        return self._strip(placed, {p.column.key: p.column.label for p in placed}, style, {})

    def _row(self, index: int, marked: bool, cursor: bool, placed: tuple[Placed, ...]) -> Strip:
        style = self._base_style
        if index % 2:
            style += self.get_component_rich_style("queue-table--even-row")
        if marked:
            style += self.get_component_rich_style("queue-table--marked")
        if cursor:
            style += self.get_component_rich_style("queue-table--cursor")
        status_style = self._status_styles.get(self._rows[index].status)
        styles = {"flags": style + self._flag_style}
        if status_style:
            styles["status"] = style + status_style
        return self._strip(placed, self._row_cells(index, marked), style, styles)

    @staticmethod
    def _strip(
        placed: tuple[Placed, ...], cells: dict[str, str], style: Style, styles: dict[str, Style]
    ) -> Strip:
        gap = Segment(" " * GAP, style)
        segments: list[Segment] = []
        for column in placed:
            key = column.column.key
            text = fit(cells[key], column.width, right=column.column.right)
            segments += (gap, Segment(text, styles.get(key, style)))
        # fit() makes every cell exactly its width: no need to measure the line.
        return Strip(segments, sum(GAP + column.width for column in placed))
