"""A benchmark corpus of any size, made from our own hand-written pages (``tests/pages/*.txt``).

Page ``i`` is template ``i mod T`` with one deterministic, content-neutral edit: a last line of
whitespace that spells ``i`` in binary (space = 0, tab = 1). Every file therefore has its own bytes,
hash and ``article_id`` (no page is set aside as a duplicate), while parsing and extraction see the
same text as the template, so a 2,000-page corpus costs the same per page as the templates do and its
output is predictable. Files are written one at a time: the corpus is never held in memory.

The price of copies is realism in the one cross-page step: every person and claim recurs ``N / T``
times, which is a heavier load for claim grouping than a real news crawl (see the README, Benchmark).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "tests" / "pages"


@dataclass(frozen=True, slots=True)
class Corpus:
    folder: Path
    pages: int
    chars: int  # decoded characters of all pages, the unit of the chars/s figures


def templates(folder: Path = TEMPLATES_DIR) -> list[Path]:
    found = sorted(folder.glob("*.txt"))
    if not found:
        raise FileNotFoundError(f"no template pages (*.txt) in {folder}")
    return found


def unique_suffix(i: int) -> bytes:
    """A whitespace-only last line, different for every ``i`` (binary of ``i`` has no leading 0)."""
    return b"\n" + format(i, "b").replace("0", " ").replace("1", "\t").encode("ascii") + b"\n"


def write_corpus(folder: Path, n_pages: int, sources: Sequence[Path] | None = None) -> Corpus:
    """Write ``n_pages`` unique pages into ``folder`` (created; must not already hold pages)."""
    paths = list(sources) if sources is not None else templates()
    folder.mkdir(parents=True, exist_ok=True)
    if any(folder.iterdir()):
        raise FileExistsError(f"corpus folder {folder} is not empty")
    # The templates are a few kB each; the corpus is written page by page and never held.
    texts = [p.read_bytes() for p in paths]
    chars = 0
    width = len(str(max(n_pages - 1, 0)))
    for i in range(n_pages):
        k = i % len(paths)
        data = texts[k].rstrip(b"\n") + unique_suffix(i)
        (folder / f"{i:0{width}d}_{paths[k].stem}.txt").write_bytes(data)
        chars += len(data.decode("utf-8", errors="replace"))
    return Corpus(folder, n_pages, chars)
