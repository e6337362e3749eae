# File generated from an OpenAPI spec by sdkgen. Do not edit it by hand: regenerate instead.

from __future__ import annotations

from typing import TYPE_CHECKING

from ..._utils._lazy import lazy_getattr

if TYPE_CHECKING:
    from .resource_group_create_params import (
        ResourceGroupCreateParams as ResourceGroupCreateParams,
    )
    from .resource_group_create_response import (
        ResourceGroupCreateResponse as ResourceGroupCreateResponse,
    )
    from .resource_group_delete_response import (
        ResourceGroupDeleteResponse as ResourceGroupDeleteResponse,
    )
    from .resource_group_get_response import (
        ResourceGroupGetResponse as ResourceGroupGetResponse,
    )
    from .resource_group_list_params import (
        ResourceGroupListParams as ResourceGroupListParams,
    )
    from .resource_group_list_response import (
        ResourceGroupListResponse as ResourceGroupListResponse,
    )
    from .resource_group_update_params import (
        ResourceGroupUpdateParams as ResourceGroupUpdateParams,
    )
    from .resource_group_update_response import (
        ResourceGroupUpdateResponse as ResourceGroupUpdateResponse,
    )

__all__ = [
    "ResourceGroupCreateParams",
    "ResourceGroupCreateResponse",
    "ResourceGroupDeleteResponse",
    "ResourceGroupGetResponse",
    "ResourceGroupListParams",
    "ResourceGroupListResponse",
    "ResourceGroupUpdateParams",
    "ResourceGroupUpdateResponse",
]

# Each name is imported from its module on first access (see `_utils/_lazy.py`).
__getattr__ = lazy_getattr(
    __name__,
    {
        "ResourceGroupCreateParams": ".resource_group_create_params",
        "ResourceGroupCreateResponse": ".resource_group_create_response",
        "ResourceGroupDeleteResponse": ".resource_group_delete_response",
        "ResourceGroupGetResponse": ".resource_group_get_response",
        "ResourceGroupListParams": ".resource_group_list_params",
        "ResourceGroupListResponse": ".resource_group_list_response",
        "ResourceGroupUpdateParams": ".resource_group_update_params",
        "ResourceGroupUpdateResponse": ".resource_group_update_response",
    },
)
