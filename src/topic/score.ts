/**
 * Score one item against a compiled topic and explain the score.
 *
 * 1. Evidence per group, in 0..1: each distinct matching term adds its weight times its field's
 *    weight (title 1, summary 0.5 by default; the best field counts), capped at 1. Near pairs
 *    add like terms. A term right after a negating term in the same clause ("refused to
 *    cooperate", 拒不配合, 打压两岸交流), or right before a term of its `negated_after_by` group
 *    ("forum attendees", 论坛期间), adds nothing.
 * 2. A rule fires when every one of its requirements has evidence and none of its `none` groups
 *    has any; it is worth
 *    score × (0.5 + 0.5 × weakest evidence), so a rule resting on one summary word is worth less
 *    than one the headline states. A demotion multiplies that when the title frames the item
 *    differently (conflict words in the title, no cooperation word in it).
 * 3. The item's score is the best rule's worth; the thresholds turn it into a decision.
 */
import type { Decision, Verdict } from '../model.js';
import type { CompiledTopicData, CompiledRule } from './compile.js';
import type { NormalizedText } from './normalize.js';
import { isJoined, joinedActors, opensTitle } from './joint.js';
import { scanField, type Hit } from './scan.js';

export interface Fields {
  title: NormalizedText;
  summary: NormalizedText;
}

type FieldName = 'title' | 'summary';

/** One term's evidence for one group: its best contribution and where it was seen. */
interface Entry {
  group: number;
  term: string;
  value: number;
  field: FieldName;
  /** Where in that field it was first seen (a joined pair that does not open the title: after everything). */
  at: number;
}

const AFTER_ALL = Number.MAX_SAFE_INTEGER;

/**
 * Every (group, term) seen in the item. A flat list rather than a map per group: an item
 * touches a dozen terms at most, and allocation, not lookup, is what costs at 50,000 items/s.
 */
type Evidence = Entry[];

const CLAUSE_BREAK = /[,.;:!?，。；：！？、]/;

function negated(hits: Hit[], at: number, text: string, negGroup: number, window: number): string | null {
  const start = hits[at]!.start;
  for (let i = at - 1; i >= 0; i--) {
    const h = hits[i]!;
    if (start - h.end > window) break;
    if (h.end > start) continue;
    for (const r of h.refs) {
      if (r.kind === 'term' && r.group === negGroup && !CLAUSE_BREAK.test(text.slice(h.end, start))) return r.term;
    }
  }
  return null;
}

/** The term of group `by` that follows hit `at` closely in the same clause ("forum attendees"), or null. */
function negatedAfter(hits: Hit[], at: number, text: string, by: number, window: number): string | null {
  const end = hits[at]!.end;
  for (let i = at + 1; i < hits.length; i++) {
    const h = hits[i]!;
    if (h.start - end > window) break;
    if (h.start < end) continue;
    for (const r of h.refs) {
      if (r.kind === 'term' && r.group === by && !CLAUSE_BREAK.test(text.slice(end, h.start))) return r.term;
    }
  }
  return null;
}

interface NearSide {
  group: number;
  pair: number;
  side: 'a' | 'b';
  start: number;
  end: number;
  term: string;
}

/** Adds the field's evidence to `ev`; returns the notes (exclusions, negations), made on the first one. */
function collect(t: CompiledTopicData, field: FieldName, norm: NormalizedText, ev: Evidence, notes: string[] | null): string[] | null {
  const hits = scanField(norm, t.lexicon);
  if (hits.length === 0) return notes;
  const fw = t.fields[field];
  let near: NearSide[] | null = null;
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i]!;
    for (const r of h.refs) {
      if (r.kind === 'exclude') {
        (notes ??= []).push(`excluded "${r.term}" (${field}): it counts as no term`);
      } else if (r.kind === 'near') {
        (near ??= []).push({ group: r.group, pair: r.pair, side: r.side, start: h.start, end: h.end, term: r.term });
      } else {
        const g = t.groups[r.group]!;
        const by = g.negatedBy >= 0 ? negated(hits, i, norm.text, g.negatedBy, t.negationWindow) : null;
        if (by !== null) {
          (notes ??= []).push(`negated: ${g.name} "${r.term}" after "${by}" (${field})`);
          continue;
        }
        const next = g.negatedAfterBy >= 0 ? negatedAfter(hits, i, norm.text, g.negatedAfterBy, t.negationWindow) : null;
        if (next !== null) {
          (notes ??= []).push(`negated: ${g.name} "${r.term}" before "${next}" (${field})`);
          continue;
        }
        add(ev, r.group, r.term, r.weight * fw, field, h.start);
      }
    }
  }
  if (near) addNearPairs(t, near, ev, fw, field);
  const j = t.joint;
  // Headlines are where two sides are made one subject; summaries narrate (and cost more to scan).
  if (j && field === 'title' && hits.length > 1) {
    const mask = joinedActors(j, hits, norm.text);
    for (let p = 0; p < j.pairs.length; p++) {
      if (!isJoined(mask, p)) continue;
      const opens = opensTitle(mask, p);
      add(ev, j.group, j.labels[p]!, j.weight * fw, field, opens ? 0 : AFTER_ALL);
      if (j.subjectGroup >= 0 && opens) add(ev, j.subjectGroup, j.subjectLabels[p]!, fw, field, 0);
    }
  }
  return notes;
}

