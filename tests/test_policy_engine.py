"""The eligibility engine against the policy text (娄星政发〔2020〕4号, section 四), clause by clause.

Every expected class, area to register (DJMJ), area beyond it (CZMJ) and 附记 (FJ) below is read from the
seed text and worked out by hand here; the quoted 附记 sentences are copied from the text. Area limits are
Hunan's (domain.md §3): 130 m² on cropland (DLLB 1), 180 m² on other land (2), 210 m² on idle land (3).
"""
import datetime

import pytest

from homestead_cadastre.rules.policy.engine import ParcelContext, classify_all, classify_parcel
from homestead_cadastre.rules.policy.households import (
    EXTRA,
    KEPT,
    NOT_COUNTED,
    SINGLE,
    UNDECIDED,
    UNKNOWN,
    HouseholdStanding,
    household_standings,
)
from homestead_cadastre.rules.policy.profile import load_profile

# 附记 sentences of the seed text
FJ_STANDARD = "待以后分户建房或现有房屋拆迁、改建、翻修、政府依法实施规划重新建设时，按有关规定做出处理"  # 四(四)2
FJ_NONMEMBER = "该权利人为非本农村集体经济组织成员历史取得"  # 四(三)2, 四(三)3
FJ_HEIR = "该权利人为本农村集体经济组织成员住宅的合法继承人"  # 四(二)9, 四(三)4

# a member's approved homestead built 1995 on other land, every fact filled, no exclusion
CLEAN = dict(SFJTCY=1, YQSLY=1, PZMJ=200.0, PZRQ=datetime.date(1995, 3, 1), JFNF=1995, SFKD=0, DLLB=2, FHGH=1,
             SFJC=0, FHWP=0, WFCZ=0, FFGBYT=0, CZJMGZ=0, FFCSCZ=0, YAZ=0, CCTZ=0, KZDT=0, LSJZ=0, QSZY=0,
             QTBYDJ=None)


@pytest.fixture(scope="module")
def louxing():
    return load_profile("louxing_2020")


def decide(profile, area, farmland=0.0, household=SINGLE, **changes):
    context = ParcelContext(zdmj=area, zyjbntmj=farmland, household=HouseholdStanding(household))
    return classify_parcel({**CLEAN, **changes}, profile, context)


def clauses(decision):
    return [r.clause for r in decision.reasons]


def outcome(decision):
    return decision.lb, decision.djmj, decision.czmj, decision.fj


# --- 四(二) members -----------------------------------------------------------------------------------
def test_split_household_built_without_approval(louxing):
    """四(二)2: 未经批准另行建房分开居住 … 符合相关规划 … 补办有关用地手续后，依法予以确权登记颁证."""
    d = decide(louxing, 150.0, FHWP=1, YQSLY=0, PZMJ=None, JFNF=2005)
    assert outcome(d) == (2, 150.0, 0.0, "")
    assert "四(二)2" in clauses(d) and "分户人申请" in d.xybz
    d = decide(louxing, 150.0, FHWP=1, YQSLY=0, PZMJ=None, JFNF=2005, FHGH=0)
    assert outcome(d) == (3, None, None, "") and "四(二)2" in clauses(d)


def test_member_heir_with_two_homesteads(louxing):
    """四(二)9: 继承人申请时有二处农村宅基地的 … 附记栏注记“该权利人为本农村集体经济组织成员住宅的合法继承人”."""
    columns = {
        "ZDDM": ["OWN", "INHERITED"], "HH": ["H1", "H1"], "QLRZJH": [None, None],
        **{name: [value, value] for name, value in CLEAN.items()},
    }
    columns["SFJC"] = [0, 1]
    # the inherited house was built in 1980 (before 1987), approved 120, occupies 240 and was never enlarged:
    # 四(四)1 registers the actual 240
    columns["JFNF"], columns["PZMJ"] = [1995, 1980], [200.0, 120.0]
    own, inherited = classify_all(columns, louxing, areas=[150.0, 240.0], farmland_areas=[0.0, 0.0])
    assert outcome(own) == (1, 150.0, 0.0, "")
    assert outcome(inherited) == (1, 240.0, 0.0, FJ_HEIR)
    assert "四(二)9" in clauses(inherited) and "四(四)1" in clauses(inherited)
    assert "四(六)2" not in clauses(own) + clauses(inherited)


