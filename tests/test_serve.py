"""`make serve`: the local server shows a writer what is wrong instead of hanging, and recovers on the next
good save."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

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

    until(answering)
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
