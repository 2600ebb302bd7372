import { describe, expect, it } from 'vitest';
import { isoUtc, parseEntryDate } from '../../../src/entries/dates.js';

describe('parseEntryDate', () => {
  it.each([
    ['2016-07-05', '2016-07-05T00:00:00Z'],
    ['2015-12-01T10:20:30Z', '2015-12-01T10:20:30Z'],
    ['2015-12-01t10:20:30z', '2015-12-01T10:20:30Z'],
    ['2015-12-01T10:20:30.999Z', '2015-12-01T10:20:30Z'],
    ['2020-01-04T09:30:00+08:00', '2020-01-04T01:30:00Z'],
    ['2020-01-01T23:00:00-05:00', '2020-01-02T04:00:00Z'],
    ['2024-02-29', '2024-02-29T00:00:00Z'],
    ['2000-02-29', '2000-02-29T00:00:00Z'],
    ['0001-01-01', '0001-01-01T00:00:00Z'],
    ['0099-06-01', '0099-06-01T00:00:00Z'],
    ['9999-12-31', '9999-12-31T00:00:00Z'],
    [new Date('2016-07-05T00:00:00Z'), '2016-07-05T00:00:00Z'],
  ])('%s → %s', (input, iso) => {
    expect(parseEntryDate(input)).toEqual({ ok: true, iso });
  });

  it.each([
    ['2023-02-30', 'not a day of the calendar'],
    ['1900-02-29', 'not a day of the calendar'],
    ['2023-13-01', 'not a day of the calendar'],
    ['2023-00-10', 'not a day of the calendar'],
    ['0000-01-01', 'outside 0001–9999'],
    ['2023-01-01T24:00:00Z', 'not a time of day'],
    ['2023-01-01T10:60:00Z', 'not a time of day'],
    ['2023-01-01T10:00:00+24:00', 'not a time zone offset'],
    ['0001-01-01T00:00:00+01:00', 'outside the years 0001–9999'],
    ['9999-12-31T23:00:00-02:00', 'outside the years 0001–9999'],
    ['10000-01-01', 'is not a date'],
    ['July 5, 2016', 'is not a date'],
    ['2016-7-5', 'is not a date'],
    ['2016-07-05T10:00:00', 'is not a date'],
    ['', 'is not a date'],
    [20160705, 'must be a date'],
    [null, 'must be a date'],
    [new Date(Number.NaN), 'years 0001–9999'],
  ])('%s is refused (%s)', (input, reason) => {
    const r = parseEntryDate(input);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toContain(reason);
  });

  it('isoUtc refuses years that feed@6 would write as -000001 or +010000', () => {
    expect(isoUtc(new Date('+010000-01-01T00:00:00Z'))).toBeNull();
    expect(isoUtc(new Date('-000001-01-01T00:00:00Z'))).toBeNull();
  });
});
