"""schemas/ == tables.py == what was written: the exported contract, the DuckDB DDL and real Parquet files."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from aidebate_etl import ids, tables
from aidebate_etl.frames import build_frames
from aidebate_etl.pipeline import with_derived_tables
from aidebate_etl.records import PageResult, PageStructure, ParsedComment, Resolution, SourceRecord
from aidebate_etl.store.duckdb import DDL_PATH, DUCKDB_TYPES, LOADED_TABLES
from aidebate_etl.store.parquet import ARROW_TYPES, write_tables
from aidebate_etl.validate import validate_frames

CONTRACT_DIR = Path(__file__).resolve().parent.parent / "schemas" / "contract"


@pytest.fixture(scope="module")
def ddl() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute(DDL_PATH.read_text(encoding="utf-8"))
    return con


@pytest.mark.parametrize("name", list(tables.TABLES))
def test_contract_export_equals_committed(name: str) -> None:
    committed = (CONTRACT_DIR / f"{name}.json").read_text(encoding="utf-8")
    assert committed == tables.contract_json(tables.TABLES[name]), (
        "schemas/contract is stale: run `python -m aidebate_etl.tables --export schemas/contract`"
    )


def test_contract_export_has_no_stray_tables() -> None:
    assert sorted(p.stem for p in CONTRACT_DIR.glob("*.json")) == sorted(tables.TABLES)


def test_contract_export_writes_every_table(tmp_path: Path) -> None:
    assert [p.name for p in tables.export_contract(tmp_path)] == [f"{n}.json" for n in tables.TABLES]


@pytest.mark.parametrize("name", list(tables.TABLES))
def test_contract_every_table_and_column_is_described(name: str) -> None:
    model = tables.TABLES[name]
    assert (model.to_schema().description or "").startswith("One row per")
    assert all(spec.description for spec in tables.column_specs(model))


@pytest.mark.parametrize("name", list(tables.TABLES))
def test_contract_ddl_columns_equal_model(ddl: duckdb.DuckDBPyConnection, name: str) -> None:
    actual = ddl.execute(
        "select column_name, data_type, is_nullable from duckdb_columns() where table_name = ? "
        "order by column_index",
        [name],
    ).fetchall()
    expected = [
        (s.name, DUCKDB_TYPES[s.logical_type], s.nullable) for s in tables.column_specs(tables.TABLES[name])
    ]
    assert actual == expected


def test_contract_ddl_tables_equal_models(ddl: duckdb.DuckDBPyConnection) -> None:
    actual = {row[0] for row in ddl.execute("select table_name from duckdb_tables()").fetchall()}
    assert actual == set(tables.TABLES)


@pytest.mark.parametrize("name", list(tables.TABLES))
def test_contract_ddl_primary_key_equals_model(ddl: duckdb.DuckDBPyConnection, name: str) -> None:
    (columns,) = ddl.execute(
        "select constraint_column_names from duckdb_constraints() "
        "where table_name = ? and constraint_type = 'PRIMARY KEY'",
        [name],
    ).fetchall()[0]
    assert tuple(columns) == tables.primary_key(tables.TABLES[name])


def test_contract_ddl_foreign_keys_equal_references(ddl: duckdb.DuckDBPyConnection) -> None:
    rows = ddl.execute(
        "select table_name, constraint_column_names, referenced_table, referenced_column_names "
        "from duckdb_constraints() where constraint_type = 'FOREIGN KEY'"
    ).fetchall()
    actual = {(t, c[0], pt, pc[0]) for t, c, pt, pc in rows}
    # sources.article_id is documented lineage, not a key: a file whose article failed still names it.
    expected = {(r.table, r.column, r.parent_table, r.parent_column) for r in tables.references()}
    assert actual == expected


def test_contract_ddl_views_exist(ddl: duckdb.DuckDBPyConnection) -> None:
    views = {
        row[0] for row in ddl.execute("select view_name from duckdb_views() where not internal").fetchall()
    }
    # claim_variants is a table (tables.ClaimVariants): its similarity and diff come from Python.
    assert views == {"claims_by_speaker", "comment_threads"}


def _written(tmp_path: Path) -> dict[str, Path]:
    sha = "e" * 64
    article = ids.article_id(sha)
    structure = PageStructure(
        title="T", subtitle=None, paragraphs=("p",), comments=(ParsedComment(1, 0, None, "u", "c"),)
    )
    result = PageResult(SourceRecord("p.txt", sha, 1, "loaded", encoding="utf-8"), article, structure)
    frames, rejects = validate_frames(build_frames([result], Resolution(), "r"), "r")
    return write_tables(
        {**with_derived_tables(frames), "rejects": rejects},
        tmp_path / "parquet",
        run_id="r",
        schema_version="1",
    )


def test_contract_parquet_written_has_model_columns_and_types(tmp_path: Path) -> None:
    written = _written(tmp_path)
    assert sorted(written) == sorted(LOADED_TABLES)
    for name, path in written.items():
        schema = pq.read_schema(path)
        actual = [(f.name, f.type, f.nullable) for f in schema]
        expected = [
            (s.name, ARROW_TYPES[s.logical_type], s.nullable)
            for s in tables.column_specs(tables.TABLES[name])
        ]
        assert actual == expected, name


def test_contract_parquet_written_carries_schema_version(tmp_path: Path) -> None:
    for path in _written(tmp_path).values():
        assert pq.read_schema(path).metadata[b"aidebate.schema_version"] == b"1"
