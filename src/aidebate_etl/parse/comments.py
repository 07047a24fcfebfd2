"""Reader-comment threads: where the thread starts, which layout it uses, and its comments as a tree.

Five layouts are recognised, each by its own cue:

* ``says``: blog/WordPress threads, a header line ``handle says:`` (or ``said…``) before each comment, replies
  shown by deeper indentation of the header;
* ``forum``: posts headed ``handle wrote:``, ``#3 handle wrote:``, ``Posted by handle on <date>`` or a reader
  Q&A's ``Q: asked <date> by handle``, possibly quoting earlier posts in ``>`` or ``Quote:`` blocks;
* ``flat``: a handle line, optional time line, the text, and a ``Reply`` control line closing each comment;
* ``dated``: a handle line directly over a timestamp line (or over the reader's town and then the time),
  then the text, with no reply control at all;
* ``signed``: under a thread heading, a handle opening each comment and a timestamp line closing it.

An "In reply to <handle>" line inside a comment (or directly above its header) names its parent in any
layout. A thread whose reply links name readers further down the page runs newest first (a live feed), so
its replies stand above their parents.

Depth is the rank of a header's indentation among the thread's distinct indentations, so it does not depend on
how many spaces a copy used per level; a comment's parent is the nearest earlier comment one level up.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from aidebate_etl.parse import lexicon
from aidebate_etl.parse.blocks import Line, contains_cue, ends_sentence, words
from aidebate_etl.parse.blocks import is_time_text as _is_dated_text
from aidebate_etl.records import PARAGRAPH_SEPARATOR, ParsedComment

# Handles are short: a user name or a display name of a few words. Anything longer is prose that happens to
# end with "said:" or "wrote:".
MAX_HANDLE_WORDS = 4
MAX_HANDLE_CHARS = 60
# Action rows ("Like · Reply · 3h") are short; a long line mentioning "reply" is a comment's text.
MAX_ACTION_ROW_CHARS = 60
# One header could be a sentence in the article; two of the same shape make a thread. A single header counts
# when a thread heading ("12 Comments") stands above it.
MIN_HEADERS = 2

# A list marker before the handle: a bullet, or the number of an ordered list of comments ("1. jdoe says:").
_BULLET = r"(?:[•●◦▪‣∙·*\-–—]\s*|\d{1,3}[.)]\s+)?"
_HANDLE = rf"(?P<handle>[^\s>].{{0,{MAX_HANDLE_CHARS}}}?)"
_SAYS_RE = re.compile(
    rf"^{_BULLET}{_HANDLE}\s+(?:says|said)(?:\s+(?:on|at)\s+.{{1,50}}?)?\s*(?::|\.\.\.|…)\s*$", re.I
)
_WROTE_RE = re.compile(
    rf"^{_BULLET}(?:#\d+\s*[-–:|.]?\s*)?{_HANDLE}\s+(?:wrote|writes)(?:\s+(?:on|at)\s+.{{1,50}}?)?\s*:\s*$",
    re.I,
)
_POSTED_RE = re.compile(
    r"^(?:#\d+\s*[-–:|.]?\s*)?(?:post(?:ed)?|submitted|comment(?:\s+#?\d+)?)\s+by\s*:?\s+(?P<handle>\S+(?:\s+\S+){0,3}?)"
    r"(?:\s+(?:on|at|in|[|·•—–»-])\s+.*|\s*[|·•,»]\s*.*)?$"
    # A board's bare "by handle » date": the guillemet sets it apart from an article's byline.
    r"|^by\s+(?P<handle2>\S+(?:\s+\S+){0,3}?)\s+»\s+\S.*$",
    re.I,
)
# A reader Q&A's headers: "Q: asked Feb 3 by handle", "A: answered 2 days ago by handle", "Asked by handle
# · Feb 3". Without the Q/A label the post's time must stand before "by" or after the handle, so a sentence
# cannot pass.
_QA_RE = re.compile(
    r"^(?:(?P<label>q|a|question|answer)\s*[:.]\s*)?(?:asked|answered)\s+(?:(?P<when>\S.{0,30}?)\s+)?"
    r"by\s+(?P<handle>\S+(?:\s+\S+){0,3}?)(?:\s+(?:on|at|[|·•—–])\s+(?P<after>\S.{0,30}))?$",
    re.I,
)
_COUNT_RES = (
    # "7 Comments", "3 Responses to “…”", "12 thoughts on “…”", a forum's "Topic — 6 replies" and a
    # heading with its figure after a colon ("Join the discussion: 5 comments").
    re.compile(
        r"^(?:[^—–|·:]{1,40}(?:\s[—–|·-]|:)\s)?(?P<n>\d[\d,]*)\s+(?:readers?'?\s+)?"
        r"(?:comments?|responses?|replies|posts|thoughts?)(?:\s+(?:on|to)\b.*|\s[|·•]\s.*|:|\s*[›»→])?$",
        re.I,
    ),
    re.compile(
        r"^(?:(?:view|show|see|read)\s+(?:all\s+)?)?(?:readers?'?s?’?\s+)?"
        r"(?:comments?|responses?|discussion|guest\s?book|condolences)\s*[(\[:·•|]?\s*"
        r"(?P<n>\d[\d,]*)(?:\s+(?:entries|comments?|messages?))?\s*[)\]]?$",
        re.I,
    ),
    # A thread heading with its figure in brackets: "Join the discussion (5)", "Conversation (12)"; the
    # figure may name its unit and the heading say whose thread it is ("Forum discussion (9 posts)").
    re.compile(
        r"^(?:[\w'’-]+\s+)?(?:"
        + "|".join(re.escape(h) for h in sorted(lexicon.THREAD_HEADINGS, key=len, reverse=True))
        + r")\s*[(\[]\s*(?P<n>\d[\d,]*)(?:\s+(?:posts?|comments?|replies|messages))?\s*[)\]]$",
        re.I,
    ),
    re.compile(r"^(?:view|see|show|read|load)\s+(?:all\s+)?(?P<n>\d[\d,]*)\s+comments?$", re.I),
    # A board's pagination row with the thread's size in brackets: "Page 1 of 2 [ 31 posts ]".
    re.compile(
        r"^(?:page\s+\d+\s+of\s+\d+\s*)?[\[(]\s*(?P<n>\d[\d,]*)\s+(?:posts?|comments?|replies|messages)\s*[\])]$",
        re.I,
    ),
    # "Showing 10 of 48 comments": the page's figure is the total, not the number shown.
    re.compile(r"^showing\s+\d[\d,]*\s+of\s+(?P<n>\d[\d,]*)\s+comments?\b", re.I),
    # The thread's blurb and its count as the row's last cell ("Questions answered by readers · 7 posts"),
    # or labelled after the blurb's sentence ("This story is discussed in our forum. Replies: 11").
    re.compile(r"^.{1,120}?\s[|·•]\s+(?P<n>\d[\d,]*)\s+(?:comments?|replies|posts|responses)$", re.I),
    re.compile(r"^.{1,120}?[.!?]\s+(?:comments?|replies|posts|responses)\s*:\s*(?P<n>\d[\d,]*)$", re.I),
)
_QUOTE_LABEL_RE = re.compile(
    r"^(?:"
    + "|".join(re.escape(q) for q in lexicon.QUOTE_LABELS)
    + r")\b\s*(?:\S+(?:\s+\S+){0,3}?)?(?:\s+(?:on|at)\s+(?P<when>\S.{0,40}?))?\s*:?\s*$",
    re.I,
)
# A bulletin board's label over a quoted excerpt: "handle wrote: ↑<date>", the arrow linking to the post.
_WROTE_DATED_RE = re.compile(rf"^{_HANDLE}\s+(?:wrote|writes)\s*:\s*(?P<arrow>[↑↗⇧^])?\s*(?P<when>.*)$", re.I)
# A poster's profile box under each post ("Posts: 1,204", "Joined: May 2019").
_PROFILE_FIELD_RE = re.compile(
    r"^(?:" + "|".join(re.escape(f) for f in lexicon.PROFILE_FIELD_LABELS) + r")\s*:\s*\S.{0,40}$", re.I
)
# "In reply to jdoe", "↳ Replying to @jdoe": the arrow marks the line as a reply's link, as it does a header.
_REPLY_TO_RE = re.compile(r"^(?:[↳↪⤷└]\s*)?(?:in reply to|replying to)\s+@?(?P<handle>\S.*?)[.:]?$", re.I)
# "→ handle • 1 hour ago" under the replier's handle: embeds print the answered reader with an arrow,
# then the reply's time.
_ARROW_REPLY_RE = re.compile(r"^[→▸►▶↪]\s*@?(?P<handle>[^\s·•|][^·•|]{0,60}?)\s+[·•|]\s+(?P<when>\S.*)$")
_REPLY_BUTTON_RE = re.compile(r"^reply\s+to\s+@?(?P<handle>\S.*?)$", re.I)
# A post's subject line ("Re: Night buses", "Subject: Re: Night buses") titles the post below it; it is
# no part of any post's text.
_SUBJECT_RE = re.compile(r"^(?:re:\s|subject\s*:)", re.I)
_QUOTED = re.compile(r"^(?:>\s?)+")
# The rule a board prints between a post and the poster's signature ("__________________", "--").
_SIGNATURE_RULE = re.compile(r"^(?:_{3,}|--)$")
_VOTE_GLYPHS = "▲▼△▽↑↓👍👎❤♥"
_VOTE_PART = re.compile(rf"^[{_VOTE_GLYPHS}+\-−]*\s*(?:\d[\d,.]*k?)?\s*[{_VOTE_GLYPHS}\s]*$")
# Arrow glyphs that trail a control label ("Share ›") as a menu hint.
_CONTROL_HINT = " ›»>▾▼⌄"


# Comment widgets date a comment by month and day alone ("June 4", "4 Jun, 9:12 am"); in an article such a
# line may be a timeline's subhead, so only the thread reads it as a time.
_MONTH = "(?:" + "|".join(lexicon.MONTHS) + r")\.?"
_MONTH_DAY_RE = re.compile(
    rf"^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|"
    rf"\d{{1,2}}\s+{_MONTH})(?:,?\s+(?:at\s+)?\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?)?)?$",
    re.I,
)


# "Posted June 4, 2025 at 8:10 am": a comment's timestamp under the verb that introduces it; "• 2 hours
# ago": a time cell copied onto its own line with the dot that set it apart from the handle.
_POSTED_PREFIX = re.compile(
    r"^(?:(?:posted|submitted|published|written)\s+(?:on\s+|at\s+)?|[·•|]\s*)(?=\S)", re.I
)


def is_time_text(text: str) -> bool:
    text = text.strip()
    bare = _POSTED_PREFIX.sub("", text)
    return any(_is_dated_text(t) or _MONTH_DAY_RE.match(t) is not None for t in {text, bare})


@dataclass(frozen=True, slots=True)
class Thread:
    style: str
    start: int  # index of the first line that belongs to the thread (heading or first comment)
    comments: tuple[ParsedComment, ...]


def parse_declared_count(lines: list[Line]) -> int | None:
    """The page's own comment count ("12 Comments", "Comments (12)"), from a line that holds only that."""
    for line in lines:
        for rx in _COUNT_RES:
            m = rx.match(line.text)
            if m:
                return int(m.group("n").replace(",", ""))
    return None


