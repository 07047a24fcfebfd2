"""Fixtures shared by the extraction tests: the spaCy pipeline, loaded once per test session."""

from __future__ import annotations

import pytest
from spacy.language import Language

from aidebate_etl.extract.nlp import load_nlp


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()
