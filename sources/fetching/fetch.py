"""fetch(): one guarded, capped, recorded GET of a page, redirects followed by hand.

Flow of a fetch: check the scheme; for each hop, send a GET (guard inside the
transport), record a redirect and go on, or stop on any other status; refuse
unreadable content types before reading the body; stream the raw (still encoded)
bytes under the wire cap, decode them under the decoded cap; refuse an empty page.
Every refusal raises a FetchError subclass whose ``attempt`` says how far it went.

The total timeout and the caller's stop event hold from the first byte to the
last: every network wait happens under :func:`sources.fetching.deadline.deadline`.
"""

from __future__ import annotations

import re
import threading
import time
from datetime import UTC, datetime
from urllib.parse import urljoin

import httpx

from sources.errors import (
    BadURL,
    BlockedAddress,
    BodyTooLarge,
    ConnectFailed,
    ContentDecodingFailed,
    DecompressionBomb,
    EmptyBody,
    FetchError,
    FetchStopped,
    FetchTimeout,
    HTTPStatusError,
    TooManyRedirects,
    TransferFailed,
    UnsupportedContentType,
    UnsupportedScheme,
)
from sources.fetching.client import build_client, timeouts
from sources.fetching.deadline import Deadline, deadline
from sources.fetching.decompress import BoundedDecoder, DecodingError, OutputLimitExceeded
from sources.fetching.guard import DestinationBlocked
from sources.fetching.media import is_readable, parse_content_type, sniff
from sources.fetching.policy import FetchPolicy
from sources.fetching.result import FetchAttempt, FetchResult, Hop

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")

PRIVATE_ADVICE = (
    "factdesk refuses non-public addresses; pass --allow-private-networks "
    "(or set FACTDESK_ALLOW_PRIVATE_NETWORKS=1) if you mean to reach it"
)


def _one_line(text: str) -> str:
    """Server-supplied text in a message: no line breaks or control characters."""
    return _CONTROL.sub(" ", text).strip()


def _size(n: int) -> str:
    if n >= 1024 * 1024 and n % (1024 * 1024) == 0:
        return f"{n // (1024 * 1024)} MiB"
    if n >= 1024 and n % 1024 == 0:
        return f"{n // 1024} KiB"
    return f"{n} bytes"


class _Progress:
    """What is known so far of one fetch; turns into a FetchAttempt at the end."""

    def __init__(self, url: str) -> None:
        self.requested_url = url
        self.url = url
        self.status: int | None = None
        self.hops: list[Hop] = []
        self.started_at = datetime.now(UTC)
        self._clock = time.monotonic()

    def elapsed(self) -> float:
        return time.monotonic() - self._clock

    def attempt(self, error: str | None = None) -> FetchAttempt:
        return FetchAttempt(
            requested_url=self.requested_url,
            final_url=self.url,
            status=self.status,
            redirects=tuple(self.hops),
            started_at=self.started_at,
            elapsed_ms=int(self.elapsed() * 1000),
            error=error,
        )

    def where(self) -> str:
        """The address to name in a message: the one asked for, and where it led."""
        if self.url != self.requested_url:
            return f"{self.requested_url} (redirected to {_one_line(self.url)})"
        return self.requested_url

    def message(self, detail: str, advice: str) -> str:
        return f"{self.where()}: {_one_line(detail)}; {advice}"

    def fail(self, cls: type[FetchError], detail: str, advice: str) -> FetchError:
        """The error to raise, for the FetchError classes that carry no extra field."""
        message = self.message(detail, advice)
        return cls(message, url=self.requested_url, attempt=self.attempt(message))


