"""Several processes meeting a new database at once: one migrates, the others wait for it.

Each process imports factdesk first, then all start at the same instant, so
that their upgrades overlap (with a deferred transaction per migration, some
of six died with "database is locked" nearly every time). On SQLite the first use of a file
upgrades it; a PostgreSQL server is upgraded with `factdesk db upgrade`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from db.engine import make_engine
from db.migrate import current_revision, head_revision, pending_differences

ROOT = Path(__file__).resolve().parents[2]
PROCESSES = 4


def _together(
    db_url: str, args: list[str], barrier: Path
) -> list[subprocess.CompletedProcess[str]]:
    """Run ``factdesk --db db_url ARGS`` in PROCESSES processes started at the same instant."""
    # Each process, once factdesk is imported, signs in and waits for the others.
    code = (
        "import os, pathlib, time\n"
        "from tui.cli import main\n"
        "barrier = pathlib.Path(os.environ['BARRIER'])\n"
        "(barrier / str(os.getpid())).touch()\n"
        "until = time.monotonic() + 60\n"
        f"while len(list(barrier.iterdir())) < {PROCESSES} and time.monotonic() < until:\n"
        "    time.sleep(0.002)\n"
        "raise SystemExit(main())\n"
    )
    barrier.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "BARRIER": str(barrier)}
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", code, "--db", db_url, *args],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(PROCESSES)
    ]
    done = []
    for process in processes:
        stdout, stderr = process.communicate(timeout=120)
        done.append(subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr))
    return done


def head_revision_of(db_url: str) -> str:
    engine = make_engine(db_url)
    try:
        head = head_revision(engine)
    finally:
        engine.dispose()
    assert head is not None
    return head


def _assert_all_succeeded(db_url: str, runs: list[subprocess.CompletedProcess[str]]) -> None:
    failures = [
        [line for line in run.stderr.splitlines() if "Error" in line][-1:] or run.stderr[-300:]
        for run in runs
        if run.returncode != 0
    ]
    assert failures == []
    engine = make_engine(db_url)
    try:
        assert current_revision(engine) == head_revision(engine)
        assert pending_differences(engine) == []
    finally:
        engine.dispose()


def test_processes_opening_a_new_sqlite_file_at_once_all_succeed(tmp_path: Path) -> None:
    db_url = f"sqlite:///{tmp_path / 'new.sqlite3'}"

    runs = _together(db_url, ["sources", "--format", "json"], tmp_path / "barrier")

    _assert_all_succeeded(db_url, runs)
    assert all(run.stdout.strip() == "[]" for run in runs)


def test_concurrent_upgrades_of_a_new_database_all_succeed(
    empty_db_url: str, tmp_path: Path
) -> None:
    runs = _together(empty_db_url, ["db", "upgrade"], tmp_path / "barrier")

    _assert_all_succeeded(empty_db_url, runs)
    said = sorted(run.stdout.split(" to ")[0].strip() for run in runs)
    # One upgraded it; the others waited, then found it done.
    assert said == ["database already at revision " + head_revision_of(empty_db_url)] * (
        PROCESSES - 1
    ) + ["database upgraded from empty"]
