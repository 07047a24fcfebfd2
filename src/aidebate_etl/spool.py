"""Per-page results spooled to disk one batch at a time, so a run's memory does not grow with its pages.

The flow's per-page tasks (threads, or Dask worker processes) each write their batch of ``PageResult``s
to one file and hand back only its path and the batch's ``SourceRecord``s. The single-writer stages then
read the files back a batch at a time:

    process_batch     paths -> PageResults -> <spool>/batch_NNNNN.pkl        (any process)
    resolve_batches   every batch, without page text -> Resolution           (flow process)
    build_tables      each batch -> frames, concatenated -> validated frames (flow process)

The result is the same as ``pipeline.resolve_pages`` + ``pipeline.build_tables`` over the whole list
(tests/test_dask.py compares every table's ids); only peak memory differs. Only the page structure (the
text of body and comments) is dropped for resolution: it is most of a result, and resolution does not
read it. Pickle is fine here: the files live for one run, are written and read by the same code
version, and never leave the warehouse folder.
"""

from __future__ import annotations

import os
import pickle
import shutil
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from aidebate_etl import frames, pipeline
from aidebate_etl.cache import PageCache
from aidebate_etl.records import PageResult, PageStructure, Resolution, SourceRecord
from aidebate_etl.validate import validate_frames

SPOOL_DIR = ".spool"

# Stands in for a page's structure where only "this page was parsed" matters (resolution, sources).
_PARSED = PageStructure(title="", subtitle=None, paragraphs=())


@dataclass(frozen=True, slots=True)
class SpooledBatch:
    """One batch's results on disk, and what became of each of its files (small: no page text)."""

    path: Path
    outcomes: tuple[PageResult, ...]  # per file: its source record and whether the cache supplied it

    @property
    def pages(self) -> int:
        return len(self.outcomes)


def spool_dir(warehouse: Path, run_id: str) -> Path:
    """Per run, inside the warehouse: workers on other machines need a path the flow can read too."""
    return warehouse / SPOOL_DIR / run_id


def batch_path(spool: Path, index: int) -> Path:
    return spool / f"batch_{index:05d}.pkl"


def process_batch(paths: Iterable[Path], target: Path, cache: PageCache | None = None) -> SpooledBatch:
    """Extract every page of the batch (or take it from ``cache``) and write the results to ``target``."""
    results = pipeline.process_pages(paths, cache=cache)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + f".{os.getpid()}.part")
    with partial.open("wb") as fh:
        pickle.dump(results, fh, protocol=pickle.HIGHEST_PROTOCOL)
    # A retried or duplicated batch replaces the file whole, never leaves half of one.
    partial.replace(target)
    return SpooledBatch(target, tuple(outcome(r) for r in results))


def read_batch(batch: SpooledBatch) -> list[PageResult]:
    with batch.path.open("rb") as fh:
        return pickle.load(fh)


def iter_results(batches: Iterable[SpooledBatch]) -> Iterator[PageResult]:
    for batch in batches:
        yield from read_batch(batch)


def outcome(result: PageResult) -> PageResult:
    """What the run's counts need of a result: its source record and where it came from."""
    return PageResult(source=result.source, from_cache=result.from_cache)


def without_text(result: PageResult) -> PageResult:
    """The result as resolution and the ``sources`` table see it: ids and extraction, no page text."""
    if result.structure is None:
        return PageResult(source=result.source, article_id=result.article_id)
    return PageResult(
        result.source, result.article_id, _PARSED, result.extraction, from_cache=result.from_cache
    )


def resolve_batches(batches: Sequence[SpooledBatch]) -> Resolution:
    """``pipeline.resolve_pages`` over every batch, holding one batch's page text at a time."""
    return pipeline.resolve_pages([without_text(r) for r in iter_results(batches)])


def source_results(batches: Sequence[SpooledBatch]) -> list[PageResult]:
    """Sources-only results, enough for ``pipeline.count_sources`` and ``RunInfo.finish``."""
    return [r for b in batches for r in b.outcomes]


# Tables whose rows come from one page at a time; ``people`` comes from the resolution, ``sources``
# from every file (duplicates included).
_PER_PAGE: dict[str, Callable[[Sequence[PageResult], Resolution, str], pd.DataFrame]] = {
    "articles": lambda rs, _res, run_id: frames.build_articles_frame(rs, run_id),
    "comments": lambda rs, _res, _run_id: frames.build_comments_frame(rs),
    "mentions": lambda rs, res, _run_id: frames.build_mentions_frame(rs, res),
    "claims": lambda rs, res, _run_id: frames.build_claims_frame(rs, res),
    "comment_quotes": lambda rs, _res, _run_id: frames.build_comment_quotes_frame(rs),
}


def _concat(name: str, parts: list[pd.DataFrame]) -> pd.DataFrame:
    """Batch frames -> one frame in the order ``frames.build_frames`` gives."""
    if len(parts) == 1:
        return parts[0]
    return frames.sort_rows(name, pd.concat(parts, ignore_index=True))


def build_frames(
    batches: Sequence[SpooledBatch], duplicates: Sequence[SourceRecord], resolution: Resolution, run_id: str
) -> dict[str, pd.DataFrame]:
    """``frames.build_frames`` built batch by batch (batches are in source-file order, like the plan)."""
    parts: dict[str, list[pd.DataFrame]] = defaultdict(list)
    slim: list[PageResult] = []
    for batch in batches:
        results = read_batch(batch)
        for name, build in _PER_PAGE.items():
            parts[name].append(build(results, resolution, run_id))
        slim.extend(without_text(r) for r in results)
    for name, build in _PER_PAGE.items():
        if not parts[name]:
            parts[name].append(build([], resolution, run_id))
    everything = sorted(
        [*slim, *(PageResult(source=d) for d in duplicates)], key=lambda r: r.source.source_file
    )
    built = {
        "sources": frames.build_sources_frame(everything, run_id),
        "people": frames.build_people_frame(resolution),
    } | {name: _concat(name, parts[name]) for name in _PER_PAGE}
    # Same table order as frames.build_frames, so everything downstream sees what it always saw.
    return {name: built[name] for name in frames.TABLE_ORDER}


def build_tables(
    batches: Sequence[SpooledBatch],
    duplicates: Sequence[SourceRecord],
    resolution: Resolution,
    run: pipeline.RunInfo,
) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """``pipeline.build_tables`` over spooled batches: validated frames (+ derived tables) and rejects."""
    valid, rejects = validate_frames(build_frames(batches, duplicates, resolution, run.run_id), run.run_id)
    return pipeline.with_derived_tables(valid), rejects


def clear(warehouse: Path) -> None:
    """Drop every spool in the warehouse: call it holding the warehouse lock, when none can be live."""
    shutil.rmtree(warehouse / SPOOL_DIR, ignore_errors=True)


def discard(spool: Path) -> None:
    """Drop a finished run's spool (its content is in Parquet and DuckDB by now)."""
    shutil.rmtree(spool, ignore_errors=True)
    parent = spool.parent
    if parent.name == SPOOL_DIR and parent.is_dir() and not any(parent.iterdir()):
        parent.rmdir()
