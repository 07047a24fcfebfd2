"""Cue words and patterns the page parser recognises, kept as data.

Every group says why its members mark what they mark. Matching is case-insensitive unless a pattern says
otherwise. Structural cues (position, punctuation, indentation, repetition) live in the code; this module only
holds the words that no structure can replace.
"""

from __future__ import annotations

import re

# Words that cannot end a headline, a dek or a sentence: a short line that stops on one of them is a
# fragment of navigation or a button label cut off by the copy ("Get back to the"), never a title.
FUNCTION_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "nor",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "into",
        "onto",
        "about",
        "as",
        "than",
        "that",
        "this",
        "these",
        "those",
        "your",
        "our",
        "my",
        "their",
        "his",
        "her",
        "its",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "if",
        "so",
        "via",
        "per",
        "up",
    ]
)

# Calls to sign in or subscribe sit above or beside the headline on paywalled and membership sites; they are
# short imperative or question lines that name the account machinery.
SIGN_IN_CUES = (
    "already have an account",
    "create an account",
    "create a free account",
    "sign in",
    "sign up",
    "log in",
    "login",
    "log out",
    "register",
    "subscribe",
    "subscriber",
    "my account",
    "manage account",
    "continue reading",
    "become a member",
)

# Site-wide navigation, ad slots and media-player chrome: single words or short labels copied along with the
# article, which no article sentence consists of on its own.
NAVIGATION_LINES = frozenset(
    {
        "advertisement",
        "advertising",
        "ad",
        "sponsored",
        "sponsored content",
        "scroll to continue",
        "story continues below advertisement",
        "article continues below advertisement",
        "story continues below",
        "article continues below",
        "story continues after advertisement",
        "article continues after advertisement",
        "continue reading below",
        "skip to content",
        "skip to main content",
        "skip ad",
        "menu",
        "search",
        "donate",
        "donate now",
        "home",
        "close",
        "back to top",
        "previous",
        "next",
        "expand",
        "enlarge",
        "view gallery",
        "view image",
        "open in new window",
        "play video",
        "watch video",
        "listen to this article",
        "print",
        "email",
        "copy link",
        "link copied",
        "follow",
        "image",
        "photo",
        # A blog's like button under the post: its heading, then the button's label with its loading text.
        "like this",
        "like loading",
        "like loading…",
    }
)

# Labels that head an ad slot or a paid promotion; the lines under such a label belong to the ad.
AD_LABELS = frozenset(
    {
        "advertisement",
        "advertising",
        "ad",
        "sponsored",
        "sponsored content",
        "promoted",
        "promoted content",
        "paid content",
        "paid post",
        "partner content",
    }
)

# A paywall's meter tells the reader how much of their free allowance is left ("You have read 3 of your 4
# free articles this month"); these phrases name the allowance, and the meter addresses the reader.
PAYWALL_CUES = (
    "free article",
    "free articles",
    "free stories",
    "free story",
    "articles remaining",
    "stories remaining",
    "articles left",
    "stories left",
    "unlimited access",
    "unlimited digital access",
)
READER_WORDS = frozenset(["you", "your", "you've", "you're"])

# The outlet's data-use policy, which a sign-up form's small print points to ("See our Privacy Notice").
PRIVACY_POLICY_RE = re.compile(r"\bprivacy\s+(?:notice|policy|statement)\b", re.I)
# What such a form signs the reader up to.
SIGN_UP_RE = re.compile(r"\b(?:newsletters?|sign-?ups?|subscri(?:be|ber|bers|ption|ptions))\b", re.I)

# Newsletter, tip-line and "more from us" boxes interrupt or follow the body; these phrases name the box
# itself, so a short line containing one is a box label, not prose.
BOX_CUES = (
    "newsletter",
    "got a tip",
    "send us a tip",
    "tip us",
    "sign up for",
    "delivered to your inbox",
    "in your inbox",
    "get our",
    "don't miss",
    "follow us on",
    "download the app",
    "enter your email",
    "your email address",
    "listen live",
    "listen again",
    "share this",
    "share on",
    "share or comment",
    "share the story",
    "share article",
    # A sign-up form's confirmation message, copied along with the form.
    "thank you for subscribing",
    "thanks for subscribing",
    "thank you for signing up",
    "thanks for signing up",
)

