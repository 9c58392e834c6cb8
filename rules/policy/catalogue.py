"""What a policy profile may contain: the rules the engine can fire, the dates, limits and notices it reads.

The engine decides *when* a rule fires (engine.py); the profile says, for each rule, which clause it
implements, its text, the class it gives and the 附记 and next steps it adds. Adding a rule means one entry
here, one branch in the engine and one ``[rules.<id>]`` table in each profile. QGIS-free.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Tuple


@dataclass(frozen=True)
class RuleSpec:
    """A rule the engine knows. ``note`` rules explain or add steps and 附记 but give no class."""

    id: str
    note: bool = False
    fact: str = ""  # for the exclusion flags: the ZD fact field (1 = the case applies)
    doc: str = ""  # when the engine fires it (English, for developers)


# Exclusions of 四(六) read from a 1/0 fact field, in the clause's order.
EXCLUSION_FLAGS: Tuple[RuleSpec, ...] = (
    RuleSpec("excl_illegal_change_of_use", fact="FFGBYT", doc="FFGBYT = 1"),
    RuleSpec("excl_urban_purchase", fact="CZJMGZ", doc="CZJMGZ = 1"),
    RuleSpec("excl_rebuilt_after_sale", fact="FFCSCZ", doc="FFCSCZ = 1"),
    RuleSpec("excl_resettled", fact="YAZ", doc="YAZ = 1"),
    RuleSpec("excl_demolition_notice", fact="CCTZ", doc="CCTZ = 1"),
    RuleSpec("excl_vacant", fact="KZDT", doc="KZDT = 1"),
    RuleSpec("excl_temporary", fact="LSJZ", doc="LSJZ = 1"),
    RuleSpec("excl_dispute", fact="QSZY", doc="QSZY = 1"),
)

RULES: Tuple[RuleSpec, ...] = (
    RuleSpec("other_county", note=True, doc="the parcel's county (ZDDM[:6]) is not among the profile's counties"),
    RuleSpec("excl_farmland", doc="occupied permanent basic farmland (ZYJBNTMJ) above the sliver threshold"),
    RuleSpec("excl_multiple_homesteads", doc="the parcel is an extra homestead of a household that keeps another"),
    *EXCLUSION_FLAGS,
    RuleSpec("excl_other", doc="QTBYDJ holds text"),
    RuleSpec("household_kept_confirmed", note=True, doc="several homesteads; a person confirmed one of them"),
    RuleSpec("household_kept_registered", note=True, doc="several homesteads; exactly one is registered (SFDJ)"),
    RuleSpec("household_kept_documents", note=True, doc="several homesteads; exactly one has documents (YQSLY)"),
    RuleSpec("household_kept_latest", note=True, doc="several approved homesteads; one has the latest PZRQ"),
    RuleSpec("household_undecided", doc="several homesteads and the data does not tell which is the household's one"),
    RuleSpec("member_approved", doc="member, approved, parcel within the approved area"),
    RuleSpec("member_historic_actual", doc="member, built before member_actual_before, not enlarged"),
    RuleSpec("member_excess_within_standard", doc="member, over the approved area but within the limit"),
    RuleSpec("member_standard_area", doc="member, built before member_standard_before, over the limit, conforms"),
    RuleSpec("member_excess_not_conforming", doc="member, over the approved area or limit, not conforming to planning"),
    RuleSpec("member_uncovered_period", doc="member, over the limit, built between member_standard_before and current_policy_from"),
    RuleSpec("member_current_policy", doc="member, unapproved land used from current_policy_from on, not handled"),
    RuleSpec("illegal_handled", doc="illegal use handled (WFCZ = 1) and conforming: approval completed at the standard"),
    RuleSpec("illegal_handled_not_conforming", doc="illegal use handled (WFCZ = 1) but not conforming to planning"),
    RuleSpec("member_enlarged", doc="member, built before member_actual_before but enlarged since (SFKD = 1)"),
    RuleSpec("period_unknown", doc="year built is the year of a boundary known only to the year or to a day after 1 January"),
    RuleSpec("no_source", doc="member without ownership-source documents, conforming, one homestead"),
    RuleSpec("no_source_not_conforming", doc="member without documents, not conforming to planning"),
    RuleSpec("split_household", doc="split household that built without approval (FHWP = 1), conforming"),
    RuleSpec("split_household_not_conforming", doc="split household without approval, not conforming"),
    RuleSpec("heir_member", note=True, doc="member heir (SFJC = 1) whose household holds another homestead"),
    RuleSpec("heir_nonmember", note=True, doc="non-member heir (SFJC = 1)"),
    RuleSpec("nonmember_historic_actual", doc="non-member, acquired before nonmember_actual_before, not enlarged"),
    RuleSpec("nonmember_approved", doc="non-member, acquired before nonmember_approved_before"),
    RuleSpec("nonmember_enlarged", doc="non-member, acquired before nonmember_actual_before, enlarged since"),
    RuleSpec("nonmember_late", doc="non-member, acquired from nonmember_approved_before on"),
    RuleSpec("nonmember_no_source", doc="non-member without ownership-source documents"),
    RuleSpec("planning_notice", note=True, doc="house built from planning_notice_from on (15-day notice without planning papers)"),
    RuleSpec("registration_notice", note=True, doc="every parcel of class 1 or 2: the registration notice"),
    RuleSpec("facts_missing", doc="a fact the decision needs is empty or invalid"),
)
RULE_IDS: Dict[str, RuleSpec] = {rule.id: rule for rule in RULES}

# Values the engine fills into a rule's text, fj and steps ({name}); all are ready-formatted text.
PLACEHOLDERS: Dict[str, str] = {
    "zdmj": "parcel area, m² (2 decimals)",
    "pzmj": "approved area PZMJ, m²",
    "djmj": "area to register, m²",
    "czmj": "area over what may be registered, m²",
    "limit": "household area limit for the parcel's land type, m²",
    "jfnf": "year built or first occupied",
    "zyjbntmj": "permanent basic farmland occupied, m²",
    "min_area": "farmland sliver threshold, m²",
    "kept": "the household's homestead kept (parcel code)",
    "others": "the household's other parcels (codes)",
    "facts": "facts missing or invalid (alias and field name)",
    "other": "text of QTBYDJ",
    "boundary": "the policy date the year built cannot be placed against",
    "county": "the parcel's county code (first 6 digits of ZDDM)",
    "counties": "the administrative codes the profile is written for",
    "registration_working_days": "registration notice, working days",
    "no_source_days": "notice for parcels without ownership-source documents, days",
    "planning_days": "notice for houses without planning papers, days",
}

# [dates]: boundaries between the periods of 四(三), 四(四), 四(五)3. A TOML date, or a bare year when
# only the year is known (a parcel built in that year then cannot be placed and goes to class 0).
DATE_KEYS: Dict[str, str] = {
    "nonmember_actual_before": "non-members: actual area before this (1982 村镇建房用地管理条例)",
    "nonmember_approved_before": "non-members: approved area before this (1999 revised 土地管理法)",
    "member_actual_before": "members: actual area before this, even over the limit",
    "member_standard_before": "members: standard area after completing approval before this",
    "current_policy_from": "members: illegal building from this on is handled under current policy",
    "planning_notice_from": "houses built from this on need planning papers or a notice (城乡规划法 2008)",
}
# Dates that must not decrease in this order.
DATE_ORDER: Tuple[Tuple[str, ...], ...] = (
    ("member_actual_before", "member_standard_before", "current_policy_from"),
    ("nonmember_actual_before", "nonmember_approved_before"),
)

# [limits]: household area limit (m²) per land type DLLB (schema code list DLLB).
LIMIT_KEYS: Dict[str, int] = {"cropland": 1, "other_land": 2, "idle_or_existing": 3}

# [notices]: notice periods (days).
NOTICE_KEYS: Tuple[str, ...] = ("registration_working_days", "no_source_days", "planning_days")

DEFAULT_FARMLAND_MIN_AREA = 1.0  # m², when a profile has no [farmland] table
