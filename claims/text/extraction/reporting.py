"""Where a sentence reports speech: reporting verbs and attribution prepositions.

Both are found on folded text (`claims.text.extraction.textfold.fold`), so offsets
are offsets in the sentence as written. A French participle counts only after
its auxiliary ("a affirmé", "a-t-elle précisé"; "et affirmé" in a quotation is
no report); an English one counts alone ("said"). A verb inverted with its
subject pronoun ("a-t-il dit", "explique-t-elle", "estiment-ils") carries that
pronoun.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from retrie.trie import Trie

from claims.text.extraction.textfold import fold
from claims.text.languages.claim_lexicon import Lexicon

# Reporting cues examined per sentence: prose has one or two, a list of verbs is no prose.
MAX_CUES = 6


def _inverted(group: str, lexicon: Lexicon) -> str:
    """ "-t-il", "-elle", "-ils": a subject pronoun joined to the verb, captured as `group`."""
    if not lexicon.inverted_pronouns:
        return ""
    pronouns = "|".join(re.escape(p) for p in lexicon.inverted_pronouns)
    return rf"(?:(?:-t)?-(?P<{group}>{pronouns}))?"


@dataclass(frozen=True, slots=True)
class Report:
    """One reporting verb group or attribution preposition in a sentence."""

    start: int
    end: int
    # The reporting word itself, folded ("affirme", "said", "selon").
    word: str
    preposition: bool
    present: bool = False
    # "ont été annoncés par X", "were released by X": the speaker is the agent.
    passive: bool = False
    # A participle with no auxiliary ("said", "reported"): English also uses it as an
    # adjective ("Cases reported in May rose ..."), so its subject needs more proof.
    bare_participle: bool = False
    # The subject pronoun written into the verb ("a-t-elle dit" -> "elle").
    pronoun: str | None = None


def _alternatives(words: tuple[str, ...] | frozenset[str]) -> str:
    """The folded words as one trie-shaped alternation (retrie): over a hundred verbs,
    a plain alternation tries each at each position, a trie one letter at a time."""
    trie = Trie()
    trie.add(*{" ".join(fold(w).split()) for w in words})
    return trie.pattern().replace(r"\ ", r"\s+") or "(?!)"


@lru_cache(maxsize=8)
def _verb_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    aux = _alternatives(lexicon.speech_auxiliaries)
    part = _alternatives(lexicon.speech_participles)
    pres = _alternatives(lexicon.speech_present)
    # "a également souligné", "a pour sa part indiqué": one adverb between.
    adverb = rf"(?:\s+(?:{_alternatives(lexicon.speech_adverbs)}))?"
    if lexicon.participles_need_auxiliary:
        # "comme l'a souligné le ministre": the object pronoun before the auxiliary.
        participle = rf"(?:l')?(?:{aux}){_inverted('p1', lexicon)}{adverb}\s+(?P<participle>{part})"
    else:
        participle = rf"(?:(?P<auxiliary>{aux})\s+)?(?P<participle>{part})"
    groups = [participle, rf"(?P<present>{pres}){_inverted('p2', lexicon)}"]
    if lexicon.passive_auxiliaries:
        passive = _alternatives(lexicon.speech_participles + lexicon.passive_participles)
        # French participles agree: "annoncés", "publiée".
        agreement = (
            f"(?:{'|'.join(lexicon.participle_agreements)})?"
            if lexicon.participle_agreements
            else ""
        )
        groups.insert(
            0,
            rf"(?:{_alternatives(lexicon.passive_auxiliaries)}){adverb}\s+"
            rf"(?P<passive>{passive}){agreement}",
        )
    if lexicon.speech_reflexive:
        refl = _alternatives(lexicon.speech_reflexive)
        groups.append(rf"s'(?:est|sont){_inverted('p3', lexicon)}{adverb}\s+(?P<reflexive>{refl})")
    return re.compile(rf"(?<![\w'-])(?:{'|'.join(groups)})(?![\w-])")


@lru_cache(maxsize=8)
def _preposition_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    words = _alternatives(lexicon.attribution_prepositions)
    return re.compile(rf"(?<![\w'-])(?P<word>{words})\s+")


def find_reports(folded: str, lexicon: Lexicon) -> Iterator[Report]:
    """Reporting verbs, then attribution prepositions, of one folded sentence."""
    for n, verb in enumerate(_verb_pattern(lexicon).finditer(folded)):
        if n == MAX_CUES:
            break
        groups = verb.groupdict()
        word = (
            groups.get("passive")
            or groups["participle"]
            or groups["present"]
            or groups.get("reflexive")
            or ""
        )
        pronoun = groups.get("p1") or groups.get("p2") or groups.get("p3")
        yield Report(
            start=verb.start(),
            end=verb.end(),
            word=" ".join(word.split()),
            preposition=False,
            present=groups["present"] is not None,
            bare_participle=groups["participle"] is not None
            and not lexicon.participles_need_auxiliary
            and groups.get("auxiliary") is None,
            passive=groups.get("passive") is not None,
            pronoun=pronoun,
        )
    for n, prep in enumerate(_preposition_pattern(lexicon).finditer(folded)):
        if n == MAX_CUES:
            break
        yield Report(
            start=prep.start(),
            end=prep.end(),
            word=" ".join(prep.group("word").split()),
            preposition=True,
        )
