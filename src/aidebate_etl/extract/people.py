"""Named people of one page: who is mentioned, under which name, where, and with which roles.

How it works, in four passes over the page:

1. **Discover** name forms, each with the evidence seen around it (``_Found``). spaCy NER runs in one
   ``nlp.pipe`` batch, and only over sentences that can hold a name (a capitalised word past the
   first, or a first word that is no English word); image credits and bylines are read structurally
   ("Name/Agency", "By Name, Reporter"); a role noun before capitalised words ("tech writer Jo
   Bloom") introduces a name NER missed; multi-word entities NER labelled ORG/GPE/FAC and plain
   capitalised runs are kept aside as candidates. In comments only sentences holding two capitalised
   words in a row that are not already a known name go to NER.
2. **Accept** forms by words and evidence (``_name_kind``, ``full_ok`` in ``extract_people``): no
   function words (headline fragments), organisation and place words need context only a human has
   ("Name, who", "Name, 71,", "Name, a retired teacher", a role before), things and titles ("the
   Name Name", "tool Name", "Name, which", "Name Name Comes Home") are out, title-case headlines need
   corroboration in plain text, comment-only names must not be reader handles or capitalised
   ordinary words the page also writes in lower case, lone words need a role, an age or a verb of
   speech.
3. **Match** every accepted form (full names, surnames, first names NER saw alone, nicknames made
   from a clipped surname) by regex over every field: NER is inconsistent from one occurrence to
   the next (the same surname comes back as PERSON, ORG, GPE or nothing), a string search is not,
   and it is far cheaper than running NER over the comments.
4. **Resolve** the hits in reading order to one person each (the fullest name on the page), giving
   ``PagePerson`` records and ``Mention`` offsets into the field texts.

Shared surnames: a bare surname goes to the person with that surname mentioned most recently
before it in reading order (title, subtitle, bylines, captions, credits, body, then comments); when
none was mentioned before it, to the one mentioned most often (then the first seen). News prose
re-introduces the full name whenever the referent of a surname changes, so the latest full name is
the best guess.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from spacy.language import Language

from aidebate_etl.extract import person_cues as cues
from aidebate_etl.extract.nlp import english_words, words_by_pos
from aidebate_etl.records import Field, Mention, PagePerson, PageStructure

# ---------------------------------------------------------------- text helpers
_APOS = "'\u2019"
_WORD = re.compile(r"[^\s]+")
# Capital letters of the Latin alphabets ("Émile", "Åsa", "Łukasz", "Ørjan"), for character classes.
_UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
_CAP_WORD = rf"[{_UPPER}][\w'\u2019.\-]*"
# Two capitalised words in a row: the least a new name in casual comment text needs (single
# capitalised tokens in comments are not trusted, see _resolve).
_CAP_PAIR = re.compile(rf"(?<![\w'\u2019]){_CAP_WORD}\s+{_CAP_WORD}")
# Comment sentences; a full stop glued to the next capital ("theft.Also") also ends one, as comment
# text often lacks the space.
_SENTENCE = re.compile(r"[^.!?\u2026\n]+(?:[.!?\u2026]+|\n|$)")
_TRAIL_PUNCT = ",;:!?)]}\"\u201c\u201d\u2018\u2019'\u2014\u2013-"
_LEAD_PUNCT = "([{\"\u201c\u2018'\u2014\u2013-"
_OPENERS = " \t\"\u201c\u2018'([*\u2022"
_SENTENCE_ENDS = ".!?\u2026:\n"
_DETERMINERS = frozenset(["the", "a", "an", "this", "that", "these", "those"])
_CONNECTORS = frozenset(["and", "&", "of", "the"])
_DOMAIN = re.compile(r"\.[a-z]{2,}\b")
_ROLE_BEFORE_NAME = re.compile(
    rf"(?<![\w-])(?P<role>[A-Za-z][\w-]*)\s+(?P<name>{_CAP_WORD}(?:\s+{_CAP_WORD}){{1,3}})",
)


def _fold(s: str) -> str:
    return re.sub(r"[^\w ]+", "", s.replace("\u2019", "'").casefold()).strip()


def _strip_word(tok: str) -> str:
    return tok.strip(_TRAIL_PUNCT + _LEAD_PUNCT + ".").casefold()


def _is_sentence_initial(text: str, start: int) -> bool:
    """Capitalisation at a sentence start says nothing about a name."""
    i = start - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    if i >= 0 and text[i] == ".":
        # "Dr. Name", "J. Name": the full stop of an abbreviation does not end a sentence.
        word, _ = _word_before(text, i + 1)
        if _is_abbreviation(word):
            return False
    return i < 0 or text[i] in _SENTENCE_ENDS


_INITIALS = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]\.?")


def _is_abbreviation(word: str) -> bool:
    """ "Dr.", "J.", "J.K.": the full stop of an honorific or an initial does not end a sentence."""
    stem = word.strip(_LEAD_PUNCT).rstrip(".").casefold()
    return stem in cues.HONORIFICS or bool(_INITIALS.fullmatch(stem))


def _is_title_case(text: str) -> bool:
    """Headline styling: every content word capitalised, so capitals carry no signal.

    Prose full of proper names still has lower-case verbs and nouns; a headline has at most a
    lower-case "in", "to" or "a".
    """
    words = [w for w in re.findall(r"[A-Za-z][\w'\u2019-]*", text) if w.casefold() not in cues.FUNCTION_WORDS]
    if len(words) < 4:
        return False
    lower = sum(1 for w in words if w[0].islower())
    return lower <= len(words) // 10


def _word_before(text: str, start: int) -> tuple[str, int]:
    """The whitespace-separated word ending just before ``start`` (and its start), or ("", -1)."""
    i = start
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    if i == 0 or text[i - 1] == "\n":
        return "", -1
    j = i
    while j > 0 and not text[j - 1].isspace():
        j -= 1
    return text[j:i], j


def _words_after(text: str, end: int, n: int) -> list[str]:
    return _WORD.findall(text[end : end + 120])[:n]


# ---------------------------------------------------------------- page segments
@dataclass(frozen=True, slots=True)
class _Segment:
    """A piece of page text a mention can sit in, with where its offsets count from."""

    field: Field
    text: str
    offset: int = 0  # added to local offsets: a body paragraph's start inside ``structure.body``
    field_index: int = 0
    comment_position: int | None = None
    rank: int = 0  # reading order
    title_case: bool = False


@dataclass(slots=True)
class _Hit:
    """A matched occurrence of a name form."""

    seg: _Segment
    start: int
    end: int
    form: str  # the matched form's key (folded)
    kind: str  # "full", "surname", "first", "bare", "nick"
    role: str | None = None


@dataclass(slots=True)
class _Person:
    names: Counter[str] = field(default_factory=Counter)  # full-name surfaces
    first: str = ""
    last: str = ""
    order: int = 0
    mentions: int = 0
    last_seen: int = -1
    quoted: set[str] = field(default_factory=set)  # 'First "Nick" Last' as written: matched as a full name
    nicknames: list[str] = field(default_factory=list)  # the quoted nickname alone: an alias

    @property
    def name(self) -> str:
        return max(self.names, key=lambda n: (len(n.split()), len(n), self.names[n]))


def _segments(structure: PageStructure) -> list[_Segment]:
    segs: list[_Segment] = []
    rank = 0

    def add(field_: Field, text: str | None, **kw: object) -> None:
        nonlocal rank
        if text and text.strip():
            # Credits and bylines are read structurally, so their capitals need no corroboration.
            title_case = field_ not in ("credit", "byline") and _is_title_case(text)
            segs.append(_Segment(field_, text, rank=rank, title_case=title_case, **kw))  # type: ignore[arg-type]
            rank += 1

    add("title", structure.title)
    add("subtitle", structure.subtitle)
    # Author lines ("By Name, Business Reporter", "(Reporting by A; Editing by B)").
    for i, line in enumerate(structure.bylines):
        add("byline", line, field_index=i)
    for i, cap in enumerate(structure.image_captions):
        add("caption", cap, field_index=i)
    for i, cred in enumerate(structure.image_credits):
        add("credit", cred, field_index=i)
    for start, para in zip(structure.paragraph_starts(), structure.paragraphs, strict=True):
        add("body", para, offset=start)
    for c in structure.comments:
        add("comment", c.body, comment_position=c.position)
    return segs


# ---------------------------------------------------------------- name-form checks
def _clean_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim a candidate span to the name: no possessive, no leading role or honorific, no punctuation."""
    while start < end and text[start] in _LEAD_PUNCT + " ":
        start += 1
    while end > start and text[end - 1] in _TRAIL_PUNCT + " ":
        end -= 1
    # A possessive "Name's" is the person Name.
    if end - start > 2 and text[end - 2] in _APOS and text[end - 1] in "sS":
        end -= 2
    elif end - start > 1 and text[end - 1] in _APOS:
        end -= 1
    # Letters after the name ("Jo Bloom KC") are honours or offices, not a surname.
    while True:
        tail = text.rfind(" ", start, end)
        if tail <= start or _strip_word(text[tail + 1 : end]) not in cues.POST_NOMINALS:
            break
        end = tail
    titled = start  # where the span started, before any title or role word is cut off
    # A capitalised job title NER takes in whole ("Chief Financial Officer Jo Bloom") ends on a role noun;
    # the name is what follows the last role or honorific before the final word.
    toks = [(m.start(), m.end()) for m in _WORD.finditer(text, start, end)]
    for k in range(len(toks) - 2, 0, -1):
        w = _strip_word(text[toks[k][0] : toks[k][1]])
        if (w in cues.ROLE_NOUNS or w in cues.HONORIFICS) and text[toks[k][0]].isupper():
            start = toks[k + 1][0]
            break
    # Roles and honorifics NER sometimes takes into the span ("Screenwriter Jane Roe").
    while True:
        m = _WORD.match(text, start)
        if not m or m.end() >= end:
            break
        w = _strip_word(m.group())
        if (
            w in cues.ROLE_NOUNS
            or w in cues.HONORIFICS
            or w in cues.ROLE_MODIFIERS
            or w in _DETERMINERS
            or w in cues.BARE_CONTRACTIONS
            or w in cues.WEEKDAYS
        ):
            start = m.end()
            while start < end and text[start].isspace():
                start += 1
        else:
            break
    if end - start < 2 or "/" in text[start:end] or "@" in text[start:end]:
        return None
    if start > titled and _strip_word(text[start:end]) in cues.STREET_WORDS:
        return None  # "King Street", "Canon Street": a title word opens a street's name, no person's
    if start > titled and _strip_word(text[start:end]) in cues.HONORIFICS:
        return None  # "the Rev Dr" (NER cut before the name): titles alone name nobody
    return start, end


