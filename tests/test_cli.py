"""The command as users start it: console script and `python -m`, in a real subprocess."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("module", ["aidebate_etl", "aidebate_etl.cli"])
def test_cli_python_m_runs_the_command(module: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", module, "run", "--help"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "--warehouse" in done.stdout and "--source" in done.stdout
