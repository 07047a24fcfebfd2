from __future__ import annotations

import json

import pandas as pd
import pytest
from pandera.errors import SchemaErrors

from aidebate_etl import ids
from aidebate_etl.frames import build_frames
from aidebate_etl.records import (
    Claim,
    Mention,
    PageExtraction,
    PageResult,
    PageStructure,
    ParsedComment,
    Person,
    Resolution,
    SourceRecord,
)
from aidebate_etl.validate import validate_frames, validate_references

SHA = "d" * 64
ART = ids.article_id(SHA)
LEE = ids.person_id("Ann Lee")


def _frames(
    claims: tuple[Claim, ...] = (), mentions: tuple[Mention, ...] = (), person_of: dict | None = None
) -> dict[str, pd.DataFrame]:
    comments = (
        ParsedComment(1, 0, None, "u1", "first"),
        ParsedComment(2, 1, 1, "u2", "reply"),
        ParsedComment(3, 2, 2, "u3", "reply to reply"),
    )
    structure = PageStructure(title="T", subtitle=None, paragraphs=("Ann Lee spoke.",), comments=comments)
    result = PageResult(
        SourceRecord("p.txt", SHA, 10, "loaded", encoding="utf-8"),
        ART,
        structure,
        PageExtraction(mentions=mentions, claims=claims),
    )
    people = (Person(LEE, "Ann Lee"),)
    resolution = Resolution(
        people=people, person_of={(ART, "Ann Lee"): LEE} if person_of is None else person_of
    )
    return build_frames([result], resolution, "r1")


def _set(frames: dict[str, pd.DataFrame], table: str, column: str, value: object, row: int = 0) -> None:
    frame = frames[table].astype({column: object})
    frame.loc[row, column] = value
    frames[table] = frame


@pytest.mark.parametrize(
    ("table", "column", "value", "check", "reason"),
    [
        ("articles", "body", None, "not_nullable", "series_contains_nulls"),
        ("comments", "position", -1, "greater_than_or_equal_to(1)", "dataframe_check"),
        ("sources", "status", "lost", "isin(['loaded', 'rejected', 'duplicate'])", "dataframe_check"),
        ("people", "aliases", ["ok", 3], "dtype('list[str]')", "wrong_datatype"),
    ],
)
def test_validate_bad_row_goes_to_rejects_with_its_check(
    table: str, column: str, value: object, check: str, reason: str
) -> None:
    frames = _frames()
    _set(frames, table, column, value)
    valid, rejects = validate_frames(frames, "r1")
    found = rejects.loc[rejects["table_name"] == table, ["column_name", "check_name", "reason_code"]]
    assert (column, check, reason) in set(found.itertuples(index=False, name=None))
    assert len(valid[table]) == len(frames[table]) - 1


def test_validate_clean_frames_have_no_rejects() -> None:
    frames = _frames()
    valid, rejects = validate_frames(frames, "r1")
    assert rejects.empty
    assert {name: len(f) for name, f in valid.items()} == {name: len(f) for name, f in frames.items()}


def test_validate_reject_row_keeps_key_and_whole_row() -> None:
    frames = _frames()
    _set(frames, "articles", "body", None)
    rejects = validate_frames(frames, "r1")[1]
    reject = rejects[rejects["table_name"] == "articles"].iloc[0]
    assert (reject["row_key"], reject["run_id"]) == (ART, "r1")
    assert json.loads(reject["row_data"])["source_file"] == "p.txt"


def test_validate_comments_of_rejected_article_cascade() -> None:
    frames = _frames()
    _set(frames, "articles", "body", None)
    valid, rejects = validate_frames(frames, "r1")
    assert valid["comments"].empty
    orphans = rejects[rejects["table_name"] == "comments"]
    assert set(orphans["check_name"]) == {"references(articles.article_id)"}
    assert set(orphans["reason_code"]) == {"orphan_reference"}
    assert len(orphans) == 3


def test_validate_reply_chain_of_rejected_comment_cascades() -> None:
    frames = _frames()
    top = frames["comments"].index[frames["comments"]["position"] == 1][0]
    _set(frames, "comments", "author", None, row=top)
    valid, rejects = validate_frames(frames, "r1")
    assert valid["comments"].empty
    assert sorted(rejects["check_name"]) == [
        "not_nullable",
        "references(comments.comment_id)",
        "references(comments.comment_id)",
    ]


def test_validate_source_of_rejected_article_is_marked() -> None:
    frames = _frames()
    _set(frames, "articles", "body", None)
    source = validate_frames(frames, "r1")[0]["sources"].iloc[0]
    assert (source["status"], source["reason_code"], source["article_id"]) == (
        "rejected",
        "invalid_article",
        ART,
    )


def test_validate_duplicate_keys_reject_every_copy() -> None:
    frames = _frames()
    frames["people"] = pd.concat([frames["people"]] * 2, ignore_index=True)
    valid, rejects = validate_frames(frames, "r1")
    assert valid["people"].empty
    assert list(rejects["check_name"]).count("field_uniqueness") == 2
    assert rejects["reject_id"].is_unique


def test_validate_unresolved_person_speaker_is_rejected() -> None:
    claim = Claim("direct", "spoke", 8, 13, "Ann Lee", "person", "said", "explicit")
    valid, rejects = validate_frames(_frames(claims=(claim,), person_of={}), "r1")
    assert valid["claims"].empty
    assert list(rejects["check_name"]) == ["person_id_matches_kind"]


def test_validate_orphan_person_reference_is_rejected() -> None:
    frames = _frames(mentions=(Mention("Ann Lee", "Ann Lee", "body", 0, 7),))
    _set(frames, "mentions", "person_id", "per_unknown")
    valid, rejects = validate_frames(frames, "r1")
    assert valid["mentions"].empty
    assert (rejects.iloc[0]["check_name"], rejects.iloc[0]["failure_case"]) == (
        "references(people.person_id)",
        "per_unknown",
    )


def test_validate_missing_column_raises() -> None:
    frames = _frames()
    frames["claims"] = frames["claims"].drop(columns=["text"])
    with pytest.raises(SchemaErrors, match="text"):
        validate_frames(frames, "r1")


def test_validate_unknown_table_raises() -> None:
    with pytest.raises(ValueError, match="no such table"):
        validate_frames({"posts": pd.DataFrame()}, "r1")


def test_validate_references_needs_the_parent_frame() -> None:
    with pytest.raises(ValueError, match="no articles frame"):
        validate_references({"comments": _frames()["comments"]}, "r1")


def test_validate_reject_ids_are_stable() -> None:
    first, second = _frames(), _frames()
    for frames in (first, second):
        _set(frames, "articles", "body", None)
    # Another run rejects the same rows under the same ids: the run id is lineage, not identity.
    ids_of = [list(validate_frames(f, run)[1]["reject_id"]) for f, run in ((first, "r1"), (second, "r2"))]
    assert ids_of[0] == ids_of[1]
