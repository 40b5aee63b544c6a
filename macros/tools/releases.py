"""Every released version of the package, found in the git history of its descriptor, and the files
the site publishes for each at a stable address, `data/download/<version>/`.

A release is the first commit whose descriptor carries a version its parent's did not: no tags. Its
files are that commit's descriptor and resource files, run through `export.publish`, the one writer
the current version goes through too, so a version's download depends on its own files alone and is
the same bytes whichever later commit builds it.

An old version is read as it was released: its own schemas, checked by stock frictionless, not by
today's project rules (`load_package`), which it may predate (1.0.0 has no links table). It "does not
load" when its descriptor is not JSON with a version and resources, when a resource is not a file
of that commit, or when stock frictionless finds an error in it. That, two commits setting one
version with different files, and a commit setting a version lower than its parent's are
`ReleaseError`s naming the commit. Without a full history (a shallow clone, a tarball, no git) the
site offers the current version only, and `History.notes` says why.

A version has Excel workbooks when the commit that released it holds their writer (`WORKBOOK_WRITER`):
versions released before it have none, and none are made for them now. A workbook is made by the
release's own code (words, layout, catalogue), not only from its package files, so the site makes a
released version's workbooks by running that commit's writer on a copy of that commit (`git archive`),
the same bytes whichever later commit builds it, and remembers them per commit in `.cache/releases/`.
A version not committed yet gets its workbooks from the working tree (the site's glue writes them).

Reading the history costs four git commands whatever its length (rev-parse, log, and two batched
cat-file reads); the stock validation of an old version, the only slow part, is done once per distinct
content and remembered in `.cache/releases/` at the top of the checkout (outside the folders `make serve`
watches, so writing it does not start another build).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import posixpath
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..data.changes import change_files
from ..data.package import BUILD_CACHE, repository_root
from .diff import SEMVER
from .export import DOWNLOAD_DIR, ZIP_NAME, publish

CACHE = BUILD_CACHE / "releases"
DESCRIPTOR_NAME = "datapackage.json"
GIT_TIMEOUT = 60
# The script that writes a version's workbooks, at the top of the repository; its arguments are a
# folder to write into, then the descriptor (`scripts/workbook.py`). A commit that holds it releases
# its version with workbooks.
WORKBOOK_WRITER = "scripts/workbook.py"
WORKBOOK_TIMEOUT = 120

Files = tuple[tuple[str, bytes], ...]


def version_folder(version: str) -> str:
    """A version's stable address in the site: `data/download/3.0.0`."""
    return f"{DOWNLOAD_DIR}/{version}"


def archive_address(version: str) -> str:
    """Where a version's archive stays, the address a citation names."""
    return f"{version_folder(version)}/{ZIP_NAME}"


def descriptor_address(version: str) -> str:
    """Where a version's descriptor stays, beside its archive (it loads from there too)."""
    return f"{version_folder(version)}/{DESCRIPTOR_NAME}"


class ReleaseError(Exception):
    """A version in the history that the site cannot publish; the message names the commit."""


@dataclass(frozen=True)
class Release:
    """One version as the site publishes it."""

    version: str
    created: str | None  # the descriptor's `created`
    commit: str | None  # the commit that released it; None for a version not committed yet
    committed: str | None  # that commit's date, ISO 8601
    descriptor: bytes  # as published: with every resource's bytes and hash
    archive: bytes
    files: Files  # each resource's path and bytes, in the descriptor's order
    # Whether the commit that released it holds WORKBOOK_WRITER (and so the version has workbooks).
    has_workbooks: bool = False

    @property
    def folder(self) -> str:
        return version_folder(self.version)

    @property
    def archive_path(self) -> str:
        return archive_address(self.version)

    @property
    def descriptor_path(self) -> str:
        return descriptor_address(self.version)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.archive).hexdigest()

    @property
    def day(self) -> dt.date | None:
        """The release day: the descriptor's `created`, else the commit's date."""
        stamp = self.created or self.committed
        try:
            return dt.datetime.fromisoformat(stamp.replace("Z", "+00:00")).date() if stamp else None
        except ValueError:
            return None

    def site_files(self) -> list[tuple[str, bytes]]:
        """What the site holds for this version: the archive, and the package unpacked beside it (the
        descriptor names its files by relative path, so it loads from its address too)."""
        return [
            (self.archive_path, self.archive),
            (self.descriptor_path, self.descriptor),
            *((f"{self.folder}/{path}", content) for path, content in self.files),
        ]


