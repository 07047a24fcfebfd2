"""The stages of one run, in order, as plain functions: no Prefect here.

    plan_sources      source folder -> files to process + duplicates (every file accounted for)
    process_page      one file -> PageResult (read, parse, extract); pure per page, runs in parallel
    resolve_pages     all PageResults -> Resolution (one person id everywhere, claim groups)
    build_tables      PageResults + Resolution -> validated frames + rejects
    publish_tables    frames -> Parquet (atomic switch) -> DuckDB (atomic replace)

`flows/etl.py` wires these into Prefect tasks; `run_pipeline` below runs them in-process for library
users and benchmarks. A page that fails at any per-page stage becomes a rejected `sources` row with a
reason code; it never stops the batch.
"""

from __future__ import annotations

import hashlib
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from aidebate_etl import errors, ids
from aidebate_etl.extract.claims import extract_claims
from aidebate_etl.extract.comment_quotes import extract_comment_quotes
from aidebate_etl.extract.nlp import load_nlp
from aidebate_etl.extract.people import extract_people
from aidebate_etl.frames import build_frames
from aidebate_etl.parse import parse_page
from aidebate_etl.records import Page, PageExtraction, PageResult, Resolution, SourceRecord
from aidebate_etl.resolve.claim_groups import resolve_claim_groups
from aidebate_etl.resolve.persons import resolve_people
from aidebate_etl.sources import list_sources, loaded_source, read_page, rejected_source
from aidebate_etl.store.duckdb import load_warehouse
from aidebate_etl.store.parquet import write_tables
from aidebate_etl.validate import validate_frames
from aidebate_etl.version import CODE_VERSION, SCHEMA_VERSION

DB_NAME = "aidebate.duckdb"
PARQUET_DIR = "parquet"


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    requires: tuple[str, ...]
    produces: tuple[str, ...]


# The run's stages in order; tests check that each stage's inputs are produced by an earlier one.
STAGES: tuple[Stage, ...] = (
    Stage("plan_sources", ("source_dir",), ("page_paths", "duplicate_sources")),
    Stage("process_pages", ("page_paths",), ("page_results",)),
    Stage("resolve_pages", ("page_results",), ("resolution",)),
    Stage("build_tables", ("page_results", "duplicate_sources", "resolution"), ("frames", "rejects")),
    Stage("publish_tables", ("frames", "rejects"), ("parquet_dir", "warehouse_db")),
)


@dataclass(frozen=True, slots=True)
class SourcePlan:
    """What to do with each input file: process it, or record it as a duplicate of an earlier one."""

    paths: tuple[Path, ...]
    duplicates: tuple[SourceRecord, ...]

    @property
    def files_in(self) -> int:
        return len(self.paths) + len(self.duplicates)


@dataclass(slots=True)
class RunInfo:
    """One run of the pipeline, as recorded in the `runs` table."""

    run_id: str
    source_dir: str
    warehouse_dir: str
    started_at: datetime
    code_version: str = CODE_VERSION
    schema_version: str = SCHEMA_VERSION
    finished_at: datetime | None = None
    status: str = "running"
    counts: dict[str, int] = field(default_factory=dict)
    stage_seconds: dict[str, float] = field(default_factory=dict)

    @classmethod
    def start(cls, source_dir: Path, warehouse_dir: Path) -> RunInfo:
        now = datetime.now(UTC)
        run_id = f"run_{now:%Y%m%dT%H%M%SZ}_{uuid.uuid4().hex[:6]}"
        return cls(run_id, str(source_dir), str(warehouse_dir), now)

    def finish(
        self,
        results: Sequence[PageResult],
        duplicates: Sequence[SourceRecord],
        frames: dict[str, pd.DataFrame],
        rejects: pd.DataFrame,
    ) -> None:
        """Counts and status, once the tables are built (any rejected file or row makes the run partial)."""
        self.counts = count_sources(results, duplicates) | row_counts(frames) | {"rejects": len(rejects)}
        self.status = "partial" if self.counts["pages_rejected"] or self.counts["rejects"] else "succeeded"
        self.finished_at = datetime.now(UTC)

    def as_row(self) -> dict[str, object]:
        return {
            "run_id": self.run_id,
            "source_dir": self.source_dir,
            "warehouse_dir": self.warehouse_dir,
            "started_at": self.started_at,
            "finished_at": self.finished_at,
            "status": self.status,
            "code_version": self.code_version,
            "schema_version": self.schema_version,
            "counts": dict(self.counts),
            "stage_seconds": dict(self.stage_seconds),
        }


# ---------------------------------------------------------------- stage 1: plan
def _sha256_of_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def plan_sources(source_dir: Path) -> SourcePlan:
    """Every regular file of the folder, with byte-identical copies set aside as duplicates.

    Hashing first is cheap next to extraction and means a duplicate is never parsed twice; the first
    name in sort order is the one loaded, so the choice is the same on every run.
    """
    keep: list[Path] = []
    dups: list[SourceRecord] = []
    first_by_sha: dict[str, Path] = {}
    for path in list_sources(source_dir):
        size = path.stat().st_size
        if size == 0:  # empty files are rejected by read_page with their own reason, not "duplicate"
            keep.append(path)
            continue
        sha = _sha256_of_file(path)
        if sha in first_by_sha:
            dups.append(
                SourceRecord(
                    source_file=path.name,
                    sha256=sha,
                    n_bytes=size,
                    status="duplicate",
                    reason_code="duplicate_content",
                    error=f"same bytes as {first_by_sha[sha].name}",
                    duplicate_of=first_by_sha[sha].name,
                )
            )
        else:
            first_by_sha[sha] = path
            keep.append(path)
    return SourcePlan(tuple(keep), tuple(dups))


