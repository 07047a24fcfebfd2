"""The output contract: one pandera ``DataFrameModel`` per table, the single source of every table's meaning.

Each column's ``description`` is written once here and reused for the DuckDB ``COMMENT ON`` statements
(store/duckdb.py), the Arrow schema's field metadata (store/parquet.py) and the exported contract
(``schemas/contract/<table>.json``, see ``export_contract``). ``Config.description`` states the grain.

Keys and references are declared here too: a table's primary key is its ``Config.unique`` columns or else
its one ``unique=True`` column; a column that points at another table's key carries
``metadata={"references": "<table>.<column>"}``. ``validate.py`` and ``schemas/duckdb.sql`` enforce both.

    python -m aidebate_etl.tables --export schemas/contract
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

__all__ = [
    "SCHEMA_VERSION",
    "TABLES",
    "Articles",
    "ClaimVariants",
    "Claims",
    "ColumnSpec",
    "CommentQuotes",
    "Comments",
    "Mentions",
    "People",
    "Reference",
    "Rejects",
    "Runs",
    "Sources",
    "column_specs",
    "contract_json",
    "contract_of",
    "empty_frame",
    "export_contract",
    "frame_dtypes",
    "frame_of",
    "primary_key",
    "references",
]

# Bump when a column is added, removed, renamed or changes type or meaning; recorded in every Parquet
# file's metadata and in ``runs.schema_version`` so a reader can tell which contract a file follows.
# 2: claim_variants table; runs.pages_extracted, pages_cached, extractor_version. 3: articles.title nullable
SCHEMA_VERSION = "3"

MENTION_FIELDS = ["title", "subtitle", "byline", "body", "caption", "credit", "comment"]
CLAIM_KINDS = ["direct", "indirect"]
SPEAKER_KINDS = ["person", "organization"]
SOURCE_STATUSES = ["loaded", "rejected", "duplicate"]
RUN_STATUSES = ["succeeded", "partial", "failed"]


def _ref(target: str) -> dict[str, str]:
    return {"references": target}


# ---------------------------------------------------------------------------------------------- sources
class Sources(pa.DataFrameModel):
    source_file: Series[str] = pa.Field(
        unique=True,
        description="The input file's name (base name, as found in the source folder); any characters.",
    )
    sha256: Series[str] = pa.Field(
        nullable=True,
        str_matches=r"^[0-9a-f]{64}$",
        description="SHA-256 of the file's raw bytes, lowercase hex; null when the file could not be read.",
    )
    bytes: Series[pd.Int64Dtype] = pa.Field(
        nullable=True, ge=0, description="Size of the file in bytes; null when it could not be read."
    )
    status: Series[str] = pa.Field(
        isin=SOURCE_STATUSES,
        description="What became of the file: loaded (became an article), rejected, or duplicate "
        "(same bytes as a file earlier by name).",
    )
    reason_code: Series[str] = pa.Field(
        nullable=True,
        description="Stable snake_case code for why the file was not loaded (empty, binary, too_large, "
        "no_article, duplicate_content, invalid_article, ...); null when loaded.",
    )
    error: Series[str] = pa.Field(
        nullable=True, description="Human-readable reason the file was not loaded; null when loaded."
    )
    encoding: Series[str] = pa.Field(
        nullable=True,
        description="Text encoding the file was decoded with (utf-8, utf-8-sig, utf-16, cp1252, latin-1); "
        "null when it was not decoded.",
    )
    duplicate_of: Series[str] = pa.Field(
        nullable=True,
        description="For a duplicate: the source_file with the same bytes that was loaded instead.",
    )
    article_id: Series[str] = pa.Field(
        nullable=True,
        description="The article this file became (for a duplicate: the article of the file it duplicates); "
        "may name an article that failed validation (see rejects); null when there is none.",
    )
    run_id: Series[str] = pa.Field(description="The run that read this file.")

    class Config:
        name = "sources"
        description = "One row per input file, whatever became of it."
        strict = True
        coerce = True

    @pa.dataframe_check(description="A loaded file has no reason code; any other status has one.")
    def reason_code_matches_status(cls, df: pd.DataFrame) -> pd.Series:
        return df["status"].eq("loaded") == df["reason_code"].isna()

    @pa.dataframe_check(description="A duplicate names the file it duplicates; nothing else does.")
    def duplicate_of_matches_status(cls, df: pd.DataFrame) -> pd.Series:
        return df["status"].eq("duplicate") == df["duplicate_of"].notna()


# --------------------------------------------------------------------------------------------- articles
class Articles(pa.DataFrameModel):
    article_id: Series[str] = pa.Field(
        unique=True,
        description="Stable id of the article: 'art_' + the first 16 hex digits of the file's SHA-256.",
    )
    source_file: Series[str] = pa.Field(
        description="The input file's name (the first by name when the same bytes came under several names)."
    )
    sha256: Series[str] = pa.Field(
        str_matches=r"^[0-9a-f]{64}$", description="SHA-256 of the input file's raw bytes, lowercase hex."
    )
    title: Series[str] = pa.Field(
        nullable=True,
        description="The article's headline; null when the page is body prose with no headline line.",
    )
    subtitle: Series[str] = pa.Field(
        nullable=True, description="The standfirst under the headline; null when the page has none."
    )
    body: Series[str] = pa.Field(
        description="The article text: paragraphs joined by one blank line, page furniture removed. "
        "Offsets in claims, mentions and comment_quotes index into this string."
    )
    paragraph_count: Series[pd.Int64Dtype] = pa.Field(ge=0, description="Number of paragraphs in body.")
    image_captions: Series[list[str]] = pa.Field(
        description="Captions of the article's images, in page order (empty list when none)."
    )
    image_credits: Series[list[str]] = pa.Field(
        description="Credits of the article's images, in page order (empty list when none)."
    )
    declared_comment_count: Series[pd.Int64Dtype] = pa.Field(
        nullable=True, ge=0, description="The page's own 'N Comments' figure; null when the page shows none."
    )
    comment_count: Series[pd.Int64Dtype] = pa.Field(
        ge=0, description="Number of reader comments parsed from the page (compare declared_comment_count)."
    )
    comment_style: Series[str] = pa.Field(
        nullable=True,
        description="Which comment-thread layout the parser recognised; null when the page has no comments.",
    )
    run_id: Series[str] = pa.Field(description="The run that produced this row.")

    class Config:
        name = "articles"
        description = "One row per loaded input page: the article with its page furniture removed."
        strict = True
        coerce = True


# --------------------------------------------------------------------------------------------- comments
class Comments(pa.DataFrameModel):
    comment_id: Series[str] = pa.Field(
        unique=True, description="Stable id of the comment, from its article_id and position."
    )
    article_id: Series[str] = pa.Field(
        description="The article the comment was posted under.", metadata=_ref("articles.article_id")
    )
    parent_comment_id: Series[str] = pa.Field(
        nullable=True,
        description="The comment this one answers; null for a top-level comment.",
        metadata=_ref("comments.comment_id"),
    )
    position: Series[pd.Int64Dtype] = pa.Field(ge=1, description="1-based order of the comment on the page.")
    depth: Series[pd.Int64Dtype] = pa.Field(
        ge=0, description="Nesting level: 0 = top level, 1 = a reply, ..."
    )
    author: Series[str] = pa.Field(description="The commenter's handle as shown on the page.")
    body: Series[str] = pa.Field(
        description="The comment text: paragraphs joined by one blank line; empty string when it has no text."
    )

    class Config:
        name = "comments"
        description = "One row per reader comment."
        strict = True
        coerce = True

    @pa.dataframe_check(description="A comment has a parent exactly when it is not at depth 0.")
    def parent_matches_depth(cls, df: pd.DataFrame) -> pd.Series:
        return df["depth"].eq(0).fillna(False) == df["parent_comment_id"].isna()


# ----------------------------------------------------------------------------------------------- people
class People(pa.DataFrameModel):
    person_id: Series[str] = pa.Field(
        unique=True, description="Stable id of the person, from the folded canonical name."
    )
    name: Series[str] = pa.Field(description="Canonical full name as the text gives it.")
    aliases: Series[list[str]] = pa.Field(
        description="Other surface forms of the name seen in any page (e.g. the surname alone)."
    )
    roles: Series[list[str]] = pa.Field(
        description="Titles and roles the pages give the person (e.g. 'former Google CEO')."
    )

    class Config:
        name = "people"
        description = "One row per distinct real, named person across all pages."
        strict = True
        coerce = True


# --------------------------------------------------------------------------------------------- mentions
class Mentions(pa.DataFrameModel):
    mention_id: Series[str] = pa.Field(
        unique=True, description="Stable id of the mention, from its article, field and span."
    )
    person_id: Series[str] = pa.Field(description="The person mentioned.", metadata=_ref("people.person_id"))
    article_id: Series[str] = pa.Field(
        description="The article whose page holds the mention.", metadata=_ref("articles.article_id")
    )
    comment_id: Series[str] = pa.Field(
        nullable=True,
        description="The comment holding the mention; null when the mention is in the article itself.",
        metadata=_ref("comments.comment_id"),
    )
    field: Series[str] = pa.Field(
        isin=MENTION_FIELDS,
        description="Which text holds the mention: title, subtitle, byline, body, caption, credit or "
        "comment.",
    )
    field_index: Series[pd.Int64Dtype] = pa.Field(
        ge=0,
        description="For caption, credit and byline: the index in image_captions / image_credits / the "
        "page's author lines; else 0.",
    )
    start_char: Series[pd.Int64Dtype] = pa.Field(
        ge=0, description="Start of the mention in that text (Python string offset)."
    )
    end_char: Series[pd.Int64Dtype] = pa.Field(ge=0, description="End of the mention, exclusive.")
    surface: Series[str] = pa.Field(description="The words of the mention as written.")
    role: Series[str] = pa.Field(
        nullable=True, description="The title or role written next to this mention; null when none."
    )

    class Config:
        name = "mentions"
        description = "One row per mention of a person in an article or its comments."
        strict = True
        coerce = True

    @pa.dataframe_check(description="The span is not empty: end_char > start_char.")
    def span_is_ordered(cls, df: pd.DataFrame) -> pd.Series:
        return (df["end_char"] > df["start_char"]).fillna(False)

    @pa.dataframe_check(description="A mention names a comment exactly when its field is 'comment'.")
    def comment_matches_field(cls, df: pd.DataFrame) -> pd.Series:
        return df["field"].eq("comment").fillna(False) == df["comment_id"].notna()


# ----------------------------------------------------------------------------------------------- claims
class Claims(pa.DataFrameModel):
    claim_id: Series[str] = pa.Field(
        unique=True, description="Stable id of the claim, from its article, kind and span."
    )
    article_id: Series[str] = pa.Field(
        description="The article that reports the claim.", metadata=_ref("articles.article_id")
    )
    speaker_name: Series[str] = pa.Field(
        nullable=True,
        description="Canonical name of the speaker (the person's name for people); null when no speaker "
        "can be named.",
    )
    speaker_kind: Series[str] = pa.Field(
        nullable=True, isin=SPEAKER_KINDS, description="person or organization; null with no speaker."
    )
    speaker_person_id: Series[str] = pa.Field(
        nullable=True,
        description="The speaking person; null unless speaker_kind is person.",
        metadata=_ref("people.person_id"),
    )
    kind: Series[str] = pa.Field(
        isin=CLAIM_KINDS,
        description="direct (the words between quotation marks) or indirect (reported speech).",
    )
    text: Series[str] = pa.Field(
        description="The statement: for direct claims what stands between the marks, without them; "
        "for indirect claims the reported content."
    )
    start_char: Series[pd.Int64Dtype] = pa.Field(ge=0, description="Start of text in articles.body.")
    end_char: Series[pd.Int64Dtype] = pa.Field(ge=0, description="End of text in articles.body, exclusive.")
    cue: Series[str] = pa.Field(
        nullable=True, description="The reporting verb or attribution cue ('said', 'according to', ':')."
    )
    attribution: Series[str] = pa.Field(
        nullable=True,
        description="How the speaker was found: explicit, pronoun, epithet, continuation, ...",
    )
    speaker_surface: Series[str] = pa.Field(
        nullable=True, description="The words that name the speaker, as written; null with no speaker."
    )
    claim_group_id: Series[str] = pa.Field(
        description="Claims that report the same words, in full or in part, in any page share this id."
    )

    class Config:
        name = "claims"
        description = "One row per statement (direct quotation or reported speech) in an article body."
        strict = True
        coerce = True

    @pa.dataframe_check(description="The span is ordered: end_char >= start_char.")
    def span_is_ordered(cls, df: pd.DataFrame) -> pd.Series:
        return (df["end_char"] >= df["start_char"]).fillna(False)

    @pa.dataframe_check(description="A claim has a speaker kind exactly when it has a speaker name.")
    def speaker_kind_matches_name(cls, df: pd.DataFrame) -> pd.Series:
        return df["speaker_name"].isna() == df["speaker_kind"].isna()

    @pa.dataframe_check(description="A claim has a speaker_person_id exactly when its speaker is a person.")
    def person_id_matches_kind(cls, df: pd.DataFrame) -> pd.Series:
        return df["speaker_kind"].eq("person").fillna(False) == df["speaker_person_id"].notna()


# --------------------------------------------------------------------------------------- comment_quotes
class CommentQuotes(pa.DataFrameModel):
    comment_id: Series[str] = pa.Field(
        description="The comment that quotes the article.", metadata=_ref("comments.comment_id")
    )
    claim_id: Series[str] = pa.Field(
        nullable=True,
        description="The claim the quoted span falls in; null when it quotes no claim.",
        metadata=_ref("claims.claim_id"),
    )
    article_id: Series[str] = pa.Field(
        description="The article quoted (the one the comment is under).", metadata=_ref("articles.article_id")
    )
    quoted_text: Series[str] = pa.Field(description="The quoted span as written in the comment.")
    comment_start: Series[pd.Int64Dtype] = pa.Field(ge=0, description="Start of the span in comments.body.")
    comment_end: Series[pd.Int64Dtype] = pa.Field(
        ge=0, description="End of the span in comments.body, exclusive."
    )
    article_start: Series[pd.Int64Dtype] = pa.Field(
        ge=0, description="Start of the matching text in articles.body."
    )
    article_end: Series[pd.Int64Dtype] = pa.Field(
        ge=0, description="End of the matching text in articles.body, exclusive."
    )
    similarity: Series[float] = pa.Field(
        ge=0.0, le=1.0, description="How closely the quoted span matches the article text, 0 to 1."
    )

    class Config:
        name = "comment_quotes"
        description = "One row per span of a comment that quotes its article."
        strict = True
        coerce = True
        unique = ("comment_id", "comment_start", "comment_end")

    @pa.dataframe_check(description="Both spans are ordered: end >= start.")
    def spans_are_ordered(cls, df: pd.DataFrame) -> pd.Series:
        ok = (df["comment_end"] >= df["comment_start"]) & (df["article_end"] >= df["article_start"])
        return ok.fillna(False)


# ------------------------------------------------------------------------------------------- claim_variants
class ClaimVariants(pa.DataFrameModel):
    claim_id: Series[str] = pa.Field(
        unique=True, description="The claim (one row per claim of a group).", metadata=_ref("claims.claim_id")
    )
    claim_group_id: Series[str] = pa.Field(description="The group: claims.claim_group_id.")
    article_id: Series[str] = pa.Field(
        description="The article that reports this variant.", metadata=_ref("articles.article_id")
    )
    text: Series[str] = pa.Field(description="The claim's text as the page gives it (claims.text).")
    n_members: Series[pd.Int64Dtype] = pa.Field(ge=2, description="Number of claims in the group.")
    is_longest: Series[bool] = pa.Field(
        description="True for the group's longest text, the one every other member is compared with."
    )
    similarity: Series[float] = pa.Field(
        ge=0.0,
        le=1.0,
        description="How closely this text matches the best-aligned part of the longest text, 0 to 1 "
        "(1 for the longest itself).",
    )
    coverage: Series[float] = pa.Field(
        ge=0.0, le=1.0, description="Share of the longest text's words that this variant spans, 0 to 1."
    )
    diff: Series[str] = pa.Field(
        description="What differs within the covered part, in folded words: 'old -> new', '-dropped', "
        "'+added', joined by '; '; empty when this variant is a verbatim excerpt (or the longest)."
    )

    class Config:
        name = "claim_variants"
        description = (
            "One row per claim of every claim group with two or more claims: the group's texts side by "
            "side, each with its similarity to the longest and what differs."
        )
        strict = True
        coerce = True


# ------------------------------------------------------------------------------------------------- rejects
class Rejects(pa.DataFrameModel):
    reject_id: Series[str] = pa.Field(
        unique=True,
        description="Stable id of the reject: from the table, the row's content (its run_id aside) and the "
        "failed check, so a re-run rejects the same row under the same id.",
    )
    run_id: Series[str] = pa.Field(description="The run whose validation rejected the row.")
    table_name: Series[str] = pa.Field(description="The table the row was meant for.")
    row_key: Series[str] = pa.Field(
        nullable=True,
        description="The row's key: the key value, or a JSON array of the values for a composite key; "
        "null when the key itself is missing.",
    )
    column_name: Series[str] = pa.Field(
        nullable=True, description="The column(s) the failed check looked at; null for a whole-row check."
    )
    check_name: Series[str] = pa.Field(
        description="The check that failed, e.g. not_nullable, isin([...]), references(articles.article_id)."
    )
    reason_code: Series[str] = pa.Field(
        description="Stable snake_case code of the failure (pandera's reason, or orphan_reference)."
    )
    failure_case: Series[str] = pa.Field(
        nullable=True, description="The offending value as text; null when the value was missing."
    )
    row_data: Series[str] = pa.Field(description="The whole rejected row as JSON, so nothing is lost.")

    class Config:
        name = "rejects"
        description = "One row per failed check on a row that was kept out of its table."
        strict = True
        coerce = True


# ---------------------------------------------------------------------------------------------------- runs
class Runs(pa.DataFrameModel):
    run_id: Series[str] = pa.Field(unique=True, description="Id of the pipeline run.")
    started_at: Series[pd.DatetimeTZDtype] = pa.Field(
        dtype_kwargs={"unit": "us", "tz": "UTC"}, description="When the run started (UTC)."
    )
    finished_at: Series[pd.DatetimeTZDtype] = pa.Field(
        dtype_kwargs={"unit": "us", "tz": "UTC"}, description="When the run's warehouse was built (UTC)."
    )
    status: Series[str] = pa.Field(
        isin=RUN_STATUSES,
        description="succeeded (every file loaded, no rejects), partial (some files or rows rejected) "
        "or failed.",
    )
    pages_in: Series[pd.Int64Dtype] = pa.Field(ge=0, description="Input files seen.")
    pages_loaded: Series[pd.Int64Dtype] = pa.Field(ge=0, description="Input files that became articles.")
    pages_rejected: Series[pd.Int64Dtype] = pa.Field(ge=0, description="Input files rejected.")
    pages_duplicate: Series[pd.Int64Dtype] = pa.Field(
        ge=0, description="Input files skipped as duplicates of another file."
    )
    pages_extracted: Series[pd.Int64Dtype] = pa.Field(
        nullable=True,
        ge=0,
        description="Pages parsed and extracted by this run (cache misses); null for runs before "
        "schema version 2.",
    )
    pages_cached: Series[pd.Int64Dtype] = pa.Field(
        nullable=True,
        ge=0,
        description="Pages whose extraction came from the per-page cache (cache hits); null for runs "
        "before schema version 2.",
    )
    code_version: Series[str] = pa.Field(
        nullable=True, description="Version of the code that ran (package version or git commit)."
    )
    extractor_version: Series[str] = pa.Field(
        nullable=True,
        description="Hash of the extraction code and NLP model versions; the per-page cache key's second "
        "half (a new one re-extracts every page).",
    )
    schema_version: Series[str] = pa.Field(description="Version of this contract the run wrote.")
    source_dir: Series[str] = pa.Field(nullable=True, description="The folder the input files came from.")
    warehouse_dir: Series[str] = pa.Field(nullable=True, description="The folder the run published into.")
    row_counts: Series[str] = pa.Field(
        description="JSON object: table name -> rows loaded into the warehouse by this run."
    )
    stage_seconds: Series[str] = pa.Field(
        nullable=True, description="JSON object: pipeline stage -> wall-clock seconds it took."
    )

    class Config:
        name = "runs"
        description = "One row per pipeline run that built the warehouse; the history is kept across runs."
        strict = True
        coerce = True


# Parents before children, so loading in this order satisfies every reference.
TABLES: dict[str, type[pa.DataFrameModel]] = {
    "sources": Sources,
    "articles": Articles,
    "comments": Comments,
    "people": People,
    "mentions": Mentions,
    "claims": Claims,
    "comment_quotes": CommentQuotes,
    "claim_variants": ClaimVariants,
    "rejects": Rejects,
    "runs": Runs,
}


# ------------------------------------------------------------------------------- reading the contract
@dataclass(frozen=True, slots=True)
class ColumnSpec:
    """One column as storage layers need it. ``logical_type`` is one of LOGICAL_TYPES."""

    name: str
    logical_type: str
    nullable: bool
    unique: bool
    description: str
    references: str | None
    checks: tuple[dict[str, Any], ...]


@dataclass(frozen=True, slots=True)
class Reference:
    """``table.column`` must hold a key of ``parent_table.parent_column`` (or be null)."""

    table: str
    column: str
    parent_table: str
    parent_column: str


# pandera dtype (as str) -> storage-neutral logical type; Arrow and DuckDB each map these once.
LOGICAL_TYPES = {
    "str": "string",
    "string[pyarrow]": "string",
    "Int64": "int64",
    "float64": "float64",
    "datetime64[us, UTC]": "timestamp_utc",
    "list[str]": "list_string",
    "bool": "boolean",
}


def column_specs(model: type[pa.DataFrameModel]) -> tuple[ColumnSpec, ...]:
    schema = model.to_schema()
    specs = []
    for name, col in schema.columns.items():
        dtype = str(col.dtype)
        if dtype not in LOGICAL_TYPES:
            raise TypeError(f"{schema.name}.{name}: dtype {dtype!r} has no storage mapping in tables.py")
        checks = tuple({"check": c.name, **(c.statistics or {})} for c in col.checks)
        specs.append(
            ColumnSpec(
                name=name,
                logical_type=LOGICAL_TYPES[dtype],
                nullable=bool(col.nullable),
                unique=bool(col.unique),
                description=col.description or "",
                references=(col.metadata or {}).get("references"),
                checks=checks,
            )
        )
    return tuple(specs)


def primary_key(model: type[pa.DataFrameModel]) -> tuple[str, ...]:
    schema = model.to_schema()
    if schema.unique:
        return tuple(schema.unique)
    keys = tuple(name for name, col in schema.columns.items() if col.unique)
    if len(keys) != 1:
        raise TypeError(f"{schema.name}: declare exactly one unique column or Config.unique, got {keys}")
    return keys


def references() -> tuple[Reference, ...]:
    """Every cross-table reference, children listed after their parents (TABLES order)."""
    out = []
    for table, model in TABLES.items():
        for spec in column_specs(model):
            if spec.references:
                parent_table, parent_column = spec.references.split(".")
                out.append(Reference(table, spec.name, parent_table, parent_column))
    return tuple(out)


def frame_dtypes(model: type[pa.DataFrameModel]) -> dict[str, Any]:
    """The pandas dtype of each column, so empty and built frames share the validated dtypes."""
    # pandera checks list columns element by element; pandas itself holds them as plain objects.
    return {
        name: object if str(col.dtype) == "list[str]" else col.dtype.type
        for name, col in model.to_schema().columns.items()
    }


def empty_frame(model: type[pa.DataFrameModel]) -> pd.DataFrame:
    return frame_of(model, [])


def frame_of(model: type[pa.DataFrameModel], rows: Sequence[dict[str, Any]]) -> pd.DataFrame:
    """Rows (dicts keyed by column) -> a frame with exactly the model's columns, in order, typed."""
    dtypes = frame_dtypes(model)
    frame = pd.DataFrame(list(rows), columns=list(dtypes))
    return frame.astype(dtypes)