def is_thread_heading(text: str) -> bool:
    bare = text.lower().strip(" :.-–—…")
    if bare in lexicon.THREAD_HEADINGS or any(rx.match(text) for rx in _COUNT_RES):
        return True
    # "Discussion on <community>", "Comments on <article>": a heading naming where the thread lives.
    head, _, rest = bare.partition(" on ")
    return bool(rest) and head in lexicon.THREAD_HEADINGS and len(bare.split()) <= 8


_BUTTON_ROW_RE = re.compile(r"(?:\[\s*[^\[\]]{1,20}?\s*\]\s*)+")


def _is_action_row(text: str) -> bool:
    """A row of thread controls, reactions, vote counts and timestamps ("Like · Reply · 3h", "12 ▲")."""
    if not text or len(text) > MAX_ACTION_ROW_CHARS:
        return False
    if _BUTTON_ROW_RE.fullmatch(text):
        # "[ Reply ] [ Quote ] [ Report ]": boards print each control as a bracketed button.
        text = " | ".join(re.findall(r"\[\s*([^\[\]]+?)\s*\]", text))
    for part in re.split(r"\s*[·•|]\s*|\s{2,}", text):
        part = part.strip().rstrip(_CONTROL_HINT)
        if not part or is_time_text(part) or _VOTE_PART.match(part):
            continue
        ws = [w for w in re.findall(r"[^\W\d_]+", part.lower())]
        # Counts may sit by any vote or reaction glyph ("▲ 3", "♥ 4 Reply").
        nums_ok = re.fullmatch(rf"[\w\s()+\-−{_VOTE_GLYPHS}]*", part) is not None
        if not ws or not nums_ok or not all(w in lexicon.COMMENT_ACTION_WORDS for w in ws):
            return False
    return True


