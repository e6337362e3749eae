"""Wire-test scenarios for client.iam.resource_groups.{create,update,list,delete,get}.

Data only (plain dicts, JSON-serialisable): tests/test_wire.py scripts the
recorder with `replies` and hands the rest to tests/wire/driver.py.

Keys beyond the driver's (see driver.py docstring):
  replies   queue of recorder replies {"status", "json" | "text", "headers"}; the last repeats
  expect    what the REFERENCE run must show, so each scenario provably tests what its name says:
              requests  number of requests recorded
              kind      "ok" | "raw" | "exception"
              exception class name (for kind "exception")
              type      type name of the returned value (for kind "ok")

Canned 200 bodies follow the reference spec's envelope
(specs: iam_api-response-single / iam_collection_resource_groups_response).
"""

from __future__ import annotations

from typing import Any, Dict, List

ACCOUNT_ID = "023e105f4ecef8ad9ca31a8372d0c353"
RESOURCE_GROUP_ID = "023e105f4ecef8ad9ca31a8372d0c353"

TOKEN = "Sn3lZJTBX6kkg7OdcBUAxOO963GEIyGQqnFTOFYY"
EMAIL = "user@example.com"
KEY = "144c9defac04969c7bfad8efaa8ea194"

AUTH_TOKEN = {"api_token": TOKEN}
AUTH_EMAIL_KEY = {"api_email": EMAIL, "api_key": KEY}
AUTH_ALL_THREE = {"api_token": TOKEN, "api_email": EMAIL, "api_key": KEY}
NO_RETRY = {"max_retries": 0}

SCOPE_KEY = "com.cloudflare.api.account.eb78d65290b24279ba6f44721b3ea3c4"
SCOPE_OBJECT_KEY = "com.cloudflare.api.account.zone.23f8d65290b24279ba6f44721b3eaad5"

# request-side scope (iam_create-scope: a single object)
SCOPE_PARAM = {"key": SCOPE_KEY, "objects": [{"key": SCOPE_OBJECT_KEY}]}
SCOPE_PARAM_TWO = {
    "key": SCOPE_KEY,
    "objects": [
        {"key": SCOPE_OBJECT_KEY},
        {"key": "com.cloudflare.api.account.zone.0123456789abcdef0123456789abcdef"},
    ],
}

# response-side resource group, as the reference spec has it (scope: ARRAY of scopes)
RESOURCE_GROUP = {
    "id": "6d7f2f5f5b1d4a0e9081fdc98d432fd1",
    "scope": [{"key": SCOPE_KEY, "objects": [{"key": SCOPE_OBJECT_KEY}]}],
    "meta": {"key": "key", "value": "value"},
    "name": SCOPE_KEY,
}
# the same with scope as a single object (the shape SDK 5.9.0's models declare)
RESOURCE_GROUP_SCOPE_OBJECT = {
    **RESOURCE_GROUP,
    "scope": {"key": SCOPE_KEY, "objects": [{"key": SCOPE_OBJECT_KEY}]},
}
# only the required fields
RESOURCE_GROUP_MINIMAL = {
    "id": "6d7f2f5f5b1d4a0e9081fdc98d432fd1",
    "scope": RESOURCE_GROUP["scope"],
}
# an unknown field at the top and one nested
RESOURCE_GROUP_EXTRA = {
    **RESOURCE_GROUP,
    "created_on": "2024-01-01T00:00:00Z",
    "meta": {"key": "key", "value": "value", "editable": "false"},
}

OK = {"success": True, "errors": [], "messages": []}


def _single(result: Any) -> List[Dict[str, Any]]:
    return [{"status": 200, "json": {**OK, "result": result}}]


def _collection(result: Any, **extra: Any) -> List[Dict[str, Any]]:
    return [{"status": 200, "json": {**OK, "result": result, **extra}}]


RESULT_INFO = {"count": 1, "page": 1, "per_page": 20, "total_count": 1}

ERROR_BODY = {
    "success": False,
    "errors": [{"code": 7003, "message": "No route for the URI"}],
    "messages": [],
    "result": None,
}
ERROR_BODY_RICH = {
    "success": False,
    "errors": [
        {
            "code": 1000,
            "message": "message",
            "documentation_url": "documentation_url",
            "source": {"pointer": "pointer"},
        },
        {"code": 7003, "message": "No route for the URI"},
    ],
    "messages": [],
    "result": None,
}


def _error(status: int, body: Any = ERROR_BODY) -> List[Dict[str, Any]]:
    return [{"status": status, "json": body}]