# Cookie-consent banners: a notice about cookies that ends on its own buttons ("Accept", "Cookie Settings").
COOKIE_WORDS = ("cookie", "cookies")
# The consent controls and phrasings such banners use; a body sentence about cookies has none of them.
CONSENT_CUES = (
    "accept",
    "reject",
    "agree",
    "consent",
    "cookie settings",
    "manage preferences",
    "got it",
    # The banner's own opening, when its buttons were copied onto a line of their own.
    "we use cookies",
    "site uses cookies",
    "website uses cookies",
    "use of cookies",
    "cookie policy",
)

# The buttons of a cookie banner, copied onto their own line ("Accept all   Manage").
CONSENT_BUTTON_WORDS = frozenset(
    [
        "accept",
        "all",
        "reject",
        "manage",
        "settings",
        "preferences",
        "cookies",
        "cookie",
        "agree",
        "ok",
        "got",
        "it",
        "options",
        "necessary",
        "only",
        "decline",
        "customise",
        "customize",
        "essential",
        "non-essential",
        "continue",
    ]
)

# Press-office contact lines under a release's dateline ("Contact: Press Office, (555) …"): labels only.
CONTACT_LABELS = ("contact", "media contact", "press contact", "media contacts", "media inquiries")

# Share bars are rows of network and action names; a line made only of these words is a share bar.
SHARE_WORDS = frozenset(
    [
        "share",
        "shares",
        "tweet",
        "post",
        "submit",
        "pin",
        "email",
        "e-mail",
        "mail",
        "facebook",
        "twitter",
        "x",
        "linkedin",
        "reddit",
        "whatsapp",
        "pinterest",
        "flipboard",
        "telegram",
        "print",
        "copy",
        "link",
        "comment",
        "comments",
        "save",
        "bluesky",
        "threads",
    ]
)

# Labels that introduce a link to another story inside the body ("Related: …"); the link line and the teaser
# headline printed above it belong to the other story.
RELATED_PREFIXES = (
    "related",
    "related story",
    "related stories",
    "related article",
    "related articles",
    "related content",
    "read more",
    "read also",
    "also read",
    "see also",
    "more",
    "recommended",
    "don't miss",
    "must read",
    "watch",
)

# Headings that close the article text: what follows them is tag lists, recirculation or the comment form.
ARTICLE_END_LINES = (
    "in this article",
    "leave a reply",
    "leave a comment",
    "post a comment",
    "add a comment",
    "related articles",
    "related stories",
    "more stories",
    "more from",
    # "Latest from Politics": the section's newest stories, like "More from …".
    "latest from",
    "recommended for you",
    "you may also like",
    "you might also like",
    "read next",
    "explore more",
    "most popular",
    "trending now",
    "tags",
    "topics",
    "related topics",
    "filed under",
    "categories",
    "about the author",
    "about the writer",
    "most read",
    "most viewed",
    "popular now",
    "all rights reserved",
    "copyright",
    "©",
    # Wire copy closes with its production credits ("(Reporting by …; Editing by …)").
    "(reporting by",
    "reporting by",
    "additional reporting by",
    "editing by",
    "writing by",
    # Death notices close with a box of service details and the funeral home.
    "service information",
    "service details",
    "funeral information",
)

# "More <section>" links ("More football", "More from us") follow the body; a body subhead rarely starts so.
MORE_SECTION_RE = re.compile(r"^more(?:\s+[\w&'’-]+){1,3}$", re.I)

# Headings that open a reader thread on the pages we see, besides the "N comments" count line itself.
THREAD_HEADINGS = frozenset(
    {
        "comments",
        "reader comments",
        "discussion",
        "join the discussion",
        "join the conversation",
        "conversation",
        "responses",
        "replies",
        "what readers say",
    }
)

