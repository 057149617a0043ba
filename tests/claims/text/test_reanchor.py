"""Re-anchoring an evidence quote in a newer snapshot of its page (refresh)."""

from __future__ import annotations

import pytest

from claims.text.anchoring import anchor_quote, reanchor

OLD = (
    "Chiffres clés de la coopération au 31 décembre 2025. "
    "Au 31 décembre 2025, le registre national comptait 20 347 coopératives actives, "
    "contre 10 112 fin 2014. Les coopératives actives regroupaient 681 200 adhérents, "
    "dont 58 % résident en milieu rural. La part des coopératives dirigées par des femmes "
    "s'établit à 31 %, en hausse de deux points sur un an."
)
QUOTE = "le registre national comptait 20 347 coopératives actives"


def filler(size: int) -> str:
    """Deterministic French-looking prose of about `size` characters."""
    words = (
        "le",
        "registre",
        "des",
        "coopératives",
        "comptait",
        "en",
        "région",
        "fin",
        "national",
        "adhérents",
        "rural",
        "la",
        "part",
        "hausse",
        "points",
        "année",
    )
    out: list[str] = []
    n = 0
    i = 0
    while n < size:
        word = words[(i * 7 + i // 5) % len(words)]
        out.append(word + ("." if i % 13 == 12 else ""))
        n += len(word) + 1
        i += 1
    return " ".join(out)


@pytest.mark.parametrize(
    ("new_text", "status", "new_exact"),
    [
        (OLD, "unchanged", QUOTE),
        ("Mise à jour : données corrigées. " + OLD, "moved", QUOTE),
        (
            OLD.replace("20 347", "20 412"),
            "changed",
            "le registre national comptait 20 412 coopératives actives",
        ),
        (
            OLD.replace(
                "Au 31 décembre 2025, le registre national comptait 20 347 coopératives "
                "actives, contre 10 112 fin 2014. ",
                "",
            ),
            "vanished",
            None,
        ),
    ],
)
def test_reanchor_outcomes(new_text: str, status: str, new_exact: str | None) -> None:
    old = anchor_quote(OLD, QUOTE)
    result = reanchor(new_text, old)
    assert result.status == status
    if new_exact is None:
        assert result.anchor is None
        return
    assert result.anchor is not None
    start, end = result.anchor.position.start, result.anchor.position.end
    assert new_text[start:end] == result.anchor.quote.exact == new_exact
    if status in ("unchanged", "moved"):
        assert result.similarity == 1.0
    else:
        assert 0.75 <= result.similarity < 1.0
        assert result.anchor.method == "fuzzy"


def test_moved_quote_among_repeats_keeps_its_context() -> None:
    text = "En 2024 : 31 % des coopératives. En 2025 : 31 % des coopératives. Fin."
    start = text.index("31 %", text.index("En 2025"))
    old = anchor_quote(text[start - 10 :], "31 % des coopératives")
    old_in_text = reanchor(text, old)
    assert old_in_text.status in ("moved", "unchanged")
    assert old_in_text.anchor is not None
    assert old_in_text.anchor.position.start == start


def test_reanchor_in_200_kb_texts() -> None:
    before, after = filler(100_000), filler(100_000)
    old_text = before + " " + OLD + " " + after
    old = anchor_quote(old_text, QUOTE)
    inserted = "Un nouveau paragraphe ajouté en tête de page. " * 40 + old_text
    moved = reanchor(inserted, old)
    assert moved.status == "moved"
    assert moved.anchor is not None
    assert moved.anchor.position.start == old.position.start + len(inserted) - len(old_text)
    corrected = inserted.replace("20 347 coopératives", "20 351 coopératives")
    changed = reanchor(corrected, old)
    assert changed.status == "changed"
    assert changed.anchor is not None
    assert "20 351 coopératives" in changed.anchor.quote.exact
    removed = inserted.replace(OLD, "")
    assert reanchor(removed, old).status == "vanished"


def test_min_similarity_decides_changed_or_vanished() -> None:
    old = anchor_quote(OLD, QUOTE)
    rewritten = OLD.replace(
        "le registre national comptait 20 347 coopératives actives",
        "le fichier officiel recensait 20 347 structures actives",
    )
    assert reanchor(rewritten, old, min_similarity=0.95).status == "vanished"
    loose = reanchor(rewritten, old, min_similarity=0.5)
    assert loose.status == "changed"
    assert loose.anchor is not None
    assert "20 347 structures" in loose.anchor.quote.exact
