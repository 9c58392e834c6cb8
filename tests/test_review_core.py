"""The QGIS-free review core: decisions and their audit records, the document checklist, progress counts
(checked against plain Python counting) and dated targets (the Louxing 2020 milestones of domain.md §1.7)."""
from __future__ import annotations

import json
from collections import Counter
from datetime import date, datetime

import numpy as np
import pytest

from homestead_cadastre.cadastre import progress, review
from homestead_cadastre.cadastre.messages import CadastreError

WHEN = datetime(2020, 6, 15, 9, 30)
CODE = "431302001001JC00001"


def test_confirm_writes_state_reviewer_time():
    decision = review.confirm(CODE, 1, review.SUGGESTED, " 李审核 ", WHEN, "核实无误")
    assert decision.changes == {"SHZT": 2, "SHR": "李审核", "SHSJ": WHEN, "GPYY": None}
    assert decision.audit.values() == {"ZDDM": CODE, "YLB": 1, "XLB": 1, "YSHZT": 1, "XSHZT": 2, "SHR": "李审核",
                                       "SHSJ": WHEN, "LY": "核实无误"}


@pytest.mark.parametrize("lb, state, reviewer, problem", [
    (1, 1, "  ", "REVIEW_NO_REVIEWER"),
    (None, 0, "李", "REVIEW_NO_SUGGESTION"),
    (0, 1, "李", "REVIEW_FACTS_MISSING"),
    (2, 2, "李", "REVIEW_ALREADY"),
    (2, 3, "李", "REVIEW_ALREADY"),
])
def test_confirm_refusals(lb, state, reviewer, problem):
    with pytest.raises(CadastreError) as caught:
        review.confirm(CODE, lb, state, reviewer, WHEN, "")
    assert caught.value.problem.id == problem
    assert CODE in str(caught.value) or problem == "REVIEW_NO_REVIEWER"


def test_override_needs_a_reason_and_another_class():
    with pytest.raises(CadastreError, match="reason"):
        review.override(CODE, 1, 1, 3, "李", WHEN, "  ")
    with pytest.raises(CadastreError) as caught:
        review.override(CODE, 3, 1, 3, "李", WHEN, "x")
    assert caught.value.problem.id == "REVIEW_SAME_CLASS"
    with pytest.raises(CadastreError) as caught:
        review.override(CODE, 1, 1, 4, "李", WHEN, "x")
    assert caught.value.problem.id == "REVIEW_BAD_CLASS"
    decision = review.override(CODE, 1, 2, 3, "李", WHEN, "一户多宅")
    assert decision.changes == {"LB": 3, "LBMC": "其他情况", "SHZT": 3, "SHR": "李", "SHSJ": WHEN, "GPYY": "一户多宅"}
    assert (decision.audit.old_class, decision.audit.new_class, decision.audit.old_state) == (1, 3, 2)
    # from 'facts missing' (0) a person may still decide, with a reason
    assert review.override(CODE, 0, 1, 2, "李", WHEN, "补充调查").changes["LB"] == 2


def test_reversed_record_swaps_before_and_after():
    record = review.override(CODE, 1, 1, 3, "李", WHEN, "一户多宅").audit
    back = record.reversed("王", WHEN, "撤销")
    assert (back.old_class, back.new_class, back.old_state, back.new_state) == (3, 1, 3, 1)
    assert (back.reviewer, back.reason, back.zddm) == ("王", "撤销", CODE)


def test_renewed_suggestion_resets_review_and_audits_only_changes():
    new = {"LB": 2, "LBMC": "可以补办用地审批手续", "LBYY": "R201", "DJMJ": 120.0, "CZMJ": 0.0, "FJ": None, "XYBZ": "公告"}
    decision = review.renew_suggestion(CODE, 1, review.CONFIRMED, new, "李", WHEN, "建房年份改为1985")
    assert decision.changes["SHZT"] == 1 and decision.changes["SHR"] is None and decision.changes["LB"] == 2
    assert (decision.audit.old_class, decision.audit.new_class, decision.audit.new_state) == (1, 2, 1)
    same = review.renew_suggestion(CODE, 2, review.SUGGESTED, new, "李", WHEN, "x")
    assert same.audit is None and same.changes["DJMJ"] == 120.0


def test_checklist_json_round_trip_and_required_documents():
    assert review.parse_checklist(None) == {} and review.parse_checklist("  ") == {}
    ticks = review.tick({}, "application", True, date(2020, 6, 1))
    ticks = review.tick(ticks, "id_card", True, date(2020, 6, 2))
    ticks = review.tick(ticks, "application", True, date(2020, 7, 1))  # ticking again keeps the first date
    text = review.dump_checklist(ticks)
    assert json.loads(text) == {"application": "2020-06-01", "id_card": "2020-06-02"}
    assert review.parse_checklist(text) == ticks
    assert review.dump_checklist(review.tick(review.tick(ticks, "application", False, date.today()), "id_card", False,
                                             date.today())) is None
    with pytest.raises(CadastreError, match="SJQD"):
        review.parse_checklist("[1, 2]")
    with pytest.raises(CadastreError):
        review.parse_checklist("application,id_card")
    plain = {d.key for d in review.required_documents({"YQSLY": 1, "SFJC": 0, "LB": 1})}
    assert {"application", "id_card", "household_register", "ownership_source", "parcel_map"} <= plain
    assert not plain & {"village_confirmation", "inheritance_proof", "approval_completion"}
    special = {d.key for d in review.required_documents({"YQSLY": 0, "SFJC": 1, "LB": 2})}
    assert special - plain == {"village_confirmation", "inheritance_proof", "approval_completion"}
    assert review.checklist_counts(ticks, {"LB": 1}) == (2, len(plain))
    assert len(set(review.DOCUMENT_KEYS)) == len(review.DOCUMENTS)


