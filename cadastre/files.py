"""Safe file output: atomic writes (a temporary file beside the target, renamed when complete) and the removal
of temporaries that killed runs left. Plain Python; the refusal of unsafe outputs is processing/library/output_guard.py."""
from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import socket
import tempfile

# temporaries are named ~tmp-<host>-<pid>-<random><suffix>: a later run removes those of dead processes of this host
TEMPORARY_PREFIX = "~tmp-"
_TEMPORARY = re.compile(r"^~tmp-([0-9a-f]{8})-(\d+)-")


def _host() -> str:
    return hashlib.sha1(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:8]


def temporary_path(folder: str, suffix: str) -> str:
    """A new, unused temporary file name in ``folder`` (the file is not created), of the pattern that
    remove_stale_temporaries recognises."""
    handle, path = tempfile.mkstemp(prefix=f"{TEMPORARY_PREFIX}{_host()}-{os.getpid()}-", suffix=suffix, dir=folder)
    os.close(handle)
    os.remove(path)  # writers (GDAL, openpyxl, QGIS) create the file themselves
    return path


def temporary_folder(folder: str, suffix: str = "") -> str:
    """A new temporary folder in ``folder``, of the pattern that remove_stale_temporaries recognises."""
    return tempfile.mkdtemp(prefix=f"{TEMPORARY_PREFIX}{_host()}-{os.getpid()}-", suffix=suffix, dir=folder)


def process_alive(pid: int) -> bool:
    """Whether process ``pid`` of this machine is running."""
    if os.name == "nt":
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x00100000, False, pid)  # SYNCHRONIZE
        if not handle:
            return False
        try:
            return kernel32.WaitForSingleObject(handle, 0) == 0x102  # WAIT_TIMEOUT: still running
        finally:
            kernel32.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_temporaries(folder: str) -> list:
    """Remove the temporary files and folders (with journals, sidecars) that processes of this machine which
    are no longer running left in ``folder`` (killed while writing); the removed paths."""
    removed, host = [], _host()
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        match = _TEMPORARY.match(name)
        if not match or match.group(1) != host or int(match.group(2)) == os.getpid() or process_alive(int(match.group(2))):
            continue
        path = os.path.join(folder, name)
        try:
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path)
            else:
                os.remove(path)
        except OSError:
            continue
        removed.append(path)
    return removed


@contextlib.contextmanager
def atomic_output(path: str, suffix: str = ""):
    """Yield a temporary path in the target's folder; on success it replaces ``path``, on error it is removed.

    The rename is atomic on one file system, so a reader never sees a half-written file and a failed run
    leaves the previous file untouched.
    """
    folder = os.path.dirname(os.path.abspath(path)) or "."
    os.makedirs(folder, exist_ok=True)
    tmp = temporary_path(folder, suffix or os.path.splitext(path)[1])
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
