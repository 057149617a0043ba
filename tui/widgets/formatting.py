"""How values read on screen: ages, figures with their intervals, short hashes.

Times are relative to the app's clock so that a test or a screenshot can fix
"now"; with ``show_times`` off they are hidden (deterministic snapshots).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Protocol
from urllib.parse import urlsplit

Clock = Callable[[], datetime]


class Figure(Protocol):
    """What :func:`figure` reads: a stored ``ClaimQuantity`` or a list's ``FigureRow``."""

    @property
    def value(self) -> float | None: ...
    @property
    def low(self) -> float | None: ...
    @property
    def high(self) -> float | None: ...
    @property
    def kind(self) -> str: ...
    @property
    def unit(self) -> str | None: ...
    @property
    def approximate(self) -> bool: ...


def utc_now() -> datetime:
    return datetime.now(UTC)


def age(at: datetime | None, now: datetime) -> str:
    """``at`` as a short age: "42s", "5m", "3h", "12d", "2y"."""
    if at is None:
        return "—"
    seconds = max(0, int((now - at).total_seconds()))
    for unit, size in (("y", 365 * 86_400), ("d", 86_400), ("h", 3_600), ("m", 60)):
        if seconds >= size:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"


def stamp(at: datetime | None) -> str:
    """An absolute UTC time, to the minute."""
    if at is None:
        return "—"
    return at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def number(value: float | None) -> str:
    if value is None:
        return "?"
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def figure(q: Figure) -> str:
    """A normalised figure: value, interval, unit; "~" marks an approximation."""
    mark = "~" if q.approximate else ""
    if q.kind == "date" and q.value is not None:
        return f"{mark}{int(q.value)}"
    if q.value is None and (q.low is not None or q.high is not None):
        core = f"[{number(q.low)}, {number(q.high)}]"
    else:
        core = number(q.value)
        if q.low is not None or q.high is not None:
            low = "" if q.low is None else number(q.low)
            high = "" if q.high is None else number(q.high)
            core += f" [{low}..{high}]"
    unit = " %" if q.kind == "percent" else (f" {q.unit}" if q.unit else "")
    return f"{mark}{core}{unit}"


def host(url: str) -> str:
    """The host of a web URL, or the last part of a file path."""
    parts = urlsplit(url)
    if parts.netloc:
        return parts.netloc.removeprefix("www.")
    return url.rsplit("/", 1)[-1]


def short(text: str, width: int) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
