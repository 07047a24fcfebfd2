"""The stages of one run, in order, as plain functions: no Prefect here.

    plan_sources      source folder -> files to process + duplicates (every file accounted for)
    process_page      one file -> PageResult (read, then the page cache or parse + extract); pure per page
    resolve_pages     all PageResults -> Resolution (one person id everywhere, claim groups)
    build_tables      PageResults + Resolution -> validated frames + rejects (+ derived claim_variants)
    publish_tables    frames -> Parquet (atomic switch) -> DuckDB (atomic replace) -> cache pruned

`flows/etl.py` wires these into Prefect tasks; `run_pipeline` below runs them in-process for library
users and benchmarks. A page that fails at any per-page stage becomes a rejected `sources` row with a
reason code; it never stops the batch.

Re-runs and growing folders: the warehouse mirrors the source folder. Extraction, the only expensive
stage, is cached per page under (SHA-256 of its bytes, extractor version) in ``<warehouse>/cache``; the
cross-page stages and every table are rebuilt from all pages' results on every run, which is cheap. A
page that is unchanged costs a cache read; a new or changed page is extracted; a removed page's rows
are simply not rebuilt, and its cache entry is pruned after the publish.

Nothing changed at all: every publish leaves ``<warehouse>/published.json`` naming the inputs (every
file's name and SHA-256, duplicates included), the build (``build_version``: all of the package's code,
the DDL and the table libraries' versions) and the Parquet set it published. A run whose plan and build
match it, on a warehouse whose live Parquet set is that one, has nothing to rebuild: it keeps the tables
(their ``run_id`` stays that of the run that wrote them) and only adds its own ``runs`` row, by loading
DuckDB again from the live Parquet set (``publish_unchanged``). Runs with a rejected file never leave a
reusable manifest (a file unreadable today may be readable tomorrow with the same bytes), and
``use_cache=False`` always rebuilds.

One writer: ``warehouse_lock`` is taken at the start of ``run_pipeline`` (the flow wraps its whole run
in it too) and held to the end; a second run stops at once with ``errors.WarehouseLocked``.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pandas as pd

from aidebate_etl import crashpoints, errors, tables
from aidebate_etl.cache import PageCache, extractor_version
from aidebate_etl.extraction import extract_page
from aidebate_etl.frames import build_claim_variants_frame, build_frames
from aidebate_etl.records import PageResult, Resolution, SourceRecord
from aidebate_etl.resolve.claim_groups import resolve_claim_groups
from aidebate_etl.resolve.persons import resolve_people
from aidebate_etl.sources import DUPLICATE_CONTENT, list_sources, read_page, rejected_source
from aidebate_etl.store.duckdb import DDL_PATH, LOADED_TABLES, load_warehouse
from aidebate_etl.store.lock import held_for
from aidebate_etl.store.lock import run_lock as warehouse_lock  # the run-wide lock, for callers here
from aidebate_etl.store.lock import warehouse_lock as _store_lock
from aidebate_etl.store.parquet import switch_tables, write_tables
from aidebate_etl.validate import validate_frames
from aidebate_etl.version import CODE_VERSION, SCHEMA_VERSION

__all__ = [
    "MANIFEST",
    "STAGES",
    "PageCache",
    "RunInfo",
    "SourcePlan",
    "build_tables",
    "build_version",
    "plan_sources",
    "process_page",
    "process_pages",
    "publish_tables",
    "publish_unchanged",
    "resolve_pages",
    "run_pipeline",
    "unchanged_since_publish",
    "warehouse_lock",
]

DB_NAME = "aidebate.duckdb"
PARQUET_DIR = "parquet"
MANIFEST = "published.json"
# Libraries whose behaviour shapes the tables (the extractor version covers spaCy and the model).
_TABLE_DISTRIBUTIONS = ("pandas", "pandera", "pyarrow", "duckdb", "numpy")


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
    inputs: str = ""  # hash of every file's name and SHA-256 (see plan_sources); "" when not computed

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
    extractor_version: str = field(default_factory=extractor_version)
    finished_at: datetime | None = None
    status: str = "running"
    counts: dict[str, int] = field(default_factory=dict)
    stage_seconds: dict[str, float] = field(default_factory=dict)
    inputs: str = ""  # SourcePlan.inputs of this run, kept in the publish manifest (not a runs column)

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

    def reuse(self, manifest: dict[str, object]) -> None:
        """Counts and status of a run that found nothing changed since ``manifest``'s publish: the same
        files and rows, none of its pages extracted (all of them are, in effect, cached)."""
        counts = {k: int(v) for k, v in dict(manifest["counts"]).items()}  # type: ignore[call-overload]
        counts["pages_cached"] = counts.get("pages_cached", 0) + counts.get("pages_extracted", 0)
        counts["pages_extracted"] = 0
        self.counts = counts
        self.status = str(manifest["status"])
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
            "extractor_version": self.extractor_version,
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
    inputs = hashlib.sha256(b"inputs 1\n")
    for path in list_sources(source_dir):
        size = path.stat().st_size
        if size == 0:  # empty files are rejected by read_page with their own reason, not "duplicate"
            keep.append(path)
            inputs.update(f"{path.name}\0empty\n".encode())
            continue
        sha = _sha256_of_file(path)
        inputs.update(f"{path.name}\0{sha}\n".encode())
        if sha in first_by_sha:
            dups.append(
                SourceRecord(
                    source_file=path.name,
                    sha256=sha,
                    n_bytes=size,
                    status="duplicate",
                    reason_code=DUPLICATE_CONTENT,
                    error=f"same bytes as {first_by_sha[sha].name}",
                    duplicate_of=first_by_sha[sha].name,
                )
            )
        else:
            first_by_sha[sha] = path
            keep.append(path)
    return SourcePlan(tuple(keep), tuple(dups), inputs.hexdigest())


# ---------------------------------------------------------------- stage 2: per page
def process_page(path: Path, cache: PageCache | None = None) -> PageResult:
    """Read one page, then take its result from ``cache`` or parse and extract it (and cache that).

    Never raises for a bad page: the reason is recorded. Reading and hashing always happen, so a file
    changed since the plan is judged by its bytes now, and the cache key is the bytes actually read.
    """
    try:
        page = read_page(path)
    except errors.SourceError as exc:
        return PageResult(source=rejected_source(path, exc))
    if cache is not None:
        hit = cache.get(page.sha256, page.source_file)
        if hit is not None:
            return hit
    result = extract_page(page)
    crashpoints.reached("page_extracted")
    if cache is not None:
        cache.put(result)
    return result


def process_pages(
    paths: Iterable[Path],
    on_page: Callable[[PageResult], None] | None = None,
    *,
    cache: PageCache | None = None,
) -> list[PageResult]:
    """``process_page`` over ``paths``, in order. ``cache=PageCache.in_warehouse(warehouse)`` to reuse."""
    results = []
    for path in paths:
        result = process_page(path, cache)
        results.append(result)
        if on_page is not None:
            on_page(result)
    return results


# ---------------------------------------------------------------- stage 3: cross-page
def resolve_pages(results: Sequence[PageResult]) -> Resolution:
    """The one explicit cross-page step: person ids shared by every page, and claim groups."""
    loaded = sorted((r for r in results if r.structure is not None), key=lambda r: r.source.source_file)
    people, person_of = resolve_people(loaded)
    groups = resolve_claim_groups(loaded, person_of)
    return Resolution(people=people, person_of=person_of, claim_group_of=groups)


# ---------------------------------------------------------------- stage 4: tables
def build_tables(
    results: Sequence[PageResult], duplicates: Sequence[SourceRecord], resolution: Resolution, run: RunInfo
) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """Records -> frames -> lazily validated frames; failing rows go to `rejects`, never dropped."""
    # Duplicates are sources-only results: they appear in `sources` and nowhere else.
    everything = [*results, *(PageResult(source=d) for d in duplicates)]
    ordered = sorted(everything, key=lambda r: r.source.source_file)
    frames = build_frames(ordered, resolution, run.run_id)
    valid, rejects = validate_frames(frames, run.run_id)
    return with_derived_tables(valid), rejects


def with_derived_tables(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Add the tables computed from other validated tables (``claim_variants``) when they are missing."""
    if "claim_variants" in frames or "claims" not in frames:
        return frames
    derived = build_claim_variants_frame(frames["claims"])
    # Built from validated claims, so a failure here is a bug: let pandera raise.
    return frames | {"claim_variants": tables.ClaimVariants.validate(derived, lazy=True)}


