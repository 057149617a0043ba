"""Propose the passages of an evidence text most likely to bear on a claim.

Each sentence of the evidence (`claims.text.extraction.split_sentences`) gets a score;
the best `limit` with a positive score come back, best first (ties: earlier first).

Numeric claim, per claimed figure (dates only frame, they do not count), the best
figure of the sentence:

    same kind and the same counted noun or unit (across languages)   +3.0
    same kind, noun unknown on one side ("20.000", "personnes")       +1.5
      (+3.0 when the claim has no noun but names the evidence figure's:
       "nous en comptons 20.000" in a sentence about coopératives)
    its value agrees with the claim (cross-check `within`)            +2.0
    else closeness: 1 - |deviation|, at least 0                       +0..1

A claimed factor ("a doublé") scores like a same-noun figure against the ratio
of two figures of the same thing in the sentence (20 347 ... contre 10 112).

plus 1.0 per shared key term (at most 4.0), so a sentence about the same thing
outranks a stray figure of the same kind.

Factual claim (or a numeric claim whose figures match nothing): 2.0 per shared
name (a capitalised word) and 1.0 per shared key term. Key terms are words with
stopwords removed, case and accents folded, light stemming, French and English
paired through `claims.text.vocabulary` (organisé/organised, sommet/summit).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from claims.text.crosscheck.compare import compare, ratio_checks
from claims.text.crosscheck.rules import interval_of, overlaps
from claims.text.extraction import split_sentences
from claims.text.languages import Language, language
from claims.text.quantities import Quantity, find_quantities
from claims.text.vocabulary import concept, noun_match, term_key, words

_SAME_NOUN: Final = 3.0
_UNKNOWN_NOUN: Final = 1.5
_AGREES: Final = 2.0
_PER_TERM: Final = 1.0
_TERMS_CAP: Final = 4.0
_PER_NAME: Final = 2.0
_FAMILY: Final[dict[str, str]] = {"count": "amount", "measure": "amount"}


@dataclass(frozen=True)
class Passage:
    """One proposed sentence: `text` is `evidence_text[start:end]`."""

    text: str
    start: int
    end: int
    score: float
    reasons: tuple[str, ...]


def _terms(text: str) -> set[str]:
    return {key for w in words(text) if (key := term_key(w)) is not None and len(key) > 1}


def _names(text: str) -> set[str]:
    """Capitalised words (not the first word of the text), as term keys."""
    found = words(text)
    return {
        key
        for w in found[1:]
        if w[:1].isupper() and len(w) > 1 and (key := term_key(w)) is not None
    }


def _family(q: Quantity) -> str:
    return _FAMILY.get(q.kind, q.kind)


def _figure_score(
    claimed: Quantity, figures: Sequence[Quantity], claim_terms: set[str]
) -> tuple[float, str | None]:
    best: tuple[float, str | None] = (0.0, None)
    if claimed.kind == "factor" and not any(q.kind == "factor" for q in figures):
        for check in ratio_checks(claimed, figures):
            dev = abs(check.deviation) if check.deviation is not None else 1.0
            bonus = _AGREES if check.result == "within" else max(0.0, 1 - dev)
            return _SAME_NOUN + bonus, check.reason
    for q in figures:
        if _family(q) != _family(claimed):
            continue
        match = noun_match(claimed.unit, q.unit)
        if match == "other":
            continue
        if match == "unknown" and claimed.unit is None and concept(q.unit) in claim_terms:
            # "nous en comptons 20.000": the figure has no noun, but the claim talks
            # about what the evidence figure counts (coopératives)
            match = "same"
        score = _SAME_NOUN if match == "same" else _UNKNOWN_NOUN
        if overlaps(interval_of(claimed), interval_of(q)):
            score += _AGREES
            why = f"{q.surface.strip()} agrees with {claimed.surface.strip()}"
        else:
            check = compare(claimed, q)
            closeness = max(0.0, 1 - abs(check.deviation)) if check.deviation is not None else 0
            score += closeness
            why = f"{q.surface.strip()} is the same kind of figure as {claimed.surface.strip()}"
        if score > best[0]:
            best = (score, why)
    return best


def propose_passages(
    claim_text: str,
    claim_quantities: Sequence[Quantity],
    claim_kind: str,
    evidence_text: str,
    *,
    lang: str | Language,
    limit: int = 5,
) -> list[Passage]:
    """The sentences of `evidence_text` most likely to bear on the claim, best first.

    `lang` is the evidence's language (a registered code or a `Language`).
    """
    reading = language(lang)
    if not evidence_text.strip() or limit <= 0:
        return []
    sentences = split_sentences(evidence_text, reading)
    figures = find_quantities(evidence_text, reading.numbers)
    claimed = [q for q in claim_quantities if q.kind != "date"]
    numeric = claim_kind in ("numeric", "derived") and bool(claimed)
    claim_terms, claim_names = _terms(claim_text), _names(claim_text)
    scored: list[Passage] = []
    for sentence in sentences:
        inside = [q for q in figures if sentence.start <= q.start and q.end <= sentence.end]
        shared = claim_terms & _terms(sentence.text)
        reasons: list[str] = []
        score = 0.0
        if numeric:
            for q in claimed:
                points, why = _figure_score(q, inside, claim_terms)
                score += points
                if why:
                    reasons.append(why)
            if score:
                score += min(_TERMS_CAP, _PER_TERM * len(shared))
        if not score:
            names = claim_names & _names(sentence.text)
            score = _PER_NAME * len(names) + 1.0 * len(shared - names)
            if names:
                reasons.append("names: " + ", ".join(sorted(names)))
        if shared:
            reasons.append("terms: " + ", ".join(sorted(shared)))
        if score > 0:
            scored.append(
                Passage(
                    sentence.text, sentence.start, sentence.end, round(score, 3), tuple(reasons)
                )
            )
    scored.sort(key=lambda p: (-p.score, p.start))
    return scored[:limit]
