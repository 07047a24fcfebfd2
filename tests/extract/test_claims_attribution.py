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


def test_a_one_word_organisation_speaker_takes_the_full_name_the_page_writes():
    got = _claims(
        (
            "The permit would have allowed Selvane Minerals to open a quarry above the village.",
            "Selvane, which is listed in Dunmore, said in a statement that the ruling dealt with procedure "
            "and not with the quarry itself.",
        ),
        (),
    )
    assert (
        "indirect",
        "Selvane Minerals",
        "the ruling dealt with procedure and not with the quarry itself.",
    ) in got


def test_a_mouthpiece_of_a_firm_named_after_its_founder_is_the_firm():
    got = _claims(
        (
            "Ostrava Freight Group said it would close three depots.",
            "The business was founded by Harald Ostrava in 1961.",
            'An Ostrava spokesperson said the firm had "spoken to every driver affected."',
        ),
        ("Harald Ostrava",),
    )
    assert ("direct", "Ostrava Freight Group", "spoken to every driver affected.") in got


def test_an_organisation_qualifying_a_role_is_not_the_company_a_later_epithet_means():
    got = _claims(
        (
            "Kestrel Haulage Group said it would cut 300 jobs.",
            "Farrow Capital analyst Joss Hendry said the cuts were overdue.",
            "The cuts will cost about $20 million in severance, the company said.",
        ),
        ("Joss Hendry",),
    )
    assert ("indirect", "Kestrel Haulage Group", "The cuts will cost about $20 million in severance") in got


def test_a_name_before_a_lower_case_role_appositive_and_its_verb_is_the_subject():
    got = _claims(
        (
            '"We will study the ruling," Colm Fairley said. "It is a fair result," he added.',
            "Outside the court, where supporters had waited since dawn, Maren Oduya, chair of the Eastmoor "
            "Residents Association, was carried shoulder-high by neighbours.",
            '"This is a victory for every family here," she said.',
        ),
        ("Colm Fairley", "Maren Oduya"),
    )
    assert ("direct", "Maren Oduya", "This is a victory for every family here,") in got


def test_a_name_with_an_of_phrase_in_apposition_to_a_short_subject_is_the_subject():
    got = _claims(
        (
            '"Cutting costs is the easy part," Joss Hendry said.',
            'Another analyst, Tamsin Orr of Brightwell Partners, was more upbeat. "The numbers finally add '
            'up," she said.',
        ),
        ("Joss Hendry", "Tamsin Orr"),
    )
    assert ("direct", "Tamsin Orr", "The numbers finally add up,") in got


def test_a_name_in_apposition_to_a_subject_with_an_of_phrase_is_the_subject():
    got = _claims(
        (
            '"I never thought it would last," Colm Fairley says.',
            'His business partner of twenty years, Ruth Ambery, is less surprised. "He always underestimates '
            'people," she says.',
        ),
        ("Colm Fairley", "Ruth Ambery"),
    )
    assert ("direct", "Ruth Ambery", "He always underestimates people,") in got


def test_a_reporting_verb_coordinated_by_but_shares_the_subject():
    got = _claims(
        (
            'Colm Fairley, who was not involved in the survey, called the method "sound" but warned that '
            "three of the sites had been dredged only last year.",
        ),
        ("Colm Fairley",),
    )
    assert ("indirect", "Colm Fairley", "three of the sites had been dredged only last year.") in got


def test_a_relative_clause_with_a_quote_between_the_subject_and_its_verb():
    got = _claims(
        (
            'Farrow Capital analyst Joss Hendry, who called the plan "overdue surgery," said the real test '
            "would come next year.",
        ),
        ("Joss Hendry",),
    )
    assert ("direct", "Joss Hendry", "overdue surgery,") in got
    assert ("indirect", "Joss Hendry", "the real test would come next year.") in got


def test_a_reported_clause_inside_an_embedded_clause_ends_with_it():
    got = _claims(
        (
            "When Colm Fairley announced in May that the bakery would close after forty years, the phone "
            "line crashed within an hour.",
            "Ruth Ambery, who revealed last year that she would step down in the spring, was cheered by "
            "the whole hall.",
        ),
        ("Colm Fairley", "Ruth Ambery"),
    )
    assert ("indirect", "Colm Fairley", "the bakery would close after forty years") in got
    assert ("indirect", "Ruth Ambery", "she would step down in the spring") in got


def test_an_organisation_epithet_before_the_page_names_the_body_in_full():
    got = _claims(
        (
            "Forty people were lifted off the rocks by helicopter before dawn, the coastguard said.",
            "Western Shores Coastguard duty officer Colm Fairley said the rescue had gone well.",
        ),
        ("Colm Fairley",),
    )
    assert (
        "indirect",
        "Western Shores Coastguard",
        "Forty people were lifted off the rocks by helicopter before dawn",
    ) in got


def test_a_business_epithet_never_means_a_ministry_headed_before_of():
    # "the Ministry of Health" is headed by "Ministry", not "Health": no company for "the firm"
    got = _claims(
        (
            "The Ministry of Transport said on Tuesday it would inspect every ferry on the Lorne route.",
            "The firm, which runs six vessels, denied that it had skipped safety drills.",
        ),
        (),
    )
    assert not any(speaker == "Ministry of Transport" and "skipped" in text for _k, speaker, text in got)