def _name_kind(tokens: Sequence[str]) -> str | None:
    """What the words can be: "name", "org" or "place" (a name only with evidence), or None (never)."""
    while len(tokens) > 1 and _strip_word(tokens[-1]) in cues.POST_NOMINALS:
        tokens = tokens[:-1]
    if not tokens or len(tokens) > 5:
        return None
    if len(tokens) > 1 and tokens[-1].casefold() in cues.OFFICE_NOUNS:
        return None  # "Operating Officer": a job title
    core = [t for t in tokens if t.casefold() not in cues.NAME_PARTICLES]
    if not core or len(core) > 4:
        return None
    kind = "name"
    for i, tok in enumerate(tokens):
        low = tok.casefold().rstrip(".")
        if low in cues.NAME_PARTICLES and 0 < i < len(tokens) - 1:
            continue
        # Names are capitalised words; digits, domains, glued quotation marks and punctuation belong to
        # other things.
        if (
            not tok[0].isupper()
            or any(ch.isdigit() or ch in '"\u201c\u201d' for ch in tok)
            or _DOMAIN.search(tok)
        ):
            return None
        # A full stop inside a name only follows an initial ("J.", "J.D.") or a suffix ("Jr.").
        if tok.endswith(".") and len(tok.rstrip(".").replace(".", "")) > 2 and low not in cues.NAME_SUFFIXES:
            return None
        if low in cues.FUNCTION_WORDS:  # "Will Be Able": a headline fragment, not a name
            return None
        if i > 0 and low in cues.ORG_SUFFIXES:  # "Some Images", "Some Guild"
            kind = "org"
    first, last = tokens[0].casefold(), tokens[-1].casefold().rstrip(".")
    if len(tokens) == 1 and (last in cues.ORG_SUFFIXES or (tokens[0].isupper() and len(tokens[0]) > 1)):
        return None  # a lone acronym or institution word is an organisation
    if last in cues.NON_NAME_WORDS or last in cues.PLACEHOLDER_SURNAMES:
        return None
    if len(tokens) > 1 and tokens[-1].isupper() and len(tokens[-1]) > 1:
        return None  # a name never ends in an acronym ("Some ORG" is an organisation)
    if kind == "name" and len(tokens) > 1 and (last in cues.PLACE_WORDS or first in cues.PLACE_PREFIXES):
        kind = "place"
    return kind


def _common_word_phrase(tokens: Sequence[str], lower_words: set[str], nlp: Language) -> bool:
    """Ordinary words capitalised into a title ("Paper Harbour"), not a personal name.

    The first word is an English dictionary word and the last one is also used in lower case on
    the same page: a surname is rarely written as a common word next to the name, while the
    words of a film or show title are.
    """
    if len(tokens) < 2:
        return False
    first, last = tokens[0].casefold(), tokens[-1].casefold()
    return first in english_words(nlp) and last in lower_words


def _thing_context(text: str, start: int, end: int) -> bool:
    """A single capitalised token whose neighbours say it names a thing, a work or a modifier."""
    before, _ = _word_before(text, start)
    b = _strip_word(before)
    # (a word that closes the previous sentence, "… the platform. Name", modifies nothing after it)
    if before and before[-1] not in ",;:.!?" and (b in _DETERMINERS or b in cues.THING_NOUNS):
        return True  # "The Name" (a title), "video tool Name" (a product)
    if re.match(r"\s*,\s*which\b", text[end:]):
        return True  # "Name, which ...": the text itself says it is not a who
    # "Name writer", "Name and Other star": a capitalised run right before a role noun qualifies
    # the role (a show, an employer) rather than naming a person. A possessive breaks the run.
    if end < len(text) and text[end] in _APOS:
        return False
    words = _words_after(text, end, 8)
    i = 0
    while i < len(words):
        w = words[i]
        if w[-1] in ",;:.!?":
            return False
        low = w.casefold()
        if low in cues.ROLE_NOUNS:
            return True
        if w[0].isupper() or (low in _CONNECTORS and i + 1 < len(words) and words[i + 1][0].isupper()):
            i += 1
            continue
        return False
    return False


def _role_before(text: str, start: int) -> str | None:
    """The title or role written right before a name ("former Google CEO", "Dr.")."""
    word, wstart = _word_before(text, start)
    if not word or word[-1] in ',;:!?\u201d"':
        return None
    low = _strip_word(word)
    if low in cues.HONORIFICS:
        return word.rstrip(",")
    if low not in cues.ROLE_NOUNS:
        return None
    parts = [(word, wstart)]
    at = wstart
    while len(parts) < 7:
        w, ws = _word_before(text, at)
        if not w or w[-1] in ',;:.!?\u201d")' or ws < 0:
            break
        low = _strip_word(w)
        if low in _CONNECTORS - {"the"}:
            nxt = parts[-1][0]
            if not nxt[0].isupper():
                break
        elif low in cues.FUNCTION_WORDS or not (
            w[0].isupper() or low in cues.ROLE_MODIFIERS or low in cues.ROLE_NOUNS
        ):
            break
        parts.append((w, ws))
        at = ws
        if _is_sentence_initial(text, ws):
            break
    while parts and _strip_word(parts[-1][0]) in _CONNECTORS:
        parts.pop()
    return text[parts[-1][1] : start].strip() or None


