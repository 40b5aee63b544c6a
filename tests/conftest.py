"""Shared fixtures: a disposable copy of the project, and a strict build of it."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from scripts.bench import measure
from scripts.build import GENERATOR, mkdocs_build_command

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


@dataclass
class Build:
    returncode: int
    output: str
    site: Path

    def page(self, path: str) -> str:
        """The built HTML of a page, by its URL path ('first-year/recovery/')."""
        return (self.site / path / "index.html").read_text(encoding="utf-8")


def copy_project(target: Path) -> Path:
    """Copy what a build reads into `target`, so a test can change it freely."""
    return measure.copy_project(target, PROJECT_PARTS)


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


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Build:
    """The site as the repository builds it, built once for the whole session."""
    project = copy_project(tmp_path_factory.mktemp("built") / "project")
    build = build_site(project)
    assert build.returncode == 0, build.output
    return build
