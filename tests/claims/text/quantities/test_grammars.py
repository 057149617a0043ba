"""A number grammar is whole: every per-grammar table of claims.text.quantities has it.

The tables are keyed by grammar code (`NUMBER_GRAMMARS`); a grammar missing
from one of them would fail with a KeyError on the first text that reaches
it. Adding a grammar (docs/languages.md, step 3), this test lists the tables
still to fill.
"""

from __future__ import annotations

import importlib
import pkgutil

import claims.text.quantities as quantities
from claims.text.languages import LANGUAGES
from claims.text.quantities import NUMBER_GRAMMARS

# Tables read with .get() or behind an `in` test: a grammar may do without them.
OPTIONAL = frozenset(
    {
        "RESTORED_ACCENTS",  # only French is written without its accents
        "_FACTOR_NOUN_STEM",  # "le double de", "le triple des": French only
        "_FACTOR_NOUN_RE",
    }
)


def grammar_tables() -> dict[str, dict[object, object]]:
    """Every module-level dict of the package keyed by grammar codes, as "module.NAME".

    A table imported into other modules is counted once.
    """
    found: dict[int, tuple[str, dict[object, object]]] = {}
    for module in pkgutil.walk_packages(quantities.__path__, "claims.text.quantities."):
        short = module.name.removeprefix("claims.text.quantities.")
        for attr, value in vars(importlib.import_module(module.name)).items():
            if isinstance(value, dict) and value and set(value) <= set(NUMBER_GRAMMARS):
                found.setdefault(id(value), (f"{short}.{attr}", value))
    return dict(found.values())


def test_the_package_has_grammar_tables() -> None:
    assert len(grammar_tables()) > 40
    assert set(NUMBER_GRAMMARS) == {"fr", "en"}


def test_every_table_has_every_grammar() -> None:
    missing = {
        name: sorted(set(NUMBER_GRAMMARS) - set(table))
        for name, table in grammar_tables().items()
        if set(table) != set(NUMBER_GRAMMARS)
    }
    assert {name.rsplit(".", 1)[1] for name in missing} <= OPTIONAL, missing


def test_every_registered_language_reads_figures_with_a_known_grammar() -> None:
    assert {lang.numbers for lang in LANGUAGES.values()} <= set(NUMBER_GRAMMARS)
