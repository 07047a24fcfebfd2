"""``kill -9`` at several points of a real run: the previous warehouse stays whole, the next run completes.

A good warehouse is built from 24 pages; then a run over 30 pages (6 new) is started in a child process
per kill point, stopped there (``crashpoints``: the process says where it is and waits) and sent
SIGKILL. The kill points run in parallel, each on its own copy of the good warehouse. For the points
after extraction the copy's cache already holds the 6 new pages, so those runs go straight to publishing.
"""

from __future__ import annotations

import json
import shutil
import signal
import time
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from aidebate_etl import pipeline, tables
from aidebate_etl.cache import CACHE_DIR
from ops_support import copy_pages, start_pipeline_process

# Where to kill: None = after a short delay, wherever the run is (most likely reading the plan).
POINTS = (
    None,
    "page_extracted",
    "cache_entry_written",
    "parquet_staged",
    "duckdb_built",
    "duckdb_switched",
    "parquet_switched",
)
_EXTRACTING = (None, "page_extracted", "cache_entry_written")
_TABLES = tuple(name for name in tables.TABLES if name != "runs")


def _db_counts(warehouse: Path) -> dict[str, int]:
    with duckdb.connect(str(warehouse / pipeline.DB_NAME), read_only=True) as con:
        return {t: con.execute(f"select count(*) from {t}").fetchall()[0][0] for t in (*_TABLES, "runs")}


def _parquet_counts(warehouse: Path) -> dict[str, int]:
    return {t: pq.read_table(warehouse / "parquet" / f"{t}.parquet").num_rows for t in _TABLES}


def _temp_files(warehouse: Path) -> list[str]:
    return sorted(str(p.relative_to(warehouse)) for p in warehouse.rglob("*") if ".tmp-" in p.name)


@pytest.fixture(scope="module")
def killed(tmp_path_factory: pytest.TempPathFactory) -> dict[str | None, Path]:
    """One warehouse per kill point, each killed at that point of a run over 30 pages."""
    root = tmp_path_factory.mktemp("crash")
    source = root / "pages"
    new_pages = [*copy_pages(source, 24), *copy_pages(source, 6, start=24)][24:]
    warm = root / "warm"  # every page's cache entry, for the runs killed after extraction
    pipeline.run_pipeline(source, warm)
    for page in new_pages:
        page.rename(root / page.name)
    good = root / "good"
    shutil.copytree(warm, good, symlinks=True)
    pipeline.run_pipeline(source, good)  # all cache hits; prunes the 6 entries away in good/ only
    for page in new_pages:
        (root / page.name).rename(page)

    procs = {}
    for i, point in enumerate(POINTS):
        warehouse = root / f"wh{i}"
        shutil.copytree(good, warehouse, symlinks=True)
        if point not in _EXTRACTING:
            shutil.rmtree(warehouse / CACHE_DIR)
            shutil.copytree(warm / CACHE_DIR, warehouse / CACHE_DIR)
        marker = root / f"reached{i}"
        proc = start_pipeline_process(source, warehouse, pause_at=point or "never", marker=marker)
        procs[point] = (proc, marker, warehouse)
    deadline = time.monotonic() + 120
    for point, (proc, marker, _) in procs.items():
        if point is None:
            time.sleep(0.3)
        else:
            while not marker.exists():
                assert proc.exitcode is None, f"run exited ({proc.exitcode}) before {point}"
                assert time.monotonic() < deadline, f"run never reached {point}"
                time.sleep(0.02)
        proc.kill()  # SIGKILL
        proc.join(timeout=30)
        assert proc.exitcode == -signal.SIGKILL
    return {"good": good, "source": source} | {p: w for p, (_, _, w) in procs.items()}


@pytest.mark.parametrize("point", POINTS)
def test_crash_kill_leaves_previous_warehouse_then_next_run_completes(
    killed: dict[str | None, Path], point: str | None
) -> None:
    good, source, warehouse = killed["good"], killed["source"], killed[point]
    expected = _db_counts(good)

    # The previous warehouse, as readers see it right after the kill.
    parquet = _parquet_counts(warehouse)
    if point == "duckdb_switched":
        # Killed between the two renames: DuckDB is already the new run's (with its runs row), Parquet
        # still the previous set. Both whole; the next run brings Parquet level.
        assert _db_counts(warehouse)["runs"] == expected["runs"] + 1
    elif point == "parquet_switched":
        # Both switched: the killed run's warehouse is complete; only pruning was left to do.
        assert _db_counts(warehouse)["articles"] == 30 and parquet["articles"] == 30
    else:
        assert _db_counts(warehouse) == expected  # read_only connect works, every table whole
        assert parquet == {t: expected[t] for t in _TABLES}

    run = pipeline.run_pipeline(source, warehouse)

    assert run.counts["pages_in"] == 30
    final = _db_counts(warehouse)
    published = point in ("duckdb_switched", "parquet_switched")  # the killed run's runs row is in
    assert final["articles"] == 30 and final["runs"] == expected["runs"] + 1 + published
    assert _parquet_counts(warehouse) == {t: final[t] for t in _TABLES}
    assert _temp_files(warehouse) == []
    with duckdb.connect(str(warehouse / pipeline.DB_NAME), read_only=True) as con:
        runs = con.execute("select status, row_counts from runs order by started_at").fetchall()
    assert runs[-1][0] == runs[0][0] != "failed"
    assert json.loads(runs[-1][1])["articles"] == 30
    if point not in _EXTRACTING:
        assert run.counts["pages_extracted"] == 0  # the cache had them: no extraction after the kill
