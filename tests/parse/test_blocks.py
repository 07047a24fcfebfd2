from __future__ import annotations

import pytest

from aidebate_etl.parse.blocks import (
    ends_on_function_word,
    ends_sentence,
    join_wrapped,
    split_lines,
    split_paragraphs,
    wrap_width,
)


def test_blocks_split_lines_keeps_indent_and_cleans_spaces() -> None:
    lines = split_lines("a\u00a0 b  \n\t  • c says:")
    assert [(ln.text, ln.indent) for ln in lines] == [("a b", 0), ("• c says:", 6)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He left.", True),
        ("“It works,” she said.”", True),
        ("Ashton Argues AI Will ‘Render a Movie’", False),
        ("Is it here to stay?", True),
        ("Council members split 5-4", False),
    ],
)
def test_blocks_ends_sentence(text: str, expected: bool) -> None:
    assert ends_sentence(text) is expected


@pytest.mark.parametrize(("text", "expected"), [("Get back to the", True), ("Harbor Town Votes", False)])
def test_blocks_ends_on_function_word(text: str, expected: bool) -> None:
    assert ends_on_function_word(text) is expected


@pytest.mark.parametrize(
    ("texts", "width", "expected"),
    [
        (["The board met on", "Monday."], None, ["The board met on Monday."]),
        (["The board met", "on Monday."], None, ["The board met on Monday."]),
        (
            ["First paragraph ends.", "Second one starts."],
            None,
            ["First paragraph ends.", "Second one starts."],
        ),
        (
            ["A headline without a stop", "The lead sentence."],
            None,
            ["A headline without a stop", "The lead sentence."],
        ),
        (
            ["Wrapped at forty columns, this line is", "Full and continues."],
            40,
            ["Wrapped at forty columns, this line is Full and continues."],
        ),
    ],
)
def test_blocks_join_wrapped(texts: list[str], width: int | None, expected: list[str]) -> None:
    assert join_wrapped(texts, width) == expected


def test_blocks_split_paragraphs_separates_list_items() -> None:
    assert split_paragraphs(["It has:", "• one", "• two and", "a wrapped end", "Then prose."]) == [
        "It has:",
        "one",
        "two and a wrapped end",
        "Then prose.",
    ]


def test_blocks_wrap_width_found_only_on_wrapped_text() -> None:
    wrapped = split_lines(
        "The Elmsford public library will replace its\npaper cards with a single plastic card\nin June."
    )
    pasted = split_lines("Short line.\n" + "A much longer paragraph pasted whole onto one line. " * 3)
    assert wrap_width(wrapped) == 44
    assert wrap_width(pasted) is None
