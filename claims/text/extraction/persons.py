"""A per-article registry of the people it names, to resolve who said what.

Articles introduce a person once in full, often with a role ("la Secrétaire
d'Etat chargée de l'Artisanat ..., Jamila Elmoussali"), then refer to them by
honorific and surname ("Mme Elmoussali", spelt "Mme El Moussali" further down)
or by role alone ("a dit la Secrétaire d'Etat"). The registry records full
names, the roles that introduced them and surname keys folded for case,
accents and inner spaces, and turns any of those mentions back into the full
name.

Gender is recorded where the text tells it (an honorific such as "Mme" or
"Mrs", a feminine role such as "directrice", the determiner before the role)
so a pronoun ("a-t-elle ajouté", "she said") goes to the last person of that
gender. A definite description that names no registered role ("l'élu", "la
responsable coréenne", "the director") points back to the last person
mentioned before it, of matching gender where known.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from claims.text.extraction.names import (
    full_name_pattern,
    honorific_pattern,
    is_name_start,
    name_keys,
    squash,
    strip_leading,
)
from claims.text.extraction.textfold import fold, word_pattern
from claims.text.languages.claim_lexicon import Lexicon

# How far a role phrase may run before the comma that introduces the name.
_ROLE_REACH = 200
# A description longer than this ("the head of the national vaccine agency")
# names someone new, not a person already introduced.
_MAX_ANAPHOR_WORDS = 3
# Mentions looked back at for a pronoun's antecedent: one further back is no antecedent.
_LOOKBACK = 64
# Words allowed before the role in "NAME, Eastmere's director of ...".
_ROLE_LEAD_WORDS = 3

# Determiners that make a role point at one known holder ("la ministre", "the mayor").
_DEFINITE = frozenset({"la", "le", "l'", "the"})

Gender = Literal["f", "m"]


def gender_of(phrase: str, lexicon: Lexicon) -> Gender | None:
    """The gender `phrase` marks ("la ministre", "elle", "Mrs"), None when it marks none."""
    words = set(re.split(r"[\s']+", fold(phrase)))
    feminine = bool(words & lexicon.feminine_cues)
    masculine = bool(words & lexicon.masculine_cues)
    if feminine == masculine:
        return None
    return "f" if feminine else "m"


@dataclass
class Person:
    """One person the article names."""

    name: str
    first_seen: int
    number: int = 0  # its index in the registry
    keys: set[str] = field(default_factory=set)
    roles: list[tuple[int, str]] = field(default_factory=list)  # (offset, folded role)
    gender: Gender | None = None

    def compatible(self, gender: Gender | None) -> bool:
        return gender is None or self.gender is None or self.gender == gender


class PersonRegistry:
    """The people of one article, built from its whole text."""

    def __init__(self, text: str, lexicon: Lexicon) -> None:
        self._lexicon = lexicon
        self._people: list[Person] = []
        # Indexes, so that a text naming thousands of people stays linear.
        self._by_key: dict[str, list[Person]] = {}
        self._by_full_name: dict[str, Person] = {}
        # Folded role -> (offset, holder, what follows the role: "de l'interieur").
        self._holders: dict[str, list[tuple[int, Person, str]]] = {}
        # (offset, Person.number): found in the text, sorted once built; then
        # those attribution adds, in text order as it goes.
        self._mentions: list[tuple[int, int]] = []
        self._spoken: list[tuple[int, int]] = []
        folded = fold(text)
        self._find_introductions(text, folded)
        self._find_honorific_mentions(text)
        self._find_role_mentions(folded)
        self._mentions.sort()

    def resolve(self, phrase: str, at: int) -> str:
        """The full name `phrase` refers to, or `phrase` cleaned of its determiner."""
        lex = self._lexicon
        cleaned = strip_leading(phrase.strip(), lex.determiners)
        bare = strip_leading(cleaned, lex.honorifics)
        person = (
            self._by_name(bare)
            or self._by_trailing_name(cleaned)
            or self._by_role(cleaned, at, gender_of(phrase, lex))
            or self._anaphor(phrase, at)
        )
        if person is not None:
            return person.name
        titled = _titled_name(cleaned, lex)
        if titled is not None:
            return titled
        # "la Secrétaire d'Etat" reads well as "Secrétaire d'Etat", "le ministère" does not.
        return cleaned if cleaned[:1].isupper() else phrase.strip()

    def last_before(self, at: int, gender: Gender | None = None) -> Person | None:
        """The person of `gender` (any when None) mentioned last before offset `at`."""
        recent: list[tuple[int, int]] = []
        for mentions in (self._mentions, self._spoken):
            i = bisect_left(mentions, (at, -1))
            recent.extend(mentions[max(0, i - _LOOKBACK) : i])
        for _, number in sorted(recent, reverse=True):
            if self._people[number].compatible(gender):
                return self._people[number]
        return None

    def people_between(self, start: int, end: int) -> list[Person]:
        """The people mentioned in `text[start:end]`, the last mentioned first."""
        found: list[tuple[int, int]] = []
        for mentions in (self._mentions, self._spoken):
            lo = bisect_left(mentions, (start, -1))
            hi = bisect_left(mentions, (end, -1))
            found.extend(mentions[lo:hi])
        people: list[Person] = []
        for _, number in sorted(found, reverse=True):
            person = self._people[number]
            if person not in people:
                people.append(person)
        return people

    def gender(self, name: str) -> Gender | None:
        person = self._by_full_name.get(name)
        return person.gender if person else None

    def _anaphor(self, phrase: str, at: int) -> Person | None:
        """ "l'élu", "la responsable coréenne": a definite description of someone named before."""
        lex = self._lexicon
        words = phrase.split()
        first = fold(words[0]) if words else ""
        definite = first in {"le", "la", "the"} or first.startswith("l'")
        cleaned = strip_leading(phrase.strip(), lex.determiners)
        head = fold(cleaned.split()[0]) if cleaned.split() else ""
        is_role = word_pattern(lex.roles).match(fold(cleaned)) is not None
        if not definite or len(cleaned.split()) > _MAX_ANAPHOR_WORDS:
            return None
        if not (is_role or head in lex.person_nouns):
            return None
        return self.last_before(at, gender_of(phrase, lex))

    def _by_name(self, bare: str) -> Person | None:
        if not bare or not bare[0].isupper():
            return None
        candidates = self._by_key.get(squash(bare), [])
        if not candidates:
            return None
        return max(candidates, key=lambda p: len(p.name.split()))

    def _by_trailing_name(self, cleaned: str) -> Person | None:
        """ "Saudi Aramco's chief executive Amin Nasser", "secrétaire d'État Jamila
        Elmoussali": a title, then a person the article names."""
        names = list(full_name_pattern(self._lexicon).finditer(cleaned))
        if not names or names[-1].end() != len(cleaned) or names[-1].start() == 0:
            return None
        return self._by_name(names[-1].group())

    def _by_role(self, cleaned: str, at: int, gender: Gender | None) -> Person | None:
        """The holder of a role ("le ministre de l'Intérieur"): of that post when the
        mention names one, of the mention's gender, the last introduced before `at`."""
        folded = fold(cleaned)
        match = word_pattern(self._lexicon.roles).match(folded)
        if match is None:
            return None
        post = _post_key(folded[match.end() :])
        holders = [
            (start, person)
            for start, person, held in self._holders.get(_role_key(match.group()), [])
            if person.compatible(gender) and _same_post(post, held)
        ]
        if not holders:
            return None
        before = [h for h in holders if h[0] <= at]
        return max(before, key=lambda h: h[0])[1] if before else min(holders, key=lambda h: h[0])[1]

    def _add(self, name: str, at: int, role: str | None, cue: str = "", post: str = "") -> None:
        keys = name_keys(name, self._lexicon)
        found = self._by_key.get(squash(name))
        if not found:
            person = Person(name, at, number=len(self._people))
            self._people.append(person)
            self._index(person, keys)
        else:
            person = found[0]
            if len(name.split()) > len(person.name.split()):
                self._by_full_name.pop(person.name, None)
                person.name = name
                self._index(person, keys - person.keys)
        if role is not None:
            person.roles.append((at, role))
            self._holders.setdefault(role, []).append((at, person, post))
        self._mention(person, at)
        if person.gender is None:
            person.gender = gender_of(cue, self._lexicon)

    def _index(self, person: Person, new_keys: set[str]) -> None:
        person.keys |= new_keys
        for key in new_keys:
            self._by_key.setdefault(key, []).append(person)
        self._by_full_name[person.name] = person

    def _mention(self, person: Person, at: int) -> None:
        self._mentions.append((at, person.number))

    def _find_introductions(self, text: str, folded: str) -> None:
        lex = self._lexicon
        names = full_name_pattern(lex)
        for role in word_pattern(lex.roles).finditer(folded):
            # "ROLE NAME" (President Emmanuel Macron) or "ROLE ..., NAME".
            cue = _role_with_determiner(folded, role.start(), role.end())
            direct = names.match(text, _skip_spaces(text, role.end()))
            if direct and is_name_start(direct.group().split()[0], lex):
                self._add(direct.group(), direct.start(), _role_key(role.group()), cue)
                continue
            comma = text.find(",", role.end(), role.end() + _ROLE_REACH)
            if comma < 0 or re.search(r"[.!?;]", text[role.end() : comma]):
                continue
            after = names.match(text, _skip_spaces(text, comma + 1))
            if after and is_name_start(after.group().split()[0], lex):
                post = _post_key(folded[role.end() : comma])
                self._add(after.group(), after.start(), _role_key(role.group()), cue, post)
        # "manager Chris Dane", "Opposition leader Mark Daley": a person noun, then a name.
        for noun in word_pattern(tuple(lex.person_nouns)).finditer(folded):
            direct = names.match(text, _skip_spaces(text, noun.end()))
            if direct and is_name_start(direct.group().split()[0], lex):
                self._add(direct.group(), direct.start(), None)
        # "NAME, the ROLE," as English writes it ("Dr Amara X, the director, ...").
        for match in names.finditer(text):
            name, start = _without_honorific(match.group(), match.start(), lex)
            if not name or not text.startswith(",", match.end()):
                continue
            end = _SEGMENT_END.search(text, match.end() + 1, match.end() + _ROLE_REACH)
            segment = folded[match.end() + 1 : end.start() if end else match.end()]
            found = word_pattern(lex.roles).search(segment)
            # The role heads the apposition; what follows it may run long
            # ("directrice des politiques ... au ministère coréen de ...").
            if found and len(segment[: found.start()].split()) <= _ROLE_LEAD_WORDS:
                cue = (
                    f"{match.group()} {_role_with_determiner(segment, found.start(), found.end())}"
                )
                post = _post_key(segment[found.end() :])
                self._add(name, start, _role_key(found.group()), cue, post)

    def _find_role_mentions(self, folded: str) -> None:
        """ "La secrétaire d'État a également présenté ...": a definite role names its
        holder again, when the article gives that role to one person of that gender."""
        for role in word_pattern(self._lexicon.roles).finditer(folded):
            cue = _role_with_determiner(folded, role.start(), role.end())
            if not cue.split() or cue.split()[0] not in _DEFINITE:
                continue
            gender = gender_of(cue, self._lexicon)
            holders = {
                person.number
                for _, person, _ in self._holders.get(_role_key(role.group()), [])
                if person.compatible(gender)
            }
            if len(holders) == 1:
                self._mentions.append((role.start(), holders.pop()))

    def _find_honorific_mentions(self, text: str) -> None:
        for match in honorific_pattern(self._lexicon).finditer(text):
            name = match.group("name")
            known = self._by_name(name)
            if known is not None:
                self._add(known.name, match.start(), None, match.group("title"))
                continue
            # "M. Youssef Amrani" is a full name; "Mme Elmoussali" alone keeps its title.
            full = len(name.split()) > 1 and is_name_start(name.split()[0], self._lexicon)
            shown = name if full else f"{match.group('title')} {name}"
            self._add(shown, match.start(), None, match.group("title"))

    def note_speaker(self, name: str, at: int) -> bool:
        """Record a speaker found by attribution; True when `name` is a person's full name."""
        if self.is_person(name):
            return True
        lex = self._lexicon
        words = name.split()
        if not full_name_pattern(lex).fullmatch(name) or not is_name_start(words[0], lex):
            return False
        if any(fold(word) in lex.organisation_words for word in words):
            return False  # "Greenfield Foods", "Banque Populaire": a body, not a person
        self._add(name, at, None)
        return True

    def note_mention(self, name: str, at: int) -> None:
        """Record that `name` (a registered person) speaks again at offset `at`."""
        person = self._by_full_name.get(name)
        if person is not None and (not self._spoken or self._spoken[-1][0] <= at):
            self._spoken.append((at, person.number))

    def is_person(self, name: str) -> bool:
        return name in self._by_full_name


