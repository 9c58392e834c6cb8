"""一户一宅: find the homesteads that belong to one household, by household id or right holder's ID number."""
from __future__ import annotations

from typing import Dict, Iterator, List, Sequence


def _keys(value) -> Iterator[str]:
    """The keys in one cell: a single value, or several (list, tuple, set) when a parcel has several holders."""
    values = value if isinstance(value, (list, tuple, set, frozenset)) else (value,)
    for item in values:
        if item is None:
            continue
        text = str(item).strip().upper()
        if text:
            yield text


def household_groups(household_ids: Sequence, id_numbers: Sequence) -> List[List[int]]:
    """Groups (lists of row indices, ascending) of parcels held by one household, for groups of two or more.

    Two parcels are one household's when they share a household id (HH) or a right holder's ID number
    (QLRZJH; compared case-insensitively, blanks ignored); sharing is transitive (union-find), so a
    household recorded with its id on one parcel and only the holder's ID number on another is still found.
    A cell may hold several keys (a list, tuple or set), e.g. the ID numbers of a parcel's co-holders.
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
            for key in _keys(value):
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