# --- 四(三) non-members -------------------------------------------------------------------------------
def test_nonmember_before_1982_actual_area(louxing):
    """四(三)2 ¶1: 1982年前 … 合法取得 … 至今未扩大的，可按实际使用面积予以确权登记颁证 + 附记."""
    d = decide(louxing, 260.0, SFJTCY=0, JFNF=1975, PZMJ=None)
    assert outcome(d) == (1, 260.0, 0.0, FJ_NONMEMBER) and "四(三)2" in clauses(d)


def test_nonmember_1982_to_1999_approved_area(louxing):
    """四(三)2 ¶2: 1982年 … 起至1999年 … 前 … 按照批准面积予以确权登记颁证 + 附记."""
    d = decide(louxing, 140.0, SFJTCY=0, JFNF=1990, PZMJ=120.0)
    assert outcome(d) == (1, 120.0, 20.0, FJ_NONMEMBER)


def test_nonmember_without_source_or_after_1999(louxing):
    assert decide(louxing, 140.0, SFJTCY=0, JFNF=1990, YQSLY=0).lb == 3  # not shown 合法取得
    d = decide(louxing, 140.0, SFJTCY=0, JFNF=2005)
    assert outcome(d) == (3, None, None, "") and "四(三)3" in d.xybz


def test_nonmember_in_the_year_of_a_dated_boundary_is_not_guessed(louxing):
    # 1982-02-13: a house acquired "in 1982" may be on either side
    d = decide(louxing, 140.0, SFJTCY=0, JFNF=1982)
    assert d.lb == 0 and "1982-02-13" in d.lbyy()


def test_nonmember_heir(louxing):
    """四(三)4: 非本农村集体经济组织成员，因继承 … 可按规定确权登记颁证 + 附记 (heir's text)."""
    d = decide(louxing, 150.0, SFJTCY=0, SFJC=1, JFNF=1980, PZMJ=100.0)
    assert outcome(d) == (1, 150.0, 0.0, FJ_HEIR) and "四(三)4" in clauses(d)


# --- 四(四) area over the approval or the limit -------------------------------------------------------
def test_approved_area(louxing):
    """四(四): 经过批准建房占用农村宅基地的，按照批准面积予以确权登记颁证."""
    d = decide(louxing, 150.0, PZMJ=150.0, JFNF=2000)
    assert outcome(d) == (1, 150.0, 0.0, "") and clauses(d)[0] == "四(四)"
    assert "公告15个工作日" in d.xybz  # 三(六)1


def test_before_1987_actual_area_even_over_the_limit(louxing):
    """四(四)1: 1987年前 … 至今未扩大的，无论是否超过 … 面积标准，按实际使用面积予以确权登记颁证."""
    d = decide(louxing, 260.0, PZMJ=120.0, JFNF=1980, DLLB=1)
    assert outcome(d) == (1, 260.0, 0.0, "") and "四(四)1" in clauses(d)
    # enlarged since: when it was enlarged decides between 四(四)1, 2 and 3 — not known, class 0
    assert decide(louxing, 260.0, PZMJ=120.0, JFNF=1980, SFKD=1).lb == 0


