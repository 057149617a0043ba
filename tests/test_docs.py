"""Every command is in the README, and every option says what it does."""

from __future__ import annotations

from pathlib import Path

from tui.cli import every_command

README = Path(__file__).resolve().parents[1] / "README.md"


def _commands() -> dict[str, object]:
    group = every_command()
    out: dict[str, object] = {}
    for name, command in group.commands.items():
        sub = getattr(command, "commands", None)
        if sub:
            for sub_name, sub_command in sub.items():
                out[f"{name} {sub_name}"] = sub_command
        else:
            out[name] = command
    return out


def test_every_command_is_in_the_readme() -> None:
    readme = README.read_text(encoding="utf-8")
    missing = [name for name in _commands() if f"factdesk {name}" not in readme]
    assert missing == []


def test_every_option_has_help() -> None:
    undocumented = []
    for name, command in _commands().items():
        for param in command.params:  # type: ignore[attr-defined]
            if param.param_type_name == "option" and not (param.help or "").strip():
                undocumented.append(f"{name} {param.opts[0]}")
    assert undocumented == []
