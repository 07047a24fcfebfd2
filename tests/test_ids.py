import pytest

from aidebate_etl import ids


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ashley Young", "ashley young"),
        ("Young’s", "Young"),
        ("José Álvarez", "Jose Alvarez"),
        ("Søren Ødegård", "Soren Odegard"),
        ("Łukasz Żak", "Lukasz Zak"),
        ("Weiß", "Weiss"),
        ("Æsa Đorđević", "Aesa Dordevic"),
    ],
)
def test_ids_name_key_folds_surface_differences(a: str, b: str) -> None:
    assert ids.name_key(a) == ids.name_key(b)


def test_ids_person_id_is_stable_and_distinct() -> None:
    assert ids.person_id("Maria Okafor") == ids.person_id("maria okafor")
    assert ids.person_id("Maria Okafor") != ids.person_id("Mario Okafor")


def test_ids_claim_group_id_follows_smallest_member() -> None:
    assert ids.claim_group_id({"clm_b2", "clm_a1"}) == "grp_a1"


def test_ids_mention_id_depends_on_place_only() -> None:
    a = ids.mention_id("art_1", "comment", 0, 3, 5, 9)
    assert a == ids.mention_id("art_1", "comment", 0, 3, 5, 9)
    assert a != ids.mention_id("art_1", "comment", 0, 4, 5, 9)
    assert a.startswith("men_")


def test_ids_reject_id_tells_identical_rows_apart() -> None:
    first = ids.reject_id("claims", "{}", "claim_id", "unique")
    assert first == ids.reject_id("claims", "{}", "claim_id", "unique", occurrence=0)
    assert first != ids.reject_id("claims", "{}", "claim_id", "unique", occurrence=1)