def _dataframe_checks(model: type[pa.DataFrameModel]) -> list[dict[str, Any]]:
    return [{"check": c.name, "description": c.description} for c in model.to_schema().checks]


def contract_of(model: type[pa.DataFrameModel]) -> dict[str, Any]:
    """The table's contract as plain data: grain first, then keys, columns and row checks."""
    schema = model.to_schema()
    return {
        "table": schema.name,
        "grain": schema.description,
        "schema_version": SCHEMA_VERSION,
        "primary_key": list(primary_key(model)),
        "columns": [
            {
                "name": s.name,
                "type": s.logical_type,
                "nullable": s.nullable,
                "unique": s.unique,
                "description": s.description,
                **({"references": s.references} if s.references else {}),
                **({"checks": list(s.checks)} if s.checks else {}),
            }
            for s in column_specs(model)
        ],
        "row_checks": _dataframe_checks(model),
    }


def contract_json(model: type[pa.DataFrameModel]) -> str:
    return json.dumps(contract_of(model), indent=2, ensure_ascii=False) + "\n"


def export_contract(out_dir: Path) -> list[Path]:
    """Write ``<table>.json`` per table into ``out_dir``; returns the paths written."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, model in TABLES.items():
        path = out_dir / f"{name}.json"
        path.write_text(contract_json(model), encoding="utf-8")
        written.append(path)
    return written


def _main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m aidebate_etl.tables")
    parser.add_argument("--export", type=Path, required=True, help="folder to write <table>.json into")
    args = parser.parse_args(argv)
    for path in export_contract(args.export):
        print(path)


if __name__ == "__main__":
    _main()
