"""Reading the noun phrase that names a speaker, after or before a reporting cue.

Wire copy puts the speaker after the verb, often behind adverbials of time,
place, audience or occasion: "..., a indiqué lundi à Casablanca le président
de la fédération, Karim Alaoui", "a estimé samedi lors d'une conférence de
presse la présidente ...". Those adverbials are read as a small state machine
over the words: a preposition opens one, its noun (with "de"-complements,
adjectives and capitalised names: "au journal Le Monde") continues it, and the
first determiner, honorific or word outside it starts the speaker. The words
themselves (days, prepositions, links) are the lexicon's.

A role followed by a name in apposition ("le président de la fédération,
Karim Alaoui"; "Peter Lang, the central bank's governor, said") gives the
name. A document gives its author when one is named ("selon le rapport de la
Cour des comptes").

Functions take the sentence as written and as folded (same length, see
`textfold`), and return phrases as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claims.extraction.claimant_guard import plausible_claimant
from claims.extraction.lexicon import Lexicon
from claims.extraction.names import full_name_pattern, is_name_start, strip_leading
from claims.extraction.textfold import fold

MAX_SPEAKER_WORDS = 10
# Words read after a cue: adverbials, then the speaker and its apposition.
_MAX_CLAUSE_WORDS = 30
# How far back from a verb its speaker's noun phrase may start.
_SPEAKER_REACH = 300
# Words between a role and the comma before its holder's name
# ("la ministre de l'Économie et des Finances, Nadia Fettah").
_MAX_ROLE_TAIL = 8

_TOKEN = re.compile(r"[^\s,.;:!?()«»“”\"]+(?:\.(?=\s+[A-Z]))?")
_NP_END = re.compile(r"[,.;:!?()«»“”\"]")
_APPOSITION_COMMA = re.compile(r"\s*,\s*")
_AFTER_NAME = re.compile(r"\s*(?:[,.;:!?()»”\"]|$)")
_ELISION = re.compile(r"([a-z])'(?=\w)")
# "de son côté", "pour sa part", "the mayor": an aside between a subject and its verb.
_MAX_ASIDE_WORDS = 5
_FIGURE_TOKEN = re.compile(r"[^\w]*\d[\d\W_]*")
# Commas between appositions, not inside a number ("3,000"); what trims a segment.
_SEGMENT_COMMA = re.compile(r",(?!\d)")
_SEGMENT_TRIM = " \t\n«»“”\"'"
# "the board's own figures": the possessor, then the document.
_POSSESSOR = re.compile(r"(.+?)['’]s\s+((?:\S+\s+){0,2}\S+)")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    folded: str


def clause_tokens(sentence: str, folded: str, at: int, limit: int) -> list[Token]:
    """The words from `at` up to the first mark that ends a noun phrase (comma, quote...)."""
    tokens: list[Token] = []
    previous = at
    for match in _TOKEN.finditer(sentence, at):
        if _NP_END.search(sentence, previous, match.start()) or len(tokens) == limit:
            break
        start, end = match.span()
        tokens.append(Token(start, end, match.group(), folded[start:end]))
        previous = match.end()
    return tokens


def _kind(text: str, folded: str, lexicon: Lexicon) -> str:
    if text[:1].isupper():
        # Capitalised determiners mid-sentence belong to a name ("au journal Le Monde").
        return "honorific" if text in lexicon.honorifics else "name"
    elided = (w for w in lexicon.complementizers if w.endswith("'"))
    if folded in lexicon.complementizers or any(folded.startswith(w) for w in elided):
        return "complementizer"
    if folded in lexicon.speech_adverbs:
        return "adverb"
    if any(ch.isdigit() for ch in text):
        return "number"
    if folded in lexicon.speech_adverbial_prepositions:
        return "preposition"
    if folded in lexicon.complement_links:
        return "link"
    if folded in lexicon.determiners:
        return "determiner"
    return "word"


def _parts(token: Token, lexicon: Lexicon) -> tuple[str, ...]:
    """What a token is; an elided word is two ("d'une": link, determiner; "l'AFP")."""
    elided = _ELISION.match(token.folded)
    if elided is None:
        return (_kind(token.text, token.folded, lexicon),)
    head = "link" if elided.group(1) == "d" else "determiner"
    return (head, _kind(token.text[2:], token.folded[2:], lexicon))


def skip_adverbials(tokens: list[Token], lexicon: Lexicon) -> int | None:
    """Index of the first token past the adverbials at the start of `tokens`; None when
    nothing but adverbials is left ("said on Friday.")."""
    inside = False  # within an adverbial phrase
    need = False  # its noun is still to come
    for k, token in enumerate(tokens):
        parts = _parts(token, lexicon)
        head = parts[0]
        if head in ("adverb", "number"):
            need = False
        elif head == "determiner" and k + 1 < len(tokens) and _is_time(tokens[k + 1], lexicon):
            continue  # "ce lundi", "le 12 mars"
        elif head == "preposition":
            inside = need = True
        elif inside and (need or head in ("link", "word")):
            need = parts[-1] in ("determiner", "link", "preposition")
        elif inside and head == "name" and not _name_after_acronym(tokens, k, lexicon):
            need = False  # "à Casablanca", "au journal Le Monde"
        else:
            return k
    return None


def _name_after_acronym(tokens: list[Token], k: int, lexicon: Lexicon) -> bool:
    """ "explique à l'AFP Marc Durand": after an agency's acronym, a person's full name
    starts the speaker ("à Casablanca Karim Alaoui" stays unreadable)."""
    if k == 0 or k + 1 >= len(tokens):
        return False
    previous = tokens[k - 1].text
    acronym = previous[2:] if _ELISION.match(tokens[k - 1].folded) else previous
    following = tokens[k + 1].text
    return (
        len(acronym) > 1
        and acronym.isupper()
        and not tokens[k].text.isupper()
        and following[:1].isupper()
        and is_name_start(tokens[k].text, lexicon)
    )


def _is_time(token: Token, lexicon: Lexicon) -> bool:
    return token.folded in lexicon.speech_adverbs or token.text[:1].isdigit()


def closes_clause(
    sentence: str, folded: str, at: int, lexicon: Lexicon, *, listener: bool = False
) -> bool:
    """True when only adverbials (and, after "told", its listener) follow `at` in the clause."""
    tokens = clause_tokens(sentence, folded, at, _MAX_CLAUSE_WORDS)
    if listener and tokens:
        tokens = tokens[_noun_phrase_length(tokens, lexicon) :]
    return skip_adverbials(tokens, lexicon) is None


def has_complement(
    sentence: str, folded: str, at: int, lexicon: Lexicon, *, listener: bool = False
) -> bool:
    """True when what follows a reporting verb is what was said: "que"/"that", a quotation,
    a colon, a clause ("claim 3,000 trees will be felled") or nothing but adverbials.
    After "told" the listener comes first ("told the newspaper that ...")."""
    tokens = clause_tokens(sentence, folded, at, _MAX_CLAUSE_WORDS)
    if listener and tokens:
        n = _noun_phrase_length(tokens, lexicon)
        at = tokens[n - 1].end
        tokens = tokens[n:]
    if said_directly(lexicon).match(folded, at):
        return True
    k = skip_adverbials(tokens, lexicon)
    if k is None or tokens[k].folded in lexicon.complementizers:
        return True  # "found in 2019 that ...", "a constaté lors de son audit que ..."
    if not tokens or _parts(tokens[0], lexicon)[0] in ("preposition", "link"):
        return False  # "reported in May rose ...": no subject after the verb
    return any(t.text in lexicon.clause_verbs for t in tokens[1:])


def _noun_phrase_length(tokens: list[Token], lexicon: Lexicon) -> int:
    """How many of `tokens` a plain noun phrase takes ("reporters", "the BBC")."""
    n = 0
    for token in tokens:
        if n and (
            _parts(token, lexicon)[0] in ("preposition", "adverb", "link")
            or _parts(token, lexicon)[0] == "complementizer"
        ):
            break
        n += 1
    return n


def speaker_after(sentence: str, folded: str, at: int, lexicon: Lexicon) -> str | None:
    """The speaker of an inverted verb ending at `at`: "..., a affirmé jeudi la ministre X"."""
    if _raising_pattern(lexicon).match(folded, at):
        return None  # "The plant, said to be the largest ...": nobody speaks
    tokens = clause_tokens(sentence, folded, at, _MAX_CLAUSE_WORDS)
    first = skip_adverbials(tokens, lexicon)
    if first is None:
        return None
    return _noun_phrase_at(sentence, tokens[first:], lexicon)


def agent_after(sentence: str, folded: str, at: int, lexicon: Lexicon) -> str | None:
    """The agent of a passive report: "annoncés mardi par le ministre", "released by X"."""
    tokens = clause_tokens(sentence, folded, at, _MAX_CLAUSE_WORDS)
    k = skip_adverbials(tokens, lexicon)
    if k is None or tokens[k].folded not in lexicon.passive_agent_markers:
        return None
    return _noun_phrase_at(sentence, tokens[k + 1 :], lexicon)


def _noun_phrase_at(
    sentence: str, tokens: list[Token], lexicon: Lexicon, *, determined: bool = False
) -> str | None:
    """The noun phrase that `tokens` open, or the name in apposition after it.
    `determined`: its determiner came before `tokens` ("du Haut-Commissariat au Plan")."""
    stops = _folded_stops(lexicon)
    words: list[Token] = []
    for token in tokens:
        if len(words) == MAX_SPEAKER_WORDS:
            break
        joins = _joins_a_name(words, token, tokens, lexicon, determined=determined)
        if words and token.folded in stops and not joins:
            break
        words.append(token)
    # "... au Plan publiée", "un rapport publié": not "le communiqué", "le député".
    while len(words) > 1 and words[-1].text.islower():
        if not words[-1].text.endswith(lexicon.participle_endings):
            break
        if _parts(words[-2], lexicon)[-1] in ("determiner", "link", "preposition"):
            break
        words.pop()
    if not words:
        return None
    phrase = sentence[words[0].start : words[-1].end]
    if _is_common_noun_phrase(phrase, lexicon):
        name = apposed_name(sentence, words[-1].end, lexicon)
        if name is not None:
            return name
    return phrase


def apposed_name(sentence: str, at: int, lexicon: Lexicon) -> str | None:
    """The person's name after a role ending at `at`: "le président de la fédération, Karim
    Alaoui"; the role may run on a few words first ("... de l'Économie et des Finances, X")."""
    comma = sentence.find(",", at)
    if comma < 0 or _NP_END.search(sentence, at, comma):
        return None
    if len(sentence[at:comma].split()) > _MAX_ROLE_TAIL:
        return None
    start = _APPOSITION_COMMA.match(sentence, comma)
    name = full_name_pattern(lexicon).match(sentence, start.end() if start else comma + 1)
    if name is None or not is_name_start(name.group().split()[0], lexicon):
        return None
    if not _AFTER_NAME.match(sentence, name.end()):
        return None  # "..., Karim Alaoui a indiqué": a clause of its own, not an apposition
    return name.group()


