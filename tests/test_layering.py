"""The packages import only downwards: cadastre/ and rules/ (QGIS-free core) and mapping/ (layouts) never reach
back into processing/ or ui/, the core imports neither qgis nor Qt, and ui/ uses the library of processing/,
not its algorithm modules. Read from the source: top-level, deferred (inside functions) and importlib imports."""
import ast
import re
from pathlib import Path

import pytest
from conftest import REPO

PACKAGE = "homestead_cadastre"
# the first dotted name of a module path given to importlib, e.g. f"{package}.processing.files" -> processing.files
_DYNAMIC = re.compile(r"^(?:\{[^}]*\}\.|" + PACKAGE + r"\.)?([A-Za-z_][\w.]*)$")


def _module_of(path: Path) -> list:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return parts[:-1] if parts[-1] == "__init__" else parts


def _literal(node) -> str:
    """The text of a str constant or an f-string, with each placeholder as {…}."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{…}" for v in node.values)
    return ""


def imported_modules(source: str, package: list) -> set:
    """Every plugin-relative dotted module ``source`` (a module of package ``package``) imports, however."""
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
                if target.startswith(PACKAGE + "."):
                    target = target[len(PACKAGE) + 1:]
            if target:
                found.add(target)
            found.update(".".join(filter(None, (target, alias.name))) for alias in node.names)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                name = alias.name
                found.add(name[len(PACKAGE) + 1:] if name.startswith(PACKAGE + ".") else name)
        elif isinstance(node, ast.Call) and node.args:
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ("import_module", "__import__"):
                text = _literal(node.args[0])
                match = _DYNAMIC.match(text)
                if match:
                    found.add(match.group(1))
    return found


def _sources(*folders):
    for folder in folders:
        yield from sorted((REPO / folder).rglob("*.py"))


def _offending(folders, forbidden):
    pattern = re.compile(rf"^(?:{'|'.join(forbidden)})(?:\.|$)")
    bad = []
    for path in _sources(*folders):
        for module in sorted(imported_modules(path.read_text(encoding="utf-8"), _module_of(path))):
            if pattern.match(module):
                bad.append(f"{path.relative_to(REPO)} imports {module}")
    return bad


def test_the_scanner_sees_deferred_relative_and_importlib_imports():
    source = (
        "import importlib\n"
        "def f(package):\n"
        "    from ..processing import files\n"
        "    importlib.import_module(f'{package}.ui.dock')\n"
        "    __import__('homestead_cadastre.processing.provider')\n"
        "from .. import ui\n"
    )
    found = imported_modules(source, ["mapping"])
    assert {"processing.files", "ui.dock", "processing.provider", "ui"} <= found


def test_core_and_mapping_do_not_import_processing_or_ui():
    assert _offending(("cadastre", "rules", "mapping"), ["processing", "ui"]) == []


def test_core_imports_neither_qgis_nor_qt():
    assert _offending(("cadastre", "rules"), ["qgis", "PyQt5", "PyQt6", "PyQt", "sip", "mapping"]) == []


def test_ui_uses_the_library_not_the_algorithm_modules():
    assert _offending(("ui",), [r"processing\.algorithms"]) == []


@pytest.mark.parametrize("folder", ["processing/algorithms", "processing/library", "cadastre/maps",
                                    "cadastre/documents", "cadastre/input", "cadastre/database"])
def test_every_package_says_what_it_holds(folder):
    init = REPO / folder / "__init__.py"
    assert ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))


_PATH = re.compile(r"\b(?:cadastre|processing|mapping|rules|ui|tools|layouts|symbology|benchmarks)/[\w/]*\.(?:py|qpt|qml|toml)\b")


def test_every_source_path_the_code_and_readme_name_exists():
    """A docstring, comment or README line that names a file of the plugin names one that is there."""
    named = set()
    for path in list(_sources("cadastre", "rules", "mapping", "processing", "ui", "tools")) + [REPO / "README.md"]:
        named.update(_PATH.findall(path.read_text(encoding="utf-8")))
    assert named, "the pattern finds the paths"
    assert sorted(p for p in named if not (REPO / p).exists()) == []



_CORE = re.compile(r"^(?:cadastre|rules|import_presets)\.")


def test_tools_and_benchmarks_import_what_the_core_holds():
    """A module moved inside the core is followed by the scripts that use it (the PostGIS loader once was not).
    The scripts load the core by its top-level names; each dotted name they import is a module or a name its
    parent module holds."""
    import importlib

    found = sorted({(path.relative_to(REPO), module) for path in _sources("tools", "benchmarks")
                    for module in imported_modules(path.read_text(encoding="utf-8"), _module_of(path))
                    if _CORE.match(module)})
    assert found, "the scripts import the core"
    missing = []
    for path, module in found:
        try:
            importlib.import_module(f"{PACKAGE}.{module}")
        except ModuleNotFoundError:
            parent, name = module.rsplit(".", 1)
            if not hasattr(importlib.import_module(f"{PACKAGE}.{parent}"), name):
                missing.append(f"{path}: {module}")
    assert missing == []
