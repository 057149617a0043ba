"""The help screen: every key binding with its id, key and tooltip.

The ids are what ``[tui.bindings]`` in the configuration remaps.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from tui.bindings import ALL_KEYS, effective_key
from tui.screens.base import desk_of
from tui.widgets.queue_columns import MARK, NEW, STALE

FLAGS = (
    f"Queue flags:  {MARK} marked  ·  {NEW} new since you last looked  ·  evidence "
    + "  ·  ".join(f"{glyph} {state}" for state, glyph in STALE.items())
    + " since it was linked"
)


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q", "dismiss", "Close", id="help.close")
    ]

    def compose(self) -> ComposeResult:
        remaps = desk_of(self.app).settings.tui.bindings
        with Vertical(id="help-box"):
            yield Static(
                "Keys  ·  remap any of them in the configuration: [tui.bindings] "
                '"claim.verdict" = "V"  ·  ctrl+p: command palette  ·  esc: close',
                markup=False,
                id="help-title",
            )
            yield Static(FLAGS, markup=False, id="help-flags")
            table: DataTable[Text] = DataTable(id="help-keys", cursor_type="row")
            table.add_columns("where", "key", "id", "does")
            for area, specs in ALL_KEYS:
                for spec in specs:
                    table.add_row(
                        Text(area),
                        Text(effective_key(spec, remaps), style="bold"),
                        Text(spec.id, style="dim"),
                        Text(spec.tooltip),
                    )
            yield table
