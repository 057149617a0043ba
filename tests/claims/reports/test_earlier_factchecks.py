"""Earlier fact-checks of a claim appear in its report, as ``factdesk show`` gives them.

The desk's "20.000 coopératives" claim matches an imported fact-check about
Moroccan cooperatives and not one about tourism; JSON holds the same matches
as ``show --format json`` (with the headline and the score and why), Markdown
and HTML print "already checked by … on …: rating" with the score and why.
Claims without a match print no such section.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup

from tests.claims.factchecks.reviews import COOPS, COOPS_URL, TOURISM, data_feed, dumps
from tests.claims.reports.conftest import Desk, ok

HEADLINE = "already checked by Desk Check on 2024-03-02: Mostly false"


def _imported(desk: Desk, tmp_path: Path) -> tuple[str, str, list[dict[str, Any]]]:
    feed = tmp_path / "feed.json"
    feed.write_bytes(dumps(data_feed(COOPS, TOURISM)))
    ok(desk.cli("factchecks", "import", str(feed)))
    coops = str(desk.claim("20.000")["id"])
    other = str(desk.claim("cinquantaine")["id"])
    shown = json.loads(ok(desk.cli("show", coops, "--format", "json")).stdout)
    return coops, other, shown["fact_checks"]


def test_json_holds_the_matches_show_gives(desk: Desk, tmp_path: Path) -> None:
    coops, other, shown = _imported(desk, tmp_path)
    assert [m["url"] for m in shown] == [COOPS_URL]
    claims = {str(c["id"]): c for c in desk.report_json()["claims"]}
    found = claims[coops]["fact_checks"]
    assert [{k: m[k] for k in shown[0]} for m in found] == shown
    assert found[0]["headline"] == HEADLINE
    assert found[0]["why"].startswith(f"score {shown[0]['score']:.2f}; ")
    assert claims[other]["fact_checks"] == []


def test_markdown_and_html_say_already_checked_with_score_and_why(
    desk: Desk, tmp_path: Path
) -> None:
    coops, other, shown = _imported(desk, tmp_path)
    score = f"score {shown[0]['score']:.2f}"

    result, md_path = desk.report("md")
    ok(result)
    text = md_path.read_text(encoding="utf-8")
    section = text.split(f"## Claim {coops}", 1)[1].split("## Claim", 1)[0]
    earlier = section.split("### Earlier fact-checks", 1)[1]
    assert f"- {HEADLINE}: «Morocco has 20,000 cooperatives" in earlier
    assert score in earlier
    assert f"<{COOPS_URL}>" in earlier
    assert "tourist" not in section
    other_section = text.split(f"## Claim {other}", 1)[1].split("## Claim", 1)[0]
    assert "Earlier fact-checks" not in other_section

    result, html_path = desk.report("html")
    ok(result)
    soup = BeautifulSoup(html_path.read_text(encoding="utf-8"), "html.parser")
    claim = soup.find("section", id=f"claim-{coops}")
    assert claim is not None
    items = [li.get_text() for li in claim.select("ul.fact-checks > li")]
    assert len(items) == 1
    assert items[0].startswith(HEADLINE)
    assert score in items[0]
    other_claim = soup.find("section", id=f"claim-{other}")
    assert other_claim is not None
    assert other_claim.select("ul.fact-checks") == []