function addNearPairs(t: CompiledTopicData, near: NearSide[], ev: Evidence, fw: number, field: FieldName): void {
  for (const a of near) {
    if (a.side !== 'a') continue;
    const spec = t.groups[a.group]!.near[a.pair]!;
    const b = near.find(
      (x) => x.side === 'b' && x.group === a.group && x.pair === a.pair && Math.max(x.start - a.end, a.start - x.end) <= spec.within,
    );
    if (b) add(ev, a.group, `${a.term}~${b.term}`, spec.weight * fw, field, Math.min(a.start, b.start));
  }
}

function add(ev: Evidence, group: number, term: string, value: number, field: FieldName, at: number): void {
  for (const e of ev) {
    if (e.group !== group || e.term !== term) continue;
    if (e.value < value) {
      e.value = value;
      e.field = field;
      e.at = at;
    }
    return;
  }
  ev.push({ group, term, value, field, at });
}

/** Evidence of each group: the sum of its terms' contributions, capped at 1. */
function strengths(ev: Evidence, groups: number, into?: Float64Array): Float64Array {
  const s = into && into.length >= groups ? into.fill(0, 0, groups) : new Float64Array(groups);
  for (const e of ev) s[e.group]! += e.value;
  for (let g = 0; g < groups; g++) if (s[g]! > 1) s[g] = 1;
  return s;
}

function titleEvidence(ev: Evidence, g: number): number {
  let sum = 0;
  for (const e of ev) if (e.group === g && e.field === 'title') sum += e.value;
  return sum;
}

const inTitle = (ev: Evidence, g: number): boolean => titleEvidence(ev, g) > 0;

/**
 * A demotion's title_lacks: a weak term in the title ("meeting", "forum") does not count. Two
 * sides joined as the headline's subject do when the rest of the item confirms cooperation
 * ("Mainland and Taiwan investigators trade evidence in phishing case" + "police on both
 * sides"): that is cooperation against a crime, not an attack headline.
 */
function titleAsserts(t: CompiledTopicData, ev: Evidence, g: number, before = AFTER_ALL): boolean {
  const full = t.groups[g]!.weight * t.fields.title - 1e-9;
  let title = 0;
  let all = 0;
  let joined = false;
  for (const e of ev) {
    if (e.group !== g) continue;
    all += e.value;
    if (e.field !== 'title' || e.at >= before) continue;
    title += e.value;
    if (t.joint !== null && t.joint.group === g && t.joint.labels.includes(e.term)) joined = true;
  }
  return title >= full || (joined && all >= full);
}

/** Two decimals, like toFixed(2) for 0..1 scores, at a fraction of its cost (it runs per reason). */
const f2 = (x: number): string => {
  const n = Math.round(x * 100);
  const frac = n % 100;
  return `${(n - frac) / 100}.${frac < 10 ? '0' : ''}${frac}`;
};

interface RuleWorth {
  rule: CompiledRule;
  worth: number;
  evidence: number;
  demoted: boolean;
}

/** Weakest evidence among a rule's requirements; 0 when one of them has none (the rule does not fire). */
function weakest(rule: CompiledRule, s: Float64Array): number {
  let evidence = 1;
  for (const req of rule.all) {
    let best = 0;
    for (const g of req) if (s[g]! > best) best = s[g]!;
    if (best <= 0) return 0;
    if (best < evidence) evidence = best;
  }
  return evidence;
}

