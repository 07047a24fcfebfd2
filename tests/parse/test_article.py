from __future__ import annotations

import pytest

from aidebate_etl.errors import NoArticle
from aidebate_etl.parse import parse_page


@pytest.mark.parametrize(
    ("stem", "title"),
    [
        ("flat_comments_signin_nav", "Harbor Town Votes to Keep Its Last Ferry Running Through Winter"),
        ("forum_thread_quotes", "Glassmakers' Guild Wins Bid to Reopen the Old Furnace Hall"),
        ("threaded_says_tabs", "The Night Market Lanterns Return After a Decade Away"),
        ("related_links_midbody", "Orchard Growers Turn to Sheep to Keep Weeds Down"),
        ("no_images_bullets", "Five Ways the New Library Card Changes How You Borrow"),
        ("flat_comments_no_heading", "Ridgeline Trail Reopens After Rockfall Repairs"),
        ("dated_comments_inreply", "Beekeepers Report Best Honey Harvest in a Decade"),
        ("end_furniture_factbox", "Review: The Salt Road Is a Slow, Gorgeous Voyage"),
    ],
)
def test_article_title_is_the_headline_after_furniture(parsed_page, stem: str, title: str) -> None:
    assert parsed_page(stem).title == title


@pytest.mark.parametrize(
    ("stem", "subtitle"),
    [
        (
            "flat_comments_signin_nav",
            "Council members split 5-4 after a night of testimony from commuters and dockworkers",
        ),
        ("forum_thread_quotes", "The guild plans a public studio and a small museum in the 1890s building"),
        ("related_links_midbody", "A flock of 60 ewes now grazes between the apple rows at Fennick Hill."),
        ("no_images_bullets", "Readers in Elmsford get a single card for books, tools and museum passes"),
        ("flat_comments_no_heading", None),
    ],
)
def test_article_subtitle_is_the_dek_or_none(parsed_page, stem: str, subtitle: str | None) -> None:
    assert parsed_page(stem).subtitle == subtitle


@pytest.mark.parametrize(
    ("stem", "count"),
    [
        ("flat_comments_signin_nav", 7),
        ("forum_thread_quotes", 3),
        ("threaded_says_tabs", 2),
        ("related_links_midbody", 5),
        ("no_images_bullets", 8),
        ("flat_comments_no_heading", 3),
        ("dated_comments_inreply", 3),
        ("end_furniture_factbox", 2),
    ],
)
def test_article_paragraph_count(parsed_page, stem: str, count: int) -> None:
    assert len(parsed_page(stem).paragraphs) == count


@pytest.mark.parametrize(
    ("stem", "junk"),
    [
        ("flat_comments_signin_nav", "Sign in"),
        ("flat_comments_signin_nav", "Advertisement"),
        ("flat_comments_signin_nav", "Share Tweet Email"),
        ("flat_comments_signin_nav", "By Priya Vantongeren"),
        ("flat_comments_signin_nav", "min read"),
        ("flat_comments_signin_nav", "Comments (4)"),
        ("flat_comments_signin_nav", "marina_k"),
        ("forum_thread_quotes", "Community Board"),
        ("forum_thread_quotes", "Reply to this topic"),
        ("forum_thread_quotes", "wrote:"),
        ("related_links_midbody", "Related:"),
        ("related_links_midbody", "Sheep in the Vineyard Trend Grows"),
        ("related_links_midbody", "Read more"),
        ("related_links_midbody", "newsletter"),
        ("related_links_midbody", "Tags:"),
        ("related_links_midbody", "Photo by"),
        ("threaded_says_tabs", "says:"),
        ("threaded_says_tabs", "Leave a Reply"),
        ("dated_comments_inreply", "Reporting by"),
        ("dated_comments_inreply", "hive_and_seek"),
        ("end_furniture_factbox", "Writer:"),
        ("end_furniture_factbox", "Running time"),
        ("end_furniture_factbox", "Share this"),
        ("end_furniture_factbox", "Our pick of the week"),
        ("end_furniture_factbox", "MOST READ"),
        ("end_furniture_factbox", "Opera house"),
        ("end_furniture_factbox", "All rights reserved"),
    ],
)
def test_article_body_has_no_furniture(parsed_page, stem: str, junk: str) -> None:
    assert junk not in parsed_page(stem).body


def test_article_bullet_items_are_paragraphs_without_markers(parsed_page) -> None:
    paras = parsed_page("no_images_bullets").paragraphs
    assert paras[1:5] == (
        "Here is what changes for borrowers:",
        "Books, films and tools can be borrowed on the same card",
        "Museum passes can be reserved online",
        "Late fees end for children's books",
    )
    assert paras[-2:] == ("Bring a photo ID to the front desk.", "Collect the new card the same day.")


@pytest.mark.parametrize(
    ("stem", "index", "paragraph"),
    [
        (
            "no_images_bullets",
            0,
            "The Elmsford public library will replace its paper cards with a single plastic card on June 1, "
            "the library board announced on Monday.",
        ),
        (
            "forum_thread_quotes",
            2,
            "The lease runs for twenty-five years and requires the guild to restore the roof and chimney "
            "before opening the hall to visitors.",
        ),
    ],
)
def test_article_hard_wrapped_lines_are_joined(parsed_page, stem: str, index: int, paragraph: str) -> None:
    assert parsed_page(stem).paragraphs[index] == paragraph


