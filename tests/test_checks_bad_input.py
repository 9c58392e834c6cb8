"""Bad input to the overlay and the check: clear refusals naming the problem, findings instead of crashes."""
import pytest
from gpkg import write_layer
from qgis.core import QgsProcessingContext, QgsProcessingException, QgsVectorLayer

E0, N0 = 37_597_000.0, 3_069_000.0
SQUARE = "POLYGON(({x} {y}, {x2} {y}, {x2} {y2}, {x} {y2}, {x} {y}))"


def square(x, y, size=10):
    return SQUARE.format(x=E0 + x, y=N0 + y, x2=E0 + x + size, y2=N0 + y + size)


@pytest.fixture
def village(tmp_path):
    path = str(tmp_path / "bad.gpkg")
    write_layer(path, "ZD", 4525, "multipolygon", {"ZDDM": "text"}, [
        {"ZDDM": "430103001001JC00001", "wkt": square(0, 0)},
        {"ZDDM": "430103001001JC00002", "wkt": f"POLYGON Z(({E0 + 10} {N0} 5, {E0 + 20} {N0} 5, {E0 + 20} {N0 + 10} 5, {E0 + 10} {N0} 5))"},
        {"ZDDM": "430103001001JC00003"},  # no geometry
    ])
    write_layer(path, "EMPTY", 4525, "multipolygon", {"ZDDM": "text"}, [])
    write_layer(path, "NOCRS", None, "multipolygon", {"ZDDM": "text"}, [{"ZDDM": "x", "wkt": square(0, 0)}])
    write_layer(path, "JBNT", 4490, "multipolygon", {"JBNTTBBH": "text"},
                [{"JBNTTBBH": "T", "wkt": "POLYGON((112 27.7, 112.001 27.7, 112.001 27.701, 112 27.7))"}])
    return path


def run_check(run_alg, path, layer="ZD", **params):
    return run_alg("qualitycheck", dict({"PARCELS": f"{path}|layername={layer}", "OUTPUT": "memory:",
                                         "OUTPUT_SUMMARY": "memory:"}, **params))


def test_z_and_missing_geometry_become_findings(run_alg, village):
    result = run_check(run_alg, village, RULES=["ZD_INVALID"])
    messages = {f["FIDS"]: f["MESSAGE"] for f in result["OUTPUT"].getFeatures()}
    assert messages == {"3": "宗地 430103001001JC00003 没有图形。"}  # the Z triangle is valid in 2-D
    del result


# A GeoPackage layer without an SRS: GDAL 3.6 (QGIS 3.22 on Debian 12) gives it an "Undefined geographic SRS",
# which the check refuses for its unit; GDAL 3.10 (QGIS 3.40) gives no CRS at all, which the adapter refuses.
NO_SRS = "Undefined geographic SRS, whose unit is not the metre|has no coordinate reference system"


@pytest.mark.parametrize("layer, params, message", [
    ("EMPTY", {}, "is empty"),
    ("NOCRS", {}, NO_SRS),  # GeoPackage without an SRS
    ("ZD", {"SCALE": 5000}, "1:500, 1:1000 or 1:2000"),
    ("ZD", {"TARGET_CRS": "EPSG:4490"}, "geographic"),
])
def test_refusals_name_the_problem(run_alg, village, layer, params, message):
    with pytest.raises(QgsProcessingException, match=message):
        run_check(run_alg, village, layer, **params)


def test_overlay_with_farmland_in_another_crs_and_an_empty_parcel_layer(run_alg, village):
    result = run_alg("farmlandoverlay", {"INPUT": f"{village}|layername=ZD", "FARMLAND": f"{village}|layername=JBNT",
                                         "OUTPUT": "memory:", "OUTPUT_OVERLAPS": "memory:"})
    assert result["OUTPUT"].featureCount() == 3  # the parcel without geometry is kept, with no farmland
    del result
    with pytest.raises(QgsProcessingException, match=NO_SRS):
        run_alg("farmlandoverlay", {"INPUT": f"{village}|layername=NOCRS", "FARMLAND": f"{village}|layername=JBNT",
                                    "OUTPUT": "memory:", "OUTPUT_OVERLAPS": "memory:"})


def test_full_width_codes_are_malformed(run_alg, tmp_path):
    """A ZDDM or BDCDYH typed with full-width digits is a ZD_CODE error, named with the code as stored; the same
    code in ASCII is not (houses and duplicates still match the codes after NFKC, which is not the check)."""
    path = str(tmp_path / "wide.gpkg")
    ascii_code = "430103001001JC00001"
    write_layer(path, "ZD", 4525, "multipolygon", {"ZDDM": "text", "BDCDYH": "text"}, [
        {"ZDDM": ascii_code, "BDCDYH": ascii_code + "F00010001", "wkt": square(0, 0)},
        {"ZDDM": "４３０１０３００１００１JC00002", "BDCDYH": "430103001001JC00002F00010001", "wkt": square(20, 0)},
        {"ZDDM": "430103001001JC00003", "BDCDYH": "430103001001JC00003F０００１０００１", "wkt": square(40, 0)},
    ])
    result = run_check(run_alg, path, RULES=["ZD_CODE"])
    messages = {f["FIDS"]: f["MESSAGE"] for f in result["OUTPUT"].getFeatures()}
    del result
    assert sorted(messages) == ["2", "3"]
    assert "４３０１０３００１００１JC00002" in messages["2"] and "非 ASCII" in messages["2"]  # findings are Chinese
    assert "F０００１０００１" in messages["3"] and "非 ASCII" in messages["3"]


def test_error_layer_is_styled_when_loaded(qgis_app):
    """The post-processor Processing calls on load applies the severity style and the Chinese aliases."""
    from qgis.core import QgsCategorizedSymbolRenderer

    from homestead_cadastre.cadastre import schema
    from homestead_cadastre.processing.library import styling

    context = QgsProcessingContext()
    context.addLayerToLoadOnCompletion("dest-id", QgsProcessingContext.LayerDetails("findings", None, "OUTPUT"))
    styling.style_on_load(context, "dest-id", schema.ZJCW)
    processor = context.layerToLoadOnCompletionDetails("dest-id").postProcessor()
    assert processor is not None
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4525&field=RULE_ID:string&field=SEVERITY:string", "findings", "memory")
    processor.postProcessLayer(layer, context, None)
    renderer = layer.renderer()
    assert isinstance(renderer, QgsCategorizedSymbolRenderer) and renderer.classAttribute() == "SEVERITY"
    assert sorted(c.value() for c in renderer.categories()) == ["error", "info", "warning"]
    assert layer.attributeAlias(layer.fields().indexOf("RULE_ID")) == "规则编号"
    del layer
