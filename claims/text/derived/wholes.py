"""The words around a part and its share: the whole named after the share, and the link.

    whole_after(sentence, share_end, lexicon) -> Whole | None
    link_between(gap, lexicon) -> "link" | "apposition" | None      part, then share
    link_back(gap, lexicon) -> bool                                 share, then part

All offsets are into the sentence; nothing here looks past it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from claims.text.languages.derived_lexicon import DerivedLexicon

WholeMeasure = Literal["count", "money", "measure", "any"]
Link = Literal["link", "apposition"]

MAX_WHOLE_WORDS = 8
"""A longer phrase after a share is a clause, not the name of a whole."""
MAX_PART_WORDS = 3
"""Words of the part's own noun phrase between it and the link ("jeunes formés")."""

_TOKEN = re.compile(r"\s*(?:(?P<word>[^\W\d_][\w'’.-]*)|(?P<other>\S))")
_APOSTROPHES = str.maketrans({"’": "'"})


@dataclass(frozen=True)
class Whole:
    """The whole a share is "of", as written after it."""

    said: str
    """The words that tie it to the share, as written: "de l'ensemble des", "du", "of"."""
    named: str
    """The whole as a noun phrase: "l'ensemble des coopératives actives dans le monde arabe"."""
    noun: str | None
    """What it counts: "coopératives actives dans le monde arabe"; None for "du total"."""
    head: str | None
    """The words of `noun` before its first preposition: "coopératives actives"."""
    measure: WholeMeasure
    """What the whole is measured in, read from its head noun; "any" without a noun
    or for a noun counted either way ("des exportations")."""
    totality: bool
    """The words say "all of it" ("de l'ensemble des", "of the total"), not only "of the"."""
    end: int


def _pattern(phrase: str) -> str:
    """A lexicon phrase as a regex: any run of spaces, both apostrophes, comma optional
    unless the phrase starts with one."""
    body = r"\s+".join(re.escape(w) for w in phrase.lstrip(", ").split())
    body = body.replace("'", "['’]")
    return (r",\s*" if phrase.startswith(",") else r",?\s*") + body


@cache
def _markers(lexicon: DerivedLexicon) -> re.Pattern[str]:
    def alternatives(phrases: tuple[str, ...]) -> str:
        ordered = sorted(phrases, key=len, reverse=True)
        return "|".join(
            r"\s+".join(re.escape(w) for w in p.split()).replace("'", "['’]") for p in ordered
        )

    return re.compile(
        rf"(?i)\s+(?:(?P<all>{alternatives(lexicon.totality)})|(?P<of>{alternatives(lexicon.of_the)}))"
        r"(?:(?<=['’])|\s+|(?=\s*[^\w\s])|$)"
    )


