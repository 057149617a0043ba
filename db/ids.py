"""Row ids as a person types them.

Rows are keyed by whole numbers from 1 up. PostgreSQL stores the keys in
32-bit ``integer`` columns, so 2,147,483,647 is the largest id any factdesk
database holds (SQLite's keys are 64-bit, but factdesk numbers them from 1
too). A larger number names no row, and bound as a query parameter it makes
the driver fail instead ("integer out of range" on PostgreSQL, OverflowError
on SQLite past 2**63): check with :func:`as_id` before querying.
"""

from __future__ import annotations

MAX_ID = 2**31 - 1
"""The largest row id on every engine (PostgreSQL ``integer``)."""


def as_id(text: str) -> int | None:
    """The id ``text`` spells (decimal digits, 1 to MAX_ID), or None if it spells none."""
    digits = text.strip()
    if not digits.isdecimal() or len(digits) > len(str(MAX_ID)):
        return None
    value = int(digits)
    return value if 1 <= value <= MAX_ID else None


def looks_like_id(text: str) -> bool:
    """Whether ``text`` is written as an id (digits only), whether or not it is a valid one."""
    return text.strip().isdigit()
