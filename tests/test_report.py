"""The HTML report: its data functions, the word diff, escaping, and the page in a real headless browser.

Warehouses come from the real pipeline (no Prefect): the seeds, an empty source folder, and a folder of
pages that are all rejected. The browser tests need Debian's chromium, which `make test` installs.
"""

from __future__ import annotations

import os
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb
import pytest

from aidebate_etl.pipeline import run_pipeline
from aidebate_etl.report import render_html, write_report
from aidebate_etl.report.diff import Segment, coverage, highlight_span, word_diff
from aidebate_etl.report.sections import (
    ClaimGroups,
    RejectRow,
    ReportData,
    RunRow,
    SourceProblem,
    article_rows,
    claim_groups,
    load_report_data,
    speaker_rows,
    thread_rows,
)

if TYPE_CHECKING:
    from playwright.sync_api import Page

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
CHROMIUM = Path("/usr/bin/chromium")
# This machine's closed network refuses Chromium's background connections (updates, sync, QUIC
# probes), which would otherwise stall start-up or show up as requests leaving the page.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Set to a path (e.g. docs/report.png) to keep the seeds report's screenshot for the README.
SCREENSHOT_ENV = "AIDEBATE_REPORT_SCREENSHOT"


def _connect(warehouse: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(warehouse / "aidebate.duckdb"), read_only=True)


@pytest.fixture(scope="module")
def seeds_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("seeds")
    shutil.copytree(SEEDS, root / "seeds")
    # Relative names, as `make run` gives them: the report shows the run's source folder.
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(root)
        run_pipeline(Path("seeds"), Path("warehouse"))
    return root / "warehouse"


@pytest.fixture(scope="module")
def empty_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("empty")
    (root / "pages").mkdir()
    run_pipeline(root / "pages", root / "warehouse")
    return root / "warehouse"


