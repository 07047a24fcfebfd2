"""Nightly-run guarantees on real files and a real DuckDB: re-runs, growing folders, bad input, one writer.

Everything goes through ``pipeline.run_pipeline`` (no Prefect: the flow tests cover the wiring); the
concurrent-run test runs the first writer in a second, real process.
"""

from __future__ import annotations

import codecs
import shutil
import time
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from aidebate_etl import errors, pipeline
from aidebate_etl.cache import PageCache
from aidebate_etl.cli import app
from ops_support import PAGES, copy_pages, start_pipeline_process

# Columns that say which run wrote a row: lineage, expected to differ between runs.
_LINEAGE = {"run_id"}
_ROW_TABLES = ("sources", "articles", "comments", "people", "mentions", "claims", "comment_quotes")


def _tables(warehouse: Path) -> dict[str, list[tuple]]:
    """Every row of every table except runs, lineage columns left out, in a stable order."""
    out = {}
    with duckdb.connect(str(warehouse / pipeline.DB_NAME), read_only=True) as con:
        for name in (*_ROW_TABLES, "claim_variants", "rejects"):
            columns = [
                c
                for (c,) in con.execute(
                    "select column_name from duckdb_columns() where table_name = ? order by column_index",
                    [name],
                ).fetchall()
                if c not in _LINEAGE
            ]
            quoted = ", ".join(f'"{c}"' for c in columns)
            out[name] = con.execute(f"select {quoted} from {name} order by all").fetchall()
    return out


def _ids(warehouse: Path, table: str, key: str) -> set[str]:
    with duckdb.connect(str(warehouse / pipeline.DB_NAME), read_only=True) as con:
        return {k for (k,) in con.execute(f"select {key} from {table}").fetchall()}


# ------------------------------------------------------------------------------------ re-runs
def test_operations_rerun_same_rows_and_ids_without_extraction(tmp_path: Path) -> None:
    source, warehouse = tmp_path / "pages", tmp_path / "wh"
    copy_pages(source, 8)

    first = pipeline.run_pipeline(source, warehouse)
    second = pipeline.run_pipeline(source, warehouse)

    assert first.counts["pages_extracted"] == 8 and first.counts["pages_cached"] == 0
    assert second.counts["pages_extracted"] == 0 and second.counts["pages_cached"] == 8
    assert second.stage_seconds["process_pages"] < first.stage_seconds["process_pages"]
    tables = _tables(warehouse)
    assert all(tables[name] for name in ("articles", "comments", "claims", "people"))
    # Compare with a fresh warehouse's tables too: same input, same rows, whatever the history.
    assert tables == _tables(_rebuilt(source, tmp_path / "fresh"))
    with duckdb.connect(str(warehouse / pipeline.DB_NAME), read_only=True) as con:
        runs = con.execute("select pages_extracted, pages_cached, extractor_version from runs").fetchall()
    assert sorted(runs) == [(0, 8, first.extractor_version), (8, 0, first.extractor_version)]


def _rebuilt(source: Path, warehouse: Path) -> Path:
    pipeline.run_pipeline(source, warehouse, use_cache=False)
    return warehouse


