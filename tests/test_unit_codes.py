"""幢号/户号/ZRZH/BDCDYH and new 宗地代码 (GB/T 37346-2019): known answers, and properties (hypothesis) for
uniqueness, structure and keeping the codes that exist."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from homestead_cadastre.cadastre.codes import is_valid_bdcdyh, is_valid_zddm
from homestead_cadastre.cadastre.unit_codes import (
    building_codes,
    household_codes,
    land_unit,
    parcel_codes,
    unit_code_problems,
)

A = "430102001001JC00001"
B = "430102001001JC00002"


def test_buildings_keep_their_numbers_and_new_ones_follow_the_highest():
    # parcel A has F0001 and F0003: the two new ones get 0004 and 0005 (not the gap 0002); parcel B starts at 0001;
    # a ZRZH of another parcel (B's code on a building of A) is not kept
    codes, problems = building_codes([A, A, A, B, A, A], [f"{A}F0003", "", f"{A}F0001", None, f"{B}F0007", " "])
    assert codes == [f"{A}F0003", f"{A}F0004", f"{A}F0001", f"{B}F0001", f"{A}F0005", f"{A}F0006"]
    assert problems == []


def test_duplicate_numbers_the_reserved_9999_and_bad_parcels():
    codes, problems = building_codes([A, A, A, "4301", ""], [f"{A}F0002", f"{A}F0002", f"{A}F9999", "", ""],
                                     ids=[10, 11, 12, 13, 14])
    # the second F0002 is renumbered after the highest (9999, several buildings as one unit, is kept but not counted)
    assert codes == [f"{A}F0002", f"{A}F0003", f"{A}F9999", "", ""]
    assert [(row, p.id) for row, p in problems] == [(1, "CODE_DUPLICATE_NUMBER"), (3, "ZRZH_NO_PARCEL"), (4, "ZRZH_NO_PARCEL")]
    assert "feature 13" in problems[1][1].format()


def test_households_and_unit_codes():
    z1, z2 = f"{A}F0001", f"{A}F0002"
    hh, codes, problems = household_codes(
        [z1, z1, z1, z2, z1, "bad"], ["0002", "", None, "", "", ""], ["", f"{z1}0005", "", "", "", ""])
    # kept: HH 0002, the 户号 0005 of an existing BDCDYH; new: 0006, then building 2 from 0001, then 0007
    assert hh == ["0002", "0005", "0006", "0001", "0007", ""]
    assert codes == [f"{z1}0002", f"{z1}0005", f"{z1}0006", f"{z2}0001", f"{z1}0007", ""]
    assert [p.id for _row, p in problems] == ["HH_NO_BUILDING"]
    assert all(len(c) == 28 and not unit_code_problems(c) for c in codes if c)
    assert land_unit(A) == f"{A}W00000000" and not unit_code_problems(land_unit(A))


def test_structural_validation():
    assert [p.id for c in (f"{A}F00010001", f"{A}W00000000") for p in unit_code_problems(c)] == []
    cases = {f"{A}F0001001": "UNIT_LENGTH", f"{A}L00010001": "UNIT_TAIL", f"{A}F0001000a": "UNIT_TAIL",
             f"{A}W00010001": "UNIT_W", f"{A}F00000001": "UNIT_ZERO", f"{A}F00010000": "UNIT_ZERO",
             f"{A}F000１0001": "UNIT_TAIL", "４30102001001JC00001F00010001": "CODE_ASCII"}
    assert {c: unit_code_problems(c)[0].id for c in cases} == cases
    # full-width digits are no digits of a code (they were accepted by \d before)
    assert not is_valid_zddm("４30102001001JC00001") and not is_valid_bdcdyh(f"{A}F000１0001")


def test_new_parcels_are_numbered_within_their_subdistrict():
    village2 = "430102001002JC"
    codes, new, problems = parcel_codes(
        [A, "", f"{village2}00000", "430102001001JC?????", "430102001001JC00007", B, f"{village2}00003", "XX"],
        subdistrict="430102001001", feature="JC", ids=list(range(100, 108)))
    # village 1 holds 00001, 00002, 00007: the blank and the placeholder get 00008 and 00009; village 2 holds
    # 00003: its placeholder gets 00004; "XX" has no 14-character prefix but is not blank… it is numbered under
    # the given 地籍子区 too: 00010
    assert codes == [A, "430102001001JC00008", f"{village2}00004", "430102001001JC00009", "430102001001JC00007", B,
                     f"{village2}00003", "430102001001JC00010"]
    assert new == [False, True, True, True, False, False, False, True]
    assert problems == []
    codes, new, problems = parcel_codes(["", A], subdistrict="")
    assert codes == ["", A] and new == [False, False] and [p.id for _r, p in problems] == ["ZDDM_NO_SUBDISTRICT"]


def test_a_prefix_that_makes_no_valid_code_numbers_nothing():
    """GC: the homestead right letter C on state land (the demo's planted 431302003005GC00048) was renumbered
    GC00001, an invalid code again; now it is numbered under the given 地籍子区, or reported without one."""
    codes, new, problems = parcel_codes(["430102001001GC00048", A], subdistrict="430102001001", feature="JC")
    assert codes == ["430102001001JC00002", A] and new == [True, False] and problems == []
    codes, new, problems = parcel_codes(["430102001001GC00048", ""], subdistrict="430102001001", feature="GC")
    assert codes == ["430102001001GC00048", ""] and new == [False, False]
    assert [p.id for _r, p in problems] == ["ZDDM_NO_SUBDISTRICT"] * 2


# --- properties -----------------------------------------------------------------------------------------
parcels = st.sampled_from([A, B, "430102001002JC00001"])
numbers = st.one_of(st.none(), st.integers(1, 30))


@given(st.lists(st.tuples(parcels, numbers), max_size=40))
def test_building_codes_are_unique_valid_and_keep_the_existing(rows):
    zddms = [z for z, _n in rows]
    existing = [f"{z}F{n:04d}" if n else "" for z, n in rows]
    codes, _problems = building_codes(zddms, existing)
    assert len(set(codes)) == len(codes)
    assert all(len(c) == 24 and c.startswith(z + "F") for c, z in zip(codes, zddms))
    first = {}
    for row, code in enumerate(existing):
        first.setdefault(code, row)
    for row, code in enumerate(existing):
        if code and first[code] == row:
            assert codes[row] == code  # the first holder of an existing code keeps it
    for z in set(zddms):  # new numbers come after every kept one of the parcel
        kept = [int(c[20:]) for c, e in zip(codes, existing) if c[:19] == z and c == e]
        new = [int(c[20:]) for c, e in zip(codes, existing) if c[:19] == z and c != e]
        assert not kept or not new or min(new) > max(kept)


@given(st.lists(st.tuples(st.sampled_from([f"{A}F0001", f"{A}F0002"]), numbers), max_size=40))
def test_unit_codes_are_unique_and_28_characters(rows):
    hh, codes, problems = household_codes([z for z, _n in rows], [f"{n:04d}" if n else "" for _z, n in rows],
                                          [""] * len(rows))
    assert problems == [] or all(p.id == "CODE_DUPLICATE_NUMBER" for _r, p in problems)
    assert len(set(codes)) == len(codes) and all(len(c) == 28 and not unit_code_problems(c) for c in codes)
    assert [c[24:] for c in codes] == hh


@given(st.lists(st.one_of(st.none(), st.integers(1, 50)), max_size=40))
def test_parcel_codes_are_unique_and_keep_the_existing(sequences):
    given_codes = [f"430102001001JC{n:05d}" if n else "" for n in sequences]
    codes, new, _problems = parcel_codes(given_codes, subdistrict="430102001001")
    assert len(set(codes)) == len(codes) and all(is_valid_zddm(c) for c in codes)
    seen = set()
    for old, code, fresh in zip(given_codes, codes, new):
        if old and old not in seen:
            assert code == old and not fresh
        seen.add(old)
