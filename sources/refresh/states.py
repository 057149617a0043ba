"""The states of the refresh job, as enums whose values are what the database holds.

``StrEnum``: a member compares equal to its value and is stored as it, so
rows written before these enums existed read the same.

    Health          a source's state, as ``sources`` and the TUI show it
    CheckKind       what one check found, before anything is stored
    AppliedKind     what a check came to once stored (the pass's counters)
    ScopeKind       which sources a pass covers
    RunStatus       how a pass ended
"""

from __future__ import annotations

from enum import StrEnum

from sources.urls import is_local


class Health(StrEnum):
    OK = "ok"
    """The last check fetched the page (or a 304 confirmed it)."""
    CHANGED = "changed"
    """The last check found a changed article."""
    MOVED = "moved"
    """The first hop of the last check was a permanent redirect (301/308)."""
    GONE = "gone"
    """404/410 on ``gone_after`` checks in a row; still checked at its interval."""
    FAILING = "failing"
    """The last check failed (the fetch record says why); retried after a backoff."""
    ROBOTS_DOWN = "robots_down"
    """The site's robots.txt could not be read (5xx, DNS failure, unreachable):
    RFC 9309 allows nothing until it can be; retried after the robots backoff.
    Never "blocked": the site did not forbid anything."""
    BLOCKED = "blocked"
    """The site's robots.txt disallows the address: nothing is fetched until the
    site allows it or a person overrides the rule on record
    (``factdesk refresh robots SOURCE --ignore``)."""
    PAUSED = "paused"
    """A person paused it (``factdesk refresh pause``)."""
    LOCAL = "local"
    """Read from a file or stdin: there is nothing to re-fetch, never due."""

    @property
    def needs_a_human(self) -> bool:
        """Failing for a reason a person should look at (``sources --failing``)."""
        return self in (Health.FAILING, Health.GONE, Health.ROBOTS_DOWN, Health.BLOCKED)

    @property
    def label(self) -> str:
        """As shown to a person: ``robots down``."""
        return self.value.replace("_", " ")


def health_of(url: str, stored: str) -> Health:
    """The health to show for a source of ``url`` whose row says ``stored``.

    A local source is "local" whatever its row says: rows written before local
    sources were left out of refresh may say "failing".
    """
    if is_local(url):
        return Health.LOCAL
    try:
        return Health(stored)
    except ValueError:  # a value from a newer factdesk: show it as failing, never crash
        return Health.FAILING


class CheckKind(StrEnum):
    FETCHED = "fetched"
    NOT_MODIFIED = "not_modified"
    FAILED = "failed"
    BLOCKED = "blocked"
    """robots.txt has a rule that disallows the address."""
    ROBOTS_UNAVAILABLE = "robots_unavailable"
    """robots.txt could not be read: nothing fetched, try later."""
    STOPPED = "stopped"


class AppliedKind(StrEnum):
    NOT_MODIFIED = "not_modified"
    UNCHANGED = "unchanged"
    CHANGED = "changed"
    FAILED = "failed"
    BLOCKED = "blocked"
    ROBOTS_UNAVAILABLE = "robots_unavailable"
    LOST = "lost"
    """The lease was taken by another worker meanwhile: nothing stored."""
    RELEASED = "released"
    """The pass stopped before the check ended: the lease is given back."""


class ScopeKind(StrEnum):
    DUE = "due"
    ALL = "all"
    SOURCE = "source"


class RunStatus(StrEnum):
    RUNNING = "running"
    DONE = "done"
    INTERRUPTED = "interrupted"
    ABORTED = "aborted"
