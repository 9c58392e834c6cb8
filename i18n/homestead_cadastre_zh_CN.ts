<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>HomesteadCadastre</name>
        <message>
            <source>A preset name may hold letters, digits, - and _ only: {name}.</source>
            <translation>预设名称只能包含字母、数字、- 和 _：{name}。</translation>
        </message>
        <message>
            <source>Algorithm {name} is unavailable: {error}</source>
            <translation>工具 {name} 不可用：{error}</translation>
        </message>
        <message>
            <source>Areas and boundaries</source>
            <translation>面积与界址</translation>
        </message>
        <message>
            <source>Base map</source>
            <translation>地形图</translation>
        </message>
        <message>
            <source>Base-map buildings (DXT_FW)</source>
            <translation>地形图房屋（DXT_FW）</translation>
        </message>
        <message>
            <source>CRS of the input (when its .prj is missing or wrong)</source>
            <translation>输入数据坐标系（.prj 缺失或错误时）</translation>
        </message>
        <message>
            <source>CRS to import into (default: the input's, or its 3° zone when geographic)</source>
            <translation>导入坐标系（默认：输入数据的坐标系，地理坐标则为所在 3 度带）</translation>
        </message>
        <message>
            <source>Canceled.</source>
            <translation>已取消。</translation>
        </message>
        <message>
            <source>Check survey quality and conflicts</source>
            <translation>调查成果质量与冲突检查</translation>
        </message>
        <message>
            <source>Checking on {crs}.</source>
            <translation>在 {crs} 上检查。</translation>
        </message>
        <message>
            <source>Closed polyline(s) made into a polygon.</source>
            <translation>闭合多段线已转为面。</translation>
        </message>
        <message>
            <source>Column {x} holds eastings, not northings: read it as the easting.</source>
            <translation>列 {x} 的数值为东坐标而非北坐标：按东坐标读取。</translation>
        </message>
        <message>
            <source>Column {x} is read as the {axis} (survey tables write X = northing).</source>
            <translation>列 {x} 按{axis}读取（成果表中 X 为北坐标）。</translation>
        </message>
        <message>
            <source>Columns not imported (no matching field): {columns}.</source>
            <translation>未导入的列（无对应字段）：{columns}。</translation>
        </message>
        <message>
            <source>Could not create layer {layer} in {path}: {message}</source>
            <translation>无法在 {path} 中新建图层 {layer}：{message}</translation>
        </message>
        <message>
            <source>Could not store the style of {layer}: {error}</source>
            <translation>无法保存图层 {layer} 的样式：{error}</translation>
        </message>
        <message>
            <source>Could not write feature {n} to the output.</source>
            <translation>无法将第 {n} 个要素写入输出。</translation>
        </message>
        <message>
            <source>Could not write the project {path}.</source>
            <translation>无法写出工程 {path}。</translation>
        </message>
        <message>
            <source>Create survey project</source>
            <translation>新建调查工程</translation>
        </message>
        <message>
            <source>Created {path} ({n} layers, {crs}) and {project}.</source>
            <translation>已新建 {path}（{n} 个图层，{crs}）和工程 {project}。</translation>
        </message>
        <message>
            <source>Eligibility</source>
            <translation>三类划分</translation>
        </message>
        <message>
            <source>Farmland patch id field</source>
            <translation>农田图斑编号字段</translation>
        </message>
        <message>
            <source>Feature {fid} of {layer} ({what}) has an invalid geometry ({reason}); it was repaired for the overlay only. Run homestead:qualitycheck (ZD_INVALID) and fix it.</source>
            <translation>{layer} 的要素 {fid}（{what}）图形无效（{reason}）；仅在套合时修复。请运行 homestead:qualitycheck（ZD_INVALID）并修正。</translation>
        </message>
        <message>
            <source>Feature {fid} of {layer} has Z/M values; they were ignored (areas are planar).</source>
            <translation>图层 {layer} 的要素 {fid} 带有 Z/M 值，已忽略（面积按平面计算）。</translation>
        </message>
        <message>
            <source>Feature {fid} of {layer} has no geometry.</source>
            <translation>图层 {layer} 的要素 {fid} 没有几何图形。</translation>
        </message>
        <message>
            <source>Field mapping entries, e.g. ZDDM=宗地编码; QLRMC=户主 (they win over the preset)</source>
            <translation>字段对应条目，如 ZDDM=宗地编码; QLRMC=户主（优先于预设）</translation>
        </message>
        <message>
            <source>Field mapping: {pairs}.</source>
            <translation>字段对应：{pairs}。</translation>
        </message>
        <message>
            <source>Field-mapping preset (name or .json path; empty: match names and Chinese aliases)</source>
            <translation>字段对应预设（名称或 .json 路径；留空：按字段名和中文别名匹配）</translation>
        </message>
        <message>
            <source>GeoPackage (*.gpkg)</source>
            <translation>GeoPackage 文件 (*.gpkg)</translation>
        </message>
        <message>
            <source>Geometry from the WKT column {column}.</source>
            <translation>图形取自 WKT 列 {column}。</translation>
        </message>
        <message>
            <source>Homestead Cadastre</source>
            <translation>房地一体权籍调查</translation>
        </message>
        <message>
            <source>Homestead Cadastre (rural housing-and-land survey)</source>
            <translation>房地一体权籍调查（农村宅基地和集体建设用地）</translation>
        </message>
        <message>
            <source>Homestead survey</source>
            <translation>房地一体权籍调查</translation>
        </message>
        <message>
            <source>Houses (ZRZ)</source>
            <translation>房屋（ZRZ）</translation>
        </message>
        <message>
            <source>Import survey data</source>
            <translation>导入调查数据</translation>
        </message>
        <message>
            <source>Imported layer</source>
            <translation>导入结果</translation>
        </message>
        <message>
            <source>Invalid geometry ({reason}) repaired; area {before:.2f} → {after:.2f} m².</source>
            <translation>已修复无效图形（{reason}）；面积 {before:.2f} → {after:.2f} 平方米。</translation>
        </message>
        <message>
            <source>It has no geometry.</source>
            <translation>没有图形。</translation>
        </message>
        <message>
            <source>It is a {kind}; the layer takes lines.</source>
            <translation>图形为 {kind}，该图层要求线。</translation>
        </message>
        <message>
            <source>It is a {kind}; the layer takes points.</source>
            <translation>图形为 {kind}，该图层要求点。</translation>
        </message>
        <message>
            <source>It is a {kind}; the layer takes polygons.</source>
            <translation>图形为 {kind}，该图层要求面。</translation>
        </message>
        <message>
            <source>Its geometry is invalid ({reason}) and repairing it left nothing usable.</source>
            <translation>图形无效（{reason}），修复后没有可用的图形。</translation>
        </message>
        <message>
            <source>Layer {layer} has no coordinate reference system. Set its CRS (Layer Properties ▸ Source) to the survey's CGCS2000 3° zone before measuring.</source>
            <translation>图层 {layer} 没有坐标参照系。请先在“图层属性 ▸ 源”中将其设为调查所用的 CGCS2000 3 度带，再进行量算。</translation>
        </message>
        <message>
            <source>Layer {layer} is empty: nothing to measure.</source>
            <translation>图层 {layer} 为空，没有可量算的要素。</translation>
        </message>
        <message>
            <source>Layer {layer} is measured in {crs} (projected from {source}).</source>
            <translation>图层 {layer} 在 {crs} 下量算（由 {source} 投影转换）。</translation>
        </message>
        <message>
            <source>Layer {layer} lacks the field(s) {fields}. Add them, or import the data with homestead:importsurvey to map your fields onto the survey schema.</source>
            <translation>图层 {layer} 缺少字段 {fields}。请添加这些字段，或用 homestead:importsurvey 导入数据，将原有字段对应到调查数据库结构。</translation>
        </message>
        <message>
            <source>Layer {layer} lies at longitude {lon:.3f}°, outside China's CGCS2000 3° zones; check its CRS.</source>
            <translation>图层 {layer} 位于经度 {lon:.3f}°，不在中国 CGCS2000 3 度带范围内，请检查其坐标系。</translation>
        </message>
        <message>
            <source>Layer {layer} of {path} does not open.</source>
            <translation>无法打开 {path} 中的图层 {layer}。</translation>
        </message>
        <message>
            <source>Layer, sheet or CAD layer to read (empty: the only one / the first sheet / all)</source>
            <translation>要读取的图层、工作表或 CAD 图层（留空：唯一图层／第一个工作表／全部）</translation>
        </message>
        <message>
            <source>Maps and documents</source>
            <translation>图件与表册</translation>
        </message>
        <message>
            <source>Minimum overlap area counted as occupation (m²)</source>
            <translation>计为占用的最小重叠面积（平方米）</translation>
        </message>
        <message>
            <source>Number of errors</source>
            <translation>错误数</translation>
        </message>
        <message>
            <source>Number of warnings</source>
            <translation>警告数</translation>
        </message>
        <message>
            <source>Overlay and checks</source>
            <translation>套合与质检</translation>
        </message>
        <message>
            <source>Overlay parcels with permanent basic farmland</source>
            <translation>宗地与永久基本农田套合</translation>
        </message>
        <message>
            <source>Parcel and farmland overlaps</source>
            <translation>宗地与基本农田重叠部分</translation>
        </message>
        <message>
            <source>Parcels (ZD)</source>
            <translation>宗地（ZD）</translation>
        </message>
        <message>
            <source>Parcels with farmland occupation</source>
            <translation>宗地占用基本农田情况</translation>
        </message>
        <message>
            <source>Permanent basic farmland (JBNT)</source>
            <translation>永久基本农田（JBNT）</translation>
        </message>
        <message>
            <source>Plane to check on (default: the parcels' survey plane)</source>
            <translation>检查所用平面（默认：宗地的调查平面）</translation>
        </message>
        <message>
            <source>Plane to measure on (default: the parcels' survey plane)</source>
            <translation>量算平面（默认：宗地的调查平面）</translation>
        </message>
        <message>
            <source>Preset {preset} was made for layer {preset_layer}; importing into {layer}.</source>
            <translation>预设 {preset} 是为图层 {preset_layer} 制作的；现导入到 {layer}。</translation>
        </message>
        <message>
            <source>Project and data</source>
            <translation>工程与数据</translation>
        </message>
        <message>
            <source>Project title</source>
            <translation>工程标题</translation>
        </message>
        <message>
            <source>QGIS project</source>
            <translation>QGIS 工程</translation>
        </message>
        <message>
            <source>Quality findings</source>
            <translation>质检错误</translation>
        </message>
        <message>
            <source>Quality summary per rule and village</source>
            <translation>按规则和地籍子区的质检汇总</translation>
        </message>
        <message>
            <source>Read {path} as {encoding}.</source>
            <translation>按 {encoding} 读取 {path}。</translation>
        </message>
        <message>
            <source>Read {read}, imported {imported} ({repaired} repaired), rejected {rejected}.</source>
            <translation>读取 {read} 条，导入 {imported} 条（其中修复 {repaired} 条），拒绝 {rejected} 条。</translation>
        </message>
        <message>
            <source>Reading {path} as {encoding} (as chosen).</source>
            <translation>按所选编码 {encoding} 读取 {path}。</translation>
        </message>
        <message>
            <source>Record {fid} rejected: {reason}</source>
            <translation>记录 {fid} 被拒绝：{reason}</translation>
        </message>
        <message>
            <source>Record {fid} repaired: {note}</source>
            <translation>记录 {fid} 已修复：{note}</translation>
        </message>
        <message>
            <source>Records imported</source>
            <translation>导入记录数</translation>
        </message>
        <message>
            <source>Records read</source>
            <translation>读取记录数</translation>
        </message>
        <message>
            <source>Records rejected</source>
            <translation>拒绝记录数</translation>
        </message>
        <message>
            <source>Records repaired</source>
            <translation>修复记录数</translation>
        </message>
        <message>
            <source>Records {first} and {second} share the parcel code {code}; both were imported (homestead:qualitycheck ZD_DUPCODE lists them).</source>
            <translation>记录 {first} 与 {second} 的宗地代码同为 {code}；两条均已导入（homestead:qualitycheck 的 ZD_DUPCODE 会列出）。</translation>
        </message>
        <message>
            <source>Rejected records</source>
            <translation>拒绝的记录</translation>
        </message>
        <message>
            <source>Repaired records</source>
            <translation>修复的记录</translation>
        </message>
        <message>
            <source>Right holders (QLR table)</source>
            <translation>权利人（QLR 表）</translation>
        </message>
        <message>
            <source>Rule {rule} needs the {inputs} input(s); give them or leave the rule out.</source>
            <translation>规则 {rule} 需要输入 {inputs}；请提供，或不选该规则。</translation>
        </message>
        <message>
            <source>Rule {rule} was not run: it needs {inputs}.</source>
            <translation>规则 {rule} 未运行：需要 {inputs}。</translation>
        </message>
        <message>
            <source>Rules to run (none chosen: all)</source>
            <translation>要运行的规则（不选则全部）</translation>
        </message>
        <message>
            <source>Save the mapping used as a preset named</source>
            <translation>将所用字段对应保存为预设，名称</translation>
        </message>
        <message>
            <source>Saved the field mapping as preset {name} ({path}).</source>
            <translation>字段对应已保存为预设 {name}（{path}）。</translation>
        </message>
        <message>
            <source>Schema layer to import into</source>
            <translation>导入到的数据库图层</translation>
        </message>
        <message>
            <source>Some tools are unavailable: the QGIS Python lacks {names}. Install with: {command}</source>
            <translation>部分工具不可用：QGIS 的 Python 缺少 {names}。安装命令：{command}</translation>
        </message>
        <message>
            <source>Survey</source>
            <translation>调查数据</translation>
        </message>
        <message>
            <source>Survey CRS (CGCS2000 3° zone)</source>
            <translation>调查坐标系（CGCS2000 3 度带）</translation>
        </message>
        <message>
            <source>Survey GeoPackage</source>
            <translation>调查 GeoPackage</translation>
        </message>
        <message>
            <source>Survey data (*.shp *.gpkg *.dxf *.csv *.txt *.xlsx *.geojson *.json);;All files (*.*)</source>
            <translation>调查数据 (*.shp *.gpkg *.dxf *.csv *.txt *.xlsx *.geojson *.json);;所有文件 (*.*)</translation>
        </message>
        <message>
            <source>Survey data file</source>
            <translation>调查数据文件</translation>
        </message>
        <message>
            <source>Survey map scale 1:N (500, 1000 or 2000)</source>
            <translation>调查比例尺 1:N（500、1000 或 2000）</translation>
        </message>
        <message>
            <source>Text encoding of shapefiles and CSV</source>
            <translation>Shapefile 和 CSV 的文字编码</translation>
        </message>
        <message>
            <source>The CRS to import into must be projected (metres), not {crs}.</source>
            <translation>导入坐标系必须是投影坐标系（米），不能是 {crs}。</translation>
        </message>
        <message>
            <source>The code {code} has right type {right} on {owner} land; A and C exist only on collective land (J).</source>
            <translation>代码 {code} 在 {owner} 土地上设了权利类型 {right}；A、C 只能用于集体土地（J）。</translation>
        </message>
        <message>
            <source>The field mapping entry '{entry}' is not TARGET=source.</source>
            <translation>字段对应条目“{entry}”不是“目标字段=源列”的形式。</translation>
        </message>
        <message>
            <source>The field mapping is not valid JSON: {error}</source>
            <translation>字段对应不是有效的 JSON：{error}</translation>
        </message>
        <message>
            <source>The field mapping {path} could not be read: {error}</source>
            <translation>无法读取字段对应文件 {path}：{error}</translation>
        </message>
        <message>
            <source>The file is neither UTF-8 nor GBK text; choose its encoding.</source>
            <translation>该文件既不是 UTF-8 也不是 GBK 文本，请指定编码。</translation>
        </message>
        <message>
            <source>The input file {path} does not exist.</source>
            <translation>输入文件 {path} 不存在。</translation>
        </message>
        <message>
            <source>The map scale must be 1:500, 1:1000 or 1:2000, not 1:{scale}.</source>
            <translation>比例尺必须为 1:500、1:1000 或 1:2000，不能是 1:{scale}。</translation>
        </message>
        <message>
            <source>The mapping names field(s) {fields} that layer {layer} does not have.</source>
            <translation>字段对应指定的字段 {fields} 不在图层 {layer} 中。</translation>
        </message>
        <message>
            <source>The mapping names layer {layer}, which the survey schema does not have.</source>
            <translation>字段对应指定的图层 {layer} 不在调查数据库中。</translation>
        </message>
        <message>
            <source>The mapping takes {target} from column {source}, which the input does not have.</source>
            <translation>字段对应要求从列 {source} 取 {target}，但输入数据没有该列。</translation>
        </message>
        <message>
            <source>The parcel code (ZDDM) is empty.</source>
            <translation>宗地代码（ZDDM）为空。</translation>
        </message>
        <message>
            <source>The parcel code {code} does not follow 12 digits + 2 feature letters + 5 digits.</source>
            <translation>宗地代码 {code} 不符合“12 位数字 + 2 位特征码字母 + 5 位数字”的结构。</translation>
        </message>
        <message>
            <source>The parcel code {code} has {n} characters; a ZDDM has 19.</source>
            <translation>宗地代码 {code} 有 {n} 位；宗地代码应为 19 位。</translation>
        </message>
        <message>
            <source>The parcel layer could not be opened.</source>
            <translation>无法打开宗地图层。</translation>
        </message>
        <message>
            <source>The parcel layer {layer} is empty: there is nothing to check.</source>
            <translation>宗地图层 {layer} 为空：没有可检查的内容。</translation>
        </message>
        <message>
            <source>The real-estate unit code (BDCDYH) is empty.</source>
            <translation>不动产单元代码（BDCDYH）为空。</translation>
        </message>
        <message>
            <source>The survey CRS must be a CGCS2000 3-degree Gauss-Krüger zone (EPSG:4513-4554); {crs} is not. Choose e.g. EPSG:4525 (zone 37, 111°E) or EPSG:4546 (111°E without the zone number).</source>
            <translation>调查坐标系必须是 CGCS2000 3 度带高斯-克吕格投影（EPSG:4513-4554），{crs} 不是。请选择如 EPSG:4525（37 带，111°E）或 EPSG:4546（111°E，不带带号）。</translation>
        </message>
        <message>
            <source>The table has no WKT column and no X/Y columns: its records have no geometry.</source>
            <translation>表格没有 WKT 列，也没有 X/Y 列：记录没有图形。</translation>
        </message>
        <message>
            <source>The table {path} has no header row.</source>
            <translation>表格 {path} 没有表头行。</translation>
        </message>
        <message>
            <source>The target CRS {crs} is geographic (degrees); choose a projected CRS in metres, e.g. the survey's CGCS2000 3° zone.</source>
            <translation>目标坐标系 {crs} 是地理坐标系（度）；请选择以米为单位的投影坐标系，如调查所用的 CGCS2000 3 度带。</translation>
        </message>
        <message>
            <source>The unit code {code} does not follow ZDDM (19) + fixture letter F/L/Q/W + 8 digits.</source>
            <translation>不动产单元代码 {code} 不符合“宗地代码（19 位）+ 定着物特征码 F/L/Q/W + 8 位数字”的结构。</translation>
        </message>
        <message>
            <source>The unit code {code} has fixture letter W (none), so it must end in 00000000.</source>
            <translation>不动产单元代码 {code} 的定着物特征码为 W（无定着物），其后应为 00000000。</translation>
        </message>
        <message>
            <source>The unit code {code} has {n} characters; a BDCDYH has 28.</source>
            <translation>不动产单元代码 {code} 有 {n} 位；不动产单元代码应为 28 位。</translation>
        </message>
        <message>
            <source>The workbook {path} has no sheet {sheet}; it has {sheets}.</source>
            <translation>工作簿 {path} 中没有工作表 {sheet}；现有：{sheets}。</translation>
        </message>
        <message>
            <source>There is no field-mapping preset {name}; known: {names}.</source>
            <translation>没有字段对应预设 {name}；现有：{names}。</translation>
        </message>
        <message>
            <source>Tolerance: a house may stick out of its parcel by (m)</source>
            <translation>容差：房屋可超出宗地的距离（米）</translation>
        </message>
        <message>
            <source>Transformed from {source} to {target}.</source>
            <translation>已从 {source} 转换到 {target}。</translation>
        </message>
        <message>
            <source>Z values were dropped (the survey plane is 2-D).</source>
            <translation>已舍去 Z 值（调查平面为二维）。</translation>
        </message>
        <message>
            <source>an unknown CRS</source>
            <translation>未知坐标系</translation>
        </message>
        <message>
            <source>easting</source>
            <translation>东坐标</translation>
        </message>
        <message>
            <source>farmland patch</source>
            <translation>农田图斑</translation>
        </message>
        <message>
            <source>found</source>
            <translation>现有版本</translation>
        </message>
        <message>
            <source>input layer</source>
            <translation>输入图层</translation>
        </message>
        <message>
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <source>northing</source>
            <translation>北坐标</translation>
        </message>
        <message>
            <source>parcel</source>
            <translation>宗地</translation>
        </message>
        <message>
            <source>{field} = '{value}' is neither a code nor a label of its code list.</source>
            <translation>{field} =“{value}”既不是代码表中的代码，也不是其名称。</translation>
        </message>
        <message>
            <source>{field} = '{value}' is not a date (e.g. 2020-05-13).</source>
            <translation>{field} =“{value}”不是日期（如 2020-05-13）。</translation>
        </message>
        <message>
            <source>{field} = '{value}' is not a date and time (e.g. 2020-05-13 09:30).</source>
            <translation>{field} =“{value}”不是日期时间（如 2020-05-13 09:30）。</translation>
        </message>
        <message>
            <source>{field} = '{value}' is not a number.</source>
            <translation>{field} =“{value}”不是数值。</translation>
        </message>
        <message>
            <source>{field} = '{value}' is not a whole number.</source>
            <translation>{field} =“{value}”不是整数。</translation>
        </message>
        <message>
            <source>{field} = '{value}' is not text.</source>
            <translation>{field} =“{value}”不是文本。</translation>
        </message>
        <message>
            <source>{field} is empty; the {layer} layer needs it.</source>
            <translation>{field} 为空；{layer} 图层必须填写。</translation>
        </message>
        <message>
            <source>{n} of {total} parcels occupy permanent basic farmland ({area:.2f} m² in all); {slivers} overlaps of {min_area} m² or less were kept as slivers.</source>
            <translation>{total} 宗地中有 {n} 宗占用永久基本农田（共 {area:.2f} 平方米）；{slivers} 处不超过 {min_area} 平方米的重叠作为碎片保留。</translation>
        </message>
        <message>
            <source>{n} parcels have a house standing on farmland.</source>
            <translation>{n} 宗地内有房屋压占基本农田。</translation>
        </message>
        <message>
            <source>{path} could not be opened as vector data (or has no layer {layer}).</source>
            <translation>无法以矢量数据打开 {path}（或其中没有图层 {layer}）。</translation>
        </message>
        <message>
            <source>{path} declares its encoding ({encoding}).</source>
            <translation>{path} 自带编码声明（{encoding}）。</translation>
        </message>
        <message>
            <source>{path} has no .cpg; its text reads as {encoding}.</source>
            <translation>{path} 没有 .cpg 文件；其文字按 {encoding} 读取。</translation>
        </message>
        <message>
            <source>{path} has no CRS (.prj) and its coordinates carry no 3° zone number; set the input CRS (SOURCE_CRS).</source>
            <translation>{path} 没有坐标系（.prj），坐标中也没有 3 度带带号；请设置输入数据坐标系（SOURCE_CRS）。</translation>
        </message>
        <message>
            <source>{path} has no CRS: its 8-digit eastings carry a zone number, so it is EPSG:{epsg}.</source>
            <translation>{path} 没有坐标系：其 8 位横坐标带有带号，故按 EPSG:{epsg} 处理。</translation>
        </message>
        <message>
            <source>{path} has no CRS: its coordinates are longitude/latitude, taken as CGCS2000 (EPSG:4490).</source>
            <translation>{path} 没有坐标系：其坐标为经纬度，按 CGCS2000（EPSG:4490）处理。</translation>
        </message>
        <message>
            <source>{path} holds several layers ({layers}); say which one in LAYER.</source>
            <translation>{path} 含有多个图层（{layers}）；请在“图层”参数中指定。</translation>
        </message>
        <message>
            <source>{path} is in longitude/latitude outside China's 3° zones; choose the CRS to import into (TARGET_CRS).</source>
            <translation>{path} 为中国 3 度带范围以外的经纬度；请选择导入坐标系（TARGET_CRS）。</translation>
        </message>
        <message>
            <source>{rule}: {n} findings ({seconds:.1f} s).</source>
            <translation>{rule}：{n} 处问题（{seconds:.1f} 秒）。</translation>
        </message>
    </context>
</TS>
