"""Names the generated code itself defines or imports, per scope: a spec name that would
take one of them is renamed (naming.py). tests/hostile checks RESERVED_ON_CLIENT against a
rendered client, so a runtime change that adds a member fails the suite instead of being shadowed."""

from __future__ import annotations

# Names a generated method body or module refers to; a parameter with one of these names
# would shadow it, so parameters get a trailing underscore instead.
RESERVED_IN_METHODS = frozenset(
    {
        "self",
        "cls",
        "extra_headers",
        "extra_query",
        "extra_body",
        "timeout",
        "httpx",
        "cast",
        "maybe_transform",
        "async_maybe_transform",
        "make_request_options",
        "path_template",
        "strip_not_given",
        "omit",
        "not_given",
        "Omit",
        "NotGiven",
        "Optional",
        "Type",
        "Dict",
        "List",
        "Union",
        "Iterable",
        "Literal",
        "Any",
        "Headers",
        "Query",
        "Body",
        "typing_extensions",
        "__future__",
    }
)

# Attributes of our pydantic BaseModel that a field must not shadow, and names the class
# body's annotations refer to: a field `date: date` would make `date` the field in the
# class namespace and break every later annotation that means the type.
RESERVED_IN_MODELS = frozenset(
    {
        "str",
        "int",
        "float",
        "bool",
        "bytes",
        "object",
        "date",
        "datetime",
        "builtins",
        "typing",
        "typing_extensions",
        "pydantic",
        "model_config",
        "model_fields",
        "model_computed_fields",
        "model_extra",
        "model_fields_set",
        "model_construct",
        "model_copy",
        "model_dump",
        "model_dump_json",
        "model_json_schema",
        "model_parametrized_name",
        "model_post_init",
        "model_rebuild",
        "model_validate",
        "model_validate_json",
        "model_validate_strings",
        "copy",
        "dict",
        "json",
        "parse_obj",
        "parse_raw",
        "parse_file",
        "from_orm",
        "construct",
        "schema",
        "schema_json",
        "validate",
        "update_forward_refs",
        "to_dict",
        "to_json",
        "register",
    }
)

# Module-level names in generated type files (a class named like one would shadow it).
RESERVED_CLASS_NAMES = frozenset(
    {
        "BaseModel",
        "TypedDict",
        "Required",
        "Annotated",
        "PropertyInfo",
        "Optional",
        "List",
        "Dict",
        "Union",
        "Iterable",
        "Literal",
        "Any",
        "TypeAlias",
        "Field",
        "Type",
    }
)

# Module-level names of a generated resource module (imports and helpers), and the members
# every resource class defines: a method or child resource with one of these names would
# shadow it inside the class body (`= omit` defaults, `@cached_property`, `httpx.Timeout`).
RESERVED_IN_RESOURCES = frozenset(
    {
        "with_raw_response",
        "with_streaming_response",
        "cached_property",
        "httpx",
        "cast",
        "omit",
        "not_given",
        "path_template",
        "maybe_transform",
        "async_maybe_transform",
        "strip_not_given",
        "make_request_options",
        "to_raw_response_wrapper",
        "to_streamed_response_wrapper",
        "async_to_raw_response_wrapper",
        "async_to_streamed_response_wrapper",
        "annotations",
        # builtin types the resource class's annotations name: a method `str` defined above
        # another method would be what its `str` annotations mean
        "str",
        "int",
        "float",
        "bool",
        "bytes",
        "object",
    }
)

# Public members of the generated client classes (methods and attributes of the runtime's
# base client, and the constructor's own arguments and locals): a resource attribute or a
# credential option must not take one of these. tests/hostile checks the list against a
# rendered client, so a runtime change that adds a member fails loudly.
RESERVED_ON_CLIENT = frozenset(
    {
        "auth_headers",
        "base_url",
        "close",
        "copy",
        "default_headers",
        "default_query",
        "delete",
        "get",
        "get_api_list",
        "is_closed",
        "patch",
        "platform_headers",
        "post",
        "put",
        "qs",
        "request",
        "user_agent",
        "with_options",
        "with_raw_response",
        "with_streaming_response",
        "max_retries",
        "timeout",
        "http_client",
        "self",
        "cls",
        "os",
        "base64",
        "date",
        "httpx",
        "is_given",
        "not_given",
        "cached_property",
        "json",
        "params",
        "url",
        "annotations",
        "override",
        "send",
        "stream",
        "version",
        "custom_headers",
        "custom_query",
    }
)

# File and directory names Windows refuses, with or without an extension ("con.py").
WINDOWS_DEVICE_NAMES = frozenset(
    {"con", "prn", "aux", "nul", "conin$", "conout$"}
    | {f"com{n}" for n in "123456789\u00b9\u00b2\u00b3"}
    | {f"lpt{n}" for n in "123456789\u00b9\u00b2\u00b3"}
)

# Names the package's `__init__` and `_client` modules define or import: the client class
# (named after info.title) must not replace one of them.
RESERVED_CLIENT_CLASSES = RESERVED_CLASS_NAMES | frozenset(
    {
        "Client",
        "AsyncClient",
        "Mapping",
        "Self",
        "Omit",
        "Headers",
        "Timeout",
        "NotGiven",
        "NoneType",
        "RequestOptions",
        "SyncAPIClient",
        "AsyncAPIClient",
        "APIError",
        "APIStatusError",
        "APIResponse",
        "AsyncAPIResponse",
        "DefaultHttpxClient",
        "DefaultAsyncHttpxClient",
        "TYPE_CHECKING",
    }
)

# The exception classes the package exports beside `<Client>Error`: a client class whose error class
# would be one of them ("API" -> "APIError") is renamed like any reserved name.
RUNTIME_ERROR_CLASSES = frozenset(
    {
        "BaseError",
        "APIError",
        "APIStatusError",
        "APITimeoutError",
        "APIConnectionError",
        "APIResponseValidationError",
        "BadRequestError",
        "AuthenticationError",
        "PermissionDeniedError",
        "NotFoundError",
        "ConflictError",
        "UnprocessableEntityError",
        "RateLimitError",
        "InternalServerError",
    }
)
