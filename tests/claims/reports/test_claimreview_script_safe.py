"""The ClaimReview export is pasted into a <script> element: page text cannot close it."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup

from tests.claims.reports.conftest import Desk, ok

HOSTILE_WHY = '</script><script>alert("why")</script> & <!-- <b>'


def test_claimreview_json_cannot_close_its_script_element(desk: Desk) -> None:
    fifty = desk.claim("cinquantaine")  # its sentence holds <script>alert("x")</script>
    ok(desk.cli("verdict", str(fifty["id"]), "false", "--why", HOSTILE_WHY))
    result, path = desk.report("claimreview")
    assert ok(result)
    raw = path.read_text(encoding="utf-8")

    assert not {"<", ">", "&"} & set(raw), "markup characters are JSON-escaped"
    assert "\\u003c/script\\u003e" in raw

    reviews = json.loads(raw)
    review = next(r for r in reviews if "cinquantaine" in r["claimReviewed"])
    assert review["reviewBody"] == HOSTILE_WHY, "a JSON reader gets the text back whole"
    assert review["claimReviewed"] == fifty["text"]
    assert "<script>" in review["claimReviewed"]

    # What a publisher does with it: one data block, which holds all of it.
    page = f'<html><head><script type="application/ld+json">{raw}</script></head></html>'
    scripts = BeautifulSoup(page, "html.parser").find_all("script")
    assert len(scripts) == 1
    assert json.loads(scripts[0].string or "") == reviews
