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


def _bar(label: str, total: int) -> tuple[Progress, TaskID]:
    """A Rich progress bar on stderr, started."""
    progress = Progress(
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
    progress.start()
    return progress, progress.add_task(label, total=total)


class Counter:
    """Counts steps of a loop on stderr; silent for a single step."""

    def __init__(self, label: str, total: int) -> None:
        self.label = label
        self.total = total
        self.count = 0
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        if total > 1 and sys.stderr.isatty():
            self._progress, self._task = _bar(label, total)

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


class Tally:
    """Progress told as (done, total) after each part of the work: a bar on a
    terminal, a line per part on stderr otherwise."""

    def __init__(self, label: str) -> None:
        self.label = label
        self._bar: tuple[Progress, TaskID] | None = None

    def __call__(self, done: int, total: int) -> None:
        if self._bar is None and sys.stderr.isatty():
            self._bar = _bar(self.label, total)
        if self._bar is None:
            sys.stderr.write(f"{self.label} {done:,}/{total:,}\n")
            return
        progress, task = self._bar
        progress.update(task, completed=done)
        if done >= total:
            progress.stop()