def test_article_body_stops_at_article_end_heading(parsed_page) -> None:
    assert parsed_page("related_links_midbody").paragraphs[-1] == (
        "Lindqvist said the sheep would stay for at least three more seasons."
    )


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Home\nNews\nSport\nSign in\n",
        "Harbor Town Votes to Keep Its Ferry\n\nShare Tweet Email\n\nAdvertisement\n",
        "just some words. and more words that end a sentence.\n",
    ],
)
def test_article_page_without_article_raises_no_article(text: str) -> None:
    with pytest.raises(NoArticle):
        parse_page(text)


def test_article_nav_only_page_raises_no_article(parsed_page) -> None:
    with pytest.raises(NoArticle, match=r"no body paragraph|no headline"):
        parsed_page("nav_only_no_article")


def test_article_single_newline_paragraphs_stay_apart() -> None:
    page = (
        "Lake Ferrin Water Levels Hit a Record Low\n"
        "Officials urge residents to cut water use as the reservoir drops to 31 percent\n"
        "Lake Ferrin fell to its lowest level since records began in 1952, the regional water board said "
        "on Friday, after a third dry winter.\n"
        "The board will vote next week on whether to make the limits mandatory.\n"
    )
    s = parse_page(page)
    assert s.subtitle == "Officials urge residents to cut water use as the reservoir drops to 31 percent"
    assert len(s.paragraphs) == 2


def test_article_whitespace_noise_is_normalised() -> None:
    page = (
        "Tide\u00a0Clock Restored at  the Old Pier  \n\n"
        "\tThe clock on the old pier\u00a0runs again after a volunteer rebuilt its gears.   \n"
    )
    s = parse_page(page)
    assert s.title == "Tide Clock Restored at the Old Pier"
    assert s.paragraphs == ("The clock on the old pier runs again after a volunteer rebuilt its gears.",)


def test_article_pull_quote_repeat_is_dropped() -> None:
    page = (
        "Bakers Revive a Rye Loaf Lost for a Century\n\n"
        "A bakery in Osterholm has revived a rye loaf last sold in 1921. \u201cWe followed the old recipe "
        "to the gram and it simply worked,\u201d owner Hedda Salo said.\n\n"
        "\u201cWe followed the old recipe to the gram and it simply worked,\u201d\n\n"
        "The loaf sells out by nine every morning.\n"
    )
    assert len(parse_page(page).paragraphs) == 2


_LEAD = (
    "The footbridge at Hobb's Ford will reopen in June after a winter of repairs, the parish council said."
)


@pytest.mark.parametrize(
    ("top", "title"),
    [
        # A masthead with its tagline above the headline.
        (
            "The Moorfield Rambler \u2014 walks, weather and village news",
            "Footbridge at Hobb's Ford to reopen in June",
        ),
        # The browser's page title: the headline and the site name.
        (
            "Footbridge at Hobb's Ford to reopen in June | Moorfield Rambler",
            "Footbridge at Hobb's Ford to reopen in June",
        ),
    ],
)
def test_article_title_skips_masthead_and_page_title(top: str, title: str) -> None:
    page = f"{top}\n\nFootbridge at Hobb's Ford to reopen in June\n\nBy Tamsin Ruddock\n\n{_LEAD}\n"
    s = parse_page(page)
    assert (s.title, s.subtitle, s.bylines) == (title, None, ("By Tamsin Ruddock",))


@pytest.mark.parametrize(
    "promo",
    [
        "Drive Home is on weekdays from 5pm. Listen again on the Valley FM app.",
        "Sign up for our free morning briefing.",
        "Tell us what you think: email the newsroom.",
    ],
)
def test_article_closing_promo_to_the_reader_is_dropped(promo: str) -> None:
    page = (
        "Footbridge at Hobb's Ford to reopen in June\n\n"
        f"{_LEAD}\n\n"
        "Walkers will be asked to keep dogs on leads near the new handrails.\n\n"
        f"{promo}\n"
    )
    assert (
        parse_page(page).paragraphs[-1]
        == "Walkers will be asked to keep dogs on leads near the new handrails."
    )


@pytest.mark.parametrize(
    "ending",
    [
        # Reported, not addressed to the reader.
        "She said she would happily sign up again for the ride next year.",
        "\u201cTune in next week,\u201d the presenter said before the lights went out.",
        # A consultation that closed is news, not a notice about the page's thread.
        "Public comments on the footbridge plan closed on Friday.",
        # A police appeal that ends the story's own prose, phone number and all.
        "Anyone who saw the damage is asked to call the parish office on 01632 960 118.",
        # Joining a debate, reported.
        "Walkers' groups will join the discussion at the parish meeting on Monday.",
        # A consultation's own invitation, reported as news.
        "Have your say on the new handrails at the parish office until 30 June.",
    ],
)
def test_article_closing_prose_that_mentions_a_call_is_kept(ending: str) -> None:
    page = f"Footbridge at Hobb's Ford to reopen in June\n\n{_LEAD}\n\n{ending}\n"
    assert parse_page(page).paragraphs[-1] == ending


