"""The seed pages parse to the figures of the hand-made gold (read at test time, not copied here)."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from aidebate_etl.parse import parse_page

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
GOLD = ROOT.parent / "shared" / "gold" / "seeds.json"

pytestmark = pytest.mark.skipif(not GOLD.exists() or not SEEDS.exists(), reason="seed gold not available")


def _norm(s: str | None) -> str:
    # The scorer's comparison: NFKC, typographic quotes and dashes folded, whitespace collapsed.
    fold = str.maketrans(
        {"’": "'", "‘": "'", "“": '"', "”": '"', "—": "-", "–": "-", "…": "...", "\u00a0": " "}
    )
    s = unicodedata.normalize("NFKC", s or "").translate(fold).casefold()
    return re.sub(r"\s+", " ", s).strip().strip(" \"',.;:!?")


def _docs() -> list[dict]:
    return json.loads(GOLD.read_text(encoding="utf-8"))["documents"] if GOLD.exists() else []


@pytest.mark.parametrize("doc", _docs(), ids=lambda d: d["source_file"])
def test_seeds_article_matches_gold(doc: dict) -> None:
    gold = doc["article"]
    s = parse_page((SEEDS / doc["source_file"]).read_text(encoding="utf-8"))
    assert _norm(s.title) == _norm(gold["title"])
    assert _norm(s.subtitle) == _norm(gold.get("subtitle"))
    assert len(s.paragraphs) == gold["body_paragraphs"]
    assert _norm(s.body).startswith(_norm(gold["body_starts_with"]))
    assert _norm(s.body).endswith(_norm(gold["body_ends_with"]))
    assert all(_norm(junk) not in _norm(s.body) for junk in gold["not_in_body"])
    assert sorted(map(_norm, s.image_captions)) == sorted(map(_norm, gold["image_captions"]))
    assert sorted(map(_norm, s.image_credits)) == sorted(map(_norm, gold["image_credits"]))
    assert s.declared_comment_count == gold["declared_comment_count"]


@pytest.mark.parametrize("doc", _docs(), ids=lambda d: d["source_file"])
def test_seeds_comments_match_gold(doc: dict) -> None:
    s = parse_page((SEEDS / doc["source_file"]).read_text(encoding="utf-8"))
    got = [(c.position, _norm(c.author), c.parent_position, c.depth, _norm(c.body)) for c in s.comments]
    want = [
        (g["n"], _norm(g["author"]), g["parent_n"], g["depth"], _norm(g["body"])) for g in doc["comments"]
    ]
    assert got == want
