"""The ETL as a Prefect flow: one task per stage, per-page work in batches, a summary artifact.

All decisions about data live in `aidebate_etl.pipeline`; this module only wires its stages into tasks.
Retries sit on the I/O stages only: extraction is deterministic, so retrying it would fail the same way.
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

from aidebate_etl import pipeline, progress
from aidebate_etl.records import PageResult, Resolution, SourceRecord

# Pages per task run: a task costs ~5 ms client-side plus server bookkeeping, so tasks must be coarse;
# 25 pages (~1-2 s of extraction) keeps that overhead near 1 % while still spreading work over workers.
DEFAULT_BATCH_SIZE = 25

# Large in-memory values (page results, frames) are passed wrapped in `quote()` so Prefect does not walk
# them looking for futures, and tasks use NO_CACHE because hashing them for a cache key costs more than
# the work (the page cache keyed by sha256 is the product's own, see the README).
_TASK = {"cache_policy": NO_CACHE}


@task(name="plan_sources", retries=2, retry_delay_seconds=[1, 5], **_TASK)
def plan_sources(source_dir: Path) -> pipeline.SourcePlan:
    return pipeline.plan_sources(source_dir)


@task(name="process_pages", **_TASK)
def process_pages(paths: list[Path]) -> list[PageResult]:
    return pipeline.process_pages(paths)


@task(name="resolve_pages", **_TASK)
def resolve_pages(results: list[PageResult]) -> Resolution:
    return pipeline.resolve_pages(results)


@task(name="build_tables", **_TASK)
def build_tables(
    results: list[PageResult], duplicates: tuple[SourceRecord, ...], resolution: Resolution, run: Any
) -> tuple[dict, Any]:
    return pipeline.build_tables(results, duplicates, resolution, run)


@task(name="publish_tables", retries=2, retry_delay_seconds=[2, 10], **_TASK)
def publish_tables(frames: dict, rejects: Any, warehouse: Path, run: Any) -> dict[str, Path]:
    return pipeline.publish_tables(frames, rejects, warehouse, run)


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
    log = get_run_logger()
    source_dir, warehouse_dir = Path(source), Path(warehouse)
    if not source_dir.is_dir():
        raise FileNotFoundError(f"source folder not found: {source_dir}")
    run = pipeline.RunInfo.start(source_dir, warehouse_dir)
    clock = time.perf_counter()

    def lap(stage: str, detail: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        run.stage_seconds[stage] = round(now - clock, 3)
        clock = now
        log.info("stage %s: %s in %.2f s", stage, detail, run.stage_seconds[stage])

    plan = plan_sources(source_dir)
    lap("plan_sources", f"{len(plan.paths)} to process, {len(plan.duplicates)} duplicates")

    progress.start(plan.files_in)
    progress.advance(len(plan.duplicates))
    futures = [process_pages.submit(batch) for batch in _batches(plan.paths, batch_size)]
    results: list[PageResult] = []
    for future in as_completed(futures):
        batch = future.result()
        results.extend(batch)
        progress.advance(len(batch))
    lap("process_pages", f"{len(results)} pages in {len(futures)} batches")

    resolution = resolve_pages(quote(results))
    lap(
        "resolve_pages",
        f"{len(resolution.people)} people, {len(set(resolution.claim_group_of.values()))} groups",
    )

    frames, rejects = build_tables(quote(results), plan.duplicates, quote(resolution), run)
    run.finish(results, plan.duplicates, frames, rejects)
    lap("build_tables", ", ".join(f"{k} {v}" for k, v in pipeline.row_counts(frames).items()))

    publish_tables(quote(frames), quote(rejects), warehouse_dir, run)
    lap("publish_tables", f"warehouse {warehouse_dir}")

    create_markdown_artifact(
        key="aidebate-etl-run-summary",
        markdown=_summary_markdown(run),
        description="aidebate-etl run summary",
    )
    return run.as_row() | {
        "started_at": run.started_at.isoformat(),
        "finished_at": run.finished_at.isoformat(),
    }


if __name__ == "__main__":
    etl()