def _is_common_noun_phrase(phrase: str, lexicon: Lexicon) -> bool:
    """ "le président de la fédération", "its chief executive": a phrase a name may follow,
    not itself a name ("John Smith, the minister")."""
    first = phrase.split()[0]
    low = fold(first)
    return (
        first[:1].islower()
        or low in lexicon.determiners
        or low.startswith("l'")
        or first.endswith(("'s", "’s"))
    )


def apposed_before(head: str, lexicon: Lexicon) -> str | None:
    """The subject before commas just before a verb (`head` ends at the comma): the person
    in "NAME, ROLE," or "ROLE, NAME," ("Peter Lang, the central bank's governor, said"),
    or the noun phrase before an incise ("La société, qui emploie 3.000 personnes, a
    annoncé", "The minister, speaking in Paris, said")."""
    segments = [s.strip(_SEGMENT_TRIM) for s in _SEGMENT_COMMA.split(head.rstrip().rstrip(","))]
    if len(segments) < 2:
        return None
    for role, name in ((segments[-2], segments[-1]), (segments[-1], segments[-2])):
        bare = strip_leading(name, lexicon.honorifics)
        if not _is_full_name(bare, lexicon) or not role:
            continue
        if _is_common_noun_phrase(role, lexicon) and plausible_claimant(role, lexicon):
            return bare
    skipped = 0
    while len(segments) > 1 and _is_incise(segments[-1], lexicon):
        segments.pop()
        skipped += 1
    subject = segments[-1]
    if skipped and looks_like_speaker(subject, lexicon) and plausible_claimant(subject, lexicon):
        return subject
    return None


