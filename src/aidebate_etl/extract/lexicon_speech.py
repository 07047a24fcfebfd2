"""Word lists for finding quotes, reporting verbs and speakers: data only, one why per group.

Everything here is general English news usage; nothing is taken from any particular page.
"""

from __future__ import annotations

# ---------------------------------------------------------------- quote marks
# Curly and straight double quotes, plus the guillemets and low-9 opener some wire feeds keep.
DOUBLE_OPEN = frozenset("\u201c\u201e\u00ab")
DOUBLE_CLOSE = frozenset("\u201d\u00bb")
STRAIGHT_DOUBLE = '"'
# Single-quote house style (British and some tabloid outlets) uses these as the outer quote marks.
SINGLE_OPEN = frozenset("\u2018\u201a")
SINGLE_CLOSE = frozenset("\u2019")
STRAIGHT_SINGLE = "'"
ALL_QUOTE_CHARS = frozenset("\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019\u201a\"'")

# A mark at the start of a word that is an elision, not a quote opener ('em, 'til, rock 'n' roll).
ELISIONS = ("em", "til", "tis", "twas", "cause", "bout", "n", "round", "nuff", "kay", "ello", "cos")

# ---------------------------------------------------------------- reporting verbs
# Verbs that introduce speech or a stated opinion, as base form -> irregular forms. Regular
# inflections (-s, -ed, -ing) are generated; irregulars listed where English has them.
_REPORTING = {
    # plain speech and writing
    "say": ("said", "says", "saying"),
    "tell": ("told",),
    "write": ("wrote", "written", "writing"),
    "add": (),
    "continue": (),
    "explain": (),
    "note": (),
    "state": (),
    "ask": (),
    "reply": ("replied", "replies"),
    "respond": (),
    "answer": (),
    "recall": (),
    "remark": (),
    "comment": (),
    "mention": (),
    "share": (),
    "post": (),
    "tweet": (),
    "announce": (),
    "report": (),
    "declare": (),
    "describe": (),
    # stance: the speaker takes a position
    "argue": (),
    "claim": (),
    "insist": (),
    "maintain": (),
    "contend": (),
    "assert": (),
    "stress": (),
    "emphasize": (),
    "emphasise": (),
    "suggest": (),
    "warn": (),
    "caution": (),
    "predict": (),
    "promise": (),
    "vow": (),
    "pledge": (),
    "concede": (),
    "acknowledge": (),
    "admit": ("admitted", "admits", "admitting"),
    "reveal": (),
    "confirm": (),
    "deny": ("denied", "denies"),
    "disclose": (),
    "estimate": (),
    "conclude": (),
    "complain": (),
    "allege": (),
    "urge": (),
    "agree": (),
    "counter": (),
    "retort": (),
    "joke": (),
    "quip": ("quipped", "quipping"),
    "laugh": (),
    "muse": (),
    "observe": (),
    "hint": (),
    "boast": (),
    "brag": ("bragged", "bragging"),
    "recount": (),
    "remind": (),
    "assure": (),
    "inform": (),
    "testify": ("testified", "testifies"),
    # opinion verbs: reported thought counts when it takes a that-clause
    "believe": (),
    "think": ("thought",),
    "feel": ("felt",),
    "fear": (),
    "hope": (),
}

