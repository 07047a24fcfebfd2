"""Versions written into every run: the code that made the rows and the shape of the tables."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from aidebate_etl.tables import SCHEMA_VERSION

try:
    CODE_VERSION = version("aidebate-etl")
except PackageNotFoundError:  # running from a source tree that was not installed
    CODE_VERSION = "0+unknown"

__all__ = ["CODE_VERSION", "SCHEMA_VERSION"]
