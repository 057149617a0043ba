"""Where the repository and its data folders are, for tests at any depth."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
"""The repository's top folder."""
DEMO = ROOT / "sources" / "demo"
"""The demo corpus: pages and their manifest."""
