from ._path import path_template as path_template
from ._utils import (
    is_dict as is_dict,
    is_list as is_list,
    is_given as is_given,
    is_mapping as is_mapping,
    unwrap_type as unwrap_type,
    is_union_type as is_union_type,
    strip_not_given as strip_not_given,
)
from ._transform import (
    PropertyInfo as PropertyInfo,
    transform as transform,
    maybe_transform as maybe_transform,
    async_maybe_transform as async_maybe_transform,
)
