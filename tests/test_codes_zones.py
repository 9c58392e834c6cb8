"""Parcel and unit codes (domain.md §2) and CGCS2000 3° zones (domain.md §3), against the documented facts."""
import pytest

from homestead_cadastre.cadastre import codes, zones


def test_example_code_from_domain_doc():
    code = "430381104201JC00023F00010001"
    assert codes.is_valid_bdcdyh(code)
    assert codes.is_valid_zddm(code[:19])
    parsed = codes.parse_zddm(code[:19])
    assert (parsed.county, parsed.district, parsed.subdistrict, parsed.feature, parsed.sequence) == ("430381", "104", "201", "JC", 23)
    assert parsed.village == "430381104201"
    assert codes.build_bdcdyh(code[:19]) == code
    assert codes.build_bdcdyh(code[:19], several_buildings=True) == code[:19] + "F99990001"
    assert codes.land_only_bdcdyh(code[:19]) == code[:19] + "W00000000"


@pytest.mark.parametrize("code,problem", [
    ("", "CODE_MISSING"),
    (None, "CODE_MISSING"),
    ("430381104201JC0002", "CODE_LENGTH"),
    ("430381104201jc00023", "CODE_PATTERN"),
    ("43038110420AJC00023", "CODE_PATTERN"),
    ("430381104201GC00023", "CODE_FEATURE"),  # homestead right on state land
    ("430381104201ZA00023", "CODE_FEATURE"),
    ("430381104201JQ00023", "CODE_PATTERN"),  # Q is no right letter
    ("４３０３８１１０４２０１JC00023", "CODE_ASCII"),  # full-width digits (U+FF14 …): \d would take them
    ("４３０３８１１０４２０１ＪＣ０００２３", "CODE_ASCII"),  # all full-width
    ("430381104201JC0002３", "CODE_ASCII"),  # one full-width digit
    ("٤٣٠٣٨١١٠٤٢٠١JC00023", "CODE_ASCII"),  # Arabic-Indic digits, which NFKC leaves as they are
])
def test_zddm_problems(code, problem):
    assert [p.id for p in codes.zddm_problems(code)] == [problem]


@pytest.mark.parametrize("code,problem", [
    ("430381104201JC00023W00010001", "BDCDYH_W"),
    ("430381104201JC00023X00010001", "BDCDYH_PATTERN"),
    ("430381104201JC00023F0001000", "BDCDYH_LENGTH"),
    ("430381104201JC00023F０００１０００１", "BDCDYH_ASCII"),
])
def test_bdcdyh_problems(code, problem):
    assert problem in [p.id for p in codes.bdcdyh_problems(code)]


def test_zone_epsg_tables():
    # Hunan: central meridians 108/111/114 -> EPSG 4524/4525/4526 or 4545/4546/4547 (domain.md §3)
    assert [zones.epsg_for_zone(z, prefixed=True) for z in (36, 37, 38)] == [4524, 4525, 4526]
    assert [zones.epsg_for_zone(z) for z in (36, 37, 38)] == [4545, 4546, 4547]
    assert zones.epsg_for_zone(25, True) == 4513 and zones.epsg_for_zone(45, True) == 4533
    assert zones.epsg_for_zone(25) == 4534 and zones.epsg_for_zone(45) == 4554
    assert zones.zone_of_epsg(4546) == (37, False) and zones.zone_of_epsg(4525) == (37, True)
    assert zones.zone_of_epsg(4326) is None
    assert zones.zone_of_longitude(111.99) == 37 and zones.zone_of_longitude(112.6) == 38
    assert zones.zone_of_longitude(109.49) == 36 and zones.zone_of_longitude(109.51) == 37
    assert zones.central_meridian(37) == 111
    assert zones.zone_of_prefixed_easting(37_512_345.6) == 37
    assert zones.zone_of_prefixed_easting(512_345.6) is None
    with pytest.raises(ValueError):
        zones.zone_of_longitude(2.0)


def test_codes_are_ascii_digits_only():
    """The patterns themselves, the 地籍子区 key and the progress villages take 0-9 only."""
    from homestead_cadastre.cadastre import progress
    from homestead_cadastre.cadastre.maps import housemap

    full_width = "４３０３８１１０４２０１"  # 12 full-width digits: str.isdigit() and \d accept them
    assert full_width.isdigit()
    assert codes.ZDDM_RE.fullmatch(full_width + "JC00023") is None
    assert codes.BDCDYH_RE.fullmatch(full_width + "JC00023F00010001") is None
    assert codes.village_of(full_width + "JC00023") == ""
    assert codes.village_of("430381104201JC00023") == "430381104201"
    assert list(progress.village_array([full_width + "JC00023", "430381104201JC00023", None])) == [
        "?", "430381104201", "?"]
    # a 幢号 typed full-width is not read from ZRZH (it would print as 00１２): the unit code gives it
    assert housemap.building_numbers("F０００２", "430381104201JC00023F00010001") == ("0001", "0001")
    assert housemap.building_numbers("F0002", "430381104201JC00023F00010001") == ("0002", "0001")


def test_zone_of_a_proj_definition():
    """A zone written out as PROJ parameters (a .prj without its EPSG code) is recognised; a Xian 1980 zone (IAU 76
    ellipsoid), a 6° zone's false easting or a UTM zone are not CGCS2000 3° zones."""
    base = "+proj=tmerc +lat_0=0 +lon_0=111 +k=1 +x_0={x0} +y_0=0 +ellps={ellps} +units=m +no_defs"
    assert zones.zone_of_proj(base.format(x0=500000, ellps="GRS80")) == (37, False)
    assert zones.zone_of_proj(base.format(x0=37500000, ellps="GRS80")) == (37, True)
    assert zones.zone_of_proj(base.format(x0=19500000, ellps="GRS80")) is None  # 6° zone 19 numbering
    assert zones.zone_of_proj(base.format(x0=500000, ellps="IAU76")) is None
    assert zones.zone_of_proj(base.replace("lon_0=111", "lon_0=112").format(x0=500000, ellps="GRS80")) is None
    assert zones.zone_of_proj("+proj=utm +zone=49 +ellps=GRS80 +units=m") is None
    assert zones.zone_of_proj("+proj=merc +a=6378137 +b=6378137 +units=m") is None
    assert zones.zone_of_proj("") is None


def test_zone_epsg_matches_proj(qgis_app):
    """The EPSG arithmetic agrees with PROJ's definitions of those CRSs."""
    from qgis.core import QgsCoordinateReferenceSystem

    for zone in range(25, 46):
        for prefixed in (True, False):
            crs = QgsCoordinateReferenceSystem(f"EPSG:{zones.epsg_for_zone(zone, prefixed)}")
            proj = crs.toProj()
            assert f"+lon_0={3 * zone}" in proj, proj
            false_easting = zone * 1_000_000 + 500_000 if prefixed else 500_000
            assert f"+x_0={false_easting}" in proj, proj
