"""extract_claims end to end on invented paragraphs: texts, speakers, kinds, offsets."""

from __future__ import annotations

import pytest
from claims_support import claims_of

from aidebate_etl.records import Claim

_claims = claims_of


def _triples(claims: tuple[Claim, ...]) -> list[tuple[str, str | None, str]]:
    return [(c.kind, c.speaker_name, c.text) for c in claims]


@pytest.mark.parametrize(
    ("paragraphs", "names", "expected"),
    [
        (  # wire copy: appositive after the quote, split quote, pronoun continuation
            ('"We will not back down," Maria Olsen, the mayor of Brindle, said on Tuesday. "Not now."',),
            ("Maria Olsen",),
            [("direct", "Maria Olsen", "We will not back down,"), ("direct", "Maria Olsen", "Not now.")],
        ),
        (  # verb before the speaker, and an age appositive
            ('"It is over," said Olsen, 61.',),
            ("Maria Olsen",),
            [("direct", "Maria Olsen", "It is over,")],
        ),
        (  # colon attributions
            ('Maria Olsen said: "We need buses."', 'Olsen: "And drivers."'),
            ("Maria Olsen",),
            [("direct", "Maria Olsen", "We need buses."), ("direct", "Maria Olsen", "And drivers.")],
        ),
        (  # dash attribution
            ("\u201cNobody listens to us\u201d \u2014 Dara Quinn, nurse.",),
            ("Dara Quinn",),
            [("direct", "Dara Quinn", "Nobody listens to us")],
        ),
        (  # speaker inside a split quote
            ('"We will get it done," Quinn told reporters, "and soon."',),
            ("Dara Quinn",),
            [("direct", "Dara Quinn", "We will get it done,"), ("direct", "Dara Quinn", "and soon.")],
        ),
    ],
)
def test_claims_direct_speaker_positions(paragraphs, names, expected) -> None:
    assert _triples(_claims(paragraphs, names)) == expected


@pytest.mark.parametrize(
    ("paragraphs", "names", "expected"),
    [
        (  # pronoun after a narrative sentence, then an unattributed paragraph continues
            (
                "Dara Quinn, 52, has run the ward for years. \u201cIt is exhausting,\u201d she said.",
                "\u201cSome nights we have no beds at all.\u201d",
            ),
            ("Dara Quinn",),
            [
                ("direct", "Dara Quinn", "It is exhausting,"),
                ("direct", "Dara Quinn", "Some nights we have no beds at all."),
            ],
        ),
        (  # "she" skips the man the page calls "he"
            (
                "Tom Reyes said he would vote no. His colleague Ana Pereira disagreed with him.",
                "Mr Reyes left early. \u201cWe have the numbers,\u201d she said.",
            ),
            ("Tom Reyes", "Ana Pereira"),
            [
                ("indirect", "Tom Reyes", "he would vote no."),
                ("direct", "Ana Pereira", "We have the numbers,"),
            ],
        ),
        (  # role epithet: the person the page gave that role, not the last one quoted; a noun
            # subject plus a quote holding the verb is reported speech beside the direct claim
            (
                "Senator Tom Reyes spoke first. Writer Ana Pereira said the bill \u201cwas rushed.\u201d",
                "\u201cWe will fight this,\u201d the senator said.",
            ),
            ("Tom Reyes", "Ana Pereira"),
            [
                ("indirect", "Ana Pereira", "the bill \u201cwas rushed.\u201d"),
                ("direct", "Ana Pereira", "was rushed."),
                ("direct", "Tom Reyes", "We will fight this,"),
            ],
        ),
        (  # epithet resolves to the last speaker when no role is known
            ('Kofi Mensah won the race. "It hurt," Mensah said.', '"I will be back," the athlete added.'),
            ("Kofi Mensah",),
            [("direct", "Kofi Mensah", "It hurt,"), ("direct", "Kofi Mensah", "I will be back,")],
        ),
    ],
)
def test_claims_pronouns_epithets_continuations(paragraphs, names, expected) -> None:
    assert _triples(_claims(paragraphs, names)) == expected


