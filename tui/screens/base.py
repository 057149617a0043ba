"""What every screen shares: the desk (database, settings, clock) and error reporting.

Screens run database work in thread workers that post messages; a worker that
fails ends in the ERROR state and the screen shows its one-line message.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from textual.app import App
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from claims.review.ratings import RatingScale
from claims.services.lazy_database import LazyDatabase
from db.errors import FactdeskError
from tui.settings import Settings
from tui.terminal_text import safe
from tui.widgets.formatting import Clock, age, stamp

if TYPE_CHECKING:
    from claims.services.database import Database


@dataclass(frozen=True)
class Desk:
    """Everything a screen needs from the app, built once by ``make_app``."""

    store: LazyDatabase
    """The database, opened on first use: the queue's first page reads without it."""
    settings: Settings
    clock: Clock
    show_times: bool = True

    @property
    def database(self) -> Database:
        """The open database (opening it on first use loads SQLAlchemy: ask from a worker)."""
        return self.store.database

    @property
    def reviewer(self) -> str:
        return self.settings.reviewer_name()

    @property
    def scale(self) -> RatingScale:
        return self.settings.rating_scale()

    def age(self, at: datetime | None) -> str:
        return age(at, self.clock()) if self.show_times else "—"

    def stamp(self, at: datetime | None) -> str:
        return stamp(at) if self.show_times else "—"


def desk_of(app: App[object]) -> Desk:
    desk = getattr(app, "desk", None)
    assert isinstance(desk, Desk), "screens run inside the app make_app builds"
    return desk


def error_line(error: BaseException | None) -> str:
    """One line for a user: factdesk errors say what to do; others name their type."""
    if error is None:
        return "failed"
    text = str(error) if isinstance(error, FactdeskError) else f"{type(error).__name__}: {error}"
    # Messages may quote fetched text (a quote not found, a page title).
    return safe(" ".join(text.split()))


class DeskScreen(Screen[None]):
    """A screen of the app, with the desk at hand and worker failures reported."""

    AREA: ClassVar[str] = ""
    """Which group of ``tui.bindings.ALL_KEYS`` the screen's palette commands come from."""

    @property
    def desk(self) -> Desk:
        return desk_of(self.app)

    def report(self, error: BaseException | None, title: str = "") -> None:
        self.notify(error_line(error), title=title, severity="error", markup=False, timeout=8)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR:
            self.report(event.worker.error, title=event.worker.name)
