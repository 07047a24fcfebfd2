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
)
from aidebate_etl.parse.captions import is_alt_text, parse_credit_line
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
# Teaser headlines and tag lines inside image blocks are headline-sized.
MAX_HEADLINE_WORDS = 20

_COUNTER_RE = re.compile(r"^(?:image|photo|slide)?\s*\d+\s*(?:/|of)\s*\d+$", re.I)
_RELATED_RE = re.compile(
    r"^(?:"
    + "|".join(re.escape(p) for p in sorted(lexicon.RELATED_PREFIXES, key=len, reverse=True))
    + r")\s*[:：|»›>–—-]\s*\S",
    re.I,
)


@dataclass(slots=True)
class Article:
    title: str
    subtitle: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)


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
        contains_cue(text, lexicon.SIGN_IN_CUES) or contains_cue(text, lexicon.BOX_CUES)
    ):
        return True
    return bool(_COUNTER_RE.match(text) or is_time_text(text))


def is_head_furniture(text: str) -> bool:
    """Furniture found only around the headline: bylines, datelines, reading time, cut-off fragments."""
    if is_furniture(text):
        return True
    if not ends_sentence(text) and any(p.match(text) for p in lexicon.BYLINE_PATTERNS):
        return True
    return len(words(text)) <= MAX_FURNITURE_WORDS and ends_on_function_word(text)


def is_article_end(text: str) -> bool:
    """Headings after which only tag lists, recirculation and the comment form follow."""
    if ends_sentence(text.rstrip(":")) and not text.rstrip().endswith(":"):
        return False
    bare = _bare(text)
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


def _is_title_candidate(text: str) -> bool:
    n = len(words(text))
    if n < 2 or n > MAX_TITLE_WORDS or is_head_furniture(text) or is_article_end(text):
        return False
    # A headline may ask or exclaim, but never ends with a full stop, colon or semicolon.
    core = text.rstrip("\"'”’)] ")
    if core[-1:] in ".:;" and not core.endswith("..."):
        return False
    return parse_credit_line(text) is None


def _is_lead_paragraph(text: str) -> bool:
    return ends_sentence(text) and len(words(text)) >= MIN_LEAD_WORDS and parse_credit_line(text) is None


def find_title(lines: list[Line]) -> int:
    """Index of the headline line.

    Candidates are headline-shaped lines before the first body sentence. The headline is the first candidate
    the page repeats later as image alt text (a strong, outlet-independent cue); failing that, the first
    candidate of headline length, so that a short kicker above it is passed over.
    """
    candidates: list[Line] = []
    for line in lines:
        if line.blank:
            continue
        if _is_lead_paragraph(line.text) and candidates:
            break
        if _is_title_candidate(line.text):
            candidates.append(line)
    if not candidates:
        raise NoArticle("no headline: no short unpunctuated line outside page furniture before the body")
    for cand in candidates:
        later = (ln for ln in lines[cand.index + 1 : cand.index + 60] if not ln.blank)
        if any(is_alt_text(ln.text, cand.text) for ln in later):
            return cand.index
    long_enough = [c for c in candidates if len(words(c.text)) >= MIN_TITLE_WORDS]
    return (long_enough or candidates)[0].index


def first_body_line(lines: list[Line], title_index: int) -> int:
    """Index of the first line that reads as body prose after the headline (len(lines) if none)."""
    for line in lines[title_index + 1 :]:
        if not line.blank and _is_lead_paragraph(line.text) and not is_furniture(line.text):
            return line.index
    return len(lines)


@dataclass(slots=True)
class _Block:
    texts: list[str]
    images: list[Image]
    is_image: bool
    related: list[int]  # positions in texts after which a related link stood (teaser candidates)


def _read_block(block: list[Line], title: str) -> tuple[_Block, bool]:
    """Classify one block's lines; returns the block and whether an article-end heading was met."""
    texts: list[str] = []
    images: list[Image] = []
    is_image = False
    related_at: list[int] = []
    for line in block:
        t = line.text
        if is_article_end(t):
            return _Block(texts, images, is_image, related_at), True
        if is_related_link(t) or _is_related_label(t):
            related_at.append(len(texts))
            continue
        if is_furniture(t):
            continue
        if is_alt_text(t, title):
            is_image = True
            texts.append("\0alt")  # placeholder: an alt line is never a caption
            continue
        img = parse_credit_line(t)
        if img is not None:
            is_image = True
            if img.caption is None and texts and texts[-1] != "\0alt" and len(words(texts[-1])) <= 40:
                # A caption set on its own line directly above its credit.
                img = Image(caption=texts.pop(), credit=img.credit)
            images.append(img)
            continue
        texts.append(t)
    if is_image:
        # Tag lines and leftover alt text sit in image blocks; real prose there is kept.
        texts = [t for t in texts if t != "\0alt" and not _is_headline_like(t)]
    return _Block(texts, images, is_image, related_at), False


def parse_article(lines: list[Line], title_index: int, end: int) -> Article:
    """Headline, dek, body and images of the article between the headline and ``end`` (exclusive)."""
    title = lines[title_index].text
    art = Article(title=title)
    raw_blocks = group_blocks(lines[title_index + 1 : end])
    blocks: list[_Block] = []
    for raw in raw_blocks:
        blk, stop = _read_block(raw, title)
        blocks.append(blk)
        if stop:
            break

    in_body = False
    images_seen = False
    drop_next_teaser = False
    last_para_block = -1
    for bi, blk in enumerate(blocks):
        art.images.extend(blk.images)
        texts = list(blk.texts)
        for pos in sorted(blk.related, reverse=True):
            # The teaser headline printed just above a related link belongs to the linked story.
            if pos > 0 and pos - 1 < len(texts) and _is_headline_like(texts[pos - 1]):
                del texts[pos - 1]
            elif (
                pos == 0
                and art.paragraphs
                and last_para_block == bi - 1
                and in_body
                and _is_headline_like(art.paragraphs[-1])
            ):
                art.paragraphs.pop()
        if blk.related and not texts:
            drop_next_teaser = any(pos == len(blk.texts) for pos in blk.related)
        for para in split_paragraphs(texts) if texts else []:
            if drop_next_teaser and _is_headline_like(para):
                drop_next_teaser = False
                continue
            drop_next_teaser = False
            if not in_body:
                if is_head_furniture(para):
                    continue
                is_item = bullet_item(para) is not None
                if ends_sentence(para) or is_item:
                    next_is_image = _next_is_image(blocks, bi)
                    if (
                        art.subtitle is None
                        and not images_seen
                        and next_is_image
                        and len(words(para)) <= MAX_DEK_WORDS
                        and not art.paragraphs
                    ):
                        art.subtitle = para
                        continue
                    in_body = True
                elif art.subtitle is None and not images_seen and len(words(para)) >= MIN_DEK_WORDS:
                    art.subtitle = para
                    continue
                else:
                    continue
            elif is_furniture(para):
                continue
            art.paragraphs.append(para)
            last_para_block = bi
        if blk.is_image:
            images_seen = True
    if not art.paragraphs:
        raise NoArticle(f"no body paragraph under the headline {title!r}")
    return art


def _next_is_image(blocks: list[_Block], i: int) -> bool:
    for blk in blocks[i + 1 :]:
        if blk.is_image:
            return True
        if blk.texts:
            return False
    return False


__all__ = ["Article", "find_title", "first_body_line", "is_article_end", "is_furniture", "parse_article"]
