"""What a run was measured on and against: the machine, the packages, and the app directory's code (its git
commit, read from .git without running git, and a hash of its source files, which also tells uncommitted edits
apart)."""

from __future__ import annotations

import hashlib
import os
import platform
import sys
from importlib import metadata
from pathlib import Path

PACKAGES = (
    "dash",
    "plotly",
    "flask",
    "werkzeug",
    "gunicorn",
    "flask-compress",
    "orjson",
    "pandas",
    "selenium",
    "psutil",
)
SOURCE = (".py", ".js", ".css", ".yaml")
NOT_SOURCE = {".venv", "build", "tests", "benchmarks", "bench-out", "export-out", "__pycache__", ".git", "docs"}


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def git_commit(app_dir: Path) -> str | None:
    """HEAD's commit of a checkout or worktree, from the files under .git."""
    dot = app_dir / ".git"
    if dot.is_file():
        gitdir = Path(dot.read_text().split("gitdir:", 1)[1].strip())
        gitdir = gitdir if gitdir.is_absolute() else (app_dir / gitdir).resolve()
    elif dot.is_dir():
        gitdir = dot
    else:
        return None
    head = (gitdir / "HEAD").read_text().strip()
    if not head.startswith("ref:"):
        return head
    ref = head[4:].strip()
    common = gitdir
    if (gitdir / "commondir").exists():
        common = (gitdir / (gitdir / "commondir").read_text().strip()).resolve()
    for base in (gitdir, common):
        if (base / ref).is_file():
            return (base / ref).read_text().strip()
    packed = common / "packed-refs"
    for line in packed.read_text().splitlines() if packed.exists() else []:
        if line.endswith(" " + ref):
            return line.split()[0]
    return None


def source_hash(app_dir: Path) -> str:
    """sha256 of the app's source files (paths and contents), tests and tooling left out."""
    h = hashlib.sha256()
    for root, dirs, files in os.walk(app_dir):
        dirs[:] = sorted(d for d in dirs if d not in NOT_SOURCE and not d.endswith(".egg-info"))
        for name in sorted(files):
            if name.endswith(SOURCE):
                path = Path(root, name)
                h.update(str(path.relative_to(app_dir)).encode())
                h.update(path.read_bytes())
    return h.hexdigest()[:16]


def info(app_dir: Path) -> dict:
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)),
        "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "packages": versions,
        "app_dir": str(app_dir),
        "git_commit": git_commit(app_dir),
        "source_sha256": source_hash(app_dir),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }
