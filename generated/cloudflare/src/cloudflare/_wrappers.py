from typing import Generic, TypeVar

from pydantic import Field

from ._models import GenericModel
from ._settings import RESULT_KEY

__all__ = ["ResultWrapper"]

_T = TypeVar("_T")


class ResultWrapper(GenericModel, Generic[_T]):
    """The response envelope; generated methods return what is inside it."""

    # The key comes from the SDK's settings, so mypy cannot see it as the literal it wants here.
    result: _T = Field(alias=RESULT_KEY or "result")  # type: ignore[literal-required]

    @staticmethod
    def _unwrapper(obj: "ResultWrapper[_T]") -> _T:
        return obj.result
