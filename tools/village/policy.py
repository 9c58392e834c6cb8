"""The eligibility cases the demo village exercises (Louxing 2020, 娄星政发〔2020〕4号 sections 三 and 四;
domain.md §7) and the survey facts (schema.ZD_FACTS) that describe each case.

A case is the INTENDED reading of a parcel's facts, recorded in the manifest with its clause; the eligibility
engine is built elsewhere and judged against it.
"""
from __future__ import annotations

from typing import Dict, Optional, Tuple

from .draws import Draws

# Household area limits of Hunan by land type DLLB (domain.md §3), m².
LIMITS = {1: 130.0, 2: 180.0, 3: 210.0}
# No parcel area lies within CLEARANCE m² of its own limit, so a rule's rounding cannot flip a finding.
CLEARANCE = 2.5

# The eleven exclusions of 四(六): (case id, clause, fact field set to 1 or None when the case comes from
# geometry (farmland) or from the households (一户多宅)).
EXCLUSIONS = (
    ("exclusion_1_basic_farmland", "四(六)1", None),
    ("exclusion_2_multiple_homesteads", "四(六)2", None),
    ("exclusion_3_collective_illegal_use", "四(六)3", "FFGBYT"),
    ("exclusion_4_urban_buyer", "四(六)4", "CZJMGZ"),
    ("exclusion_5_rebuilt_after_illegal_sale", "四(六)5", "FFCSCZ"),
    ("exclusion_6_already_resettled", "四(六)6", "YAZ"),
    ("exclusion_7_demolition_notice", "四(六)7", "CCTZ"),
    ("exclusion_8_vacant_or_collapsed", "四(六)8", "KZDT"),
    ("exclusion_9_temporary_building", "四(六)9", "LSJZ"),
    ("exclusion_10_ownership_dispute", "四(六)10", "QSZY"),
    ("exclusion_11_other", "四(六)11", "QTBYDJ"),
)
OTHER_REASONS = ("位于地质灾害危险区，已列入搬迁避让计划", "已被司法机关依法查封", "位于河道管理范围内")

# (case id, clause, parcels per village, area need): "within" = inside its limit, "over" = above it,
# "small" = below every limit (its DLLB is missing), "any".
SPECIAL_CASES = (
    ("exclusion_3_collective_illegal_use", "四(六)3", 2, "any"),
    ("exclusion_4_urban_buyer", "四(六)4", 2, "any"),
    ("exclusion_5_rebuilt_after_illegal_sale", "四(六)5", 2, "any"),
    ("exclusion_6_already_resettled", "四(六)6", 2, "any"),
    ("exclusion_7_demolition_notice", "四(六)7", 2, "any"),
    ("exclusion_8_vacant_or_collapsed", "四(六)8", 2, "any"),
    ("exclusion_9_temporary_building", "四(六)9", 2, "any"),
    ("exclusion_10_ownership_dispute", "四(六)10", 2, "any"),
    ("exclusion_11_other", "四(六)11", 2, "any"),
    ("member_pre1987_over_limit", "四(四)1", 3, "over"),
    ("member_pre1987_within_limit", "四(四)1", 2, "within"),
    ("member_1987_2018_over_limit_conforming", "四(四)2", 3, "over"),
    ("member_post2019_unapproved", "四(四)3", 2, "within"),
    ("non_member_pre1982", "四(三)2", 2, "within"),
    ("non_member_1982_1999_approved", "四(三)2", 2, "within"),
    ("heir_non_member", "四(三)4", 2, "within"),
    ("no_documents_conforming_one_homestead", "四(五)1", 2, "within"),
    ("split_household_built_unapproved", "四(二)2", 2, "within"),
    ("illegal_use_handled", "三(五)", 2, "within"),
    ("missing_information:SFJTCY", "四(一)", 1, "within"),
    ("missing_information:YQSLY", "四(五)1", 1, "within"),
    ("missing_information:JFNF", "四(四)", 1, "within"),
    ("missing_information:DLLB", "四(四)2", 1, "small"),
)
PLAIN = ("member_approved", "四(四)")
OVER_FALLBACK = ("member_pre1987_over_limit", "四(四)1")
MULTI = ("exclusion_2_multiple_homesteads", "四(六)2")
HEIR_SECOND = ("heir_member_second_homestead", "四(二)9")
HEIR_OWN = ("member_approved_heir_household", "四(二)9")
FARMLAND = ("exclusion_1_basic_farmland", "四(六)1")

