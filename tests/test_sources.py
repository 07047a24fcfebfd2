from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

import pytest

from aidebate_etl import errors
from aidebate_etl.records import SourceRecord
from aidebate_etl.sources import (
    list_sources,
    loaded_source,
    mark_duplicates,
    read_page,
    read_sources,
    rejected_source,
)


def _file(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        ("Café “quoted” — ok".encode(), "Café “quoted” — ok", "utf-8"),
        (codecs.BOM_UTF8 + "Café".encode(), "Café", "utf-8-sig"),
        (codecs.BOM_UTF16_LE + "Café “q”".encode("utf-16-le"), "Café “q”", "utf-16"),
        (codecs.BOM_UTF16_BE + "Café “q”".encode("utf-16-be"), "Café “q”", "utf-16"),
        ("She said “yes” – café".encode("cp1252"), "She said “yes” – café", "cp1252"),
        (b"caf\xe9 \x81 undefined in cp1252", "café \x81 undefined in cp1252", "latin-1"),
    ],
)
def test_sources_read_page_decodes(tmp_path: Path, data: bytes, text: str, encoding: str) -> None:
    page = read_page(_file(tmp_path, "p.txt", data))
    assert (page.text, page.encoding) == (text, encoding)


@pytest.mark.parametrize("data", [b"a\r\nb\rc\n", codecs.BOM_UTF16_LE + "a\r\nb\rc\n".encode("utf-16-le")])
def test_sources_read_page_normalises_newlines(tmp_path: Path, data: bytes) -> None:
    assert read_page(_file(tmp_path, "p.txt", data)).text == "a\nb\nc\n"


def test_sources_read_page_hashes_raw_bytes(tmp_path: Path) -> None:
    data = b"line one\r\nline two\r\n"
    page = read_page(_file(tmp_path, "p.txt", data))
    assert (page.sha256, page.n_bytes, page.source_file) == (
        hashlib.sha256(data).hexdigest(),
        len(data),
        "p.txt",
    )


@pytest.mark.parametrize(
    ("data", "exc", "reason"),
    [
        (b"", errors.EmptySource, "empty"),
        (b" \r\n\t \n", errors.EmptySource, "empty"),
        (codecs.BOM_UTF16_LE + "  \n".encode("utf-16-le"), errors.EmptySource, "empty"),
        (b"PK\x03\x04\x00\x00binary zip header", errors.BinarySource, "binary"),
        (bytes(range(1, 32)) * 4 + b"some text", errors.BinarySource, "binary"),
        (codecs.BOM_UTF8 + b"caf\xe9", errors.UndecodableSource, "undecodable"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", errors.UndecodableSource, "undecodable"),
    ],
)
def test_sources_read_page_rejects(tmp_path: Path, data: bytes, exc: type[Exception], reason: str) -> None:
    with pytest.raises(exc, match=r"'p\.txt'") as raised:
        read_page(_file(tmp_path, "p.txt", data))
    assert raised.value.reason_code == reason


def test_sources_read_page_rejects_oversize(tmp_path: Path) -> None:
    with pytest.raises(errors.TooLargeSource, match="10-byte limit"):
        read_page(_file(tmp_path, "big.txt", b"x" * 11), max_bytes=10)


def test_sources_read_page_accepts_exactly_the_limit(tmp_path: Path) -> None:
    assert read_page(_file(tmp_path, "p.txt", b"x" * 10), max_bytes=10).n_bytes == 10


def test_sources_read_page_unreadable_is_a_source_error(tmp_path: Path) -> None:
    (tmp_path / "folder.txt").mkdir()
    with pytest.raises(errors.SourceError, match="cannot read") as raised:
        read_page(tmp_path / "folder.txt")
    assert raised.value.reason_code == "unreadable"


def test_sources_list_sources_sorted_skips_hidden_and_folders(tmp_path: Path) -> None:
    for name in ["b.txt", "a b.txt", ".hidden", "x'; DROP TABLE t;--.txt", "é.txt"]:
        _file(tmp_path, name, b"x")
    (tmp_path / "sub").mkdir()
    assert [p.name for p in list_sources(tmp_path)] == [
        "a b.txt",
        "b.txt",
        "x'; DROP TABLE t;--.txt",
        "é.txt",
    ]


def test_sources_list_sources_missing_folder_raises(tmp_path: Path) -> None:
    with pytest.raises(NotADirectoryError, match="does not exist"):
        list_sources(tmp_path / "missing")


def test_sources_rejected_source_keeps_size_hash_and_reason(tmp_path: Path) -> None:
    path = _file(tmp_path, "big.txt", b"x" * 11)
    with pytest.raises(errors.TooLargeSource) as raised:
        read_page(path, max_bytes=10)
    record = rejected_source(path, raised.value)
    assert (record.status, record.reason_code, record.n_bytes) == ("rejected", "too_large", 11)
    assert record.sha256 == hashlib.sha256(b"x" * 11).hexdigest()
    assert "big.txt" in (record.error or "")


def test_sources_rejected_source_unforeseen_error_is_unexpected(tmp_path: Path) -> None:
    record = rejected_source(_file(tmp_path, "p.txt", b"x"), RuntimeError("boom"))
    assert (record.reason_code, record.error) == (errors.UNEXPECTED, "boom")


def test_sources_loaded_source_records_encoding(tmp_path: Path) -> None:
    page = read_page(_file(tmp_path, "p.txt", "“q”".encode("cp1252")))
    record = loaded_source(page)
    assert (record.status, record.encoding, record.reason_code, record.error) == (
        "loaded",
        "cp1252",
        None,
        None,
    )


def test_sources_mark_duplicates_first_by_name_is_loaded() -> None:
    records = [
        SourceRecord("b.txt", "f" * 64, 3, "loaded"),
        SourceRecord("a.txt", "f" * 64, 3, "loaded"),
        SourceRecord("c.txt", "0" * 64, 3, "loaded"),
    ]
    marked = {r.source_file: r for r in mark_duplicates(records)}
    assert marked["a.txt"].status == "loaded"
    assert (marked["b.txt"].status, marked["b.txt"].duplicate_of) == ("duplicate", "a.txt")
    assert marked["c.txt"].status == "loaded"


def test_sources_read_sources_accounts_for_every_file(tmp_path: Path) -> None:
    for name, data in [("a.txt", b"same"), ("b.txt", b"same"), ("c.txt", b""), ("d.txt", b"other")]:
        _file(tmp_path, name, data)
    pages, records = read_sources(list_sources(tmp_path))
    assert [p.source_file for p in pages] == ["a.txt", "d.txt"]
    assert [(r.source_file, r.status) for r in records] == [
        ("a.txt", "loaded"),
        ("b.txt", "duplicate"),
        ("c.txt", "rejected"),
        ("d.txt", "loaded"),
    ]
