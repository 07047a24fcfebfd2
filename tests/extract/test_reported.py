"""Reported speech: cue patterns, content spans, and when a clause is left to the direct quote."""

from __future__ import annotations

import pytest

from aidebate_etl.extract.quotes import find_quotes, split_sentences
from aidebate_etl.extract.reported import find_reported
from aidebate_etl.extract.speakers import SpeakerIndex
from aidebate_etl.records import PagePerson


def _reported(sentence: str, names: tuple[str, ...] = ()) -> list[tuple[str, str, str | None, bool]]:
    """(cue, content, speaker surface, emitted) for each cue of a one-sentence text."""
    quotes = find_quotes(sentence)
    index = SpeakerIndex(sentence, [PagePerson(n) for n in names], [], quotes)
    (span,) = split_sentences(sentence, quotes)
    return [
        (c.cue, sentence[c.content_start : c.content_end], c.speaker.surface if c.speaker else None, c.emit)
        for c in find_reported(sentence, index, *span)
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Rana Aziz argued that the tax would hurt farmers.",
            [("argued", "the tax would hurt farmers.", "Rana Aziz", True)],
        ),
        ("Aziz, 58, warned that prices would rise.", [("warned", "prices would rise.", "Aziz", True)]),
        (
            "Aziz told reporters on Monday that talks had stalled.",
            [("told", "talks had stalled.", "Aziz", True)],
        ),
        (
            "Aziz, a farmer from Lisk, has repeatedly claimed that the rules are unfair.",
            [("claimed", "the rules are unfair.", "Aziz", True)],
        ),
        (
            "Aziz believes that prices will fall next year.",
            [("believes", "prices will fall next year.", "Aziz", True)],
        ),
    ],
)
def test_reported_that_clauses(sentence: str, expected: list) -> None:
    assert _reported(sentence, ("Rana Aziz",)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a day between the verb and the clause dates the statement
        (
            "Aziz said on Tuesday the depot would close in June.",
            [("said", "the depot would close in June.", "Aziz", True)],
        ),
        (
            "Aziz said the harvest was the worst in years.",
            [("said", "the harvest was the worst in years.", "Aziz", True)],
        ),
        ("Aziz insisted he would not resign.", [("insisted", "he would not resign.", "Aziz", True)]),
        # a noun object is not a clause: no finite verb outside the quote marks
        (
            'Aziz admits the plan "still has gaps" and "needs money."',
            [("admits", 'the plan "still has gaps" and "needs money."', "Aziz", False)],
        ),
        # opinion verbs without "that" are paraphrase, not report
        ("Aziz thinks people don't like long speeches.", []),
        # "said" followed by an adjunct or an adverb does not open a clause
        ("Aziz said on Monday.", []),
    ],
)
def test_reported_bare_complements(sentence: str, expected: list) -> None:
    assert _reported(sentence, ("Rana Aziz",)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "According to Rana Aziz, the dam will be finished in May.",
            [("according to", "the dam will be finished in May.", "Rana Aziz", True)],
        ),
        (
            "The dam will be finished in May, according to Aziz.",
            [("according to", "The dam will be finished in May", "Aziz", True)],
        ),
        (
            "As explained by engineer Rana Aziz, the dam holds two billion litres.",
            [("as explained", "the dam holds two billion litres.", "Rana Aziz", True)],
        ),
        (
            "The design is old and, as Aziz points out, leaks every spring.",
            [("as points out", "leaks every spring.", "Aziz", True)],
        ),
        (
            "The dam will be finished in May, Aziz said.",
            [("said", "The dam will be finished in May", "Aziz", True)],
        ),
    ],
)
def test_reported_according_to_and_as_clauses(sentence: str, expected: list) -> None:
    assert _reported(sentence, ("Rana Aziz",)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the clause is the quote itself: the cue is kept for the speaker, not emitted
        ('Aziz said it "will never work."', [("said", 'it "will never work."', "Aziz", False)]),
        # the clause adds its own words around a quoted phrase: both claims
        ('Aziz said the vote was "a betrayal".', [("said", 'the vote was "a betrayal".', "Aziz", True)]),
        # a long quotation, but the clause still says something of its own around it: both claims
        (
            'Aziz said the levy was "a tax on farmers dressed up as a green reform".',
            [("said", 'the levy was "a tax on farmers dressed up as a green reform".', "Aziz", True)],
        ),
        # only a pronoun and an auxiliary around a long quotation: the quote alone
        (
            'Aziz said it would be "watching every single farm gate in the county".',
            [("said", 'it would be "watching every single farm gate in the county".', "Aziz", False)],
        ),
        # a second coordinated cue ends the first clause
        (
            "Aziz insisted the figures are wrong, and claimed that the audit was rigged.",
            [
                ("insisted", "the figures are wrong", "Aziz", True),
                ("claimed", "the audit was rigged.", None, True),
            ],
        ),
    ],
)
def test_reported_clauses_with_quotes(sentence: str, expected: list) -> None:
    assert _reported(sentence, ("Rana Aziz",)) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "He wrote the book that changed the field.",
        "The theory that prices fall is old.",
        "Asked whether the two might work together, Aziz laughed.",
    ],
)
def test_reported_ignores_non_speech(sentence: str) -> None:
    assert [r for r in _reported(sentence, ("Rana Aziz",)) if r[3]] == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (  # a trailing cue followed by one adjunct of the writer's after a comma
            "Orrvale Networks will close its Tarrant plant, the Keldham-based company said on Friday, "
            "in a blow to the town.",
            [("said", "Orrvale Networks will close its Tarrant plant", "the Keldham-based company", True)],
        ),
        (  # a wire dateline opening the story is not part of the reported content
            "KELDHAM, May 3 (Tidewire) - Orrvale Networks will close its Tarrant plant, the company said.",
            [("said", "Orrvale Networks will close its Tarrant plant", "the company", True)],
        ),
    ],
)
def test_reported_trailing_cue_with_an_adjunct_or_a_dateline(sentence: str, expected: list) -> None:
    assert _reported(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (  # a plea: the object is a noun phrase whose only -ed word belongs to a gerund ("of going
            # equipped"), so the cue is kept (it owns its clause) but reports nothing
            "Dale Ruddock, 41, of Mill Row, admitted four counts of burglary and one of going equipped.",
            [("admitted", "four counts of burglary and one of going equipped.", "Dale Ruddock", False)],
        ),
        (  # a clause keeps its -ed verb after a noun that merely ends in -ing
            "Ruddock insisted the building collapsed after the meeting.",
            [("insisted", "the building collapsed after the meeting.", "Ruddock", True)],
        ),
    ],
)
def test_reported_participle_of_a_gerund_is_no_finite_verb(sentence: str, expected: list) -> None:
    assert _reported(sentence, ("Dale Ruddock",)) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Imelda Sayer told the court the van had been seen near the farm.",
            [("told", "the van had been seen near the farm.", "Imelda Sayer", True)],
        ),
        (
            "Sayer told the jury she had no doubt about the evidence.",
            [("told", "she had no doubt about the evidence.", "Sayer", True)],
        ),
        # "the story" is no hearer: what follows is the object, not a clause
        ("Sayer told the story of how the case began.", []),
        # a named outlet after "the" is the hearer too; an adjunct after it opens no clause
        (
            "Sayer told the Kettlebury Gazette the inquiry had been a sham.",
            [("told", "the inquiry had been a sham.", "Sayer", True)],
        ),
        ("Sayer told the Kettlebury Gazette in 2001, when she retired.", []),
    ],
)
def test_reported_told_an_institutional_hearer_then_a_bare_clause(sentence: str, expected: list) -> None:
    assert _reported(sentence, ("Imelda Sayer",)) == expected


