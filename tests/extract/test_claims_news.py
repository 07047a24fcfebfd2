"""extract_claims on invented passages in the style of wire and broadsheet copy (every name, place and
event is fiction): long quotes split by their attribution, spokespeople, alternating speakers, pronoun
chains across paragraphs, nested quotes, statements, letters and posts. Exact claims and speakers."""

from __future__ import annotations

import pytest
from claims_support import claims_of

Expected = list[tuple[str, str | None, str]]


def _claims(paragraphs: tuple[str, ...], names: tuple[str, ...]) -> Expected:
    """(kind, speaker, text) of a page whose people (full name, and surname as an alias) are given."""
    return [(c.kind, c.speaker_name, c.text) for c in claims_of(paragraphs, names)]


PASSAGES: list[tuple[str, tuple[str, ...], tuple[str, ...], Expected]] = [
    (
        "wire: a long quote split by 'said X, a spokeswoman for Y'; the second half continues her",
        (
            '"The reservoir is at its lowest level in thirty years, and we cannot rule out restrictions," '
            "said Mara Lindholm, a spokeswoman for Orvale Water. "
            '"We are asking every household to cut use by a fifth. If the dry weather continues into '
            'August, a hosepipe ban is likely."',
        ),
        ("Mara Lindholm",),
        [
            (
                "direct",
                "Mara Lindholm",
                "The reservoir is at its lowest level in thirty years, and we cannot rule out restrictions,",
            ),
            (
                "direct",
                "Mara Lindholm",
                "We are asking every household to cut use by a fifth. If the dry weather continues into "
                "August, a hosepipe ban is likely.",
            ),
        ],
    ),
    (
        "an unnamed spokesperson after or before the verb: the organisation speaks",
        (
            "\u201cWe are reviewing the footage,\u201d a spokesman for Marlow Police said.",
            "\u201cNo decision has been taken,\u201d said a spokeswoman for the Lantern Trust.",
        ),
        (),
        [
            ("direct", "Marlow Police", "We are reviewing the footage,"),
            ("direct", "Lantern Trust", "No decision has been taken,"),
        ],
    ),
    (
        "street interview: two speakers alternate, named once and then by pronoun",
        (
            "\u201cOf course we are worried,\u201d said Lena Okafor, who runs a bakery on the high street.",
            "Her neighbour, Dev Malik, was less alarmed. \u201cWe have seen floods before,\u201d he said. "
            "\u201cWe will see them again.\u201d",
            "Okafor shook her head. \u201cNot like this,\u201d she said.",
        ),
        ("Lena Okafor", "Dev Malik"),
        [
            ("direct", "Lena Okafor", "Of course we are worried,"),
            ("direct", "Dev Malik", "We have seen floods before,"),
            ("direct", "Dev Malik", "We will see them again."),
            ("direct", "Lena Okafor", "Not like this,"),
        ],
    ),
    (
        "court report: she/he across paragraphs with a judge, a defendant and his lawyer",
        (
            "Judge Helen Marsh sentenced Arthur Keane to six years on Friday.",
            "\u201cYou showed no remorse at any stage,\u201d she told him.",
            "Keane, 54, showed no reaction. His lawyer, Simone Adair, said he would appeal.",
            "\u201cHe maintains his innocence,\u201d she said outside court.",
        ),
        ("Helen Marsh", "Arthur Keane", "Simone Adair"),
        [
            ("direct", "Helen Marsh", "You showed no remorse at any stage,"),
            ("indirect", "Simone Adair", "he would appeal."),
            ("direct", "Simone Adair", "He maintains his innocence,"),
        ],
    ),
    (
        "a single-quoted remark nested inside a double-quoted one stays part of it",
        (
            "\u201cWhen the inspector told me \u2018this building is finished\u2019, I laughed,\u201d "
            "said Rosa Imbert.",
        ),
        ("Rosa Imbert",),
        [
            (
                "direct",
                "Rosa Imbert",
                "When the inspector told me \u2018this building is finished\u2019, I laughed,",
            )
        ],
    ),
    (
        "a written statement, a letter and a social media post",
        (
            "In a statement, the Harbour Authority said: \u201cSafety is our first concern.\u201d",
            "In a letter to residents seen by this newspaper, the council\u2019s chief executive, "
            "Mirela Dunn, wrote: \u201cWe recognise the disruption this has caused.\u201d",
            "Paul Hendry, the former minister, posted on social media: "
            "\u201cToday is a sad day for the town.\u201d",
            "In a second post he wrote that the count had been \u201cfair and quick\u201d.",
        ),
        ("Mirela Dunn", "Paul Hendry"),
        [
            ("direct", "Harbour Authority", "Safety is our first concern."),
            ("direct", "Mirela Dunn", "We recognise the disruption this has caused."),
            ("direct", "Paul Hendry", "Today is a sad day for the town."),
            ("indirect", "Paul Hendry", "the count had been \u201cfair and quick\u201d."),
            ("direct", "Paul Hendry", "fair and quick"),
        ],
    ),
    (
        "a quote opening its paragraph, attributed at the end with an appositive",
        (
            "\u201cWe were never consulted. Not once, not by letter, not by phone,\u201d said Ama Ofori, "
            "chair of the residents\u2019 group. She said the group would appeal.",
        ),
        ("Ama Ofori",),
        [
            ("direct", "Ama Ofori", "We were never consulted. Not once, not by letter, not by phone,"),
            ("indirect", "Ama Ofori", "the group would appeal."),
        ],
    ),
    (
        "the attribution in the middle of one sentence: two claims",
        ("\u201cThe figures,\u201d Dunn said, \u201cspeak for themselves.\u201d",),
        ("Mirela Dunn",),
        [("direct", "Mirela Dunn", "The figures,"), ("direct", "Mirela Dunn", "speak for themselves.")],
    ),
    (
        "profile: a paragraph about one person, then her words in a paragraph of their own",
        (
            "Ilse Brandt has farmed the valley since 1979.",
            "\u201cIt is the worst harvest I have seen. The rain came in the wrong month and the frost came "
            "twice.\u201d",
            "Brandt said the co-operative would ask the government for emergency help.",
        ),
        ("Ilse Brandt",),
        [
            (
                "direct",
                "Ilse Brandt",
                "It is the worst harvest I have seen. The rain came in the wrong month and the frost "
                "came twice.",
            ),
            ("indirect", "Ilse Brandt", "the co-operative would ask the government for emergency help."),
        ],
    ),
    (
        "wire copy with straight quotes: reported speech, then an analyst who disagrees",
        (
            "BRIDGEPORT (Wire) - Jonas Pike, the port's director, said on Monday that cargo volumes fell "
            "12 percent in the first quarter.",
            '"It is a difficult year, but it is not a crisis," Pike told reporters. '
            '"We have been here before."',
            "Aurelie Dumas, an analyst at Corran Securities, disagreed. "
            '"The decline is structural," she said. "Shipping lines are not coming back."',
        ),
        ("Jonas Pike", "Aurelie Dumas"),
        [
            ("indirect", "Jonas Pike", "cargo volumes fell 12 percent in the first quarter."),
            ("direct", "Jonas Pike", "It is a difficult year, but it is not a crisis,"),
            ("direct", "Jonas Pike", "We have been here before."),
            ("direct", "Aurelie Dumas", "The decline is structural,"),
            ("direct", "Aurelie Dumas", "Shipping lines are not coming back."),
        ],
    ),
    (
        "a role epithet, a naming verb and a pronoun of the other gender",
        (
            "Marta Quist, the finance minister, defended the budget on Tuesday.",
            "\u201cEvery pound is accounted for,\u201d the minister said.",
            "Opposition leader Leon Brasseur called it \u201ca budget for nobody\u201d.",
            "\u201cShe has run out of ideas,\u201d he said.",
        ),
        ("Marta Quist", "Leon Brasseur"),
        [
            ("direct", "Marta Quist", "Every pound is accounted for,"),
            ("direct", "Leon Brasseur", "a budget for nobody"),
            ("direct", "Leon Brasseur", "She has run out of ideas,"),
        ],
    ),
    (
        "an organisation named in 'according to a statement from', then 'the company said'",
        (
            "The airline cancelled 40 flights on Sunday, according to a statement from Skyline Regional.",
            "The company said it expected to run a full timetable by Tuesday.",
        ),
        (),
        [
            ("indirect", "Skyline Regional", "The airline cancelled 40 flights on Sunday"),
            ("indirect", "Skyline Regional", "it expected to run a full timetable by Tuesday."),
        ],
    ),
    (
        "a quote running over two paragraphs, re-opened on the second",
        (
            "Odile Ferrant, who chairs the board, said: \u201cWe have listened to every objection.",
            "\u201cBut the harbour cannot stand still while the town around it changes.\u201d",
        ),
        ("Odile Ferrant",),
        [
            ("direct", "Odile Ferrant", "We have listened to every objection."),
            (
                "direct",
                "Odile Ferrant",
                "But the harbour cannot stand still while the town around it changes.",
            ),
        ],
    ),
    (
        "a bare complement whose verb is an irregular past or a present -s form is still a clause",
        (
            "Ama Diallo said intruders took the records of 40,000 patients.",
            "Diallo says the new rule costs the practice nothing.",
        ),
        ("Ama Diallo",),
        [
            ("indirect", "Ama Diallo", "intruders took the records of 40,000 patients."),
            ("indirect", "Ama Diallo", "the new rule costs the practice nothing."),
        ],
    ),
    (
        "'tell' with its hearer and a clause with no 'that'",
        (
            "Ama Diallo told MPs the old limit, in force since 1990, belonged to another century.",
            "Diallo told Ben Okoro the plan had failed. She told him to go home.",
        ),
        ("Ama Diallo", "Ben Okoro"),
        [
            ("indirect", "Ama Diallo", "the old limit, in force since 1990, belonged to another century."),
            ("indirect", "Ama Diallo", "the plan had failed."),
        ],
    ),
    (
        "'the hospice' refers back to a named hospice; 'the statement said' is whoever issued it",
        (
            "Ama Diallo was treasurer of St Agnes Children's Hospice for six years.",
            "The hospice said in a statement that it had changed its rules.",
            "\u201cWe are grateful to our donors,\u201d the statement said.",
        ),
        ("Ama Diallo",),
        [
            ("indirect", "St Agnes Children's Hospice", "it had changed its rules."),
            ("direct", "St Agnes Children's Hospice", "We are grateful to our donors,"),
        ],
    ),
    (
        "a possessor is no actor, so 'the company' is the firm that acted",
        (
            "Harwick Foods beat Wall Street's forecasts on Monday.",
            "The company said it would hire 300 staff.",
        ),
        (),
        [("indirect", "Harwick Foods", "it would hire 300 staff.")],
    ),
    (
        "a one-word firm the page uses as a bare speaker also speaks after a descriptive noun; "
        "'the Dublin-based company' describes it",
        (
            "Online retailer Orlen said on Monday that thieves had taken the records.",
            "The Dublin-based company said customers did not need to act.",
            "Orlen said it had told the police.",
            "A senior Republican said the bill would pass.",
        ),
        (),
        [
            ("indirect", "Orlen", "thieves had taken the records."),
            ("indirect", "Orlen", "customers did not need to act."),
            ("indirect", "Orlen", "it had told the police."),
        ],
    ),
    (
        "a place inside an 'according to' phrase is not its source; an author after 'by' is",
        (
            "Night-shift errors fell by a third, according to a trial at St Agnes Hospital in Dunmere.",
            "Shorter weeks raised output, according to a review published by the Harrow Institute.",
        ),
        (),
        [("indirect", "Harrow Institute", "Shorter weeks raised output")],
    ),
    (
        "'he'/'she' continues the person this paragraph is about, or who spoke just before it",
        (
            "Tom Reyes said his players were tired. He would rest three of them.",
            "Ola Banks was less patient. He said the referee had made three bad calls.",
            "Judge Mary Holt said she accepted the plea. \u201cYou broke that trust,\u201d the judge said.",
            "\u201cIt does not excuse it,\u201d she added.",
        ),
        ("Tom Reyes", "Ola Banks", "Mary Holt"),
        [
            ("indirect", "Tom Reyes", "his players were tired."),
            ("indirect", "Ola Banks", "the referee had made three bad calls."),
            ("indirect", "Mary Holt", "she accepted the plea."),
            ("direct", "Mary Holt", "You broke that trust,"),
            ("direct", "Mary Holt", "It does not excuse it,"),
        ],
    ),
    (
        "a counted subject opens a bare clause, a time adjunct does not; a long role appositive is "
        "skipped back to the name; a surname heading a firm's name is the firm",
        (
            "Dan Moss, who coaches the town youth team, said about 90 children would need a new pool.",
            "\u201cIt works,\u201d Moss said roughly 11 months after the strike began.",
            "Lina Ek, head of policy at the consumer group Fair Play Now, said buyers should not wait.",
            "Moss Books said it would close two shops.",
        ),
        ("Dan Moss", "Lina Ek"),
        [
            ("indirect", "Dan Moss", "about 90 children would need a new pool."),
            ("direct", "Dan Moss", "It works,"),
            ("indirect", "Lina Ek", "buyers should not wait."),
            ("indirect", "Moss Books", "it would close two shops."),
        ],
    ),
    (
        "live blog: a new person on stage in this entry, not the organisation quoted in the last one",
        (
            "The Ferry Workers' Union called the plan \u201ca raid on the night shift\u201d.",
            "Ines Varga is on her feet for the opposition. Her line: \u201cThis plan was drawn up for the "
            "shareholders, not the crews.\u201d",
        ),
        ("Ines Varga",),
        [
            ("direct", "Ferry Workers' Union", "a raid on the night shift"),
            ("direct", "Ines Varga", "This plan was drawn up for the shareholders, not the crews."),
        ],
    ),
    (
        "a quote in a clause dated by a day between the verb and the clause is the reporter's",
        ("Bell Chemicals said on Wednesday it was \u201cworking with the fire crews at every stage.\u201d",),
        (),
        [("direct", "Bell Chemicals", "working with the fire crews at every stage.")],
    ),
    (
        "a lower-case role phrase between the closing mark and the name: before the verb or after it",
        (
            "\u201cThese are the lightest boots we have ever made,\u201d chief executive Jan Wierzbowski "
            "told the launch audience.",
            "\u201cWe are sorry to every family still waiting,\u201d said its medical director, "
            "Dr Kwame Osei-Blake. \u201cThe new ward opens in May.\u201d",
            "Inspectors rated it \u201cpoorly maintained and unsafe,\u201d a phrase Wierzbowski says "
            "was unfair.",
        ),
        ("Jan Wierzbowski", "Kwame Osei-Blake"),
        [
            ("direct", "Jan Wierzbowski", "These are the lightest boots we have ever made,"),
            ("direct", "Kwame Osei-Blake", "We are sorry to every family still waiting,"),
            ("direct", "Kwame Osei-Blake", "The new ward opens in May."),
            ("direct", None, "poorly maintained and unsafe,"),
        ],
    ),
    (
        "'the company' is the firm last acting, not a place named after a preposition and its article",
        (
            "Harbour Ferries cancelled every crossing on Monday.",
            "Speaking outside the Kelvin Quay terminal, organiser Ada Brill said crews would strike again.",
            "The company said replacement coaches would run every hour.",
        ),
        ("Ada Brill",),
        [
            ("indirect", "Ada Brill", "crews would strike again."),
            ("indirect", "Harbour Ferries", "replacement coaches would run every hour."),
        ],
    ),
    (
        "a plural noun opening a sentence is no organisation because a longer name holds it",
        (
            "The Tram Drivers' Association said its members had voted to strike.",
            "Drivers say the new rosters would mean split shifts.",
        ),
        (),
        [("indirect", "Tram Drivers' Association", "its members had voted to strike.")],
    ),
    (
        "a reporting verb with a noun object inside a relative clause reports nothing; the main verb does",
        (
            "The Orrin Valley Trust, which maintains more than 90 miles of towpath, said it was already "
            "reviewing its repair budget.",
        ),
        (),
        [("indirect", "Orrin Valley Trust", "it was already reviewing its repair budget.")],
    ),
    (
        "'the regulator' and 'the watchdog' refer back to the body whose name makes it a regulator",
        (
            "The Retail Fairness Authority has warned shoppers about copycat websites.",
            "The regulator said it had found at least 30 fake shops.",
            "The watchdog said buyers who had already paid should call their bank.",
        ),
        (),
        [
            ("indirect", "Retail Fairness Authority", "it had found at least 30 fake shops."),
            ("indirect", "Retail Fairness Authority", "buyers who had already paid should call their bank."),
        ],
    ),
    (
        "a person introduced by role and home town before the verb speaks, and is who 'she' means next",
        (
            "The chief executive, Ruth Amberley, said the scam sites had copied every photograph.",
            "One buyer, retired teacher Doreen Pellow from Lakeby, said she paid \u00a3260 to a copy of "
            "the shop.",
            "\u201cIt had the logo, the photos, everything,\u201d she said.",
        ),
        ("Ruth Amberley", "Doreen Pellow"),
        [
            ("indirect", "Ruth Amberley", "the scam sites had copied every photograph."),
            ("indirect", "Doreen Pellow", "she paid \u00a3260 to a copy of the shop."),
            ("direct", "Doreen Pellow", "It had the logo, the photos, everything,"),
        ],
    ),
    (
        "a person described by the organisation they belong to, in a relative clause and as its head",
        (
            "Security researcher Ines Varro-Mendel of Copperfield Labs, who said she had seen the stolen "
            "data on Monday, said the card details could still be used in phishing emails.",
        ),
        ("Ines Varro-Mendel",),
        [
            ("indirect", "Ines Varro-Mendel", "she had seen the stolen data on Monday"),
            ("indirect", "Ines Varro-Mendel", "the card details could still be used in phishing emails."),
        ],
    ),
    (
        "letters of an honour after a known name ('KC') are not part of the speaker's name",
        (
            "Opening the case for the tenant, Clemency Hart KC told the tribunal that the rent was paid "
            "\u201con time, every time\u201d for years.",
        ),
        ("Clemency Hart",),
        [
            ("indirect", "Clemency Hart", "the rent was paid \u201con time, every time\u201d for years."),
            ("direct", "Clemency Hart", "on time, every time"),
        ],
    ),
    (
        "an organisation speaking under a short form of the longer name the page gives is named in full",
        (
            "Two bids failed. Ashcombe had insisted that their captain was \u201cnot for sale\u201d.",
            "In a statement, Ashcombe Rovers said they had accepted the offer with great reluctance.",
        ),
        (),
        [
            ("indirect", "Ashcombe Rovers", "their captain was \u201cnot for sale\u201d."),
            ("direct", "Ashcombe Rovers", "not for sale"),
            ("indirect", "Ashcombe Rovers", "they had accepted the offer with great reluctance."),
        ],
    ),
    (
        "a pronoun that speaks next is the reporting speaker, not the subject of the reported clause",
        (
            "Club manager Rhona Fitch said Tavi Osei would start on Sunday. "
            "\u201cHe is the striker we needed,\u201d she said.",
        ),
        ("Rhona Fitch", "Tavi Osei"),
        [
            ("indirect", "Rhona Fitch", "Tavi Osei would start on Sunday."),
            ("direct", "Rhona Fitch", "He is the striker we needed,"),
        ],
    ),
    (
        "the pronoun after a fronted participle clause is its implied subject, not a person named inside it",
        (
            "Head coach Bram Ellery had been blunt all week. Asked on Friday whether Tavi Osei could still "
            "play for the club, he said: \u201cNot in this frame of mind.\u201d",
        ),
        ("Bram Ellery", "Tavi Osei"),
        [("direct", "Bram Ellery", "Not in this frame of mind.")],
    ),
    (
        "a day opening the sentence is not part of the speaker's name; a brand the firm owns is no actor "
        "that 'the company' can mean",
        (
            "Carrigan sold Kettle & Crumb to Ashgrove Foods in 2021.",
            "On Thursday Ashgrove said Kettle & Crumb would close within weeks.",
            "Ashgrove Foods will close its Kettle & Crumb meal-kit business by March, the company said.",
        ),
        (),
        [
            ("indirect", "Ashgrove Foods", "Kettle & Crumb would close within weeks."),
            (
                "indirect",
                "Ashgrove Foods",
                "Ashgrove Foods will close its Kettle & Crumb meal-kit business by March",
            ),
        ],
    ),
    (
        "a mouthpiece after an organisation's name ('a Harbour Trust spokeswoman') speaks for it",
        (
            "Carrigan sold Kettle & Crumb to Ashgrove Foods in 2021.",
            "An Ashgrove spokesman said: \u201cWe have been in regular contact with her agents.\u201d",
            "\u201cWe will review the decision,\u201d a Harbour Trust spokeswoman said.",
        ),
        (),
        [
            ("direct", "Ashgrove Foods", "We have been in regular contact with her agents."),
            ("direct", "Harbour Trust", "We will review the decision,"),
        ],
    ),
    (
        "a bare clause whose verb sits inside its quotation is reported speech beside the quote",
        ("On Friday the Lantern Guild said the old ferry \u201cwould be a disaster for the harbour\u201d.",),
        (),
        [
            ("indirect", "Lantern Guild", "the old ferry \u201cwould be a disaster for the harbour\u201d."),
            ("direct", "Lantern Guild", "would be a disaster for the harbour"),
        ],
    ),
    (
        "'the company' is the firm last mentioned: a firm named in an appositive subject, a one-word firm "
        "the page has speaking; not a shop named after its street",
        (
            "Ashfield Books, the chain founded by Mara Ashfield in 1989, will close 14 shops.",
            "The Castle Row shop in Dunley is on the list.",
            "The company said gift cards would be honoured until December.",
            "Hackers broke into ticket seller Tallis last week. Tallis said they had stolen 40,000 names. "
            "In 2023 a rival, Stagegate, disclosed that its own database had been exposed.",
            "Tallis shares fell 14% by midday.",
            "The company said customers did not need to change their passwords.",
        ),
        ("Mara Ashfield",),
        [
            ("indirect", "Ashfield Books", "gift cards would be honoured until December."),
            ("indirect", "Tallis", "they had stolen 40,000 names."),
            ("indirect", "Stagegate", "its own database had been exposed."),
            ("indirect", "Tallis", "customers did not need to change their passwords."),
        ],
    ),
    (
        "a firm named with an '\u2019s' before a verb speaks; 'the chain' heading its phrase refers back to "
        "it; a role noun phrase ('the shadow business secretary') is no organisation",
        (
            "Supermarket chain Pellow\u2019s is to remove self-checkouts from 40 stores.",
            "The chain, which has 212 stores, said the change would create around 300 jobs.",
            "Pellow\u2019s said the first stores would change next month.",
            "Tom Ekwueme, the shadow business secretary, said the plan had been written "
            "\u201cfor the boardroom, not the shop floor\u201d.",
        ),
        ("Tom Ekwueme",),
        [
            ("indirect", "Pellow\u2019s", "the change would create around 300 jobs."),
            ("indirect", "Pellow\u2019s", "the first stores would change next month."),
            (
                "indirect",
                "Tom Ekwueme",
                "the plan had been written \u201cfor the boardroom, not the shop floor\u201d.",
            ),
            ("direct", "Tom Ekwueme", "for the boardroom, not the shop floor"),
        ],
    ),
]


@pytest.mark.parametrize(
    ("paragraphs", "names", "expected"),
    [pytest.param(p, n, e, id=label) for label, p, n, e in PASSAGES],
)
def test_claims_news_passages(
    paragraphs: tuple[str, ...], names: tuple[str, ...], expected: Expected
) -> None:
    assert _claims(paragraphs, names) == expected
