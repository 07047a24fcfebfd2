from __future__ import annotations

import pytest

from aidebate_etl.parse import parse_page
from aidebate_etl.parse.blocks import split_lines
from aidebate_etl.parse.comments import parse_declared_count


def _shape(structure) -> list[tuple[int, int | None, str]]:
    return [(c.depth, c.parent_position, c.author) for c in structure.comments]


@pytest.mark.parametrize(
    ("stem", "style"),
    [
        ("flat_comments_signin_nav", "flat"),
        ("flat_comments_no_heading", "flat"),
        ("forum_thread_quotes", "forum"),
        ("threaded_says_tabs", "says"),
        ("dated_comments_inreply", "dated"),
        ("related_links_midbody", None),
        ("no_images_bullets", None),
    ],
)
def test_comments_layout_is_detected(parsed_page, stem: str, style: str | None) -> None:
    assert parsed_page(stem).comment_style == style


@pytest.mark.parametrize(
    ("stem", "shape"),
    [
        (
            "flat_comments_signin_nav",
            [(0, None, "marina_k"), (0, None, "Dan Okwuosa"), (0, None, "tidewatcher"), (1, 3, "marina_k")],
        ),
        (
            "flat_comments_no_heading",
            [(0, None, "summit_sal"), (0, None, "Corinne B"), (0, None, "gapwalker")],
        ),
        (
            "forum_thread_quotes",
            [(0, None, "quarrylane_resident"), (0, None, "ember_and_ash"), (0, None, "Gus Halloran")],
        ),
        (
            "threaded_says_tabs",
            [(0, None, "lumen_larkin"), (1, 1, "canalside_cook"), (0, None, "Wenonah P.")],
        ),
        ("no_images_bullets", []),
        (
            "dated_comments_inreply",
            [
                (0, None, "hive_and_seek"),
                (1, 1, "lime_row_larry"),
                (2, 2, "hive_and_seek"),
                (0, None, "marketday_mo"),
            ],
        ),
    ],
)
def test_comments_tree_shape(parsed_page, stem: str, shape: list) -> None:
    assert _shape(parsed_page(stem)) == shape


@pytest.mark.parametrize(
    ("stem", "position", "body"),
    [
        (
            "flat_comments_signin_nav",
            2,
            "A bus link would take forty minutes in traffic.\n\nThe ferry takes twelve.",
        ),
        ("flat_comments_signin_nav", 4, "The state grant covers half of it, according to the minutes."),
        ("flat_comments_no_heading", 2, "Is the upper loop open too?"),
        ("threaded_says_tabs", 2, "Same here!"),
        ("dated_comments_inreply", 2, "Forty! Ours managed twelve."),
        (
            "forum_thread_quotes",
            2,
            "Will they keep the old kiln?\n\nYes, the tender documents list it as a protected fixture.",
        ),
        (
            "forum_thread_quotes",
            3,
            # The unmarked line under a "Quote:" label is the quoted box, a paragraph of its own.
            "Yes, the tender documents list it as a protected fixture.\n\n"
            "Good. My grandfather fired pieces in that kiln.",
        ),
    ],
)
def test_comments_body_without_meta_lines(parsed_page, stem: str, position: int, body: str) -> None:
    assert parsed_page(stem).comments[position - 1].body == body


@pytest.mark.parametrize(
    ("stem", "count"),
    [
        ("flat_comments_signin_nav", 4),
        ("threaded_says_tabs", 3),
        ("flat_comments_no_heading", None),
        ("related_links_midbody", None),
    ],
)
def test_comments_declared_count(parsed_page, stem: str, count: int | None) -> None:
    assert parsed_page(stem).declared_comment_count == count


@pytest.mark.parametrize(
    ("line", "count"),
    [
        ("60 Comments", 60),
        ("1 Comment", 1),
        ("Comments (12)", 12),
        ("12 comments", 12),
        ("View all 1,204 comments", 1204),
        ("3 thoughts on “The Night Market”", 3),
        ("Show 3 replies", None),
        ("Fan Corner — 6 replies", 6),
        ("3 Responses to “Review: The Salt Road”", 3),
        ("We read 60 comments from readers.", None),
        ("Reader comments (9)", 9),
        ("14 Comments   Dunmere Lamp   Privacy Policy", 14),
        ("Showing 5 of 31 comments   Sort by: Newest", 31),
        ("Join the discussion (5)", 5),
        ("Join the discussion: 5 comments", 5),
        ("Note: 5 comments were removed by moderators.", None),
        ("Conversation [12]", 12),
        ("3 comments:", 3),
        ("Comments 3", 3),
        ("View Comments (12)", 12),
        ("12 Comments \u203a", 12),
        ("Comments \u00b7 12", 12),
        ("12 reader comments", 12),
        ("Page 1 of 2 [ 31 posts ]", 31),
        # The count as the last cell of a row, or labelled after the thread's one-sentence blurb.
        ("Questions from readers, answered by the transport desk \u00b7 12 posts", 12),
        ("This story is being discussed on our message board. Replies: 14", 14),
        ("We counted the replies: 14", None),
        # A thread heading qualified by where it lives, its bracketed figure naming the unit.
        ("Board discussion (6 posts)", 6),
        ("Panel discussion on Friday (2 speakers)", None),
    ],
)
def test_comments_declared_count_line(line: str, count: int | None) -> None:
    assert parse_declared_count(split_lines(line)) == count


def test_comments_header_with_no_text_gives_empty_body() -> None:
    page = (
        "Night Buses Return to the Harbour Line\n\n"
        "The night bus on the harbour line returns on Friday after two years, the transit board said.\n\n"
        "2 Comments\n\n"
        "  • quaywalker says:\n"
        "  • late_shift_lou says:\n\n"
        "    Finally, no more taxis at 2am.\n"
    )
    s = parse_page(page)
    assert [(c.author, c.body) for c in s.comments] == [
        ("quaywalker", ""),
        ("late_shift_lou", "Finally, no more taxis at 2am."),
    ]