def test_1987_to_2018_over_the_limit_standard_area_and_annotation(louxing):
    """四(四)2: 符合规划但超过 … 面积标准的，在补办相关用地手续后，依法对标准面积予以确权登记颁证，超占面积 …
    附记栏注记“待以后分户建房…”. Approved 120, parcel 200 on cropland: standard 130, excess 70."""
    d = decide(louxing, 200.0, PZMJ=120.0, JFNF=1995, DLLB=1)
    assert (d.lb, d.djmj, d.czmj) == (2, 130.0, 70.0)
    assert FJ_STANDARD in d.fj and "70.00" in d.fj
    assert "四(四)2" in clauses(d)
    assert decide(louxing, 200.0, PZMJ=120.0, JFNF=1995, DLLB=1, FHGH=0).lb == 3  # 不符合规划


def test_over_the_approval_within_the_limit(louxing):
    # approved 120, parcel 170 on other land (limit 180): the 50 m² beyond the approval can be completed
    d = decide(louxing, 170.0, PZMJ=120.0, JFNF=1995, DLLB=2)
    assert outcome(d) == (2, 170.0, 0.0, "")


def test_after_2019_illegal_building_current_policy(louxing):
    """四(四)3: 2019年 … 实施以后违法占地建房，一律按现行政策处理."""
    d = decide(louxing, 150.0, YQSLY=0, PZMJ=None, JFNF=2020)
    assert outcome(d) == (3, None, None, "") and "四(四)3" in clauses(d)
    # within the approval, a 2020 house is lawful
    assert decide(louxing, 150.0, PZMJ=150.0, JFNF=2020).lb == 1


def test_handled_illegal_use_completed_at_the_standard(louxing):
    """三(五): 违法用地经依法处置后，对符合建房条件的 … 按 … 审批标准 … 补办用地审批手续后予以确权登记；
    超出用地审批标准已处置的面积，在登记时予以标注. Idle land (210), parcel 250: register 210, mark 40."""
    d = decide(louxing, 250.0, YQSLY=0, PZMJ=None, JFNF=2020, WFCZ=1, DLLB=3)
    assert (d.lb, d.djmj, d.czmj) == (2, 210.0, 40.0)
    assert d.fj == "超出用地审批标准已处置的面积40.00平方米" and "三(五)" in clauses(d)


def test_handled_illegal_use_in_any_period(louxing):
    """三(五) is not bound to a period: a handled case of 2005 within the limit registers its actual area."""
    d = decide(louxing, 150.0, YQSLY=1, PZMJ=None, JFNF=2005, WFCZ=1)
    assert outcome(d) == (2, 150.0, 0.0, "") and "三(五)" in clauses(d)
    # over the limit (other land, 180) the approved area is needed: empty, so class 0 asks for it
    d = decide(louxing, 200.0, YQSLY=1, PZMJ=None, JFNF=2005, WFCZ=1)
    assert d.lb == 0 and d.missing == ("PZMJ",)
    assert decide(louxing, 150.0, YQSLY=0, PZMJ=None, JFNF=2005, WFCZ=1, FHGH=0).lb == 3


def test_old_documents_without_an_approved_area(louxing):
    # 四(四)1 registers the actual area whatever was approved: an empty PZMJ does not matter before 1987 …
    assert outcome(decide(louxing, 260.0, PZMJ=None, JFNF=1980)) == (1, 260.0, 0.0, "")
    # … but from 1987 the approved area decides, and an empty one is asked for
    d = decide(louxing, 150.0, PZMJ=None, JFNF=1995)
    assert d.lb == 0 and d.missing == ("PZMJ",)


