"""homestead:housemaps: a page per household and floor plan, areas and labels from the buildings."""
import re
import subprocess

import map_fixtures
import pytest
from map_fixtures import layer_uri, shoelace

from homestead_cadastre.cadastre.maps.housemap import building_numbers, floor_area, floor_groups, floor_text

ABBREVIATION = {3: "砼", 4: "混", 5: "砖"}  # the structures the fixture uses (GB/T 20257.1 map forms)


@pytest.fixture(scope="module")
def village(tmp_path_factory, provider):
    folder = tmp_path_factory.mktemp("village")
    return map_fixtures.make_village(folder), map_fixtures.village_parcels()


def pdftotext(path):
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_floor_groups():
    assert floor_groups([2, 2]) == [(1, 2, [0, 1])]
    assert floor_groups([1, 3, 3, 2]) == [(1, 1, [0, 1, 2, 3]), (2, 2, [1, 2, 3]), (3, 3, [1, 2])]
    assert floor_groups([3, 1]) == [(1, 1, [0, 1]), (2, 3, [0])]
    assert floor_text(1, 3, True) == "各层平面图（共3层）"
    assert floor_text(2, 3, False) == "第2-3层平面图"
    assert floor_area(50.0, 3, None) == 150.0 and floor_area(50.0, 3, 140.5) == 140.5
    assert building_numbers("x", "430381104201JC00001F00020003") == ("0002", "0003")
    assert building_numbers("430381104201JC00001F0007", "") == ("0007", "")
    # several buildings registered as one unit (F9999…): the 幢号 comes from ZRZH, the 户号 from the unit
    assert building_numbers("431302003005JC00007F0002", "431302003005JC00007F99990001") == ("0002", "0001")
    assert building_numbers("", "431302003005JC00007F99990001") == ("", "0001")


def test_a_page_per_household_and_distinct_floor_plan(village, tmp_path, run_alg):
    gpkg, parcels = village
    result = run_alg("housemaps", dict(HOUSES=layer_uri(gpkg, "ZRZ"), PARCELS=layer_uri(gpkg, "ZD"),
                                       OUTPUT_FOLDER=str(tmp_path), DRAW_DATE="2020年6月1日"))
    with_houses = [p for p in parcels if p.houses]
    expected_pages = sum(len({storeys for _r, storeys, _s in p.houses}) for p in with_houses)
    assert result["PAGES"] == expected_pages and result["FAILED"] == 0
    for parcel in with_houses:
        pages = sorted(tmp_path.glob(f"{parcel.code}*.pdf"))
        assert len(pages) == len({storeys for _r, storeys, _s in parcel.houses})
        text = "".join(pdftotext(p) for p in pages)
        total = sum(abs(shoelace(ring)) * storeys for ring, storeys, _s in parcel.houses)
        footprint = sum(abs(shoelace(ring)) for ring, _n, _s in parcel.houses)
        assert f"{total:.2f}" in text and f"{footprint:.2f}" in text
        assert parcel.owner in text and parcel.code in text
        for ring, storeys, structure in parcel.houses:
            assert f"{storeys}{ABBREVIATION[structure]}" in text
            for a, b in zip(ring, ring[1:] + ring[:1]):
                assert f"{((b[0] - a[0]) ** 2 + (b[1] - a[1]) ** 2) ** 0.5:.2f}" in text
        if len(pages) > 1:
            assert re.search(r"第\d+(-\d+)?层平面图", text)
        assert "1:200" in text or "1:100" in text


def test_one_page_per_building(village, tmp_path, run_alg):
    gpkg, parcels = village
    result = run_alg("housemaps", dict(HOUSES=layer_uri(gpkg, "ZRZ"), PARCELS=layer_uri(gpkg, "ZD"), UNIT=1,
                                       OUTPUT_FOLDER=str(tmp_path), FORMAT=2, DPI=50))
    assert result["PAGES"] == sum(len(p.houses) for p in parcels)
    assert len(list(tmp_path.glob("*.png"))) == result["PAGES"]
