"""The ETL as a Prefect flow: one task per stage, per-page work in batches, a summary artifact.

All decisions about data live in `aidebate_etl` (`pipeline`, `spool`); this module only wires its stages
into tasks. Retries sit on the I/O stages only: extraction is deterministic, so retrying it would fail
the same way.

Per-page batches run on the flow's task runner (threads by default; Dask worker processes with
`flows.runners`) and write their results to a spool file under the warehouse, returning only its path:
the flow process never holds every page's results, so memory stays flat as the folder grows. Cross-page
resolution and the DuckDB load stay single-writer, here in the flow process.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed
from prefect.utilities.annotations import quote

from aidebate_etl import pipeline, progress, spool
from aidebate_etl.cache import PageCache
from aidebate_etl.records import Resolution, SourceRecord

# Pages per task run: a task costs ~5 ms client-side plus server bookkeeping, so tasks must be coarse;
# 25 pages (~1 s of extraction) keeps that overhead near 1 % while still spreading work over workers.
DEFAULT_BATCH_SIZE = 25

# Large in-memory values (resolution, frames) are passed wrapped in `quote()` so Prefect does not walk
# them looking for futures, and tasks use NO_CACHE because hashing them for a cache key costs more than
# the work (the page cache keyed by sha256 is the product's own, see the README).
_TASK = {"cache_policy": NO_CACHE}


@task(name="plan_sources", retries=2, retry_delay_seconds=[1, 5], **_TASK)
def plan_sources(source_dir: Path) -> pipeline.SourcePlan:
    return pipeline.plan_sources(source_dir)


@task(name="process_pages", **_TASK)
def process_pages(paths: list[Path], target: Path, warehouse: Path) -> spool.SpooledBatch:
    return spool.process_batch(paths, target, PageCache.in_warehouse(warehouse))


@task(name="resolve_pages", **_TASK)
def resolve_pages(batches: list[spool.SpooledBatch]) -> Resolution:
    return spool.resolve_batches(batches)


@task(name="build_tables", **_TASK)
def build_tables(
    batches: list[spool.SpooledBatch], duplicates: tuple[SourceRecord, ...], resolution: Resolution, run: Any
) -> tuple[dict, Any]:
    return spool.build_tables(batches, duplicates, resolution, run)


@task(name="publish_tables", retries=2, retry_delay_seconds=[2, 10], **_TASK)
def publish_tables(frames: dict, rejects: Any, warehouse: Path, run: Any) -> dict[str, Path]:
    return pipeline.publish_tables(frames, rejects, warehouse, run)


@task(name="publish_unchanged", retries=2, retry_delay_seconds=[2, 10], **_TASK)
def publish_unchanged(warehouse: Path, run: Any, manifest: dict) -> None:
    pipeline.publish_unchanged(warehouse, run, manifest)


def _batches(paths: tuple[Path, ...], size: int) -> list[list[Path]]:
    return [list(paths[i : i + size]) for i in range(0, len(paths), size)]


def _summary_markdown(run: pipeline.RunInfo) -> str:
    lines = [f"# aidebate-etl run `{run.run_id}`", "", "| figure | value |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in run.counts.items()]
    lines += [f"| seconds in {k} | {v} |" for k, v in run.stage_seconds.items()]
    lines += ["", f"Source `{run.source_dir}` -> warehouse `{run.warehouse_dir}`"]
    return "\n".join(lines)


@flow(name="aidebate-etl", log_prints=False)
def etl(source: str = "seeds", warehouse: str = "warehouse", batch_size: int = DEFAULT_BATCH_SIZE) -> dict:
    """Raw pages in `source` -> articles, comments, people, claims in `warehouse` (Parquet + DuckDB)."""
    source_dir, warehouse_dir = Path(source), Path(warehouse).resolve()
    if not source_dir.is_dir():
        raise FileNotFoundError(f"source folder not found: {source_dir}")
    run = pipeline.RunInfo.start(source_dir, Path(warehouse))
    # One writer per warehouse for the whole run; a second run fails at once (errors.WarehouseLocked).
    with pipeline.warehouse_lock(warehouse_dir, run_id=run.run_id):
        spool.clear(warehouse_dir)  # a killed run's leftovers; no other run can be live now
        _run_stages(run, source_dir, warehouse_dir, batch_size)
    create_markdown_artifact(
        key="aidebate-etl-run-summary",
        markdown=_summary_markdown(run),
        description="aidebate-etl run summary",
    )
    return run.as_row() | {
        "started_at": run.started_at.isoformat(),
        "finished_at": run.finished_at.isoformat(),
    }


def _run_stages(run: pipeline.RunInfo, source_dir: Path, warehouse_dir: Path, batch_size: int) -> None:
    log = get_run_logger()
    clock = time.perf_counter()

    def lap(stage: str, detail: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        run.stage_seconds[stage] = round(now - clock, 3)
        clock = now
        log.info("stage %s: %s in %.2f s", stage, detail, run.stage_seconds[stage])

    plan = plan_sources(source_dir)
    run.inputs = plan.inputs
    lap("plan_sources", f"{len(plan.paths)} to process, {len(plan.duplicates)} duplicates")

    progress.start(plan.files_in)
    # Same files, same code as the live warehouse's publish: its tables are this run's tables.
    manifest = pipeline.unchanged_since_publish(warehouse_dir, plan)
    if manifest is not None:
        progress.advance(plan.files_in)
        for stage in ("process_pages", "resolve_pages", "build_tables"):
            lap(stage, f"nothing changed since {manifest['run_id']}")
        publish_unchanged(warehouse_dir, run, manifest)
        lap("publish_tables", f"runs row added to warehouse {warehouse_dir}")
        return
    progress.advance(len(plan.duplicates))
    spooled = spool.spool_dir(warehouse_dir, run.run_id)
    futures = [
        process_pages.submit(batch, spool.batch_path(spooled, i), warehouse_dir)
        for i, batch in enumerate(_batches(plan.paths, batch_size))
    ]
    for future in as_completed(futures):
        progress.advance(future.result().pages)
    # Submission order is source-file order, which the tables' row order relies on.
    batches = [f.result() for f in futures]
    lap("process_pages", f"{sum(b.pages for b in batches)} pages in {len(batches)} batches")

    resolution = resolve_pages(batches)
    lap(
        "resolve_pages",
        f"{len(resolution.people)} people, {len(set(resolution.claim_group_of.values()))} groups",
    )

    frames, rejects = build_tables(batches, plan.duplicates, quote(resolution), run)
    run.finish(spool.source_results(batches), plan.duplicates, frames, rejects)
    lap("build_tables", ", ".join(f"{k} {v}" for k, v in pipeline.row_counts(frames).items()))

    publish_tables(quote(frames), quote(rejects), warehouse_dir, run)
    spool.discard(spooled)
    lap("publish_tables", f"warehouse {warehouse_dir}")


if __name__ == "__main__":
    etl()