# Lines of the comment form and thread controls: they end or interleave the thread and belong to no comment.
THREAD_FURNITURE_CUES = (
    "leave a reply",
    "leave a comment",
    "post a comment",
    "add a comment",
    "cancel reply",
    "your email address will not be published",
    "required fields are marked",
    "post comment",
    "submit comment",
    "load more comments",
    "show more comments",
    "view more comments",
    "load more replies",
    "show more replies",
    "view more replies",
    "hide replies",
    "log in to reply",
    "sign in to reply",
    # A board's reply box under the last post, shown to a reader who is not logged in.
    "quick reply",
    "log in to post",
    "logged in to reply",
    "logged in to post",
    "logged in to comment",
    "sort by",
    "sorted by",
    "newest first",
    "oldest first",
    "community guidelines",
    "notify me of",
    "save my name, email",
    "reply to this topic",
    "reply to this article",
    "reply to this story",
    "reply to this post",
    "post a reply",
    "start a new topic",
    # The comment widget's own credit line under the last comment.
    "powered by",
)

# Outlets switch a thread off for legal or moderation reasons and say so where it would have been.
THREAD_CLOSED_CUES = (
    "comments have been disabled",
    "comments have been switched off",
    "comments have been closed",
    "comments are closed",
    "comments are disabled",
    "commenting has been disabled",
    "commenting is closed",
)
THREAD_FURNITURE_CUES += THREAD_CLOSED_CUES
# The same notice in other words: the thread as the subject, then a closed state, and either nothing more or
# the page it is about ("Comments are turned off for this article", "Commenting has been suspended."). A
# report that public comments on a plan closed on Friday names neither.
THREAD_CLOSED_RE = re.compile(
    r"^(?:comments?|commenting|the\s+comments?\s+section|discussion)\b(?:\s+\w+){0,3}?\s+(?:closed|disabled|"
    r"turned\s+off|switched\s+off|suspended|unavailable|not\s+available)\b"
    r"(?:\W*$|.*\b(?:this|the)\s+(?:article|story|page|post|piece)\b)"
    r"|^this\s+(?:article|story|page|post|piece)\s+is\s+closed\s+(?:for|to)\s+comments\b",
    re.I,
)

# Fields of the poster's profile box that bulletin boards print under each post ("Posts: 1,204").
PROFILE_FIELD_LABELS = (
    "posts",
    "joined",
    "member since",
    "registered",
    "location",
    "messages",
    "reputation",
    "karma",
    "reaction score",
)

# The notice a site prints in place of a comment it took down ("This comment was removed by a moderator …",
# "[deleted]", "[This post was deleted by its author]", a Q&A's "This question has been deleted"): site text,
# so the comment keeps its place and handle with an empty body.
REMOVED_COMMENT_RE = re.compile(
    r"^\[?(?:this\s+)?(?:comment|post|reply|message|contribution|question|answer)\s+(?:was|has\s+been|is)\s+"
    r"(?:removed|deleted|hidden|withdrawn)\b"
    # In brackets the whole line is the site's, however short: "[deleted]", "[Comment removed by moderator]".
    r"|^\[(?:(?:this\s+)?(?:comment|post|reply|message|contribution|question|answer)\s+)?"
    r"(?:removed|deleted|hidden|withdrawn)\b[^\[\]]*\]$",
    re.I,
)

# Links between comments that link-aggregator threads print in each comment's header row; they are
# navigation, never part of the handle.
THREAD_NAV_WORDS = frozenset(["parent", "next", "prev", "previous", "root", "context"])

# Verbs that forum and blog-comment headers put after the handle ("jdoe wrote:", "jdoe said...").
POST_HEADER_VERBS = ("wrote", "writes", "said", "says", "posted")

# Labels that open a quoted block inside a forum post; the label itself is not the poster's text.
QUOTE_LABELS = ("quote", "quote from", "originally posted by", "quoting", "in reply to", "replying to")