@dataclass
class History:
    """Every version the site offers, newest first; `current` is the one at today's address."""

    releases: list[Release]
    current: Release
    notes: list[str] = field(default_factory=list)  # for the build's log, once
    read: bool = True  # False when there was no history to read
    top: Path | None = None  # the repository the releases were read from
    cache: Path | None = None

    def find(self, version: str) -> Release | None:
        return next((r for r in self.releases if r.version == version), None)

    def workbooks(self, release: Release) -> list[tuple[str, bytes]]:
        """A released version's workbooks by site path, as its own commit's writer makes them (none for
        a version released without the writer, or not committed yet); ReleaseError if it fails."""
        if not (release.has_workbooks and release.commit and self.top):
            return []
        return [
            (f"{release.folder}/{name}", content)
            for name, content in released_workbooks(self.top, release, self.cache)
        ]


def resource_paths(document: object) -> list[str]:
    """Each resource's path, in order; ValueError unless every one is a relative path inside the package."""
    if not isinstance(document, dict) or not isinstance(document.get("resources"), list):
        raise ValueError("the descriptor has no list of resources")
    paths = []
    for resource in document["resources"]:
        path = resource.get("path") if isinstance(resource, dict) else None
        name = resource.get("name", "?") if isinstance(resource, dict) else "?"
        if not isinstance(path, str) or "://" in path or posixpath.isabs(path):
            raise ValueError(f"the resource '{name}' has no relative path to a file")
        if posixpath.normpath(path).startswith(".."):
            raise ValueError(f"the resource '{name}' points outside the package ({path})")
        paths.append(path)
    return paths


def make_release(
    descriptor: bytes, files: Files, commit: str | None = None, committed: str | None = None
) -> Release:
    """The release of a package's raw files: the one function for the working tree and for history."""
    document = json.loads(descriptor)
    published, archive = publish(descriptor, list(files))
    return Release(document["version"], document.get("created"), commit, committed, published, archive, files)


def folder_files(descriptor_path: Path) -> tuple[bytes, Files]:
    """A package's raw files in a folder: the descriptor, and each resource file it names."""
    descriptor = descriptor_path.read_bytes()
    paths = resource_paths(json.loads(descriptor))
    return descriptor, tuple((p, (descriptor_path.parent / p).read_bytes()) for p in paths)


def release_of(descriptor_path: Path, commit: str | None = None) -> Release:
    """The release of the package in a folder (the working tree, or a checkout of an old commit)."""
    return make_release(*folder_files(descriptor_path), commit)


# Reading git


class _NoHistory(Exception):
    """Why the history cannot be read here; the build offers the current version and says this."""


def _git(cwd: Path, *args: str, stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, input=stdin, capture_output=True, timeout=GIT_TIMEOUT, check=False
        )
    except FileNotFoundError:
        raise _NoHistory("git is not installed") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise _NoHistory(f"git {args[0]} failed ({message[-1] if message else done.returncode})")
    return done.stdout


def _objects(cwd: Path, names: list[str]) -> dict[str, bytes | None]:
    """The content of each `commit:path` (None where it is missing), in one `git cat-file --batch`."""
    unique = list(dict.fromkeys(names))
    if not unique:
        return {}
    output = _git(cwd, "cat-file", "--batch", stdin="".join(f"{n}\n" for n in unique).encode("utf-8"))
    found, position = {}, 0
    for name in unique:
        end = output.index(b"\n", position)
        header = output[position:end].split()
        position = end + 1
        if len(header) == 3 and header[1] == b"blob":
            size = int(header[2])
            found[name] = output[position : position + size]
            position += size + 1
        else:  # "<name> missing", or a tree where a file was expected
            found[name] = None
            if len(header) == 3:
                position += int(header[2]) + 1
    return found


@dataclass(frozen=True)
class _Commit:
    id: str
    parents: tuple[str, ...]
    date: str

    @property
    def short(self) -> str:
        return self.id[:12]

    def named(self) -> str:
        return f"commit {self.short} ({self.date[:10]})"


def _version(descriptor: bytes | None) -> str | None | ValueError:
    """The version a descriptor carries; None without a descriptor; a ValueError when it cannot be read."""
    if descriptor is None:
        return None
    try:
        document = json.loads(descriptor)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return ValueError(f"is not valid JSON ({error})")
    version = document.get("version") if isinstance(document, dict) else None
    return version if isinstance(version, str) else ValueError("has no version")


def _semver(version: str) -> tuple[int, ...] | None:
    return tuple(int(p) for p in version.split(".")) if SEMVER.fullmatch(version) else None


def _stamp() -> str:
    """What a cached verdict depends on besides the files: the validating code and frictionless."""
    from importlib.metadata import version

    from ..data import validation

    code = Path(validation.__file__).read_bytes() + version("frictionless").encode()
    return hashlib.sha256(code).hexdigest()


