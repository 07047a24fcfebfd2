"""Speaker attribution: the words that can name a speaker, and how each resolves to a name.

``SpeakerIndex`` lists every reference outside quotes once (names of known people, pronouns, role
epithets such as "the actor", organisation names and epithets such as "the union"), so the cue
finders in ``claims.py`` and ``reported.py`` only ask "which reference ends here / starts here".
``Salience`` is the discourse memory: the people and organisations that were last subjects or
speakers, in text order, which pronouns, epithets and unattributed continuations resolve to.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from aidebate_etl.extract.lexicon_speech import (
    ABBREVIATIONS,
    ALL_QUOTE_CHARS,
    BACK_REPLY_VERBS,
    CALENDAR_WORDS,
    DOCUMENT_MOUTHPIECES,
    DOUBLE_OPEN,
    EPITHET_GROUPS,
    EPITHET_NOUNS,
    FEMALE_NOUNS,
    FUNCTION_WORDS,
    GENERIC_ORG_EPITHETS,
    GROUP_PRONOUNS,
    KIN_EPITHET_HEADS,
    MALE_NOUNS,
    MOUTHPIECE_NOUNS,
    NON_BUSINESS_HEADS,
    OFFICE_TITLES,
    ORG_EPITHETS,
    ORG_SUFFIXES,
    PERSON_PRONOUNS,
    PREPOSITIONS,
    REGULATOR_EPITHETS,
    REGULATOR_HEADS,
    REPORTING_FORMS,
    SINGLE_OPEN,
    SPEAKER_VERB_FILLERS,
    THING_PRONOUNS,
)
from aidebate_etl.extract.person_cues import POST_NOMINALS, ROLE_MODIFIERS, ROLE_NOUNS
from aidebate_etl.extract.quotes import QuoteSpan
from aidebate_etl.records import Mention, PagePerson

__all__ = ["Ref", "Resolved", "Salience", "SpeakerIndex", "speaker_before_verb", "verb_at"]

RefKind = str  # "name" | "pronoun" | "epithet" | "org" | "org_epithet" | "new_name" | "document"


@dataclass(frozen=True, slots=True)
class Ref:
    """Words in the body that may name a speaker."""

    start: int
    end: int
    kind: RefKind
    surface: str
    name: str | None = None  # canonical name, known for "name" and "org" refs
    noun: str | None = None  # the role noun of an epithet


@dataclass(frozen=True, slots=True)
class Resolved:
    name: str
    speaker_kind: str  # "person" or "organization"
    how: str  # explicit, pronoun, epithet, organization…


# A run of capitalised words, the shape of a name the people extractor may not have listed.
# Connectors inside names: particles of personal names and the "of"/"for"/"and"/"&" of organisation
# names ("Guild of Lantern Makers", "Union of Tram and Bus Staff").
_CONNECT = r"(?:de|van|von|der|da|del|la|le|bin|al|of|for|and|&)"
# A full stop belongs to a name word only as an initial or short abbreviation ("J.", "St.", "Co."):
# "Lee. Lee" is two sentences. Words are joined by blanks or one line break (hard-wrapped copy), never
# by a paragraph break.
_ABBREVIATED = "|".join(sorted({a.capitalize() for a in ABBREVIATIONS if a.isalpha()}, key=len, reverse=True))
_DOTTED = r"(?:[A-Z](?:\.[A-Z])*\.|(?:" + _ABBREVIATED + r")\.)"
_NAME_WORD = r"(?:" + _DOTTED + r"|[A-Z][\w'’&-]*)"
_GAP = r"(?:[ \t]+\n?[ \t]*|\n[ \t]*)"
_CAP_NAME = re.compile(
    r"(?:" + _DOTTED + r"|[A-Z][\w'’-]*)(?:" + _GAP + r"(?:" + _NAME_WORD + r"|" + _CONNECT
    + r"(?=" + _GAP + r"[A-Z])))*"
)  # fmt: skip
_CAP_RUN_END = re.compile(r"(?:" + _NAME_WORD + _GAP + r"(?:" + _CONNECT + _GAP + r")?)*" + _NAME_WORD + r"$")
# "the Canal Authority", "the Exampleton Valley Trust": a capitalised run after "the" names an
# organisation or institution, never a person.
# The article before an organisation's name of two or more words ("An Post" keeps its own "An").
_LEADING_ARTICLE = re.compile(r"The\s+|An?\s+(?=\S+\s+\S)")
_THE_RUN = re.compile(r"\b[Tt]he\s+(" + _CAP_NAME.pattern + r")")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# "the actor", "the That ’70s Show alum", "the 46-year-old": "the", then up to four modifiers and
# the role noun, with no punctuation between (the noun is looked up word by word).
_THE = re.compile(r"\b[Tt]he\s+")
_EPITHET_WORD = re.compile(r"([^\s.,;:!?\"“”()]+)(\s+|(?=[.,;:!?\"“”()]|$))")
_AGE = re.compile(r"\d{1,3}-year-old\b")
# An epithet looks at most this many words past "the" for its noun.
MAX_EPITHET_WORDS = 5
# The longest noun phrase a name stands in apposition to as a sentence's subject ("His business partner of
# 22 years, Kim Lee, is …"): a determiner, modifiers, the noun and a short of-phrase.
MAX_APPOSED_SUBJECT_WORDS = 7
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t)\b")
_ORG_SUFFIX_NEXT = re.compile(
    r"[ \t]+(?:" + "|".join(sorted(map(re.escape, ORG_SUFFIXES), key=len, reverse=True)) + r")\b"
)
_LOCATIVE = frozenset({"at", "in", "on", "near", "inside", "outside", "across"})
# A single capitalised word opening a sentence, and the word after it.
_BARE_SPEAKER = re.compile(r"(?:^|[.!?][\"”’]?[ \t]+|\n)([A-Z][a-z]+[A-Z]?[a-z]+)[ \t]+([a-z]+)\b")
# "the statement said": a document with no owner named after it ("the statement from X" has one)
_DOCUMENT = re.compile(r"\b[Tt]he\s+([a-z]+)\b(?!\s+(?:from|of|by|for)\b)")
# "the mum-of-two", "the father-of-three": a kin noun made into an epithet by its compound
# How many paragraphs back a pronoun may skip a person of unknown gender for one whose gender matches.
PRONOUN_REACH_PARAGRAPHS = 2
_PRONOUN_WORDS = PERSON_PRONOUNS | GROUP_PRONOUNS | THING_PRONOUNS
_KIN_COMPOUND = re.compile(r"([a-z]+)-of-[a-z0-9]+$")
# ... and the same epithet written open, without hyphens ("the mother of two", "the father of 3")
_KIN_OF_COUNT = re.compile(r"[ \t]+of[ \t]+(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\b")
_ACRONYM = re.compile(r"[A-Z]{2,}(?:[-&][A-Z]{2,})*$")
_MOUTHPIECE_FROM = re.compile(r"(?:an?|the)\s+(?:[a-z]+\s+)?([a-z]+)\s+(?:from|of|by|for)\s+(?:the\s+)?")
_APPOSITIVE_AGE = re.compile(r",\s*\d{1,3},\s*")
_APPOSITIVE_ANY = re.compile(r",\s*(?:a|an|the|who|whose|\d{1,3})\b[^,;:!?\"“”‘’]{0,80},\s*")
_AFTER_LOWER_WORD = re.compile(r"(?:(?<![\w'’.-])[a-z][\w'’-]*,?|,) ([A-Z][a-z]*[A-Z]?[a-z]+)\b(?![’']s)")
# A capitalised run opening on a date ("On Thursday", "Yesterday", "Last Friday") before a name.
_DATED_OPENING = re.compile(
    r"(?:(?:On|By|Last|This|Late|Early)\s+)?(?:"
    + "|".join(sorted((w.capitalize() for w in CALENDAR_WORDS), key=len, reverse=True))
    + r")\s+"
)
_AUXILIARIES = frozenset({"is", "was", "are", "were", "has", "had", "have", "will", "would", "can", "could",
                          "may", "might", "must", "should", "shall", "does", "did"})  # fmt: skip
_APPOSITIVE_LOWER = re.compile(r",\s*[a-z][^,;:!?\"“”‘’()]{0,80},\s*")
_OF_PHRASE = re.compile(r"\s+(?:of|from|at)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*")


def _verb_like(word: str, *, plural_nouns: bool = True) -> bool:
    """Can the lower-case word after a name be its verb ("has", "said", "announced", "owns")? Without
    ``plural_nouns``, a word ending in "s" that may be a plural noun ("Acme’s shoppers") does not count."""
    return (
        word in REPORTING_FORMS
        or word in SPEAKER_VERB_FILLERS
        or word in _AUXILIARIES
        or word.endswith("ed")
        or (plural_nouns and word.endswith("s") and not word.endswith("ss"))
    )


def _name_forms(person: PagePerson) -> set[str]:
    forms = {person.name, *person.aliases}
    parts = person.name.split()
    # the surname alone is how news prose refers back to a named person ("Lee said")
    if len(parts) > 1 and len(parts[-1]) > 2 and parts[-1][0].isupper():
        forms.add(parts[-1])
    return {f for f in forms if f and f[0].isupper()}


class SpeakerIndex:
    """Every speaker-like reference outside quotes, in text order."""

    def __init__(
        self,
        body: str,
        people: Sequence[PagePerson],
        mentions: Sequence[Mention],
        quotes: Sequence[QuoteSpan],
    ) -> None:
        self.body = body
        self.people = list(people)
        self._inside = bytearray(len(body))
        for q in quotes:
            lo, hi = q.open_pos, q.outer_end
            self._inside[lo:hi] = b"\x01" * (hi - lo)
        refs: list[Ref] = []
        taken = bytearray(len(body))

        def add(ref: Ref) -> None:
            if ref.end > len(body) or any(taken[ref.start : ref.end]) or self._inside[ref.start]:
                return
            taken[ref.start : ref.end] = b"\x01" * (ref.end - ref.start)
            refs.append(ref)

        for m in sorted(mentions, key=lambda m: (m.start_char, -m.end_char)):
            # a mention running over a sentence break is a tokenisation slip, not a name
            if m.field == "body" and body[m.start_char : m.end_char] == m.surface and ". " not in m.surface:
                add(Ref(m.start_char, m.end_char, "name", m.surface, m.name))
        # fallback: the page's own names and surnames, for mentions the people extractor left out
        forms = sorted(((f, p.name) for p in people for f in _name_forms(p)), key=lambda x: -len(x[0]))
        for form, canonical in forms:
            for m in re.finditer(r"(?<![\w'’])" + re.escape(form) + r"(?![\w])", body):
                # "Lee Books": a surname that heads an organisation's name is not the person
                if not _ORG_SUFFIX_NEXT.match(body, m.end()):
                    add(Ref(m.start(), m.end(), "name", form, canonical))
        self._known_names = {f.casefold(): canonical for f, canonical in forms}
        # a first name that only one person on the page has ("Kim said" once "Kim Lee" is named, as
        # a page does for relatives sharing a surname) is that person where a speaker is looked for; it
        # names no one if it is also a surname or another person's first name
        firsts: dict[str, set[str]] = {}
        for p in people:
            parts = p.name.split()
            if len(parts) > 1 and parts[0][:1].isupper() and len(parts[0]) > 2:
                firsts.setdefault(parts[0].casefold(), set()).add(p.name)
        for first, names in firsts.items():
            if len(names) == 1 and first not in self._known_names:
                self._known_names[first] = next(iter(names))
        for start, end, surface, canonical in _described_again(body, refs):
            add(Ref(start, end, "name", surface, canonical))
        # single capitalised words the page also writes capitalised mid-sentence: proper nouns
        # ("Acme said", "MacInnes later said"), unlike a sentence's first word ("Critics said"); the
        # word before is a lower-case word or a comma, so a word inside a longer capitalised name
        # ("the Tram Drivers' Association") is no proper noun of its own
        self._proper_words = {
            m.group(1) for m in _AFTER_LOWER_WORD.finditer(body) if not self._inside[m.start(1)]
        }
        # proper words the page also uses bare as a sentence's speaker ("Orlen said it had …"): names
        # of a speaker even after a lowercase noun ("online retailer Orlen said")
        self._speaking_words = {
            m.group(1)
            for m in _BARE_SPEAKER.finditer(body)
            if m.group(1) in self._proper_words and m.group(2) in REPORTING_FORMS
        }
        for m in _CAP_NAME.finditer(body):
            words = m.group(0).split()
            if words[-1].rstrip(".") in {s.rstrip(".") for s in ORG_SUFFIXES} and len(words) > 1:
                surface = m.group(0)
                # "The Transit Workers Union", "An Exampleton Borough Council spokesman": the article is not
                # part of the name (a sentence opening on "A"/"An" capitalises it)
                lead = _LEADING_ARTICLE.match(surface)
                name = surface[lead.end() :] if lead else surface
                add(Ref(m.start(), m.end(), "org", surface, name))
        for m in _THE_RUN.finditer(body):
            surface = m.group(1).rstrip(".")
            if surface.endswith(("’s", "'s")):
                surface = surface[:-2]
            after = body[m.start(1) + len(surface) : m.start(1) + len(surface) + 30]
            word = re.match(r"\s+([a-z]+)", after)
            # a capitalised run followed by a common noun is a modifier ("the Exampleton Road stadium")
            standalone = not word or word.group(1) in REPORTING_FORMS or word.group(1) in FUNCTION_WORDS
            if surface.split()[-1].casefold() in OFFICE_TITLES:
                continue  # "the Labour MP said": an office holder, left to the epithets below
            if len(surface) > 2 and surface.casefold() not in self._known_names and standalone:
                add(Ref(m.start(1), m.start(1) + len(surface), "org", surface, surface))
        org_nouns = set(ORG_EPITHETS)
        for r in refs:
            if r.kind == "org" and r.name:
                # "the authority" refers back to "the Canal Authority"
                # (the head noun only: the word before "of"/"for", else the last word)
                words = re.split(r"\s+(?:of|for)\s+", r.name)[0].split()
                if len(words) > 1 and len(words[-1]) > 3 and words[-1].isalpha():
                    org_nouns.add(words[-1].lower())
        for m in _THE.finditer(body):
            if _AGE.match(body, m.end()):
                end = _AGE.match(body, m.end()).end()
                add(Ref(m.start(), end, "epithet", body[m.start() : end], noun="year-old"))
                continue
            at, words = m.end(), []
            for _ in range(MAX_EPITHET_WORDS):
                w = _EPITHET_WORD.match(body, at)
                if not w:
                    break
                words.append(w.group(1))
                noun = w.group(1).lower()
                end = at + len(w.group(1))
                kin = _KIN_COMPOUND.match(noun)
                if kin and kin.group(1) in KIN_EPITHET_HEADS:
                    add(Ref(m.start(), end, "epithet", body[m.start() : end], noun=kin.group(1)))
                    break
                count = _KIN_OF_COUNT.match(body, end) if noun in KIN_EPITHET_HEADS else None
                if count is not None:
                    add(Ref(m.start(), count.end(), "epithet", body[m.start() : count.end()], noun=noun))
                    break
                if noun in EPITHET_NOUNS:
                    add(Ref(m.start(), end, "epithet", body[m.start() : end], noun=noun))
                    break
                # "the chain said": a generic business noun refers back too, when it heads its phrase
                # ("the shadow business secretary" is a person's role)
                heads = False
                if noun in GENERIC_ORG_EPITHETS:
                    nxt = _EPITHET_WORD.match(body, w.end()) if w.group(2) else None
                    heads = nxt is None or _verb_like(nxt.group(1).lower())
                nxt = _EPITHET_WORD.match(body, w.end()) if w.group(2) else None
                if nxt is not None and nxt.group(1).lower() in EPITHET_NOUNS:
                    # "the council leader", "the union boss": the organisation noun modifies the role
                    # noun after it, which heads the phrase (a person)
                    at = w.end()
                    continue
                if noun in org_nouns or heads:
                    # "the Welsh government": capitalised modifiers make the epithet a name itself
                    mods = words[:-1]
                    # ("the London-based company" only describes: a lowercase compound part is no name)
                    naming = all(x[0].isupper() and not re.search(r"-[a-z]", x) for x in mods)
                    own = " ".join(words) if mods and naming else None
                    add(Ref(m.start(), end, "org_epithet", body[m.start() : end], name=own, noun=noun))
                    break
                if not w.group(2):
                    break  # punctuation ends the noun phrase
                at = w.end()
        for m in _DOCUMENT.finditer(body):
            if m.group(1) in DOCUMENT_MOUTHPIECES:
                add(Ref(m.start(), m.end(), "document", m.group(0), noun=m.group(1)))
        for m in _PRONOUN.finditer(body):
            add(Ref(m.start(), m.end(), "pronoun", m.group(0), noun=m.group(0).lower()))
        refs.sort(key=lambda r: r.start)
        self.refs = refs
        self.org_mentions = self._org_mentions()
        self.roles = _collect_roles(body, refs, people, mentions)
        self.appositive_roles = _collect_roles(body, refs, people, mentions, appositives=True)
        self._starts = [r.start for r in refs]
        self._by_end = {r.end: r for r in refs}
        self._by_start = {r.start: r for r in refs}

    def _org_mentions(self) -> list[tuple[int, str]]:
        """Capitalised runs of two or more words that are the subject of a clause and hold no known
        person's name ("Harbour Water has been fined"): the organisations a later "the company" can
        refer back to, since the people extractor lists people only."""
        body = self.body
        found: list[tuple[int, str]] = []
        for m in _CAP_NAME.finditer(body):
            if self._inside[m.start()] or (m.start() > 0 and body[m.start() - 1].isalnum()):
                continue
            surface = m.group(0).rstrip(".")
            if surface.endswith(("’s", "'s")):
                # "beat Wall Street's forecasts": a possessor modifies, it does not act; but a name that
                # ends in "’s" before a verb is a firm's ("Acme’s is to close", "Acme’s said")
                after = re.match(r"[ \t]+([a-z]+)", body[m.start() + len(surface) :])
                if after and _verb_like(after.group(1), plural_nouns=False):
                    found.append((m.start(), " ".join(surface.split())))
                continue
            lead = re.match(r"The\s+", surface)
            name = " ".join(surface[lead.end() :].split()) if lead else " ".join(surface.split())
            words = name.split()
            if len(words) < 2 or words[0].lower() in FUNCTION_WORDS:
                continue
            # ("Lee Books" names a firm even where Lee is a person on the page)
            if any(w.casefold() in self._known_names for w in words) and words[-1] not in ORG_SUFFIXES:
                continue
            after = body[m.end() : m.end() + 120]
            app = _APPOSITIVE_ANY.match(after)  # "Acme Books, the bookshop chain founded in 1989, will"
            verb = re.match(r"\s*([a-z][a-z'’-]*)", after[app.end() :]) if app else None
            verb = verb or re.match(r"\s+([a-z][a-z'’-]*)", after)
            if not verb or verb.group(1) in FUNCTION_WORDS:
                continue
            if verb.group(1) in EPITHET_NOUNS or verb.group(1) in MOUTHPIECE_NOUNS:
                continue  # "Acme Capital analyst Kim Lee said": the name qualifies a role, it does not act
            article = lead or re.search(r"\bthe\s+$", body[max(0, m.start() - 5) : m.start()])
            if article and not _verb_like(verb.group(1)):
                continue  # "The Castle Street shop is …": after an article, a run before a noun modifies it
            # "outside the Kelvin Quay terminal": after a preposition (and its article) a run is a place
            prev = re.search(r"([A-Za-z]+)\s+(?:the\s+)?$", body[max(0, m.start() - 24) : m.start()])
            if prev and prev.group(1).lower() in PREPOSITIONS:
                continue
            owner = re.search(r"\b(its|their|his|her|our)\s+$", body[max(0, m.start() - 8) : m.start()])
            if owner:
                continue  # "will close its Pantry & Pine arm": a possession, not an actor
            found.append((m.start(), name))
        # a one-word name the page has speaking ("Passmoor said …") is that organisation wherever it is
        # mentioned again ("Passmoor shares fell"), unless it is a person's
        for m in re.finditer(r"(?<![\w'’-])([A-Z][a-z]+[A-Z]?[a-z]+)\b", body):
            word = m.group(1)
            if (
                word in self._speaking_words
                and word.casefold() not in self._known_names
                and not self._inside[m.start()]
            ):
                found.append((m.start(), word))
        return sorted(found)

    # ------------------------------------------------------------ lookups
    def heads_org(self, ref: Ref) -> bool:
        """A one-word reference that the page also writes as the head of an organisation's name ("an
        Ostrava spokesperson" beside "Ostrava Freight Group"): a firm named after its founder."""
        if " " in ref.surface:
            return False
        return (
            re.search(
                r"(?<![\w'’-])"
                + re.escape(ref.surface)
                + r"(?:[ \t]+[A-Z][\w'’-]*){0,2}"
                + _ORG_SUFFIX_NEXT.pattern,
                self.body,
            )
            is not None
        )

    def inside_quote(self, pos: int) -> bool:
        return 0 <= pos < len(self._inside) and bool(self._inside[pos])

    def refs_between(self, start: int, end: int) -> list[Ref]:
        i = bisect_left(self._starts, start)
        out = []
        while i < len(self.refs) and self.refs[i].start < end:
            out.append(self.refs[i])
            i += 1
        return out

    def ref_starting_at(self, pos: int, *, allow_new: bool = True) -> Ref | None:
        """The reference that starts at ``pos`` (after blanks), or an unlisted capitalised name."""
        while pos < len(self.body) and self.body[pos] in " \t":
            pos += 1
        ref = self._by_start.get(pos)
        if ref is not None:
            return ref
        if not allow_new:
            return None
        return self._new_name(pos)

    def ref_in_phrase(self, start: int, limit: int) -> Ref | None:
        """The first name or organisation in the noun phrase at ``start`` ("tech writer Lee Kim"),
        up to the next comma or full stop: cues like "according to" take a described speaker."""
        stop = start
        while stop < limit and self.body[stop] not in ",.;:!?\n" and stop - start < 80:
            stop += 1
        for ref in self.refs_between(start, stop):
            # "according to a trial at St Example Hospital": a place inside the phrase is not its source
            if ref.kind in ("name", "org", "org_epithet", "epithet") and not self._located(ref, start):
                return ref
        # "according to a statement from Skyline Air": the owner of the mouthpiece
        owner = self.mouthpiece_owner(start, stop)
        return owner if owner is not None else self.ref_starting_at(start)

    def _located(self, ref: Ref, floor: int) -> bool:
        """Is the reference the place of something ("a trial at X", "a survey in X"), not its author?"""
        before = re.search(r"(\w+)[ \t]+(?:the[ \t]+)?$", self.body[floor : ref.start])
        return before is not None and before.group(1).lower() in _LOCATIVE

    def mouthpiece_owner(self, pos: int, stop: int | None = None) -> Ref | None:
        """At ``pos``, "a spokesman for X" / "a statement from the X": the reference X."""
        while pos < len(self.body) and self.body[pos] in " \t":
            pos += 1
        m = _MOUTHPIECE_FROM.match(self.body, pos, stop if stop is not None else len(self.body))
        if m and m.group(1).lower() in MOUTHPIECE_NOUNS:
            ref = self.ref_starting_at(m.end())
            the = re.search(r"the\s+$", m.group(0))
            if ref is None and the is not None:
                # "a spokesperson for the authority": the owner is an epithet that starts at its "the"
                ref = self._by_start.get(m.start() + the.start())
            return ref
        return None

    def ref_ending_at(self, pos: int, floor: int) -> Ref | None:
        """The reference that ends at ``pos`` (before blanks), or an unlisted capitalised name."""
        while pos > floor and self.body[pos - 1] in " \t":
            pos -= 1
        ref = self._by_end.get(pos)
        if ref is not None:
            return ref
        # an unlisted capitalised name or organisation ending here
        m = _CAP_RUN_END.search(self.body, floor, pos)
        if not m or m.end() != pos:
            return None
        dated = _DATED_OPENING.match(m.group(0))
        if dated and dated.end() < len(m.group(0)):
            # "On Thursday Acme said": the day that dates the statement is not part of the name
            return self._new_name(m.start() + dated.end(), pos)
        prev = re.search(r"([A-Za-z]+)\s*$", self.body[max(floor, m.start() - 20) : m.start()])
        if prev and prev.group(1).lower() in PREPOSITIONS:
            return None  # "pensioners in Lower Ashby say": a place, not the speaker
        single = not re.search(r"\s", m.group(0))
        described = prev and (prev.group(1).islower() or prev.group(1) in ("A", "An", "The", "One"))
        if single and described and m.group(0) not in self._speaking_words:
            return None  # "a senior Republican said": a party, nationality or role, not a name
        return self._new_name(m.start(), pos)

    def _new_name(self, pos: int, end: int | None = None) -> Ref | None:
        m = _CAP_NAME.match(self.body, pos, end if end is not None else len(self.body))
        if not m or (end is not None and m.end() != end):
            return None
        surface = m.group(0).rstrip(".")
        if surface.endswith(("’s", "'s")):
            # a possessive is followed by what it owns; "Acme’s said" is a firm named with an "’s"
            after = re.match(r"[ \t]+([a-z]+)", self.body[m.start() + len(surface) :])
            if not after or not _verb_like(after.group(1), plural_nouns=False):
                return None
            return Ref(m.start(), m.start() + len(surface), "org", surface, surface)
        start_at = m.start()
        lead = re.match(r"The\s+", surface)
        if lead:
            # "The Canal Authority said": a capitalised run after "The" is an organisation
            rest = surface[lead.end() :]
            if rest and rest.casefold() not in self._known_names and rest.split()[0][0].isupper():
                return Ref(start_at + lead.end(), start_at + len(surface), "org", rest, rest)
        of = re.search(r"\s+of\s+", surface)
        if of:
            # "Kim Lee of Acme Labs": a known person described by the organisation they belong to, a
            # title perhaps before the name ("Professor Kim Lee of Acme Labs")
            known_head = self._known_tail(surface[: of.start()].split(), m.start() + of.start())
            if known_head is not None:
                return known_head
        words = surface.split()
        end_at = m.start() + len(surface)
        toks = list(re.finditer(r"\S+", surface))
        while (
            len(toks) > 1
            and toks[-1].group().rstrip(".").lower() in POST_NOMINALS
            and toks[-1].group()[0].isupper()
        ):
            # "Jo Bloom KC said": letters of an honour or office after a known name are not part of it
            toks.pop()
            head = " ".join(t.group() for t in toks)
            if head.casefold() in self._known_names:
                return Ref(
                    m.start(), m.start() + toks[-1].end(), "name", head, self._known_names[head.casefold()]
                )
        known_tail = self._known_tail(words, end_at)
        if known_tail is not None:
            return known_tail
        if words[0].lower() in FUNCTION_WORDS or words[0].lower() in _PRONOUN_WORDS:
            return None
        if (
            words[-1] in ORG_SUFFIXES
            or words[-1] + "." in ORG_SUFFIXES
            or _ACRONYM.match(words[-1])
            or any(w in ("of", "for", "and", "&") for w in words)
        ):
            return Ref(m.start(), end_at, "org", surface, surface)
        if len(words) >= 2 or surface in self._proper_words:
            return Ref(m.start(), end_at, "new_name", surface, surface)
        return None

    def _known_tail(self, words: list[str], end_at: int) -> Ref | None:
        """A known name at the end of a capitalised run ending at ``end_at`` ("Yesterday Lee",
        "Actor Kim Lee"), the longest first."""
        for k in range(len(words)):
            tail = " ".join(words[k:])
            if tail.casefold() in self._known_names:
                return Ref(end_at - len(tail), end_at, "name", tail, self._known_names[tail.casefold()])
        return None

    # ------------------------------------------------------------ grammar of a reference
    def is_possessive(self, ref: Ref) -> bool:
        after = self.body[ref.end : ref.end + 2]
        return after in ("’s", "'s") or (after[:1] in ("’", "'") and after[1:2] in (" ", ""))

    def is_subject_like(self, ref: Ref, sent_start: int) -> bool:
        """Does the reference look like the subject of a clause (not an object or possessor)?"""
        if self.is_possessive(ref):
            return False
        clause_start = self._clause_start(ref, sent_start)
        if clause_start is None:
            return False
        body = self.body
        # the word after, skipping an appositive ("Lee, 46, said", "Lee, a doctor, said") or a
        # relative pronoun ("Lee, who led the study, said": Lee is the subject of both clauses)
        orig = body[ref.end : ref.end + 120]
        m = _APPOSITIVE_AGE.match(orig) or _APPOSITIVE_ANY.match(orig) or _OF_PHRASE.match(orig)
        for rest in ([orig[m.end() :]] if m else []) + [orig]:
            if re.match(r",\s*who\s+[a-z]", rest):
                return True
            rest = rest.lstrip(" \t")
            if rest[:1] in DOUBLE_OPEN or rest[:1] in ('"',):
                return True  # the quote is the predicate: 'he "can just ..."'
            w = _WORD.match(rest)
            if w and w.group(0).islower() and w.group(0) not in FUNCTION_WORDS:
                return True
        # "Lee, whose film opens today, is …": a sentence-initial name before a long appositive (perhaps
        # after its role: "Retired engineer Lee, 71, and his wife … are")
        at_start = all(
            w[:1].isupper() or w in ROLE_NOUNS or w in ROLE_MODIFIERS
            for w in body[sent_start : ref.start].split()
        )
        if at_start and orig[:1] == ",":
            return True
        # "Kim Lee, chair of the tenants' group, was carried …": a lower-case role appositive, then the verb
        low = _APPOSITIVE_LOWER.match(orig)
        if low:
            w = _WORD.match(orig[low.end() :])
            if w and w.group(0).islower() and _verb_like(w.group(0), plural_nouns=False):
                return True
        # "Her neighbour, Kim Lee, was less alarmed": the name in apposition to a short subject (and
        # "Another analyst, Kim Lee of Acme, was …": an of-phrase may follow the name)
        before = body[sent_start : ref.start].rstrip()
        of = _OF_PHRASE.match(orig)
        after = re.match(r",\s*([a-z]+)\b", orig[of.end() :] if of else orig)
        return bool(
            before.endswith(",")
            and "," not in before[:-1]
            and len(before.split()) <= MAX_APPOSED_SUBJECT_WORDS
            and after
            and after.group(1) not in FUNCTION_WORDS
        )

    def after_preposition(self, ref: Ref, floor: int) -> bool:
        """Is the reference the object of a preposition ("aim at Lee", "with former CEO Lee")?"""
        return self._clause_start(ref, floor) is None

    def _clause_start(self, ref: Ref, sent_start: int) -> bool | None:
        """True when the reference opens a clause, False when not, None after a preposition."""
        body = self.body
        # the word before, skipping capitalised title words ("with former Google CEO X")
        i = ref.start
        clause_start = False
        while True:
            j = i
            while j > sent_start and body[j - 1] in " \t":
                j -= 1
            if j <= sent_start:
                clause_start = True
                break
            if body[j - 1] in ",;:(\u2014\u2013" or body[j - 1] in DOUBLE_OPEN or body[j - 1] in SINGLE_OPEN:
                clause_start = True
                break
            k = j
            while k > sent_start and (body[k - 1].isalnum() or body[k - 1] in "'’-."):
                k -= 1
            word = body[k:j]
            if not word:
                break
            if (word[0].isupper() or word in ("the", "a", "an")) and ref.kind in ("name", "new_name", "org"):
                i = k
                continue
            if word.lower() in PREPOSITIONS:
                return None
            break
        return clause_start


