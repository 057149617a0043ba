"""A per-article registry of the people it names, to resolve who said what.

Articles introduce a person once in full, often with a role ("la Secrétaire
d'Etat chargée de l'Artisanat ..., Jamila Elmoussali"), then refer to them by
honorific and surname ("Mme Elmoussali", spelt "Mme El Moussali" further down)
or by role alone ("a dit la Secrétaire d'Etat"). The registry records full
names, the roles that introduced them and surname keys folded for case,
accents and inner spaces, and turns any of those mentions back into the full
name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from claims.extraction.lexicon import Lexicon
from claims.extraction.names import (
    full_name_pattern,
    honorific_pattern,
    is_name_start,
    name_keys,
    squash,
    strip_leading,
)
from claims.extraction.textfold import fold, word_pattern

# How far a role phrase may run before the comma that introduces the name.
_ROLE_REACH = 200


@dataclass
class Person:
    """One person the article names."""

    name: str
    first_seen: int
    keys: set[str] = field(default_factory=set)
    roles: list[tuple[int, str]] = field(default_factory=list)  # (offset, folded role)


class PersonRegistry:
    """The people of one article, built from its whole text."""

    def __init__(self, text: str, lexicon: Lexicon) -> None:
        self._lexicon = lexicon
        self._people: list[Person] = []
        folded = fold(text)
        self._find_introductions(text, folded)
        self._find_honorific_mentions(text)

    @property
    def people(self) -> tuple[Person, ...]:
        return tuple(self._people)

    def resolve(self, phrase: str, at: int) -> str:
        """The full name `phrase` refers to, or `phrase` cleaned of its determiner."""
        lex = self._lexicon
        cleaned = strip_leading(phrase.strip(), lex.determiners)
        bare = strip_leading(cleaned, lex.honorifics)
        person = self._by_name(bare) or self._by_role(cleaned, at)
        if person is not None:
            return person.name
        # "la Secrétaire d'Etat" reads well as "Secrétaire d'Etat", "le ministère" does not.
        return cleaned if cleaned[:1].isupper() else phrase.strip()

    def last_before(self, at: int) -> Person | None:
        """The person introduced last before offset `at`."""
        seen = [p for p in self._people if p.first_seen < at]
        return max(seen, key=lambda p: p.first_seen) if seen else None

    def _by_name(self, bare: str) -> Person | None:
        if not bare or not bare[0].isupper():
            return None
        key = squash(bare)
        candidates = [p for p in self._people if key in p.keys]
        if not candidates:
            return None
        return max(candidates, key=lambda p: len(p.name.split()))

    def _by_role(self, cleaned: str, at: int) -> Person | None:
        match = word_pattern(self._lexicon.roles).match(fold(cleaned))
        if match is None:
            return None
        role = _role_key(match.group())
        holders = [(offset, p) for p in self._people for offset, r in p.roles if r == role]
        if not holders:
            return None
        before = [h for h in holders if h[0] <= at]
        return max(before, key=lambda h: h[0])[1] if before else min(holders)[1]

    def _add(self, name: str, at: int, role: str | None) -> None:
        keys = name_keys(name, self._lexicon)
        person = next((p for p in self._people if squash(name) in p.keys), None)
        if person is None:
            person = Person(name, at, keys)
            self._people.append(person)
        elif len(name.split()) > len(person.name.split()):
            person.name = name
            person.keys |= keys
        if role is not None:
            person.roles.append((at, role))

    def _find_introductions(self, text: str, folded: str) -> None:
        lex = self._lexicon
        names = full_name_pattern(lex)
        for role in word_pattern(lex.roles).finditer(folded):
            # "ROLE NAME" (President Emmanuel Macron) or "ROLE ..., NAME".
            direct = names.match(text, _skip_spaces(text, role.end()))
            if direct and is_name_start(direct.group().split()[0], lex):
                self._add(direct.group(), direct.start(), _role_key(role.group()))
                continue
            comma = text.find(",", role.end(), role.end() + _ROLE_REACH)
            if comma < 0 or re.search(r"[.!?;]", text[role.end() : comma]):
                continue
            after = names.match(text, _skip_spaces(text, comma + 1))
            if after and is_name_start(after.group().split()[0], lex):
                self._add(after.group(), after.start(), _role_key(role.group()))
        # "NAME, the ROLE," as English writes it.
        for name in names.finditer(text):
            first = name.group().split()[0]
            if not is_name_start(first, lex) or not text.startswith(",", name.end()):
                continue
            segment_end = text.find(",", name.end() + 1, name.end() + _ROLE_REACH)
            segment = folded[name.end() + 1 : segment_end if segment_end > 0 else name.end()]
            found = word_pattern(lex.roles).search(segment)
            if found and len(segment.split()) <= 8:
                self._add(name.group(), name.start(), _role_key(found.group()))

    def _find_honorific_mentions(self, text: str) -> None:
        for match in honorific_pattern(self._lexicon).finditer(text):
            name = match.group("name")
            if self._by_name(name) is not None:
                continue
            # "M. Youssef Amrani" is a full name; "Mme Elmoussali" alone keeps its title.
            full = len(name.split()) > 1 and is_name_start(name.split()[0], self._lexicon)
            self._add(name if full else f"{match.group('title')} {name}", match.start(), None)

    def note_speaker(self, name: str, at: int) -> bool:
        """Record a speaker found by attribution; True when `name` is a person's full name."""
        if self.is_person(name):
            return True
        pattern = full_name_pattern(self._lexicon)
        if pattern.fullmatch(name) and is_name_start(name.split()[0], self._lexicon):
            self._add(name, at, None)
            return True
        return False

    def is_person(self, name: str) -> bool:
        return any(p.name == name for p in self._people)


def _role_key(role: str) -> str:
    return " ".join(fold(role).replace("'", " ").split())


def _skip_spaces(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \u00a0\u202f":
        i += 1
    return i