def test_comments_nested_level_labels_give_depth() -> None:
    page = (
        "Studio Says Its Animation Tool Will Not Replace Artists\n"
        "A mid-sized animation studio said Thursday that its in-house tool is meant to speed up drafts.\n"
        "level 1\npixelmonk\n· 3 yr. ago\nThey all say that at first.\n412\nReply\nShare\n"
        "level 2\nframe_by_frame\n· 3 yr. ago\nExactly.\nReply\n"
        "level 1\nquietinker\n· 2 yr. ago\nDrafts are the job for juniors.\nReply\n"
    )
    s = parse_page(page)
    assert _shape(s) == [(0, None, "pixelmonk"), (1, 1, "frame_by_frame"), (0, None, "quietinker")]
    assert s.comments[0].body == "They all say that at first."


def test_comments_thread_is_not_part_of_the_body(parsed_page) -> None:
    s = parsed_page("flat_comments_no_heading")
    assert "summit_sal" not in s.body
    assert s.paragraphs[-1].endswith("onto the lower switchbacks.")


def test_comments_flat_handle_body_reply_list(parsed_page) -> None:
    s = parsed_page("comments_allcaps_names")
    assert s.declared_comment_count == 3
    assert [(c.position, c.depth, c.parent_position, c.author, c.body) for c in s.comments] == [
        (
            1,
            0,
            None,
            "greengrocer_gail",
            "PRIYA NAIR-HOLLOWAY SHOULD RESIGN. Three delays is three too many.",
        ),
        (2, 0, None, "oldtownbob", "Agree. And where was QUARRIE when the first plans went through?"),
        (3, 0, None, "marketmum", "Ask Wenonah Fairclough, she ran the old market for 30 years."),
    ]


_HEAD = (
    "Night Buses Return to the Harbour Line\n\n"
    "The night bus on the harbour line returns on Friday after two years, the transit board said.\n\n"
)