@pytest.mark.parametrize(
    ("paragraphs", "names", "expected"),
    [
        (  # embedded quotes belong to the sentence's subject; two quotes give two claims
            ("The chef admits the menu \u201cneeds work\u201d and \u201cis too long.\u201d",),
            (),
            [],
        ),
        (
            (
                "Lina Torres opened her bistro in May. The chef admits the menu \u201cneeds work\u201d and "
                "\u201cis too long.\u201d",
            ),
            ("Lina Torres",),
            [("direct", "Lina Torres", "needs work"), ("direct", "Lina Torres", "is too long.")],
        ),
        (  # a subject-less thought verb gives only the direct claim, no indirect one
            ("Torres thinks diners don\u2019t like \u201cfussy plates,\u201d which is fair.",),
            ("Lina Torres",),
            [("direct", "Lina Torres", "fussy plates,")],
        ),
        (  # the speaker is the subject, not a person named later in an object phrase
            ("Speaking with critic Omar Haddad at a festival, Torres called the review \u201cunkind.\u201d",),
            ("Lina Torres", "Omar Haddad"),
            [("direct", "Lina Torres", "unkind.")],
        ),
    ],
)
def test_claims_embedded_quotes(paragraphs, names, expected) -> None:
    assert _triples(_claims(paragraphs, names)) == expected


@pytest.mark.parametrize(
    ("paragraphs", "names", "expected"),
    [
        (("The so-called \u201cmiracle\u201d cure was not approved.",), (), []),
        (("Olsen starred in \u201cThe Long Night\u201d last year.",), ("Maria Olsen",), []),
        (("Fans call the stadium \u201cthe Cauldron\u201d for its noise.",), (), []),
    ],
)
def test_claims_scare_quotes_and_titles_are_not_claims(paragraphs, names, expected) -> None:
    assert _triples(_claims(paragraphs, names)) == expected


@pytest.mark.parametrize(
    ("paragraphs", "names", "expected"),
    [
        (
            ("Hollis Corp. said in a statement that it would appeal the ruling.",),
            (),
            [("indirect", "Hollis Corp.", "it would appeal the ruling.")],
        ),
        (
            (
                "The Transit Workers Union said: \u201cWe are on strike.\u201d",
                "\u201cWe will not return,\u201d the union added.",
            ),
            (),
            [
                ("direct", "Transit Workers Union", "We are on strike."),
                ("direct", "Transit Workers Union", "We will not return,"),
            ],
        ),
        (  # a spokesman speaks for the organisation; a sentence-final attribution without quotes
            (
                "Services will stop at midnight on Friday, the Federation of Rail Staff said.",
                "A spokesman for the Federation of Rail Staff said talks had failed.",
            ),
            (),
            [
                ("indirect", "Federation of Rail Staff", "Services will stop at midnight on Friday"),
                ("indirect", "Federation of Rail Staff", "talks had failed."),
            ],
        ),
    ],
)
def test_claims_organisations(paragraphs, names, expected) -> None:
    claims = _claims(paragraphs, names)
    assert _triples(claims) == expected
    assert {c.speaker_kind for c in claims} <= {"organization"}


def test_claims_unbalanced_quote_keeps_the_rest_of_the_page() -> None:
    claims = _claims(
        (
            '"We were told it would reopen, said Ivo Marsh. Nobody believes them.',
            '"It is a joke," Marsh said.',
        ),
        ("Ivo Marsh",),
    )
    assert ("direct", "Ivo Marsh", "It is a joke,") in _triples(claims)


@pytest.mark.parametrize(
    "paragraphs",
    [
        ("Ama Boateng said: \u201cFirst paragraph of the quote.", "\u201cSecond and last,\u201d she said."),
    ],
)
def test_claims_multi_paragraph_quote_is_one_claim_per_paragraph(paragraphs) -> None:
    claims = _claims(paragraphs, ("Ama Boateng",))
    assert _triples(claims) == [
        ("direct", "Ama Boateng", "First paragraph of the quote."),
        ("direct", "Ama Boateng", "Second and last,"),
    ]