# ---------------------------------------------------------------- discovery
_ROLE_ALT = "|".join(sorted((re.escape(w) for w in cues.ROLE_NOUNS), key=len, reverse=True))
# Context right after a name that only a human has: "Name, who", "Name, 71,", "Name, a retired
# station manager", or a next sentence opening with "He"/"She". The role's modifiers may name, in the
# possessive, the body it is held in ("Name, the union's general secretary", "Name, its chief executive").
_HUMAN_AFTER = re.compile(
    rf"""['\u2019]?s?\s*,\s*(?:who\b|whose\b|aged\s+\d|\d{{1,3}}\s*[,.)]|"""
    rf"""(?:a|an|the|his|her|their|its)\s+(?:[\w'\u2019-]+\s+){{0,4}}?(?:{_ROLE_ALT})\b)"""
    r"""|[.!?]["\u201d\u2019]?\s+(?:He|She)\b"""
    # "Name, prosecuting, said": court reports introduce counsel by their side of the case
    r"""|\s*,\s*(?:prosecuting|defending|mitigating)\s*,"""
    # "Name is 78, mate": an age stated in a clause of its own, as comments and quotes give it.
    r"""|\s+(?:is|was|turns|turned)\s+(?:now\s+)?\d{1,3}(?:\s+years\s+old)?\s*[,.;!?)]""",
    re.IGNORECASE,
)
# A name opening its sentence with no other capitalised word after it, and the next sentence opening
# with "He"/"She" ("Name is wary of praise. She concedes …"): the pronoun can only continue that lone
# subject, and only a human is "he" or "she".
_LONE_SUBJECT_THEN_PRONOUN = re.compile(
    r"(?![’']s\b)(?:[^.!?\n\"“”‘’A-Z]|\bI\b|[’'](?=[a-z]))*[.!?][\"”’]?[ \t]+(?:He|She)\b"
)
# The part of _HUMAN_AFTER that speaks about the name itself: an age or a role in apposition.
_PLACE_HUMAN_AFTER = re.compile(
    rf"""['\u2019]?s?\s*,\s*(?:aged\s+\d|\d{{1,3}}\s*[,.)]|"""
    rf"""(?:a|an|the|his|her|their|its)\s+(?:[\w'\u2019-]+\s+){{0,4}}?(?:{_ROLE_ALT})\b)""",
    re.IGNORECASE,
)
# "Name, chair of the Some Alliance", "Name, director at Some Labs": a bare role noun in apposition, then
# the body the role is held in. Read for person-shaped names only: an organisation can be "owner of" too.
_ROLE_OF_AFTER = re.compile(
    rf"['\u2019]?s?\s*,\s*(?:[\w-]+\s+){{0,2}}?(?:{_ROLE_ALT})\s+(?:of|at)\s+(?:the\s+)?[{_UPPER}]",
    re.IGNORECASE,
)
_PLACE_PREPOSITIONS = frozenset(["of", "on", "in", "at", "near", "from", "to", "along", "off"])
_ORG_SUFFIX_ALT = "|".join(sorted((re.escape(w) for w in cues.ORG_SUFFIXES), key=len, reverse=True))
# "Name of the Some Rivers Trust": news introduces a person by the organisation they belong to; an
# organisation's own name is written in one piece, not as a name "of" another organisation.
_AFFILIATION_AFTER = re.compile(
    rf"\s*,?\s+of\s+(?:the\s+)?(?:[{_UPPER}][\w'\u2019&.-]*\s+){{0,4}}(?i:{_ORG_SUFFIX_ALT})\b"
)
_POST_NOMINAL_AFTER = re.compile(r"[ \t]+((?:[A-Z][a-z]?){1,3}[A-Z]\.?)(?![\w])")
_SPEECH_ALT = "|".join(sorted(cues.SPEECH_VERBS, key=len, reverse=True))
# A verb of speech right after the name: people and organisations speak, places and titles do not.
_SPEECH_AFTER = re.compile(rf"\s*,?\s+(?:also\s+)?(?:{_SPEECH_ALT})\b")


@dataclass(slots=True)
class _Found:
    """A discovered name form and the evidence for it."""

    tokens: tuple[str, ...]
    kind: str = "name"  # "name", "org" or "place" (see _name_kind)
    sources: set[str] = field(default_factory=set)  # "ner", "credit", "role", "latent", "caps"
    in_article: bool = False
    in_plain_article: bool = False  # in article text that is not title-case
    thing: bool = False  # seen in a context that makes it a thing, a title or a modifier
    human: bool = False  # seen in a context only a person has (role before, ", who", ", 71,")
    speech: bool = False  # seen right before a verb of speech
    from_comments: bool = False
    mid_sentence: bool = False  # seen somewhere other than at a sentence's start
    surfaces: list[str] = field(default_factory=list)
    quoted: set[str] = field(default_factory=set)  # 'First "Nick" Last' surfaces
    nicknames: list[str] = field(default_factory=list)
    ner_org: bool = False  # NER labelled a multi-word span of these words an organisation


def _title_continues(text: str, end: int, common: frozenset[str]) -> bool:
    """ "Name Comes Home": a name run on by capitalised ordinary words is part of a longer title."""
    m = re.match(r" ([A-Z][a-z]+)\b", text[end : end + 30])
    if not m:
        return False
    low = m.group(1).casefold()
    if low in cues.NAME_SUFFIXES:
        return False
    return _is_common_word(low, common)


def _note(
    found: dict[str, _Found], seg: _Segment, start: int, end: int, source: str, common: frozenset[str]
) -> _Found | None:
    span = _clean_span(seg.text, start, end)
    if span is None:
        return None
    s, e = span
    text = seg.text
    surface = text[s:e]
    tokens = _case_fixed(surface.split()) if seg.field == "byline" else tuple(surface.split())
    kind = _name_kind(tokens)
    if kind is None:
        return None
    key = _fold(" ".join(tokens))
    if not key:
        return None
    f = found.setdefault(key, _Found(tokens, kind))
    f.surfaces.append(surface)
    f.sources.add(source)
    f.mid_sentence |= not _is_sentence_initial(text, s)
    if seg.field == "comment":
        f.from_comments = True
    else:
        f.in_article = True
        f.in_plain_article |= not seg.title_case
    before, _ = _word_before(text, s)
    b = _strip_word(before)
    # (before an organisation-shaped name a role word is more often a verb, "Rovers host Some United",
    # or a modifier than a title: only an honorific speaks for such a name)
    if (
        before
        and before[-1] not in ",;:"
        and (b in cues.HONORIFICS or (b in cues.ROLE_NOUNS and kind != "org"))
    ):
        f.human = True
    # an appositive: "their son, Name, and ...", or closing the sentence, "the commissioner, Name."
    # (a person-shaped name only: "its new owner, Some Holdings." is a firm)
    closes = kind == "name" and re.match(r"[.;](?:\s|$)", text[e : e + 2]) is not None
    role = b in cues.ROLE_NOUNS or b in cues.OFFICE_NOUNS
    if before.endswith(",") and role and (text[e : e + 1] in (",", ")") or closes):
        f.human = True
    m = _HUMAN_AFTER.match(text, e)
    # A place- or organisation-shaped name after a preposition needs evidence about the name itself: in
    # "residents of Some Heights, who", "her home on Some Road. She was 86." and "Jo Bloom of Some Labs,
    # who" the clause is about someone else.
    located = kind in ("place", "org") and b in _PLACE_PREPOSITIONS
    if m and (not located or _PLACE_HUMAN_AFTER.match(text, e)):
        f.human = True
    if (
        kind == "name"
        and len(tokens) > 1
        and (_AFFILIATION_AFTER.match(text, e) or _ROLE_OF_AFTER.match(text, e))
    ):
        f.human = True
    # Honours, offices and degrees after a name ("Jo Bloom KC", "Jo Bloom MP") are given to people only;
    # written in capitals, so a lower-case word ("am", "ms") is not read as one.
    post = _POST_NOMINAL_AFTER.match(text, e)
    if post and _strip_word(post.group(1)) in cues.POST_NOMINALS:
        f.human = True
    if _SPEECH_AFTER.match(text, e) or b in ("said", "says"):
        f.speech = True
    if len(tokens) == 1:
        f.thing |= _thing_context(text, s, e)
    else:
        f.thing |= _named_thing(text, s, e) or (not seg.title_case and _title_continues(text, e, common))
    return f


