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
pronouns ("il", "a-t-elle dit", "he said") go to the last person quoted, else
the last person named, of the pronoun's gender where the text tells it.

Speakers need not be people: organisations ("The World Health Organization
recommends", "le ministère de la Santé estime que", "l'OMS indique") and
groups ("engineers ... estimate", "the board says") speak too. A present-tense
reporting verb without "que"/"that" counts when a noun phrase (not a pronoun:
"il note une hausse" is narration) opens the clause, or when the verb closes
the sentence after a comma ("..., engineers working on the project estimate.").
A relative clause ("..., which the board says makes ...") reports only itself,
so it gives the sentence no claimant.

A document speaks for its author: "selon le rapport annuel publié mardi par
l'Autorité portuaire" and "according to the board's own figures" give the
author ("Autorité portuaire", "the board"), who a fact-checker would ask; a
document with no author named ("selon un rapport publié mardi") is the
claimant itself.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import deque
from functools import lru_cache

from claims.extraction.lexicon import Lexicon
from claims.extraction.model import Sentence
from claims.extraction.persons import PersonRegistry, gender_of
from claims.extraction.quotes import Quote, find_quotes
from claims.extraction.textfold import fold

_MAX_SPEAKER_WORDS = 10
# Reporting verbs (and "selon"s) examined per sentence: prose has one or two.
_MAX_VERBS = 6
# How far back from a verb its speaker's noun phrase may start.
_SPEAKER_REACH = 300
_CLAUSE_MARKS = re.compile(r"[,;:«»“”\"()]|\b(?:que|qu'|that)\b")
_NP_END = re.compile(r"[,.;:!?()«»“”\"]")
_TOKEN = re.compile(r"[^\s,.;:!?()«»“”\"]+(?:\.(?=\s+[A-Z]))?")
_SENTENCE_TAIL = re.compile(r"[\s.!?…»”\"')]*")
# "the board's own figures": the possessor, then the document.
_POSSESSOR = re.compile(r"(.+?)['’]s\s+(?:own\s+)?(\S+)")
_PREPOSITIONS = frozenset(
    {
        "malgre",
        "pour",
        "avec",
        "sans",
        "dans",
        "sur",
        "sous",
        "apres",
        "avant",
        "depuis",
        "contre",
        "par",
        "despite",
        "for",
        "with",
        "without",
        "in",
        "on",
        "after",
        "before",
        "since",
        "against",
        "by",
        "at",
        "from",
    }
)
_FIRST_PERSON = frozenset({"nous", "we", "je", "j'", "i", "on", "vous", "you"})
_CONJUNCTIONS = frozenset({"but", "and", "or", "so", "mais", "et", "ou", "donc", "car"})
# Words that make a phrase before a present verb a clause, not a speaker.
_VERBISH = frozenset(
    {
        "is",
        "are",
        "was",
        "were",
        "will",
        "would",
        "should",
        "could",
        "can",
        "may",
        "must",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "est",
        "sont",
        "sera",
        "seront",
        "doit",
        "doivent",
        "peut",
        "peuvent",
        "a",
        "ont",
    }
)


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
    starts = [s.start for s in sentences]

    def sentence_at(offset: int) -> int | None:
        i = bisect_right(starts, offset) - 1
        return i if i >= 0 and offset < sentences[i].end else None

    # Sentences and quotes both in offset order: one sweep finds, for each
    # sentence, the earliest-opened quotation still open where it starts.
    pending = deque(quotes)
    open_quotes: deque[Quote] = deque()
    for i, s in enumerate(sentences):
        while pending and pending[0].start <= s.start:
            open_quotes.append(pending.popleft())
        while open_quotes and open_quotes[0].end <= s.start:
            open_quotes.popleft()
        if found[i] is not None or not open_quotes:
            continue
        quote = open_quotes[0]
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
            # A pronoun points at a person: the last one quoted, else the last named,
            # of the pronoun's gender where both are known.
            gender = gender_of(phrase, lexicon)
            quoted = last_person
            if quoted is not None and gender is not None:
                known = registry.gender(quoted)
                quoted = quoted if known in (None, gender) else None
            named = registry.last_before(s.start, gender)
            name = quoted or (named.name if named else None) or last
        else:
            name = registry.resolve(phrase, s.start)
        claimants.append(name)
        last = name or last
        if name is not None and registry.note_speaker(name, s.start):
            last_person = name
            registry.note_mention(name, s.start)
    return claimants


def _speaker_phrase(sentence: str, lexicon: Lexicon) -> str | None:
    """The noun phrase naming who speaks in `sentence`, as written; None if nobody does."""
    folded = fold(sentence)
    for n, verb in enumerate(_verb_pattern(lexicon).finditer(folded)):
        if n == _MAX_VERBS:
            break  # a list of verbs, not prose: bounded work per sentence
        pronoun = re.search(r"-t-(il|elle)|-(ils|elles)\b", verb.group())
        if pronoun:
            return pronoun.group(1) or pronoun.group(2)
        before = folded[: verb.start()].rstrip()
        inverted = not before or before[-1] in ",»”\"'"
        if inverted:
            phrase = _phrase_after(sentence, verb.end(), lexicon)
            if phrase and _inversion_ok(before, phrase, lexicon):
                return phrase
        # "..., engineers working on the project estimate.": any noun phrase may speak.
        final = _SENTENCE_TAIL.fullmatch(folded, verb.end()) is not None
        phrase = _phrase_before(sentence, verb.start(), lexicon, loose=final)
        if not phrase:
            continue
        bare = verb.group("present") and not re.match(
            r"\s*(?:que|qu'|:|that)", folded[verb.end() :]
        )
        if bare and not _present_speaker(folded, verb, phrase, lexicon, final=final):
            continue  # "il note une hausse" is not reported speech
        return phrase
    for n, prep in enumerate(_preposition_pattern(lexicon).finditer(folded)):
        if n == _MAX_VERBS:
            break
        phrase = _phrase_after(sentence, prep.end(), lexicon)
        if phrase:
            return _document_author(sentence, prep.end(), phrase, lexicon) or phrase
    return None


def _present_speaker(
    folded: str, verb: re.Match[str], phrase: str, lexicon: Lexicon, *, final: bool
) -> bool:
    """A present verb without "que"/"that": a noun phrase speaks if it opens the clause
    ("The board says the project ...") or the verb ends the sentence ("..., engineers
    estimate.")."""
    words = fold(phrase).split()
    if words[0] in lexicon.pronouns or any(w in _VERBISH for w in words):
        return False
    if final:
        return True
    head = folded[: verb.start()]
    opening = head[: max(0, head.rfind(" ".join(words)))].rstrip()
    return not opening or opening[-1] in ',;:«“"('


@lru_cache(maxsize=8)
def _author_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    """ "par", "de", "d'" (fr), "by", "of" (en) before a document's author, on folded text."""
    markers = "|".join(re.escape(m) for m in lexicon.author_markers)
    return re.compile(rf"(?<![\w'])(?:{markers})(?:\s+|(?<=')\s*)")


def _document_author(sentence: str, at: int, phrase: str, lexicon: Lexicon) -> str | None:
    """The author of a document named after "selon"/"according to", when the text names one."""
    possessive = _POSSESSOR.fullmatch(phrase)
    if possessive and fold(possessive.group(2)) in lexicon.document_nouns:
        return possessive.group(1)
    words = [fold(w) for w in phrase.split()]
    if not any(w in lexicon.document_nouns for w in words[:3]):
        return None
    clause_end = _NP_END.search(sentence, at)
    stretch = fold(sentence[at : clause_end.start() if clause_end else len(sentence)])
    for marker in _author_pattern(lexicon).finditer(stretch):
        author = _phrase_after(sentence, at + marker.end(), lexicon)
        if author and _looks_like_speaker(author, lexicon):
            return author
    return None


def _phrase_after(sentence: str, i: int, lexicon: Lexicon) -> str | None:
    stops = _folded_stops(lexicon)
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


@lru_cache(maxsize=8)
def _folded_stops(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon.speaker_stops)


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


def _phrase_before(sentence: str, i: int, lexicon: Lexicon, *, loose: bool = False) -> str | None:
    head = sentence[:i].rstrip()
    window = max(0, len(head) - _SPEAKER_REACH)
    marks = list(_CLAUSE_MARKS.finditer(head, window))
    start = marks[-1].end() if marks else 0
    phrase = head[start:].strip()
    if not phrase and head.endswith(","):
        # "John Smith, the minister, said": the name sits before the apposition.
        parts = [p.strip() for p in head[:-1].split(",")]
        if len(parts) >= 2:
            phrase = parts[-2]
    if not phrase or len(phrase.split()) > _MAX_SPEAKER_WORDS:
        return None
    words = fold(phrase).split()
    if len(words) > 1 and words[-1] in lexicon.relative_words:
        # "une note qui estime": the relative pronoun's antecedent speaks.
        phrase = phrase[: phrase.rstrip().rfind(" ")].rstrip()
        words = words[:-1]
    if words[0] in _PREPOSITIONS:
        return None  # "Malgré une note ...", "Despite officials ...": not a subject
    if words[-1] in lexicon.determiners:
        return None  # "The [estimate that]", "Malgré une [note qui]": the verb was a noun
    open_class = words[0] not in lexicon.relative_words | _FIRST_PERSON | _CONJUNCTIONS
    if loose and phrase[:1].isalpha() and open_class:
        return phrase
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
    words = phrase.split()
    first = words[0]
    low = first.lower()
    if fold(first) in lexicon.relative_words or low in _CONJUNCTIONS:
        return False
    if len(words) > 1 and fold(words[-1]) in lexicon.determiners:
        return False  # "Despite a [report that]": the "verb" was a noun
    if low in lexicon.pronouns:
        return True
    if low in lexicon.determiners or first in lexicon.honorifics:
        return True
    if low.startswith(("l'", "l’")):
        return True
    return first[:1].isupper() and low not in _FIRST_PERSON
