"""Api (IR) -> the view objects templates read. Every presentation decision is made here.

Templates only substitute and loop; anything that is a choice (a name, an import, which
helper a method calls, how a docstring reads) is computed in this module.
"""

from __future__ import annotations

import re
import json
from dataclasses import dataclass, field

from ..ir.examples import example_for, fits, has_finite_instance, sendable_in
from ..ir.model import (
    AnyType,
    Api,
    ArrayType,
    BodyEncoding,
    Location,
    MapType,
    ObjectType,
    Operation,
    Parameter,
    Primitive,
    RefType,
    Resource,
    ResponseKind,
    TypeRef,
)
from ..ir.naming import module_name
from .literals import docstring_body, py_literal, pystr
from .imports import NAME_SOURCES, import_lines, resource_imports
from .pytypes import TypeModule
from .wire import WireBuilder, credential_filter, takes_files

_WORD = re.compile(r"\w+")
_PATH_PARAM = re.compile(r"{([^{}]+)}")
RESOURCE_SUFFIX = "Resource"


class Deref:
    """RefType -> the shape it names, using the Api's schema table."""

    def __init__(self, api: Api) -> None:
        self._table = {named.schema_id: named.type for named in api.schemas}

    def __call__(self, type_: TypeRef) -> TypeRef:
        seen: set[str] = set()
        while isinstance(type_, RefType) and type_.schema_id not in seen:
            seen.add(type_.schema_id)
            type_ = self._table.get(type_.schema_id, type_)
        return type_


@dataclass
class TypeFileView:
    module: str  # "pet_update_params"
    path: str  # file path relative to the package: "types/store/pet_update_params.py"
    flavor: str  # model | params
    main: str  # main exported name
    plan: TypeModule
    up: str  # relative-import prefix from the file to the package root ("..." etc.)


@dataclass
class ArgView:
    py_name: str
    signature: str  # "name: str | Omit = omit"
    description: str  # docstring text (already escaped), "" when none


@dataclass
class MethodView:
    name: str
    docstring: str  # full docstring body, escaped and indented for a method
    args: list[ArgView]  # in signature order; "*" marks the keyword-only boundary
    positional_count: int
    path_checks: list[str]  # str path params checked for emptiness, in path order
    path_expr: str
    http_call: str  # "_put", "_get_api_list" ...
    http_method: str
    body_dict: str  # "" or a dict display of py names
    query_dict: str
    header_dict: str
    headers_expr: str  # "" or the expression `extra_headers` is set to before the call
    params_ref: str  # "pet_update_params.PetUpdateParams" or ""
    returns_sync: str
    returns_async: str
    cast_to: str
    post_parser: str
    page_sync: str
    page_async: str
    model: str  # item model of a page
    has_body_arg: bool  # the spec declares a body (even without a schema)
    deprecated: bool
    body_arg_sync: str = ""  # the `body=` argument (JSON bodies), "" when none
    body_arg_async: str = ""
    query_arg_sync: str = ""  # the `query=` option, "" when none
    query_arg_async: str = ""
    encode_sync: str = ""  # expression assigned to `encoded_body` (non-JSON bodies), "" when none
    encode_async: str = ""
    auth_headers: str = ""  # per-operation credential headers (an override of the API's security)
    auth_query: str = ""
    generic_call: bool = False  # methods the client has no helper for (HEAD, OPTIONS, TRACE)
    result_cast: str = ""  # the return type the call's result is cast to ("" when none is needed)
    imports: list[tuple[str, str]] = field(default_factory=list)  # (module, name) its code uses, see ImportBlock
    # (module, name) of the pydantic-bearing classes the call uses (response models, pages, the
    # envelope): imported inside the method, so that importing a resource builds no model
    deferred_sync: list[tuple[str, str]] = field(default_factory=list)
    deferred_async: list[tuple[str, str]] = field(default_factory=list)
    local_imports_sync: list[str] = field(default_factory=list)  # deferred_*, as import lines
    local_imports_async: list[str] = field(default_factory=list)
    returns_names: frozenset[str] = frozenset()  # typing names the return annotation uses
    response_kind: ResponseKind = ResponseKind.JSON
    cast_to_async: str = ""  # when the async method casts to another class (binary responses)
    stream_cls: str = ""  # "Stream[X]" when the method returns server-sent events
    stream_cls_async: str = ""


