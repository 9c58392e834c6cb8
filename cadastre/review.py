"""Reviewing the class decision of a parcel, and its first-registration document checklist.

A person confirms the suggested class or chooses another one with a reason. Each decision is a set of ZD
field values (schema.ZD_DECISION) plus one audit record (schema.SHJL): class and review state before and
after, who, when, why. The audit is append-only: undoing a decision appends a record that reverses it.

QGIS-free: the review panel (ui/) writes the values through the layer's edit buffer and the records to SHJL.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Dict, List, Mapping, Optional, Tuple

from .messages import fail, translatable
from .schema import CODELISTS

# Review states (schema code list SHZT).
NOT_REVIEWED, SUGGESTED, CONFIRMED, OVERRIDDEN = 0, 1, 2, 3
REVIEWED = (CONFIRMED, OVERRIDDEN)  # a person's decision: kept when the policy is run again
# Who reviewed, when, and why the class was changed: cleared when a new suggestion replaces a decision.
REVIEWER_FIELDS = ("SHR", "SHSJ", "GPYY")
# Classes a person may choose (schema code list LB); 0 means a fact the policy needs is missing.
CLASSES = (1, 2, 3)
FACTS_MISSING = 0


def is_reviewed(state: Optional[int]) -> bool:
    """Whether review state ``state`` (SHZT code) is a person's decision."""
    return state in REVIEWED


def take_suggestion(state: Optional[int], suggestion: Mapping[str, object],
                    overwrite: bool = False) -> Optional[Dict[str, object]]:
    """The ZD values a new suggestion writes over a parcel in review state ``state``: the suggestion, state 建议
    and the reviewer fields cleared; None when a person's decision stands (reviewed, and not ``overwrite``)."""
    if is_reviewed(state) and not overwrite:
        return None
    return {**suggestion, "SHZT": SUGGESTED, **dict.fromkeys(REVIEWER_FIELDS)}


def class_name(lb: Optional[int]) -> str:
    """The Chinese name of class ``lb`` (LBMC), '' when unknown."""
    return CODELISTS["LB"].get(lb, "") if lb is not None else ""


@dataclass(frozen=True)
class AuditRecord:
    """One row of the audit table SHJL."""

    zddm: str
    old_class: Optional[int]
    new_class: Optional[int]
    old_state: Optional[int]
    new_state: Optional[int]
    reviewer: str
    when: datetime
    reason: str

    def values(self) -> Dict[str, object]:
        """SHJL field name -> value."""
        return {
            "ZDDM": self.zddm, "YLB": self.old_class, "XLB": self.new_class, "YSHZT": self.old_state,
            "XSHZT": self.new_state, "SHR": self.reviewer, "SHSJ": self.when, "LY": self.reason,
        }

    def reversed(self, reviewer: str, when: datetime, reason: str) -> AuditRecord:
        """The record of undoing this decision (before and after swapped)."""
        return AuditRecord(self.zddm, self.new_class, self.old_class, self.new_state, self.old_state,
                           reviewer, when, reason)


@dataclass(frozen=True)
class Review:
    """A decision on one parcel: ZD field -> new value, and the audit record to append."""

    changes: Dict[str, object]
    audit: Optional[AuditRecord]


def _check_reviewer(reviewer: str) -> str:
    reviewer = (reviewer or "").strip()
    if not reviewer:
        raise fail("REVIEW_NO_REVIEWER", translatable(
            "Enter the reviewer's name at the top of the review panel: every decision records who made it."))
    return reviewer


def confirm(zddm: str, current_class: Optional[int], current_state: Optional[int], reviewer: str,
            when: datetime, note: str) -> Review:
    """Confirm the suggested class of parcel ``zddm`` (state 建议 or 未审核 → 已确认); ``note`` goes to the audit."""
    reviewer = _check_reviewer(reviewer)
    if current_class not in CLASSES:
        if current_class == FACTS_MISSING:
            raise fail("REVIEW_FACTS_MISSING", translatable(
                "Parcel {zddm} lacks facts the policy needs (class 0), so there is nothing to confirm: "
                "complete its facts, or choose a class and give a reason."), zddm=zddm)
        raise fail("REVIEW_NO_SUGGESTION", translatable(
            "Parcel {zddm} has no suggested class yet: run the classification, or choose a class and give a reason."),
            zddm=zddm)
    if current_state in REVIEWED:
        raise fail("REVIEW_ALREADY", translatable(
            "Parcel {zddm} is already {state}; to change its class, choose another class and give a reason."),
            zddm=zddm, state=CODELISTS["SHZT"][current_state])
    changes = {"SHZT": CONFIRMED, "SHR": reviewer, "SHSJ": when, "GPYY": None}
    return Review(changes, AuditRecord(zddm, current_class, current_class, current_state, CONFIRMED, reviewer,
                                       when, note.strip()))