def _named_thing(text: str, start: int, end: int) -> bool:
    """ "the Name Name", "exhibition Name Name", "Name Name, which": a title or a thing, not a who."""
    before, _ = _word_before(text, start)
    b = _strip_word(before)
    # (a word that closes the previous sentence, "… from the platform. Name Name", modifies nothing)
    if before and before[-1] not in ",;:.!?":
        if b in cues.THING_NOUNS:
            return True
        # "the Name Name" names a thing, unless a noun follows that the article belongs to
        # ("the Name Name cameo": a person's name used as a modifier).
        if b in _DETERMINERS and not re.match(r"['\u2019]?s?\s+[a-z]", text[end:]):
            return True
    # "Name Name, which": the relative clause is about the name, unless the name is the agent of a work
    # ("the new film by Name Name, which opens …": "which" is the film)
    return b != "by" and bool(re.match(r"['\u2019]?s?\s*,\s*which\b", text[end:]))


def _credit_names(seg: _Segment) -> Iterable[tuple[int, int]]:
    """Photographers in a credit line: "Name/Agency", "Photo: Name/Outlet", "Name via Agency"."""
    text = seg.text
    # What follows "for" names who commissioned the picture, never who took it.
    cut = re.search(r"\s+for\s+", text)
    limit = cut.start() if cut else len(text)
    for m in re.finditer(r"[^/|;,\u00a9]+", text[:limit]):
        part_start, part = m.start(), m.group()
        sub = re.split(r"\s+via\s+", part)[0]
        tokens = list(_WORD.finditer(sub))
        while tokens and _strip_word(tokens[0].group()) in cues.CREDIT_PREFIXES:
            tokens.pop(0)
        if len(tokens) < 2:
            continue  # a lone word in a credit is an agency or an outlet
        words = tuple(t.group() for t in tokens)
        if _name_kind(words) not in ("name", "place"):
            continue
        # "Name/Agency": once the photographer is found, what follows the slash is the agency.
        yield part_start + tokens[0].start(), part_start + tokens[-1].end()
        return


_PARTICLE_ALT = "|".join(sorted(cues.NAME_PARTICLES, key=len, reverse=True))
# Two or three capitalised words (name particles and hyphens allowed): a name NER may have missed,
# kept only with context evidence (see _Found.human / _Found.speech).
_CAP_RUN = re.compile(
    rf"(?<![\w'\u2019.-])[{_UPPER}][\w'\u2019-]*[^\W\d_{_UPPER}][\w'\u2019-]*"
    rf"(?:\s+(?:(?:{_PARTICLE_ALT})\s+)*[{_UPPER}][\w'\u2019-]*[^\W\d_{_UPPER}][\w'\u2019-]*){{1,2}}"
    r"(?![\w'\u2019-])"
)


# Where a list of writers starts in an author line: after "by", or after a label's colon ("Words: A").
# A line with neither is a bare name the parser found between the headline and the body.
_BY = re.compile(r"(?<![\w])by:?\s+", re.IGNORECASE)
_LABEL = re.compile(r"^\(?\s*[A-Za-z][A-Za-z ]{0,20}:\s*")
# What ends a list of writers: brackets, semicolons, bars, dots, dashes, or the next "by" credit.
_LIST_STOP = re.compile(r"\s*(?:[;|()\u2022\u00b7\u2014\u2013]|\s-\s)|\s+\S+\s+by\s", re.IGNORECASE)
_AND = re.compile(r"(?:^|\s+)(?:and|&)\s+", re.IGNORECASE)
# Words after a writer's name that say where they are or whom they write for ("Jane Roe in Paris").
_NAME_TAIL = re.compile(r"\s+(?:in|at|for|on|from|with)\s", re.IGNORECASE)


def _byline_spans(line: str) -> list[tuple[int, int, bool]]:
    """Spans of the writers' names in an author line, each with whether a cue ("by", "Words:") introduced it.

    "By A and B, Staff Writers", "By A, B and C": a comma list is names only up to the part holding the
    last "and"; without an "and", what follows the first comma is a job title or an outlet.
    """
    starts = [m.end() for m in _BY.finditer(line)]
    cued = bool(starts)
    if not starts:
        label = _LABEL.match(line)
        cued = label is not None
        starts = [label.end() if label else len(line) - len(line.lstrip(" ("))]
    spans: list[tuple[int, int, bool]] = []
    for start in starts:
        stop = _LIST_STOP.search(line, start)
        end = stop.start() if stop else len(line)
        chunks = [(m.start() + start, m.end() + start) for m in re.finditer(r"[^,]+", line[start:end])]
        with_and = [i for i, (a, b) in enumerate(chunks) if _AND.search(line, a, b)]
        chunks = chunks[: with_and[-1] + 1] if with_and else chunks[:1]
        for a, b in chunks:
            cuts = [a] + [x for m in _AND.finditer(line, a, b) for x in (m.start(), m.end())] + [b]
            for pa, pb in zip(cuts[::2], cuts[1::2], strict=True):
                tail = _NAME_TAIL.search(line, pa, pb)
                span = _byline_name(line, pa, tail.start() if tail else pb)
                if span is not None:
                    spans.append((*span, cued))
    return spans


def _byline_name(line: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of one writer's name, or None when the words are a job title, a desk or an outlet."""
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1] in " .":
        end -= 1
    words = line[start:end].split()
    # An outlet's possessive before the name ("Acme's Jane Roe") is not part of it.
    for i, w in enumerate(words[:-1]):
        if w.endswith(("'s", "\u2019s")):
            start = line.index(words[i + 1], start)
            words = words[i + 1 :]
            break
    core = [w for w in words if w.casefold() not in cues.NAME_PARTICLES]
    if not 2 <= len(core) <= 4:
        return None
    tokens = _case_fixed(words)
    lows = [_strip_word(w) for w in tokens]
    # Job titles, plural ones included ("Staff Writers"), and desks are not writers.
    if any(
        w in cues.DESK_WORDS or w in cues.ROLE_NOUNS or w.removesuffix("s") in cues.ROLE_NOUNS for w in lows
    ):
        return None
    return (start, end) if _name_kind(tokens) == "name" else None


def _case_fixed(tokens: Sequence[str]) -> tuple[str, ...]:
    """Names printed in capitals ("JANE O'NEILL") in the case the rest of the page writes them."""
    if all(t.isupper() for t in tokens if any(c.isalpha() for c in t)) and any(len(t) > 2 for t in tokens):
        return tuple(t.title() if t.casefold() not in cues.NAME_PARTICLES else t.casefold() for t in tokens)
    return tuple(tokens)


def byline_names(line: str) -> tuple[tuple[int, int], ...]:
    """Spans of the authors' names in an author line ("By A, Reporter", "Reporting by A; Editing by B")."""
    return tuple((s, e) for s, e, _cued in _byline_spans(line))