@dataclass
class ResourceView:
    resource: Resource
    module_path: str  # "resources/store/pets.py"
    module_dotted: str  # "resources.store.pets"
    class_name: str  # "PetsResource"
    async_class_name: str
    up: str
    docstring: str
    methods: list[MethodView]
    children: list[ResourceView]
    is_package: bool  # has children: lives in resources/<name>/<name>.py
    imports: list[list[str]]  # the import lines, in groups
    typing_imports: list[str]  # lines under `if TYPE_CHECKING:` (the methods' deferred names)

    @property
    def import_from_parent(self) -> str:
        # Relative to the directory of the parent's module, which also holds this one
        # (a leaf module, or a package whose __init__ re-exports it).
        return f".{self.resource.attr_name}"

    @property
    def lazy_module(self) -> str:
        return ".resources." + ".".join(self.resource.path)


@dataclass
class TestCallView:
    method: MethodView
    op: Operation
    required_args: str  # "pet_id=..., account_id=..."
    all_args: str
    path_param_cases: list[tuple[str, str]]  # (py_name of the emptied param, call args)
    response_annotation: str
    route_method: str
    route_regex: str
    response_status: int
    response_body: object  # JSON data, or bytes the mock server sends as they are
    expected_all_body: str  # py literal of the JSON body sent with all args, or "" when no body
    expected_all_query: str  # py literal of the query pairs sent with all args
    query_exact: bool  # False when styled arrays/objects add pairs beyond expected_all_query
    query_filter: str  # " if pair[0] not in (...)": leaves out credentials sent in the query
    unsatisfiable: bool  # no finite response is valid: strict parsing cannot succeed
    has_optional: bool
    response_annotation_async: str
    resource_chain: str  # "store.pets"
    response_content_type: str = "application/json"
    stream_item: str = ""  # the annotation of each event when the method returns a stream, else ""
    imports: list[tuple[str, str]] = field(default_factory=list)  # what the call's tests use, see ImportBlock


@dataclass
class SdkView:
    api: Api
    resources: list[ResourceView] = field(default_factory=list)
    type_files: list[TypeFileView] = field(default_factory=list)


def _doc(text: str, indent: str) -> str:
    return docstring_body(text, indent)


def _relative_up(depth: int) -> str:
    return "." * (depth + 1)


