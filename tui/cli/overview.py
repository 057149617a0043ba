"""What ``factdesk`` with no command shows until the TUI lands: sources and claims."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from sources.snapshots import summarise_sources
from tui.cli.context import CliContext
from tui.cli.output import reported_errors
from tui.terminal_text import literal


def print_overview(context: CliContext) -> None:
    with reported_errors(), context.database().read() as session:
        summaries = summarise_sources(session)
    console = Console(highlight=False)
    table = Table("id", "source", "title", "lang", "snapshots", title="Sources", box=None)
    for s in summaries:
        table.add_row(
            str(s.source.id),
            literal(s.source.url),
            literal(s.source.title or ""),
            s.source.language or "",
            str(s.snapshot_count),
        )
    console.print(table)