@pytest.mark.parametrize(
    ("thread", "shape", "bodies"),
    [
        # An embed's thread: "handle • time" headers, a reply header naming the answered handle after the
        # replier's, indentation for depth, and a vote-and-controls row closing each comment.
        (
            "5 Comments   Harbour Herald   Privacy Policy\nLogin\nRecommend 2   Share   Sort by Best\n"
            "Join the discussion\u2026\n\n"
            "tidewatcher \u2022 2 hours ago\nAbout time too.\n"
            "3  \u25b3 \u25bd \u2022 Reply \u2022 Share \u203a\n\n"
            "    ferrygirl  tidewatcher \u2022 1 hour ago\n    Agreed.\n"
            "    1  \u25b3 \u25bd \u2022 Reply \u2022 Share \u203a\n\n"
            "quaykeeper \u2022 1 hour ago\nNot for my street.\n"
            "\u25b3 \u25bd \u2022 Reply \u2022 Share \u203a\n",
            [(0, None, "tidewatcher"), (1, 1, "ferrygirl"), (0, None, "quaykeeper")],
            ["About time too.", "Agreed.", "Not for my street."],
        ),
        # Link-aggregator rows: a vote arrow, the handle, the age and links to other comments.
        (
            "\u25b2 nightowl 4 hours ago | next [\u2013]\nGood news for shift workers.\nreply\n\n"
            "    \u25b2 busfan 3 hours ago | parent | next [\u2013]\n"
            "    Only on weekdays though.\n    reply\n",
            [(0, None, "nightowl"), (1, 1, "busfan")],
            ["Good news for shift workers.", "Only on weekdays though."],
        ),
        # "handle | date | time" headers and no reply control.
        (
            "2 Comments\n\nlate_shift_lou | Jun 2, 2025 | 8:15 pm\nFinally.\n\n"
            "Quay Street Regular | Jun 3, 2025 | 7:02 am\nAnd the 2am one?\n",
            [(0, None, "late_shift_lou"), (0, None, "Quay Street Regular")],
            ["Finally.", "And the 2am one?"],
        ),
        # A social-network plugin: sort menu, a badge above a header, "Name · 2h" headers, "Like · Reply"
        # rows and a collapsed-replies link between comments.
        (
            "31 comments\n\nMost relevant \u25be\n\n"
            "Wendell Ashgrove \u00b7 3h\nFinally some sense.\nLike \u00b7 Reply \u00b7 5\n\n"
            "    Opal Reyburn \u00b7 2h\n    Not at those fares.\n    Like \u00b7 Reply\n\n"
            "    View 4 more replies\n\n"
            "Top fan\nLinus Farrant \u00b7 1h\nWill the 4am run stop at Keld?\nLike \u00b7 Reply \u00b7 2\n",
            [(0, None, "Wendell Ashgrove"), (1, 1, "Opal Reyburn"), (0, None, "Linus Farrant")],
            ["Finally some sense.", "Not at those fares.", "Will the 4am run stop at Keld?"],
        ),
        # Badges on their own line above a handle that carries no time; the page answers as "Author".
        (
            "Most relevant \u25be\n\nTop fan\nWendell Ashgrove\nFinally some sense.\n"
            "Like \u00b7 Reply \u00b7 3h\n\n"
            "    Author\n    Harbour Herald\n    Thanks Wendell.\n    Like \u00b7 Reply \u00b7 2h\n\n"
            "Opal Reyburn\nNot at those fares.\nLike \u00b7 Reply \u00b7 1h\n",
            [(0, None, "Wendell Ashgrove"), (1, 1, "Harbour Herald"), (0, None, "Opal Reyburn")],
            ["Finally some sense.", "Thanks Wendell.", "Not at those fares."],
        ),
        # A moderation note and sort control above the first "handle • time" header.
        (
            "2 Comments\n\nHarbour Herald Comment Policy\nStay on topic, please.\nLogin\n\nSort by Best\n\n"
            "gullwatch \u2022 5 days ago\nLovely.\n\u25b3 2 \u25bd \u2022 Reply \u2022 Share \u203a\n\n"
            "    saltmarsh_sam  gullwatch \u2022 4 days ago\n    Not for drivers.\n"
            "    \u25b3 1 \u25bd \u2022 Reply \u2022 Share \u203a\n",
            [(0, None, "gullwatch"), (1, 1, "saltmarsh_sam")],
            ["Lovely.", "Not for drivers."],
        ),
        # Rated comments: "handle, town, country, time" headers and a reply-and-rating row; one says nothing.
        (
            "Comments (2)\nNewest    Oldest    Best rated\n\n"
            "DockyardDee, Hull, United Kingdom, 3 hours ago\nAbout time.\n"
            "Reply    \u2191 4    \u2193 1    Click to rate\n\n"
            "Trev 62, Leeds, 1 hour ago\n\nReply    \u2191 0    \u2193 2    Click to rate\n",
            [(0, None, "DockyardDee"), (0, None, "Trev 62")],
            ["About time.", ""],
        ),
        # A memorial guest book: signer names of several words over a date, no reply control.
        (
            "Guest Book (2 Entries)\nSign the Guest Book\n\n"
            "Ada and Bram Colquhoun\nMay 4, 2025\nSafe travels on the night bus.\n\n"
            "Harbour Line Drivers Union\nMay 5, 2025\nWe remember.\n\n"
            "Powered by RememberWall | Terms | Privacy\n",
            [(0, None, "Ada and Bram Colquhoun"), (0, None, "Harbour Line Drivers Union")],
            ["Safe travels on the night bus.", "We remember."],
        ),
        # A blog theme that numbers comments as an ordered list at each level.
        (
            "2 thoughts on \u201cNight Buses\u201d\n\n"
            "  1. Mo Kestrel says:\n     May 4, 2025 at 9:12 am\n     Great.\n     Reply\n\n"
            "       1. pier_pete says:\n          May 4, 2025 at 9:40 am\n"
            "          Agreed.\n          Reply\n",
            [(0, None, "Mo Kestrel"), (1, 1, "pier_pete")],
            ["Great.", "Agreed."],
        ),
        # A numbered board: "#N  handle  date, time" rows (commas inside the date cell), a "Quote from"
        # box of one unmarked line that does not make the post a reply, and a post with no text.
        (
            "Comments (3)\n\n#1  ferry_fiona  4 Jun 2025, 08:10\nThe 2am bus is the one that matters.\n\n"
            "#2  Dock Road Dan  4 Jun 2025, 08:31\nQuote from ferry_fiona\n"
            "The 2am bus is the one that matters.\nIt always was.\n\n"
            "#3 pierhead \u00b7 4 Jun 2025, 09:02\n\nPost a reply\n",
            [(0, None, "ferry_fiona"), (0, None, "Dock Road Dan"), (0, None, "pierhead")],
            [
                "The 2am bus is the one that matters.",
                "The 2am bus is the one that matters.\n\nIt always was.",
                "",
            ],
        ),
        # A blog theme whose reply button names the comment's own author ("Reply to handle") and a form
        # call under the last comment.
        (
            "2 Replies\n\nquay_queen\nJune 4, 2025 at 8:10 am\nAbout time.\nReply to quay_queen\n\n"
            "    lamplighter\n    June 4, 2025 at 9:15 am\n    Agreed.\n    Reply to lamplighter\n\n"
            "Reply to this article\n",
            [(0, None, "quay_queen"), (1, 1, "lamplighter")],
            ["About time.", "Agreed."],
        ),
        # "handle | time" rows, each comment closed by its controls row; the widget's house-rules note
        # under the last one is no part of it.
        (
            "Join the discussion (2)\n\nharbour_hen | 21:02\nAbout time.\nLike (4) | Report\n\n"
            "dock_dai | 21:40\nNot before the fares drop.\nLike (1) | Report\n\n"
            "The Harbour Herald welcomes comments. Be kind to each other.\n",
            [(0, None, "harbour_hen"), (0, None, "dock_dai")],
            ["About time.", "Not before the fares drop."],
        ),
        # Forum headers dated with a clock time before the closing colon.
        (
            "Reader comments: 2\n\nferry_fiona wrote on 3 June 2025, 9:12:\nThe 2am bus matters.\n\n"
            "dock_dan wrote at 9:40:\nIt always did.\n",
            [(0, None, "ferry_fiona"), (0, None, "dock_dan")],
            ["The 2am bus matters.", "It always did."],
        ),
        # A board with a subject line over each "Posted by:" header, bracketed buttons closing each post,
        # nesting by indentation, a bracketed removal notice, and the board's pager under the last post.
        (
            "Discussion\n\nSubject: Night buses\nPosted by: quay_quinn on 03/06/2025 at 21:10\n"
            "Finally.\n[ Reply ] [ Report ]\n\n"
            "    Subject: Re: Night buses\n    Posted by: Lamp Post Larry on 03/06/2025 at 21:30\n"
            "    Not on Sundays.\n    [ Reply ] [ Report ]\n\n"
            "Subject: Re: Night buses\nPosted by: harbour_hal on 03/06/2025 at 22:02\n"
            "[This reply was removed by a moderator]\n[ Reply ] [ Report ]\n\n"
            "Page 1 of 3 \u00b7 Next \u203a\nRegister to join the board.\n",
            [(0, None, "quay_quinn"), (1, 1, "Lamp Post Larry"), (0, None, "harbour_hal")],
            ["Finally.", "Not on Sundays.", ""],
        ),
        # Reader questions and answers: "Q: asked … by handle", "A: answered … by handle" and "Comment by
        # handle · date" headers nested by indentation, vote rows, a deleted question, a list after it.
        (
            "Readers ask \u00b7 4 posts\n\n"
            "Q: asked 2 June by tern_tilly\nDoes the night bus stop at the ferry?\n"
            "\u25b2 3 \u25bc \u00b7 Answer \u00b7 Flag\n\n"
            "    A: answered 3 June by Harbour Line Desk\n    Yes, from Friday.\n"
            "    \u25b2 5 \u25bc \u00b7 Flag\n\n"
            "        Comment by tern_tilly \u00b7 3 June\n        Thank you.\n\n"
            "Q: asked 4 June by mossbank\n[This question was deleted]\n"
            "\u25b2 0 \u25bc \u00b7 Answer \u00b7 Flag\n\n"
            "Popular this week\n1. Tram fares frozen for a year\n2. Ferry pier to close for repairs\n",
            [
                (0, None, "tern_tilly"),
                (1, 1, "Harbour Line Desk"),
                (2, 2, "tern_tilly"),
                (0, None, "mossbank"),
            ],
            ["Does the night bus stop at the ferry?", "Yes, from Friday.", "Thank you.", ""],
        ),
        # Q&A headers that name the reader first and date the post after a dot; a sentence that starts with
        # "Asked by" is no header.
        (
            "Readers ask \u00b7 2 posts\n\n"
            "Asked by tern_tilly \u00b7 2 June\nDoes the night bus stop at the ferry?\n"
            "\u25b2 3 \u25bc \u00b7 Answer\n\n"
            "    Answered by Harbour Line Desk \u00b7 3 June\n    Asked by many of you, so: yes.\n"
            "    \u25b2 5 \u25bc\n",
            [(0, None, "tern_tilly"), (1, 1, "Harbour Line Desk")],
            ["Does the night bus stop at the ferry?", "Asked by many of you, so: yes."],
        ),
        # Live reader posts, newest first: a time line over each "@handle", "Replying to @x" naming a post
        # further down (posted earlier), a heart count beside "Reply".
        (
            "3 posts \u00b7 Newest first\n\n"
            "21:40\n@pier_pat\nReplying to @dock_dora\nSee you there.\n\u2665 2   Reply\n\n"
            "21:35\n@dock_dora\nMeet at the ferry steps?\n\u2665 5   Reply\n\n"
            "21:20\n@gull_gwen\nBuses running again.\n\u2665 0   Reply\n",
            [(1, 2, "@pier_pat"), (0, None, "@dock_dora"), (0, None, "@gull_gwen")],
            ["See you there.", "Meet at the ferry steps?", "Buses running again."],
        ),
        # A newspaper thread: "Name, Town" over a date line, a "↳ Replying to Name" line above the reply's
        # header, and "Recommend (n) | Report" rows.
        (
            "Comments (3)\n\n"
            "Ida Penhallow, Keldby\n3 June 2025 at 9:02pm\nAbout time.\nRecommend (4) | Report\n\n"
            "\u21b3 Replying to Ida Penhallow\nOwen Tresize, Marsby\n3 June 2025 at 9:30pm\nNot on Sundays.\n"
            "Recommend (1) | Report\n\n"
            "Mabyn Rowe, Keldby\n3 June 2025 at 9:41pm\nMore of this.\nRecommend (0) | Report\n",
            [(0, None, "Ida Penhallow"), (1, 1, "Owen Tresize"), (0, None, "Mabyn Rowe")],
            ["About time.", "Not on Sundays.", "More of this."],
        ),
        # The same reply link and town after the name in a thread whose comments close on a Reply row.
        (
            "Comments (3)\n\nKenna Polglase, Truro\n3 June 2025 at 9:02pm\nAbout time.\n"
            "Reply \u00b7 Like (4)\n\n"
            "\u21b3 Replying to Kenna Polglase\nJory Tremayne\n3 June 2025 at 9:30pm\nNot on Sundays.\n"
            "Reply \u00b7 Like (1)\n\n"
            "Wenna Carne\n3 June 2025 at 9:41pm\nMore of this.\nReply \u00b7 Like\n",
            [(0, None, "Kenna Polglase"), (1, 1, "Jory Tremayne"), (0, None, "Wenna Carne")],
            ["About time.", "Not on Sundays.", "More of this."],
        ),
    ],
)
def test_comments_embed_layouts_give_tree_and_bodies(thread: str, shape: list, bodies: list[str]) -> None:
    s = parse_page(_HEAD + thread)
    assert (_shape(s), [c.body for c in s.comments]) == (shape, bodies)
    assert s.paragraphs == (
        "The night bus on the harbour line returns on Friday after two years, the transit board said.",
    )


