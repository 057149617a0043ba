"""A clean clone with nothing beside it: tests that need the shared folder skip
there with one message, and fail under CI=true; nothing names a machine path."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.shared import SHARED_ENV

ROOT = Path(__file__).resolve().parents[1]
SEED_TEST = "tests/sources/extraction/test_plaintext.py"


def _run_without_shared(tmp_path: Path, *, ci: bool) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, SHARED_ENV: str(tmp_path / "no-shared-here"), "CI": "true" if ci else ""}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:xdist", "-p", "no:cacheprovider",
         "-rs", SEED_TEST],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )


def test_without_the_shared_folder_seed_tests_skip_with_a_message(tmp_path: Path) -> None:
    run = _run_without_shared(tmp_path, ci=False)
    assert run.returncode == 0, run.stdout[-2000:]
    assert "skipped" in run.stdout
    assert "no-shared-here" in run.stdout
    assert SHARED_ENV in run.stdout


def test_in_ci_a_missing_shared_folder_fails_the_run(tmp_path: Path) -> None:
    run = _run_without_shared(tmp_path, ci=True)
    assert run.returncode != 0
    assert "error" in run.stdout
    assert "no-shared-here" in run.stdout


@pytest.mark.parametrize("folder", ["claims", "sources", "tui", "db", "tests", "bench", "scripts"])
def test_no_file_names_a_machine_path(folder: str) -> None:
    machine_path = re.compile(r"""["'](?:/work/|/home/|/root/|/Users/|[A-Z]:\\\\)""")
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / folder).rglob("*.py")
        if machine_path.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