_SEGMENT_END = re.compile(r"[,.;!?]")


def _titled_name(cleaned: str, lexicon: Lexicon) -> str | None:
    """ "manager Chris Dane", "l'entraîneur Jean Dupont": a person's title, then their full
    name to the end; the name ("the charity National Energy Action" names no person)."""
    names = list(full_name_pattern(lexicon).finditer(cleaned))
    if not names or names[-1].end() != len(cleaned) or names[-1].start() == 0:
        return None
    title = fold(cleaned[: names[-1].start()]).split()
    if not title or not _is_title(title[-1], lexicon):
        return None
    name = names[-1].group()
    return name if is_name_start(name.split()[0], lexicon) else None


def _is_title(word: str, lexicon: Lexicon) -> bool:
    """A folded word that names a person's post: a role's last word or a person noun."""
    return word in lexicon.person_nouns or word in _role_heads(lexicon)


@lru_cache(maxsize=8)
def _role_heads(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(fold(role).split()[-1] for role in lexicon.roles)


def _without_honorific(name: str, start: int, lexicon: Lexicon) -> tuple[str, int]:
    """ "Dr Amara Okafor-Lind" -> "Amara Okafor-Lind"; ("", start) when no name is left."""
    first, _, rest = name.partition(" ")
    if is_name_start(first, lexicon):
        return name, start
    if first in lexicon.honorifics and len(rest.split()) > 1:
        rest = rest.lstrip()
        return rest, start + len(name) - len(rest)
    return "", start


def _role_with_determiner(folded: str, start: int, end: int) -> str:
    """The role and the word before it ("la secretaire"): the determiner tells the gender."""
    before = folded[max(0, start - 4) : start]
    word = re.search(r"(?:^|[\s])(la|le|l'|the)\s*$", before)
    return f"{word.group(1) if word else ''} {folded[start:end]}"


def _post_key(complement: str) -> str:
    """What follows a role, folded, as words: " de l'Intérieur" -> "de l interieur"."""
    return " ".join(fold(complement).replace("'", " ").split())


def _same_post(mention: str, held: str) -> bool:
    """True unless both name a post and the posts differ ("de la sante", "de l interieur")."""
    return not mention or not held or held.startswith(mention) or mention.startswith(held)


def _role_key(role: str) -> str:
    return " ".join(fold(role).replace("'", " ").split())


def _skip_spaces(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \u00a0\u202f":
        i += 1
    return i
