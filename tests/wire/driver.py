"""Run wire-test scenarios against whichever `cloudflare` package this interpreter imports.

Usage:  WIRE_BASE_URL=http://127.0.0.1:PORT  python driver.py SCENARIOS.json [OUT.json]

Depends only on the stdlib and the `cloudflare` package under test, so the same
file can be run by the reference interpreter (PyPI cloudflare==5.9.0) and by
the candidate (the generated SDK). Prints (or writes to OUT.json) a JSON object
{"package": {...}, "results": [...]} with one outcome per scenario, in order.

Scenario keys (all optional except id and method):
  id        routes requests to the recorder (base_url = WIRE_BASE_URL/_s/<id>/client/v4)
  client    constructor kwargs, passed as is (api_token, api_email, api_key, max_retries, ...)
  base_url  "kwarg" (default) | "env" (CLOUDFLARE_BASE_URL) | "none" (not given at all)
  base_url_suffix  appended to the base URL (e.g. "/" to test trailing-slash handling)
  env       extra environment variables set for this scenario only
  async     true -> AsyncCloudflare
  http_client  "aiohttp" -> http_client=cloudflare.DefaultAioHttpClient() (async only)
  method    create | update | list | delete | get
  args      positional args (e.g. [resource_group_id])
  kwargs    keyword args
  raw       true -> client.iam.resource_groups.with_raw_response.<method>(...)
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import traceback
import warnings
from typing import Any, Dict, List, Optional

import cloudflare

BASE_URL_ENV = "WIRE_BASE_URL"
API_PREFIX = "/client/v4"

# Environment the SDK reads; cleared for every scenario so runs are hermetic.
_SDK_ENV = (
    "CLOUDFLARE_API_TOKEN",
    "CLOUDFLARE_API_KEY",
    "CLOUDFLARE_EMAIL",
    "CLOUDFLARE_API_USER_SERVICE_KEY",
    "CLOUDFLARE_BASE_URL",
    "CLOUDFLARE_CUSTOM_HEADERS",
    "CLOUDFLARE_LOG",
)


def jsonable(value: Any, _depth: int = 0) -> Any:
    """Plain JSON data for anything the SDK hands back (models, lists, httpx bits)."""
    if _depth > 50:
        return "<too deep>"
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, dict):
        return {str(k): jsonable(v, _depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = list(value)
        if isinstance(value, (set, frozenset)):
            items = sorted(items, key=repr)
        return [jsonable(v, _depth + 1) for v in items]
    if hasattr(value, "model_dump"):
        return model_dump(value)
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return {"__repr__": repr(value), "__type__": type(value).__name__}


def model_dump(model: Any) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return jsonable(
                model.model_dump(
                    mode="json", by_alias=True, exclude_unset=True, warnings=False
                )
            )
        except Exception as exc:  # noqa: BLE001 - recorded, not raised
            return {"__model_dump_error__": f"{type(exc).__name__}: {exc}"}


def to_dict(model: Any) -> Any:
    """The SDK's own `.to_dict()` (its public contract), JSON-ified."""
    fn = getattr(model, "to_dict", None)
    if fn is None:
        return "<no to_dict>"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return jsonable(fn())
        except Exception as exc:  # noqa: BLE001
            return {"__to_dict_error__": f"{type(exc).__name__}: {exc}"}


def to_json(model: Any) -> Any:
    fn = getattr(model, "to_json", None)
    if fn is None:
        return "<no to_json>"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return fn()
        except Exception as exc:  # noqa: BLE001
            return {"__to_json_error__": f"{type(exc).__name__}: {exc}"}


def type_info(value: Any) -> Dict[str, str]:
    t = type(value)
    return {"name": t.__name__, "module": t.__module__}


