"""The article part of a page: headline, dek, body paragraphs and image slots, with page furniture removed.

The page is read top to bottom. The headline is the first headline-shaped line that is not navigation;
what follows it is, in order, an optional dek (standfirst), image blocks, and body paragraphs. Furniture is
recognised by shape first (fragments, share bars, repeated headline, credit patterns) and by the cue lists in
``lexicon``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from aidebate_etl.errors import NoArticle
from aidebate_etl.parse import lexicon
from aidebate_etl.parse.blocks import (
    Line,
    bullet_item,
    contains_cue,
    ends_on_function_word,
    ends_sentence,
    group_blocks,
    is_time_text,
    split_paragraphs,
    words,
    wrap_width,
)
from aidebate_etl.parse.bylines import author_line, is_bare_name_line
from aidebate_etl.parse.captions import (
    is_alt_text,
    parse_caption_line,
    parse_copyright_credit,
    parse_credit_line,
)
from aidebate_etl.records import Image

# Headlines run from a few words to a long sentence; beyond this a line is prose, not a headline.
MAX_TITLE_WORDS = 30
# Kickers and section labels above a headline are one to three words; a real headline is rarely that short,
# so shorter candidates are taken only when nothing longer exists.
MIN_TITLE_WORDS = 4
# Labels and buttons are short; a line containing a furniture cue but longer than this is prose that happens
# to mention the cue ("he signed up for the study").
MAX_FURNITURE_WORDS = 10
# The first body paragraph is a finished sentence of some length; shorter punctuated lines near the headline
# are labels, datelines or prompts.
MIN_LEAD_WORDS = 8
# A dek is one or two sentences; a longer punctuated block before the lead image is already the body.
MAX_DEK_WORDS = 45
# Deks are phrases, not labels: a shorter unpunctuated line under the headline is a kicker or a tag line.
MIN_DEK_WORDS = 5
# A caption is a sentence or two; a longer line above a credit is body prose that shares the block.
MAX_CAPTION_WORDS = 40
# Teaser headlines and tag lines inside image blocks are headline-sized.
MAX_HEADLINE_WORDS = 20

# Breadcrumb trails ("News > Local > Transit") separate short section names with arrows or slashes.
_BREADCRUMB_RE = re.compile(
    r"^[^>›»/|]{1,40}(?:\s[>›»]\s[^>›»/|]{1,40})+$|^[^>›»/|]{1,40}(?:\s[/|]\s[^>›»/|]{1,40}){2,}$"
)
# What an embedded player shows until its script runs ("Video player loading...", "Loading video…"); the
# copy keeps it where the player was.
_PLAYER_LOADING_RE = re.compile(
    r"^(?:(?:video|audio|media)\s+)?(?:player\s+)?loading(?:\s+(?:video|audio|media|player))?\s*(?:\.{3}|…)?$",
    re.I,
)
# "Label: value" with a short label, as in info boxes.
_FACT_RE = re.compile(r"^[A-Z][\w’'()& -]{0,25}:\s+(?P<value>\S.*)$")
# Values in an info box are names, durations or ratings: a short list, not a clause.
MAX_FACT_VALUE_WORDS = 12
_COUNTER_RE = re.compile(r"^(?:image|photo|slide)?\s*\d+\s*(?:/|of)\s*\d+$", re.I)
_RELATED_RE = re.compile(
    r"^(?:"
    + "|".join(re.escape(p) for p in sorted(lexicon.RELATED_PREFIXES, key=len, reverse=True))
    + r")\s*[:：|»›>–—-]\s*\S",
    re.I,
)


@dataclass(slots=True)
class Article:
    title: str | None
    subtitle: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)


def _bare(text: str) -> str:
    return text.lower().replace("’", "'").strip(" :.!|-–—»›")


def is_furniture(text: str) -> bool:
    """Navigation, ad slots, share bars, account prompts, promo boxes: lines that are never article text."""
    bare = _bare(text)
    if not bare or bare in lexicon.NAVIGATION_LINES:
        return True
    ws = words(text)
    if ws and all(w.lower() in lexicon.SHARE_WORDS for w in ws):
        return True
    if len(ws) <= MAX_FURNITURE_WORDS and (
        contains_cue(text, lexicon.SIGN_IN_CUES)
        or contains_cue(text, lexicon.BOX_CUES)
        or contains_cue(text, lexicon.THREAD_FURNITURE_CUES)
    ):
        return True
    if not any(ch.isalnum() for ch in text):
        return True  # a rating in stars, a divider: glyphs with no word
    cells = _LABEL_ROW_SEPARATOR.split(text)
    if len(cells) > 1 and all(_bare(c) in lexicon.NAVIGATION_LINES for c in cells):
        # "Advertisement · Scroll to continue", "Advertisement — story continues below": an ad slot's
        # labels in one row.
        return True
    if _is_one_line_ad(text):
        return True
    if _is_paywall_meter(text) or _is_ticker(text) or _is_form_small_print(text):
        return True
    return bool(
        _COUNTER_RE.match(text)
        or _PLAYER_LOADING_RE.match(text)
        or _BREADCRUMB_RE.match(text)
        or is_time_text(text)
        or _is_meta_row(text)
        or is_menu_row(text)
        or _is_cookie_banner(text)
        or _is_control_with_meta(text)
        or _AUDIO_CONTROL_RE.match(text.strip()) is not None
    )


# Labels of one slot set side by side: bars and dots, or a dash between two labels.
_LABEL_ROW_SEPARATOR = re.compile(r"\s+[|·•—–]\s+")
# A one-line ad is its label and a sentence or two of pitch.
MAX_AD_LINE_WORDS = 25


def _is_one_line_ad(text: str) -> bool:
    """ "SPONSORED: Boat insurance from £9 a month. Get a quote": an ad label, a colon, then the pitch; no
    article sentence opens by labelling itself as paid content."""
    label, colon, rest = text.partition(":")
    return (
        bool(colon and rest.strip())
        and _bare(label) in lexicon.AD_LABELS
        and len(words(text)) <= MAX_AD_LINE_WORDS
    )


# A score or clock in a ticker's cell: "1-0", "(62')", "19:45".
_TICKER_FIGURE_RE = re.compile(r"\d+\s*[-–]\s*\d+|\d+['’]|\b\d{1,2}[:.]\d{2}\b")


def _is_ticker(text: str) -> bool:
    """A live-score or results ticker: cells set apart by bars, each holding a score or a clock time."""
    cells = _ROW_SEPARATOR.split(text)
    return len(cells) > 1 and all(_TICKER_FIGURE_RE.search(c) for c in cells)


# A paywall meter is a sentence or two; a longer paragraph mentioning free articles is prose.
MAX_METER_WORDS = 30


def _is_paywall_meter(text: str) -> bool:
    """ "You have read 3 of your 4 free articles this month. Subscribe …": the meter speaks to the reader
    about their allowance, which no report about paywalls does."""
    ws = words(text)
    return (
        len(ws) <= MAX_METER_WORDS
        and contains_cue(text, lexicon.PAYWALL_CUES)
        and any(w.lower().replace("’", "'") in lexicon.READER_WORDS for w in ws)
    )


# A form's small print is a sentence or two.
MAX_SMALL_PRINT_WORDS = 40
_REPORTED_RE = re.compile(r"[“”\"]|\b(?:said|says|told)\b", re.I)


def _is_form_small_print(text: str) -> bool:
    """A sign-up form's data-use note ("We use your sign-up to … See our Privacy Notice."): it points to the
    outlet's privacy notice and speaks to the reader or about the newsletter; a report on some company's
    privacy policy does neither."""
    ws = words(text)
    return (
        len(ws) <= MAX_SMALL_PRINT_WORDS
        and lexicon.PRIVACY_POLICY_RE.search(text) is not None
        # Small print is the outlet's own voice; a quoted or reported line is someone's speech.
        and _REPORTED_RE.search(text) is None
        and (
            any(w.lower().replace("’", "'") in lexicon.READER_WORDS | {"our"} for w in ws)
            or lexicon.SIGN_UP_RE.search(text) is not None
        )
    )


# Menus print section names side by side; copied, they become one line of short cells, set apart by wide
# gaps, bars or middle dots.
_MENU_SEPARATOR = re.compile(r"\s{2,}|\s+[|·•]\s+")
MIN_MENU_CELLS = 4
MAX_MENU_CELL_WORDS = 3


def is_menu_row(text: str) -> bool:
    """A site or section menu: several short cells set apart by wide gaps or bars."""
    cells = [c for c in _MENU_SEPARATOR.split(text.strip()) if c]
    return len(cells) >= MIN_MENU_CELLS and all(
        len(c.split()) <= MAX_MENU_CELL_WORDS and not c.endswith((".", ",")) for c in cells
    )


# The choice a consent banner asks for; its other buttons ("More options", "Learn more") only lead on.
_CONSENT_DECISIONS = frozenset(["accept", "reject", "agree", "decline"])
# Bracketed buttons at the end of a line: "… on your device. [Agree] [More options]".
_BRACKET_BUTTONS_RE = re.compile(r"(?:\s*\[[^\[\]]{1,30}\])+\s*$")
MAX_BUTTON_WORDS = 3


def _is_cookie_banner(text: str) -> bool:
    ws = {w.lower() for w in words(text)}
    if ws and ws <= lexicon.CONSENT_BUTTON_WORDS and ws & _CONSENT_DECISIONS:
        return True  # the banner's button row
    if _ends_on_consent_buttons(text):
        return True
    low = text.lower()
    return bool(ws & set(lexicon.COOKIE_WORDS)) and any(
        re.search(rf"\b{c}\b", low) for c in lexicon.CONSENT_CUES
    )


def _ends_on_consent_buttons(text: str) -> bool:
    """A consent notice copied as one line ends on its own buttons, one of them the consent decision
    ("… [Agree] [More options]", "… improve it. OK | Decline | Learn more"), whatever it calls the data it
    asks about; no sentence of prose ends on a row of buttons."""
    m = _BRACKET_BUTTONS_RE.search(text)
    if m is not None and m.start() > 0:
        buttons = re.findall(r"\[([^\[\]]+)\]", m.group())
    else:
        cells = _ROW_SEPARATOR.split(text)
        buttons = cells[1:] if len(cells) > 2 else []
        if any(len(b.split()) > MAX_BUTTON_WORDS for b in buttons):
            return False
    return any(w.lower() in _CONSENT_DECISIONS for b in buttons for w in words(b))


# An audio player's label over the story: "Listen to this story · 4 min", "Listen to article 00:00 / 05:12".
_AUDIO_CONTROL_RE = re.compile(
    r"^(?:listen|play|hear)(?:\s+to)?(?:\s+(?:this|the))?(?:\s+(?:article|story|audio|episode|report))?"
    r"(?:\s*[·•|(–—-]?\s*\d[\d:./ ]*\s*(?:min(?:ute)?s?|secs?|seconds)?\)?)?$",
    re.I,
)


def _is_control_with_meta(text: str) -> bool:
    """A control label followed by its figure ("Listen to this article · 6 min")."""
    cells = _ROW_SEPARATOR.split(text)
    return (
        len(cells) > 1
        and _bare(cells[0]) in lexicon.NAVIGATION_LINES
        and all(is_time_text(c) or re.fullmatch(r"\d[\d,.:]*\s*\w{0,8}", c.strip()) for c in cells[1:])
    )


_ROW_SEPARATOR = re.compile(r"\s+[|·•]\s+")
# Cells of a status row ("LIVE | Updated 5 min ago") are a word or a timestamp.
MAX_STATUS_CELL_WORDS = 3


def _is_meta_row(text: str) -> bool:
    """A row of short cells one of which is a timestamp: a status or dateline bar, not prose."""
    cells = _ROW_SEPARATOR.split(text)
    return (
        len(cells) > 1
        and any(is_time_text(c) for c in cells)
        and all(is_time_text(c) or len(c.split()) <= MAX_STATUS_CELL_WORDS for c in cells)
    )


_RUN_NOTICE_RE = re.compile(
    r"^(?:published|posted|appeared)\s+(?:by|in|on)\s+\S.*\b(?:from|on|until)\b", re.I
)
# A life span under an obituary's name line: "1938 – 2024", "March 2, 1938 - Aug. 14, 2024".
_LIFE_SPAN_RE = re.compile(
    r"^(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+)?\d{4}\s*[–—-]\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+)?\d{4}$"
)


_DATELINE_CELLS = re.compile(
    r"\s+[|·•]\s+|\s+(?=(?:updated|published|posted|last\s+(?:updated|modified))\b)", re.I
)


def is_head_furniture(text: str) -> bool:
    """Furniture found only around the headline: bylines, datelines, reading time, cut-off fragments."""
    if is_furniture(text):
        return True
    if not ends_sentence(text) and any(p.match(text) for p in lexicon.BYLINE_PATTERNS):
        return True
    # "Published … | Updated …": a dateline bar whose every cell is a dateline; "3 May 2025 10:12 Updated 2
    # hours ago": a publication time and the update label after it, with no bar between them.
    cells = _DATELINE_CELLS.split(text)
    if len(cells) > 1 and all(
        is_time_text(c) or any(p.match(c) for p in lexicon.BYLINE_PATTERNS) for c in cells
    ):
        return True
    label, colon, _ = text.partition(":")
    if colon and label.strip().lower() in lexicon.CONTACT_LABELS:
        return True
    # "Published by The Gazette from Aug. 17 to Aug. 19, 2024.": how long a paid notice runs.
    if _RUN_NOTICE_RE.match(text) and len(words(text)) <= MAX_FURNITURE_WORDS + 10:
        return True
    return len(words(text)) <= MAX_FURNITURE_WORDS and ends_on_function_word(text)


_TRAILING_COPYRIGHT_RE = re.compile(r"(?:©|\(c\))\s*\d{4}(?:\s*[–-]\s*\d{4})?\.?$", re.I)


def is_article_end(text: str) -> bool:
    """Headings after which only tag lists, recirculation, credits and the comment form follow."""
    bare = _bare(text)
    if bare.startswith(("©", "(c) ", "copyright ")) or "all rights reserved" in bare:
        return True
    # "… is published by X Ltd. © 2025": a line closing on the sign and a year is the publisher's footer; a
    # picture's credit names its holder after the sign ("© 2025 Jane Roe").
    if _TRAILING_COPYRIGHT_RE.search(text):
        return True
    # Press releases close with "###" or "-30-".
    if re.fullmatch(r"#{3,}|-\s*30\s*-", text.strip()):
        return True
    if bare.startswith(("(reporting by", "reporting by")) and len(bare.split()) <= 25:
        return True
    if ends_sentence(text.rstrip(":")) and not text.rstrip().endswith(":"):
        return False
    if lexicon.MORE_SECTION_RE.match(text):
        return True
    if len(bare.split()) > 6 and ":" not in text:
        return False
    return any(bare == cue or bare.startswith(cue + ":") or bare.startswith(cue + " ") for cue in _END_CUES)


_END_CUES = tuple(c.lower() for c in lexicon.ARTICLE_END_LINES)


def is_related_link(text: str) -> bool:
    return bool(_RELATED_RE.match(text)) and len(words(text)) <= 25


def _is_related_label(text: str) -> bool:
    """A bare 'Related' / 'Read more' label whose link text is on the next line."""
    return _bare(text) in lexicon.RELATED_PREFIXES


def _is_headline_like(text: str) -> bool:
    return not ends_sentence(text) and len(words(text)) <= MAX_HEADLINE_WORDS


def _is_link_text(text: str) -> bool:
    """A linked headline under a "Related" / "Read more:" label. A bulleted item there is a link whatever
    its last mark: a teaser headline may ask a question or end on a quoted phrase."""
    if bullet_item(text) is not None:
        return len(words(text)) <= MAX_HEADLINE_WORDS
    return _is_headline_like(text)


def _is_label_row(text: str) -> bool:
    """Labels printed side by side (a badge and its section, a live blog's status and its time), copied as
    short cells between bars; a headline is one run of words."""
    cells = _ROW_SEPARATOR.split(text)
    return len(cells) > 1 and all(len(c.split()) <= MAX_MENU_CELL_WORDS for c in cells)


def _is_title_candidate(text: str) -> bool:
    n = len(text.split())
    if n < 2 or n > MAX_TITLE_WORDS or is_head_furniture(text) or is_article_end(text):
        return False
    if _is_label_row(text):
        return False
    # A headline may ask or exclaim, but never ends with a full stop, colon or semicolon; a line ending
    # with a comma is the first line of a hard-wrapped paragraph.
    core = text.rstrip("\"'”’)] ")
    if core[-1:] in ".:;," and not core.endswith("..."):
        return False
    return parse_credit_line(text) is None and parse_caption_line(text) is None


def _runs_on(lines: list[Line], line: Line) -> bool:
    """The line is the start of a hard-wrapped sentence: the next line carries on in lower case."""
    after = lines[line.index + 1] if line.index + 1 < len(lines) else None
    if after is None or after.blank or author_line(after.text) is not None:
        return False
    return after.text[:1].islower()


def _is_lead_paragraph(text: str) -> bool:
    return ends_sentence(text) and len(words(text)) >= MIN_LEAD_WORDS and parse_credit_line(text) is None


def find_title(lines: list[Line]) -> int:
    """Index of the headline line.

    Candidates are headline-shaped lines before the first body sentence. The headline is the first candidate
    the page repeats later as image alt text (a strong, outlet-independent cue); failing that, the first
    candidate of headline length, so that a short kicker above it is passed over.
    """
    candidates: list[Line] = []
    column = 0  # consecutive menu-cell lines: a menu copied as a column, one section name a line
    for line in lines:
        if line.blank:
            column = 0
            continue
        column = column + 1 if _is_menu_cell(line.text) else 0
        if column >= MIN_MENU_COLUMN and any(len(c.text.split()) >= MIN_TITLE_WORDS for c in candidates):
            # What stands above the site's menu is its header (name, tagline), not the story's.
            candidates = []
        if _above_consent_buttons(lines, line.index):
            continue  # the consent notice, whose button row (next line) closes the site's header
        if (
            _is_lead_paragraph(line.text)
            and candidates
            and not is_furniture(line.text)
            and not _ALERT_BAR_RE.match(line.text)
        ):
            break
        if _BREADCRUMB_RE.match(line.text) and _headline_follows(lines, line.index):
            # The section's breadcrumb trail sits right over the story's headline: what stands above it
            # (promos, alert bars, the site's tagline) is the site's header.
            candidates = []
        if _is_title_candidate(line.text) and not _runs_on(lines, line):
            candidates.append(line)
        elif (_is_site_navigation(line.text) or _is_cookie_banner(line.text)) and any(
            len(c.text.split()) >= MIN_TITLE_WORDS for c in candidates
        ):
            # Site name, tagline, menu and cookie banner come before the page's own content: what stands
            # above the last of them is the site's header, not the story's.
            candidates = []
    if not candidates:
        raise NoArticle("no headline: no short unpunctuated line outside page furniture before the body")
    # A masthead ("Site Name — what the site is about") and the browser's page title ("Headline | Site")
    # are headline-shaped lines above the headline; they give way to it when it follows.
    texts = {_bare(c.text) for c in candidates}
    footer = [_bare(ln.text) for ln in lines if _is_copyright_line(ln.text)]
    proper = [
        c
        for c in candidates
        if not (
            _is_masthead(c.text)
            or _is_page_title(c.text, texts)
            or _above_menu(lines, c.index)
            or _named_in_footer(c.text, footer)
        )
    ]
    candidates = proper or candidates
    for cand in candidates:
        # A death notice heads the page with the person's name over their life span.
        nxt = next((ln for ln in lines[cand.index + 1 :] if not ln.blank), None)
        if nxt is not None and _LIFE_SPAN_RE.match(nxt.text):
            return cand.index
    long_enough = [c for c in candidates if len(c.text.split()) >= MIN_TITLE_WORDS]
    for cand in long_enough:
        # A credit line naming the outlet can resemble a short site-name line; only prose lines count.
        later = (
            ln
            for ln in lines[cand.index + 1 : cand.index + 60]
            if not ln.blank and parse_credit_line(ln.text) is None
        )
        if any(is_alt_text(ln.text, cand.text) for ln in later):
            return cand.index
    return (long_enough or candidates)[0].index


# "ALERT: Road closed on the bypass. Tap for details.": a site's alert bar or ticker opens on a label in
# capitals; a story's lead never does, so the headline is still to come under it.
_ALERT_BAR_RE = re.compile(r"^[A-Z][A-Z ]{2,20}:\s+\S")


def _headline_follows(lines: list[Line], index: int) -> bool:
    """Whether the next line after ``index`` is a headline-length title candidate."""
    nxt = next((ln for ln in lines[index + 1 :] if not ln.blank), None)
    return (
        nxt is not None
        and len(nxt.text.split()) >= MIN_TITLE_WORDS
        and _is_title_candidate(nxt.text)
        and not _runs_on(lines, nxt)
    )


def _above_consent_buttons(lines: list[Line], index: int) -> bool:
    """A sentence directly over a consent banner's button row ("Accept all   Manage options") is the
    banner's notice, whatever words it uses for cookies and partners."""
    nxt = lines[index + 1] if index + 1 < len(lines) else None
    return nxt is not None and not nxt.blank and _is_cookie_banner(nxt.text)


# A headline some outlets (and plain-text article collections) end with a full stop is one short sentence.
MAX_SENTENCE_HEADLINE_WORDS = 20
# Without a headline to vouch for it, a page is an article only when it holds a few sentences of prose that
# start as sentences do; a lone fragment or a line of page chrome is not a story.
MIN_UNTITLED_PROSE_WORDS = 30
_PROSE_START_RE = re.compile(r"^[\"'“‘(]?[A-Z0-9]")
_SENTENCE_BREAK_RE = re.compile(r"[.!?][\"'”’)]*\s+[\"'“‘(]*[A-Z]")


def find_headline(lines: list[Line]) -> int | None:
    """Index of the headline line, or None for a page that is body prose with no headline.

    ``find_title`` first. A page it finds no headline-shaped line in is still an article when it holds body
    prose: a plain article text (a collection's copy, a press release) often has no headline, or writes it
    as a sentence. Its first line is that headline when it is one short sentence standing alone above the
    prose; otherwise the page has no headline and all of it is body. Losing a real article because its
    headline ends in a full stop would cost more than a headline taken from a short opening paragraph.
    Raises ``NoArticle`` when the page has no body prose at all.
    """
    try:
        return find_title(lines)
    except NoArticle:
        pass
    texts = [ln for ln in lines if not ln.blank and not is_furniture(ln.text)]
    # Blocks, not lines: a hard-wrapped paragraph ends its sentence only on its last line.
    paragraphs = [" ".join(ln.text for ln in block) for block in group_blocks(lines)]
    prose = [
        p for p in paragraphs if _is_lead_paragraph(p) and _PROSE_START_RE.match(p) and not is_furniture(p)
    ]
    if sum(len(p.split()) for p in prose) < MIN_UNTITLED_PROSE_WORDS:
        raise NoArticle("no headline and too little body prose to be an article")
    first = texts[0]
    alone = (first.index + 1 >= len(lines) or lines[first.index + 1].blank) and (
        first.index == 0 or lines[first.index - 1].blank
    )
    n = len(first.text.split())
    if (
        alone
        and MIN_TITLE_WORDS <= n <= MAX_SENTENCE_HEADLINE_WORDS
        and _SENTENCE_BREAK_RE.search(first.text) is None
        and any(_is_lead_paragraph(ln.text) for ln in texts[1:])
    ):
        return first.index
    return None


# A menu copied as a column is longer than a list of share buttons or a pair of section labels.
MIN_MENU_COLUMN = 5


def _is_menu_cell(text: str) -> bool:
    """One section name of a menu on a line of its own ("Sport", "What's On")."""
    ws = text.split()
    return (
        0 < len(ws) <= MAX_MENU_CELL_WORDS
        and not any(ch.isdigit() for ch in text)
        and not text.rstrip().endswith((".", ",", ":", "!", "?"))
        and not any(w.lower() in lexicon.SHARE_WORDS for w in words(text))
    )


def _is_site_navigation(text: str) -> bool:
    """A menu or breadcrumb of the site; a share bar below the headline is a row of cells too, but names
    networks and actions."""
    if contains_cue(text, lexicon.BOX_CUES) or any(w.lower() in lexicon.SHARE_WORDS for w in words(text)):
        return False
    # A breadcrumb may also sit under the headline; a menu row of plain words only heads the page.
    return is_menu_row(text) and not any(ch.isdigit() for ch in text)


# "Site Name — club news and river reports": a capitalised name, a dash or bar, a lower-case tagline.
_MASTHEAD_RE = re.compile(r"^(?P<name>[^\s|—–-][^|—–]*?)\s+[|—–-]\s+(?P<tag>[a-z][^|—–]*)$")
# A masthead's name is a few capitalised words; its tagline a phrase of several lower-case words.
MAX_MASTHEAD_NAME_WORDS = 4
MIN_TAGLINE_WORDS = 3
# The separators browsers and CMSs put between a headline and the site name in a page's title.
_PAGE_TITLE_SEP = re.compile(r"\s+[|—–-]\s+")


def _is_masthead(text: str) -> bool:
    m = _MASTHEAD_RE.match(text)
    if not m:
        return False
    name, tag = m.group("name").split(), m.group("tag").split()
    return (
        len(name) <= MAX_MASTHEAD_NAME_WORDS
        and all(w[:1].isupper() for w in name)
        and len(tag) >= MIN_TAGLINE_WORDS
        and all(not w[:1].isupper() for w in tag)
    )


def _is_copyright_line(text: str) -> bool:
    low = text.lower()
    return "©" in text or "copyright" in low or "all rights reserved" in low or low.startswith("(c) ")


# A site's name is a few words; a headline found inside a footer line would be a coincidence.
MAX_SITE_NAME_WORDS = 6


def _named_in_footer(text: str, footer: list[str]) -> bool:
    """The site's name, printed over the page, is the owner the copyright line names at its foot."""
    name = _bare(text)
    if not name or len(name.split()) > MAX_SITE_NAME_WORDS:
        return False
    return any(re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", line) for line in footer)


def _above_menu(lines: list[Line], index: int) -> bool:
    """The site name sits directly above the section menu; a headline never does."""
    nxt = next((ln for ln in lines[index + 1 :] if not ln.blank), None)
    return nxt is not None and bool(_BREADCRUMB_RE.match(nxt.text))


def _is_page_title(text: str, candidates: set[str]) -> bool:
    """ "Headline | Site Name" when the page also prints the headline alone."""
    parts = _PAGE_TITLE_SEP.split(text)
    return len(parts) > 1 and any(_bare(" - ".join(parts[:k])) in candidates for k in range(1, len(parts)))


def first_body_line(lines: list[Line], title_index: int) -> int:
    """Index of the first line that reads as body prose after the headline (len(lines) if none)."""
    for line in lines[title_index + 1 :]:
        if not line.blank and _is_lead_paragraph(line.text) and not is_furniture(line.text):
            return line.index
    return len(lines)


@dataclass(frozen=True, slots=True)
class _Unit:
    """One item of the article region in page order: a text paragraph or a marker left by furniture."""

    kind: str  # "text", "image", "byline", "related" (a link line) or "related_label" (link text follows)
    text: str = ""  # for "byline": the author line, "" for a date or reading-time line
    image: Image | None = None
    list_start: bool = False  # the first item of a bulleted list
    in_list: bool = False  # a paragraph of a block that starts with a list item (an item is no heading)


# "Jane Roe for The Review": a photographer's name and the outlet that commissioned the picture.
_FOR_CREDIT_RE = re.compile(
    r"^[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){1,2}\sfor\s(?:the\s)?"
    r"[A-Z][\w&'’.-]*(?:\s(?:of\s|the\s)?[A-Z][\w&'’.-]*){0,4}$"
)


def _read_block(block: list[Line], title: str, width: int | None) -> tuple[list[_Unit], bool]:
    """Units of one blank-line-separated block; also whether an article-end heading was met in it.

    Alt text and credit lines make the block an image block, in which headline-shaped lines are tag lines or
    leftover alt text rather than prose.
    """
    events: list[_Unit | list[str]] = []
    run: list[str] = []
    is_image = False
    stop = False

    def flush() -> None:
        nonlocal run
        if run:
            events.append(run)
            run = []

    if _is_chart_block([ln.text for ln in block]) or _is_data_table([ln.text for ln in block]):
        return [], False
    if _is_promo_block([ln.text for ln in block]):
        return [], False
    if len(block) == 2 and ends_sentence(block[0].text) and _FOR_CREDIT_RE.match(block[1].text):
        # A caption over "Jane Roe for The Review": the commissioned photographer's credit line.
        return [_Unit("image", image=Image(caption=block[0].text, credit=block[1].text))], False
    if len(block) == 2 and (above := _credit_above_caption(block[0].text, block[1].text)) is not None:
        return [_Unit("image", image=above)], False
    furniture = 0
    after_related_label = False
    # "Words: A" over "Photography: B" credits the contributors of the whole piece, not one picture.
    has_author = any(author_line(ln.text) is not None for ln in block)
    slot_open = False  # the last line was an image placeholder whose credit may follow on its own line
    date_mark: int | None = None  # events before the first date line of the block
    for line in block:
        t = line.text
        if slot_open:
            slot_open = False
            labelled = parse_credit_line(t)
            if (labelled is not None and labelled.caption is None) or _is_credit_only(t):
                image = events[-1].image if isinstance(events[-1], _Unit) else None
                caption = image.caption if image else None
                credit = labelled.credit if labelled is not None and labelled.caption is None else t
                events[-1] = _Unit("image", image=Image(caption=caption, credit=credit))
                continue
        if after_related_label and _is_link_text(t) and not is_related_link(t):
            # A "Related" label heads a list of link texts, one per line.
            continue
        after_related_label = False
        if (
            len(block) == 2
            and run
            and (credit := parse_copyright_credit(t)) is not None
            and _is_caption_shaped(run[-1])
        ):
            # "© Jane Roe" under a caption, the two lines a block of their own, is the picture's credit; a
            # site's copyright footer gives a year or a company and sits among the footer's other lines.
            is_image = True
            img = Image(caption=run.pop(), credit=credit)
            flush()
            events.append(_Unit("image", image=img))
            continue
        if is_article_end(t):
            # Wire copy's closing credits ("(Reporting by …; Editing by …)") end the article and name its
            # writers.
            if (credit := author_line(t)) is not None:
                flush()
                events.append(_Unit("byline", credit))
            stop = True
            break
        # An author line with a date and reading time ("By A | 3 May 2024 | 6 min read") has the shape of
        # a breadcrumb trail, so it is recognised before the furniture.
        credit = author_line(t)
        if is_related_link(t) or _is_related_label(t):
            flush()
            events.append(_Unit("related" if is_related_link(t) else "related_label", t))
            after_related_label = _is_related_label(t)
        elif credit is not None:
            flush()
            events.append(_Unit("byline", credit))
        elif has_author and _CONTRIBUTOR_PICTURES_RE.match(t):
            flush()
            events.append(_Unit("byline", t))
        elif (caption := parse_caption_line(t)) is not None:
            is_image = True
            flush()
            last = events[-1] if events else None
            if isinstance(last, _Unit) and last.image is not None and last.image.caption is None:
                # "Image source, …" over "Image caption, …": one picture.
                events[-1] = _Unit("image", image=Image(caption=caption, credit=last.image.credit))
            else:
                events.append(_Unit("image", image=Image(caption=caption, credit=None)))
                slot_open = True
        elif is_furniture(t):
            furniture += 1
            if is_time_text(t) and date_mark is None:
                flush()
                date_mark = len(events)
            continue
        elif not ends_sentence(t) and any(p.match(t) for p in lexicon.BYLINE_PATTERNS):
            flush()
            events.append(_Unit("byline"))
        elif is_alt_text(t, title):
            is_image = True
            flush()
            events.append(_Unit("image"))
        elif (img := parse_credit_line(t)) is not None:
            is_image = True
            if img.caption is None and run and len(words(run[-1])) <= MAX_CAPTION_WORDS:
                # A caption set on its own line directly above its credit.
                img = Image(caption=run.pop(), credit=img.credit)
            flush()
            events.append(_Unit("image", image=img))
        else:
            run.append(t)
    flush()
    texts_left = [t for ev in events if isinstance(ev, list) for t in ev]
    # A promo box is mostly labels and buttons (sign-up, email field, subscribe); its remaining short
    # unpunctuated lines are the box's own tagline. Fact boxes are runs of "Label: value" lines.
    # The article's head (dek, byline, date, share row) has the same shape, but a promo box names no writer
    # and carries no date line.
    is_head = date_mark is not None or any(isinstance(ev, _Unit) and ev.kind == "byline" for ev in events)
    is_box = furniture >= 2 and texts_left and all(_is_headline_like(t) for t in texts_left) and not is_head
    if is_box or _is_fact_box([ln.text for ln in block]):
        # "Words: A" over "Photography: B" has a fact box's shape but names the piece's own contributors; a
        # work's credits box ("Writer: A", "Director: B", "Running time: …") names other people.
        kinds = ("image", "byline") if _is_contributor_box(block) else ("image",)
        return [u for u in events if isinstance(u, _Unit) and u.kind in kinds], stop
    units: list[_Unit] = []
    # A head block run straight into the lead photo: what stands above the byline or date is the dek, not
    # leftover alt text.
    byline_at = next(
        (j for j, ev in enumerate(events) if isinstance(ev, _Unit) and ev.kind == "byline"), None
    )
    head_end = min((m for m in (byline_at, date_mark) if m is not None), default=0)
    for j, ev in enumerate(events):
        if isinstance(ev, _Unit):
            units.append(ev)
            continue
        texts = [t for t in ev if not (is_image and j >= head_end and _is_headline_like(t))]
        paras = split_paragraphs(texts, width) if texts else []
        starts_list = bool(texts) and bullet_item(texts[0]) is not None
        units.extend(
            _Unit("text", p, list_start=starts_list and j == 0, in_list=starts_list)
            for j, p in enumerate(paras)
        )
    return units, stop


def _credit_above_caption(top: str, under: str) -> Image | None:
    """ "[Photo by Jane Roe]" over "The new hall, with its glass roof": some templates print the credit
    above the caption, the two lines a block of their own. Only an unpunctuated line is taken: under a
    credit it would otherwise be dropped as leftover alt text, while a sentence there may be the lead."""
    credit = parse_credit_line(top)
    if credit is None or credit.caption is not None or ends_sentence(under) or is_furniture(under):
        return None
    if parse_credit_line(under) is not None or parse_caption_line(under) is not None:
        return None
    return Image(caption=under, credit=credit.credit) if _is_caption_shaped(under) else None


def _is_caption_shaped(text: str) -> bool:
    """A caption is a sentence or a phrase of a few words; a site name over its footer is shorter."""
    n = len(words(text))
    return n <= MAX_CAPTION_WORDS and (ends_sentence(text) or n >= MIN_TITLE_WORDS)


# A promo box is a few short lines; a page that keeps no blank lines makes the whole article one block.
MAX_BOX_LINES = 6
MAX_BOX_LINE_WORDS = 30


def _is_promo_block(texts: list[str]) -> bool:
    """A small box set between paragraphs: opened and closed by furniture lines (a newsletter's "Sign up to
    …" over its pitch, closed by a form label), or headed by an ad label ("Sponsored") over the ad's text."""
    if len(texts) > MAX_BOX_LINES or any(len(words(t)) > MAX_BOX_LINE_WORDS for t in texts):
        return False
    if len(texts) >= 2 and _bare(texts[0]) in lexicon.AD_LABELS:
        return True
    return len(texts) >= 3 and is_furniture(texts[0]) and is_furniture(texts[-1])


_CONTRIBUTOR_PICTURES_RE = re.compile(
    r"^(?:" + "|".join(lexicon.CONTRIBUTOR_PICTURE_LABELS) + r")\s*(?::|\bby\b)\s*[A-Z]", re.I
)


def _is_contributor_box(block: list[Line]) -> bool:
    """Every labelled line of the block credits the piece's writers or photographers."""
    facts = [ln.text for ln in block if _is_fact_line(ln.text)]
    return bool(facts) and all(author_line(t) is not None or _CONTRIBUTOR_PICTURES_RE.match(t) for t in facts)


# A credit printed alone under an image's placeholder is a name: a few capitalised words.
MAX_CREDIT_ONLY_WORDS = 6


def _is_credit_only(text: str) -> bool:
    """A line that is only a photographer's or source's name ("Jane Roe", "Parish Archive")."""
    ws = text.split()
    return (
        0 < len(ws) <= MAX_CREDIT_ONLY_WORDS
        and not ends_sentence(text)
        and ws[0][:1].isupper()
        and all(w[:1].isupper() or w.lower() in lexicon.FUNCTION_WORDS or w == "&" for w in ws)
        and not is_furniture(text)
    )


def _is_fact_line(text: str) -> bool:
    m = _FACT_RE.match(text)
    return bool(m) and not ends_sentence(text) and len(m.group("value").split()) <= MAX_FACT_VALUE_WORDS


def _is_fact_box(texts: list[str]) -> bool:
    """Info boxes (credits of a film, a match's line-ups) are runs of "Label: value" lines without
    sentence punctuation; interview turns ("Q: …?", "NAME: ….") are punctuated prose and never match."""
    facts = sum(1 for t in texts if _is_fact_line(t))
    return facts >= 2 and all(_is_fact_line(t) or _is_headline_like(t) for t in texts)


# Some templates print the author line just above the headline, under the section label.
MAX_LINES_ABOVE_TITLE = 3


def _bylines_above(lines: list[Line], title_index: int) -> list[str]:
    """Author lines among the few lines right above the headline ("By A and B | 3 May 2025")."""
    above = [ln.text for ln in lines[:title_index] if not ln.blank][-MAX_LINES_ABOVE_TITLE:]
    return [c for t in above if (c := author_line(t)) is not None]


def parse_article(lines: list[Line], title_index: int | None, end: int) -> Article:
    """Headline, dek, body and images of the article between the headline and ``end`` (exclusive).

    ``title_index`` None: the page has no headline (``find_headline``), so no dek either; all of it up to
    ``end`` is read as the body.
    """
    title = lines[title_index].text if title_index is not None else None
    art = Article(title=title, bylines=_bylines_above(lines, title_index) if title_index is not None else [])
    units: list[_Unit] = []
    region = lines[title_index + 1 if title_index is not None else 0 : end]
    width = wrap_width(region)
    for raw in group_blocks(region):
        block_units, stop = _read_block(raw, title or "", width)
        units.extend(block_units)
        if stop:
            break

    in_body = title is None  # a dek is the line under a headline; a page without one has no dek
    in_summary = False  # under a key-points label above the lead
    images_seen = False
    drop_next_teaser = False
    links_above = False  # related links stand between the last paragraph appended and this unit
    last_appended = -1  # index in units of the last paragraph appended
    for k, unit in enumerate(units):
        if unit.kind == "image":
            # A credit-only lead photo (its alt text the headline again) may stand between headline and dek.
            images_seen = images_seen or (unit.image is not None and unit.image.caption is not None)
            if unit.image is not None:
                art.images.append(unit.image)
            continue
        if unit.kind == "byline":
            if unit.text and unit.text not in art.bylines:
                art.bylines.append(unit.text)
            continue
        if unit.kind in ("related", "related_label"):
            # The teaser headline printed just above a related link belongs to the linked story.
            if last_appended == k - 1 and art.paragraphs and _is_headline_like(art.paragraphs[-1]):
                art.paragraphs.pop()
            drop_next_teaser = unit.kind == "related_label"
            links_above = True
            continue
        para = unit.text
        if drop_next_teaser:
            drop_next_teaser = False
            if _is_headline_like(para):
                continue
        if not in_body:
            if _bare(para) in lexicon.SUMMARY_LABELS:
                in_summary = True
                continue
            if in_summary and (_is_headline_like(para) or unit.in_list or bullet_item(para) is not None):
                continue  # a key point of the summary box
            in_summary = False
            # Between the headline and the lead, a line that is only a name is the byline of templates
            # that print no "By".
            if is_bare_name_line(para):
                if para not in art.bylines:
                    art.bylines.append(para)
                continue
            if is_head_furniture(para) or _is_note(para):
                continue
            if ends_sentence(para) or bullet_item(para) is not None:
                if (
                    art.subtitle is None
                    and not images_seen
                    and len(words(para)) <= MAX_DEK_WORDS
                    and _dek_boundary_follows(units, k)
                    and not _UPDATE_RE.match(para)
                ):
                    art.subtitle = para
                    continue
                in_body = True
            elif (
                art.subtitle is None
                and not images_seen
                and len(words(para)) >= MIN_DEK_WORDS
                and not _is_label_over_dek(units, k)
            ):
                art.subtitle = para
                continue
            else:
                continue
        elif is_furniture(para):
            continue
        if _is_standing_label(para) or _is_appeal(para) or _is_work_credits(para):
            continue
        if (
            unit.list_start
            and last_appended == k - 1
            and art.paragraphs
            and not units[last_appended].in_list
            and _is_list_heading(art.paragraphs[-1])
        ):
            art.paragraphs.pop()
        if (crew := _crew_credits(para)) is not None:
            art.bylines.extend(c for c in crew if c not in art.bylines)
            continue
        if links_above and _has_phone_number(para) and len(words(para)) <= MAX_CONTACT_WORDS:
            # A helpline line set under a list of related links is a box of the page ("… can be contacted
            # on 0800 …"); a police appeal that ends the story's own prose stays.
            continue
        links_above = False
        art.paragraphs.append(para)
        last_appended = k
    art.paragraphs = _drop_pull_quotes(art.paragraphs)
    names = _writer_names(art.bylines)
    while len(art.paragraphs) > 1 and _is_closing_furniture(art.paragraphs[-1], names):
        art.paragraphs.pop()
    art.paragraphs = _without_author_box(art.paragraphs)
    if not art.paragraphs:
        raise NoArticle(
            f"no body paragraph under the headline {title!r}" if title else "no body paragraph on the page"
        )
    return art


# "Update, 7:10 p.m.: …" opens a live story with its newest facts: a body paragraph, never the dek.
_UPDATE_RE = re.compile(r"^(?:update|updated|latest)\b.{0,30}?:\s+\S", re.I)


def _is_label_over_dek(units: list[_Unit], k: int) -> bool:
    """A short unpunctuated line right above a longer one, both before the body: a venue, place or
    series label ("Various venues, until 24 August") over the standfirst, which is the longer line."""
    n = len(words(units[k].text))
    if n >= MIN_LEAD_WORDS:
        return False
    j = next(
        (
            j
            for j in range(k + 1, len(units))
            if units[j].kind != "text" or not is_head_furniture(units[j].text)
        ),
        None,
    )
    if j is None or units[j].kind != "text" or is_bare_name_line(units[j].text):
        return False
    nxt = units[j].text
    # A punctuated standfirst is one only when the byline or the lead image comes right after it.
    dek_shaped = not ends_sentence(nxt) or _dek_boundary_follows(units, j)
    return dek_shaped and n < len(words(nxt)) <= MAX_DEK_WORDS


def _dek_boundary_follows(units: list[_Unit], k: int) -> bool:
    """A punctuated line is a dek, not the lead, when the lead image or the byline comes right after it."""
    for unit in units[k + 1 :]:
        if unit.kind in ("image", "byline"):
            return True
        # The byline of templates that print no "By": the writer's name, perhaps with a role after a comma.
        if unit.kind == "text" and is_bare_name_line(unit.text):
            return True
        if unit.kind == "text" and not is_head_furniture(unit.text):
            return False
    return False


# A closing promo is a sentence or three ("Drive Time is on weekdays from 4pm. Listen again on our app.").
MAX_PROMO_WORDS = 40
MAX_PROMO_SENTENCES = 3
_SENTENCE_RE = re.compile(r"[^.!?]+[.!?]*")
_READER_CALL_RE = re.compile(
    r"^(?:" + "|".join(re.escape(c) for c in sorted(lexicon.READER_CALLS, key=len, reverse=True)) + r")\b",
    re.I,
)


# A list's heading ("What we know", "How to check for ticks") is a label of a few words.
MAX_LIST_HEADING_WORDS = 8


def _is_list_heading(paragraph: str) -> bool:
    """A short unpunctuated label right above a bulleted list; a lead-in sentence ending in ":" is prose,
    but a question-shaped label ("What the figures show:") is a heading with or without its colon."""
    ws = words(paragraph)
    if len(ws) > MAX_LIST_HEADING_WORDS:
        return False
    if not ends_sentence(paragraph):
        return True
    return (
        paragraph.rstrip().endswith(":")
        and "," not in paragraph
        and ws[0].lower() in lexicon.HEADING_QUESTION_WORDS
    )


def _is_appeal(paragraph: str) -> bool:
    """A short funding or membership appeal, which sites drop into or under the story."""
    return len(words(paragraph)) <= MAX_PROMO_WORDS and contains_cue(paragraph, lexicon.APPEAL_CUES)


_CREDIT_LABEL_RE = re.compile(
    r"^(?:" + "|".join(re.escape(c) for c in lexicon.WORK_CREDIT_LABELS) + r")\b", re.I
)
_DURATION_RE = re.compile(
    r"^\d+\s*(?:hrs?|hours?|h)\b(?:\s*\d+\s*(?:min|mins|minutes|m)\b)?|^\d+\s*min", re.I
)
# At least this many of a box's sentences are credit labels or running times.
MIN_CREDIT_SENTENCES = 2


def _is_work_credits(paragraph: str) -> bool:
    """The credits box of a review: title, director, cast, running time and rating as fragments."""
    sentences = [m.group().strip() for m in _SENTENCE_RE.finditer(paragraph) if m.group().strip()]
    credits = sum(1 for x in sentences if _CREDIT_LABEL_RE.match(x) or _DURATION_RE.match(x))
    return credits >= MIN_CREDIT_SENTENCES and credits >= len(sentences) - 1


def _is_promo(paragraph: str) -> bool:
    """A short closing paragraph that speaks to the reader ("Listen again on …", "Sign up for …") is the
    outlet's promo: article prose reports, it does not address the reader with an imperative."""
    sentences = [m.group().strip() for m in _SENTENCE_RE.finditer(paragraph) if m.group().strip()]
    if len(words(paragraph)) > MAX_PROMO_WORDS or len(sentences) > MAX_PROMO_SENTENCES:
        return False
    return any(_READER_CALL_RE.match(sent) for sent in sentences)


_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A phone number: nine or more digits in groups set apart by spaces, dashes, dots or brackets ("0800 555
# 111", "+44 (0)20 7946 0000", "1-800-555-0199"); figures in prose group with commas instead.
_PHONE_RE = re.compile(r"(?<![\w,.])\+?\(?\d{2,5}\)?(?:[ .-]\(?\d{2,5}\)?){2,4}(?![\w,])")
MIN_PHONE_DIGITS = 9


def _has_phone_number(text: str) -> bool:
    return any(sum(ch.isdigit() for ch in m.group()) >= MIN_PHONE_DIGITS for m in _PHONE_RE.finditer(text))


# A contact line or tip box is a sentence or two around an address.
MAX_CONTACT_WORDS = 25
# An author bio is a sentence or three.
MAX_BIO_WORDS = 60
# Verbs that open a bio after the writer's name ("Jane Roe is …", "Jane Roe covers …").
_BIO_VERBS = ("is", "was", "covers", "writes", "reports", "edits", "has", "lives", "works")
_NOTE_RE = re.compile(r"^(?:" + "|".join(re.escape(n) for n in lexicon.NOTE_LABELS) + r")\s*:", re.I)
_CREW_SENTENCE_RE = re.compile(r"^(?P<label>[A-Za-z][\w -]{0,40}?)\s+by\s+(?P<name>[A-Z][^.;]{1,60}?)\.?$")
_CHART_SOURCE_RE = re.compile(r"^(?:" + "|".join(lexicon.CHART_SOURCE_LABELS) + r")\s*:\s*\S", re.I)
# A chart block is its title, maybe a unit line, and the source line.
MAX_CHART_LINES = 4


def _is_chart_block(texts: list[str]) -> bool:
    """A chart's title and "Source:" line are all that a copy keeps of a chart; the chart is furniture."""
    return (
        1 < len(texts) <= MAX_CHART_LINES
        and bool(_CHART_SOURCE_RE.match(texts[-1]))
        and all(not ends_sentence(t) for t in texts[:-1])
    )


# A table copied as text: at least this many rows holding figures, each row a short unpunctuated line.
MIN_TABLE_ROWS = 3
MAX_TABLE_ROW_WORDS = 12


def _is_data_table(texts: list[str]) -> bool:
    """A results or figures box ("Name (Party) 48,906", "Turnout: 41.2%") under an optional heading: a
    block of short lines, none a sentence or a list item, most of them holding a figure. Prose always
    ends its sentences, and a list the article tells as text marks its items."""
    rows = [t for t in texts if any(ch.isdigit() for ch in t)]
    return (
        len(rows) >= MIN_TABLE_ROWS
        and 2 * len(rows) >= len(texts)
        and all(
            not ends_sentence(t) and bullet_item(t) is None and len(words(t)) <= MAX_TABLE_ROW_WORDS
            for t in texts
        )
    )


def _is_note(paragraph: str) -> bool:
    """An "Editor's note:" line above the story speaks about the article, not in it."""
    return bool(_NOTE_RE.match(paragraph))


def _is_standing_label(paragraph: str) -> bool:
    """Disclaimers and thread-closed notices: fixed wording an outlet prints on every such page."""
    short = len(words(paragraph)) <= MAX_CONTACT_WORDS
    if short and (contains_cue(paragraph, lexicon.DISCLAIMER_CUES) or _is_thread_closed(paragraph)):
        return True
    # A newsletter call in the middle of the body ("SIGN UP for our free … newsletter") is a box label.
    return short and _is_promo(paragraph) and contains_cue(paragraph, lexicon.BOX_CUES)


def _is_thread_closed(paragraph: str) -> bool:
    return contains_cue(paragraph, lexicon.THREAD_CLOSED_CUES) or bool(
        lexicon.THREAD_CLOSED_RE.search(paragraph)
    )


def _crew_credits(paragraph: str) -> list[str] | None:
    """ "Styling by A. Hair and make-up by B." as one credit per sentence, or None when it is prose."""
    sentences = [m.group().strip() for m in _SENTENCE_RE.finditer(paragraph) if m.group().strip()]
    credits = []
    for sent in sentences:
        m = _CREW_SENTENCE_RE.match(sent)
        if m is None or not all(
            w in lexicon.PRODUCTION_CREDIT_WORDS for w in m.group("label").lower().split()
        ):
            return None
        credits.append(sent.rstrip("."))
    return credits or None


def _writer_names(bylines: list[str]) -> list[str]:
    """The writers' names as an author line prints them, without "By" and what follows a comma or bar."""
    names = []
    for line in bylines:
        # "Words by A | Photographs by B" credits each contributor in a cell of their own.
        cells = re.split(r"\s*[|·•;]\s*", line)
        credited = [re.split(r"(?i)\bby\s+", c)[-1] for c in cells if re.search(r"(?i)\bby\s", c)]
        for cell in credited or cells[:1]:
            core = re.split(r"\s*[,(]\s*", cell)[0].strip()
            if len(core.split()) >= 2:
                names.append(core)
    return names


def _is_closing_furniture(paragraph: str, writers: list[str]) -> bool:
    """What templates print after the last paragraph: promos, the writer's bio, a contact line, a match
    fact ("Attendance: 18,000")."""
    n = len(words(paragraph))
    if _is_promo(paragraph):
        return True
    if n <= MAX_PROMO_WORDS and paragraph.lower().startswith(lexicon.EDITION_NOTE_CUES):
        return True
    if _EMAIL_RE.search(paragraph) and n <= MAX_CONTACT_WORDS:
        return True
    if n <= MAX_BIO_WORDS and any(
        paragraph.startswith(name) and paragraph[len(name) :].split(" ", 2)[1:2] in [[v] for v in _BIO_VERBS]
        for name in writers
    ):
        return True
    return _is_fact_line(paragraph)


# An author box is the writer's name, maybe a role line, and a bio of a sentence or three.
MAX_AUTHOR_BOX_PARAGRAPHS = 3
MAX_ROLE_WORDS = 8


def _without_author_box(paragraphs: list[str]) -> list[str]:
    """Drop the author box templates print under the story: a line that is only a name, an optional role
    line ("Health reporter, The Lamp"), and a short bio that opens on that name or its first word."""
    for i in range(max(1, len(paragraphs) - MAX_AUTHOR_BOX_PARAGRAPHS), len(paragraphs) - 1):
        if not is_bare_name_line(paragraphs[i]):
            continue
        name = re.split(r"\s*[,|]\s*", paragraphs[i])[0]
        rest = paragraphs[i + 1 :]
        roles, bio = rest[:-1], rest[-1]
        if (
            all(not ends_sentence(r) and len(words(r)) <= MAX_ROLE_WORDS for r in roles)
            and ends_sentence(bio)
            and len(words(bio)) <= MAX_BIO_WORDS
            and (bio.startswith(name + " ") or bio.split(" ", 1)[0] == name.split(" ", 1)[0])
        ):
            return paragraphs[:i]
    return paragraphs


def _quote_key(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.lower()).strip()


# A quotation with its speaker on a dash line under it ("“…” — Jane Roe"), joined by split_paragraphs.
_ATTRIBUTED_QUOTE_RE = re.compile(r"^(?P<quote>[“\"‘'].+[”\"’'])\s+[—–―]\s*[A-Z][^.!?]*$")
# A pull quote set with its speaker's name is a short saying; the name shows it is a quotation set apart,
# so a shorter repeat than MIN_LEAD_WORDS is enough.
MIN_ATTRIBUTED_PULL_QUOTE_WORDS = 3


# A paragraph that is one quotation, mark to mark, and the quoted spans of a paragraph.
_WHOLE_QUOTE_RE = re.compile(r"^[“\"][^“”\"]+[”\"]$")
_QUOTED_SPAN_RE = re.compile(r"[“\"]([^“”\"]+)[”\"]")


def _drop_pull_quotes(paragraphs: list[str]) -> list[str]:
    """Pull quotes repeat a sentence of the body verbatim in large type; the repeat is furniture."""
    keys = [_quote_key(p) for p in paragraphs]
    kept = []
    for i, (para, key) in enumerate(zip(paragraphs, keys, strict=True)):
        least = MIN_LEAD_WORDS
        if (m := _ATTRIBUTED_QUOTE_RE.match(para)) is not None:
            key, least = _quote_key(m.group("quote")), MIN_ATTRIBUTED_PULL_QUOTE_WORDS
        repeated = len(key.split()) >= least and any(
            j != i and len(other) > len(key) and key in other for j, other in enumerate(keys)
        )
        if not repeated and _WHOLE_QUOTE_RE.match(para) and len(key.split()) >= least:
            # A pull quote may join the halves of a quotation the body splits around its attribution
            # ("“A,” she says, “B.”"): its words are the other paragraph's quoted words run together.
            repeated = any(
                j != i
                and len(other) > len(para)
                and key in _quote_key(" ".join(_QUOTED_SPAN_RE.findall(other)))
                for j, other in enumerate(paragraphs)
            )
        if not repeated:
            kept.append(para)
    return kept


__all__ = [
    "Article",
    "find_headline",
    "find_title",
    "first_body_line",
    "is_article_end",
    "is_furniture",
    "parse_article",
]
