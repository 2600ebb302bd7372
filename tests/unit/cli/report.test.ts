import { describe, expect, it } from 'vitest';
import { progressLine, renderTable } from '../../../src/cli/report.js';
import { emptySourceSummary, totalsOf, type CycleSummary } from '../../../src/jobs/summary.js';

const sources = [
  { ...emptySourceSummary('Focus Test', 'https://a.example/rss'), new: 4, appended: 2, queued: 1, dropped: 1, ms: 140, http: 200 },
  { ...emptySourceSummary('中央社 即時', 'https://b.example/rss'), status: 'not-modified' as const, http: 304, ms: 12 },
  {
    ...emptySourceSummary('Broken', 'https://c.example/rss'),
    status: 'error' as const,
    http: 503,
    error: 'fetch: https://c.example/rss: HTTP 503',
    errors: 2,
    nextTryAt: '2026-11-20T00:10:00.000Z',
    ms: 1500,
  },
];
const summary: CycleSummary = {
  startedAt: '2026-11-20T00:00:00.000Z',
  finishedAt: '2026-11-20T00:00:02.000Z',
  ms: 2000,
  sources,
  totals: totalsOf(sources),
  build: { ran: true, entries: 12, changed: 4, error: null },
  ok: false,
};

describe('renderTable', () => {
  it('shows a row per source, the totals and the build', () => {
    const lines = renderTable(summary).split('\n');
    expect(lines[0]).toMatch(/^source\s+status\s+new\s+appended\s+queued\s+dropped\s+duplicates\s+time\s+error$/);
    expect(lines[1]).toMatch(/^Focus Test\s+ok\s+4\s+2\s+1\s+1\s+0\s+140ms$/);
    expect(lines[2]).toMatch(/^中央社 即時\s+304\s+0\s+0\s+0\s+0\s+0\s+12ms$/);
    expect(lines[3]).toMatch(/^Broken\s+error 503 .* 1\.5s {2}fetch: .*HTTP 503 \(failures: 2, next try 2026-11-20T00:10:00\.000Z\)$/);
    expect(lines).toContain('3 sources, 1 failed: 4 new, 2 appended, 1 queued for review, 1 dropped, 0 duplicates (2.0s)');
    expect(lines).toContain('output/ rebuilt: 12 entries, 4 files changed');
  });

  it('aligns columns by display width, CJK counting double', () => {
    const lines = renderTable(summary).split('\n').slice(0, 3);
    const col = (l: string) => {
      let w = 0;
      for (const c of l.slice(0, l.search(/ {2}(ok|304|status)/))) w += /[\u4e00-\u9fff]/.test(c) ? 2 : 1;
      return w;
    };
    expect(new Set(lines.map(col)).size).toBe(1);
  });

  it('says when output/ could not be rebuilt', () => {
    expect(renderTable({ ...summary, build: { ran: true, entries: null, changed: 0, error: 'entry: x.md:3: bad' } })).toContain(
      'output/ NOT rebuilt: entry: x.md:3: bad (retried next cycle)',
    );
  });
});

describe('progressLine', () => {
  it('redraws one line with a bar', () => {
    expect(progressLine(1, 4, sources[0]!)).toBe('\r[#####...............] 1/4 Focus Test: ok\u001b[K');
  });
});