# Bodies that hear testimony or a speech, the hearer of "told the court the van was seen": with "the"
# before them they are still the hearer, not the start of the reported clause.
HEARER_NOUNS = frozenset(
    {"court", "jury", "inquiry", "inquest", "hearing", "tribunal", "committee", "meeting", "audience",
     "crowd", "conference", "chamber", "house", "council", "panel", "board", "assembly", "rally"}
)  # fmt: skip
# Verbs that take the hearer as an object before the that-clause ("told reporters that").
OBJECT_VERBS = frozenset({"tell", "warn", "remind", "assure", "inform", "promise", "urge", "caution"})
# Verbs whose bare complement (no "that") is still reported speech in news prose ("Lee said the
# plan failed", "Lee insisted he would stay"); opinion verbs (think, believe) are left out because a
# bare "thinks people ..." is too often the writer's paraphrase, "tell" needs its object first, and
# verbs that usually take a noun object (write, reveal, announce, deny, post) would report objects.
BARE_COMPLEMENT_VERBS = frozenset(
    {"say", "insist", "admit", "claim", "argue", "warn", "add", "explain", "note", "suggest", "predict",
     "concede", "acknowledge", "confirm", "estimate", "maintain", "contend", "assert", "allege"}
)  # fmt: skip
# Words that show a clause has its own finite verb (a bare complement must be a clause, not a noun
# phrase: "said the plan would fail" is reported speech, "admits the software "..."" is not).
FINITE_VERB_SIGNALS = frozenset(
    {"is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "could",
     "should", "can", "may", "might", "must", "shall", "did", "does", "do", "isn't", "wasn't", "aren't",
     "weren't", "won't", "wouldn't", "can't", "couldn't", "didn't", "doesn't", "don't", "hasn't",
     "haven't", "hadn't", "shouldn't", "it's", "he's", "she's", "they're", "we're", "there's", "it’s",
     "he’s", "she’s", "they’re", "we’re", "there’s"}
)  # fmt: skip
# Irregular past forms that are never nouns or adjectives: a bare complement holding one is a clause
# ("said thieves stole the records"), as a regular -ed past already shows.
IRREGULAR_PAST_VERBS = frozenset(
    {"stole", "took", "gave", "went", "came", "knew", "saw", "began", "became", "brought", "bought",
     "caught", "fought", "sought", "taught", "thought", "told", "wrote", "spoke", "broke", "chose",
     "drove", "rose", "fell", "grew", "threw", "flew", "drew", "wore", "swore", "tore", "forgot",
     "got", "sold", "held", "kept", "left", "lost", "meant", "met", "paid", "sent", "spent", "stood",
     "understood", "won", "ran", "sat", "slept", "felt", "found", "made", "led", "fled", "hid", "ate",
     "drank", "sang", "sank", "shrank", "swam", "rang", "struck", "stuck", "hung", "dug", "froze"}
)  # fmt: skip
# Third-person present verbs that are rarely plural nouns: a present-tense paraphrase ("says the
# data includes names", "says doing so costs nothing") shows its clause by one of these.
PRESENT_VERB_SIGNALS = frozenset(
    {"includes", "costs", "means", "remains", "seems", "appears", "needs", "wants", "knows", "thinks",
     "believes", "expects", "plans", "intends", "hopes", "fears", "depends", "belongs", "matters",
     "happens", "exists", "makes", "takes", "gives", "goes", "comes", "gets", "keeps", "lets",
     "looks", "feels", "shows", "tends", "deserves", "requires", "involves", "affects", "applies"}
)  # fmt: skip
# Time words that open a sentence in front of a speaker's name ("On Thursday Lee said"): capitalised,
# but never the first word of a person's or firm's name.
CALENDAR_WORDS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today",
     "tonight", "tomorrow", "january", "february", "march", "april", "june", "july", "august",
     "september", "october", "november", "december"}
)  # fmt: skip
# Words a reported clause needs only to hold a quotation ("she said it would be "…"", "he had "…""):
# with nothing but these outside the marks the clause is the quote itself, not reported speech of its own.
QUOTE_FRAME_WORDS = frozenset(
    {"i", "he", "she", "we", "they", "it", "you", "me", "him", "her", "us", "them", "its", "his", "their",
     "our", "my", "your", "not", "also", "still", "now", "then", "there", "just", "only", "all", "s"}
)  # fmt: skip
# Subject pronouns: one opening a bare complement with an unquoted word after it makes it a clause
# ("said she stood by it", whatever irregular past the verb takes); "it"/"you" are also objects.
NOMINATIVE_PRONOUNS = frozenset({"i", "he", "she", "we", "they"})
# Mouthpieces that stand for whoever issued them: "the statement said" after "the council said in a
# statement" is still the council (person-like mouthpieces, "the spokesman", may be someone new).
DOCUMENT_MOUTHPIECES = frozenset({"statement", "announcement", "filing", "letter", "post", "report"})
# Nouns through which an organisation or person speaks ("X's statement said", "a spokesman for X said").
MOUTHPIECE_NOUNS = frozenset(
    {"statement", "spokesman", "spokeswoman", "spokesperson", "spokespeople", "representative",
     "letter", "website", "account", "post", "report", "lawyer", "lawyers", "attorney", "attorneys",
     "publicist", "rep", "reps", "press office", "announcement", "filing"}
)  # fmt: skip

