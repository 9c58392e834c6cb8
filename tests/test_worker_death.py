"""Parallel drawing processes die with their parent: qgis_process.bin running parcelmaps with WORKERS=2, killed
with SIGKILL while its workers draw, leaves no worker running (or writing) two seconds later; the next run into the same
folder removes the temporaries the killed run left and succeeds."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import SAMPLE

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc, sends SIGKILL")


def children(pid):
    """Process ids whose parent is ``pid`` (from /proc), zombies left out."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat[stat.rindex(")") + 2:].split()
            if fields[0] != "Z" and int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def running(pid):
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2:].split()[0] != "Z"


def test_workers_die_with_the_killed_parent_and_leftovers_go(tmp_path):
    from test_qgis_process import PLUGIN, PLUGINS, qgis_process_command

    village = tmp_path / "village.gpkg"
    shutil.copyfile(SAMPLE / "demo_village.gpkg", village)
    env = dict(os.environ, QGIS_PLUGINPATH=str(PLUGINS), QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "profile"),
               QT_QPA_PLATFORM="offscreen", HOMESTEAD_PYTHON="/usr/bin/python3")
    command = qgis_process_command()
    subprocess.run([command, "plugins", "enable", PLUGIN], env=env, cwd=tmp_path, check=True, capture_output=True)
    folder = tmp_path / "zdt"
    arguments = [command, "run", "homestead:parcelmaps", "--", f"PARCELS={village}|layername=ZD", f"OUTPUT_FOLDER={folder}"]
    parent = subprocess.Popen(arguments + ["WORKERS=2"], env=env, cwd=tmp_path,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 240
        workers = []
        while parent.poll() is None and time.monotonic() < deadline:  # wait until both workers draw pages
            workers = children(parent.pid)
            if len(workers) == 2 and folder.exists() and list(folder.glob("*.pdf")):
                break
            time.sleep(0.05)
        assert parent.poll() is None and len(workers) == 2, "the run ended before its workers were drawing"
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=30)
        gone_by = time.monotonic() + 2
        while any(running(w) for w in workers) and time.monotonic() < gone_by:
            time.sleep(0.1)
        alive = [w for w in workers if running(w)]
        pages = len(list(folder.glob("*.pdf")))
        time.sleep(2)
        written_after = len(list(folder.glob("*.pdf"))) - pages
    finally:
        for pid in children(parent.pid) + workers:  # never leave a process behind, whatever the outcome
            if running(pid):
                os.kill(pid, signal.SIGKILL)
    assert not alive, f"workers {alive} still running 2 s after their parent was killed"
    assert written_after == 0, "pages were still being written after the workers should have died"
    leftovers = [p.name for p in folder.iterdir() if p.name.startswith("~tmp-")]
    assert leftovers, "the killed run left its scratch folder (the next run removes it)"

    done = subprocess.run(arguments + ["FEATURE_IDS=1,2"], env=env, cwd=tmp_path, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert not [p.name for p in folder.iterdir() if p.name.startswith("~tmp-")]
    assert len(list(folder.glob("*.pdf"))) >= 2


def test_python_probe_runs_once_per_session(monkeypatch):
    """Finding the Python for the workers starts a Python that imports qgis (half a second); a second batch in
    the same session asks no more."""
    import subprocess

    from homestead_cadastre.processing.library import parallel

    parallel._imports_qgis.cache_clear()
    calls = []
    real = subprocess.run

    def counting(*args, **kwargs):
        calls.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(subprocess, "run", counting)
    first = parallel.python_executable()
    second = parallel.python_executable()
    assert first is not None and first == second
    assert len(calls) == 1, calls
