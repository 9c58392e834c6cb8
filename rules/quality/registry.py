"""The quality rules, in the order they run and are listed. Adding a rule: one module, one line here."""
from __future__ import annotations

from typing import Dict, Tuple

from . import (
    basemap_shift,
    c_dup,
    c_missing,
    c_outline,
    h_area,
    h_bdcdyh,
    hh_multi,
    jzd_mismatch,
    zd_area,
    zd_code,
    zd_dupcode,
    zd_gap,
    zd_invalid,
    zd_jbnt,
    zd_overlap,
    zd_overlimit,
    zrz_jbnt,
    zrz_orphan,
    zrz_outside,
    zrz_zrzh,
)
from .base import Rule

RULES: Tuple[Rule, ...] = (
    zd_invalid.RULE,
    zd_overlap.RULE,
    zd_gap.RULE,
    zd_code.RULE,
    zd_dupcode.RULE,
    zd_area.RULE,
    zd_overlimit.RULE,
    zd_jbnt.RULE,
    zrz_outside.RULE,
    zrz_orphan.RULE,
    zrz_jbnt.RULE,
    hh_multi.RULE,
    jzd_mismatch.RULE,
    basemap_shift.RULE,
    zrz_zrzh.RULE,
    c_outline.RULE,
    c_missing.RULE,
    c_dup.RULE,
    h_area.RULE,
    h_bdcdyh.RULE,
)
BY_ID: Dict[str, Rule] = {rule.id: rule for rule in RULES}


def rule(rule_id: str) -> Rule:
    try:
        return BY_ID[rule_id.strip().upper()]
    except KeyError:
        raise KeyError(f"unknown quality rule {rule_id!r}; known: {', '.join(BY_ID)}") from None