# "the finance lead, Kim Lee," / "Kim Lee, the finance lead,": a definite description in apposition to a name
_DESCRIPTION_BEFORE = re.compile(r"(?<![\w'’-])[Tt]he[ \t]+((?:[a-z][\w-]*[ \t]+){0,3}[a-z][\w-]*),[ \t]+$")
_DESCRIPTION_AFTER = re.compile(r",[ \t]+the[ \t]+((?:[a-z][\w-]*[ \t]+){0,3}[a-z][\w-]*)(?=[,.;])")


_PERSON_HEADS = ROLE_NOUNS | EPITHET_NOUNS | MALE_NOUNS | FEMALE_NOUNS


def _described_again(body: str, refs: Sequence[Ref]) -> list[tuple[int, int, str, str]]:
    """Later uses of a definite description the page set in apposition to one person's name ("the finance
    lead, Kim Lee, …. The finance lead insisted …"): the page defined the description as that person, so
    it names them wherever it recurs. A description given to two people names neither."""
    holders: dict[str, set[str]] = {}
    defined: set[int] = set()
    for ref in refs:
        if ref.kind != "name" or not ref.name:
            continue
        for m in (
            _DESCRIPTION_BEFORE.search(body, max(0, ref.start - 60), ref.start),
            _DESCRIPTION_AFTER.match(body, ref.end),
        ):
            # (headed by a noun for a person: "the next day, Kim Lee said" describes no one)
            if m is not None and m.group(1).split()[-1] in _PERSON_HEADS:
                holders.setdefault(m.group(1), set()).add(ref.name)
                defined.add(m.start(1))
    found = []
    for phrase, names in holders.items():
        if len(names) != 1:
            continue
        for m in re.finditer(r"(?<![\w'’-])[Tt]he[ \t]+(" + re.escape(phrase) + r")(?![\w'’-])", body):
            if m.start(1) not in defined:
                found.append((m.start(), m.end(), m.group(0), next(iter(names))))
    return found


