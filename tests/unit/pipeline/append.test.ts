import { describe, expect, it } from 'vitest';
import type { ResolvedSource } from '../../../src/config.js';
import type { SourceItem } from '../../../src/model.js';
import { entryDate, entryFrontMatter, excerptOf, tagsOf } from '../../../src/pipeline/append.js';

const source: ResolvedSource = { name: 'Focus Test', url: 'https://feeds.example/rss', language: 'en', enabled: true };
const base: SourceItem = {
  guid: 'g-1',
  link: 'https://news.example/a',
  title: 'US and Taiwan  sign\ncyber pact',
  summary: '<p>First <b>paragraph</b> &amp; more.</p><script>alert(1)</script>',
  content: null,
  published: '2026-11-16T08:00:00Z',
  updated: null,
  authors: [],
  categories: ['Politics', 'politics', ' Cross-Strait '],
  enclosures: [],
  warnings: [],
};
const fetchedAt = new Date('2026-11-20T10:11:12.345Z');

describe('excerptOf', () => {
  it('is sanitized plain text, never markup', () => {
    expect(excerptOf(base, 280)).toBe('First paragraph & more.');
  });
  it('is capped, so the full text of an article is never copied', () => {
    const long = { summary: null, content: `<p>${'word '.repeat(500)}</p>` };
    const e = excerptOf(long, 100);
    expect(Array.from(e).length).toBeLessThanOrEqual(100);
    expect(e.endsWith('…')).toBe(true);
  });
});

describe('entryDate', () => {
  it.each([
    ['2026-11-16T08:00:00Z', '2026-11-16T08:00:00Z'],
    ['2027-01-01T00:00:00Z', '2026-11-20T10:11:12Z'], // future: the feed's clock is wrong
    ['1970-01-01T00:00:00Z', '2026-11-20T10:11:12Z'], // a zero date
    [null, '2026-11-20T10:11:12Z'],
  ])('%s → %s', (published, want) => {
    expect(entryDate({ published, updated: null }, fetchedAt)).toBe(want);
  });
});

describe('entryFrontMatter', () => {
  it('carries the INTERFACE keys and the provenance', () => {
    const f = entryFrontMatter({
      item: base,
      decision: { decision: 'append', score: 0.87654, reasons: ['matched  taiwan', ''] },
      source,
      key: 'g:feeds.example#g-1',
      fetchedAt,
      excerptChars: 280,
    });
    expect(f).toEqual({
      title: 'US and Taiwan sign cyber pact',
      date: '2026-11-16T08:00:00Z',
      link: 'https://news.example/a',
      source: 'Focus Test',
      tags: ['politics', 'cross-strait'],
      summary: 'First paragraph & more.',
      source_feed: 'https://feeds.example/rss',
      guid: 'g-1',
      fetched_at: '2026-11-20T10:11:12Z',
      score: 0.877,
      reasons: ['matched taiwan'],
      also_reported_by: [],
      key: 'g:feeds.example#g-1',
    });
  });
  it('gives an untitled item a title from its text', () => {
    const f = entryFrontMatter({
      item: { ...base, title: null },
      decision: { decision: 'append', score: 1, reasons: [] },
      source,
      key: 'k',
      fetchedAt,
      excerptChars: 280,
    });
    expect(f.title).toBe('First paragraph & more.');
  });
  it('keeps at most five tags', () => {
    expect(tagsOf({ categories: ['a', 'b', 'c', 'd', 'e', 'f'] })).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
