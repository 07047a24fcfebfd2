"""Reader comments that quote the article: where, what, and which claim they quote.

A reader quoting the article puts the words in quotation marks, sometimes trimmed with an ellipsis,
sometimes with a typo or a closing mark forgotten at the end of the comment. Each quoted span of each
comment is aligned against the article body (rapidfuzz partial alignment on folded text); spans that
align well enough become ``CommentQuote`` records carrying the matched article span and the index of the
claim that span overlaps most. Spans quoting other comments, films, slogans or anything the article does
not say find no alignment and give nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from aidebate_etl.records import Claim, CommentQuote, PageStructure

__all__ = ["extract_comment_quotes"]

# Fewest words a quoted span must have: three-word spans ("the new normal") recur in any long article
# by chance, while four words in the article's order are already rare enough to be a quotation.
MIN_QUOTE_WORDS = 4
# A shorter span counts only when it is, word for word, an attributed direct quote of the article.
MIN_CLAIM_QUOTE_WORDS = 3
# rapidfuzz partial_ratio (0-100) of the quoted span against its best window in the body, from this
# many words on. Calibrated on the seed comment threads: the four quotes of the article scored 100 after
# folding (one cut with a leading ellipsis, one with a mis-typed closing mark); the ten spans that did
# not quote the article (film titles, slogans, phrases from other comments) scored 52-56. 90 leaves room
# for a typo or a changed word in a long quotation, far above what unrelated text reaches.
MIN_SIMILARITY = 90.0
# Short spans (four to seven words) must match nearly exactly: on about thirty characters a single
# different word already costs 10-20 points, and an article of several thousand characters offers many
# windows that share most letters with a short phrase by chance.
SHORT_QUOTE_WORDS = 8
MIN_SIMILARITY_SHORT = 97.0

# Opening mark -> marks that close it. A second opening curly double mark also closes a span because
# typed replies often use the same mark at both ends (“we never said so“ [sigh] “fine”).
_DOUBLE_CLOSERS = {"\u201c": "\u201d\u201c", "\u201e": "\u201d\u201c", '"': '"', "\u00ab": "\u00bb"}
_SINGLE_CLOSERS = {"\u2018": "\u2019", "'": "'"}
# Where an unclosed quotation may be cut back when it does not match whole: the commenter's own words
# usually follow after a sentence end or a dash.
_CUT_POINTS = re.compile(r"[.!?;:\u2026]+|\s[\u2013\u2014-]\s|\n")
# Elided parts inside a quotation: each piece is aligned on its own.
_ELLIPSIS = re.compile(r"\u2026|\.\.\.+|\[\s*\.\.\.\s*\]")
# Characters that never start or end the quoted words themselves.
_EDGE = " \t\n.,;:!?\u2026\u2013\u2014-"


def _fold_char(c: str) -> str:
    """One body character in comparable form: letters and digits lower-cased, apostrophes dropped."""
    if c in "'\u2019\u2018\u02bc":
        return ""
    s = unicodedata.normalize("NFKC", c).casefold()
    return "".join(x if x.isalnum() else " " for x in s)


def _fold_with_map(text: str) -> tuple[str, list[int]]:
    """Folded text with single spaces, and for each of its characters the offset it came from."""
    out: list[str] = []
    where: list[int] = []
    for i, c in enumerate(text):
        for x in _fold_char(c):
            if x == " " and (not out or out[-1] == " "):
                continue
            out.append(x)
            where.append(i)
    if out and out[-1] == " ":
        out.pop()
        where.pop()
    return "".join(out), where


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    closed: bool


def _single_opens(text: str, i: int) -> bool:
    # A single mark opens a quotation only at a word start: elsewhere it is an apostrophe.
    return (i == 0 or not text[i - 1].isalnum()) and i + 1 < len(text) and text[i + 1].isalnum()


def _single_closes(text: str, i: int) -> bool:
    return not text[i - 1].isspace() and (i + 1 == len(text) or not text[i + 1].isalnum())


def _quoted_spans(text: str) -> list[_Span]:
    """Spans between quotation marks, double marks first; single marks only outside double ones."""
    spans: list[_Span] = []
    i = 0
    while i < len(text):
        closers = _DOUBLE_CLOSERS.get(text[i])
        if closers is None:
            i += 1
            continue
        j = i + 1
        while j < len(text) and text[j] not in closers:
            j += 1
        spans.append(_Span(i + 1, j, j < len(text)))
        i = j + 1
    outside = [(0, len(text))]
    if spans:
        outside, at = [], 0
        for s in spans:
            outside.append((at, max(at, s.start - 1)))
            at = s.end + 1
        outside.append((min(at, len(text)), len(text)))
    for lo, hi in outside:
        i = lo
        while i < hi:
            mark = text[i]
            if mark in _SINGLE_CLOSERS and _single_opens(text, i):
                j = i + 1
                while j < hi and not (text[j] == _SINGLE_CLOSERS[mark] and _single_closes(text, j)):
                    j += 1
                spans.append(_Span(i + 1, j, j < hi))
                i = j + 1
            else:
                i += 1
    return sorted(spans, key=lambda s: s.start)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def _pieces(text: str, span: _Span) -> list[list[tuple[int, int]]]:
    """The parts of a span to align, each with its alternatives in order of preference.

    A span is cut at its ellipses and each part is aligned on its own. The last part of an unclosed span
    may run on into the commenter's own words, so its prefixes ending at a sentence end or a dash are
    tried too, longest first, to keep as much of the quotation as still matches.
    """
    parts = []
    at = span.start
    for m in _ELLIPSIS.finditer(text, span.start, span.end):
        parts.append((at, m.start()))
        at = m.end()
    parts.append((at, span.end))
    groups = [[_trim(text, a, b)] for a, b in parts]
    if not span.closed:
        lo, hi = parts[-1]
        cuts = sorted(
            {m.start() for m in _CUT_POINTS.finditer(text, lo, hi)}
            | {m.end() for m in _CUT_POINTS.finditer(text, lo, hi)},
            reverse=True,
        )
        groups[-1] += [_trim(text, lo, c) for c in cuts if lo < c < hi]
    return groups


@dataclass(frozen=True, slots=True)
class _Match:
    similarity: float
    article_start: int
    article_end: int


def _align(quote: str, folded_body: str, body_map: list[int], body: str) -> _Match | None:
    folded, _ = _fold_with_map(quote)
    n_words = len(folded.split())
    if n_words < MIN_QUOTE_WORDS or len(folded) > len(folded_body):
        return None
    aligned = fuzz.partial_ratio_alignment(folded, folded_body)
    if aligned is None:
        return None
    floor = MIN_SIMILARITY_SHORT if n_words < SHORT_QUOTE_WORDS else MIN_SIMILARITY
    if aligned.score < floor or aligned.dest_end <= aligned.dest_start:
        return None
    start = body_map[aligned.dest_start]
    end = body_map[aligned.dest_end - 1] + 1
    # The window can cut a word in two; widen it to whole words of the article.
    while start > 0 and body[start - 1].isalnum():
        start -= 1
    while end < len(body) and body[end].isalnum():
        end += 1
    return _Match(aligned.score / 100, start, end)


def _claim_at(claims: Sequence[Claim], start: int, end: int) -> int | None:
    """The claim the matched span overlaps most; among equals the tightest one, so a phrase quoted
    inside a reported clause goes to the direct quote, not to the clause around it."""
    best, best_key = None, (0, 0)
    for i, c in enumerate(claims):
        overlap = min(end, c.end_char) - max(start, c.start_char)
        key = (overlap, -(c.end_char - c.start_char))
        if overlap > 0 and key > best_key:
            best, best_key = i, key
    return best


def _short_claim_quote(quote: str, claims: Sequence[Claim]) -> _Match | None:
    """A span too short to align on its own that is word for word a direct quote of the article: the
    reader is quoting the quoted phrase ("a right palaver"), which chance does not explain."""
    folded = _fold_with_map(quote)[0]
    if len(folded.split()) < MIN_CLAIM_QUOTE_WORDS:
        return None
    for c in claims:
        if c.kind == "direct" and c.speaker_name and _fold_with_map(c.text)[0] == folded:
            return _Match(1.0, c.start_char, c.end_char)
    return None


def extract_comment_quotes(structure: PageStructure, claims: Sequence[Claim]) -> tuple[CommentQuote, ...]:
    """Every quoted span of every comment that the article body contains, in comment order."""
    body = structure.body
    folded_body, body_map = _fold_with_map(body)
    if not folded_body:
        return ()
    found: list[CommentQuote] = []
    for comment in structure.comments:
        text = comment.body
        for span in _quoted_spans(text):
            for alternatives in _pieces(text, span):
                for a, b in alternatives:
                    match = _align(text[a:b], folded_body, body_map, body) or _short_claim_quote(
                        text[a:b], claims
                    )
                    if match is None:
                        continue
                    found.append(
                        CommentQuote(
                            comment_position=comment.position,
                            quoted_text=text[a:b],
                            comment_start=a,
                            comment_end=b,
                            article_start=match.article_start,
                            article_end=match.article_end,
                            similarity=round(match.similarity, 4),
                            claim_index=_claim_at(claims, match.article_start, match.article_end),
                        )
                    )
                    break
    return tuple(found)
