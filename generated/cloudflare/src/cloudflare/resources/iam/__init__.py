# File generated from an OpenAPI spec by sdkgen. Do not edit it by hand: regenerate instead.

from .resource_groups import (
    ResourceGroupsResource,
    AsyncResourceGroupsResource,
    ResourceGroupsResourceWithRawResponse,
    AsyncResourceGroupsResourceWithRawResponse,
    ResourceGroupsResourceWithStreamingResponse,
    AsyncResourceGroupsResourceWithStreamingResponse,
)
from .iam import (
    IAMResource,
    AsyncIAMResource,
    IAMResourceWithRawResponse,
    AsyncIAMResourceWithRawResponse,
    IAMResourceWithStreamingResponse,
    AsyncIAMResourceWithStreamingResponse,
)

__all__ = [
    "ResourceGroupsResource",
    "AsyncResourceGroupsResource",
    "ResourceGroupsResourceWithRawResponse",
    "AsyncResourceGroupsResourceWithRawResponse",
    "ResourceGroupsResourceWithStreamingResponse",
    "AsyncResourceGroupsResourceWithStreamingResponse",
    "IAMResource",
    "AsyncIAMResource",
    "IAMResourceWithRawResponse",
    "AsyncIAMResourceWithRawResponse",
    "IAMResourceWithStreamingResponse",
    "AsyncIAMResourceWithStreamingResponse",
]
