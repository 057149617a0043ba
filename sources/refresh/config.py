"""RefreshPolicy: schedule, health thresholds, politeness and leases of the refresh job."""

from __future__ import annotations

from dataclasses import dataclass

MAX_WAIT_S = 366 * 86_400.0
"""Longest wait the schedule ever computes (a year): far from the limits of
date arithmetic, whatever a server or a setting asks for."""


@dataclass(frozen=True)
class RefreshPolicy:
    """How often, how politely and how persistently sources are re-fetched.

    Times are in seconds. The defaults suit a newsroom refreshing a few
    thousand pages a day from a few hundred sites.
    """

    jitter: float = 0.1
    """Each next check lands within +/- this share of the source's interval, so
    sources added together do not all fall due in the same second forever."""
    gone_after: int = 3
    """404/410 answers in a row before a source is marked gone."""
    backoff_base: float = 300.0
    """First wait after a failed check; doubled at each further failure."""
    backoff_max: float = 86_400.0
    """Longest wait between checks of a failing source; a Retry-After asking
    for longer is cut to this (and the fetch record says so)."""
    robots_backoff_base: float = 900.0
    """First wait after a site's robots.txt could not be read (5xx, DNS failure,
    unreachable); doubled at each further such check. Its own backoff: a site
    that is down is not a page that fails."""
    robots_backoff_max: float = 21_600.0
    """Longest wait between checks while a site's robots.txt stays unreadable."""
    retries: int = 2
    """Extra attempts within one check, for transient errors only (timeouts,
    broken connections, 429 and 5xx)."""
    retry_base: float = 1.0
    """First wait before a retry within a check; doubled at each retry."""
    max_retry_wait: float = 30.0
    """Longest Retry-After honoured within a check; a longer one ends the
    check and schedules the next one after it."""
    concurrency: int = 8
    """Sources fetched at once, over all sites."""
    per_host: int = 2
    """Requests in flight at once to one site (origin: scheme, host, port)."""
    host_delay: float = 1.0
    """Seconds between the starts of two requests to one site (a robots.txt
    Crawl-delay that asks for more wins, up to ``max_crawl_delay``)."""
    max_crawl_delay: float = 60.0
    """Longest robots.txt Crawl-delay obeyed. A site asking for more gets this
    much; what it asked is kept on its sources (``crawl_delay_asked``)."""
    lease_s: float = 600.0
    """How long a worker holds the sources it took; after that another worker
    may take them (a killed worker's sources are not lost)."""
    batch: int = 0
    """Sources leased at once; 0 means twice the concurrency."""
    write_batch: int = 64
    """Most sources stored in one write transaction (more: less overhead per source)."""
    obey_robots: bool = True
    """Obey robots.txt unless a source carries an override."""
    robots_ttl: float = 3600.0
    """Seconds a fetched robots.txt is trusted within one worker."""

    def __post_init__(self) -> None:
        if self.concurrency < 1 or self.per_host < 1:
            raise ValueError("RefreshPolicy.concurrency and per_host must be at least 1")
        if not 0 <= self.jitter < 1:
            raise ValueError("RefreshPolicy.jitter must be in [0, 1)")
        if self.gone_after < 1:
            raise ValueError("RefreshPolicy.gone_after must be at least 1")
        if self.write_batch < 1:
            raise ValueError("RefreshPolicy.write_batch must be at least 1")
        if self.lease_s <= 0:
            raise ValueError("RefreshPolicy.lease_s must be positive")
        if min(self.backoff_base, self.robots_backoff_base) <= 0:
            raise ValueError("RefreshPolicy backoffs must be positive")
        if self.max_crawl_delay < 0:
            raise ValueError("RefreshPolicy.max_crawl_delay must be zero or more")

    @property
    def lease_batch(self) -> int:
        return self.batch or 2 * self.concurrency