# Verbs that pin a quoted label on an object ("called the spills "a disgrace"", "described the fine
# as "a rounding error"", "dubbed it "…""): the subject's own words about the object, so the quote is
# the subject's even though no speech verb takes it as a complement. Kept apart from the reporting
# verbs because "called" and "labelled" never introduce a reported clause.
NAMING_VERB_FORMS = frozenset(
    {"call", "calls", "called", "calling", "describe", "describes", "described", "describing", "dub",
     "dubs", "dubbed", "dubbing", "brand", "brands", "branded", "branding", "label", "labels",
     "labelled", "labeled", "labelling", "labeling", "term", "terms", "termed", "terming",
     "characterise", "characterises", "characterised", "characterising", "characterize",
     "characterizes", "characterized", "characterizing", "hail", "hails", "hailed", "hailing"}
)  # fmt: skip
# Parenthetical phrases a speaker inserts between the verb and the quote ("It says, and I quote, "…"",
# "she said, in effect, "…""); they belong to the attribution, not to the quote.
QUOTE_INSERTS = ("and i quote", "i quote", "quote", "in effect", "in part", "in full", "verbatim")


def _inflect(base: str) -> tuple[str, ...]:
    if base.endswith("e"):
        return (base, base + "s", base + "d", base[:-1] + "ing")
    return (base, base + "s", base + "ed", base + "ing")


def _build_forms() -> dict[str, str]:
    forms: dict[str, str] = {}
    for base, irregular in _REPORTING.items():
        for form in (*_inflect(base), *irregular):
            forms.setdefault(form, base)
    return forms


# inflected form -> base form
REPORTING_FORMS: dict[str, str] = _build_forms()
# Verbs that only report speech with a particle after them ("as she points out").
POINT_OUT = ("point", "points", "pointed", "pointing")
# Verbs that report a reply only with "back" after them ("Lee hit back", "she shot back", "he fired
# back"): on their own they are no speech.
BACK_REPLY_VERBS = frozenset(
    {"hit", "hits", "hitting", "shot", "shoots", "shooting", "fire", "fired", "fires", "firing"}
)

# ---------------------------------------------------------------- speaker words
# Personal pronouns that can stand for a speaker; "they" is left to organisations and groups.
PERSON_PRONOUNS = frozenset({"he", "she"})
GROUP_PRONOUNS = frozenset({"they"})
# "It said in a statement": an organisation (or its letter) speaking; only next to a reporting cue,
# since as a plain subject "it" is far more often a thing than a speaker.
THING_PRONOUNS = frozenset({"it"})

