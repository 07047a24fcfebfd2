"""Validated frames -> one ``<table>.parquet`` per table, switched in as one set: no reader sees half a run.

Layout beside ``parquet_dir`` (e.g. ``warehouse/parquet``)::

    warehouse/
      parquet -> runs/<run_id>/parquet      symlink, replaced atomically at the end of each write
      runs/<run_id>/parquet/<table>.parquet
      runs/<run_id>/.parquet.tmp-<pid>/     staging folder while a run writes (gone once switched in)

Every file is written into the staging folder and fsynced, the folder is renamed to its final name,
and only then does a new symlink replace ``parquet`` through ``os.replace`` (rename(2), atomic on POSIX).
A reader that resolved ``parquet`` before the switch keeps the old, complete set; the previous
``KEEP_RUNS - 1`` sets stay on disk for readers still holding them.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from collections.abc import Mapping
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from aidebate_etl import crashpoints, tables

__all__ = ["ARROW_TYPES", "KEEP_RUNS", "arrow_schema", "read_table", "switch_tables", "write_tables"]

ARROW_TYPES: dict[str, pa.DataType] = {
    "string": pa.string(),
    "int64": pa.int64(),
    "float64": pa.float64(),
    "timestamp_utc": pa.timestamp("us", tz="UTC"),
    "list_string": pa.list_(pa.string()),
    "boolean": pa.bool_(),
}

# Run folders kept on disk, the live one included: enough for a reader who resolved the symlink one or
# two runs ago to finish, without the warehouse growing by a full copy per run.
KEEP_RUNS = 3

_META_PREFIX = "aidebate."


def arrow_schema(name: str, *, run_id: str, schema_version: str) -> pa.Schema:
    """The Arrow schema of a table: types and nullability from tables.py, descriptions as metadata."""
    model = tables.TABLES[name]
    fields = [
        pa.field(
            spec.name,
            ARROW_TYPES[spec.logical_type],
            nullable=spec.nullable,
            metadata={"description": spec.description},
        )
        for spec in tables.column_specs(model)
    ]
    metadata = {
        _META_PREFIX + "table": name,
        _META_PREFIX + "description": model.to_schema().description or "",
        _META_PREFIX + "run_id": run_id,
        _META_PREFIX + "schema_version": schema_version,
    }
    return pa.schema(fields, metadata=metadata)


def write_tables(
    frames: Mapping[str, pd.DataFrame],
    parquet_dir: Path,
    *,
    run_id: str,
    schema_version: str,
    keep_runs: int = KEEP_RUNS,
    switch: bool = True,
) -> dict[str, Path]:
    """Write every frame as ``<table>.parquet`` and switch ``parquet_dir`` to the new set atomically.

    Returns each table's file under its run folder (the resolved path, which later runs do not change).
    ``switch=False`` leaves ``parquet_dir`` on the previous set: the caller switches with
    ``switch_tables`` once everything built from the new set (the DuckDB file) is in place too.
    """
    unknown = sorted(set(frames) - set(tables.TABLES))
    if unknown:
        raise ValueError(f"no such table: {unknown}")
    run_dir = parquet_dir.parent / "runs" / _folder_name(run_id)
    run_dir.mkdir(parents=True, exist_ok=True)
    staging = run_dir / f".parquet.tmp-{os.getpid()}"
    if staging.exists():
        shutil.rmtree(staging)  # left by a crashed run of this same process id
    staging.mkdir()
    try:
        for name, frame in frames.items():
            _write_file(name, frame, staging / f"{name}.parquet", run_id, schema_version)
        crashpoints.reached("parquet_staged")
        final = _free_name(run_dir, "parquet")
        os.rename(staging, final)
        _fsync_dir(run_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if switch:
        switch_tables(parquet_dir, final, keep_runs=keep_runs)
    return {name: final / f"{name}.parquet" for name in frames}


def switch_tables(parquet_dir: Path, folder: Path, *, keep_runs: int = KEEP_RUNS) -> None:
    """Point ``parquet_dir`` at ``folder`` (a set write_tables wrote) in one rename; prune old sets."""
    _switch_link(parquet_dir, folder)
    crashpoints.reached("parquet_switched")
    _prune(parquet_dir.parent / "runs", keep=max(keep_runs, 1), live=folder)


def _write_file(name: str, frame: pd.DataFrame, path: Path, run_id: str, schema_version: str) -> None:
    schema = arrow_schema(name, run_id=run_id, schema_version=schema_version)
    if list(frame.columns) != schema.names:
        raise ValueError(f"{name}: columns {list(frame.columns)} differ from the contract's {schema.names}")
    table = pa.Table.from_pandas(frame, schema=schema, preserve_index=False)
    for field, column in zip(schema, table.columns, strict=True):
        # Arrow does not enforce nullable=False; a null here would break the file's own schema.
        if not field.nullable and column.null_count:
            raise ValueError(f"{name}.{field.name}: {column.null_count} nulls in a non-nullable column")
    table = table.replace_schema_metadata(schema.metadata)  # drop pandas' own metadata blob
    pq.write_table(table, path, compression="zstd")
    with path.open("rb") as f:
        os.fsync(f.fileno())


def _folder_name(run_id: str) -> str:
    safe = re.sub(r"[^A-Za-z0-9._-]", "_", run_id).lstrip(".")
    if safe != run_id or not safe:
        # Keep distinct run ids in distinct folders even when cleaning made them alike.
        safe = f"{safe}-{hashlib.sha256(run_id.encode('utf-8')).hexdigest()[:8]}"
    return safe


def _free_name(folder: Path, stem: str) -> Path:
    candidate, n = folder / stem, 1
    while candidate.exists():  # the same run id written twice: never touch the set that may be live
        n += 1
        candidate = folder / f"{stem}-{n}"
    return candidate


def _switch_link(link: Path, target: Path) -> None:
    relative = Path(os.path.relpath(target, link.parent))  # the warehouse folder can move as a whole
    tmp_link = link.with_name(f".{link.name}.tmp-{os.getpid()}")
    tmp_link.unlink(missing_ok=True)
    os.symlink(relative, tmp_link, target_is_directory=True)
    if link.is_dir() and not link.is_symlink():
        # A plain folder from an older layout: move it aside once (not atomic, happens only once).
        os.rename(link, _free_name(link.parent / "runs", f"legacy-{link.name}"))
    os.replace(tmp_link, link)
    _fsync_dir(link.parent)


def _prune(runs_dir: Path, *, keep: int, live: Path) -> None:
    sets = [p for p in runs_dir.glob("*/parquet*") if p.is_dir() and not p.name.startswith(".")]
    sets.sort(key=lambda p: (p.stat().st_mtime_ns, p.parent.name, p.name), reverse=True)
    others = [p for p in sets if p.resolve() != live.resolve()]
    kept = {live.resolve()} | {p.resolve() for p in others[: keep - 1]}
    for old in sets:
        if old.resolve() in kept:
            continue
        shutil.rmtree(old)
        if not any(old.parent.iterdir()):  # other files a run left beside its Parquet stay
            old.parent.rmdir()


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def read_table(parquet_dir: Path, name: str) -> pd.DataFrame:
    """Read one table back, typed like the frames it was written from (lists as lists)."""
    path = parquet_dir / f"{name}.parquet"
    if not path.exists() and (parquet_dir / name).is_dir():
        path = parquet_dir / name  # the contract also allows a folder of part files
    table = pq.read_table(path)
    frame = table.to_pandas(types_mapper={pa.int64(): pd.Int64Dtype()}.get)
    specs = tables.column_specs(tables.TABLES[name])
    for spec in specs:
        if spec.logical_type == "list_string":
            frame[spec.name] = [None if v is None else list(v) for v in frame[spec.name]]
    return frame[[s.name for s in specs]].astype(tables.frame_dtypes(tables.TABLES[name]))
