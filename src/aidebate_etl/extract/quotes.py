"""Direct quotes: find the spans that stand between quotation marks, and split text into sentences.

``find_quotes`` scans each paragraph once with a small stack of open marks, so nested marks belong to
the outer quote, apostrophes are told apart from single quote marks, a quote may run on over a
paragraph break (the next paragraph re-opens it), and an unbalanced mark never swallows more than the
rest of its own paragraph. ``split_sentences`` treats a quote as one unit, so a full stop inside a
quote ends a sentence only where the quote itself ends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from aidebate_etl.extract.lexicon_speech import (
    ABBREVIATIONS,
    DOUBLE_CLOSE,
    DOUBLE_OPEN,
    ELISIONS,
    SINGLE_CLOSE,
    SINGLE_OPEN,
    STRAIGHT_DOUBLE,
    STRAIGHT_SINGLE,
)
from aidebate_etl.records import PARAGRAPH_SEPARATOR

__all__ = ["QuoteSpan", "find_quotes", "paragraph_spans", "split_sentences"]

# A quote re-opened at the start of the next paragraph continues; cap the run so a page-wide
# chain of unclosed marks (broken markup) cannot turn into one giant quote.
MAX_PARAGRAPHS_PER_QUOTE = 8


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """One top-level quotation: ``start``/``end`` bound the text between the marks in the body."""

    start: int
    end: int
    open_pos: int  # offset of the opening mark
    close_pos: int | None  # offset of the closing mark, None when the quote was closed at a paragraph end
    text: str  # what stands between the marks; re-opening marks of later paragraphs removed
    style: str  # "double" or "single"
    paragraph: int  # index of the paragraph holding the opening mark
    last_paragraph: int
    # the quoted part of each paragraph, as (start, end) in the body: one span unless the quote
    # runs over paragraph breaks (then each paragraph's part is its own claim)
    segments: tuple[tuple[int, int], ...] = ()

    @property
    def closed(self) -> bool:
        return self.close_pos is not None

    @property
    def outer_end(self) -> int:
        """Offset just past the closing mark (or the quote's end when unclosed)."""
        return self.close_pos + 1 if self.close_pos is not None else self.end


def paragraph_spans(body: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of a body joined with the paragraph separator."""
    spans, at = [], 0
    for part in body.split(PARAGRAPH_SEPARATOR):
        spans.append((at, at + len(part)))
        at += len(part) + len(PARAGRAPH_SEPARATOR)
    return spans


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _is_apostrophe(text: str, i: int) -> bool:
    """A single mark that belongs to a word rather than opening or closing a quote."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if _is_word(prev) and _is_word(nxt):  # don't, rock’n’roll, O’Brien
        return True
    if nxt.isdigit():  # ’70s, '90s: a dropped century, never a quote of a bare number
        return True
    if prev == "n" and i >= 2 and text[i - 2] in "'’‘" and (i < 3 or text[i - 3].isspace()):
        return True  # the second mark of rock 'n' roll
    if not _is_word(prev):
        # 'em, 'til, rock 'n' roll: an elision at the start of a word
        m = re.match(r"[A-Za-z]+", text[i + 1 : i + 8])
        if (
            m
            and m.group(0).lower() in ELISIONS
            and not (i + 1 + m.end() < len(text) and text[i + 1 + m.end()].isalpha())
        ):
            after = text[i + 1 + m.end() : i + 2 + m.end()]
            # a closing quote right after the elision word means it was quoted, not elided ('n' excepted)
            return m.group(0).lower() == "n" or after not in ("'", "\u2019")
    return False


def _plural_possessive(text: str, i: int) -> bool:
    """A mark after -s, followed by a lower-case word, with another closing mark later in the
    paragraph: a plural possessive inside a single-quoted quote, not its end."""
    if not re.match(r" [a-z]", text[i + 1 : i + 3]):
        return False
    rest = text[i + 1 :]
    closer = re.search(r"[^\s][’'](?=[\s,.;:!?)]|$)", rest)
    if closer is None:
        return False
    # "sang 'Lee's Got Wings' long after … 'Sleep,' he said": a mark placed as an opener before that later
    # closer starts a quote of its own, so this mark closed the first one
    opener = re.search(r"(?<=[\s(\[\u2014\u2013])[‘'](?=\w)", rest)
    return opener is None or opener.start() > closer.start()


def _opens(text: str, i: int) -> bool:
    """A straight mark at i is placed like an opener: start of text or after space/bracket/dash."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev.isspace() or prev in "([{\u2014\u2013-/\u201c\u2018\"'" or i == 0) and not nxt.isspace()


def _scan_paragraph(text: str) -> tuple[list[tuple[int, int, str]], tuple[int, str] | None]:
    """Closed top-level quotes (open, close, style) in one paragraph, and the open one left at its end."""
    stack: list[tuple[int, str]] = []  # (position, style)
    found: list[tuple[int, int, str]] = []
    for i, ch in enumerate(text):
        if ch in DOUBLE_OPEN:
            kind, role = "double", "open"
        elif ch in DOUBLE_CLOSE:
            kind = "double"
            # a right mark with nothing open, placed like an opener, is a mistyped opener
            role = "close" if any(s == "double" for _, s in stack) or not _opens(text, i) else "open"
        elif ch == STRAIGHT_DOUBLE:
            kind = "double"
            role = "close" if any(s == "double" for _, s in stack) else "open"
            if role == "open" and not _opens(text, i):
                continue  # a stray closer: nothing to close
        elif ch in SINGLE_OPEN or ch in SINGLE_CLOSE or ch == STRAIGHT_SINGLE:
            if _is_apostrophe(text, i):
                continue
            kind = "single"
            open_single = any(s == "single" for _, s in stack)
            prev = text[i - 1] if i > 0 else " "
            if ch in SINGLE_OPEN:
                role = "open"
            elif open_single and not prev.isspace():
                role = "close"
                if prev in "sS" and _plural_possessive(text, i):
                    continue  # "islanders’ lives": the quote closes at a later mark
            elif ch == STRAIGHT_SINGLE and _opens(text, i):
                role = "open"
            elif ch in SINGLE_CLOSE and _opens(text, i) and not open_single:
                role = "open"  # a right single mark used as an opener by bad typesetting
            else:
                continue  # plural possessive (players’ union) or a stray mark
        else:
            continue
        if role == "open":
            stack.append((i, kind))
            continue
        # close: pop back to the nearest open mark of the same kind; marks above it were never closed
        for depth in range(len(stack) - 1, -1, -1):
            if stack[depth][1] == kind:
                pos, _ = stack[depth]
                del stack[depth:]
                if depth == 0:
                    found.append((pos, i, kind))
                break
    return found, (stack[0] if stack else None)


def _starts_with_opener(text: str, style: str) -> int | None:
    stripped = len(text) - len(text.lstrip())
    if stripped >= len(text):
        return None
    ch = text[stripped]
    if style == "double" and (ch in DOUBLE_OPEN or ch == STRAIGHT_DOUBLE):
        return stripped
    if (
        style == "single"
        and (ch in SINGLE_OPEN or ch == STRAIGHT_SINGLE)
        and not _is_apostrophe(text, stripped)
    ):
        return stripped
    return None


def find_quotes(body: str) -> list[QuoteSpan]:
    """Top-level quotations of a body, in text order (nested quotes stay inside their outer quote)."""
    paras = paragraph_spans(body)
    quotes: list[QuoteSpan] = []
    pi = 0
    carry: tuple[int, str, int, list[tuple[int, int]]] | None = (
        None  # open pos, style, paragraph, reopen marks
    )
    while pi < len(paras):
        p_start, p_end = paras[pi]
        text = body[p_start:p_end]
        scan_from = 0
        if carry is not None:
            # continuing quote: it runs until its first closing mark in this paragraph
            open_pos, style, first_para, reopens = carry
            closed, left = _scan_paragraph(text)
            close_at = closed[0][1] if closed and closed[0][0] == reopens[-1][0] - p_start else None
            if close_at is not None:
                quotes.append(_make(body, open_pos, p_start + close_at, style, first_para, pi, reopens))
                scan_from = close_at + 1
                carry = None
            elif left is not None and left[0] == reopens[-1][0] - p_start:
                nxt = paras[pi + 1] if pi + 1 < len(paras) else None
                reopen = _starts_with_opener(body[nxt[0] : nxt[1]], style) if nxt else None
                if reopen is not None and pi + 1 - first_para < MAX_PARAGRAPHS_PER_QUOTE:
                    carry = (open_pos, style, first_para, [*reopens, (nxt[0] + reopen, nxt[0] + reopen + 1)])
                    pi += 1
                    continue
                quotes.append(_make(body, open_pos, None, style, first_para, pi, reopens, end=p_end))
                carry = None
                pi += 1
                continue
            else:
                # the re-opening mark was not a quote after all: end the quote at the paragraph break
                prev_end = paras[pi - 1][1]
                quotes.append(
                    _make(body, open_pos, None, style, first_para, pi - 1, reopens[:-1], end=prev_end)
                )
                carry = None
        closed, left = _scan_paragraph(text[scan_from:])
        for o, c, style in closed:
            quotes.append(_make(body, p_start + scan_from + o, p_start + scan_from + c, style, pi, pi, []))
        if left is not None:
            o, style = left
            open_pos = p_start + scan_from + o
            nxt = paras[pi + 1] if pi + 1 < len(paras) else None
            reopen = _starts_with_opener(body[nxt[0] : nxt[1]], style) if nxt else None
            if reopen is not None:
                carry = (open_pos, style, pi, [(nxt[0] + reopen, nxt[0] + reopen + 1)])
            elif style == "double" or o == 0:
                # unbalanced: close at the paragraph end so the rest of the page is untouched
                quotes.append(_make(body, open_pos, None, style, pi, pi, [], end=p_end))
            # an unclosed single mark inside a paragraph was most likely an apostrophe: drop it
        pi += 1
    if carry is not None:  # pragma: no cover - the loop always resolves a carry before it ends
        open_pos, style, first_para, reopens = carry
        quotes.append(_make(body, open_pos, None, style, first_para, len(paras) - 1, reopens, end=len(body)))
    # a mark with nothing after it (or an empty pair) quotes nothing
    return sorted((q for q in quotes if q.text.strip()), key=lambda q: q.open_pos)


def _make(
    body: str,
    open_pos: int,
    close_pos: int | None,
    style: str,
    first_para: int,
    last_para: int,
    reopens: list[tuple[int, int]],
    end: int | None = None,
) -> QuoteSpan:
    stop = close_pos if close_pos is not None else (end if end is not None else len(body))
    start = open_pos + 1
    segments, at = [], start
    for r_start, r_end in reopens:
        if start <= r_start < stop:
            segments.append((at, body.rfind(PARAGRAPH_SEPARATOR, at, r_start)))
            at = r_end
    segments.append((at, stop))
    # an unclosed quote runs to the paragraph end; trailing blanks are not part of any segment
    segments = [(a, a + len(body[a:b].rstrip())) for a, b in segments]
    stop = segments[-1][1]
    text = PARAGRAPH_SEPARATOR.join(body[a:b] for a, b in segments)
    return QuoteSpan(start, stop, open_pos, close_pos, text, style, first_para, last_para, tuple(segments))


_BOUNDARY = re.compile(r"[.!?]+")
_CLOSERS = "\u201d\u2019\"')]\u00bb"


def split_sentences(body: str, quotes: list[QuoteSpan]) -> list[tuple[int, int]]:
    """(start, end) of each sentence, paragraph by paragraph; a quote's inside never splits a sentence
    except where the quote itself ends with a full stop and a new sentence starts after it."""
    inside = bytearray(len(body))
    quote_last = set()
    for q in quotes:
        inside[q.start : q.end] = b"\x01" * (q.end - q.start)
        if q.closed:
            quote_last.add(q.end - 1)
    sentences: list[tuple[int, int]] = []
    for p_start, p_end in paragraph_spans(body):
        at = p_start
        for m in _BOUNDARY.finditer(body, p_start, p_end):
            i = m.end() - 1
            if inside[i] and i not in quote_last:
                continue
            j = m.end()
            while j < p_end and body[j] in _CLOSERS:
                j += 1
            if j >= p_end:
                continue
            if not body[j].isspace():
                continue
            k = j
            while k < p_end and body[k].isspace():
                k += 1
            if k >= p_end:
                continue
            nxt = body[k]
            if not (nxt.isupper() or nxt.isdigit() or nxt in "\u201c\u2018\"'(["):
                continue
            if m.group(0) == "." and _is_abbreviation(body, m.start(), p_start):
                continue
            sentences.append((at, j))
            at = k
        if at < p_end:
            sentences.append((at, p_end))
    return sentences


def _is_abbreviation(body: str, dot: int, floor: int) -> bool:
    w = dot
    while w > floor and (body[w - 1].isalpha() or body[w - 1] == "."):
        w -= 1
    word = body[w:dot].lower()
    if len(word) == 1 and body[w].isupper():
        return True  # an initial, as in "J. Smith"
    if body[w:dot] == "No" and re.match(r"\.\s*\d", body[dot : dot + 3]):
        return True  # "No. 10": a number sign, while a lower-case "no." ends a sentence
    return word in ABBREVIATIONS
