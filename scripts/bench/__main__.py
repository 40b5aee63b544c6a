"""Measure what the site costs and print it as tables: a benchmark to read, never a timed test.

Usage: python -m scripts.bench [--runs N] [--scales 10,100] [--no-lighthouse]

- Build time of the site, and of the same pages with the macros plugin removed (pages then show
  their raw `{{ }}` text; only the time matters), alternated run by run, with the median ratio.
- `make validate` time (scripts/validate.py as a subprocess).
- Releases: reading every version from the git history and writing it, with and without the cache of
  validated releases, and a build in a clone (with history) against a build of a copy (without).
- Scaling: synthetic packages with 10x and 100x the figures, validated and built, time per figure.
- Page weight of the home page and of the largest page against the budget, and the pages whose
  meta description is only the site-wide one.
- Lighthouse scores of the site as published (built with DND_SITE_URL, served compressed), only when
  `lighthouse` is on PATH (it is never installed for CI).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from scripts.bench.measure import (
    ROOT,
    copy_project,
    descriptions,
    page_weights,
    replicate,
    site_description,
    without_macros,
)
from scripts.bench.static_host import served
from scripts.build import mkdocs_build_command

RATIO_AIM = 1.25
# The pages Lighthouse scores: home, a pillar, the explorer and a figure's page; and the mobile budget.
LIGHTHOUSE_PAGES = tuple(
    f"{edition}{page}"
    for edition in ("", "ko/")
    for page in ("", "first-year/leap-forward/", "data/explorer/", "figures/budget-invested/")
)
# Lighthouse's scores move from run to run: each is the median of this many.
LIGHTHOUSE_RUNS = 3
LIGHTHOUSE_BUDGET = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
CHROMIUM = os.environ.get("DND_CHROMIUM") or "/usr/bin/chromium"
ENVIRONMENT = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1630281600"}
for _name in ("DND_DATAPACKAGE", "DND_REPO_URL"):
    ENVIRONMENT.pop(_name, None)


def print_table(title: str, headers: list[str], rows: list[list[object]]) -> None:
    cells = [[str(c) for c in row] for row in [headers, *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    print(f"\n## {title}\n")
    for number, row in enumerate(cells):
        print("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |")
        if number == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")


@dataclass(frozen=True)
class Run:
    """One finished command: wall seconds, and CPU seconds (user + system), which a busy machine
    disturbs less than the wall clock."""

    wall: float
    cpu: float


def timed(command: list[str], cwd: Path, env: dict | None = None) -> Run:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env or ENVIRONMENT, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"bench: {' '.join(command)} failed:\n{result.stdout}{result.stderr}")
    return Run(elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))


def build(config: Path, site: Path, env: dict | None = None) -> Run:
    """Not strict, unlike scripts/build.py: without macros the pages keep raw `{{ }}`; only time counts."""
    command = [a if a != "--strict" else "--quiet" for a in mkdocs_build_command(config, site)]
    return timed(command, config.parent, env)


# The address the site is published at, as the Pages workflow sets it; any address serves.
PUBLISHED_URL = "https://example.github.io/digital-new-deal-figures/"


def build_published(work: Path) -> Path:
    """The site as a reader gets it: built with DND_SITE_URL set, as the publishing workflow builds it
    (canonical addresses, the sitemap's, the citation's absolute address), for Lighthouse to score.
    The site of the timing runs is built without it, as a contributor's `make build` is."""
    project = copy_project(work / "published-project")
    env = {**ENVIRONMENT, "DND_SITE_URL": os.environ.get("DND_SITE_URL") or PUBLISHED_URL}
    build(project / "mkdocs.yml", work / "published", env)
    return work / "published"


