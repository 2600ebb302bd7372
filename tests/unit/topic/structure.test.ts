/**
 * The structural evidence added after held-out rounds kept missing items that state two
 * dimensions and imply the third: joined actors, the headline floor, and partial-evidence rules.
 */
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../../src/config.js';
import { compileTopic, decide } from '../../../src/pipeline/match.js';
import { topicSchema } from '../../../src/topic/schema.js';
import { errorFrom } from '../../helpers/errors.js';

const groups = {
  us: { terms: ['US', 'Washington', '美國'] },
  taiwan: { terms: ['Taiwan', 'Taipei', '台灣'] },
  mainland: { terms: ['China', 'mainland', '公安'] },
  cyber: { terms: ['cyber security', 'hack*', 'phishing', '資安', '網路詐騙'], weak: ['encryption', '電詐'] },
  cyber_hint: { terms: ['cable*', 'scam*', '詐'] },
  cooperation: { terms: ['agreement', 'drill', 'cooperat*', '合作'], weak: ['meeting', 'help'] },
  hostile: { terms: ['hit', 'stole*', 'phish*'] },
};
const demote = { title_has: ['hostile'], title_lacks: ['cooperation'], factor: 0.6 };
const rules = [
  { name: 'US–Taiwan cooperation', all: ['us', 'taiwan', 'cyber', 'cooperation'], score: 1, demote },
  { name: 'mainland–Taiwan cooperation', all: ['mainland', 'taiwan', 'cyber', 'cooperation'], score: 0.85, demote },
  { name: 'US–Taiwan cyber', all: ['us', 'taiwan', 'cyber'], score: 0.6 },
  { name: 'US–Taiwan cooperation, cyber implied', all: ['us', 'taiwan', 'cooperation', 'cyber_hint'], score: 0.45 },
];
const joint = { group: 'cooperation', pairs: [['us', 'taiwan'], ['mainland', 'taiwan']], joiners: ['and', ',', 'with', '與', '和', '、'] };

const make = (extra: object) => compileTopic(topicSchema.parse({ thresholds: { append: 0.7, review: 0.3 }, groups, rules, ...extra }));
const plain = make({});
const topic = make({ joint, headline_floor: 0.7 });
const item = (title: string, summary: string | null = null) => ({ title, summary, content: null, categories: [] as string[] });

describe('joined actors', () => {
  it.each([
    // weak cooperation (0.5), raised to the headline floor (0.7): 1 × (0.5 + 0.5 × 0.7)
    ['a comma joins two sides', 'US, Taiwan run cyber security tabletop', 'append', 0.85],
    ['"and" with a role noun between', 'Taiwan police and US experts study hacking cases', 'append', 0.85],
    ['a CJK joiner', '公安與台灣警方破獲網路詐騙', 'append', 0.722],
    ['a verb between is not a joiner', 'US urges Taiwan on cyber security', 'review', 0.6],
    ['a clause break ends the subject', 'US says: Taiwan cyber security improves', 'review', 0.6],
    ['too far apart', 'US, after a long review of its many programs, Taiwan cyber security', 'review', 0.6],
  ])('%s', (_what, title, decision, score) => {
    const d = decide(item(title), topic);
    expect(d.decision).toBe(decision);
    expect(d.score).toBeCloseTo(score, 3);
  });

  it('adds weak cooperation only when the topic has `joint`', () => {
    expect(decide(item('US, Taiwan run cyber security tabletop'), plain).decision).toBe('review');
    expect(decide(item('US, Taiwan run cyber security tabletop'), topic).reasons).toContain('cooperation 0.50: joined us & taiwan (title)');
  });

  it('counts in the title only', () => {
    const d = decide(item('Cyber security tabletop held', 'US and Taiwan officials attended.'), topic);
    expect(d).toMatchObject({ decision: 'review', score: 0.45 });
    expect(d.reasons.some((r) => r.includes('joined'))).toBe(false);
  });

  it('an attack headline stays demoted, unless the body confirms the joint work', () => {
    // demoted: 0.85 × 0.6 = 0.51 < the relationship rule's 0.6
    expect(decide(item('Hackers hit US and Taiwan firms'), topic)).toMatchObject({ decision: 'review', score: 0.6 });
    const confirmed = decide(item('Mainland and Taiwan investigators trade evidence in phishing case', 'A cooperation agreement covers it.'), topic);
    expect(confirmed.decision).toBe('append');
    expect(decide(item('Mainland and Taiwan investigators trade evidence in phishing case'), topic).decision).toBe('review');
  });
});