def _is_reply_row(text: str) -> bool:
    """An action row that offers "Reply": it closes a comment in flat layouts."""
    return _is_action_row(text) and bool(re.search(r"(?<!\w)reply(?!\w)", text, re.I))


def _is_meta(text: str) -> bool:
    return is_time_text(text) or _is_action_row(text)


# A board's links back to its forum under the last post: "Return to “Local news”", "Jump to: Local news".
_BOARD_NAV_RE = re.compile(r"^(?:return|jump|go)\s+to\s*(?::|[“\"«‘']\S)", re.I)


# The site's copyright line is the page's footer, under any thread; no reader's comment opens with it.
_COPYRIGHT_RE = re.compile(
    r"^(?:©|\(c\)\s*\d{4}|copyright\s+(?:©\s*|\(c\)\s*)?\d{4})|\ball rights reserved\b", re.I
)


def _is_thread_furniture(text: str) -> bool:
    if _BOARD_NAV_RE.match(text) or _COPYRIGHT_RE.search(text):
        return True
    return contains_cue(text, lexicon.THREAD_FURNITURE_CUES) and len(words(text)) <= 14


def _header_handle(text: str, style: str) -> str | None:
    if text.startswith(">"):
        return None
    patterns = (_SAYS_RE,) if style == "says" else (_WROTE_RE, _POSTED_RE, _QA_RE)
    for rx in patterns:
        m = rx.match(text)
        if (
            m
            and rx is _QA_RE
            and not (m.group("label") or any(is_time_text(m.group(g) or "") for g in ("when", "after")))
        ):
            continue
        if m:
            handle = (m.group("handle") or m.groupdict().get("handle2") or "").strip()
            # "On 4 June 2025 at 8:10 am, jdoe wrote:": the date clause before the handle is no part of it.
            head, sep, last = handle.rpartition(", ")
            if sep and head.lower().startswith("on ") and is_time_text(head[3:]):
                handle = last
            # A trailing full stop is an initial ("Jane P."); other sentence punctuation means prose.
            if 0 < len(handle.split()) <= MAX_HANDLE_WORDS and not ends_sentence(handle.rstrip(".")):
                return handle
    return None


def _dated_headers(lines: list[Line]) -> list[tuple[int, str]]:
    """Handle lines directly followed by a timestamp line: the header of themes that print neither
    "says:" nor a Reply control."""
    found: list[tuple[int, str]] = []
    for i, line in enumerate(lines):
        t = line.text
        if not t or _is_meta(t) or is_thread_heading(t):
            continue
        j = i - 1
        # "handle / in reply to X / date": the reply's link to its parent sits between the handle and the
        # time; the handle heads the comment and the link stays in its text.
        reply_under_handle = (
            _REPLY_TO_RE.match(t) is not None
            and j >= 0
            and bool(lines[j].text)
            and _is_handle_line(lines[j].text)
        )
        if not reply_under_handle and not _is_handle_line(t):
            continue
        nxt = next((ln for ln in lines[i + 1 :] if ln.text), None)
        if (nxt is not None and _is_time_row(nxt.text)) or _has_time_cell(t):
            if reply_under_handle:
                found.append((j, _strip_meta_parts(lines[j].text)))
            elif (
                _PLACE_RE.match(t)
                and j >= 0
                and lines[j].text
                and (j == 0 or lines[j - 1].blank)
                and not _is_meta(lines[j].text)
                and not is_thread_heading(lines[j].text)
                and _is_handle_line(lines[j].text)
            ):
                # "handle / place / date": the reader's town printed between the handle and the time.
                found.append((j, _strip_meta_parts(lines[j].text)))
            else:
                found.append((i, _without_place(_strip_meta_parts(t))))
    return found


def _without_place(header: str) -> str:
    """ "Jane Roe, Leeds": newspaper threads print the reader's town after the name; it is no part of it."""
    name, _, place = header.partition(",")
    return name.strip() if name.strip() and place and _PLACE_RE.match(place.strip()) else header


def _is_time_row(text: str) -> bool:
    """A timestamp line, alone or in a row of controls ("June 4, 2025 at 8:10 am · Permalink")."""
    if is_time_text(text):
        return True
    return _is_action_row(text) and any(is_time_text(p) for p in re.split(r"\s*[·•|]\s*|\s{2,}", text))


# Where a reader lives, as widgets print it under the handle: a few capitalised words ("Leeds, UK").
_PLACE_RE = re.compile(r"^[A-Z][\w.'’-]*(?:,?\s+[A-Z][\w.'’-]*){0,3}$")


def _body_start(lines: list[Line], header: int, style: str) -> int:
    """First line of a comment's text region: after the header, and after the place line of a dated header
    printed over the reader's town."""
    if style == "forum":
        date = _post_date_under(lines, header)
        return header + 1 if date is None else date + 1
    if style != "dated" or _has_time_cell(lines[header].text):
        return header + 1
    nxt = next((k for k in range(header + 1, len(lines)) if lines[k].text), None)
    if nxt is None or _is_time_row(lines[nxt].text) or _REPLY_TO_RE.match(lines[nxt].text):
        return header + 1
    return nxt + 1


def _signed_headers(lines: list[Line]) -> list[tuple[int, str]]:
    """Comments dated at their foot: a handle (possibly with the reader's town after a comma) opening a
    block, the text, and a timestamp line closing the comment before the next handle."""
    opens = [
        i
        for i, ln in enumerate(lines)
        if ln.text
        and (i == 0 or lines[i - 1].blank)
        and not _is_meta(ln.text)
        and not is_thread_heading(ln.text)
        and not _is_thread_furniture(ln.text)
        and _is_handle_line(ln.text)
    ]
    found: list[tuple[int, str]] = []
    for k, i in enumerate(opens):
        stop = opens[k + 1] if k + 1 < len(opens) else len(lines)
        texts = [ln.text for ln in lines[i + 1 : stop] if ln.text]
        if len(texts) >= 2 and is_time_text(texts[-1]) and not any(is_time_text(t) for t in texts[:-1]):
            found.append((i, _without_place(lines[i].text)))
    return found


