"""The error catalogue: every quality rule with its id, severity, subject, what it finds and its parameters,
generated from the registry (the help pages carry it between <!-- rules:begin --> and <!-- rules:end -->;
tools/make_rule_catalogue.py rewrites them, a test keeps them in step)."""
from __future__ import annotations

import html
from typing import List, Tuple

from .registry import RULES

BEGIN, END = "<!-- rules:begin -->", "<!-- rules:end -->"
SEVERITY = {"en": {"error": "error", "warning": "warning", "info": "info"}, "zh": {"error": "错误", "warning": "警告", "info": "提示"}}
HEADERS = {
    "en": ("Rule", "Severity", "Layer", "Finds", "Parameters (processing name = default)"),
    "zh": ("规则", "严重程度", "图层", "检查内容", "参数（处理参数名 = 默认值）"),
}


def rows(language: str = "en") -> List[Tuple[str, str, str, str, str]]:
    lang = "zh" if language.startswith("zh") else "en"
    table = []
    for rule in RULES:
        params = "; ".join(
            f"{rule.id}_{p.name.upper()} = {p.default:g}{(' ' + p.unit) if p.unit else ''}: {p.zh if lang == 'zh' else p.en}"
            for p in rule.params)
        needs = ", ".join(n.upper() for n in rule.needs)
        finds = rule.title(lang) + ((f"（需要 {needs}）" if lang == "zh" else f" (needs {needs})") if needs else "")
        table.append((rule.id, SEVERITY[lang][rule.severity], rule.subject, finds, params or "—"))
    return table


def html_table(language: str = "en") -> str:
    lang = "zh" if language.startswith("zh") else "en"
    head = "".join(f"<th>{html.escape(h)}</th>" for h in HEADERS[lang])
    body = "\n".join("<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>" for row in rows(lang))
    return f"{BEGIN}\n<table>\n<tr>{head}</tr>\n{body}\n</table>\n{END}"


def replace_table(page: str, language: str) -> str:
    """``page`` with the block between the markers replaced by the current table."""
    start, stop = page.index(BEGIN), page.index(END) + len(END)
    return page[:start] + html_table(language) + page[stop:]