def _scheme_error(progress: _Progress, url: str) -> FetchError | None:
    try:
        parsed = httpx.URL(url)
        parsed.host  # noqa: B018  (decoding an xn-- label that is not IDNA raises here)
    except (httpx.InvalidURL, UnicodeError) as exc:
        return progress.fail(BadURL, f"not a valid address ({exc})", "check the address")
    scheme = parsed.scheme.lower()
    if scheme not in ("http", "https"):
        detail = f"the {scheme}: scheme is not supported" if scheme else "the address has no scheme"
        return progress.fail(
            UnsupportedScheme,
            detail,
            "factdesk fetches http:// and https:// addresses only; "
            "save other material to a file and ingest the file",
        )
    if not parsed.host:
        return progress.fail(BadURL, "the address has no host", "check the address")
    return None


def check_scheme(url: str) -> None:
    """Raise UnsupportedScheme (or BadURL) unless ``url`` is an http or https address."""
    error = _scheme_error(_Progress(url), url)
    if error is not None:
        raise error


def fetch(
    url: str,
    *,
    policy: FetchPolicy,
    client: httpx.Client | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
    stop: threading.Event | None = None,
) -> FetchResult:
    """GET ``url`` under ``policy``; a conditional GET when ``etag``/``last_modified`` are given.

    ``client`` should come from ``build_client`` (its guard setting is the one that
    applies); without one, a client is built for this fetch and closed after it.
    Setting ``stop`` ends the fetch within a fraction of a second (FetchStopped),
    unless it is opening a connection (then within the connect timeout).
    Raises a FetchError subclass for every failure.
    """
    if client is None:
        with build_client(policy) as own_client:
            return _fetch(url, policy, own_client, etag, last_modified, stop)
    return _fetch(url, policy, client, etag, last_modified, stop)


def _fetch(
    url: str,
    policy: FetchPolicy,
    client: httpx.Client,
    etag: str | None,
    last_modified: str | None,
    stop: threading.Event | None,
) -> FetchResult:
    progress = _Progress(url)
    error = _scheme_error(progress, url)
    if error is not None:
        raise error
    conditional: dict[str, str] = {}
    if etag:
        conditional["If-None-Match"] = etag
    if last_modified:
        conditional["If-Modified-Since"] = last_modified
    with deadline(policy.total_timeout, stop) as limits:
        try:
            return _follow(progress, policy, client, conditional, limits)
        except httpx.TransportError as exc:
            raise _transport_failure(progress, policy, limits, exc) from exc
        except UnicodeError as exc:
            # httpx works out where a redirect leads as the answer arrives; a Location
            # whose xn-- label is not IDNA raises there, as no httpx error.
            raise progress.fail(
                BadURL,
                f"redirected to an address that is not valid IDNA ({exc})",
                "check the address",
            ) from exc


def _transport_failure(
    progress: _Progress, policy: FetchPolicy, limits: Deadline, exc: httpx.TransportError
) -> FetchError:
    """The FetchError for a failure of the connection or of the guard."""
    if limits.stopped:
        return _stopped(progress)
    if isinstance(exc, DestinationBlocked):
        if exc.host == exc.address:
            detail = f"{exc.address} is a {exc.reason} address"
        else:
            detail = f"{exc.host} resolves to {exc.address}, a {exc.reason} address"
        message = progress.message(detail, PRIVATE_ADVICE)
        return BlockedAddress(
            message,
            url=progress.requested_url,
            attempt=progress.attempt(message),
            host=exc.host,
            address=exc.address,
        )
    if limits.passed:
        return _total_timeout(progress, policy)
    if isinstance(exc, httpx.TimeoutException):
        phase = "connecting" if isinstance(exc, httpx.ConnectTimeout) else "waiting for data"
        return progress.fail(
            FetchTimeout,
            f"timed out {phase} after {progress.elapsed():.1f} s",
            "the site is slow or down; retry later",
        )
    if isinstance(exc, httpx.ConnectError):
        return progress.fail(
            ConnectFailed,
            f"could not connect ({exc or 'no reason given'})",
            "check the address and your network, then retry",
        )
    return progress.fail(
        TransferFailed,
        f"the transfer failed ({type(exc).__name__}: {exc})",
        "retry later; if it persists, save the page from a browser and ingest the file",
    )