def _headers(lines: list[Line], style: str) -> list[tuple[int, str]]:
    if style == "dated":
        return _dated_headers(lines)
    if style == "signed":
        return _signed_headers(lines)
    found: list[tuple[int, str]] = []
    after_label = False
    for i, line in enumerate(lines):
        if line.blank:
            continue
        handle = _header_handle(line.text, style)
        if handle is None and style == "forum" and (at := _board_post(lines, i)) is not None:
            found.append((at, _strip_meta_parts(lines[at].text)))
            continue
        # "handle wrote:" right under a "Quote:" label names the quoted author, not a new post; so does a mail
        # client's "On <date>, handle wrote:" over ">"-marked lines.
        nxt = next((ln for ln in lines[i + 1 :] if ln.text), None)
        quoting = line.text[:3].lower() == "on " and nxt is not None and nxt.text.startswith(">")
        if handle is not None and not after_label and not quoting:
            found.append((i, handle))
        after_label = _is_quote_label(line.text) and style == "forum"
    return found


def _board_post(lines: list[Line], i: int) -> int | None:
    """Index of the handle line when ``lines[i]`` opens a board's post head: a post number ("#3") over
    the handle, the poster's box and the post's date, or, without the number, a handle opening its block
    over a box with profile fields ("Joined: …") and the date. A number alone could be a list item and a
    short line over a date a dateline; the dated head with a number or a profile box is a post's."""
    if _POST_NUMBER.match(lines[i].text):
        h, need_profile = i + 1, False
    elif i == 0 or lines[i - 1].blank:
        h, need_profile = i, True
    else:
        return None
    t = lines[h].text if h < len(lines) else ""
    if not t or _is_meta(t) or not _is_handle_line(t):
        return None
    date = _post_date_under(lines, h)
    if date is None or (need_profile and not any(_is_profile_row(ln.text) for ln in lines[h + 1 : date])):
        return None
    return h


# A poster's box under the handle is a rank and a line or two of profile fields.
MAX_PROFILE_LINES = 3
_PROFILE_CELL_SEP = re.compile(r"\s+[·•|]\s+")


def _is_profile_row(text: str) -> bool:
    """ "Joined: May 2019 · Posts: 1,204": every cell a field of the poster's profile."""
    return all(_PROFILE_FIELD_RE.match(cell) for cell in _PROFILE_CELL_SEP.split(text))


def _is_rank_line(text: str) -> bool:
    """ "Senior Member", "Moderator": a board's rank for the poster, a title of a word or three."""
    ws = text.split()
    return (
        0 < len(ws) <= 3
        and all(w[:1].isupper() and w.isalpha() for w in ws)
        and not any(ch.isdigit() for ch in text)
    )


def _post_date_under(lines: list[Line], header: int) -> int | None:
    """Index of the post's date line when it closes the header's block with only the poster's box between
    (rank, join date, post count): boards print that box between the handle and the date, and the post's
    text starts under the date."""
    for k in range(header + 1, min(header + 2 + MAX_PROFILE_LINES, len(lines))):
        t = lines[k].text
        if not t:
            return None
        if _is_profile_row(t) or _is_rank_line(t):
            continue
        return k if is_time_text(t) else None
    return None


# A thread heading in the site's own words with the thread's size in brackets ("Your Say (12)", "Fan Mail
# [4]"): only read as one right above the first comment, past the sort row and sign-in prompt.
_NAMED_HEADING_RE = re.compile(r"^[A-Z][\w'’&-]*(?:\s+[\w'’&-]+){0,2}\s*[(\[]\s*(?P<n>\d[\d,]*)\s*[)\]]$")
MAX_PROMPT_WORDS = 10


def named_heading_count(text: str) -> int | None:
    """The figure of a bracketed thread heading ("Your Say (12)"), for a line known to head a thread."""
    m = _NAMED_HEADING_RE.match(text)
    return int(m.group("n").replace(",", "")) if m else None


def _named_heading_above(lines: list[Line], after: int, start: int) -> int:
    """Move a thread's start up to a bracketed heading over it, past the thread's own controls (sort row,
    sign-in prompt); without one the start stays."""
    j = start - 1
    while j > after and (
        not lines[j].text
        or _is_action_row(lines[j].text)
        or _is_thread_furniture(lines[j].text)
        or (
            len(words(lines[j].text)) <= MAX_PROMPT_WORDS
            and contains_cue(lines[j].text, lexicon.SIGN_IN_CUES)
        )
    ):
        j -= 1
    return j if j > after and named_heading_count(lines[j].text) is not None else start


def detect_thread(lines: list[Line], after: int) -> tuple[str, int] | None:
    """Layout and start index of the comment thread among ``lines[after:]``, or None when there is none."""
    found = _detect_thread(lines, after)
    if found is None or is_thread_heading(lines[found[1]].text):
        return found
    return found[0], _named_heading_above(lines, after, found[1])


def _detect_thread(lines: list[Line], after: int) -> tuple[str, int] | None:
    heading = next((i for i in range(after, len(lines)) if is_thread_heading(lines[i].text)), None)
    tail = lines[after:]
    best: tuple[str, int] | None = None
    best_count = 0
    for style in ("says", "forum"):
        hdrs = [(after + i, h) for i, h in _headers(tail, style)]
        enough = len(hdrs) >= MIN_HEADERS or (hdrs and heading is not None and heading < hdrs[0][0])
        if enough and len(hdrs) > best_count:
            first = hdrs[0][0]
            start = heading if heading is not None and heading < first else first
            best, best_count = (style, start), len(hdrs)
    if best is not None:
        return best
    replies = [i for i in range(after, len(lines)) if _is_reply_row(lines[i].text)]
    if len(replies) >= MIN_HEADERS or (replies and heading is not None and heading < replies[0]):
        if heading is not None and heading < replies[0]:
            return "flat", heading
        return "flat", _above_controls(lines, after, _first_flat_handle(lines, after, replies[0]))
    hdrs = [after + i for i, _ in _dated_headers(tail)]
    if len(hdrs) >= MIN_HEADERS or (hdrs and heading is not None and heading < hdrs[0]):
        return "dated", heading if heading is not None and heading < hdrs[0] else hdrs[0]
    # Comments dated at their foot count only under a thread heading: the article's own blocks may end on a
    # dateline too.
    start = heading if heading is not None else len(lines)
    hdrs = [start + i for i, _ in _signed_headers(lines[start:])]
    if len(hdrs) >= MIN_HEADERS:
        return "signed", heading
    return None


def _is_handle_line(text: str) -> bool:
    """A flat-layout handle: a short name, possibly followed by a timestamp after a separator."""
    name = _strip_meta_parts(text)
    # A display name may end on an initial ("Jo P."): that full stop ends no sentence.
    core = name[:-1] if _TRAILING_INITIAL.search(name) else name
    return (
        bool(name) and len(name.split()) <= MAX_HANDLE_WORDS and len(name) <= 40 and not ends_sentence(core)
    )


