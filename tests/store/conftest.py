"""A tiny two-page batch built by hand, its validated frames, and a helper that publishes them."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from aidebate_etl import ids
from aidebate_etl.frames import build_frames
from aidebate_etl.pipeline import with_derived_tables
from aidebate_etl.records import (
    Claim,
    Image,
    Mention,
    PageExtraction,
    PagePerson,
    PageResult,
    PageStructure,
    ParsedComment,
    Person,
    Resolution,
    SourceRecord,
)
from aidebate_etl.store.duckdb import load_warehouse
from aidebate_etl.store.parquet import write_tables
from aidebate_etl.validate import validate_frames

SHA_A = "a" * 64
SHA_B = "b" * 64
ARTICLE_A = ids.article_id(SHA_A)
ARTICLE_B = ids.article_id(SHA_B)
OKAFOR = ids.person_id("Maria Okafor")
RUN = "run_test_1"


def _page_a(source_file: str) -> PageResult:
    quote = "The bridge will open in May."
    body = f'"{quote}" Maria Okafor said.'
    structure = PageStructure(
        title="Bridge to open",
        subtitle=None,
        paragraphs=(body, "The city council said that costs rose."),
        images=(Image("The bridge at dusk", "Photo: Agency"),),
        declared_comment_count=4,
        comments=(
            ParsedComment(1, 0, None, "reader_one", '"will open in May" - we will see'),
            ParsedComment(2, 1, 1, "reader_two", "Agreed."),
            ParsedComment(3, 2, 2, "reader_three", ""),
            ParsedComment(4, 0, None, "reader_four", "Okafor again."),
        ),
        comment_style="nested",
    )
    extraction = PageExtraction(
        people=(PagePerson("Maria Okafor", ("Okafor",), ("mayor",)),),
        mentions=(
            Mention("Maria Okafor", "Maria Okafor", "body", body.index("Maria"), body.index(" said")),
            Mention("Maria Okafor", "Okafor", "comment", 0, 6, comment_position=4),
        ),
        claims=(
            Claim("direct", quote, 1, 1 + len(quote), "Maria Okafor", "person", "said", "explicit"),
            Claim("indirect", "costs rose", 0, 10, "City Council", "organization", "said that", "explicit"),
        ),
    )
    source = SourceRecord(source_file, SHA_A, 120, "loaded", encoding="utf-8")
    return PageResult(source, ARTICLE_A, structure, extraction)


def _page_b() -> PageResult:
    quote = "The bridge will open"
    structure = PageStructure(title="Short item", subtitle="Brief", paragraphs=(f'"{quote}," she said.',))
    extraction = PageExtraction(
        claims=(Claim("direct", quote, 1, 1 + len(quote), "Maria Okafor", "person", "said", "pronoun"),),
    )
    return PageResult(
        SourceRecord("b.txt", SHA_B, 40, "loaded", encoding="cp1252"), ARTICLE_B, structure, extraction
    )


def sample_results(source_file: str = "a.txt") -> list[PageResult]:
    duplicate = SourceRecord(
        "c.txt", SHA_A, 120, "duplicate", "duplicate_content", "same bytes", "utf-8", source_file
    )
    empty = SourceRecord(
        "d.txt", hashlib.sha256(b"").hexdigest(), 0, "rejected", "empty", "the file is empty"
    )
    return [_page_a(source_file), _page_b(), PageResult(duplicate), PageResult(empty)]


def sample_resolution() -> Resolution:
    long_claim = ids.claim_id(ARTICLE_A, "direct", 1, 29)
    short_claim = ids.claim_id(ARTICLE_B, "direct", 1, 21)
    group = ids.claim_group_id([long_claim, short_claim])
    return Resolution(
        people=(Person(OKAFOR, "Maria Okafor", ("Okafor",), ("mayor",)),),
        person_of={(ARTICLE_A, "Maria Okafor"): OKAFOR, (ARTICLE_B, "Maria Okafor"): OKAFOR},
        claim_group_of={long_claim: group, short_claim: group},
    )


@functools.cache
def _validated(source_file: str, run_id: str) -> dict[str, pd.DataFrame]:
    results = sample_results(source_file)
    frames, rejects = validate_frames(build_frames(results, sample_resolution(), run_id), run_id)
    return {**with_derived_tables(frames), "rejects": rejects}


def validated(source_file: str = "a.txt", run_id: str = RUN) -> dict[str, pd.DataFrame]:
    # Cached because validation dominates these tests' time; callers get their own dict of frames.
    return {name: frame.copy() for name, frame in _validated(source_file, run_id).items()}


@pytest.fixture
def frames() -> dict[str, pd.DataFrame]:
    """Validated frames of the sample batch, rejects included (none expected)."""
    return validated()


@pytest.fixture
def make_frames() -> Callable[..., dict[str, pd.DataFrame]]:
    """make_frames(source_file=..., run_id=...) -> validated frames with page A under that name."""
    return validated


def run_row(run_id: str = RUN) -> dict[str, object]:
    return {
        "run_id": run_id,
        "started_at": dt.datetime(2025, 1, 2, 3, 4, 5, tzinfo=dt.UTC),
        "status": "partial",
        "pages_in": 4,
        "pages_loaded": 2,
        "pages_rejected": 1,
        "pages_duplicate": 1,
        "code_version": "test",
    }


Publish = Callable[..., Path]


@pytest.fixture
def publish(tmp_path: Path) -> Publish:
    """publish(frames, run_id=..., warehouse=...) -> the DuckDB path, after Parquet + DuckDB."""

    def _publish(frames: dict[str, pd.DataFrame], run_id: str = RUN, warehouse: Path | None = None) -> Path:
        root = warehouse or tmp_path / "warehouse"
        write_tables(frames, root / "parquet", run_id=run_id, schema_version="1")
        db = root / "aidebate.duckdb"
        load_warehouse(root / "parquet", db, run=run_row(run_id))
        return db

    return _publish
