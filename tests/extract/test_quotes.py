"""Quote spans: marks, apostrophes, nesting, paragraph runs and unbalanced marks."""

from __future__ import annotations

import pytest

from aidebate_etl.extract.quotes import find_quotes, split_sentences
from aidebate_etl.records import PARAGRAPH_SEPARATOR


def _texts(*paragraphs: str) -> list[str]:
    return [q.text for q in find_quotes(PARAGRAPH_SEPARATOR.join(paragraphs))]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("\u201cWe are ready,\u201d said Ola Brandt.", ["We are ready,"]),
        ('"We are ready," said Ola Brandt. "Truly."', ["We are ready,", "Truly."]),
        ("Brandt called it \u201ca fair deal\u201d on Monday.", ["a fair deal"]),
    ],
)
def test_quotes_double_marks(paragraph: str, expected: list[str]) -> None:
    assert _texts(paragraph) == expected


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("'I don't think it's over,' said Brandt.", ["I don't think it's over,"]),
        (
            "'The '70s were wild and rock 'n' roll ruled,' she said.",
            ["The '70s were wild and rock 'n' roll ruled,"],
        ),
        ("\u2018We can\u2019t wait,\u2019 said Brandt, a \u201990s star.", ["We can\u2019t wait,"]),
        ("Fans of That \u201870s Band cheered. Nobody quoted anything.", []),
        (
            "\u2018It will hurt islanders\u2019 jobs,\u2019 the firm said.",
            ["It will hurt islanders\u2019 jobs,"],
        ),
        ("The players' union met. The coach's view was clear.", []),
    ],
)
def test_quotes_single_house_style_and_apostrophes(paragraph: str, expected: list[str]) -> None:
    assert _texts(paragraph) == expected


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        (
            "\u201cShe told me \u2018never again\u2019 and left,\u201d Brandt said.",
            ["She told me \u2018never again\u2019 and left,"],
        ),
        ("'He shouted \"stop\" twice,' said Brandt.", ['He shouted "stop" twice,']),
    ],
)
def test_quotes_nested_belong_to_outer(paragraph: str, expected: list[str]) -> None:
    assert _texts(paragraph) == expected


@pytest.mark.parametrize(
    ("paragraphs", "segments"),
    [
        (
            (
                "Brandt said: \u201cFirst part runs on.",
                "\u201cSecond part ends,\u201d she added.",
                "Narrative.",
            ),
            ["First part runs on.", "Second part ends,"],
        ),
        (
            ('"One.', '"Two.', '"Three," he said.'),
            ["One.", "Two.", "Three,"],
        ),
    ],
)
def test_quotes_run_over_paragraphs(paragraphs: tuple[str, ...], segments: list[str]) -> None:
    body = PARAGRAPH_SEPARATOR.join(paragraphs)
    (quote,) = find_quotes(body)
    assert [body[a:b] for a, b in quote.segments] == segments


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        # an opening mark never closed: the quote ends at its paragraph, the next one is intact
        (
            (
                '"We were told Friday, said Ivo Marsh. Now nobody knows.',
                'Later he called it "a joke," Marsh said.',
            ),
            ["We were told Friday, said Ivo Marsh. Now nobody knows.", "a joke,"],
        ),
        (("A stray closer\u201d here and \u201ca real one\u201d there.",), ["a real one"]),
        (("\u201c",), []),
        (("",), []),
    ],
)
def test_quotes_unbalanced_marks_stay_in_their_paragraph(
    paragraphs: tuple[str, ...], expected: list[str]
) -> None:
    assert _texts(*paragraphs) == expected


@pytest.mark.parametrize(
    ("paragraph", "sentences"),
    [
        (
            '"It works. It really does," Lee said. Then he left.',
            ['"It works. It really does," Lee said.', "Then he left."],
        ),
        ('"Stop." Lee walked out.', ['"Stop."', "Lee walked out."]),
        (
            "Dr. Amal Reyes of Acme Corp. spoke. She left.",
            ["Dr. Amal Reyes of Acme Corp. spoke.", "She left."],
        ),
        ("J. Okafor said so. Fine.", ["J. Okafor said so.", "Fine."]),
    ],
)
def test_quotes_sentences_keep_quotes_whole(paragraph: str, sentences: list[str]) -> None:
    spans = split_sentences(paragraph, find_quotes(paragraph))
    assert [paragraph[a:b] for a, b in spans] == sentences


def test_quotes_title_ending_in_s_before_a_later_single_quote():
    # the mark after "Boots" closes the title: the next opener starts a quote of its own
    got = _texts(
        "As the crowd sang 'Lee's Got Boots' late on, the coach was asked. 'Rest,' he said. 'Then a holiday.'"
    )
    assert got == ["Lee's Got Boots", "Rest,", "Then a holiday."]
    # a plural possessive inside a quote still does not close it
    assert _texts("'The islanders' lives matter more,' she said.") == ["The islanders' lives matter more,"]
