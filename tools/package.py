#!/usr/bin/env python3
"""Build the installable plugin ZIP: dist/homestead_cadastre-<version>.zip with one top folder.

Only what QGIS needs at run time goes in: the tracked (and not ignored) files minus tests, developer tools and CI, plus the
compiled translations (i18n/*.qm, built by `make translations`).
Usage: tools/package.py DIST_DIR
"""
import configparser
import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TOP = "homestead_cadastre"
EXCLUDED_DIRS = {"tests", "tools", "benchmarks", ".ci", "docs", ".github"}
EXCLUDED_FILES = {"Makefile", "requirements-dev.txt", "ruff.toml", "pytest.ini", ".gitignore"}


def version() -> str:
    parser = configparser.ConfigParser()
    parser.read(REPO / "metadata.txt", encoding="utf-8")
    return parser["general"]["version"]


def shipped_files():
    tracked = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=REPO, check=True, capture_output=True).stdout
    for name in sorted(tracked.decode().split("\0")):
        if not name:
            continue
        path = Path(name)
        if path.parts[0] in EXCLUDED_DIRS or name in EXCLUDED_FILES or path.name.startswith(".git"):
            continue
        if (REPO / path).is_file():
            yield path
    for qm in sorted((REPO / "i18n").glob("*.qm")):
        yield qm.relative_to(REPO)


def build(dist: Path) -> Path:
    dist.mkdir(parents=True, exist_ok=True)
    target = dist / f"{TOP}-{version()}.zip"
    tmp = target.with_suffix(".zip.tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in shipped_files():
            archive.write(REPO / path, f"{TOP}/{path.as_posix()}")
    tmp.replace(target)
    return target


if __name__ == "__main__":
    out = build(Path(sys.argv[1] if len(sys.argv) > 1 else "dist"))
    print(f"wrote {out} ({out.stat().st_size // 1024} KiB)")
