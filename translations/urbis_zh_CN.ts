<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>app::AboutDialog</name>
    <message>
        <source>&lt;h3&gt;Urbis %1&lt;/h3&gt;&lt;p&gt;3D urban planning: buildings, zoning, terrain, sunlight and flood analysis on real coordinates.&lt;/p&gt;&lt;p&gt;Built on Qt %2, OpenSceneGraph, GDAL, PROJ and CGAL.&lt;/p&gt;&lt;p&gt;Open source software.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Urbis %1&lt;/h3&gt;&lt;p&gt;三维城市规划：在真实坐标上进行建筑、用地规划、地形、日照与洪水淹没分析。&lt;/p&gt;&lt;p&gt;基于 Qt %2、OpenSceneGraph、GDAL、PROJ 和 CGAL 构建。&lt;/p&gt;&lt;p&gt;开源软件。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Urbis</source>
        <translation>关于 Urbis</translation>
    </message>
</context>
<context>
    <name>app::Commands</name>
    <message>
        <source>Add layers</source>
        <translation>添加图层</translation>
    </message>
    <message>
        <source>Remove layer “%1”</source>
        <translation>移除图层“%1”</translation>
    </message>
    <message>
        <source>Rename layer “%1” to “%2”</source>
        <translation>将图层“%1”重命名为“%2”</translation>
    </message>
    <message>
        <source>Show layer “%1”</source>
        <translation>显示图层“%1”</translation>
    </message>
    <message>
        <source>Hide layer “%1”</source>
        <translation>隐藏图层“%1”</translation>
    </message>
    <message>
        <source>Save view</source>
        <translation>保存视图</translation>
    </message>
    <message>
        <source>Clear saved view</source>
        <translation>清除已保存视图</translation>
    </message>
</context>
<context>
    <name>app::CoordinateFormat</name>
    <message>
        <source>E %1  N %2  H %3 m</source>
        <translation>东 %1  北 %2  高程 %3 m</translation>
    </message>
    <message>
        <source>E %1  N %2</source>
        <translation>东 %1  北 %2</translation>
    </message>
    <message>
        <source>%1°E</source>
        <translation>东经 %1°</translation>
    </message>
    <message>
        <source>%1°W</source>
        <translation>西经 %1°</translation>
    </message>
    <message>
        <source>%1°N</source>
        <translation>北纬 %1°</translation>
    </message>
    <message>
        <source>%1°S</source>
        <translation>南纬 %1°</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>longitude latitude</comment>
        <translation>%1  %2</translation>
    </message>
</context>
<context>
    <name>app::CrsPicker</name>
    <message>
        <source>Projected, metres</source>
        <translation>投影坐标系，米</translation>
    </message>
    <message>
        <source>Projected, other units</source>
        <translation>投影坐标系，其他单位</translation>
    </message>
    <message>
        <source>Geographic, degrees</source>
        <translation>地理坐标系，度</translation>
    </message>
    <message>
        <source>Compound, metres</source>
        <translation>复合坐标系，米</translation>
    </message>
    <message>
        <source>Compound</source>
        <translation>复合坐标系</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>EPSG code or name, e.g. 4547 or “UTM zone 50N”</source>
        <translation>EPSG 代码或名称，例如 4547 或“UTM zone 50N”</translation>
    </message>
    <message>
        <source>EPSG code or name, e.g. 4547, 4326 or “CGCS2000 114E”</source>
        <translation>EPSG 代码或名称，例如 4547、4326 或“CGCS2000 114E”</translation>
    </message>
    <message>
        <source>Type an EPSG code (4547, EPSG:4547) or words of the name (CGCS2000 Gauss 114E); Enter takes the first match, Down moves into the list</source>
        <translation>输入 EPSG 代码（4547、EPSG:4547）或名称中的词（CGCS2000 Gauss 114E）；按 Enter 选用第一个匹配项，按下方向键进入列表</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Area of use</source>
        <translation>适用范围</translation>
    </message>
    <message>
        <source>Projected coordinate systems in metres that match the search</source>
        <translation>与搜索匹配、以米为单位的投影坐标系</translation>
    </message>
    <message>
        <source>Coordinate systems that match the search</source>
        <translation>与搜索匹配的坐标系</translation>
    </message>
    <message>
        <source>None chosen yet.</source>
        <translation>尚未选择。</translation>
    </message>
    <message>
        <source>Longitude %1° to %2°, latitude %3° to %4°</source>
        <translation>经度 %1° 至 %2°，纬度 %3° 至 %4°</translation>
    </message>
    <message>
        <source>Deprecated in the EPSG registry</source>
        <translation>已在 EPSG 注册库中弃用</translation>
    </message>
    <message>
        <source>Chosen: %1</source>
        <translation>已选择：%1</translation>
    </message>
</context>
<context>
    <name>app::DatabaseDialog</name>
    <message>
        <source>&amp;List Tables</source>
        <translation>列出数据表(&amp;L)</translation>
    </message>
    <message>
        <source>Import from PostGIS</source>
        <translation>从 PostGIS 导入</translation>
    </message>
    <message>
        <source>Server name or address; a folder for a local socket</source>
        <translation>服务器名称或地址；使用本地套接字时填写套接字所在的文件夹</translation>
    </message>
    <message>
        <source>TCP port of the PostgreSQL server (5432 unless set otherwise)</source>
        <translation>PostgreSQL 服务器的 TCP 端口（未另行设置时为 5432）</translation>
    </message>
    <message>
        <source>Name of the database that holds the layers</source>
        <translation>存放图层的数据库名称</translation>
    </message>
    <message>
        <source>Database user name; empty: your login name</source>
        <translation>数据库用户名；留空则使用您的登录名</translation>
    </message>
    <message>
        <source>Not remembered; leave empty when the server does not ask for one or ~/.pgpass provides it</source>
        <translation>不会被保存；服务器不要求密码或已由 ~/.pgpass 提供时请留空</translation>
    </message>
    <message>
        <source>or a connection string: PG:host=… dbname=… user=…</source>
        <translation>或填写连接字符串：PG:host=… dbname=… user=…</translation>
    </message>
    <message>
        <source>A GDAL/libpq connection string; when given it is used instead of the fields above</source>
        <translation>GDAL/libpq 连接字符串；填写后将代替上面各项使用</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Connection:</source>
        <translation>连接(&amp;C)：</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>数据表</translation>
    </message>
    <message>
        <source>Geometry</source>
        <translation>几何类型</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>要素数</translation>
    </message>
    <message>
        <source>CRS</source>
        <translation>坐标参考系</translation>
    </message>
    <message>
        <source>Tick the tables to import (polygon tables are ticked)</source>
        <translation>勾选要导入的数据表（面数据表已默认勾选）</translation>
    </message>
    <message>
        <source>Connect and list the tables with geometry</source>
        <translation>连接数据库并列出含几何字段的数据表</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Connected, but the database has no table with geometry.</source>
        <translation>已连接，但数据库中没有含几何字段的数据表。</translation>
    </message>
    <message numerus="yes">
        <source>Connected to %1: %n table(s) with geometry.</source>
        <translation>
            <numerusform>已连接到 %1：含几何字段的数据表 %n 个。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>app::Document</name>
    <message>
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>New empty project.</source>
        <translation>已新建空项目。</translation>
    </message>
    <message>
        <source>Demo city</source>
        <translation>示例城市</translation>
    </message>
    <message>
        <source>Could not create the demo city: %1</source>
        <translation>无法生成示例城市：%1</translation>
    </message>
    <message>
        <source>Demo city opened.</source>
        <translation>已打开示例城市。</translation>
    </message>
    <message>
        <source>Could not open “%1”.
%2</source>
        <translation>无法打开“%1”。
%2</translation>
    </message>
    <message>
        <source>Could not save “%1”.
%2
The previous file, if any, is unchanged; try another folder or name.</source>
        <translation>无法保存“%1”。
%2
原有文件（如有）未被改动；请换一个文件夹或文件名再试。</translation>
    </message>
    <message>
        <source>Opened “%1”.</source>
        <translation>已打开“%1”。</translation>
    </message>
    <message>
        <source>Saved “%1”.</source>
        <translation>已保存“%1”。</translation>
    </message>
    <message>
        <source>Terrain</source>
        <translation>地形</translation>
    </message>
    <message>
        <source>Zoning</source>
        <translation>规划用地</translation>
    </message>
    <message>
        <source>Buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <source>Bridges</source>
        <translation>桥梁</translation>
    </message>
</context>
<context>
    <name>app::EditController</name>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Undo the last edit</source>
        <translation>撤销上一步编辑</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Redo the last undone edit</source>
        <translation>重做上一步撤销的编辑</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>&lt;opened project&gt;</source>
        <translation>&lt;打开的项目&gt;</translation>
    </message>
    <message>
        <source>Every edit since the project was opened; click a step to go back to it</source>
        <translation>项目打开以来的全部编辑；单击某一步即可回到该状态</translation>
    </message>
