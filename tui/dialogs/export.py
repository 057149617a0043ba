"""The export dialog: a report format and the file to write it to."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Select, Static

from claims.reports import ReportFormat
from tui.dialogs.prompts import CANCEL

SUFFIXES = {
    ReportFormat.md: ".md",
    ReportFormat.html: ".html",
    ReportFormat.csv: ".csv",
    ReportFormat.json: ".json",
    ReportFormat.claimreview: ".claimreview.json",
    ReportFormat.prov: ".prov.json",
    ReportFormat.warc: ".warc.gz",
    ReportFormat.bundle: ".zip",
}


@dataclass(frozen=True)
class ExportChoice:
    format: ReportFormat
    path: Path


class ExportDialog(ModalScreen[ExportChoice | None]):
    """Which format, which file; the claims are those the queue's filters select."""

    BINDINGS = CANCEL

    def __init__(self, matching: int, *, directory: Path) -> None:
        super().__init__()
        self._matching = matching
        self._directory = directory

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(
                f"Export the {self._matching:,} claims the filters select", classes="dialog-title"
            )
            yield Select(
                [(f.value, f) for f in ReportFormat],
                value=ReportFormat.md,
                allow_blank=False,
                id="export-format",
            )
            yield Input(value=str(self._path(ReportFormat.md)), id="export-path")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export", variant="primary", id="ok")
                yield Button("Cancel", id="cancel")

    def _path(self, fmt: ReportFormat) -> Path:
        return self._directory / f"factdesk-report{SUFFIXES[fmt]}"

    @on(Select.Changed, "#export-format")
    def _format_changed(self, event: Select.Changed) -> None:
        if isinstance(event.value, ReportFormat):
            self.query_one("#export-path", Input).value = str(self._path(event.value))

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _ok(self) -> None:
        fmt = self.query_one("#export-format", Select).value
        path = self.query_one("#export-path", Input).value.strip()
        if isinstance(fmt, ReportFormat) and path:
            self.dismiss(ExportChoice(fmt, Path(path).expanduser()))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
