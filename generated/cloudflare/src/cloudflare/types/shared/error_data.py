# File generated from an OpenAPI spec by sdkgen. Do not edit it by hand: regenerate instead.

from typing import Optional

from ..._models import BaseModel

__all__ = ["Source", "ErrorData"]


class Source(BaseModel):
    pointer: Optional[str] = None


class ErrorData(BaseModel):
    code: int

    message: str

    documentation_url: Optional[str] = None

    source: Optional[Source] = None
