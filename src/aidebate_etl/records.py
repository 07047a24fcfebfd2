"""Typed records that flow between the stages, each declared once.

raw file -> ``Page`` (sources.py)
         -> ``PageStructure`` (parse/: title, body paragraphs, images, comment thread)
         -> ``PageExtraction`` (extract/: people, mentions, claims, comment quotes; page-local names)
         -> cross-page resolution (resolve/: person ids, claim groups)
         -> table rows (frames.py) -> validated frames -> Parquet -> DuckDB.

Offsets (``start_char``/``end_char``) are Python string offsets, end exclusive, into the text of the
field named beside them: ``PageStructure.body`` for the article body, a comment's ``body`` for a comment.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

# Where in a page a span of text sits. A mention in a caption or credit names its list index in
# ``field_index``; a mention in a comment names the comment's position.
Field = Literal["title", "subtitle", "byline", "body", "caption", "credit", "comment"]
ClaimKind = Literal["direct", "indirect"]
SpeakerKind = Literal["person", "organization"]
SourceStatus = Literal["loaded", "rejected", "duplicate"]

# Paragraphs are joined with one blank line, everywhere (contract: "paragraphs joined by a blank line").
PARAGRAPH_SEPARATOR = "\n\n"


@dataclass(frozen=True, slots=True)
class Page:
    """One input file, decoded to text (newlines normalised to ``\\n``)."""

    source_file: str
    sha256: str
    n_bytes: int
    encoding: str
    text: str


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """What became of one input file; every file gets exactly one."""

    source_file: str
    sha256: str | None
    n_bytes: int | None
    status: SourceStatus
    reason_code: str | None = None  # stable snake_case code from errors.py, null when loaded
    error: str | None = None  # human-readable reason, null when loaded
    encoding: str | None = None
    duplicate_of: str | None = None  # the source_file this one duplicates


# ---------------------------------------------------------------- page structure (parse/)
@dataclass(frozen=True, slots=True)
class Image:
    """An image slot of the article: its caption and/or its credit (either may be absent)."""

    caption: str | None
    credit: str | None


@dataclass(frozen=True, slots=True)
class ParsedComment:
    """A reader comment as laid out on the page."""

    position: int  # 1-based order on the page
    depth: int  # 0 = top level
    parent_position: int | None  # position of the comment it answers, None at top level
    author: str  # the handle as shown
    body: str  # paragraphs joined by PARAGRAPH_SEPARATOR; "" when the comment has no text


@dataclass(frozen=True, slots=True)
class PageStructure:
    """The article and its comment thread, with page furniture removed."""

    title: str | None  # None: body prose with no headline (parse.article.find_headline)
    subtitle: str | None
    paragraphs: tuple[str, ...]
    images: tuple[Image, ...] = ()
    declared_comment_count: int | None = None
    comments: tuple[ParsedComment, ...] = ()
    comment_style: str | None = None  # which thread layout was recognised, None without comments
    bylines: tuple[str, ...] = ()  # author lines as printed ("By Jane Roe and Kim Lee"), furniture removed

    @property
    def body(self) -> str:
        return PARAGRAPH_SEPARATOR.join(self.paragraphs)

    @property
    def image_captions(self) -> tuple[str, ...]:
        return tuple(i.caption for i in self.images if i.caption)

    @property
    def image_credits(self) -> tuple[str, ...]:
        return tuple(i.credit for i in self.images if i.credit)

    def paragraph_starts(self) -> tuple[int, ...]:
        """Offset of each paragraph inside ``body``."""
        starts, at = [], 0
        for p in self.paragraphs:
            starts.append(at)
            at += len(p) + len(PARAGRAPH_SEPARATOR)
        return tuple(starts)


# ---------------------------------------------------------------- extraction (extract/), page-local
@dataclass(frozen=True, slots=True)
class PagePerson:
    """A named human as one page knows them: ``name`` is the page's fullest form of the name."""

    name: str
    aliases: tuple[str, ...] = ()  # other surface forms seen on this page
    roles: tuple[str, ...] = ()  # titles and roles the page gives (e.g. "former Google CEO")


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of a person (``name`` is the PagePerson.name it refers to)."""

    name: str
    surface: str
    field: Field
    start_char: int
    end_char: int
    comment_position: int | None = None  # set when field == "comment"
    field_index: int = 0  # list index for captions, credits and bylines
    role: str | None = None  # the title or role written next to this mention


@dataclass(frozen=True, slots=True)
class Claim:
    """A statement in the article body, direct (between quote marks) or reported."""

    kind: ClaimKind
    text: str  # for direct claims: what stands between the marks, without them
    start_char: int  # span of ``text`` in PageStructure.body
    end_char: int
    speaker_name: str | None  # page-level canonical name (PagePerson.name for people)
    speaker_kind: SpeakerKind | None
    cue: str | None = None  # the reporting verb or attribution cue ("said", "according to", ":")
    attribution: str | None = None  # how the speaker was found: explicit, pronoun, epithet, continuation…
    speaker_surface: str | None = None  # the words that name the speaker, as written


@dataclass(frozen=True, slots=True)
class CommentQuote:
    """A span of a comment that quotes the article (and the claim it quotes, if any)."""

    comment_position: int
    quoted_text: str
    comment_start: int  # span in the comment's body
    comment_end: int
    article_start: int  # matching span in PageStructure.body
    article_end: int
    similarity: float  # 0..1, how closely the quoted span matches the article text
    claim_index: int | None = None  # index into PageExtraction.claims, None when no claim is quoted


@dataclass(frozen=True, slots=True)
class PageExtraction:
    people: tuple[PagePerson, ...] = ()
    mentions: tuple[Mention, ...] = ()
    claims: tuple[Claim, ...] = ()
    comment_quotes: tuple[CommentQuote, ...] = ()


@dataclass(frozen=True, slots=True)
class PageResult:
    """Everything the per-page stages made of one page, or why they could not."""

    source: SourceRecord
    article_id: str | None = None
    structure: PageStructure | None = None
    extraction: PageExtraction = field(default_factory=PageExtraction)
    from_cache: bool = False  # True when the page cache (cache.py) supplied it: no extraction ran


# ---------------------------------------------------------------- cross-page resolution (resolve/)
@dataclass(frozen=True, slots=True)
class Person:
    """A distinct real person across all pages."""

    person_id: str
    name: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Resolution:
    """The cross-page step's output: one id per person everywhere, and claim groups."""

    people: tuple[Person, ...] = ()
    # (article_id, PagePerson.name on that page) -> person_id
    person_of: dict[tuple[str, str], str] = field(default_factory=dict)
    # claim_id -> claim_group_id, for every claim of every loaded page
    claim_group_of: dict[str, str] = field(default_factory=dict)
