import pytest

from generator.ir.naming import is_identifier, pascal_case, singular, snake_case, without_resource_words


@pytest.mark.parametrize(
    "text, expected",
    [
        ("petId", "pet_id"),
        ("resource_group_id", "resource_group_id"),
        ("HTTPServer", "http_server"),
        ("X-Auth-Key", "x_auth_key"),
        ("class", "class_"),
        ("from", "from_"),
        ("match", "match_"),
        ("2fa", "n_2fa"),
        ("créé le", "cree_le"),
        ("日本", "value"),
        ("account-resource-group-update", "account_resource_group_update"),
        ("", "value"),
    ],
)
def test_snake_case(text: str, expected: str) -> None:
    assert snake_case(text) == expected
    assert is_identifier(snake_case(text))


@pytest.mark.parametrize(
    "text, expected",
    [("resource_groups", "ResourceGroups"), ("IAM", "IAM"), ("iam", "Iam"), ("scope", "Scope"), ("3d", "N3d"), ("None", "None_")],
)
def test_pascal_case(text: str, expected: str) -> None:
    assert pascal_case(text) == expected


@pytest.mark.parametrize(
    "word, expected",
    [
        ("resource_groups", "resource_group"),
        ("objects", "object"),
        ("policies", "policy"),
        ("addresses", "address"),
        ("status", "status"),
        ("boxes", "box"),
        ("data", "data"),
        ("people", "person"),
        ("Scopes", "Scope"),
    ],
)
def test_singular(word: str, expected: str) -> None:
    assert singular(word) == expected


# --------------------------------------------------------------------------- the naming authority

from generator.errors import SdkgenError  # noqa: E402
from generator.ir.naming import (  # noqa: E402
    MAX_NAME_LENGTH,
    NameRequest,
    allocate,
    file_safe,
    module_name,
    stable_hash,
)


def _requests(originals: list[str]) -> list[NameRequest]:
    return [NameRequest(o, o, f"/x/{o}", snake_case(o)) for o in originals]


def test_clashing_names_get_hashes_of_their_own_text_whatever_the_order() -> None:
    originals = ["mkUser", "MkUser", "mk-user"]
    first, warnings = allocate(_requests(originals), what="tag")
    second, _ = allocate(_requests(list(reversed(originals))), what="tag")
    assert first == second
    assert first == {o: f"mk_user_{stable_hash(o + chr(0))}" for o in originals}
    assert len(warnings) == 3 and all(w.severity == "warning" and w.code == "name-collision" for w in warnings)
    # each warning names its own source and the others' pointers
    assert "/x/MkUser" in warnings[0].message and "/x/mk-user" in warnings[0].message and warnings[0].pointer == "/x/mkUser"


def test_the_exact_spelling_keeps_the_plain_name() -> None:
    names, warnings = allocate(_requests(["mk_user", "mkUser"]))
    assert names["mk_user"] == "mk_user" and names["mkUser"].startswith("mk_user_") and len(warnings) == 1


def test_rank_decides_before_spelling() -> None:
    requests = [NameRequest("body", "Id", "/b", "id", rank=3), NameRequest("path", "id", "/p", "id", rank=0)]
    names, _ = allocate(requests)
    assert names["path"] == "id" and names["body"] != "id"


def test_reserved_names_take_a_trailing_underscore() -> None:
    names, warnings = allocate(_requests(["get", "with_options"]), reserved={"get", "with_options"})
    assert names == {"get": "get_", "with_options": "with_options_"} and not warnings


def test_case_insensitive_namespaces_for_files() -> None:
    requests = [NameRequest("a", "Pets", "/a", "Pets"), NameRequest("b", "pets", "/b", "pets")]
    names, warnings = allocate(requests, fold_case=True)  # both exact spellings: neither is preferred
    assert {n.lower() for n in names.values()} == {f"pets_{stable_hash('Pets' + chr(0))}", f"pets_{stable_hash('pets' + chr(0))}"}
    assert len(warnings) == 2


def test_a_clash_that_survives_is_an_error_naming_both() -> None:
    hashed = f"same_{stable_hash('x' + chr(0))}"  # what "x" is renamed to when it clashes with "z"
    requests = [NameRequest("a", "x", "/a", "same"), NameRequest("c", "z", "/c", "same"), NameRequest("b", "y", "/b", hashed)]
    with pytest.raises(SdkgenError) as caught:
        allocate(requests)
    problem = caught.value.problems[0]
    assert problem.severity == "error" and "'x'" in problem.message and "'y'" in problem.message and "/a" in problem.message


@pytest.mark.parametrize("name", ["con", "CON", "nul", "aux", "prn", "com1", "LPT9", "con.txt", "conin$"])
def test_windows_device_names_are_never_file_names(name: str) -> None:
    assert file_safe(name) == f"{name}_"
    assert module_name(name).split(".")[0].lower() not in {"con", "nul", "aux", "prn", "com1", "lpt9"}


def test_long_names_are_capped_with_a_hash_of_the_whole_name() -> None:
    long_a, long_b = "x" * 300 + "a", "x" * 300 + "b"
    assert len(snake_case(long_a)) == MAX_NAME_LENGTH and snake_case(long_a) != snake_case(long_b)
    assert snake_case(long_a).endswith(stable_hash(long_a)) and len(pascal_case(long_a)) <= MAX_NAME_LENGTH


def test_a_losing_parameter_takes_its_location_as_prefix_when_free() -> None:
    """`body_name` beside a path parameter `name`, not a hash; a hash only when the prefixed
    name is taken or wanted twice (the outcome never depends on the requests' order)."""
    path = NameRequest("path", "name", "/p", "name", rank=0, prefix="path")
    body = NameRequest("body", "name", "/b", "name", rank=3, prefix="body")
    names, warnings = allocate([body, path])
    assert names == {"body": "body_name", "path": "name"}
    assert "named 'body_name' instead" in warnings[0].message and warnings[0].pointer == "/b"
    taken = NameRequest("other", "body_name", "/o", "body_name", rank=1, prefix="query")
    for order in ([body, path, taken], [taken, path, body]):
        names, _ = allocate(order)
        assert names["other"] == "body_name" and names["body"] == f"name_{stable_hash('name' + chr(0))}"
    twins = [NameRequest(k, k, f"/{k}", "a_b", rank=1, prefix="query") for k in ("a-b", "a.b")]
    names, _ = allocate(twins)
    assert sorted(names.values()) == sorted(f"a_b_{stable_hash(k + chr(0))}" for k in ("a-b", "a.b"))


@pytest.mark.parametrize(("spelling", "name"), [("+1", "plus_1"), ("-1", "minus_1"), ("-created", "minus_created"),
                                                ("a-b", "a_b"), ("-", "value")])
def test_a_leading_sign_is_spelled_out(spelling: str, name: str) -> None:
    assert snake_case(spelling) == name


def test_method_names_drop_their_resource_words_unless_that_collides() -> None:
    names = {1: "actions_create_runner", 2: "actions_list", 3: "list", 4: "actions_2fa", 5: "actions", 6: "actions_import"}
    assert without_resource_words(names, "actions") == {
        1: "create_runner", 2: "actions_list", 3: "list", 4: "actions_2fa", 5: "actions", 6: "import_",
    }
    assert without_resource_words({1: "pet_list", 2: "pets_get", 3: "petstore_get"}, "pets") == {
        1: "list", 2: "get", 3: "petstore_get",
    }
    # two long names whose short forms are equal keep their words (the outcome is order-free)
    assert without_resource_words({1: "web_apps_list", 2: "web_app_list"}, "web_apps") == {1: "web_apps_list", 2: "web_app_list"}