_ROLE_BEFORE = re.compile(r"((?:[\w'’-]+\s+){1,4})$")
# "The plant manager, Kim Lee, said": a determiner-led noun phrase opening the sentence, set off by a
# comma before the name, is the name's appositive role
_ROLE_BEFORE_COMMA = re.compile(
    r"(?:^|[.!?][\"”’]?\s+|\n)(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+((?:[\w'’-]+\s+){0,3}[\w'’-]+),\s+$"
)
_ROLE_AFTER = re.compile(r",\s+(?:a|an|the)\s+([^,.;:]{1,60})[,.]")
# "Kim Lee, manager of the plant,": an appositive after the name without its article, unless it is a
# relative clause ("Kim Lee, who met the minister,")
_ROLE_AFTER_LOOSE = re.compile(r",\s+(?!(?:who|whose|which|where|when)\b)([^,.;:]{1,60})[,.]")
# the role noun phrase ends where a preposition or verb-led tail starts ("manager of the plant",
# "plant manager at Exampleton", "speaking for the minister"): what follows names something else
_ROLE_TAIL = re.compile(r"\s+(?:of|at|for|in|on|with|from|to|by|since|and|who|which)\s.*$", re.S)
# a possessor says whose role it is, not what it is ("the minister's aide" is an aide)
_POSSESSOR = re.compile(r"[\w-]+(?:['’]s|s['’])(?=\s|$)")


