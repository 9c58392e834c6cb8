"""Atomic file output: write to a temporary file beside the target, rename when complete."""
from __future__ import annotations

import contextlib
import os
import tempfile


@contextlib.contextmanager
def atomic_output(path: str, suffix: str = ""):
    """Yield a temporary path in the target's folder; on success it replaces ``path``, on error it is removed.

    The rename is atomic on one file system, so a reader never sees a half-written file and a failed run
    leaves the previous file untouched.
    """
    folder = os.path.dirname(os.path.abspath(path)) or "."
    os.makedirs(folder, exist_ok=True)
    suffix = suffix or os.path.splitext(path)[1]
    handle, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=suffix, dir=folder)
    os.close(handle)
    os.remove(tmp)  # writers (GDAL, openpyxl) create the file themselves
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
