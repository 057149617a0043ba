"""Opening the queue loads neither the fetcher, page or claim extraction, nor SQLAlchemy.

Those are half of what the app would otherwise import before its first painted
page (bench/tui_startup.py); the sources and claim screens load them on first
use, and the queue warms the claim screen up once its first page is shown.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from db.engine import Database

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
    "sqlalchemy",
    "sqlmodel",
    "db.models",
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


def test_the_first_page_is_painted_without_sqlalchemy(demo_db: Database) -> None:
    # Importing SQLAlchemy, SQLModel and the tables costs more than a bare
    # Textual app takes to paint: the first page reads through the driver.
    # Here they cannot be imported at all until the first page is painted.
    script = f"""
import sys

class Refuse:
    refusing = True

    def find_spec(self, name, path=None, target=None):
        if self.refusing and name.split(".")[0] in ("sqlalchemy", "sqlmodel"):
            raise ImportError(f"{{name}} imported before the first page was painted")
        return None

refuse = Refuse()
sys.meta_path.insert(0, refuse)

from tui.app import FactdeskApp, make_app
from tui.screens.queue import QueueScreen
from tui.settings import Settings

class Once(FactdeskApp):
    def on_ready(self) -> None:
        # A page that cannot load is reported as a notice; the app would wait on.
        self.set_timer(30, lambda: self.exit(return_code=3))

    def on_queue_screen_page_shown(self, message: QueueScreen.PageShown) -> None:
        refuse.refusing = False
        print(message.page.describe(), len(message.page.rows))
        self.exit()

desk = make_app(Settings(database_url={demo_db.url!r})).desk
app = Once(desk, owns_database=True)
app.run(headless=True, size=(150, 45))
sys.exit(app.return_code or 0)
"""
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, f"no page painted within 30 s: {out.stderr[-2000:]}"
    described, rows = out.stdout.split()[0], int(out.stdout.split()[-1])
    assert described.startswith("1-")
    assert rows > 0
