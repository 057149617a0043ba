"""The registered languages: the one list of what factdesk reads.

`SUPPORTED` is its codes in registration order; the first is the fallback
when a text is too short to tell (`claims.language_choice`).
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

from claims.text.errors import UnsupportedLanguage
from claims.text.languages.en import ENGLISH
from claims.text.languages.fr import FRENCH
from claims.text.languages.model import Language

LANGUAGES: Final = MappingProxyType({lang.code: lang for lang in (FRENCH, ENGLISH)})
SUPPORTED: Final = tuple(LANGUAGES)


def language(lang: str | Language) -> Language:
    """The `Language` registered under code `lang`; a `Language` is returned as is.

    Raises `UnsupportedLanguage` naming the supported codes for any other code.
    """
    if isinstance(lang, Language):
        return lang
    found = LANGUAGES.get(lang)
    if found is None:
        raise UnsupportedLanguage(lang, SUPPORTED)
    return found
