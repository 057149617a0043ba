"""Who asserts each sentence: the claimant, from quotations and reported speech.

A sentence's claimant is, in order:
1. the speaker of a reporting cue in it (`claims.text.extraction.reporting`): a
   verb inverted after the claim, with any adverbials of time, place or
   audience before the speaker ("..., a indiqué lundi à Casablanca le
   président de la fédération, Karim Alaoui"; '"...," said X'), the subject
   of a verb ("X a expliqué que", ", organisers said,"), or the source after
   "selon", "d'après", "according to", "peut-on lire dans";
2. for a sentence inside a quotation, the speaker named in the sentence where
   that quotation closes (or, failing that, opens);
3. for a sentence that is a quotation of its own right after a quoted
   sentence with a speaker, that speaker: a quotation carries on;
4. None: plain narration, the article's own voice.

Speakers are resolved through the article's `PersonRegistry`, so "la
Secrétaire d'Etat" and "Mme El Moussali" both become "Jamila Elmoussali".
A singular pronoun ("a-t-elle dit", "he said") goes to the nearest person of
its gender in the last few sentences; when two such people are there and the
text tells neither's gender, to nobody. A plural pronoun ("ils estiment",
"they said") goes to the last group that spoke ("les syndicats"), never to a
person; "it" to the last organisation.

Every candidate passes `claimant_guard.plausible_claimant`: a claimant is a
person, an organisation or a document noun phrase, never a clause, and a
sentence keeps no claimant rather than a doubtful one.

A document speaks for its author: "selon le rapport annuel publié mardi par
l'Autorité portuaire" and "according to the board's own figures" give the
author ("Autorité portuaire", "the board"); a document with no author named
("selon cette projection") is the claimant itself.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import deque
from collections.abc import Callable

from claims.text.extraction.acronyms import acronym_names
from claims.text.extraction.adverbials import closes_clause, has_complement, said_directly
from claims.text.extraction.claimant_guard import plausible_claimant
from claims.text.extraction.model import Sentence
from claims.text.extraction.names import strip_leading
from claims.text.extraction.persons import Gender, PersonRegistry, gender_of
from claims.text.extraction.quotes import Quote, find_quotes
from claims.text.extraction.reporting import Report, find_reports
from claims.text.extraction.speaker_phrases import (
    agent_after,
    apposed_before,
    as_marker,
    document_author,
    source_after,
    speaker_after,
    speaker_before,
)
from claims.text.extraction.textfold import fold
from claims.text.languages.claim_lexicon import Lexicon

# Marks after which a reporting verb is inverted: the speaker follows it.
_INVERSION_MARKS = ",»”\"'("
# Sentences a pronoun looks back over for its antecedent; further back, for the
# last person who spoke or was named when nobody is named nearer.
_PRONOUN_REACH = 3
_SPEAKER_MEMORY = 6
_QUOTE_MARKS = '«»“”"'
# What may follow a quotation's last word before the sentence ends.
_TRAILING = ' \t\n.!?…»”"'


def attribute(
    text: str, sentences: list[Sentence], lexicon: Lexicon, registry: PersonRegistry
) -> list[str | None]:
    """The claimant of each sentence of `text` (None for narration)."""
    phrases = [speaker_phrase(s.text, lexicon) for s in sentences]
    speakers = _Speakers(sentences, lexicon, registry, acronym_names(text, lexicon))
    claimants = [speakers.resolve(i, p) if p is not None else None for i, p in enumerate(phrases)]
    quotes = find_quotes(text)
    _fill_quotations(sentences, quotes, claimants)
    _carry_quotations_on(sentences, quotes, claimants)
    return claimants


def speaker_phrase(sentence: str, lexicon: Lexicon) -> str | None:
    """The phrase naming who speaks in `sentence`, as written; None if nobody does."""
    folded = fold(sentence)
    for cue in find_reports(folded, lexicon):
        phrase = _speaker_of(sentence, folded, cue, lexicon)
        if phrase is None:
            continue
        if _pronoun_kind(phrase, lexicon) is not None or plausible_claimant(phrase, lexicon):
            return phrase
    return None


def _speaker_of(sentence: str, folded: str, cue: Report, lexicon: Lexicon) -> str | None:
    before = folded[: cue.start].rstrip()
    if cue.preposition:
        return source_after(sentence, folded, cue.end, before, lexicon)
    if cue.pronoun is not None:
        return cue.pronoun
    if cue.passive:
        return agent_after(sentence, folded, cue.end, lexicon)
    if not before:
        return None  # "Said to be the largest ...", "Told to leave, ...": a participle clause
    if lexicon.speaker_follows_as_clause and as_marker(before, lexicon):
        # "Comme l'a souligné le ministre, ...": the speaker follows the verb.
        return speaker_after(sentence, folded, cue.end, lexicon)
    if before[-1] in _INVERSION_MARKS:
        # The clause before an inverted verb is what was said, never who said it; only
        # an apposition there names the speaker ("Mary Jones, the mayor, said ...").
        if before.endswith(","):
            apposed = apposed_before(sentence[: cue.start], lexicon)
            if apposed is not None:
                return apposed
        if cue.word in lexicon.speech_listener_verbs:
            return None  # "..., told reporters": who follows "told" listened
        phrase = speaker_after(sentence, folded, cue.end, lexicon)
        return _author_or(sentence, folded, phrase, lexicon)
    listener = cue.word in lexicon.speech_listener_verbs
    final = closes_clause(sentence, folded, cue.end, lexicon, listener=listener)
    complement = final or has_complement(sentence, folded, cue.end, lexicon, listener=listener)
    if cue.word in lexicon.speech_clause_only and not complement:
        return None  # "The storm claimed 40 lives": not a report
    phrase = speaker_before(
        sentence,
        folded,
        cue.start,
        lexicon,
        final=final,
        complement=complement,
        ambiguous=cue.bare_participle,
    )
    if phrase is None:
        return None
    bare = cue.present and not said_directly(lexicon).match(folded, cue.end)
    if bare and not _present_speaker(folded, cue, phrase, lexicon, final=final):
        return None  # "il note une hausse" is not reported speech
    return _author_or(sentence, folded, phrase, lexicon)


def _author_or(sentence: str, folded: str, phrase: str | None, lexicon: Lexicon) -> str | None:
    """The author of `phrase` when it is a document that names one, else `phrase`."""
    if phrase is None:
        return None
    at = sentence.find(phrase)
    author = document_author(sentence, folded, max(at, 0), phrase, lexicon, within=True)
    return author or phrase


def _present_speaker(
    folded: str, cue: Report, phrase: str, lexicon: Lexicon, *, final: bool
) -> bool:
    """A present verb without "que"/"that": a noun phrase speaks if it opens the clause
    ("The board says the project ...") or the verb ends the sentence ("..., engineers
    estimate.")."""
    words = fold(phrase).split()
    if _pronoun_kind(phrase, lexicon) is not None:
        return False
    if final:
        return True
    head = folded[: cue.start]
    opening = head[: max(0, head.rfind(" ".join(words)))].rstrip()
    return not opening or opening[-1] in ',;:«“"('


def _pronoun_kind(phrase: str, lexicon: Lexicon) -> str | None:
    low = phrase.lower()
    if low in lexicon.plural_pronouns:
        return "plural"
    if low in lexicon.neuter_pronouns:
        return "neuter"
    if low in lexicon.pronouns:
        return "person"
    return None


class _Speakers:
    """Claimants resolved so far, in text order, for pronouns to point back at."""

    def __init__(
        self,
        sentences: list[Sentence],
        lexicon: Lexicon,
        registry: PersonRegistry,
        organisations: dict[str, str],
    ):
        self._sentences = sentences
        self._lexicon = lexicon
        self._registry = registry
        # "ancs" and "agence nationale de la ..." -> "Agence nationale de la ... (ANCS)"
        self._organisations = organisations
        # (sentence index, claimant, is a registered person)
        self._history: list[tuple[int, str, bool]] = []

    def resolve(self, i: int, phrase: str) -> str | None:
        at = self._sentences[i].start
        kind = _pronoun_kind(phrase, self._lexicon)
        if kind == "plural":
            name = self._recent(i, lambda c, person: not person and self._plural(c))
        elif kind == "neuter":
            name = self._recent(i, lambda c, person: not person and not self._plural(c))
        elif kind == "person":
            name = self._person(i, phrase)
        else:
            name = self._registry.resolve(phrase, at)
            bare = strip_leading(name, self._lexicon.determiners)
            name = self._organisations.get(bare.lower(), name)
        if name is None:
            return None
        person = self._registry.note_speaker(name, at)
        if person:
            self._registry.note_mention(name, at)
        self._history.append((i, name, person))
        return name

    def _recent(self, i: int, wanted: Callable[[str, bool], bool]) -> str | None:
        for j, name, person in reversed(self._history):
            if i - j > _PRONOUN_REACH:
                break
            if wanted(name, person):
                return name
        return None

    def _person(self, i: int, pronoun: str) -> str | None:
        """The person a singular pronoun points at; None when two are equally likely.

        In order: the speaker of the sentence just before (a speaker goes on
        speaking); the one person of the pronoun's gender named in the last few
        sentences, the nearest when the text tells several apart; the last person
        who spoke or was named, when nobody is named nearby.
        """
        gender = gender_of(pronoun, self._lexicon)
        registry = self._registry
        for j, name, person in reversed(self._history):
            if j == i - 1 and person and _agrees(registry.gender(name), gender):
                return name
            break
        found = self._nearest_person(i, _PRONOUN_REACH, gender)
        if found is not None:
            return found or None
        for j, name, person in reversed(self._history):
            if i - j > _SPEAKER_MEMORY:
                break
            if person and _agrees(registry.gender(name), gender):
                return name
        return self._nearest_person(i, _SPEAKER_MEMORY, gender) or None

    def _nearest_person(self, i: int, reach: int, gender: Gender | None) -> str | None:
        """The person named in the `reach` sentences before sentence `i` that a pronoun of
        `gender` points at; "" when several are equally likely, None when nobody is there."""
        since = self._sentences[max(0, i - reach)].start
        nearby = self._registry.people_between(since, self._sentences[i].start)
        compatible = [p for p in nearby if p.compatible(gender)]
        if len(compatible) == 1:
            return compatible[0].name
        agreeing = [p for p in compatible if gender is not None and p.gender == gender]
        if agreeing:
            return agreeing[0].name
        return "" if compatible else None

    def _plural(self, claimant: str) -> bool:
        """ "les syndicats", "organisers", "the unions": a group, not one body."""
        lex = self._lexicon
        words = [fold(w) for w in claimant.split()]
        if not words or (claimant[:1].isupper() and words[0] not in lex.determiners):
            return False  # a name ("Reuters") says nothing of number
        if words[0] in lex.plural_words:
            return True
        nouns = [w for w in words if w not in lex.determiners]
        if lex.head_last:
            ended = [k for k, w in enumerate(nouns) if w in lex.complement_links]
            nouns = nouns[: ended[0]] if ended else nouns
        head = (nouns[-1] if lex.head_last else nouns[0]) if nouns else ""
        return head in lex.plural_words or head.endswith(lex.plural_endings)


def _agrees(known: Gender | None, wanted: Gender | None) -> bool:
    return known is None or wanted is None or known == wanted


def _fill_quotations(
    sentences: list[Sentence], quotes: list[Quote], claimants: list[str | None]
) -> None:
    """A sentence inside a quotation takes the speaker of the sentence where it closes."""
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
        if claimants[i] is not None or not open_quotes:
            continue
        quote = open_quotes[0]
        for holder in (sentence_at(quote.end - 1), sentence_at(quote.start)):
            if holder is not None and holder != i and claimants[holder] is not None:
                claimants[i] = claimants[holder]
                break


def _carry_quotations_on(
    sentences: list[Sentence], quotes: list[Quote], claimants: list[str | None]
) -> None:
    """'"We hired 200 nurses," said X. "Another 150 start in January."': the second
    quotation is X's too, when it follows a quoted sentence of X's directly."""
    ends = {q.start: q.end for q in quotes}
    for i in range(1, len(sentences)):
        previous = sentences[i - 1].text
        if claimants[i] is not None or claimants[i - 1] is None:
            continue
        if any(mark in previous for mark in _QUOTE_MARKS) and _whole_quotation(sentences[i], ends):
            claimants[i] = claimants[i - 1]


def _whole_quotation(sentence: Sentence, ends: dict[int, int]) -> bool:
    """True when `sentence` is a quotation from its first word to its last."""
    text = sentence.text
    lead = len(text) - len(text.lstrip())
    end = ends.get(sentence.start + lead)
    return end is not None and end >= sentence.start + len(text.rstrip(_TRAILING))
