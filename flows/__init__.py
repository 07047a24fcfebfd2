"""Prefect flows and deployments: thin orchestration over the aidebate_etl library."""
