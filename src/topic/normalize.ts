/**
 * Text normalization before matching, applied identically to topic terms and to item text, so
 * that one term list covers every way a feed may write the same words:
 *
 *   HTML → text (tags stripped, entities decoded) → NFKC (full-width → half-width) →
 *   Traditional → Simplified folding → case folding.
 *
 * The only importer of opencc-js. Folding is done one character at a time through a table:
 * OpenCC's phrase-level conversion costs ~30 µs per headline, while matching must handle
 * 50,000 items a second, and char-level folding keeps every offset stable (one character in,
 * one character out), which the proximity and negation rules rely on. Phrase vocabulary that
 * differs between the two sides (網路 vs 网络, 軟體 vs 软件) is a topic-writing matter: list
 * both words; folding only makes the script irrelevant.
 */
import * as OpenCC from 'opencc-js';
import { htmlToText } from '../text/sanitize.js';

/** Normalized text of one field: `text` is fully folded; `cased` is the same text before case folding. */
export interface NormalizedText {
  text: string;
  cased: string;
}

type Convert = (s: string) => string;
let twToCn: Convert | null = null;

/** OpenCC's converter, built on first use (loading its dictionaries takes ~30 ms). */
function converter(): Convert {
  if (twToCn !== null) return twToCn;
  const made: Convert = OpenCC.Converter({ from: 'tw', to: 'cn' });
  twToCn = made;
  return made;
}

// Folded code of every BMP character OpenCC may change (U+3400–U+9FFF, U+F900–U+FAFF), filled
// on first sight: 0 = not looked up yet.
const FOLD = new Uint16Array(0x10000);
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

function foldCode(code: number): number {
  let f = FOLD[code]!;
  if (f === 0) {
    const c = converter()(String.fromCharCode(code));
    // A one-to-many mapping would shift offsets: keep the character as it is.
    f = c.length === 1 ? c.charCodeAt(0) : code;
    FOLD[code] = f;
  }
  return f;
}

let buffer = new Uint16Array(1024);
const utf16 = new TextDecoder('utf-16le');

/** Fold Traditional characters to Simplified, one character at a time (length-preserving). */
export function foldScript(s: string): string {
  if (!HAN.test(s)) return s;
  const n = s.length;
  if (buffer.length < n) buffer = new Uint16Array(n * 2);
  let changed = false;
  for (let i = 0; i < n; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x3400 || (code > 0x9fff && (code < 0xf900 || code > 0xfaff))) {
      buffer[i] = code;
      continue;
    }
    const f = foldCode(code);
    if (f !== code) changed = true;
    buffer[i] = f;
  }
  // Lone surrogates survive: the decoder sees the same code units (U+FFFD only if unpaired).
  return changed ? utf16.decode(buffer.subarray(0, n)) : s;
}

// Tags after which text reads as a new block (a space), as htmlToText does; other tags vanish.
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>/g;
const BLOCK = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'tr', 'td', 'th', 'pre', 'figure', 'figcaption', 'dd', 'dt', 'hr', 'table']);
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos|nbsp);/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
// Anything the fast path cannot read exactly: comments, CDATA, scripts, styles, stray angle
// brackets, other named entities. Those go through htmlToText (sanitize-html).
const HARD = /<!|<\/?(script|style|textarea|noscript|template|iframe|object|svg|math|head|title)\b|&(?!(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos|nbsp);)/i;

/**
 * Plain text of a feed's HTML for matching. Summaries from the read stage are already
 * sanitized (simple tags, common entities): those are stripped here in ~1 µs; anything
 * else takes htmlToText, whose full parser costs ~30 µs an item.
 */
export function textOfHtml(html: string): string {
  if (HARD.test(html)) return htmlToText(html);
  const stripped = html.replace(TAG, (_m, _close: string, name: string) => (BLOCK.has(name.toLowerCase()) ? ' ' : ''));
  if (stripped.includes('<') || stripped.includes('>')) return htmlToText(html);
  if (!stripped.includes('&')) return stripped;
  return stripped.replace(ENTITY, (_m, e: string) => {
    if (e[0] !== '#') return NAMED[e]!;
    const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return n > 0 && n <= 0x10ffff && (n < 0xd800 || n > 0xdfff) ? String.fromCodePoint(n) : '\ufffd';
  });
}

// Quotation marks around CJK words (台军“资通电军”, 謀「獨」) would split terms that CJK writing
// runs together; ASCII apostrophes stay because English possessives need their boundary.
const CJK_QUOTES = /[“”„‟「」『』《》〈〉"]/g;
const HAS_CJK_QUOTE = /[“”„‟「」『』《》〈〉"]/;
const SPACES = /\s+/g;
// After NFKC, U+00A0 and U+3000 are plain spaces: only ASCII control whitespace or double
// spaces are left to fold (a cheap test; \s is a large Unicode class).
const ODD_SPACE = /[\t\n\r\f\v]| {2}/;
const NEEDS_HTML = /[<&]/;
const NON_ASCII = /[^\x00-\x7f]/;

/** Normalize one field of an item (title, summary or content; HTML or plain text). */
export function normalizeText(raw: string | null | undefined): NormalizedText {
  if (!raw) return { text: '', cased: '' };
  let s = NEEDS_HTML.test(raw) ? textOfHtml(raw) : raw;
  if (NON_ASCII.test(s)) {
    s = s.normalize('NFKC');
    if (HAS_CJK_QUOTE.test(s)) s = s.replace(CJK_QUOTES, '');
    s = foldScript(s);
  }
  if (ODD_SPACE.test(s)) s = s.replace(SPACES, ' ');
  s = s.trim();
  return { text: s.toLowerCase(), cased: s };
}

/** Normalize a topic term the way item text is normalized (no HTML in terms). */
export function normalizeTerm(term: string): string {
  return foldScript(term.normalize('NFKC')).replace(SPACES, ' ').trim();
}

/** Whether a (normalized) string contains CJK ideographs, kana or hangul. */
export function hasCjk(s: string): boolean {
  return /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/.test(s);
}
