"""Build the site strictly into a folder, replacing it only when the build succeeds.

Usage: python scripts/build.py SITE_DIR [--generator properdocs] [--config materialx.yml]

The build goes into a temporary folder beside SITE_DIR; only a successful build is moved into
place, so a failed build (bad data, unknown figure id) never leaves a half-built site published.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


# The generator: MkDocs 1.6 today; ProperDocs, its maintained continuation, builds the same site (a test
# compares them), so moving is this one line.
GENERATOR = "mkdocs"


def mkdocs_build_command(config: Path, site: Path, generator: str = GENERATOR) -> list[str]:
    """The strict build every caller runs: this script, the tests and the benchmark."""
    return [sys.executable, "-m", generator, "build", "--strict", "-f", str(config), "-d", str(site)]


def build(site: Path, generator: str = GENERATOR, config: str = "mkdocs.yml") -> int:
    site = site.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site.name}.building-", dir=site.parent))
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = mkdocs_build_command(ROOT / config, staging, generator)
    try:
        result = subprocess.run(command, cwd=ROOT, env=environment)
        if result.returncode != 0:
            print(f"build failed; {site} was left as it was", file=sys.stderr)
            return result.returncode
        old = None
        if site.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{site.name}.old-", dir=site.parent))
            site.rename(old / site.name)
        staging.rename(site)
        if old:
            shutil.rmtree(old)
        print(f"built {site}")
        return 0
    finally:
        if staging.exists():
            shutil.rmtree(staging)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("site", type=Path, help="the folder the site goes to")
    parser.add_argument("--generator", default=GENERATOR, choices=("mkdocs", "properdocs"))
    parser.add_argument("--config", default="mkdocs.yml", help="the configuration, from the project's root")
    args = parser.parse_args(argv)
    return build(args.site, args.generator, args.config)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