@pytest.mark.parametrize(
    ("sentence", "first"),
    [
        (
            'Osric Venn insisted the drivers would not work longer, saying they had "done their bit".',
            "the drivers would not work longer",
        ),
        (
            "Osric Venn said that the depot would stay open, adding that no routes would be cut.",
            "the depot would stay open",
        ),
        (
            'Osric Venn conceded the timetable was "too ambitious for this depot," adding: "We will fix it."',
            'the timetable was "too ambitious for this depot,"',
        ),
    ],
)
def test_a_participle_report_ends_the_first_reported_clause(sentence: str, first: str) -> None:
    # ", saying …" / ", adding that …" is a second report of the same speaker, not part of the first
    got = _reported(sentence, ("Osric Venn",))
    assert got[0][1] == first


def test_a_participle_that_takes_no_clause_stays_in_the_reported_clause() -> None:
    got = _reported(
        "Osric Venn said the firm, insisting on secrecy, had refused to publish the figures.", ("Osric Venn",)
    )
    assert got[0][1] == "the firm, insisting on secrecy, had refused to publish the figures."


def test_a_coordinated_reporting_verb_with_its_own_that_ends_the_first_clause() -> None:
    got = _reported(
        'The Drivers Guild said the plan was "overdue" but warned that fares would rise.', ("Osric Venn",)
    )
    assert got[0][1] == 'the plan was "overdue"'
    assert any(content == "fares would rise." for _cue, content, *_rest in got[1:])


def test_a_trailing_cue_may_be_followed_by_a_participle_clause_of_the_writer() -> None:
    got = _reported(
        "Kelmar Mills will shut its flour plant in Ossby by May, the firm said on Friday, ending "
        "ninety years of milling in the town."
    )
    assert ("said", "Kelmar Mills will shut its flour plant in Ossby by May", "the firm", True) in got


@pytest.mark.parametrize(
    ("sentence", "first"),
    [
        (
            "Osric Venn promised that every driver would be paid and said the depot would reopen in May.",
            "every driver would be paid",
        ),
        (
            "Osric Venn said the firm was talking to other depots and hoped to reopen in May.",
            "the firm was talking to other depots and hoped to reopen in May.",
        ),
        (
            "Osric Venn said delays and claims had grown all year.",
            "delays and claims had grown all year.",
        ),
    ],
)
def test_a_coordinated_verb_of_saying_with_its_own_clause_ends_the_first_clause(
    sentence: str, first: str
) -> None:
    # "and said the depot would …" is a second report; "and hoped to …" takes no clause and stays
    assert _reported(sentence, ("Osric Venn",))[0][1] == first