@cache
def _links(lexicon: DerivedLexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    def alternatives(phrases: tuple[str, ...]) -> str:
        return "|".join(_pattern(p) for p in sorted(phrases, key=len, reverse=True))

    adverbs = "|".join(re.escape(a).replace("'", "['’]") for a in lexicon.adverbs)
    forward = re.compile(
        rf"(?i)^(?P<rest>(?:\s+[^\W\d_][\w'’-]*){{0,{MAX_PART_WORDS}}})\s*"
        rf"(?:(?P<link>{alternatives(lexicon.links)})\s+(?:(?:{adverbs})\s+)?|(?P<comma>,\s*))$"
    )
    back = re.compile(rf"(?i)^\s*(?:{alternatives(lexicon.links_back)})\s+$")
    return forward, back


def link_between(gap: str, lexicon: DerivedLexicon) -> Link | None:
    """How the words between a part and the share after it tie them: by a link word
    ("ce qui représente", "soit", ", or"), by a bare comma (an apposition), or not at all."""
    match = _links(lexicon)[0].match(gap)
    if match is None:
        return None
    if match.group("link") is not None:
        return "link"
    # An apposition ties only the part's own figure: "20.000 coopératives, 50 % de …".
    return "apposition" if not match.group("rest").strip() else None


def link_back(gap: str, lexicon: DerivedLexicon) -> bool:
    """True when the words between a whole and the part after it restate the share
    as that part: "50 % des coopératives, soit 20.000"."""
    return _links(lexicon)[1].match(gap) is not None


def whole_after(sentence: str, at: int, lexicon: DerivedLexicon) -> Whole | None:
    """The whole named right after a share ending at `at`, or None when the share is
    not explicitly "of" something ("50 pc de plus", "40 % d'entre elles")."""
    marker = _markers(lexicon).match(sentence, at)
    if marker is None:
        return None
    totality = marker.group("all") is not None
    said = " ".join(marker.group("all" if totality else "of").split())
    words = _noun_phrase(sentence, marker.end(), lexicon)
    last = said.split()[-1].translate(_APOSTROPHES).lower()
    if totality and last in lexicon.generic_wholes and (lexicon.noun_first or not words):
        # "du total", "of the total": the sentence does not say what the total counts
        # (in French an adjective after it is not a noun: "du total national").
        end = marker.start("all") + len(marker.group("all"))
        return Whole(said, _named(said, lexicon), None, None, "any", True, end)
    if not words:
        return None
    noun = " ".join(w for w, _, _ in words)
    end = words[-1][2]
    space = "" if said.endswith(("'", "’")) else " "
    named = _named(f"{said}{space}{noun}", lexicon)
    head = _head_chunk([w for w, _, _ in words], lexicon)
    return Whole(said, named, noun, " ".join(head), _measure(head, lexicon), totality, end)


def _noun_phrase(sentence: str, at: int, lexicon: DerivedLexicon) -> list[tuple[str, int, int]]:
    """(word, start, end) of the noun phrase at `at`, up to punctuation, a digit or a stop."""
    out: list[tuple[str, int, int]] = []
    for token in _TOKEN.finditer(sentence, at):
        word = token.group("word")
        if word is None:
            break
        folded = word.translate(_APOSTROPHES).lower().rstrip(".")
        elided = folded.split("'", 1)[0] + "'" if "'" in folded else None
        if folded in lexicon.stops or (elided is not None and elided in lexicon.stops):
            break
        word = word.rstrip(".")
        out.append((word, token.start("word"), token.start("word") + len(word)))
        if len(out) > MAX_WHOLE_WORDS:
            return []
    while out and out[-1][0].translate(_APOSTROPHES).lower() in lexicon.prepositions:
        out.pop()
    return out


def _head_chunk(words: list[str], lexicon: DerivedLexicon) -> list[str]:
    """The words before the first preposition ("chiffre | d'affaires", "jobs | in …")."""
    chunk: list[str] = []
    for word in words:
        folded = word.translate(_APOSTROPHES).lower()
        elided = folded.split("'", 1)[0] + "'" if "'" in folded else None
        if folded in lexicon.prepositions or (
            elided is not None and elided in lexicon.prepositions
        ):
            break
        chunk.append(word)
    return chunk


def _measure(chunk: list[str], lexicon: DerivedLexicon) -> WholeMeasure:
    """What the whole's head noun is measured in: money, a unit, or a count."""
    if not chunk:
        return "count"
    head = (chunk[0] if lexicon.noun_first else chunk[-1]).translate(_APOSTROPHES).lower()
    if head in lexicon.money_wholes:
        return "money"
    if head in lexicon.open_wholes:
        return "any"
    if head in lexicon.measure_wholes:
        return "measure"
    return "count"


def _named(said: str, lexicon: DerivedLexicon) -> str:
    """The whole without the "of" that ties it to the share: "de l'ensemble des
    coopératives" -> "l'ensemble des coopératives", "du total" -> "le total"."""
    lowered = said.lower()
    for prefix, replacement in lexicon.of_prefixes:
        if lowered.startswith(prefix):
            return replacement + said[len(prefix) :]
    return said
