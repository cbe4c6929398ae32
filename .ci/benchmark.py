"""`make bench`: how long the book takes to build and test, how heavy it is, and how quick its widgets answer.

Prints one table and asserts nothing (speed is never a test). Builds happen in a copy of the repository in a temporary
folder, so no real file is touched: a clean build, a rebuild after a prose-only edit of a lesson, and a rebuild after
a data edit done the way `make book` does it (the Makefile's `_build/.exec-inputs` rule is read and applied to the
copy's output). Then: every notebook executed bare with nbclient, `make test` (skip with --no-test), the installed
size of the environment, the bytes a browser loads for each lesson page, and the latency of widget callbacks.

    .venv/bin/python .ci/benchmark.py [--no-test] [--repeat N] [--keep DIR]

Logs of the builds and of `make test` are kept in _build/bench/.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import functools
import http.server
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CHROMIUM = Path("/usr/bin/chromium")
#: A prose-only edit: one sentence added to this lesson, after its first section heading.
PROSE_PAGE = "lessons/cosmonauts.md"
#: A data edit: one glossary definition changed; the glossary page must show it after the rebuild.
DATA_FILE, DATA_PAGE, DATA_MARK = "data/glossary.csv", "book/glossary.html", "(edited by make bench)"
LOGS = REPO / "_build" / "bench"
NOT_COPIED = (".git", ".venv", "node_modules", "_build", ".pytest_cache", "__pycache__", ".ipynb_checkpoints")

rows: list[tuple[str, str, str]] = []


def record(what: str, value: str, notes: str = "") -> None:
    rows.append((what, value, notes))
    print(f"  {what}: {value}  {notes}", flush=True)


def seconds(value: float) -> str:
    return f"{value:.0f} s" if value >= 10 else f"{value:.1f} s"


# ----------------------------------------------------------------------------------------------------- builds

def copy_repository(target: Path) -> Path:
    shutil.copytree(REPO, target, ignore=shutil.ignore_patterns(*NOT_COPIED))
    extra = REPO / "_build" / "extra"  # `make vendor` output that the build copies into the book
    if extra.is_dir():
        shutil.copytree(extra, target / "_build" / "extra")
    return target


def build(source: Path, output: Path, cache: Path) -> tuple[float, bool, list[str], str]:
    """jupyter-book build of `source` into `output` with the copy's own kazspace and data.

    Returns (seconds, succeeded, notebooks executed, log)."""
    env = {**os.environ, "PYTHONPATH": str(source), "KAZSPACE_DATA": str(source / "data"),
           "XDG_CACHE_HOME": str(cache)}
    if not (source / "book" / "references.bib").exists():
        subprocess.run([sys.executable, "-m", "kazspace.bibliography", "book/references.bib"], cwd=source, env=env,
                       check=True)
    start = time.perf_counter()
    result = subprocess.run([str(BIN / "jupyter-book"), "build", str(source), "--path-output", str(output), "-W",
                             "-n", "--keep-going"], cwd=source, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    log = result.stdout + result.stderr
    executed = [os.path.relpath(p, source) for p in re.findall(r"^(\S+): Executing notebook", log, flags=re.MULTILINE)]
    return elapsed, result.returncode == 0, executed, log


def make_book_clears() -> list[str]:
    """What the Makefile deletes when data/ or kazspace/ changed (its `_build/.exec-inputs` recipe)."""
    text = (REPO / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^_build/\.exec-inputs:.*\n((?:\t.*\n)+)", text, flags=re.MULTILINE)
    paths = []
    for line in recipe.group(1).splitlines() if recipe else []:
        command = re.search(r"rm -rf (.+)$", line)
        if command:
            paths += command.group(1).split()
    return [p for p in paths if p.startswith("_build/")]


def add_sentence(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    heading = re.search(r"^## .*\n", text, flags=re.MULTILINE)
    sentence = "\nThis sentence was added by `make bench` to time a prose-only rebuild.\n"
    page.write_text(text[:heading.end()] + sentence + text[heading.end():], encoding="utf-8")


def edit_data(path: Path) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        header, table = reader.fieldnames, list(reader)
    table[0]["definition_en"] += f" {DATA_MARK}"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(table)


def executed_note(executed: list[str], total: int) -> str:
    if not executed:
        return "re-executed: none"
    if len(executed) == total:
        return f"re-executed: all {total} notebooks"
    return "re-executed: " + ", ".join(executed)


def bench_builds(work: Path) -> tuple[Path | None, list[str]]:
    """Clean build, prose rebuild, data rebuild. Returns the built HTML folder and the notebooks built."""
    source, output, cache = copy_repository(work / "repo"), work / "out", work / "cache"
    elapsed, ok, executed, log = build(source, output, cache)
    (LOGS / "clean-build.log").write_text(log, encoding="utf-8")
    total = len(executed)
    record("clean build (jupyter-book, empty cache)", seconds(elapsed),
           f"{total} notebooks executed" + ("" if ok else f"; BUILD FAILED, see {LOGS / 'clean-build.log'}"))
    html = output / "_build" / "html"
    if not ok:
        return None, executed

    add_sentence(source / PROSE_PAGE)
    elapsed, ok, again, log = build(source, output, cache)
    record("rebuild after a prose-only edit", seconds(elapsed),
           f"{PROSE_PAGE}; {executed_note(again, total)}" + ("" if ok else "; BUILD FAILED"))

    edit_data(source / DATA_FILE)
    cleared = make_book_clears()
    for path in cleared:
        shutil.rmtree(output / path, ignore_errors=True)
    elapsed, ok, again, log = build(source, output, cache)
    (LOGS / "data-rebuild.log").write_text(log, encoding="utf-8")
    shown = DATA_MARK in (html / DATA_PAGE).read_text(encoding="utf-8") if (html / DATA_PAGE).exists() else False
    record("rebuild after a data edit (as make book does it)", seconds(elapsed),
           f"{DATA_FILE}; make book clears {', '.join(cleared)}; {executed_note(again, total)}; the page "
           + ("shows the new value" if shown else "STILL SHOWS THE OLD VALUE") + ("" if ok else "; BUILD FAILED"))
    return html, executed


# ----------------------------------------------------------------------------------------------------- notebooks

def bench_bare_execution(notebooks: list[str]) -> None:
    """Every notebook the book executes, one after another with nbclient, as in the build (no Sphinx)."""
    import jupytext
    import nbformat
    from nbclient import NotebookClient

    times = {}
    for name in notebooks:
        path = REPO / name
        notebook = jupytext.read(path, fmt="md:myst") if path.suffix == ".md" else nbformat.read(path, as_version=4)
        start = time.perf_counter()
        NotebookClient(notebook, timeout=120, kernel_name="python3",
                       resources={"metadata": {"path": str(path.parent)}}).execute(stderr=subprocess.DEVNULL)
        times[name] = time.perf_counter() - start
    slowest = max(times, key=times.get)
    record("execute every notebook bare (nbclient, one at a time)", seconds(sum(times.values())),
           f"{len(times)} notebooks; slowest {slowest} {times[slowest]:.1f} s; "
           f"median {statistics.median(times.values()):.1f} s")


def bench_make_test() -> None:
    """`make -k test`: every stage runs and is timed even if an earlier one fails; the slowest tests are in the log."""
    command = ["make", "-k", "test"]
    if Path(sys.prefix).is_relative_to(REPO):  # `make bench` has set up the environment: time the checks only
        command += ["-o", str(Path(sys.prefix).relative_to(REPO) / ".installed")]
    start = time.perf_counter()
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True,
                            env={**os.environ, "PYTEST_ADDOPTS": "--durations=8"})
    elapsed = time.perf_counter() - start
    (LOGS / "make-test.log").write_text(result.stdout + result.stderr, encoding="utf-8")
    summaries = [s.strip() for s in re.findall(r"^=+ (.*(?:passed|failed|error).*) =+$", result.stdout, re.MULTILINE)]
    stages = re.findall(r"^test: (.*)$", (REPO / "Makefile").read_text(encoding="utf-8"), re.MULTILINE)
    stages = stages[0].split() if stages and len(stages[0].split()) == len(summaries) else [""] * len(summaries)
    record("make test", seconds(elapsed) + f" ({elapsed / 60:.1f} min)",
           ("passed" if result.returncode == 0 else f"FAILED (exit {result.returncode})")
           + f", log {LOGS.relative_to(REPO) / 'make-test.log'}; "
           + "; ".join(f"{stage}: {summary}".strip(": ") for stage, summary in zip(stages, summaries)))


# ----------------------------------------------------------------------------------------------------- sizes

def folder_size(folder: Path) -> int:
    total = 0
    for root, _, files in os.walk(folder):
        for name in files:
            path = Path(root) / name
            if not path.is_symlink():
                total += path.stat().st_size
    return total


def bench_environment() -> None:
    site = Path(sys.prefix) / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" / "site-packages"
    record("installed size of the environment (site-packages)", f"{folder_size(site) / 2**20:.0f} MB",
           f"{sys.prefix}: {folder_size(Path(sys.prefix)) / 2**20:.0f} MB in all; "
           f"{sum(1 for p in site.iterdir() if p.name.endswith('.dist-info'))} distributions")


class References(HTMLParser):
    """Local files an HTML page references: scripts, stylesheets, icons, images, media."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("script", "img", "iframe", "source", "video", "audio") and attrs.get("src"):
            self.found.append(attrs["src"])
        if tag == "link" and attrs.get("href") and set((attrs.get("rel") or "").split()) & {
                "stylesheet", "icon", "preload", "modulepreload", "shortcut"}:
            self.found.append(attrs["href"])


