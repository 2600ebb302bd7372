/**
 * Compile a topic once into three regular expressions and lookup tables:
 *
 * - `latin`: English and other Latin-script terms, case-folded, on word boundaries, with
 *   flexible separators ("cyber security" also matches cybersecurity and cyber-security) and a
 *   `*` suffix wildcard ("hack*" → hacker, hacking, hacked);
 * - `acronym`: terms written in capitals (US, AIT, APT, MAC) match case-sensitively, so that
 *   the pronoun "us" or the word "apt" is not the United States or a threat actor;
 * - `cjk`: Chinese (and other CJK) terms, without word boundaries, folded to one script.
 *
 * Each regex is a trie of its terms (trie.ts) that prefers longer continuations, so a scan yields
 * leftmost-longest matches: "Cyber Monday" (an exclusion) consumes "cyber", "Taiwan Affairs
 * Office" consumes "Taiwan". A match is mapped back to its terms through its canonical key
 * (case-folded, separators removed) in `exact` or, for `*` terms, `prefix`.
 */
import { hasCjk, normalizeTerm } from './normalize.js';
import { compileJoint, type CompiledJoint } from './joint.js';
import type { TopicConfig } from './schema.js';
import { SEP as SEP_TOKEN, TermTrie, WILD } from './trie.js';

/** What a matched key stands for: a group's term, one side of a near pair, or an exclusion. */
export type TermRef =
  | { kind: 'term'; group: number; weight: number; term: string; via: number | null }
  | { kind: 'near'; group: number; pair: number; side: 'a' | 'b'; term: string }
  | { kind: 'exclude'; term: string };

export interface CompiledGroup {
  name: string;
  /** Evidence of one full-weight term in the title: what "the title has this group" means for a demotion's title_lacks. */
  weight: number;
  negatedBy: number;
  /** Group whose term right after one of ours cancels it (-1: none). */
  negatedAfterBy: number;
  near: { within: number; weight: number; label: string }[];
}

export interface CompiledRule {
  name: string;
  /** Each requirement is a set of group indexes, any of which satisfies it. */
  all: number[][];
  /** Each requirement as a bit mask of its groups (topics of at most 31 groups), else null. */
  masks: number[] | null;
  score: number;
  /** Groups that must have no evidence for the rule to fire (`none`). */
  none: number[];
  /** `none` as a bit mask (topics of at most 31 groups), else 0 and `none` is checked one by one. */
  noneMask: number;
  /** Demotions: each that applies multiplies the rule's worth by its factor. */
  demote: { titleHas: number[]; titleLacks: number[]; titleLeadsWith: number[]; factor: number }[];
}

/** What one matched string stands for, with the groups its terms count for as a bit mask (groups 0–30). */
export interface Matched {
  refs: TermRef[];
  groups: number;
}

export interface Lexicon {
  latin: RegExp | null;
  acronym: RegExp | null;
  cjk: RegExp | null;
  exact: Map<string, TermRef[]>;
  prefix: Map<string, TermRef[]>;
  prefixLengths: number[];
  /** Matched string → what it stands for (null: nothing); filled by scanning. */
  memo: Map<string, Matched | null>;
}

export interface CompiledTopicData {
  groups: CompiledGroup[];
  rules: CompiledRule[];
  /** The same rules, highest score first (scoring stops at the first that cannot beat the best). */
  byScore: CompiledRule[];
  lexicon: Lexicon;
  thresholds: { append: number; review: number };
  fields: { title: number; summary: number };
  negationWindow: number;
  /** A rule whose every requirement is in the title has at least this evidence (0: off). */
  headlineFloor: number;
  /** Joined actors ("US, Taiwan ..."), or null when the topic has no `joint`. */
  joint: CompiledJoint | null;
  /** Compiled `topic: {}`: no rules, so every item is held for review. */
  empty: boolean;
}

const SEP = /[\s\-‐‑–—_]+/g;
const LATIN_WORD = 'a-z0-9\\u00c0-\\u024f';

/** Canonical lookup key of a term or a match: case-folded unless an acronym, separators removed. */
export function keyOf(s: string, acronym: boolean): string {
  return (acronym ? s : s.toLowerCase()).replace(SEP, '');
}

/** Terms written without lowercase and with two capitals or more are acronyms (case-sensitive). */
export function isAcronym(term: string): boolean {
  return !/[a-z]/.test(term) && (term.match(/[A-Z]/g)?.length ?? 0) >= 2;
}

const SEP_SOURCE = '[\\s\\-‐‑–—_]*';

/** Tokens of a Latin term: its characters, with flexible separators between words. */
function latinTokens(t: string, wildcard: boolean): string[] {
  const tokens: string[] = [];
  t.split(SEP)
    .filter(Boolean)
    .forEach((word, i) => {
      if (i > 0) tokens.push(SEP_TOKEN);
      tokens.push(...word);
    });
  if (wildcard) tokens.push(WILD);
  return tokens;
}

function buildRegex(trie: TermTrie, wrap: (alts: string) => string): RegExp | null {
  return trie.size === 0 ? null : new RegExp(wrap(trie.source()), 'g');
}

class LexiconBuilder {
  readonly exact = new Map<string, TermRef[]>();
  readonly prefix = new Map<string, TermRef[]>();
  // A wildcard's tail is ASCII letters and digits (the text is case-folded): `[^\W_]` says that
  // in 7 characters where the full word class takes 22, and a topic has hundreds of wildcards
  // under V8's 20 KB limit (see build). A tail never runs into accented letters.
  private readonly latin = new TermTrie(SEP_SOURCE, '[^\\W_]*');
  private readonly acronym = new TermTrie(SEP_SOURCE, '[A-Za-z0-9]*', 'A-Za-z0-9');
  private readonly cjk = new TermTrie(SEP_SOURCE, '');

