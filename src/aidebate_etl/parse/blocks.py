"""Raw page text -> lines with indentation, and the text-shape tests every other parse module uses.

A copied page keeps little structure: blank lines between blocks, indentation in threaded comments, and the
punctuation and capitalisation of each line. This module turns the text into ``Line`` records that keep
exactly that, and answers shape questions about a line (does it end a sentence, is it a fragment).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from itertools import pairwise

from aidebate_etl.parse import lexicon

# Tabs in copied threads stand for one indentation step of a few spaces; the exact width does not matter
# because depth is read from the rank of an indent, not its size.
TAB_WIDTH = 4

# Characters that render as nothing or as a plain space in a browser and only get in the way of matching.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \t\u00a0\u2002\u2003\u2009\u202f\u3000]+")
# A run of two or more spaces inside a line is how a copy keeps the gap between the cells of a menu bar or a
# meta row ("News  Sport  Jobs", "handle  parent • 3 hours ago").
_GAP = re.compile(r"(?<=\S)[ \t\u00a0\u2002\u2003\u3000]{2,}(?=\S)")
# Cells are labels of a few words; a longer run is prose with a double space after a full stop.
MAX_CELL_WORDS = 4
_SEPARATOR_CELL = re.compile(r"^[|›»>/·•–—-]$")
CELL_SEPARATOR = " | "
# A row of this many short cells is a menu bar rather than a sentence.
MIN_MENU_CELLS = 4

# Closing quotes and brackets may follow the punctuation that ends a sentence ('… he said.”').
_CLOSERS = "\"'”’»)]*"
_TERMINAL = ".!?:;…"
_WORD = re.compile(r"[\w’'-]+")


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the page: its text with outer and repeated whitespace removed, and its indentation."""

    index: int
    text: str
    indent: int

    @property
    def blank(self) -> bool:
        return not self.text


def split_lines(text: str) -> list[Line]:
    """Split page text into ``Line`` records, normalising whitespace but keeping the indentation width."""
    lines = []
    for i, raw in enumerate(text.translate(_INVISIBLE).split("\n")):
        expanded = raw.replace("\u00a0", " ").expandtabs(TAB_WIDTH)
        stripped = expanded.lstrip(" ")
        indent = len(expanded) - len(stripped)
        lines.append(Line(i, _SPACES.sub(" ", _mark_cells(stripped)).strip(), indent))
    return lines


def _mark_cells(text: str) -> str:
    """Keep the cell boundaries of a menu bar or meta row as an explicit separator before spaces collapse.

    Only rows of short, unpunctuated cells are marked, so that prose typed with two spaces after a full stop
    keeps its single space; a row that already prints its own separators needs no marking.
    """
    cells = _GAP.split(text.strip())
    if len(cells) < 2 or any(_SEPARATOR_CELL.match(c) for c in cells):
        return text
    # One stray double space is common typing noise; a single gap marks a cell only before a timestamp or a
    # dateline ("LIVE  Last updated 21:40"), or after a badge in capitals over a section name in title case
    # ("EXCLUSIVE  Rivers & Canals"): labels set side by side, never one phrase.
    if len(cells) == 2 and not (_is_stamp(cells[1]) or _is_badge_row(cells[0], cells[1])):
        return text
    # A menu of many cells may hold a question-shaped item ("How Do I…?"); in a short row it is prose.
    enders = ".,;:!" if len(cells) >= MIN_MENU_CELLS else ".,;:!?"
    if any(len(c.split()) > MAX_CELL_WORDS or c.rstrip()[-1:] in enders for c in cells):
        return text
    return CELL_SEPARATOR.join(cells)


def _is_stamp(cell: str) -> bool:
    cell = _SPACES.sub(" ", cell)
    return is_time_text(cell) or lexicon.BYLINE_PATTERNS[1].match(cell) is not None


def _is_badge_row(first: str, second: str) -> bool:
    ws = second.split()
    return (
        len(first.split()) == 1
        and first.isalpha()
        and first.isupper()
        and len(ws) <= MAX_CELL_WORDS
        and all(w[:1].isupper() or not w[:1].isalpha() for w in ws)
        and not second.isupper()
    )


def group_blocks(lines: list[Line]) -> list[list[Line]]:
    """Runs of non-blank lines: a blank line is the only paragraph separator a copy reliably keeps."""
    blocks: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if line.blank:
            if current:
                blocks.append(current)
                current = []
        else:
            current.append(line)
    if current:
        blocks.append(current)
    return blocks


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def ends_sentence(text: str) -> bool:
    """Body prose ends with punctuation; headlines, deks, labels and link texts usually do not."""
    core = text.rstrip(_CLOSERS + " ")
    return bool(core) and core[-1] in _TERMINAL


def ends_on_function_word(text: str) -> bool:
    """A line cut after 'the' or 'to' is a fragment of a longer label, not a finished heading."""
    ws = words(text)
    return bool(ws) and ws[-1].lower() in lexicon.FUNCTION_WORDS


def bullet_item(text: str) -> str | None:
    """The text of a list item without its marker, or None when the line is not a list item."""
    m = lexicon.BULLET_RE.match(text)
    return text[m.end() :] if m else None


@functools.lru_cache(maxsize=256)
def _cue_pattern(cues: tuple[str, ...] | frozenset[str]) -> re.Pattern[str]:
    # One compiled alternation per cue list: building a pattern per cue on every call was a tenth of
    # the whole extraction's CPU (the benchmark's profile). Longest first so a cue that extends
    # another is tried before it; the word guards make the order irrelevant to the result.
    ordered = sorted(cues, key=lambda cue: (-len(cue), cue))
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(cue) for cue in ordered) + r")(?!\w)")


