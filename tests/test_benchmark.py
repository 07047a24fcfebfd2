"""A tiny run of the benchmark code (a few pages, the session's Prefect server): keys and sane values.

Speed lives in `make bench`, never here: nothing below asserts a timing.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aidebate_etl import benchmark, corpus, pipeline

pytestmark = pytest.mark.flow

KEYS = {
    "extract_pages_per_s",
    "extract_chars_per_s",
    "ner_only_pages_per_s",
    "ner_only_chars_per_s",
    "ner_ratio",
    "flow_overhead_pct",
    "rerun_pct",
    "rss_ratio",
    "dask_speedup",
}


def test_benchmark_corpus_pages_are_unique_and_extract_like_their_templates(tmp_path: Path) -> None:
    pages = corpus.write_corpus(tmp_path / "c", 5, corpus.templates()[:2])
    files = sorted(pages.folder.iterdir())
    assert len(files) == 5 and len({f.read_bytes() for f in files}) == 5
    assert pages.chars == sum(len(f.read_text()) for f in files)
    first, third = pipeline.process_page(files[0]), pipeline.process_page(files[2])  # same template
    assert first.article_id != third.article_id
    assert (first.structure, first.extraction) == (third.structure, third.extraction)


def test_benchmark_smoke_writes_every_figure(prefect_harness: None, tmp_path: Path) -> None:
    from prefect.settings import PREFECT_API_URL

    record = benchmark.run_benchmark(
        (3, 5), api_url=PREFECT_API_URL.value(), dask=False, work_dir=tmp_path, say=lambda _msg: None
    )
    out = tmp_path / "bench.json"
    out.write_text(json.dumps(record))

    got = json.loads(out.read_text())
    assert set(got) >= KEYS
    assert got["pages_large"] == 5 and got["flow_stage_seconds"]["process_pages"] >= 0
    for key in KEYS - {"dask_speedup", "flow_overhead_pct"}:
        assert got[key] > 0, key
    assert got["flow_overhead_pct"] > -100  # the flow can never take less than no time
    # Every page from the cache, unless parse/ or extract/ was edited between the two runs (this test runs
    # the working tree; `make bench` runs a copy taken at its start), which the record then says.
    assert got["rerun_pages_cached"] == 5 or not got["rerun_same_extractor"]
    assert 0 < got["extract_ner_share"] < 1 and got["ner_ratio_cpu"] > 0
    assert got["notes"] and all(isinstance(line, str) for line in got["notes"])
    assert got["dask_speedup"] is None  # skipped here: tests/test_dask.py runs the Dask runner
    assert str(benchmark.table(got).title).startswith("aidebate-etl benchmark")
    assert benchmark.snapshot_code(tmp_path / "code")[0] == tmp_path / "code" / "src"
    assert (tmp_path / "code" / "src" / "aidebate_etl" / "extraction.py").is_file()
    assert (tmp_path / "code" / "schemas" / "duckdb.sql").is_file() and list(
        (tmp_path / "code").glob("tests/pages/*.txt")
    )
    assert not list(tmp_path.glob("aidebate-bench-*"))  # the corpus and warehouses are gone
