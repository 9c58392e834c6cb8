<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
    <context>
        <name>HomesteadCadastre</name>
        <message>
            <source>(not recorded)</source>
            <translation>（未记录）</translation>
        </message>
        <message>
            <source>A drawing process failed (exit {code}):
{output}</source>
            <translation>出图进程失败（退出码 {code}）：
{output}</translation>
        </message>
        <message>
            <source>A house of the parcel (row {row} of the buildings layer) is left out of the house sheet: its 自然幢号 (ZRZH) is empty; number it with homestead:unitcodes.</source>
            <translation>宗地内的一幢房屋（自然幢图层第 {row} 行）未列入房屋情况表：其自然幢号（ZRZH）为空；请用“幢号、户号和不动产单元号”工具编号。</translation>
        </message>
        <message>
            <source>A parcel list is only read with a CASS .dat file; {path} is read as a table. Choose the CASS format.</source>
            <translation>宗地点号表仅用于 CASS .dat 文件；{path} 按表格读取。请选择 CASS 格式。</translation>
        </message>
        <message>
            <source>A preset name may hold letters, digits, - and _ only: {name}.</source>
            <translation>预设名称只能包含字母、数字、- 和 _：{name}。</translation>
        </message>
        <message>
            <source>Administrative codes it is for (e.g. 430381; several separated by commas; empty: those of the copied profile)</source>
            <translation>适用的行政区划代码（如 430381；多个用逗号分隔；为空时沿用被复制配置的代码）</translation>
        </message>
        <message>
            <source>Algorithm {name} is unavailable: {error}</source>
            <translation>工具 {name} 不可用：{error}</translation>
        </message>
        <message>
            <source>All classes</source>
            <translation>全部类别</translation>
        </message>
        <message>
            <source>All states</source>
            <translation>全部状态</translation>
        </message>
        <message>
            <source>All villages</source>
            <translation>全部村</translation>
        </message>
        <message>
            <source>All villages ({n} parcels)</source>
            <translation>全部村（{n} 宗）</translation>
        </message>
        <message>
            <source>Area accuracy grade for the tolerance ΔS</source>
            <translation>面积限差 ΔS 的精度等级</translation>
        </message>
        <message>
            <source>Area calculation workbook (面积计算表)</source>
            <translation>面积计算表</translation>
        </message>
        <message>
            <source>Area m²</source>
            <translation>面积 m²</translation>
        </message>
        <message>
            <source>Area name printed under the title (e.g. village)</source>
            <translation>标题下方的地名（如村名）</translation>
        </message>
        <message>
            <source>Area of the parcel's geometry on the layer's plane (m²), to compare with ZDMJ</source>
            <translation>宗地图形在图层平面坐标系中的面积（m²），用于与宗地面积比对</translation>
        </message>
        <message>
            <source>Area parts (MJBF)</source>
            <translation>面积部位（MJBF）</translation>
        </message>
        <message>
            <source>Area parts (MJBF) on the floors, hatched with their coefficient</source>
            <translation>层上的面积部位（MJBF），加晕线并注明计算系数</translation>
        </message>
        <message>
            <source>Area parts (MJBF: balconies, corridors…)</source>
            <translation>面积部位（MJBF：阳台、挑廊等）</translation>
        </message>
        <message>
            <source>Area parts of {floor} lie on no floor of {layer} (no C row with ZRZH {zrzh} and CH {ch}); they were not counted.</source>
            <translation>{floor} 的面积部位不在 {layer} 的任何层上（没有 ZRZH 为 {zrzh}、CH 为 {ch} 的层），未计算面积。</translation>
        </message>
        <message>
            <source>Area parts with coefficients</source>
            <translation>带计算系数的面积部位</translation>
        </message>
        <message>
            <source>Area recorded by the survey (DCMJ); the parcel area has not been computed yet</source>
            <translation>调查记载面积（DCMJ）；尚未计算宗地面积</translation>
        </message>
        <message>
            <source>Area summary (面积汇总表)</source>
            <translation>面积汇总表</translation>
        </message>
        <message>
            <source>Area summary PDF</source>
            <translation>面积汇总表 PDF</translation>
        </message>
        <message>
            <source>Area summary workbook</source>
            <translation>面积汇总表工作簿</translation>
        </message>
        <message>
            <source>Areas and boundaries</source>
            <translation>面积与界址</translation>
        </message>
        <message>
            <source>Areas and farmland</source>
            <translation>面积与永久基本农田</translation>
        </message>
        <message>
            <source>Automatic (.dat in CASS form: CASS, else table)</source>
            <translation>自动（符合 CASS 格式的 .dat 按 CASS，否则按表格）</translation>
        </message>
        <message>
            <source>Automatic: in the database when that spares reading layers from another machine</source>
            <translation>自动：当可免于从另一台机器读取图层时在数据库中计算</translation>
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
            <source>Base-map buildings (DXT_FW)</source>
            <translation>地形图房屋（DXT_FW）</translation>
        </message>
        <message>
            <source>Boundary line class (JZXLB)</source>
            <translation>界址线类别（JZXLB）</translation>
        </message>
        <message>
            <source>Boundary line nature (JXXZ)</source>
            <translation>界线性质（JXXZ）</translation>
        </message>
        <message>
            <source>Boundary line position (JZXWZ)</source>
            <translation>界址线位置（JZXWZ）</translation>
        </message>
        <message>
            <source>Boundary lines (JZX)</source>
            <translation>界址线（JZX）</translation>
        </message>
        <message>
            <source>Boundary point table (one sheet per parcel)</source>
            <translation>界址点成果表（每宗地一个工作表）</translation>
        </message>
        <message>
            <source>Boundary point table (界址点成果表)</source>
            <translation>界址点成果表</translation>
        </message>
        <message>
            <source>Boundary point table as CSV</source>
            <translation>界址点成果表 CSV</translation>
        </message>
        <message>
            <source>Boundary point type (JZDLX)</source>
            <translation>界址点类型（JZDLX）</translation>
        </message>
        <message>
            <source>Boundary points (JZD)</source>
            <translation>界址点（JZD）</translation>
        </message>
        <message>
            <source>Boundary points (JZD); computed when not given</source>
            <translation>界址点（JZD）；未提供时自动计算</translation>
        </message>
        <message>
            <source>Boundary points and lines (JZD, JZX, 四至)</source>
            <translation>界址点、界址线与四至</translation>
        </message>
        <message>
            <source>Boundary-point coordinate table</source>
            <translation>界址点成果表</translation>
        </message>
        <message>
            <source>Building and unit codes (幢号, 户号, 不动产单元号)</source>
            <translation>幢号、户号和不动产单元号</translation>
        </message>
        <message>
            <source>Building feature {fid} has an invalid geometry ({reason}); it was repaired for this computation. Fix it in the data (Processing ▸ Fix geometries).</source>
            <translation>房屋要素 {fid} 的几何图形无效（{reason}），本次计算时已临时修复。请在数据中修复（处理工具 ▸ 修复几何图形）。</translation>
        </message>
        <message>
            <source>Building feature {fid} has neither a measured floor area (SCJZMJ) nor a storey count (ZCS ≥ 1); the floor area of its parcel is left empty. Fill in ZCS or SCJZMJ.</source>
            <translation>房屋要素 {fid} 既无实测建筑面积（SCJZMJ）也无总层数（ZCS ≥ 1），所在宗地的建筑面积留空。请填写 ZCS 或 SCJZMJ。</translation>
        </message>
        <message>
            <source>Building feature {fid} lies on no parcel; it was not counted.</source>
            <translation>房屋要素 {fid} 不在任何宗地上，未计入。</translation>
        </message>
        <message>
            <source>Building feature {fid} names parcel {code}, which is not a single usable parcel of the layer; it was assigned by location instead.</source>
            <translation>房屋要素 {fid} 记载的宗地 {code} 在宗地图层中不存在或不唯一，改为按位置归属。</translation>
        </message>
        <message>
            <source>Building feature {fid}: its parcel code ZDDM ({code}) is not a valid 宗地代码, so it gets no 自然幢号. Fill ZDDM.</source>
            <translation>自然幢要素 {fid}：所在宗地代码 ZDDM（{code}）不是有效的宗地代码，无法编自然幢号。请填写 ZDDM。</translation>
        </message>
        <message>
            <source>Building floor areas (建筑面积)</source>
            <translation>房屋建筑面积</translation>
        </message>
        <message>
            <source>Building plans (房产平面图): a page per building, its floors' outlines where they differ</source>
            <translation>房产平面图：每幢一页，画出与基底不同的层轮廓</translation>
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
            <source>Building {zrzh} (feature {fid} of {layer}) has no floors in C; its area was left empty.</source>
            <translation>自然幢 {zrzh}（{layer} 的要素 {fid}）在层（C）中没有任何层，建筑面积留空。</translation>
        </message>
        <message>
            <source>Buildings (ZRZ)</source>
            <translation>自然幢（ZRZ）</translation>
        </message>
        <message>
            <source>Buildings (ZRZ), listed on the house sheet</source>
            <translation>自然幢（ZRZ），列入房屋情况表</translation>
        </message>
        <message>
            <source>Buildings (ZRZ); only the selected ones when 'Selected features only' is ticked</source>
            <translation>自然幢（ZRZ）；勾选“仅选中要素”时只出选中房屋</translation>
        </message>
        <message>
            <source>Buildings with areas</source>
            <translation>带建筑面积的自然幢</translation>
        </message>
        <message>
            <source>Buildings with codes</source>
            <translation>带代码的自然幢</translation>
        </message>
        <message>
            <source>Built {n} parcels; {rejected} rejected (see the messages above).</source>
            <translation>生成 {n} 宗地；{rejected} 宗未生成（见以上信息）。</translation>
        </message>
        <message>
            <source>CASS .dat (点名,编码,Y east,X north,H)</source>
            <translation>CASS .dat（点名,编码,Y 东,X 北,H）</translation>
        </message>
        <message>
            <source>CASS files write Y (east) before X (north); this file has them the other way round.</source>
            <translation>CASS 文件先写 Y（东）后写 X（北）；本文件顺序相反。</translation>
        </message>
        <message>
            <source>CASS: parcel list (parcel code, point names in boundary order; empty: 编码 column holds the parcel code)</source>
            <translation>CASS：宗地点号表（宗地代码、按界址顺序的点名；为空：编码列即宗地代码）</translation>
        </message>
        <message>
            <source>CRS of the coordinates (empty: from the zone number in the eastings)</source>
            <translation>坐标所在坐标系（留空：按横坐标中的带号确定）</translation>
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
            <source>CSV files (*.csv)</source>
            <translation>CSV 文件 (*.csv)</translation>
        </message>
        <message>
            <source>Cadastral survey form</source>
            <translation>权籍调查表</translation>
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
            <source>Cannot tell which column holds the {what}; name it in the parameters. First row: {row}.</source>
            <translation>无法判断哪一列是{what}，请在参数中指定。第一行：{row}。</translation>
        </message>
        <message>
            <source>Changed parcels</source>
            <translation>变更宗地数</translation>
        </message>
        <message>
            <source>Check a delivery database</source>
            <translation>检查交付数据库</translation>
        </message>
        <message>
            <source>Check survey quality and conflicts</source>
            <translation>调查成果质量与冲突检查</translation>
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
            <source>Checking on {crs}.</source>
            <translation>在 {crs} 上检查。</translation>
        </message>
        <message>
            <source>Choose at least one output: the workbook, a folder or the CSV.</source>
            <translation>请至少选择一项输出：工作簿、文件夹或 CSV。</translation>
        </message>
        <message>
            <source>Choose class {lb} for {zddm}</source>
            <translation>将 {zddm} 改判为第{lb}类</translation>
        </message>
        <message>
            <source>Choose this class</source>
            <translation>改判为此类</translation>
        </message>
        <message>
            <source>Choose where to create the survey: a GeoPackage file, or a PostGIS database and a schema.</source>
            <translation>请选择在哪里新建调查库：GeoPackage 文件，或 PostGIS 数据库及模式（schema）。</translation>
        </message>
        <message>
            <source>Class</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Class decision</source>
            <translation>分类决定</translation>
        </message>
        <message>
            <source>Class {lb}</source>
            <translation>{lb}类</translation>
        </message>
        <message>
            <source>Class {lb} does not exist; choose class 1, 2 or 3.</source>
            <translation>类别 {lb} 不存在；请选择第1、2或3类。</translation>
        </message>
        <message>
            <source>Classes</source>
            <translation>类别</translation>
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
            <source>Classes: 1: {c1}, 2: {c2}, 3: {c3}, 0 (facts missing): {c0}.</source>
            <translation>分类结果：1 类 {c1}，2 类 {c2}，3 类 {c3}，0 类（待补充信息）{c0}。</translation>
        </message>
        <message>
            <source>Classification done: {n} suggestions taken; reviewed parcels were left as they are.</source>
            <translation>分类完成：采用了 {n} 条建议；已审核的宗地保持不变。</translation>
        </message>
        <message>
            <source>Classified</source>
            <translation>已分类</translation>
        </message>
        <message>
            <source>Classified parcels</source>
            <translation>分类后的宗地</translation>
        </message>
        <message>
            <source>Classify parcels</source>
            <translation>分类</translation>
        </message>
        <message>
            <source>Classify parcels (three classes)</source>
            <translation>宗地分类（三类）</translation>
        </message>
        <message>
            <source>Classifying… {percent:.0f}%</source>
            <translation>正在分类… {percent:.0f}%</translation>
        </message>
        <message>
            <source>Closed polyline(s) made into a polygon.</source>
            <translation>闭合多段线已转为面。</translation>
        </message>
        <message>
            <source>Closed polylines {ids} inside it were taken as its holes.</source>
            <translation>其内部的闭合多段线 {ids} 作为其孔洞。</translation>
        </message>
        <message>
            <source>Code or holder</source>
            <translation>宗地代码或权利人</translation>
        </message>
        <message>
            <source>Colour the parcels by class, with a Chinese legend</source>
            <translation>按类别为宗地着色，图例为中文</translation>
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
            <source>Columns matched with the preset {preset} (the usual Chinese headers).</source>
            <translation>按预设 {preset}（常用中文表头）对应字段。</translation>
        </message>
        <message>
            <source>Columns not imported (no matching field): {columns}.</source>
            <translation>未导入的列（无对应字段）：{columns}。</translation>
        </message>
        <message>
            <source>Completed land-use approval</source>
            <translation>补办的用地审批手续</translation>
        </message>
        <message>
            <source>Confirm suggestion</source>
            <translation>确认建议</translation>
        </message>
        <message>
            <source>Confirm the class of {zddm}</source>
            <translation>确认 {zddm} 的类别</translation>
        </message>
        <message>
            <source>Confirm the suggested class (Ctrl+Return)</source>
            <translation>确认建议的类别（Ctrl+回车）</translation>
        </message>
        <message>
            <source>Confirmed decisions kept</source>
            <translation>保留的已审核结果</translation>
        </message>
        <message>
            <source>Confirmed the suggested class</source>
            <translation>确认分类建议</translation>
        </message>
        <message>
            <source>Coordinate file (CSV, TXT or XLSX: parcel code, point number, X, Y; or CASS .dat)</source>
            <translation>坐标文件（CSV、TXT 或 XLSX：宗地代码、点号、X、Y；或 CASS .dat）</translation>
        </message>
        <message>
            <source>Coordinate files (*.csv *.txt *.dat *.xlsx);;All files (*.*)</source>
            <translation>坐标文件 (*.csv *.txt *.dat *.xlsx);;所有文件 (*.*)</translation>
        </message>
        <message>
            <source>Copy a policy profile</source>
            <translation>复制政策配置</translation>
        </message>
        <message>
            <source>Could not append to the audit table SHJL of {path}: {error}. The decisions just saved have no audit record; note them by hand.</source>
            <translation>无法向 {path} 的审核记录表 SHJL 追加记录：{error}。刚保存的决定没有审核记录，请手工登记。</translation>
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
            <source>Could not read or write {path}: {reason}. Check that the file or folder exists, is of the kind asked for and is readable and writable, and that the disk has free space.</source>
            <translation>无法读写 {path}：{reason}。请检查该文件或文件夹是否存在、类型是否正确、是否可读写，以及磁盘是否有剩余空间。</translation>
        </message>
        <message>
            <source>Could not store the project in schema {schema}.</source>
            <translation>无法将工程保存到模式 {schema} 中。</translation>
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
            <source>Could not write the features to the output: {error}</source>
            <translation>无法将要素写入输出：{error}</translation>
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
            <source>Counties not covered by the policy profile (code: parcels)</source>
            <translation>不在政策配置适用地区内的县（区）（代码：宗地数）</translation>
        </message>
        <message>
            <source>Create survey project</source>
            <translation>新建调查工程</translation>
        </message>
        <message>
            <source>Create the team roles (reviewer, surveyor, read-only) and grant them</source>
            <translation>创建团队角色（审核员、调查员、只读）并授予权限</translation>
        </message>
        <message>
            <source>Created schema {schema} ({n} layers, {crs}) and the project {project}.</source>
            <translation>已新建模式 {schema}（{n} 个图层，{crs}）及工程 {project}。</translation>
        </message>
        <message>
            <source>Created {path} ({n} layers, {crs}) and {project}.</source>
            <translation>已新建 {path}（{n} 个图层，{crs}）和工程 {project}。</translation>
        </message>
        <message>
            <source>DXF file</source>
            <translation>DXF 文件</translation>
        </message>
        <message>
            <source>DXF files (*.dxf)</source>
            <translation>DXF 文件 (*.dxf)</translation>
        </message>
        <message>
            <source>Date of the progress report (YYYY-MM-DD; default: today)</source>
            <translation>进度统计日期（YYYY-MM-DD；默认今天）</translation>
        </message>
        <message>
            <source>Deleted parcels</source>
            <translation>删除宗地数</translation>
        </message>
        <message>
            <source>Delivering {layers} in EPSG:{epsg}.</source>
            <translation>交付 {layers}，坐标系 EPSG:{epsg}。</translation>
        </message>
        <message>
            <source>Delivery complete (self-check passed)</source>
            <translation>交付完整（自检通过）</translation>
        </message>
        <message>
            <source>Delivery folder</source>
            <translation>交付文件夹</translation>
        </message>
        <message>
            <source>Delivery folder (written by homestead:exportdelivery)</source>
            <translation>交付文件夹（由 homestead:exportdelivery 写出）</translation>
        </message>
        <message>
            <source>Documents received for first registration</source>
            <translation>首次登记收件清单</translation>
        </message>
        <message>
            <source>Documents received for {zddm}</source>
            <translation>{zddm} 的收件清单</translation>
        </message>
        <message>
            <source>Drafter 制图者 (default: @homestead_drafter)</source>
            <translation>制图者（默认 @homestead_drafter）</translation>
        </message>
        <message>
            <source>Drawing</source>
            <translation>图件</translation>
        </message>
        <message>
            <source>Drawing date (default: @homestead_draw_date, else today)</source>
            <translation>制图日期（默认 @homestead_draw_date，否则为今天）</translation>
        </message>
        <message>
            <source>Drawing scale (text heights: 2 mm on paper)</source>
            <translation>成图比例尺（字高：图上 2 mm）</translation>
        </message>
        <message>
            <source>Drawing {n} pages in {k} processes.</source>
            <translation>用 {k} 个进程绘制 {n} 页。</translation>
        </message>
        <message>
            <source>Edit {field} of {zddm}</source>
            <translation>修改 {zddm} 的{field}</translation>
        </message>
        <message>
            <source>Eligibility</source>
            <translation>三类划分</translation>
        </message>
        <message>
            <source>Enter the reviewer's name at the top of the review panel: every decision records who made it.</source>
            <translation>请在审核面板顶部填写审核人姓名：每项决定都会记录审核人。</translation>
        </message>
        <message>
            <source>Every listed parcel has been reviewed.</source>
            <translation>列表中的宗地均已审核。</translation>
        </message>
        <message>
            <source>Every parcel of this notice passed the checks (reviewed, valid unique code, no error).</source>
            <translation>本公告的宗地均通过检查（已审核、代码正确且不重复、无质检错误）。</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <source>Export the agriculture share (masked)</source>
            <translation>导出农业农村部门共享数据（脱敏）</translation>
        </message>
        <message>
            <source>Export the delivery database</source>
            <translation>导出交付数据库</translation>
        </message>
        <message>
            <source>Export to DXF for CAD (宗地, 房屋, 界址点, 界址线, 注记)</source>
            <translation>导出 DXF 供 CAD 使用（宗地、房屋、界址点、界址线、注记）</translation>
        </message>
        <message>
            <source>Fact {field} changed to {value}; suggestion renewed</source>
            <translation>{field} 改为 {value}；已重新生成建议</translation>
        </message>
        <message>
            <source>Facts missing</source>
            <translation>待补充</translation>
        </message>
        <message>
            <source>Farmland overlap ignored up to (m²; empty: the profile's value)</source>
            <translation>忽略的农田重叠面积上限（平方米；为空时取政策配置的值）</translation>
        </message>
        <message>
            <source>Farmland overlaps (JBNTTH, from homestead:farmlandoverlay)</source>
            <translation>永久基本农田套合结果（JBNTTH，来自 homestead:farmlandoverlay）</translation>
        </message>
        <message>
            <source>Farmland overlay computed in the database.</source>
            <translation>永久基本农田套合已在数据库中计算。</translation>
        </message>
        <message>
            <source>Farmland patch id field</source>
            <translation>农田图斑编号字段</translation>
        </message>
        <message>
            <source>Feature ids must be whole numbers separated by commas (e.g. 1,5,12), not “{text}”.</source>
            <translation>要素编号应为以逗号分隔的整数（例如 1,5,12），而不是“{text}”。</translation>
        </message>
        <message>
            <source>Feature {fid} lies on {n} sheets; TFH holds {width} characters, so it keeps the sheet with the largest part: {tfh}.</source>
            <translation>要素 {fid} 跨 {n} 个图幅；TFH 只能容纳 {width} 个字符，只保留面积最大的图幅：{tfh}。</translation>
        </message>
        <message>
            <source>Feature {fid} of layer {layer}: field {field} holds “{value}”, which is not a number. Correct the value (or empty it), or make {field} a numeric field.</source>
            <translation>图层 {layer} 的要素 {fid}：字段 {field} 的值“{value}”不是数字。请改正（或清空）该值，或把 {field} 改为数值字段。</translation>
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
            <source>Feature {fid} of {layer} has a vertex whose coordinates are not finite numbers (NaN or infinity); it was left out. Correct or delete that vertex (Vertex Tool) and run again.</source>
            <translation>图层 {layer} 的要素 {fid} 有坐标不是有限数值（NaN 或无穷大）的节点，已不参与计算。请用节点工具改正或删除该节点后重新运行。</translation>
        </message>
        <message>
            <source>Feature {fid} of {layer} has an invalid polygon ({reason}); its area is not used and it stays in class 0. Repair it (Vector ▸ Geometry Tools ▸ Fix Geometries) and classify again.</source>
            <translation>{layer} 的要素 {fid} 图形无效（{reason}），不使用其面积，该宗地为 0 类。请修复（矢量 ▸ 几何工具 ▸ 修复几何图形）后重新分类。</translation>
        </message>
        <message>
            <source>Feature {fid} of {layer} has curved edges; they were replaced by straight segments (1° of arc each) for this computation.</source>
            <translation>图层 {layer} 的要素 {fid} 含曲线边；本次计算中已用直线段代替（每段 1° 弧）。</translation>
        </message>
        <message>
            <source>Feature {fid} of {layer} has no geometry.</source>
            <translation>图层 {layer} 的要素 {fid} 没有几何图形。</translation>
        </message>
        <message>
            <source>Feature {fid} of {layer} is a geometry collection; only its lines were used. Split or clean it (Vector ▸ Geometry Tools ▸ Multipart to Singleparts) to keep the rest.</source>
            <translation>{layer} 的要素 {fid} 是几何集合，只使用了其中的线。要保留其余部分，请拆分或清理该要素（矢量 ▸ 几何工具 ▸ 多部件转为单部件）。</translation>
        </message>
        <message>
            <source>Feature {fid} of {layer} is a geometry collection; only its points were used. Split or clean it (Vector ▸ Geometry Tools ▸ Multipart to Singleparts) to keep the rest.</source>
            <translation>{layer} 的要素 {fid} 是几何集合，只使用了其中的点。要保留其余部分，请拆分或清理该要素（矢量 ▸ 几何工具 ▸ 多部件转为单部件）。</translation>
        </message>
        <message>
            <source>Feature {fid} of {layer} is a geometry collection; only its polygons were used. Split or clean it (Vector ▸ Geometry Tools ▸ Multipart to Singleparts) to keep the rest.</source>
            <translation>{layer} 的要素 {fid} 是几何集合，只使用了其中的面。要保留其余部分，请拆分或清理该要素（矢量 ▸ 几何工具 ▸ 多部件转为单部件）。</translation>
        </message>
        <message>
            <source>Field check record and photos</source>
            <translation>实地查看记录表及实景照片</translation>
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
            <source>Field {layer}.{field} has length {found}; the dictionary says {expected}.</source>
            <translation>字段 {layer}.{field} 长度为 {found}，数据字典规定为 {expected}。</translation>
        </message>
        <message>
            <source>Field {layer}.{field} is of type {found}; the dictionary says {expected}.</source>
            <translation>字段 {layer}.{field} 类型为 {found}，数据字典规定为 {expected}。</translation>
        </message>
        <message>
            <source>Field-mapping preset (name or .json path; empty: match names and Chinese aliases)</source>
            <translation>字段对应预设（名称或 .json 路径；留空：按字段名和中文别名匹配）</translation>
        </message>
        <message>
            <source>File Geodatabase and shapefiles</source>
            <translation>File Geodatabase 和 Shapefile</translation>
        </message>
        <message>
            <source>File Geodatabase only</source>
            <translation>仅 File Geodatabase</translation>
        </message>
        <message>
            <source>File format</source>
            <translation>文件格式</translation>
        </message>
        <message>
            <source>Files</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>Flash the parcel on the map</source>
            <translation>在地图上闪烁显示宗地</translation>
        </message>
        <message>
            <source>Floor {floor}: area part {fid} ({kind}) has a missing or invalid polygon; it was not counted.</source>
            <translation>层 {floor}：面积部位 {fid}（{kind}）的图形缺失或无效，未计算面积。</translation>
        </message>
        <message>
            <source>Floor {floor}: area part {fid} has XS = {xs}; a coefficient is between 0 and 1. The profile's value was used.</source>
            <translation>层 {floor}：面积部位 {fid} 的计算系数 XS = {xs}，系数应在 0 到 1 之间；已改用政策配置中的系数。</translation>
        </message>
        <message>
            <source>Floor {floor}: area part {fid} has the type BWLX = {kind}, which is none of {types}; it was not counted.</source>
            <translation>层 {floor}：面积部位 {fid} 的部位类型 BWLX = {kind}，不是 {types} 之一，未计算面积。</translation>
        </message>
        <message>
            <source>Floor {floor}: area part {fid} is of type QT (other) without a coefficient XS; it was counted with {xs}. Give XS (0, 0.5 or 1) on the part.</source>
            <translation>层 {floor}：面积部位 {fid} 的类型为 QT（其他），没有填写计算系数 XS，已按 {xs} 计算。请在该部位填写 XS（0、0.5 或 1）。</translation>
        </message>
        <message>
            <source>Floor {floor}: the floor outline (C) is missing or invalid; its area is unknown. Repair it and run again.</source>
            <translation>层 {floor}：层轮廓（C）缺失或无效，面积无法计算。请修复后重新运行。</translation>
        </message>
        <message>
            <source>Floor {floor}: {overlap:.2f} m² of area part {fid} ({kind}) lie on the floor outline or on another part and were counted there, not again.</source>
            <translation>层 {floor}：面积部位 {fid}（{kind}）有 {overlap:.2f} 平方米与层轮廓或其他部位重叠，已在那里计算，不重复计算。</translation>
        </message>
        <message>
            <source>Floors</source>
            <translation>层</translation>
        </message>
        <message>
            <source>Floors (C)</source>
            <translation>层（C）</translation>
        </message>
        <message>
            <source>Floors (C): a map per building and distinct floor outline</source>
            <translation>层（C）：每幢每种不同的层轮廓出一张图</translation>
        </message>
        <message>
            <source>Floors with areas</source>
            <translation>带建筑面积的层</translation>
        </message>
        <message>
            <source>Floors {floor} appear twice in {layer} (feature {fid}); the area parts count with the first.</source>
            <translation>层 {floor} 在 {layer} 中重复（要素 {fid}），面积部位计入第一个。</translation>
        </message>
        <message>
            <source>Folder for one workbook per parcel</source>
            <translation>每宗地一个工作簿的输出文件夹</translation>
        </message>
        <message>
            <source>Folder for one workbook per village (地籍子区)</source>
            <translation>每村（地籍子区）一个工作簿的输出文件夹</translation>
        </message>
        <message>
            <source>Follow on the map: pan to and flash the parcel you select</source>
            <translation>地图跟随：平移至所选宗地并闪烁显示</translation>
        </message>
        <message>
            <source>Font in the cells (e.g. 宋体, Noto Sans CJK SC)</source>
            <translation>单元格字体（如 宋体、Noto Sans CJK SC）</translation>
        </message>
        <message>
            <source>Formats</source>
            <translation>格式</translation>
        </message>
        <message>
            <source>Forms written</source>
            <translation>已输出调查表数</translation>
        </message>
        <message>
            <source>GDAL cannot open {path}.</source>
            <translation>GDAL 无法打开 {path}。</translation>
        </message>
        <message>
            <source>GDAL could not create the DXF file {path}.</source>
            <translation>GDAL 无法创建 DXF 文件 {path}。</translation>
        </message>
        <message>
            <source>GDAL could not write an entity on layer {layer} of {path}.</source>
            <translation>GDAL 无法在 {path} 的图层 {layer} 上写入图元。</translation>
        </message>
        <message>
            <source>GeoPackage (*.gpkg)</source>
            <translation>GeoPackage 文件 (*.gpkg)</translation>
        </message>
        <message>
            <source>Geometry area</source>
            <translation>图形面积</translation>
        </message>
        <message>
            <source>Geometry from the WKT column {column}.</source>
            <translation>图形取自 WKT 列 {column}。</translation>
        </message>
        <message>
            <source>Give either a survey GeoPackage or a PostGIS database, not both.</source>
            <translation>请只指定调查 GeoPackage 或 PostGIS 数据库之一，不能同时指定。</translation>
        </message>
        <message>
            <source>Give the name of the new schema for the survey in the database, e.g. louxing_2020.</source>
            <translation>请给出数据库中用于本次调查的新模式名称，例如 louxing_2020。</translation>
        </message>
        <message>
            <source>Give the reason for choosing another class for parcel {zddm}: it is written to the audit trail.</source>
            <translation>请填写宗地 {zddm} 改判的理由：理由将写入审核记录。</translation>
        </message>
        <message>
            <source>Go to the next parcel not yet reviewed (F8; Shift+F8 goes back)</source>
            <translation>转到下一宗待审核的宗地（F8；Shift+F8 返回上一宗）</translation>
        </message>
        <message>
            <source>Grade 1: 0.02√S + 0.0006S</source>
            <translation>一级：0.02√S + 0.0006S</translation>
        </message>
        <message>
            <source>Grade 2: 0.04√S + 0.002S</source>
            <translation>二级：0.04√S + 0.002S</translation>
        </message>
        <message>
            <source>Grade 3: 0.08√S + 0.006S</source>
            <translation>三级：0.08√S + 0.006S</translation>
        </message>
        <message>
            <source>Here, in QGIS</source>
            <translation>在本机 QGIS 中计算</translation>
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
            <source>House</source>
            <translation>房屋</translation>
        </message>
        <message>
            <source>House diagram</source>
            <translation>房产图</translation>
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
            <source>House maps (房产分户图): a page per floor plan</source>
            <translation>房产分户图：每种层平面一页</translation>
        </message>
        <message>
            <source>House survey forms (房屋基本信息调查表)</source>
            <translation>房屋基本信息调查表</translation>
        </message>
        <message>
            <source>House: measured floor area field (SCJZMJ)</source>
            <translation>房屋：实测建筑面积字段（SCJZMJ）</translation>
        </message>
        <message>
            <source>House: parcel code field</source>
            <translation>房屋：宗地代码字段</translation>
        </message>
        <message>
            <source>House: storeys field (ZCS)</source>
            <translation>房屋：总层数字段（ZCS）</translation>
        </message>
        <message>
            <source>House: structure field (FWJG)</source>
            <translation>房屋：结构字段（FWJG）</translation>
        </message>
        <message>
            <source>Household / building</source>
            <translation>户/幢</translation>
        </message>
        <message>
            <source>Household and inheritance certificates (police station)</source>
            <translation>派出所户籍及继承证明材料</translation>
        </message>
        <message>
            <source>Household feature {fid} of {layer}: its ZRZH “{code}” names no building, and it lies in {n} buildings; it gets no unit code.</source>
            <translation>{layer} 的户要素 {fid}：自然幢号“{code}”不对应任何自然幢，且位于 {n} 幢房屋内，无法编不动产单元号。</translation>
        </message>
        <message>
            <source>Household feature {fid}: its building code ZRZH ({code}) is not a valid 自然幢号 (ZDDM + F + 4 digits); it gets no 不动产单元号. Number the buildings first.</source>
            <translation>户要素 {fid}：自然幢号 ZRZH（{code}）无效（应为宗地代码 + F + 4 位幢号），无法编不动产单元号。请先编自然幢号。</translation>
        </message>
        <message>
            <source>Household register (copy)</source>
            <translation>户口簿（复印件）</translation>
        </message>
        <message>
            <source>Household units (H)</source>
            <translation>户（H）</translation>
        </message>
        <message>
            <source>Households</source>
            <translation>户</translation>
        </message>
        <message>
            <source>Households (H)</source>
            <translation>户（H）</translation>
        </message>
        <message>
            <source>Households (H) on the floors, with their areas</source>
            <translation>层上的户（H），注明户建筑面积</translation>
        </message>
        <message>
            <source>Households (H): a form per household</source>
            <translation>户（H）：每户一份调查表</translation>
        </message>
        <message>
            <source>Households of {floor} in {layer} lie on no floor of C; their outlines were counted in full, without area parts.</source>
            <translation>{layer} 中 {floor} 的户不在层（C）的任何层上，按户轮廓全部计算，不含面积部位。</translation>
        </message>
        <message>
            <source>Households with areas</source>
            <translation>带建筑面积的户</translation>
        </message>
        <message>
            <source>Households with codes</source>
            <translation>带代码的户</translation>
        </message>
        <message>
            <source>Houses</source>
            <translation>房屋</translation>
        </message>
        <message>
            <source>Houses (ZRZ)</source>
            <translation>房屋（ZRZ）</translation>
        </message>
        <message>
            <source>Houses (ZRZ) for the floor area</source>
            <translation>计算建筑面积的房屋（ZRZ）</translation>
        </message>
        <message>
            <source>Houses ({n})</source>
            <translation>房屋（{n}）</translation>
        </message>
        <message>
            <source>Houses are assigned by location: each parcel gets the part of a footprint inside it.</source>
            <translation>房屋按位置归属：每宗地计入房屋基底落在其内的部分。</translation>
        </message>
        <message>
            <source>Houses built after 2008 without planning documents (15 days): JFNF ≥ 2008</source>
            <translation>2008 年后建设、无规划材料的房屋（15 日）：JFNF ≥ 2008</translation>
        </message>
        <message>
            <source>Houses with a parcel code in {field} count for that parcel; the others by location (the part of the footprint inside each parcel).</source>
            <translation>在 {field} 中记有宗地代码的房屋计入该宗地；其余按位置归属（每宗地计入落在其内的基底部分）。</translation>
        </message>
        <message>
            <source>Houses without a form</source>
            <translation>未生成调查表的房屋</translation>
        </message>
        <message>
            <source>ID card of the right holder (copy)</source>
            <translation>权利人身份证（复印件）</translation>
        </message>
        <message>
            <source>ID numbers masked</source>
            <translation>已脱敏证件号数</translation>
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
            <source>In the database whenever the inputs are PostGIS tables of one database</source>
            <translation>只要输入是同一数据库中的 PostGIS 表，就在数据库中计算</translation>
        </message>
        <message>
            <source>Include this project's extension fields (File Geodatabase only)</source>
            <translation>包含本项目扩展字段（仅 File Geodatabase）</translation>
        </message>
        <message>
            <source>Inquiry record</source>
            <translation>询问记录</translation>
        </message>
        <message>
            <source>Invalid geometry ({reason}) repaired; area {before:.2f} → {after:.2f} m².</source>
            <translation>已修复无效图形（{reason}）；面积 {before:.2f} → {after:.2f} 平方米。</translation>
        </message>
        <message>
            <source>Issued by (公告单位)</source>
            <translation>公告单位</translation>
        </message>
        <message>
            <source>Issues</source>
            <translation>问题</translation>
        </message>
        <message>
            <source>Issues found by the checks</source>
            <translation>质检问题</translation>
        </message>
        <message>
            <source>Issues found by the checks ({n})</source>
            <translation>质检问题（{n}）</translation>
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
            <source>Layer {layer} ({path}) has no .cpg and its text is {encoding}, but the layer reads it as {current}: its names will come out garbled. Set Layer Properties ▸ Source ▸ Data source encoding to {encoding}, or add a {stem}.cpg file holding {encoding}.</source>
            <translation>图层 {layer}（{path}）没有 .cpg 文件，其文字为 {encoding} 编码，但图层按 {current} 读取：名称会成为乱码。请在 图层属性 ▸ 源 ▸ 数据源编码 中设为 {encoding}，或添加内容为 {encoding} 的 {stem}.cpg 文件。</translation>
        </message>
        <message>
            <source>Layer {layer} cannot be edited (read-only file or provider), so the decision was not written.</source>
            <translation>图层 {layer} 不可编辑（文件或数据源只读），决定未写入。</translation>
        </message>
        <message>
            <source>Layer {layer} has no coordinate reference system. Set its CRS (Layer Properties ▸ Source) to the survey's CGCS2000 3° zone before measuring.</source>
            <translation>图层 {layer} 没有坐标参照系。请先在“图层属性 ▸ 源”中将其设为调查所用的 CGCS2000 3 度带，再进行量算。</translation>
        </message>
        <message>
            <source>Layer {layer} has no field {field} ({alias}).</source>
            <translation>图层 {layer} 缺少字段 {field}（{alias}）。</translation>
        </message>
        <message>
            <source>Layer {layer} has no parcel geometry to put on map sheets.</source>
            <translation>图层 {layer} 没有可分幅的宗地几何。</translation>
        </message>
        <message>
            <source>Layer {layer} has no parcels to classify.</source>
            <translation>图层 {layer} 中没有可分类的宗地。</translation>
        </message>
        <message>
            <source>Layer {layer} holds {found} rows; the source has {expected}.</source>
            <translation>图层 {layer} 有 {found} 条记录，源数据有 {expected} 条。</translation>
        </message>
        <message>
            <source>Layer {layer} is empty: nothing to measure.</source>
            <translation>图层 {layer} 为空，没有可量算的要素。</translation>
        </message>
        <message>
            <source>Layer {layer} is in {crs} and lies at longitude {lon:.3f}°, outside China's CGCS2000 3° zones: there is no survey plane to measure it on. Check its CRS, or reproject it to a plane true to scale there (e.g. its UTM zone) first.</source>
            <translation>图层 {layer} 为 {crs}，位于经度 {lon:.3f}°，在我国 CGCS2000 3 度带之外，没有可量算的测量平面。请检查其坐标系，或先投影到当地比例准确的平面（如所在 UTM 带）。</translation>
        </message>
        <message>
            <source>Layer {layer} is in {crs}, not a CGCS2000 3° zone (EPSG:4513-4554).</source>
            <translation>图层 {layer} 的坐标系为 {crs}，不是 CGCS2000 3度带（EPSG:4513-4554）。</translation>
        </message>
        <message>
            <source>Layer {layer} is in {crs}, whose unit is not the metre; reproject it to the survey's CGCS2000 3° zone (e.g. EPSG:4525) first.</source>
            <translation>图层 {layer} 的坐标系 {crs} 单位不是米，请先投影到调查所用的 CGCS2000 3 度带（例如 EPSG:4525）。</translation>
        </message>
        <message>
            <source>Layer {layer} is measured in its own CRS {crs}.</source>
            <translation>图层 {layer} 在其自身坐标系 {crs} 中量算。</translation>
        </message>
        <message>
            <source>Layer {layer} is measured in {crs} (projected from {source}).</source>
            <translation>图层 {layer} 在 {crs} 下量算（由 {source} 投影转换）。</translation>
        </message>
        <message>
            <source>Layer {layer} is missing.</source>
            <translation>缺少图层 {layer}。</translation>
        </message>
        <message>
            <source>Layer {layer} is not in a GeoPackage, so the review panel cannot keep its audit trail (SHJL) beside it. Save the parcels into the survey GeoPackage (homestead:createproject) and review there.</source>
            <translation>图层 {layer} 不在 GeoPackage 中，审核面板无法在其旁保存审核记录（SHJL）。请将宗地保存到调查 GeoPackage（homestead:createproject）后再审核。</translation>
        </message>
        <message>
            <source>Layer {layer} lacks the field {field}. Add it, or import the data with homestead:importsurvey to map your fields onto the survey schema.</source>
            <translation>图层 {layer} 缺少字段 {field}。请添加该字段，或用 homestead:importsurvey 导入数据，把您的字段对应到调查数据库字段。</translation>
        </message>
        <message>
            <source>Layer {layer} lacks the field(s) {fields}. Add them, or import the data with homestead:importsurvey to map your fields onto the survey schema.</source>
            <translation>图层 {layer} 缺少字段 {fields}。请添加这些字段，或用 homestead:importsurvey 导入数据，将原有字段对应到调查数据库结构。</translation>
        </message>
        <message>
            <source>Layer {layer} lacks the field(s) {fields}; add them from the survey schema (homestead:createproject).</source>
            <translation>图层 {layer} 缺少字段 {fields}；请按调查数据结构（homestead:createproject）补充。</translation>
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
            <source>Layer {layer} refused the change of parcel {fid}.</source>
            <translation>图层 {layer} 拒绝了对宗地 {fid} 的修改。</translation>
        </message>
        <message>
            <source>Layer {layer}: the .cpg declares {found}, not GBK ({expected}).</source>
            <translation>图层 {layer}：.cpg 声明的编码为 {found}，不是 GBK（{expected}）。</translation>
        </message>
        <message>
            <source>Layer, sheet or CAD layer to read (empty: the only one / the first sheet / all)</source>
            <translation>要读取的图层、工作表或 CAD 图层（留空：唯一图层／第一个工作表／全部）</translation>
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
            <source>Layout template (.qpt); default: the bundled 宗地草图</source>
            <translation>布局模板（.qpt）；默认：内置的宗地草图</translation>
        </message>
        <message>
            <source>Layout template (.qpt); default: the bundled 房产分户图</source>
            <translation>布局模板（.qpt）；默认为自带的房产分户图</translation>
        </message>
        <message>
            <source>Left out of the notice: {code} ({owner}): {reasons}</source>
            <translation>未列入公告：{code}（{owner}）：{reasons}</translation>
        </message>
        <message>
            <source>Line {line} (parcel {code}, point {point}): X '{x}' or Y '{y}' is not a number; parcel {code} was not built.</source>
            <translation>第 {line} 行（宗地 {code}，点 {point}）：X“{x}”或 Y“{y}”不是数字，宗地 {code} 未生成。</translation>
        </message>
        <message>
            <source>Line {line} (point {point}): the height '{height}' is not a number; the point was read without it.</source>
            <translation>第 {line} 行（点 {point}）：高程“{height}”不是数字，该点按无高程读取。</translation>
        </message>
        <message>
            <source>Line {line} of the parcel list: expected a parcel code followed by point names, found '{text}'.</source>
            <translation>宗地点号表第 {line} 行：应为宗地代码后接点名，实际为“{text}”。</translation>
        </message>
        <message>
            <source>Line {line} of {path} cannot be read as CSV ({reason}); a cell longer than 128 KB or an unclosed quote (") is the usual cause. Correct that line of the file.</source>
            <translation>{path} 第 {line} 行无法按 CSV 读取（{reason}）；通常是某个单元格超过 128 KB 或引号（"）未闭合。请改正文件中的这一行。</translation>
        </message>
        <message>
            <source>Line {line}: '{text}' is not a CASS point (点名,编码,Y east,X north,H); the point was not read.</source>
            <translation>第 {line} 行：“{text}”不是 CASS 点（点名,编码,Y 东,X 北,H），该点未读取。</translation>
        </message>
        <message>
            <source>Line {line}: no parcel code; the row was skipped.</source>
            <translation>第 {line} 行：没有宗地代码，已跳过。</translation>
        </message>
        <message>
            <source>Logical buildings (LJZ, a table)</source>
            <translation>逻辑幢（LJZ，属性表）</translation>
        </message>
        <message>
            <source>Map scale</source>
            <translation>比例尺</translation>
        </message>
        <message>
            <source>Map scale denominator M for the tolerance ΔP = 0.0003·M·√P</source>
            <translation>限差 ΔP = 0.0003·M·√P 中的比例尺分母 M</translation>
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
            <source>Marker type (JBLX)</source>
            <translation>界标类型（JBLX）</translation>
        </message>
        <message>
            <source>Measured (勘丈) length field of the boundary lines; computed where empty</source>
            <translation>界址线的勘丈边长字段；为空处按坐标计算</translation>
        </message>
        <message>
            <source>Measured {n} parcels on {crs}: {total:.2f} m² in all.</source>
            <translation>在 {crs} 上量算 {n} 宗地，合计 {total:.2f} 平方米。</translation>
        </message>
        <message>
            <source>Messages</source>
            <translation>说明</translation>
        </message>
        <message>
            <source>Metadata file</source>
            <translation>元数据文件</translation>
        </message>
        <message>
            <source>Metadata of the previous delivery (metadata.json; empty: the one in the output folder)</source>
            <translation>上次交付的元数据（metadata.json；为空时取输出文件夹中的）</translation>
        </message>
        <message>
            <source>Minimum overlap area counted as occupation (m²)</source>
            <translation>计为占用的最小重叠面积（平方米）</translation>
        </message>
        <message>
            <source>Name field of those layers</source>
            <translation>这些图层的名称字段</translation>
        </message>
        <message>
            <source>Name of the copy (Latin letters, digits, _ and -; empty: the file's name)</source>
            <translation>副本名称（拉丁字母、数字、_ 和 -；为空时取文件名）</translation>
        </message>
        <message>
            <source>New parcels</source>
            <translation>新增宗地数</translation>
        </message>
        <message>
            <source>Next unreviewed</source>
            <translation>下一宗待审核</translation>
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
            <source>No buildings to write forms for: the layer is empty, nothing is selected, or no parcel code starts with '{prefix}'.</source>
            <translation>没有可生成调查表的房屋：图层为空、未选择要素，或没有以“{prefix}”开头的宗地代码。</translation>
        </message>
        <message>
            <source>No farmland information: give the FARMLAND layer or run the farmland overlay first (field ZYJBNTMJ). Without it no parcel can be cleared of 四(六)1 and those parcels stay in class 0.</source>
            <translation>没有永久基本农田信息：请提供 FARMLAND 图层，或先运行永久基本农田套合（字段 ZYJBNTMJ）。没有它，任何宗地都不能排除四(六)1，这些宗地为 0 类。</translation>
        </message>
        <message>
            <source>No floors recorded.</source>
            <translation>未记录层。</translation>
        </message>
        <message>
            <source>No house recorded on this parcel.</source>
            <translation>本宗地未记录房屋。</translation>
        </message>
        <message>
            <source>No house survey form was written: none of the {n} houses could have one ({reasons}). The report {report} lists every house and why.</source>
            <translation>未生成任何房屋调查表：{n} 个房屋单元都不能生成（{reasons}）。报告 {report} 列出了每个单元及原因。</translation>
        </message>
        <message>
            <source>No households recorded.</source>
            <translation>未记录户。</translation>
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
            <source>No parcel qualifies for this notice among the {n} given ({held} left out: see {report}).</source>
            <translation>给定的 {n} 宗地中没有符合本公告的宗地（{held} 宗未列入，见 {report}）。</translation>
        </message>
        <message>
            <source>No parcel selected</source>
            <translation>未选择宗地</translation>
        </message>
        <message>
            <source>No parcels to draw: the layer is empty, nothing is selected, or no code starts with '{prefix}'.</source>
            <translation>没有可处理的宗地：图层为空、没有选中要素，或没有代码以“{prefix}”开头。</translation>
        </message>
        <message>
            <source>No right holder field: the 权利人 cells stay empty.</source>
            <translation>未指定权利人字段：权利人一栏留空。</translation>
        </message>
        <message>
            <source>No rule has been applied yet.</source>
            <translation>尚未应用任何规则。</translation>
        </message>
        <message>
            <source>No survey form was written: none of the {n} parcels could have one ({reasons}{more}). The report {report} lists every parcel and why.</source>
            <translation>未生成任何权籍调查表：{n} 宗地均无法生成（{reasons}{more}）。报告 {report} 列出每宗地及原因。</translation>
        </message>
        <message>
            <source>No targets: the policy profile gives none, so only counts are shown.</source>
            <translation>无目标：政策配置未设定目标，仅显示统计数。</translation>
        </message>
        <message>
            <source>None</source>
            <translation>无</translation>
        </message>
        <message>
            <source>Not classified</source>
            <translation>未分类</translation>
        </message>
        <message>
            <source>Not classified yet</source>
            <translation>尚未分类</translation>
        </message>
        <message>
            <source>Not drawn (未出图): to be completed (待补充): {fields}.</source>
            <translation>未出图，待补充：{fields}。</translation>
        </message>
        <message>
            <source>Not written: the quality check found errors in this building ({rules}); correct them and check again.</source>
            <translation>未生成：质检发现该幢房屋有错误（{rules}）；请改正后重新检查。</translation>
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
            <source>Notice period in days (0: as the policy profile says)</source>
            <translation>公告期天数（0 为按政策配置）</translation>
        </message>
        <message>
            <source>Notice period provisional (a year's holidays not known: weekends only)</source>
            <translation>公告期为暂定（某年节假日安排未知，仅按周末计算）</translation>
        </message>
        <message>
            <source>Notice period: {days} days ({profile}).</source>
            <translation>公告期：{days} 天（{profile}）。</translation>
        </message>
        <message>
            <source>Notice start date (YYYY-MM-DD; default: today)</source>
            <translation>公告开始日期（YYYY-MM-DD；默认今天）</translation>
        </message>
        <message>
            <source>Noticed</source>
            <translation>已公告</translation>
        </message>
        <message>
            <source>Number new parcels (宗地代码)</source>
            <translation>新宗地编宗地代码</translation>
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
            <source>One map per building</source>
            <translation>每幢一图</translation>
        </message>
        <message>
            <source>One map per household (the buildings of a parcel)</source>
            <translation>每户一图（一宗地上的房屋）</translation>
        </message>
        <message>
            <source>One multi-page file is always drawn whole: nothing is skipped.</source>
            <translation>多页文件总是整体重绘：不跳过任何页面。</translation>
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
            <source>Or a PostGIS database (saved connection, service=... or connection string)</source>
            <translation>或 PostGIS 数据库（已保存的连接、service=... 或连接字符串）</translation>
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
            <source>Overlay parcels with permanent basic farmland</source>
            <translation>宗地与永久基本农田套合</translation>
        </message>
        <message>
            <source>Overlays of PostGIS inputs</source>
            <translation>PostGIS 输入的叠加计算位置</translation>
        </message>
        <message>
            <source>Ownership-source documents (originals, with receipt)</source>
            <translation>权属来源材料（原件，开具收件单）</translation>
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
            <source>PDF files (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
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
            <source>Parallel processes</source>
            <translation>并行进程数</translation>
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
            <source>Parcel and building areas</source>
            <translation>宗地与建筑面积</translation>
        </message>
        <message>
            <source>Parcel and farmland overlaps</source>
            <translation>宗地与基本农田重叠部分</translation>
        </message>
        <message>
            <source>Parcel area (ZDMJ)</source>
            <translation>宗地面积（ZDMJ）</translation>
        </message>
        <message>
            <source>Parcel area field to print (empty or NULL: computed on the plane)</source>
            <translation>注记的宗地面积字段（为空或空值：按平面坐标计算）</translation>
        </message>
        <message>
            <source>Parcel code</source>
            <translation>宗地代码</translation>
        </message>
        <message>
            <source>Parcel code column (name or number; empty: ZDDM/宗地代码…)</source>
            <translation>宗地代码列（列名或列号；留空：ZDDM/宗地代码…）</translation>
        </message>
        <message>
            <source>Parcel code field</source>
            <translation>宗地代码字段</translation>
        </message>
        <message>
            <source>Parcel code {code} is used by features {fids}: nothing was written for feature {fid}. Give each parcel its own code, or merge the pieces of one parcel into one multi-part feature.</source>
            <translation>宗地代码 {code} 被要素 {fids} 重复使用：未为要素 {fid} 输出成果。请为每宗地赋唯一代码，或把同一宗地的几块合并为一个多部分要素。</translation>
        </message>
        <message>
            <source>Parcel count</source>
            <translation>宗数</translation>
        </message>
        <message>
            <source>Parcel feature {fid} ({code}) collapses at the tolerance of {tolerance} m (a ring keeps fewer than 3 distinct points); it was left out. Check its geometry or lower the tolerance.</source>
            <translation>宗地要素 {fid}（{code}）在 {tolerance} 米容差下退化（某个环剩下不足 3 个不同的点），已跳过。请检查其图形或减小容差。</translation>
        </message>
        <message>
            <source>Parcel feature {fid} ({code}) has an empty geometry; it was left out.</source>
            <translation>宗地要素 {fid}（{code}）的几何图形为空，已跳过。</translation>
        </message>
        <message>
            <source>Parcel feature {fid} ({code}) has an invalid geometry ({reason}); it was left out. Repair it (Vector ▸ Geometry Tools ▸ Check Validity, or Processing ▸ Fix geometries) and run again.</source>
            <translation>宗地要素 {fid}（{code}）的几何图形无效（{reason}），已跳过。请修复（矢量 ▸ 几何工具 ▸ 检查有效性，或处理工具 ▸ 修复几何图形）后重新运行。</translation>
        </message>
        <message>
            <source>Parcel feature {fid} ({code}) has an invalid geometry ({reason}); its area was left empty. Repair it (Processing ▸ Fix geometries) and run again.</source>
            <translation>宗地要素 {fid}（{code}）的几何图形无效（{reason}），面积留空。请修复（处理工具 ▸ 修复几何图形）后重新运行。</translation>
        </message>
        <message>
            <source>Parcel feature {fid} ({code}) has {n} parts; its points are numbered part by part, the part nearest the north-west corner first.</source>
            <translation>宗地要素 {fid}（{code}）由 {n} 个部分组成；界址点按部分依次编号，最靠近西北角的部分在前。</translation>
        </message>
        <message>
            <source>Parcel feature {fid} ({code}) is a {kind}, not a polygon; it was left out.</source>
            <translation>宗地要素 {fid}（{code}）是 {kind}，不是面，已跳过。</translation>
        </message>
        <message>
            <source>Parcel feature {fid} ({code}) is a {kind}, not a polygon; its area was left empty.</source>
            <translation>宗地要素 {fid}（{code}）是 {kind}，不是面，面积留空。</translation>
        </message>
        <message>
            <source>Parcel feature {fid} has no code in field {field}: nothing was written for it (it still counts as a neighbour). Fill in its code and run again.</source>
            <translation>宗地要素 {fid} 的字段 {field} 中没有宗地代码：未为其输出成果（仍作为邻宗地参与计算）。请填写宗地代码后重新运行。</translation>
        </message>
        <message>
            <source>Parcel feature {fid}: its code “{code}” has no 地籍子区 (12 digits + 2 feature letters) to number it under. Give the 地籍子区 code, or write the first 14 characters into ZDDM.</source>
            <translation>宗地要素 {fid}：宗地代码“{code}”没有可用于编号的地籍子区（12 位数字 + 2 位宗地特征码）。请给出地籍子区代码，或在 ZDDM 中填写前 14 位。</translation>
        </message>
        <message>
            <source>Parcel list line {line}: parcel {code} names point {point}, which the coordinate file does not have (or could not read).</source>
            <translation>宗地点号表第 {line} 行：宗地 {code} 引用的点 {point} 在坐标文件中不存在（或无法读取）。</translation>
        </message>
        <message>
            <source>Parcel list line {line}: point {point} of parcel {code} is in the coordinate file {n} times at different places (lines {lines}).</source>
            <translation>宗地点号表第 {line} 行：宗地 {code} 的点 {point} 在坐标文件中出现 {n} 次且位置不同（第 {lines} 行）。</translation>
        </message>
        <message>
            <source>Parcel map</source>
            <translation>宗地图</translation>
        </message>
        <message>
            <source>Parcel maps (宗地图)</source>
            <translation>宗地图</translation>
        </message>
        <message>
            <source>Parcel sketches (宗地草图)</source>
            <translation>宗地草图</translation>
        </message>
        <message>
            <source>Parcel {code} (feature {fid}): the computed area {area:.2f} m² differs from the recorded {recorded:.2f} m² by {difference:+.2f} m² (computed − recorded), more than the tolerance ΔP = {tolerance:.2f} m² at 1:{scale}.</source>
            <translation>宗地 {code}（要素 {fid}）：计算面积 {area:.2f} 平方米与记载面积 {recorded:.2f} 平方米相差 {difference:+.2f} 平方米（计算面积减记载面积），超过 1:{scale} 的限差 ΔP = {tolerance:.2f} 平方米。</translation>
        </message>
        <message>
            <source>Parcel {code}: its boundary crosses itself or its rings overlap ({reason}); check the point order.</source>
            <translation>宗地 {code}：界址线自相交或各环相互重叠（{reason}），请检查点的顺序。</translation>
        </message>
        <message>
            <source>Parcel {code}: line {line} has no usable coordinates; the parcel was not built.</source>
            <translation>宗地 {code}：第 {line} 行没有可用坐标，该宗地未生成。</translation>
        </message>
        <message>
            <source>Parcel {code}: point {point} closes the ring on line {line} at another place ({distance:.3f} m away) than on line {first}.</source>
            <translation>宗地 {code}：第 {line} 行的点 {point} 闭合界址环，但位置与第 {first} 行不同（相距 {distance:.3f} 米）。</translation>
        </message>
        <message>
            <source>Parcel {code}: the ring closed on line {line} has fewer than 3 points.</source>
            <translation>宗地 {code}：在第 {line} 行闭合的界址环不足 3 个点。</translation>
        </message>
        <message>
            <source>Parcel {code}: the ring starting with point {point} (line {line}) is not closed; repeat its first point at its end.</source>
            <translation>宗地 {code}：从点 {point}（第 {line} 行）开始的界址环未闭合，请在末尾重复其第一个点。</translation>
        </message>
        <message>
            <source>Parcel {fid} (no code)</source>
            <translation>宗地 {fid}（无代码）</translation>
        </message>
        <message>
            <source>Parcel {fid} is no longer in layer {layer}.</source>
            <translation>宗地 {fid} 已不在图层 {layer} 中。</translation>
        </message>
        <message>
            <source>Parcel {zddm} already has class {lb}; confirm it instead of choosing it again.</source>
            <translation>宗地 {zddm} 已是第{lb}类；请直接确认，无需再次选择。</translation>
        </message>
        <message>
            <source>Parcel {zddm} has no suggested class yet: run the classification, or choose a class and give a reason.</source>
            <translation>宗地 {zddm} 尚无分类建议：请先运行分类，或选择类别并填写理由。</translation>
        </message>
        <message>
            <source>Parcel {zddm} is already {state}; to change its class, choose another class and give a reason.</source>
            <translation>宗地 {zddm} 的审核状态已是“{state}”；如需更改类别，请选择其他类别并填写理由。</translation>
        </message>
        <message>
            <source>Parcel {zddm} lacks facts the policy needs (class 0), so there is nothing to confirm: complete its facts, or choose a class and give a reason.</source>
            <translation>宗地 {zddm} 缺少政策判定所需的信息（第0类，待补充信息），无可确认：请补充调查信息，或选择类别并填写理由。</translation>
        </message>
        <message>
            <source>Parcels</source>
            <translation>宗地</translation>
        </message>
        <message>
            <source>Parcels (ZD)</source>
            <translation>宗地（ZD）</translation>
        </message>
        <message>
            <source>Parcels (ZD) with the survey facts</source>
            <translation>宗地（ZD，含调查事实）</translation>
        </message>
        <message>
            <source>Parcels (ZD), for 坐落 and owner</source>
            <translation>宗地（ZD），用于坐落和权利人</translation>
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
            <source>Parcels counted</source>
            <translation>统计宗地数</translation>
        </message>
        <message>
            <source>Parcels from a coordinate file</source>
            <translation>由坐标文件生成宗地</translation>
        </message>
        <message>
            <source>Parcels in class {n}</source>
            <translation>{n} 类宗地数</translation>
        </message>
        <message>
            <source>Parcels left out</source>
            <translation>未列入的宗地数</translation>
        </message>
        <message>
            <source>Parcels left out, with the reasons (CSV)</source>
            <translation>未列入的宗地及原因（CSV）</translation>
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
            <source>Parcels of counties not covered by the policy profile</source>
            <translation>不在政策配置适用地区内的宗地数</translation>
        </message>
        <message>
            <source>Parcels with areas</source>
            <translation>含面积的宗地</translation>
        </message>
        <message>
            <source>Parcels with codes</source>
            <translation>带宗地代码的宗地</translation>
        </message>
        <message>
            <source>Parcels with farmland occupation</source>
            <translation>宗地占用基本农田情况</translation>
        </message>
        <message>
            <source>Parcels with land-only unit codes</source>
            <translation>带无房屋不动产单元号的宗地</translation>
        </message>
        <message>
            <source>Parcels with sheet numbers (TFH)</source>
            <translation>带图幅号（TFH）的宗地</translation>
        </message>
        <message>
            <source>Parcels with 四至</source>
            <translation>含四至的宗地</translation>
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
            <source>Permanent basic farmland (optional: else the ZYJBNTMJ field is read)</source>
            <translation>永久基本农田（可选；不提供时读取 ZYJBNTMJ 字段）</translation>
        </message>
        <message>
            <source>Place name in the title (e.g. the village)</source>
            <translation>标题中的地名（如村名）</translation>
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
            <source>Point number column (empty: JZDH/点号…)</source>
            <translation>点号列（留空：JZDH/点号…）</translation>
        </message>
        <message>
            <source>Point rows per A4 page</source>
            <translation>每页 A4 的点行数</translation>
        </message>
        <message>
            <source>Policy profile (name or .toml file)</source>
            <translation>政策配置（名称或 .toml 文件）</translation>
        </message>
        <message>
            <source>Policy profile file</source>
            <translation>政策配置文件</translation>
        </message>
        <message>
            <source>Policy profile for the notice periods (name or .toml file)</source>
            <translation>公告期所依据的政策配置（名称或 .toml 文件）</translation>
        </message>
        <message>
            <source>Policy profile with the area coefficients (name or .toml file)</source>
            <translation>含面积计算系数的政策配置（名称或 .toml 文件）</translation>
        </message>
        <message>
            <source>Policy profile with the progress targets (name or .toml file)</source>
            <translation>含进度目标的政策配置（名称或 .toml 文件）</translation>
        </message>
        <message>
            <source>Policy profile {file} cannot be read: {error}</source>
            <translation>无法读取政策配置 {file}：{error}</translation>
        </message>
        <message>
            <source>Policy profile {file} has no “[profile]” line to rename; copy the file by hand.</source>
            <translation>政策配置 {file} 没有可改名的“[profile]”行，请手工复制该文件。</translation>
        </message>
        <message>
            <source>Policy profile {file}, line {line}: [holidays.{key}] must be a year's table, e.g. [holidays.2027] with notice, rest and work.</source>
            <translation>政策配置 {file} 第 {line} 行：[holidays.{key}] 必须是某一年的表，例如 [holidays.2027]，包含 notice、rest 和 work。</translation>
        </message>
        <message>
            <source>Policy profile {file}, line {line}: [holidays.{key}] needs rest = [[first, last], …] (rest periods, first day not after the last) and work = [day, …] (make-up working days), dates written YYYY-MM-DD without quotes.</source>
            <translation>政策配置 {file} 第 {line} 行：[holidays.{key}] 需要 rest = [[首日, 末日], …]（放假期间，首日不晚于末日）和 work = [日期, …]（调休上班日），日期按 YYYY-MM-DD 书写，不加引号。</translation>
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
            <source>Policy profile {file}, line {line}: min_storey_height = {value} must be a storey height in metres (above 0, below 10), e.g. 2.2.</source>
            <translation>政策配置 {file} 第 {line} 行：min_storey_height = {value} 应为以米为单位的层高（大于 0、小于 10），例如 2.2。</translation>
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
            <source>Policy profile {file}, line {line}: {key} = {value} is not a finite number (nan and inf are not allowed); write a number, e.g. 130.0.</source>
            <translation>政策配置 {file} 第 {line} 行：{key} = {value} 不是有限的数值（不允许 nan 和 inf），请写数字，例如 130.0。</translation>
        </message>
        <message>
            <source>Policy profile {file}, line {line}: {key} = {value} must be a coefficient from 0 to 1 (e.g. 0.5).</source>
            <translation>政策配置 {file} 第 {line} 行：{key} = {value} 应为 0 到 1 之间的系数（例如 0.5）。</translation>
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
            <source>Policy profile {file}, line {line}: “{key}” must be a list of administrative division codes in quotes, 2, 4 or 6 digits (province, city, county), e.g. ["431302"].</source>
            <translation>政策配置 {file} 第 {line} 行：“{key}” 必须是加引号的行政区划代码列表，2、4 或 6 位数字（省、市、县），例如 ["431302"]。</translation>
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
            <source>Policy profile {name} (copied from {source}, for {counties}) written to {path}. Edit it to the county's documents, then classify with POLICY = {path}.</source>
            <translation>政策配置 {name}（复制自 {source}，适用于 {counties}）已写入 {path}。请按本县（区）的文件修改，然后以 POLICY = {path} 分类。</translation>
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
            <source>Policy profiles (*.toml)</source>
            <translation>政策配置 (*.toml)</translation>
        </message>
        <message>
            <source>PostGIS is not enabled in database {database}. Ask the database administrator to run CREATE EXTENSION postgis; in it, then create the survey again.</source>
            <translation>数据库 {database} 尚未启用 PostGIS。请数据库管理员在其中执行 CREATE EXTENSION postgis;，然后重新新建调查。</translation>
        </message>
        <message>
            <source>Prefix of the team role names</source>
            <translation>团队角色名称前缀</translation>
        </message>
        <message>
            <source>Preset {preset} was made for layer {preset_layer}; importing into {layer}.</source>
            <translation>预设 {preset} 是为图层 {preset_layer} 制作的；现导入到 {layer}。</translation>
        </message>
        <message>
            <source>Profile {name} marks these values as not checked against the official text: {keys}. Check them before relying on the classes.</source>
            <translation>政策配置 {name} 标明以下数值未对照原文核实：{keys}。依据分类结果办理前请先核实。</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>进度</translation>
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
            <source>Public notice record and photos</source>
            <translation>确权登记公告记录及照片</translation>
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
            <source>Quality-check findings (from homestead:qualitycheck): houses with an error are left out</source>
            <translation>质检结果（homestead:qualitycheck 的输出）：有错误的房屋不列入</translation>
        </message>
        <message>
            <source>Quality-check findings (from homestead:qualitycheck): parcels with an error are left out</source>
            <translation>质检结果（homestead:qualitycheck 输出）：有错误的宗地不公告</translation>
        </message>
        <message>
            <source>Read the parcels and the check results again</source>
            <translation>重新读取宗地和质检结果</translation>
        </message>
        <message>
            <source>Read {n} CASS points from {path} ({encoding}).</source>
            <translation>已从 {path} 读取 {n} 个 CASS 点（{encoding}）。</translation>
        </message>
        <message>
            <source>Read {n} rows from {path} ({encoding}).</source>
            <translation>从 {path} 读取 {n} 行（{encoding}）。</translation>
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
            <source>Reading parcels of {layer}</source>
            <translation>正在读取 {layer} 的宗地</translation>
        </message>
        <message>
            <source>Reading the closed polylines of CAD layer {layer} of {path} as polygons, with the texts inside them.</source>
            <translation>将 {path} 中 CAD 图层 {layer} 的闭合多段线读为面，其内部的注记作为属性。</translation>
        </message>
        <message>
            <source>Reading {n} parcels…</source>
            <translation>正在读取 {n} 宗宗地…</translation>
        </message>
        <message>
            <source>Reading {path} as {encoding} (as chosen).</source>
            <translation>按所选编码 {encoding} 读取 {path}。</translation>
        </message>
        <message>
            <source>Reason (required to choose another class)</source>
            <translation>理由（改判时必填）</translation>
        </message>
        <message>
            <source>Received {date}</source>
            <translation>{date} 收件</translation>
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
            <source>Recorded area field to check (e.g. DCMJ 调查面积)</source>
            <translation>待核对的记载面积字段（如 DCMJ 调查面积）</translation>
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
            <source>Registered</source>
            <translation>已登记</translation>
        </message>
        <message>
            <source>Registration application form</source>
            <translation>不动产登记申请书</translation>
        </message>
        <message>
            <source>Registration notice (15 working days): parcels of the chosen classes</source>
            <translation>首次登记公告（15 个工作日）：所选类别的宗地</translation>
        </message>
        <message>
            <source>Rejected records</source>
            <translation>拒绝的记录</translation>
        </message>
        <message>
            <source>Reload</source>
            <translation>重新读取</translation>
        </message>
        <message>
            <source>Repaired records</source>
            <translation>修复的记录</translation>
        </message>
        <message>
            <source>Replace decisions a person confirmed or overrode</source>
            <translation>替换审核人已确认或改判的结果</translation>
        </message>
        <message>
            <source>Report (CSV)</source>
            <translation>报告（CSV）</translation>
        </message>
        <message>
            <source>Review</source>
            <translation>审核</translation>
        </message>
        <message>
            <source>Review panel</source>
            <translation>审核面板</translation>
        </message>
        <message>
            <source>Review panel: check each parcel and confirm or change its class</source>
            <translation>审核面板：逐宗核查并确认或改判类别</translation>
        </message>
        <message>
            <source>Reviewed</source>
            <translation>已审核</translation>
        </message>
        <message>
            <source>Reviewer</source>
            <translation>审核人</translation>
        </message>
        <message>
            <source>Right holder</source>
            <translation>权利人</translation>
        </message>
        <message>
            <source>Right holder field (权利人)</source>
            <translation>权利人字段</translation>
        </message>
        <message>
            <source>Right holders (QLR table)</source>
            <translation>权利人（QLR 表）</translation>
        </message>
        <message>
            <source>Right holders (QLR), for parcels without QLRMC</source>
            <translation>权利人（QLR），用于 QLRMC 为空的宗地</translation>
        </message>
        <message>
            <source>Right holders (QLR, a table)</source>
            <translation>权利人（QLR，属性表）</translation>
        </message>
        <message>
            <source>Roads (DXT_DL)</source>
            <translation>道路（DXT_DL）</translation>
        </message>
        <message>
            <source>Roads, lanes, ditches and other named features for 四至 (e.g. DXT_DL, DXT_SX)</source>
            <translation>四至用的道路、巷道、沟渠等有名称的要素（如 DXT_DL、DXT_SX）</translation>
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
            <source>Run homestead:classify on the layer and take its suggestions for the parcels not yet reviewed</source>
            <translation>对图层运行 homestead:classify，并为尚未审核的宗地采用其建议</translation>
        </message>
        <message>
            <source>SCJZMJ is empty; the footprint × storeys ({area} m²) is shown as the floor area. Run homestead:buildingareas for the measured area.</source>
            <translation>实测建筑面积 SCJZMJ 为空；建筑面积按基底面积 × 层数（{area} ㎡）填写。请用“房屋建筑面积”工具计算实测面积。</translation>
        </message>
        <message>
            <source>Save edits</source>
            <translation>保存编辑</translation>
        </message>
        <message>
            <source>Save the decisions and edits to the GeoPackage</source>
            <translation>将决定和编辑保存到 GeoPackage</translation>
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
            <source>Saving {layer} failed: {errors}</source>
            <translation>保存 {layer} 失败：{errors}</translation>
        </message>
        <message>
            <source>Schema for the survey in the database (new; a-z, 0-9, _)</source>
            <translation>数据库中的调查模式（新建；a-z、0-9、_）</translation>
        </message>
        <message>
            <source>Schema layer to import into</source>
            <translation>导入到的数据库图层</translation>
        </message>
        <message>
            <source>Schema {schema} already exists in the database; a survey is never written over. Choose another schema name, or drop the old schema first.</source>
            <translation>数据库中已有模式 {schema}；不会覆盖已有的调查数据。请换一个模式名称，或先删除旧模式。</translation>
        </message>
        <message>
            <source>Scope</source>
            <translation>范围</translation>
        </message>
        <message>
            <source>Select a parcel in the list or on the map.</source>
            <translation>请在列表或地图上选择宗地。</translation>
        </message>
        <message>
            <source>Self-check failed: {n} problems; the delivery is not complete.</source>
            <translation>自检未通过：{n} 个问题，交付不完整。</translation>
        </message>
        <message>
            <source>Self-check passed: the delivery is complete.</source>
            <translation>自检通过：交付完整。</translation>
        </message>
        <message>
            <source>Self-check problems</source>
            <translation>自检问题数</translation>
        </message>
        <message>
            <source>Self-check report</source>
            <translation>自检报告</translation>
        </message>
        <message>
            <source>Several parcel codes are written inside it ({codes}); the one nearest its middle, {code}, was taken.</source>
            <translation>其内部注有多个宗地代码（{codes}），取最靠近中部的 {code}。</translation>
        </message>
        <message>
            <source>Shapefiles only</source>
            <translation>仅 Shapefile</translation>
        </message>
        <message>
            <source>Share (GeoPackage)</source>
            <translation>共享数据（GeoPackage）</translation>
        </message>
        <message>
            <source>Shared {layers}; {n} ID numbers masked, phone numbers left out.</source>
            <translation>已共享 {layers}；{n} 个证件号已脱敏，电话号码未输出。</translation>
        </message>
        <message>
            <source>Sheet</source>
            <translation>图幅</translation>
        </message>
        <message>
            <source>Sheet (XLSX; empty: the first)</source>
            <translation>工作表（XLSX；留空：第一个）</translation>
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
            <source>Shipped policy profile to copy</source>
            <translation>要复制的插件自带政策配置</translation>
        </message>
        <message>
            <source>Since the previous delivery: {new} new, {changed} changed, {deleted} deleted parcels.</source>
            <translation>与上次交付相比：新增 {new} 宗，变更 {changed} 宗，删除 {deleted} 宗。</translation>
        </message>
        <message>
            <source>Sketches drawn</source>
            <translation>已绘草图数</translation>
        </message>
        <message>
            <source>Skip parcels whose files are already complete (resume an interrupted batch)</source>
            <translation>跳过文件已完整的宗地（续做中断的批次）</translation>
        </message>
        <message>
            <source>Skipped {n} parcels whose files were already complete.</source>
            <translation>已跳过 {n} 宗文件已完整的宗地。</translation>
        </message>
        <message>
            <source>Skipped: files already complete</source>
            <translation>已跳过（文件已完整）</translation>
        </message>
        <message>
            <source>Some eastings carry a zone number and others do not; make them consistent.</source>
            <translation>部分横坐标（Y）带带号、部分不带，请统一。</translation>
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
            <source>Someone else changed parcels you decided since you loaded them, so nothing was saved. Discard your edits (Layer ▸ Toggle Editing ▸ Discard), look at those parcels again and decide anew. {errors}</source>
            <translation>您审核的宗地在您读取后已被他人修改，因此本次全部未保存。请放弃编辑（图层 ▸ 切换编辑 ▸ 放弃），重新查看这些宗地后再作决定。{errors}</translation>
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
            <source>Style by class</source>
            <translation>按类别着色</translation>
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
            <source>Survey date (default: @homestead_survey_date)</source>
            <translation>调查日期（默认：@homestead_survey_date）</translation>
        </message>
        <message>
            <source>Survey date of the boundary points (e.g. 2020-05; default: @homestead_survey_date)</source>
            <translation>界址点测绘日期（如 2020-05；默认 @homestead_survey_date）</translation>
        </message>
        <message>
            <source>Survey facts</source>
            <translation>调查信息</translation>
        </message>
        <message>
            <source>Survey map scale 1:N (500, 1000 or 2000)</source>
            <translation>调查比例尺 1:N（500、1000 或 2000）</translation>
        </message>
        <message>
            <source>Surveyed</source>
            <translation>已调查</translation>
        </message>
        <message>
            <source>Surveyed points (every point read)</source>
            <translation>测量点（读取的全部点）</translation>
        </message>
        <message>
            <source>Surveying unit (default: @homestead_producer)</source>
            <translation>测绘单位（默认 @homestead_producer）</translation>
        </message>
        <message>
            <source>Surveyor 调查员 (default: @homestead_surveyor)</source>
            <translation>调查员（默认：@homestead_surveyor）</translation>
        </message>
        <message>
            <source>Table with columns</source>
            <translation>带列的表格</translation>
        </message>
        <message>
            <source>Table {table} of schema {schema} does not open in QGIS: {error}</source>
            <translation>模式 {schema} 中的表 {table} 无法在 QGIS 中打开：{error}</translation>
        </message>
        <message>
            <source>Take the classification's suggestions</source>
            <translation>采用分类建议</translation>
        </message>
        <message>
            <source>Targets of {source}:</source>
            <translation>{source} 的目标：</translation>
        </message>
        <message>
            <source>Team roles: {roles}. Give each person a login role that is a member of one (GRANT {reviewer} TO name).</source>
            <translation>团队角色：{roles}。请为每个人建立登录角色并加入其中之一（GRANT {reviewer} TO 用户名）。</translation>
        </message>
        <message>
            <source>Text encoding of shapefiles and CSV</source>
            <translation>Shapefile 和 CSV 的文字编码</translation>
        </message>
        <message>
            <source>Text or Excel (*.csv *.txt *.xlsx);;All files (*.*)</source>
            <translation>文本或 Excel (*.csv *.txt *.xlsx);;所有文件 (*.*)</translation>
        </message>
        <message>
            <source>The CRS to import into must be projected (metres), not {crs}.</source>
            <translation>导入坐标系必须是投影坐标系（米），不能是 {crs}。</translation>
        </message>
        <message>
            <source>The DXF header written by GDAL has no $DWGCODEPAGE; the file was not finished.</source>
            <translation>GDAL 写出的 DXF 文件头中没有 $DWGCODEPAGE，文件未完成。</translation>
        </message>
        <message>
            <source>The X column holds eastings and the Y column northings (X/Y swapped); they were exchanged. Survey tables write X = northing.</source>
            <translation>X 列是东坐标、Y 列是北坐标（X/Y 颠倒），已互换。测量成果中 X 为北坐标。</translation>
        </message>
        <message>
            <source>The audit table SHJL of {path} lacks the field(s) {fields}; it was not made by this plugin.</source>
            <translation>{path} 中的审核记录表 SHJL 缺少字段 {fields}；该表不是本插件创建的。</translation>
        </message>
        <message>
            <source>The boundary segment at X {x:.3f}, Y {y:.3f} belongs to parcels {codes} at the tolerance of {tolerance} m: a sliver or overlap narrower than the tolerance. Each of their boundary lines names one neighbour only; check these parcels.</source>
            <translation>X {x:.3f}、Y {y:.3f} 处的界址边在 {tolerance} 米容差下同时属于宗地 {codes}：存在窄于容差的缝隙或重叠。它们的界址线各只记一个邻宗地，请检查这些宗地。</translation>
        </message>
        <message>
            <source>The building number (ZRZH) is empty.</source>
            <translation>自然幢号（ZRZH）为空。</translation>
        </message>
        <message>
            <source>The building number {code} does not follow ZDDM (19) + F + 4-digit building number (24 characters).</source>
            <translation>自然幢号 {code} 不符合“宗地代码（19 位）+ F + 4 位幢号”（共 24 位）的结构。</translation>
        </message>
        <message>
            <source>The class style {name} is missing from the plugin.</source>
            <translation>插件缺少类别样式 {name}。</translation>
        </message>
        <message>
            <source>The classification algorithm {id} is not installed with this plugin.</source>
            <translation>本插件未安装分类算法 {id}。</translation>
        </message>
        <message>
            <source>The classification did not finish; see the log for why.</source>
            <translation>分类未完成；原因见日志。</translation>
        </message>
        <message>
            <source>The classification output lacks ZDDM or LB; it cannot be matched to layer {layer}.</source>
            <translation>分类结果缺少 ZDDM 或 LB 字段，无法与图层 {layer} 对应。</translation>
        </message>
        <message>
            <source>The classification wrote no readable output.</source>
            <translation>分类没有生成可读取的结果。</translation>
        </message>
        <message>
            <source>The code {code} has right type {right} on {owner} land; A and C exist only on collective land (J).</source>
            <translation>代码 {code} 在 {owner} 土地上设了权利类型 {right}；A、C 只能用于集体土地（J）。</translation>
        </message>
        <message>
            <source>The connection string '{uri}' names no database: add dbname=... (or service=...).</source>
            <translation>连接字符串“{uri}”未指定数据库：请加上 dbname=...（或 service=...）。</translation>
        </message>
        <message>
            <source>The coordinate file {path} has no rows.</source>
            <translation>坐标文件 {path} 没有数据行。</translation>
        </message>
        <message>
            <source>The coordinate file {path} has no usable rows.</source>
            <translation>坐标文件 {path} 没有可用的数据行。</translation>
        </message>
        <message>
            <source>The coordinates are not CGCS2000 3° zone coordinates (X northing 1 500 000-6 500 000 m, Y easting); choose the CRS they are in.</source>
            <translation>坐标不是 CGCS2000 3 度带坐标（X 北坐标 1 500 000-6 500 000 米，Y 东坐标），请选择其坐标系。</translation>
        </message>
        <message>
            <source>The coordinates' CRS must be a projected EPSG CRS such as a CGCS2000 3° zone (EPSG:4513-4554); {crs} is not.</source>
            <translation>坐标系必须是投影坐标系（EPSG），例如 CGCS2000 3 度带（EPSG:4513-4554）；{crs} 不是。</translation>
        </message>
        <message>
            <source>The database refused {what}: {error}</source>
            <translation>数据库拒绝{what}：{error}</translation>
        </message>
        <message>
            <source>The delivery folder {path} does not exist.</source>
            <translation>交付文件夹 {path} 不存在。</translation>
        </message>
        <message>
            <source>The document checklist (SJQD) holds “{text}”, which is not a JSON object of document -&gt; date; correct or empty it in the attribute table.</source>
            <translation>收件清单（SJQD）的内容“{text}”不是“材料 → 日期”的 JSON 对象；请在属性表中更正或清空。</translation>
        </message>
        <message>
            <source>The eastings carry no zone number, so the zone is unknown: choose the CRS (e.g. EPSG:4546 for 111°E).</source>
            <translation>横坐标不带带号，无法确定投影带：请选择坐标系（例如 111°E 选 EPSG:4546）。</translation>
        </message>
        <message>
            <source>The eastings carry several zone numbers ({zones}); split the file by zone.</source>
            <translation>横坐标带有多个带号（{zones}），请按带拆分文件。</translation>
        </message>
        <message>
            <source>The eastings carry zone number {zone}, but the chosen CRS EPSG:{epsg} is zone {crs_zone}; choose EPSG:{right}.</source>
            <translation>横坐标带号为 {zone}，但所选坐标系 EPSG:{epsg} 是第 {crs_zone} 带，请选择 EPSG:{right}。</translation>
        </message>
        <message>
            <source>The eastings carry zone number {zone}: the parcels are in EPSG:{epsg}.</source>
            <translation>横坐标带号为 {zone}：宗地坐标系为 EPSG:{epsg}。</translation>
        </message>
        <message>
            <source>The fact was saved. The eligibility engine is not installed, so the suggested class was not renewed: run the classification (homestead:classify) when it is.</source>
            <translation>信息已保存。未安装分类判定引擎，分类建议未更新：安装后请运行分类（homestead:classify）。</translation>
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
            <source>The file has no column {column}; its first row is: {row}.</source>
            <translation>文件中没有列 {column}；第一行为：{row}。</translation>
        </message>
        <message>
            <source>The file is neither UTF-8 nor GBK text; choose its encoding.</source>
            <translation>该文件既不是 UTF-8 也不是 GBK 文本，请指定编码。</translation>
        </message>
        <message>
            <source>The file is neither UTF-8 nor GBK text; save it as UTF-8 CSV or as an Excel workbook.</source>
            <translation>文件既不是 UTF-8 也不是 GBK 文本，请另存为 UTF-8 编码的 CSV 或 Excel 工作簿。</translation>
        </message>
        <message>
            <source>The folder {folder} holds files but no delivery ({name}); the export replaces the whole folder. Choose an empty folder or a previous delivery.</source>
            <translation>文件夹 {folder} 中有文件但不是交付成果（没有 {name}）；导出会替换整个文件夹。请选择空文件夹或以前的交付文件夹。</translation>
        </message>
        <message>
            <source>The holiday schedule of {years} is known neither to the chinesecalendar package nor to the plugin: the notice period ({start} to {end}) is counted with weekends only and marked provisional on the notice. Update chinesecalendar, or add the year's State Council notice to the policy profile ([holidays.{year}]), and write the notice again.</source>
            <translation>chinesecalendar 包和插件都没有 {years} 年的节假日安排：公告期（{start} 至 {end}）仅按周末计算，并在公告中注明为暂定。请更新 chinesecalendar，或在政策配置中加入该年国务院办公厅的通知（[holidays.{year}]），然后重新生成公告。</translation>
        </message>
        <message>
            <source>The house layer has neither a storeys field nor a measured floor area field: floor areas (JZMJ) and floor-area ratios (RJL) stay empty.</source>
            <translation>房屋图层既无总层数字段也无实测建筑面积字段：建筑面积（JZMJ）和容积率（RJL）留空。</translation>
        </message>
        <message>
            <source>The house {house} is left out of the house sheet: the quality check found errors in it ({rules}).</source>
            <translation>房屋 {house} 未列入房屋情况表：质检发现其有错误（{rules}）。</translation>
        </message>
        <message>
            <source>The household's building code ZRZH ({code}) names no building of the buildings layer (ZRZ); give it its building's 自然幢号.</source>
            <translation>户的自然幢号 ZRZH（{code}）在自然幢图层（ZRZ）中没有对应的自然幢；请填写其所在自然幢的自然幢号。</translation>
        </message>
        <message>
            <source>The input file {path} does not exist.</source>
            <translation>输入文件 {path} 不存在。</translation>
        </message>
        <message>
            <source>The input layer {name} could not be opened.</source>
            <translation>无法打开输入图层 {name}。</translation>
        </message>
        <message>
            <source>The input {layer} ({parameter}) is read from {path}, inside the delivery folder the export replaces. Choose another delivery folder.</source>
            <translation>输入图层 {layer}（{parameter}）读自 {path}，位于导出将整体替换的交付文件夹中。请选择其他交付文件夹。</translation>
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
            <source>The notice start date {text} is not a date like 2020-06-01.</source>
            <translation>公告开始日期 {text} 不是 2020-06-01 这样的日期。</translation>
        </message>
        <message>
            <source>The output “{output}” cannot be written to {path}: {reason}. Choose another {kind}.</source>
            <translation>输出“{output}”无法写入 {path}：{reason}。请另选{kind}。</translation>
        </message>
        <message>
            <source>The output “{output}” is the file {path}, which holds the input {layer} ({parameter}); writing it would replace the whole file. Choose another output file.</source>
            <translation>输出“{output}”是文件 {path}，其中存有输入图层 {layer}（{parameter}）；写入会替换整个文件。请另选输出文件。</translation>
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
            <source>The parcel code {code} contains full-width or other non-ASCII characters; write it in ASCII (half-width) digits and capital letters.</source>
            <translation>宗地代码 {code} 含全角或其他非 ASCII 字符，请改用半角数字和大写字母。</translation>
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
            <source>The parcel code {code} is used by {n} parcels; their boundary points cannot be told apart. Give each parcel its own code.</source>
            <translation>宗地代码 {code} 被 {n} 宗地共用，无法区分各自的界址点。请为每宗地编制唯一的代码。</translation>
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
            <source>The parcel has no code (ZDDM); its boundary points cannot be found. Give it its code.</source>
            <translation>该宗地没有宗地代码（ZDDM），无法找到其界址点。请填写宗地代码。</translation>
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
            <source>The parcel layer (PARCELS) could not be opened.</source>
            <translation>无法打开宗地图层（PARCELS）。</translation>
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
            <source>The parcels are in {crs}; the delivery is in a CGCS2000 3° zone (EPSG:4513-4554). Reproject the parcel layer to its zone (e.g. EPSG:4525) and export again.</source>
            <translation>宗地的坐标系为 {crs}；交付数据须为 CGCS2000 3度带（EPSG:4513-4554）。请把宗地图层投影到所在 3 度带（如 EPSG:4525）后重新导出。</translation>
        </message>
        <message>
            <source>The parcels must be a layer to be drawn.</source>
            <translation>宗地必须是图层才能绘制。</translation>
        </message>
        <message>
            <source>The previous delivery's metadata {path} cannot be read: {error}</source>
            <translation>无法读取上次交付的元数据 {path}：{error}</translation>
        </message>
        <message>
            <source>The previous delivery's metadata {path} does not exist.</source>
            <translation>上次交付的元数据 {path} 不存在。</translation>
        </message>
        <message>
            <source>The profile name “{name}” may hold only Latin letters, digits, “_” and “-”, e.g. xiangxiang_2021.</source>
            <translation>政策配置名称“{name}”只能包含拉丁字母、数字、“_”和“-”，例如 xiangxiang_2021。</translation>
        </message>
        <message>
            <source>The real-estate unit code (BDCDYH) is empty.</source>
            <translation>不动产单元代码（BDCDYH）为空。</translation>
        </message>
        <message>
            <source>The recorded area {recorded} m² of {what} {label} differs from the computed {area:.2f} m² by more than the tolerance ΔS = {tolerance:.2f} m² (grade {grade}).</source>
            <translation>{what} {label} 记载的面积 {recorded} 平方米与计算的 {area:.2f} 平方米之差超过限差 ΔS = {tolerance:.2f} 平方米（{grade} 级）。</translation>
        </message>
        <message>
            <source>The report date {text} is not a date like 2020-09-30.</source>
            <translation>统计日期 {text} 不是 2020-09-30 这样的日期。</translation>
        </message>
        <message>
            <source>The role name '{name}' is not usable: use lower-case letters a-z, digits and _ (starting with a letter, at most 63 characters), e.g. homestead_reviewer.</source>
            <translation>角色名称“{name}”不可用：请使用小写字母 a-z、数字和 _（以字母开头，最多 63 个字符），例如 homestead_reviewer。</translation>
        </message>
        <message>
            <source>The schema name '{name}' is not usable: use lower-case letters a-z, digits and _ (starting with a letter, at most 63 characters), e.g. louxing_2020.</source>
            <translation>模式名称“{name}”不可用：请使用小写字母 a-z、数字和 _（以字母开头，最多 63 个字符），例如 louxing_2020。</translation>
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
            <source>The template lacks the item(s) {items}; their content is left out.</source>
            <translation>模板缺少项目 {items}，相应内容未输出。</translation>
        </message>
        <message>
            <source>The template's map item is not 500 mm × 500 mm; each sheet is drawn at 1:{scale} around its centre.</source>
            <translation>模板中的地图项目不是 500 mm × 500 mm；各图幅按 1:{scale} 以图幅中心绘制。</translation>
        </message>
        <message>
            <source>The unit code {code} contains full-width or other non-ASCII characters; write it in ASCII (half-width) digits and capital letters.</source>
            <translation>不动产单元号 {code} 含全角或其他非 ASCII 字符，请改用半角数字和大写字母。</translation>
        </message>
        <message>
            <source>The unit code {code} does not begin with its building number {zrzh}.</source>
            <translation>户的不动产单元号 {code} 不以其自然幢号 {zrzh} 开头。</translation>
        </message>
        <message>
            <source>The unit code {code} does not end in F or W followed by 8 digits (0-9) after the parcel code.</source>
            <translation>不动产单元号 {code} 在宗地代码之后不是 F 或 W 加 8 位数字（0-9）。</translation>
        </message>
        <message>
            <source>The unit code {code} does not end with its household number {hh}.</source>
            <translation>户的不动产单元号 {code} 不以其户号 {hh} 结尾。</translation>
        </message>
        <message>
            <source>The unit code {code} does not follow ZDDM (19) + fixture letter F/L/Q/W + 8 digits.</source>
            <translation>不动产单元代码 {code} 不符合“宗地代码（19 位）+ 定着物特征码 F/L/Q/W + 8 位数字”的结构。</translation>
        </message>
        <message>
            <source>The unit code {code} has W (no building), so it must end in W00000000.</source>
            <translation>不动产单元号 {code} 的定着物特征码为 W（无定着物），应以 W00000000 结尾。</translation>
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
            <source>The unit code {code} has 幢号 or 户号 0000; numbers start at 0001.</source>
            <translation>不动产单元号 {code} 的幢号或户号为 0000；编号从 0001 开始。</translation>
        </message>
        <message>
            <source>The unit code {code} is given to {n} units; each household needs its own 不动产单元号.</source>
            <translation>不动产单元号 {code} 用于 {n} 个单元；每户应有自己的不动产单元号。</translation>
        </message>
        <message>
            <source>The workbook gets {n} sheets: Excel and WPS open a workbook of thousands of sheets slowly. For a township or a county, choose the folder for one workbook per village (地籍子区) instead.</source>
            <translation>该工作簿将有 {n} 个工作表：Excel 和 WPS 打开含数千个工作表的工作簿很慢。乡镇或全县的数据请改为选择“每村（地籍子区）一个工作簿”的输出文件夹。</translation>
        </message>
        <message>
            <source>The workbook has no sheet {sheet}; it has {sheets}.</source>
            <translation>工作簿中没有工作表 {sheet}，现有：{sheets}。</translation>
        </message>
        <message>
            <source>The workbook {path} has no sheet {sheet}; it has {sheets}.</source>
            <translation>工作簿 {path} 中没有工作表 {sheet}；现有：{sheets}。</translation>
        </message>
        <message>
            <source>The zone number {zone} was added to the eastings for EPSG:{epsg} (a zone CRS with it).</source>
            <translation>已为横坐标加上带号 {zone}，以符合 EPSG:{epsg}（带带号的坐标系）。</translation>
        </message>
        <message>
            <source>The zone number {zone} was removed from the eastings for EPSG:{epsg} (a zone CRS without it).</source>
            <translation>已去掉横坐标中的带号 {zone}，以符合 EPSG:{epsg}（不带带号的坐标系）。</translation>
        </message>
        <message>
            <source>The 地籍子区 code {code} is not 12 digits (county 6 + 地籍区 3 + 地籍子区 3).</source>
            <translation>地籍子区代码 {code} 不是 12 位数字（县级 6 位 + 地籍区 3 位 + 地籍子区 3 位）。</translation>
        </message>
        <message>
            <source>The 宗地特征码 {code} is not two letters such as JC (宅基地) or JB.</source>
            <translation>宗地特征码 {code} 不是两个字母，如 JC（宅基地）或 JB。</translation>
        </message>
        <message>
            <source>There are no buildings to draw.</source>
            <translation>没有可绘制的房屋。</translation>
        </message>
        <message>
            <source>There is no field-mapping preset {name}; known: {names}.</source>
            <translation>没有字段对应预设 {name}；现有：{names}。</translation>
        </message>
        <message>
            <source>There is no saved PostgreSQL connection named '{name}'. Saved connections: {names}. Give a saved connection's name, a service (service=name) or a connection string (host=... dbname=... user=...).</source>
            <translation>没有名为“{name}”的已保存 PostgreSQL 连接。已保存的连接：{names}。请给出已保存连接的名称、服务（service=名称）或连接字符串（host=... dbname=... user=...）。</translation>
        </message>
        <message>
            <source>This parcel is hidden by the list's filters.</source>
            <translation>该宗地被列表的筛选条件隐藏。</translation>
        </message>
        <message>
            <source>This parcel is in county {county}, and the policy profile {name} ({title}) is written for {counties}: its suggested class follows another county's policy. Classify with the county's profile, or copy one (Copy a policy profile, homestead:copyprofile) and edit it.</source>
            <translation>本宗地位于县（区）{county}，而政策配置 {name}（{title}）适用于 {counties}：分类建议依据的是其他县（区）的政策。请用该县（区）的政策配置分类，或复制一份（复制政策配置，homestead:copyprofile）修改后使用。</translation>
        </message>
        <message>
            <source>Title in the metadata</source>
            <translation>元数据中的标题</translation>
        </message>
        <message>
            <source>To review</source>
            <translation>待审核</translation>
        </message>
        <message>
            <source>Tolerance: a house may stick out of its parcel by (m)</source>
            <translation>容差：房屋可超出宗地的距离（米）</translation>
        </message>
        <message>
            <source>Tolerance: one physical point within (m)</source>
            <translation>容差：在此距离内视为同一界址点（米）</translation>
        </message>
        <message>
            <source>Transformed from {source} to {target}.</source>
            <translation>已从 {source} 转换到 {target}。</translation>
        </message>
        <message>
            <source>Unit code / building</source>
            <translation>不动产单元号 / 自然幢</translation>
        </message>
        <message>
            <source>Village</source>
            <translation>村（地籍子区）</translation>
        </message>
        <message>
            <source>Village confirmation and 30-day notice without objection</source>
            <translation>村集体确认证明及公告30天无异议证明</translation>
        </message>
        <message>
            <source>Villages (地籍子区)</source>
            <translation>地籍子区数</translation>
        </message>
        <message>
            <source>Working days</source>
            <translation>工作日</translation>
        </message>
        <message>
            <source>Wrote the boundary point tables of {n} parcels to {path}.</source>
            <translation>已将 {n} 宗地的界址点成果表写入 {path}。</translation>
        </message>
        <message>
            <source>Wrote {path} in {crs}: {parcels} parcel rings, {houses} house rings, {points} boundary points, {lines} boundary lines, {labels} J-numbers and {lengths} edge lengths; layers {layers}; code page {code_page} (GBK), text style font {font}.</source>
            <translation>已写出 {path}（{crs}）：宗地环 {parcels} 个，房屋环 {houses} 个，界址点 {points} 个，界址线 {lines} 条，界址点号 {labels} 个，边长 {lengths} 个；图层 {layers}；代码页 {code_page}（GBK），文字样式字体 {font}。</translation>
        </message>
        <message>
            <source>Wrote {villages} village workbooks with the boundary point tables of {n} parcels to {folder}.</source>
            <translation>已将 {n} 宗地的界址点成果表按村写成 {villages} 个工作簿，保存在 {folder}。</translation>
        </message>
        <message>
            <source>X (northing) column (empty: X/XZBZ…)</source>
            <translation>X（北坐标）列（留空：X/XZBZ…）</translation>
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
            <source>Y (easting) column (empty: Y/YZBZ…)</source>
            <translation>Y（东坐标）列（留空：Y/YZBZ…）</translation>
        </message>
        <message>
            <source>Your name</source>
            <translation>审核人姓名</translation>
        </message>
        <message>
            <source>Your name, written with every decision (审核人)</source>
            <translation>您的姓名，随每项决定记录（审核人）</translation>
        </message>
        <message>
            <source>Z values were dropped (the survey plane is 2-D).</source>
            <translation>已舍去 Z 值（调查平面为二维）。</translation>
        </message>
        <message>
            <source>ZDMJ is empty; the area computed from the coordinates ({area} m²) is shown.</source>
            <translation>宗地面积 ZDMJ 为空，显示按坐标计算的面积（{area} m²）。</translation>
        </message>
        <message>
            <source>ZZDMJ is empty; the footprint computed from the outline ({area} m²) is shown.</source>
            <translation>幢占地面积 ZZDMJ 为空；填写按房屋轮廓计算的占地面积（{area} ㎡）。</translation>
        </message>
        <message>
            <source>Zoom to the parcel</source>
            <translation>缩放至宗地</translation>
        </message>
        <message>
            <source>a catalogue query</source>
            <translation>系统目录查询</translation>
        </message>
        <message>
            <source>a file of that name exists</source>
            <translation>已有同名文件</translation>
        </message>
        <message>
            <source>a folder of that name exists</source>
            <translation>已有同名文件夹</translation>
        </message>
        <message>
            <source>an unknown CRS</source>
            <translation>未知坐标系</translation>
        </message>
        <message>
            <source>any county</source>
            <translation>任何县（区）</translation>
        </message>
        <message>
            <source>building</source>
            <translation>自然幢</translation>
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
            <source>easting</source>
            <translation>东坐标</translation>
        </message>
        <message>
            <source>export error {code}</source>
            <translation>导出错误 {code}</translation>
        </message>
        <message>
            <source>farmland patch</source>
            <translation>农田图斑</translation>
        </message>
        <message>
            <source>feature {fid}</source>
            <translation>要素 {fid}</translation>
        </message>
        <message>
            <source>fid {fid}</source>
            <translation>要素 {fid}</translation>
        </message>
        <message>
            <source>file name</source>
            <translation>文件名</translation>
        </message>
        <message>
            <source>floor</source>
            <translation>层</translation>
        </message>
        <message>
            <source>folder</source>
            <translation>文件夹</translation>
        </message>
        <message>
            <source>found</source>
            <translation>现有版本</translation>
        </message>
        <message>
            <source>household</source>
            <translation>户</translation>
        </message>
        <message>
            <source>input layer</source>
            <translation>输入图层</translation>
        </message>
        <message>
            <source>met</source>
            <translation>已达成</translation>
        </message>
        <message>
            <source>no form</source>
            <translation>未生成</translation>
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
            <source>not drawn</source>
            <translation>未绘制</translation>
        </message>
        <message>
            <source>overdue by {days} days</source>
            <translation>已逾期 {days} 天</translation>
        </message>
        <message>
            <source>parcel</source>
            <translation>宗地</translation>
        </message>
        <message>
            <source>skipped: files already complete</source>
            <translation>已跳过：文件已完整</translation>
        </message>
        <message>
            <source>the command</source>
            <translation>该命令</translation>
        </message>
        <message>
            <source>the output</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>the overlay of {left} and {right}</source>
            <translation>{left} 与 {right} 的叠加计算</translation>
        </message>
        <message>
            <source>to create the survey schema</source>
            <translation>创建调查模式</translation>
        </message>
        <message>
            <source>to create the team roles (this needs the CREATEROLE right; ask the database administrator, or uncheck the roles option)</source>
            <translation>创建团队角色（需要 CREATEROLE 权限；请联系数据库管理员，或取消勾选“创建团队角色”）</translation>
        </message>
        <message>
            <source>to grant the team roles their rights</source>
            <translation>为团队角色授权</translation>
        </message>
        <message>
            <source>to remove stale layer styles</source>
            <translation>删除残留的图层样式</translation>
        </message>
        <message>
            <source>to remove the unfinished schema</source>
            <translation>删除未完成的模式</translation>
        </message>
        <message>
            <source>{alg} failed; see the log above.</source>
            <translation>{alg} 运行失败，详见上方日志。</translation>
        </message>
        <message>
            <source>{blocker} is a file, not a folder</source>
            <translation>{blocker} 是文件而不是文件夹</translation>
        </message>
        <message>
            <source>{crs} is not a CGCS2000 3° zone: lengths and areas are those of its own plane, not of the survey plane.</source>
            <translation>{crs} 不是 CGCS2000 3 度带：长度和面积是该坐标系平面上的值，而非调查平面上的值。</translation>
        </message>
        <message>
            <source>{date}: {metric} ≥ {target:.0%}, now {actual:.0%}</source>
            <translation>{date}：{metric} ≥ {target:.0%}，当前 {actual:.0%}</translation>
        </message>
        <message>
            <source>{days} days left</source>
            <translation>剩余 {days} 天</translation>
        </message>
        <message>
            <source>{done} of {total} documents received</source>
            <translation>已收 {done} / {total} 件材料</translation>
        </message>
        <message>
            <source>{drawn} pages drawn, {failed} not drawn; report: {report}</source>
            <translation>已绘制 {drawn} 页，未绘制 {failed} 页；报告：{report}</translation>
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
            <source>{floors} floors of {houses} buildings measured: {total:.2f} m² in all.</source>
            <translation>已计算 {houses} 幢房屋的 {floors} 个层，建筑面积共 {total:.2f} 平方米。</translation>
        </message>
        <message>
            <source>{group} has no free {what} after {last:04d}; this one was left without a code.</source>
            <translation>{group} 在 {last:04d} 之后已没有可用的{what}，本要素未编号。</translation>
        </message>
        <message>
            <source>{layer} {feature} has a {found} geometry; the layer holds {expected}.</source>
            <translation>{layer} {feature} 的图形为 {found}，图层应为 {expected}。</translation>
        </message>
        <message>
            <source>{layer} {feature} has an invalid geometry.</source>
            <translation>{layer} {feature} 的图形无效（自相交等）。</translation>
        </message>
        <message>
            <source>{layer} {feature} has no geometry.</source>
            <translation>{layer} {feature} 没有图形。</translation>
        </message>
        <message>
            <source>{layer} {feature}: the element code YSDM is {value}; it must be {expected}.</source>
            <translation>{layer} {feature}：要素代码 YSDM 为 {value}，应为 {expected}。</translation>
        </message>
        <message>
            <source>{layer} {feature}: the parcel code {value} appears {n} times.</source>
            <translation>{layer} {feature}：宗地代码 {value} 重复 {n} 次。</translation>
        </message>
        <message>
            <source>{layer} {feature}: the required field {field} is empty.</source>
            <translation>{layer} {feature}：必填字段 {field} 为空。</translation>
        </message>
        <message>
            <source>{layer} {feature}: {field} = {value} is not in the code list {codelist}.</source>
            <translation>{layer} {feature}：{field} = {value} 不在代码表 {codelist} 中。</translation>
        </message>
        <message>
            <source>{layer} {feature}: {field} {value} is malformed: {reason}</source>
            <translation>{layer} {feature}：{field} {value} 格式错误：{reason}</translation>
        </message>
        <message>
            <source>{layer}.{field}: {n} texts are longer than the field's {width} bytes in GBK; the shapefile holds them cut, the File Geodatabase in full.</source>
            <translation>{layer}.{field}：{n} 个文本按 GBK 超过字段的 {width} 字节；Shapefile 中被截断，File Geodatabase 中完整保存。</translation>
        </message>
        <message>
            <source>{layer}: {n} rows had no identifier BSM; numbered after the highest.</source>
            <translation>{layer}：{n} 条记录没有标识码 BSM，已按最大值顺序编号。</translation>
        </message>
        <message>
            <source>{new} of {n} parcels got a new 宗地代码.</source>
            <translation>{n} 宗地中 {new} 宗编了新的宗地代码。</translation>
        </message>
        <message>
            <source>{n} buildings: {kept} kept their 自然幢号, {new} were numbered.</source>
            <translation>{n} 幢房屋：{kept} 幢保留原自然幢号，{new} 幢新编号。</translation>
        </message>
        <message>
            <source>{n} decisions confirmed by a person were kept (set OVERWRITE_CONFIRMED to replace them).</source>
            <translation>保留了 {n} 个审核人已确认的结果（勾选“替换审核人已确认或改判的结果”可替换）。</translation>
        </message>
        <message>
            <source>{n} features of {layer} copied in bulk into {path}.</source>
            <translation>已将 {layer} 的 {n} 个要素批量复制到 {path}。</translation>
        </message>
        <message>
            <source>{n} features written in bulk into {path}.</source>
            <translation>已将 {n} 个要素批量写入 {path}。</translation>
        </message>
        <message>
            <source>{n} map sheets at 1:{scale}.</source>
            <translation>1:{scale} 图幅 {n} 幅。</translation>
        </message>
        <message>
            <source>{n} of {total} parcels differ from {field} by more than ΔP.</source>
            <translation>{total} 宗地中有 {n} 宗与 {field} 的差值超过限差 ΔP。</translation>
        </message>
        <message>
            <source>{n} of {total} parcels occupy permanent basic farmland ({area:.2f} m² in all); {slivers} overlaps of {min_area} m² or less were kept as slivers.</source>
            <translation>{total} 宗地中有 {n} 宗占用永久基本农田（共 {area:.2f} 平方米）；{slivers} 处不超过 {min_area} 平方米的重叠作为碎片保留。</translation>
        </message>
        <message>
            <source>{n} parcels are in counties the policy profile {name} is not written for ({counties}; the profile covers {covered}): they are classified under {title}, which is not their county's policy, and their LBYY and XYBZ say so. Choose the county's profile (POLICY), or copy a profile with homestead:copyprofile, edit it to the county's documents and classify again.</source>
            <translation>{n} 宗地所在的县（区）不在政策配置 {name} 的适用地区内（{counties}；该配置适用于 {covered}）：这些宗地按 {title} 分类，这不是其所在县（区）的政策，LBYY 和 XYBZ 中已注明。请选用该县（区）的政策配置（POLICY），或用 homestead:copyprofile 复制一份政策配置，按该县（区）的文件修改后重新分类。</translation>
        </message>
        <message>
            <source>{n} parcels got no boundary points; the messages above say why.</source>
            <translation>{n} 宗地没有生成界址点，原因见以上信息。</translation>
        </message>
        <message>
            <source>{n} parcels have a house standing on farmland.</source>
            <translation>{n} 宗地内有房屋压占基本农田。</translation>
        </message>
        <message>
            <source>{n} parcels have no 12-digit 地籍子区 at the start of their code: their tables are in {path}.</source>
            <translation>{n} 宗地的宗地代码开头不是 12 位地籍子区代码，其界址点成果表写在 {path}。</translation>
        </message>
        <message>
            <source>{n} parcels in {villages} villages summarised.</source>
            <translation>已汇总 {villages} 个地籍子区的 {n} 宗地。</translation>
        </message>
        <message>
            <source>{n} parcels were left out of the notice; the reasons are in {report}.</source>
            <translation>{n} 宗地未列入公告，原因见 {report}。</translation>
        </message>
        <message>
            <source>{n} points of the coordinate file belong to no parcel and were not used (lines {lines}).</source>
            <translation>坐标文件中有 {n} 个点不属于任何宗地，未使用（第 {lines} 行）。</translation>
        </message>
        <message>
            <source>{output}: {n} feature(s) not written: field {field} would hold {value} ({chars} characters), more than its {length}. Correct the value in the input (a ZDDM has 19 characters) and run again.</source>
            <translation>{output}：{n} 个要素未写出：字段 {field} 的值 {value} 有 {chars} 个字符，超过其长度 {length}。请改正输入中的该值（宗地代码为 19 位）后重新运行。</translation>
        </message>
        <message>
            <source>{parcels} parcels: {points} boundary points ({physical} physical points), {lines} boundary lines.</source>
            <translation>{parcels} 宗地：界址点 {points} 个（实地点位 {physical} 个），界址线 {lines} 条。</translation>
        </message>
        <message>
            <source>{parcel}: confirmed class {confirmed}, the policy now gives {suggested}</source>
            <translation>{parcel}：已审核为 {confirmed} 类，按政策现为 {suggested} 类</translation>
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
            <source>{path} draws on several CAD layers ({layers}); say in LAYER which one holds the {layer} features.</source>
            <translation>{path} 含多个 CAD 图层（{layers}），请在“图层”参数中指定 {layer} 要素所在的图层。</translation>
        </message>
        <message>
            <source>{path} has no .cpg; its text reads as {encoding}.</source>
            <translation>{path} 没有 .cpg 文件；其文字按 {encoding} 读取。</translation>
        </message>
        <message>
            <source>{path} has no CAD layer {layer}; its layers: {layers}.</source>
            <translation>{path} 中没有 CAD 图层 {layer}；现有图层：{layers}。</translation>
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
            <source>{path} has no readable metadata file {name}: it is not a delivery folder.</source>
            <translation>{path} 没有可读的元数据文件 {name}，不是交付文件夹。</translation>
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
            <source>{path} is in the plugin's own profile folder, which a plugin update replaces: save the copy in the survey's folder instead.</source>
            <translation>{path} 位于插件自带的配置文件夹中，更新插件时会被替换：请把副本保存在调查工作的文件夹中。</translation>
        </message>
        <message>
            <source>{path} is not a readable Excel workbook (.xlsx): {reason}. Open it in Excel or WPS and save it again as .xlsx, or export it as a UTF-8 CSV.</source>
            <translation>{path} 不是可读取的 Excel 工作簿（.xlsx）：{reason}。请用 Excel 或 WPS 打开后重新另存为 .xlsx，或导出为 UTF-8 CSV。</translation>
        </message>
        <message>
            <source>{path} is not a whole DXF file: it does not end with the EOF marker, so it was cut off (a copy or download broken off, or a program that stopped writing). Nothing was imported; copy or export the file again.</source>
            <translation>{path} 不是完整的 DXF 文件：文件末尾没有 EOF 结束标记，文件不完整（复制或下载中断，或写出程序中途停止）。未导入任何数据；请重新复制或导出该文件。</translation>
        </message>
        <message>
            <source>{path} is not the metadata of a delivery written by homestead:exportdelivery (no parcel fingerprints).</source>
            <translation>{path} 不是 homestead:exportdelivery 写出的交付元数据（没有宗地指纹）。</translation>
        </message>
        <message>
            <source>{rule}: {n} findings ({seconds:.1f} s).</source>
            <translation>{rule}：{n} 处问题（{seconds:.1f} 秒）。</translation>
        </message>
        <message>
            <source>{shown} of {total} parcels shown · {pending} to review</source>
            <translation>显示 {shown} / {total} 宗 · 待审核 {pending} 宗</translation>
        </message>
        <message>
            <source>{village}: {n} parcels, notice from {start} to {end}.</source>
            <translation>{village}：{n} 宗，公告期 {start} 至 {end}。</translation>
        </message>
        <message>
            <source>{what} {key} was not drawn: {why}</source>
            <translation>{what} {key} 未绘制：{why}</translation>
        </message>
        <message>
            <source>{what} {number:04d} appears twice in {group}; this one got a new number.</source>
            <translation>{group} 中{what} {number:04d} 重复，本要素已重新编号。</translation>
        </message>
        <message>
            <source>“{code}” is not an administrative division code: write 2, 4 or 6 digits (province, city, county), e.g. 430381; several separated by commas.</source>
            <translation>“{code}”不是行政区划代码：请写 2、4 或 6 位数字（省、市、县），例如 430381；多个用逗号分隔。</translation>
        </message>
        <message>
            <source>… and {n} more confirmed decisions differ from the policy.</source>
            <translation>……另有 {n} 个已审核结果与按政策得出的类别不同。</translation>
        </message>
        <message>
            <source>… and {n} more problems (see the report).</source>
            <translation>……另有 {n} 个问题（见自检报告）。</translation>
        </message>
        <message>
            <source>四至 search distance: beyond it a side is 空地 (m)</source>
            <translation>四至搜索距离：超出即记为空地（米）</translation>
        </message>
        <message>
            <source>四至: {n} sides have nothing within {distance} m and are recorded as 空地.</source>
            <translation>四至：{n} 个方向在 {distance} 米内无任何要素，记为空地。</translation>
        </message>
        <message>
            <source>地籍子区 code for parcels with a blank ZDDM (12 digits)</source>
            <translation>宗地代码为空的宗地所在地籍子区代码（12 位）</translation>
        </message>
        <message>
            <source>宗地特征码 for parcels with a blank ZDDM</source>
            <translation>宗地代码为空的宗地的宗地特征码</translation>
        </message>
    </context>
</TS>
