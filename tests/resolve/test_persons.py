"""Cross-page person resolution: one id per person, conservative with namesakes."""

from __future__ import annotations

import itertools

import pytest

from aidebate_etl import ids
from aidebate_etl.records import PageExtraction, PagePerson, PageResult, SourceRecord
from aidebate_etl.resolve import resolve_people


def _page(article: str, *people: PagePerson) -> PageResult:
    return PageResult(
        SourceRecord(f"{article}.txt", article, 1, "loaded"),
        article_id=article,
        extraction=PageExtraction(people=people),
    )


def _ids(person_of: dict[tuple[str, str], str], *keys: tuple[str, str]) -> set[str]:
    return {person_of[k] for k in keys}


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))))
def test_persons_surname_joins_the_only_full_name(order: tuple[int, ...]) -> None:
    pages = [
        _page("art_a", PagePerson("Marta Ilves", ("Ilves",), ("city engineer",))),
        _page("art_b", PagePerson("Ilves")),
        _page("art_c", PagePerson("Ilves", (), ("engineer",)), PagePerson("Tomas Rebane")),
    ]
    people, person_of = resolve_people([pages[i] for i in order])
    assert [p.name for p in people] == ["Marta Ilves", "Tomas Rebane"]
    assert _ids(person_of, ("art_a", "Marta Ilves"), ("art_b", "Ilves"), ("art_c", "Ilves")) == {
        ids.person_id("Marta Ilves")
    }
    marta = people[0]
    assert marta.aliases == ("Ilves",)
    assert marta.roles == ("city engineer", "engineer")


@pytest.mark.parametrize("reverse", [False, True])
def test_persons_output_does_not_depend_on_page_order(reverse: bool) -> None:
    pages = [
        _page("art_1", PagePerson("Odile Ferrant", ("Ferrant", "Mme Ferrant"))),
        _page("art_2", PagePerson("odile ferrant"), PagePerson("Ferrant")),
        _page("art_3", PagePerson("Ferrant", (), ("novelist",))),
    ]
    expected = resolve_people(pages)
    got = resolve_people(list(reversed(pages)) if reverse else pages)
    assert got == expected
    assert len(got[0]) == 1
    assert got[0][0].name == "Odile Ferrant"


@pytest.mark.parametrize(
    ("bare", "expected_owner"),
    [
        # No evidence to choose between the two namesakes: the surname stays a person of its own.
        (PagePerson("Okafor"), "Okafor"),
        # A role shared with exactly one namesake decides.
        (PagePerson("Okafor", (), ("goalkeeper",)), "Chidi Okafor"),
        (PagePerson("Okafor", (), ("the senator",)), "Ngozi Okafor"),
        # An alias shared with one of them decides too.
        (PagePerson("Okafor", ("Senator Okafor",)), "Ngozi Okafor"),
    ],
)
def test_persons_shared_surname_is_not_merged_blindly(bare: PagePerson, expected_owner: str) -> None:
    pages = [
        _page("art_x", PagePerson("Chidi Okafor", ("Okafor",), ("reserve goalkeeper",))),
        _page("art_y", PagePerson("Ngozi Okafor", ("Okafor", "Senator Okafor"), ("senator",))),
        _page("art_z", bare),
    ]
    people, person_of = resolve_people(pages)
    assert person_of[("art_z", "Okafor")] == ids.person_id(expected_owner)
    assert person_of[("art_x", "Chidi Okafor")] != person_of[("art_y", "Ngozi Okafor")]
    assert len(people) == (3 if expected_owner == "Okafor" else 2)


@pytest.mark.parametrize(
    ("first", "second"),
    [("Alma Quist", "Alba Quist"), ("William Denholm", "Bill Denholm"), ("J Halloran", "Joan Halloran")],
)
def test_persons_different_first_names_stay_apart(first: str, second: str) -> None:
    people, person_of = resolve_people(
        [_page("art_1", PagePerson(first)), _page("art_2", PagePerson(second))]
    )
    assert len(people) == 2
    assert person_of[("art_1", first)] != person_of[("art_2", second)]


@pytest.mark.parametrize(
    ("names", "n_people"),
    [
        (["Rosa Lindqvist", "Rosa M. Lindqvist"], 1),
        (["Rosa Lindqvist", "Rosa M. Lindqvist", "Rosa Maria Lindqvist"], 1),
        # Two middle names that contradict each other: nobody is merged, the bare form could be either.
        (["Rosa Lindqvist", "Rosa M. Lindqvist", "Rosa K. Lindqvist"], 3),
    ],
)
def test_persons_middle_names_merge_only_when_consistent(names: list[str], n_people: int) -> None:
    pages = [_page(f"art_{i}", PagePerson(n)) for i, n in enumerate(names)]
    people, _ = resolve_people(pages)
    assert len(people) == n_people
    if n_people == 1:
        assert people[0].name == max(names, key=lambda n: (len(n.split()), -len(n)))


@pytest.mark.parametrize(
    ("a", "b", "canonical"),
    [
        ("José Núñez", "JOSE NUNEZ", "José Núñez"),
        ("Dr. Imani Wekesa", "Imani Wekesa", "Imani Wekesa"),
        ("Ray Tolliver Jr.", "Ray Tolliver", "Ray Tolliver"),
        ("Lena van Dijkhuis", "van Dijkhuis", "Lena van Dijkhuis"),
    ],
)
def test_persons_spelling_variants_share_one_id(a: str, b: str, canonical: str) -> None:
    people, person_of = resolve_people([_page("art_1", PagePerson(a)), _page("art_2", PagePerson(b))])
    assert [p.name for p in people] == [canonical]
    assert person_of[("art_1", a)] == person_of[("art_2", b)] == ids.person_id(canonical)


@pytest.mark.parametrize("skip_article", [True])
def test_persons_pages_without_article_id_are_ignored(skip_article: bool) -> None:
    rejected = PageResult(
        SourceRecord("bad.txt", None, None, "rejected"),
        extraction=PageExtraction(people=(PagePerson("Nadia Brook"),)),
    )
    people, person_of = resolve_people([rejected, _page("art_1", PagePerson("Kofi Mensah"))])
    assert [p.name for p in people] == ["Kofi Mensah"]
    assert list(person_of) == [("art_1", "Kofi Mensah")]