def override(zddm: str, current_class: Optional[int], current_state: Optional[int], new_class: int,
             reviewer: str, when: datetime, reason: str) -> Review:
    """Choose ``new_class`` for parcel ``zddm`` instead of its current class; ``reason`` is required."""
    reviewer = _check_reviewer(reviewer)
    if new_class not in CLASSES:
        raise fail("REVIEW_BAD_CLASS", translatable("Class {lb} does not exist; choose class 1, 2 or 3."), lb=new_class)
    reason = (reason or "").strip()
    if not reason:
        raise fail("REVIEW_NO_REASON", translatable(
            "Give the reason for choosing another class for parcel {zddm}: it is written to the audit trail."),
            zddm=zddm)
    if new_class == current_class:
        raise fail("REVIEW_SAME_CLASS", translatable(
            "Parcel {zddm} already has class {lb}; confirm it instead of choosing it again."), zddm=zddm, lb=new_class)
    changes = {"LB": new_class, "LBMC": class_name(new_class), "SHZT": OVERRIDDEN, "SHR": reviewer, "SHSJ": when,
               "GPYY": reason}
    return Review(changes, AuditRecord(zddm, current_class, new_class, current_state, OVERRIDDEN, reviewer, when,
                                       reason))


def renew_suggestion(zddm: str, current_class: Optional[int], current_state: Optional[int],
                     decision: Mapping[str, object], reviewer: str, when: datetime, reason: str) -> Review:
    """A new suggestion after the parcel's facts were edited: the engine's ``decision`` (ZD decision fields
    LB, LBMC, LBYY, DJMJ, CZMJ, FJ, XYBZ) with state 建议; an earlier confirmation no longer holds.

    The audit record is there only when the class or the review state changes.
    """
    new_class = decision.get("LB")
    changes = dict(decision)
    changes.update({"SHZT": SUGGESTED, "SHR": None, "SHSJ": None, "GPYY": None})
    audit = None
    if new_class != current_class or current_state != SUGGESTED:
        audit = AuditRecord(zddm, current_class, new_class, current_state, SUGGESTED, (reviewer or "").strip(),
                            when, reason)
    return Review(changes, audit)


# --- 首次登记收件清单 --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Document:
    """One document of the first-registration checklist; ``needed`` says for which parcels."""

    key: str
    label: str  # English, translated in the panel
    needed: str = "all"  # all | no_source | inherited | completion


# The list follows what 娄星政发〔2020〕4号 三(2), 三(6) and 四(五) ask the village groups and the technical
# unit to collect (its attachment 1, the county's own 收件清单, is not in the seed text (verify)).
DOCUMENTS: Tuple[Document, ...] = (
    Document("application", translatable("Registration application form")),
    Document("id_card", translatable("ID card of the right holder (copy)")),
    Document("household_register", translatable("Household register (copy)")),
    Document("ownership_source", translatable("Ownership-source documents (originals, with receipt)")),
    Document("survey_form", translatable("Cadastral survey form")),
    Document("boundary_table", translatable("Boundary-point coordinate table")),
    Document("parcel_map", translatable("Parcel map")),
    Document("house_diagram", translatable("House diagram")),
    Document("inquiry_record", translatable("Inquiry record")),
    Document("notice_record", translatable("Public notice record and photos")),
    Document("field_check", translatable("Field check record and photos")),
    Document("village_confirmation", translatable("Village confirmation and 30-day notice without objection"),
             "no_source"),
    Document("inheritance_proof", translatable("Household and inheritance certificates (police station)"), "inherited"),
    Document("approval_completion", translatable("Completed land-use approval"), "completion"),
)
DOCUMENT_KEYS = tuple(d.key for d in DOCUMENTS)


def required_documents(facts: Mapping[str, object]) -> List[Document]:
    """The documents parcel ``facts`` (ZD fields YQSLY, SFJC, LB) call for."""
    wanted = {"all"}
    if facts.get("YQSLY") == 0:
        wanted.add("no_source")
    if facts.get("SFJC") == 1:
        wanted.add("inherited")
    if facts.get("LB") == 2:
        wanted.add("completion")
    return [d for d in DOCUMENTS if d.needed in wanted]


def parse_checklist(text: Optional[str]) -> Dict[str, str]:
    """SJQD JSON → {document key: ISO date received}. Empty or NULL is an empty checklist.

    A value that is not a JSON object raises a CadastreError (the text is kept, never overwritten silently).
    """
    if text is None or not str(text).strip():
        return {}
    try:
        value = json.loads(text)
    except ValueError:
        value = None
    if not isinstance(value, dict):
        raise fail("CHECKLIST_INVALID", translatable(
            "The document checklist (SJQD) holds “{text}”, which is not a JSON object of document -> date; "
            "correct or empty it in the attribute table."), text=str(text)[:80])
    return {str(k): ("" if v is True else str(v)) for k, v in value.items() if v}


def dump_checklist(received: Mapping[str, str]) -> Optional[str]:
    """{document key: ISO date} → SJQD JSON (keys in a stable order), NULL when nothing was received."""
    if not received:
        return None
    return json.dumps(dict(sorted(received.items())), ensure_ascii=False, separators=(",", ":"))


def tick(received: Mapping[str, str], key: str, on: bool, today: date) -> Dict[str, str]:
    """The checklist with document ``key`` received today (``on``) or not received."""
    result = dict(received)
    if on:
        result.setdefault(key, today.isoformat())
    else:
        result.pop(key, None)
    return result


def checklist_counts(received: Mapping[str, str], facts: Mapping[str, object]) -> Tuple[int, int]:
    """(documents received, documents required) for the parcel."""
    required = required_documents(facts)
    return sum(1 for d in required if d.key in received), len(required)