def test_1987_to_2018_over_the_standard_with_documents_but_no_approved_area(louxing):
    """四(四)2 compares the parcel with 当时当地面积标准, not with the approved area: with documents (YQSLY 1)
    and PZMJ empty, 230 m² on cropland built 1995 (standard 130) registers 130 after completing the
    approval (class 2), the 100 m² excess in 附记; not class 0 asking for the approved area."""
    d = decide(louxing, 230.0, PZMJ=None, JFNF=1995, DLLB=1)
    assert (d.lb, d.djmj, d.czmj) == (2, 130.0, 100.0) and d.missing == ()
    assert d.fj == "超占面积100.00平方米，" + FJ_STANDARD and "四(四)2" in clauses(d)
    # on other land (standard 180) built 2010, 181.5 m²: 180 registered, 1.5 in 附记
    d = decide(louxing, 181.5, PZMJ=None, JFNF=2010, DLLB=2)
    assert (d.lb, d.djmj, d.czmj) == (2, 180.0, 1.5) and "1.50" in d.fj
    # 符合规划 is the clause's condition: not conforming, it cannot be completed
    assert decide(louxing, 230.0, PZMJ=None, JFNF=1995, DLLB=1, FHGH=0).lb == 3


def test_enlarged_after_1987_still_gets_the_standard_area(louxing):
    # 四(四)2 sets no condition on enlargement (四(四)1 does: 至今未扩大)
    d = decide(louxing, 200.0, PZMJ=130.0, JFNF=1995, DLLB=1, SFKD=1)
    assert (d.lb, d.djmj, d.czmj) == (2, 130.0, 70.0) and FJ_STANDARD in d.fj


def test_years_of_boundaries_known_only_by_year_go_to_class_0(louxing):
    # 1987 (湖南省土地管理实施办法): built that year, before or after it took effect is not known
    d = decide(louxing, 260.0, PZMJ=120.0, JFNF=1987)
    assert d.lb == 0 and "1987" in d.lbyy() and d.djmj is None


def test_period_between_the_2018_opinion_and_the_2019_measures(tmp_path, louxing):
    """四(四)2 ends at 湘政办发〔2018〕64号, 四(四)3 starts at 省政府令第299号: over-limit parcels in between are
    not covered. With exact dates (a county's profile) a 2018 house falls in that gap: class 3."""
    county = tmp_path / "county.toml"
    county.write_text(
        '[profile]\nbase = "louxing_2020"\nname = "county"\n\n[dates]\n'
        "member_standard_before = 2018-01-01\ncurrent_policy_from = 2019-01-01\n", encoding="utf-8")
    profile = load_profile(str(county))
    d = decide(profile, 200.0, YQSLY=0, PZMJ=None, JFNF=2018, DLLB=2)
    assert d.lb == 3 and "四(四)2、四(四)3" in clauses(d)
    assert outcome(decide(profile, 170.0, YQSLY=0, PZMJ=None, JFNF=2018, DLLB=2)) == (2, 170.0, 0.0, "")
    assert decide(profile, 200.0, YQSLY=0, PZMJ=None, JFNF=2017, DLLB=2).djmj == 180.0


# --- 四(五) no ownership-source documents -------------------------------------------------------------
def test_no_documents_thirty_day_notice(louxing):
    """四(五)1: 没有权属来源材料 … 符合国土空间规划和“一户一宅”条件的 … 公告30天无异议 … 补办用地审批手续."""
    d = decide(louxing, 160.0, YQSLY=0, PZMJ=None, JFNF=2000)
    assert outcome(d) == (2, 160.0, 0.0, "")
    assert "四(五)1" in clauses(d) and "公告30天无异议" in d.xybz
    assert decide(louxing, 160.0, YQSLY=0, PZMJ=None, JFNF=2000, FHGH=0).lb == 3
    # before 1987 and never enlarged: the actual area (四(四)1), still through the notice
    assert outcome(decide(louxing, 260.0, YQSLY=0, PZMJ=None, JFNF=1980)) == (2, 260.0, 0.0, "")


def test_houses_after_2008_planning_notice(louxing):
    """四(五)3: 2008年《城乡规划法》实施后建设的，经村民委员会公告15天无异议的，可不提供 … 材料."""
    after = decide(louxing, 150.0, PZMJ=150.0, JFNF=2010)
    before = decide(louxing, 150.0, PZMJ=150.0, JFNF=2005)
    assert "四(五)3" in clauses(after) and "公告15天无异议" in after.xybz
    assert "四(五)3" not in clauses(before)


