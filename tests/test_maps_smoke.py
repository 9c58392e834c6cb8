import map_fixtures


def test_smoke(tmp_path, run_alg):
    gpkg = tmp_path / "v.gpkg"
    run_alg("createproject", {"CRS": "EPSG:4525", "OUTPUT": str(gpkg)})
    map_fixtures.fill_village(str(gpkg), map_fixtures.village_parcels())
    lay = lambda n: f"{gpkg}|layername={n}"
    res = run_alg("parcelmaps", {"PARCELS": lay("ZD"), "HOUSES": lay("ZRZ"), "POINTS": lay("JZD"), "LINES": lay("JZX"),
                                 "ROADS": lay("DXT_DL"), "FORMAT": 3, "DPI": 100, "OUTPUT_FOLDER": "/tmp/exp/out1",
                                 "SURVEY_DATE": "2020-05", "DRAFTER": "张工", "CHECKER": "李工"})
    print(res)
