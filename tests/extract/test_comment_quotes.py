"""Comments quoting the article: found, located, tied to the claim they quote; nothing else."""

from __future__ import annotations

import pytest

from aidebate_etl.extract.comment_quotes import extract_comment_quotes
from aidebate_etl.records import Claim, PageStructure, ParsedComment

PARAGRAPHS = (
    "The harbour board met on Tuesday to discuss the ferry timetable for the coming winter.",
    "“We will keep the early ferry running every day of the week, whatever the weather brings,” "
    "said board chair Odile Ferrant.",
    "Ferrant added that the ticket office would move next to the bus station by the end of March.",
    "Critics said the plan ignores the fishing fleet entirely.",
)
STRUCTURE_BODY = "\n\n".join(PARAGRAPHS)
QUOTE = "We will keep the early ferry running every day of the week, whatever the weather brings,"
REPORTED = "the ticket office would move next to the bus station by the end of March"
CLAIMS = (
    Claim(
        "direct",
        QUOTE,
        STRUCTURE_BODY.index(QUOTE),
        STRUCTURE_BODY.index(QUOTE) + len(QUOTE),
        "Odile Ferrant",
        "person",
    ),
    Claim(
        "indirect",
        REPORTED,
        STRUCTURE_BODY.index(REPORTED),
        STRUCTURE_BODY.index(REPORTED) + len(REPORTED),
        "Odile Ferrant",
        "person",
    ),
)


def _structure(*comment_bodies: str) -> PageStructure:
    comments = tuple(
        ParsedComment(position=i + 1, depth=0, parent_position=None, author=f"reader{i}", body=b)
        for i, b in enumerate(comment_bodies)
    )
    return PageStructure(title="Ferry plan", subtitle=None, paragraphs=PARAGRAPHS, comments=comments)


@pytest.mark.parametrize(
    ("comment", "quoted", "claim_index"),
    [
        # Curly double marks, exact words.
        ("“whatever the weather brings” sure, until the first storm.", "whatever the weather brings", 0),
        (
            "“keep the early ferry running every day of the week” Good.",
            "keep the early ferry running every day of the week",
            0,
        ),
        # Straight marks, a typo and different case.
        (
            'So "We will keep the erly ferry running every day of the week"? Doubt it.',
            "We will keep the erly ferry running every day of the week",
            0,
        ),
        # Leading ellipsis trimmed.
        (
            "“…the ticket office would move next to the bus station” — finally!",
            "the ticket office would move next to the bus station",
            1,
        ),
        # Curly single marks with an apostrophe inside the quotation.
        (
            "She said ‘the plan ignores the fishing fleet entirely’ and she’s right.",
            "the plan ignores the fishing fleet entirely",
            None,
        ),
    ],
)
def test_comment_quotes_found_with_claim(comment: str, quoted: str, claim_index: int | None) -> None:
    (q,) = extract_comment_quotes(_structure(comment), CLAIMS)
    assert q.comment_position == 1
    assert q.quoted_text == quoted
    assert comment[q.comment_start : q.comment_end] == quoted
    assert q.claim_index == claim_index
    matched = STRUCTURE_BODY[q.article_start : q.article_end].casefold()
    assert matched.replace("erly", "early").startswith(quoted.casefold().replace("erly", "early")[:10])
    assert q.similarity >= 0.9


@pytest.mark.parametrize(
    "comment",
    [
        # Quoting another reader, not the article.
        "“the fishing fleet deserves its own pier” is what the last commenter said. Nonsense.",
        # A slogan and a title.
        "As they say, “every cloud has a silver lining”. Also see “The Old Man and the Sea”.",
        # Too short to be evidence even though the words are in the article.
        "“the coming winter” again?",
        # No quotation marks at all.
        "We will keep the early ferry running every day of the week, they said.",
        # Apostrophes are not quotation marks.
        "It's the board's call, isn't it, and they'll keep the ferry's timetable",
    ],
)
def test_comment_quotes_nothing_for_text_not_quoted_from_article(comment: str) -> None:
    assert extract_comment_quotes(_structure(comment), CLAIMS) == ()


@pytest.mark.parametrize(
    ("comment", "quoted"),
    [
        # Unclosed at the comment's end: the quotation runs to the end.
        (
            "Right, “the ticket office would move next to the bus station by the end of March",
            "the ticket office would move next to the bus station by the end of March",
        ),
        # Unclosed, followed by the commenter's own words after a sentence end: those are cut off.
        (
            "“Critics said the plan ignores the fishing fleet entirely. Which critics? Name one.",
            "Critics said the plan ignores the fishing fleet entirely",
        ),
    ],
)
def test_comment_quotes_unclosed_quote_at_comment_end(comment: str, quoted: str) -> None:
    (q,) = extract_comment_quotes(_structure(comment), CLAIMS)
    assert q.quoted_text == quoted
    assert comment[q.comment_start : q.comment_end] == quoted


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_comment_quotes_several_comments_and_quotes(order: tuple[int, int]) -> None:
    bodies = [
        "“whatever the weather brings” and “next to the bus station by the end of March”, two promises.",
        "Nothing quoted here.",
    ]
    comments = [bodies[i] for i in order]
    quotes = extract_comment_quotes(_structure(*comments), CLAIMS)
    at = order.index(0) + 1
    assert [(q.comment_position, q.claim_index) for q in quotes] == [(at, 0), (at, 1)]
    assert quotes[0].comment_start < quotes[1].comment_start


@pytest.mark.parametrize("claims", [(), CLAIMS])
def test_comment_quotes_claim_index_none_without_overlap(claims: tuple[Claim, ...]) -> None:
    (q,) = extract_comment_quotes(_structure("“met on Tuesday to discuss the ferry timetable”"), claims)
    assert q.claim_index is None
    assert STRUCTURE_BODY[q.article_start : q.article_end] == "met on Tuesday to discuss the ferry timetable"


NESTED_PARAGRAPHS = (
    "The mayor said the old pier was \u201ca right shambles\u201d and would close in May.",
    "Traders said three words are not a plan.",
)
NESTED_BODY = "\n\n".join(NESTED_PARAGRAPHS)
NESTED_CLAIMS = (
    Claim(
        "indirect",
        "the old pier was \u201ca right shambles\u201d and would close in May.",
        NESTED_BODY.index("the old pier"),
        NESTED_BODY.index("in May.") + len("in May."),
        "Odile Ferrant",
        "person",
    ),
    Claim(
        "direct",
        "a right shambles",
        NESTED_BODY.index("a right shambles"),
        NESTED_BODY.index("a right shambles") + len("a right shambles"),
        "Odile Ferrant",
        "person",
    ),
)


@pytest.mark.parametrize(
    ("comment", "found"),
    [
        # three words, but word for word the mayor's quoted phrase: the tighter direct claim is quoted
        ("\u201ca right shambles\u201d is one way to put it.", [("a right shambles", 1)]),
        # three words the article says, but not as anyone's quote: chance, not a quotation
        ("\u201cnot a plan\u201d indeed.", []),
    ],
)
def test_comment_quotes_short_span_only_when_it_is_a_quote(comment: str, found: list) -> None:
    comments = (ParsedComment(position=1, depth=0, parent_position=None, author="reader", body=comment),)
    structure = PageStructure(title="Pier", subtitle=None, paragraphs=NESTED_PARAGRAPHS, comments=comments)
    quotes = extract_comment_quotes(structure, NESTED_CLAIMS)
    assert [(q.quoted_text, q.claim_index) for q in quotes] == found