SINGLE_OK = _single(RESOURCE_GROUP)
DELETE_OK = _single({"id": RESOURCE_GROUP_ID})
LIST_OK = _collection([RESOURCE_GROUP], result_info=RESULT_INFO)

# per-method call shapes: required args only
REQUIRED: Dict[str, Dict[str, Any]] = {
    "create": {
        "args": [],
        "kwargs": {
            "account_id": ACCOUNT_ID,
            "name": "NewResourceGroup",
            "scope": SCOPE_PARAM,
        },
    },
    "update": {"args": [RESOURCE_GROUP_ID], "kwargs": {"account_id": ACCOUNT_ID}},
    "list": {"args": [], "kwargs": {"account_id": ACCOUNT_ID}},
    "delete": {"args": [RESOURCE_GROUP_ID], "kwargs": {"account_id": ACCOUNT_ID}},
    "get": {"args": [RESOURCE_GROUP_ID], "kwargs": {"account_id": ACCOUNT_ID}},
}
OK_REPLY = {
    "create": SINGLE_OK,
    "update": SINGLE_OK,
    "list": LIST_OK,
    "delete": DELETE_OK,
    "get": SINGLE_OK,
}
OK_TYPE = {
    "create": "ResourceGroupCreateResponse",
    "update": "ResourceGroupUpdateResponse",
    "list": "SyncSinglePage[ResourceGroupListResponse]",
    "delete": "ResourceGroupDeleteResponse",
    "get": "ResourceGroupGetResponse",
}
HAS_RESOURCE_GROUP_ID = ("update", "delete", "get")

ENCODED_ID = "a/b c"  # -> a%2Fb%20c
UNICODE_ID = "gr\u00fcn?#%"  # non-ASCII plus characters that are delimiters in URLs


def _s(id: str, method: str, **kw: Any) -> Dict[str, Any]:
    scenario: Dict[str, Any] = {
        "id": id,
        "method": method,
        "client": dict(AUTH_TOKEN),
        "args": list(REQUIRED[method]["args"]),
        "kwargs": dict(REQUIRED[method]["kwargs"]),
        "replies": OK_REPLY[method],
        "expect": {"requests": 1, "kind": "ok", "type": OK_TYPE[method]},
    }
    scenario.update(kw)
    expected_type = scenario["expect"].get("type", "")
    if scenario.get("async") and expected_type.startswith("Sync"):
        scenario["expect"] = {
            **scenario["expect"],
            "type": "Async" + expected_type[len("Sync") :],
        }
    return scenario


def _value_error(id: str, method: str, **kw: Any) -> Dict[str, Any]:
    return _s(
        id,
        method,
        expect={"requests": 0, "kind": "exception", "exception": "ValueError"},
        **kw,
    )


def _status_error(
    id: str, method: str, status: int, exception: str, **kw: Any
) -> Dict[str, Any]:
    kw.setdefault("client", {**AUTH_TOKEN, **NO_RETRY})
    kw.setdefault("replies", _error(status))
    return _s(
        id,
        method,
        expect={"requests": 1, "kind": "exception", "exception": exception},
        **kw,
    )


SCENARIOS: List[Dict[str, Any]] = []