# ---------------------------------------------------------------- stage 5: storage
def publish_tables(
    frames: dict[str, pd.DataFrame], rejects: pd.DataFrame, warehouse: Path, run: RunInfo
) -> dict[str, Path]:
    """Parquet written, the DuckDB file rebuilt from it and swapped in, the Parquet set switched in,
    then the page cache pruned to the pages this run saw.

    Runs under the warehouse lock: the run's own (taken at its start, possibly by another process of
    the same run) or, when called on its own, taken here.
    """
    warehouse.mkdir(parents=True, exist_ok=True)
    holding = held_for(warehouse, run.run_id)
    with nullcontext() if holding else _store_lock(warehouse, run_id=run.run_id):
        (warehouse / MANIFEST).unlink(missing_ok=True)  # from here until the end, no publish is reusable
        out = with_derived_tables(dict(frames))
        out["rejects"] = rejects
        parquet_dir = warehouse / PARQUET_DIR
        written = write_tables(
            out, parquet_dir, run_id=run.run_id, schema_version=run.schema_version, switch=False
        )
        folder = next(iter(written.values())).parent
        # DuckDB is built from the new set before either is switched in, then the two are switched one
        # right after the other (two renames): a kill can only split them between those two renames.
        load_warehouse(folder, warehouse / DB_NAME, run=run.as_row())
        crashpoints.reached("duckdb_switched")
        switch_tables(parquet_dir, folder)
        crashpoints.reached("published")
        # Only now: until the new warehouse is live, the previous one may still need re-running from it.
        PageCache.in_warehouse(warehouse).prune(frames["sources"]["sha256"].dropna())
        _write_manifest(warehouse, run, folder)
    return written


