"""Dates and times of day: figures that are never counts.

- A numeric date ("12.05.2021", "12/05/2021", "2021-05-12") is one quantity
  of kind date whose value is its year and unit "date": never 12.05.
- A clock time is dropped, not a quantity: "à 14 heures", "vers 8 h 30",
  "14h30", "at 2 pm", "10:45", "at 2 o'clock". A time of day frames a
  claim; a fact-checker never checks it as a figure (and "14 heures" is no
  duration there).
- A day number that shares its month with a day after it is a date:
  "entre le 3 et le 17 avril", "du 3 au 17 avril", "les 3, 4 et 5 mai",
  "between 3 and 17 April"; and after one: "April 3 to 17".
- A month name of the other language marks a date too: "May 2, 2021" in a
  French text, "le 3 mars" in an English one.
The words are data: the `NumberGrammar` of the language (`clock_leads`,
`clock_hours`, `day_joiners`, `day_articles`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Final

from claims.text.quantities.alternatives import alternation
from claims.text.quantities.grammar import NumberGrammar, PerGrammar
from claims.text.quantities.model import Quantity

_SP: Final = r"[\s\u00a0]"


_NUMERIC_DATE: Final = re.compile(
    r"(?<![\w.,/-])(?:(?P<d>\d{1,2})(?P<sep>[./-])(?P<m>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})"
    r"|(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2}))(?![\w/]|[.,-]\d)"
)
_CLOCK_AFTER: Final = re.compile(r"(?i)\s?(?:am|pm|a\.m\.|p\.m\.)(?![\w])|h\d\d|:\d\d(?!\d)")
_CLOCK_FIGURE: Final = re.compile(r"\d{1,2}(?:[.:]\d\d)?")
_HOURS: Final = PerGrammar(
    lambda grammar: re.compile(
        r"(?i)" + _SP + r"*(?:" + alternation(grammar.clock_hours) + r")(?![\w])"
    )
)
_MINUTES: Final = re.compile(_SP + r"*\d{1,2}(?!\d)(?:" + _SP + r"*(?:min|minutes)(?![\w]))?")
_LEAD: Final = PerGrammar(
    lambda grammar: re.compile(
        r"(?i)(?<![\w])(?:" + alternation(grammar.clock_leads) + r")" + _SP + r"+$"
    )
)
_DAY_GAP: Final = PerGrammar(lambda grammar: re.compile(
        r"(?i)" + _SP + r"*(?:" + alternation(grammar.day_joiners) + r")" + _SP
        + r"*(?:(?:" + alternation(grammar.day_articles) + r")" + _SP + r"+)?"
    ))  # fmt: skip
_DAY_GAP_BEFORE_MONTH_LATER: Final = PerGrammar(
    lambda grammar: re.compile(
        r"(?i)" + _SP + r"*(?:" + alternation(grammar.day_joiners) + r")" + _SP + r"*"
    )
)
_MAX_HOUR: Final = 24


def numeric_dates(text: str) -> list[tuple[int, int, float]]:
    """(start, end, year) of each numeric date: "12.05.2021", "2021-05-12"."""
    out: list[tuple[int, int, float]] = []
    for m in _NUMERIC_DATE.finditer(text):
        if m.group("iy"):
            year, a, b = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
            if not (1 <= a <= 12 and 1 <= b <= 31):
                continue
        else:
            a, b, written = int(m.group("d")), int(m.group("m")), m.group("y")
            if not (1 <= a <= 31 and 1 <= b <= 31 and min(a, b) <= 12):
                continue  # neither day.month nor month/day
            year = int(written) if len(written) == 4 else 2000 + int(written)
            if len(written) == 2 and m.group("sep") == ".":
                continue  # "1.2.3": a version or a section, not a date
        out.append((m.start(), m.end(), float(year)))
    return out


def clock_time_end(
    text: str, start: int, end: int, grammar: NumberGrammar, value: float
) -> int | None:
    """End of the clock time that the figure `value` at text[start:end] opens
    ("14h30", "2 pm", "10:45", "à 14 heures 30", "at 2 o'clock"), or None."""
    if _CLOCK_FIGURE.fullmatch(text, start, end):
        m = _CLOCK_AFTER.match(text, end)
        if m:
            return m.end()
    if not float(value).is_integer() or not 0 <= value <= _MAX_HOUR:
        return None
    hours = _HOURS[grammar].match(text, end)
    if hours is None:
        return None
    if grammar.clock_hour_needs_lead and not _LEAD[grammar].search(text, max(0, start - 16), start):
        return None  # "pendant 14 heures", "14 heures de négociations": a duration
    if re.match(_SP + r"*(?:de|d['’]|of)(?![\w])", text[hours.end() : hours.end() + 4]):
        return None  # "après 10 heures de négociations"
    minutes = _MINUTES.match(text, hours.end())
    return minutes.end() if minutes else hours.end()


def days_sharing_a_month(text: str, grammar: NumberGrammar, qs: list[Quantity]) -> list[Quantity]:
    """Bare day numbers joined to a date day of one month become dates too:
    "entre le 3 et le 17 avril", "les 3, 4 et 5 mai", "April 3 to 17"."""
    out = list(qs)
    for i in range(len(out) - 2, -1, -1):  # right to left: "les 3, 4 et 5 mai"
        a, b = out[i], out[i + 1]
        if _is_day(b) and _bare_day_number(a) and _DAY_GAP[grammar].fullmatch(text, a.end, b.start):
            out[i] = replace(a, kind="date", unit="day")
    for i in range(1, len(out)):  # left to right: "April 3 to 17"
        a, b = out[i - 1], out[i]
        if (
            _is_day(a)
            and _bare_day_number(b)
            and _DAY_GAP_BEFORE_MONTH_LATER[grammar].fullmatch(text, a.end, b.start)
            and not text[a.start : a.end][-1:].isalpha()
        ):
            out[i] = replace(b, kind="date", unit="day")
    return out


def _is_day(q: Quantity) -> bool:
    return q.kind == "date" and q.unit == "day"


def _bare_day_number(q: Quantity) -> bool:
    return (
        q.kind == "count"
        and q.unit is None
        and q.value is not None
        and float(q.value).is_integer()
        and 1 <= q.value <= 31
        and q.hedge is None
    )
