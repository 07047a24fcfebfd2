"""Records -> one DataFrame per output table, typed as tables.py says, rows sorted by the table's key.

Only pages whose source is ``loaded`` and that have a structure contribute articles, comments, mentions,
claims and comment quotes; every page contributes its ``sources`` row. Nothing here drops a row because
it looks wrong: a row with a missing id (say, a mention whose person the resolver did not know) is built
with a null there, so validation sends it to ``rejects`` with the check that failed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from aidebate_etl import ids, tables
from aidebate_etl.records import Claim, PageExtraction, PageResult, Resolution, SourceRecord
from aidebate_etl.resolve.claim_groups import claim_variants

__all__ = [
    "build_articles_frame",
    "build_claim_variants_frame",
    "build_claims_frame",
    "build_comment_quotes_frame",
    "build_comments_frame",
    "build_frames",
    "build_mentions_frame",
    "build_people_frame",
    "build_sources_frame",
    "sort_rows",
]

# The order build_frames returns the tables in; spool.py builds the same tables batch by batch.
TABLE_ORDER = ("sources", "articles", "comments", "people", "mentions", "claims", "comment_quotes")

# Tables not sorted by their key. Claims come in reading order, an enclosing reported clause before the
# quote inside it: readers of the Parquet (and scorers that take the first matching row) meet claims as
# the article presents them.
_ROW_ORDER: dict[str, dict[str, bool]] = {
    "claims": {"article_id": True, "start_char": True, "end_char": False, "claim_id": True},
}


def build_frames(
    results: Sequence[PageResult], resolution: Resolution, run_id: str
) -> dict[str, pd.DataFrame]:
    """Every output table except ``rejects`` (validate.py) and ``runs`` (store/duckdb.py)."""
    built = {
        "sources": build_sources_frame(results, run_id),
        "articles": build_articles_frame(results, run_id),
        "comments": build_comments_frame(results),
        "people": build_people_frame(resolution),
        "mentions": build_mentions_frame(results, resolution),
        "claims": build_claims_frame(results, resolution),
        "comment_quotes": build_comment_quotes_frame(results),
    }
    return {name: built[name] for name in TABLE_ORDER}


def _articles(results: Sequence[PageResult]) -> list[PageResult]:
    return [
        r
        for r in results
        if r.source.status == "loaded" and r.structure is not None and r.article_id is not None
    ]


def sort_rows(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """The table's rows in its published order (a stable sort): by its key, or as ``_ROW_ORDER`` says."""
    order = _ROW_ORDER.get(name) or dict.fromkeys(tables.primary_key(tables.TABLES[name]), True)
    return frame.sort_values(
        list(order), ascending=list(order.values()), kind="stable", na_position="last"
    ).reset_index(drop=True)