@pytest.mark.parametrize(
    ("thread", "shape", "bodies"),
    [
        # A nested thread: "Replying to X" names a reader who commented twice above; the indentation says
        # which of the two comments is answered. A removed reply has no controls row, and the moderation
        # notice in its place is site text, not the reader's.
        (
            "Comments (5)\n\n"
            "pier_pete\n4 Jun 2025 08:10\nAbout time.\nReply\nShare\nReport\n7\n\n"
            "    gull_watch\n    4 Jun 2025 08:20\n    Replying to pier_pete\n    Not for drivers.\n"
            "    Reply\n    Share\n    Report\n    2\n\n"
            "        pier_pete\n        4 Jun 2025 08:25\n        Replying to gull_watch\n"
            "        Drivers have the car.\n"
            "        Reply\n        Share\n        Report\n        1\n\n"
            "    tram_tess\n    4 Jun 2025 08:40\n    Replying to pier_pete\n"
            "    This comment was removed by a moderator.\n\n"
            "quay_queen\n4 Jun 2025 09:02\nWill it stop at Keld?\nReply\nShare\nReport\n3\n",
            [
                (0, None, "pier_pete"),
                (1, 1, "gull_watch"),
                (2, 2, "pier_pete"),
                (1, 1, "tram_tess"),
                (0, None, "quay_queen"),
            ],
            ["About time.", "Not for drivers.", "Drivers have the car.", "", "Will it stop at Keld?"],
        ),
        # An ordered list of comments: the list number is no part of the handle.
        (
            "2 comments\n\n1. ferry_fiona · 3h ago\nThe 2am bus matters.\nRecommend (4) · Report\n\n"
            "2. dock_dan · 1h ago\n@ferry_fiona it always did.\nRecommend (0) · Report\n",
            [(0, None, "ferry_fiona"), (0, None, "dock_dan")],
            ["The 2am bus matters.", "@ferry_fiona it always did."],
        ),
        # A bulletin board: "Post by handle » date" headers, a "handle wrote: ↑date" label over the quoted
        # excerpt, and the poster's signature box (handle, post count, join date) under each post.
        (
            "Page 1 of 1 [ 3 posts ]\n\n"
            "Post by ferry_fiona » Wed 4 Jun 2025 08:10\nThe 2am bus is the one that matters.\n"
            "ferry_fiona\nPosts: 1,204\nJoined: May 2019\n\n"
            "Post by dock_dan » Wed 4 Jun 2025 08:31\nferry_fiona wrote: ↑Wed 4 Jun 2025 08:10\n"
            "The 2am bus is the one that matters.\n\nIt always was.\n"
            "dock_dan\nPosts: 88\nJoined: Jan 2023\n\n"
            "Post by pierhead » Wed 4 Jun 2025 09:02\nSee you on it.\n"
            "pierhead\nPosts: 5\nJoined: Jun 2025\n\n"
            "Display posts from previous: All posts  Sort by Post time\n",
            [(0, None, "ferry_fiona"), (0, None, "dock_dan"), (0, None, "pierhead")],
            [
                "The 2am bus is the one that matters.",
                "The 2am bus is the one that matters.\n\nIt always was.",
                "See you on it.",
            ],
        ),
        # A video site's thread: "@handle" over its age, an age marked "(edited)", a like count over Reply.
        (
            "3 Comments\n\n@quay_queen\n2 days ago\nAbout time.\n14\nReply\n\n"
            "    @dock_dan\n    1 day ago\n    Not at 3am though.\n    2\n    Reply\n\n"
            "@pier_pete\n5 hours ago (edited)\nWill it stop at Keld?\nReply\n",
            [(0, None, "@quay_queen"), (1, 1, "@dock_dan"), (0, None, "@pier_pete")],
            ["About time.", "Not at 3am though.", "Will it stop at Keld?"],
        ),
        # A reply header naming the answered reader: "handle replied to handle · 1h", the thread kept flat.
        (
            "2 Comments\n\nquay_queen \u00b7 3h\nAbout time.\nReply \u00b7 Like\n\n"
            "dock_dan replied to quay_queen \u00b7 1h\nNot at 3am though.\nReply \u00b7 Like\n",
            [(0, None, "quay_queen"), (1, 1, "dock_dan")],
            ["About time.", "Not at 3am though."],
        ),
        # A reply marked by an arrow instead of indentation.
        (
            "2 Comments\n\nquay_queen \u00b7 3h\nAbout time.\nReply\n\n"
            "\u21b3 dock_dan \u00b7 1h\nNot at 3am though.\nReply\n",
            [(0, None, "quay_queen"), (1, 1, "dock_dan")],
            ["About time.", "Not at 3am though."],
        ),
        # Handle, the reader's town, a month-and-day date, the text, then a recommend/share/flag column;
        # a picks tab above the first comment.
        (
            "Comments 3\n\nReader Picks\nAll\n\n"
            "quay_queen\nHarbour Ward\nJune 4\nAbout time.\n\n12 Recommend\nShare\nFlag\n\n"
            "    dock_dan\n    Keld\n    June 4\n    Not at 3am though.\n\n"
            "    2 Recommend\n    Share\n    Flag\n\n"
            "pier_pete\nNew Quay\nJune 5\nWill it stop at Keld?\n\n1 Recommend\nShare\nFlag\n",
            [(0, None, "quay_queen"), (1, 1, "dock_dan"), (0, None, "pier_pete")],
            ["About time.", "Not at 3am though.", "Will it stop at Keld?"],
        ),
        # A blog platform that signs each comment under its text: "Posted by: handle | date".
        (
            "2 Comments\n\nAbout time.\nPosted by: quay_queen | June 4, 2025 at 08:10 AM\n\n"
            "Not at 3am though.\nPosted by: dock_dan | June 4, 2025 at 09:15 AM\n\nPost a comment\n",
            [(0, None, "quay_queen"), (0, None, "dock_dan")],
            ["About time.", "Not at 3am though."],
        ),
        # Chat-style comments: the handle before the first words, the time in the controls row.
        (
            "Comments (2)\n\nquay_queen: About time.\n3h \u00b7 Like \u00b7 Reply\n\n"
            "dock_dan: Not at 3am though.\n1h \u00b7 Like \u00b7 Reply\n",
            [(0, None, "quay_queen"), (0, None, "dock_dan")],
            ["About time.", "Not at 3am though."],
        ),
        # A CMS's "Submitted by handle on date" headers over each comment.
        (
            "Comments\n\nSubmitted by quay_queen on Thu, 06/04/2025 - 08:10\nAbout time.\nreply\n\n"
            "Submitted by dock_dan on Thu, 06/04/2025 - 09:15\nNot at 3am though.\nreply\n",
            [(0, None, "quay_queen"), (0, None, "dock_dan")],
            ["About time.", "Not at 3am though."],
        ),
        # A handle over a timestamp that shares its row with a permalink.
        (
            "2 Responses\n\nquay_queen\nJune 4, 2025 at 8:10 am \u00b7 Permalink\nAbout time.\n\n"
            "dock_dan\nJune 4, 2025 at 9:15 am \u00b7 Permalink\nNot at 3am though.\n",
            [(0, None, "quay_queen"), (0, None, "dock_dan")],
            ["About time.", "Not at 3am though."],
        ),
        # A social thread: display name and @handle over the text, a reply/repost/like row closing it.
        (
            "2 replies\n\nQuay Queen @quay_queen \u00b7 3h\nAbout time.\nReply  Repost  Like\n\n"
            "Dock Dan @dock_dan \u00b7 1h\nNot at 3am though.\nReply  Repost  Like\n",
            [(0, None, "Quay Queen @quay_queen"), (0, None, "Dock Dan @dock_dan")],
            ["About time.", "Not at 3am though."],
        ),
        # Letters-page comments dated at their foot: "handle, Town", the text, then "Posted <date>".
        (
            "READER COMMENTS (2)\n\nquay_queen, Harbour Ward\nAbout time.\n\nIt was overdue.\n"
            "Posted June 4, 2025 at 8:10 am\n\n"
            "dock_dan, Keld\nNot at 3am though.\nPosted June 4, 2025 at 9:15 am\n",
            [(0, None, "quay_queen"), (0, None, "dock_dan")],
            ["About time.\n\nIt was overdue.", "Not at 3am though."],
        ),
        # A removed reply as the thread's last comment: no controls row after it, the site's footer below.
        (
            "Comments (3)\n\npier_pete\n4 Jun 2025 08:10\nAbout time.\nReply\nShare\nReport\n7\n\n"
            "    gull_watch\n    4 Jun 2025 08:20\n    Not for drivers.\n    Reply\n    Share\n    Report\n\n"
            "    tram_tess\n    4 Jun 2025 08:40\n    This comment was removed by a moderator.\n\n",
            [(0, None, "pier_pete"), (1, 1, "gull_watch"), (1, 1, "tram_tess")],
            ["About time.", "Not for drivers.", ""],
        ),
        # A bulletin board's "Re:" subject and bare "by handle » date" row over each post, a quote label with
        # only the arrow to the quoted post, and the link back to the forum under the last post.
        (
            "3 posts \u2022 Page 1 of 1\n\nRe: Night buses\nby quay_queen \u00bb Wed Jun 04, 2025 8:10 am\n"
            "About time.\n\nRe: Night buses\nby dock_dan \u00bb Wed Jun 04, 2025 9:15 am\n"
            "quay_queen wrote: \u2191\nAbout time.\n\nNot at 3am though.\n\n"
            "Re: Night buses\nby pier_pete \u00bb Thu Jun 05, 2025 7:02 am\nKeld?\n\n"
            "Return to \u201cLocal news\u201d\n",
            [(0, None, "quay_queen"), (0, None, "dock_dan"), (0, None, "pier_pete")],
            ["About time.", "About time.\n\nNot at 3am though.", "Keld?"],
        ),
        # A "Quote from handle on <date>" label over the quoted line, in a dated thread.
        (
            "Comments (2)\n\n#1 quay_queen \u00b7 4 Jun 2025, 08:10\nAbout time.\n\n"
            "#2 dock_dan \u00b7 4 Jun 2025, 09:15\nQuote from quay_queen on 4 Jun 2025, 08:10\n"
            "About time.\nNot at 3am though.\n",
            [(0, None, "quay_queen"), (0, None, "dock_dan")],
            ["About time.", "About time.\n\nNot at 3am though."],
        ),
        # "Comment #N by handle on <date>" headers.
        (
            "2 Comments\n\nComment #1 by quay_queen on June 4, 2025\nAbout time.\n\n"
            "Comment #2 by dock_dan on June 4, 2025\nNot at 3am though.\n",
            [(0, None, "quay_queen"), (0, None, "dock_dan")],
            ["About time.", "Not at 3am though."],
        ),
        # A numbered blog thread whose headers carry the date: "1. handle said on <date>:".
        (
            "2 Responses\n\n1. quay_queen said on June 4, 2025 at 8:10 am:\nAbout time.\n\n"
            "2. dock_dan said on June 4, 2025 at 9:15 am:\nNot at 3am though.\n",
            [(0, None, "quay_queen"), (0, None, "dock_dan")],
            ["About time.", "Not at 3am though."],
        ),
        # The writer answering under an "Author" badge printed after the name.
        (
            "Comments (2)\n\nquay_queen \u00b7 3h\nAbout time.\nReply\n\n"
            "    Jo Pike  Author \u00b7 2h\n    Thanks!\n    Reply\n",
            [(0, None, "quay_queen"), (1, 1, "Jo Pike")],
            ["About time.", "Thanks!"],
        ),
        # A flat newspaper thread with no Reply control: handle, "in reply to X" link, time, text and a
        # vote row. A reply to a removed comment whose writer's name ends on an initial; the removed
        # one has no vote row, and the page's footer follows the last row.
        (
            "Comments (4)\n\n"
            "harbour_hal\n4 June 2025 8:10am\nAbout time.\nLike (3) | Flag\n\n"
            "Nora T.\nin reply to harbour_hal\n4 June 2025 8:20am\n"
            "This comment was removed by a moderator for breaking our rules.\n\n"
            "quay_queen\nin reply to Nora T.\n4 June 2025 8:31am\nShame, it was a fair point.\n"
            "Like (1) | Flag\n\n"
            "dock_dan\n4 June 2025 9:02am\nSee you on it.\nLike (0) | Flag\n\n"
            "Trending now\n1. Pier lights switched on for summer\n"
            "About us \u00b7 Terms \u00b7 \u00a9 Harbour Lamp Ltd 2025\n",
            [(0, None, "harbour_hal"), (1, 1, "Nora T."), (2, 2, "quay_queen"), (0, None, "dock_dan")],
            ["About time.", "", "Shame, it was a fair point.", "See you on it."],
        ),
        # An embed printing the time on its own line after a dot, the answered reader after an arrow on
        # the line under a reply's handle, vote counts on lines of their own, and a deleted reply with no
        # controls run straight into the next reply. Sign-in furniture stands above the first comment.
        (
            "3 Comments\n\nSign in\nName\nTop  Newest\n"
            "pier_pete\n\u2022 5 hours ago\nAbout time.\n4\n0\nReply\n"
            "    Anon\n    \u2192 pier_pete \u2022 4 hours ago\n    This comment was deleted.\n"
            "    gull_watch\n    \u2192 pier_pete \u2022 3 hours ago\n    Not for drivers.\n    1\n    0\n"
            "    Reply\n"
            "quay_queen\n\u00b7 1 hour ago\nWill it stop at Keld?\n2\n0\nReply\n",
            [(0, None, "pier_pete"), (1, 1, "Anon"), (1, 1, "gull_watch"), (0, None, "quay_queen")],
            ["About time.", "", "Not for drivers.", "Will it stop at Keld?"],
        ),
        # Mail-style headers: "On <date>, handle wrote:".
        (
            "Comments\n\nOn June 4, 2025 at 8:10 am, quay_queen wrote:\nAbout time.\n\n"
            "On June 4, 2025 at 9:15 am, dock_dan wrote:\nNot at 3am though.\n",
            [(0, None, "quay_queen"), (0, None, "dock_dan")],
            ["About time.", "Not at 3am though."],
        ),
    ],
)
def test_comments_common_layouts_give_tree_and_bodies(thread: str, shape: list, bodies: list[str]) -> None:
    s = parse_page(_HEAD + thread)
    assert (_shape(s), [c.body for c in s.comments]) == (shape, bodies)
    assert s.paragraphs == (
        "The night bus on the harbour line returns on Friday after two years, the transit board said.",
    )