# ---- every method: required args, auth schemes, empty/encoded path params, null and extra results
for m in ("create", "update", "list", "delete", "get"):
    SCENARIOS += [
        _s(f"{m}_required", m),
        _s(f"{m}_auth_email_key", m, client=dict(AUTH_EMAIL_KEY)),
        _s(f"{m}_auth_all_three", m, client=dict(AUTH_ALL_THREE)),
        _s(f"{m}_auth_token_and_key", m, client={"api_token": TOKEN, "api_key": KEY}),
        _s(f"{m}_auth_email_only", m, client={"api_email": EMAIL}),
        _s(
            f"{m}_no_credentials",
            m,
            client={},
            expect={"requests": 0, "kind": "exception", "exception": "TypeError"},
        ),
        _s(f"{m}_raw", m, raw=True, expect={"requests": 1, "kind": "raw"}),
        _s(f"{m}_async", m, **{"async": True}),
        _value_error(
            f"{m}_empty_account_id",
            m,
            kwargs={**REQUIRED[m]["kwargs"], "account_id": ""},
        ),
        _s(
            f"{m}_account_id_encoded",
            m,
            kwargs={**REQUIRED[m]["kwargs"], "account_id": ENCODED_ID},
        ),
        _s(
            f"{m}_result_null",
            m,
            replies=_single(None) if m != "list" else _collection(None),
            expect=(
                {"requests": 1}
                if m == "list"
                else {"requests": 1, "kind": "ok", "type": "NoneType"}
            ),
        ),
        _s(
            f"{m}_result_extra_fields",
            m,
            replies=(
                _collection(
                    [RESOURCE_GROUP_EXTRA],
                    result_info={**RESULT_INFO, "cursor": "x"},
                    extra_top="y",
                )
                if m == "list"
                else _single(
                    {"id": RESOURCE_GROUP_ID, "deleted": True}
                    if m == "delete"
                    else RESOURCE_GROUP_EXTRA
                )
            ),
        ),
        _s(
            f"{m}_success_false_http_200",
            m,
            replies=[
                {
                    "status": 200,
                    "json": {**ERROR_BODY, "result": None if m != "list" else []},
                }
            ],
            expect={"requests": 1},
        ),
    ]
    if m in HAS_RESOURCE_GROUP_ID:
        SCENARIOS += [
            _value_error(f"{m}_empty_resource_group_id", m, args=[""]),
            _value_error(f"{m}_none_resource_group_id", m, args=[None]),
            _value_error(
                f"{m}_empty_both_path_params",
                m,
                args=[""],
                kwargs={**REQUIRED[m]["kwargs"], "account_id": ""},
            ),
            _s(f"{m}_resource_group_id_encoded", m, args=[ENCODED_ID]),
            _s(f"{m}_resource_group_id_unicode", m, args=[UNICODE_ID]),
            _value_error(f"{m}_resource_group_id_dot_segment", m, args=[".."]),
            _value_error(f"{m}_resource_group_id_single_dot", m, args=["."]),
            _s(
                f"{m}_resource_group_id_as_kwarg",
                m,
                args=[],
                kwargs={
                    **REQUIRED[m]["kwargs"],
                    "resource_group_id": RESOURCE_GROUP_ID,
                },
            ),
        ]
    if m != "list":
        SCENARIOS.append(
            _s(
                f"{m}_result_scope_object",
                m,
                replies=_single(RESOURCE_GROUP_SCOPE_OBJECT),
            )
        )

# ---- all args
SCENARIOS += [
    _s(
        "create_all_args",
        "create",
        kwargs={
            "account_id": ACCOUNT_ID,
            "name": "NewResourceGroup",
            "scope": SCOPE_PARAM_TWO,
        },
    ),
    _s(
        "create_empty_objects",
        "create",
        kwargs={
            "account_id": ACCOUNT_ID,
            "name": "",
            "scope": {"key": SCOPE_KEY, "objects": []},
        },
    ),
    _s(
        "update_all_args",
        "update",
        kwargs={
            "account_id": ACCOUNT_ID,
            "name": "UpdatedResourceGroup",
            "scope": SCOPE_PARAM,
        },
    ),
    _s(
        "update_name_only",
        "update",
        kwargs={"account_id": ACCOUNT_ID, "name": "UpdatedResourceGroup"},
    ),
    _s(
        "update_scope_only",
        "update",
        kwargs={"account_id": ACCOUNT_ID, "scope": SCOPE_PARAM_TWO},
    ),
    _s(
        "update_name_non_ascii",
        "update",
        kwargs={"account_id": ACCOUNT_ID, "name": 'gr\u00fcn \u2713 "q" \\ /'},
    ),
    _s("update_name_none", "update", kwargs={"account_id": ACCOUNT_ID, "name": None}),
    _s(
        "update_name_and_scope_none",
        "update",
        kwargs={"account_id": ACCOUNT_ID, "name": None, "scope": None},
    ),
    _s(
        "update_all_args_raw",
        "update",
        raw=True,
        kwargs={
            "account_id": ACCOUNT_ID,
            "name": "UpdatedResourceGroup",
            "scope": SCOPE_PARAM,
        },
        expect={"requests": 1, "kind": "raw"},
    ),
    _s(
        "update_all_args_async",
        "update",
        kwargs={
            "account_id": ACCOUNT_ID,
            "name": "UpdatedResourceGroup",
            "scope": SCOPE_PARAM,
        },
        **{"async": True},
    ),
    _s("update_minimal_result", "update", replies=_single(RESOURCE_GROUP_MINIMAL)),
    _s(
        "list_all_args",
        "list",
        kwargs={
            "account_id": ACCOUNT_ID,
            "id": "6d7f2f5f5b1d4a0e9081fdc98d432fd1",
            "name": "NameOfTheResourceGroup",
        },
    ),
    _s(
        "list_id_only",
        "list",
        kwargs={"account_id": ACCOUNT_ID, "id": "6d7f2f5f5b1d4a0e9081fdc98d432fd1"},
    ),
    _s(
        "list_name_only",
        "list",
        kwargs={"account_id": ACCOUNT_ID, "name": "NameOfTheResourceGroup"},
    ),
    _s(
        "list_name_needs_encoding",
        "list",
        kwargs={"account_id": ACCOUNT_ID, "name": "a b&c=d/e+f\u00fc"},
    ),
    _s("list_name_none", "list", kwargs={"account_id": ACCOUNT_ID, "name": None}),
    _s("list_empty_name", "list", kwargs={"account_id": ACCOUNT_ID, "name": ""}),
    _s(
        "list_empty_result",
        "list",
        replies=_collection(
            [], result_info={**RESULT_INFO, "count": 0, "total_count": 0}
        ),
    ),
    _s(
        "list_no_result_info",
        "list",
        replies=_collection([RESOURCE_GROUP, RESOURCE_GROUP_MINIMAL]),
    ),
    _s(
        "list_scope_object_items",
        "list",
        replies=_collection([RESOURCE_GROUP_SCOPE_OBJECT]),
    ),
    _s(
        "list_all_args_raw",
        "list",
        raw=True,
        kwargs={"account_id": ACCOUNT_ID, "id": "x", "name": "y"},
        expect={"requests": 1, "kind": "raw"},
    ),
    _s(
        "list_async_all_args",
        "list",
        kwargs={"account_id": ACCOUNT_ID, "id": "x", "name": "y"},
        **{"async": True},
    ),
]

