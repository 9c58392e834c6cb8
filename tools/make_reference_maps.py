#!/usr/bin/env python3
"""Regenerate tests/data/zongditu_reference.png, the page tests/test_parcel_maps.py compares a fresh render with.

Run after a deliberate change to the template, the styles or the label placement, look at the new PNG, commit it:
    QT_QPA_PLATFORM=offscreen /usr/bin/python3 tools/make_reference_maps.py
"""
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "build" / "plugins"))
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, "/usr/share/qgis/python/plugins")


def main():
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    import map_fixtures

    from homestead_cadastre.processing.provider import HomesteadProvider

    provider = HomesteadProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    with tempfile.TemporaryDirectory() as tmp:
        png = map_fixtures.render_reference_page(Path(tmp))
        target = REPO / "tests" / "data" / "zongditu_reference.png"
        target.parent.mkdir(exist_ok=True)
        shutil.copyfile(png, target)
        print("wrote", target.relative_to(REPO))
    QgsApplication.processingRegistry().removeProvider(provider)
    app.exitQgis()


if __name__ == "__main__":
    main()
