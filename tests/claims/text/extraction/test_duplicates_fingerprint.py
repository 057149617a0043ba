"""A claim repeated in a text is one claim with every span; fingerprints find it elsewhere."""

from __future__ import annotations

from claims.text.extraction import extract_claims, fingerprint

CLAIM = "Le Maroc compte 20.000 coopératives, soit 50 pc du monde arabe."


def test_a_repeated_claim_is_emitted_once_with_all_its_spans() -> None:
    text = f"{CLAIM} Le sommet a eu lieu jeudi à Paris.\n\n{CLAIM}"
    claims = [c for c in extract_claims(text, "fr") if "coopératives" in c.text]
    assert [c.kind for c in claims] == ["numeric", "derived"]
    claim, total = claims
    assert total.spans == claim.spans
    assert len(claim.spans) == 2
    assert (claim.start, claim.end) == (claim.spans[0].start, claim.spans[0].end)
    assert all(text[s.start : s.end] == CLAIM for s in claim.spans)
    assert claim.to_json()["spans"] == [{"start": s.start, "end": s.end} for s in claim.spans]


def test_the_same_claim_in_two_articles_has_the_same_fingerprint() -> None:
    first = extract_claims(f"Le sommet a eu lieu jeudi. {CLAIM}", "fr")
    second = extract_claims(f"Une autre dépêche, lundi.\n{CLAIM} Fin.", "fr")
    one = next(c for c in first if "coopératives" in c.text)
    two = next(c for c in second if "coopératives" in c.text)
    assert one.fingerprint == two.fingerprint
    assert one.start != two.start


def test_fingerprint_ignores_case_accents_spacing_punctuation_and_number_format() -> None:
    variant = "le maroc compte 20 000 cooperatives - soit 50 PC du monde arabe"
    assert fingerprint(variant) == fingerprint(CLAIM)
    assert fingerprint("Il pèse 1,5 million") == fingerprint("Il pèse 1.5 million")


def test_different_claims_have_different_fingerprints() -> None:
    assert fingerprint(CLAIM) != fingerprint(CLAIM.replace("20.000", "30.000"))
    assert fingerprint(CLAIM) != fingerprint(CLAIM.replace("Maroc", "Sénégal"))
    assert fingerprint("Il pèse 1,5 million") != fingerprint("Il pèse 15 millions")
