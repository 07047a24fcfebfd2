import pytest

from aidebate_etl import ids


@pytest.mark.parametrize(
    ("a", "b"),
    [("Ashley Young", "ashley young"), ("Young’s", "Young"), ("José Álvarez", "Jose Alvarez")],
)
def test_ids_name_key_folds_surface_differences(a: str, b: str) -> None:
    assert ids.name_key(a) == ids.name_key(b)


def test_ids_person_id_is_stable_and_distinct() -> None:
    assert ids.person_id("Maria Okafor") == ids.person_id("maria okafor")
    assert ids.person_id("Maria Okafor") != ids.person_id("Mario Okafor")


def test_ids_claim_group_id_follows_smallest_member() -> None:
    assert ids.claim_group_id({"clm_b2", "clm_a1"}) == "grp_a1"