def bench_macros(work: Path, runs: int) -> Path:
    project = copy_project(work / "project")
    plain = project / "mkdocs-without-macros.yml"
    plain.write_text(without_macros((project / "mkdocs.yml").read_text(encoding="utf-8")), encoding="utf-8")
    build(project / "mkdocs.yml", work / "site")  # warm-up: compiled bytecode and the disk cache
    with_runs, without_runs = [], []
    for _ in range(runs):
        with_runs.append(build(project / "mkdocs.yml", work / "site"))
        without_runs.append(build(plain, work / "site-without-macros"))
    rows, ratios = [], {}
    for measure in ("wall", "cpu"):
        with_times = [getattr(r, measure) for r in with_runs]
        without_times = [getattr(r, measure) for r in without_runs]
        ratios[measure] = statistics.median(a / b for a, b in zip(with_times, without_times, strict=True))
        for name, times in (("with macros", with_times), ("without macros", without_times)):
            rows.append([name, measure, *(f"{f(times):.2f}" for f in (statistics.median, min, max))])
    print_table(
        f"Build time, {runs} alternated runs each (subprocess, including Python start-up)",
        ["build", "clock", "median s", "min s", "max s"],
        rows,
    )
    print()
    for measure, ratio in ratios.items():
        verdict = "within the budget" if ratio <= RATIO_AIM else "OVER the budget"
        print(
            f"build with/without macros, median ratio of {measure} time: {ratio:.2f} (budget <= {RATIO_AIM}: {verdict})"
        )
    return work / "site"


def validate_time(descriptor: Path, runs: int) -> float:
    command = [sys.executable, str(ROOT / "scripts" / "validate.py"), str(descriptor)]
    return statistics.median(timed(command, ROOT).wall for _ in range(runs))


def load_time(descriptor: Path, runs: int) -> tuple[int, float]:
    """Figures in the package and the median time of load_package, each run in a fresh process."""
    code = (
        "import sys, time; from macros.data.package import load_package; s = time.perf_counter(); "
        "p = load_package(sys.argv[1]); print(len(p.figures), time.perf_counter() - s)"
    )
    command = [sys.executable, "-c", code, str(descriptor)]
    results = [
        subprocess.run(
            command, cwd=ROOT, env=ENVIRONMENT, capture_output=True, text=True, check=True
        ).stdout.split()
        for _ in range(runs)
    ]
    return int(results[0][0]), statistics.median(float(seconds) for _, seconds in results)


def bench_scaling(work: Path, scales: list[int], runs: int) -> None:
    project = copy_project(work / "scaling-project")
    rows, measured = [], []
    for factor in [1, *scales]:
        source = ROOT / "datapackage"
        descriptor = (
            replicate(source, work / f"package-x{factor}", factor)
            if factor > 1
            else source / "datapackage.json"
        )
        figures, load_seconds = load_time(descriptor, runs)
        validate_seconds = validate_time(descriptor, runs)
        env = {**ENVIRONMENT, "DND_DATAPACKAGE": str(descriptor)}
        build_seconds = build(project / "mkdocs.yml", work / f"site-x{factor}", env).wall
        explorer = work / f"site-x{factor}" / "data" / "explorer" / "index.html"
        pages = sum(1 for _ in (work / f"site-x{factor}").rglob("*.html"))
        measured.append((figures, load_seconds, validate_seconds, build_seconds))
        rows.append(
            [
                f"{factor}x",
                figures,
                pages,
                f"{load_seconds * 1000:.0f}",
                f"{load_seconds / figures * 1e6:.0f}",
                f"{validate_seconds:.2f}",
                f"{build_seconds:.2f}",
                f"{build_seconds / figures * 1000:.2f}",
                f"{explorer.stat().st_size / 1024:.0f}" if explorer.exists() else "-",
            ]
        )
    print_table(
        "Scaling with the number of figures (synthetic copies of every figure, check and correction)",
        [
            "package",
            "figures",
            "pages",
            "load ms",
            "load us/figure",
            "validate s",
            "build s",
            "build ms/figure",
            "explorer KB",
        ],
        rows,
    )
    print()
    for before, after in zip(measured, measured[1:], strict=False):
        growth = [a / b for a, b in zip(after, before, strict=True)]
        print(
            f"from {before[0]} to {after[0]} figures (x{growth[0]:.0f}): load x{growth[1]:.1f}, "
            f"validate x{growth[2]:.1f}, build x{growth[3]:.1f} (linear growth would be x{growth[0]:.0f})"
        )


