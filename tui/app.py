"""The factdesk Textual app: a thin shell over its screens, and ``make_app``.

``make_app`` is the one factory the command line, the tests, the snapshot tests
and the benchmark use. Nothing here runs at import time: the database and the
settings are built when ``make_app`` is called.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import App, SystemCommand
from textual.screen import Screen

from claims.services.lazy_database import LazyDatabase
from tui.bindings import ALL_KEYS, APP_KEYS, bindings, keymap
from tui.screens.base import Desk, DeskScreen
from tui.screens.help import HelpScreen
from tui.screens.queue import QueueScreen
from tui.settings import Settings
from tui.widgets.formatting import Clock, utc_now

if TYPE_CHECKING:
    from claims.services.database import Database


def _sources_screen() -> Screen[None]:
    # Imported on first use: the sources screen brings in fetching and page
    # extraction (trafilatura, numpy), a third of the app's imports, which
    # the queue does not need to open.
    from tui.screens.sources import SourcesScreen

    return SourcesScreen()


class FactdeskApp(App[None]):
    """Claim queue, claim dossier and sources, on one database."""

    # Absolute, so that subclasses (benchmarks) defined elsewhere find it too.
    CSS_PATH = Path(__file__).parent / "factdesk.tcss"
    TITLE = "factdesk"
    BINDINGS = bindings(APP_KEYS)
    MODES: ClassVar = {"queue": QueueScreen, "sources": _sources_screen}
    # Starting in the queue's mode, not switching to it from Textual's default
    # screen, spares two passes over every style rule before the first page.
    DEFAULT_MODE = "queue"

    def __init__(self, desk: Desk, *, owns_database: bool) -> None:
        super().__init__()
        self.desk = desk
        self._keymap_wanted = keymap(desk.settings.tui.bindings)
        self._owns_database = owns_database
        if desk.settings.is_demo_database:
            # Nobody should mistake the demo corpus for their own work.
            self.title = f"{self.TITLE} — demo database"

    def run(self, *args: Any, **kwargs: Any) -> None:
        # What was imported before the app runs lives as long as it does:
        # frozen, it is left out of the cyclic collections that the app's
        # start triggers, a fifth of the CPU to the first painted page.
        gc.freeze()
        try:
            return super().run(*args, **kwargs)
        finally:
            gc.unfreeze()

    def on_mount(self) -> None:
        self.set_keymap(self._keymap_wanted)

    def on_unmount(self) -> None:
        if self._owns_database:
            self.desk.store.dispose()

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_show_queue(self) -> None:
        self.switch_mode("queue")

    def action_show_sources(self) -> None:
        self.switch_mode("sources")

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        area = screen.AREA if isinstance(screen, DeskScreen) else None
        for name, specs in ALL_KEYS:
            if name == "Everywhere":
                for spec in specs:
                    yield SystemCommand(
                        spec.palette_title, spec.tooltip, partial(self.run_action, spec.action)
                    )
            elif name == area and isinstance(screen, DeskScreen):
                for spec in specs:
                    yield SystemCommand(
                        spec.palette_title, spec.tooltip, partial(screen.run_action, spec.action)
                    )


def make_app(
    source: Settings | Database,
    *,
    settings: Settings | None = None,
    clock: Clock = utc_now,
    show_times: bool = True,
) -> FactdeskApp:
    """The app on ``source``: the settings' database, or a given (migrated) database.

    The settings' database opens on first use (``LazyDatabase``): the first page
    is read through the driver when the database is at the newest schema.
    ``clock`` is "now" for ages; ``show_times=False`` hides times altogether
    (screenshots that must not change from run to run).
    """
    if isinstance(source, Settings):
        settings = source
        store, owns = LazyDatabase(settings.resolved_database_url()), True
    else:
        settings = settings or Settings(database_url=source.url)
        store, owns = LazyDatabase.of(source), False
    desk = Desk(store=store, settings=settings, clock=clock, show_times=show_times)
    return FactdeskApp(desk, owns_database=owns)
