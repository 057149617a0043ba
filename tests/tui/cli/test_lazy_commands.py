"""`factdesk --help` loads no command module; the command table matches the modules."""

from __future__ import annotations

import subprocess
import sys

from tui.cli import every_command
from tui.cli.command_table import COMMANDS

HEAVY = ("trafilatura", "textual", "sqlalchemy", "sqlmodel", "httpx", "pydantic")


def test_help_imports_none_of_the_heavy_modules() -> None:
    script = (
        "import sys\n"
        "from tui.cli import main\n"
        "sys.argv = ['factdesk', '--help']\n"
        "try:\n"
        "    main()\n"
        "finally:\n"
        f"    print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "Commands:" in done.stdout
    assert "claims" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_the_table_lists_exactly_what_the_modules_register() -> None:
    group = every_command()
    registered = {
        name: " ".join((cmd.help or "").split("\n\n")[0].split())
        for name, cmd in group.commands.items()
    }
    table = {name: entry.help for name, entry in COMMANDS.items()}
    assert table == registered
    # Each command is loaded from the module the table names.
    for name, entry in COMMANDS.items():
        command = group.commands[name]
        callbacks = [command.callback] + [
            sub.callback for sub in getattr(command, "commands", {}).values()
        ]
        modules = {cb.__module__ for cb in callbacks if cb is not None}
        assert modules == {entry.module}, name


def test_a_command_loads_its_module_when_it_runs() -> None:
    script = (
        "import sys\n"
        "from tui.cli import main\n"
        "sys.argv = ['factdesk', 'extract', '--help']\n"
        "try:\n"
        "    main()\n"
        "finally:\n"
        "    print('tui.cli.extract_cmds' in sys.modules, 'tui.cli.claim_cmds' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "Claims found in a text" in done.stdout
    assert done.stdout.strip().splitlines()[-1] == "True False"