RELEASE_STEP = (
    "import pathlib, sys, time; from macros.tools import releases; s = time.perf_counter(); "
    "h = releases.release_history(pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])); "
    "releases.write_releases(h, pathlib.Path(sys.argv[3])); "
    "print(len(h.releases), sum(len(c) for r in h.releases for _, c in r.site_files()), time.perf_counter() - s)"
)


def release_step(clone: Path, cache: Path, out: Path) -> tuple[int, int, float]:
    """Versions, bytes written and seconds of reading the history and writing every version, timed
    inside a fresh process (so frictionless' import counts when a release is validated)."""
    command = [
        sys.executable,
        "-c",
        RELEASE_STEP,
        str(clone / "datapackage" / "datapackage.json"),
        str(cache),
        str(out),
    ]
    done = subprocess.run(command, cwd=clone, env=ENVIRONMENT, capture_output=True, text=True, check=True)
    versions, size, seconds = done.stdout.split()
    return int(versions), int(size), float(seconds)


def bench_releases(work: Path, runs: int) -> None:
    clone = work / "clone"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
    rows = []
    for case, warm in (("no cache (a fresh clone, CI)", False), ("cache of validated releases", True)):
        results = []
        for run in range(runs):
            cache = work / ("release-cache" if warm else f"release-cache-cold-{run}")
            if warm and not cache.exists():
                release_step(clone, cache, work / "release-warm-up")
            results.append(release_step(clone, cache, work / f"release-out-{case[:2]}-{run}"))
        versions, size, _ = results[0]
        times = [seconds for _, _, seconds in results]
        rows.append(
            [
                case,
                versions,
                f"{size / 1024:.0f}",
                f"{statistics.median(times) * 1000:.0f}",
                f"{min(times) * 1000:.0f}",
            ]
        )
    print_table(
        f"Releases: read the git history and write every version (HEAD of {ROOT.name}, median of {runs})",
        ["case", "versions", "KB written", "median ms", "min ms"],
        rows,
    )
    copy = copy_project(work / "no-history")
    build(clone / "mkdocs.yml", work / "site-clone")  # warm-up, which also fills the clone's cache
    with_history, without = [], []
    for _ in range(runs):
        with_history.append(build(clone / "mkdocs.yml", work / "site-clone"))
        without.append(build(copy / "mkdocs.yml", work / "site-copy"))
    lines = []
    for what in ("wall", "cpu"):
        clone_s = statistics.median(getattr(r, what) for r in with_history)
        copy_s = statistics.median(getattr(r, what) for r in without)
        lines.append(
            f"{what}: {clone_s:.2f} s with the whole history (clone, cache warm), {copy_s:.2f} s without "
            f"(copy, current version only), difference {clone_s - copy_s:+.2f} s "
            f"({(clone_s - copy_s) / copy_s * 100:+.0f}%)"
        )
    print(f"\nbuild, median of {runs} alternated runs:\n" + "\n".join(lines))


def bench_weight(site: Path) -> None:
    rows, verdicts = page_weights(site)
    print_table(
        "Page weight (gzip level 6; JS includes the search worker, which every page starts)",
        ["page", "part", "files", "KB", "KB gzip"],
        rows,
    )
    print()
    for verdict in verdicts:
        print(verdict)


def report_descriptions(site: Path) -> None:
    missing, generic = descriptions(site, site_description(ROOT / "mkdocs.yml"))
    print("\n## Meta descriptions\n")
    print(f"pages without one: {', '.join(missing) or 'none'}")
    print(
        f"pages with only the site-wide one (add `description:` front matter): {', '.join(generic) or 'none'}"
    )


