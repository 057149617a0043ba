"""bundle verify at scale: CPU time and peak memory for a bundle of N claims.

Builds the database of ``bench/reports.py`` (N reviewed claims), exports one
bundle, then verifies it in a child process per run (so that peak RSS is the
verify's own) and prints CPU seconds (less sensitive than wall time to a
shared machine) and max RSS. With ``--baseline DIR`` (another copy of the
code, e.g. a ``git worktree`` of an earlier commit) each run is repeated
with DIR's code on the same bundle, the two taking turns.

    .venv/bin/python bench/verify.py --claims 5000 --repeat 3
    .venv/bin/python bench/verify.py --claims 5000 --repeat 3 --baseline /tmp/fd-before
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reports import build  # bench/reports.py, beside this script

from claims.reports import ReportFormat, ReportSelection, export_report
from db.engine import Database

CHILD = """
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from claims.reports.bundle import verify_bundle
bundle = Path(sys.argv[2])
verify_bundle(bundle)  # imports and the extractors' first use are not measured
start = time.process_time()
check = verify_bundle(bundle)
print(json.dumps({"cpu": time.process_time() - start, "ok": check.ok,
                  "rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}))
"""


def measure(code: Path, bundle: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(code), str(bundle)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--baseline", type=Path, help="another checkout to compare with")
    args = parser.parse_args()
    here = Path(__file__).resolve().parents[1]
    codes = [("this", here)] + ([("baseline", args.baseline)] if args.baseline else [])
    with tempfile.TemporaryDirectory(prefix="factdesk-bench-verify-") as folder:
        database = Database(build(Path(folder) / "bench.sqlite3", args.claims))
        bundle = Path(folder) / "bundle.zip"
        export_report(database, ReportFormat.bundle, ReportSelection(), output=bundle)
        database.dispose()
        runs: dict[str, list[dict[str, float]]] = {name: [] for name, _ in codes}
        for _ in range(args.repeat):
            for name, code in codes:
                runs[name].append(measure(code, bundle))
        size = bundle.stat().st_size / 1024 / 1024
        print(f"bundle of {args.claims:,} claims, {size:.1f} MiB; medians of {args.repeat} runs")
        for name, rows in runs.items():
            cpu = statistics.median(r["cpu"] for r in rows)
            rss = statistics.median(r["rss_mib"] for r in rows)
            ok = all(r["ok"] for r in rows)
            print(f"  {name:9} {cpu:6.2f} CPU s   {rss:5.0f} MiB max RSS   ok={ok}")


if __name__ == "__main__":
    main()
