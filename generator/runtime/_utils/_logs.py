from __future__ import annotations

import os
import re
import logging
from typing import Any, Dict, Mapping, Iterable
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .._settings import ENV_PREFIX, PACKAGE_NAME, SECRET_QUERY_PARAMS

logger: logging.Logger = logging.getLogger(PACKAGE_NAME)
httpx_logger: logging.Logger = logging.getLogger("httpx")

# header and query parameter names whose values must never reach a log line
_SENSITIVE = re.compile(r"auth|key|token|secret|passw|cookie|session|signature|credential", re.I)
_SECRET_PARAMS = frozenset(name.lower() for name in SECRET_QUERY_PARAMS)
REDACTED = "<redacted>"


def redact_url(url: object) -> str:
    """`url` as text with the values of credential-like query parameters replaced."""
    text = str(url)
    parts = urlsplit(text)
    if not parts.query:
        return text
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    if not any(is_secret_name(name) for name, _ in pairs):
        return text
    query = urlencode([(name, REDACTED if is_secret_name(name) else value) for name, value in pairs])
    return urlunsplit(parts._replace(query=query))


def is_secret_name(name: str) -> bool:
    """Whether a header or query parameter of this name carries a credential."""
    return name.lower() in _SECRET_PARAMS or bool(_SENSITIVE.search(name))


class _RedactURLs(logging.Filter):
    """Redacts credentials in the URLs httpx logs (`HTTP Request: GET <url> ...`)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple) and record.args:
            record.args = tuple(redact_url(a) if type(a).__name__ == "URL" else a for a in record.args)
        return True


if not any(isinstance(f, _RedactURLs) for f in httpx_logger.filters):
    httpx_logger.addFilter(_RedactURLs())


def setup_logging() -> None:
    """Configure the SDK and httpx loggers from the `<PREFIX>_LOG` environment variable."""
    level = {"debug": logging.DEBUG, "info": logging.INFO}.get(os.environ.get(f"{ENV_PREFIX}_LOG", ""))
    if level is None:
        return
    logging.basicConfig(
        format="[%(asctime)s - %(name)s:%(lineno)d - %(levelname)s] %(message)s",
        datefmt="%Y-%m-%d %H:%M:%S",
    )
    logger.setLevel(level)
    httpx_logger.setLevel(level)


def redact_headers(
    headers: Mapping[str, Any] | Iterable[tuple[str, Any]],
) -> Dict[str, Any]:
    """A copy of `headers` that is safe to log: credential-like values are replaced."""
    items = headers.items() if isinstance(headers, Mapping) else headers
    return {name: REDACTED if _SENSITIVE.search(name) else value for name, value in items}
