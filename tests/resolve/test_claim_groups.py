"""Claim groups across pages: same words join, shared common words never chain."""

from __future__ import annotations

import itertools
import time
from dataclasses import replace

import pytest

from aidebate_etl import ids
from aidebate_etl.records import Claim, PageExtraction, PagePerson, PageResult, SourceRecord
from aidebate_etl.resolve import claim_groups, claim_variants, resolve_claim_groups

ClaimSpec = tuple[str, str, str | None]  # (label, text, speaker); kind "direct" unless label ends with "i"


def _page(article: str, specs: list[ClaimSpec]) -> tuple[PageResult, dict[str, str]]:
    claims, labels, at = [], {}, 0
    for label, text, speaker in specs:
        kind = "indirect" if label.endswith("i") else "direct"
        claims.append(Claim(kind, text, at, at + len(text), speaker, "person" if speaker else None))
        labels[label] = ids.claim_id(article, kind, at, at + len(text))
        at += len(text) + 3
    people = tuple(PagePerson(s) for s in sorted({s for _, _, s in specs if s}))
    page = PageResult(
        SourceRecord(f"{article}.txt", article, 1, "loaded"),
        article_id=article,
        extraction=PageExtraction(people=people, claims=tuple(claims)),
    )
    return page, labels


def _build(pages: dict[str, list[ClaimSpec]]) -> tuple[list[PageResult], dict[str, str]]:
    results, labels = [], {}
    for article, specs in pages.items():
        page, got = _page(article, specs)
        results.append(page)
        labels |= got
    return results, labels


def _partition(group_of: dict[str, str], labels: dict[str, str]) -> set[frozenset[str]]:
    by_group: dict[str, set[str]] = {}
    for label, cid in labels.items():
        by_group.setdefault(group_of[cid], set()).add(label)
    return {frozenset(v) for v in by_group.values()}


MAYOR = "Odile Ferrant"
PAGES: dict[str, list[ClaimSpec]] = {
    "art_full": [
        (
            "f1",
            "We will not close a single library this year. Every branch stays open on weekends, and the "
            "reading rooms get new heating before the winter.",
            MAYOR,
        ),
        ("f2", "The budget is tight, but books are not a luxury.", MAYOR),
        ("f3", "frankly disappointing", "Tomas Rebane"),
    ],
    "art_short": [
        # A shortened version with a changed word, and a three-word fragment of the same speech.
        ("s1", "Every branch stays open on weekends and the reading rooms get new heating", "Ferrant"),
        ("s2", "books are not a luxury", "Ferrant"),
        ("s3", "We are going to be looking at the numbers again in the spring.", "Ferrant"),
    ],
    "art_reported": [
        # Reported speech folding in a phrase the first page quotes.
        ("r1i", "no branch would shut, since “books are not a luxury” in her view", MAYOR),
        ("r2i", "the council is going to be looking at parking fees", "Tomas Rebane"),
    ],
}
EXPECTED = {
    frozenset({"f1", "s1"}),
    frozenset({"f2", "s2", "r1i"}),
    frozenset({"f3"}),
    frozenset({"s3"}),
    frozenset({"r2i"}),
}


@pytest.mark.parametrize("order", list(itertools.permutations(PAGES)))
def test_claim_groups_exact_groups_whatever_the_page_order(order: tuple[str, ...]) -> None:
    results, labels = _build({a: PAGES[a] for a in order})
    group_of = resolve_claim_groups(results)
    assert set(group_of) == set(labels.values())
    assert _partition(group_of, labels) == EXPECTED
    for members in EXPECTED:
        cids = [labels[m] for m in members]
        assert {group_of[c] for c in cids} == {ids.claim_group_id(cids)}