@pytest.mark.parametrize(
    ("thread", "shape", "bodies"),
    [
        # A blog theme dating each comment after the name with "on … at …", no separator between them;
        # Reply links close the comments, indentation nests them.
        (
            "3 thoughts on \u201cNight Buses\u201d\n\n"
            "Hal Penrose on 4 June 2025 at 8:02 pm\nFinally some sense.\nReply\n\n"
            "    Mina Okafor-Dunne on 4 June 2025 at 9:15 pm\n    Took them long enough.\n    Reply\n\n"
            "Wyn on 5 June 2025 at 7:40 am\nWill it run on Sundays?\nReply\n",
            [(0, None, "Hal Penrose"), (1, 1, "Mina Okafor-Dunne"), (0, None, "Wyn")],
            ["Finally some sense.", "Took them long enough.", "Will it run on Sundays?"],
        ),
        # A short paragraph ending on a day is prose, not a dated header: the stamp gives a year or a time.
        (
            "2 Comments\n\nquay_queen\n4 June 2025 at 8:02 pm\nThe first run is a party.\n\n"
            "See you there on Saturday 7 June\nReply\n\n"
            "dock_dan\n4 June 2025 at 9:15 pm\nCount me in.\nReply\n",
            [(0, None, "quay_queen"), (0, None, "dock_dan")],
            ["The first run is a party.\n\nSee you there on Saturday 7 June", "Count me in."],
        ),
        # The same theme without Reply links: the dated name line alone heads each comment.
        (
            "2 thoughts on \u201cNight Buses\u201d\n\n"
            "Hal Penrose on 4 June 2025 at 8:02 pm\nFinally some sense.\n\n"
            "    Mina Okafor-Dunne on 4 June 2025 at 9:15 pm\n    Took them long enough.\n",
            [(0, None, "Hal Penrose"), (1, 1, "Mina Okafor-Dunne")],
            ["Finally some sense.", "Took them long enough."],
        ),
        # A board numbering its posts on a line of their own ("#2") over the handle, the poster's rank and
        # profile fields, then the post's date; a signature under a rule closes a post. "@handle" in the
        # text makes no reply: the board is flat.
        (
            "Board discussion (3 posts)\nPage 1 of 1\n\n"
            "#1\nquay_queen\nRegular\nJoined: Mar 2016 \u00b7 Posts: 2,048\nPosted 4 Jun 2025, 08:10\n\n"
            "About time the night bus came back.\n\n__________\nHarbour born, harbour bred.\n\n"
            "#2\nDock Road Dan\nNewbie\nPosted 4 Jun 2025, 08:31\n\n"
            "@quay_queen it never should have gone.\n\n"
            "#3\npier_pete\nAdministrator\nJoined: Jan 2010 \u00b7 Posts: 9,310\nPosted 4 Jun 2025, 09:02\n\n"
            "Thread pinned.\n--\nRules first, posts second.\n",
            [(0, None, "quay_queen"), (0, None, "Dock Road Dan"), (0, None, "pier_pete")],
            [
                "About time the night bus came back.",
                "@quay_queen it never should have gone.",
                "Thread pinned.",
            ],
        ),
        # The same board without post numbers: a handle opening its block over profile fields and the date.
        (
            "Board discussion (2 posts)\n\n"
            "quay_queen\nRegular\nJoined: Mar 2016 \u00b7 Posts: 2,048\nPosted 4 Jun 2025, 08:10\n\n"
            "About time the night bus came back.\n\n"
            "Dock Road Dan\nPosts: 12\n4 Jun 2025, 08:31\n\nIt never should have gone.\n",
            [(0, None, "quay_queen"), (0, None, "Dock Road Dan")],
            ["About time the night bus came back.", "It never should have gone."],
        ),
        # The board's reply box for readers not logged in and the site's copyright line under the last
        # post, which has no signature to close it.
        (
            "Comments\n\nquay_queen wrote:\nAbout time.\n\n"
            "dock_dan wrote:\nCopyright law aside, who owns the route?\n\n"
            "Quick reply\nYou need to be logged in to reply here.\n\n"
            "\u00a9 2025 Harbour Herald. Privacy | Terms\n",
            [(0, None, "quay_queen"), (0, None, "dock_dan")],
            ["About time.", "Copyright law aside, who owns the route?"],
        ),
    ],
)
def test_comments_board_and_blog_headers_give_tree(thread: str, shape: list, bodies: list[str]) -> None:
    s = parse_page(_HEAD + thread)
    assert (_shape(s), [c.body for c in s.comments]) == (shape, bodies)
    assert s.paragraphs == (
        "The night bus on the harbour line returns on Friday after two years, the transit board said.",
    )