def test_claims_offsets_point_into_the_body() -> None:
    paragraphs = ("Intro line here.", 'Kim Ode argued that prices will rise. "Soon," Ode said.')
    body = "\n\n".join(paragraphs)
    for c in _claims(paragraphs, ("Kim Ode",)):
        assert body[c.start_char : c.end_char] == c.text


def test_claims_fill_cue_and_attribution() -> None:
    (claim,) = _claims(('"Fine," Kim Ode said.',), ("Kim Ode",))
    assert (claim.cue, claim.attribution, claim.speaker_kind) == ("said", "explicit", "person")


@pytest.mark.parametrize(
    ("paragraphs", "names", "expected"),
    [
        (  # a naming verb with its object: the subject labels the object in its own words
            ("The judge, Ruth Amadi, called the delays \u201ca choice made year after year\u201d.",),
            ("Ruth Amadi",),
            [("direct", "Ruth Amadi", "a choice made year after year")],
        ),
        (  # "described X as", with the speaker before an of-phrase naming the body they belong to
            (
                "Ivo Marsh of the Coastal Walkers Trust described the fine as "
                "\u201ca slap on the wrist\u201d.",
            ),
            ("Ivo Marsh",),
            [("direct", "Ivo Marsh", "a slap on the wrist")],
        ),
        (  # a participle phrase shares the clause's subject
            (
                "Ruth Amadi left the hearing early, describing it as "
                "\u201ca farce from start to finish\u201d.",
            ),
            ("Ruth Amadi",),
            [("direct", "Ruth Amadi", "a farce from start to finish")],
        ),
        (  # a naming verb with a capitalised label and nobody named: a nickname, not a claim
            ("Locals dubbed the bridge \u201cThe Wobbly Mile\u201d within a week.",),
            (),
            [],
        ),
        (  # colon after a clause without a speech verb: the subject of the clause right before it
            (
                "Ama Boateng runs the bakery.",
                "When I ask how it began, she goes back further: "
                "\u201cMy mother baked for the whole street.\u201d",
            ),
            ("Ama Boateng",),
            [("direct", "Ama Boateng", "My mother baked for the whole street.")],
        ),
        (  # "and I quote" between the cue and the quote; "it" is the organisation just quoted
            (
                "Harbour Buses said in a letter that the route lost money. It says, and I quote, "
                "\u201cwe cannot run empty buses.\u201d",
            ),
            (),
            [
                ("indirect", "Harbour Buses", "the route lost money."),
                ("direct", "Harbour Buses", "we cannot run empty buses."),
            ],
        ),
        (  # a hyphenated kin epithet refers back to the woman named before
            (
                "Priya Sen founded the firm in 2015.",
                "The mum-of-two, who grew up in Leeds, said long hours had shaped her thinking.",
            ),
            ("Priya Sen",),
            [("indirect", "Priya Sen", "long hours had shaped her thinking.")],
        ),
        (  # after the quote, a role phrase and the name in apposition to it, closed by a comma: the name
            # speaks, not whoever the role word alone would refer back to
            (
                '"The lifeboat crew were heroes," said Nadine Crewe, who watched from the harbour wall.',
                '"We owe them everything," his sister, Orla Penwarden, said.',
                '"The boat will be repaired," the station\'s skipper, Idris Pellow, told reporters.',
            ),
            ("Nadine Crewe", "Orla Penwarden", "Idris Pellow"),
            [
                ("direct", "Nadine Crewe", "The lifeboat crew were heroes,"),
                ("direct", "Orla Penwarden", "We owe them everything,"),
                ("direct", "Idris Pellow", "The boat will be repaired,"),
            ],
        ),
        (  # after the quote, an employer's name qualifies the role before the speaker's name
            (
                '"Nobody builds ferries like these any more," Dunholt chief engineer Wes Obidike told '
                'the inquiry. "We kept them going for forty years."',
                '"The sale was rushed," said Marrick Capital analyst Ines Toller.',
            ),
            ("Wes Obidike", "Ines Toller"),
            [
                ("direct", "Wes Obidike", "Nobody builds ferries like these any more,"),
                ("direct", "Wes Obidike", "We kept them going for forty years."),
                ("direct", "Ines Toller", "The sale was rushed,"),
            ],
        ),
    ],
)
def test_claims_cue_shapes(paragraphs, names, expected) -> None:
    assert _triples(_claims(paragraphs, names)) == expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (  # a name the people extractor did not list is reported as an organisation, never a person
            # without a person id (the claims table requires one for persons)
            ("Harbour Water said in a statement that it had invested heavily.",),
            [("indirect", "Harbour Water", "organization", "it had invested heavily.")],
        ),
        (  # "the company" refers back to the last business acting on the page, skipping a trust
            (
                "Harbour Water has been fined after years of spills.",
                "Kim Ode, chair of the Coastal Walkers Trust, welcomed the ruling.",
                "The company said in a statement that it had \u201clearned hard lessons\u201d and was "
                "spending more.",
            ),
            [
                (
                    "indirect",
                    "Harbour Water",
                    "organization",
                    "it had \u201clearned hard lessons\u201d and was spending more.",
                ),
                ("direct", "Harbour Water", "organization", "learned hard lessons"),
            ],
        ),
        (  # "a spokeswoman for X said": X speaks
            ("A spokeswoman for Harbour Water said repairs would take a year.",),
            [("indirect", "Harbour Water", "organization", "repairs would take a year.")],
        ),
        (  # "the spokesman" refers back to the unnamed mouthpiece of the organisation that spoke last,
            # not to the person quoted before it
            (
                "\u201cThe path is a disgrace,\u201d said Ruth Ambrose, who walks it every day.",
                "A spokesman for the Kelder Valley Trust said the path would reopen in May. "
                "\u201cWe are sorry for the delay,\u201d the spokesman added.",
            ),
            [
                ("direct", "Ruth Ambrose", "person", "The path is a disgrace,"),
                ("indirect", "Kelder Valley Trust", "organization", "the path would reopen in May."),
                ("direct", "Kelder Valley Trust", "organization", "We are sorry for the delay,"),
            ],
        ),
        (  # a sentence opening on "A" before the organisation's name: the article is not part of it
            ("A Brindmoor County Council spokesman said the ferry would run again in June.",),
            [("indirect", "Brindmoor County Council", "organization", "the ferry would run again in June.")],
        ),
        (  # ... nor where the owner speaks through a participle ("saying") and a quote inside its clause
            (
                "A Brindmoor County Council spokesman rejected the claim, saying the survey "
                "\u201cwas out of date before it was printed\u201d.",
            ),
            [
                (
                    "indirect",
                    "Brindmoor County Council",
                    "organization",
                    "the survey \u201cwas out of date before it was printed\u201d.",
                ),
                (
                    "direct",
                    "Brindmoor County Council",
                    "organization",
                    "was out of date before it was printed",
                ),
            ],
        ),
        (  # an infirmary is a hospital: "the infirmary" refers back to the one the page named
            (
                "Two walkers were taken to Pendlebury General Infirmary after the fall.",
                "A spokesman for the infirmary said both were comfortable.",
            ),
            [("indirect", "Pendlebury General Infirmary", "organization", "both were comfortable.")],
        ),
    ],
)
def test_claims_organisation_speakers(paragraphs, expected) -> None:
    claims = _claims(paragraphs, ("Ruth Ambrose",))
    assert [(c.kind, c.speaker_name, c.speaker_kind, c.text) for c in claims] == expected


