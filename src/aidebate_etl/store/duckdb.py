"""Parquet -> a new DuckDB warehouse file, switched in over the old one so readers are never locked out.

DuckDB lets one process write a file, and a writer locks readers out. So a run never writes the live
file: it builds ``<db>.tmp-<run>`` beside it in one transaction (DDL from ``schemas/duckdb.sql``,
``COMMENT ON`` from tables.py, every table from its Parquet file, the run history plus this run),
checkpoints and closes it, then ``os.replace``s it over ``<db>`` (rename(2): atomic on POSIX). A reader
that opened the old file keeps reading it; the next connection gets the new one. The warehouse lock
(store/lock.py) keeps two runs from building at once, since the second would drop the first one's
``runs`` row; a run that already holds it (``pipeline.warehouse_lock``) is not asked again.

SQL here is built only from identifiers declared in tables.py (checked against ``_IDENTIFIER``) and our
own description texts; file names, paths and page text always travel as bound parameters or as data
inside Parquet files, never pasted into a statement.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Mapping
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from aidebate_etl import crashpoints, errors, tables
from aidebate_etl.store.lock import held_for, warehouse_lock

__all__ = [
    "DDL_PATH",
    "DUCKDB_TYPES",
    "LOADED_TABLES",
    "comment_statements",
    "load_warehouse",
    "open_readonly",
]


def _find_ddl() -> Path:
    """The hand-written DDL: inside the package when installed from a wheel (pyproject force-includes
    ``schemas/`` as ``aidebate_etl/schemas/``), else in the source tree beside ``src/`` (editable
    install, or running from a checkout)."""
    package = Path(__file__).resolve().parents[1]
    candidates = (package / "schemas" / "duckdb.sql", package.parents[1] / "schemas" / "duckdb.sql")
    for path in candidates:
        if path.is_file():
            return path
    raise FileNotFoundError(f"schemas/duckdb.sql not found; looked in {[str(c) for c in candidates]}")


DDL_PATH = _find_ddl()

DUCKDB_TYPES = {
    "string": "VARCHAR",
    "int64": "BIGINT",
    "float64": "DOUBLE",
    "timestamp_utc": "TIMESTAMP WITH TIME ZONE",
    "list_string": "VARCHAR[]",
    "boolean": "BOOLEAN",
}

# Tables read from Parquet, parents first; ``runs`` is the loader's own history.
LOADED_TABLES = tuple(name for name in tables.TABLES if name != "runs")

_IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]*$")


def open_readonly(db_path: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the warehouse (never blocks, nor is blocked by, a running build)."""
    if not db_path.is_file():
        raise FileNotFoundError(f"no warehouse at {str(db_path)!r}; run the pipeline first")
    return duckdb.connect(str(db_path), read_only=True)


def load_warehouse(
    parquet_dir: Path, db_path: Path, *, run: Mapping[str, Any], ddl_path: Path = DDL_PATH
) -> None:
    """Build a new warehouse from ``parquet_dir`` and switch it in over ``db_path``.

    ``run`` holds this run's ``runs`` row (tables.Runs columns). ``pages_*`` may instead come inside a
    ``counts`` dict (``RunInfo.as_row()``); ``finished_at`` (now), ``schema_version`` and ``row_counts``
    (rows loaded per table) are filled in when absent. Earlier runs' rows are carried over.
    Raises ``errors.WarehouseLocked`` when another run holds the warehouse, ``duckdb.ConstraintException``
    when a key or reference is violated (the live warehouse is then untouched).
    """
    # Resolve once: a concurrent write_tables switching the symlink must not mix two runs' files.
    source = parquet_dir.resolve()
    missing = [name for name in LOADED_TABLES if not (source / f"{name}.parquet").is_file()]
    if missing:
        raise FileNotFoundError(f"{str(parquet_dir)!r} lacks {', '.join(m + '.parquet' for m in missing)}")
    ddl = ddl_path.read_text(encoding="utf-8")
    db_path.parent.mkdir(parents=True, exist_ok=True)
    run_id = str(run["run_id"])
    # A run that took the lock at its start (pipeline.warehouse_lock) holds it already, possibly from
    # another process when this is a Dask worker; anyone else must take it here.
    holding = held_for(db_path.parent, run_id)
    with nullcontext() if holding else warehouse_lock(db_path.parent, run_id=run_id):
        history = _previous_runs(db_path)
        tmp = db_path.with_name(f"{db_path.name}.tmp-{_file_safe(str(run['run_id']))}")
        _remove_database(tmp)
        try:
            # One thread: the load is a few bulk inserts from Parquet, as fast on one thread as on
            # all (0.6 s at 2,000 pages), and each extra thread's buffers came on top of the run's
            # peak memory (~25 MB at 2,000 pages, measured with getrusage).
            con = duckdb.connect(str(tmp), config={"threads": 1})
            try:
                con.execute("BEGIN TRANSACTION")
                con.execute(ddl)
                for statement in comment_statements():
                    con.execute(statement)
                counts = {
                    name: _insert_table(con, name, source / f"{name}.parquet") for name in LOADED_TABLES
                }
                _insert_runs(con, history, _run_row(run, counts))
                con.execute("COMMIT")
                con.execute("CHECKPOINT")  # everything into the main file, so no .wal travels separately
            finally:
                con.close()
            crashpoints.reached("duckdb_built")
            os.replace(tmp, db_path)
            _fsync_dir(db_path.parent)
        except BaseException:
            _remove_database(tmp)
            raise


