"""Very large texts are extracted block by block, with offsets into the whole text."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys

from claims.text.extraction import extract_claims
from claims.text.extraction.stream import blocks, iter_claims

PARAGRAPHS = [
    "Le port emploie {n} 500 personnes, selon l'autorité portuaire.",
    "« Nous avons créé plus de {n}00 emplois », a déclaré la directrice Salma Idrissi.",
    "Les exportations d'agrumes ont progressé de {n},5 % sur un an.",
]


def _text(count: int) -> str:
    return "\n\n".join(PARAGRAPHS[i % len(PARAGRAPHS)].format(n=10 + i % 37) for i in range(count))


def test_blocks_cover_the_text_and_cut_at_breaks() -> None:
    text = _text(300)
    cuts = list(blocks(text, 2_000))
    assert cuts[0][0] == 0
    assert cuts[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(cuts))
    assert all(text[end - 2 : end] == "\n\n" for _, end in cuts[:-1])


def test_block_by_block_gives_the_claims_of_the_whole_text() -> None:
    text = _text(300)
    whole = extract_claims(text, "fr")
    streamed = list(iter_claims(text, "fr", size=2_000))
    assert [c.fingerprint for c in streamed] == [c.fingerprint for c in whole]
    for claim in streamed:
        assert text[claim.start : claim.end] == claim.text
        for q in claim.quantities:
            assert text[q.start : q.end] == q.surface
    assert len({c.fingerprint for c in streamed}) == len(streamed)


def test_a_short_text_is_one_block() -> None:
    text = _text(5)
    assert list(iter_claims(text, "fr")) == extract_claims(text, "fr")


def test_extract_streams_valid_json_for_a_large_text() -> None:
    text = _text(6_000)  # about 400 KB: several blocks
    script = "import sys\nfrom tui.cli import main\nsys.exit(main())\n"
    out = subprocess.run(
        [sys.executable, "-c", script, "extract", "-", "--lang", "fr"],
        input=text,
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(out.stdout)
    assert data["language"] == "fr"
    assert len(data["claims"]) == len({c["fingerprint"] for c in data["claims"]}) > 100
    for claim in data["claims"]:
        assert text[claim["start"] : claim["end"]] == claim["text"]
