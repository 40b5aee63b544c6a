"""Make a virtual environment for a lock file from a ready one that shares most of its pins.

Usage: python scripts/derive_env.py TARGET LOCK --from BASE BASE_LOCK

`make materialx` needs its own environment (MaterialX and Material both install a `material`
package), yet all but a few of its pins are the main environment's. Installing them all again costs
about a minute; here the target gets the base's site-packages as hard links (nothing unpacked or
copied), pip removes what BASE_LOCK pins and LOCK does not, and installs, hash-checked, what LOCK
pins and the base lacks. LOCK stays the source of truth: the result must hold exactly its pins
(pip, the environment's tool, aside), or the script fails and removes the target.

Sharing files is safe because pip and Python replace a file rather than write into it (uninstalling
moves it away, byte-compiling renames a new file into place); the one file written here, the path
to the checkout, is unlinked first. Without the base environment, a plain install is made.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", re.MULTILINE)
# The environment's own tool: the venv brings one, whatever the lock says.
TOOLING = {"pip"}
PIP = ["-m", "pip", "--quiet", "--disable-pip-version-check"]
# The few packages swapped in are compiled as the one build that uses them imports them, not all of each.
INSTALL = ["install", "--no-compile", "--require-hashes", "--no-deps", "-r"]


def name(text: str) -> str:
    return re.sub(r"[-_.]+", "-", text).lower()


def pins(lock: Path) -> dict[str, str]:
    """The lock's pins, name -> version, names normalised as pip does."""
    return {name(n): v for n, v in PIN.findall(lock.read_text(encoding="utf-8"))}


def python_of(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def site_packages(python: Path) -> Path:
    code = "import sysconfig; print(sysconfig.get_path('purelib'))"
    return Path(
        subprocess.run([str(python), "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    )


def installed(python: Path) -> dict[str, str]:
    code = "import importlib.metadata as m; print('\\n'.join(f'{d.name}=={d.version}' for d in m.distributions()))"
    listing = subprocess.run([str(python), "-c", code], capture_output=True, text=True, check=True).stdout
    return {name(n): v for n, v in PIN.findall(listing)}


def link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def link_scripts(base: Path, target: Path) -> None:
    """The base's console scripts, pointing at the target's Python (they name their interpreter)."""
    base_bin, target_bin = python_of(base).parent, python_of(target).parent
    shebang = re.compile(rb"#!" + re.escape(str(base_bin.resolve()).encode()) + rb"/python[0-9.]*\n")
    for script in base_bin.iterdir():
        if script.is_symlink() or not script.is_file() or (target_bin / script.name).exists():
            continue
        content = script.read_bytes()
        found = shebang.match(content)
        if found:
            (target_bin / script.name).write_bytes(
                f"#!{python_of(target)}\n".encode() + content[found.end() :]
            )
            (target_bin / script.name).chmod(script.stat().st_mode)


def derive(target: Path, lock: Path, base: Path, base_lock: Path) -> None:
    wanted, theirs = pins(lock), pins(base_lock)
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(target)], check=True)
    python = python_of(target)
    shutil.copytree(
        site_packages(python_of(base)), site_packages(python), copy_function=link_or_copy, dirs_exist_ok=True
    )
    link_scripts(base, target.resolve())
    extra = sorted(n for n, v in theirs.items() if wanted.get(n) != v and n not in TOOLING)
    if extra:
        subprocess.run([str(python), *PIP, "uninstall", "--yes", *extra], check=True)
    # Already installed pins are left as they are; the rest are downloaded and checked against their hashes.
    subprocess.run([str(python), *PIP, *INSTALL, str(lock)], check=True)
    have = {n: v for n, v in installed(python).items() if n not in TOOLING}
    if have != {n: v for n, v in wanted.items() if n not in TOOLING}:
        missing = sorted(f"{n}=={v}" for n, v in wanted.items() if have.get(n) != v and n not in TOOLING)
        unwanted = sorted(f"{n}=={v}" for n, v in have.items() if wanted.get(n) != v)
        raise SystemExit(f"{target} does not match {lock}: missing {missing}, not pinned {unwanted}")


def fresh(target: Path, lock: Path) -> None:
    subprocess.run([sys.executable, "-m", "venv", str(target)], check=True)
    subprocess.run(
        [str(python_of(target)), *PIP, *INSTALL, str(lock)],
        check=True,
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("target", type=Path)
    parser.add_argument("lock", type=Path)
    parser.add_argument("--from", dest="base", nargs=2, type=Path, metavar=("BASE", "BASE_LOCK"))
    args = parser.parse_args(argv)
    shutil.rmtree(args.target, ignore_errors=True)
    try:
        if args.base and python_of(args.base[0]).exists():
            derive(args.target, args.lock, *args.base)
        else:
            fresh(args.target, args.lock)
        # The checkout on the environment's path, so `import macros` works from any folder.
        pth = site_packages(python_of(args.target)) / "dnd-project.pth"
        pth.unlink(missing_ok=True)
        pth.write_text(str(Path.cwd()) + "\n", encoding="utf-8")
    except BaseException:
        shutil.rmtree(args.target, ignore_errors=True)
        raise
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
