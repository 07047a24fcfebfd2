"""The report's charts as Vega-Lite specs (built with altair), and the JavaScript that draws them.

Specs carry their data inline, so the page needs nothing but the bundle from ``vega_javascript``. A chart
whose data is empty is left out (the template says so in words): an empty plot reads as a broken one.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

import altair as alt
import pandas as pd

from aidebate_etl.report.sections import ReportData, RunRow, SpeakerRow, ThreadRow

# Matches the page's text font, so charts and prose read as one document.
FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif'
INK = "#1f2933"
MUTED = "#52606d"
DIRECT = "#2b5c8a"
INDIRECT = "#9fbfdc"
WIDTH = 720
MAX_SPEAKERS = 25

Spec = dict[str, Any]


def _config(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    return (
        chart.configure(font=FONT, background="transparent")
        .configure_view(stroke=None)
        .configure_axis(
            labelColor=MUTED, titleColor=MUTED, labelFontSize=12, titleFontSize=12, titleFontWeight="normal"
        )
        .configure_axisY(labelLimit=220)
        .configure_axisX(grid=True, gridColor="#e4e7eb", domain=False, tickColor="#e4e7eb")
        .configure_legend(
            labelColor=MUTED, titleColor=MUTED, labelFontSize=12, titleFontSize=12, orient="top"
        )
        .configure_title(color=INK, fontSize=13, fontWeight=600, anchor="start", offset=10)
    )


def _count_axis(top: int, title: str) -> alt.Axis:
    """A whole-number axis: with small counts Vega would otherwise tick at 0.5 and print 0 1 1 2 2."""
    return alt.Axis(title=title, format="d", tickCount=max(1, min(int(top), 8)))


def speakers_chart(speakers: Sequence[SpeakerRow]) -> Spec | None:
    """Claims per speaker, direct and indirect stacked; a bar links to the speaker's claims below."""
    named = [s for s in speakers if s.speaker_name][:MAX_SPEAKERS]
    if not named:
        return None
    rows = [
        {"speaker": s.label, "kind": kind, "claims": count, "href": f"#{s.anchor}", "total": s.claim_count}
        for s in named
        for kind, count in (("direct", s.direct_claim_count), ("indirect", s.indirect_claim_count))
        if count
    ]
    order = [s.label for s in named]
    chart = (
        alt.Chart(pd.DataFrame(rows), height=alt.Step(22), width=WIDTH)
        .mark_bar(cursor="pointer")
        .encode(
            y=alt.Y("speaker:N", sort=order, title=None),
            x=alt.X("sum(claims):Q", axis=_count_axis(max(s.claim_count for s in named), "claims")),
            color=alt.Color(
                "kind:N",
                title="claim kind",
                scale=alt.Scale(domain=["direct", "indirect"], range=[DIRECT, INDIRECT]),
            ),
            order=alt.Order("kind:N", sort="ascending"),
            href="href:N",
            tooltip=[
                alt.Tooltip("speaker:N"),
                alt.Tooltip("kind:N"),
                alt.Tooltip("claims:Q"),
                alt.Tooltip("total:Q", title="all claims"),
            ],
        )
    )
    return _config(chart).to_dict()


