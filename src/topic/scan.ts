/**
 * Find every term of a compiled lexicon in one normalized field. Pure and allocation-light:
 * the three alternation regexes run once each over the field, and every match is mapped back
 * to what it stands for through its canonical key.
 */
import { keyOf, type Lexicon, type Matched, type TermRef } from './compile.js';
import type { NormalizedText } from './normalize.js';

export interface Hit {
  start: number;
  end: number;
  refs: TermRef[];
  /** Groups of the term refs as a bit mask (groups 0–30; higher groups are not in it). */
  groups: number;
}

const HAS_CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/;
const HAS_UPPER_PAIR = /[A-Z][^A-Z]{0,3}[A-Z]/;
const HAS_LATIN = /[a-z0-9\u00c0-\u024f]/;
/** What keyOf removes between words. */
const SEPARATOR = /[\s\-‐‑–—_]/;

/**
 * What a match stands for: its exact terms plus the longest wildcard term it extends ("hacked"
 * is both the exact `hacked` and `hack*`). A wildcard extends only the match's last word:
 * "cyber attack-and-defense" is its own term, not `cyber attack*` going on. An exclusion among
 * them wins outright ("hackathon*" over "hack*").
 */
function lookup(lex: Lexicon, key: string, raw: string): TermRef[] | undefined {
  const exact = lex.exact.get(key);
  let wild: TermRef[] | undefined;
  if (lex.prefixLengths.length > 0) {
    // The wildcard's prefix must reach into the match's last word: "intrusion*" does not
    // extend "intrusion-detection" (another term) by a whole word.
    const lastWord = key.length - lastWordLength(raw);
    for (const len of lex.prefixLengths) {
      if (len > key.length || len <= lastWord) continue;
      wild = lex.prefix.get(key.slice(0, len));
      if (wild) break;
    }
  }
  const refs = exact && wild ? [...exact, ...wild] : (exact ?? wild);
  if (!refs || !refs.some((r) => r.kind === 'exclude')) return refs;
  return refs.filter((r) => r.kind === 'exclude');
}

/** Characters of the last word of a Latin match (after its last separator). */
function lastWordLength(raw: string): number {
  for (let i = raw.length - 1; i >= 0; i--) if (SEPARATOR.test(raw[i]!)) return raw.length - 1 - i;
  return raw.length;
}

function matched(refs: TermRef[] | undefined): Matched | null {
  if (!refs) return null;
  let groups = 0;
  for (const r of refs) if (r.kind === 'term' && r.group < 31) groups |= 1 << r.group;
  return { refs, groups };
}

// Matched strings repeat across items ("taiwan", "cybersecurity"): the lexicon remembers what
// each stands for. Bounded, because feed text is unbounded; an acronym's key is marked, since a
// case-sensitive acronym and a case-folded word may be spelt alike.
const MEMO_MAX = 20_000;

function run(re: RegExp | null, text: string, keyed: (m: string) => string, lex: Lexicon, out: Hit[]): void {
  if (!re) return;
  const cache = lex.memo;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const memoKey = keyed === acronymKey ? `A:${m[0]}` : m[0];
    let found = cache.get(memoKey);
    if (found === undefined) {
      found = matched(lookup(lex, keyed(m[0]), m[0]));
      if (cache.size >= MEMO_MAX) cache.clear();
      cache.set(memoKey, found);
    }
    if (found) out.push({ start: m.index, end: m.index + m[0].length, refs: found.refs, groups: found.groups });
    if (m[0].length === 0) re.lastIndex++;
  }
}

const latinKey = (m: string): string => keyOf(m, false);
const acronymKey = (m: string): string => `A:${keyOf(m, true)}`;

/** All term hits in a field, in order of position. */
export function scanField(field: NormalizedText, lex: Lexicon): Hit[] {
  const hits: Hit[] = [];
  if (!field.text) return hits;
  // Latin terms start with a letter or digit: Chinese text without one needs no Latin scan.
  if (HAS_LATIN.test(field.text)) run(lex.latin, field.text, latinKey, lex, hits);
  const latin = hits.length;
  if (HAS_UPPER_PAIR.test(field.cased)) run(lex.acronym, field.cased, acronymKey, lex, hits);
  const acronym = hits.length - latin;
  if (HAS_CJK.test(field.text)) run(lex.cjk, field.text, latinKey, lex, hits);
  // One regex's matches are already in order and disjoint: only a mix needs merging.
  if (hits.length < 2 || hits.length === latin || acronym === hits.length || latin + acronym === 0) return hits;
  // Each regex yields leftmost-longest matches, but the three regexes overlap one another
  // ("US-Taiwan" is a word term, its "US" an acronym): keep the longer, outer match.
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Hit[] = [hits[0]!];
  for (let i = 1; i < hits.length; i++) {
    const h = hits[i]!;
    if (h.start >= kept[kept.length - 1]!.end) kept.push(h);
  }
  return kept;
}
