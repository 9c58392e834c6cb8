"""compat gives the running QGIS's own API, without deprecation warnings, on every supported version."""
import warnings

import pytest
from qgis.PyQt.QtCore import QMetaType, QVariant

from homestead_cadastre import compat

TYPES = [  # (QMetaType.Type, the QVariant.Type of the same Qt type)
    (QMetaType.Type.QString, QVariant.String), (QMetaType.Type.Int, QVariant.Int),
    (QMetaType.Type.Double, QVariant.Double), (QMetaType.Type.QDate, QVariant.Date),
    (QMetaType.Type.QDateTime, QVariant.DateTime), (QMetaType.Type.LongLong, QVariant.LongLong),
]


@pytest.mark.parametrize("meta_type, variant_type", TYPES)
def test_field_type_length_precision(meta_type, variant_type):
    for given in (meta_type, variant_type):
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # QGIS 3.38+ warns for the QVariant.Type constructor
            f = compat.field("ZDMJ", given, 15, 2)
        assert (f.name(), f.type(), f.length(), f.precision()) == ("ZDMJ", variant_type, 15, 2)
