"""The parsed copy of a catalog is used only while it matches its TOML files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.i18n import CATALOG_DIR, Language, load_catalog
from tui.i18n.catalog_files import parse_catalog, read_catalog


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "en"
    folder.mkdir()
    (folder / "app.toml").write_text('[status]\nshipped = "Shipped"\n')
    (folder / "web.toml").write_text('[web]\nok = "OK [b]"\n')
    return folder


def cache_of(folder: Path) -> Path:
    return folder.parent / "__pycache__" / "catalog-en.json"


def test_a_first_read_parses_and_keeps_a_copy(folder: Path) -> None:
    entries = read_catalog(folder, cache_of(folder))
    assert entries == {"status.shipped": "Shipped", "web.ok": "OK [b]"}
    assert cache_of(folder).exists()
    assert list(cache_of(folder).parent.glob("*.tmp")) == []


def test_a_current_copy_is_read_instead_of_the_files(folder: Path) -> None:
    read_catalog(folder, cache_of(folder))
    # Unreadable TOML with the same stamp proves the copy was used, not the files.
    source = folder / "app.toml"
    status = source.stat()
    source.write_text('[status]\nshipped = "Shipp'.ljust(status.st_size, "x"))
    os.utime(source, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert read_catalog(folder, cache_of(folder))["status.shipped"] == "Shipped"


def test_an_edited_file_is_parsed_again(folder: Path) -> None:
    read_catalog(folder, cache_of(folder))
    (folder / "app.toml").write_text('[status]\nshipped = "Imesafirishwa"\n')
    assert read_catalog(folder, cache_of(folder))["status.shipped"] == "Imesafirishwa"
    assert read_catalog(folder, cache_of(folder))["status.shipped"] == "Imesafirishwa"


def test_an_added_or_removed_file_is_parsed_again(folder: Path) -> None:
    read_catalog(folder, cache_of(folder))
    (folder / "guide.toml").write_text('[guide]\ntitle = "Guide"\n')
    assert read_catalog(folder, cache_of(folder))["guide.title"] == "Guide"
    (folder / "web.toml").unlink()
    assert "web.ok" not in read_catalog(folder, cache_of(folder))


@pytest.mark.parametrize(
    "copy",
    [
        b"",
        b"{not json",
        b"[]",
        b'{"stamp": [], "entries": {}}',
        b'{"stamp": null, "entries": {"a": 1}}',
    ],
)
def test_a_broken_or_foreign_copy_is_ignored_and_replaced(folder: Path, copy: bytes) -> None:
    cache = cache_of(folder)
    cache.parent.mkdir()
    cache.write_bytes(copy)
    assert read_catalog(folder, cache)["status.shipped"] == "Shipped"
    assert cache.read_bytes() != copy


def test_a_copy_with_a_matching_stamp_but_bad_entries_is_ignored(folder: Path) -> None:
    cache = cache_of(folder)
    read_catalog(folder, cache)
    cache.write_text(cache.read_text().replace('"Shipped"', "7"))
    assert read_catalog(folder, cache)["status.shipped"] == "Shipped"


def test_a_folder_that_cannot_be_written_still_reads(folder: Path) -> None:
    blocked = folder.parent / "__pycache__"
    blocked.write_text("a file where the folder would be")
    assert read_catalog(folder, blocked / "catalog-en.json")["web.ok"] == "OK [b]"
    assert blocked.read_text() == "a file where the folder would be"


def test_a_key_defined_twice_is_an_error_naming_it(folder: Path) -> None:
    (folder / "zz.toml").write_text('[status]\nshipped = "again"\n')
    with pytest.raises(ValueError, match=r"zz\.toml redefines catalog keys: status\.shipped"):
        read_catalog(folder, cache_of(folder))
    assert not cache_of(folder).exists()


@pytest.mark.parametrize("language", list(Language))
def test_the_shipped_catalogs_read_the_same_from_the_copy(
    language: Language, tmp_path: Path
) -> None:
    parsed = parse_catalog(sorted((CATALOG_DIR / language.value).glob("*.toml")))
    assert load_catalog(language) == parsed
    fresh = tmp_path / "catalog.json"
    assert read_catalog(CATALOG_DIR / language.value, fresh) == parsed  # parsed, then kept
    assert read_catalog(CATALOG_DIR / language.value, fresh) == parsed  # read from the copy