# ---- error statuses (max_retries=0 so each is one request)
SCENARIOS += [
    _status_error("create_400", "create", 400, "BadRequestError"),
    _status_error("list_401", "list", 401, "AuthenticationError"),
    _status_error("delete_403", "delete", 403, "PermissionDeniedError"),
    _status_error("get_404", "get", 404, "NotFoundError"),
    _status_error("update_409", "update", 409, "ConflictError"),
    _status_error("update_422", "update", 422, "UnprocessableEntityError"),
    _status_error("list_429", "list", 429, "RateLimitError"),
    _status_error("get_500", "get", 500, "InternalServerError"),
    _status_error("get_503", "get", 503, "InternalServerError"),
    _status_error("get_418_other_4xx", "get", 418, "APIStatusError"),
    _status_error(
        "create_404_rich_errors",
        "create",
        404,
        "NotFoundError",
        replies=_error(404, ERROR_BODY_RICH),
    ),
    _status_error(
        "get_404_text_body",
        "get",
        404,
        "NotFoundError",
        replies=[
            {
                "status": 404,
                "text": "  not here \n",
                "headers": {"Content-Type": "text/plain"},
            }
        ],
    ),
    _status_error(
        "get_404_empty_body", "get", 404, "NotFoundError", replies=[{"status": 404}]
    ),
    _status_error(
        "delete_400_json_not_envelope",
        "delete",
        400,
        "BadRequestError",
        replies=_error(400, ["a", {"b": 1}]),
    ),
    _status_error("get_404_async", "get", 404, "NotFoundError", **{"async": True}),
    _status_error(
        "update_422_raw", "update", 422, "UnprocessableEntityError", raw=True
    ),
    # default retries (2): 500 then 200 -> two requests, retry-count 0 then 1
    _s(
        "get_500_then_200_default_retries",
        "get",
        replies=[_error(500)[0], SINGLE_OK[0]],
        expect={"requests": 2, "kind": "ok", "type": "ResourceGroupGetResponse"},
    ),
    _s(
        "list_429_retry_after_ms_then_200",
        "list",
        replies=[
            {"status": 429, "json": ERROR_BODY, "headers": {"retry-after-ms": "10"}},
            LIST_OK[0],
        ],
        expect={
            "requests": 2,
            "kind": "ok",
            "type": "SyncSinglePage[ResourceGroupListResponse]",
        },
    ),
    _s(
        "update_500_exhausts_retries",
        "update",
        client={**AUTH_TOKEN, "max_retries": 1},
        replies=[
            {"status": 500, "json": ERROR_BODY, "headers": {"retry-after-ms": "5"}}
        ],
        expect={"requests": 2, "kind": "exception", "exception": "InternalServerError"},
    ),
    _s(
        "delete_400_should_retry_header",
        "delete",
        client={**AUTH_TOKEN, "max_retries": 1},
        replies=[
            {
                "status": 400,
                "json": ERROR_BODY,
                "headers": {"x-should-retry": "true", "retry-after-ms": "5"},
            },
            DELETE_OK[0],
        ],
        expect={"requests": 2, "kind": "ok", "type": "ResourceGroupDeleteResponse"},
    ),
    _s(
        "get_500_should_not_retry_header",
        "get",
        replies=[
            {"status": 500, "json": ERROR_BODY, "headers": {"x-should-retry": "false"}}
        ],
        expect={"requests": 1, "kind": "exception", "exception": "InternalServerError"},
    ),
]

