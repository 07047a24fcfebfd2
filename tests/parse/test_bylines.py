from __future__ import annotations

import pytest

from aidebate_etl.parse.bylines import author_line, is_bare_name_line


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Jane Roe", "By Jane Roe"),
        ("BY JANE ROE", "BY JANE ROE"),
        ("By Jane Roe and Kim Lee, Staff Writers", "By Jane Roe and Kim Lee, Staff Writers"),
        ("By Rhian Tudor | 14 May 2024 | 6 min read", "By Rhian Tudor"),
        ("By Rhian Tudor • Updated 3 hours ago", "By Rhian Tudor"),
        ("Words by Ffion Maddox-Quay", "Words by Ffion Maddox-Quay"),
        ("Interview by Saoirse Ní Bhriain", "Interview by Saoirse Ní Bhriain"),
        ("Words: Jane Roe", "Words: Jane Roe"),
        ("Posted in Club News on 15 May 2024 by Hal Quennell", "by Hal Quennell"),
        ("Medically reviewed by Dr. Ines Vale, MD", "Medically reviewed by Dr. Ines Vale, MD"),
        ("Contributing: Tova Rimmer, The Dale Lamp", "Contributing: Tova Rimmer, The Dale Lamp"),
        (
            "(Reporting by Tomas Vrba; Editing by Ines Coelho)",
            "(Reporting by Tomas Vrba; Editing by Ines Coelho)",
        ),
        ("Additional reporting by Priti Sandhu", "Additional reporting by Priti Sandhu"),
    ],
)
def test_bylines_author_line_is_kept_without_dates(line: str, expected: str) -> None:
    assert author_line(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "By the time the ferry docked, the crowd had gone home.",  # prose
        "By far the busiest week of the year",  # lower-case after "by": no name follows
        "Review: The Salt Road Is a Slow, Gorgeous Voyage",  # a headline label, not a writer label
        "Published 3 May 2024",  # a date with no author
        "Photo: Jane Roe/Agency",  # a picture credit
    ],
)
def test_bylines_lines_without_an_author_cue_are_not_author_lines(line: str) -> None:
    assert author_line(line) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Helena Marsh-Whitby", True),
        ("Ana de la Cruz", True),
        ("J.K. Okonkwo-Hale, Staff Writer", True),
        ("Séverine Lafôret | Culture Desk", True),
        ("Orla Finnegan and Piotr Wasik", True),
        ("Orla Finnegan, Piotr Wasik and Ade Bello", True),
        ("Salt and Vinegar", False),  # one word each side: no names
        ("Opinion", False),  # one word: a section label
        ("The Long Read", False),  # a function word: a series name
        ("Sign in / Register", False),
        ("Updated 12 May 2024", False),
        ("A quiet week in the valley.", False),
    ],
)
def test_bylines_bare_name_line(line: str, expected: bool) -> None:
    assert is_bare_name_line(line) is expected


@pytest.mark.parametrize(
    ("stem", "bylines"),
    [
        (
            "headline_byline_timestamp",
            (
                "By Oona Vasquez-Ferreira and Kit Halloran, Staff Writers",
                "Reporting by Oona Vasquez-Ferreira in Porto Velho and Kit Halloran in Lisbon; "
                "Editing by Maximilian von Ruckteschell",
            ),
        ),
        ("gallery_agency_credits", ()),
        (
            "wire_initials_company",
            ("By Reuters Staff", "(Reporting by Dmitri Vasiliev-Brandt; Editing by Carys ap Rhys)"),
        ),
        ("comments_allcaps_names", ()),
        ("bare_byline_accents", ("Tomasz Wójcik-Ruiz, Economics Editor",)),
        ("masthead_page_title_promo", ("Words: Hettie Lambourne-Scott",)),
        ("flat_comments_signin_nav", ("By Priya Vantongeren",)),
    ],
)
def test_bylines_page_author_lines_in_page_order(parsed_page, stem: str, bylines: tuple[str, ...]) -> None:
    s = parsed_page(stem)
    assert s.bylines == bylines
    assert all(b not in s.body for b in bylines)