# ---------------------------------------------------------------- nothing changed
@functools.cache
def build_version() -> str:
    """Hash of everything that turns the same files into tables: every file of the package (parse,
    extract, resolve, frames, tables, validation, storage...), the DDL, and the libraries' versions.
    Computed once per process."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256(f"build 1; {CODE_VERSION}; {SCHEMA_VERSION}; {extractor_version()}".encode())
    files = [p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    for path in sorted(files):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    digest.update(hashlib.sha256(DDL_PATH.read_bytes()).digest())
    for dist in _TABLE_DISTRIBUTIONS:
        try:
            digest.update(f"{dist}=={version(dist)}\0".encode())
        except PackageNotFoundError:
            digest.update(f"{dist} missing\0".encode())
    return digest.hexdigest()[:16]


def _write_manifest(warehouse: Path, run: RunInfo, folder: Path) -> None:
    """Say what the live warehouse was built from, when a later run may reuse it as it is."""
    if not run.inputs or run.counts.get("pages_rejected", 1) or run.status not in ("succeeded", "partial"):
        return
    manifest = {
        "run_id": run.run_id,
        "inputs": run.inputs,
        "build": build_version(),
        "parquet": folder.resolve().relative_to(warehouse.resolve()).as_posix(),
        "status": run.status,
        "counts": run.counts,
    }
    tmp = warehouse / f".{MANIFEST}.tmp-{os.getpid()}"
    tmp.write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(tmp, warehouse / MANIFEST)


def unchanged_since_publish(warehouse: Path, plan: SourcePlan) -> dict[str, object] | None:
    """The manifest of the live publish when ``plan`` and this code would rebuild exactly it; else None.

    Call it holding the warehouse lock. The live Parquet set and the DuckDB file must both be there.
    """
    warehouse = Path(warehouse)
    try:
        manifest = json.loads((warehouse / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(manifest, dict) or not plan.inputs:
        return None
    if manifest.get("inputs") != plan.inputs or manifest.get("build") != build_version():
        return None
    live = (warehouse / PARQUET_DIR).resolve()
    if live != warehouse.resolve() / str(manifest.get("parquet")) or not (warehouse / DB_NAME).is_file():
        return None
    if not all((live / f"{name}.parquet").is_file() for name in LOADED_TABLES):
        return None
    return manifest


def publish_unchanged(warehouse: Path, run: RunInfo, manifest: dict[str, object]) -> None:
    """Record ``run`` over a warehouse that already holds its tables: DuckDB is loaded again from the
    live Parquet set (atomically, as in every publish) with this run's ``runs`` row added."""
    run.reuse(manifest)
    holding = held_for(warehouse, run.run_id)
    with nullcontext() if holding else _store_lock(warehouse, run_id=run.run_id):
        load_warehouse((warehouse / PARQUET_DIR).resolve(), warehouse / DB_NAME, run=run.as_row())