@pytest.mark.parametrize(
    "notice", ["[Comment removed by moderator]", "[Deleted by author]", "[This answer has been hidden]"]
)
def test_comments_bracketed_removal_notice_leaves_an_empty_body(notice: str) -> None:
    thread = (
        "2 Comments\n\nharbour_hen | 21:02\nAbout time.\nLike (4) | Report\n\n"
        f"dock_dai | 21:40\n{notice}\nLike (0) | Report\n"
    )
    s = parse_page(_HEAD + thread)
    assert [(c.author, c.body) for c in s.comments] == [("harbour_hen", "About time."), ("dock_dai", "")]


def test_comments_numbered_list_in_the_body_is_no_board_thread() -> None:
    # "#1" over a short name line heads a list item, not a post, when no post date closes the head.
    page = (
        _HEAD
        + "#1\nThe Quay Cafe\nOpen until 2am on Fridays, it will be the first stop for the night bus.\n\n"
        + "#2\nHarbour Lights\nThe late kitchen serves until the last bus leaves.\n"
    )
    s = parse_page(page)
    assert s.comments == ()
    assert len(s.paragraphs) >= 3


@pytest.mark.parametrize(
    ("thread", "expected"),
    [
        # Facebook-style rows (name, text, "Like · Reply · 5h"): the notice stands in its own block, no name.
        (
            "9 Comments\n\nOwen Pritchard\nGreat news for shift workers.\nLike \u00b7 Reply \u00b7 5h\n\n"
            "This comment has been removed.\n\n"
            "Bea Lindqvist\nWill it stop at the ferry?\nLike \u00b7 Reply \u00b7 2h\n",
            [
                ("Owen Pritchard", "Great news for shift workers."),
                ("", ""),
                ("Bea Lindqvist", "Will it stop at the ferry?"),
            ],
        ),
        # Handle over a clock time: the bracketed notice between two comments, each closed by its row.
        (
            "Comments (9)\n\nquay_queen\n21:09\nAbout time.\n\u2665 4   Reply\n\n"
            "[Reply deleted by moderator]\n\n"
            "dock_dai\n20:40\nFinally.\n\u2665 2   Reply\n",
            [("quay_queen", "About time."), ("", ""), ("dock_dai", "Finally.")],
        ),
    ],
)
def test_comments_removal_notice_without_a_name_is_a_comment(thread: str, expected: list) -> None:
    s = parse_page(_HEAD + thread)
    assert [(c.author, c.body) for c in s.comments] == expected
    assert [c.depth for c in s.comments] == [0, 0, 0]