# --- 四(六) not registrable ---------------------------------------------------------------------------
def test_farmland_occupation(louxing):
    """四(六)1: 违法占用永久基本农田的."""
    d = decide(louxing, 150.0, farmland=35.2, PZMJ=150.0)
    assert outcome(d) == (3, None, None, "") and "四(六)1" in clauses(d) and "35.20" in d.lbyy()
    assert decide(louxing, 150.0, farmland=0.8, PZMJ=150.0).lb == 1  # a sliver under 1 m²
    unknown = decide(louxing, 150.0, farmland=None, PZMJ=150.0)
    assert unknown.lb == 0 and "ZYJBNTMJ" in unknown.missing


@pytest.mark.parametrize("fact, clause", [
    ("FFGBYT", "四(六)3"), ("CZJMGZ", "四(六)4"), ("FFCSCZ", "四(六)5"), ("YAZ", "四(六)6"),
    ("CCTZ", "四(六)7"), ("KZDT", "四(六)8"), ("LSJZ", "四(六)9"), ("QSZY", "四(六)10"),
])
def test_exclusion_facts(louxing, fact, clause):
    d = decide(louxing, 150.0, PZMJ=150.0, **{fact: 1})
    assert outcome(d) == (3, None, None, "") and clauses(d) == [clause]


def test_other_exclusion_text(louxing):
    """四(六)11: 法律法规政策规定的其他不予确权登记的情形."""
    d = decide(louxing, 150.0, PZMJ=150.0, QTBYDJ="位于地质灾害危险区")
    assert d.lb == 3 and clauses(d) == ["四(六)11"] and "位于地质灾害危险区" in d.lbyy()


def test_several_homesteads_registered_one_is_the_household_s(louxing):
    """四(六)2 with 二(二): 已确权登记的一处农村宅基地视为“一宅”; the other (建新未拆旧) is not registrable."""
    columns = {
        "ZDDM": ["OLD", "NEW", "ELSE"], "HH": ["H1", None, "H2"], "QLRZJH": ["430001", "430001", None],
        "SFDJ": [1, 0, 0], **{name: [value] * 3 for name, value in CLEAN.items()},
    }
    old, new, other = classify_all(columns, louxing, areas=[150.0, 150.0, 150.0], farmland_areas=[0.0] * 3)
    assert old.lb == 1 and "二(二)" in clauses(old)
    assert outcome(new) == (3, None, None, "") and clauses(new) == ["二(二)", "四(六)2"]
    assert "OLD" in new.lbyy() and "空心房" in new.xybz
    assert other.lb == 1 and "四(六)2" not in clauses(other)


def test_household_one_chosen_from_the_data():
    def standings(**columns):
        n = len(columns["HH"])
        columns.setdefault("QLRZJH", [None] * n)
        for name in ("SFJTCY",):
            columns.setdefault(name, [1] * n)
        for name in ("SFJC", "FHWP"):
            columns.setdefault(name, [0] * n)
        return household_standings(columns, [f"P{i}" for i in range(n)])

    # only one has documents: it is the one
    s = standings(HH=["H", "H"], YQSLY=[0, 1])
    assert [x.role for x in s] == [EXTRA, KEPT] and s[0].kept == "P1" and s[0].basis == "household_kept_documents"
    # all approved: the latest approval is the new house, the other was to be given up
    s = standings(HH=["H", "H", "H"], YQSLY=[1, 1, 1],
                  PZRQ=[datetime.date(1990, 1, 1), datetime.date(2005, 5, 1), datetime.date(1999, 1, 1)])
    assert [x.role for x in s] == [EXTRA, KEPT, EXTRA] and s[1].basis == "household_kept_latest"
    # a person confirmed one: that decides
    s = standings(HH=["H", "H"], YQSLY=[0, 0], SHZT=[2, 0], LB=[1, 0])
    assert [x.role for x in s] == [KEPT, EXTRA]
    # nothing tells: undecided, never a guess
    s = standings(HH=["H", "H"], YQSLY=[0, 0])
    assert [x.role for x in s] == [UNDECIDED, UNDECIDED] and s[0].others == ("P1",)
    # the split household's new house and an inherited one do not count; no key at all is unknown
    s = standings(HH=["H", "H", "H", None], YQSLY=[1, 0, 0, 1], FHWP=[0, 1, 0, 0], SFJC=[0, 0, 1, 0])
    assert [x.role for x in s] == [SINGLE, NOT_COUNTED, NOT_COUNTED, UNKNOWN]
    # a sibling whose membership is empty leaves it open
    s = standings(HH=["H", "H"], YQSLY=[1, 0], SFJTCY=[1, None])
    assert [x.role for x in s] == [UNDECIDED, UNDECIDED]


def test_undecided_household_tells_the_village_what_to_establish(louxing):
    d = decide(louxing, 150.0, PZMJ=150.0, household=UNDECIDED)
    assert d.lb == 0 and "村组查明该户保留的一处宅基地" in d.xybz and d.djmj is None


# --- missing facts, precedence, profiles ----------------------------------------------------------------
def test_missing_facts_are_class_0_never_read_as_no(louxing):
    d = decide(louxing, 150.0, PZMJ=150.0, KZDT=None, SFJTCY=None)
    assert d.lb == 0 and set(d.missing) == {"KZDT", "SFJTCY"}
    assert "空置倒塌超两年(KZDT)" in d.lbyy() and "补充" in d.xybz
    invalid = decide(louxing, 150.0, PZMJ=150.0, SFJTCY=2)
    assert invalid.lb == 0 and "是否本集体经济组织成员(SFJTCY)=2" in invalid.lbyy()
    assert decide(louxing, None, PZMJ=150.0).missing == ("ZDMJ",)
    assert decide(louxing, 150.0, PZMJ=150.0, household=UNKNOWN).missing == ("HH",)


def test_an_exclusion_decides_even_with_facts_missing(louxing):
    d = decide(louxing, 150.0, LSJZ=1, SFJTCY=None, JFNF=None)
    assert d.lb == 3 and d.missing == ()


def test_decision_fields_for_the_layer(louxing):
    d = decide(louxing, 200.0, PZMJ=120.0, JFNF=1995, DLLB=1)
    fields = d.attributes()
    assert fields["LB"] == 2 and fields["LBMC"] == "可以补办用地审批手续"
    assert fields["LBYY"] == "；".join(f"{r.clause} {r.text}" for r in d.reasons) == d.lbyy()
    assert (fields["DJMJ"], fields["CZMJ"], fields["FJ"], fields["XYBZ"]) == (130.0, 70.0, d.fj, d.xybz)


def test_a_county_changes_a_class_and_a_limit_without_code(tmp_path):
    county = tmp_path / "county.toml"
    county.write_text(
        '[profile]\nbase = "louxing_2020"\nname = "county"\n\n[limits]\nother_land = 150.0\n\n'
        "[rules.no_source]\nclass = 3\n", encoding="utf-8")
    profile = load_profile(str(county))
    d = decide(profile, 200.0, YQSLY=1, PZMJ=120.0, JFNF=1995)
    assert (d.djmj, d.czmj) == (150.0, 50.0)
    assert decide(profile, 140.0, YQSLY=0, PZMJ=None, JFNF=2000).lb == 3


@pytest.mark.parametrize("name", ["national_generic", "tibet_2010"])
def test_other_profiles_classify(name):
    profile = load_profile(name)
    d = decide(profile, 200.0, PZMJ=120.0, JFNF=1995, DLLB=1)
    assert (d.lb, d.djmj, d.czmj) == (2, 130.0, 70.0) and d.reasons
    assert decide(profile, 150.0, PZMJ=150.0, LSJZ=1).lb == 3


