"""The intermediate representation: a plain, frozen value describing the SDK to generate.

Everything OpenAPI-specific (refs, allOf, nullable, envelopes, security alternatives) is
settled before a value of these types exists; the renderer reads only these classes.
The module imports nothing from the rest of the generator, so it can never form a cycle.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Union

# --------------------------------------------------------------------------- type algebra

JsonValue = Union[None, bool, int, float, str, list["JsonValue"], dict[str, "JsonValue"]]


@dataclass(frozen=True)
class Primitive:
    """A scalar: kind is one of str, int, float, bool, bytes, null."""

    kind: str
    format: str = ""  # the OpenAPI format (date-time, uuid, binary, ...), kept for docs and later use


@dataclass(frozen=True)
class AnyType:
    """No constraint on the value (a schema without a type, or `{}`)."""


@dataclass(frozen=True)
class EnumType:
    values: tuple[JsonValue, ...]
    base: str  # the Primitive kind the values share ("str", "int", ...), "any" if mixed


@dataclass(frozen=True)
class ArrayType:
    items: TypeRef
    unique: bool = False


@dataclass(frozen=True)
class MapType:
    """A JSON object used as a dictionary (additionalProperties only)."""

    values: TypeRef


@dataclass(frozen=True)
class Property:
    wire_name: str  # the JSON key
    py_name: str  # a valid, collision-free Python identifier
    type: TypeRef
    required: bool
    nullable: bool = False
    description: str = ""
    read_only: bool = False
    write_only: bool = False
    deprecated: bool = False
    example: JsonValue = None
    has_example: bool = False


@dataclass(frozen=True)
class ObjectType:
    """A JSON object with named properties.

    `schema_id` identifies the schema it came from (a JSON pointer for component schemas,
    the pointer of the inline schema otherwise); `name_hint` is the component name when
    there is one, so renderers can reuse a model for repeated references.
    """

    schema_id: str
    properties: tuple[Property, ...]
    additional: TypeRef | None = None  # type of extra keys, if the schema allows typed extras
    description: str = ""
    title: str = ""
    name_hint: str = ""


@dataclass(frozen=True)
class Discriminator:
    """The property whose value tells the variants of a union apart.

    `mapping` pairs each wire value with the index of the variant it selects; the builder
    fills it from the spec's `mapping` or infers it from the component names of the variants.
    """

    property: str
    mapping: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class UnionType:
    variants: tuple[TypeRef, ...]
    discriminator: Discriminator | None = None


@dataclass(frozen=True)
class NullableType:
    inner: TypeRef


@dataclass(frozen=True)
class RefType:
    """A reference to a named schema in `Api.schemas`; how cycles are represented."""

    schema_id: str


TypeRef = Union[Primitive, AnyType, EnumType, ArrayType, MapType, ObjectType, UnionType, NullableType, RefType]


def nested_types(type_: TypeRef) -> tuple[TypeRef, ...]:
    """The types directly inside TYPE: array items, map values, union variants, the type made
    nullable, an object's property types and typed extras (a RefType's target is not inside it)."""
    if isinstance(type_, ArrayType):
        return (type_.items,)
    if isinstance(type_, MapType):
        return (type_.values,)
    if isinstance(type_, NullableType):
        return (type_.inner,)
    if isinstance(type_, UnionType):
        return type_.variants
    if isinstance(type_, ObjectType):
        extra = (type_.additional,) if type_.additional is not None else ()
        return (*(p.type for p in type_.properties), *extra)
    return ()


@dataclass(frozen=True)
class NamedSchema:
    schema_id: str  # "#/components/schemas/Pet"
    name: str  # the component name as written in the spec
    type: TypeRef


# --------------------------------------------------------------------------- operations


class _Word(str, Enum):
    """An enum whose members are their spec spelling: equal to, hashed and printed as that string."""

    def __str__(self) -> str:
        return str(self.value)

    def __hash__(self) -> int:
        return hash(self.value)


class Location(_Word):
    PATH = "path"
    QUERY = "query"
    HEADER = "header"
    COOKIE = "cookie"
    BODY = "body"  # a field of the request body, or the whole body


class Style(_Word):
    """OpenAPI parameter serialization styles (the spec's own spelling as values)."""

    FORM = "form"
    SIMPLE = "simple"
    LABEL = "label"
    MATRIX = "matrix"
    SPACE_DELIMITED = "spaceDelimited"
    PIPE_DELIMITED = "pipeDelimited"
    DEEP_OBJECT = "deepObject"


DEFAULT_STYLE = {
    Location.PATH: Style.SIMPLE,
    Location.QUERY: Style.FORM,
    Location.HEADER: Style.SIMPLE,
    Location.COOKIE: Style.FORM,
    Location.BODY: Style.FORM,
}


@dataclass(frozen=True)
class Parameter:
    wire_name: str
    py_name: str
    location: Location
    type: TypeRef
    required: bool
    description: str = ""
    nullable: bool = False
    deprecated: bool = False
    style: Style = Style.FORM  # resolved: the location's default when the spec names none
    explode: bool = True  # resolved: true for form, false otherwise, unless the spec says
    example: JsonValue = None
    has_example: bool = False
    # How a multipart field is sent: "file" for binary parts (bytes, a file, a path or a tuple)
    part: str = ""
    pointer: str = ""  # JSON pointer of the parameter (or body property) in the spec


class BodyEncoding(_Word):
    JSON = "json"  # application/json, any +json, with or without media-type parameters
    FORM = "form"  # application/x-www-form-urlencoded
    MULTIPART = "multipart"  # multipart/form-data (and other multipart/* types)
    BINARY = "binary"  # raw bytes: application/octet-stream, image/png, ...
    TEXT = "text"  # a str: text/plain, text/xml, application/xml, ...


@dataclass(frozen=True)
class RequestBody:
    content_type: str  # the media type sent as Content-Type, as the spec writes it
    encoding: BodyEncoding
    required: bool
    type: TypeRef | None  # None: the spec declares a body without a schema
    # "fields": an object body whose properties become keyword arguments;
    # "whole": the body is passed as one argument named `body`
    mode: str = "fields"
    description: str = ""


@dataclass(frozen=True)
class PageStyle:
    """A pagination scheme, chosen in the config, that list methods can return."""

    class_suffix: str  # "SinglePage" -> SyncSinglePage / AsyncSinglePage
    kind: str  # single | page_number | cursor
    items_field: str
    page_param: str = ""
    info_field: str = ""
    cursor_param: str = ""
    cursor_path: tuple[str, ...] = ()


class ResponseKind(str, Enum):
    """How a method hands its success body back; every renderer handles each kind."""

    JSON = "json"  # parsed into `type` (a model, a list, a primitive)
    TEXT = "text"  # `type` from a text body (text/plain, XML)
    BINARY = "binary"  # a binary response object (read, iterate, write to a file); `type` is None
    EVENT_STREAM = "event_stream"  # a stream of server-sent events, each `data` parsed into `type`


@dataclass(frozen=True)
class Response:
    status: str  # "200", "2XX", "default"
    content_type: str  # "" when the response has no body
    type: TypeRef | None  # the type the method returns (after unwrapping an envelope)
    unwrapped: bool = False  # True when `type` is the envelope's result field
    nullable: bool = False  # the method may return None (an unwrapped result can be null)
    example: JsonValue = None  # a whole wire body, for mock servers and docs
    description: str = ""
    kind: ResponseKind = ResponseKind.JSON


@dataclass(frozen=True)
class Operation:
    name: str  # Python method name
    http_method: str  # lower case
    path: str  # path template as in the spec
    operation_id: str
    summary: str
    description: str
    deprecated: bool
    parameters: tuple[Parameter, ...]  # path, query, header, cookie, then body fields
    positional: tuple[str, ...]  # py_names of the parameters taken positionally
    body: RequestBody | None
    response: Response
    page: PageStyle | None  # set when the method returns a page
    security: tuple[tuple[str, ...], ...]  # alternatives of scheme names; () = no auth needed
    own_security: bool  # the operation's requirement differs from the document's (an override)
    params_type_name: str  # "PetUpdateParams"; "" when the method has no params type
    response_type_name: str  # "PetUpdateResponse"; "" when it returns nothing typed
    params_module: str  # "pet_update_params"
    response_module: str
    pointer: str  # JSON pointer of the operation in the spec, for diagnostics
    server: str = ""  # the operation's (or its path's) own absolute server URL, "" when none

    def params_properties(self) -> list[Property]:
        """The fields of the method's params TypedDict: every parameter not taken positionally."""
        return [
            Property(
                wire_name=p.wire_name or p.py_name,
                py_name=p.py_name,
                type=p.type,
                required=p.required,
                nullable=p.nullable,
                description=p.description,
                deprecated=p.deprecated,
            )
            for p in self.parameters
            if p.py_name not in self.positional
        ]

    def signature_order(self) -> tuple[list[Parameter], list[Parameter]]:
        """(positional, keyword-only) parameters as the Python method takes them: keyword-only
        path parameters first, then required, then optional ones."""
        positional = [p for p in self.parameters if p.py_name in self.positional]
        keyword = [p for p in self.parameters if p.py_name not in self.positional]
        path = [p for p in keyword if p.location == "path"]
        required = [p for p in keyword if p.location != "path" and p.required]
        optional = [p for p in keyword if p.location != "path" and not p.required]
        return positional, path + required + optional


@dataclass(frozen=True)
class Resource:
    attr_name: str  # attribute on the parent: "pets"
    class_stem: str  # "Pets" -> PetsResource, AsyncPetsResource ...
    path: tuple[str, ...]  # attribute chain from the client: ("store", "pets")
    operations: tuple[Operation, ...]
    children: tuple[Resource, ...]
    description: str = ""


# --------------------------------------------------------------------------- client


@dataclass(frozen=True)
class AuthScheme:
    name: str  # the scheme's name in the spec
    option: str  # the client keyword argument: "api_token"
    env_var: str  # "PETSTORE_API_TOKEN"
    location: str  # header | query | cookie
    param_name: str  # header/query/cookie name: "Authorization", "X-Auth-Key"
    value_prefix: str  # "Bearer " for bearer tokens, "Basic " for basic (value is base64 user:pass)
    kind: str  # bearer | basic | api_key
    description: str = ""
    group: tuple[str, ...] = ()  # options sent together with this one (same security requirement)


@dataclass(frozen=True)
class ClientOption:
    """An extra, non-secret client constructor argument sent as a header on every request."""

    name: str
    header: str
    env_var: str
    default: str
    default_date_format: str  # when set, the default is today's date in this format
    description: str = ""


@dataclass(frozen=True)
class ErrorEnvelope:
    errors_key: str
    model_name: str  # "ErrorData"
    type: TypeRef  # the type of one entry in `errors`


@dataclass(frozen=True)
class PackageInfo:
    dist_name: str  # PyPI name
    import_name: str
    version: str
    title: str  # human name for docs: "Petstore"
    description: str
    client_class: str
    async_client_class: str
    env_prefix: str
    telemetry_prefix: str


@dataclass(frozen=True)
class Api:
    package: PackageInfo
    title: str
    api_version: str
    description: str
    base_url: str
    base_url_env: str
    server_path: str  # a relative server URL ("/api/v3"): the path users append to their host
    auth: tuple[AuthScheme, ...]  # in precedence order
    options: tuple[ClientOption, ...]
    result_key: str  # envelope field unwrapped from responses; "" when none
    error_envelope: ErrorEnvelope | None
    pages: tuple[PageStyle, ...]
    schemas: tuple[NamedSchema, ...]
    resources: tuple[Resource, ...]
    security: tuple[tuple[str, ...], ...] = ()  # the document-level requirement (scheme names)
    test_credentials: tuple[tuple[str, str], ...] = field(default=())  # (option, value) used by generated tests

    def schema(self, schema_id: str) -> NamedSchema:
        for named in self.schemas:
            if named.schema_id == schema_id:
                return named
        raise KeyError(schema_id)

    def all_operations(self) -> list[tuple[Resource, Operation]]:
        found: list[tuple[Resource, Operation]] = []

        def walk(resource: Resource) -> None:
            for operation in resource.operations:
                found.append((resource, operation))
            for child in resource.children:
                walk(child)

        for top in self.resources:
            walk(top)
        return found
