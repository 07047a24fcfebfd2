"""The spooled path (batch files on disk) builds exactly what the in-memory stages build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from aidebate_etl import corpus, frames, pipeline, spool
from aidebate_etl.records import PageResult

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Our hand-written pages, a byte-identical copy (a duplicate) and a junk file (rejected)."""
    folder = tmp_path_factory.mktemp("pages")
    for page in corpus.templates():
        shutil.copy(page, folder / page.name)
    first = corpus.templates()[0]
    shutil.copy(first, folder / f"zz_copy_of_{first.name}")
    (folder / "junk.bin").write_bytes(bytes(range(256)) * 4)
    return folder


@pytest.fixture(scope="module")
def spooled(
    pages: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[pipeline.SourcePlan, list[spool.SpooledBatch], Path]:
    """The pages extracted once, in batches of 4 spooled to disk."""
    plan = pipeline.plan_sources(pages)
    folder = tmp_path_factory.mktemp("spool") / "run"
    paths, size = list(plan.paths), 4
    batches = [
        spool.process_batch(paths[i : i + size], spool.batch_path(folder, i // size))
        for i in range(0, len(paths), size)
    ]
    return plan, batches, folder


def test_spool_builds_the_same_resolution_and_frames_as_in_memory(
    spooled: tuple[pipeline.SourcePlan, list[spool.SpooledBatch], Path], tmp_path: Path
) -> None:
    plan, batches, _ = spooled
    # The in-memory path over the very same results, read back from the spool.
    results = list(spool.iter_results(batches))
    run = pipeline.RunInfo.start(plan.paths[0].parent, tmp_path)

    resolution = pipeline.resolve_pages(results)
    assert spool.resolve_batches(batches) == resolution

    everything = [*results, *(PageResult(source=d) for d in plan.duplicates)]
    ordered = sorted(everything, key=lambda r: r.source.source_file)
    expected = frames.build_frames(ordered, resolution, run.run_id)
    got = spool.build_frames(batches, plan.duplicates, resolution, run.run_id)
    # A table added to frames.build_frames must be added to spool.build_frames too.
    assert list(got) == list(expected)
    for name in expected:
        pd.testing.assert_frame_equal(got[name], expected[name], obj=name)

    valid, rejects = pipeline.build_tables(results, plan.duplicates, resolution, run)
    got_valid, got_rejects = spool.build_tables(batches, plan.duplicates, resolution, run)
    assert list(got_valid) == list(valid)
    for name in valid:
        pd.testing.assert_frame_equal(got_valid[name], valid[name], obj=name)
    pd.testing.assert_frame_equal(got_rejects, rejects)


def test_spool_keeps_only_outcomes_in_memory_and_discards_its_files(
    spooled: tuple[pipeline.SourcePlan, list[spool.SpooledBatch], Path],
) -> None:
    plan, batches, folder = spooled
    assert [r.source.source_file for b in batches for r in b.outcomes] == [p.name for p in plan.paths]
    assert all(r.structure is None and not r.extraction.claims for b in batches for r in b.outcomes)
    assert spool.read_batch(batches[0])[0].structure is not None  # the text is on disk
    spool.discard(folder)
    assert not folder.exists()
