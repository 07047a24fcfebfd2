"""Render the report: warehouse -> data -> charts -> one self-contained HTML file."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import jinja2

from aidebate_etl.report.charts import report_charts, vega_javascript
from aidebate_etl.report.sections import ReportData, load_report_data
from aidebate_etl.store.duckdb import open_readonly

DB_NAME = "aidebate.duckdb"


def _environment() -> jinja2.Environment:
    # Autoescape everything: titles, comments and claims are text off the web and may hold markup.
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("aidebate_etl.report", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["thousands"] = lambda n: f"{n:,}" if isinstance(n, int) else n
    env.filters["percent"] = lambda x: f"{x:.0%}"
    env.filters["seconds"] = lambda x: f"{x:,.1f} s" if x >= 10 else f"{x:.2f} s"
    env.filters["when"] = lambda t: t.strftime("%Y-%m-%d %H:%M:%S %Z").strip()
    return env


def render_html(data: ReportData, *, javascript: str | None = None) -> str:
    """The page for ``data``; ``javascript`` is the Vega bundle (built when not given)."""
    charts = report_charts(data)
    template = _environment().get_template("report.html.j2")
    return template.render(
        data=data,
        charts=charts,
        vega_javascript=vega_javascript() if javascript is None else javascript,
    )


def build_report(warehouse: Path) -> str:
    """The report of the warehouse in folder ``warehouse``, as HTML."""
    with open_readonly(warehouse / DB_NAME) as con:
        data = load_report_data(con, str(warehouse))
    return render_html(data)


def write_report(warehouse: Path, out: Path | None = None) -> Path:
    """Write the report (default ``<warehouse>/report.html``) atomically and return its path."""
    out = out if out is not None else warehouse / "report.html"
    html = build_report(warehouse)
    out.parent.mkdir(parents=True, exist_ok=True)
    # Written beside the target and renamed, so a browser never shows a half-written page.
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(html)
        os.chmod(tmp, 0o644)  # mkstemp's 0600 would hide the report from anyone else on the machine
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out