def _is_incise(segment: str, lexicon: Lexicon) -> bool:
    """ "qui emploie 3.000 personnes", "cité par Le Monde", "speaking in Paris", and short
    verbless asides: "de son côté", "pour sa part", "the mayor"."""
    words = segment.split()
    if not words:
        return False
    first = fold(words[0])
    if first in lexicon.relative_words and first not in lexicon.determiners:
        return True
    if words[0].islower() and words[0].endswith(lexicon.participle_endings):
        return True
    return (
        words[0].islower()
        and len(words) <= _MAX_ASIDE_WORDS
        and not any(_FIGURE_TOKEN.fullmatch(w) or w in lexicon.clause_verbs for w in words)
    )


def _is_full_name(phrase: str, lexicon: Lexicon) -> bool:
    words = phrase.split()
    return (
        bool(words)
        and full_name_pattern(lexicon).fullmatch(phrase) is not None
        and is_name_start(words[0], lexicon)
    )


def speaker_before(
    sentence: str, folded: str, at: int, lexicon: Lexicon, *, final: bool, complement: bool
) -> str | None:
    """The subject of a reporting verb starting at `at`: "X a indiqué que", ", police said."

    `final`: only adverbials follow the verb in its clause, so any noun phrase after a
    comma may speak ("..., engineers working on the project estimate."). `complement`:
    what was said follows the verb; without it the first words of a sentence are read
    as a subject only when they look like a speaker by themselves (a determiner, a
    name), never as a bare opening ("Cases reported in May rose ...").
    """
    head = sentence[:at].rstrip()
    window = max(0, len(head) - _SPEAKER_REACH)
    marks = list(clause_marks(lexicon).finditer(folded, window, len(head)))
    start = marks[-1].end() if marks else 0
    phrase = head[start:].strip()
    # "As the minister said, ...": the speaker is what follows "as".
    marker = as_marker(fold(" ".join(phrase.split()[:2])), lexicon, opening=True)
    if marker:
        phrase = phrase[len(marker) :].strip()
        start = head.find(phrase, start) if phrase else start
    if not phrase:
        return apposed_before(head, lexicon) if head.endswith(",") else None
    words = fold(phrase).split()
    if len(words) > MAX_SPEAKER_WORDS:
        return None
    if len(words) > 1 and words[-1] in lexicon.relative_words:
        # "une note qui estime": the relative pronoun's antecedent speaks.
        phrase = phrase[: phrase.rstrip().rfind(" ")].rstrip()
        words = words[:-1]
    if words[0] in lexicon.prepositions or words[-1] in lexicon.determiners:
        return None  # "Malgré une note ...", "The [estimate that]": no subject
    opening = not head[:start].strip(' «“"')
    participle = phrase.split()[0].endswith(lexicon.participle_endings) and phrase[:1].islower()
    if final and not opening and phrase[:1].isalpha() and not participle:
        return phrase  # ", organisers said", not ", beating forecasts,"
    if not looks_like_speaker(phrase, lexicon):
        return None
    if opening and not complement and not _stands_alone(phrase, lexicon):
        return None
    return phrase


