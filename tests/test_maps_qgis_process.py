"""The map and document algorithms run in qgis_process (no project; QGIS's own GEOS 3.11 in scope, older than
shapely's): a page or file of each product on the fixture village."""
import subprocess

import map_fixtures
from map_fixtures import layer_uri
from test_qgis_process import PLUGIN, qgis_process  # noqa: F401 (the fixture)


def test_products_in_qgis_process(qgis_process, provider, tmp_path):  # noqa: F811
    gpkg = map_fixtures.make_village(tmp_path)
    qgis_process("plugins", "enable", PLUGIN)

    def run(algorithm, **params):
        args = ["run", f"homestead:{algorithm}", "--"] + [f"{k}={v}" for k, v in params.items()]
        return qgis_process(*args, json_output=True)["results"]

    parcels = layer_uri(gpkg, "ZD")
    maps = run("parcelmaps", PARCELS=parcels, POINTS=layer_uri(gpkg, "JZD"), HOUSES=layer_uri(gpkg, "ZRZ"),
               FEATURE_IDS="1,14", OUTPUT_FOLDER=tmp_path / "zdt")
    assert maps["PAGES"] == 2
    text = subprocess.run(["pdftotext", str(tmp_path / "zdt" / f"{map_fixtures.VILLAGE_CODE}JC00001.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert f"{map_fixtures.VILLAGE_CODE}JC00001" in text and "J4" in text
    assert run("housemaps", HOUSES=layer_uri(gpkg, "ZRZ"), PARCELS=parcels, VILLAGE=f"{map_fixtures.VILLAGE_CODE}JC0000", FORMAT=1,
               OUTPUT_FOLDER=tmp_path / "fct")["PAGES"] >= 9
    assert run("sheetmaps", PARCELS=parcels, FARMLAND=layer_uri(gpkg, "JBNT"), SCALE=0,
               OUTPUT_FOLDER=tmp_path / "thm")["PAGES"] >= 1
    assert run("surveyforms", PARCELS=parcels, POINTS=layer_uri(gpkg, "JZD"), VILLAGE=f"{map_fixtures.VILLAGE_CODE}JC00001",
               FORMAT=0,
               OUTPUT_FOLDER=tmp_path / "forms")["PAGES"] == 1
    assert run("noticelist", PARCELS=parcels, START="2020-09-28", OUTPUT_FOLDER=tmp_path / "notices")["PERIOD"] == \
        "2020-09-28/2020-10-26"
