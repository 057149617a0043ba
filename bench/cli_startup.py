"""Command-line start-up cost: CPU seconds per command, above bare Python.

Each command runs N times as a child process; its CPU time (user + system,
from ``resource.getrusage(RUSAGE_CHILDREN)``) is measured around the run.
``python -c pass`` runs in turn with them, so the baseline is this machine
under this run's load; the figures printed are medians, and the medians
above that baseline, which the targets (issue 13) are about:

- ``factdesk --help``: at most 0.25 s above bare Python;
- ``factdesk claims`` on the demo database: at most 0.6 s;
- ``factdesk extract`` of one sentence: at most 0.8 s. Its default is
  ``--lang auto``, so the target is on the default; ``--lang fr`` is shown
  beside it (the language detector's share is the difference).

    .venv/bin/python bench/cli_startup.py            # 9 runs each
    .venv/bin/python bench/cli_startup.py --runs 15
    .venv/bin/python bench/cli_startup.py --before ../main   # and another checkout, in turn

With ``--before DIR`` the same commands of the checkout at DIR (run by its own
``.venv/bin/python``, else by this Python) take turns with this one's, so "before" and "after"
share the run's load. The demo database is built once per checkout in a
temporary folder, and the language model's cache (``FACTDESK_CACHE_DIR``,
there too) is filled by one extract before timing: neither is measured.
Children may write bytecode (``PYTHONDONTWRITEBYTECODE`` is dropped), as an
installed factdesk has its ``.pyc`` files; a first warm-up run writes them.
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
Case = tuple[list[str], str | None, Path, dict[str, str]]


def cpu_seconds(argv: list[str], *, cwd: Path, env: dict[str, str], stdin: str | None) -> float:
    """CPU time (user + system) of one child run of ``argv``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(argv, input=stdin, env=env, cwd=cwd, check=True, capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def checkout_cases(root: Path, python: str, folder: Path, label: str) -> dict[str, Case]:
    """The measured commands of the checkout at ``root``, its demo database loaded."""
    folder.mkdir()
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env |= {
        "FACTDESK_DATABASE_URL": f"sqlite:///{folder / 'demo.sqlite3'}",
        "FACTDESK_CONFIG": os.devnull,
        "FACTDESK_CACHE_DIR": str(folder / "cache"),
    }
    factdesk = [python, "-m", "tui.cli"]
    subprocess.run([*factdesk, "demo"], env=env, cwd=root, check=True, capture_output=True)
    cases: dict[str, Case] = {
        "factdesk --help": ([*factdesk, "--help"], None, root, env),
        "factdesk claims": ([*factdesk, "claims"], None, root, env),
        # The default, --lang auto: the language detector runs.
        "factdesk extract": ([*factdesk, "extract", "-"], SENTENCE, root, env),
        "extract --lang fr": ([*factdesk, "extract", "-", "--lang", "fr"], SENTENCE, root, env),
    }
    for argv, stdin, cwd, child_env in cases.values():  # warm-up: bytecode, model cache
        subprocess.run(
            argv, input=stdin, env=child_env, cwd=cwd, check=True, capture_output=True, text=True
        )
    return {f"{label}{name}": case for name, case in cases.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="runs of each command")
    parser.add_argument(
        "--before", type=Path, help="another checkout (with its .venv) to measure in turn"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        cases: dict[str, Case] = {
            "python -c pass": ([sys.executable, "-c", "pass"], None, ROOT, dict(os.environ))
        }
        if args.before is not None:
            before = args.before.resolve()
            # Its own environment if it has one; else this one (its folder comes first on sys.path).
            own = before / ".venv" / "bin" / "python"
            python = str(own) if own.exists() else sys.executable
            cases |= checkout_cases(before, python, folder / "before", "before: ")
        label = "after: " if args.before is not None else ""
        cases |= checkout_cases(ROOT, sys.executable, folder / "this", label)
        times: dict[str, list[float]] = {name: [] for name in cases}
        # Taking turns: a burst of load hits every case alike.
        for _ in range(args.runs):
            for name, (argv, stdin, cwd, env) in cases.items():
                times[name].append(cpu_seconds(argv, cwd=cwd, env=env, stdin=stdin))

    bare = statistics.median(times["python -c pass"])
    print(f"{'command':<28} {'CPU s (median)':>15} {'above bare':>11} {'target':>7}")
    for name, runs in times.items():
        median = statistics.median(runs)
        target = TARGETS.get(name.split(": ")[-1])
        above = f"{median - bare:.3f}" if name != "python -c pass" else "—"
        verdict = "" if target is None else ("ok" if median - bare <= target else "OVER")
        goal = f"{target:.2f}" if target is not None else ""
        print(f"{name:<28} {median:>15.3f} {above:>11} {goal:>7} {verdict}")
    print(f"{args.runs} runs each, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