def _total_timeout(progress: _Progress, policy: FetchPolicy) -> FetchError:
    return progress.fail(
        FetchTimeout,
        f"the fetch took longer than {policy.total_timeout:g} s in all",
        "the site is slow or down; retry later",
    )


def _stopped(progress: _Progress) -> FetchError:
    return progress.fail(
        FetchStopped,
        "stopped before the answer was complete (factdesk was asked to stop)",
        "nothing was kept of it; fetch it again later",
    )


def _check_deadline(progress: _Progress, policy: FetchPolicy, limits: Deadline) -> float:
    if limits.stopped:
        raise _stopped(progress)
    remaining = policy.total_timeout - progress.elapsed()
    if remaining <= 0:
        raise _total_timeout(progress, policy)
    return remaining


def _follow(
    progress: _Progress,
    policy: FetchPolicy,
    client: httpx.Client,
    conditional: dict[str, str],
    limits: Deadline,
) -> FetchResult:
    while True:
        remaining = _check_deadline(progress, policy, limits)
        request = client.build_request(
            "GET", progress.url, headers=conditional, timeout=timeouts(policy, remaining)
        )
        response = client.send(request, stream=True, follow_redirects=False)
        try:
            progress.status = response.status_code
            location = response.headers.get("Location")
            if response.status_code in REDIRECT_STATUSES and location:
                _redirect(progress, policy, response, location)
                continue
            return _answer(progress, policy, response, bool(conditional), limits)
        finally:
            response.close()


def _redirect(
    progress: _Progress, policy: FetchPolicy, response: httpx.Response, location: str
) -> None:
    # urljoin, not httpx's join: the hop records a foreign scheme ("file:///...") as sent.
    try:
        target = urljoin(str(response.url), location.strip())
    except ValueError as exc:  # a broken IPv6 literal
        raise progress.fail(
            BadURL, f"redirected to an invalid address {location!r} ({exc})", "check the address"
        ) from None
    progress.hops.append(Hop(url=progress.url, status=response.status_code, location=target))
    previous = {hop.url for hop in progress.hops}
    progress.url = target
    error = _scheme_error(progress, target)
    if error is not None:
        raise error
    if len(progress.hops) > policy.max_redirects:
        loop = target in previous
        detail = (
            "redirect loop" if loop else "too many redirects"
        ) + f" (more than {policy.max_redirects} hops)"
        raise progress.fail(
            TooManyRedirects,
            detail,
            "open the address in a browser to see where it leads, then ingest the final page",
        )


def _status_advice(status: int) -> str:
    if status in (401, 402, 403, 451):
        return "the site refuses access (login, paywall or block); save the page from a " \
            "browser and ingest the file"
    if status in (404, 410):
        return "the page is gone or the address is wrong; check it or use an archived copy"
    if status == 429:
        return "the site is rate limiting; retry later"
    if status >= 500:
        return "the site failed; retry later"
    return "check the address in a browser"


def _answer(
    progress: _Progress,
    policy: FetchPolicy,
    response: httpx.Response,
    conditional: bool,
    limits: Deadline,
) -> FetchResult:
    status = response.status_code
    headers = tuple(
        (name.decode("latin-1"), value.decode("latin-1")) for name, value in response.headers.raw
    )
    content_type = parse_content_type(response.headers.get("Content-Type"))
    etag = response.headers.get("ETag")
    last_modified = response.headers.get("Last-Modified")
    if status == 304 and conditional:
        return FetchResult(
            attempt=progress.attempt(),
            headers=headers,
            body=b"",
            media_type=content_type.media_type if content_type else "",
            charset=content_type.charset if content_type else None,
            not_modified=True,
            etag=etag,
            last_modified=last_modified,
        )
    if not 200 <= status < 300:
        reason = f" {_one_line(response.reason_phrase)}" if response.reason_phrase else ""
        detail = f"the server answered {status}{reason}"
        if status in REDIRECT_STATUSES:
            detail += " without a Location"
        message = progress.message(detail, _status_advice(status))
        raise HTTPStatusError(
            message, url=progress.requested_url, attempt=progress.attempt(message), status=status
        )
    if content_type is not None and not is_readable(content_type.media_type, policy.also_read):
        _refuse_type(progress, content_type.media_type)
    body = _read_body(progress, policy, response, limits)
    media_type = content_type.media_type if content_type else sniff(body)
    if not is_readable(media_type, policy.also_read):
        _refuse_type(progress, media_type, sniffed=True)
    if not body.strip():
        raise progress.fail(
            EmptyBody,
            f"the server answered {status} with an empty page",
            "the page may need JavaScript or a login; save it from a browser and ingest the file",
        )
    return FetchResult(
        attempt=progress.attempt(),
        headers=headers,
        body=body,
        media_type=media_type,
        charset=content_type.charset if content_type else None,
        not_modified=False,
        etag=etag,
        last_modified=last_modified,
    )


