import { describe, expect, it } from 'vitest';
import { parseFeedDate } from '../../../../src/pipeline/parse/dates.js';

describe('parseFeedDate', () => {
  it.each([
    ['Tue, 02 Jan 2024 10:00:00 GMT', 'en', '2024-01-02T10:00:00Z'],
    ['Tue, 02 Jan 2024 10:00:00 +0800', 'en', '2024-01-02T02:00:00Z'],
    ['Tue, 02 Jan 2024 10:00:00 +08:00', 'en', '2024-01-02T02:00:00Z'],
    ['Tue, 02 Jan 2024 10:00:00 EST', 'en', '2024-01-02T15:00:00Z'],
    ['Tue, 02 Jan 2024 10:00:00 CST', 'en', '2024-01-02T16:00:00Z'],
    ['Tue, 02 Jan 2024 10:00:00 CST', 'zh-TW', '2024-01-02T02:00:00Z'],
    ['Tue, 02 Jan 2024 10:00:00 CST', 'zh-Hant', '2024-01-02T02:00:00Z'],
    ['2 Jan 2024 10:00 +0800', 'en', '2024-01-02T02:00:00Z'],
    ['Tue, 2 Jan 24 10:00:00 UT', 'en', '2024-01-02T10:00:00Z'],
    ['Tuesday, 02 January 2024 10:00:00 GMT', 'en', '2024-01-02T10:00:00Z'],
    ['Sat, 02 Sept 2023 10:00:00 GMT', 'en', '2023-09-02T10:00:00Z'],
    ['Tue, 02 Jan 2024 10:00:00', 'en', '2024-01-02T10:00:00Z'],
    ['Tue, 02 Jan 2024 10:00:00 GMT+8', 'en', '2024-01-02T02:00:00Z'],
    ['January 2, 2024 10:00 PM', 'en', '2024-01-02T22:00:00Z'],
    ['2024-01-02T03:04:05Z', 'en', '2024-01-02T03:04:05Z'],
    ['2024-01-02T03:04:05.789+08:00', 'en', '2024-01-01T19:04:05Z'],
    ['2024-01-02T23:59:60Z', 'en', '2024-01-02T23:59:59Z'],
    ['2024-01-02', 'en', '2024-01-02T00:00:00Z'],
    ['2024-01-02 10:00:00', 'zh-CN', '2024-01-02T02:00:00Z'],
    ['2024/01/02 10:00', 'en', '2024-01-02T10:00:00Z'],
    ['2024年1月2日 10:00', 'zh-TW', '2024-01-02T02:00:00Z'],
    ['  Tue,   02 Jan 2024   10:00:00   GMT  ', 'en', '2024-01-02T10:00:00Z'],
  ])('%s (%s) → %s', (raw, language, expected) => {
    expect(parseFeedDate(raw, { language })).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['garbage', /unparseable/],
    ['Fri, 30 Feb 2024 10:00:00 GMT', /invalid calendar date/],
    ['2024-13-01T00:00:00Z', /invalid calendar date/],
    ['Tue, 02 Jan 0024 10:00:00 GMT', /out-of-range year/],
    ['9999-01-01T00:00:00Z', /out-of-range year/],
    ['Tue, 02 Jan 2024 10:00:00 XYZ', /unknown time zone/],
    ['Tue, 02 Foo 2024 10:00:00 GMT', /unparseable/],
  ])('%s is null with a warning', (raw, warning) => {
    const r = parseFeedDate(raw);
    expect(r?.ok).toBe(false);
    expect(r && !r.ok ? r.warning : '').toMatch(warning);
  });

  it.each([null, undefined, '', '   '])('%s is simply missing', (raw) => {
    expect(parseFeedDate(raw)).toBeNull();
  });
});
