"""The ingest dialog: a URL or a file path, or pasted text, and its language."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Select, Static, TextArea

from claims.services.ingest_request import IngestRequest
from tui.dialogs.prompts import CANCEL

LANGUAGES = [("read it from the page", ""), ("French", "fr"), ("English", "en")]


class IngestDialog(ModalScreen[IngestRequest | None]):
    """What to ingest; None when cancelled. The checks are the service's, on OK."""

    BINDINGS = CANCEL

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="ingest-dialog"):
            yield Static("Ingest an article", classes="dialog-title")
            yield Input(placeholder="https://… or a .html/.htm/.txt file path", id="ingest-target")
            yield Static("or paste its text:", classes="dialog-label")
            yield TextArea(id="ingest-text", soft_wrap=True)
            yield Input(placeholder="original address of the text (optional)", id="ingest-url")
            yield Select(LANGUAGES, value="", allow_blank=False, id="ingest-lang")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Ingest", variant="primary", id="ok")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#ingest-target", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _ok(self) -> None:
        lang = self.query_one("#ingest-lang", Select).value
        self.dismiss(
            IngestRequest(
                target=self.query_one("#ingest-target", Input).value,
                text=self.query_one("#ingest-text", TextArea).text,
                lang=lang if isinstance(lang, str) else "",
                url=self.query_one("#ingest-url", Input).value,
            )
        )

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
