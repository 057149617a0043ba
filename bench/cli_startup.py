"""Command-line start-up cost: CPU seconds per command, above bare Python.

Each command runs N times as a child process; its CPU time (user + system,
from ``resource.getrusage(RUSAGE_CHILDREN)``) is measured around the run.
``python -c pass`` runs in turn with them, so the baseline is this machine
under this run's load; the figures printed are medians, and the medians
above that baseline, which the targets (issue 13) are about:

- ``factdesk --help``: at most 0.25 s above bare Python;
- ``factdesk claims`` on the demo database: at most 0.6 s;
- ``factdesk extract`` of one sentence: at most 0.8 s.

    .venv/bin/python bench/cli_startup.py            # 9 runs each
    .venv/bin/python bench/cli_startup.py --runs 15

The demo database is built once in a temporary folder (not measured).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SENTENCE = "Le chômage a baissé de 7,5 % en 2023, selon le ministère du Travail.\n"
TARGETS = {"factdesk --help": 0.25, "factdesk claims": 0.6, "factdesk extract": 0.8}


def cpu_seconds(argv: list[str], *, env: dict[str, str], stdin: str | None = None) -> float:
    """CPU time (user + system) of one child run of ``argv``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(argv, input=stdin, env=env, cwd=ROOT, check=True, capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="runs of each command")
    args = parser.parse_args()

    python = sys.executable
    factdesk = [python, "-m", "tui.cli"]
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'demo.sqlite3'}"
        env = {**os.environ, "FACTDESK_DATABASE_URL": url, "FACTDESK_CONFIG": "/dev/null"}
        subprocess.run([*factdesk, "demo"], env=env, cwd=ROOT, check=True, capture_output=True)
        cases: dict[str, tuple[list[str], str | None]] = {
            "python -c pass": ([python, "-c", "pass"], None),
            "factdesk --help": ([*factdesk, "--help"], None),
            "factdesk claims": ([*factdesk, "claims"], None),
            "factdesk extract": ([*factdesk, "extract", "-", "--lang", "fr"], SENTENCE),
            # --lang auto loads py3langid's model (about half a second of CPU): shown, no target.
            "extract --lang auto": ([*factdesk, "extract", "-"], SENTENCE),
        }
        times: dict[str, list[float]] = {name: [] for name in cases}
        # Taking turns: a burst of load hits every case alike.
        for _ in range(args.runs):
            for name, (argv, stdin) in cases.items():
                times[name].append(cpu_seconds(argv, env=env, stdin=stdin))

    bare = statistics.median(times["python -c pass"])
    print(f"{'command':<22} {'CPU s (median)':>15} {'above bare':>11} {'target':>7}")
    for name, runs in times.items():
        median = statistics.median(runs)
        target = TARGETS.get(name)
        above = f"{median - bare:.3f}" if name != "python -c pass" else "—"
        verdict = "" if target is None else ("ok" if median - bare <= target else "OVER")
        goal = f"{target:.2f}" if target is not None else ""
        print(f"{name:<22} {median:>15.3f} {above:>11} {goal:>7} {verdict}")
    print(f"{args.runs} runs each, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
