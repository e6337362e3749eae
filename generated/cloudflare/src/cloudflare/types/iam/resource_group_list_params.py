# File generated from an OpenAPI spec by sdkgen. Do not edit it by hand: regenerate instead.

from __future__ import annotations

from typing_extensions import Required, TypedDict

__all__ = ["ResourceGroupListParams"]


class ResourceGroupListParams(TypedDict, total=False):
    account_id: Required[str]
    """
    Account identifier tag.
    """

    id: str
    """
    ID of the resource group to be fetched.
    """

    name: str
    """
    Name of the resource group to be fetched.
    """