@pytest.mark.parametrize(
    ("stem", "title", "subtitle", "first", "last", "count"),
    [
        (
            "headline_byline_timestamp",
            "Harbour towns bet on night ferries as rail strike drags on",
            None,
            "Ferry operators on the northern coast",
            "O'Dwyer told the meeting that talks would resume on Thursday.",
            4,
        ),
        (
            "gallery_agency_credits",
            "In pictures: the spring tide festival",
            "Boats, bands and a sand sculpture of a whale drew crowds to the seafront",
            "The festival has run every spring since 1979",
            "Rousseau-Marchand said next year's theme would be lighthouses.",
            2,
        ),
        (
            "wire_initials_company",
            "Logistics group Brooke names new chief after profit warning",
            None,
            "LONDON, June 4 (Reuters) - Brooke Logistics named J.K. Adeyemi",
            "Harlan Brooke said he was proud of the company his grandfather built.",
            4,
        ),
        (
            "bare_byline_accents",
            "Why the night bus matters more than the new tram",
            "A cheaper fix is already running, and we keep cutting it",
            "Every city wants a tram.",
            "Łukasz Żmuda, a hospital porter, said he walks an hour home after every late shift.",
            4,
        ),
        (
            "masthead_page_title_promo",
            "Village hall wins lottery grant for new roof",
            None,
            "The village hall committee has won a lottery grant",
            "Sparrowhawk said work would start in September and the hall would stay open throughout.",
            2,
        ),
    ],
)
def test_article_headline_dek_and_body_bounds(parsed_page, stem, title, subtitle, first, last, count) -> None:
    s = parsed_page(stem)
    assert (s.title, s.subtitle, len(s.paragraphs)) == (title, subtitle, count)
    assert s.paragraphs[0].startswith(first)
    assert s.paragraphs[-1].endswith(last)


def test_article_gallery_agency_only_credits(parsed_page) -> None:
    s = parsed_page("gallery_agency_credits")
    assert s.image_captions == (
        "A fishing boat decorated with paper flowers leads the parade.",
        "Festival founder Léa Rousseau-Marchand, 71, cuts the ribbon.",
        "The sand whale took three days to build.",
        "Crowds on the promenade at dusk.",
    )
    assert s.image_credits == ("Reuters", "Éloïse Garnier/AFP", "AFP via Getty Images", "EPA")
    assert "of 4" not in s.body


@pytest.mark.parametrize(
    "top",
    [
        # A site name over a menu bar whose cells a copy kept apart only by runs of spaces.
        "The Dunmere Evening Lamp\nHome  Town  Farming  Letters  Jobs",
        # A shouted site name with a section tab, over a breadcrumb trail.
        "THE DUNMERE LAMP  |  Weekend\nTown \u203a Rivers \u203a Bridges",
        # A live-status row with a relative timestamp.
        "Dunmere live\nLIVE  Updated 12 min ago",
        # A site name and its tagline over a menu row, a menu item shaped as a question.
        "The Dunmere Evening Lamp\nNews for the dale since 1921\n\n"
        "News   Sport   Letters   How Do I...?   Jobs",
        # A cookie notice ending on its buttons.
        "We use cookies to improve your visit. By browsing on you agree to our use of cookies. Accept",
        "We and our partners use cookies to tailor ads. Accept All    Reject All    Cookie Settings",
        # A cookie notice whose buttons sit on their own line, under the site name.
        "The Dunmere Evening Lamp\n\nThis website uses cookies to give you the best experience.\n"
        "Accept all    Manage",
        # A consent notice that never says "cookie", ending on its own buttons, bracketed or barred.
        "Your data, your say: we and 60 vendors keep identifiers on this browser. [Accept] [See vendors]",
        "Data notice: this site stores small files to count visits. Fine | Reject | Read the policy",
        # A consent heading and notice whose buttons sit on the line under the notice.
        "Privacy matters to us here\nWe and selected vendors store identifiers to measure visits and "
        "show you relevant adverts.\nACCEPT    CUSTOMISE",
        # A live-score ticker over the site name.
        "LIVE  Dale 1-0 Ford (62')   |   Harbour v Quay 19:45\nDALE SPORT",
        # A paywall meter over the headline, and a section menu set apart by middle dots.
        "Dale Lamp\nSign in\n\nYou have read 2 of your 5 free stories this month. Subscribe today.",
        "DALE LAMP\nTown \u00b7 Rivers \u00b7 Farming \u00b7 Letters \u00b7 Jobs\n\n"
        "\u2605\u2605\u2605\u2606\u2606",
        # A site name and its tagline over a menu copied as a column, one section a line.
        "Dale Lamp\nThe stories that matter to walkers in the dale\nTown\nRivers\nFarming\nWhat's On\n"
        "Letters\nJobs\nSign In",
    ],
)
def test_article_title_skips_site_name_over_menu_and_status_row(top: str) -> None:
    page = f"{top}\n\nFootbridge at Hobb's Ford to reopen in June\n\n{_LEAD}\n"
    s = parse_page(page)
    assert (s.title, s.paragraphs) == ("Footbridge at Hobb's Ford to reopen in June", (_LEAD,))


_LAST = "Walkers will be asked to keep dogs on leads near the new handrails."


