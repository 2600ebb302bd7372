/**
 * What a cooperation word attaches to. Held-out rounds written to break keyword rules kept
 * appending attack stories in which cooperation is only the setting ("forum attendees report
 * spyware", 論壇期間), the bait (以兩岸交流為誘餌) or the occasion ("sites knocked offline as the
 * speaker visits"): `negated_after_by` and a demotion's `title_leads_with` read that from word order.
 */
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/config.js';
import { compileTopic, decide } from '../../../src/pipeline/match.js';
import { topicSchema } from '../../../src/topic/schema.js';
import { errorFrom } from '../../helpers/errors.js';

const groups = {
  us: { terms: ['US', 'Washington', '美國'] },
  taiwan: { terms: ['Taiwan', 'Taipei', '台灣'] },
  cyber: { terms: ['cyber security', 'spyware', 'malware', '資安', '駭客'] },
  cooperation: { negated_by: 'negation', negated_after_by: 'backdrop', terms: ['forum', 'visit*', 'drill', 'dialogue', '論壇', '交流'] },
  negation: { terms: ['during', 'refused'] },
  backdrop: { terms: ['attendee*', 'participant*', '期間', '誘餌'] },
  hostile: { terms: ['hit', 'knocked offline', 'spyware', 'phishing', '攻擊'] },
  enforcement: { terms: ['dismantled', 'seized'] },
};
const rules = (ordered: boolean) => [
  {
    name: 'cooperation',
    all: ['us', 'taiwan', 'cyber', 'cooperation'],
    score: 1,
    demote: ordered
      ? { title_has: ['hostile'], title_lacks: ['enforcement'], title_leads_with: ['cooperation'], factor: 0.6 }
      : { title_has: ['hostile'], title_lacks: ['cooperation', 'enforcement'], factor: 0.6 },
  },
  { name: 'relationship', all: ['us', 'taiwan', 'cyber'], score: 0.6 },
];
const make = (ordered: boolean) => compileTopic(topicSchema.parse({ thresholds: { append: 0.7, review: 0.3 }, groups, rules: rules(ordered) }));
const ordered = make(true);
const unordered = make(false);
const item = (title: string, summary: string | null = null) => ({ title, summary, content: null, categories: [] as string[] });

describe('negated_after_by: a cooperation word followed by its setting', () => {
  it.each([
    ['people at an event', 'US-Taiwan cyber security forum attendees report spyware', 'review', 0.6],
    ['the time of an event (CJK postposition)', '美國台灣資安論壇期間 駭客攻擊', 'review', 0.6],
    ['an event used as bait', '駭客以美國台灣資安交流為誘餌', 'review', 0.6],
    ['not across a clause break', 'US, Taiwan hold cyber security forum; attendees praise it', 'append', 1],
    ['not when the setting word is far away', 'US and Taiwan cyber security forum draws record numbers of attendees', 'append', 1],
  ])('%s', (_what, title, decision, score) => {
    expect(decide(item(title), ordered)).toMatchObject({ decision, score });
  });

  it('names the word that followed in the reasons', () => {
    const d = decide(item('US-Taiwan cyber security forum attendees report spyware'), ordered);
    expect(d.reasons).toContain('negated: cooperation "forum" before "attendee*" (title)');
  });

  it('leaves negated_by (the word before) working alongside', () => {
    const d = decide(item('Taiwan cyber security office hit during US visit'), unordered);
    expect(d.reasons).toContain('negated: cooperation "visit*" after "during" (title)');
    expect(d.decision).toBe('review');
  });
});

describe('title_leads_with: an attack headline that mentions cooperation after the attack', () => {
  it.each([
    ['the attack leads, the visit is its occasion', 'Taiwan sites knocked offline as Washington official visits, malware found', 'review', 0.6],
    ['the visit leads, the attack is its subject', 'US cyber security team visits Taipei to study spyware', 'append', 1],
  ])('%s', (_what, title, decision, score) => {
    expect(decide(item(title), ordered)).toMatchObject({ decision, score });
  });

  it('without it, any cooperation word in the title lifts the demotion', () => {
    const title = 'Taiwan sites knocked offline as Washington official visits, malware found';
    expect(decide(item(title), unordered)).toMatchObject({ decision: 'append', score: 1 });
  });

  it('says so in the demotion reason', () => {
    const d = decide(item('Taiwan sites knocked offline as Washington official visits, malware found'), ordered);
    expect(d.reasons[0]).toContain('demoted ×0.60 (title has hostile but no enforcement, no cooperation before it)');
  });

  it('title_lacks still lifts the demotion wherever its term is', () => {
    const title = 'Phishing service dismantled';
    const summary = 'US and Taiwan police ran a cyber security drill on it.';
    expect(decide(item(title, summary), ordered).reasons[0]).not.toContain('demoted');
    expect(decide(item('Phishing service hit Taiwan', summary), ordered).reasons[0]).toContain('demoted');
  });
});

describe('topic schema: negated_after_by and title_leads_with', () => {
  const site = `site:
  title: "T"
  url: "https://example.org/feeds/"
topic:
  groups:
    a: { terms: [x], negated_after_by: z }
    b: { terms: [y] }
  rules: [{ name: r, all: [a, b], score: 1, demote: { title_has: [b], title_leads_with: [q] } }]
`;

  const errorOf = (text: string) => errorFrom(() => resolveConfig(text, '/site/straitfeed.yaml'));

  it('rejects an unknown group in negated_after_by, with its line', () => {
    const e = errorOf(site.replace('title_leads_with: [q]', 'title_leads_with: [a]'));
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toContain('topic.groups.a.negated_after_by: unknown group "z"');
    expect(e.line).toBe(6);
  });

  it('rejects an unknown group in title_leads_with, with its line', () => {
    const e = errorOf(site.replace('negated_after_by: z', 'negated_after_by: b'));
    expect(e.message).toContain('topic.rules[0].demote.title_leads_with[0]: unknown group "q"');
    expect(e.line).toBe(8);
  });

  it('rejects a misspelt key inside a single demotion by name', () => {
    const e = errorOf(site.replace('negated_after_by: z', 'negated_after_by: b').replace('title_leads_with', 'title_leads'));
    expect(e.message).toContain('topic.rules[0].demote.title_leads: unknown key');
    expect(e.line).toBe(8);
  });

  it('defaults title_leads_with to none', () => {
    const text = site.replace('negated_after_by: z', 'negated_after_by: b').replace(', title_leads_with: [q]', '');
    expect(resolveConfig(text, '/s.yaml').topic.rules[0]!.demote[0]!.title_leads_with).toEqual([]);
  });
});
