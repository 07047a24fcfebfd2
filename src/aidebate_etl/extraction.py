"""One decoded page -> its ``PageResult``: the per-page work the cache saves.

Kept apart from pipeline.py so that cache.py can hash exactly this composition (with parse/, extract/,
records.py and sources.py) into the extractor version: a change here re-extracts every page, a change to
the pipeline's other stages does not.
"""

from __future__ import annotations

from dataclasses import replace

from aidebate_etl import errors, ids
from aidebate_etl.extract.claims import extract_claims
from aidebate_etl.extract.comment_quotes import extract_comment_quotes
from aidebate_etl.extract.nlp import load_nlp
from aidebate_etl.extract.people import extract_people
from aidebate_etl.parse import parse_page
from aidebate_etl.records import Page, PageExtraction, PageResult, SourceRecord
from aidebate_etl.sources import loaded_source

__all__ = ["extract_page"]


def extract_page(page: Page) -> PageResult:
    """Parse and extract one page. Never raises for a bad page: the reason is recorded."""
    try:
        structure = parse_page(page.text)
        nlp = load_nlp()
        people, mentions = extract_people(structure, nlp)
        claims = extract_claims(structure, people, mentions)
        quotes = extract_comment_quotes(structure, claims)
    except errors.AidebateError as exc:
        return PageResult(source=_rejected_after_read(page, exc.reason_code, str(exc)))
    except Exception as exc:
        detail = f"{type(exc).__name__}: {exc}"
        return PageResult(source=_rejected_after_read(page, errors.UNEXPECTED, detail))
    extraction = PageExtraction(people, mentions, claims, quotes)
    return PageResult(loaded_source(page), ids.article_id(page.sha256), structure, extraction)


def _rejected_after_read(page: Page, reason_code: str, error: str) -> SourceRecord:
    """A page that decoded but could not be parsed or extracted keeps its hash, size and encoding."""
    return replace(loaded_source(page), status="rejected", reason_code=reason_code, error=error)