def _bare_byline_is_name(doc, nlp: Language) -> bool:
    """A name printed alone as a byline: NER calls it a person, or its first or last word is no
    ordinary word.

    Section labels under a headline ("Key Points", "Live Updates") are ordinary words; surnames that
    are ordinary words ("Rose Hill") are what NER knows as names, or follow a given name that is no
    dictionary word.
    """
    if any(e.label_ == "PERSON" and len(e) == len(doc) for e in doc.ents):
        return True
    words = doc.text.split()
    first, last = _strip_word(words[0]), _strip_word(words[-1])
    common = english_words(nlp)
    return not _is_common_word(last, common) or (
        first not in cues.FUNCTION_WORDS and not _is_common_word(first, common)
    )


def _is_common_word(word: str, common: frozenset[str]) -> bool:
    # Crude de-inflection: the dictionary lists lemmas ("come", "point"), titles and labels use any
    # form ("Comes", "Points").
    stems = (
        word,
        word.removesuffix("s"),
        word.removesuffix("es"),
        word.removesuffix("ed"),
        word.removesuffix("ing"),
    )
    return any(w in common for w in stems)


# 'Robert "Bob" Lee': a nickname in quote marks between a first name and a surname.
_QUOTED_NICKNAME = re.compile(
    rf"(?<![\w'\u2019.-])(?P<first>[{_UPPER}][\w'\u2019-]+)\s+[\"\u201c\u2018'](?P<nick>[{_UPPER}][\w'\u2019.-]*"
    rf"(?:\s[{_UPPER}][\w'\u2019.-]*)?)[\"\u201d\u2019']\s+(?P<last>[{_UPPER}][\w'\u2019-]+)(?![\w'\u2019-])"
)


def _note_nickname(found: dict[str, _Found], m: re.Match[str], common: frozenset[str]) -> None:
    """Only people carry a quoted nickname inside their name, so the construct is evidence on its own.

    The name is the first name and surname without the nickname; the whole form is matched as one
    mention and the nickname becomes an alias.
    """
    tokens = (m.group("first"), m.group("last"))
    lows = [t.casefold() for t in tokens]
    if _name_kind(tokens) != "name" or any(w in cues.HONORIFICS or w in cues.ROLE_NOUNS for w in lows):
        return
    if all(_is_common_word(w, common) for w in lows):
        return  # 'Big "Bad" Wolf': ordinary words around a quoted one, a title or a phrase
    f = found.setdefault(_fold(" ".join(tokens)), _Found(tokens, "name"))
    f.sources.add("nick")
    f.in_article = f.in_plain_article = True
    f.surfaces.append(m.group())
    f.quoted.add(m.group())
    if m.group("nick") not in f.nicknames:
        f.nicknames.append(m.group("nick"))


def _discover_article(segs: Sequence[_Segment], nlp: Language, common: frozenset[str]) -> dict[str, _Found]:
    found: dict[str, _Found] = {}
    article = [s for s in segs if s.field != "comment"]
    credits = [s for s in article if s.field == "credit"]
    ner_segs = [s for s in article if s.field != "credit"]
    for seg in credits:
        for s, e in _credit_names(seg):
            _note(found, seg, s, e, "credit", common)
    bare: list[tuple[_Segment, int, int]] = []
    for seg in article:
        if seg.field == "byline":
            for s, e, cued in _byline_spans(seg.text):
                if cued:
                    _note(found, seg, s, e, "credit", common)
                else:
                    bare.append((seg, s, e))
    docs = nlp.pipe([seg.text[s:e] for seg, s, e in bare]) if bare else ()
    for (seg, s, e), doc in zip(bare, docs, strict=True):
        if _bare_byline_is_name(doc, nlp):
            _note(found, seg, s, e, "credit", common)
    for seg in article:
        # A headline that is only a name with a quoted nickname (a death notice's name line) is read too.
        whole = seg.field == "title" and _QUOTED_NICKNAME.fullmatch(seg.text.strip()) is not None
        if (seg.field in ("body", "caption", "subtitle") and not seg.title_case) or whole:
            for m in _QUOTED_NICKNAME.finditer(seg.text):
                _note_nickname(found, m, common)
    # NER only where a name can be: sentences with a capitalised word that is not merely the first
    # word of the sentence. Quotes and commentary without one (a large share of news text) are skipped,
    # which is what keeps extraction faster than NER over the whole page.
    jobs: list[tuple[_Segment, int, str]] = []
    for seg in ner_segs:
        if seg.field == "byline":
            continue
        if seg.title_case:
            jobs.append((seg, 0, seg.text))  # a headline: no sentence structure to lean on
            continue
        jobs += [
            (seg, a, seg.text[a:b]) for a, b in _sentences(seg.text) if _may_hold_name(seg.text[a:b], common)
        ]
    for (seg, base, _text), doc in zip(jobs, nlp.pipe([j[2] for j in jobs], batch_size=64), strict=True):
        _note_doc(found, seg, doc, nlp, common, base)
    # Pages that name minors or private people by first name alone introduce them with an age or a school
    # year ("Name, 17, a senior"); NER often misses a lone uncommon first name.
    for seg in ner_segs:
        if seg.field != "body" or seg.title_case:
            continue
        for m in _LONE_NAME_INTRO.finditer(seg.text):
            if m.group(1).casefold() not in common:
                f = _note(found, seg, m.start(1), m.end(1), "role", common)
                if f is not None:
                    f.human = True
    return found


_STUDENT_ALT = "|".join(sorted(cues.STUDENT_YEARS | cues.ROLE_NOUNS, key=len, reverse=True))
_LONE_NAME_INTRO = re.compile(
    rf"(?<![\w'\u2019.-])([{_UPPER}][a-z\u00df-\u00ff]+)(?=,\s+(?:\d{{1,2}},|an?\s+(?:[\w-]+\s+){{0,2}}?"
    rf"(?:{_STUDENT_ALT})\b))"
)


_SENT_END = re.compile(r"[.!?\u2026]+[\"\u201d\u2019')\]]*\s+|\n+")
_UPPER_WORD = re.compile(r"(?<![\w'\u2019.-])[A-Z\u00c0-\u00d6\u00d8-\u00de][a-z\u00df-\u00f6\u00f8-\u00ff]")
_FIRST_WORD = re.compile(r"[\s\"\u201c\u2018'(\[*\u2022-]*[^\s]+")


def _sentences(text: str) -> Iterable[tuple[int, int]]:
    """Sentence spans, not split after an abbreviation or an initial ("Mr. Name", "J. Name")."""
    start = 0
    for m in _SENT_END.finditer(text):
        if text[m.start()] == ".":
            word, _ = _word_before(text, m.start() + 1)
            if _is_abbreviation(word):
                continue
        yield start, m.end()
        start = m.end()
    if start < len(text):
        yield start, len(text)


def _may_hold_name(sentence: str, common: frozenset[str]) -> bool:
    """A capitalised word after the first one ("I" and acronyms aside), two to open with, or an
    opening word that is no ordinary English word ("Surname believes that ...")."""
    first = _FIRST_WORD.match(sentence)
    skip = first.end() if first else 0
    if _UPPER_WORD.search(sentence, skip) or _CAP_PAIR.match(sentence.lstrip(_OPENERS)):
        return True
    word = _strip_word(first.group()) if first else ""
    word = re.sub(r"['\u2019]s$", "", word)
    return bool(word) and word[:1].isalpha() and word not in common and word not in cues.FUNCTION_WORDS


def _name_word(tok, nlp: Language) -> bool:
    """A capitalised word outside any entity that can carry on a name NER cut short."""
    low = tok.lower_
    if not tok.is_title or tok.ent_type_ or not tok.is_alpha:
        return False
    if low in cues.FUNCTION_WORDS or low in cues.ROLE_NOUNS or low in cues.HONORIFICS:
        return False
    if low in cues.ROLE_MODIFIERS or low in cues.THING_NOUNS or low in cues.ORG_SUFFIXES:
        return False
    if low in cues.PLACE_WORDS:
        return False
    # Ordinary words ("Lane", "Comes") do not complete a name; WordNet nouns hold surnames too,
    # but a surname NER already tagged is inside the entity.
    return low not in english_words(nlp)


