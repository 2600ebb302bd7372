import { describe, expect, it } from 'vitest';
import { compileTopicData, isAcronym } from '../../../src/topic/compile.js';
import { normalizeText } from '../../../src/topic/normalize.js';
import { scanField } from '../../../src/topic/scan.js';
import { topicSchema } from '../../../src/topic/schema.js';

const topic = topicSchema.parse({
  exclude: ['Cyber Monday', 'hacking forum*', '釣魚台'],
  groups: {
    cyber: { terms: ['cyber security', 'infosec', 'cyber', 'hack*', 'APT*', '資安', '網路安全', '網絡安全', '釣魚'] },
    hostile: { terms: ['hacked', 'cyber attack*', 'intrusion*'] },
    drill: { terms: ['cyber attack and defense', 'intrusion detection'] },
    us: { terms: ['US', 'U.S.', 'United States', '美國'] },
    taiwan: { terms: ['Taiwan', '台灣'] },
    pair: { implies: ['us', 'taiwan'], terms: ['US-Taiwan', '台美'] },
  },
  rules: [{ name: 'r', all: ['cyber'], score: 1 }],
});
const lexicon = compileTopicData(topic).lexicon;

/** The terms (as written in the topic) that a text matches, in order. */
function terms(text: string): string[] {
  return scanField(normalizeText(text), lexicon).map((h) => h.refs.map((r) => `${r.kind === 'term' ? '' : `${r.kind}:`}${r.term}`).join('+'));
}

describe('compiled English terms', () => {
  it.each([
    ['cybersecurity', ['cyber security']],
    ['cyber-security', ['cyber security']],
    ['Cyber Security', ['cyber security']],
    ['cyber–security (en dash)', ['cyber security']],
    ['INFOSEC', ['infosec']],
    ['cyber', ['cyber']],
  ])('%s matches its spelling variant', (text, want) => {
    expect(terms(text)).toEqual(want);
  });

  it.each([
    ['cyberpunk', []],
    ['shacks', []],
    ['the Taiwanese side', []],
    ['taiwan-based', ['Taiwan']],
  ])('matches whole words only: %s', (text, want) => {
    expect(terms(text)).toEqual(want);
  });

  it.each([
    ['hackers', ['hack*']],
    ['hacking', ['hack*']],
    ['hack', ['hack*']],
    ['APT40 and APT', ['APT*', 'APT*']],
  ])('a trailing * is a suffix wildcard: %s', (text, want) => {
    expect(terms(text)).toEqual(want);
  });

  it.each([
    ['US agencies', ['US']],
    ['the U.S. side', ['U.S.']],
    ['join us today', []],
    ['an apt remark', []],
  ])('capitalized acronyms are case-sensitive: %s', (text, want) => {
    expect(terms(text)).toEqual(want);
  });

  it('prefers the longest phrase: an exclusion consumes the word inside it', () => {
    expect(terms('Cyber Monday deals')).toEqual(['exclude:Cyber Monday']);
    expect(terms('posted on a hacking forum')).toEqual(['exclude:hacking forum*']);
    expect(terms('hacking of a forum')).toEqual(['hack*']);
  });

  it('an exact term and a wildcard term it extends both count', () => {
    expect(terms('hacked')).toEqual(['hacked+hack*']);
  });

  it('a wildcard extends the last word only, not a longer phrase of another term', () => {
    expect(terms('cyber attacks')).toEqual(['cyber attack*']);
    expect(terms('cyberattackers')).toEqual(['cyber attack*']);
    expect(terms('a cyber attack-and-defense contest')).toEqual(['cyber attack and defense']);
    expect(terms('intrusion-detection course')).toEqual(['intrusion detection']);
    expect(terms('intrusions')).toEqual(['intrusion*']);
  });

  it('a term of an implying group counts for each implied group too', () => {
    expect(terms('US-Taiwan talks')).toEqual(['US-Taiwan+US-Taiwan+US-Taiwan']);
  });
});

describe('compiled CJK terms', () => {
  it.each([
    ['資安合作', ['資安']],
    ['资安合作', ['資安']],
    ['台美資安論壇', ['台美+台美+台美', '資安']],
    ['網路安全與网络安全', ['網路安全', '網絡安全']],
    ['遭網路釣魚攻擊', ['釣魚']],
    ['釣魚台海域', ['exclude:釣魚台']],
  ])('match without word boundaries, in either script: %s', (text, want) => {
    expect(terms(text)).toEqual(want);
  });

  it('matches Latin acronyms inside Chinese text', () => {
    expect(terms('美國US資安')).toEqual(['美國', 'US', '資安']);
  });
});

describe('isAcronym', () => {
  it.each([
    ['US', true],
    ['U.S.', true],
    ['APT', true],
    ['DoD', false],
    ['Taiwan', false],
    ['A', false],
  ])('%s → %s', (t, want) => {
    expect(isAcronym(t)).toBe(want);
  });
});

describe('compileTopicData', () => {
  it('compiles an empty topic to no regexes and marks it empty', () => {
    const c = compileTopicData(topicSchema.parse({}));
    expect(c.empty).toBe(true);
    expect(c.lexicon.latin).toBeNull();
    expect(c.lexicon.cjk).toBeNull();
  });

  it('is deterministic', () => {
    const a = compileTopicData(topic).lexicon;
    const b = compileTopicData(topic).lexicon;
    expect(a.latin?.source).toBe(b.latin?.source);
    expect(a.cjk?.source).toBe(b.cjk?.source);
  });
});