@pytest.mark.parametrize(
    ("paragraphs", "names", "expected"),
    [
        (  # a bare clause opened by a subject pronoun is a clause, whatever irregular verb follows
            ("Brighton, the judge, said she stood by the result.",),
            ("Chelsea Brighton",),
            [("indirect", "Chelsea Brighton", "she stood by the result.")],
        ),
        (  # a pronoun and a quote only: the quote is the claim, the indirect form adds nothing
            ("Ada Kerr said she \u201ccould not care less\u201d about the award.",),
            ("Ada Kerr",),
            [("direct", "Ada Kerr", "could not care less")],
        ),
        (  # the seeds' convention: a subject with no verb outside the quote gives the direct claim only
            ("Ada Kerr admits the scheme \u201cstill has teething problems\u201d.",),
            ("Ada Kerr",),
            [("direct", "Ada Kerr", "still has teething problems")],
        ),
        (  # a speaker nobody can name keeps the quote in its clause from the clause's own subject
            ("Ada Kerr joined in 1990.", 'Colleagues later said she was "the calmest person in any storm."'),
            ("Ada Kerr",),
            [("direct", None, "the calmest person in any storm.")],
        ),
        (  # a single capitalised word the page also writes mid-sentence is a name ("Acme said")
            ("Shares in Lumora fell. Lumora said in a statement that sales had slowed sharply.",),
            (),
            [("indirect", "Lumora", "sales had slowed sharply.")],
        ),
        (  # ... but not after an article or adjective: a party or nationality, nobody named
            ("Shares in Lumora fell. A senior Republican said the bill was dead on arrival.",),
            (),
            [],
        ),
        (  # a possessive inside an appositive does not hide the name before it
            (
                "Sen. Ray Odum, the committee\u2019s ranking Democrat, said the plan was "
                "\u201creckless.\u201d",
            ),
            ("Ray Odum",),
            [
                ("indirect", "Ray Odum", "the plan was \u201creckless.\u201d"),
                ("direct", "Ray Odum", "reckless."),
            ],
        ),
    ],
)
def test_claims_reported_clause_boundaries(paragraphs, names, expected) -> None:
    assert _triples(_claims(paragraphs, names)) == expected


