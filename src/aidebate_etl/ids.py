"""Stable ids: hashes of content and names, never of row order or run time.

The same input gives the same ids on every run and machine. Each id carries a short prefix naming
its table so that a stray id in a log says what it is.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

_ID_HEX = 16  # 64 bits: collision odds stay negligible far beyond millions of rows


def _digest(*parts: object) -> str:
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:_ID_HEX]


def article_id(sha256: str) -> str:
    """Content-addressed: the same page text under any file name is the same article."""
    return "art_" + sha256[:_ID_HEX]


def comment_id(article: str, position: int) -> str:
    return "com_" + _digest(article, position)


def claim_id(article: str, kind: str, start_char: int, end_char: int) -> str:
    return "clm_" + _digest(article, kind, start_char, end_char)


# Letters NFKD leaves whole (they are letters of their own, not a base letter plus an accent), spelled
# as an English-language page would write the name without them: Søren/Soren, Łukasz/Lukasz, Straße/Strasse.
_FOLD_LETTERS = str.maketrans(
    {
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "ß": "ss",
        "ẞ": "SS",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "Th",
        "ħ": "h",
        "Ħ": "H",
        "ŧ": "t",
        "Ŧ": "T",
        "ı": "i",
    }
)


def mention_id(
    article: str, field: str, field_index: int, comment_position: int | None, start: int, end: int
) -> str:
    """From where the mention sits: the same span of the same page is the same mention."""
    return "men_" + _digest(article, field, field_index, comment_position, start, end)


def reject_id(table: str, row_data: str, column: str | None, check: str, occurrence: int = 0) -> str:
    """From the rejected row's content and the failed check, not its run or row number.

    A re-run rejects the same rows under the same ids, and adding a page does not renumber them.
    ``occurrence`` tells apart byte-identical rows failing the same check (a duplicated key flags both).
    """
    return "rej_" + _digest(table, row_data, column, check, occurrence or None)


def name_key(name: str) -> str:
    """Comparable form of a person's name: case, accents, possessives and punctuation folded."""
    s = unicodedata.normalize("NFKD", name.translate(_FOLD_LETTERS))
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    s = s.replace("\u2019", "'")
    s = re.sub(r"'s$", "", s.strip())
    s = re.sub(r"[^\w ]+", " ", s)
    return re.sub(r"\s+", " ", s).strip()


def person_id(canonical_name: str) -> str:
    return "per_" + _digest(name_key(canonical_name))


def claim_group_id(member_claim_ids: list[str] | tuple[str, ...] | set[str]) -> str:
    """Named after the smallest member, so adding a variant to a group keeps its id in most cases."""
    return "grp_" + min(member_claim_ids)[4:]
