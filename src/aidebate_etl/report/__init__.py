"""The warehouse report: one self-contained HTML page of the debate (``aidebate-etl report``).

``sections`` reads what each part shows from DuckDB, ``diff`` marks how claim variants differ,
``charts`` builds the Vega-Lite charts and inlines their JavaScript, ``render`` fills the template.
"""

from aidebate_etl.report.render import build_report, render_html, write_report

__all__ = ["build_report", "render_html", "write_report"]
