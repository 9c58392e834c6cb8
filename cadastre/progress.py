"""Progress of the survey and registration, per village (地籍子区 = ZDDM[:12]) and for the county, against
the dated targets of a policy profile (domain.md §1.7: reported monthly).

Counts, from the ZD layer's columns:
- total: parcels in the layer; every share is of this total;
- surveyed: parcels with an area (> 0 m²): computed from coordinates (ZDMJ), else recorded by the survey (DCMJ);
- classified: parcels with class 1, 2 or 3 (LB; a suggestion counts), also counted per class;
- reviewed: class confirmed or overridden by a person (SHZT 2 or 3);
- noticed: public notice done (SFGG = 1); registered: SFDJ = 1.

QGIS-free, vectorised with numpy: 100,000 parcels count in a few milliseconds.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import numpy as np

from .codes import village_of
from .messages import translatable
from .review import REVIEWED
from .sums import sum_by

METRICS = ("surveyed", "classified", "reviewed", "noticed", "registered")
METRIC_LABELS = {
    "surveyed": translatable("Surveyed"),
    "classified": translatable("Classified"),
    "reviewed": translatable("Reviewed"),
    "noticed": translatable("Noticed"),
    "registered": translatable("Registered"),
}
CLASS_KEYS = (1, 2, 3, 0)  # 0: a needed fact is missing


@dataclass
class Progress:
    """The counts of one village (or of the county, ``village`` = '')."""

    village: str
    total: int = 0
    surveyed: int = 0
    classified: int = 0
    reviewed: int = 0
    noticed: int = 0
    registered: int = 0
    by_class: Dict[int, int] = field(default_factory=lambda: {k: 0 for k in CLASS_KEYS})

    def count(self, metric: str) -> int:
        return getattr(self, metric)

    def share(self, metric: str) -> float:
        """Share of all parcels, 0..1 (0 when there are none)."""
        return self.count(metric) / self.total if self.total else 0.0


def code_array(values: Sequence) -> np.ndarray:
    """Integer codes with NULL (None) as -1, as count_progress takes them."""
    return np.fromiter((-1 if v is None else int(v) for v in values), dtype=np.int64, count=len(values))


def village_array(zddm: Sequence) -> np.ndarray:
    """The 地籍子区 (ZDDM[:12]) of each code; '?' where the code has no 12-digit prefix (counted, not lost)."""
    return np.array([(village_of(z) if isinstance(z, str) else "") or "?" for z in zddm], dtype=str)


def group_villages(villages: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """(sorted village codes, each parcel's index into them): what count_progress groups by."""
    return np.unique(np.asarray(villages, dtype=str), return_inverse=True)


def count_progress(villages: np.ndarray, zdmj: np.ndarray, lb: np.ndarray, shzt: np.ndarray, sfgg: np.ndarray,
                   sfdj: np.ndarray, grouping: Optional[Tuple[np.ndarray, np.ndarray]] = None
                   ) -> Tuple[List[Progress], Progress]:
    """Per-village progress (by village code) and the county total, from aligned ZD columns.

    ``villages`` from village_array; ``zdmj`` the parcel area (ZDMJ, else DCMJ), float m² with NULL as nan; the others code_array (NULL -1).
    ``grouping``: group_villages(villages) when already known (it is the slow part).
    """
    n = len(villages)
    flags = {
        "surveyed": np.nan_to_num(np.asarray(zdmj, dtype=float), nan=0.0) > 0,
        "classified": np.isin(lb, (1, 2, 3)),
        "reviewed": np.isin(shzt, REVIEWED),
        "noticed": np.asarray(sfgg) == 1,
        "registered": np.asarray(sfdj) == 1,
    }
    codes, inverse = grouping if grouping is not None else group_villages(villages)
    k = len(codes)
    per_village = [Progress(str(code)) for code in codes]
    totals = np.bincount(inverse, minlength=k)
    counted = {metric: sum_by(inverse, mask, k) for metric, mask in flags.items()}
    by_class = {c: sum_by(inverse, np.asarray(lb) == c, k) for c in CLASS_KEYS}
    for i, progress in enumerate(per_village):
        progress.total = int(totals[i])
        for metric in METRICS:
            setattr(progress, metric, int(counted[metric][i]))
        progress.by_class = {c: int(by_class[c][i]) for c in CLASS_KEYS}
    county = Progress("", total=n)
    for metric in METRICS:
        setattr(county, metric, int(flags[metric].sum()))
    county.by_class = {c: int((np.asarray(lb) == c).sum()) for c in CLASS_KEYS}
    return per_village, county


# --- targets -------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Target:
    """``share`` (0..1) of all parcels must have reached ``metric`` by ``due``; ``clause`` and ``text`` say where
    the policy sets it."""

    metric: str
    share: float
    due: date
    clause: str = ""
    text: str = ""


@dataclass(frozen=True)
class TargetStatus:
    target: Target
    actual: float  # share reached, 0..1
    met: bool
    overdue: bool  # due date passed and not met
    days_left: int  # negative once the date has passed


def evaluate_targets(progress: Progress, targets: Sequence[Target], today: date) -> List[TargetStatus]:
    """Where ``progress`` stands against each target on ``today``, in due-date order."""
    result = []
    for target in sorted(targets, key=lambda t: (t.due, t.metric)):
        actual = progress.share(target.metric)
        met = actual + 1e-12 >= target.share
        days_left = (target.due - today).days
        result.append(TargetStatus(target, actual, met, not met and days_left < 0, days_left))
    return result


# profile milestone attribute (percent) -> progress metric
MILESTONE_METRICS = (("survey_percent", "surveyed"), ("registered_percent", "registered"))


def targets_from_milestones(milestones: Iterable) -> List[Target]:
    """Targets from a policy profile's ``[[targets.milestones]]`` (rules/policy/profile.py ``Milestone``:
    ``date``, ``survey_percent``, ``registered_percent`` (0-100, None when not set), ``clause``, ``text``)."""
    targets = []
    for milestone in milestones:
        for attribute, metric in MILESTONE_METRICS:
            percent = getattr(milestone, attribute, None)
            if percent is not None:
                targets.append(Target(metric, float(percent) / 100.0, milestone.date,
                                      getattr(milestone, "clause", ""), getattr(milestone, "text", "")))
    return sorted(targets, key=lambda t: (t.due, t.metric))