# Thread controls and reactions that are printed as their own line or as parts of a "Like · Reply" row.
COMMENT_ACTION_WORDS = frozenset(
    [
        "reply",
        "replies",
        # A reader Q&A's reply control under a question.
        "answer",
        "like",
        "likes",
        "liked",
        "unlike",
        "upvote",
        "upvotes",
        "downvote",
        "downvotes",
        "vote",
        "votes",
        "report",
        "flag",
        "share",
        "quote",
        "permalink",
        "edit",
        "edited",
        "delete",
        "link",
        "top",
        "dislike",
        "dislikes",
        "points",
        "point",
        "helpful",
        "recommend",
        "recommended",
        "follow",
        "block",
        "mute",
        "save",
        "award",
        "more",
        # Expanders and rating prompts: "View 3 more replies", "Click to rate".
        "view",
        "show",
        "hide",
        "load",
        "click",
        "to",
        "rate",
        # Badges and sort labels printed on their own line by social plugins ("Top fan", "Author",
        # "Most relevant"): never a handle, never comment text.
        "fan",
        "author",
        "moderator",
        "admin",
        "verified",
        "pinned",
        "featured",
        "pick",
        "picks",
        "repost",
        "reposts",
        "retweet",
        "retweets",
        "bookmark",
        "staff",
        "highlighted",
        "most",
        "relevant",
        "newest",
        "oldest",
    ]
)

# Role badges a widget prints after a commenter's name: the reader's standing, never part of the handle.
COMMENT_BADGE_WORDS = frozenset(["author", "moderator", "admin", "staff", "verified", "op", "mod"])

# Credit lines begin with one of these labels, which say the rest of the line names a photographer or source.
CREDIT_LABELS = (
    "photo",
    "photos",
    "photograph",
    "photographs",
    "photography",
    "image",
    "images",
    "picture",
    "pictures",
    "credit",
    "credits",
    "image credit",
    "photo credit",
    "illustration",
)
# Labels a page prints before an image's source and caption with a comma or colon ("Image source, Jane Roe",
# "Image caption, The new bridge at dusk"): screen-reader text that a copy keeps.
# Buttons and link hints printed after a picture's credit ("Purchase Licensing Rights, opens new tab"):
# controls of the picture, no part of its credit.
IMAGE_LINK_LABELS = (
    "purchase licensing rights",
    "buy licensing rights",
    "license this photo",
    "license this image",
    "buy this photo",
    "buy photo",
    "download image",
)
LINK_HINTS = (
    "opens new tab",
    "opens in new tab",
    "opens in a new tab",
    "opens in new window",
    "opens in a new window",
)
IMAGE_SOURCE_LABELS = ("image source", "photo source", "picture source", "media source")
CAPTION_LABELS = ("image caption", "photo caption", "picture caption", "caption")
# Words that head a placeholder for an image in brackets ("[Image: a crowd at the gate]"): the text inside
# is the image's description.
IMAGE_SLOT_LABELS = ("image", "photo", "picture", "illustration", "graphic", "video")
# Labels that credit a contributor for all the pictures of a piece, next to "Words:" ("Photography: Jane
# Roe"), unlike "Photo:" under one picture.
CONTRIBUTOR_PICTURE_LABELS = ("photography", "photographs", "photos", "pictures", "images")
# Credit phrases that precede a photographer's name without a colon ("Photo by Jane Roe").
# Labels of the box of key points some templates set between the headline and the lead ("Summary" over
# three short lines); the points restate the story, so they are neither the dek nor the body.
SUMMARY_LABELS = frozenset(
    ["summary", "key points", "in brief", "at a glance", "key takeaways", "story highlights"]
)

# Kicker and status labels that a page sets in capitals beside a bar ("BREAKING NEWS | LIVE"); a photo credit
# in capitals names a person, so a cell with one of these is no credit.
KICKER_WORDS = frozenset(
    ["breaking", "news", "live", "exclusive", "update", "updated", "watch", "opinion", "analysis"]
)

