"""The one place for QGIS API differences between the versions the plugin supports (3.22 to 3.40 LTR).

Each function takes the newer API's spelling and uses the older API where QGIS lacks the newer one, so the
rest of the plugin is written once. Both ends are tested: `make test` (3.22) and `make test-qgis340`.
"""
from __future__ import annotations

from qgis.core import Qgis, QgsField
from qgis.PyQt.QtCore import QMetaType, QVariant

QGIS_VERSION_INT = Qgis.versionInt()  # e.g. 32216 for 3.22.16


def field(name: str, meta_type, length: int = 0, precision: int = 0) -> QgsField:
    """A QgsField of type ``meta_type``: a QMetaType.Type (e.g. ``QMetaType.Type.QString``) or a QVariant.Type.

    QgsField takes QMetaType.Type since QGIS 3.38 and deprecates the QVariant.Type constructor; earlier
    versions take only QVariant.Type. Both enums number the types alike.
    """
    if QGIS_VERSION_INT >= 33800:
        return QgsField(name, QMetaType.Type(int(meta_type)), "", length, precision)
    return QgsField(name, QVariant.Type(int(meta_type)), "", length, precision)
