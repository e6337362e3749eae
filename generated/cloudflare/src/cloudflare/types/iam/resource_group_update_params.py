# File generated from an OpenAPI spec by sdkgen. Do not edit it by hand: regenerate instead.

from __future__ import annotations

from typing import Iterable
from typing_extensions import Required, TypedDict

__all__ = ["ScopeObject", "Scope", "ResourceGroupUpdateParams"]


class ScopeObject(TypedDict, total=False):
    key: Required[str]
    """
    This is a combination of pre-defined resource name and identifier (like Zone ID etc.)
    """


class Scope(TypedDict, total=False):
    key: Required[str]
    """
    This is a combination of pre-defined resource name and identifier (like Account ID etc.)
    """

    objects: Required[Iterable[ScopeObject]]
    """
    A list of scope objects for additional context. The number of Scope objects should not be zero.
    """


class ResourceGroupUpdateParams(TypedDict, total=False):
    account_id: Required[str]
    """
    Account identifier tag.
    """

    name: str
    """
    Name of the resource group
    """

    scope: Scope
    """
    A scope is a combination of scope objects which provides additional context.
    """
