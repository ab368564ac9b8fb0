# Browser build with Debian's Emscripten: Dear ImGui 1.86 and SDL2 2.26 from
# Debian's source packages (fetched and built once by .ci/deps.sh), the core,
# the UI and the web platform layer -> dist/index.html, index.js, index.wasm.
# Size matters more than peak speed for a page loaded on every desk PC, so
# everything is built -Os except the load path (DESK_HOT_SOURCES below).
# emcc does not let a later -O2 override an earlier -Os, so the level is set
# per target and per file, never in the configuration's flags.
set(CMAKE_C_FLAGS_RELEASE "-DNDEBUG")
set(CMAKE_CXX_FLAGS_RELEASE "-DNDEBUG")
set(IMGUI_DIR "${DESK_DEPS}/imgui")
set(SDL2_WEB "${DESK_DEPS}/sdl2-web")
set(DIST "${CMAKE_BINARY_DIR}/dist")

add_library(imgui STATIC
  ${IMGUI_DIR}/imgui.cpp ${IMGUI_DIR}/imgui_draw.cpp ${IMGUI_DIR}/imgui_tables.cpp
  ${IMGUI_DIR}/imgui_widgets.cpp ${IMGUI_DIR}/backends/imgui_impl_sdl.cpp
  ${IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp)
target_include_directories(imgui PUBLIC ${IMGUI_DIR} ${IMGUI_DIR}/backends ${IMGUI_DIR}/misc/cpp
  ${SDL2_WEB}/include/SDL2)
# The test-engine hooks feed the test map (src/ui/test_probe.cpp); they are
# skipped unless a test switches them on.
# ImGui draws through src/app/gl_renderer.cpp, not its OpenGL3 backend (see there).
target_compile_definitions(imgui PUBLIC IMGUI_ENABLE_TEST_ENGINE IMGUI_DISABLE_OBSOLETE_FUNCTIONS)
target_compile_options(imgui PRIVATE -w)

# LZ4 from Debian's source package (.ci/deps.sh), for core/segment_pack.cpp:
# the block format only (lz4.c, about 10 KB gzipped), at -O2 like the load path.
add_library(desk_lz4 STATIC "${DESK_DEPS}/lz4/lib/lz4.c")
target_include_directories(desk_lz4 PUBLIC "${DESK_DEPS}/lz4/lib")
target_compile_options(desk_lz4 PRIVATE -O2 -w)
target_link_libraries(desk_core PUBLIC desk_lz4)

file(GLOB DESK_UI_SOURCES CONFIGURE_DEPENDS src/ui/*.cpp)
file(GLOB DESK_WEB_JS CONFIGURE_DEPENDS web/js/*.js)
add_executable(index src/app/main_web.cpp src/app/gl_renderer.cpp src/app/web_bench.cpp ${DESK_UI_SOURCES} src/platform/web_platform.cpp src/platform/web_folder.cpp
  src/platform/file_store.cpp src/app/desk.cpp src/app/desk_folder.cpp src/app/folder_sync.cpp)
target_link_libraries(index PRIVATE desk_core imgui "${SDL2_WEB}/lib/libSDL2.a")
set_target_properties(index PROPERTIES SUFFIX ".html" RUNTIME_OUTPUT_DIRECTORY "${DIST}")
target_compile_options(index PRIVATE -Wall -Wextra)
set(DESK_EXCEPTIONS -fwasm-exceptions)
# The load path: replaying the journal reads every stored record before the
# first frame; at -Os it ran 2.4 times slower (the checksum seven times).
# export_lines: import's scan of every byte for nesting and string length.
# search: the top bar's scan of the whole index on each keystroke.
set(DESK_HOT_SOURCES record_reader record_writer journal dataset record time id text record_limits export_lines
  search segment_pack)
foreach(src ${DESK_CORE_SOURCES})
  get_filename_component(name "${src}" NAME_WE)
  if(name IN_LIST DESK_HOT_SOURCES)
    set_source_files_properties(${src} PROPERTIES COMPILE_OPTIONS -O2)
  else()
    set_source_files_properties(${src} PROPERTIES COMPILE_OPTIONS -Os)
  endif()
endforeach()
target_compile_options(imgui PRIVATE $<$<CONFIG:Release>:-Os>)
target_compile_options(index PRIVATE $<$<CONFIG:Release>:-Os>)
target_compile_options(desk_core PRIVATE ${DESK_EXCEPTIONS})
target_compile_options(index PRIVATE ${DESK_EXCEPTIONS})

# Fonts: built from Debian's fonts-wqy-microhei, never committed.
set(FONT_SRC /usr/share/fonts/truetype/wqy/wqy-microhei.ttc)
set(FONT_BASE "${CMAKE_BINARY_DIR}/fonts/desk-base.ttf")
set(FONT_MORE "${DIST}/fonts/desk-more.ttf")
set(FONT_EXT "${DIST}/fonts/desk-ext.ttf")
file(GLOB_RECURSE DESK_TEXT_FILES CONFIGURE_DEPENDS src/*.cpp src/*.hpp assets/*.json)
add_custom_command(OUTPUT "${FONT_BASE}" "${FONT_MORE}" "${FONT_EXT}" "${FONT_BASE}.chars"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_BINARY_DIR}/fonts" "${DIST}/fonts"
  COMMAND /usr/bin/python3 "${CMAKE_SOURCE_DIR}/web/font_subset.py" "${FONT_SRC}" "${FONT_BASE}" "${FONT_MORE}" "${FONT_EXT}"
          ${DESK_TEXT_FILES} "${DESK_CALENDAR_ASSET}"
  DEPENDS "${CMAKE_SOURCE_DIR}/web/font_subset.py" ${DESK_TEXT_FILES} "${DESK_CALENDAR_ASSET}"
  COMMENT "Subsetting the CJK font")
add_custom_target(desk_fonts DEPENDS "${FONT_BASE}" "${FONT_MORE}" "${FONT_EXT}")
add_dependencies(index desk_fonts)

# Static files served beside the app (service worker, icons).
file(GLOB DESK_STATIC CONFIGURE_DEPENDS web/static/*)
foreach(f ${DESK_STATIC})
  get_filename_component(name "${f}" NAME)
  configure_file("${f}" "${DIST}/${name}" COPYONLY)
endforeach()

set(DESK_LINK
  -sENVIRONMENT=web -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2 -sALLOW_MEMORY_GROWTH=1
  -sINITIAL_MEMORY=64MB -sFORCE_FILESYSTEM=1 $<$<CONFIG:Release>:-Os> -lidbfs.js ${DESK_EXCEPTIONS}
  "-sEXPORTED_FUNCTIONS=['_main','_malloc','_free']"
  "-sEXPORTED_RUNTIME_METHODS=['ccall','cwrap','UTF8ToString','stringToUTF8','lengthBytesUTF8','FS','IDBFS']"
  --shell-file "${CMAKE_SOURCE_DIR}/shell.html" -sMINIFY_HTML=0
  "SHELL:--preload-file ${FONT_BASE}@/fonts/desk-base.ttf"
  "SHELL:--preload-file ${FONT_BASE}.chars@/fonts/app-chars.txt"
  # The manuals' data (plans, duties, scripts, phrases, scenarios, wording) at /assets.
  "SHELL:--preload-file ${CMAKE_SOURCE_DIR}/assets@/assets"
  # The working calendar generated from chinese-days (CMakeLists.txt).
  "SHELL:--preload-file ${DESK_CALENDAR_ASSET}@/calendar/calendar.json")
file(GLOB_RECURSE DESK_ASSETS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/assets/*.json)
foreach(js ${DESK_WEB_JS})
  list(APPEND DESK_LINK "SHELL:--pre-js ${js}")  # SHELL: keeps CMake from merging repeated flags
endforeach()
target_link_options(index PRIVATE ${DESK_LINK})
set_property(TARGET index APPEND PROPERTY LINK_DEPENDS "${CMAKE_SOURCE_DIR}/shell.html" ${DESK_WEB_JS} "${FONT_BASE}" "${FONT_BASE}.chars" ${DESK_ASSETS}
  "${DESK_CALENDAR_ASSET}")
add_dependencies(index desk_calendar)
