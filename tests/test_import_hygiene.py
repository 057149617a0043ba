"""The core layers stand without the UI: importing them never loads Textual or tui.

import-linter checks the static imports (pyproject.toml); this test checks
what actually happens at run time, module by module, in a fresh interpreter.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORE = ("db", "sources", "claims")


def _modules() -> list[str]:
    names: list[str] = []
    for package in CORE:
        names.append(package)
        for info in pkgutil.walk_packages([str(ROOT / package)], prefix=f"{package}."):
            if ".migrations" in info.name or info.name.endswith("__main__"):
                continue
            names.append(info.name)
    return names


def test_core_modules_are_found() -> None:
    modules = _modules()
    assert {"db.engine", "sources.ingest"} <= set(modules)


@pytest.mark.parametrize("package", CORE)
def test_core_never_loads_textual_or_tui(package: str) -> None:
    modules = [m for m in _modules() if m.split(".")[0] == package]
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'tui'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "", f"{package} loaded {out.stdout.strip()}"