describe('tight joiners', () => {
  const tight = make({ joint: { ...joint, tight_joiners: ['-', '/'] }, headline_floor: 0.7 });

  it.each([
    ['a hyphen that is the whole gap joins', 'Washington-Taipei cyber security probe', 'append', 0.85],
    ['so does a slash', 'Washington/Taipei cyber security probe', 'append', 0.85],
    ['a hyphen inside a longer gap joins nothing', 'Washington-made kit for Taipei cyber security', 'review', 0.6],
  ])('%s', (_what, title, decision, score) => {
    expect(decide(item(title), tight)).toMatchObject({ decision, score });
  });

  it('are not joiners without tight_joiners', () => {
    expect(decide(item('Washington-Taipei cyber security probe'), topic)).toMatchObject({ decision: 'review', score: 0.6 });
  });
});

describe('joined actors opening the headline', () => {
  const subjectTopic = make({
    groups: { ...groups, together: {} },
    joint: { ...joint, subject_group: 'together' },
    headline_floor: 0.7,
    rules: [
      {
        name: 'US–Taiwan cooperation',
        all: ['us', 'taiwan', 'cyber', 'cooperation'],
        score: 1,
        demote: [
          { title_has: ['hostile'], title_lacks: ['cooperation', 'together'], factor: 0.6 },
          { title_has: ['mainland'], title_lacks: ['taiwan'], factor: 0.5 },
        ],
      },
      ...rules.slice(2),
    ],
  });

  it('count for subject_group, which lifts a demotion that lists it', () => {
    const d = decide(item('US and Taiwan police take down hacking ring that hit banks'), subjectTopic);
    expect(d).toMatchObject({ decision: 'append', score: 0.85 });
    expect(d.reasons).toContain('together 1.00: us & taiwan as the subject (title)');
  });

  it('do not when the pair comes later in the title', () => {
    const d = decide(item('Hacking ring hit banks, say US and Taiwan police'), subjectTopic);
    // 1 × (0.5 + 0.5 × 0.7) × 0.6: demoted, below the relationship rule's 0.6
    expect(d).toMatchObject({ decision: 'review', score: 0.6 });
    expect(d.reasons.some((r) => r.startsWith('together'))).toBe(false);
  });

  it('demotions in a list multiply, and each is named in the reasons', () => {
    const d = decide(item('China hackers hit US banks', 'Taiwan police worked on the case under an agreement.'), subjectTopic);
    const line = d.reasons.find((r) => r.includes('"US–Taiwan cooperation"'))!;
    expect(line).toContain('demoted ×0.60 (title has hostile but no cooperation/together), demoted ×0.50 (title has mainland but no taiwan)');
    // 1 × (0.5 + 0.5 × 0.5) × 0.6 × 0.5
    expect(line).toMatch(/weakest evidence 0\.50\).* = 0\.22$/);
  });
});

describe('rules with none', () => {
  const engaged = make({
    headline_floor: 0.7,
    rules: [...rules, { name: 'engagement', all: ['us', 'taiwan', 'cyber'], none: ['mainland', 'hostile'], score: 0.85 }],
  });

  it('fire only when no group of `none` has evidence anywhere in the item', () => {
    const d = decide(item('Washington cyber security experts in Taipei'), engaged);
    expect(d).toMatchObject({ decision: 'append', score: 0.85 });
    expect(d.reasons[0]).toBe('rule "engagement" (no mainland/hostile in the item): 0.85 × (0.5 + 0.5 × weakest evidence 1.00) = 0.85');
    expect(decide(item('Washington cyber security experts in Taipei', 'They discussed China.'), engaged)).toMatchObject({ decision: 'review', score: 0.6 });
    expect(decide(item('Hackers hit Washington cyber security experts in Taipei'), engaged)).toMatchObject({ decision: 'review', score: 0.6 });
  });

  it('are weighed like any rule when a dimension is only in the summary', () => {
    // cyber from the summary only: 0.85 × (0.5 + 0.5 × 0.5) = 0.6375, below append
    expect(decide(item('Washington experts in Taipei', 'Cyber security was the theme.'), engaged)).toMatchObject({ decision: 'review', score: 0.638 });
  });
});

