"""Claim groups: claims that report the same words, in any page, share one ``claim_group_id``.

Outlets quote one statement differently: in full or cut down to a phrase, split at other points, with
a word changed, or folded into reported speech around a quoted phrase. Two claims are linked when a
*segment* of one (the whole claim, one of its sentences, or a phrase it puts in quotation marks) is found
in the other at high similarity. Groups are the connected components of those links (union-find).

Chaining is the failure to avoid (two common words joining every claim of a batch into one group), so
a link needs all of:

* a segment long and distinctive enough to be evidence of the same statement (``_MIN_*`` below);
* the segment aligned inside the other claim at high similarity: exact word containment for short
  segments, rapidfuzz partial alignment for longer ones;
* speakers that do not contradict each other (the same person across pages, or one side unknown), so
  a commenter or critic echoing someone's phrase is not taken for the statement itself. Near-identical
  long texts are linked whoever they are attributed to, since that is the same statement misattributed.

Two claims of one page are one remark told once (a quote and the reported clause that wraps it), so they
never link each other by their words. The clause joins its quote's group only by position: a quote whose
span lies inside a reported clause of the same speaker on the same page, once that quote (or the clause)
has been linked to another page; a group still says that several pages reported the statement.

Candidate pairs are blocked by shared word 3-grams that are not common phrases, so the cost grows with
the number of claims that really share wording, not with the square of the batch. The pairs are walked
3-gram by 3-gram and never collected: a statement quoted by N pages shares every one of its 3-grams with
N - 1 others, so the set of pairs was N^2/2 per 3-gram (a million tuples, ~150 MB, for 87 copies of 175
claims) while, once the first 3-gram has joined the copies, every other 3-gram of theirs is one group
already and costs one pass over its members. Groups are connected components, so the order in which
links are found does not change them (tests/resolve/test_claim_groups.py checks it).
"""

from __future__ import annotations

import difflib
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from aidebate_etl import ids
from aidebate_etl.records import Claim, PageResult
from aidebate_etl.resolve.persons import resolve_people

__all__ = ["claim_variants", "resolve_claim_groups"]

# Shortest whole claim or quoted phrase that can link: three words with two content words. A reporter
# who quotes three words of a statement ("utterly beyond repair") quotes them because they are the speaker's
# own; two words ("really great") are too common to tell one statement from another.
_MIN_PHRASE_TOKENS = 3
_MIN_PHRASE_CONTENT = 2
# A sentence cut out of a longer claim must stand on its own as evidence: five words, three content words.
_MIN_SENTENCE_TOKENS = 5
_MIN_SENTENCE_CONTENT = 3
# Below this many words a segment must appear word for word: on a short string one changed character
# moves a character-level score by 5-10 points: unrelated four-word phrases sharing three words scored up
# to 85 in calibration. From this length on, small edits (a dropped "very", "20-," for "20,") are
# tolerated by the fuzzy alignment instead.
_EXACT_BELOW_TOKENS = 6
# rapidfuzz partial_ratio (0-100) of a segment of six words or more against the best window of the other
# claim. Calibrated on the seed pages (two outlets quoting the same remarks): true variants (an added
# adverb, a hyphen dropped from a number, a leading conjunction cut) scored 93-100; the best-scoring pair
# of different sentences by the same speaker (sharing a four-word phrase) scored 65. 88 sits between with
# a margin on both sides; short segments reach 85 on unrelated text, hence the exact rule above.
_SIMILARITY = 88.0
# A statement retold with a few words changed ("not one client noticed we were closed" / "not one of our
# clients noticed we were shut"): the share of a segment's content words found, in order, in a window of
# the other claim, after light stemming and with any name of the same person counted as one word. Needs
# four content words and the same speaker on both sides: on the own pages true retellings kept 0.85-1.0 of
# their content words; different statements of one speaker sharing a topic kept at most 0.5.
_SOFT_COVERAGE = 0.8
_SOFT_MIN_CONTENT = 4
# How much wider than the segment the matched window in the other claim may be (inserted words).
_SOFT_WINDOW = 1.6
# Two long texts this close as a whole are the same statement even when the pages name different
# speakers (a misattribution is likelier than two people saying the same eight words).
_IDENTICAL = 97.0
_IDENTICAL_MIN_TOKENS = 8
# A word 3-gram held by more claims than this is a stock phrase in the batch, useless for blocking
# (and quadratic in pairs). A statement quoted by more pages than this still links through its rarer
# 3-grams as long as one of them stays under the cap.
_DF_CAP = 300

