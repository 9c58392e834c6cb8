#!/usr/bin/env python3
"""Keep i18n/homestead_cadastre_zh_CN.ts in step with the code.

    tools/i18n.py update          extract every literal passed to tr(...) / translatable(...) into the .ts,
                                  keeping the translations it has; new strings come in unfinished
    tools/i18n.py check           exit 1 and list the strings with no translation (tests run this)
    tools/i18n.py merge A.ts ...  take translations from other .ts files too (after a merge conflict)

Messages carry no source locations, and are sorted, so that two branches' additions merge cleanly.
"""
from __future__ import annotations

import ast
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TS = REPO / "i18n" / "homestead_cadastre_zh_CN.ts"
CONTEXT = "HomesteadCadastre"
MARKERS = {"tr", "translatable", "zh"}
SKIP = {"tests", "tools", "benchmarks", "build", "dist", "out", ".venv"}


def python_files():
    """The plugin's Python files; skipped folders are not entered (a chroot or venv beside the code is large, and
    another test run may be changing it meanwhile)."""
    for top in sorted(REPO.iterdir()):
        if top.name in SKIP or top.name.startswith("."):
            continue
        if top.is_dir():
            yield from sorted(top.rglob("*.py"))
        elif top.suffix == ".py":
            yield top


def extract() -> dict:
    """source string -> first file that uses it"""
    found = {}
    for path in python_files():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
            arg = node.args[0]
            if name in MARKERS and isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                found.setdefault(arg.value, str(path.relative_to(REPO)))
    return found


def read(path: Path) -> dict:
    if not path.exists():
        return {}
    translations = {}
    for message in ET.parse(path).getroot().iter("message"):
        source = message.findtext("source") or ""
        node = message.find("translation")
        if node is not None and node.text and node.get("type") != "unfinished":
            translations[source] = node.text
    return translations


def write(path: Path, sources, translations: dict) -> None:
    root = ET.Element("TS", version="2.1", language="zh_CN", sourcelanguage="en")
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    for source in sorted(sources):
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = source
        node = ET.SubElement(message, "translation")
        if source in translations:
            node.text = translations[source]
        else:
            node.set("type", "unfinished")
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def missing() -> list:
    translations = read(TS)
    return sorted(s for s in extract() if s not in translations)


def main(argv) -> int:
    command = argv[1] if len(argv) > 1 else "check"
    if command == "update":
        translations = read(TS)
        sources = extract()
        write(TS, sources, translations)
        todo = [s for s in sources if s not in translations]
        print(f"{TS.name}: {len(sources)} strings, {len(todo)} to translate")
        for s in todo:
            print("  " + s)
        return 0
    if command == "merge":
        translations = {}
        for other in argv[2:]:
            translations.update(read(Path(other)))
        translations.update(read(TS))
        write(TS, extract(), translations)
        return 0
    if command == "check":
        todo = missing()
        for s in todo:
            print("untranslated: " + s)
        return 1 if todo else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
