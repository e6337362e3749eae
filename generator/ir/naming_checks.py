"""Naming passes over IR values: the IR builder's calls into the naming rules of naming.py.

Each function takes values the builder made, gives every name in one namespace a distinct,
order-independent spelling (or refuses with exit 2 when the clash comes from the config, which
the user controls), and returns the values with final names.
"""

from __future__ import annotations

from dataclasses import replace

from ..config import Config, ResourceConfig
from ..errors import SdkgenError, SpecProblem
from .model import AuthScheme, Operation, Parameter, Resource
from .naming import (
    RESERVED_IN_RESOURCES,
    RESERVED_ON_CLIENT,
    WINDOWS_DEVICE_NAMES,
    NameRequest,
    allocate,
    require_distinct,
)

# A path parameter keeps its name before a query one, before a header, before a body field.
_LOCATION_RANK = {"path": 0, "query": 1, "header": 2, "cookie": 2, "body": 3}


def name_parameters(
    params: list[Parameter], sources: list[str], reserved: frozenset[str], file: str, warnings: list[SpecProblem]
) -> list[Parameter]:
    """Distinct argument names for one method's parameters (`sources`: their pointers)."""

    def candidate(param: Parameter) -> str:
        # `<x>_params` is how the method's module refers to its params module.
        return f"{param.py_name}_" if param.py_name.endswith("_params") else param.py_name

    names, renamed = allocate(
        (
            NameRequest(
                index,
                param.wire_name or "body",
                source,
                candidate(param),
                rank=_LOCATION_RANK.get(param.location, 3),
                qualifier=param.location,
                prefix=str(param.location),
            )
            for index, (param, source) in enumerate(zip(params, sources))
        ),
        reserved=reserved,
        what="parameter",
        file=file,
    )
    warnings.extend(renamed)
    return [replace(param, py_name=names[index]) for index, param in enumerate(params)]


def name_type_modules(resources: tuple[Resource, ...], file: str, warnings: list[SpecProblem]) -> tuple[Resource, ...]:
    """Distinct params/response modules (and classes) per `types/` directory, case-insensitively.

    Operations of sibling resources share a directory (`pets.list` and `pet.list` both want
    `pet_list_params.py`); a clash is settled by a hash of the operation's full path.
    """
    by_dir: dict[tuple[str, ...], list[NameRequest]] = {}
    subdirs: dict[tuple[str, ...], set[str]] = {(): {"shared"}}

    def collect(resource: Resource) -> None:
        directory = resource.path[:-1]
        if resource.children:
            subdirs.setdefault(directory, set()).add(resource.attr_name)
        for op in resource.operations:
            origin = ".".join((*resource.path, op.name))
            for kind, module in (("params", op.params_module), ("response", op.response_module)):
                if module:
                    key = (resource.path, op.name, kind)
                    by_dir.setdefault(directory, []).append(NameRequest(key, f"{origin} {kind}", op.pointer, module, qualifier=kind))
        for child in resource.children:
            collect(child)

    for top in resources:
        collect(top)
    final: dict[object, str] = {}
    for directory, requests in by_dir.items():
        names, renamed = allocate(
            requests, reserved={"__init__", *subdirs.get(directory, ())}, what="type module", file=file, fold_case=True
        )
        warnings.extend(renamed)
        final.update(names)

    def rename(resource: Resource) -> Resource:
        operations = []
        for op in resource.operations:
            changes: dict[str, str] = {}
            for kind, module, type_name in (
                ("params", op.params_module, op.params_type_name),
                ("response", op.response_module, op.response_type_name),
            ):
                if not module:
                    continue
                new = final[(resource.path, op.name, kind)]
                changes[f"{kind}_module"] = new
                # The class keeps its module's suffix so the two stay recognisably paired.
                changes[f"{kind}_type_name"] = type_name + new[len(module) :].replace("_", "")
            operations.append(replace(op, **changes))
        return replace(resource, operations=tuple(operations), children=tuple(rename(c) for c in resource.children))

    return tuple(rename(top) for top in resources)


