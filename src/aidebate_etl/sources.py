"""Input files -> decoded ``Page``s, or ``SourceRecord``s saying why a file was not loaded.

File names are data: they travel as strings into frames and Parquet, and are never pasted into SQL.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from aidebate_etl import errors
from aidebate_etl.records import Page, SourceRecord

__all__ = [
    "DUPLICATE_CONTENT",
    "MAX_SOURCE_BYTES",
    "list_sources",
    "loaded_source",
    "mark_duplicates",
    "read_page",
    "read_sources",
    "rejected_source",
]

# A saved news page is tens to a few hundred kB. 20 MB is ~50x the largest page one would expect, and
# still small enough that the raw bytes, the decoded text and the parse structures of a page fit easily
# in one worker's memory. Anything bigger is a log, an archive or a mis-pointed folder, not a page.
MAX_SOURCE_BYTES = 20 * 1024 * 1024

# Plain text has essentially no control characters besides tab and newlines; arbitrary bytes decoded as
# latin-1 are ~25 % controls. 5 % leaves ample room for stray escape codes in real text.
CONTROL_SHARE_LIMIT = 0.05
# Unicode category Cc is exactly U+0000-U+001F and U+007F-U+009F; tab, newlines, \v and \f are text.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")

# Longest first: the UTF-32 LE BOM starts with the UTF-16 LE BOM.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_HASH_CHUNK = 1 << 20

# Not an error, so not in errors.py; spelled as pipeline.plan_sources spells it.
DUPLICATE_CONTENT = "duplicate_content"


def list_sources(source_dir: Path) -> list[Path]:
    """Regular files directly in ``source_dir``, sorted by name; hidden files (``.name``) are skipped."""
    if not source_dir.is_dir():
        raise NotADirectoryError(f"source folder {str(source_dir)!r} does not exist or is not a folder")
    files = [p for p in source_dir.iterdir() if not p.name.startswith(".") and p.is_file()]
    return sorted(files, key=lambda p: p.name)


def read_page(path: Path, *, max_bytes: int = MAX_SOURCE_BYTES) -> Page:
    """Read, hash and decode one file; newlines become ``\\n``.

    Raises ``errors.TooLargeSource``, ``EmptySource``, ``BinarySource``, ``UndecodableSource``, or
    ``SourceError`` (reason ``unreadable``) when the file cannot be opened or read.
    """
    name = path.name
    try:
        with path.open("rb") as f:
            # Read one byte past the limit rather than trusting stat(): the file may grow meanwhile.
            data = f.read(max_bytes + 1)
    except OSError as exc:
        raise errors.SourceError(f"{name!r}: cannot read the file: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:
        raise errors.TooLargeSource(f"{name!r}: larger than the {max_bytes:,}-byte limit for one page")
    if not data:
        raise errors.EmptySource(f"{name!r}: the file is empty")
    text, encoding = _decode(data, name)
    if not text.strip():
        raise errors.EmptySource(f"{name!r}: the file holds only whitespace")
    _reject_control_heavy(text, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Page(
        source_file=name,
        sha256=hashlib.sha256(data).hexdigest(),
        n_bytes=len(data),
        encoding=encoding,
        text=text,
    )


def _decode(data: bytes, name: str) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                # The BOM states the encoding; guessing another one after it fails would invent text.
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise errors.UndecodableSource(
                    f"{name!r}: starts with a {encoding} byte-order mark but is not valid {encoding} "
                    f"(byte {exc.start})"
                ) from exc
    if b"\x00" in data:
        # Text in any 8-bit encoding never holds NUL; UTF-16/32 without a BOM is not supported.
        raise errors.BinarySource(f"{name!r}: holds NUL bytes, so it is binary (or UTF-16 without a BOM)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        # Not UTF-8: most such pages are Windows-1252 (smart quotes in 0x91-0x94).
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; latin-1 maps every byte, so this cannot fail.
        return data.decode("latin-1"), "latin-1"


def _reject_control_heavy(text: str, name: str) -> None:
    controls = sum(1 for _ in _CONTROL.finditer(text))
    if controls > CONTROL_SHARE_LIMIT * len(text):
        raise errors.BinarySource(
            f"{name!r}: {controls} of {len(text)} characters are control characters, so it is binary"
        )


def loaded_source(page: Page) -> SourceRecord:
    return SourceRecord(
        source_file=page.source_file,
        sha256=page.sha256,
        n_bytes=page.n_bytes,
        status="loaded",
        encoding=page.encoding,
    )


def rejected_source(path: Path, exc: BaseException) -> SourceRecord:
    """The record of a file that could not become a page, with what can still be known about it."""
    reason = exc.reason_code if isinstance(exc, errors.AidebateError) else errors.UNEXPECTED
    n_bytes, sha256 = _size_and_hash(path)
    return SourceRecord(
        source_file=path.name,
        sha256=sha256,
        n_bytes=n_bytes,
        status="rejected",
        reason_code=reason,
        error=str(exc) or type(exc).__name__,
    )


def _size_and_hash(path: Path) -> tuple[int | None, str | None]:
    # Streamed, so an over-size file still gets its hash without being held in memory.
    digest, size = hashlib.sha256(), 0
    try:
        with path.open("rb") as f:
            while chunk := f.read(_HASH_CHUNK):
                digest.update(chunk)
                size += len(chunk)
    except OSError:
        return None, None
    return size, digest.hexdigest()


def mark_duplicates(records: Iterable[SourceRecord]) -> list[SourceRecord]:
    """Sorted by name; a loaded file whose bytes an earlier loaded file already had becomes a duplicate."""
    first_of: dict[str, str] = {}
    out = []
    for rec in sorted(records, key=lambda r: r.source_file):
        if rec.status == "loaded" and rec.sha256 is not None:
            first = first_of.setdefault(rec.sha256, rec.source_file)
            if first != rec.source_file:
                rec = SourceRecord(
                    source_file=rec.source_file,
                    sha256=rec.sha256,
                    n_bytes=rec.n_bytes,
                    status="duplicate",
                    reason_code=DUPLICATE_CONTENT,
                    error=f"same bytes as {first!r}, which was loaded instead",
                    encoding=rec.encoding,
                    duplicate_of=first,
                )
        out.append(rec)
    return out


def read_sources(
    paths: Sequence[Path], *, max_bytes: int = MAX_SOURCE_BYTES
) -> tuple[list[Page], list[SourceRecord]]:
    """Read every file: the distinct pages to parse, and one record per file (loaded/rejected/duplicate)."""
    pages: dict[str, Page] = {}
    records = []
    for path in paths:
        try:
            page = read_page(path, max_bytes=max_bytes)
        except errors.SourceError as exc:
            records.append(rejected_source(path, exc))
            continue
        pages[page.source_file] = page
        records.append(loaded_source(page))
    records = mark_duplicates(records)
    kept = [pages[r.source_file] for r in records if r.status == "loaded"]
    return kept, records