# Where a full name may come from without context evidence: NER, a role noun before it, a credit or
# byline, or a quoted nickname inside it.
_NAMING_SOURCES = frozenset(["ner", "role", "credit", "nick"])

_OTHER_LABELS = frozenset(["ORG", "NORP", "GPE", "FAC", "PRODUCT", "WORK_OF_ART", "LOC"])


def _note_doc(
    found: dict[str, _Found], seg: _Segment, doc, nlp: Language, common: frozenset[str], base: int = 0
) -> None:
    other: list[tuple[int, int]] = []
    persons: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            start, end = ent.start, ent.end
            # The small model often tags only half of an unfamiliar name ("Firstname [Surname]"):
            # an adjacent capitalised word outside any entity completes it.
            if start > 0 and _name_word(doc[start - 1], nlp):
                start -= 1
            if end - start == 1 and end < len(doc) and _name_word(doc[end], nlp):
                end += 1
            # a name never ends on a particle ("Ana von der [Leyen]"): NER stopped short of the surname
            while end < len(doc) and doc[end - 1].lower_ in cues.NAME_PARTICLES and doc[end].is_title:
                end += 1
            if end < len(doc) and doc[end].is_title and doc[end].lower_ in cues.ORG_SUFFIXES:
                continue  # "[Some Freight] Group said": the words head an organisation's name
            s, e = base + doc[start].idx, base + doc[end - 1].idx + len(doc[end - 1])
            persons.append((s, e))
            _note(found, seg, s, e, "ner", common)
        elif len(ent) > 1:
            other.append((base + ent.start_char, base + ent.end_char))
            if ent.label_ in _OTHER_LABELS:
                # Maybe a full name NER mislabelled: kept if the page gives evidence of a person.
                f = _note(found, seg, base + ent.start_char, base + ent.end_char, "latent", common)
                if f is not None and ent.label_ == "ORG":
                    f.ner_org = True
    text = doc.text
    # A role noun right before capitalised words introduces a name even where NER misses it
    # ("fellow booster Some Body" tagged NORP + nothing); unless NER sees a multi-word place/org there.
    for m in _ROLE_BEFORE_NAME.finditer(text):
        if m.group("role").casefold() not in cues.ROLE_NOUNS:
            continue
        s, e = base + m.start("name"), base + m.end("name")
        if any(os <= s and e <= oe for os, oe in other):
            continue
        _note(found, seg, s, e, "role", common)
    if seg.title_case:
        return
    for m in _CAP_RUN.finditer(text):
        s, e = base + m.start(), base + m.end()
        if any(ps < e and s < pe for ps, pe in persons) or any(os <= s and e <= oe for os, oe in other):
            continue
        # Leading capitalised ordinary words are sentence openers ("Yesterday Some Body said").
        words = list(_WORD.finditer(seg.text, s, e))
        # ("When Some Body announced", "As Some Body said": a capitalised function word opens a clause)
        while (
            len(words) > 2
            and (words[0].group().casefold() in common or words[0].group().casefold() in cues.FUNCTION_WORDS)
            and words[1].group()[0].isupper()
        ):
            words.pop(0)
        _note(found, seg, words[0].start(), e, "caps", common)


def _discover_comments(
    segs: Sequence[_Segment],
    known: re.Pattern[str] | None,
    nlp: Language,
    found: dict[str, _Found],
    common: frozenset[str],
) -> int:
    """NER only on comment sentences that could introduce a new name; returns how many it ran on."""
    jobs: list[tuple[_Segment, int, str]] = []
    for seg in segs:
        if seg.field != "comment":
            continue
        covered = [(m.start(), m.end()) for m in known.finditer(seg.text)] if known else []
        for sm in _SENTENCE.finditer(seg.text):
            sent = sm.group()
            for pm in _CAP_PAIR.finditer(sent):
                ps, pe = sm.start() + pm.start(), sm.start() + pm.end()
                if any(cs <= ps and pe <= ce for cs, ce in covered):
                    continue
                if pm.group().split()[0] in ("I", "I'm", "I\u2019m"):
                    continue
                jobs.append((seg, sm.start(), sent))
                break
    for (seg, base, _sent), doc in zip(jobs, nlp.pipe([j[2] for j in jobs], batch_size=64), strict=True):
        _note_doc(found, seg, doc, nlp, common, base)
    return len(jobs)


def _form_regex(forms: Iterable[str], flags: int = 0) -> re.Pattern[str] | None:
    alts = sorted({f for f in forms if f}, key=len, reverse=True)
    if not alts:
        return None
    body = "|".join(r"\s+".join(re.escape(w) for w in f.split()) for f in alts)
    return re.compile(rf"(?<![\w\-])(?:{body})(?![\w]|-\w)", flags)


def _handle_keys(structure: PageStructure) -> set[str]:
    keys = set()
    for c in structure.comments:
        h = c.author.strip()
        keys.add(_fold(h))
        keys.add(_fold(re.sub(r"[-_.]+", " ", h)))
        keys.add(_fold(re.sub(r"[-_.]+", " ", re.sub(r"[-_][a-z0-9]{1,4}$", "", h))))
    keys.discard("")
    return keys