def merged_tags_warnings(spellings: dict[str, dict[str, str]], file: str) -> list[SpecProblem]:
    """One warning per resource that several differently written tags were merged into."""
    warnings = []
    for group, written in spellings.items():
        if len(written) > 1:
            names = sorted(written)
            listed = ", ".join(f"{n!r} (at {written[n]})" for n in names)
            warnings.append(
                SpecProblem(
                    message=f"tags {listed} all read {group!r}: their operations form one resource",
                    file=file,
                    pointer=written[names[0]],
                    hint="use one spelling per tag, or name the resources in sdkgen.yaml",
                    code="tag-merged",
                    severity="warning",
                )
            )
    return warnings


def _config_problem(message: str, pointer: str, file: str, hint: str) -> SpecProblem:
    return SpecProblem(message=message, file=file, pointer=pointer, hint=hint, code="config-name")


def check_configured_names(rc: ResourceConfig, file: str) -> None:
    """Names written in sdkgen.yaml are used as given; one the SDK cannot use is an error."""
    problems = []
    pointer = f"/resources/{rc.name}"
    for method in rc.methods:
        if method.name in RESERVED_IN_RESOURCES:
            problems.append(
                _config_problem(
                    f"method name {method.name!r} is already a member or import of every resource class",
                    method.pointer,
                    file,
                    f"rename the method in {file or 'sdkgen.yaml'} (e.g. {method.name}_)",
                )
            )
    for child in rc.resources:
        if child.name.lower() in WINDOWS_DEVICE_NAMES or child.name in RESERVED_IN_RESOURCES:
            problems.append(
                _config_problem(
                    f"resource name {child.name!r} cannot be used (a reserved member or a Windows device file name)",
                    f"{pointer}/resources/{child.name}",
                    file,
                    f"rename the resource in {file or 'sdkgen.yaml'} (e.g. {child.name}_)",
                )
            )
    if problems:
        raise SdkgenError(problems)
    require_distinct(
        [(m.name, "a method", m.pointer) for m in rc.methods]
        + [(c.name, "a child resource", f"{pointer}/resources/{c.name}") for c in rc.resources],
        what="name",
        file=file,
        hint="methods and child resources of one resource share a namespace (and file names ignore case "
        "on macOS and Windows): rename one in sdkgen.yaml",
    )


def check_client_namespace(resources: tuple[Resource, ...], auth: tuple[AuthScheme, ...], config: Config, file: str) -> None:
    """Top-level resources, credential options and client options are all members of the client."""
    problems = []
    config_file = config.path or "sdkgen.yaml"
    for resource in resources:
        if config.resources and (resource.attr_name in RESERVED_ON_CLIENT or resource.attr_name.lower() in WINDOWS_DEVICE_NAMES):
            problems.append(
                _config_problem(
                    f"resource name {resource.attr_name!r} cannot be used (a member of the client or a Windows device name)",
                    f"/resources/{resource.attr_name}",
                    config.path,
                    f"rename it in {config_file} (e.g. {resource.attr_name}_)",
                )
            )
    if config.import_name.lower() in WINDOWS_DEVICE_NAMES:
        problems.append(
            _config_problem(
                f"import name {config.import_name!r} is a Windows device name: the package directory could not be checked out",
                "/package/import_name",
                config.path,
                f"choose another import name in {config_file} (e.g. {config.import_name}_)",
            )
        )
    for scheme, credential in config.credentials:
        if credential.option in RESERVED_ON_CLIENT:
            problems.append(
                _config_problem(
                    f"credential option {credential.option!r} is already a member or argument of the client",
                    f"/client/auth/credentials/{scheme}/option",
                    config.path,
                    f"choose another option name in {config_file}",
                )
            )
    for option in config.options:
        if option.name in RESERVED_ON_CLIENT:
            problems.append(
                _config_problem(
                    f"client option {option.name!r} is already a member or argument of the client",
                    "/client/options",
                    config.path,
                    f"choose another option name in {config_file}",
                )
            )
    if problems:
        raise SdkgenError(problems)
    where = "config resource" if config.resources else "spec tag"
    require_distinct(
        [(r.attr_name, f"{where} {r.attr_name!r}", f"/resources/{r.attr_name}" if config.resources else "") for r in resources]
        + [(s.option, f"security scheme {s.name!r}", f"/components/securitySchemes/{s.name}") for s in auth]
        + [(o.name, "a client option (in the config)", "/client/options") for o in config.options],
        what="client attribute",
        file=config.path if config.resources or config.options else file,
        hint=f"resources, credential options and client options share the client's namespace: set "
        f"client.auth.credentials.<scheme>.option or rename the resource in {config_file}",
    )
