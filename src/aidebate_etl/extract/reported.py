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
    BARE_COMPLEMENT_VERBS,
    CLAUSE_OPENERS,
    GAP_OPENERS,
    OBJECT_VERBS,
    POINT_OUT,
    REPORTING_FORMS,
)
from aidebate_etl.extract.speakers import (
    Ref,
    SpeakerIndex,
    skip_appositive_backward,
    skip_fillers_backward,
    skip_fillers_forward,
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
    # "explicit" (a reference next to the cue), "subject" (the clause's subject), "according_to", "as"
    mode: str


_WORDS = re.compile(r"[A-Za-z]+")
_THAT = re.compile(r"(?P<gap>(?:[\s,]+[^\s,.;:!?]+){0,N}?)[\s,]+that\s+".replace("N", str(MAX_GAP_WORDS)))
_ACCORDING = re.compile(r"\b[Aa]ccording to\s+")
_AS_BY = re.compile(r"\b[Aa]s\s+(?P<verb>[a-z]+)\s+by\s+")
_AS_REF = re.compile(r"\b[Aa]s\s+")


def _mask(body: str, index: SpeakerIndex, start: int, end: int) -> str:
    return "".join("x" if index.inside_quote(i) and body[i].isalpha() else body[i] for i in range(start, end))


def _quoted_share(index: SpeakerIndex, start: int, end: int, body: str) -> float:
    chars = [i for i in range(start, end) if not body[i].isspace()]
    if not chars:
        return 0.0
    return sum(1 for i in chars if index.inside_quote(i)) / len(chars)


def _content_ok(body: str, index: SpeakerIndex, start: int, end: int) -> bool:
    text = body[start:end]
    if len(_WORDS.findall(text)) < MIN_CONTENT_WORDS:
        return False
    return _quoted_share(index, start, end, body) <= MAX_QUOTED_SHARE


def _speaker_before(
    body: str, index: SpeakerIndex, verb_start: int, sent_start: int
) -> tuple[Ref | None, str]:
    """The reference right before a reporting verb ("Lee, 46, has also said"), else the clause subject."""
    pos = skip_fillers_backward(body, verb_start, sent_start)
    pos = skip_appositive_backward(body, pos, sent_start)
    ref = index.ref_ending_at(pos, sent_start)
    if ref is not None and not index.is_possessive(ref):
        return ref, "explicit"
    before = body[sent_start:pos].rstrip()
    # a participle or coordinated verb shares the clause's subject ("Lee took aim, writing that")
    if before.endswith((",", " and", "\u2014")) or body[verb_start:].split(None, 1)[0].endswith("ing"):
        return None, "subject"
    return None, "none"


def find_reported(body: str, index: SpeakerIndex, sent_start: int, sent_end: int) -> list[ReportedCue]:
    """Reported-speech cues of one sentence, in text order."""
    masked = _mask(body, index, sent_start, sent_end)
    end = sent_end
    while end > sent_start and body[end - 1].isspace():
        end -= 1
    found: list[ReportedCue] = []

    # -- verb + that-clause, and bare "said" + clause
    for w in _WORDS.finditer(masked):
        base = REPORTING_FORMS.get(w.group(0))
        at = sent_start + w.start()
        if base is None and w.group(0) not in POINT_OUT:
            continue
        verb_end = sent_start + w.end()
        if w.group(0) in POINT_OUT:
            if not masked[w.end() :].startswith(" out"):
                continue
            verb_end += 4
        m = _THAT.match(masked, verb_end - sent_start)
        if m:
            gap = m.group("gap").strip(" ,")
            gap_words = gap.split()
            ok = not gap_words or gap_words[0].lower() in GAP_OPENERS
            ok = ok or (base in OBJECT_VERBS and len(gap_words) <= 4)
            if ok:
                ref, mode = _speaker_before(body, index, at, sent_start)
                c_start = sent_start + m.end()
                if mode != "none" and _content_ok(body, index, c_start, end):
                    found.append(ReportedCue(w.group(0), at, c_start, end, ref, mode))
                continue
        if base in BARE_COMPLEMENT_VERBS:
            nxt = re.match(r"\s+([A-Za-z]+)\b", masked[verb_end - sent_start :])
            if not nxt or nxt.group(1).lower() not in CLAUSE_OPENERS:
                continue
            c_start = verb_end + nxt.start(1)
            ref, mode = _speaker_before(body, index, at, sent_start)
            if mode != "explicit" or _quoted_share(index, c_start, end, body) > 0:
                continue
            if len(_WORDS.findall(body[c_start:end])) >= MIN_CONTENT_WORDS + 1:
                found.append(ReportedCue(w.group(0), at, c_start, end, ref, mode))

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
