from typing import Any, Dict, Generic, TypeVar

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

    def __class_getitem__(cls, params: Any) -> Any:
        # Generated methods parametrize the wrapper on every call; pydantic's own cache
        # costs ~0.1 ms a lookup, this one a dict hit.
        try:
            return _PARAMETRIZED[cls, params]
        except (KeyError, TypeError):
            parametrized = super().__class_getitem__(params)
        try:
            _PARAMETRIZED[cls, params] = parametrized
        except TypeError:
            pass  # unhashable parameters: not cached
        return parametrized


_PARAMETRIZED: Dict[Any, Any] = {}
