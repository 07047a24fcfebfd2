from __future__ import annotations

import os
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from aidebate_etl import tables
from aidebate_etl.store.parquet import read_table, write_tables


@pytest.mark.parametrize(
    "name", ["sources", "articles", "comments", "people", "mentions", "claims", "rejects"]
)
def test_parquet_write_then_read_equals_frames(
    tmp_path: Path, frames: dict[str, pd.DataFrame], name: str
) -> None:
    write_tables(frames, tmp_path / "parquet", run_id="r1", schema_version="1")
    pd.testing.assert_frame_equal(read_table(tmp_path / "parquet", name), frames[name])


@pytest.mark.parametrize(
    ("table", "column", "arrow_type", "nullable"),
    [
        ("articles", "image_captions", pa.list_(pa.string()), False),
        ("articles", "subtitle", pa.string(), True),
        ("comments", "position", pa.int64(), False),
        ("comment_quotes", "similarity", pa.float64(), False),
    ],
)
def test_parquet_schema_is_explicit(
    tmp_path: Path,
    frames: dict[str, pd.DataFrame],
    table: str,
    column: str,
    arrow_type: pa.DataType,
    nullable: bool,
) -> None:
    paths = write_tables(frames, tmp_path / "parquet", run_id="r1", schema_version="7")
    field = pq.read_schema(paths[table]).field(column)
    assert (field.type, field.nullable) == (arrow_type, nullable)
    assert field.metadata[b"description"]


def test_parquet_file_metadata_names_run_and_version(tmp_path: Path, frames: dict[str, pd.DataFrame]) -> None:
    paths = write_tables(frames, tmp_path / "parquet", run_id="r1", schema_version="7")
    meta = pq.read_schema(paths["claims"]).metadata
    assert meta[b"aidebate.run_id"] == b"r1"
    assert meta[b"aidebate.schema_version"] == b"7"
    assert meta[b"aidebate.description"].startswith(b"One row per statement")
    assert pq.ParquetFile(paths["claims"]).metadata.row_group(0).column(0).compression == "ZSTD"


def test_parquet_switch_points_link_at_the_new_set(tmp_path: Path, frames: dict[str, pd.DataFrame]) -> None:
    link = tmp_path / "parquet"
    first = write_tables(frames, link, run_id="r1", schema_version="1")
    second = write_tables(frames, link, run_id="r2", schema_version="1")
    assert link.is_symlink()
    assert link.resolve() == second["articles"].parent.resolve()
    # The set a reader resolved before the switch is still whole.
    assert pq.read_table(first["articles"]).num_rows == len(frames["articles"])
    assert not [p for p in tmp_path.rglob("*tmp*")]


def test_parquet_failed_write_keeps_previous_set(tmp_path: Path, frames: dict[str, pd.DataFrame]) -> None:
    link = tmp_path / "parquet"
    write_tables(frames, link, run_id="r1", schema_version="1")
    before = os.readlink(link)
    broken = {**frames, "claims": frames["claims"].drop(columns=["text"])}
    with pytest.raises(ValueError, match="differ from the contract"):
        write_tables(broken, link, run_id="r2", schema_version="1")
    assert os.readlink(link) == before
    assert not [p for p in tmp_path.rglob("*tmp*")]


def test_parquet_prunes_old_runs(tmp_path: Path, frames: dict[str, pd.DataFrame]) -> None:
    for run in ("r1", "r2", "r3"):
        write_tables(frames, tmp_path / "parquet", run_id=run, schema_version="1", keep_runs=2)
    assert sorted(p.name for p in (tmp_path / "runs").iterdir()) == ["r2", "r3"]


def test_parquet_same_run_id_twice_never_overwrites_live_set(
    tmp_path: Path, frames: dict[str, pd.DataFrame]
) -> None:
    first = write_tables(frames, tmp_path / "parquet", run_id="r1", schema_version="1")
    second = write_tables(frames, tmp_path / "parquet", run_id="r1", schema_version="1")
    assert first["people"].parent != second["people"].parent
    assert (tmp_path / "parquet").resolve() == second["people"].parent.resolve()


@pytest.mark.parametrize("run_id", ["../escape", "a/b", "x'; DROP TABLE runs; --"])
def test_parquet_hostile_run_id_stays_inside_runs(
    tmp_path: Path, frames: dict[str, pd.DataFrame], run_id: str
) -> None:
    paths = write_tables(frames, tmp_path / "wh" / "parquet", run_id=run_id, schema_version="1")
    assert paths["articles"].resolve().parent.parent.parent == (tmp_path / "wh" / "runs").resolve()


def test_parquet_refuses_unknown_table(tmp_path: Path, frames: dict[str, pd.DataFrame]) -> None:
    with pytest.raises(ValueError, match="no such table"):
        write_tables(
            {**frames, "extra": frames["people"]}, tmp_path / "parquet", run_id="r", schema_version="1"
        )


def test_parquet_every_table_model_maps_to_arrow() -> None:
    from aidebate_etl.store.parquet import arrow_schema

    for name in tables.TABLES:
        assert arrow_schema(name, run_id="r", schema_version="1").names == list(
            tables.frame_dtypes(tables.TABLES[name])
        )