# Function words: not content, and 3-grams made only of them are never used for blocking.
_STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have
    having he her here hers herself him himself his how i if in into is it its itself just me more most
    my myself no nor not now of off on once only or other our ours ourselves out over own same she
    should so some such than that the their theirs them themselves then there these they this those
    through to too under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves s t ll re ve d m dont doesnt didnt isnt arent wasnt werent
    wont cant couldnt shouldnt wouldnt im youre hes shes its were theyre ive youve weve theyve id youd
    hed shed wed theyd youll hell shell well theyll thats theres whats whos going get got also even
    still one like""".split()  # noqa: SIM905 (a word list reads better as text)
)

_FOLD = str.maketrans(
    {
        "\u2019": "",
        "\u2018": "",
        "'": "",
        "\u02bc": "",
        "\u201c": " ",
        "\u201d": " ",
        "\u2014": " ",
        "\u2013": " ",
        "\u2026": " ",
        "-": " ",
    }
)
# Outlets write numbers their own way ("the low sixties" / "the low 60s", "four" / "4", "per cent" /
# "%"): each spelled-out number becomes digits so that variants compare as the same words.
_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()  # noqa: E501, SIM905
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()  # noqa: SIM905
_NUMBER_WORDS: dict[str, str] = (
    {w: str(i) for i, w in enumerate(_UNITS) if i > 1}  # "one" is as often a pronoun as a number
    | {w: str(10 * i) for i, w in enumerate(_TENS, start=2)}
    | {w[:-1] + "ies": f"{10 * i}s" for i, w in enumerate(_TENS, start=2)}
    | {"percent": "per cent"}
)
_PERCENT = re.compile(r"(?<=\d)\s*%")
_SENTENCE_END = re.compile(r"(?<=[.!?\u2026])\s+")
_QUOTED = re.compile(r"\u201c([^\u201c\u201d]+)\u201d|\"([^\"]+)\"|\u2018([^\u2018\u2019]+)\u2019(?!\w)")


def _normalise(text: str) -> str:
    """Case, quote marks, apostrophes, dashes and punctuation folded; words separated by one space."""
    s = unicodedata.normalize("NFKC", text).translate(_FOLD).casefold()
    s = _PERCENT.sub(" per cent", s)
    return " ".join(_NUMBER_WORDS.get(t, t) for t in re.sub(r"[^\w]+", " ", s).split())


def _n_content(tokens: Sequence[str]) -> int:
    return sum(1 for t in tokens if t not in _STOPWORDS)


@dataclass(frozen=True, slots=True)
class _Segment:
    text: str  # normalised
    n_tokens: int
    n_content: int
    stems: tuple[str, ...]  # see _stems


@dataclass(slots=True)
class _Prepared:
    claim_id: str
    article_id: str
    norm: str
    tokens: tuple[str, ...]
    segments: tuple[_Segment, ...]
    person: str | None  # batch-wide person id of the speaker, when known
    speaker_key: str | None  # folded speaker surname or organisation name, when known
    stems: tuple[str, ...] = ()  # tokens stemmed, a known person's name parts replaced by their id
    kind: str = "direct"
    span: tuple[int, int] = (0, 0)  # character span in the page body


# A stopword's marked form, made once: one string per word, not one per occurrence.
_MARKED = {w: f"_{w}" for w in _STOPWORDS}


def _stems(tokens: Sequence[str], names: dict[str, str]) -> tuple[str, ...]:
    """Tokens for the soft comparison: stemmed, stopwords marked, and every part of a known person's
    name replaced by that person's id ("Tobias" and "Wren" are the same word when both name him)."""
    return tuple(names.get(t) or _MARKED.get(t) or _stem(t) for t in tokens)


def _segments(text: str, names: dict[str, str]) -> tuple[_Segment, ...]:
    found: dict[str, _Segment] = {}

    def add(raw: str, min_tokens: int, min_content: int) -> None:
        norm = _normalise(raw)
        tokens = [sys.intern(t) for t in norm.split()]
        n_content = _n_content(tokens)
        if len(tokens) >= min_tokens and n_content >= min_content:
            found.setdefault(norm, _Segment(norm, len(tokens), n_content, _stems(tokens, names)))

    # a whole claim or quoted phrase may have a single content word ("not an accident"); such a
    # segment links only claims of one known speaker (see _segment_in)
    add(text, _MIN_PHRASE_TOKENS, 1)
    sentences = _SENTENCE_END.split(text.strip())
    if len(sentences) > 1:
        for s in sentences:
            add(s, _MIN_SENTENCE_TOKENS, _MIN_SENTENCE_CONTENT)
    for m in _QUOTED.finditer(text):
        add(next(g for g in m.groups() if g), _MIN_PHRASE_TOKENS, 1)
    return tuple(found.values())


