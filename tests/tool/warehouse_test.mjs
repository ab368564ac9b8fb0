// `desk-tool consolidate --jsonl` read by DuckDB (@duckdb/node-api, from
// npm): the month's new records per site and type counted in SQL equal the
// statistics desk-tool prints, and the README's merge SQL run over every
// input's records picks the same versions desk-tool's merge keeps.
// Usage: node tests/tool/warehouse_test.mjs path/to/desk-tool
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { DuckDBInstance } from '@duckdb/node-api';

const tool = process.argv[2];
const dir = mkdtempSync(join(tmpdir(), 'warehouse-'));
const run = (args) => execFileSync(tool, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const runAllowingReports = (args) => {
  try {
    return run(args);
  } catch (e) {
    if (e.status === 3) return e.stdout;  // done, with problems reported
    throw e;
  }
};

try {
  // Two sites; site A exported from two devices (the second holds the first's
  // records and more), so the merge has versions to pick between.
  const inputs = [
    ['A', 'desk-1', 400, 7], ['A', 'desk-2', 460, 7], ['B', 'desk-1', 300, 11],
  ].map(([site, device, records, seed], i) => {
    const out = join(dir, `in-${i}.json`);
    run(['generate', '--site', `site-${site}`, '--device', device, '--month', '2026-11', '--records', `${records}`,
         '--seed', `${seed}`, '--out', out]);
    return out;
  });
  const all = join(dir, 'all.jsonl');
  const printed = runAllowingReports(['consolidate', '--jsonl', '--month', '2026-11', '--out', all, ...inputs]);

  // desk-tool's own figures: "2026-11 站点 S" then "  新建记录 created: type=n ...".
  const expected = new Map();
  let site = null;
  for (const line of printed.split('\n')) {
    const head = line.match(/^2026-11 站点 (\S+)$/);
    if (head) site = head[1];
    else if (/^2026-11 /.test(line)) site = null;
    const created = line.match(/^  新建记录 created:(.*)$/);
    if (created && site)
      for (const pair of created[1].trim().split(/\s+/).filter(Boolean)) {
        const [type, n] = pair.split('=');
        expected.set(`${site} ${type}`, Number(n));
      }
  }
  assert.ok(expected.size >= 4, `desk-tool printed per-site counts:\n${printed}`);

  const db = await DuckDBInstance.create(':memory:');
  const sql = await db.connect();
  const month = `created_at::TIMESTAMPTZ >= '2026-11-01 00:00:00+08'::TIMESTAMPTZ
                 AND created_at::TIMESTAMPTZ < '2026-12-01 00:00:00+08'::TIMESTAMPTZ`;
  const cols = `columns = {id: 'VARCHAR', site: 'VARCHAR', type: 'VARCHAR', revision: 'BIGINT', deleted: 'BOOLEAN',
                created_at: 'VARCHAR'}`;
  const counted = await sql.runAndReadAll(`
    SELECT site, type, count(*)::INTEGER AS n FROM read_json('${all}', format = 'newline_delimited', ${cols})
    WHERE NOT deleted AND type <> 'case_study' AND ${month}
    GROUP BY site, type`);
  const got = new Map(counted.getRowObjects().map((r) => [`${r.site} ${r.type}`, r.n]));
  assert.deepEqual(Object.fromEntries([...got].sort()), Object.fromEntries([...expected].sort()),
                   'DuckDB counts per site and type equal desk-tool statistics');

  // The README's merge rule over every input's records, each input as JSONL.
  const lines = inputs.map((input, i) => {
    const out = join(dir, `in-${i}.jsonl`);
    run(['consolidate', '--jsonl', '--out', out, input]);
    return `'${out}'`;
  });
  const merged = await sql.runAndReadAll(`
    WITH versions AS (
      SELECT *, json_merge_patch(line, '{"history": []}') AS body FROM (
        SELECT json AS line, json->>'id' AS id, (json->>'revision')::BIGINT AS revision,
               (json->>'deleted')::BOOLEAN AS deleted, json->>'type' AS type
        FROM read_ndjson_objects([${lines.join(', ')}])))
    SELECT id, type, revision, deleted FROM versions
    QUALIFY row_number() OVER (PARTITION BY type, id ORDER BY revision DESC, deleted DESC, body DESC) = 1
    ORDER BY type, id`);
  const kept = await sql.runAndReadAll(`
    SELECT json->>'id' AS id, json->>'type' AS type, (json->>'revision')::BIGINT AS revision,
           (json->>'deleted')::BOOLEAN AS deleted
    FROM read_ndjson_objects('${all}') ORDER BY type, id`);
  const rows = (r) => r.getRowObjects().map((o) => JSON.stringify(o, (k, v) => (typeof v === 'bigint' ? `${v}` : v)));
  assert.deepEqual(rows(merged), rows(kept), 'the merge SQL keeps the versions desk-tool keeps');
  assert.equal(readFileSync(all, 'utf8').trim().split('\n').length, rows(kept).length);
  console.log(`warehouse: ok (${got.size} site/type counts, ${rows(kept).length} records)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
