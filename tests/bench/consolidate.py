#!/usr/bin/env python3
"""The peer of `desk-tool consolidate` for the benchmark: the same merge by
record id (higher revision wins; at equal revision a tombstone; then the
larger canonical JSON without history; histories united) with Python's json
module, writing one consolidated document."""
import json
import sys


def key(r):
    body = {k: v for k, v in r.items() if k != "history"}
    return (r["revision"], r["deleted"], json.dumps(body, sort_keys=True, ensure_ascii=False))


def main():
    out, files = sys.argv[1], sys.argv[2:]
    merged = {}
    for f in files:
        with open(f, encoding="utf-8") as fh:
            doc = json.load(fh)
        for r in doc["records"]:
            old = merged.get(r["id"])
            if old is None:
                merged[r["id"]] = r
                continue
            history = {json.dumps(c, sort_keys=True, ensure_ascii=False): c for c in old["history"] + r["history"]}
            win = r if key(r) > key(old) else old
            win["history"] = [history[k] for k in sorted(history)]
            merged[r["id"]] = win
    with open(out, "w", encoding="utf-8") as fh:
        json.dump({"format": "wuye-desk-export", "version": 1, "records": list(merged.values())}, fh,
                  ensure_ascii=False)
    print(f"python: {len(files)} files, {len(merged)} records")


main()