@pytest.mark.parametrize(
    "tail",
    [
        # The writer's bio under the article, naming the byline's writer.
        "Tamsin Ruddock is a walker and former park ranger. Her book, Stiles, is out in May.",
        "Tamsin Ruddock covers rural affairs from Exeter. Write to her at t.ruddock@lamp.example",
        # A tip box with an address.
        "Seen something? Tell the newsdesk at desk@lamp.example",
        # A match-facts line.
        "Attendance: 4,210",
        # A thread switched off, in any wording.
        "Comments are closed on this story for legal reasons.",
        "Comments are turned off for this article.",
        "Commenting has been suspended.",
        # Shoot credits.
        "Styling by Oona Petrakis. Hair and make-up by Lil Varga.",
        # Where the article ran in print.
        "This article appears in the June 2025 print edition with the headline \u201cFord Keeper.\u201d",
        # A live story's closing note.
        "This is a developing story. Check back for updates.",
        # A review's credits box.
        "Stiles. Directed by Una Brack. Starring Ilse Moor, Teo Vance. 1 hr 38 min. Rated PG.",
        # A press release's end mark and the site footer under it.
        "###\n\nStay Connected\nSubscribe to Parish News    Facebook    YouTube",
        # A related list under its label.
        "Related\nStepping stones at Hobb's Ford washed away\nWhy the ford floods every spring",
        # An author box with no heading: name, role line, a bio opening on the first name.
        "Tamsin Ruddock\nRural affairs reporter, The Dale Lamp\nTamsin has walked the dale since 2012.",
        # A helpline line under the related links.
        "Read more\nStepping stones at Hobb's Ford washed away\nWhy the ford floods every spring\n"
        "The Dale Rescue line is open day and night on 0808 157 0042.",
        # The invitation to the comment thread.
        "What's your view? Join the debate below.",
        "Join the conversation: tell us what you think in the comments.",
        # A topics list under its heading.
        "Related Topics\nFootbridges\nDunmere parish",
        # A review's rating line, its label holding an ampersand.
        "Walks & Ways rating: three stars",
        # A topics list under its heading.
        "Explore more on these topics\nFootpaths\nRivers\nParish council",
        # Bulleted links under a "Read more:" label: a teaser may ask a question or end on a quotation.
        "Read more:\n\u2022 Can walkers still use the upper crossing?\n"
        "\u2022 Warden: \u2018The stones were never safe\u2019\n\u2022 Parish opens flood fund for farms",
        # A blog's share block and like button.
        "Share this:\nMastodon\nEmail\n\nLike this:\nLike Loading...",
        # Link texts marked with arrows under a "Related" label: a teaser may ask a question.
        "Related\n\u2192 Who owns the stepping stones?\n\u2192 Why the ford floods every spring",
        # A section's latest stories under their heading, after the desk's contact line.
        "Write to the rivers desk: rivers@dalelamp.example\n\n"
        "Latest from Rivers\nWeir repairs start in May\nAnglers count the cost of the flood",
    ],
)
def test_article_trailing_furniture_is_not_body(tail: str) -> None:
    page = (
        f"Footbridge at Hobb's Ford to reopen in June\n\nBy Tamsin Ruddock\n\n{_LEAD}\n\n{_LAST}\n\n{tail}\n"
    )
    assert parse_page(page).paragraphs == (_LEAD, _LAST)


@pytest.mark.parametrize(
    "inner",
    [
        "The views expressed in this column are the writer\u2019s own.",
        "Story continues below",
        # A donation button over its appeal.
        "Donate\n\nThe Lamp is free to read and funded by readers like you. Donate today.",
        # A star rating, glyphs with no word.
        "\u2605\u2605\u2605\u2606\u2606",
        "SIGN UP for our free Rivers and Rambles newsletter, delivered every Friday",
        "Footfall at the ford, walkers per day\nSource: parish counts",
        # Funding appeals set between paragraphs.
        "Support for the Lamp comes from readers like you. Become a member today.",
        "The Lamp is a nonprofit newsroom. If this mattered to you, please consider a monthly gift.",
        # An ad slot's label and its scroll hint in one row.
        "Advertisement \u00b7 Scroll to continue",
        # A newsletter box opened and closed by its labels, its pitch and small print in between.
        "Sign up to Dale Walks\nFree monthly newsletter\nThe best routes in the dale, picked by our ranger\n"
        "Privacy: We only use your address to send you the newsletter.\nafter newsletter promotion",
        # A paid promotion under its label.
        "Sponsored\nBook a guided walk along the ford this summer. Find out more",
        # A sign-up form with its confirmation message.
        "Subscribe\nThank you for subscribing!",
        # A one-line paid promotion: its label, a colon, the pitch.
        "SPONSORED: Walking boots from \u00a349 this week only. Shop now",
        # An ad slot's label and its scroll hint set apart by a dash.
        "Advertisement \u2014 story continues below",
    ],
)
def test_article_inner_furniture_is_not_body(inner: str) -> None:
    page = f"Footbridge at Hobb's Ford to reopen in June\n\n{_LEAD}\n\n{inner}\n\n{_LAST}\n"
    assert parse_page(page).paragraphs == (_LEAD, _LAST)


@pytest.mark.parametrize(
    "small_print",
    [
        "We keep your address only to send you this bulletin. Read our privacy policy for details.",
        "Privacy Notice: Newsletters carry adverts and may include partner offers.",
    ],
)
def test_article_sign_up_small_print_inside_the_body_is_not_body(small_print: str) -> None:
    # A page that kept no blank lines: the form's lines come one by one between two paragraphs.
    page = (
        f"Footbridge at Hobb's Ford to reopen in June\n{_LEAD}\nDALE WALKS NEWSLETTER\nEnter your email\n"
        f"Subscribe\n{small_print}\n{_LAST}\n"
    )
    assert parse_page(page).paragraphs == (_LEAD, _LAST)


@pytest.mark.parametrize(
    "policy",
    [
        "The parish council changed its privacy policy in May after a complaint from a walker.",
        "\u201cYou can read our privacy notice at the office,\u201d the clerk said.",
    ],
)
def test_article_report_on_a_privacy_policy_is_body(policy: str) -> None:
    page = f"Footbridge at Hobb's Ford to reopen in June\n\n{_LEAD}\n\n{policy}\n"
    assert parse_page(page).paragraphs == (_LEAD, policy)


def test_article_editors_note_above_story_is_not_body() -> None:
    page = (
        "Footbridge at Hobb's Ford to reopen in June\n\nBy Tamsin Ruddock\n\n"
        "Editor's note: This story has been updated to correct the date of the reopening.\n\n"
        f"{_LEAD}\n\n{_LAST}\n"
    )
    assert parse_page(page).paragraphs == (_LEAD, _LAST)


