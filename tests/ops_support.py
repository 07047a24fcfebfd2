"""Helpers for the operations and crash tests: distinct copies of the test pages, pipeline runs in child
processes. A module of its own, not conftest.py: ``conftest`` is not a unique module name in this suite,
and a child process must import the function it runs by name."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


PAGES = REPO / "tests" / "pages"


def copy_pages(target: Path, n: int, *, start: int = 0) -> list[Path]:
    """``n`` distinct pages from tests/pages in ``target``: beyond the first 23, the same pages again
    made byte-unique with trailing newlines (the parser ignores them; the hash does not)."""
    target.mkdir(parents=True, exist_ok=True)
    originals = sorted(p for p in PAGES.glob("*.txt"))
    written = []
    for i in range(start, start + n):
        source = originals[i % len(originals)]
        path = target / f"{i:03d}_{source.name}"
        path.write_bytes(source.read_bytes() + b"\n" * (i // len(originals)))
        written.append(path)
    return written


# Pipeline runs in real child processes, forked from a server that has already imported the package:
# a plain `python -c` pays ~5 s of imports (spaCy, pandas) per process, which a dozen kills cannot afford.
_FORKSERVER = multiprocessing.get_context("forkserver")
_FORKSERVER.set_forkserver_preload(["aidebate_etl.pipeline"])


def _run_pipeline_child(source: str, warehouse: str, pause_at: str | None, marker: str | None) -> None:
    if pause_at is not None and marker is not None:
        os.environ["AIDEBATE_PAUSE_AT"] = pause_at
        os.environ["AIDEBATE_PAUSE_FILE"] = marker
    from aidebate_etl import pipeline

    pipeline.run_pipeline(Path(source), Path(warehouse))


def start_pipeline_process(
    source: Path, warehouse: Path, *, pause_at: str | None = None, marker: Path | None = None
) -> multiprocessing.process.BaseProcess:
    """``pipeline.run_pipeline`` in a new process; with ``pause_at`` it stops there (see crashpoints)."""
    args = (str(source), str(warehouse), pause_at, None if marker is None else str(marker))
    proc = _FORKSERVER.Process(target=_run_pipeline_child, args=args)
    proc.start()
    return proc