def _grams(stems: Sequence[str]) -> set[tuple[str, str, str]]:
    # on stems, so a retold statement ("continues to"/"continued to") still shares its 3-grams
    return {g for g in zip(stems, stems[1:], stems[2:], strict=False) if any(t[0] != "_" for t in g)}


def _speaker_of(
    article: str, claim: Claim, person_of: dict[tuple[str, str], str]
) -> tuple[str | None, str | None]:
    if not claim.speaker_name:
        return None, None
    key = ids.name_key(claim.speaker_name)
    if claim.speaker_kind == "person":
        return person_of.get((article, claim.speaker_name)), (key.split() or [None])[-1]
    return None, key or None


def _same_org(a: str, b: str) -> bool:
    """ "Harbour Town" and "Harbour Town Football Club": one organisation's name is the other's start."""
    x, y = sorted((a.split(), b.split()), key=len)
    return y[: len(x)] == x


def _speakers_agree(a: _Prepared, b: _Prepared) -> bool:
    if a.person is not None and b.person is not None:
        return a.person == b.person
    if a.speaker_key is None or b.speaker_key is None:
        return True
    return (
        a.speaker_key == b.speaker_key
        or (a.person is None and b.person is None and _same_org(a.speaker_key, b.speaker_key))
        or _same_name_other_kind(a, b)
        or _same_name_other_kind(b, a)
    )


def _same_name_other_kind(person: _Prepared, other: _Prepared) -> bool:
    """A person's surname ends the name the other page gave as an organisation: the one speaker, whose
    kind one page got wrong ("Kim Lee" taken for a body there). Needs the full name on the other side,
    so a firm named after a founder ("Lee" vs "Lee Holdings") does not count."""
    if person.person is None or other.person is not None or other.speaker_key is None:
        return False
    words = other.speaker_key.split()
    return len(words) >= 2 and words[-1] == person.speaker_key


def _same_speaker(a: _Prepared, b: _Prepared) -> bool:
    """Both speakers known and the same: the evidence a short or retold version needs."""
    if a.speaker_key is None or b.speaker_key is None:
        return False
    return _speakers_agree(a, b)


_SUFFIXES = ("ing", "ed", "es", "s", "e")


def _stem(token: str) -> str:
    """Light suffix stripping, so "continues"/"continued" and "client"/"clients" compare equal."""
    if len(token) > 4:
        for suffix in _SUFFIXES:
            if token.endswith(suffix) and len(token) - len(suffix) >= 3:
                return sys.intern(token[: -len(suffix)])
    return token


def _soft_contained(seg: tuple[str, ...], other: tuple[str, ...]) -> bool:
    """Most of a segment's content words appear, in order, in a window of the other claim."""
    content = [i for i, t in enumerate(seg) if t[0] != "_"]
    if len(content) < _SOFT_MIN_CONTENT:
        return False
    present = set(other)
    if sum(1 for i in content if seg[i] in present) < _SOFT_COVERAGE * len(content):
        return False  # cheap bound before the alignment
    sm = difflib.SequenceMatcher(None, seg, other, autojunk=False)
    blocks = [b for b in sm.get_matching_blocks() if b.size]
    if not blocks:
        return False
    kept = {i for b in blocks for i in range(b.a, b.a + b.size)}
    window = blocks[-1].b + blocks[-1].size - blocks[0].b
    if window > _SOFT_WINDOW * len(seg) + 2:
        return False
    return sum(1 for i in content if i in kept) >= _SOFT_COVERAGE * len(content)


def _segment_in(seg: _Segment, other: _Prepared, same_speaker: bool) -> bool:
    if seg.n_tokens > len(other.tokens):
        return False
    if seg.n_content < _MIN_PHRASE_CONTENT and not same_speaker:
        return False  # "not an accident" is evidence only from the same mouth
    if seg.n_tokens < _EXACT_BELOW_TOKENS:
        return f" {seg.text} " in f" {other.norm} "
    if fuzz.partial_ratio(seg.text, other.norm) >= _SIMILARITY:
        return True
    return same_speaker and _soft_contained(seg.stems, other.stems)