def test_article_shoot_credits_become_bylines() -> None:
    page = (
        f"Footbridge at Hobb's Ford to reopen in June\n\n{_LEAD}\n\n{_LAST}\n\n"
        "Styling by Oona Petrakis. Hair and make-up by Lil Varga.\n"
    )
    assert parse_page(page).bylines == ("Styling by Oona Petrakis", "Hair and make-up by Lil Varga")


@pytest.mark.parametrize(
    ("head", "subtitle"),
    [
        # Writers named without "By", then a dateline bar of published and updated times.
        (
            "Orla Finnegan and Piotr Wasik\nThe Dunmere Evening Lamp\n"
            "Published 4:10 p.m. ET June 3, 2025 | Updated 6:45 p.m. ET June 3, 2025",
            None,
        ),
        # A press release's contact line under its date.
        (
            "FOR IMMEDIATE RELEASE\nJune 3, 2025\n"
            "Contact: Parish Office, (555) 010-4477, office@parish.example",
            None,
        ),
        # A publication time with the update label after it, no bar between them; a "Last modified" line.
        ("By Jo Pike\nJune 3, 2025 4:10 PM BST Updated 2 hours ago", None),
        ("Jo Pike\nTue 3 Jun 2025 16.10 BST\nLast modified on Tue 3 Jun 2025 18.05 BST", None),
        # A time zone given with its offset from UTC.
        ("By Jo Pike\nJune 3, 2025 4:10 PM UTC-04:00 Updated 2 hours ago", None),
        ("By Jo Pike\nJune 3, 2025 4:10 PM CET+2", None),
        # A key-points box under its label: its points are neither dek nor body.
        ("Key points\nSpan reopens on 2 June\nParish paid for the handrails", None),
        (
            "By Jo Pike\nAt a glance\n\n\u2022 Span reopens on 2 June.\n"
            "\u2022 Dogs on leads near the handrails.",
            None,
        ),
        # Audio players' labels in other shapes.
        ("Listen to this story (4 min)", None),
        ("Listen to article 00:00 / 04:12", None),
        # A player control with its running time, then the dek.
        (
            "Listen to this article \u00b7 4 min\n\nThe parish says the new span will carry cyclists too",
            "The parish says the new span will carry cyclists too",
        ),
    ],
)
def test_article_head_furniture_is_neither_dek_nor_body(head: str, subtitle: str | None) -> None:
    page = f"Footbridge at Hobb's Ford to reopen in June\n\n{head}\n\n{_LEAD}\n"
    s = parse_page(page)
    assert (s.title, s.subtitle, s.paragraphs) == (
        "Footbridge at Hobb's Ford to reopen in June",
        subtitle,
        (_LEAD,),
    )


def test_article_update_line_above_the_lead_is_body() -> None:
    update = "Update, 6:40 p.m.: The parish said the footbridge would open a day early."
    photo = "Walkers cross the ford. (Jo Pike/Lamp)"
    page = f"Footbridge at Hobb's Ford to reopen in June\n\n{update}\n\n{photo}\n\n{_LEAD}\n"
    assert parse_page(page).paragraphs[:2] == (update, _LEAD)


def test_article_list_heading_above_bullets_is_dropped() -> None:
    items = ("The span is 14 metres long.", "It cost the parish £80,000.")
    page = (
        f"Footbridge at Hobb's Ford to reopen in June\n\n{_LEAD}\n\nWhat we know\n\n"
        + "\n".join(f"\u2022 {i}" for i in items)
        + "\n\nHe listed two changes:\n\n"
        + "\n".join(f"\u2022 {i}" for i in items)
        + f"\n\n{_LAST}\n"
    )
    assert parse_page(page).paragraphs == (_LEAD, *items, "He listed two changes:", *items, _LAST)


def test_article_caption_over_commissioned_credit_is_an_image() -> None:
    caption = "The new handrails at the ford, fitted in May."
    page = (
        f"Footbridge at Hobb's Ford to reopen in June\n\n{caption}\nOla Brennan for The Dale Review\n\n"
        f"{_LEAD}\n\n{_LAST}\n"
    )
    s = parse_page(page)
    assert (s.paragraphs, s.image_captions, s.image_credits) == (
        (_LEAD, _LAST),
        (caption,),
        ("Ola Brennan for The Dale Review",),
    )


def test_article_death_notice_name_over_life_span_is_the_title() -> None:
    page = (
        "Dale Lamp\nObituaries | Funeral Homes | Place a Notice\n\n"
        "Agatha \u201cAggie\u201d Pennington\n1931 \u2013 2025\n\n"
        "Agatha \u201cAggie\u201d Pennington\nCourtesy of the Pennington family\n\n"
        "Ferry pilot who ran the harbour choir for thirty years dies at 93\n\n"
        "Published by Dale Lamp from May 2 to May 4, 2025.\n\n"
        f"{_LEAD}\n\n{_LAST}\n\n"
        "Service information\nFuneral: Friday, May 9, 2025, 2 p.m., St Ives Chapel\n"
        "Arrangements by Moss & Sons\n"
    )
    s = parse_page(page)
    assert (s.title, s.subtitle, s.paragraphs, s.image_credits) == (
        "Agatha \u201cAggie\u201d Pennington",
        "Ferry pilot who ran the harbour choir for thirty years dies at 93",
        (_LEAD, _LAST),
        ("Courtesy of the Pennington family",),
    )


