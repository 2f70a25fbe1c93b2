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
        <source>GIS data (*.gpkg *.shp *.geojson *.json *.fgb *.gml *.kml *.tif *.tiff *.asc *.img);;All files (*)</source>
        <translation>GIS 数据 (*.gpkg *.shp *.geojson *.json *.fgb *.gml *.kml *.tif *.tiff *.asc *.img);;所有文件 (*)</translation>
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
        <source>Coordinate system of the project: %1</source>
        <translation>项目坐标系：%1</translation>
    </message>
    <message>
        <source>Canceled: %1</source>
        <translation>已取消：%1</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
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