# Role nouns that news prose uses to refer back to a person already named ("the actor added").
# Kin and everyday nouns (woman, mother, witness, resident) are left out: "the woman said" far more
# often brings in a new unnamed speaker than it refers back to a named one.
EPITHET_NOUNS = frozenset(
    {
        "actor", "actress", "star", "singer", "rapper", "musician", "comedian", "host", "director",
        "producer", "writer", "author", "novelist", "journalist", "reporter", "columnist", "critic",
        "filmmaker", "screenwriter", "alum", "alumnus", "veteran", "icon", "legend", "mogul",
        "entrepreneur", "founder", "executive", "billionaire", "investor", "ceo", "chairman",
        "chairwoman", "chair", "president", "senator", "governor", "mayor", "minister", "premier", "mp",
        "mep", "msp",
        "chancellor", "lawmaker", "congressman", "congresswoman", "politician", "candidate",
        "official", "spokesman", "spokeswoman", "spokesperson", "lawyer", "attorney", "judge",
        "doctor", "scientist", "researcher", "professor", "economist", "analyst", "expert",
        "coach", "player", "athlete", "striker", "manager", "model", "designer", "artist",
        "activist", "campaigner", "leader", "boss", "chief", "creator", "presenter",
        "youtuber", "influencer", "podcaster", "comic", "rocker", "diva", "superstar", "chef",
        "nurse", "teacher", "farmer", "engineer", "architect", "photographer", "pilot", "conservator",
        "curator", "historian", "planner", "organiser", "organizer", "councillor", "councilman",
        "captain", "skipper", "defender", "midfielder", "goalkeeper", "winger", "referee", "detective",
        "prosecutor", "barrister", "solicitor", "headteacher", "paramedic", "firefighter",
    }
)  # fmt: skip

# Office titles that end a capitalised run after "the" ("the Labour MP", "the Prime Minister", "the
# French President"): the run names whoever holds the office, a person, never an organisation.
OFFICE_TITLES = frozenset(
    {"mp", "mep", "msp", "minister", "premier", "chancellor", "senator", "governor", "mayor", "president",
     "congressman", "congresswoman", "councillor", "ceo"}
)  # fmt: skip

# Role nouns that can name the same person; an epithet is not resolved to someone the page gives
# only roles from other groups ("the actor" is not the tech writer just quoted).
EPITHET_GROUPS = (
    frozenset({"actor", "actress", "star", "alum", "alumnus", "icon", "legend", "superstar", "comedian",
               "comic", "host", "presenter", "veteran", "model", "diva"}),
    frozenset({"singer", "rapper", "musician", "rocker", "star", "superstar", "icon", "legend", "diva",
               "artist"}),
    frozenset({"writer", "author", "novelist", "journalist", "reporter", "columnist", "critic",
               "screenwriter", "podcaster", "broadcaster", "creator", "youtuber", "influencer", "presenter",
               "host"}),
    frozenset({"director", "producer", "filmmaker", "screenwriter", "creator", "writer"}),
    frozenset({"entrepreneur", "founder", "executive", "billionaire", "investor", "ceo", "chairman",
               "chairwoman", "chair", "boss", "chief", "mogul", "leader", "manager", "owner", "president"}),
    frozenset({"president", "senator", "governor", "mayor", "minister", "premier", "chancellor", "lawmaker",
               "mp", "mep", "msp",
               "congressman", "congresswoman", "politician", "candidate", "official", "leader", "chair"}),
    frozenset({"lawyer", "attorney", "judge", "prosecutor", "barrister", "solicitor"}),
    frozenset({"doctor", "scientist", "researcher", "professor", "economist", "analyst", "expert"}),
    frozenset({"coach", "player", "athlete", "striker", "manager", "boss", "veteran", "star", "captain",
               "skipper", "defender", "midfielder", "goalkeeper", "winger"}),
    frozenset({"activist", "campaigner", "leader", "spokesman", "spokeswoman", "spokesperson", "official"}),
)  # fmt: skip
# Gendered nouns next to a name, the page's own evidence of which pronoun a person takes.
MALE_NOUNS = frozenset(
    {"actor", "spokesman", "chairman", "congressman", "businessman", "father", "dad", "son", "husband",
     "brother", "grandfather", "uncle", "king", "prince", "boyfriend", "man", "widower", "sir"}
)  # fmt: skip
FEMALE_NOUNS = frozenset(
    {"actress", "spokeswoman", "chairwoman", "congresswoman", "businesswoman", "mother", "mum", "mom",
     "daughter", "wife", "sister", "grandmother", "aunt", "queen", "princess", "girlfriend", "woman",
     "widow", "granddaughter", "waitress", "dame"}
)  # fmt: skip

