from __future__ import annotations

import pytest

from aidebate_etl.parse.captions import is_alt_text, parse_caption_line, parse_credit_line
from aidebate_etl.records import Image


@pytest.mark.parametrize(
    ("line", "image"),
    [
        (
            "Someone at Some Event Photo: Jane Roe/Agency",
            Image("Someone at Some Event", "Jane Roe/Agency"),
        ),
        ("Someone. Jane Roe/Getty Images", Image("Someone.", "Jane Roe/Getty Images")),
        ("Jane Roe/Getty Images for Harbor Fest", Image(None, "Jane Roe/Getty Images for Harbor Fest")),
        ("(Photo by Tomas Ferreira/Coastline Daily)", Image(None, "Tomas Ferreira/Coastline Daily")),
        (
            "A ewe grazes under a tree (Ines Calloway/Valley Ledger)",
            Image("A ewe grazes under a tree", "Ines Calloway/Valley Ledger"),
        ),
        ("Office workers leave early. Getty Images", Image("Office workers leave early.", "Getty Images")),
        ("The cat on the quay | Photo: Ola Nwosu", Image("The cat on the quay", "Ola Nwosu")),
        ("Courtesy of Northlight Films", Image(None, "Courtesy of Northlight Films")),
        ("Ferry at dawn. Mary J. Okafor/Port Wire", Image("Ferry at dawn.", "Mary J. Okafor/Port Wire")),
        ("Staff photo by Wren Adeyemi", Image(None, "Wren Adeyemi")),
        ("OSKAR LINDQVIST | THE DALE LAMP", Image(None, "OSKAR LINDQVIST | THE DALE LAMP")),
        # A marker glyph and a gallery counter before the caption are no part of it.
        ("\u25b2 Ferry at dawn. Photograph: Ola Nwosu", Image("Ferry at dawn.", "Ola Nwosu")),
        (
            "2/5 The quay at noon. Photo: Ola Nwosu/Port Wire",
            Image("The quay at noon.", "Ola Nwosu/Port Wire"),
        ),
        # The picture's placeholder tag left before its caption.
        ("[Image] Nets drying on the quay. Photo: Ola Nwosu", Image("Nets drying on the quay.", "Ola Nwosu")),
        (
            "[ picture ] The quay at noon. PICTURE: Port Wire / Ola Nwosu",
            Image("The quay at noon.", "Port Wire / Ola Nwosu"),
        ),
        # The copyright sign as a credit's label, with or without "Photo".
        ("Nets on the quay. (Photo \u00a9 Ola Nwosu)", Image("Nets on the quay.", "Ola Nwosu")),
        ("Nets on the quay. (\u00a9 Ola Nwosu)", Image("Nets on the quay.", "Ola Nwosu")),
        # Screen-reader labels a copy keeps: "Image source, …".
        ("Image source, Port Wire Pictures", Image(None, "Port Wire Pictures")),
        # The picture's licensing button and its link hint after the credit.
        (
            "Nets on the quay, June 3, 2025. PORTWIRE/Ola Nwosu Purchase Licensing Rights, opens new tab",
            Image("Nets on the quay, June 3, 2025.", "PORTWIRE/Ola Nwosu"),
        ),
        # An image label heading the caption, the credit run in after it.
        (
            "PHOTO: Nets on the quay at dawn. Ola Nwosu/Port Wire",
            Image("Nets on the quay at dawn.", "Ola Nwosu/Port Wire"),
        ),
        # A bracketed placeholder holding its caption and a bracketed credit.
        ("[Image: The quay at noon (Image: Supplied)]", Image("The quay at noon", "Supplied")),
        # A gallery counter makes the line a caption, so its bracketed tail is the credit, a source named
        # without any credit label.
        (
            "3/4 Net menders at the harbour in 1952. (Pellow family collection)",
            Image("Net menders at the harbour in 1952.", "Pellow family collection"),
        ),
        # A "[Caption]" label before the caption and a "Photo by" credit after a bar.
        (
            "[Caption] Nets drying on the quay | Photo by Ola Nwosu",
            Image("Nets drying on the quay", "Ola Nwosu"),
        ),
        # "Photo / Name": the label set apart from the name by a spaced slash.
        ("Nets drying on the quay. Photo / Ola Nwosu", Image("Nets drying on the quay.", "Ola Nwosu")),
    ],
)
def test_captions_credit_line_splits_caption_and_credit(line: str, image: Image) -> None:
    assert parse_credit_line(line) == image


@pytest.mark.parametrize(
    "line",
    [
        "The vote was 50/50 after the recount.",
        "Council members split 5-4 after a night of testimony",
        "She said the photo was taken in May.",
        "BREAKING NEWS | LIVE",
        "",
    ],
)
def test_captions_prose_is_not_a_credit(line: str) -> None:
    assert parse_credit_line(line) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Harbor Town Votes to Keep Its Last Ferry Running Through Winter", True),
        ("Harbor Town Votes to Keep Its Last Ferry Running in Winter", True),
        ("Harbor Town News Ferry", False),
        ("Passengers board the morning ferry at Pier 9", False),
    ],
)
def test_captions_alt_text_repeats_the_headline(line: str, expected: bool) -> None:
    assert is_alt_text(line, "Harbor Town Votes to Keep Its Last Ferry Running Through Winter") is expected


@pytest.mark.parametrize(
    ("stem", "captions", "credits"),
    [
        (
            "flat_comments_signin_nav",
            ("Passengers board the morning ferry at Pier 9",),
            ("Tomas Ferreira/Coastline Daily",),
        ),
        (
            "related_links_midbody",
            ("A ewe grazes under a Cox apple tree at Fennick Hill.",),
            ("Ines Calloway/Valley Ledger",),
        ),
        ("threaded_says_tabs", ("Lanterns above Canal Street.",), ("Rosalind Achebe/Brightwater Press",)),
        ("no_images_bullets", (), ()),
    ],
)
def test_captions_page_images(parsed_page, stem: str, captions: tuple, credits: tuple) -> None:
    s = parsed_page(stem)
    assert (s.image_captions, s.image_credits) == (captions, credits)


def test_captions_credit_after_alt_text_has_no_caption() -> None:
    from aidebate_etl.parse import parse_page

    page = (
        "Glass Museum Opens in the Old Furnace Hall\n\n"
        "Glass Museum Opens in Old Furnace Hall\nHollis Abernathy/Wendmere Post\n\n"
        "The museum opened on Saturday with 300 pieces of local glass on show.\n"
    )
    assert parse_page(page).images == (Image(None, "Hollis Abernathy/Wendmere Post"),)


@pytest.mark.parametrize(
    ("line", "caption"),
    [
        ("Image caption, Nets drying on the quay at dawn", "Nets drying on the quay at dawn"),
        (
            "[Image: Nets drying on the quay, with the lighthouse behind]",
            "Nets drying on the quay, with the lighthouse behind",
        ),
        ("Nets drying on the quay at dawn", None),
        # In round brackets a name is the credit of the caption above, not a placeholder's description.
        ("(Image: Ola Nwosu)", None),
        ("Source: harbour office", None),
    ],
)
def test_captions_caption_only_lines(line: str, caption: str | None) -> None:
    assert parse_caption_line(line) == caption