def org_head(name: str) -> str:
    """The head noun of an organisation's name, lowercased: the word before "of"/"for" when the name
    has one ("Ministry of Energy"), else its last word ("Harbour Water Company")."""
    words = re.split(r"\s+(?:of|for)\s+", name.strip())[0].split()
    return words[-1].lower() if words else ""


def _collect_roles(
    body: str,
    refs: Sequence[Ref],
    people: Sequence[PagePerson],
    mentions: Sequence[Mention],
    *,
    appositives: bool = False,
) -> dict[str, set[str]]:
    """Role nouns the page gives each person ("tech writer Lee Kim", "Kim, a doctor,"), so a role
    epithet ("the actor") is not resolved to someone the page describes as something else; with
    ``appositives``, also the looser appositive forms ("Kim, manager of the plant,", "The plant
    manager, Kim,")."""
    roles: dict[str, set[str]] = {}

    def note(name: str, text: str) -> None:
        for word in re.findall(r"[A-Za-z]+", _POSSESSOR.sub(" ", text).lower()):
            if word in EPITHET_NOUNS or word in MALE_NOUNS or word in FEMALE_NOUNS:
                roles.setdefault(name, set()).add(word)

    for p in people:
        for r in p.roles:
            note(p.name, r)
    for m in mentions:
        if m.role:
            note(m.name, m.role)
    for ref in refs:
        if ref.kind != "name" or not ref.name:
            continue
        before = _ROLE_BEFORE.search(body, max(0, ref.start - 60), ref.start)
        if before:
            note(ref.name, before.group(1))
        after = _ROLE_AFTER.match(body, ref.end)
        if after:
            note(ref.name, after.group(1))
        if not appositives:
            continue
        before = _ROLE_BEFORE_COMMA.search(body, max(0, ref.start - 80), ref.start)
        if before:
            note(ref.name, _ROLE_TAIL.sub("", before.group(1)))
        after = _ROLE_AFTER_LOOSE.match(body, ref.end)
        if after:
            note(ref.name, _ROLE_TAIL.sub("", after.group(1)))
    return roles