def test_article_image_placeholder_and_its_credit_line_are_an_image() -> None:
    more = "The parish will publish the new opening hours next week."
    page = (
        f"Footbridge at Hobb's Ford to reopen in June\n\n{_LEAD}\n\n{_LAST}\n\n"
        "[Image: Walkers on the temporary stepping stones, with the old span behind them]\nParish Archive\n\n"
        f"{more}\n"
    )
    s = parse_page(page)
    assert (s.paragraphs, s.image_captions, s.image_credits) == (
        (_LEAD, _LAST, more),
        ("Walkers on the temporary stepping stones, with the old span behind them",),
        ("Parish Archive",),
    )


def test_article_labelled_image_source_and_caption_are_one_image_not_the_dek() -> None:
    page = (
        "Footbridge at Hobb's Ford to reopen in June\n\nBy Tamsin Ruddock\n\n"
        "Image source, Parish Archive\nImage caption, The old span before the winter floods\n\n"
        f"{_LEAD}\n\n{_LAST}\n"
    )
    s = parse_page(page)
    assert (s.subtitle, s.paragraphs, s.image_captions, s.image_credits) == (
        None,
        (_LEAD, _LAST),
        ("The old span before the winter floods",),
        ("Parish Archive",),
    )


def test_article_contributor_credits_under_the_dek_are_bylines_not_image_credits() -> None:
    caption = "Volunteers fit the handrails. (Photo \u00a9 Ola Brennan)"
    page = (
        "Footbridge at Hobb's Ford to reopen in June\n\n"
        "Words: Tamsin Ruddock\nPhotography: Ola Brennan\nSunday 1 June 2025\n\n"
        f"{caption}\n\n{_LEAD}\n\n{_LAST}\n"
    )
    s = parse_page(page)
    assert (s.paragraphs, s.image_captions, s.image_credits, s.bylines) == (
        (_LEAD, _LAST),
        ("Volunteers fit the handrails.",),
        ("Ola Brennan",),
        ("Words: Tamsin Ruddock", "Photography: Ola Brennan"),
    )


def test_article_author_line_above_the_headline_is_a_byline() -> None:
    page = (
        "Dale Lamp\nTOWN  \u203a  RIVERS\n\nBy Tamsin Ruddock and Ola Brennan | 1 June 2025\n\n"
        f"Footbridge at Hobb's Ford to reopen in June\n\n{_LEAD}\n"
    )
    s = parse_page(page)
    assert (s.title, s.bylines) == (
        "Footbridge at Hobb's Ford to reopen in June",
        ("By Tamsin Ruddock and Ola Brennan",),
    )


def test_article_question_shaped_list_heading_with_colon_is_dropped() -> None:
    items = ("The span is 14 metres long.", "It cost the parish £80,000.")
    page = (
        f"Footbridge at Hobb's Ford to reopen in June\n\n{_LEAD}\n\nWhat the survey found:\n\n"
        + "\n\n".join(f"\u2022 {i}" for i in items)
        + f"\n\n{_LAST}\n"
    )
    assert parse_page(page).paragraphs == (_LEAD, *items, _LAST)


def test_article_results_table_after_the_body_is_not_body() -> None:
    page = (
        f"Footbridge at Hobb's Ford to reopen in June\n\n{_LEAD}\n\n{_LAST}\n\n"
        "Parish vote\nRebuild the span (Option A) 412\nRepair the old span (Option B) 198\n"
        "Spoilt ballots 7\nTurnout: 38%\n"
    )
    assert parse_page(page).paragraphs == (_LEAD, _LAST)


def test_article_title_skips_site_name_that_the_copyright_line_names() -> None:
    page = (
        "The Dunmere Evening Lamp\n\nSign in\n\n"
        f"Footbridge at Hobb's Ford to reopen in June\n\n{_LEAD}\n\n"
        "\u00a9 2025 The Dunmere Evening Lamp. All rights reserved.\n"
    )
    s = parse_page(page)
    assert (s.title, s.paragraphs) == ("Footbridge at Hobb's Ford to reopen in June", (_LEAD,))


@pytest.mark.parametrize(
    "dek",
    [
        "The parish says the new span will carry cyclists and prams as well as walkers",
        "The parish says the new span will carry cyclists and prams as well as walkers.",
    ],
)
def test_article_short_label_over_the_dek_is_not_the_dek(dek: str) -> None:
    page = (
        f"Footbridge at Hobb's Ford to reopen in June\n\nVarious paths, from 2 June\n{dek}\n\n"
        f"By Tamsin Ruddock\n\n{_LEAD}\n\n{_LAST}\n"
    )
    s = parse_page(page)
    assert (s.subtitle, s.paragraphs) == (dek, (_LEAD, _LAST))


def test_article_labelled_credit_under_a_caption_line_is_that_image_credit() -> None:
    page = (
        f"Footbridge at Hobb's Ford to reopen in June\n\n{_LEAD}\n\n{_LAST}\n\n"
        "Caption: Walkers on the new span\nPhoto: Parish Archive\n\n"
        "The parish will publish the new opening hours next week.\n"
    )
    s = parse_page(page)
    assert (s.image_captions, s.image_credits) == (("Walkers on the new span",), ("Parish Archive",))


def test_article_short_list_items_in_blocks_of_their_own_are_kept() -> None:
    page = (
        f"Footbridge at Hobb's Ford to reopen in June\n\n{_LEAD}\n\nKey figures\n\n"
        f"\u2022 412 walkers a day\n\n\u2022 A span of 14 metres\n\n{_LAST}\n"
    )
    assert parse_page(page).paragraphs == (_LEAD, "412 walkers a day", "A span of 14 metres", _LAST)


