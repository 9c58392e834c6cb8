"""One rounding and one sign for areas (#14).

Rounding: 四舍五入 (half up) on the decimal value; ZDMJ stored with 4 decimals and every area shown with 2 from
the stored value, so a parcel's ZDMJ and its geometry's area show the same figure. Sign: 相差 / MJJC is computed −
recorded in homestead:parcelareas and homestead:qualitycheck alike."""
import numpy as np
import pytest
from layers_helper import rows, write_gpkg
from qgis.core import QgsVectorLayer
from test_areas import box, shifted, wkt

from homestead_cadastre.cadastre import areas
from homestead_cadastre.cadastre.maps import maptext

# 10.278 m × 17.644 m = 181.345032 m² (by hand): stored 181.3450, shown 181.35 (四舍五入)
RECTANGLE = wkt([[shifted(box(0, 0, 10.278, 17.644))]])


@pytest.mark.parametrize("value, decimals, expected", [
    (181.345, 2, 181.35),  # the binary double is 181.34499…: round() and numpy give 181.34
    (2.675, 2, 2.68),  # likewise 2.67499…
    (0.125, 2, 0.13),  # an exact tie: half-even would give 0.12
    (-56.005, 2, -56.01),  # half away from zero, as 四舍五入 on the written value
    (181.345032, 4, 181.345),
])
def test_half_up(value, decimals, expected):
    assert areas.half_up(value, decimals) == expected


def test_stored_and_geometry_area_show_the_same(run_alg, tmp_path):
    source = write_gpkg(tmp_path / "zd.gpkg", "ZD", 4525, [RECTANGLE], {"ZDDM": ["A"]})
    result = run_alg("parcelareas", {"INPUT": source, "CODE_FIELD": "ZDDM", "OUTPUT": str(tmp_path / "areas.gpkg")})
    (row,) = rows(result["OUTPUT"])
    layer = QgsVectorLayer(result["OUTPUT"], "areas", "ogr")
    geometry_area = next(layer.getFeatures()).geometry().area()
    assert geometry_area == pytest.approx(181.345032, abs=1e-6)
    assert row["ZDMJ"] == pytest.approx(181.345, abs=1e-9)
    assert maptext.area_text(row["ZDMJ"]) == maptext.area_text(geometry_area) == "181.35"
    del layer


def test_parcel_card_shows_one_figure(qgis_iface, run_alg, tmp_path):
    from homestead_cadastre.ui.parcel_card import ParcelCard

    source = write_gpkg(tmp_path / "zd.gpkg", "ZD", 4525, [RECTANGLE], {"ZDDM": ["A"]})
    result = run_alg("parcelareas", {"INPUT": source, "CODE_FIELD": "ZDDM", "OUTPUT": str(tmp_path / "areas.gpkg")})
    layer = QgsVectorLayer(result["OUTPUT"], "areas", "ogr")
    feature = next(layer.getFeatures())
    card = ParcelCard()
    card.show_feature(feature, [], feature.geometry().area(), False)
    assert card.area_labels["ZDMJ"].text() == card.geometry_area.text() == "181.35"
    del card, feature, layer


def test_one_sign_for_the_difference(run_alg, tmp_path):
    # 10 m × 10 m = 100 m², recorded 156 m²: computed − recorded = −56 m², beyond ΔP = 0.0003·1000·10 = 3 m²
    source = write_gpkg(tmp_path / "zd.gpkg", "ZD", 4525, [wkt([[shifted(box(0, 0, 10, 10))]])],
                        {"ZDDM": ["430381104201JC00001"], "DCMJ": [156.0]})
    areas_out = run_alg("parcelareas", {"INPUT": source, "CODE_FIELD": "ZDDM", "RECORDED_AREA_FIELD": "DCMJ",
                                        "SCALE": 1000, "OUTPUT": str(tmp_path / "areas.gpkg")})
    (row,) = rows(areas_out["OUTPUT"])
    assert row["MJJC"] == -56.0
    check = run_alg("qualitycheck", {"PARCELS": source, "RULES": ["ZD_AREA"], "OUTPUT": "memory:",
                                     "OUTPUT_SUMMARY": "memory:"})
    (finding,) = list(check["OUTPUT"].getFeatures())
    assert finding["VALUE"] == -56.0
    assert "相差 -56.00 平方米" in finding["MESSAGE"]


def test_half_up_array_equals_half_up_one_by_one():
    """The vectorised rounding against the Decimal one, value by value: halves as written (181.345, 2.5 × 10⁻ᵈ
    steps), their binary neighbours, negatives, large and tiny values, NaN and infinities."""
    rng = np.random.default_rng(20201231)
    for decimals in (2, 4):
        step = 10.0 ** -decimals
        halves = (rng.integers(-10**7, 10**7, 20_000) + 0.5) * step  # k.5 steps: the case round() gets wrong
        values = np.concatenate([
            halves, np.nextafter(halves, np.inf), np.nextafter(halves, -np.inf),
            rng.uniform(0, 5_000, 20_000), rng.uniform(-1e9, 1e9, 2_000), rng.uniform(-1e-3, 1e-3, 2_000),
            [181.345, 0.125, 2.675, 1e15 + 0.5, 0.0, -0.0, np.nan]])
        expected = np.array([areas.half_up(v, decimals) for v in values])
        got = areas.half_up_array(values, decimals)
        same = (got == expected) | (np.isnan(got) & np.isnan(expected))
        assert same.all(), list(zip(values[~same][:5], got[~same][:5], expected[~same][:5]))
    assert areas.half_up_array([181.345], 2)[0] == 181.35
    assert areas.half_up_array([np.inf, -np.inf], 2).tolist() == [np.inf, -np.inf]