def test_an_office_epithet_is_not_the_last_speaker_given_another_role_in_an_appositive():
    # nobody on the page is a minister; the last speaker is "manager of the depot", so "the minister"
    # cannot fall back to her
    for intro in (
        "Berit Aske, manager of the depot, said the trams would run again by June.",
        "The depot manager, Berit Aske, said the trams would run again by June.",
    ):
        got = _claims(
            (intro, 'The minister was quoted as saying "the budget is not open".'),
            ("Berit Aske",),
        )
        assert ("indirect", "Berit Aske", "the trams would run again by June.") in got
        assert not any(
            speaker == "Berit Aske" and text == "the budget is not open" for _k, speaker, text in got
        )


def test_a_reporting_form_after_a_determiner_is_a_noun_and_owns_no_clause():
    # "in a note to clients … that": "note" is a noun; the quote inside the clause is the writer's
    got = _claims(
        (
            "Kaito Ferris, an analyst at Bellmoor Securities, wrote in a note to clients in May that the "
            'firm had "perhaps a year of cash left" at current prices.',
        ),
        ("Kaito Ferris",),
    )
    assert ("direct", "Kaito Ferris", "perhaps a year of cash left") in got


def test_a_verb_coordinated_after_a_reported_clause_shares_the_main_subject():
    # "the airline" is the subject inside the conceded clause, not of the coordinated "said"
    got = _claims(
        (
            "Meridel Air said all flights had been cancelled.",
            "Health Minister Orla Brandt told parliament the state would pay for the flights home.",
            'The minister conceded that the state had known for "several weeks" that the airline was '
            'failing, but said a rescue using public money "would have been a waste."',
        ),
        ("Orla Brandt",),
    )
    assert ("direct", "Orla Brandt", "would have been a waste.") in got
    assert not any(speaker == "Meridel Air" and "rescue" in text for _k, speaker, text in got)


def test_a_named_mouthpiece_owner_may_hold_lower_case_connectors():
    got = _claims(
        (
            "Parents in Dunhollow had asked for the change for years.",
            'A Department for Rural Roads spokesperson said: "Councils already have the power to act."',
        ),
        (),
    )
    assert ("direct", "Department for Rural Roads", "Councils already have the power to act.") in got


def test_a_titled_name_described_by_its_body_after_the_verb_is_the_person():
    got = _claims(
        (
            '"The gap surprised us," said Professor Edda Kvist-Morrow of Lunmere University, who led it.',
            "Kvist-Morrow believes the effect is real.",
        ),
        ("Edda Kvist-Morrow",),
    )
    assert ("direct", "Edda Kvist-Morrow", "The gap surprised us,") in got


def test_a_sentence_opening_name_after_its_role_is_the_subject_before_a_long_appositive():
    # "Retired engineer X, 71, and his wife, Y, are …": X opens the sentence, so "he" next is X
    got = _claims(
        (
            "Cabin steward Lina Orrell said she had been woken by her phone.",
            "She added that colleagues were stranded.",
            "Retired engineer Ewan Tarrant, 71, and his wife, Greta Tarrant, are among them. Speaking by "
            "phone from a hotel, he said: 'We have been told to wait for an email.'",
        ),
        ("Lina Orrell", "Ewan Tarrant", "Greta Tarrant"),
    )
    assert ("direct", "Ewan Tarrant", "We have been told to wait for an email.") in got


def test_a_definite_description_set_beside_a_name_names_that_person_again():
    got = _claims(
        (
            "After a long debate, the transport lead, Runa Galbraith-Oye, argued that fares should fall.",
            "Opposition member Teodor Lisk said the plan was unaffordable.",
            "The transport lead insisted the money would be found, and said a review would follow.",
        ),
        ("Runa Galbraith-Oye", "Teodor Lisk"),
    )
    assert ("indirect", "Runa Galbraith-Oye", "the money would be found") in got
    assert ("indirect", "Runa Galbraith-Oye", "a review would follow.") in got


def test_a_time_phrase_beside_a_name_describes_no_one():
    got = _claims(
        (
            "The next day, Runa Galbraith-Oye said fares would fall.",
            "Teodor Lisk said the plan was unaffordable.",
            "The next day brought more bad news, and the council said a review would follow.",
        ),
        ("Runa Galbraith-Oye", "Teodor Lisk"),
    )
    assert not any(speaker == "Runa Galbraith-Oye" and "review" in text for _k, speaker, text in got)


def test_a_first_name_only_one_person_has_is_that_person_as_a_speaker():
    got = _claims(
        (
            "The painter Ilse Granholm-Rae died in 2004.",
            "Her son, Tomas Granholm-Rae, who sorted her letters for two years, showed me round.",
            '"She painted every single day," Tomas said.',
        ),
        ("Ilse Granholm-Rae", "Tomas Granholm-Rae"),
    )
    assert ("direct", "Tomas Granholm-Rae", "She painted every single day,") in got