_TRAILING_INITIAL = re.compile(r"(?:^|\s)[A-Z]\.$")


def _first_flat_handle(lines: list[Line], after: int, reply: int) -> int:
    """Without a heading, the first flat comment begins at the nearest handle line above the first Reply row.

    When the comment carries a timestamp line, the handle is the line right above it, which is safer than
    guessing from the shape of short lines.
    """
    body_seen = False
    for i in range(reply - 1, after - 1, -1):
        t = lines[i].text
        if not t:
            continue
        if is_time_text(t):
            j = i - 1
            while j > after and not lines[j].text:
                j -= 1
            if j >= after and _is_handle_line(lines[j].text):
                return _with_depth_label(lines, after, j)
            continue
        if _is_meta(t):
            continue
        if body_seen and _is_handle_line(t):
            return _with_depth_label(lines, after, i)
        body_seen = True
    return reply


def _above_controls(lines: list[Line], after: int, start: int) -> int:
    """Move a thread's start up over the sort menus and badges printed directly above its first comment."""
    i = start
    while True:
        j = i - 1
        while j > after and not lines[j].text:
            j -= 1
        if j < after or not lines[j].text or not _is_action_row(lines[j].text):
            return i
        i = j


def _with_depth_label(lines: list[Line], after: int, handle: int) -> int:
    """Move a comment's start up to its "level N" label when one stands above the handle."""
    j = handle - 1
    while j > after and not lines[j].text:
        j -= 1
    return j if j >= after and lexicon.DEPTH_LABEL_RE.match(lines[j].text) else handle


def _is_thread_nav(part: str) -> bool:
    """Links that move between comments ("parent", "next [–]") printed in a comment's header row."""
    ws = re.findall(r"[^\W\d_]+", part.lower())
    return bool(ws) and all(w in lexicon.THREAD_NAV_WORDS for w in ws)


_ROW_CELL_SEP = re.compile(r"\s[·•|]\s")
# A forum's post number printed in the header row ("#12  handle  3 May 2025"): it numbers the post, it is
# no part of the handle.
_POST_NUMBER = re.compile(r"^#\d{1,5}$")
_POST_NUMBER_PREFIX = re.compile(r"^#\d{1,5}\s+(?=\S)")
# The number of an ordered list of comments ("1. jdoe · 2h ago"): the list's, not the handle's.
_LIST_NUMBER_PREFIX = re.compile(r"^\d{1,3}[.)]\s+(?=\S)")


def _comma_time_handle(text: str) -> str | None:
    """ "jdoe, Leeds, United Kingdom, 2 hours ago": the handle, then where the reader lives, then the time."""
    if _ROW_CELL_SEP.search(text):
        # A row that sets its cells apart with bars or dots uses commas inside a cell ("3 May 2025, 07:41").
        return None
    cells = [c.strip() for c in text.split(",")]
    if len(cells) > 1 and is_time_text(cells[-1]) and cells[0] and not ends_sentence(cells[0]):
        return cells[0]
    return None


_DATED_AFTER_NAME = re.compile(r"(?<=\S)\s+(?:on|at)\s+(?=\S)", re.I)
# "Posted on 3 May 2025", "Updated at 9:40": a dateline's label, not a reader's name, before the date.
_DATE_LABEL_RE = re.compile(
    r"^(?:(?:last\s+)?(?:posted|published|updated|modified|edited|written|filed))$", re.I
)


# A comment's stamp gives the year or the clock time; a phrase ending on a day ("… on Saturday 7 June")
# is prose.
_FULL_STAMP_RE = re.compile(r"\b\d{4}\b|\b\d{1,2}[:.]\d{2}\b")


def _name_before_date(text: str) -> str | None:
    """ "Jane Roe on March 2, 2026 at 9:14 am": the name when the line dates it after "on" or "at" with no
    separator, as blog themes print a comment's header; None otherwise."""
    for m in _DATED_AFTER_NAME.finditer(text):
        name, when = text[: m.start()].strip(), text[m.end() :]
        if is_time_text(when) and _FULL_STAMP_RE.search(when):
            return None if _DATE_LABEL_RE.match(name) else name
    return None


def _strip_meta_parts(text: str) -> str:
    """The name part of a handle line such as "jdoe · 3 hours ago" or "▲ jdoe 3 hours ago | parent"."""
    if (handle := _comma_time_handle(text)) is not None:
        return handle
    parts = [p.strip().lstrip(_VOTE_GLYPHS + " ") for p in re.split(r"\s+[·•|]\s+|\s+[—–-]\s+", text)]
    kept = [p for p in parts if p and not _is_meta(p) and not _is_thread_nav(p) and not _POST_NUMBER.match(p)]
    name = _POST_NUMBER_PREFIX.sub("", " ".join(kept).strip())
    name = _LIST_NUMBER_PREFIX.sub("", name)
    m = re.match(r"^(.*?)\s+(?:\d+\s*[smhdwy]|\d+\s+\w+\s+ago)$", name)
    name = (m.group(1) if m else name).strip()
    # "Jane Roe on March 2, 2026 at 9:14 am": blog themes date the comment after the name with "on" or
    # "at" and no separator; the date is no part of the name.
    name = _name_before_date(name) or name
    # A badge printed after the name ("Jo Pike Author", "dock_dan Moderator") marks the reader's role.
    head, _, last = name.rpartition(" ")
    return head if head and last.lower() in lexicon.COMMENT_BADGE_WORDS else name


# Arrows that mark a reply in place of indentation ("↳ handle · 2h").
_REPLY_GLYPH = re.compile(r"^[↳↪⤷└]\s*(?=\S)")
# "ann replied to bob", "ann ▸ bob": a reply header naming the answered reader after the replier.
_REPLIED_RE = re.compile(
    r"^(?P<author>\S.*?)\s+(?:replied\s+to|replying\s+to|in\s+reply\s+to|responded\s+to|[▸►▶→»])\s+@?(?P<parent>\S.*)$",
    re.I,
)


def _split_parent(handle: str, authors: list[str]) -> tuple[str, str | None]:
    """Reply headers of some embeds print the answered handle after the replier's ("ann  bob • 2h")."""
    m = _REPLIED_RE.match(handle)
    if m and m.group("parent") in authors:
        return m.group("author"), m.group("parent")
    head, _, last = handle.rpartition(" ")
    if head and last in authors and " " not in head:
        return head, last
    return handle, None


