"""`python -m aidebate_etl` is the `aidebate-etl` command."""

from aidebate_etl.cli import main

main()
