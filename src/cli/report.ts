/** Plain-text rendering of a cycle summary (the `check` table) and of the progress line. */
import type { CycleSummary, SourceSummary } from '../jobs/summary.js';

/** Width of a string in terminal columns (CJK and full-width characters take two). */
function width(s: string): number {
  let w = 0;
  for (const c of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(c) ? 2 : 1;
  return w;
}

function pad(s: string, w: number, right = false): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
}

function cut(s: string, max: number): string {
  if (width(s) <= max) return s;
  let out = '';
  for (const c of s) {
    if (width(out + c) > max - 1) break;
    out += c;
  }
  return `${out}…`;
}

function statusText(s: SourceSummary): string {
  if (s.status === 'error' && s.http) return `error ${s.http}`;
  if (s.status === 'not-modified') return '304';
  return s.status;
}

function errorText(s: SourceSummary): string {
  if (!s.error) return '';
  const tries = s.errors > 0 ? ` (failures: ${s.errors}${s.nextTryAt ? `, next try ${s.nextTryAt}` : ''})` : '';
  return `${s.error}${tries}`;
}

function time(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(1)}s` : `${ms}ms`;
}

/** The per-source table, then a totals line and the build line. */
export function renderTable(summary: CycleSummary): string {
  const head = ['source', 'status', 'new', 'appended', 'queued', 'dropped', 'duplicates', 'time', 'error'];
  const rows = summary.sources.map((s) => [
    cut(s.name, 32),
    statusText(s),
    String(s.new),
    String(s.appended),
    String(s.queued),
    String(s.dropped),
    String(s.duplicates),
    time(s.ms),
    errorText(s),
  ]);
  const numeric = new Set([2, 3, 4, 5, 6, 7]);
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]!, numeric.has(i))))
      .join('  ')
      .trimEnd();
  const t = summary.totals;
  const out = [line(head), ...rows.map(line)];
  out.push(
    '',
    `${summary.sources.length} source${summary.sources.length === 1 ? '' : 's'}, ${t.failed} failed: ${t.new} new, ${t.appended} appended, ${t.queued} queued for review, ${t.dropped} dropped, ${t.duplicates} duplicates (${time(summary.ms)})`,
  );
  if (summary.build.error) out.push(`output/ NOT rebuilt: ${summary.build.error} (retried next cycle)`);
  else if (summary.build.ran) out.push(`output/ rebuilt: ${summary.build.entries ?? 0} entries, ${summary.build.changed} files changed`);
  else out.push('output/ unchanged');
  return `${out.join('\n')}\n`;
}

/** One progress line for a terminal, redrawn in place. */
export function progressLine(done: number, total: number, last: SourceSummary): string {
  const n = 20;
  const filled = total ? Math.round((done / total) * n) : n;
  return `\r[${'#'.repeat(filled)}${'.'.repeat(n - filled)}] ${done}/${total} ${cut(last.name, 30)}: ${statusText(last)}\u001b[K`;
}