def test_claims_pronoun_prefers_known_gender_over_a_passing_name() -> None:
    paragraphs = (
        "Ines Varga, who has died aged 80, mapped the northern reefs. She led twelve expeditions.",
        "Her survey became a standard text. Professor Tomas Reil described it as "
        "\u201cthe map we all use\u201d.",
        "In later years she told a committee that \u201cthe reefs cannot wait another decade.\u201d",
    )
    assert _triples(_claims(paragraphs, ("Ines Varga", "Tomas Reil"))) == [
        ("direct", "Tomas Reil", "the map we all use"),
        ("direct", "Ines Varga", "the reefs cannot wait another decade."),
    ]


def test_claims_one_claim_per_span_when_two_cues_reach_one_clause() -> None:
    # 'told the board, adding that …': both cues reach the same that-clause. Two copies would share
    # one claim id and both be rejected at validation, losing the statement.
    claims = _claims(
        (
            '"The pumps are old," Jana Holt told councillors, '
            "adding that new ones would cost more than £3 million.",
        ),
        ("Jana Holt",),
    )
    spans = [(c.kind, c.start_char, c.end_char) for c in claims]
    assert len(spans) == len(set(spans))
    assert ("indirect", "Jana Holt", "new ones would cost more than £3 million.") in _triples(claims)


def test_claims_epithet_after_a_new_person_introduced_as_a_possessor() -> None:
    # the expert spoke three paragraphs up; the new paragraph opens on the father as a possessor, and the
    # open kin epithet ('the father of three', no hyphens) and the age epithet that follow are his
    paragraphs = (
        "\u201cThe pool was closed for a reason,\u201d said Dr Selma Varga, who runs the trust.",
        "She added that the water had not been tested since June.",
        "The council has not commented.",
        "Tobias Reinholt\u2019s eldest daughter was treated for a chest infection on Sunday.",
        "\u201cWe swam there every weekend, and nobody told us a thing,\u201d the father of three said.",
        "The 41-year-old said he would ask the council for an apology.",
    )
    triples = _triples(_claims(paragraphs, ("Selma Varga", "Tobias Reinholt")))
    assert (
        "direct",
        "Tobias Reinholt",
        "We swam there every weekend, and nobody told us a thing,",
    ) in triples
    assert ("indirect", "Tobias Reinholt", "he would ask the council for an apology.") in triples
    assert ("indirect", "Selma Varga", "the water had not been tested since June.") in triples