def lighthouse_scores(lighthouse: str, address: str, preset: list[str], report: Path) -> dict | str:
    """One Lighthouse run's scores by category, or the last line it said when it failed."""
    flags = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --no-first-run"
    env = {**ENVIRONMENT, "CHROME_PATH": CHROMIUM}
    report.unlink(missing_ok=True)
    command = [
        lighthouse,
        address,
        *preset,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--chrome-flags={flags}",
    ]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    if result.returncode != 0 or not report.exists():
        return (result.stderr.strip().splitlines() or ["failed"])[-1]
    categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
    return {c: round((categories[c]["score"] or 0) * 100) for c in LIGHTHOUSE_BUDGET}


def bench_lighthouse(site: Path, work: Path, runs: int = LIGHTHOUSE_RUNS) -> None:
    lighthouse = shutil.which("lighthouse")
    if not lighthouse:
        print(
            "\nLighthouse: skipped, not on PATH (to enable here: `npm install -g lighthouse@12`; "
            f"it drives the Chromium at CHROME_PATH, {CHROMIUM})"
        )
        return
    rows, verdicts = [], []
    with served(site, compressed=True) as url:
        for path in LIGHTHOUSE_PAGES:
            for form, preset in (("mobile", []), ("desktop", ["--preset=desktop"])):
                found = [
                    lighthouse_scores(lighthouse, url + path, preset, work / "lighthouse.json")
                    for _ in range(runs)
                ]
                scored = [r for r in found if isinstance(r, dict)]
                if not scored:
                    rows.append([f"/{path}", form, "failed", found[-1], "", ""])
                    verdicts.append(f"/{path} {form}: Lighthouse failed")
                    continue
                scores = {c: round(statistics.median(r[c] for r in scored)) for c in LIGHTHOUSE_BUDGET}
                rows.append([f"/{path}", form, *scores.values()])
                if form == "mobile":
                    short = [
                        f"{c} {scores[c]} < {low}" for c, low in LIGHTHOUSE_BUDGET.items() if scores[c] < low
                    ]
                    verdicts.append(
                        f"/{path} mobile: {'within the budget' if not short else 'OVER: ' + ', '.join(short)}"
                    )
    print_table(
        f"Lighthouse, median of {runs} runs (served compressed with cache lifetimes, as a static host does)",
        ["page", "form", *LIGHTHOUSE_BUDGET],
        rows,
    )
    budget = ", ".join(f"{c} >= {low}" for c, low in LIGHTHOUSE_BUDGET.items())
    print(f"\nbudget on mobile: {budget}")
    for verdict in verdicts:
        print(verdict)


def main() -> int:
    parser = argparse.ArgumentParser(
        prog="python -m scripts.bench",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--runs", type=int, default=5, help="build runs with and without macros (default 5)")
    parser.add_argument(
        "--scales", default="10,100", help="synthetic package sizes, as multiples (default 10,100)"
    )
    parser.add_argument(
        "--no-lighthouse", action="store_true", help="skip Lighthouse even when it is installed"
    )
    parser.add_argument(
        "--lighthouse-only", action="store_true", help="build the site once and run Lighthouse alone"
    )
    args = parser.parse_args()
    if args.lighthouse_only:
        with tempfile.TemporaryDirectory(prefix="dnd-bench-") as folder:
            bench_lighthouse(build_published(Path(folder)), Path(folder))
        return 0
    scales = [int(s) for s in args.scales.split(",") if s.strip()]
    with tempfile.TemporaryDirectory(prefix="dnd-bench-") as folder:
        work = Path(folder)
        site = bench_macros(work, args.runs)
        print(
            f"\nmake validate (scripts/validate.py, median of 3): "
            f"{validate_time(ROOT / 'datapackage' / 'datapackage.json', 3):.2f} s"
        )
        bench_releases(work, 3)
        bench_scaling(work, scales, 3)
        bench_weight(site)
        report_descriptions(site)
        if not args.no_lighthouse:
            bench_lighthouse(build_published(work), work)
    return 0


if __name__ == "__main__":
    sys.exit(main())
