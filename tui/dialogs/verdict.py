"""The verdict dialog: a rating from the organisation's scale and a rationale."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Select, Static, TextArea

from claims.review.ratings import RatingScale
from tui.dialogs.prompts import CANCEL


@dataclass(frozen=True)
class VerdictInput:
    rating: str
    why: str


class VerdictDialog(ModalScreen[VerdictInput | None]):
    """Rating and rationale; the claims layer checks both when the verdict is given."""

    BINDINGS = CANCEL

    def __init__(self, scale: RatingScale, *, current: str | None = None) -> None:
        super().__init__()
        self._scale = scale
        self._current = current

    def compose(self) -> ComposeResult:
        options = [(r.label, r.key) for r in self._scale]
        keys = {key for _, key in options}
        with Vertical(classes="dialog", id="verdict-dialog"):
            yield Static("Verdict", classes="dialog-title")
            yield Select(
                options,
                prompt="rating",
                id="verdict-rating",
                value=self._current if self._current in keys else Select.NULL,
            )
            yield Static("Rationale (what the evidence shows):", classes="dialog-label")
            yield TextArea(id="verdict-why", soft_wrap=True)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Give verdict", variant="primary", id="ok")
                yield Button("Cancel", id="cancel")

    @on(Button.Pressed, "#ok")
    def _ok(self) -> None:
        rating = self.query_one("#verdict-rating", Select).value
        why = self.query_one("#verdict-why", TextArea).text
        if not isinstance(rating, str):
            self.notify("choose a rating", severity="warning")
            return
        if not why.strip():
            self.notify("a verdict needs a rationale", severity="warning")
            return
        self.dismiss(VerdictInput(rating, why.strip()))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
