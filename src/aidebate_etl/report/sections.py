"""What each section of the report shows, read from the warehouse through a read-only connection.

One function per section, each returning plain rows (dataclasses); charts and the template take it from
there. Every query is a constant: nothing from the user or the data is pasted into SQL.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import duckdb

from aidebate_etl.report.diff import Segment, coverage, highlight_span, word_diff

# Claims a speaker row lists in full; the rest are counted ("and 12 more") to keep the page readable.
CLAIMS_PER_SPEAKER = 40
# Claim groups shown with their variants side by side, most widely quoted first.
MAX_CLAIM_GROUPS = 60


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict[str, Any]]:
    cursor = con.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


# ------------------------------------------------------------------------------------------- articles


@dataclass(frozen=True, slots=True)
class ArticleRow:
    article_id: str
    title: str | None
    source_file: str
    claim_count: int
    direct_claim_count: int
    comment_count: int
    declared_comment_count: int | None
    quoting_comment_count: int
    people_count: int

    @property
    def comments_missing(self) -> int | None:
        """Comments the page announces but the parser did not find (negative: more found than announced)."""
        if self.declared_comment_count is None:
            return None
        return self.declared_comment_count - self.comment_count


def article_rows(con: duckdb.DuckDBPyConnection) -> list[ArticleRow]:
    rows = _rows(
        con,
        """
        select
            a.article_id,
            a.title,
            a.source_file,
            (select count(*) from claims c where c.article_id = a.article_id) as claim_count,
            (select count(*) from claims c where c.article_id = a.article_id and c.kind = 'direct')
                as direct_claim_count,
            (select count(*) from comments m where m.article_id = a.article_id) as comment_count,
            a.declared_comment_count,
            (select count(distinct q.comment_id) from comment_quotes q where q.article_id = a.article_id)
                as quoting_comment_count,
            (select count(distinct p.person_id) from mentions p where p.article_id = a.article_id)
                as people_count
        from articles a
        order by a.source_file, a.article_id
        """,
    )
    return [ArticleRow(**row) for row in rows]


# ------------------------------------------------------------------------------------------- speakers


@dataclass(frozen=True, slots=True)
class SpeakerClaim:
    claim_id: str
    kind: str
    text: str
    source_file: str
    article_title: str | None
    cue: str | None


@dataclass(slots=True)
class SpeakerRow:
    anchor: str
    speaker_name: str | None
    speaker_kind: str | None
    claim_count: int
    direct_claim_count: int
    indirect_claim_count: int
    article_count: int
    claims: list[SpeakerClaim] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.speaker_name or "(no speaker named)"

    @property
    def hidden_claims(self) -> int:
        return max(0, self.claim_count - len(self.claims))


def _speaker_key(person_id: str | None, name: str | None, kind: str | None) -> tuple[str, str, str]:
    return (person_id or "", name or "", kind or "")


def speaker_rows(con: duckdb.DuckDBPyConnection) -> list[SpeakerRow]:
    """Speakers by claim count, each with its claims (the unattributed claims as one last row).

    Read from ``claims`` itself rather than the ``claims_by_speaker`` view, so the report keeps working
    on warehouses written before or after a change to the views.
    """
    speakers = _rows(
        con,
        """
        select speaker_person_id, speaker_name, speaker_kind,
               count(*) as claim_count,
               count(*) filter (where kind = 'direct') as direct_claim_count,
               count(*) filter (where kind = 'indirect') as indirect_claim_count,
               count(distinct article_id) as article_count
        from claims
        group by speaker_person_id, speaker_name, speaker_kind
        order by speaker_name is null, claim_count desc, speaker_name, speaker_person_id
        """,
    )
    by_key: dict[tuple[str, str, str], SpeakerRow] = {}
    for n, s in enumerate(speakers):
        key = _speaker_key(s.pop("speaker_person_id"), s["speaker_name"], s["speaker_kind"])
        # Anchors are positional, not derived from names: names can hold any character.
        by_key[key] = SpeakerRow(anchor=f"speaker-{n + 1}", **s)
    claims = _rows(
        con,
        """
        select c.speaker_person_id, c.speaker_name, c.speaker_kind, c.claim_id, c.kind, c.text, c.cue,
               a.source_file, a.title as article_title
        from claims c join articles a using (article_id)
        order by a.source_file, c.start_char, c.claim_id
        """,
    )
    for c in claims:
        key = _speaker_key(c.pop("speaker_person_id"), c.pop("speaker_name"), c.pop("speaker_kind"))
        row = by_key.get(key)
        if row is not None and len(row.claims) < CLAIMS_PER_SPEAKER:
            row.claims.append(SpeakerClaim(**c))
    return list(by_key.values())


# --------------------------------------------------------------------------------------- claim groups


@dataclass(frozen=True, slots=True)
class Variant:
    claim_id: str
    source_file: str
    reference: list[Segment]
    text: list[Segment]
    coverage: float


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    claim_group_id: str
    variant_count: int
    article_count: int
    speaker_names: list[str]
    reference_text: str
    reference_source: str
    variants: list[Variant]


@dataclass(frozen=True, slots=True)
class ClaimGroups:
    groups: list[ClaimGroup]
    group_count: int
    single_count: int


def claim_groups(con: duckdb.DuckDBPyConnection, limit: int = MAX_CLAIM_GROUPS) -> ClaimGroups:
    """Groups with two or more variants, each variant diffed against the group's longest text.

    Built from ``claims.claim_group_id`` (the contract's grouping), not from a view of it, for the same
    reason as speaker_rows. Most widely travelled first: pages, then variants.
    """
    rows = _rows(
        con,
        """
        select c.claim_group_id, c.claim_id, c.article_id, c.speaker_name, c.text, a.source_file
        from claims c join articles a using (article_id)
        order by c.claim_group_id, length(c.text) desc, c.claim_id
        """,
    )
    members: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        members[row["claim_group_id"]].append(row)
    multi = [m for m in members.values() if len(m) > 1]
    multi.sort(key=lambda m: (-len({r["article_id"] for r in m}), -len(m), m[0]["claim_group_id"]))
    groups = []
    for m in multi[:limit]:
        reference = m[0]["text"]
        variants = []
        for r in m[1:]:
            left, right = word_diff(reference, r["text"])
            share = coverage(reference, r["text"])
            variants.append(Variant(r["claim_id"], r["source_file"], left, right, share))
        groups.append(
            ClaimGroup(
                claim_group_id=m[0]["claim_group_id"],
                variant_count=len(m),
                article_count=len({r["article_id"] for r in m}),
                speaker_names=sorted({r["speaker_name"] for r in m if r["speaker_name"]}),
                reference_text=reference,
                reference_source=m[0]["source_file"],
                variants=variants,
            )
        )
    return ClaimGroups(groups=groups, group_count=len(multi), single_count=len(members) - len(multi))


# -------------------------------------------------------------------------------------------- threads


@dataclass(frozen=True, slots=True)
class ThreadRow:
    article_id: str
    source_file: str
    root_comment_id: str
    root_author: str
    size: int
    max_depth: int


def thread_rows(con: duckdb.DuckDBPyConnection) -> list[ThreadRow]:
    """One row per top-level comment: how many comments its thread holds and how deep it goes.

    Roots are found by following parent_comment_id here rather than through the recursive
    ``comment_threads`` view; a comment whose parent chain is broken or loops counts as its own root.
    """
    comments = _rows(
        con,
        """
        select m.comment_id, m.parent_comment_id, m.article_id, m.depth, m.position, m.author, a.source_file
        from comments m join articles a using (article_id)
        order by a.source_file, m.article_id, m.position
        """,
    )
    by_id = {c["comment_id"]: c for c in comments}

    def root_of(comment: dict[str, Any]) -> dict[str, Any]:
        seen = {comment["comment_id"]}
        while (parent := by_id.get(comment["parent_comment_id"] or "")) and parent["comment_id"] not in seen:
            seen.add(parent["comment_id"])
            comment = parent
        return comment

    members: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for c in comments:
        members[root_of(c)["comment_id"]].append(c)
    rows = []
    for root_id, thread in members.items():
        root = by_id[root_id]
        rows.append(
            ThreadRow(
                article_id=root["article_id"],
                source_file=root["source_file"],
                root_comment_id=root_id,
                root_author=root["author"],
                size=len(thread),
                max_depth=max(c["depth"] for c in thread) - root["depth"],
            )
        )
    rows.sort(key=lambda t: (-t.size, -t.max_depth, t.source_file, by_id[t.root_comment_id]["position"]))
    return rows


def depth_counts(con: duckdb.DuckDBPyConnection) -> list[dict[str, int]]:
    return _rows(con, "select depth, count(*) as comments from comments group by depth order by depth")


@dataclass(frozen=True, slots=True)
class QuotingComment:
    comment_id: str
    author: str
    source_file: str
    depth: int
    comment: list[Segment]
    claim_text: str | None
    speaker_name: str | None
    article_excerpt: list[Segment]
    similarity: float


def quoting_comments(con: duckdb.DuckDBPyConnection) -> list[QuotingComment]:
    """Each comment span that quotes the article, beside the claim it falls in (or the article text)."""
    rows = _rows(
        con,
        """
        select q.comment_id, m.author, a.source_file, m.depth, m.body, q.comment_start, q.comment_end,
               c.text as claim_text, c.speaker_name, a.body as article_body, q.article_start,
               q.article_end, q.similarity
        from comment_quotes q
        join comments m using (comment_id)
        join articles a on a.article_id = q.article_id
        left join claims c on c.claim_id = q.claim_id
        order by a.source_file, m.position, q.comment_start
        """,
    )
    return [
        QuotingComment(
            comment_id=r["comment_id"],
            author=r["author"],
            source_file=r["source_file"],
            depth=r["depth"],
            comment=highlight_span(r["body"], r["comment_start"], r["comment_end"]),
            claim_text=r["claim_text"],
            speaker_name=r["speaker_name"],
            article_excerpt=highlight_span(
                r["article_body"], r["article_start"], r["article_end"], context_chars=120
            ),
            similarity=r["similarity"],
        )
        for r in rows
    ]


# --------------------------------------------------------------------------------------------- people


@dataclass(frozen=True, slots=True)
class PersonRow:
    person_id: str
    name: str
    aliases: list[str]
    roles: list[str]
    mention_count: int
    article_count: int
    claim_count: int


def people_rows(con: duckdb.DuckDBPyConnection) -> list[PersonRow]:
    rows = _rows(
        con,
        """
        select p.person_id, p.name, p.aliases, p.roles,
               (select count(*) from mentions m where m.person_id = p.person_id) as mention_count,
               (select count(distinct m.article_id) from mentions m where m.person_id = p.person_id)
                   as article_count,
               (select count(*) from claims c where c.speaker_person_id = p.person_id) as claim_count
        from people p
        order by claim_count desc, mention_count desc, p.name
        """,
    )
    return [PersonRow(**row) for row in rows]


# --------------------------------------------------------------------------------------- data quality


@dataclass(frozen=True, slots=True)
class SourceProblem:
    source_file: str
    status: str
    reason_code: str | None
    error: str | None
    duplicate_of: str | None
    bytes: int | None


def source_problems(con: duckdb.DuckDBPyConnection) -> list[SourceProblem]:
    """Input files that did not become articles: rejected ones and duplicates."""
    rows = _rows(
        con,
        """
        select source_file, status, reason_code, error, duplicate_of, bytes
        from sources
        where status <> 'loaded'
        order by status, reason_code, source_file
        """,
    )
    return [SourceProblem(**row) for row in rows]


def source_status_counts(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Input files by outcome, e.g. loaded / rejected: binary; for the data-quality chart."""
    return _rows(
        con,
        """
        select status, coalesce(reason_code, status) as reason, count(*) as files
        from sources group by all order by files desc, reason
        """,
    )


@dataclass(frozen=True, slots=True)
class RejectRow:
    table_name: str
    row_key: str | None
    column_name: str | None
    check_name: str
    reason_code: str
    failure_case: str | None
    row_data: str


def validation_rejects(con: duckdb.DuckDBPyConnection) -> list[RejectRow]:
    rows = _rows(
        con,
        """
        select table_name, row_key, column_name, check_name, reason_code, failure_case, row_data
        from rejects order by table_name, check_name, row_key
        """,
    )
    return [RejectRow(**row) for row in rows]


@dataclass(frozen=True, slots=True)
class RunRow:
    run_id: str
    started_at: datetime
    finished_at: datetime
    status: str
    pages_in: int
    pages_loaded: int
    pages_rejected: int
    pages_duplicate: int
    code_version: str | None
    source_dir: str | None
    row_counts: dict[str, int]
    stage_seconds: dict[str, float]

    @property
    def seconds(self) -> float:
        return (self.finished_at - self.started_at).total_seconds()


def _json_object(text: str | None) -> dict[str, Any]:
    """A JSON object column; anything else (null, malformed, older format) reads as empty."""
    try:
        value = json.loads(text) if text else {}
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def run_rows(con: duckdb.DuckDBPyConnection) -> list[RunRow]:
    """Every run the warehouse remembers, newest first."""
    rows = _rows(
        con,
        """
        select run_id, started_at, finished_at, status, pages_in, pages_loaded, pages_rejected,
               pages_duplicate, code_version, source_dir, row_counts, stage_seconds
        from runs order by started_at desc, run_id
        """,
    )
    for row in rows:
        row["row_counts"] = _json_object(row["row_counts"])
        row["stage_seconds"] = _json_object(row["stage_seconds"])
    return [RunRow(**row) for row in rows]


# -------------------------------------------------------------------------------------------- summary


@dataclass(frozen=True, slots=True)
class ReportData:
    warehouse: str
    generated_at: datetime
    table_counts: dict[str, int]
    articles: list[ArticleRow]
    speakers: list[SpeakerRow]
    claim_groups: ClaimGroups
    threads: list[ThreadRow]
    depths: list[dict[str, int]]
    quoting_comments: list[QuotingComment]
    people: list[PersonRow]
    source_problems: list[SourceProblem]
    source_status: list[dict[str, Any]]
    rejects: list[RejectRow]
    runs: list[RunRow]

    @property
    def latest_run(self) -> RunRow | None:
        return self.runs[0] if self.runs else None

    @property
    def reject_counts(self) -> list[tuple[str, int]]:
        counts = Counter(f"{r.table_name}: {r.check_name}" for r in self.rejects)
        return counts.most_common()


TABLES = ("sources", "articles", "comments", "people", "mentions", "claims", "comment_quotes", "rejects")


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    counts = {}
    for name in TABLES:  # table names come from the constant above, never from input
        counts[name] = con.execute(f"select count(*) from {name}").fetchone()[0]
    return counts


def load_report_data(con: duckdb.DuckDBPyConnection, warehouse: str) -> ReportData:
    return ReportData(
        warehouse=warehouse,
        generated_at=datetime.now().astimezone(),
        table_counts=table_counts(con),
        articles=article_rows(con),
        speakers=speaker_rows(con),
        claim_groups=claim_groups(con),
        threads=thread_rows(con),
        depths=depth_counts(con),
        quoting_comments=quoting_comments(con),
        people=people_rows(con),
        source_problems=source_problems(con),
        source_status=source_status_counts(con),
        rejects=validation_rejects(con),
        runs=run_rows(con),
    )