# Kin compounds of tabloid epithets ("the mum-of-two", "the father-of-three"), with the gender they
# fix: unlike a bare "the mother", the compound only ever refers back to someone already named.
KIN_EPITHET_HEADS = {
    "mum": "f", "mother": "f", "mom": "f", "grandmother": "f", "gran": "f", "grandma": "f", "nan": "f",
    "dad": "m", "father": "m", "grandfather": "m", "grandad": "m", "granddad": "m", "grandpa": "m",
}  # fmt: skip

# Nouns that refer back to an organisation ("the union said in a statement").
ORG_EPITHETS = frozenset(
    {
        "company", "firm", "union", "studio", "network", "agency", "ministry", "department",
        "government", "council", "group", "organization", "organisation", "association",
        "committee", "commission", "party", "campaign", "police", "force", "club", "team",
        "league", "federation", "university", "school", "hospital", "charity", "bank", "court",
        "board", "authority", "regulator", "publisher", "broadcaster", "startup", "retailer",
        "airline", "carrier", "manufacturer", "label", "guild", "foundation", "institute",
        "hospice", "clinic", "museum", "library", "theatre", "theater", "college", "watchdog",
        "infirmary",
    }
)  # fmt: skip

# Org epithets that say only "a regulator" ("the watchdog said"): they refer back to the last public
# body named whose name makes it one that oversees others (an authority, a commission, an office).
REGULATOR_EPITHETS = frozenset({"regulator", "watchdog", "ombudsman"})
REGULATOR_HEADS = frozenset(
    {"authority", "commission", "office", "agency", "inspectorate", "board", "ombudsman", "regulator",
     "bureau", "administration", "commissioner"}
)  # fmt: skip

# Org epithets that say only "a business" ("the company said"): they refer back to the last
# organisation named, whatever its name, as long as that name does not make it a non-business.
GENERIC_ORG_EPITHETS = frozenset(
    {"company", "firm", "business", "corporation", "operator", "provider", "group", "utility",
     "manufacturer", "retailer", "developer", "startup", "supplier", "carrier", "airline", "chain",
     "brand", "insurer", "lender", "publisher", "broadcaster", "network"}
)  # fmt: skip
# Last words of an organisation's name that make it a public body, court, charity or club, which a
# generic business epithet ("the company") never refers to.
NON_BUSINESS_HEADS = frozenset(
    {"trust", "council", "union", "court", "committee", "commission", "inspectorate", "authority",
     "ministry", "department", "police", "university", "school", "hospital", "association",
     "federation", "guild", "foundation", "institute", "society", "party", "government", "parliament",
     "senate", "congress", "board", "agency", "office", "bureau", "club", "league", "charity",
     "campaign", "coalition", "alliance", "regulator", "service", "force", "army", "navy", "hospice",
     "clinic", "museum", "library", "theatre", "theater", "college", "infirmary"}
)  # fmt: skip

# Last words that mark a capitalised name as an organisation, not a person.
ORG_SUFFIXES = frozenset(
    {
        "Inc", "Inc.", "Corp", "Corp.", "Corporation", "Ltd", "Ltd.", "LLC", "plc", "PLC", "Co.",
        "Company", "Group", "Association", "Union", "Council", "Ministry", "Department", "Agency",
        "Commission", "Committee", "Party", "Foundation", "Institute", "University", "Bank",
        "Police", "Service", "Board", "Authority", "Federation", "Guild", "Alliance", "Network",
        "Studios", "Pictures", "Records", "Office", "Trust", "Society", "Court", "Congress",
        "Parliament", "Senate", "Administration", "Bureau", "Organization", "Organisation",
        "Coalition", "Campaign", "Centre", "Center", "Club", "League", "Labs", "Holdings",
        "Partners", "Media", "News", "Times", "Post", "Journal", "Press", "Magazine", "Airlines",
        "Motors", "Systems", "Technologies", "Industries", "Team", "Force", "Guard", "Hospice",
        "Hospital", "Clinic", "Museum", "Library", "Theatre", "Theater", "College", "School",
        "Charity", "Books", "Management", "Coastguard", "Constabulary", "Infirmary",
    }
)  # fmt: skip

