# File generated from an OpenAPI spec by sdkgen. Do not edit it by hand: regenerate instead.

from .iam import (
    IAMResource,
    AsyncIAMResource,
    IAMResourceWithRawResponse,
    AsyncIAMResourceWithRawResponse,
    IAMResourceWithStreamingResponse,
    AsyncIAMResourceWithStreamingResponse,
)

__all__ = [
    "IAMResource",
    "AsyncIAMResource",
    "IAMResourceWithRawResponse",
    "AsyncIAMResourceWithRawResponse",
    "IAMResourceWithStreamingResponse",
    "AsyncIAMResourceWithStreamingResponse",
]
