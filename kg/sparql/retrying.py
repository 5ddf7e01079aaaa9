"""HTTP sessions that repeat requests where that is safe: urllib3's ``Retry`` on a requests session.

One policy object says how often and how patiently; each use says which methods may be repeated
(those that do the same thing twice: PUT, GET, HEAD, and a query's POST, which reads only) and
after which statuses. Connection failures before a request was sent are repeated for any method;
failures after it was sent (a dropped connection, a read timeout) only for the methods allowed.
A 4xx is the server's final word and is never repeated. requests is imported here, when a
session is made, so that the core install does not need it (it is the ``remote`` extra).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from kg.extras import require

if TYPE_CHECKING:
    import requests

# Told the reason a request failed and the seconds until it is sent again.
RetryLog = Callable[[str, float], None]


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how patiently to repeat an idempotent request.

    ``attempts`` counts the first try; the waits between tries are ``backoff``, ``2 * backoff``,
    ``4 * backoff`` ... ``timeout`` bounds each request's connect and each read separately.
    """

    attempts: int = 4
    backoff: float = 0.5
    timeout: float = 300.0

    def waits(self) -> list[float]:
        return [self.backoff * 2**i for i in range(self.attempts - 1)]


def first_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:200] if text else type(exc).__name__


def describe(exc: BaseException, timeout: float) -> str:
    """Why a request got no answer, in words: refused, timed out, dropped, not found."""
    urllib3 = require("urllib3", "remote", "reaching a store or endpoint")
    requests = require("requests", "remote", "reaching a store or endpoint")
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return f"timed out (no connection within {timeout:g} s)"
    if isinstance(exc, requests.exceptions.ReadTimeout):
        return f"timed out (no answer within {timeout:g} s)"
    reason: BaseException = exc
    while isinstance(reason, (requests.RequestException, urllib3.exceptions.MaxRetryError)) and reason.args:
        inner = reason.reason if isinstance(reason, urllib3.exceptions.MaxRetryError) else reason.args[0]
        if not isinstance(inner, BaseException):
            break
        reason = inner
    if isinstance(reason, urllib3.exceptions.NameResolutionError):
        return "host name not found"
    if isinstance(reason, urllib3.exceptions.NewConnectionError) and isinstance(reason.__cause__, OSError):
        return (reason.__cause__.strerror or first_line(reason.__cause__)).lower()
    if isinstance(reason, urllib3.exceptions.ProtocolError) and len(reason.args) > 1:
        return f"connection dropped ({first_line(reason.args[1])})"
    if isinstance(reason, urllib3.exceptions.ReadTimeoutError | TimeoutError):
        return f"timed out (no answer within {timeout:g} s)"
    return first_line(reason)


def retrying_session(
    policy: RetryPolicy, methods: Collection[str], statuses: Collection[int], log: RetryLog | None = None
) -> requests.Session:
    """A session whose requests are repeated up to ``policy.attempts`` tries in all: for ``methods``
    after a dropped connection, a read timeout or an answer in ``statuses``; for any method
    after a failure to connect. The last answer is returned whatever its status."""
    requests = require("requests", "remote", "reaching a store or endpoint")
    retry = require("urllib3.util.retry", "remote", "reaching a store or endpoint")

    class _Retry(retry.Retry):  # type: ignore[misc, name-defined]
        """urllib3's Retry with the policy's waits (urllib3 skips the first) and a word on each retry."""

        def get_backoff_time(self) -> float:
            tries = len(self.history)
            return 0.0 if tries == 0 else min(self.backoff_max, policy.backoff * 2 ** (tries - 1))

        def increment(self, method: str | None = None, url: str | None = None, *args: Any, **kwargs: Any) -> Any:
            new = super().increment(method, url, *args, **kwargs)
            if log is not None:
                response, error = kwargs.get("response"), kwargs.get("error")
                why = f"HTTP {response.status}" if response is not None else describe(error, policy.timeout)
                log(why, new.get_backoff_time())
            return new

    retries = policy.attempts - 1
    # urllib3 2.x reads an empty allowed_methods as "any verb" (and warns that 3.0 will read it as
    # none): with no method to repeat, read and status retries are switched off instead.
    repeatable = retries if methods else 0
    adapter = requests.adapters.HTTPAdapter(
        max_retries=_Retry(
            total=retries,
            connect=retries,
            read=repeatable,
            status=repeatable,
            other=0,
            redirect=0,
            allowed_methods=frozenset(methods) if methods else None,
            status_forcelist=frozenset(statuses),
            raise_on_status=False,
            respect_retry_after_header=True,
        )
    )
    session = requests.Session()
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session