# ---------------------------------------------------------------- grammar words
# Words after a name that show it is not the subject of a clause (object of a preposition,
# start of a relative clause, a coordinated list), used to tell subjects from other mentions.
FUNCTION_WORDS = frozenset(
    {
        "at", "in", "on", "of", "for", "with", "by", "from", "to", "about", "into", "over", "after",
        "before", "during", "under", "between", "through", "against", "like", "than", "as", "via",
        "per", "and", "or", "but", "nor", "so", "yet", "the", "a", "an", "this", "that", "these",
        "those", "who", "whose", "whom", "which", "where", "when", "while", "if", "because",
        "alongside", "including", "around", "across", "behind", "without", "within", "toward",
        "towards", "upon", "since", "until", "among", "amid",
    }
)  # fmt: skip
# Determiners that make the word after them a noun: "a note to clients", "his warning that …" are no
# reporting verbs ("that" is left out: "the man that said …" is a relative clause).
NOUN_DETERMINERS = frozenset(
    {"a", "an", "the", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your", "every",
     "each", "no", "any"}
)  # fmt: skip
# Words right before a name that make it an object, not a subject ("with X", "at X").
PREPOSITIONS = frozenset(
    {
        "at", "in", "on", "of", "for", "with", "by", "from", "to", "about", "into", "over", "after",
        "before", "during", "under", "between", "through", "against", "like", "than", "via", "per",
        "alongside", "including", "around", "across", "behind", "without", "within", "toward",
        "towards", "upon", "since", "until", "among", "amid", "starring", "featuring", "outside",
        "inside", "near", "beside", "opposite", "beyond",
    }
)  # fmt: skip
# Short words a headline-style title keeps in lower case; used to recognise quoted titles.
TITLE_SMALL_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "by", "with", "from",
     "as", "vs", "vs."}
)  # fmt: skip
# Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    {
        "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt",
        "st", "jr", "sr", "inc", "corp", "ltd", "co", "vs", "etc", "vol", "u.s", "u.k", "e.g",
        "i.e", "a.m", "p.m", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "mt", "ft", "rev", "hon", "est", "approx", "dept", "univ",
    }
)  # fmt: skip
# Words between a reporting verb and "that" that keep the clause reported speech
# ("said in a statement that", "wrote on Twitter that", "told reporters on Monday that").
GAP_OPENERS = frozenset(
    {"in", "on", "at", "to", "during", "after", "before", "last", "this", "earlier", "later", "previously",
     "again", "also", "repeatedly", "publicly", "privately", "recently", "once", "often", "then", "today",
     "yesterday", "tuesday", "monday", "wednesday", "thursday", "friday", "saturday", "sunday", "via",
     "over", "through", "while", "when", "afterwards", "afterward", "subsequently", "separately",
     "elsewhere", "now", "since", "outside", "under", "by", "from", "with"}
)  # fmt: skip
# Words that may sit between a speaker and the reporting verb ("Lee also said", "Lee has long argued").
SPEAKER_VERB_FILLERS = frozenset(
    {"also", "has", "have", "had", "previously", "later", "then", "once", "again", "further", "repeatedly",
     "publicly", "privately", "recently", "long", "reportedly", "allegedly", "both", "all", "would",
     "will", "quickly", "simply", "just", "only", "even", "still", "never", "always", "often", "now",
     "himself", "herself", "themselves", "itself", "first", "initially", "ultimately", "finally"}
)  # fmt: skip
# Words that open an indirect question ("explained why the firm closed"): not a reported claim.
WH_WORDS = frozenset({"why", "how", "what", "when", "where", "whether", "if", "who", "which", "whom"})
# Words that open a bare reported clause after "said" (a subject: determiner, pronoun, name).
CLAUSE_OPENERS = frozenset(
    {"the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "there", "his", "her", "their", "its",
     "this", "these", "those", "some", "many", "most", "no", "all", "our", "my", "your", "both", "several",
     "few", "none", "nobody", "everyone", "people"}
)  # fmt: skip
