"""Versioned store directories with an atomic ``current`` pointer.

Layout of a store directory::

    STORE/current              symlink → versions/<id>   (replaced by rename(2): atomic)
    STORE/versions/<id>/       one complete Oxigraph store, never written again once published
    STORE/versions/<id>.building-<pid>/   a build in progress (or killed: removed by the next build)

A build writes a new version aside and publishes it by renaming a fresh symlink over ``current``,
so a reader sees either the old or the new version, never a half-built one; a build killed with
SIGKILL leaves only a ``.building`` directory that nothing reads.  The previous version is kept
one generation so that readers still holding it open keep working until they notice the switch.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
import uuid
from pathlib import Path

CURRENT = "current"
VERSIONS = "versions"
BUILDING = ".building-"


def current_version(root: Path) -> Path | None:
    """The published version directory, or None before the first build (one readlink: cheap)."""
    try:
        target = os.readlink(root / CURRENT)
    except (FileNotFoundError, NotADirectoryError):
        return None
    return root / target


def new_build_dir(root: Path) -> Path:
    """A fresh directory for a build; its name tells which process builds it."""
    (root / VERSIONS).mkdir(parents=True, exist_ok=True)
    # nanosecond stamp first: names sort in build order, the random part keeps them unique
    version = f"{time.time_ns():020d}-{uuid.uuid4().hex[:8]}"
    path = root / VERSIONS / f"{version}{BUILDING}{os.getpid()}"
    path.mkdir()
    return path


def publish(root: Path, build_dir: Path) -> Path:
    """Turn a finished build into the current version atomically; returns the version directory."""
    final = build_dir.with_name(build_dir.name.split(BUILDING)[0])
    build_dir.rename(final)
    link = root / f"{CURRENT}.tmp-{os.getpid()}"
    with contextlib.suppress(FileNotFoundError):
        link.unlink()
    link.symlink_to(Path(VERSIONS) / final.name)
    _fsync_dir(root / VERSIONS)
    os.replace(link, root / CURRENT)
    _fsync_dir(root)
    return final


def collect_garbage(root: Path, keep: int = 2) -> None:
    """Remove killed builds and all but the ``keep`` newest published versions (the current one always stays)."""
    versions_dir = root / VERSIONS
    if not versions_dir.is_dir():
        return
    current = current_version(root)
    published: list[Path] = []
    for path in versions_dir.iterdir():
        if BUILDING in path.name:
            if not _alive(int(path.name.rsplit(BUILDING, 1)[1] or 0)):
                shutil.rmtree(path, ignore_errors=True)
        elif path.is_dir():
            published.append(path)
    published.sort(key=lambda p: p.name, reverse=True)
    for path in published[keep:]:
        if current is None or path.resolve() != current.resolve():
            shutil.rmtree(path, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _fsync_dir(path: Path) -> None:
    # the rename is only durable once the directory entry itself reaches the disk
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