def test_a_parcel_of_another_county_says_so_first(louxing):
    """娄星政发〔2020〕4号 一(一): 全区行政区域内. 娄星区 is 431302; 430381 (湘乡市) is another county: the
    decision is the same but its first reason and first step say that it follows Louxing's policy."""
    d = decide(louxing, 150.0, PZMJ=150.0, JFNF=2000, ZDDM="430381104201JC00023")
    assert d.lb == 1 and d.reasons[0].rule_id == "other_county"
    assert "430381" in d.reasons[0].text and "431302" in d.reasons[0].text
    assert d.xybz.startswith("选用该县（区）的政策配置") and "homestead:copyprofile" in d.xybz
    # also when class 3 or 0 leave the steps of notes out
    assert decide(louxing, 150.0, KZDT=1, ZDDM="430381104201JC00023").reasons[0].rule_id == "other_county"
    d = decide(louxing, 150.0, PZMJ=None, JFNF=1995, ZDDM="430381104201JC00023")
    assert d.lb == 0 and "copyprofile" in d.xybz
    # Louxing's own parcels, parcels without a code and a profile written for anywhere say nothing of it
    for profile, code in ((louxing, "431302104201JC00023"), (louxing, None), (louxing, "abc"),
                          (load_profile("national_generic"), "430381104201JC00023")):
        d = decide(profile, 150.0, PZMJ=150.0, JFNF=2000, ZDDM=code)
        assert "other_county" not in [r.rule_id for r in d.reasons] and "copyprofile" not in d.xybz
    # a province prefix covers its counties: 西藏 54
    assert "other_county" not in [r.rule_id for r in decide(
        load_profile("tibet_2010"), 150.0, PZMJ=150.0, JFNF=2000, ZDDM="540102104201JC00023").reasons]


def test_flags_read_from_every_kind_of_stored_value():
    """1/0 from ints, bools, floats and text; empty is missing; anything else invalid, never 0."""
    from homestead_cadastre.rules.policy.facts import INVALID, as_flag

    given = [1, 0, True, False, 1.0, 0.0, " 1 ", "0", None, "", "  ", 2, -1, 0.5, "x", "10"]
    expected = [1, 0, 1, 0, 1, 0, 1, 0, None, None, None, INVALID, INVALID, INVALID, INVALID, INVALID]
    read = [as_flag(v) for v in given]
    assert read == expected
    assert all(type(v) is int for v in read[:8])


class _CountedColumn(list):
    """A column that counts how often it is read whole."""

    reads = 0

    def __iter__(self):
        _CountedColumn.reads += 1
        return super().__iter__()


def test_household_standings_read_each_column_once_however_many_households():
    """一户一宅 on 2,000 two-parcel households: each column read whole once (it was once per household: the
    county's cost grew with households × parcels), and the answers known: the later approval is kept."""
    n = 4_000
    columns = {name: _CountedColumn(values) for name, values in dict(
        HH=[f"H{i // 2}" for i in range(n)], SFJTCY=[1] * n, SFJC=[0] * n, FHWP=[0] * n, YQSLY=[1] * n,
        PZRQ=[datetime.date(1990 + i % 2, 1, 1) for i in range(n)], SHZT=[0] * n, LB=[None] * n, SFDJ=[0] * n,
        QLRZJH=[None] * n).items()}
    _CountedColumn.reads = 0
    standings = household_standings(columns, [f"P{i}" for i in range(n)])
    assert _CountedColumn.reads <= 2 * len(columns)  # household_groups walks HH and QLRZJH once more
    assert [s.role for s in standings[:4]] == [EXTRA, KEPT, EXTRA, KEPT]
    assert standings[0].kept == "P1" and standings[0].basis == "household_kept_latest"
