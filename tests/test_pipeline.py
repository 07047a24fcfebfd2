from __future__ import annotations

from pathlib import Path

import pytest

from aidebate_etl import pipeline


def test_pipeline_stage_inputs_come_from_earlier_stages() -> None:
    available = {"source_dir"}
    for stage in pipeline.STAGES:
        missing = set(stage.requires) - available
        assert not missing, f"{stage.name} needs {missing} before it runs"
        available |= set(stage.produces)


@pytest.mark.parametrize("copies", [2, 3])
def test_pipeline_plan_sets_byte_identical_copies_aside(tmp_path: Path, copies: int) -> None:
    for i in range(copies):
        (tmp_path / f"copy {i}.txt").write_text("Same page\n\nSame body.\n", encoding="utf-8")
    (tmp_path / "other.txt").write_text("Other page\n\nOther body.\n", encoding="utf-8")

    plan = pipeline.plan_sources(tmp_path)

    assert [p.name for p in plan.paths] == ["copy 0.txt", "other.txt"]
    assert [d.source_file for d in plan.duplicates] == [f"copy {i}.txt" for i in range(1, copies)]
    assert {d.duplicate_of for d in plan.duplicates} == {"copy 0.txt"}
    assert plan.files_in == copies + 1