  add(raw: string, ref: TermRef): void {
    const wildcard = raw.endsWith('*');
    const t = normalizeTerm(wildcard ? raw.slice(0, -1) : raw);
    if (!t) return;
    if (hasCjk(t)) {
      // No word boundaries in CJK: a wildcard adds nothing, the term matches anywhere.
      const k = keyOf(t, false);
      this.cjk.add([...t.toLowerCase()]);
      push(this.exact, k, ref);
      return;
    }
    const acronym = isAcronym(t);
    const k = keyOf(t, acronym);
    const table = wildcard ? this.prefix : this.exact;
    push(table, (acronym ? 'A:' : '') + k, ref);
    (acronym ? this.acronym : this.latin).add(latinTokens(acronym ? t : t.toLowerCase(), wildcard));
  }

  build(): Lexicon {
    const lengths = new Set<number>();
    for (const k of this.prefix.keys()) lengths.add(k.length);
    return {
      // One boundary after the whole trie: per-term boundaries would push this regex past
      // V8's 20 KB limit for optimizing a pattern (10× slower); English terms end in letters.
      latin: buildRegex(this.latin, (a) => `(?<![${LATIN_WORD}])${a}(?![${LATIN_WORD}])`),
      acronym: buildRegex(this.acronym, (a) => `(?<![A-Za-z0-9])${a}`),
      cjk: buildRegex(this.cjk, (a) => a),
      exact: this.exact,
      prefix: this.prefix,
      prefixLengths: [...lengths].sort((a, b) => b - a),
      memo: new Map(),
    };
  }
}

function push(map: Map<string, TermRef[]>, key: string, ref: TermRef): void {
  const list = map.get(key);
  if (!list) map.set(key, [ref]);
  else if (!list.some((r) => sameRef(r, ref))) list.push(ref);
}

function sameRef(a: TermRef, b: TermRef): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'exclude') return true;
  if (a.kind === 'term' && b.kind === 'term') return a.group === b.group;
  return a.kind === 'near' && b.kind === 'near' && a.group === b.group && a.pair === b.pair && a.side === b.side;
}

/** Compile a validated topic. Pure; call once per config. */
export function compileTopicData(topic: TopicConfig): CompiledTopicData {
  const names = Object.keys(topic.groups);
  const index = new Map(names.map((n, i) => [n, i]));
  const idx = (n: string): number => index.get(n) ?? -1;
  const lex = new LexiconBuilder();

  for (const t of topic.exclude) lex.add(t, { kind: 'exclude', term: t });

  const groups: CompiledGroup[] = names.map((name, g) => {
    const def = topic.groups[name]!;
    const targets = [g, ...def.implies.map(idx).filter((i) => i >= 0 && i !== g)];
    const addTerm = (t: string, weight: number): void => {
      for (const target of targets) lex.add(t, { kind: 'term', group: target, weight, term: t, via: target === g ? null : g });
    };
    for (const t of def.terms) addTerm(t, def.weight);
    for (const t of def.weak) addTerm(t, def.weight / 2);
    def.near.forEach((p, pair) => {
      for (const t of p.a) lex.add(t, { kind: 'near', group: g, pair, side: 'a', term: t });
      for (const t of p.b) lex.add(t, { kind: 'near', group: g, pair, side: 'b', term: t });
    });
    return {
      name,
      weight: def.weight,
      negatedBy: def.negated_by === undefined ? -1 : idx(def.negated_by),
      negatedAfterBy: def.negated_after_by === undefined ? -1 : idx(def.negated_after_by),
      near: def.near.map((p) => ({ within: p.within, weight: p.weight * def.weight, label: `${p.a[0]}~${p.b[0]}` })),
    };
  });

  const rules: CompiledRule[] = topic.rules.map((r) => ({
    name: r.name,
    all: r.all.map((req) => (typeof req === 'string' ? [idx(req)] : req.map(idx))),
    masks: names.length <= 31 ? r.all.map((req) => (typeof req === 'string' ? [req] : req).reduce((m, n) => m | (1 << idx(n)), 0)) : null,
    score: r.score,
    none: r.none.map(idx),
    noneMask: names.length <= 31 ? r.none.reduce((m, n) => m | (1 << idx(n)), 0) : 0,
    demote: r.demote.map((d) => ({ titleHas: d.title_has.map(idx), titleLacks: d.title_lacks.map(idx), titleLeadsWith: d.title_leads_with.map(idx), factor: d.factor })),
  }));

  return {
    groups,
    rules,
    byScore: [...rules].sort((a, b) => b.score - a.score),
    lexicon: lex.build(),
    thresholds: { ...topic.thresholds },
    fields: { ...topic.fields },
    negationWindow: topic.negation_window,
    headlineFloor: topic.headline_floor,
    joint: topic.joint
      ? compileJoint({
          group: idx(topic.joint.group),
          subjectGroup: topic.joint.subject_group === undefined ? -1 : idx(topic.joint.subject_group),
          weight: topic.joint.weight,
          within: topic.joint.within,
          pairs: topic.joint.pairs.map(([a, b]) => [idx(a), idx(b)] as [number, number]),
          names: topic.joint.pairs,
          joiners: topic.joint.joiners.map((j) => (j.trim() === ',' ? ',' : normalizeTerm(j))),
          tight: topic.joint.tight_joiners,
        })
      : null,
    empty: rules.length === 0,
  };
}
