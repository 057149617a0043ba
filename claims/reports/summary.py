"""The summary a report opens with, in words both the Markdown and the HTML print.

Counts come from :class:`~claims.reports.overview.ReportOverview`; this module
only names and orders them: statuses in workflow order, verdicts in the
organisation's scale order (best first) and "no verdict" last.
"""

from __future__ import annotations

from dataclasses import dataclass

from claims.reports.overview import NEEDS_RECHECK, ReportOverview
from claims.review.ratings import RatingScale
from claims.review.statuses import STATUS_LABELS, STATUSES

UNDER_RECHECK_MARK = "verdict under re-check"
"""What Markdown and HTML say of a claim in needs_recheck instead of its old verdict."""


@dataclass(frozen=True)
class Count:
    key: str
    """Status or rating key ("" for claims without a verdict)."""
    label: str
    count: int


def status_counts(overview: ReportOverview) -> list[Count]:
    known = [s for s in STATUSES if overview.by_status.get(s)]
    other = sorted(s for s in overview.by_status if s not in STATUSES)
    return [Count(s, STATUS_LABELS.get(s, s), overview.by_status[s]) for s in (*known, *other)]


def verdict_counts(overview: ReportOverview, scale: RatingScale) -> list[Count]:
    """Every rating of the scale (zero counts too, so charts keep one shape), then
    ratings off the scale, then verdicts under re-check, then "no verdict"."""
    counts = [Count(r.key, r.label, overview.by_verdict.get(r.key, 0)) for r in scale]
    keys = {r.key for r in scale}
    counts += [
        Count(k, k, n)
        for k, n in sorted(overview.by_verdict.items(), key=lambda kv: str(kv[0]))
        if k is not None and k not in keys and k != NEEDS_RECHECK
    ]
    if overview.by_verdict.get(NEEDS_RECHECK):
        counts.append(Count(NEEDS_RECHECK, UNDER_RECHECK_MARK, overview.by_verdict[NEEDS_RECHECK]))
    if overview.by_verdict.get(None):
        counts.append(Count("", "no verdict", overview.by_verdict[None]))
    return counts


def recheck_window(overview: ReportOverview) -> str:
    return f"since {overview.since}" if overview.since else "on record (no --since given)"
