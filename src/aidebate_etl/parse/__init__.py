"""Raw page text -> ``PageStructure``: the article (headline, dek, body, images) and its comment thread.

The one public entry point is :func:`parse_page`, a pure function of the page text.
"""

from __future__ import annotations

from aidebate_etl.parse.article import find_headline, first_body_line, parse_article
from aidebate_etl.parse.blocks import split_lines
from aidebate_etl.parse.comments import (
    is_thread_heading,
    named_heading_count,
    parse_declared_count,
    parse_thread,
)
from aidebate_etl.records import PageStructure

__all__ = ["parse_page"]


def parse_page(text: str) -> PageStructure:
    """Parse one page's text into its structure.

    Raises ``aidebate_etl.errors.NoArticle`` when the text has no body prose. A page with prose but no
    headline loads with ``title`` None.
    """
    lines = split_lines(text)
    title_index = find_headline(lines)
    # The thread is searched only below the first body sentence, so that a "Comments" link or a quoted
    # "he said:" in the page header cannot be taken for the start of the thread.
    above_body = title_index if title_index is not None else -1  # the line the article starts under
    lead = first_body_line(lines, above_body)
    thread = parse_thread(lines, lead + 1) if lead < len(lines) else None
    if thread is not None:
        end = thread.start
    else:
        # A thread heading with no comments under it (not loaded when the page was copied) still ends
        # the article.
        end = next((i for i in range(lead + 1, len(lines)) if is_thread_heading(lines[i].text)), len(lines))
    article = parse_article(lines, title_index, end)
    declared = parse_declared_count(lines[above_body + 1 :])
    if declared is None and thread is not None:
        # A heading in the site's own words ("Your Say (12)") counts only where it heads the thread.
        declared = named_heading_count(lines[thread.start].text)
    return PageStructure(
        title=article.title,
        subtitle=article.subtitle,
        paragraphs=tuple(article.paragraphs),
        images=tuple(article.images),
        declared_comment_count=declared,
        comments=thread.comments if thread is not None else (),
        comment_style=thread.style if thread is not None else None,
        bylines=tuple(article.bylines),
    )
