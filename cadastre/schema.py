"""The survey data model: layers, fields, Chinese aliases and code lists.

This is the one place that names fields. The delivery layers (ZD, ZRZ, JZD, JZX, QLR, JBNT) use the field
names of the 不动产登记数据库标准 (domain.md §5). Fields marked ``ext=True`` are this project's extensions:
they carry the survey facts the eligibility policy needs, computed results and the review state, and are
documented here (``doc``) rather than in the standard. The template GeoPackage (``homestead:createproject``),
the demo generator and every algorithm read this module; none spells a field name of its own.

QGIS-free: plain dataclasses only.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

# Field types, mapped to QGIS/OGR types by the adapters.
TEXT, INT, REAL, DATE, DATETIME = "text", "int", "real", "date", "datetime"

# Geometry kinds.
POLYGON, LINE, POINT, NONE = "polygon", "line", "point", "none"


@dataclass(frozen=True)
class Field:
    """One attribute column."""

    name: str
    type: str
    alias: str  # Chinese alias shown in QGIS forms and tables
    length: int = 0
    precision: int = 0
    codelist: Optional[str] = None  # key into CODELISTS; QGIS shows it as a value map
    ext: bool = False  # our extension, not in the delivery database standard
    doc: str = ""  # what an extension field holds (English)


@dataclass(frozen=True)
class Layer:
    """One layer (or table) of the survey GeoPackage."""

    name: str
    geometry: str
    alias: str  # Chinese name shown in the layer tree
    title: str  # English description
    fields: Tuple[Field, ...] = field(default_factory=tuple)
    style: Optional[str] = None  # QML file name in symbology/

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(f"{self.name} has no field {name}")

    @property
    def field_names(self) -> List[str]:
        return [f.name for f in self.fields]


# --- code lists (domain.md §4, §5; value -> Chinese label) -------------------------------------------
YES_NO = {1: "是", 0: "否"}
CODELISTS: Dict[str, Dict[object, str]] = {
    "SF": YES_NO,
    "FWJG": {1: "钢", 2: "钢和钢筋混凝土", 3: "钢筋混凝土", 4: "混合", 5: "砖木", 6: "其它"},
    "JBLX": {1: "钢钉", 2: "水泥桩", 3: "石灰桩", 4: "喷涂", 5: "瓷标志", 6: "无标志", 7: "其它"},
    "JZDLX": {1: "解析", 2: "图解", 3: "航测", 4: "其它"},
    "JZXLB": {1: "围墙", 2: "墙壁", 3: "栅栏", 4: "铁丝网", 5: "滴水线", 6: "路涯线", 7: "两点连线", 9: "其它"},
    "JZXWZ": {1: "内", 2: "中", 3: "外"},
    # 墙体归属 per side of a household (房屋调查表; cadastre/maps/walls.py)
    "QTGS": {1: "自有墙", 2: "共有墙", 3: "借墙", 9: "不详"},
    "JXXZ": {600001: "已定界", 600002: "未定界", 600003: "争议界", 600004: "工作界", 600009: "其它"},
    "QLLX": {
        5: "宅基地使用权",
        6: "宅基地使用权/房屋（构筑物）所有权",
        7: "集体建设用地使用权",
        8: "集体建设用地使用权/房屋（构筑物）所有权",
    },
    # 权利性质 (GB/T 37346 / 数据库标准 code list; the rural values used here)
    "QLXZ": {200: "集体土地", 201: "家庭承包", 202: "其他方式承包", 203: "批准拨用", 204: "入股（联营）", 205: "出让", 206: "出租", 207: "划拨", 299: "其它"},
    # 权利设定方式
    "QLSDFS": {1: "地表", 2: "地上", 3: "地下"},
    # 土地用途 (GB/T 21010-2017, the rural construction classes)
    "YT": {"0702": "农村宅基地", "0601": "工业用地", "0805": "公共设施用地", "0809": "公园与绿地", "1004": "城镇村道路用地"},
    # 面积单位
    "MJDW": {1: "平方米", 2: "亩", 3: "公顷"},
    # 证件种类
    "ZJZL": {1: "身份证", 2: "港澳台身份证", 3: "护照", 4: "户口簿", 5: "军官证（士兵证）", 6: "组织机构代码", 7: "营业执照", 8: "统一社会信用代码", 99: "其它"},
    # 权利人类型
    "QLRLX": {1: "个人", 2: "企业", 3: "事业单位", 4: "国家机关", 99: "其它"},
    # 共有方式
    "GYFS": {0: "单独所有", 1: "共同共有", 2: "按份共有", 3: "其它共有"},
    # 规划用途 (房屋)
    "GHYT": {10: "住宅", 11: "成套住宅", 12: "非成套住宅", 20: "工业、交通、仓储", 30: "商业、金融、信息", 80: "其它"},
    # 地类 for the household area limit (domain.md §3)
    "DLLB": {1: "耕地", 2: "其他土地", 3: "村内空闲地或原有宅基地"},
    # eligibility class (domain.md §7, LB 0 = facts missing)
    "LB": {0: "待补充信息", 1: "基本符合确权登记颁证条件", 2: "可以补办用地审批手续", 3: "其他情况"},
    # review state of the class decision
    "SHZT": {0: "未审核", 1: "建议", 2: "已确认", 3: "已改判"},
    # severity of a quality finding
    "YZCD": {"error": "错误", "warning": "警告", "info": "提示"},
    # 房屋用途 (GB/T 17986.1-2000 附录 A, as TD/T 1066 takes it over; verify the subclasses a province uses)
    "FWYT": {
        10: "住宅", 11: "成套住宅", 12: "非成套住宅", 13: "集体宿舍",
        20: "工业、交通、仓储", 21: "工业", 22: "公共设施", 23: "铁路", 24: "民航", 25: "航运", 26: "公共运输", 27: "仓储",
        30: "商业、金融、信息", 31: "商业服务", 32: "经营", 33: "旅游", 34: "金融保险", 35: "电讯信息",
        40: "教育、医疗、卫生、科研", 41: "教育", 42: "医疗卫生", 43: "科研",
        50: "文化、娱乐、体育", 51: "文化", 52: "新闻", 53: "娱乐", 54: "园林绿化", 55: "体育",
        60: "办公", 61: "办公", 70: "军事", 71: "军事",
        80: "其它", 81: "涉外", 82: "宗教", 83: "监狱", 84: "物管用房",
    },
    # 房屋性质 (TD/T 1066 code list; verify against the edition a province uses)
    "FWXZ": {0: "市场化商品房", 1: "动迁房", 2: "配套商品房", 3: "公共租赁房", 4: "廉租房", 5: "限价普通商品房",
             6: "经济适用住房", 7: "定销商品房", 8: "集资建房", 9: "福利房", 99: "其它"},
    # 面积部位类型 (MJBF, this project's extension; the coefficient per type comes from the area profile)
    "BWLX": {"YT_FB": "封闭阳台", "YT_WFB": "未封闭阳台", "TL": "挑廊", "YL": "檐廊", "YP": "雨篷", "SWLT": "室外楼梯",
             "JKC": "架空层", "LT": "露台", "QT": "其他"},
}

# Default map scale denominators the survey is made at (domain.md §1, §6).
SCALES = (500, 1000, 2000)


def _f(name, type_, alias, length=0, precision=0, codelist=None, ext=False, doc=""):
    return Field(name, type_, alias, length, precision, codelist, ext, doc)


# --- ZD 宗地 --------------------------------------------------------------------------------------------
ZD_STANDARD = (
    _f("BSM", INT, "标识码"),
    _f("YSDM", TEXT, "要素代码", 10),
    _f("ZDDM", TEXT, "宗地代码", 19),
    _f("BDCDYH", TEXT, "不动产单元号", 28),
    _f("ZDTZM", TEXT, "宗地特征码", 2),
    _f("ZL", TEXT, "坐落", 200),
    _f("ZDMJ", REAL, "宗地面积", 15, 4),
    _f("MJDW", INT, "面积单位", codelist="MJDW"),
    _f("YT", TEXT, "用途", 4, codelist="YT"),
    _f("QLLX", INT, "权利类型", codelist="QLLX"),
    _f("QLXZ", INT, "权利性质", codelist="QLXZ"),
    _f("QLSDFS", INT, "权利设定方式", codelist="QLSDFS"),
    _f("RJL", REAL, "容积率", 10, 2),
    _f("JZMD", REAL, "建筑密度", 10, 2),
    _f("ZDSZD", TEXT, "宗地四至东", 200),
    _f("ZDSZN", TEXT, "宗地四至南", 200),
    _f("ZDSZX", TEXT, "宗地四至西", 200),
    _f("ZDSZB", TEXT, "宗地四至北", 200),
    _f("TFH", TEXT, "图幅号", 50),
    _f("BZ", TEXT, "备注", 254),
)
ZD_COMPUTED = (
    _f("QLRMC", TEXT, "权利人名称", 100, ext=True, doc="Right holder's name, copied from QLR for maps and tables."),
    _f("DCMJ", REAL, "调查面积", 15, 2, ext=True, doc="Area recorded by the survey team (m²), checked against ZDMJ with the graphic tolerance ΔP."),
    _f("MJJC", REAL, "面积较差", 15, 2, ext=True, doc="ZDMJ minus the recorded area (e.g. DCMJ), m² (homestead:parcelareas)."),
    _f("MJXC", REAL, "面积限差", 15, 2, ext=True, doc="Graphic area tolerance ΔP = 0.0003·M·√P (m²) at the map scale 1:M, P = ZDMJ."),
    _f("MJCX", INT, "面积超限", codelist="SF", ext=True, doc="1 when |MJJC| > MJXC: the recorded area is outside the tolerance."),
    _f("JZZDMJ", REAL, "建筑占地面积", 15, 2, ext=True, doc="Footprint of the houses inside the parcel (m²)."),
    _f("JZMJ", REAL, "建筑面积", 15, 2, ext=True, doc="Floor area of the houses on the parcel (m²): measured SCJZMJ, else footprint × ZCS."),
    _f("ZYJBNTMJ", REAL, "占用永久基本农田面积", 15, 2, ext=True, doc="Area of permanent basic farmland the parcel occupies (m²)."),
    _f("ZYJBNTBL", REAL, "占用永久基本农田比例", 10, 2, ext=True, doc="Share of the parcel on permanent basic farmland (%)."),
    _f("JBNTBH", TEXT, "占用农田图斑编号", 254, ext=True, doc="Comma-separated JBNTTBBH of the farmland patches the parcel occupies."),
    _f("FWZJBNT", INT, "房屋占用永久基本农田", codelist="SF", ext=True, doc="1 when a house on the parcel stands on permanent basic farmland."),
)
# Survey facts read by the eligibility policy (domain.md §7; names fixed by the eligibility issue).
ZD_FACTS = (
    _f("HH", TEXT, "户号", 50, ext=True, doc="Household id; parcels sharing it belong to one household (一户一宅)."),
    _f("QLRZJH", TEXT, "权利人证件号", 50, ext=True, doc="Right holder's ID number, the second key for 一户多宅."),
    _f("SFJTCY", INT, "是否本集体经济组织成员", codelist="SF", ext=True, doc="Member of the collective (1/0)."),
    _f("YQSLY", INT, "是否有权属来源材料", codelist="SF", ext=True, doc="Has ownership-source documents (1/0)."),
    _f("PZMJ", REAL, "批准面积", 15, 2, ext=True, doc="Approved area (m²)."),
    _f("PZRQ", DATE, "批准日期", ext=True, doc="Approval date."),
    _f("JFNF", INT, "建房年份", ext=True, doc="Year built or first occupied."),
    _f("SFKD", INT, "是否扩大面积", codelist="SF", ext=True, doc="Enlarged since it was built or approved (1/0)."),
    _f("DLLB", INT, "用地地类", codelist="DLLB", ext=True, doc="Land type for the household area limit: 1 cropland, 2 other land, 3 village idle land or existing homestead."),
    _f("FHGH", INT, "是否符合规划", codelist="SF", ext=True, doc="Conforms to planning (1/0)."),
    _f("SFJC", INT, "是否继承", codelist="SF", ext=True, doc="The right holder inherited the house (1/0)."),
    _f("FHWP", INT, "是否分户未批建房", codelist="SF", ext=True, doc="Split household that built without approval (1/0)."),
    _f("WFCZ", INT, "违法用地是否已处置", codelist="SF", ext=True, doc="Illegal land use already handled under law (1/0)."),
    _f("FFGBYT", INT, "集体非法改变用途", codelist="SF", ext=True, doc="Collective illegally changed the use or occupied land as public facilities (1/0)."),
    _f("CZJMGZ", INT, "城镇居民购置", codelist="SF", ext=True, doc="Bought by an urban resident (1/0)."),
    _f("FFCSCZ", INT, "非法出售出租后重建", codelist="SF", ext=True, doc="Rebuilt after an illegal sale or rental (1/0)."),
    _f("YAZ", INT, "已征收安置", codelist="SF", ext=True, doc="Already resettled after expropriation or consolidation (1/0)."),
    _f("CCTZ", INT, "已下达拆除通知", codelist="SF", ext=True, doc="A demolition notice has been issued (1/0)."),
    _f("KZDT", INT, "空置倒塌超两年", codelist="SF", ext=True, doc="Vacant, collapsed or demolished for more than two years (1/0)."),
    _f("LSJZ", INT, "临时建筑", codelist="SF", ext=True, doc="Temporary building (1/0)."),
    _f("QSZY", INT, "权属争议未解决", codelist="SF", ext=True, doc="Unresolved ownership dispute (1/0)."),
    _f("QTBYDJ", TEXT, "其他不予登记情形", 254, ext=True, doc="Other non-registrable case under law and policy (free text; empty = none)."),
)
# The eligibility decision and its review (the eligibility issue).
ZD_DECISION = (
    _f("LB", INT, "类别", codelist="LB", ext=True, doc="Eligibility class: 1, 2, 3, or 0 when a needed fact is missing."),
    _f("LBMC", TEXT, "类别名称", 50, ext=True, doc="Name of the class."),
    _f("LBYY", TEXT, "分类依据", 1000, ext=True, doc="Every policy rule that fired, with its clause."),
    _f("DJMJ", REAL, "拟登记面积", 15, 2, ext=True, doc="Area to register (m²)."),
    _f("CZMJ", REAL, "超标面积", 15, 2, ext=True, doc="Area above the household limit (m²)."),
    _f("FJ", TEXT, "附记", 500, ext=True, doc="附记 annotation for the register."),
    _f("XYBZ", TEXT, "下一步", 500, ext=True, doc="Next steps (notices, completing approval...)."),
    _f("SHZT", INT, "审核状态", codelist="SHZT", ext=True, doc="Review state: 0 not reviewed, 1 suggested, 2 confirmed, 3 overridden."),
    _f("SHR", TEXT, "审核人", 50, ext=True, doc="Who confirmed or overrode the class."),
    _f("SHSJ", DATETIME, "审核时间", ext=True, doc="When the class was confirmed or overridden."),
    _f("GPYY", TEXT, "改判理由", 500, ext=True, doc="Reason given when a person chose another class."),
    _f("SFGG", INT, "是否已公告", codelist="SF", ext=True, doc="Public notice done (1/0), for progress reporting."),
    _f("SFDJ", INT, "是否已登记", codelist="SF", ext=True, doc="Registered (1/0), for progress reporting."),
)
# Row version for concurrent editing in a shared PostGIS database (optimistic locking, cadastre/database/pg_schema.py).
ZD_VERSION = (
    _f("BBH", INT, "版本号", ext=True, doc=(
        "Row version, kept by the PostGIS database: 1 when the parcel is inserted, +1 on every update. A client "
        "that writes a decision sends back the version it read; when someone else changed the parcel meanwhile "
        "the database refuses the update. Not maintained in a GeoPackage.")),
)

# The first-registration document checklist (首次登记收件清单) kept by the review panel.
ZD_DOCUMENTS = (
    _f("SJQD", TEXT, "收件清单", 2000, ext=True, doc=(
        "Documents received for first registration, as JSON: document key (cadastre.review.DOCUMENTS) -> "
        "ISO date received, e.g. {\"application\": \"2020-06-01\", \"id_card\": \"2020-06-01\"}; "
        "a document not received is absent.")),
)

# What the 权籍调查表 records beyond the database standard's fields.
ZD_FORM = (
    _f("TDSYQR", TEXT, "土地所有权人", 254, ext=True, doc="Owner of the land, e.g. the village group's farmers' collective."),
    _f("QSDCJS", TEXT, "权属调查记事", 1000, ext=True, doc="Ownership survey record (权属调查记事)."),
    _f("CLJS", TEXT, "测量记事", 1000, ext=True, doc="Measurement record (测量记事)."),
    _f("DCSHYJ", TEXT, "调查审核意见", 1000, ext=True, doc="Review opinion on the survey result (调查审核意见)."),
)

ZD = Layer(
    "ZD", POLYGON, "宗地", "Land parcels (homesteads and collective construction land)",
    ZD_STANDARD + ZD_COMPUTED + ZD_FACTS + ZD_DECISION + ZD_DOCUMENTS + ZD_FORM + ZD_VERSION, style="zd.qml",
)

# The fields a reviewer may change: the class decision and its review (not survey facts, geometry or
# progress). The PostGIS reviewer role gets UPDATE on these and on the row version only.
REVIEW_FIELDS: Tuple[str, ...] = tuple(f.name for f in ZD_DECISION if f.name not in ("SFGG", "SFDJ"))
# The review fields whose change is a decision recorded in the audit trail SHJL.
DECISION_FIELDS: Tuple[str, ...] = ("LB", "SHZT", "SHR", "SHSJ", "GPYY")

ZRZ = Layer(
    "ZRZ", POLYGON, "自然幢", "Buildings (natural buildings)",
    (
        _f("BSM", INT, "标识码"),
        _f("YSDM", TEXT, "要素代码", 10),
        _f("BDCDYH", TEXT, "不动产单元号", 28),
        _f("ZDDM", TEXT, "宗地代码", 19),
        _f("ZRZH", TEXT, "自然幢号", 24),
        _f("JZWMC", TEXT, "建筑物名称", 100),
        _f("JGRQ", DATE, "竣工日期"),
        _f("JZWGD", REAL, "建筑物高度", 10, 2),
        _f("ZZDMJ", REAL, "幢占地面积", 15, 2),
        _f("ZYDMJ", REAL, "幢用地面积", 15, 2),
        _f("SCJZMJ", REAL, "实测建筑面积", 15, 2),
        _f("ZCS", INT, "总层数"),
        _f("DSCS", INT, "地上层数"),
        _f("DXCS", INT, "地下层数"),
        _f("GHYT", INT, "规划用途", codelist="GHYT"),
        _f("FWJG", INT, "房屋结构", codelist="FWJG"),
        _f("ZTS", INT, "总套数"),
        _f("BZ", TEXT, "备注", 254),
    ),
    style="zrz.qml",
)

# --- the house side (TD/T 1066 逻辑幢 LJZ, 层 C, 户 H; MJBF is this project's extension) ----------------------
# ZRZH = ZDDM + 'F' + 4-digit 幢号; H.BDCDYH = ZRZH + 4-digit 户号.
LJZ = Layer(
    "LJZ", NONE, "逻辑幢", "Logical buildings (parts of a building registered together)",
    (
        _f("BSM", INT, "标识码"),
        _f("YSDM", TEXT, "要素代码", 10),
        _f("LJZH", TEXT, "逻辑幢号", 10),
        _f("ZRZH", TEXT, "自然幢号", 24),
        _f("MPH", TEXT, "门牌号", 100),
        _f("YCJZMJ", REAL, "预测建筑面积", 15, 2),
        _f("SCJZMJ", REAL, "实测建筑面积", 15, 2),
        _f("FWYT1", INT, "房屋用途", codelist="FWYT"),
        _f("ZCS", INT, "总层数"),
        _f("DSCS", INT, "地上层数"),
        _f("DXCS", INT, "地下层数"),
        _f("JGRQ", DATE, "竣工日期"),
        _f("BZ", TEXT, "备注", 254),
    ),
)
C = Layer(
    "C", POLYGON, "层", "Floors of a building (each floor's own outline)",
    (
        _f("BSM", INT, "标识码"),
        _f("YSDM", TEXT, "要素代码", 10),
        _f("ZRZH", TEXT, "自然幢号", 24),
        _f("LJZH", TEXT, "逻辑幢号", 10),
        _f("CH", TEXT, "层号", 10),
        _f("SJC", INT, "实际层"),
        _f("MYC", TEXT, "名义层", 20),
        _f("CG", REAL, "层高", 6, 2),
        _f("CJZMJ", REAL, "层建筑面积", 15, 2),
        _f("CTNJZMJ", REAL, "层套内建筑面积", 15, 2),
        _f("CYTMJ", REAL, "层阳台面积", 15, 2),
        _f("CFTJZMJ", REAL, "层分摊建筑面积", 15, 2),
        _f("SPTYMJ", REAL, "水平投影面积", 15, 2),
        _f("BZ", TEXT, "备注", 254),
    ),
    style="c.qml",
)
H = Layer(
    "H", POLYGON, "户", "Household units (each unit's outline on its floor)",
    (
        _f("BSM", INT, "标识码"),
        _f("YSDM", TEXT, "要素代码", 10),
        _f("BDCDYH", TEXT, "不动产单元号", 28),
        _f("FWBM", TEXT, "房屋编码", 50),
        _f("ZRZH", TEXT, "自然幢号", 24),
        _f("LJZH", TEXT, "逻辑幢号", 10),
        _f("CH", TEXT, "所在层", 10),
        _f("SJCS", INT, "实际层数"),
        _f("HH", TEXT, "户号", 4),
        _f("SHBW", TEXT, "室号部位", 100),
        _f("ZL", TEXT, "坐落", 200),
        _f("FWYT1", INT, "房屋用途", codelist="FWYT"),
        _f("FWJG", INT, "房屋结构", codelist="FWJG"),
        _f("FWXZ", INT, "房屋性质", codelist="FWXZ"),
        _f("JGSJ", DATE, "竣工时间"),
        _f("SCJZMJ", REAL, "实测建筑面积", 15, 2),
        _f("SCTNJZMJ", REAL, "实测套内建筑面积", 15, 2),
        _f("SCFTJZMJ", REAL, "实测分摊建筑面积", 15, 2),
        _f("QTGSD", INT, "墙体归属东", codelist="QTGS", ext=True, doc=(
            "墙体归属 of the household's east walls (edges whose outward normal faces east, within 45°): 1 own, 2 shared, "
            "3 borrowed, 9 unknown; as the 房屋调查表 records it, drawn on the 房产分户图.")),
        _f("QTGSN", INT, "墙体归属南", codelist="QTGS", ext=True, doc=(
            "墙体归属 of the household's south walls (edges whose outward normal faces south, within 45°): 1 own, 2 shared, "
            "3 borrowed, 9 unknown; as the 房屋调查表 records it, drawn on the 房产分户图.")),
        _f("QTGSX", INT, "墙体归属西", codelist="QTGS", ext=True, doc=(
            "墙体归属 of the household's west walls (edges whose outward normal faces west, within 45°): 1 own, 2 shared, "
            "3 borrowed, 9 unknown; as the 房屋调查表 records it, drawn on the 房产分户图.")),
        _f("QTGSB", INT, "墙体归属北", codelist="QTGS", ext=True, doc=(
            "墙体归属 of the household's north walls (edges whose outward normal faces north, within 45°): 1 own, 2 shared, "
            "3 borrowed, 9 unknown; as the 房屋调查表 records it, drawn on the 房产分户图.")),
        _f("BZ", TEXT, "备注", 254),
    ),
    style="h.qml",
)
MJBF = Layer(
    "MJBF", POLYGON, "面积部位", "Parts of a floor counted with an area coefficient (balconies, eaves corridors...)",
    (
        _f("ZRZH", TEXT, "自然幢号", 24, ext=True, doc="Building (ZRZ.ZRZH) the part belongs to."),
        _f("CH", TEXT, "层号", 10, ext=True, doc="Floor (C.CH) the part belongs to."),
        _f("BWLX", TEXT, "部位类型", 10, codelist="BWLX", ext=True, doc=(
            "Kind of part: YT_FB enclosed balcony, YT_WFB open balcony, TL 挑廊, YL 檐廊, YP canopy, SWLT outdoor "
            "stairs, JKC stilt floor, LT roof terrace, QT other.")),
        _f("ZZ", INT, "有柱", codelist="SF", ext=True, doc="1 when the part stands on columns."),
        _f("FB", INT, "封闭", codelist="SF", ext=True, doc="1 when the part is enclosed."),
        _f("CG", REAL, "层高", 6, 2, ext=True, doc="Storey height (m), given for storeys under 2.20 m."),
        _f("XS", REAL, "计算系数", 4, 2, ext=True, doc=(
            "Area coefficient 0, 0.5 or 1: filled by the area computation from the area profile, or given to override it.")),
        _f("JSMJ", REAL, "计算面积", 15, 2, ext=True, doc="Area counted: the part's area × XS (m²)."),
    ),
    style="mjbf.qml",
)

JZD = Layer(
    "JZD", POINT, "界址点", "Boundary points",
    (
        _f("BSM", INT, "标识码"),
        _f("YSDM", TEXT, "要素代码", 10),
        _f("ZDZHDM", TEXT, "宗地宗海代码", 19),
        _f("JZDH", TEXT, "界址点号", 10),
        _f("SXH", INT, "顺序号"),
        _f("JBLX", INT, "界标类型", codelist="JBLX"),
        _f("JZDLX", INT, "界址点类型", codelist="JZDLX"),
        _f("XZBZ", REAL, "X坐标", 15, 3),
        _f("YZBZ", REAL, "Y坐标", 15, 3),
        _f("JZD_ID", INT, "界址点实体号", ext=True, doc="Identity of the physical point: rows of neighbouring parcels at one place share it."),
    ),
    style="jzd.qml",
)

JZX = Layer(
    "JZX", LINE, "界址线", "Boundary lines",
    (
        _f("BSM", INT, "标识码"),
        _f("YSDM", TEXT, "要素代码", 10),
        _f("ZDZHDM", TEXT, "宗地宗海代码", 19),
        _f("JZXCD", REAL, "界址线长度", 15, 2),
        _f("JZXLB", INT, "界址线类别", codelist="JZXLB"),
        _f("JZXWZ", INT, "界址线位置", codelist="JZXWZ"),
        _f("JXXZ", INT, "界线性质", codelist="JXXZ"),
        _f("QSJXXYSBH", TEXT, "权属界线协议书编号", 50),
        _f("QDH", TEXT, "起点号", 10, ext=True, doc="Boundary point number (JZDH) where the line starts."),
        _f("ZDH", TEXT, "终点号", 10, ext=True, doc="Boundary point number (JZDH) where the line ends."),
        _f("LZDDM", TEXT, "邻宗地代码", 19, ext=True, doc="Code of the neighbouring parcel across the line (empty: none)."),
        _f("BZ", TEXT, "备注", 254),
    ),
    style="jzx.qml",
)

QLR = Layer(
    "QLR", NONE, "权利人", "Right holders and households",
    (
        _f("BSM", INT, "标识码"),
        _f("BDCDYH", TEXT, "不动产单元号", 28),
        _f("ZDDM", TEXT, "宗地代码", 19, ext=True, doc="Parcel code, to join the holder to its parcel."),
        _f("HH", TEXT, "户号", 50, ext=True, doc="Household id."),
        _f("SXH", INT, "顺序号"),
        _f("QLRMC", TEXT, "权利人名称", 100),
        _f("ZJZL", INT, "证件种类", codelist="ZJZL"),
        _f("ZJH", TEXT, "证件号", 50),
        _f("QLRLX", INT, "权利人类型", codelist="QLRLX"),
        _f("GYFS", INT, "共有方式", codelist="GYFS"),
        _f("GYQK", TEXT, "共有情况", 254),
        _f("DH", TEXT, "电话", 30),
        _f("DZ", TEXT, "地址", 200),
        _f("BZ", TEXT, "备注", 254),
    ),
)

JBNT = Layer(
    "JBNT", POLYGON, "永久基本农田", "Permanent basic farmland patches",
    (
        _f("BSM", INT, "标识码"),
        _f("YSDM", TEXT, "要素代码", 10),
        _f("JBNTTBBH", TEXT, "基本农田图斑编号", 50),
        _f("DLBM", TEXT, "地类编码", 5),
        _f("DLMC", TEXT, "地类名称", 60),
        _f("ZLDWMC", TEXT, "坐落单位名称", 100),
        _f("TBMJ", REAL, "图斑面积", 15, 2),
        _f("BZ", TEXT, "备注", 254),
    ),
    style="jbnt.qml",
)

# Base map (1:1000 topographic map) layers: not delivered, used for the overlay map and BASEMAP_SHIFT.
DXT_FW = Layer(
    "DXT_FW", POLYGON, "地形图房屋", "Base map buildings",
    (_f("FWJG", INT, "房屋结构", codelist="FWJG"), _f("ZCS", INT, "总层数"), _f("BZ", TEXT, "备注", 254)),
    style="dxt_fw.qml",
)
DXT_DL = Layer(
    "DXT_DL", POLYGON, "地形图道路", "Base map roads and lanes",
    (_f("MC", TEXT, "名称", 100), _f("DLDJ", TEXT, "道路等级", 20)),
    style="dxt_dl.qml",
)
DXT_SX = Layer(
    "DXT_SX", POLYGON, "地形图水系", "Base map water",
    (_f("MC", TEXT, "名称", 100),),
    style="dxt_sx.qml",
)

# Surveyed points as read from a coordinate file (homestead:parcelsfrompoints, CASS .dat): not delivered, a check layer.
CLD = Layer(
    "CLD", POINT, "测量点", "Surveyed points read from a coordinate file",
    (
        _f("DH", TEXT, "点号", 30, ext=True, doc="Point name in the file (CASS 点名)."),
        _f("BM", TEXT, "编码", 30, ext=True, doc="The file's code column (CASS 编码): a feature code or the parcel code."),
        _f("XZBZ", REAL, "X坐标", 15, 3, ext=True, doc="Northing (m) on the output CRS, after axis and zone corrections."),
        _f("YZBZ", REAL, "Y坐标", 15, 3, ext=True, doc="Easting (m) on the output CRS, after axis and zone corrections."),
        _f("GC", REAL, "高程", 10, 3, ext=True, doc="Height H (m) from the file; empty when not given."),
        _f("WJHH", INT, "文件行号", ext=True, doc="Line of the point in the coordinate file."),
    ),
)

# Audit trail of class decisions (append-only; the eligibility issue).
SHJL = Layer(
    "SHJL", NONE, "审核记录", "Audit trail of class decisions",
    (
        _f("ZDDM", TEXT, "宗地代码", 19, ext=True, doc="Parcel decided."),
        _f("YLB", INT, "原类别", codelist="LB", ext=True, doc="Class before."),
        _f("XLB", INT, "新类别", codelist="LB", ext=True, doc="Class after."),
        _f("YSHZT", INT, "原审核状态", codelist="SHZT", ext=True, doc="Review state before."),
        _f("XSHZT", INT, "新审核状态", codelist="SHZT", ext=True, doc="Review state after."),
        _f("SHR", TEXT, "审核人", 50, ext=True, doc="Who."),
        _f("SHSJ", DATETIME, "审核时间", ext=True, doc="When."),
        _f("LY", TEXT, "理由", 500, ext=True, doc="Why."),
        _f("BBH", INT, "版本号", ext=True, doc="Row version of the parcel after this decision (PostGIS; empty in a GeoPackage)."),
        _f("DLYH", TEXT, "登录用户", 63, ext=True, doc="Database login that made the change (PostGIS; empty in a GeoPackage)."),
    ),
)

# Standard map sheets over the survey area (homestead:sheetindex): a work layer, not one of the survey database.
TF = Layer(
    "TF", POLYGON, "图幅", "Standard map sheets (50 cm × 50 cm) over the survey area",
    (
        _f("TFH", TEXT, "图幅号", 50, ext=True, doc="Sheet number: SW corner X-Y in km, X = northing, Y = easting with the zone number."),
        _f("BLCFM", INT, "比例尺分母", ext=True, doc="Scale denominator (500, 1000, 2000)."),
        _f("XZB", REAL, "西南角X坐标", 15, 3, ext=True, doc="Northing of the SW corner (m)."),
        _f("YZB", REAL, "西南角Y坐标", 15, 3, ext=True, doc="Easting of the SW corner as in the layer (m)."),
        _f("ZDSL", INT, "宗地数量", ext=True, doc="Number of parcels on the sheet."),
    ),
)
# --- Outputs of the farmland overlay, the quality check and the import (written by algorithms, not part of the
# survey GeoPackage template) ---------------------------------------------------------------------------------
JBNTTH = Layer(
    "JBNTTH", POLYGON, "永久基本农田套合", "Parcel and permanent basic farmland overlaps",
    (
        _f("ZD_FID", INT, "宗地要素号", ext=True, doc="Feature id of the parcel in the overlaid parcel layer."),
        _f("ZDDM", TEXT, "宗地代码", 19),
        _f("JBNT_FID", INT, "农田图斑要素号", ext=True, doc="Feature id of the farmland patch in the farmland layer."),
        _f("JBNTTBBH", TEXT, "基本农田图斑编号", 50),
        _f("TXMJ", REAL, "套合面积", 15, 4, ext=True, doc="Area of the overlap (m², planar on the survey plane)."),
        _f("SFSP", INT, "是否碎片", codelist="SF", ext=True, doc="1 when the overlap is not above MIN_AREA: a digitising sliver, not occupation."),
    ),
    style="jbntth.qml",
)
ZJCW = Layer(
    "ZJCW", POLYGON, "质检错误", "Quality-check findings",
    (
        _f("RULE_ID", TEXT, "规则编号", 20, ext=True, doc="Stable id of the quality rule (rules/quality/registry.py)."),
        _f("SEVERITY", TEXT, "严重程度", 10, codelist="YZCD", ext=True, doc="error, warning or info."),
        _f("MESSAGE", TEXT, "错误描述", 500, ext=True, doc="What is wrong, in Chinese whatever the interface language (a deliverable)."),
        _f("LAYER", TEXT, "所在图层", 10, ext=True, doc="Schema layer the FIDS refer to (ZD, ZRZ, DXT_FW)."),
        _f("FIDS", TEXT, "要素号", 254, ext=True, doc="Comma-separated feature ids of the rule's subject layer."),
        _f("REL_FIDS", TEXT, "相关要素号", 254, ext=True, doc="Comma-separated feature ids of the other features involved (parcels a house straddles, farmland patches...)."),
        _f("CODES", TEXT, "相关代码", 254, ext=True, doc="Comma-separated codes (ZDDM, BDCDYH, JBNTTBBH) of the features involved."),
        _f("VILLAGE", TEXT, "地籍子区", 12, ext=True, doc="地籍子区 key (ZDDM[:12]) of the finding; empty when no code tells it."),
        _f("VALUE", REAL, "量值", 15, 4, ext=True, doc="The measure behind the finding: m² for areas, m for distances, a count for duplicates."),
    ),
    style="zjcw.qml",
)
ZJHZ = Layer(
    "ZJHZ", NONE, "质检汇总", "Quality-check summary per rule and village",
    (
        _f("RULE_ID", TEXT, "规则编号", 20, ext=True, doc="Stable id of the quality rule."),
        _f("SEVERITY", TEXT, "严重程度", 10, codelist="YZCD", ext=True, doc="error, warning or info."),
        _f("TITLE", TEXT, "规则名称", 100, ext=True, doc="What the rule finds, in Chinese whatever the interface language."),
        _f("VILLAGE", TEXT, "地籍子区", 12, ext=True, doc="地籍子区 key (ZDDM[:12]); NULL on the rule's total row, empty for findings with no code."),
        _f("COUNT", INT, "数量", ext=True, doc="Number of findings."),
    ),
)
# Extra fields of the import's rejects and repairs layers (added in front of the source's own fields).
IMPORT_NOTE_FIELDS = (
    _f("SOURCE_FID", INT, "源要素号", ext=True, doc="Feature id (or row number, from 1) in the imported source."),
    _f("REASON", TEXT, "原因", 500, ext=True, doc="Why the feature was rejected, or what the repair changed."),
)

SURVEY_LAYERS: Tuple[Layer, ...] = (ZD, ZRZ, JZD, JZX, QLR, JBNT)
HOUSE_LAYERS: Tuple[Layer, ...] = (LJZ, C, H, MJBF)
BASEMAP_LAYERS: Tuple[Layer, ...] = (DXT_FW, DXT_DL, DXT_SX)
ALL_LAYERS: Tuple[Layer, ...] = SURVEY_LAYERS + HOUSE_LAYERS + BASEMAP_LAYERS + (SHJL,)
# Work layers written by algorithms but not part of the survey GeoPackage.
WORK_LAYERS: Tuple[Layer, ...] = (CLD, TF)
OUTPUT_LAYERS: Tuple[Layer, ...] = (JBNTTH, ZJCW, ZJHZ)
LAYERS: Dict[str, Layer] = {layer.name: layer for layer in ALL_LAYERS + WORK_LAYERS + OUTPUT_LAYERS}

# 要素代码 (YSDM) of the delivery standard for the feature layers.
# LJZ, C and H: the codes of TD/T 1066-2012 as we read them (verify against the edition a province uses).
YSDM = {"ZD": "6001000000", "JZD": "6001030000", "JZX": "6001040000", "ZRZ": "6001050000", "JBNT": "2007010000",
        "LJZ": "6001060000", "C": "6001070000", "H": "6001080000"}


def codelist_label(codelist: str, value) -> str:
    """Chinese label of a coded value, or '' when the value is not in the list."""
    return CODELISTS.get(codelist, {}).get(value, "")


def numeric_fields() -> Dict[str, str]:
    """Field name → INT or REAL for the fields that are numbers in every layer that has them."""
    types: Dict[str, set] = {}
    for layer in ALL_LAYERS + WORK_LAYERS + OUTPUT_LAYERS:
        for f in layer.fields:
            types.setdefault(f.name, set()).add(f.type)
    return {name: kinds.pop() for name, kinds in types.items() if len(kinds) == 1 and kinds <= {INT, REAL}}
