"""Errors of the sources layer: fetching, decoding, extraction of fetched material.

    db.errors.FactdeskError
     └── SourceError                    every failure of the sources layer
          └── FetchError                a fetch that gave no usable page (.url, .attempt)
               ├── BadURL               not an address factdesk can fetch
               │    └── UnsupportedScheme   anything but http:// and https://
               ├── BlockedAddress       loopback/private/link-local/multicast/reserved target
               ├── ConnectFailed        DNS failure, refused or unreachable host
               ├── FetchTimeout         connect, read or whole-fetch deadline passed
               ├── FetchStopped         the caller stopped it (a refresh pass ending)
               ├── TransferFailed       the connection broke or the server spoke bad HTTP
               ├── TooManyRedirects     redirect limit reached (loops included)
               ├── HTTPStatusError      4xx/5xx or another unusable status (.status)
               ├── BodyTooLarge         wire or decoded body over its cap (.limit)
               │    └── DecompressionBomb   compressed body inflating past the cap
               ├── ContentDecodingFailed   corrupt or unknown Content-Encoding
               ├── UnsupportedContentType  not HTML or plain text (.media_type)
               └── EmptyBody            a success answer with nothing (or only blanks) in it

Every message is one line: the address asked for, what went wrong, what to do.
A failed fetch is a provenance fact too: ``FetchError.attempt`` holds what is known
of it (final URL, status, redirect hops, timing, the message) so callers can record it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from db.errors import FactdeskError

if TYPE_CHECKING:
    # Only for annotations: sources.fetching imports this module at run time.
    from sources.fetching.result import FetchAttempt


class SourceError(FactdeskError):
    """Base of every error of the sources layer."""


class FetchError(SourceError):
    """A fetch failed; ``attempt`` records how far it went.

    ``url`` is the address asked for; ``attempt.final_url`` is where the fetch
    ended up after redirects. ``str(error)`` equals ``attempt.error``.
    """

    def __init__(self, message: str, *, url: str, attempt: FetchAttempt) -> None:
        super().__init__(message)
        self.url = url
        self.attempt = attempt


class BadURL(FetchError):
    """The address cannot be fetched at all (no host, unparsable)."""


class UnsupportedScheme(BadURL):
    """The address uses a scheme other than http or https."""


class BlockedAddress(FetchError):
    """The host resolves to a non-public address and private networks are not allowed."""

    def __init__(
        self, message: str, *, url: str, attempt: FetchAttempt, host: str, address: str
    ) -> None:
        super().__init__(message, url=url, attempt=attempt)
        self.host = host
        self.address = address


class ConnectFailed(FetchError):
    """The host name did not resolve, or no connection could be opened."""


class FetchTimeout(FetchError):
    """Connecting, reading, or the whole fetch took longer than the policy allows."""


class FetchStopped(FetchError):
    """The caller's stop event ended the fetch (SIGTERM to a refresh pass, say).

    Not a fact about the site: a refresh pass records nothing for it and the
    source stays due.
    """


class TransferFailed(FetchError):
    """The connection broke mid-answer, or the server's HTTP could not be understood."""


class TooManyRedirects(FetchError):
    """The redirect limit was reached; redirect loops end here too."""


class HTTPStatusError(FetchError):
    """The server answered with a status that carries no usable page."""

    def __init__(self, message: str, *, url: str, attempt: FetchAttempt, status: int) -> None:
        super().__init__(message, url=url, attempt=attempt)
        self.status = status


class BodyTooLarge(FetchError):
    """The body (as sent, or once decompressed) is over the policy's cap."""

    def __init__(self, message: str, *, url: str, attempt: FetchAttempt, limit: int) -> None:
        super().__init__(message, url=url, attempt=attempt)
        self.limit = limit


class DecompressionBomb(BodyTooLarge):
    """A compressed body inflates past the decoded cap; decoding stopped at the cap."""


class ContentDecodingFailed(FetchError):
    """The Content-Encoding is unknown or the compressed body is corrupt."""


class UnsupportedContentType(FetchError):
    """The page is not HTML or plain text (a PDF, an image, ...)."""

    def __init__(
        self, message: str, *, url: str, attempt: FetchAttempt, media_type: str
    ) -> None:
        super().__init__(message, url=url, attempt=attempt)
        self.media_type = media_type


class EmptyBody(FetchError):
    """A success answer whose body is empty or only whitespace."""