# -------------------------------------------------------------------------------- incremental
def test_operations_add_change_remove_pages(tmp_path: Path) -> None:
    source, warehouse = tmp_path / "pages", tmp_path / "wh"
    pages = copy_pages(source, 6)
    pipeline.run_pipeline(source, warehouse)
    before = {t: _ids(warehouse, t, k) for t, k in _KEYS.items()}
    groups_before = _groups(warehouse)

    # Add: a second outlet's copy of page 0 (same words, other bytes), so its claims join page 0's groups.
    added = source / "zz_second_outlet.txt"
    added.write_bytes(pages[0].read_bytes() + b"\n\n")
    run = pipeline.run_pipeline(source, warehouse)
    assert run.counts["pages_extracted"] == 1 and run.counts["pages_cached"] == 6
    after = {t: _ids(warehouse, t, k) for t, k in _KEYS.items()}
    for table in _KEYS:
        assert before[table] <= after[table], f"{table}: existing ids changed"
    assert len(after["articles"]) == 7
    groups_after = _groups(warehouse)
    grown = 0
    for claim, group in groups_before.items():
        members = {c for c, g in groups_after.items() if g == groups_after[claim]}
        # The documented rule: a group is named after its smallest claim id, so it keeps its id
        # exactly when no new member sorts before the old ones.
        assert groups_after[claim] == "grp_" + min(members)[4:]
        old_members = {c for c, g in groups_before.items() if g == group}
        if members != old_members:
            grown += 1
            assert (groups_after[claim] == group) == (min(members) == min(old_members))
    assert grown, "the added page should have joined existing claim groups"

    # Change: page 1's bytes change, so its article (and everything under it) is replaced.
    old_article = _article_of(warehouse, pages[1].name)
    pages[1].write_bytes(pages[1].read_bytes() + b"\n\n\n")
    pipeline.run_pipeline(source, warehouse)
    new_article = _article_of(warehouse, pages[1].name)
    assert new_article != old_article
    assert old_article not in _ids(warehouse, "articles", "article_id")
    for table in ("comments", "claims", "mentions"):
        assert old_article not in _ids(warehouse, table, "article_id"), table

    # Remove: page 2's rows go, and so does its cache entry.
    cache = PageCache.in_warehouse(warehouse)
    removed_article = _article_of(warehouse, pages[2].name)
    removed_sha = _sha_of(warehouse, pages[2].name)
    assert cache.path_of(removed_sha).is_file()
    pages[2].unlink()
    pipeline.run_pipeline(source, warehouse)
    assert pages[2].name not in _ids(warehouse, "sources", "source_file")
    assert removed_article not in _ids(warehouse, "claims", "article_id")
    assert not cache.path_of(removed_sha).exists()
    assert len(cache) == len(list(source.iterdir()))


_KEYS = {
    "articles": "article_id",
    "comments": "comment_id",
    "claims": "claim_id",
    "mentions": "mention_id",
    "people": "person_id",
}


def _groups(warehouse: Path) -> dict[str, str]:
    with duckdb.connect(str(warehouse / pipeline.DB_NAME), read_only=True) as con:
        return dict(con.execute("select claim_id, claim_group_id from claims").fetchall())


def _article_of(warehouse: Path, name: str) -> str:
    with duckdb.connect(str(warehouse / pipeline.DB_NAME), read_only=True) as con:
        return con.execute("select article_id from sources where source_file = ?", [name]).fetchall()[0][0]


def _sha_of(warehouse: Path, name: str) -> str:
    with duckdb.connect(str(warehouse / pipeline.DB_NAME), read_only=True) as con:
        return con.execute("select sha256 from sources where source_file = ?", [name]).fetchall()[0][0]


# ---------------------------------------------------------------------------------- bad input
def _page_text(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


def _plain(text: str) -> str:
    # Straight quotes and dashes only, so the text fits latin-1.
    table = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "..."})
    return text.translate(table)


