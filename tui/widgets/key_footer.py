"""Textual's footer, rebuilt only when the keys it shows change.

Textual's ``Footer`` rebuilds its keys (a widget each, restyled one by one)
every time the screen says its bindings changed, and a screen that opens says
so several times in a row (focus moves, the key map is set, the screen
resumes) with the same keys each time: four rebuilds, about a third of the
queue's work before its first page was painted. This one compares what it
would show with what it shows, and rebuilds only on a difference.
"""

from __future__ import annotations

from typing import Any

from textual.dom import NoScreen
from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """A ``Footer`` that rebuilds only when its keys, their labels or states change."""

    _shown: tuple[Any, ...] | None = None
    _rebuild_pending = False

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._rebuild_pending:
            self._rebuild_pending = True
            self.call_after_refresh(self._rebuild)

    def _keys(self) -> tuple[Any, ...]:
        """All that ``compose`` reads: every active binding as it would show it."""
        display = self.app.get_key_display
        keys = [
            (binding, display(binding), enabled, tooltip)
            for _, binding, enabled, tooltip in self.screen.active_bindings.values()
        ]
        return (*keys, self.show_command_palette, self.compact)

    async def _rebuild(self) -> None:
        # Cleared first: a change that comes during the rebuild asks for another.
        self._rebuild_pending = False
        if not self.is_attached or self._pruning:  # as Widget.recompose: going away
            return
        try:
            keys = self._keys()
        except NoScreen:  # its screen closed before the refresh came
            return
        if keys != self._shown:
            self._shown = keys
            await self.recompose()
