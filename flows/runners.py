"""Where the per-page tasks run: threads in the flow process (default) or a Dask cluster.

    run_etl(source, warehouse, runner="dask")                       # local cluster, 2 worker processes
    run_etl(source, warehouse, runner="dask", dask_address="tcp://scheduler:8786")   # existing cluster

`flows/etl.py` stays one flow; the runner is chosen per call with `etl.with_options(task_runner=...)`.

Dask workers run Prefect task runs, so they talk to the Prefect API. With no `PREFECT_API_URL` each
worker process would start its own temporary server on the same SQLite file (STACK.md: 29.5 s for 20
tiny tasks). `shared_api()` instead starts the flow process's temporary server first and runs the flow
with `PREFECT_API_URL` pointing at it; the task runner ships that setting to every worker with each task,
so the whole run talks to one server. Against a real server (`PREFECT_API_URL` set) it does nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Literal

from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

from aidebate_etl import tables
from flows.etl import DEFAULT_BATCH_SIZE, etl

# pandera builds each table model's schema on first use, and the first build imports dask.dataframe
# whenever dask is installed (the Dask extra): 1-2 s of imports that would otherwise land inside the
# first run's build_tables stage. Built here, where the flow process loads its runner; not in flows/etl.py,
# which every Dask worker imports to run per-page tasks that never build a table.
for _model in tables.TABLES.values():
    _model.to_schema()

Runner = Literal["default", "dask"]
DEFAULT_DASK_WORKERS = 2
# Prefect's thread pool is unbounded by default: every batch of a 2,000-page folder started at once, all
# their results were alive together and the GIL was shared 80 ways (bench: 4.8 GB peak, extraction 2.4x
# slower). Extraction holds the GIL, so more threads never helped; two overlap one batch's file I/O with
# another's extraction and keep at most two batches in memory.
DEFAULT_THREADS = 2


def dask_task_runner(address: str | None = None, workers: int = DEFAULT_DASK_WORKERS) -> TaskRunner:
    """prefect-dask's runner: `address` for an existing cluster, else a local one of `workers` processes.

    One thread per worker: extraction is pure Python + spaCy and holds the GIL, so processes, not
    threads, are what scale. The dashboard takes any free port, so two runs never collide on 8787.
    """
    from prefect_dask import DaskTaskRunner

    # distributed logs every worker start and stop at INFO; the run's own log is what users read.
    logging.getLogger("distributed").setLevel(logging.WARNING)
    if address:
        return DaskTaskRunner(address=address)
    return DaskTaskRunner(
        cluster_kwargs={
            "n_workers": workers,
            "threads_per_worker": 1,
            "processes": True,
            "dashboard_address": ":0",
            "silence_logs": logging.WARNING,
        }
    )


def task_runner(
    runner: Runner = "default", dask_address: str | None = None, dask_workers: int = DEFAULT_DASK_WORKERS
) -> TaskRunner:
    if runner == "dask":
        return dask_task_runner(dask_address, dask_workers)
    if runner == "default":
        return ThreadPoolTaskRunner(max_workers=DEFAULT_THREADS)
    raise ValueError(f"unknown runner {runner!r}; expected 'default' or 'dask'")


@contextmanager
def shared_api() -> Iterator[None]:
    """One Prefect API for the flow process and every worker process (see the module docstring)."""
    from prefect.settings import PREFECT_API_URL, temporary_settings

    if PREFECT_API_URL.value():
        yield
        return
    from prefect.server.api.server import SubprocessASGIServer

    # The same per-process singleton Prefect's client would start on first use; stopped at exit.
    server = SubprocessASGIServer()
    server.start()
    with temporary_settings({PREFECT_API_URL: server.api_url}):
        yield


def run_etl(
    source: str,
    warehouse: str,
    batch_size: int = DEFAULT_BATCH_SIZE,
    runner: Runner = "default",
    dask_address: str | None = None,
    dask_workers: int = DEFAULT_DASK_WORKERS,
) -> dict[str, Any]:
    """Run the ETL flow once with the chosen task runner; returns the flow's run summary."""
    flow = etl.with_options(task_runner=task_runner(runner, dask_address, dask_workers))
    if runner == "default":
        return flow(source=source, warehouse=warehouse, batch_size=batch_size)
    with shared_api():
        return flow(source=source, warehouse=warehouse, batch_size=batch_size)