@pytest.mark.parametrize(
    ("left", "right"),
    [
        # Different statements built from the same stock phrases.
        (
            "I think it is going to be a very good year for all of us.",
            "It is going to be a hard year for us.",
        ),
        # A two-word fragment is too common to be evidence.
        ("truly remarkable", "What the team did was truly remarkable in every way."),
        # Shared four-word phrase inside otherwise different sentences.
        (
            "We have to get back to basics and fix the roads first.",
            "Voters want us to get back to basics on schools, not on stadiums.",
        ),
    ],
)
def test_claim_groups_no_link_on_common_words(left: str, right: str) -> None:
    results, labels = _build({"art_1": [("a", left, MAYOR)], "art_2": [("b", right, MAYOR)]})
    group_of = resolve_claim_groups(results)
    assert group_of[labels["a"]] != group_of[labels["b"]]


@pytest.mark.parametrize("n_bridges", [1, 5])
def test_claim_groups_do_not_chain_through_shared_phrases(n_bridges: int) -> None:
    # Each claim shares a stock phrase with the next one; no two report the same statement.
    tails = [
        "the harbour needs a second crane",
        "voters care about bus fares",
        "our schools still lack science teachers",
        "nobody reads the planning notices",
        "the festival lost money twice",
        "bridges outlast every council that builds them",
    ]
    texts = [f"At the end of the day, {t}." for t in tails[: n_bridges + 1]]
    pages = {f"art_{i}": [(f"c{i}", t, MAYOR)] for i, t in enumerate(texts)}
    results, labels = _build(pages)
    group_of = resolve_claim_groups(results)
    assert len({group_of[c] for c in labels.values()}) == len(texts)


@pytest.mark.parametrize(
    ("speaker_b", "linked"),
    [("Ferrant", True), (None, True), ("Tomas Rebane", False)],
)
def test_claim_groups_speakers_must_not_contradict(speaker_b: str | None, linked: bool) -> None:
    quote = "the reading rooms get new heating before the winter"
    results, labels = _build(
        {
            "art_1": [("a", f"Every branch stays open, and {quote}.", MAYOR)],
            "art_2": [("b", f"I doubt {quote}", speaker_b)],
        }
    )
    group_of = resolve_claim_groups(results)
    assert (group_of[labels["a"]] == group_of[labels["b"]]) is linked


@pytest.mark.parametrize("speaker_b", ["Tomas Rebane"])
def test_claim_groups_identical_long_text_links_despite_speaker(speaker_b: str) -> None:
    text = "Every branch stays open on weekends, and the reading rooms get new heating."
    results, labels = _build({"art_1": [("a", text, MAYOR)], "art_2": [("b", text, speaker_b)]})
    group_of = resolve_claim_groups(results)
    assert group_of[labels["a"]] == group_of[labels["b"]]


@pytest.mark.parametrize("cut", ["Then the second sentence follows here in full", ""])
def test_claim_groups_overlapping_halves_link(cut: str) -> None:
    # One outlet splits the remark at a different sentence than the other.
    s1 = "The first sentence says the harbour fees will double next year."
    s2 = "The second sentence says the ferry keeps its winter timetable."
    s3 = "A third sentence adds that nobody loses their job over it."
    results, labels = _build(
        {
            "art_1": [("a", f"{s1} {s2}", MAYOR)],
            "art_2": [("b", f"{s2} {s3}", MAYOR)],
            "art_3": [("c", cut or s3, None)],
        }
    )
    group_of = resolve_claim_groups(results)
    assert group_of[labels["a"]] == group_of[labels["b"]]
    assert (group_of[labels["c"]] == group_of[labels["b"]]) is (not cut)


@pytest.mark.parametrize("n_pages", [400])
def test_claim_groups_scale_on_a_synthetic_batch(n_pages: int) -> None:
    words = [f"w{i}" for i in range(3000)]
    pages = {}
    for p in range(n_pages):
        specs = []
        for k in range(20):
            base = (p * 7 + k * 13) % 500
            text = " ".join(words[(base * 5 + j * (k + 1)) % 3000] for j in range(12))
            specs.append((f"p{p}c{k}", text, MAYOR))
        pages[f"art_{p:04d}"] = specs
    results, _ = _build(pages)
    start = time.perf_counter()
    group_of = resolve_claim_groups(results)
    assert time.perf_counter() - start < 20
    assert len(group_of) == n_pages * 20