def contains_cue(text: str, cues: tuple[str, ...] | frozenset[str]) -> bool:
    """Whether any cue occurs in the text as whole words (case-insensitive, curly apostrophes folded)."""
    if not cues:
        return False
    return _cue_pattern(cues).search(text.lower().replace("’", "'")) is not None


# The mark a comment's time carries once its writer changed it: "5 hours ago (edited)".
_EDIT_MARK = re.compile(r"\s*[(\[]?\s*edited\s*[)\]]?$", re.I)


def is_time_text(text: str) -> bool:
    text = text.strip()
    bare = _EDIT_MARK.sub("", text)
    return any(p.match(text) or (bare and p.match(bare)) for p in lexicon.TIME_PATTERNS)


# Text wrapped at a fixed width has lines of at most this many characters; lines longer than this are
# paragraphs pasted whole, and a break between them is a paragraph break.
MAX_WRAP_WIDTH = 100
# A wrapped line is "full": the next line's first word would not have fitted on it. Wrappers rarely fill the
# last few columns, so a line counts as full when it reaches this share of the block's widest line.
FULL_LINE_SHARE = 0.85


# A page is hard-wrapped when at least this share of its multi-line blocks' lines (all but each block's last)
# are full at one width; prose pasted one paragraph per line never lines up like that.
MIN_FULL_LINE_SHARE = 0.6


def wrap_width(lines: list[Line]) -> int | None:
    """The column a hard-wrapped page was wrapped at, or None when its line breaks are not wraps.

    Only lines followed by another line of the same block can be wrapped; if most of them end near one
    column, no wider than a wrap width, that column is the page's width.
    """
    # List items are set one per line whatever the width, so they say nothing about wrapping.
    inner = [a.text for a, b in pairwise(lines) if a.text and b.text and bullet_item(a.text) is None]
    if len(inner) < 2:
        return None
    width = max(len(t) for t in inner)
    if width > MAX_WRAP_WIDTH:
        return None
    full = sum(1 for t in inner if len(t) >= FULL_LINE_SHARE * width)
    return width if full >= MIN_FULL_LINE_SHARE * len(inner) else None


def _is_wrap(prev: str, nxt: str, width: int | None) -> bool:
    """Whether the break between two lines of one block falls inside a paragraph."""
    if nxt[:1].islower() or nxt[:1] in ",;:)]" or prev.endswith((",", "-", "–")):
        return True
    if ends_on_function_word(prev) and not ends_sentence(prev):
        return True
    if width is None:
        return False
    # On a hard-wrapped page paragraphs are split by blank lines, so a line that stops mid-sentence
    # continues on the next line even when it is short (an early break before a long word or a name).
    first = nxt.split(" ", 1)[0]
    return not ends_sentence(prev) or len(prev) + 1 + len(first) > FULL_LINE_SHARE * width


def join_wrapped(texts: list[str], width: int | None = None) -> list[str]:
    """Join the lines of one block into paragraphs.

    A break is a wrap when the line before it is full (on a page wrapped at ``width``, the next word would
    not have fitted) or when it plainly cuts a sentence (lowercase continuation, trailing comma or function
    word). Any other break is a paragraph break: pages copied with single newlines between paragraphs, and a
    headline above its dek, look like that.
    """
    if not texts:
        return []
    paras = [texts[0]]
    for t in texts[1:]:
        if _is_wrap(paras[-1].rsplit("\n", 1)[-1], t, width):
            paras[-1] = paras[-1] + "\n" + t
        else:
            paras.append(t)
    return [p.replace("\n", " ") for p in paras]


# A quotation's speaker on a dash line: a name, maybe with a role ("— Jane Roe, owner of the café").
MAX_ATTRIBUTION_WORDS = 8
_DASH_LINE_RE = re.compile(r"^[—–―]\s*[A-Z]")
_OPENING_QUOTES = "\"“‘'"
_CLOSING_QUOTES = "\"”’'"


def _is_dash_attribution(prev: str, line: str) -> bool:
    """Whether ``line`` ("— Jane Roe") names the speaker of the quotation ``prev`` stands for whole."""
    return (
        prev[:1] in _OPENING_QUOTES
        and prev.rstrip()[-1:] in _CLOSING_QUOTES
        and _DASH_LINE_RE.match(line) is not None
        and len(words(line)) <= MAX_ATTRIBUTION_WORDS
        and not ends_sentence(line)
    )


def split_paragraphs(texts: list[str], width: int | None = None) -> list[str]:
    """Paragraphs of one block: list items each on their own, the rest joined as wrapped prose."""
    out: list[str] = []
    prose: list[str] = []
    item: str | None = None

    def flush_prose() -> None:
        if prose:
            out.extend(join_wrapped(prose, width))
            prose.clear()

    for t in texts:
        body = bullet_item(t)
        if body is not None and prose and _is_dash_attribution(prose[-1], t):
            # "— Jane Roe" under a quotation names its speaker; the dash is no list marker.
            prose[-1] = f"{prose[-1]} {t}"
            continue
        if body is not None:
            flush_prose()
            if item is not None:
                out.append(item)
            item = body
        elif item is not None and _is_wrap(item, t, width):
            # An indented or lowercase continuation of a list item that wrapped.
            item = item + " " + t
        else:
            if item is not None:
                out.append(item)
                item = None
            prose.append(t)
    flush_prose()
    if item is not None:
        out.append(item)
    return out