def _validated(
    descriptor: bytes, files: Files, where: str, shown: str, cache: Path | None, stamp: list[str]
) -> None:
    """Stock frictionless on the package as committed, or ReleaseError; a passing content is remembered."""
    if cache is not None:
        if not stamp:
            stamp.append(_stamp())
        digest = hashlib.sha256(stamp[0].encode())
        for name, content in ((DESCRIPTOR_NAME, descriptor), *files):
            digest.update(f"\0{name}\0{len(content)}\0".encode())
            digest.update(content)
        passed = cache / digest.hexdigest()
        if passed.exists():
            return
    from ..data.validation import stock_problems

    with tempfile.TemporaryDirectory(prefix="dnd-release-") as folder:
        root = Path(folder)
        (root / DESCRIPTOR_NAME).write_bytes(descriptor)
        for path, content in files:
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            (root / path).write_bytes(content)
        problems = stock_problems(root / DESCRIPTOR_NAME)
    if problems:
        lines = [str(p).replace(str(root), shown) for p in problems[:10]]
        more = f"\n  ... and {len(problems) - 10} more" if len(problems) > 10 else ""
        raise ReleaseError(f"{where}, but its package does not load:\n  " + "\n  ".join(lines) + more)
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        passed.write_text("validated by stock frictionless\n", encoding="utf-8")


def _head(descriptor: Path) -> tuple[Path, str, str]:
    """The repository, the descriptor's path in it and the commit checked out, or _NoHistory."""
    try:
        answer = _git(descriptor.parent, "rev-parse", "--is-shallow-repository", "--show-toplevel", "HEAD")
    except _NoHistory as reason:
        raise _NoHistory(f"there is no git history here ({reason})") from None
    shallow, top, head = answer.decode("utf-8").split("\n")[:3]
    if shallow == "true":
        raise _NoHistory("the git history is shallow (fetch all of it with `git fetch --unshallow`)")
    try:
        return Path(top), descriptor.resolve().relative_to(Path(top).resolve()).as_posix(), head
    except ValueError:
        raise _NoHistory(f"{descriptor} is outside the git repository {top}") from None


def _released(folder: Path, path: str, revision: str = "HEAD") -> list[tuple[_Commit, str, bytes]]:
    """The commits that released a version in the history of `revision` (the one rule: a release is the
    first commit whose descriptor carries a version none of its parents carried), oldest first."""
    log = _git(
        folder,
        "log",
        "--full-history",
        "--topo-order",
        "--reverse",
        "--format=%H %cI %P",
        revision,
        "--",
        path,
    )
    commits = []
    for line in log.decode().splitlines():
        commit, date, *parents = line.split()
        commits.append(_Commit(commit, tuple(parents), date))
    if not commits:
        raise _NoHistory(f"no commit holds {path} yet")
    descriptors = _objects(
        folder, [f"{c}:{path}" for commit in commits for c in (commit.id, *commit.parents)]
    )
    return _claims(commits, descriptors, path)


def release_commit(descriptor: Path, version: str, revision: str = "HEAD") -> tuple[str, dt.date] | None:
    """The commit that released `version` in the history of `revision`, and its day (UTC); None when no
    commit of that history carries it, or there is no history to read."""
    try:
        top, path, _ = _head(descriptor)
        claims = _released(top, path, revision)
    except (_NoHistory, ReleaseError):
        return None
    for commit, claimed, _ in claims:
        if claimed == version:
            return commit.id, dt.datetime.fromisoformat(commit.date).astimezone(dt.UTC).date()
    return None


def history_problems(descriptor: Path) -> list[str]:
    """What in the history of HEAD stops the site from publishing its releases (a version set twice
    with different data, a version that goes down), without validating each old package (the build
    does that): for `make check`, which then says it before the build does."""
    try:
        top, path, _ = _head(descriptor)
        _history(top, path, None, validate=False)
    except _NoHistory:
        return []
    except ReleaseError as error:
        return [f"{path}: {error}"]
    return []


