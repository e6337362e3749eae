"""The options of one request: a plain dataclass, so building requests never imports pydantic's models.

`_models` re-exports it for code that imports it from there.
"""

from __future__ import annotations

from typing import Union, Optional
from dataclasses import field, dataclass

from ._types import Body, Query, Headers, Timeout, NotGiven, AnyMapping, PostParser, not_given

__all__ = ["FinalRequestOptions"]


@dataclass
class FinalRequestOptions:
    """Everything needed to build one HTTP request (and to rebuild it for a retry)."""

    method: str
    url: str
    params: Query = field(default_factory=dict)
    headers: Headers = field(default_factory=dict)
    max_retries: Union[int, NotGiven] = not_given
    timeout: Union[Timeout, NotGiven] = not_given
    json_data: Optional[Body] = None
    extra_json: Optional[AnyMapping] = None
    # an already encoded, non-JSON body (form, multipart, raw)
    content: Optional[bytes] = None
    post_parser: Union[PostParser, NotGiven] = not_given
    follow_redirects: Optional[bool] = None

    def get_max_retries(self, default: int) -> int:
        if isinstance(self.max_retries, NotGiven):
            return default
        return self.max_retries
