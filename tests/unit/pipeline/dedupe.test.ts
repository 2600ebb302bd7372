import { describe, expect, it } from 'vitest';
import { findNearDuplicate, identities, itemKey, normalizeTitle, normalizeUrl, similarity, titleTokens } from '../../../src/pipeline/dedupe.js';

const item = (over: Partial<{ guid: string | null; link: string | null; title: string | null; summary: string | null; content: string | null }>) => ({
  guid: null,
  link: null,
  title: null,
  summary: null,
  content: null,
  ...over,
});

describe('normalizeUrl', () => {
  it.each([
    ['https://Example.ORG/a/b/', 'example.org/a/b'],
    ['http://example.org:80/a', 'example.org/a'],
    ['https://example.org:443/a', 'example.org/a'],
    ['https://example.org:8443/a', 'example.org:8443/a'],
    ['https://example.org/a?utm_source=rss&utm_medium=x&id=3', 'example.org/a?id=3'],
    ['https://example.org/a?fbclid=abc&gclid=def', 'example.org/a'],
    ['https://example.org/a?b=2&a=1#section', 'example.org/a?a=1&b=2'],
    ['http://example.org/a', 'example.org/a'],
    ['https://example.org/', 'example.org/'],
  ])('%s → %s', (raw, want) => {
    expect(normalizeUrl(raw)).toBe(want);
  });

  it.each([null, '', 'not a url', 'ftp://example.org/x', 'mailto:a@b.c'])('rejects %s', (raw) => {
    expect(normalizeUrl(raw)).toBeNull();
  });
});

describe('itemKey', () => {
  const feed = 'https://feeds.example/rss';
  it('uses a URI guid as is, globally', () => {
    expect(itemKey(item({ guid: 'https://news.example/a/1/?utm_source=x', link: 'https://other.example/x' }), feed)).toBe('g:news.example/a/1');
    expect(itemKey(item({ guid: 'tag:news.example,2026:1' }), feed)).toBe('g:tag:news.example,2026:1');
  });
  it('scopes a bare guid by the feed host', () => {
    expect(itemKey(item({ guid: '12345' }), feed)).toBe('g:feeds.example#12345');
    expect(itemKey(item({ guid: '12345' }), 'https://elsewhere.example/rss')).not.toBe(itemKey(item({ guid: '12345' }), feed));
  });
  it('falls back to the normalized link, then to a hash of title and content', () => {
    expect(itemKey(item({ link: 'https://News.example/a/?utm_campaign=z#top' }), feed)).toBe('u:news.example/a');
    const h = itemKey(item({ title: 'A title', summary: 'Some text' }), feed);
    expect(h).toMatch(/^h:[0-9a-f]{16}$/);
    expect(itemKey(item({ title: 'A  title', summary: 'Some text' }), feed)).toBe(h);
    expect(itemKey(item({ title: 'Another title', summary: 'Some text' }), feed)).not.toBe(h);
  });
  it('gives every identity, so a later copy without the guid is still recognised', () => {
    expect(identities(item({ guid: 'x1', link: 'https://a.example/1' }), feed)).toEqual(['g:feeds.example#x1', 'u:a.example/1']);
  });
});

describe('near-duplicates', () => {
  it('strips the outlet suffix and folds Traditional to Simplified', () => {
    expect(normalizeTitle('US and Taiwan Sign Pact - Focus Taiwan')).toBe('us and taiwan sign pact');
    expect(normalizeTitle('臺灣網路安全')).toBe(normalizeTitle('台湾网路安全'));
    expect(normalizeTitle('颱風警報解除')).toBe(normalizeTitle('台风警报解除'));
  });

  it('tokenizes CJK as character bigrams and Latin as words', () => {
    expect([...titleTokens('台美資安')]).toEqual(['台美', '美资', '资安']);
    expect([...titleTokens('The cyber talks')]).toEqual(['cyber', 'talk']);
  });

  it.each([
    ['US and Taiwan hold joint cybersecurity drill', 'United States and Taiwan hold joint cybersecurity drill - Other Daily', true],
    ['台美舉行網路安全聯合演習', '台美举行网络安全联合演习', true],
    ['台美舉行資安聯合演習 強化關鍵基礎設施防護', '台美資安聯合演習登場 強化關鍵基礎設施防護', true],
    ['US and Taiwan hold joint cybersecurity drill', 'Taiwan cyber agency trains hospital staff against phishing', false],
    ['台美舉行資安聯合演習', '颱風明天登陸東部', false],
  ])('%s ~ %s: %s', (a, b, same) => {
    const hit = findNearDuplicate({ title: a, date: '2026-11-16', source: 'A' }, [{ title: b, date: '2026-11-17', source: 'B' }], 3);
    expect(hit !== null).toBe(same);
  });

  it('ignores the same outlet and stories too far apart in time', () => {
    const story = { title: 'US and Taiwan hold joint cybersecurity drill', date: '2026-11-16T00:00:00Z', source: 'A' };
    const twin = { ...story, title: 'US and Taiwan hold a joint cybersecurity drill' };
    expect(findNearDuplicate(story, [{ ...twin, source: 'A' }], 3)).toBeNull();
    expect(findNearDuplicate(story, [{ ...twin, source: 'B', date: '2026-11-25T00:00:00Z' }], 3)).toBeNull();
    expect(findNearDuplicate(story, [{ ...twin, source: 'B', date: '2026-11-18T00:00:00Z' }], 3)).not.toBeNull();
  });

  it('scores similarity as a Dice coefficient', () => {
    expect(similarity(new Set(['a', 'b']), new Set(['a', 'b']))).toBe(1);
    expect(similarity(new Set(['a', 'b']), new Set(['c']))).toBe(0);
    expect(similarity(new Set(['a', 'b']), new Set(['a', 'c']))).toBe(0.5);
    expect(similarity(new Set(), new Set(['a']))).toBe(0);
  });
});
