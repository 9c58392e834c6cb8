"""The house layers' fields these algorithms fill (C 层, H 户, MJBF 面积部位, ZRZ 自然幢) and writing a copy of a
layer with them. Names, types and lengths follow the shared house data model (TD/T 1066 不动产登记数据库标准;
MJBF is this project's extension); cadastre/schema.py describes the layers themselves."""
from __future__ import annotations

from typing import Dict, Optional, Sequence

from ..cadastre.schema import REAL, TEXT, Field
from .adapters import LayerData, output_fields, write_features_with

ZRZH = Field("ZRZH", TEXT, "自然幢号", 24)
BDCDYH = Field("BDCDYH", TEXT, "不动产单元号", 28)
HH = Field("HH", TEXT, "户号", 4)
ZDDM = Field("ZDDM", TEXT, "宗地代码", 19)
CJZMJ = Field("CJZMJ", REAL, "层建筑面积", 15, 2)
SCJZMJ = Field("SCJZMJ", REAL, "实测建筑面积", 15, 2)
XS = Field("XS", REAL, "计算系数", 4, 2)
JSMJ = Field("JSMJ", REAL, "计算面积", 15, 2)


def write_copy(algorithm, parameters, name: str, context, source, data: LayerData, added: Sequence[Field],
               columns: Dict[str, Sequence], feedback) -> Optional[str]:
    """Write every feature of ``data`` (read with keep_features) to sink ``name``, fields ``added`` set to ``columns``."""
    fields = output_fields(source.fields(), added)
    sink, dest = algorithm.parameterAsSink(parameters, name, context, fields, source.wkbType(), source.sourceCrs())
    if sink is None:  # an optional output not asked for
        return None
    write_features_with(data.features, sink, fields, columns, feedback)
    return dest
