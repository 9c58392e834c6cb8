"""homestead:parcelmaps on a real GeoPackage (homestead:createproject + the map_fixtures village) through
Processing: the PDF text, the embedded CJK font, the reference page, labels that do not collide, failures that
are listed, cancelling, selections, templates a county changed, and parallel drawing."""
import csv
import os
import re
import subprocess
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import map_fixtures
import numpy as np
import pytest
from conftest import REPO
from map_fixtures import layer_uri
from qgis.core import Qgis, QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer

DATA = Path(__file__).parent / "data"


class Recorder(QgsProcessingFeedback):
    def __init__(self, cancel_after=None):
        super().__init__()
        self.messages = []
        self.cancel_after = cancel_after
        self.steps = 0
        self.progressChanged.connect(self._progress)

    def _progress(self, _value):
        self.steps += 1
        if self.cancel_after is not None and self.steps > self.cancel_after:
            self.cancel()

    def pushInfo(self, info):  # noqa: N802
        self.messages.append(info)

    def pushWarning(self, warning):  # noqa: N802
        self.messages.append(warning)

    def reportError(self, error, fatalError=False):  # noqa: N802, N803
        self.messages.append(error)


@pytest.fixture(scope="module")
def village(tmp_path_factory, provider):
    folder = tmp_path_factory.mktemp("village")
    parcels = map_fixtures.village_parcels()
    gpkg = map_fixtures.make_village(folder)
    return gpkg, parcels


def params(gpkg, folder, **extra):
    base = dict(PARCELS=layer_uri(gpkg, "ZD"), HOUSES=layer_uri(gpkg, "ZRZ"), POINTS=layer_uri(gpkg, "JZD"),
                LINES=layer_uri(gpkg, "JZX"), ROADS=layer_uri(gpkg, "DXT_DL"), OUTPUT_FOLDER=str(folder),
                SURVEY_DATE="2020-05", DRAFTER="张工", CHECKER="李工")
    base.update(extra)
    return base


