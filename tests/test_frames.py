from __future__ import annotations

import pandas as pd
import pytest

from aidebate_etl import ids, tables
from aidebate_etl.frames import build_frames
from aidebate_etl.records import (
    Claim,
    CommentQuote,
    Mention,
    PageExtraction,
    PageResult,
    PageStructure,
    ParsedComment,
    Person,
    Resolution,
    SourceRecord,
)

SHA = "c" * 64
ART = ids.article_id(SHA)
LEE = ids.person_id("Ann Lee")
BODY = 'Ann Lee said "we will win." The union argued that pay fell.'


def _result(
    claims: tuple[Claim, ...] = (),
    mentions: tuple[Mention, ...] = (),
    quotes: tuple[CommentQuote, ...] = (),
    comments: tuple[ParsedComment, ...] = (),
    name: str = "p.txt",
) -> PageResult:
    structure = PageStructure(title="T", subtitle=None, paragraphs=(BODY,), comments=comments)
    extraction = PageExtraction(mentions=mentions, claims=claims, comment_quotes=quotes)
    return PageResult(SourceRecord(name, SHA, 10, "loaded", encoding="utf-8"), ART, structure, extraction)


def _resolution(**kw: object) -> Resolution:
    return Resolution(people=(Person(LEE, "Ann Lee", ("Lee",)),), person_of={(ART, "Lee"): LEE}, **kw)


DIRECT = Claim("direct", "we will win.", 14, 26, "Lee", "person", "said", "explicit")
INDIRECT = Claim("indirect", "pay fell", 51, 59, "The union", "organization", "argued that", "explicit")
COMMENTS = (ParsedComment(1, 0, None, "u1", "we will win? no"), ParsedComment(2, 1, 1, "u2", ""))


def test_frames_build_frames_gives_every_input_table_with_contract_columns() -> None:
    frames = build_frames([_result()], _resolution(), "r")
    # claim_variants is derived from the validated claims (pipeline.with_derived_tables), not built here.
    assert set(frames) == set(tables.TABLES) - {"rejects", "runs", "claim_variants"}
    for name, frame in frames.items():
        assert list(frame.columns) == list(tables.frame_dtypes(tables.TABLES[name]))


def test_frames_empty_results_give_typed_empty_frames() -> None:
    frames = build_frames([], Resolution(), "r")
    assert all(len(f) == 0 for f in frames.values())
    assert frames["comments"]["position"].dtype == pd.Int64Dtype()


def test_frames_rows_sorted_by_key() -> None:
    frames = build_frames([_result(claims=(INDIRECT, DIRECT), comments=COMMENTS)], _resolution(), "r")
    for name in ("claims", "comments"):
        key = list(tables.primary_key(tables.TABLES[name]))
        assert frames[name][key].equals(frames[name][key].sort_values(key).reset_index(drop=True))


def test_frames_comment_ids_and_parents_come_from_ids() -> None:
    comments = build_frames([_result(comments=COMMENTS)], _resolution(), "r")["comments"]
    reply = comments.set_index("position").loc[2]
    assert reply["parent_comment_id"] == ids.comment_id(ART, 1)
    assert set(comments["comment_id"]) == {ids.comment_id(ART, 1), ids.comment_id(ART, 2)}


def test_frames_person_speaker_gets_canonical_name_and_id() -> None:
    claim = build_frames([_result(claims=(DIRECT,))], _resolution(), "r")["claims"].iloc[0]
    assert (claim["claim_id"], claim["speaker_name"], claim["speaker_person_id"]) == (
        ids.claim_id(ART, "direct", 14, 26),
        "Ann Lee",
        LEE,
    )


def test_frames_organization_speaker_keeps_name_without_person_id() -> None:
    claim = build_frames([_result(claims=(INDIRECT,))], _resolution(), "r")["claims"].iloc[0]
    assert (claim["speaker_name"], claim["speaker_kind"]) == ("The union", "organization")
    assert pd.isna(claim["speaker_person_id"])


@pytest.mark.parametrize("grouped", [True, False])
def test_frames_claim_group_from_resolution_or_its_own(grouped: bool) -> None:
    cid = ids.claim_id(ART, "direct", 14, 26)
    groups = {cid: "grp_shared"} if grouped else {}
    claim = build_frames([_result(claims=(DIRECT,))], _resolution(claim_group_of=groups), "r")["claims"].iloc[
        0
    ]
    assert claim["claim_group_id"] == ("grp_shared" if grouped else ids.claim_group_id([cid]))


@pytest.mark.parametrize(("claim_index", "expected"), [(1, "direct"), (None, None)])
def test_frames_comment_quote_claim_from_index(claim_index: int | None, expected: str | None) -> None:
    quote = CommentQuote(1, "we will win", 0, 11, 14, 25, 0.9, claim_index)
    frame = build_frames(
        [_result(claims=(INDIRECT, DIRECT), quotes=(quote,), comments=COMMENTS)], _resolution(), "r"
    )
    row = frame["comment_quotes"].iloc[0]
    assert row["comment_id"] == ids.comment_id(ART, 1)
    if expected is None:
        assert pd.isna(row["claim_id"])
    else:
        assert row["claim_id"] == ids.claim_id(ART, "direct", 14, 26)


def test_frames_comment_quote_with_missing_claim_index_raises() -> None:
    quote = CommentQuote(1, "x", 0, 1, 0, 1, 1.0, claim_index=5)
    with pytest.raises(ValueError, match="claim index 5"):
        build_frames([_result(quotes=(quote,), comments=COMMENTS)], _resolution(), "r")


def test_frames_mention_comment_id_only_for_comment_field() -> None:
    mentions = (
        Mention("Lee", "Ann Lee", "body", 0, 7),
        Mention("Lee", "Lee", "comment", 0, 3, comment_position=1),
    )
    frame = build_frames([_result(mentions=mentions, comments=COMMENTS)], _resolution(), "r")["mentions"]
    by_field = frame.set_index("field")
    assert pd.isna(by_field.loc["body", "comment_id"])
    assert by_field.loc["comment", "comment_id"] == ids.comment_id(ART, 1)
    assert set(frame["person_id"]) == {LEE}


def test_frames_unresolved_mention_keeps_a_null_person() -> None:
    frame = build_frames([_result(mentions=(Mention("Nobody", "Nobody", "body", 0, 6),))], _resolution(), "r")
    assert frame["mentions"]["person_id"].isna().all()


def test_frames_duplicate_and_rejected_pages_only_in_sources() -> None:
    duplicate = PageResult(
        SourceRecord("q.txt", SHA, 10, "duplicate", "duplicate_content", "same", None, "p.txt")
    )
    rejected = PageResult(SourceRecord("z.txt", None, None, "rejected", "binary", "NUL bytes"))
    frames = build_frames([_result(), duplicate, rejected], _resolution(), "r")
    sources = frames["sources"].set_index("source_file")
    assert list(frames["articles"]["source_file"]) == ["p.txt"]
    assert sources.loc["q.txt", "article_id"] == ART
    assert pd.isna(sources.loc["z.txt", "article_id"])


def test_frames_article_lists_and_counts() -> None:
    article = build_frames([_result(comments=COMMENTS)], _resolution(), "run_9")["articles"].iloc[0]
    assert (article["body"], article["paragraph_count"], article["comment_count"]) == (BODY, 1, 2)
    assert (article["image_captions"], article["run_id"]) == ([], "run_9")
