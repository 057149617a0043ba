"""What stored claims always keep, on the seed and on the whole demo corpus.

Every stated figure lies inside its own claim's sentence; every derived total
names the stated figures it comes from, in its own sentence; no two stated
claims share a span. The shared evaluation script checks the same from the
outside, on `factdesk claims --format json`.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.support.shared import shared_file


def test_every_stated_figure_lies_inside_its_own_claim(corpus: list[dict[str, Any]]) -> None:
    stated = [c for c in corpus if c["kind"] != "derived"]
    # the seed states four figures (20.000, 50 pc, une cinquantaine, dix années);
    # "le premier Sommet" names an event, no figure (issue 10)
    assert sum(len(c["quantities"]) for c in stated) >= 4
    for claim in stated:
        at = claim["start"]
        for q in claim["quantities"]:
            assert at <= q["start"] < q["end"] <= claim["end"], (claim["id"], q["surface"])
            assert claim["text"][q["start"] - at : q["end"] - at] == q["surface"]


def test_every_derived_total_names_stated_figures_of_its_own_sentence(
    corpus: list[dict[str, Any]],
) -> None:
    figures = {q["id"]: (c, q) for c in corpus if c["kind"] != "derived" for q in c["quantities"]}
    derived = [c for c in corpus if c["kind"] == "derived"]
    assert derived, "the seed and the demo both hold one part-and-share sentence"
    for total in derived:
        assert len(total["derived_from"]) == 2, total["text"]
        assert total["fingerprint"].startswith("derived:")
        assert total["reasoning"]
        for figure_id in total["derived_from"]:
            claim, q = figures[figure_id]
            key = (claim["snapshot_id"], claim["start"], claim["end"])
            assert key == (total["snapshot_id"], total["start"], total["end"])
            assert q["surface"] in total["reasoning"]
        [quantity] = total["quantities"]
        assert total["start"] <= quantity["start"] < quantity["end"] <= total["end"]


def test_no_two_stated_claims_share_a_span(corpus: list[dict[str, Any]]) -> None:
    spans = [(c["snapshot_id"], c["start"], c["end"]) for c in corpus if c["kind"] != "derived"]
    assert len(spans) == len(set(spans))


def test_the_shared_invariant_checker_finds_no_problem(
    corpus: list[dict[str, Any]], tmp_path: Path
) -> None:
    script = shared_file("eval", "check_invariants.py")
    listing = tmp_path / "claims.json"
    listing.write_text(json.dumps({"claims": corpus}, ensure_ascii=False), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script), str(listing)], capture_output=True, text=True, check=False
    )
    assert done.stdout.splitlines()[-1] == f"invariants: {len(corpus)} claims, 0 problems"
    assert done.returncode == 0, done.stdout
