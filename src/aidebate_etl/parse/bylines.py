"""Author lines: who wrote the article, as the page prints it.

Templates print the writers in a few shapes: a "By" line under the headline ("By Jane Roe | 3 May 2024"),
a labelled one ("Words by Jane Roe", "Words: Jane Roe", "Interview by …"), the tail of a posting line
("Posted in News on 3 May 2024 by Jane Roe"), the production credits wire copy ends with ("(Reporting by …;
Editing by …)"), or the bare name on a line of its own between the headline and the body. This module
recognises those shapes and trims the dates and reading times that share the line; telling names from job
titles and agencies inside the line is the people extractor's work.
"""

from __future__ import annotations

import re

from aidebate_etl.parse import lexicon
from aidebate_etl.parse.blocks import ends_sentence, is_time_text, words

_LABELS = "|".join(re.escape(label) for label in sorted(lexicon.AUTHOR_LABELS, key=len, reverse=True))
# A name starts with a capital (Latin letters with accents included); lower-case text after "by" is prose.
_NAME_START = r"[A-Z\u00c0-\u00de]"
# "By Jane Roe", "Words by Jane Roe", "(Reporting by Jane Roe; …)".
_BY_LINE = re.compile(rf"^\(?\s*(?i:(?:(?:{_LABELS})\s+)?by):?\s+{_NAME_START}")
# "Words: Jane Roe", "Author: Jane Roe".
_COLON_LABELS = "|".join(re.escape(x) for x in sorted(lexicon.AUTHOR_COLON_LABELS, key=len, reverse=True))
_LABEL_LINE = re.compile(rf"^(?i:{_COLON_LABELS})\s*:\s*{_NAME_START}")
# "Posted in News on 3 May 2024 by Jane Roe": the posting line ends on its author.
_POSTED_BY = re.compile(
    rf"^(?i:published|posted|updated|written|filed)\b.{{0,80}}?\s(?P<by>(?i:by)\s+{_NAME_START}.*)$"
)
# Parts of an author line set off by bars or dots; dates and reading times among them are not authorship.
_PARTS = re.compile(r"\s*[|\u2022\u00b7]\s*")
_READ_TIME = re.compile(r"^\d+\s*(?:-|\s)?min(?:ute)?s?\s+read$", re.I)
_DATE_LABEL = re.compile(r"^(?:published|updated|posted|last updated)\b", re.I)
# A printed name: capitalised words, initials ("J.", "J.K."), apostrophes and hyphens ("O'Neill",
# "Lee-Smith"); digits and slashes belong to credits and dates.
_NAME_TOKEN = re.compile(r"^(?:[A-Z\u00c0-\u00de][\w'\u2019.\-]*|[A-Z]\.(?:[A-Z]\.)*)$")
# Author lines are short; a longer line starting "By" is prose ("By the time the ferry …").
MAX_AUTHOR_LINE_WORDS = 30
# A bare name is two to four words (plus particles); what follows a comma or bar is a job title or outlet.
MIN_NAME_WORDS = 2
MAX_NAME_WORDS = 4
MAX_NAME_TAIL_WORDS = 8


def _trim(line: str) -> str:
    """The line without the dates, times and reading times that share it."""
    parts = [p for p in _PARTS.split(line) if p]
    kept = [p for p in parts if not (is_time_text(p) or _READ_TIME.match(p) or _DATE_LABEL.match(p))]
    return " | ".join(kept).strip()


def author_line(text: str) -> str | None:
    """The author line a page line carries, trimmed of dates; None when the line names no writer by a cue."""
    text = text.strip()
    if not text or ends_sentence(text.rstrip(")")) or len(words(text)) > MAX_AUTHOR_LINE_WORDS:
        return None
    if _BY_LINE.match(text) or _LABEL_LINE.match(text):
        return _trim(text) or None
    m = _POSTED_BY.match(text)
    if m:
        return _trim(m.group("by")) or None
    return None


def is_bare_name_line(text: str) -> bool:
    """A line that is only a person's name, optionally followed by a job title or outlet after a comma or bar.

    Between the headline and the body such a line is the byline of templates that print no "By".
    """
    text = text.strip()
    if not text or ends_sentence(text) or "/" in text:
        return False
    # Shared bylines list their writers as "A and B" or "A, B and C".
    parts = re.split(r"\s*,\s*|\s+(?:and|&)\s+", text)
    if len(parts) > 1 and re.search(r"\s(?:and|&)\s", text) and all(map(_is_one_name, parts)):
        return True
    return _is_one_name(text)


def _is_one_name(text: str) -> bool:
    if not text:
        return False
    head, _, tail = _split_tail(text)
    tokens = head.split()
    core = [t for t in tokens if t not in lexicon.NAME_PARTICLES]
    if not MIN_NAME_WORDS <= len(core) <= MAX_NAME_WORDS or len(words(tail)) > MAX_NAME_TAIL_WORDS:
        return False
    if tokens[0] in lexicon.NAME_PARTICLES and not tokens[0][:1].isupper():
        return False
    for tok in core:
        if not _NAME_TOKEN.match(tok) or tok.lower() in lexicon.FUNCTION_WORDS:
            return False
    return not any(ch.isdigit() for ch in head)


def _split_tail(text: str) -> tuple[str, str, str]:
    m = re.search(r"\s*[,|\u2022\u00b7]\s*", text)
    if not m:
        return text, "", ""
    return text[: m.start()], m.group(), text[m.end() :]


__all__ = ["author_line", "is_bare_name_line"]