def verb_at(body: str, pos: int) -> tuple[str, int, int] | None:
    """The reporting verb form starting at ``pos`` (after blanks): (base, start, end)."""
    while pos < len(body) and body[pos] in " \t":
        pos += 1
    m = _WORD.match(body, pos)
    if not m:
        return None
    base = REPORTING_FORMS.get(m.group(0))
    if base is None and m.group(0) in BACK_REPLY_VERBS:
        back = re.match(r"[ \t]+back\b", body[m.end() : m.end() + 8])
        if back:  # "she shot back": a reply
            return ("reply", m.start(), m.end() + back.end())
    return (base, m.start(), m.end()) if base else None


def skip_fillers_forward(body: str, pos: int) -> int:
    """Skip adverbs and auxiliaries between a speaker and a verb ("Lee has also said")."""
    while True:
        m = re.match(r"\s*([a-z]+)\b", body[pos : pos + 30])
        if m and m.group(1) in SPEAKER_VERB_FILLERS:
            pos += m.end()
            continue
        return pos


def skip_fillers_backward(body: str, pos: int, floor: int) -> int:
    while True:
        m = re.search(r"\b([a-z]+)\s*$", body[max(floor, pos - 30) : pos])
        if m and m.group(1) in SPEAKER_VERB_FILLERS:
            pos = max(floor, pos - 30) + m.start()
            continue
        return pos


