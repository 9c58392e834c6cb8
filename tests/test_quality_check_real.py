"""homestead:qualitycheck on real cadastral data, against the published answers in data/real/README.md."""
import pytest
from qgis.core import QgsVectorLayer


def layer(path, name):
    lyr = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    assert lyr.isValid(), name
    return lyr


def value(v):
    """A QGIS attribute as Python: NULL (a null QVariant in QGIS 3.22) → None."""
    return None if v is None or (hasattr(v, "isNull") and v.isNull()) else v


def findings(result):
    rows = {}
    for f in result["OUTPUT"].getFeatures():
        rows.setdefault(f["RULE_ID"], []).append(f)
    return rows


def fids(rows):
    return sorted(int(x) for f in rows for x in f["FIDS"].split(","))


def test_colombian_buildings_and_plots(run_alg, real_data):
    """EPSG:4326 outside China: checked on WGS 84 / UTM 18N; 2 and 6 straddle, 5 is on no plot."""
    path = real_data / "co_ladm_quality_validations.gpkg"
    result = run_alg("qualitycheck", {
        "PARCELS": f"{path}|layername=plots", "BUILDINGS": f"{path}|layername=buildings",
        "RULES": ["ZRZ_OUTSIDE", "ZRZ_ORPHAN"], "OUTPUT": "memory:", "OUTPUT_SUMMARY": "memory:",
    })
    rows = findings(result)
    assert fids(rows["ZRZ_OUTSIDE"]) == [2, 6]
    assert fids(rows["ZRZ_ORPHAN"]) == [5]
    straddle = {f["FIDS"]: f["REL_FIDS"] for f in rows["ZRZ_OUTSIDE"]}
    assert sorted(straddle["2"].split(",")) == ["3", "4"]  # building 2 straddles plots 3 and 4
    assert result["OUTPUT"].crs().authid() == "EPSG:32618"
    summary = {(f["RULE_ID"], value(f["VILLAGE"])): f["COUNT"] for f in result["OUTPUT_SUMMARY"].getFeatures()}
    assert summary[("ZRZ_OUTSIDE", None)] == 2 and summary[("ZRZ_ORPHAN", None)] == 1
    assert result["ERRORS"] == 3
    del result, rows


def test_colombian_gaps_in_plots(run_alg, real_data):
    """The two holes enclosed by the 4 plots: 138.3 m² and 288.7 m² (EPSG:3116, measured as is)."""
    path = real_data / "co_ladm_quality_validations.gpkg"
    result = run_alg("qualitycheck", {
        "PARCELS": f"{path}|layername=check_gaps_in_plots", "RULES": ["ZD_GAP"],
        "OUTPUT": "memory:", "OUTPUT_SUMMARY": "memory:",
    })
    gaps = findings(result)["ZD_GAP"]
    assert sorted(round(f["VALUE"], 1) for f in gaps) == [138.3, 288.7]
    assert sorted(round(f.geometry().area(), 1) for f in gaps) == [138.3, 288.7]
    assert result["OUTPUT"].crs().authid() == "EPSG:3116"
    del result, gaps


def test_french_sheet_straddling_and_orphan_houses(run_alg, real_data):
    """239 buildings on 389 parcels: 17 straddle a parcel boundary (beyond 1 cm), 1 lies on no parcel."""
    path = real_data / "fr_cornillon_13029.gpkg"
    result = run_alg("qualitycheck", {
        "PARCELS": f"{path}|layername=parcelle", "BUILDINGS": f"{path}|layername=batiment", "TOLERANCE": 0.01,
        "RULES": ["ZRZ_OUTSIDE", "ZRZ_ORPHAN", "ZD_OVERLAP"], "OUTPUT": "memory:", "OUTPUT_SUMMARY": "memory:",
    })
    rows = findings(result)
    assert len(rows["ZRZ_OUTSIDE"]) == 17
    assert len(rows["ZRZ_ORPHAN"]) == 1
    assert "ZD_OVERLAP" not in rows  # "no parcel overlaps"
    outside = set(fids(rows["ZRZ_OUTSIDE"]))
    assert not outside & set(fids(rows["ZRZ_ORPHAN"]))
    del result, rows


def test_whole_rule_set_runs_on_the_french_sheet(run_alg, real_data):
    """Every rule whose inputs are given runs; codes-less foreign data yields ZD_CODE findings, not a failure."""
    path = real_data / "fr_cornillon_13029.gpkg"
    result = run_alg("qualitycheck", {
        "PARCELS": f"{path}|layername=parcelle", "BUILDINGS": f"{path}|layername=batiment",
        "OUTPUT": "memory:", "OUTPUT_SUMMARY": "memory:",
    })
    totals = {f["RULE_ID"]: f["COUNT"] for f in result["OUTPUT_SUMMARY"].getFeatures() if value(f["VILLAGE"]) is None}
    for rule_id in ("ZD_INVALID", "ZD_OVERLAP", "ZD_GAP", "ZD_CODE", "ZD_DUPCODE", "ZD_AREA", "ZD_OVERLIMIT",
                    "ZRZ_OUTSIDE", "ZRZ_ORPHAN", "HH_MULTI", "JZD_MISMATCH"):
        assert rule_id in totals, rule_id
    assert totals["ZD_CODE"] == 389  # no parcel has a ZDDM
    assert "ZD_JBNT" not in totals and "BASEMAP_SHIFT" not in totals  # their inputs were not given
    del result


@pytest.mark.parametrize("rules", [["ZRZ_OUTSIDE"], ["BASEMAP_SHIFT"]])
def test_rule_without_its_input_is_refused(run_alg, real_data, rules):
    from qgis.core import QgsProcessingException

    path = real_data / "fr_cornillon_13029.gpkg"
    with pytest.raises(QgsProcessingException, match="needs the BUILDINGS"):
        run_alg("qualitycheck", {"PARCELS": f"{path}|layername=parcelle", "RULES": rules,
                                 "OUTPUT": "memory:", "OUTPUT_SUMMARY": "memory:"})


def test_colombian_right_of_way_multipart_and_invalid(run_alg, real_data):
    """README: the multipart right_of_way features are fids 1, 2 and 6; Processing must not refuse invalid ones."""
    path = real_data / "co_ladm_quality_validations.gpkg"
    result = run_alg("qualitycheck", {"PARCELS": f"{path}|layername=right_of_way", "RULES": ["ZD_INVALID"],
                                      "OUTPUT": "memory:", "OUTPUT_SUMMARY": "memory:"})
    rows = findings(result)["ZD_INVALID"]
    multipart = sorted(int(f["FIDS"]) for f in rows if "个分离的部分" in f["MESSAGE"])
    assert multipart == [1, 2, 6]
    assert any("自相交" in f["MESSAGE"] for f in rows)
    del result, rows
