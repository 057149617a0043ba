"""Hostile or odd input never crashes `find_quantities` and never makes it
slow: every pattern is linear (1 MB inputs below would take minutes with a
backtracking regex or a quadratic scan). Timing itself is in `bench/`."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from claims.text.quantities import find_quantities

MB = 1_000_000


def _digits_and_spaces() -> str:
    rng = random.Random(7)
    return "".join(rng.choice("0123456789 ") for _ in range(MB))


def _binary() -> str:
    rng = random.Random(7)
    return bytes(rng.randrange(256) for _ in range(MB // 4)).decode("latin-1")


HOSTILE: dict[str, Callable[[], str]] = {
    "digits and spaces": _digits_and_spaces,
    "dotted ones": lambda: "1." * (MB // 2),
    "no spaces": lambda: "a" * MB,
    "one huge number": lambda: "7" * MB,
    "hyphenated number words": lambda: "vingt-" * (MB // 30),
    "binary junk": _binary,
    "no sentence end": lambda: "le prix de 20 euros et 30 % " * 10_000,
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_megabytes_finish_with_offsets_inside_the_text(name: str) -> None:
    text = HOSTILE[name]()
    for q in find_quantities(text, "fr"):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.surface


def test_empty_and_blank_texts_have_no_quantities() -> None:
    assert find_quantities("", "fr") == []
    assert find_quantities(" \n\t\u00a0", "en") == []


def test_control_characters_and_nul_bytes_are_just_text() -> None:
    qs = find_quantities("\x00\x1b[31m 40 morts\x07\ufffd", "fr")
    assert [(q.value, q.unit) for q in qs] == [(40, "morts")]


def test_right_to_left_and_mixed_scripts_keep_exact_offsets() -> None:
    text = "بلغ عدد التعاونيات 20.000 تعاونية — 合作社 50 pc, Кооперативы 3 000."
    qs = find_quantities(text, "fr")
    assert [q.value for q in qs] == [20000, 50, 3000]
    for q in qs:
        assert text[q.start : q.end] == q.surface


def test_a_long_text_is_read_whole_across_its_pieces() -> None:
    line = "Plus de 1 300 jeunes ont bénéficié de 4,2 milliards de dirhams.\n"
    text = line * 2000  # longer than one piece: read in several
    qs = find_quantities(text, "fr")
    assert len(qs) == 4000
    assert {q.value for q in qs} == {1300, 4.2e9}
    for q in qs[-2:]:
        assert text[q.start : q.end] == q.surface


def test_huge_exponents_are_not_figures() -> None:
    assert find_quantities("2^9999999 and 10^-9999 and 1/" + "9" * 5000, "en") == []
    assert find_quantities("7" * 500, "en") == []