def _linked(a: _Prepared, b: _Prepared) -> bool:
    if a.article_id == b.article_id:
        return False  # groups join pages; a quote and its own reported clause meet only through them
    if (
        min(len(a.tokens), len(b.tokens)) >= _IDENTICAL_MIN_TOKENS
        and fuzz.ratio(a.norm, b.norm) >= _IDENTICAL
    ):
        return True
    if not _speakers_agree(a, b):
        return False
    same = _same_speaker(a, b)
    return any(_segment_in(s, b, same) for s in a.segments) or any(
        _segment_in(s, a, same) for s in b.segments
    )


def _name_tokens(result: PageResult, person_of: dict[tuple[str, str], str]) -> dict[str, str]:
    """Each word of a page's people's names and aliases -> that person's batch-wide id."""
    article = result.article_id or ""
    out: dict[str, str] = {}
    for p in result.extraction.people:
        pid = person_of.get((article, p.name))
        if pid is None:
            continue
        for form in (p.name, *p.aliases):
            for word in _normalise(form).split():
                if len(word) > 2 and word not in _STOPWORDS:
                    out.setdefault(word, "\u00a7" + pid)
    return out


def _prepare(
    results: Sequence[PageResult], person_of: dict[tuple[str, str], str] | None = None
) -> list[_Prepared]:
    if person_of is None:
        _, person_of = resolve_people(results)
    out: list[_Prepared] = []
    for r in results:
        if r.article_id is None:
            continue
        names = _name_tokens(r, person_of)
        for c in r.extraction.claims:
            norm = _normalise(c.text)
            # Interned: claims share most of their words, so memory follows the vocabulary, not the
            # word count (2,000 bench pages: 166k token strings, ~10 MB, and 211k stopword marks).
            tokens = tuple(map(sys.intern, norm.split()))
            person, key = _speaker_of(r.article_id, c, person_of)
            out.append(
                _Prepared(
                    claim_id=ids.claim_id(r.article_id, c.kind, c.start_char, c.end_char),
                    article_id=r.article_id,
                    norm=norm,
                    tokens=tokens,
                    segments=_segments(c.text, names),
                    person=person,
                    speaker_key=key,
                    stems=_stems(tokens, names),
                    kind=c.kind,
                    span=(c.start_char, c.end_char),
                )
            )
    out.sort(key=lambda p: p.claim_id)
    return out


def _blocks(prepared: Sequence[_Prepared]) -> list[list[int]]:
    """Claims sharing a 3-gram, per 3-gram held by 2 to ``_DF_CAP`` claims (ascending indices)."""
    postings: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i, p in enumerate(prepared):
        for g in _grams(p.stems):
            postings[g].append(i)
    return [members for members in postings.values() if 1 < len(members) <= _DF_CAP]


def _candidate_pairs(prepared: Sequence[_Prepared]) -> list[tuple[int, int]]:
    """Every candidate pair, sorted (for tests and diagnostics: grouping never builds this list)."""
    pairs: set[tuple[int, int]] = set()
    for members in _blocks(prepared):
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if prepared[i].claim_id != prepared[j].claim_id:
                    pairs.add((i, j))
    return sorted(pairs)


def _nested_pairs(prepared: Sequence[_Prepared]) -> list[tuple[int, int]]:
    """(quote, clause) pairs of one page: a quote inside a reported clause of an agreeing speaker."""
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(prepared):
        by_article[p.article_id].append(i)
    pairs: list[tuple[int, int]] = []
    for members in by_article.values():
        clauses = [j for j in members if prepared[j].kind != "direct"]
        for i in members:
            q = prepared[i]
            if q.kind != "direct":
                continue
            for j in clauses:
                c = prepared[j]
                if c.span[0] <= q.span[0] and q.span[1] <= c.span[1] and _same_speaker(q, c):
                    pairs.append((i, j))
    return pairs