def static_weight(page: Path, root: Path) -> tuple[int, int]:
    """(bytes, files) of a page and every local file it references, following url() in stylesheets."""
    seen: set[Path] = set()
    todo = [page]
    while todo:
        path = todo.pop().resolve()
        if path in seen or not path.is_file() or not path.is_relative_to(root.resolve()):
            continue
        seen.add(path)
        if path.suffix == ".html":
            parser = References()
            parser.feed(path.read_text(encoding="utf-8", errors="replace"))
            links = parser.found
        elif path.suffix == ".css":
            css = path.read_text(encoding="utf-8", errors="replace")
            links = re.findall(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)", css)
        else:
            links = []
        for link in links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith("data:") or not parts.path:
                continue
            todo.append(path.parent / unquote(parts.path))
    return sum(p.stat().st_size for p in seen), len(seen)


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def browser_weights(html: Path, pages: list[str]) -> dict[str, tuple[int, int, int]] | None:
    """{page: (bytes, responses, requests to other hosts)} as Debian's chromium loads each page (Playwright)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not CHROMIUM.exists():
        return None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=html))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    weights = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                                 args=["--no-sandbox", "--disable-gpu", "--disable-quic"])
            for page_name in pages:
                context = browser.new_context()
                page = context.new_page()
                responses, outside = [], []
                page.on("response", lambda response: responses.append(response))
                page.on("request", lambda r: outside.append(r.url) if not r.url.startswith((base, "data:")) else None)
                page.goto(base + page_name, wait_until="networkidle")
                page.wait_for_timeout(1000)  # MathJax and the widget manager load their parts after the page
                total = 0
                for response in responses:
                    try:
                        total += len(response.body())
                    except Exception:
                        pass  # a redirect has no body
                weights[page_name] = (total, len(responses), len(outside))
                context.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return weights


def bench_page_weight(html: Path) -> None:
    lessons = sorted(p.relative_to(html).as_posix() for p in (html / "lessons").glob("*.html"))
    static = {name: static_weight(html / name, html) for name in lessons}
    heaviest = max(static, key=lambda n: static[n][0])
    median = statistics.median(b for b, _ in static.values())
    note = (f"static references (HTML + every local file it names, fonts in CSS included): median "
            f"{median / 2**20:.2f} MB, heaviest {heaviest} {static[heaviest][0] / 2**20:.2f} MB in "
            f"{static[heaviest][1]} files")
    loaded = browser_weights(html, lessons)
    if loaded:
        heaviest = max(loaded, key=lambda n: loaded[n][0])
        median = statistics.median(b for b, _, _ in loaded.values())
        outside = sum(o for _, _, o in loaded.values())
        record("lesson page weight (bytes chromium loads)",
               f"median {median / 2**20:.2f} MB, max {loaded[heaviest][0] / 2**20:.2f} MB",
               f"max: {heaviest}, {loaded[heaviest][1]} responses; requests to other hosts: {outside}; {note}")
    else:
        record("lesson page weight (static references)", f"median {median / 2**20:.2f} MB, max "
               f"{static[heaviest][0] / 2**20:.2f} MB", note + " (no chromium/Playwright: static count only)")


# ----------------------------------------------------------------------------------------------------- widgets

def bench_widgets(repeat: int) -> None:
    """Headless widget callbacks: what a student waits for after pressing Enter or moving the slider."""
    from kazspace import exercises

    def median_ms(action, values, n):
        for value in values[:3]:  # warm up: data loaded, caches filled
            action(value)
        timings = []
        for i in range(n):
            start = time.perf_counter()
            action(values[i % len(values)])
            timings.append(time.perf_counter() - start)
        return statistics.median(timings) * 1000, max(timings) * 1000

    days = exercises.days_exercise()
    answer = days.inputs["answer"]

    def type_answer(value):
        answer.value = ""
        answer.value = value

    ms, worst = median_ms(type_answer, ["207", "208 days", "twelve", "1,554"], repeat)
    record("widget callback: check a typed answer", f"{ms:.1f} ms median", f"days_exercise, Enter; N={repeat}, "
           f"max {worst:.1f} ms")
    explorer = exercises.launches_explorer()
    slider = explorer.inputs["years"]
    ranges = [(1985, 2005), (1960, 1990), (2000, 2025), (1970, 1980)]
    ms, worst = median_ms(lambda value: setattr(slider, "value", value), ranges, max(5, repeat // 2))
    record("widget callback: move the launches slider", f"{ms:.0f} ms median",
           f"launches_explorer redraws its chart and questions; N={max(5, repeat // 2)}, max {worst:.0f} ms")


# ----------------------------------------------------------------------------------------------------- main

def table() -> str:
    header = ("measurement", "result", "notes")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(2)]
    lines = [f"| {header[0]:<{widths[0]}} | {header[1]:<{widths[1]}} | {header[2]} |",
             f"|{'-' * (widths[0] + 2)}|{'-' * (widths[1] + 2)}|-------|"]
    lines += [f"| {a:<{widths[0]}} | {b:<{widths[1]}} | {c} |" for a, b, c in rows]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-test", dest="with_test", action="store_false", help="skip `make test` (it is long)")
    parser.add_argument("--with-test", dest="with_test", action="store_true", help="run `make test` (the default)")
    parser.add_argument("--repeat", type=int, default=30, help="widget callbacks timed (median of N)")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (copies, builds, logs)")
    parser.set_defaults(with_test=True)
    options = parser.parse_args(argv)

    work = options.keep or Path(tempfile.mkdtemp(prefix="kazspace-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    LOGS.mkdir(parents=True, exist_ok=True)
    started = datetime.datetime.now().astimezone()
    print(f"Benchmarking in {work} ({os.cpu_count()} cores) ...", flush=True)
    try:
        html, notebooks = bench_builds(work)
        bench_bare_execution(notebooks)
        if options.with_test:
            bench_make_test()
        bench_environment()
        if html is not None:
            bench_page_weight(html)
        bench_widgets(options.repeat)
    finally:
        if options.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print(f"\nmake bench, {started:%Y-%m-%d}, {os.cpu_count()} cores, Python {sys.version.split()[0]}\n")
    print(table())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
