"""Image blocks: credit lines, the caption sharing a credit's line, and alt text repeating the headline.

A copied image leaves up to three traces: its alt text (often the headline again), a caption, and a credit
naming the photographer and/or agency. Credits have a recognisable shape ('Photo: …', 'Name/Agency', an agency
name at the end of the line); the caption is what stands before the credit on its line.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from aidebate_etl.parse import lexicon
from aidebate_etl.records import Image

# Alt text is the headline re-typed by the CMS, sometimes with words dropped or changed; a plain edit-distance
# ratio of 75 separated every alt line from every tag line and teaser in the pages studied, which score <= 60.
ALT_TEXT_MIN_RATIO = 75
# Alt text is close to the headline in length too; a line half as long is a tag or a name, not a copy.
ALT_TEXT_LENGTH_RANGE = (0.6, 1.6)

# A credit is a byline for a picture: a handful of words. Longer text after a label is prose, not a credit.
MAX_CREDIT_WORDS = 12
# Photographers' names in credits are one to three words; without a sentence boundary before them, the words
# further back are the caption's.
MAX_NAME_TOKENS = 4
UNBOUNDED_NAME_TOKENS = 2

_LABEL_RE = re.compile(
    r"(?:^|(?<=[\s(\[]))(?P<label>(?:"
    + "|".join(re.escape(x) for x in sorted(lexicon.CREDIT_LABELS, key=len, reverse=True))
    # "Photo: Jane Roe", "Photo © Jane Roe", and "Photo / Jane Roe": the label set apart by a spaced slash.
    + r"))(?:\s*[:©]|\s+/(?=\s))\s*(?P<credit>\S.*?)[)\]]?$",
    re.I,
)
# "(© Jane Roe)" after a caption: the copyright sign alone is the credit's label.
_COPYRIGHT_RE = re.compile(r"^©\s*(?P<credit>[A-Z][^©]*)$")
_SOURCE_RE = re.compile(
    r"^(?:" + "|".join(re.escape(x) for x in lexicon.IMAGE_SOURCE_LABELS) + r")\s*[,:]\s*(?P<credit>\S.*)$",
    re.I,
)
_CAPTION_LABEL_RE = re.compile(
    r"^(?:" + "|".join(re.escape(x) for x in lexicon.CAPTION_LABELS) + r")\s*[,:]\s*(?P<caption>\S.*)$",
    re.I,
)
_SLOT_RE = re.compile(
    r"^[\[(]\s*(?:" + "|".join(lexicon.IMAGE_SLOT_LABELS) + r")\s*:\s*(?P<caption>[^\[\]()]+?)\s*[\])]$",
    re.I,
)
# Markers set before a caption ("▲ Floodwater covers …"), a gallery's counter ("2/3 The agent leaves …") and
# the image's placeholder tag or caption label left where the picture was ("[Photo] The quay at dawn.",
# "[Caption] The quay at dawn").
_GALLERY_COUNTER = r"\d{1,3}\s*(?:/|of)\s*\d{1,3}\s+(?=[A-Z\"“‘'])"
_CAPTION_MARKER_RE = re.compile(
    rf"^(?:[▲▼△▽►▶◄◀↑↓⬆⬇]\s*|{_GALLERY_COUNTER}|"
    r"\[\s*(?i:" + "|".join((*lexicon.IMAGE_SLOT_LABELS, *lexicon.CAPTION_LABELS)) + r")\s*\]\s*)"
)
_GALLERY_COUNTER_RE = re.compile(rf"^{_GALLERY_COUNTER}")
# A source named in brackets after a gallery caption ("(Parish archive)") is a few words.
MAX_SOURCE_WORDS = 6
_BY_RE = re.compile(
    r"(?:^|(?<=[\s(\[]))(?P<label>"
    + "|".join(re.escape(x) for x in lexicon.CREDIT_BY_PHRASES)
    + r")\s+(?P<credit>[A-Z].*?)[)\]]?$",
    re.I,
)
# A name/organisation pair: both sides capitalised, the organisation running to the end of the line.
_SLASH_RE = re.compile(r"(?P<left>[A-Z0-9][\w.&'’-]*)\s*/\s*(?P<org>[A-Z][^/]*)$")
_AGENCY_END_RE = re.compile(
    r"(?:^|(?<=\s))(?P<agency>"
    + "|".join(re.escape(x) for x in sorted(lexicon.AGENCY_WORDS, key=len, reverse=True))
    + r")$",
    re.I,
)
# "JANE ROE | THE GAZETTE": photo desks that set credits in capitals give the name, a bar and the outlet.
_CAPS_CREDIT_RE = re.compile(
    r"^(?P<name>[A-Z][A-Z'’.-]+(?:\s[A-Z][A-Z'’.-]+){1,2})\s\|\s(?P<org>[A-Z][A-Z&'’ .-]{1,40})$"
)
# A picture's buttons and link hints trailing its credit line.
_LINK_TAIL_RE = re.compile(
    r"(?:\s+(?:"
    + "|".join(re.escape(x) for x in lexicon.IMAGE_LINK_LABELS)
    + r"))?(?:\s*[,(]?\s*(?:"
    + "|".join(re.escape(x) for x in lexicon.LINK_HINTS)
    + r")\)?)?\s*$",
    re.I,
)
# An image placeholder in brackets that holds its caption and a bracketed credit: "[Image: … (Image: X)]".
_SLOT_WRAP_RE = re.compile(
    r"^\[\s*(?:" + "|".join(lexicon.IMAGE_SLOT_LABELS) + r")\s*:\s*(?P<inner>.+\))\s*\]$", re.I
)
# The image label heading a caption ("PHOTO: The ferry aground …") labels the picture; it is no caption text.
_CAPTION_LABEL_HEAD_RE = re.compile(
    r"^(?:" + "|".join(re.escape(x) for x in lexicon.IMAGE_SLOT_LABELS) + r")\s*:\s+(?=\S)", re.I
)
# A sentence ending inside a line: a lower-case word, its full stop, then a capital.
_SENTENCE_END_RE = re.compile(r"[a-z]{2,}[.!?]\s+[A-Z]")
_PARENTHESISED_RE = re.compile(r"^(?P<caption>.*?)\s*[(\[](?P<inner>[^()\[\]]+)[)\]]$")
_INITIAL = re.compile(r"^[A-Z]\.$")


def is_alt_text(text: str, title: str) -> bool:
    """True when a line repeats the headline closely enough to be the lead image's alt text."""
    if not text or not title:
        return False
    ratio = len(text) / len(title)
    if not ALT_TEXT_LENGTH_RANGE[0] <= ratio <= ALT_TEXT_LENGTH_RANGE[1]:
        return False
    return fuzz.ratio(text.lower(), title.lower()) >= ALT_TEXT_MIN_RATIO


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    text = text.strip(" |·•-–—(")
    return text or None


