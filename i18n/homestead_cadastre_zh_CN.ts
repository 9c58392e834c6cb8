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
            <source>Choose where to create the survey: a GeoPackage file, or a PostGIS database and a schema.</source>
            <translation>请选择在哪里新建调查库：GeoPackage 文件，或 PostGIS 数据库及模式（schema）。</translation>
        </message>
        <message>
            <source>Could not create layer {layer} in {path}: {message}</source>
            <translation>无法在 {path} 中新建图层 {layer}：{message}</translation>
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
            <source>Could not write the project {path}.</source>
            <translation>无法写出工程 {path}。</translation>
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
            <source>Eligibility</source>
            <translation>三类划分</translation>
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
            <source>GeoPackage (*.gpkg)</source>
            <translation>GeoPackage 文件 (*.gpkg)</translation>
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
            <source>Or a PostGIS database (saved connection, service=... or connection string)</source>
            <translation>或 PostGIS 数据库（已保存的连接、service=... 或连接字符串）</translation>
        </message>
        <message>
            <source>Overlay and checks</source>
            <translation>套合与质检</translation>
        </message>
        <message>
            <source>Prefix of the team role names</source>
            <translation>团队角色名称前缀</translation>
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
            <source>Schema for the survey in the database (new; a-z, 0-9, _)</source>
            <translation>数据库中的调查模式（新建；a-z、0-9、_）</translation>
        </message>
        <message>
            <source>Schema {schema} already exists in the database; a survey is never written over. Choose another schema name, or drop the old schema first.</source>
            <translation>数据库中已有模式 {schema}；不会覆盖已有的调查数据。请换一个模式名称，或先删除旧模式。</translation>
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
            <source>Table {table} of schema {schema} does not open in QGIS: {error}</source>
            <translation>模式 {schema} 中的表 {table} 无法在 QGIS 中打开：{error}</translation>
        </message>
        <message>
            <source>Team roles: {roles}. Give each person a login role that is a member of one (GRANT {reviewer} TO name).</source>
            <translation>团队角色：{roles}。请为每个人建立登录角色并加入其中之一（GRANT {reviewer} TO 用户名）。</translation>
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
            <source>The database refused {what}: {error}</source>
            <translation>数据库拒绝{what}：{error}</translation>
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
            <source>There is no saved PostgreSQL connection named '{name}'. Saved connections: {names}. Give a saved connection's name, a service (service=name) or a connection string (host=... dbname=... user=...).</source>
            <translation>没有名为“{name}”的已保存 PostgreSQL 连接。已保存的连接：{names}。请给出已保存连接的名称、服务（service=名称）或连接字符串（host=... dbname=... user=...）。</translation>
        </message>
        <message>
            <source>a catalogue query</source>
            <translation>系统目录查询</translation>
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
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <source>the command</source>
            <translation>该命令</translation>
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
            <source>to enable PostGIS (ask the database administrator to run CREATE EXTENSION postgis in this database)</source>
            <translation>启用 PostGIS（请数据库管理员在此数据库中执行 CREATE EXTENSION postgis）</translation>
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
    </context>
</TS>
