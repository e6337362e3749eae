# File generated from an OpenAPI spec by sdkgen. Do not edit it by hand: regenerate instead.

from __future__ import annotations

from typing import Any, Optional, cast

import pytest
from cloudflare import AsyncCloudflare, Cloudflare
from tests.conftest import MockServer
from tests.utils import assert_matches_type

from cloudflare.pagination import AsyncSinglePage, SyncSinglePage
from cloudflare.types.iam.resource_group_create_response import ResourceGroupCreateResponse
from cloudflare.types.iam.resource_group_delete_response import ResourceGroupDeleteResponse
from cloudflare.types.iam.resource_group_get_response import ResourceGroupGetResponse
from cloudflare.types.iam.resource_group_list_response import ResourceGroupListResponse
from cloudflare.types.iam.resource_group_update_response import ResourceGroupUpdateResponse


class TestResourceGroups:

    def test_method_create(self, client: Cloudflare) -> None:
        result = client.iam.resource_groups.create(
            account_id="023e105f4ecef8ad9ca31a8372d0c353",
            name="NewResourceGroup",
            scope={
                "key": "com.cloudflare.api.account.eb78d65290b24279ba6f44721b3ea3c4",
                "objects": [{"key": "com.cloudflare.api.account.zone.23f8d65290b24279ba6f44721b3eaad5"}],
            },
        )
        assert_matches_type(Optional[ResourceGroupCreateResponse], result, path=["response"])

    def test_raw_response_create(self, client: Cloudflare) -> None:
        response = client.iam.resource_groups.with_raw_response.create(
            account_id="023e105f4ecef8ad9ca31a8372d0c353",
            name="NewResourceGroup",
            scope={
                "key": "com.cloudflare.api.account.eb78d65290b24279ba6f44721b3ea3c4",
                "objects": [{"key": "com.cloudflare.api.account.zone.23f8d65290b24279ba6f44721b3eaad5"}],
            },
        )

        assert response.is_closed is True
        assert response.http_request.headers.get("X-Stainless-Lang") == "python"
        result = response.parse()
        assert_matches_type(Optional[ResourceGroupCreateResponse], result, path=["response"])

    def test_streaming_response_create(self, client: Cloudflare) -> None:
        with client.iam.resource_groups.with_streaming_response.create(
            account_id="023e105f4ecef8ad9ca31a8372d0c353",
            name="NewResourceGroup",
            scope={
                "key": "com.cloudflare.api.account.eb78d65290b24279ba6f44721b3ea3c4",
                "objects": [{"key": "com.cloudflare.api.account.zone.23f8d65290b24279ba6f44721b3eaad5"}],
            },
        ) as response:
            assert not response.is_closed
            assert response.http_request.headers.get("X-Stainless-Lang") == "python"

            result = response.parse()
            assert_matches_type(Optional[ResourceGroupCreateResponse], result, path=["response"])

        assert cast(Any, response.is_closed) is True

    def test_path_params_create(self, client: Cloudflare, mock_server: MockServer) -> None:
        sent = len(mock_server.requests)
        with pytest.raises(ValueError, match=r"Expected a non-empty value for `account_id` but received ''"):
            client.iam.resource_groups.with_raw_response.create(
                account_id="",
                name="NewResourceGroup",
                scope={
                    "key": "com.cloudflare.api.account.eb78d65290b24279ba6f44721b3ea3c4",
                    "objects": [{"key": "com.cloudflare.api.account.zone.23f8d65290b24279ba6f44721b3eaad5"}],
                },
            )
        assert len(mock_server.requests) == sent

    def test_method_update(self, client: Cloudflare) -> None:
        result = client.iam.resource_groups.update(
            account_id="023e105f4ecef8ad9ca31a8372d0c353", resource_group_id="023e105f4ecef8ad9ca31a8372d0c353"
        )
        assert_matches_type(Optional[ResourceGroupUpdateResponse], result, path=["response"])

    def test_method_update_with_all_params(self, client: Cloudflare, mock_server: MockServer) -> None:
        result = client.iam.resource_groups.update(
            account_id="023e105f4ecef8ad9ca31a8372d0c353",
            resource_group_id="023e105f4ecef8ad9ca31a8372d0c353",
            name="UpdatedResourceGroup",
            scope={
                "key": "com.cloudflare.api.account.eb78d65290b24279ba6f44721b3ea3c4",
                "objects": [{"key": "com.cloudflare.api.account.zone.23f8d65290b24279ba6f44721b3eaad5"}],
            },
        )
        assert_matches_type(Optional[ResourceGroupUpdateResponse], result, path=["response"])
        request = mock_server.last_request
        assert request.method == "PUT"
        assert request.json == {
            "name": "UpdatedResourceGroup",
            "scope": {
                "key": "com.cloudflare.api.account.eb78d65290b24279ba6f44721b3ea3c4",
                "objects": [{"key": "com.cloudflare.api.account.zone.23f8d65290b24279ba6f44721b3eaad5"}],
            },
        }
        assert [pair for pair in request.query] == [tuple(pair) for pair in []]

    def test_raw_response_update(self, client: Cloudflare) -> None:
        response = client.iam.resource_groups.with_raw_response.update(
            account_id="023e105f4ecef8ad9ca31a8372d0c353", resource_group_id="023e105f4ecef8ad9ca31a8372d0c353"
        )

        assert response.is_closed is True
        assert response.http_request.headers.get("X-Stainless-Lang") == "python"
        result = response.parse()
        assert_matches_type(Optional[ResourceGroupUpdateResponse], result, path=["response"])

    def test_streaming_response_update(self, client: Cloudflare) -> None:
        with client.iam.resource_groups.with_streaming_response.update(
            account_id="023e105f4ecef8ad9ca31a8372d0c353", resource_group_id="023e105f4ecef8ad9ca31a8372d0c353"
        ) as response:
            assert not response.is_closed
            assert response.http_request.headers.get("X-Stainless-Lang") == "python"

            result = response.parse()
            assert_matches_type(Optional[ResourceGroupUpdateResponse], result, path=["response"])

        assert cast(Any, response.is_closed) is True

    def test_path_params_update(self, client: Cloudflare, mock_server: MockServer) -> None:
        sent = len(mock_server.requests)
        with pytest.raises(ValueError, match=r"Expected a non-empty value for `account_id` but received ''"):
            client.iam.resource_groups.with_raw_response.update(
                account_id="", resource_group_id="023e105f4ecef8ad9ca31a8372d0c353"
            )
        with pytest.raises(ValueError, match=r"Expected a non-empty value for `resource_group_id` but received ''"):
            client.iam.resource_groups.with_raw_response.update(
                account_id="023e105f4ecef8ad9ca31a8372d0c353", resource_group_id=""
            )
        assert len(mock_server.requests) == sent

    def test_method_list(self, client: Cloudflare) -> None:
        result = client.iam.resource_groups.list(account_id="023e105f4ecef8ad9ca31a8372d0c353")
        assert_matches_type(SyncSinglePage[ResourceGroupListResponse], result, path=["response"])

    def test_method_list_with_all_params(self, client: Cloudflare, mock_server: MockServer) -> None:
        result = client.iam.resource_groups.list(
            account_id="023e105f4ecef8ad9ca31a8372d0c353",
            id="023e105f4ecef8ad9ca31a8372d0c353",
            name="NameOfTheResourceGroup",
        )
        assert_matches_type(SyncSinglePage[ResourceGroupListResponse], result, path=["response"])
        request = mock_server.last_request
        assert request.method == "GET"
        assert [pair for pair in request.query] == [
            tuple(pair) for pair in [["id", "023e105f4ecef8ad9ca31a8372d0c353"], ["name", "NameOfTheResourceGroup"]]
        ]

    def test_raw_response_list(self, client: Cloudflare) -> None:
        response = client.iam.resource_groups.with_raw_response.list(account_id="023e105f4ecef8ad9ca31a8372d0c353")

        assert response.is_closed is True
        assert response.http_request.headers.get("X-Stainless-Lang") == "python"
        result = response.parse()
        assert_matches_type(SyncSinglePage[ResourceGroupListResponse], result, path=["response"])

    def test_streaming_response_list(self, client: Cloudflare) -> None:
        with client.iam.resource_groups.with_streaming_response.list(
            account_id="023e105f4ecef8ad9ca31a8372d0c353"
        ) as response:
            assert not response.is_closed
            assert response.http_request.headers.get("X-Stainless-Lang") == "python"

            result = response.parse()
            assert_matches_type(SyncSinglePage[ResourceGroupListResponse], result, path=["response"])

        assert cast(Any, response.is_closed) is True

    def test_path_params_list(self, client: Cloudflare, mock_server: MockServer) -> None:
        sent = len(mock_server.requests)
        with pytest.raises(ValueError, match=r"Expected a non-empty value for `account_id` but received ''"):
            client.iam.resource_groups.with_raw_response.list(account_id="")
        assert len(mock_server.requests) == sent

    def test_method_delete(self, client: Cloudflare) -> None:
        result = client.iam.resource_groups.delete(
            account_id="023e105f4ecef8ad9ca31a8372d0c353", resource_group_id="023e105f4ecef8ad9ca31a8372d0c353"
        )
        assert_matches_type(Optional[ResourceGroupDeleteResponse], result, path=["response"])

    def test_raw_response_delete(self, client: Cloudflare) -> None:
        response = client.iam.resource_groups.with_raw_response.delete(
            account_id="023e105f4ecef8ad9ca31a8372d0c353", resource_group_id="023e105f4ecef8ad9ca31a8372d0c353"
        )

        assert response.is_closed is True
        assert response.http_request.headers.get("X-Stainless-Lang") == "python"
        result = response.parse()
        assert_matches_type(Optional[ResourceGroupDeleteResponse], result, path=["response"])

    def test_streaming_response_delete(self, client: Cloudflare) -> None:
        with client.iam.resource_groups.with_streaming_response.delete(
            account_id="023e105f4ecef8ad9ca31a8372d0c353", resource_group_id="023e105f4ecef8ad9ca31a8372d0c353"
        ) as response:
            assert not response.is_closed
            assert response.http_request.headers.get("X-Stainless-Lang") == "python"

            result = response.parse()
            assert_matches_type(Optional[ResourceGroupDeleteResponse], result, path=["response"])

        assert cast(Any, response.is_closed) is True

    def test_path_params_delete(self, client: Cloudflare, mock_server: MockServer) -> None:
        sent = len(mock_server.requests)
        with pytest.raises(ValueError, match=r"Expected a non-empty value for `account_id` but received ''"):
            client.iam.resource_groups.with_raw_response.delete(
                account_id="", resource_group_id="023e105f4ecef8ad9ca31a8372d0c353"
            )
        with pytest.raises(ValueError, match=r"Expected a non-empty value for `resource_group_id` but received ''"):
            client.iam.resource_groups.with_raw_response.delete(
                account_id="023e105f4ecef8ad9ca31a8372d0c353", resource_group_id=""
            )
        assert len(mock_server.requests) == sent

    def test_method_get(self, client: Cloudflare) -> None:
        result = client.iam.resource_groups.get(
            account_id="023e105f4ecef8ad9ca31a8372d0c353", resource_group_id="023e105f4ecef8ad9ca31a8372d0c353"
        )
        assert_matches_type(Optional[ResourceGroupGetResponse], result, path=["response"])

    def test_raw_response_get(self, client: Cloudflare) -> None:
        response = client.iam.resource_groups.with_raw_response.get(
            account_id="023e105f4ecef8ad9ca31a8372d0c353", resource_group_id="023e105f4ecef8ad9ca31a8372d0c353"
        )

        assert response.is_closed is True
        assert response.http_request.headers.get("X-Stainless-Lang") == "python"
        result = response.parse()
        assert_matches_type(Optional[ResourceGroupGetResponse], result, path=["response"])

    def test_streaming_response_get(self, client: Cloudflare) -> None:
        with client.iam.resource_groups.with_streaming_response.get(
            account_id="023e105f4ecef8ad9ca31a8372d0c353", resource_group_id="023e105f4ecef8ad9ca31a8372d0c353"
        ) as response:
            assert not response.is_closed
            assert response.http_request.headers.get("X-Stainless-Lang") == "python"

            result = response.parse()
            assert_matches_type(Optional[ResourceGroupGetResponse], result, path=["response"])

        assert cast(Any, response.is_closed) is True

    def test_path_params_get(self, client: Cloudflare, mock_server: MockServer) -> None:
        sent = len(mock_server.requests)
        with pytest.raises(ValueError, match=r"Expected a non-empty value for `account_id` but received ''"):
            client.iam.resource_groups.with_raw_response.get(
                account_id="", resource_group_id="023e105f4ecef8ad9ca31a8372d0c353"
            )
        with pytest.raises(ValueError, match=r"Expected a non-empty value for `resource_group_id` but received ''"):
            client.iam.resource_groups.with_raw_response.get(
                account_id="023e105f4ecef8ad9ca31a8372d0c353", resource_group_id=""
            )
        assert len(mock_server.requests) == sent