def pdftotext(path, *args):
    return subprocess.run(["pdftotext", *args, str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_every_parcel_gets_a_page_with_its_facts(village, tmp_path, run_alg):
    gpkg, parcels = village
    result = run_alg("parcelmaps", params(gpkg, tmp_path))
    assert result["PAGES"] == len(parcels) and result["FAILED"] == 0
    for parcel in parcels:
        text = pdftotext(tmp_path / f"{parcel.code}.pdf")
        assert parcel.code in text
        assert parcel.owner in text
        # the fixture's own shoelace area as the map writes it: stored to 4 decimals, shown to 2, each 四舍五入
        shown = Decimal(repr(parcel.area)).quantize(Decimal("0.0001"), ROUND_HALF_UP).quantize(Decimal("0.01"), ROUND_HALF_UP)
        assert str(shown) in text
        numbers = set(re.findall(r"\bJ\d+\b", text))
        assert numbers == {f"J{k}" for k in range(1, len(parcel.ring) + 1)}
        assert "2020年5月解析法测绘界址点" in text and "张工" in text and "宗地面积" in text
        lengths = [f"{((b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2) ** 0.5:.2f}" for a, b in
                   zip(parcel.ring, parcel.ring[1:] + parcel.ring[:1])]
        for length in lengths:
            assert length in text
    report = list(csv.reader(open(result["REPORT"], encoding="utf-8-sig")))
    assert len(report) == len(parcels) + 1


def test_label_halos_drawn_as_the_placer_reckons(provider):
    """The 宗地图's label layer draws a halo where PlacedLabel.halo says so, as wide as the placer assumes
    (parcelmap.HALO_MM), and no line or circle of the page is wider than the placer reckons with."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsPalLayerSettings, QgsRenderContext, QgsUnitTypes

    from homestead_cadastre.cadastre.maps import parcelmap
    from homestead_cadastre.mapping.parcel_maps import LAYERS
    from homestead_cadastre.mapping.scene_layers import SceneLayers

    scene = SceneLayers(QgsCoordinateReferenceSystem("EPSG:4525"), LAYERS)
    try:
        settings = scene.layers["labels"].labeling().settings()
        halo = settings.dataDefinedProperties().property(QgsPalLayerSettings.BufferDraw)
        assert halo.isActive() and halo.field() == "halo"
        text_format = settings.format()  # kept: the buffer settings live in it
        buffer = text_format.buffer()
        assert buffer.enabled() and buffer.sizeUnit() == QgsUnitTypes.RenderMillimeters
        assert buffer.size() == parcelmap.HALO_MM
        for key in ("roads", "neighbours", "houses", "parcel", "strokes", "points"):
            for symbol in scene.layers[key].renderer().symbols(QgsRenderContext()):
                for layer in symbol.symbolLayers():
                    width = layer.strokeWidth() if hasattr(layer, "strokeWidth") else layer.width()
                    assert width <= parcelmap.WIDEST_LINE_MM, (key, width)
                    if key == "points":
                        assert layer.size() == parcelmap.POINT_CIRCLE_MM
    finally:
        scene.release()


def test_pdf_embeds_a_cjk_font(village, tmp_path, run_alg):
    gpkg, parcels = village
    run_alg("parcelmaps", params(gpkg, tmp_path, FEATURE_IDS="1"))
    (pdf,) = tmp_path.glob("*.pdf")
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:]]
    cjk = [row for row in rows if "CJK" in row[0]]
    assert cjk, fonts
    # columns ... emb sub uni object ID: every CJK font embedded
    assert all(row[-5] == "yes" for row in cjk), fonts


def test_reference_page_matches(provider, tmp_path):
    """One page against tests/data/zongditu_reference.png (regenerate: tools/make_reference_maps.py)."""
    from qgis.PyQt.QtGui import QImage

    png = map_fixtures.render_reference_page(tmp_path)

    def pixels(path):
        image = QImage(str(path)).convertToFormat(QImage.Format_RGB888)
        pointer = image.constBits()
        pointer.setsize(image.sizeInBytes())
        rows = np.frombuffer(pointer, np.uint8).reshape(image.height(), image.bytesPerLine())
        return rows[:, : image.width() * 3].reshape(image.height(), image.width(), 3).astype(int)

    new, reference = pixels(png), pixels(DATA / "zongditu_reference.png")
    assert new.shape == reference.shape
    differing = (np.abs(new - reference).max(axis=2) > 64).mean()
    # The reference was rendered by QGIS 3.22; newer QGIS anti-aliases text and symbols a little differently.
    tolerance = 0.005 if Qgis.QGIS_VERSION_INT < 32300 else 0.02
    assert differing < tolerance, f"{differing:.2%} of the pixels differ from the reference page"


def word_boxes(pdf):
    """(text, x0, y0, x1, y1) of every word pdftotext finds, in points."""
    xml = pdftotext(pdf, "-bbox")
    pattern = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
    return [(m.group(5), *map(float, m.group(1, 2, 3, 4))) for m in pattern.finditer(xml)]


@pytest.mark.parametrize("which", [-2, -1])  # the thin parcel and the notched one
def test_labels_do_not_collide_on_thin_and_jagged_parcels(village, tmp_path, run_alg, which):
    gpkg, parcels = village
    parcel = parcels[which]
    run_alg("parcelmaps", params(gpkg, tmp_path))
    words = word_boxes(tmp_path / f"{parcel.code}.pdf")
    # the words drawn on the map (between the header table and the survey note)
    top = next(w for w in words if w[0] == "土地权利人")[4]
    bottom = next(w for w in words if "测绘界址点" in w[0])[2]
    on_map = [w for w in words if top < w[2] and w[4] < bottom and w[0] != ""]
    assert {f"J{k}" for k in range(1, len(parcel.ring) + 1)} <= {w[0] for w in on_map}
    shrink = 0.6  # pt: glyph boxes of neighbouring words may touch
    for k, a in enumerate(on_map):
        for b in on_map[k + 1:]:
            overlap = (min(a[3], b[3]) - max(a[1], b[1]) > shrink) and (min(a[4], b[4]) - max(a[2], b[2]) > shrink)
            assert not overlap, f"{a[0]} and {b[0]} overlap"


def test_one_multipage_pdf(village, tmp_path, run_alg):
    gpkg, parcels = village
    result = run_alg("parcelmaps", params(gpkg, tmp_path, FORMAT=1))
    pdf = tmp_path / "zongditu.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) == len(parcels)
    text = pdftotext(pdf)
    assert all(p.code in text for p in parcels)
    assert result["PAGES"] == len(parcels)


def test_png_pages(village, tmp_path, run_alg):
    from qgis.PyQt.QtGui import QImage

    gpkg, _parcels = village
    run_alg("parcelmaps", params(gpkg, tmp_path, FORMAT=2, DPI=50, FEATURE_IDS="1,2"))
    pngs = sorted(tmp_path.glob("*.png"))
    assert len(pngs) == 2
    image = QImage(str(pngs[0]))
    assert abs(image.width() - 210 / 25.4 * 50) <= 1 and abs(image.height() - 297 / 25.4 * 50) <= 1


def test_selection_only(village, tmp_path, run_alg):
    from qgis.core import QgsProcessingFeatureSourceDefinition

    gpkg, parcels = village
    layer = QgsVectorLayer(layer_uri(gpkg, "ZD"), "ZD", "ogr")
    from qgis.core import QgsProject

    QgsProject.instance().addMapLayer(layer)
    try:
        chosen = [f.id() for f in layer.getFeatures()][:2]
        layer.selectByIds(chosen)
        source = QgsProcessingFeatureSourceDefinition(layer.id(), True)
        run_alg("parcelmaps", params(gpkg, tmp_path, PARCELS=source))
        codes = {layer.getFeature(fid)["ZDDM"] for fid in chosen}
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
    assert {p.stem for p in tmp_path.glob("*.pdf")} == codes
    # neighbours that were not selected are still drawn around the selected parcels
    assert "JC00004" in pdftotext(tmp_path / f"{sorted(codes)[0]}.pdf")


def test_a_parcel_that_cannot_be_drawn_is_listed_with_why(tmp_path, run_alg):
    gpkg = map_fixtures.make_village(tmp_path)
    zd = QgsVectorLayer(layer_uri(gpkg, "ZD"), "ZD", "ogr")
    victim = next(f for f in zd.getFeatures() if f["ZDDM"].endswith("00003"))
    jzd = QgsVectorLayer(layer_uri(gpkg, "JZD"), "JZD", "ogr")
    doomed = [f.id() for f in jzd.getFeatures() if f["ZDZHDM"] == victim["ZDDM"]]
    assert jzd.dataProvider().deleteFeatures(doomed)
    del zd, jzd
    feedback = Recorder()
    out = tmp_path / "maps"
    result = run_alg("parcelmaps", params(gpkg, out), feedback=feedback)
    assert result["FAILED"] == 1 and result["PAGES"] == 13
    assert not (out / f"{victim['ZDDM']}.pdf").exists()
    rows = {row[0]: row for row in csv.reader(open(result["REPORT"], encoding="utf-8-sig"))}
    assert "没有界址点" in rows[victim["ZDDM"]][3]
    assert any(victim["ZDDM"] in m and "boundary points" in m for m in feedback.messages)


def test_template_without_some_items_still_exports(village, tmp_path, run_alg):
    gpkg, parcels = village
    text = (REPO / "layouts" / "zongditu.qpt").read_text(encoding="utf-8")
    # drop the label item with id header_tfh (a county deleted it in the Layout Designer)
    start = text.index('id="header_tfh"')
    item_start = text.rindex("<LayoutItem ", 0, start)
    item_end = text.index("</LayoutItem>", start) + len("</LayoutItem>")
    template = tmp_path / "county.qpt"
    template.write_text(text[:item_start] + text[item_end:], encoding="utf-8")
    feedback = Recorder()
    out = tmp_path / "maps"
    result = run_alg("parcelmaps", params(gpkg, out, TEMPLATE=str(template), FEATURE_IDS="1"), feedback=feedback)
    assert result["PAGES"] == 1
    assert any("header_tfh" in m for m in feedback.messages)
    assert "3065.0-37512.0" not in pdftotext(next(out.glob("*.pdf")))


def test_template_without_map_is_refused(village, tmp_path, run_alg):
    gpkg, _ = village
    template = tmp_path / "nomap.qpt"
    text = (REPO / "layouts" / "zongditu.qpt").read_text(encoding="utf-8")
    template.write_text(text.replace('id="map"', 'id="karte"'), encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="map item"):
        run_alg("parcelmaps", params(gpkg, tmp_path / "out", TEMPLATE=str(template)))


def test_cancel_leaves_no_partial_files(village, tmp_path, run_alg):
    gpkg, _ = village
    with pytest.raises(QgsProcessingException):
        run_alg("parcelmaps", params(gpkg, tmp_path, FORMAT=1), feedback=Recorder(cancel_after=3))
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob(".tmp-*"))
    with pytest.raises(QgsProcessingException):
        run_alg("parcelmaps", params(gpkg, tmp_path), feedback=Recorder(cancel_after=3))
    assert not list(tmp_path.glob(".tmp-*"))
    assert len(list(tmp_path.glob("*.pdf"))) < 14


def test_no_parcel_matches_the_village_code(village, tmp_path, run_alg):
    gpkg, _ = village
    with pytest.raises(QgsProcessingException, match="999999"):
        run_alg("parcelmaps", params(gpkg, tmp_path, VILLAGE="999999"))


def test_parallel_processes_draw_the_same_pages(village, tmp_path, run_alg):
    gpkg, parcels = village
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    run_alg("parcelmaps", params(gpkg, serial, FEATURE_IDS="1,2,3,4,13,14"))
    result = run_alg("parcelmaps", params(gpkg, parallel, FEATURE_IDS="1,2,3,4,13,14", WORKERS=2))
    assert result["PAGES"] == 6
    assert sorted(p.name for p in serial.glob("*.pdf")) == sorted(p.name for p in parallel.glob("*.pdf"))
    for pdf in parallel.glob("*.pdf"):
        assert pdftotext(pdf) == pdftotext(serial / pdf.name)
    assert not [p for p in parallel.iterdir() if p.name.startswith("~tmp-")]
    assert os.path.exists(result["REPORT"])


def test_boundary_points_computed_when_not_given(village, tmp_path, run_alg):
    from qgis.core import QgsApplication

    if QgsApplication.processingRegistry().algorithmById("homestead:boundarypoints") is None:
        pytest.skip("homestead:boundarypoints has not landed yet")
    gpkg, parcels = village
    result = run_alg("parcelmaps", dict(PARCELS=layer_uri(gpkg, "ZD"), HOUSES=layer_uri(gpkg, "ZRZ"),
                                        OUTPUT_FOLDER=str(tmp_path), FEATURE_IDS="1"))
    assert result["PAGES"] == 1
    assert re.findall(r"\bJ1\b", pdftotext(next(tmp_path.glob("*.pdf"))))


def test_one_layout_shows_each_page_s_own_parcel(village, tmp_path, run_alg):
    """Every page drawn in the one layout shows its own parcel, in files per parcel and in one multi-page PDF."""
    gpkg, parcels = village
    run_alg("parcelmaps", params(gpkg, tmp_path / "files"))
    run_alg("parcelmaps", params(gpkg, tmp_path / "one", FORMAT=1))
    text = pdftotext(tmp_path / "one" / "zongditu.pdf")
    for parcel in parcels:
        page = pdftotext(tmp_path / "files" / f"{parcel.code}.pdf")
        assert parcel.code in page and parcel.owner in page and parcel.code in text
    pages = text.split("\f")
    assert all("宗地图" in page for page in pages if page.strip())
    assert sum(1 for page in pages if page.strip()) == len(parcels)


def test_page_variables_replace_the_previous_page_s(tmp_path):
    """Variables set page after page keep one value each, the last, beside the template's own variables: QGIS's
    setLayoutVariable would append every page's value to the layout, which then evaluates slower page by page."""
    from qgis.core import QgsExpressionContextUtils, QgsProject, QgsReadWriteContext

    from homestead_cadastre.mapping.templates import Template, default_template

    template_path = tmp_path / "with_variable.qpt"
    template = Template(default_template("zongditu.qpt"), QgsProject.instance())
    QgsExpressionContextUtils.setLayoutVariable(template.layout, "county_name", "东坡县")
    template.layout.saveAsTemplate(str(template_path), QgsReadWriteContext())
    template = Template(str(template_path), QgsProject.instance())
    for page in range(5):
        template.set_variables({"homestead_zddm": f"code {page}", "homestead_scale": 500 + page})
    names = template.layout.customProperty("variableNames")
    assert sorted(names) == ["county_name", "homestead_scale", "homestead_zddm"]
    scope = QgsExpressionContextUtils.layoutScope(template.layout)
    assert scope.variable("homestead_zddm") == "code 4" and scope.variable("homestead_scale") == "504"
    assert scope.variable("county_name") == "东坡县"


def test_duplicate_codes_are_refused_by_name(tmp_path, run_alg):
    gpkg = map_fixtures.make_village(tmp_path)
    zd = QgsVectorLayer(layer_uri(gpkg, "ZD"), "ZD", "ogr")
    second = next(f for f in zd.getFeatures() if f["ZDDM"].endswith("00002"))
    first_code = next(f for f in zd.getFeatures() if f["ZDDM"].endswith("00001"))["ZDDM"]
    assert zd.dataProvider().changeAttributeValues({second.id(): {zd.fields().indexOf("ZDDM"): first_code}})
    del zd
    result = run_alg("parcelmaps", params(gpkg, tmp_path / "maps"))
    assert result["FAILED"] == 2
    report = (tmp_path / "maps" / "parcelmaps_report.csv").read_text(encoding="utf-8-sig")
    assert report.count("被 2 宗地共用") == 2
