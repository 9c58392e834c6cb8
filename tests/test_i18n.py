"""Every user-visible string has a zh_CN translation with the same placeholders, and the .qm works in Qt."""
import re
import subprocess
import sys

from conftest import REPO
from qgis.PyQt.QtCore import QCoreApplication

sys.path.insert(0, str(REPO / "tools"))
import i18n as catalogue  # noqa: E402  (tools/i18n.py)


def test_catalogue_complete():
    missing = catalogue.missing()
    assert missing == [], f"untranslated (run `make i18n-update` and translate): {missing}"


def test_placeholders_kept():
    placeholder = re.compile(r"\{[a-z_]+(?::[^}]*)?\}")
    for source, translation in catalogue.read(catalogue.TS).items():
        assert sorted(placeholder.findall(source)) == sorted(placeholder.findall(translation)), source


def test_compiled_catalogue_translates(qgis_app):
    """The .qm that `make translations` builds (and the package ships) is what QGIS loads for zh_CN."""
    from homestead_cadastre import i18n

    subprocess.run(["lrelease", "-silent", str(catalogue.TS), "-qm", i18n.qm_path("zh_CN")], check=True)
    assert i18n.install_translator("zh_CN")
    try:
        assert QCoreApplication.translate(i18n.CONTEXT, "Create survey project") == "新建调查工程"
    finally:
        i18n.remove_translator()
    assert QCoreApplication.translate(i18n.CONTEXT, "Create survey project") == "Create survey project"