</context>
<context>
    <name>app::FieldMappingBox</name>
    <message>
        <source>Attributes</source>
        <translation>属性</translation>
    </message>
    <message>
        <source>&amp;Height field:</source>
        <translation>高度字段(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;Storeys field:</source>
        <translation>层数字段(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Base height field:</source>
        <translation>基底标高字段(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Zone class field:</source>
        <translation>用地性质字段(&amp;Z)：</translation>
    </message>
    <message>
        <source>&amp;Name field:</source>
        <translation>名称字段(&amp;N)：</translation>
    </message>
    <message>
        <source>Building height in metres above the ground (e.g. height, HEIGHT, measuredHeight, 高度)</source>
        <translation>建筑距地面的高度，单位为米（例如 height、HEIGHT、measuredHeight、高度）</translation>
    </message>
    <message>
        <source>Number of storeys, used where there is no usable height: storeys × storey height (e.g. building:levels, floors, 层数)</source>
        <translation>层数，在没有可用高度时使用：层数 × 层高（例如 building:levels、floors、层数）</translation>
    </message>
    <message>
        <source>Height above the ground where the building starts (e.g. OSM min_height for a part over a passage); the building is extruded from there to its height</source>
        <translation>建筑底部距地面的高度（例如 OSM 中跨越通道的建筑部分的 min_height）；建筑从该高度拉伸至其高度</translation>
    </message>
    <message>
        <source>Land-use class of zoning polygons (e.g. class, landuse, zoning, 用地性质); a layer with a class and no height or storeys field is imported as zoning</source>
        <translation>规划用地面的用地性质（例如 class、landuse、zoning、用地性质）；有用地性质字段而没有高度或层数字段的图层将作为规划用地导入</translation>
    </message>
    <message>
        <source>Name shown for a building or zone (e.g. name, 名称)</source>
        <translation>建筑或地块的显示名称（例如 name、名称）</translation>
    </message>
    <message>
        <source> m</source>
        <translation> m</translation>
    </message>
    <message>
        <source>Height of one storey: a building with N storeys is N × this tall</source>
        <translation>单层的高度：N 层建筑的高度为 N × 此值</translation>
    </message>
    <message>
        <source>Height given to buildings with neither a usable height nor storeys; the import reports how many</source>
        <translation>既无可用高度也无层数的建筑所采用的高度；导入时会报告此类建筑的数量</translation>
    </message>
    <message>
        <source>× storey h&amp;eight</source>
        <translation>× 层高(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Default height:</source>
        <translation>默认高度(&amp;D)：</translation>
    </message>
    <message>
        <source>What the import will do with the buildings, counted from the attributes</source>
        <translation>根据属性统计的各类建筑的导入方式</translation>
    </message>
    <message>
        <source>Preview:</source>
        <translation>预览：</translation>
    </message>
    <message>
        <source>%1 (tag)</source>
        <translation>%1（标签）</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>OpenStreetMap: heights come from the height, building:levels and min_height tags.</source>
        <translation>OpenStreetMap：高度取自 height、building:levels 和 min_height 标签。</translation>
    </message>
    <message>
        <source>3D city model: buildings keep their own geometry and heights.</source>
        <translation>三维城市模型：建筑保留其自身的几何形状和高度。</translation>
    </message>
    <message>
        <source>Elevation raster: it becomes the terrain that buildings stand on.</source>
        <translation>高程栅格：将作为建筑所在的地形。</translation>
    </message>
    <message>
        <source>Colour image: it is draped on the terrain (or laid flat where there is none).</source>
        <translation>彩色影像：将覆盖在地形上（无地形时平铺）。</translation>
    </message>
</context>
<context>
    <name>app::FileController</name>
    <message>
        <source>&amp;New Project</source>
        <translation>新建项目(&amp;N)</translation>
    </message>
    <message>
        <source>Start a new, empty project</source>
        <translation>新建一个空项目</translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a Urbis project (.gpkg)</source>
        <translation>打开 Urbis 项目（.gpkg）</translation>
    </message>
    <message>
        <source>Open &amp;Demo City</source>
        <translation>打开示例城市(&amp;D)</translation>
    </message>
    <message>
        <source>Open the built-in demo city: a river town near Wuhan with buildings, zoning and terrain</source>
        <translation>打开内置示例城市：武汉附近的一座滨江城镇，含建筑、规划用地和地形</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Save the project under a new name</source>
        <translation>以新名称保存项目</translation>
    </message>
    <message>
        <source>&amp;Import Data…</source>
        <translation>导入数据(&amp;I)…</translation>
    </message>
    <message>
        <source>Add buildings, zoning or terrain from a GIS file (GeoPackage, Shapefile, GeoJSON, GeoTIFF…) to the project</source>
        <translation>从 GIS 文件（GeoPackage、Shapefile、GeoJSON、GeoTIFF 等）向项目添加建筑、规划用地或地形</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Quit Urbis</source>
        <translation>退出 Urbis</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>The project “%1” has unsaved changes.
Do you want to save them?</source>
        <translation>项目“%1”有未保存的更改。
是否保存？</translation>
    </message>
    <message>
        <source>The file does not exist.</source>
        <translation>文件不存在。</translation>
    </message>
    <message>
        <source>Please wait for “%1” to finish or cancel it, then open the project again.</source>
        <translation>请等待“%1”完成或将其取消，然后再打开项目。</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>正在打开 %1</translation>
    </message>
    <message>
        <source>Opening canceled; the current project is unchanged.</source>
        <translation>已取消打开；当前项目未改变。</translation>
    </message>
    <message>
        <source>Opened “%1”.</source>
        <translation>已打开“%1”。</translation>
    </message>
    <message>
        <source>Could not import “%1”: the file does not exist.</source>
        <translation>无法导入“%1”：文件不存在。</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>正在导入 %1</translation>
    </message>
    <message>
        <source>Import of “%1” canceled.</source>
        <translation>已取消导入“%1”。</translation>
    </message>
    <message>
        <source>Could not import “%1”.
%2</source>
        <translation>无法导入“%1”。
%2</translation>
    </message>
    <message>
        <source>“%1” contains nothing Urbis can use (no polygon layer with heights or land classes, no elevation raster).</source>
        <translation>“%1”中没有 Urbis 可用的数据（没有带高度或用地性质的面图层，也没有高程栅格）。</translation>
    </message>
    <message>
        <source>Import “%1”</source>
        <translation>导入“%1”</translation>
    </message>
    <message>
        <source>Imported “%1”: layers added: %2.</source>
        <translation>已导入“%1”：新增图层 %2 个。</translation>
    </message>
    <message>
        <source>Imported “%1”: layers added: %2, warnings: %3 (see Messages).</source>
        <translation>已导入“%1”：新增图层 %2 个，警告 %3 条（见“消息”面板）。</translation>
    </message>
    <message>
        <source>Open Project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Urbis projects (*.gpkg);;All files (*)</source>
        <translation>Urbis 项目 (*.gpkg);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Save Project As</source>
        <translation>项目另存为</translation>
    </message>
    <message>
        <source>Urbis projects (*.gpkg)</source>
        <translation>Urbis 项目 (*.gpkg)</translation>
    </message>
    <message>
        <source>Import Data</source>
        <translation>导入数据</translation>
    </message>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>清除列表(&amp;C)</translation>
    </message>
    <message>
        <source>Forget the recently opened projects</source>
        <translation>清除最近打开的项目记录</translation>
    </message>
    <message>
        <source>Urbis</source>
        <translation>Urbis</translation>
    </message>
    <message>
        <source>“%1”: %2 building(s): %3 with a height, %4 from storeys × %5 m, %6 got the default height of %7 m, %8 skipped.</source>
        <translation>“%1”：建筑 %2 栋，其中 %3 栋有高度，%4 栋按层数 × %5 m 计算，%6 栋采用默认高度 %7 m，跳过 %8 栋。</translation>
    </message>
    <message>
        <source>GIS data (*.gpkg *.shp *.geojson *.json *.jsonl *.fgb *.gml *.xml *.kml *.osm *.pbf *.tif *.tiff *.vrt *.asc *.img);;All files (*)</source>
        <translation>GIS 数据 (*.gpkg *.shp *.geojson *.json *.jsonl *.fgb *.gml *.xml *.kml *.osm *.pbf *.tif *.tiff *.vrt *.asc *.img);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>app::FloodController</name>
    <message>
        <source>&amp;Flood Analysis</source>
        <translation>洪水淹没分析(&amp;F)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+F</source>
        <translation>Ctrl+Shift+F</translation>
    </message>
    <message>
        <source>Static water levels, rain ponding and a 2D flood model over the terrain</source>
        <translation>基于地形的静态水位淹没、降雨积水和二维洪水模型</translation>
    </message>
    <message>
        <source>Flood land-cover table saved; the next run uses it.</source>
        <translation>洪水分析下垫面参数表已保存，下次计算时生效。</translation>
    </message>
    <message>
        <source>Flood: pick a seed point in the 3D view first (Pick, then click the map).</source>
        <translation>洪水分析：请先在三维视图中拾取种子点（点击“拾取”，再单击地图）。</translation>
    </message>
    <message>
        <source>Computing flood connection levels…</source>
        <translation>正在计算淹没连通水位…</translation>
    </message>
    <message>
        <source>Flood: the project has no water-body zones (class E) to seed the flood; choose the edge of the terrain or a clicked point.</source>
        <translation>洪水分析：项目中没有可作为洪水种子的水域地块（E 类）；请选择“地形边缘”或“单击点”。</translation>
    </message>
    <message>
        <source>Flood computation canceled.</source>
        <translation>已取消洪水计算。</translation>
    </message>
    <message>
        <source>Flood: another task is running; wait for it or cancel it.</source>
        <translation>洪水分析：另一任务正在运行；请等待其完成或将其取消。</translation>
    </message>
    <message>
        <source>Water level %1 m</source>
        <translation>水位 %1 m</translation>
    </message>
    <message>
        <source>Flooded %1, volume %2 m³, max depth %3 m. Low-lying but unconnected: %4.</source>
        <translation>淹没面积 %1，水量 %2 m³，最大水深 %3 m。地势低洼但未连通：%4。</translation>
    </message>
    <message>
        <source>Computing rain ponding…</source>
        <translation>正在计算降雨积水…</translation>
    </message>
    <message>
        <source>Ponding computation canceled.</source>
        <translation>已取消积水计算。</translation>
    </message>
    <message>
        <source>Rain ponding, %1 mm</source>
        <translation>降雨积水，%1 mm</translation>
    </message>
    <message>
        <source>Runoff %1 m³: %2 m³ ponds in %3 depressions (%4 full), %5 m³ drains away.</source>
        <translation>径流量 %1 m³：%2 m³ 积存于 %3 处洼地（其中 %4 处已满），%5 m³ 排出。</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;Buildings with water at their walls: &lt;b&gt;%3&lt;/b&gt; (%4 m² floor area); road polygons cut: %5.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2&lt;br&gt;墙脚有积水的建筑：&lt;b&gt;%3&lt;/b&gt; 栋（建筑面积 %4 m²）；中断的道路面：%5 个。</translation>
    </message>
    <message>
        <source>A: %1 — %2, %3 buildings. Now: %4, %5 buildings (%6 more, %7 fewer).</source>
        <translation>情景 A：%1 — %2，%3 栋建筑。当前：%4，%5 栋建筑（增加 %6 栋，减少 %7 栋）。</translation>
    </message>
    <message>
        <source>A kept: %1. Compute another flood to compare.</source>
        <translation>已保留为情景 A：%1。再计算一次洪水即可进行对比。</translation>
    </message>
    <message>
        <source>Export flood depth</source>
        <translation>导出淹没深度</translation>
    </message>
    <message>
        <source>GeoTIFF (*.tif *.tiff)</source>
        <translation>GeoTIFF (*.tif *.tiff)</translation>
    </message>
    <message>
        <source>Flood depth written to %1</source>
        <translation>淹没深度已写入 %1</translation>
    </message>
    <message>
        <source>Export affected buildings</source>
        <translation>导出受影响建筑</translation>
    </message>
    <message>
        <source>GeoPackage with the flood extent (*.gpkg);;CSV table (*.csv)</source>
        <translation>含淹没范围的 GeoPackage (*.gpkg);;CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Flood extent and %1 affected buildings written to %2</source>
        <translation>淹没范围和 %1 栋受影响建筑已写入 %2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>%1 affected buildings written to %2</source>
        <translation>%1 栋受影响建筑已写入 %2</translation>
    </message>
    <message>
        <source>Running the 2D flood model…</source>
        <translation>正在运行二维洪水模型…</translation>
    </message>
    <message>
        <source>Flood simulation canceled.</source>
        <translation>已取消洪水模拟。</translation>
    </message>
    <message>
        <source>Mass error %1 %, %2 steps (Δt %3–%4 s), %5 s of computing. Click the map for a depth chart.</source>
        <translation>质量守恒误差 %1 %，共 %2 步（Δt %3–%4 s），计算耗时 %5 s。单击地图可查看该点的水深过程线。</translation>
    </message>
    <message>
        <source>2D model: maximum depth over %1 h</source>
        <translation>二维模型：%1 h 内最大水深</translation>
    </message>
    <message>
        <source>Flood simulation finished: %1</source>
        <translation>洪水模拟完成：%1</translation>
    </message>
    <message>
        <source>2D model: depth at %1:%2</source>
        <translation>二维模型：%1:%2 时刻水深</translation>
    </message>
    <message>
        <source>Depth at E %1, N %2</source>
        <translation>东 %1，北 %2 处的水深</translation>
    </message>
</context>
<context>
    <name>app::FloodPanel</name>
    <message>
        <source>Flood</source>
        <translation>洪水淹没</translation>
    </message>
    <message>
        <source>Water level</source>
        <translation>静态水位</translation>
    </message>
    <message>
        <source>Rain ponding</source>
        <translation>降雨积水</translation>
    </message>
    <message>
        <source>Dynamic 2D</source>
        <translation>二维动态</translation>
    </message>
    <message>
        <source>Tier 0: a static water level connected to the river, the sea or a point</source>
        <translation>第 0 级：与河流、海洋或某一点连通的静态水位</translation>
    </message>
    <message>
        <source>Tier 1: rain fills the depressions in the terrain in spill order</source>
        <translation>第 1 级：降雨按溢流顺序充填地形洼地</translation>
    </message>
    <message>
        <source>Tier 2: a local-inertial 2D model (LISFLOOD-FP ACC). Not for supercritical flow or dam breaks.</source>
        <translation>第 2 级：局部惯性二维模型（LISFLOOD-FP ACC）。不适用于急流或溃坝。</translation>
    </message>
    <message>
        <source> m</source>
        <translation> m</translation>
    </message>
    <message>
        <source>Cell size of the hydrology grid the terrain is resampled to</source>
        <translation>地形重采样后水文网格的单元尺寸</translation>
    </message>
    <message>
        <source>Grid cell:</source>
        <translation>网格单元：</translation>
    </message>
    <message>
        <source>Ignored</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>Blocked (water flows around)</source>
        <translation>阻水（水流绕行）</translation>
    </message>
    <message>
        <source>Raised 5 m (as the EA does)</source>
        <translation>抬高 5 m（英国环境署做法）</translation>
    </message>
    <message>
        <source>How buildings enter the hydrology grid</source>
        <translation>建筑在水文网格中的处理方式</translation>
    </message>
    <message>
        <source>Buildings:</source>
        <translation>建筑：</translation>
    </message>
    <message>
        <source>Land cover from zoning</source>
        <translation>由规划用地生成下垫面</translation>
    </message>
    <message>
        <source>Manning&apos;s n and runoff coefficients per cell from the zoning classes and the roofs; otherwise the uniform values of each tier</source>
        <translation>按规划用地类别和屋顶逐单元确定曼宁糙率 n 和径流系数；否则使用各级别的统一值</translation>
    </message>
    <message>
        <source>Table…</source>
        <translation>参数表…</translation>
    </message>
    <message>
        <source>Edit Manning&apos;s n and the runoff coefficient of each land-cover class</source>
        <translation>编辑各下垫面类别的曼宁糙率 n 和径流系数</translation>
    </message>
    <message>
        <source>Roughness:</source>
        <translation>糙率：</translation>
    </message>
    <message>
        <source>Water bodies (class E zones)</source>
        <translation>水域（E 类地块）</translation>
    </message>
    <message>
        <source>Edge of the terrain</source>
        <translation>地形边缘</translation>
    </message>
    <message>
        <source>Clicked point</source>
        <translation>单击点</translation>
    </message>
    <message>
        <source>Where the water comes from: a cell floods only when connected to a seed</source>
        <translation>水的来源：只有与种子点连通的单元才会被淹没</translation>
    </message>
    <message>
        <source>Pick</source>
        <translation>拾取</translation>
    </message>
    <message>
        <source>Click a point in the 3D view to seed the flood there</source>
        <translation>在三维视图中单击一点，作为洪水的种子点</translation>
    </message>
    <message>
        <source>Seeds:</source>
        <translation>种子点：</translation>
    </message>
    <message>
        <source>No point picked</source>
        <translation>未拾取点</translation>
    </message>
    <message>
        <source>8 neighbours (as GRASS r.lake)</source>
        <translation>8 邻域（同 GRASS r.lake）</translation>
    </message>
    <message>
        <source>4 neighbours (no diagonal leaks)</source>
        <translation>4 邻域（不沿对角线渗漏）</translation>
    </message>
    <message>
        <source>Connectivity:</source>
        <translation>连通性：</translation>
    </message>
    <message>
        <source>Compute connection levels</source>
        <translation>计算连通水位</translation>
    </message>
    <message>
        <source>One pass gives every cell the level at which it floods; the slider is then instant</source>
        <translation>一次计算即可得到每个单元开始被淹没的水位，之后拖动滑块即时显示</translation>
    </message>
    <message>
        <source>Water level (drag for a rising-water view)</source>
        <translation>水位（拖动可查看水位上涨过程）</translation>
    </message>
    <message>
        <source>Water level, metres above the DEM&apos;s vertical datum</source>
        <translation>水位，以 DEM 高程基准起算，单位为米</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>水位：</translation>
    </message>
    <message>
        <source>Animate rising water</source>
        <translation>水位上涨动画</translation>
    </message>
    <message>
        <source> mm</source>
        <translation> mm</translation>
    </message>
    <message>
        <source>Rain depth over the whole terrain</source>
        <translation>整个地形范围内的降雨量</translation>
    </message>
    <message>
        <source>Rain:</source>
        <translation>降雨量：</translation>
    </message>
    <message>
        <source>Fraction of the rain that runs off (roofs and paving ~0.9, green ~0.3); used where land cover from zoning is off</source>
        <translation>形成径流的降雨比例（屋顶和铺装约 0.9，绿地约 0.3）；未启用“由规划用地生成下垫面”时使用</translation>
    </message>
    <message>
        <source>Runoff coefficient:</source>
        <translation>径流系数：</translation>
    </message>
    <message>
        <source>Compute ponding</source>
        <translation>计算积水</translation>
    </message>
    <message>
        <source>Constant rain</source>
        <translation>恒定雨强</translation>
    </message>
    <message>
        <source>Chicago design storm (IDF)</source>
        <translation>芝加哥雨型（暴雨强度公式）</translation>
    </message>
    <message>
        <source> mm/h</source>
        <translation> mm/h</translation>
    </message>
    <message>
        <source>Constant rain intensity</source>
        <translation>恒定的降雨强度</translation>
    </message>
    <message>
        <source>Intensity:</source>
        <translation>雨强：</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Duration of the storm and of the simulation</source>
        <translation>降雨历时及模拟时长</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>历时：</translation>
    </message>
    <message>
        <source>IDF a in i = a / (d + b)^c (i in mm/h, d in minutes)</source>
        <translation>暴雨强度公式 i = a / (d + b)^c 中的 a（i 单位为 mm/h，d 单位为分钟）</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>IDF b</source>
        <translation>暴雨强度公式中的 b</translation>
    </message>
    <message>
        <source>IDF c</source>
        <translation>暴雨强度公式中的 c</translation>
    </message>
    <message>
        <source>Position of the peak as a fraction of the duration</source>
        <translation>雨峰位置（占降雨历时的比例）</translation>
    </message>
    <message>
        <source>IDF a:</source>
        <translation>公式参数 a：</translation>
    </message>
    <message>
        <source>IDF b:</source>
        <translation>公式参数 b：</translation>
    </message>
    <message>
        <source>IDF c:</source>
        <translation>公式参数 c：</translation>
    </message>
    <message>
        <source>Peak at:</source>
        <translation>雨峰位置：</translation>
    </message>
    <message>
        <source>Infiltration losses</source>
        <translation>下渗损失</translation>
    </message>
    <message>
        <source>Losses:</source>
        <translation>下渗损失：</translation>
    </message>
    <message>
        <source>Drainage allowance (the UK EA uses 12 mm/h in towns)</source>
        <translation>扣除的排水能力（英国环境署对城镇取 12 mm/h）</translation>
    </message>
    <message>
        <source>Drainage:</source>
        <translation>排水能力：</translation>
    </message>
    <message>
        <source>Manning&apos;s n of the ground, used where land cover from zoning is off</source>
        <translation>地面的曼宁糙率 n；未启用“由规划用地生成下垫面”时使用</translation>
    </message>
    <message>
        <source>Manning&apos;s n:</source>
        <translation>曼宁糙率 n：</translation>
    </message>
    <message>
        <source>Interval of the depth snapshots for the time slider</source>
        <translation>供时间滑块使用的水深快照间隔</translation>
    </message>
    <message>
        <source>Snapshots every:</source>
        <translation>快照间隔：</translation>
    </message>
    <message>
        <source>Run simulation</source>
        <translation>运行模拟</translation>
    </message>
    <message>
        <source>E %1, N %2</source>
        <translation>东 %1，北 %2</translation>
    </message>
</context>
<context>
    <name>app::FloodResultsPanel</name>
    <message>
        <source>Flood results</source>
        <translation>洪水分析结果</translation>
    </message>
    <message>
        <source>No flood computed yet. Choose a tier in the Flood panel.</source>
        <translation>尚未计算洪水。请在“洪水淹没”面板中选择一个级别。</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <source>Animate the depth over time</source>
        <translation>按时间播放水深变化</translation>
    </message>
    <message>
        <source>Time of the depth shown (the snapshots of the run)</source>
        <translation>所显示水深的时刻（本次计算的快照）</translation>
    </message>
    <message>
        <source>Keep as scenario A</source>
        <translation>保留为情景 A</translation>
    </message>
    <message>
        <source>Remember this flood; the next one is compared with it</source>
        <translation>记住本次洪水结果，下一次结果将与之对比</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>建筑</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Max depth (m)</source>
        <translation>最大水深（m）</translation>
    </message>
    <message>
        <source>Depth class</source>
        <translation>水深等级</translation>
    </message>
    <message>
        <source>Floor area (m²)</source>
        <translation>建筑面积（m²）</translation>
    </message>
    <message>
        <source>Buildings with water at their walls, deepest first; double-click to look at one</source>
        <translation>墙脚有积水的建筑，按水深由深到浅排列；双击可查看该建筑</translation>
    </message>
    <message>
        <source>Time (h)</source>
        <translation>时间（h）</translation>
    </message>
    <message>
        <source>Depth (m)</source>
        <translation>水深（m）</translation>
    </message>
    <message>
        <source>Export depth…</source>
        <translation>导出水深…</translation>
    </message>
    <message>
        <source>The depth raster shown, as GeoTIFF</source>
        <translation>将所显示的水深栅格导出为 GeoTIFF</translation>
    </message>
    <message>
        <source>Export buildings…</source>
        <translation>导出建筑…</translation>
    </message>
    <message>
        <source>The flood extent and the affected buildings as a GeoPackage, or the buildings as a CSV table</source>
        <translation>将淹没范围和受影响建筑导出为 GeoPackage，或将建筑导出为 CSV 表格</translation>
    </message>
    <message>
        <source>Water depth %1</source>
        <translation>水深 %1</translation>
    </message>
    <message>
        <source>%1 (%2 m², up to %3 m)</source>
        <translation>%1（%2 m²，最深 %3 m）</translation>
    </message>
    <message>
        <source>No road area deeper than %1 m.</source>
        <translation>没有水深超过 %1 m 的道路。</translation>
    </message>
    <message>
        <source>Roads cut (deeper than %1 m): %2</source>
        <translation>道路中断（水深超过 %1 m）：%2</translation>
    </message>
</context>
<context>
    <name>app::ImportDialog</name>
    <message>
        <source>%1 m</source>
        <translation>%1 m</translation>
    </message>
    <message>
        <source>(unnamed coordinate system)</source>
        <translation>（未命名坐标系）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Import Data</source>
        <translation>导入数据</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>Import the listed data into the project with these settings</source>
        <translation>按当前设置将列表中的数据导入项目</translation>
    </message>
    <message>
        <source>Data to import</source>
        <translation>待导入数据</translation>
    </message>
    <message>
        <source>Files and database tables to import; select one to see and set how it is read</source>
        <translation>要导入的文件和数据库表；选中一项可查看并设置其读取方式</translation>
    </message>
    <message>
        <source>&amp;Add Files…</source>
        <translation>添加文件(&amp;A)…</translation>
    </message>
    <message>
        <source>Add GIS files: GeoPackage, Shapefile, GeoJSON, OSM, CityJSON, CityGML, GeoTIFF…</source>
        <translation>添加 GIS 文件：GeoPackage、Shapefile、GeoJSON、OSM、CityJSON、CityGML、GeoTIFF 等</translation>
    </message>
    <message>
        <source>Da&amp;tabase…</source>
        <translation>数据库(&amp;T)…</translation>
    </message>
    <message>
        <source>Add tables from a PostGIS database</source>
        <translation>从 PostGIS 数据库添加数据表</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>移除(&amp;R)</translation>
    </message>
    <message>
        <source>Take the selected item off the list (Delete)</source>
        <translation>从列表中移除所选项（Delete）</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Layers:</source>
        <translation>图层：</translation>
    </message>
    <message>
        <source>Coordinate system:</source>
        <translation>坐标系：</translation>
    </message>
    <message>
        <source>Project coordinate system</source>
        <translation>项目坐标系</translation>
    </message>
    <message>
        <source>&amp;Choose Another…</source>
        <translation>选择其他坐标系(&amp;C)…</translation>
    </message>
    <message>
        <source>Use another projected coordinate system in metres for the new project</source>
        <translation>为新项目改用另一个以米为单位的投影坐标系</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>未选择任何项</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>Unreadable (see below)</source>
        <translation>无法读取（见下方）</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%2, %Ln feature(s))</source>
        <translation>
            <numerusform>%1（%2，%Ln 个要素）</numerusform>
        </translation>
    </message>
    <message>
        <source> — not imported</source>
        <translation> — 不导入</translation>
    </message>
    <message>
        <source> → buildings</source>
        <translation> → 建筑</translation>
    </message>
    <message>
        <source> → zoning</source>
        <translation> → 规划用地</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>另有 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;None.&lt;/b&gt; Choose the coordinate system its coordinates are in (an EPSG code or name):</source>
        <translation>&lt;b&gt;无。&lt;/b&gt;请选择其坐标所用的坐标系（EPSG 代码或名称）：</translation>
    </message>
    <message>
        <source>Elevation raster: imported as terrain.</source>
        <translation>高程栅格：作为地形导入。</translation>
    </message>
    <message>
        <source>%1 city object(s), imported with their own 3D geometry.</source>
        <translation>%1 个城市对象，按其自身的三维几何导入。</translation>
    </message>
    <message>
        <source>%1 with height, %2 from storeys, %3 get the default height (%4)</source>
        <translation>%1 栋有高度，%2 栋按层数计算，%3 栋采用默认高度（%4）</translation>
    </message>
    <message>
        <source>%1 zoning polygon(s)</source>
        <translation>%1 个规划用地面</translation>
    </message>
    <message>
        <source>No polygon features to import.</source>
        <translation>没有可导入的面要素。</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <source>%1 — no coordinate system: choose one</source>
        <translation>%1 — 无坐标系：请选择</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>assumed %1</source>
        <translation>假定为 %1</translation>
    </message>
    <message>
        <source>%1   (%2)</source>
        <translation>%1   （%2）</translation>
    </message>
    <message>
        <source>%1. Imported data are reprojected into it.</source>
        <translation>%1。导入的数据将重投影到该坐标系。</translation>
    </message>
    <message>
        <source>The new project will use %1, as you chose.</source>
        <translation>新项目将按您的选择使用 %1。</translation>
    </message>
    <message>
        <source>The new project will use %1, from “%2”.</source>
        <translation>新项目将使用来自“%2”的 %1。</translation>
    </message>
    <message>
        <source>The project has no coordinate system yet: it takes the first dataset’s (or the local UTM zone for longitude/latitude data) unless you choose one.</source>
        <translation>项目尚无坐标系：除非您另行选择，否则将采用第一个数据集的坐标系（经纬度数据则采用当地的 UTM 投影带）。</translation>
    </message>
    <message>
        <source>Add a file or a database table to import.</source>
        <translation>请添加要导入的文件或数据库表。</translation>
    </message>
    <message>
        <source>Reading “%1”…</source>
        <translation>正在读取“%1”…</translation>
    </message>
    <message>
        <source>“%1” cannot be read; remove it from the list.</source>
        <translation>无法读取“%1”；请将其从列表中移除。</translation>
    </message>
    <message>
        <source>“%1” has no coordinate system: choose the one its coordinates are in.</source>
        <translation>“%1”没有坐标系：请选择其坐标所用的坐标系。</translation>
    </message>
    <message>
        <source>“%1” has no polygon, raster or city model layer Urbis can import.</source>
        <translation>“%1”中没有 Urbis 可导入的面、栅格或城市模型图层。</translation>
    </message>
    <message>
        <source>Choose the project’s coordinate system (a projected one in metres).</source>
        <translation>请选择项目坐标系（以米为单位的投影坐标系）。</translation>
    </message>
    <message>
        <source>Add Data</source>
        <translation>添加数据</translation>
    </message>
    <message>
        <source>GIS data (*.gpkg *.shp *.geojson *.json *.fgb *.kml *.osm *.pbf *.gml *.xml *.tif *.tiff *.vrt *.asc *.img *.jsonl);;All files (*)</source>
        <translation>GIS 数据 (*.gpkg *.shp *.geojson *.json *.fgb *.kml *.osm *.pbf *.gml *.xml *.tif *.tiff *.vrt *.asc *.img *.jsonl);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Colour image: imported as imagery, draped on the terrain.</source>
        <translation>彩色影像：作为影像导入，覆盖在地形上。</translation>
    </message>
</context>
<context>
    <name>app::LandCoverDialog</name>
    <message>
        <source>Flood land cover</source>
        <translation>洪水分析下垫面</translation>
    </message>
    <message>
        <source>Manning&apos;s n (roughness, s/m^⅓) drives the 2D model; the runoff coefficient (0–1) is the share of rain that runs off in rain ponding. Zoning maps to classes: green space → green, water → water, roads → paved, built plots → built-up, buildings → roof, streets outside zones → paved.</source>
        <translation>曼宁糙率 n（s/m^⅓）用于二维模型；径流系数（0–1）是降雨积水计算中形成径流的降雨比例。规划用地与类别的对应关系：绿地 → green，水域 → water，道路 → paved，建设地块 → built-up，建筑 → roof，地块以外的街道 → paved。</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Manning&apos;s n</source>
        <translation>曼宁糙率 n</translation>
    </message>
    <message>
        <source>Runoff coefficient</source>
        <translation>径流系数</translation>
    </message>
    <message>
        <source>Row %1 (%2): Manning&apos;s n must be in (0, 1] and the runoff coefficient in [0, 1].</source>
        <translation>第 %1 行（%2）：曼宁糙率 n 须在 (0, 1] 范围内，径流系数须在 [0, 1] 范围内。</translation>
    </message>
</context>
<context>
    <name>app::LayerPanel</name>
    <message>
        <source>Buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <source>Zoning</source>
        <translation>规划用地</translation>
    </message>
    <message>
        <source>Terrain</source>
        <translation>地形</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Project layers: tick to show, double-click or F2 to rename, right-click for more</source>
        <translation>项目图层：勾选即显示，双击或按 F2 重命名，右键查看更多操作</translation>
    </message>
    <message>
        <source>&amp;Zoom to Layer</source>
        <translation>缩放至图层(&amp;Z)</translation>
    </message>
    <message>
        <source>Frame the selected layer in the 3D view</source>
        <translation>在三维视图中完整显示所选图层</translation>
    </message>
    <message>
        <source>&amp;Rename Layer</source>
        <translation>重命名图层(&amp;R)</translation>
    </message>
    <message>
        <source>Change the name the selected layer is shown with</source>
        <translation>修改所选图层的显示名称</translation>
    </message>
    <message>
        <source>Re&amp;move Layer</source>
        <translation>移除图层(&amp;M)</translation>
    </message>
    <message>
        <source>Remove the selected layer from the project (undoable)</source>
        <translation>从项目中移除所选图层（可撤销）</translation>
    </message>
    <message>
        <source>%1
%2 layer, %3 features
id: %4</source>
        <translation>%1
%2图层，要素 %3 个
标识：%4</translation>
    </message>
    <message>
        <source>Imagery</source>
        <translation>影像</translation>
    </message>
</context>
<context>
    <name>app::LegendPanel</name>
    <message>
        <source>Residential</source>
        <translation>居住用地</translation>
    </message>
    <message>
        <source>Public administration and services</source>
        <translation>公共管理与公共服务设施用地</translation>
    </message>
    <message>
        <source>Commercial and business</source>
        <translation>商业服务业设施用地</translation>
    </message>
    <message>
        <source>Industrial</source>
        <translation>工业用地</translation>
    </message>
    <message>
        <source>Logistics and warehouse</source>
        <translation>物流仓储用地</translation>
    </message>
    <message>
        <source>Roads and transport</source>
        <translation>道路与交通设施用地</translation>
    </message>
    <message>
        <source>Utilities</source>
        <translation>公用设施用地</translation>
    </message>
    <message>
        <source>Green space and squares</source>
        <translation>绿地与广场用地</translation>
    </message>
    <message>
        <source>Water and non-construction</source>
        <translation>非建设用地/水域</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>Land use class</source>
        <translation>用地类别</translation>
    </message>
    <message>
        <source>Zones</source>
        <translation>地块数</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>面积</translation>
    </message>
    <message>
        <source>Colours of the zoning in the 3D view: GB 50137-2011 land use classes of every visible zoning layer, with the number of zones and their area</source>
        <translation>三维视图中规划用地的颜色：每个可见规划用地图层的 GB 50137-2011 用地分类，及其地块数与面积</translation>
    </message>
    <message>
        <source>No visible zoning layer.
Show or import one to see its land use classes here.</source>
        <translation>没有可见的规划用地图层。
显示或导入规划用地图层，即可在此查看其用地分类。</translation>
    </message>
    <message>
        <source>%1 ha</source>
        <translation>%1 公顷</translation>
    </message>
    <message>
        <source>%1 (%2)
Zones: %3
Area: %4</source>
        <translation>%1（%2）
地块数：%3
面积：%4</translation>
    </message>
</context>
<context>
    <name>app::LogPanel</name>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Clear Messages</source>
        <translation>清除消息</translation>
    </message>
    <message>
        <source>Warning: </source>
        <translation>警告：</translation>
    </message>
    <message>
        <source>Error: </source>
        <translation>错误：</translation>
    </message>
</context>
<context>
    <name>app::Main</name>
    <message>
        <source>could not save the screenshot to %1</source>
        <translation>无法将截图保存到 %1</translation>
    </message>
    <message>
        <source>Urbis: 3D urban planning on real coordinates.</source>
        <translation>Urbis：基于真实坐标的三维城市规划。</translation>
    </message>
    <message>
        <source>Open the built-in demo city.</source>
        <translation>打开内置示例城市。</translation>
    </message>
    <message>
        <source>User interface language, e.g. zh_CN or en (default: the system&apos;s).</source>
        <translation>界面语言，例如 zh_CN 或 en（默认跟随系统）。</translation>
    </message>
    <message>
        <source>locale</source>
        <translation>语言代码</translation>
    </message>
    <message>
        <source>Save a picture of the window to &lt;file&gt; (PNG) once it is shown, then quit.</source>
        <translation>窗口显示后将截图保存到 &lt;文件&gt;（PNG），然后退出。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>A Urbis project to open, or a GIS dataset to import.</source>
        <translation>要打开的 Urbis 项目，或要导入的 GIS 数据。</translation>
    </message>
    <message>
        <source>[file]</source>
        <translation>[文件]</translation>
    </message>
    <message>
        <source>give at most one file to open</source>
        <translation>一次最多只能打开一个文件</translation>
    </message>
    <message>
        <source>--demo and a file cannot be combined</source>
        <translation>--demo 不能与文件同时使用</translation>
    </message>
    <message>
        <source>no such file: %1</source>
        <translation>文件不存在：%1</translation>
    </message>
    <message>
        <source>Print the time from start to the first rendered frame.</source>
        <translation>输出从启动到渲染出第一帧所用的时间。</translation>
    </message>
</context>
<context>
    <name>app::MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <source>Show or hide the %1 panel</source>
        <translation>显示或隐藏“%1”面板</translation>
    </message>
    <message>
        <source>&amp;Layer</source>
        <translation>图层(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Urbis</source>
        <translation>关于 Urbis(&amp;A)</translation>
    </message>
    <message>
        <source>Version and credits</source>
        <translation>版本与致谢</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 &amp;Qt</translation>
    </message>
    <message>
        <source>The version of Qt Urbis runs on</source>
        <translation>Urbis 所用的 Qt 版本</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <source>Show or hide the %1 toolbar</source>
        <translation>显示或隐藏“%1”工具栏</translation>
    </message>
    <message>
        <source>%1[*] — Urbis</source>
        <translation>%1[*] — Urbis</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>分析(&amp;A)</translation>
    </message>
</context>
<context>
    <name>app::StatusBarController</name>
    <message>
        <source>Cursor position in the project coordinate system: easting, northing and height of the surface under the cursor</source>
        <translation>光标在项目坐标系中的位置：光标下地表的东坐标、北坐标和高程</translation>
    </message>
    <message>
        <source>Cursor position as longitude and latitude (WGS 84)</source>
        <translation>光标位置的经纬度（WGS 84）</translation>
    </message>
    <message>
        <source>Coordinate system of the project</source>
        <translation>项目坐标系</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel the running task</source>
        <translation>取消正在运行的任务</translation>
    </message>
    <message>
        <source>No coordinate system</source>
        <translation>无坐标系</translation>
    </message>
    <message>
        <source>Canceled: %1</source>
        <translation>已取消：%1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>heights: datum not declared</source>
        <translation>高程：未声明高程基准</translation>
    </message>
    <message>
        <source>heights: %1</source>
        <translation>高程：%1</translation>
    </message>
    <message>
        <source>Coordinate system of the project: %1. Heights (terrain, building bases) are used as the data give them; %2.</source>
        <translation>项目坐标系：%1。高程（地形、建筑基底）按数据原值使用；%2。</translation>
    </message>
</context>
<context>
    <name>app::SunlightController</name>
    <message>
        <source>&amp;Sunlight…</source>
        <translation>日照分析(&amp;S)…</translation>
    </message>
    <message>
        <source>Sunlight hours of windows and open space under a regulation, with live sun shadows</source>
        <translation>按规范计算窗户和室外场地的日照时数，并实时显示日照阴影</translation>
    </message>
    <message>
        <source>Add &amp;Tower…</source>
        <translation>添加塔楼(&amp;T)…</translation>
    </message>
    <message>
        <source>Place a tower at a point in the view, as a proposal to compare</source>
        <translation>在视图中的某点放置一栋塔楼，作为比选方案</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>太阳</translation>
    </message>
    <message>
        <source>Shadows</source>
        <translation>阴影</translation>
    </message>
    <message>
        <source>Show live sun shadows in the view (a preview: the numbers come from exact shadow rays)</source>
        <translation>在视图中实时显示日照阴影（仅为预览：数值结果由精确的阴影射线计算得出）</translation>
    </message>
    <message>
        <source>Time of the analysis day (in the regulation&apos;s time base)</source>
        <translation>分析日的时刻（按规范采用的时间基准）</translation>
    </message>
    <message>
        <source>Click a building or a point in the view.</source>
        <translation>请在视图中单击一栋建筑或一个点。</translation>
    </message>
    <message>
        <source>Save as Preset</source>
        <translation>另存为预设</translation>
    </message>
    <message>
        <source>Preset name (letters, digits, &apos;-&apos; and &apos;_&apos;; urbis-cli --preset NAME):</source>
        <translation>预设名称（可用字母、数字、&apos;-&apos; 和 &apos;_&apos;；用于 urbis-cli --preset NAME）：</translation>
    </message>
    <message>
        <source>“%1” is not a valid new preset name: use letters, digits, &apos;-&apos; and &apos;_&apos;, and a name no preset has yet.</source>
        <translation>“%1”不是有效的新预设名称：请使用字母、数字、&apos;-&apos; 和 &apos;_&apos;，且不得与已有预设重名。</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Preset saved to %1</source>
        <translation>预设已保存到 %1</translation>
    </message>
    <message>
        <source>Export Sunlight Table</source>
        <translation>导出日照表</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export Hour Map</source>
        <translation>导出日照时数图</translation>
    </message>
    <message>
        <source>GeoTIFF (*.tif *.tiff)</source>
        <translation>GeoTIFF (*.tif *.tiff)</translation>
    </message>
    <message>
        <source>Sunlight Report</source>
        <translation>日照分析报告</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>invalid parameters</source>
        <translation>参数无效</translation>
    </message>
    <message>
        <source>no location</source>
        <translation>无位置信息</translation>
    </message>
    <message>
        <source>true solar time</source>
        <translation>真太阳时</translation>
    </message>
    <message>
        <source>clock time</source>
        <translation>钟表时间</translation>
    </message>
    <message>
        <source>solar</source>
        <translation>真太阳时</translation>
    </message>
    <message>
        <source>clock</source>
        <translation>钟表时间</translation>
    </message>
    <message>
        <source>%1 %2 %3</source>
        <translation>%1 %2 %3</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>sun: altitude %1°, azimuth %2°</source>
        <translation>太阳：高度角 %1°，方位角 %2°</translation>
    </message>
    <message>
        <source>sun below the horizon</source>
        <translation>太阳位于地平线以下</translation>
    </message>
    <message>
        <source>Another task is running; wait for it or cancel it.</source>
        <translation>另一任务正在运行；请等待其完成或将其取消。</translation>
    </message>
    <message>
        <source>The project has no coordinate reference system or no content: the sun needs to know where the city is.</source>
        <translation>项目没有坐标参考系或没有内容：计算太阳位置需要知道城市所在的位置。</translation>
    </message>
    <message>
        <source>The parameters are not valid: %1</source>
        <translation>参数无效：%1</translation>
    </message>
    <message>
        <source>Pick a building first (Pick in View), or analyse all residential buildings.</source>
        <translation>请先拾取一栋建筑（“在视图中拾取”），或分析全部住宅建筑。</translation>
    </message>
    <message>
        <source>No visible zoning layer has green space zones (class G): choose the square around the picked point.</source>
        <translation>没有可见的规划用地图层含有绿地地块（G 类）：请选择“拾取点周围的正方形区域”。</translation>
    </message>
    <message>
        <source>The grid would have about %L1 points (at most %L2): use a larger spacing or a smaller area.</source>
        <translation>网格将有约 %L1 个点（上限为 %L2 个）：请增大间距或缩小范围。</translation>
    </message>
    <message>
        <source>Choose the proposal&apos;s buildings layer, or add a tower first.</source>
        <translation>请选择方案的建筑图层，或先添加一栋塔楼。</translation>
    </message>
    <message>
        <source>Sunlight comparison</source>
        <translation>日照方案对比</translation>
    </message>
    <message>
        <source>Sunlight analysis</source>
        <translation>日照分析</translation>
    </message>
    <message>
        <source>Canceled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>The analysis failed: %1</source>
        <translation>分析失败：%1</translation>
    </message>
    <message>
        <source>Comparing the baseline with the proposal…</source>
        <translation>正在对比现状与方案…</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Sunlight: %1</source>
        <translation>日照分析：%1</translation>
    </message>
    <message>
        <source>%L1 windows of %L2 buildings: %L3 pass, %L4 fail</source>
        <translation>%L2 栋建筑的 %L1 个窗户：%L3 个满足，%L4 个不满足</translation>
    </message>
    <message>
        <source>%L1 grid points in the open (%L2 under roofs left out), mean %3 h: %L4 at or above the requirement, %L5 below</source>
        <translation>室外网格点 %L1 个（已排除屋顶下的 %L2 个），平均 %3 h：达到要求的 %L4 个，未达到的 %L5 个</translation>
    </message>
    <message>
        <source>With the proposal: %L1 lose sunlight, %L2 newly fail (%L3 failed before, %L4 after).</source>
        <translation>加入方案后：%L1 个日照减少，%L2 个新增不满足（之前不满足 %L3 个，之后 %L4 个）。</translation>
    </message>
    <message>
        <source>Computed in %1 s (%L2 shadow rays).</source>
        <translation>计算耗时 %1 s（阴影射线 %L2 条）。</translation>
    </message>
    <message>
        <source>passes (≥ %1 h)</source>
        <translation>满足（≥ %1 h）</translation>
    </message>
    <message>
        <source>fails</source>
        <translation>不满足</translation>
    </message>
    <message>
        <source>no requirement / inside a building</source>
        <translation>无要求 / 位于建筑内</translation>
    </message>
    <message>
        <source>dark frame: newly fails with the proposal</source>
        <translation>深色边框：加入方案后新增不满足</translation>
    </message>
    <message>
        <source>Windows</source>
        <translation>窗户</translation>
    </message>
    <message>
        <source>≥ %1 h</source>
        <translation>≥ %1 h</translation>
    </message>
    <message>
        <source>%1 – %2 h</source>
        <translation>%1 – %2 h</translation>
    </message>
    <message>
        <source>Sunlight hours</source>
        <translation>日照时数</translation>
    </message>
    <message>
        <source>Run an analysis first.</source>
        <translation>请先运行分析。</translation>
    </message>
    <message>
        <source>Run a plan grid analysis first: the hour map is the grid&apos;s.</source>
        <translation>请先运行平面网格分析：日照时数图来自网格分析结果。</translation>
    </message>
    <message>
        <source>Writing the sunlight report</source>
        <translation>正在生成日照分析报告</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>报告已写入 %1</translation>
    </message>
    <message>
        <source>Buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>Terrain</source>
        <translation>地形</translation>
    </message>
    <message>
        <source>project terrain (casts shadows)</source>
        <translation>项目地形（参与遮挡）</translation>
    </message>
    <message>
        <source>Add Tower</source>
        <translation>添加塔楼</translation>
    </message>
    <message>
        <source> m</source>
        <translation> m</translation>
    </message>
    <message>
        <source>A square tower, placed where you click in the view next.</source>
        <translation>一栋方形塔楼，放置在您接下来在视图中单击的位置。</translation>
    </message>
    <message>
        <source>Side:</source>
        <translation>边长：</translation>
    </message>
    <message>
        <source>Height:</source>
        <translation>高度：</translation>
    </message>
    <message>
        <source>Click in the view where the tower stands.</source>
        <translation>请在视图中单击塔楼所在的位置。</translation>
    </message>
    <message>
        <source>Proposed tower</source>
        <translation>拟建塔楼</translation>
    </message>
    <message>
        <source>Proposed tower (%1 m)</source>
        <translation>拟建塔楼（%1 m）</translation>
    </message>
    <message>
        <source>Tower added as layer “%1”: Compare runs the analysis without and with it.</source>
        <translation>塔楼已添加为图层“%1”：“对比”将分别在没有和有该塔楼时运行分析。</translation>
    </message>
    <message>
        <source>no use</source>
        <translation>用途未注明</translation>
    </message>
    <message>
        <source>Building %1 (%2, %3 m, %4 storeys)</source>
        <translation>建筑 %1（%2，%3 m，%4 层）</translation>
    </message>
    <message>
        <source>Point %1, %2</source>
        <translation>点 %1，%2</translation>
    </message>
    <message>
        <source>Outlines</source>
        <translation>阴影轮廓</translation>
    </message>
    <message>
        <source>Draw the shadow outlines of the buildings on the ground at the slider time (a shadow study figure)</source>
        <translation>在地面上绘制滑块所示时刻的建筑阴影轮廓（即阴影分析图）</translation>
    </message>
</context>
<context>
    <name>app::SunlightJob</name>
    <message>
        <source>The proposal layer holds no buildings: add a tower (Analysis &gt; Add Tower…) or choose another buildings layer as the proposal.</source>
        <translation>方案图层中没有建筑：请添加塔楼（分析 &gt; 添加塔楼…）或选择其他建筑图层作为方案。</translation>
    </message>
    <message>
        <source>No windows to analyse: no visible building is residential with a facade long enough for a window (are the residential buildings&apos; layers visible?).</source>
        <translation>没有可分析的窗户：没有可见的住宅建筑具有足以布置窗户的立面（住宅建筑所在的图层是否可见？）。</translation>
    </message>
    <message>
        <source>No windows to analyse: the picked building is not residential, or has no facade long enough for a window (or none facing south, with South-facing only).</source>
        <translation>没有可分析的窗户：所拾取的建筑不是住宅，或没有足以布置窗户的立面（或在勾选“仅南向立面”时没有朝南的立面）。</translation>
    </message>
</context>
<context>
    <name>app::SunlightPanel</name>
    <message>
        <source>Sunlight</source>
        <translation>日照分析</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>Compute the sunlight hours of the receivers (exact shadow rays, transitions to the second)</source>
        <translation>计算分析对象的日照时数（精确阴影射线，日照起止时刻精确到秒）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Table (CSV)…</source>
        <translation>表格（CSV）…</translation>
    </message>
    <message>
        <source>Hour Map (GeoTIFF)…</source>
        <translation>日照时数图（GeoTIFF）…</translation>
    </message>
    <message>
        <source>Report (PDF)…</source>
        <translation>报告（PDF）…</translation>
    </message>
    <message>
        <source>Regulation</source>
        <translation>规范</translation>
    </message>
    <message>
        <source>Regulation preset: every parameter that changes a result</source>
        <translation>规范预设：包含所有影响结果的参数</translation>
    </message>
    <message>
        <source>Year of the analysis date (solar terms such as 大寒 move by a day between years)</source>
        <translation>分析日期所在的年份（大寒等节气在不同年份之间会相差一天）</translation>
    </message>
    <message>
        <source>Copy and Edit</source>
        <translation>复制并编辑</translation>
    </message>
    <message>
        <source>Make an editable copy of this preset</source>
        <translation>创建此预设的可编辑副本</translation>
    </message>
    <message>
        <source>Save as Preset…</source>
        <translation>另存为预设…</translation>
    </message>
    <message>
        <source>Save the edited parameters as a preset file (urbis-cli --preset reads it too)</source>
        <translation>将编辑后的参数保存为预设文件（urbis-cli --preset 也可读取）</translation>
    </message>
    <message>
        <source>Receivers</source>
        <translation>分析对象</translation>
    </message>
    <message>
        <source>Windows of residential buildings</source>
        <translation>住宅建筑的窗户</translation>
    </message>
    <message>
        <source>Plan grid</source>
        <translation>平面网格</translation>
    </message>
    <message>
        <source>All residential buildings</source>
        <translation>全部住宅建筑</translation>
    </message>
    <message>
        <source>Picked building</source>
        <translation>所拾取的建筑</translation>
    </message>
    <message>
        <source>Buildings:</source>
        <translation>建筑：</translation>
    </message>
    <message>
        <source>South-facing facades only</source>
        <translation>仅南向立面</translation>
    </message>
    <message>
        <source>Facades whose outward normal lies within 90° of true south (the main lighting facades of north–south slabs)</source>
        <translation>外法线与正南方向夹角在 90° 以内的立面（南北向板楼的主要采光面）</translation>
    </message>
    <message>
        <source> m</source>
        <translation> m</translation>
    </message>
    <message>
        <source>Window spacing:</source>
        <translation>窗户间距：</translation>
    </message>
    <message>
        <source>1: the sill centre; N &gt; 1: N points across the window, lit only when all are (whole window lit, 满窗日照)</source>
        <translation>1：窗台中点；N &gt; 1：沿窗宽取 N 个点，全部有日照时才计为有日照（满窗日照）</translation>
    </message>
    <message>
        <source>Sill samples:</source>
        <translation>窗台采样点：</translation>
    </message>
    <message>
        <source>Square around the picked point</source>
        <translation>拾取点周围的正方形区域</translation>
    </message>
    <message>
        <source>Green space zones (G)</source>
        <translation>绿地地块（G）</translation>
    </message>
    <message>
        <source>Area:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>Square side:</source>
        <translation>正方形边长：</translation>
    </message>
    <message>
        <source>Spacing:</source>
        <translation>间距：</translation>
    </message>
    <message>
        <source>Receiver height above the ground (BRE BR 209: 0; Japan 日影規制: 1.5 or 4)</source>
        <translation>计算点距地面的高度（BRE BR 209：0；日本日影規制：1.5 或 4）</translation>
    </message>
    <message>
        <source>Height:</source>
        <translation>高度：</translation>
    </message>
    <message>
        <source>Pick in View</source>
        <translation>在视图中拾取</translation>
    </message>
    <message>
        <source>Click a building (or a point on the ground) in the 3D view</source>
        <translation>在三维视图中单击一栋建筑（或地面上的一点）</translation>
    </message>
    <message>
        <source>Nothing picked</source>
        <translation>未拾取</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Pass / fail</source>
        <translation>满足 / 不满足</translation>
    </message>
    <message>
        <source>Sunlight hours</source>
        <translation>日照时数</translation>
    </message>
    <message>
        <source>Colour windows by:</source>
        <translation>窗户着色依据：</translation>
    </message>
    <message>
        <source>Colour-blind safe (blue / orange)</source>
        <translation>色盲友好配色（蓝 / 橙）</translation>
    </message>
    <message>
        <source>Scheme Comparison</source>
        <translation>方案对比</translation>
    </message>
    <message>
        <source>The buildings layer that holds the proposal; the baseline is every other visible buildings layer</source>
        <translation>包含方案的建筑图层；其余所有可见的建筑图层作为现状</translation>
    </message>
    <message>
        <source>Proposal layer:</source>
        <translation>方案图层：</translation>
    </message>
    <message>
        <source>Add Tower…</source>
        <translation>添加塔楼…</translation>
    </message>
    <message>
        <source>Place a tower at a point picked in the view, in a new proposal layer</source>
        <translation>在视图中拾取的点放置一栋塔楼，并放入新的方案图层</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>The same receivers without and with the proposal: which lose sunlight, which newly fail</source>
        <translation>对同一组分析对象分别在没有和有方案时计算：哪些日照减少，哪些新增不满足</translation>
    </message>
    <message>
        <source>Edited copy of %1</source>
        <translation>%1 的编辑副本</translation>
    </message>
    <message>
        <source>%1 (edited)</source>
        <translation>%1（已编辑）</translation>
    </message>
    <message>
        <source>— choose a layer, or Add Tower… —</source>
        <translation>— 选择图层，或添加塔楼… —</translation>
    </message>
</context>
<context>
    <name>app::SunlightPresetEditor</name>
    <message>
        <source>Great Cold (大寒)</source>
        <translation>大寒日</translation>
    </message>
    <message>
        <source>Winter solstice (冬至)</source>
        <translation>冬至日</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>23:59 stands for the end of the day (24:00).</source>
        <translation>23:59 表示当天结束（24:00）。</translation>
    </message>
    <message>
        <source>Window:</source>
        <translation>有效时间带：</translation>
    </message>
    <message>
        <source>True solar time</source>
        <translation>真太阳时</translation>
    </message>
    <message>
        <source>Clock time</source>
        <translation>钟表时间</translation>
    </message>
    <message>
        <source>Time base:</source>
        <translation>时间基准：</translation>
    </message>
    <message>
        <source>IANA time zone (or UTC±HH:MM) of the clock times; with true solar time the intervals are also listed in this clock time.</source>
        <translation>钟表时间所用的 IANA 时区（或 UTC±HH:MM）；采用真太阳时时，日照时段也会按此钟表时间列出。</translation>
    </message>
    <message>
        <source>Clock zone:</source>
        <translation>时区：</translation>
    </message>
    <message>
        <source>Cumulative</source>
        <translation>累计</translation>
    </message>
    <message>
        <source>Longest segment</source>
        <translation>最长连续时段</translation>
    </message>
    <message>
        <source>Sum of the N longest</source>
        <translation>最长 N 段之和</translation>
    </message>
    <message>
        <source>N = </source>
        <translation>N = </translation>
    </message>
    <message>
        <source>Counting:</source>
        <translation>计算方式：</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Lit segments shorter than this are dropped before counting.</source>
        <translation>短于此值的日照时段在计算前舍去。</translation>
    </message>
    <message>
        <source>Minimum segment:</source>
        <translation>最短时段：</translation>
    </message>
    <message>
        <source>Minimum sun altitude:</source>
        <translation>最小太阳高度角：</translation>
    </message>
    <message>
        <source>Sun rays flatter than this to the facade, in plan, do not count.</source>
        <translation>在平面上与立面夹角小于此值的阳光不计入。</translation>
    </message>
    <message>
        <source>Sweep angle:</source>
        <translation>最小方位夹角：</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Required:</source>
        <translation>要求时数：</translation>
    </message>
    <message>
        <source>Coarse time step; every sun/shadow transition is then refined to the second.</source>
        <translation>粗略时间步长；之后每个日照/阴影转换时刻都会精确到秒。</translation>
    </message>
    <message>
        <source>Time step:</source>
        <translation>时间步长：</translation>
    </message>
    <message>
        <source>Unknown time zone “%1”: choose an IANA zone such as Asia/Shanghai, or UTC±HH:MM.</source>
        <translation>未知时区“%1”：请选择 IANA 时区（如 Asia/Shanghai）或 UTC±HH:MM。</translation>
    </message>
</context>
<context>
    <name>app::SunlightResultsPanel</name>
    <message>
        <source>Building</source>
        <translation>建筑</translation>
    </message>
    <message>
        <source>Storey</source>
        <translation>楼层</translation>
    </message>
    <message>
        <source>Facade</source>
        <translation>立面</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗户</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>网格点</translation>
    </message>
    <message>
        <source>Hours after (h:mm:ss)</source>
        <translation>方案后时数（h:mm:ss）</translation>
    </message>
    <message>
        <source>Hours (h:mm:ss)</source>
        <translation>日照时数（h:mm:ss）</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>要求</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Lit (true solar time)</source>
        <translation>日照时段（真太阳时）</translation>
    </message>
    <message>
        <source>Lit (clock time)</source>
        <translation>日照时段（钟表时间）</translation>
    </message>
    <message>
        <source>Hours before</source>
        <translation>方案前时数</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>方案影响</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>inside a building</source>
        <translation>位于建筑内</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>满足</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>不满足</translation>
    </message>
    <message>
        <source>never faces the sun</source>
        <translation>始终背阳</translation>
    </message>
    <message>
        <source>no sun</source>
        <translation>无日照</translation>
    </message>
    <message>
        <source>newly fails</source>
        <translation>新增不满足</translation>
    </message>
    <message>
        <source>loses sun</source>
        <translation>日照减少</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>不变</translation>
    </message>
    <message>
        <source>Sunlight Results</source>
        <translation>日照分析结果</translation>
    </message>
    <message>
        <source>All rows</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Failing</source>
        <translation>不满足</translation>
    </message>
    <message>
        <source>Newly failing (proposal)</source>
        <translation>新增不满足（方案）</translation>
    </message>
    <message>
        <source>Losing sun (proposal)</source>
        <translation>日照减少（方案）</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
</context>
<context>
    <name>app::ViewController</name>
    <message>
        <source>&amp;Orbit</source>
        <translation>环绕(&amp;O)</translation>
    </message>
    <message>
        <source>Orbit camera: left-drag rotates about the point under the cursor, right-drag pans, the wheel zooms</source>
        <translation>环绕相机：左键拖动绕光标处旋转，右键拖动平移，滚轮缩放</translation>
    </message>
    <message>
        <source>&amp;Walk</source>
        <translation>步行漫游(&amp;W)</translation>
    </message>
    <message>
        <source>Walk at eye height: W A S D or the arrow keys move, the mouse looks around, Shift is faster</source>
        <translation>以人眼高度步行漫游：W A S D 或方向键移动，鼠标环视，按住 Shift 加速</translation>
    </message>
    <message>
        <source>&amp;Home</source>
        <translation>全图(&amp;H)</translation>
    </message>
    <message>
        <source>Frame the whole project</source>
        <translation>显示整个项目范围</translation>
    </message>
    <message>
        <source>&amp;Zoom to Layer</source>
        <translation>缩放至图层(&amp;Z)</translation>
    </message>
    <message>
        <source>Frame the layer selected in the Layers panel</source>
        <translation>完整显示“图层”面板中所选的图层</translation>
    </message>
    <message>
        <source>&amp;Save Current View</source>
        <translation>保存当前视图(&amp;S)</translation>
    </message>
    <message>
        <source>Store the current camera view in the project (undoable)</source>
        <translation>将当前相机视图保存到项目中（可撤销）</translation>
    </message>
    <message>
        <source>&amp;Go to Saved View</source>
        <translation>转到已保存视图(&amp;G)</translation>
    </message>
    <message>
        <source>Return to the camera view stored in the project</source>
        <translation>回到项目中保存的相机视图</translation>
    </message>
</context>
<context>
    <name>viewer::ViewportOverlay</name>
    <message>
        <source>N</source>
        <comment>compass: north</comment>
        <translation>北</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 千米</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 米</translation>
    </message>
    <message>
        <source>Walk: W A S D or arrows to move, drag to look, Shift to run</source>
        <translation>步行漫游：W A S D 或方向键移动，拖动鼠标环视，按住 Shift 快跑</translation>
    </message>
</context>
</TS>
