"""Progress of long commands: a Rich bar on a terminal, plain counters otherwise."""

from __future__ import annotations

import sys

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from tui.terminal_text import safe


class Counter:
    """Counts steps of a loop on stderr; silent for a single step."""

    def __init__(self, label: str, total: int) -> None:
        self.label = label
        self.total = total
        self.count = 0
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        if total > 1 and sys.stderr.isatty():
            self._progress = Progress(
                TextColumn("{task.description}", markup=False),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                # On stderr, the terminal isatty() looked at: Rich's default console is
                # stdout's, which drew nothing when stdout went to a file and put a
                # stray newline into that file (`refresh --format json > run.json`).
                console=Console(stderr=True),
                transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task(label, total=total)

    def step(self, what: str) -> None:
        if self._progress is not None and self._task is not None:
            if self.count:
                self._progress.advance(self._task)
            self._progress.update(self._task, description=f"{self.label} {safe(what)[:60]}")
        elif self.total > 1:
            sys.stderr.write(f"{self.label} {self.count + 1}/{self.total} {safe(what)}\n")
        self.count += 1

    def done(self) -> None:
        if self._progress is not None:
            self._progress.stop()
