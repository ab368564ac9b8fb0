#!/usr/bin/env bash
# Installs whatever the build needs and this machine lacks: Debian packages,
# a deb-src entry, the Dear ImGui, SDL2, simdjson and LZ4 source packages, npm packages.
# Safe to run again: each step checks first and does nothing when done.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# Sources and the SDL2 web build live outside the clone, so every clone and
# CI run on this machine reuses them (DESK_DEPS overrides the place).
deps="${DESK_DEPS:-$HOME/.cache/wuye-desk}"
mkdir -p "$deps"

sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive

packages=(time make cmake ninja-build g++ dpkg-dev clang-format emscripten nlohmann-json3-dev catch2
  fonts-wqy-microhei python3-fonttools chromium chromium-driver nodejs npm
  clang-14 libclang-rt-14-dev libsimdjson-dev liblz4-dev ccache)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
# nodejs/npm may come from elsewhere (nodesource); any working node/npm will do.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs/}"); missing=("${missing[@]/npm/}")
fi
read -r -a missing <<<"${missing[*]:-}"

src_list=/etc/apt/sources.list.d/desk-deb-src.sources
need_src=0
[ -f "$deps/imgui/imgui.cpp" ] && [ -f "$deps/sdl2/CMakeLists.txt" ] && [ -d "$deps/simdjson" ] && [ -f "$deps/lz4/lib/lz4.c" ] || need_src=1
if [ "$need_src" = 1 ] && ! grep -rqs '^Types:.*deb-src\|^deb-src' /etc/apt/sources.list /etc/apt/sources.list.d/; then
  echo "deps: adding a deb-src entry for bookworm main ($src_list)"
  printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: bookworm\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' |
    $sudo tee "$src_list" >/dev/null
  updated=0
else
  updated=1
fi
if [ "${#missing[@]}" -gt 0 ] || [ "${updated}" = 0 ]; then
  echo "deps: apt-get install ${missing[*]:-(sources only)}"
  $sudo apt-get update -qq
  [ "${#missing[@]}" -eq 0 ] || $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

fetch_source() { # $1 package, $2 dest dir name
  [ -d "$deps/$2" ] && return 0
  echo "deps: apt-get source $1"
  rm -rf "$deps/src-$1" && mkdir -p "$deps/src-$1"
  (cd "$deps/src-$1" && apt-get source -qq "$1" >/dev/null 2>&1 || apt-get source "$1")
  local dir
  dir=$(find "$deps/src-$1" -mindepth 1 -maxdepth 1 -type d | head -n1)
  mv "$dir" "$deps/$2"
  rm -rf "$deps/src-$1"
}
fetch_source imgui imgui
fetch_source libsdl2 sdl2
# simdjson's sources for the wasm build of the JSON reader benchmark
# (tests/bench/json_readers.sh, issue 16); natively it links libsimdjson-dev.
fetch_source simdjson simdjson
# LZ4 for the browser build's closed journal segments (core/segment_pack.hpp);
# natively the core links liblz4-dev.
fetch_source lz4 lz4

# playwright-core for the browser tests; chinese-days for the working calendar
# (the build turns it into calendar.json, see CMakeLists.txt); @duckdb/node-api
# for the warehouse test of desk-tool consolidate --jsonl.
if [ ! -d "$root/node_modules/playwright-core" ] || [ ! -f "$root/node_modules/chinese-days/dist/chinese-days.json" ] ||
  [ ! -d "$root/node_modules/@duckdb/node-api" ] ||
  [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]; then
  echo "deps: npm ci"
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
fi
