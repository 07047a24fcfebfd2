"""The quality gate: the shared scorer over annotated page sets, against floors set from measurements.

Floors only move up. Lowering one needs a reason in the commit message.
"""

from __future__ import annotations

import pytest

from aidebate_etl.evaluation import DEFAULT_SCORER, PAGE_SETS, score_page_set


def _floors(
    article: float, comments: float, people: float, claims: float, groups: float, cq: float
) -> list[str]:
    return [
        f"article_acc={article}",
        f"comments_exact={comments}",
        f"people_f1={people}",
        f"claims_f1={claims}",
        f"groups_f1={groups}",
        f"comment_quotes_f1={cq}",
    ]


# Each floor sits a little under the figure last measured (README, Quality), so a change that costs
# quality on any set fails here. The seeds' floors are the ones issue 4 asks for, except people, where
# the one miss needs world knowledge (a surname never given in full on either page).
FLOORS = {
    "seeds": _floors(1, 1, 0.96, 0.95, 0.9, 0.95),
    "own": _floors(1, 1, 0.98, 0.98, 0.9, 0.95),
    "holdout": _floors(0.99, 1, 0.91, 0.96, 0.8, 0.9),
    "holdout2": _floors(1, 1, 0.96, 0.91, 0.85, 0.95),
    "holdout3": _floors(1, 1, 0.97, 0.98, 0.95, 0.95),
    "holdout4": _floors(0.99, 1, 0.96, 0.95, 0.85, 0.95),
    # tuned on for page structure and comments (article 143/143, comments 24/24) and for people and claims
    # (F1 0.99 and 1.00, first measured 0.89 and 0.79); groups and comment quotes are a guard only
    "holdout5": _floors(0.98, 0.95, 0.97, 0.97, 0.9, 0.75),
    # tuned on for page structure and comments (article 176/176, comments 39/39, first measured 148/176 and
    # 8/39) and for people and claims (F1 0.92 and 0.83, groups 0.67, first measured 0.90, 0.74, 0.52);
    # comment quotes are a guard only (measured 0.89)
    "holdout6": _floors(0.98, 0.95, 0.9, 0.8, 0.62, 0.85),
    # tuned on for page structure and comments (article 115/115, comments 33/33, first measured 104/115 and
    # 17/33) and for people and claims (F1 0.97 and 0.94, first measured 0.97 and 0.90); groups and comment
    # quotes are a guard only (measured 0.74, 1.00)
    "holdout7": _floors(0.98, 0.95, 0.95, 0.91, 0.7, 0.85),
    # tuned on for page structure and comments (article 104/104, comments 18/18, first measured 88/104 and
    # 10/18); people, claims, groups and comment quotes are a guard only (first measured 0.88, 0.88, 0.45,
    # 1.00)
    "holdout8": _floors(0.98, 0.95, 0.85, 0.85, 0.4, 0.85),
    # never tuned on: a guard against changes that cost quality on unseen pages, not a target
    "holdout9": _floors(0.9, 0.2, 0.9, 0.85, 0.7, 0.7),
}


@pytest.mark.skipif(
    not DEFAULT_SCORER.exists(), reason="../shared/eval/score.py is not beside the repository"
)
@pytest.mark.parametrize("page_set", [s for s in PAGE_SETS if s.name in FLOORS], ids=lambda s: s.name)
def test_quality_scores_meet_floors(page_set) -> None:
    done = score_page_set(page_set, minimums=FLOORS[page_set.name], errors=True)
    assert done.returncode == 0, done.stdout + done.stderr
