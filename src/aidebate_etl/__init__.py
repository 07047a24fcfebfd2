"""aidebate-etl."""
