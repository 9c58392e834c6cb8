"""The delivery algorithms under qgis_process, as `make demo` runs them (shapely may run on QGIS's older GEOS
there): the demo village written, read back by ogrinfo with the source counts, its defects failing the check."""
import json
import sqlite3
import subprocess

from conftest import SAMPLE
from test_qgis_process import PLUGIN, qgis_process  # noqa: F401 (the fixture)

VILLAGE = SAMPLE / "demo_village.gpkg"


def test_delivery_share_and_summary_in_qgis_process(qgis_process, tmp_path):  # noqa: F811 (the fixture)
    qgis_process("plugins", "enable", PLUGIN)
    layers = [f"PARCELS={VILLAGE}|layername=ZD", f"BUILDINGS={VILLAGE}|layername=ZRZ", f"HOLDERS={VILLAGE}|layername=QLR"]
    folder = tmp_path / "delivery"
    result = qgis_process("run", "homestead:exportdelivery", "--", *layers, f"OUTPUT_FOLDER={folder}", json_output=True)
    assert result["results"]["COMPLETE"] is False and result["results"]["PROBLEMS"] > 0
    db = sqlite3.connect(VILLAGE)
    counts = {n: db.execute(f"SELECT COUNT(*) FROM {n}").fetchone()[0] for n in ("ZD", "ZRZ", "QLR")}
    listing = subprocess.run(["ogrinfo", "-ro", "-so", "-al", str(folder / "delivery.gdb")], capture_output=True,
                             text=True, check=True).stdout
    found = dict(zip([line.split(": ", 1)[1] for line in listing.splitlines() if line.startswith("Layer name: ")],
                     [int(line.split(": ", 1)[1]) for line in listing.splitlines() if line.startswith("Feature Count: ")]))
    assert found == dict(counts, JSYDSYQ=counts["ZD"], FDCQ2=counts["ZRZ"])
    check = qgis_process("run", "homestead:checkdelivery", "--", f"INPUT={folder}", json_output=True)
    assert check["results"]["PROBLEMS"] == result["results"]["PROBLEMS"]
    share = qgis_process("run", "homestead:exportshare", "--", *layers, f"OUTPUT={tmp_path / 'share.gpkg'}",
                         json_output=True)
    assert share["results"]["MASKED"] == counts["QLR"]
    summary = qgis_process("run", "homestead:areasummary", "--", layers[0], layers[1], "DATE=2020-09-30",
                           f"OUTPUT_XLSX={tmp_path / 's.xlsx'}", f"OUTPUT_PDF={tmp_path / 's.pdf'}", json_output=True)
    assert summary["results"]["PARCELS_COUNTED"] == counts["ZD"]
    assert json.loads((folder / "metadata.json").read_text(encoding="utf-8"))["自检"]["通过"] is False
