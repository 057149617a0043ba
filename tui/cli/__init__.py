"""The ``factdesk`` command line.

Each command group lives in its own module and registers itself on ``app``;
commands parse arguments, call a function of ``claims``/``sources``/``db`` and
print its result. Business rules never live here. ``tui.cli.command_table``
names every command and its module: a module is imported only when one of its
commands runs, so ``factdesk --help`` imports typer and the table, nothing more.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.cli.app import app, main

if TYPE_CHECKING:
    from typer.core import TyperGroup

__all__ = ["app", "every_command", "main"]


def every_command() -> TyperGroup:
    """The click group with every command loaded (for tests and docs that walk them all)."""
    import importlib

    import typer.main

    from tui.cli.command_table import COMMAND_MODULES

    for module in COMMAND_MODULES:
        importlib.import_module(module)
    return typer.main.get_group(app)
