"""Shared fixtures: a disposable copy of the project, and a strict build of it."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from macros.site.live import LIVE_PAGES
from scripts.bench import measure
from scripts.build import GENERATOR, mkdocs_build_command

ROOT = Path(__file__).resolve().parents[1]
PROJECT_PARTS = (
    "mkdocs.yml",
    "docs",
    "overrides",
    "includes",
    "macros",
    "datapackage",
    "scripts",
    "CHANGELOG.md",
    "CITATION.cff",
    "changes",
)
# For a build whose test reads only English pages: the English edition alone, half a build (as
# `make serve` builds while no Korean page is open).
ENGLISH_ONLY = {"DND_ONLY_EDITION": "en"}


def only_pages(*paths: str) -> dict:
    """For a build whose test reads only a few pages (by site path, 'first-year/recovery/'): those pages
    alone, as `make serve`'s quick build renders the pages open in a browser (`macros/site/live.py`); a page
    it renders is the one the full build writes, byte for byte (`tests/test_serve.py`)."""
    return {LIVE_PAGES: "\n".join(paths)}


# The repository's address as the publishing workflow would pass it (DND_REPO_URL).
REPO_URL = "https://github.com/example/example"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "cost(seconds): about how long a worker spends on the module; the costliest start first"
    )


def cost(item: pytest.Item) -> float:
    marker = item.get_closest_marker("cost")
    return marker.args[0] if marker else 0


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The costliest modules first. `make test` hands each worker a module at a time in this order
    (`--dist loadfile --no-loadscope-reorder`), so the long ones start at once and the small ones fill
    in at the end, and the two workers finish together rather than one waiting while the other runs a
    long module it was handed last."""
    items.sort(key=lambda item: -cost(item))


@dataclass
class Build:
    returncode: int
    output: str
    site: Path

    def page(self, path: str) -> str:
        """The built HTML of a page, by its URL path ('first-year/recovery/')."""
        return (self.site / path / "index.html").read_text(encoding="utf-8")


# The run's folder of caches whose entries are a pure function of their key (set by `shared_caches`).
SHARED: dict[str, Path] = {}


def share_caches(project: Path) -> Path:
    """Point a copy's build caches at the run's: a chart's drawing is keyed by its inputs and the drawing
    code, a release's workbooks by its commit, a stock validation by the files it read, so whichever
    copy made an entry, it is the one this copy would make (entries are written whole, then renamed).
    A test that changes a chart's data or code still gets a fresh drawing: its key differs."""
    if "caches" in SHARED:
        (project / ".cache").mkdir(exist_ok=True)
        for name in ("charts", "releases"):
            (SHARED["caches"] / name).mkdir(parents=True, exist_ok=True)
            (project / ".cache" / name).symlink_to(SHARED["caches"] / name, target_is_directory=True)
    return project


def copy_project(target: Path) -> Path:
    """Copy what a build reads into `target`, so a test can change it freely."""
    return share_caches(measure.copy_project(target, PROJECT_PARTS))


def build_site(
    project: Path, site: Path | None = None, env: dict | None = None, generator: str = GENERATOR
) -> Build:
    """Run a strict mkdocs build of `project` into `site` and keep its output for assertions."""
    site = site or project / "site"
    # The copy builds its own datapackage/ unless the caller names another one.
    inherited = {k: v for k, v in os.environ.items() if k != "DND_DATAPACKAGE"}
    environment = {**inherited, "SOURCE_DATE_EPOCH": "1630281600", "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    result = subprocess.run(
        mkdocs_build_command(project / "mkdocs.yml", site, generator),
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return Build(result.returncode, result.stdout + result.stderr, site)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A private copy of the project to edit and build."""
    return copy_project(tmp_path / "project")


def run_folder(tmp_path_factory) -> Path:
    """The temporary folder of the whole run: the parallel workers' folders are inside it."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def shared_build(tmp_path_factory, env: dict | None = None, generator: str = GENERATOR) -> Build:
    """The repository's site as `build_site` makes it, built once per test run for each distinct input
    and shared by every parallel worker: a session build is read-only for the tests, so the workers'
    fixtures (the built pages, the served site) need not build the same site each.

    The inputs are the checkout (fixed for a run), the generator and the DND_ variables the build
    sees; a worker wanting a build another is making waits for it (a file lock)."""
    environment = {k: v for k, v in {**os.environ, **(env or {})}.items() if k.startswith("DND_")}
    environment.pop("DND_DATAPACKAGE", None)
    inputs = json.dumps([generator, sorted(environment.items())])
    key = hashlib.sha256(inputs.encode()).hexdigest()[:16]
    builds = run_folder(tmp_path_factory) / "shared-builds"
    builds.mkdir(exist_ok=True)
    folder, record = builds / key, builds / f"{key}.json"
    with open(builds / f"{key}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not record.exists():
            build = build_site(copy_project(folder / "project"), env=env, generator=generator)
            record.write_text(json.dumps({"returncode": build.returncode, "output": build.output}), "utf-8")
    made = json.loads(record.read_text("utf-8"))
    return Build(made["returncode"], made["output"], folder / "project" / "site")


def clone_repository(clone: Path, *options: str) -> Path:
    """A git clone of the checkout, sharing the run's build caches (see share_caches)."""
    subprocess.run(["git", "clone", "--quiet", *options, str(ROOT), str(clone)], check=True)
    return share_caches(clone)


@pytest.fixture(scope="session", autouse=True)
def shared_caches(tmp_path_factory) -> None:
    """One folder of build caches for the whole run, shared by the parallel workers."""
    SHARED["caches"] = run_folder(tmp_path_factory) / "caches"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Build:
    """The site as the repository builds it, built once for the whole run (see shared_build)."""
    build = shared_build(tmp_path_factory)
    assert build.returncode == 0, build.output
    return build
