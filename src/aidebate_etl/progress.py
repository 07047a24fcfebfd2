"""A process-wide progress hook, so a front end (the CLI's bar) can follow a run it does not drive.

The flow reports pages as batches finish; whoever wants to show progress installs a hook. With no hook
installed, reporting costs nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol


class ProgressHook(Protocol):
    def start(self, total: int) -> None: ...

    def advance(self, n: int) -> None: ...


_hook: ProgressHook | None = None


@contextmanager
def reporting_to(hook: ProgressHook) -> Iterator[None]:
    global _hook
    previous, _hook = _hook, hook
    try:
        yield
    finally:
        _hook = previous


def start(total: int) -> None:
    if _hook is not None:
        _hook.start(total)


def advance(n: int) -> None:
    if _hook is not None:
        _hook.advance(n)
