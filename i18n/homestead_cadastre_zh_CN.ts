<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>HomesteadCadastre</name>
        <message>
            <source>A drawing process failed (exit {code}):
{output}</source>
            <translation>出图进程失败（退出码 {code}）：
{output}</translation>
        </message>
        <message>
            <source>Algorithm {name} is unavailable: {error}</source>
            <translation>工具 {name} 不可用：{error}</translation>
        </message>
        <message>
            <source>Area name printed under the title (e.g. village)</source>
            <translation>标题下方的地名（如村名）</translation>
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
            <source>Base map layers (vector and/or raster DOM), top first</source>
            <translation>底图图层（矢量和/或 DOM 影像），上层在前</translation>
        </message>
        <message>
            <source>Base map scale for the sheet number when TFH is empty</source>
            <translation>TFH 为空时计算图幅号所用的底图比例尺</translation>
        </message>
        <message>
            <source>Boundary lines (JZX)</source>
            <translation>界址线（JZX）</translation>
        </message>
        <message>
            <source>Boundary points (JZD); computed when not given</source>
            <translation>界址点（JZD）；未提供时自动计算</translation>
        </message>
        <message>
            <source>Building {number} has no number of storeys (ZCS); it is drawn as one storey.</source>
            <translation>房屋 {number} 没有总层数（ZCS），按一层绘制。</translation>
        </message>
        <message>
            <source>Building {number} has no polygon geometry.</source>
            <translation>房屋 {number} 没有面几何。</translation>
        </message>
        <message>
            <source>Buildings (ZRZ)</source>
            <translation>自然幢（ZRZ）</translation>
        </message>
        <message>
            <source>Buildings (ZRZ); only the selected ones when 'Selected features only' is ticked</source>
            <translation>自然幢（ZRZ）；勾选“仅选中要素”时只出选中房屋</translation>
        </message>
        <message>
            <source>CGCS2000, 3° Gauss-Krüger zone {zone} ({epsg})</source>
            <translation>2000 国家大地坐标系，高斯-克吕格 3° 带第 {zone} 带（{epsg}）</translation>
        </message>
        <message>
            <source>Cadastral survey forms (权籍调查表)</source>
            <translation>权籍调查表</translation>
        </message>
        <message>
            <source>Calendar days</source>
            <translation>自然日</translation>
        </message>
        <message>
            <source>Canceled.</source>
            <translation>已取消。</translation>
        </message>
        <message>
            <source>Checker 审核者 (default: @homestead_checker)</source>
            <translation>审核者（默认 @homestead_checker）</translation>
        </message>
        <message>
            <source>Checking date (default: @homestead_check_date)</source>
            <translation>审核日期（默认 @homestead_check_date）</translation>
        </message>
        <message>
            <source>Classes (LB) on the registration notice, comma-separated</source>
            <translation>列入首次登记公告的类别（LB），逗号分隔</translation>
        </message>
        <message>
            <source>Classes must be numbers separated by commas, e.g. 1,2.</source>
            <translation>类别须为逗号分隔的数字，如 1,2。</translation>
        </message>
        <message>
            <source>Could not copy layer {layer} for the parallel workers: {error}</source>
            <translation>无法为并行进程复制图层 {layer}：{error}</translation>
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
            <source>Could not write {path}: {error}</source>
            <translation>无法写出 {path}：{error}</translation>
        </message>
        <message>
            <source>Counted in</source>
            <translation>计算方式</translation>
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
            <source>Drafter 制图者 (default: @homestead_drafter)</source>
            <translation>制图者（默认 @homestead_drafter）</translation>
        </message>
        <message>
            <source>Drawing date (default: @homestead_draw_date, else today)</source>
            <translation>制图日期（默认 @homestead_draw_date，否则为今天）</translation>
        </message>
        <message>
            <source>Drawing {n} pages in {k} processes.</source>
            <translation>用 {k} 个进程绘制 {n} 页。</translation>
        </message>
        <message>
            <source>Eligibility</source>
            <translation>三类划分</translation>
        </message>
        <message>
            <source>Feature {fid} lies on {n} sheets; TFH holds {width} characters, so it keeps the sheet with the largest part: {tfh}.</source>
            <translation>要素 {fid} 跨 {n} 个图幅；TFH 只能容纳 {width} 个字符，只保留面积最大的图幅：{tfh}。</translation>
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
            <source>Files</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>Forms written</source>
            <translation>已输出调查表数</translation>
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
            <source>Homesteads without ownership-source documents (30 days): YQSLY = 0</source>
            <translation>无权属来源材料的宅基地（30 日）：YQSLY = 0</translation>
        </message>
        <message>
            <source>House map</source>
            <translation>房产分户图</translation>
        </message>
        <message>
            <source>House maps (房产分户图)</source>
            <translation>房产分户图</translation>
        </message>
        <message>
            <source>Household / building</source>
            <translation>户/幢</translation>
        </message>
        <message>
            <source>Houses built after 2008 without planning documents (15 days): JFNF ≥ 2008</source>
            <translation>2008 年后建设、无规划材料的房屋（15 日）：JFNF ≥ 2008</translation>
        </message>
        <message>
            <source>Issued by (公告单位)</source>
            <translation>公告单位</translation>
        </message>
        <message>
            <source>Label {text} ({role}) found no free place at 1:{scale}; it was left out.</source>
            <translation>注记 {text}（{role}）在 1:{scale} 下找不到空位，未注出。</translation>
        </message>
        <message>
            <source>Label {text} found no free place; it was left out.</source>
            <translation>注记 {text} 找不到空位，未注出。</translation>
        </message>
        <message>
            <source>Largest scale used</source>
            <translation>最大比例尺</translation>
        </message>
        <message>
            <source>Layer {layer} has no coordinate reference system. Set its CRS (Layer Properties ▸ Source) to the survey's CGCS2000 3° zone before measuring.</source>
            <translation>图层 {layer} 没有坐标参照系。请先在“图层属性 ▸ 源”中将其设为调查所用的 CGCS2000 3 度带，再进行量算。</translation>
        </message>
        <message>
            <source>Layer {layer} has no parcel geometry to put on map sheets.</source>
            <translation>图层 {layer} 没有可分幅的宗地几何。</translation>
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
            <source>Layout template (.qpt); default: the bundled 套合图</source>
            <translation>布局模板（.qpt）；默认为自带的套合图</translation>
        </message>
        <message>
            <source>Layout template (.qpt); default: the bundled 宗地图</source>
            <translation>布局模板（.qpt）；默认为自带的宗地图</translation>
        </message>
        <message>
            <source>Layout template (.qpt); default: the bundled 房产分户图</source>
            <translation>布局模板（.qpt）；默认为自带的房产分户图</translation>
        </message>
        <message>
            <source>Map scale</source>
            <translation>比例尺</translation>
        </message>
        <message>
            <source>Map sheet index (图幅)</source>
            <translation>标准图幅（图幅索引）</translation>
        </message>
        <message>
            <source>Map sheets</source>
            <translation>图幅</translation>
        </message>
        <message>
            <source>Maps</source>
            <translation>出图方式</translation>
        </message>
        <message>
            <source>Maps and documents</source>
            <translation>图件与表册</translation>
        </message>
        <message>
            <source>Maps drawn</source>
            <translation>已绘制图数</translation>
        </message>
        <message>
            <source>Maps not drawn</source>
            <translation>未绘制图数</translation>
        </message>
        <message>
            <source>Messages</source>
            <translation>说明</translation>
        </message>
        <message>
            <source>No Python that imports QGIS was found for parallel drawing (set HOMESTEAD_PYTHON); drawing in this process.</source>
            <translation>找不到可导入 QGIS 的 Python 用于并行出图（可设置 HOMESTEAD_PYTHON），改为在本进程中绘制。</translation>
        </message>
        <message>
            <source>No boundary points given: computing them with {alg}.</source>
            <translation>未提供界址点，用 {alg} 计算。</translation>
        </message>
        <message>
            <source>No boundary points were given and {alg} is not available to compute them. Give the JZD (boundary points) and JZX (boundary lines) layers.</source>
            <translation>未提供界址点，且无法使用 {alg} 计算。请提供界址点（JZD）和界址线（JZX）图层。</translation>
        </message>
        <message>
            <source>No buildings to draw: the layer is empty, nothing is selected, or no parcel code starts with '{prefix}'.</source>
            <translation>没有可绘制的房屋：图层为空、没有选中要素，或没有宗地代码以“{prefix}”开头。</translation>
        </message>
        <message>
            <source>No page could be drawn; nothing was written to {path}.</source>
            <translation>没有任何页面可以绘制，未写出 {path}。</translation>
        </message>
        <message>
            <source>No parcel lies on sheet(s) {sheets} at 1:{scale}.</source>
            <translation>1:{scale} 图幅 {sheets} 上没有宗地。</translation>
        </message>
        <message>
            <source>No parcel qualifies for this notice among the {n} given.</source>
            <translation>所给 {n} 宗地中没有符合该公告条件的宗地。</translation>
        </message>
        <message>
            <source>No parcels to draw: the layer is empty, nothing is selected, or no code starts with '{prefix}'.</source>
            <translation>没有可处理的宗地：图层为空、没有选中要素，或没有代码以“{prefix}”开头。</translation>
        </message>
        <message>
            <source>Notice</source>
            <translation>公告</translation>
        </message>
        <message>
            <source>Notice default</source>
            <translation>按公告默认</translation>
        </message>
        <message>
            <source>Notice lists written</source>
            <translation>已输出公告数</translation>
        </message>
        <message>
            <source>Notice period</source>
            <translation>公告期</translation>
        </message>
        <message>
            <source>Notice period in days (0: the notice's default)</source>
            <translation>公告期天数（0 为该公告默认值）</translation>
        </message>
        <message>
            <source>Notice start date (YYYY-MM-DD; default: today)</source>
            <translation>公告开始日期（YYYY-MM-DD；默认今天）</translation>
        </message>
        <message>
            <source>One map per building</source>
            <translation>每幢一图</translation>
        </message>
        <message>
            <source>One map per household (the buildings of a parcel)</source>
            <translation>每户一图（一宗地上的房屋）</translation>
        </message>
        <message>
            <source>Only buildings whose parcel code starts with (e.g. the 12-digit village code)</source>
            <translation>只出宗地代码以此开头的房屋（如 12 位村级代码）</translation>
        </message>
        <message>
            <source>Only parcels whose code starts with (e.g. the 12-digit village code)</source>
            <translation>只处理代码以此开头的宗地（如 12 位村级代码）</translation>
        </message>
        <message>
            <source>Only these sheet numbers (comma-separated; default: every sheet with parcels)</source>
            <translation>仅输出这些图幅（逗号分隔；默认为所有有宗地的图幅）</translation>
        </message>
        <message>
            <source>Output</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>Output folder</source>
            <translation>输出文件夹</translation>
        </message>
        <message>
            <source>Overlay and checks</source>
            <translation>套合与质检</translation>
        </message>
        <message>
            <source>Overlay maps by sheet (套合图)</source>
            <translation>分幅套合图</translation>
        </message>
        <message>
            <source>PDF and PNG, one file each per parcel</source>
            <translation>PDF 和 PNG，每宗各一个文件</translation>
        </message>
        <message>
            <source>PDF and PNG, one file each per sheet</source>
            <translation>PDF 和 PNG，每幅各一个文件</translation>
        </message>
        <message>
            <source>PDF only</source>
            <translation>仅 PDF</translation>
        </message>
        <message>
            <source>PDF, one file per parcel</source>
            <translation>PDF，每宗一个文件</translation>
        </message>
        <message>
            <source>PDF, one file per sheet</source>
            <translation>PDF，每幅一个文件</translation>
        </message>
        <message>
            <source>PDF, one multi-page file</source>
            <translation>PDF，合为一个多页文件</translation>
        </message>
        <message>
            <source>PNG resolution (dpi)</source>
            <translation>PNG 分辨率（dpi）</translation>
        </message>
        <message>
            <source>PNG, one file per parcel</source>
            <translation>PNG，每宗一个文件</translation>
        </message>
        <message>
            <source>PNG, one file per sheet</source>
            <translation>PNG，每幅一个文件</translation>
        </message>
        <message>
            <source>Parallel processes (files per parcel only)</source>
            <translation>并行进程数（仅每宗一个文件时）</translation>
        </message>
        <message>
            <source>Parcel</source>
            <translation>宗地</translation>
        </message>
        <message>
            <source>Parcel code</source>
            <translation>宗地代码</translation>
        </message>
        <message>
            <source>Parcel maps (宗地图)</source>
            <translation>宗地图</translation>
        </message>
        <message>
            <source>Parcels (ZD)</source>
            <translation>宗地（ZD）</translation>
        </message>
        <message>
            <source>Parcels (ZD), for 坐落, owner and outline</source>
            <translation>宗地（ZD），用于坐落、权利人和宗地界线</translation>
        </message>
        <message>
            <source>Parcels (ZD); only the selected ones when 'Selected features only' is ticked</source>
            <translation>宗地（ZD）；勾选“仅选中要素”时只处理选中宗地</translation>
        </message>
        <message>
            <source>Parcels (ZD); the sheets cover the selected ones when 'Selected features only' is ticked</source>
            <translation>宗地（ZD）；勾选“仅选中要素”时只出覆盖选中宗地的图幅</translation>
        </message>
        <message>
            <source>Parcels listed</source>
            <translation>列入公告的宗地数</translation>
        </message>
        <message>
            <source>Parcels not drawn</source>
            <translation>未绘制宗地数</translation>
        </message>
        <message>
            <source>Parcels with sheet numbers (TFH)</source>
            <translation>带图幅号（TFH）的宗地</translation>
        </message>
        <message>
            <source>Parcels without a form</source>
            <translation>未输出调查表的宗地数</translation>
        </message>
        <message>
            <source>Permanent basic farmland (JBNT)</source>
            <translation>永久基本农田（JBNT）</translation>
        </message>
        <message>
            <source>Place name in the title (e.g. the village)</source>
            <translation>标题中的地名（如村名）</translation>
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
            <source>Public notice lists (公告)</source>
            <translation>公告清单</translation>
        </message>
        <message>
            <source>QGIS project</source>
            <translation>QGIS 工程</translation>
        </message>
        <message>
            <source>Registration notice (15 working days): parcels of the chosen classes</source>
            <translation>首次登记公告（15 个工作日）：所选类别的宗地</translation>
        </message>
        <message>
            <source>Report (CSV)</source>
            <translation>报告（CSV）</translation>
        </message>
        <message>
            <source>Right holders (QLR)</source>
            <translation>权利人（QLR）</translation>
        </message>
        <message>
            <source>Right holders (QLR), for parcels without QLRMC</source>
            <translation>权利人（QLR），用于 QLRMC 为空的宗地</translation>
        </message>
        <message>
            <source>Roads (DXT_DL)</source>
            <translation>道路（DXT_DL）</translation>
        </message>
        <message>
            <source>Sheet</source>
            <translation>图幅</translation>
        </message>
        <message>
            <source>Sheet number</source>
            <translation>图幅号</translation>
        </message>
        <message>
            <source>Sheets drawn</source>
            <translation>已绘制图幅数</translation>
        </message>
        <message>
            <source>Sheets not drawn</source>
            <translation>未绘制图幅数</translation>
        </message>
        <message>
            <source>Some input cannot be passed to parallel workers (a selection on a secondary layer, or a layer that is not a file); drawing in this process.</source>
            <translation>部分输入无法传给并行进程（辅助图层上有选择集，或图层不是文件），改为在本进程中绘制。</translation>
        </message>
        <message>
            <source>Some tools are unavailable: the QGIS Python lacks {names}. Install with: {command}</source>
            <translation>部分工具不可用：QGIS 的 Python 缺少 {names}。安装命令：{command}</translation>
        </message>
        <message>
            <source>Standard sheets are defined for 1:500, 1:1000 and 1:2000, not 1:{scale}.</source>
            <translation>标准图幅只适用于 1:500、1:1000 和 1:2000，不适用于 1:{scale}。</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
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
            <source>Survey date of the boundary points (e.g. 2020-05; default: @homestead_survey_date)</source>
            <translation>界址点测绘日期（如 2020-05；默认 @homestead_survey_date）</translation>
        </message>
        <message>
            <source>Surveying unit (default: @homestead_producer)</source>
            <translation>测绘单位（默认 @homestead_producer）</translation>
        </message>
        <message>
            <source>The code {code} has right type {right} on {owner} land; A and C exist only on collective land (J).</source>
            <translation>代码 {code} 在 {owner} 土地上设了权利类型 {right}；A、C 只能用于集体土地（J）。</translation>
        </message>
        <message>
            <source>The holiday schedule of {year} is not known (known: {first} to {last}). Add that year's State Council holiday notice to cadastre/holidays_cn.py.</source>
            <translation>{year} 年的节假日安排未知（已知：{first} 至 {last}）。请把该年国务院办公厅节假日安排通知加入 cadastre/holidays_cn.py。</translation>
        </message>
        <message>
            <source>The input layer {name} could not be opened.</source>
            <translation>无法打开输入图层 {name}。</translation>
        </message>
        <message>
            <source>The layout template {path} could not be loaded; open it in the Layout Designer to repair it.</source>
            <translation>无法加载布局模板 {path}，请在布局设计器中打开并修复。</translation>
        </message>
        <message>
            <source>The layout template {path} does not exist.</source>
            <translation>布局模板 {path} 不存在。</translation>
        </message>
        <message>
            <source>The layout template {path} has no map item with the id '{id}'; give the map item that id in the Layout Designer (Item Properties ▸ Item ID).</source>
            <translation>布局模板 {path} 中没有 ID 为“{id}”的地图项目；请在布局设计器中为地图项目设置该 ID（项目属性 ▸ 项目 ID）。</translation>
        </message>
        <message>
            <source>The layout template {path} is not a valid QPT (XML) file; save it again from the Layout Designer.</source>
            <translation>布局模板 {path} 不是有效的 QPT（XML）文件，请在布局设计器中重新保存。</translation>
        </message>
        <message>
            <source>The notice start date {text} is not a date like 2020-06-01.</source>
            <translation>公告开始日期 {text} 不是 2020-06-01 这样的日期。</translation>
        </message>
        <message>
            <source>The parcel ({width:.1f} m × {height:.1f} m) does not fit the map frame even at 1:{scale}.</source>
            <translation>宗地（{width:.1f} m × {height:.1f} m）即使按 1:{scale} 也放不进图框。</translation>
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
            <source>The parcel geometry is a {kind}, not a polygon.</source>
            <translation>宗地几何为 {kind}，不是面。</translation>
        </message>
        <message>
            <source>The parcel geometry is empty, invalid or not a single polygon; fix it (Vector ▸ Geometry Tools ▸ Check Validity) before drawing its map.</source>
            <translation>宗地几何为空、无效或不是单个面；请修复（矢量 ▸ 几何工具 ▸ 检查有效性）后再出图。</translation>
        </message>
        <message>
            <source>The parcel geometry is invalid ({reason}); repair it before drawing its map.</source>
            <translation>宗地几何无效（{reason}），请修复后再出图。</translation>
        </message>
        <message>
            <source>The parcel has no boundary points (JZD); run homestead:boundarypoints or give the JZD layer.</source>
            <translation>该宗地没有界址点（JZD）；请运行 homestead:boundarypoints 或提供界址点图层。</translation>
        </message>
        <message>
            <source>The parcel has no geometry.</source>
            <translation>该宗地没有几何图形。</translation>
        </message>
        <message>
            <source>The parcel has {n} separate parts; a 宗地图 draws one parcel. Split it into parcels with their own codes, or merge the parts.</source>
            <translation>该宗地由 {n} 个分离部分组成，而一张宗地图只画一宗地。请拆分为各自编码的宗地，或合并各部分。</translation>
        </message>
        <message>
            <source>The parcels must be a layer to be drawn.</source>
            <translation>宗地必须是图层才能绘制。</translation>
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
            <source>The template lacks the item(s) {items}; their content is left out.</source>
            <translation>模板缺少项目 {items}，相应内容未输出。</translation>
        </message>
        <message>
            <source>The template's map item is not 500 mm × 500 mm; each sheet is drawn at 1:{scale} around its centre.</source>
            <translation>模板中的地图项目不是 500 mm × 500 mm；各图幅按 1:{scale} 以图幅中心绘制。</translation>
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
            <source>There are no buildings to draw.</source>
            <translation>没有可绘制的房屋。</translation>
        </message>
        <message>
            <source>Working days</source>
            <translation>工作日</translation>
        </message>
        <message>
            <source>XLSX and PDF</source>
            <translation>XLSX 和 PDF</translation>
        </message>
        <message>
            <source>XLSX only</source>
            <translation>仅 XLSX</translation>
        </message>
        <message>
            <source>ZDMJ is empty; the area computed from the coordinates ({area} m²) is shown.</source>
            <translation>宗地面积 ZDMJ 为空，显示按坐标计算的面积（{area} m²）。</translation>
        </message>
        <message>
            <source>an unknown CRS</source>
            <translation>未知坐标系</translation>
        </message>
        <message>
            <source>drawn</source>
            <translation>已绘制</translation>
        </message>
        <message>
            <source>drawn, with notes</source>
            <translation>已绘制（有提示）</translation>
        </message>
        <message>
            <source>export error {code}</source>
            <translation>导出错误 {code}</translation>
        </message>
        <message>
            <source>feature {fid}</source>
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
            <source>not drawn</source>
            <translation>未绘制</translation>
        </message>
        <message>
            <source>{alg} failed; see the log above.</source>
            <translation>{alg} 运行失败，详见上方日志。</translation>
        </message>
        <message>
            <source>{drawn} pages drawn, {failed} not drawn; report: {report}</source>
            <translation>已绘制 {drawn} 页，未绘制 {failed} 页；报告：{report}</translation>
        </message>
        <message>
            <source>{n} map sheets at 1:{scale}.</source>
            <translation>1:{scale} 图幅 {n} 幅。</translation>
        </message>
        <message>
            <source>{village}: {n} parcels, notice from {start} to {end}.</source>
            <translation>{village}：{n} 宗，公告期 {start} 至 {end}。</translation>
        </message>
        <message>
            <source>{what} {key} was not drawn: {why}</source>
            <translation>{what} {key} 未绘制：{why}</translation>
        </message>
    </context>
</TS>