def _has_time_cell(text: str) -> bool:
    """A handle line that carries its own timestamp after a separator ("jdoe | May 3, 2024 | 9:40 pm") or
    after "on" ("Jane Roe on March 2, 2026 at 9:14 am")."""
    parts = re.split(r"\s+[·•|]\s+", text)
    return (
        (len(parts) > 1 and any(is_time_text(p) for p in parts[1:]))
        or _comma_time_handle(text) is not None
        or _name_before_date(text) is not None
    )


def _arrow_reply(text: str) -> str | None:
    """The answered handle of a "→ handle • 1 hour ago" line, or None."""
    m = _ARROW_REPLY_RE.match(text)
    return m.group("handle") if m is not None and is_time_text(m.group("when")) else None


def _is_header_shaped(seg: list[Line], k: int) -> bool:
    """Whether ``seg[k]`` is a comment header: a short handle with its time, or over a time line (which may
    name the answered reader first)."""
    t = seg[k].text
    if not t or _is_meta(t) or not _is_handle_line(t) or _arrow_reply(t) is not None:
        return False
    if _has_time_cell(t):
        return True
    nxt = next((ln for ln in seg[k + 1 :] if ln.text), None)
    if nxt is not None and (is_time_text(nxt.text) or _arrow_reply(nxt.text) is not None):
        return True
    # Live feeds print each post's time first, as the line that opens its block, and the handle under it.
    return k >= 1 and is_time_text(seg[k - 1].text) and (k == 1 or not seg[k - 2].text)


def _is_sign_in(text: str) -> bool:
    return len(words(text)) <= MAX_HANDLE_WORDS and contains_cue(text, lexicon.SIGN_IN_CUES)


def _is_quote_label(text: str) -> bool:
    """ "Quote:", "Quote from handle", "Quote from handle on <date>": a label over a quoted excerpt."""
    m = _QUOTE_LABEL_RE.match(text)
    return m is not None and (m.group("when") is None or is_time_text(m.group("when")))


def _is_quote_attribution(text: str) -> bool:
    m = _WROTE_DATED_RE.match(text)
    if m is None:
        return False
    when = m.group("when").strip()
    return is_time_text(when) if when else m.group("arrow") is not None


def _profile_follows(lines: list[Line], line: Line) -> bool:
    """Whether the next line after ``line`` is a profile field: the handle over it heads the poster's box."""
    k = next(i for i, ln in enumerate(lines) if ln is line)
    nxt = next((ln for ln in lines[k + 1 :] if ln.text), None)
    return nxt is not None and bool(_PROFILE_FIELD_RE.match(nxt.text))


def _body(lines: list[Line], *, forum: bool, author: str | None = None) -> tuple[str, str | None]:
    """A comment's paragraphs joined by a blank line (lines of one paragraph joined with a space), and the
    handle named by an "In reply to …" line, if any.

    A "Reply to <the comment's own author>" line is the comment's reply button, not its text."""
    paras: list[list[str]] = [[]]
    in_quote = False
    # Under a "Quote from handle" label a copy keeps the quoted box as one unmarked line: the excerpt is a
    # paragraph of its own, and the poster's text starts on the next line.
    quote_box = False
    reply_to = None
    for line in lines:
        t = line.text
        if not t:
            paras.append([])
            quote_box = False
            continue
        if forum and _SIGNATURE_RULE.match(t):
            break  # the poster's signature under its rule closes every post; it is not the post's text
        if _is_meta(t) or _is_thread_furniture(t) or lexicon.REMOVED_COMMENT_RE.match(t):
            continue
        m = _REPLY_TO_RE.match(t)
        if m:
            reply_to = reply_to or m.group("handle")
            continue
        if (arrowed := _arrow_reply(t)) is not None:
            reply_to = reply_to or arrowed
            continue
        m = _REPLY_BUTTON_RE.match(t)
        if m and author is not None and m.group("handle") == author:
            continue
        if forum and _is_quote_attribution(t):
            paras.append([])
            continue
        if forum and (_PROFILE_FIELD_RE.match(t) or (t == author and _profile_follows(lines, line))):
            continue
        if forum and _SUBJECT_RE.match(t):
            paras.append([])
            continue
        if _is_quote_label(t):
            paras.append([])
            quote_box = True
            continue
        if quote_box and t.startswith(">"):
            quote_box = False  # the quote carries its own markers
        elif quote_box and not (forum and (_WROTE_RE.match(t) or _POSTED_RE.match(t))):
            paras[-1].append(t)
            paras.append([])
            quote_box = False
            continue
        if forum:
            quoted = t.startswith(">")
            if quoted:
                t = _QUOTED.sub("", t).strip()
            # Quoted text stays (it may quote the article) as its own paragraph, without its markers and
            # without the "name wrote:" line that only attributes it.
            if not t or _WROTE_RE.match(t) or _POSTED_RE.match(t):
                continue
            if quoted != in_quote:
                paras.append([])
                in_quote = quoted
        paras[-1].append(t)
    return PARAGRAPH_SEPARATOR.join(" ".join(p) for p in paras if p), reply_to


def _ranks(indents: list[int]) -> dict[int, int]:
    return {v: r for r, v in enumerate(sorted(set(indents)))}


_Entry = tuple[str, int, tuple[str, str | None]]


def _names(reply_to: str | None, author: str) -> bool:
    """Whether a reply link names this author. "In reply to Jo P.": the link's closing full stop, which the
    reply pattern drops, may be the initial's; "Replying to @jo" names the handle shown as "@jo" or "jo"."""
    if not reply_to:
        return False
    bare = author.lstrip("@")
    return reply_to.lstrip("@") in (bare, bare.rstrip("."))


def _newest_first(entries: list[_Entry]) -> bool:
    """Whether the thread runs newest first: its reply links name readers who posted further down the
    page (earlier) more often than readers who posted above."""
    below_only = above_only = 0
    for k, (_, _, (_, reply_to)) in enumerate(entries):
        if not reply_to:
            continue
        above = any(_names(reply_to, a) for a, _, _ in entries[:k])
        below = any(_names(reply_to, a) for a, _, _ in entries[k + 1 :])
        below_only += below and not above
        above_only += above and not below
    return below_only > above_only


def _tree(entries: list[_Entry]) -> tuple[ParsedComment, ...]:
    """(author, indent, (body, reply_to)) in page order -> comments with depth and parents.

    Depth is the indent's rank; an explicit "In reply to <handle>" line overrides it, naming the parent.
    A thread that runs newest first (live feeds) prints each reply above the comment it answers: the tree
    is built in time order, bottom up, and the comments keep their page positions.
    """
    if not _newest_first(entries):
        return _build_tree(entries)
    last = len(entries) + 1
    built = _build_tree(entries[::-1])
    return tuple(
        ParsedComment(
            position=last - c.position,
            depth=c.depth,
            parent_position=None if c.parent_position is None else last - c.parent_position,
            author=c.author,
            body=c.body,
        )
        for c in reversed(built)
    )


