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
            <source>Area m²</source>
            <translation>面积 m²</translation>
        </message>
        <message>
            <source>Area of the parcel's geometry on the layer's plane (m²), to compare with ZDMJ</source>
            <translation>宗地图形在图层平面坐标系中的面积（m²），用于与宗地面积比对</translation>
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
            <source>Base map</source>
            <translation>地形图</translation>
        </message>
        <message>
            <source>Boundary-point coordinate table</source>
            <translation>界址点成果表</translation>
        </message>
        <message>
            <source>Cadastral survey form</source>
            <translation>权籍调查表</translation>
        </message>
        <message>
            <source>Canceled.</source>
            <translation>已取消。</translation>
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
            <source>Classification done: {n} suggestions taken; reviewed parcels were left as they are.</source>
            <translation>分类完成：采用了 {n} 条建议；已审核的宗地保持不变。</translation>
        </message>
        <message>
            <source>Classified</source>
            <translation>已分类</translation>
        </message>
        <message>
            <source>Classify parcels</source>
            <translation>分类</translation>
        </message>
        <message>
            <source>Classifying… {percent:.0f}%</source>
            <translation>正在分类… {percent:.0f}%</translation>
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
            <source>Confirmed the suggested class</source>
            <translation>确认分类建议</translation>
        </message>
        <message>
            <source>Could not append to the audit table SHJL of {path}: {error}. The decision was not made.</source>
            <translation>无法向 {path} 的审核记录表 SHJL 追加记录：{error}。本次决定未生效。</translation>
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
            <source>Documents received for first registration</source>
            <translation>首次登记收件清单</translation>
        </message>
        <message>
            <source>Documents received for {zddm}</source>
            <translation>{zddm} 的收件清单</translation>
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
            <source>Fact {field} changed to {value}; suggestion renewed</source>
            <translation>{field} 改为 {value}；已重新生成建议</translation>
        </message>
        <message>
            <source>Facts missing</source>
            <translation>待补充</translation>
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
            <source>Field check record and photos</source>
            <translation>实地查看记录表及实景照片</translation>
        </message>
        <message>
            <source>Flash the parcel on the map</source>
            <translation>在地图上闪烁显示宗地</translation>
        </message>
        <message>
            <source>Follow on the map: pan to and flash the parcel you select</source>
            <translation>地图跟随：平移至所选宗地并闪烁显示</translation>
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
            <source>Give the reason for choosing another class for parcel {zddm}: it is written to the audit trail.</source>
            <translation>请填写宗地 {zddm} 改判的理由：理由将写入审核记录。</translation>
        </message>
        <message>
            <source>Go to the next parcel not yet reviewed (F8; Shift+F8 goes back)</source>
            <translation>转到下一宗待审核的宗地（F8；Shift+F8 返回上一宗）</translation>
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
            <source>House diagram</source>
            <translation>房产图</translation>
        </message>
        <message>
            <source>Household and inheritance certificates (police station)</source>
            <translation>派出所户籍及继承证明材料</translation>
        </message>
        <message>
            <source>Household register (copy)</source>
            <translation>户口簿（复印件）</translation>
        </message>
        <message>
            <source>ID card of the right holder (copy)</source>
            <translation>权利人身份证（复印件）</translation>
        </message>
        <message>
            <source>Inquiry record</source>
            <translation>询问记录</translation>
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
            <source>Layer {layer} cannot be edited (read-only file or provider), so the decision was not written.</source>
            <translation>图层 {layer} 不可编辑（文件或数据源只读），决定未写入。</translation>
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
            <source>Layer {layer} is not in a GeoPackage, so the review panel cannot keep its audit trail (SHJL) beside it. Save the parcels into the survey GeoPackage (homestead:createproject) and review there.</source>
            <translation>图层 {layer} 不在 GeoPackage 中，审核面板无法在其旁保存审核记录（SHJL）。请将宗地保存到调查 GeoPackage（homestead:createproject）后再审核。</translation>
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
            <source>Maps and documents</source>
            <translation>图件与表册</translation>
        </message>
        <message>
            <source>Next unreviewed</source>
            <translation>下一宗待审核</translation>
        </message>
        <message>
            <source>No parcel selected</source>
            <translation>未选择宗地</translation>
        </message>
        <message>
            <source>No rule has been applied yet.</source>
            <translation>尚未应用任何规则。</translation>
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
            <source>Noticed</source>
            <translation>已公告</translation>
        </message>
        <message>
            <source>Overlay and checks</source>
            <translation>套合与质检</translation>
        </message>
        <message>
            <source>Ownership-source documents (originals, with receipt)</source>
            <translation>权属来源材料（原件，开具收件单）</translation>
        </message>
        <message>
            <source>Parcel code</source>
            <translation>宗地代码</translation>
        </message>
        <message>
            <source>Parcel count</source>
            <translation>宗数</translation>
        </message>
        <message>
            <source>Parcel map</source>
            <translation>宗地图</translation>
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
            <source>Public notice record and photos</source>
            <translation>确权登记公告记录及照片</translation>
        </message>
        <message>
            <source>QGIS project</source>
            <translation>QGIS 工程</translation>
        </message>
        <message>
            <source>Read the parcels and the check results again</source>
            <translation>重新读取宗地和质检结果</translation>
        </message>
        <message>
            <source>Reading parcels of {layer}</source>
            <translation>正在读取 {layer} 的宗地</translation>
        </message>
        <message>
            <source>Reading {n} parcels…</source>
            <translation>正在读取 {n} 宗宗地…</translation>
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
            <source>Redone: {reason}</source>
            <translation>重做：{reason}</translation>
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
            <source>Reload</source>
            <translation>重新读取</translation>
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
            <source>Run homestead:classify on the layer and take its suggestions for the parcels not yet reviewed</source>
            <translation>对图层运行 homestead:classify，并为尚未审核的宗地采用其建议</translation>
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
            <source>Saving {layer} failed: {errors}</source>
            <translation>保存 {layer} 失败：{errors}</translation>
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
            <source>Some tools are unavailable: the QGIS Python lacks {names}. Install with: {command}</source>
            <translation>部分工具不可用：QGIS 的 Python 缺少 {names}。安装命令：{command}</translation>
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
            <source>Survey facts</source>
            <translation>调查信息</translation>
        </message>
        <message>
            <source>Surveyed</source>
            <translation>已调查</translation>
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
            <source>The audit table SHJL of {path} lacks the field(s) {fields}; it was not made by this plugin.</source>
            <translation>{path} 中的审核记录表 SHJL 缺少字段 {fields}；该表不是本插件创建的。</translation>
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
            <source>The document checklist (SJQD) holds “{text}”, which is not a JSON object of document -&gt; date; correct or empty it in the attribute table.</source>
            <translation>收件清单（SJQD）的内容“{text}”不是“材料 → 日期”的 JSON 对象；请在属性表中更正或清空。</translation>
        </message>
        <message>
            <source>The fact was saved. The eligibility engine is not installed, so the suggested class was not renewed: run the classification (homestead:classify) when it is.</source>
            <translation>信息已保存。未安装分类判定引擎，分类建议未更新：安装后请运行分类（homestead:classify）。</translation>
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
            <source>This parcel is hidden by the list's filters.</source>
            <translation>该宗地被列表的筛选条件隐藏。</translation>
        </message>
        <message>
            <source>To review</source>
            <translation>待审核</translation>
        </message>
        <message>
            <source>Undone: {reason}</source>
            <translation>撤销：{reason}</translation>
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
            <source>Your name, written with every decision (审核人)</source>
            <translation>您的姓名，随每项决定记录（审核人）</translation>
        </message>
        <message>
            <source>Zoom to the parcel</source>
            <translation>缩放至宗地</translation>
        </message>
        <message>
            <source>an unknown CRS</source>
            <translation>未知坐标系</translation>
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
            <source>met</source>
            <translation>已达成</translation>
        </message>
        <message>
            <source>overdue by {days} days</source>
            <translation>已逾期 {days} 天</translation>
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
            <source>{shown} of {total} parcels shown · {pending} to review</source>
            <translation>显示 {shown} / {total} 宗 · 待审核 {pending} 宗</translation>
        </message>
    </context>
</TS>
