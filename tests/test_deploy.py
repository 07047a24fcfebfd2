"""The nightly deployment as users create it: prefect.yaml + `prefect deploy` + a process worker.

Against the session's real Prefect server: the work pool is created, `prefect --no-prompt deploy --all`
reads the repository's prefect.yaml, one run is triggered with its parameters pointed at temporary
folders, and `prefect worker start --run-once` executes it in a subprocess, as a deployed machine would.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
import yaml

from aidebate_etl import pipeline

pytestmark = pytest.mark.flow

REPO = Path(__file__).resolve().parent.parent
PREFECT = str(Path(sys.executable).with_name("prefect"))


def _declared() -> dict:
    (deployment,) = yaml.safe_load((REPO / "prefect.yaml").read_text())["deployments"]
    return deployment


def test_deploy_prefect_yaml_declares_a_cron_schedule_on_a_process_pool() -> None:
    from prefect.utilities.importtools import import_object

    deployment = _declared()
    assert deployment["schedules"][0]["cron"] == "0 2 * * *"
    flow = import_object(str(REPO / deployment["entrypoint"]))
    assert set(deployment["parameters"]) <= set(flow.parameters.properties)
    assert set(deployment["parameters"]) >= {"source", "warehouse"}


def test_deploy_prefect_yaml_runs_once_through_a_process_worker(
    prefect_harness: None, seed_dir: Path, tmp_path: Path
) -> None:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.actions import WorkPoolCreate
    from prefect.deployments import run_deployment
    from prefect.settings import PREFECT_API_URL

    deployment = _declared()
    pool = deployment["work_pool"]["name"]
    env = os.environ | {
        "PREFECT_API_URL": PREFECT_API_URL.value(),
        "PREFECT_HOME": str(tmp_path / "prefect-home"),
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_LOGGING_LEVEL": "WARNING",
    }

    def prefect(*args: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [PREFECT, *args], cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=False
        )
        assert done.returncode == 0, done.stdout + done.stderr
        return done

    with get_client(sync_client=True) as client:
        client.create_work_pool(WorkPoolCreate(name=pool, type="process"), overwrite=True)
    deployed = prefect("--no-prompt", "deploy", "--all")
    assert "successfully created" in deployed.stdout

    warehouse = tmp_path / "warehouse"
    flow_run = run_deployment(
        f"aidebate-etl/{deployment['name']}",
        parameters={"source": str(seed_dir), "warehouse": str(warehouse)},
        timeout=0,  # only schedule it: the worker below runs it
    )
    # --limit 1 makes a --run-once worker wait for the run it started before it exits.
    prefect("worker", "start", "--pool", pool, "--run-once", "--limit", "1")

    with get_client(sync_client=True) as client:
        state = client.read_flow_run(flow_run.id).state
        dep = client.read_deployment_by_name(f"aidebate-etl/{deployment['name']}")
    assert state is not None and state.is_completed(), state
    assert [s.schedule.cron for s in dep.schedules] == ["0 2 * * *"]
    with duckdb.connect(str(warehouse / pipeline.DB_NAME), read_only=True) as con:
        assert con.execute("select count(*) from articles").fetchone()[0] == len(list(seed_dir.iterdir()))
