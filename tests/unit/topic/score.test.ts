import { describe, expect, it } from 'vitest';
import { compileTopic, decide } from '../../../src/pipeline/match.js';
import { topicSchema } from '../../../src/topic/schema.js';

/** A small topic that exercises every mechanism; the production topic has its own tests. */
const topic = compileTopic(
  topicSchema.parse({
    thresholds: { append: 0.7, review: 0.35 },
    exclude: ['Cyber Monday'],
    groups: {
      us: { terms: ['US', 'United States', '美國'] },
      taiwan: { terms: ['Taiwan', 'Taipei', '台灣'] },
      pair: { implies: ['us', 'taiwan'], terms: ['AIT', '台美'] },
      cyber: {
        terms: ['cyber security', 'hack*', '資安'],
        weak: ['breach*'],
        near: [{ a: ['attack', '攻擊'], b: ['website', 'server', '網站'], within: 10 }],
      },
      cooperation: { negated_by: 'negation', terms: ['agreement', 'drill', 'cooperat*', '合作', '交流'], weak: ['meeting'] },
      negation: { terms: ['refused to', 'halted', '拒絕', '打壓'] },
      conflict: { terms: ['warn*', 'accus*', '批評'] },
    },
    rules: [
      {
        name: 'cooperation',
        all: ['us', 'taiwan', 'cyber', 'cooperation'],
        score: 1,
        demote: { title_has: ['conflict'], title_lacks: ['cooperation'], factor: 0.6 },
      },
      { name: 'relationship', all: ['us', 'taiwan', 'cyber'], score: 0.6 },
    ],
  }),
);

const item = (title: string | null, summary: string | null = null) => ({ title, summary, content: null, categories: [] as string[] });

describe('decide', () => {
  it.each([
    ['all four concepts in the title', 'US and Taiwan sign cyber security agreement', null, 'append', 1],
    ['cooperation only in the summary', 'US, Taiwan cyber security officials meet', 'They agreed on a drill.', 'append', 0.75],
    ['a weak term is weaker evidence', 'US, Taiwan cyber security meeting', null, 'append', 0.75],
    ['weak cooperation only in the summary', 'US and Taiwan on cyber security', 'A meeting is planned.', 'review', 0.625],
    ['relationship without cooperation', 'US says hackers hit Taiwan', null, 'review', 0.6],
    ['conflict in the title demotes summary-only cooperation', 'US warns Taiwan of hackers', 'A joint drill followed.', 'review', 0.6],
    ['conflict with cooperation in the title is not demoted', 'US warns hackers as Taiwan drill begins', null, 'append', 1],
    ['a weak cooperation term in the title does not lift a demotion', 'US warns Taiwan hackers of meeting', 'A drill followed.', 'review', 0.6],
    ['negated cooperation does not count', 'Taiwan refused to cooperate with US on hacking case', null, 'review', 0.6],
    ['a pair term counts for both sides', 'AIT hosts cyber security drill', null, 'append', 1],
    ['Chinese, either script', '台美资安合作', null, 'append', 1],
    ['Chinese negation in the same clause', '美國打壓台灣資安交流', null, 'review', 0.6],
    ['negation does not cross a clause break', '美國拒絕，台灣資安交流', null, 'append', 1],
    ['a near pair is evidence', 'US: attack on a website in Taiwan', null, 'review', 0.6],
    ['a near pair too far apart is not', 'US attack reported, and separately Taiwan updates its website', null, 'drop', 0],
    ['an exclusion hides the word inside it', 'Cyber Monday deals in Taiwan and the US', null, 'drop', 0],
    ['one side missing', 'Taiwan signs cyber security agreement with Japan', null, 'drop', 0],
    ['nothing at all', 'Typhoon closes schools', null, 'drop', 0],
    ['only a summary', null, 'AIT and Taipei hold a cyber security drill.', 'append', 0.75],
  ])('%s', (_what, title, summary, decision, score) => {
    const d = decide(item(title, summary), topic);
    expect(d.decision).toBe(decision);
    expect(d.score).toBeCloseTo(score, 3);
  });

  it('counts the title more than the summary', () => {
    const inTitle = decide(item('US and Taiwan cyber security drill'), topic);
    const inSummary = decide(item('US and Taiwan drill', 'The drill covered cyber security.'), topic);
    expect(inTitle.score).toBeGreaterThan(inSummary.score);
  });

  it('explains which terms of which groups matched and why the score', () => {
    const d = decide(item('US warns Taiwan of hackers', 'A joint drill followed.'), topic);
    expect(d.reasons[0]).toBe('rule "relationship": 0.60 × (0.5 + 0.5 × weakest evidence 1.00) = 0.60');
    expect(d.reasons[1]).toBe(
      'also rule "cooperation": 1.00 × (0.5 + 0.5 × weakest evidence 0.50), demoted ×0.60 (title has conflict but no cooperation) = 0.45',
    );
    expect(d.reasons).toContain('cyber 1.00: hack* (title)');
    expect(d.reasons).toContain('cooperation 0.50: drill (summary)');
    expect(d.reasons.at(-1)).toBe('review: score 0.60 >= review 0.35, < append 0.70');
  });

  it('names negations and exclusions in the reasons', () => {
    expect(decide(item('Taiwan refused to cooperate with US on hacking case'), topic).reasons).toContain(
      'negated: cooperation "cooperat*" after "refused to" (title)',
    );
    expect(decide(item('Cyber Monday in Taiwan'), topic).reasons).toContain('excluded "Cyber Monday" (title): it counts as no term');
  });

  it('reasons are written on first read and serialize like plain fields (JSON)', () => {
    const d = decide(item('AIT hosts cyber security drill'), topic);
    expect(Array.isArray(d.reasons)).toBe(true);
    expect(d.reasons).toBe(d.reasons); // written once
    expect(JSON.parse(JSON.stringify(d))).toEqual({ decision: d.decision, score: d.score, reasons: d.reasons });
    // a spread copies only own fields: callers that copy a decision name its fields (cli/inspect.ts)
    expect(Object.keys({ ...d }).sort()).toEqual(['decision', 'score']);
  });

  it('holds every item for review when the topic has no rules', () => {
    const d = decide(item('anything at all'), compileTopic(topicSchema.parse({})));
    expect(d).toMatchObject({ decision: 'review', score: 0 });
    expect(d.reasons).toEqual(['topic has no rules: every item is held for review']);
  });

  it('reads the content when there is no summary, and the categories', () => {
    expect(decide({ title: 'US and Taiwan', summary: null, content: '<p>cyber security drill</p>', categories: [] }, topic).decision).toBe('append');
    expect(decide({ title: 'US and Taiwan drill', summary: null, content: null, categories: ['Cyber Security'] }, topic).decision).toBe('append');
  });

  it('is deterministic', () => {
    const a = decide(item('US warns Taiwan of hackers', 'A joint drill followed.'), topic);
    const b = decide(item('US warns Taiwan of hackers', 'A joint drill followed.'), topic);
    expect(b).toEqual(a);
  });
});