def describe(value: Any, _depth: int = 0) -> Any:
    """Structure as a user sees it through attributes: type names at every level.

    For a model: its declared fields plus extras, read with getattr (so unknown
    fields must be reachable as attributes), and which fields were set.
    """
    if _depth > 30:
        return "<too deep>"
    if value is None or isinstance(value, (bool, int, float, str)):
        return {"type": type(value).__name__, "value": value}
    if isinstance(value, (list, tuple)):
        return {
            "type": type(value).__name__,
            "items": [describe(v, _depth + 1) for v in value],
        }
    if isinstance(value, dict):
        return {
            "type": type(value).__name__,
            "items": {str(k): describe(v, _depth + 1) for k, v in value.items()},
        }
    if hasattr(value, "model_dump"):
        declared = list(getattr(type(value), "model_fields", {}) or {})
        extra = list((getattr(value, "model_extra", None) or {}).keys())
        fields = {}
        for name in declared + [e for e in extra if e not in declared]:
            try:
                fields[name] = describe(getattr(value, name), _depth + 1)
            except Exception as exc:  # noqa: BLE001
                fields[name] = {"__getattr_error__": f"{type(exc).__name__}: {exc}"}
        return {
            **type_info(value),
            "fields": fields,
            "fields_set": sorted(getattr(value, "model_fields_set", set())),
            "extra": sorted(extra),
        }
    return {**type_info(value), "repr": repr(value)}


def is_page(value: Any) -> bool:
    return hasattr(value, "has_next_page") and hasattr(value, "_get_page_items")


def describe_page(page: Any, items: List[Any]) -> Dict[str, Any]:
    return {
        "class": type(page).__name__,
        "module": type(page).__module__,
        "has_next_page": page.has_next_page(),
        "item_types": [type_info(i) for i in items],
        "items": [jsonable(i) for i in items],
        "items_to_dict": [to_dict(i) for i in items],
        "items_describe": [describe(i) for i in items],
        "result_attr": jsonable(getattr(page, "result", "<no .result>")),
    }


def describe_success(value: Any, page_items: Any = None) -> Dict[str, Any]:
    """`page_items`: the items of an async page, collected by the caller."""
    out: Dict[str, Any] = {"kind": "ok", "type": type_info(value)}
    if value is None:
        out["data"] = None
        return out
    if is_page(value):
        # list(page) iterates (and would auto-fetch further pages, if any)
        items = list(value) if page_items is None else page_items
        out["page"] = describe_page(value, items)
        out["data"] = model_dump(value)
        return out
    out["data"] = jsonable(value)
    out["to_dict"] = to_dict(value)
    out["to_json"] = to_json(value)
    out["describe"] = describe(value)
    return out


def describe_exception(exc: BaseException) -> Dict[str, Any]:
    mro = []
    for cls in type(exc).__mro__:
        mro.append(cls.__name__)
        if cls is Exception or cls is BaseException:
            break
    exported = {
        cls.__name__: getattr(cloudflare, cls.__name__, None) is cls
        for cls in type(exc).__mro__
        if cls.__module__ != "builtins"
    }
    out: Dict[str, Any] = {
        "kind": "exception",
        "class": type(exc).__name__,
        "module": type(exc).__module__,
        "mro": mro,
        "exported_from_cloudflare": exported,
        "message": str(exc),
        "args": jsonable(list(exc.args)),
    }
    for attr in ("status_code", "message", "body"):
        if hasattr(exc, attr):
            out[f"attr_{attr}"] = jsonable(getattr(exc, attr))
    if hasattr(exc, "errors"):
        errors = getattr(exc, "errors")
        out["attr_errors"] = (
            [{"type": type_info(e), "data": jsonable(e)} for e in errors]
            if isinstance(errors, list)
            else {"not_a_list": jsonable(errors)}
        )
    response = getattr(exc, "response", None)
    if response is not None and hasattr(response, "status_code"):
        out["response_status_code"] = response.status_code
    return out


def build_client(scenario: Dict[str, Any], base_url: str) -> Any:
    kwargs = dict(scenario.get("client") or {})
    mode = scenario.get("base_url", "kwarg")
    if mode == "kwarg":
        kwargs["base_url"] = base_url
    elif mode == "env":
        os.environ["CLOUDFLARE_BASE_URL"] = base_url
    elif mode != "none":
        raise ValueError(f"unknown base_url mode {mode!r}")
    if scenario.get("http_client") == "aiohttp":
        kwargs["http_client"] = cloudflare.DefaultAioHttpClient()
    cls = cloudflare.AsyncCloudflare if scenario.get("async") else cloudflare.Cloudflare
    return cls(**kwargs)


