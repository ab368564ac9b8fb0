#!/bin/sh
# Native consolidation benchmark (issue 6): FILES exports × RECORDS records
# (10 sites, each exported from two devices: the second export overlaps the
# first and adds its own records), merged by `desk-tool consolidate` and by a
# short Python json script doing the same merge. Prints wall time and peak
# memory of each (GNU time). Usage: consolidate.sh TOOL [FILES] [RECORDS]
set -eu
tool="$1"; files="${2:-20}"; records="${3:-50000}"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
i=0
while [ "$i" -lt "$files" ]; do
  site=$((i / 2)); device=$((i % 2))
  # Device 1 of a site repeats device 0's seed (the same records) plus more.
  "$tool" generate --site "site-$site" --device "dev-$device" --records "$((records + device * records / 10))" \
    --seed "$((site + 1))" --out "$dir/export-$i.json" > /dev/null
  i=$((i + 1))
done
bytes=$(cat "$dir"/export-*.json | wc -c)
echo "input: $files files, $((bytes / 1048576)) MB"
measure() {  # label, command...
  label="$1"; shift
  /usr/bin/time -f "%e %M" -o "$dir/time" "$@" > "$dir/out" 2>/dev/null || true
  read -r secs kb <<EOT
$(tail -n 1 "$dir/time")
EOT
  printf '| %-32s | %8s s | %8d MB |\n' "$label" "$secs" "$((kb / 1024))"
}
echo "| consolidation of $files × $records records | wall time | peak memory |"
echo "|---|---:|---:|"
measure "desk-tool consolidate (C++)" "$tool" consolidate --out "$dir/all.json" "$dir"/export-*.json
cp "$dir/out" "$dir/out.cpp"
measure "python3 json merge (peer)" python3 "$(dirname "$0")/consolidate.py" "$dir/all-py.json" "$dir"/export-*.json
echo "C++ result: $(grep -o "consolidated .* records" "$dir/out.cpp" || echo none)"
python3 -c "import json,sys; print('same ids:', {r['id'] for r in json.load(open(sys.argv[1]))['records']} == {r['id'] for r in json.load(open(sys.argv[2]))['records']})" "$dir/all.json" "$dir/all-py.json"
