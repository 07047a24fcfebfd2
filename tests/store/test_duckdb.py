from __future__ import annotations

import fcntl
import json
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from aidebate_etl import errors, tables
from aidebate_etl.store.duckdb import load_warehouse, open_readonly
from aidebate_etl.store.parquet import write_tables

HOSTILE_NAMES = [
    "it's a page.txt",
    'say "hi".txt',
    "x'); DROP TABLE articles; --.txt",
    "SELECT * FROM sources.txt",
    "naïve café – 日本語.txt",
    "  spaced  out  .txt",
    "semi;colon;.txt",
]


def test_duckdb_load_then_read_only_connect(frames: dict[str, pd.DataFrame], publish) -> None:
    db = publish(frames)
    with duckdb.connect(str(db), read_only=True) as con:
        counts = {name: con.execute(f"select count(*) from {name}").fetchall()[0][0] for name in frames}
    assert counts == {name: len(frame) for name, frame in frames.items()}


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_duckdb_hostile_file_names_round_trip(make_frames, publish, name: str) -> None:
    db = publish(make_frames(source_file=name))
    with open_readonly(db) as con:
        loaded = con.execute("select source_file from articles where source_file = ?", [name]).fetchall()
        duplicate_of = con.execute("select duplicate_of from sources where status = 'duplicate'").fetchall()
    assert loaded == [(name,)]
    assert duplicate_of == [(name,)]


def test_duckdb_hostile_warehouse_folder(frames: dict[str, pd.DataFrame], publish, tmp_path: Path) -> None:
    db = publish(frames, warehouse=tmp_path / "it's; a [weird] *folder*")
    with open_readonly(db) as con:
        assert con.execute("select count(*) from articles").fetchall() == [(2,)]


def test_duckdb_comment_on_every_table_and_column(frames: dict[str, pd.DataFrame], publish) -> None:
    with open_readonly(publish(frames)) as con:
        columns = con.execute(
            "select table_name, column_name, comment from duckdb_columns() where schema_name = 'main' "
            "and table_name in (select table_name from duckdb_tables())"
        ).fetchall()
        table_comments = dict(con.execute("select table_name, comment from duckdb_tables()").fetchall())
    assert {t for t, _, _ in columns} == set(tables.TABLES)
    assert all(comment for _, _, comment in columns)
    assert table_comments["comments"] == "One row per reader comment."


def test_duckdb_orphan_refused_by_foreign_key(
    frames: dict[str, pd.DataFrame], publish, tmp_path: Path
) -> None:
    db = publish(frames)
    orphan = frames["comments"].iloc[:1].assign(comment_id="com_orphan", article_id="art_missing")
    broken = {**frames, "comments": pd.concat([frames["comments"], orphan], ignore_index=True)}
    write_tables(broken, tmp_path / "warehouse" / "parquet", run_id="run_2", schema_version="1")
    with pytest.raises(duckdb.ConstraintException, match="foreign key"):
        load_warehouse(tmp_path / "warehouse" / "parquet", db, run={**_run("run_2")})
    with open_readonly(db) as con:  # the previous warehouse is untouched
        assert con.execute("select count(*) from comments").fetchall() == [(len(frames["comments"]),)]
    assert sorted(p.name for p in db.parent.glob("*.duckdb*")) == ["aidebate.duckdb", "aidebate.duckdb.lock"]


def test_duckdb_comment_threads_gives_paths(frames: dict[str, pd.DataFrame], publish) -> None:
    with open_readonly(publish(frames)) as con:
        rows = con.execute(
            "select author, path, depth, path_authors from comment_threads order by position"
        ).fetchall()
    assert rows == [
        ("reader_one", "1", 0, ["reader_one"]),
        ("reader_two", "1/2", 1, ["reader_one", "reader_two"]),
        ("reader_three", "1/2/3", 2, ["reader_one", "reader_two", "reader_three"]),
        ("reader_four", "4", 0, ["reader_four"]),
    ]


def test_duckdb_claim_variants_side_by_side(frames: dict[str, pd.DataFrame], publish) -> None:
    with open_readonly(publish(frames)) as con:
        rows = con.execute(
            "select text, n_members, is_longest, similarity, coverage, diff from claim_variants "
            "order by is_longest desc"
        ).fetchall()
    assert rows[0] == ("The bridge will open in May.", 2, True, 1.0, 1.0, "")
    text, n_members, is_longest, similarity, coverage, diff = rows[1]
    assert (text, n_members, is_longest, similarity, diff) == ("The bridge will open", 2, False, 1.0, "")
    assert 0 < coverage < 1  # four of the longest text's six words


def test_duckdb_every_view_column_is_commented(frames: dict[str, pd.DataFrame], publish) -> None:
    with open_readonly(publish(frames)) as con:
        views = con.execute("select view_name, comment from duckdb_views() where not internal").fetchall()
        columns = con.execute(
            "select table_name, column_name, comment from duckdb_columns() "
            "where table_name in (select view_name from duckdb_views() where not internal)"
        ).fetchall()
    assert views and all(comment for _, comment in views)
    assert columns and [c for c in columns if not c[2]] == []


def test_duckdb_claims_by_speaker_counts(frames: dict[str, pd.DataFrame], publish) -> None:
    with open_readonly(publish(frames)) as con:
        rows = con.execute(
            "select speaker_name, claim_count, article_count from claims_by_speaker order by speaker_name"
        ).fetchall()
    assert rows == [("City Council", 1, 1), ("Maria Okafor", 2, 2)]


def test_duckdb_switch_leaves_previous_readable(frames: dict[str, pd.DataFrame], publish) -> None:
    db = publish(frames, run_id="run_1")
    with open_readonly(db) as old:
        publish(frames, run_id="run_2")  # a reader is connected the whole time
        assert old.execute("select list(run_id) from runs").fetchall() == [(["run_1"],)]
    with open_readonly(db) as new:
        assert new.execute("select list(run_id order by run_id) from runs").fetchall() == [
            (["run_1", "run_2"],)
        ]


def test_duckdb_runs_row_counts_what_was_loaded(frames: dict[str, pd.DataFrame], publish) -> None:
    with open_readonly(publish(frames)) as con:
        (counts,) = con.execute("select row_counts from runs").fetchall()[0]
    assert json.loads(counts)["comments"] == len(frames["comments"])


def test_duckdb_concurrent_build_refused(frames: dict[str, pd.DataFrame], publish, tmp_path: Path) -> None:
    db = publish(frames)
    with (db.parent / "aidebate.duckdb.lock").open("a") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(errors.WarehouseLocked):
            load_warehouse(db.parent / "parquet", db, run=_run("run_2"))


def test_duckdb_open_readonly_missing_warehouse_raises(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no warehouse"):
        open_readonly(tmp_path / "none.duckdb")


def test_duckdb_run_with_unknown_key_refused(frames: dict[str, pd.DataFrame], publish) -> None:
    db = publish(frames)
    with pytest.raises(ValueError, match="typo_key"):
        load_warehouse(db.parent / "parquet", db, run={**_run("run_2"), "typo_key": 1})


def _run(run_id: str) -> dict[str, object]:
    return {
        "run_id": run_id,
        "started_at": pd.Timestamp("2025-01-01", tz="UTC"),
        "status": "succeeded",
        "counts": {"pages_in": 2, "pages_loaded": 2, "pages_rejected": 0, "pages_duplicate": 0},
        "code_version": "test",
    }