def as_marker(words: str, lexicon: Lexicon, *, opening: bool = False) -> str:
    """The "comme"/"ainsi que"/"as" that folded `words` end with (or start with, when
    `opening`), else "": "comme l'" before "a souligné le ministre"."""
    split = words.removesuffix("l'").split()
    for marker in lexicon.speech_as_markers:
        size = len(marker.split())
        edge = split[:size] if opening else split[-size:]
        if " ".join(edge) == marker:
            return marker
    return ""


def _stands_alone(phrase: str, lexicon: Lexicon) -> bool:
    """A phrase that names someone by its form: a determiner, an honorific, a pronoun, a name."""
    first = phrase.split()[0]
    low = fold(first)
    if low in lexicon.determiners or low.startswith("l'") or first in lexicon.honorifics:
        return True
    if first.lower() in lexicon.pronouns:
        return True
    bare = strip_leading(phrase, lexicon.honorifics)
    return _is_full_name(bare, lexicon) or (first.isupper() and len(first) > 1)


def looks_like_speaker(phrase: str, lexicon: Lexicon) -> bool:
    """True when `phrase` opens like a noun phrase naming someone (not a clause)."""
    words = phrase.split()
    first = words[0]
    low = first.lower()
    folded_first = fold(first)
    if folded_first in lexicon.relative_words and folded_first not in lexicon.determiners:
        return False
    if folded_first in lexicon.clause_openers:
        return False
    if len(words) > 1 and fold(words[-1]) in lexicon.determiners:
        return False  # "Despite a [report that]": the "verb" was a noun
    if low in lexicon.pronouns or low in lexicon.plural_pronouns or low in lexicon.neuter_pronouns:
        return True
    if low in lexicon.determiners or first in lexicon.honorifics or low.startswith(("l'", "l’")):
        return True
    return first[:1].isupper() and folded_first not in lexicon.impersonal_pronouns


