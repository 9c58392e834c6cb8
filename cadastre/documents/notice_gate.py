"""Which parcels may go on a legal 公告, and why the others were held back.

A registration notice lists a parcel only when a person has reviewed its class (review state 已确认 or 已改判,
review.REVIEWED): a suggestion of the classifier is no decision. Every notice needs a parcel code of valid
structure (codes.zddm_problems) used by one parcel only, and no error-severity finding of the quality check
(rule findings whose codes name the parcel, or a house of it). The reasons are deliverable text: Chinese.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Iterable, List, Sequence

from .. import codes as zd_codes
from .. import review
from ..boundary import duplicate_codes
from ..maps import maptext
from ..maps.mapdata import clean_text
from ..schema import CODELISTS

REPORT_COLUMNS = ("宗地代码", "权利人", "原因")
ERROR = "error"  # the quality check's error severity (schema code list YZCD)
# codes.zddm_problems ids in the report's Chinese (the report is a deliverable, whatever the interface language)
CODE_PROBLEMS = {
    "CODE_ASCII": "含全角或其他非 ASCII 字符，应使用半角数字和大写字母",
    "CODE_LENGTH": "{n} 位，宗地代码应为 19 位",
    "CODE_PATTERN": "应为 12 位数字 + 2 位宗地特征码 + 5 位顺序号",
    "CODE_FEATURE": "权利类型 {right} 只用于集体土地（J），此处为 {owner}",
}


@dataclass(frozen=True)
class Held:
    """A parcel held back from a notice, with the reasons (Chinese, joined by '；')."""

    index: int
    code: str
    owner: str
    reasons: List[str]

    def row(self) -> List[str]:
        return [self.code, self.owner, "；".join(self.reasons)]


def error_codes(findings: Iterable[Dict[str, object]]) -> Dict[str, List[str]]:
    """parcel code (ZDDM) -> rule ids of the error-severity findings naming it or one of its units (BDCDYH)."""
    found: Dict[str, List[str]] = {}
    for finding in findings:
        if clean_text(finding.get("SEVERITY")).lower() != ERROR:
            continue
        rule = clean_text(finding.get("RULE_ID")) or "?"
        for code in clean_text(finding.get("CODES")).split(","):
            code = code.strip()[:19]
            if code and rule not in found.setdefault(code, []):
                found[code].append(rule)
    return found


def screen(rows: Sequence[Dict[str, object]], candidates: Sequence[int], need_review: bool,
           errors: Dict[str, List[str]]) -> tuple:
    """(listed indices, held-back list) among ``candidates`` (indices into ``rows``, the parcels the notice
    kind selects). ``rows``: every parcel of the layer (duplicates are counted over all of them);
    ``need_review``: the notice lists reviewed parcels only; ``errors``: from ``error_codes``."""
    all_codes = [clean_text(row.get("ZDDM")) for row in rows]
    duplicates = duplicate_codes(all_codes)
    listed, held = [], []
    for i in candidates:
        row, code = rows[i], all_codes[i]
        reasons = []
        if need_review:
            state = maptext.as_int(row.get("SHZT"))
            if state not in review.REVIEWED:
                name = CODELISTS["SHZT"].get(state, "未审核") if state is not None else "未审核"
                reasons.append(f"分类未经审核（审核状态：{name}），须确认或改判后公告")
        if not code:
            reasons.append("缺少宗地代码")
        else:
            problems = zd_codes.zddm_problems(code)
            if problems:
                reasons.append("宗地代码结构错误：" + CODE_PROBLEMS[problems[0].id].format(**problems[0].args))
            if code in duplicates:
                reasons.append(f"宗地代码重复（共 {len(duplicates[code])} 宗）")
            if code in errors:
                reasons.append(f"质检错误：{'、'.join(errors[code])}")
        if reasons:
            held.append(Held(i, code, clean_text(row.get("QLRMC")), reasons))
        else:
            listed.append(i)
    return listed, held