def test_progress_counts_match_plain_counting():
    rng = np.random.default_rng(3)
    n = 500
    villages_codes = [f"431302001{v:03d}" for v in range(1, 5)]
    zddm = [f"{villages_codes[i % 4]}JC{i:05d}" for i in range(n)] + ["bad", None]
    zdmj = [None if i % 17 == 0 else float(rng.uniform(50, 300)) for i in range(n)] + [10.0, 0.0]
    lb = [None if i % 11 == 0 else int(rng.integers(0, 4)) for i in range(n)] + [1, None]
    shzt = [None if v is None else int(rng.integers(0, 4)) for v in lb]
    sfgg = [int(rng.integers(0, 2)) for _ in zddm]
    sfdj = [g * int(rng.integers(0, 2)) for g in sfgg]
    per_village, county = progress.count_progress(
        progress.village_array(zddm), np.array([np.nan if v is None else v for v in zdmj]),
        progress.code_array(lb), progress.code_array(shzt), progress.code_array(sfgg), progress.code_array(sfdj))
    assert [p.village for p in per_village] == villages_codes + ["?"]
    assert county.total == n + 2 == sum(p.total for p in per_village)
    assert county.surveyed == sum(1 for a in zdmj if a)
    assert county.classified == sum(1 for v in lb if v in (1, 2, 3))
    assert county.reviewed == sum(1 for s in shzt if s in (2, 3))
    assert county.noticed == sum(sfgg) and county.registered == sum(sfdj)
    assert county.by_class == {c: Counter(lb)[c] for c in (1, 2, 3, 0)}
    first = per_village[0]
    rows = [i for i, z in enumerate(zddm) if z and z.startswith(villages_codes[0])]
    assert first.total == len(rows)
    assert first.registered == sum(sfdj[i] for i in rows)
    assert first.share("registered") == pytest.approx(sum(sfdj[i] for i in rows) / len(rows))
    empty_villages, empty = progress.count_progress(np.zeros(0, str), np.zeros(0), *(np.zeros(0, int),) * 4)
    assert empty_villages == [] and empty.total == 0 and empty.share("surveyed") == 0.0


class Milestone:
    """The shape of rules/policy/profile.py's Milestone (percent, None when the milestone does not set it)."""

    def __init__(self, day, survey=None, registered=None, clause="", text=""):
        self.date, self.survey_percent, self.registered_percent = day, survey, registered
        self.clause, self.text = clause, text


# domain.md §1.7: survey 100% by 2020-07-31, 70% registered by 2020-09-30, >90% by 2020-11-30
LOUXING = (Milestone(date(2020, 9, 30), registered=70.0, clause="一(二)2"), Milestone(date(2020, 7, 31), survey=100.0),
           Milestone(date(2020, 11, 30), registered=90.0))


def test_targets_from_milestones_and_evaluation():
    targets = progress.targets_from_milestones(LOUXING)
    assert [(t.metric, t.share, t.due.isoformat()) for t in targets] == [
        ("surveyed", 1.0, "2020-07-31"), ("registered", 0.7, "2020-09-30"), ("registered", 0.9, "2020-11-30")]
    assert targets[1].clause == "一(二)2"
    county = progress.Progress("", total=200, surveyed=200, registered=150)
    statuses = progress.evaluate_targets(county, targets, date(2020, 10, 15))
    assert [(s.met, s.overdue, s.days_left) for s in statuses] == [(True, False, -76), (True, False, -15),
                                                                   (False, False, 46)]
    assert statuses[2].actual == pytest.approx(0.75)
    late = progress.evaluate_targets(county, targets, date(2020, 12, 1))[2]
    assert late.overdue and not late.met
    both = progress.targets_from_milestones([Milestone(date(2021, 1, 1), survey=100.0, registered=50.0)])
    assert {(t.metric, t.share) for t in both} == {("surveyed", 1.0), ("registered", 0.5)}


@pytest.mark.parametrize("state, overwrite, taken", [
    (None, False, True), (review.NOT_REVIEWED, False, True), (review.SUGGESTED, False, True),
    (review.CONFIRMED, False, False), (review.OVERRIDDEN, False, False),
    (review.CONFIRMED, True, True), (review.OVERRIDDEN, True, True),
])
def test_take_suggestion_keeps_a_persons_decision(state, overwrite, taken):
    suggestion = {"LB": 2, "LBYY": "四(四)2"}
    values = review.take_suggestion(state, suggestion, overwrite)
    if not taken:
        assert values is None
    else:
        assert values == {"LB": 2, "LBYY": "四(四)2", "SHZT": 1, "SHR": None, "SHSJ": None, "GPYY": None}
    assert suggestion == {"LB": 2, "LBYY": "四(四)2"}  # the caller's mapping is not changed
