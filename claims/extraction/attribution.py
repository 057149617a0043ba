"""Who asserts each sentence: the claimant, from quotations and reported speech.

A sentence's claimant is, in order:
1. the speaker of a reporting verb in it: inverted after a quotation or an
   incise (« ... », a déclaré Mme X / "...," said X / , a poursuivi la
   secrétaire d'Etat,), or before it (X a expliqué ... que / X said), or the
   source of "selon X", "d'après X", "according to X";
2. for a sentence that opens inside a quotation, the speaker named in the
   sentence where that quotation closes (or, failing that, opens);
3. None: plain narration, the article's own voice.

Speakers are resolved through the article's `PersonRegistry`, so "la
Secrétaire d'Etat" and "Mme El Moussali" both become "Jamila Elmoussali";
pronouns ("il", "a-t-elle dit", "he said") go to the last claimant.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claims.extraction.lexicon import Lexicon
from claims.extraction.model import Sentence
from claims.extraction.persons import PersonRegistry
from claims.extraction.quotes import find_quotes
from claims.extraction.textfold import fold

_MAX_SPEAKER_WORDS = 10
_CLAUSE_MARKS = re.compile(r"[,;:«»“”\"()]|\b(?:que|qu'|that)\b")
_NP_END = re.compile(r"[,.;:!?()«»“”\"]")
_TOKEN = re.compile(r"[^\s,.;:!?()«»“”\"]+(?:\.(?=\s+[A-Z]))?")


@lru_cache(maxsize=8)
def _verb_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    """A reporting verb group, on folded text."""

    def alt(words: tuple[str, ...]) -> str:
        return "|".join(
            re.escape(fold(w)).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
        )

    aux = alt(lexicon.speech_auxiliaries)
    part = alt(lexicon.speech_participles)
    pres = alt(lexicon.speech_present)
    adverb = r"(?:\s+(?:aussi|egalement|encore|notamment|bien|pour sa part|also|later))?"
    # French participles need their auxiliary ("et affirmé" in a quote is not a report).
    participle = (
        rf"(?:{aux}){adverb}\s+(?:{part})"
        if lexicon.lang == "fr"
        else rf"(?:(?:{aux})\s+)?(?:{part})"
    )
    groups = [participle, rf"(?P<present>{pres})"]
    if lexicon.speech_reflexive:
        refl = alt(lexicon.speech_reflexive)
        groups.append(rf"s'(?:est|sont){adverb}\s+(?:{refl})")
    verbs = "|".join(groups)
    return re.compile(rf"(?<![\w'-])(?:{verbs})(?![\w-])")


@lru_cache(maxsize=8)
def _preposition_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    words = "|".join(
        re.escape(fold(w)).replace(r"\ ", r"\s+")
        for w in sorted(lexicon.attribution_prepositions, key=len, reverse=True)
    )
    return re.compile(rf"(?<![\w'-])(?:{words})\s+")


def attribute(
    text: str, sentences: list[Sentence], lexicon: Lexicon, registry: PersonRegistry
) -> list[str | None]:
    """The claimant of each sentence of `text` (None for narration)."""
    found = [_speaker_phrase(s.text, lexicon) for s in sentences]
    quotes = find_quotes(text)

    def sentence_at(offset: int) -> int | None:
        for i, s in enumerate(sentences):
            if s.start <= offset < s.end:
                return i
        return None

    for i, s in enumerate(sentences):
        if found[i] is not None:
            continue
        quote = next((q for q in quotes if q.start <= s.start < q.end), None)
        if quote is None:
            continue
        for holder in (sentence_at(quote.end - 1), sentence_at(quote.start)):
            if holder is not None and holder != i and found[holder] is not None:
                found[i] = found[holder]
                break

    claimants: list[str | None] = []
    last: str | None = None
    last_person: str | None = None
    for s, phrase in zip(sentences, found, strict=True):
        if phrase is None:
            claimants.append(None)
            continue
        if phrase.lower() in lexicon.pronouns:
            # A pronoun points at a person: the last one quoted, else the last introduced.
            introduced = registry.last_before(s.start)
            name = last_person or (introduced.name if introduced else None) or last
        else:
            name = registry.resolve(phrase, s.start)
        claimants.append(name)
        last = name or last
        if name is not None and registry.note_speaker(name, s.start):
            last_person = name
    return claimants


def _speaker_phrase(sentence: str, lexicon: Lexicon) -> str | None:
    """The noun phrase naming who speaks in `sentence`, as written; None if nobody does."""
    folded = fold(sentence)
    for verb in _verb_pattern(lexicon).finditer(folded):
        pronoun = re.search(r"-t-(il|elle)|-(ils|elles)\b", verb.group())
        if pronoun:
            return pronoun.group(1) or pronoun.group(2)
        before = folded[: verb.start()].rstrip()
        inverted = not before or before[-1] in ",»”\"'"
        if inverted:
            phrase = _phrase_after(sentence, verb.end(), lexicon)
            if phrase and _inversion_ok(before, phrase, lexicon):
                return phrase
        if verb.group("present") and not re.match(r"\s*(?:que|qu'|:|that)", folded[verb.end() :]):
            continue  # "il note une hausse" is not reported speech
        phrase = _phrase_before(sentence, verb.start(), lexicon)
        if phrase:
            return phrase
    for prep in _preposition_pattern(lexicon).finditer(folded):
        phrase = _phrase_after(sentence, prep.end(), lexicon)
        if phrase:
            return phrase
    return None


def _phrase_after(sentence: str, i: int, lexicon: Lexicon) -> str | None:
    stops = {fold(w) for w in lexicon.speaker_stops}
    words: list[re.Match[str]] = []
    for token in _TOKEN.finditer(sentence, i):
        gap = sentence[(words[-1].end() if words else i) : token.start()]
        if _NP_END.search(gap) or len(words) >= _MAX_SPEAKER_WORDS:
            break
        if words and fold(token.group()) in stops and not _joins_a_name(words, token, sentence):
            break
        words.append(token)
    if not words:
        return None
    phrase = sentence[words[0].start() : words[-1].end()]
    return phrase if _looks_like_speaker(phrase, lexicon) else None


def _joins_a_name(words: list[re.Match[str]], token: re.Match[str], sentence: str) -> bool:
    """ "le Haut-Commissariat au Plan": "au" between capitalised words of an institution."""
    if token.group().lower() not in {"au", "aux"} or not words[-1].group()[:1].isupper():
        return False
    following = _TOKEN.search(sentence, token.end())
    return (
        following is not None
        and following.group()[:1].isupper()
        and (words[0].group().lower() in {"le", "la", "les", "l'", "l’"})
    )


def _phrase_before(sentence: str, i: int, lexicon: Lexicon) -> str | None:
    head = sentence[:i].rstrip()
    marks = list(_CLAUSE_MARKS.finditer(head))
    start = marks[-1].end() if marks else 0
    phrase = head[start:].strip()
    if not phrase and head.endswith(","):
        # "John Smith, the minister, said": the name sits before the apposition.
        parts = [p.strip() for p in head[:-1].split(",")]
        if len(parts) >= 2:
            phrase = parts[-2]
    if not phrase or len(phrase.split()) > _MAX_SPEAKER_WORDS:
        return None
    return phrase if _looks_like_speaker(phrase, lexicon) else None


def _inversion_ok(before: str, phrase: str, lexicon: Lexicon) -> bool:
    """English inverts the verb after a quotation ("...," said X); after a plain comma
    only a name or a role can follow ("the mayor, said the park" is no speaker)."""
    if lexicon.lang != "en" or not before or before[-1] != "," or before[-2:-1] in "\"”'":
        return True
    words = phrase.split()
    if words[0][:1].isupper():
        return True
    rest = fold(" ".join(words[1:]))
    return words[0].lower() in lexicon.determiners and any(
        rest.startswith(fold(role)) for role in lexicon.roles
    )


def _looks_like_speaker(phrase: str, lexicon: Lexicon) -> bool:
    first = phrase.split()[0]
    low = first.lower()
    if low in lexicon.pronouns:
        return True
    if low in lexicon.determiners or first in lexicon.honorifics:
        return True
    if low.startswith(("l'", "l’")):
        return True
    return first[:1].isupper() and low not in {"nous", "we", "je", "i", "on", "vous", "you"}