def source_after(sentence: str, folded: str, at: int, before: str, lexicon: Lexicon) -> str | None:
    """Who "selon X" / "according to X" names; None for "selon l'âge", "varient selon"."""
    previous = before.split()[-1] if before.split() else ""
    if previous in lexicon.attribution_blockers:
        return None
    tokens = clause_tokens(sentence, folded, at, _MAX_CLAUSE_WORDS)
    if not tokens:
        return None
    head = _ELISION.sub("", tokens[0].folded)
    if head in lexicon.attribution_non_sources:
        return None
    if head in lexicon.determiners and len(tokens) > 1:
        head = tokens[1].folded
    if head in lexicon.attribution_non_sources:
        return None
    phrase = _noun_phrase_at(sentence, tokens, lexicon)
    if phrase is None:
        return None
    author = document_author(sentence, folded, tokens[0].start, phrase, lexicon)
    if author is not None:
        return author
    if looks_like_speaker(phrase, lexicon) or _is_document(phrase, lexicon):
        return phrase
    return None


def _is_document(phrase: str, lexicon: Lexicon) -> bool:
    return any(w in lexicon.document_nouns for w in fold(phrase).split()[:3])


@lru_cache(maxsize=8)
def _author_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    """ "par", "de", "d'" (fr), "by", "of" (en) before a document's author, on folded text."""
    markers = "|".join(re.escape(m) for m in lexicon.author_markers)
    return re.compile(rf"(?<![\w'])(?P<marker>{markers})(?:\s+|(?<=')\s*)")


def document_author(
    sentence: str, folded: str, at: int, phrase: str, lexicon: Lexicon, *, within: bool = False
) -> str | None:
    """The author of a document named at `at`, when the text names one: "le rapport annuel
    publié mardi par l'Autorité portuaire", "les chiffres du ministère", "the board's figures".
    The author is looked for up to the clause's end, or inside `phrase` when `within`."""
    possessive = _POSSESSOR.fullmatch(phrase)
    if possessive and fold(possessive.group(2).split()[-1]) in lexicon.document_nouns:
        return possessive.group(1)  # "the board's own figures", "the company's annual report"
    if not _is_document(phrase, lexicon):
        return None
    clause_end = _NP_END.search(sentence, at)
    end = clause_end.start() if clause_end else len(sentence)
    if within:
        end = min(end, at + len(phrase))
    for marker in _author_pattern(lexicon).finditer(folded, at, end):
        tokens = [
            t
            for t in clause_tokens(sentence, folded, marker.end(), _MAX_CLAUSE_WORDS)
            if t.end <= end
        ]
        # "du ministère", "des douanes": the determiner is inside the marker.
        fused = marker.group("marker") in lexicon.fused_author_markers
        author = _noun_phrase_at(sentence, tokens, lexicon, determined=fused)
        if author is None or not plausible_claimant(author, lexicon):
            continue
        if fused or looks_like_speaker(author, lexicon):
            return author
    return None


@lru_cache(maxsize=8)
def clause_marks(lexicon: Lexicon) -> re.Pattern[str]:
    """Where a clause starts, on folded text: punctuation, or "que"/"that"."""
    words = _complementizer_alternatives(lexicon)
    return re.compile(rf"[,;:«»“”\"()]|(?<![\w'])(?:{words})(?![\w'])")


@lru_cache(maxsize=8)
def said_directly(lexicon: Lexicon) -> re.Pattern[str]:
    """What follows a verb that introduces what was said: ":", a quotation, "que"/"that"."""
    words = _complementizer_alternatives(lexicon)
    return re.compile(rf"\s*(?:[:«“\"]|(?:{words})(?![\w]))")


def _complementizer_alternatives(lexicon: Lexicon) -> str:
    ordered = sorted(lexicon.complementizers, key=len, reverse=True)
    return "|".join(re.escape(w) for w in ordered) or "(?!)"


@lru_cache(maxsize=8)
def _raising_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in lexicon.speech_raising)
    return re.compile(rf"\s+(?:{words})(?![\w'])" if words else r"(?!)")


@lru_cache(maxsize=8)
def _folded_stops(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(fold(w) for w in lexicon.speaker_stops)


def _joins_a_name(
    words: list[Token], token: Token, tokens: list[Token], lexicon: Lexicon, *, determined: bool
) -> bool:
    """ "le Haut-Commissariat au Plan": "au" between capitalised words of an institution
    (with a determiner: "Mme Tazi au Parlement" is a person and a place)."""
    if not words or token.folded not in lexicon.name_joiners or not words[-1].text[:1].isupper():
        return False
    i = tokens.index(token)
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    return (
        following is not None
        and following.text[:1].isupper()
        and (determined or _opens_with_determiner(words[0], lexicon))
    )


def _opens_with_determiner(token: Token, lexicon: Lexicon) -> bool:
    """ "le", "La", "l'Autorité": a determiner, in either case, or elided into the word."""
    elided = _ELISION.match(token.folded)
    if elided is not None:
        return _parts(token, lexicon)[0] == "determiner"
    return token.folded in lexicon.determiners
