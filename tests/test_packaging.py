"""The wheel ships the application packages, and nothing named `tests`."""

from __future__ import annotations

import tomllib
from fnmatch import fnmatch
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_wheel_holds_the_application_packages_only() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    find = config["tool"]["setuptools"]["packages"]["find"]
    # The top-level packages setuptools' find would pick: folders with an
    # __init__.py whose name one of the include patterns matches.
    tops = {
        path.name
        for path in ROOT.iterdir()
        if (path / "__init__.py").exists()
        and any(fnmatch(path.name, pattern) for pattern in find["include"])
        and not any(fnmatch(path.name, pattern) for pattern in find.get("exclude", ()))
    }
    assert tops == {"claims", "sources", "tui", "db"}