describe('headline floor', () => {
  it('raises a rule whose every requirement is in the title', () => {
    expect(decide(item('公安與台灣警方合作偵破電詐案'), plain).score).toBeCloseTo(0.638, 3);
    const d = decide(item('公安與台灣警方合作偵破電詐案'), topic);
    expect(d.decision).toBe('append');
    expect(d.score).toBeCloseTo(0.7225, 2);
  });

  it('does not raise evidence that only the summary gives', () => {
    expect(decide(item('Washington, Taipei cooperate on migration', 'New encryption for ministries.'), topic)).toMatchObject({ decision: 'review' });
  });
});

describe('partial-evidence rules', () => {
  it.each([
    ['cyber implied by a hint goes to review', 'US and Taiwan sign agreement on undersea cables', 'review'],
    ['no hint: trade still drops', 'US and Taiwan sign agreement on tariffs', 'drop'],
  ])('%s', (_what, title, decision) => {
    expect(decide(item(title), topic).decision).toBe(decision);
  });
});

const site = `site:
  title: "T"
  url: "https://example.org/feeds/"
topic:
  groups:
    a: { terms: [x] }
    b: { terms: [y] }
  rules: [{ name: r, all: [a, b], score: 1 }]
`;

const errorOf = (text: string) => errorFrom(() => resolveConfig(text, '/site/straitfeed.yaml'));

describe('topic schema: joint and headline_floor', () => {
  it('fills defaults', () => {
    const t = resolveConfig(`${site}  joint: { group: a, pairs: [[a, b]], joiners: [and] }\n`, '/s.yaml').topic;
    expect(t.joint).toEqual({ group: 'a', pairs: [['a', 'b']], joiners: ['and'], tight_joiners: [], weight: 0.5, within: 12 });
    expect(t.headline_floor).toBe(0);
  });

  it.each([
    ['an unknown joint group', '  joint: { group: c, pairs: [[a, b]], joiners: [and] }\n', 'topic.joint.group: unknown group "c"'],
    ['an unknown group in a pair', '  joint: { group: a, pairs: [[a, z]], joiners: [and] }\n', 'topic.joint.pairs[0][1]: unknown group "z"'],
    ['no joiners', '  joint: { group: a, pairs: [[a, b]], joiners: [] }\n', 'topic.joint.joiners'],
    ['a floor above 1', '  headline_floor: 2\n', 'topic.headline_floor: must be between 0 and 1'],
    ['an unknown subject group', '  joint: { group: a, subject_group: q, pairs: [[a, b]], joiners: [and] }\n', 'topic.joint.subject_group: unknown group "q"'],
    ['an empty tight joiner', '  joint: { group: a, pairs: [[a, b]], joiners: [and], tight_joiners: [" "] }\n', 'topic.joint.tight_joiners[0]: a joiner must not be empty'],
  ])('rejects %s', (_what, extra, message) => {
    const e = errorOf(site + extra);
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toContain(message);
  });

  it.each([
    ['an unknown group in none', '[z]', 'topic.rules[0].none[0]: unknown group "z"'],
    ['a group both required and excluded', '[b]', 'topic.rules[0].none[0]: "b" is also in all: the rule could never fire'],
  ])('rejects %s', (_what, none, message) => {
    const e = errorOf(site.replace('score: 1 }]', `score: 1, none: ${none} }]`));
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toContain(message);
  });
});
