"""People of a page: names, aliases, roles and mentions, on short invented texts."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from aidebate_etl.extract.people import byline_names, extract_people
from aidebate_etl.parse import parse_page
from aidebate_etl.records import Image, Mention, PagePerson, PageStructure, ParsedComment


def page(
    *paragraphs: str,
    title: str = "A quiet week in the valley",
    subtitle: str | None = None,
    images: tuple[Image, ...] = (),
    comments: tuple[tuple[str, str], ...] = (),
    bylines: tuple[str, ...] = (),
) -> PageStructure:
    thread = tuple(
        ParsedComment(position=i, depth=0, parent_position=None, author=author, body=body)
        for i, (author, body) in enumerate(comments, 1)
    )
    return PageStructure(
        title=title, subtitle=subtitle, paragraphs=paragraphs, images=images, comments=thread, bylines=bylines
    )


def run(structure: PageStructure, nlp: Language) -> tuple[dict[str, PagePerson], tuple[Mention, ...]]:
    people, mentions = extract_people(structure, nlp)
    return {p.name: p for p in people}, mentions


def field_text(structure: PageStructure, m: Mention) -> str:
    if m.field == "body":
        return structure.body
    if m.field == "comment":
        return next(c.body for c in structure.comments if c.position == m.comment_position)
    if m.field == "caption":
        return structure.image_captions[m.field_index]
    if m.field == "credit":
        return structure.image_credits[m.field_index]
    if m.field == "byline":
        return structure.bylines[m.field_index]
    return structure.title if m.field == "title" else structure.subtitle or ""


@pytest.mark.parametrize(
    ("paragraphs", "full", "bare"),
    [
        (
            ("Dolores Fenwick opened the bakery in 1998.", "Years later, Fenwick said it had been worth it."),
            "Dolores Fenwick",
            "Fenwick",
        ),
        (
            (
                "The council heard from Peter Halvorsen on Monday.",
                "Halvorsen argued that the bridge was unsafe.",
            ),
            "Peter Halvorsen",
            "Halvorsen",
        ),
    ],
)
def test_people_surname_resolves_to_full_name(nlp, paragraphs, full, bare):
    structure = page(*paragraphs)
    people, mentions = run(structure, nlp)
    assert set(people) == {full}
    assert bare in people[full].aliases
    assert {m.surface for m in mentions} == {full, bare}
    for m in mentions:
        assert m.name == full
        assert field_text(structure, m)[m.start_char : m.end_char] == m.surface


@pytest.mark.parametrize("apostrophe", ["\u2019", "'"])
def test_people_possessive_is_the_person(nlp, apostrophe):
    structure = page(
        f"Tobias Rendell{apostrophe}s new film opens on Friday.",
        f"Critics praised Rendell{apostrophe}s restraint.",
    )
    people, mentions = run(structure, nlp)
    assert set(people) == {"Tobias Rendell"}
    assert {m.surface for m in mentions} == {"Tobias Rendell", "Rendell"}


@pytest.mark.parametrize(
    ("credit", "expected"),
    [
        ("Priya Castellano/Getty Images", {"Priya Castellano"}),
        ("Photo: Lukas Brandt/Somesite.com", {"Lukas Brandt"}),
        ("AP Photo/Hana Itoya", {"Hana Itoya"}),
        ("Marta Oyelaran/Getty Images for Harbor Festival", {"Marta Oyelaran"}),
        ("Getty Images", set()),
        ("Courtesy of Northwind Pictures", set()),
    ],
)
def test_people_credits_name_the_photographer_not_the_agency(nlp, credit, expected):
    structure = page(
        "The harbour was quiet on Sunday.",
        images=(Image(caption="The harbour at dawn.", credit=credit),),
    )
    people, mentions = run(structure, nlp)
    assert set(people) == expected
    for m in mentions:
        assert m.field == "credit" and m.field_index == 0
        assert credit[m.start_char : m.end_char] == m.surface


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        (
            "Speaking with former Acme CEO Gregor Lindqvist, she laughed.",
            "Gregor Lindqvist",
            "former Acme CEO",
        ),
        ("Screenwriter Amara Okafor also took aim at the plan.", "Amara Okafor", "Screenwriter"),
        ("As explained by tech writer Ilse Marchetti, the tool is slow.", "Ilse Marchetti", "tech writer"),
    ],
)
def test_people_roles_kept_out_of_the_name(nlp, sentence, name, role):
    people, mentions = run(page(sentence), nlp)
    assert set(people) == {name}
    assert role in people[name].roles
    assert mentions[0].surface == name and mentions[0].role == role


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A show named after its characters, used as a modifier of a role noun.
        ("Former Pinky and Bortle writer Nadia Brookfield blasted the plan.", {"Nadia Brookfield"}),
        # A film title with a determiner.
        ("Hugo Ferrante loved it. Move over, The Harpist. The new film is here.", {"Hugo Ferrante"}),
        # A product introduced by its category noun.
        ("Hugo Ferrante tested the video tool Lumenta last week.", {"Hugo Ferrante"}),
        # A headline fragment in title case.
        ("Hugo Ferrante spoke on Friday.", {"Hugo Ferrante"}),
    ],
)
def test_people_titles_and_products_containing_names_are_not_people(nlp, text, expected):
    structure = page(text, title="Hugo Ferrante Says Bakers Will Be Able to Reopen Soon")
    people, _ = run(structure, nlp)
    assert set(people) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Lena Marsh spoke to the Writers Guild and to Brightline Media on Tuesday.",
        "Lena Marsh joined Corvel Inc. after leaving the Teamsters Union.",
    ],
)
def test_people_organisations_are_not_people(nlp, text):
    people, _ = run(page(text), nlp)
    assert set(people) == {"Lena Marsh"}


@pytest.mark.parametrize("handle", ["Jorah Pike", "jorah-pike-av"])
def test_people_reader_handles_are_not_people(nlp, handle):
    structure = page(
        "Lena Marsh spoke on Tuesday.",
        comments=((handle, "Great piece."), ("tamsin-vale-av", "I agree with Jorah Pike on this one.")),
    )
    people, _ = run(structure, nlp)
    assert set(people) == {"Lena Marsh"}


@pytest.mark.parametrize(
    ("comment", "surface"),
    [
        ("This reminds me of what Octavia Brennan said last year.", "Octavia Brennan"),
        ("Honestly the best part was when it starred Octavia Brennan and she was great.", "Octavia Brennan"),
    ],
)
def test_people_comment_only_person(nlp, comment, surface):
    structure = page("Lena Marsh spoke on Tuesday.", comments=(("reader-one", comment),))
    people, mentions = run(structure, nlp)
    assert "Octavia Brennan" in people
    (m,) = [m for m in mentions if m.name == "Octavia Brennan"]
    assert m.field == "comment" and m.comment_position == 1
    assert comment[m.start_char : m.end_char] == surface


def test_people_known_names_matched_in_comments_in_any_case(nlp):
    structure = page(
        "Dolores Fenwick opened the bakery in 1998.",
        comments=(("reader-one", "honestly dolores fenwick is a genius"), ("reader-two", "Fenwick rules.")),
    )
    people, mentions = run(structure, nlp)
    assert set(people) == {"Dolores Fenwick"}
    in_comments = {(m.comment_position, m.surface) for m in mentions if m.field == "comment"}
    assert in_comments == {(1, "dolores fenwick"), (2, "Fenwick")}


@pytest.mark.parametrize(
    "comment",
    [
        "Go home, Pemberton, nobody asked.",  # a bare word with no full name on the page
        "It is the new Crypto, a big arrow for people to dump money into.",
        "Wasn't that kind of the premise of Drunken Story? That story was better.",  # title of common words
        "I don't think Joe and John Doe are going to cry about it.",  # placeholder name
    ],
)
def test_people_comment_noise_is_not_people(nlp, comment):
    structure = page("Lena Marsh spoke on Tuesday.", comments=(("reader-one", comment),))
    people, _ = run(structure, nlp)
    assert set(people) == {"Lena Marsh"}


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (
            (
                "Ruth Calloway opened the bakery in 1990.",
                "Calloway said the first years were hard.",
                "In 2005 her brother Simon Calloway joined the business.",
                "Calloway said he loved the early mornings.",
            ),
            ["Ruth Calloway", "Ruth Calloway", "Simon Calloway", "Simon Calloway"],
        ),
    ],
)
def test_people_two_people_sharing_a_surname(nlp, paragraphs, expected):
    people, mentions = run(page(*paragraphs), nlp)
    assert set(people) == {"Ruth Calloway", "Simon Calloway"}
    assert [m.name for m in sorted(mentions, key=lambda m: m.start_char)] == expected


@pytest.mark.parametrize(("nickname"), ["Big Kowal", "Big Kowalc"])
def test_people_nickname_is_an_alias(nlp, nickname):
    structure = page(
        "Desmond Kowalczyk scored twice on Saturday.",
        f"What really impressed the crowd was how calm {nickname} looked afterwards.",
    )
    people, _ = run(structure, nlp)
    assert set(people) == {"Desmond Kowalczyk"}
    assert nickname in people["Desmond Kowalczyk"].aliases


def test_people_offsets_point_into_the_joined_body(nlp):
    structure = page("Nothing happened here.", "Then Dolores Fenwick arrived.", "Fenwick left.")
    _, mentions = run(structure, nlp)
    assert [structure.body[m.start_char : m.end_char] for m in mentions] == ["Dolores Fenwick", "Fenwick"]
    assert all(m.field == "body" for m in mentions)


def test_people_full_name_mislabelled_by_ner_is_recovered_from_its_surname(nlp):
    # NER calls the full name an organisation here, and only the surname a person.
    structure = page(
        "The council heard from Anselm Varga on Monday.", "Mr. Varga, 52, said the bridge was unsafe."
    )
    people, mentions = run(structure, nlp)
    assert set(people) == {"Anselm Varga"}
    assert [m.surface for m in mentions] == ["Anselm Varga", "Varga"]
    assert mentions[1].role == "Mr."


@pytest.mark.parametrize("text", ["Mr. Varga, 52, said the bridge was unsafe."])
def test_people_bare_surname_without_full_name_keeps_its_title(nlp, text):
    # named only by title and surname: that is the name the text gives (the surname alone is an alias)
    people, _ = run(page(text), nlp)
    assert set(people) == {"Mr. Varga"}
    assert people["Mr. Varga"].roles == ("Mr.",)
    assert people["Mr. Varga"].aliases == ("Varga",)


def test_people_title_and_surname_only_speaker_is_named_with_the_title(nlp):
    s = page(
        "A librarian called Mrs Okonedo stamped the card and said, \u201cCome back next week.\u201d",
        "Mrs Okonedo retired in 2009.",
    )
    people, mentions = run(s, nlp)
    assert set(people) == {"Mrs Okonedo"}
    from aidebate_etl.extract.claims import extract_claims

    (claim,) = extract_claims(s, tuple(people.values()), mentions)
    assert (claim.speaker_name, claim.text) == ("Mrs Okonedo", "Come back next week.")


@pytest.mark.parametrize(
    "text",
    [
        "Members will meet at the Hollin Inn, Brackley Lane, on Friday.",
        "The road between Porthowan and St Merrin stays closed, Kestle Highways said.",
        "The operator, Daneford Coaches, said it was sorry.",
        "The scheme by developer Ashcombe Urban, which will build 84 flats, was approved.",
        "The show opened with the exhibition Tin Harbour at the gallery.",
        "Ten years ago she founded Pellow Iron Works with a borrowed lorry and two welders.",
        "Kelsby Public Schools said all clubs were cancelled, and Kelsby High stayed shut.",
        "The smoke drifted over Tamblyn Heights until nightfall, residents of Tamblyn Heights said.",
        "Carrow Foods will shut the plant. On Monday Carrow said the decision was final.",
        "She died at her home on Penhallow Road. She was 91.",
        "The fire worried residents of Tamblyn Grove, who were told to stay indoors.",
    ],
)
def test_people_places_and_organisations_named_like_people_are_not_people(nlp, text):
    people, _ = run(page(text), nlp)
    assert set(people) == set()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Her neighbour, Gwyneth Trevanion, who runs a surf shop, said trade was down.", "Gwyneth Trevanion"),
        ("She is survived by her husband, Rob Sillitoe, 70, and two grandchildren.", "Rob Sillitoe"),
    ],
)
def test_people_context_only_a_person_has_confirms_a_name(nlp, text, name):
    people, _ = run(page(text), nlp)
    assert name in people


def test_people_name_inside_a_longer_title_is_not_a_person(nlp):
    text = "“I showed Marta Quillon Comes Home in that room to sixty people,” the owner said."
    people, _ = run(page(text), nlp)
    assert "Marta Quillon" not in people


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Anwen Probert, Business Reporter", ["Anwen Probert"]),
        ("(Reporting by Tomos Wielgosz; Editing by Alys Crewdson)", ["Tomos Wielgosz", "Alys Crewdson"]),
        ("By Joel Abernethy | June 12, 2024", ["Joel Abernethy"]),
        ("By Staff Reporter", []),
        ("By Jane Roe and Kim Lee, Staff Writers", ["Jane Roe", "Kim Lee"]),
        ("By Jane Roe, Kim Lee and Sam Poe", ["Jane Roe", "Kim Lee", "Sam Poe"]),
        ("By Jane Roe, Washington Desk", ["Jane Roe"]),
        ("By Acme's Jane Roe in Paris", ["Jane Roe"]),
        ("BY JANE ROE", ["JANE ROE"]),
        ("Words: Ana de la Cruz", ["Ana de la Cruz"]),
        (
            "(Reporting by Jane Roe in Lisbon and Kim Lee; Editing by Sam Poe)",
            ["Jane Roe", "Kim Lee", "Sam Poe"],
        ),
        ("By Reuters Staff", []),
        ("By Our Foreign Staff", []),
        ("By Telegraph Reporters", []),
        ("By The Associated Press", []),
    ],
)
def test_people_byline_names(line, names):
    assert [line[s:e] for s, e in byline_names(line)] == names


@pytest.mark.parametrize(
    ("bylines", "expected"),
    [
        (("By Maren Ostby, Staff Writer",), {"Maren Ostby": ("Maren Ostby", 0)}),
        (
            ("By Maren Ostby", "(Reporting by Maren Ostby; Editing by Tevita Fifita)"),
            {"Maren Ostby": ("Maren Ostby", 0), "Tevita Fifita": ("Tevita Fifita", 1)},
        ),
        (("BY MAREN OSTBY",), {"Maren Ostby": ("MAREN OSTBY", 0)}),
        # A bare name line: accepted when its last word is no ordinary word or NER calls it a person.
        (("Maren Ostby-Vik",), {"Maren Ostby-Vik": ("Maren Ostby-Vik", 0)}),
        (("Key Points",), {}),
        (("Live Updates",), {}),
        # ... or when its first word is no ordinary word (a given name; a label opens on a dictionary word)
        (("Rhodri Mercy",), {"Rhodri Mercy": ("Rhodri Mercy", 0)}),
        (("Breaking News",), {}),
        (("Exclusive Analysis",), {}),
    ],
)
def test_people_byline_authors_are_people_with_byline_mentions(nlp, bylines, expected):
    structure = page("The harbour was quiet on Sunday.", bylines=bylines)
    people, mentions = run(structure, nlp)
    assert set(people) == set(expected)
    first = {}
    for m in mentions:
        assert m.field == "byline"
        assert field_text(structure, m)[m.start_char : m.end_char] == m.surface
        first.setdefault(m.name, (m.surface, m.field_index))
    assert first == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Maelle Corvin of the Tidewater Rivers Trust described the fine as small.", "Maelle Corvin"),
        ("Ioan Prys, of the Glaslyn Anglers Association, called it a disgrace.", "Ioan Prys"),
    ],
)
def test_people_name_of_an_organisation_is_a_person(nlp, text, name):
    people, _ = run(page(text), nlp)
    assert set(people) == {name}


def test_people_comment_only_name_with_a_stated_age(nlp):
    structure = page(
        "Lena Marsh spoke on Tuesday.",
        comments=(
            ("reader-one", "Wren out. Bring back Osric Pellow."),
            ("reader-two", "Osric Pellow is 81, mate."),
        ),
    )
    people, mentions = run(structure, nlp)
    assert set(people) == {"Lena Marsh", "Osric Pellow"}
    assert sorted(m.comment_position for m in mentions if m.name == "Osric Pellow") == [1, 2]


@pytest.mark.parametrize(
    ("open_", "close"),
    [('"', '"'), ("\u201c", "\u201d"), ("\u2018", "\u2019")],
)
def test_people_quoted_nickname_is_an_alias_not_part_of_the_name(nlp, open_, close):
    structure = page(
        f"She worked with the engineer Torquil {open_}Tock{close} Gillanders for a decade.",
        "Gillanders later said she never missed a tide.",
    )
    people, mentions = run(structure, nlp)
    assert set(people) == {"Torquil Gillanders"}
    person = people["Torquil Gillanders"]
    assert person.aliases == (f"Torquil {open_}Tock{close} Gillanders", "Gillanders", "Tock")
    assert person.roles == ("engineer",)
    assert [m.surface for m in mentions] == [f"Torquil {open_}Tock{close} Gillanders", "Gillanders"]


PAGES = Path(__file__).resolve().parents[1] / "parse" / "pages"


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        (
            "headline_byline_timestamp",
            {
                "Oona Vasquez-Ferreira": (),
                "Kit Halloran": (),
                "Maximilian von Ruckteschell": (),
                "Ana de la Fuente": ("de la Fuente",),
                "Joost van Bemmel": (),
                "Siobhán O'Dwyer": ("O'Dwyer",),
            },
        ),
        (
            # Agency-only credits name no one; the photographer and the person in the caption are people.
            "gallery_agency_credits",
            {"Éloïse Garnier": (), "Léa Rousseau-Marchand": ("Rousseau-Marchand",)},
        ),
        (
            # "By Reuters Staff" names no one; initials stay in the name; "Brooke Logistics" is no person.
            "wire_initials_company",
            {
                "Dmitri Vasiliev-Brandt": (),
                "Carys ap Rhys": (),
                "J.K. Adeyemi": ("Adeyemi",),
                "Harlan Brooke": ("Brooke",),
                "R. T. Okonkwo": (),
            },
        ),
        (
            "comments_allcaps_names",
            {
                "Priya Nair-Holloway": ("Nair-Holloway", "PRIYA NAIR-HOLLOWAY"),
                "Tobiah Quarrie": ("QUARRIE",),
                "Wenonah Fairclough": (),
            },
        ),
        (
            "bare_byline_accents",
            {
                "Tomasz Wójcik-Ruiz": (),
                "Zoë Ångström": (),
                "Émile Durand-Lefèvre": ("Durand-Lefèvre",),
                "Łukasz Żmuda": (),
            },
        ),
        ("masthead_page_title_promo", {"Hettie Lambourne-Scott": (), "Gideon Sparrowhawk": ("Sparrowhawk",)}),
    ],
)
def test_people_on_new_layouts_and_name_shapes(nlp, stem, expected):
    structure = parse_page((PAGES / f"{stem}.txt").read_text(encoding="utf-8"))
    people, mentions = run(structure, nlp)
    assert {name: p.aliases for name, p in people.items()} == expected
    for m in mentions:
        assert field_text(structure, m)[m.start_char : m.end_char] == m.surface


def test_people_byline_mentions_carry_the_byline_index(nlp):
    structure = parse_page((PAGES / "headline_byline_timestamp.txt").read_text(encoding="utf-8"))
    _, mentions = run(structure, nlp)
    in_bylines = [(m.surface, m.field_index) for m in mentions if m.field == "byline"]
    assert in_bylines == [
        ("Oona Vasquez-Ferreira", 0),
        ("Kit Halloran", 0),
        ("Oona Vasquez-Ferreira", 1),
        ("Kit Halloran", 1),
        ("Maximilian von Ruckteschell", 1),
    ]


@pytest.mark.parametrize(
    ("paragraphs", "name"),
    [
        # A capitalised job title taken in whole into the name.
        (("Chief Operating Officer Marit Solberg said the plant would reopen.",), "Marit Solberg"),
        (("Detective Sergeant Owain Pritchard said the van was found on Friday.",), "Owain Pritchard"),
        # Letters after the name.
        (
            (
                "Margaret Ellery KC, prosecuting, told the court that the lease had lapsed.",
                "Ms Ellery said the tenant had paid nothing since May.",
            ),
            "Margaret Ellery",
        ),
        # A contraction typed without its apostrophe before a name.
        (("Im Solveig Dunne, and I ran the kiosk on the pier for twenty years.",), "Solveig Dunne"),
        # Clergy titles.
        (
            ("The Venerable Archdeacon Wilfrida Oakenshaw blessed the new bells on Sunday.",),
            "Wilfrida Oakenshaw",
        ),
        (("At the vigil, the Rev Canon Elspeth Marrable read the names aloud.",), "Elspeth Marrable"),
    ],
)
def test_people_titles_letters_and_contractions_stay_out_of_the_name(nlp, paragraphs, name):
    people, _ = run(page(*paragraphs), nlp)
    assert set(people) == {name}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Zuleika, a sophomore, said the library was quieter.", "Zuleika"),
        ("The loudest cheer came from Tavish, 16, a junior on the team.", "Tavish"),
    ],
)
def test_people_first_name_only_introduced_by_age_or_school_year(nlp, text, name):
    people, _ = run(page(text), nlp)
    assert set(people) == {name}


def test_people_family_with_double_barrelled_surname_stays_apart(nlp):
    text = (
        "Her son, Owain Trelawny, said she loved the sea. Her daughter, Bryony Trelawny-Pask, "
        "said she never missed a regatta."
    )
    people, _ = run(page(text), nlp)
    assert set(people) == {"Owain Trelawny", "Bryony Trelawny-Pask"}


def test_people_nickname_with_surname_is_the_same_person(nlp):
    s = page(
        "Nessa Trelawny, a retired ferry pilot, died on Sunday. She was 88.",
        title="Agnes \u201cNessa\u201d Trelawny",
    )
    people, _ = run(s, nlp)
    assert set(people) == {"Agnes Trelawny"}
    assert set(people["Agnes Trelawny"].aliases) >= {"Nessa Trelawny", "Nessa"}


@pytest.mark.parametrize(
    "paragraphs",
    [
        # NER calls it an organisation somewhere: a verb of speech is no evidence of a person then.
        (
            "Engineers across the county stopped work after talks between their union and "
            "Pellow Water broke down.",
            "Pellow Water said its offer was fair and would not be improved.",
        ),
        # A transport operator's name ends on a network word, as a firm's ends on "Ltd".
        (
            "Engineers across the county stopped work after talks between their union and "
            "Corran Metro broke down.",
            "Corran Metro said its offer was fair and would not be improved.",
        ),
        # A management company carrying a role noun in its name ("Artist") is no person "Management".
        (
            "The singer is suing his cousin and the firm Orrell Artist Management for breach of contract.",
            "Orrell Artist Management said in a statement that it would defend the claim.",
        ),
    ],
)
def test_people_organisations_that_speak_are_not_people(nlp, paragraphs):
    people, _ = run(page(*paragraphs), nlp)
    assert people == {}


def test_people_post_nominal_letters_show_a_person(nlp):
    s = page(
        "Opening the case for the tenant, Clemency Hart KC told the tribunal that the rent was paid on time.",
        "\u201cMy client was patient,\u201d Ms Hart said.",
    )
    people, _ = run(s, nlp)
    assert set(people) == {"Clemency Hart"}
    assert "Hart" in people["Clemency Hart"].aliases


def test_people_sentence_opening_word_before_a_known_name_in_a_comment(nlp):
    s = page(
        "Retired nurse Winifred Oakes said she lost her savings to the scam.",
        comments=(("kestrel_77", "Glad Winifred got her money back. Lots of people will not."),),
    )
    people, _ = run(s, nlp)
    assert set(people) == {"Winifred Oakes"}


def test_people_relative_clause_after_an_affiliation_is_about_the_person(nlp):
    s = page(
        "Security researcher Ines Varro-Mendel of Copperfield Labs, who said she had seen the stolen data "
        "on Monday, said the card details could still be used in phishing emails."
    )
    people, _ = run(s, nlp)
    assert set(people) == {"Ines Varro-Mendel"}


def test_people_bare_word_heading_an_organisation_name_is_not_a_person(nlp):
    # "Selvane" alone is the short form of the company NER names in full earlier on the page
    people, _ = run(
        page(
            "The regulator fined Selvane Minerals on Tuesday.",
            "Selvane said in a statement that it would appeal.",
        ),
        nlp,
    )
    assert people == {}


def test_people_headline_short_form_of_an_organisation_is_not_a_person():
    from aidebate_etl.extract.people import _heads_org_in_body, _segments

    segs = _segments(
        page(
            "Kessing Freight Group said on Tuesday it would cut 800 jobs.",
            title="Kessing Freight to cut jobs",
        )
    )
    assert _heads_org_in_body("Kessing Freight", segs)
    segs = _segments(page("Kessing Freight Group said so.", "Jo Kessing Freight said so too."))
    assert not _heads_org_in_body("Kessing Freight", segs)


def test_people_author_of_a_work_before_which_is_a_person(nlp):
    # "which" is the documentary, not the name right before it
    people, _ = run(
        page("The slot goes to the new documentary by Ottilie Marchetti, which was due to open on Friday."),
        nlp,
    )
    assert "Ottilie Marchetti" in people


def test_people_bare_role_of_an_organisation_in_apposition_shows_a_person(nlp):
    people, _ = run(
        page("Halvard Brisk, chair of the Eastmoor Residents Association, was not convinced."), nlp
    )
    assert "Halvard Brisk" in people


def test_people_full_name_tagged_an_organisation_whose_surname_has_a_human_context(nlp):
    # NER calls the full name an organisation; "Surname, who …" later shows only a human carries it
    people, _ = run(
        page(
            "Olu Brackley-Nyambe scored twice in the final ten minutes as Harbury Town came from behind.",
            "The equaliser came from Brackley-Nyambe, who had been out injured since May.",
        ),
        nlp,
    )
    assert set(people) == {"Olu Brackley-Nyambe"}


def test_people_role_word_before_an_organisation_shaped_name_is_no_evidence(nlp):
    # "host" is the verb here: the capitalised run ending on a club word is the opponent, not a person
    people, _ = run(
        page("Harbury travel to Dunmere on Tuesday, while their rivals host Kelbrook United."), nlp
    )
    assert people == {}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # counsel introduced by their side of the case (NER calls the name an organisation)
        ("Keeva Ronsholt, defending, said her client had run up debts.", "Keeva Ronsholt"),
        # a role noun in apposition before a name that closes the sentence (NER sees two places)
        (
            "Schools were fitted with alarms paid for by the police and crime commissioner, Piran Treloweth.",
            "Piran Treloweth",
        ),
    ],
)
def test_people_counsel_and_a_closing_role_appositive_show_a_person(nlp, text, name):
    people, _ = run(page(text), nlp)
    assert set(people) == {name}


def test_people_outlet_brand_before_the_photographer_in_a_credit(nlp):
    # "Live" ends a news outlet's brand: the photographer is the other part of the credit
    s = page(
        "The pier reopened on Saturday.",
        images=(Image(caption="The pier at dusk.", credit="Brackwater Live / Tamsin Overgaard"),),
    )
    people, _ = run(s, nlp)
    assert set(people) == {"Tamsin Overgaard"}


def test_people_district_named_with_end_is_a_place(nlp):
    from aidebate_etl.extract.people import _name_kind

    # "End" closes a district's name: a place, kept as a person only with a person's context
    assert _name_kind(("Kiln", "End")) == "place"
    s = page("\u201cFamilies in Harwick and Kiln End cannot drive to the new pool,\u201d said Ros Delaney.")
    people, _ = run(s, nlp)
    assert set(people) == {"Ros Delaney"}


def test_people_name_ner_cut_at_a_particle_is_completed(nlp):
    # NER stops at "van den"; the surname after the particle belongs to the name
    s = page("Theodora van den Broek, the European Commission president, said talks would continue.")
    people, _ = run(s, nlp)
    assert set(people) == {"Theodora van den Broek"}


def test_people_particle_surname_opening_a_sentence_is_the_same_person(nlp):
    # "Von der Ahe" at a sentence start is the surname of "Liesbeth von der Ahe", no new person "Von"
    s = page(
        "Liesbeth von der Ahe, the agency's director, said talks would continue.",
        "Von der Ahe said the agency was ready.",
    )
    people, mentions = run(s, nlp)
    assert set(people) == {"Liesbeth von der Ahe"}
    assert [m.surface for m in mentions] == ["Liesbeth von der Ahe", "Von der Ahe"]


@pytest.mark.parametrize(
    "text", ["King Street station was closed on Monday.", "Passengers at Queen Street waited."]
)
def test_people_title_word_opening_a_street_name_is_no_person(nlp, text):
    people, _ = run(page(text), nlp)
    assert people == {}


def test_people_stacked_titles_alone_are_no_person(nlp):
    # NER takes "The Rev Dr" apart from the name: once the titles are stripped nothing is left
    people, _ = run(page("The Rev Dr Martin Hollis led the service."), nlp)
    assert set(people) == {"Martin Hollis"}


def test_people_thing_noun_closing_the_previous_sentence_does_not_make_a_name_a_title(nlp):
    # "platform" (a thing noun) ends the sentence before the name: it modifies nothing after the full stop
    s = page("Her son rang her from the station platform. Tilda Marrick recalls that the train never came.")
    people, _ = run(s, nlp)
    assert set(people) == {"Tilda Marrick"}


@pytest.mark.parametrize(
    "text",
    [
        '"We were let down," said Cato Wrenfield-Ames, the union\'s general secretary.',
        '"We were let down," said Cato Wrenfield-Ames, its general secretary.',
    ],
)
def test_people_a_role_appositive_naming_its_body_in_the_possessive_is_human_evidence(nlp, text):
    # NER calls the double-barrelled name an organisation; the role after it ("the union's general
    # secretary") is held by a person only
    people, _ = run(page(text), nlp)
    assert "Cato Wrenfield-Ames" in people


def test_people_a_name_continued_by_she_in_the_next_sentence_is_a_person(nlp):
    # NER calls the name an organisation; "Surname is … . She …" can only continue a human subject
    people, _ = run(
        page(
            "Inside the shed, Cato Wrenfield-Ames is already at the bench, sorting the cullet by colour.",
            "Wrenfield-Ames is wary of praise. She says the work is slow and the money is worse.",
        ),
        nlp,
    )
    assert "Cato Wrenfield-Ames" in people


def test_people_a_credit_naming_what_the_text_calls_an_organisation_is_no_person(nlp):
    structure = page(
        "Skyrill Air, founded in the city 22 years ago, called in administrators on Tuesday.",
        "Skyrill Air passengers queued for hours at the airport.",
        images=(Image(caption="The departures board at Kelby airport.", credit="Handout / Skyrill Air"),),
    )
    people, _ = run(structure, nlp)
    assert "Skyrill Air" not in people
