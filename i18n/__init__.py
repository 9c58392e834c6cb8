"""Translation of user-visible strings (source strings English, zh_CN in i18n/homestead_cadastre_zh_CN.ts).

One translation context for the whole plugin keeps the catalogue simple; tools/i18n.py extracts every
literal passed to ``tr`` (and to ``cadastre.messages.translatable``) into the .ts file.
"""
from __future__ import annotations

import os

from qgis.PyQt.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

CONTEXT = "HomesteadCadastre"
_HERE = os.path.dirname(__file__)
_translator = None


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


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
