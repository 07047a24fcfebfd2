"""Claims of the article body: direct quotes and reported speech, each with its speaker.

One pass over the body's sentences, in order. For each quote the attribution is tried from the most
to the least explicit: a cue right after the closing mark (`"…," Lee said` / `said Lee` / `— Lee`),
a cue right before the opening mark (`Lee said: "…"` / `She continued, "…"` / `Lee: "…"`), the
subject of the sentence the quote sits in (`Lee thinks people "…"`), and last, for a quote that is
(nearly) its whole sentence, the speaker still talking (the paragraph or the one before). Pronouns,
role epithets and organisation epithets resolve through ``Salience``, updated as the pass moves on.
Quotes that end up with no speaker are kept with ``speaker_name=None`` unless they look like scare
quotes or titles, which are not claims at all.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from aidebate_etl.extract.lexicon_speech import (
    ALL_QUOTE_CHARS,
    EPITHET_NOUNS,
    MOUTHPIECE_NOUNS,
    NAMING_VERB_FORMS,
    PREPOSITIONS,
    QUOTE_INSERTS,
    THING_PRONOUNS,
    TITLE_SMALL_WORDS,
)
from aidebate_etl.extract.person_cues import ORG_SUFFIXES, ROLE_NOUNS
from aidebate_etl.extract.quotes import QuoteSpan, find_quotes, paragraph_spans, split_sentences
from aidebate_etl.extract.reported import ReportedCue, find_reported
from aidebate_etl.extract.speakers import (
    NAMED_MOUTHPIECE_AHEAD,
    Ref,
    Resolved,
    Salience,
    SpeakerIndex,
    infer_genders,
    skip_fillers_forward,
    speaker_before_verb,
    verb_at,
)
from aidebate_etl.records import Claim, Mention, PagePerson, PageStructure

__all__ = ["extract_claims"]

# A quote filling at least this share of its sentence is a standalone statement that continues the
# current speaker; below it, an unattributed quote is a phrase inside the writer's own sentence.
STANDALONE_SHARE = 0.6
# The most characters allowed between a reporting verb and the opening mark ("said in a statement: ").
MAX_CUE_GAP = 45
# A quote of this many words or fewer with no speaker is a scare quote or a term, not a claim.
MAX_SCARE_WORDS = 3
# Longest text a quoted title can have (titles are short; longer capitalised quotes are statements).
MAX_TITLE_WORDS = 8

_WORD = re.compile(r"[\w'’-]+")
_APPOSITIVE = re.compile(r",\s*[^,;:!?\"“”‘’]{1,80},\s*")
# A naming verb, its object (one to six words) and an optional "as", right before the opening mark.
_NAMING_CUE = re.compile(r"(?P<verb>[a-z]+)\s+(?:[^\s,.;:!?\"“”‘’()]+\s+){1,6}?(?:as\s+)?$")
# A role phrase in lower case before a name ("chief executive", "its chief executive,", "the firm's
# managing director,"): a possessive or article, at most four lower-case words, an optional comma; the
# employer's name may qualify the role ("Acme chief executive Kim Lee", "Acme Capital analyst Kim Lee").
_ROLE_LEAD = re.compile(
    r"[ \t]*(?P<words>(?:(?:its|his|her|their|the)[ \t]+)?(?:[A-Z][\w'’&-]*[ \t]+){0,3}"
    r"(?:[a-z][\w'’-]*[ \t]+){0,3}[a-z][\w'’-]*),?[ \t]+(?=[A-Z])"
)
# An indefinite noun phrase in lower case ("a police spokesperson", "one resident"): a speaker the text
# does not name.
_UNNAMED_SPEAKER = re.compile(r"[ \t]*(?:an?|one|another)(?:[ \t]+[a-z][\w'’-]*){1,4}")
# Two or more capitalised words in a row (an "&" may join them): the shape of an organisation's name.
_CAP_RUN = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*(?:[ \t]+(?:&[ \t]+)?[A-Z][\w'’-]*)+")
# A sentence opening on a participle clause up to its comma ("Asked on Tuesday whether …, he said").
_FRONTED_PARTICIPLE = re.compile(r"[\"“‘']?[A-Z][a-z]+(?:ed|ing)\b[^,;:.!?\"“”]{0,160},")
# "It says, and I quote, "…"" / "he said – in effect – "…"": an insert between the verb and the quote
_QUOTE_INSERT_END = re.compile(
    r"[\s,\u2013\u2014(-]+(?:" + "|".join(QUOTE_INSERTS) + r")[\s,\u2013\u2014):-]*$", re.IGNORECASE
)


def verb_at_any(body: str, start: int, end: int) -> bool:
    """Does a reporting verb occur in body[start:end]? (then the verb cue, not the colon, decides)"""
    return any(verb_at(body, start + m.start()) for m in re.finditer(r"[a-z]+", body[start:end]))


def _one_per_span(claims: Sequence[Claim]) -> list[Claim]:
    """One claim per (kind, span): a clause two cues both report ('told X …, adding that …' reaching
    the same that-clause) is one statement, and its id is made from the span, so a second copy would
    collide and be rejected. The copy whose speaker is named at the cue wins over one that inherited
    the clause's subject; otherwise the first found."""
    kept: dict[tuple[str, int, int], Claim] = {}
    for claim in claims:
        key = (claim.kind, claim.start_char, claim.end_char)
        held = kept.get(key)
        if held is None or (claim.attribution == "explicit" and held.attribution != "explicit"):
            kept[key] = claim
    return list(kept.values())


