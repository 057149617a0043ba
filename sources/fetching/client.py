"""The one factory of httpx clients in factdesk, over a transport that carries the guard.

httpx's own HTTPTransport gives no way to choose httpcore's network backend, so
GuardedTransport builds its httpcore pool itself (public httpcore API only) and
maps httpcore's exceptions to httpx's, as HTTPTransport does.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from types import TracebackType

import httpcore
import httpx

from sources.fetching.guard import GuardedBackend
from sources.fetching.policy import FetchPolicy

# What factdesk can read; servers that negotiate get HTML first.
ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8"
# Only what sources.fetching.decompress decodes with a bounded output.
ACCEPT_ENCODING = "gzip, deflate"

# Most specific first: the first isinstance match wins.
_EXCEPTIONS: tuple[tuple[type[Exception], type[httpx.HTTPError]], ...] = (
    (httpcore.ConnectTimeout, httpx.ConnectTimeout),
    (httpcore.ReadTimeout, httpx.ReadTimeout),
    (httpcore.WriteTimeout, httpx.WriteTimeout),
    (httpcore.PoolTimeout, httpx.PoolTimeout),
    (httpcore.TimeoutException, httpx.TimeoutException),
    (httpcore.ConnectError, httpx.ConnectError),
    (httpcore.ReadError, httpx.ReadError),
    (httpcore.WriteError, httpx.WriteError),
    (httpcore.NetworkError, httpx.NetworkError),
    (httpcore.UnsupportedProtocol, httpx.UnsupportedProtocol),
    (httpcore.LocalProtocolError, httpx.LocalProtocolError),
    (httpcore.RemoteProtocolError, httpx.RemoteProtocolError),
    (httpcore.ProtocolError, httpx.ProtocolError),
)


@contextlib.contextmanager
def _httpx_errors() -> Iterator[None]:
    try:
        yield
    except Exception as exc:
        for source, target in _EXCEPTIONS:
            if isinstance(exc, source):
                raise target(str(exc)) from exc
        raise


class _ResponseStream(httpx.SyncByteStream):
    def __init__(self, stream: httpcore.Response) -> None:
        self._response = stream

    def __iter__(self) -> Iterator[bytes]:
        with _httpx_errors():
            yield from self._response.iter_stream()

    def close(self) -> None:
        with _httpx_errors():
            self._response.close()


class GuardedTransport(httpx.BaseTransport):
    """An httpx transport whose every connection goes through the address guard."""

    def __init__(self, *, allow_private_networks: bool) -> None:
        self._pool = httpcore.ConnectionPool(
            # httpx's context: certifi's CA bundle, the same trust as a plain httpx client.
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=20,
            max_keepalive_connections=10,
            keepalive_expiry=5.0,
            network_backend=GuardedBackend(allow_private_networks=allow_private_networks),
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(request.stream, httpx.SyncByteStream)
        core_request = httpcore.Request(
            method=request.method,
            url=httpcore.URL(
                scheme=request.url.raw_scheme,
                host=request.url.raw_host,
                port=request.url.port,
                target=request.url.raw_path,
            ),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        with _httpx_errors():
            core_response = self._pool.handle_request(core_request)
        return httpx.Response(
            status_code=core_response.status,
            headers=core_response.headers,
            stream=_ResponseStream(core_response),
            extensions=core_response.extensions,
        )

    def close(self) -> None:
        with _httpx_errors():
            self._pool.close()

    def __exit__(
        self,
        exc_type: type[BaseException] | None = None,
        exc_value: BaseException | None = None,
        traceback: TracebackType | None = None,
    ) -> None:
        self.close()


def timeouts(policy: FetchPolicy, remaining: float | None = None) -> httpx.Timeout:
    """The policy's timeouts, each cut to ``remaining`` seconds of the total when given."""

    def cut(seconds: float) -> float:
        return seconds if remaining is None else max(0.001, min(seconds, remaining))

    return httpx.Timeout(
        connect=cut(policy.connect_timeout),
        read=cut(policy.read_timeout),
        write=cut(policy.read_timeout),
        pool=cut(policy.connect_timeout),
    )


def build_client(policy: FetchPolicy) -> httpx.Client:
    """Build the httpx client every factdesk fetch goes through.

    Redirects are not followed by httpx: ``fetch`` follows them itself so that each
    hop is recorded, checked and counted. ``trust_env`` is off because a proxy from
    the environment would make the guard check the proxy instead of the destination.
    """
    return httpx.Client(
        transport=GuardedTransport(allow_private_networks=policy.allow_private_networks),
        timeout=timeouts(policy),
        follow_redirects=False,
        max_redirects=policy.max_redirects,
        trust_env=False,
        headers={
            "User-Agent": policy.user_agent,
            "Accept": ACCEPT,
            "Accept-Encoding": ACCEPT_ENCODING,
        },
    )
