"""The quality gate: the shared scorer over annotated page sets, against floors set from measurements.

Floors only move up. Lowering one needs a reason in the commit message.
"""

from __future__ import annotations

import pytest

from aidebate_etl.evaluation import DEFAULT_SCORER, PAGE_SETS, score_page_set

FLOORS = {
    "seeds": ["article_acc=1", "comments_exact=1", "people_f1=0.9", "claims_f1=0.8", "groups_f1=0.6"],
}


@pytest.mark.skipif(
    not DEFAULT_SCORER.exists(), reason="../shared/eval/score.py is not beside the repository"
)
@pytest.mark.parametrize("page_set", [s for s in PAGE_SETS if s.name in FLOORS], ids=lambda s: s.name)
def test_quality_scores_meet_floors(page_set) -> None:
    done = score_page_set(page_set, minimums=FLOORS[page_set.name], errors=True)
    assert done.returncode == 0, done.stdout + done.stderr
