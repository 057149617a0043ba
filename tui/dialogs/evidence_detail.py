"""The evidence detail dialog: one evidence item in full, scrollable."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from claims.review.evidence import EvidenceView
from tui.dialogs.prompts import CANCEL
from tui.widgets.evidence_text import evidence_detail_text


class EvidenceDetail(ModalScreen[None]):
    """Quote in its paragraph, claimed and found figures, deviation, rule, stance, note."""

    BINDINGS = CANCEL

    def __init__(self, evidence: EvidenceView) -> None:
        super().__init__()
        self._evidence = evidence

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="evidence-detail"):
            with VerticalScroll():
                yield Static(evidence_detail_text(self._evidence), id="evidence-detail-text")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Close", variant="primary", id="close")

    def on_mount(self) -> None:
        self.query_one("#close", Button).focus()

    @on(Button.Pressed, "#close")
    def action_cancel(self) -> None:
        self.dismiss(None)
