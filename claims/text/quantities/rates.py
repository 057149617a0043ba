"""A rate keeps its period or denominator in its unit: "$20 million a week"
is USD/week, "3 milliards de tonnes chaque année" t/year, "0,5 mg par litre"
mg/l, "500 dollars par habitant" USD/capita, "20 deaths a day" deaths/day.

Read after the unit of a money, measure, count or duration figure; a time
reference is no rate ("$5bn a year ago", "l'an dernier"). A percent keeps no
rate ("3 % par an" stays a percent, unit None): percents compare with
percents. The words are data: the language's
`NumberGrammar` (`rate_leads`, `denominators`, `rate_words`, `not_a_rate_after`).
"""

from __future__ import annotations

import re
from typing import Final

from claims.text.quantities.alternatives import alternation, phrase_key
from claims.text.quantities.grammar import NumberGrammar, PerGrammar

_SP: Final = r"[\s\u00a0]"


_LEAD_THEN_DENOMINATOR: Final = PerGrammar(lambda grammar: re.compile(
        r"(?i)(?:" + _SP + r"*/" + _SP + r"*|" + _SP + r"+(?:"
        + alternation(w for w in grammar.rate_leads if w != "/") + r")" + _SP + r"+)"
        r"(?P<den>" + alternation(grammar.denominators) + r")(?![\w])"
    ))  # fmt: skip
_RATE_WORD: Final = PerGrammar(
    lambda grammar: re.compile(
        r"(?i)" + _SP + r"+(?P<rate>" + alternation(grammar.rate_words) + r")(?![\w])"
    )
)
_NEXT_WORD: Final = re.compile(r"[\s\u00a0]+([^\W\d_]+)")
_DENOMINATOR: Final = PerGrammar(
    lambda grammar: {phrase_key(k): v for k, v in grammar.denominators.items()}
)
_RATE: Final = PerGrammar(lambda grammar: {phrase_key(k): v for k, v in grammar.rate_words.items()})


def rate_after(text: str, end: int, grammar: NumberGrammar) -> tuple[str, int] | None:
    """(denominator, end) of the rate written right after `end`, or None."""
    m = _LEAD_THEN_DENOMINATOR[grammar].match(text, end)
    if m:
        den = _DENOMINATOR[grammar][phrase_key(m.group("den"))]
    else:
        m = _RATE_WORD[grammar].match(text, end)
        if m is None:
            return None
        den = _RATE[grammar][phrase_key(m.group("rate"))]
    after = _NEXT_WORD.match(text, m.end())
    if after and after.group(1).lower() in grammar.not_a_rate_after:
        return None  # "$5bn a year ago", "10 000 tonnes l'an dernier"
    return den, m.end()
