"""Named points in a run where a test can stop the process, to prove a ``kill -9`` there loses nothing.

With ``AIDEBATE_PAUSE_AT=<point>`` and ``AIDEBATE_PAUSE_FILE=<path>`` in the environment, the process
writes the point's name to the file when it gets there and waits until ``<path>.go`` exists (or 120 s),
so the test knows exactly where the run is when it sends SIGKILL, or lets it go on. Without the
variables, ``reached`` costs one dictionary lookup.

Points, in run order: ``locked`` (lock taken, nothing written), ``page_extracted`` (one page extracted
in this process), ``cache_entry_written`` (a cache entry's temp file written, not yet renamed),
``parquet_staged`` (every Parquet file written under a temporary name), ``duckdb_built`` (the new
DuckDB file complete beside the live one, not yet swapped in), ``duckdb_switched`` (DuckDB swapped in,
the Parquet link not yet: the only moment the two disagree), ``parquet_switched`` (both switched, old
sets not yet pruned), ``published`` (cache not yet pruned).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

__all__ = ["reached"]

_WAIT_SECONDS = 120.0


def reached(point: str) -> None:
    if os.environ.get("AIDEBATE_PAUSE_AT") != point:
        return
    marker = Path(os.environ["AIDEBATE_PAUSE_FILE"])
    marker.write_text(point, encoding="utf-8")
    go = marker.with_name(marker.name + ".go")
    deadline = time.monotonic() + _WAIT_SECONDS
    while not go.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
