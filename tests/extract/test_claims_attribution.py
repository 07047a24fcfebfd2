"""Speaker attribution on invented passages (every name, place and event is fiction): gender evidence,
subjects introduced just before a quote, coordinated reporting verbs, organisations named in short."""

from __future__ import annotations

from claims_support import claims_of


def _claims(paragraphs: tuple[str, ...], names: tuple[str, ...]) -> list[tuple[str, str | None, str]]:
    return [(c.kind, c.speaker_name, c.text) for c in claims_of(paragraphs, names)]


def test_a_possessor_is_no_evidence_of_the_next_sentence_pronoun():
    # "Ambery's complaint … he said" is the striker speaking, which says nothing about Ambery's gender
    got = _claims(
        (
            "Home manager Colm Fairley said the pitch had cut up badly.",
            "Visiting coach Ruth Ambery was in no mood to talk. "
            "She claimed that the winner had been offside.",
            'Asked about Ambery\'s complaint, the striker laughed. "Sour grapes," he said.',
        ),
        ("Colm Fairley", "Ruth Ambery"),
    )
    assert ("indirect", "Ruth Ambery", "the winner had been offside.") in got
    assert not any(speaker == "Ruth Ambery" and text == "Sour grapes," for _k, speaker, text in got)