def skip_appositive_backward(body: str, pos: int, floor: int, *, allow_names: bool = False) -> int:
    """Before a verb, step over ", 46," or ", a doctor at the clinic," back to the name it describes."""
    stripped = body[floor:pos].rstrip()
    if not stripped.endswith(","):
        return pos
    inner_end = floor + len(stripped) - 1
    comma = body.rfind(",", floor, inner_end)
    if comma < 0:
        return pos
    between = body[comma + 1 : inner_end].strip()
    # a possessive ("the committee’s ranking member") is no quote mark
    unquoted = re.sub(r"(?<=\w)[’'](?:s\b|(?=\s))", "", between)
    if not between or len(between) > 80 or any(c in ALL_QUOTE_CHARS for c in unquoted):
        return pos
    first = between.split()[0].lower()
    # appositives start with an age, an article, a relative word or a role ("a doctor", "who led")
    # the new position keeps the comma that opened the appositive, so a chain can be walked on
    if between.isdigit() or first in ("a", "an", "the", "who", "whose", "which", "now", "then", "formerly"):
        return comma + 1
    # a role phrase may run long ("head of policy at the consumer group Fair Deal"), within 80 chars
    if (first[0].islower() or allow_names) and len(between.split()) <= 12:
        return comma + 1
    return pos


@dataclass
class Salience:
    """People and organisations in the order they were last subjects or speakers."""

    people: Sequence[PagePerson] = ()
    roles: dict[str, set[str]] = field(default_factory=dict)  # person name -> role nouns on the page
    # the same, with the looser appositive forms too ("Kim, manager of the plant,")
    appositive_roles: dict[str, set[str]] = field(default_factory=dict)
    genders: dict[str, str] = field(default_factory=dict)  # person name -> "m" / "f" when the page shows it
    entries: list[tuple[int, str, str, int, bool]] = field(
        default_factory=list
    )  # pos, name, kind, para, spoke
    orgs: list[tuple[int, str]] = field(default_factory=list)  # every organisation named so far
    para_starts: list[int] = field(default_factory=list)  # body offsets where paragraphs start
    quote_led: set[int] = field(default_factory=set)  # paragraphs that open with a quote mark
    org_actors: list[tuple[int, str]] = field(default_factory=list)  # organisations as subjects or speakers
    # every organisation the body names, wherever: "the coastguard said" in a summary before the text
    # names "the Northern Coastguard" can mean only the one body whose name holds the noun
    page_orgs: list[str] = field(default_factory=list)
    # positions of entries that are subjects of another speaker's reported clause ("Lee said Kim would
    # stay"): a pronoun that speaks next continues the sentence's main subject, not these
    embedded: set[int] = field(default_factory=set)
    # people named as the possessor opening a sentence ("Kim Lee's son spent a week in hospital"): on
    # stage for a later epithet ("the mother of two said"), but no antecedent for a pronoun
    possessors: list[tuple[int, str, int]] = field(default_factory=list)  # pos, name, para

    def add(self, pos: int, name: str, kind: str, para: int, spoke: bool = False) -> None:
        self.entries.append((pos, name, kind, para, spoke))

    def last(self, kind: str, before: int, min_para: int = -1, speaker_only: bool = False) -> str | None:
        for pos, name, k, para, spoke in reversed(self.entries):
            if pos >= before:
                continue
            if para < min_para:
                return None
            if k == kind and (spoke or not speaker_only):
                return name
        return None

    def last_any(self, before: int) -> tuple[str, str] | None:
        for pos, name, k, _para, _spoke in reversed(self.entries):
            if pos < before:
                return name, k
        return None

    def resolve(self, ref: Ref, at: int, *, speaking: bool = False) -> Resolved | None:
        """Name the speaker a reference stands for, as of text position ``at``; ``speaking`` when the
        reference is the speaker of a reporting cue."""
        if ref.kind == "name" and ref.name:
            return Resolved(ref.name, "person", "explicit")
        if ref.kind == "new_name":
            # The people extractor is the judge of who is a person, and only its people get a
            # person_id: a capitalised name it did not accept is, for the tables, a named
            # organisation (most are: "Harbour Ferries said"), never a person without an id.
            return Resolved(ref.surface, "organization", "explicit")
        if ref.kind == "org" and ref.name:
            return Resolved(ref.name, "organization", "organization")
        if ref.kind == "pronoun":
            if ref.noun in PERSON_PRONOUNS:
                # the last person the pronoun can stand for: one of the other gender is skipped
                other = "f" if ref.noun == "he" else "m"
                unknown: tuple[str, int] | None = None
                here = bisect_right(self.para_starts, at) - 1
                for pos, name, k, para, spoke in reversed(self.entries):
                    if pos >= at or k != "person" or self.genders.get(name) == other:
                        continue
                    if speaking and pos in self.embedded:
                        continue
                    if (
                        unknown is None
                        and self.genders.get(name) is None
                        and (para == here or (spoke and para == here - 1 and here in self.quote_led))
                    ):
                        # the person this paragraph is about, or (in a paragraph that opens with a
                        # quote) who spoke just before it, is who "he"/"she" continues, not someone
                        # of known gender further back
                        return Resolved(name, "person", "pronoun")
                    if self.genders.get(name) is not None:
                        # one the page shows to take this pronoun beats a nearer person of unknown
                        # gender met in passing, unless that one is paragraphs away
                        if unknown is None or para >= unknown[1] - PRONOUN_REACH_PARAGRAPHS:
                            return Resolved(name, "person", "pronoun")
                        break
                    if unknown is None:
                        unknown = (name, para)
                return Resolved(unknown[0], "person", "pronoun") if unknown else None
            last = self.last_any(at)
            # "they" and "it" stand for an organisation only when one was the last actor
            if last and last[1] == "organization":
                return Resolved(last[0], "organization", "pronoun")
            return None
        if ref.kind == "epithet":
            return self._resolve_epithet(ref, at)
        if ref.kind == "document":
            # whoever last spoke, in this paragraph or the one before, issued the document
            for _pos, name, k, _para, spoke in reversed(self.entries):
                if _pos < at and spoke:
                    here = max((e[3] for e in self.entries if e[0] < at), default=_para)
                    return Resolved(name, k, "document") if _para >= here - 1 else None
            return None
        if ref.kind == "org_epithet" and ref.name:
            return Resolved(ref.name, "organization", "organization")
        if ref.kind == "org_epithet":
            # "the union" refers back to the last organisation whose name holds that noun
            for pos, name in reversed(self.orgs):
                if pos < at and ref.noun and ref.noun in name.lower():
                    return Resolved(name, "organization", "epithet")
            ahead = {n for n in self.page_orgs if ref.noun and ref.noun in n.lower().split()}
            if len(ahead) == 1 and ref.noun not in GENERIC_ORG_EPITHETS:
                return Resolved(ahead.pop(), "organization", "epithet")
            if ref.noun in REGULATOR_EPITHETS:
                # "the watchdog" is the last body named whose head makes it a regulator ("Authority")
                for pos, name in reversed(self.orgs):
                    if pos < at and org_head(name) in REGULATOR_HEADS:
                        return Resolved(name, "organization", "epithet")
                return None
            if ref.noun in GENERIC_ORG_EPITHETS:
                # "the company" is the last business named, whatever its name ("Harbour Water");
                # a trust, council, court or ministry named since is not one, wherever its head
                # stands ("the Ministry of Energy" is headed by "Ministry", not "Energy")
                for pos, name in reversed(self.org_actors):
                    if pos < at and org_head(name) not in NON_BUSINESS_HEADS:
                        return Resolved(name, "organization", "epithet")
            return None
        return None

    def _resolve_epithet(self, ref: Ref, at: int) -> Resolved | None:
        """A role epithet names the person the page gave that role; failing that, the last speaker
        (then the last subject) whom the page does not describe by some other role."""
        noun = ref.noun or ""
        kin_gender = KIN_EPITHET_HEADS.get(noun)
        holders = [name for name, nouns in self.roles.items() if noun in nouns]
        if holders:
            for _pos, name, k, _para, _spoke in reversed(self.entries):
                if k == "person" and name in holders and _pos < at:
                    return Resolved(name, "person", "epithet")
            if len(holders) == 1:
                return Resolved(holders[0], "person", "epithet")
        if noun in MOUTHPIECE_NOUNS:
            # "A spokeswoman for X said …. "…," the spokeswoman added": an unnamed mouthpiece that
            # spoke last is the organisation's, and so is the epithet that refers back to it
            last = next(
                ((n, k) for pos, n, k, _p, spoke in reversed(self.entries) if pos < at and spoke), None
            )
            if last is not None and last[1] == "organization":
                return Resolved(last[0], "organization", "epithet")
        fits = []
        staged = self.entries + [(pos, name, "person", para, False) for pos, name, para in self.possessors]
        for pos, name, k, para, spoke in sorted(staged, key=lambda e: e[0], reverse=True):
            if pos >= at or k != "person":
                continue
            if kin_gender is not None:
                if self.genders.get(name, kin_gender) != kin_gender:
                    continue  # "the mum-of-two" is not the man just quoted
            elif noun != "year-old" and _role_conflict(noun, self.roles.get(name, set())):
                continue  # the page calls this person something else
            elif noun in OFFICE_TITLES and _role_conflict(noun, self.appositive_roles.get(name, set())):
                # an office ("the minister") is held only by whom the page gives it, so a role given
                # in any form rules a candidate out; a descriptive epithet ("the retired teacher")
                # often adds a fact about the last speaker, so only the page's plain titles do
                continue
            fits.append((name, para, spoke))
        if not fits:
            return None
        speaker = next((f for f in fits if f[2]), None)
        # the last speaker, unless someone has been put on stage in a later paragraph since: a new
        # paragraph about a new person ("Kim Lee's son spent a week in hospital.") hands the next
        # epithet ("the mother of two said") to that person
        if speaker is None or fits[0][1] > speaker[1]:
            return Resolved(fits[0][0], "person", "epithet")
        return Resolved(speaker[0], "person", "epithet")


