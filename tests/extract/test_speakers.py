"""Speaker references: what counts as a subject, how pronouns, epithets and organisations resolve."""

from __future__ import annotations

import pytest

from aidebate_etl.extract.quotes import find_quotes, split_sentences
from aidebate_etl.extract.speakers import Salience, SpeakerIndex, infer_genders, speaker_before_verb
from aidebate_etl.records import Mention, PagePerson


def _index(text: str, names: tuple[str, ...]) -> SpeakerIndex:
    return SpeakerIndex(text, [PagePerson(n) for n in names], [], find_quotes(text))


@pytest.mark.parametrize(
    ("sentence", "names", "subjects"),
    [
        (
            "Speaking with former CEO Lars Holm at a dinner, Ines Vidal praised the plan.",
            ("Lars Holm", "Ines Vidal"),
            ["Ines Vidal"],
        ),
        ("Ines Vidal, whose company builds ferries, is worried.", ("Ines Vidal",), ["Ines Vidal"]),
        ("Vidal's remarks drew criticism from Holm.", ("Lars Holm", "Ines Vidal"), []),
        ("Author Ines Vidal, 61, who wrote the report, spoke first.", ("Ines Vidal",), ["Ines Vidal"]),
        ("Ines Vidal of the Harbour Trust described the fine as small.", ("Ines Vidal",), ["Ines Vidal"]),
    ],
)
def test_speakers_subject_like(sentence: str, names: tuple[str, ...], subjects: list[str]) -> None:
    index = _index(sentence, names)
    assert [r.surface for r in index.refs if r.kind == "name" and index.is_subject_like(r, 0)] == subjects


@pytest.mark.parametrize(
    ("text", "verb", "surface"),
    [
        ("Chief executive Ines Vidal, who attended the hearing, said", "said", "Ines Vidal"),
        ("The operator, Fenwick Coaches, says", "says", "Fenwick Coaches"),
        ("Ines Vidal, 44, boss of Harbour Lines, said", "said", "Ines Vidal"),
        ("The inquiry was led by the Water Board, which said", "said", "Water Board"),
        ("Harbour Lines' statement said", "said", "Harbour Lines"),
        ("A spokesman for the Water Board said", "said", "Water Board"),
        ("Pensioners in Upper Fenwick say", "say", None),
    ],
)
def test_speakers_before_verb(text: str, verb: str, surface: str | None) -> None:
    index = _index(text, ("Ines Vidal",))
    ref, _mode = speaker_before_verb(index, text.rindex(verb), 0)
    assert (ref.surface if ref else None) == surface


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        (
            "Mr Holm spoke. Ines Vidal said she was tired. She left.",
            ("Lars Holm", "Ines Vidal"),
            {"Lars Holm": "m", "Ines Vidal": "f"},
        ),
        ("His colleague Ines Vidal disagreed with him.", ("Ines Vidal",), {}),
        ("Lars Holm, the club's chairman, nodded.", ("Lars Holm",), {"Lars Holm": "m"}),
    ],
)
def test_speakers_genders_from_the_page(text: str, names: tuple[str, ...], expected: dict[str, str]) -> None:
    index = _index(text, names)
    assert infer_genders(index, split_sentences(text, find_quotes(text))) == expected


@pytest.mark.parametrize(
    ("pronoun", "expected"),
    [("he", "Lars Holm"), ("she", "Ines Vidal")],
)
def test_speakers_pronoun_skips_other_gender(pronoun: str, expected: str) -> None:
    text = f"x {pronoun}"
    index = _index(text, ())
    sal = Salience(genders={"Lars Holm": "m", "Ines Vidal": "f"})
    sal.add(0, "Lars Holm", "person", 0) if pronoun == "she" else sal.add(0, "Ines Vidal", "person", 0)
    sal.add(1, expected, "person", 0)
    sal.add(2, "Ines Vidal" if pronoun == "he" else "Lars Holm", "person", 0)
    (ref,) = [r for r in index.refs if r.kind == "pronoun"]
    resolved = sal.resolve(ref, 10)
    assert resolved is not None and resolved.name == expected


@pytest.mark.parametrize(
    ("text", "roles", "expected"),
    [
        # the epithet's role belongs to one person: that person, even if someone else spoke last
        ("x the senator", {"Lars Holm": {"senator"}, "Ines Vidal": {"writer"}}, "Lars Holm"),
        # nobody has the role: the last speaker not described by another kind of role
        ("x the actor", {"Ines Vidal": {"writer"}}, "Lars Holm"),
        # the same kind of role (founder ~ boss) does not exclude
        ("x the founder", {"Ines Vidal": {"boss"}}, "Ines Vidal"),
    ],
)
def test_speakers_epithets(text: str, roles: dict[str, set[str]], expected: str) -> None:
    index = _index(text, ())
    sal = Salience(roles=roles)
    sal.add(0, "Lars Holm", "person", 0, spoke=True)
    sal.add(1, "Ines Vidal", "person", 0, spoke=True)
    (ref,) = [r for r in index.refs if r.kind == "epithet"]
    resolved = sal.resolve(ref, 10)
    assert resolved is not None and resolved.name == expected


@pytest.mark.parametrize(
    ("text", "surface", "name"),
    [
        ("The Rivers Board said so. Later the board said more.", "the board", "Rivers Board"),
        ("The Welsh government said so.", "The Welsh government", "Welsh government"),
    ],
)
def test_speakers_organisation_epithets(text: str, surface: str, name: str) -> None:
    index = _index(text, ())
    sal = Salience()
    for r in index.refs:
        if r.kind == "org" and r.name:
            sal.orgs.append((r.start, r.name))
    (ref,) = [r for r in index.refs if r.surface == surface]
    resolved = sal.resolve(ref, len(text))
    assert resolved is not None and (resolved.name, resolved.speaker_kind) == (name, "organization")


def test_speakers_mentions_give_canonical_names() -> None:
    text = "Holm said so."
    index = SpeakerIndex(text, [PagePerson("Lars Holm")], [Mention("Lars Holm", "Holm", "body", 0, 4)], [])
    assert [(r.surface, r.name) for r in index.refs] == [("Holm", "Lars Holm")]
