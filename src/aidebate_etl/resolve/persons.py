"""Cross-page person resolution: one ``Person`` (and one ``person_id``) per real person in a batch.

Each page names its people in its own way (``PagePerson.name`` is the page's fullest form). This step
joins those page-local people into batch-wide persons, conservatively: a wrong merge puts words in the
wrong mouth across every page, a missed merge only splits one person in two.

Rules, in order (each one explains its reason):

1. Names with the same comparison key are one person. The key is ``ids.name_key`` (case, accents,
   possessives and punctuation folded) with leading honorifics and trailing generational suffixes removed,
   because ``Dr. Jane Roe`` and ``Jane Roe Jr.`` are written forms of one name on a news page far more
   often than they are different people.
2. Full names (a first name and a surname) that differ only in middle names or middle initials
   (``Jane Roe`` / ``Jane Q. Roe`` / ``Jane Quinn Roe``) are one person when every pair of such forms in
   the batch is compatible. When two forms conflict (``Jane A. Roe`` and ``Jane B. Roe``), the forms with a
   middle name are kept apart and so is the bare ``Jane Roe``: it could be either of them.
   First names must be equal: nicknames and initials of a first name are never merged
   (``Bill``/``William``, ``J.``/``Jane``), since the page gives no evidence they are the same person.
3. A surname on its own (``Roe``, or ``van Roe`` with a surname particle) joins the one full-name person
   of the batch with that surname. When several full-name persons share it, the surname joins the one
   whose aliases or roles overlap the surname page's aliases or roles, if exactly one does; otherwise it
   stays a person of its own (a page that only says ``Roe`` gives no way to choose).

The canonical name is the fullest form: most name words, then named so by most pages, then properly
capitalised, then with its accents, then the shortest spelling, then alphabetical, so the result never
depends on page order.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from aidebate_etl import ids
from aidebate_etl.records import PagePerson, PageResult, Person

__all__ = ["resolve_people"]

# Titles written before a name; dropped for matching because they are not part of who the person is.
_HONORIFICS = frozenset(
    """mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend
    sen senator rep gov president""".split()  # noqa: SIM905 (a word list reads better as text)
)
# Generational suffixes: part of the legal name but nearly always dropped in later mentions.
_SUFFIXES = frozenset(
    """jr sr ii iii iv v""".split()  # noqa: SIM905 (a word list reads better as text)
)
# Lower-case surname particles: ``van Roe`` on its own is a surname, not a first name plus a surname.
_PARTICLES = frozenset(
    """de del della der di da das dos du van von ver le la al el bin ben ibn st""".split()  # noqa: SIM905 (a word list reads better as text)
)


def _match_tokens(name: str) -> tuple[str, ...]:
    tokens = ids.name_key(name).split()
    while len(tokens) > 1 and tokens[0] in _HONORIFICS:
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[-1] in _SUFFIXES:
        tokens = tokens[:-1]
    return tuple(tokens)


def _surname_start(tokens: tuple[str, ...]) -> int:
    """Index where the surname starts: the last word plus any particles right before it."""
    at = len(tokens) - 1
    while at > 0 and tokens[at - 1] in _PARTICLES:
        at -= 1
    return at


def _is_surname_only(tokens: tuple[str, ...]) -> bool:
    return _surname_start(tokens) == 0


@dataclass(frozen=True, slots=True)
class _FullName:
    first: str
    middles: tuple[str, ...]
    surname: tuple[str, ...]


def _split_full(tokens: tuple[str, ...]) -> _FullName:
    at = _surname_start(tokens)
    return _FullName(tokens[0], tokens[1:at], tokens[at:])


def _middles_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    if not a or not b:
        return True
    if len(a) != len(b):
        return False
    return all(
        x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))
        for x, y in zip(a, b, strict=True)
    )


class _UnionFind:
    def __init__(self, items: Iterable[str]) -> None:
        self.parent = {x: x for x in items}

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # The smaller root wins so the structure does not depend on the order of unions.
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo


def _is_clique(keys: list[tuple[str, ...]]) -> bool:
    split = [_split_full(k) for k in keys]
    return all(_middles_compatible(a.middles, b.middles) for i, a in enumerate(split) for b in split[i + 1 :])


def _merge_middle_variants(full_keys: Sequence[tuple[str, ...]], uf: _UnionFind) -> None:
    """Rule 2: join full names that differ only by compatible middle names."""
    by_first_last: dict[tuple[str, tuple[str, ...]], list[tuple[str, ...]]] = defaultdict(list)
    for k in full_keys:
        f = _split_full(k)
        by_first_last[(f.first, f.surname)].append(k)
    for keys in by_first_last.values():
        if len(keys) < 2:
            continue
        keys = sorted(keys)
        if _is_clique(keys):
            group = keys
        else:
            # Conflicting middles: only the middled forms that agree with each other may still join.
            middled = [k for k in keys if _split_full(k).middles]
            group = middled if len(middled) > 1 and _is_clique(middled) else []
        for k in group[1:]:
            uf.union(" ".join(group[0]), " ".join(k))


def _fold(texts: Iterable[str]) -> set[str]:
    return {ids.name_key(t) for t in texts if ids.name_key(t)}


def _overlaps(mine: set[str], theirs: set[str]) -> bool:
    """Shared alias or role; a role also overlaps a longer role containing it (``CEO`` / ``former CEO``)."""
    return any(x == y or f" {x} " in f" {y} " or f" {y} " in f" {x} " for x in mine for y in theirs)


def _canonical(names: list[tuple[str, PagePerson]]) -> str:
    """Fullest form among the page-level names of one person; deterministic."""
    pages_using: dict[str, set[str]] = defaultdict(set)
    for article, pp in names:
        pages_using[pp.name].add(article)

    def rank(name: str) -> tuple[int, int, int, int, int, str]:
        tokens = _match_tokens(name)
        words = [w for w in name.split() if w[:1].isalpha() and w.lower() not in _PARTICLES]
        # Written as a name usually is: capitalised, not shouted in capitals (initials like "JD" aside).
        proper = all(w[:1].isupper() and not (len(w) > 2 and w.isupper()) for w in words)
        has_honorific = len(ids.name_key(name).split()) != len(tokens)
        # Pages that keep the accents spell the name as its owner does; folding only ever removes them.
        n_accented = sum(1 for ch in name if ord(ch) > 127 and ch.isalpha())
        return (
            -len(tokens),
            -len(pages_using[name]),
            0 if proper and not has_honorific else 1,
            -n_accented,
            len(name),
            name,
        )

    return min(pages_using, key=rank)


def resolve_people(
    results: Sequence[PageResult],
) -> tuple[tuple[Person, ...], dict[tuple[str, str], str]]:
    """Join page-local people into batch-wide persons.

    Returns the distinct persons (sorted by canonical name, then id) and ``person_of``, mapping
    ``(article_id, PagePerson.name)`` to the person's id.
    """
    entries: list[tuple[str, PagePerson]] = sorted(
        (
            (r.article_id, pp)
            for r in results
            if r.article_id is not None
            for pp in r.extraction.people
            if _match_tokens(pp.name)
        ),
        key=lambda e: (e[0], e[1].name, e[1].aliases, e[1].roles),
    )
    key_of = {(a, pp.name): _match_tokens(pp.name) for a, pp in entries}
    all_keys = sorted(set(key_of.values()))
    uf = _UnionFind(" ".join(k) for k in all_keys)

    full_keys = [k for k in all_keys if not _is_surname_only(k)]
    _merge_middle_variants(full_keys, uf)

    # Evidence to choose between namesakes: the aliases and roles each full-name cluster carries.
    evidence: dict[str, set[str]] = defaultdict(set)
    for a, pp in entries:
        root = uf.find(" ".join(key_of[(a, pp.name)]))
        evidence[root] |= _fold(pp.aliases) | _fold(pp.roles)

    full_roots_by_surname: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for k in full_keys:
        full_roots_by_surname[_split_full(k).surname].add(uf.find(" ".join(k)))

    # Rule 3, page by page: the same bare surname may be resolvable on one page and not on another.
    bare_target: dict[tuple[str, str], str] = {}
    for a, pp in entries:
        k = key_of[(a, pp.name)]
        if not _is_surname_only(k):
            continue
        candidates = sorted(full_roots_by_surname.get(k, ()))
        if len(candidates) > 1:
            mine = (_fold(pp.aliases) | _fold(pp.roles)) - {" ".join(k)}
            candidates = [c for c in candidates if _overlaps(mine, evidence[c] - {" ".join(k)})]
        if len(candidates) == 1:
            bare_target[(a, pp.name)] = candidates[0]

    def cluster_of(a: str, name: str) -> str:
        return bare_target.get((a, name)) or uf.find(" ".join(key_of[(a, name)]))

    members: dict[str, list[tuple[str, PagePerson]]] = defaultdict(list)
    for a, pp in entries:
        members[cluster_of(a, pp.name)].append((a, pp))

    people: list[Person] = []
    person_of: dict[tuple[str, str], str] = {}
    for group in members.values():
        name = _canonical(group)
        pid = ids.person_id(name)
        forms = {pp.name for _, pp in group} | {al for _, pp in group for al in pp.aliases}
        aliases = tuple(
            sorted((f for f in forms if f != name and f.strip()), key=lambda f: (f.casefold(), f))
        )
        roles_seen: dict[str, str] = {}
        for role in sorted({r.strip() for _, pp in group for r in pp.roles if r.strip()}):
            roles_seen.setdefault(" ".join(role.casefold().split()), role)
        roles = tuple(sorted(roles_seen.values(), key=lambda r: (r.casefold(), r)))
        people.append(Person(pid, name, aliases, roles))
        for a, pp in group:
            person_of[(a, pp.name)] = pid
    people.sort(key=lambda p: (ids.name_key(p.name), p.person_id))
    return tuple(people), person_of