def test_comments_label_over_handle_starts_the_comment_after_a_removed_one() -> None:
    # An avatar's alt text stands over each handle; a removed comment has no controls row of its own.
    thread = (
        "4 Comments\n\nPicture\nharbour_hen \u2022 2 hours ago\nAbout time.\n"
        "3  \u2022  Reply\u2022Share \u203a\n\n"
        "Picture\nAnonymous \u2022 2 hours ago\nThis comment was removed.\n\n"
        "Picture\ndock_dai \u2022 1 hour ago\nFirst line.\n\nSecond line.\n"
        "1  \u2022  Reply\u2022Share \u203a\n\n"
        "        Picture\n        tidewatcher \u2192 dock_dai \u2022 1 hour ago\n        Agreed.\n"
        "        0  \u2022  Reply\u2022Share \u203a\n"
    )
    s = parse_page(_HEAD + thread)
    assert [(c.author, c.depth, c.parent_position, c.body) for c in s.comments] == [
        ("harbour_hen", 0, None, "About time."),
        ("Anonymous", 0, None, ""),
        ("dock_dai", 0, None, "First line.\n\nSecond line."),
        ("tidewatcher", 1, 3, "Agreed."),
    ]


def test_comments_bracketed_heading_in_the_sites_words_heads_the_thread() -> None:
    thread = (
        "Your Say (12)\nNewest | Oldest | Top\n\nLog in to have your say\n\n"
        "quay_queen\n21:09\nAbout time.\n\u2665 4   Reply\n\n"
        "dock_dai\n20:40\nFinally.\n\u2665 2   Reply\n"
    )
    s = parse_page(_HEAD + thread)
    assert s.paragraphs == (
        "The night bus on the harbour line returns on Friday after two years, the transit board said.",
    )
    assert (s.declared_comment_count, [c.author for c in s.comments]) == (12, ["quay_queen", "dock_dai"])
