"""One writer per warehouse: an ``flock`` on ``<warehouse>/aidebate.duckdb.lock``, held for the whole run.

Why flock: the kernel drops it when the holding process dies, ``kill -9`` included, so a crashed run
never leaves a stale lock for a human to delete. The holder writes its run id, pid, host and start time
into the file, which is what the next run's error message quotes.

Re-entrant within a process (the Prefect flow takes the lock, and its publish task, on a thread of the
same process, asks again). A task running in *another* process (a Dask worker) cannot share an flock, so
it may act for the holder when the file names its run id and the lock is held: ``held_for(run_id)``.
Readers take no part in this: they open the DuckDB file read-only and are never blocked (see duckdb.py).
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from aidebate_etl import errors
from aidebate_etl.store.leftovers import remove_leftovers

__all__ = ["LOCK_NAME", "held_for", "lock_path", "run_lock", "warehouse_lock"]

LOCK_NAME = "aidebate.duckdb.lock"
_POLL_SECONDS = 0.2


# lock file -> (the handle holding it, its run id), for the locks this process holds
_held: dict[Path, tuple[IO[str], str | None]] = {}
_guard = threading.Lock()


def lock_path(warehouse: Path) -> Path:
    return Path(warehouse) / LOCK_NAME


@contextmanager
def warehouse_lock(
    warehouse: Path,
    *,
    run_id: str | None = None,
    wait_seconds: float = 0.0,
    on_acquire: Callable[[], object] | None = None,
) -> Iterator[Path]:
    """Hold the warehouse's writer lock for the block; yields the lock file's path.

    Raises ``errors.WarehouseLocked`` at once (or after ``wait_seconds``) when another process holds it.
    ``on_acquire`` runs once the lock is newly taken (not when this process already held it): the place to
    clear what a crashed writer left, since no other writer can exist then.
    """
    path = lock_path(warehouse)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Opening never disturbs a lock: flock belongs to one open file description, not to the file.
    handle = path.open("a+", encoding="utf-8")
    try:
        key = path.resolve()
        with _guard:
            outer = _held.get(key)
            if outer is not None and outer[1] is None and run_id is not None:
                # The lock was taken before the run had an id (a CLI takes it before starting the flow):
                # name the run now, so its workers in other processes can act under it (held_for).
                _write_owner(outer[0], run_id)
                _held[key] = (outer[0], run_id)
        if outer is not None:  # an outer block of this process holds it and will release it
            yield path
            return
        _acquire(handle, path, wait_seconds)
        _write_owner(handle, run_id)
        with _guard:
            _held[key] = (handle, run_id)
        try:
            if on_acquire is not None:
                on_acquire()
            yield path
        finally:
            with _guard:
                del _held[key]
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    finally:
        handle.close()


def held_for(warehouse: Path, run_id: str) -> bool:
    """True when this process holds the lock, or another one holds it on behalf of ``run_id``."""
    path = lock_path(warehouse)
    if not path.exists():
        return False
    with _guard:
        if path.resolve() in _held:
            return True
    with path.open("a+", encoding="utf-8") as probe:
        try:
            fcntl.flock(probe.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return _owner(path).get("run_id") == run_id
        fcntl.flock(probe.fileno(), fcntl.LOCK_UN)  # nobody holds it: not held for anyone
        return False


def _acquire(handle: IO[str], path: Path, wait_seconds: float) -> None:
    deadline = time.monotonic() + max(wait_seconds, 0.0)
    while True:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise errors.WarehouseLocked(_locked_message(path, wait_seconds)) from None
            time.sleep(_POLL_SECONDS)


def _write_owner(handle: IO[str], run_id: str | None) -> None:
    owner = {
        "run_id": run_id,
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "since": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    handle.seek(0)
    handle.truncate()
    handle.write(json.dumps(owner) + "\n")
    handle.flush()


def _owner(path: Path) -> dict[str, object]:
    try:
        owner = json.loads(path.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        return {}
    return owner if isinstance(owner, dict) else {}


def _locked_message(path: Path, wait_seconds: float) -> str:
    owner = _owner(path)
    who = ", ".join(f"{k} {owner[k]}" for k in ("run_id", "pid", "host", "since") if owner.get(k))
    waited = f" after waiting {wait_seconds:g} s" if wait_seconds > 0 else ""
    return (
        f"warehouse {str(path.parent)!r} is locked by another run ({who or 'owner unknown'}){waited}; "
        "only one run may write a warehouse at a time. Try again when it has finished; readers are not "
        "affected."
    )


@contextmanager
def run_lock(warehouse: Path, *, run_id: str | None = None, wait_seconds: float = 0.0) -> Iterator[Path]:
    """The one-writer lock on ``warehouse``, for a whole run; yields the lock file's path.

    Take it before anything else (before extraction) and hold it to the end. On taking it, whatever a
    killed run left (temp files and folders) is removed, since no other writer can exist then. Raises
    ``errors.WarehouseLocked`` with the holder's run id and pid when another process holds it (after
    ``wait_seconds``, 0 = at once). Re-entrant in one process; publish_tables run by another process
    of the same run (a Dask worker) acts under it when given the same ``run_id``.
    """
    Path(warehouse).mkdir(parents=True, exist_ok=True)
    sweep = lambda: remove_leftovers(Path(warehouse))  # noqa: E731 (a one-line callback)
    with warehouse_lock(warehouse, run_id=run_id, wait_seconds=wait_seconds, on_acquire=sweep) as path:
        yield path