def _sorted_frame(name: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    return sort_rows(name, tables.frame_of(tables.TABLES[name], rows))


def build_sources_frame(results: Sequence[PageResult], run_id: str) -> pd.DataFrame:
    article_of = {r.source.source_file: r.article_id for r in _articles(results)}
    rows = []
    for r in results:
        s = r.source
        # A duplicate was never parsed: it shares the article of the file it duplicates.
        article = article_of.get(s.duplicate_of or "") if s.status == "duplicate" else r.article_id
        rows.append(
            {
                "source_file": s.source_file,
                "sha256": s.sha256,
                "bytes": s.n_bytes,
                "status": s.status,
                "reason_code": s.reason_code,
                "error": s.error,
                "encoding": s.encoding,
                "duplicate_of": s.duplicate_of,
                "article_id": article,
                "run_id": run_id,
            }
        )
    return _sorted_frame("sources", rows)


def build_articles_frame(results: Sequence[PageResult], run_id: str) -> pd.DataFrame:
    rows = []
    for r in _articles(results):
        st = r.structure
        assert st is not None  # _articles keeps only pages with a structure
        rows.append(
            {
                "article_id": r.article_id,
                "source_file": r.source.source_file,
                "sha256": r.source.sha256,
                "title": st.title,
                "subtitle": st.subtitle,
                "body": st.body,
                "paragraph_count": len(st.paragraphs),
                "image_captions": list(st.image_captions),
                "image_credits": list(st.image_credits),
                "declared_comment_count": st.declared_comment_count,
                "comment_count": len(st.comments),
                "comment_style": st.comment_style,
                "run_id": run_id,
            }
        )
    return _sorted_frame("articles", rows)


def build_comments_frame(results: Sequence[PageResult]) -> pd.DataFrame:
    rows = []
    for r in _articles(results):
        article = r.article_id
        assert r.structure is not None and article is not None
        for c in r.structure.comments:
            parent = None if c.parent_position is None else ids.comment_id(article, c.parent_position)
            rows.append(
                {
                    "comment_id": ids.comment_id(article, c.position),
                    "article_id": article,
                    "parent_comment_id": parent,
                    "position": c.position,
                    "depth": c.depth,
                    "author": c.author,
                    "body": c.body,
                }
            )
    return _sorted_frame("comments", rows)


def build_people_frame(resolution: Resolution) -> pd.DataFrame:
    rows = [
        {"person_id": p.person_id, "name": p.name, "aliases": list(p.aliases), "roles": list(p.roles)}
        for p in resolution.people
    ]
    return _sorted_frame("people", rows)


def build_mentions_frame(results: Sequence[PageResult], resolution: Resolution) -> pd.DataFrame:
    rows = []
    for r in _articles(results):
        article = r.article_id
        assert article is not None
        for m in r.extraction.mentions:
            in_comment = m.field == "comment" and m.comment_position is not None
            rows.append(
                {
                    "mention_id": ids.mention_id(
                        article, m.field, m.field_index, m.comment_position, m.start_char, m.end_char
                    ),
                    "person_id": resolution.person_of.get((article, m.name)),
                    "article_id": article,
                    "comment_id": ids.comment_id(article, m.comment_position) if in_comment else None,
                    "field": m.field,
                    "field_index": m.field_index,
                    "start_char": m.start_char,
                    "end_char": m.end_char,
                    "surface": m.surface,
                    "role": m.role,
                }
            )
    return _sorted_frame("mentions", rows)


def _claim_ids(article: str, result: PageResult) -> list[str]:
    return [ids.claim_id(article, c.kind, c.start_char, c.end_char) for c in result.extraction.claims]


def build_claims_frame(results: Sequence[PageResult], resolution: Resolution) -> pd.DataFrame:
    name_of = {p.person_id: p.name for p in resolution.people}
    rows = []
    for r in _articles(results):
        article = r.article_id
        assert article is not None
        for claim, cid in zip(r.extraction.claims, _claim_ids(article, r), strict=True):
            person = None
            speaker = claim.speaker_name
            if claim.speaker_kind == "person" and speaker is not None:
                person = resolution.person_of.get((article, speaker))
                speaker = name_of.get(person, speaker) if person else speaker
            group = resolution.claim_group_of.get(cid) or ids.claim_group_id([cid])
            rows.append(
                {
                    "claim_id": cid,
                    "article_id": article,
                    "speaker_name": speaker,
                    "speaker_kind": claim.speaker_kind,
                    "speaker_person_id": person,
                    "kind": claim.kind,
                    "text": claim.text,
                    "start_char": claim.start_char,
                    "end_char": claim.end_char,
                    "cue": claim.cue,
                    "attribution": claim.attribution,
                    "speaker_surface": claim.speaker_surface,
                    "claim_group_id": group,
                }
            )
    return _sorted_frame("claims", rows)


def build_comment_quotes_frame(results: Sequence[PageResult]) -> pd.DataFrame:
    rows = []
    for r in _articles(results):
        article = r.article_id
        assert article is not None
        claim_ids = _claim_ids(article, r)
        for q in r.extraction.comment_quotes:
            if q.claim_index is not None and not 0 <= q.claim_index < len(claim_ids):
                # An extractor bug, not bad data: there is no claim to point at, so say so loudly.
                raise ValueError(
                    f"{r.source.source_file!r}: comment quote at comment {q.comment_position} points at "
                    f"claim index {q.claim_index}, but the page has {len(claim_ids)} claims"
                )
            rows.append(
                {
                    "comment_id": ids.comment_id(article, q.comment_position),
                    "claim_id": None if q.claim_index is None else claim_ids[q.claim_index],
                    "article_id": article,
                    "quoted_text": q.quoted_text,
                    "comment_start": q.comment_start,
                    "comment_end": q.comment_end,
                    "article_start": q.article_start,
                    "article_end": q.article_end,
                    "similarity": q.similarity,
                }
            )
    return _sorted_frame("comment_quotes", rows)


def build_claim_variants_frame(claims: pd.DataFrame) -> pd.DataFrame:
    """``claim_variants`` from a *validated* claims frame, so it never names a claim that was rejected.

    Built from the table rather than the page results so that both ways of building tables (in memory,
    or batch by batch from a spool) get it the same way, after validation.
    """
    by_article: dict[str, list[Claim]] = {}
    for row in claims.itertuples(index=False):
        claim = Claim(row.kind, row.text, int(row.start_char), int(row.end_char), None, None)
        by_article.setdefault(row.article_id, []).append(claim)
    # claim_variants reads only article ids and claims; the source record is a placeholder.
    placeholder = SourceRecord("", None, None, "loaded")
    results = [
        PageResult(placeholder, article, extraction=PageExtraction(claims=tuple(found)))
        for article, found in sorted(by_article.items())
    ]
    group_of = dict(zip(claims["claim_id"], claims["claim_group_id"], strict=True))
    return _sorted_frame("claim_variants", claim_variants(results, group_of))
