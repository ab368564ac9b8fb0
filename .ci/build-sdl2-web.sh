#!/usr/bin/env bash
# Builds SDL2 (Debian's 2.26 source) for the browser once; later runs reuse it.
set -euo pipefail
deps="${DESK_DEPS:-$HOME/.cache/wuye-desk}"
out="$deps/sdl2-web"
[ -f "$out/lib/libSDL2.a" ] && exit 0
echo "deps: building SDL2 for the web (once per machine, a few minutes)"
export NODE_PATH=/usr/share/nodejs
rm -rf "$deps/sdl2-web-build"
emcmake cmake -S "$deps/sdl2" -B "$deps/sdl2-web-build" -DCMAKE_BUILD_TYPE=Release \
  -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF -DCMAKE_INSTALL_PREFIX="$out" >/dev/null
cmake --build "$deps/sdl2-web-build" -j"$(nproc)" >/dev/null
cmake --install "$deps/sdl2-web-build" >/dev/null
rm -rf "$deps/sdl2-web-build"
