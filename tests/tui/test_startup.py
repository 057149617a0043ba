"""Opening the queue loads neither the fetcher nor page or claim extraction.

Those are half of what the app would otherwise import before its first painted
page (bench/tui_startup.py); the sources and claim screens load them on first
use, and the queue warms the claim screen up once its first page is shown.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFERRED = (
    "httpx",
    "trafilatura",
    "bs4",
    "numpy",
    "claims.text.extraction",
    "claims.text.quantities",
    "sources.fetching",
    "sources.ingest",
    "tui.screens.sources",
    "tui.screens.claim",
)


def test_the_app_and_its_queue_import_no_fetcher_or_extractor() -> None:
    script = (
        "import sys\n"
        "import tui.app, tui.screens.queue\n"
        f"print(','.join(m for m in {DEFERRED!r} if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "", f"importing the app loaded {out.stdout.strip()}"
