"""A fingerprint that finds the same claim again, in the same article or another.

The sentence is folded (case, accents, apostrophes), numbers are written one
way (20.000, 20 000 and 20,000 all become 20000; 1,5 becomes 1.5), every other
punctuation mark but % and run of whitespace becomes one space; the fingerprint is
the first 32 hex digits of the SHA-256 of that. It depends on the words only,
not on what quantity recognition makes of them, so it stays stable when the
recognisers improve.
"""

from __future__ import annotations

import hashlib
import re

from claims.text.extraction.textfold import fold

_VERSION = "fp1"
_THOUSANDS = re.compile(r"(?<![\d.,])(\d{1,3})((?:[ .,\u00a0\u202f\u2009]\d{3})+)(?![\d]|[.,]\d)")
_DECIMAL_COMMA = re.compile(r"(?<=\d),(?=\d)")
_PERCENT = re.compile(r"\s*%")
_PUNCT = re.compile(r"(?:(?<!\d)\.|\.(?!\d)|[^\w.%])+")


def normalise(sentence: str) -> str:
    """The sentence as the fingerprint sees it."""
    text = fold(sentence)
    text = _THOUSANDS.sub(lambda m: m.group(1) + re.sub(r"\D", "", m.group(2)), text)
    text = _DECIMAL_COMMA.sub(".", text)
    text = _PERCENT.sub(" %", text)
    return " ".join(_PUNCT.sub(" ", text).split())


def fingerprint(sentence: str) -> str:
    """Stable hash of the normalised sentence."""
    data = f"{_VERSION}\x00{normalise(sentence)}".encode()
    return hashlib.sha256(data).hexdigest()[:32]
