"""Word-level differences between claim variants, and quoted spans within a comment, as text segments.

Segments are plain text with a kind; the template turns each kind into an element (<ins>, <del>, <mark>)
and escapes the text, so nothing here builds HTML.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

SegmentKind = Literal["same", "ins", "del", "context", "mark"]

# Words (with inner apostrophes, so "doesn’t" stays one token) and single punctuation marks: a changed
# comma or quotation mark is then a one-character difference, not a whole changed word.
_TOKEN = re.compile(r"\s*(?:\w+(?:['’]\w+)*|[^\w\s])", re.UNICODE)
_WORD = re.compile(r"\w")

# How many words of the longer variant to keep on either side of the stretch a shorter variant quotes.
CONTEXT_WORDS = 8


@dataclass(frozen=True, slots=True)
class Segment:
    kind: SegmentKind
    text: str


def _key(token: str) -> str:
    """What two tokens must share to count as the same word: outlets differ in case at a cut and in
    apostrophe style, which is typesetting, not a change of wording."""
    return token.strip().casefold().replace("’", "'")


def _tokens(text: str) -> list[str]:
    """Tokens with their leading whitespace: joined, they give back the text (but trailing space)."""
    return _TOKEN.findall(text)


def _merge(segments: list[Segment]) -> list[Segment]:
    merged: list[Segment] = []
    for seg in segments:
        if not seg.text:
            continue
        if merged and merged[-1].kind == seg.kind:
            merged[-1] = Segment(seg.kind, merged[-1].text + seg.text)
        else:
            merged.append(seg)
    return merged


def _trim_context(tokens: list[str], *, keep_end: bool) -> str:
    """At most CONTEXT_WORDS tokens of an unquoted stretch: the end of a leading one, else the start."""
    if len(tokens) <= CONTEXT_WORDS:
        return "".join(tokens)
    if keep_end:
        return "…" + "".join(tokens[-CONTEXT_WORDS:])
    return "".join(tokens[:CONTEXT_WORDS]) + " …"


def word_diff(reference: str, variant: str) -> tuple[list[Segment], list[Segment]]:
    """The reference and the variant side by side, as segments marking what differs.

    Comparison is on words and punctuation, ignoring whitespace, case and apostrophe style. In the
    reference, ``del`` marks words the variant changed or left out inside the stretch both share; in the
    variant, ``ins`` marks words the reference does not have there. Words of the reference before the
    first or after the last shared word are ``context`` (trimmed to a few words): a shorter variant quotes
    only part of the longer one, which is not a change of wording and should not read as one.
    """
    ref_tokens, var_tokens = _tokens(reference), _tokens(variant)
    matcher = difflib.SequenceMatcher(
        a=[_key(t) for t in ref_tokens], b=[_key(t) for t in var_tokens], autojunk=False
    )
    opcodes = matcher.get_opcodes()
    # A lone shared comma or full stop does not make two stretches of text the same passage, so the
    # shared stretch is bounded by the first and last shared *word*.
    anchors = [
        n
        for n, (op, i1, i2, _, _) in enumerate(opcodes)
        if op == "equal" and any(_WORD.search(t) for t in ref_tokens[i1:i2])
    ]
    if not anchors:
        return _strip(_merge([Segment("del", reference)])), _strip(_merge([Segment("ins", variant)]))
    first, last = anchors[0], anchors[-1]

    left: list[Segment] = []
    right: list[Segment] = []
    lead_end = opcodes[first][1]
    left.append(Segment("context", _trim_context(ref_tokens[:lead_end], keep_end=True)))
    for op, _, _, j1, j2 in opcodes[:first]:
        right.append(Segment("same" if op == "equal" else "ins", "".join(var_tokens[j1:j2])))
    for op, i1, i2, j1, j2 in opcodes[first : last + 1]:
        kind_left, kind_right = ("same", "same") if op == "equal" else ("del", "ins")
        left.append(Segment(kind_left, "".join(ref_tokens[i1:i2])))
        right.append(Segment(kind_right, "".join(var_tokens[j1:j2])))
    trail_start = opcodes[last][2]
    left.append(Segment("context", _trim_context(ref_tokens[trail_start:], keep_end=False)))
    for op, _, _, j1, j2 in opcodes[last + 1 :]:
        right.append(Segment("same" if op == "equal" else "ins", "".join(var_tokens[j1:j2])))
    return _strip(_merge(left)), _strip(_merge(right))


def coverage(reference: str, variant: str) -> float:
    """Share of the variant's words (and marks) found, in order, in the reference (0-1).

    A variant that quotes part of the reference word for word scores 1: it is the same words, fewer.
    """
    a = [_key(t) for t in _tokens(reference)]
    b = [_key(t) for t in _tokens(variant)]
    if not b:
        return 1.0
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(b)


def _strip(segments: list[Segment]) -> list[Segment]:
    """Drop the leading whitespace a first token carries, so a line does not start with a space."""
    if segments:
        segments[0] = Segment(segments[0].kind, segments[0].text.lstrip())
    return [s for s in segments if s.text]


def highlight_span(text: str, start: int, end: int, *, context_chars: int = 240) -> list[Segment]:
    """``text`` with ``text[start:end]`` as a ``mark`` segment, cut to ``context_chars`` on either side.

    Offsets out of range (a warehouse from a newer or older pipeline) are clamped rather than trusted.
    """
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    before, marked, after = text[:start], text[start:end], text[end:]
    if len(before) > context_chars:
        cut = before[-context_chars:]
        before = "…" + cut[cut.find(" ") + 1 :] if " " in cut else "…" + cut
    if len(after) > context_chars:
        cut = after[:context_chars]
        after = (cut[: cut.rfind(" ")] if " " in cut else cut) + " …"
    return [s for s in (Segment("same", before), Segment("mark", marked), Segment("same", after)) if s.text]
