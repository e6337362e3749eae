# File generated from an OpenAPI spec by sdkgen. Do not edit it by hand: regenerate instead.

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from ..._resource import AsyncAPIResource, SyncAPIResource

if TYPE_CHECKING:
    from .resource_groups import (
        ResourceGroupsResource,
        AsyncResourceGroupsResource,
        ResourceGroupsResourceWithRawResponse,
        AsyncResourceGroupsResourceWithRawResponse,
        ResourceGroupsResourceWithStreamingResponse,
        AsyncResourceGroupsResourceWithStreamingResponse,
    )

__all__ = ["IAMResource", "AsyncIAMResource"]


class IAMResource(SyncAPIResource):
    @cached_property
    def resource_groups(self) -> ResourceGroupsResource:
        from .resource_groups import ResourceGroupsResource

        return ResourceGroupsResource(self._client)

    @cached_property
    def with_raw_response(self) -> IAMResourceWithRawResponse:
        """
        This property can be used as a prefix for any HTTP method call to return
        the raw response object instead of the parsed content.
        """
        return IAMResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> IAMResourceWithStreamingResponse:
        """
        An alternative to `.with_raw_response` that doesn't eagerly read the response body.
        """
        return IAMResourceWithStreamingResponse(self)


class AsyncIAMResource(AsyncAPIResource):
    @cached_property
    def resource_groups(self) -> AsyncResourceGroupsResource:
        from .resource_groups import AsyncResourceGroupsResource

        return AsyncResourceGroupsResource(self._client)

    @cached_property
    def with_raw_response(self) -> AsyncIAMResourceWithRawResponse:
        """
        This property can be used as a prefix for any HTTP method call to return
        the raw response object instead of the parsed content.
        """
        return AsyncIAMResourceWithRawResponse(self)

    @cached_property
    def with_streaming_response(self) -> AsyncIAMResourceWithStreamingResponse:
        """
        An alternative to `.with_raw_response` that doesn't eagerly read the response body.
        """
        return AsyncIAMResourceWithStreamingResponse(self)


class IAMResourceWithRawResponse:
    def __init__(self, resource: IAMResource) -> None:
        self._resource = resource

    @cached_property
    def resource_groups(self) -> ResourceGroupsResourceWithRawResponse:
        from .resource_groups import ResourceGroupsResourceWithRawResponse

        return ResourceGroupsResourceWithRawResponse(self._resource.resource_groups)


class IAMResourceWithStreamingResponse:
    def __init__(self, resource: IAMResource) -> None:
        self._resource = resource

    @cached_property
    def resource_groups(self) -> ResourceGroupsResourceWithStreamingResponse:
        from .resource_groups import ResourceGroupsResourceWithStreamingResponse

        return ResourceGroupsResourceWithStreamingResponse(self._resource.resource_groups)


class AsyncIAMResourceWithRawResponse:
    def __init__(self, resource: AsyncIAMResource) -> None:
        self._resource = resource

    @cached_property
    def resource_groups(self) -> AsyncResourceGroupsResourceWithRawResponse:
        from .resource_groups import AsyncResourceGroupsResourceWithRawResponse

        return AsyncResourceGroupsResourceWithRawResponse(self._resource.resource_groups)


class AsyncIAMResourceWithStreamingResponse:
    def __init__(self, resource: AsyncIAMResource) -> None:
        self._resource = resource

    @cached_property
    def resource_groups(self) -> AsyncResourceGroupsResourceWithStreamingResponse:
        from .resource_groups import AsyncResourceGroupsResourceWithStreamingResponse

        return AsyncResourceGroupsResourceWithStreamingResponse(self._resource.resource_groups)