def _history(folder: Path, path: str, cache: Path | None, validate: bool = True) -> list[Release]:
    """The releases in the git history of the descriptor at `path` in the repository `folder`."""
    claims = _released(folder, path)

    base = posixpath.dirname(path)
    names = {}
    for commit, version, descriptor in claims:
        try:
            paths = resource_paths(json.loads(descriptor))
        except ValueError as error:
            raise ReleaseError(
                f"{commit.named()} sets version {version}, but its package does not load: {error}"
            ) from None
        names[commit.id] = {p: f"{commit.id}:{posixpath.normpath(posixpath.join(base, p))}" for p in paths}
    writers = [f"{commit.id}:{WORKBOOK_WRITER}" for commit, _, _ in claims]
    contents = _objects(folder, [n for by_path in names.values() for n in by_path.values()] + writers)

    first: dict[str, Release] = {}
    stamp: list[str] = []
    for commit, version, descriptor in claims:
        where = f"{commit.named()} sets version {version}"
        missing = [p for p, name in names[commit.id].items() if contents[name] is None]
        if missing:
            raise ReleaseError(
                f"{where}, but its package does not load: {', '.join(missing)} is not in that commit"
            )
        files = tuple((p, contents[name]) for p, name in names[commit.id].items())
        earlier = first.get(version)
        if earlier is None:
            if validate:
                _validated(descriptor, files, where, f"{base or '.'}@{commit.short}", cache, stamp)
            release = make_release(descriptor, files, commit.id, commit.date)
            has_workbooks = contents[f"{commit.id}:{WORKBOOK_WRITER}"] is not None
            first[version] = replace(release, has_workbooks=has_workbooks)
        elif make_release(descriptor, files).archive != earlier.archive:
            raise ReleaseError(
                f"{where}, which commit {earlier.commit[:12]} ({(earlier.committed or '')[:10]}) "
                "released with different data: a version is published once. The way out, before this "
                "reaches main: take the version out of the branch that holds the later commit (start it "
                'again from main, or `git rebase main` and drop its change of "version"), and keep its '
                "change as a change file (`make correct`); `make release` then gives it a version of its own"
            )
        elif dt.datetime.fromisoformat(commit.date) < dt.datetime.fromisoformat(earlier.committed):
            # The same files released on two branches: the earlier commit released them.
            has_workbooks = contents[f"{commit.id}:{WORKBOOK_WRITER}"] is not None
            first[version] = replace(
                earlier, commit=commit.id, committed=commit.date, has_workbooks=has_workbooks
            )
    return list(first.values())


def _claims(
    commits: list[_Commit], descriptors: dict[str, bytes | None], path: str
) -> list[tuple[_Commit, str, bytes]]:
    """The commits that set a version none of their parents carried, oldest first, with that version
    and descriptor; ReleaseError for a descriptor without a version, or a version that goes down."""
    claims = []
    for commit in commits:
        version = _version(descriptors[f"{commit.id}:{path}"])
        if isinstance(version, ValueError):
            raise ReleaseError(
                f"{commit.named()}: {path} {version}, so the package of that commit does not load"
            )
        before = [
            v for v in (_version(descriptors[f"{p}:{path}"]) for p in commit.parents) if isinstance(v, str)
        ]
        if version is None:
            continue  # the commit removed the descriptor
        parts = _semver(version)
        if parts is None:
            if version not in before:
                raise ReleaseError(
                    f"{commit.named()} sets version '{version}', which is not MAJOR.MINOR.PATCH"
                )
            continue
        higher = [v for v in before if (_semver(v) or ()) > parts]
        if higher:
            raise ReleaseError(
                f"{commit.named()} sets version {version}, lower than its parent's "
                f"{max(higher, key=_semver)}: versions only go up (a correction is a new version; "
                "`make diff` says which)"
            )
        if version not in before:
            claims.append((commit, version, descriptors[f"{commit.id}:{path}"]))
    return claims


_memo: dict[tuple, History] = {}


