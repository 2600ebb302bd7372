/**
 * Text normalization before matching, applied identically to topic terms and to item text, so
 * that one term list covers every way a feed may write the same words:
 *
 *   HTML → text (tags stripped, entities decoded) → NFKC (full-width → half-width) →
 *   Traditional → Simplified folding → case folding.
 *
 * The only importer of opencc-js. Folding is done one character at a time through a cache:
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
const charCache = new Map<number, string>();

/** OpenCC's converter, built on first use (loading its dictionaries takes ~30 ms). */
function converter(): Convert {
  if (twToCn !== null) return twToCn;
  const made: Convert = OpenCC.Converter({ from: 'tw', to: 'cn' });
  twToCn = made;
  return made;
}

/** CJK ideographs (unified, extension A, compatibility) — the only characters OpenCC can change. */
function isHan(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

const HAS_HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Fold Traditional characters to Simplified, one character at a time (length-preserving). */
export function foldScript(s: string): string {
  if (!HAS_HAN.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (!isHan(code)) {
      out += s[i];
      continue;
    }
    let folded = charCache.get(code);
    if (folded === undefined) {
      const c = converter()(s[i]!);
      // A one-to-many mapping would shift offsets: keep the character as it is.
      folded = c.length === 1 ? c : s[i]!;
      charCache.set(code, folded);
    }
    out += folded;
  }
  return out;
}

// Quotation marks around CJK words (台军“资通电军”, 謀「獨」) would split terms that CJK writing
// runs together; ASCII apostrophes stay because English possessives need their boundary.
const CJK_QUOTES = /[“”„‟「」『』《》〈〉"]/g;
const SPACES = /\s+/g;
const NEEDS_HTML = /[<&]/;
const NON_ASCII = /[^\x00-\x7f]/;

/** Normalize one field of an item (title, summary or content; HTML or plain text). */
export function normalizeText(raw: string | null | undefined): NormalizedText {
  if (!raw) return { text: '', cased: '' };
  let s = NEEDS_HTML.test(raw) ? htmlToText(raw) : raw;
  if (NON_ASCII.test(s)) s = foldScript(s.normalize('NFKC').replace(CJK_QUOTES, ''));
  s = s.replace(SPACES, ' ').trim();
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