def extract_people(
    structure: PageStructure, nlp: Language
) -> tuple[tuple[PagePerson, ...], tuple[Mention, ...]]:
    """The named humans of a page and every mention of them, with offsets into the field texts."""
    segs = _segments(structure)
    # Ordinary English words (the model's WordNet lists), to tell titles and openers from names.
    common = english_words(nlp)
    found = _discover_article(segs, nlp, common)
    _note_pronoun_continuations(found, segs)
    handles = _handle_keys(structure)
    # Words the page writes in lower case (first letter), to tell capitalised titles from names.
    lower_words = {w for s in segs for w in re.findall(r"(?<![\w'\u2019-])[a-z]+(?![\w'\u2019-])", s.text)}

    def full_ok(f: _Found, person_words: set[str]) -> bool:
        if len(f.tokens) < 2:
            return False
        # Evidence that outweighs the words: only a human is "Name, who ..." or "Name, 71,".
        if f.thing:
            return False  # a title, a product ("the Name Name", "tool Name Name", "Name Name, which")
        if f.kind == "org" and not f.human:
            return False  # an organisation, unless only a human fits the context
        if f.kind == "place" and not (f.human or f.speech):
            return False  # "Some Lane": places do not speak
        # Found without NER calling it a person: needs context evidence, or a surname NER calls
        # a person elsewhere ("[Firstname Surname]ORG ... [Surname]PERSON").
        # A verb of speech is evidence only where NER saw no organisation: organisations speak too.
        evidence = f.human or ("caps" in f.sources and f.speech and "latent" not in f.sources)
        evidence |= "latent" in f.sources and f.tokens[-1] in person_words
        if not f.sources & _NAMING_SOURCES and not evidence:
            return False
        if f.sources & _NAMING_SOURCES == {"credit"} and f.ner_org and not f.human:
            # a credit ("Handout / Some Air") names an agency or a firm as often as a photographer: one
            # the text itself reads as an organisation, with nothing human about it, is one
            return False
        if not f.in_article:
            # Comment-only names: casual text, title-case fragments and handles abound there.
            if _fold(" ".join(f.tokens)) in handles or _common_word_phrase(f.tokens, lower_words, nlp):
                return False
            # "Glad Jo got her money back": an ordinary word opening a sentence before a name the
            # article gives is the reader's sentence, not a new person's first name.
            if not f.mid_sentence and _fold(f.tokens[0]) in common and _fold(f.tokens[-1]) in article_words():
                return False
            return all(t[0].isupper() for t in f.tokens)
        return True

    def person_words() -> set[str]:
        named = {f.tokens[-1] for f in found.values() if f.sources & _NAMING_SOURCES and not f.thing}
        # a surname the page puts in a context only a human has ("Surname, who …", "Surname, 23,") is a
        # person's, wherever NER tagged the full name an organisation
        human = {
            f.tokens[0]
            for f in found.values()
            if len(f.tokens) == 1 and f.human and not f.thing and f.kind == "name"
        }
        return named | human

    def article_words() -> set[str]:
        """First names and surnames of the full names the article itself gives."""
        return {
            _fold(t)
            for f in found.values()
            if f.in_article and len(f.tokens) > 1 and full_ok(f, pw)
            for t in (f.tokens[0], f.tokens[-1])
        }

    pw = person_words()
    known_article = _form_regex(" ".join(f.tokens) for f in found.values() if full_ok(f, pw))
    _discover_comments(segs, known_article, nlp, found, common)
    pw = person_words()

    # A name seen only in title-case text must be corroborated by plain text somewhere on the page:
    # NER in headlines takes any capitalised run for a name ("Name Argues That").
    plain_text = "\n".join(s.text for s in segs if not s.title_case)
    fulls = {}
    for key, f in found.items():
        if not full_ok(f, pw):
            continue
        if not f.in_plain_article and not f.from_comments:
            surface = " ".join(f.tokens)
            # ("Some Freight" in a headline is not corroborated by "Some Freight Group" in the text)
            if not re.search(rf"(?<!\w){re.escape(surface)}(?!\w)(?!{_ORG_WORD_NEXT})", plain_text):
                continue
        if not f.human and _heads_org_in_body(" ".join(f.tokens), segs):
            continue  # "Some Freight to cut jobs" in the headline, "Some Freight Group said" in the text
        fulls[key] = f

    # People from full names: same first and last name (middle initials, suffixes aside) is one person.
    people: list[_Person] = []
    by_pair: dict[tuple[str, str], _Person] = {}
    by_last: dict[str, list[_Person]] = defaultdict(list)
    # "Von der Leyen" opening a sentence is the surname of "Ursula von der Leyen", no first name "Von"
    particle_surnames = {
        " ".join(t.casefold() for t in f.tokens[i:])
        for f in fulls.values()
        for i in range(1, len(f.tokens) - 1)
        if f.tokens[i] in cues.NAME_PARTICLES
    }
    for f in fulls.values():
        if " ".join(t.casefold() for t in f.tokens) in particle_surnames:
            continue
        core = [t for t in f.tokens if t.casefold().rstrip(".") not in cues.NAME_SUFFIXES]
        first, last = _fold(core[0]), _fold(core[-1])
        p = by_pair.get((first, last))
        if p is None:
            p = _Person(first=first, last=last, order=len(people))
            by_pair[(first, last)] = p
            people.append(p)
            by_last[last].append(p)
        p.names[" ".join(f.tokens)] += len(f.surfaces)
        p.quoted |= f.quoted
        p.nicknames += [n for n in f.nicknames if n not in p.nicknames]
    # A full name whose last word truncates another person's surname is that person's nickname
    # ("Big Smit" for "... Smith"), not a new person.
    for p in list(people):
        if p.first not in common:
            continue  # a nickname's first word is an epithet ("Big", "Young"), not a given name
        for q in people:
            if q is not p and _is_truncation(p.last, q.last) and not _barrel_of(p.last, q):
                people.remove(p)
                by_last[p.last].remove(p)
                by_pair.pop((p.first, p.last), None)
                break

    # "Kim Lee" beside 'Kimberly "Kim" Lee': the nickname with the surname is the same
    # person.
    for p in list(people):
        q = next(
            (q for q in people if q is not p and q.last == p.last and p.first in map(_fold, q.nicknames)),
            None,
        )
        if q is not None:
            q.names.update(p.names)
            people.remove(p)
            by_last[p.last].remove(p)
            by_pair[(p.first, p.last)] = q

    first_names = {p.first for p in people}
    last_names = set(by_last)
    singles: dict[str, _Found] = {k: f for k, f in found.items() if len(f.tokens) == 1}
    # Single words NER saw alone: a surname or first name of someone on the page, or a bare name.
    bare: set[str] = set()
    first_forms: set[str] = set()
    words = words_by_pos(nlp)
    # "Acme said" after "Acme Foods": the short name of an organisation the page names in full.
    org_heads = {
        _fold(m.group(1))
        for seg in segs
        if seg.field != "comment"
        for m in _ORG_RUN.finditer(seg.text)
        if _strip_word(m.group(0).split()[-1]) in cues.ORG_SUFFIXES
    }
    # and the first word of a name NER calls an organisation that is not a person's ("Corvane Minerals"
    # beside a bare "Corvane said")
    org_heads |= {
        _fold(f.tokens[0])
        for key, f in found.items()
        if f.ner_org and len(f.tokens) > 1 and key not in fulls and f.tokens[0][:1].isupper()
    }
    for key, f in singles.items():
        if key in last_names:
            continue
        if key in org_heads and not f.human:
            continue
        if key in first_names:
            first_forms.add(f.tokens[0])
            continue
        if f.thing or not f.in_plain_article or not (f.human or f.speech):
            # A title, a product, a modifier; or no sign of a person: well-edited news introduces
            # people by full name, so a lone word needs a role, an age or a verb of speech.
            continue
        if key in words.get("adj", ()) or key in words.get("verb", ()) or key in words.get("adv", ()):
            continue  # an ordinary word NER took for a name
        bare.add(f.tokens[0])
    for b in sorted(bare):
        p = _Person(first="", last=_fold(b), order=len(people))
        p.names[b] += 1
        people.append(p)
        by_last[p.last].append(p)

    hits = _match(segs, people, first_forms, nlp)
    return _resolve(hits, people, by_last)


# A capitalised organisation word right after a name: the name heads an organisation's ("Some Freight Group").
_ORG_WORD_NEXT = (
    r"\s+(?:"
    + "|".join(sorted((re.escape(w.capitalize()) for w in cues.ORG_SUFFIXES), key=len, reverse=True))
    + r")\b"
)
# A capitalised run of two to four words, for organisation names ending on an organisation suffix.
_ORG_RUN = re.compile(rf"(?<![\w'\u2019-])({_CAP_WORD})(?:\s+{_CAP_WORD}){{1,3}}")


def _note_pronoun_continuations(found: dict[str, _Found], segs: Sequence[_Segment]) -> None:
    """A person-shaped name (NER may have called it an organisation) that opens a sentence of the article,
    in full or by its last word, with the next sentence continuing it as "he"/"she" is a human's."""
    text = "\n".join(s.text for s in segs if s.field == "body" and not s.title_case)
    for f in found.values():
        if len(f.tokens) < 2 or f.kind != "name" or f.human or not f.in_article:
            continue
        for form in (" ".join(f.tokens), f.tokens[-1]):
            opening = re.compile(r"(?:^|(?<=[.!?\n])[\"”’]?[ \t]*|\n)" + re.escape(form) + r"(?![\w'’-])")
            if any(_LONE_SUBJECT_THEN_PRONOUN.match(text, m.end()) for m in opening.finditer(text)):
                f.human = True
                break


def _heads_org_in_body(surface: str, segs: Sequence[_Segment]) -> bool:
    """The article text writes the words only as the head of an organisation's name ("Some Freight Group")."""
    name = rf"(?<![\w-]){re.escape(surface)}(?![\w-])"
    body = [s.text for s in segs if s.field == "body"]
    as_org = sum(len(re.findall(name + _ORG_WORD_NEXT, t)) for t in body)
    return as_org > 0 and as_org == sum(len(re.findall(name, t)) for t in body)