# name -> (bytes, expected status, expected reason code, expected encoding)
BAD_INPUT: dict[str, tuple[bytes, str, str | None, str | None]] = {
    "empty.txt": (b"", "rejected", "empty", None),
    "junk.bin": (bytes(range(256)) * 64, "rejected", "binary", None),
    "windows-1252.txt": (
        _page_text("wire_dateline_curly.txt").encode("cp1252"),
        "loaded",
        None,
        "cp1252",
    ),
    "latin-1.txt": (
        # 0x81 is undefined in cp1252, so only latin-1 decodes it.
        (_plain(_page_text("council_no_comments.txt")) + "\n\n\x81\n").encode("latin-1"),
        "loaded",
        None,
        "latin-1",
    ),
    "utf-16 with BOM.txt": (
        codecs.BOM_UTF16_LE + _page_text("obituary_appositives.txt").encode("utf-16-le"),
        "loaded",
        None,
        "utf-16",
    ),
    "fifty megabytes.txt": (b"x" * (50 * 1024 * 1024), "rejected", "too_large", None),
    'it\'s "quoted"; DROP TABLE articles; --.txt': (
        _page_text("listicle_bullets.txt").encode(),
        "loaded",
        None,
        "utf-8",
    ),
    "SELECT * FROM sources WHERE 1=1.txt": (
        _page_text("film_review_responses.txt").encode(),
        "loaded",
        None,
        "utf-8",
    ),
    "naïve café – 日本語 ñ.txt": (_page_text("tabloid_single_quotes.txt").encode(), "loaded", None, "utf-8"),
    "  spaced   out  .txt": (_page_text("sports_hardwrapped.txt").encode(), "loaded", None, "utf-8"),
    "unbalanced quotes.txt": (_page_text("unbalanced_quotes.txt").encode(), "loaded", None, "utf-8"),
    # Body prose with no headline line is an article (title null); a headline with nothing under it is not.
    "no title.txt": (
        "\n\n".join(_page_text("council_no_comments.txt").split("\n\n")[5:9]).encode(),
        "loaded",
        None,
        "utf-8",
    ),
    "headline and menu only.txt": (
        b"Harbor Town Votes to Keep Its Ferry\n\nHome | News | Sport\n\nShare Tweet Email\n\nAdvertisement\n",
        "rejected",
        "no_article",
        "utf-8",
    ),
    # Byte-identical to the listicle above: loaded once, under the first name by sort order.
    "zz same bytes as the listicle.txt": (
        _page_text("listicle_bullets.txt").encode(),
        "duplicate",
        "duplicate_content",
        None,
    ),
}


@pytest.fixture(scope="module")
def bad_input_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("bad") / "pages"
    copy_pages(source, 2)  # two good pages that must load whatever sits beside them
    for name, (data, *_) in BAD_INPUT.items():
        (source / name).write_bytes(data)
    warehouse = source.parent / "wh"
    pipeline.run_pipeline(source, warehouse)
    return warehouse


@pytest.mark.parametrize("name", list(BAD_INPUT))
def test_operations_bad_input_gets_a_sources_row(bad_input_warehouse: Path, name: str) -> None:
    _, status, reason, encoding = BAD_INPUT[name]
    with duckdb.connect(str(bad_input_warehouse / pipeline.DB_NAME), read_only=True) as con:
        row = con.execute(
            "select status, reason_code, encoding, error from sources where source_file = ?", [name]
        ).fetchall()
        articles = con.execute("select source_file from articles where source_file = ?", [name]).fetchall()
    assert len(row) == 1
    assert row[0][:3] == (status, reason, encoding if status != "duplicate" else None)
    assert (row[0][3] is None) == (status == "loaded")  # a reason in words for every file not loaded
    assert (articles == [(name,)]) == (status == "loaded")


def test_operations_page_without_headline_loads_with_null_title(bad_input_warehouse: Path) -> None:
    with duckdb.connect(str(bad_input_warehouse / pipeline.DB_NAME), read_only=True) as con:
        title, body = con.execute(
            "select title, body from articles where source_file = ?", ["no title.txt"]
        ).fetchone()
    assert title is None
    assert body.startswith(_page_text("council_no_comments.txt").split("\n\n")[5].strip()[:40])


def test_operations_bad_input_leaves_good_pages_loaded(bad_input_warehouse: Path) -> None:
    with duckdb.connect(str(bad_input_warehouse / pipeline.DB_NAME), read_only=True) as con:
        good = con.execute("select status from sources where source_file like '00%'").fetchall()
        n_sources = con.execute("select count(*) from sources").fetchall()[0][0]
        (status,) = con.execute("select status from runs").fetchall()[0]
    assert good == [("loaded",), ("loaded",)]
    assert n_sources == len(BAD_INPUT) + 2
    assert status == "partial"