/**
 * A rule's evidence: its weakest requirement, raised to `headline_floor` when the title alone
 * names every requirement. A headline that states the whole story with one weak word
 * (公安部与台湾警方合作侦破电诈案) is stronger than the same words spread over the summary.
 */
function ruleEvidence(t: CompiledTopicData, rule: CompiledRule, s: Float64Array, ev: Evidence, titleMask = titleGroups(ev)): number {
  const evidence = weakest(rule, s);
  if (evidence <= 0 || evidence >= t.headlineFloor) return evidence;
  if (rule.masks !== null) return covers(rule.masks, titleMask) ? t.headlineFloor : evidence;
  for (const req of rule.all) if (!req.some((g) => inTitle(ev, g))) return evidence;
  return t.headlineFloor;
}

/** Groups with evidence in the title, as a bit mask (groups 0–30). */
function titleGroups(ev: Evidence): number {
  let mask = 0;
  for (const e of ev) if (e.field === 'title' && e.group < 31) mask |= 1 << e.group;
  return mask;
}

/** Whether every requirement mask has a group among `present`. */
function covers(masks: number[], present: number): boolean {
  for (let i = 0; i < masks.length; i++) if ((masks[i]! & present) === 0) return false;
  return true;
}

type Demotion = CompiledRule['demote'][number];

function applies(t: CompiledTopicData, d: Demotion, ev: Evidence): boolean {
  if (!d.titleHas.some((g) => inTitle(ev, g))) return false;
  if (d.titleLacks.some((g) => titleAsserts(t, ev, g))) return false;
  if (d.titleLeadsWith.length === 0) return true;
  const first = firstInTitle(ev, d.titleHas);
  return !d.titleLeadsWith.some((g) => titleAsserts(t, ev, g, first));
}

/** Where the first title term of any of these groups starts. */
function firstInTitle(ev: Evidence, groups: number[]): number {
  let first = AFTER_ALL;
  for (const e of ev) if (e.field === 'title' && e.at < first && groups.includes(e.group)) first = e.at;
  return first;
}

/** The product of the factors of the rule's demotions that apply (1: none does). */
function demotion(t: CompiledTopicData, rule: CompiledRule, ev: Evidence): number {
  let f = 1;
  for (const d of rule.demote) if (applies(t, d, ev)) f *= d.factor;
  return f;
}

/** Whether a group the rule requires absent (`none`) has evidence: then the rule does not fire. */
function ruledOut(rule: CompiledRule, s: Float64Array, present = -1): boolean {
  if (rule.none.length === 0) return false;
  if (present >= 0 && rule.masks !== null) return (rule.noneMask & present) !== 0;
  return rule.none.some((g) => s[g]! > 0);
}

/** A rule's worth for this item, or null when it does not fire. */
function worthOf(t: CompiledTopicData, rule: CompiledRule, s: Float64Array, ev: Evidence): RuleWorth | null {
  if (ruledOut(rule, s)) return null;
  const evidence = ruleEvidence(t, rule, s, ev);
  if (evidence <= 0) return null;
  const factor = demotion(t, rule, ev);
  const worth = rule.score * (0.5 + 0.5 * evidence) * factor;
  return { rule, worth, evidence, demoted: factor < 1 };
}

function ruleLine(w: RuleWorth, t: CompiledTopicData, ev: Evidence): string {
  let demote = '';
  for (const d of w.demoted ? w.rule.demote : []) {
    if (!applies(t, d, ev)) continue;
    const has = d.titleHas.filter((g) => inTitle(ev, g)).map((g) => t.groups[g]!.name);
    const lacks = d.titleLacks.map((g) => t.groups[g]!.name);
    const leads = d.titleLeadsWith.map((g) => t.groups[g]!.name);
    const no = [lacks.length ? `no ${lacks.join('/')}` : '', leads.length ? `no ${leads.join('/')} before it` : ''].filter(Boolean).join(', ');
    demote += `, demoted ×${f2(d.factor)} (title has ${has.join('/')}${no ? ` but ${no}` : ''})`;
  }
  const none = w.rule.none.length ? ` (no ${w.rule.none.map((g) => t.groups[g]!.name).join('/')} in the item)` : '';
  return `rule "${w.rule.name}"${none}: ${f2(w.rule.score)} × (0.5 + 0.5 × weakest evidence ${f2(w.evidence)})${demote} = ${f2(Math.min(1, w.worth))}`;
}