CREDIT_BY_PHRASES = (
    "staff photo by",
    "file photo by",
    "photo by",
    "photos by",
    "photograph by",
    "image by",
    "illustration by",
    "courtesy of",
)

# Picture agencies and pooled-photo words: a line ending on one of them is a credit even without a slash.
AGENCY_WORDS = (
    "getty images",
    "getty",
    "ap photo",
    "associated press",
    "reuters",
    "afp",
    "shutterstock",
    "alamy",
    "epa",
    "efe",
    "imago",
    "wireimage",
    "filmmagic",
    "invision",
    "pool",
    "press association",
    "pa images",
    "rex features",
    "bloomberg",
    "handout",
    "courtesy",
)

MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
]
_MONTH = "(?:" + "|".join(MONTHS) + r")\.?"

# Timestamps printed next to a comment or under a byline, relative ("3 hours ago") or absolute.
# A time zone after the clock, maybe with its offset from UTC ("BST", "GMT+1", "UTC-05:00").
_ZONE = r"(?:\s+[A-Z]{2,4}(?:[+-]\d{1,2}(?::?\d{2})?)?)?"
TIME_PATTERNS = (
    re.compile(
        r"^(?:(?:updated|posted|published|edited)\s+)?(?:about |over |almost )?(?:\d+|an?|one)\s*"
        r"(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|"
        r"w|wks?|weeks?|mo|mos|months?|y|yrs?|years?)\.?(?:\s+ago)?$",
        re.I,
    ),
    re.compile(r"^(?:just now|yesterday|today|edited|\(edited\))$", re.I),
    re.compile(
        rf"^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
        rf"\d{{1,2}}\s+{_MONTH},?\s+\d{{4}})(?:,?\s+(?:at\s+)?\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?)?{_ZONE})?$",
        re.I,
    ),
    re.compile(
        r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:[ T,]+(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]m)?)?$", re.I
    ),
    re.compile(r"^(?:at\s+)?\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?" + _ZONE + "$", re.I),
)

# Bylines and reading-time lines sit between the headline and the body on most news templates.
BYLINE_PATTERNS = (
    re.compile(r"^[Bb][Yy]:?\s+[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,5}(?:\s*[|,·•-].*)?$"),
    re.compile(r"^(?:published|updated|posted|last updated|last modified)\b.{0,60}$", re.I),
    re.compile(r"^\d+\s*(?:-|\s)?min(?:ute)?s?\s+read$", re.I),
)

# Labels that say the words after "by" (or after a colon) are the writers' names: "Words by Jane Roe",
# "Interview by …", "Words: Jane Roe", and the production credits wire copy ends with ("Reporting by …").
AUTHOR_LABELS = (
    "words",
    "text",
    "story",
    "author",
    "authors",
    "writer",
    "writers",
    "written",
    "writing",
    "reporter",
    "reporters",
    "reporting",
    "additional reporting",
    "report",
    "interview",
    "interviews",
    "analysis",
    "review",
    "editing",
    "edited",
    "compiled",
    "research",
    # Health and explainer sites credit the expert who checked the piece ("Medically reviewed by Dr …").
    "reviewed",
    "medically reviewed",
    "fact-checked",
    "fact checked",
)
# The labels that also introduce writers after a colon ("Words: Jane Roe"). "Review:" and "Interview:" are
# left out: they open headlines ("Review: The Salt Road …"), not author lines.
AUTHOR_COLON_LABELS = (
    "words",
    "text",
    "author",
    "authors",
    "writer",
    "writers",
    "written by",
    "reporter",
    "reporters",
    "reporting",
    "byline",
    # Wire-style credits for reporters who contributed to a story ("Contributing: Jane Roe, The Ledger").
    "contributing",
    "contributors",
    "additional reporting",
)

# Lower-case particles inside personal names ("Jan van Dijk", "Ana de la Cruz"): a byline printed as a bare
# name may contain them, while no other furniture line is capitalised words joined by these.
NAME_PARTICLES = frozenset(
    [
        "de",
        "da",
        "di",
        "del",
        "della",
        "der",
        "den",
        "van",
        "von",
        "le",
        "la",
        "du",
        "dos",
        "das",
        "bin",
        "ibn",
    ]
)

