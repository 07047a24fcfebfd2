"""The per-page cache on real files: round trip, renames, bad entries, what is kept, pruning."""

from __future__ import annotations

import hashlib
from pathlib import Path

from aidebate_etl import errors, ids
from aidebate_etl.cache import PageCache, extractor_version
from aidebate_etl.records import PageResult, PageStructure, SourceRecord

SHA = hashlib.sha256(b"page").hexdigest()
OTHER = hashlib.sha256(b"other page").hexdigest()


def _loaded(sha: str = SHA, name: str = "a.txt") -> PageResult:
    source = SourceRecord(name, sha, 4, "loaded", encoding="utf-8")
    return PageResult(source, ids.article_id(sha), PageStructure("Title", None, ("Body.",)))


def test_cache_round_trip_follows_the_bytes_not_the_name(tmp_path: Path) -> None:
    cache = PageCache(tmp_path)
    assert cache.get(SHA, "a.txt") is None
    assert cache.put(_loaded())

    hit = cache.get(SHA, "renamed.txt")

    assert hit is not None and hit.from_cache
    assert hit.source.source_file == "renamed.txt"
    assert (hit.article_id, hit.structure) == (ids.article_id(SHA), _loaded().structure)
    assert [p.name for p in tmp_path.rglob("*") if p.is_file()] == [f"{SHA}.pickle"]  # no temp left


def test_cache_version_is_stable_and_names_the_folder(tmp_path: Path) -> None:
    assert extractor_version() == extractor_version()
    assert PageCache(tmp_path).path_of(SHA).parts[-3:] == (extractor_version(), SHA[:2], f"{SHA}.pickle")


def test_cache_bad_entry_is_a_miss_and_removed(tmp_path: Path) -> None:
    cache = PageCache(tmp_path)
    path = cache.path_of(SHA)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a pickle")
    assert cache.get(SHA, "a.txt") is None
    assert not path.exists()


def test_cache_entry_cut_short_is_a_miss(tmp_path: Path) -> None:
    # Entries are not fsynced: after a power cut an entry may be empty or cut short. Every such file
    # must read as a miss, never as a result.
    cache = PageCache(tmp_path)
    assert cache.put(_loaded())
    path = cache.path_of(SHA)
    whole = path.read_bytes()
    for size in range(len(whole)):
        path.write_bytes(whole[:size])
        assert cache.get(SHA, "a.txt") is None, size
        assert not path.exists()


def test_cache_keeps_only_outcomes_of_the_bytes(tmp_path: Path) -> None:
    cache = PageCache(tmp_path)
    no_article = SourceRecord(
        "b.txt", OTHER, 9, "rejected", errors.NoArticle.reason_code, "no headline", "utf-8"
    )
    crashed = SourceRecord("c.txt", SHA, 4, "rejected", errors.UNEXPECTED, "MemoryError", "utf-8")
    assert cache.put(PageResult(no_article))
    assert not cache.put(PageResult(crashed))  # may be the machine's fault: try again next run
    hit = cache.get(OTHER, "b.txt")
    assert hit is not None and hit.article_id is None and hit.source.reason_code == "no_article"


def test_cache_prune_keeps_listed_pages_of_this_version(tmp_path: Path) -> None:
    cache = PageCache(tmp_path)
    cache.put(_loaded(SHA))
    cache.put(_loaded(OTHER, "b.txt"))
    stale = PageCache(tmp_path, version="0" * 16)
    stale.put(_loaded(SHA))

    removed = cache.prune([SHA])

    assert removed == 2  # OTHER here, SHA under the old version
    assert cache.get(SHA, "a.txt") is not None and cache.get(OTHER, "b.txt") is None
    assert not stale.folder.exists()
    assert len(cache) == 1
