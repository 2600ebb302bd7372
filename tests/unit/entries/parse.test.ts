import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { resolveConfig } from '../../../src/config.js';
import { parseEntry } from '../../../src/entries/read.js';
import { StraitfeedError } from '../../../src/errors.js';
import { BASE_CONFIG } from '../../helpers/site.js';
import { errorFrom } from '../../helpers/errors.js';

const config = resolveConfig(stringify(BASE_CONFIG), '/site/straitfeed.yaml');
const NOW = new Date('2026-01-01T00:00:00Z');
const FILE = 'entries/2020-01-01-x.md';

const parse = (text: string, file = FILE) => parseEntry(text, file, config, { now: NOW });

function errorOf(text: string, file = FILE): StraitfeedError {
  return errorFrom(() => parse(text, file));
}

describe('parseEntry', () => {
  it('reads a complete entry', () => {
    const e = parse(
      [
        '---',
        'title: "U.S. & Taiwan  Strengthen\tTies"',
        'date: 2016-07-05',
        'link: https://example.org/a?b=1&c=2',
        'source: "Publisher"',
        'tags: [us-taiwan, cooperation, us-taiwan, "  "]',
        'summary: "One sentence."',
        'source_note: kept as is',
        '---',
        'Body **text**.',
      ].join('\n'),
    );
    expect(e).toMatchObject({
      file: FILE,
      slug: '2020-01-01-x',
      title: 'U.S. & Taiwan Strengthen Ties',
      date: '2016-07-05T00:00:00Z',
      updated: '2016-07-05T00:00:00Z',
      link: 'https://example.org/a?b=1&c=2',
      source: 'Publisher',
      tags: ['us-taiwan', 'cooperation'],
      summary: 'One sentence.',
      body: 'Body **text**.',
      html: '<p>Body <strong>text</strong>.</p>',
      origin: null,
    });
    expect(e.frontMatter.source_note).toBe('kept as is');
  });

  it('derives the summary from the body and content from the summary', () => {
    expect(parse('---\ntitle: T\ndate: 2020-01-01\n---\nFirst *para*.\n\nSecond.').summary).toBe('First para. Second.');
    const empty = parse('---\ntitle: T\ndate: 2020-01-01\nsummary: "S & s"\n---\n');
    expect(empty.html).toBe('<p>S &amp; s</p>');
    expect(parse('---\ntitle: T & t\ndate: 2020-01-01\n---\n').html).toBe('<p>T &amp; t</p>');
  });

  it('sets origin from the watcher keys and keeps every provenance key', () => {
    const e = parse(
      [
        '---',
        'title: T',
        'date: 2020-01-01T03:04:05Z',
        'source_feed: https://news.example.com/rss.xml',
        'guid: urn:x:1',
        'fetched_at: "2020-01-01T04:00:00Z"',
        'score: 0.9',
        'reasons: [a, b]',
        'also_reported_by: [{ source: S, link: "https://s.example/" }]',
        'key: k',
        '---',
        'x',
      ].join('\n'),
    );
    expect(e.origin).toEqual({ name: 'news.example.com', feedUrl: 'https://news.example.com/rss.xml' });
    expect(e.frontMatter).toMatchObject({ guid: 'urn:x:1', score: 0.9, reasons: ['a', 'b'], key: 'k' });
    const named = parse('---\ntitle: T\ndate: 2020-01-01\nsource: Wire\nsource_feed: https://n.example/f\n---\n');
    expect(named.origin).toEqual({ name: 'Wire', feedUrl: 'https://n.example/f' });
  });

  it('accepts an early date the entry says is intended, and a YAML Date object', () => {
    expect(parse('---\ntitle: T\ndate: 1899-12-31\ndate_intended: true\n---\n').date).toBe('1899-12-31T00:00:00Z');
    expect(parse('---\ntitle: T\ndate: 2026-01-01T20:00:00Z\n---\n').date).toBe('2026-01-01T20:00:00Z');
  });

  it('normalizes an explicit id', () => {
    expect(parse('---\ntitle: T\ndate: 2020-01-01\nid: "tag:example.org,2020:x"\n---\n').explicitId).toBe('tag:example.org,2020:x');
    expect(parse('---\ntitle: T\ndate: 2020-01-01\nid: "HTTPS://Example.org"\n---\n').explicitId).toBe('https://example.org/');
  });

  it.each([
    ['missing title', 'date: 2020-01-01', 1, 'title: is required'],
    ['empty title', 'title: "  \\u0001 "\ndate: 2020-01-01', 2, 'title: must not be empty'],
    ['title as a list', 'title: [a]\ndate: 2020-01-01', 2, 'title: must be text'],
    ['missing date', 'title: T', 1, 'date: is required'],
    ['impossible date', 'title: T\ndate: 2023-02-30', 3, 'not a day of the calendar'],
    ['year zero', 'title: T\ndate: 0000-01-01', 3, 'outside 0001–9999'],
    ['year 10000', 'title: T\ndate: 10000-01-01', 3, 'is not a date'],
    ['date before 1990', 'title: T\n\ndate: 1899-12-31', 4, 'before site.earliest_date (1990-01-01)'],
    ['date in the future', 'title: T\ndate: 9999-12-31', 3, 'is in the future'],
    ['bad date_intended', 'title: T\ndate: 1899-12-31\ndate_intended: yes', 4, 'date_intended: must be true or false'],
    ['updated before date', 'title: T\ndate: 2020-01-02\nupdated: 2020-01-01', 4, 'updated: is before date'],
    ['relative link', 'title: T\ndate: 2020-01-01\nlink: /posts/x', 4, 'link: must be an absolute http(s) URL'],
    ['non-http link', 'title: T\ndate: 2020-01-01\nlink: "javascript:alert(1)"', 4, 'link: must be'],
    ['link without host', 'title: T\ndate: 2020-01-01\nlink: "https://"', 4, 'link: must be'],
    ['tags as text', 'title: T\ndate: 2020-01-01\ntags: a, b', 4, 'tags: must be a list'],
    ['tags holding a map', 'title: T\ndate: 2020-01-01\ntags: [{a: 1}]', 4, 'tags: every tag must be text'],
    ['id that is not a URI', 'title: T\ndate: 2020-01-01\nid: post-42', 4, 'id: must be an absolute URI'],
    ['bad source_feed', 'title: T\ndate: 2020-01-01\nsource_feed: feed.xml', 4, 'source_feed: must be'],
    ['summary as a map', 'title: T\ndate: 2020-01-01\nsummary: {a: 1}', 4, 'summary: must be text'],
  ])('%s is ENTRY_INVALID naming file:line', (_name, yaml, line, message) => {
    const e = errorOf(`---\n${yaml}\n---\nBody\n`);
    expect(e.code).toBe('ENTRY_INVALID');
    expect(e.message).toContain(`entry: ${FILE}:${line}: `);
    expect(e.message).toContain(message);
  });

  it.each(['entries/2020-1-1-x.md', 'entries/notes.md', 'entries/2020-01-01-.md', 'entries/2020-01-01-a b.md'])(
    'refuses the file name %s',
    (file) => {
      const e = errorOf('---\ntitle: T\ndate: 2020-01-01\n---\n', file);
      expect(e.message).toContain(`${file}:1: file name must be YYYY-MM-DD-slug.md`);
    },
  );
});
