"""`--runner dask`: a real local Dask cluster (2 worker processes) builds what the default runner builds."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
from flows.runners import run_etl

from aidebate_etl import corpus, pipeline, tables

pytestmark = pytest.mark.flow


def _ids(warehouse: Path) -> dict[str, list[tuple]]:
    """Every id column (`*_id` but the run's own) of every table, as sorted rows."""
    out: dict[str, list[tuple]] = {}
    with duckdb.connect(str(warehouse / pipeline.DB_NAME), read_only=True) as con:
        for table in tables.TABLES:
            if table == "runs":
                continue
            cols = [
                c
                for (c,) in con.execute(
                    "select column_name from duckdb_columns() where table_name = ? order by column_index",
                    [table],
                ).fetchall()
                if (c.endswith("_id") and c != "run_id") or c == "source_file"
            ]
            out[table] = con.execute(f"select {', '.join(cols)} from {table} order by all").fetchall()
    return out


def test_dask_runner_gives_the_same_ids_as_the_default_runner(prefect_harness: None, tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for page in corpus.templates()[:10]:  # ten layouts keep the cluster busy for seconds, not minutes
        shutil.copy(page, pages / page.name)

    default = run_etl(str(pages), str(tmp_path / "default"), batch_size=3)
    dask = run_etl(str(pages), str(tmp_path / "dask"), batch_size=3, runner="dask", dask_workers=2)
    # The library's in-memory path, no Prefect, no spool: the reference both flows must match.
    pipeline.run_pipeline(pages, tmp_path / "library", use_cache=False)

    reference = _ids(tmp_path / "library")
    assert set(reference) >= {"articles", "comments", "people", "mentions", "claims", "sources"}
    assert all(reference[t] for t in ("articles", "claims", "people", "mentions"))
    assert _ids(tmp_path / "default") == reference
    assert _ids(tmp_path / "dask") == reference
    assert dask["counts"] == default["counts"]
    assert not (tmp_path / "dask" / ".spool").exists()  # the spool is gone once the run is published