/** The reasons of a decision: the rule and its arithmetic, each group's terms, notes, verdict. */
function explain(t: CompiledTopicData, ev: Evidence, notes: string[], score: number, decision: Verdict): string[] {
  const s = strengths(ev, t.groups.length);
  const fired = t.rules.map((r) => worthOf(t, r, s, ev)).filter((w): w is RuleWorth => w !== null);
  const best = fired.reduce<RuleWorth | null>((b, w) => (!b || w.worth > b.worth ? w : b), null);
  const reasons: string[] = [best ? ruleLine(best, t, ev) : 'no rule matched'];
  for (const w of fired) if (w !== best) reasons.push(`also ${ruleLine(w, t, ev)}`);
  for (let g = 0; g < t.groups.length; g++) {
    const terms = ev.filter((e) => e.group === g).map((e) => `${e.term} (${e.field})`);
    if (terms.length) reasons.push(`${t.groups[g]!.name} ${f2(s[g]!)}: ${terms.join(', ')}`);
  }
  reasons.push(...notes);
  const { append, review } = t.thresholds;
  const rel =
    decision === 'append' ? `>= append ${f2(append)}` : decision === 'review' ? `>= review ${f2(review)}, < append ${f2(append)}` : `< review ${f2(review)}`;
  reasons.push(`${decision}: score ${f2(score)} ${rel}`);
  return reasons;
}

/**
 * A decision whose reasons are written when first read. Formatting them costs as much as
 * deciding, and most items are dropped without anyone asking why. The getter lives on the
 * prototype: an object literal with its own getter is built through a slow runtime path that
 * cost a fifth of the whole decide() time. JSON includes the reasons (toJSON); a spread copy
 * does not, so code that copies a decision names its fields.
 */
class LazyDecision implements Decision {
  readonly decision: Verdict;
  readonly score: number;
  #reasons: string[] | null = null;
  readonly #explain: () => string[];

  constructor(decision: Verdict, score: number, explainLater: () => string[]) {
    this.decision = decision;
    this.score = score;
    this.#explain = explainLater;
  }

  get reasons(): string[] {
    this.#reasons ??= this.#explain();
    return this.#reasons;
  }

  toJSON(): Decision {
    return { decision: this.decision, score: this.score, reasons: this.reasons };
  }
}

// Group strengths of the item being decided, reused across calls (decide() is synchronous).
let scratch = new Float64Array(32);

/** Decide one item. `fields` are already normalized; the hot path allocates only the evidence list. */
export function scoreFields(t: CompiledTopicData, fields: Fields): Decision {
  if (t.empty) {
    return { decision: 'review', score: 0, reasons: ['topic has no rules: every item is held for review'] };
  }
  const ev: Evidence = [];
  const notes = collect(t, 'summary', fields.summary, ev, collect(t, 'title', fields.title, ev, null));
  // A scratch buffer: the reasons, if asked for, recompute strengths from the evidence.
  const s = strengths(ev, t.groups.length, (scratch = scratch.length >= t.groups.length ? scratch : new Float64Array(t.groups.length)));

  // Groups with evidence as a bit mask: most rules can be ruled out without weighing evidence.
  const titleMask = titleGroups(ev);
  let present = 0;
  for (let g = 0; g < t.groups.length && g < 31; g++) if (s[g]! > 0) present |= 1 << g;
  let best = 0;
  // Highest score first: a rule cannot be worth more than its score, so once one fires the
  // weaker rules (the partial-evidence ones) mostly need no look.
  for (const rule of t.byScore) {
    if (rule.score <= best) break;
    if (rule.masks !== null && !covers(rule.masks, present)) continue;
    if (ruledOut(rule, s, present)) continue;
    const evidence = ruleEvidence(t, rule, s, ev, titleMask);
    if (evidence <= 0) continue;
    let worth = rule.score * (0.5 + 0.5 * evidence);
    if (worth > best && rule.demote.length > 0) worth *= demotion(t, rule, ev);
    if (worth > best) best = worth;
  }
  const score = Math.round(Math.min(1, best) * 1000) / 1000;
  const { append, review } = t.thresholds;
  const decision: Verdict = score >= append ? 'append' : score >= review ? 'review' : 'drop';

  return new LazyDecision(decision, score, () => explain(t, ev, notes ?? [], score, decision));
}