_WHO_CLAUSE_BEFORE = re.compile(r",[ \t]*who[ \t][^;!?\n]*?,[\"”’']?[ \t]*$")
_RELATIVE = re.compile(r",\s*(?:which|who)\s*$")
# "a Harbour Trust spokesman" / "an Acme lawyer": an article, a capitalised name, a mouthpiece noun; the
# name may hold the lower-case connectors of an organisation's name ("a Department for Roads spokesman").
_MOUTHPIECE_OWNER = (
    r"(?<![\w'’])(?:[Aa]n?|[Tt]he)[ \t]+([A-Z][\w'’&-]*"
    r"(?:[ \t]+(?:(?:&|of|for|and|the)[ \t]+){0,2}[A-Z][\w'’&-]*){0,4})"
)
_NAMED_MOUTHPIECE = re.compile(_MOUTHPIECE_OWNER + r"[ \t]+([a-z]+)[ \t]*$")
NAMED_MOUTHPIECE_AHEAD = re.compile(r"[ \t]*" + _MOUTHPIECE_OWNER + r"[ \t]+([a-z]+)\b")
# A capitalised place name closing the text before a comma ("… from Lower Ashby"), after of/from/at.
_PLACE_AFTER_NAME = re.compile(
    r"[ \t](?:of|from|at)[ \t]+(?:the[ \t]+)?([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)*)$"
)
_MOUTHPIECE_OF = re.compile(r"(s?)(?:['’]s|['’])\s+(?:own\s+|official\s+|latest\s+)?([a-z]+(?: office)?)\s*$")


_NAMED = ("name", "org", "new_name")


def _head_of_appositives(index: SpeakerIndex, pos: int, sent_start: int) -> Ref | None:
    """Walk left over a chain of appositives before a verb ("Priya Lee, 44, boss of Acme, said",
    "The operator, Acme Coaches, says") and return the leftmost reference: the head of the chain."""
    body = index.body
    found: Ref | None = None
    for _ in range(4):
        p = pos
        while p > sent_start and body[p - 1] in " \t":
            p -= 1
        name_end = p - 1 if p > sent_start and body[p - 1] == "," else p
        ref = index.ref_ending_at(name_end, sent_start)
        usable = (
            ref is not None and not index.is_possessive(ref) and not index.after_preposition(ref, sent_start)
        )
        place = _PLACE_AFTER_NAME.search(body, sent_start, name_end) if ref is None else None
        if (ref is not None and not usable) or place is not None:
            # "Kim Lee of the Harbour Trust said", "Kim Lee from Lower Ashby said": the person before
            # the of-phrase speaks, not the body or the place (which the index may not even list)
            of_end = ref.start if ref is not None else place.start(1)
            of = re.search(r"(\S)[ \t]+(?:of|from|at)[ \t]+(?:the[ \t]+)?$", body[sent_start:of_end])
            owner = index.ref_ending_at(sent_start + of.end(1), sent_start) if of else None
            if (
                owner is not None
                and owner.kind in ("name", "new_name", "epithet")
                and not index.is_possessive(owner)
                and not index.after_preposition(owner, sent_start)
            ):
                ref, usable = owner, True
        # a name anywhere in the chain beats a role ("the union's organiser, Kim Lee, said")
        if usable and (found is None or ref.kind in _NAMED or found.kind not in _NAMED):
            found = ref
        nxt = skip_appositive_backward(body, pos, sent_start, allow_names=True)
        if nxt == pos:
            break
        pos = nxt
    return found


