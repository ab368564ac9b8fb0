# Native build: core tests, the command-line tool, fuzzers and benchmarks.
find_package(Catch2 2 REQUIRED)

file(GLOB_RECURSE DESK_TEST_SOURCES CONFIGURE_DEPENDS tests/core/*.cpp tests/platform/*.cpp tests/app/*.cpp)
add_executable(desk_tests tests/test_main.cpp ${DESK_TEST_SOURCES} src/platform/file_store.cpp src/app/desk.cpp)
target_link_libraries(desk_tests PRIVATE desk_core Catch2::Catch2)
target_compile_definitions(desk_tests PRIVATE DESK_SOURCE_DIR="${CMAKE_SOURCE_DIR}")

file(GLOB DESK_TOOL_SOURCES CONFIGURE_DEPENDS src/app/tool/*.cpp)
add_executable(desk-tool ${DESK_TOOL_SOURCES})
target_link_libraries(desk-tool PRIVATE desk_core)

# One CTest entry per Catch2 test case, so the summary counts real tests.
enable_testing()
include(Catch)
catch_discover_tests(desk_tests EXTRA_ARGS --rng-seed 20261122)

# Fuzzing (configure with -DDESK_FUZZ=ON and CXX=clang++-14; see `make fuzz`).
option(DESK_FUZZ "Build the libFuzzer targets" OFF)
if(DESK_FUZZ)
  add_executable(import_fuzz tests/fuzz/import_fuzz.cpp)
  target_link_libraries(import_fuzz PRIVATE desk_core)
  # The save path: the generative test's generator driven by the fuzzer's bytes.
  add_executable(save_fuzz tests/fuzz/save_fuzz.cpp src/platform/file_store.cpp src/app/desk.cpp)
  target_link_libraries(save_fuzz PRIVATE desk_core)
  foreach(t import_fuzz save_fuzz desk_core)
    target_compile_options(${t} PRIVATE -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined)
  endforeach()
  foreach(t import_fuzz save_fuzz)
    target_link_options(${t} PRIVATE -fsanitize=fuzzer,address,undefined)
  endforeach()
endif()

# The consolidation tool end to end on generated multi-site data.
add_test(NAME "desk-tool consolidate: multi-site data with a corrupt file"
         COMMAND sh ${CMAKE_SOURCE_DIR}/tests/tool/consolidate_test.sh $<TARGET_FILE:desk-tool>)
