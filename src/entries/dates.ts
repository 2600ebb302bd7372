/**
 * Entry dates: `YYYY-MM-DD` or an RFC 3339 date-time, as a string or as the Date object a YAML
 * 1.1 loader may produce. Impossible dates (2023-02-30, 25:00) and years outside 0001–9999
 * are refused here, because feed@6 writes them in forms readers misread (see
 * ../shared/tools/feed-clients/README.md) and an invalid Date makes it throw.
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2})$/;

export type DateResult = { ok: true; iso: string } | { ok: false; reason: string };

function daysIn(year: number, month: number): number {
  return [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

/** RFC 3339 in UTC without fractions, e.g. `2016-07-05T00:00:00Z`; null outside years 1–9999. */
export function isoUtc(d: Date): string | null {
  const t = d.getTime();
  if (!Number.isFinite(t)) return null;
  const y = d.getUTCFullYear();
  if (y < 1 || y > 9999) return null;
  // Within 0001–9999 toISOString always writes four year digits.
  return `${d.toISOString().slice(0, 19)}Z`;
}

/** Build a UTC Date from parts without Date.UTC's "years 0–99 mean 19xx" rule. */
function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): Date {
  const out = new Date(0);
  out.setUTCFullYear(y, mo - 1, d);
  out.setUTCHours(h, mi, s, 0);
  return out;
}

/** Parse an entry date value into RFC 3339 UTC, or say why it is not one. */
export function parseEntryDate(value: unknown): DateResult {
  if (value instanceof Date) {
    const iso = isoUtc(value);
    return iso ? { ok: true, iso } : { ok: false, reason: 'is not a date in the years 0001–9999' };
  }
  if (typeof value !== 'string') return { ok: false, reason: 'must be a date YYYY-MM-DD or an RFC 3339 date-time' };
  const s = value.trim();
  const day = DAY.exec(s);
  const full = day ? null : DATE_TIME.exec(s);
  const m = day ?? full;
  if (!m) return { ok: false, reason: `"${s.slice(0, 40)}" is not a date YYYY-MM-DD or an RFC 3339 date-time` };
  const [y, mo, d, h, mi, sec] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((v) => (v === undefined ? 0 : Number(v))) as [
    number, number, number, number, number, number,
  ];
  if (y < 1) return { ok: false, reason: `year ${m[1]} is outside 0001–9999` };
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return { ok: false, reason: `${m[1]}-${m[2]}-${m[3]} is not a day of the calendar` };
  if (h > 23 || mi > 59 || sec > 59) return { ok: false, reason: `${m[4]}:${m[5]}:${m[6]} is not a time of day` };
  let date = utc(y, mo, d, h, mi, sec);
  const zone = full?.[8];
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const zh = Number(zone.slice(1, 3));
    const zm = Number(zone.slice(4, 6));
    if (zh > 23 || zm > 59) return { ok: false, reason: `${zone} is not a time zone offset` };
    date = new Date(date.getTime() - sign * (zh * 60 + zm) * 60_000);
  }
  const iso = isoUtc(date);
  return iso ? { ok: true, iso } : { ok: false, reason: 'falls outside the years 0001–9999 in UTC' };
}