class TestAsyncResourceGroups:

    async def test_method_create(self, async_client: AsyncCloudflare) -> None:
        result = await async_client.iam.resource_groups.create(
            account_id="023e105f4ecef8ad9ca31a8372d0c353",
            name="NewResourceGroup",
            scope={
                "key": "com.cloudflare.api.account.eb78d65290b24279ba6f44721b3ea3c4",
                "objects": [{"key": "com.cloudflare.api.account.zone.23f8d65290b24279ba6f44721b3eaad5"}],
            },
        )
        assert_matches_type(Optional[ResourceGroupCreateResponse], result, path=["response"])

    async def test_raw_response_create(self, async_client: AsyncCloudflare) -> None:
        response = await async_client.iam.resource_groups.with_raw_response.create(
            account_id="023e105f4ecef8ad9ca31a8372d0c353",
            name="NewResourceGroup",
            scope={
                "key": "com.cloudflare.api.account.eb78d65290b24279ba6f44721b3ea3c4",
                "objects": [{"key": "com.cloudflare.api.account.zone.23f8d65290b24279ba6f44721b3eaad5"}],
            },
        )

        assert response.is_closed is True
        assert response.http_request.headers.get("X-Stainless-Lang") == "python"
        result = await response.parse()
        assert_matches_type(Optional[ResourceGroupCreateResponse], result, path=["response"])

    async def test_streaming_response_create(self, async_client: AsyncCloudflare) -> None:
        async with async_client.iam.resource_groups.with_streaming_response.create(
            account_id="023e105f4ecef8ad9ca31a8372d0c353",
            name="NewResourceGroup",
            scope={
                "key": "com.cloudflare.api.account.eb78d65290b24279ba6f44721b3ea3c4",
                "objects": [{"key": "com.cloudflare.api.account.zone.23f8d65290b24279ba6f44721b3eaad5"}],
            },
        ) as response:
            assert not response.is_closed
            assert response.http_request.headers.get("X-Stainless-Lang") == "python"

            result = await response.parse()
            assert_matches_type(Optional[ResourceGroupCreateResponse], result, path=["response"])

        assert cast(Any, response.is_closed) is True

    async def test_path_params_create(self, async_client: AsyncCloudflare, mock_server: MockServer) -> None:
        sent = len(mock_server.requests)
        with pytest.raises(ValueError, match=r"Expected a non-empty value for `account_id` but received ''"):
            await async_client.iam.resource_groups.with_raw_response.create(
                account_id="",
                name="NewResourceGroup",
                scope={
                    "key": "com.cloudflare.api.account.eb78d65290b24279ba6f44721b3ea3c4",
                    "objects": [{"key": "com.cloudflare.api.account.zone.23f8d65290b24279ba6f44721b3eaad5"}],
                },
            )
        assert len(mock_server.requests) == sent

    async def test_method_update(self, async_client: AsyncCloudflare) -> None:
        result = await async_client.iam.resource_groups.update(
            account_id="023e105f4ecef8ad9ca31a8372d0c353", resource_group_id="023e105f4ecef8ad9ca31a8372d0c353"
        )
        assert_matches_type(Optional[ResourceGroupUpdateResponse], result, path=["response"])

    async def test_method_update_with_all_params(self, async_client: AsyncCloudflare, mock_server: MockServer) -> None:
        result = await async_client.iam.resource_groups.update(
            account_id="023e105f4ecef8ad9ca31a8372d0c353",
            resource_group_id="023e105f4ecef8ad9ca31a8372d0c353",
            name="UpdatedResourceGroup",
            scope={
                "key": "com.cloudflare.api.account.eb78d65290b24279ba6f44721b3ea3c4",
                "objects": [{"key": "com.cloudflare.api.account.zone.23f8d65290b24279ba6f44721b3eaad5"}],
            },
        )
        assert_matches_type(Optional[ResourceGroupUpdateResponse], result, path=["response"])
        request = mock_server.last_request
        assert request.method == "PUT"
        assert request.json == {
            "name": "UpdatedResourceGroup",
            "scope": {
                "key": "com.cloudflare.api.account.eb78d65290b24279ba6f44721b3ea3c4",
                "objects": [{"key": "com.cloudflare.api.account.zone.23f8d65290b24279ba6f44721b3eaad5"}],
            },
        }
        assert [pair for pair in request.query] == [tuple(pair) for pair in []]

    async def test_raw_response_update(self, async_client: AsyncCloudflare) -> None:
        response = await async_client.iam.resource_groups.with_raw_response.update(
            account_id="023e105f4ecef8ad9ca31a8372d0c353", resource_group_id="023e105f4ecef8ad9ca31a8372d0c353"
        )

        assert response.is_closed is True
        assert response.http_request.headers.get("X-Stainless-Lang") == "python"
        result = await response.parse()
        assert_matches_type(Optional[ResourceGroupUpdateResponse], result, path=["response"])

    async def test_streaming_response_update(self, async_client: AsyncCloudflare) -> None:
        async with async_client.iam.resource_groups.with_streaming_response.update(
            account_id="023e105f4ecef8ad9ca31a8372d0c353", resource_group_id="023e105f4ecef8ad9ca31a8372d0c353"
        ) as response:
            assert not response.is_closed
            assert response.http_request.headers.get("X-Stainless-Lang") == "python"

            result = await response.parse()
            assert_matches_type(Optional[ResourceGroupUpdateResponse], result, path=["response"])

        assert cast(Any, response.is_closed) is True

    async def test_path_params_update(self, async_client: AsyncCloudflare, mock_server: MockServer) -> None:
        sent = len(mock_server.requests)
        with pytest.raises(ValueError, match=r"Expected a non-empty value for `account_id` but received ''"):
            await async_client.iam.resource_groups.with_raw_response.update(
                account_id="", resource_group_id="023e105f4ecef8ad9ca31a8372d0c353"
            )
        with pytest.raises(ValueError, match=r"Expected a non-empty value for `resource_group_id` but received ''"):
            await async_client.iam.resource_groups.with_raw_response.update(
                account_id="023e105f4ecef8ad9ca31a8372d0c353", resource_group_id=""
            )
        assert len(mock_server.requests) == sent

    async def test_method_list(self, async_client: AsyncCloudflare) -> None:
        result = await async_client.iam.resource_groups.list(account_id="023e105f4ecef8ad9ca31a8372d0c353")
        assert_matches_type(AsyncSinglePage[ResourceGroupListResponse], result, path=["response"])

    async def test_method_list_with_all_params(self, async_client: AsyncCloudflare, mock_server: MockServer) -> None:
        result = await async_client.iam.resource_groups.list(
            account_id="023e105f4ecef8ad9ca31a8372d0c353",
            id="023e105f4ecef8ad9ca31a8372d0c353",
            name="NameOfTheResourceGroup",
        )
        assert_matches_type(AsyncSinglePage[ResourceGroupListResponse], result, path=["response"])
        request = mock_server.last_request
        assert request.method == "GET"
        assert [pair for pair in request.query] == [
            tuple(pair) for pair in [["id", "023e105f4ecef8ad9ca31a8372d0c353"], ["name", "NameOfTheResourceGroup"]]
        ]

    async def test_raw_response_list(self, async_client: AsyncCloudflare) -> None:
        response = await async_client.iam.resource_groups.with_raw_response.list(
            account_id="023e105f4ecef8ad9ca31a8372d0c353"
        )

        assert response.is_closed is True
        assert response.http_request.headers.get("X-Stainless-Lang") == "python"
        result = await response.parse()
        assert_matches_type(AsyncSinglePage[ResourceGroupListResponse], result, path=["response"])

    async def test_streaming_response_list(self, async_client: AsyncCloudflare) -> None:
        async with async_client.iam.resource_groups.with_streaming_response.list(
            account_id="023e105f4ecef8ad9ca31a8372d0c353"
        ) as response:
            assert not response.is_closed
            assert response.http_request.headers.get("X-Stainless-Lang") == "python"

            result = await response.parse()
            assert_matches_type(AsyncSinglePage[ResourceGroupListResponse], result, path=["response"])

        assert cast(Any, response.is_closed) is True

    async def test_path_params_list(self, async_client: AsyncCloudflare, mock_server: MockServer) -> None:
        sent = len(mock_server.requests)
        with pytest.raises(ValueError, match=r"Expected a non-empty value for `account_id` but received ''"):
            await async_client.iam.resource_groups.with_raw_response.list(account_id="")
        assert len(mock_server.requests) == sent

    async def test_method_delete(self, async_client: AsyncCloudflare) -> None:
        result = await async_client.iam.resource_groups.delete(
            account_id="023e105f4ecef8ad9ca31a8372d0c353", resource_group_id="023e105f4ecef8ad9ca31a8372d0c353"
        )
        assert_matches_type(Optional[ResourceGroupDeleteResponse], result, path=["response"])

    async def test_raw_response_delete(self, async_client: AsyncCloudflare) -> None:
        response = await async_client.iam.resource_groups.with_raw_response.delete(
            account_id="023e105f4ecef8ad9ca31a8372d0c353", resource_group_id="023e105f4ecef8ad9ca31a8372d0c353"
        )

        assert response.is_closed is True
        assert response.http_request.headers.get("X-Stainless-Lang") == "python"
        result = await response.parse()
        assert_matches_type(Optional[ResourceGroupDeleteResponse], result, path=["response"])

    async def test_streaming_response_delete(self, async_client: AsyncCloudflare) -> None:
        async with async_client.iam.resource_groups.with_streaming_response.delete(
            account_id="023e105f4ecef8ad9ca31a8372d0c353", resource_group_id="023e105f4ecef8ad9ca31a8372d0c353"
        ) as response:
            assert not response.is_closed
            assert response.http_request.headers.get("X-Stainless-Lang") == "python"

            result = await response.parse()
            assert_matches_type(Optional[ResourceGroupDeleteResponse], result, path=["response"])

        assert cast(Any, response.is_closed) is True

    async def test_path_params_delete(self, async_client: AsyncCloudflare, mock_server: MockServer) -> None:
        sent = len(mock_server.requests)
        with pytest.raises(ValueError, match=r"Expected a non-empty value for `account_id` but received ''"):
            await async_client.iam.resource_groups.with_raw_response.delete(
                account_id="", resource_group_id="023e105f4ecef8ad9ca31a8372d0c353"
            )
        with pytest.raises(ValueError, match=r"Expected a non-empty value for `resource_group_id` but received ''"):
            await async_client.iam.resource_groups.with_raw_response.delete(
                account_id="023e105f4ecef8ad9ca31a8372d0c353", resource_group_id=""
            )
        assert len(mock_server.requests) == sent

    async def test_method_get(self, async_client: AsyncCloudflare) -> None:
        result = await async_client.iam.resource_groups.get(
            account_id="023e105f4ecef8ad9ca31a8372d0c353", resource_group_id="023e105f4ecef8ad9ca31a8372d0c353"
        )
        assert_matches_type(Optional[ResourceGroupGetResponse], result, path=["response"])

    async def test_raw_response_get(self, async_client: AsyncCloudflare) -> None:
        response = await async_client.iam.resource_groups.with_raw_response.get(
            account_id="023e105f4ecef8ad9ca31a8372d0c353", resource_group_id="023e105f4ecef8ad9ca31a8372d0c353"
        )

        assert response.is_closed is True
        assert response.http_request.headers.get("X-Stainless-Lang") == "python"
        result = await response.parse()
        assert_matches_type(Optional[ResourceGroupGetResponse], result, path=["response"])

    async def test_streaming_response_get(self, async_client: AsyncCloudflare) -> None:
        async with async_client.iam.resource_groups.with_streaming_response.get(
            account_id="023e105f4ecef8ad9ca31a8372d0c353", resource_group_id="023e105f4ecef8ad9ca31a8372d0c353"
        ) as response:
            assert not response.is_closed
            assert response.http_request.headers.get("X-Stainless-Lang") == "python"

            result = await response.parse()
            assert_matches_type(Optional[ResourceGroupGetResponse], result, path=["response"])

        assert cast(Any, response.is_closed) is True

    async def test_path_params_get(self, async_client: AsyncCloudflare, mock_server: MockServer) -> None:
        sent = len(mock_server.requests)
        with pytest.raises(ValueError, match=r"Expected a non-empty value for `account_id` but received ''"):
            await async_client.iam.resource_groups.with_raw_response.get(
                account_id="", resource_group_id="023e105f4ecef8ad9ca31a8372d0c353"
            )
        with pytest.raises(ValueError, match=r"Expected a non-empty value for `resource_group_id` but received ''"):
            await async_client.iam.resource_groups.with_raw_response.get(
                account_id="023e105f4ecef8ad9ca31a8372d0c353", resource_group_id=""
            )
        assert len(mock_server.requests) == sent
