#!/bin/sh
# Native consolidation benchmark (issues 6 and 16): for each count of files
# in FILES (a list: the curve), that many exports × RECORDS records (sites of
# two devices each: the second export repeats the first and adds its own
# records), merged by `desk-tool consolidate` and by a short Python json
# script doing the same merge. Prints wall time and peak memory (GNU time)
# of each, side by side, one row per count.
# Usage: consolidate.sh TOOL [FILES] [RECORDS], e.g. consolidate.sh desk-tool "5 10 20 40" 50000
set -eu
tool="$1"; counts="${2:-20}"; records="${3:-50000}"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
most=0
for n in $counts; do [ "$n" -gt "$most" ] && most=$n; done
i=0
while [ "$i" -lt "$most" ]; do
  site=$((i / 2)); device=$((i % 2))
  # Device 1 of a site repeats device 0's seed (the same records) plus more.
  "$tool" generate --site "site-$site" --device "dev-$device" --records "$((records + device * records / 10))" \
    --seed "$((site + 1))" --out "$dir/export-$i.json" > /dev/null
  i=$((i + 1))
done
thousands() { echo "$1" | awk '{ n = $1; s = ""; while (n >= 1000) { s = sprintf(",%03d", n % 1000) s; n = int(n / 1000) } print n s }'; }
measure() {  # prints "seconds megabytes" of: command...
  /usr/bin/time -f "%e %M" -o "$dir/time" "$@" > "$dir/out" 2>/dev/null || true
  read -r secs kb < "$dir/time"
  echo "$secs $((kb / 1024))"
}
echo "| consolidation, files × $records records | input MB | records out | desk-tool s | desk-tool peak MB | python s | python peak MB | speed-up |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in $counts; do
  set --
  i=0
  while [ "$i" -lt "$n" ]; do set -- "$@" "$dir/export-$i.json"; i=$((i + 1)); done
  bytes=$(cat "$@" | wc -c)
  read -r cs cm <<EOT
$(measure "$tool" consolidate --out "$dir/all.json" "$@")
EOT
  out=$(grep -o "consolidated .* records" "$dir/out" | sed 's/.*files, //; s/ records//' || echo "?")
  read -r ps pm <<EOT
$(measure python3 "$(dirname "$0")/consolidate.py" "$dir/all-py.json" "$@")
EOT
  speedup=$(awk -v c="$cs" -v p="$ps" 'BEGIN { printf "%.1f×", (c > 0 ? p / c : 0) }')
  printf '| %d | %d | %s | %s | %d | %s | %d | %s |\n' "$n" "$((bytes / 1048576))" "$out" "$cs" "$cm" "$ps" "$pm" "$speedup"
  # The goal's row for make bench's one table (tests/bench/summary.mjs): under
  # 1 GB at 20 files; at every count at least 3× the Python peer, and a peak
  # that follows the records out (MB per 100,000 of them), not the bytes read.
  if [ "$n" -eq 20 ]; then target="peak < 1024 MB, ≥ 3× faster"; else target="≥ 3× faster; peak follows the records out"; fi
  verdict=$(awk -v c="$cs" -v p="$ps" -v m="$cm" -v n="$n" -v out="$out" 'BEGIN {
    word = "OVER"; speedup = 0; per = 0
    if (c > 0) speedup = p / c
    if (out > 0) per = m / out * 100000
    if (speedup >= 3 && (n != 20 || m < 1024)) word = "met"
    printf("%s (%.1f×; %.0f MB per 100,000 records out)", word, speedup, per) }')
  node "$(dirname "$0")/summary.mjs" add 3 "consolidate $n files × $(thousands "$records") records ($((bytes / 1048576)) MB in, $(thousands "$out") records out)" \
    "$cs s, peak $cm MB" "Python json: $ps s, peak $pm MB" "$target" "$verdict"
done
python3 -c "import json,sys; print('same ids as the python peer (last row):', {r['id'] for r in json.load(open(sys.argv[1]))['records']} == {r['id'] for r in json.load(open(sys.argv[2]))['records']})" "$dir/all.json" "$dir/all-py.json"
