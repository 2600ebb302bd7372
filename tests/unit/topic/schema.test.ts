import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/config.js';
import { StraitfeedError } from '../../../src/errors.js';
import { topicSchema } from '../../../src/topic/schema.js';
import { errorFrom } from '../../helpers/errors.js';

const site = `site:
  title: "T"
  url: "https://example.org/feeds/"
`;
const good = `${site}topic:
  thresholds: { append: 0.8, review: 0.4 }
  groups:
    cyber:
      terms: [cyber security, 資安]
    taiwan:
      terms: [Taiwan]
  rules:
    - name: taiwan cyber
      all: [cyber, taiwan]
      score: 1
`;

function errorOf(text: string): StraitfeedError {
  return errorFrom(() => resolveConfig(text, '/site/straitfeed.yaml'));
}

describe('topic schema', () => {
  it('fills defaults for a written topic', () => {
    const t = resolveConfig(good, '/site/straitfeed.yaml').topic;
    expect(t.thresholds).toEqual({ append: 0.8, review: 0.4 });
    expect(t.fields).toEqual({ title: 1, summary: 0.5 });
    expect(t.groups.cyber).toMatchObject({ weight: 1, weak: [], implies: [], near: [] });
  });

  it.each([
    ['missing', site],
    ['{}', `${site}topic: {}\n`],
  ])('a %s topic has no rules (every item is held for review)', (_what, text) => {
    const t = resolveConfig(text, '/site/straitfeed.yaml').topic;
    expect(t.rules).toEqual([]);
    expect(t.groups).toEqual({});
    expect(t.thresholds).toEqual({ append: 0.7, review: 0.35 });
  });

  it.each([
    ['a rule naming an unknown group', good.replace('all: [cyber, taiwan]', 'all: [cyber, taiwn]'), 'topic.rules[0].all[1]: unknown group "taiwn" (groups: cyber, taiwan)', 13],
    ['review above append', good.replace('review: 0.4', 'review: 0.9'), 'topic.thresholds.review: review must not be greater than append', 5],
    ['a threshold above 1', good.replace('append: 0.8', 'append: 80'), 'topic.thresholds.append: must be between 0 and 1', 5],
    ['a wildcard inside a term', good.replace('cyber security', 'cyber*security'), "topic.groups.cyber.terms[0]: '*' is allowed only at the end of a term", 8],
    ['an empty term', good.replace('[Taiwan]', '[""]'), 'topic.groups.taiwan.terms[0]: a term must not be empty', 10],
    ['a group without terms', good.replace('      terms: [Taiwan]', '      description: x'), 'topic.groups.taiwan: a group needs terms, weak terms or near pairs', 9],
    ['a bad group name', good.replace('    taiwan:', '    Taiwan:'), 'topic.groups.Taiwan: must be a group name: lowercase letters, digits and _', 9],
    ['an unknown key in a group', good.replace('      terms: [Taiwan]', '      terms: [Taiwan]\n      wieght: 2'), 'topic.groups.taiwan.wieght: unknown key (allowed here: description, weight, terms, weak, implies, near, negated_by, negated_after_by)', 11],
    ['an unknown key in the topic', good.replace('  groups:', '  treshold: 1\n  groups:'), 'topic.treshold: unknown key', 6],
    ['implies naming an unknown group', good.replace('      terms: [Taiwan]', '      terms: [Taiwan]\n      implies: [asia]'), 'topic.groups.taiwan.implies[0]: unknown group "asia"', 11],
  ])('rejects %s with the key and the line', (_what, text, message, line) => {
    const e = errorOf(text);
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toContain(message);
    expect(e.line).toBe(line);
  });

  it('parses directly too (for tests and tools)', () => {
    expect(topicSchema.parse(undefined).rules).toEqual([]);
    expect(() => topicSchema.parse({ rules: [{ name: 'x', all: [], score: 1 }] })).toThrow(/at least one group/);
  });
});
