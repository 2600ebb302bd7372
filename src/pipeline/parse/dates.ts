/**
 * Feed dates → RFC 3339 UTC (`2024-01-02T03:04:05Z`). RFC 822/1123 for RSS, RFC 3339 for Atom and
 * JSON Feed, and the broken variants real feeds send: no weekday, full month names, two-digit
 * years, missing seconds, `+08:00` in RFC 822, named zones, `2024/01/02 10:00`, `2024年1月2日`.
 *
 * `new Date(string)` is not used: it accepts nonsense (`Feb 30` rolls over) and reads zone-less
 * times in the machine's local zone, so the same feed would parse differently on each host.
 */

export interface DateContext {
  /** Feed or source language; `zh*` makes the ambiguous `CST` mean China/Taiwan time (+08:00). */
  language?: string | null | undefined;
}

export type DateResult = { ok: true; value: string } | { ok: false; warning: string };

const MIN_YEAR = 1970;
const MAX_YEAR = 2100;

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/** Zone names seen in feeds, as minutes east of UTC. CST is resolved separately. */
const ZONES: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, WET: 0, BST: 60, CET: 60, CEST: 120, EET: 120, EEST: 180, MSK: 180,
  EST: -300, EDT: -240, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420, AKST: -540, HST: -600,
  IST: 330, HKT: 480, SGT: 480, AWST: 480, JST: 540, KST: 540, AEST: 600, AEDT: 660, NZST: 720,
};

function isChinese(language: string | null | undefined): boolean {
  return !!language && /^zh\b|^zh[-_]/i.test(language.trim());
}

/** Minutes east of UTC for a zone token, or undefined if unknown. Missing zone → the hint's zone. */
function zoneOffset(token: string | undefined, ctx: DateContext): number | undefined {
  if (!token) return isChinese(ctx.language) ? 480 : 0;
  const t = token.toUpperCase();
  const num = /^([+-])(\d{2}):?(\d{2})?$/.exec(t);
  if (num) return (num[1] === '-' ? -1 : 1) * (Number(num[2]) * 60 + Number(num[3] ?? 0));
  const named = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(t);
  if (named) return (named[1] === '-' ? -1 : 1) * (Number(named[2]) * 60 + Number(named[3] ?? 0));
  // CST is US Central (-06:00) in English feeds but China Standard Time in Chinese ones.
  if (t === 'CST') return isChinese(ctx.language) ? 480 : -360;
  return ZONES[t];
}

function twoDigitYear(y: string): number {
  const n = Number(y);
  // RFC 2822 §4.3: two-digit years 00–49 are 20xx, 50–99 are 19xx.
  return y.length === 2 ? (n < 50 ? 2000 + n : 1900 + n) : n;
}

interface Parts {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  ms: number;
  zone: string | undefined;
}

const ISO =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2}|[+-]\d{2}|(?:GMT|UTC)(?:[+-]\d{1,2}(?::?\d{2})?)?|[A-Z]{2,5})?$/i;
const CJK = /^(\d{4})年(\d{1,2})月(\d{1,2})日\s*(?:(\d{1,2})[:時时](\d{2})(?:[:分](\d{2})秒?)?)?\s*(Z|[+-]\d{2}:?\d{2}|[A-Z]{2,5})?$/i;
const RFC822 =
  /^(?:[A-Za-z]+,?\s+)?(\d{1,2})[\s-]+([A-Za-z]+)\.?[\s-]+(\d{2}|\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2}|(?:GMT|UTC)(?:[+-]\d{1,2}(?::?\d{2})?)?|[A-Z]{1,5})?$/i;
// "Monday, January 2, 2024 10:00 AM" style, as some CMSs print it.
const US_STYLE =
  /^(?:[A-Za-z]+,?\s+)?([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})(?:,?\s+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?\s*(Z|[+-]\d{2}:?\d{2}|[A-Z]{1,5})?$/i;

function month(name: string): number | undefined {
  return MONTHS[name.toLowerCase().slice(0, name.length > 3 && name.toLowerCase().startsWith('sept') ? 4 : 3)];
}

function parts(raw: string): Parts | null {
  const s = raw.trim().replace(/\s+/g, ' ');
  let m = ISO.exec(s);
  if (m) {
    const ms = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
    return { y: Number(m[1]), mo: Number(m[2]), d: Number(m[3]), h: Number(m[4] ?? 0), mi: Number(m[5] ?? 0), s: Number(m[6] ?? 0), ms, zone: m[8] };
  }
  m = CJK.exec(s);
  if (m) {
    return { y: Number(m[1]), mo: Number(m[2]), d: Number(m[3]), h: Number(m[4] ?? 0), mi: Number(m[5] ?? 0), s: Number(m[6] ?? 0), ms: 0, zone: m[7] };
  }
  m = RFC822.exec(s);
  if (m) {
    const mo = month(m[2]!);
    if (mo === undefined) return null;
    return { y: twoDigitYear(m[3]!), mo, d: Number(m[1]), h: Number(m[4] ?? 0), mi: Number(m[5] ?? 0), s: Number(m[6] ?? 0), ms: 0, zone: m[7] };
  }
  m = US_STYLE.exec(s);
  if (m) {
    const mo = month(m[1]!);
    if (mo === undefined) return null;
    let h = Number(m[4] ?? 0);
    if (m[7]) h = (h % 12) + (m[7].toUpperCase() === 'PM' ? 12 : 0);
    return { y: Number(m[3]), mo, d: Number(m[2]), h, mi: Number(m[5] ?? 0), s: Number(m[6] ?? 0), ms: 0, zone: m[8] };
  }
  return null;
}

/** Parse one feed date. Never throws: a bad date is a warning, and the caller stores null. */
export function parseFeedDate(raw: string | null | undefined, ctx: DateContext = {}): DateResult | null {
  if (raw === null || raw === undefined || !raw.trim()) return null;
  const p = parts(raw);
  if (!p) return { ok: false, warning: `unparseable date "${raw.trim().slice(0, 60)}"` };
  const offset = zoneOffset(p.zone, ctx);
  if (offset === undefined) return { ok: false, warning: `unknown time zone in date "${raw.trim().slice(0, 60)}"` };
  if (p.y < MIN_YEAR || p.y > MAX_YEAR) return { ok: false, warning: `date "${raw.trim().slice(0, 60)}" has an out-of-range year` };
  // A leap second (":60") is valid RFC 3339; clamp rather than roll over.
  const sec = Math.min(p.s, 59);
  const t = Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, sec, Math.floor(p.ms));
  const check = new Date(t);
  if (check.getUTCMonth() !== p.mo - 1 || check.getUTCDate() !== p.d || p.h > 24 || p.mi > 59) {
    return { ok: false, warning: `invalid calendar date "${raw.trim().slice(0, 60)}"` };
  }
  const utc = new Date(t - offset * 60_000);
  return { ok: true, value: utc.toISOString().replace(/\.\d{3}Z$/, 'Z') };
}
