<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>HomesteadCadastre</name>
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
            <source>Canceled.</source>
            <translation>已取消。</translation>
        </message>
        <message>
            <source>Classes: 1: {c1}, 2: {c2}, 3: {c3}, 0 (facts missing): {c0}.</source>
            <translation>分类结果：1 类 {c1}，2 类 {c2}，3 类 {c3}，0 类（待补充信息）{c0}。</translation>
        </message>
        <message>
            <source>Classified parcels</source>
            <translation>分类后的宗地</translation>
        </message>
        <message>
            <source>Classify parcels (three classes)</source>
            <translation>宗地分类（三类）</translation>
        </message>
        <message>
            <source>Confirmed decisions kept</source>
            <translation>保留的已审核结果</translation>
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
            <source>Farmland overlap ignored up to (m²; empty: the profile's value)</source>
            <translation>忽略的农田重叠面积上限（平方米；为空时取政策配置的值）</translation>
        </message>
        <message>
            <source>Feature {fid} of {layer} has Z/M values; they were ignored (areas are planar).</source>
            <translation>图层 {layer} 的要素 {fid} 带有 Z/M 值，已忽略（面积按平面计算）。</translation>
        </message>
        <message>
            <source>Feature {fid} of {layer} has an invalid polygon ({reason}); its area is not used and it stays in class 0. Repair it (Vector ▸ Geometry Tools ▸ Fix Geometries) and classify again.</source>
            <translation>{layer} 的要素 {fid} 图形无效（{reason}），不使用其面积，该宗地为 0 类。请修复（矢量 ▸ 几何工具 ▸ 修复几何图形）后重新分类。</translation>
        </message>
        <message>
            <source>Feature {fid} of {layer} has no geometry.</source>
            <translation>图层 {layer} 的要素 {fid} 没有几何图形。</translation>
        </message>
        <message>
            <source>GeoPackage (*.gpkg)</source>
            <translation>GeoPackage 文件 (*.gpkg)</translation>
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
            <source>Layer {layer} has no coordinate reference system. Set its CRS (Layer Properties ▸ Source) to the survey's CGCS2000 3° zone before measuring.</source>
            <translation>图层 {layer} 没有坐标参照系。请先在“图层属性 ▸ 源”中将其设为调查所用的 CGCS2000 3 度带，再进行量算。</translation>
        </message>
        <message>
            <source>Layer {layer} has no parcels to classify.</source>
            <translation>图层 {layer} 中没有可分类的宗地。</translation>
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
            <source>Maps and documents</source>
            <translation>图件与表册</translation>
        </message>
        <message>
            <source>No farmland information: give the FARMLAND layer or run the farmland overlay first (field ZYJBNTMJ). Without it no parcel can be cleared of 四(六)1 and those parcels stay in class 0.</source>
            <translation>没有永久基本农田信息：请提供 FARMLAND 图层，或先运行永久基本农田套合（字段 ZYJBNTMJ）。没有它，任何宗地都不能排除四(六)1，这些宗地为 0 类。</translation>
        </message>
        <message>
            <source>Overlay and checks</source>
            <translation>套合与质检</translation>
        </message>
        <message>
            <source>Parcels (ZD) with the survey facts</source>
            <translation>宗地（ZD，含调查事实）</translation>
        </message>
        <message>
            <source>Parcels in class {n}</source>
            <translation>{n} 类宗地数</translation>
        </message>
        <message>
            <source>Permanent basic farmland (optional: else the ZYJBNTMJ field is read)</source>
            <translation>永久基本农田（可选；不提供时读取 ZYJBNTMJ 字段）</translation>
        </message>
        <message>
            <source>Policy profile (name or .toml file)</source>
            <translation>政策配置（名称或 .toml 文件）</translation>
        </message>
        <message>
            <source>Policy profile {file} cannot be read: {error}</source>
            <translation>无法读取政策配置 {file}：{error}</translation>
        </message>
        <message>
            <source>Policy profile {file}, line {line}: [{table}] has no value for “{key}”; add “{key} = …”.</source>
            <translation>政策配置 {file} 第 {line} 行：[{table}] 缺少“{key}”的值，请添加“{key} = …”。</translation>
        </message>
        <message>
            <source>Policy profile {file}, line {line}: a milestone needs “survey” or “registered” (percent).</source>
            <translation>政策配置 {file} 第 {line} 行：进度目标需要“survey”（调查）或“registered”（登记）百分数。</translation>
        </message>
        <message>
            <source>Policy profile {file}, line {line}: class = {value} is not a class; write 1, 2, 3, or 0 (information missing).</source>
            <translation>政策配置 {file} 第 {line} 行：class = {value} 不是有效的类别；请写 1、2、3，或 0（待补充信息）。</translation>
        </message>
        <message>
            <source>Policy profile {file}, line {line}: not a valid date ({detail}). Write dates as YYYY-MM-DD without quotes, e.g. 2020-07-31.</source>
            <translation>政策配置 {file} 第 {line} 行：日期无效（{detail}）。日期按 YYYY-MM-DD 书写，不加引号，例如 2020-07-31。</translation>
        </message>
        <message>
            <source>Policy profile {file}, line {line}: not valid TOML ({detail}). A value may be missing after “=”, or text may lack its quotes.</source>
            <translation>政策配置 {file} 第 {line} 行：不是有效的 TOML（{detail}）。可能“=”后缺少值，或文字缺少引号。</translation>
        </message>
        <message>
            <source>Policy profile {file}, line {line}: rule “{rule}” is a note (it explains, it does not classify) and takes no “class”.</source>
            <translation>政策配置 {file} 第 {line} 行：规则“{rule}”是说明性规则（只作说明，不决定类别），不能有“class”。</translation>
        </message>
        <message>
            <source>Policy profile {file}, line {line}: rule “{rule}” is missing; add a [rules.{rule}] table with clause, text and class.</source>
            <translation>政策配置 {file} 第 {line} 行：缺少规则“{rule}”；请添加 [rules.{rule}] 表，写明 clause、text 和 class。</translation>
        </message>
        <message>
            <source>Policy profile {file}, line {line}: the [{key}] table is missing; add it.</source>
            <translation>政策配置 {file} 第 {line} 行：缺少 [{key}] 表，请添加。</translation>
        </message>
        <message>
            <source>Policy profile {file}, line {line}: unbalanced braces in “{key}”; write a placeholder as {{zdmj}} and a literal brace twice.</source>
            <translation>政策配置 {file} 第 {line} 行：“{key}”中的花括号不配对；占位符写作 {{zdmj}}，花括号本身要写两次。</translation>
        </message>
        <message>
            <source>Policy profile {file}, line {line}: unknown key “{key}” in [{table}]. Allowed here: {allowed}.</source>
            <translation>政策配置 {file} 第 {line} 行：[{table}] 中有未知的键“{key}”。这里允许的键：{allowed}。</translation>
        </message>
        <message>
            <source>Policy profile {file}, line {line}: unknown rule “{rule}”. The engine knows: {allowed}.</source>
            <translation>政策配置 {file} 第 {line} 行：未知的规则“{rule}”。分类引擎能识别的规则：{allowed}。</translation>
        </message>
        <message>
            <source>Policy profile {file}, line {line}: unknown table or key “{key}”. Allowed: {allowed}.</source>
            <translation>政策配置 {file} 第 {line} 行：未知的表或键“{key}”。允许的有：{allowed}。</translation>
        </message>
        <message>
            <source>Policy profile {file}, line {line}: verify names “{key}”, which the profile does not have.</source>
            <translation>政策配置 {file} 第 {line} 行：verify 中的“{key}”在配置中不存在。</translation>
        </message>
        <message>
            <source>Policy profile {file}, line {line}: {key} = {value} is not a date. Write YYYY-MM-DD without quotes (e.g. 1982-02-13), or only the year (e.g. 1987) when the day is not known.</source>
            <translation>政策配置 {file} 第 {line} 行：{key} = {value} 不是日期。请按 YYYY-MM-DD 书写，不加引号（例如 1982-02-13）；不知道具体日期时只写年份（例如 1987）。</translation>
        </message>
        <message>
            <source>Policy profile {file}, line {line}: {key} = {value} is not a date. Write it as YYYY-MM-DD without quotes, e.g. 2020-07-31.</source>
            <translation>政策配置 {file} 第 {line} 行：{key} = {value} 不是日期。请按 YYYY-MM-DD 书写，不加引号，例如 2020-07-31。</translation>
        </message>
        <message>
            <source>Policy profile {file}, line {line}: {key} = {value} must be a number of square metres ({limit} 0).</source>
            <translation>政策配置 {file} 第 {line} 行：{key} = {value} 必须是平方米数（{limit} 0）。</translation>
        </message>
        <message>
            <source>Policy profile {file}, line {line}: {key} = {value} must be a percentage above 0 and at most 100.</source>
            <translation>政策配置 {file} 第 {line} 行：{key} = {value} 必须是大于 0、不超过 100 的百分数。</translation>
        </message>
        <message>
            <source>Policy profile {file}, line {line}: {key} = {value} must be a whole number of days above 0.</source>
            <translation>政策配置 {file} 第 {line} 行：{key} = {value} 必须是大于 0 的整天数。</translation>
        </message>
        <message>
            <source>Policy profile {file}, line {line}: {later} ({later_value}) is before {earlier} ({earlier_value}); the periods must follow each other.</source>
            <translation>政策配置 {file} 第 {line} 行：{later}（{later_value}）早于 {earlier}（{earlier_value}）；各阶段必须依次衔接。</translation>
        </message>
        <message>
            <source>Policy profile {file}, line {line}: “{key}” must be a list of texts, e.g. ["limits.cropland"].</source>
            <translation>政策配置 {file} 第 {line} 行：“{key}”必须是文字的列表，例如 ["limits.cropland"]。</translation>
        </message>
        <message>
            <source>Policy profile {file}, line {line}: “{key}” must be a table ([{key}]).</source>
            <translation>政策配置 {file} 第 {line} 行：“{key}”必须是表（[{key}]）。</translation>
        </message>
        <message>
            <source>Policy profile {file}, line {line}: “{key}” must be text in quotes, not empty.</source>
            <translation>政策配置 {file} 第 {line} 行：“{key}”必须是加引号的文字，且不能为空。</translation>
        </message>
        <message>
            <source>Policy profile {file}, line {line}: “{key}” uses the placeholder “{name}”, which the engine does not fill. Known: {known}.</source>
            <translation>政策配置 {file} 第 {line} 行：“{key}”使用了分类引擎不填写的占位符“{name}”。可用的占位符：{known}。</translation>
        </message>
        <message>
            <source>Policy profile {file}: its bases loop ({chain}).</source>
            <translation>政策配置 {file}：base 形成循环（{chain}）。</translation>
        </message>
        <message>
            <source>Policy profile {name} was not found. Give a shipped profile ({names}) or the path of a .toml file.</source>
            <translation>找不到政策配置 {name}。请填写自带的配置（{names}）或 .toml 文件的路径。</translation>
        </message>
        <message>
            <source>Policy profile {name}: {title} ({path}).</source>
            <translation>政策配置 {name}：{title}（{path}）。</translation>
        </message>
        <message>
            <source>Profile {name} marks these values as not checked against the official text: {keys}. Check them before relying on the classes.</source>
            <translation>政策配置 {name} 标明以下数值未对照原文核实：{keys}。依据分类结果办理前请先核实。</translation>
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
            <source>Replace decisions a person confirmed or overrode</source>
            <translation>替换审核人已确认或改判的结果</translation>
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
            <source>The code {code} has right type {right} on {owner} land; A and C exist only on collective land (J).</source>
            <translation>代码 {code} 在 {owner} 土地上设了权利类型 {right}；A、C 只能用于集体土地（J）。</translation>
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
            <source>The real-estate unit code (BDCDYH) is empty.</source>
            <translation>不动产单元代码（BDCDYH）为空。</translation>
        </message>
        <message>
            <source>The survey CRS must be a CGCS2000 3-degree Gauss-Krüger zone (EPSG:4513-4554); {crs} is not. Choose e.g. EPSG:4525 (zone 37, 111°E) or EPSG:4546 (111°E without the zone number).</source>
            <translation>调查坐标系必须是 CGCS2000 3 度带高斯-克吕格投影（EPSG:4513-4554），{crs} 不是。请选择如 EPSG:4525（37 带，111°E）或 EPSG:4546（111°E，不带带号）。</translation>
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
            <source>an unknown CRS</source>
            <translation>未知坐标系</translation>
        </message>
        <message>
            <source>fid {fid}</source>
            <translation>要素 {fid}</translation>
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
            <source>{n} decisions confirmed by a person were kept (set OVERWRITE_CONFIRMED to replace them).</source>
            <translation>保留了 {n} 个审核人已确认的结果（勾选“替换审核人已确认或改判的结果”可替换）。</translation>
        </message>
        <message>
            <source>{parcel}: confirmed class {confirmed}, the policy now gives {suggested}</source>
            <translation>{parcel}：已审核为 {confirmed} 类，按政策现为 {suggested} 类</translation>
        </message>
        <message>
            <source>… and {n} more confirmed decisions differ from the policy.</source>
            <translation>……另有 {n} 个已审核结果与按政策得出的类别不同。</translation>
        </message>
    </context>
</TS>
