/**
 * The `topic:` section of straitfeed.yaml: concept groups of terms, rules that combine them, and
 * two thresholds that turn a score into append / review / drop. README documents every key.
 *
 * `topic: {}` (no rules) is valid and deliberately cautious: every item is held for review,
 * because a watcher without a topic cannot know what is relevant and must not publish blindly.
 */
import { z } from 'zod';
import { MAX_PAIRS } from './joint.js';

const unit = z.number().min(0, { message: 'must be between 0 and 1' }).max(1, { message: 'must be between 0 and 1' });

const GROUP_NAME = /^[a-z][a-z0-9_]*$/;
const GROUP_NAME_MESSAGE = 'must be a group name: lowercase letters, digits and _';
const groupName = z.string().regex(GROUP_NAME, { message: GROUP_NAME_MESSAGE });

/** A term: English is matched on word boundaries, CJK anywhere; `*` only as a suffix wildcard. */
const term = z
  .string()
  .trim()
  .min(1, { message: 'a term must not be empty' })
  .refine((t) => !t.slice(0, -1).includes('*') && t !== '*', { message: "'*' is allowed only at the end of a term" });

const nearSchema = z.strictObject({
  /** Terms on one side, e.g. attack words. */
  a: z.array(term).min(1),
  /** Terms on the other side, e.g. website, server, network. */
  b: z.array(term).min(1),
  /** At most this many characters between the two matches, in the same field. */
  within: z.number().int().min(0).max(200).default(12),
  /** Evidence of one such pair, like a term's weight. */
  weight: unit.default(1),
});

const groupSchema = z.strictObject({
  description: z.string().optional(),
  /** Evidence of one term of this group in the title (a summary hit counts `fields.summary` of it). */
  weight: unit.default(1),
  terms: z.array(term).default([]),
  /** Terms that count half: ambiguous alone, useful together. */
  weak: z.array(term).default([]),
  /** A hit of this group also counts as a hit of these groups (cross-strait → taiwan, mainland). */
  implies: z.array(groupName).default([]),
  /** Pairs of terms that count for this group only when close together. */
  near: z.array(nearSchema).default([]),
  /** A term of this group right after a term of that group (same clause) does not count. */
  negated_by: groupName.optional(),
  /**
   * A term of this group right before a term of that group (same clause) does not count either:
   * the word that follows makes it the setting or the target of something else ("forum
   * attendees", 論壇期間, 以兩岸交流為誘餌).
   */
  negated_after_by: groupName.optional(),
});

const requirement = z.union([groupName, z.array(groupName).min(1)]);

const demoteSchema = z.strictObject({
  title_has: z.array(groupName).min(1),
  title_lacks: z.array(groupName).default([]),
  /**
   * Like title_lacks, but a term of these groups lifts the demotion only when it comes before
   * the first title_has term: "Sites knocked offline as Pelosi visits" leads with the attack,
   * "US team visits Taipei to study intrusion tactics" with the visit.
   */
  title_leads_with: z.array(groupName).default([]),
  factor: unit.default(0.5),
});

const ruleSchema = z.strictObject({
  name: z.string().trim().min(1, { message: 'must not be empty' }),
  /** Every entry must match; an entry that is a list is satisfied by any one of its groups. */
  all: z.array(requirement).min(1, { message: 'a rule needs at least one group' }),
  /** The score this rule gives when all its groups match with full evidence. */
  score: unit,
  /**
   * The rule fires only when none of these groups has any evidence in the item: "US, Taiwan
   * and cyber with no adversary or conflict named" is engagement, with one it may be a warning.
   */
  none: z.array(groupName).default([]),
  /**
   * Lower the score when the title frames the item differently (e.g. conflict, not cooperation).
   * One demotion or a list; every one that applies multiplies the worth by its factor.
   */
  demote: z
    .union([demoteSchema, z.array(demoteSchema)])
    .optional()
    .transform((d) => (d === undefined ? [] : Array.isArray(d) ? d : [d])),
});

const thresholdsSchema = z
  .strictObject({
    /** score >= append: append the item to the feed. */
    append: unit.default(0.7),
    /** review <= score < append: hold it for review; below: drop it. */
    review: unit.default(0.35),
  })
  .refine((t) => t.review <= t.append, { message: 'review must not be greater than append', path: ['review'] });

const fieldsSchema = z.strictObject({
  title: unit.default(1),
  summary: unit.default(0.5),
});

/**
 * Joined actors: a term of one group, a short gap with a joiner, a term of the other group
 * ("US, Taiwan run...", "Taiwan and US sign...", 福建公安与台湾警方) count as evidence of `group`.
 */
