"""Valid markup: the W3C Nu HTML Checker finds no error in any built page, but the one the theme
writes outside any template block (macros/site/theme.py says why it stays).

The checker is Java (`vnu.jar`, from the npm registry's `vnu-jar`, the version in .ci/vnu.txt); point
DND_VNU_JAR at it. Without Java or the jar the test is skipped with a line saying how to enable it,
except under CI, where .ci/run installs both and a missing checker is a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.cost(30)

# The theme's checkboxes for the drawer and the search carry autocomplete="off" (Material's base.html,
# outside any block): the one error allowed, on exactly those two inputs.
THEME_ALLOWED = (
    "Attribute “autocomplete” is only allowed when the input type is",
    ('id="__drawer"', 'id="__search"'),
)


# One short run of the checker: the JVM's quick compiler alone (its optimising one costs more than it
# saves in a minute's run; the quick one's frames are larger, hence the stack) halves its CPU time.
JVM_OPTIONS = ["-XX:TieredStopAtLevel=1", "-Xss16m"]
# What the test asks of the checker: errors only (its guess of each page's language gives warnings,
# never errors, so it is not run), in the HTML pages alone.
CHECKER_OPTIONS = ["--errors-only", "--no-langdetect", "--skip-non-html", "--format", "json"]


def checker() -> list[str] | None:
    jar, java = os.environ.get("DND_VNU_JAR", ""), shutil.which("java")
    if java and jar and Path(jar).is_file():
        return [java, *JVM_OPTIONS, "-jar", jar, *CHECKER_OPTIONS]
    if os.environ.get("CI") == "true":
        pytest.fail(
            "no Nu HTML Checker: .ci/run installs Java and vnu-jar and sets DND_VNU_JAR", pytrace=False
        )
    pytest.skip("the Nu HTML Checker needs Java and DND_VNU_JAR=<path to vnu.jar> (`npm install vnu-jar`)")
    return None


def allowed(message: dict) -> bool:
    words, inputs = THEME_ALLOWED
    return message["message"].startswith(words) and any(i in message.get("extract", "") for i in inputs)


def test_every_built_page_is_valid_html_but_the_themes_one_known_attribute(built_site):
    command = checker()
    result = subprocess.run(
        [*command, str(built_site.site)],
        capture_output=True,
        text=True,
        timeout=240,
    )
    messages = json.loads(result.stderr)["messages"]
    errors = [m for m in messages if m.get("type") == "error" and not allowed(m)]
    shown = [
        f"{Path(m['url'].removeprefix('file:')).relative_to(built_site.site)}:{m.get('lastLine')}: {m['message']}"
        for m in errors[:20]
    ]
    assert not errors, f"{len(errors)} markup errors:\n" + "\n".join(shown)
