"""Hostile and degenerate input: extraction returns (possibly no) claims, never crashes.

Each test also checks that every claim still points at its own characters
(`text[start:end]`), since that is what provenance rests on. Sizes are small;
the 50 MB run and the timings live in bench/claims_speed.py.
"""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from claims.text.extraction import (
    ExtractedClaim,
    UnsupportedLanguage,
    extract_claims,
    split_sentences,
)
from claims.text.extraction.sentences import MAX_SENTENCE_CHARS
from claims.text.languages import SUPPORTED
from tests.support.paths import DEMO


def checked(text: str, lang: str) -> list[ExtractedClaim]:
    """The claims of `text`, after checking every span is exact."""
    claims = extract_claims(text, lang)
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text
        for span in claim.spans:
            assert text[span.start : span.end] == claim.text
        for quantity in claim.quantities:
            assert text[quantity.start : quantity.end] == quantity.surface
    return claims


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "\u00a0\u202f\t", ".", "?!…", "« »"])
def test_empty_and_blank_texts_have_no_claims(text: str) -> None:
    for lang in SUPPORTED:
        assert checked(text, lang) == []
        assert split_sentences(text, lang) == []


def test_binary_junk_gives_no_crash() -> None:
    rng = random.Random(7)
    junk = bytes(rng.randrange(256) for _ in range(20_000))
    for text in (junk.decode("latin-1"), junk.decode("utf-8", errors="replace")):
        checked(text, "fr")
        checked(text, "en")


def test_control_characters_and_nul_bytes_are_just_characters() -> None:
    text = "\x00\x1b[31mLe port emploie 12 500 personnes.\x07\x00 Fin\x1b]8;;x\x1b\\."
    claims = checked(text, "fr")
    port = next(c for c in claims if "port" in c.text)
    assert 12500.0 in [q.value for q in port.quantities]


def test_text_with_no_sentence_end_is_cut_into_bounded_pieces() -> None:
    clause = "le port emploie 12 500 personnes selon la direction, "
    text = clause * 400  # 21,600 characters, no sentence end
    pieces = split_sentences(text, "fr")
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in pieces)
    assert all(s.text == text[s.start : s.end] for s in pieces)
    # Cut at clause marks, so each piece still ends a clause.
    assert all(s.text.endswith(",") for s in pieces[:-1])
    claims = checked(text, "fr")
    assert claims
    assert all(q.value == 12500 for c in claims for q in c.quantities)


def test_ten_thousand_character_line_of_the_hostile_fixture() -> None:
    text = (DEMO / "hostile.txt").read_text(encoding="utf-8")
    assert max(len(line) for line in text.splitlines()) >= 10_000
    claims = checked(text, "en")
    assert any(q.value == 40 for c in claims for q in c.quantities)


def test_one_word_of_ten_thousand_characters() -> None:
    assert checked("x" * 10_000, "en") == []


def test_all_digits() -> None:
    checked("1234567890" * 2_000, "fr")
    checked("1 " * 5_000, "en")
    checked("1.000." * 2_000, "fr")


@pytest.mark.parametrize(
    "text",
    [
        "Aa-" * 300,  # used to backtrack exponentially in the person-name pattern
        "Aa " * 3_000,
        "M. " * 3_000,
        "selon " * 2_000,
        "a déclaré " * 2_000,
        "« " * 3_000,
        '" ' * 3_000,
        "l'" * 3_000,
    ],
    ids=lambda t: repr(t[:12]),
)
def test_adversarial_repetitions_finish(text: str) -> None:
    checked(text, "fr")


def test_right_to_left_scripts_alone_give_no_crash() -> None:
    arabic = "قال الوزير إن عدد التعاونيات بلغ 20000 تعاونية في عام 2024. "
    hebrew = "השר אמר כי מספר הקואופרטיבים הגיע ל-20,000 בשנת 2024. "
    for lang in SUPPORTED:
        checked(arabic * 20, lang)
        checked(hebrew * 20, lang)


def test_claims_survive_among_other_scripts() -> None:
    text = (
        "مرحبا بكم. Le ministre a déclaré que le port emploie 12 500 personnes. "
        "שלום לכולם. « Nous avons créé 3 000 emplois », a dit M. Karim Alaoui. 東京 2024."
    )
    claims = checked(text, "fr")
    values = {q.value for c in claims for q in c.quantities}
    assert {12500.0, 3000.0} <= values
    assert next(c for c in claims if "3 000" in c.text).claimant == "Karim Alaoui"


def test_bidi_controls_inside_a_sentence_keep_offsets_exact() -> None:
    text = (
        "Le port emploie \u200f12 500\u200e personnes \u202bمرحبا\u202c selon l'Autorité portuaire."
    )
    checked(text, "fr")


def test_unknown_language_names_the_choices() -> None:
    with pytest.raises(UnsupportedLanguage, match=r"use one of fr, en$"):
        extract_claims("Hallo Welt.", "de")


def test_command_line_says_in_one_line_when_a_file_is_not_text(tmp_path: Path) -> None:
    path = tmp_path / "image.bin"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe\x00\x00" + bytes(range(256)))
    done = subprocess.run(
        [sys.executable, "-m", "claims.text.extraction", "--lang", "fr", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert len(done.stderr.strip().splitlines()) == 1
    assert "image.bin" in done.stderr
