"""Validated frames, and a ``rejects`` frame for every row kept out of its table.

Two steps, both lazy (every failure is collected, none stops the others):

1. Row checks per table (the tables.py model: types, nulls, enums, ranges, uniqueness, row rules).
   A failure that names a row sends that row to rejects with pandera's check and reason code. A failure
   that names no row (a missing or extra column, a column of the wrong type) is a bug in the code that
   built the frame, so pandera's ``SchemaErrors`` is raised and the run stops.
2. References (``validate_references``): a row pointing at a key its parent table does not hold is
   rejected as ``orphan_reference``. This cascades: a comment whose article was rejected is rejected,
   then the replies to that comment, then mentions in any of them, and so on, until nothing changes.

Finally a loaded source whose article did not survive is marked ``rejected`` / ``invalid_article``, so the
sources table still says what became of every file. Surviving rows are validated once more.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaError, SchemaErrors

from aidebate_etl import ids, tables

__all__ = ["INVALID_ARTICLE", "ORPHAN_REFERENCE", "validate_frames", "validate_references"]

ORPHAN_REFERENCE = "orphan_reference"
INVALID_ARTICLE = "invalid_article"

# Tables validate.py checks; rejects is its output and runs is written by the loader.
_INPUT_TABLES = tuple(name for name in tables.TABLES if name not in ("rejects", "runs"))


def validate_frames(
    frames: dict[str, pd.DataFrame], run_id: str
) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """(frames holding only rows that passed every check, the rejects frame). Raises on schema errors."""
    unknown = sorted(set(frames) - set(_INPUT_TABLES))
    if unknown:
        raise ValueError(f"no such table to validate: {unknown}; expected some of {list(_INPUT_TABLES)}")
    valid: dict[str, pd.DataFrame] = {}
    rejects: list[dict[str, Any]] = []
    for name in _INPUT_TABLES:
        if name in frames:
            valid[name], bad = _validate_rows(name, frames[name], run_id)
            rejects.extend(bad)
    valid, ref_rejects = _check_references(valid, run_id)
    rejects.extend(ref_rejects)
    if "sources" in valid and "articles" in valid:
        valid["sources"] = _mark_invalid_articles(valid["sources"], valid["articles"])
    for name, frame in valid.items():
        # Dropping rows cannot make the rest fail, but a second pass proves it before anything is written.
        valid[name] = tables.TABLES[name].validate(frame, lazy=True)
    return valid, _rejects_frame(rejects)


def validate_references(
    frames: dict[str, pd.DataFrame], run_id: str
) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """Reject rows whose references point at no parent row, cascading to a fixed point."""
    valid, rejects = _check_references(dict(frames), run_id)
    return valid, _rejects_frame(rejects)


# ------------------------------------------------------------------------------------------ row checks
def _validate_rows(name: str, frame: pd.DataFrame, run_id: str) -> tuple[pd.DataFrame, list[dict[str, Any]]]:
    model = tables.TABLES[name]
    frame = frame.reset_index(drop=True)
    try:
        return model.validate(frame, lazy=True), []
    except SchemaErrors as exc:
        schema_level = [e for e in exc.schema_errors if not _names_rows(e)]
        if schema_level:
            raise
        rejects = [
            reject for err in exc.schema_errors for reject in _rejects_of_error(name, frame, err, run_id)
        ]
    bad_rows = sorted({r["_row"] for r in rejects})
    good = frame.drop(index=bad_rows).reset_index(drop=True)
    return model.validate(good, lazy=True), rejects


def _names_rows(err: SchemaError) -> bool:
    cases = err.failure_cases
    return isinstance(cases, pd.DataFrame) and "index" in cases and bool(cases["index"].notna().all())


def _check_name(err: SchemaError) -> str:
    check = err.check
    if isinstance(check, pa.Check):
        # Built-in checks carry their arguments in ``error`` ("isin(['direct', 'indirect'])").
        return check.error or check.name or "check"
    return str(check)


def _rejects_of_error(name: str, frame: pd.DataFrame, err: SchemaError, run_id: str) -> list[dict[str, Any]]:
    cases = err.failure_cases
    check = _check_name(err)
    reason = err.reason_code.name.lower() if err.reason_code is not None else "check_failed"
    out = []
    # A whole-row check reports one case per column of the row; one reject per row and check is enough.
    for row, group in cases.groupby("index", sort=True):
        columns = list(group["column"]) if "column" in group else [err.column_name] * len(group)
        values = [_jsonable(v) for v in group["failure_case"]]
        if len(group) == 1:
            column_name = columns[0] if columns[0] is not None else err.column_name
            failure = None if values[0] is None else _text(values[0])
        else:
            column_name = ",".join(dict.fromkeys(str(c) for c in columns))
            failure = json.dumps(dict(zip(map(str, columns), values, strict=True)), ensure_ascii=False)
        out.append(_reject(name, frame, int(row), column_name, check, reason, failure, run_id))
    return out


# ------------------------------------------------------------------------------------------ references
def _check_references(
    frames: dict[str, pd.DataFrame], run_id: str
) -> tuple[dict[str, pd.DataFrame], list[dict[str, Any]]]:
    refs = [r for r in tables.references() if r.table in frames]
    for ref in refs:
        if ref.parent_table not in frames:
            raise ValueError(f"cannot check {ref.table}.{ref.column}: no {ref.parent_table} frame was given")
    rejects: list[dict[str, Any]] = []
    changed = True
    while changed:  # self-references (replies to replies) need one pass per level
        changed = False
        for ref in refs:
            child = frames[ref.table].reset_index(drop=True)
            keys = frames[ref.parent_table][ref.parent_column]
            values = child[ref.column]
            orphan = values.notna() & ~values.isin(set(keys.dropna()))
            if not orphan.any():
                continue
            check = f"references({ref.parent_table}.{ref.parent_column})"
            for row in np.flatnonzero(orphan.to_numpy()):
                failure = _text(_jsonable(values.iloc[row]))
                rejects.append(
                    _reject(ref.table, child, int(row), ref.column, check, ORPHAN_REFERENCE, failure, run_id)
                )
            frames[ref.table] = child[~orphan.to_numpy()].reset_index(drop=True)
            changed = True
    return frames, rejects


def _mark_invalid_articles(sources: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    lost = (
        sources["status"].eq("loaded")
        & sources["article_id"].notna()
        & ~sources["article_id"].isin(set(articles["article_id"]))
    ).to_numpy()
    if not lost.any():
        return sources
    sources = sources.copy()
    sources.loc[lost, "status"] = "rejected"
    sources.loc[lost, "reason_code"] = INVALID_ARTICLE
    sources.loc[lost, "error"] = [
        f"article {a} failed validation; see rejects" for a in sources.loc[lost, "article_id"]
    ]
    return sources


# --------------------------------------------------------------------------------------------- rejects
def _reject(
    table: str,
    frame: pd.DataFrame,
    row: int,
    column: str | None,
    check: str,
    reason: str,
    failure: str | None,
    run_id: str,
) -> dict[str, Any]:
    record = {k: _jsonable(v) for k, v in frame.iloc[row].items()}
    key_columns = tables.primary_key(tables.TABLES[table])
    key_values = [record.get(k) for k in key_columns]
    if any(v is None for v in key_values):
        row_key = None
    elif len(key_values) == 1:
        row_key = _text(key_values[0])
    else:
        row_key = json.dumps(key_values, ensure_ascii=False)
    # The run that built a row is lineage, not content: leaving it out keeps a re-run's reject ids.
    content = {k: v for k, v in record.items() if k != "run_id"}
    return {
        "_row": row,
        "_content": json.dumps(content, ensure_ascii=False, sort_keys=True),
        "reject_id": None,  # set in _rejects_frame, once identical rejects can be told apart
        "run_id": run_id,
        "table_name": table,
        "row_key": row_key,
        "column_name": column,
        "check_name": check,
        "reason_code": reason,
        "failure_case": failure,
        "row_data": json.dumps(record, ensure_ascii=False, sort_keys=True),
    }


def _rejects_frame(rejects: Iterable[dict[str, Any]]) -> pd.DataFrame:
    rows = []
    seen: dict[tuple[Any, ...], int] = {}
    for r in rejects:
        what = (r["table_name"], r["_content"], r["column_name"], r["check_name"])
        seen[what] = seen.get(what, -1) + 1
        rows.append({k: v for k, v in r.items() if not k.startswith("_")})
        rows[-1]["reject_id"] = ids.reject_id(*what, occurrence=seen[what])
    frame = tables.frame_of(tables.Rejects, rows)
    frame = frame.sort_values("reject_id", kind="stable").reset_index(drop=True)
    return tables.Rejects.validate(frame, lazy=True)


def _jsonable(value: Any) -> Any:
    """A cell as plain JSON data: lists stay lists, every kind of missing becomes None."""
    if isinstance(value, list | tuple | np.ndarray):
        return [_jsonable(v) for v in value]
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, np.generic):
        return _jsonable(value.item())
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    if isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
