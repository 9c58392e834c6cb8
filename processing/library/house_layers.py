"""The house layers' fields these algorithms fill (C 层, H 户, MJBF 面积部位, ZRZ 自然幢), as cadastre/schema.py
defines them, and writing a copy of a layer with them."""
from __future__ import annotations

from typing import Dict, Optional, Sequence

from ...cadastre import schema
from ...cadastre.schema import Field
from .adapters import LayerData, output_fields, write_features_with

ZRZH = schema.ZRZ.field("ZRZH")
BDCDYH = schema.H.field("BDCDYH")
HH = schema.H.field("HH")
ZDDM = schema.ZRZ.field("ZDDM")
CJZMJ = schema.C.field("CJZMJ")
SCJZMJ = schema.H.field("SCJZMJ")
XS = schema.MJBF.field("XS")
JSMJ = schema.MJBF.field("JSMJ")


def write_copy(algorithm, parameters, name: str, context, source, data: LayerData, added: Sequence[Field],
               columns: Dict[str, Sequence], feedback) -> Optional[str]:
    """Write every feature of ``data`` (read with keep_features) to sink ``name``, fields ``added`` set to ``columns``."""
    fields = output_fields(source.fields(), added)
    sink, dest = algorithm.parameterAsSink(parameters, name, context, fields, source.wkbType(), source.sourceCrs())
    if sink is None:  # an optional output not asked for
        return None
    write_features_with(data.features, sink, fields, columns, feedback)
    return dest
