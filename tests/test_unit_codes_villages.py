"""homestead:unitcodes through Processing on the two sample villages: every 不动产单元号 it writes is unique and
structurally valid (28 characters, domain.md §2, checked here with the standard's pattern, not the plugin's
checker); on the demo village the only units left uncoded are the manifest's planted house defects, and each of
them is reported."""
from __future__ import annotations

import json
import re

import pytest
from conftest import SAMPLE, require_files
from qgis.core import QgsProcessingFeedback

UNIT_RE = re.compile(r"^\d{12}(J[ABSXCDEFLNHGWY]|[GZ][BSXDEFLNHGWY])\d{5}(F\d{8}|W00000000|[LQ]\d{8})$")
ZDDM_RE = re.compile(r"^\d{12}(J[ABSXCDEFLNHGWY]|[GZ][BSXDEFLNHGWY])\d{5}$")


class Errors(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.errors = []

    def reportError(self, error, fatal_error=False):  # noqa: N802 (QGIS API name)
        self.errors.append(error)


def coded(run_alg, village):
    src = {name: f"{village}|layername={name}" for name in ("ZRZ", "H", "ZD")}
    feedback = Errors()
    out = run_alg("unitcodes", {"BUILDINGS": src["ZRZ"], "HOUSEHOLDS": src["H"], "PARCELS": src["ZD"],
                                "OUTPUT_BUILDINGS": "memory:", "OUTPUT_HOUSEHOLDS": "memory:", "OUTPUT_PARCELS": "memory:"},
                  feedback=feedback)
    layers = {key: [(f.id(), {n: f[n] for n in f.fields().names()}) for f in out[key].getFeatures()]
              for key in ("OUTPUT_BUILDINGS", "OUTPUT_HOUSEHOLDS", "OUTPUT_PARCELS")}
    return layers, feedback.errors


def unit_codes(layers):
    """Every unit code written: the households', and the land-only parcels' (no building on them; a built parcel's
    own BDCDYH is left as it is, the planted W00010001 of the demo's JC00276 among them: ZD_CODE reports it)."""
    built = {row["ZDDM"] for _fid, row in layers["OUTPUT_BUILDINGS"]}
    codes = [row["BDCDYH"] for _fid, row in layers["OUTPUT_HOUSEHOLDS"] if row["BDCDYH"]]
    codes += [row["BDCDYH"] for _fid, row in layers["OUTPUT_PARCELS"]
              if row["ZDDM"] not in built and ZDDM_RE.match(row["ZDDM"] or "")]
    return codes


@pytest.mark.parametrize("name", ["clean_village", "demo_village"])
def test_unit_codes_unique_and_valid(run_alg, name):
    village = SAMPLE / f"{name}.gpkg"
    require_files(village, reason="the sample villages have not landed yet")
    layers, _errors = coded(run_alg, village)
    codes = unit_codes(layers)
    assert len(codes) > 300
    assert [c for c in codes if not UNIT_RE.match(c)] == []
    assert len(set(codes)) == len(codes)
    for _fid, row in layers["OUTPUT_HOUSEHOLDS"]:
        if row["BDCDYH"]:
            assert row["BDCDYH"] == row["ZRZH"] + row["HH"] and row["HH"] != "0000"


def test_clean_village_codes_every_unit(run_alg):
    village = SAMPLE / "clean_village.gpkg"
    require_files(village, reason="the sample villages have not landed yet")
    layers, errors = coded(run_alg, village)
    assert errors == []
    assert all(row["ZRZH"] for _fid, row in layers["OUTPUT_BUILDINGS"])
    assert all(row["BDCDYH"] for _fid, row in layers["OUTPUT_HOUSEHOLDS"])


def test_demo_village_leaves_only_the_planted_defects_uncoded_and_reports_them(run_alg):
    village = SAMPLE / "demo_village.gpkg"
    manifest = SAMPLE / "demo_village.manifest.json"
    require_files(village, manifest, reason="the demo village has not landed yet")
    defects = {d["rule"]: set(d["fids"]) for d in json.loads(manifest.read_text(encoding="utf-8"))["defects"]
               if d["layer"] in ("ZRZ", "H") and d["rule"] in ("ZRZ_ZRZH", "H_BDCDYH")}
    layers, errors = coded(run_alg, village)
    buildings = layers["OUTPUT_BUILDINGS"]
    uncoded_buildings = {fid for fid, row in buildings if not row["ZRZH"]}
    # the buildings on parcels with a malformed ZDDM (the orphan house has no code at all)
    malformed = {fid for fid, row in buildings if row["ZDDM"] and not ZDDM_RE.match(row["ZDDM"])}
    assert malformed and uncoded_buildings - {fid for fid, row in buildings if not row["ZDDM"]} == malformed
    assert malformed <= defects["ZRZ_ZRZH"]
    uncoded_units = {fid for fid, row in layers["OUTPUT_HOUSEHOLDS"] if not row["BDCDYH"]}
    assert uncoded_units and uncoded_units <= defects["H_BDCDYH"]
    for fid in sorted(uncoded_buildings | uncoded_units):
        assert any(re.search(rf"\b{fid}\b", e) for e in errors), fid
