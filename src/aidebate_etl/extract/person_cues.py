"""Cue words the person extractor relies on, in named groups, each with the reason it exists.

Only closed, general classes of English words live here (honorifics, role nouns, organisation
suffixes...). No names of specific people, works or outlets: the extractor must generalise to pages
it has never seen.
"""

from __future__ import annotations


def _group(words: str) -> frozenset[str]:
    """A cue group written as whitespace-separated lower-case words."""
    return frozenset(words.split())


# Courtesy and office titles written before a name: they are never part of the name, and they say
# something about the person, so they go to the person's roles. (Clergy titles, "the Rev Canon Name",
# are such titles too.)
HONORIFICS = _group(
    """mr mrs ms miss mx dr prof sir dame lord lady rev fr sen rep gov pres gen col capt lt sgt
    adm cmdr supt insp det judge justice pope king queen prince princess sheikh rabbi imam
    councillor cllr councilman councilwoman alderman
    canon archdeacon bishop archbishop reverend vicar pastor"""
)

# Occupation and role nouns that sit right before a name in news prose ("tech writer Jo Bloom",
# "Acme CEO Lee Park"). Three uses: a capitalised run after one of them is a name even when
# NER misses it; when NER swallows one into the name it is cut off into the roles; and a capitalised
# run directly before one ("a Some Show writer") qualifies the role (a work, an employer), so a lone
# token there is not a person.
ROLE_NOUNS = _group(
    """writer screenwriter author novelist journalist reporter columnist editor critic reviewer
    blogger podcaster commentator pundit essayist poet
    director producer showrunner creator filmmaker actor actress star co-star costar alum alumnus
    alumna comedian comic host presenter anchor narrator singer songwriter rapper musician
    drummer guitarist bassist dancer model photographer designer artist animator cinematographer
    ceo cfo cto coo chairman chairwoman chairperson chair founder co-founder cofounder president
    vice-president vp executive exec boss chief head owner investor entrepreneur billionaire
    millionaire mogul manager partner cofounders employee engineer developer researcher scientist
    professor lecturer academic analyst economist historian expert strategist consultant adviser
    planner architect urbanist
    advisor spokesperson spokesman spokeswoman representative lawyer attorney prosecutor judge
    senator congressman congresswoman governor mayor minister secretary ambassador lawmaker
    politician candidate activist organizer organiser campaigner leader lead coach player captain
    athlete doctor physician surgeon nurse officer detective sheriff constable inspector sergeant
    booster supporter proponent advocate evangelist champion skeptic sceptic opponent
    curator conservator archivist librarian teacher headteacher principal student volunteer
    resident neighbour neighbor owner shopkeeper landlord landlady farmer fisherman driver
    pilot captain skipper oceanographer biologist chemist physicist speaker
    friend colleague co-worker coworker wife husband partner son daughter mother father brother
    sister cousin widow widower niece nephew grandson granddaughter grandmother grandfather
    uncle aunt fiance fiancee"""
)

# Letters after a name for honours, offices and degrees ("Jo Bloom KC"): never part of the name.
POST_NOMINALS = _group("kc qc mp msp ms mla am mbe obe cbe kbe dbe kc. qc. phd md jp frs")

# Office nouns that end a capitalised job title ("Chief Operating Officer"); a run ending on one is
# a title, never a name. Kept apart from ROLE_NOUNS, some of which are also surnames.
OFFICE_NOUNS = _group(
    """officer executive director president secretary minister constable sergeant inspector
    superintendent commissioner editor correspondent spokesperson spokesman spokeswoman"""
)

# Contractions typed without their apostrophe in casual text ("Im Jo Bloom"); one before a name
# is a clause of its own, never a first name.
BARE_CONTRACTIONS = _group("im ive id ill youre hes shes weve theyre thats")

# Words that modify a role without being part of a name or of an employer ("former Google CEO").
# They are kept in the role text, and they let the role phrase be read leftwards past them.
ROLE_MODIFIERS = _group(
    """former ex then late current acting interim fellow longtime long-time veteran retired
    incoming outgoing deputy assistant associate senior junior chief lead principal executive
    co tech film tv music political award-winning"""
)

# Nouns naming things that get proper names but are not people; one right before a capitalised
# token ("video tool Name", "the film Name") says the token names such a thing.
THING_NOUNS = _group(
    """tool app application model chatbot bot software program programme platform product device
    phone gadget service feature engine system algorithm assistant
    film movie show series sitcom documentary miniseries franchise episode book novel memoir
    album song single track record game videogame brand label company startup firm studio
    network channel website site magazine newspaper outlet podcast festival band group team
    ship vessel boat yacht ferry rocket satellite storm hurricane project initiative exhibition
    exhibit show play musical opera"""
)