# Calls to action addressed to the reader ("Listen again on our app", "Sign up for …"): a short trailing
# paragraph made of such a sentence and a plug beside it is the outlet's promo, not the article's ending.
READER_CALLS = (
    "listen again",
    "listen live",
    "listen to",
    "watch again",
    "download",
    "sign up",
    "subscribe",
    "follow us",
    "get our",
    "get the",
    "tune in",
    "catch up",
    "send us",
    "share your",
    "tell us",
    # A live story's closing note asks the reader to come back.
    "check back",
    # The invitation to the comment thread under the story ("What do you think? Join the discussion below.").
    "join the discussion",
    "join the conversation",
    "join the debate",
)

# Notes on where else the article ran ("This article appears in the March print edition …"): furniture at
# the foot of magazine and syndicated stories.
EDITION_NOTE_CUES = (
    "this article appears in",
    "this article appeared in",
    "this story appears in",
    "this story appeared in",
    "a version of this article",
    "a version of this story",
    "this article was originally published",
    "this story was originally published",
    "this article originally appeared",
    "this story originally appeared",
)

# Funding appeals that public-media and nonprofit sites set inside or under the story: the appeal names
# the reader's money or membership, which reporting on a charity's finances rarely addresses to the reader.
APPEAL_CUES = (
    "please consider a",
    "please consider donating",
    "please consider supporting",
    "consider making a donation",
    "make a donation",
    "donate today",
    "donate now",
    "become a member",
    "become a sustaining member",
    "listeners like you",
    "readers like you",
    "viewers like you",
    "support our journalism",
    "support independent journalism",
    "support local journalism",
)

# A review's credits box ("Directed by … Starring … 1 hr 52 min. Rated 15."): fact fragments, not prose.
WORK_CREDIT_LABELS = (
    "directed by",
    "written by",
    "starring",
    "rated",
    "running time",
    "certificate",
    "runtime",
    "music by",
    "produced by",
)

# Question words that open a heading shaped as an indirect question ("What the figures show:", "How to
# apply:"): such a line has no main clause, so even with a colon it is a label over a list, not a lead-in
# sentence ("He listed two changes:").
HEADING_QUESTION_WORDS = frozenset(["what", "how", "why", "where", "when", "who", "which"])

# Bullet markers that start a list item in a copied page; link lists mark their items with an arrow
# ("→ Bus fares to rise"), which no sentence opens with.
BULLET_RE = re.compile(r"^(?:[•●◦▪▫■□‣⁃∙·*+\-–—→➔➜▸►]|\d{1,2}[.)])\s+(?=\S)")

# Threads copied from nested-list layouts label each comment's nesting as "level 2", "level 3"…
DEPTH_LABEL_RE = re.compile(r"^level\s+(\d{1,2})$", re.I)

# Opinion pages print a disclaimer that the piece is the writer's view; it is a standing label, not prose.
DISCLAIMER_CUES = (
    "the views expressed",
    "views expressed in this",
    "do not necessarily reflect",
    "does not necessarily reflect",
    "the author's own",
    "the writer's own",
)

# Labels of a note printed above the story about the story (corrections, republication): the note is about
# the article, not part of it.
NOTE_LABELS = ("editor's note", "editors' note", "editor’s note", "editors’ note", "publisher's note")

# Shoot credits at the end of features ("Styling by …", "Hair and make-up by …") name the crew, not prose.
PRODUCTION_CREDIT_WORDS = frozenset(
    [
        "styling",
        "styled",
        "stylist",
        "hair",
        "make-up",
        "makeup",
        "grooming",
        "and",
        "set",
        "design",
        "casting",
        "production",
        "photography",
        "photographs",
        "props",
        "nails",
    ]
)

# Labels of the source line under a chart or table ("Source: company filings").
CHART_SOURCE_LABELS = ("source", "sources", "data", "chart", "graphic", "graphics")