# ---------------------------------------------------------------- stage 2: per page
def process_page(path: Path) -> PageResult:
    """Read, parse and extract one page. Never raises for a bad page: the reason is recorded."""
    try:
        page = read_page(path)
    except errors.SourceError as exc:
        return PageResult(source=rejected_source(path, exc))
    article = ids.article_id(page.sha256)
    try:
        structure = parse_page(page.text)
        nlp = load_nlp()
        people, mentions = extract_people(structure, nlp)
        claims = extract_claims(structure, people, mentions)
        quotes = extract_comment_quotes(structure, claims)
    except errors.AidebateError as exc:
        return PageResult(source=_rejected_after_read(page, exc.reason_code, str(exc)))
    except Exception as exc:
        detail = f"{type(exc).__name__}: {exc}"
        return PageResult(source=_rejected_after_read(page, errors.UNEXPECTED, detail))
    extraction = PageExtraction(people, mentions, claims, quotes)
    return PageResult(loaded_source(page), article, structure, extraction)


def _rejected_after_read(page: Page, reason_code: str, error: str) -> SourceRecord:
    """A page that decoded but could not be parsed or extracted keeps its hash, size and encoding."""
    return replace(loaded_source(page), status="rejected", reason_code=reason_code, error=error)


def process_pages(
    paths: Iterable[Path], on_page: Callable[[PageResult], None] | None = None
) -> list[PageResult]:
    results = []
    for path in paths:
        result = process_page(path)
        results.append(result)
        if on_page is not None:
            on_page(result)
    return results


# ---------------------------------------------------------------- stage 3: cross-page
def resolve_pages(results: Sequence[PageResult]) -> Resolution:
    """The one explicit cross-page step: person ids shared by every page, and claim groups."""
    loaded = sorted((r for r in results if r.structure is not None), key=lambda r: r.source.source_file)
    people, person_of = resolve_people(loaded)
    return Resolution(people=people, person_of=person_of, claim_group_of=resolve_claim_groups(loaded))


# ---------------------------------------------------------------- stage 4: tables
def build_tables(
    results: Sequence[PageResult], duplicates: Sequence[SourceRecord], resolution: Resolution, run: RunInfo
) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """Records -> frames -> lazily validated frames; failing rows go to `rejects`, never dropped."""
    # Duplicates are sources-only results: they appear in `sources` and nowhere else.
    everything = [*results, *(PageResult(source=d) for d in duplicates)]
    ordered = sorted(everything, key=lambda r: r.source.source_file)
    frames = build_frames(ordered, resolution, run.run_id)
    return validate_frames(frames, run.run_id)


# ---------------------------------------------------------------- stage 5: storage
def publish_tables(
    frames: dict[str, pd.DataFrame], rejects: pd.DataFrame, warehouse: Path, run: RunInfo
) -> dict[str, Path]:
    """Parquet first (switched in atomically), then the DuckDB file rebuilt from it and swapped in."""
    warehouse.mkdir(parents=True, exist_ok=True)
    tables = dict(frames)
    tables["rejects"] = rejects
    parquet_dir = warehouse / PARQUET_DIR
    written = write_tables(tables, parquet_dir, run_id=run.run_id, schema_version=run.schema_version)
    load_warehouse(parquet_dir, warehouse / DB_NAME, run=run.as_row())
    return written


def count_sources(results: Sequence[PageResult], duplicates: Sequence[SourceRecord]) -> dict[str, int]:
    statuses = [r.source.status for r in results] + [d.status for d in duplicates]
    return {
        "pages_in": len(statuses),
        "pages_loaded": statuses.count("loaded"),
        "pages_rejected": statuses.count("rejected"),
        "pages_duplicate": statuses.count("duplicate"),
    }


def run_pipeline(
    source_dir: Path, warehouse: Path, on_page: Callable[[PageResult], None] | None = None
) -> RunInfo:
    """Every stage in one process, without Prefect (library use, benchmarks)."""
    run = RunInfo.start(source_dir, warehouse)
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        run.stage_seconds[stage] = round(now - clock, 3)
        clock = now

    plan = plan_sources(source_dir)
    lap("plan_sources")
    results = process_pages(plan.paths, on_page)
    lap("process_pages")
    resolution = resolve_pages(results)
    lap("resolve_pages")
    frames, rejects = build_tables(results, plan.duplicates, resolution, run)
    lap("build_tables")
    run.finish(results, plan.duplicates, frames, rejects)
    publish_tables(frames, rejects, warehouse, run)
    lap("publish_tables")
    return run


def row_counts(frames: dict[str, pd.DataFrame]) -> dict[str, int]:
    return {f"rows_{name}": len(frame) for name, frame in frames.items()}
