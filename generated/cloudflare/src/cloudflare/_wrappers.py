from typing import Generic, TypeVar

from pydantic import Field

from ._models import GenericModel

__all__ = ["ResultWrapper"]

_T = TypeVar("_T")


class ResultWrapper(GenericModel, Generic[_T]):
    """The response envelope; generated methods return what is inside it."""

    result: _T = Field(alias="result")

    @staticmethod
    def _unwrapper(obj: "ResultWrapper[_T]") -> _T:
        return obj.result