class ViewBuilder:
    def __init__(self, api: Api) -> None:
        self.api = api
        self.deref = Deref(api)
        self.wires = WireBuilder(api, self.deref)
        self.type_files: list[TypeFileView] = []

    # ------------------------------------------------------------------ types

    def _types_dir(self, resource: Resource) -> tuple[str, ...]:
        return resource.path[:-1]

    def params_file(self, resource: Resource, op: Operation) -> TypeFileView | None:
        if not op.params_type_name:
            return None
        plan = TypeModule("params", self.deref, files=takes_files(op))
        plan.add_class(op.params_type_name, "", op.params_properties())
        dirs = self._types_dir(resource)
        return TypeFileView(
            module=op.params_module,
            path="/".join(("types", *dirs, f"{op.params_module}.py")),
            flavor="params",
            main=op.params_type_name,
            plan=plan,
            up=_relative_up(len(dirs) + 1),
        )

    def response_file(self, resource: Resource, op: Operation) -> TypeFileView | None:
        if not op.response_type_name or op.response.type is None:
            return None
        plan = TypeModule("model", self.deref)
        target = self.deref(op.response.type)
        if isinstance(target, ObjectType):
            plan.add_object(op.response_type_name, target)
        else:
            description = ""
            plan.add_alias(op.response_type_name, op.response.type, description)
        dirs = self._types_dir(resource)
        return TypeFileView(
            module=op.response_module,
            path="/".join(("types", *dirs, f"{op.response_module}.py")),
            flavor="model",
            main=op.response_type_name,
            plan=plan,
            up=_relative_up(len(dirs) + 1),
        )

    def error_file(self) -> TypeFileView | None:
        envelope = self.api.error_envelope
        if envelope is None:
            return None
        plan = TypeModule("model", self.deref)
        target = self.deref(envelope.type)
        if not isinstance(target, ObjectType):
            return None
        plan.add_object(envelope.model_name, target)
        return TypeFileView(
            module=module_name(envelope.model_name),
            path=f"types/shared/{module_name(envelope.model_name)}.py",
            flavor="model",
            main=envelope.model_name,
            plan=plan,
            up="...",
        )

    # ------------------------------------------------------------------ methods

    def _is_type(self, type_: TypeRef | None) -> bool:
        """Whether a response type's annotation is a class (`Type[X]` holds it), not a Literal or Union."""
        target = self.deref(type_) if type_ is not None else None
        return isinstance(target, (ObjectType, ArrayType, MapType, AnyType)) or (
            isinstance(target, Primitive) and target.kind in ("str", "int", "float", "bool", "bytes")
        )

    def method(self, resource: Resource, op: Operation, params_file: TypeFileView | None) -> MethodView:
        qualifier = f"{op.params_module}." if params_file else ""
        # Signature annotations reuse the params module's classes (fully planned by now).
        planner = params_file.plan if params_file else TypeModule("params", self.deref, files=takes_files(op))
        positional, keyword = op.signature_order()

        imports: list[tuple[str, str]] = [("._base_client", "make_request_options")]
        types_pkg = ".".join(("types", *self._types_dir(resource)))

        def annotation(param: Parameter) -> str:
            hint = param.wire_name or param.py_name
            text, names = planner.annotation_names(param.type, hint=hint, prefix="", qualifier=qualifier)
            if param.nullable:
                text = f"Optional[{text}]"
                names |= {"Optional"}
            if qualifier in names:
                imports.append((f".{types_pkg}", op.params_module))
            imports.extend((NAME_SOURCES[name], name) for name in names if name in NAME_SOURCES)
            return text

        args: list[ArgView] = []
        for param in positional:
            args.append(ArgView(param.py_name, f"{param.py_name}: {annotation(param)}", _doc(param.description, "")))
        if keyword:
            args.append(ArgView("*", "*", ""))
        for param in keyword:
            text = annotation(param)
            signature = f"{param.py_name}: {text}" if param.required else f"{param.py_name}: {text} | Omit = omit"
            if not param.required:
                imports.extend([("._types", "Omit"), ("._types", "omit")])
            args.append(ArgView(param.py_name, signature, _doc(param.description, "")))

        # Docstring: description, then Args (path params first, as the reference SDK does).
        lines = [op.description] if op.description else []
        documented = [p for p in (positional + keyword) if p.description]
        documented.sort(key=lambda p: 0 if p.location == "path" else 1)
        arg_lines = []
        for p in documented:
            body = " ".join(p.description.split())
            arg_lines.append(f"{p.py_name}: {body}")
        arg_lines += [
            "extra_headers: Send extra headers",
            "extra_query: Add additional query parameters to the request",
        ]
        arg_lines.append("extra_body: Add additional JSON properties to the request")
        arg_lines.append("timeout: Override the client-level default timeout for this request, in seconds")
        docstring = "\n\n".join(lines + ["Args:\n" + "\n\n".join("  " + a for a in arg_lines)])
        docstring = _doc(docstring, "        ")

        path_names = _PATH_PARAM.findall(op.path)
        by_wire = {p.wire_name: p for p in op.parameters if p.location == "path"}
        # An OpenAPI path has no query or fragment: a literal '?' or '#' is part of the path, and
        # path_template would otherwise read it as the start of one.
        template = op.path.replace("?", "%3F").replace("#", "%23")
        for wire in path_names:
            template = template.replace("{" + wire + "}", "{" + by_wire[wire].py_name + "}")
        if path_names:
            imports.append(("._utils", "path_template"))
            kwargs = ", ".join(
                f"{by_wire[w].py_name}={self.wires.path_value(by_wire[w], imports)}" for w in dict.fromkeys(path_names)
            )
            path_expr = f"path_template({pystr(template)}, {kwargs})"
        else:
            path_expr = pystr(template)
        if op.server:
            # its own server, unless the client was pointed elsewhere (a proxy, a test server)
            path_expr = f"self._client._operation_url({pystr(op.server)}, {path_expr})"
        path_checks = []
        for wire in path_names:
            param = by_wire[wire]
            if planner.annotation(param.type, hint=param.wire_name, prefix="") == "str":
                path_checks.append(param.py_name)

        def dict_display(location: Location) -> str:
            items = [p for p in op.parameters if p.location is location]
            if location is Location.BODY and items and not items[0].wire_name:
                return items[0].py_name  # a whole-body argument
            if not items:
                return ""
            key = (lambda p: p.wire_name) if location is Location.HEADER else (lambda p: p.py_name)
            return "{" + ", ".join(f"{pystr(key(p))}: {p.py_name}" for p in items) + "}"

        params_ref = f"{op.params_module}.{op.params_type_name}" if params_file else ""
        result_cast = ""
        wire = self.wires.wire(op, planner, params_ref, dict_display, imports)
        paged = op.page is not None and bool(op.response_type_name)
        if wire.transforms or wire.encode_transforms:
            # the query and JSON body of a paged call are transformed eagerly in both flavors
            imports.extend([(f".{types_pkg}", op.params_module), ("._utils", "maybe_transform")])
            if wire.encode_transforms or not paged:
                imports.append(("._utils", "async_maybe_transform"))
        response_name = op.response_type_name
        kind = op.response.kind
        returns_names: set[str] = set()
        deferred: list[tuple[str, str]] = []  # what both flavors use
        deferred_sync: list[tuple[str, str]] = []
        deferred_async: list[tuple[str, str]] = []
        cast_to_async = stream_cls = stream_cls_async = ""
        if kind is ResponseKind.BINARY and op.page is None:
            returns_sync, returns_async = "BinaryAPIResponse", "AsyncBinaryAPIResponse"
            imports.extend([("._response", returns_sync), ("._response", returns_async)])
            cast_to, cast_to_async, post_parser, http_call = returns_sync, returns_async, "", f"_{op.http_method}"
        elif kind is ResponseKind.EVENT_STREAM and op.page is None:
            item = response_name or "object"
            returns_sync, returns_async = f"Stream[{item}]", f"AsyncStream[{item}]"
            stream_cls, stream_cls_async = returns_sync, returns_async
            imports.extend([("._streaming", "Stream"), ("._streaming", "AsyncStream")])
            cast_to, post_parser, http_call = item, "", "_request_stream"
        elif op.page is not None and response_name:
            returns_sync = f"Sync{op.page.class_suffix}[{response_name}]"
            returns_async = f"AsyncPaginator[{response_name}, Async{op.page.class_suffix}[{response_name}]]"
            cast_to, post_parser, http_call = "", "", "_get_api_list"
            deferred_sync.append((".pagination", f"Sync{op.page.class_suffix}"))
            deferred_async.append((".pagination", f"Async{op.page.class_suffix}"))
            imports.append(("._base_client", "AsyncPaginator"))
        elif response_name and op.response.unwrapped:
            optional = f"Optional[{response_name}]" if op.response.nullable else response_name
            returns_sync = returns_async = optional
            if self._is_type(op.response.type):
                cast_to = f"cast(Type[{optional}], ResultWrapper[{response_name}])"
                imports.append(("typing", "Type"))
            else:  # `Type[Optional[Literal[...]]]` is no type: pass Any, cast the result
                cast_to, result_cast = f"cast(Any, ResultWrapper[{response_name}])", optional
                imports.append(("typing", "Any"))
            post_parser = f"ResultWrapper[{optional}]._unwrapper"
            http_call = f"_{op.http_method}"
            returns_names.update({"Optional"} if op.response.nullable else ())
            deferred.append(("._wrappers", "ResultWrapper"))
            imports.append(("typing", "cast"))
        elif response_name:
            returns_sync = returns_async = response_name
            if self._is_type(op.response.type):
                cast_to = response_name
            else:
                # Literal and Union aliases are not `Type[...]`: pass them as Any, cast the result
                cast_to, result_cast = f"cast(Any, {response_name})", response_name
                imports.extend([("typing", "Any"), ("typing", "cast")])
            post_parser, http_call = "", f"_{op.http_method}"
        else:
            returns_sync = returns_async = "None"
            cast_to, post_parser, http_call = "NoneType", "", f"_{op.http_method}"
            imports.append(("._types", "NoneType"))
        if response_name and not (kind is ResponseKind.BINARY and op.page is None):
            deferred.append((f".{types_pkg}.{op.response_module}", response_name))
        imports.extend((NAME_SOURCES[name], name) for name in returns_names)
        # the client's `get` takes no body: a GET that declares one goes through `request`
        get_with_body = op.http_method == "get" and any(p.location is Location.BODY for p in op.parameters)
        generic_call = op.http_method not in ("get", "post", "put", "patch", "delete") or get_with_body
        if generic_call and http_call not in ("_get_api_list", "_request_stream"):
            http_call = "request"
            imports.append(("._options", "FinalRequestOptions"))

        return MethodView(
            name=op.name,
            docstring=docstring,
            args=args,
            positional_count=len(positional),
            path_checks=path_checks,
            path_expr=path_expr,
            http_call=http_call,
            http_method=op.http_method,
            body_dict=dict_display(Location.BODY),
            query_dict=dict_display(Location.QUERY),
            header_dict=dict_display(Location.HEADER),
            headers_expr=wire.headers_expr,
            response_kind=kind if op.page is None else ResponseKind.JSON,
            cast_to_async=cast_to_async or cast_to,
            stream_cls=stream_cls,
            stream_cls_async=stream_cls_async,
            params_ref=params_ref,
            returns_sync=returns_sync,
            returns_async=returns_async,
            cast_to=cast_to,
            post_parser=post_parser,
            page_sync=f"Sync{op.page.class_suffix}" if op.page else "",
            page_async=f"Async{op.page.class_suffix}" if op.page else "",
            model=response_name if op.page else "",
            has_body_arg=op.body is not None,
            deprecated=op.deprecated,
            body_arg_sync=wire.body_sync,
            body_arg_async=wire.body_async,
            query_arg_sync=wire.query_sync,
            query_arg_async=wire.query_async,
            encode_sync=wire.encode_sync,
            encode_async=wire.encode_async,
            auth_headers=wire.auth_headers,
            auth_query=wire.auth_query,
            generic_call=generic_call and http_call == "request",
            imports=imports,
            deferred_sync=deferred + deferred_sync,
            deferred_async=deferred + deferred_async,
            returns_names=frozenset(returns_names),
            result_cast=result_cast,
        )

    # ------------------------------------------------------------------ resources

    def resource(self, resource: Resource) -> ResourceView:
        is_package = bool(resource.children)
        if is_package:
            dirs = ("resources", *resource.path)
            module_path = "/".join((*dirs, f"{resource.attr_name}.py"))
            up = _relative_up(len(dirs))
        else:
            dirs = ("resources", *resource.path[:-1])
            module_path = "/".join((*dirs, f"{resource.attr_name}.py"))
            up = _relative_up(len(dirs))
        methods = []
        for op in resource.operations:
            params_file = self.params_file(resource, op)
            response_file = self.response_file(resource, op)
            for file in (params_file, response_file):
                if file is not None:
                    self.type_files.append(file)
            methods.append(self.method(resource, op, params_file))
        for method in methods:
            method.local_imports_sync = import_lines(method.deferred_sync, up)
            method.local_imports_async = import_lines(method.deferred_async, up)
        # the deferred names the annotations use, imported for type checkers only
        annotated = {word for m in methods for word in _WORD.findall(f"{m.returns_sync} {m.returns_async}")}
        deferred = [pair for m in methods for pair in (*m.deferred_sync, *m.deferred_async) if pair[1] in annotated]
        children = [self.resource(child) for child in resource.children]
        stem = resource.class_stem
        return ResourceView(
            resource=resource,
            module_path=module_path,
            module_dotted=module_path[: -len(".py")].replace("/", "."),
            class_name=f"{stem}{RESOURCE_SUFFIX}",
            async_class_name=f"Async{stem}{RESOURCE_SUFFIX}",
            up=up,
            docstring=_doc(resource.description, "    "),
            methods=methods,
            children=children,
            is_package=is_package,
            imports=resource_imports(
                [m.imports for m in methods], has_children=bool(children), typing_only=bool(deferred)
            ).groups(up),
            typing_imports=import_lines(deferred, up),
        )

    # ------------------------------------------------------------------ tests

    def test_call(self, resource_view: ResourceView, method: MethodView, op: Operation) -> TestCallView:
        def value_of(param: Parameter) -> object:
            usable = param.has_example and fits(param.example, param.type, self.deref)
            if usable and sendable_in(param.location, param.example):
                return param.example
            return example_for(param.type, self.deref)

        def call_args(params: list[Parameter], empty: str = "") -> str:
            parts = []
            for param in params:
                value = "" if param.py_name == empty else value_of(param)
                parts.append(f"{param.py_name}={py_literal(value)}")
            return ", ".join(parts)

        required = [p for p in op.parameters if p.required or p.location == "path"]
        cases = []
        for check in method.path_checks:
            cases.append((check, call_args(required, empty=check)))

        body_params = [p for p in op.parameters if p.location == "body"]
        expected_body = ""
        if body_params:
            if not body_params[0].wire_name:
                expected_body = py_literal(value_of(body_params[0]))
            else:
                expected_body = py_literal({p.wire_name: value_of(p) for p in body_params})
        if op.body is not None and op.body.encoding is not BodyEncoding.JSON:
            expected_body = ""  # not JSON on the wire: the functional tests of sdkgen check these
        query = [(p.wire_name, value_of(p)) for p in op.parameters if p.location == "query"]
        expected_query = py_literal(
            # the query string leaves out empty values, as the runtime's Querystring does
            [[k, _query_text(v)] for k, v in query if not isinstance(v, (list, dict)) and _query_text(v) != ""]
        )

        regex = "^" + _PATH_PARAM.sub("[^/]+", re.escape(op.path).replace("\\{", "{").replace("\\}", "}")) + "$"
        body: object = None
        if op.response.content_type:
            body = self._wire_example(op)
        annotation = method.returns_sync
        annotation_async = method.returns_sync
        content_type = "application/json"
        stream_item = ""
        if op.page is not None:
            annotation_async = method.page_async + f"[{op.response_type_name}]"
        elif method.stream_cls:
            # two events carrying the example, then the end of the stream
            stream_item = method.cast_to
            content_type = "text/event-stream"
            event = b"data: " + json.dumps(body).encode() + b"\n\n"
            body = event + event
        elif method.response_kind is ResponseKind.BINARY:
            annotation_async = method.returns_async
            content_type = op.response.content_type
            body = b"\x89binary\x00body\xff"
        call = TestCallView(
            method=method,
            op=op,
            required_args=call_args(required),
            all_args=call_args(
                [p for p in op.parameters if p.location == "path"]
                + [p for p in op.parameters if p.location != "path"]
            ),
            path_param_cases=cases,
            response_annotation=annotation,
            route_method=op.http_method.upper(),
            route_regex=regex,
            response_status=int(op.response.status) if op.response.status.isdigit() else 200,
            response_body=body,
            expected_all_body=expected_body,
            expected_all_query=expected_query,
            query_exact=not any(isinstance(v, (list, dict)) for _k, v in query),
            query_filter=credential_filter(self.api),
            unsatisfiable=op.response.type is not None and not has_finite_instance(op.response.type, self.deref),
            resource_chain=".".join(resource_view.resource.path),
            has_optional=any(not p.required and p.location != "path" for p in op.parameters),
            response_annotation_async=annotation_async,
            response_content_type=content_type,
            stream_item=stream_item,
        )
        call.imports = self._test_imports(call, resource_view.resource)
        return call

    def _test_imports(self, call: TestCallView, resource: Resource) -> list[tuple[str, str]]:
        """What the tests of one call use besides the client (names of the package start with ".")."""
        method, op = call.method, call.op
        imports = [("typing", "Any"), ("typing", "cast"), ("tests.utils", "assert_matches_type")]
        if call.unsatisfiable or call.path_param_cases:
            imports.append(("", "pytest"))  # pytest.skip, pytest.raises
        if call.has_optional or call.path_param_cases:
            imports.append(("tests.conftest", "MockServer"))
        name = op.response_type_name
        types_module = ".".join((".types", *self._types_dir(resource), op.response_module))
        if method.stream_cls:  # the tests check the list of events
            imports.append(("typing", "List"))
            imports.extend([(types_module, name)] if name else [])
        elif method.response_kind is ResponseKind.BINARY:
            imports.extend([("._response", method.returns_sync), ("._response", method.returns_async)])
        elif name:
            imports.append((types_module, name))
            if op.page is not None:
                imports.extend([(".pagination", method.page_sync), (".pagination", method.page_async)])
            imports.extend((NAME_SOURCES[n], n) for n in method.returns_names)
        return imports

    def _wire_example(self, op: Operation) -> object:
        """A whole response body for the mock server, envelope included."""
        if op.response.type is None:
            return None
        item = example_for(op.response.type, self.deref)
        if op.page is not None:
            return _envelope(op.page.items_field, [item], self.api.result_key)
        if op.response.unwrapped:
            return _envelope(self.api.result_key, item, self.api.result_key)
        return item


def _envelope(field_name: str, value: object, result_key: str) -> dict[str, object]:
    body: dict[str, object] = {field_name: value}
    if result_key:
        # The usual envelope siblings; extra keys are harmless to any parser.
        body = {"success": True, "errors": [], "messages": [], **body}
    return body


def _query_text(value: object) -> str:
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)


def build_views(api: Api) -> SdkView:
    builder = ViewBuilder(api)
    view = SdkView(api=api)
    view.resources = [builder.resource(top) for top in api.resources]
    error_file = builder.error_file()
    view.type_files = builder.type_files + ([error_file] if error_file else [])
    return view
