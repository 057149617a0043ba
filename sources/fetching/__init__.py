"""The HTTP fetcher: guarded, capped, recorded GETs of web pages.

    fetch(url, policy=FetchPolicy(), etag=..., last_modified=...) -> FetchResult
    build_client(policy) -> httpx.Client   the one factory of httpx clients

Failures raise sources.errors.FetchError subclasses carrying a FetchAttempt.
"""

from sources.fetching.client import build_client
from sources.fetching.fetch import check_scheme, fetch
from sources.fetching.policy import FetchPolicy
from sources.fetching.result import FetchAttempt, FetchResult, Hop

__all__ = [
    "FetchAttempt",
    "FetchPolicy",
    "FetchResult",
    "Hop",
    "build_client",
    "check_scheme",
    "fetch",
]