const jointSchema = z.strictObject({
  /** The group the evidence counts for (e.g. cooperation). */
  group: groupName,
  /**
   * A group that a joined pair opening the title also counts for (full evidence): two sides as
   * the headline's subject act together, whatever attack word follows. It may have no terms.
   */
  subject_group: groupName.optional(),
  /** Pairs of groups whose terms, joined, make one subject: [[us, taiwan], [mainland, taiwan]]. */
  pairs: z
    .array(z.tuple([groupName, groupName]))
    .min(1, { message: 'joint needs at least one pair' })
    .max(MAX_PAIRS, { message: `joint allows at most ${MAX_PAIRS} pairs` }),
  /** Words or characters that join them: and, ",", with, 與, 和, 、. */
  joiners: z.array(z.string().trim().min(1, { message: 'a joiner must not be empty' })).min(1),
  /**
   * Joiners that count only as the whole gap between the two terms: "-" joins "FBI-CIB probe"
   * but not "US-made chips for Taiwan".
   */
  tight_joiners: z.array(z.string().trim().min(1, { message: 'a joiner must not be empty' })).default([]),
  /** Evidence of one joined pair in the title, like a term's weight (the summary counts `fields.summary` of it). */
  weight: unit.default(0.5),
  /** At most this many characters between the two terms (the joiner included). */
  within: z.number().int().min(0).max(60).default(12),
});

const topicObject = z
  .strictObject({
    description: z.string().optional(),
    thresholds: thresholdsSchema.default({ append: 0.7, review: 0.35 }),
    /** How much a hit counts in each field: the title counts more than the summary. */
    fields: fieldsSchema.default({ title: 1, summary: 0.5 }),
    /** How far before (negated_by) or after (negated_after_by) a term, in characters and the same clause, a negating term applies. */
    negation_window: z.number().int().min(0).max(100).default(12),
    /**
     * When the title alone names every requirement of a rule, the rule's weakest evidence counts
     * at least this much (0: off): a headline stating the whole story with one weak word.
     */
    headline_floor: unit.default(0),
    /** Phrases that never count as any term: "Cyber Monday" is not cybersecurity. */
    exclude: z.array(term).default([]),
    // Names are checked below, where the message can name the key (zod's record says only
    // "Invalid key in record").
    groups: z.record(z.string(), groupSchema).default({}),
    rules: z.array(ruleSchema).default([]),
    joint: jointSchema.optional(),
  })
  .superRefine((t, ctx) => {
    const known = new Set(Object.keys(t.groups));
    const list = [...known].join(', ') || 'none defined';
    const check = (name: string, path: (string | number)[]): void => {
      if (!known.has(name)) ctx.addIssue({ code: 'custom', path, message: `unknown group "${name}" (groups: ${list})` });
    };
    for (const [g, def] of Object.entries(t.groups)) {
      if (!GROUP_NAME.test(g)) ctx.addIssue({ code: 'custom', path: ['groups', g], message: GROUP_NAME_MESSAGE });
      def.implies.forEach((n, i) => check(n, ['groups', g, 'implies', i]));
      if (def.negated_by !== undefined) check(def.negated_by, ['groups', g, 'negated_by']);
      if (def.negated_after_by !== undefined) check(def.negated_after_by, ['groups', g, 'negated_after_by']);
      if (def.terms.length + def.weak.length + def.near.length === 0 && t.joint?.subject_group !== g) {
        ctx.addIssue({ code: 'custom', path: ['groups', g], message: 'a group needs terms, weak terms or near pairs' });
      }
    }
    t.rules.forEach((r, i) => {
      r.all.forEach((req, j) => {
        if (typeof req === 'string') check(req, ['rules', i, 'all', j]);
        else req.forEach((n, k) => check(n, ['rules', i, 'all', j, k]));
      });
      const required = new Set(r.all.flat());
      r.none.forEach((n, k) => {
        check(n, ['rules', i, 'none', k]);
        if (required.has(n)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'none', k], message: `"${n}" is also in all: the rule could never fire` });
      });
      const many = r.demote.length > 1;
      r.demote.forEach((d, m) => {
        const at = many ? ['rules', i, 'demote', m] : ['rules', i, 'demote'];
        d.title_has.forEach((n, k) => check(n, [...at, 'title_has', k]));
        d.title_lacks.forEach((n, k) => check(n, [...at, 'title_lacks', k]));
        d.title_leads_with.forEach((n, k) => check(n, [...at, 'title_leads_with', k]));
      });
    });
    if (t.joint) {
      check(t.joint.group, ['joint', 'group']);
      if (t.joint.subject_group !== undefined) check(t.joint.subject_group, ['joint', 'subject_group']);
      const order = Object.keys(t.groups);
      t.joint.pairs.forEach((p, i) =>
        p.forEach((n, k) => {
          check(n, ['joint', 'pairs', i, k]);
          // Hits carry their groups as a 31-bit mask, which joined actors are tested against.
          if (order.indexOf(n) >= 31) {
            ctx.addIssue({ code: 'custom', path: ['joint', 'pairs', i, k], message: `"${n}" must be one of the first 31 groups to be joined` });
          }
        }),
      );
    }
  });

const EMPTY = topicObject.parse({});

/** The `topic:` key; missing or `{}` means "no rules: hold every item for review". */
export const topicSchema = topicObject.default(() => structuredClone(EMPTY));
export type TopicConfig = z.output<typeof topicSchema>;
export type TopicGroup = TopicConfig['groups'][string];
export type TopicRule = TopicConfig['rules'][number];
