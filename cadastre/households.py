"""一户一宅: find the homesteads that belong to one household, by household id or right holder's ID number."""
from __future__ import annotations

from typing import Dict, List, Optional, Sequence


def _key(value) -> Optional[str]:
    if value is None:
        return None
    text = str(value).strip().upper()
    return text or None


def household_groups(household_ids: Sequence, id_numbers: Sequence) -> List[List[int]]:
    """Groups (lists of row indices, ascending) of parcels held by one household, for groups of two or more.

    Two parcels are one household's when they share a household id (HH) or a right holder's ID number
    (QLRZJH; compared case-insensitively, blanks ignored); sharing is transitive (union-find), so a
    household recorded with its id on one parcel and only the holder's ID number on another is still found.
    """
    parent = list(range(len(household_ids)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for column in (household_ids, id_numbers):
        first: Dict[str, int] = {}
        for i, value in enumerate(column):
            key = _key(value)
            if key is None:
                continue
            if key in first:
                a, b = find(first[key]), find(i)
                if a != b:
                    parent[max(a, b)] = min(a, b)
            else:
                first[key] = i
    groups: Dict[int, List[int]] = {}
    for i in range(len(parent)):
        groups.setdefault(find(i), []).append(i)
    return sorted((g for g in groups.values() if len(g) > 1), key=lambda g: g[0])
