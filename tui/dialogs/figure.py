"""The figure dialog: correct one figure of a claim (value, kind, unit, bounds, hedge).

It returns what was typed, field by field; the claim screen reads it with the
parsers the command line uses (``claims.review.corrections``), so a bad value
gets the same one-line message in both places.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from claims.review.effective import FIGURE_KINDS
from tui.dialogs.prompts import CANCEL
from tui.terminal_text import literal

TEXT_FIELDS: tuple[tuple[str, str], ...] = (
    ("value", "value"),
    ("unit", "unit or noun"),
    ("low", "low bound"),
    ("high", "high bound"),
    ("hedge", "hedge word"),
)


def typed_value(value: Any) -> str:
    """A stored field as the reviewer would type it: 20000.0 -> "20000", None -> ""."""
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


class FigureDialog(ModalScreen[dict[str, str] | None]):
    """The fields of one figure, prefilled with what the claim holds now; on OK, every
    field as typed (blank: leave as it is; "none": clear it). None when cancelled."""

    BINDINGS = CANCEL
    DEFAULT_CSS = """
    FigureDialog #figure-dialog {
        width: 96;
        max-width: 95%;
    }
    FigureDialog #figure-fields {
        grid-size: 4;
        grid-columns: 14 1fr 14 1fr;
        grid-rows: 3;
        height: auto;
    }
    FigureDialog #figure-fields Label {
        padding: 1 1 0 0;
        width: 100%;
        text-align: right;
    }
    """

    def __init__(self, title: str, current: Mapping[str, Any]) -> None:
        super().__init__()
        self._title = title
        self._current = dict(current)

    def compose(self) -> ComposeResult:
        kind = self._current.get("kind")
        with Vertical(classes="dialog", id="figure-dialog"):
            yield Static(literal(self._title), classes="dialog-title")
            with Grid(id="figure-fields"):
                for name, label in TEXT_FIELDS[:1]:
                    yield Label(label)
                    yield Input(typed_value(self._current.get(name)), id=f"figure-{name}")
                yield Label("kind")
                yield Select(
                    [(k, k) for k in FIGURE_KINDS],
                    value=kind if kind in FIGURE_KINDS else Select.BLANK,
                    id="figure-kind",
                )
                for name, label in TEXT_FIELDS[1:]:
                    yield Label(label)
                    yield Input(typed_value(self._current.get(name)), id=f"figure-{name}")
            yield Static(
                "A blank field stays as it is; none clears a bound, the unit or the hedge. "
                "The extractor's figure stays on record.",
                classes="dialog-label",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Correct", variant="primary", id="ok")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#figure-value", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _ok(self) -> None:
        typed = {name: self.query_one(f"#figure-{name}", Input).value for name, _ in TEXT_FIELDS}
        kind = self.query_one("#figure-kind", Select).value
        typed["kind"] = kind if isinstance(kind, str) else ""
        self.dismiss(typed)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