def test_claims_lead_in_paragraph_ending_on_a_colon_names_the_quote_below() -> None:
    # the lead-in is a paragraph of its own, with a fronted participle and another person named before
    # the speaker; the remarks run over two paragraphs below it (opening mark on each)
    paragraphs = (
        "Orla Brennick pleaded guilty to fraud in March.",
        "Jailing Brennick, Recorder Tamsin Holloway-Grieve said:",
        "\u2018You took money from people who trusted you.",
        "\u2018You will now have time to think about that.\u2019",
    )
    assert _triples(_claims(paragraphs, ("Orla Brennick", "Tamsin Holloway-Grieve"))) == [
        ("direct", "Tamsin Holloway-Grieve", "You took money from people who trusted you."),
        ("direct", "Tamsin Holloway-Grieve", "You will now have time to think about that."),
    ]


def test_claims_unnamed_speaker_after_the_quote_keeps_the_floor() -> None:
    # '"…," a coastguard spokesman said': a cue whose speaker nobody names; the quote after it is that
    # speaker's, not the organisation quoted in the paragraph before
    paragraphs = (
        'In a statement, the Marlow Ferry Company said: "All sailings are suspended until further notice."',
        '"Two crew members were airlifted to hospital this morning," a coastguard spokesman said. '
        '"Their injuries are not thought to be serious."',
    )
    assert _triples(_claims(paragraphs)) == [
        ("direct", "Marlow Ferry Company", "All sailings are suspended until further notice."),
        ("direct", None, "Two crew members were airlifted to hospital this morning,"),
        ("direct", None, "Their injuries are not thought to be serious."),
    ]


def test_claims_mouthpiece_of_an_organisation_epithet_after_the_quote() -> None:
    # "a spokesperson for the trust": the owner is the epithet, which refers back to the trust named
    paragraphs = (
        "Councillors criticised the Brenmoor Harbour Trust on Monday.",
        '"We will respond to every point in full," a spokesperson for the trust said.',
    )
    assert _triples(_claims(paragraphs)) == [
        ("direct", "Brenmoor Harbour Trust", "We will respond to every point in full,"),
    ]


def test_claims_office_title_after_the_is_an_epithet_for_its_holder() -> None:
    # "the Labour MP" / "the Prime Minister": a capitalised run ending on an office title names the person
    # who holds it (the page gave them the role), not an organisation called "Labour MP"
    paragraphs = (
        "Dorian Fenwick, the Labour MP for Castleford North, has been suspended from the party.",
        "\u201cI will not resign over this,\u201d the Labour MP said.",
        "Prime Minister Ilse Marwood met union leaders on Monday.",
        "\u201cWe will find a way through,\u201d the Prime Minister said.",
    )
    assert _triples(_claims(paragraphs, ("Dorian Fenwick", "Ilse Marwood"))) == [
        ("direct", "Dorian Fenwick", "I will not resign over this,"),
        ("direct", "Ilse Marwood", "We will find a way through,"),
    ]


def test_claims_attribution_as_a_sentence_of_its_own_after_the_quote() -> None:
    # the quote closes on a full stop and the next sentence only says who spoke: it reports the quote;
    # a next sentence with content of its own is a new statement
    paragraphs = (
        "\u201cThe bridge will not reopen this year.\u201d Marta Ellingham said on Monday.",
        "\u201cWe lost the vote.\u201d Ellingham said the party would regroup.",
    )
    assert _triples(_claims(paragraphs, ("Marta Ellingham",))) == [
        ("direct", "Marta Ellingham", "The bridge will not reopen this year."),
        ("direct", "Marta Ellingham", "We lost the vote."),
        ("indirect", "Marta Ellingham", "the party would regroup."),
    ]


