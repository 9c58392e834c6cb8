"""套合图 (#14): the coordinate annotations at the corners of the map frame do not overlap (word boxes read from
the PDF with pdftotext -bbox)."""
import re
import subprocess
import xml.etree.ElementTree as ET

import map_fixtures
import pytest
from map_fixtures import layer_uri
from qgis.core import Qgis

COORDINATE = re.compile(r"^\d{4,5}\.\d{2}$")  # a grid annotation in km (parcel areas have 3 digits before the point)


@pytest.fixture(scope="module")
def sheet_pdf(tmp_path_factory, provider):
    import processing

    folder = tmp_path_factory.mktemp("sheets")
    gpkg = map_fixtures.make_village(folder)
    processing.run("homestead:sheetmaps", {"PARCELS": layer_uri(gpkg, "ZD"), "SCALE": 0,
                                           "OUTPUT_FOLDER": str(folder / "out")})
    return next((folder / "out").glob("*.pdf"))


def word_boxes(pdf):
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    root = ET.fromstring(html.replace('xmlns="http://www.w3.org/1999/xhtml"', ""))
    return [(w.text, *(float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax"))) for w in root.iter("word")]


def test_grid_annotations_do_not_overlap(sheet_pdf):
    boxes = [b for b in word_boxes(sheet_pdf) if COORDINATE.match(b[0] or "")]
    # 1:500 sheet, a cross every 10 cm: 6 eastings on top and bottom, 6 northings left and right
    # QGIS ≥ 3.30 leaves out the annotations that would touch the frame corners (20 found there)
    assert len(boxes) == 24 or (Qgis.QGIS_VERSION_INT >= 33000 and len(boxes) >= 20)
    overlapping = [(a[0], b[0]) for k, a in enumerate(boxes) for b in boxes[k + 1:]
                   if a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]]
    assert overlapping == []
