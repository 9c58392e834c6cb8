#!/usr/bin/env python3
"""Rewrite the rule tables in processing/algorithms/help/*/qualitycheck.html from the rule registry.

Run: /usr/bin/python3 tools/make_rule_catalogue.py   (tests/test_quality_help.py fails when they differ)
"""
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "build" / "plugins"))
from homestead_cadastre.rules.quality import catalogue  # noqa: E402


def main():
    for language in ("en", "zh_CN"):
        path = REPO / "processing" / "algorithms" / "help" / language / "qualitycheck.html"
        page = path.read_text(encoding="utf-8")
        updated = catalogue.replace_table(page, language)
        if updated != page:
            path.write_text(updated, encoding="utf-8")
            print("wrote", path.relative_to(REPO))


if __name__ == "__main__":
    main()
