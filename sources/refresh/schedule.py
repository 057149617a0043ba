"""When a source is next checked: its interval with jitter, or a backoff after failures.

Every wait goes through :func:`_later`, which never adds more than
``MAX_WAIT_S``: a date past year 9999 raises OverflowError, and one source
must not be able to stop a pass with a header.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from sources.refresh.config import MAX_WAIT_S, RefreshPolicy

_rng = random.SystemRandom()


def jittered(seconds: float, jitter: float) -> float:
    """``seconds`` moved by up to +/- ``jitter`` of itself, at random."""
    return max(0.0, seconds * (1 + _rng.uniform(-jitter, jitter)))


def _later(now: datetime, seconds: float) -> datetime:
    return now + timedelta(seconds=min(max(0.0, seconds), MAX_WAIT_S))


def server_delay(asked: float, limit: float) -> float:
    """A delay a server asked for (Retry-After, Crawl-delay), cut to ``limit``."""
    if asked != asked or asked < 0:  # NaN, or below zero: ask for nothing
        return 0.0
    return min(asked, limit)


def next_check(now: datetime, interval_s: float, policy: RefreshPolicy) -> datetime:
    """After a successful check: one interval on, jittered."""
    return _later(now, jittered(interval_s, policy.jitter))


def backoff_s(failures: int, policy: RefreshPolicy) -> float:
    """Wait after the ``failures``-th failure in a row: doubling from backoff_base."""
    exponent = max(0, failures - 1)
    # min() before the power would overflow for a source failing for years.
    if exponent >= 64:
        return policy.backoff_max
    return min(policy.backoff_max, policy.backoff_base * 2.0**exponent)


def after_failure(
    now: datetime,
    failures: int,
    interval_s: float,
    policy: RefreshPolicy,
    retry_after_s: float | None = None,
) -> datetime:
    """After a failed check: the backoff (never beyond the normal interval), or
    later when the server asked for it with Retry-After (up to ``backoff_max``)."""
    wait = jittered(min(backoff_s(failures, policy), max(interval_s, policy.backoff_base)), 0.1)
    if retry_after_s is not None:
        wait = max(wait, server_delay(retry_after_s, policy.backoff_max))
    return _later(now, wait)


def after_robots_unavailable(now: datetime, failures: int, policy: RefreshPolicy) -> datetime:
    """After a check that could not read the site's robots.txt: the robots
    backoff, doubling from ``robots_backoff_base`` up to ``robots_backoff_max``."""
    exponent = min(max(0, failures - 1), 64)
    wait = min(policy.robots_backoff_max, policy.robots_backoff_base * 2.0**exponent)
    return _later(now, jittered(wait, 0.1))