def _build_tree(entries: list[_Entry]) -> tuple[ParsedComment, ...]:
    rank = _ranks([indent for _, indent, _ in entries])
    out: list[ParsedComment] = []
    for pos, (author, indent, (body, reply_to)) in enumerate(entries, start=1):
        prev_depth = out[-1].depth if out else -1
        named = [c for c in reversed(out) if _names(reply_to, c.author)]
        # A reader who commented more than once: the indentation says which of their comments is answered.
        by_indent = min(rank[indent], prev_depth + 1)
        target = next((c for c in named if c.depth == by_indent - 1), named[0] if named else None)
        if target is not None:
            depth, parent = target.depth + 1, target.position
        else:
            # A reply is at most one level below the comment above it; a deeper indent is an artefact.
            depth = min(rank[indent], prev_depth + 1)
            parent = (
                next((c.position for c in reversed(out) if c.depth == depth - 1), None) if depth else None
            )
        out.append(ParsedComment(position=pos, depth=depth, parent_position=parent, author=author, body=body))
    return tuple(out)


def _end_of_thread(lines: list[Line], start: int, base_indent: int) -> int:
    """First line after the thread: comment-form furniture, or a line left of an indented thread."""
    for i in range(start, len(lines)):
        line = lines[i]
        if line.blank:
            continue
        if _is_thread_furniture(line.text):
            return i
        if base_indent > 0 and line.indent < base_indent:
            return i
    return len(lines)


def _parse_headed(lines: list[Line], start: int, style: str) -> tuple[ParsedComment, ...]:
    hdrs = [(start + i, h) for i, h in _headers(lines[start:], style)]
    if not hdrs:
        return ()
    base = min(lines[i].indent for i, _ in hdrs)
    tops = [_header_top(lines, i, start) for i, _ in hdrs]
    spans = []
    for k, (i, _) in enumerate(hdrs):
        stop = tops[k + 1] if k + 1 < len(hdrs) else _end_of_thread(lines, i + 1, base)
        a = _body_start(lines, i, style)
        spans.append((a, min(stop, _end_of_thread(lines, a, base))))
    spans[-1] = (spans[-1][0], _close_last_comment(lines, spans))
    if style == "forum" and _signs_below(lines, start, tops, spans[-1]):
        # "Posted by handle | date" under each comment: a comment's text is what stands above its line.
        first = start + 1 if is_thread_heading(lines[start].text) else start
        spans = [(hdrs[k - 1][0] + 1 if k else first, i) for k, (i, _) in enumerate(hdrs)]
        tops = [i for i, _ in hdrs]
    entries: list[tuple[str, int, tuple[str, str | None]]] = []
    for (i, handle), (a, b), top in zip(hdrs, spans, tops, strict=True):
        author, parent = handle, None
        if (m := _REPLIED_RE.match(handle)) and m.group("parent") in {e[0] for e in entries}:
            author, parent = m.group("author"), m.group("parent")
        above = next((m.group("handle") for ln in lines[top:i] if (m := _REPLY_TO_RE.match(ln.text))), None)
        body, reply_to = _body(lines[a:b], forum=style == "forum", author=author)
        entries.append((author, lines[i].indent, (body, reply_to or above or parent)))
    return _tree(entries)


def _header_top(lines: list[Line], header: int, start: int) -> int:
    """First line of a comment's head: a subject line ("Subject: Re: …"), a reply link ("↳ Replying to
    X") or a post number ("#3") set directly above the header line opens the comment, so it is no part of
    the comment before.
    Such a line counts only when a blank line or a control row stands above it: the last line of the
    previous comment's text may be anything."""
    top = header
    while (
        top - 1 >= start
        and lines[top - 1].text
        and (
            _SUBJECT_RE.match(lines[top - 1].text)
            or _REPLY_TO_RE.match(lines[top - 1].text)
            # A board's post number ("#3") heads the post it numbers.
            or _POST_NUMBER.match(lines[top - 1].text)
        )
    ):
        top -= 1
    if top == header:
        return header
    above = lines[top - 1]
    return top if not above.text or _is_meta(above.text) else header


def _signs_below(lines: list[Line], start: int, tops: list[int], last: tuple[int, int]) -> bool:
    """Whether the post lines close their comments rather than head them: each stands right under text,
    and nothing but furniture follows the last."""
    for i in tops:
        above = lines[i - 1] if i > start else None
        if above is None or not above.text or _is_meta(above.text) or is_thread_heading(above.text):
            return False
    a, b = last
    return not any(
        ln.text and not _is_meta(ln.text) and not _is_thread_furniture(ln.text) for ln in lines[a:b]
    )


def _closing_control(lines: list[Line], a: int, b: int) -> int | None:
    """Index of the controls row ("Like (3) | Report") that is the last line of ``lines[a:b]``, if any."""
    last = next((j for j in range(b - 1, a - 1, -1) if lines[j].text), None)
    if last is None or is_time_text(lines[last].text) or not _is_action_row(lines[last].text):
        return None
    return last


def _close_last_comment(lines: list[Line], spans: list[tuple[int, int]]) -> int:
    """Where the last comment ends. When every other comment closes on its row of controls, the last one
    closes on its own too: what follows that row is the widget's footer (house rules, a copyright line)."""
    a, b = spans[-1]
    # A comment the site took down keeps its header and the removal notice but loses its controls; a
    # widget may also print a comment on an answer without any. When most of the others close on their
    # row, the widget closes comments that way.
    open_ended = sum(
        _closing_control(lines, x, y) is None and not _is_removed(lines[x:y]) for x, y in spans[:-1]
    )
    if len(spans) < MIN_HEADERS or 2 * open_ended >= len(spans) - 1:
        return b
    row = next((j for j in range(a, b) if lines[j].text and _closing_control(lines, a, j + 1) == j), None)
    return b if row is None else row + 1


def _is_removed(seg: list[Line]) -> bool:
    """Whether a comment's text is only the site's removal notice."""
    texts = [
        ln.text
        for ln in seg
        if ln.text and not _is_meta(ln.text) and not _REPLY_TO_RE.match(ln.text) and not _arrow_reply(ln.text)
    ]
    return bool(texts) and all(lexicon.REMOVED_COMMENT_RE.match(t) for t in texts)


