"""Translation of user-visible strings (source strings English, zh_CN in i18n/homestead_cadastre_zh_CN.ts).

``tr`` follows the interface locale; ``zh`` gives the Chinese of the same catalogue whatever the locale, for the
text written into deliverables (data, reports and maps for the county are Chinese).

One translation context for the whole plugin keeps the catalogue simple; tools/i18n.py extracts every
literal passed to ``tr`` (and to ``cadastre.messages.translatable``) into the .ts file.
"""
from __future__ import annotations

import os
import xml.etree.ElementTree as ET

from qgis.PyQt.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

CONTEXT = "HomesteadCadastre"
_HERE = os.path.dirname(__file__)
_translator = None
_chinese = None  # source -> Chinese, read once


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def zh(text: str) -> str:
    """The Chinese translation of ``text`` (a tr() source string), whatever the interface locale."""
    global _chinese
    if _chinese is None:
        _chinese = _read_chinese()
    return _chinese.get(text, text)


def _read_chinese() -> dict:
    """The catalogue's finished translations (the .ts ships with the plugin; no translator needs installing)."""
    table = {}
    for message in ET.parse(os.path.join(_HERE, "homestead_cadastre_zh_CN.ts")).getroot().iter("message"):
        node = message.find("translation")
        if node is not None and node.text and node.get("type") != "unfinished":
            table[message.findtext("source") or ""] = node.text
    return table


def user_locale() -> str:
    """The locale QGIS is set to (e.g. 'zh_CN', 'en_US')."""
    value = QSettings().value("locale/userLocale", "") or QLocale.system().name()
    return str(value)


def qm_path(locale: str) -> str:
    return os.path.join(_HERE, f"homestead_cadastre_{locale}.qm")


def install_translator(locale: str = "") -> bool:
    """Load the .qm for ``locale`` (default: QGIS's) into the application; True when one was loaded."""
    global _translator
    locale = locale or user_locale()
    candidates = [qm_path(locale), qm_path(locale[:2])]
    if locale[:2] == "zh":
        candidates.append(qm_path("zh_CN"))
    for path in candidates:
        if os.path.exists(path):
            translator = QTranslator()
            if translator.load(path):
                remove_translator()
                QCoreApplication.installTranslator(translator)
                _translator = translator
                return True
    return False


def remove_translator() -> None:
    global _translator
    if _translator is not None:
        QCoreApplication.removeTranslator(_translator)
        _translator = None
