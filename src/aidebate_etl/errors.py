"""Exceptions and the stable reason codes recorded in ``sources.reason_code`` and ``rejects.reason_code``.

AidebateError
├── SourceError            an input file that cannot become a page (recorded, the batch goes on)
│   ├── EmptySource        reason_code "empty"
│   ├── UndecodableSource  reason_code "undecodable"
│   │   └── BinarySource   reason_code "binary"
│   └── TooLargeSource     reason_code "too_large"
├── PageError              a decoded page with no recognisable article (recorded, the batch goes on)
│   └── NoArticle          reason_code "no_article"
└── WarehouseError         the run itself cannot happen (non-zero exit)
    └── WarehouseLocked    reason_code "locked": another run holds the warehouse

Every reason code, where it is written and by whom:

=================  ==============================  ==================================================
code               where                           meaning
=================  ==============================  ==================================================
empty              sources (sources.read_page)     0 bytes, or only whitespace
binary             sources (sources.read_page)     NUL bytes, or >5 % control characters
undecodable        sources (sources.read_page)     a byte-order mark the bytes after it contradict
too_large          sources (sources.read_page)     over sources.MAX_SOURCE_BYTES (20 MB)
unreadable         sources (sources.read_page)     the file could not be opened or read (permissions)
no_article         sources (parse)                 decoded text with no recognisable article
unexpected_error   sources (pipeline.process_page) a bug met on this page; the exception text is kept
duplicate_content  sources (pipeline.plan_sources) same bytes as a file earlier by name (status duplicate)
invalid_article    sources (validate.py)           the page's article row failed validation
orphan_reference   rejects (validate.py)           a row pointing at a key its parent table lacks
<pandera reason>   rejects (validate.py)           a failed row check, pandera's code lower-cased
                                                   (dataframe_check, series_contains_nulls, ...)
locked             WarehouseLocked (store/lock.py) another run holds the warehouse; nothing written
=================  ==============================  ==================================================
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
