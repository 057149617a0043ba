"""The demo corpus as a fixture: every article's expected claims, claimants and exclusions.

`sources/demo/manifest.json` lists, per article, sentences that must become
claims (with who asserts them) and sentences or values that must not. The
article text is what ingest would store: the page bytes decoded and reduced
to their main text by `sources.extraction`.

How the manifest is read:
- Claimants are per sentence, while the manifest lists one entry per
  quantity; when the entries of one sentence disagree (the date of "Leur
  nombre a doublé depuis 2014, selon l'ANCS" says null, the factor says the
  agency), the named claimant is the expectation.
- `DISAGREE` lists the sentences whose null expectation we do not follow: each
  one names its source in plain reported speech, and the claimant we give is
  asserted instead.

Run as a script (`python -m tests.claims.text.extraction.test_demo_corpus`) to print
expected against got for every entry.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

import pytest

from claims.text.extraction import ExtractedClaim, extract_claims, split_sentences
from claims.text.extraction.attribution import attribute
from claims.text.extraction.persons import PersonRegistry
from claims.text.languages import language
from sources.decoding import decode_body
from sources.extraction import extract_article
from tests.support.paths import DEMO

# Sentence -> the claimant we give where the manifest expects none, and why.
DISAGREE: dict[str, tuple[str, str]] = {
    "Les expéditions vers le Royaume-Uni": (
        "services de la capitainerie",
        "'d'après les services de la capitainerie' attributes the figure",
    ),
    "Les syndicats de dockers rappellent": (
        "syndicats de dockers",
        "'Les syndicats de dockers rappellent que ...' is reported speech",
    ),
    "more than 9,000 children in a single week": (
        "health board",
        "'..., the health board said.' attributes the figure",
    ),
    "moins de 15 % d'entre elles": (
        "ANCS",
        "'Un rapport de l'ANCS publié en janvier relevait que ...' is the agency's figure",
    ),
    "More than 1.2 million children have received": (
        "health officials",
        "'..., health officials said on Monday.' attributes the figure",
    ),
}

# Sentences the manifest lists as factual claims that we do not store, and
# why: claim detection keeps opinions, wishes and schedules out of the queue
# (tests/data/README.md). Their claimant is still checked, on attribution.
NOT_CLAIMS: dict[str, str] = {
    "Nous sommes venus apprendre": "a statement of interest, nothing to check",
    "Nous voulons que la région produise": "a wish",
    "la précarité augmente sur les quais": "a union leader's judgement ('estime')",
    "The director said the campaign would continue": "a schedule without a figure",
}


@dataclass(frozen=True)
class Article:
    file: str
    lang: str
    entry: dict[str, Any]
    claims: tuple[ExtractedClaim, ...]
    text: str


def _entries() -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = json.loads((DEMO / "manifest.json").read_text(encoding="utf-8"))
    return [e for e in data if e.get("role") == "article"]


@cache
def article(file: str) -> Article:
    entry = next(e for e in _entries() if e["file"] == file)
    page = extract_article(decode_body((DEMO / file).read_bytes()).text, url=entry["url"])
    claims = tuple(extract_claims(page.text, entry["lang"]))
    return Article(file, entry["lang"], entry, claims, page.text)


def claim_with(art: Article, needle: str) -> ExtractedClaim:
    found = [c for c in art.claims if needle in c.text]
    assert found, f"{art.file}: no claim contains {needle!r}"
    return found[0]


def attributed(art: Article, needle: str) -> str | None:
    """The claimant attribution gives the sentence holding `needle`, claim or not."""
    lexicon = language(art.lang).claims
    sentences = split_sentences(art.text, art.lang)
    claimants = attribute(art.text, sentences, lexicon, PersonRegistry(art.text, lexicon))
    found = [c for s, c in zip(sentences, claimants, strict=True) if needle in s.text]
    assert found, f"{art.file}: no sentence contains {needle!r}"
    return found[0]


def expected_claimants(entry: dict[str, Any]) -> dict[str, str | None]:
    """Sentence needle -> claimant expected (named ones win over null, see docstring)."""
    wanted: dict[str, str | None] = {}
    for exp in entry.get("expected", []):
        needle = exp["sentence_contains"]
        wanted[needle] = wanted.get(needle) or exp.get("claimant_contains")
    return wanted


def claimant_cases() -> list[tuple[str, str, str | None]]:
    return [
        (e["file"], needle, want)
        for e in _entries()
        for needle, want in expected_claimants(e).items()
    ]


def _case_id(case: tuple[str, str, str | None]) -> str:
    return f"{case[0].split('-')[0]}:{case[1][:30]}"


@pytest.mark.parametrize("case", claimant_cases(), ids=_case_id)
def test_expected_sentence_is_a_claim_with_its_claimant(case: tuple[str, str, str | None]) -> None:
    file, needle, want = case
    if needle in NOT_CLAIMS:
        got = attributed(article(file), needle)
    else:
        got = claim_with(article(file), needle).claimant
    if needle in DISAGREE:
        want = DISAGREE[needle][0]
    if want is None:
        assert got is None, f"{needle!r}: narration, got claimant {got!r}"
    else:
        assert got is not None, f"{needle!r}: want {want!r}, got narration"
        assert want in got, f"{needle!r}: want {want!r}, got {got!r}"


@pytest.mark.parametrize("entry", _entries(), ids=lambda e: e["file"])
def test_factual_entries_are_factual_claims(entry: dict[str, Any]) -> None:
    art = article(entry["file"])
    for exp in entry.get("expected", []):
        if exp.get("factual") and exp["sentence_contains"] not in NOT_CLAIMS:
            assert claim_with(art, exp["sentence_contains"]).kind == "factual"


@pytest.mark.parametrize("needle", sorted(NOT_CLAIMS))
def test_opinions_wishes_and_schedules_of_the_corpus_are_not_stored(needle: str) -> None:
    stored = [c.text for e in _entries() for c in article(e["file"]).claims if needle in c.text]
    assert stored == [], NOT_CLAIMS[needle]


@pytest.mark.parametrize("entry", _entries(), ids=lambda e: e["file"])
def test_must_not_sentences_and_values_are_absent(entry: dict[str, Any]) -> None:
    art = article(entry["file"])
    for banned in entry.get("must_not", []):
        if "sentence_contains" in banned:
            hits = [c.text for c in art.claims if banned["sentence_contains"] in c.text]
        else:
            hits = [c.text for c in art.claims for q in c.quantities if q.value == banned["value"]]
        assert not hits, f"{banned['why']}: {hits}"


def main() -> None:
    """Print expected against got for every claimant expectation of the corpus."""
    for entry in _entries():
        art = article(entry["file"])
        print(f"== {art.file}: {len(art.claims)} claims")
        for needle, want in expected_claimants(entry).items():
            found = [c for c in art.claims if needle in c.text]
            got = found[0].claimant if found else "<no claim>"
            print(f"  want={want!r:32} got={got!r:48} {needle}")


if __name__ == "__main__":
    main()