def call(client: Any, scenario: Dict[str, Any]) -> Any:
    resource = client.iam.resource_groups
    if scenario.get("raw"):
        resource = resource.with_raw_response
    fn = getattr(resource, scenario["method"])
    return fn(*scenario.get("args", []), **scenario.get("kwargs", {}))


def describe_raw(response: Any) -> Dict[str, Any]:
    parsed = response.parse()
    return {
        "kind": "raw",
        "type": type_info(response),
        "status_code": response.status_code,
        "retries_taken": getattr(response, "retries_taken", "<missing>"),
        "is_closed": getattr(response, "is_closed", "<missing>"),
        "json": jsonable(response.json()),
        "parsed": describe_success(parsed),
    }


def run_sync(scenario: Dict[str, Any], base_url: str) -> Dict[str, Any]:
    client = build_client(scenario, base_url)
    try:
        value = call(client, scenario)
        return describe_raw(value) if scenario.get("raw") else describe_success(value)
    finally:
        client.close()


async def _run_async(scenario: Dict[str, Any], base_url: str) -> Dict[str, Any]:
    client = build_client(scenario, base_url)
    try:
        out = await _call_async(client, scenario)
        if scenario.get("http_client"):
            # which transport really carried the requests (httpx's own, or aiohttp's)
            out["transport"] = type(client._client._transport).__name__
        return out
    finally:
        await client.close()


async def _call_async(client: Any, scenario: Dict[str, Any]) -> Dict[str, Any]:
    value = call(client, scenario)
    if scenario["method"] == "list" and not scenario.get("raw"):
        # AsyncPaginator: awaiting gives the first page; collect items with async for
        page = await value
        page_items = [i async for i in page]
        out = describe_success(page, page_items=page_items)
        out["paginator_type"] = type_info(value)
        return out
    value = await value
    if scenario.get("raw"):
        parsed = await value.parse()
        items: Optional[List[Any]] = (
            [i async for i in parsed] if is_page(parsed) else None
        )
        return {
            "kind": "raw",
            "type": type_info(value),
            "status_code": value.status_code,
            "retries_taken": getattr(value, "retries_taken", "<missing>"),
            "is_closed": getattr(value, "is_closed", "<missing>"),
            "json": jsonable(await value.json()),
            "parsed": describe_success(parsed, page_items=items),
        }
    return describe_success(value)


def run_one(scenario: Dict[str, Any], root_url: str) -> Dict[str, Any]:
    saved = {k: os.environ.get(k) for k in _SDK_ENV}
    saved.update({k: os.environ.get(k) for k in scenario.get("env") or {}})
    for k in _SDK_ENV:
        os.environ.pop(k, None)
    os.environ.update({k: str(v) for k, v in (scenario.get("env") or {}).items()})
    base_url = f"{root_url}/_s/{scenario['id']}{API_PREFIX}{scenario.get('base_url_suffix', '')}"
    try:
        if scenario.get("async"):
            outcome = asyncio.run(_run_async(scenario, base_url))
        else:
            outcome = run_sync(scenario, base_url)
    except Exception as exc:  # noqa: BLE001 - the outcome under test
        outcome = describe_exception(exc)
        outcome["traceback_tail"] = traceback.format_exception_only(type(exc), exc)[
            -1
        ].strip()
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    return {"id": scenario["id"], "outcome": outcome}


def main(argv: List[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    root_url = os.environ.get(BASE_URL_ENV)
    if not root_url:
        print(f"{BASE_URL_ENV} is not set", file=sys.stderr)
        return 2
    with open(argv[1], encoding="utf-8") as f:
        scenarios = json.load(f)
    results = [run_one(s, root_url.rstrip("/")) for s in scenarios]
    version = getattr(cloudflare, "__version__", None)
    if version is None:
        try:
            from cloudflare._version import __version__ as version  # type: ignore[no-redef]
        except Exception:  # noqa: BLE001
            version = None
    doc = {
        "package": {
            "file": getattr(cloudflare, "__file__", None),
            "version": version,
            "python": sys.version.split()[0],
            "executable": sys.executable,
        },
        "results": results,
    }
    text = json.dumps(doc, indent=1, sort_keys=True)
    if len(argv) == 3:
        with open(argv[2], "w", encoding="utf-8") as f:
            f.write(text)
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
