"""A run over exactly the files and code of the live warehouse's publish rebuilds nothing (pipeline.py,
"Nothing changed at all"); any difference, a missing output or ``use_cache=False`` rebuilds as before."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from aidebate_etl import pipeline
from ops_support import copy_pages

_TABLES = (
    "sources",
    "articles",
    "comments",
    "people",
    "mentions",
    "claims",
    "comment_quotes",
    "claim_variants",
)


def _rows(warehouse: Path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(warehouse / pipeline.DB_NAME), read_only=True) as con:
        return {t: con.execute(f"select * from {t} order by all").fetchall() for t in _TABLES}


def _runs(warehouse: Path) -> list[tuple]:
    with duckdb.connect(str(warehouse / pipeline.DB_NAME), read_only=True) as con:
        return con.execute(
            "select run_id, status, pages_extracted, pages_cached from runs order by started_at"
        ).fetchall()


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, pipeline.RunInfo]:
    root = tmp_path_factory.mktemp("unchanged")
    source, warehouse = root / "pages", root / "wh"
    copy_pages(source, 5)
    return source, warehouse, pipeline.run_pipeline(source, warehouse)


def _copy(published: tuple[Path, Path, pipeline.RunInfo], tmp_path: Path) -> tuple[Path, Path]:
    source, warehouse, _ = published
    shutil.copytree(source, tmp_path / "pages")
    shutil.copytree(warehouse, tmp_path / "wh", symlinks=True)  # a moved warehouse is still reusable
    return tmp_path / "pages", tmp_path / "wh"


def test_unchanged_rerun_keeps_the_tables_and_adds_its_runs_row(published, tmp_path: Path) -> None:
    source, warehouse = _copy(published, tmp_path)
    first = published[2]
    before = _rows(warehouse)

    again = pipeline.run_pipeline(source, warehouse)

    assert again.counts["pages_extracted"] == 0 and again.counts["pages_cached"] == 5
    assert again.stage_seconds["process_pages"] < first.stage_seconds["process_pages"]
    assert _rows(warehouse) == before  # run_id included: the rows are still the first run's rows
    assert _runs(warehouse) == [
        (first.run_id, first.status, 5, 0),
        (again.run_id, first.status, 0, 5),
    ]


@pytest.mark.parametrize(
    "change", ["page_added", "page_renamed", "page_edited", "code", "no_duckdb", "no_cache"]
)
def test_unchanged_any_difference_rebuilds(published, tmp_path: Path, change: str, monkeypatch) -> None:
    source, warehouse = _copy(published, tmp_path)
    pages = sorted(source.iterdir())
    use_cache = True
    if change == "page_added":
        copy_pages(source, 1, start=5)
    elif change == "page_renamed":
        pages[0].rename(source / ("zz_" + pages[0].name))
    elif change == "page_edited":
        pages[0].write_bytes(pages[0].read_bytes() + b"\n")
    elif change == "code":
        monkeypatch.setattr(pipeline, "build_version", lambda: "another build")
    elif change == "no_duckdb":
        (warehouse / pipeline.DB_NAME).unlink()
    else:
        use_cache = False

    run = pipeline.run_pipeline(source, warehouse, use_cache=use_cache)

    extracted = {"page_added": 1, "page_edited": 1, "no_cache": 5}.get(change, 0)
    assert run.counts["pages_extracted"] == extracted
    with duckdb.connect(str(warehouse / pipeline.DB_NAME), read_only=True) as con:
        lineage = {r for (r,) in con.execute("select distinct run_id from articles").fetchall()}
    assert lineage == {run.run_id}  # rebuilt: every row written by this run


def test_unchanged_no_reuse_after_a_rejected_file(tmp_path: Path) -> None:
    source, warehouse = tmp_path / "pages", tmp_path / "wh"
    copy_pages(source, 2)
    (source / "empty.txt").write_bytes(b"")
    pipeline.run_pipeline(source, warehouse)
    assert not (warehouse / pipeline.MANIFEST).exists()
    again = pipeline.run_pipeline(source, warehouse)
    assert again.stage_seconds["build_tables"] > 0 and again.counts["pages_cached"] == 2
