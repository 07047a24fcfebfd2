"""Exceptions and the stable reason codes recorded in ``sources.reason_code``.

AidebateError
├── SourceError            an input file that cannot become a page (recorded, the batch goes on)
│   ├── EmptySource        reason_code "empty"
│   ├── UndecodableSource  reason_code "undecodable" / "binary"
│   └── TooLargeSource     reason_code "too_large"
├── PageError              a decoded page with no recognisable article (recorded, the batch goes on)
│   └── NoArticle          reason_code "no_article"
└── WarehouseError         the run itself cannot happen (non-zero exit)
    └── WarehouseLocked    reason_code "locked": another run holds the warehouse
"""

from __future__ import annotations


class AidebateError(Exception):
    """Base of every error this package raises on purpose."""

    reason_code = "error"


class SourceError(AidebateError):
    reason_code = "unreadable"


class EmptySource(SourceError):
    reason_code = "empty"


class UndecodableSource(SourceError):
    reason_code = "undecodable"


class BinarySource(UndecodableSource):
    reason_code = "binary"


class TooLargeSource(SourceError):
    reason_code = "too_large"


class PageError(AidebateError):
    reason_code = "page_error"


class NoArticle(PageError):
    reason_code = "no_article"


class WarehouseError(AidebateError):
    reason_code = "warehouse_error"


class WarehouseLocked(WarehouseError):
    reason_code = "locked"


# A page that fails in a way nobody foresaw is still recorded, under this code, with the exception text.
UNEXPECTED = "unexpected_error"
