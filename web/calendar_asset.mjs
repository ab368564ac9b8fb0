// Build step (CMakeLists.txt): China's public holidays (放假) and 调休 make-up
// working days from the npm package chinese-days — pinned in package.json and
// package-lock.json, installed by .ci/deps.sh, never copied into git — written
// as calendar.json for the core's parse_calendar_asset (work_calendar.hpp).
//   node web/calendar_asset.mjs <node_modules/chinese-days> <out.json>
// The package's dist/chinese-days.json maps "YYYY-MM-DD" to
// "English name,中文名,days" in `holidays` (days off, weekends inside a
// holiday included) and `workdays` (weekend days that are working days).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const [pkgDir, out] = process.argv.slice(2);
if (!pkgDir || !out) {
  console.error('usage: node web/calendar_asset.mjs <node_modules/chinese-days> <out.json>');
  process.exit(2);
}
const fail = (why) => {
  console.error(`calendar_asset: ${why} (run .ci/deps.sh to install the pinned chinese-days)`);
  process.exit(1);
};
let pkg, data;
try {
  pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  data = JSON.parse(readFileSync(join(pkgDir, 'dist', 'chinese-days.json'), 'utf8'));
} catch (e) {
  fail(`cannot read ${pkgDir}: ${e.message}`);
}
if (pkg.name !== 'chinese-days') fail(`${pkgDir} is ${pkg.name}, not chinese-days`);
for (const key of ['holidays', 'workdays'])
  if (!data[key] || typeof data[key] !== 'object') fail(`dist/chinese-days.json has no "${key}"`);

const days = [];
const take = (map, kind) => {
  for (const [date, value] of Object.entries(map)) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) fail(`bad date ${date}`);
    const name = String(value).split(',')[1];
    if (!name) fail(`${date} has no Chinese name in "${value}"`);
    days.push({ date, kind, name: name.trim() });
  }
};
take(data.holidays, 'rest_day');
take(data.workdays, 'working_day');
days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
for (let i = 1; i < days.length; ++i) if (days[i].date === days[i - 1].date) fail(`${days[i].date} listed twice`);
// A year is covered when the package lists any day off in it.
const years = [...new Set(days.filter((d) => d.kind === 'rest_day').map((d) => Number(d.date.slice(0, 4))))].sort();
const covered = new Set(years);
const kept = days.filter((d) => covered.has(Number(d.date.slice(0, 4))));

const doc = {
  format: 'desk.calendar',
  version: 1,
  note: 'Generated at build time from the npm package chinese-days; do not edit or commit.',
  package: pkg.name,
  package_version: pkg.version,
  years,
  days: kept,
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(doc, null, 1) + '\n');
console.log(`calendar_asset: chinese-days ${pkg.version}, years ${years[0]}–${years[years.length - 1]}, ${kept.length} days`);