# ---------------------------------------------------------------------------------- one writer
def _wait_for(path: Path, proc, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        if proc.exitcode is not None:
            raise AssertionError(f"the run exited ({proc.exitcode}) before its pause point")
        if time.monotonic() > deadline:
            raise AssertionError("the run never reached its pause point")
        time.sleep(0.05)


def test_operations_second_writer_stops_at_once_readers_go_on(tmp_path: Path) -> None:
    source, warehouse = tmp_path / "pages", tmp_path / "wh"
    copy_pages(source, 4)
    pipeline.run_pipeline(source, warehouse)  # a warehouse for readers to read
    copy_pages(source, 1, start=4)
    marker = tmp_path / "paused"
    first = start_pipeline_process(source, warehouse, pause_at="duckdb_built", marker=marker)
    try:
        _wait_for(marker, first)  # holds the lock, its new DuckDB built beside the live one

        started = time.monotonic()
        with pytest.raises(errors.WarehouseLocked, match=f"pid {first.pid}") as refused:
            pipeline.run_pipeline(source, warehouse)
        assert time.monotonic() - started < 5
        assert "only one run may write" in str(refused.value)

        # The CLI stops as fast, with the same words and exit code 1, before any flow starts.
        started = time.monotonic()
        run_cli = CliRunner().invoke(app, ["run", "--source", str(source), "--warehouse", str(warehouse)])
        assert time.monotonic() - started < 5
        assert run_cli.exit_code == 1, run_cli.output
        assert "only one run may write" in run_cli.output and f"pid {first.pid}" in run_cli.output

        # Readers are not blocked: the CLI's read-only query answers from the previous warehouse.
        query = ["sql", "select count(*) as n from articles", "--warehouse", str(warehouse)]
        result = CliRunner().invoke(app, query)
        assert result.exit_code == 0, result.output
        assert "4" in result.output
    finally:
        (marker.parent / (marker.name + ".go")).touch()
        first.join(timeout=60)
        assert first.exitcode == 0
    with duckdb.connect(str(warehouse / pipeline.DB_NAME), read_only=True) as con:
        assert con.execute("select count(*) from articles").fetchall() == [(5,)]
        assert con.execute("select count(*) from runs").fetchall() == [(2,)]


def test_operations_lock_is_reentrant_and_released(tmp_path: Path) -> None:
    with pipeline.warehouse_lock(tmp_path), pipeline.warehouse_lock(tmp_path, run_id="run_inner"):
        # Taken before the run had an id, then named by the run: the lock file says so for workers.
        assert '"run_id": "run_inner"' in (tmp_path / "aidebate.duckdb.lock").read_text()
    with pipeline.warehouse_lock(tmp_path, run_id="again"):  # released: can be taken again
        pass


def test_operations_lock_sweeps_what_a_killed_run_left(tmp_path: Path) -> None:
    leftovers = [
        tmp_path / "aidebate.duckdb.tmp-run_x",
        tmp_path / "aidebate.duckdb.tmp-run_x.wal",
        tmp_path / ".parquet.tmp-123",
        tmp_path / "runs" / "run_x" / ".parquet.tmp-123" / "claims.parquet",
        tmp_path / "cache" / "v1" / "ab" / ".ab.pickle.tmp-123-abc",
    ]
    for path in leftovers:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"half")
    kept = tmp_path / "runs" / "run_y" / "parquet" / "claims.parquet"
    kept.parent.mkdir(parents=True)
    kept.write_bytes(b"whole")
    with pipeline.warehouse_lock(tmp_path):
        pass
    assert not any(p.exists() for p in leftovers)
    assert not (tmp_path / "runs" / "run_x").exists()
    assert kept.exists()


def test_operations_sql_command_is_read_only(tmp_path: Path) -> None:
    source, warehouse = tmp_path / "pages", tmp_path / "wh"
    copy_pages(source, 1)
    pipeline.run_pipeline(source, warehouse)
    result = CliRunner().invoke(app, ["sql", "delete from articles", "--warehouse", str(warehouse)])
    assert result.exit_code == 1
    assert "read-only" in result.output
    shutil.rmtree(source)
