"""Stage "load": documents, source lines, refs, and every way an input file can be wrong."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from generator import loader
from generator.errors import SdkgenError, SpecProblem
from generator.loader import Document, join_pointer, load_document, split_pointer

SPECS = Path(__file__).parent / "fixtures" / "specs"
CORPUS = Path(__file__).parents[1].parent / "shared" / "corpus"


def load_error(path: Path | str) -> SpecProblem:
    """The single problem load_document reports for `path`."""
    with pytest.raises(SdkgenError) as info:
        load_document(path)
    assert len(info.value.problems) == 1
    return info.value.problems[0]


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


MINIMAL = 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths: {}\n'


# --------------------------------------------------------------------------- pointers


def test_pointer_round_trip() -> None:
    tokens = ("paths", "/pets/{id}", "get", "a~b", "0")
    assert join_pointer(tokens) == "/paths/~1pets~1{id}/get/a~0b/0"
    assert split_pointer("/paths/~1pets~1{id}/get/a~0b/0") == tokens
    assert split_pointer("") == ()
    assert split_pointer("/~01") == ("~1",)  # ~0 is decoded after ~1, never into "/"
    with pytest.raises(ValueError):
        split_pointer("paths")


# --------------------------------------------------------------------------- YAML


def test_yaml_document_content() -> None:
    doc = load_document(SPECS / "valid.yaml")
    assert doc.path == (SPECS / "valid.yaml").resolve()
    assert doc.path.is_absolute()
    assert doc.source_text() == (SPECS / "valid.yaml").read_text()
    assert doc.data["openapi"] == "3.0.3"
    get = doc.data["paths"]["/pets"]["get"]
    # Unquoted `200:` is a string key, as in JSON; $refs stay in place.
    assert list(get["responses"]) == ["200"]
    assert get["responses"]["200"]["content"]["application/json"]["schema"]["items"] == {
        "$ref": "#/components/schemas/Pet"
    }
    # A YAML timestamp stays the text it was.
    assert doc.data["components"]["schemas"]["Pet"]["properties"]["born"]["example"] == "2020-01-31"


def test_yaml_line_of() -> None:
    doc = load_document(SPECS / "valid.yaml")
    assert doc.line_of("") == 1
    assert doc.line_of("/paths/~1pets/get/operationId") == 8
    assert doc.line_of("/paths/~1pets/get/parameters/0") == 10
    assert doc.line_of("/paths/~1pets/get/parameters/0/in") == 11
    assert doc.line_of("/paths/~1pets/get/responses/200") == 15
    assert doc.line_of('/paths/~1pets~1{petId}/get/responses/200') == 33
    assert doc.line_of("/components/schemas/Pet/properties/born/example") == 49
    assert doc.line_of("/components/schemas/a~1b~0c") == 50
    # Missing nodes: the line of the deepest ancestor that exists.
    assert doc.line_of("/components/schemas/Pet/properties/nope/type") == 44
    assert doc.line_of("/paths/~1pets/get/parameters/7") == 9
    assert doc.line_of("not a pointer") is None


def test_yaml_merge_keys_and_aliases(tmp_path: Path) -> None:
    doc_text = (
        "openapi: 3.0.3\n"
        "info: {title: t, version: '1'}\n"
        "paths: {}\n"
        "x-base: &base\n"
        "  type: object\n"
        "  description: shared\n"
        "components:\n"
        "  schemas:\n"
        "    A:\n"
        "      <<: *base\n"
        "      title: A\n"
        "    B: *base\n"
    )
    doc = load_document(write(tmp_path / "merge.yaml", doc_text))
    assert doc.data["components"]["schemas"]["A"] == {
        "type": "object", "description": "shared", "title": "A"}
    assert doc.data["components"]["schemas"]["B"] is doc.data["x-base"]
    assert doc.line_of("/components/schemas/A/title") == 11
    assert doc.line_of("/components/schemas/A/type") == 5  # found through the merge key


# --------------------------------------------------------------------------- JSON


def test_json_document_and_lines() -> None:
    doc = load_document(SPECS / "valid.json")
    assert doc.data["openapi"] == "3.1.0"
    assert doc.line_of("") == 1
    assert doc.line_of("/info/title") == 4
    assert doc.line_of("/paths/~1pets/get/responses/200") == 12
    assert doc.line_of("/paths/~1pets~1{petId}/delete/parameters/0") == 57
    assert doc.line_of("/paths/~1pets~1{petId}/delete/parameters/0/$ref") == 58
    assert doc.line_of("/components/schemas/Pet/properties/name/type/1") == 80
    assert doc.line_of("/components/schemas/Pet/properties/missing") == 73


def test_json_scanner_handles_escapes_and_arrays(tmp_path: Path) -> None:
    text = (
        '{"openapi": "3.0.3",\n'
        ' "x-keys": {"a\\"b": 1,\n'
        '   "c/d~e": [10,\n'
        '     {"\\u00e9t\\u00e9": true},\n'
        '     [1, [2,\n'
        '       3]]],\n'
        '   "dupe": 1,\n'
        '   "dup": {"z": null}\n'
        ' }\n'
        '}\n'
    )
    doc = load_document(write(tmp_path / "keys.json", text))
    assert doc.data["x-keys"]["dup"] == {"z": None}
    assert doc.line_of('/x-keys/a"b') == 2
    assert doc.line_of("/x-keys/c~1d~0e") == 3
    assert doc.line_of("/x-keys/c~1d~0e/1/été") == 4
    assert doc.line_of("/x-keys/c~1d~0e/2/1/1") == 6
    assert doc.line_of("/x-keys/dup/z") == 8
    assert doc.line_of("/x-keys/c~1d~0e/9") == 3


def test_source_map_is_built_lazily() -> None:
    doc = load_document(SPECS / "valid.json")
    source = doc._main
    assert source is not None
    assert source._offsets == {} and source._lines == {}
    assert doc.line_of("/info/title") == 4
    assert source._offsets  # built on demand, then cached
    assert source._lines[("info", "title")] == 4


def test_document_built_by_hand_finds_lines() -> None:
    text = '{\n  "openapi": "3.0.3",\n  "paths": {}\n}\n'
    doc = Document(data=json.loads(text), path=Path("/x/spec.json"), text=text)
    assert doc.line_of("/paths") == 3
    assert Document(data={}, path=Path("/x"), text="").line_of("/paths") is None
    assert list(doc.iter_refs()) == []


# --------------------------------------------------------------------------- format choice


def test_format_by_extension_then_content(tmp_path: Path) -> None:
    as_json = json.dumps({"openapi": "3.0.3", "paths": {}}, indent=1)
    assert load_document(write(tmp_path / "spec.txt", as_json)).data["openapi"] == "3.0.3"
    assert load_document(write(tmp_path / "spec.yaml", as_json))._main.kind == "json"  # type: ignore[union-attr]
    doc = load_document(write(tmp_path / "spec", MINIMAL))
    assert doc._main is not None and doc._main.kind == "yaml"
    # JSON-looking YAML (a comment is not JSON): the YAML parser gets the last word.
    flow = '{openapi: 3.0.3, paths: {}}  # flow-style YAML\n'
    assert load_document(write(tmp_path / "flow.yml", flow)).data == {"openapi": "3.0.3", "paths": {}}
    # A .json file is parsed as JSON only, so its errors are JSON errors.
    problem = load_error(write(tmp_path / "spec.json", MINIMAL))
    assert problem.code == "json-invalid"
    assert problem.line == 1


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    doc = load_document(write(tmp_path / "bom.json", b'\xef\xbb\xbf{"openapi": "3.0.3"}'))
    assert doc.data == {"openapi": "3.0.3"}


# --------------------------------------------------------------------------- resolve / refs


def test_resolve_local_refs() -> None:
    doc = load_document(SPECS / "valid.json")
    assert doc.resolve("#/components/schemas/Tag") == {"type": "string"}
    assert doc.resolve("#/paths/~1pets~1%7BpetId%7D/parameters/0")["name"] == "petId"
    assert doc.resolve("#") is doc.data
    # A pointer through a $ref follows it; the end node is returned as written.
    assert doc.resolve("#/paths/~1pets/get/responses/200/content/application~1json/schema/items"
                       "/properties/id") == {"type": "integer"}
    assert doc.resolve("#/paths/~1pets~1{petId}/delete/parameters/0") == {
        "$ref": "#/paths/~1pets~1%7BpetId%7D/parameters/0"}
    yaml_doc = load_document(SPECS / "valid.yaml")
    assert yaml_doc.resolve("#/components/schemas/a~1b~0c") == {"type": "string"}


def test_resolve_missing_target() -> None:
    doc = load_document(SPECS / "valid.json")
    with pytest.raises(SdkgenError) as info:
        doc.resolve("#/components/schemas/Pett")
    [problem] = info.value.problems
    assert problem.message == "unresolved $ref '#/components/schemas/Pett'"
    assert problem.hint == "there is no 'Pett' in /components/schemas (did you mean 'Pet'?)"
    assert problem.code == "ref-not-found"
    assert problem.file == str(doc.path)
    with pytest.raises(SdkgenError, match="no 'x' in /components/schemas/Pet/properties/id"):
        doc.resolve("#/components/schemas/Pet/properties/id/x")
    with pytest.raises(SdkgenError, match=r"only local refs \('#/...'\) remain"):
        doc.resolve("other.yaml#/Pet")


def test_resolve_circular_ref_chain(tmp_path: Path) -> None:
    text = MINIMAL + "x-a: {$ref: '#/x-b'}\nx-b: {$ref: '#/x-a'}\n"
    doc = load_document(write(tmp_path / "loop.yaml", text))
    with pytest.raises(SdkgenError, match="circular \\$ref: resolving '#/x-a/deeper' never ends"):
        doc.resolve("#/x-a/deeper")


def test_iter_refs_lists_every_ref_site() -> None:
    doc = load_document(SPECS / "valid.json")
    assert list(doc.iter_refs()) == [
        ("/paths/~1pets/get/responses/200/content/application~1json/schema/items",
         "#/components/schemas/Pet"),
        ("/paths/~1pets~1{petId}/get/responses/200/content/application~1json/schema",
         "#/components/schemas/Pet"),
        ("/paths/~1pets~1{petId}/delete/parameters/0", "#/paths/~1pets~1%7BpetId%7D/parameters/0"),
        ("/components/schemas/Pet/properties/tags/items", "#/components/schemas/Tag"),
    ]


# --------------------------------------------------------------------------- external refs


def test_multi_file_refs_are_inlined() -> None:
    doc = load_document(SPECS / "multi" / "main.yaml")
    schemas = doc.data["components"]["schemas"]
    pet = {
        "type": "object",
        "description": "A pet",
        "properties": {
            "id": {"type": "integer"},
            "tag": {"type": "string", "enum": ["cat", "dog"]},  # '#/Tag' of pet.yaml, inlined
            "owner": {"type": "object", "properties": {"name": {"type": "string"}}},
        },
    }
    assert schemas["Pet"] == pet
    # Recursion across the file boundary: a local ref to where the copy lives.
    assert schemas["Tree"]["properties"]["children"]["items"] == {"$ref": "#/components/schemas/Tree"}
    get = doc.data["paths"]["/pets"]["get"]
    assert get["responses"]["200"]["content"]["application/json"]["schema"]["items"] == pet
    # A ref back into the main document stays a local ref.
    assert get["responses"]["default"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Error"}
    assert doc.data["components"]["responses"]["Common"] == {"description": "Not found"}
    assert list(doc.iter_refs()) == [
        ("/paths/~1pets/get/responses/default/content/application~1json/schema",
         "#/components/schemas/Error"),
        ("/components/schemas/Tree/properties/children/items", "#/components/schemas/Tree"),
    ]
    for pointer, ref in doc.iter_refs():
        doc.resolve(ref)  # every remaining ref resolves


def test_multi_file_locations() -> None:
    doc = load_document(SPECS / "multi" / "main.yaml")
    multi = (SPECS / "multi").resolve()
    assert doc.locate("/components/schemas/Pet/properties/id") == (multi / "schemas" / "pet.yaml", 5)
    assert doc.locate("/components/schemas/Tree/properties/children/items") == (
        multi / "schemas" / "tree.yaml", 8)
    assert doc.locate("/paths/~1pets/get/operationId") == (multi / "paths" / "pets.yaml", 2)
    assert doc.locate("/components/schemas/Pet/properties/owner/properties/name") == (
        multi / "common.json", 3)
    assert doc.locate("/info/title") == (multi / "main.yaml", 3)
    # In the main file, inlined content sits at the line of its $ref'd key.
    assert doc.line_of("/components/schemas/Pet/properties/id") == 10


def test_ref_siblings_are_laid_over_the_target(tmp_path: Path) -> None:
    write(tmp_path / "pet.yaml", "Pet:\n  type: object\n  description: from the file\n")
    main = write(tmp_path / "main.yaml", MINIMAL + (
        "components:\n  schemas:\n    Pet:\n      $ref: pet.yaml#/Pet\n"
        "      description: overridden\n"))
    doc = load_document(main)
    assert doc.data["components"]["schemas"]["Pet"] == {"type": "object",
                                                        "description": "overridden"}


def test_external_file_refs_through_nested_dirs_and_absolute_paths(tmp_path: Path) -> None:
    shared = write(tmp_path / "elsewhere" / "common.yaml", "Id:\n  type: string\n  format: uuid\n")
    main = write(tmp_path / "spec" / "main.yaml", MINIMAL + (
        "components:\n  schemas:\n"
        "    A:\n      $ref: '../elsewhere/common.yaml#/Id'\n"
        f"    B:\n      $ref: '{shared}#/Id'\n"))
    schemas = load_document(main).data["components"]["schemas"]
    assert schemas["A"] == schemas["B"] == {"type": "string", "format": "uuid"}


def test_remote_ref_is_rejected() -> None:
    problem = load_error(SPECS / "remote_ref.yaml")
    assert problem.code == "ref-remote"
    assert problem.message == ("remote $ref 'https://example.com/schemas/pet.yaml#/Pet' is not "
                               "supported: sdkgen never fetches references")
    assert problem.hint == "download the file next to the spec and use a relative path"
    assert problem.file == str((SPECS / "remote_ref.yaml").resolve())
    assert problem.pointer == "/components/schemas/Pet"
    assert problem.line == 6


def test_other_uri_schemes_are_rejected(tmp_path: Path) -> None:
    main = write(tmp_path / "main.yaml", MINIMAL + "x-a:\n  $ref: 'file:///etc/hosts'\n")
    problem = load_error(main)
    assert problem.code == "ref-unsupported"
    assert problem.message == ("'file:' $ref 'file:///etc/hosts' is not supported: sdkgen never "
                               "fetches references")
    assert problem.line == 4


def test_missing_referenced_file() -> None:
    problem = load_error(SPECS / "missing_file_ref.yaml")
    missing = (SPECS / "nope.yaml").resolve()
    assert problem.message == f"file not found: {missing} (referenced by $ref './nope.yaml#/Pet')"
    assert problem.hint == "check the path (a $ref path is relative to the file that contains it)"
    assert problem.code == "file-not-found"
    assert problem.file == str((SPECS / "missing_file_ref.yaml").resolve())
    assert (problem.pointer, problem.line) == ("/components/schemas/Pet", 6)


def test_missing_fragment_in_referenced_file(tmp_path: Path) -> None:
    other = write(tmp_path / "other.yaml", "Pet:\n  type: object\n")
    main = write(tmp_path / "main.yaml", MINIMAL + "x-a:\n  $ref: 'other.yaml#/Pets'\n")
    problem = load_error(main)
    assert problem.code == "ref-not-found"
    assert problem.message == "unresolved $ref 'other.yaml#/Pets'"
    assert problem.hint == f"there is no 'Pets' in the document root (did you mean 'Pet'?) of {other}"
    assert (problem.file, problem.pointer, problem.line) == (str(main), "/x-a", 4)


def test_error_in_referenced_file_names_that_file(tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.yaml", "Pet:\n  type: [object\n")
    main = write(tmp_path / "main.yaml", MINIMAL + "x-a:\n  $ref: 'bad.yaml#/Pet'\n")
    problem = load_error(main)
    assert problem.code == "yaml-invalid"
    assert problem.file == str(bad)
    assert problem.line == 3


def test_cycle_across_files_names_both_files() -> None:
    problem = load_error(SPECS / "cycle" / "a.yaml")
    b = (SPECS / "cycle" / "b.yaml").resolve()
    c = (SPECS / "cycle" / "c.yaml").resolve()
    assert problem.code == "ref-cycle"
    assert problem.message == f"circular $ref: {b} includes {c}, which includes {b} again"
    assert (problem.file, problem.pointer, problem.line) == (str(c), "/get", 1)


def test_file_including_the_main_document_is_a_cycle(tmp_path: Path) -> None:
    write(tmp_path / "paths.yaml", "$ref: main.yaml\n")
    main = write(tmp_path / "main.yaml", 'openapi: 3.0.3\npaths:\n  $ref: paths.yaml\n')
    problem = load_error(main)
    assert problem.code == "ref-cycle"
    assert problem.message == f"circular $ref: {tmp_path / 'paths.yaml'} includes the main document {main}"


def test_recursive_ref_chain_inside_a_file_is_kept_as_a_ref(tmp_path: Path) -> None:
    write(tmp_path / "s.yaml", "A:\n  $ref: '#/B'\nB:\n  items:\n    $ref: '#/A'\n")
    main = write(tmp_path / "main.yaml", MINIMAL + "x-a:\n  $ref: 's.yaml#/A'\n")
    doc = load_document(main)
    assert doc.data["x-a"] == {"items": {"$ref": "#/x-a"}}


def test_pointer_through_a_ref_into_recursive_content(tmp_path: Path) -> None:
    write(tmp_path / "pet.yaml", "Pet:\n  $ref: 'other.yaml#/X'\n")
    write(tmp_path / "other.yaml", "X:\n  type: object\n  properties:\n    id: {type: integer}\n"
                                   "    kids:\n      type: array\n      items:\n        $ref: '#/X'\n")
    main = write(tmp_path / "main.yaml", MINIMAL + (
        "components:\n  schemas:\n"
        "    Id:\n      $ref: 'pet.yaml#/Pet/properties/id'\n"
        "    Kids:\n      $ref: 'pet.yaml#/Pet/properties/kids'\n"))
    doc = load_document(main)
    kids = doc.data["components"]["schemas"]["Kids"]
    assert doc.data["components"]["schemas"]["Id"] == {"type": "integer"}
    # X is copied whole under Kids/items; its own recursion points at that copy.
    assert kids["items"]["properties"]["kids"] == {
        "type": "array", "items": {"$ref": "#/components/schemas/Kids/items"}}
    assert doc.resolve("#/components/schemas/Kids/items")["properties"]["id"] == {"type": "integer"}
    assert doc.locate("/components/schemas/Kids/items/properties/id") == (tmp_path / "other.yaml", 4)


def test_ref_chain_without_content_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "s.yaml", "A:\n  $ref: '#/B'\nB:\n  $ref: '#/A'\n")
    main = write(tmp_path / "main.yaml", MINIMAL + "x-a:\n  $ref: 's.yaml#/A'\n")
    problem = load_error(main)
    assert problem.code == "ref-cycle"
    assert problem.message == "circular $ref: '#/A' leads back to itself without any content"
    assert (problem.file, problem.pointer, problem.line) == (str(tmp_path / "s.yaml"), "/B", 3)


# --------------------------------------------------------------------------- bad input


def test_file_not_found() -> None:
    problem = load_error(SPECS / "does-not-exist.yaml")
    path = (SPECS / "does-not-exist.yaml").resolve()
    assert problem == SpecProblem(message=f"file not found: {path}", file=str(path), pointer="",
                                  line=None, hint="check the path", code="file-not-found")
    assert problem.format() == (f"{path}: error [file-not-found]: file not found: {path}\n"
                                "  hint: check the path")


def test_directory_given(tmp_path: Path) -> None:
    problem = load_error(tmp_path)
    assert problem.code == "file-is-directory"
    assert problem.message == f"is a directory, not a file: {tmp_path}"
    assert problem.hint == "pass the path of the OpenAPI document (a .yaml or .json file)"
    write(tmp_path / "openapi.json", "{}")
    assert load_error(tmp_path).hint == f"pass the document itself, e.g. {tmp_path / 'openapi.json'}"


def test_not_utf8(tmp_path: Path) -> None:
    path = write(tmp_path / "latin1.yaml", "openapi: 3.0.3\ninfo:\n  title: Caf\xe9\n".encode("latin-1"))
    problem = load_error(path)
    assert problem.code == "file-not-utf8"
    assert problem.message == "file is not valid UTF-8 (byte 0xe9 at offset 33)"
    assert problem.line == 3
    assert problem.hint == "save the file as UTF-8"
    utf16 = write(tmp_path / "utf16.json", '{"openapi": "3.0.3"}'.encode("utf-16"))
    assert load_error(utf16).message == "file is UTF-16 encoded, not UTF-8"


def test_unreadable_file(tmp_path: Path) -> None:
    import os
    if os.geteuid() == 0:
        pytest.skip("root reads any file")
    path = write(tmp_path / "secret.yaml", MINIMAL)
    path.chmod(0)
    assert load_error(path).code == "file-unreadable"


def test_invalid_yaml() -> None:
    problem = load_error(SPECS / "invalid_yaml.yaml")
    assert problem.code == "yaml-invalid"
    assert problem.line == 8
    assert problem.message == "invalid YAML: mapping values are not allowed in this context"
    assert problem.hint.startswith("check the indentation")


def test_yaml_with_control_characters(tmp_path: Path) -> None:
    problem = load_error(write(tmp_path / "ctl.yaml", "openapi: 3.0.3\ninfo: a\x07\n"))
    assert problem.code == "yaml-invalid"
    assert problem.message == ("invalid YAML: character U+0007 is not allowed (control characters "
                               "are not allowed)")
    assert problem.line == 2


def test_unsafe_yaml_tag_is_rejected(tmp_path: Path) -> None:
    path = write(tmp_path / "tag.yaml", "openapi: !!python/object/apply:os.system ['true']\n")
    problem = load_error(path)
    assert problem.code == "yaml-invalid"
    assert problem.line == 1
    assert "could not determine a constructor for the tag" in problem.message


def test_invalid_json() -> None:
    problem = load_error(SPECS / "invalid_json.json")
    assert problem.code == "json-invalid"
    assert problem.line == 5
    assert problem.message == "invalid JSON: Expecting property name enclosed in double quotes (column 1)"


@pytest.mark.parametrize(
    ("name", "code", "message", "line"),
    [
        ("top_level_list.yaml", "spec-not-mapping",
         "the document's top level is a list, expected a mapping", 1),
        ("empty.yaml", "spec-empty", "file is empty", None),
        ("not_openapi.yaml", "spec-not-openapi",
         "not an OpenAPI document: no 'openapi' or 'swagger' key at the top level", 1),
    ],
)
def test_not_an_openapi_document(name: str, code: str, message: str, line: int | None) -> None:
    problem = load_error(SPECS / name)
    assert (problem.code, problem.message, problem.line) == (code, message, line)
    assert problem.file == str((SPECS / name).resolve())


def test_file_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 40)
    path = write(tmp_path / "big.yaml", MINIMAL)
    problem = load_error(path)
    assert problem.code == "file-too-large"
    assert problem.message == (f"{path} is too large ({len(MINIMAL):,} bytes; all spec files "
                               "together may be at most 0 MB)")


def test_deeply_nested_json(tmp_path: Path) -> None:
    depth = loader.MAX_DEPTH + 5
    text = '{"openapi": "3.0.3", "x-deep": ' + "[" * depth + "]" * depth + "}"
    problem = load_error(write(tmp_path / "deep.json", text))
    assert problem.code == "spec-too-deep"
    assert problem.message == "document is nested too deeply (more than 200 levels)"
    assert problem.pointer == "/x-deep" + "/0" * (loader.MAX_DEPTH - 1)
    assert problem.line == 1
    # Deeper than Python's own recursion limit: json.loads raises RecursionError.
    text = '{"openapi": "3.0.3", "x-deep": ' + "[" * 100_000 + "]" * 100_000 + "}"
    assert load_error(write(tmp_path / "deeper.json", text)).code == "spec-too-deep"


def test_deeply_nested_yaml(tmp_path: Path) -> None:
    text = "openapi: 3.0.3\nx-deep:\n" + "".join("  " * (i + 1) + "a:\n" for i in range(250))
    problem = load_error(write(tmp_path / "deep.yaml", text))
    assert problem.code == "spec-too-deep"
    assert problem.line == 2 + loader.MAX_DEPTH - 1
    text = "openapi: 3.0.3\nx: " + "[" * 5000 + "]" * 5000 + "\n"
    assert load_error(write(tmp_path / "deeper.yaml", text)).code == "spec-too-deep"


def test_billion_laughs_is_rejected_quickly() -> None:
    started = time.perf_counter()
    problem = load_error(SPECS / "billion_laughs.yaml")
    assert time.perf_counter() - started < 2
    assert problem.code == "yaml-alias-bomb"
    assert problem.message == ("document expands to more than 10,000,000 nodes through 60 YAML "
                               "aliases or shared $ref targets (an alias bomb?)")
    assert (problem.pointer, problem.line) == ("/x-g", 10)


def test_modest_aliases_are_fine(tmp_path: Path) -> None:
    text = MINIMAL + "x-a: &a [1, 2, 3]\nx-b: [*a, *a, *a]\n"
    doc = load_document(write(tmp_path / "ok.yaml", text))
    assert doc.data["x-b"] == [[1, 2, 3]] * 3


def test_recursive_alias_is_rejected() -> None:
    problem = load_error(SPECS / "alias_cycle.yaml")
    assert problem.code == "yaml-alias-cycle"
    assert problem.message == "recursive YAML alias: this node contains itself"
    assert (problem.pointer, problem.line) == ("/x-loop/again", 5)


def test_non_string_mapping_key(tmp_path: Path) -> None:
    problem = load_error(write(tmp_path / "key.yaml", "openapi: 3.0.3\n? [a, b]\n: 1\n"))
    assert problem.code == "yaml-invalid"
    assert problem.message == "invalid YAML: mapping keys must be plain strings"
    assert problem.line == 2


# --------------------------------------------------------------------------- corpus


def test_loads_petstore_from_the_corpus() -> None:
    path = CORPUS / "edge" / "3.0-petstore.json"
    if not path.exists():
        pytest.skip("shared corpus not present")
    doc = load_document(path)
    assert doc.data["info"]["title"] == "Swagger Petstore"
    assert doc.resolve("#/components/schemas/Pet")["required"] == ["name", "photoUrls"]
    line = doc.line_of("/components/schemas/Pet")
    assert line is not None
    assert doc.source_text().splitlines()[line - 1].strip().startswith('"Pet":')


def test_big_document_loads_fast() -> None:
    path = CORPUS / "big" / "api.github.com.json"
    if not path.exists():
        pytest.skip("shared corpus not present")
    started = time.perf_counter()
    json.loads(path.read_text(encoding="utf-8"))
    baseline = time.perf_counter() - started
    started = time.perf_counter()
    doc = load_document(path)
    elapsed = time.perf_counter() - started
    assert elapsed < baseline + 1.0, (elapsed, baseline)
    pointer = "/paths/~1repos~1{owner}~1{repo}/get/responses/200"
    line = doc.line_of(pointer)
    assert line is not None
    assert doc.source_text().splitlines()[line - 1].strip() == '"200": {'


@pytest.mark.parametrize(
    "name, text, line",
    [
        ("dup.json", '{"openapi": "3.0.3",\n "paths": {},\n "paths": {"/x": {}}}\n', 3),
        ("dup.yaml", "openapi: 3.0.3\npaths: {}\npaths: {}\n", 3),
    ],
)
def test_duplicate_keys_are_errors_not_silently_dropped(tmp_path: Path, name: str, text: str, line: int) -> None:
    with pytest.raises(SdkgenError) as caught:
        load_document(write(tmp_path / name, text))
    problem = caught.value.problems[0]
    assert "duplicate key 'paths'" in problem.message and problem.line == line


def test_yaml_merge_keys_may_be_overridden(tmp_path: Path) -> None:
    text = "openapi: 3.0.3\nx-base: &base {a: 1, b: 2}\nx-use: {<<: *base, b: 3}\n"
    assert load_document(write(tmp_path / "merge.yaml", text)).data["x-use"] == {"a": 1, "b": 3}
