"""`extract_claims`: an article's text in, its numeric and factual claims out.

Steps: take the language's word lists (`claims.text.languages`), split
sentences, register the people the article names, attribute each sentence to
a claimant, find quantities per sentence (`claims.text.quantities`), set
aside what is not a claim, classify and score, then merge repeats: a
sentence that occurs more than once (same fingerprint) is one claim with
every span.

A sentence that `claims.text.extraction.detection` classes as no claim (page
furniture, a question, an instruction, a method note, a first-person story, a
heading) is never emitted, whatever figures it holds. Otherwise a sentence is
a numeric claim when it holds a quantity that is neither a date nor an
ordinal; it is emitted unless its score falls below `NUMERIC_FLOOR` (opinion,
promise and plan together). Any other sentence is a factual candidate,
emitted when it shows a fact (an act, a first, a day or a date: see
`claims.text.extraction.scoring`) and its check-worthiness reaches
`FACTUAL_THRESHOLD`: dates and ordinals ("le premier Sommet") are kept on it
as quantities.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Final

from claims.text.extraction.attribution import attribute
from claims.text.extraction.cues import find_cues
from claims.text.extraction.derived import with_derived_totals
from claims.text.extraction.detection import not_a_claim
from claims.text.extraction.fingerprint import fingerprint
from claims.text.extraction.lexicon import FACTUAL_THRESHOLD, NUMERIC_FLOOR
from claims.text.extraction.model import ClaimKind, ExtractedClaim, Sentence, Span
from claims.text.extraction.persons import PersonRegistry
from claims.text.extraction.scoring import explain_checkworthiness
from claims.text.extraction.sentences import split_sentences
from claims.text.extraction.subject import find_subject
from claims.text.extraction.textfold import fold
from claims.text.languages import Language, language
from claims.text.quantities import Quantity, find_quantities

NOT_A_FIGURE: Final = frozenset({"date", "ordinal"})


@dataclass
class _Draft:
    claim: ExtractedClaim
    spans: list[Span]


def extract_claims(text: str, lang: str | Language) -> list[ExtractedClaim]:
    """The claims of `text` in order of first occurrence; offsets are code points of `text`.

    `lang` is a `Language` or a registered code (`claims.text.languages.SUPPORTED`);
    any other code raises `UnsupportedLanguage`. Nothing here guesses the
    language: `claims.language_choice` does that for callers that must.
    """
    reading = language(lang)
    lexicon = reading.claims
    sentences = split_sentences(text, reading)
    registry = PersonRegistry(text, lexicon)
    claimants = attribute(text, sentences, lexicon, registry)
    drafts: dict[str, _Draft] = {}
    for sentence, claimant in zip(sentences, claimants, strict=True):
        key = fingerprint(sentence.text)
        if key in drafts:
            draft = drafts[key]
            draft.spans.append(Span(sentence.start, sentence.end))
            if draft.claim.claimant is None and claimant is not None:
                draft.claim = replace(draft.claim, claimant=claimant)
            continue
        claim = _claim(sentence, claimant, key, reading)
        if claim is not None:
            drafts[key] = _Draft(claim, [Span(sentence.start, sentence.end)])
    return with_derived_totals(
        [replace(d.claim, spans=tuple(d.spans)) for d in drafts.values()], reading.derived
    )


def _claim(
    sentence: Sentence, claimant: str | None, key: str, reading: Language
) -> ExtractedClaim | None:
    lexicon = reading.claims
    found = sentence_quantities(sentence.text, reading)
    cues = find_cues(fold(sentence.text), lexicon)
    if not_a_claim(sentence.text, lexicon, found, cues) is not None:
        return None
    numeric = any(q.kind not in NOT_A_FIGURE for q in found)
    why = explain_checkworthiness(
        sentence.text, lexicon, numeric=numeric, quantities=found, claimant=claimant, cues=cues
    )
    score = why.score
    if numeric and score < NUMERIC_FLOOR:
        return None
    if not numeric and (score < FACTUAL_THRESHOLD or not why.shows_a_fact()):
        return None
    figure = next((q for q in found if q.kind not in NOT_A_FIGURE), None)
    kind: ClaimKind = "numeric" if numeric else "factual"
    shifted = tuple(
        replace(q, start=q.start + sentence.start, end=q.end + sentence.start) for q in found
    )
    return ExtractedClaim(
        text=sentence.text,
        start=sentence.start,
        end=sentence.end,
        spans=(Span(sentence.start, sentence.end),),
        kind=kind,
        claimant=claimant,
        subject=find_subject(sentence.text, lexicon, figure.start if figure else None),
        quantities=shifted,
        checkworthiness=score,
        fingerprint=key,
    )


def sentence_quantities(sentence: str, reading: Language) -> tuple[Quantity, ...]:
    """The quantities of one sentence, less the digits of names (offsets in the sentence)."""
    return tuple(
        q for q in find_quantities(sentence, reading.numbers) if not _inside_name(sentence, q)
    )


def _inside_name(text: str, quantity: Quantity) -> bool:
    """Digits glued to letters belong to a name: Médias24, COVID-19, G20."""
    i = quantity.start
    if i == 0 or not quantity.surface[:1].isdigit():
        return False
    before = text[i - 1]
    return before.isalpha() or (before == "-" and i >= 2 and text[i - 2].isalpha())