def extract_claims(
    structure: PageStructure, people: Sequence[PagePerson], mentions: Sequence[Mention]
) -> tuple[Claim, ...]:
    """Direct and reported claims of the article body, with offsets into ``structure.body``."""
    return _ClaimFinder(structure.body, people, mentions).run()


class _ClaimFinder:
    def __init__(self, body: str, people: Sequence[PagePerson], mentions: Sequence[Mention]) -> None:
        self.body = body
        self.quotes = find_quotes(body)
        self.sentences = split_sentences(body, self.quotes)
        self._sentence_starts = [a for a, _ in self.sentences]
        self.index = SpeakerIndex(body, people, mentions, self.quotes)
        self.salience = Salience(
            people=people,
            roles=self.index.roles,
            appositive_roles=self.index.appositive_roles,
            genders=infer_genders(self.index, self.sentences),
        )
        self._para_starts = [s for s, _ in paragraph_spans(body)]
        self.salience.para_starts = self._para_starts
        self.salience.page_orgs = [r.name for r in self.index.refs if r.kind == "org" and r.name]
        self.salience.quote_led = {
            i for i, a in enumerate(self._para_starts) if body[a : a + 1] in ALL_QUOTE_CHARS
        }
        self.claims: list[Claim] = []
        self._cue_speakers: list[tuple[ReportedCue, Resolved | None, str | None]] = []
        # where a quote was given to a speaker nobody names ('"…," a spokesman said'): that speaker holds
        # the floor after it, so a following quote does not go back to an earlier named speaker
        self._unnamed_turns: list[int] = []

    def para(self, pos: int) -> int:
        return bisect_right(self._para_starts, pos) - 1

    # ------------------------------------------------------------ the pass
    def run(self) -> tuple[Claim, ...]:
        quotes_by_sentence: dict[int, list[QuoteSpan]] = {}
        starts = [s for s, _ in self.sentences]
        for q in self.quotes:
            quotes_by_sentence.setdefault(max(0, bisect_right(starts, q.open_pos) - 1), []).append(q)
        for si, (s0, s1) in enumerate(self.sentences):
            self._sentence(s0, s1, quotes_by_sentence.get(si, []))
        self._lengthen_org_names()
        return tuple(sorted(_one_per_span(self.claims), key=lambda c: (c.start_char, c.kind)))

    def _lengthen_org_names(self) -> None:
        """An organisation speaking under a short form of a name the page also gives in full
        ("Exampleton said" beside "Exampleton Rovers said") is named in full, when only one longer
        name on the page starts with the short one."""
        full = {name for _pos, name in self.index.org_mentions}
        # and every capitalised run ending on an organisation word ("sold it to Ashgrove Foods in 2021")
        full |= {
            " ".join(m.group(0).split())
            for m in _CAP_RUN.finditer(self.body)
            if m.group(0).split()[-1].lower() in ORG_SUFFIXES and not self.index.inside_quote(m.start())
        }
        full |= {r.name for r in self.index.refs if r.kind == "org" and r.name}
        full |= {c.speaker_name for c in self.claims if c.speaker_kind == "organization" and c.speaker_name}
        people_words = {w for p in self.index.people for w in p.name.split()}
        for i, c in enumerate(self.claims):
            if c.speaker_kind != "organization" or not c.speaker_name:
                continue
            longer = {n for n in full if n.startswith(c.speaker_name + " ")}
            if not longer and " " not in c.speaker_name:
                # a one-word organisation ("Acme said") the page also writes with more capitalised
                # words after it ("Acme Minerals' mine", "allowed Acme Minerals to dig"): its full
                # name, when no person's name or role noun is in those words
                longer = {
                    n
                    for n in self._runs_from(c.speaker_name)
                    if not any(w in people_words or w.lower() in ROLE_NOUNS for w in n.split()[1:])
                }
                # nested forms ("Acme Minerals", "Acme Minerals Plc") are one name: the longest
                if longer and all(max(longer, key=len).startswith(n) for n in longer):
                    longer = {max(longer, key=len)}
            if len(longer) == 1:
                self.claims[i] = replace(c, speaker_name=longer.pop())

    def _runs_from(self, word: str) -> set[str]:
        """Capitalised runs of two to four words outside quotes that open with ``word``."""
        out = set()
        for m in re.finditer(r"(?<![\w'’-])" + re.escape(word) + r"((?:[ \t]+[A-Z][\w-]*){1,3})", self.body):
            if self.index.inside_quote(m.start()):
                continue
            out.add(" ".join((word + m.group(1)).split()))
        return out

    def _sentence(self, s0: int, s1: int, quotes: list[QuoteSpan]) -> None:
        refs = [r for r in self.index.refs_between(s0, s1)]
        subjects = self._subjects(s0, s1)
        reported = find_reported(self.body, self.index, s0, s1)
        events: list[tuple[int, int, object]] = [(r.start, 0, r) for r in subjects]
        # "Kim Lee's son spent three nights in hospital": a named possessor opening the sentence is who
        # it is about, so a later epithet ("the mother of two said") can mean her; she is on stage, but
        # not the subject a quote in this sentence falls back on
        opening = re.match(r"[\s\"“‘'(]*", self.body[s0:s1])
        lead = s0 + (opening.end() if opening else 0)
        for r in refs:
            if r.start == lead and r.kind == "name" and r.name and self.index.is_possessive(r):
                self.salience.possessors.append((r.start, r.name, self.para(r.start)))
        events += [(q.open_pos, 1, q) for q in quotes]
        events += [(c.cue_start, 1, c) for c in reported]
        for r in refs:
            if r.kind == "org" and r.name:
                self.salience.orgs.append((r.start, r.name))
        # organisations acting in the sentence, which a later generic "the company" can mean
        actors = [(r.start, r.name) for r in subjects if r.kind == "org" and r.name]
        actors += [(pos, name) for pos, name in self.index.org_mentions if s0 <= pos < s1]
        self.salience.org_actors.extend(sorted(actors))
        for _pos, _order, item in sorted(events, key=lambda e: (e[0], e[1])):
            if isinstance(item, Ref):
                resolved = self.salience.resolve(item, self._pronoun_at(item, item.start))
                if resolved is not None:
                    self.salience.add(item.start, resolved.name, resolved.speaker_kind, self.para(item.start))
                    if any(
                        c.content_start <= item.start < c.content_end and c.mode != "none" for c in reported
                    ):
                        self.salience.embedded.add(item.start)
            elif isinstance(item, QuoteSpan):
                self._direct(item, s0, s1, subjects)
            else:
                assert isinstance(item, ReportedCue)
                self._reported(item, s0, subjects)

    def _subjects(self, s0: int, s1: int) -> list[Ref]:
        """The subject-like references of a sentence."""
        refs = self.index.refs_between(s0, s1)
        # "it" speaks only next to a cue: as the subject a quote falls back on it is nearly always a thing
        return [r for r in refs if r.noun not in THING_PRONOUNS and self.index.is_subject_like(r, s0)]

    def _pronoun_at(self, ref: Ref, at: int) -> int:
        """Where a pronoun resolves from: after a participle clause opening its sentence ("Asked whether
        Kim would stay, he said"), from the sentence start, since the clause's implied subject is the
        pronoun itself and the people named inside it are someone else."""
        if ref.kind != "pronoun":
            return at
        si = bisect_right(self._sentence_starts, ref.start) - 1
        if si < 0:
            return at
        s0, s1 = self.sentences[si]
        m = _FRONTED_PARTICIPLE.match(self.body, s0, s1)
        if m is None or self.index.inside_quote(m.end() - 1) or ref.start < m.end():
            return at
        return min(at, s0)

    # ------------------------------------------------------------ direct quotes
    def _direct(self, q: QuoteSpan, s0: int, s1: int, subjects: list[Ref]) -> None:
        close_s1 = s1
        if q.last_paragraph != q.paragraph:
            # a quote over several paragraphs: its after-cue follows the final closing mark
            close_s1 = next((b for a, b in self.sentences if a <= q.end < b), s1)
        found = self._cue_after(q, close_s1)
        if found is None or found[0] is None:
            # `X, who called it "…," said …`: a verb after the quote with nobody after it is the main
            # clause's; the naming cue before the quote names its speaker
            before = self._cue_before(q, s0, subjects)
            if before is None:
                before = self._lead_in(q, s0)
            if found is None or (before is not None and before[0] is not None):
                found = before
        has_cue = found is not None
        if found is None:
            found = self._reporting_clause(q)
        if found is None:
            found = self._subject_of(q.open_pos, s0, subjects)
        if found is None and self._standalone(q, s0, s1):
            name = self._continuing(q.open_pos)
            if name is not None:
                found = (Resolved(name[0], name[1], "continuation"), None, None)
        if not q.text.strip():
            return
        if found is None or found[0] is None:
            if found is not None and found[1] in NAMING_VERB_FORMS:
                return  # "fans call it "the Cauldron"": a label with nobody named giving it
            if not has_cue and (self._is_title(q.text) or len(_WORD.findall(q.text)) <= MAX_SCARE_WORDS):
                return  # a scare quote or title with nobody saying it
            if has_cue:
                self._unnamed_turns.append(q.open_pos)
            for a, b in q.segments:
                self._emit("direct", a, b, self.body[a:b], None, found[1] if found else None, None, None)
            return
        resolved, cue, surface = found
        if (not has_cue or cue in NAMING_VERB_FORMS) and self._is_title(q.text):
            return  # a title, or a nickname given by a naming verb ("dubbed it "The Beast"")
        # a quote running over paragraphs is one claim per paragraph, all by the same speaker
        for a, b in q.segments:
            self._emit("direct", a, b, self.body[a:b], resolved, cue, resolved.how, surface)

    def _reporting_clause(self, q: QuoteSpan) -> tuple[Resolved | None, str, str | None] | None:
        """A quote inside a reported clause (`Lee said the vote was "a betrayal"`) is the reporter's."""
        for cue, resolved, surface in reversed(self._cue_speakers):
            if cue.cue_start < q.open_pos and cue.content_start <= q.open_pos < cue.content_end:
                return (resolved, cue.cue, surface)
        return None

    def _cue_after(self, q: QuoteSpan, s1: int) -> tuple[Resolved | None, str, str | None] | None:
        """`"…," Lee said` / `"…," said Lee` / `"…" — Lee` / `"…," according to Lee`."""
        body = self.body
        pos = q.outer_end
        limit = min(len(body), max(s1, pos) + 1)
        tail = body[pos:limit]
        if pos >= s1 or not tail or "\n" in tail[:2]:
            # the quote ended its sentence: what follows is a new statement, unless it is only an
            # attribution ('"We are done here." Lee said.')
            return self._attribution_sentence(q, pos)
        m = re.match(r"[ \t]*[,]?[ \t]*", tail)
        at = pos + (m.end() if m else 0)
        dash = re.match(r"[ \t]*[\u2014\u2013-]{1,2}[ \t]*", tail)
        if dash:
            ref = self.index.ref_starting_at(pos + dash.end())
            if ref is not None and self._ends_clause(ref.end):
                return self._resolved(ref, q.open_pos, "dash", "dash")
            return None
        acc = re.match(r"[ \t]*,?[ \t]*according to\s+", tail)
        if acc:
            # (the phrase may name its source through a mouthpiece: "according to a statement from X")
            ref = self.index.ref_in_phrase(pos + acc.end(), limit)
            return self._resolved(ref, q.open_pos, "according to", "according_to") if ref else None
        ref = self.index.ref_starting_at(at)
        the = re.match(r"[ \t]*[Tt]he[ \t]+", body[at : at + 8]) if ref is None else None
        if the is not None:
            # "…," the White House said: the organisation's name starts after its article
            named_org = self.index.ref_starting_at(at + the.end(), allow_new=False)
            speaks = named_org is not None and verb_at(body, skip_fillers_forward(body, named_org.end))
            # (of two words or more: "the Swede said" is a nationality standing for a person)
            ref = named_org if speaks and named_org.kind == "org" and " " in named_org.surface else None
        owner = self.index.mouthpiece_owner(at) if ref is None else None
        named = NAMED_MOUTHPIECE_AHEAD.match(body, at) if ref is None and owner is None else None
        if named and named.group(2) in MOUTHPIECE_NOUNS:
            # "…," a Harbour Trust spokeswoman said: the name before the mouthpiece is its owner
            owner = Ref(named.start(1), named.end(1), "org", named.group(1), named.group(1))
            known = self.index.ref_starting_at(named.start(1), allow_new=False)
            if known is not None and known.end == named.end(1) and known.kind in ("name", "org"):
                owner = known
            verb = verb_at(body, skip_fillers_forward(body, named.end()))
            if verb is not None:
                return self._resolved(owner, q.open_pos, body[verb[1] : verb[2]], None)
            owner = None
        if owner is not None:
            # "…," a spokesman for the Harbour Trust said: the owner speaks through its mouthpiece
            verb = verb_at(body, skip_fillers_forward(body, owner.end))
            if verb is not None:
                return self._resolved(owner, q.open_pos, body[verb[1] : verb[2]], None)
        if ref is None or ref.kind in ("org", "new_name", "epithet", "org_epithet"):
            # "…," chief executive Kim Lee told the audience: a lower-case role phrase before the name
            # (and "…," Acme Capital analyst Kim Lee said: the employer qualifies the role, the person
            # speaks; "…," the club's chairman, Kim Lee, said: the name says who the role is)
            ref = self._named_after_role(at) or ref
        if ref is not None:
            verb = verb_at(body, skip_fillers_forward(body, ref.end))
            # an appositive between name and verb: "Lee, 46, said" / "Lee, the mayor of X, said"
            app = _APPOSITIVE.match(body, ref.end, min(len(body), ref.end + 90))
            # (a chain of them: "Lee, 45, from Leeds, said")
            while verb is None and app:
                verb = verb_at(body, skip_fillers_forward(body, app.end()))
                comma = body.rfind(",", app.start() + 1, app.end())  # the one closing this appositive
                app = _APPOSITIVE.match(body, comma, min(len(body), comma + 90))
            if (
                verb is None
                and body[ref.end : ref.end + 1] == ","
                and body[ref.start - 2 : ref.start] == ", "
            ):
                # "…," his mother, Jane Roe, said: a name in apposition to a role is closed by a comma
                verb = verb_at(body, skip_fillers_forward(body, ref.end + 1))
            if verb is not None:
                return self._resolved(ref, q.open_pos, body[verb[1] : verb[2]], None)
            return None
        verb = verb_at(body, at)
        if verb is not None:
            ref = self.index.mouthpiece_owner(verb[2]) or self.index.ref_starting_at(verb[2])
            if ref is None or ref.kind in ("org", "new_name"):
                # "…," said its chief executive, Dr Kim Lee: the role phrase, then the person it names
                named = self._named_after_role(verb[2])
                if named is not None and self._ends_clause(named.end):
                    ref = named
            if ref is not None:
                return self._resolved(ref, q.open_pos, body[verb[1] : verb[2]], None)
            if body[verb[1] : verb[2]].endswith("ing"):
                return None  # `"…," adding that…`: a participle shares the sentence's subject
            # "…," said a spokesperson: a cue with an unnamed speaker is still a claim
            return (None, body[verb[1] : verb[2]], None)
        unnamed = _UNNAMED_SPEAKER.match(body, at)
        if unnamed is not None:
            # "…," a police spokesperson said / "…," one resident said: someone the text does not name
            # (the noun phrase ends where a reporting verb follows it)
            words = list(re.finditer(r"[a-z][\w'’-]*", body[at : unnamed.end()]))
            # after the determiner, at least one word of the noun phrase; a phrase with an owner ("a
            # spokesman for …") is the mouthpiece's, left to the cues above
            words = list(itertools.takewhile(lambda w: w.group(0) not in PREPOSITIONS, words))
            for w in words[1:]:
                verb = verb_at(body, at + w.end())
                if verb is not None:
                    return (None, body[verb[1] : verb[2]], None)
        return None

    def _attribution_sentence(self, q: QuoteSpan, pos: int) -> tuple[Resolved | None, str, str | None] | None:
        """A sentence right after the quote, in its paragraph, that says nothing but who spoke ("Lee
        said.", "said Lee.", "she added on Monday."): it can only report the quote before it."""
        body = self.body
        nxt = next(((a, b) for a, b in self.sentences if a >= pos), None)
        if nxt is None or "\n" in body[pos : nxt[0]] or not body[nxt[0] : nxt[1]].rstrip().endswith("."):
            return None
        a, b = nxt
        ref = self.index.ref_starting_at(a)
        verb = verb_at(body, skip_fillers_forward(body, ref.end)) if ref is not None else None
        if ref is None:
            verb = verb_at(body, a)
            ref = self.index.ref_starting_at(verb[2]) if verb is not None else None
            end = ref.end if ref is not None else a
        else:
            end = verb[2] if verb is not None else a
        if verb is None or ref is None or ref.kind == "document":
            return None
        rest = body[end:b].strip(" \t\n.")
        if len(rest.split()) > 3 or any(c in ALL_QUOTE_CHARS for c in rest) or "," in rest:
            return None
        return self._resolved(ref, q.open_pos, body[verb[1] : verb[2]], None)

    def _named_after_role(self, pos: int) -> Ref | None:
        """At ``pos``, a lower-case role phrase ("chief executive", "its chief executive,") and the named
        person it introduces: the person's reference, else None."""
        m = _ROLE_LEAD.match(self.body, pos)
        if m is None or verb_at(self.body, pos) is not None:
            return None
        words = m.group("words").split()
        # the phrase ends on a role noun ("a phrase Lee says" is no role, "a spokesman for" no name)
        if words[-1] not in ROLE_NOUNS and words[-1] not in EPITHET_NOUNS:
            return None
        ref = self.index.ref_starting_at(m.end())
        return ref if ref is not None and ref.kind == "name" else None

    def _cue_before(
        self, q: QuoteSpan, s0: int, subjects: list[Ref]
    ) -> tuple[Resolved | None, str, str | None] | None:
        """`Lee said: "…"` / `She continued, "…"` / `Lee: "…"` / `…, writing, "…"`."""
        body = self.body
        pre = body[s0 : q.open_pos]
        stripped = pre.rstrip()
        if not stripped:
            return None
        if stripped.endswith(":"):
            colon = s0 + len(stripped) - 1
            ref = self.index.ref_ending_at(colon, s0)
            if ref is not None and ref.start - s0 < 3:
                return self._resolved(ref, q.open_pos, ":", "colon")
            # "Lee was more blunt: "…"" / "Asked why, she goes further: "…"": a colon hands the quote
            # to the subject of the clause right before it, when that clause has no speech verb
            clause = self._clause_start(s0, colon)
            if not verb_at_any(body, clause, colon):
                subj = self._subject_of(q.open_pos, clause, [r for r in subjects if r.start >= clause])
                if subj is None and not verb_at_any(body, s0, colon):
                    subj = self._subject_of(q.open_pos, s0, subjects)
                if subj is not None:
                    return (Resolved(subj[0].name, subj[0].speaker_kind, "colon"), ":", subj[2])
        window_start = max(s0, q.open_pos - MAX_CUE_GAP - 20)
        best = None
        for m in re.finditer(r"[A-Za-z]+", body[window_start : q.open_pos]):
            verb = verb_at(body, window_start + m.start())
            if verb is None or verb[1] != window_start + m.start():
                continue
            gap = _QUOTE_INSERT_END.sub(",", body[verb[2] : q.open_pos])
            if len(gap) > MAX_CUE_GAP or any(c in ALL_QUOTE_CHARS for c in gap):
                continue
            if not re.fullmatch(r"(?:[\s,]+[^\s.!?]+){0,7}?\s*[,:]?\s*(?:that\s*)?", gap):
                continue
            if not (gap.strip().endswith((",", ":", "that")) or gap.strip() == ""):
                continue
            best = verb
        if best is None:
            best = self._naming_verb(window_start, q.open_pos)
        if best is None:
            return None
        cue = body[best[1] : best[2]]
        # verb-first "said Lee:" puts the speaker after the verb; after a naming verb ("called it")
        # and for a pronoun ("told him") the words after the verb are its object
        after_ref = self.index.ref_starting_at(best[2], allow_new=False)
        if (
            after_ref is not None
            and after_ref.end <= q.open_pos
            and after_ref.kind != "pronoun"
            and cue not in NAMING_VERB_FORMS
        ):
            return self._resolved(after_ref, q.open_pos, cue, None)
        ref, _mode = speaker_before_verb(self.index, best[1], s0)
        if ref is not None:
            return self._resolved(ref, q.open_pos, cue, None)
        subj = self._subject_of(best[1], s0, subjects)
        if subj is not None:
            return (subj[0], cue, subj[2])
        return (None, cue, None)

    def _lead_in(self, q: QuoteSpan, s0: int) -> tuple[Resolved | None, str, str | None] | None:
        """A quote opening its sentence right after one that ends on a colon ("Judge Kim Lee said:" as a
        paragraph of its own, the remarks in the paragraphs below): the lead-in's cue is the quote's."""
        if self.body[s0 : q.open_pos].strip():
            return None
        si = bisect_right(self._sentence_starts, s0) - 1
        if si < 1:
            return None
        p0, p1 = self.sentences[si - 1]
        if not self.body[p0:p1].rstrip().endswith(":") or self.body[p1 : q.open_pos].strip():
            return None
        return self._cue_before(q, p0, self._subjects(p0, p1))

    def _naming_verb(self, lo: int, open_pos: int) -> tuple[str, int, int] | None:
        """`called the spills "…"` / `described the fine as "…"`: a naming verb, its object, the quote."""
        for w in reversed(list(re.finditer(r"\b[a-z]+", self.body[lo:open_pos]))):
            if w.group(0) not in NAMING_VERB_FORMS:
                continue
            m = _NAMING_CUE.match(self.body, lo + w.start(), open_pos)
            if m:
                return (m.group("verb"), m.start("verb"), m.end("verb"))
        return None

    def _clause_start(self, s0: int, pos: int) -> int:
        """Start of the clause that ends at ``pos``: after the last comma, semicolon or dash outside
        quotes, or the sentence start."""
        for i in range(pos - 1, s0 - 1, -1):
            if self.body[i] in ",;\u2014\u2013(" and not self.index.inside_quote(i):
                return i + 1
        return s0

    def _subject_of(self, pos: int, s0: int, subjects: list[Ref]) -> tuple[Resolved, str | None, str] | None:
        """The last subject-like reference before ``pos`` in the sentence (`Lee thinks people "…"`)."""
        for ref in reversed(subjects):
            if ref.end <= pos and not self._in_earlier_clause(ref, pos):
                resolved = self.salience.resolve(ref, ref.start)
                if resolved is None:
                    return None
                how = "subject" if resolved.how == "explicit" else resolved.how
                return (Resolved(resolved.name, resolved.speaker_kind, how), None, ref.surface)
        return None

    def _in_earlier_clause(self, ref: Ref, pos: int) -> bool:
        """Is the reference inside a reported clause that ended before ``pos``? ("Kim conceded that
        the airline was failing, but said …": "the airline" is the clause's subject, not the one the
        coordinated "said" shares with "conceded")"""
        return any(
            c.mode != "none" and c.content_start <= ref.start < c.content_end <= pos
            for c, _resolved, _surface in self._cue_speakers
        )

    def _standalone(self, q: QuoteSpan, s0: int, s1: int) -> bool:
        sentence = [c for c in self.body[s0:s1] if not c.isspace()]
        inner = [c for c in q.text if not c.isspace()]
        return bool(sentence) and (len(inner) + 2) / len(sentence) >= STANDALONE_SHARE

    def _continuing(self, pos: int) -> tuple[str, str] | None:
        """The person or organisation still talking: the last one in this paragraph or the one before."""
        here = self.para(pos)
        # the last speaker quoted in this paragraph or the one before keeps the floor, unless this
        # paragraph has since put a new person on stage ("Lee is on her feet. Her line: "…"")
        for e_pos, name, kind, para, spoke in reversed(self.salience.entries):
            if e_pos >= pos or not spoke:
                continue
            if any(e_pos < u < pos and self.para(u) >= here - 1 for u in self._unnamed_turns):
                return None  # an unnamed speaker quoted since then still has the floor
            if para == here - 1:
                newcomer = self._newcomer(e_pos, pos, here, name)
                if newcomer is not None:
                    return newcomer
            if para >= here - 1:
                return (name, kind)
            break
        # else a person who is the subject of this paragraph ("Lee runs the shelter. "…"")
        for e_pos, name, kind, para, _spoke in reversed(self.salience.entries):
            if e_pos < pos and para == here and kind == "person":
                return (name, kind)
        # else the one person the paragraph before was about, when nobody else spoke or acted there
        # (a profile's introduction, then the person's words in a paragraph of their own)
        before = {
            (name, kind)
            for e_pos, name, kind, para, _spoke in self.salience.entries
            if e_pos < pos and para == here - 1
        }
        if len(before) == 1 and next(iter(before))[1] == "person":
            return next(iter(before))
        return None

    def _newcomer(self, after: int, pos: int, here: int, speaker: str) -> tuple[str, str] | None:
        """The one person other than ``speaker`` who is a subject in paragraph ``here`` before ``pos``."""
        names = {
            name
            for e_pos, name, kind, para, _spoke in self.salience.entries
            if after < e_pos < pos and para == here and kind == "person"
        }
        if len(names) == 1 and speaker not in names:
            return (next(iter(names)), "person")
        return None

    def _ends_clause(self, pos: int) -> bool:
        return self.body[pos : pos + 1] in ("", ".", ",", ";", "\n", " ", ")")

    def _resolved(
        self, ref: Ref | None, at: int, cue: str, how: str | None
    ) -> tuple[Resolved | None, str, str | None]:
        if ref is None:
            return (None, cue, None)
        resolved = self.salience.resolve(ref, self._pronoun_at(ref, at), speaking=True)
        if resolved is not None and how is not None:
            resolved = Resolved(resolved.name, resolved.speaker_kind, how)
        return (resolved, cue, ref.surface)

    @staticmethod
    def _is_title(text: str) -> bool:
        """A quoted film, song or book title: short, capitalised like a headline, no sentence inside."""
        words = _WORD.findall(text)
        if not words or len(words) > MAX_TITLE_WORDS or re.search(r"[.!?]\s+\S", text):
            return False
        if text.rstrip().endswith((".", ",")) and len(words) > 1:
            return False
        content = [w for w in words if w.lower() not in TITLE_SMALL_WORDS or w is words[0]]
        return all(w[0].isupper() or w[0].isdigit() for w in content)

    # ------------------------------------------------------------ reported speech
    def _reported(self, cue: ReportedCue, s0: int, subjects: list[Ref]) -> None:
        resolved: Resolved | None = None
        surface = None
        if cue.speaker is not None:
            resolved = self.salience.resolve(
                cue.speaker, self._pronoun_at(cue.speaker, cue.cue_start), speaking=True
            )
            surface = cue.speaker.surface
            if resolved is not None and cue.mode != "explicit":
                resolved = Resolved(resolved.name, resolved.speaker_kind, cue.mode)
        elif cue.mode == "subject":
            subj = self._subject_of(cue.cue_start, s0, subjects)
            if subj is not None:
                resolved, _, surface = subj
        # a cue with nobody named still owns its clause: a quote inside it is not the clause subject's
        self._cue_speakers.append((cue, resolved, surface))
        if resolved is None:
            return  # reported speech with nobody named is not a claim we can attribute
        if not cue.emit:
            return
        text = self.body[cue.content_start : cue.content_end]
        # the speaker is on stage from the cue on: "she" opening the clause ("Lee said she paid") is Lee
        self._emit(
            "indirect",
            cue.content_start,
            cue.content_end,
            text,
            resolved,
            cue.cue,
            resolved.how,
            surface,
            on_stage=min(cue.cue_start, cue.content_start),
        )

    # ------------------------------------------------------------ output
    def _emit(
        self,
        kind: str,
        start: int,
        end: int,
        text: str,
        resolved: Resolved | None,
        cue: str | None,
        how: str | None,
        surface: str | None,
        on_stage: int | None = None,
    ) -> None:
        self.claims.append(
            Claim(
                kind=kind,  # type: ignore[arg-type]
                text=text,
                start_char=start,
                end_char=end,
                speaker_name=resolved.name if resolved else None,
                speaker_kind=resolved.speaker_kind if resolved else None,  # type: ignore[arg-type]
                cue=cue,
                attribution=how,
                speaker_surface=surface,
            )
        )
        if resolved is not None:
            at = start if on_stage is None else on_stage
            self.salience.add(at, resolved.name, resolved.speaker_kind, self.para(at), spoke=True)
            if resolved.speaker_kind == "organization":
                self.salience.orgs.append((at, resolved.name))
                self.salience.org_actors.append((at, resolved.name))
