"""The `aidebate-etl` command: run the ETL, query the warehouse, build the report."""

from __future__ import annotations

import os
import sys
import time
from contextlib import ExitStack
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

app = typer.Typer(
    help="Turn raw text dumps of news pages into articles, comments, people and claims (Parquet + DuckDB).",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
console = Console(stderr=True)
out = Console()

SourceOpt = Annotated[
    Path,
    typer.Option("--source", help="Folder of raw page dumps (*.txt or any text file), one page per file."),
]
WarehouseOpt = Annotated[
    Path,
    typer.Option("--warehouse", help="Output folder: parquet/ (one dataset per table) and aidebate.duckdb."),
]


class Runner(StrEnum):
    """Where the flow's per-page tasks run (flows/runners.py)."""

    default = "default"
    dask = "dask"


def _prefect_defaults(warehouse: Path) -> None:
    """Ephemeral Prefect that works offline on a fresh machine, unless the user configured otherwise.

    Set before Prefect is imported: its settings are read at import time. A first run migrates a new
    database (~20 s), longer than Prefect's default start-up timeout, hence the generous timeout.
    """
    os.environ.setdefault("PREFECT_HOME", str((warehouse / ".prefect").resolve()))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")


class _Bar:
    """Adapts a rich progress bar to aidebate_etl.progress.ProgressHook."""

    def __init__(self, bar: Progress) -> None:
        self._bar = bar
        self._task = bar.add_task("pages", total=None)

    def start(self, total: int) -> None:
        self._bar.update(self._task, total=total)

    def advance(self, n: int) -> None:
        self._bar.advance(self._task, n)


def _summary_table(summary: dict, seconds: float) -> Table:
    counts = summary["counts"]
    table = Table(title=f"aidebate-etl run {summary['run_id']}", show_header=False, title_justify="left")
    table.add_column("figure")
    table.add_column("value", justify="right")
    # extracted vs. cached tells whether a re-run really skipped the work (the cache is per page).
    for key in (
        "pages_in",
        "pages_loaded",
        "pages_rejected",
        "pages_duplicate",
        "pages_extracted",
        "pages_cached",
    ):
        table.add_row(key.replace("_", " "), str(counts.get(key, 0)))
    for key, value in counts.items():
        if key.startswith("rows_"):
            table.add_row(f"rows in {key[5:]}", str(value))
    table.add_row("validation rejects", str(counts.get("rejects", 0)))
    # The per-stage split is what tells a slow run's cause (pages vs. resolution vs. storage) at a glance.
    for stage, stage_seconds in summary.get("stage_seconds", {}).items():
        table.add_row(f"seconds in {stage}", f"{stage_seconds:.1f}")
    table.add_row("seconds", f"{seconds:.1f}")
    table.add_row("warehouse", summary["warehouse_dir"])
    return table


@app.command()
def run(
    source: SourceOpt = Path("seeds"),
    warehouse: WarehouseOpt = Path("warehouse"),
    batch_size: Annotated[int, typer.Option(min=1, help="Pages per Prefect task run.")] = 25,
    runner: Annotated[
        Runner,
        typer.Option(
            help="Where per-page batches run: 'default' (threads in this process) or 'dask' "
            "(a local Dask cluster of --dask-workers processes, or the cluster at --dask-address)."
        ),
    ] = Runner.default,
    dask_address: Annotated[
        str | None,
        typer.Option(
            help="Scheduler of an existing Dask cluster (tcp://host:8786); implies --runner dask. Its "
            "workers must see the source and warehouse folders at the same paths."
        ),
    ] = None,
    dask_workers: Annotated[int, typer.Option(min=1, help="Worker processes of the local cluster.")] = 2,
) -> None:
    """Run the ETL flow over every file in SOURCE and publish the tables to WAREHOUSE.

    Exit code 0 when the run completed, even if some pages were rejected (see the `sources` table for
    each file's status and reason); non-zero only when the run itself could not happen.
    """
    if not source.is_dir():
        console.print(f"[red]error:[/] source folder not found: {source}")
        raise typer.Exit(2)
    from aidebate_etl import errors
    from aidebate_etl.store.lock import run_lock

    started = time.perf_counter()
    with ExitStack() as held:
        # The writer lock comes first, so a second run stops in a second with the holder's pid and run
        # id, not after Prefect has started; the flow's own lock call re-enters it and names the run.
        try:
            held.enter_context(run_lock(warehouse))
        except (errors.WarehouseLocked, OSError) as exc:
            console.print(f"[red]error:[/] {exc}")
            raise typer.Exit(1) from exc
        _prefect_defaults(warehouse)
        from flows.runners import run_etl

        from aidebate_etl import progress

        kind = "dask" if dask_address else runner.value
        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
        with Progress(*columns, console=console, transient=True) as bar, progress.reporting_to(_Bar(bar)):
            summary = run_etl(
                str(source),
                str(warehouse),
                batch_size=batch_size,
                runner=kind,
                dask_address=dask_address,
                dask_workers=dask_workers,
            )
    out.print(_summary_table(summary, time.perf_counter() - started))


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help='A SQL query, e.g. "select * from claims_by_speaker".')],
    warehouse: WarehouseOpt = Path("warehouse"),
    limit: Annotated[int, typer.Option(help="Show at most this many rows.")] = 50,
) -> None:
    """Run a read-only SQL query against the warehouse and print the result as a table."""
    import duckdb

    db = warehouse / "aidebate.duckdb"
    if not db.exists():
        console.print(f"[red]error:[/] no warehouse at {db}; run `aidebate-etl run` first")
        raise typer.Exit(2)
    # Read-only, so the query cannot change the warehouse; it runs as given (it is the user's own SQL)
    # and nothing is pasted into it. A run in progress builds its DuckDB beside this file, so neither
    # blocks the other.
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error as exc:
        console.print(f"[red]error:[/] cannot open {db} read-only: {exc}")
        raise typer.Exit(1) from exc
    with con:
        try:
            cursor = con.execute(query)
            if cursor.description is None:  # a statement with no result set
                return
            columns = [d[0] for d in cursor.description]
            rows = cursor.fetchmany(limit + 1)
        except duckdb.Error as exc:
            console.print(f"[red]error:[/] {exc}")
            raise typer.Exit(1) from exc
    table = Table(*columns, show_lines=False)
    for row in rows[:limit]:
        table.add_row(*("NULL" if v is None else str(v) for v in row))
    out.print(table)
    if len(rows) > limit:
        console.print(f"(first {limit} rows shown; use --limit to see more)")


@app.command()
def report(
    warehouse: WarehouseOpt = Path("warehouse"),
    out_file: Annotated[
        Path | None,
        typer.Option("--out", help="HTML file to write (default: WAREHOUSE/report.html)."),
    ] = None,
) -> None:
    """Write one self-contained HTML page of the warehouse: articles, speakers, claim variants,
    comment threads, people and data quality. It opens offline: the chart library is inlined."""
    import duckdb

    from aidebate_etl.report import write_report

    db = warehouse / "aidebate.duckdb"
    if not db.exists():
        console.print(f"[red]error:[/] no warehouse at {db}; run `aidebate-etl run` first")
        raise typer.Exit(2)
    try:
        path = write_report(warehouse, out_file)
    except duckdb.Error as exc:
        console.print(f"[red]error:[/] cannot read the warehouse: {exc}")
        raise typer.Exit(1) from exc
    out.print(f"report: {path} ({path.stat().st_size / 1e6:.1f} MB)")


def main() -> None:  # pragma: no cover - console-script shim
    sys.exit(app())


if __name__ == "__main__":  # `python -m aidebate_etl.cli …` behaves as the console script
    main()
