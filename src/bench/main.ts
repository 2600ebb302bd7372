/**
 * `npm run bench`: speed and memory targets, measured here rather than in timed tests.
 * Each benchmark module exports `run()`; this file only prints their results.
 */
import { run as runParse } from './parse.js';
import { run as runRelevance } from './relevance.js';

export interface BenchResult {
  name: string;
  /** e.g. "items/s", "ms", "MiB" */
  unit: string;
  value: number;
  /** The target, if there is one, and whether higher is better. */
  target?: { value: number; higherIsBetter: boolean };
  note?: string;
}

const results: BenchResult[] = [...(await runRelevance()), ...(await runParse())];
let failed = 0;
for (const r of results) {
  const ok = r.target ? (r.target.higherIsBetter ? r.value >= r.target.value : r.value <= r.target.value) : true;
  if (!ok) failed++;
  const target = r.target ? ` (target ${r.target.higherIsBetter ? '>=' : '<='} ${r.target.value})` : '';
  console.log(`${ok ? 'ok  ' : 'MISS'} ${r.name}: ${r.value.toFixed(r.value < 10 ? 2 : 0)} ${r.unit}${target}${r.note ? ` — ${r.note}` : ''}`);
}
process.exitCode = failed ? 1 : 0;