@pytest.fixture(scope="module")
def rejected_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every page rejected, for a different reason each, plus a duplicate."""
    root = tmp_path_factory.mktemp("rejected")
    pages = root / "pages"
    pages.mkdir()
    (pages / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    (pages / "empty.txt").write_bytes(b"")
    (pages / "no_article.txt").write_text("ok.\n", encoding="utf-8")
    (pages / "no_article_copy.txt").write_text("ok.\n", encoding="utf-8")
    run_pipeline(pages, root / "warehouse")
    return root / "warehouse"


# ------------------------------------------------------------------------------------------ word diff


def _kinds(segments: list[Segment]) -> set[str]:
    return {s.kind for s in segments}


def _text(segments: list[Segment]) -> str:
    return "".join(s.text for s in segments)


def test_identical_variants_have_no_marks() -> None:
    left, right = word_diff("It still makes mistakes.", "It still makes mistakes.")
    assert left == right == [Segment("same", "It still makes mistakes.")]


def test_a_partial_quote_is_context_not_a_change() -> None:
    reference = "It still makes mistakes. It still doesn’t quite understand physics. It has bobbling."
    left, right = word_diff(reference, "doesn’t quite understand physics.")
    assert _kinds(right) == {"same"}
    assert "del" not in _kinds(left)
    assert [s.text.strip() for s in left if s.kind == "same"] == ["doesn’t quite understand physics."]
    assert left[0] == Segment("context", "It still makes mistakes. It still")
    assert coverage(reference, "doesn’t quite understand physics.") == 1.0


def test_changed_words_are_marked_on_both_sides() -> None:
    left, right = word_diff(
        "the bar is going to have to go way up because why", "the bar will have to go way up, because why"
    )
    assert [s.text for s in left if s.kind == "del"] == [" is going to"]
    assert [s.text for s in right if s.kind == "ins"] == [" will", ","]
    assert _text(right) == "the bar will have to go way up, because why"


def test_case_and_apostrophe_style_are_not_differences() -> None:
    left, right = word_diff("Thus we don't know", "thus we don’t know")
    assert _kinds(left) == _kinds(right) == {"same"}


def test_long_context_is_trimmed() -> None:
    words = " ".join(f"w{i}" for i in range(30))
    left, _ = word_diff(f"{words} the quoted part", "the quoted part")
    assert left[0].kind == "context"
    assert left[0].text.startswith("…") and left[0].text.endswith("w29")
    assert "w0 " not in left[0].text


def test_nothing_in_common() -> None:
    left, right = word_diff("alpha beta", "gamma, delta")
    assert left == [Segment("del", "alpha beta")]
    assert right == [Segment("ins", "gamma, delta")]
    assert word_diff("", "") == ([], [])


def test_highlight_span_clamps_and_trims() -> None:
    text = "a" * 500 + " quoted words " + "b " * 300
    segs = highlight_span(text, 501, 513, context_chars=40)
    assert [s.kind for s in segs] == ["same", "mark", "same"]
    assert segs[1].text == "quoted words"
    assert segs[0].text.startswith("…") and segs[2].text.endswith("…")
    assert highlight_span("short", -5, 99) == [Segment("mark", "short")]
    assert highlight_span("short", 9, 3) == [Segment("same", "short")]


# ------------------------------------------------------------------------------------- data functions


def test_article_rows_count_claims_and_comments(seeds_warehouse: Path) -> None:
    with _connect(seeds_warehouse) as con:
        rows = article_rows(con)
        claims = dict(con.execute("select article_id, count(*) from claims group by 1").fetchall())
        comments = dict(con.execute("select article_id, count(*) from comments group by 1").fetchall())
        declared = dict(con.execute("select article_id, declared_comment_count from articles").fetchall())
    assert [r.source_file for r in rows] == sorted(p.name for p in SEEDS.iterdir())
    for r in rows:
        assert r.title
        assert r.claim_count == claims.get(r.article_id, 0)
        assert r.comment_count == comments.get(r.article_id, 0)
        assert r.declared_comment_count == declared[r.article_id]
        if r.declared_comment_count is not None:
            assert r.comments_missing == r.declared_comment_count - r.comment_count
    assert any(r.comment_count for r in rows)  # the seeds hold one page with a thread


def test_speakers_groups_and_threads_add_up(seeds_warehouse: Path) -> None:
    with _connect(seeds_warehouse) as con:
        total_claims = con.execute("select count(*) from claims").fetchone()[0]
        total_comments = con.execute("select count(*) from comments").fetchone()[0]
        speakers = speaker_rows(con)
        groups = claim_groups(con)
        threads = thread_rows(con)
    assert sum(s.claim_count for s in speakers) == total_claims
    assert speakers[0].claim_count == max(s.claim_count for s in speakers if s.speaker_name)
    assert len({s.anchor for s in speakers}) == len(speakers)
    assert all(re.fullmatch(r"speaker-\d+", s.anchor) for s in speakers)
    assert groups.groups, "the two seed pages quote the same interview"
    for g in groups.groups:
        assert len(g.variants) == g.variant_count - 1
        assert all(len(v.text) and 0 <= v.coverage <= 1 for v in g.variants)
    assert sum(t.size for t in threads) == total_comments
    assert all(t.max_depth >= 0 for t in threads)


@pytest.mark.parametrize("which", ["empty_warehouse", "rejected_warehouse"])
def test_report_of_a_warehouse_without_articles(which: str, request: pytest.FixtureRequest) -> None:
    warehouse: Path = request.getfixturevalue(which)
    with _connect(warehouse) as con:
        data = load_report_data(con, str(warehouse))
    assert data.articles == [] and data.speakers == [] and data.threads == []
    assert data.claim_groups.groups == []
    assert len(data.runs) == 1
    html = write_report(warehouse).read_text(encoding="utf-8")
    assert "No articles: no input page was loaded" in html
    if which == "rejected_warehouse":
        reasons = {p.reason_code for p in data.source_problems}
        assert {"binary", "empty", "no_article"} <= reasons
        assert any(p.status == "duplicate" for p in data.source_problems)
        assert "no_article_copy.txt" in html and "status-rejected" in html


def test_report_is_self_contained(seeds_warehouse: Path, tmp_path: Path) -> None:
    out = write_report(seeds_warehouse, tmp_path / "sub" / "r.html")
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "window.vegaEmbed" in html  # the inlined bundle
    # No script, stylesheet, image or font is fetched: everything is in the file. (Script bodies are
    # set aside first: the bundle's code holds such markup in strings it may build on demand.)
    markup = re.sub(r"(<script[^>]*>).*?(</script>)", r"\1\2", html, flags=re.DOTALL)
    assert markup.count("<script") == 3
    assert not re.search(r"<(script|img|iframe|embed|object|source)\b[^>]*\bsrc=", markup)
    assert not re.search(r"<link\b", markup)
    assert "@import" not in markup and "url(" not in markup
    for section in ("overview", "articles", "speakers", "variants", "threads", "people", "quality"):
        assert f'id="{section}"' in html and f'href="#{section}"' in html


def _hostile_data() -> ReportData:
    evil = '<script>alert("x")</script>'
    now = datetime(2026, 1, 1, tzinfo=UTC)
    return ReportData(
        warehouse=evil,
        generated_at=now,
        table_counts=dict.fromkeys(
            ("sources", "articles", "comments", "people", "mentions", "claims", "comment_quotes", "rejects"),
            0,
        ),
        articles=[],
        speakers=[],
        claim_groups=ClaimGroups(groups=[], group_count=0, single_count=0),
        threads=[],
        depths=[],
        quoting_comments=[],
        people=[],
        source_problems=[SourceProblem(evil, "rejected", "binary", evil, None, 3)],
        source_status=[{"status": "rejected", "reason": "binary", "files": 1}],
        rejects=[RejectRow("claims", evil, "text", "not_nullable", "nullable", None, '{"a": "</pre>"}')],
        runs=[
            RunRow(evil, now, now, "partial", 1, 0, 1, 0, None, evil, {"sources": 1}, {"build_tables": 0.5})
        ],
    )


def test_every_value_is_escaped() -> None:
    html = render_html(_hostile_data(), javascript="/* bundle */")
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "&lt;/pre&gt;" in html  # the reject's row data
    assert "not_nullable" in html and "claims: not_nullable × 1" in html
    # Chart data sits in a JSON script element; '<' is escaped there so it cannot close the element.
    specs = html.split('<script type="application/json" id="chart-specs">', 1)[1].split("</script>", 1)[0]
    assert "<" not in specs


# ------------------------------------------------------------------------------------------- browser


def _chromium_or_skip() -> None:
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (`make test` installs it when run as root)")


def _open(page_url: str, browser_page: Page, *, timeout_ms: int = 30_000) -> None:
    browser_page.goto(page_url)
    browser_page.wait_for_function(
        "() => [...document.querySelectorAll('[data-chart]')].every(e => e.dataset.rendered)",
        timeout=timeout_ms,
    )


@pytest.mark.browser
@pytest.mark.parametrize("which", ["seeds_warehouse", "rejected_warehouse"])
def test_report_renders_in_chromium(
    which: str, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    _chromium_or_skip()
    from playwright.sync_api import sync_playwright

    keep = os.environ.get(SCREENSHOT_ENV)
    keep_at = Path(keep).resolve() if keep and which == "seeds_warehouse" else None
    warehouse: Path = request.getfixturevalue(which)
    # Named as a user would name it (`--warehouse warehouse`), since the page shows the name.
    monkeypatch.chdir(warehouse.parent)
    report = write_report(Path(warehouse.name))
    url = report.resolve().as_uri()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1360, "height": 1500})
            page = context.new_page()
            problems: list[str] = []
            requests: list[str] = []
            page.on(
                "console",
                lambda m: problems.append(f"{m.type}: {m.text}") if m.type in {"error", "warning"} else None,
            )
            page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
            context.on("request", lambda r: requests.append(r.url))
            page.on("websocket", lambda ws: requests.append(ws.url))
            _open(url, page)

            charts = page.evaluate(
                """() => [...document.querySelectorAll('[data-chart]')].map(e => ({
                    name: e.dataset.chart,
                    rendered: e.dataset.rendered,
                    svg: e.querySelectorAll('svg').length,
                    canvas: e.querySelectorAll('canvas').length,
                    marks: e.querySelectorAll('g.role-mark path, g.role-mark rect').length,
                }))"""
            )
            expected = (
                {"speakers", "threads", "sources", "stages"}
                if which == "seeds_warehouse"
                else {"sources", "stages"}
            )
            assert {c["name"] for c in charts} == expected
            for c in charts:
                assert c["rendered"] == "true", c
                assert c["svg"] + c["canvas"] >= 1, c
                assert c["marks"] >= 1, f"chart {c['name']} drew no marks"

            # Every table-of-contents entry leads somewhere.
            targets = page.eval_on_selector_all(".toc a", "els => els.map(a => a.getAttribute('href'))")
            for href in targets:
                assert page.locator(href).count() == 1, href

            # Before any click: the page as it opens.
            page.screenshot(path=str(warehouse / "report.png"))
            page.screenshot(path=str(warehouse / "report-full.png"), full_page=True)

            if which == "seeds_warehouse":
                # A speaker's bar links to that speaker's claims and opens them.
                assert not page.locator("details#speaker-1").evaluate("d => d.open")
                page.locator("#chart-speakers g.role-mark path").first.click()
                page.wait_for_function("() => location.hash.startsWith('#speaker-')")
                anchor = page.evaluate("() => location.hash.slice(1)")
                assert page.locator(f"details#{anchor}").evaluate("d => d.open")
                assert page.locator("table.diff ins, table.diff del, table.diff .context").count() > 0
        finally:
            browser.close()

    assert not problems, problems
    leaving = [u for u in requests if not u.startswith("file://")]
    assert not leaving, f"requests left file://: {leaving}"
    assert (warehouse / "report.png").stat().st_size > 10_000
    if keep_at is not None:
        shutil.copyfile(warehouse / "report.png", keep_at)
