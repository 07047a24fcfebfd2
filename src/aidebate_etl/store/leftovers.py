"""What a killed writer leaves behind, found by name and removed by the next writer that takes the lock.

Every file a run writes is first written under a temporary name and renamed into place, so a kill leaves
only temporary names, which no reader ever opens:

    aidebate.duckdb.tmp-<run>[.wal]     a DuckDB file being built      (store/duckdb.py)
    .parquet.tmp-<pid>                  the new ``parquet`` symlink    (store/parquet.py)
    runs/<run>/.parquet.tmp-<pid>/      Parquet files being written    (store/parquet.py)
    cache/**/.<sha>.pickle.tmp-*        a cache entry being written    (cache.py)

Only call this while holding the warehouse lock: then none of them can belong to a live run.
"""

from __future__ import annotations

import shutil
from pathlib import Path

__all__ = ["remove_leftovers"]


def remove_leftovers(warehouse: Path, db_name: str = "aidebate.duckdb") -> list[Path]:
    """Remove what crashed runs left in ``warehouse``; returns what was removed."""
    warehouse = Path(warehouse)
    if not warehouse.is_dir():
        return []
    found = [*warehouse.glob(f"{db_name}.tmp-*"), *warehouse.glob(".*.tmp-*")]
    runs = warehouse / "runs"
    if runs.is_dir():
        found += runs.glob("*/.parquet.tmp-*")
    cache = warehouse / "cache"
    if cache.is_dir():
        found += cache.glob("*/*/.*.tmp-*")
    for path in found:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    if runs.is_dir():
        for run_dir in runs.iterdir():
            # A run killed before its Parquet set was complete left only its (now removed) staging folder.
            if run_dir.is_dir() and not any(run_dir.iterdir()):
                run_dir.rmdir()
    return found
