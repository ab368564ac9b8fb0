# Native build: core tests, the command-line tool, fuzzers and benchmarks.
find_package(Catch2 2 REQUIRED)

# desk-tool's logic (arguments, file access, commands) is a library, so the
# tests and fuzzers run it; main.cpp only wires it to the disk.
file(GLOB DESK_TOOL_SOURCES CONFIGURE_DEPENDS src/app/tool/*.cpp)
list(REMOVE_ITEM DESK_TOOL_SOURCES ${CMAKE_SOURCE_DIR}/src/app/tool/main.cpp)
add_library(desk_tool_lib STATIC ${DESK_TOOL_SOURCES})
target_link_libraries(desk_tool_lib PUBLIC desk_core)
add_executable(desk-tool src/app/tool/main.cpp)
target_link_libraries(desk-tool PRIVATE desk_tool_lib)

file(GLOB_RECURSE DESK_TEST_SOURCES CONFIGURE_DEPENDS tests/core/*.cpp tests/platform/*.cpp tests/app/*.cpp
     tests/tool/*.cpp)
add_executable(desk_tests tests/test_main.cpp ${DESK_TEST_SOURCES} src/platform/file_store.cpp src/app/desk.cpp
  src/app/desk_folder.cpp src/app/folder_sync.cpp)
target_link_libraries(desk_tests PRIVATE desk_tool_lib Catch2::Catch2)
target_compile_definitions(desk_tests PRIVATE DESK_SOURCE_DIR="${CMAKE_SOURCE_DIR}"
  DESK_CALENDAR_ASSET="${DESK_CALENDAR_ASSET}")
add_dependencies(desk_tests desk_calendar)

# One CTest entry per Catch2 test case, so the summary counts real tests.
enable_testing()
include(Catch)
catch_discover_tests(desk_tests EXTRA_ARGS --rng-seed 20261122)

# The site folder benchmark (make bench): restore beside import, and how soon
# another desk sees a save.
add_executable(folder_bench tests/bench/folder_bench.cpp src/platform/file_store.cpp src/app/desk.cpp
  src/app/desk_folder.cpp src/app/folder_sync.cpp)
target_link_libraries(folder_bench PRIVATE desk_core)

# Fuzzing (configure with -DDESK_FUZZ=ON and CXX=clang++-14; see `make fuzz`).
option(DESK_FUZZ "Build the libFuzzer targets" OFF)
# One target per tests/fuzz/<name>.cpp; `make fuzz` runs each of FUZZ_TARGETS.
if(DESK_FUZZ)
  foreach(t desk_core desk_tool_lib)
    target_compile_options(${t} PRIVATE -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined)
  endforeach()
  foreach(t import_fuzz args_fuzz consolidate_fuzz)
    add_executable(${t} tests/fuzz/${t}.cpp)
    target_link_libraries(${t} PRIVATE desk_tool_lib)
    target_compile_options(${t} PRIVATE -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined)
    target_link_options(${t} PRIVATE -fsanitize=fuzzer,address,undefined)
  endforeach()
  # The save path: the generative test's generator driven by the fuzzer's bytes.
  add_executable(save_fuzz tests/fuzz/save_fuzz.cpp src/platform/file_store.cpp src/app/desk.cpp src/app/desk_folder.cpp)
  target_link_libraries(save_fuzz PRIVATE desk_core)
  target_compile_options(save_fuzz PRIVATE -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined)
  target_link_options(save_fuzz PRIVATE -fsanitize=fuzzer,address,undefined)
endif()

# The consolidation tool end to end on generated multi-site data.
add_test(NAME "desk-tool consolidate: multi-site data with a corrupt file"
         COMMAND sh ${CMAKE_SOURCE_DIR}/tests/tool/consolidate_test.sh $<TARGET_FILE:desk-tool>)
add_test(NAME "desk-tool: bad arguments, non-regular files, planted symlinks and failed writes are refused"
         COMMAND sh ${CMAKE_SOURCE_DIR}/tests/tool/refusals_test.sh $<TARGET_FILE:desk-tool>)
# The --jsonl output read by DuckDB (npm @duckdb/node-api): its counts per
# site equal desk-tool's statistics, and the README's merge SQL keeps the same
# versions.
add_test(NAME "desk-tool consolidate --jsonl: DuckDB counts equal desk-tool's statistics"
         COMMAND node ${CMAKE_SOURCE_DIR}/tests/tool/warehouse_test.mjs $<TARGET_FILE:desk-tool>)

# The JSON reader trial (issue 16 goal 2): the hand-written record reader, the
# tree reader and a simdjson On Demand reader on the same journal lines, with
# Debian's libsimdjson-dev (tests/bench/json_readers.sh builds it, and its wasm
# twin with em++). Not part of `make native`: built only when asked for.
find_package(simdjson QUIET)
if(simdjson_FOUND)
  add_executable(json_readers EXCLUDE_FROM_ALL tests/bench/json_readers.cpp tests/bench/simd_record_reader.cpp)
  target_link_libraries(json_readers PRIVATE desk_core simdjson::simdjson)
  target_compile_definitions(json_readers PRIVATE DESK_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
endif()