# ---- client options and per-call extras
SCENARIOS += [
    _s(
        "get_auth_token_from_env", "get", client={}, env={"CLOUDFLARE_API_TOKEN": TOKEN}
    ),
    _s(
        "get_auth_email_key_from_env",
        "get",
        client={},
        env={"CLOUDFLARE_EMAIL": EMAIL, "CLOUDFLARE_API_KEY": KEY},
    ),
    _s("get_base_url_from_env", "get", base_url="env"),
    _s("get_base_url_trailing_slash_env", "get", base_url="env", env={}),
    _s(
        "get_api_version_kwarg",
        "get",
        client={**AUTH_TOKEN, "api_version": "2024-01-01"},
    ),
    _s(
        "get_user_service_key_only",
        "get",
        client={"user_service_key": "v1.0-servicekey"},
    ),
    _s(
        "get_default_headers",
        "get",
        client={
            **AUTH_TOKEN,
            "default_headers": {"X-Custom": "1", "Accept": "text/plain"},
        },
    ),
    _s("get_default_query", "get", client={**AUTH_TOKEN, "default_query": {"q": "1"}}),
    _s(
        "get_custom_headers_env",
        "get",
        env={"CLOUDFLARE_CUSTOM_HEADERS": "X-From-Env: a\nX-Other: b"},
    ),
    _s("get_timeout_kwarg", "get", kwargs={"account_id": ACCOUNT_ID, "timeout": 12.5}),
    _s("get_client_timeout", "get", client={**AUTH_TOKEN, "timeout": 30}),
    _s(
        "get_extra_headers",
        "get",
        kwargs={
            "account_id": ACCOUNT_ID,
            "extra_headers": {"X-Extra": "e", "Authorization": "Bearer override"},
        },
    ),
    _s(
        "list_extra_query",
        "list",
        kwargs={
            "account_id": ACCOUNT_ID,
            "name": "n",
            "extra_query": {"name": "override", "page": 2},
        },
    ),
    _s(
        "update_extra_body",
        "update",
        kwargs={
            "account_id": ACCOUNT_ID,
            "name": "n",
            "extra_body": {"name": "override", "extra": [1, None]},
        },
    ),
    _s(
        "create_extra_body",
        "create",
        kwargs={**REQUIRED["create"]["kwargs"], "extra_body": {"meta": {"k": "v"}}},
    ),
    _s(
        "delete_extra_body",
        "delete",
        kwargs={"account_id": ACCOUNT_ID, "extra_body": {"force": True}},
    ),
    _s(
        "get_non_json_200",
        "get",
        replies=[
            {
                "status": 200,
                "text": "plain text",
                "headers": {"Content-Type": "text/plain"},
            }
        ],
        expect={"requests": 1},
    ),
    _s(
        "get_strict_validation_spec_example",
        "get",
        client={**AUTH_TOKEN, "_strict_response_validation": True},
        expect={"requests": 1},
    ),
]

# ---- the aiohttp transport (DefaultAioHttpClient, `aiohttp` extra): same wire, same outcomes
AIOHTTP = {"async": True, "http_client": "aiohttp"}
for m in ("create", "update", "list", "delete", "get"):
    SCENARIOS += [
        _s(f"{m}_aiohttp", m, **AIOHTTP),
        _s(f"{m}_aiohttp_raw", m, raw=True, expect={"requests": 1, "kind": "raw"}, **AIOHTTP),
    ]
SCENARIOS += [
    _status_error("get_404_aiohttp", "get", 404, "NotFoundError", **AIOHTTP),
    _s(
        "get_500_then_200_aiohttp",
        "get",
        replies=[_error(500)[0], SINGLE_OK[0]],
        expect={"requests": 2, "kind": "ok", "type": "ResourceGroupGetResponse"},
        **AIOHTTP,
    ),
    _s(
        "update_all_args_aiohttp",
        "update",
        kwargs={**REQUIRED["update"]["kwargs"], "name": "n\u00e9", "extra_query": {"q": "1 2"}},
        **AIOHTTP,
    ),
]

# the base_url env variant with a trailing slash is only meaningful if the driver passes the slash
for _sc in SCENARIOS:
    if _sc["id"] == "get_base_url_trailing_slash_env":
        _sc["base_url_suffix"] = "/"

IDS = [s["id"] for s in SCENARIOS]
assert len(IDS) == len(set(IDS)), "duplicate scenario ids"
