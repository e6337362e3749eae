import pytest

from generator.ir.naming import is_identifier, pascal_case, singular, snake_case


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
