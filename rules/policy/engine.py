"""The eligibility engine: one parcel's facts + a policy profile → class, area to register, 附记, next steps.

Classes (this project's reading of section 四 of the policy; a person confirms every decision):
1 基本符合确权登记颁证条件 — registrable as it is; 2 可以补办用地审批手续 — registrable after a notice and
completing the approval; 3 其他情况 — not registrable (四(六)) or no path without separate handling;
0 待补充信息 — a fact the decision needs is empty or invalid, or the data cannot tell (never a guess).

Every rule that fires is recorded with its clause (``Decision.reasons``); the texts, clauses, classes,
附记 and steps come from the profile, the engine only decides which rules fire. A class-3 rule wins over
everything; then missing facts or a class-0 rule; otherwise the highest of the fired classes.
Areas are m² on the survey plane, compared at 0.01 m². QGIS-free.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

from ...cadastre import schema
from ...cadastre.codes import county_of
from . import catalogue
from .facts import INVALID, as_area, as_code, as_flag, as_year, is_blank, label
from .households import EXTRA, KEPT, UNDECIDED, UNKNOWN, HouseholdStanding, household_standings
from .profile import Profile, Rule, load_profile

__all__ = [
    "Decision", "ParcelContext", "Reason", "build_contexts", "classify_all", "classify_parcel", "load_profile",
]
SEPARATOR = "；"


@dataclass(frozen=True)
class Reason:
    """A rule that fired: its id, the clause it implements and its text for this parcel."""

    rule_id: str
    clause: str
    text: str


@dataclass(frozen=True)
class ParcelContext:
    """What classification needs beyond the parcel's own facts, computed from the data.

    ``zdmj``: the parcel's area (m², survey plane; None when it has no valid geometry).
    ``zyjbntmj``: permanent basic farmland it occupies (m²; None when unknown: no overlay was made).
    ``household``: whether its household holds several homesteads, which, and which one is the household's.
    """

    zdmj: Optional[float] = None
    zyjbntmj: Optional[float] = None
    household: HouseholdStanding = field(default_factory=HouseholdStanding)


@dataclass
class Decision:
    lb: int
    lbmc: str
    reasons: List[Reason]
    djmj: Optional[float]  # area to register, m² (classes 1 and 2)
    czmj: Optional[float]  # area occupied beyond what may be registered, m² (classes 1 and 2)
    fj: str  # 附记 for the register
    xybz: str  # next steps
    missing: Tuple[str, ...] = ()  # ZD fields to fill in (class 0)

    def lbyy(self) -> str:
        """Every rule that fired, with its clause: the LBYY field."""
        return SEPARATOR.join(f"{r.clause} {r.text}" for r in self.reasons)

    def attributes(self) -> Dict[str, object]:
        """The decision as ZD field values (SHZT and the review fields are the caller's)."""
        return {"LB": self.lb, "LBMC": self.lbmc, "LBYY": self.lbyy(), "DJMJ": self.djmj, "CZMJ": self.czmj,
                "FJ": self.fj, "XYBZ": self.xybz}


class _Stop(Exception):  # noqa: N818 (control flow, not an error)
    """The evaluation cannot go further (a fact is missing or a rule decided)."""


def _area_text(value: Optional[float]) -> str:
    return "—" if value is None else f"{value:.2f}"


class _Evaluation:
    def __init__(self, facts: Dict[str, object], profile: Profile, context: ParcelContext):
        self.facts, self.profile, self.context = facts, profile, context
        self.fired: List[Tuple[Rule, Dict[str, str]]] = []
        self.missing: Dict[str, str] = {}  # field -> what to tell the village
        self.djmj: Optional[float] = None
        self.czmj: Optional[float] = None
        self.zdmj = None if context.zdmj is None or context.zdmj <= 0 else round(float(context.zdmj), 2)
        household = context.household
        self.values: Dict[str, str] = {
            "zdmj": _area_text(self.zdmj),
            "zyjbntmj": _area_text(context.zyjbntmj),
            "min_area": _area_text(profile.farmland_min_area),
            "kept": household.kept or "—",
            "others": "、".join(household.others) or "—",
            **{key: str(days) for key, days in profile.notices.items()},
        }
        for name in ("pzmj", "djmj", "czmj", "limit", "jfnf", "facts", "other", "boundary"):
            self.values.setdefault(name, "—")
        self.county = county_of(facts.get("ZDDM"))
        self.values.update(county=self.county or "—", counties="、".join(profile.counties) or "—")

    # reading facts ---------------------------------------------------------------------------------
    def read(self, name: str, reader):
        """The fact ``name`` through ``reader``; None (recorded as missing) when empty or invalid."""
        raw = self.facts.get(name)
        value = reader(raw)
        if value is None:
            self.missing.setdefault(name, label(name))
        elif value is INVALID:
            self.missing.setdefault(name, f"{label(name)}={raw}")
            return None
        return value

    def require(self, *reads):
        """Read every (field, reader) pair, recording all the missing ones; stop when any is."""
        values = [self.read(name, reader) for name, reader in reads]
        if any(v is None for v in values):
            raise _Stop
        return values

    def need(self, name: str, reader=as_flag):
        value = self.read(name, reader)
        if value is None:
            raise _Stop
        return value

    def need_area(self) -> float:
        if self.zdmj is None:
            self.missing.setdefault("ZDMJ", label("ZDMJ"))
            raise _Stop
        return self.zdmj

    def limit(self) -> float:
        land_type = self.need("DLLB", lambda v: as_code(v, "DLLB"))
        limit = self.profile.limits[land_type]
        self.values["limit"] = _area_text(limit)
        return limit

    # firing rules ----------------------------------------------------------------------------------
    def fire(self, rule_id: str, **values: str) -> None:
        self.values.update(values)
        self.fired.append((self.profile.rule(rule_id), dict(self.values)))

    def stop(self, rule_id: str, **values: str) -> None:
        self.fire(rule_id, **values)
        raise _Stop

    def register(self, rule_id: str, djmj: float, czmj: float) -> None:
        self.djmj, self.czmj = round(djmj, 2), round(max(czmj, 0.0), 2)
        self.fire(rule_id, djmj=_area_text(self.djmj), czmj=_area_text(self.czmj))

    def classes(self) -> List[int]:
        return [rule.lb for rule, _ in self.fired if rule.lb is not None]

    # the policy ------------------------------------------------------------------------------------
    def run(self) -> None:
        try:
            self.exclusions()
            if 3 in self.classes():
                return
            member = self.need("SFJTCY")
            if member == 1:
                self.member()
            else:
                self.nonmember()
        except _Stop:
            pass

    def exclusions(self) -> None:
        """四(六): each case that applies fires; an empty flag is missing (it may not be assumed 0)."""
        household = self.context.household
        farmland = self.context.zyjbntmj
        if farmland is None:
            self.missing.setdefault("ZYJBNTMJ", label("ZYJBNTMJ"))
        elif farmland > self.profile.farmland_min_area:
            self.fire("excl_farmland")
        if household.role == EXTRA:
            self.fire(household.basis)
            self.fire("excl_multiple_homesteads")
        for spec in catalogue.EXCLUSION_FLAGS:
            if self.read(spec.fact, as_flag) == 1:
                self.fire(spec.id)
        other = self.facts.get("QTBYDJ")
        if not is_blank(other):
            self.fire("excl_other", other=str(other).strip())

    def member(self) -> None:
        household = self.context.household
        if household.role == UNKNOWN:
            self.missing.setdefault("HH", f"{label('HH')}/{label('QLRZJH')}")
        heir, split, documents, year = self.require(
            ("SFJC", as_flag), ("FHWP", as_flag), ("YQSLY", as_flag), ("JFNF", as_year))
        self.values["jfnf"] = str(year)
        self.need_area()
        if household.role == UNKNOWN:
            raise _Stop
        if household.role == UNDECIDED:
            self.stop("household_undecided")
        if household.role == KEPT:
            self.fire(household.basis)
        if heir == 1 and household.several:
            self.fire("heir_member")
        if split == 1:
            self.member_area(year, approved=False, procedure="split_household")
        else:
            self.member_area(year, approved=documents == 1, procedure="no_source")

    def member_area(self, year: int, approved: bool, procedure: str) -> None:
        """四(四), 四(五)1, 四(二)2, 三(五): the area a member's homestead may be registered with.

        ``approved``: it has ownership-source documents. Their approved area PZMJ is read where it decides:
        not for a house older than member_actual_before, registered at its actual area (四(四)1), nor for one
        of 四(四)2 over the standard, registered at the standard area.
        """
        area = self.need_area()
        known = as_area(self.facts.get("PZMJ")) if approved else None
        if known is not None and known is not INVALID:
            self.values["pzmj"] = _area_text(round(known, 2))
            if area <= round(known, 2):
                self.register("member_approved", area, 0.0)
                return
        if self.need("WFCZ") == 1:
            # 三(五): the illegal use was handled; approval is completed at the standard, the rest annotated
            if self.need("FHGH") == 0:
                self.stop("illegal_handled_not_conforming")
            registered = area if area <= self.limit() else min(area, self.cap(approved))
            self.register("illegal_handled", registered, area - registered)
            return
        period = self.member_period(year)
        if period == "current":
            self.stop("member_current_policy")
        if period == "historic":
            if self.need("SFKD") == 1:
                self.stop("member_enlarged")
            self.register("member_historic_actual", area, 0.0)
            if not approved:
                self.procedure(procedure)
            return
        if approved and known is None and period == "standard" and area > self.limit():
            cap = self.limit()  # 四(四)2 compares with 当时当地面积标准: an empty approved area does not matter
        else:
            cap = self.cap(approved)
        conforms = self.need("FHGH")
        if area <= cap:
            if approved and conforms:
                self.register("member_excess_within_standard", area, 0.0)
            elif approved:
                self.stop("member_excess_not_conforming")
            else:
                self.djmj, self.czmj = area, 0.0
                self.values.update(djmj=_area_text(area), czmj=_area_text(0.0))
                self.procedure(procedure)
            return
        if period == "uncovered":
            self.stop("member_uncovered_period")
        if not conforms:
            self.stop("member_excess_not_conforming" if approved else procedure + "_not_conforming")
        self.register("member_standard_area", cap, area - cap)
        if not approved:
            self.procedure(procedure)

    def cap(self, approved: bool) -> float:
        """The most that may be registered after completing approval: the approved area or the limit (m²)."""
        approved_area = 0.0
        if approved:
            approved_area = round(self.need("PZMJ", as_area), 2)
            self.values["pzmj"] = _area_text(approved_area)
        return max(approved_area, self.limit())

    def procedure(self, procedure: str) -> None:
        """The way to complete approval of an unapproved homestead: 四(五)1 or 四(二)2, both need planning."""
        if self.need("FHGH") == 1:
            self.fire(procedure)
        else:
            self.stop(procedure + "_not_conforming")

    def member_period(self, year: int) -> str:
        for key, period in (("member_actual_before", "historic"), ("member_standard_before", "standard"),
                            ("current_policy_from", "uncovered")):
            if self.place(year, key) == "before":
                return period
        return "current"

    def place(self, year: int, key: str) -> str:
        boundary = self.profile.dates[key]
        place = boundary.place(year)
        if place is None:
            self.stop("period_unknown", boundary=str(boundary))
        return place

    def nonmember(self) -> None:
        """四(三): non-members by the period they acquired the homestead in; heirs by 四(三)4."""
        heir, documents, year = self.require(("SFJC", as_flag), ("YQSLY", as_flag), ("JFNF", as_year))
        self.values["jfnf"] = str(year)
        area = self.need_area()
        if heir == 1:
            # the inherited homestead is judged as the member's it was, without the one-household test
            self.fire("heir_nonmember")
            self.member_area(year, approved=documents == 1, procedure="no_source")
            return
        if documents == 0:
            self.stop("nonmember_no_source")
        if self.place(year, "nonmember_actual_before") == "before":
            if self.need("SFKD") == 1:
                self.stop("nonmember_enlarged")
            self.register("nonmember_historic_actual", area, 0.0)
            return
        if self.place(year, "nonmember_approved_before") == "after":
            self.stop("nonmember_late")
        approved_area = round(self.need("PZMJ", as_area), 2)
        self.values["pzmj"] = _area_text(approved_area)
        self.register("nonmember_approved", min(area, approved_area), area - approved_area)

    # the decision ----------------------------------------------------------------------------------
    def decision(self) -> Decision:
        classes = self.classes()
        if 3 in classes:
            lb = 3
        elif self.missing or 0 in classes or not classes:
            lb = 0
            if self.missing or not classes:
                self.fire("facts_missing", facts="、".join(self.missing.values()) or "—")
        else:
            lb = max(classes)
        if lb in (1, 2):
            year = as_year(self.facts.get("JFNF"))
            if year not in (None, INVALID) and self.profile.dates["planning_notice_from"].place(year) != "before":
                self.fire("planning_notice")
            self.fire("registration_notice")
        if not self.profile.covers(self.county):
            # said first and whatever the class: the whole decision follows another county's policy
            self.fired.insert(0, (self.profile.rule("other_county"), dict(self.values)))
        reasons, annotations, steps = [], [], []
        for rule, values in self.fired:
            reasons.append(Reason(rule.id, rule.clause, rule.text.format(**values)))
            relevant = rule.lb == lb or rule.id == "other_county" or (
                lb in (1, 2) and (rule.lb is None or rule.lb in (1, 2)))
            if not relevant:
                continue
            fj = rule.fj.format(**values) if rule.fj and not _no_excess(rule.fj, values) else ""
            if fj and lb in (1, 2) and fj not in annotations:
                annotations.append(fj)
            step = rule.steps.format(**values) if rule.steps else ""
            if step and step not in steps:
                steps.append(step)
        registrable = lb in (1, 2)
        return Decision(
            lb=lb, lbmc=schema.CODELISTS["LB"][lb], reasons=reasons,
            djmj=self.djmj if registrable else None, czmj=self.czmj if registrable else None,
            fj=SEPARATOR.join(annotations), xybz=SEPARATOR.join(steps),
            missing=tuple(self.missing) if lb == 0 else (),
        )


def _no_excess(annotation: str, values: Dict[str, str]) -> bool:
    """An annotation about the area beyond what is registered ({czmj}) is left out when there is none."""
    return "{czmj" in annotation and values.get("czmj") in ("0.00", "—")


def classify_parcel(facts: Dict[str, object], profile: Profile, context: ParcelContext) -> Decision:
    """Classify one parcel. ``facts``: its ZD field values (names of cadastre.schema.ZD_FACTS)."""
    evaluation = _Evaluation(facts, profile, context)
    evaluation.run()
    return evaluation.decision()


def _labels(columns: Dict[str, Sequence], n: int, labels: Optional[Sequence[str]]) -> List[str]:
    if labels is not None:
        return [str(x) for x in labels]
    codes = columns.get("ZDDM") or [None] * n
    return [str(code).strip() if not is_blank(code) else f"#{i + 1}" for i, code in enumerate(codes)]


def _row_count(columns: Dict[str, Sequence], *others) -> int:
    for values in list(columns.values()) + [o for o in others if o is not None]:
        return len(values)
    return 0


def _overlap(value) -> Optional[float]:
    """Farmland occupied (m²): 0 is a known 'none'; empty or not a number ≥ 0 is unknown."""
    if is_blank(value):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number >= 0 else None


def build_contexts(
    columns: Dict[str, Sequence],
    areas: Optional[Sequence[Optional[float]]] = None,
    farmland_areas: Optional[Sequence[Optional[float]]] = None,
    labels: Optional[Sequence[str]] = None,
) -> List[ParcelContext]:
    """The ParcelContext of every row of ``columns`` (a whole layer: households span parcels).

    ``areas`` default to the ZDMJ column, ``farmland_areas`` to ZYJBNTMJ (None where empty or absent),
    ``labels`` (how parcels are named in reasons) to ZDDM, else the row number.
    """
    n = _row_count(columns, areas, farmland_areas)
    labels = _labels(columns, n, labels)
    areas = areas if areas is not None else columns.get("ZDMJ") or [None] * n
    farmland_areas = farmland_areas if farmland_areas is not None else columns.get("ZYJBNTMJ") or [None] * n
    standings = household_standings(columns, labels)
    contexts = []
    for i in range(n):
        area = as_area(areas[i])
        contexts.append(ParcelContext(
            zdmj=None if area is INVALID else area,
            zyjbntmj=_overlap(farmland_areas[i]),
            household=standings[i],
        ))
    return contexts


def classify_all(
    columns: Dict[str, Sequence],
    profile: Profile,
    areas: Optional[Sequence[Optional[float]]] = None,
    farmland_areas: Optional[Sequence[Optional[float]]] = None,
    labels: Optional[Sequence[str]] = None,
) -> List[Decision]:
    """Classify every row of ``columns`` (ZD field name -> list of values), households across all rows."""
    contexts = build_contexts(columns, areas, farmland_areas, labels)
    names = list(columns)
    return [
        classify_parcel({name: columns[name][i] for name in names}, profile, context)
        for i, context in enumerate(contexts)
    ]

