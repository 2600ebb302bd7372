/**
 * The relevance metrics of the shared score.mjs, computed and printed the same way, so that
 * `straitfeed eval` and score.mjs agree to the digit on the same predictions.
 *
 *   precision    share of append decisions whose label is core
 *   recall_core  share of core items decided append
 *   recall_any   share of core+related items decided append or review
 *   off_leak     share of off items decided append or review
 */
import type { Verdict } from '../model.js';
import { LABELS, VERDICTS, type Label } from './labels.js';

export interface Scored {
  lang: string;
  label: Label;
  decision: Verdict;
}

export interface Ratio {
  v: number;
  a: number;
  b: number;
}

export interface Tally {
  m: Record<Label, Record<Verdict, number>>;
  n: Record<Label, number>;
  precision: Ratio;
  recall_core: Ratio;
  recall_any: Ratio;
  off_leak: Ratio;
}

const ratio = (a: number, b: number): Ratio => ({ v: b ? a / b : Number.NaN, a, b });

export function tally(rows: readonly Scored[]): Tally {
  const m = Object.fromEntries(LABELS.map((l) => [l, { append: 0, review: 0, drop: 0 }])) as Tally['m'];
  for (const r of rows) m[r.label][r.decision]++;
  const n = Object.fromEntries(LABELS.map((l) => [l, VERDICTS.reduce((s, d) => s + m[l][d], 0)])) as Tally['n'];
  const appended = LABELS.reduce((s, l) => s + m[l].append, 0);
  const surfaced = (l: Label): number => m[l].append + m[l].review;
  return {
    m,
    n,
    precision: ratio(m.core.append, appended),
    recall_core: ratio(m.core.append, n.core),
    recall_any: ratio(surfaced('core') + surfaced('related'), n.core + n.related),
    off_leak: ratio(surfaced('off'), n.off),
  };
}

const f3 = (x: number): string => (Number.isNaN(x) ? 'nan' : x.toFixed(3));
const pad = (s: string | number, w: number): string => String(s).padStart(w);
const padR = (s: string, w: number): string => s.padEnd(w);
const show = (k: string, r: Ratio): string => `${k}=${f3(r.v)} (${r.a}/${r.b})`;

/** The report of score.mjs, line by line; the last line is machine-readable. */
export function formatReport(rows: readonly Scored[]): string[] {
  const all = tally(rows);
  const out: string[] = [];
  const total = all.n.core + all.n.related + all.n.off;
  out.push(
    `labels: ${total} items (core ${all.n.core}, related ${all.n.related}, off ${all.n.off}); predictions used: ${rows.length}; missing: 0 (as drop)`,
  );
  out.push('', 'confusion (rows = label, columns = decision)');
  out.push(`${padR('', 9)}${pad('append', 8)}${pad('review', 8)}${pad('drop', 8)}`);
  for (const l of LABELS) out.push(`${padR(l, 9)}${pad(all.m[l].append, 8)}${pad(all.m[l].review, 8)}${pad(all.m[l].drop, 8)}`);
  out.push('');
  out.push(
    'overall: ' +
      [show('precision', all.precision), show('recall_core', all.recall_core), show('recall_any', all.recall_any), show('off_leak', all.off_leak)].join('  '),
  );
  out.push(`related auto-appended: ${all.m.related.append}/${all.n.related}`);
  out.push('', 'per language');
  out.push(
    `${padR('lang', 9)}${pad('n', 5)}${pad('core', 6)}${pad('rel', 5)}${pad('off', 5)}${pad('precision', 11)}${pad('recall_core', 13)}${pad('recall_any', 12)}${pad('off_leak', 10)}`,
  );
  for (const lang of [...new Set(rows.map((r) => r.lang))].sort()) {
    const t = tally(rows.filter((r) => r.lang === lang));
    const n = t.n.core + t.n.related + t.n.off;
    out.push(
      `${padR(lang, 9)}${pad(n, 5)}${pad(t.n.core, 6)}${pad(t.n.related, 5)}${pad(t.n.off, 5)}${pad(f3(t.precision.v), 11)}${pad(f3(t.recall_core.v), 13)}${pad(f3(t.recall_any.v), 12)}${pad(f3(t.off_leak.v), 10)}`,
    );
  }
  out.push('');
  out.push(`precision=${f3(all.precision.v)} recall_core=${f3(all.recall_core.v)} recall_any=${f3(all.recall_any.v)} off_leak=${f3(all.off_leak.v)}`);
  return out;
}
