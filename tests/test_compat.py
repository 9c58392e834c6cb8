"""compat gives the running QGIS's own API, without deprecation warnings, on every supported version."""
import warnings

import pytest
from qgis.PyQt.QtCore import QMetaType

from homestead_cadastre import compat


@pytest.mark.parametrize("meta_type", [
    QMetaType.Type.QString, QMetaType.Type.Int, QMetaType.Type.Double, QMetaType.Type.QDate,
    QMetaType.Type.QDateTime, QMetaType.Type.LongLong,
])
def test_field_type_length_precision(meta_type):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # QGIS 3.38+ warns for the QVariant.Type constructor
        f = compat.field("ZDMJ", meta_type, 15, 2)
    assert (f.name(), int(f.type()), f.length(), f.precision()) == ("ZDMJ", int(meta_type), 15, 2)
