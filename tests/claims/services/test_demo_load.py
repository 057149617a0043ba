"""`factdesk demo` loads the corpus without network, and again without duplicates."""

from __future__ import annotations

import json
from typing import Any

from db.engine import Database
from sources.demo import demo_pages
from tests.support.cli import CliRun, counts
from tests.support.rulings import overruled


def _claims(cli: CliRun) -> list[dict[str, Any]]:
    out = cli("claims", "--format", "json", "--limit", "100000")
    assert out.exit_code == 0, out.stderr
    claims: list[dict[str, Any]] = json.loads(out.stdout)["claims"]
    return claims


def test_demo_loads_every_page_once(cli: CliRun, database: Database) -> None:
    pages = demo_pages()
    first = cli("demo")
    assert first.exit_code == 0, first.stderr
    assert f"{len(pages)} snapshots stored" in first.stdout
    second = cli("demo")
    assert second.exit_code == 0, second.stderr
    assert f"0 snapshots stored (0 claims), {len(pages)} unchanged" in second.stdout
    c = counts(database)
    assert (c.sources, c.snapshots, c.failed_fetches) == (len(pages), len(pages), 0)
    assert c.fetches == 2 * len(pages)


def test_demo_articles_yield_their_expected_figures(cli: CliRun) -> None:
    assert cli("demo").exit_code == 0
    claims = _claims(cli)
    articles = [p for p in demo_pages() if p.role == "article"]
    source_urls = {c["source_url"] for c in claims}
    assert source_urls == {p.url for p in articles}  # source pages carry no claims
    missing = []
    for page in articles:
        mine = [c for c in claims if c["source_url"] == page.url]
        for item in page.entry.get("expected", []):
            if item.get("value") is None or overruled(item):
                continue
            hits = [
                c
                for c in mine
                if item["sentence_contains"] in c["text"]
                and any(q["value"] == item["value"] for q in c["quantities"])
            ]
            if not hits:
                missing.append((page.path.name, item["sentence_contains"], item["value"]))
    assert missing == []
