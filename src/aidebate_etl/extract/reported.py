"""Reported speech: a speaker, a reporting cue, and the content clause, found in one sentence.

Patterns (all on the sentence with quote interiors masked, so words inside quotes are never cues):
  * ``X argued that CONTENT`` / ``X told reporters on Monday that CONTENT``: content = after "that"
    to the sentence end;
  * ``X said CONTENT`` (bare complement, "say" only, no quote marks in the content);
  * ``According to X, CONTENT`` / ``CONTENT, according to X.``;
  * ``As explained by X, CONTENT`` / ``as X points out, CONTENT`` (or the as-clause at the end).
A content clause that is mostly a direct quote is left to the direct claim, so one statement is not
counted twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from aidebate_etl.extract.lexicon_speech import (
    ALL_QUOTE_CHARS,
    BARE_COMPLEMENT_VERBS,
    CALENDAR_WORDS,
    CLAUSE_OPENERS,
    FINITE_VERB_SIGNALS,
    FUNCTION_WORDS,
    GAP_OPENERS,
    HEARER_NOUNS,
    IRREGULAR_PAST_VERBS,
    NOMINATIVE_PRONOUNS,
    NOUN_DETERMINERS,
    OBJECT_VERBS,
    POINT_OUT,
    PREPOSITIONS,
    PRESENT_VERB_SIGNALS,
    QUOTE_FRAME_WORDS,
    REPORTING_FORMS,
    WH_WORDS,
)
from aidebate_etl.extract.speakers import (
    Ref,
    SpeakerIndex,
    skip_fillers_forward,
    speaker_before_verb,
    verb_at,
)

__all__ = ["ReportedCue", "find_reported"]

# Share of a content clause inside quote marks above which the clause is the quote itself
# ('sharing that he could "watch ..."'), so only the direct claim is kept. Set so that a clause
# with one quoted phrase in it still counts as reported speech.
MAX_QUOTED_SHARE = 0.7
# A reported clause shorter than this many words is a fragment ("he said that too").
MIN_CONTENT_WORDS = 3
# Most words allowed between a reporting verb and "that" ("told a packed press conference that").
MAX_GAP_WORDS = 7


@dataclass(frozen=True, slots=True)
class ReportedCue:
    cue: str
    cue_start: int
    content_start: int
    content_end: int
    speaker: Ref | None  # the reference naming the speaker, None when it is the sentence's subject
    # "explicit" (a reference next to the cue), "subject" (the clause's subject), "according_to", "as",
    # or "none": a cue whose speaker nobody names ("MacInnes later said she was "…""), kept so the
    # subject of its clause ("she") is not taken for the speaker of a quote inside it
    mode: str
    # False when the content is (nearly) all a direct quote: the cue still names the quote's speaker
    emit: bool = True


_WORDS = re.compile(r"[A-Za-z]+")
_LAST_WORD = re.compile(r"(?<![\w'’-])([A-Za-z]+)[ \t]+$")
_THAT = re.compile(r"(?P<gap>(?:[\s,]+[^\s,.;:!?]+){0,N}?)[\s,]+that\s+".replace("N", str(MAX_GAP_WORDS)))
# The hearer of "tell": an object pronoun, a name or one plural word ("MPs", "reporters"),
# followed by the word that opens the reported clause.
_HEARER = re.compile(
    r"[ \t]+(?:me|him|her|us|them|you|[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)*|[a-z]+s"
    + r"|the[ \t]+(?:"
    + "|".join(sorted(HEARER_NOUNS))
    # ("told the BBC", "told the Financial Times": a named outlet or body, article and all)
    + r"|[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)*"
    + r"))[ \t]+(?=[A-Za-z])"
)
_WHEN = re.compile(r"[ \t]+(?:on[ \t]+)?([A-Za-z]+)(?=[ \t]+[a-z])")
_APPROXIMATORS = frozenset({"about", "around", "nearly", "almost", "roughly", "some", "over"})
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
_AS_BY = re.compile(r"\b[Aa]s\s+(?P<verb>[a-z]+)\s+by\s+")
_AS_REF = re.compile(r"\b[Aa]s\s+")
# ", and claimed that" / ", but the minister said": a second reporting cue joined to the first
_NEXT_CUE = re.compile(
    r",\s+(?:and|but|while|whereas)\s+(?:\S+\s+){0,5}?(?:"
    + "|".join(sorted(map(re.escape, REPORTING_FORMS), key=len, reverse=True))
    + r")\b"
)
# ", said it was …": a finite reporting verb right after a comma is the main verb of a subject whose
# relative clause the comma closed ("X, which maintains 400 miles of bank, said …"), not part of a clause
_FINITE_REPORTING = sorted((f for f in REPORTING_FORMS if not f.endswith("ing")), key=len, reverse=True)
_COMMA_VERB = re.compile(r",\s+(?:" + "|".join(map(re.escape, _FINITE_REPORTING)) + r")\b")
# "… were "welcome" but warned that …" / "… and said the trip would take …": "and"/"but", then a finite
# reporting verb with its own "that", or a finite verb of saying that takes a bare clause, is a second report
# of the cue's speaker (emitted on its own), whatever the comma; it ends the first clause ("and hoped to …",
# "and urged passengers …" take no clause and stay)
_FINITE_SAYING = sorted(
    # past forms only: a present form may be a plural noun ("delays and claims had grown")
    (
        f
        for f in _FINITE_REPORTING
        if REPORTING_FORMS[f] in BARE_COMPLEMENT_VERBS and f.endswith(("ed", "said"))
    ),
    key=len,
    reverse=True,
)
_AND_VERB_THAT = re.compile(
    r"\s+(?:and|but)\s+(?:also\s+)?(?:(?:"
    + "|".join(map(re.escape, _FINITE_REPORTING))
    + r")\s+that|(?:"
    + "|".join(map(re.escape, _FINITE_SAYING))
    + r")(?=\s+[a-z]))\b"
)
# ", saying they had …" / ", adding that …": a participle of a verb that takes a clause, after a comma, is a
# second report by the same speaker (emitted on its own), so the first reported clause ends before it; the
# comma may stand inside a closing quote mark ('… "not designed for it," adding: …'), as US style sets it
_COMMA_PARTICIPLE = re.compile(
    r",(?P<close>[\"”’'])?\s+(?:[a-z]+ly\s+)?(?:"
    + "|".join(
        sorted(
            (f for f, base in REPORTING_FORMS.items() if f.endswith("ing") and base in BARE_COMPLEMENT_VERBS),
            key=len,
            reverse=True,
        )
    )
    + r")\b(?!\s+(?:to|of|for|with|about|on|in)\b)"
)
# ", the Harbour Board said on Monday." / ", said the council." closing a sentence, or followed by one
# prepositional adjunct of the writer's (", the firm said on Monday, in its biggest deal to date.") or one
# participle clause of the writer's (", the firm said, ending a century of baking in the town.")
_TAIL_CUE = re.compile(
    r",\s+(?P<rest>[^,]{2,80}?)"
    r"(?P<adjunct>,\s+(?:(?:in|on|at|as|after|before|with|amid|during|following|despite)\s[^,]{0,60}?"
    r"|[a-z]{3,}ing\s[^,]{0,100}?))?"
    r"[.!?]?\s*$"
)
# A wire dateline opening a story ("KELDHAM, May 3 (Tidewire) - "): the place in capitals, an optional
# date and agency, a dash. It frames the story and is no part of the first sentence's reported content.
_DATELINE = re.compile(
    r"[A-Z][A-Z'’.-]{2,}(?:[ \t]+[A-Z][A-Z'’.-]+)*(?:,[^\n,]{0,40}?)?[ \t]+[-\u2013\u2014]{1,2}[ \t]+"
)


def _mask(body: str, index: SpeakerIndex, start: int, end: int) -> str:
    return "".join("x" if index.inside_quote(i) and body[i].isalpha() else body[i] for i in range(start, end))


def _quoted_share(index: SpeakerIndex, start: int, end: int, body: str) -> float:
    chars = [i for i in range(start, end) if not body[i].isspace()]
    if not chars:
        return 0.0
    return sum(1 for i in chars if index.inside_quote(i)) / len(chars)


def _adds_own_words(masked: str) -> bool:
    """Does a (masked) clause say something outside its quotation ("the bill was "…"" does, "it would
    be "…"" does not)? Then it is reported speech beside the direct quote, however long the quote."""
    return any(
        w.lower() not in FUNCTION_WORDS
        and w.lower() not in FINITE_VERB_SIGNALS
        and w.lower() not in QUOTE_FRAME_WORDS
        and w.strip("x")
        for w in re.findall(r"[A-Za-z][\w'’]*", masked)
    )


def _emits(body: str, index: SpeakerIndex, masked: str, start: int, end: int) -> bool:
    return _quoted_share(index, start, end, body) <= MAX_QUOTED_SHARE or _adds_own_words(masked)


def _long_enough(body: str, start: int, end: int) -> bool:
    return len(_WORDS.findall(body[start:end])) >= MIN_CONTENT_WORDS


def _content_ok(body: str, index: SpeakerIndex, start: int, end: int) -> bool:
    return _long_enough(body, start, end) and _quoted_share(index, start, end, body) <= MAX_QUOTED_SHARE


def _bare_clause_start(masked: str, rel: int) -> int | None:
    """Where a bare complement starts after a verb: the next word, when it can open a clause (not a
    preposition, an adverb or punctuation: "said on Monday", "said roughly", "said, however")."""
    when = _WHEN.match(masked, rel)
    if when and when.group(1).lower() in CALENDAR_WORDS:
        rel = when.end()  # "said on Wednesday it was …": the day dates the statement, the clause follows
    m = re.match(r"[ \t]+([A-Za-z][\w'’-]*)", masked[rel:])
    if not m:
        return None
    word = m.group(1)
    low = word.lower()
    if low in CLAUSE_OPENERS or word[0].isupper():
        return rel + m.start(1)
    counted = re.match(r"[ \t]+\d[\d,.]*[ \t]+[a-z]+[ \t]+([a-z']+)", masked[rel + m.end() :])
    if low in _APPROXIMATORS and counted and counted.group(1) in FINITE_VERB_SIGNALS:
        # "said about 90 children would …" opens a clause; "said roughly 11 months after" does not
        return rel + m.start(1)
    # an adverb or adjunct is no clause, and a wh-word opens an indirect question, not a claim
    if low in FUNCTION_WORDS or low.endswith("ly") or low in GAP_OPENERS or low in WH_WORDS:
        return None
    return rel + m.start(1)  # a bare noun or gerund subject ("said residents would", "said changing it was")


def _cut_at_next_cue(masked: str, rel_start: int, rel_end: int) -> int:
    """End a reported clause where the sentence moves on: before a coordinated second cue
    (", and claimed that …", ", and the minister said …"), before a comma and a finite reporting verb
    (", said it would …"), before "but warned that …", before a participle reporting a second time
    (", saying …"), or at a semicolon, after which the writer usually speaks again."""
    span = masked[rel_start:rel_end]
    m = _NEXT_CUE.search(span) or _COMMA_VERB.search(span) or _AND_VERB_THAT.search(span)
    if m:
        return rel_start + m.start()
    m = _COMMA_PARTICIPLE.search(span)
    if m:
        # a quotation closing after its comma stays whole ('"… of this size," adding')
        return rel_start + (m.end("close") if m.group("close") else m.start())
    semi = span.find(";")
    return rel_start + semi if semi > 0 else rel_end


# Words that open a fronted adverbial clause ("When Lee announced that …, the phones rang").
_SUBORDINATORS = frozenset(
    [
        "when",
        "after",
        "before",
        "as",
        "since",
        "although",
        "though",
        "while",
        "once",
        "because",
        "until",
        "whereas",
    ]
)


def _end_of_embedding(masked: str, cue_rel: int, c_start: int, c_end: int) -> int:
    """Where a reported clause ends when its cue sits in a clause embedded in the sentence: a fronted
    adverbial clause ends at its comma ("When Lee announced that the shop would close, the phones rang");
    a relative clause on the subject ends where the main verb comes back ("Lee, who said in May that he
    would retire, was in tears")."""
    head = masked[:cue_rel]
    first = re.match(r"[^A-Za-z]*([A-Za-z]+)", head)
    span = masked[c_start:c_end]
    if first and first.group(1).lower() in _SUBORDINATORS and "," not in head:
        comma = span.find(", ")
        return c_start + comma if comma > 0 else c_end
    if re.search(r",\s*(?:who|which)\s[^,]*$", head):
        back = re.search(r",\s+(?:[a-z]+ly\s+)?([a-z][\w'’]*)\b", span)
        if back and (
            back.group(1) in FINITE_VERB_SIGNALS or (len(back.group(1)) > 4 and back.group(1).endswith("ed"))
        ):
            return c_start + back.start()
    return c_end


def _has_finite_verb(text: str) -> bool:
    """Does a masked clause have a verb of its own outside the quotes? A subject pronoun followed by
    an unquoted word counts: pronouns in that case only ever head a clause."""
    words = re.findall(r"[A-Za-z][\w'’]*", text)
    if len(words) > 1 and words[0].lower() in NOMINATIVE_PRONOUNS and words[1].strip("x"):
        return True
    return any(
        w.lower() in FINITE_VERB_SIGNALS
        or (len(w) > 4 and w.endswith("ed") and not _after_gerund(words, i))
        or w in IRREGULAR_PAST_VERBS
        or w in PRESENT_VERB_SIGNALS
        for i, w in enumerate(words)
    )


def _after_gerund(words: list[str], i: int) -> bool:
    """Is words[i] the participle of a gerund after a preposition ("one of going equipped", "for getting
    involved")? Then it is no finite verb: a clause's past verb follows its subject, never "of going"."""
    return i >= 2 and words[i - 1].lower().endswith("ing") and words[i - 2].lower() in PREPOSITIONS


def _quote_is_predicate(clause: str) -> bool:
    """A bare clause whose verb is inside its quotation ("said the brand "cannot return to profit""):
    a subject in the writer's own words (not a pronoun), then a quotation opening on a finite verb."""
    q = next((i for i, ch in enumerate(clause) if ch in ALL_QUOTE_CHARS), -1)
    if q <= 0:
        return False
    subject = re.findall(r"[A-Za-z][\w'’]*", clause[:q])
    if not subject or all(w.lower() in QUOTE_FRAME_WORDS for w in subject):
        return False  # 'said she "could not care less"': a pronoun and the quote, which is the claim
    first = re.match(r"\s*([A-Za-z][\w'’]*)", clause[q + 1 :])
    if first is None:
        return False
    word = first.group(1)
    return word in FINITE_VERB_SIGNALS or word == "cannot" or (len(word) > 4 and word.endswith("ed"))


def _tail_is_short(body: str, verb_end: int, end: int) -> bool:
    """After a sentence-final "X said" only a short adjunct may follow ("on Monday", "in a statement")."""
    rest = body[verb_end:end].strip(" .!?")
    return len(rest.split()) <= 5 and not any(c in ALL_QUOTE_CHARS for c in rest)


def find_reported(body: str, index: SpeakerIndex, sent_start: int, sent_end: int) -> list[ReportedCue]:
    """Reported-speech cues of one sentence, in text order."""
    masked = _mask(body, index, sent_start, sent_end)
    end = sent_end
    while end > sent_start and body[end - 1].isspace():
        end -= 1
    found: list[ReportedCue] = []

    # -- verb + that-clause, and bare complement ("Lee insisted he would stay")
    for w in _WORDS.finditer(masked):
        base = REPORTING_FORMS.get(w.group(0))
        at = sent_start + w.start()
        if base is None and w.group(0) not in POINT_OUT:
            continue
        before = _LAST_WORD.search(masked, 0, w.start())
        if before is not None and before.group(1).lower() in NOUN_DETERMINERS:
            continue  # "in a note to clients that …": after a determiner the form is a noun
        verb_end = sent_start + w.end()
        if w.group(0) in POINT_OUT:
            if not masked[w.end() :].startswith(" out"):
                continue
            verb_end += 4
        m = _THAT.match(masked, verb_end - sent_start)
        if m:
            gap = m.group("gap").strip(" ,")
            gap_words = gap.split()
            ok = not gap_words or gap_words[0].lower() in GAP_OPENERS or gap_words[0].endswith("ly")
            # "told reporters that", "told me at the premiere that": the hearer, then an adjunct
            ok = ok or (
                base in OBJECT_VERBS
                and (len(gap_words) <= 4 or any(w.lower() in GAP_OPENERS for w in gap_words[1:4]))
            )
            if ok:
                ref, mode = speaker_before_verb(index, at, sent_start)
                c_start = sent_start + m.end()
                c_end = sent_start + _cut_at_next_cue(masked, c_start - sent_start, end - sent_start)
                c_end = sent_start + _end_of_embedding(
                    masked, w.start(), c_start - sent_start, c_end - sent_start
                )
                if mode == "none":
                    found.append(ReportedCue(w.group(0), at, c_start, c_end, None, mode, emit=False))
                elif _long_enough(body, c_start, c_end):
                    emit = _emits(
                        body, index, masked[c_start - sent_start : c_end - sent_start], c_start, c_end
                    )
                    found.append(ReportedCue(w.group(0), at, c_start, c_end, ref, mode, emit))
                continue
        hearer = _HEARER.match(masked, verb_end - sent_start) if base in OBJECT_VERBS else None
        if hearer is not None and w.group(0) == w.group(0).lower():
            # "told MPs the limit belonged to …": the hearer, then a clause with no "that"
            c_start = sent_start + hearer.end()
            c_end = sent_start + _cut_at_next_cue(masked, c_start - sent_start, end - sent_start)
            clause = masked[c_start - sent_start : c_end - sent_start]
            # ("told the Gazette in 2000, when she retired": a clause never opens on a preposition)
            opener = re.match(r"[A-Za-z]+", clause)
            adjunct = opener is not None and opener.group(0).lower() in PREPOSITIONS
            if _long_enough(body, c_start, c_end) and _has_finite_verb(clause) and not adjunct:
                ref, mode = speaker_before_verb(index, at, sent_start)
                if mode != "none":
                    emit = _emits(
                        body, index, masked[c_start - sent_start : c_end - sent_start], c_start, c_end
                    )
                    found.append(ReportedCue(w.group(0), at, c_start, c_end, ref, mode, emit))
            continue
        if base in BARE_COMPLEMENT_VERBS and w.group(0) == w.group(0).lower():
            c_start = _bare_clause_start(masked, verb_end - sent_start)
            if c_start is None:
                continue
            c_start += sent_start
            ref, mode = speaker_before_verb(index, at, sent_start)
            c_end = sent_start + _cut_at_next_cue(masked, c_start - sent_start, end - sent_start)
            if mode == "none":
                found.append(ReportedCue(w.group(0), at, c_start, c_end, None, mode, emit=False))
                continue
            if not _long_enough(body, c_start, end):
                continue
            # a clause that is only a subject plus a quotation ('said it "..."') still names the
            # quote's speaker, but is not reported speech of its own
            emit = _has_finite_verb(masked[c_start - sent_start : c_end - sent_start])
            emit = emit or _quote_is_predicate(body[c_start:c_end])
            emit = emit and _emits(
                body, index, masked[c_start - sent_start : c_end - sent_start], c_start, c_end
            )
            found.append(ReportedCue(w.group(0), at, c_start, c_end, ref, mode, emit))

    # -- "CONTENT, X said." / "CONTENT, said X." with no quote marks around the content
    tail = _TAIL_CUE.search(masked)
    if tail and not any(c.content_start == sent_start for c in found):
        cue_at = sent_start + tail.start("rest")
        lead_the = re.match(r"[Tt]he\s+", body[cue_at : cue_at + 4])
        ref = index.ref_starting_at(cue_at + (lead_the.end() if lead_the else 0))
        if ref is None and lead_the:
            ref = index.ref_starting_at(cue_at)
        verb = None
        tail_end = sent_start + tail.start("adjunct") if tail.group("adjunct") else end
        if ref is not None:
            verb = verb_at(body, skip_fillers_forward(body, ref.end))
        else:
            verb = verb_at(body, cue_at)
            ref = index.ref_in_phrase(verb[2], tail_end) if verb else None
            if ref is not None and ref.kind == "pronoun":
                ref = None  # "…, said she" is not how prose reports: "said she stood by it" is a clause
        c_end = sent_start + tail.start()
        head = re.match(r"[A-Za-z]+", body[sent_start:c_end])
        # a participle opening ("Asked whether…, Lee laughed") is not the reported content
        participle = head is not None and (
            head.group(0).endswith(("ed", "ing")) and head.group(0)[0].isupper()
        )
        clause = _has_finite_verb(masked[: tail.start()]) and not participle
        dateline = _DATELINE.match(body, sent_start, c_end)
        c_start = dateline.end() if dateline else sent_start
        if verb is not None and ref is not None and clause and _long_enough(body, c_start, c_end):
            lead = body[c_start : c_start + 1]
            emit = (
                lead not in ALL_QUOTE_CHARS and _quoted_share(index, c_start, c_end, body) <= MAX_QUOTED_SHARE
            )
            if _tail_is_short(body, verb[2], tail_end):
                cue = body[verb[1] : verb[2]]
                found.append(ReportedCue(cue, cue_at, c_start, c_end, ref, "explicit", emit))

    # -- according to X
    for m in _ACCORDING.finditer(masked):
        ref = index.ref_in_phrase(sent_start + m.end(), end)
        if ref is None:
            continue
        head = body[sent_start : sent_start + m.start()].strip()
        if not head:  # "According to X, CONTENT"
            c = re.match(r"[^,]{0,60}?,\s*", body[ref.end : end])
            c_start = ref.end + (c.end() if c else 0)
            c_end = end
        else:  # "CONTENT, according to X."
            c_start, c_end = (
                sent_start,
                sent_start + len(body[sent_start : sent_start + m.start()].rstrip(" ,")),
            )
        if _content_ok(body, index, c_start, c_end):
            found.append(
                ReportedCue("according to", sent_start + m.start(), c_start, c_end, ref, "according_to")
            )

    # -- as explained by X, CONTENT / as X points out, CONTENT
    for m in _AS_BY.finditer(masked):
        if m.group("verb") not in REPORTING_FORMS:
            continue
        ref = index.ref_in_phrase(sent_start + m.end(), end)
        if ref is not None:
            _add_as_clause(found, body, index, sent_start, end, m.start(), ref.end, ref, m.group("verb"))
    for m in _AS_REF.finditer(masked):
        ref = index.ref_starting_at(sent_start + m.end(), allow_new=False)
        if ref is None:
            continue
        pos = skip_fillers_forward(body, ref.end)
        w = re.match(r"\s*([a-z]+)(\s+out\b)?", body[pos : pos + 30])
        if w is None:
            continue
        word = w.group(1)
        if word in POINT_OUT and w.group(2):
            cue = word + " out"
        elif word in REPORTING_FORMS and not w.group(2):
            cue = word
        else:
            continue
        _add_as_clause(found, body, index, sent_start, end, m.start(), pos + w.end(), ref, cue)
    return found


def _add_as_clause(
    found: list[ReportedCue],
    body: str,
    index: SpeakerIndex,
    sent_start: int,
    end: int,
    rel_as: int,
    clause_end: int,
    ref: Ref,
    cue: str,
) -> None:
    """An as-clause is parenthetical: the content is what follows it, or what precedes it at the end."""
    after = re.match(r"(?:\s+it)?\s*,\s*", body[clause_end:end])
    as_start = sent_start + rel_as
    if after:
        c_start, c_end = clause_end + after.end(), end
    elif body[clause_end:end].strip(" .!?") == "":
        c_start = sent_start
        c_end = sent_start + len(body[sent_start:as_start].rstrip(" ,"))
    else:
        return
    if _content_ok(body, index, c_start, c_end):
        found.append(ReportedCue("as " + cue, as_start, c_start, c_end, ref, "as"))
