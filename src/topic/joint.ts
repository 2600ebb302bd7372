/**
 * Joined actors: "US, Taiwan run a tabletop", "Taiwan and US sign...", 福建公安与台湾警方...
 *
 * A headline that makes two sides one grammatical subject states that they act together, even
 * without a cooperation word ("US, Taiwan coast guards train...", "Mainland, Taiwan police crack
 * a ring"). Held-out rounds kept missing such items, word lists cannot enumerate the verbs, so
 * the structure itself counts: a term of one side, a short gap containing a joiner ("and", ",",
 * "with", 與, 和, 、) and a term of the other side add evidence to a group (cooperation).
 * A tight joiner ("-", "/") joins only when it is the whole gap: "FBI-CIB probe".
 * A joined pair that opens the headline ("FBI and Taiwanese police take down a botnet of
 * hijacked routers") is its subject: the two act together, and an attack word later in the
 * title names what they fought. With `subject_group`, such a pair also adds evidence there, for
 * a demotion's title_lacks to use ("Hackers hit US and Taiwan firms" is not a subject).
 * It counts as weak evidence: attack headlines ("hackers hit Taiwan and US firms") still go
 * through the rules' demotion, which a joined pair lifts only through subject_group.
 */
import type { Hit } from './scan.js';

export interface CompiledJoint {
  /** Group that the evidence goes to. */
  group: number;
  /** Group that a pair opening the title also adds evidence to, or -1. */
  subjectGroup: number;
  /** Evidence of one joined pair, before the field weight. */
  weight: number;
  /** At most this many characters between the two actors. */
  within: number;
  /** Pairs of groups: a term of one joined to a term of the other. */
  pairs: [number, number][];
  /** Each pair's name in reasons: "joined us & taiwan"; as the subject: "us & taiwan as the subject". */
  labels: string[];
  subjectLabels: string[];
  /** Any joiner in a gap: Latin joiners as whole words, others (",", 與, 、) anywhere. */
  joiner: RegExp;
  /** Joiners that join only as the whole gap ("FBI-CIB"), never inside one ("US-made ... Taiwan"). */
  tight: ReadonlySet<string>;
}

/** A clause break other than a comma ends the subject: "US says: Taiwan ..." is not joined. */
const STOP = /[.;:!?。；：！？()（）"“”]/;
const LATIN = /^[a-z0-9\u00c0-\u024f]+$/;
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\\/-]/g, '\\$&');

/** Pairs are bits 0–14 of a mask; the same pair opening the title is its bit + SUBJECT. */
export const MAX_PAIRS = 15;
const SUBJECT = MAX_PAIRS;
/** A pair opens the title when at most this much (an article: "The ") comes before it. */
const OPENING = 4;

export interface JointSpec {
  group: number;
  subjectGroup: number;
  weight: number;
  within: number;
  pairs: [number, number][];
  names: [string, string][];
  joiners: string[];
  tight: string[];
}

export function compileJoint(spec: JointSpec): CompiledJoint {
  const { group, subjectGroup, weight, within, pairs, names, joiners, tight } = spec;
  const alts = joiners.map((j) => (LATIN.test(j) ? `(?<![a-z0-9\\u00c0-\\u024f])${escape(j)}(?![a-z0-9\\u00c0-\\u024f])` : escape(j)));
  const labels = names.map(([a, b]) => `joined ${a} & ${b}`);
  const subjectLabels = names.map(([a, b]) => `${a} & ${b} as the subject`);
  return { group, subjectGroup, weight, within, pairs, labels, subjectLabels, joiner: new RegExp(alts.join('|')), tight: new Set(tight) };
}

/** Whether bit p of a joinedActors mask marks pair p joined, and opening the title. */
export const isJoined = (mask: number, p: number): boolean => (mask & (1 << p)) !== 0;
export const opensTitle = (mask: number, p: number): boolean => (mask & (1 << (p + SUBJECT))) !== 0;

/** Whether a hit counts for group g (compileJoint accepts groups 0–30 only, the hit's mask). */
const hasGroup = (h: Hit, g: number): boolean => (h.groups & (1 << g)) !== 0;

function joins(j: CompiledJoint, gap: string): boolean {
  if (j.tight.size > 0 && j.tight.has(gap.trim())) return true;
  return gap.length <= j.within && !STOP.test(gap) && j.joiner.test(gap);
}

/**
 * Which pairs of groups are joined in one field's hits, as a bit mask (bit p: pair p; bit
 * p + 15: that pair opens the field). Runs on every title, so it allocates nothing but the gaps
 * it tests.
 */
export function joinedActors(j: CompiledJoint, hits: Hit[], text: string): number {
  let mask = 0;
  for (let p = 0; p < j.pairs.length; p++) {
    const pair = j.pairs[p]!;
    for (let i = 0; i < hits.length - 1; i++) {
      const hi = hits[i]!;
      const first = hasGroup(hi, pair[0]);
      // Neither side, or both at once (台美 is one term, not two joined actors).
      if (first === hasGroup(hi, pair[1])) continue;
      const x = first ? pair[0] : pair[1];
      const y = first ? pair[1] : pair[0];
      if (joinedAt(j, hits, i, x, y, text)) {
        mask |= 1 << p;
        if (hi.start <= OPENING) mask |= 1 << (p + SUBJECT);
        break;
      }
    }
  }
  return mask;
}

/** The next hit of group `y` after hit `i` (of group x), if close and joined to it. */
function joinedAt(j: CompiledJoint, hits: Hit[], i: number, x: number, y: number, text: string): boolean {
  const hi = hits[i]!;
  for (let k = i + 1; k < hits.length; k++) {
    const hk = hits[k]!;
    if (hk.start - hi.end > j.within) return false;
    if (!hasGroup(hk, y)) continue;
    return !hasGroup(hk, x) && joins(j, text.slice(hi.end, hk.start));
  }
  return false;
}