def _groups_linking_every_sorted_pair(results: list[PageResult]) -> dict[str, str]:
    """The reference: every candidate pair tried in sorted order (what grouping did before it walked
    3-grams without collecting pairs)."""
    prepared = claim_groups._prepare(results)
    parent = list(range(len(prepared)))
    articles = [{p.article_id} for p in prepared]

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    def union(ri: int, rj: int) -> None:
        parent[max(ri, rj)] = min(ri, rj)
        articles[min(ri, rj)] |= articles[max(ri, rj)]

    for i, j in claim_groups._candidate_pairs(prepared):
        ri, rj = find(i), find(j)
        if ri != rj and claim_groups._linked(prepared[i], prepared[j]):
            union(ri, rj)
    for i, j in claim_groups._nested_pairs(prepared):
        ri, rj = find(i), find(j)
        if ri != rj and (len(articles[ri]) > 1 or len(articles[rj]) > 1):
            union(ri, rj)
    members: dict[int, list[str]] = {}
    for i, p in enumerate(prepared):
        members.setdefault(find(i), []).append(p.claim_id)
    return {c: ids.claim_group_id(cids) for cids in members.values() for c in cids}


def test_claim_groups_many_copies_same_groups_as_trying_every_pair() -> None:
    # Every page quoted by 12 outlets, plus the common-phrase pages: copies share all their 3-grams.
    pages = {f"{a}_{k:02d}": specs for k in range(12) for a, specs in PAGES.items()}
    pages |= {
        f"bridge_{k}": [(f"b{k}", f"we are going to be looking at item {k} today", None)] for k in range(5)
    }
    results, _ = _build(pages)
    assert resolve_claim_groups(results) == _groups_linking_every_sorted_pair(results)


@pytest.mark.parametrize("variant", ["Every branch stays open on weekends and the reading rooms get heating"])
def test_claim_variants_rows_show_the_differences(variant: str) -> None:
    results, labels = _build(
        {
            "art_1": [
                ("a", "Every branch stays open on weekends, and the reading rooms get new heating.", MAYOR)
            ],
            "art_2": [("b", variant, MAYOR), ("c", "unrelated words that stand alone here", MAYOR)],
        }
    )
    group_of = resolve_claim_groups(results)
    rows = claim_variants(results, group_of)
    assert [r["claim_id"] for r in rows] == [labels["a"], labels["b"]]
    longest, other = rows
    assert longest["is_longest"] and longest["similarity"] == 1.0 and longest["diff"] == ""
    assert other["diff"] == "-new"
    assert 0.9 < other["similarity"] < 1.0
    assert {r["claim_group_id"] for r in rows} == {group_of[labels["a"]]}
    assert all(r["n_members"] == 2 for r in rows)


@pytest.mark.parametrize(
    ("page_of_b", "linked"),
    [("art_1", False), ("art_2", True)],
)
def test_claim_groups_join_pages_not_a_quote_and_its_own_clause(page_of_b: str, linked: bool) -> None:
    # A quote and the reported clause that wraps it on the same page are one remark told once: a
    # group says the statement was reported by several pages, so it needs another page.
    specs: dict[str, list[ClaimSpec]] = {"art_1": [("a", "utterly beyond repair", MAYOR)], "art_2": []}
    specs[page_of_b].append(("bi", "the old pier was \u201cutterly beyond repair\u201d", MAYOR))
    results, labels = _build({k: v for k, v in specs.items() if v})
    group_of = resolve_claim_groups(results)
    assert (group_of[labels["a"]] == group_of[labels["bi"]]) is linked


