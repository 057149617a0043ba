"""The index shortcut scores exactly as pair-by-pair scoring does, on the labelled pairs."""

from __future__ import annotations

from claims.text.matching import KeyIndex, Prepared
from claims.text.matching.score import text_similarity
from tests.support.factcheck_pairs import load_pairs, read


def test_candidates_and_near_give_the_same_text_scores() -> None:
    pairs = load_pairs()
    reviews: list[Prepared] = [read(p.factcheck) for p in pairs]
    claims: list[Prepared] = [read(p.claim) for p in pairs]
    index = KeyIndex(r.keys for r in reviews)
    for claim in claims:
        near = index.near(claim.keys)
        candidates = set(index.candidates(claim.keys, near))
        for position, review in enumerate(reviews):
            plain = text_similarity(claim, review)
            assert text_similarity(claim, review, near) == plain, (claim.text, review.text)
            if plain[0] > 0:
                assert position in candidates, (claim.text, review.text)
    # The shortcut is a shortcut: most reviews of another topic are never scored.
    assert sum(len(index.candidates(c.keys)) for c in claims) < 0.5 * len(claims) * len(reviews)