def threads_chart(threads: Sequence[ThreadRow], depths: Sequence[dict[str, int]]) -> Spec | None:
    """Threads by size (coloured by how deep they go) beside comments by nesting depth."""
    if not threads:
        return None
    sizes = Counter((t.size, t.max_depth) for t in threads)
    size_rows = [{"size": s, "depth": d, "threads": n} for (s, d), n in sorted(sizes.items())]
    # The palest blues vanish on white, so depth 0 starts a third of the way in.
    most_threads = max(Counter(t.size for t in threads).values())
    most_comments = max((d["comments"] for d in depths), default=1)
    depth_scale = alt.Scale(scheme=alt.SchemeParams(name="blues", extent=[0.35, 1.0]))
    by_size = (
        alt.Chart(pd.DataFrame(size_rows), title="Threads by size", width=WIDTH // 2 - 20, height=220)
        .mark_bar()
        .encode(
            x=alt.X("size:O", title="comments in the thread", axis=alt.Axis(labelAngle=0)),
            y=alt.Y("sum(threads):Q", axis=_count_axis(most_threads, "threads")),
            color=alt.Color("depth:O", title="reply depth", scale=depth_scale),
            tooltip=[
                alt.Tooltip("size:O", title="comments"),
                alt.Tooltip("depth:O", title="reply depth"),
                alt.Tooltip("threads:Q"),
            ],
        )
    )
    by_depth = (
        alt.Chart(pd.DataFrame(list(depths)), title="Comments by depth", width=WIDTH // 2 - 20, height=220)
        .mark_bar(color=DIRECT)
        .encode(
            x=alt.X("depth:O", title="depth (0 = top level)", axis=alt.Axis(labelAngle=0)),
            y=alt.Y("comments:Q", axis=_count_axis(most_comments, "comments")),
            tooltip=[alt.Tooltip("depth:O"), alt.Tooltip("comments:Q")],
        )
    )
    chart = alt.hconcat(by_size, by_depth, spacing=40).resolve_scale(color="independent")
    return _config(chart).to_dict()


def sources_chart(status_counts: Sequence[dict[str, Any]]) -> Spec | None:
    """Input files by outcome: loaded, or why not."""
    if not status_counts:
        return None
    per_reason: Counter[str] = Counter()
    for r in status_counts:
        per_reason[r["reason"]] += r["files"]
    chart = (
        alt.Chart(pd.DataFrame(list(status_counts)), height=alt.Step(22), width=WIDTH // 2)
        .mark_bar()
        .encode(
            y=alt.Y("reason:N", sort="-x", title=None),
            x=alt.X(
                "sum(files):Q",
                axis=_count_axis(max(per_reason.values()), "input files"),
            ),
            color=alt.Color(
                "status:N",
                title="status",
                scale=alt.Scale(
                    domain=["loaded", "duplicate", "rejected"], range=["#3f7f5f", "#c9a227", "#b5473a"]
                ),
            ),
            tooltip=[alt.Tooltip("status:N"), alt.Tooltip("reason:N"), alt.Tooltip("files:Q")],
        )
    )
    return _config(chart).to_dict()


def stages_chart(run: RunRow | None) -> Spec | None:
    """Seconds per pipeline stage in the newest run."""
    if run is None or not run.stage_seconds:
        return None
    rows = [{"stage": k, "seconds": float(v)} for k, v in run.stage_seconds.items()]
    chart = (
        alt.Chart(pd.DataFrame(rows), height=alt.Step(22), width=WIDTH // 2)
        .mark_bar(color=DIRECT)
        .encode(
            y=alt.Y("stage:N", sort="-x", title=None),
            x=alt.X("seconds:Q", title="seconds"),
            tooltip=[alt.Tooltip("stage:N"), alt.Tooltip("seconds:Q", format=".3f")],
        )
    )
    return _config(chart).to_dict()


def report_charts(data: ReportData) -> dict[str, Spec]:
    """Chart id -> Vega-Lite spec, for the charts that have data."""
    charts = {
        "speakers": speakers_chart(data.speakers),
        "threads": threads_chart(data.threads, data.depths),
        "sources": sources_chart(data.source_status),
        "stages": stages_chart(data.latest_run),
    }
    return {name: spec for name, spec in charts.items() if spec is not None}


# Inside an inline <script>, only these sequences could end or derail the element early.
_SCRIPT_HAZARD = re.compile(r"</script|<!--", re.IGNORECASE)


@functools.cache
def vega_javascript() -> str:
    """Vega, Vega-Lite and vega-embed in one script, for the Vega-Lite version altair writes.

    vl-convert ships the libraries inside its wheel and bundles them offline (~1 MB, ~3 s, once per
    process), so the report needs no CDN.
    """
    import vl_convert

    version = ".".join(alt.VEGALITE_VERSION.split(".")[:2])
    bundle: str = vl_convert.javascript_bundle(vl_version=version)
    if _SCRIPT_HAZARD.search(bundle):
        raise RuntimeError("the Vega bundle holds '</script' or '<!--' and cannot be inlined as is")
    return bundle