@pytest.mark.parametrize(
    "head",
    [
        # Dek, byline, date, audio player and share row in one block: the writer's name makes it the
        # article's head, not a promo box of short lines and buttons.
        "The parish says the new span will carry cyclists too\nBy Jo Pike, Parish Reporter\n"
        "Tuesday 3 June 2025, 16:10\nListen to this article \u00b7 4 min\n"
        "Share on Facebook   Share on X   Email",
        # Dek, a name without "By", the writer's role, the date and a share count run straight into the lead
        # photo: the dek stands above the date, so it is no leftover alt text of the picture.
        "The parish says the new span will carry cyclists too\nJo Pike\nParish reporter\n"
        "Tue 3 Jun 2025 16.10 BST\nShare\n14\nWalkers cross the old ford. Photograph: Sam Reed/Lamp",
    ],
)
def test_article_dek_in_a_head_block_is_the_subtitle(head: str) -> None:
    page = f"Footbridge at Hobb's Ford to reopen in June\n{head}\n\n{_LEAD}\n"
    s = parse_page(page)
    assert (s.title, s.subtitle, s.paragraphs) == (
        "Footbridge at Hobb's Ford to reopen in June",
        "The parish says the new span will carry cyclists too",
        (_LEAD,),
    )


_PLAIN_PROSE = (
    "The harbour board voted on Monday to close the north slipway for the winter, after divers found "
    "cracks in two of its piers.\n\n"
    '"We would rather lose a season than a boat," said Mirela Osei, who chairs the board.\n\n'
    "Repairs are expected to start in March and to cost about £250,000, the board said.\n"
)


def test_article_plain_prose_without_headline_loads_with_no_title() -> None:
    # A plain article text (a collection's copy, a press release) has no headline line at all.
    page = parse_page(_PLAIN_PROSE)
    assert page.title is None
    assert page.subtitle is None
    assert page.paragraphs[0].startswith("The harbour board voted on Monday")
    assert len(page.paragraphs) == 3


def test_article_headline_written_as_a_sentence_is_the_headline() -> None:
    page = parse_page("Harbour board closes north slipway for the winter.\n\n" + _PLAIN_PROSE)
    assert page.title == "Harbour board closes north slipway for the winter."
    assert page.paragraphs[0].startswith("The harbour board voted on Monday")


def test_article_short_opening_paragraph_of_two_sentences_is_body_not_headline() -> None:
    page = parse_page("The slipway is shut. Boats must use the south ramp.\n\n" + _PLAIN_PROSE)
    assert page.title is None
    assert page.paragraphs[0] == "The slipway is shut. Boats must use the south ramp."


def test_article_hard_wrapped_prose_without_headline_is_all_body() -> None:
    # The first wrapped line ends mid-sentence ('…its piers,' / 'and …'): no headline, though it is short.
    page = parse_page(
        "The harbour board voted on Monday to close the north slipway,\n"
        "and divers who inspected it found cracks in two of its piers.\n"
        '"We would rather lose a season than a boat," said Mirela Osei, who\n'
        "chairs the board. Repairs are expected to start in March.\n"
    )
    assert page.title is None
    assert page.paragraphs[0].startswith("The harbour board voted on Monday to close the north slipway, and")


def test_article_copyright_credit_under_a_caption_is_the_image_credit_not_the_footer() -> None:
    page = (
        "Footbridge at Hobb's Ford to reopen in June\n\n"
        "Walkers crossing the old span in 1998.\n\u00a9 Branwen Tellory\n\n"
        f"{_LEAD}\n\n{_LAST}\n\n\u00a9 2025 Dale Lamp Media Ltd\n"
    )
    s = parse_page(page)
    assert s.paragraphs == (_LEAD, _LAST)
    assert (s.image_captions, s.image_credits) == (
        ("Walkers crossing the old span in 1998.",),
        ("Branwen Tellory",),
    )


def test_article_pull_quote_with_dash_attribution_is_dropped_when_the_body_repeats_it() -> None:
    quote = "\u201cThe river always wins.\u201d"
    lead = f"The warden has seen three bridges go. {quote[:-2]},\u201d he says, and shrugs."
    page = (
        f"Footbridge at Hobb's Ford to reopen in June\n\n{lead}\n\n{quote}\n\u2014 Osric Pendeley\n\n"
        f"{_LAST}\n"
    )
    assert parse_page(page).paragraphs == (lead, _LAST)


def test_article_quote_with_dash_attribution_line_stays_one_paragraph() -> None:
    quote = "\u201cWe waited nine months for this.\u201d"
    page = (
        f"Footbridge at Hobb's Ford to reopen in June\n\n{_LEAD}\n\n{quote}\n\u2014 Osric Pendeley\n\n"
        f"{_LAST}\n"
    )
    assert parse_page(page).paragraphs == (_LEAD, f"{quote} \u2014 Osric Pendeley", _LAST)


def test_article_bio_of_the_first_of_several_credited_contributors_is_dropped() -> None:
    page = (
        "Footbridge at Hobb's Ford to reopen in June\n\n"
        "Text by Ilona Maddervy \u00b7 Pictures by Teodor Ruske\n\n"
        f"{_LEAD}\n\n{_LAST}\n\nIlona Maddervy is a features writer. Her walking guide is out in June.\n"
    )
    assert parse_page(page).paragraphs == (_LEAD, _LAST)


