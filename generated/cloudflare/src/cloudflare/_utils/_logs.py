from __future__ import annotations

import os
import re
import logging
from typing import Any, Dict, Mapping, Iterable

from .._settings import ENV_PREFIX, PACKAGE_NAME

logger: logging.Logger = logging.getLogger(PACKAGE_NAME)
httpx_logger: logging.Logger = logging.getLogger("httpx")

# header names whose values must never reach a log line
_SENSITIVE = re.compile(r"auth|key|token|secret|passw|cookie|session|signature|credential", re.I)
REDACTED = "<redacted>"


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
