// One table of issue 16's goals at the end of `make bench`. Each benchmark
// adds its rows while it runs (addGoal from node, `summary.mjs add` from a
// shell script) to build/bench/summary.jsonl; `make bench` empties the file
// first and prints the table last, so every figure of the run stands beside
// its peer and its goal in one place.
// usage: node tests/bench/summary.mjs start
//        node tests/bench/summary.mjs add GOAL FIGURE OURS PEER TARGET VERDICT
//        node tests/bench/summary.mjs            (prints the table)
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SUMMARY = resolve(process.env.DESK_BENCH_SUMMARY || 'build/bench/summary.jsonl');

// A row: goal number, what was measured, our figure, the peer's figure (or
// what it is compared with), the goal's target, and met / OVER / a word.
export function addGoal(goal, figure, ours, peer, target, verdict) {
  mkdirSync(dirname(SUMMARY), { recursive: true });
  appendFileSync(SUMMARY, JSON.stringify({ goal: String(goal), figure, ours, peer, target, verdict }) + '\n');
}

export function summaryTable(text) {
  const rows = text.split('\n').filter(Boolean).map((l) => JSON.parse(l));
  rows.sort((a, b) => Number(a.goal) - Number(b.goal));  // stable: each goal's rows keep their order
  const cell = (s) => String(s).replaceAll('|', '\\|');
  return ['| goal | figure | ours | peer | target | verdict |', '| ---: | --- | ---: | --- | --- | --- |',
    ...rows.map((r) => `| ${[r.goal, r.figure, r.ours, r.peer, r.target, r.verdict].map(cell).join(' | ')} |`)].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [cmd, ...args] = process.argv.slice(2);
  if (cmd === 'start') {
    mkdirSync(dirname(SUMMARY), { recursive: true });
    writeFileSync(SUMMARY, '');
  } else if (cmd === 'add') {
    if (args.length !== 6) throw new Error('usage: summary.mjs add GOAL FIGURE OURS PEER TARGET VERDICT');
    addGoal(...args);
  } else {
    const text = existsSync(SUMMARY) ? readFileSync(SUMMARY, 'utf8') : '';
    console.log(`\n== issue 16, every goal of this run (${SUMMARY})\n`);
    console.log(text.trim() ? summaryTable(text) : '(no rows: run the benchmarks first)');
  }
}
