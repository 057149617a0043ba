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

    def __init__(
        self, matching: int, *, directory: Path, marked: bool = False, groups: bool = False
    ) -> None:
        super().__init__()
        self._matching = matching
        self._directory = directory
        self._marked = marked
        self._groups = groups

    def _title(self) -> str:
        which = "marked" if self._marked else "listed"
        if self._groups:
            return f"Export every claim of the {self._matching:,} {which} groups"
        return f"Export the {self._matching:,} {which} claims"

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self._title(), classes="dialog-title", markup=False)
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
