"""`make serve`: the local server shows a writer what is wrong instead of hanging, and recovers on the next
good save."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import copy_project

from macros.data.package import load_package

pytestmark = pytest.mark.cost(80)

FIGURES = "datapackage/data/figures.csv"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def until(condition, seconds: float = 60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError(f"not within {seconds} s")


@pytest.fixture
def server(project: Path):
    """The dev server on a copy of the project whose figures.csv is broken from the start."""
    figures = project / FIGURES
    good = figures.read_text(encoding="utf-8")
    figures.write_text(good.replace(",8000,factories,", ",eight thousand,factories,", 1), encoding="utf-8")
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(project), "NO_MKDOCS_2_WARNING": "1"}
    process = subprocess.Popen(
        [sys.executable, "scripts/serve.py", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/"

    def answering():
        try:
            return fetch(url)
        except OSError:
            return None

    until(answering, 300)
    yield url, figures, good
    process.terminate()
    process.wait(timeout=30)


def test_a_broken_csv_answers_at_once_with_a_page_naming_the_file_row_and_field_then_recovers(server):
    url, figures, good = server
    status, page = fetch(url + "data/explorer/")
    assert status == 500
    assert (
        "datapackage/data/figures.csv:" in page
        and ":value: &#x27;eight thousand&#x27; is not a number" in page
    )
    assert "livereload" in page, "the error page reloads by itself when the file is fixed"

    figures.write_text(good, encoding="utf-8")
    status, page = until(lambda: (lambda answer: answer if answer[0] == 200 else None)(fetch(url)))
    assert "Digital New Deal" in page


def test_a_page_naming_a_figure_the_data_lacks_is_named_with_its_line(server):
    url, figures, good = server
    figures.write_text(good, encoding="utf-8")
    until(lambda: fetch(url)[0] == 200)
    page = figures.parent.parent.parent / "docs/index.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n{{ fig("no-such-figure") }}\n', encoding="utf-8")
    status, body = until(lambda: (lambda answer: answer if answer[0] == 500 else None)(fetch(url)))
    assert "docs/index.md:" in body and ":fig: &#x27;no-such-figure&#x27; is not a figure id" in body


def test_the_problem_page_speaks_the_language_of_the_page_asked_for(server):
    url, _, _ = server
    status, page = fetch(url + "ko/data/explorer/")
    assert status == 500
    assert '<html lang="ko">' in page and "사이트를 만들 수 없습니다" in page
    assert ":value: &#x27;eight thousand&#x27; is not a number" in page, "the problem itself as located"
    status, page = fetch(url + "data/explorer/")
    assert '<html lang="en">' in page and "The site cannot be built" in page


# Live edit: a save is rendered first in the pages open in a browser, then the whole site is built
# in the background and replaces the served one. A page counts as open once requested.
# A figure of the page opened, its labels as the package holds them (a relabelling must not break the test).
SAVED = load_package().figures["smes-startups-participating"]
EN_LABEL, KO_LABEL = SAVED.label, SAVED.label_ko
OPEN = {"en": "first-year/recovery/", "ko": "ko/first-year/recovery/"}
PAGE_SOURCE = {"en": "docs/first-year/recovery.md", "ko": "docs/first-year/recovery.ko.md"}
LIVE_RELOAD = re.compile(r"<script>\s*var livereload = .*?</script>", re.DOTALL)


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    """The dev server on a good copy of the project, its log kept, for the live-edit tests in turn."""
    project = copy_project(tmp_path_factory.mktemp("live") / "project")
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(project), "NO_MKDOCS_2_WARNING": "1"}
    log = project.parent / "serve.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [sys.executable, "scripts/serve.py", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}/"
        until(lambda: answer(url), 300)
        yield url, project, log
        process.terminate()
        process.wait(timeout=30)


def answer(url: str) -> tuple[int, str] | None:
    try:
        return fetch(url)
    except OSError:
        return None


def showing(url: str, text: str, seconds: float = 180) -> str:
    """The page once it shows `text` (the page is requested meanwhile, so it counts as open)."""
    return until(lambda: (lambda answer: answer[1] if text in answer[1] else None)(fetch(url)), seconds)


def rendered_first(log: Path, page: str) -> bool:
    """Whether the server's last quick build rendered `page` (it names the pages in its log)."""
    lines = [line for line in log.read_text().splitlines() if "Built the open pages" in line]
    return bool(lines) and "/" + page in lines[-1].split(": ", 1)[1].split(", ")


@pytest.mark.parametrize("edition", ["en", "ko"])
def test_a_saved_page_reaches_the_open_page_of_its_edition_by_a_quick_build(live, edition):
    url, project, log = live
    fetch(url + OPEN[edition])
    source = project / PAGE_SOURCE[edition]
    marker = (
        f"Saved{edition}{time.time_ns()}"  # one word: a hyphenated token with digits is kept whole in a span
    )
    source.write_text(source.read_text(encoding="utf-8") + f"\n\n{marker}\n", encoding="utf-8")
    showing(url + OPEN[edition], marker)
    assert rendered_first(log, OPEN[edition])


@pytest.mark.parametrize("edition", ["en", "ko"])
def test_a_saved_label_in_figures_csv_reaches_the_open_page_of_each_edition(live, edition):
    url, project, log = live
    fetch(url + OPEN[edition])
    figures = project / FIGURES
    marker = f"Label{edition}{time.time_ns()}"
    text = figures.read_text(encoding="utf-8")
    text = text.replace(EN_LABEL, f"{EN_LABEL} {marker}", 1).replace(KO_LABEL, f"{KO_LABEL} {marker}", 1)
    figures.write_text(text, encoding="utf-8")
    showing(url + OPEN[edition], marker)
    assert rendered_first(log, OPEN[edition])


def test_after_a_quick_build_every_page_and_both_search_indexes_are_whole_and_the_open_page_is_as_built(live):
    url, project, log = live
    indexes = {
        lang: json.loads(fetch(url + prefix + "search/search_index.json")[1])
        for lang, prefix in (("en", ""), ("ko", "ko/"))
    }
    fetch(url + OPEN["en"])
    figures = project / FIGURES
    marker = f"Whole{time.time_ns()}"
    figures.write_text(
        figures.read_text(encoding="utf-8").replace(EN_LABEL, f"{EN_LABEL} {marker}", 1), encoding="utf-8"
    )
    quick = showing(url + OPEN["en"], marker)
    assert rendered_first(log, OPEN["en"])
    # The quick build writes no search index: both stay the last full build's, every page in them.
    for lang, prefix in (("en", ""), ("ko", "ko/")):
        index = json.loads(fetch(url + prefix + "search/search_index.json")[1])
        assert len(index["docs"]) == len(indexes[lang]["docs"]), f"the {lang} search index holds every page"
    # A page the quick build did not render is rendered when asked for: never stale or missing.
    full_builds = log.read_text().count("Built every edition")
    assert marker in fetch(url + "data/explorer/")[1]
    until(lambda: log.read_text().count("Built every edition") > full_builds, 600)
    assert LIVE_RELOAD.sub("", fetch(url + OPEN["en"])[1]) == LIVE_RELOAD.sub("", quick), (
        "the quick build renders the open page exactly as the full build does"
    )
