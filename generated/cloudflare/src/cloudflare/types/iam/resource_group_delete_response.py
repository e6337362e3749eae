# File generated from an OpenAPI spec by sdkgen. Do not edit it by hand: regenerate instead.

from ..._models import BaseModel

__all__ = ["ResourceGroupDeleteResponse"]


class ResourceGroupDeleteResponse(BaseModel):
    id: str
    """
    Identifier.
    """