def count_sources(results: Sequence[PageResult], duplicates: Sequence[SourceRecord]) -> dict[str, int]:
    statuses = [r.source.status for r in results] + [d.status for d in duplicates]
    return {
        "pages_in": len(statuses),
        "pages_loaded": statuses.count("loaded"),
        "pages_rejected": statuses.count("rejected"),
        "pages_duplicate": statuses.count("duplicate"),
        "pages_cached": sum(r.from_cache for r in results),
        # A page that decoded carries its encoding; one rejected while reading never reached extraction.
        "pages_extracted": sum(not r.from_cache and r.source.encoding is not None for r in results),
    }


def run_pipeline(
    source_dir: Path,
    warehouse: Path,
    on_page: Callable[[PageResult], None] | None = None,
    *,
    use_cache: bool = True,
    wait_seconds: float = 0.0,
) -> RunInfo:
    """Every stage in one process, without Prefect (library use, benchmarks), under the warehouse lock.

    ``use_cache=False`` extracts every page (the cache is still pruned after publishing); the benchmark
    times a cold run that way, or with a fresh warehouse. ``run.counts`` has ``pages_cached`` and
    ``pages_extracted``.
    """
    if not Path(source_dir).is_dir():
        raise NotADirectoryError(f"source folder {str(source_dir)!r} does not exist or is not a folder")
    run = RunInfo.start(source_dir, warehouse)
    with warehouse_lock(warehouse, run_id=run.run_id, wait_seconds=wait_seconds):
        crashpoints.reached("locked")
        _run_stages(run, Path(source_dir), Path(warehouse), on_page, use_cache)
    return run


def _run_stages(
    run: RunInfo,
    source_dir: Path,
    warehouse: Path,
    on_page: Callable[[PageResult], None] | None,
    use_cache: bool,
) -> None:
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        run.stage_seconds[stage] = round(now - clock, 3)
        clock = now

    plan = plan_sources(source_dir)
    run.inputs = plan.inputs
    lap("plan_sources")
    manifest = unchanged_since_publish(warehouse, plan) if use_cache else None
    if manifest is not None:
        for stage in ("process_pages", "resolve_pages", "build_tables"):
            lap(stage)  # nothing to do: the live tables are this input's tables
        publish_unchanged(warehouse, run, manifest)
        lap("publish_tables")
        return
    cache = PageCache.in_warehouse(warehouse) if use_cache else None
    results = process_pages(plan.paths, on_page, cache=cache)
    lap("process_pages")
    resolution = resolve_pages(results)
    lap("resolve_pages")
    frames, rejects = build_tables(results, plan.duplicates, resolution, run)
    lap("build_tables")
    run.finish(results, plan.duplicates, frames, rejects)
    publish_tables(frames, rejects, warehouse, run)
    lap("publish_tables")


def row_counts(frames: dict[str, pd.DataFrame]) -> dict[str, int]:
    return {f"rows_{name}": len(frame) for name, frame in frames.items()}
