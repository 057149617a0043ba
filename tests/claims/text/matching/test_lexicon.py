"""The matching lexicon adds to `vocabulary.CONCEPTS`; it never repeats it."""

from __future__ import annotations

from claims.text.matching.keys import key_of, key_terms
from claims.text.matching.lexicon import PLACES, TOPICS
from claims.text.vocabulary import CONCEPTS, fold


def test_no_topic_word_repeats_a_concept_word() -> None:
    concept_words = {
        fold(word): concept for concept, group in CONCEPTS.items() for word in (concept, *group)
    }
    repeated = [
        (topic, word)
        for topic, group in {**TOPICS, **PLACES}.items()
        for word in group
        if concept_words.get(fold(word)) == topic
    ]
    assert repeated == []


def test_concept_words_keep_their_keys_in_both_languages() -> None:
    for concept in ("company", "student", "child", "death"):
        assert {key_of(word) for word in CONCEPTS[concept]} == {concept}, concept
    # Words only the lexicon knows still join the concept.
    assert key_of("décédés") == key_of("victims") == "death"
    french = key_terms("Les entreprises ont formé 300 élèves et leurs enfants")
    english = key_terms("Companies trained 300 pupils and their children")
    assert {"company", "student", "child"} <= french & english
