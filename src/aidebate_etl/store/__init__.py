"""Validated frames go to Parquet files (parquet.py), then a DuckDB warehouse built on them (duckdb.py).

Nothing is re-exported here, so that importing the light modules (lock.py, leftovers.py) does not load
pyarrow and DuckDB: the CLI takes the writer lock before anything heavy is imported.
"""
