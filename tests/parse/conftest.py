from __future__ import annotations

from pathlib import Path

import pytest

from aidebate_etl.parse import parse_page
from aidebate_etl.records import PageStructure

PAGES = Path(__file__).parent / "pages"


@pytest.fixture
def parsed_page():
    """Parse a hand-written test page by its file stem."""

    def _parse(stem: str) -> PageStructure:
        return parse_page((PAGES / f"{stem}.txt").read_text(encoding="utf-8"))

    return _parse