def _split_controlless(seg: list[Line]) -> list[list[Line]]:
    """A segment between two Reply rows that holds more than one comment header: a comment printed without
    controls (a removed or locked one) runs into the next. Each header after a blank line starts a comment,
    and so does a removal notice standing alone in its block (a comment the site took down with its name)."""
    first = next((k for k in range(len(seg)) if _is_header_shaped(seg, k)), None)
    cuts = [k for k in _lone_notices(seg) if first is None or k <= first]
    if first is not None:
        # A removal notice is the last line of its comment, so a header may follow it with no blank line.
        # A widget may print a label on its own line over each handle (an avatar's alt text): the comment
        # then starts at that label, the first line of the header's block.
        cuts += [
            k - 1 if _labels_handle(seg, k) else k
            for k in range(first + 1, len(seg))
            if _is_header_shaped(seg, k)
            and (
                not seg[k - 1].text
                or lexicon.REMOVED_COMMENT_RE.match(seg[k - 1].text)
                or _labels_handle(seg, k)
            )
        ]
    bounds = sorted({0, *cuts, len(seg)})
    return [seg[a:b] for a, b in itertools.pairwise(bounds)]


def _labels_handle(seg: list[Line], k: int) -> bool:
    """Whether ``seg[k - 1]`` is a one-word label opening the block of the header ``seg[k]``."""
    return (
        k >= 2
        and not seg[k - 2].text
        and len(seg[k - 1].text.split()) == 1
        and not _is_meta(seg[k - 1].text)
        and not ends_sentence(seg[k - 1].text)
    )


def _lone_notices(seg: list[Line]) -> list[int]:
    """Starts of the blocks that hold only a removal notice, with no name line: such a notice is the whole
    comment, so it is cut off as one of its own, and the lines after it start the next."""
    starts = []
    for k, line in enumerate(seg):
        if line.text and (k == 0 or not seg[k - 1].text) and lexicon.REMOVED_COMMENT_RE.match(line.text):
            end = next((j for j in range(k, len(seg)) if not seg[j].text), len(seg))
            if all(lexicon.REMOVED_COMMENT_RE.match(ln.text) for ln in seg[k:end]):
                starts += [k, end]
    return starts


def _add_flat_entry(seg: list[Line], entries: list) -> None:
    levels = [int(m.group(1)) for ln in seg if (m := lexicon.DEPTH_LABEL_RE.match(ln.text))]
    seg = [ln for ln in seg if not lexicon.DEPTH_LABEL_RE.match(ln.text)]
    # Headers repeat one shape (a handle with its time); whatever precedes the header in a segment is
    # thread furniture (policy notes, sort menus, badges, "View 3 more replies").
    header = next((k for k in range(len(seg)) if _is_header_shaped(seg, k)), None)
    above: str | None = None  # a reply link printed above the header ("↳ Replying to X") names the parent
    if header is not None:
        above = next((m.group("handle") for ln in seg[:header] if (m := _REPLY_TO_RE.match(ln.text))), None)
        seg = seg[header:]
    content = [ln for ln in seg if ln.text and not _is_meta(ln.text)]
    if not content:
        return
    if header is None and all(lexicon.REMOVED_COMMENT_RE.match(ln.text) for ln in content):
        # A removal notice with no name line: the site took the comment down with its author.
        entries.append(("", content[0].indent, ("", None)))
        return
    handle_line = content[0]
    body_lines = seg[seg.index(handle_line) + 1 :]
    first = next((ln for ln in body_lines if ln.text and not _is_meta(ln.text)), None)
    if first is not None and first.text in {author for author, _, _ in entries}:
        # Reply layouts print the name of the comment answered under the replier's handle.
        body_lines = [ln for ln in body_lines if ln is not first]
    # An explicit "level N" label is a surer depth cue than the indentation a copy may have lost.
    nesting = levels[0] if levels else handle_line.indent
    header = handle_line.text
    if levels == [] and (m := _REPLY_GLYPH.match(header)):
        # "↳ handle": a reply marked by an arrow instead of indentation sits one step deeper.
        header, nesting = header[m.end() :], nesting + 1
    if (
        not _is_handle_line(header)
        and (m := _INLINE_HANDLE_RE.match(header))
        and len(m.group("handle").split()) <= MAX_HANDLE_WORDS
    ):
        # "handle: text": chat-style comments set the handle before the comment's first words.
        header = m.group("handle")
        body_lines = [Line(handle_line.index, m.group("text"), handle_line.indent), *body_lines]
    author, parent = _split_parent(_without_place(_strip_meta_parts(header)), [a for a, _, _ in entries])
    body, reply_to = _body(body_lines, forum=False, author=author)
    entries.append((author, nesting, (body, reply_to or above or parent)))


_INLINE_HANDLE_RE = re.compile(rf"^(?P<handle>[^\s:][^:.!?]{{0,{MAX_HANDLE_CHARS}}}?):\s+(?P<text>\S.*)$")


def _parse_flat(lines: list[Line], start: int) -> tuple[ParsedComment, ...]:
    entries = []
    seg_start = start
    for i in range(start, len(lines)):
        if not _is_reply_row(lines[i].text):
            continue
        seg = [
            ln
            for ln in lines[seg_start:i]
            if not (
                ln.text
                and (is_thread_heading(ln.text) or _is_thread_furniture(ln.text) or _is_sign_in(ln.text))
            )
        ]
        seg_start = i + 1
        for part in _split_controlless(seg):
            _add_flat_entry(part, entries)
    if entries:
        _add_removed_tail(lines[seg_start:], entries)
    return _tree(entries)


def _add_removed_tail(tail: list[Line], entries: list) -> None:
    """After the last Reply row, a removed comment has no controls of its own: its header, time and the
    site's removal notice, one block, before the page's footer."""
    k = next((k for k in range(len(tail)) if _is_header_shaped(tail, k)), None)
    if k is None or any(ln.text and not _is_meta(ln.text) for ln in tail[:k]):
        return
    end = next((j for j in range(k + 1, len(tail)) if tail[j].blank), len(tail))
    rest = [ln.text for ln in tail[k + 1 : end] if ln.text and not _is_meta(ln.text)]
    if rest and all(lexicon.REMOVED_COMMENT_RE.match(t) for t in rest):
        _add_flat_entry(tail[k:end], entries)


def parse_thread(lines: list[Line], after: int) -> Thread | None:
    """The comment thread found after line ``after``, or None when the page shows no thread."""
    found = detect_thread(lines, after)
    if found is None:
        return None
    style, start = found
    comments = _parse_flat(lines, start) if style == "flat" else _parse_headed(lines, start, style)
    if not comments:
        return None
    return Thread(style=style, start=start, comments=comments)
