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


def test_smoke_house(tmp_path, run_alg):
    gpkg = tmp_path / "v.gpkg"
    run_alg("createproject", {"CRS": "EPSG:4525", "OUTPUT": str(gpkg)})
    map_fixtures.fill_village(str(gpkg), map_fixtures.village_parcels())

    def lay(n):
        return f"{gpkg}|layername={n}"
    res = run_alg("housemaps", {"HOUSES": lay("ZRZ"), "PARCELS": lay("ZD"), "FORMAT": 3, "DPI": 100,
                                "OUTPUT_FOLDER": "/tmp/exp/out2"})
    print(res)


def test_smoke_sheets(tmp_path, run_alg):
    gpkg = tmp_path / "v.gpkg"
    run_alg("createproject", {"CRS": "EPSG:4525", "OUTPUT": str(gpkg)})
    map_fixtures.fill_village(str(gpkg), map_fixtures.village_parcels(blocks=4, cols=8))

    def lay(n):
        return f"{gpkg}|layername={n}"
    res = run_alg("sheetindex", {"INPUT": lay("ZD"), "SCALE": 0, "OUTPUT": str(tmp_path / "tf.gpkg"), "OUTPUT_PARCELS": str(tmp_path / "zd.gpkg")})
    print(res)
    res = run_alg("sheetmaps", {"PARCELS": lay("ZD"), "FARMLAND": lay("JBNT"), "BASEMAP": [lay("DXT_DL")], "SCALE": 0, "FORMAT": 2, "DPI": 60,
                                "TITLE": "娄星区示范村", "OUTPUT_FOLDER": "/tmp/exp/out3"})
    print(res)


def test_smoke_docs(tmp_path, run_alg):
    gpkg = tmp_path / "v.gpkg"
    run_alg("createproject", {"CRS": "EPSG:4525", "OUTPUT": str(gpkg)})
    map_fixtures.fill_village(str(gpkg), map_fixtures.village_parcels())

    def lay(n):
        return f"{gpkg}|layername={n}"
    res = run_alg("surveyforms", {"PARCELS": lay("ZD"), "POINTS": lay("JZD"), "LINES": lay("JZX"), "HOUSES": lay("ZRZ"),
                                  "HOLDERS": lay("QLR"), "OUTPUT_FOLDER": "/tmp/exp/out4"})
    print(res)
    res = run_alg("noticelist", {"PARCELS": lay("ZD"), "START": "2020-09-28", "ISSUER": "娄底市不动产登记中心", "PLACE": "示范村",
                                 "OUTPUT_FOLDER": "/tmp/exp/out5"})
    print(res)
