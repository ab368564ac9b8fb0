#!/bin/sh
# The JSON reader trial (issue 16 goal 2): builds tests/bench/json_readers
# natively (cmake target json_readers, Debian's libsimdjson-dev) and for wasm
# (em++ straight into build/bench-wasm/, simdjson from Debian's source
# package fetched by .ci/deps.sh), makes a journal of the export's records and
# runs both on it.
# usage: tests/bench/json_readers.sh [export.json] [runs=5]
#   export.json defaults to build/bench/visits-100000.json (generated with
#   desk-tool when missing). The wasm objects compile through ccache when it
#   is installed (.ci/deps.sh installs it), JOBS at a time (default: the cores).
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
deps="${DESK_DEPS:-$HOME/.cache/wuye-desk}"
native="$root/build/native"
out="$root/build/bench-wasm"
export_file="${1:-$root/build/bench/visits-100000.json}"
runs="${2:-5}"
jobs="${JOBS:-$(nproc)}"
export NODE_PATH=/usr/share/nodejs # Emscripten's optimizer needs acorn (TOOLCHAIN.md)

[ -f "$deps/simdjson/singleheader/simdjson.cpp" ] && [ -f "$deps/lz4/lib/lz4.c" ] && dpkg -s libsimdjson-dev >/dev/null 2>&1 ||
  bash "$root/.ci/deps.sh"

# ---- native -------------------------------------------------------------------
[ -f "$native/build.ninja" ] || cmake -S "$root" -B "$native" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
if [ ! -f "$export_file" ]; then
  cmake --build "$native" --target desk-tool -j "$jobs"
  mkdir -p "$(dirname "$export_file")"
  "$native/desk-tool" generate --records 100000 --only visit --out "$export_file"
fi
cmake --build "$native" --target json_readers -j "$jobs"

mkdir -p "$out"
journal="$out/$(basename "$export_file" .json).log"
[ "$journal" -nt "$export_file" ] || "$native/json_readers" --make-journal "$export_file" "$journal"

# ---- wasm: the core as the app builds it (cmake/web.cmake: the load path -O2,
# the rest -Os, -fwasm-exceptions, lz4.c from Debian's source package -O2),
# simdjson and the benchmark -O2 ---------------------------------------------------
mkdir -p "$out/json-include" "$out/obj"
# The same -O2 list as the app (DESK_HOT_SOURCES in cmake/web.cmake).
# The list may wrap over several lines: everything from the name to the ")".
hot=$(sed -n '/^set(DESK_HOT_SOURCES/,/)/p' "$root/cmake/web.cmake" | tr '\n' ' ' |
  sed 's/.*DESK_HOT_SOURCES *\([^)]*\)).*/\1/')
[ -n "$hot" ] || { echo "json_readers.sh: no DESK_HOT_SOURCES in cmake/web.cmake" >&2; exit 1; }
# The repository's package.json says "type": "module"; Emscripten 3.1.6 emits CommonJS.
echo '{"type": "commonjs"}' >"$out/package.json"
[ -e "$out/json-include/nlohmann" ] || ln -s /usr/include/nlohmann "$out/json-include/nlohmann"
# ccache as the web build uses it (CMakeLists.txt): a second run, or a second
# clone, compiles nothing again.
cxx=em++ cc=emcc
if command -v ccache >/dev/null 2>&1; then
  export CCACHE_BASEDIR="$root" CCACHE_NOHASHDIR=true CCACHE_DIR="$HOME/.cache/ccache" CCACHE_MAXSIZE=8G
  cxx="ccache em++" cc="ccache emcc"
fi
# Written only when it changes; every object depends on it, so a change of
# flags (the -O2 list) compiles again.
cat >"$out/Makefile.new" <<EOF
ROOT := $root
CXX := $cxx
CC := $cc
SIMDJSON := $deps/simdjson/singleheader
LZ4 := $deps/lz4/lib
CXXFLAGS := -std=c++20 -fwasm-exceptions -DNDEBUG -I\$(ROOT)/src -I$out/json-include -I\$(SIMDJSON) -I\$(LZ4) -MMD
HOT := $hot
CORE := \$(patsubst \$(ROOT)/src/core/%.cpp,obj/%.o,\$(wildcard \$(ROOT)/src/core/*.cpp))
json_readers.js: \$(CORE) obj/lz4.o obj/simdjson.o obj/simd_record_reader.o obj/json_readers.o
	em++ -O2 -fwasm-exceptions -sENVIRONMENT=node -sNODERAWFS=1 -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=4GB -o \$@ \$^
obj/%.o: \$(ROOT)/src/core/%.cpp Makefile
	@echo "  wasm \$*"
	@\$(CXX) \$(CXXFLAGS) \$(if \$(filter \$*,\$(HOT)),-O2,-Os) -c \$< -o \$@
obj/lz4.o: \$(LZ4)/lz4.c Makefile
	@echo "  wasm lz4"
	@\$(CC) -O2 -w -DNDEBUG -c \$< -o \$@
obj/simdjson.o: \$(SIMDJSON)/simdjson.cpp Makefile
	@echo "  wasm simdjson"
	@\$(CXX) \$(CXXFLAGS) -O2 -c \$< -o \$@
obj/%.o: \$(ROOT)/tests/bench/%.cpp Makefile
	@echo "  wasm \$*"
	@\$(CXX) \$(CXXFLAGS) -O2 -DDESK_SOURCE_DIR='"\$(ROOT)"' -c \$< -o \$@
-include \$(wildcard obj/*.d)
EOF
cmp -s "$out/Makefile.new" "$out/Makefile" && rm "$out/Makefile.new" || mv "$out/Makefile.new" "$out/Makefile"
make -C "$out" -j "$jobs" --no-print-directory json_readers.js

# ---- run ------------------------------------------------------------------------
echo "== native (g++ -O2, libsimdjson-dev)"
native_out=$("$native/json_readers" "$journal" "$export_file" "$runs")
echo "$native_out"
echo "== wasm (em++, node $(node --version))"
wasm_out=$(node --no-experimental-fetch "$out/json_readers.js" "$journal" "$export_file" "$runs")
echo "$wasm_out"

# ---- the goal's rows for make bench's one table (tests/bench/summary.mjs) ---------
ms_of() { printf '%s\n' "$1" | sed -n "s/^ *$2 [^0-9]*\([0-9.]*\) ms .*/\1/p" | head -n 1; }
lines=$(printf '%s\n' "$native_out" | sed -n 's/^json_readers: \([0-9]*\) lines.*/\1/p' |
  awk '{ n = $1; s = ""; while (n >= 1000) { s = sprintf(",%03d", n % 1000) s; n = int(n / 1000) } print n s }')
goal_row() {  # build, the json_readers output of that build
  hand=$(ms_of "$2" '(a)'); simd=$(ms_of "$2" '(c)')
  verdict=$(awk -v h="$hand" -v s="$simd" 'BEGIN {
    if (h <= s) printf "hand-written %.0f%% faster", (s / h - 1) * 100; else printf "simdjson %.0f%% faster", (h / s - 1) * 100 }')
  node "$root/tests/bench/summary.mjs" add 2 "$lines journal lines read into records, $1" "$hand ms hand-written" \
    "$simd ms simdjson On Demand" "keep the faster and simpler (the load runs in wasm)" "$verdict"
}
goal_row native "$native_out"
goal_row wasm "$wasm_out"