def release_history(descriptor: Path, cache: Path | None = CACHE) -> History:
    """Every version the site offers for the package at `descriptor`: the releases in the git history
    of that file, and the working tree's version (the current one) whether or not it is committed yet.

    Raises ReleaseError for a release that cannot be published. Remembered per package and HEAD, so
    the pages, the changelog and the writing after the build share one reading.
    """
    descriptor = Path(descriptor)
    try:
        raw = folder_files(descriptor)
    except (OSError, ValueError) as error:
        raise ReleaseError(f"{descriptor}: the current package cannot be published: {error}") from None
    try:
        top, path, head = _head(descriptor)
    except _NoHistory as reason:
        top, path, head, missing = None, "", None, reason
    key = (str(descriptor), head, cache, raw)
    if key in _memo:
        return _memo[key]
    current = make_release(*raw)
    notes, found = [], []
    try:
        if top is None:
            raise missing
        found = _history(top, path, cache)
    except _NoHistory as reason:
        notes.append(
            f"releases: {reason}; the downloads offer the current version {current.version} only, "
            "without the earlier ones"
        )
    releases = {r.version: r for r in found}
    released = releases.get(current.version)
    if released is None:
        mine = _semver(current.version)
        newer = [r for r in found if mine is not None and _semver(r.version) > mine]
        if newer:
            latest = max(newer, key=lambda r: _semver(r.version))
            raise ReleaseError(
                f"{descriptor.name}: the working tree sets version {current.version}, lower than "
                f"{latest.version}, which commit {latest.commit[:12]} released: versions only go up"
            )
        releases[current.version] = current
    elif released.archive != current.archive:
        # The data changed but not the version: the version's stable address keeps what was released, and
        # today's address shows the working tree. Change files waiting for `make release` are the usual
        # reason, and the site says so itself ("and 1 unreleased correction"); without one, say it here.
        if not change_files(repository_root(descriptor)):
            notes.append(
                f"releases: the package differs from version {current.version} as commit "
                f"{released.commit[:12]} released it; data/download/{current.version}/ keeps the release, "
                "and the changes wait for `make release` (a maintainer's step), which sets the next version"
            )
    else:
        current = released
    ordered = sorted(releases.values(), key=lambda r: _semver(r.version) or (), reverse=True)
    history = History(ordered, current, notes, read=bool(found), top=top, cache=cache)
    _memo.clear()
    _memo[key] = history
    return history


def released_workbooks(top: Path, release: Release, cache: Path | None = CACHE) -> list[tuple[str, bytes]]:
    """The workbooks (name, bytes) that the writer of the commit that released a version makes, run in a
    copy of that commit with this Python; remembered per commit and site address."""
    site_url = os.environ.get("DND_SITE_URL", "")
    key = hashlib.sha256(f"{release.commit}\0{site_url}".encode()).hexdigest()
    kept = cache / "workbooks" / key if cache is not None else None
    if kept is not None and (kept / "done").exists():
        return [(p.name, p.read_bytes()) for p in sorted(kept.glob("*.xlsx"))]
    where = f"commit {release.commit[:12]} released version {release.version} with workbooks"
    try:
        tree = _git(top, "archive", "--format=tar", release.commit)
    except _NoHistory as reason:
        raise ReleaseError(f"{where}, but it cannot be read: {reason}") from None
    with tempfile.TemporaryDirectory(prefix="dnd-workbooks-") as folder:
        root = Path(folder) / "tree"
        with tarfile.open(fileobj=io.BytesIO(tree)) as archive:
            archive.extractall(root, filter="data")
        out = Path(folder) / "out"
        # The copy's own code comes first on the path, before the checkout the virtual env points to.
        env = {**os.environ, "PYTHONPATH": str(root), "PYTHONDONTWRITEBYTECODE": "1"}
        env.pop("DND_DATAPACKAGE", None)
        try:
            done = subprocess.run(
                [sys.executable, WORKBOOK_WRITER, str(out)],
                cwd=root,
                env=env,
                capture_output=True,
                timeout=WORKBOOK_TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise ReleaseError(f"{where}, but its writer did not finish in {WORKBOOK_TIMEOUT} s") from None
        made = sorted(out.glob("*.xlsx")) if out.is_dir() else []
        if done.returncode != 0 or not made:
            lines = done.stderr.decode("utf-8", "replace").strip().splitlines()[-5:]
            raise ReleaseError(
                f"{where}, but its writer ({WORKBOOK_WRITER}) fails here, so they cannot be offered as "
                "released:\n  " + "\n  ".join(lines or [f"exit status {done.returncode}, no workbook"])
            )
        workbooks = [(p.name, p.read_bytes()) for p in made]
    if kept is not None:
        # Written aside and moved into place whole, so two builds sharing the cache (the parallel tests)
        # never read a half-written entry; the second to finish keeps the first one's identical bytes.
        kept.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{key}-", dir=kept.parent))
        for name, content in workbooks:
            (staging / name).write_bytes(content)
        (staging / "done").write_text(
            f"made by {WORKBOOK_WRITER} of commit {release.commit}\n", encoding="utf-8"
        )
        if kept.exists() and not (kept / "done").exists():
            shutil.rmtree(kept, ignore_errors=True)  # left half-written by an interrupted older build
        try:
            staging.rename(kept)
        except OSError:
            shutil.rmtree(staging, ignore_errors=True)
    return workbooks


def write_releases(history: History, site_dir: str | Path) -> list[Path]:
    """Write every version's files at its stable address (called after the build): the package, and
    the workbooks of a version released with them."""
    written = []
    for release in history.releases:
        for site_path, content in [*release.site_files(), *history.workbooks(release)]:
            target = Path(site_dir) / site_path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
            written.append(target)
    return written
