"""Reading the noun phrase that names a speaker, after or before a reporting cue.

After an inverted verb the speaker follows its adverbials
(`claims.text.extraction.adverbials`); before a verb it opens the clause, or sits
before an aside ("La société, qui emploie 3.000 personnes, a annoncé"). A
role followed by a name in apposition ("le président de la fédération, Karim
Alaoui"; "Peter Lang, the central bank's governor, said") gives the name. A
document gives its author when one is named ("selon le rapport de la Cour des
comptes"), else it is the speaker itself.

Functions take the sentence as written and as folded (same length, see
`textfold`), and return phrases as written.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claims.text.extraction.adverbials import (
    ELISION,
    MAX_CLAUSE_WORDS,
    NP_END,
    Token,
    clause_marks,
    clause_tokens,
    parts,
    skip_adverbials,
)
from claims.text.extraction.claimant_guard import plausible_claimant
from claims.text.extraction.names import NAME_TOKEN, full_name_pattern, is_name_start, strip_leading
from claims.text.extraction.textfold import fold
from claims.text.languages.claim_lexicon import Lexicon

MAX_SPEAKER_WORDS = 10
# How far back from a verb its speaker's noun phrase may start.
_SPEAKER_REACH = 300
# Words between a role and the comma before its holder's name
# ("la ministre de l'Économie et des Finances, Nadia Fettah").
_MAX_ROLE_TAIL = 8

_APPOSITION_COMMA = re.compile(r"\s*,\s*")
_AFTER_NAME = re.compile(r"\s*(?:[,.;:!?()»”\"]|$)")
_SINGLE_NAME = re.compile(rf"({NAME_TOKEN})")
_SENTENCE_ENDS = frozenset({"", ".", "!", "?", ".»", ".”", '."', "»", "”"})
# "de son côté", "pour sa part", "the mayor": an aside between a subject and its verb.
_MAX_ASIDE_WORDS = 5
_FIGURE_TOKEN = re.compile(r"[^\w]*\d[\d\W_]*")
# Commas between appositions, not inside a number ("3,000"); what trims a segment.
_SEGMENT_COMMA = re.compile(r",(?!\d)")
_SEGMENT_TRIM = " \t\n«»“”\"'"
# "the board's own figures": the possessor, then the document.
_POSSESSOR = re.compile(r"(.+?)['’]s\s+((?:\S+\s+){0,2}\S+)")


def speaker_after(sentence: str, folded: str, at: int, lexicon: Lexicon) -> str | None:
    """The speaker of an inverted verb ending at `at`: "..., a affirmé jeudi la ministre X"."""
    if _raising_pattern(lexicon).match(folded, at):
        return None  # "The plant, said to be the largest ...": nobody speaks
    tokens = clause_tokens(sentence, folded, at, MAX_CLAUSE_WORDS)
    first = skip_adverbials(tokens, lexicon)
    if first is None:
        return None
    return _noun_phrase_at(sentence, tokens[first:], lexicon)


def agent_after(sentence: str, folded: str, at: int, lexicon: Lexicon) -> str | None:
    """The agent of a passive report: "annoncés mardi par le ministre", "released by X"."""
    tokens = clause_tokens(sentence, folded, at, MAX_CLAUSE_WORDS)
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
        if parts(words[-2], lexicon)[-1] in ("determiner", "link", "preposition"):
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
    if comma < 0 or NP_END.search(sentence, at, comma):
        return None
    if len(sentence[at:comma].split()) > _MAX_ROLE_TAIL:
        return None
    start = _APPOSITION_COMMA.match(sentence, comma)
    at_name = start.end() if start else comma + 1
    name = full_name_pattern(lexicon).match(sentence, at_name)
    if name is None:
        # "according to the regulator, Ofgem.": one name, closing the sentence (a word
        # before a comma could open a list: "selon le ministère, Rabat, Fès et ...").
        single = _SINGLE_NAME.match(sentence, at_name)
        if single and sentence[single.end() :].strip() in _SENTENCE_ENDS:
            return single.group(1) if is_name_start(single.group(1), lexicon) else None
        return None
    if not is_name_start(name.group().split()[0], lexicon):
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
    segments = [
        _without_coordinator(s.strip(_SEGMENT_TRIM), lexicon)
        for s in _SEGMENT_COMMA.split(head.rstrip().rstrip(","))
    ]
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
    sentence: str,
    folded: str,
    at: int,
    lexicon: Lexicon,
    *,
    final: bool,
    complement: bool,
    ambiguous: bool = True,
) -> str | None:
    """The subject of a reporting verb starting at `at`: "X a indiqué que", ", police said."

    `final`: only adverbials follow the verb in its clause, so any noun phrase after a
    comma may speak ("..., engineers working on the project estimate."). `complement`:
    what was said follows the verb. `ambiguous`: the verb may be an adjective ("Cases
    reported in May rose ..."); then, without a complement, the first words of a
    sentence are a subject only when they look like a speaker by themselves (a
    determiner, a name).
    """
    head = sentence[:at].rstrip()
    window = max(0, len(head) - _SPEAKER_REACH)
    marks = list(clause_marks(lexicon).finditer(folded, window, len(head)))
    start = marks[-1].end() if marks else 0
    phrase = _without_coordinator(head[start:].strip(), lexicon)
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
    if opening and ambiguous and not complement and not _stands_alone(phrase, lexicon):
        return None
    return phrase


def _without_coordinator(phrase: str, lexicon: Lexicon) -> str:
    """ "But the minister" -> "the minister"."""
    first, _, rest = phrase.partition(" ")
    return rest.lstrip() if rest and fold(first) in lexicon.coordinators else phrase


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
    if _is_full_name(bare, lexicon) or (first.isupper() and len(first) > 1):
        return True
    # "Health minister Alan Pryce": a title, then a name.
    names = list(full_name_pattern(lexicon).finditer(phrase))
    return bool(names) and names[-1].end() == len(phrase) and names[-1].start() > 0


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
    tokens = clause_tokens(sentence, folded, at, MAX_CLAUSE_WORDS)
    if not tokens:
        return None
    head = ELISION.sub("", tokens[0].folded)
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
    if _is_document(phrase, lexicon):
        return _document_head(phrase, lexicon)
    return phrase if looks_like_speaker(phrase, lexicon) else None


def _document_head(phrase: str, lexicon: Lexicon) -> str:
    """ "a study of 380,000 adults published": when what follows the document would not
    do as a claimant, the document alone ("a study")."""
    if plausible_claimant(phrase, lexicon):
        return phrase
    words = phrase.split()
    for n, word in enumerate(words[:3], start=1):
        if fold(word) in lexicon.document_nouns:
            return " ".join(words[:n])
    return phrase


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
    clause_end = NP_END.search(sentence, at)
    end = clause_end.start() if clause_end else len(sentence)
    if within:
        end = min(end, at + len(phrase))
    for marker in _author_pattern(lexicon).finditer(folded, at, end):
        tokens = [
            t
            for t in clause_tokens(sentence, folded, marker.end(), MAX_CLAUSE_WORDS)
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
    elided = ELISION.match(token.folded)
    if elided is not None:
        return parts(token, lexicon)[0] == "determiner"
    return token.folded in lexicon.determiners
