"""Test set-up: the repository is loaded as package ``homestead_cadastre`` on real, headless QGIS."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PLUGINS = REPO / "build" / "plugins"
SHARED = next((p for p in (REPO.parent / "shared", REPO.parent.parent / "shared") if p.exists()), REPO.parent / "shared")  # worktrees sit one level deeper
REAL_DATA = SHARED / "data" / "real"
SAMPLE = REPO / "sample_data"

PLUGINS.mkdir(parents=True, exist_ok=True)
if not (PLUGINS / "homestead_cadastre").exists():
    os.symlink(REPO, PLUGINS / "homestead_cadastre")
if str(PLUGINS) not in sys.path:
    sys.path.insert(0, str(PLUGINS))
xdg = REPO / "build" / "xdg"
xdg.mkdir(parents=True, exist_ok=True)
xdg.chmod(0o700)
os.environ.setdefault("XDG_RUNTIME_DIR", str(xdg))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="module")
def provider(qgis_app, qgis_processing):
    """The homestead provider registered in the session's Processing registry."""
    from qgis.core import QgsApplication

    from homestead_cadastre.processing.provider import HomesteadProvider

    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("homestead")
    if existing is not None:
        yield existing
        return
    prov = HomesteadProvider()
    assert registry.addProvider(prov)
    yield prov
    registry.removeProvider(prov)


@pytest.fixture
def run_alg(provider):
    """Run a homestead algorithm through processing.run, as the toolbox and the modeler do."""
    import processing

    def _run(name, params, **kwargs):
        return processing.run(f"homestead:{name}", params, **kwargs)

    return _run


@pytest.fixture
def real_data():
    if not REAL_DATA.exists():
        pytest.skip(f"real data folder {REAL_DATA} is not beside the checkout")
    return REAL_DATA