def _name_start(tokens: list[str], end: int) -> int:
    """Index of the first token of the name that ends at ``tokens[end]`` (inclusive)."""
    start = end
    bounded = False
    while start > 0:
        prev = tokens[start - 1]
        if prev.endswith((".", ":", ";", "!", "?", ",", "|", "—", "–")) and not _INITIAL.match(prev):
            bounded = True
            break
        if not prev[:1].isupper() and not prev[:1].isdigit():
            break
        start -= 1
        if end - start + 1 >= MAX_NAME_TOKENS:
            break
    else:
        bounded = True
    if not bounded and end - start + 1 > UNBOUNDED_NAME_TOKENS:
        start = end - UNBOUNDED_NAME_TOKENS + 1
    return start


def _caption(text: str | None) -> str | None:
    """A caption without the marker or gallery counter set before it."""
    text = _clean(text)
    return _clean(_CAPTION_LABEL_HEAD_RE.sub("", _CAPTION_MARKER_RE.sub("", text))) if text else None


def _split_before(text: str, at: int) -> Image:
    return Image(caption=_caption(text[:at]), credit=_clean(text[at:]))


def parse_copyright_credit(text: str) -> str | None:
    """The name of a "© Jane Roe" credit line, or None. A copyright line giving a year ("© 2025 …") or
    reserving rights is the site's footer, not a picture's credit."""
    m = _COPYRIGHT_RE.match(text.strip())
    if m is None or any(ch.isdigit() for ch in text) or "rights" in text.lower():
        return None
    name = m.group("credit").strip()
    return name if _is_source_name(name) else None


def _is_source_name(text: str) -> bool:
    """A short name of a person or collection: capitalised first word, no sentence punctuation."""
    ws = text.split()
    return 0 < len(ws) <= MAX_SOURCE_WORDS and ws[0][:1].isupper() and text[-1] not in ".!?:;,"


