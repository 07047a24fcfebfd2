"""A page's claims from its paragraphs and its people, with the body mentions the people step would give."""

from __future__ import annotations

import re

from aidebate_etl.extract.claims import extract_claims
from aidebate_etl.records import Claim, Mention, PagePerson, PageStructure


def claims_of(paragraphs: tuple[str, ...], names: tuple[str, ...] = ()) -> tuple[Claim, ...]:
    """Claims of a page whose people are given by full name; each is mentioned by full name or surname."""
    structure = PageStructure(title="Headline", subtitle=None, paragraphs=paragraphs)
    body = structure.body
    mentions: list[Mention] = []
    for name in names:
        for form in sorted({name, name.split()[-1]}, key=len, reverse=True):
            for m in re.finditer(r"\b" + re.escape(form) + r"\b", body):
                if not any(x.start_char <= m.start() < x.end_char for x in mentions):
                    mentions.append(Mention(name, form, "body", m.start(), m.end()))
    return extract_claims(structure, [PagePerson(n) for n in names], mentions)
