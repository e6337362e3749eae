# File generated from an OpenAPI spec by sdkgen. Do not edit it by hand: regenerate instead.

from typing import TYPE_CHECKING, Dict, List, Union, Optional
from typing_extensions import Literal, TypeAlias

from pydantic import Field as FieldInfo

from ..._models import BaseModel

__all__ = ["Source", "ErrorData"]


class Source(BaseModel):
    pointer: Optional[str] = None


class ErrorData(BaseModel):
    code: int

    message: str

    documentation_url: Optional[str] = None

    source: Optional[Source] = None