def _refuse_type(progress: _Progress, media_type: str, *, sniffed: bool = False) -> None:
    what = _one_line(media_type)[:100]
    if sniffed:
        what = f"{what} (no Content-Type; guessed from the bytes)"
    message = progress.message(
        f"unsupported content type {what}",
        "factdesk reads HTML, plain text and PDF — save the text as .txt and ingest the file",
    )
    raise UnsupportedContentType(
        message,
        url=progress.requested_url,
        attempt=progress.attempt(message),
        media_type=media_type,
    )


TOO_LARGE_ADVICE = (
    "the page is too large for factdesk; save the part you need as .txt and ingest the file"
)


def _too_large(
    progress: _Progress, detail: str, limit: int, cls: type[BodyTooLarge] = BodyTooLarge,
    advice: str = TOO_LARGE_ADVICE,
) -> BodyTooLarge:
    message = progress.message(detail, advice)
    return cls(message, url=progress.requested_url, attempt=progress.attempt(message), limit=limit)


def _read_body(
    progress: _Progress, policy: FetchPolicy, response: httpx.Response, limits: Deadline
) -> bytes:
    declared = response.headers.get("Content-Length", "").strip()
    if declared.isdigit() and int(declared) > policy.max_wire_bytes:
        raise _too_large(
            progress,
            f"the body is {_size(int(declared))}, over the {_size(policy.max_wire_bytes)} cap",
            policy.max_wire_bytes,
        )
    encoding = response.headers.get("Content-Encoding")
    try:
        decoder = BoundedDecoder(encoding, limit=policy.max_body_bytes)
    except DecodingError as exc:
        raise progress.fail(
            ContentDecodingFailed, str(exc), "the server sent an encoding factdesk cannot read"
        ) from exc
    body = bytearray()
    wire = 0
    try:
        # iter_raw: the bytes as sent, so that decoding happens here under the cap.
        for chunk in response.iter_raw():
            wire += len(chunk)
            if wire > policy.max_wire_bytes:
                raise _too_large(
                    progress,
                    f"the body is over the {_size(policy.max_wire_bytes)} cap",
                    policy.max_wire_bytes,
                )
            body += decoder.feed(chunk)
            _check_deadline(progress, policy, limits)
        body += decoder.finish()
    except OutputLimitExceeded as exc:
        if decoder.encoded:
            raise _too_large(
                progress,
                f"the {encoding} body inflates past the {_size(policy.max_body_bytes)} cap",
                policy.max_body_bytes,
                DecompressionBomb,
                "factdesk stopped decoding it; if the page is genuine, save its text as .txt "
                "and ingest the file",
            ) from exc
        raise _too_large(
            progress,
            f"the body is over the {_size(policy.max_body_bytes)} cap",
            policy.max_body_bytes,
        ) from exc
    except DecodingError as exc:
        raise progress.fail(
            ContentDecodingFailed,
            f"the {encoding} body cannot be decoded ({exc})",
            "the server sent a corrupt body; retry later",
        ) from exc
    return bytes(body)
