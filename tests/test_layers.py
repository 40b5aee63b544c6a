"""The layers of macros/ as ARCHITECTURE.md draws them: imports point down, names are defined once."""

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MACROS = ROOT / "macros"
# Each layer may import the layers after it in this list, never those before it.
LAYERS = ("site", "pages", "tools", "data")


def imports(path: Path) -> set[str]:
    """Absolute module names a file imports (relative imports resolved against macros/)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                found.add(".".join([*base, node.module] if node.module else base))
            else:
                found.add(node.module or "")
    return found


def layer_files(layer: str) -> list[Path]:
    return sorted((MACROS / layer).glob("*.py"))


@pytest.mark.parametrize("layer", ["data", "tools", "pages"])
def test_only_the_site_glue_imports_mkdocs(layer):
    offenders = {
        str(path.relative_to(ROOT)): sorted(
            m for m in imports(path) if m.split(".")[0] in {"mkdocs", "mkdocs_macros"}
        )
        for path in layer_files(layer)
    }
    assert {k: v for k, v in offenders.items() if v} == {}


@pytest.mark.parametrize("layer", LAYERS)
def test_a_layer_imports_only_the_layers_below_it(layer):
    above = LAYERS[: LAYERS.index(layer)]
    upward = {
        str(path.relative_to(ROOT)): sorted(
            m for m in imports(path) if m.split(".")[:2] in [["macros", a] for a in above]
        )
        for path in layer_files(layer)
    }
    assert {k: v for k, v in upward.items() if v} == {}


def test_the_data_library_loads_without_mkdocs_in_the_process():
    import subprocess
    import sys

    code = "import sys, macros.data.package, macros.tools.diff, macros.tools.audit, macros.tools.export; print(sorted(m for m in sys.modules if m.startswith('mkdocs')))"
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("pattern", "home"),
    [
        (r"""f["']fig-""", "macros/pages/links.py"),
        (r"""f["']check-""", "macros/pages/links.py"),
        (r"""Kind\(\s*["']""", "macros/data/checks.py"),
        (r"""["']fail as the release does""", "macros/data/checks.py"),
        (r"""month_name\[""", "macros/data/words.py"),
        (r"""["']more-than["']: ["']more than["']""", "macros/data/words.py"),
    ],
)
def test_each_name_is_written_in_one_module(pattern, home):
    homes = [
        str(path.relative_to(ROOT))
        for path in sorted(MACROS.rglob("*.py"))
        if re.search(pattern, path.read_text(encoding="utf-8"))
    ]
    assert homes == [home]
