"""Test set-up: the repository is loaded as package ``homestead_cadastre`` on real, headless QGIS."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PLUGINS = REPO / "build" / "plugins"
SHARED = REPO.parent / "shared"
if not SHARED.exists():  # a worktree in /work/wt/<name>: the shared folder is one level further up
    SHARED = REPO.parent.parent / "shared"
REAL_DATA = SHARED / "data" / "real"
SAMPLE = REPO / "sample_data"

PLUGINS.mkdir(parents=True, exist_ok=True)
_link = PLUGINS / "homestead_cadastre"
if not _link.exists():  # absent, or dangling (an absolute link made where the checkout was mounted elsewhere)
    if _link.is_symlink():
        _link.unlink()
    os.symlink(os.path.join("..", ".."), _link)  # relative: valid on the host and in the QGIS 3.40 chroot
if str(PLUGINS) not in sys.path:
    sys.path.insert(0, str(PLUGINS))
xdg = REPO / "build" / "xdg"
xdg.mkdir(parents=True, exist_ok=True)
xdg.chmod(0o700)
os.environ.setdefault("XDG_RUNTIME_DIR", str(xdg))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def in_ci(environ=os.environ) -> bool:
    """CI runs (CI=true, as GitHub/GitLab set it, or HYPOTHESIS_PROFILE=ci) may not skip or vary at random."""
    return environ.get("CI", "").strip().lower() in ("1", "true", "yes") or environ.get("HYPOTHESIS_PROFILE") == "ci"


def missing_data(reason: str, environ=os.environ):
    """Skip a test whose data is absent, except in CI, where absent data fails the run (nothing untested)."""
    if in_ci(environ):
        pytest.fail(f"{reason} (CI: the test data must be present)", pytrace=False)
    pytest.skip(reason)


def require_files(*paths: Path, reason: str) -> None:
    """missing_data(reason) unless every one of ``paths`` exists."""
    if not all(Path(p).exists() for p in paths):
        missing_data(reason)


# Hypothesis draws new examples on every run; CI replays the same ones (derandomize) so it cannot fail at random.
from hypothesis import settings  # noqa: E402

settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
if in_ci():
    settings.load_profile("ci")


@pytest.fixture(autouse=True, scope="session")
def qgis_objects_freed_before_exit(qgis_app):
    """Layers and layouts Python still owns at the end are deleted while QGIS runs: freed after exitQgis, they
    crash QGIS 3.22 (a refused run can leave one, held by a frame of its error). Torn down before qgis_app."""
    yield
    import gc
    import sys

    import sip
    from qgis.core import QgsLayout, QgsMapLayer

    for name in ("last_type", "last_value", "last_traceback", "last_exc"):
        if hasattr(sys, name):
            setattr(sys, name, None)
    gc.collect()
    for thing in [o for o in gc.get_objects() if isinstance(o, (QgsMapLayer, QgsLayout))]:
        if not sip.isdeleted(thing) and sip.ispyowned(thing):
            sip.delete(thing)
    gc.collect()


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
        missing_data(f"real data folder {REAL_DATA} is not beside the checkout")
    return REAL_DATA
