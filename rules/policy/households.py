"""一户一宅: which of a household's several homesteads is its one, and which are extra (四(六)2).

Parcels belong to one household when they share a household id (HH) or the holder's ID number (QLRZJH)
(cadastre.households). Not every parcel of a household counts as one of *its* homesteads:
an inherited house (SFJC = 1, 四(二)9 and 四(三)4), the new house of a member of age to form a household who
built apart without approval (FHWP = 1, 四(二)2: it becomes the new household's) and a non-member's
parcel (SFJTCY = 0, 四(三)) are registered on their own terms.

When two or more parcels count, the household's one is, in this order (this project's reading):
1. the one a person confirmed as registrable (SHZT 2/3 with LB 1/2) — the village decided;
2. the one already registered (SFDJ = 1) — 二(二): 已确权登记的一处农村宅基地视为“一宅”;
3. the only one with ownership-source documents (YQSLY = 1) — the others are unapproved;
4. of approved ones, the one approved last (PZRQ) — 建新未拆旧: the old one should have been given up.
Otherwise the data cannot tell: every counting parcel is 'undecided' (class 0) until the village says.
QGIS-free.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

from ...cadastre.households import household_groups
from ...cadastre.review import is_reviewed
from .facts import INVALID, as_code, as_date, as_flag, is_blank

UNKNOWN = "unknown"  # no HH and no QLRZJH: 一户一宅 cannot be checked
SINGLE = "single"  # the household's only counting homestead
NOT_COUNTED = "not_counted"  # inherited, split household's or non-member's: not one of the household's
KEPT = "kept"  # several homesteads; this is the household's one
EXTRA = "extra"  # several homesteads; another one is the household's
UNDECIDED = "undecided"  # several homesteads; the data does not tell which is the one


CHOICE_FIELDS = ("SHZT", "LB", "SFDJ", "YQSLY", "PZRQ")  # what chooses the household's one (_choose)


@dataclass(frozen=True)
class HouseholdStanding:
    """A parcel's place in its household. ``others``: labels of the household's other parcels."""

    role: str = UNKNOWN
    others: Tuple[str, ...] = ()
    kept: str = ""  # label of the household's one (roles KEPT and EXTRA)
    basis: str = ""  # rule id of the criterion that chose it (household_kept_*)

    @property
    def several(self) -> bool:
        return bool(self.others)


def _column(columns: Dict[str, list], name: str, n: int) -> list:
    values = columns.get(name)
    return list(values) if values is not None else [None] * n


def household_standings(columns: Dict[str, Sequence], labels: Sequence[str]) -> List[HouseholdStanding]:
    """The standing of every row of ``columns`` (ZD field name -> values), labelled by ``labels``."""
    n = len(labels)
    hh, id_numbers = _column(columns, "HH", n), _column(columns, "QLRZJH", n)
    standings = [
        HouseholdStanding(UNKNOWN if is_blank(hh[i]) and is_blank(id_numbers[i]) else SINGLE) for i in range(n)
    ]
    member, heir, split = (_column(columns, f, n) for f in ("SFJTCY", "SFJC", "FHWP"))
    choice = {name: _column(columns, name, n) for name in CHOICE_FIELDS}  # read once, not once per household
    for group in household_groups(hh, id_numbers):
        counted, unknown = [], []
        for i in group:
            flags = as_flag(member[i]), as_flag(heir[i]), as_flag(split[i])
            if flags[0] == 0 or flags[1] == 1 or flags[2] == 1:
                standings[i] = HouseholdStanding(NOT_COUNTED)
            elif any(f is None or f is INVALID for f in flags):
                unknown.append(i)
            else:
                counted.append(i)
        kept, basis = (None, "") if unknown else _choose(counted, choice)
        for i in group:
            others = tuple(labels[j] for j in group if j != i)
            role = standings[i].role
            if role != NOT_COUNTED:
                if len(counted) + len(unknown) <= 1:
                    role = SINGLE
                elif kept is None:
                    role = UNDECIDED
                else:
                    role = KEPT if i == kept else EXTRA
            standings[i] = HouseholdStanding(role, others, labels[kept] if kept is not None and role != NOT_COUNTED else "", basis)
    return standings


def _choose(counted: List[int], columns: Dict[str, list]) -> Tuple[Optional[int], str]:
    """The household's one among ``counted`` rows (two or more), and the rule id of the criterion
    (``columns``: the CHOICE_FIELDS, every row)."""
    if len(counted) < 2:
        return None, ""
    review, klass, registered, documents, approved = (columns[name] for name in CHOICE_FIELDS)

    def confirmed(i):
        return is_reviewed(as_code(review[i], "SHZT")) and as_code(klass[i], "LB") in (1, 2)

    for rule_id, test in (
        ("household_kept_confirmed", confirmed),
        ("household_kept_registered", lambda i: as_flag(registered[i]) == 1),
    ):
        chosen = [i for i in counted if test(i)]
        if len(chosen) == 1:
            return chosen[0], rule_id
        if len(chosen) > 1:
            return None, ""  # two confirmed or registered: a conflict for a person, not for a rule
    docs = [as_flag(documents[i]) for i in counted]
    if docs.count(1) == 1 and docs.count(0) == len(counted) - 1:
        return counted[docs.index(1)], "household_kept_documents"
    if all(d == 1 for d in docs):
        dates = [as_date(approved[i]) for i in counted]
        if all(d is not None and d is not INVALID for d in dates):
            latest = max(dates)
            if dates.count(latest) == 1:
                return counted[dates.index(latest)], "household_kept_latest"
    return None, ""
