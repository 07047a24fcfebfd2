"""Real Prefect flow runs (session-scoped test server), read back from the DuckDB file they publish."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest
from flows.etl import etl
from typer.testing import CliRunner

from aidebate_etl.cli import app

pytestmark = pytest.mark.flow


def _add_bad_inputs(pages: Path) -> dict[str, str]:
    """Files a real folder collects, with the status each must end up with."""
    (pages / "empty.txt").write_bytes(b"")
    (pages / "junk.bin").write_bytes(bytes(range(256)) * 8)
    first = sorted(p for p in pages.iterdir() if p.suffix == ".txt" and p.stat().st_size)[0]
    (pages / "zz copy; DROP TABLE sources.txt").write_bytes(first.read_bytes())
    return {"empty.txt": "rejected", "junk.bin": "rejected", "zz copy; DROP TABLE sources.txt": "duplicate"}


def test_flow_etl_accounts_for_every_file_and_loads_duckdb(
    prefect_harness: None, seed_dir: Path, tmp_path: Path
) -> None:
    expected_bad = _add_bad_inputs(seed_dir)
    warehouse = tmp_path / "warehouse"

    summary = etl(source=str(seed_dir), warehouse=str(warehouse), batch_size=1)

    files = sorted(p.name for p in seed_dir.iterdir())
    with duckdb.connect(str(warehouse / "aidebate.duckdb"), read_only=True) as con:
        sources = dict(con.execute("select source_file, status from sources").fetchall())
        n_articles = con.execute("select count(*) from articles").fetchone()[0]
        n_comments = con.execute("select count(*) from comments").fetchone()[0]
        n_claims = con.execute("select count(*) from claims").fetchone()[0]
        runs = con.execute("select run_id, status from runs").fetchall()
    assert sorted(sources) == files
    assert {f: sources[f] for f in expected_bad} == expected_bad
    assert n_articles == sum(1 for s in sources.values() if s == "loaded") == len(files) - len(expected_bad)
    assert n_comments > 0 and n_claims > 0
    assert runs == [(summary["run_id"], "partial")]  # partial: some files were rejected
    assert summary["counts"]["pages_in"] == len(files)


def test_flow_etl_rerun_gives_the_same_ids(prefect_harness: None, seed_dir: Path, tmp_path: Path) -> None:
    def ids(warehouse: Path) -> dict[str, list[tuple]]:
        with duckdb.connect(str(warehouse / "aidebate.duckdb"), read_only=True) as con:
            return {
                table: con.execute(f"select {key} from {table} order by all").fetchall()
                for table, key in (
                    ("articles", "article_id"),
                    ("comments", "comment_id"),
                    ("people", "person_id"),
                    ("claims", "claim_id, claim_group_id"),
                )
            }

    first, second = tmp_path / "one", tmp_path / "two"
    etl(source=str(seed_dir), warehouse=str(first))
    etl(source=str(seed_dir), warehouse=str(second), batch_size=1)
    assert ids(first) == ids(second)
    assert all(ids(first).values())


def test_flow_cli_run_prints_summary_and_exits_zero(
    prefect_harness: None, seed_dir: Path, tmp_path: Path
) -> None:
    (seed_dir / "broken.txt").write_bytes(b"\x00\x01\x02 not a page")
    # A warehouse folder that does not exist yet, parents included, is created.
    command = ["run", "--source", str(seed_dir), "--warehouse", str(tmp_path / "new" / "wh")]
    result = CliRunner().invoke(app, command)
    assert result.exit_code == 0, result.output
    assert "pages rejected" in result.output and "rows in claims" in result.output

    def figure(output: str, name: str) -> int:
        return int(re.search(rf"{name}\W+(\d+)", output).group(1))

    assert figure(result.output, "pages extracted") == 2
    again = CliRunner().invoke(app, command)
    assert again.exit_code == 0, again.output
    # The re-run's summary shows that no page was extracted again.
    assert (figure(again.output, "pages extracted"), figure(again.output, "pages cached")) == (0, 2)


def test_flow_cli_run_missing_source_exits_nonzero(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["run", "--source", str(tmp_path / "nope"), "--warehouse", str(tmp_path)]
    )
    assert result.exit_code == 2
