#!/bin/sh
# The site folder benchmark (issue 12): 100,000 generated records restored
# from a folder beside imported from one export file; a save seen by another
# desk. usage: tests/bench/folder.sh build/native [records=100000]
set -e
NATIVE=${1:-build/native}
N=${2:-100000}
mkdir -p build/bench
FILE=build/bench/folder-$N.json
[ -f "$FILE" ] || "$NATIVE/desk-tool" generate --records "$N" --out "$FILE" >/dev/null
echo "site folder, $N records ($FILE):"
"$NATIVE/folder_bench" "$FILE" 200
