"""A command group that imports a command's module only when that command runs.

Typer builds its click group from the commands registered on the ``Typer``
object. Here the group starts from ``COMMANDS`` (names and help only); asking
for a command imports its module, which registers it on the ``Typer`` object
as before, and the group then builds that command the way Typer would.
"""

from __future__ import annotations

import importlib
from typing import Any

import typer
import typer.main
from typer.core import TyperGroup

from tui.cli.command_table import COMMAND_MODULES, COMMANDS


class LazyGroup(TyperGroup):
    """The ``factdesk`` group: commands listed from the table, loaded on use."""

    typer_app: typer.Typer | None = None
    """The application whose registrations the loaded modules add to (set by ``tui.cli.app``)."""

    def list_commands(self, ctx: Any) -> list[str]:
        loaded = [name for name in self.commands if name not in COMMANDS]
        return [*COMMANDS, *loaded]

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name in self.commands:
            return self.commands[cmd_name]
        entry = COMMANDS.get(cmd_name)
        # A name missing from the table may still be registered by some module
        # (a command added without its table line): load them all before saying no.
        modules = (entry.module,) if entry is not None else COMMAND_MODULES
        for module in modules:
            importlib.import_module(module)
        command = self._built_commands().get(cmd_name)
        if command is not None:
            self.commands[cmd_name] = command
        return command

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        # Help from the table: listing commands must not import them.
        rows = [
            (name, self.commands[name] if name in self.commands else _HelpOnly(name, entry.help))
            for name, entry in COMMANDS.items()
        ]
        if not rows:
            return
        limit = formatter.width - 6 - max(len(name) for name, _ in rows)
        with formatter.section("Commands"):
            formatter.write_dl([(name, cmd.get_short_help_str(limit)) for name, cmd in rows])

    def _built_commands(self) -> dict[str, Any]:
        assert self.typer_app is not None, "tui.cli.app sets the Typer application"
        group = typer.main.get_group(self.typer_app)
        return dict(group.commands)


class _HelpOnly(typer.core.TyperCommand):
    """A stand-in that knows a command's help and nothing else."""

    def __init__(self, name: str, help: str) -> None:
        super().__init__(name=name, help=help)
