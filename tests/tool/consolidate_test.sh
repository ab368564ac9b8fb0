#!/bin/sh
# The consolidation tool on generated multi-site data, with a corrupt file:
# skipped by default (named, exit 3), or aborting with --on-error abort
# (exit 1, nothing written). Re-consolidating the result with one of its
# inputs changes nothing (merge is idempotent).
set -eu
tool="$1"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
for s in A B C; do
  "$tool" generate --site "site-$s" --month 2026-11 --records 300 --seed "$(printf '%d' "'$s")" --out "$dir/$s.json" >/dev/null
done
head -c 5000 "$dir/B.json" > "$dir/broken.json"

set +e
"$tool" consolidate --out "$dir/all.json" "$dir/A.json" "$dir/broken.json" "$dir/B.json" "$dir/C.json" \
  > "$dir/out.txt" 2> "$dir/err.txt"
rc=$?
set -e
[ "$rc" -eq 3 ] || { echo "expected exit 3 (done, a file skipped), got $rc"; cat "$dir/err.txt"; exit 1; }
grep -q "broken.json: 文件\|broken.json: file" "$dir/err.txt" || { echo "bad file not named"; cat "$dir/err.txt"; exit 1; }
grep -q "skipped: $dir/broken.json" "$dir/err.txt"
grep -q "consolidated 3 of 4 files, 900 records" "$dir/out.txt" || { cat "$dir/out.txt"; exit 1; }
for s in A B C; do grep -q "站点 site-$s" "$dir/out.txt"; done
grep -q "2026-11 全部站点 all sites" "$dir/out.txt"
grep -q "created:.*repair=" "$dir/out.txt" || { echo "no monthly counts"; cat "$dir/out.txt"; exit 1; }
grep -q "时限 紧急维修15分钟到场" "$dir/out.txt"
"$tool" check "$dir/all.json" | grep -q "ok, site consolidated"

# Idempotent: merging the result with an input again gives the same records.
"$tool" consolidate --out "$dir/again.json" "$dir/all.json" "$dir/A.json" > "$dir/again.txt" 2>/dev/null
grep -q "900 records" "$dir/again.txt" || { cat "$dir/again.txt"; exit 1; }

# Abort: a bad file stops the run and writes nothing.
set +e
"$tool" consolidate --on-error abort --out "$dir/aborted.json" "$dir/A.json" "$dir/broken.json" > /dev/null 2> "$dir/abort.txt"
rc=$?
set -e
[ "$rc" -eq 1 ] || { echo "expected exit 1 on abort, got $rc"; exit 1; }
[ ! -e "$dir/aborted.json" ] || { echo "abort wrote a file"; exit 1; }
grep -q "aborted: $dir/broken.json" "$dir/abort.txt"
echo "consolidation: ok"