FLAG_FIELDS = ("SFJC", "FHWP", "WFCZ", "FFGBYT", "CZJMGZ", "FFCSCZ", "YAZ", "CCTZ", "KZDT", "LSJZ", "QSZY")


def dllb_within(rng: Draws, low: float, high: float) -> Optional[int]:
    """A land type whose limit every area in [low, high] stays CLEARANCE below, or None."""
    if high <= LIMITS[1] - CLEARANCE:
        return int(rng.choice([1, 2, 3], p=[0.25, 0.55, 0.2]))
    if high <= LIMITS[2] - CLEARANCE:
        return int(rng.choice([2, 3], p=[0.75, 0.25]))
    if high <= LIMITS[3] - CLEARANCE:
        return 3
    return None


def dllb_over(low: float) -> Optional[int]:
    """A land type whose limit the area ``low`` exceeds by CLEARANCE, or None."""
    if low >= LIMITS[2] + CLEARANCE:
        return 2
    if low >= LIMITS[1] + CLEARANCE:
        return 1
    return None


def _date(rng, year: int) -> Tuple[int, int, int]:
    return year, int(rng.integers(1, 13)), int(rng.integers(1, 29))


def facts(rng: Draws, case: str, area: float, dllb: Optional[int]) -> Dict[str, object]:
    """schema.ZD_FACTS values (without HH/QLRZJH) that describe ``case`` for a parcel of ``area`` m²."""
    f: Dict[str, object] = {name: 0 for name in FLAG_FIELDS}
    f.update(SFJTCY=1, YQSLY=1, SFKD=0, FHGH=1, DLLB=dllb, PZMJ=None, PZRQ=None, QTBYDJ=None)
    limit = LIMITS.get(dllb or 0)

    def approved(year_lo: int, year_hi: int) -> None:
        year = int(rng.integers(year_lo, year_hi + 1))
        f["JFNF"] = year
        f["PZRQ"] = _date(rng, year - int(rng.integers(0, 2)))
        granted = round(area + float(rng.uniform(0.0, 3.0)), 1)
        f["PZMJ"] = min(granted, limit) if limit else granted

    base, _, missing = case.partition(":")
    if base in ("member_approved", "member_approved_heir_household") or base == "missing_information":
        approved(1987, 2020 if rng.random() < 0.15 else 2018)
    elif base.startswith("exclusion_"):
        approved(1987, 2018)
        field = dict((c, fld) for c, _, fld in EXCLUSIONS)[base]
        if field == "QTBYDJ":
            f["QTBYDJ"] = OTHER_REASONS[int(rng.integers(len(OTHER_REASONS)))]
        elif field:
            f[field] = 1
        if base == "exclusion_4_urban_buyer":
            f.update(SFJTCY=0, YQSLY=0, PZMJ=None, PZRQ=None)
        if base == "exclusion_8_vacant_or_collapsed":
            f["JFNF"] = int(rng.integers(1965, 1990))
    elif base in ("member_pre1987_over_limit", "member_pre1987_within_limit"):
        f["JFNF"] = int(rng.integers(1962, 1987))
    elif base == "member_1987_2018_over_limit_conforming":
        year = int(rng.integers(1988, 2018))
        f.update(JFNF=year, PZRQ=_date(rng, year - 1), PZMJ=limit, SFKD=1)
    elif base == "member_post2019_unapproved":
        f.update(JFNF=int(rng.integers(2019, 2021)), YQSLY=0, FHGH=0)
    elif base == "non_member_pre1982":
        f.update(SFJTCY=0, JFNF=int(rng.integers(1958, 1982)))
    elif base == "non_member_1982_1999_approved":
        f["SFJTCY"] = 0
        approved(1983, 1998)
    elif base == "heir_member_second_homestead":
        f.update(SFJC=1, JFNF=int(rng.integers(1965, 1986)))
    elif base == "heir_non_member":
        f.update(SFJTCY=0, SFJC=1, JFNF=int(rng.integers(1970, 1986)))
    elif base == "no_documents_conforming_one_homestead":
        f.update(YQSLY=0, JFNF=int(rng.integers(1988, 2016)))
    elif base == "split_household_built_unapproved":
        f.update(YQSLY=0, FHWP=1, JFNF=int(rng.integers(2003, 2018)))
    elif base == "illegal_use_handled":
        f.update(WFCZ=1, JFNF=int(rng.integers(1995, 2017)))
    else:
        raise ValueError(case)
    if missing:
        f[missing] = None
    return f