# Closed-class English words. A proper name never contains one (title-case headline fragments
# such as "Will Be Able" do), and a capitalised one is not evidence of a name.
FUNCTION_WORDS = _group(
    """a an the this that these those some any every each no all both either neither
    i me my mine you your yours he him his she her hers it its we us our ours they them their
    theirs who whom whose which what why how when where whether if than then as
    and or but nor so yet because although though while unless until since
    to of in on at by for from with without within about above below after before between
    into onto over under up down out off through across against among around toward towards
    upon via vs versus per like near
    be is am are was were been being do does did done has have had having
    can could should shall would must might ought
    not never also just only even very too more most less least much many
    here there now ever again still already yes no ok"""
)

# Lower-case particles that do belong inside names ("Ludwig van Beethoven", "Charles de Gaulle",
# Welsh "ap Rhys", Scandinavian "af", German "zu", Arabic "bint").
NAME_PARTICLES = _group(
    "de da di del della der den van von le la du dos das bin ibn al el ter ten ap ab af av zu bint"
)

# Generational suffixes: part of the written name but not a surname for matching purposes.
NAME_SUFFIXES = _group("jr jr. sr sr. ii iii iv")

# Last words that make a capitalised run an organisation, a venue or an event, not a person
# (credits like "Some Name/Some Images" must yield the photographer, never the agency; "Live" ends
# news outlets' brand names, "Some Town Live").
ORG_SUFFIXES = _group(
    """inc inc. corp corp. corporation llc ltd ltd. plc co co. company companies group holdings
    images image photos photo photography pictures picture studios studio films film records
    media news press times post journal magazine weekly daily tribune herald gazette review live
    network tv radio channel broadcasting entertainment productions production labs lab
    technologies technology systems software games interactive bros bros. brothers
    union guild association federation society foundation institute university college school
    academy festival awards agency bank party council committee commission department ministry
    club league team collection archive archives library museum gallery center centre service
    services office hospital church salon theatre theater utilities ferries coaches trains buses
    airways airlines airline railways railway highways metro transit tramways motors rovers united
    athletic wanderers rangers town city county borough advertiser chronicle courier observer mirror express
    standard mail echo ledger angler enterprises partners associates trust inspectorate
    authority works schools high mills industries foods management board police constabulary
    coastguard capital securities investments ventures letters infirmary"""
)

# Words that end the name of a place or a venue ("Some Lane", "Some Inn", "Some Water", a district's
# "Some End").
PLACE_WORDS = _group(
    """lane road street avenue way drive close crescent square place row terrace court
    inn pub arms tavern hotel water river lake loch lough bay beach bridge weir dam park
    gardens green common moor heath wood woods forest valley vale glen hill hills mountain
    gap pass falls cove creek canyon gorge
    mount island isle islands port harbour harbor quay pier strand station airport
    estate district ward parish village heights grove end"""
)

# The place words that are hardly ever surnames: after a title word they make a street or a station
# ("King Street", "Canon Street"), never a titled person ("Judge Lane", "Lord Hill" are people).
STREET_WORDS = _group(
    """street road avenue drive close crescent square place row terrace station airport estate
    district ward parish village heights quay pier harbour harbor"""
)

# School and college years that describe a student in an appositive ("Name, a junior,"); kept apart
# from ROLE_NOUNS because "junior" and "senior" also modify roles ("senior analyst").
STUDENT_YEARS = _group("junior senior sophomore freshman fresher pupil student undergraduate")

# Days of the week: capitalised before a name in "on Thursday Jo Bloom said", never part of it. (Months
# are left out: April, June and May are also first names.)
WEEKDAYS = _group("monday tuesday wednesday thursday friday saturday sunday")

# Words that begin the name of a place or an institution ("St Somewhere", "River Something").
PLACE_PREFIXES = _group("st st. saint san santa fort mount mt lake loch lough river port cape glen isle")

# Words that introduce a credit line rather than name anyone ("Photo: Name/Outlet").
CREDIT_PREFIXES = _group(
    """photo photos photograph photographs photography picture pictures image images credit
    credits courtesy of by illustration illustrations video source screenshot screengrab
    via"""
)

# Words that make a byline a desk or a wire service rather than a writer ("By Foreign Staff", "By News
# Desk", "Reuters Newsroom"); role nouns ("Business Reporter") are caught by ROLE_NOUNS and plurals.
DESK_WORDS = _group(
    """staff desk team newsroom bureau wire wires agency agencies correspondent correspondents
    contributor contributors reporters writers editors"""
)

# Verbs of speech right after a capitalised run: a person (or an organisation) is speaking.
SPEECH_VERBS = _group(
    """said says told added argued claimed explained wrote asked insisted admitted recalled
    warned noted replied continued stressed conceded announced revealed acknowledged"""
)

# Surnames of the English stand-in names for "an ordinary person" (John Doe, Joe Bloggs, Joe
# Schmo/Schmoe, Joe Sixpack): a closed class of idioms listed as such in English dictionaries
# (schmo/schmoe is a common noun, "an ordinary or foolish person"), never a real, particular human.
PLACEHOLDER_SURNAMES = _group("doe schmoe schmo bloggs sixpack")

# Capitalised interjections and forms of address that NER tags as names in casual comment text.
NON_NAME_WORDS = _group("god lord dude bro bud buddy sir madam mate man lol omg")