def test_article_copyright_footer_without_a_year_is_no_image_credit() -> None:
    page = (
        f"Footbridge at Hobb's Ford to reopen in June\n\n{_LEAD}\n\n{_LAST}\n\n"
        "About us | Contact | Terms\nThe Dale Lamp, 4 Market Street, Keldby.\n\u00a9 The Dale Lamp\n"
    )
    assert parse_page(page).images == ()


def test_article_punctuated_dek_over_a_name_byline_is_the_subtitle() -> None:
    # The byline printed without "By" (a name and the writer's role) tells the standfirst from the lead.
    dek = "The span will carry cyclists too. Walkers still want a ramp."
    page = (
        f"Footbridge at Hobb's Ford to reopen in June\n\n{dek}\n\n"
        f"Jo Pike, rivers correspondent\nTue 3 Jun 2025 \u00b7 16:10\n\n{_LEAD}\n\n{_LAST}\n"
    )
    s = parse_page(page)
    assert (s.subtitle, s.paragraphs) == (dek, (_LEAD, _LAST))


def test_article_credit_printed_above_its_caption_is_one_image() -> None:
    page = (
        f"Footbridge at Hobb's Ford to reopen in June\n\nBy Tamsin Ruddock\n\n"
        f"[Photo by Sam Reed]\nThe new span over the ford, with its oak handrails\n\n{_LEAD}\n\n{_LAST}\n"
    )
    s = parse_page(page)
    assert (s.image_captions, s.image_credits, s.paragraphs) == (
        ("The new span over the ford, with its oak handrails",),
        ("Sam Reed",),
        (_LEAD, _LAST),
    )


def test_article_sentence_under_a_credit_line_stays_body() -> None:
    page = (
        f"Footbridge at Hobb's Ford to reopen in June\n\nBy Tamsin Ruddock\n\n"
        f"[Photo by Sam Reed]\n{_LEAD}\n\n{_LAST}\n"
    )
    s = parse_page(page)
    assert (s.image_credits, s.paragraphs) == (("Sam Reed",), (_LEAD, _LAST))


@pytest.mark.parametrize(
    "label_row",
    [
        "EXCLUSIVE   Rivers & Canals",  # a badge and the section, set apart by a wide gap
        "LIVE   Last updated 16:40",  # a live blog's status and its time
    ],
)
def test_article_label_row_over_the_headline_is_no_headline(label_row: str) -> None:
    page = (
        "THE TOWPATH\nRivers   Walks   Wildlife   Events   Shop\n\n"
        f"{label_row}\n\nFootbridge at Hobb's Ford to reopen in June\n\n"
        f"New oak handrails and a wider deck for cyclists\n\nBy Tamsin Ruddock\n\n{_LEAD}\n\n{_LAST}\n"
    )
    s = parse_page(page)
    assert (s.title, s.subtitle) == (
        "Footbridge at Hobb's Ford to reopen in June",
        "New oak handrails and a wider deck for cyclists",
    )


def test_article_headline_under_a_breadcrumb_passes_over_the_header_promos() -> None:
    # A promo strip and an alert bar under the site's menu; the breadcrumb sits right over the headline.
    page = (
        "RIVERSIDE 4\nThe valley's news channel\nHome   News   Weather   Sport   Contact\n"
        "Listen Now: Riverside Drive Time Show\nFLASH: Flood warning on the lower meadows. Tap to read.\n\n"
        "News \u203a Parish\nFootbridge at Hobb's Ford to reopen in June\n\n"
        f"New oak handrails and a wider deck for cyclists\n\nBy Tamsin Ruddock\n\n{_LEAD}\n\n{_LAST}\n"
    )
    s = parse_page(page)
    assert (s.title, s.subtitle, s.paragraphs) == (
        "Footbridge at Hobb's Ford to reopen in June",
        "New oak handrails and a wider deck for cyclists",
        (_LEAD, _LAST),
    )


def test_article_publisher_line_with_a_copyright_sign_ends_the_article() -> None:
    page = (
        f"Footbridge at Hobb's Ford to reopen in June\n\nBy Tamsin Ruddock\n\n{_LEAD}\n\n{_LAST}\n\n"
        "Towpath Weekly is published by Canal Press Ltd. \u00a9 2025\nAbout | Terms | Privacy\n"
    )
    assert parse_page(page).paragraphs == (_LEAD, _LAST)


def test_article_pull_quote_joining_the_halves_of_a_split_quotation_is_dropped() -> None:
    said = (
        "\u201cA bridge is a promise to both banks,\u201d the engineer says, leaning on the rail. "
        "\u201cThis one kept it for a hundred years.\u201d"
    )
    pull = "\u201cA bridge is a promise to both banks. This one kept it for a hundred years.\u201d"
    page = (
        f"Footbridge at Hobb's Ford to reopen in June\n\nBy Tamsin Ruddock\n\n{_LEAD}\n\n{pull}\n\n"
        f"{said}\n\n{_LAST}\n"
    )
    assert parse_page(page).paragraphs == (_LEAD, said, _LAST)


@pytest.mark.parametrize("placeholder", ["Video player loading...", "Loading video\u2026", "Media loading"])
def test_article_player_loading_text_is_furniture(placeholder: str) -> None:
    page = (
        "Footbridge at Hobb's Ford to reopen in June\n\nBy Tamsin Ruddock\n\n"
        f"The new span at dawn. (Riverside 4 camera crew)\n\n{placeholder}\n\n{_LEAD}\n\n{_LAST}\n"
    )
    assert parse_page(page).paragraphs[-2:] == (_LEAD, _LAST)
    assert placeholder not in parse_page(page).paragraphs
