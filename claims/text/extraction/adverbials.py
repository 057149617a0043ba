"""The words after a reporting verb: adverbials of time, place and audience, and
whether what follows the verb is what was said.

Wire copy puts adverbials between a verb and its speaker: "..., a indiqué
lundi à Casablanca le président de la fédération", "a estimé samedi lors
d'une conférence de presse la présidente ...". They are read as a small state
machine over the words: a preposition opens one, its noun (with
"de"-complements, adjectives and capitalised names: "au journal Le Monde")
continues it, and the first determiner, honorific or word outside it starts
the speaker. The words themselves (days, prepositions, links) are the
lexicon's. Functions take the sentence as written and as folded (same length,
see `textfold`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claims.text.extraction.names import is_name_start
from claims.text.languages.claim_lexicon import Lexicon

# Words read after a cue: adverbials, then the speaker and its apposition.
MAX_CLAUSE_WORDS = 30
_TOKEN = re.compile(r"[^\s,.;:!?()«»“”\"]+(?:\.(?=\s+[A-Z]))?")
NP_END = re.compile(r"[,.;:!?()«»“”\"]")
# The same marks, less the dot a word keeps before a name ("M. Tazi").
_CLAUSE_END = re.compile(r"[,;:!?()«»“”\"]|(?<![^\s,;:!?()«»“”\"])\.|\.(?!\s+[A-Z])")
# "l'AFP", "d'une": a determiner or a link elided into the next word.
ELISION = re.compile(r"([a-z])'(?=\w)")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    folded: str


def clause_tokens(sentence: str, folded: str, at: int, limit: int) -> list[Token]:
    """The words from `at` up to the first mark that ends a noun phrase (comma, quote...)."""
    stop = _CLAUSE_END.search(sentence, at)
    tokens: list[Token] = []
    for match in _TOKEN.finditer(sentence, at, stop.start() if stop else len(sentence)):
        if len(tokens) == limit:
            break
        start, end = match.span()
        tokens.append(Token(start, end, match.group(), folded[start:end]))
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


def parts(token: Token, lexicon: Lexicon) -> tuple[str, ...]:
    """What a token is; an elided word is two ("d'une": link, determiner; "l'AFP")."""
    elided = ELISION.match(token.folded)
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
        if token.text in lexicon.clause_verbs:
            return k  # "reported in May rose ...": a verb ends any adverbial
        kinds = parts(token, lexicon)
        head = kinds[0]
        if head in ("adverb", "number"):
            need = False
        elif head == "determiner" and k + 1 < len(tokens) and _is_time(tokens[k + 1], lexicon):
            continue  # "ce lundi", "le 12 mars"
        elif head == "preposition":
            inside = need = True
        elif inside and (need or head in ("link", "word")):
            need = kinds[-1] in ("determiner", "link", "preposition")
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
    acronym = previous[2:] if ELISION.match(tokens[k - 1].folded) else previous
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
    tokens = clause_tokens(sentence, folded, at, MAX_CLAUSE_WORDS)
    if listener and tokens:
        tokens = tokens[noun_phrase_length(tokens, lexicon) :]
    return skip_adverbials(tokens, lexicon) is None


def has_complement(
    sentence: str, folded: str, at: int, lexicon: Lexicon, *, listener: bool = False
) -> bool:
    """True when what follows a reporting verb is what was said: "que"/"that", a quotation,
    a colon, a clause ("claim 3,000 trees will be felled") or nothing but adverbials.
    After "told" the listener comes first ("told the newspaper that ...")."""
    tokens = clause_tokens(sentence, folded, at, MAX_CLAUSE_WORDS)
    if listener and tokens:
        n = noun_phrase_length(tokens, lexicon)
        at = tokens[n - 1].end
        tokens = tokens[n:]
    if said_directly(lexicon).match(folded, at):
        return True
    k = skip_adverbials(tokens, lexicon)
    if k is None or tokens[k].folded in lexicon.complementizers:
        return True  # "found in 2019 that ...", "a constaté lors de son audit que ..."
    if not tokens or parts(tokens[0], lexicon)[0] in ("preposition", "link"):
        return False  # "reported in May rose ...": no subject after the verb
    return any(t.text in lexicon.clause_verbs for t in tokens[1:])


def noun_phrase_length(tokens: list[Token], lexicon: Lexicon) -> int:
    """How many of `tokens` a plain noun phrase takes ("reporters", "the BBC")."""
    n = 0
    for token in tokens:
        if n and (parts(token, lexicon)[0] in ("preposition", "adverb", "link", "complementizer")):
            break
        n += 1
    return n


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
