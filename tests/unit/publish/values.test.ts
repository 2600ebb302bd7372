import { describe, expect, it } from 'vitest';
import type { Entry } from '../../../src/model.js';
import { cdata, itemValues, xmlAttr, xmlText } from '../../../src/publish/values.js';

function entry(slug: string, date: string, extra: Partial<Entry> = {}): Entry {
  return {
    file: `entries/${slug}.md`, slug, id: `https://example.org/feeds/#${slug}`, title: slug, date, updated: date,
    link: null, source: null, tags: [], summary: '', body: '', html: '<p>x</p>', origin: null, frontMatter: {}, ...extra,
  };
}

describe('escaping', () => {
  it.each([
    ['Fish & Chips', 'Fish &#x26; Chips'],
    ['a < b > c', 'a &#x3C; b &#x3E; c'],
    ['AT&amp;T', 'AT&#x26;amp;T'],
    ['x ]]> y', 'x ]]&#x3E; y'],
    ['bad\u0001\u000B\uFFFE\uFFFF chars', 'bad chars'],
    ['lone \uD800 high', 'lone \uFFFD high'],
    ['"quotes" \'stay\'', '"quotes" \'stay\''],
  ])('xmlText(%j) = %j', (input, out) => {
    expect(xmlText(input)).toBe(out);
  });

  it.each([
    ['c&c<t>', 'c&amp;c&lt;t&gt;'],
    ['say "hi"', 'say &quot;hi&quot;'],
    ['a\tb\nc', 'a&#x9;b&#xA;c'],
    ['\u0001x', 'x'],
  ])('xmlAttr(%j) = %j', (input, out) => {
    expect(xmlAttr(input)).toBe(out);
  });

  it('keeps every ]]> inside CDATA harmless, not only the first', () => {
    expect(cdata('a ]]> b ]]> c')).toBe('<![CDATA[a ]]]]><![CDATA[> b ]]]]><![CDATA[> c]]>');
    expect(cdata('x\u0001')).toBe('<![CDATA[x]]>');
  });
});

describe('itemValues', () => {
  it('points an entry without a link at its anchor on index.html', () => {
    const [a, b] = itemValues(
      [entry('2020-01-02-a', '2020-01-02T00:00:00Z', { link: 'https://x.example/a' }), entry('2020-01-01-b', '2020-01-01T00:00:00Z')],
      'https://example.org/feeds/',
    );
    expect(a!.alternate).toBe('https://x.example/a');
    expect(b!.alternate).toBe('https://example.org/feeds/#2020-01-01-b');
  });

  it('makes Atom updated values distinct without changing the order', () => {
    const day = '2020-01-01T00:00:00Z';
    const items = itemValues(
      [entry('2020-01-01-a', day), entry('2020-01-01-b', day), entry('2020-01-01-c', day), entry('2019-12-31-d', '2019-12-31T00:00:00Z', { updated: day })],
      'https://example.org/feeds/',
    );
    const times = items.map((i) => i.atomUpdated.toISOString());
    expect(times).toEqual([
      '2020-01-01T00:00:03.000Z',
      '2020-01-01T00:00:02.000Z',
      '2020-01-01T00:00:01.000Z',
      '2020-01-01T00:00:00.000Z',
    ]);
    expect(items.map((i) => i.published.toISOString().slice(0, 10))).toEqual(['2020-01-01', '2020-01-01', '2020-01-01', '2019-12-31']);
  });
});