def comment_statements() -> list[str]:
    """``COMMENT ON`` for every table and column, from the tables.py descriptions."""
    # DuckDB takes no parameters in COMMENT ON; the texts are our own constants, quoted as literals.
    out = []
    for name, model in tables.TABLES.items():
        out.append(f"COMMENT ON TABLE {_ident(name)} IS {_literal(model.to_schema().description or '')}")
        for spec in tables.column_specs(model):
            out.append(
                f"COMMENT ON COLUMN {_ident(name)}.{_ident(spec.name)} IS {_literal(spec.description)}"
            )
    return out


def _insert_table(con: duckdb.DuckDBPyConnection, name: str, path: Path) -> int:
    columns = ", ".join(_ident(s.name) for s in tables.column_specs(tables.TABLES[name]))
    table = _ident(name)
    self_refs = [r for r in tables.references() if r.table == name and r.parent_table == name]
    if not self_refs:
        con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM read_parquet(?)", [str(path)])
    else:
        _insert_by_generation(con, name, path, columns, self_refs)
    return _scalar(con, f"SELECT count(*) FROM {table}")


def _insert_by_generation(
    con: duckdb.DuckDBPyConnection, name: str, path: Path, columns: str, self_refs: list[tables.Reference]
) -> None:
    # DuckDB checks a foreign key against the table as it was before the statement, so a reply cannot
    # arrive in the same INSERT as its parent: insert top-level rows, then their replies, and so on.
    table = _ident(name)
    key = _ident(tables.primary_key(tables.TABLES[name])[0])
    staged = f"_staged_{name}"
    con.execute(f"CREATE TEMP TABLE {staged} AS SELECT {columns} FROM read_parquet(?)", [str(path)])
    ready = " AND ".join(
        f"({_ident(r.column)} IS NULL OR {_ident(r.column)} IN (SELECT {key} FROM {table}))"
        for r in self_refs
    )
    pending = f"{key} NOT IN (SELECT {key} FROM {table})"
    while True:
        inserted = _scalar(
            con, f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {staged} WHERE {pending} AND {ready}"
        )
        if not inserted:
            break
    # Whatever is left points at no row: inserting it raises DuckDB's own foreign-key error.
    con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {staged} WHERE {pending}")
    con.execute(f"DROP TABLE {staged}")


def _scalar(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> Any:
    # DuckDB 2 refuses new work on a connection while a result is partly read: always read it all.
    return con.execute(sql, params or []).fetchall()[0][0]


_PAGE_COUNTS = (
    "pages_in",
    "pages_loaded",
    "pages_rejected",
    "pages_duplicate",
    "pages_extracted",
    "pages_cached",
)


def _run_row(run: Mapping[str, Any], counts: Mapping[str, int]) -> pd.DataFrame:
    """The ``runs`` row: ``run`` as given, page counts also taken from a ``counts`` dict, defaults filled."""
    row = dict(run)
    given_counts = row.pop("counts", None) or {}
    for name in _PAGE_COUNTS:
        row.setdefault(name, given_counts.get(name))
    if row.get("finished_at") is None:
        row["finished_at"] = dt.datetime.now(dt.UTC)
    row.setdefault("schema_version", tables.SCHEMA_VERSION)
    # What the warehouse holds is the truth about volumes, whatever the caller counted before loading.
    row.setdefault("row_counts", dict(counts))
    for name in ("row_counts", "stage_seconds"):
        if row.get(name) is not None and not isinstance(row[name], str):
            row[name] = json.dumps(dict(row[name]), sort_keys=True)
    unknown = sorted(set(row) - set(tables.frame_dtypes(tables.Runs)))
    if unknown:
        raise ValueError(f"run has keys the runs table does not know: {unknown}")
    frame = tables.frame_of(tables.Runs, [row])
    return tables.Runs.validate(frame, lazy=True)


def _insert_runs(con: duckdb.DuckDBPyConnection, history: pa.Table | None, current: pd.DataFrame) -> None:
    if history is not None and history.num_rows:
        con.register("_previous_runs", history)
        con.execute(
            "INSERT INTO runs BY NAME SELECT * FROM _previous_runs WHERE run_id <> ?",
            [str(current["run_id"].iloc[0])],
        )
        con.unregister("_previous_runs")
    con.register("_current_run", current)
    con.execute("INSERT INTO runs BY NAME SELECT * FROM _current_run")
    con.unregister("_current_run")


def _previous_runs(db_path: Path) -> pa.Table | None:
    if not db_path.exists():
        return None
    try:
        con = duckdb.connect(str(db_path), read_only=True)
    except duckdb.IOException as exc:
        # Someone opened the live file for writing (a run never does): its history cannot be read safely.
        raise errors.WarehouseLocked(f"{str(db_path)!r} is held open for writing: {exc}") from exc
    try:
        return con.sql("SELECT * FROM runs").to_arrow_table()
    finally:
        con.close()


def _remove_database(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + ".wal")):
        leftover.unlink(missing_ok=True)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _file_safe(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]", "_", text)


def _ident(name: str) -> str:
    # Table and column names come from tables.py, never from input data; refuse anything unexpected.
    if not _IDENTIFIER.match(name):
        raise ValueError(f"not a plain SQL identifier: {name!r}")
    return f'"{name}"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