@pytest.mark.parametrize(
    ("left", "right", "speaker_b", "linked"),
    [
        # a short quoted phrase with one content word links only within one known speaker's words
        ("This was not an accident. It was a choice.", "not an accident", MAYOR, True),
        ("This was not an accident. It was a choice.", "not an accident", "Tomas Rebane", False),
        ("This was not an accident. It was a choice.", "not an accident", None, False),
        # a retelling with changed words and a different name form of the same person
        (
            "We tried it for a year. Output went up, sick days went down, and not one client noticed "
            "we were closed on Fridays,",
            "output went up and sick days went down, and not one of our clients noticed we were shut",
            MAYOR,
            True,
        ),
        (
            "The council continues to support Odile and her staff and will make no further comment.",
            "it continued to support Ferrant and her staff.",
            MAYOR,
            True,
        ),
        # the same speaker on the same topic, but a different statement
        (
            "The council will support the library staff through the winter.",
            "The library staff will get new heating before the winter, the council says.",
            MAYOR,
            False,
        ),
    ],
)
def test_claim_groups_short_and_retold_versions_need_the_same_speaker(
    left: str, right: str, speaker_b: str | None, linked: bool
) -> None:
    results, labels = _build({"art_1": [("a", left, MAYOR)], "art_2": [("b", right, speaker_b)]})
    group_of = resolve_claim_groups(results)
    assert (group_of[labels["a"]] == group_of[labels["b"]]) is linked


@pytest.mark.parametrize(
    ("other_page", "linked"),
    [
        # the quote alone on another page: the clause wrapping it joins the group by position
        ("utterly beyond repair", True),
        # no other page reports it: the quote and its clause stay one remark told once
        ("the ferry timetable will change in spring", False),
    ],
)
def test_claim_groups_clause_joins_its_quote_once_another_page_reports_it(
    other_page: str, linked: bool
) -> None:
    clause = "the old pier was \u201cutterly beyond repair\u201d"
    quote = "utterly beyond repair"
    claims = [
        Claim("indirect", clause, 10, 10 + len(clause), MAYOR, "person"),
        Claim("direct", quote, 28, 28 + len(quote), MAYOR, "person"),
    ]
    page_1 = PageResult(
        SourceRecord("art_1.txt", "art_1", 1, "loaded"),
        article_id="art_1",
        extraction=PageExtraction(people=(PagePerson(MAYOR),), claims=tuple(claims)),
    )
    page_2, labels = _page("art_2", [("o", other_page, MAYOR)])
    group_of = resolve_claim_groups([page_1, page_2])
    clause_id = ids.claim_id("art_1", "indirect", 10, 10 + len(clause))
    quote_id = ids.claim_id("art_1", "direct", 28, 28 + len(quote))
    assert (group_of[clause_id] == group_of[quote_id]) is linked
    assert (group_of[quote_id] == group_of[labels["o"]]) is linked


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("margins would stay in the low sixties all year", "in the low 60s"),
        ("Sales rose by four per cent in the spring.", "Sales rose by 4% in the spring."),
        ("We hired twenty new nurses last month.", "We hired 20 new nurses last month."),
    ],
)
def test_claim_groups_number_spellings_compare_equal(left: str, right: str) -> None:
    results, labels = _build({"art_1": [("a", left, MAYOR)], "art_2": [("b", right, MAYOR)]})
    group_of = resolve_claim_groups(results)
    assert group_of[labels["a"]] == group_of[labels["b"]]


@pytest.mark.parametrize(("org_name", "linked"), [("Odile Ferrant", True), ("Ferrant Holdings", False)])
def test_claim_groups_speaker_whose_kind_one_page_got_wrong(org_name: str, linked: bool) -> None:
    # One page took the speaker for an organisation; her full name still names her, a firm does not.
    quote = "the reading rooms get new heating before the winter, and the branches stay open"
    results, labels = _build(
        {
            "art_1": [("a", f"Every branch stays open, and {quote}.", MAYOR)],
            "art_2": [("b", f"I doubt {quote}", None)],
        }
    )
    org_claim = results[1].extraction.claims[0]
    results[1] = replace(
        results[1],
        extraction=replace(
            results[1].extraction,
            claims=(replace(org_claim, speaker_name=org_name, speaker_kind="organization"),),
        ),
    )
    group_of = resolve_claim_groups(results)
    assert (group_of[labels["a"]] == group_of[labels["b"]]) is linked
