#!/usr/bin/env python3
"""Write the README pictures docs/screenshots/zongditu.png and fangchantu.png from the demo village.

One 宗地图 and one 房产分户图 of sample_data/demo_village.gpkg (boundary points from homestead:boundarypoints, as
`make demo` does), drawn by the same algorithms at 150 dpi. Run after a change to the templates or styles:
    QT_QPA_PLATFORM=offscreen /usr/bin/python3 tools/make_screenshots.py [ZDDM]
"""
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "build" / "plugins"))
sys.path.insert(0, "/usr/share/qgis/python/plugins")
VILLAGE = REPO / "sample_data" / "demo_village.gpkg"
SHOTS = REPO / "docs" / "screenshots"
DPI = 150
VARIABLES = {"SURVEY_DATE": "2020-05", "DRAFTER": "张工", "CHECKER": "李工", "DRAW_DATE": "2020年6月1日",
             "CHECK_DATE": "2020年6月3日"}


def pick_parcel(gpkg: str) -> str:
    """A parcel with two buildings of different storeys: the house map then has a plan per floor."""
    from qgis.core import QgsVectorLayer

    houses = QgsVectorLayer(f"{gpkg}|layername=ZRZ", "ZRZ", "ogr")
    storeys = {}
    for feature in houses.getFeatures():
        storeys.setdefault(feature["ZDDM"], set()).add(feature["ZCS"])
    del houses
    varied = sorted(code for code, values in storeys.items() if code and len(values) > 1)
    return varied[0] if varied else sorted(c for c in storeys if c)[0]


def main():
    from qgis.core import QgsApplication, QgsVectorLayer

    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    import processing

    from homestead_cadastre.processing.provider import HomesteadProvider

    provider = HomesteadProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    if not VILLAGE.exists():
        sys.exit(f"{VILLAGE} is missing: run `make sample-data` first")
    gpkg = str(VILLAGE)
    code = sys.argv[1] if len(sys.argv) > 1 else pick_parcel(gpkg)
    parcels = QgsVectorLayer(f"{gpkg}|layername=ZD", "ZD", "ogr")
    fid = next(f.id() for f in parcels.getFeatures() if f["ZDDM"] == code)
    del parcels
    SHOTS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        processing.run("homestead:parcelmaps", dict(
            VARIABLES, PARCELS=f"{gpkg}|layername=ZD", HOUSES=f"{gpkg}|layername=ZRZ", ROADS=f"{gpkg}|layername=DXT_DL",
            HOLDERS=f"{gpkg}|layername=QLR", FEATURE_IDS=str(fid), FORMAT=2, DPI=DPI, OUTPUT_FOLDER=str(tmp / "zdt")))
        shutil.copyfile(tmp / "zdt" / f"{code}.png", SHOTS / "zongditu.png")
        processing.run("homestead:housemaps", dict(
            VARIABLES, HOUSES=f"{gpkg}|layername=ZRZ", PARCELS=f"{gpkg}|layername=ZD", HOLDERS=f"{gpkg}|layername=QLR",
            VILLAGE=code, FORMAT=2, DPI=DPI, OUTPUT_FOLDER=str(tmp / "fct")))
        first = sorted((tmp / "fct").glob(f"{code}*.png"))[0]
        shutil.copyfile(first, SHOTS / "fangchantu.png")
    print(f"wrote docs/screenshots/zongditu.png and fangchantu.png ({code})")
    QgsApplication.processingRegistry().removeProvider(provider)
    app.exitQgis()


if __name__ == "__main__":
    main()