def test_claims_possessor_is_no_antecedent_for_a_pronoun_and_org_noun_modifies_a_role() -> None:
    # the possessor opening a sentence is on stage only for epithets: "she" still continues the leader,
    # and "the council leader" is a person's role (the organisation noun modifies it), not "the council"
    paragraphs = (
        "\u201cWe must act before the winter,\u201d said Ines Corrado, the council leader.",
        "Wilf Brannock\u2019s report, published on Monday, found that the pool was unsafe.",
        "\u201cIt was never going to be easy,\u201d she said.",
        "\u201cWe will rebuild the centre,\u201d the council leader said.",
    )
    assert _triples(_claims(paragraphs, ("Ines Corrado", "Wilf Brannock"))) == [
        ("direct", "Ines Corrado", "We must act before the winter,"),
        ("direct", "Ines Corrado", "It was never going to be easy,"),
        ("direct", "Ines Corrado", "We will rebuild the centre,"),
    ]


def test_claims_reply_verbs_with_back() -> None:
    # "shot back" / "hit back": a reply; "hit" alone is no speech
    paragraphs = (
        "\u201cThen show us the figures,\u201d Rowan Tallis shot back, to laughter from the gallery.",
        "\u201cThat is simply untrue,\u201d Tallis hit back.",
        "The striker hit the post twice before half-time.",
    )
    assert _triples(_claims(paragraphs, ("Rowan Tallis",))) == [
        ("direct", "Rowan Tallis", "Then show us the figures,"),
        ("direct", "Rowan Tallis", "That is simply untrue,"),
    ]


def test_claims_sports_and_court_role_epithets() -> None:
    # "the skipper" / "the prosecutor": role nouns of sport and court copy refer back to whoever the page
    # gave that role, past a person with another role named in between
    paragraphs = (
        "Harbury skipper Ola Brennan scored the winner in the 88th minute.",
        "Referee Tomas Voss booked five players and sent off the visiting goalkeeper.",
        "\u201cWe dug in when it mattered,\u201d the skipper said.",
        "Prosecutor Imelda Sayer told the court the van had been seen near the farm.",
        "Defence barrister Cal Dunmow said his client denied the charge.",
        "\u201cThe evidence is overwhelming,\u201d the prosecutor said.",
    )
    names = ("Ola Brennan", "Tomas Voss", "Imelda Sayer", "Cal Dunmow")
    triples = _triples(_claims(paragraphs, names))
    assert ("direct", "Ola Brennan", "We dug in when it mattered,") in triples
    assert ("direct", "Imelda Sayer", "The evidence is overwhelming,") in triples


def test_claims_chain_of_appositives_and_according_to_a_mouthpiece_after_the_quote() -> None:
    paragraphs = (
        "\u201cI never thought it would happen here,\u201d Hollis Varne, 45, from Kettlebury, said.",
        "\u201cThe slipway will reopen on Monday,\u201d according to a statement from the Pellow "
        "Harbour Trust.",
    )
    assert _triples(_claims(paragraphs, ("Hollis Varne",))) == [
        ("direct", "Hollis Varne", "I never thought it would happen here,"),
        ("direct", "Pellow Harbour Trust", "The slipway will reopen on Monday,"),
    ]


def test_claims_organisation_after_its_article_after_the_quote() -> None:
    # "the Marsh Valley Board said": the name starts after "the"; "the Dane" (one word) is a nationality
    # standing for the person last quoted, not an organisation
    paragraphs = (
        '"We will appeal against the ruling," the Marsh Valley Board said in a statement.',
        '"Nobody saw the foul," said Henrik Aalund, the visiting coach. '
        '"Nobody in the whole stadium saw it happen," the Dane said.',
    )
    assert _triples(_claims(paragraphs, ("Henrik Aalund",))) == [
        ("direct", "Marsh Valley Board", "We will appeal against the ruling,"),
        ("direct", "Henrik Aalund", "Nobody saw the foul,"),
        ("direct", "Henrik Aalund", "Nobody in the whole stadium saw it happen,"),
    ]
