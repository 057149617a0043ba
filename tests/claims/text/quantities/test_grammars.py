"""A number grammar is data held by its language: the quantity finder keys nothing by code.

Every per-language table of `claims.text.quantities` is a field of
`NumberGrammar`, built in the language's own module; adding a language is one
new module (docs/languages.md). A module-level table keyed by language codes
would bring back edits across modules for each new language.
"""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil

import claims.text.quantities as quantities
from claims.text.languages import LANGUAGES
from claims.text.quantities import NumberGrammar, find_quantities


def code_keyed_tables() -> list[str]:
    """Every module-level dict of the package whose keys include a registered code."""
    found = []
    for module in pkgutil.walk_packages(quantities.__path__, "claims.text.quantities."):
        for attr, value in vars(importlib.import_module(module.name)).items():
            if isinstance(value, dict) and set(value) & set(LANGUAGES):
                found.append(f"{module.name}.{attr}")
    return found


def test_no_table_of_the_package_is_keyed_by_language_code() -> None:
    assert code_keyed_tables() == []


def test_every_registered_language_holds_a_whole_grammar() -> None:
    fields = [f.name for f in dataclasses.fields(NumberGrammar)]
    assert len(fields) > 40
    for lang in LANGUAGES.values():
        assert isinstance(lang.numbers, NumberGrammar)
        assert lang.numbers.code == lang.code
        assert lang.numbers.scales
        assert lang.numbers.hedges
        assert lang.numbers.months


def test_a_code_a_language_and_its_grammar_read_a_text_alike() -> None:
    text = "Près de 20.000 coopératives, soit 50 pc du total, en 2019."
    french = LANGUAGES["fr"]
    assert find_quantities(text, "fr") == find_quantities(text, french)
    assert find_quantities(text, french) == find_quantities(text, french.numbers)