def _barrel_of(last: str, person: _Person) -> bool:
    """Whether ``last`` is one part of the person's double-barrelled surname ("Keel" of "Keel-Moss"): a
    relative's surname, not a clipped nickname."""
    return any(
        "-" in n.split()[-1] and last in (_fold(part) for part in n.split()[-1].split("-"))
        for n in person.names
    )


def _is_truncation(short: str, full: str) -> bool:
    """``short`` is a clipped form of the surname ``full`` (a nickname), long enough to be specific."""
    return (
        len(full) >= 5
        and len(short) >= max(4, -(-len(full) // 2))
        and len(short) < len(full)
        and full.startswith(short)
    )


def _match(
    segs: Sequence[_Segment], people: Sequence[_Person], first_forms: set[str], nlp: Language
) -> list[_Hit]:
    full_forms: dict[str, str] = {}
    for p in people:
        for n in [*p.names, *p.quoted]:
            if len(n.split()) > 1:
                full_forms[n] = "full"
    surname_forms: dict[str, str] = {}
    for p in people:
        for n in p.names:
            toks = [t for t in n.split() if t.casefold().rstrip(".") not in cues.NAME_SUFFIXES]
            surname_forms[toks[-1]] = "surname" if len(n.split()) > 1 else "bare"
            # "Ana de la Fuente" is "de la Fuente" on second mention.
            at = next((i for i, t in enumerate(toks) if i and t in cues.NAME_PARTICLES), None)
            if at is not None and at < len(toks) - 1:
                surname_forms[" ".join(toks[at:])] = "surname"
                # ... capitalised where it opens a sentence ("Von der Leyen said")
                surname_forms[" ".join([toks[at].capitalize(), *toks[at + 1 :]])] = "surname"
    nick_forms: dict[str, str] = {}
    taken = {_fold(f) for f in surname_forms} | {p.first for p in people}
    for last in {p.last for p in people if p.first}:
        surface = next(t for p in people if p.last == last for t in p.name.split() if _fold(t) == last)
        for n in range(4, len(surface)):
            pref = surface[:n]
            if _is_truncation(_fold(pref), last) and _fold(pref) not in taken:
                nick_forms[pref] = "nick"
    kinds = {**nick_forms, **{f: "first" for f in first_forms}, **surname_forms, **full_forms}
    sensitive = _form_regex(kinds)
    folded_full = {_fold(f): f for f in full_forms}
    insensitive = _form_regex(full_forms, re.IGNORECASE)
    # Readers shout ("where was SURNAME?"); a surname in capitals is still the surname, when it is long
    # enough not to be an acronym.
    shouted_forms = {f.upper(): f for f, k in surname_forms.items() if k == "surname" and len(f) >= 4}
    shouted = _form_regex(shouted_forms)
    hits: list[_Hit] = []
    for seg in segs:
        spans: list[tuple[int, int, str]] = []
        if sensitive:
            spans += [(m.start(), m.end(), m.group()) for m in sensitive.finditer(seg.text)]
        if insensitive and seg.field in ("comment", "byline"):
            # Readers write names in lower case ("some body"), some templates print bylines in capitals;
            # full names are specific enough.
            spans += [(m.start(), m.end(), m.group()) for m in insensitive.finditer(seg.text)]
        if shouted and seg.field == "comment":
            spans += [(m.start(), m.end(), m.group()) for m in shouted.finditer(seg.text)]
        spans.sort(key=lambda t: (t[0], -(t[1] - t[0])))
        last_end = -1
        for s, e, surface in spans:
            if s < last_end:
                continue
            norm = " ".join(surface.split())
            norm = shouted_forms.get(norm, norm)
            kind = kinds.get(norm) or ("full" if _fold(norm) in folded_full else None)
            if kind is None:
                continue
            if kind != "full" and _thing_context(seg.text, s, e):
                continue  # "the film Surname": a work named after the person, not a mention
            if kind == "nick":
                # A nickname often carries a capitalised epithet ("Big Smit").
                word, ws = _word_before(seg.text, s)
                epithet = word and word[0].isupper() and word.isalpha()
                if epithet and word.casefold() not in cues.FUNCTION_WORDS:
                    s = ws
            last_end = e
            hits.append(_Hit(seg, s, e, _fold(norm), kind, _role_before(seg.text, s)))
    return hits


def _resolve(
    hits: Sequence[_Hit], people: list[_Person], by_last: dict[str, list[_Person]]
) -> tuple[tuple[PagePerson, ...], tuple[Mention, ...]]:
    by_full: dict[str, _Person] = {}
    by_first: dict[str, list[_Person]] = defaultdict(list)
    for p in people:
        for n in [*p.names, *p.quoted]:
            by_full[_fold(n)] = p
        if p.first:
            by_first[p.first].append(p)
    totals: Counter[int] = Counter()
    for h in hits:
        if h.kind == "full" and h.form in by_full:
            totals[id(by_full[h.form])] += 1

    def pick(cands: Sequence[_Person]) -> _Person | None:
        if not cands:
            return None
        if len(cands) == 1:
            return cands[0]
        seen = [c for c in cands if c.last_seen >= 0]
        if seen:
            return max(seen, key=lambda c: c.last_seen)
        return max(cands, key=lambda c: (totals[id(c)], -c.order))

    ordered = sorted(hits, key=lambda h: (h.seg.rank, h.start))
    resolved: list[tuple[_Hit, _Person]] = []
    for i, h in enumerate(ordered):
        if h.kind == "full":
            p = by_full.get(h.form)
        elif h.kind in ("surname", "bare"):
            p = pick(by_last.get(h.form.split()[-1], []))
        elif h.kind == "first":
            p = pick(by_first.get(h.form, []))
        else:  # nickname: a truncated surname
            last = h.form.split()[-1]
            p = pick([q for q in people if q.first and _is_truncation(last, q.last)])
        if p is None:
            continue
        p.last_seen = i
        p.mentions += 1
        resolved.append((h, p))

    out_people: list[PagePerson] = []
    mentions: list[Mention] = []
    info: dict[int, tuple[list[str], list[str]]] = {}
    for p in people:
        if p.mentions:
            info[id(p)] = ([], [])
    # A person the page names only by title and surname ("Mrs Kell", "Dr Kell") is called that: the
    # surname alone is not how the text gives the name.
    titled: dict[int, str] = {}
    for p in people:
        hits_of = [h for h, q in resolved if q is p]
        titles = Counter(h.role for h in hits_of if h.role and _strip_word(h.role) in cues.HONORIFICS)
        if not p.first and hits_of and sum(titles.values()) == len(hits_of):
            titled[id(p)] = f"{titles.most_common(1)[0][0]} {p.name}"
    for h, p in resolved:
        name = titled.get(id(p), p.name)
        surface = h.seg.text[h.start : h.end]
        aliases, roles = info[id(p)]
        norm_surface = " ".join(surface.split())
        if norm_surface != name and norm_surface not in aliases:
            aliases.append(norm_surface)
        if h.role and h.role.casefold() not in {r.casefold() for r in roles}:
            roles.append(h.role)
        mentions.append(
            Mention(
                name=name,
                surface=surface,
                field=h.seg.field,
                start_char=h.seg.offset + h.start,
                end_char=h.seg.offset + h.end,
                comment_position=h.seg.comment_position,
                field_index=h.seg.field_index,
                role=h.role,
            )
        )
    for p in sorted((p for p in people if p.mentions), key=lambda p: p.order):
        aliases, roles = info[id(p)]
        aliases += [n for n in p.nicknames if n not in aliases]
        name = titled.get(id(p), p.name)
        aliases = [a for a in aliases if a != name]
        out_people.append(PagePerson(name=name, aliases=tuple(aliases), roles=tuple(roles)))
    return tuple(out_people), tuple(mentions)
