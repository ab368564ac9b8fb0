#!/bin/sh
# What desk-tool refuses, end to end on the built binary: bad arguments exit
# 2 with the reason (never an abort, never a run without end); a directory,
# a FIFO or /dev/zero is refused without reading (no hang, no growing
# memory); --out never writes through a symlink planted at <out>.tmp; a
# failed write leaves no temporary file behind.
set -eu
tool="$1"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# expect EXIT-CODE TEXT ARGS...: desk-tool ARGS exits with EXIT-CODE within
# 20 s and prints TEXT.
expect() {
  want="$1"; text="$2"; shift 2
  set +e
  timeout 20 "$tool" "$@" > "$dir/out.txt" 2> "$dir/err.txt"
  rc=$?
  set -e
  [ "$rc" -eq "$want" ] || { echo "desk-tool $*: expected exit $want, got $rc"; cat "$dir/err.txt"; exit 1; }
  grep -q -e "$text" "$dir/out.txt" "$dir/err.txt" || { echo "desk-tool $*: '$text' not said"; cat "$dir/err.txt"; exit 1; }
}

expect 2 "records must be a whole number from 0 to 1000000: abc" generate --out "$dir/x.json" --records abc
expect 2 "records must be a whole number from 0 to 1000000: -5" generate --out "$dir/x.json" --records -5
expect 2 "seed must be a whole number" generate --out "$dir/x.json" --seed x
expect 2 "month must be YEAR-MONTH such as 2026-11 (month 1-12): 2026-13" generate --out "$dir/x.json" --month 2026-13
expect 2 "usage:" generate --out "$dir/x.json" --month 2026-13
expect 2 "unknown command: frobnicate" frobnicate
[ ! -e "$dir/x.json" ] || { echo "a refused command wrote its file"; exit 1; }

"$tool" generate --site site-A --records 20 --out "$dir/a.json" > /dev/null
expect 2 "month must be" consolidate --out "$dir/x.json" --month 2026-13 "$dir/a.json"

mkdir "$dir/folder"
mkfifo "$dir/pipe"
expect 1 "this is a directory" check "$dir/folder"
expect 1 "not a regular file" check /dev/zero
expect 1 "not a regular file" check "$dir/pipe"
expect 3 "not a regular file" consolidate --out "$dir/x.json" "$dir/a.json" /dev/zero "$dir/pipe"
expect 1 "nothing written" consolidate --on-error abort --out "$dir/y.json" "$dir/a.json" "$dir/pipe"
[ ! -e "$dir/y.json" ]

# A symlink planted where the old tool put its temporary file.
echo precious > "$dir/victim"
ln -s "$dir/victim" "$dir/all.json.tmp"
"$tool" consolidate --out "$dir/all.json" "$dir/a.json" > /dev/null 2>&1
[ "$(cat "$dir/victim")" = precious ] || { echo "--out wrote through the symlink"; exit 1; }
"$tool" check "$dir/all.json" | grep -q "ok, site consolidated"
rm "$dir/all.json.tmp"

# A write that fails half way (file size limit) leaves nothing behind.
set +e
(ulimit -f 16; "$tool" generate --records 2000 --out "$dir/big.json" > /dev/null 2> "$dir/err.txt")
rc=$?
set -e
[ "$rc" -eq 1 ] || { echo "a failed write: expected exit 1, got $rc"; cat "$dir/err.txt"; exit 1; }
grep -q "cannot write" "$dir/err.txt"
leftover=$(ls -A "$dir" | grep -c "tmp" || true)
[ "$leftover" -eq 0 ] || { echo "temporary file left behind:"; ls -A "$dir"; exit 1; }
[ ! -e "$dir/big.json" ]
echo "refusals: ok"
