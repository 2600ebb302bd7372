import { describe, expect, it } from 'vitest';
import { StraitfeedError } from '../../../src/errors.js';
import { parseLabels } from '../../../src/topic/labels.js';
import { formatReport, tally, type Scored } from '../../../src/topic/metrics.js';

const line = (o: Record<string, unknown>): string => JSON.stringify({ id: 'a', lang: 'en', title: 'T', summary: '', label: 'core', ...o });

describe('parseLabels', () => {
  it('reads items and skips blank lines', () => {
    const items = parseLabels(`${line({})}\n\n${line({ id: 'b', lang: undefined, summary: null, label: 'off' })}\r\n`, 'x.jsonl');
    expect(items).toEqual([
      { id: 'a', lang: 'en', title: 'T', summary: '', label: 'core' },
      { id: 'b', lang: 'unknown', title: 'T', summary: null, label: 'off' },
    ]);
  });

  it.each([
    ['invalid JSON', `${line({})}\n{"id": `, 2, 'invalid JSON (Unexpected end of JSON input)'],
    ['not an object', '[1, 2]', 1, 'expected a JSON object'],
    ['no id', line({ id: 7 }), 1, 'missing string "id"'],
    ['a duplicate id', `${line({})}\n${line({})}`, 2, 'duplicate id "a"'],
    ['a bad label', line({ label: 'maybe' }), 1, '"label" must be core, related or off (got "maybe")'],
    ['a non-string title', line({ title: 3 }), 1, '"title" and "summary" must be strings'],
    ['no text', line({ title: '', summary: null }), 1, 'an item needs a title or a summary'],
  ])('rejects %s naming file:line', (_what, text, lineNo, message) => {
    let err: unknown;
    try {
      parseLabels(text, 'labels.jsonl');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(StraitfeedError);
    expect((err as StraitfeedError).code).toBe('LABELS_INVALID');
    expect((err as StraitfeedError).message).toBe(`eval: labels.jsonl:${lineNo}: ${message}`);
  });
});

const rows = (spec: string): Scored[] =>
  // "lang label decision" triples separated by commas
  spec.split(',').map((s) => {
    const [lang, label, decision] = s.trim().split(' ') as [string, Scored['label'], Scored['decision']];
    return { lang, label, decision };
  });

describe('metrics', () => {
  it('computes the four ratios as score.mjs does', () => {
    const t = tally(rows('en core append, en core review, en related append, en related review, en off drop, en off review'));
    expect(t.precision).toEqual({ v: 0.5, a: 1, b: 2 });
    expect(t.recall_core).toEqual({ v: 0.5, a: 1, b: 2 });
    expect(t.recall_any).toEqual({ v: 1, a: 4, b: 4 });
    expect(t.off_leak).toEqual({ v: 0.5, a: 1, b: 2 });
  });

  it('prints nan where a ratio is undefined, and the machine-readable last line', () => {
    const out = formatReport(rows('en off drop, zh-Hant core append'));
    expect(out.at(-1)).toBe('precision=1.000 recall_core=1.000 recall_any=1.000 off_leak=0.000');
    expect(out).toContain('en           1     0    0    1        nan          nan         nan     0.000');
    expect(out).toContain('zh-Hant      1     1    0    0      1.000        1.000       1.000       nan');
  });
});
