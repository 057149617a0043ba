"""Counts read as people say them: "1 claim was found", never "1 claims"."""

from __future__ import annotations

from claims.wording import counted


def test_one_is_singular_and_every_other_count_plural() -> None:
    assert counted(1, "claim") == "1 claim"
    assert [counted(n, "claim") for n in (0, 2)] == ["0 claims", "2 claims"]
    assert counted(12500, "claim") == "12,500 claims"
    assert counted(2, "match", "matches") == "2 matches"
    assert counted(1, "match", "matches") == "1 match"