def speaker_before_verb(index: SpeakerIndex, verb_start: int, sent_start: int) -> tuple[Ref | None, str]:
    """Who a reporting verb belongs to, looking left: a reference right before it ("Lee, 46, has
    also said"), the antecedent of "which"/"who", an organisation's mouthpiece ("X's statement said",
    "a spokesman for X said"), or, for a participle or coordinated verb, the clause's subject.
    Returns (reference, "explicit") or (None, "subject") or (None, "none")."""
    body = index.body
    pos = skip_fillers_backward(body, verb_start, sent_start)
    rel = _RELATIVE.search(body, sent_start, pos)
    if rel:  # "the case was brought by the Authority, which said": the antecedent speaks
        ref = index.ref_ending_at(rel.start(), sent_start)
        if ref is not None and rel.group(0).rstrip().endswith("who") and ref.kind in ("org", "new_name"):
            # "Kim Lee of Acme Labs, who said": "who" is the person the of-phrase describes
            of = list(re.finditer(r"[ \t]+(?:of|from|at)[ \t]+(?:the[ \t]+)?", body[sent_start : ref.end]))
            owner = index.ref_ending_at(sent_start + of[0].start(), sent_start) if of else None
            if owner is not None and owner.kind == "name":
                ref = owner
        if ref is not None and not index.is_possessive(ref):
            return ref, "explicit"
        pos = rel.start() + 1
    # "Kim Lee, who called the plan "overdue surgery," said …": a relative clause, quotes and all, between
    # the subject and its verb
    who = _WHO_CLAUSE_BEFORE.search(body, sent_start, pos)
    if who:
        ref = index.ref_ending_at(who.start(), sent_start)
        if ref is not None and ref.kind in ("name", "new_name", "epithet") and not index.is_possessive(ref):
            return ref, "explicit"
    ref = _head_of_appositives(index, pos, sent_start)
    if ref is not None:
        return ref, "explicit"
    mouth = _MOUTHPIECE_OF.search(body, sent_start, pos)
    if mouth and mouth.group(2) in MOUTHPIECE_NOUNS:
        owner = index.ref_ending_at(mouth.start() + len(mouth.group(1)), sent_start)
        if owner is not None:
            return owner, "explicit"
    # "a spokesman for X said": the noun phrase after "for" names the speaker
    lo = max(sent_start, pos - 90)
    named = _NAMED_MOUTHPIECE.search(body, lo, pos)
    if named and named.group(2) in MOUTHPIECE_NOUNS:
        # "an Acme Foods spokesperson said": the capitalised words before the mouthpiece name its owner
        ref = index.ref_starting_at(named.start(1))
        if ref is None or ref.end != named.end(1) or ref.kind not in ("name", "org") or index.heads_org(ref):
            ref = Ref(named.start(1), named.end(1), "org", named.group(1), named.group(1))
        return ref, "explicit"
    m = re.search(r"\b(?:[Aa]n?|[Tt]he)\s+([a-z]+)\s+(?:for|from|of|at)\s+", body[lo:pos])
    if m and m.group(1) in MOUTHPIECE_NOUNS:
        owner = index.ref_in_phrase(lo + m.end(), pos)
        if owner is not None and owner.end <= pos:
            return owner, "explicit"
    before = body[sent_start:pos].rstrip()
    # a participle or coordinated verb shares the clause's subject ("Lee took aim, writing that")
    word = body[verb_start:].split(None, 1)[0] if body[verb_start:].strip() else ""
    # ("… described the plan as "bold" but warned that …": "but" coordinates verbs of one subject too)
    if before.endswith((",", " and", " but", "\u2014")) or word.endswith("ing"):
        return None, "subject"
    return None, "none"


def _role_conflict(noun: str, roles: set[str]) -> bool:
    """The page gives this person only roles of another kind than the epithet's noun."""
    roles = roles & EPITHET_NOUNS  # kin words ("mother") say nothing about a job
    if not roles or noun in roles:
        return False
    groups = [g for g in EPITHET_GROUPS if noun in g]
    return not any(r in g for g in groups for r in roles)


# Weight of a pronoun in the named person's own sentence, against 1 for the next sentence's.
SAME_SENTENCE_VOTE = 0.5
# Subject and reflexive pronouns only: "his colleague Ana" or "told her" point at someone else as
# often as at the person named in the sentence.
_MALE = re.compile(r"\b(?:he|himself)\b", re.I)
_FEMALE = re.compile(r"\b(?:she|herself)\b", re.I)


def infer_genders(index: SpeakerIndex, sentences: Sequence[tuple[int, int]]) -> dict[str, str]:
    """Which pronoun each person takes, from the page itself: honorifics and gendered role nouns
    next to a name, and the pronouns of sentences (and the sentence after) where that person is the
    only one named. Used only to keep "she" from resolving to a man and "he" to a woman."""
    body = index.body
    votes: dict[str, list[float]] = {}

    def vote(name: str, m: float, f: float) -> None:
        v = votes.setdefault(name, [0, 0])
        v[0] += m
        v[1] += f

    for ref in index.refs:
        if ref.kind != "name" or not ref.name:
            continue
        before = body[max(0, ref.start - 12) : ref.start]
        hon = re.search(r"\b(Mr|Sir|Lord|Mrs|Ms|Miss|Dame|Lady)\.?\s+$", before)
        if hon:
            vote(
                ref.name,
                3 * (hon.group(1) in ("Mr", "Sir", "Lord")),
                3 * (hon.group(1) not in ("Mr", "Sir", "Lord")),
            )
    for name, nouns in index.roles.items():
        vote(name, 3 * len(nouns & MALE_NOUNS), 3 * len(nouns & FEMALE_NOUNS))

    def outside(a: int, b: int) -> str:
        return "".join(" " if index.inside_quote(i) else body[i] for i in range(a, b))

    counts: dict[str, int] = {}
    for ref in index.refs:
        if ref.kind == "name" and ref.name:
            counts[ref.name] = counts.get(ref.name, 0) + 1
    # the page's main subject: named most often, the first named among equals (the lede's person);
    # dicts keep first-seen order, and max() keeps the first of equal counts
    main = max(counts, key=lambda n: counts[n]) if counts else None
    for i, (s0, s1) in enumerate(sentences):
        named = [r for r in index.refs_between(s0, s1) if r.kind == "name" and r.name]
        names = {r.name for r in named}
        if len(names) != 1 or all(index.is_possessive(r) for r in named):
            # a possessor only ("Asked about Lee's complaint, the captain smiled. … he said") is not who
            # the sentence, or the next one, is about
            continue
        (name,) = names
        first = min(r.end for r in named)
        # pronouns before the name refer back to someone else; those after it in its own sentence
        # count half ("Lee's lawyer, Kim Ode, said he would appeal" is about the client as often as not)
        text = outside(first, s1)
        half = SAME_SENTENCE_VOTE
        vote(name, half * len(_MALE.findall(text)), half * len(_FEMALE.findall(text)))
        if i + 1 < len(sentences):
            n0, n1 = sentences[i + 1]
            # a new paragraph often turns back to the article's main subject: its pronoun is no vote
            # for anyone else
            follows = "\n\n" not in body[s1:n0] or name == main
            if follows and not any(r.kind == "name" for r in index.refs_between(n0, n1)):
                text = outside(n0, n1)
                vote(name, len(_MALE.findall(text)), len(_FEMALE.findall(text)))
    genders = {}
    for name, (m, f) in votes.items():
        if m >= 2 * f + 1:
            genders[name] = "m"
        elif f >= 2 * m + 1:
            genders[name] = "f"
    return genders
