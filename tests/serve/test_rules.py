"""The pure rules of `serve`: trainee names to file names, and the class code."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.serve.code import (
    CODE_ALPHABET,
    BadCode,
    WrongCodes,
    check_code,
    code_matches,
    generate_code,
    normalize,
    same_token,
    token_for,
)
from tui.serve.names import MAX_SLUG_BYTES, BadName, check_name, is_slug


@pytest.mark.parametrize(
    ("typed", "slug"),
    [
        ("Amina Juma", "amina-juma"),
        ("  amina   JUMA ", "amina-juma"),
        ("amina-juma", "amina-juma"),
        ("O'Neil_2", "o-neil-2"),
        ("Jos\u00e9", "jos\u00e9"),
        ("Jose\u0301", "jos\u00e9"),  # the same name typed decomposed: the same file
        ("Ζωή", "ζωή"),
        ("...Baraka...", "baraka"),
    ],
)
def test_names_map_to_file_names(typed: str, slug: str) -> None:
    trainee = check_name(typed)
    assert trainee.slug == slug
    assert trainee.file_name == slug + ".json"


@pytest.mark.parametrize(
    ("typed", "key", "shown"),
    [
        ("", "serve.name_empty", None),
        ("   ", "serve.name_empty", None),
        ("../../etc/passwd", "serve.name_bad_character", "/"),
        ("a\\b", "serve.name_bad_character", "\\"),
        ("a\x00b", "serve.name_bad_character", "U+0000"),
        ("tab\x1b[31m", "serve.name_bad_character", "U+001B"),
        ("amina;rm", "serve.name_bad_character", ";"),
        ("<b>", "serve.name_bad_character", "<"),
        ("x" * 41, "serve.name_too_long", None),
        ("\ufb2d" * 40, "serve.name_too_long", None),  # 6 bytes each once normalized
        ("- _ .", "serve.name_no_letters", None),
        ("\u0301\u0301", "serve.name_no_letters", None),
    ],
)
def test_bad_names_say_what_is_wrong(typed: str, key: str, shown: str | None) -> None:
    with pytest.raises(BadName) as caught:
        check_name(typed)
    assert caught.value.key == key
    if shown is not None:
        assert caught.value.params["character"] == shown


@given(st.text(max_size=60))
def test_any_accepted_name_is_a_safe_file_name(typed: str) -> None:
    try:
        trainee = check_name(typed)
    except BadName:
        return
    slug = trainee.slug
    assert slug and slug == slug.strip("-")
    assert not set(slug) & set("/\\.\x00 ")
    assert all(char == "-" or unicodedata.category(char)[0] in "LNM" for char in slug)
    assert len(slug.encode()) <= MAX_SLUG_BYTES
    assert "--" not in slug
    assert is_slug(slug)  # a slug is its own name: the server checks it again as such
    assert check_name(slug).slug == slug


@given(st.text(alphabet=st.characters(codec="ascii"), max_size=50))
def test_names_from_ascii_are_letters_digits_and_hyphens(typed: str) -> None:
    try:
        slug = check_name(typed).slug
    except BadName:
        return
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug)


def test_is_slug_refuses_what_a_name_would_not_become() -> None:
    assert is_slug("amina-juma")
    for text in ("Amina", "amina juma", "../x", "", "-amina", "amina--juma", "a/b"):
        assert not is_slug(text), text


def test_codes_ignore_case_spaces_and_hyphens() -> None:
    assert normalize(" k7qm-3xpr ") == "K7QM3XPR"
    assert token_for("k7qm 3xpr") == token_for("K7QM-3XPR")
    assert code_matches("k7qm 3xpr", "K7QM-3XPR")
    assert not code_matches("K7QM-3XPQ", "K7QM-3XPR")
    assert not code_matches("", "K7QM-3XPR")
    assert same_token(token_for("abcd"), token_for("ABCD"))
    assert not same_token(None, token_for("abcd"))


@pytest.mark.parametrize("code", ["abc", "", "x" * 65, "no way!", "ñame1234"])
def test_bad_codes_are_refused(code: str) -> None:
    with pytest.raises(BadCode):
        check_code(code)


def test_generated_codes_are_readable_and_accepted() -> None:
    codes = {generate_code() for _ in range(50)}
    assert len(codes) == 50
    for code in codes:
        assert re.fullmatch(rf"[{CODE_ALPHABET}]{{4}}-[{CODE_ALPHABET}]{{4}}", code)
        assert check_code(code) == code.replace("-", "")


def test_wrong_codes_are_limited_per_address_for_a_minute() -> None:
    wrong = WrongCodes(limit=3, window=60)
    for second in range(3):
        assert not wrong.refused("10.0.0.5", float(second))
        wrong.record("10.0.0.5", float(second))
    assert wrong.refused("10.0.0.5", 10.0)
    assert not wrong.refused("10.0.0.6", 10.0)
    assert wrong.refused("10.0.0.5", 59.9)
    assert not wrong.refused("10.0.0.5", 60.0)  # the first one is a minute old
    assert not wrong.refused("10.0.0.5", 200.0)
    assert wrong._seen == {}  # forgotten once old: the table does not grow for ever
