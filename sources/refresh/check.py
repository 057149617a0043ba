"""One check of one source: robots.txt, a conditional GET under the site's gate,
retries for transient errors, then decoding and main-text extraction.

No database here: the outcome is handed to ``apply`` to be stored. CPU work
(decoding, extraction) happens here, in the worker thread, so the write
transaction that follows stays short.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from sources.decoding import DecodedText
from sources.errors import (
    ConnectFailed,
    FetchError,
    FetchStopped,
    FetchTimeout,
    HTTPStatusError,
    SourceError,
    TransferFailed,
)
from sources.extraction import Article
from sources.fetching import FetchResult, fetch
from sources.ingest import page_article
from sources.refresh.errors import RobotsUnreadable
from sources.refresh.politeness import SiteGate, Stopped, retry_after_seconds
from sources.refresh.schedule import jittered, server_delay
from sources.refresh.sites import Sites
from sources.refresh.states import CheckKind
from sources.snapshots import Fetched

TRANSIENT_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
PERMANENT_REDIRECTS = frozenset({301, 308})


@dataclass(frozen=True)
class Task:
    """What a worker knows of a source it leased."""

    source_id: int
    url: str
    etag: str | None
    last_modified: str | None
    interval_s: int
    ignore_robots: bool
    leased_at: float = 0.0
    """time.monotonic() when the lease was taken or last renewed."""


@dataclass(frozen=True)
class Outcome:
    """What one check found, before anything is stored."""

    kind: CheckKind
    started_at: datetime
    result: FetchResult | None = None
    fetched: Fetched | None = None
    decoded: DecodedText | None = None
    article: Article | None = None
    error: SourceError | None = None
    message: str | None = None
    retry_after: float | None = None
    """Seconds the server's Retry-After asked for, as asked (the schedule caps it)."""
    attempts: int = 1
    robots_read: bool = False
    """robots.txt was consulted (so ``crawl_delay_asked`` is known)."""
    crawl_delay_asked: float | None = None
    """The Crawl-delay robots.txt asked for, when over the policy's cap."""

    @property
    def status(self) -> int | None:
        if isinstance(self.error, HTTPStatusError):
            return self.error.status
        if self.result is not None:
            return self.result.attempt.status
        return None

    @property
    def moved_to(self) -> str | None:
        """The final address when the first hop was a permanent redirect."""
        attempt = self.result.attempt if self.result is not None else None
        if attempt is None or not attempt.redirects:
            return None
        if attempt.redirects[0].status not in PERMANENT_REDIRECTS:
            return None
        return attempt.final_url


def is_transient(error: FetchError) -> bool:
    """Worth another attempt within the same check: the next one may well succeed."""
    if isinstance(error, HTTPStatusError):
        return error.status in TRANSIENT_STATUSES
    return isinstance(error, FetchTimeout | ConnectFailed | TransferFailed)


def robots_advice(task: Task, reason: str) -> str:
    return (
        f"{task.url}: not fetched, {reason}; to fetch it anyway, record why with "
        f"`factdesk refresh robots {task.source_id} --ignore --why TEXT`"
    )


def _obey_crawl_delay(task: Task, sites: Sites, gate: SiteGate) -> float | None:
    """Slow the site's gate to its Crawl-delay, capped; what it asked, when over the cap."""
    asked = sites.robots.crawl_delay(task.url)
    if asked is None:
        return None
    cap = sites.policy.max_crawl_delay
    gate.slow_down(server_delay(asked, cap))
    return asked if asked > cap else None


def check(task: Task, sites: Sites, stop: threading.Event) -> Outcome:
    """Check ``task``'s source once (with retries); never raises for a site's failure.

    ``stop`` ends it promptly, a fetch under way included: the outcome is then
    "stopped" and nothing is to be recorded.
    """
    started = datetime.now(UTC)
    try:
        return _check(task, sites, stop, started)
    except (Stopped, FetchStopped):
        return Outcome(CheckKind.STOPPED, started)


def _check(task: Task, sites: Sites, stop: threading.Event, started: datetime) -> Outcome:
    policy = sites.policy
    gate = sites.gate(task.url)
    client = sites.client(task.url)
    robots_read = False
    capped: float | None = None
    if policy.obey_robots and not task.ignore_robots:
        try:
            with gate.slot(stop):
                verdict = sites.robots.verdict(task.url, client, stop)
        except RobotsUnreadable as exc:
            return Outcome(CheckKind.ROBOTS_UNAVAILABLE, started, error=exc)
        robots_read = True
        capped = _obey_crawl_delay(task, sites, gate)
        if not verdict.allowed:
            return Outcome(
                CheckKind.BLOCKED,
                started,
                message=robots_advice(task, verdict.reason),
                robots_read=True,
                crawl_delay_asked=capped,
            )
    attempt = 0
    while True:
        attempt += 1
        with gate.slot(stop):
            sites.forget_last()
            try:
                result = fetch(
                    task.url,
                    policy=sites.fetch_policy,
                    client=client,
                    etag=task.etag,
                    last_modified=task.last_modified,
                    stop=stop,
                )
            except FetchStopped:
                raise
            except FetchError as exc:
                error: FetchError = exc
                retry_after = retry_after_seconds(sites.last_header("Retry-After"))
            else:
                outcome = _answered(result, started, attempt)
                return replace(outcome, robots_read=robots_read, crawl_delay_asked=capped)
        if retry_after is not None:
            gate.hold_off(server_delay(retry_after, policy.max_retry_wait))
        give_up = (
            not is_transient(error)
            or attempt > policy.retries
            or (retry_after is not None and retry_after > policy.max_retry_wait)
        )
        if give_up:
            return Outcome(
                CheckKind.FAILED,
                started,
                error=error,
                retry_after=retry_after,
                attempts=attempt,
                robots_read=robots_read,
                crawl_delay_asked=capped,
            )
        # With a Retry-After, the gate makes the wait; otherwise back off here.
        pause = jittered(policy.retry_base * 2 ** (attempt - 1), 0.2)
        if retry_after is None and stop.wait(pause):
            return Outcome(CheckKind.STOPPED, started)


def _answered(result: FetchResult, started: datetime, attempts: int) -> Outcome:
    if result.not_modified:
        return Outcome(CheckKind.NOT_MODIFIED, started, result=result, attempts=attempts)
    fetched = Fetched.from_result(result)
    try:
        decoded, article = page_article(fetched, url=fetched.final_url, lang=None)
    except SourceError as exc:
        return Outcome(CheckKind.FAILED, started, result=result, error=exc, attempts=attempts)
    return Outcome(
        CheckKind.FETCHED,
        started,
        result=result,
        fetched=fetched,
        decoded=decoded,
        article=article,
        attempts=attempts,
    )