def parse_caption_line(text: str) -> str | None:
    """The caption of a line that is only a caption: "Image caption, …" or an image's placeholder in
    brackets ("[Image: …]"); None for any other line."""
    text = text.strip()
    m = _CAPTION_LABEL_RE.match(text) or _SLOT_RE.match(text)
    # Square brackets mark a placeholder; a line in round brackets is a credit when it reads as one
    # ("(Image: Jane Roe)").
    if m is None or (text.startswith("(") and parse_credit_line(text) is not None):
        return None
    return _caption(m.group("caption"))


def parse_credit_line(text: str) -> Image | None:
    """Caption and credit of a line that carries an image credit, or None when the line has no credit."""
    text = text.strip()
    if not text:
        return None
    bare = _LINK_TAIL_RE.sub("", text)
    if bare and bare != text:
        return parse_credit_line(bare)
    m = _SLOT_WRAP_RE.match(text)
    if m and (inner := parse_credit_line(m.group("inner"))) is not None and inner.caption is not None:
        return inner
    m = _SOURCE_RE.match(text)
    if m and len(m.group("credit").split()) <= MAX_CREDIT_WORDS:
        return Image(caption=None, credit=_clean(m.group("credit")))
    m = _PARENTHESISED_RE.match(text)
    if m:
        # A credit set in brackets after its caption: "Caption (Jane Roe/Agency)", "Caption (© Jane Roe)".
        inner_text = m.group("inner").strip()
        c = _COPYRIGHT_RE.match(inner_text)
        inner = Image(caption=None, credit=c.group("credit")) if c else parse_credit_line(inner_text)
        if inner is None and _GALLERY_COUNTER_RE.match(text) and _is_source_name(inner_text):
            # A gallery counter ("2/3 …") makes the line a caption, so a name in brackets after it is the
            # picture's source even without a credit label ("(Parish archive)").
            inner = Image(caption=None, credit=inner_text)
        if inner is not None and inner.caption is None:
            return Image(caption=_caption(m.group("caption")), credit=_clean(inner.credit))
    m = _CAPS_CREDIT_RE.match(text)
    if m and not any(
        w.lower() in lexicon.FUNCTION_WORDS or w.lower() in lexicon.KICKER_WORDS
        for w in m.group("name").split()
    ):
        return Image(caption=None, credit=text)
    m = _LABEL_RE.search(text)
    if m and m.start() == 0 and _SENTENCE_END_RE.search(m.group("credit")):
        # "PHOTO: The quay at dawn. Jane Roe/Agency": a label heading a caption sentence, the credit after it.
        m = None
    # A credit names someone ("Photo: Jane Roe"); "In pictures: the parade" is a headline, not a credit.
    if m and len(m.group("credit").split()) <= MAX_CREDIT_WORDS and not m.group("credit")[:1].islower():
        return Image(caption=_caption(text[: m.start()]), credit=_clean(m.group("credit")))
    m = _BY_RE.search(text)
    if m and len(m.group("credit").split()) <= MAX_CREDIT_WORDS:
        keep_label = m.group("label").lower().startswith("courtesy")
        credit = text[m.start() :] if keep_label else m.group("credit")
        return Image(caption=_caption(text[: m.start()]), credit=_clean(credit.rstrip(")]")))
    # Prose ends with punctuation; a credit ends on a name, so a finished sentence carries no bare credit.
    if text[-1] in '.!?:;"”':
        return None
    m = _SLASH_RE.search(text)
    if m and len(m.group("org").split()) <= MAX_CREDIT_WORDS:
        head = text[: m.start("left")]
        tokens = [*head.split(), m.group("left")]
        start = _name_start(tokens, len(tokens) - 1)
        at = len(" ".join(tokens[:start])) + (1 if start else 0)
        return _split_before(text, at)
    m = _AGENCY_END_RE.search(text)
    if m:
        tokens = text[: m.start()].split()
        if tokens:
            start = _name_start(tokens, len(tokens) - 1)
            # Only capitalised name tokens join the agency; a caption word before it stays in the caption.
            if not tokens[start][:1].isupper() or tokens[-1].endswith("."):
                start = len(tokens)
        else:
            start = 0
        at = len(" ".join(tokens[:start])) + (1 if start else 0)
        return _split_before(text, at)
    return None