def resolve_claim_groups(
    results: Sequence[PageResult], person_of: dict[tuple[str, str], str] | None = None
) -> dict[str, str]:
    """``claim_id -> claim_group_id`` for every claim of every loaded page (singletons included).

    ``person_of``: ``resolve_people(results)``'s map, when the caller has it already (else computed).
    """
    prepared = _prepare(results, person_of)
    parent = list(range(len(prepared)))
    articles: list[set[str]] = [{p.article_id} for p in prepared]  # pages of each root's group

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(ri: int, rj: int) -> None:
        keep, drop = min(ri, rj), max(ri, rj)
        parent[drop] = keep
        articles[keep] |= articles[drop]

    # Each candidate pair is tried at most once, and only while its claims are in different groups.
    unlinked: set[tuple[int, int]] = set()
    for members in _blocks(prepared):
        if len({find(i) for i in members}) == 1:
            continue  # the usual case for a quote's later 3-grams: its copies are one group already
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                ri, rj = find(i), find(j)
                if ri == rj or (i, j) in unlinked or prepared[i].claim_id == prepared[j].claim_id:
                    continue
                if _linked(prepared[i], prepared[j]):
                    union(ri, rj)
                else:
                    unlinked.add((i, j))
    for i, j in _nested_pairs(prepared):
        ri, rj = find(i), find(j)
        if ri != rj and (len(articles[ri]) > 1 or len(articles[rj]) > 1):
            union(ri, rj)

    members: dict[int, list[str]] = defaultdict(list)
    for i, p in enumerate(prepared):
        members[find(i)].append(p.claim_id)
    group_of: dict[str, str] = {}
    for claim_ids in members.values():
        gid = ids.claim_group_id(claim_ids)
        for cid in claim_ids:
            group_of[cid] = gid
    return group_of


def _word_diff(longest: list[str], member: list[str]) -> tuple[str, float]:
    """Compact diff of ``member`` against the part of ``longest`` it covers, and that part's share."""
    sm = difflib.SequenceMatcher(None, longest, member, autojunk=False)
    blocks = [b for b in sm.get_matching_blocks() if b.size]
    if not blocks:
        return "(no shared words)", 0.0
    lo, hi = blocks[0].a, blocks[-1].a + blocks[-1].size
    window = longest[lo:hi]
    ops = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, window, member, autojunk=False).get_opcodes():
        old, new = " ".join(window[i1:i2]), " ".join(member[j1:j2])
        if tag == "replace":
            ops.append(f"{old} -> {new}")
        elif tag == "delete":
            ops.append(f"-{old}")
        elif tag == "insert":
            ops.append(f"+{new}")
    return "; ".join(ops), (hi - lo) / len(longest)


def claim_variants(results: Sequence[PageResult], claim_group_of: dict[str, str]) -> list[dict[str, object]]:
    """One row per member of every group with more than one claim, for a ``claim_variants`` table.

    Each row has the member's text and page, its similarity (0-1) to the group's longest text, the share
    of the longest text it covers, and ``diff``: the words that differ within the covered part
    (``old -> new``, ``-dropped``, ``+added``; empty when the member is a verbatim excerpt).
    """
    texts: dict[str, tuple[str, str]] = {}
    for r in results:
        if r.article_id is None:
            continue
        for c in r.extraction.claims:
            texts[ids.claim_id(r.article_id, c.kind, c.start_char, c.end_char)] = (r.article_id, c.text)
    groups: dict[str, list[str]] = defaultdict(list)
    for cid, gid in claim_group_of.items():
        if cid in texts:
            groups[gid].append(cid)
    rows: list[dict[str, object]] = []
    for gid in sorted(groups):
        cids = groups[gid]
        if len(cids) < 2:
            continue
        norms = {cid: _normalise(texts[cid][1]) for cid in cids}
        longest = min(cids, key=lambda c: (-len(norms[c].split()), -len(norms[c]), c))
        # Members with the same words as one compared already (outlets reprinting a quote word for
        # word) get its figures: they depend on nothing but the two normalised texts.
        compared: dict[str, tuple[float, str, float]] = {}
        for cid in sorted(cids, key=lambda c: (c != longest, texts[c][0], c)):
            if cid == longest:
                similarity, diff, coverage = 1.0, "", 1.0
            elif norms[cid] in compared:
                similarity, diff, coverage = compared[norms[cid]]
            else:
                similarity = fuzz.partial_ratio(norms[cid], norms[longest]) / 100
                diff, coverage = _word_diff(norms[longest].split(), norms[cid].split())
                compared[norms[cid]] = (similarity, diff, coverage)
            rows.append(
                {
                    "claim_group_id": gid,
                    "claim_id": cid,
                    "article_id": texts[cid][0],
                    "text": texts[cid][1],
                    "n_members": len(cids),
                    "is_longest": cid == longest,
                    "similarity": round(similarity, 4),
                    "coverage": round(coverage, 4),
                    "diff": diff,
                }
            )
    return rows
