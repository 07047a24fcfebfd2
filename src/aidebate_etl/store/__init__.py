"""Validated frames go to Parquet files (parquet.py), then a DuckDB warehouse built on them (duckdb.py)."""

from aidebate_etl.store.duckdb import load_warehouse, open_readonly
from aidebate_etl.store.parquet import read_table, write_tables

__all__ = ["load_warehouse", "open_readonly", "read_table", "write_tables"]
